"""Keyword in context and the matching contract, checked against hand counts."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.search.kwic import parse_sort
from toolkit.search.patterns import compile_pattern

TEXTS = [
    "Troops pulled out of Bagram. The pullout was fast. Withdrawal followed withdrawal.",
    "Nobody will pull out now, said the general. The WITHDRAWAL is over.",
]


@pytest.fixture(scope="module")
def small():
    return toolkit.load_corpus(TEXTS)


# -------------------------------------------------------------- hand counts


def test_taliban_counts_in_sample(sample_corpus, sample_raw_corpus):
    # Counted by reading the original file: 23 occurrences on 22 lines (two on the
    # line beginning "The United States, which toppled"). Cleaning removes three:
    # the duplicated photo caption and two "READ MORE:" links.
    assert len(toolkit.kwic(sample_raw_corpus, "Taliban")) == 23
    assert len(toolkit.kwic(sample_corpus, "Taliban")) == 20


def test_withdrawal_vocabulary_in_sample(sample_corpus):
    # By hand: "withdraw" (foreign forces withdraw), "withdrawal" (complete withdrawal);
    # "pulls out" (Washington), "pulled out" (United States, US troops), "pull out"
    # (agreed ... to pull out); "pullout" once in the text, once more in a removed
    # READ MORE line; "defeat" once, in quotation marks.
    hits = toolkit.kwic(sample_corpus, ["withdraw*", "pull* out", "pullout", "defeat*"])
    counts = hits.groupby("pattern", observed=False).size().to_dict()
    assert counts == {"withdraw*": 2, "pull* out": 4, "pullout": 1, "defeat*": 1}
    text = sample_corpus.docs.text.iloc[0]
    for r in hits.itertuples():
        assert text[r.start : r.end] == r.keyword


def test_case_and_match_modes(small):
    assert len(toolkit.kwic(small, "withdrawal")) == 3
    assert len(toolkit.kwic(small, "withdrawal", case_sensitive=True)) == 1
    assert len(toolkit.kwic(small, "Withdraw*", case_sensitive=True)) == 1
    assert len(toolkit.kwic(small, "pull*")) == 3  # pulled, pullout, pull
    assert len(toolkit.kwic(small, "pull* out")) == 2
    assert len(toolkit.kwic(small, "pull?d", match="glob")) == 1
    assert len(toolkit.kwic(small, r"pull(ed)?", match="regex")) == 2
    assert len(toolkit.kwic(small, r"withdrawal|pullout", match="regex")) == 4
    assert len(toolkit.kwic(small, "pull*", match="fixed")) == 0


def test_phrase_does_not_cross_documents():
    c = toolkit.load_corpus(["They pull", "out now."])
    assert toolkit.kwic(c, "pull out").empty


@pytest.mark.parametrize("match", ["glob", "fixed", "regex"])
def test_every_mode_finds_a_plain_word(sample_corpus, match):
    # "the Kabul government" and "north of Kabul on Friday"
    assert len(toolkit.kwic(sample_corpus, "Kabul", match=match)) == 2


def test_tokenizer_splits_pattern_parts_the_same_way(sample_corpus):
    assert compile_pattern("90%").parts == ("90", "%")
    assert len(toolkit.kwic(sample_corpus, "90 percent")) == 1
    assert len(toolkit.kwic(sample_corpus, "Stanikzai's")) == 1
    assert len(toolkit.kwic(sample_corpus, "Qala-e-Naw")) == 4


# --------------------------------------------------------------- window, sort


def test_window_counts_words_not_punctuation(small):
    hit = toolkit.kwic(small, "general", window=3).iloc[0]
    assert hit.left == "now, said the"
    assert hit.right == ". The WITHDRAWAL is"
    assert toolkit.kwic(small, "Troops", window=2).iloc[0].left == ""


def test_within_sentence(small):
    doc = toolkit.kwic(small, "pullout", window=5).iloc[0]
    sent = toolkit.kwic(small, "pullout", window=5, within="sentence").iloc[0]
    assert "Bagram" in doc.left and sent.left == "The"
    assert sent.right == "was fast."  # the sentence's final period follows the last word


def test_sort_like_antconc(small):
    hits = toolkit.kwic(small, "withdrawal", sort="1R")
    # right-hand words: none (end of document: sorts first; only its "." is shown),
    # "followed", "is"
    assert hits.right.str.split().str[0].tolist() == [".", "followed", "is"]
    left = toolkit.kwic(small, "withdrawal", sort="1L")
    assert [r.split()[-1] for r in left.left] == ["fast.", "followed", "The"]
    # ties are kept in corpus order
    both = toolkit.kwic(small, ["pull*", "withdrawal"], sort="K")
    assert both.keyword.str.lower().tolist() == ["pull", "pulled", "pullout"] + ["withdrawal"] * 3


def test_parse_sort():
    assert parse_sort("1R,2R") == [("R", 1), ("R", 2)]
    assert parse_sort("k") == [("K", 0)]
    assert parse_sort(None) == []
    with pytest.raises(ValueError, match="such as '1R'"):
        parse_sort("R1")


def test_columns_dtypes_and_meta(sample_corpus):
    hits = toolkit.kwic(sample_corpus, "Taliban")
    assert list(hits.columns) == [
        "doc_id",
        "sent_id",
        "start",
        "end",
        "left",
        "keyword",
        "right",
        "pattern",
    ]
    with_meta = toolkit.kwic(sample_corpus, "Taliban", meta=["source", "date"])
    assert (with_meta.source == "TRT World").all()
    assert (with_meta.date == pd.Timestamp("2021-07-07")).all()
    assert "title" in toolkit.kwic(sample_corpus, "Taliban", meta=True).columns
    with pytest.raises(ValueError, match="not in the corpus"):
        toolkit.kwic(sample_corpus, "Taliban", meta=["nope"])


def test_sentence_ids_point_at_the_right_sentence(sample_corpus):
    sents = toolkit.sentences(sample_corpus)
    for r in toolkit.kwic(sample_corpus, "said").itertuples():
        s = sents.iloc[r.sent_id]
        assert s.start <= r.start < s.end


def test_export(sample_corpus, tmp_path):
    hits = toolkit.kwic(sample_corpus, "defeat")
    hits.to_csv(tmp_path / "k.csv", index=False)
    assert pd.read_csv(tmp_path / "k.csv").keyword.tolist() == ["defeat"]
    pytest.importorskip("openpyxl")
    hits.to_excel(tmp_path / "k.xlsx", index=False)
    assert pd.read_excel(tmp_path / "k.xlsx").keyword.tolist() == ["defeat"]


# ------------------------------------------------------------------ bad input


def test_bad_patterns_and_windows(sample_corpus):
    with pytest.raises(ValueError, match=re.escape("'[oops'")):
        toolkit.kwic(sample_corpus, "[oops", match="regex")
    with pytest.raises(ValueError, match="empty"):
        toolkit.kwic(sample_corpus, "   ")
    with pytest.raises(ValueError, match="no pattern"):
        toolkit.kwic(sample_corpus, [])
    for window in (0, -3, 2.5):
        with pytest.raises(ValueError, match="window"):
            toolkit.kwic(sample_corpus, "Taliban", window=window)
    with pytest.raises(ValueError, match="match="):
        toolkit.kwic(sample_corpus, "Taliban", match="fuzzy")
    with pytest.raises(ValueError, match="every token"):
        toolkit.kwic(sample_corpus, "*")


def test_no_hits_gives_empty_table_with_columns(sample_corpus):
    hits = toolkit.kwic(sample_corpus, "zebra")
    assert hits.empty and "keyword" in hits.columns
    assert "0 hits" in toolkit.kwic_html(hits)


# ------------------------------------------------------------------ HTML


def test_html_escapes_article_text():
    evil = "Before <script>alert(1)</script> the <img src=x onerror=alert(2)> defeat & after"
    c = toolkit.load_corpus([evil])
    page = toolkit.kwic_html(toolkit.kwic(c, "defeat", window=20))
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert '<mark style="background:#ffe08a;font-weight:bold">defeat</mark>' in page
    hits = toolkit.kwic(c, "script", window=2)
    assert "<script>" not in toolkit.kwic_html(hits)


def test_html_row_limit(sample_corpus):
    page = toolkit.kwic_html(toolkit.kwic(sample_corpus, "the"), max_rows=5)
    assert page.count("<tr>") == 6 and "69 hits; the first 5 shown" in page


# ---------------------------------------------------------------- invariants


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("ab ,;\n")), max_size=60), min_size=1, max_size=4
    ),
    st.sampled_from(["a", "b", "a*", "ab", "a b", "b a*"]),
)
def test_no_hit_lost_across_documents(texts, pattern):
    texts = [t for t in texts if t.strip()] or ["a"]
    corpus = toolkit.load_corpus(texts)
    hits = toolkit.kwic(corpus, pattern, window=2)
    expected = 0
    parts = pattern.split()
    for doc in corpus.docs.text:
        toks = [t for t in re.findall(r"\w+|[^\w\s]", doc)]
        for i in range(len(toks) - len(parts) + 1):
            if all(
                (
                    toks[i + k].lower().startswith(p[:-1])
                    if p.endswith("*")
                    else toks[i + k].lower() == p
                )
                for k, p in enumerate(parts)
            ):
                expected += 1
    assert len(hits) == expected
    docs = dict(zip(corpus.docs.doc_id, corpus.docs.text, strict=True))
    for r in hits.itertuples():
        assert docs[r.doc_id][r.start : r.end].replace("\n", " ") == r.keyword


@pytest.mark.parametrize(
    ("pattern", "unmatchable"),
    [
        ("withdraw[*", "withdraw[*"),
        ("pull* out]*", "out]*"),
        ("(taliban*", "(taliban*"),
        ("withdraw*", None),
        ("U.S.*", None),
        ("*'s", None),
        ("Qala-*", None),
        ("9/*", None),
        ("pull* out", None),
    ],
)
def test_globs_that_can_match_no_token(sample_corpus, pattern, unmatchable):
    from toolkit.search.patterns import compile_pattern, unmatchable_part

    found = unmatchable_part(compile_pattern(pattern))
    assert (found[0] if found else None) == unmatchable
    if unmatchable:  # and indeed nothing matches, in any text
        assert toolkit.kwic(sample_corpus, pattern).empty

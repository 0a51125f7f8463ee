"""Tokenizing with offsets: conventions, sentence boundaries, and invariants."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.text.paragraphs import split_paragraphs
from toolkit.text.quote_marks import pair_quote_marks
from toolkit.text.sentences import split_sentences
from toolkit.text.words import tokenize_text


def words(text: str) -> list[str]:
    s, e = tokenize_text(text)
    return [text[a:b] for a, b in zip(s, e, strict=True)]


def sents(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qala-e-Naw fell.", ["Qala-e-Naw", "fell", "."]),
        ("the U.S. and U.N. envoys", ["the", "U.S.", "and", "U.N.", "envoys"]),
        ("over 90% complete", ["over", "90", "%", "complete"]),
        ("90 percent", ["90", "percent"]),
        ("its two-decade intervention", ["its", "two-decade", "intervention"]),
        ("Stanikzai's visit", ["Stanikzai", "'s", "visit"]),
        ("Badghis' provincial council", ["Badghis", "'", "provincial", "council"]),
        ("they don't know", ["they", "do", "n't", "know"]),
        ("O'Neill said", ["O'Neill", "said"]),
        ("5.93 mln and 2,000 troops", ["5.93", "mln", "and", "2,000", "troops"]),
        ('"defeat" of US troops', ['"', "defeat", '"', "of", "US", "troops"]),
        ("Lt. Col. Smith and Gen. Miller", ["Lt.", "Col.", "Smith", "and", "Gen.", "Miller"]),
        ("Donald J. Trump", ["Donald", "J.", "Trump"]),
        ("on Jan. 6 at 10:30", ["on", "Jan.", "6", "at", "10:30"]),
        ("see https://example.org/a?b=1.", ["see", "https://example.org/a?b=1", "."]),
        ("U.S.-led coalition", ["U.S.-led", "coalition"]),
        ("war \u2014 and peace...", ["war", "\u2014", "and", "peace", "..."]),
    ],
)
def test_word_conventions(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He met U.S. envoys in Doha. Talks failed.",
            ["He met U.S. envoys in Doha.", "Talks failed."],
        ),
        ("Mr. Ghani left. Gen. Miller stayed.", ["Mr. Ghani left.", "Gen. Miller stayed."]),
        ("Lt. Col. Ahmad spoke.", ["Lt. Col. Ahmad spoke."]),
        ("It began on Jan. 6 in Kabul.", ["It began on Jan. 6 in Kabul."]),
        ("Donald J. Trump agreed.", ["Donald J. Trump agreed."]),
        ("Troops left the U.S. The war ended.", ["Troops left the U.S.", "The war ended."]),
        (
            'He said: "We won. They lost." Then he left.',
            ['He said: "We won. They lost."', "Then he left."],
        ),
        ('"Why?" he asked. Nobody knew.', ['"Why?" he asked.', "Nobody knew."]),
        # a capitalised speaker and a verb of saying go on with the sentence
        (
            '"Where are you?" Sanders said. "Okay, great!" Sen. Jane Doe added on Tuesday.',
            ['"Where are you?" Sanders said.', '"Okay, great!" Sen. Jane Doe added on Tuesday.'],
        ),
        # ... unless they begin a sentence of their own
        (
            '"Why?" Smith said the vote was close and the count was late.',
            ['"Why?"', "Smith said the vote was close and the count was late."],
        ),
        ('"We lost!" Kabul fell.', ['"We lost!"', "Kabul fell."]),
        ("No. 10 was shut. It rained.", ["No. 10 was shut.", "It rained."]),
        (
            "Headline without stop\n\nBody one. Body two.",
            ["Headline without stop", "Body one.", "Body two."],
        ),
        ("The rate was 5.5 percent. It rose.", ["The rate was 5.5 percent.", "It rose."]),
    ],
)
def test_sentence_boundaries(text, expected):
    assert sents(text) == expected


def test_unbalanced_quote_does_not_swallow_the_paragraph():
    text = 'He said "we won. They lost. Then it ended.\n\nNext paragraph. Another one.'
    out = sents(text)
    assert out[-2:] == ["Next paragraph.", "Another one."]


def test_pair_quote_marks_typographic_and_stray():
    t = '\u201cWe won,\u201d he said. A stray " mark. \u201cThey lost.\u201d'
    pairs = pair_quote_marks(t)
    first_open, first_close = pairs[0]
    assert t[first_open : first_close + 1] == "\u201cWe won,\u201d"
    assert t[pairs[-1][0] : pairs[-1][1] + 1].endswith("\u201d")


def test_paragraph_lines():
    t = "Hard wrapped prose that goes on\nand on to the next line.\n\nA caption.\nA caption. (AFP)"
    assert [t[a:b] for a, b in split_paragraphs(t)] == [
        "Hard wrapped prose that goes on\nand on to the next line.",
        "A caption.",
        "A caption. (AFP)",
    ]


def test_sample_sentences(sample_corpus):
    table = toolkit.sentences(sample_corpus)
    texts = table.text.tolist()
    # the two-sentence quotation stays inside one sentence
    assert any(
        t.startswith("Speaking on a street") and t.endswith('out of the city."') for t in texts
    )
    assert "The Taliban says it has changed, but many remain sceptical." in texts
    assert list(table.columns) == ["doc_id", "sent_id", "para_id", "start", "end", "text", "kind"]
    assert table.sent_id.tolist() == list(range(len(table)))
    text = sample_corpus.docs.text.iloc[0]
    assert all(text[r.start : r.end] == r.text for r in table.itertuples())


def test_token_table(sample_corpus):
    toks = toolkit.tokenize(sample_corpus)
    assert list(toks.columns) == [
        "doc_id",
        "sent_id",
        "token_id",
        "token",
        "lower",
        "start",
        "end",
        "is_punct",
    ]
    text = sample_corpus.docs.text.iloc[0]
    assert all(text[r.start : r.end] == r.token for r in toks.itertuples())
    assert (toks.lower == toks.token.str.lower()).all()
    assert toks.loc[toks.token == ",", "is_punct"].all()
    assert not toks.loc[toks.token == "Taliban", "is_punct"].any()
    # sentence ids agree with the sentence table
    sent = toolkit.sentences(sample_corpus)
    for r in toks.sample(50, random_state=0).itertuples():
        s = sent.iloc[r.sent_id]
        assert s.start <= r.start and r.end <= s.end


def test_tables_for_several_documents():
    c = toolkit.load_corpus(["First one. Second.", "Third here."])
    toks = toolkit.tokenize(c)
    assert toks.groupby("doc_id", observed=True).token_id.min().tolist() == [0, 0]
    assert toolkit.sentences(c).groupby("doc_id", observed=True).size().tolist() == [2, 1]


# ------------------------------------------------------------------ invariants

text_strategy = st.text(
    alphabet=st.sampled_from(list("abcXYZ .,!?\"'-\n\u201c\u201d\u2019%0123456789U.S:;()\u00a0")),
    max_size=300,
)


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_tokens_slice_back_and_never_overlap(text):
    s, e = tokenize_text(text)
    assert (s < e).all()
    assert (s[1:] >= e[:-1]).all()
    for a, b in zip(s, e, strict=True):
        assert not text[a:b].isspace()
    covered = set()
    for a, b in zip(s, e, strict=True):
        covered.update(range(a, b))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_sentences_cover_the_text(text):
    spans = split_sentences(text)
    assert all(a < b for a, b in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
    inside = set()
    for a, b in spans:
        inside.update(range(a, b))
        assert text[a:b] == text[a:b].strip()
    assert all(i in inside for i, ch in enumerate(text) if not ch.isspace())


@settings(max_examples=100, deadline=None)
@given(st.lists(text_strategy.filter(lambda t: t.strip()), min_size=1, max_size=3))
def test_corpus_tables_keep_offsets(texts):
    c = toolkit.load_corpus(texts)
    docs = dict(zip(c.docs.doc_id, c.docs.text, strict=True))
    toks = toolkit.tokenize(c)
    assert all(docs[r.doc_id][r.start : r.end] == r.token for r in toks.itertuples())
    for r in toolkit.sentences(c).itertuples():
        assert docs[r.doc_id][r.start : r.end] == r.text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"abXY .,:;!?\"')]-n't\u00e9U.S1\n/", "https://", "www."]), max_size=60
    ).map("".join)
)
def test_fast_path_changes_no_token(text):
    from toolkit.text.words import _word_regex

    full = _word_regex()
    # alternatives are joined as "(?:a)|(?:b)|..."; drop the first
    cut = full.pattern.index(")|(?:") + 2
    assert full.pattern[:cut].startswith("(?:[A-Za-z]+(?=")
    without = re.compile(full.pattern[cut:])
    assert full.findall(text) == without.findall(text)

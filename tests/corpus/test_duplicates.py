"""Near-duplicate documents: found by MinHash/LSH, checked exactly, flagged,
dropped or kept by load_corpus; the White House corpus's double posting."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

import toolkit
from toolkit.corpus.duplicates import DUPLICATE_MEASURE, document_shingles, jaccard

from ..conftest import shared_path

BASE = " ".join(
    f"The {w} said on day {i} that talks in Doha had stalled over prisoners and aid."
    for i, w in enumerate(["minister", "envoy", "spokesman", "official", "general", "mayor"])
)


def _frame():
    return pd.DataFrame(
        {
            "doc_id": ["late-repost", "original", "other", "edited"],
            "date": ["2021-08-20", "2021-08-15", "2021-08-16", "2021-08-18"],
            "text": [
                BASE,
                BASE,
                "Kabul airport was closed to civilian flights.",
                BASE + " Updated.",
            ],
        }
    )


def test_pairs_name_the_later_document_and_the_earlier_one_it_duplicates():
    corpus = toolkit.load_corpus(_frame(), duplicates="keep")
    pairs = toolkit.find_duplicates(corpus)
    assert list(pairs.columns[:4]) == ["doc_id", "duplicate_of", "similarity", "measure"]
    assert set(map(tuple, pairs[["doc_id", "duplicate_of"]].values)) == {
        ("late-repost", "original"),
        ("edited", "original"),
        ("late-repost", "edited"),
    }
    assert (pairs["group"] == "original").all()
    assert (pairs["measure"] == DUPLICATE_MEASURE).all()
    assert pairs.set_index("doc_id").loc["edited", "similarity"] < 1.0
    assert pairs.similarity.between(0.9, 1.0).all()


def test_threshold_is_checked_and_raising_it_drops_the_edited_pair():
    corpus = toolkit.load_corpus(_frame(), duplicates="keep")
    strict = toolkit.find_duplicates(corpus, threshold=1.0)
    assert strict[["doc_id", "duplicate_of"]].to_numpy().tolist() == [["late-repost", "original"]]
    with pytest.raises(ValueError, match="threshold"):
        toolkit.find_duplicates(corpus, threshold=0)


def test_load_corpus_flags_by_default_with_a_column_and_a_report_row_per_group():
    corpus = toolkit.load_corpus(_frame())
    flagged = dict(zip(corpus.docs.doc_id, corpus.docs.duplicate_of, strict=True))
    assert flagged == {
        "late-repost": "original",
        "original": None,
        "other": None,
        "edited": "original",
    }
    rows = corpus.report[corpus.report.action == "duplicates"]
    assert len(rows) == 1 and rows.doc_id.iat[0] == "original"
    assert "late-repost" in rows.detail.iat[0] and "edited" in rows.detail.iat[0]


def test_drop_keeps_the_earliest_of_each_group():
    corpus = toolkit.load_corpus(_frame(), duplicates="drop")
    assert corpus.docs.doc_id.tolist() == ["original", "other"]
    assert (corpus.report.action == "removed").sum() >= 1
    assert "duplicate_of" not in corpus.docs.columns or corpus.docs.duplicate_of.isna().all()


def test_keep_changes_nothing_and_bad_values_are_refused():
    corpus = toolkit.load_corpus(_frame(), duplicates="keep")
    assert len(corpus) == 4 and "duplicate_of" not in corpus.docs.columns
    with pytest.raises(ValueError, match="'keep', 'drop' or 'flag'"):
        toolkit.load_corpus(_frame(), duplicates="remove")


def test_no_duplicates_gives_an_empty_table_with_the_columns():
    corpus = toolkit.load_corpus(["Kabul fell.", "Talks in Doha failed.", "A third text."])
    pairs = toolkit.find_duplicates(corpus)
    assert pairs.empty and list(pairs.columns[:4]) == [
        "doc_id",
        "duplicate_of",
        "similarity",
        "measure",
    ]


@pytest.mark.shared
def test_white_house_double_posting_is_the_only_pair_and_lsh_misses_none():
    path = shared_path("corpus", "whitehouse-afghanistan-2021", "wh_afghanistan_2021_2022.jsonl")
    corpus = toolkit.load_corpus(path, progress=False, duplicates="keep")
    pairs = toolkit.find_duplicates(corpus)
    assert len(pairs) == 1
    pair = pairs.iloc[0]
    docs = corpus.docs.set_index("doc_id")
    assert (
        docs.loc[pair.doc_id, "date"]
        == docs.loc[pair.duplicate_of, "date"]
        == pd.Timestamp("2022-09-01")
    )
    assert "press-briefing" in pair.doc_id and pair.similarity > 0.99
    # every pair, compared exactly: none other reaches the threshold
    values, bounds = document_shingles(list(corpus.docs.text))
    shingles = [values[a:b] for a, b in itertools.pairwise(bounds)]
    above = [
        (i, j)
        for i, j in itertools.combinations(range(len(shingles)), 2)
        if jaccard(shingles[i], shingles[j]) >= 0.9
    ]
    ids = corpus.docs.doc_id
    assert [{ids[i], ids[j]} for i, j in above] == [{pair.doc_id, pair.duplicate_of}]


def test_a_docs_frame_is_accepted_and_other_inputs_are_refused():
    frame = _frame()[["doc_id", "text"]]
    pairs = toolkit.find_duplicates(frame)
    # without dates, the earlier document is the one that comes first
    assert ("original", "late-repost") in set(
        map(tuple, pairs[["doc_id", "duplicate_of"]].to_numpy())
    )
    with pytest.raises(TypeError, match="load_corpus"):
        toolkit.find_duplicates(["Kabul fell.", "Kabul fell."])

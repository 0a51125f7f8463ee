"""count_documents: the documents and words of each group, the denominators of
every count per group."""

from __future__ import annotations

import pandas as pd
import pytest

import toolkit

DOCS = pd.DataFrame(
    {
        "id": ["a", "b", "c", "d"],
        "date": ["2021-08-02", "2021-08-16", "2021-09-01", None],
        "category": ["statement", "briefing", "briefing", "statement"],
        "text": [
            "Troops withdraw.",
            "Q The evacuation goes on, she said.",
            "Evacuation flights left Kabul.",
            "No date here.",
        ],
    }
)


@pytest.fixture(scope="module")
def corpus():
    return toolkit.load_corpus(DOCS, progress=False)


def test_whole_corpus_is_one_row(corpus):
    table = toolkit.count_documents(corpus)
    words = int((~toolkit.tokenize(corpus)["is_punct"]).sum())
    assert table.to_dict("records") == [{"documents": 4, "tokens": words, "first_doc_id": "a"}]


def test_by_month_counts_documents_and_their_words(corpus):
    table = toolkit.count_documents(corpus, by="month")
    assert isinstance(table["month"].dtype, pd.PeriodDtype)  # as count_frames gives it
    assert table["month"].astype(str).tolist()[:2] == ["2021-08", "2021-09"]
    assert pd.isna(table["month"].iat[2])  # documents without a date: a group of their own
    assert table["documents"].tolist() == [2, 1, 1]
    assert table["first_doc_id"].tolist() == ["a", "c", "d"]
    tokens = toolkit.tokenize(corpus).query("~is_punct").groupby("doc_id", observed=True).size()
    assert table["tokens"].tolist() == [tokens["a"] + tokens["b"], tokens["c"], tokens["d"]]
    # the same words count_frames divides by
    frames = toolkit.count_frames(corpus, by="month", quotes=_no_quotes())
    per_month = frames.groupby("month", observed=True)["tokens"].first()
    assert per_month.tolist() == table["tokens"].tolist()[:2]


def test_by_a_document_column_and_a_period(corpus):
    table = toolkit.count_documents(corpus, by=["category", "year"])
    assert table[["category", "documents"]].to_numpy().tolist() == [
        ["briefing", 2],
        ["statement", 1],
        ["statement", 1],
    ]


def test_unknown_grouping_lists_the_choices(corpus):
    with pytest.raises(
        ValueError, match=r"cannot group documents by 'speaker'; choose from: .*category"
    ):
        toolkit.count_documents(corpus, by="speaker")
    with pytest.raises(ValueError, match="cannot group documents by 'text'"):
        toolkit.count_documents(corpus, by="text")


def _no_quotes() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [], "start": [], "end": [], "kind": []})

"""Frequency lists, n-grams and the document-term matrix, checked against counts
made by hand and against the token table of tokenize."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.analyses.stopwords import stopword_list
from toolkit.analyses.terms import TERM_COLUMNS

# doc1: Troops left Kabul . | The troops and the base left .
# doc2: Kabul , the capital , fell . | The base held .
DOC1 = "Troops left Kabul. The troops and the base left."
DOC2 = "Kabul, the capital, fell. The base held."


@pytest.fixture(scope="module")
def tiny():
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "text": [DOC1, DOC2],
            "date": ["2021-07-07", "2021-08-16"],
            "source": ["Wire", "Paper"],
        }
    )
    return toolkit.load_corpus(frame, id_col="id", progress=False)


def brute_ngrams(corpus, n: int) -> Counter:
    """n-grams counted from the token table, sentence by sentence."""
    tokens = toolkit.tokenize(corpus)
    words = tokens[~tokens["is_punct"]]
    found: Counter = Counter()
    for _, sent in words.groupby(["doc_id", "sent_id"], observed=True, sort=False):
        lower = sent["lower"].tolist()
        found.update(" ".join(lower[i : i + n]) for i in range(len(lower) - n + 1))
    return found


def test_unigrams_add_up_to_the_word_tokens(sample_corpus):
    table = toolkit.count_terms(sample_corpus)
    tokens = toolkit.tokenize(sample_corpus)
    words = tokens[~tokens["is_punct"]]
    assert list(table.columns) == TERM_COLUMNS
    assert int(table["count"].sum()) == len(words) == table.attrs["tokens"]
    assert dict(zip(table["term"], table["count"], strict=True)) == dict(
        Counter(words["lower"].tolist())
    )
    assert np.allclose(table["per_1k_tokens"], table["count"] * 1000 / len(words))
    # most frequent first, ties alphabetically
    keys = list(zip(-table["count"], table["term"], strict=True))
    assert keys == sorted(keys)


def test_counts_and_documents_by_hand(tiny):
    table = toolkit.count_terms(tiny).set_index("term")
    assert table.loc["the", ["count", "documents"]].tolist() == [4, 2]
    assert table.loc["troops", ["count", "documents"]].tolist() == [2, 1]
    assert table.loc["held", ["count", "documents"]].tolist() == [1, 1]
    assert "," not in table.index and "." not in table.index


@pytest.mark.parametrize("n", [2, 3])
def test_ngrams_match_a_brute_force_count(sample_corpus, n):
    table = toolkit.count_terms(sample_corpus, n=n)
    assert dict(zip(table["term"], table["count"], strict=True)) == dict(
        brute_ngrams(sample_corpus, n)
    )


def test_ngrams_stop_at_sentences_not_at_commas(tiny):
    terms = set(toolkit.count_terms(tiny, n=2)["term"])
    assert "kabul the" in terms and "capital fell" in terms  # across commas
    assert "kabul the" in terms and "left kabul" in terms
    assert "kabul kabul" not in terms and "fell the" not in terms  # never across sentences
    assert "left the" not in terms  # "left. The" ends a sentence


def test_first_occurrence_offsets_slice_to_the_term(tiny):
    texts = dict(zip(tiny.docs["doc_id"], tiny.docs["text"], strict=True))
    for n in (1, 2, 3):
        table = toolkit.count_terms(tiny, n=n)
        for r in table.itertuples(index=False):
            span = texts[r.first_doc_id][r.first_start : r.first_end].lower()
            assert span.replace(",", "").split() == r.term.split()
    first = toolkit.count_terms(tiny, n=2).set_index("term").loc["the base"]
    assert (first.first_doc_id, first.first_start) == ("a", DOC1.index("the base"))


def test_grouped_counts_have_their_own_denominators(tiny):
    by_doc = toolkit.count_terms(tiny, by="doc_id")
    assert list(by_doc.columns) == ["doc_id", *TERM_COLUMNS]
    words = {"a": 9, "b": 7}
    for doc_id, rows in by_doc.groupby("doc_id", observed=True):
        assert int(rows["count"].sum()) == words[doc_id]
        assert np.allclose(rows["per_1k_tokens"], rows["count"] * 1000 / words[doc_id])
        assert (rows["documents"] == 1).all()
    by_month = toolkit.count_terms(tiny, by="month")
    assert [str(m) for m in by_month["month"].unique()] == ["2021-07", "2021-08"]
    both = toolkit.count_terms(tiny, by=["source", "month"])
    assert set(zip(both["source"], both["month"].astype(str), strict=True)) == {
        ("Wire", "2021-07"),
        ("Paper", "2021-08"),
    }
    assert int(both["count"].sum()) == 16


def test_by_voice_splits_the_words_of_quotations():
    corpus = toolkit.load_corpus(
        ['The minister said: "We will not surrender to the Taliban." Troops left.'],
        progress=False,
    )
    table = toolkit.count_terms(corpus, by="voice")
    quoted = set(table.loc[table["voice"] == "quoted", "term"])
    narrator = set(table.loc[table["voice"] == "narrator", "term"])
    assert {"surrender", "taliban", "we"} <= quoted
    assert {"minister", "troops"} <= narrator and "surrender" not in narrator
    assert int(table["count"].sum()) == table.attrs["tokens"] == 12
    speakers = toolkit.count_terms(corpus, by="speaker")
    assert "surrender" in set(speakers.loc[speakers["speaker"] == "minister", "term"])
    # an n-gram across the edge of the quotation belongs to no voice
    bigrams = set(toolkit.count_terms(corpus, n=2, by="voice")["term"])
    assert "said we" not in bigrams and "we will" in bigrams


def test_stopwords_leave_rows_out_and_counts_alone(tiny):
    every = toolkit.count_terms(tiny).set_index("term")
    kept = toolkit.count_terms(tiny, stopwords="english").set_index("term")
    assert not set(kept.index) & stopword_list()
    assert kept["count"].equals(every.loc[kept.index, "count"])
    assert kept.attrs["tokens"] == every.attrs["tokens"]
    corpus = toolkit.load_corpus(["The secretary of state met the Taliban."], progress=False)
    trigrams = set(toolkit.count_terms(corpus, n=3, stopwords="english")["term"])
    assert trigrams == {"secretary of state", "met the taliban"}  # not "of state met"
    bigrams = set(toolkit.count_terms(corpus, n=2, stopwords=["met"])["term"])
    assert "state met" not in bigrams and "the taliban" in bigrams


def test_min_count(tiny):
    table = toolkit.count_terms(tiny, min_count=2)
    assert table["count"].min() >= 2
    assert set(table["term"]) == {"the", "troops", "left", "kabul", "base"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"n": 0}, "n=0"),
        ({"min_count": 0}, "min_count=0"),
        ({"by": "colour"}, "cannot count terms by 'colour'; choose from: "),
        ({"stopwords": "klingon"}, "not a packaged list"),
    ],
)
def test_bad_options_say_what_is_accepted(tiny, options, message):
    with pytest.raises(ValueError, match=message):
        toolkit.count_terms(tiny, **options)


def test_empty_corpus_of_punctuation():
    corpus = toolkit.load_corpus(["... !"], progress=False)
    assert toolkit.count_terms(corpus).empty
    assert toolkit.count_terms(corpus, n=2, by="doc_id").empty
    assert toolkit.document_term_matrix(corpus).shape == (1, 0)


# ----------------------------------------------------------- document-term matrix


def test_document_term_matrix_is_sparse_and_matches_the_counts(sample_corpus, tiny):
    matrix = toolkit.document_term_matrix(tiny)
    assert matrix.index.name == "doc_id" and matrix.index.tolist() == ["a", "b"]
    assert all(isinstance(t, pd.SparseDtype) for t in matrix.dtypes)
    counts = toolkit.count_terms(tiny)
    assert matrix.columns.tolist() == counts["term"].tolist()
    by_doc = toolkit.count_terms(tiny, by="doc_id")
    for r in by_doc.itertuples(index=False):
        assert matrix.loc[r.doc_id, r.term] == r.count
    assert matrix.sum(axis=1).tolist() == [9, 7]
    coo = matrix.sparse.to_coo()
    assert coo.shape == (2, len(counts)) and coo.nnz == len(by_doc)
    words = (~toolkit.tokenize(sample_corpus)["is_punct"]).sum()
    assert toolkit.document_term_matrix(sample_corpus).to_numpy().sum() == words


def test_document_term_matrix_options(tiny):
    bigrams = toolkit.document_term_matrix(tiny, n=2, min_count=2)
    assert bigrams.columns.tolist() == ["the base"]
    assert bigrams["the base"].tolist() == [1, 1]
    kept = toolkit.document_term_matrix(tiny, stopwords="english")
    assert "the" not in kept.columns and "troops" in kept.columns
    corpus = toolkit.load_corpus(["Troops left.", "...", "Kabul fell."], progress=False)
    matrix = toolkit.document_term_matrix(corpus)
    assert matrix.index.tolist() == ["doc1", "doc2", "doc3"]  # every document, words or not
    assert matrix.loc["doc2"].tolist() == [0, 0, 0, 0]
    assert matrix.loc["doc3", ["kabul", "fell"]].tolist() == [1, 1]


_WORDS = st.sampled_from(["troops", "left", "Kabul", "the", "U.S.", "fell", "talks"])
_GLUE = st.sampled_from([" ", " ", ", ", ". ", "! ", " - ", '"'])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_WORDS, _GLUE), min_size=1, max_size=30))
def test_ngram_counts_add_up_sentence_by_sentence(pieces):
    text = "".join(w + g for w, g in pieces)
    corpus = toolkit.load_corpus([text], progress=False)
    tokens = toolkit.tokenize(corpus)
    words = tokens[~tokens["is_punct"]]
    per_sentence = words.groupby("sent_id").size()
    for n in (1, 2, 3):
        table = toolkit.count_terms(corpus, n=n)
        expected = int(np.maximum(per_sentence - n + 1, 0).sum())
        assert int(table["count"].sum()) == expected

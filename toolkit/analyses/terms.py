"""Corpus statistics: frequency lists, n-grams and the document-term matrix.

What every concordancer offers (AntConc's word list and clusters, Voyant's terms,
quanteda's ``textstat_frequency`` and ``dfm``), over the toolkit's tokens:

* a **term** is a lower-cased word token of :func:`toolkit.tokenize` (one with a
  letter or digit; punctuation is not a word), or with ``n=2`` or more ``n``
  consecutive word tokens of one sentence joined by one space. Punctuation
  between words does not break an n-gram ("Kabul, the capital" gives
  ``kabul the``), a sentence boundary does;
* counts are occurrences, so the unigram counts add up to the number of word
  tokens; ``per_1k_tokens`` divides by the word tokens of the group (the same
  denominator as :func:`toolkit.count_actors` and :func:`toolkit.count_frames`),
  also for n-grams.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from .._util.checks import check_whole
from .._util.tables import str_array
from ..corpus.index import TokenIndex, corpus_index
from ..corpus.load import as_corpus
from ..corpus.partitioned import by_partition, concat_tables
from .association import term_order
from .counts import PERIODS, by_list, document_key, sorted_codes
from .stopwords import stopword_words
from .voice import (
    VOICE_KEYS,
    quotes_of,
    require_voice_key,
    whole_quotes_for_voice,
    word_token_voice,
)

__all__ = [
    "TERM_COLUMNS",
    "count_terms",
    "document_term_matrix",
    "document_term_parts",
    "finish_document_terms",
    "finish_term_counts",
    "term_count_parts",
]

TERM_COLUMNS = [
    "term",
    "count",
    "documents",
    "per_1k_tokens",
    "first_doc_id",
    "first_start",
    "first_end",
]


def term_count_parts(
    corpus: Any,
    *,
    n: int = 1,
    by: str | list[str] | None = None,
    min_count: int = 1,
    stopwords: str | Iterable[str] | None = None,
    quotes: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """The counts behind :func:`count_terms` for one corpus or one partition of a
    stored corpus, before ``min_count``: per group and term its occurrences,
    documents and first occurrence, and the word tokens of each group. n-grams
    never cross a sentence, so the parts of partitions add up
    (:func:`finish_term_counts`)."""
    n = check_whole("n", n, minimum=1, unit="words")
    min_count = check_whole("min_count", min_count, minimum=1, unit="occurrences")
    keys = by_list(by)
    stopset = stopword_words(stopwords)
    c = as_corpus(corpus)
    idx = corpus_index(c)
    group, groups = _token_groups(c, idx, keys, quotes)
    first, code, parts = ngrams(idx, n, group=group if keys else None)
    g = group[first]
    # one row per (group, term): its occurrences, documents and first occurrence
    pair_key, pair_first, pair = np.unique(
        g * max(len(parts), 1) + code, return_index=True, return_inverse=True
    )
    counts = np.bincount(pair, minlength=len(pair_key))
    wp = idx.word_pos
    documents = _distinct(pair, idx.token_doc(wp[first]), idx.n_docs, len(pair_key))
    p_group, p_type = g[pair_first], code[pair_first]
    sel = np.flatnonzero(~_stop_types(idx, parts, stopset)[p_type])
    start_tok = wp[first[pair_first[sel]]]
    end_tok = wp[first[pair_first[sel]] + n - 1]
    table = groups.iloc[p_group[sel]].reset_index(drop=True)
    table = table.assign(
        term=_term_strings(idx, parts)[p_type[sel]],
        count=counts[sel].astype(np.int64),
        documents=documents[sel].astype(np.int64),
        first_doc_id=idx.doc_categorical(idx.token_doc(start_tok)),
        first_start=idx.start[start_tok],
        first_end=idx.end[end_tok],
    )
    words = np.bincount(group[group >= 0], minlength=len(groups)).astype(np.int64)
    groups = groups.reset_index(drop=True).assign(_words=words)
    return {"table": table, "groups": groups, "n": n, "keys": keys, "min_count": min_count}


def finish_term_counts(parts: list[dict[str, Any]], corpus: Any = None) -> pd.DataFrame:
    """The table of :func:`count_terms` from the :func:`term_count_parts` of one
    corpus, or of every partition of a stored ``corpus`` in order: occurrences,
    documents and word tokens are summed per group and term (the first
    occurrence is the earliest partition's), then ``min_count``, the rates and
    the order are applied."""
    n, keys, min_count = parts[0]["n"], parts[0]["keys"], parts[0]["min_count"]
    if len(parts) == 1:
        table, groups = parts[0]["table"], parts[0]["groups"]
    else:
        table = concat_tables([p["table"] for p in parts], corpus)
        groups = concat_tables([p["groups"] for p in parts], corpus)
    # sums per (group, term) and per group, the first row of each kept for the rest
    row_id = _ids(table, [*keys, "term"])
    _, firsts = np.unique(row_id, return_index=True)
    summed = {c: np.bincount(row_id, table[c].to_numpy(np.float64)) for c in ("count", "documents")}
    table = table.iloc[firsts].reset_index(drop=True)
    for c, values in summed.items():
        table[c] = values.astype(np.int64)
    group_id = _ids(groups, keys)
    _, group_rows = np.unique(group_id, return_index=True)
    words = np.bincount(group_id, groups["_words"].to_numpy(np.float64))
    groups = groups.iloc[group_rows].reset_index(drop=True)
    # groups in the order of their sorted values, key by key
    both = _ids(pd.concat([groups[keys], table[keys]], ignore_index=True), keys)
    rank = np.empty(len(groups), dtype=np.int64)
    codes = [sorted_codes(groups[k])[0] for k in keys]
    rank[both[: len(groups)][np.lexsort(codes[::-1]) if keys else slice(None)]] = np.arange(
        len(groups)
    )
    row_group = both[len(groups) :]
    counts = table["count"].to_numpy()
    sel = np.flatnonzero(counts >= min_count)
    terms = table["term"].to_numpy(dtype=object)
    alpha = _alphabetical_rank(terms[sel])
    order = sel[np.lexsort((alpha, -counts[sel], rank[row_group[sel]]))]
    denom = words[row_group[order]]
    out = table[keys].iloc[order].reset_index(drop=True)
    out = out.assign(
        term=str_array(terms[order].tolist()),
        count=counts[order],
        documents=table["documents"].to_numpy()[order],
        per_1k_tokens=counts[order] * 1000.0 / np.where(denom > 0, denom, np.nan),
        first_doc_id=table["first_doc_id"].iloc[order].reset_index(drop=True),
        first_start=table["first_start"].to_numpy()[order],
        first_end=table["first_end"].to_numpy()[order],
    )
    out.attrs.update({"n": n, "by": keys, "tokens": int(words.sum())})
    return out[[*keys, *TERM_COLUMNS]]


def _ids(frame: pd.DataFrame, keys: list[str]) -> np.ndarray:
    """A number per distinct combination of ``keys`` (missing values included),
    in order of first appearance."""
    if not keys:
        return np.zeros(len(frame), dtype=np.int64)
    ids = frame.groupby(keys, dropna=False, sort=False, observed=True).ngroup()
    return ids.to_numpy(np.int64)


@by_partition(
    lambda parts, corpus, kwargs: finish_term_counts(parts, corpus),
    partial=term_count_parts,
    split=("quotes",),
    whole=whole_quotes_for_voice,
)
def count_terms(
    corpus: Any,
    *,
    n: int = 1,
    by: str | list[str] | None = None,
    min_count: int = 1,
    stopwords: str | Iterable[str] | None = None,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """A frequency list: how often each word (or n-gram) occurs, and in how many documents.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    n : int
        Words per term: 1 for words, 2 for bigrams, 3 for trigrams ...
    by : str or list of str, optional
        Count per group: ``doc_id``, ``source`` or any metadata column, ``year``,
        ``quarter``, ``month``, ``week`` or ``day`` (of the document's date),
        ``voice`` (narrator, quoted, reported) or ``speaker`` (whose quotation).
        Grouped by voice or speaker, an n-gram whose words are in two voices is
        counted in neither.
    min_count : int
        Keep rows with at least this many occurrences.
    stopwords : "english", list of str, or None
        Terms left out of the table: a word of the list, or an n-gram that starts
        or ends with one (``the taliban`` goes, ``secretary of state`` stays).
        Rows only: counts and denominators are the same with or without them.
    quotes : DataFrame, optional
        The quotation table behind ``voice`` and ``speaker`` (by default
        :func:`toolkit.extract_quotes` of the corpus, computed once).

    Returns
    -------
    DataFrame
        One row per term (and group): the ``by`` columns, ``term``, ``count``
        (occurrences), ``documents`` (documents it occurs in), ``per_1k_tokens``
        (occurrences per 1,000 word tokens of the group) and its first occurrence
        (``first_doc_id, first_start, first_end``: character offsets of the whole
        n-gram in ``docs.text``). Ordered by group, most frequent first, ties
        alphabetically. ``attrs["tokens"]`` holds the word tokens counted (the
        denominator, summed over groups).

    Examples
    --------
    >>> import toolkit
    >>> corpus = toolkit.load_corpus(["Troops left. Troops left the base.", "The base fell."])
    >>> toolkit.count_terms(corpus)[["term", "count", "documents"]].head(3).values.tolist()
    [['base', 2, 2], ['left', 2, 1], ['the', 2, 2]]
    >>> toolkit.count_terms(corpus, n=2).term.tolist()[:3]
    ['the base', 'troops left', 'base fell']
    """
    return finish_term_counts(
        [
            term_count_parts(
                corpus, n=n, by=by, min_count=min_count, stopwords=stopwords, quotes=quotes
            )
        ]
    )


def document_term_parts(
    corpus: Any, *, n: int = 1, min_count: int = 1, stopwords: str | Iterable[str] | None = None
) -> dict[str, Any]:
    """The counts behind :func:`document_term_matrix` for one corpus or one
    partition, before ``min_count`` (which needs the corpus-wide totals): the
    documents, the terms that are not stopwords, and one (document, term,
    count) triple per term of each document."""
    n = check_whole("n", n, minimum=1, unit="words")
    check_whole("min_count", min_count, minimum=1, unit="occurrences")
    stopset = stopword_words(stopwords)
    idx = corpus_index(as_corpus(corpus))
    first, code, parts = ngrams(idx, n)
    terms = _term_strings(idx, parts)
    kept = np.flatnonzero(~_stop_types(idx, parts, stopset))
    column = np.full(len(parts), -1, dtype=np.int64)
    column[kept] = np.arange(len(kept))
    col = column[code]
    doc = idx.token_doc(idx.word_pos[first])[col >= 0].astype(np.int64)
    col = col[col >= 0]
    # one triple per (document, term): its count
    pair, counts = np.unique(doc * max(len(kept), 1) + col, return_counts=True)
    return {
        "doc_ids": np.asarray(idx.doc_ids, dtype=object),
        "terms": terms[kept],
        "doc": pair // max(len(kept), 1),
        "col": pair % max(len(kept), 1),
        "count": counts.astype(np.int64),
    }


def finish_document_terms(
    parts: list[dict[str, Any]], min_count: int = 1, corpus: Any = None
) -> pd.DataFrame:
    """The matrix of :func:`document_term_matrix` from the
    :func:`document_term_parts` of one corpus, or of every partition of a stored
    corpus in order: one vocabulary for all, totals summed, then ``min_count``
    and the order applied, so that it equals the matrix of the whole corpus."""
    from scipy import sparse

    vocabulary, where = np.unique(
        np.concatenate([p["terms"].astype(str) for p in parts] or [np.zeros(0, str)]),
        return_inverse=True,
    )
    offsets = np.cumsum([0, *(len(p["terms"]) for p in parts)])
    row_offsets = np.cumsum([0, *(len(p["doc_ids"]) for p in parts)])
    doc = np.concatenate([p["doc"] + row_offsets[i] for i, p in enumerate(parts)])
    col = np.concatenate([where[p["col"] + offsets[i]] for i, p in enumerate(parts)])
    count = np.concatenate([p["count"] for p in parts])
    totals = np.bincount(col, weights=count, minlength=len(vocabulary)).astype(np.int64)
    kept = np.flatnonzero(totals >= min_count)
    kept = kept[term_order(vocabulary[kept].astype(object), totals[kept])]
    column = np.full(len(vocabulary), -1, dtype=np.int64)
    column[kept] = np.arange(len(kept))
    col = column[col]
    ok = col >= 0
    matrix = sparse.coo_matrix(
        (count[ok], (doc[ok], col[ok])), shape=(int(row_offsets[-1]), len(kept))
    ).tocsc()
    matrix.sum_duplicates()
    doc_ids = np.concatenate([p["doc_ids"] for p in parts])
    return pd.DataFrame.sparse.from_spmatrix(
        matrix,
        index=pd.Index(doc_ids.tolist(), name="doc_id"),
        columns=pd.Index(vocabulary[kept].tolist(), name="term"),
    )


@by_partition(
    lambda parts, corpus, kwargs: finish_document_terms(parts, kwargs.get("min_count", 1)),
    partial=document_term_parts,
)
def document_term_matrix(
    corpus: Any,
    *,
    n: int = 1,
    min_count: int = 1,
    stopwords: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """How often each term occurs in each document, as a sparse table.

    The input of topic models, classifiers and document similarity: one row per
    document (every document of the corpus, in corpus order; index ``doc_id``),
    one column per term (words, or n-grams with ``n`` of 2 or more, as in
    :func:`count_terms`), most frequent first and ties alphabetically. The
    columns are pandas sparse columns (zeros are not stored), so
    ``matrix.sparse.to_coo()`` gives the SciPy matrix that scikit-learn and
    gensim take, with ``matrix.columns`` as its vocabulary.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    n : int
        Words per term.
    min_count : int
        Keep the terms occurring at least this many times in the corpus.
    stopwords : "english", list of str, or None
        Terms left out (see :func:`count_terms`).

    Returns
    -------
    DataFrame
        Integer counts in sparse columns; a row's sum is the number of the
        document's terms kept (its word tokens, for ``n=1`` without stopwords or
        ``min_count``).

    Examples
    --------
    >>> import toolkit
    >>> corpus = toolkit.load_corpus(["Troops left. Troops left the base.", "The base fell."])
    >>> matrix = toolkit.document_term_matrix(corpus)
    >>> matrix.loc["doc1", ["troops", "fell"]].astype(int).tolist()
    [2, 0]
    >>> matrix.sparse.to_coo().shape
    (2, 5)
    """
    part = document_term_parts(corpus, n=n, min_count=min_count, stopwords=stopwords)
    return finish_document_terms([part], min_count)


def ngrams(
    idx: TokenIndex, n: int, *, group: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The n-grams of a token index: ``n`` consecutive word tokens of one sentence.

    Parameters
    ----------
    idx : TokenIndex
    n : int
    group : array, optional
        A group number per word token (``-1``: in no group); n-grams whose words
        are not all in one group are left out.

    Returns
    -------
    (first, code, parts)
        ``first``: position in ``idx.word_pos`` of each n-gram's first word, in
        corpus order; ``code``: its type number; ``parts``: one row of ``n``
        lower-cased type ids (into ``idx.lowers``) per type number.
    """
    wp = idx.word_pos
    lower = idx.lower(wp).astype(np.int64)
    sent = idx.sent[wp]
    m = max(len(wp) - n + 1, 0)
    ok = sent[:m] == sent[n - 1 : n - 1 + m]
    if group is not None:
        ok &= group[:m] >= 0
        for j in range(1, n):
            ok &= group[:m] == group[j : j + m]
    first = np.flatnonzero(ok).astype(np.int64)
    code = lower[first]
    for j in range(1, n):
        _, code = np.unique(code * len(idx.lowers) + lower[first + j], return_inverse=True)
    _, type_first, code = np.unique(code, return_index=True, return_inverse=True)
    parts = np.stack([lower[first[type_first] + j] for j in range(n)], axis=1)
    return first, code.astype(np.int64), parts.reshape(len(type_first), n)


def _token_groups(
    corpus: Any, idx: TokenIndex, keys: list[str], quotes: pd.DataFrame | None
) -> tuple[np.ndarray, pd.DataFrame]:
    """A group number per word token and the groups' key values (one row per
    group number, sorted by the values)."""
    n_words = len(idx.word_pos)
    if not keys:
        return np.zeros(n_words, dtype=np.int64), pd.DataFrame(index=pd.RangeIndex(1))
    docs = corpus.docs
    doc_cols = [c for c in docs.columns if c not in ("text", "raw")]
    tok_doc = idx.token_doc(idx.word_pos)
    columns: list[tuple[np.ndarray, Any]] = []
    for k in keys:
        if k in VOICE_KEYS:
            voices = word_token_voice(idx, quotes_of(corpus, quotes))
            require_voice_key(voices.columns, k)
            columns.append(sorted_codes(voices[k]))
        elif k in doc_cols or k in PERIODS:
            codes, values = sorted_codes(document_key(docs, k))
            columns.append((codes[tok_doc], values))
        else:
            options = sorted({*doc_cols, *PERIODS, *VOICE_KEYS})
            raise ValueError(f"cannot count terms by {k!r}; choose from: {', '.join(options)}")
    combined = np.zeros(n_words, dtype=np.int64)
    for codes, values in columns:
        combined = combined * len(values) + codes
    present, group = np.unique(combined, return_inverse=True)
    table: dict[str, Any] = {}
    for k, (_, values) in zip(reversed(keys), reversed(columns), strict=True):
        present, code = np.divmod(present, len(values))
        table[k] = values.take(code)
    return group.astype(np.int64), pd.DataFrame({k: table[k] for k in keys})


def _distinct(pair: np.ndarray, doc: np.ndarray, n_docs: int, n_pairs: int) -> np.ndarray:
    """Number of distinct documents per pair number."""
    seen = np.unique(pair.astype(np.int64) * max(n_docs, 1) + doc)
    return np.bincount(seen // max(n_docs, 1), minlength=n_pairs)


def _term_strings(idx: TokenIndex, parts: np.ndarray) -> np.ndarray:
    words = idx.lowers[parts]
    if parts.shape[1] == 1:
        return words[:, 0] if len(words) else np.zeros(0, dtype=object)
    return np.asarray([" ".join(row) for row in words.tolist()], dtype=object)


def _stop_types(idx: TokenIndex, parts: np.ndarray, stopset: frozenset[str]) -> np.ndarray:
    """True for the types that are a stopword or start or end with one."""
    if not stopset or not len(parts):
        return np.zeros(len(parts), dtype=bool)
    stop = np.fromiter((w in stopset for w in idx.lowers.tolist()), bool, len(idx.lowers))
    return stop[parts[:, 0]] | stop[parts[:, -1]]


def _alphabetical_rank(terms: np.ndarray) -> np.ndarray:
    order = np.argsort(terms.astype(str), kind="stable")
    rank = np.empty(len(terms), dtype=np.int64)
    rank[order] = np.arange(len(terms))
    return rank

"""Keyness: the words a part of the corpus uses more (or less) than the rest."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd

from .._util.checks import check_whole
from .._util.tables import str_array
from ..corpus.corpus import Corpus
from ..corpus.index import TokenIndex, corpus_index
from ..corpus.load import as_corpus
from .association import term_order, xlnx
from .stopwords import stop_mask, stopword_words

__all__ = ["KEYNESS_COLUMNS", "KEYNESS_MEASURES", "keyness"]

KeynessMeasure = Literal["g2", "log_ratio"]


KEYNESS_MEASURES: tuple[str, ...] = get_args(KeynessMeasure)


KEYNESS_COLUMNS = [
    "term",
    "target_count",
    "reference_count",
    "g2",
    "log_ratio",
    "p",
    "target_per_1k",
    "reference_per_1k",
    "target_documents",
    "reference_documents",
    "first_doc_id",
    "first_start",
    "first_end",
]


DocSelector = (
    Sequence[bool]
    | np.ndarray
    | pd.Series
    | dict[str, Any]
    | Callable[[pd.DataFrame], Any]
    | Iterable[str]
    | str
    | None
)


def keyness(
    corpus: Any,
    target: DocSelector,
    *,
    reference: DocSelector | Corpus | pd.DataFrame = None,
    measure: KeynessMeasure = "g2",
    min_count: int = 5,
    stopwords: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Words over- and under-used in a target sub-corpus compared with a reference.

    **Target and reference.** ``target`` picks documents of ``corpus``: a boolean
    mask over ``corpus.docs`` rows; a dict of metadata values such as
    ``{"source": "TRT World"}`` (a list as a value means any of them; several keys
    must all match); a function taking ``corpus.docs`` and returning such a mask;
    a list of doc ids; or ``None`` for every document. ``reference`` is, by
    default, the rest of the corpus; it can be another selection of the same kind
    (it must not share documents with the target), or a second :class:`Corpus`
    (or DataFrame), compared as a whole.

    **Counts** are lower-cased word types (punctuation is not counted). For a term
    with ``a`` occurrences among the target's ``c`` words and ``b`` among the
    reference's ``d`` words:

    * ``g2``: log-likelihood as in Rayson and Garside (2000) and the UCREL
      log-likelihood calculator: ``E1 = c(a+b)/(c+d)``, ``E2 = d(a+b)/(c+d)``,
      ``G2 = 2(a ln(a/E1) + b ln(b/E2))`` (a zero count contributes 0), signed:
      positive when the term is relatively more frequent in the target
      (``a/c > b/d``), negative when less;
    * ``log_ratio``: Hardie's (2014) effect size, the binary log of the ratio of
      relative frequencies, ``log2((a/c) / (b/d))``; a zero count is replaced by
      0.5 in this column only, so a term absent from one side gets a finite value
      (+1 means twice as frequent in the target);
    * ``p``: the chi-square (1 degree of freedom) probability of a G2 at least
      this large if the term were equally frequent on both sides,
      ``erfc(sqrt(|G2| / 2))``. Thousands of terms are tested at once: use a strict
      threshold (e.g. ``p < 0.0001``) or rank by ``log_ratio`` among significant
      terms.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    target : mask, dict, function, list of doc ids, or None
    reference : mask, dict, function, list of doc ids, Corpus or DataFrame, optional
    measure : {"g2", "log_ratio"}
        The column that orders the rows: highest (most over-used) first, most
        under-used last; ties by term.
    min_count : int
        Keep terms occurring at least this many times in target and reference
        together (G2 is unreliable on a handful of occurrences).
    stopwords : "english", list of str, or None
        Terms left out of the table (rows only; no count or statistic changes).
        The default keeps every word: function words such as *we* or *our* are
        often key in a comparison of voices.

    Returns
    -------
    DataFrame
        One row per term: ``term, target_count, reference_count, g2, log_ratio,
        p``, ``target_per_1k`` and ``reference_per_1k`` (per 1,000 words),
        ``target_documents`` and ``reference_documents`` (documents the term
        occurs in), and the term's first occurrence in the target
        (``first_doc_id, first_start, first_end``; missing when it is not in the
        target). Read a term in context with ``toolkit.kwic(corpus, term,
        match="fixed")``. ``attrs`` holds ``target_words`` (c),
        ``reference_words`` (d), ``target_docs``, ``reference_docs`` and
        ``measure``.

    Raises
    ------
    ValueError
        When the target or reference is empty, a metadata column does not exist
        (the message lists the columns), a mask has the wrong length, or target
        and reference share documents.
    LookupError
        For doc ids that are not in the corpus.

    Examples
    --------
    >>> import toolkit
    >>> corpus = toolkit.load_corpus(["Troops left the base. Troops left.", "Talks went on."])
    >>> table = toolkit.keyness(corpus, ["doc1"], min_count=2)
    >>> table[["term", "target_count", "reference_count", "log_ratio"]].values.tolist()
    [['left', 2, 0, 1.0], ['troops', 2, 0, 1.0]]
    """
    min_count = check_whole("min_count", min_count, minimum=1, unit="occurrences")
    if measure not in KEYNESS_MEASURES:
        raise ValueError(f"measure={measure!r} is not one of {', '.join(KEYNESS_MEASURES)}")
    stopset = stopword_words(stopwords)
    c = as_corpus(corpus)
    idx = corpus_index(c)
    t_mask = _select_docs(c.docs, target, "target")
    if not t_mask.any():
        raise ValueError(f"the target selects no documents of the {len(c):,} in the corpus")
    r_idx, r_mask = _reference_side(c, idx, t_mask, reference)

    walk = _postings_walk(idx)
    a, t_docs, t_first = _side_counts(idx, walk, t_mask)
    r_walk = walk if r_idx is idx else _postings_walk(r_idx)
    b, r_docs, _ = _side_counts(r_idx, r_walk, r_mask)
    terms = idx.lowers
    if r_idx is not idx:
        terms, a, t_docs, t_first, b, r_docs = _aligned(idx, r_idx, a, t_docs, t_first, b, r_docs)
    c_words, d_words = int(a.sum()), int(b.sum())
    if c_words == 0:
        raise ValueError("the target documents contain no words")
    if d_words == 0:
        raise ValueError("the reference documents contain no words")
    keep = np.flatnonzero(a + b >= min_count)
    keep = keep[~stop_mask(terms[keep], stopset)]

    a_k, b_k = a[keep].astype(np.float64), b[keep].astype(np.float64)
    stats = _keyness_stats(a_k, b_k, float(c_words), float(d_words))
    attrs = {
        "target_words": c_words,
        "reference_words": d_words,
        "target_docs": int(t_mask.sum()),
        "reference_docs": int(r_mask.sum()),
        "measure": measure,
    }
    order = term_order(terms[keep], stats[measure])
    sel = keep[order]
    fp = t_first[sel]
    found = fp >= 0
    fp_safe = np.where(found, fp, 0)
    table = pd.DataFrame(
        {
            "term": str_array(terms[sel].tolist()),
            "target_count": a[sel],
            "reference_count": b[sel],
            **{k: stats[k][order] for k in ("g2", "log_ratio", "p")},
            "target_per_1k": a[sel] * 1000.0 / c_words,
            "reference_per_1k": b[sel] * 1000.0 / d_words,
            "target_documents": t_docs[sel],
            "reference_documents": r_docs[sel],
            "first_doc_id": pd.Categorical.from_codes(
                np.where(found, idx.token_doc(fp_safe), -1), dtype=idx.doc_dtype
            ),
            "first_start": pd.arrays.IntegerArray(idx.start[fp_safe], ~found),
            "first_end": pd.arrays.IntegerArray(idx.end[fp_safe], ~found),
        }
    )
    table.attrs.update(attrs)
    return table


def _reference_side(
    c: Corpus, idx: TokenIndex, t_mask: np.ndarray, reference: Any
) -> tuple[TokenIndex, np.ndarray]:
    """The index and document mask of the reference side of :func:`keyness`."""
    if isinstance(reference, Corpus | pd.DataFrame):
        if reference is c:
            raise ValueError(
                "the reference is the corpus itself, so the target would be on both sides; "
                "leave reference=None for the rest of the corpus, or pass a selection"
            )
        r_idx = corpus_index(as_corpus(reference))
        r_mask = np.ones(r_idx.n_docs, dtype=bool)
        if not r_mask.any():
            raise ValueError("the reference corpus has no documents")
    else:
        r_idx = idx
        if reference is None:
            r_mask = ~t_mask
            if not r_mask.any():
                raise ValueError(
                    "the target is every document, so the rest of the corpus is empty; "
                    "pass a reference (a selection or a second corpus)"
                )
        else:
            r_mask = _select_docs(c.docs, reference, "reference")
            if not r_mask.any():
                raise ValueError("the reference selects no documents")
            shared = np.flatnonzero(t_mask & r_mask)
            if len(shared):
                ids = c.docs["doc_id"].to_numpy()[shared[:5]].tolist()
                raise ValueError(
                    f"target and reference share {len(shared)} document(s), e.g. {ids}; "
                    "a document can only be on one side"
                )
    return r_idx, r_mask


def _aligned(
    idx: TokenIndex,
    r_idx: TokenIndex,
    a: np.ndarray,
    t_docs: np.ndarray,
    t_first: np.ndarray,
    b: np.ndarray,
    r_docs: np.ndarray,
) -> tuple[np.ndarray, ...]:
    """Target and reference counts over one vocabulary: the terms of the target
    corpus, then those only the reference corpus has."""
    terms = idx.lowers
    at = pd.Index(terms).get_indexer(r_idx.lowers)
    new = np.flatnonzero(at < 0)
    at[new] = len(terms) + np.arange(len(new))
    size = len(terms) + len(new)
    terms = np.concatenate([terms, r_idx.lowers[new]])
    b_all, rd_all = np.zeros(size, dtype=np.int64), np.zeros(size, dtype=np.int64)
    b_all[at], rd_all[at] = b, r_docs
    pad = np.zeros(len(new), dtype=np.int64)
    a, t_docs = np.concatenate([a, pad]), np.concatenate([t_docs, pad])
    t_first = np.concatenate([t_first, pad - 1])
    b, r_docs = b_all, rd_all
    return terms, a, t_docs, t_first, b, r_docs


def _keyness_stats(a: np.ndarray, b: np.ndarray, c: float, d: float) -> dict[str, np.ndarray]:
    """Signed G2 (Rayson and Garside 2000), Hardie's log ratio and the chi-square p."""
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g2 = 2.0 * (xlnx(a, e1) + xlnx(b, e2))
    g2 = np.where(a * d < b * c, -g2, g2)
    log_ratio = np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d))
    p = np.fromiter(
        (math.erfc(math.sqrt(x / 2.0)) for x in np.abs(g2).tolist()),
        dtype=np.float64,
        count=len(g2),
    )
    return {"g2": g2, "log_ratio": log_ratio, "p": p}


def _postings_walk(idx: TokenIndex) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The word postings of an index: (type, document, position) of every word,
    grouped by lower-cased type and in corpus order within a type."""
    ptype = np.repeat(np.arange(len(idx.lowers), dtype=np.int64), idx.lower_count)
    tok_doc = np.repeat(np.arange(idx.n_docs, dtype=np.int64), np.diff(idx.doc_tok))
    words = ~idx.punct_lower[ptype]
    post = idx.postings[words]
    return ptype[words], tok_doc[post], post


def _side_counts(
    idx: TokenIndex, walk: tuple[np.ndarray, np.ndarray, np.ndarray], doc_mask: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per lower-cased type over the chosen documents: word count, number of
    documents, and first position (-1 when absent).

    Walks the postings, so distinct (type, document) pairs are changes from one
    posting to the next: no sorting needed.
    """
    ptype, pdoc, post = walk
    n_types = len(idx.lowers)
    sel = doc_mask[pdoc]
    t, d, p = ptype[sel], pdoc[sel], post[sel]
    count = np.bincount(t, minlength=n_types)
    first = np.full(n_types, -1, dtype=np.int64)
    if len(t) == 0:
        return count, count.copy(), first
    new_type = np.r_[True, t[1:] != t[:-1]]
    new_pair = new_type | np.r_[True, d[1:] != d[:-1]]
    documents = np.bincount(t[new_pair], minlength=n_types)
    first[t[new_type]] = p[new_type]
    return count, documents, first


def _select_docs(docs: pd.DataFrame, selector: Any, what: str) -> np.ndarray:
    """A boolean mask over ``docs`` rows from a keyness target or reference."""
    n = len(docs)
    if selector is None:
        return np.ones(n, dtype=bool)
    if isinstance(selector, dict):
        return _metadata_mask(docs, selector, what)
    if callable(selector):
        result = selector(docs)
        mask = np.asarray(result)
        if mask.dtype != bool:
            raise ValueError(
                f"the {what} function must return a boolean mask over corpus.docs rows, "
                f"not values of type {mask.dtype}"
            )
        return _check_mask(mask, n, what)
    if isinstance(selector, str):
        selector = [selector]
    if isinstance(selector, pd.Series | np.ndarray) and selector.dtype == bool:
        return _check_mask(np.asarray(selector), n, what)
    items = list(selector)
    if items and all(isinstance(x, bool | np.bool_) for x in items):
        return _check_mask(np.asarray(items, dtype=bool), n, what)
    ids = docs["doc_id"].astype(str)
    known = set(ids)
    unknown = [x for x in items if str(x) not in known]
    if unknown:
        raise LookupError(
            f"the {what} names doc ids that are not in the corpus: {unknown[:5]}; to select "
            "by metadata pass a dict such as {'source': 'TRT World'}, or a boolean mask"
        )
    return ids.isin([str(x) for x in items]).to_numpy()


def _check_mask(mask: np.ndarray, n: int, what: str) -> np.ndarray:
    if mask.ndim != 1 or len(mask) != n:
        raise ValueError(
            f"the {what} mask has {len(mask) if mask.ndim == 1 else mask.shape} values for "
            f"{n} documents; give one True/False per row of corpus.docs"
        )
    return mask.astype(bool)


def _metadata_mask(docs: pd.DataFrame, wanted: dict[str, Any], what: str) -> np.ndarray:
    if not wanted:
        raise ValueError(
            f"the {what} dict is empty; give a column and a value, e.g. {{'source': 'TRT World'}}"
        )
    mask = np.ones(len(docs), dtype=bool)
    columns = [c for c in docs.columns if c not in ("text", "raw")]
    for column, value in wanted.items():
        if column not in columns:
            raise ValueError(
                f"the {what} selects on a column {column!r} that the corpus does not have; "
                f"its columns are: {', '.join(map(str, columns))}"
            )
        values = docs[column]
        if isinstance(value, str) and pd.api.types.is_datetime64_any_dtype(values):
            # "2021-08" means August 2021: match the start of the ISO date
            hit = values.dt.strftime("%Y-%m-%d").str.startswith(value).fillna(False)
            hit = hit.to_numpy(dtype=bool)
        elif isinstance(value, list | tuple | set | frozenset):
            hit = values.isin(list(value)).to_numpy()
        else:
            hit = (values == value).fillna(False).to_numpy(dtype=bool)
        if not hit.any():
            seen = values.dropna().astype(str).unique()[:8].tolist()
            raise ValueError(
                f"the {what} selects no documents: no {column!r} equals {value!r}; "
                f"values there include {seen}"
            )
        mask &= hit
    return mask

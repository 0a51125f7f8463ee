"""Collocates: the words that keep a pattern company, with association measures."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd

from .._util.checks import check_whole, check_window
from .._util.tables import str_array
from ..corpus.index import TokenIndex, corpus_index
from ..search.patterns import MatchMode, Pattern, find_spans
from .association import compile_patterns, term_order, xlnx
from .stopwords import stop_mask, stopword_words

__all__ = ["COLLOCATE_COLUMNS", "COLLOCATE_MEASURES", "collocates"]

CollocateMeasure = Literal["logdice", "g2", "pmi", "t", "count"]


COLLOCATE_MEASURES: tuple[str, ...] = get_args(CollocateMeasure)


COLLOCATE_COLUMNS = [
    "collocate",
    "count",
    "expected",
    "logdice",
    "g2",
    "pmi",
    "t",
    "documents",
    "frequency",
    "left",
    "right",
    "first_doc_id",
    "first_start",
    "first_end",
]


def _cover(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """Boolean mask over ``0 .. n-1``: True where some interval ``[a, b)`` covers."""
    keep = a < b
    if not keep.any():
        return np.zeros(n, dtype=bool)
    diff = np.bincount(a[keep], minlength=n + 1) - np.bincount(b[keep], minlength=n + 1)
    return np.cumsum(diff[:n]) > 0


def collocates(
    corpus: Any,
    pattern: str | Sequence[str],
    *,
    window: int = 5,
    measure: CollocateMeasure = "logdice",
    min_count: int = 2,
    stopwords: str | Iterable[str] | None = "english",
    match: MatchMode = "glob",
    case_sensitive: bool = False,
    within: Literal["document", "sentence"] = "document",
) -> pd.DataFrame:
    """Words that occur near a node pattern more (or less) often than chance predicts.

    **Window.** The words (punctuation is not counted, as in :func:`toolkit.kwic`)
    up to ``window`` words left of each node hit and ``window`` words right of it,
    never crossing the document's edge (nor the sentence's, with
    ``within="sentence"``).

    **Counting.** The windows of all hits are merged into one *window region* and
    every word position in it is counted once, however many hits' windows cover
    it: two hits three words apart share the words between them, which count once,
    not twice. The tokens of the node hits themselves (a hit's own words and any
    other hit inside a window) are never in the region, so a node is not its own
    collocate. Collocates are lower-cased word types; ``case_sensitive`` applies
    to the node only.

    **Contingency table** (surface co-occurrence, Evert 2008, "Corpora and
    collocations"), for a collocate *c*::

                           c            other words
        window region     O11 = count   O12 = R1 - O11        R1 = words in the region
        rest of corpus    O21 = C1-O11  O22 = N-R1-C1+O11
                          C1 = frequency                      N = words in the corpus

    with expected counts ``Eij = row total * column total / N`` (so
    ``expected = R1 * C1 / N``). From it:

    * ``logdice = 14 + log2(2 * O11 / (f_node + C1))`` (Rychlý 2008), where
      ``f_node`` is the number of node hits; at most 14 when ``O11 <= f_node``
      (a wide window can let a collocate occur more often than the node, and
      logDice then exceeds 14);
    * ``g2 = 2 * sum(Oij * ln(Oij / Eij))`` over the four cells (Dunning 1993),
      given the sign of ``O11 - E11``: negative when the collocate is rarer near
      the node than elsewhere;
    * ``pmi = log2(O11 / E11)`` and ``t = (O11 - E11) / sqrt(O11)`` (Evert 2008).

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    pattern : str or list of str
        The node: a word, glob, phrase or regex as in :mod:`toolkit.search.patterns`. A
        list makes every pattern's hits nodes (a span found twice counts once).
    window : int
        Words on each side, 1 or more.
    measure : {"logdice", "g2", "pmi", "t", "count"}
        The column that orders the rows (highest first; ties by collocate).
    min_count : int
        Keep collocates with at least this many co-occurrences.
    stopwords : "english", list of str, or None
        Words left out of the table (``"english"``: :func:`stopword_list`). Leaving
        a word out removes its row only; every count and statistic is the same
        with or without stopwords.
    match : {"glob", "regex", "fixed"}
    case_sensitive : bool
    within : {"document", "sentence"}
        Where windows stop.

    Returns
    -------
    DataFrame
        One row per collocate: ``collocate, count`` (O11), ``expected`` (E11),
        ``logdice, g2, pmi, t``, ``documents`` (documents in which the collocate
        occurs in the window region), ``frequency`` (C1), ``left`` and ``right``
        (co-occurrences in the merged left windows and in the merged right
        windows: what a one-sided window would count; a word between two nearby
        hits is in both, so ``left + right`` can exceed ``count``), and the first
        co-occurrence in corpus order (``first_doc_id``, ``first_start``,
        ``first_end``: character offsets of the collocate in ``docs.text``).
        ``attrs`` holds ``node``, ``node_count`` (f_node), ``window``,
        ``window_words`` (R1), ``corpus_words`` (N) and ``measure``. A node that
        does not occur gives an empty table with these columns.

    Examples
    --------
    >>> import toolkit
    >>> table = toolkit.collocates("data/", "Taliban", window=3)
    >>> table.loc[table.collocate == "fighters", ["count", "frequency", "right"]].values.tolist()
    [[6, 7, 6]]
    """
    window = check_window(window)
    min_count = check_whole("min_count", min_count, minimum=1, unit="co-occurrences")
    if measure not in COLLOCATE_MEASURES:
        raise ValueError(f"measure={measure!r} is not one of {', '.join(COLLOCATE_MEASURES)}")
    if within not in ("document", "sentence"):
        raise ValueError(f"within={within!r} is not one of 'document', 'sentence'")
    compiled = compile_patterns(pattern, match, case_sensitive)
    stopset = stopword_words(stopwords)
    idx = corpus_index(corpus)

    first, end = _node_spans(idx, compiled)
    n_words = len(idx.word_pos)
    attrs = {
        "node": " | ".join(p.source for p in compiled),
        "node_count": len(first),
        "window": window,
        "within": within,
        "window_words": 0,
        "corpus_words": n_words,
        "measure": measure,
    }
    if len(first) == 0:
        return _empty_collocates(idx, attrs)

    # Work in word ranks (the n-th word of the corpus): a window of w words is a
    # range of w ranks, clipped to the ranks of the document (or sentence).
    wr = idx.word_rank.astype(np.int64)
    r0, r1 = wr[first], wr[end]
    if within == "sentence":
        lo = wr[idx.sent_tok[idx.sent[first]]]
        hi = wr[idx.sent_tok[idx.sent[end - 1] + 1]]
    else:
        doc = idx.token_doc(first)
        lo, hi = wr[idx.doc_tok[doc]], wr[idx.doc_tok[doc + 1]]
    node = _cover(r0, r1, n_words)
    in_left = _cover(np.maximum(r0 - window, lo), r0, n_words) & ~node
    in_right = _cover(r1, np.minimum(r1 + window, hi), n_words) & ~node
    ranks = np.flatnonzero(in_left | in_right)
    pos = idx.word_pos[ranks].astype(np.int64)
    types = idx.lower(pos)
    n_types = len(idx.lowers)
    count = np.bincount(types, minlength=n_types)
    keep = count >= min_count
    keep[np.flatnonzero(keep)[stop_mask(idx.lowers[keep], stopset)]] = False
    cand = np.flatnonzero(keep)
    attrs["window_words"] = len(ranks)
    if len(cand) == 0:
        return _empty_collocates(idx, attrs)

    documents, first_pos = _documents_and_first(idx, pos, types, keep)

    o11 = count[cand].astype(np.float64)
    c1 = idx.lower_count[cand].astype(np.float64)
    stats = _association(o11, c1, r1=float(len(ranks)), n=float(n_words), f_node=len(first))
    stats["count"] = count[cand]
    stats["documents"] = documents[cand]
    stats["frequency"] = idx.lower_count[cand]
    stats["left"] = np.bincount(types[in_left[ranks]], minlength=n_types)[cand]
    stats["right"] = np.bincount(types[in_right[ranks]], minlength=n_types)[cand]
    terms = idx.lowers[cand]
    order = term_order(terms, stats[measure].astype(np.float64))
    fp = first_pos[cand][order]
    fdoc = idx.token_doc(fp)
    table = pd.DataFrame(
        {
            "collocate": str_array(terms[order].tolist()),
            **{c: stats[c][order] for c in COLLOCATE_COLUMNS[1:11]},
            "first_doc_id": idx.doc_categorical(fdoc),
            "first_start": idx.start[fp],
            "first_end": idx.end[fp],
        }
    )
    table = table.astype(
        {c: np.int64 for c in ("count", "documents", "frequency", "left", "right")}
    )
    table.attrs.update(attrs)
    return table


def _node_spans(idx: TokenIndex, compiled: list[Pattern]) -> tuple[np.ndarray, np.ndarray]:
    """Token spans (first, end) of the node's matches; a stretch matched by several
    of the patterns counts once."""
    spans = [find_spans(idx, p) for p in compiled]
    first = np.concatenate([f for f, _ in spans])
    end = np.concatenate([e for _, e in spans])
    if len(compiled) > 1 and len(first):
        pairs = np.unique(np.stack([first, end], axis=1), axis=0)
        first, end = pairs[:, 0], pairs[:, 1]
    return first, end


def _documents_and_first(
    idx: TokenIndex, pos: np.ndarray, types: np.ndarray, keep: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per word type kept: the number of documents it co-occurs in, and the token
    position of its first co-occurrence.

    Distinct (type, doc) pairs: np.unique gives each pair's first index, and
    positions are in corpus order.
    """
    n_types = len(keep)
    sel = keep[types]
    p_sel, t_sel = pos[sel], types[sel].astype(np.int64)
    d_sel = idx.token_doc(p_sel)
    pair, first_i = np.unique(t_sel * idx.n_docs + d_sel, return_index=True)
    pair_type = pair // idx.n_docs
    documents = np.bincount(pair_type, minlength=n_types)
    new_type = np.r_[True, pair_type[1:] != pair_type[:-1]]
    first_pos = np.zeros(n_types, dtype=np.int64)
    first_pos[pair_type[new_type]] = p_sel[first_i[new_type]]
    return documents, first_pos


def _association(
    o11: np.ndarray, c1: np.ndarray, *, r1: float, n: float, f_node: int
) -> dict[str, np.ndarray]:
    """The association measures of :func:`collocates` from the contingency table."""
    o12, o21 = r1 - o11, c1 - o11
    o22 = n - r1 - c1 + o11
    e11 = r1 * c1 / n
    e12 = r1 * (n - c1) / n
    e21 = (n - r1) * c1 / n
    e22 = (n - r1) * (n - c1) / n
    g2 = 2.0 * (xlnx(o11, e11) + xlnx(o12, e12) + xlnx(o21, e21) + xlnx(o22, e22))
    g2 = np.where(o11 < e11, -g2, g2)
    return {
        "expected": e11,
        "logdice": 14.0 + np.log2(2.0 * o11 / (f_node + c1)),
        "g2": g2,
        "pmi": np.log2(o11 / e11),
        "t": (o11 - e11) / np.sqrt(o11),
    }


def _empty_collocates(idx: TokenIndex, attrs: dict[str, Any]) -> pd.DataFrame:
    ints = np.zeros(0, dtype=np.int64)
    floats = np.zeros(0, dtype=np.float64)
    table = pd.DataFrame(
        {
            "collocate": str_array([]),
            "count": ints,
            "expected": floats,
            "logdice": floats,
            "g2": floats,
            "pmi": floats,
            "t": floats,
            "documents": ints,
            "frequency": ints,
            "left": ints,
            "right": ints,
            "first_doc_id": idx.doc_categorical(np.zeros(0, dtype=np.int64)),
            "first_start": np.zeros(0, dtype=np.int32),
            "first_end": np.zeros(0, dtype=np.int32),
        }
    )
    table.attrs.update(attrs)
    return table

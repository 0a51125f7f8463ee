"""Framing: frame cues with voice and speaker, collocates and keyness.

The frame lexicons use the same YAML form and matching contract as the actor
lexicons (:mod:`toolkit.lexicons`, :mod:`toolkit.patterns`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd

from ._frames import str_array
from .corpus import Corpus, as_corpus
from .index import TokenIndex, corpus_index
from .patterns import MatchMode, Pattern, compile_pattern, find_spans

__all__: list[str] = []

# ------------------------------------------------------------------ frame cues


# ----------------------------------------------------------- collocates, keyness

__all__ += ["collocates", "keyness", "stopword_list"]

CollocateMeasure = Literal["logdice", "g2", "pmi", "t", "count"]
KeynessMeasure = Literal["g2", "log_ratio"]
COLLOCATE_MEASURES: tuple[str, ...] = get_args(CollocateMeasure)
KEYNESS_MEASURES: tuple[str, ...] = get_args(KeynessMeasure)
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
_PACKAGED_STOPWORDS = {"english": "stopwords_en.txt"}


def stopword_list(name: str = "english") -> frozenset[str]:
    """A packaged stopword list (lower-cased words).

    ``"english"`` is ``resources/stopwords_en.txt``: closed-class words only
    (articles, pronouns, prepositions, conjunctions, auxiliaries, modals, negation,
    function adverbs and clitics as the tokenizer splits them, such as ``n't`` and
    ``'s``). Reporting verbs (*said*), titles (*Mr*) and numbers are deliberately
    not in it: news-discourse research looks at them.

    Examples
    --------
    >>> from toolkit.framing import stopword_list
    >>> sorted({"the", "n't", "said"} & stopword_list())
    ["n't", 'the']
    """
    if name not in _PACKAGED_STOPWORDS:
        raise ValueError(
            f"stopwords={name!r} is not a packaged list; use one of "
            f"{', '.join(map(repr, _PACKAGED_STOPWORDS))}, a list of words, or None"
        )
    return _read_stopwords(_PACKAGED_STOPWORDS[name])


@lru_cache(maxsize=4)
def _read_stopwords(filename: str) -> frozenset[str]:
    text = resources.files("toolkit.resources").joinpath(filename).read_text("utf-8")
    words = (line.strip() for line in text.splitlines())
    return frozenset(w.lower() for w in words if w and not w.startswith("#"))


def _stopword_words(stopwords: str | Iterable[str] | None) -> frozenset[str]:
    """The lower-cased words of a ``stopwords`` option (a packaged name, words or None)."""
    if stopwords is None:
        return frozenset()
    if isinstance(stopwords, str):
        return stopword_list(stopwords)
    words = list(stopwords)
    bad = [w for w in words if not isinstance(w, str)]
    if bad:
        raise TypeError(f"stopwords must be strings; got {bad[:3]!r}")
    return frozenset(w.lower() for w in words)


def _stop_mask(terms: np.ndarray, words: frozenset[str]) -> np.ndarray:
    """Boolean mask over lower-cased ``terms``: True for the stopwords ``words``."""
    return np.fromiter((t in words for t in terms.tolist()), dtype=bool, count=len(terms))


def _check_whole(name: str, value: Any, *, minimum: int, unit: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise ValueError(
            f"{name}={value!r}: it must be a whole number of {unit}, {minimum} or more"
        )
    return int(value)


def _xlnx(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    """``o * ln(o / e)``, taking ``0 * ln 0`` as 0 (e > 0 wherever o > 0)."""
    positive = o > 0
    return np.where(
        positive, o * np.log(np.where(positive, o, 1.0) / np.where(positive, e, 1.0)), 0.0
    )


def _term_order(terms: np.ndarray, score: np.ndarray) -> np.ndarray:
    """Rows by score, highest first; ties broken alphabetically by term."""
    alpha = np.argsort(terms.astype(str), kind="stable")
    rank = np.empty(len(terms), dtype=np.int64)
    rank[alpha] = np.arange(len(terms))
    return np.lexsort((rank, -score))


def _patterns(
    pattern: str | Pattern | Sequence[str], match: MatchMode, case_sensitive: bool
) -> list[Pattern]:
    items = [pattern] if isinstance(pattern, str | Pattern) else list(pattern)
    if not items:
        raise ValueError("no pattern given: pass a word, a glob, a phrase or a list of them")
    compiled = [compile_pattern(p, match=match, case_sensitive=case_sensitive) for p in items]
    return list({p.source: p for p in compiled}.values())


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
        The node: a word, glob, phrase or regex as in :mod:`toolkit.patterns`. A
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
    window = _check_whole("window", window, minimum=1, unit="words")
    min_count = _check_whole("min_count", min_count, minimum=1, unit="co-occurrences")
    if measure not in COLLOCATE_MEASURES:
        raise ValueError(f"measure={measure!r} is not one of {', '.join(COLLOCATE_MEASURES)}")
    if within not in ("document", "sentence"):
        raise ValueError(f"within={within!r} is not one of 'document', 'sentence'")
    compiled = _patterns(pattern, match, case_sensitive)
    stopset = _stopword_words(stopwords)
    idx = corpus_index(corpus)

    spans = [find_spans(idx, p) for p in compiled]
    first = np.concatenate([f for f, _ in spans])
    end = np.concatenate([e for _, e in spans])
    if len(compiled) > 1 and len(first):
        pairs = np.unique(np.stack([first, end], axis=1), axis=0)
        first, end = pairs[:, 0], pairs[:, 1]
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
    keep[np.flatnonzero(keep)[_stop_mask(idx.lowers[keep], stopset)]] = False
    cand = np.flatnonzero(keep)
    attrs["window_words"] = len(ranks)
    if len(cand) == 0:
        return _empty_collocates(idx, attrs)

    # documents and first co-occurrence of each kept type: distinct (type, doc)
    # pairs; np.unique gives each pair's first index, positions are in corpus order
    sel = keep[types]
    p_sel, t_sel = pos[sel], types[sel].astype(np.int64)
    d_sel = idx.token_doc(p_sel)
    pair, first_i = np.unique(t_sel * idx.n_docs + d_sel, return_index=True)
    pair_type = pair // idx.n_docs
    documents = np.bincount(pair_type, minlength=n_types)
    new_type = np.r_[True, pair_type[1:] != pair_type[:-1]]
    first_pos = np.zeros(n_types, dtype=np.int64)
    first_pos[pair_type[new_type]] = p_sel[first_i[new_type]]

    o11 = count[cand].astype(np.float64)
    c1 = idx.lower_count[cand].astype(np.float64)
    stats = _association(o11, c1, r1=float(len(ranks)), n=float(n_words), f_node=len(first))
    stats["count"] = count[cand]
    stats["documents"] = documents[cand]
    stats["frequency"] = idx.lower_count[cand]
    stats["left"] = np.bincount(types[in_left[ranks]], minlength=n_types)[cand]
    stats["right"] = np.bincount(types[in_right[ranks]], minlength=n_types)[cand]
    terms = idx.lowers[cand]
    order = _term_order(terms, stats[measure].astype(np.float64))
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
    g2 = 2.0 * (_xlnx(o11, e11) + _xlnx(o12, e12) + _xlnx(o21, e21) + _xlnx(o22, e22))
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
    min_count = _check_whole("min_count", min_count, minimum=1, unit="occurrences")
    if measure not in KEYNESS_MEASURES:
        raise ValueError(f"measure={measure!r} is not one of {', '.join(KEYNESS_MEASURES)}")
    stopset = _stopword_words(stopwords)
    c = as_corpus(corpus)
    idx = corpus_index(c)
    t_mask = _select_docs(c.docs, target, "target")
    if not t_mask.any():
        raise ValueError(f"the target selects no documents of the {len(c):,} in the corpus")
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

    walk = _postings_walk(idx)
    a, t_docs, t_first = _side_counts(idx, walk, t_mask)
    r_walk = walk if r_idx is idx else _postings_walk(r_idx)
    b, r_docs, _ = _side_counts(r_idx, r_walk, r_mask)
    terms = idx.lowers
    if r_idx is not idx:  # align the two vocabularies on the term strings
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
    c_words, d_words = int(a.sum()), int(b.sum())
    if c_words == 0:
        raise ValueError("the target documents contain no words")
    if d_words == 0:
        raise ValueError("the reference documents contain no words")
    keep = np.flatnonzero(a + b >= min_count)
    keep = keep[~_stop_mask(terms[keep], stopset)]

    a_k, b_k = a[keep].astype(np.float64), b[keep].astype(np.float64)
    stats = _keyness_stats(a_k, b_k, float(c_words), float(d_words))
    attrs = {
        "target_words": c_words,
        "reference_words": d_words,
        "target_docs": int(t_mask.sum()),
        "reference_docs": int(r_mask.sum()),
        "measure": measure,
    }
    order = _term_order(terms[keep], stats[measure])
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


def _keyness_stats(a: np.ndarray, b: np.ndarray, c: float, d: float) -> dict[str, np.ndarray]:
    """Signed G2 (Rayson and Garside 2000), Hardie's log ratio and the chi-square p."""
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g2 = 2.0 * (_xlnx(a, e1) + _xlnx(b, e2))
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

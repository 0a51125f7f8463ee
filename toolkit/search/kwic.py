"""Keyword in context: search, AntConc-style sorting and HTML rendering."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._util.checks import check_window
from .._util.tables import str_array
from ..corpus.index import TokenIndex, corpus_index
from .patterns import MatchMode, Pattern, compile_pattern, find_all_spans

__all__ = ["kwic", "parse_sort"]

KWIC_COLUMNS = ["doc_id", "sent_id", "start", "end", "left", "keyword", "right", "pattern"]
_SORT_KEY = re.compile(r"^\s*(?:(\d+)\s*([LR])|(K|0))\s*$", re.IGNORECASE)


def kwic(
    corpus: Any,
    pattern: str | Sequence[str],
    *,
    window: int = 5,
    match: MatchMode = "glob",
    case_sensitive: bool = False,
    sort: str | None = None,
    within: Literal["document", "sentence"] = "document",
    meta: bool | Sequence[str] = False,
) -> pd.DataFrame:
    """Every occurrence of a pattern with the words around it.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    pattern : str or list of str
        A word, glob (``withdraw*``), phrase (``"pull* out"``) or, with
        ``match="regex"``, regular expressions per token. A list searches all the
        patterns at once; the ``pattern`` column says which one hit.
    window : int
        Words (punctuation not counted) shown on each side, from 1 to 1,000.
    match : {"glob", "regex", "fixed"}
        See :mod:`toolkit.search.patterns`.
    case_sensitive : bool
    sort : str, optional
        AntConc-style sort keys, e.g. ``"1R"`` (first word to the right),
        ``"1L,2L"``, ``"K"`` (the keyword). Case is ignored, ties keep corpus
        order. By default hits are in corpus order.
    within : {"document", "sentence"}
        Let the context run to the window size within the document, or stop at
        the hit's sentence.
    meta : bool or list of str
        Add document metadata columns: ``True`` for all (``title``, ``date``,
        ``source``, ``url`` and extra columns), or a list of column names.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, start, end, left, keyword, right, pattern``; ``start``
        and ``end`` are character offsets of the keyword in ``docs.text``.

    Examples
    --------
    >>> import toolkit
    >>> hits = toolkit.kwic("data/", "pull* out", window=3)
    >>> hits[["left", "keyword", "right"]].values.tolist()[0]
    ['country as Washington', 'pulls out', 'its last troops']
    """
    window = check_window(window)
    if within not in ("document", "sentence"):
        raise ValueError(f"within={within!r} is not one of 'document', 'sentence'")
    patterns = [pattern] if isinstance(pattern, str | Pattern) else list(pattern)
    if not patterns:
        raise ValueError("no pattern given: pass a word, a glob, a phrase or a list of them")
    compiled = list(
        {
            p.source: p
            for p in (
                compile_pattern(p, match=match, case_sensitive=case_sensitive) for p in patterns
            )
        }.values()
    )
    keys = parse_sort(sort)
    idx = corpus_index(corpus)

    first, end, pat_no = find_all_spans(idx, compiled)
    order = np.lexsort((pat_no, end, first))
    first, end, pat_no = first[order], end[order], pat_no[order]
    if keys:
        order = np.lexsort(
            [*(first, pat_no)[::-1], *[_sort_key(idx, first, end, k) for k in reversed(keys)]]
        )
        first, end, pat_no = first[order], end[order], pat_no[order]
    hits = _materialise(idx, first, end, window=window, within=within)
    hits["pattern"] = pd.Categorical.from_codes(pat_no, categories=[p.source for p in compiled])
    if meta:
        hits = _add_meta(hits, idx, meta)
    return hits


def _materialise(
    idx: TokenIndex, first: np.ndarray, end: np.ndarray, *, window: int, within: str
) -> pd.DataFrame:
    doc = idx.token_doc(first)
    last = end - 1
    if within == "sentence":
        lo = idx.sent_tok[idx.sent[first]]
        hi = idx.sent_tok[idx.sent[last] + 1]
    else:
        lo = idx.doc_tok[doc]
        hi = idx.doc_tok[doc + 1]
    wp = idx.word_pos
    n_words = len(wp)
    # the context runs from the window-th word before the keyword to the window-th
    # word after it, never past the bounds (document or sentence)
    wi = idx.word_rank[first].astype(np.int64) - window
    wj = idx.word_rank[end].astype(np.int64) + window - 1
    if n_words:
        left_tok = np.where(wi >= 0, wp[np.maximum(wi, 0)], lo)
        right_tok = np.where(wj < n_words, wp[np.minimum(wj, n_words - 1)], hi - 1)
    else:
        left_tok, right_tok = lo, hi - 1
    left_tok = np.minimum(np.maximum(left_tok, lo), first)
    right_tok = np.maximum(np.minimum(right_tok, hi - 1), last)
    start_c = idx.start[first]
    end_c = idx.end[last]
    # contexts run from token to token, so they never carry the spaces next to
    # the keyword; an empty context is an empty slice at the keyword's edge
    has_left = left_tok < first
    has_right = right_tok > last
    left_a = np.where(has_left, idx.start[left_tok], start_c)
    left_b = np.where(has_left, idx.end[np.maximum(first - 1, 0)], start_c)
    right_a = np.where(has_right, idx.start[np.minimum(last + 1, idx.n_tokens - 1)], end_c)
    right_b = np.where(has_right, idx.end[right_tok], end_c)
    # cut from all texts joined: offsets in it are the document's start plus the
    # offset in the document
    text, doc_start = idx.display
    at = doc_start[doc]
    left = _cut(text, at + left_a, at + left_b)
    if len(end) and (end - first == 1).all():  # one-token keywords: straight from the vocabulary
        keyword = idx.forms[idx.form[first]]
    else:
        keyword = _cut(text, at + start_c, at + end_c)
    right = _cut(text, at + right_a, at + right_b)
    frame = pd.DataFrame(
        {
            "doc_id": idx.doc_categorical(doc),
            "sent_id": (idx.sent[first] - idx.doc_sent[doc]).astype(np.int32),
            "start": start_c,
            "end": end_c,
            "left": str_array(left),
            "keyword": str_array(keyword),
            "right": str_array(right),
        }
    )
    return frame


def _cut(text: str, starts: np.ndarray, ends: np.ndarray) -> list[str]:
    return [text[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]


def _add_meta(hits: pd.DataFrame, idx: TokenIndex, meta: bool | Sequence[str]) -> pd.DataFrame:
    docs = idx.corpus.docs
    available = [c for c in docs.columns if c not in ("doc_id", "text", "raw")]
    if meta is True:
        cols = available
    else:
        cols = [meta] if isinstance(meta, str) else list(meta)
        unknown = [c for c in cols if c not in available]
        if unknown:
            raise ValueError(
                f"meta columns {unknown} are not in the corpus; it has: {', '.join(available)}"
            )
    codes = hits["doc_id"].cat.codes.to_numpy()
    out = hits.copy()
    for c in cols:
        out[c] = docs[c].to_numpy()[codes] if len(codes) else docs[c].iloc[:0].to_numpy()
    return out


def parse_sort(sort: str | None) -> list[tuple[str, int]]:
    """Parse AntConc-style sort keys.

    Examples
    --------
    >>> parse_sort("1R,2R")
    [('R', 1), ('R', 2)]
    >>> parse_sort("K, 1L")
    [('K', 0), ('L', 1)]
    """
    if sort is None or (isinstance(sort, str) and not sort.strip()):
        return []
    if not isinstance(sort, str):
        raise TypeError(f"sort must be a string such as '1R' or '1L,2L', not {type(sort).__name__}")
    keys = []
    for part in sort.split(","):
        m = _SORT_KEY.match(part)
        if not m:
            raise ValueError(
                f"sort={sort!r}: each key is a number and a side, such as '1R' (first word to the "
                "right) or '2L' (second word to the left), or 'K' for the keyword; separate keys "
                "with commas"
            )
        if m.group(3):
            keys.append(("K", 0))
        else:
            n = int(m.group(1))
            if n < 1:
                raise ValueError(f"sort={sort!r}: positions start at 1 ('1R', '1L')")
            keys.append((m.group(2).upper(), n))
    return keys


def _sort_key(
    idx: TokenIndex, first: np.ndarray, end: np.ndarray, key: tuple[str, int]
) -> np.ndarray:
    side, n = key
    if side == "K":
        return idx.lower_rank[idx.lower(first)]
    wp = idx.word_pos
    doc = idx.token_doc(first)
    if side == "R":
        j = idx.word_rank[end].astype(np.int64) + n - 1
        ok = j < len(wp)
        pos = wp[np.clip(j, 0, max(len(wp) - 1, 0))] if len(wp) else first
        ok &= pos < idx.doc_tok[doc + 1]
    else:
        j = idx.word_rank[first].astype(np.int64) - n
        ok = j >= 0
        pos = wp[np.clip(j, 0, max(len(wp) - 1, 0))] if len(wp) else first
        ok &= pos >= idx.doc_tok[doc]
    rank = idx.lower_rank[idx.lower(pos)] if len(pos) else np.zeros(0, dtype=np.int64)
    return np.where(ok, rank, -1)

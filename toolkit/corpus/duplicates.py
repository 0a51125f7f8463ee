"""Near-duplicate documents: wire stories republished by several outlets, the same
briefing posted twice, an article exported from two databases.

What counts as a duplicate: two documents whose sets of word 3-grams (three
consecutive words, lower-cased, punctuation ignored) have a Jaccard similarity
(shared 3-grams over all distinct 3-grams of the two) of at least the threshold,
0.9 by default. A repost with a changed headline, date line or a sentence added
stays above 0.9; two reports of the same event in different words fall far below
it. Candidate pairs come from MinHash signatures and locality-sensitive hashing
(datasketch), so the corpus is never compared pair by pair; every candidate's
similarity is then computed exactly, so no pair below the threshold is reported.
The signatures are a pure function of each document; the hashing and grouping
are a reduce over them.
"""

from __future__ import annotations

import re
import zlib
from typing import Any, Literal

import numpy as np
import pandas as pd

from .corpus import Corpus, report_row

__all__ = ["DUPLICATE_MEASURE", "find_duplicates", "handle_duplicates", "jaccard", "word_shingles"]

DUPLICATE_MEASURE = "jaccard of word 3-gram sets"
SHINGLE_WORDS = 3
NUM_PERM = 128
_SEED = 1
_WORD = re.compile(r"\w+")
_MULT = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D], dtype=np.uint64)
COLUMNS = ["doc_id", "duplicate_of", "similarity", "measure", "group"]


def word_shingles(text: str, cache: dict[str, int] | None = None) -> np.ndarray:
    """The distinct hashed word 3-grams of a text (32-bit values, sorted).

    ``cache`` keeps the hash of each word between calls.
    """
    if cache is None:
        cache = {}
    words = _WORD.findall(text.lower())
    if not words:
        return np.empty(0, dtype=np.uint64)
    ids = np.fromiter(
        (cache[w] if w in cache else cache.setdefault(w, zlib.crc32(w.encode())) for w in words),
        dtype=np.uint64,
        count=len(words),
    )
    k = min(SHINGLE_WORDS, len(ids))
    n = len(ids) - k + 1
    mixed = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        mixed ^= ids[j : j + n] * _MULT[j]
    mixed ^= mixed >> np.uint64(29)
    return np.unique(mixed & np.uint64(0xFFFFFFFF))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two sorted arrays of distinct values.

    Examples
    --------
    >>> jaccard(word_shingles("a b c d"), word_shingles("a b c e"))
    0.3333333333333333
    """
    shared = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - shared
    return shared / union if union else 0.0


def _order(docs: pd.DataFrame) -> np.ndarray:
    """Rank of each document from earliest to latest (undated last, then by position)."""
    dates = pd.to_datetime(docs["date"], errors="coerce")
    frame = pd.DataFrame({"undated": dates.isna().to_numpy(), "date": dates.to_numpy()})
    frame["position"] = np.arange(len(docs))
    ordered = frame.sort_values(["undated", "date", "position"], kind="stable").index.to_numpy()
    rank = np.empty(len(docs), dtype=np.int64)
    rank[ordered] = np.arange(len(docs))
    return rank


def find_duplicates(corpus: Any, *, threshold: float = 0.9) -> pd.DataFrame:
    """Pairs of near-identical documents.

    Parameters
    ----------
    corpus : Corpus, or a DataFrame with ``doc_id`` and ``text`` (and ``date``) columns
        such as ``corpus.docs``. (This module sits below :mod:`.load`, which uses
        it, so it does not load other inputs itself: pass them through
        :func:`toolkit.load_corpus` first.)
    threshold : float
        The least Jaccard similarity of two documents' word 3-gram sets for them to
        count as duplicates (0 < threshold <= 1).

    Returns
    -------
    DataFrame
        One row per pair: ``doc_id`` (the later document), ``duplicate_of`` (the
        earlier one it duplicates: by date, then by position), ``similarity``,
        ``measure`` (what the similarity is), ``group`` (the earliest document of
        the group the pair belongs to; documents linked by pairs form a group).
        Sorted by group, then by position.

    Examples
    --------
    >>> import toolkit
    >>> text = " ".join(f"word{i}" for i in range(100))
    >>> c = toolkit.load_corpus([text, text + " updated", "Talks failed."], duplicates="keep")
    >>> toolkit.find_duplicates(c)[["doc_id", "duplicate_of", "group"]].values.tolist()
    [['doc2', 'doc1', 'doc1']]
    """
    if isinstance(corpus, Corpus):
        docs = corpus.docs
    elif isinstance(corpus, pd.DataFrame) and {"doc_id", "text"} <= set(corpus.columns):
        docs = corpus if "date" in corpus.columns else corpus.assign(date=pd.NaT)
    else:
        raise TypeError(
            "find_duplicates takes a Corpus (load one with toolkit.load_corpus) or a DataFrame "
            f"with doc_id and text columns, not {type(corpus).__name__}"
        )
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be above 0 and at most 1, not {threshold!r}")
    pairs = _candidate_pairs(list(docs["text"]), threshold)
    return _pair_table(docs, pairs)


def _candidate_pairs(texts: list[str], threshold: float) -> list[tuple[int, int, float]]:
    """``(i, j, similarity)`` for every pair at or above the threshold, ``i < j``."""
    from datasketch import MinHash, MinHashLSH

    cache: dict[str, int] = {}
    shingles = [word_shingles(t, cache) for t in texts]
    # banding tuned to the threshold (to 0.9 at most, which leaves enough bands),
    # weighing a missed pair four times a needless candidate: candidates are
    # checked exactly, so more of them cost time, never a wrong pair
    lsh = MinHashLSH(threshold=min(threshold, 0.9), num_perm=NUM_PERM, weights=(0.2, 0.8))
    signatures = {}
    template = MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=int)
    for i, s in enumerate(shingles):
        if len(s) == 0:
            continue
        m = template.copy()
        m.update_batch(s.tolist())
        signatures[i] = m
        lsh.insert(i, m, check_duplication=False)
    found = []
    for i, m in signatures.items():
        for j in lsh.query(m):
            if j > i:
                sim = jaccard(shingles[i], shingles[j])
                if sim >= threshold:
                    found.append((i, j, sim))
    return sorted(found)


def _pair_table(docs: pd.DataFrame, pairs: list[tuple[int, int, float]]) -> pd.DataFrame:
    if not pairs:
        return pd.DataFrame(
            {c: pd.Series(dtype=float if c == "similarity" else object) for c in COLUMNS}
        )
    rank = _order(docs)
    parent = list(range(len(docs)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _ in pairs:
        a, b = root(i), root(j)
        if a != b:
            first, second = (a, b) if rank[a] < rank[b] else (b, a)
            parent[second] = first
    ids = docs["doc_id"].astype(str).to_numpy()
    rows = []
    for i, j, sim in pairs:
        earlier, later = (i, j) if rank[i] < rank[j] else (j, i)
        rows.append(
            (ids[later], ids[earlier], round(sim, 4), DUPLICATE_MEASURE, ids[root(i)], later)
        )
    table = pd.DataFrame(rows, columns=[*COLUMNS, "_position"])
    table["_group_rank"] = table["group"].map({d: rank[k] for k, d in enumerate(ids)})
    table = table.sort_values(["_group_rank", "_position", "duplicate_of"], kind="stable")
    return table[COLUMNS].reset_index(drop=True)


def handle_duplicates(
    corpus: Corpus,
    how: Literal["keep", "drop", "flag"],
    *,
    threshold: float = 0.9,
) -> Corpus:
    """Apply ``load_corpus(..., duplicates=how)`` to a loaded corpus.

    ``"flag"`` adds a ``duplicate_of`` column (the earliest document of the
    document's group; empty for documents that duplicate nothing and for the
    earliest of each group) and one report row per group; ``"drop"`` keeps only
    the earliest document of each group and reports the others as removed;
    ``"keep"`` does nothing.
    """
    if how not in {"keep", "drop", "flag"}:
        raise ValueError(f"duplicates must be 'keep', 'drop' or 'flag', not {how!r}")
    if how == "keep":
        return corpus
    docs = corpus.docs
    pairs = find_duplicates(corpus, threshold=threshold) if len(docs) > 1 else None
    if pairs is None or pairs.empty:
        if how == "flag":
            docs = docs.assign(duplicate_of=pd.Series([None] * len(docs), dtype=object))
            return Corpus(docs, corpus.report, corpus.paragraph_spans, progress=corpus.progress)
        return corpus
    group_of = dict(zip(pairs["doc_id"], pairs["group"], strict=True))
    group_of.update(zip(pairs["duplicate_of"], pairs["group"], strict=True))
    position = {d: k for k, d in enumerate(docs["doc_id"])}
    paths = docs["path"] if "path" in docs.columns else pd.Series([None] * len(docs))
    rows = []
    for group, table in pairs.groupby("group", sort=False):
        best = table.groupby("doc_id")["similarity"].max()
        others = sorted(best.index, key=position.__getitem__)
        sims = ", ".join(f"{d} ({best[d]:.3f})" for d in others if d != group)
        action = "removed" if how == "drop" else "duplicates"
        reason = f"near-duplicates of {group} ({DUPLICATE_MEASURE} >= {threshold})" + (
            "; the earliest is kept" if how == "drop" else ""
        )
        rows.append(report_row(paths.iat[position[group]], group, action, reason, sims))
    report = pd.concat([corpus.report, pd.DataFrame(rows)], ignore_index=True)
    duplicate_of = [group_of.get(d) if group_of.get(d) != d else None for d in docs["doc_id"]]
    if how == "flag":
        docs = docs.assign(duplicate_of=pd.Series(duplicate_of, dtype=object))
        return Corpus(docs, report, corpus.paragraph_spans, progress=corpus.progress)
    keep = np.array([d is None for d in duplicate_of])
    kept = corpus.subset(keep)
    return Corpus(kept.docs, report, kept.paragraph_spans, progress=corpus.progress)

"""Near-duplicate documents: wire stories republished by several outlets, the same
briefing posted twice, an article exported from two databases.

What counts as a duplicate: two documents whose sets of word 3-grams (three
consecutive word tokens as :func:`toolkit.tokenize` splits them, lower-cased,
punctuation left out) have a Jaccard similarity (shared 3-grams over all
distinct 3-grams of the two) of at least the threshold, 0.9 by default. A repost
with a changed headline, date line or a sentence added stays above 0.9; two
reports of the same event in different words fall far below it.

Candidate pairs come from MinHash signatures (128 hash functions) and
locality-sensitive hashing in bands, so the corpus is never compared pair by
pair; every candidate's similarity is then computed exactly, so no pair below
the threshold is reported. The bands are chosen so that a pair at the threshold
becomes a candidate with probability at least 0.999. The signatures are a pure
function of each document (computed for many documents at once with numpy); the
banding and grouping are a reduce over them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from ..text.words import split_tokens
from .corpus import Corpus, report_row

__all__ = [
    "DUPLICATE_MEASURE",
    "document_shingles",
    "find_duplicates",
    "handle_duplicates",
    "jaccard",
    "minhash_signatures",
    "word_shingles",
]

DUPLICATE_MEASURE = "jaccard of word 3-gram sets"
SHINGLE_WORDS = 3
NUM_PERM = 128
COLUMNS = ["doc_id", "duplicate_of", "similarity", "measure", "group"]
# a bucket of more candidates than this pairs each with its first member only
# (they are near-identical, so the group comes out the same)
_MAX_BUCKET = 64
_MULT = np.array([0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)
_rng = np.random.default_rng(20211)  # fixed: the same signatures on every run
_HASH_A = _rng.integers(1, 2**32, size=NUM_PERM, dtype=np.uint32) | np.uint32(1)
_HASH_B = _rng.integers(0, 2**32, size=NUM_PERM, dtype=np.uint32)
del _rng


def document_shingles(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The distinct hashed word 3-grams of each text, for many texts at once.

    Returns
    -------
    (values, bounds)
        ``values[bounds[i]:bounds[i + 1]]`` are text ``i``'s 3-grams as sorted,
        distinct 32-bit values. A text of one or two words has one shingle (its
        words); a text without words has none.

    Examples
    --------
    >>> values, bounds = document_shingles(["a b c d", "a b c", "..."])
    >>> (bounds[1:] - bounds[:-1]).tolist()
    [2, 1, 0]
    """
    tokens: list[str] = []
    gaps: list[int] = []
    counts = np.zeros(len(texts), dtype=np.int64)
    for i, text in enumerate(texts):
        counts[i] = split_tokens(text, tokens, gaps)
        gaps.clear()
    # each distinct token is lower-cased, tested for a letter or digit and hashed
    # once: a corpus has far fewer types than tokens
    codes, types = pd.factorize(np.asarray(tokens, dtype=object))
    del tokens
    lowered = np.asarray([t.lower() for t in types], dtype=object)
    is_word = np.fromiter((_has_word_char(t) for t in types), dtype=bool, count=len(types))
    type_hash = pd.util.hash_array(lowered) if len(types) else np.zeros(0, dtype=np.uint64)
    word = is_word[codes] if len(codes) else np.zeros(0, dtype=bool)
    hashes = type_hash[codes[word]]
    doc = np.repeat(np.arange(len(texts), dtype=np.int64), counts)[word]
    # 3-grams within a document: the hashes of the words at k, k+1 and k+2 mixed
    k = SHINGLE_WORDS
    n = max(len(hashes) - k + 1, 0)
    mixed = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        mixed ^= hashes[j : j + n] * _MULT[j]
    inside = doc[:n] == doc[k - 1 : k - 1 + n] if n else np.zeros(0, dtype=bool)
    shingle, owner = mixed[inside], doc[:n][inside]
    # documents of one or two words: one shingle of what they have
    words_per_doc = np.bincount(doc, minlength=len(texts))
    short = np.flatnonzero((words_per_doc > 0) & (words_per_doc < k))
    if len(short):
        first = np.searchsorted(doc, short)
        extra = hashes[first] * _MULT[0]
        two = words_per_doc[short] == 2
        extra[two] ^= hashes[first[two] + 1] * _MULT[1]
        shingle, owner = np.concatenate([shingle, extra]), np.concatenate([owner, short])
    shingle ^= shingle >> np.uint64(29)
    keys = np.sort((owner.astype(np.uint64) << np.uint64(32)) | (shingle & np.uint64(0xFFFFFFFF)))
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys
    values = keys & np.uint64(0xFFFFFFFF)
    bounds = np.searchsorted(keys >> np.uint64(32), np.arange(len(texts) + 1, dtype=np.uint64))
    return values, bounds.astype(np.int64)


def _has_word_char(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def word_shingles(text: str) -> np.ndarray:
    """The distinct hashed word 3-grams of one text (sorted 32-bit values): what
    :func:`find_duplicates` compares.

    Examples
    --------
    >>> len(word_shingles("The talks failed. The talks failed."))
    3
    """
    values, _ = document_shingles([text])
    return values


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


def minhash_signatures(values: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """MinHash signatures of the documents of :func:`document_shingles`: one row of
    :data:`NUM_PERM` minima per document (all ones, the largest value, for a
    document without shingles).

    Each hash function permutes the 32-bit shingles (already hashed): ``h = (x xor
    b) * a mod 2**32`` with a fixed odd ``a``, then ``h xor (h >> 15)``.
    """
    n_docs = len(bounds) - 1
    sig = np.full((n_docs, NUM_PERM), np.uint32(0xFFFFFFFF), dtype=np.uint32)
    nonempty = np.flatnonzero(bounds[1:] > bounds[:-1])
    if len(nonempty) == 0:
        return sig
    starts = bounds[:-1][nonempty]
    x = values.astype(np.uint32)
    hashed = np.empty_like(x)
    for p in range(NUM_PERM):
        np.bitwise_xor(x, _HASH_B[p], out=hashed)
        hashed *= _HASH_A[p]
        hashed ^= hashed >> np.uint32(15)
        sig[nonempty, p] = np.minimum.reduceat(hashed, starts)
    return sig


def _bands(threshold: float) -> int:
    """Rows per band: the most (fewest needless candidates) for which a pair at the
    threshold still becomes a candidate with probability 0.999 or more."""
    best = 1
    for rows in (1, 2, 4, 8, 16, 32):
        if 1 - (1 - threshold**rows) ** (NUM_PERM // rows) >= 0.999:
            best = rows
    return best


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
    values, bounds = document_shingles(texts)
    sig = minhash_signatures(values, bounds)
    nonempty = np.flatnonzero(bounds[1:] > bounds[:-1])
    rows = _bands(threshold)
    candidates = set()
    for band in range(NUM_PERM // rows):
        cols = sig[nonempty, band * rows : (band + 1) * rows].astype(np.uint64)
        key = np.zeros(len(nonempty), dtype=np.uint64)
        for c in range(rows):
            key = key * np.uint64(0x100000001B3) ^ cols[:, c]
        order = np.argsort(key, kind="stable")
        sorted_key = key[order]
        edge = np.flatnonzero(np.r_[True, sorted_key[1:] != sorted_key[:-1], True])
        for lo, hi in itertools.pairwise(edge):
            if hi - lo < 2:
                continue
            members = np.sort(nonempty[order[lo:hi]]).tolist()
            if len(members) > _MAX_BUCKET:
                candidates.update((members[0], m) for m in members[1:])
            else:
                candidates.update((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    found = []
    for i, j in sorted(candidates):
        sim = jaccard(values[bounds[i] : bounds[i + 1]], values[bounds[j] : bounds[j + 1]])
        if sim >= threshold:
            found.append((i, j, sim))
    return found


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

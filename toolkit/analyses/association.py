"""Statistics shared by collocates and keyness: log-likelihood terms, ranking, patterns."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..search.patterns import MatchMode, Pattern, compile_pattern

__all__ = ["compile_patterns", "term_order", "xlnx"]


def xlnx(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    """``o * ln(o / e)``, taking ``0 * ln 0`` as 0 (e > 0 wherever o > 0)."""
    positive = o > 0
    return np.where(
        positive, o * np.log(np.where(positive, o, 1.0) / np.where(positive, e, 1.0)), 0.0
    )


def term_order(terms: np.ndarray, score: np.ndarray) -> np.ndarray:
    """Rows by score, highest first; ties broken alphabetically by term."""
    alpha = np.argsort(terms.astype(str), kind="stable")
    rank = np.empty(len(terms), dtype=np.int64)
    rank[alpha] = np.arange(len(terms))
    return np.lexsort((rank, -score))


def compile_patterns(
    pattern: str | Pattern | Sequence[str], match: MatchMode, case_sensitive: bool
) -> list[Pattern]:
    items = [pattern] if isinstance(pattern, str | Pattern) else list(pattern)
    if not items:
        raise ValueError("no pattern given: pass a word, a glob, a phrase or a list of them")
    compiled = [compile_pattern(p, match=match, case_sensitive=case_sensitive) for p in items]
    return list({p.source: p for p in compiled}.values())

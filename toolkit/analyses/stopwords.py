"""Stopword lists for collocates, keyness and term counts."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from .._util.resources import word_list

__all__ = ["stop_mask", "stopword_list", "stopword_words"]

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
    >>> from toolkit.analyses.stopwords import stopword_list
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
    return frozenset(w.lower() for w in word_list(filename))


def stopword_words(stopwords: str | Iterable[str] | None) -> frozenset[str]:
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


def stop_mask(terms: np.ndarray, words: frozenset[str]) -> np.ndarray:
    """Boolean mask over lower-cased ``terms``: True for the stopwords ``words``."""
    return np.fromiter((t in words for t in terms.tolist()), dtype=bool, count=len(terms))

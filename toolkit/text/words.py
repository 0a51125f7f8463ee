"""Word tokens of one string, with character offsets.

Everything here is a pure function of a text: no NLTK data download, and it runs
document by document anywhere.

Conventions (Penn Treebank-like where that helps counting):

* punctuation is split off: ``"said,"`` gives ``said`` and ``,``;
* hyphenated words stay whole: ``Qala-e-Naw``, ``two-decade``;
* abbreviations and initialisms keep their period: ``U.S.``, ``Gen.``, ``J.``;
* numbers with separators stay whole (``2,000``, ``5.93``) and ``%`` is a token of
  its own, so ``90%`` is ``90`` + ``%`` (search ``"90 %"`` or ``"90%"``: both work);
* clitics are separate: ``Mujahid's`` gives ``Mujahid`` + ``'s``; ``don't`` gives
  ``do`` + ``n't``;
* a word goes on through combining marks, joiners and other format characters, as
  Unicode's default word boundaries do (UAX #29, rule WB4): ``Mu\u0308ller``,
  ``हिन्दी`` and ``Tali\u00adban`` (with a soft hyphen) are one token each (see
  :mod:`toolkit.text.characters`, which also defines the form tokens are matched in).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from .abbreviations import abbreviations
from .characters import WORD_EXTEND_RE

__all__ = ["is_punct", "split_tokens", "tokenize_text"]


_APOS = "'\u2019"
_CLITICS = r"(?:[sdm]|re|ve|ll|[SDM]|RE|VE|LL)"


@lru_cache(maxsize=1)
def _word_regex() -> re.Pattern[str]:
    abbr = abbreviations()
    known = sorted(
        set().union(abbr["titles"], abbr["months"], abbr["before_numbers"], abbr["other"]),
        key=lambda w: (-len(w), w),
    )
    marks = WORD_EXTEND_RE  # marks and joiners: they stay with the character before
    m = f"{marks}*"
    word = rf"\w+(?:{marks}+\w*)*"  # letters and digits, and the marks on them
    alternatives = [
        # fast path for the commonest token, ASCII letters followed by a space or
        # simple punctuation: every rule below needs a period, colon, apostrophe, hyphen,
        # digit, mark or other letter to apply, so the result is the same, found sooner
        r"[A-Za-z]+(?=[\s,;!?)\]\"]|\Z)",
        # URLs, ending on a character that is not sentence punctuation
        r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]'\u2019\u201d]",
        # initialisms: U.S., U.N., a.m., e.g., U.S.-led
        rf"(?:[^\W\d_]{m}\.){{2,}}{m}(?:-{word})*",
        # known abbreviations keep their period (guarded so most words fail fast)
        r"(?=[A-Za-z]{1,6}\.)(?:" + "|".join(map(re.escape, known)) + rf")\.(?!\w){m}",
        # a single capital initial: "Donald J. Trump"
        rf"[A-Z]\.(?!\w){m}",
        # numbers with separators: 2,000  5.93  9/11  10:30
        rf"\d+(?:[.,:/]\d+)+{m}",
        # "don't" -> "do" + "n't"
        rf"\w+(?=n[{_APOS}]t\b)",
        rf"n[{_APOS}]t\b{m}",
        # possessive and other clitics: 's 're 've 'll 'd 'm
        rf"[{_APOS}]{_CLITICS}\b{m}",
        # words, with inner hyphens and apostrophes: Qala-e-Naw, two-decade, O'Neill
        rf"{word}(?:(?:[-\u2010\u2011]|[{_APOS}](?!(?:[sdmt]|re|ve|ll)\b)){word})*",
        # ellipses and dashes
        rf"(?:\.{{2,}}|\u2026){m}",
        rf"(?:-{{2,}}|[\u2012-\u2015]){m}",
        # any other single character but a space or a zero-width space (a word
        # boundary, like a space), with the marks on it; emoji joined by zero-width
        # joiners stay one token
        rf"[^\w\s\u200b]{m}(?:(?<=\u200d)[^\w\s\u200b]{m})*",
    ]
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


def tokenize_text(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Word token spans of one text.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    (starts, ends) : tuple of numpy int64 arrays
        Character offsets; ``text[starts[i]:ends[i]]`` is token ``i``.

    Examples
    --------
    >>> s, e = tokenize_text("Mujahid's U.S. visit, 90%.")
    >>> [("Mujahid's U.S. visit, 90%."[a:b]) for a, b in zip(s, e)]
    ['Mujahid', "'s", 'U.S.', 'visit', ',', '90', '%', '.']
    """
    tokens: list[str] = []
    gaps: list[int] = []
    n = split_tokens(text, tokens, gaps)
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=n)
    ends = np.cumsum(np.asarray(gaps, dtype=np.int64) + lengths) if n else lengths
    return ends - lengths, ends


@lru_cache(maxsize=1)
def _splitting_regex() -> re.Pattern[str]:
    return re.compile(f"({_word_regex().pattern})")


def split_tokens(text: str, tokens: list[str], gaps: list[int]) -> int:
    """Append the tokens of ``text`` to ``tokens`` and, to ``gaps``, the number of
    characters between each token and the one before it (or the text's start).
    Returns the number of tokens.

    ``re.split`` with a capturing group returns the text between matches and the
    matches alternately, built in C; offsets follow from the lengths, which is
    about twice as fast as creating a match object per token.
    """
    parts = _splitting_regex().split(text)
    found = parts[1::2]
    tokens.extend(found)
    gaps.extend(map(len, parts[0:-1:2]))
    return len(found)


def is_punct(token: str) -> bool:
    """True when a token has no letter or digit (``","``, ``"%"``, ``"..."``)."""
    return not any(ch.isalnum() for ch in token)

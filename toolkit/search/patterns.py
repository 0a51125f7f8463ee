"""The one matching contract used by every search in the toolkit.

A pattern is one or more space-separated parts; each part matches one token, and
the parts must match consecutive tokens (a phrase: ``"pull* out"``).

* ``match="glob"`` (default): ``*`` matches any run of characters and ``?`` one
  character (``withdraw*`` finds withdraw, withdrawal, withdrawing ...);
  everything else is literal.
* ``match="fixed"``: every character is literal.
* ``match="regex"``: each part is a regular expression that must match a whole
  token (``withdr(aw|ew)\\w*``).
* ``case_sensitive=False`` (default) ignores case.

A glob or fixed part that the tokenizer would split is split the same way, so
``"U.S.-led"``, ``"90%"`` and ``"Mujahid's"`` find what they look like. Tokens
and patterns are compared in their match form (:func:`toolkit.text.characters.match_form`:
Unicode NFC, without soft hyphens and zero-width characters), so ``café`` finds
``cafe\u0301`` and ``Taliban`` finds ``Tali\u00adban``; the offsets of a hit still
slice the exact original characters.

**Bounded time.** A glob compiles to a matcher that runs in time linear in the
length of each token (its ``*`` segments are placed left to right, never tried
again), so no glob can make a search hang. A regular expression runs under the
``regex`` module's timeout: each regex part gets at most :data:`REGEX_TIMEOUT`
seconds over a corpus's vocabulary, and one that needs longer (nested
repetitions such as ``(a+)+`` or ``(a|a)+`` can backtrack for hours) raises a
ValueError that names it and how to rewrite it.

KWIC, lexicons (actors and frames) and collocates all use :func:`compile_pattern`
and :func:`find_spans`, so a pattern means the same thing everywhere.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Literal, get_args

import numpy as np
import regex

from ..text.characters import match_form
from ..text.words import tokenize_text

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus.index import TokenIndex

__all__ = [
    "REGEX_TIMEOUT",
    "MatchMode",
    "Pattern",
    "compile_pattern",
    "find_all_spans",
    "find_spans",
    "longest_matches",
    "unmatchable_part",
]

MatchMode = Literal["glob", "regex", "fixed"]
MATCH_MODES: tuple[str, ...] = get_args(MatchMode)
_WILDCARDS = re.compile(r"[*?]")
# Full scans of the token array beat gathering postings when this many types match.
_MANY_TYPES = 2000
REGEX_TIMEOUT = 1.0
"""Seconds a regular expression part may spend matching a corpus's vocabulary."""
# vocabulary entries matched between two looks at the clock
_CLOCK_EVERY = 512


@dataclass(frozen=True)
class Pattern:
    """A validated pattern: its source text and the per-token parts."""

    source: str
    parts: tuple[str, ...]
    match: MatchMode
    case_sensitive: bool

    @cached_property
    def _regexes(self) -> tuple[regex.Pattern[str] | None, ...]:
        if self.match != "regex":
            return (None,) * len(self.parts)
        return tuple(_compile_regex(part, self.case_sensitive, self.source) for part in self.parts)

    def __str__(self) -> str:
        return self.source


def compile_pattern(
    pattern: str | Pattern, *, match: MatchMode = "glob", case_sensitive: bool = False
) -> Pattern:
    """Validate a pattern and split it into per-token parts.

    Raises
    ------
    ValueError
        For an empty pattern, an unknown ``match`` mode or an invalid regex; the
        message names the pattern.
    TypeError
        When the pattern is not a string.

    Examples
    --------
    >>> compile_pattern("pull* out").parts
    ('pull*', 'out')
    >>> compile_pattern("90%").parts
    ('90', '%')
    """
    if isinstance(pattern, Pattern):
        return pattern
    if not isinstance(pattern, str):
        raise TypeError(f"a pattern must be a string, not {type(pattern).__name__}: {pattern!r}")
    if match not in MATCH_MODES:
        raise ValueError(f"match={match!r} is not one of {', '.join(MATCH_MODES)}")
    chunks = pattern.split()
    if not chunks:
        raise ValueError(f"the pattern {pattern!r} is empty; give a word, a glob or a phrase")
    parts: list[str] = []
    for chunk in chunks:
        if match == "regex":
            _compile_regex(match_form(chunk), bool(case_sensitive), pattern)
            parts.append(chunk)
        elif match == "glob" and _WILDCARDS.search(chunk):
            if chunk.strip("*?") == "" and len(chunks) == 1:
                raise ValueError(
                    f"the pattern {pattern!r} would match every token; add letters to it"
                )
            parts.append(chunk)
        else:
            starts, ends = tokenize_text(chunk)
            parts.extend(chunk[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True))
    parts = [match_form(p) for p in parts]
    return Pattern(pattern, tuple(parts), match, bool(case_sensitive))


def _compile_regex(part: str, case_sensitive: bool, source: str) -> regex.Pattern[str]:
    try:
        return regex.compile(part, 0 if case_sensitive else regex.IGNORECASE)
    except (regex.error, OverflowError, RecursionError, ValueError) as exc:
        raise ValueError(
            f"the pattern {source!r} is not a valid regular expression: {exc}"
        ) from exc


def unmatchable_part(pattern: Pattern) -> tuple[str, list[str]] | None:
    """The first part of a glob pattern that no token can match, if any, with
    the tokens the tokenizer would make of it.

    A part matches one token. A glob part such as ``withdraw[*`` (``[`` is not
    a wildcard here: only ``*`` and ``?`` are) can never do so, because the
    tokenizer always splits the bracket off a word: whatever fills its
    wildcards, the text is several tokens. Parts of fixed patterns are split as
    the tokenizer splits them (so they always can match), and regular
    expressions are not examined.

    Examples
    --------
    >>> unmatchable_part(compile_pattern("withdraw[*"))
    ('withdraw[*', ['withdraw', '['])
    >>> unmatchable_part(compile_pattern("pull* out")) is None
    True
    """
    if pattern.match != "glob":
        return None
    for part in pattern.parts:
        if not _WILDCARDS.search(part):
            continue
        fillings = [_WILDCARDS.sub(fill, part) for fill in ("", "a", "1")]
        if not any(len(_words(text)) == 1 for text in fillings if text):
            return part, _words(fillings[0]) or _words(fillings[1])
    return None


def _words(text: str) -> list[str]:
    starts, ends = tokenize_text(text)
    return [text[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]


def find_spans(index: TokenIndex, pattern: Pattern) -> tuple[np.ndarray, np.ndarray]:
    """Token spans matching a compiled pattern, in corpus order.

    Returns
    -------
    (first, end) : numpy int64 arrays
        Global token positions: the match covers tokens ``first .. end-1``.
    """
    masks = [_vocab_mask(index, pattern, i) for i in range(len(pattern.parts))]
    if any(not m.any() for m in masks):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.copy()
    k = len(pattern.parts)
    # anchor on the part with the fewest occurrences
    sizes = [_occurrences(index, pattern, m) for m in masks]
    anchor = int(np.argmin(sizes))
    pos = _positions(index, pattern, masks[anchor]) - anchor
    if k > 1:
        pos = pos[(pos >= 0) & (pos + k <= index.n_tokens)]
        same_doc = index.token_doc(pos) == index.token_doc(pos + k - 1)
        pos = pos[same_doc]
        for j in range(k):
            if j == anchor or len(pos) == 0:
                continue
            ids = index.form[pos + j] if pattern.case_sensitive else index.lower(pos + j)
            pos = pos[masks[j][ids]]
    pos = np.sort(pos)
    return pos, pos + k


def find_all_spans(
    index: TokenIndex, patterns: Sequence[Pattern]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Token spans of several patterns at once, with the number of the pattern
    that matched each (its position in ``patterns``).

    Returns
    -------
    (first, end, pattern_no) : numpy int64 arrays
        Pattern by pattern, each in corpus order; overlapping matches of
        different patterns are all there (see :func:`longest_matches`).
    """
    firsts, ends, nos = [], [], []
    for no, pattern in enumerate(patterns):
        f, e = find_spans(index, pattern)
        firsts.append(f)
        ends.append(e)
        nos.append(np.full(len(f), no, dtype=np.int64))
    if not firsts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.copy(), empty.copy()
    return np.concatenate(firsts), np.concatenate(ends), np.concatenate(nos)


def longest_matches(first: np.ndarray, end: np.ndarray, no: np.ndarray) -> np.ndarray:
    """Where matches of several patterns overlap, which are kept: longest first,
    then earliest, then lowest pattern number; a match overlapping one already
    kept is dropped (so "Afghan security forces" wins over "security forces",
    and each stretch of text counts once).

    Returns
    -------
    numpy int64 array
        Indices into ``first``, ``end`` and ``no`` of the matches kept.

    Examples
    --------
    >>> import numpy as np
    >>> longest_matches(np.array([4, 3, 4]), np.array([6, 6, 5]), np.array([0, 1, 2])).tolist()
    [1]
    """
    # the same span found by several patterns: the one listed first
    order = np.lexsort((no, end, first))
    dup = np.zeros(len(order), dtype=bool)
    dup[1:] = (first[order][1:] == first[order][:-1]) & (end[order][1:] == end[order][:-1])
    order = order[~dup]
    n = len(order)
    f, e = first[order], end[order]
    # a match is in conflict when it overlaps a neighbour in position order
    prev_max_end = np.maximum.accumulate(np.concatenate([[-1], e[:-1]]))
    next_min_first = np.concatenate([f[1:], [np.iinfo(np.int64).max]])
    # later-starting matches may start at the same position: compare with the running max
    conflict = (f < prev_max_end) | (e > next_min_first)
    keep = np.ones(n, dtype=bool)
    idx = np.flatnonzero(conflict)
    if len(idx):
        sub = order[idx]
        pri = np.lexsort((no[sub], first[sub], -(end[sub] - first[sub])))
        taken: set[int] = set()
        keep_sub = np.zeros(len(sub), dtype=bool)
        for k in pri.tolist():
            i = sub[k]
            span = range(int(first[i]), int(end[i]))
            if any(t in taken for t in span):
                continue
            taken.update(span)
            keep_sub[k] = True
        keep[idx] = keep_sub
    return order[keep]


def _vocab_mask(index: TokenIndex, pattern: Pattern, i: int) -> np.ndarray:
    """Boolean mask over the vocabulary (forms if case-sensitive, else lower types)."""
    part = pattern.parts[i]
    key = (part, pattern.match, pattern.case_sensitive)
    cached = index._match_cache.get(key)
    if cached is not None:
        return cached
    case = pattern.case_sensitive
    vocab = index.match_forms if case else index.lowers
    mask = np.zeros(len(vocab), dtype=bool)
    if pattern.match == "regex":
        rx = pattern._regexes[i]
        assert rx is not None
        mask[_regex_ids(rx, vocab, pattern.source)] = True
    elif pattern.match == "glob" and _WILDCARDS.search(part):
        mask[_glob_ids(index, part, case)] = True
    elif case:
        mask[index.match_form_ids.get(part, [])] = True
    else:
        j = index.lower_lookup.get(match_form(part.lower()))
        if j is not None:
            mask[j] = True
    if len(index._match_cache) > 4096:
        index._match_cache.clear()
    index._match_cache[key] = mask
    return mask


def _regex_ids(rx: regex.Pattern[str], vocab: np.ndarray, source: str) -> list[int]:
    """Vocabulary entries a regex part matches whole, within :data:`REGEX_TIMEOUT`."""
    words = vocab.tolist()
    found: list[int] = []
    deadline = time.perf_counter() + REGEX_TIMEOUT
    try:
        for at in range(0, len(words), _CLOCK_EVERY):
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError
            chunk = words[at : at + _CLOCK_EVERY]
            found.extend(at + j for j, w in enumerate(chunk) if rx.fullmatch(w, timeout=left))
    except TimeoutError:
        raise ValueError(
            f"the regular expression {source!r} took more than {REGEX_TIMEOUT:g} s to match "
            f"the corpus's words, the most a pattern may take: nested repetitions such as "
            f"(a+)+ or (a|a)+ try exponentially many ways to match. Rewrite it without a "
            f"repetition inside a repetition (e.g. a+ for (a+)+), or use match='glob'"
        ) from None
    return found


def glob_regex(part: str) -> str:
    """A regular expression that matches what the glob ``part`` matches, in time
    linear in the length of the text: the segments between ``*`` are placed left
    to right at their first fit inside atomic groups, which are never tried again
    (the first fit of each segment leaves the most room for the rest, so nothing is
    lost). ``?`` is any one character; ``^``/``$`` anchor each line.

    Examples
    --------
    >>> print(glob_regex("withdraw*"))
    ^withdraw[^\\n]*$
    >>> import re
    >>> bool(re.search(glob_regex("*a*a*a*a*a*a*a*a*X"), "a" * 60))
    False
    """
    segments = [
        "".join(r"[^\n]" if ch == "?" else re.escape(ch) for ch in seg)
        for seg in re.split(r"\*+", part)
    ]
    if len(segments) == 1:
        return f"^{segments[0]}$"
    first, *middle, last = segments
    placed = "".join(rf"(?>[^\n]*?{seg})" for seg in middle if seg)
    return rf"^{first}{placed}[^\n]*{last}$"


def _glob_ids(index: TokenIndex, part: str, case_sensitive: bool) -> np.ndarray:
    joined, line_starts = _joined_vocab(index, case_sensitive)
    if not len(line_starts):
        return np.zeros(0, dtype=np.int64)
    key = part if case_sensitive else match_form(part.lower())
    rx = re.compile(glob_regex(key), re.MULTILINE)
    starts = np.fromiter((m.start() for m in rx.finditer(joined)), dtype=np.int64)
    return np.searchsorted(line_starts, starts)


def _joined_vocab(index: TokenIndex, case_sensitive: bool) -> tuple[str, np.ndarray]:
    key = ("__joined__", case_sensitive)
    cached = index._match_cache.get(key)
    if cached is None:
        vocab = index.match_forms if case_sensitive else index.lowers
        lengths = np.fromiter((len(w) for w in vocab), dtype=np.int64, count=len(vocab))
        line_starts = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]]) if len(vocab) else lengths
        cached = ("\n".join(vocab), line_starts)
        index._match_cache[key] = cached
    return cached


def _lower_ids(index: TokenIndex, pattern: Pattern, mask: np.ndarray) -> np.ndarray:
    ids = np.flatnonzero(mask)
    if pattern.case_sensitive:
        ids = np.unique(index.lower_of_form[ids])
    return ids


def _occurrences(index: TokenIndex, pattern: Pattern, mask: np.ndarray) -> int:
    return int(index.lower_count[_lower_ids(index, pattern, mask)].sum())


def _positions(index: TokenIndex, pattern: Pattern, mask: np.ndarray) -> np.ndarray:
    lower_ids = _lower_ids(index, pattern, mask)
    if len(lower_ids) > _MANY_TYPES:
        if pattern.case_sensitive:
            return np.flatnonzero(mask[index.form]).astype(np.int64)
        return np.flatnonzero(mask[index.lower_of_form[index.form]]).astype(np.int64)
    off = index.post_offset
    if len(lower_ids) == 1:
        j = lower_ids[0]
        pos = index.postings[off[j] : off[j + 1]].astype(np.int64)
    else:
        pos = np.concatenate([index.postings[off[j] : off[j + 1]] for j in lower_ids]).astype(
            np.int64
        )
    if pattern.case_sensitive:
        pos = pos[mask[index.form[pos]]]
    return pos

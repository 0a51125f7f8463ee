"""Sentence spans of one string."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from .abbreviations import abbreviations
from .paragraphs import Span, split_paragraphs
from .quote_marks import pair_quote_marks

__all__ = ["split_sentences"]

_CANDIDATE_END = re.compile("(?:\\.{2,}|\u2026|[.!?]+)[\"'\u201d\u2019)\\]]*(?=\\s)")
_OPENERS = "\"'\u201c\u2018([{"
_NEXT_WORD = re.compile(r"\w+")
_INITIALISM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
# A speaker after a quotation: capitalised words (titles and initials with their
# periods, hyphenated names), "of", "the" or a name particle between them, then a
# lower-case word.
_SPEAKER_THEN_VERB = re.compile(
    r"(?:[A-Z][\w'\u2019.-]*\s+(?:(?:of|the|de|van|von|al)\s+)?){1,6}([a-z]+)\b"
)
_CLOSERS = "\"'\u201d\u2019"
_QUOTE_CHARS = '"\u201c\u201d'
_TAIL_END = re.compile(r"[.!?:;]")
_TAIL_WORDS = 5  # "Smith said in an interview on Tuesday."


def split_sentences(text: str, paragraph_spans: Iterable[Span] | None = None) -> list[Span]:
    """Sentence spans, never crossing a paragraph and never breaking inside a
    quotation that closes within its paragraph.

    A candidate break is sentence-final punctuation (with any closing quotes or
    brackets) followed by a space and a capital letter, a digit or an opening
    quote. A period after a known title ("Gen.", "Lt. Col."), a month ("Jan. 6"),
    a numbering word ("No. 10"), a single initial ("J.") or an initialism ("U.S.")
    only ends a sentence when the next word is a frequent sentence starter.
    The lists live in ``resources/abbreviations.yaml``.

    Parameters
    ----------
    text : str
    paragraph_spans : iterable of (start, end), optional
        Defaults to :func:`split_paragraphs`.

    Returns
    -------
    list of (start, end)
        Spans without surrounding whitespace, in order.

    Examples
    --------
    >>> t = 'Lt. Col. J. Smith met U.S. envoys. "We won. They lost," he said. Then he left.'
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Lt. Col. J. Smith met U.S. envoys.', '"We won. They lost," he said.', 'Then he left.']
    """
    if paragraph_spans is None:
        paragraph_spans = split_paragraphs(text)
    out: list[Span] = []
    for ps, pe in paragraph_spans:
        breaks = _sentence_breaks(text, ps, pe)
        if breaks:
            breaks = _outside_quotes(breaks, pair_quote_marks(text, ps, pe))
        start = ps
        for b in breaks:
            _append_trimmed(out, text, start, b)
            start = b
        _append_trimmed(out, text, start, pe)
    return out


def _append_trimmed(out: list[Span], text: str, a: int, b: int) -> None:
    """Append ``(a, b)`` without the spaces at either end, unless nothing is left
    (:func:`toolkit.text.paragraphs.trimmed`, without a generator per sentence)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))


def _sentence_breaks(text: str, ps: int, pe: int) -> list[int]:
    abbr = abbreviations()
    titles, months, numbering = abbr["titles"], abbr["months"], abbr["before_numbers"]
    other, starters = abbr["other"], abbr["sentence_starters"]
    breaks: list[int] = []
    for m in _CANDIDATE_END.finditer(text, ps, pe):
        k = m.end()
        while k < pe and text[k].isspace():
            k += 1
        if k >= pe:
            break
        first = k
        while first < pe and text[first] in _OPENERS:
            first += 1
        if first >= pe:
            continue
        nxt = text[first]
        if not (nxt.isupper() or nxt.isdigit()):
            continue
        core = m.group().rstrip(_CLOSERS + ")]")
        if (
            m.group()[-1] in _CLOSERS
            and core[-1] in "!?\u2026."
            and _attribution_follows(text, first, pe, abbr["attribution_verbs"])
        ):
            continue  # '"Where are you?" Sanders said.'
        if core == ".":
            j = m.start()
            while j > ps and not text[j - 1].isspace():
                j -= 1
            word = text[j : m.start()].lstrip(_OPENERS)
            w = _NEXT_WORD.match(text, first)
            next_word = w.group() if w else ""
            starts_sentence = next_word in starters
            if word in titles:
                continue
            if word in numbering and nxt.isdigit():
                continue
            if (
                word in months
                or word in other
                or (len(word) == 1 and word.isupper())
                or _INITIALISM.fullmatch(word)
            ) and not starts_sentence:
                continue
        breaks.append(m.end())
    return breaks


def _attribution_follows(text: str, k: int, pe: int, verbs: frozenset[str]) -> bool:
    """Whether the words from ``k`` are a capitalised speaker and a verb of
    saying, and at most a few words after them to the end of the sentence: the
    rest of a sentence whose quotation ends in "!" or "?" ("Smith said on
    Tuesday."), not a sentence of its own ("Smith said the vote was close.")."""
    m = _SPEAKER_THEN_VERB.match(text, k, pe)
    if m is None or m.group(1) not in verbs:
        return False
    end = _TAIL_END.search(text, m.end(), pe)
    tail = text[m.end() : end.start() if end else pe]
    return len(tail.split()) <= _TAIL_WORDS and not any(c in tail for c in _QUOTE_CHARS)


def _outside_quotes(breaks: list[int], pairs: list[Span]) -> list[int]:
    if not pairs:
        return breaks
    opens = [a for a, _ in pairs]
    kept = []
    for b in breaks:
        i = bisect.bisect_right(opens, b - 1) - 1
        if i >= 0 and opens[i] < b <= pairs[i][1]:
            continue  # inside a quotation that closes in this paragraph
        kept.append(b)
    return kept

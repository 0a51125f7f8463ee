"""Paragraph spans of one string."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["Span", "split_paragraphs", "trimmed"]

Span = tuple[int, int]

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_LINE_BREAK_AFTER = re.compile(r"[.!?:;\"'\u201d\u2019)\]\u00bb]\s*$")
_LINE_STARTS_BLOCK = re.compile(r"\s*(?:#{1,6}\s|[-*+\u2022]\s|\d+[.)]\s)")


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans: blocks separated by blank lines, and lines within a block
    that end a paragraph.

    Within a block, a line ends a paragraph when it ends with sentence-final
    punctuation or a closing quote, when it is much shorter than the block's
    longest line, or when the next line starts a Markdown heading or list item.
    Hard-wrapped prose (lines ending mid-sentence) stays one paragraph.
    Spans exclude surrounding whitespace.

    Examples
    --------
    >>> t = "Headline\\n\\nA caption.\\nA caption. (AFP)\\n\\nBody text."
    >>> [t[a:b] for a, b in split_paragraphs(t)]
    ['Headline', 'A caption.', 'A caption. (AFP)', 'Body text.']
    """
    out: list[Span] = []
    for block_start, block_end in _blocks(text):
        lines = _line_spans(text, block_start, block_end)
        longest = max(b - a for a, b in lines)
        para_start = lines[0][0]
        for i, (a, b) in enumerate(lines):
            last = i == len(lines) - 1
            line = text[a:b]
            if last:
                out.append((para_start, b))
                break
            nxt = text[lines[i + 1][0] : lines[i + 1][1]]
            if (
                _LINE_BREAK_AFTER.search(line)
                or (b - a) < 0.6 * longest
                or _LINE_STARTS_BLOCK.match(nxt)
                or _LINE_STARTS_BLOCK.match(line)
            ):
                out.append((para_start, b))
                para_start = lines[i + 1][0]
    return out


def _blocks(text: str) -> Iterable[Span]:
    start = 0
    for m in _BLANK_LINES.finditer(text):
        yield from trimmed(text, start, m.start())
        start = m.end()
    yield from trimmed(text, start, len(text))


def trimmed(text: str, a: int, b: int) -> Iterable[Span]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        yield (a, b)


def _line_spans(text: str, a: int, b: int) -> list[Span]:
    lines: list[Span] = []
    start = a
    while True:
        nl = text.find("\n", start, b)
        end = b if nl == -1 else nl
        lines.extend(trimmed(text, start, end))
        if nl == -1:
            return lines
        start = nl + 1

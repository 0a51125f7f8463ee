"""Quotation marks of one string: pairing them, and quotations over paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .paragraphs import Span, split_paragraphs

__all__ = ["pair_quote_marks", "quotation_spans"]

# Double quotation marks: straight, typographic, and the two-character forms some
# sources use for them (two apostrophes, or two backticks to open).
_DOUBLE_MARKS = re.compile("``|''|[\"\u201c\u201d\u201e\u201f]")
_OPENING_CONTEXT = set(" \t\n\r\u00a0([{\u2014\u2013-/:;,")


def pair_quote_marks(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Pair double quotation marks within ``text[start:end]`` (one paragraph).

    Typographic marks say which way they face; a straight mark (or two
    apostrophes, which some sources print for one) opens when it follows a space,
    an opening bracket or the start and is followed by a non-space, and closes
    otherwise. A mark that cannot be paired is ignored, so a
    stray mark never derails the rest of the text. Single quotation marks nested
    inside a double-quoted passage are left alone (they are part of it).

    Returns
    -------
    list of (open, close)
        Offsets of the opening and closing mark of each pair (``text[open]`` and
        ``text[close]`` are the marks), in order.

    Examples
    --------
    >>> t = '"They entered," he said. "The city fell."'
    >>> pair_quote_marks(t)
    [(0, 14), (25, 40)]
    """
    return _scan_quote_marks(text, start, len(text) if end is None else end)[0]


def _scan_quote_marks(text: str, start: int, end: int) -> tuple[list[Span], int | None]:
    """The pairs of :func:`pair_quote_marks` and the opening mark left unclosed at
    the end of the span (None when every opening mark was closed or none was left)."""
    pairs: list[Span] = []
    opened: int | None = None
    for m in _DOUBLE_MARKS.finditer(text, start, end):
        i = m.start()
        ch = m.group()
        if ch in ("\u201c", "\u201e", "\u201f", "``"):
            facing = "open"
        elif ch == "\u201d":
            facing = "close"
        else:
            before = text[i - 1] if i > start else " "
            after = text[m.end()] if m.end() < end else " "
            if (before in _OPENING_CONTEXT) and not after.isspace():
                facing = "open"
            elif not before.isspace() and (after.isspace() or not after.isalnum()):
                facing = "close"
            else:
                facing = "close" if opened is not None else "open"
        if facing == "open":
            opened = i
        elif opened is not None:
            pairs.append((opened, i))
            opened = None
    return pairs, opened


def quotation_spans(
    text: str, paragraph_spans: Iterable[Span] | None = None
) -> list[tuple[int, int, bool]]:
    """Quoted passages of a document, paragraph by paragraph.

    Pairs double quotation marks within each paragraph (:func:`pair_quote_marks`)
    and follows the convention for a quotation running over several paragraphs:
    each paragraph of it opens with a quotation mark and only the last one
    closes. An opening mark left unclosed at the end of a paragraph therefore
    counts as a quotation to the end of that paragraph when it opens an utterance
    (at the paragraph start, or after a colon, comma, dash or full stop) and the
    next paragraph starts with an opening mark; otherwise it is a stray mark and
    ignored.
    Linear in the length of the text.

    Parameters
    ----------
    text : str
    paragraph_spans : iterable of (start, end), optional
        Defaults to :func:`split_paragraphs`.

    Returns
    -------
    list of (start, end, closed)
        ``text[start]`` is the opening mark; ``end`` is one past the closing mark,
        or the paragraph end when ``closed`` is False (the quotation continues in
        the next paragraph). In text order.

    Examples
    --------
    >>> t = 'He said: "We came.\\n\\n"We stayed," he added.'
    >>> [(t[a:b], closed) for a, b, closed in quotation_spans(t)]
    [('"We came.', False), ('"We stayed,"', True)]
    """
    spans = list(split_paragraphs(text) if paragraph_spans is None else paragraph_spans)
    out: list[tuple[int, int, bool]] = []
    for k, (ps, pe) in enumerate(spans):
        pairs, dangling = _scan_quote_marks(text, ps, pe)
        out.extend((a, b + _mark_length(text, b), True) for a, b in pairs)
        if dangling is not None and k + 1 < len(spans) and _starts_utterance(text, ps, dangling):
            ns, ne = spans[k + 1]
            if _DOUBLE_MARKS.match(text, ns, ne) is not None:
                nxt_pairs, nxt_dangling = _scan_quote_marks(text, ns, ne)
                opens_next = (nxt_pairs and nxt_pairs[0][0] == ns) or nxt_dangling == ns
                if opens_next:
                    out.append((dangling, pe, False))
    return out


def _starts_utterance(text: str, start: int, i: int) -> bool:
    """Whether an opening mark at ``i`` can begin a quotation that runs on into the
    next paragraph: it starts the paragraph or follows a colon, a comma, a dash or
    the end of a sentence (not a word, as a stray mark in 'the "stray mark' does)."""
    j = i - 1
    while j >= start and text[j].isspace():
        j -= 1
    return j < start or text[j] in ":,.!?;\u2014\u2013-("


def _mark_length(text: str, i: int) -> int:
    """Length of the quotation mark at ``i``: 2 for two apostrophes or backticks."""
    return 2 if text.startswith(("''", "``"), i) else 1

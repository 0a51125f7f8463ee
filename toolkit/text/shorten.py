"""Shortening one string for display, at a word boundary, with an ellipsis.

Terminal tables, HTML pages and plot labels show long values (document ids,
contexts, quotations) in a limited width. :func:`shorten` cuts them where a
reader expects a cut: between words, or between the parts of an id joined by
``-``, ``_``, ``/`` or ``.``; only a single word longer than the width is cut
inside. The full value always stays in the table (CSV, JSON lines, DataFrame).
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["ELLIPSIS", "shorten"]

ELLIPSIS = "\u2026"
_SPACE = re.compile(r"\s+")
_JOINERS = "-_/.:"


def shorten(text: str, width: int, *, keep: Literal["start", "end"] = "start") -> str:
    """``text`` in at most ``width`` characters, cut at a word boundary.

    Runs of white space (line breaks, tabs) become one space first. A text that
    fits is returned as it is (with its white space so folded); a longer one
    loses its end (``keep="start"``, for ids, titles, right contexts) or its
    start (``keep="end"``, for left contexts, whose words nearest the keyword
    matter most), and an ellipsis marks the cut.

    Parameters
    ----------
    text : str
    width : int
        Characters at most, the ellipsis included (1 or more).
    keep : {"start", "end"}
        Which end of the text stays.

    Examples
    --------
    >>> shorten("the fall of Kabul in August", 16)
    'the fall of…'
    >>> shorten("the fall of Kabul in August", 16, keep="end")
    '…Kabul in August'
    >>> shorten("wh-2021-08-20-remarks-by-president-biden", 24)
    'wh-2021-08-20-remarks-…'
    """
    if width < 1:
        raise ValueError(f"width={width!r}: give the number of characters, 1 or more")
    if keep not in ("start", "end"):
        raise ValueError(f"keep={keep!r} is not one of 'start', 'end'")
    text = _SPACE.sub(" ", str(text))
    if len(text) <= width:
        return text
    if width == 1:
        return ELLIPSIS
    room = width - 1
    if keep == "end":
        return ELLIPSIS + _cut_start(text, room)
    return _cut_end(text, room) + ELLIPSIS


def _cut_end(text: str, room: int) -> str:
    """The longest start of ``text`` of at most ``room`` characters that ends at
    a boundary (before a space, or after a joiner such as ``-``)."""
    head = text[: room + 1]
    space = head.rfind(" ")
    if space > 0:
        return head[:space].rstrip()
    joint = max(head.rfind(j, 0, room) for j in _JOINERS)
    if joint > 0:
        return head[: joint + 1]
    return text[:room]


def _cut_start(text: str, room: int) -> str:
    """The longest end of ``text`` of at most ``room`` characters that starts at
    a boundary (after a space, or before a joiner)."""
    tail = text[-(room + 1) :]
    space = tail.find(" ")
    if 0 <= space < len(tail) - 1:
        return tail[space + 1 :].lstrip()
    joints = [i for i in (tail.find(j, 1) for j in _JOINERS) if i > 0]
    if joints:
        return tail[min(joints) :]
    return text[-room:]

"""Unicode facts that words and matching rely on.

* **Characters inside words.** A word goes on through combining marks, spacing
  marks, joiners and other format characters: the characters that Unicode's
  default word boundaries (UAX #29, rule WB4) never break before: Word_Break
  Extend, Format and ZWJ. So ``Mu\\u0308ller`` (a combining diaeresis), ``हिन्दी``
  (vowel signs and a virama) and ``Tali\\u00adban`` (a soft hyphen) are one word
  each. :data:`WORD_EXTEND` is that set as the body of a regex character class.
* **The form used for matching.** Tokens and patterns are compared in
  :func:`match_form`: Unicode NFC, with format characters (soft hyphen,
  zero-width joiner and non-joiner, word joiner, direction marks, byte order mark)
  removed. ``cafe\\u0301`` (NFD) is found by ``café``, ``Tali\\u200dban`` by
  ``Taliban``; the text itself is never changed, so offsets stay exact.
* **Lone surrogates** (``"\\ud83d"`` from a JSON escape or a broken file name) are
  not characters and cannot be written as UTF-8; :func:`replace_lone_surrogates`
  puts U+FFFD in their place, one for one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["WORD_EXTEND", "WORD_EXTEND_RE", "match_form", "replace_lone_surrogates"]

# Format characters that Unicode does not treat as inside a word: the zero-width
# space is a word boundary, and these "prepended concatenation marks" (Arabic
# number signs and the like) stand before what they apply to.
_NOT_EXTEND = {
    0x200B,
    *range(0x0600, 0x0606),
    0x06DD,
    0x070F,
    0x0890,
    0x0891,
    0x08E2,
    0x110BD,
    0x110CD,
}
# Emoji skin tone modifiers extend the emoji before them.
_EMOJI_MODIFIERS = range(0x1F3FB, 0x1F400)
# Marks and format characters all lie in the first two planes and in plane 14
# (tags, variation selectors); the other planes hold ideographs and private use.
_PLANES = (range(0, 0x20000), range(0xE0000, 0xE1000))


@lru_cache(maxsize=1)
def _extend_code_points() -> tuple[int, ...]:
    points = [
        cp
        for plane in _PLANES
        for cp in plane
        if unicodedata.category(chr(cp)) in {"Mn", "Mc", "Me", "Cf"} and cp not in _NOT_EXTEND
    ]
    return tuple(sorted({*points, *_EMOJI_MODIFIERS}))


def _class_body(points: tuple[int, ...]) -> str:
    ranges: list[list[int]] = []
    for cp in points:
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)


WORD_EXTEND = _class_body(_extend_code_points())
"""Body of a regex character class (``f"[{WORD_EXTEND}]"``) of the characters a
word goes on through: Unicode marks (Mn, Mc, Me), format characters (Cf) except
the zero-width space and the prepended concatenation marks, and emoji modifiers."""

WORD_EXTEND_RE = (
    f"(?:[{_class_body(tuple(cp for cp in _extend_code_points() if cp < 0x10000))}]"
    f"|(?=[\U00010000-\U0010ffff])"
    f"[{_class_body(tuple(cp for cp in _extend_code_points() if cp >= 0x10000))}])"
)
"""One character of :data:`WORD_EXTEND`, as a regex that is as fast as a plain
class: Python's ``re`` tests the characters of the first 65,536 code points
against a bitmap but those beyond it one range at a time, so the ranges beyond
are only looked at for a character that is beyond too."""

_FORMAT = dict.fromkeys(cp for cp in _extend_code_points() if unicodedata.category(chr(cp)) == "Cf")
_SURROGATE = re.compile("[\ud800-\udfff]")


def match_form(s: str) -> str:
    """The form in which tokens and patterns are compared: NFC, without format
    characters (soft hyphens, zero-width joiners, direction marks ...).

    Examples
    --------
    >>> match_form("cafe\\u0301") == "caf\\u00e9"
    True
    >>> match_form("Tali\\u00adban"), match_form("Tali\\u200dban")
    ('Taliban', 'Taliban')
    """
    if s.isascii():
        return s
    s = s.translate(_FORMAT)
    return s if unicodedata.is_normalized("NFC", s) else unicodedata.normalize("NFC", s)


def replace_lone_surrogates(s: str) -> tuple[str, int]:
    """``s`` with each surrogate code point that is not a character replaced by
    U+FFFD, and how many were replaced. A high and low surrogate that stand
    next to each other (as from some Windows APIs) are joined into the
    character they encode first.

    Examples
    --------
    >>> replace_lone_surrogates("bad \\ud83d here")
    ('bad \\ufffd here', 1)
    >>> replace_lone_surrogates("ok \\ud83d\\ude00")
    ('ok 😀', 0)
    """
    if s.isascii() or not _SURROGATE.search(s):
        return s, 0
    joined = s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return _SURROGATE.subn("\ufffd", joined)

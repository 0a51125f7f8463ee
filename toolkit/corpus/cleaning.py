"""Cleaning: classify each document's paragraphs and drop site furniture.

The rules (boilerplate lines, "Source:" lines, photo credits and captions,
subheadings) live in ``resources/cleaning.yaml``. Cleaning is a pure function of
one document's raw text; its report rows say what it removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .._util.resources import resource_yaml
from ..text.paragraphs import split_paragraphs

__all__ = ["NORMALISE", "clean_document", "cleaning_rules"]

# Characters replaced one for one (so offsets stay valid) when cleaning.
_SPACES = "\u00a0\u2007\u202f\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"
NORMALISE = str.maketrans(
    {
        **dict.fromkeys(_SPACES, " "),
        **dict.fromkeys("\u201c\u201d\u201e\u201f", '"'),
        **dict.fromkeys("\u2018\u2019\u201a\u201b", "'"),
    }
)


@dataclass(frozen=True)
class Rules:
    boilerplate: tuple[tuple[str, re.Pattern[str]], ...]
    source_line: re.Pattern[str]
    source_within_last: int
    photo_credit: re.Pattern[str]
    caption_start: re.Pattern[str]
    heading_words: int
    heading_chars: int


@lru_cache(maxsize=1)
def cleaning_rules() -> Rules:
    data = resource_yaml("cleaning.yaml")
    flags = re.IGNORECASE | re.DOTALL
    return Rules(
        boilerplate=tuple((name, re.compile(p, flags)) for name, p in data["boilerplate"].items()),
        source_line=re.compile(data["source_line"], flags),
        source_within_last=int(data["source_line_within_last"]),
        photo_credit=re.compile(data["photo_credit"] + r"\Z", flags),
        caption_start=re.compile(data["caption_start"], flags),
        heading_words=int(data["subheading_max_words"]),
        heading_chars=int(data["subheading_max_chars"]),
    )


_HEADING_END = re.compile(r"[.!?,;:]\s*$")


def clean_document(raw: str, rules: Rules, *, clean: bool):
    """Classify the paragraphs of one document and, if ``clean``, drop furniture.

    Returns ``(text, paragraphs, report_rows, source)`` where paragraphs are
    ``(para_id, start, end, kind, raw_start, raw_end)`` with offsets into ``text``.
    """
    spans = split_paragraphs(raw)
    n = len(spans)
    flat = [" ".join(raw[a:b].split()) for a, b in spans]
    kinds: list[str] = []
    drop: dict[int, str] = {}
    source = None
    for i, p in enumerate(flat):
        kind = "body"
        rule = next((name for name, rx in rules.boilerplate if rx.fullmatch(p)), None)
        src = rules.source_line.fullmatch(p) if i >= n - rules.source_within_last else None
        if rule is not None:
            kind, drop[i] = "boilerplate", f"boilerplate ({rule})"
        elif src is not None:
            kind = "boilerplate"
            source = src.group("source").strip()
            drop[i] = "source line (its text becomes the document's source when that is empty)"
        elif (
            i > 0
            and kinds[i - 1] == "caption"
            and (i - 1) not in drop
            and _same_caption(flat[i - 1], p, rules)
        ):
            kind, drop[i] = "caption", "duplicate caption"
        elif (
            rules.caption_start.fullmatch(p)
            or _credit_at(p, rules) is not None
            or (i + 1 < n and _same_caption(p, flat[i + 1], rules))
        ):
            kind = "caption"
        elif _is_heading(p, rules) and n > 1:
            kind = "subheading"
        kinds.append(kind)
    rows = []
    if not clean:  # the text is the raw text, untouched; paragraphs only classified
        paras = [(i, a, b, kinds[i], a, b) for i, (a, b) in enumerate(spans)]
        return raw, paras, rows, None
    pieces: list[str] = []
    paras = []
    pos = 0
    for i, (a, b) in enumerate(spans):
        if i in drop:
            rows.append({"action": "removed", "reason": drop[i], "detail": flat[i][:300]})
            continue
        if pieces:
            pieces.append("\n\n")
            pos += 2
        pieces.append(raw[a:b])
        paras.append((len(paras), pos, pos + (b - a), kinds[i], a, b))
        pos += b - a
    text = "".join(pieces)
    normalised = text.translate(NORMALISE)
    if normalised != text:
        rows.append(
            {
                "action": "normalised",
                "reason": "characters replaced one for one; offsets unchanged",
                "detail": _count_changes(text),
            }
        )
    return normalised, paras, rows, source


def _credit_at(p: str, rules: Rules) -> int | None:
    """Where a trailing photo credit starts in a paragraph, if it has one."""
    tail = p[-150:]
    # every credit form ends with ")" or contains a label ending in ":" (see the rule)
    if not tail.rstrip().endswith(")") and ":" not in tail:
        return None
    m = rules.photo_credit.search(p, max(0, len(p) - 150))
    return None if m is None else m.start()


def _same_caption(first: str, second: str, rules: Rules) -> bool:
    if len(first) < 20 or len(second) < 20 or first[:20] != second[:20]:
        return False
    a, b = _credit_at(first, rules), _credit_at(second, rules)
    return first[:a].strip() == second[:b].strip()


def _is_heading(p: str, rules: Rules) -> bool:
    return (
        0 < len(p) <= rules.heading_chars
        and len(p.split()) <= rules.heading_words
        and not _HEADING_END.search(p)
        and (p[0].isupper() or p[0].isdigit() or p[0] in "\"'#\u201c\u2018")
    )


def _count_changes(text: str) -> str:
    spaces = sum(text.count(ch) for ch in _SPACES)
    doubles = sum(text.count(ch) for ch in "\u201c\u201d\u201e\u201f")
    singles = sum(text.count(ch) for ch in "\u2018\u2019\u201a\u201b")
    parts = [
        f"{n} {what}"
        for n, what in (
            (spaces, "non-breaking or thin spaces"),
            (doubles, "typographic double quotes"),
            (singles, "typographic single quotes/apostrophes"),
        )
        if n
    ]
    return ", ".join(parts)

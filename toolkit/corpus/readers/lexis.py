"""The article layout shared by LexisNexis exports (Academic text, Nexis UK HTML,
Nexis Uni / Lexis Advance DOCX).

Every Lexis export lays an article out the same way, whatever the file format:
a few header lines (the publication, the date, perhaps an edition, and the
headline: centred lines in the older interfaces, a centred headline first in
Nexis Uni), then field lines (``BYLINE: ...``, ``Length: 355 words``), the body,
more field lines (``LOAD-DATE``, ``LANGUAGE``, ``Subject``), and a copyright
line. The format readers (:mod:`.lexis_academic`, :mod:`.nexis`) cut a file into
articles and each article into :class:`Para` items; :func:`article_record` turns
those into one record: title, date, source, the body as the text, every field a
metadata column. Fields are recognised by their form (a label before a colon at
the start of a paragraph: a label the databases use, in English, German or
French, a capitalised label with a hyphen, or a label set in bold) and by where
they stand (before and after the body), never inside the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .news_dates import find_date, is_date_line

__all__ = ["Para", "article_record", "field_of", "is_copyright"]


@dataclass(frozen=True)
class Para:
    """One paragraph of an export: its text, whether it is centred, and whether its
    first words are set in bold and end with a colon (a field label)."""

    text: str
    centred: bool = False
    bold_label: bool = False


# Field labels of the Lexis interfaces, by the column they fill (labels compare
# case-insensitively; English, German and French interfaces).
_LABELS = {
    "byline": "byline author autor signature par",
    "section": "section rubrik rubrique",
    "length": "length länge laenge longueur",
    "dateline": "dateline",
    "highlight": "highlight",
    "load_date": "load-date",
    "language": "language sprache langue",
    "graphic": "graphic grafik",
    "publication_type": "publication-type publikationstyp",
    "journal_code": "journal-code",
    "subject": "subject",
    "organization": "organization organisation",
    "geographic": "geographic",
    "person": "person",
    "industry": "industry",
    "company": "company",
    "ticker": "ticker",
    "city": "city",
    "state": "state",
    "country": "country",
    "correction": "correction",
    "correction_date": "correction-date",
    "notes": "notes",
    "document_type": "document-type",
    "series": "series",
    "url": "url",
    "edition": "edition ausgabe",
    "type": "type",
    "distribution": "distribution",
    "acc_no": "acc-no",
    "update": "update",
    "pub_date": "pub-date",
}
LABELS = {label: column for column, labels in _LABELS.items() for label in labels.split()}
# Headings that Nexis Uni sets alone on a line to open a part of the article.
_PART_HEADINGS = {
    "body": "body",
    "text": "body",
    "classification": "classification",
    "graphic": "graphic",
    "notes": "notes",
    "correction": "correction",
}
_RESERVED = {"doc_id", "title", "date", "source", "url", "text", "raw", "path"}
_FIELD = re.compile(r"(?P<label>[^\W\d_][\w&/' -]{0,38}?)\s*:[\s\u00a0]*(?P<value>.*)", re.S)
_CAPS_HYPHEN = re.compile(r"[A-ZÄÖÜ]+(?:-[A-ZÄÖÜ]+)+")
_COPYRIGHT = re.compile(r"(?i)\s*(?:copyright\b|\(c\)\s|©|all rights reserved)")
_WORDS = re.compile(r"(\d[\d,.\u00a0 ]*)")


def is_copyright(text: str) -> bool:
    return bool(_COPYRIGHT.match(text))


def field_of(para: Para) -> tuple[str, str] | None:
    """``(column, value)`` when the paragraph is a field line, else None.

    Examples
    --------
    >>> field_of(Para("LOAD-DATE: January 11, 2010"))
    ('load_date', 'January 11, 2010')
    >>> field_of(Para("Kabul: the Taliban said on Sunday")) is None
    True
    """
    m = _FIELD.match(para.text.strip())
    if m is None:
        return None
    label = m.group("label").strip()
    key = label.lower()
    column = LABELS.get(key)
    if column is None and not (_CAPS_HYPHEN.fullmatch(label) or para.bold_label):
        return None
    if column is None:
        column = re.sub(r"\W+", "_", key).strip("_") or "field"
    if column in _RESERVED:
        column = f"{column}_field"
    value = " ".join(m.group("value").split())
    return column, value


def _part_heading(para: Para) -> str | None:
    return _PART_HEADINGS.get(para.text.strip().lower())


def article_record(paras: list[Para], *, headline_first: bool) -> dict[str, Any]:
    """One article's fields and body from its paragraphs.

    ``headline_first`` is True for Nexis Uni (headline, publication, date) and
    False for the older layouts (publication, date, edition, then the headline).
    The record has ``title``, ``date``, ``source``, ``raw`` (the body, one
    paragraph a block separated by blank lines) and a key for each field; body
    paragraphs keep all their words.
    """
    paras = [p for p in paras if p.text.strip()]
    fields: dict[str, Any] = {}
    first_field = next(
        (i for i, p in enumerate(paras) if field_of(p) or _part_heading(p) == "body"), len(paras)
    )
    header = paras[:first_field]
    rest = paras[first_field:]
    copyrights = [p.text.strip() for p in header if is_copyright(p.text)]
    header = [p for p in header if not is_copyright(p.text)]
    fields.update(_header_fields(header, headline_first=headline_first))
    body, trailing_copyright = _body_and_fields(rest, fields)
    copyrights += trailing_copyright
    if copyrights:
        fields["copyright"] = " ".join(" ".join(c.split()) for c in copyrights)
    if "length" in fields:
        m = _WORDS.search(str(fields["length"]))
        digits = re.sub(r"\D", "", m.group(1)) if m else ""
        fields["length"] = int(digits) if digits else None
    if not fields.get("date") and fields.get("load_date"):
        # no date in the header: the date the database loaded the article
        fields["date"] = find_date(str(fields["load_date"]))
        fields["date_from"] = "load_date"
    fields["raw"] = "\n\n".join(body)
    return fields


def _header_fields(header: list[Para], *, headline_first: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    dates = [i for i, p in enumerate(header) if is_date_line(p.text)]
    if not dates:
        # no date line: headline and publication stand where the layout puts them
        lines = [" ".join(p.text.split()) for p in header]
        if headline_first and lines:
            out["title"] = lines[0]
            if len(lines) > 1:
                out["source"] = lines[1]
            if len(lines) > 2:
                out["edition"] = " ".join(lines[2:])
        elif lines:
            out["title"] = lines[-1]
            if len(lines) > 1:
                out["source"] = lines[0]
        return out
    d = dates[0]
    date_line = " ".join(header[d].text.split())
    out["date"] = find_date(date_line)
    out["date_line"] = date_line
    before, after = header[:d], header[d + 1 :]
    if before:
        out["source"] = " ".join(before[-1].text.split())
        before = before[:-1]
    title_parts = [p.text for p in before] if headline_first else []
    editions = []
    for p in after:
        if p.centred or (headline_first and title_parts):
            editions.append(" ".join(p.text.split()))
        else:
            title_parts.append(p.text)
    if not title_parts and editions and not headline_first:
        title_parts.append(editions.pop())
    if title_parts:
        out["title"] = " ".join(" ".join(title_parts).split())
    if editions:
        out["edition"] = " ".join(editions)
    return out


def _body_and_fields(rest: list[Para], fields: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Split what follows the header into body paragraphs and fields (into ``fields``)."""
    # the trailing block: from the end, every field line, copyright line and the
    # lines a multi-line field or a part heading holds
    end = len(rest)
    i = len(rest) - 1
    copyrights: list[str] = []
    classified = next((k for k, p in enumerate(rest) if _part_heading(p) == "classification"), None)
    if classified is not None:
        end = classified
    else:
        while i >= 0:
            p = rest[i]
            if is_copyright(p.text) or field_of(p) is not None:
                end = i
                i -= 1
                continue
            break
    body: list[str] = []
    part = "leading"
    for k, p in enumerate(rest):
        heading = _part_heading(p)
        if heading is not None and (p.bold_label or len(p.text.split()) == 1):
            part = "body" if heading == "body" else heading
            continue
        if k >= end:
            part = "trailing"
        if is_copyright(p.text) and part in {"leading", "trailing"}:
            copyrights.append(p.text.strip())
            continue
        field = field_of(p) if part in {"leading", "trailing", "classification"} else None
        if field is not None:
            column, value = field
            fields[column] = f"{fields[column]}; {value}" if column in fields else value
            continue
        if part in {"graphic", "notes", "correction"}:
            fields[part] = f"{fields[part]} {p.text.strip()}" if part in fields else p.text.strip()
            continue
        if part == "classification" or part == "trailing":
            # a line that continues the field before it
            last = next(reversed(fields), None)
            if last is not None and last not in {"title", "date", "source"}:
                fields[last] = f"{fields[last]} {' '.join(p.text.split())}"
            continue
        part = "body"
        body.append(p.text.strip())
    return body, copyrights

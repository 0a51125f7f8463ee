"""Nexis exports: Nexis UK (LexisNexis) HTML and Nexis Uni / Lexis Advance DOCX.

**Nexis UK HTML** holds the articles one after the other, each opened by a
centred ``N of M DOCUMENTS`` paragraph, after a request header. Which paragraphs
are centred, and which words are bold (field labels such as ``BYLINE:``, and
search terms in the body), is set by the page's own style sheet, which is read
for that.

**Nexis Uni DOCX** starts with a cover page (``Date and Time``, ``Job Number``,
``Documents (N)``, the list of headlines with ``Client/Matter`` and ``Search
Terms``); each article then has a centred headline, publication and date, field
lines (``Length:``, ``Byline:`` with the label in bold), a ``Body`` heading, the
paragraphs, perhaps ``Graphic`` and ``Classification`` parts with more fields,
and ends with ``End of Document``.

Both are read into :class:`.lexis.Para` items and the articles into records by
:func:`.lexis.article_record`.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..corpus import report_row
from .lexis import Para, article_record, field_of
from .lexis_academic import COUNTER_LINE

__all__ = ["docx_paragraphs", "is_nexis_uni", "read_nexis_docx", "read_nexis_html"]

_END = re.compile(r"(?i)\s*(?:end of document|ende des dokuments|fin du document)\s*")
_COUNT = re.compile(r"(?i)\s*(?:documents|dokumente|documenti|documentos)\s*\((\d+)\)\s*")
_CSS_RULE = re.compile(r"\.([\w-]+)\s*\{([^}]*)\}")


# ------------------------------------------------------------------ Nexis UK HTML


class _NexisPage(HTMLParser):
    """Paragraphs of a Nexis UK page with their alignment and bold runs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.centred: set[str] = set()
        self.bold: set[str] = set()
        self.in_style = False
        self.style = ""
        self.stack: list[tuple[str, str]] = []  # (tag, class)
        self.runs: list[tuple[str, bool]] | None = None
        self.para_centred = False
        self.paras: list[Para] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        cls = next((v or "" for k, v in attrs if k == "class"), "")
        if tag == "style":
            self.in_style = True
            return
        if tag == "br":
            if self.runs is not None:
                self.runs.append((" ", False))
            return
        if tag in {"img", "meta", "link", "input", "hr"}:
            return
        self.stack.append((tag, cls))
        if tag == "p":
            self._flush()
            self.runs = []
            self.para_centred = any(c in self.centred for _, c in self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False
            for name, body in _CSS_RULE.findall(self.style):
                rule = body.replace(" ", "").lower()
                if "text-align:center" in rule:
                    self.centred.add(name)
                if "font-weight:bold" in rule:
                    self.bold.add(name)
            return
        if tag == "p" or tag == "div":
            self._flush()
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                break

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.style += data
            return
        if self.runs is None:
            if not data.strip():
                return
            self.runs = []  # text outside a paragraph makes one
            self.para_centred = any(c in self.centred for _, c in self.stack)
        bold = any(t in {"b", "strong"} or c in self.bold for t, c in self.stack)
        self.runs.append((data, bold))

    def _flush(self) -> None:
        if self.runs:
            self.paras.append(_para(self.runs, centred=self.para_centred))
        self.runs = None


def _para(runs: list[tuple[str, bool]], *, centred: bool) -> Para:
    text = " ".join("".join(t for t, _ in runs).replace("\u00a0", " ").split())
    first = next(((t, b) for t, b in runs if t.strip()), ("", False))
    label = first[1] and first[0].strip().endswith(":")
    return Para(text, centred=centred, bold_label=label)


def read_nexis_html(path: Path, text: str, report: list) -> tuple[list[dict], str]:
    """The articles of a Nexis UK HTML export."""
    page = _NexisPage()
    page.feed(text)
    page.close()
    page._flush()
    starts = [i for i, p in enumerate(page.paras) if COUNTER_LINE.fullmatch(p.text)]
    _report_header(path, page.paras[: starts[0]] if starts else page.paras, report)
    articles = []
    for k, i in enumerate(starts):
        j = starts[k + 1] if k + 1 < len(starts) else len(page.paras)
        articles.append(article_record(page.paras[i + 1 : j], headline_first=False))
    return articles, "counter lines, field lines and copyright lines kept out of the text"


def _report_header(path: Path, paras: list[Para], report: list) -> None:
    summary = " | ".join(p.text for p in paras if p.text)
    if summary:
        report.append(
            report_row(
                path, None, "removed", "export request header (not article text)", summary[:500]
            )
        )


# ------------------------------------------------------------------ Nexis Uni DOCX


def docx_paragraphs(document: Any) -> list[Para]:
    """Every paragraph of a python-docx Document in order, table rows included (one
    paragraph a row, its cells separated by tabs)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[Para] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(_docx_para(Paragraph(element, document)))
        elif tag == "tbl":
            for row in Table(element, document).rows:
                cells = [" ".join(c.text.split()) for c in row.cells]
                unique = [c for k, c in enumerate(cells) if c and c not in cells[:k]]
                if unique:
                    out.append(Para("\t".join(unique)))
    return out


def _docx_para(p: Any) -> Para:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    align = p.alignment
    if align is None and p.style is not None:
        align = p.style.paragraph_format.alignment
    text = " ".join(p.text.replace("\u00a0", " ").split())
    runs = [r for r in p.runs if r.text.strip()]
    label = bool(runs) and bool(runs[0].bold) and runs[0].text.strip().endswith(":")
    return Para(text, centred=align == WD_ALIGN_PARAGRAPH.CENTER, bold_label=label)


def is_nexis_uni(paras: list[Para]) -> bool:
    """True when a Word document is a Nexis Uni / Lexis Advance export: it has an
    ``End of Document`` line after field lines."""
    seen_field = False
    for p in paras:
        if field_of(p) is not None:
            seen_field = True
        elif seen_field and _END.fullmatch(p.text):
            return True
    return False


def read_nexis_docx(path: Path, paras: list[Para], report: list) -> tuple[list[dict], str]:
    """The articles of a Nexis Uni / Lexis Advance DOCX export."""
    chunks: list[list[Para]] = [[]]
    for p in paras:
        if _END.fullmatch(p.text):
            chunks.append([])
        elif p.text:
            chunks[-1].append(p)
    chunks = [c for c in chunks if c]
    articles = []
    cover: list[Para] = []
    for k, chunk in enumerate(chunks):
        start = _article_start(chunk, first_chunk=k == 0)
        cover.extend(chunk[:start])
        if start < len(chunk):
            articles.append(article_record(chunk[start:], headline_first=True))
    _report_header(path, cover, report)
    stated = next((int(m.group(1)) for p in cover if (m := _COUNT.fullmatch(p.text))), None)
    if stated is not None and stated != len(articles):
        report.append(
            report_row(
                path,
                None,
                "warning",
                f"the cover page lists {stated} documents but {len(articles)} articles were found",
                "",
            )
        )
    return (
        articles,
        "cover page, field lines, copyright lines and 'End of Document' kept out of the text",
    )


def _article_start(chunk: list[Para], *, first_chunk: bool) -> int:
    """Where the article begins: at once after an ``End of Document``; in the first
    chunk, after the cover page, at the centred header before the first field."""
    first = next(
        (
            i
            for i, p in enumerate(chunk)
            if (field_of(p) and not _cover_field(p)) or p.text == "Body"
        ),
        None,
    )
    if first is None:
        return len(chunk)
    if not first_chunk:
        return 0
    centred = [i for i in range(first) if chunk[i].centred]
    if not centred:  # nothing centred: the lines after the cover page's last field
        return max((k for k in range(first) if _cover_field(chunk[k])), default=-1) + 1
    top = centred[-1]
    while top > 0 and chunk[top - 1].centred:
        top -= 1
    return top


_COVER_LABELS = {
    "client_matter",
    "search_terms",
    "search_type",
    "narrowed_by",
    "job_number",
    "date_and_time",
    "user_name",
    "content_type",
}


def _cover_field(p: Para) -> bool:
    field = field_of(p)
    return field is not None and field[0] in _COVER_LABELS

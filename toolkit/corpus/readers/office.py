"""Word, RTF and PDF files that hold one article each.

* ``.docx``: the text of its paragraphs (and table rows) through python-docx,
  with the title, author and date of the document's properties when set.
* ``.rtf``: the text through striprtf, which follows the RTF control words
  (paragraphs, escapes, Unicode characters) and drops the font and colour tables.
* ``.pdf``: the text layer through pypdf, page by page, with the document's
  title, author and creation date. A PDF without a text layer (a scan) has no
  text to read: it is reported with the advice to run OCR first.

Nexis Uni and Lexis Advance exports in Word format are read by :mod:`.nexis`
instead; :func:`toolkit.corpus.readers.exports.read_export` decides which.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from ..corpus import report_row

__all__ = ["docx_record", "read_docx", "read_pdf", "read_rtf"]

_OCR_ADVICE = (
    "no text layer (a scanned PDF?): run OCR first, e.g. `ocrmypdf in.pdf out.pdf`, "
    "and load the result"
)


def read_docx(data: bytes) -> Any:
    """The python-docx Document of a .docx file's bytes."""
    import docx

    return docx.Document(io.BytesIO(data))


def docx_record(document: Any, paragraphs: list[str]) -> dict[str, Any]:
    """One document from a Word file: its paragraphs and its core properties."""
    record: dict[str, Any] = {"raw": "\n\n".join(p for p in paragraphs if p.strip())}
    props = document.core_properties
    if props.title:
        record["title"] = props.title.strip()
    if props.author:
        record["author"] = props.author.strip()
    if props.created is not None:
        record["date"] = props.created.date().isoformat()
    return record


def read_rtf(text: str) -> dict[str, Any]:
    """One document from the text of an .rtf file.

    Examples
    --------
    >>> read_rtf(r"{\\rtf1\\ansi{\\fonttbl\\f0 Arial;}\\f0 Forces withdraw.\\par Kabul fell.\\par}")["raw"]
    'Forces withdraw.\\n\\nKabul fell.'
    """
    from striprtf.striprtf import rtf_to_text

    plain = rtf_to_text(text, errors="ignore")
    lines = [" ".join(line.split()) for line in plain.splitlines()]
    return {"raw": "\n\n".join(line for line in lines if line)}


def read_pdf(path: Path, data: bytes, report: list, *, doc_id: str) -> dict[str, Any] | None:
    """One document from the text layer of a PDF, or None (reported) when it has none."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        report.append(report_row(path, doc_id, "skipped", f"not a readable PDF: {exc}", ""))
        return None
    if not any(p.strip() for p in pages):
        report.append(report_row(path, doc_id, "skipped", _OCR_ADVICE, f"{len(pages)} page(s)"))
        return None
    empty = [str(i) for i, p in enumerate(pages, start=1) if not p.strip()]
    if empty:
        report.append(
            report_row(
                path,
                doc_id,
                "warning",
                "pages without a text layer were left out (run OCR?)",
                f"page(s) {', '.join(empty[:20])}",
            )
        )
    record: dict[str, Any] = {"raw": "\n\n".join(_pdf_paragraphs(p) for p in pages if p.strip())}
    meta = reader.metadata or {}
    if meta.get("/Title"):
        record["title"] = str(meta["/Title"]).strip()
    if meta.get("/Author"):
        record["author"] = str(meta["/Author"]).strip()
    created = getattr(reader.metadata, "creation_date", None) if reader.metadata else None
    if created is not None:
        record["date"] = created.date().isoformat()
    return record


def _pdf_paragraphs(page: str) -> str:
    """A page's text with its lines joined into paragraphs: a blank line, or a line
    that ends a sentence well short of the full width, ends a paragraph."""
    lines = [line.rstrip() for line in page.splitlines()]
    width = max((len(line) for line in lines), default=0)
    paras: list[list[str]] = [[]]
    for line in lines:
        if not line.strip():
            paras.append([])
            continue
        paras[-1].append(line.strip())
        if re.search(r"[.!?:\"'”’)]$", line) and len(line) < 0.75 * width:
            paras.append([])
    joined = []
    for p in paras:
        if p:
            text = p[0]
            for line in p[1:]:
                # a word broken at the end of a line keeps its hyphen, loses the break
                broken = text.endswith("-") and line[:1].islower()
                text = f"{text}{line}" if broken else f"{text} {line}"
            joined.append(text)
    return "\n\n".join(joined)

"""Which reader a file needs, told from its content rather than its name.

:func:`read_export` looks at the bytes of a file: a Word document (a zip with
``word/document.xml``), RTF (``{\\rtf``), PDF (``%PDF-``), a Factiva page
(Factiva's article markup), a Nexis UK page (its ``<DOC NUMBER=...>`` sections
and ``N of M DOCUMENTS`` lines) or a LexisNexis text export (``N of M
DOCUMENTS`` lines). A news-database export becomes one record per article; an
office file one record. Anything else is left to the plain-text and table
readers, so a ``.txt`` that is a Lexis export, or a Factiva page saved under any
name, is still read as what it is.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

from ..corpus import report_row
from .articles import article_records
from .decode import decode_bytes
from .files import SkippedFile, read_file_bytes, shown
from .records import Read

__all__ = ["OFFICE_SUFFIXES", "read_export", "sniff"]

OFFICE_SUFFIXES = {".docx", ".rtf", ".pdf"}
_LEXIS_COUNTER = re.compile(
    rb"(?m)^[ \t]*(?:\d+ (?:of|OF|von|de) \d+ (?:DOCUMENTS?|DOKUMENTE?N?)|(?:Dokument|Document) \d+ (?:von|de|of) \d+)[ \t]*\r?$"
)
_HTML = re.compile(rb"(?i)<(?:!doctype html|html|head|body|div|p)\b")
_MAX_BYTES = 512 * 1024 * 1024


def sniff(data: bytes) -> str | None:
    """The kind of file the bytes hold: ``docx``, ``rtf``, ``pdf``, ``factiva``,
    ``nexis-html``, ``lexis-text``, or None for anything else.

    Examples
    --------
    >>> sniff(b"{\\\\rtf1 Hello}"), sniff(b"%PDF-1.7 ..."), sniff(b"Plain words.")
    ('rtf', 'pdf', None)
    """
    head = data[:4096].lstrip()
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(BytesIO(data)) as z:
                return "docx" if "word/document.xml" in z.namelist() else None
        except zipfile.BadZipFile:
            return None
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if b"\x00" in data[:8192]:
        return None
    from .factiva import is_factiva

    html = _HTML.search(data[:65536]) is not None
    if html and is_factiva(data):
        return "factiva"
    if html and (b"<DOC NUMBER=" in data or re.search(rb"\d+ of \d+ DOCUMENTS<", data)):
        return "nexis-html"
    if not html and _LEXIS_COUNTER.search(data):
        return "lexis-text"
    return None


def read_export(path: Path, *, doc_id: str) -> Read | None:
    """The records of a news-database export or an office file and the report rows
    about them, or None when the file is neither (the caller reads it as text or
    a table, or reports it).

    An export with no article, an office file with no text, or one its parser
    cannot read, gives no record and a report row that names the file and says
    why. The file's type and size are checked before it is read, so a named pipe
    or a device is never opened here.
    """
    try:
        data = read_file_bytes(path, limit=_MAX_BYTES)
    except SkippedFile:
        return None  # the caller reports it (as not a regular file, too large ...)
    kind = sniff(data)
    if kind is None:
        return None
    rows: list[dict[str, Any]] = []
    try:
        return _read_kind(path, data, kind, rows, doc_id=doc_id), rows
    except Exception as exc:  # a parser's failure on one malformed file stops nothing else
        reason = f"not a readable {_KIND_NAMES[kind]}: {type(exc).__name__}: {exc}"
        return [], [*rows, report_row(path, doc_id, "skipped", " ".join(reason.split())[:300], "")]


_KIND_NAMES = {
    "docx": "Word file",
    "rtf": "RTF file",
    "pdf": "PDF file",
    "factiva": "Factiva export",
    "nexis-html": "Nexis UK export",
    "lexis-text": "LexisNexis text export",
}


def _read_kind(path: Path, data: bytes, kind: str, report: list, *, doc_id: str) -> list[dict]:
    if kind in {"docx", "rtf", "pdf"}:
        return _office(path, data, kind, report, doc_id=doc_id)
    decoded = decode_bytes(data)
    text = decoded.text
    if text is None:
        report.append(report_row(path, doc_id, "skipped", decoded.reason or "binary file", ""))
        return []
    if decoded.reason:
        report.append(report_row(path, doc_id, "decoded", decoded.reason, decoded.detail))
    if kind == "factiva":
        from .factiva import read_factiva_html

        articles, furniture = read_factiva_html(path, text, report)
        return article_records(
            path, doc_id, articles, report, export="Factiva HTML", furniture=furniture
        )
    if kind == "nexis-html":
        from .nexis import read_nexis_html

        articles, furniture = read_nexis_html(path, text, report)
        return article_records(
            path, doc_id, articles, report, export="Nexis UK HTML", furniture=furniture
        )
    from .lexis_academic import read_lexis_text

    articles, furniture = read_lexis_text(path, text, report)
    return article_records(
        path, doc_id, articles, report, export="LexisNexis text", furniture=furniture
    )


def _office(path: Path, data: bytes, kind: str, report: list, *, doc_id: str) -> list[dict]:
    from . import office

    record: dict[str, Any] | None
    if kind == "docx":
        from .nexis import docx_paragraphs, is_nexis_uni, read_nexis_docx

        try:
            document = office.read_docx(data)
        except (ValueError, KeyError, zipfile.BadZipFile) as exc:
            report.append(
                report_row(path, doc_id, "skipped", f"not a readable Word file: {exc}", "")
            )
            return []
        paras = docx_paragraphs(document)
        if is_nexis_uni(paras):
            articles, furniture = read_nexis_docx(path, paras, report)
            return article_records(
                path, doc_id, articles, report, export="Nexis Uni DOCX", furniture=furniture
            )
        record = office.docx_record(document, [p.text for p in paras])
    elif kind == "rtf":
        record = office.read_rtf(decode_bytes(data).text or data.decode("latin-1"))
    else:
        record = office.read_pdf(path, data, report, doc_id=doc_id)
        if record is None:
            return []
    if not record["raw"].strip():
        report.append(
            report_row(path, doc_id, "skipped", f"the {kind.upper()} file holds no text", "")
        )
        return []
    report.append(
        report_row(path, doc_id, "extracted", f"text taken from the {kind.upper()} file", "")
    )
    return [{"doc_id": doc_id, "path": shown(path.as_posix()), **record}]

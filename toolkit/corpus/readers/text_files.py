"""Reading text files and folders of them: ``.txt``/``.md`` with optional YAML
front matter, and saved ``.html`` pages.

A folder is read file by file: news-database exports and office files are told
by their content (:func:`~toolkit.corpus.readers.exports.read_export`), other
files by their suffix (:data:`FOLDER_READERS` says which reader reads which).
Each file's reader returns its documents and report rows, so one unreadable file
never stops the rest. Tables (``.csv``, ``.jsonl``, ``.jsonl.gz`` ...) are not
articles: a folder that holds tables and no article files (a corpus shipped as a
table beside its README) is read as those tables by the caller; a table in a
folder of article files is reported and not read (it is often their metadata).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from ..._util.progress import progress as _progress
from ..corpus import report_row
from .compressed import inner_suffix, is_compressed
from .decode import decode_bytes
from .exports import read_export
from .files import SkippedFile, read_file_bytes, shown, walk_files
from .records import Read, repair_record

__all__ = [
    "COMPRESSED_TEXT",
    "FOLDER_READERS",
    "HTML_SUFFIXES",
    "TABLE_AMONG_ARTICLES",
    "TABLE_SUFFIXES",
    "TEXT_SUFFIXES",
    "folder_reads",
    "is_folder_documentation",
    "read_folder",
    "read_text_file",
]

HTML_SUFFIXES = {".html", ".htm"}
TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet", ".pq"}
TABLE_AMONG_ARTICLES = (
    "a table in a folder of article files is not read as articles (it may be their "
    "metadata); load the table on its own"
)
COMPRESSED_TEXT = (
    "a compressed file that is not a table: tables are read compressed (.csv.gz, "
    ".jsonl.gz ...), article files must be decompressed first"
)
# Files that document a folder rather than being one of its articles, when this is
# their whole name before the extension (README.md, LICENSE.txt); a file whose name
# only starts with such a word (notice-of-evacuation.txt) is an article.
_FOLDER_DOCUMENTATION = re.compile(
    r"(?i)read[-_ ]?me|licen[cs]e|copying|changelog|changes|authors|contributing|citation"
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)

Reader = Callable[..., Read]


def is_folder_documentation(path: Path) -> bool:
    """True for a file that documents its folder: ``README``, ``LICENSE``/``LICENCE``,
    ``COPYING``, ``CHANGELOG``, ``CHANGES``, ``AUTHORS``, ``CONTRIBUTING`` or
    ``CITATION`` as the whole name, with an extension.

    Examples
    --------
    >>> is_folder_documentation(Path("README.md")), is_folder_documentation(Path("license.txt"))
    (True, True)
    >>> is_folder_documentation(Path("license-plates-seized.md"))
    False
    """
    return bool(path.suffix) and _FOLDER_DOCUMENTATION.fullmatch(path.stem) is not None


def read_folder(folder: Path, progress: bool) -> tuple[Read, list[Path]]:
    """Every article in ``folder`` and below, and the report rows of the files
    skipped, decoded or repaired; and the tables of a folder that holds no
    article, for the caller to read (none when it holds articles: each table is
    then a report row).

    Raises
    ------
    ValueError
        When no file in the folder holds an article or a table (the message says
        what it holds).
    """
    records: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    tables: list[Path] = []
    for found, more in folder_reads(folder, progress, tables=tables):
        records.extend(found)
        rows.extend(more)
    return (records, rows), tables


def folder_reads(folder: Path, progress: bool, *, tables: list[Path]) -> Iterator[Read]:
    """:func:`read_folder` a file at a time, as the files are read: first the
    report rows of walking the folder, then each file's documents and rows.
    The tables of a folder that holds no article are put in ``tables`` (for the
    caller to read) once the last file is read.

    Raises
    ------
    ValueError
        After the last file, when no file held an article or a table.
    """
    files, rows = walk_files(folder)
    yield [], rows
    seen = list(rows)  # the rows so far, for the message when nothing is found
    found_any = False
    other: list[str] = []
    found_tables: list[Path] = []
    for path in _progress(files, "reading files", progress, unit="file"):
        rel = path.relative_to(folder)
        if not path.name.startswith(".") and inner_suffix(path) in TABLE_SUFFIXES:
            found_tables.append(path)
            continue
        doc_id = shown(rel.with_suffix("").as_posix())
        found, reason = _read_in_folder(path, doc_id)
        if found is None:
            seen.append(report_row(path, None, "skipped", reason, shown(rel.as_posix())))
            other.append(shown(rel.as_posix()))
            yield [], seen[-1:]
            continue
        more = []
        if doc_id != rel.with_suffix("").as_posix():
            more.append(
                report_row(
                    path,
                    doc_id,
                    "warning",
                    "file name is not valid UTF-8; shown with U+FFFD for the bytes it cannot show",
                    "",
                )
            )
        more.extend(found[1])
        seen.extend(more)
        found_any = found_any or bool(found[0])
        yield found[0], more
    if not found_any and found_tables:
        tables.extend(found_tables)
        return
    among = [
        report_row(
            t, None, "skipped", TABLE_AMONG_ARTICLES, shown(t.relative_to(folder).as_posix())
        )
        for t in found_tables
    ]
    seen.extend(among)
    if among:
        yield [], among
    if not found_any:
        raise ValueError(_nothing_found(folder, other, seen))


def _read_in_folder(path: Path, doc_id: str) -> tuple[Read | None, str]:
    """What a file in a folder holds, or (None, why it is not read): exports and
    office files are told by their content, whatever their names; other files by
    their suffix."""
    if path.name.startswith("."):
        return None, "hidden file"
    if is_folder_documentation(path):
        return None, "documentation of the folder (README, LICENSE ...), not an article"
    suffix = path.suffix.lower()
    found = read_export(path, doc_id=doc_id)
    if found is not None:
        return found, ""
    reader = FOLDER_READERS.get(suffix)
    if reader is None:
        return None, COMPRESSED_TEXT if is_compressed(path) else "not a .txt, .md or .html file"
    return reader(path, doc_id=doc_id), ""


def _nothing_found(folder: Path, other: list[str], rows: list[dict[str, Any]]) -> str:
    found = f"; it holds {len(other)} other file(s): {other[:5]}" if other else " (it is empty)"
    skipped = [r for r in rows if r["action"] == "skipped" and r["path"]]
    extra = (
        f"; {len(skipped)} text file(s) were skipped: {[r['reason'] for r in skipped][:3]}"
        if any(Path(r["path"]).suffix.lower() in FOLDER_READERS for r in skipped)
        else ""
    )
    return f"No readable .txt, .md or .html files in folder '{shown(folder)}'{found}{extra}"


def read_text_file(path: Path, *, doc_id: str) -> Read:
    """The document in one text or HTML file (none when it cannot be read), and
    the report rows about it."""
    rows: list[dict[str, Any]] = []
    try:
        data = read_file_bytes(path)
    except SkippedFile as exc:
        return [], [report_row(path, doc_id, "skipped", exc.reason, "")]
    if not data.strip():
        return [], [report_row(path, doc_id, "skipped", "empty file", f"{len(data)} bytes")]
    decoded = decode_bytes(data)
    if decoded.text is None:
        return [], [report_row(path, doc_id, "skipped", decoded.reason or "binary file", "")]
    text = decoded.text
    if decoded.reason:
        rows.append(report_row(path, doc_id, "decoded", decoded.reason, decoded.detail))
    record: dict[str, Any] = {"doc_id": doc_id, "path": shown(path.as_posix())}
    if path.suffix.lower() in HTML_SUFFIXES:
        from .html import html_to_text

        text, meta = html_to_text(text)
        record.update(meta)
        n = text.count("\n\n") + 1 if text else 0
        rows.append(
            report_row(
                path,
                doc_id,
                "extracted",
                "text taken from the page's paragraphs; markup dropped",
                f"{n} paragraphs",
            )
        )
    text = _front_matter(text, record, path, doc_id, rows)
    if not text.strip():
        rows.append(report_row(path, doc_id, "skipped", "no text after the front matter", ""))
        return [], rows
    record["raw"] = text
    record, repaired = repair_record(record, path=path, doc_id=doc_id, where="front matter")
    return [record], rows + repaired


def _front_matter(
    text: str, record: dict[str, Any], path: Path, doc_id: str, rows: list[dict[str, Any]]
) -> str:
    """The text after YAML front matter, whose fields go into ``record``."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text
    try:
        meta = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        rows.append(
            report_row(
                path,
                doc_id,
                "warning",
                f"front matter is not valid YAML{where}; kept as text",
                str(exc).splitlines()[0],
            )
        )
        return text
    if isinstance(meta, dict):
        for key, value in meta.items():
            key = str(key)
            if key in {"text", "raw", "doc_id"}:
                key = f"{key}_meta"
            record[key] = value
        return text[m.end() :]
    if meta is not None:
        rows.append(
            report_row(path, doc_id, "warning", "front matter is not a mapping; kept as text", "")
        )
    return text


FOLDER_READERS: dict[str, Reader] = dict.fromkeys(
    (".txt", ".md", ".markdown", ".text", ".html", ".htm"), read_text_file
)
"""The reader of each file suffix read in folders: ``reader(path, doc_id=...)``
returns the file's documents and report rows (:data:`~toolkit.corpus.readers.records.Read`)."""
TEXT_SUFFIXES = set(FOLDER_READERS)

"""Reading text files and folders of them: ``.txt``/``.md`` with optional YAML
front matter, and saved ``.html`` pages.

A folder is read file by file. A folder that holds no article files but tables
(``.csv``, ``.jsonl``, ``.jsonl.gz`` ..., beside a README) is read as those
tables, one document a row; a table in a folder of article files is not read as
articles (it is often their metadata) and the report says how to load it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ..._util.progress import progress as _progress
from ..corpus import report_row
from .compressed import inner_suffix, is_compressed
from .decode import decode_bytes
from .exports import read_export
from .tables import from_frame, read_table

__all__ = [
    "COMPRESSED_TEXT",
    "HTML_SUFFIXES",
    "TABLE_SUFFIXES",
    "TEXT_SUFFIXES",
    "read_folder",
    "read_text_file",
]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}
# files that describe a folder rather than being one of its articles
_DOC_FILE = re.compile(r"(?i)(readme|license|licence|copying|changelog|notice|manifest)([._-].*)?")
TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet", ".pq"}
TABLE_AMONG_ARTICLES = (
    "a table in a folder of article files is not read as articles (it may be their "
    "metadata); load the table on its own"
)
COMPRESSED_TEXT = (
    "a compressed file that is not a table: tables are read compressed (.csv.gz, "
    ".jsonl.gz ...), article files must be decompressed first"
)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def read_folder(
    folder: Path,
    report: list,
    progress: bool,
    *,
    text_col: str = "text",
    id_col: str | None = None,
) -> pd.DataFrame:
    """The documents of a folder, read recursively: one per article file (text,
    web page, office file) or per article of a news-database export; when it
    holds none, one per row of its tables (``text_col`` and ``id_col`` as in
    :func:`toolkit.load_corpus`)."""
    files = sorted((p for p in folder.rglob("*") if not p.is_dir()), key=lambda p: p.as_posix())
    rows = []
    other = []
    tables: list[Path] = []
    for path in _progress(files, "reading files", progress, unit="file"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            report.append(report_row(path, None, "skipped", "hidden file", ""))
            other.append(rel.as_posix())
            continue
        if inner_suffix(path) in TABLE_SUFFIXES:
            tables.append(path)
            continue
        records = read_export(path, report, doc_id=rel.with_suffix("").as_posix())
        if records is not None:  # exports and office files, by content
            rows.extend(records)
            continue
        if path.suffix.lower() not in TEXT_SUFFIXES:
            reason = COMPRESSED_TEXT if is_compressed(path) else "not a .txt, .md or .html file"
            report.append(report_row(path, None, "skipped", reason, ""))
            other.append(rel.as_posix())
            continue
        if _DOC_FILE.fullmatch(path.stem):
            reason = "documentation of the folder (README, LICENSE ...), not an article"
            report.append(report_row(path, None, "skipped", reason, rel.as_posix()))
            other.append(rel.as_posix())
            continue
        record = read_text_file(path, report, doc_id=rel.with_suffix("").as_posix())
        if record is not None:
            rows.append(record)
    if not rows and tables:
        return _read_tables(tables, report, text_col=text_col, id_col=id_col)
    for path in tables:
        rel = path.relative_to(folder).as_posix()
        report.append(report_row(path, None, "skipped", TABLE_AMONG_ARTICLES, rel))
    if not rows:
        found = f"; it holds {len(other)} other file(s): {other[:5]}" if other else " (it is empty)"
        skipped = [r for r in report if r["action"] == "skipped" and r["path"]]
        extra = (
            f"; {len(skipped)} text file(s) were skipped: {[r['reason'] for r in skipped][:3]}"
            if any(Path(r["path"]).suffix.lower() in TEXT_SUFFIXES for r in skipped)
            else ""
        )
        raise ValueError(f"No readable .txt, .md or .html files in folder '{folder}'{found}{extra}")
    return pd.DataFrame(rows)


def _read_tables(
    paths: list[Path], report: list, *, text_col: str, id_col: str | None
) -> pd.DataFrame:
    frames = [
        from_frame(
            read_table(path, inner_suffix(path), report),
            text_col,
            id_col,
            origin=f"'{path}'",
            report=report,
            path=path,
        )
        for path in paths
    ]
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def read_text_file(path: Path, report: list, *, doc_id: str) -> dict[str, Any] | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.append(
            report_row(path, doc_id, "skipped", f"could not be read: {exc.strerror or exc}", "")
        )
        return None
    if not data.strip():
        report.append(report_row(path, doc_id, "skipped", "empty file", f"{len(data)} bytes"))
        return None
    text, note = decode_bytes(data)
    if text is None:
        report.append(report_row(path, doc_id, "skipped", note or "binary file", ""))
        return None
    if note:
        report.append(report_row(path, doc_id, "decoded", note, ""))
    record: dict[str, Any] = {"doc_id": doc_id, "path": path.as_posix()}
    if path.suffix.lower() in HTML_SUFFIXES:
        from .html import html_to_text

        text, meta = html_to_text(text)
        record.update(meta)
        n = text.count("\n\n") + 1 if text else 0
        report.append(
            report_row(
                path,
                doc_id,
                "extracted",
                "text taken from the page's paragraphs; markup dropped",
                f"{n} paragraphs",
            )
        )
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            meta = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark is not None else ""
            report.append(
                report_row(
                    path,
                    doc_id,
                    "warning",
                    f"front matter is not valid YAML{where}; kept as text",
                    str(exc).splitlines()[0],
                )
            )
            meta = None
        if isinstance(meta, dict):
            text = text[m.end() :]
            for key, value in meta.items():
                key = str(key)
                if key in {"text", "raw", "doc_id"}:
                    key = f"{key}_meta"
                record[key] = value
        elif meta is not None:
            report.append(
                report_row(
                    path, doc_id, "warning", "front matter is not a mapping; kept as text", ""
                )
            )
    if not text.strip():
        report.append(report_row(path, doc_id, "skipped", "no text after the front matter", ""))
        return None
    record["raw"] = text
    return record

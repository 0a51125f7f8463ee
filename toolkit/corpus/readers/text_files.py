"""Reading text files and folders of them: ``.txt``/``.md`` with optional YAML
front matter, and saved ``.html`` pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ..._util.progress import progress as _progress
from ..corpus import report_row
from .decode import decode_bytes
from .exports import read_export

__all__ = [
    "HTML_SUFFIXES",
    "TABLE_SUFFIXES",
    "TEXT_SUFFIXES",
    "folder_records",
    "read_folder",
    "read_text_file",
]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}
# files that describe a folder rather than being one of its articles
_DOC_FILE = re.compile(r"(?i)(readme|license|licence|copying|changelog|notice|manifest)([._-].*)?")
TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet", ".pq"}


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def read_folder(folder: Path, report: list, progress: bool) -> pd.DataFrame:
    rows = [record for records in folder_records(folder, report, progress) for record in records]
    return pd.DataFrame(rows)


def folder_records(folder: Path, report: list, progress: bool) -> Iterator[list[dict[str, Any]]]:
    """The records of each file of a folder (recursively, in path order), one list
    per file, as they are read; what was skipped goes to ``report``.

    Raises
    ------
    ValueError
        At the end, when no file held an article.
    """
    files = sorted((p for p in folder.rglob("*") if not p.is_dir()), key=lambda p: p.as_posix())
    found = False
    other = []
    for path in _progress(files, "reading files", progress, unit="file"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            report.append(report_row(path, None, "skipped", "hidden file", ""))
            other.append(rel.as_posix())
            continue
        if path.suffix.lower() not in TABLE_SUFFIXES:  # exports and office files, by content
            records = read_export(path, report, doc_id=rel.with_suffix("").as_posix())
            if records is not None:
                found = found or bool(records)
                yield records
                continue
        if path.suffix.lower() not in TEXT_SUFFIXES:
            report.append(report_row(path, None, "skipped", "not a .txt, .md or .html file", ""))
            other.append(rel.as_posix())
            continue
        if _DOC_FILE.fullmatch(path.stem):
            reason = "documentation of the folder (README, LICENSE ...), not an article"
            report.append(report_row(path, None, "skipped", reason, ""))
            other.append(rel.as_posix())
            continue
        record = read_text_file(path, report, doc_id=rel.with_suffix("").as_posix())
        if record is not None:
            found = True
            yield [record]
    if not found:
        _no_articles(folder, other, report)


def _no_articles(folder: Path, other: list[str], report: list) -> None:
    tables = [o for o in other if Path(o).suffix.lower() in TABLE_SUFFIXES]
    if tables:
        raise ValueError(
            f"No articles in folder '{folder}' as .txt, .md or .html files, but it holds "
            f"table(s) {tables[:3]}: pass a table itself, e.g. "
            f"load_corpus('{(folder / tables[0]).as_posix()}')"
        )
    found = f"; it holds {len(other)} other file(s): {other[:5]}" if other else " (it is empty)"
    skipped = [r for r in report if r["action"] == "skipped" and r["path"]]
    extra = (
        f"; {len(skipped)} text file(s) were skipped: {[r['reason'] for r in skipped][:3]}"
        if any(Path(r["path"]).suffix.lower() in TEXT_SUFFIXES for r in skipped)
        else ""
    )
    raise ValueError(f"No readable .txt, .md or .html files in folder '{folder}'{found}{extra}")


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

"""Reading a source a part at a time, for the corpus store.

:func:`read_batches` gives what :func:`toolkit.load_corpus` reads (``doc_id``,
``raw`` and the metadata of each document, with the report rows of reading)
in batches of about ``size`` documents, without holding the source in memory:

* JSON lines are read line by line, Parquet files by row groups, CSV and TSV
  files in chunks (their metadata columns are read first, without the text,
  so that every column gets the type it gets when the file is read whole);
* a folder is read file by file, in the order ``load_corpus`` reads it;
* a DataFrame, a list of strings, a single text file or export and a ``.json``
  array (which cannot be read in parts) are read whole and cut into batches.

Each report row carries the ``step`` that made it (:data:`STEPS`), so that the
rows of all batches can be put back in the order ``load_corpus`` gives them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .corpus import report_row
from .load import read_source
from .readers.decode import decode_bytes
from .readers.tables import from_frame
from .readers.text_files import folder_records

__all__ = ["STEPS", "Batch", "read_batches"]

# the steps of loading that write report rows, in the order load_corpus writes them
STEPS = {
    "read": 0,
    "missing id": 1,
    "empty text": 2,
    "renamed": 3,
    "cleaning": 4,
    "dates": 5,
    "duplicates": 6,
}
_ID_COLUMNS = ("doc_id", "id")


@dataclass
class Batch:
    """Some documents of a source as a reader gives them, and report rows as
    ``(step, row)``."""

    frame: pd.DataFrame
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


def read_batches(
    source: Any, *, text_col: str, id_col: str | None, size: int, progress: bool
) -> Iterator[Batch]:
    """The documents of ``source`` in batches of about ``size`` (see the module's notes).

    Raises
    ------
    FileNotFoundError, ValueError
        As :func:`toolkit.load_corpus` does, for the same sources.
    """
    if isinstance(source, str | os.PathLike) and Path(source).exists():
        path = Path(source)
        suffix = path.suffix.lower()
        if path.is_dir():
            yield from _folder_batches(path, size, progress)
            return
        if suffix in {".jsonl", ".ndjson"}:
            yield from _table_batches(_json_lines(path, size), path, text_col, id_col)
            return
        if suffix in {".csv", ".tsv"}:
            chunks = _csv_chunks(path, suffix, text_col, size)
            yield from _table_batches(chunks, path, text_col, id_col)
            return
        if suffix in {".parquet", ".pq"}:
            yield from _table_batches(_parquet_chunks(path, size), path, text_col, id_col)
            return
    report: list[dict[str, Any]] = []
    frame = read_source(source, text_col=text_col, id_col=id_col, report=report, progress=progress)
    rows = [(STEPS["read"], r) for r in report]
    for start in range(0, max(len(frame), 1), size):
        yield Batch(frame.iloc[start : start + size].reset_index(drop=True), rows)
        rows = []


# ------------------------------------------------------------------ folders


def _folder_batches(folder: Path, size: int, progress: bool) -> Iterator[Batch]:
    report: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    for file_records in folder_records(folder, report, progress):
        records.extend(file_records)
        if len(records) >= size:
            yield Batch(pd.DataFrame(records), [(STEPS["read"], r) for r in report])
            records, report[:] = [], []
    if records or report:
        yield Batch(pd.DataFrame(records), [(STEPS["read"], r) for r in report])


# ------------------------------------------------------------------- tables


def _table_batches(
    chunks: Iterator[tuple[pd.DataFrame, list[dict[str, Any]]]],
    path: Path,
    text_col: str,
    id_col: str | None,
) -> Iterator[Batch]:
    """Tables read in parts turned into documents as :func:`from_frame` turns a
    whole table into them: rows numbered across the parts, one id column for all."""
    first_row, seen_text, columns = 1, False, []
    for table, read_rows in chunks:
        columns.extend(c for c in map(str, table.columns) if c not in columns)
        if id_col is None:
            id_col = next((c for c in _ID_COLUMNS if c in columns and c != text_col), None)
        table = table.copy()
        seen_text = seen_text or text_col in table.columns
        for name in (text_col, id_col):
            if name is not None and name not in table.columns and name in columns:
                table[name] = None
        if text_col not in table.columns and len(table):
            table[text_col] = None  # rows without text, reported as such
        report: list[dict[str, Any]] = []
        n_rows = len(table)
        frame = from_frame(
            table,
            text_col,
            id_col if id_col in table.columns else None,
            origin=f"'{path}'",
            report=report,
            path=path,
            first_row=first_row,
        )
        first_row += n_rows
        steps = [(STEPS["read"], r) for r in read_rows]
        steps += [
            (STEPS["missing id" if r["action"] == "renamed" else "empty text"], r) for r in report
        ]
        yield Batch(frame, steps)
    if not seen_text:
        raise ValueError(
            f"'{path}' has no column '{text_col}' for the text; its columns are: "
            f"{', '.join(columns) or '(none)'}. Pass text_col= to name the text column."
        )


def _json_lines(path: Path, size: int) -> Iterator[tuple[pd.DataFrame, list[dict[str, Any]]]]:
    """JSON lines, ``size`` records at a time, with the rows of lines skipped."""
    records: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    legacy: list[int] = []
    with open(path, "rb") as f:
        for n, raw in enumerate(f, start=1):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = decode_bytes(raw)[0] or raw.decode("latin-1")
                legacy.append(n)
            line = line.rstrip("\r\n")
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                reason = f"line {n}: invalid JSON ({exc.msg})"
                rows.append(report_row(path, None, "skipped", reason, line[:200]))
                continue
            if not isinstance(obj, dict):
                reason = f"line {n}: not a JSON object"
                rows.append(report_row(path, None, "skipped", reason, line[:200]))
                continue
            records.append(obj)
            if len(records) >= size:
                yield pd.DataFrame(records), rows
                records, rows = [], []
    if legacy:
        shown = ", ".join(map(str, legacy[:10])) + (" ..." if len(legacy) > 10 else "")
        reason = f"{len(legacy)} line(s) not valid UTF-8 (lines {shown}); decoded one by one"
        rows.append(report_row(path, None, "decoded", reason, ""))
    if records or rows:
        yield pd.DataFrame(records), rows


def _csv_chunks(
    path: Path, suffix: str, text_col: str, size: int
) -> Iterator[tuple[pd.DataFrame, list[dict[str, Any]]]]:
    """A CSV or TSV file in chunks of ``size`` rows. The other columns are read
    first, for all rows and without the text, so that each gets the type it gets
    when the file is read whole; a file that is not UTF-8 is read whole."""
    sep = "\t" if suffix == ".tsv" else ","
    options: dict[str, Any] = {"sep": sep, "encoding": "utf-8-sig"}
    try:
        header = list(pd.read_csv(path, nrows=0, **options).columns)
        if text_col not in header:
            yield pd.read_csv(path, **options), []
            return
        meta = pd.read_csv(path, usecols=[c for c in header if c != text_col], **options)
        at = 0
        for chunk in pd.read_csv(path, usecols=[text_col], chunksize=size, **options):
            part = meta.iloc[at : at + len(chunk)].reset_index(drop=True)
            at += len(chunk)
            yield pd.concat([part, chunk.reset_index(drop=True)], axis=1)[header], []
        if at == 0:  # a header and no rows
            yield pd.DataFrame(columns=header), []
    except UnicodeDecodeError:
        yield from _whole_table(path)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ValueError(f"Could not read '{path}' as a table: {exc}") from exc


def _whole_table(path: Path) -> Iterator[tuple[pd.DataFrame, list[dict[str, Any]]]]:
    from .readers.tables import read_table

    rows: list[dict[str, Any]] = []
    yield read_table(path, path.suffix.lower(), rows), rows


def _parquet_chunks(path: Path, size: int) -> Iterator[tuple[pd.DataFrame, list[dict[str, Any]]]]:
    import pyarrow.parquet as pq

    try:
        file = pq.ParquetFile(path)
    except Exception as exc:
        raise ValueError(f"Could not read Parquet file '{path}': {exc}") from exc
    for batch in file.iter_batches(batch_size=size):
        yield batch.to_pandas(), []

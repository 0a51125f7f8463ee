"""Reading a source a part at a time, for the corpus store.

:func:`read_batches` gives what :func:`toolkit.load_corpus` reads (``doc_id``,
``raw`` and the metadata of each document, with the report rows of reading)
in batches of about ``size`` documents, without holding the source in memory.
It uses the readers ``load_corpus`` uses, a part at a time, so that each line,
row or file is read, repaired and reported exactly as when the source is loaded:

* JSON lines, CSV/TSV and Parquet files by :func:`~toolkit.corpus.readers.tables.read_table_parts`;
* a folder file by file (:func:`~toolkit.corpus.readers.text_files.folder_reads`);
* a DataFrame, a list of strings, a single text file or export and a ``.json``
  array (which cannot be read in parts) are read whole and cut into batches.

Each report row carries the ``step`` that made it (:data:`STEPS`), so that the
rows of all batches can be put back in the order ``load_corpus`` gives them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .corpus import report_row
from .load import read_source
from .readers.files import shown
from .readers.tables import (
    ID_COLUMNS,
    MissingColumnError,
    from_frame,
    likely_text_column,
    read_table_parts,
)
from .readers.text_files import folder_reads

__all__ = ["STEPS", "Batch", "read_batches"]

# the steps of loading that write report rows, in the order load_corpus writes them
STEPS = {
    "read": 0,
    "missing id": 1,
    "empty text": 2,
    "renamed": 3,
    "cleaning": 4,
    "date notes": 5,
    "dates": 6,
    "duplicates": 7,
}


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
    path = _existing_path(source)
    if path is not None and path.is_dir():
        yield from _folder_batches(path, size, progress, text_col, id_col)
        return
    if path is not None and path.suffix.lower() in _IN_PARTS:
        parts = read_table_parts(
            path, path.suffix.lower(), text_col=text_col, id_col=id_col, size=size
        )
        yield from _table_batches(parts, path, text_col, id_col)
        return
    report: list[dict[str, Any]] = []
    frame = read_source(source, text_col=text_col, id_col=id_col, report=report, progress=progress)
    rows = [(STEPS["read"], r) for r in report]
    for start in range(0, max(len(frame), 1), size):
        yield Batch(frame.iloc[start : start + size].reset_index(drop=True), rows)
        rows = []


_IN_PARTS = {".jsonl", ".ndjson", ".csv", ".tsv", ".parquet", ".pq"}


def _existing_path(source: Any) -> Path | None:
    """``source`` as a path that exists, or None (for anything else, which
    :func:`read_source` reads or rejects as ``load_corpus`` does)."""
    if isinstance(source, str) and (not source.strip() or "\n" in source or len(source) > 4096):
        return None
    if not isinstance(source, str | os.PathLike):
        return None
    try:
        return Path(source) if Path(source).exists() else None
    except OSError:
        return None


# ------------------------------------------------------------------ folders


def _folder_batches(
    folder: Path, size: int, progress: bool, text_col: str, id_col: str | None
) -> Iterator[Batch]:
    report: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    tables: list[Path] = []
    for found, rows in folder_reads(folder, progress, tables=tables):
        records.extend(found)
        report.extend(rows)
        if len(records) >= size:
            yield Batch(pd.DataFrame(records), [(STEPS["read"], r) for r in report])
            records, report = [], []
    if tables:  # a folder that holds tables, not articles: read them as tables
        if report:
            yield Batch(pd.DataFrame(records), [(STEPS["read"], r) for r in report])
        for table in tables:
            yield from read_batches(
                table, text_col=text_col, id_col=id_col, size=size, progress=progress
            )
        return
    if records or report:
        yield Batch(pd.DataFrame(records), [(STEPS["read"], r) for r in report])


# ------------------------------------------------------------------- tables


def _made_up_ids(path: Path, up_to: int) -> Batch:
    """The report of rows 1 to ``up_to - 1``, read before the id column was seen:
    each was given a made-up id ("doc1", ...), as :func:`from_frame` names them."""
    rows = [
        report_row(path, f"doc{i}", "renamed", "missing id; one was made up", f"row {i}")
        for i in range(1, up_to)
    ]
    return Batch(pd.DataFrame(), [(STEPS["missing id"], r) for r in rows])


def _table_batches(
    chunks: Iterator[tuple[pd.DataFrame, list[dict[str, Any]]]],
    path: Path,
    text_col: str,
    id_col: str | None,
) -> Iterator[Batch]:
    """Tables read in parts turned into documents as :func:`from_frame` turns a
    whole table into them: rows numbered across the parts, one id column for all
    (the columns of JSON lines are those of all lines so far)."""
    first_row, seen_text, columns = 1, False, []
    origin = f"'{shown(path)}'"
    first = None
    for table, read_rows in chunks:
        first = table if first is None else first
        columns.extend(c for c in map(str, table.columns) if c not in columns)
        if id_col is None:
            id_col = next((c for c in ID_COLUMNS if c in columns and c != text_col), None)
            if id_col is not None and first_row > 1:
                # an id column first seen in a later part: the rows before it had
                # none, and were given made-up ids; report them as a whole table is
                yield _made_up_ids(path, first_row)
        table = table.copy()
        seen_text = seen_text or text_col in table.columns
        for name in (text_col, id_col):
            if name is not None and name not in table.columns and name in columns:
                table[name] = None
        if text_col not in table.columns and len(table):
            table[text_col] = None  # rows without text, reported as such
        frame, rows = from_frame(
            table,
            text_col,
            id_col if id_col in table.columns else None,
            origin=origin,
            path=path,
            repair=False,
            first_row=first_row,
        )
        first_row += len(table)
        steps = [(STEPS["read"], r) for r in read_rows]
        steps += [
            (STEPS["missing id" if r["action"] == "renamed" else "empty text"], r) for r in rows
        ]
        yield Batch(frame, steps)
    if not seen_text:
        likely = likely_text_column(first) if first is not None else ""
        raise MissingColumnError(origin, "text_col", text_col, columns, likely)

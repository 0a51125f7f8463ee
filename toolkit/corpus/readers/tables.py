"""Reading tables of documents: CSV/TSV, JSON/JSONL, Parquet and DataFrames,
each file also compressed (``.jsonl.gz``, ``.csv.bz2`` ...; see :mod:`.compressed`)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..corpus import report_row
from .compressed import is_compressed, read_bytes
from .decode import decode_file

__all__ = ["MissingColumnError", "from_frame", "read_table"]


class MissingColumnError(ValueError):
    """A table lacks the text or id column asked for.

    ``option`` is the ``load_corpus`` argument that named it (``"text_col"`` or
    ``"id_col"``), ``column`` the name given, ``columns`` those the table has and
    ``suggestion`` the column most likely meant (for the text: the one with the
    longest strings), so that each interface can say what to type.
    """

    def __init__(self, origin: str, option: str, column: str, columns: list[str], suggestion: str):
        self.origin, self.option, self.column = origin, option, column
        self.columns, self.suggestion = columns, suggestion
        what = "for the text" if option == "text_col" else "for the ids"
        listed = ", ".join(columns) or "(none)"
        hint = f" Pass {option}={suggestion!r} to use '{suggestion}'." if suggestion else ""
        super().__init__(
            f"{origin} has no column '{column}' {what}; its columns are: {listed}.{hint}"
        )


def _likely_text_column(table: pd.DataFrame) -> str:
    """The column of strings with the longest values on average ('' if none)."""
    best, longest = "", 0.0
    for name in table.columns:
        values = table[name].dropna()
        if len(values) and all(isinstance(v, str) for v in values.head(50)):
            mean = float(values.head(200).str.len().mean())
            if mean > longest:
                best, longest = str(name), mean
    return best


def read_table(path: Path, suffix: str, report: list) -> pd.DataFrame:
    """The table in ``path``, whose format ``suffix`` names (``.csv``, ``.jsonl``
    ...: for a compressed file, the suffix under the compression suffix)."""
    if suffix in {".parquet", ".pq"}:
        try:
            return pd.read_parquet(io.BytesIO(read_bytes(path)) if is_compressed(path) else path)
        except Exception as exc:
            raise ValueError(f"Could not read Parquet file '{path}': {exc}") from exc
    text = decode_file(path, report)
    if suffix in {".csv", ".tsv"}:
        try:
            return pd.read_csv(io.StringIO(text), sep="\t" if suffix == ".tsv" else ",")
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            raise ValueError(f"Could not read '{path}' as a table: {exc}") from exc
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"'{path}' is not valid JSON: {exc}") from exc
        if isinstance(data, dict):
            lists = [v for v in data.values() if isinstance(v, list)]
            data = lists[0] if len(lists) == 1 else None
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ValueError(f"'{path}' must hold a list of objects, one per document")
        return pd.DataFrame(data)
    records = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            report.append(
                report_row(path, None, "skipped", f"line {n}: invalid JSON ({exc.msg})", line[:200])
            )
            continue
        if not isinstance(obj, dict):
            report.append(
                report_row(path, None, "skipped", f"line {n}: not a JSON object", line[:200])
            )
            continue
        records.append(obj)
    return pd.DataFrame(records)


def from_frame(
    table: pd.DataFrame,
    text_col: str,
    id_col: str | None,
    *,
    origin: str,
    report: list,
    path: Path | None = None,
) -> pd.DataFrame:
    columns = [str(c) for c in table.columns]
    if text_col not in table.columns:
        raise MissingColumnError(origin, "text_col", text_col, columns, _likely_text_column(table))
    if id_col is not None and id_col not in table.columns:
        likely = next((c for c in ("doc_id", "id") if c in columns), "")
        raise MissingColumnError(origin, "id_col", id_col, columns, likely)
    if id_col is None:
        id_col = next((c for c in ("doc_id", "id") if c in table.columns and c != text_col), None)
    frame = table.copy()
    frame.columns = columns
    for name in ("raw", "text", "doc_id"):  # move aside columns whose names the corpus needs
        if name in frame.columns and name not in (text_col, id_col):
            frame = frame.rename(columns={name: f"{name}_original"})
    frame = frame.rename(columns={text_col: "raw", **({id_col: "doc_id"} if id_col else {})})
    if "doc_id" not in frame.columns:
        frame.insert(0, "doc_id", [f"doc{i}" for i in range(1, len(frame) + 1)])
    else:
        ids = frame["doc_id"]
        missing = ids.isna() | (ids.astype(str).str.strip() == "")
        frame["doc_id"] = ids.astype(object).where(~missing, None)
        frame["doc_id"] = [
            f"doc{i}" if d is None else _id_string(d)
            for i, d in enumerate(frame["doc_id"], start=1)
        ]
        for i in np.flatnonzero(missing.to_numpy()):
            report.append(
                report_row(
                    path,
                    frame["doc_id"].iat[i],
                    "renamed",
                    "missing id; one was made up",
                    f"row {i + 1}",
                )
            )
    raw = frame["raw"]
    empty = raw.isna() | (raw.astype(str).str.strip() == "")
    for i in np.flatnonzero(empty.to_numpy()):
        report.append(
            report_row(path, frame["doc_id"].iat[i], "skipped", "empty text", f"row {i + 1}")
        )
    frame = frame[~empty.to_numpy()].reset_index(drop=True)
    frame["raw"] = [r if isinstance(r, str) else str(r) for r in frame["raw"]]
    frame["raw"] = [r.replace("\r\n", "\n").replace("\r", "\n") for r in frame["raw"]]
    if path is not None and "path" not in frame.columns:
        frame["path"] = str(path)
    return frame


def _id_string(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()

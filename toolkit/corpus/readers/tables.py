"""Reading tables of documents: CSV/TSV, JSON/JSONL, Parquet and DataFrames,
each file also compressed (``.jsonl.gz``, ``.csv.bz2`` ...; see :mod:`.compressed`).

CSV and JSON lines are read one row or line at a time, so a bad one is reported
with its number and the others are kept: a JSON line that does not parse, a line
in another encoding, a string with a lone surrogate, a CSV row with more fields
than the header (an unquoted comma: reading it would shift its fields into the
wrong columns, so it is skipped and named) or fewer. The same functions read
a file a part at a time for the corpus store (:func:`read_table_parts`), so a
table gives the same documents and report rows either way.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

import numpy as np
import pandas as pd

from ..corpus import report_row
from .compressed import open_contents, read_bytes
from .decode import choose_encoding, decode_bytes, sniff_format
from .files import SkippedFile, shown
from .records import Read, repair_record, repair_strings

__all__ = [
    "ID_COLUMNS",
    "MissingColumnError",
    "from_frame",
    "likely_text_column",
    "read_table",
    "read_table_parts",
]


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


def likely_text_column(table: pd.DataFrame) -> str:
    """The column of strings with the longest values on average ('' if none).

    Examples
    --------
    >>> likely_text_column(pd.DataFrame({"id": ["a1"], "body": ["Troops left Kabul."]}))
    'body'
    """
    best, longest = "", 0.0
    for name in table.columns:
        values = table[name].dropna()
        if len(values) and all(isinstance(v, str) for v in values.head(50)):
            mean = float(values.head(200).str.len().mean())
            if mean > longest:
                best, longest = str(name), mean
    return best


ID_COLUMNS = ("doc_id", "id")
"""The columns taken for the document id when none is named, in this order."""
# JSON can only hold a lone surrogate as an escape (text decoded from bytes holds
# none), so only text with such an escape needs repairing
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def read_table(
    path: Path, suffix: str, *, id_col: str | None = None, text_col: str | None = None
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """One row per document of a table file, and the report rows of what was
    skipped, decoded or repaired (``id_col`` names rows in the report; the
    ``text_col`` of a CSV file is read as written, never as numbers).
    ``suffix`` names the format (for a compressed file, the suffix under the
    compression suffix: ``.jsonl`` for ``wh.jsonl.gz``).

    Raises
    ------
    ValueError
        When the file cannot be read as a table at all.
    """
    try:
        if suffix in {".parquet", ".pq"}:
            return _read_parquet(path), []
        if suffix in {".jsonl", ".ndjson"}:
            records, rows = _joined(read_json_lines(path))
            return pd.DataFrame(records), rows
        text, rows = _decoded(path)
        if suffix in {".csv", ".tsv"}:
            checked = CheckedRows(io.StringIO(text, newline=""), path, _sep(suffix), id_col)
            frame = _csv_frame(checked.header, list(checked), checked.sep, text_col)
            more = checked.rows
        else:
            frame, more = _read_json(path, text)
    except SkippedFile as exc:
        raise ValueError(str(exc)) from None
    return frame, rows + more


def read_table_parts(
    path: Path, suffix: str, *, text_col: str, id_col: str | None, size: int
) -> Iterator[tuple[pd.DataFrame, list[dict[str, Any]]]]:
    """:func:`read_table` a part of about ``size`` rows at a time, with the same
    rows, columns, types and report rows, without holding the file in memory:
    JSON lines line by line, Parquet by row groups, CSV/TSV in two passes (the
    other columns of every row first, so that each gets the type it gets when
    the file is read whole, then the texts a part at a time). A CSV file that is
    not UTF-8 or names a column twice, and a ``.json`` array, are read whole
    (and given in parts).

    Raises
    ------
    ValueError
        When the file cannot be read as a table at all.
    """
    try:
        if suffix in {".jsonl", ".ndjson"}:
            for records, rows in read_json_lines(path, size=size):
                yield pd.DataFrame(records), rows
            return
        if suffix in {".parquet", ".pq"}:
            yield from _parquet_parts(path, size)
            return
        if suffix in {".csv", ".tsv"}:
            parts = _csv_parts(path, _sep(suffix), text_col, id_col, size)
            if parts is not None:
                yield from parts
                return
    except SkippedFile as exc:
        raise ValueError(str(exc)) from None
    frame, rows = read_table(path, suffix, id_col=id_col, text_col=text_col)
    for start in range(0, max(len(frame), 1), size):
        yield frame.iloc[start : start + size].reset_index(drop=True), rows
        rows = []


def _sep(suffix: str) -> str:
    return "\t" if suffix == ".tsv" else ","


def _joined(reads: Iterable[Read]) -> Read:
    records: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    for found, more in reads:
        records.extend(found)
        rows.extend(more)
    return records, rows


def _decoded(path: Path) -> tuple[str, list[dict[str, Any]]]:
    decoded = decode_bytes(read_bytes(path))
    if decoded.text is None:
        raise ValueError(f"Could not read '{shown(path)}': {decoded.reason}")
    rows = []
    if decoded.reason:
        rows.append(report_row(path, None, "decoded", decoded.reason, decoded.detail))
    return decoded.text, rows


def _read_parquet(path: Path) -> pd.DataFrame:
    with open_contents(path) as f:
        try:
            return pd.read_parquet(f)
        except Exception as exc:
            raise ValueError(f"Could not read Parquet file '{shown(path)}': {exc}") from exc


def _parquet_parts(path: Path, size: int) -> Iterator[tuple[pd.DataFrame, list[dict[str, Any]]]]:
    import pyarrow.parquet as pq

    with open_contents(path) as f:
        try:
            file = pq.ParquetFile(f)
        except Exception as exc:
            raise ValueError(f"Could not read Parquet file '{shown(path)}': {exc}") from exc
        empty = True
        for batch in file.iter_batches(batch_size=size):
            empty = False
            yield batch.to_pandas(), []
        if empty:
            yield file.schema_arrow.empty_table().to_pandas(), []


class CheckedRows:
    """The rows of a CSV or TSV text, read one at a time and checked against its
    header: iterating gives the fields of each row that can be read (a short row
    is reported and kept; a row with more fields than the header, whose fields
    cannot be put in their columns, is reported and skipped), and ``rows`` holds
    the report rows so far.

    Raises
    ------
    ValueError
        When the text has no header.
    """

    def __init__(self, lines: Iterable[str], path: Path, sep: str, id_col: str | None):
        csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))  # articles can be long
        self.reader = csv.reader(lines, delimiter=sep)
        self.path, self.sep = path, sep
        try:
            self.header = next(self.reader)
        except StopIteration:
            raise ValueError(f"Could not read '{shown(path)}' as a table: it is empty") from None
        except csv.Error as exc:
            raise ValueError(f"Could not read '{shown(path)}' as a table: {exc}") from None
        header = self.header
        names = (id_col,) if id_col else ID_COLUMNS
        self.key = next((header.index(c) for c in names if c in header), None)
        self.rows: list[dict[str, Any]] = []
        dupes = sorted({c for c in header if header.count(c) > 1})
        if dupes:
            self.rows.append(
                report_row(
                    path,
                    None,
                    "warning",
                    f"the header names {dupes} more than once; pandas reads the second as "
                    f"'{dupes[0]}.1' and so on",
                    ",".join(header)[:300],
                )
            )

    def __iter__(self) -> Iterator[list[str]]:
        reader, path, sep, width = self.reader, self.path, self.sep, len(self.header)
        line = reader.line_num
        n = 0
        try:
            for fields in reader:
                start, line = line + 1, reader.line_num
                if not fields:
                    continue
                n += 1
                key = self.key
                name = fields[key] if key is not None and key < len(fields) else None
                where = f"row {n} (line {start})"
                if len(fields) > width:
                    self.rows.append(
                        report_row(
                            path,
                            name,
                            "skipped",
                            f"{where} has {len(fields)} fields, the header {width}: a comma or "
                            "quote inside a field that is not quoted? Its fields cannot be "
                            "put in their columns, so the row was not read",
                            sep.join(fields)[:300],
                        )
                    )
                    continue
                if len(fields) < width:
                    self.rows.append(
                        report_row(
                            path,
                            name,
                            "warning",
                            f"{where} has {len(fields)} fields, the header {width}: the last "
                            f"{width - len(fields)} are left empty",
                            sep.join(fields)[:300],
                        )
                    )
                yield fields
        except csv.Error as exc:
            self.rows.append(
                report_row(
                    path,
                    None,
                    "skipped",
                    f"after row {n} (line {line}): {exc}; the rest was not read",
                    "",
                )
            )


def _csv_frame(
    header: list[str], rows: list[list[str]], sep: str, text_col: str | None
) -> pd.DataFrame:
    """Checked rows as pandas reads them, so that columns get the types read_csv
    gives (all at once, not guessed chunk by chunk; the text as written)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep).writerows([header, *rows])
    buffer.seek(0)
    dtype = {text_col: str} if text_col in header else None
    return pd.read_csv(buffer, sep=sep, dtype=dtype, low_memory=False)


class _ReadWhole(Exception):
    """A CSV file that :func:`read_table_parts` reads whole."""


@contextlib.contextmanager
def _utf8_lines(path: Path) -> Iterator[TextIO]:
    """The lines of a CSV file as :func:`read_table` decodes them (UTF-8, with or
    without a byte order mark; line endings as ``\\n``), read as they are used.
    Anything else (another encoding found before reading, not text) is read whole."""
    with open_contents(path) as f:
        head = f.read(8192)
        if (
            head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
            or sniff_format(head) is not None
            or b"\x00" in head
        ):
            raise _ReadWhole
        f.seek(0)
        with io.TextIOWrapper(f, encoding="utf-8-sig", newline=None) as text:
            yield text


def _csv_parts(
    path: Path, sep: str, text_col: str, id_col: str | None, size: int
) -> Iterator[tuple[pd.DataFrame, list[dict[str, Any]]]] | None:
    """A CSV file in parts (see :func:`read_table_parts`), or None when it is to
    be read whole. The first pass reads and checks every row, keeping all but
    the texts; the second reads the texts ``size`` rows at a time."""
    try:
        with _utf8_lines(path) as lines:
            checked = CheckedRows(lines, path, sep, id_col)
            header = checked.header
            if text_col not in header or len(set(header)) < len(header):
                raise _ReadWhole
            t = header.index(text_col)
            meta = [fields[:t] + fields[t + 1 :] for fields in checked]
    except (UnicodeDecodeError, _ReadWhole):
        return None
    others = _csv_frame(header[:t] + header[t + 1 :], meta, sep, None)
    del meta
    return _csv_text_parts(path, sep, header, t, others, checked.rows, size)


def _csv_text_parts(
    path: Path,
    sep: str,
    header: list[str],
    t: int,
    others: pd.DataFrame,
    rows: list[dict[str, Any]],
    size: int,
) -> Iterator[tuple[pd.DataFrame, list[dict[str, Any]]]]:
    """The second pass of :func:`_csv_parts`: the texts (column ``t``), joined
    with the other columns of the same rows."""
    at = 0

    def part(texts: list[list[str]]) -> pd.DataFrame:
        frame = _csv_frame([header[t]], texts, sep, header[t])
        chunk = others.iloc[at : at + len(texts)].reset_index(drop=True)
        return pd.concat([chunk, frame], axis=1)[header]

    with _utf8_lines(path) as lines:
        texts: list[list[str]] = []
        for fields in CheckedRows(lines, path, sep, None):
            texts.append([fields[t]] if t < len(fields) else [""])
            if len(texts) >= size:
                yield part(texts), rows
                at, texts, rows = at + len(texts), [], []
    if texts or at == 0:
        yield part(texts), rows


def _read_json(path: Path, text: str) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"'{shown(path)}' is not valid JSON: {exc}") from exc
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list)]
        data = lists[0] if len(lists) == 1 else None
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ValueError(f"'{shown(path)}' must hold a list of objects, one per document")
    rows: list[dict[str, Any]] = []
    records = data
    if _SURROGATE_ESCAPE.search(text):
        records = []
        for n, record in enumerate(data, start=1):
            where = f"record {n}"
            record, more = repair_record(record, path=path, doc_id=_id_of(record), where=where)
            records.append(record)
            rows.extend(more)
    return pd.DataFrame(records), rows


def read_json_lines(path: Path, *, size: int | None = None) -> Iterator[Read]:
    """JSON lines, one at a time: each line is decoded, parsed and repaired on its
    own, and a bad line is reported with its number. Gives the records and
    report rows ``size`` records at a time (all at once when ``size`` is None)."""
    records: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    legacy: list[int] = []  # lines that were not UTF-8
    encoding = detail = ""
    with open_contents(path) as f:
        head = f.read(4)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # not line by line
            text, rows = _decoded(path)
            lines = iter(text.encode("utf-8").splitlines(keepends=True))
        else:
            f.seek(3 if head.startswith(codecs.BOM_UTF8) else 0)
            lines = iter(f)
        for n, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                if not encoding:
                    encoding, detail = choose_encoding(raw)
                line = raw.decode(encoding, errors="replace")
                legacy.append(n)
            record, more = _json_record(path, n, line)
            if record is not None:
                records.append(record)
            rows.extend(more)
            if size is not None and len(records) >= size:
                yield records, rows
                records, rows = [], []
    if legacy:
        shown_lines = ", ".join(map(str, legacy[:10])) + (" ..." if len(legacy) > 10 else "")
        rows.append(
            report_row(
                path,
                None,
                "decoded",
                f"{len(legacy)} line(s) not valid UTF-8 (lines {shown_lines}); decoded as {encoding}",
                detail,
            )
        )
    yield records, rows


def _json_record(path: Path, n: int, line: str) -> tuple[dict | None, list[dict[str, Any]]]:
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        return None, [
            report_row(path, None, "skipped", f"line {n}: invalid JSON ({msg})", line[:200])
        ]
    if not isinstance(obj, dict):
        return None, [report_row(path, None, "skipped", f"line {n}: not a JSON object", line[:200])]
    if not _SURROGATE_ESCAPE.search(line):
        return obj, []
    return repair_record(obj, path=path, doc_id=_id_of(obj), where=f"line {n}")


def _id_of(record: dict[str, Any]) -> Any:
    value = next((record[c] for c in ID_COLUMNS if c in record), None)
    return repair_strings(value)[0] if isinstance(value, str) else value


def from_frame(
    table: pd.DataFrame,
    text_col: str,
    id_col: str | None,
    *,
    origin: str,
    path: Path | None = None,
    repair: bool = True,
    first_row: int = 1,
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """The documents of a table, as the corpus's columns (``doc_id``, ``raw`` and
    the metadata), and the report rows of rows skipped, renamed or repaired.

    ``repair`` replaces lone surrogates in its object columns (a table that
    :func:`read_table` read has none left: it repairs them line by line). Rows
    are numbered from ``first_row`` (in made-up ids ``doc1``, ``doc2`` ... and in
    the report), so that a table can be read a part at a time.

    Raises
    ------
    ValueError
        When the text or id column is missing or named twice.
    """
    if table.empty and not len(table.columns):  # no row could be read: an empty corpus
        table = pd.DataFrame(columns=[text_col])
    columns = [str(c) for c in table.columns]
    twice = sorted({c for c in columns if columns.count(c) > 1})
    if twice:
        raise ValueError(
            f"{origin} has more than one column named {', '.join(map(repr, twice))}; "
            "give each column its own name (e.g. frame.columns = [...]) so it is clear which "
            "holds the text"
        )
    if text_col not in table.columns:
        raise MissingColumnError(origin, "text_col", text_col, columns, likely_text_column(table))
    if id_col is not None and id_col not in table.columns:
        likely = next((c for c in ("doc_id", "id") if c in columns), "")
        raise MissingColumnError(origin, "id_col", id_col, columns, likely)
    if id_col is None:
        id_col = next((c for c in ID_COLUMNS if c in table.columns and c != text_col), None)
    frame = table.copy()
    frame.columns = columns
    rows = _repair_frame(frame, path, id_col) if repair else []
    for name in ("raw", "text", "doc_id"):  # move aside columns whose names the corpus needs
        if name in frame.columns and name not in (text_col, id_col):
            frame = frame.rename(columns={name: f"{name}_original"})
    frame = frame.rename(columns={text_col: "raw", **({id_col: "doc_id"} if id_col else {})})
    if "doc_id" not in frame.columns:
        frame.insert(0, "doc_id", [f"doc{i}" for i in range(first_row, first_row + len(frame))])
    else:
        ids = frame["doc_id"]
        missing = ids.isna() | (ids.astype(str).str.strip() == "")
        frame["doc_id"] = ids.astype(object).where(~missing, None)
        frame["doc_id"] = [
            f"doc{i}" if d is None else _id_string(d)
            for i, d in enumerate(frame["doc_id"], start=first_row)
        ]
        for i in np.flatnonzero(missing.to_numpy()):
            rows.append(
                report_row(
                    path,
                    frame["doc_id"].iat[i],
                    "renamed",
                    "missing id; one was made up",
                    f"row {i + first_row}",
                )
            )
    raw = frame["raw"]
    empty = raw.isna() | (raw.astype(str).str.strip() == "")
    for i in np.flatnonzero(empty.to_numpy()):
        rows.append(
            report_row(
                path, frame["doc_id"].iat[i], "skipped", "empty text", f"row {i + first_row}"
            )
        )
    frame = frame[~empty.to_numpy()].reset_index(drop=True)
    frame["raw"] = [r if isinstance(r, str) else str(r) for r in frame["raw"]]
    frame["raw"] = [r.replace("\r\n", "\n").replace("\r", "\n") for r in frame["raw"]]
    if path is not None and "path" not in frame.columns:
        frame["path"] = shown(path)
    return frame, rows


def _repair_frame(
    frame: pd.DataFrame, path: Path | None, id_col: str | None
) -> list[dict[str, Any]]:
    """Replace lone surrogates in the frame's object columns, in place; one
    report row per cell repaired."""
    rows = []
    ids = frame[id_col].tolist() if id_col else [None] * len(frame)
    for col in list(frame.columns):
        if frame[col].dtype != object:
            continue  # string, numeric and date columns cannot hold lone surrogates
        values = frame[col].tolist()
        changed = False
        for i, value in enumerate(values):
            values[i], n = repair_strings(value)
            if n:
                changed = True
                rows.append(
                    report_row(
                        path,
                        ids[i] if isinstance(ids[i], str) else None,
                        "repaired",
                        f"row {i + 1}, column '{col}': {n} lone surrogate(s) replaced by U+FFFD",
                        "",
                    )
                )
        if changed:
            frame[col] = pd.Series(values, index=frame.index, dtype=object)
    return rows


def _id_string(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()

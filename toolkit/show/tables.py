"""Long tables in pages: the first rows shown, the full table written beside as CSV.

A page a researcher hands on (the HTML report) cannot hold 20,000 KWIC lines,
and a table cut without a way to the rest loses data. While a folder is set
with :func:`keep_full_tables` (the report does it in each notebook's kernel),
every HTML table the toolkit renders (:func:`toolkit.kwic_html`, the explorers'
tables, DataFrames shown by the report) shows at most its first rows and writes
the full table into that folder as CSV, and the note under the table links it.
Without a folder set, tables are cut at the renderer's own ``max_rows`` and
nothing is written.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "FullTables",
    "cut_rows",
    "full_tables",
    "keep_full_tables",
    "readable_numbers",
    "rows_note",
]


@dataclass
class FullTables:
    """Where full tables go: ``folder`` (created when the first table is
    written), file names ``{prefix}-{number}-{kind}.csv``, and the rows shown."""

    folder: Path
    prefix: str
    max_rows: int = 25
    href_base: str = ""
    written: list[Path] = field(default_factory=list)

    def write(self, frame: pd.DataFrame, kind: str) -> str:
        """Write ``frame`` as CSV (UTF-8, every column, no index unless it
        carries information) and return the link to it. A table already in the
        folder (the same bytes, written by this page or another) is linked, not
        written again."""
        self.folder.mkdir(parents=True, exist_ok=True)
        keep_index = not isinstance(frame.index, pd.RangeIndex)
        data = frame.to_csv(index=keep_index).encode("utf-8")
        same = next(
            (
                path
                for path in sorted(self.folder.glob("*.csv"))
                if path.stat().st_size == len(data) and path.read_bytes() == data
            ),
            None,
        )
        if same is None:
            slug = re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-") or "table"
            same = self.folder / f"{self.prefix}-{len(self.written) + 1:02d}-{slug}.csv"
            same.write_bytes(data)
        self.written.append(same)
        return f"{self.href_base}{same.name}"


_CURRENT: list[FullTables] = []


def keep_full_tables(
    folder: str | Path | None,
    *,
    prefix: str = "table",
    max_rows: int = 25,
    href_base: str = "",
) -> FullTables | None:
    """Cut every HTML table the toolkit renders to ``max_rows`` rows and write
    the full tables into ``folder`` (``None`` stops it).

    ``href_base`` is put before each file name in the links (the folder as seen
    from the page, e.g. ``"tables/"``).

    Examples
    --------
    >>> import tempfile, toolkit
    >>> from toolkit.show.tables import keep_full_tables
    >>> folder = tempfile.mkdtemp()
    >>> files = keep_full_tables(folder, prefix="kwic", max_rows=1)
    >>> page = toolkit.kwic_html(toolkit.kwic("data/", "withdraw*"))
    >>> "kwic-01-kwic.csv" in page, len(files.written)
    (True, 1)
    >>> keep_full_tables(None)
    """
    _CURRENT.clear()
    if folder is None:
        return None
    if isinstance(max_rows, bool) or not isinstance(max_rows, int) or max_rows < 1:
        raise ValueError(f"max_rows={max_rows!r}: give the number of rows shown, 1 or more")
    files = FullTables(Path(folder), prefix, max_rows, href_base)
    _CURRENT.append(files)
    return files


def full_tables() -> FullTables | None:
    """The folder set by :func:`keep_full_tables`, if any."""
    return _CURRENT[0] if _CURRENT else None


def cut_rows(frame: pd.DataFrame, max_rows: int, kind: str) -> tuple[pd.DataFrame, str | None]:
    """The rows of ``frame`` to show, and the link to the full table when it was
    cut and a folder is set (:func:`keep_full_tables`)."""
    files = full_tables()
    if files is not None:
        max_rows = min(max_rows, files.max_rows)
    if len(frame) <= max_rows:
        return frame, None
    href = files.write(frame, kind) if files is not None else None
    return frame.head(max_rows), href


def rows_note(n: int, shown: int, noun: str, href: str | None) -> str:
    """ "1,234 hits; the first 25 shown · the full table: <link>" (HTML, escaped)."""
    note = f"{n:,} {noun}{'' if n == 1 else 's'}"
    if shown < n:
        note += f"; the first {shown:,} shown"
    note = html.escape(note)
    if href is not None:
        name = html.escape(href.rsplit("/", 1)[-1])
        note += f' &middot; the full table: <a href="{html.escape(href)}">{name}</a>'
    return note


def readable_numbers(values: np.ndarray) -> list[str]:
    """Floats written for reading: whole numbers without decimals, others with as
    many decimals as their size needs (1234.5, 12.34, 0.123), tiny ones (p
    values) as 3.1e-116, missing ones as an empty string. The data keep every
    digit (CSV, JSON lines); this is for tables on a screen or a page.

    Examples
    --------
    >>> readable_numbers(np.array([525.238, 0.12, np.nan]))
    ['525.2', '0.1', '']
    >>> readable_numbers(np.array([0.5, 3.1e-116])), readable_numbers(np.array([2.0, 40.0]))
    (['0.500', '3.1e-116'], ['2', '40'])
    """
    values = np.asarray(values, dtype=float)
    finite = values[np.isfinite(values)]
    if len(finite) and np.all(finite == np.round(finite)) and np.all(np.abs(finite) < 1e15):
        return [
            str(int(v)) if math.isfinite(v) else "" if math.isnan(v) else str(v)
            for v in values.tolist()
        ]
    big = float(np.max(np.abs(finite))) if len(finite) else 0.0
    decimals = 1 if big >= 100 else 2 if big >= 1 else 3
    out = []
    for v in values.tolist():
        if math.isnan(v):
            out.append("")
        elif v != 0 and abs(v) < 0.5 * 10**-decimals:
            out.append(f"{v:.1e}")
        else:
            out.append(f"{v:.{decimals}f}")
    return out

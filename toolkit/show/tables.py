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
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

__all__ = ["FullTables", "cut_rows", "full_tables", "keep_full_tables", "rows_note"]


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
        carries information) and return the link to it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-") or "table"
        name = f"{self.prefix}-{len(self.written) + 1:02d}-{slug}.csv"
        path = self.folder / name
        keep_index = not isinstance(frame.index, pd.RangeIndex)
        frame.to_csv(path, index=keep_index, encoding="utf-8")
        self.written.append(path)
        return f"{self.href_base}{name}"


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

"""The coding explorer: hand-code a sample one unit at a time, saved at every decision."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..._util.tables import require_columns
from ...analyses.coding_sheet import CODES, read_coding_sheet, write_coding_sheet
from ...analyses.validation import MARKS
from .base import Explorer

__all__ = ["CodingExplorer", "coding_explorer"]

_MARK = "background:#ffe08a;font-weight:bold;padding:0 2px"
_NEXT_KEYS = ("ArrowRight", "n")
_BACK_KEYS = ("ArrowLeft", "b")
_WHERE_COLUMNS = {"unit_id", "doc_id", "sent_id", "start", "end", "text", "left", "right"}


class CodingExplorer(Explorer):
    """Code a sample unit by unit (see :func:`coding_explorer`)."""

    def __init__(
        self,
        sample: pd.DataFrame,
        *,
        coder: str,
        codes: Sequence[str] = CODES,
        path: str | Path | None = None,
        meanings: Mapping[str, str] | None = None,
    ):
        super().__init__()
        require_columns(sample, ["unit_id", "doc_id", "start", "end", "text"], "the sample")
        if not isinstance(coder, str) or not coder.strip():
            raise ValueError(f"coder={coder!r}: name the coder, e.g. coder='coder_1'")
        self.coder = coder.strip()
        self.codes = [str(c) for c in codes]
        if not self.codes or len(self.codes) > 9:
            raise ValueError(f"codes={self.codes!r}: give between one and nine codes")
        self.meanings = meanings
        self.path = Path(path) if path is not None else None
        self.table, self.coders = self._open(sample)
        self.result = self.table
        self._loading = False
        self._build()
        if self.path is not None and not self.path.exists():
            self._save()
        self.position = self._first_uncoded()
        self._safe(self.show)

    # ------------------------------------------------------------- the table

    def _open(self, sample: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
        """The sample, or the sheet at ``path`` when it exists (to resume)."""
        if self.path is None or not self.path.exists():
            table = sample.copy()
            coders = [self.coder]
        else:
            table = read_coding_sheet(self.path)
            key = ["unit_id", "doc_id", "start", "end"]
            mine = sample[key].astype({"doc_id": str}).reset_index(drop=True)
            if not table[key].reset_index(drop=True).equals(mine.astype(table[key].dtypes)):
                raise ValueError(
                    f"{self.path.name} holds another sample than this one (its units differ): "
                    "give another path, or the sample that sheet was written from"
                )
            saved = table.attrs["coding"]["codes"]
            if [c.lower() for c in saved] != [c.lower() for c in self.codes]:
                raise ValueError(
                    f"{self.path.name} allows the codes {', '.join(saved)}, not "
                    f"{', '.join(self.codes)}: pass codes={tuple(saved)!r}"
                )
            self.codes = list(saved)
            coders = list(table.attrs["coding"]["coders"])
            if self.coder not in coders:
                coders.append(self.coder)
        if self.coder not in table.columns:
            table[self.coder] = None
        if "notes" not in table.columns:
            table["notes"] = None
        table[self.coder] = table[self.coder].astype(object)
        table["notes"] = table["notes"].astype(object)
        return table.reset_index(drop=True), coders

    def _first_uncoded(self) -> int:
        codes = self.table[self.coder]
        empty = [i for i, v in enumerate(codes.tolist()) if not isinstance(v, str)]
        return empty[0] if empty else len(self.table) - 1

    @property
    def n_coded(self) -> int:
        """Units this coder has coded."""
        return int(sum(isinstance(v, str) for v in self.table[self.coder].tolist()))

    # ------------------------------------------------------------- actions

    def code(self, value: str) -> None:
        """Give the current unit ``value``, save, and move to the next unit."""
        if value not in self.codes:
            raise ValueError(f"{value!r} is not one of the codes: {', '.join(self.codes)}")
        self.table.loc[self.position, self.coder] = value
        self._save()
        if self.position < len(self.table) - 1:
            self.position += 1
        self.show()

    def go(self, position: int) -> None:
        """Show the unit at ``position`` (0 is the first)."""
        if not 0 <= position < len(self.table):
            raise ValueError(f"position {position} is outside 0..{len(self.table) - 1}")
        self.position = position
        self.show()

    def next(self) -> None:
        """The next unit."""
        self.go(min(self.position + 1, len(self.table) - 1))

    def back(self) -> None:
        """The previous unit."""
        self.go(max(self.position - 1, 0))

    def next_uncoded(self) -> None:
        """The first unit after this one (or else before it) not yet coded."""
        codes = self.table[self.coder].tolist()
        order = [*range(self.position + 1, len(codes)), *range(self.position + 1)]
        empty = [i for i in order if not isinstance(codes[i], str)]
        if empty:
            self.go(empty[0])

    def press(self, key: str) -> None:
        """What a key does: ``1`` to ``9`` give the codes in order, the right
        arrow (or ``n``) moves on, the left arrow (or ``b``) back."""
        if key.isdigit() and 1 <= int(key) <= len(self.codes):
            self.code(self.codes[int(key) - 1])
        elif key in _NEXT_KEYS:
            self.next()
        elif key in _BACK_KEYS:
            self.back()

    def _note(self, text: str) -> None:
        if self._loading:
            return
        self.table.loc[self.position, "notes"] = text.strip() or None
        self._save()
        self.show()

    def _save(self) -> None:
        if self.path is None:
            return
        write_coding_sheet(
            self.table, self.path, coders=self.coders, codes=self.codes, meanings=self.meanings
        )

    # ------------------------------------------------------------- the view

    def _build(self) -> None:
        self.progress = widgets.HTML()
        self.where = widgets.HTML()
        self.decision = widgets.HTML()
        self.context = widgets.HTML(layout=widgets.Layout(max_width="60em"))
        self.buttons = []
        for i, code in enumerate(self.codes, start=1):
            button = widgets.Button(description=f"{code} ({i})", tooltip=f"key {i}")
            button.on_click(lambda _b, c=code: self._safe(lambda: self.code(c)))
            self.buttons.append(button)
        self.back_button = widgets.Button(description="\u25c0 back", tooltip="left arrow")
        self.next_button = widgets.Button(description="next \u25b6", tooltip="right arrow")
        self.uncoded_button = widgets.Button(description="next uncoded \u25b6\u25b6")
        self.back_button.on_click(lambda _b: self._safe(self.back))
        self.next_button.on_click(lambda _b: self._safe(self.next))
        self.uncoded_button.on_click(lambda _b: self._safe(self.next_uncoded))
        self.notes = widgets.Textarea(
            placeholder="notes on this unit (saved when you leave the box)",
            continuous_update=False,
            layout=widgets.Layout(width="60em", height="4em"),
        )
        self.notes.observe(lambda ch: self._safe(lambda: self._note(ch["new"])), names="value")
        keys = " \u00b7 ".join(f"{i} {c}" for i, c in enumerate(self.codes, start=1))
        saved = (
            f"every decision is saved at once to <code>{html.escape(self.path.name)}</code>"
            if self.path is not None
            else "<b>not saved to a file</b>: give <code>path=</code> to keep the decisions"
        )
        self.help = widgets.HTML(
            f"<small>Keys, with the pointer over the unit: {html.escape(keys)} \u00b7 "
            f"\u2190 back \u00b7 \u2192 next. {saved}.</small>"
        )
        self.unit = widgets.VBox(
            [self.where, self.decision, self.context, widgets.HBox(self.buttons)],
            layout=widgets.Layout(border="1px solid #ddd", padding="4px 8px"),
        )
        self.unit.add_class("toolkit-coding-unit")
        self.children = [
            widgets.HBox([self.progress, self.status]),
            self.unit,
            widgets.HBox([self.back_button, self.next_button, self.uncoded_button]),
            self.notes,
            self.help,
        ]
        self.add_class("toolkit-coding-explorer")
        self.key_events = _key_events(self.unit, self)

    def show(self) -> None:
        """Draw the current unit, its code and the progress."""
        row = self.table.iloc[self.position]
        n = len(self.table)
        done = self.n_coded
        self.progress.value = f"<b>{done:,} of {n:,} coded</b>" + (
            " \u2014 all done" if done == n else ""
        )
        self.where.value = (
            f"<small>unit {int(row['unit_id'])} ({self.position + 1} of {n:,}) \u00b7 "
            f"{html.escape(str(row['doc_id']))} \u00b7 characters {int(row['start'])}"
            f"\u2013{int(row['end'])}</small>"
        )
        self.decision.value = _decision_html(row, self.table.columns, [*self.coders, "notes"])
        self.context.value = _context_html(row)
        current = row[self.coder]
        for button, code in zip(self.buttons, self.codes, strict=True):
            button.button_style = "info" if code == current else ""
        self.back_button.disabled = self.position == 0
        self.next_button.disabled = self.position == n - 1
        self._loading = True
        try:
            note = row["notes"]
            self.notes.value = note if isinstance(note, str) else ""
        finally:
            self._loading = False
        self.status.value = ""


def _key_events(unit: widgets.Widget, explorer: CodingExplorer) -> Any:
    """Keyboard shortcuts over the unit (ipyevents: keys go to the explorer while
    the pointer is over it, not to JupyterLab)."""
    from ipyevents import Event

    events = Event(source=unit, watched_events=["keydown"], prevent_default_action=True)
    events.on_dom_event(lambda e: explorer._safe(lambda: explorer.press(str(e.get("key", "")))))
    return events


def _decision_html(row: pd.Series, columns: Sequence[str], skip: list[str]) -> str:
    shown = [c for c in columns if c not in _WHERE_COLUMNS and c not in skip and c != "context"]
    parts = []
    for c in shown:
        value = row[c]
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            continue
        if isinstance(value, bool | np.bool_):  # press: a reporter's question or not
            value = "yes" if value else "no"
        parts.append(f"{html.escape(str(c))}: <b>{html.escape(str(value))}</b>")
    return "<div>" + " \u00b7 ".join(parts) + "</div>" if parts else ""


def _context_html(row: pd.Series) -> str:
    """The unit in its sentence, escaped, the unit highlighted."""
    if "left" in row.index and "right" in row.index:
        left, hit, right = (
            str(row[c]) if isinstance(row[c], str) else "" for c in ("left", "text", "right")
        )
    else:
        context = str(row.get("context", ""))
        a, b = MARKS
        left, rest = context.split(a, 1) if a in context else ("", context)
        hit, right = rest.split(b, 1) if b in rest else (rest, "")
    return (
        '<div style="font-size:110%;line-height:1.6;white-space:normal">'
        f"{html.escape(left)}<mark style='{_MARK}'>{html.escape(' '.join(hit.split()))}</mark>"
        f"{html.escape(right)}</div>"
    )


def coding_explorer(
    sample: pd.DataFrame,
    *,
    coder: str,
    codes: Sequence[str] = CODES,
    path: str | Path | None = None,
    meanings: Mapping[str, str] | None = None,
) -> CodingExplorer:
    """Hand-code a sample one unit at a time.

    Each unit is shown in its sentence (text escaped, the unit highlighted) with
    the toolkit's decision about it; a button per code (or the keys ``1``,
    ``2``, ... with the pointer over the unit) codes it and moves on; back and
    next (the arrow keys) move between units; a notes box keeps a remark per
    unit; the progress line says how many are coded ("17 of 100 coded").

    Parameters
    ----------
    sample : DataFrame
        From :func:`toolkit.sample_for_coding` or :func:`toolkit.read_coding_sheet`.
    coder : str
        Whose codes these are: the column they go in.
    codes : list of str
        The allowed codes, one button each (at most nine).
    path : str or path, optional
        A coding sheet (``.xlsx``, as :func:`toolkit.write_coding_sheet` writes).
        Every decision is written to it at once, so a closed notebook or a dead
        kernel loses nothing; when it exists, the explorer resumes from it at
        the first unit this coder has not coded. Without it the decisions live
        only in ``.result``.
    meanings : dict, optional
        What each code means, for the sheet's instructions.

    Returns
    -------
    CodingExplorer
        ``.result`` is the sample with this coder's column and ``notes``.

    Examples
    --------
    >>> import toolkit
    >>> corpus = toolkit.load_corpus("data/")
    >>> units = toolkit.sample_for_coding(toolkit.find_frames(corpus), n=5, corpus=corpus)
    >>> explorer = toolkit.widgets.coding_explorer(units, coder="coder_1")
    >>> explorer.press("1")  # the first code, "correct", for the first unit
    >>> explorer.progress.value
    '<b>1 of 5 coded</b>'
    """
    return CodingExplorer(sample, coder=coder, codes=codes, path=path, meanings=meanings)

"""Reading the ``date`` column of a corpus: one consistent reading per column.

* ISO dates and times (``2021-08-15``, ``2021-08-15T18:00:00Z``; time zones are
  converted to UTC) and written-out dates (``15 August 2021``, ``Aug. 15, 2021``)
  are read by pandas.
* Eight digits, as a number or a string, are ``YYYYMMDD`` (``20210707``), the
  form many exports use.
* Numeric dates with the year last (``15/08/2021``, ``03.04.21``) are read **one
  way for the whole column**: day first when some of them can only be day first
  (a first number over 12) and none can only be month first, and the other way
  round. When the column holds both kinds, the majority decides and the others
  are reported; when every one could be either, they are read month first (as
  pandas does) and the report says so: write such dates as YYYY-MM-DD to be sure.
* A value that is not a date is left empty, and the report says what is wrong
  with it (``month 13 is out of range``, ``day 30 is out of range for February
  2021``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["DateColumn", "parse_dates"]

_YYYYMMDD = re.compile(r"\d{8}")
_NUMERIC = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})((?:[ T,]+.*)?)")
_ISO_PARTS = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")


@dataclass
class DateColumn:
    """What :func:`parse_dates` made of a column: the dates (NaT where none),
    ``problems`` (row position, what is wrong) and ``notes`` on the column as a
    whole (how numeric dates were read)."""

    dates: pd.Series
    problems: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def parse_dates(values: pd.Series) -> DateColumn:
    """Read a column of dates one consistent way (see the module's notes).

    Examples
    --------
    >>> col = parse_dates(pd.Series(["15/08/2021", "03/04/2021", 20210707]))
    >>> [str(d.date()) for d in col.dates]
    ['2021-08-15', '2021-04-03', '2021-07-07']
    >>> col.notes
    ['numeric dates read day first (15/08/2021 can only be day first)']
    """
    present = ~values.isna() & (values.astype(str).str.strip() != "")
    if not present.any():
        return DateColumn(pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]"))
    texts = [_as_text(v) if ok else None for v, ok in zip(values, present, strict=True)]
    column = DateColumn(pd.Series(dtype="datetime64[ns]"))
    dayfirst = _numeric_order(texts, column.notes)
    prepared: list[Any] = []
    for i, text in enumerate(texts):
        if isinstance(text, str):
            text, problem = _prepare(text, dayfirst)
            if problem:
                column.problems.append((i, problem))
                text = None
        prepared.append(text)
    parsed = _to_datetime(pd.Series(prepared, index=values.index, dtype=object))
    known = {i for i, _ in column.problems}
    for i in np.flatnonzero((present & parsed.isna()).to_numpy()):
        if i not in known:
            column.problems.append((int(i), _problem(str(prepared[i]))))
    column.problems.sort()
    column.dates = parsed
    return column


def _as_text(value: Any) -> Any:
    if isinstance(value, dt.date | pd.Timestamp | np.datetime64):
        return value
    if isinstance(value, bool | np.bool_):
        return str(value)
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    return str(value).strip()


def _numeric_order(texts: list[Any], notes: list[str]) -> bool:
    """Whether the column's numeric dates (year last) are day first."""
    day = month = ambiguous = 0
    example = {"day": "", "month": "", "either": ""}
    for text in texts:
        m = _NUMERIC.fullmatch(text) if isinstance(text, str) else None
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(3))
        if a > 12 >= b:
            day += 1
            example["day"] = example["day"] or text
        elif b > 12 >= a:
            month += 1
            example["month"] = example["month"] or text
        elif a <= 12 and b <= 12:
            ambiguous += 1
            example["either"] = example["either"] or text
    if not (day or month or ambiguous):
        return False
    dayfirst = day > month
    if day and month:
        notes.append(
            f"numeric dates are written both day first ({day}, e.g. {example['day']}) and "
            f"month first ({month}, e.g. {example['month']}); all read "
            f"{'day' if dayfirst else 'month'} first, the others are left empty"
        )
    elif day or month:
        kind = "day" if day else "month"
        notes.append(f"numeric dates read {kind} first ({example[kind]} can only be {kind} first)")
    else:
        notes.append(
            f"numeric dates such as {example['either']} could be day or month first; read "
            "month first: write them as YYYY-MM-DD to be sure"
        )
    return dayfirst


def _prepare(text: Any, dayfirst: bool) -> tuple[Any, str | None]:
    """A value in a form pandas reads unambiguously, or what is wrong with it."""
    if not isinstance(text, str):
        return text, None
    if _YYYYMMDD.fullmatch(text):
        return f"{text[:4]}-{text[4:6]}-{text[6:]}", None
    m = _NUMERIC.fullmatch(text)
    if m:
        a, b, year, rest = int(m.group(1)), int(m.group(3)), m.group(4), m.group(5)
        day, month = (a, b) if dayfirst else (b, a)
        if len(year) == 2:  # as strptime's %y: 69-99 are 1900s, 00-68 2000s
            year = ("19" if int(year) >= 69 else "20") + year
        problem = _calendar_problem(int(year), month, day)
        if problem:
            order = "day" if dayfirst else "month"
            return None, f"{problem} (the column's numeric dates are read {order} first)"
        return f"{year}-{month:02d}-{day:02d}{rest}", None
    if text.isdigit():
        return None, "a number, not a date (numbers are read as dates only as YYYYMMDD)"
    return text, None


def _to_datetime(values: pd.Series) -> pd.Series:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parsed = pd.to_datetime(values, errors="coerce", format="mixed")
        except (ValueError, TypeError):
            parsed = pd.to_datetime(
                values, errors="coerce", format="mixed", utc=True
            ).dt.tz_convert(None)
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_convert(None)
    return parsed


def _calendar_problem(year: int, month: int, day: int) -> str | None:
    if not 1 <= month <= 12:
        return f"month {month} is out of range (1 to 12)"
    last = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
    if not 1 <= day <= last:
        return f"day {day} is out of range for {calendar.month_name[month]} {year} (1 to {last})"
    return None


def _problem(text: str) -> str:
    """What is wrong with a value pandas could not read as a date."""
    m = _ISO_PARTS.match(text)
    if m:
        year, month, day = (int(g) for g in m.group(1, 2, 3))
        problem = _calendar_problem(year, month, day)
        if problem:
            return problem
        if m.group(4) is not None and (int(m.group(4)) > 23 or int(m.group(5)) > 59):
            return f"the time {m.group(4)}:{m.group(5)} is out of range"
        low, high = pd.Timestamp.min.year + 1, pd.Timestamp.max.year - 1
        if not low <= year <= high:
            return f"year {year} is outside the years dates can hold ({low} to {high})"
    return "not a date in a form pandas reads (such as 2021-08-15 or 15 August 2021)"

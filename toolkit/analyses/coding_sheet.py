"""Coding sheets: a sample for hand coding as a spreadsheet, and back.

:func:`write_coding_sheet` writes a sample (:func:`toolkit.sample_for_coding`)
as an ``.xlsx`` workbook a coder opens in Excel or LibreOffice: the sheet
``units`` has one row per unit, the sentence with the unit marked, the
toolkit's decision, one column per coder with a drop-down of the allowed
codes, and a notes column; the sheet ``instructions`` says what each code
means and where the sample comes from (source table, corpus, seed). A hidden
sheet keeps the same facts for :func:`read_coding_sheet`, which returns the
table with one column per coder and rejects a code that is not allowed, naming
its cell.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

import numpy as np
import pandas as pd

from .._util.resources import resource
from .._util.tables import require_columns
from .validation import MARKS

__all__ = ["CODES", "example_sheet", "read_coding_sheet", "write_coding_sheet"]

CODES = ("correct", "wrong", "unsure")
UNITS_SHEET = "units"
INSTRUCTIONS_SHEET = "instructions"
_META_SHEET = "_toolkit"
_META_TITLE = "toolkit coding sheet"
# columns every sample has; any other column is the toolkit's decision
_WHERE = ["doc_id", "sent_id", "start", "end"]
_SHOWN = ["text", "context"]
_HIDDEN = ["left", "right"]
_INTEGER = {"unit_id": "int64", "start": "int64", "end": "int64", "sent_id": "Int64"}
_WIDTHS = {"unit_id": 8, "text": 24, "context": 90, "notes": 40}

_MEANINGS: dict[str, dict[str, str]] = {
    "frames": {
        "correct": "In this sentence the marked cue expresses the frame named in 'frame'.",
        "wrong": "It does not: another sense of the word, another topic, or a fixed phrase.",
    },
    "actors": {
        "correct": "The marked words refer to the actor named in 'actor'.",
        "wrong": "They refer to someone or something else, or to no actor at all.",
    },
    "quotes": {
        "correct": "The marked words are a quotation of the kind in 'kind', and 'speaker' "
        "is who said them.",
        "wrong": "They are not a quotation, or the kind or the speaker is wrong.",
    },
    "kwic": {
        "correct": "The marked word is an instance of what was searched for, in the sense meant.",
        "wrong": "It is not: another sense, another topic, or a fixed phrase.",
    },
    "sentences without a hit": {
        "none": "The sentence holds nothing the toolkit should have flagged.",
        "missed": "It holds an instance the toolkit missed: say which in the notes.",
    },
}
_GENERAL = {
    "unsure": "Cannot tell from the sentence: say why in the notes.",
    "correct": "The toolkit's decision about the marked words is right.",
    "wrong": "The toolkit's decision about the marked words is wrong.",
}


def write_coding_sheet(
    sample: pd.DataFrame,
    path: str | Path,
    *,
    coders: Sequence[str] = ("coder_1",),
    codes: Sequence[str] = CODES,
    notes: bool = True,
    meanings: Mapping[str, str] | None = None,
) -> Path:
    """Write a sample as an ``.xlsx`` coding sheet.

    Parameters
    ----------
    sample : DataFrame
        From :func:`toolkit.sample_for_coding` (or :func:`read_coding_sheet`:
        codes already in a coder's column are written as they are).
    path : str or path
        The ``.xlsx`` file to write (replaced if it exists).
    coders : list of str
        One column per coder, each with a drop-down of ``codes``. For
        independent coding give each coder a sheet of their own and read them
        together with ``read_coding_sheet([a, b])``.
    codes : list of str
        The allowed codes.
    notes : bool
        Add a ``notes`` column.
    meanings : dict, optional
        What each code means, for the instructions; by default a sentence
        fitting the source table for ``correct``, ``wrong`` and ``unsure``.

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import tempfile, toolkit
    >>> corpus = toolkit.load_corpus("data/")
    >>> units = toolkit.sample_for_coding(toolkit.find_frames(corpus), n=5, corpus=corpus)
    >>> sheet = toolkit.write_coding_sheet(units, tempfile.mkdtemp() + "/frames.xlsx")
    >>> toolkit.read_coding_sheet(sheet)["coder_1"].isna().all()
    np.True_
    """
    from openpyxl import Workbook

    path = _xlsx_path(path)
    require_columns(sample, ["unit_id", "doc_id", "start", "end", "text", "context"], "the sample")
    codes = _check_codes(codes)
    coders = _check_coders(coders, sample)
    info = dict(sample.attrs.get("sample", {}))
    explained = _meanings(codes, info.get("source_table", ""), meanings)
    table = sample.copy()
    for coder in coders:
        if coder not in table.columns:
            table[coder] = None
        _check_column_codes(table, coder, codes)
    if notes and "notes" not in table.columns:
        table["notes"] = None
    columns = _column_order(table, coders)
    wb = Workbook()
    ws = wb.active
    ws.title = UNITS_SHEET
    _write_units(ws, table[columns], coders, codes)
    _write_instructions(wb.create_sheet(INSTRUCTIONS_SHEET), codes, explained, coders, info)
    meta = wb.create_sheet(_META_SHEET)
    meta.sheet_state = "hidden"
    meta["A1"] = _META_TITLE
    meta["A2"] = _meta_json(codes, explained, coders, info)
    _save_atomically(wb, path)
    return path


def read_coding_sheet(path: str | Path | Sequence[str | Path]) -> pd.DataFrame:
    """Read a coding sheet (or several, one per coder) into a table.

    Parameters
    ----------
    path : str or path, or a list of them
        A sheet written by :func:`write_coding_sheet`. Several sheets of the
        same sample (one per coder) are joined on ``unit_id``; each sheet's
        ``notes`` column becomes ``notes_<coder>``.

    Returns
    -------
    DataFrame
        The sample's columns, one column per coder (the code, or missing when
        the cell is empty) and the notes. ``.attrs["sample"]`` holds where the
        sample came from; ``.attrs["coding"]`` the codes and coders.

    Raises
    ------
    FileNotFoundError
        When a sheet does not exist.
    ValueError
        For a code that is not allowed (the message names the cell, such as
        ``D7``, the value and the allowed codes), a file that is not a coding
        sheet, or sheets of different samples.

    Examples
    --------
    >>> import tempfile, toolkit
    >>> units = toolkit.sample_for_coding(toolkit.kwic("data/", "withdraw*"), n=2)
    >>> sheet = toolkit.write_coding_sheet(units, tempfile.mkdtemp() + "/k.xlsx")
    >>> toolkit.read_coding_sheet(sheet).attrs["coding"]["codes"]
    ['correct', 'wrong', 'unsure']
    """
    if isinstance(path, str | Path):
        return _read_one(Path(path))
    paths = [Path(p) for p in path]
    if not paths:
        raise ValueError("no coding sheet given: pass a path or a list of paths")
    tables = [_read_one(p) for p in paths]
    if len(tables) == 1:
        return tables[0]
    return _join(tables, paths)


# -------------------------------------------------------------------- writing


def example_sheet(name: str) -> Path:
    """A coded sheet shipped with the toolkit (``toolkit/resources/coding/``): the
    worked examples the curated notebooks read, coded by hand.

    Examples
    --------
    >>> import toolkit
    >>> path = toolkit.example_sheet("05-coded-example-frames.xlsx")
    >>> toolkit.read_coding_sheet(path).attrs["coding"]["coders"][0]
    'coder_1'
    """
    folder = resource("coding")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".xlsx"))
    if name not in names:
        raise LookupError(f"no example sheet {name!r}; the toolkit ships: {', '.join(names)}")
    return Path(str(folder.joinpath(name)))


def _xlsx_path(path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValueError(f"a coding sheet is an .xlsx file; {str(path)!r} is not")
    return path


def _check_codes(codes: Sequence[str]) -> list[str]:
    if isinstance(codes, str):
        raise TypeError(f"codes is a list of codes, not the string {codes!r}")
    out = [str(c).strip() for c in codes]
    if not out or any(not c for c in out):
        raise ValueError(f"codes={list(codes)!r}: give one or more non-empty codes")
    lowered = [c.lower() for c in out]
    if len(set(lowered)) != len(lowered):
        raise ValueError(f"codes={out!r} lists a code twice")
    bad = [c for c in out if "," in c or '"' in c]
    if bad:
        raise ValueError(
            f"the codes {bad!r} contain a comma or a double quote, which a drop-down cannot hold"
        )
    if len(",".join(out)) > 255:
        raise ValueError("the codes add up to more than 255 characters, a drop-down's limit")
    return out


def _check_coders(coders: Sequence[str], sample: pd.DataFrame) -> list[str]:
    if isinstance(coders, str):
        coders = [coders]
    out = [str(c).strip() for c in coders]
    if not out or any(not c for c in out) or len(set(out)) != len(out):
        raise ValueError(f"coders={list(coders)!r}: give one or more distinct coder names")
    taken = {*_WHERE, *_SHOWN, *_HIDDEN, "unit_id", "notes"}
    clash = [c for c in out if c in taken]
    if clash:
        raise ValueError(f"the coder names {clash!r} are columns of the sample; choose others")
    return out


def _check_column_codes(table: pd.DataFrame, coder: str, codes: list[str]) -> None:
    canon = {c.lower(): c for c in codes}
    values = table[coder].astype(object).where(table[coder].notna(), None).tolist()
    fixed = []
    for unit, value in zip(table["unit_id"].tolist(), values, strict=True):
        if value is None or (isinstance(value, str) and not value.strip()):
            fixed.append(None)
            continue
        code = canon.get(str(value).strip().lower())
        if code is None:
            raise ValueError(
                f"unit {unit}: {value!r} in {coder!r} is not one of the codes ({', '.join(codes)})"
            )
        fixed.append(code)
    table[coder] = pd.Series(fixed, index=table.index, dtype=object)


def _meanings(codes: list[str], source: str, given: Mapping[str, str] | None) -> dict[str, str]:
    if given is not None:
        unknown = [k for k in given if k not in codes]
        if unknown:
            raise ValueError(f"meanings names codes that are not in codes: {unknown!r}")
    table = {**_GENERAL, **_MEANINGS.get(source, {}), **(given or {})}
    return {c: table.get(c, "") for c in codes}


def _column_order(table: pd.DataFrame, coders: list[str]) -> list[str]:
    fixed = {"unit_id", *_WHERE, *_SHOWN, *_HIDDEN, "notes", *coders}
    decision = [c for c in table.columns if c not in fixed]
    tail = [c for c in [*_WHERE, *_HIDDEN] if c in table.columns]
    notes = ["notes"] if "notes" in table.columns else []
    return ["unit_id", *decision, *_SHOWN, *coders, *notes, *tail]


def _write_units(ws: Any, table: pd.DataFrame, coders: list[str], codes: list[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = list(table.columns)
    ws.append(columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
    for row in table.itertuples(index=False):
        ws.append([_cell_value(v) for v in row])
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # article text that starts with "=" is not a formula
                cell.data_type = "s"
    context_col = columns.index("context") + 1
    for r in range(2, len(table) + 2):
        cell = ws.cell(row=r, column=context_col)
        cell.value = _marked(str(cell.value or ""))
    n_rows = len(table) + 1
    for j, name in enumerate(columns, start=1):
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = _width(table[name], name, coders)
        if name in _HIDDEN:
            ws.column_dimensions[letter].hidden = True
        if name in ("context", "notes", "text"):
            for cell in ws[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    listed = ",".join(codes)
    for coder in coders:
        letter = get_column_letter(columns.index(coder) + 1)
        check = DataValidation(
            type="list",
            formula1=f'"{listed}"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Not an allowed code",
            error=f"Choose one of: {', '.join(codes)}",
            showInputMessage=True,
            promptTitle=coder,
            prompt=f"Choose a code: {', '.join(codes)}",
        )
        check.add(f"{letter}2:{letter}{max(n_rows, 2)}")
        ws.add_data_validation(check)
        for cell in ws[letter][1:]:
            cell.fill = PatternFill("solid", fgColor="FFF6D5")
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{n_rows}"


def _cell_value(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub(" ", value)
    if isinstance(value, int | float | bool):
        return value
    return str(value)


def _marked(context: str) -> Any:
    """The context as rich text: the unit (between the marks) in bold red."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    a, b = MARKS
    if a not in context or b not in context:
        return context
    head, rest = context.split(a, 1)
    hit, tail = rest.split(b, 1)
    parts: list[Any] = [head] if head else []
    parts.append(TextBlock(InlineFont(b=True, color="C00000"), f"{a}{hit}{b}"))
    if tail:
        parts.append(tail)
    return CellRichText(parts)


def _width(values: pd.Series, name: str, coders: list[str]) -> float:
    if name in _WIDTHS:
        return _WIDTHS[name]
    if name in coders:
        return max(12, len(name) + 2)
    longest = max([len(name), *(len(str(v)) for v in values.head(200) if v is not None)])
    return float(min(max(longest + 2, 8), 30))


def _write_instructions(
    ws: Any,
    codes: list[str],
    meanings: dict[str, str],
    coders: list[str],
    info: dict[str, Any],
) -> None:
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    ws.append(["How to code this sheet"])
    ws["A1"].font = Font(bold=True, size=14)
    lines = [
        "On the sheet 'units', read each row's 'context': the unit is marked "
        "between \u27e6 and \u27e7 in its sentence, and the columns before it give the "
        "toolkit's decision about it.",
        "Choose a code in your column from its drop-down (typing it works too); leave the "
        "cell empty for a unit you skip. Write what made you hesitate in the notes.",
        "Code on your own: do not look at another coder's column. Do not change the other "
        "columns: unit_id, doc_id, start and end trace each unit back to its text.",
    ]
    for line in lines:
        ws.append([line])
    ws.append([])
    ws.append(["code", "meaning"])
    for cell in ws[ws.max_row]:
        cell.font = bold
    for code in codes:
        ws.append([code, meanings.get(code, "")])
    ws.append([])
    ws.append(["about this sample", ""])
    ws[f"A{ws.max_row}"].font = bold
    for key, value in _about(info, coders):
        ws.append([key, value])
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 100
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=cell.column == 2, vertical="top")


def _about(info: dict[str, Any], coders: list[str]) -> list[tuple[str, str]]:
    strata = info.get("strata") or {}
    rows = [
        ("source table", str(info.get("source_table", "(unknown)"))),
        ("corpus", str(info.get("corpus", "(unknown)"))),
        ("seed", str(info.get("seed", "(unknown)"))),
        ("units", str(info.get("units", ""))),
        ("drawn from", f"{info['population']:,} rows" if "population" in info else "(unknown)"),
        ("stratified by", ", ".join(info.get("by") or []) or "(not stratified)"),
    ]
    if strata:
        rows.append(("strata (rows)", "; ".join(f"{k}: {v:,}" for k, v in strata.items())))
    rows += [("coders", ", ".join(coders)), ("toolkit version", _version())]
    return rows


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsdiscourse-toolkit")
    except PackageNotFoundError:  # pragma: no cover - run from a plain checkout
        return "(not installed)"


def _meta_json(
    codes: list[str], meanings: dict[str, str], coders: list[str], info: dict[str, Any]
) -> str:
    meta = {"codes": codes, "meanings": meanings, "coders": coders, "sample": info}
    text = json.dumps(meta, ensure_ascii=False, default=str)
    if len(text) > 30_000:  # a cell holds 32,767 characters: drop the per-stratum sizes
        meta["sample"] = {k: v for k, v in info.items() if k != "strata"}
        text = json.dumps(meta, ensure_ascii=False, default=str)
    return text


def _save_atomically(wb: Any, path: Path) -> None:
    """Write to a temporary file beside ``path``, then move it into place, so a
    crash while saving never leaves a half-written sheet."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # keep the mode of the sheet it replaces, else the one a new file gets
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


# -------------------------------------------------------------------- reading


def _read_one(path: Path) -> pd.DataFrame:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.is_file():
        raise FileNotFoundError(f"No such coding sheet: '{path}'")
    try:
        wb = load_workbook(path, read_only=False, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValueError(f"{path.name} is not an .xlsx workbook ({exc})") from exc
    if _META_SHEET not in wb.sheetnames or UNITS_SHEET not in wb.sheetnames:
        raise ValueError(
            f"{path.name} is not a coding sheet written by the toolkit (it has no sheets "
            f"'{UNITS_SHEET}' and '{_META_SHEET}'); write one with toolkit.write_coding_sheet"
        )
    try:
        meta = json.loads(str(wb[_META_SHEET]["A2"].value))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{path.name}: the hidden sheet '{_META_SHEET}' was damaged") from exc
    codes, coders = list(meta["codes"]), list(meta["coders"])
    ws = wb[UNITS_SHEET]
    header = [str(c.value).strip() if c.value is not None else "" for c in ws[1]]
    missing = [c for c in ["unit_id", *coders] if c not in header]
    if missing:
        raise ValueError(f"{path.name}: the sheet '{UNITS_SHEET}' has no column {missing[0]!r}")
    records, coder_cols = [], {header.index(c) for c in coders}
    canon = {c.lower(): c for c in codes}
    for row in ws.iter_rows(min_row=2):
        values = [c.value for c in row]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        for j in coder_cols:
            if j < len(row):
                values[j] = _code(row[j], canon, codes, path)
        records.append(dict(zip(header, values, strict=False)))
    table = pd.DataFrame(records, columns=[h for h in header if h])
    table = _typed(table, path)
    for coder in coders:
        table[coder] = table[coder].astype(object).where(table[coder].notna(), None)
    table.attrs["sample"] = meta.get("sample", {})
    table.attrs["coding"] = {
        "codes": codes,
        "meanings": meta.get("meanings", {}),
        "coders": coders,
        "sheets": [path.name],
    }
    return table


def _code(cell: Any, canon: dict[str, str], codes: list[str], path: Path) -> Any:
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    code = canon.get(text.strip().lower())
    if code is None:
        raise ValueError(
            f"{path.name}, sheet '{UNITS_SHEET}', cell {cell.coordinate}: {value!r} is not an "
            f"allowed code; allowed: {', '.join(codes)} (or leave the cell empty)"
        )
    return code


def _typed(table: pd.DataFrame, path: Path) -> pd.DataFrame:
    for name, dtype in _INTEGER.items():
        if name not in table.columns:
            continue
        numbers = pd.to_numeric(table[name], errors="coerce")
        bad = table[name].notna() & (numbers.isna() | (numbers % 1 != 0))
        if bad.any() or (dtype == "int64" and numbers.isna().any()):
            row = int(np.flatnonzero(bad | numbers.isna())[0]) + 2
            raise ValueError(
                f"{path.name}, sheet '{UNITS_SHEET}', row {row}: {name} must be a whole number, "
                f"not {table[name].iat[row - 2]!r}"
            )
        table[name] = numbers.astype(dtype)
    dup = table["unit_id"].duplicated()
    if dup.any():
        row = int(np.flatnonzero(dup.to_numpy())[0]) + 2
        raise ValueError(
            f"{path.name}, sheet '{UNITS_SHEET}', row {row}: unit_id "
            f"{table['unit_id'].iat[row - 2]} appears twice"
        )
    for name in [*_SHOWN, *_HIDDEN]:
        if name in table.columns:  # an empty string comes back as an empty cell
            table[name] = table[name].fillna("").astype(str)
    for name in table.columns:
        if table[name].dtype == bool:
            table[name] = table[name].astype("boolean")  # as the sample has it
        elif table[name].dtype == object and name not in _INTEGER:
            if _yes_or_no(table[name]):  # press: true, false or blank
                table[name] = table[name].astype("boolean")
                continue
            table[name] = table[name].astype(object).where(table[name].notna(), None)
    return table


def _yes_or_no(column: pd.Series) -> bool:
    """True for a column of booleans with blanks (a blank cell reads back as None)."""
    values = column.dropna()
    return len(values) > 0 and all(isinstance(v, bool | np.bool_) for v in values)


def _join(tables: list[pd.DataFrame], paths: list[Path]) -> pd.DataFrame:
    base = tables[0]
    key = ["unit_id", "doc_id", "start", "end"]
    require_columns(base, key, paths[0].name)
    out = base.rename(columns=_notes_name(base, paths[0]))
    coders = list(base.attrs["coding"]["coders"])
    codes = list(base.attrs["coding"]["codes"])
    for table, path in zip(tables[1:], paths[1:], strict=True):
        require_columns(table, key, path.name)
        same = table[key].sort_values("unit_id").reset_index(drop=True)
        if not same.equals(base[key].sort_values("unit_id").reset_index(drop=True)):
            raise ValueError(
                f"{path.name} and {paths[0].name} hold different samples (their unit_id, "
                "doc_id, start and end differ): read sheets of the same sample together"
            )
        theirs = list(table.attrs["coding"]["coders"])
        twice = [c for c in theirs if c in coders]
        if twice:
            raise ValueError(f"the coder {twice[0]!r} has a column in more than one sheet")
        if [c.lower() for c in table.attrs["coding"]["codes"]] != [c.lower() for c in codes]:
            raise ValueError(f"{path.name} allows other codes than {paths[0].name}")
        extra = table[["unit_id", *theirs, *(["notes"] if "notes" in table.columns else [])]]
        out = out.merge(extra.rename(columns=_notes_name(table, path)), on="unit_id", how="left")
        coders += theirs
    out.attrs["sample"] = base.attrs["sample"]
    out.attrs["coding"] = {
        **base.attrs["coding"],
        "coders": coders,
        "sheets": [p.name for p in paths],
    }
    return out


def _notes_name(table: pd.DataFrame, path: Path) -> dict[str, str]:
    coders = table.attrs["coding"]["coders"]
    return {"notes": f"notes_{coders[0] if len(coders) == 1 else path.stem}"}

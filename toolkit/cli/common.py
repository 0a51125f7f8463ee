"""What every command shares: the corpus options and the one function that loads
the corpus, the output options, and tables that fit the terminal.

A table printed with ``--format table`` fits the terminal's width
(:func:`shutil.get_terminal_size`): long ids and texts are shortened with an
ellipsis at a word boundary (a left context loses its start, so the words next
to the keyword stay) and numbers are rounded for reading. ``--format csv`` and
``jsonl`` carry every column and every value in full. The first line of a table
says what was found ("230 hits in 41 documents"); with csv and jsonl that line
goes to the error stream, so the data stay clean.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._util.paths import check_output_file, default_corpus
from ..corpus.corpus import Corpus
from ..corpus.load import load_corpus
from ..corpus.store import is_store, open_corpus
from ..show.tables import readable_numbers
from ..text.shorten import shorten

__all__ = [
    "FORMATS",
    "add_command",
    "corpus_arguments",
    "corpus_source",
    "emit",
    "force_argument",
    "format_table",
    "load_corpus_from_args",
    "output_arguments",
    "plural",
    "positive_int",
    "reading_options",
    "write_table",
]

FORMATS = ("table", "csv", "jsonl")
_GAP = "  "
# Columns shortened from their start: the words next to the keyword matter most.
_KEEP_END = ("left",)


# ------------------------------------------------------------------- the commands


def add_command(
    sub: Any, name: str, *, summary: str, description: str, examples: str
) -> argparse.ArgumentParser:
    """A sub-command's parser: ``summary`` for the list of commands,
    ``description`` and ``examples`` for its ``--help``."""
    return sub.add_parser(
        name,
        help=summary,
        description=description,
        epilog=examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


# ------------------------------------------------------------------- the corpus


def corpus_arguments(p: argparse.ArgumentParser, *, optional: bool = True) -> None:
    """CORPUS and the options that say how to read it (every command has them)."""
    p.add_argument(
        "corpus",
        nargs="?" if optional else None,
        default=None,
        help="folder, file (.txt .md .html .csv .jsonl .parquet) or table"
        + ("; default: data/" if optional else " (data/ is the sample)"),
    )
    p.add_argument(
        "--text-col", default="text", metavar="NAME", help="text column of a table (default: text)"
    )
    p.add_argument("--id-col", default=None, metavar="NAME", help="id column of a table")
    p.add_argument("--no-clean", action="store_true", help="keep site furniture in the text")


def load_corpus_from_args(args: argparse.Namespace, source: Any = None) -> Corpus:
    """The corpus a command works on, read as its corpus options say.

    Every command gets its corpus here, and only here: a corpus store (written by
    the ``store`` command) is opened, not read, so that its partitions and the
    tables kept beside them serve the command (the store keeps the options it
    was written with; the corpus options are not used).
    """
    if source is None:
        source = corpus_source(args)
    if is_store(source):
        return open_corpus(source, progress=sys.stderr.isatty())
    return load_corpus(source, **reading_options(args), progress=sys.stderr.isatty())


def reading_options(args: argparse.Namespace) -> dict[str, Any]:
    """The corpus options as :func:`toolkit.load_corpus` takes them:
    ``text_col``, ``id_col`` and ``clean``."""
    return {"text_col": args.text_col, "id_col": args.id_col, "clean": not args.no_clean}


# ------------------------------------------------------------------- the output


def output_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (fits the screen; long values shortened), csv or jsonl (every value in full)",
    )
    p.add_argument(
        "-o", "--output", default=None, metavar="FILE", help="write to FILE (a new file)"
    )
    force_argument(p)


def force_argument(p: argparse.ArgumentParser) -> None:
    """``--force``: let ``-o`` replace a file (or a folder) that exists."""
    p.add_argument("--force", action="store_true", help="overwrite what -o would replace")


def corpus_source(args: argparse.Namespace) -> Any:
    """The corpus a command names, or the default one."""
    return args.corpus if args.corpus is not None else default_corpus()


def positive_int(value: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 1 or more")
    return number


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """``"1 hit"``, ``"2,301 hits"``."""
    return f"{n:,} {noun if n == 1 else (nouns or noun + 's')}"


def emit(args: argparse.Namespace, table: pd.DataFrame, summary: str) -> None:
    """Write a command's table as ``--format`` and ``-o`` say, under its summary
    (wrapped to the terminal's width)."""
    summary = textwrap.fill(summary, shutil.get_terminal_size().columns, break_on_hyphens=False)
    if args.format == "table":
        body = format_table(table) if len(table) else ""
        _write(f"{summary}\n{body}", args.output, force=getattr(args, "force", False))
    else:
        write_table(table, args.format, args.output, force=getattr(args, "force", False))
        print(summary, file=sys.stderr)


def write_table(
    frame: pd.DataFrame, fmt: str, output: str | Path | None, *, force: bool = False
) -> None:
    """Write a result table as a text table fitting the terminal, CSV or JSON lines,
    to the screen (``output`` None or ``"-"``) or to a file, which must not exist
    unless ``force`` (see :func:`toolkit._util.paths.check_output_file`)."""
    if fmt == "csv":
        text = frame.to_csv(index=False)
    elif fmt == "jsonl":
        text = frame.to_json(orient="records", lines=True, date_format="iso", force_ascii=False)
        text = text if text.endswith("\n") or not text else text + "\n"
    elif fmt == "table":
        text = format_table(frame) if len(frame) else "(no rows)\n"
    else:  # pragma: no cover - argparse restricts the choices
        raise ValueError(f"unknown format {fmt!r}")
    _write(text, output, force=force)


def _write(text: str, output: str | Path | None, *, force: bool) -> None:
    if output is None or str(output) == "-":
        sys.stdout.write(text)
    else:
        check_output_file(output, force=force, reading=None).write_text(text, encoding="utf-8")


# ------------------------------------------------------- tables for the terminal


def format_table(frame: pd.DataFrame, width: int | None = None) -> str:
    """``frame`` as aligned text no wider than ``width`` (default: the terminal).

    Text columns give up width, the widest first, down to their header's width
    (and 6 characters at least); their values are shortened with an ellipsis at
    a word boundary. Numbers are right-aligned and never shortened.

    Examples
    --------
    >>> frame = pd.DataFrame({"doc_id": ["wh-2021-08-31-remarks-by-president-biden"],
    ...                       "count": [3], "share": [0.1234]})
    >>> print(format_table(frame, width=30), end="")
    doc_id            count  share
    wh-2021-08-31-…       3  0.123
    """
    if width is None:
        width = shutil.get_terminal_size().columns
    columns = [str(c) for c in frame.columns]
    cells, numeric = [], []
    for col in frame.columns:
        values, is_number = _column_strings(frame[col])
        cells.append(values)
        numeric.append(is_number)
    natural = [max([len(h), *map(len, v)]) for h, v in zip(columns, cells, strict=True)]
    widths = _fit(natural, columns, numeric, width - len(_GAP) * (len(columns) - 1))
    lines = []
    header = [
        h.rjust(w) if num or h in _KEEP_END else h.ljust(w)
        for h, w, num in zip(columns, widths, numeric, strict=True)
    ]
    lines.append(_GAP.join(header).rstrip())
    for i in range(len(frame)):
        row = []
        for h, values, w, num in zip(columns, cells, widths, numeric, strict=True):
            value = values[i]
            if num:
                row.append(value.rjust(w))
            elif h in _KEEP_END:
                row.append(shorten(value, w, keep="end").rjust(w) if value else " " * w)
            else:
                row.append(shorten(value, w).ljust(w) if value else " " * w)
        lines.append(_GAP.join(row).rstrip())
    return "\n".join(lines) + "\n"


def _fit(natural: list[int], headers: list[str], numeric: list[bool], room: int) -> list[int]:
    """Column widths that fit ``room``. Text columns give up width, the widest
    first, in turns: ids down to 16 characters (which keeps a date in them),
    the others but the row's name (the keyword, term, speaker ...) down to 16,
    ids down to 12, the others down to 10, and the name last. Numbers keep
    their width, and no column gets narrower than its header."""
    widths = list(natural)
    text = [i for i, num in enumerate(numeric) if not num]
    ids = [i for i in text if _is_id(headers[i])]
    key = next((i for i in text if headers[i] in _NAMES), None)
    if key is None:
        key = next((i for i in text if i not in ids), None)
    others = [i for i in text if i not in ids and i != key]
    stages = [
        (ids, 16),
        (others, 16),
        (ids, 12),
        (others, 10),
        ([key] if key is not None else [], 10),
    ]
    excess = sum(widths) - room
    for columns, floor in stages:
        floors = {i: min(widths[i], max(len(headers[i]), floor)) for i in columns}
        while excess > 0:
            cuttable = [i for i, f in floors.items() if widths[i] > f]
            if not cuttable:
                break
            widest = max(cuttable, key=lambda i: (widths[i], i))
            widths[widest] -= 1
            excess -= 1
    return widths


# The column that names a row: shortened last.
_NAMES = ("keyword", "term", "collocate", "actor", "frame", "speaker", "name")


def _is_id(header: str) -> bool:
    return header.endswith(("doc_id", "doc_ids")) or header in ("url", "path", "title")


def _column_strings(values: pd.Series) -> tuple[list[str], bool]:
    """The column's values as text, and whether it is a number column."""
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return [_text(v) for v in values], False
    if pd.api.types.is_integer_dtype(dtype):
        return ["" if pd.isna(v) else str(int(v)) for v in values], True
    if pd.api.types.is_float_dtype(dtype):
        return readable_numbers(values.to_numpy(dtype=float)), True
    if pd.api.types.is_datetime64_any_dtype(dtype):
        times = values.dt.strftime("%Y-%m-%d %H:%M")
        if (values.dropna().dt.normalize() == values.dropna()).all():
            times = values.dt.strftime("%Y-%m-%d")
        return ["" if pd.isna(v) else v for v in times], False
    return [_text(v) for v in values], False


_SPACES = re.compile(r"\s+")


def _text(value: Any) -> str:
    if isinstance(value, list | tuple | np.ndarray):
        return ", ".join(_text(v) for v in value)
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    return _SPACES.sub(" ", str(value)).strip()

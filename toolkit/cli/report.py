"""The report command: every curated notebook run on a corpus, as HTML pages."""

from __future__ import annotations

import argparse
from typing import Any

from .common import (
    add_command,
    corpus_arguments,
    force_argument,
    positive_int,
    reading_options,
)

__all__ = ["COMMANDS"]

_REPORT_EXAMPLES = """\
examples:
  python -m toolkit report                         the bundled sample, into report/
  python -m toolkit report corpus.jsonl -o wh-report/
  python -m toolkit report articles.csv --text-col body --id-col url -o report/
  python -m toolkit report corpus.jsonl --show-code  keep the code cells in the pages
"""


def _report_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "report",
        summary="run every curated notebook on a corpus and write HTML pages",
        description="Execute the curated notebooks on CORPUS and write one HTML page per "
        "notebook plus index.html. The corpus options are checked before any notebook runs; "
        "long tables show their first rows and are written in full as CSV beside the pages.",
        examples=_REPORT_EXAMPLES,
    )
    corpus_arguments(p)
    p.add_argument(
        "-o",
        "--output",
        default="report",
        metavar="DIR",
        help="output folder (default: report/); a new folder, or one an earlier report wrote",
    )
    force_argument(p)
    p.add_argument("--show-code", action="store_true", help="keep the notebooks' code in the pages")
    p.add_argument(
        "--rows",
        type=positive_int,
        default=25,
        metavar="N",
        help="rows of a long table shown in a page (default 25; the full table is a CSV file)",
    )
    p.add_argument(
        "--timeout", type=positive_int, default=900, help="seconds a single cell may run"
    )
    p.set_defaults(func=_report_command)


def _report_command(args: argparse.Namespace) -> int:
    from ..report import run_report

    table = run_report(
        args.corpus,
        args.output,
        **reading_options(args),
        show_code=args.show_code,
        max_rows=args.rows,
        timeout=args.timeout,
        force=args.force,
    )
    failed = table[table["status"] != "ok"]
    return 1 if len(failed) else 0


COMMANDS = [_report_parser]

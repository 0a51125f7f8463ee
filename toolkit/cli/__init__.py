"""The command line: the same tables as the Python API, for scripts and shells.

``python -m toolkit COMMAND CORPUS [options]``; ``python -m toolkit COMMAND --help``
lists every option of a command, with examples. The commands, one module per
group:

* :mod:`.search`: ``kwic``
* :mod:`.counts`: ``actors``, ``frames``
* :mod:`.terms`: ``freq``, ``collocates``, ``keyness``
* :mod:`.quotes`: ``quotes``, ``speakers``, ``sentiment``
* :mod:`.validation`: ``sample``, ``agreement``
* :mod:`.report`: ``report``

Each module lists its commands in ``COMMANDS``: functions that add one
sub-command (its parser, and the function that runs it) to the parser. What they
share (the corpus options, the one function that loads the corpus, tables that
fit the terminal) is in :mod:`.common`. Errors a user can fix (a missing path, an
invalid pattern, a column that does not exist) print one line naming the option
to use, and exit with status 2.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .._util.paths import check_output_file
from ..corpus.readers.tables import MissingColumnError
from .common import corpus_source, write_table
from .counts import COMMANDS as COUNTS
from .quotes import COMMANDS as QUOTES
from .quotes import QUOTE_TABLE_COLUMNS
from .report import COMMANDS as REPORT
from .search import COMMANDS as SEARCH
from .terms import COMMANDS as TERMS
from .validation import COMMANDS as VALIDATION

__all__ = ["COMMANDS", "QUOTE_TABLE_COLUMNS", "build_parser", "main", "write_table"]

# Each entry adds one sub-command to the parser, in the order --help lists them.
COMMANDS: list[Callable[[Any], None]] = [
    *SEARCH,
    *COUNTS,
    *TERMS,
    *QUOTES,
    *VALIDATION,
    *REPORT,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m toolkit",
        description="News discourse toolkit: the same tables as the Python API.",
        epilog="Run 'python -m toolkit COMMAND --help' for a command's options and examples.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in COMMANDS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Errors a user can fix (a missing or unreadable path, an output that would
    overwrite a file or land in the corpus, an invalid pattern or option) print one
    line on stderr and return 2. The file ``-o`` names is checked before any work.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        output = getattr(args, "output", None)
        if args.command != "report" and output is not None and str(output) != "-":
            reading = corpus_source(args) if hasattr(args, "corpus") else None
            check_output_file(output, force=args.force, reading=reading)
        return args.func(args)
    except (OSError, ValueError, LookupError, TypeError) as exc:
        print(f"error: {shell_words(exc, args)}", file=sys.stderr)
        return 2


def shell_words(exc: Exception, args: argparse.Namespace) -> str:
    """An error message in the words of someone at a shell: the option to type
    (``--text-col body``) where the Python message names an argument
    (``text_col='body'``).

    Examples
    --------
    >>> ns = argparse.Namespace(by=None, text_col="text")
    >>> shell_words(ValueError("by='month' needs document dates"), ns)
    '--by month needs document dates'
    """
    if isinstance(exc, MissingColumnError):
        flag = "--" + exc.option.replace("_", "-")
        message = f"{exc.origin} has no column '{exc.column}'; its columns are: "
        message += ", ".join(exc.columns) or "(none)"
        if exc.suggestion:
            return f"{message}. Use {flag} {exc.suggestion}"
        return f"{message}. Use {flag} to name the column"
    if isinstance(exc, OSError) and exc.strerror and exc.filename is not None:
        message = f"{exc.strerror}: '{exc.filename}'"
    else:
        message = " ".join(str(exc).split())
    options = sorted(vars(args), key=len, reverse=True)
    for name in options:
        flag = "--" + name.replace("_", "-")
        message = re.sub(
            rf"\b{re.escape(name)}=(?:'([^']*)'|\"([^\"]*)\"|([^\s,;:)]+))",
            lambda m, flag=flag: f"{flag} {next(g for g in m.groups() if g is not None)}",
            message,
        )
    return message

"""The search command: ``kwic``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..search.patterns import compile_pattern, unmatchable_part
from .common import (
    add_command,
    corpus_arguments,
    emit,
    load_corpus_from_args,
    output_arguments,
    plural,
    positive_int,
)

__all__ = ["COMMANDS", "KWIC_TABLE_COLUMNS", "pattern_arguments", "report_empty_patterns"]

# Columns shown by --format table (csv and jsonl carry every column).
KWIC_TABLE_COLUMNS = ["doc_id", "start", "left", "keyword", "right", "pattern"]

_KWIC_EXAMPLES = """\
examples:
  python -m toolkit kwic data/ 'withdraw*'
  python -m toolkit kwic articles.csv --text-col body 'pull* out' pullout --sort 1R
  python -m toolkit kwic corpus.jsonl defeat --window 8 --format csv -o defeat.csv
"""


def pattern_arguments(p: argparse.ArgumentParser) -> None:
    """How patterns match: the one contract of every search."""
    p.add_argument(
        "--match",
        choices=("glob", "regex", "fixed"),
        default="glob",
        help="glob: * and ? are wildcards (default); regex: a regular expression per word; "
        "fixed: every character literal",
    )
    p.add_argument("--case-sensitive", action="store_true", help="match upper and lower case")


def report_empty_patterns(
    patterns: Sequence[str], found: pd.Series, *, match: str, case_sensitive: bool
) -> None:
    """Say on the error stream which patterns found nothing, and why a glob that
    can match no word cannot."""
    seen = set(found.astype(str))
    for source in patterns:
        if source in seen:
            continue
        compiled = compile_pattern(source, match=match, case_sensitive=case_sensitive)  # type: ignore[arg-type]
        why = unmatchable_part(compiled)
        if why is None:
            print(f"note: no hits for {source!r}", file=sys.stderr)
            continue
        part, words = why
        print(
            f"note: no hits for {source!r}: it can match no word, because the tokenizer "
            f"splits {part.replace('*', '').replace('?', '')!r} into {' + '.join(map(repr, words))}"
            " (only * and ? are wildcards; punctuation is a word of its own)",
            file=sys.stderr,
        )


def _kwic_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "kwic",
        summary="keyword in context",
        description="Every occurrence of a pattern with the words around it.",
        examples=_KWIC_EXAMPLES,
    )
    corpus_arguments(p, optional=False)
    p.add_argument(
        "pattern",
        nargs="+",
        help="word, glob (withdraw*) or phrase ('pull* out'); several search at once",
    )
    p.add_argument("--window", type=positive_int, default=5, help="words on each side (default 5)")
    pattern_arguments(p)
    p.add_argument("--sort", default=None, help="AntConc-style keys, e.g. 1R or 1L,2L")
    p.add_argument("--within", choices=("document", "sentence"), default="document")
    p.add_argument("--meta", action="store_true", help="add document metadata columns")
    output_arguments(p)
    p.set_defaults(func=_kwic_command)


def _kwic_command(args: argparse.Namespace) -> int:
    from ..search.kwic import KWIC_COLUMNS, kwic

    hits = kwic(
        load_corpus_from_args(args),
        args.pattern if len(args.pattern) > 1 else args.pattern[0],
        window=args.window,
        match=args.match,
        case_sensitive=args.case_sensitive,
        sort=args.sort,
        within=args.within,
        meta=args.meta,
    )
    summary = f"{plural(len(hits), 'hit')} in {plural(hits['doc_id'].nunique(), 'document')}"
    if len(args.pattern) > 1:
        summary += f" for {len(set(args.pattern))} patterns"
    report_empty_patterns(
        args.pattern, hits["pattern"], match=args.match, case_sensitive=args.case_sensitive
    )
    if args.format == "table":
        shown = [c for c in KWIC_TABLE_COLUMNS if c != "pattern" or len(args.pattern) > 1]
        hits = hits[shown + [c for c in hits.columns if c not in KWIC_COLUMNS]]
    emit(args, hits, summary)
    return 0


COMMANDS = [_kwic_parser]

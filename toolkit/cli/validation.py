"""Validation: ``sample`` (a coding sheet for hand coding) and ``agreement``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import pandas as pd

from ..corpus.corpus import Corpus
from .common import (
    add_command,
    corpus_arguments,
    emit,
    force_argument,
    load_corpus_from_args,
    output_arguments,
    positive_int,
)
from .counts import by_keys

__all__ = ["COMMANDS"]

_SAMPLE_TABLES = ("quotes", "frames", "actors", "kwic")

_SAMPLE_EXAMPLES = """\
examples:
  python -m toolkit sample frames corpus.jsonl -n 100 --seed 1 --by frame -o frames.xlsx
  python -m toolkit sample quotes data/ -n 50 --coders coder_1 coder_2 -o quotes.xlsx
  python -m toolkit sample kwic corpus.jsonl --pattern 'withdraw*' -n 100 -o kwic.xlsx
  python -m toolkit sample frames corpus.jsonl --unflagged -n 100 -o missed.xlsx
"""

_AGREEMENT_EXAMPLES = """\
examples:
  python -m toolkit agreement frames.xlsx
  python -m toolkit agreement coder1.xlsx coder2.xlsx --ignore unsure
  python -m toolkit agreement frames.xlsx --level ordinal --format csv -o alpha.csv
"""


def _sample_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "sample",
        summary="a random sample of hits as a coding sheet (.xlsx) for hand coding",
        description="Draw a reproducible random sample of quotations, frame cues, actor "
        "mentions or KWIC hits and write it as a coding sheet: one row per unit in its "
        "sentence, a drop-down of the codes per coder, notes, instructions.",
        examples=_SAMPLE_EXAMPLES,
    )
    p.add_argument("table", choices=_SAMPLE_TABLES, help="what to sample")
    corpus_arguments(p, optional=False)
    p.add_argument("-n", type=positive_int, default=100, help="units to draw (default 100)")
    p.add_argument("--seed", type=int, default=0, help="the same seed draws the same sample")
    p.add_argument(
        "--by",
        action="append",
        metavar="COLUMN",
        help="stratify: every value of COLUMN (frame, actor, voice, kind ...) gets its share",
    )
    p.add_argument("--lexicon", default=None, help="frames and actors: a lexicon name or file")
    p.add_argument("--pattern", nargs="+", default=None, help="kwic: the pattern(s) to search for")
    p.add_argument("--window", type=int, default=5, help="kwic: words on each side")
    p.add_argument(
        "--unflagged",
        action="store_true",
        help="sample the sentences without a hit instead, to estimate what was missed",
    )
    p.add_argument("--coders", nargs="+", default=["coder_1"], help="one column per coder")
    p.add_argument(
        "--codes",
        nargs="+",
        default=None,
        help="allowed codes (default: correct wrong unsure; none missed unsure with --unflagged)",
    )
    p.add_argument(
        "-o", "--output", required=True, help="the .xlsx coding sheet to write (a new file)"
    )
    force_argument(p)
    p.set_defaults(func=_sample_command)


def _sample_command(args: argparse.Namespace) -> int:
    from ..analyses.coding_sheet import write_coding_sheet
    from ..analyses.validation import sample_for_coding, sample_unflagged

    if not str(args.output).lower().endswith(".xlsx"):
        raise ValueError(f"-o {args.output}: a coding sheet is an .xlsx file")
    corpus = load_corpus_from_args(args)
    table = _hits_to_sample(args, corpus)
    if args.unflagged:
        units = sample_unflagged(corpus, table, n=args.n, seed=args.seed)
        codes = args.codes or ["none", "missed", "unsure"]
    else:
        units = sample_for_coding(
            table, n=args.n, seed=args.seed, by=by_keys(args.by), corpus=corpus
        )
        codes = args.codes or ["correct", "wrong", "unsure"]
    path = write_coding_sheet(units, args.output, coders=args.coders, codes=codes)
    info = units.attrs["sample"]
    print(
        f"{len(units):,} units of {info['population']:,} ({info['source_table']}, seed "
        f"{args.seed}) written to {path}",
        file=sys.stderr,
    )
    return 0


def _hits_to_sample(args: argparse.Namespace, corpus: Corpus) -> pd.DataFrame:
    if args.table == "kwic":
        from ..search.kwic import kwic

        if not args.pattern:
            raise ValueError("sample kwic needs --pattern PATTERN (a word, glob or phrase)")
        return kwic(corpus, args.pattern, window=args.window)
    if args.pattern:
        raise ValueError(f"--pattern is for sample kwic, not sample {args.table}")
    if args.table == "frames":
        from ..analyses.frames import find_frames

        return find_frames(corpus, args.lexicon)
    if args.table == "actors":
        from ..analyses.actors import find_actors

        return find_actors(corpus, args.lexicon)
    from ..quotes.extract import extract_quotes

    return extract_quotes(corpus)


def _agreement_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "agreement",
        summary="Krippendorff's alpha and percent agreement of coded sheets",
        description="Read one coding sheet with several coders, or one sheet per coder, and "
        "print Krippendorff's alpha with a bootstrap interval and the percent agreement: "
        "all coders together, then every pair.",
        examples=_AGREEMENT_EXAMPLES,
    )
    p.add_argument("sheets", nargs="+", help="coding sheet(s) (.xlsx) of the same sample")
    p.add_argument(
        "--level", choices=("nominal", "ordinal", "interval", "ratio"), default="nominal"
    )
    p.add_argument("--coders", nargs="+", default=None, help="default: every coder")
    p.add_argument(
        "--ignore", nargs="+", default=[], metavar="CODE", help="codes to count as not coded"
    )
    p.add_argument("--boot", type=int, default=1000, help="bootstrap resamples (default 1000)")
    p.add_argument("--seed", type=int, default=0, help="seed of the bootstrap")
    output_arguments(p)
    p.set_defaults(func=_agreement_command)


def _agreement_command(args: argparse.Namespace) -> int:
    from ..analyses.agreement import agreement
    from ..analyses.coding_sheet import read_coding_sheet

    coded = read_coding_sheet(args.sheets if len(args.sheets) > 1 else args.sheets[0])
    coders = args.coders or coded.attrs["coding"]["coders"]
    if len(coders) < 2:
        raise ValueError(
            f"agreement needs two or more coders; {', '.join(args.sheets)} has only "
            f"{', '.join(coders)}: give one sheet per coder, or a sheet with several coders"
        )
    table = agreement(
        coded, coders=coders, level=args.level, ignore=args.ignore, n_boot=args.boot, seed=args.seed
    )
    emit(args, table, f"{len(coded):,} units, {len(coders)} coders")
    return 0


COMMANDS = [_sample_parser, _agreement_parser]

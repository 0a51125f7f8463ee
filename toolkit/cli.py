"""The command line: the same tables as the Python API, for scripts.

``python -m toolkit kwic CORPUS PATTERN [--window N] [--format table|csv|jsonl] [-o FILE]``
``python -m toolkit report [CORPUS] -o OUTDIR``
``python -m toolkit quotes|speakers CORPUS [--min-confidence X] [--cue-type speech ...] [--workers N] [--format table|csv|jsonl] [-o FILE]``
``python -m toolkit actors [CORPUS] [--lexicon L] [--by COLUMN] [--rollup] [--mentions | --suggest]``
``python -m toolkit frames [CORPUS] [--lexicon L] [--by COLUMN] [--hits | --excluded]``
``python -m toolkit sample quotes|frames|actors|kwic CORPUS [-n 100] [--seed 1] [--by COLUMN] -o sheet.xlsx``
``python -m toolkit agreement SHEET [SHEET ...] [--level nominal]``

Run ``python -m toolkit --help`` for every command. Errors a user can fix (a
missing path, an invalid pattern) print one line and exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ._util.paths import check_output_file, default_corpus
from .corpus.corpus import Corpus
from .corpus.load import load_corpus

__all__ = ["main", "write_table"]

FORMATS = ("table", "csv", "jsonl")
Command = Callable[[argparse.Namespace], int]


def write_table(
    frame: pd.DataFrame, fmt: str, output: str | Path | None, *, force: bool = False
) -> None:
    """Write a result table as an aligned text table, CSV or JSON lines, to the
    screen (``output`` None or ``"-"``) or to a file, which must not exist unless
    ``force`` (see :func:`toolkit._util.paths.check_output_file`)."""
    if fmt == "csv":
        text = frame.to_csv(index=False)
    elif fmt == "jsonl":
        text = frame.to_json(orient="records", lines=True, date_format="iso", force_ascii=False)
        text = text if text.endswith("\n") or not text else text + "\n"
    elif fmt == "table":
        if frame.empty:
            text = "(no rows)\n"
        else:
            with pd.option_context("display.max_colwidth", 70, "display.width", 250):
                text = frame.to_string(index=False) + "\n"
    else:  # pragma: no cover - argparse restricts the choices
        raise ValueError(f"unknown format {fmt!r}")
    if output is None or str(output) == "-":
        sys.stdout.write(text)
    else:
        check_output_file(output, force=force, reading=None).write_text(text, encoding="utf-8")


def _corpus_arguments(p: argparse.ArgumentParser, *, optional: bool = True) -> None:
    p.add_argument(
        "corpus",
        nargs="?" if optional else None,
        default=None,
        help="folder, file (.txt .md .csv .jsonl .parquet) or table; default: data/",
    )
    p.add_argument("--text-col", default="text", help="text column of a table (default: text)")
    p.add_argument("--id-col", default=None, help="id column of a table")
    p.add_argument("--no-clean", action="store_true", help="keep site furniture in the text")


def _output_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="table", help="output format")
    p.add_argument(
        "-o", "--output", default=None, help="write to FILE (a new file) instead of the screen"
    )
    _force_argument(p)


def _force_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--force", action="store_true", help="overwrite files that -o would replace")


def _source(args: argparse.Namespace) -> Any:
    return args.corpus if args.corpus is not None else default_corpus()


def _load(args: argparse.Namespace) -> Corpus:
    return load_corpus(
        _source(args),
        text_col=args.text_col,
        id_col=args.id_col,
        clean=not args.no_clean,
        progress=sys.stderr.isatty(),
    )


# ----------------------------------------------------------------- commands


def _kwic_parser(sub: Any) -> None:
    p = sub.add_parser("kwic", help="keyword in context", description="Keyword in context.")
    p.add_argument("corpus", help="folder, file or table (use data/ for the sample)")
    p.add_argument(
        "pattern",
        nargs="+",
        help="word, glob (withdraw*) or phrase ('pull* out'); several search at once",
    )
    p.add_argument("--window", type=int, default=5, help="words on each side (default 5)")
    p.add_argument("--match", choices=("glob", "regex", "fixed"), default="glob")
    p.add_argument("--case-sensitive", action="store_true")
    p.add_argument("--sort", default=None, help="AntConc-style keys, e.g. 1R or 1L,2L")
    p.add_argument("--within", choices=("document", "sentence"), default="document")
    p.add_argument("--meta", action="store_true", help="add document metadata columns")
    p.add_argument("--text-col", default="text")
    p.add_argument("--id-col", default=None)
    p.add_argument("--no-clean", action="store_true")
    _output_arguments(p)
    p.set_defaults(func=_kwic_command)


def _kwic_command(args: argparse.Namespace) -> int:
    from .search.kwic import kwic

    hits = kwic(
        _load(args),
        args.pattern if len(args.pattern) > 1 else args.pattern[0],
        window=args.window,
        match=args.match,
        case_sensitive=args.case_sensitive,
        sort=args.sort,
        within=args.within,
        meta=args.meta,
    )
    write_table(hits, args.format, args.output, force=args.force)
    return 0


def _report_parser(sub: Any) -> None:
    p = sub.add_parser(
        "report",
        help="run every curated notebook on a corpus and write HTML pages",
        description="Execute the curated notebooks with CORPUS injected into their parameters "
        "cell and write one HTML page per notebook plus index.html.",
    )
    p.add_argument(
        "corpus", nargs="?", default=None, help="folder or file of articles; default: data/"
    )
    p.add_argument(
        "-o",
        "--output",
        default="report",
        help="output folder (default: report/); a new folder, or one an earlier report wrote",
    )
    p.add_argument("--timeout", type=int, default=900, help="seconds a single cell may run")
    _force_argument(p)
    p.set_defaults(func=_report_command)


def _report_command(args: argparse.Namespace) -> int:
    from .report import run_report

    table = run_report(args.corpus, args.output, timeout=args.timeout, force=args.force)
    failed = table[table["status"] != "ok"]
    return 1 if len(failed) else 0


def _confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number between 0 and 1")
    return number


def _quote_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("corpus", help="folder, file or table (use data/ for the sample)")
    p.add_argument(
        "--min-confidence",
        type=_confidence,
        default=0.0,
        help="keep only attributions at least this sure (0-1; default 0 keeps all)",
    )
    p.add_argument(
        "--rules", default=None, help="your own copy of the quotation rules (quotes.yaml)"
    )
    p.add_argument(
        "--cue-type",
        nargs="+",
        default=None,
        metavar="TYPE",
        help="keep only attributions of these types: speech (who says what), thought, "
        "intention, stance, evidence (default: all)",
    )
    p.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        metavar="N",
        help="processes reading documents side by side (default: one per core on large "
        "corpora, one otherwise); the table is the same",
    )
    p.add_argument("--text-col", default="text")
    p.add_argument("--id-col", default=None)
    p.add_argument("--no-clean", action="store_true")
    _output_arguments(p)


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 1 or more")
    return number


# Columns shown by --format table (csv and jsonl carry every column).
QUOTE_TABLE_COLUMNS = [
    "doc_id",
    "quote_id",
    "kind",
    "speaker",
    "role",
    "cue",
    "cue_type",
    "confidence",
    "text",
]


def _quotes_parser(sub: Any) -> None:
    p = sub.add_parser(
        "quotes",
        help="quotations and their speakers",
        description="One row per quotation (or piece of one) with its speaker, cue and "
        "character offsets. --format table shows the main columns; csv and jsonl all of them.",
    )
    _quote_arguments(p)
    p.add_argument(
        "--kind",
        nargs="+",
        choices=("direct", "partial", "indirect"),
        default=None,
        help="keep only these kinds of quotation",
    )
    p.set_defaults(func=_quotes_command)


def _quotes_command(args: argparse.Namespace) -> int:
    from .quotes.extract import extract_quotes

    quotes = extract_quotes(
        _load(args),
        rules=args.rules,
        min_confidence=args.min_confidence,
        cue_types=args.cue_type,
        workers=args.workers,
    )
    if args.kind:
        quotes = quotes[quotes["kind"].isin(args.kind)].reset_index(drop=True)
    if args.format == "table":
        quotes = quotes[QUOTE_TABLE_COLUMNS]
    write_table(quotes, args.format, args.output, force=args.force)
    return 0


def _speakers_parser(sub: Any) -> None:
    p = sub.add_parser(
        "speakers",
        help="who is quoted: speakers with role, quotations and words quoted",
        description="One row per speaker: role, number of quotations by kind, words quoted, "
        "documents, and where the first quotation is.",
    )
    _quote_arguments(p)
    p.set_defaults(func=_speakers_command)


def _speakers_command(args: argparse.Namespace) -> int:
    from .quotes.extract import extract_quotes, speakers

    quotes = extract_quotes(
        _load(args), rules=args.rules, cue_types=args.cue_type, workers=args.workers
    )
    table = speakers(quotes, min_confidence=args.min_confidence)
    write_table(table, args.format, args.output, force=args.force)
    return 0


def _by(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [k.strip() for v in values for k in v.split(",") if k.strip()]


def _printable(frame: pd.DataFrame) -> pd.DataFrame:
    """Periods (by month, week ...) written as their labels ("2021-08")."""
    periods = [c for c in frame.columns if isinstance(frame[c].dtype, pd.PeriodDtype)]
    return frame.astype(dict.fromkeys(periods, str)) if periods else frame


def _lexicon_arguments(p: argparse.ArgumentParser, default: str) -> None:
    p.add_argument(
        "--lexicon",
        default=None,
        help=f"a packaged lexicon's name or a .yaml file (default: {default})",
    )
    p.add_argument(
        "--by",
        action="append",
        metavar="COLUMN",
        help="group the counts: voice, speaker, doc_id, source, date, year, month, week, day "
        "or any metadata column; repeat or separate with commas",
    )


def _actors_parser(sub: Any) -> None:
    p = sub.add_parser(
        "actors",
        help="actor mentions and counts",
        description="Count actors of a lexicon (mentions, documents, per 1,000 word tokens), "
        "list their mentions, or suggest names the lexicon misses.",
    )
    _corpus_arguments(p)
    _lexicon_arguments(p, "afghanistan-2021-actors")
    p.add_argument("--rollup", action="store_true", help="count people as their parent actor")
    show = p.add_mutually_exclusive_group()
    show.add_argument("--mentions", action="store_true", help="list every mention instead")
    show.add_argument(
        "--suggest", action="store_true", help="list frequent names the lexicon does not cover"
    )
    show.add_argument(
        "--excluded",
        action="store_true",
        help="list the mentions the aliases' exclude and near rules removed, and which rule",
    )
    p.add_argument("--min-count", type=int, default=2, help="with --suggest (default 2)")
    _output_arguments(p)
    p.set_defaults(func=_actors_command)


def _actors_command(args: argparse.Namespace) -> int:
    from .analyses.actors import count_actors, find_actors, suggest_actors

    corpus = _load(args)
    if args.suggest:
        table = suggest_actors(corpus, args.lexicon, min_count=args.min_count)
    elif args.mentions or args.excluded:
        table = find_actors(corpus, args.lexicon, excluded=args.excluded)
    else:
        table = count_actors(corpus, args.lexicon, by=_by(args.by), rollup=args.rollup)
    write_table(_printable(table), args.format, args.output, force=args.force)
    _print_exclusions(table)
    return 0


def _frames_parser(sub: Any) -> None:
    p = sub.add_parser(
        "frames",
        help="frame cues and counts, with voice and speaker",
        description="Count frame cues of a lexicon (per 1,000 word tokens), by voice, speaker, "
        "source or period, or list every cue hit.",
    )
    _corpus_arguments(p)
    _lexicon_arguments(p, "afghanistan-2021-frames")
    show = p.add_mutually_exclusive_group()
    show.add_argument("--hits", action="store_true", help="list every cue hit instead")
    show.add_argument(
        "--excluded",
        action="store_true",
        help="list the hits the cues' exclude and near rules removed, and which rule",
    )
    _output_arguments(p)
    p.set_defaults(func=_frames_command)


def _frames_command(args: argparse.Namespace) -> int:
    from .analyses.frames import count_frames, find_frames

    corpus = _load(args)
    if args.hits or args.excluded:
        table = find_frames(corpus, args.lexicon, excluded=args.excluded)
    else:
        table = count_frames(corpus, args.lexicon, by=_by(args.by))
    write_table(_printable(table), args.format, args.output, force=args.force)
    _print_exclusions(table)
    return 0


def _print_exclusions(table: pd.DataFrame) -> None:
    """Say on stderr how many hits the lexicon's exclude and near rules removed."""
    removed = [r for r in table.attrs.get("excluded", []) if r["removed"]]
    if not removed:
        return
    total = sum(r["removed"] for r in removed)
    top = sorted(removed, key=lambda r: -r["removed"])[:5]
    lines = [f"  {r['removed']:>6,}  {r['pattern']}: {r['rule']}" for r in top]
    more = f"\n  ... and {len(removed) - 5} more rules" if len(removed) > 5 else ""
    print(
        f"the lexicon's exclude/near rules removed {total:,} hits "
        f"(list them with --excluded):\n" + "\n".join(lines) + more,
        file=sys.stderr,
    )


_SAMPLE_TABLES = ("quotes", "frames", "actors", "kwic")


def _sample_parser(sub: Any) -> None:
    p = sub.add_parser(
        "sample",
        help="a random sample of hits as a coding sheet (.xlsx) for hand coding",
        description="Draw a reproducible random sample of quotations, frame cues, actor "
        "mentions or KWIC hits and write it as a coding sheet: one row per unit in its "
        "sentence, a drop-down of the codes per coder, notes, instructions.",
    )
    p.add_argument("table", choices=_SAMPLE_TABLES, help="what to sample")
    _corpus_arguments(p, optional=False)
    p.add_argument("-n", type=_positive_int, default=100, help="units to draw (default 100)")
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
    _force_argument(p)
    p.set_defaults(func=_sample_command)


def _sample_command(args: argparse.Namespace) -> int:
    from .analyses.coding_sheet import write_coding_sheet
    from .analyses.validation import sample_for_coding, sample_unflagged

    if not str(args.output).lower().endswith(".xlsx"):
        raise ValueError(f"-o {args.output}: a coding sheet is an .xlsx file")
    corpus = _load(args)
    table = _hits_to_sample(args, corpus)
    if args.unflagged:
        units = sample_unflagged(corpus, table, n=args.n, seed=args.seed)
        codes = args.codes or ["none", "missed", "unsure"]
    else:
        units = sample_for_coding(table, n=args.n, seed=args.seed, by=_by(args.by), corpus=corpus)
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
        from .search.kwic import kwic

        if not args.pattern:
            raise ValueError("sample kwic needs --pattern PATTERN (a word, glob or phrase)")
        return kwic(corpus, args.pattern, window=args.window)
    if args.pattern:
        raise ValueError(f"--pattern is for sample kwic, not sample {args.table}")
    if args.table == "frames":
        from .analyses.frames import find_frames

        return find_frames(corpus, args.lexicon)
    if args.table == "actors":
        from .analyses.actors import find_actors

        return find_actors(corpus, args.lexicon)
    from .quotes.extract import extract_quotes

    return extract_quotes(corpus)


def _agreement_parser(sub: Any) -> None:
    p = sub.add_parser(
        "agreement",
        help="Krippendorff's alpha and percent agreement of coded sheets",
        description="Read one coding sheet with several coders, or one sheet per coder, and "
        "print Krippendorff's alpha with a bootstrap interval and the percent agreement: "
        "all coders together, then every pair.",
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
    _output_arguments(p)
    p.set_defaults(func=_agreement_command)


def _agreement_command(args: argparse.Namespace) -> int:
    from .analyses.agreement import agreement
    from .analyses.coding_sheet import read_coding_sheet

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
    write_table(table, args.format, args.output, force=args.force)
    return 0


# Each entry adds one sub-command to the parser.
COMMANDS: list[Callable[[Any], None]] = [
    _kwic_parser,
    _report_parser,
    _quotes_parser,
    _speakers_parser,
    _actors_parser,
    _frames_parser,
    _sample_parser,
    _agreement_parser,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m toolkit",
        description="News discourse toolkit: the same tables as the Python API.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in COMMANDS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Errors a user can fix (a missing or unreadable path, an output that would
    overwrite a file or land in the corpus, an invalid pattern or option) print one
    line on stderr and return 2.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        output = getattr(args, "output", None)
        if args.command != "report" and output is not None and str(output) != "-":
            reading = _source(args) if hasattr(args, "corpus") else None
            check_output_file(output, force=args.force, reading=reading)
        return args.func(args)
    except (OSError, ValueError, LookupError, TypeError) as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return 2


def _one_line(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror and exc.filename is not None:
        text = f"{exc.strerror}: '{exc.filename}'"
    else:
        text = str(exc)
    return " ".join(text.split())

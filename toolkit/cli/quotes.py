"""Who speaks, and in what tone: ``quotes``, ``speakers`` and ``sentiment``."""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd

from .common import (
    add_command,
    corpus_arguments,
    emit,
    load_corpus_from_args,
    output_arguments,
    plural,
    positive_int,
)
from .counts import by_keys, printable

__all__ = ["COMMANDS", "QUOTE_TABLE_COLUMNS"]

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
_SCORE_TABLE_COLUMNS = ["doc_id", "quote_id", "kind", "speaker", "compound", "text"]

_QUOTES_EXAMPLES = """\
examples:
  python -m toolkit quotes data/
  python -m toolkit quotes corpus.jsonl --kind direct --min-confidence 0.8
  python -m toolkit quotes corpus.jsonl --cue-type speech --format csv -o quotes.csv
"""
_SPEAKERS_EXAMPLES = """\
examples:
  python -m toolkit speakers data/
  python -m toolkit speakers corpus.jsonl --cue-type speech --format csv -o speakers.csv
"""
_SENTIMENT_EXAMPLES = """\
examples:
  python -m toolkit sentiment data/                      tone per speaker, all quotations
  python -m toolkit sentiment corpus.jsonl --kind direct partial   in their own words only
  python -m toolkit sentiment corpus.jsonl --by month    tone of the quotations per month
  python -m toolkit sentiment corpus.jsonl --scores --format csv -o scored-quotes.csv
"""


def _confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number between 0 and 1")
    return number


def _quote_arguments(p: argparse.ArgumentParser) -> None:
    corpus_arguments(p, optional=False)
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
        type=positive_int,
        default=None,
        metavar="N",
        help="processes reading documents side by side (default: one per core on large "
        "corpora, one otherwise); the table is the same",
    )
    output_arguments(p)


def _kind_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--kind",
        nargs="+",
        choices=("direct", "partial", "indirect"),
        default=None,
        help="keep only these kinds of quotation",
    )


def _quotations(
    args: argparse.Namespace, corpus: Any = None, *, min_confidence: float | None = None
) -> pd.DataFrame:
    from ..quotes.extract import extract_quotes

    quotes = extract_quotes(
        load_corpus_from_args(args) if corpus is None else corpus,
        rules=args.rules,
        min_confidence=args.min_confidence if min_confidence is None else min_confidence,
        cue_types=args.cue_type,
        workers=args.workers,
    )
    if getattr(args, "kind", None):
        quotes = quotes[quotes["kind"].isin(args.kind)].reset_index(drop=True)
    return quotes


def _in_documents(quotes: pd.DataFrame, noun: str = "quotation") -> str:
    return f"{plural(len(quotes), noun)} in {plural(quotes['doc_id'].nunique(), 'document')}"


def _quotes_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "quotes",
        summary="quotations and their speakers",
        description="One row per quotation (or piece of one) with its speaker, cue and "
        "character offsets. --format table shows the main columns; csv and jsonl all of them.",
        examples=_QUOTES_EXAMPLES,
    )
    _quote_arguments(p)
    _kind_argument(p)
    p.set_defaults(func=_quotes_command)


def _quotes_command(args: argparse.Namespace) -> int:
    quotes = _quotations(args)
    summary = _in_documents(quotes)
    if args.format == "table":
        quotes = quotes[QUOTE_TABLE_COLUMNS]
    emit(args, quotes, summary)
    return 0


def _speakers_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "speakers",
        summary="who is quoted: speakers with role, quotations and words quoted",
        description="One row per speaker: role, number of quotations by kind, words quoted, "
        "documents, and where the first quotation is.",
        examples=_SPEAKERS_EXAMPLES,
    )
    _quote_arguments(p)
    p.set_defaults(func=_speakers_command)


def _speakers_command(args: argparse.Namespace) -> int:
    from ..quotes.table import speakers

    quotes = _quotations(args, min_confidence=0.0)
    table = speakers(quotes, min_confidence=args.min_confidence)
    quoted = quotes[quotes["confidence"] >= args.min_confidence]
    summary = f"{plural(len(table), 'speaker')} quoted in {plural(quoted['doc_id'].nunique(), 'document')}"
    emit(args, table, summary)
    return 0


def _sentiment_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "sentiment",
        summary="the tone of quotations, per speaker or any grouping",
        description="Score every quotation with VADER (compound, from -1 negative to +1 "
        "positive) and give the mean per speaker (or per --by group) with a 95%% confidence "
        "interval and the shares of negative and positive quotations.",
        examples=_SENTIMENT_EXAMPLES,
    )
    _quote_arguments(p)
    _kind_argument(p)
    p.add_argument(
        "--by",
        action="append",
        metavar="COLUMN",
        help="group the quotations by a column of theirs (speaker, role, kind, cue_type, "
        "doc_id) or of their documents (source, any metadata column, year, month, week, day); "
        "default: speaker",
    )
    p.add_argument(
        "--ci",
        choices=("t", "bootstrap"),
        default="t",
        help="how the interval is computed (default t: Student's t)",
    )
    p.add_argument("--scores", action="store_true", help="list every scored quotation instead")
    p.set_defaults(func=_sentiment_command)


def _sentiment_command(args: argparse.Namespace) -> int:
    from ..analyses.sentiment import score_sentiment, sentiment_by, sentiment_by_speaker

    corpus = load_corpus_from_args(args)
    scored = score_sentiment(_quotations(args, corpus))
    summary = _in_documents(scored, "scored quotation")
    keys = by_keys(args.by)
    if args.scores:
        table = scored[_SCORE_TABLE_COLUMNS] if args.format == "table" else scored
    elif keys is None or keys == ["speaker"]:
        table = sentiment_by_speaker(scored, ci=args.ci)
    else:
        table = sentiment_by(_with_document_columns(scored, corpus.docs, keys), keys, ci=args.ci)
    lists = [c for c in ("doc_ids", "quote_ids") if c in table.columns]
    if args.format == "table":  # the lists of ids and the counts behind the shares: csv, jsonl
        table = table.drop(columns=[*lists, "n_scored", "n_documents"], errors="ignore")
    elif args.format == "csv":  # a list per row: one cell of ids separated by spaces
        table = table.assign(**{c: [" ".join(map(str, v)) for v in table[c]] for c in lists})
    emit(args, printable(table), summary + " (VADER compound, -1 negative to +1 positive)")
    return 0


def _with_document_columns(
    quotes: pd.DataFrame, docs: pd.DataFrame, keys: list[str]
) -> pd.DataFrame:
    """The quotations with the document columns (or periods) that --by names."""
    from ..analyses.counts import PERIODS, document_key

    wanted = [k for k in keys if k not in quotes.columns]
    if not wanted:
        return quotes
    codes = pd.Index(docs["doc_id"].astype(str)).get_indexer(quotes["doc_id"].astype(str))
    out = quotes.copy()
    for k in wanted:
        if k not in docs.columns and k not in PERIODS:
            columns = [
                c for c in [*quotes.columns, *docs.columns, *PERIODS] if c not in ("text", "raw")
            ]
            raise ValueError(
                f"cannot group by {k!r}; choose from: {', '.join(dict.fromkeys(columns))}"
            )
        out[k] = document_key(docs, k).to_numpy()[codes]
    return out


COMMANDS = [_quotes_parser, _speakers_parser, _sentiment_parser]

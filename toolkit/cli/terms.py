"""Corpus statistics: ``freq``, ``collocates`` and ``keyness``.

All three leave out function words (the packaged English stopword list) unless
``--keep-stopwords`` is given: the rows only, never the counts behind them.
"""

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
from .counts import by_arguments, by_keys, printable
from .search import pattern_arguments, report_empty_patterns

__all__ = ["COMMANDS", "parse_selection"]

_FREQ_EXAMPLES = """\
examples:
  python -m toolkit freq data/ --top 20
  python -m toolkit freq corpus.jsonl -n 2 --top 30             two-word sequences
  python -m toolkit freq corpus.jsonl --by month --format csv -o words-by-month.csv
  python -m toolkit freq corpus.jsonl --by voice --keep-stopwords
"""
_COLLOCATES_EXAMPLES = """\
examples:
  python -m toolkit collocates data/ 'withdraw*'
  python -m toolkit collocates corpus.jsonl defeat --window 4 --within sentence --top 20
  python -m toolkit collocates corpus.jsonl Taliban --measure g2 --format csv -o taliban.csv
"""
_KEYNESS_EXAMPLES = """\
examples:
  python -m toolkit keyness corpus.jsonl --target date=2021-08            August 2021 vs the rest
  python -m toolkit keyness corpus.jsonl --target 'source=TRT World' --reference source=Reuters
  python -m toolkit keyness mine/ --reference-corpus others/ --measure log_ratio --top 30
  python -m toolkit keyness corpus.jsonl --target-docs doc3 doc7 --keep-stopwords
"""
_STOPWORDS_NOTE = "function words left out (--keep-stopwords keeps them)"


def _statistics_arguments(p: argparse.ArgumentParser, *, min_count: int) -> None:
    p.add_argument(
        "--min-count",
        type=positive_int,
        default=min_count,
        metavar="N",
        help=f"keep rows counted at least N times (default {min_count})",
    )
    p.add_argument(
        "--keep-stopwords",
        action="store_true",
        help="keep function words (the, of, and, he ...), which are left out by default",
    )
    p.add_argument("--top", type=positive_int, default=None, metavar="N", help="the first N rows")
    output_arguments(p)


def _stopwords(args: argparse.Namespace) -> tuple[str | None, str]:
    return (None, "") if args.keep_stopwords else ("english", f"; {_STOPWORDS_NOTE}")


def _shown(table: pd.DataFrame, args: argparse.Namespace, summary: str, note: str) -> None:
    """Emit the first --top rows; in a terminal table without the columns that
    locate each term's first occurrence (csv and jsonl keep them)."""
    if args.top is not None and args.top < len(table):
        table = table.head(args.top)
        summary += f" (the first {args.top:,} shown)"
    if args.format == "table":
        table = table.drop(columns=["first_doc_id", "first_start", "first_end"], errors="ignore")
    emit(args, printable(table), summary + note)


def _freq_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "freq",
        summary="word frequencies and n-grams",
        description="A frequency list: how often each word (or sequence of N words within a "
        "sentence) occurs, in how many documents, and per 1,000 words.",
        examples=_FREQ_EXAMPLES,
    )
    corpus_arguments(p)
    p.add_argument(
        "-n",
        "--ngram",
        type=positive_int,
        default=1,
        metavar="N",
        help="words per term: 1 for words (default), 2 for two-word sequences ...",
    )
    by_arguments(p, "the frequencies")
    _statistics_arguments(p, min_count=1)
    p.set_defaults(func=_freq_command)


def _freq_command(args: argparse.Namespace) -> int:
    from ..analyses.terms import count_terms

    corpus = load_corpus_from_args(args)
    stopwords, note = _stopwords(args)
    keys = by_keys(args.by)
    table = count_terms(
        corpus, n=args.ngram, by=keys, min_count=args.min_count, stopwords=stopwords
    )
    noun = "term" if args.ngram == 1 else f"{args.ngram}-word sequence"
    summary = (
        f"{plural(table['term'].nunique(), 'distinct ' + noun)} in "
        f"{plural(table.attrs['tokens'], 'word')} of {plural(len(corpus), 'document')}"
    )
    _shown(table, args, summary, note)
    return 0


def _collocates_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "collocates",
        summary="the words that keep a pattern company",
        description="Words occurring near a pattern more often than chance predicts, with "
        "logDice, log-likelihood (G2), PMI and t-score.",
        examples=_COLLOCATES_EXAMPLES,
    )
    corpus_arguments(p, optional=False)
    p.add_argument("pattern", nargs="+", help="the node: a word, glob (withdraw*) or phrase")
    p.add_argument("--window", type=positive_int, default=5, help="words on each side (default 5)")
    p.add_argument(
        "--measure",
        choices=("logdice", "g2", "pmi", "t", "count"),
        default="logdice",
        help="what orders the rows (default logdice)",
    )
    p.add_argument(
        "--within",
        choices=("document", "sentence"),
        default="document",
        help="where windows stop (default: at the document's edge)",
    )
    pattern_arguments(p)
    _statistics_arguments(p, min_count=2)
    p.set_defaults(func=_collocates_command)


def _collocates_command(args: argparse.Namespace) -> int:
    from ..analyses.collocates import collocates

    stopwords, note = _stopwords(args)
    table = collocates(
        load_corpus_from_args(args),
        args.pattern if len(args.pattern) > 1 else args.pattern[0],
        window=args.window,
        measure=args.measure,
        min_count=args.min_count,
        stopwords=stopwords,
        match=args.match,
        case_sensitive=args.case_sensitive,
        within=args.within,
    )
    node = " | ".join(args.pattern)
    summary = (
        f"{plural(len(table), 'collocate')} of {node} ({plural(table.attrs['node_count'], 'hit')}, "
        f"{plural(args.window, 'word')} each side)"
    )
    if table.attrs["node_count"] == 0:
        report_empty_patterns(
            args.pattern,
            pd.Series([], dtype=object),
            match=args.match,
            case_sensitive=args.case_sensitive,
        )
    if args.format == "table":
        table = table[_COLLOCATE_TABLE_COLUMNS]
    _shown(table, args, summary, note)
    return 0


def parse_selection(items: list[str] | None, docs: pd.DataFrame, option: str) -> dict[str, Any]:
    """``["source=TRT World", "date=2021-08"]`` as the dict :func:`toolkit.keyness`
    takes; a column named twice matches any of its values.

    Examples
    --------
    >>> docs = pd.DataFrame({"source": ["A", "B"], "year": [2021, 2022]})
    >>> parse_selection(["source=A", "source=B", "year=2021"], docs, "--target")
    {'source': ['A', 'B'], 'year': 2021}
    """
    wanted: dict[str, list[Any]] = {}
    for item in items or []:
        column, sep, value = item.partition("=")
        column = column.strip()
        if not sep or not column:
            raise ValueError(
                f"{option} {item!r}: write COLUMN=VALUE, e.g. {option} 'source=TRT World' "
                f"or {option} date=2021-08"
            )
        if column in docs.columns and pd.api.types.is_numeric_dtype(docs[column]):
            try:
                number = float(value)
            except ValueError:
                raise ValueError(
                    f"{option} {item!r}: the column {column!r} holds numbers"
                ) from None
            wanted.setdefault(column, []).append(int(number) if number.is_integer() else number)
        else:
            wanted.setdefault(column, []).append(value)
    return {k: v[0] if len(v) == 1 else v for k, v in wanted.items()}


def _keyness_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "keyness",
        summary="the words a part of the corpus uses more (or less) than the rest",
        description="Compare word frequencies in target documents with a reference (by "
        "default the rest of the corpus): signed log-likelihood G2, log ratio and p.",
        examples=_KEYNESS_EXAMPLES,
    )
    corpus_arguments(p, optional=False)
    side = "documents whose COLUMN has VALUE (dates: 2021-08 is August 2021); repeat to narrow"
    p.add_argument("--target", action="append", metavar="COLUMN=VALUE", help=f"the target: {side}")
    p.add_argument("--target-docs", nargs="+", metavar="ID", help="the target: these doc ids")
    p.add_argument(
        "--reference", action="append", metavar="COLUMN=VALUE", help=f"the reference: {side}"
    )
    p.add_argument("--reference-docs", nargs="+", metavar="ID", help="the reference: these doc ids")
    p.add_argument(
        "--reference-corpus",
        metavar="CORPUS",
        help="the reference: another corpus, read with the same options",
    )
    p.add_argument(
        "--measure",
        choices=("g2", "log_ratio"),
        default="g2",
        help="what orders the rows: g2 (default) or log_ratio",
    )
    _statistics_arguments(p, min_count=5)
    p.set_defaults(func=_keyness_command)


# Columns shown by --format table (csv and jsonl carry every column).
_KEYNESS_TABLE_COLUMNS = ["term", "target_count", "reference_count", "g2", "log_ratio", "p"]
_COLLOCATE_TABLE_COLUMNS = [
    "collocate",
    "count",
    "logdice",
    "g2",
    "pmi",
    "t",
    "documents",
    "frequency",
]


def _keyness_command(args: argparse.Namespace) -> int:
    from ..analyses.keyness import keyness

    corpus = load_corpus_from_args(args)
    target: Any = args.target_docs or parse_selection(args.target, corpus.docs, "--target")
    if not target:
        raise ValueError(
            "say which documents are the target: --target COLUMN=VALUE or --target-docs ID"
        )
    reference: Any = (
        args.reference_docs or parse_selection(args.reference, corpus.docs, "--reference") or None
    )
    if args.reference_corpus:
        if reference is not None:
            raise ValueError(
                "give the reference once: --reference, --reference-docs or --reference-corpus"
            )
        reference = load_corpus_from_args(args, args.reference_corpus)
    stopwords, note = _stopwords(args)
    table = keyness(
        corpus,
        target,
        reference=reference,
        measure=args.measure,
        min_count=args.min_count,
        stopwords=stopwords,
    )
    a = table.attrs
    summary = (
        f"{plural(len(table), 'term')}: target {plural(a['target_docs'], 'document')} "
        f"({plural(a['target_words'], 'word')}) against reference "
        f"{plural(a['reference_docs'], 'document')} ({plural(a['reference_words'], 'word')})"
    )
    if args.format == "table":
        table = table[_KEYNESS_TABLE_COLUMNS]
    _shown(table, args, summary, note)
    return 0


COMMANDS = [_freq_parser, _collocates_parser, _keyness_parser]

"""The store command: a corpus written once as a corpus store, for corpora larger
than memory; every other command takes the store's folder as its CORPUS."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..corpus.save import DEFAULT_PARTITION_SIZE, save_corpus
from .common import add_command, corpus_arguments, plural, positive_int, reading_options

__all__ = ["COMMANDS"]

_STORE_EXAMPLES = """\
examples:
  python -m toolkit store corpus.jsonl -o corpus-store/
  python -m toolkit store articles.csv --text-col body -o store/ --partition-size 5000
  python -m toolkit store more.jsonl -o corpus-store/ --append   add documents to a store
  python -m toolkit kwic corpus-store/ 'withdraw*'                 any command reads a store
  python -m toolkit actors corpus-store/ --scheduler tcp://host:8786   on a Dask cluster
"""


def _store_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "store",
        summary="write a corpus store, for corpora larger than memory",
        description="Write CORPUS as a corpus store: read in batches, cleaned and tokenized "
        "partition by partition. Every command takes the store's folder as its CORPUS and "
        "runs on it partition by partition, with the tables it gives on CORPUS itself.",
        examples=_STORE_EXAMPLES,
    )
    corpus_arguments(p, optional=False)
    p.add_argument(
        "-o", "--output", required=True, metavar="DIR", help="folder of the store (new or empty)"
    )
    p.add_argument(
        "--partition-size",
        type=positive_int,
        default=DEFAULT_PARTITION_SIZE,
        metavar="N",
        help=f"documents per partition (default: {DEFAULT_PARTITION_SIZE:,})",
    )
    p.add_argument(
        "--duplicates",
        choices=["flag", "drop", "keep"],
        default="flag",
        help="near-duplicates: flag them (default), drop all but the earliest, or keep",
    )
    p.add_argument("--append", action="store_true", help="add CORPUS to an existing store")
    p.set_defaults(func=_store_command)


def _store_command(args: argparse.Namespace) -> int:
    stored = save_corpus(
        args.corpus,
        args.output,
        **reading_options(args),
        partition_size=args.partition_size,
        duplicates=args.duplicates,
        append=args.append,
        progress=sys.stderr.isatty(),
    )
    counts = stored.manifest["counts"]
    print(
        f"{counts['documents']:,} documents ({counts['words']:,} words) in "
        f"{counts['partitions']:,} partitions at {args.output}; "
        f"{plural(stored.manifest['report']['rows'], 'report row')}"
    )
    return 0


COMMANDS = [_store_parser]

"""The dictionary counts: ``actors`` and ``frames``."""

from __future__ import annotations

import argparse
import sys
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

__all__ = ["COMMANDS", "by_arguments", "by_keys", "print_exclusions", "printable"]

_ACTORS_EXAMPLES = """\
examples:
  python -m toolkit actors data/
  python -m toolkit actors corpus.jsonl --by voice --rollup
  python -m toolkit actors corpus.jsonl --by month --format csv -o actors-by-month.csv
  python -m toolkit actors corpus.jsonl --suggest --min-count 5
"""

_FRAMES_EXAMPLES = """\
examples:
  python -m toolkit frames data/ --by voice
  python -m toolkit frames corpus.jsonl --by speaker --lexicon my-frames.yaml
  python -m toolkit frames corpus.jsonl --hits --format csv -o frame-cues.csv
  python -m toolkit frames corpus.jsonl --excluded
"""


def by_arguments(p: argparse.ArgumentParser, what: str = "the counts") -> None:
    p.add_argument(
        "--by",
        action="append",
        metavar="COLUMN",
        help=f"group {what}: voice, speaker, doc_id, source, date, year, month, week, day "
        "or any metadata column; repeat or separate with commas",
    )


def by_keys(values: list[str] | None) -> list[str] | None:
    """The --by columns, from repeated options or comma-separated lists."""
    if not values:
        return None
    return [k.strip() for v in values for k in v.split(",") if k.strip()]


def printable(frame: pd.DataFrame) -> pd.DataFrame:
    """Periods (by month, week ...) written as their labels ("2021-08")."""
    periods = [c for c in frame.columns if isinstance(frame[c].dtype, pd.PeriodDtype)]
    return frame.astype(dict.fromkeys(periods, str)) if periods else frame


def _lexicon_arguments(p: argparse.ArgumentParser, default: str) -> None:
    p.add_argument(
        "--lexicon",
        default=None,
        help=f"a packaged lexicon's name or a .yaml file (default: {default})",
    )
    by_arguments(p)


def _found(hits: pd.DataFrame, label: str, noun: str) -> str:
    """ "97 mentions of 12 actors in 3 documents"."""
    return (
        f"{plural(len(hits), noun)} of {plural(hits[label].nunique(), label)} "
        f"in {plural(hits['doc_id'].nunique(), 'document')}"
    )


def _actors_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "actors",
        summary="actor mentions and counts",
        description="Count actors of a lexicon (mentions, documents, per 1,000 word tokens), "
        "list their mentions, or suggest names the lexicon misses.",
        examples=_ACTORS_EXAMPLES,
    )
    corpus_arguments(p)
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
    p.add_argument("--min-count", type=positive_int, default=2, help="with --suggest (default 2)")
    output_arguments(p)
    p.set_defaults(func=_actors_command)


def _actors_command(args: argparse.Namespace) -> int:
    from ..analyses.actors import count_actors, find_actors, suggest_actors

    corpus = load_corpus_from_args(args)
    if args.suggest:
        table = suggest_actors(corpus, args.lexicon, min_count=args.min_count)
        summary = f"{plural(len(table), 'name')} the lexicon does not cover"
    elif args.excluded:
        table = find_actors(corpus, args.lexicon, excluded=True)
        summary = f"{plural(len(table), 'mention')} removed by the lexicon's exclude/near rules"
    else:
        mentions = find_actors(corpus, args.lexicon)
        summary = _found(mentions, "actor", "mention")
        if args.mentions:
            table = mentions
        else:
            table = count_actors(
                corpus, args.lexicon, by=by_keys(args.by), rollup=args.rollup, mentions=mentions
            )
    emit(args, printable(table), summary)
    print_exclusions(table)
    return 0


def _frames_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "frames",
        summary="frame cues and counts, with voice and speaker",
        description="Count frame cues of a lexicon (per 1,000 word tokens), by voice, speaker, "
        "source or period, or list every cue hit.",
        examples=_FRAMES_EXAMPLES,
    )
    corpus_arguments(p)
    _lexicon_arguments(p, "afghanistan-2021-frames")
    show = p.add_mutually_exclusive_group()
    show.add_argument("--hits", action="store_true", help="list every cue hit instead")
    show.add_argument(
        "--excluded",
        action="store_true",
        help="list the hits the cues' exclude and near rules removed, and which rule",
    )
    output_arguments(p)
    p.set_defaults(func=_frames_command)


def _frames_command(args: argparse.Namespace) -> int:
    from ..analyses.frames import count_frames, find_frames

    corpus = load_corpus_from_args(args)
    if args.excluded:
        table = find_frames(corpus, args.lexicon, excluded=True)
        summary = f"{plural(len(table), 'cue')} removed by the lexicon's exclude/near rules"
    else:
        hits = find_frames(corpus, args.lexicon)
        summary = _found(hits, "frame", "cue")
        table = (
            hits
            if args.hits
            else count_frames(corpus, args.lexicon, by=by_keys(args.by), hits=hits)
        )
    emit(args, printable(table), summary)
    print_exclusions(table)
    return 0


def print_exclusions(table: pd.DataFrame) -> None:
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


COMMANDS = [_actors_parser, _frames_parser]

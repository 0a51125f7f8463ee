"""The HTML report on the White House corpus (177 documents, about one million
words): how long it takes and how large its pages are.

Runs ``python -m toolkit report CORPUS -o TMPDIR`` ``--runs`` times and prints,
per run, the wall time, and for the last run the size of every page, of the
full tables (``tables/``) and of the executed notebooks (``notebooks/``), with
the time each notebook took.

``--peer DIR`` runs the same command, alternating with this checkout's, with the
toolkit of another checkout (a folder holding ``toolkit/``, e.g. an export of
``main``: ``mkdir ../main-copy && git archive main | tar -x -C ../main-copy``), and prints the ratio of
the medians: the figure before and after a change, measured in one run on one
machine.

Usage::

    python benchmarks/bench_report.py [--runs 3] [--peer DIR] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, SHARED

WHITE_HOUSE = SHARED / "corpus" / "whitehouse-afghanistan-2021" / "wh_afghanistan_2021_2022.jsonl"


def run_once(corpus: Path, toolkit_root: Path) -> tuple[float, Path, str]:
    """Wall time of one report, its output folder and what it printed."""
    out = Path(tempfile.mkdtemp(prefix="bench-report-"))
    env = {**os.environ, "PYTHONPATH": str(toolkit_root)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "toolkit", "report", str(corpus), "-o", str(out)],
        cwd=toolkit_root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"the report failed ({toolkit_root}):\n{done.stdout}\n{done.stderr}")
    return seconds, out, done.stdout


def sizes(out: Path) -> list[tuple[str, int]]:
    """(part, bytes): every page, then the tables and notebooks folders, then all."""
    rows = [(p.name, p.stat().st_size) for p in sorted(out.glob("*.html"))]
    for folder in ("tables", "notebooks"):
        files = (
            [p for p in (out / folder).rglob("*") if p.is_file()] if (out / folder).is_dir() else []
        )
        executed = [p for p in out.glob("*.ipynb")] if folder == "notebooks" else []
        rows.append(
            (
                f"{folder}/ ({len(files) + len(executed)} files)",
                sum(p.stat().st_size for p in [*files, *executed]),
            )
        )
    rows.append(("everything", sum(p.stat().st_size for p in out.rglob("*") if p.is_file())))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="reports per checkout (median)")
    parser.add_argument("--peer", type=Path, default=None, help="another checkout to compare")
    parser.add_argument("--corpus", type=Path, default=WHITE_HOUSE, help="the corpus reported")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus.name} not found beside the project (../shared); nothing to measure.")
        return 0
    checkouts = [("this checkout", ROOT)] + ([("peer", args.peer.resolve())] if args.peer else [])
    times: dict[str, list[float]] = {name: [] for name, _ in checkouts}
    last: dict[str, tuple[Path, str]] = {}
    for run in range(args.runs):
        for name, root in checkouts:  # alternate, so both meet the same machine load
            seconds, out, printed = run_once(args.corpus, root)
            times[name].append(seconds)
            if name in last:
                shutil.rmtree(last[name][0], ignore_errors=True)
            last[name] = (out, printed)
            print(f"run {run + 1}, {name}: {seconds:.1f} s", flush=True)
    print()
    print(f"Corpus: {args.corpus.name}; median of {args.runs} runs")
    print()
    for name, _ in checkouts:
        out, printed = last[name]
        print(f"{name}: {statistics.median(times[name]):.1f} s")
        for line in printed.splitlines():
            if line.startswith("running"):
                print(f"  {line}")
        for part, size in sizes(out):
            print(f"  {part:44} {size / 1e6:8.2f} MB")
        shutil.rmtree(out, ignore_errors=True)
        print()
    if args.peer:
        ratio = statistics.median(times["peer"]) / statistics.median(times["this checkout"])
        print(f"peer / this checkout (time): {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Corpora beyond memory: the corpus store on Reuters-21578 at 1x, 8x and 40x.

Builds the corpus from ``../shared/corpus/reuters21578/reuters21578.jsonl``
repeated 1, 8 and 40 times (every copy of an item gets a new id; about 2.6,
21 and 104 million words), written as JSON lines to a temporary folder (never
into the project), and measures on each:

* **store**: :func:`toolkit.save_corpus` from the JSON lines file (read in
  batches; cleaned, tokenized and written partition by partition by the
  default executor, one worker process per core), with the time per million
  words; near-duplicate flagging is off (``duplicates="keep"``), since every
  document of a repeated corpus is a duplicate and would be flagged;
* **kwic**: :func:`toolkit.kwic` of *said*, the most frequent content word,
  with all its contexts, on the store;
* **count_actors (first)**: :func:`toolkit.count_actors` on the store, which
  extracts the quotations (for voice) and finds the mentions, keeping both
  beside each partition; **count_actors (again)** reads them;
* **count_frames**: :func:`toolkit.count_frames`, with the quotations kept.

and, on 1x in the same run, the same steps in memory (:func:`toolkit.load_corpus`
of the same file, then the analyses on the corpus in memory), the peer of the
store. Every step runs in a fresh process so that its memory is its own:
``main RSS`` is that process's peak resident memory (``VmHWM``), ``worker RSS``
the largest peak of its worker processes (sampled every 0.1 s and read from
``VmHWM`` at the end). Times are the median of ``--runs`` runs at 1x and of
``--big-runs`` at 8x and 40x (each run of a store step writes a new store).

Usage::

    python benchmarks/bench_scale.py [--scales 1 8 40] [--runs 3] [--big-runs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import REUTERS, REUTERS_MISSING

HERE = Path(__file__).resolve()
WORD = "said"
STEPS = ["store", "kwic", "count_actors", "count_actors_again", "count_frames"]


def write_source(scale: int, folder: Path) -> Path:
    """Reuters-21578 repeated ``scale`` times as JSON lines, each copy with new ids."""
    path = folder / f"reuters-x{scale}.jsonl"
    with REUTERS.open(encoding="utf-8") as f:
        lines = f.readlines()
    with path.open("w", encoding="utf-8") as out:
        for copy in range(scale):
            for line in lines:
                record = json.loads(line)
                if copy:
                    record["id"] = f"{record['id']}-copy{copy}"
                out.write(json.dumps(record) + "\n")
    return path


# ------------------------------------------------------------ one step, measured


def _vm_hwm(pid: int) -> int:
    """Peak resident memory of a process, in bytes (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class WorkerMemory:
    """The peak resident memory of this process's descendants (the workers),
    sampled every 0.1 s while a step runs."""

    def __init__(self):
        import psutil

        self.me = psutil.Process()
        self.peaks: dict[int, int] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self):
        while not self.stop.is_set():
            self._sample()
            self.stop.wait(0.1)

    def _sample(self):
        try:
            children = self.me.children(recursive=True)
        except Exception:
            return
        for child in children:
            try:
                rss = max(child.memory_info().rss, _vm_hwm(child.pid))
            except Exception:
                continue
            self.peaks[child.pid] = max(self.peaks.get(child.pid, 0), rss)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self._sample()
        self.stop.set()
        self.thread.join()


def run_step(step: str, source: str, store: str) -> dict:
    """Run one step in this process and return what it measured."""
    import toolkit

    result: dict = {"step": step}
    with WorkerMemory() as workers:
        t = time.perf_counter()
        if step == "store":
            stored = toolkit.save_corpus(source, store, duplicates="keep", progress=False)
            counts = stored.manifest["counts"]
            result["note"] = (
                f"{counts['documents']:,} docs, {counts['partitions']} partitions, "
                f"{_size(Path(store)) / 2**30:.2f} GiB on disk"
            )
            result["words"] = counts["words"]
        elif step == "load":
            corpus = toolkit.load_corpus(source, progress=False, duplicates="keep")
            result["note"] = f"{len(corpus):,} docs"
        else:
            corpus = toolkit.open_corpus(store)
            corpus.progress = False
            if step == "kwic":
                out = toolkit.kwic(corpus, WORD)
                result["note"] = f"{len(out):,} hits of '{WORD}'"
            elif step.startswith("count_actors"):
                out = toolkit.count_actors(corpus)
                result["note"] = f"{int(out['mentions'].sum()):,} mentions"
            elif step == "count_frames":
                out = toolkit.count_frames(corpus)
                result["note"] = f"{int(out['mentions'].sum()):,} cue hits"
        result["time"] = time.perf_counter() - t
    result["main_rss"] = _vm_hwm(os.getpid())
    result["worker_rss"] = max(workers.peaks.values(), default=0)
    return result


def run_memory_steps(source: str) -> list[dict]:
    """The in-memory peer on one corpus: load, then the analyses, in one process
    (as a researcher would), each step timed; memory is the process's peak."""
    import toolkit

    results = []
    t = time.perf_counter()
    corpus = toolkit.load_corpus(source, progress=False, duplicates="keep")
    results.append(
        {"step": "load", "time": time.perf_counter() - t, "note": f"{len(corpus):,} docs"}
    )
    for step, call in (
        ("kwic", lambda: toolkit.kwic(corpus, WORD)),
        ("count_actors", lambda: toolkit.count_actors(corpus)),
        ("count_frames", lambda: toolkit.count_frames(corpus)),
    ):
        t = time.perf_counter()
        out = call()
        row = {"step": step, "time": time.perf_counter() - t}
        row["note"] = (
            f"{len(out):,} hits of '{WORD}' (with the index build)"
            if step == "kwic"
            else f"{int(out['mentions'].sum()):,} {'mentions' if step == 'count_actors' else 'cue hits'}"
        )
        results.append(row)
    peak = _vm_hwm(os.getpid())
    for row in results:
        row["main_rss"] = peak  # one process: its peak over all steps
        row["worker_rss"] = 0
    return results


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# ------------------------------------------------------------------ the driver


def _child(args: list[str]) -> list[dict]:
    out = subprocess.run(
        [sys.executable, str(HERE), *args], capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise RuntimeError(f"step {args} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(scale: int, source: Path, work: Path, runs: int) -> list[dict]:
    """Every step on one corpus, each ``runs`` times in a fresh process: the store
    is written anew each run (the first is kept for the analyses), the tables a
    first count keeps are removed before each of its runs."""
    stores = [work / f"store-x{scale}-{r}" for r in range(runs)]
    out = [_median([_child(["--step", "store", str(source), str(s)])[0] for s in stores])]
    _report(scale, out[-1])
    for extra in stores[1:]:
        shutil.rmtree(extra)
    store = stores[0]
    for step in STEPS[1:]:
        results = []
        for _ in range(runs):
            if step == "count_actors":
                _drop_cache(store, "*")
            elif step == "count_frames":
                _drop_cache(store, "frames-*")
            results.append(_child(["--step", step, str(source), str(store)])[0])
        out.append(_median(results))
        _report(scale, out[-1])
    shutil.rmtree(store)
    for row in out:
        row["scale"] = scale
    return out


def _report(scale: int, row: dict) -> None:
    """Each step's result as it comes, on the error stream (the table is printed
    at the end), so that a long run that is stopped still says what it measured."""
    print(f"x{scale} {json.dumps(row)}", file=sys.stderr, flush=True)


def _drop_cache(store: Path, pattern: str) -> None:
    """Remove the tables kept beside each partition (those matching ``pattern``)."""
    for file in store.glob(f"part-*/cache/*/{pattern}"):
        file.unlink()


def _median(rows: list[dict]) -> dict:
    row = dict(rows[0])
    row["time"] = statistics.median(r["time"] for r in rows)
    row["main_rss"] = max(r["main_rss"] for r in rows)
    row["worker_rss"] = max(r["worker_rss"] for r in rows)
    row["runs"] = len(rows)
    return row


def print_table(rows: list[dict], memory: list[dict], words: dict[int, int]) -> None:
    def t(s):
        return f"{s * 1000:.0f} ms" if s < 1 else f"{s:,.1f} s"

    def m(b):
        return "" if not b else f"{b / 2**30:.2f} GiB"

    header = (
        f"{'corpus':8} {'words':>12} {'step':22} {'time':>10} {'s per M words':>14} "
        f"{'main RSS':>9} {'worker RSS':>11} {'runs':>4}  result"
    )
    print(header)
    print("-" * len(header))
    base = None
    for row in rows:
        w = words[row["scale"]]
        per = row["time"] / (w / 1e6)
        if row["step"] == "store" and base is None:
            base = per
        ratio = f" ({per / base:.2f}x 1x)" if row["step"] == "store" and base else ""
        print(
            f"{str(row['scale']) + 'x store':8} {w:>12,} {row['step']:22} {t(row['time']):>10} "
            f"{per:>14.2f} {m(row['main_rss']):>9} {m(row['worker_rss']):>11} {row['runs']:>4}  "
            f"{row['note']}{ratio}"
        )
    if memory:
        print("-" * len(header))
        w = words[1]
        for row in memory:
            print(
                f"{'1x mem':8} {w:>12,} {row['step']:22} {t(row['time']):>10} "
                f"{row['time'] / (w / 1e6):>14.2f} {m(row['main_rss']):>9} {'':>11} "
                f"{row['runs']:>4}  {row['note']}"
            )
        by_step = {r["step"]: r for r in rows if r["scale"] == 1}
        print()
        print("1x, store against memory (same corpus, same run):")
        for row in memory:
            other = by_step.get({"load": "store"}.get(row["step"], row["step"]))
            if other:
                print(f"  {row['step']:14} store {t(other['time']):>9}  memory {t(row['time']):>9}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 8, 40])
    parser.add_argument("--runs", type=int, default=3, help="runs per step at 1x (median)")
    parser.add_argument("--big-runs", type=int, default=1, help="runs per step above 1x")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--memory", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step or args.memory:  # a measured child process
        sys.path.insert(0, str(HERE.parents[1]))
        if args.memory:
            results = run_memory_steps(args.paths[0])
        else:
            results = [run_step(args.step, *args.paths)]
        print(json.dumps(results))
        return 0
    if not REUTERS.exists():
        print(REUTERS_MISSING)
        return 0
    rows, memory, words = [], [], {}
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        work = Path(tmp)
        for scale in args.scales:
            source = write_source(scale, work)
            runs = args.runs if scale == 1 else args.big_runs
            measured = measure(scale, source, work, runs)
            words[scale] = measured[0]["words"]
            rows.extend(measured)
            if scale == 1:
                runs_memory = [_child(["--memory", str(source)]) for _ in range(args.runs)]
                memory = [_median([r[i] for r in runs_memory]) for i in range(len(runs_memory[0]))]
            source.unlink()
            print(f"x{scale} done", file=sys.stderr, flush=True)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(
        f"Reuters-21578 repeated 1, 8 and 40 times (new ids per copy); store built with "
        f"{cores} worker processes (the default executor); main RSS is the peak resident "
        "memory of the measured process, worker RSS the largest of its workers'"
    )
    print()
    print_table(rows, memory, words)
    return 0


if __name__ == "__main__":
    sys.exit(main())

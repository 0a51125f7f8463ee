"""What every benchmark script shares: where the data is, how a step is timed
and its memory traced, and how Reuters-21578 is read and loaded.

The scripts import it as ``from _common import ...`` (Python puts a script's own
folder first on its path); importing it also puts the project root on the path,
so the scripts measure the toolkit in this checkout.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
REUTERS = SHARED / "corpus" / "reuters21578" / "reuters21578.jsonl"
REUTERS_MISSING = (
    "Reuters-21578 not found at ../shared/corpus/reuters21578/reuters21578.jsonl "
    "beside the project; nothing to measure."
)


def median_time(fn, runs: int, *, warm_up: bool = False, gc_off: bool = False) -> tuple[float, Any]:
    """Median wall time of ``runs`` calls of ``fn`` and the last result.

    ``warm_up`` makes one untimed call first. By default a full garbage
    collection runs before every call, outside the timing, so that no call pays
    for another's garbage. ``gc_off`` instead times each call with the cyclic
    collector paused, as ``timeit`` does, after one collection before the
    series: a collection over the hundreds of megabytes an index holds would
    otherwise land in some calls and not others, and one forced before every
    call leaves the CPU caches cold for a sub-millisecond query.
    """
    result = fn() if warm_up else None
    times = []
    gc.collect()
    for _ in range(runs):
        if gc_off:
            gc.disable()
        else:
            gc.collect()
        try:
            t = time.perf_counter()
            result = fn()
            times.append(time.perf_counter() - t)
        finally:
            gc.enable()
    return statistics.median(times), result


def peak_memory(fn) -> int:
    """Peak bytes traced by tracemalloc (numpy arrays included) while ``fn`` runs once."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def read_records(path: Path, limit: int | None = None) -> list[dict]:
    """The items of a JSONL file with non-empty text (the first ``limit`` of them)."""
    records = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if (record.get("text") or "").strip():
                records.append(record)
            if limit and len(records) >= limit:
                break
    return records


def load_reuters(limit: int | None = None, *, index: bool = True):
    """Reuters-21578 as a toolkit corpus (the first ``limit`` non-empty items, or
    all of them read straight from the file), with its token index built."""
    import pandas as pd

    import toolkit
    from toolkit.corpus.index import corpus_index

    source = pd.DataFrame(read_records(REUTERS, limit)) if limit else REUTERS
    corpus = toolkit.load_corpus(source, progress=False)
    if index:
        corpus_index(corpus)
    return corpus

"""Near-duplicate detection on Reuters-21578: find_duplicates (MinHash/LSH, then an
exact check of each candidate) against comparing every pair exactly.

Prints a table of median times (``--runs`` runs each):

* ``find_duplicates`` on the whole corpus (about 19,800 non-empty items), with the
  number of pairs and of groups (documents linked by pairs) it finds;
* on the first ``--subset`` items (2,000 by default): ``find_duplicates`` and the
  peer, all pairs compared exactly (the Jaccard similarity of the two documents'
  word 3-gram sets, as Python sets), and how many of the peer's pairs
  ``find_duplicates`` found (recall; its precision is 1 by construction, since
  every candidate is checked exactly).

The load itself (with ``duplicates="keep"``) is not timed.

Usage::

    python benchmarks/bench_duplicates.py [--runs 3] [--subset 2000] [--threshold 0.9]
"""

from __future__ import annotations

import argparse
import itertools
import sys

from _common import REUTERS, REUTERS_MISSING, median_time, read_records


def all_pairs(texts: list[str], threshold: float) -> set[tuple[int, int]]:
    """Every pair at or above the threshold, each pair compared exactly."""
    from toolkit.corpus.duplicates import document_shingles

    values, bounds = document_shingles(texts)
    sets = [set(values[a:b].tolist()) for a, b in itertools.pairwise(bounds)]
    found = set()
    for i, j in itertools.combinations(range(len(sets)), 2):
        a, b = sets[i], sets[j]
        if not a or not b:
            continue
        shared = len(a & b)
        if shared / (len(a) + len(b) - shared) >= threshold:
            found.add((i, j))
    return found


def _groups(pairs) -> int:
    return pairs["group"].nunique() if len(pairs) else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per step (median)")
    parser.add_argument("--subset", type=int, default=2000, help="items compared all-pairs")
    parser.add_argument("--threshold", type=float, default=0.9)
    args = parser.parse_args()
    if not REUTERS.exists():
        print(REUTERS_MISSING)
        return 0
    import pandas as pd

    import toolkit

    records = read_records(REUTERS)
    corpus = toolkit.load_corpus(pd.DataFrame(records), progress=False, duplicates="keep")
    small = corpus.subset(list(corpus.docs.doc_id[: args.subset]))
    t = args.threshold

    full_time, full = median_time(lambda: toolkit.find_duplicates(corpus, threshold=t), args.runs)
    lsh_time, lsh = median_time(lambda: toolkit.find_duplicates(small, threshold=t), args.runs)
    peer_time, peer = median_time(lambda: all_pairs(list(small.docs.text), t), args.runs)

    position = {d: k for k, d in enumerate(small.docs.doc_id)}
    found = {
        tuple(sorted((position[a], position[b])))
        for a, b in zip(lsh.doc_id, lsh.duplicate_of, strict=True)
    }
    recall = len(found & peer) / len(peer) if peer else 1.0

    rows = [
        ("find_duplicates (MinHash/LSH)", len(corpus), full_time, len(full), _groups(full), ""),
        (
            "find_duplicates (MinHash/LSH)",
            len(small),
            lsh_time,
            len(lsh),
            _groups(lsh),
            f"{peer_time / lsh_time:.1f}x faster",
        ),
        ("all pairs, exact (peer)", len(small), peer_time, len(peer), "", "1.0"),
    ]
    print(
        f"Near-duplicates on Reuters-21578 (Jaccard of word 3-grams >= {t}), median of {args.runs} runs"
    )
    print()
    print("| method | documents | seconds | pairs | groups | vs all pairs |")
    print("|---|---:|---:|---:|---:|---|")
    for name, n, seconds, pairs, groups, ratio in rows:
        print(f"| {name} | {n:,} | {seconds:.2f} | {pairs:,} | {groups} | {ratio} |")
    print()
    print(
        f"recall of find_duplicates against all pairs on the subset: {recall:.3f} "
        f"({len(found & peer)} of {len(peer)} pairs)"
    )
    biggest = full.groupby("group").size().sort_values(ascending=False).head(3)
    print(
        "largest groups (earliest document: pairs):",
        ", ".join(f"{g}: {n}" for g, n in biggest.items()),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

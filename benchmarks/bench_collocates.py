"""Collocates and keyness speed on Reuters-21578 (about 2.6 million words).

Prints a table of median times (several runs each, after one warm-up run):

* build: load the JSONL file + tokenize + index (timed separately, once per run
  of ``--build-runs``; the analysis steps reuse the cached index, as they do in a
  notebook session);
* collocates of a frequent word (``said``) and of a phrase (``interest rates``),
  window 5, the default logDice ordering and stopwords;
* keyness of one month (``--month``, by default March 1987) against the rest of
  the corpus.

No peer is timed in the same run: NLTK has no node-window collocation table with
these measures and quanteda/AntConc are not Python. The row counts printed under
the table let the results be checked against another tool by hand.

Usage::

    python benchmarks/bench_collocates.py [--runs 7] [--build-runs 1] [--limit N] [--month 1987-03]
"""

from __future__ import annotations

import argparse
import sys

from _common import REUTERS, REUTERS_MISSING, load_reuters, median_time


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7, help="runs per step (median)")
    parser.add_argument("--build-runs", type=int, default=1, help="runs of the build (median)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    parser.add_argument("--month", default="1987-03", help="the keyness target month (YYYY-MM)")
    args = parser.parse_args()
    if not REUTERS.exists():
        print(REUTERS_MISSING)
        return 0

    import toolkit
    from toolkit.corpus.index import corpus_index

    t_build, corpus = median_time(lambda: load_reuters(args.limit), args.build_runs)
    idx = corpus_index(corpus)
    month = corpus.docs["date"].dt.strftime("%Y-%m") == args.month

    steps = [
        ("collocates", "said", lambda: toolkit.collocates(corpus, "said")),
        ("collocates", "interest rates", lambda: toolkit.collocates(corpus, "interest rates")),
        (
            "keyness",
            f"{args.month} vs rest",
            lambda: toolkit.keyness(corpus, month.to_numpy()),
        ),
    ]
    rows = [("build (load + tokenize + index)", "", t_build, None)]
    for step, what, fn in steps:
        t, table = median_time(fn, args.runs, warm_up=True)
        rows.append((step, what, t, table))

    print(
        f"Corpus: {len(corpus):,} documents, {idx.n_tokens:,} tokens, "
        f"{len(idx.word_pos):,} words; {int(month.sum()):,} documents dated {args.month}"
    )
    print()
    header = f"{'step':34} {'input':22} {'median':>10} {'rows':>8}"
    print(header)
    print("-" * len(header))
    for step, what, t, table in rows:
        shown = f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s"
        n = "" if table is None else f"{len(table):,}"
        print(f"{step:34} {what:22} {shown:>10} {n:>8}")
    print()
    print(f"median of {args.runs} runs after a warm-up run; build: median of {args.build_runs}")
    for step, what, _, table in rows[1:]:
        key = "collocate" if step == "collocates" else "term"
        top = ", ".join(table[key].head(8).tolist())
        print(f"top {step} ({what}): {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

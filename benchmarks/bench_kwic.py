"""Keyword-in-context speed and memory: toolkit.kwic against NLTK and textacy.

Runs in one process on the same documents (the non-empty items of Reuters-21578,
about 2.6 million words) and prints a table:

* build: load the JSONL file + tokenize + index (NLTK: NLTKWordTokenizer over every
  document + ConcordanceIndex over all tokens);
* query: median time (garbage collector paused during each call, as timeit
  does, for every system alike) for all hits of a pattern with their left/keyword/right
  strings materialised (toolkit: the kwic DataFrame, window 5 words; NLTK:
  ConcordanceIndex.find_concordance, width 80; textacy: keyword_in_context over
  every document with a word-bounded, case-insensitive regex, window 50 chars);
* the explorer: median time for the KWIC explorer to show a new pattern (search,
  HTML table, dispersion strip);
* memory: peak traced memory of the build and index bytes per token.

Usage::

    python benchmarks/bench_kwic.py [--runs 7] [--limit N]

textacy is measured when it is importable (it is not a dependency of the toolkit).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import re
import statistics
import sys
import time
import tracemalloc

from _common import REUTERS, REUTERS_MISSING, load_reuters, median_time, read_records

QUERIES = [("frequent word", "said"), ("rare word", "refugees"), ("phrase", "interest rates")]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7, help="runs per query (median)")
    parser.add_argument("--build-runs", type=int, default=3, help="runs of each build (median)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    args = parser.parse_args()
    if not REUTERS.exists():
        print(REUTERS_MISSING)
        return 0

    from nltk.text import ConcordanceIndex
    from nltk.tokenize import NLTKWordTokenizer

    import toolkit
    from toolkit.corpus.index import corpus_index
    from toolkit.widgets import KwicExplorer

    def load_toolkit():
        return load_reuters(args.limit)

    def load_nltk():
        tokenizer = NLTKWordTokenizer()
        tokens: list[str] = []
        for record in read_records(REUTERS, args.limit):
            tokens.extend(tokenizer.tokenize(record["text"]))
        return tokens, ConcordanceIndex(tokens, key=lambda s: s.lower())

    rows = []
    t_build, corpus = median_time(load_toolkit, args.build_runs)
    idx = corpus_index(corpus)
    n_tokens = idx.n_tokens
    n_words = len(idx.word_pos)
    t_nltk_build, (nltk_tokens, ci) = median_time(load_nltk, args.build_runs)
    rows.append(("build (load + tokenize + index)", "", t_build, t_nltk_build, None))

    textacy_kwic = None
    with contextlib.suppress(ImportError):
        from textacy.extract.kwic import keyword_in_context as textacy_kwic
    texts = list(corpus.docs.text)

    counts = {}
    for label, pattern in QUERIES:
        t_tk, hits = median_time(lambda p=pattern: toolkit.kwic(corpus, p), args.runs, gc_off=True)
        words = pattern.split()
        query = words if len(words) > 1 else words[0]
        t_nl, lines = median_time(
            lambda q=query: ci.find_concordance(q, width=80), args.runs, gc_off=True
        )
        t_tx = None
        if textacy_kwic is not None:
            rx = re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
            t_tx, tx_hits = median_time(
                lambda r=rx: [h for t in texts for h in textacy_kwic(t, r, window_width=50)],
                max(1, args.runs // 2),
                gc_off=True,
            )
            counts[pattern] = (len(hits), len(lines), len(tx_hits))
        else:
            counts[pattern] = (len(hits), len(lines), None)
        rows.append((f"query: {label}", pattern, t_tk, t_nl, t_tx))

    explorer = KwicExplorer(corpus)
    for _, pattern in QUERIES:

        def show(p=pattern):
            explorer.pattern.value = ""
            t = time.perf_counter()
            explorer.pattern.value = p
            return time.perf_counter() - t

        show()
        rows.append(
            (
                "explorer shows a new pattern",
                pattern,
                statistics.median(show() for _ in range(3)),
                None,
                None,
            )
        )

    gc.collect()
    tracemalloc.start()
    probe = load_toolkit()
    peak_tk = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del probe
    gc.collect()
    tracemalloc.start()
    tokens2, ci2 = load_nltk()
    peak_nl = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del tokens2, ci2

    print(
        f"Corpus: {len(corpus):,} documents, {n_tokens:,} toolkit tokens ({n_words:,} words), "
        f"{len(nltk_tokens):,} NLTK tokens; textacy {'measured' if textacy_kwic else 'not installed'}"
    )
    print()
    header = f"{'step':34} {'pattern':15} {'toolkit':>10} {'NLTK':>10} {'ratio':>8} {'textacy':>10} {'ratio':>8}"
    print(header)
    print("-" * len(header))

    def fmt(t):
        return "" if t is None else (f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s")

    for step, pattern, tk, nl, tx in rows:
        r_nl = f"{nl / tk:.1f}x" if nl else ""
        r_tx = f"{tx / tk:.1f}x" if tx else ""
        print(
            f"{step:34} {pattern:15} {fmt(tk):>10} {fmt(nl):>10} {r_nl:>8} {fmt(tx):>10} {r_tx:>8}"
        )
    print()
    print("ratio = peer time / toolkit time (higher is faster for the toolkit)")
    print(
        "hits (toolkit / NLTK / textacy): "
        + "; ".join(
            f"{p}: {a:,} / {b:,} / {'-' if c is None else f'{c:,}'}"
            for p, (a, b, c) in counts.items()
        )
    )
    print(
        f"peak traced memory of the build: toolkit {peak_tk / 2**20:,.0f} MiB, NLTK {peak_nl / 2**20:,.0f} MiB"
    )
    print(
        f"toolkit index memory: {idx.nbytes() / 2**20:,.1f} MiB = {idx.nbytes() / n_tokens:.1f} bytes per token"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

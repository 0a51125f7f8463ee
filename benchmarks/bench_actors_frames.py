"""Actors and frames at scale: find_actors, find_frames and collocates on Reuters-21578.

Runs on the non-empty items of Reuters-21578 (about 2.6 million words) with a
200-entry actor lexicon: the packaged Afghanistan 2021 lexicon grown with the
most frequent names :func:`toolkit.suggest_actors` finds in the corpus (each
name as a phrase; single words of five letters or more also as a capitalised
glob, ``Japan*``), the way a researcher grows a dictionary. Prints one row per stage:

* load + index: read the JSONL file, clean, tokenize, build the token index;
* quotations: :func:`toolkit.extract_quotes` (when the toolkit has it), the
  table every hit is joined with, with its default number of worker processes
  (one per core on a corpus this size); its time in one process is printed
  below the table for reference, with a check that both tables are the same;
* find_actors / find_frames: every mention / cue hit with voice and speaker,
  given the quotation table;
* count_actors (by month, people rolled up) / count_frames (by voice);
* collocates of ``withdraw*`` and ``defeat*``;

with the median wall time of several runs and the peak memory traced while
the stage runs once more under tracemalloc (Python allocations, numpy arrays
included). "analysis" sums the stages after loading; "end to end" adds the
load. No peer is named for this task, so there is no ratio column.

Usage::

    python benchmarks/bench_actors_frames.py [--runs 5] [--load-runs 3] [--limit N]
"""

from __future__ import annotations

import argparse
import sys

try:
    import resource
except ImportError:  # not on Unix
    resource = None

from _common import REUTERS, REUTERS_MISSING, load_reuters, peak_memory
from _common import median_time as timed

ENTRIES = 200


def grown_lexicon(corpus, entries: int):
    """The packaged actors plus the corpus's most frequent uncovered names."""
    import toolkit

    base = toolkit.load_lexicon("afghanistan-2021-actors")
    actors: dict[str, dict] = {}
    for row in base.entries.itertuples(index=False):
        pats = base.patterns[base.patterns["actor"] == row.actor]
        actors[row.actor] = {
            "type": row.type,
            "aliases": [
                {"pattern": p, "match": m, "case_sensitive": bool(c)}
                for p, m, c in zip(
                    pats["pattern"], pats["match"], pats["case_sensitive"], strict=True
                )
            ],
        }
        if isinstance(row.parent, str):
            actors[row.actor]["parent"] = row.parent
    seen = {p.lower() for p in base.patterns["pattern"]}
    for name in toolkit.suggest_actors(corpus, base, min_count=20)["name"]:
        if len(actors) >= entries:
            break
        if name in actors or name.lower() in seen:
            continue
        aliases: list = [name]
        seen.add(name.lower())
        glob = f"{name}*"
        if name.isalpha() and len(name) >= 5 and glob.lower() not in seen:
            # Japan* for Japan, Japanese; capitalised only, as a name is
            aliases.append({"pattern": glob, "case_sensitive": True})
            seen.add(glob.lower())
        actors[name] = {"type": "organisation", "aliases": aliases}
    return toolkit.load_lexicon({"name": "reuters-grown", "actors": actors})


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per stage (median)")
    parser.add_argument("--load-runs", type=int, default=3, help="runs of the load (median)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N items")
    args = parser.parse_args()
    if not REUTERS.exists():
        print(REUTERS_MISSING)
        return 0

    import pandas as pd

    import toolkit
    from toolkit.corpus.index import corpus_index

    def load():
        return load_reuters(args.limit)

    rows = []
    t_load, corpus = timed(load, args.load_runs)
    m_load = peak_memory(load)
    rows.append(("load + index", t_load, m_load, ""))
    idx = corpus_index(corpus)

    try:
        from toolkit.quotes.extract import extract_quotes
    except ImportError:
        extract_quotes = None
    serial = None
    if extract_quotes is not None:
        from toolkit.quotes.extract import worker_count

        n_workers = worker_count(None, list(corpus.docs["text"]))
        t_q, quotes = timed(lambda: extract_quotes(corpus), args.runs)
        m_q = peak_memory(lambda: extract_quotes(corpus))
        rows.append(
            (
                f"quotations (extract_quotes, {n_workers} proc)",
                t_q,
                m_q,
                f"{len(quotes):,} pieces",
            )
        )
        if n_workers > 1:
            t_1, one = timed(lambda: extract_quotes(corpus, workers=1), args.runs)
            same = "same table" if one.equals(quotes) else "DIFFERENT TABLE"
            serial = (t_1, f"{same}; {t_1 / t_q:.1f}x the time of {n_workers} processes")
    else:
        quotes = pd.DataFrame({"doc_id": [], "start": [], "end": [], "kind": [], "speaker": []})
        rows.append(("quotations: not measured", None, None, "toolkit.quotes absent"))

    lexicon = grown_lexicon(corpus, ENTRIES)
    frames = toolkit.load_lexicon("afghanistan-2021-frames")

    def find_actors():
        return toolkit.find_actors(corpus, lexicon, quotes=quotes)

    def find_frames():
        return toolkit.find_frames(corpus, frames, quotes=quotes)

    t, mentions = timed(find_actors, args.runs)
    rows.append(("find_actors", t, peak_memory(find_actors), f"{len(mentions):,} mentions"))

    def count_actors():
        return toolkit.count_actors(
            corpus, lexicon, by="month", rollup=True, quotes=quotes, mentions=mentions
        )

    t, counts = timed(count_actors, args.runs)
    rows.append(
        ("count_actors by month, rolled up", t, peak_memory(count_actors), f"{len(counts):,} rows")
    )

    t, hits = timed(find_frames, args.runs)
    rows.append(("find_frames", t, peak_memory(find_frames), f"{len(hits):,} cue hits"))

    def count_frames():
        return toolkit.count_frames(corpus, frames, by="voice", quotes=quotes, hits=hits)

    t, fcounts = timed(count_frames, args.runs)
    rows.append(("count_frames by voice", t, peak_memory(count_frames), f"{len(fcounts):,} rows"))

    for node in ("withdraw*", "defeat*"):

        def colloc(node=node):
            return toolkit.collocates(corpus, node, window=5)

        t, table = timed(colloc, args.runs)
        rows.append((f"collocates {node}", t, peak_memory(colloc), f"{len(table):,} collocates"))

    n_words = len(idx.word_pos)
    print(
        f"Corpus: {len(corpus):,} documents, {idx.n_tokens:,} tokens ({n_words:,} words); "
        f"lexicon: {len(lexicon):,} actors, {len(lexicon.patterns):,} patterns; "
        f"frames: {len(frames):,} frames, {len(frames.patterns):,} cues; "
        f"median of {args.runs} runs ({args.load_runs} for the load)"
    )
    print()
    header = f"{'stage':36} {'time':>10} {'peak memory':>12}  result"
    print(header)
    print("-" * len(header))

    def fmt_t(t):
        return "" if t is None else (f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s")

    def fmt_m(m):
        return "" if m is None else f"{m / 2**20:,.0f} MiB"

    for stage, t, m, note in rows:
        print(f"{stage:36} {fmt_t(t):>10} {fmt_m(m):>12}  {note}")
    analysis = sum(t for stage, t, _, _ in rows[1:] if t is not None)
    print("-" * len(header))
    print(f"{'analysis (every stage after loading)':36} {fmt_t(analysis):>10}")
    print(f"{'end to end (with load + index)':36} {fmt_t(analysis + t_load):>10}")
    if serial is not None:
        print()
        print(
            f"{'for reference, quotations in 1 proc':36} {fmt_t(serial[0]):>10} {'':>12}  {serial[1]}"
        )
    if resource is not None and serial is not None:  # worker processes ran
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            "Peak memory is traced in this process only; the largest worker process "
            f"reached {child:,.0f} MiB resident (its whole interpreter, and the pages a "
            "forked worker shares with this process, included)."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

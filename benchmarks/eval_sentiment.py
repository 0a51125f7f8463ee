"""Sentiment scores against human judgement on VADER's New York Times snippets.

Reads ``../shared/eval/vader-nyt-editorial-snippets.tsv`` (5,190 editorial
snippets; tab-separated ``id, rating, text`` without a header; the rating is the
mean of human raters on a -4 .. +4 scale) and prints one row per scorer: n,
Pearson r between the compound score and the human rating with its 95% interval
(Fisher z), Spearman rho, and the median time to score every snippet over
``--runs`` runs with its ratio to NLTK's VADER measured in the same run.
VADER's authors report r = 0.49 for VADER on this set.

Scorers:

* ``toolkit.score_sentiment`` with VADER (the ``vaderSentiment`` package);
* NLTK's own VADER implementation, when NLTK's ``sentiment/vader_lexicon.zip``
  can be found (set ``NLTK_DATA``); otherwise the row says it was skipped;
* the user-lexicon paths of ``score_sentiment``, measured only with lexicons
  already on disk (nothing is downloaded):
  - VADER format: NLTK's copy of ``vader_lexicon.txt`` passed as ``lexicon=``;
  - Lexicoder format: the Hu & Liu opinion lexicon (NLTK's
    ``corpora/opinion_lexicon``) written as a ``+positive`` / ``+negative``
    dictionary, scored as tone;
  - ``--lexicon FILE``: a lexicon of your own (e.g. the Lexicoder Sentiment
    Dictionary, ``LSD2015.lc3``).

Usage::

    NLTK_DATA=../shared/nltk_data python benchmarks/eval_sentiment.py [--runs 5] [--lexicon FILE]
"""

from __future__ import annotations

import argparse
import csv
import math
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SNIPPETS = ROOT.parent / "shared" / "eval" / "vader-nyt-editorial-snippets.tsv"
REPORTED_R = 0.49

import toolkit  # noqa: E402


def read_snippets(path: Path) -> pd.DataFrame:
    table = pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=["id", "rating", "text"],
        quoting=csv.QUOTE_NONE,
        dtype={"id": str, "text": str},
        keep_default_na=False,
    )
    if table["rating"].dtype.kind != "f" or (table["text"] == "").any():
        raise SystemExit(f"{path.name}: expected 'id<TAB>rating<TAB>text' on every line")
    return table


def median_time(fn: Callable[[], np.ndarray], runs: int) -> tuple[float, np.ndarray]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def correlations(scores: np.ndarray, ratings: np.ndarray) -> dict[str, float]:
    ok = ~np.isnan(scores)
    x, y = scores[ok], ratings[ok]
    n = len(x)
    r = float(np.corrcoef(x, y)[0, 1])
    half = 1.96 / math.sqrt(n - 3)
    rho = float(np.corrcoef(pd.Series(x).rank(), pd.Series(y).rank())[0, 1])
    return {
        "n": n,
        "r": r,
        "r_low": math.tanh(math.atanh(r) - half),
        "r_high": math.tanh(math.atanh(r) + half),
        "rho": rho,
    }


def nltk_resource(name: str) -> str | None:
    try:
        import nltk

        nltk.data.find(name)
    except (ImportError, LookupError):
        return None
    return name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per scorer (median)")
    parser.add_argument("--lexicon", default=None, help="also measure this lexicon file")
    args = parser.parse_args()
    if not SNIPPETS.exists():
        where = Path("..", "shared", "eval", SNIPPETS.name)
        print(f"skipped: the evaluation set is not present ({where})")
        return 0
    data = read_snippets(SNIPPETS)
    ratings = data["rating"].to_numpy(dtype=float)
    texts = data[["text"]]
    rows: list[tuple[str, dict | str, float | None]] = []
    notes: list[str] = []

    def toolkit_scores(lexicon: str | Path | None = None) -> Callable[[], np.ndarray]:
        return lambda: toolkit.score_sentiment(texts, lexicon=lexicon)["compound"].to_numpy()

    seconds, ours = median_time(toolkit_scores(), args.runs)
    rows.append(
        ("toolkit.score_sentiment (vaderSentiment VADER)", correlations(ours, ratings), seconds)
    )

    nltk_seconds = None
    with tempfile.TemporaryDirectory() as tmp:
        vader_zip = nltk_resource("sentiment/vader_lexicon.zip")
        if vader_zip:
            import nltk
            from nltk.sentiment.vader import SentimentIntensityAnalyzer

            analyzer = SentimentIntensityAnalyzer()
            text_list = data["text"].tolist()
            nltk_seconds, theirs = median_time(
                lambda: np.array([analyzer.polarity_scores(t)["compound"] for t in text_list]),
                args.runs,
            )
            rows.append(
                ("NLTK VADER (nltk.sentiment.vader)", correlations(theirs, ratings), nltk_seconds)
            )
            same = float(np.mean(np.isclose(ours, theirs, atol=5e-5)))
            notes.append(
                f"toolkit and NLTK VADER give the same compound (to 4 places) on {same:.1%} "
                f"of snippets; r between them {np.corrcoef(ours, theirs)[0, 1]:.4f}"
            )
            lexicon_text = nltk.data.load(
                "sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt", format="text"
            )
            vader_file = Path(tmp, "nltk_vader_lexicon.txt")
            vader_file.write_text(lexicon_text, encoding="utf-8")
            seconds, scores = median_time(toolkit_scores(vader_file), args.runs)
            rows.append(
                (
                    "score_sentiment, lexicon= NLTK's vader_lexicon.txt (VADER format)",
                    correlations(scores, ratings),
                    seconds,
                )
            )
        else:
            rows.append(
                (
                    "NLTK VADER (nltk.sentiment.vader)",
                    "skipped: NLTK's sentiment/vader_lexicon.zip not found (set NLTK_DATA)",
                    None,
                )
            )
        if nltk_resource("corpora/opinion_lexicon"):
            from nltk.corpus import opinion_lexicon

            positive, negative = opinion_lexicon.positive(), opinion_lexicon.negative()
            usable = [w for w in (*positive, *negative) if "*" not in w and "?" not in w]
            dropped = len(positive) + len(negative) - len(usable)
            lc3 = Path(tmp, "hu_liu.lc3")
            lc3.write_text(
                "+positive\n"
                + "\n".join(w for w in positive if w in set(usable))
                + "\n+negative\n"
                + "\n".join(w for w in negative if w in set(usable))
                + "\n",
                encoding="utf-8",
            )
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                seconds, scores = median_time(toolkit_scores(lc3), args.runs)
            notes.extend(str(w.message).replace(str(lc3), lc3.name) for w in caught)
            rows.append(
                (
                    "score_sentiment, lexicon= Hu & Liu opinion lexicon (Lexicoder format, tone)",
                    correlations(scores, ratings),
                    seconds,
                )
            )
            notes.append(
                f"Hu & Liu lexicon: {len(positive):,} positive and {len(negative):,} negative "
                f"words; {dropped} containing * or ? left out (they would be wildcards)"
            )
        else:
            rows.append(
                (
                    "score_sentiment, Lexicoder format",
                    "skipped: NLTK's corpora/opinion_lexicon not found (set NLTK_DATA)",
                    None,
                )
            )
        if args.lexicon:
            seconds, scores = median_time(toolkit_scores(args.lexicon), args.runs)
            rows.append(
                (
                    f"score_sentiment, lexicon= {Path(args.lexicon).name}",
                    correlations(scores, ratings),
                    seconds,
                )
            )

    print(f"Sentiment against human ratings: {SNIPPETS.name} ({len(data):,} snippets)")
    print(f"median of {args.runs} runs; VADER's authors report r = {REPORTED_R} for VADER here\n")
    w = max(len(name) for name, _, _ in rows)
    header = (
        f"{'scorer':<{w}} {'n':>5} {'Pearson r':>9} {'95% CI':>15} {'Spearman':>8} "
        f"{'seconds':>8} {'vs NLTK':>7}"
    )
    print(header)
    print("-" * len(header))
    for name, result, seconds in rows:
        if isinstance(result, str):
            print(f"{name:<{w}} {result}")
            continue
        ratio = f"{seconds / nltk_seconds:.2f}x" if nltk_seconds and seconds is not None else "-"
        ci = f"[{result['r_low']:.3f}, {result['r_high']:.3f}]"
        print(
            f"{name:<{w}} {result['n']:>5} {result['r']:>9.3f} {ci:>15} {result['rho']:>8.3f} "
            f"{seconds:>8.2f} {ratio:>7}"
        )
    for note in notes:
        print(f"\n{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

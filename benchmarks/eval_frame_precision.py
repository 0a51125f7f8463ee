"""Precision of the default frame lexicon on a hand-coded sample of the White House corpus.

Reads two coding sheets in ``benchmarks/coding/`` (the corpus is US government
work in the public domain, so the coded sentences may be kept here):

* ``whitehouse-frames-100.xlsx``: 100 frame-cue hits of the default lexicon,
  drawn with ``python -m toolkit sample frames
  ../shared/corpus/whitehouse-afghanistan-2021/wh_afghanistan_2021_2022.jsonl
  -n 100 --seed 1 --by frame -o benchmarks/coding/whitehouse-frames-100.xlsx``;
* ``whitehouse-frames-excluded-40.xlsx``: 40 of the hits the lexicon's
  ``exclude`` and ``near`` rules removed (``toolkit.find_frames(corpus,
  excluded=True)``, sampled with seed 1 by frame), coded the same way: would
  they have been right?

and prints, per frame, the precision of the lexicon with its rules (Wilson 95%
interval), the precision of what the rules removed, and from the two the
estimated precision of the lexicon without its rules (each stratum weighted by
its number of hits). How the sheets were coded: ``benchmarks/coding/README.md``.

The script also draws both samples again from the corpus bundled in
``data/whitehouse-afghanistan-2021`` with the current lexicon and says whether
they are still the coded ones (a changed lexicon draws other units: code them
anew). ``toolkit/resources/coding/06-coded-whitehouse-frames.xlsx`` holds the
same 100 units with a second coder's codes (notebook 06 reports their agreement).

Usage::

    python benchmarks/eval_frame_precision.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import toolkit  # noqa: E402
from toolkit.analyses.validation import wilson_interval  # noqa: E402

CODING = ROOT / "benchmarks" / "coding"
KEPT = CODING / "whitehouse-frames-100.xlsx"
REMOVED = CODING / "whitehouse-frames-excluded-40.xlsx"
CORPUS = ROOT / "data" / "whitehouse-afghanistan-2021"  # bundled: public domain
KEY = ["unit_id", "doc_id", "start", "end"]


def precision_table(kept: pd.DataFrame, removed: pd.DataFrame) -> pd.DataFrame:
    """One row per frame and one for all: hits and precision with the rules, the
    removed hits and their precision, and the estimate without the rules."""
    after = toolkit.estimate_precision(kept, coder="coder_1", by="frame").set_index("frame")
    gone = toolkit.estimate_precision(removed, coder="coder_1", by="frame").set_index("frame")
    n_after = pd.Series(kept.attrs["sample"]["strata"])
    n_gone = pd.Series(removed.attrs["sample"]["strata"]).reindex(n_after.index).fillna(0)
    rows = []
    for frame in n_after.index:
        a = after.loc[frame]
        g = gone.loc[frame] if frame in gone.index else None
        p_gone = g["precision"] if g is not None else float("nan")
        right = n_after[frame] * a["precision"] + (n_gone[frame] * p_gone if n_gone[frame] else 0)
        rows.append(
            {
                "frame": frame,
                "hits": int(n_after[frame]),
                "coded": int(a["correct"] + a["wrong"]),
                "precision": a["precision"],
                "ci_low": a["ci_low"],
                "ci_high": a["ci_high"],
                "removed": int(n_gone[frame]),
                "removed_coded": int(g["correct"] + g["wrong"]) if g is not None else 0,
                "removed_precision": p_gone,
                "hits_before": int(n_after[frame] + n_gone[frame]),
                "precision_before": right / (n_after[frame] + n_gone[frame]),
            }
        )
    table = pd.DataFrame(rows)
    overall = toolkit.estimate_precision(kept, coder="coder_1").iloc[0]
    removed_all = toolkit.estimate_precision(removed, coder="coder_1").iloc[0]
    n_a, n_g = table["hits"].sum(), table["removed"].sum()
    low, high = wilson_interval(int(overall["correct"]), int(overall["correct"] + overall["wrong"]))
    total = {
        "frame": "all",
        "hits": n_a,
        "coded": int(overall["correct"] + overall["wrong"]),
        "precision": overall["precision"],
        "ci_low": low,
        "ci_high": high,
        "removed": n_g,
        "removed_coded": int(removed_all["correct"] + removed_all["wrong"]),
        "removed_precision": removed_all["precision"],
        "hits_before": n_a + n_g,
        "precision_before": (n_a * overall["precision"] + n_g * removed_all["precision"])
        / (n_a + n_g),
    }
    return pd.concat([table, pd.DataFrame([total])], ignore_index=True)


def check_samples(kept: pd.DataFrame, removed: pd.DataFrame) -> list[str]:
    """Draw both samples again from the corpus with the current lexicon."""
    if not CORPUS.exists():
        return ["(the White House corpus is not beside the project: samples not re-drawn)"]
    corpus = toolkit.load_corpus(CORPUS, progress=False)
    hits = toolkit.find_frames(corpus)
    gone = toolkit.find_frames(corpus, excluded=True)
    lines = []
    for name, coded, table, n in (("kept", kept, hits, 100), ("removed", removed, gone, 40)):
        again = toolkit.sample_for_coding(table, n=n, seed=1, by="frame", corpus=corpus)
        same = (
            again[KEY]
            .reset_index(drop=True)
            .equals(coded[KEY].astype(again[KEY].dtypes).reset_index(drop=True))
        )
        text = corpus.docs.set_index("doc_id")["text"]
        traced = all(
            text[d][a:b] == t
            for d, a, b, t in zip(coded.doc_id, coded.start, coded.end, coded.text, strict=True)
        )
        lines.append(
            f"{name} sample: {'the same units as coded' if same else 'OTHER units than coded: recode'}"
            f"; every coded unit {'slices' if traced else 'does NOT slice'} to its text"
        )
    return lines


def main() -> int:
    kept = toolkit.read_coding_sheet(KEPT)
    removed = toolkit.read_coding_sheet(REMOVED)
    table = precision_table(kept, removed)
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(table.round(3).to_string(index=False))
    print(
        "\nprecision, ci_low, ci_high: the lexicon with its exclude/near rules (Wilson 95%);"
        "\nremoved_precision: share of the hits the rules removed that were right;"
        "\nprecision_before: estimated precision without the rules (strata weighted by hits)."
    )
    for line in check_samples(kept, removed):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

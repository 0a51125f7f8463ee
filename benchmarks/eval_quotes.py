"""Quotation extraction and speaker attribution measured on PolNeAR.

Reads ``../shared/eval/polnear_dev.jsonl`` (84 political news articles of 2016),
``polnear_train.jsonl`` (630 more, 90 from each of 7 publishers) or both
(``--split dev|train|all``): one JSON record per paragraph, gold quotation
pieces with speaker and cue spans. It rebuilds each article by joining its paragraphs in ``para_index`` order with a
blank line, loads the articles with ``toolkit.load_corpus`` (default cleaning) and
compares ``toolkit.extract_quotes`` with the gold pieces. A naive baseline is
measured in the same run. Then it times ``extract_quotes`` on Reuters-21578.

Definitions (also printed with the results):

* Offsets. Cleaning replaces typographic quotes and non-breaking spaces one for
  one and may drop a paragraph (a trailing "Source:" line); gold offsets are
  mapped through ``corpus.paragraph_spans`` (``raw_start`` -> ``start``), and a
  gold piece in a dropped paragraph is reported and left out.
* Classes. Gold ``direct`` + ``mixed`` = QUOTED, gold ``indirect`` = INDIRECT,
  except that "indirect" pieces holding text between doubled apostrophes
  (''...'', which some NYT articles print for quotation marks) count as QUOTED;
  rows "kinds as given" keep PolNeAR's kinds unchanged.
  Predicted QUOTED = ``direct`` rows, ``indirect`` rows that contain ``partial``
  rows (reported speech with quoted words: what PolNeAR calls mixed),
  and ``partial`` rows standing alone (``part_of`` empty). Predicted INDIRECT =
  the other ``indirect`` rows. ``partial`` rows inside an
  ``indirect`` row are not scored on their own (their parent row is). Each gold
  piece of an attribution (``attribution_id``, ``piece``) is a separate span.
* Overlap of a predicted and a gold span = shared characters / gold length.
  One-to-one matching within a document and class, greedy by overlap (ties by
  position); a pair counts at overlap >= 0.3 and, separately, >= 0.8.
  Because overlap is measured against the gold length only, the table also
  gives the mean Jaccard (shared / union) of the matched pairs at 0.3, which
  penalises predicted spans that run long.
* Speaker accuracy, on the pairs matched at >= 0.3 whose gold has a speaker: a
  prediction is right when its ``speaker_mention`` span overlaps the gold
  speaker span, or when its resolved ``speaker`` names the same person as the
  gold (same last name word; the gold name is the gold mention when it is a
  name, else ``speaker_canonical_silver`` for a pronoun or description, so a
  pronoun resolved to the right person counts). The mention-span criterion
  alone is printed too. A gold speaker span on the word "said" alone (a slip in
  '"...," said X') is taken to mean the mention right after it.
* Baseline (same run): pair the quotation marks; the speaker is the run of
  capitalised words next to the nearest said/says/say in the sentence.
* Halves: documents sorted by id, even and odd positions; the rules were
  developed looking at half A's errors, half B is the check.
* All pieces: quoted and indirect together, matched regardless of class (a
  quoted gold piece found as an indirect row counts here).
* Publishers: the same scores for the documents of each publisher.

Usage::

    python benchmarks/eval_quotes.py [--split dev|train|all] [--reuters N] [--runs 3]
                                     [--errors FILE]
"""

from __future__ import annotations

import argparse
import bisect
import collections
import json
import re
import statistics
import time
from pathlib import Path

from _common import REUTERS, SHARED, load_reuters

SPLITS = {
    "dev": ("polnear_dev.jsonl",),
    "train": ("polnear_train.jsonl",),
    "all": ("polnear_dev.jsonl", "polnear_train.jsonl"),
}
THRESHOLDS = (0.3, 0.8)
CLASSES = ("quoted", "indirect")
SCORED = (*CLASSES, "all")  # "all": every piece, matched regardless of class
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}


# ------------------------------------------------------------------ gold data


def load_polnear(paths: list[Path]):
    """Articles as a DataFrame, gold pieces with offsets into the rebuilt text, and
    each article's publisher."""
    import pandas as pd

    paragraphs = collections.defaultdict(list)
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                paragraphs[record["doc"]].append(record)
    publisher = {doc: records[0]["publisher"] for doc, records in paragraphs.items()}
    texts, gold = {}, []
    for doc, records in sorted(paragraphs.items()):
        records.sort(key=lambda r: r["para_index"])
        offset, parts = 0, []
        for r in records:
            for q in r["quotes"]:
                has_speaker = q["speaker_start"] is not None
                gold.append(
                    {
                        "doc_id": doc,
                        "start": offset + q["start"],
                        "end": offset + q["end"],
                        "kind": q["kind"],
                        "cls": _gold_class(q["kind"], r["text"][q["start"] : q["end"]]),
                        "cls_given": "indirect" if q["kind"] == "indirect" else "quoted",
                        "speaker": q["speaker"],
                        "speaker_start": offset + q["speaker_start"] if has_speaker else None,
                        "speaker_end": offset + q["speaker_end"] if has_speaker else None,
                        "silver": q["speaker_canonical_silver"],
                        "attribution": q["attribution_id"],
                        "cue": q["cue"] or "",
                    }
                )
            parts.append(r["text"])
            offset += len(r["text"]) + 2
        texts[doc] = "\n\n".join(parts)
    frame = pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())})
    return frame, texts, gold, publisher


def _gold_class(kind: str, text: str) -> str:
    """QUOTED for direct and mixed pieces, and for the "indirect" pieces that hold
    text between doubled apostrophes (''...''), which some of the articles print
    for quotation marks and which PolNeAR's kind labels did not count as marks."""
    if kind != "indirect" or "''" in text:
        return "quoted"
    return "indirect"


def map_offsets(corpus, texts: dict[str, str], gold: list[dict]) -> tuple[list[dict], dict]:
    """Map gold offsets from the rebuilt text to ``docs.text``."""
    spans = corpus.paragraph_spans
    by_doc = {}
    for doc, group in spans.groupby("doc_id", observed=True):
        by_doc[str(doc)] = (
            group["raw_start"].tolist(),
            group["raw_end"].tolist(),
            group["start"].tolist(),
        )
    identical = sum(
        1
        for d, t in zip(corpus.docs["doc_id"], corpus.docs["text"], strict=True)
        if t == texts[d].translate(_normalise_table())
    )

    def to_text(doc: str, pos: int | None, end: bool = False) -> int | None:
        if pos is None:
            return None
        raw_start, raw_end, start = by_doc[doc]
        i = bisect.bisect_right(raw_start, pos - (1 if end else 0)) - 1
        if i < 0 or pos > raw_end[i] or (not end and pos >= raw_end[i]):
            return None
        return start[i] + pos - raw_start[i]

    mapped, lost = [], 0
    for g in gold:
        a, b = to_text(g["doc_id"], g["start"]), to_text(g["doc_id"], g["end"], end=True)
        if a is None or b is None:
            lost += 1
            continue
        h = dict(g, start=a, end=b)
        h["speaker_start"] = to_text(g["doc_id"], g["speaker_start"])
        h["speaker_end"] = to_text(g["doc_id"], g["speaker_end"], end=True)
        mapped.append(h)
    return mapped, {"identical": identical, "documents": len(texts), "lost": lost}


def _normalise_table():
    from toolkit.corpus.cleaning import NORMALISE as _NORMALISE

    return _NORMALISE


# --------------------------------------------------------------- predictions


def toolkit_predictions(quotes, nested: bool = False) -> list[dict]:
    """The rows as predicted pieces; ``nested`` rows (attributions inside what
    another row reports) only when ``nested`` is true."""
    if not nested and "nested" in quotes:
        quotes = quotes[~quotes["nested"].fillna(False).astype(bool).to_numpy()]
    parents = {
        (str(d), int(p))
        for d, p in zip(quotes["doc_id"], quotes["part_of"], strict=True)
        if not _missing(p)
    }
    out = []
    for r in quotes.itertuples(index=False):
        kind = str(r.kind)
        if kind == "partial" and not _missing(r.part_of):
            continue
        # an indirect row with partial quotations inside is what PolNeAR calls mixed
        mixed = (str(r.doc_id), int(r.quote_id)) in parents
        cls = "indirect" if kind == "indirect" and not mixed else "quoted"
        out.append(
            {
                "doc_id": str(r.doc_id),
                "start": int(r.start),
                "end": int(r.end),
                "cls": cls,
                "kind": kind,
                "speaker": None if _missing(r.speaker) else str(r.speaker),
                "speaker_start": None if _missing(r.speaker_start) else int(r.speaker_start),
                "speaker_end": None if _missing(r.speaker_end) else int(r.speaker_end),
                "mention": None if _missing(r.speaker_mention) else str(r.speaker_mention),
                "evidence": str(r.evidence),
                "cue_type": None if _missing(r.cue_type) else str(r.cue_type),
            }
        )
    return out


def _missing(value) -> bool:
    import pandas as pd

    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


_SAY = re.compile(r"\b(?:said|says|say)\b")
_CAPS = re.compile(r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*")


def baseline_predictions(corpus) -> list[dict]:
    """The naive baseline: pair the quotation marks of each paragraph; the speaker
    is the run of capitalised words right before or right after the nearest
    "said"/"says"/"say" in the sentence (no pronouns, no resolution)."""
    from toolkit.text.quote_marks import quotation_spans
    from toolkit.text.sentences import split_sentences

    spans = corpus.paragraph_spans
    out = []
    for doc, text in zip(corpus.docs["doc_id"], corpus.docs["text"], strict=True):
        group = spans[spans["doc_id"] == doc]
        paras = list(zip(group["start"].tolist(), group["end"].tolist(), strict=True))
        sentences = split_sentences(text, paras)
        starts = [a for a, _ in sentences]
        for a, b, _closed in quotation_spans(text, paras):
            i = max(0, bisect.bisect_right(starts, a) - 1)
            s_start, s_end = sentences[i]
            pred = {"doc_id": str(doc), "start": a, "end": b, "cls": "quoted", "kind": "direct"}
            pred.update(speaker=None, speaker_start=None, speaker_end=None, mention=None)
            best = None
            for m in _SAY.finditer(text, s_start, s_end):
                if a <= m.start() < b:
                    continue
                distance = m.start() - b if m.start() >= b else a - m.end()
                if best is None or distance < best[0]:
                    best = (distance, m)
            if best is not None:
                m = best[1]
                after = _CAPS.match(text, m.end() + 1) if m.end() + 1 < s_end else None
                before = None
                for c in _CAPS.finditer(text, max(s_start, m.start() - 60), m.start()):
                    if c.end() == m.start() - 1:
                        before = c
                name = before or after
                if name is not None:
                    pred.update(
                        speaker=name.group(),
                        speaker_start=name.start(),
                        speaker_end=name.end(),
                        mention=name.group(),
                    )
            out.append(pred)
    return out


# ------------------------------------------------------------------- scoring


def match(gold: list[dict], pred: list[dict], threshold: float):
    """One-to-one pairs (gold index, pred index, overlap), greedy by overlap."""
    by_doc = collections.defaultdict(lambda: ([], []))
    for i, g in enumerate(gold):
        by_doc[g["doc_id"]][0].append(i)
    for j, p in enumerate(pred):
        by_doc[p["doc_id"]][1].append(j)
    pairs = []
    for gi, pj in by_doc.values():
        candidates = []
        for i in gi:
            g = gold[i]
            glen = max(1, g["end"] - g["start"])
            for j in pj:
                p = pred[j]
                shared = min(g["end"], p["end"]) - max(g["start"], p["start"])
                if shared <= 0:
                    continue
                overlap = shared / glen
                if overlap >= threshold:
                    candidates.append((-overlap, g["start"], p["start"], i, j))
        candidates.sort()
        used_g, used_p = set(), set()
        for neg, _, _, i, j in candidates:
            if i in used_g or j in used_p:
                continue
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j, -neg))
    return pairs


def speaker_right(g: dict, p: dict) -> tuple[bool, bool]:
    """(right by either criterion, right by mention span alone)."""
    span_ok = (
        g["speaker_start"] is not None
        and p["speaker_start"] is not None
        and p["speaker_start"] < g["speaker_end"]
        and g["speaker_start"] < p["speaker_end"]
    )
    if _cue_as_speaker(g) and p["speaker_start"] is not None:
        # the gold span slipped onto the cue of '"...," said X': X follows it
        span_ok = 0 <= p["speaker_start"] - g["speaker_end"] <= 2
    name_ok = False
    reference = _gold_name(g)
    predicted = p["speaker"]
    if reference and predicted:
        name_ok = _surname(reference) == _surname(predicted) or (
            reference.lower().strip() == predicted.lower().strip()
        )
    return span_ok or name_ok, span_ok


def _cue_as_speaker(g: dict) -> bool:
    """A gold speaker span that covers only the word "said" (an annotation slip in
    a few inverted attributions, '"...," said Robert McAtee')."""
    return (g["speaker"] or "").strip().lower() == "said" and g["speaker_start"] is not None


def _gold_name(g: dict) -> str | None:
    mention = (g["speaker"] or "").strip()
    words = re.findall(r"[A-Za-z][\w'\u2019-]*", mention)
    is_name = bool(words) and any(w[0].isupper() for w in words[1:] or words)
    if words and words[0].lower() in PRONOUNS | {"the", "a", "an", "his", "her", "their", "its"}:
        is_name = False
    if mention and is_name:
        return mention
    return g["silver"] or None


def _surname(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w\u2019'-]*", name) if w[:1].isupper()]
    if not words:
        return name.lower().strip()
    last = words[-1]
    return re.sub(r"['\u2019]s$", "", last).lower()


def score(
    gold: list[dict],
    pred: list[dict],
    docs: set[str],
    key: str = "cls",
    thresholds: tuple[float, ...] = THRESHOLDS,
) -> dict:
    out = {}
    for cls in SCORED:
        g = [x for x in gold if cls in ("all", x[key]) and x["doc_id"] in docs]
        p = [x for x in pred if cls in ("all", x["cls"]) and x["doc_id"] in docs]
        for t in thresholds:
            pairs = match(g, p, t)
            tp = len(pairs)
            prec = tp / len(p) if p else 0.0
            rec = tp / len(g) if g else 0.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            row = {"gold": len(g), "pred": len(p), "P": prec, "R": rec, "F1": f1}
            if t == THRESHOLDS[0]:
                judged = [(g[i], p[j]) for i, j, _ in pairs if g[i]["speaker"]]
                verdicts = [speaker_right(a, b) for a, b in judged]
                row["spk"] = sum(v[0] for v in verdicts) / len(verdicts) if verdicts else 0.0
                row["spk_span"] = sum(v[1] for v in verdicts) / len(verdicts) if verdicts else 0.0
                row["n_spk"] = len(verdicts)
                jac = []
                for i, j, _ in pairs:
                    a, b = g[i], p[j]
                    inter = min(a["end"], b["end"]) - max(a["start"], b["start"])
                    union = max(a["end"], b["end"]) - min(a["start"], b["start"])
                    jac.append(inter / union)
                row["jaccard"] = statistics.mean(jac) if jac else 0.0
            out[(cls, t)] = row
    return out


# ------------------------------------------------------------------- reporting


# Common verbs of saying (any form), fixed here independently of the toolkit's
# lists, to tell reported speech from PolNeAR's wider notion of attribution.
SAYING = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|"
    r"according to|note|notes|noted|noting|state|states|stated|announce[sd]?|announcing|"
    r"report|reports|reported|claim|claims|claimed|argue[sd]?|arguing|warn|warns|warned|"
    r"explain|explains|explained|write|writes|wrote|written|insist|insists|insisted|"
    r"confirm|confirms|confirmed|den(?:y|ies|ied)|suggest|suggests|suggested|"
    r"ask|asks|asked|repl(?:y|ies|ied)|tweet|tweets|tweeted)\b",
    re.IGNORECASE,
)


def saying_recall(gold: list[dict], pred: list[dict]) -> tuple[int, int, int]:
    """How many gold INDIRECT pieces have a verb of saying as cue, and how many of
    them are matched (overlap >= 0.3) by a predicted INDIRECT row."""
    g = [x for x in gold if x["cls"] == "indirect"]
    p = [x for x in pred if x["cls"] == "indirect"]
    matched = {i for i, _, _ in match(g, p, 0.3)}
    saying = [i for i, x in enumerate(g) if SAYING.search(x["cue"])]
    return len(g), len(saying), sum(1 for i in saying if i in matched)


def by_cue_type(gold: list[dict], pred: list[dict]) -> None:
    """Predicted INDIRECT rows by the type of their cue: how many match a gold piece
    (overlap >= 0.3, the matching of the main table) and with the right speaker."""
    g = [x for x in gold if x["cls"] == "indirect"]
    p = [x for x in pred if x["cls"] == "indirect"]
    pairs = {j: i for i, j, _ in match(g, p, 0.3)}
    rows = collections.defaultdict(lambda: [0, 0, 0, 0])
    for j, x in enumerate(p):
        row = rows[x.get("cue_type") or "(none)"]
        row[0] += 1
        if j in pairs:
            row[1] += 1
            if g[pairs[j]]["speaker"]:
                row[2] += 1
                row[3] += speaker_right(g[pairs[j]], x)[0]
    print("Predicted indirect rows by cue_type (all documents, overlap >= 0.3):")
    print(f"{'cue_type':<10} {'pred':>5} {'matched':>8} {'P':>6} {'spk acc':>8} {'n spk':>6}")
    for name in sorted(rows, key=lambda k: -rows[k][0]):
        n, hit, judged, right = rows[name]
        acc = f"{right / judged:8.3f}" if judged else " " * 8
        print(f"{name:<10} {n:>5d} {hit:>8d} {hit / n:6.3f} {acc} {judged:>6d}")
    print()


def print_table(results: dict) -> None:
    head = (
        f"{'system':<9} {'docs':<19} {'class':<9} {'ovl':>4} {'gold':>5} {'pred':>5} "
        f"{'P':>6} {'R':>6} {'F1':>6} {'spk acc':>8} {'(span)':>7} {'n spk':>6} {'jacc':>6}"
    )
    print(head)
    print("-" * len(head))
    for (system, subset), table in results.items():
        for (cls, t), row in table.items():
            spk = f"{row['spk']:8.3f}" if "spk" in row else " " * 8
            span = f"{row['spk_span']:7.3f}" if "spk_span" in row else " " * 7
            n_spk = f"{row['n_spk']:6d}" if "n_spk" in row else " " * 6
            jac = f"{row['jaccard']:6.3f}" if "jaccard" in row else " " * 6
            print(
                f"{system:<9} {subset:<19} {cls:<9} {t:>4.1f} {row['gold']:>5d} {row['pred']:>5d} "
                f"{row['P']:6.3f} {row['R']:6.3f} {row['F1']:6.3f} {spk} {span} {n_spk} {jac}"
            )
        print()


def write_errors(path: Path, texts: dict, gold: list[dict], pred: list[dict]) -> None:
    """Unmatched gold and predictions, and wrong speakers, for reading."""
    lines = []
    for cls in CLASSES:
        g = [x for x in gold if x["cls"] == cls]
        p = [x for x in pred if x["cls"] == cls]
        pairs = match(g, p, 0.3)
        mg = {i for i, _, _ in pairs}
        mp = {j for _, j, _ in pairs}
        for i, x in enumerate(g):
            if i not in mg:
                lines.append(
                    f"MISS {cls} {x['doc_id']} {x['kind']}: {texts[x['doc_id']][x['start'] : x['end']]!r}"
                )
        for j, x in enumerate(p):
            if j not in mp:
                lines.append(
                    f"FP   {cls} {x['doc_id']} {x['kind']}: {texts[x['doc_id']][x['start'] : x['end']]!r}"
                )
        for i, j, _ in pairs:
            if g[i]["speaker"] and not speaker_right(g[i], p[j])[0]:
                lines.append(
                    f"SPK  {cls} {g[i]['doc_id']} gold={g[i]['speaker']!r} silver={g[i]['silver']!r} "
                    f"pred={p[j]['speaker']!r} mention={p[j]['mention']!r} ({p[j].get('evidence')}) "
                    f"quote={texts[g[i]['doc_id']][g[i]['start'] : g[i]['end']][:80]!r}"
                )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def throughput(limit: int | None, runs: int) -> None:

    import toolkit

    if not REUTERS.exists():
        print("Reuters-21578 not found at ../shared/corpus/reuters21578/; throughput not measured.")
        return
    corpus = load_reuters(limit, index=False)
    from toolkit.quotes.extract import worker_count

    words = int(corpus.docs["text"].str.count(r"\S+").sum())
    n_default = worker_count(None, list(corpus.docs["text"]))
    settings = [(None, n_default)] + ([(1, 1)] if n_default > 1 else [])
    for workers, n_proc in settings:
        times, n_rows = [], 0
        for _ in range(runs):
            t = time.perf_counter()
            n_rows = len(toolkit.extract_quotes(corpus, workers=workers, progress=False))
            times.append(time.perf_counter() - t)
        median = statistics.median(times)
        how = "default" if workers is None else "workers=1"
        print(
            f"extract_quotes on Reuters-21578 ({how}: {n_proc} process{'es' if n_proc > 1 else ''}): "
            f"{len(corpus):,} articles, {words:,} words, "
            f"{n_rows:,} rows; median of {runs} runs {median:.2f} s = "
            f"{len(corpus) / median:,.0f} articles/s ({words / median / 1e6:.2f} M words/s)"
        )


DEFINITIONS = """\
Classes: gold direct+mixed = quoted, gold indirect = indirect; except that gold
  "indirect" pieces holding text between doubled apostrophes (''...'', printed for
  quotation marks by some of the NYT articles: {n_apos} pieces) count as quoted.
  The rows "all, kinds as given" score against PolNeAR's kinds unchanged.
  predicted quoted   = direct rows + indirect rows with partial rows inside (mixed)
                       + partial rows standing alone (part_of empty)
  predicted indirect = indirect rows without partial rows inside
  partial rows inside an indirect row are scored through that row only, and so
  are nested rows (an attribution inside what another row reports: "those
  revelations show ..." in "Democrats say those revelations show ...", "I think"
  inside a transcript turn); the line "nested rows scored too" shows the score
  with them.
Matching: overlap = shared characters / gold length; one-to-one within a document
  and class, greedy by overlap; counted at overlap >= 0.3 and >= 0.8.
  jacc = mean shared/union of the pairs matched at 0.3 (penalises long predictions).
Speaker accuracy (pairs matched at 0.3 whose gold has a speaker): right when the
  predicted mention span overlaps the gold speaker span, or the resolved speaker
  has the same last name word as the gold name (the gold mention when it is a
  name, else speaker_canonical_silver). "(span)" = the mention-span test alone.
  {n_said} gold pieces have a speaker span covering only the word "said" (a slip
  in '"...," said X'); for them the span test asks for a mention starting right
  after it.
Baseline: pair the quotation marks; speaker = capitalised words next to the
  nearest said/says/say in the sentence. It predicts no indirect speech.
Halves: documents sorted by id; A = even positions, B = odd positions.
all (class): quoted and indirect pieces together, matched regardless of class."""


def print_publishers(results: dict) -> None:
    """One line per publisher and system at overlap 0.3: F1 and speaker accuracy
    of each class, and F1 of all pieces together."""
    head = (
        f"{'system':<9} {'docs':<14} {'n':>4} {'quoted F1':>9} {'spk':>6} {'(n)':>5} "
        f"{'indir F1':>9} {'spk':>6} {'(n)':>5} {'indir P':>7} {'indir R':>7} {'all F1':>7}"
    )
    print(head)
    print("-" * len(head))
    for (system, subset, n), table in results.items():
        q, i, a = (table[(cls, THRESHOLDS[0])] for cls in SCORED)
        print(
            f"{system:<9} {subset:<14} {n:>4d} {q['F1']:9.3f} {q['spk']:6.3f} {q['n_spk']:>5d} "
            f"{i['F1']:9.3f} {i['spk']:6.3f} {i['n_spk']:>5d} {i['P']:7.3f} {i['R']:7.3f} "
            f"{a['F1']:7.3f}"
        )
    print()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--split",
        choices=sorted(SPLITS),
        default="dev",
        help="PolNeAR articles to score: dev (84), train (630) or all (default: dev)",
    )
    parser.add_argument(
        "--reuters",
        type=int,
        default=None,
        help="time on the first N Reuters articles (default: all; 0 skips the timing)",
    )
    parser.add_argument("--runs", type=int, default=3, help="timing runs (median)")
    parser.add_argument("--errors", type=Path, default=None, help="write the errors to FILE")
    args = parser.parse_args()
    paths = [SHARED / "eval" / name for name in SPLITS[args.split]]
    missing = [p.name for p in paths if not p.exists()]
    if missing:
        print(
            f"PolNeAR {args.split} split not found ({', '.join(missing)} in ../shared/eval/); "
            "nothing to evaluate (the shared data sits beside the project)."
        )
        return 0

    import toolkit

    frame, texts, gold_raw, publisher = load_polnear(paths)
    corpus = toolkit.load_corpus(frame, progress=False)
    gold, info = map_offsets(corpus, texts, gold_raw)
    doc_text = dict(zip(corpus.docs["doc_id"], corpus.docs["text"], strict=True))
    print(
        f"PolNeAR {args.split}: {info['documents']} articles, {len(gold_raw)} gold pieces "
        f"({collections.Counter(g['kind'] for g in gold_raw)}); docs.text equals the rebuilt "
        f"text (after one-for-one quote/space normalisation) for {info['identical']} articles; "
        f"offsets mapped through paragraph_spans; {info['lost']} gold pieces fell in "
        "paragraphs removed by cleaning."
    )
    t = time.perf_counter()
    quotes = toolkit.extract_quotes(corpus, progress=False)
    elapsed = time.perf_counter() - t
    print(f"extract_quotes: {len(quotes)} rows in {elapsed:.2f} s\n")
    ours = toolkit_predictions(quotes)
    naive = baseline_predictions(corpus)
    ids = sorted(texts)
    subsets = {"all": set(ids), "half A": set(ids[0::2]), "half B": set(ids[1::2])}
    publishers = sorted(set(publisher.values()))
    results, by_publisher = {}, {}
    for system, pred in (("toolkit", ours), ("baseline", naive)):
        for name, docs in subsets.items():
            results[(system, name)] = score(gold, pred, docs)
        results[(system, "all, kinds as given")] = score(gold, pred, subsets["all"], "cls_given")
        for name in ["all", *publishers]:
            docs = subsets["all"] if name == "all" else {d for d in ids if publisher[d] == name}
            by_publisher[(system, name, len(docs))] = score(gold, pred, docs, thresholds=(0.3,))
    n_apos = sum(1 for g in gold if g["cls"] != g["cls_given"])
    n_said = sum(1 for g in gold if _cue_as_speaker(g))
    print(DEFINITIONS.format(n_apos=n_apos, n_said=n_said))
    print()
    print_table(results)
    print(f"Per publisher, overlap >= 0.3 ({args.split} split; spk = speaker accuracy):")
    print_publishers(by_publisher)
    with_nested = score(
        gold, toolkit_predictions(quotes, nested=True), subsets["all"], thresholds=(0.3,)
    )
    n_nested = int(quotes["nested"].fillna(False).astype(bool).sum())
    line = ", ".join(
        f"{cls} F1 {with_nested[(cls, 0.3)]['F1']:.3f}" for cls in ("quoted", "indirect", "all")
    )
    print(f"nested rows scored too ({n_nested} rows): {line}\n")
    by_cue_type(gold, ours)
    total, saying, hit = saying_recall(gold, ours)
    print(
        f"Indirect gold pieces cued by a verb of saying (say, tell, add, according to, note, "
        f"...): {saying} of {total}; toolkit recall on them at 0.3: {hit / saying:.3f}. The "
        f"other {total - saying} have other cues: thought, stance, plans, events (wants, "
        "plans, seems, support, attacked, decided, ...) and verbs outside this short list."
    )
    if args.errors:
        write_errors(args.errors, doc_text, gold, ours)
        print(f"errors written to {args.errors}")
    if args.reuters != 0:
        throughput(args.reuters, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

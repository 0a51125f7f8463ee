"""How good are the numbers? Samples for hand coding, and precision and recall.

Content analysis is published with its validity: how often the dictionary or
the extractor was right on a hand-coded sample. The toolkit's loop:

1. :func:`sample_for_coding` draws a reproducible random sample of any hit
   table (KWIC hits, actor mentions, frame cues, quotations), stratified when
   asked, each unit shown in its sentence with the toolkit's decision;
2. people code it, in a spreadsheet (:func:`toolkit.write_coding_sheet`) or in
   the coding explorer (:func:`toolkit.widgets.coding_explorer`);
3. :func:`toolkit.read_coding_sheet` reads the codes back,
   :func:`estimate_precision` says how often the toolkit was right (with a
   Wilson score interval) and :func:`toolkit.agreement` how well the coders
   agreed.

**Recall** needs what the toolkit did *not* find. :func:`sample_unflagged` draws
sentences without a hit; coders mark those that hold an instance the toolkit
should have flagged (code ``missed``) and the rest ``none``;
:func:`estimate_recall` combines that miss rate with the precision of the
flagged sample::

    flagged = toolkit.read_coding_sheet("frames.xlsx")        # correct / wrong
    misses = toolkit.sample_unflagged(corpus, hits, n=200, seed=1)
    toolkit.write_coding_sheet(misses, "misses.xlsx", codes=("none", "missed", "unsure"))
    # ... code misses.xlsx ...
    toolkit.estimate_recall(flagged, toolkit.read_coding_sheet("misses.xlsx"), coder="coder_1")

A sentence with a missed instance counts as one miss, so the estimate of what
was missed is a lower bound when sentences hold several.
"""

from __future__ import annotations

import math
import re
import statistics
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._util.tables import require_columns
from ..corpus.corpus import Corpus
from ..corpus.index import corpus_index
from ..corpus.load import as_corpus
from .counts import by_list

__all__ = [
    "DECISION_COLUMNS",
    "MARKS",
    "estimate_precision",
    "estimate_recall",
    "sample_for_coding",
    "sample_unflagged",
    "source_table",
    "wilson_interval",
]

# The toolkit's decision about a unit, per kind of hit table: what a coder judges
# (speaker_id and press where the quotation table has them: transcripts).
DECISION_COLUMNS: dict[str, list[str]] = {
    "frames": ["frame", "cue", "voice", "speaker", "speaker_id", "press", "excluded_by"],
    "actors": ["actor", "type", "alias", "voice", "speaker", "speaker_id", "press", "excluded_by"],
    "quotes": [
        "kind",
        "speaker",
        "speaker_id",
        "speaker_mention",
        "cue",
        "cue_type",
        "press",
        "confidence",
    ],
    "kwic": ["pattern"],
    "sentences": [],
    "hits": [],
}
# The hit is marked between these in the ``context`` column.
MARKS = ("\u27e6", "\u27e7")
_SPACE = re.compile(r"\s+")


def source_table(table: pd.DataFrame) -> str:
    """What kind of hit table this is, from its columns: ``"frames"``
    (:func:`toolkit.find_frames`), ``"actors"``, ``"quotes"``
    (:func:`toolkit.extract_quotes`), ``"kwic"``, or ``"hits"`` for any other
    table with ``doc_id, start, end``.

    Examples
    --------
    >>> import toolkit
    >>> source_table(toolkit.kwic("data/", "defeat*"))
    'kwic'
    """
    cols = set(table.columns)
    if {"frame", "cue"} <= cols:
        return "frames"
    if "actor" in cols:
        return "actors"
    if {"quote_id", "kind", "speaker"} <= cols:
        return "quotes"
    if {"left", "keyword", "right"} <= cols:
        return "kwic"
    return "hits"


def sample_for_coding(
    table: pd.DataFrame,
    *,
    n: int = 100,
    seed: int = 0,
    by: str | list[str] | None = None,
    corpus: Any = None,
    chars: int = 300,
) -> pd.DataFrame:
    """A reproducible random sample of a hit table, ready for hand coding.

    Parameters
    ----------
    table : DataFrame
        Any table with ``doc_id, start, end``: :func:`toolkit.kwic`,
        :func:`toolkit.find_actors`, :func:`toolkit.find_frames`,
        :func:`toolkit.extract_quotes` or one of your own.
    n : int
        Units to draw (all of them when the table has no more).
    seed : int
        Same table and seed, same sample.
    by : str or list of str, optional
        Stratify over the values of these columns (``"frame"``, ``"actor"``,
        ``"voice"``): each stratum gets its share of ``n`` (largest remainder),
        and at least one unit.
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts, optional
        The corpus the hits come from, to show each unit in its sentence. A
        KWIC table carries its own context; every other table needs it.
    chars : int
        Characters of the sentence shown at most on each side of the hit.

    Returns
    -------
    DataFrame
        One row per unit, in random order: ``unit_id`` (1, 2, ...), ``doc_id,
        sent_id, start, end`` (trace it back: ``docs.text[start:end]`` is
        ``text``), ``text`` (the hit), the toolkit's decision (``frame, cue,
        voice, speaker`` for frames; ``actor, type, alias, voice, speaker`` for
        actors; ``kind, speaker, speaker_mention, cue, confidence`` for
        quotations; ``pattern`` for KWIC) and the ``by`` columns, then ``left``
        and ``right`` (the rest of the sentence) and ``context`` (the sentence
        with the hit between ⟦ and ⟧). ``.attrs["sample"]`` records the source
        table, seed, population and strata; the coding sheet keeps them.

    Raises
    ------
    ValueError
        For an empty table, ``n`` below 1 or below the number of strata, a
        ``by`` column the table lacks, or a table without context and no corpus.

    Examples
    --------
    >>> import toolkit
    >>> corpus = toolkit.load_corpus("data/")
    >>> hits = toolkit.find_frames(corpus)
    >>> units = toolkit.sample_for_coding(hits, n=10, seed=1, by="frame", corpus=corpus)
    >>> len(units), units.unit_id.tolist()[:3]
    (10, [1, 2, 3])
    >>> units.equals(toolkit.sample_for_coding(hits, n=10, seed=1, by="frame", corpus=corpus))
    True
    """
    require_columns(table, ["doc_id", "start", "end"], "the table (a hit table)")
    return _draw(table, source_table(table), n=n, seed=seed, by=by, corpus=corpus, chars=chars)


def sample_unflagged(
    corpus: Any, hits: pd.DataFrame, *, n: int = 100, seed: int = 0
) -> pd.DataFrame:
    """A random sample of the sentences in which the toolkit found nothing.

    Code them to estimate what the toolkit missed (see the module docstring
    and :func:`estimate_recall`): ``missed`` for a sentence that holds an
    instance it should have flagged, ``none`` otherwise.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    hits : DataFrame
        What the toolkit flagged (``doc_id, start, end``): a sentence that any
        hit touches is left out.
    n, seed
        As in :func:`sample_for_coding`.

    Returns
    -------
    DataFrame
        The columns of :func:`sample_for_coding`, one row per sentence (``text``
        is the sentence) and its paragraph ``kind``.

    Examples
    --------
    >>> import toolkit
    >>> corpus = toolkit.load_corpus("data/")
    >>> hits = toolkit.find_frames(corpus)
    >>> quiet = toolkit.sample_unflagged(corpus, hits, n=5, seed=1)
    >>> len(quiet), set(quiet.sent_id) & set(hits.sent_id)
    (5, set())
    """
    c = as_corpus(corpus)
    require_columns(hits, ["doc_id", "start", "end"], "the hits")
    idx = corpus_index(c)
    sentences = idx.sentence_table()
    flagged = np.zeros(len(sentences), dtype=bool)
    if len(hits):
        doc = _doc_numbers(hits["doc_id"], idx.doc_ids)
        start = hits["start"].to_numpy(dtype=np.int64)
        first = idx.sentence_of(doc, start)
        last = idx.sentence_of(doc, np.maximum(hits["end"].to_numpy(dtype=np.int64) - 1, start))
        marks = np.zeros(len(sentences) + 1, dtype=np.int64)
        np.add.at(marks, first, 1)
        np.add.at(marks, last + 1, -1)
        flagged = np.cumsum(marks)[:-1] > 0
    quiet = sentences[~flagged].reset_index(drop=True)
    if quiet.empty:
        raise ValueError("every sentence of the corpus has a hit: there is nothing unflagged")
    out = _draw(quiet, "sentences", n=n, seed=seed, by=None, corpus=c, chars=0)
    out.attrs["sample"]["flagged"] = {"source_table": source_table(hits), "hits": len(hits)}
    return out


def _draw(
    table: pd.DataFrame,
    kind: str,
    *,
    n: int,
    seed: int,
    by: str | list[str] | None,
    corpus: Any,
    chars: int,
) -> pd.DataFrame:
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n={n!r}: give the number of units to draw, 1 or more")
    if len(table) == 0:
        raise ValueError("the table is empty: there is nothing to sample")
    keys = by_list(by)
    require_columns(table, keys, "the table")
    rng = np.random.default_rng(seed)
    if keys:
        groups = table.groupby(keys, sort=True, dropna=False, observed=True).indices
        labels = [" / ".join(map(str, k if isinstance(k, tuple) else (k,))) for k in groups]
        members = list(groups.values())
    else:
        labels, members = ["all"], [np.arange(len(table))]
    sizes = np.array([len(m) for m in members], dtype=np.int64)
    take = allocate(sizes, int(n))
    picked = [
        np.sort(rng.choice(m, size=int(k), replace=False))
        for m, k in zip(members, take, strict=True)
    ]
    rows = rng.permutation(np.concatenate(picked))
    units = _units(table.iloc[rows].reset_index(drop=True), kind, keys, corpus, chars)
    units.attrs["sample"] = {
        "source_table": "sentences without a hit" if kind == "sentences" else kind,
        "seed": int(seed),
        "n": int(n),
        "units": len(units),
        "population": len(table),
        "by": keys,
        "strata": {lab: int(s) for lab, s in zip(labels, sizes.tolist(), strict=True)}
        if keys
        else {},
        "corpus": describe_corpus(corpus),
    }
    return units


def allocate(sizes: np.ndarray, n: int) -> np.ndarray:
    """Units per stratum: each its proportional share of ``n`` by largest
    remainder, at least one, at most its size; ties go to the earlier stratum.

    Examples
    --------
    >>> allocate(np.array([50, 30, 15, 5]), 10).tolist()
    [5, 3, 1, 1]
    """
    total = int(sizes.sum())
    if n >= total:
        return sizes.copy()
    if n < len(sizes):
        raise ValueError(
            f"n={n} is less than the {len(sizes)} strata; every stratum gets at least one "
            f"unit: ask for n={len(sizes)} or more, or stratify by fewer values"
        )
    quota = sizes * n / total
    take = np.minimum(np.maximum(np.floor(quota).astype(np.int64), 1), sizes)
    rest = quota - take
    while take.sum() < n:
        i = int(np.argmax(np.where(take < sizes, rest, -np.inf)))
        take[i] += 1
        rest[i] -= 1
    while take.sum() > n:
        i = int(np.argmin(np.where(take > 1, rest, np.inf)))
        take[i] -= 1
        rest[i] += 1
    return take


def _units(
    picked: pd.DataFrame, kind: str, keys: list[str], corpus: Any, chars: int
) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            "unit_id": np.arange(1, len(picked) + 1, dtype=np.int64),
            "doc_id": picked["doc_id"].astype(str).to_numpy(),
            "start": picked["start"].to_numpy(dtype=np.int64),
            "end": picked["end"].to_numpy(dtype=np.int64),
        }
    )
    if corpus is not None:
        text, left, right, sent = _in_sentence(corpus, out, chars)
    elif kind == "kwic":
        text = picked["keyword"].astype(str).to_numpy()
        # KWIC contexts are words: set them off from the keyword by a space
        left = [f"{x} " if x else x for x in picked["left"].astype(str).map(_one_line)]
        right = [
            f" {x}" if x[:1].isalnum() else x for x in picked["right"].astype(str).map(_one_line)
        ]
        sent = None
    else:
        raise ValueError(
            f"a {kind} table carries no text around its hits: pass corpus= (the corpus the "
            "hits come from) to show each unit in its sentence"
        )
    if "sent_id" in picked.columns:
        sent = picked["sent_id"].to_numpy()
    out.insert(2, "sent_id", pd.array(sent, dtype="Int64") if sent is not None else pd.NA)
    out["sent_id"] = out["sent_id"].astype("Int64")
    out["text"] = text
    for c in [*DECISION_COLUMNS[kind], *keys, *(["kind"] if kind == "sentences" else [])]:
        if c in picked.columns and c not in out.columns:
            out[c] = _plain_column(picked[c])
    out["left"] = left
    out["right"] = right
    if kind == "sentences":
        out["context"] = [_one_line(t) for t in text]
    else:
        a, b = MARKS
        out["context"] = [
            f"{lf}{a}{_one_line(t)}{b}{r}" for lf, t, r in zip(left, text, right, strict=True)
        ]
    return out


def _in_sentence(
    corpus: Any, units: pd.DataFrame, chars: int
) -> tuple[list[str], list[str], list[str], np.ndarray]:
    """The hit, the sentence around it (cut at ``chars`` with an ellipsis) and
    the sentence number, for each unit."""
    idx = corpus_index(corpus)
    doc = _doc_numbers(units["doc_id"], idx.doc_ids)
    start = units["start"].to_numpy()
    end = units["end"].to_numpy()
    lo, hi = idx.sentence_bounds(doc, start, end)
    texts, hits, left, right = idx.texts, [], [], []
    for d, a, b, s, e in zip(
        doc.tolist(), start.tolist(), end.tolist(), lo.tolist(), hi.tolist(), strict=True
    ):
        t = texts[d]
        if b > len(t) or a < 0 or a > b:
            raise ValueError(
                f"the offsets {a}-{b} are outside document {idx.doc_ids[d]!r} "
                f"({len(t)} characters): are the hits from this corpus?"
            )
        hits.append(t[a:b])
        cut_left, cut_right = max(s, a - chars), min(e, b + chars)
        left.append(("\u2026" if cut_left > s else "") + _one_line(t[cut_left:a]).lstrip())
        right.append(_one_line(t[b:cut_right]).rstrip() + ("\u2026" if cut_right < e else ""))
    sent = idx.sentence_of(doc, start) - idx.doc_sent[doc]
    return hits, left, right, sent


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text)


def _plain_column(values: pd.Series) -> Any:
    if pd.api.types.is_bool_dtype(values.dtype):  # press: true, false or missing
        return values.astype("boolean").array
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.astype(object).where(values.notna(), None).to_numpy()
    return values.to_numpy()


def _doc_numbers(doc_ids: pd.Series, known: list[str]) -> np.ndarray:
    codes = pd.Index(known).get_indexer(doc_ids.astype(str))
    if (codes < 0).any():
        bad = pd.unique(doc_ids.astype(str)[codes < 0])[:5].tolist()
        raise ValueError(f"the hits name documents that are not in the corpus: {bad}")
    return codes.astype(np.int64)


def describe_corpus(corpus: Any) -> str:
    """A short description of a corpus for a coding sheet: its documents and
    the file or folder they were read from (a name, never a full path)."""
    if corpus is None:
        return "(not given)"
    c = corpus if isinstance(corpus, Corpus) else as_corpus(corpus)
    words = f"{len(c):,} document{'s' if len(c) != 1 else ''}"
    if "path" in c.docs.columns:
        paths = {Path(str(p)) for p in c.docs["path"].dropna()}
        if len(paths) == 1:
            return f"{words} from {next(iter(paths)).name}"
        parents = {p.parent.name for p in paths}
        if len(parents) == 1 and parents != {""}:
            return f"{words} from the folder {next(iter(parents))}"
    return words


# ------------------------------------------------------------------ estimates


def wilson_interval(successes: int, n: int, *, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval of a proportion (Wilson 1927; recommended over
    the normal approximation by Brown, Cai and DasGupta 2001, and honest for
    small samples and proportions near 0 or 1).

    Examples
    --------
    >>> low, high = wilson_interval(45, 50)
    >>> round(low, 3), round(high, 3)
    (0.786, 0.957)
    """
    if n <= 0:
        return math.nan, math.nan
    if not 0 <= successes <= n:
        raise ValueError(f"successes={successes} must lie between 0 and n={n}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence={confidence!r} must lie between 0 and 1, e.g. 0.95")
    z = statistics.NormalDist().inv_cdf((1 + confidence) / 2)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return low, high


def estimate_precision(
    coded: pd.DataFrame,
    *,
    coder: str,
    by: str | list[str] | None = None,
    correct: str = "correct",
    wrong: str = "wrong",
    confidence: float = 0.95,
) -> pd.DataFrame:
    """How often the toolkit's decisions were right, per group, with a Wilson
    score interval.

    Parameters
    ----------
    coded : DataFrame
        A coded sample (from :func:`toolkit.read_coding_sheet`) with a column
        per coder.
    coder : str
        Whose codes to use.
    by : str or list of str, optional
        Columns to group by (``"frame"``); one row for the whole sample if not.
    correct, wrong : str
        The codes for a right and a wrong decision. Units with any other code
        (``unsure``) or none are counted but left out of the estimate.
    confidence : float
        Of the interval.

    Returns
    -------
    DataFrame
        One row per group: the ``by`` columns, ``units`` (rows in the group),
        ``correct``, ``wrong``, ``other`` (another code), ``uncoded``,
        ``precision`` (``correct / (correct + wrong)``), ``ci_low``, ``ci_high``.

    Examples
    --------
    >>> import pandas as pd
    >>> coded = pd.DataFrame({"coder_1": ["correct"] * 45 + ["wrong"] * 5})
    >>> estimate_precision(coded, coder="coder_1")[["precision", "ci_low", "ci_high"]].round(3)
       precision  ci_low  ci_high
    0        0.9   0.786    0.957
    """
    keys = by_list(by)
    require_columns(coded, [coder, *keys], "the coded table")
    if keys:
        groups = coded.groupby(keys, sort=True, dropna=False, observed=True)[coder]
        parts = [(k if isinstance(k, tuple) else (k,), g) for k, g in groups]
    else:
        parts = [((), coded[coder])]
    rows = []
    for key, codes in parts:
        values = codes.astype(object).where(codes.notna(), None).tolist()
        blank = sum(v is None or (isinstance(v, str) and not v.strip()) for v in values)
        right = sum(v == correct for v in values)
        bad = sum(v == wrong for v in values)
        low, high = wilson_interval(right, right + bad, confidence=confidence)
        rows.append(
            {
                **dict(zip(keys, key, strict=True)),
                "units": len(values),
                "correct": right,
                "wrong": bad,
                "other": len(values) - blank - right - bad,
                "uncoded": blank,
                "precision": right / (right + bad) if right + bad else math.nan,
                "ci_low": low,
                "ci_high": high,
            }
        )
    out = pd.DataFrame(rows, columns=[*keys, *_PRECISION_COLUMNS])
    out.attrs["interval"] = f"{confidence:.0%} Wilson score interval"
    return out


_PRECISION_COLUMNS = [
    "units",
    "correct",
    "wrong",
    "other",
    "uncoded",
    "precision",
    "ci_low",
    "ci_high",
]


def estimate_recall(
    flagged: pd.DataFrame,
    unflagged: pd.DataFrame,
    *,
    coder: str,
    correct: str = "correct",
    wrong: str = "wrong",
    missed: str = "missed",
    none: str = "none",
    flagged_total: int | None = None,
    unflagged_total: int | None = None,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Recall from a coded sample of hits and a coded sample of what was not flagged.

    With precision ``p`` on the ``F`` flagged units and a miss rate ``m`` on
    the ``U`` unflagged sentences, the toolkit found about ``p * F`` true
    instances and missed about ``m * U``; recall is ``pF / (pF + mU)``. The
    interval combines the two Wilson intervals at their worst (the lowest
    precision with the highest miss rate, and the reverse), so it covers at
    least ``2 * confidence - 1`` (90% for two 95% intervals).

    Parameters
    ----------
    flagged : DataFrame
        A coded :func:`sample_for_coding` sample (codes ``correct``/``wrong``).
    unflagged : DataFrame
        A coded :func:`sample_unflagged` sample (codes ``missed``/``none``).
    coder : str
        Whose codes to use (a column of both tables).
    flagged_total, unflagged_total : int, optional
        The sizes of the two populations; by default read from the samples
        (``.attrs["sample"]["population"]``, which the coding sheet keeps).

    Returns
    -------
    DataFrame
        One row: ``precision, miss_rate, flagged_total, unflagged_total,
        found, missed, recall, ci_low, ci_high``.

    Examples
    --------
    >>> import pandas as pd
    >>> hits = pd.DataFrame({"c": ["correct"] * 40 + ["wrong"] * 10})
    >>> quiet = pd.DataFrame({"c": ["missed"] * 2 + ["none"] * 98})
    >>> row = estimate_recall(hits, quiet, coder="c", missed="missed", none="none",
    ...                       flagged_total=500, unflagged_total=5000)
    >>> round(float(row.recall.iat[0]), 2)
    0.8
    """
    f_total = _population(flagged, flagged_total, "flagged")
    u_total = _population(unflagged, unflagged_total, "unflagged")
    prec = estimate_precision(
        flagged, coder=coder, correct=correct, wrong=wrong, confidence=confidence
    ).iloc[0]
    miss = estimate_precision(
        unflagged, coder=coder, correct=missed, wrong=none, confidence=confidence
    ).iloc[0]

    def recall(p: float, m: float) -> float:
        found, lost = p * f_total, m * u_total
        return found / (found + lost) if found + lost > 0 else math.nan

    return pd.DataFrame(
        [
            {
                "precision": prec["precision"],
                "miss_rate": miss["precision"],
                "flagged_total": f_total,
                "unflagged_total": u_total,
                "found": prec["precision"] * f_total,
                "missed": miss["precision"] * u_total,
                "recall": recall(prec["precision"], miss["precision"]),
                "ci_low": recall(prec["ci_low"], miss["ci_high"]),
                "ci_high": recall(prec["ci_high"], miss["ci_low"]),
            }
        ]
    )


def _population(sample: pd.DataFrame, total: int | None, what: str) -> int:
    if total is not None:
        return int(total)
    info = sample.attrs.get("sample", {})
    if "population" not in info:
        raise ValueError(
            f"the {what} sample does not say how many units it was drawn from: pass "
            f"{what}_total= (the number of rows of the table it was sampled from)"
        )
    return int(info["population"])

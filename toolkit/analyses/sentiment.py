"""Sentiment: VADER scores for any table of texts, and their aggregation per group.

* :func:`score_sentiment` adds ``compound, pos, neu, neg`` to a table with a text
  column (quotations, sentences, paragraphs, documents).
* :func:`sentiment_by` aggregates a scored table per group (a speaker, an actor,
  an outlet, a month ...): count, mean compound with a confidence interval, and
  the shares of positive and negative rows.
* :func:`sentiment_by_speaker` is that aggregation for the quotations of
  :func:`toolkit.extract_quotes`, one row per speaker.

Scores come from the ``vaderSentiment`` package (VADER, Hutto & Gilbert 2014),
which ships its lexicon: nothing is downloaded. Another dictionary can replace
VADER's lexicon (see :func:`score_sentiment`).

VADER was built for social media text. On New York Times editorial snippets its
authors report a correlation of r = 0.49 with human ratings;
``benchmarks/eval_sentiment.py`` measures this toolkit on the same data. The
score of one short quotation is noisy: read scores as a summary over many
quotations, next to the quotations themselves.
"""

from __future__ import annotations

import math
import statistics
import warnings
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus
from ..corpus.index import corpus_index
from ..corpus.load import load_corpus
from ..corpus.partitioned import by_partition
from ..quotes.table import speaker_names, without_press
from ..search.patterns import Pattern, compile_pattern, find_all_spans, longest_matches

__all__ = [
    "NEGATIVE_THRESHOLD",
    "POSITIVE_THRESHOLD",
    "SCORE_COLUMNS",
    "score_sentiment",
    "sentiment_by",
    "sentiment_by_speaker",
]

SCORE_COLUMNS = ("compound", "pos", "neu", "neg")
# VADER's usual cut-offs: compound >= 0.05 is positive, <= -0.05 negative.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05
UNATTRIBUTED = "(unattributed)"

QuoteKind = Literal["direct", "partial", "indirect"]
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
CiMethod = Literal["t", "bootstrap"]
CI_METHODS: tuple[str, ...] = get_args(CiMethod)

# Lexicoder-style categories and the side each one counts for.
TONE_CATEGORIES = {"positive": 1, "negative": -1, "neg_negative": 1, "neg_positive": -1}


# ---------------------------------------------------------------------- scoring


@by_partition()
def score_sentiment(
    frame: pd.DataFrame | Corpus,
    *,
    text_col: str = "text",
    lexicon: str | Path | None = None,
) -> pd.DataFrame:
    """Add sentiment scores to every row of a table of texts.

    Parameters
    ----------
    frame : DataFrame or Corpus
        Any table with a text column: quotations, ``toolkit.sentences(corpus)``,
        paragraphs. A Corpus scores its documents (``corpus.docs``).
    text_col : str
        The column holding the text.
    lexicon : path, optional
        A dictionary file used instead of VADER's own lexicon. Two formats are
        read, told apart by their first non-blank line:

        * **VADER format** (``token<TAB>mean score[<TAB>anything]``, one token per
          line, as in VADER's ``vader_lexicon.txt``): the file replaces VADER's
          lexicon and VADER's rules (negation, boosters, "but", capitals,
          exclamation marks) still apply. Tokens are looked up in lower case, as
          VADER does; a token listed twice takes its later value, as in VADER.
        * **Lexicoder format** (``.lc3``, as in the Lexicoder Sentiment
          Dictionary): a line ``+positive`` or ``+negative`` (a ``#colour``
          suffix is ignored) starts a category and the following lines are its
          entries; ``+neg_positive`` entries ("not good*") count as negative and
          ``+neg_negative`` entries ("not bad*") as positive. Entries are
          patterns of the toolkit's matching contract (:mod:`toolkit.search.patterns`):
          a trailing ``*`` is a wildcard, spaces make a phrase, case is ignored.
          Where entries overlap, the longest match wins (so "not good" is counted
          once, as negative), then the one listed first. An entry listed as
          both positive and negative counts as neither (with a warning). The tone of a text with
          ``P`` positive and ``N`` negative matches among ``W`` words is put in
          the same columns: ``compound = (P - N) / (P + N)`` (0 when nothing
          matched; the "relative proportional difference"), ``pos = P / W``,
          ``neg = N / W`` (so ``pos - neg`` is the usual net tone as a share of
          words) and ``neu = 1 - pos - neg``. These are not VADER scores: compare
          them only with each other.

        Other formats (YAML, LIWC ``.dic``) are not read; a file in neither
        format, or with a malformed line, raises an error naming the file and
        the line.

    Returns
    -------
    DataFrame
        A new table: the same rows and index, every input column, plus
        ``compound`` (-1 most negative .. +1 most positive), ``pos``, ``neu``,
        ``neg`` (shares of the text that are positive, neutral, negative; they
        sum to about 1). Score columns already in the table are replaced.
        A missing or blank text has no score: all four are NaN (not 0), so
        averages leave it out and :func:`sentiment_by` counts it apart.

    Raises
    ------
    ValueError
        When ``text_col`` is not a column (the message lists the columns), when a
        text is neither a string nor missing, or when a lexicon file is malformed
        (the message names the file and line).
    FileNotFoundError
        When the lexicon file does not exist.

    Notes
    -----
    VADER scores each text as one unit; the analyzer and any lexicon file are
    loaded once and cached (a lexicon file is read again when it changes).
    Positive means ``compound >= 0.05`` and negative ``compound <= -0.05``
    (:data:`POSITIVE_THRESHOLD`, :data:`NEGATIVE_THRESHOLD`).

    Examples
    --------
    >>> import pandas as pd
    >>> import toolkit
    >>> texts = ["The talks were a success.", "The talks were not a success."]
    >>> toolkit.score_sentiment(pd.DataFrame({"text": texts}))["compound"].tolist()
    [0.5719, -0.4585]
    >>> sents = toolkit.score_sentiment(toolkit.sentences(toolkit.load_corpus("data/")))
    """
    if isinstance(frame, Corpus):
        frame = frame.docs
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(
            f"score_sentiment needs a DataFrame (or a Corpus), not {type(frame).__name__}"
        )
    if text_col not in frame.columns:
        columns = ", ".join(map(str, frame.columns)) or "(none)"
        raise ValueError(
            f"the table has no text column '{text_col}'; its columns are: {columns}. "
            "Pass text_col= to name the column holding the text."
        )
    texts = _texts(frame[text_col], text_col)
    scores = _scorer(lexicon).score(texts)
    out = frame.drop(columns=[c for c in SCORE_COLUMNS if c in frame.columns and c != text_col])
    for j, name in enumerate(SCORE_COLUMNS):
        out[name] = scores[:, j]
    return out


def _texts(column: pd.Series, text_col: str) -> list[str | None]:
    """The texts to score; ``None`` for missing or blank ones."""
    texts: list[str | None] = []
    for i, value in enumerate(column.tolist()):
        if _blank(value):
            texts.append(None)
        elif isinstance(value, str):
            texts.append(value)
        else:
            raise ValueError(
                f"row {i} (index {column.index[i]!r}) of column '{text_col}' holds a "
                f"{type(value).__name__} ({value!r}); texts must be strings or missing"
            )
    return texts


class _Vader:
    """VADER's analyzer, with its own lexicon or a replacement."""

    def __init__(self, lexicon: dict[str, float] | None = None):
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self.analyzer = SentimentIntensityAnalyzer()
        if lexicon is not None:
            self.analyzer.lexicon = lexicon

    def score(self, texts: list[str | None]) -> np.ndarray:
        out = np.full((len(texts), len(SCORE_COLUMNS)), np.nan)
        seen: dict[str, tuple[float, ...]] = {}
        polarity = self.analyzer.polarity_scores
        for i, text in enumerate(texts):
            if text is None:
                continue
            row = seen.get(text)
            if row is None:
                d = polarity(text)
                row = seen[text] = tuple(d[c] for c in SCORE_COLUMNS)
            out[i] = row
        return out


@dataclass(frozen=True)
class _ToneDictionary:
    """A categorical (Lexicoder-style) dictionary: patterns with a sign each."""

    path: str
    patterns: tuple[Pattern, ...]
    signs: tuple[int, ...]

    def score(self, texts: list[str | None]) -> np.ndarray:
        out = np.full((len(texts), len(SCORE_COLUMNS)), np.nan)
        unique: dict[str, int] = {}
        for text in texts:
            if text is not None:
                unique.setdefault(text, len(unique))
        if not unique:
            return out
        docs = pd.DataFrame({"doc_id": [f"t{j}" for j in range(len(unique))], "text": list(unique)})
        idx = corpus_index(load_corpus(docs, clean=False, progress=False))
        positive, negative = self._counts(idx)
        words = np.maximum(np.maximum(idx.words_per_doc, positive + negative), 1)
        hits = positive + negative
        table = np.column_stack(
            [
                np.where(hits > 0, (positive - negative) / np.maximum(hits, 1), 0.0),
                positive / words,
                1 - (positive + negative) / words,
                negative / words,
            ]
        )
        for i, text in enumerate(texts):
            if text is not None:
                out[i] = table[unique[text]]
        return out

    def _counts(self, idx: Any) -> tuple[np.ndarray, np.ndarray]:
        first, end, entry = find_all_spans(idx, self.patterns)
        zeros = np.zeros(idx.n_docs, dtype=np.int64)
        if not len(first):
            return zeros, zeros.copy()
        # longest match first, then position, then the entry listed first; each
        # word counts once
        matched = longest_matches(first, end, entry)
        doc = idx.token_doc(first[matched])
        sign = np.asarray(self.signs, dtype=np.int64)[entry[matched]]
        positive = np.bincount(doc[sign > 0], minlength=idx.n_docs)
        negative = np.bincount(doc[sign < 0], minlength=idx.n_docs)
        return positive, negative


def _scorer(lexicon: str | Path | None) -> _Vader | _ToneDictionary:
    if lexicon is None:
        return _default_vader()
    path = Path(lexicon).expanduser()
    if not path.is_file():
        what = "is a folder, not a file" if path.is_dir() else "does not exist"
        raise FileNotFoundError(f"the lexicon file {str(lexicon)!r} {what}")
    stat = path.stat()
    return _load_lexicon(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=1)
def _default_vader() -> _Vader:
    return _Vader()


@lru_cache(maxsize=8)
def _load_lexicon(path: str, mtime_ns: int, size: int) -> _Vader | _ToneDictionary:
    """Read a lexicon file (cached; the key changes when the file changes)."""
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValueError(
            f"{path}, line {line}: the lexicon is not valid UTF-8 text; save it as UTF-8"
        ) from None
    lines = [line.rstrip("\r") for line in text.split("\n")]
    first = next((n for n, line in enumerate(lines, start=1) if line.strip()), None)
    if first is None:
        raise ValueError(f"{path}: the lexicon file is empty")
    head = lines[first - 1]
    if head.strip().startswith("+"):
        return _read_tone_dictionary(path, lines)
    if "\t" in head.strip():
        return _Vader(_read_vader_lexicon(path, lines))
    raise ValueError(
        f"{path}, line {first}: cannot tell the lexicon's format from {head.strip()[:60]!r}. "
        "Accepted: VADER format ('token<TAB>mean score' per line) or Lexicoder format "
        "(a category line such as '+positive' followed by one entry per line)"
    )


def _read_vader_lexicon(path: str, lines: list[str]) -> dict[str, float]:
    lexicon: dict[str, float] = {}
    for n, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        fields = stripped.split("\t")
        if len(fields) < 2:
            raise ValueError(
                f"{path}, line {n}: expected 'token<TAB>mean score', found no tab in "
                f"{stripped[:60]!r}"
            )
        token, value = fields[0].strip(), fields[1].strip()
        if not token:
            raise ValueError(f"{path}, line {n}: the token before the tab is empty")
        try:
            score = float(value)
        except ValueError:
            score = math.nan
        if not math.isfinite(score):
            raise ValueError(
                f"{path}, line {n}: the score {value!r} of {token!r} is not a finite number"
            )
        lexicon[token] = score
    return lexicon


def _read_tone_dictionary(path: str, lines: list[str]) -> _ToneDictionary:
    category: str | None = None
    seen: dict[str, tuple[int, int, int]] = {}  # entry -> (sign, line, position)
    patterns: list[Pattern] = []
    signs: list[int] = []
    both: dict[str, tuple[int, int]] = {}  # listed on both sides: (first line, other line)
    accepted = ", ".join(f"+{c}" for c in TONE_CATEGORIES)
    for n, line in enumerate(lines, start=1):
        entry = line.strip()
        if not entry:
            continue
        if entry.startswith("+"):
            category = entry[1:].split("#", 1)[0].strip().lower()
            if category not in TONE_CATEGORIES:
                raise ValueError(
                    f"{path}, line {n}: unknown category {entry!r}; accepted: {accepted}"
                )
            continue
        if category is None:  # pragma: no cover - the format check sees a '+' line first
            raise ValueError(f"{path}, line {n}: the entry {entry!r} comes before any category")
        sign = TONE_CATEGORIES[category]
        key = _key(entry)
        if key in seen:
            if seen[key][0] != sign and key not in both:
                both[key] = (seen[key][1], n)
                signs[seen[key][2]] = 0  # on both sides it says nothing: it counts as neither
            continue
        try:
            pattern = compile_pattern(entry, match="glob")
        except ValueError as exc:
            raise ValueError(f"{path}, line {n}: {exc}") from None
        seen[key] = (sign, n, len(patterns))
        patterns.append(pattern)
        signs.append(sign)
    if both:
        listed = "; ".join(f"{k!r} (lines {a} and {b})" for k, (a, b) in list(both.items())[:5])
        more = f" and {len(both) - 5} more" if len(both) > 5 else ""
        warnings.warn(
            f"{path}: {len(both)} entries are listed as positive and as negative and count as "
            f"neither: {listed}{more}",
            UserWarning,
            stacklevel=5,  # the caller of score_sentiment
        )
    if not any(signs):
        raise ValueError(f"{path}: the dictionary has no positive or negative entries")
    return _ToneDictionary(path, tuple(patterns), tuple(signs))


def _key(entry: str) -> str:
    return " ".join(entry.lower().split())


# ------------------------------------------------------------------ aggregation


def sentiment_by(
    frame: pd.DataFrame,
    by: str | Sequence[str],
    *,
    text_col: str = "text",
    ci: CiMethod = "t",
    level: float = 0.95,
    n_boot: int = 2000,
    seed: int = 0,
    missing: str = "(missing)",
) -> pd.DataFrame:
    """Sentiment per group: count, mean compound with a confidence interval, shares.

    Parameters
    ----------
    frame : DataFrame
        A table scored by :func:`score_sentiment` (it is scored here, from
        ``text_col``, when it has no ``compound`` column), e.g. sentences joined
        with the actors they mention, or quotations.
    by : str or list of str
        The column(s) to group by. A missing or blank value becomes the group
        ``missing``, so no row is dropped.
    text_col : str
        The text column, used only when the table has no ``compound`` yet.
    ci : {"t", "bootstrap"}
        How the interval around the mean is computed: Student's t (the default;
        honest with the few rows most groups have) or a percentile bootstrap of
        the mean with ``n_boot`` resamples. Bounds are clipped to [-1, 1]; a
        group with fewer than two scored rows has no interval (NaN).
    level : float
        Confidence level of the interval, between 0 and 1.
    n_boot : int
        Bootstrap resamples.
    seed : int
        Seed of the bootstrap. Each group draws from its own generator seeded
        with ``seed`` and the group's label, so a group's interval is the same
        whatever other groups the table holds.
    missing : str
        The label of rows whose group value is missing.

    Returns
    -------
    DataFrame
        One row per group, most rows first (ties in order of first appearance):
        the ``by`` columns, ``n`` (rows), ``n_scored`` (rows with a score; blank
        texts have none), ``mean_compound``, ``ci_low``, ``ci_high``,
        ``share_negative`` (compound <= -0.05), ``share_positive`` (>= 0.05)
        over the scored rows, and when the table has ``doc_id``:
        ``n_documents`` and ``doc_ids`` (in order of appearance).

    Examples
    --------
    >>> import toolkit
    >>> sents = toolkit.sentences(toolkit.load_corpus("data/"))
    >>> by_kind = toolkit.sentiment_by(sents, "kind")
    >>> int(by_kind["n"].sum()) == len(sents)
    True
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"sentiment_by needs a DataFrame, not {type(frame).__name__}")
    keys = [by] if isinstance(by, str) else list(by)
    if not keys:
        raise ValueError("by= names no column; give one column name or a list of them")
    absent = [k for k in keys if k not in frame.columns]
    if absent:
        raise ValueError(
            f"no column {', '.join(map(repr, absent))} to group by; the table's columns are: "
            f"{', '.join(map(str, frame.columns))}"
        )
    out, _ = _aggregate(
        frame,
        keys,
        text_col=text_col,
        ci=ci,
        level=level,
        n_boot=n_boot,
        seed=seed,
        missing=missing,
    )
    return out


def sentiment_by_speaker(
    quotes: pd.DataFrame,
    *,
    kinds: Sequence[QuoteKind] | QuoteKind | None = None,
    press: bool = True,
    ci: CiMethod = "t",
    level: float = 0.95,
    n_boot: int = 2000,
    seed: int = 0,
    unattributed: str = UNATTRIBUTED,
) -> pd.DataFrame:
    """Sentiment of quotations per speaker.

    Parameters
    ----------
    quotes : DataFrame
        Quotations as :func:`toolkit.extract_quotes` returns them (``doc_id,
        quote_id, text, kind, speaker, role`` are used). They are scored with
        :func:`score_sentiment` when there is no ``compound`` column yet; score
        them yourself first to use another lexicon.
    kinds : "direct", "partial", "indirect" or a list of them, optional
        Keep only these kinds of quotation (e.g. ``"direct"`` for the speakers'
        own words only, ``["direct", "partial"]`` to leave out paraphrase). By
        default every row counts, except that a partial quotation inside an
        indirect one that is also counted is left out (``part_of``): its words
        are already scored with the enclosing quotation; so are the
        ``nested`` rows ("I think ..." inside the speaker's own transcript
        turn, an attribution inside what another row reports).
    press : bool
        Whether to keep press questions (rows whose ``press`` is true, the "Q"
        turns of a transcript); ``press=False`` leaves them out.
    ci, level, n_boot, seed
        The confidence interval of the mean, as in :func:`sentiment_by`.
    unattributed : str
        The speaker label of quotations with no speaker, which are counted, not
        dropped.

    Returns
    -------
    DataFrame
        One row per speaker (per ``speaker_id``, the name of a person across
        the corpus, when the table has it), most quotations first: ``speaker,
        role`` (the
        speaker's most frequent role; ties go to the first seen), ``n_quotes``,
        ``n_scored``, ``mean_compound, ci_low, ci_high, share_negative,
        share_positive`` (compound <= -0.05 / >= 0.05, VADER's usual cut-offs),
        and the way back to the text: ``n_documents``, ``doc_ids`` and
        ``quote_ids`` (the quotations as ``(doc_id, quote_id)`` pairs, in table
        order; quote ids are numbered within each document).

    Raises
    ------
    ValueError
        When the table has no ``speaker`` column, or ``kinds`` names an unknown
        kind or is given for a table without a ``kind`` column.

    Examples
    --------
    >>> import pandas as pd
    >>> import toolkit
    >>> quotes = pd.DataFrame({
    ...     "doc_id": ["d1", "d1", "d2"], "quote_id": [1, 2, 3],
    ...     "text": ["We won a great victory.", "It is a disaster.", "The talks went well."],
    ...     "kind": ["direct", "indirect", "direct"],
    ...     "speaker": ["Mujahid", "Mujahid", None], "role": ["spokesman", None, None]})
    >>> by_speaker = toolkit.sentiment_by_speaker(quotes, kinds="direct")
    >>> by_speaker[["speaker", "n_quotes"]].values.tolist()
    [['Mujahid', 1], ['(unattributed)', 1]]
    """
    if not isinstance(quotes, pd.DataFrame):
        raise TypeError(f"sentiment_by_speaker needs a DataFrame, not {type(quotes).__name__}")
    if "speaker" not in quotes.columns:
        raise ValueError(
            "the quotations table has no 'speaker' column; its columns are: "
            f"{', '.join(map(str, quotes.columns))}. Pass the table from toolkit.extract_quotes."
        )
    table = quotes
    if kinds is not None:
        wanted = [kinds] if isinstance(kinds, str) else list(kinds)
        unknown = [k for k in wanted if k not in QUOTE_KINDS]
        if unknown or not wanted:
            raise ValueError(
                f"kinds={kinds!r}: accepted kinds are {', '.join(QUOTE_KINDS)} (one or a list)"
            )
        if "kind" not in quotes.columns:
            raise ValueError(
                f"kinds={kinds!r} needs a 'kind' column, which the quotations table lacks"
            )
        table = quotes[quotes["kind"].astype(object).isin(wanted).to_numpy()]
    if not press:
        table = without_press(table)
    table = _without_nested_fragments(table)
    table = table.assign(speaker=speaker_names(table))
    out, groups = _aggregate(
        table,
        ["speaker"],
        text_col="text",
        ci=ci,
        level=level,
        n_boot=n_boot,
        seed=seed,
        missing=unattributed,
    )
    out = out.rename(columns={"n": "n_quotes"})
    roles = table["role"].tolist() if "role" in table.columns else [None] * len(table)
    out.insert(1, "role", [_most_frequent([roles[i] for i in rows]) for rows in groups])
    if "quote_id" in table.columns and "doc_id" in table.columns:
        ids = list(zip(table["doc_id"].astype(str), table["quote_id"].tolist(), strict=True))
    else:
        ids = list(table.index)
    out["quote_ids"] = [[ids[i] for i in rows] for rows in groups]
    return out


def _without_nested_fragments(table: pd.DataFrame) -> pd.DataFrame:
    """Drop partial quotations whose enclosing indirect quotation is also in the
    table: its words are scored with the enclosing row, and counting them again
    would weigh them twice. So are the ``nested`` rows (a speaker's
    self-attributions inside their own transcript turn, attributions inside
    what another row reports): the row around them holds their words."""
    if "nested" in table.columns:
        table = table[~table["nested"].fillna(False).astype(bool).to_numpy()]
    if "part_of" not in table.columns or "doc_id" not in table.columns:
        return table
    parents = set(zip(table["doc_id"].astype(str), table["quote_id"].tolist(), strict=True))
    nested = [
        not pd.isna(p) and (d, int(p)) in parents
        for d, p in zip(table["doc_id"].astype(str), table["part_of"], strict=True)
    ]
    return table[~np.asarray(nested, dtype=bool)] if any(nested) else table


def _aggregate(
    frame: pd.DataFrame,
    keys: list[str],
    *,
    text_col: str,
    ci: str,
    level: float,
    n_boot: int,
    seed: int,
    missing: str,
) -> tuple[pd.DataFrame, list[list[int]]]:
    """The per-group table, and each group's row positions in ``frame``."""
    if ci not in CI_METHODS:
        raise ValueError(f"ci={ci!r} is not one of {', '.join(CI_METHODS)}")
    if isinstance(level, bool) or not (isinstance(level, float | int) and 0 < level < 1):
        raise ValueError(f"level={level!r}: the confidence level must be between 0 and 1")
    if isinstance(n_boot, bool) or not isinstance(n_boot, int | np.integer) or n_boot < 100:
        raise ValueError(f"n_boot={n_boot!r}: use a whole number of resamples, 100 or more")
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ValueError(f"seed={seed!r}: the seed must be a whole number, 0 or more")
    if "compound" not in frame.columns:
        frame = score_sentiment(frame, text_col=text_col)
    try:
        compound = pd.to_numeric(frame["compound"]).to_numpy(dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"the 'compound' column must hold numbers: {exc}") from None

    labels = [_labels(frame[k], missing) for k in keys]
    if len(frame):
        codes, uniques = pd.factorize(
            pd.MultiIndex.from_arrays(labels) if len(keys) > 1 else pd.Index(labels[0])
        )
    else:
        codes, uniques = np.zeros(0, dtype=np.int64), []
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
    groups = [order[bounds[g] : bounds[g + 1]].tolist() for g in range(len(uniques))]
    doc_ids = frame["doc_id"].tolist() if "doc_id" in frame.columns else None

    rows = []
    for g, members in enumerate(groups):
        key = uniques[g] if len(keys) > 1 else (uniques[g],)
        values = compound[members]
        scored = values[~np.isnan(values)]
        mean = float(scored.mean()) if len(scored) else math.nan
        group_seed = [int(seed), zlib.crc32(repr(tuple(key)).encode("utf-8"))]
        low, high = _interval(scored, ci, float(level), int(n_boot), group_seed)
        row: dict[str, Any] = dict(zip(keys, key, strict=True))
        row.update(
            n=len(members),
            n_scored=len(scored),
            mean_compound=mean,
            ci_low=low,
            ci_high=high,
            share_negative=float(np.mean(scored <= NEGATIVE_THRESHOLD)) if len(scored) else np.nan,
            share_positive=float(np.mean(scored >= POSITIVE_THRESHOLD)) if len(scored) else np.nan,
        )
        if doc_ids is not None:
            docs = list(dict.fromkeys(doc_ids[i] for i in members))
            row.update(n_documents=len(docs), doc_ids=docs)
        rows.append(row)
    columns = [
        *keys,
        "n",
        "n_scored",
        "mean_compound",
        "ci_low",
        "ci_high",
        "share_negative",
        "share_positive",
        *(["n_documents", "doc_ids"] if doc_ids is not None else []),
    ]
    out = pd.DataFrame(rows, columns=columns)
    out = out.astype({"n": np.int64, "n_scored": np.int64})
    if doc_ids is not None:
        out["n_documents"] = out["n_documents"].astype(np.int64)
    for c in ("mean_compound", "ci_low", "ci_high", "share_negative", "share_positive"):
        out[c] = out[c].astype(float)
    sort = np.argsort(-out["n"].to_numpy(), kind="stable")
    out = out.iloc[sort].reset_index(drop=True)
    groups = [groups[i] for i in sort.tolist()]
    out.attrs["ci"] = f"{level:.0%} {'t' if ci == 't' else 'bootstrap'} interval"
    return out, groups


def _labels(column: pd.Series, missing: str) -> np.ndarray:
    values = column.astype(object).to_numpy(copy=True)
    values[[_blank(v) for v in values]] = missing
    return values


def _most_frequent(values: list[Any]) -> Any:
    counts: dict[Any, int] = {}
    for v in values:
        if not _blank(v):
            counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: counts[v]) if counts else None  # ties: first seen


def _blank(value: Any) -> bool:
    """True for None, NaN/NA and strings of whitespace."""
    if isinstance(value, str):
        return not value.strip()
    return value is None or bool(pd.api.types.is_scalar(value) and pd.isna(value))


def _interval(
    values: np.ndarray, method: str, level: float, n_boot: int, seed: list[int]
) -> tuple[float, float]:
    n = len(values)
    if n < 2:
        return math.nan, math.nan
    mean = float(values.mean())
    if method == "t":
        half = _t_quantile(level, n - 1) * float(values.std(ddof=1)) / math.sqrt(n)
        low, high = mean - half, mean + half
    else:
        rng = np.random.default_rng(seed)
        means = np.empty(n_boot)
        chunk = max(1, 1_000_000 // n)  # bound the memory of one draw
        for s in range(0, n_boot, chunk):
            k = min(chunk, n_boot - s)
            means[s : s + k] = values[rng.integers(0, n, size=(k, n))].mean(axis=1)
        low, high = (float(q) for q in np.quantile(means, [(1 - level) / 2, (1 + level) / 2]))
    return max(low, -1.0), min(high, 1.0)


@lru_cache(maxsize=512)
def _t_quantile(level: float, df: int) -> float:
    """The ``t`` with P(|T| <= t) = level for Student's t with ``df`` degrees of freedom.

    Exact for every ``df`` up to 1000 (the closed-form distribution function of
    Abramowitz & Stegun 26.7.3-4, inverted by bisection); above that, the
    Cornish-Fisher expansion, accurate to about 1e-7 there.
    """
    if df > 1000:
        z = statistics.NormalDist().inv_cdf((1 + level) / 2)
        return (
            z
            + (z**3 + z) / (4 * df)
            + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
            + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
        )
    lo, hi = 0.0, 1.0
    while _t_central(hi, df) < level:
        hi *= 2
    for _ in range(80):
        mid = (lo + hi) / 2
        if _t_central(mid, df) < level:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _t_central(t: float, df: int) -> float:
    """P(-t <= T <= t) for Student's t with ``df`` degrees of freedom."""
    theta = math.atan(t / math.sqrt(df))
    s, c = math.sin(theta), math.cos(theta)
    if df % 2:
        if df == 1:
            return 2 * theta / math.pi
        k = np.arange(1, (df - 1) // 2)
        coef = np.concatenate([[1.0], np.cumprod(2 * k / (2 * k + 1))])
        powers = 2 * np.arange(len(coef)) + 1
        return 2 / math.pi * (theta + s * float(np.sum(coef * c**powers)))
    k = np.arange(1, df // 2)
    coef = np.concatenate([[1.0], np.cumprod((2 * k - 1) / (2 * k))])
    powers = 2 * np.arange(len(coef))
    return s * float(np.sum(coef * c**powers))

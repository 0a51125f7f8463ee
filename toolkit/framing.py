"""Framing: frame cues with voice and speaker, collocates and keyness.

The frame lexicons use the same YAML form and matching contract as the actor
lexicons (:mod:`toolkit.lexicons`, :mod:`toolkit.patterns`).

Voice is what sets these counts apart from a concordancer's: every hit is joined
with the quotation table (:func:`toolkit.extract_quotes`) to say whose words it is
in. ``voice`` is ``quoted`` inside a direct or partial quotation (words in
quotation marks), ``reported`` inside the content of indirect speech ("he said
that ...") and ``narrator`` elsewhere (the journalist's own words); ``speaker``
is the quotation's speaker.

Counts are normalised **per 1,000 word tokens**: tokens of
:func:`toolkit.tokenize` that contain at least one letter or digit
(``is_punct`` false). Punctuation is not counted; clitics such as ``'s`` and
``n't`` are. The same denominator is used by :func:`count_frames` and
:func:`toolkit.count_actors`: for a group of documents it is their word tokens,
and when counting by ``voice`` or ``speaker`` it is the word tokens in that voice
or in that speaker's quotations.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd

from ._frames import str_array
from .corpus import Corpus, as_corpus
from .index import TokenIndex, corpus_index
from .lexicons import DEFAULT_FRAMES, Lexicon, load_lexicon, match_lexicon
from .patterns import MatchMode, Pattern, compile_pattern, find_spans

__all__: list[str] = []

# ------------------------------------------------------------------ frame cues

__all__ += ["attach_voice", "count_frames", "find_frames"]

VOICES: tuple[str, ...] = ("narrator", "quoted", "reported")
_QUOTED_KINDS = ("direct", "partial")
_REPORTED_KINDS = ("indirect",)
_VOICE_KEYS = ("voice", "speaker")
_STR = pd.Series(["x"]).dtype  # the default string dtype ("str" on pandas 3)
PERIODS: dict[str, str] = {"year": "Y", "quarter": "Q", "month": "M", "week": "W", "day": "D"}
FRAME_HIT_COLUMNS = [
    "doc_id",
    "sent_id",
    "start",
    "end",
    "text",
    "frame",
    "cue",
    "voice",
    "speaker",
    "quote_id",
]


def find_frames(
    corpus: Any,
    lexicon: str | Lexicon | None = None,
    *,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every frame cue in the corpus, with whose words it is in.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    lexicon : str, path, dict or Lexicon, optional
        A frame lexicon (see :func:`toolkit.load_lexicon`); default
        ``"afghanistan-2021-frames"``.
    quotes : DataFrame, optional
        A quotation table (``doc_id, start, end, kind`` and ``speaker``, as from
        :func:`toolkit.extract_quotes`). By default it is computed (once per corpus).

    Returns
    -------
    DataFrame
        One row per cue hit, in corpus order: ``doc_id, sent_id, start, end, text,
        frame, cue, voice, speaker, quote_id``. ``cue`` is the lexicon pattern
        that matched; ``text`` is ``docs.text[start:end]``. Where cues overlap the
        longest match wins and a stretch of text counts for one frame only.

    Examples
    --------
    >>> import toolkit
    >>> hits = toolkit.find_frames("data/")
    >>> hits.loc[hits.text == "defeat", ["frame", "voice"]].to_numpy().tolist()
    [['defeat', 'quoted']]
    """
    c = as_corpus(corpus)
    lex = load_lexicon(DEFAULT_FRAMES if lexicon is None else lexicon, kind="frames")
    hits = lexicon_hits(c, lex)
    hits = hits.rename(columns={"pattern": "cue"})
    return attach_voice(hits, quotes_of(c, quotes))[FRAME_HIT_COLUMNS]


def count_frames(
    corpus: Any,
    lexicon: str | Lexicon | None = None,
    *,
    by: str | list[str] | None = None,
    quotes: pd.DataFrame | None = None,
    hits: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """How often each frame is cued, normalised per 1,000 word tokens.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    lexicon : str, path, dict or Lexicon, optional
        Default ``"afghanistan-2021-frames"``.
    by : str or list of str, optional
        Group the counts: ``"voice"`` or ``"speaker"`` (whose words), ``"doc_id"``,
        any document column (``"source"``, ``"date"`` or your own metadata), a date
        period (``"year"``, ``"quarter"``, ``"month"``, ``"week"``, ``"day"``) or
        any column of the hits (``"cue"``).
    quotes : DataFrame, optional
        The quotation table (default: computed).
    hits : DataFrame, optional
        Count these hits (a :func:`find_frames` result, perhaps filtered) instead
        of searching again.

    Returns
    -------
    DataFrame
        One row per group and frame: the ``by`` columns, ``frame``, ``mentions``
        (cue hits), ``documents`` (with at least one hit), ``tokens`` (the word
        tokens of the group: the denominator) and ``per_1k_tokens`` (``mentions /
        tokens * 1000``). Every frame of the lexicon gets a row in every group,
        with 0 where it has no hit.

    Examples
    --------
    >>> import toolkit
    >>> table = toolkit.count_frames("data/", by="voice")
    >>> table.query("frame == 'defeat'").set_index("voice").mentions.to_dict()
    {'narrator': 1, 'quoted': 2, 'reported': 0}
    """
    c = as_corpus(corpus)
    keys = _by_list(by)
    if hits is None:
        q = quotes_of(c, quotes)
        hits = find_frames(c, lexicon, quotes=q)
    else:
        _require(hits, ["doc_id", "frame"], "hits (a find_frames result)")
        q = quotes_of(c, quotes) if any(k in _VOICE_KEYS for k in keys) else None
    names = load_lexicon(DEFAULT_FRAMES if lexicon is None else lexicon, kind="frames").names
    return count_hits(hits, c, label="frame", by=keys, quotes=q, labels=names)


# -- shared by frames and actors ------------------------------------------------


def lexicon_hits(corpus: Corpus, lexicon: Lexicon) -> pd.DataFrame:
    """The kept matches of a lexicon as a table: ``doc_id, sent_id, start, end,
    text``, the entry (``actor`` or ``frame``), ``pattern`` and ``pattern_no``."""
    idx = corpus_index(corpus)
    m = match_lexicon(corpus, lexicon)
    first = m["first"].to_numpy()
    end = m["end"].to_numpy()
    no = m["pattern_no"].to_numpy()
    doc = idx.token_doc(first)
    start_c = idx.start[first]
    end_c = idx.end[end - 1] if len(end) else idx.end[:0]
    texts = idx.texts
    text = [
        texts[d][a:b]
        for d, a, b in zip(doc.tolist(), start_c.tolist(), end_c.tolist(), strict=True)
    ]
    pats = lexicon.patterns
    label = lexicon.label
    names = pd.Categorical(
        pats[label].to_numpy()[no], categories=list(dict.fromkeys(lexicon.names))
    )
    return pd.DataFrame(
        {
            "doc_id": idx.doc_categorical(doc),
            "sent_id": (idx.sent[first] - idx.doc_sent[doc]).astype(np.int32),
            "start": start_c.astype(np.int32),
            "end": end_c.astype(np.int32),
            "text": str_array(text),
            label: names,
            "pattern": str_array(pats["pattern"].to_numpy()[no].tolist()),
            "pattern_no": no.astype(np.int32),
        }
    )


def quotes_of(corpus: Corpus, quotes: pd.DataFrame | None) -> pd.DataFrame:
    """The quotation table to join with: the one given, else
    :func:`toolkit.quotes.extract_quotes` of the corpus (computed once and kept
    with the corpus)."""
    if quotes is not None:
        return _check_quotes(quotes)
    cached = corpus._cache.get("voice_quotes")
    if cached is None:
        from .quotes import extract_quotes

        cached = _check_quotes(extract_quotes(corpus))
        corpus._cache["voice_quotes"] = cached
    return cached


def attach_voice(hits: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Say whose words each hit is in.

    A hit is inside a quotation when its ``start`` lies within the quotation's
    span in the same document. Direct and partial quotations take precedence
    over indirect ones; among several of the same precedence the innermost (the
    one starting last) is used.

    Parameters
    ----------
    hits : DataFrame
        Any table with ``doc_id`` and ``start`` (character offsets into
        ``docs.text``), e.g. :func:`find_frames` or :func:`toolkit.kwic` rows.
    quotes : DataFrame
        ``doc_id, start, end, kind`` (``direct``, ``partial`` or ``indirect``),
        and optionally ``speaker`` and ``quote_id``, as from
        :func:`toolkit.extract_quotes`.

    Returns
    -------
    DataFrame
        A copy of ``hits`` with ``voice`` (``quoted`` inside a direct or partial
        quotation, ``reported`` inside indirect speech, else ``narrator``),
        ``speaker`` (the quotation's speaker; missing for the narrator or an
        unattributed quotation) and ``quote_id``.

    Examples
    --------
    >>> import pandas as pd
    >>> import toolkit
    >>> quotes = pd.DataFrame({"doc_id": ["d"], "start": [9], "end": [17],
    ...     "kind": ["direct"], "speaker": ["Zarif"]})
    >>> hits = pd.DataFrame({"doc_id": ["d", "d"], "start": [0, 10]})
    >>> toolkit.attach_voice(hits, quotes)[["voice", "speaker"]].values.tolist()
    [['narrator', nan], ['quoted', 'Zarif']]
    """
    _require(hits, ["doc_id", "start"], "hits")
    q = _check_quotes(quotes)
    row = _locate(hits["doc_id"], hits["start"].to_numpy(np.int64), q)
    out = hits.copy()
    out["voice"] = _voice_of(row, q)
    out["speaker"] = _take(q["speaker"], row)
    out["quote_id"] = _take(q["quote_id"], row)
    return out


def _check_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(quotes, pd.DataFrame):
        raise TypeError(f"quotes must be a DataFrame, not {type(quotes).__name__}")
    _require(quotes, ["doc_id", "start", "end", "kind"], "the quotation table")
    kinds = set(quotes["kind"].dropna().astype(str).unique())
    unknown = kinds - set(_QUOTED_KINDS) - set(_REPORTED_KINDS)
    if unknown:
        raise ValueError(
            f"the quotation table has unknown kinds {sorted(unknown)}; "
            f"expected {', '.join(_QUOTED_KINDS + _REPORTED_KINDS)}"
        )
    q = quotes
    if "speaker" not in q.columns or "quote_id" not in q.columns:
        q = q.copy()
        if "speaker" not in q.columns:
            q["speaker"] = pd.Series(pd.NA, index=q.index, dtype="string")
        if "quote_id" not in q.columns:
            q["quote_id"] = np.arange(len(q), dtype=np.int64)
    return q


def _require(frame: pd.DataFrame, columns: list[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{what} lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
            f"it has: {', '.join(map(str, frame.columns))}"
        )


def _locate(hit_doc: pd.Series, starts: np.ndarray, q: pd.DataFrame) -> np.ndarray:
    """Row of ``q`` whose span holds each position (-1 for none): direct and
    partial quotations first, then indirect; the innermost when nested."""
    row = np.full(len(starts), -1, dtype=np.int64)
    if len(q) == 0 or len(starts) == 0:
        return row
    q_doc = q["doc_id"].astype(str).to_numpy()
    docs = pd.Index(pd.unique(q_doc))
    shift = np.int64(1) << np.int64(34)
    # a document without quotations gets code -1: its keys fall before every span
    key = _codes_in(hit_doc, docs) * shift + starts
    q_key0 = docs.get_indexer(q_doc).astype(np.int64) * shift
    q_start = q_key0 + q["start"].to_numpy(np.int64)
    q_end = q_key0 + q["end"].to_numpy(np.int64)
    kind = q["kind"].astype(str).to_numpy()
    for kinds in (_QUOTED_KINDS, _REPORTED_KINDS):
        todo = np.flatnonzero(row < 0)
        rows = np.flatnonzero(np.isin(kind, kinds))
        if len(todo) == 0 or len(rows) == 0:
            continue
        rows = rows[np.argsort(q_start[rows], kind="stable")]
        qs, qe = q_start[rows], q_end[rows]
        j = np.searchsorted(qs, key[todo], side="right") - 1
        has = j >= 0
        jj = np.maximum(j, 0)
        inside = has & (key[todo] < qe[jj])
        row[todo[inside]] = rows[jj[inside]]
        # spans of one kind may overlap: an earlier, longer span can hold a
        # position that the nearest span does not
        reach = np.maximum.accumulate(qe)
        for t in np.flatnonzero(has & ~inside & (key[todo] < reach[jj])).tolist():
            k = key[todo[t]]
            for i in range(int(jj[t]) - 1, -1, -1):
                if qs[i] <= k < qe[i]:
                    row[todo[t]] = rows[i]
                    break
    return row


def _codes_in(values: pd.Series, docs: pd.Index) -> np.ndarray:
    """Position of each value in ``docs`` (-1 when absent), looked up once per
    distinct value."""
    values = pd.Series(values)
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy()
        names = values.cat.categories.astype(str)
    else:
        codes, names = pd.factorize(values.astype(str))
    where = docs.get_indexer(names).astype(np.int64)
    out = np.full(len(codes), -1, dtype=np.int64)
    ok = codes >= 0
    out[ok] = where[codes[ok]]
    return out


def _voice_of(row: np.ndarray, q: pd.DataFrame) -> pd.Categorical:
    kind = q["kind"].astype(str).to_numpy()
    codes = np.zeros(len(row), dtype=np.int8)
    found = row >= 0
    quoted = np.isin(kind, _QUOTED_KINDS)
    codes[found] = np.where(quoted[row[found]], 1, 2)
    return pd.Categorical.from_codes(codes, categories=list(VOICES))


def _take(column: pd.Series, row: np.ndarray) -> pd.Series:
    """Values of ``column`` at ``row`` (missing where ``row`` is -1)."""
    if pd.api.types.is_integer_dtype(column.dtype):
        values = column.astype("Int64").array
    else:
        values = column.astype(_STR).array
    if len(values) == 0:
        return pd.Series(values.take(np.zeros(0, dtype=np.int64))).reindex(range(len(row)))
    return pd.Series(values.take(row, allow_fill=True))


def _by_list(by: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if by is None:
        return []
    keys = [by] if isinstance(by, str) else list(by)
    for k in keys:
        if not isinstance(k, str):
            raise TypeError(f"by must name columns (strings), not {k!r}")
    if len(set(keys)) != len(keys):
        raise ValueError(f"by={keys!r} names a column twice")
    return keys


def count_hits(
    hits: pd.DataFrame,
    corpus: Corpus,
    *,
    label: str,
    by: list[str],
    quotes: pd.DataFrame | None,
    extra: list[str] | None = None,
    labels: list[str] | None = None,
) -> pd.DataFrame:
    """Count hits per group and ``label`` value with the per-1,000-word
    denominator described in the module docstring.

    ``extra`` names hit columns carried along with the label (e.g. an actor's
    ``type``); they must be constant per label value. ``labels`` lists values
    that get a row (of zeros) even when nothing was found; otherwise only the
    values found do.
    """
    idx = corpus_index(corpus)
    docs = corpus.docs
    extra = [e for e in (extra or []) if e not in by]
    doc_keys, voice_keys, hit_keys = _classify(by, hits, docs, label)
    # -- the denominator: word tokens per group of text
    if voice_keys:
        if quotes is None:  # pragma: no cover - callers always pass it
            raise ValueError("counting by voice or speaker needs the quotation table")
        tok = _word_token_voice(idx, quotes)
        keys = ["_doc", *voice_keys]
        denom = tok.groupby(keys, observed=True, dropna=False, sort=False).size()
        denom = denom.rename("tokens").reset_index()
    else:
        denom = pd.DataFrame(
            {"_doc": np.arange(idx.n_docs), "tokens": idx.words_per_doc.astype(np.int64)}
        )
    # document keys travel as integer codes (sorted like their values) and are
    # turned back into values at the end
    doc_codes = {k: _factorized(_doc_key(docs, k)) for k in doc_keys}
    dtypes: dict[str, Any] = dict.fromkeys(doc_keys, np.dtype(np.int64))
    dtypes.update({k: hits[k].dtype for k in [*voice_keys, *hit_keys, label, *extra]})
    for k in doc_keys:
        denom[k] = doc_codes[k][0][denom["_doc"].to_numpy()]
    denom = _with_dtypes(denom, dtypes)
    text_keys = doc_keys + voice_keys
    if text_keys:
        denom = (
            denom.groupby(text_keys, observed=True, dropna=False, sort=True)["tokens"]
            .sum()
            .reset_index()
        )
        denom = _with_dtypes(denom, dtypes)
    else:
        denom = pd.DataFrame({"tokens": [int(denom["tokens"].sum())]})
    # -- the numerator
    h = pd.DataFrame({"_doc": _doc_codes(hits["doc_id"], idx)})
    for k in doc_keys:
        h[k] = doc_codes[k][0][h["_doc"].to_numpy()]
    for k in voice_keys + hit_keys + [label] + extra:
        h[k] = hits[k].to_numpy()
    group = text_keys + hit_keys + [label]
    counts = (
        h.groupby(group + extra, observed=True, dropna=False, sort=False)
        .agg(mentions=("_doc", "size"), documents=("_doc", "nunique"))
        .reset_index()
    )
    counts = _with_dtypes(counts, dtypes)
    # -- every group of text gets a row for every label seen (0 when absent)
    combos = counts[[*hit_keys, label, *extra]].drop_duplicates()
    if labels is not None and not hit_keys and not extra:
        found = set(combos[label].astype(str))
        missing = [v for v in labels if v not in found]
        combos = pd.concat([combos, pd.DataFrame({label: missing})], ignore_index=True)
        combos = _with_dtypes(combos, dtypes)
    grid = (
        denom.merge(combos, how="cross")
        if text_keys
        else combos.assign(tokens=denom["tokens"].iat[0])
    )
    out = grid.merge(counts, on=group + extra, how="left")
    out["mentions"] = out["mentions"].fillna(0).astype(np.int64)
    out["documents"] = out["documents"].fillna(0).astype(np.int64)
    out["tokens"] = out["tokens"].astype(np.int64)
    tokens = out["tokens"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["per_1k_tokens"] = np.where(
            tokens > 0, out["mentions"].to_numpy() / tokens * 1000.0, np.nan
        )
    if label in hits.columns and isinstance(hits[label].dtype, pd.CategoricalDtype):
        out[label] = pd.Categorical(out[label], categories=hits[label].cat.categories)
    order = [*by, label, *extra, "mentions", "documents", "tokens", "per_1k_tokens"]
    out = out[order]
    sort_cols = [*by, "mentions", label]
    ascending = [True] * len(by) + [False, True]
    out = out.sort_values(sort_cols, ascending=ascending, kind="stable", na_position="last")
    out = out.reset_index(drop=True)
    for k in doc_keys:
        out[k] = doc_codes[k][1].take(out[k].to_numpy())
    return out


def _factorized(values: pd.Series) -> tuple[np.ndarray, Any]:
    """Integer codes of a document column and its distinct values, sorted when the
    values can be compared; missing values are a value of their own, last."""
    try:
        codes, uniques = pd.factorize(values, sort=True, use_na_sentinel=False)
    except TypeError:  # values of mixed types: first-seen order
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
    return codes.astype(np.int64), uniques


def _with_dtypes(frame: pd.DataFrame, dtypes: dict[str, Any]) -> pd.DataFrame:
    """Give key columns back their dtypes (a group of missing values comes out of
    ``groupby`` as float), so tables merge on equal keys."""
    wrong = {k: t for k, t in dtypes.items() if k in frame.columns and frame[k].dtype != t}
    return frame.astype(wrong) if wrong else frame


def _classify(
    by: list[str], hits: pd.DataFrame, docs: pd.DataFrame, label: str
) -> tuple[list[str], list[str], list[str]]:
    doc_keys, voice_keys, hit_keys = [], [], []
    doc_cols = [c for c in docs.columns if c not in ("text", "raw")]
    for k in by:
        if k == label:
            raise ValueError(f"by={k!r}: counts are always per {label}; group by something else")
        if k in _VOICE_KEYS:
            _require(hits, [k], "the hits")
            voice_keys.append(k)
        elif k in doc_cols or k in PERIODS:
            doc_keys.append(k)
        elif k in hits.columns:
            hit_keys.append(k)
        else:
            options = sorted(
                {*doc_cols, *PERIODS, *_VOICE_KEYS, *hits.columns}
                - {"text", "start", "end", "sent_id", label}
            )
            raise ValueError(f"cannot group by {k!r}; choose from: {', '.join(options)}")
    return doc_keys, voice_keys, hit_keys


def _doc_key(docs: pd.DataFrame, key: str) -> pd.Series:
    if key in docs.columns:
        return docs[key]
    dates = pd.to_datetime(docs["date"], errors="coerce")
    if dates.isna().all():
        raise ValueError(
            f"by={key!r} needs document dates, and no document in this corpus has one "
            "(give dates in a 'date' column or in the files' front matter)"
        )
    return dates.dt.to_period(PERIODS[key])


def _doc_codes(doc_ids: pd.Series, idx: TokenIndex) -> np.ndarray:
    codes = pd.Index(idx.doc_ids).get_indexer(doc_ids.astype(str))
    if (codes < 0).any():
        bad = pd.unique(doc_ids.astype(str)[codes < 0])[:5].tolist()
        raise ValueError(f"the hits name documents that are not in the corpus: {bad}")
    return codes


def _word_token_voice(idx: TokenIndex, quotes: pd.DataFrame) -> pd.DataFrame:
    """Document, voice and speaker of every word token (cached per quotation table)."""
    key = ("word_token_voice", id(quotes))
    cached = idx._match_cache.get(key)
    if cached is not None and cached[0] is quotes:
        return cached[1]
    pos = idx.word_pos.astype(np.int64)
    doc = idx.token_doc(pos)
    row = _locate(pd.Series(idx.doc_categorical(doc)), idx.start[pos].astype(np.int64), quotes)
    # speakers as a categorical: one small code per token instead of a string
    spk_code, speakers = pd.factorize(quotes["speaker"].astype(_STR).reset_index(drop=True))
    codes = np.where(row >= 0, spk_code[np.maximum(row, 0)], -1) if len(spk_code) else row
    table = pd.DataFrame(
        {
            "_doc": doc.astype(np.int32),
            "voice": _voice_of(row, quotes),
            "speaker": pd.Categorical.from_codes(codes, categories=pd.Index(speakers)),
        }
    )
    idx._match_cache[key] = (quotes, table)
    return table


# ----------------------------------------------------------- collocates, keyness

__all__ += ["collocates", "keyness", "stopword_list"]

CollocateMeasure = Literal["logdice", "g2", "pmi", "t", "count"]
KeynessMeasure = Literal["g2", "log_ratio"]
COLLOCATE_MEASURES: tuple[str, ...] = get_args(CollocateMeasure)
KEYNESS_MEASURES: tuple[str, ...] = get_args(KeynessMeasure)
COLLOCATE_COLUMNS = [
    "collocate",
    "count",
    "expected",
    "logdice",
    "g2",
    "pmi",
    "t",
    "documents",
    "frequency",
    "left",
    "right",
    "first_doc_id",
    "first_start",
    "first_end",
]
KEYNESS_COLUMNS = [
    "term",
    "target_count",
    "reference_count",
    "g2",
    "log_ratio",
    "p",
    "target_per_1k",
    "reference_per_1k",
    "target_documents",
    "reference_documents",
    "first_doc_id",
    "first_start",
    "first_end",
]
_PACKAGED_STOPWORDS = {"english": "stopwords_en.txt"}


def stopword_list(name: str = "english") -> frozenset[str]:
    """A packaged stopword list (lower-cased words).

    ``"english"`` is ``resources/stopwords_en.txt``: closed-class words only
    (articles, pronouns, prepositions, conjunctions, auxiliaries, modals, negation,
    function adverbs and clitics as the tokenizer splits them, such as ``n't`` and
    ``'s``). Reporting verbs (*said*), titles (*Mr*) and numbers are deliberately
    not in it: news-discourse research looks at them.

    Examples
    --------
    >>> from toolkit.framing import stopword_list
    >>> sorted({"the", "n't", "said"} & stopword_list())
    ["n't", 'the']
    """
    if name not in _PACKAGED_STOPWORDS:
        raise ValueError(
            f"stopwords={name!r} is not a packaged list; use one of "
            f"{', '.join(map(repr, _PACKAGED_STOPWORDS))}, a list of words, or None"
        )
    return _read_stopwords(_PACKAGED_STOPWORDS[name])


@lru_cache(maxsize=4)
def _read_stopwords(filename: str) -> frozenset[str]:
    text = resources.files("toolkit.resources").joinpath(filename).read_text("utf-8")
    words = (line.strip() for line in text.splitlines())
    return frozenset(w.lower() for w in words if w and not w.startswith("#"))


def _stopword_words(stopwords: str | Iterable[str] | None) -> frozenset[str]:
    """The lower-cased words of a ``stopwords`` option (a packaged name, words or None)."""
    if stopwords is None:
        return frozenset()
    if isinstance(stopwords, str):
        return stopword_list(stopwords)
    words = list(stopwords)
    bad = [w for w in words if not isinstance(w, str)]
    if bad:
        raise TypeError(f"stopwords must be strings; got {bad[:3]!r}")
    return frozenset(w.lower() for w in words)


def _stop_mask(terms: np.ndarray, words: frozenset[str]) -> np.ndarray:
    """Boolean mask over lower-cased ``terms``: True for the stopwords ``words``."""
    return np.fromiter((t in words for t in terms.tolist()), dtype=bool, count=len(terms))


def _check_whole(name: str, value: Any, *, minimum: int, unit: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise ValueError(
            f"{name}={value!r}: it must be a whole number of {unit}, {minimum} or more"
        )
    return int(value)


def _xlnx(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    """``o * ln(o / e)``, taking ``0 * ln 0`` as 0 (e > 0 wherever o > 0)."""
    positive = o > 0
    return np.where(
        positive, o * np.log(np.where(positive, o, 1.0) / np.where(positive, e, 1.0)), 0.0
    )


def _term_order(terms: np.ndarray, score: np.ndarray) -> np.ndarray:
    """Rows by score, highest first; ties broken alphabetically by term."""
    alpha = np.argsort(terms.astype(str), kind="stable")
    rank = np.empty(len(terms), dtype=np.int64)
    rank[alpha] = np.arange(len(terms))
    return np.lexsort((rank, -score))


def _patterns(
    pattern: str | Pattern | Sequence[str], match: MatchMode, case_sensitive: bool
) -> list[Pattern]:
    items = [pattern] if isinstance(pattern, str | Pattern) else list(pattern)
    if not items:
        raise ValueError("no pattern given: pass a word, a glob, a phrase or a list of them")
    compiled = [compile_pattern(p, match=match, case_sensitive=case_sensitive) for p in items]
    return list({p.source: p for p in compiled}.values())


def _cover(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """Boolean mask over ``0 .. n-1``: True where some interval ``[a, b)`` covers."""
    keep = a < b
    if not keep.any():
        return np.zeros(n, dtype=bool)
    diff = np.bincount(a[keep], minlength=n + 1) - np.bincount(b[keep], minlength=n + 1)
    return np.cumsum(diff[:n]) > 0


def collocates(
    corpus: Any,
    pattern: str | Sequence[str],
    *,
    window: int = 5,
    measure: CollocateMeasure = "logdice",
    min_count: int = 2,
    stopwords: str | Iterable[str] | None = "english",
    match: MatchMode = "glob",
    case_sensitive: bool = False,
    within: Literal["document", "sentence"] = "document",
) -> pd.DataFrame:
    """Words that occur near a node pattern more (or less) often than chance predicts.

    **Window.** The words (punctuation is not counted, as in :func:`toolkit.kwic`)
    up to ``window`` words left of each node hit and ``window`` words right of it,
    never crossing the document's edge (nor the sentence's, with
    ``within="sentence"``).

    **Counting.** The windows of all hits are merged into one *window region* and
    every word position in it is counted once, however many hits' windows cover
    it: two hits three words apart share the words between them, which count once,
    not twice. The tokens of the node hits themselves (a hit's own words and any
    other hit inside a window) are never in the region, so a node is not its own
    collocate. Collocates are lower-cased word types; ``case_sensitive`` applies
    to the node only.

    **Contingency table** (surface co-occurrence, Evert 2008, "Corpora and
    collocations"), for a collocate *c*::

                           c            other words
        window region     O11 = count   O12 = R1 - O11        R1 = words in the region
        rest of corpus    O21 = C1-O11  O22 = N-R1-C1+O11
                          C1 = frequency                      N = words in the corpus

    with expected counts ``Eij = row total * column total / N`` (so
    ``expected = R1 * C1 / N``). From it:

    * ``logdice = 14 + log2(2 * O11 / (f_node + C1))`` (Rychlý 2008), where
      ``f_node`` is the number of node hits; at most 14 when ``O11 <= f_node``
      (a wide window can let a collocate occur more often than the node, and
      logDice then exceeds 14);
    * ``g2 = 2 * sum(Oij * ln(Oij / Eij))`` over the four cells (Dunning 1993),
      given the sign of ``O11 - E11``: negative when the collocate is rarer near
      the node than elsewhere;
    * ``pmi = log2(O11 / E11)`` and ``t = (O11 - E11) / sqrt(O11)`` (Evert 2008).

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    pattern : str or list of str
        The node: a word, glob, phrase or regex as in :mod:`toolkit.patterns`. A
        list makes every pattern's hits nodes (a span found twice counts once).
    window : int
        Words on each side, 1 or more.
    measure : {"logdice", "g2", "pmi", "t", "count"}
        The column that orders the rows (highest first; ties by collocate).
    min_count : int
        Keep collocates with at least this many co-occurrences.
    stopwords : "english", list of str, or None
        Words left out of the table (``"english"``: :func:`stopword_list`). Leaving
        a word out removes its row only; every count and statistic is the same
        with or without stopwords.
    match : {"glob", "regex", "fixed"}
    case_sensitive : bool
    within : {"document", "sentence"}
        Where windows stop.

    Returns
    -------
    DataFrame
        One row per collocate: ``collocate, count`` (O11), ``expected`` (E11),
        ``logdice, g2, pmi, t``, ``documents`` (documents in which the collocate
        occurs in the window region), ``frequency`` (C1), ``left`` and ``right``
        (co-occurrences in the merged left windows and in the merged right
        windows: what a one-sided window would count; a word between two nearby
        hits is in both, so ``left + right`` can exceed ``count``), and the first
        co-occurrence in corpus order (``first_doc_id``, ``first_start``,
        ``first_end``: character offsets of the collocate in ``docs.text``).
        ``attrs`` holds ``node``, ``node_count`` (f_node), ``window``,
        ``window_words`` (R1), ``corpus_words`` (N) and ``measure``. A node that
        does not occur gives an empty table with these columns.

    Examples
    --------
    >>> import toolkit
    >>> table = toolkit.collocates("data/", "Taliban", window=3)
    >>> table.loc[table.collocate == "fighters", ["count", "frequency", "right"]].values.tolist()
    [[6, 7, 6]]
    """
    window = _check_whole("window", window, minimum=1, unit="words")
    min_count = _check_whole("min_count", min_count, minimum=1, unit="co-occurrences")
    if measure not in COLLOCATE_MEASURES:
        raise ValueError(f"measure={measure!r} is not one of {', '.join(COLLOCATE_MEASURES)}")
    if within not in ("document", "sentence"):
        raise ValueError(f"within={within!r} is not one of 'document', 'sentence'")
    compiled = _patterns(pattern, match, case_sensitive)
    stopset = _stopword_words(stopwords)
    idx = corpus_index(corpus)

    spans = [find_spans(idx, p) for p in compiled]
    first = np.concatenate([f for f, _ in spans])
    end = np.concatenate([e for _, e in spans])
    if len(compiled) > 1 and len(first):
        pairs = np.unique(np.stack([first, end], axis=1), axis=0)
        first, end = pairs[:, 0], pairs[:, 1]
    n_words = len(idx.word_pos)
    attrs = {
        "node": " | ".join(p.source for p in compiled),
        "node_count": len(first),
        "window": window,
        "within": within,
        "window_words": 0,
        "corpus_words": n_words,
        "measure": measure,
    }
    if len(first) == 0:
        return _empty_collocates(idx, attrs)

    # Work in word ranks (the n-th word of the corpus): a window of w words is a
    # range of w ranks, clipped to the ranks of the document (or sentence).
    wr = idx.word_rank.astype(np.int64)
    r0, r1 = wr[first], wr[end]
    if within == "sentence":
        lo = wr[idx.sent_tok[idx.sent[first]]]
        hi = wr[idx.sent_tok[idx.sent[end - 1] + 1]]
    else:
        doc = idx.token_doc(first)
        lo, hi = wr[idx.doc_tok[doc]], wr[idx.doc_tok[doc + 1]]
    node = _cover(r0, r1, n_words)
    in_left = _cover(np.maximum(r0 - window, lo), r0, n_words) & ~node
    in_right = _cover(r1, np.minimum(r1 + window, hi), n_words) & ~node
    ranks = np.flatnonzero(in_left | in_right)
    pos = idx.word_pos[ranks].astype(np.int64)
    types = idx.lower(pos)
    n_types = len(idx.lowers)
    count = np.bincount(types, minlength=n_types)
    keep = count >= min_count
    keep[np.flatnonzero(keep)[_stop_mask(idx.lowers[keep], stopset)]] = False
    cand = np.flatnonzero(keep)
    attrs["window_words"] = len(ranks)
    if len(cand) == 0:
        return _empty_collocates(idx, attrs)

    # documents and first co-occurrence of each kept type: distinct (type, doc)
    # pairs; np.unique gives each pair's first index, positions are in corpus order
    sel = keep[types]
    p_sel, t_sel = pos[sel], types[sel].astype(np.int64)
    d_sel = idx.token_doc(p_sel)
    pair, first_i = np.unique(t_sel * idx.n_docs + d_sel, return_index=True)
    pair_type = pair // idx.n_docs
    documents = np.bincount(pair_type, minlength=n_types)
    new_type = np.r_[True, pair_type[1:] != pair_type[:-1]]
    first_pos = np.zeros(n_types, dtype=np.int64)
    first_pos[pair_type[new_type]] = p_sel[first_i[new_type]]

    o11 = count[cand].astype(np.float64)
    c1 = idx.lower_count[cand].astype(np.float64)
    stats = _association(o11, c1, r1=float(len(ranks)), n=float(n_words), f_node=len(first))
    stats["count"] = count[cand]
    stats["documents"] = documents[cand]
    stats["frequency"] = idx.lower_count[cand]
    stats["left"] = np.bincount(types[in_left[ranks]], minlength=n_types)[cand]
    stats["right"] = np.bincount(types[in_right[ranks]], minlength=n_types)[cand]
    terms = idx.lowers[cand]
    order = _term_order(terms, stats[measure].astype(np.float64))
    fp = first_pos[cand][order]
    fdoc = idx.token_doc(fp)
    table = pd.DataFrame(
        {
            "collocate": str_array(terms[order].tolist()),
            **{c: stats[c][order] for c in COLLOCATE_COLUMNS[1:11]},
            "first_doc_id": idx.doc_categorical(fdoc),
            "first_start": idx.start[fp],
            "first_end": idx.end[fp],
        }
    )
    table = table.astype(
        {c: np.int64 for c in ("count", "documents", "frequency", "left", "right")}
    )
    table.attrs.update(attrs)
    return table


def _association(
    o11: np.ndarray, c1: np.ndarray, *, r1: float, n: float, f_node: int
) -> dict[str, np.ndarray]:
    """The association measures of :func:`collocates` from the contingency table."""
    o12, o21 = r1 - o11, c1 - o11
    o22 = n - r1 - c1 + o11
    e11 = r1 * c1 / n
    e12 = r1 * (n - c1) / n
    e21 = (n - r1) * c1 / n
    e22 = (n - r1) * (n - c1) / n
    g2 = 2.0 * (_xlnx(o11, e11) + _xlnx(o12, e12) + _xlnx(o21, e21) + _xlnx(o22, e22))
    g2 = np.where(o11 < e11, -g2, g2)
    return {
        "expected": e11,
        "logdice": 14.0 + np.log2(2.0 * o11 / (f_node + c1)),
        "g2": g2,
        "pmi": np.log2(o11 / e11),
        "t": (o11 - e11) / np.sqrt(o11),
    }


def _empty_collocates(idx: TokenIndex, attrs: dict[str, Any]) -> pd.DataFrame:
    ints = np.zeros(0, dtype=np.int64)
    floats = np.zeros(0, dtype=np.float64)
    table = pd.DataFrame(
        {
            "collocate": str_array([]),
            "count": ints,
            "expected": floats,
            "logdice": floats,
            "g2": floats,
            "pmi": floats,
            "t": floats,
            "documents": ints,
            "frequency": ints,
            "left": ints,
            "right": ints,
            "first_doc_id": idx.doc_categorical(np.zeros(0, dtype=np.int64)),
            "first_start": np.zeros(0, dtype=np.int32),
            "first_end": np.zeros(0, dtype=np.int32),
        }
    )
    table.attrs.update(attrs)
    return table


DocSelector = (
    Sequence[bool]
    | np.ndarray
    | pd.Series
    | dict[str, Any]
    | Callable[[pd.DataFrame], Any]
    | Iterable[str]
    | str
    | None
)


def keyness(
    corpus: Any,
    target: DocSelector,
    *,
    reference: DocSelector | Corpus | pd.DataFrame = None,
    measure: KeynessMeasure = "g2",
    min_count: int = 5,
    stopwords: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Words over- and under-used in a target sub-corpus compared with a reference.

    **Target and reference.** ``target`` picks documents of ``corpus``: a boolean
    mask over ``corpus.docs`` rows; a dict of metadata values such as
    ``{"source": "TRT World"}`` (a list as a value means any of them; several keys
    must all match); a function taking ``corpus.docs`` and returning such a mask;
    a list of doc ids; or ``None`` for every document. ``reference`` is, by
    default, the rest of the corpus; it can be another selection of the same kind
    (it must not share documents with the target), or a second :class:`Corpus`
    (or DataFrame), compared as a whole.

    **Counts** are lower-cased word types (punctuation is not counted). For a term
    with ``a`` occurrences among the target's ``c`` words and ``b`` among the
    reference's ``d`` words:

    * ``g2``: log-likelihood as in Rayson and Garside (2000) and the UCREL
      log-likelihood calculator: ``E1 = c(a+b)/(c+d)``, ``E2 = d(a+b)/(c+d)``,
      ``G2 = 2(a ln(a/E1) + b ln(b/E2))`` (a zero count contributes 0), signed:
      positive when the term is relatively more frequent in the target
      (``a/c > b/d``), negative when less;
    * ``log_ratio``: Hardie's (2014) effect size, the binary log of the ratio of
      relative frequencies, ``log2((a/c) / (b/d))``; a zero count is replaced by
      0.5 in this column only, so a term absent from one side gets a finite value
      (+1 means twice as frequent in the target);
    * ``p``: the chi-square (1 degree of freedom) probability of a G2 at least
      this large if the term were equally frequent on both sides,
      ``erfc(sqrt(|G2| / 2))``. Thousands of terms are tested at once: use a strict
      threshold (e.g. ``p < 0.0001``) or rank by ``log_ratio`` among significant
      terms.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    target : mask, dict, function, list of doc ids, or None
    reference : mask, dict, function, list of doc ids, Corpus or DataFrame, optional
    measure : {"g2", "log_ratio"}
        The column that orders the rows: highest (most over-used) first, most
        under-used last; ties by term.
    min_count : int
        Keep terms occurring at least this many times in target and reference
        together (G2 is unreliable on a handful of occurrences).
    stopwords : "english", list of str, or None
        Terms left out of the table (rows only; no count or statistic changes).
        The default keeps every word: function words such as *we* or *our* are
        often key in a comparison of voices.

    Returns
    -------
    DataFrame
        One row per term: ``term, target_count, reference_count, g2, log_ratio,
        p``, ``target_per_1k`` and ``reference_per_1k`` (per 1,000 words),
        ``target_documents`` and ``reference_documents`` (documents the term
        occurs in), and the term's first occurrence in the target
        (``first_doc_id, first_start, first_end``; missing when it is not in the
        target). Read a term in context with ``toolkit.kwic(corpus, term,
        match="fixed")``. ``attrs`` holds ``target_words`` (c),
        ``reference_words`` (d), ``target_docs``, ``reference_docs`` and
        ``measure``.

    Raises
    ------
    ValueError
        When the target or reference is empty, a metadata column does not exist
        (the message lists the columns), a mask has the wrong length, or target
        and reference share documents.
    LookupError
        For doc ids that are not in the corpus.

    Examples
    --------
    >>> import toolkit
    >>> corpus = toolkit.load_corpus(["Troops left the base. Troops left.", "Talks went on."])
    >>> table = toolkit.keyness(corpus, ["doc1"], min_count=2)
    >>> table[["term", "target_count", "reference_count", "log_ratio"]].values.tolist()
    [['left', 2, 0, 1.0], ['troops', 2, 0, 1.0]]
    """
    min_count = _check_whole("min_count", min_count, minimum=1, unit="occurrences")
    if measure not in KEYNESS_MEASURES:
        raise ValueError(f"measure={measure!r} is not one of {', '.join(KEYNESS_MEASURES)}")
    stopset = _stopword_words(stopwords)
    c = as_corpus(corpus)
    idx = corpus_index(c)
    t_mask = _select_docs(c.docs, target, "target")
    if not t_mask.any():
        raise ValueError(f"the target selects no documents of the {len(c):,} in the corpus")
    if isinstance(reference, Corpus | pd.DataFrame):
        if reference is c:
            raise ValueError(
                "the reference is the corpus itself, so the target would be on both sides; "
                "leave reference=None for the rest of the corpus, or pass a selection"
            )
        r_idx = corpus_index(as_corpus(reference))
        r_mask = np.ones(r_idx.n_docs, dtype=bool)
        if not r_mask.any():
            raise ValueError("the reference corpus has no documents")
    else:
        r_idx = idx
        if reference is None:
            r_mask = ~t_mask
            if not r_mask.any():
                raise ValueError(
                    "the target is every document, so the rest of the corpus is empty; "
                    "pass a reference (a selection or a second corpus)"
                )
        else:
            r_mask = _select_docs(c.docs, reference, "reference")
            if not r_mask.any():
                raise ValueError("the reference selects no documents")
            shared = np.flatnonzero(t_mask & r_mask)
            if len(shared):
                ids = c.docs["doc_id"].to_numpy()[shared[:5]].tolist()
                raise ValueError(
                    f"target and reference share {len(shared)} document(s), e.g. {ids}; "
                    "a document can only be on one side"
                )

    walk = _postings_walk(idx)
    a, t_docs, t_first = _side_counts(idx, walk, t_mask)
    r_walk = walk if r_idx is idx else _postings_walk(r_idx)
    b, r_docs, _ = _side_counts(r_idx, r_walk, r_mask)
    terms = idx.lowers
    if r_idx is not idx:  # align the two vocabularies on the term strings
        at = pd.Index(terms).get_indexer(r_idx.lowers)
        new = np.flatnonzero(at < 0)
        at[new] = len(terms) + np.arange(len(new))
        size = len(terms) + len(new)
        terms = np.concatenate([terms, r_idx.lowers[new]])
        b_all, rd_all = np.zeros(size, dtype=np.int64), np.zeros(size, dtype=np.int64)
        b_all[at], rd_all[at] = b, r_docs
        pad = np.zeros(len(new), dtype=np.int64)
        a, t_docs = np.concatenate([a, pad]), np.concatenate([t_docs, pad])
        t_first = np.concatenate([t_first, pad - 1])
        b, r_docs = b_all, rd_all
    c_words, d_words = int(a.sum()), int(b.sum())
    if c_words == 0:
        raise ValueError("the target documents contain no words")
    if d_words == 0:
        raise ValueError("the reference documents contain no words")
    keep = np.flatnonzero(a + b >= min_count)
    keep = keep[~_stop_mask(terms[keep], stopset)]

    a_k, b_k = a[keep].astype(np.float64), b[keep].astype(np.float64)
    stats = _keyness_stats(a_k, b_k, float(c_words), float(d_words))
    attrs = {
        "target_words": c_words,
        "reference_words": d_words,
        "target_docs": int(t_mask.sum()),
        "reference_docs": int(r_mask.sum()),
        "measure": measure,
    }
    order = _term_order(terms[keep], stats[measure])
    sel = keep[order]
    fp = t_first[sel]
    found = fp >= 0
    fp_safe = np.where(found, fp, 0)
    table = pd.DataFrame(
        {
            "term": str_array(terms[sel].tolist()),
            "target_count": a[sel],
            "reference_count": b[sel],
            **{k: stats[k][order] for k in ("g2", "log_ratio", "p")},
            "target_per_1k": a[sel] * 1000.0 / c_words,
            "reference_per_1k": b[sel] * 1000.0 / d_words,
            "target_documents": t_docs[sel],
            "reference_documents": r_docs[sel],
            "first_doc_id": pd.Categorical.from_codes(
                np.where(found, idx.token_doc(fp_safe), -1), dtype=idx.doc_dtype
            ),
            "first_start": pd.arrays.IntegerArray(idx.start[fp_safe], ~found),
            "first_end": pd.arrays.IntegerArray(idx.end[fp_safe], ~found),
        }
    )
    table.attrs.update(attrs)
    return table


def _keyness_stats(a: np.ndarray, b: np.ndarray, c: float, d: float) -> dict[str, np.ndarray]:
    """Signed G2 (Rayson and Garside 2000), Hardie's log ratio and the chi-square p."""
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g2 = 2.0 * (_xlnx(a, e1) + _xlnx(b, e2))
    g2 = np.where(a * d < b * c, -g2, g2)
    log_ratio = np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d))
    p = np.fromiter(
        (math.erfc(math.sqrt(x / 2.0)) for x in np.abs(g2).tolist()),
        dtype=np.float64,
        count=len(g2),
    )
    return {"g2": g2, "log_ratio": log_ratio, "p": p}


def _postings_walk(idx: TokenIndex) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The word postings of an index: (type, document, position) of every word,
    grouped by lower-cased type and in corpus order within a type."""
    ptype = np.repeat(np.arange(len(idx.lowers), dtype=np.int64), idx.lower_count)
    tok_doc = np.repeat(np.arange(idx.n_docs, dtype=np.int64), np.diff(idx.doc_tok))
    words = ~idx.punct_lower[ptype]
    post = idx.postings[words]
    return ptype[words], tok_doc[post], post


def _side_counts(
    idx: TokenIndex, walk: tuple[np.ndarray, np.ndarray, np.ndarray], doc_mask: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per lower-cased type over the chosen documents: word count, number of
    documents, and first position (-1 when absent).

    Walks the postings, so distinct (type, document) pairs are changes from one
    posting to the next: no sorting needed.
    """
    ptype, pdoc, post = walk
    n_types = len(idx.lowers)
    sel = doc_mask[pdoc]
    t, d, p = ptype[sel], pdoc[sel], post[sel]
    count = np.bincount(t, minlength=n_types)
    first = np.full(n_types, -1, dtype=np.int64)
    if len(t) == 0:
        return count, count.copy(), first
    new_type = np.r_[True, t[1:] != t[:-1]]
    new_pair = new_type | np.r_[True, d[1:] != d[:-1]]
    documents = np.bincount(t[new_pair], minlength=n_types)
    first[t[new_type]] = p[new_type]
    return count, documents, first


def _select_docs(docs: pd.DataFrame, selector: Any, what: str) -> np.ndarray:
    """A boolean mask over ``docs`` rows from a keyness target or reference."""
    n = len(docs)
    if selector is None:
        return np.ones(n, dtype=bool)
    if isinstance(selector, dict):
        return _metadata_mask(docs, selector, what)
    if callable(selector):
        result = selector(docs)
        mask = np.asarray(result)
        if mask.dtype != bool:
            raise ValueError(
                f"the {what} function must return a boolean mask over corpus.docs rows, "
                f"not values of type {mask.dtype}"
            )
        return _check_mask(mask, n, what)
    if isinstance(selector, str):
        selector = [selector]
    if isinstance(selector, pd.Series | np.ndarray) and selector.dtype == bool:
        return _check_mask(np.asarray(selector), n, what)
    items = list(selector)
    if items and all(isinstance(x, bool | np.bool_) for x in items):
        return _check_mask(np.asarray(items, dtype=bool), n, what)
    ids = docs["doc_id"].astype(str)
    known = set(ids)
    unknown = [x for x in items if str(x) not in known]
    if unknown:
        raise LookupError(
            f"the {what} names doc ids that are not in the corpus: {unknown[:5]}; to select "
            "by metadata pass a dict such as {'source': 'TRT World'}, or a boolean mask"
        )
    return ids.isin([str(x) for x in items]).to_numpy()


def _check_mask(mask: np.ndarray, n: int, what: str) -> np.ndarray:
    if mask.ndim != 1 or len(mask) != n:
        raise ValueError(
            f"the {what} mask has {len(mask) if mask.ndim == 1 else mask.shape} values for "
            f"{n} documents; give one True/False per row of corpus.docs"
        )
    return mask.astype(bool)


def _metadata_mask(docs: pd.DataFrame, wanted: dict[str, Any], what: str) -> np.ndarray:
    if not wanted:
        raise ValueError(
            f"the {what} dict is empty; give a column and a value, e.g. {{'source': 'TRT World'}}"
        )
    mask = np.ones(len(docs), dtype=bool)
    columns = [c for c in docs.columns if c not in ("text", "raw")]
    for column, value in wanted.items():
        if column not in columns:
            raise ValueError(
                f"the {what} selects on a column {column!r} that the corpus does not have; "
                f"its columns are: {', '.join(map(str, columns))}"
            )
        values = docs[column]
        if isinstance(value, str) and pd.api.types.is_datetime64_any_dtype(values):
            # "2021-08" means August 2021: match the start of the ISO date
            hit = values.dt.strftime("%Y-%m-%d").str.startswith(value).fillna(False)
            hit = hit.to_numpy(dtype=bool)
        elif isinstance(value, list | tuple | set | frozenset):
            hit = values.isin(list(value)).to_numpy()
        else:
            hit = (values == value).fillna(False).to_numpy(dtype=bool)
        if not hit.any():
            seen = values.dropna().astype(str).unique()[:8].tolist()
            raise ValueError(
                f"the {what} selects no documents: no {column!r} equals {value!r}; "
                f"values there include {seen}"
            )
        mask &= hit
    return mask

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

from typing import Any

import numpy as np
import pandas as pd

from ._frames import str_array
from .corpus import Corpus, as_corpus
from .index import TokenIndex, corpus_index
from .lexicons import DEFAULT_FRAMES, Lexicon, load_lexicon, match_lexicon

__all__ = ["attach_voice", "count_frames", "find_frames"]

# ------------------------------------------------------------------ frame cues

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
    >>> hits.loc[hits.text == "defeat", ["frame", "voice"]].values.tolist()
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
    >>> table.loc[table.frame == "withdrawal", ["voice", "mentions"]].values.tolist()
    [['narrator', 9], ['quoted', 0], ['reported', 0]]
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
    row = _locate(hits["doc_id"].astype(str).to_numpy(), hits["start"].to_numpy(np.int64), q)
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


def _locate(doc_ids: np.ndarray, starts: np.ndarray, q: pd.DataFrame) -> np.ndarray:
    """Row of ``q`` whose span holds each position (-1 for none): direct and
    partial quotations first, then indirect; the innermost when nested."""
    row = np.full(len(starts), -1, dtype=np.int64)
    if len(q) == 0 or len(starts) == 0:
        return row
    q_doc = q["doc_id"].astype(str).to_numpy()
    docs = pd.Index(pd.unique(np.concatenate([q_doc, doc_ids.astype(object)])))
    shift = np.int64(1) << np.int64(34)
    key = docs.get_indexer(doc_ids).astype(np.int64) * shift + starts
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
    for k in doc_keys:
        denom[k] = _doc_key(docs, k).to_numpy()[denom["_doc"].to_numpy()]
    text_keys = doc_keys + voice_keys
    if text_keys:
        denom = (
            denom.groupby(text_keys, observed=True, dropna=False, sort=True)["tokens"]
            .sum()
            .reset_index()
        )
    else:
        denom = pd.DataFrame({"tokens": [int(denom["tokens"].sum())]})
    # -- the numerator
    h = pd.DataFrame({"_doc": _doc_codes(hits["doc_id"], idx)})
    for k in doc_keys:
        h[k] = _doc_key(docs, k).to_numpy()[h["_doc"].to_numpy()] if len(h) else []
    for k in voice_keys + hit_keys + [label] + extra:
        h[k] = hits[k].to_numpy()
    group = text_keys + hit_keys + [label]
    counts = (
        h.groupby(group + extra, observed=True, dropna=False, sort=False)
        .agg(mentions=("_doc", "size"), documents=("_doc", "nunique"))
        .reset_index()
    )
    # -- every group of text gets a row for every label seen (0 when absent)
    combos = counts[[*hit_keys, label, *extra]].drop_duplicates()
    if labels is not None and not hit_keys and not extra:
        found = set(combos[label].astype(str))
        missing = [v for v in labels if v not in found]
        combos = pd.concat([combos, pd.DataFrame({label: missing})], ignore_index=True)
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
    return out.reset_index(drop=True)


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
    doc_ids = np.asarray(idx.doc_ids, dtype=object)[doc]
    row = _locate(doc_ids, idx.start[pos].astype(np.int64), quotes)
    table = pd.DataFrame(
        {
            "_doc": doc,
            "voice": _voice_of(row, quotes),
            "speaker": _take(quotes["speaker"], row),
        }
    )
    idx._match_cache[key] = (quotes, table)
    return table


# ----------------------------------------------------------- collocates, keyness

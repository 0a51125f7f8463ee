"""Counting hits per group, normalised per 1,000 word tokens (shared by actors and frames).

Counts are normalised **per 1,000 word tokens**: tokens of
:func:`toolkit.tokenize` that contain at least one letter or digit
(``is_punct`` false). Punctuation is not counted; clitics such as ``'s`` and
``n't`` are. The same denominator is used by :func:`toolkit.count_frames` and
:func:`toolkit.count_actors`: for a group of documents it is their word tokens,
and when counting by ``voice`` or ``speaker`` it is the word tokens in that voice
or in that speaker's quotations.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._util.tables import require_columns
from ..corpus.corpus import Corpus
from ..corpus.index import TokenIndex, corpus_index
from ..corpus.load import as_corpus
from ..corpus.partitioned import by_partition, merge_attrs
from .voice import (
    SPEAKER_DETAILS,
    VOICE_KEYS,
    require_voice_key,
    whole_quotes_for_voice,
    word_token_voice,
)

__all__ = [
    "PERIODS",
    "by_list",
    "count_documents",
    "count_hits",
    "count_parts",
    "document_key",
    "finish_counts",
    "finish_hit_counts",
    "hit_count_finisher",
    "partitioned_hit_count",
    "sorted_codes",
]

PERIODS: dict[str, str] = {"year": "Y", "quarter": "Q", "month": "M", "week": "W", "day": "D"}


def by_list(by: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if by is None:
        return []
    keys = [by] if isinstance(by, str) else list(by)
    for k in keys:
        if not isinstance(k, str):
            raise TypeError(f"by must name columns (strings), not {k!r}")
    if len(set(keys)) != len(keys):
        raise ValueError(f"by={keys!r} names a column twice")
    return keys


def count_documents(corpus: Any, *, by: str | list[str] | None = None) -> pd.DataFrame:
    """How many documents and word tokens each group of documents holds: the size
    of what any count per group is a count of.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    by : str or list of str, optional
        Document columns (``"source"``, ``"category"``, ...) or date periods
        (``"year"``, ``"quarter"``, ``"month"``, ``"week"``, ``"day"``); one row
        for the whole corpus if not given. Groups without documents get no row.

    Returns
    -------
    DataFrame
        One row per group, in the groups' order: the ``by`` columns,
        ``documents``, ``tokens`` (word tokens, the denominator of every
        ``per_1k_tokens``), ``first_doc_id`` (the group's first document in
        corpus order, to read one).

    Examples
    --------
    >>> import toolkit
    >>> toolkit.count_documents("data/", by="month").to_numpy().tolist()
    [[Period('2021-07', 'M'), 1, 926, 'trtworld-2021-07-07-qala-e-naw']]
    """
    c = as_corpus(corpus)
    keys = by_list(by)
    docs = c.docs
    for k in keys:
        if (k not in docs.columns and k not in PERIODS) or k in ("text", "raw"):
            options = sorted({*docs.columns, *PERIODS} - {"text", "raw"})
            raise ValueError(f"cannot group documents by {k!r}; choose from: {', '.join(options)}")
    table = pd.DataFrame(
        {
            "_order": np.arange(len(docs)),
            "tokens": corpus_index(c).words_per_doc.astype(np.int64),
            "first_doc_id": docs["doc_id"].to_numpy(),
        }
    )
    if not keys:
        return pd.DataFrame(
            {
                "documents": [len(docs)],
                "tokens": [int(table["tokens"].sum())],
                "first_doc_id": [docs["doc_id"].iat[0] if len(docs) else None],
            }
        )
    values = {}
    for k in keys:  # grouped as integer codes sorted like the values, missing last
        table[k], values[k] = sorted_codes(document_key(docs, k))
    out = (
        table.groupby(keys, sort=True)
        .agg(
            documents=("_order", "size"),
            tokens=("tokens", "sum"),
            first_doc_id=("first_doc_id", "first"),
        )
        .reset_index()
    )
    for k in keys:
        out[k] = values[k].take(out[k].to_numpy())
    return out[[*keys, "documents", "tokens", "first_doc_id"]]


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
    denominator described in this module's docstring.

    ``extra`` names hit columns carried along with the label (e.g. an actor's
    ``type``); they must be constant per label value. ``labels`` lists values
    that get a row (of zeros) even when nothing was found; otherwise only the
    values found do.
    """
    parts = count_parts(hits, corpus, label=label, by=by, quotes=quotes, extra=extra, labels=labels)
    return finish_counts([parts])


def count_parts(
    hits: pd.DataFrame,
    corpus: Corpus,
    *,
    label: str,
    by: list[str],
    quotes: pd.DataFrame | None,
    extra: list[str] | None = None,
    labels: list[str] | None = None,
) -> dict[str, Any]:
    """The sums behind :func:`count_hits` for one corpus (or one partition of a
    stored corpus): word tokens per group of text (``denom``) and hits and
    documents per group and label (``counts``), keyed by values, so that the
    parts of several partitions add up (:func:`finish_counts`)."""
    idx = corpus_index(corpus)
    docs = corpus.docs
    extra = [e for e in (extra or []) if e not in by]
    doc_keys, voice_keys, hit_keys = _classify(by, hits, docs, label)
    dtypes: dict[str, Any] = {k: hits[k].dtype for k in [*voice_keys, *hit_keys, label, *extra]}
    # -- the denominator: word tokens per group of text
    if voice_keys:
        if quotes is None:  # pragma: no cover - callers always pass it
            raise ValueError("counting by voice or speaker needs the quotation table")
        tok = word_token_voice(idx, quotes)
        keys = ["_doc", *voice_keys]
        denom = tok.groupby(keys, observed=True, dropna=False, sort=False).size()
        denom = _with_dtypes(denom.rename("tokens").reset_index(), dtypes)
    else:
        denom = pd.DataFrame(
            {"_doc": np.arange(idx.n_docs), "tokens": idx.words_per_doc.astype(np.int64)}
        )
    values = {k: document_key(docs, k).reset_index(drop=True) for k in doc_keys}
    for k in doc_keys:
        denom[k] = values[k].take(denom["_doc"].to_numpy()).to_numpy()
    text_keys = doc_keys + voice_keys
    denom = _sum_by(denom, text_keys, ["tokens"])
    # -- the numerator
    h = pd.DataFrame({"_doc": _doc_codes(hits["doc_id"], idx)})
    for k in doc_keys:
        h[k] = values[k].take(h["_doc"].to_numpy()).to_numpy()
    for k in voice_keys + hit_keys + [label] + extra:
        h[k] = hits[k].to_numpy()
    group = text_keys + hit_keys + [label]
    counts = (
        h.groupby(group + extra, observed=True, dropna=False, sort=False)
        .agg(mentions=("_doc", "size"), documents=("_doc", "nunique"))
        .reset_index()
    )
    spec = {
        "label": label,
        "by": by,
        "extra": extra,
        "labels": labels,
        "doc_keys": doc_keys,
        "hit_keys": hit_keys,
        "dtypes": dtypes,
        "categories": hits[label].cat.categories
        if isinstance(hits[label].dtype, pd.CategoricalDtype)
        else None,
    }
    return {"spec": spec, "denom": denom, "counts": _with_dtypes(counts, dtypes)}


def _sum_by(frame: pd.DataFrame, keys: list[str], columns: list[str]) -> pd.DataFrame:
    if not keys:
        return pd.DataFrame({c: [int(frame[c].sum())] for c in columns})
    out = frame.groupby(keys, observed=True, dropna=False, sort=False)[columns].sum()
    return out.reset_index()


def finish_counts(parts: list[dict[str, Any]]) -> pd.DataFrame:
    """The table of :func:`count_hits` from the :func:`count_parts` of one corpus
    or of every partition of one: the sums are added first, then the grid of
    groups and labels, the rates and the order are made from them."""
    spec = parts[0]["spec"]
    label, by, extra = spec["label"], spec["by"], spec["extra"]
    doc_keys, hit_keys, dtypes = spec["doc_keys"], spec["hit_keys"], spec["dtypes"]
    text_keys = [k for k in by if k not in hit_keys]
    group = text_keys + hit_keys + [label]
    denom = _sum_by(_concat([p["denom"] for p in parts]), text_keys, ["tokens"])
    counts = _sum_by(
        _concat([p["counts"] for p in parts]), group + extra, ["mentions", "documents"]
    )
    # document keys travel as integer codes (sorted like their values) and are
    # turned back into values at the end
    doc_codes = {k: sorted_codes(denom[k]) for k in doc_keys}
    dtypes = {**dtypes, **dict.fromkeys(doc_keys, np.dtype(np.int64))}
    lookup = {k: pd.Index(doc_codes[k][1]) for k in doc_keys}
    for k in doc_keys:
        denom[k] = doc_codes[k][0]
        counts[k] = _codes_of(counts[k], lookup[k])
    denom = _with_dtypes(denom, dtypes)
    if text_keys:
        denom = denom.sort_values(text_keys, kind="stable", na_position="last")
    counts = _with_dtypes(counts, dtypes)
    # -- every group of text gets a row for every label seen (0 when absent)
    combos = counts[[*hit_keys, label, *extra]].drop_duplicates()
    labels = spec["labels"]
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
    if spec["categories"] is not None:
        out[label] = pd.Categorical(out[label], categories=spec["categories"])
    order = [*by, label, *extra, "mentions", "documents", "tokens", "per_1k_tokens"]
    out = out[order]
    sort_cols = [*by, "mentions", label]
    ascending = [True] * len(by) + [False, True]
    out = out.sort_values(sort_cols, ascending=ascending, kind="stable", na_position="last")
    out = out.reset_index(drop=True)
    for k in doc_keys:
        out[k] = doc_codes[k][1].take(out[k].to_numpy())
    return out


def finish_hit_counts(parts: list[dict[str, Any]], given: pd.DataFrame | None) -> pd.DataFrame:
    """:func:`finish_counts`, with ``attrs["excluded"]``: the rule tallies of the
    hits ``given`` when they were given, else those of the parts added up."""
    out = finish_counts(parts)
    if given is not None:
        out.attrs = {"excluded": given.attrs.get("excluded", [])}
    else:
        out.attrs = merge_attrs([p["attrs"] for p in parts])
    return out


def partitioned_hit_count(partial: Any, hits_argument: str) -> Any:
    """How a count of hits (``count_actors``, ``count_frames``) runs on a stored
    corpus: ``partial`` on each partition (given its cut of the quotations and
    of the hits passed as ``hits_argument``; the quotations resolved over the
    whole corpus first when the count is by voice or speaker), then the sums."""
    return by_partition(
        hit_count_finisher(hits_argument),
        partial=partial,
        split=("quotes", hits_argument),
        whole=whole_quotes_for_voice,
    )


def hit_count_finisher(hits_argument: str) -> Any:
    """The combine step of a partitioned count of hits (``count_actors``,
    ``count_frames``): :func:`finish_hit_counts`, with the hits the call passed
    as ``hits_argument``, if any."""

    def finish(parts: list[dict[str, Any]], corpus: Any, kwargs: dict[str, Any]) -> pd.DataFrame:
        return finish_hit_counts(parts, kwargs.get(hits_argument))

    return finish


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def _codes_of(values: pd.Series, uniques: pd.Index) -> np.ndarray:
    """The position of each value among ``uniques`` (missing values included)."""
    codes = uniques.get_indexer(values)
    if (codes < 0).any():  # missing values: get_indexer finds NaN only by isna
        missing = pd.isna(uniques)
        if missing.any():
            codes[(codes < 0) & pd.isna(values).to_numpy()] = int(np.flatnonzero(missing)[0])
    return codes.astype(np.int64)


def sorted_codes(values: pd.Series) -> tuple[np.ndarray, Any]:
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
        if k in SPEAKER_DETAILS:
            require_voice_key(hits.columns, k)
            voice_keys.append(k)
        elif k in VOICE_KEYS:
            require_columns(hits, [k], "the hits")
            voice_keys.append(k)
        elif k in doc_cols or k in PERIODS:
            doc_keys.append(k)
        elif k in hits.columns:
            hit_keys.append(k)
        else:
            options = sorted(
                {*doc_cols, *PERIODS, *VOICE_KEYS, *hits.columns}
                - {"text", "start", "end", "sent_id", label}
            )
            raise ValueError(f"cannot group by {k!r}; choose from: {', '.join(options)}")
    return doc_keys, voice_keys, hit_keys


def document_key(docs: pd.DataFrame, key: str) -> pd.Series:
    """The value of ``key`` for every document: a metadata column, or the
    document's date as a period (``year``, ``quarter``, ``month``, ``week``, ``day``)."""
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

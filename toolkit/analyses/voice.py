"""Voice: whose words a hit is in (the narrator's, quoted or reported speech).

Every hit table (frame cues, actor mentions, KWIC rows) can be joined with the
quotation table (:func:`toolkit.extract_quotes`) on ``doc_id`` and offsets.
``voice`` is ``quoted`` inside a direct or partial quotation (words in quotation
marks), ``reported`` inside the content of indirect speech ("he said that ...")
and ``narrator`` elsewhere (the journalist's own words); ``speaker`` is the
quotation's speaker. When the quotation table says more about whose words they
are (``speaker_id``, the speaker's name across the corpus, and ``press``, a
reporter's question in a transcript), the hits carry that too, and counts can be
grouped by it (``by="press"``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._util.tables import DEFAULT_STR, require_columns
from ..corpus.corpus import Corpus
from ..corpus.index import TokenIndex
from ..quotes.extract import extract_quotes
from ..quotes.table import speaker_names

__all__ = [
    "QUOTED_KINDS",
    "REPORTED_KINDS",
    "SPEAKER_DETAILS",
    "VOICES",
    "VOICE_KEYS",
    "attach_voice",
    "outside_labels",
    "quotes_of",
    "require_voice_key",
    "speaker_details",
    "whole_quotes",
    "whole_quotes_for_voice",
    "word_token_voice",
]

# the columns attach_voice adds to a hit table
VOICE_COLUMNS = ["voice", "speaker", "quote_id"]
VOICES: tuple[str, ...] = ("narrator", "quoted", "reported")


QUOTED_KINDS = ("direct", "partial")


REPORTED_KINDS = ("indirect",)


# columns of the quotation table carried to the hits when it has them
SPEAKER_DETAILS = ("speaker_id", "press")


VOICE_KEYS = ("voice", "speaker", *SPEAKER_DETAILS)


def speaker_details(quotes: pd.DataFrame) -> list[str]:
    """The columns :func:`attach_voice` adds to a hit table, besides ``voice,
    speaker, quote_id``, when joined with ``quotes``: those of ``speaker_id,
    press`` that it has.

    Examples
    --------
    >>> speaker_details(pd.DataFrame(columns=["doc_id", "start", "press"]))
    ['press']
    """
    return [c for c in SPEAKER_DETAILS if c in quotes.columns]


def require_voice_key(columns: pd.Index | list[str], key: str) -> None:
    """Raise a ValueError when a table lacks the voice key ``key`` (``by="press"``
    on hits joined with a quotation table that has no ``press`` column).

    Examples
    --------
    >>> require_voice_key(["voice", "speaker"], "press")
    Traceback (most recent call last):
    ...
    ValueError: by='press' needs a quotation table with a 'press' column (the toolkit's quotation table of transcripts with speaker labels); this one has none
    """
    if key not in columns:
        raise ValueError(
            f"by={key!r} needs a quotation table with a {key!r} column (the toolkit's "
            "quotation table of transcripts with speaker labels); this one has none"
        )


def whole_quotes(corpus: Any, kwargs: dict[str, Any]) -> dict[str, Any]:
    """For a stored corpus: its quotations, speakers resolved over the whole
    corpus, when the call passed none (``by_partition(whole=...)``), so that
    every partition joins with the same speakers as the corpus in memory."""
    return {"quotes": extract_quotes(corpus)} if kwargs.get("quotes") is None else {}


def whole_quotes_for_voice(corpus: Any, kwargs: dict[str, Any]) -> dict[str, Any]:
    """:func:`whole_quotes` when the call groups by voice or speaker."""
    by = kwargs.get("by")
    keys = [by] if isinstance(by, str) else list(by or [])
    return whole_quotes(corpus, kwargs) if set(keys) & set(VOICE_KEYS) else {}


def quotes_of(corpus: Corpus, quotes: pd.DataFrame | None) -> pd.DataFrame:
    """The quotation table to join with: the one given, else
    :func:`toolkit.extract_quotes` of the corpus (computed once and kept
    with the corpus)."""
    if quotes is not None:
        return _check_quotes(quotes)
    return corpus.cached("voice_quotes", lambda: _check_quotes(extract_quotes(corpus)))


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
        ``speaker`` (the quotation's speaker, as ``speaker_id`` names the
        person across the corpus when the table has it; missing for the
        narrator or an unattributed quotation) and ``quote_id``; and, when
        ``quotes`` has them, ``speaker_id`` itself and ``press`` (true inside
        a reporter's question; missing outside any quotation).

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
    require_columns(hits, ["doc_id", "start"], "hits")
    q = _check_quotes(quotes)
    row = _locate(hits["doc_id"], hits["start"].to_numpy(np.int64), q)
    out = hits.copy()
    out["voice"] = _voice_of(row, q)
    out["speaker"] = _take(speaker_names(q), row)
    out["quote_id"] = _take(q["quote_id"], row)
    for column in SPEAKER_DETAILS:
        if column in q.columns:
            out[column] = _take(q[column], row)
    return out


def outside_labels(hits: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """The hits that are not in a transcript label ("MS. PSAKI:", "THE
    PRESIDENT:"): a label says who speaks, it does not mention anyone.

    The labels are the speaker mentions of the ``turn`` rows of the quotation
    table (``cue_type == "turn"``, from ``speaker_start`` to ``cue_end``); a
    table without ``cue_type`` has none.

    Examples
    --------
    >>> import pandas as pd
    >>> hits = pd.DataFrame({"doc_id": ["d", "d"], "start": [4, 20], "end": [9, 25]})
    >>> quotes = pd.DataFrame({"doc_id": ["d"], "cue_type": ["turn"],
    ...     "speaker_start": [0], "cue_end": [10]})
    >>> outside_labels(hits, quotes)["start"].tolist()
    [20]
    """
    needed = ("cue_type", "speaker_start", "cue_end", "doc_id")
    if len(hits) == 0 or any(c not in quotes.columns for c in needed):
        return hits
    labels = quotes[(quotes["cue_type"] == "turn").fillna(False).to_numpy(bool)]
    labels = labels[labels["speaker_start"].notna() & labels["cue_end"].notna()]
    if labels.empty:
        return hits
    docs = pd.Index(pd.unique(labels["doc_id"].astype(str)))
    shift = np.int64(1) << np.int64(34)
    base = docs.get_indexer(labels["doc_id"].astype(str)).astype(np.int64) * shift
    a = base + labels["speaker_start"].to_numpy(np.int64)
    b = base + labels["cue_end"].to_numpy(np.int64)
    order = np.argsort(a, kind="stable")
    a, b = a[order], b[order]
    key = _codes_in(hits["doc_id"], docs) * shift + hits["start"].to_numpy(np.int64)
    j = np.searchsorted(a, key, side="right") - 1
    inside = (j >= 0) & (key < b[np.maximum(j, 0)])
    return hits[~inside].reset_index(drop=True)


def _check_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(quotes, pd.DataFrame):
        raise TypeError(f"quotes must be a DataFrame, not {type(quotes).__name__}")
    require_columns(quotes, ["doc_id", "start", "end", "kind"], "the quotation table")
    kinds = set(quotes["kind"].dropna().astype(str).unique())
    unknown = kinds - set(QUOTED_KINDS) - set(REPORTED_KINDS)
    if unknown:
        raise ValueError(
            f"the quotation table has unknown kinds {sorted(unknown)}; "
            f"expected {', '.join(QUOTED_KINDS + REPORTED_KINDS)}"
        )
    q = quotes
    if "speaker" not in q.columns or "quote_id" not in q.columns:
        q = q.copy()
        if "speaker" not in q.columns:
            q["speaker"] = pd.Series(pd.NA, index=q.index, dtype="string")
        if "quote_id" not in q.columns:
            q["quote_id"] = np.arange(len(q), dtype=np.int64)
    return q


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
    for kinds in (QUOTED_KINDS, REPORTED_KINDS):
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
    quoted = np.isin(kind, QUOTED_KINDS)
    codes[found] = np.where(quoted[row[found]], 1, 2)
    return pd.Categorical.from_codes(codes, categories=list(VOICES))


def _take(column: pd.Series, row: np.ndarray) -> pd.Series:
    """Values of ``column`` at ``row`` (missing where ``row`` is -1)."""
    if pd.api.types.is_bool_dtype(column.dtype):
        values = column.astype("boolean").array
    elif pd.api.types.is_integer_dtype(column.dtype):
        values = column.astype("Int64").array
    else:
        values = column.astype(DEFAULT_STR).array
    if len(values) == 0:
        return pd.Series(values.take(np.zeros(0, dtype=np.int64))).reindex(range(len(row)))
    return pd.Series(values.take(row, allow_fill=True))


def word_token_voice(idx: TokenIndex, quotes: pd.DataFrame) -> pd.DataFrame:
    """Document, voice and speaker of every word token (and ``speaker_id`` and
    ``press`` when the quotation table has them), cached per quotation table."""
    key = ("word_token_voice", id(quotes))
    cached = idx._match_cache.get(key)
    if cached is not None and cached[0] is quotes:
        return cached[1]
    pos = idx.word_pos.astype(np.int64)
    doc = idx.token_doc(pos)
    row = _locate(pd.Series(idx.doc_categorical(doc)), idx.start[pos].astype(np.int64), quotes)
    table = pd.DataFrame(
        {
            "_doc": doc.astype(np.int32),
            "voice": _voice_of(row, quotes),
            "speaker": _categorical_at(speaker_names(quotes), row),
        }
    )
    if "speaker_id" in quotes.columns:
        table["speaker_id"] = _categorical_at(quotes["speaker_id"], row)
    if "press" in quotes.columns:
        table["press"] = _take(quotes["press"], row).to_numpy()
        table["press"] = table["press"].astype("boolean")
    idx._match_cache[key] = (quotes, table)
    return table


def _categorical_at(column: pd.Series, row: np.ndarray) -> pd.Categorical:
    """The values of ``column`` at ``row`` (missing where -1) as a categorical:
    one small code per token instead of a string."""
    code, names = pd.factorize(column.astype(DEFAULT_STR).reset_index(drop=True))
    codes = np.where(row >= 0, code[np.maximum(row, 0)], -1) if len(code) else row
    return pd.Categorical.from_codes(codes, categories=pd.Index(names))

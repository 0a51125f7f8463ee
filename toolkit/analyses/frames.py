"""Frames: frame cues with voice and speaker, and their counts.

The frame lexicons use the same YAML form and matching contract as the actor
lexicons (:mod:`toolkit.search.lexicons`, :mod:`toolkit.search.patterns`). Every
hit is joined with the quotation table to say whose words it is in
(:mod:`toolkit.analyses.voice`); counts are per 1,000 word tokens
(:mod:`toolkit.analyses.counts`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .._util.tables import require_columns
from ..corpus.load import as_corpus
from ..corpus.partitioned import by_partition
from ..search.lexicons import DEFAULT_FRAMES, HIT_COLUMNS, Lexicon, lexicon_hits, load_lexicon
from .counts import PERIODS, by_list, count_parts, finish_hit_counts, partitioned_hit_count
from .voice import (
    VOICE_COLUMNS,
    VOICE_KEYS,
    attach_voice,
    quotes_of,
    speaker_details,
    whole_quotes,
)

__all__ = ["FRAME_HIT_COLUMNS", "PERIODS", "count_frames", "find_frames"]

FRAME_HIT_COLUMNS = [*HIT_COLUMNS, "frame", "cue", *VOICE_COLUMNS]


@by_partition(split=("quotes",), whole=whole_quotes)
def find_frames(
    corpus: Any,
    lexicon: str | Lexicon | None = None,
    *,
    quotes: pd.DataFrame | None = None,
    excluded: bool = False,
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
    excluded : bool
        List instead the hits that the cues' ``exclude`` and ``near`` rules
        removed (:mod:`toolkit.search.exclusions`), with ``excluded_by``: read
        them to check the rules.

    Returns
    -------
    DataFrame
        One row per cue hit, in corpus order: ``doc_id, sent_id, start, end, text,
        frame, cue, voice, speaker, quote_id``. ``cue`` is the lexicon pattern
        that matched; ``text`` is ``docs.text[start:end]``. Where cues overlap the
        longest match wins and a stretch of text counts for one frame only.
        ``.attrs["excluded"]`` lists how many hits each rule removed.

    Examples
    --------
    >>> import toolkit
    >>> hits = toolkit.find_frames("data/")
    >>> hits.loc[hits.text == "defeat", ["frame", "voice"]].to_numpy().tolist()
    [['defeat', 'quoted']]
    """
    c = as_corpus(corpus)
    lex = load_lexicon(DEFAULT_FRAMES if lexicon is None else lexicon, kind="frames")
    if quotes is None:  # a stored corpus keeps the hits beside each partition
        key = f"frames-{lex.fingerprint}{'-excluded' if excluded else ''}"
        return c.stored_table(key, lambda: _find_frames(c, lex, None, excluded))
    return _find_frames(c, lex, quotes, excluded)


def _find_frames(c: Any, lex: Lexicon, quotes: pd.DataFrame | None, excluded: bool) -> pd.DataFrame:
    hits = lexicon_hits(c, lex, excluded=excluded)
    tally = hits.attrs["excluded"]
    hits = hits.rename(columns={"pattern": "cue"})
    q = quotes_of(c, quotes)
    columns = [*FRAME_HIT_COLUMNS, *speaker_details(q), *(["excluded_by"] if excluded else [])]
    out = attach_voice(hits, q)[columns]
    out.attrs = {"excluded": tally}
    return out


def frame_count_parts(
    corpus: Any,
    lexicon: str | Lexicon | None = None,
    *,
    by: str | list[str] | None = None,
    quotes: pd.DataFrame | None = None,
    hits: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """The sums behind :func:`count_frames` for one corpus or partition (see
    :func:`toolkit.analyses.counts.count_parts`)."""
    c = as_corpus(corpus)
    keys = by_list(by)
    if hits is None:
        hits = find_frames(c, lexicon, quotes=quotes)
    else:
        require_columns(hits, ["doc_id", "frame"], "hits (a find_frames result)")
    q = quotes_of(c, quotes) if any(k in VOICE_KEYS for k in keys) else None
    names = load_lexicon(DEFAULT_FRAMES if lexicon is None else lexicon, kind="frames").names
    parts = count_parts(hits, c, label="frame", by=keys, quotes=q, labels=names)
    parts["attrs"] = {"excluded": hits.attrs.get("excluded", [])}
    return parts


@partitioned_hit_count(frame_count_parts, "hits")
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
        with 0 where it has no hit. ``.attrs["excluded"]`` lists how many hits
        each ``exclude`` or ``near`` rule of the lexicon removed.

    Examples
    --------
    >>> import toolkit
    >>> table = toolkit.count_frames("data/", by="voice")
    >>> table.query("frame == 'defeat'").set_index("voice").mentions.to_dict()
    {'narrator': 1, 'quoted': 2, 'reported': 0}
    """
    parts = frame_count_parts(corpus, lexicon, by=by, quotes=quotes, hits=hits)
    return finish_hit_counts([parts], hits)

"""The quotation table: its columns and dtypes, and :func:`speakers`, one row per speaker."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from .._util.tables import str_array
from .cues import Frame
from .rows import Row
from .rules import QuoteRules, Resolution, packaged_rules

__all__ = [
    "KINDS",
    "QUOTE_COLUMNS",
    "QuoteKind",
    "append_rows",
    "cue_type_filter",
    "quote_table",
    "speaker_names",
    "speakers",
    "without_press",
]


QUOTE_COLUMNS = [
    "doc_id",
    "quote_id",
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "role",
    "cue",
    "confidence",
    "cue_start",
    "cue_end",
    "sent_id",
    "para_id",
    "part_of",
    "evidence",
    "cue_type",
    "negated",
    "press",
    "nested",
    "speaker_id",
]


# Resolutions that make a row a self-attribution inside a transcript turn.
_NESTED = frozenset({Resolution.TURN_SPEAKER, Resolution.TURN_ORGANISATION})


KINDS = ["direct", "partial", "indirect"]


QuoteKind = Literal["direct", "partial", "indirect"]


def cue_type_filter(
    cue_types: str | Iterable[str] | None, types: QuoteRules | Iterable[str]
) -> list[str] | None:
    """The cue types to keep, checked against the types the rules define."""
    if cue_types is None:
        return None
    wanted = [cue_types] if isinstance(cue_types, str) else list(cue_types)
    values = types.cue_types.values() if isinstance(types, QuoteRules) else types
    known = sorted(set(values))
    unknown = [t for t in wanted if t not in known]
    if unknown or not wanted:
        raise ValueError(
            f"cue_types={cue_types!r}: the cue types of these rules are {', '.join(known)} "
            "(one or a list)"
        )
    return wanted


def append_rows(columns: dict[str, list], text: str, rows: list[Row], rules: QuoteRules) -> None:
    """Add one document's rows to the table's columns (``text`` is the document)."""
    ids = {id(r): n for n, r in enumerate(rows)}
    for n, r in enumerate(rows):
        f = r.frame
        columns["quote_id"].append(n)
        columns["start"].append(r.start)
        columns["end"].append(r.end)
        columns["text"].append(text[r.start : r.end])
        columns["kind"].append(r.kind)
        if f is None or f.speaker is None:
            _append_no_speaker(columns, r, rules)
        else:
            _append_speaker(columns, r, f, rules)
        if f is None:
            for name in ("cue", "cue_start", "cue_end", "cue_type"):
                columns[name].append(None)
            columns["negated"].append(False)
        else:  # a cue, perhaps without a source: "is expected to", "seems to"
            S = f.S
            columns["cue"].append(text[S.s[f.ci] : S.e[f.cj - 1]])
            columns["cue_start"].append(S.s[f.ci])
            columns["cue_end"].append(S.e[f.cj - 1])
            columns["cue_type"].append(rules.cue_type(f.klass))
            columns["negated"].append(f.negated)
        columns["sent_id"].append(r.sent)
        columns["para_id"].append(r.para)
        columns["part_of"].append(ids.get(id(r.part_of)) if r.part_of is not None else None)
        columns["press"].append(r.press)
        columns["nested"].append(f is not None and (f.resolution in _NESTED or f.inside))
        columns["speaker_id"].append(None)


def _append_no_speaker(columns: dict[str, list], r: Row, rules: QuoteRules) -> None:
    for name in ("speaker", "speaker_mention", "speaker_start", "speaker_end", "role"):
        columns[name].append(None)
    columns["confidence"].append(rules.confidence(r.rule))
    columns["evidence"].append(str(r.rule))


def _append_speaker(columns: dict[str, list], r: Row, f: Frame, rules: QuoteRules) -> None:
    m, e = f.speaker, f.entity
    assert m is not None
    refused = f.resolution == Resolution.NOT_A_SOURCE
    name = e.name if e is not None else (None if m.pronoun or refused else m.text)
    columns["speaker"].append(name)
    columns["speaker_mention"].append(m.text)
    columns["speaker_start"].append(m.start)
    columns["speaker_end"].append(m.end)
    columns["role"].append(m.role if m.role else (e.role if e is not None else None))
    columns["confidence"].append(round(rules.confidence(r.rule, f.resolution), 3))
    rule = str(r.rule) if r.rule == f.rule else f"{r.rule} ({f.rule})"
    columns["evidence"].append(f"{rule}; {f.resolution}" if f.resolution else rule)


def quote_table(columns: dict[str, list], doc_codes: list[int], doc_ids: list[str]) -> pd.DataFrame:
    n = len(doc_codes)
    out = {}
    for name in QUOTE_COLUMNS:
        values = columns.get(name, [])
        if name == "doc_id":
            out[name] = pd.Categorical.from_codes(
                np.asarray(doc_codes, dtype=np.int64), categories=pd.Index(doc_ids, dtype=object)
            )
        elif name in ("quote_id", "start", "end", "sent_id", "para_id"):
            out[name] = np.asarray(values, dtype=np.int32) if n else np.zeros(0, np.int32)
        elif name in ("speaker_start", "speaker_end", "cue_start", "cue_end", "part_of"):
            out[name] = pd.array(values, dtype="Int32")
        elif name == "confidence":
            out[name] = np.asarray(values, dtype=np.float64) if n else np.zeros(0)
        elif name == "kind":
            out[name] = pd.Categorical(values, categories=KINDS)
        elif name in ("negated", "press", "nested"):
            out[name] = np.asarray(values, dtype=bool) if n else np.zeros(0, bool)
        else:
            out[name] = str_array(values)
    return pd.DataFrame(out, columns=QUOTE_COLUMNS)


def speaker_names(quotes: pd.DataFrame) -> pd.Series:
    """Each row's speaker as a count of who speaks should name it: the
    corpus-wide ``speaker_id`` where the table has one, else ``speaker``
    (missing for a row without a speaker).

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"speaker": ["Psaki", "Kirby", None],
    ...                       "speaker_id": ["Jen Psaki", None, None]})
    >>> speaker_names(table).tolist()
    ['Jen Psaki', 'Kirby', None]
    """
    names = quotes["speaker"].astype(object)
    if "speaker_id" in quotes.columns:
        names = quotes["speaker_id"].astype(object).where(quotes["speaker_id"].notna(), names)
    blank = names.isna() | (names.astype(str) == "")
    return names.where(~blank, None)


def without_press(quotes: pd.DataFrame) -> pd.DataFrame:
    """The rows that are not press questions (``press`` true: a "Q" turn of a
    transcript and what is attributed inside it); a table without ``press``
    is returned whole.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"speaker": ["reporter", "Jen Psaki"], "press": [True, False]})
    >>> without_press(table)["speaker"].tolist()
    ['Jen Psaki']
    """
    if "press" not in quotes.columns:
        return quotes
    return quotes[~quotes["press"].fillna(False).astype(bool).to_numpy()]


def speakers(
    quotes: pd.DataFrame,
    *,
    min_confidence: float = 0.0,
    cue_types: str | Iterable[str] | None = None,
    press: bool = True,
) -> pd.DataFrame:
    """One row per speaker: role, how many quotations and how many words quoted.

    Parameters
    ----------
    quotes : DataFrame
        The table :func:`extract_quotes` returns (or a filtered part of it).
    min_confidence : float
        Count only rows at least this sure.
    cue_types : str or list of str, optional
        Count only rows whose ``cue_type`` is one of these (``"speech"``: who
        is quoted as saying something, leaving out beliefs, intentions and
        stances attributed to them). By default every row.
    press : bool
        Whether to count press questions (rows whose ``press`` is true: the
        "Q" turns of a transcript, spoken by the press role); ``press=False``
        leaves them out, for a study of who answers.

    Returns
    -------
    DataFrame
        ``speaker, role, n_quotes, n_direct, n_partial, n_indirect,
        words_quoted, n_docs, first_doc_id, first_start, mean_confidence``,
        most quoted first, one row per ``speaker_id`` when the table has it
        (the canonical name across the corpus; ``speaker`` shows it).
        ``n_quotes`` counts utterances (a partial quotation inside an
        indirect one is not counted again); ``nested`` rows, the
        attributions inside what another row reports ("I think ..." inside
        the speaker's own transcript turn, "the data show ..." inside "aides
        said the data show ..."), are part of that row and not counted at all;
        ``words_quoted`` counts the words inside quotation marks (direct and
        partial; "Qala-e-Naw" is one word); ``role`` is the role given most often; ``first_doc_id`` and
        ``first_start`` locate the speaker's first quotation.

    Examples
    --------
    >>> import toolkit
    >>> table = toolkit.speakers(toolkit.extract_quotes("data/"))
    >>> table.set_index("speaker").loc["Abdul Aziz Bek", "n_direct"]
    np.int64(2)
    """
    missing = [c for c in ("doc_id", "start", "text", "kind", "speaker") if c not in quotes]
    if missing:
        raise ValueError(
            f"speakers() needs the table extract_quotes returns; missing column(s) {missing}"
        )
    cols = ["speaker", "role", "n_quotes", "n_direct", "n_partial", "n_indirect"]
    cols += ["words_quoted", "n_docs", "first_doc_id", "first_start", "mean_confidence"]
    q = quotes[speaker_names(quotes).notna().to_numpy()]
    if "nested" in q:
        q = q[~q["nested"].astype(bool).to_numpy()]
    if not press:
        q = without_press(q)
    if min_confidence > 0 and "confidence" in q:
        q = q[q["confidence"] >= min_confidence]
    if cue_types is not None:
        if "cue_type" not in q:
            raise ValueError(
                f"cue_types={cue_types!r} needs the cue_type column of extract_quotes, "
                "which this table lacks"
            )
        known = set(packaged_rules().cue_types.values()) | set(q["cue_type"].dropna())
        wanted = cue_type_filter(cue_types, known)
        q = q[q["cue_type"].isin(wanted).to_numpy()]
    if q.empty:
        return pd.DataFrame({c: [] for c in cols})
    kind = q["kind"].astype(str)
    nested = q["part_of"].notna() if "part_of" in q else pd.Series(False, index=q.index)
    quoted_words = q["text"].str.count(_WORD).where(kind.isin(["direct", "partial"]), 0)
    work = pd.DataFrame(
        {
            "speaker": speaker_names(q).astype(str),
            "role": q.get("role"),
            "utterance": (~nested).astype(int),
            "direct": (kind == "direct").astype(int),
            "partial": (kind == "partial").astype(int),
            "indirect": (kind == "indirect").astype(int),
            "words": quoted_words.astype(int),
            "doc_id": q["doc_id"].astype(str),
            "start": q["start"],
            "confidence": q.get("confidence", np.nan),
            "order": np.arange(len(q)),
        }
    )
    g = work.groupby("speaker", sort=False)
    first = work.loc[g["order"].idxmin()].set_index("speaker")
    table = pd.DataFrame(
        {
            "n_quotes": g["utterance"].sum(),
            "n_direct": g["direct"].sum(),
            "n_partial": g["partial"].sum(),
            "n_indirect": g["indirect"].sum(),
            "words_quoted": g["words"].sum(),
            "n_docs": g["doc_id"].nunique(),
            "first_doc_id": first["doc_id"],
            "first_start": first["start"],
            "mean_confidence": g["confidence"].mean().round(3),
        }
    )
    table.insert(0, "role", g["role"].agg(_most_common))
    table = table.reset_index()
    table = table.sort_values(
        ["n_quotes", "words_quoted", "speaker"], ascending=[False, False, True], kind="stable"
    )
    return table[cols].reset_index(drop=True)


# A word for counting: letters and digits, with inner hyphens or apostrophes
# ("Qala-e-Naw", "don't" are one word each).
_WORD = r"\w+(?:[-'\u2019]\w+)*"


def _most_common(values: pd.Series) -> str | None:
    counts = values.dropna().astype(str).value_counts(sort=False)
    if counts.empty:
        return None
    return str(counts.index[int(np.argmax(counts.to_numpy()))])

"""Loading article corpora: :func:`load_corpus` and :func:`as_corpus`.

:func:`load_corpus` turns a folder, a file, a DataFrame, a string or a list of
strings into a :class:`~toolkit.corpus.corpus.Corpus`: ``docs`` (one row per
document) and ``report`` (every file skipped, every fallback decoding, every
paragraph removed, and why). The readers of each format are in
:mod:`toolkit.corpus.readers`; cleaning in :mod:`toolkit.corpus.cleaning`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._util.paths import names_a_file
from .._util.progress import progress as _progress
from .cleaning import clean_document, cleaning_rules
from .corpus import BASE_COLUMNS, PARAGRAPH_KINDS, REPORT_COLUMNS, Corpus, report_row
from .dates import parse_dates
from .duplicates import handle_duplicates
from .readers.compressed import COMPRESSED_SUFFIXES, inner_suffix, is_compressed
from .readers.exports import OFFICE_SUFFIXES, read_export
from .readers.files import shown
from .readers.records import repair_record
from .readers.tables import from_frame, read_table
from .readers.text_files import (
    COMPRESSED_TEXT,
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    read_folder,
    read_text_file,
)
from .store import is_store, open_corpus

__all__ = [
    "DocIds",
    "as_corpus",
    "build_documents",
    "date_notes",
    "load_corpus",
    "unique_ids",
]

TITLE_MAX = 300


def load_corpus(
    source: Any,
    *,
    text_col: str = "text",
    id_col: str | None = None,
    clean: bool = True,
    progress: bool = True,
    duplicates: Literal["keep", "drop", "flag"] = "flag",
) -> Corpus:
    """Load a corpus of articles.

    Parameters
    ----------
    source
        A folder (``.txt``/``.md`` files, recursively, each with optional YAML front
        matter for ``title``, ``date``, ``source``, ``url`` or any other field, and
        saved ``.html`` pages, whose paragraphs and ``<meta>`` tags are read); a
        single such file; a ``.csv``/``.tsv``, ``.jsonl``/``.json`` or ``.parquet``
        file with one row per document, also compressed (``.jsonl.gz``,
        ``.csv.bz2``, ``.tsv.xz`` ...); a folder that holds such tables and no
        article files (``data/whitehouse-afghanistan-2021``: a README and a
        ``.jsonl.gz``); a pandas DataFrame; one string of text; or a list of
        strings.
    text_col : str
        The column holding the text in tables.
    id_col : str, optional
        The column holding document ids in tables. By default a ``doc_id`` or
        ``id`` column is used when there is one; otherwise ids are made up
        (``doc1``, ``doc2``, ... or the file name without its extension).
    clean : bool
        Remove site furniture (duplicated photo captions, "READ MORE:" links, a
        trailing "Source:" line) and normalise non-breaking spaces and typographic
        quotes one character for one, so offsets stay valid. ``raw`` always keeps
        the text as loaded; ``report`` lists every change.
    progress : bool
        Show a progress bar when there are many files or documents.
    duplicates : {"flag", "drop", "keep"}
        Near-duplicate documents (see :func:`toolkit.find_duplicates`): ``"flag"``
        adds a ``duplicate_of`` column naming the earliest document of each
        document's group and a report row per group; ``"drop"`` keeps only the
        earliest of each group and reports the others; ``"keep"`` does neither.

    Returns
    -------
    Corpus

    Raises
    ------
    FileNotFoundError
        When a path does not exist.
    ValueError
        When the source is an empty string, a table has no text column (the
        message lists its columns) or two columns of one name, a single file
        cannot be read (the message says why), or a folder holds no readable text
        file. Anything wrong inside a folder or table (a file that is not text, a
        JSON line that does not parse, a CSV row with too many fields, a date that
        is not one) is a row of ``report`` instead, and the rest is loaded.

    Examples
    --------
    >>> import toolkit
    >>> corpus = toolkit.load_corpus("data/")
    >>> corpus.docs[["doc_id", "source"]].values.tolist()
    [['trtworld-2021-07-07-qala-e-naw', 'TRT World']]
    """
    if isinstance(source, Corpus):
        return source
    if isinstance(source, str | os.PathLike) and is_store(source):
        return open_corpus(source, progress=progress)
    if duplicates not in {"keep", "drop", "flag"}:
        raise ValueError(f"duplicates must be 'keep', 'drop' or 'flag', not {duplicates!r}")
    report: list[dict[str, Any]] = []
    frame = read_source(source, text_col=text_col, id_col=id_col, report=report, progress=progress)
    return handle_duplicates(_build(frame, report, clean=clean, progress=progress), duplicates)


def as_corpus(obj: Any) -> Corpus:
    """Return ``obj`` if it is a :class:`Corpus`, else load it with default options.

    Examples
    --------
    >>> import toolkit
    >>> toolkit.as_corpus("Talks between the sides failed.").docs.text[0]
    'Talks between the sides failed.'
    """
    return obj if isinstance(obj, Corpus) else load_corpus(obj)


def read_source(
    source: Any, *, text_col: str, id_col: str | None, report: list, progress: bool
) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        frame, rows = from_frame(source, text_col, id_col, origin="the DataFrame")
        report.extend(rows)
        return frame
    if isinstance(source, str) and not source.strip():
        raise ValueError(
            f"load_corpus got an empty string ({source!r}) for its source: give a folder or "
            "file path ('data/'), a DataFrame, or the texts themselves in a list"
        )
    if isinstance(source, str) and not _looks_like_path(source):
        return _from_texts([source], report)
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if not path.exists():
            raise FileNotFoundError(
                f"No such file or folder: '{shown(source)}'. To analyse a string as text, pass "
                "it in a list: load_corpus([text])."
            )
        if path.is_dir():
            (records, rows), tables = read_folder(path, progress)
            report.extend(rows)
            if tables:  # a folder holding tables, not articles
                frames = [_from_file(t, text_col, id_col, report) for t in tables]
                return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
            return pd.DataFrame(records)
        return _from_file(path, text_col, id_col, report)
    if isinstance(source, pd.Series | Sequence | np.ndarray) and not isinstance(source, bytes):
        items = list(source)
        bad = [type(x).__name__ for x in items if not isinstance(x, str)]
        if bad:
            raise TypeError(
                f"a list given to load_corpus must hold strings of text; found {sorted(set(bad))}"
            )
        return _from_texts(items, report)
    raise TypeError(
        "load_corpus accepts a folder or file path, a pandas DataFrame, a string or a list "
        f"of strings, not {type(source).__name__}"
    )


def _looks_like_path(s: str) -> bool:
    if "\n" in s:
        return False
    if len(s) < 1024 and names_a_file(s, folder=True):
        return True
    if not s.split() or len(s.split()) == 1:
        return True
    return s.endswith(("/", "\\")) or Path(s).suffix.lower() in (
        TEXT_SUFFIXES | TABLE_SUFFIXES | OFFICE_SUFFIXES | COMPRESSED_SUFFIXES
    )


def _from_texts(texts: list[str], report: list) -> pd.DataFrame:
    rows = []
    for i, t in enumerate(texts, start=1):
        if not t.strip():
            report.append(
                report_row(None, f"doc{i}", "skipped", "empty text", f"item {i} of the list")
            )
            continue
        record, repaired = repair_record(
            {"doc_id": f"doc{i}", "raw": t}, path=None, doc_id=f"doc{i}", where=f"item {i}"
        )
        report.extend(repaired)
        rows.append(record)
    return pd.DataFrame(rows, columns=["doc_id", "raw"])


def _from_file(path: Path, text_col: str, id_col: str | None, report: list) -> pd.DataFrame:
    suffix = inner_suffix(path)
    if is_compressed(path) and suffix not in TABLE_SUFFIXES:
        raise ValueError(f"Could not load '{shown(path)}': {COMPRESSED_TEXT}")
    if suffix in TABLE_SUFFIXES:
        table, rows = read_table(path, suffix, id_col=id_col, text_col=text_col)
        report.extend(rows)
        origin = f"'{shown(path)}'"
        frame, rows = from_frame(table, text_col, id_col, origin=origin, path=path, repair=False)
        report.extend(rows)
        return frame
    # news-database exports and office files by their content, other files as text
    found = read_export(path, doc_id=shown(path.stem))
    records, rows = found if found is not None else read_text_file(path, doc_id=shown(path.stem))
    report.extend(rows)
    if not records:
        skipped = [r["reason"] for r in rows if r["action"] == "skipped"]
        reason = skipped[-1] if skipped else "unreadable"  # the file's own, after its parts
        raise ValueError(f"Could not load '{shown(path)}': {reason}")
    return pd.DataFrame(records)


def _build(frame: pd.DataFrame, report: list, *, clean: bool, progress: bool) -> Corpus:
    frame = frame.copy()
    for col in ("doc_id", "raw"):
        if col not in frame.columns:  # a table with no rows at all
            frame[col] = pd.Series(dtype=object)
    frame["doc_id"], renamed = unique_ids(frame["doc_id"], _paths(frame), DocIds())
    report.extend(renamed)
    docs, spans, cleaning, dates = build_documents(frame, clean=clean, progress=progress)
    report_frame = pd.DataFrame([*report, *cleaning, *dates], columns=REPORT_COLUMNS)
    return Corpus(docs, report_frame, spans, progress=progress)


def build_documents(
    frame: pd.DataFrame, *, clean: bool, progress: bool, dayfirst: bool | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, list[dict[str, Any]], list[dict[str, Any]]]:
    """Clean documents read by a reader (``doc_id``, ``raw`` and metadata, ids
    unique) into the corpus's tables.

    ``dayfirst`` is how the numeric dates of the whole corpus are read when the
    frame is a part of it (:func:`~toolkit.corpus.dates.parse_dates`); the notes
    on the date column are then the whole corpus's (:func:`date_notes`), not in
    the rows returned.

    Returns
    -------
    (docs, paragraph_spans, cleaning_rows, date_rows)
        The two tables of a :class:`Corpus` and the report rows of cleaning (in
        document order) and of dates. Each document is cleaned on its own, so a
        corpus can be built a part at a time.
    """
    frame = frame.copy()
    for col in ("title", "date", "source", "url"):
        if col not in frame.columns:
            frame[col] = None
    frame = frame.astype({"title": object, "source": object, "url": object})
    rules = cleaning_rules()
    texts, spans_rows, report = [], [], []
    paths = _paths(frame)
    sources, titles = list(frame["source"]), list(frame["title"])
    items = list(zip(frame["doc_id"], frame["raw"], strict=True))
    for i, (doc_id, raw) in enumerate(_progress(items, "cleaning", progress)):
        path = paths[i]
        text, paras, rows, found_source = clean_document(raw, rules, clean=clean)
        for r in rows:
            report.append(report_row(path, doc_id, r["action"], r["reason"], r["detail"]))
        if found_source is not None and _blank(sources[i]):
            sources[i] = found_source
            report.append(
                report_row(
                    path, doc_id, "metadata", "source taken from a 'Source:' line", found_source
                )
            )
        if not text and raw.strip():
            report.append(
                report_row(
                    path,
                    doc_id,
                    "emptied",
                    "cleaning removed every paragraph; raw keeps the text",
                    "",
                )
            )
        if _blank(titles[i]):
            titles[i] = _title_from(raw)
        texts.append(text)
        spans_rows.extend((doc_id, *p) for p in paras)
    frame["source"] = sources
    frame["title"] = titles
    frame["text"] = texts
    dates: list[dict[str, Any]] = []
    frame["date"] = _parse_dates(frame, dates, dayfirst)
    extras = [c for c in frame.columns if c not in BASE_COLUMNS]
    docs = frame[BASE_COLUMNS + extras].reset_index(drop=True)
    docs["doc_id"] = docs["doc_id"].astype(str)
    if docs.empty:  # an empty corpus still has text columns (for .str and friends)
        docs = docs.astype(dict.fromkeys(["title", "text", "raw"], str))
    spans = _paragraph_frame(spans_rows, list(docs["doc_id"]))
    return docs, spans, report, dates


def _paths(frame: pd.DataFrame) -> list[Any]:
    return list(frame["path"]) if "path" in frame.columns else [None] * len(frame)


class DocIds:
    """The document ids given so far, for :func:`unique_ids` (a corpus read in
    parts keeps one across its parts; ``given`` are ids already in it)."""

    def __init__(self, given: Iterable[str] = ()):
        self.given: set[str] = set(given)
        self.suffix: dict[str, int] = {}
        self.rows = 0


def unique_ids(
    ids: Iterable[Any], paths: Sequence[Any], state: DocIds
) -> tuple[list[str], list[dict[str, Any]]]:
    """Document ids made unique, in order, with a report row for each renamed:
    an id given before becomes ``id-2`` (``id-3`` ...: the first that is neither
    given before nor another id of ``ids``).

    Read in parts, an id can only be kept clear of the ids of its own part and
    of those before it, so a later document whose id an earlier one was renamed
    to is renamed in its turn.

    Examples
    --------
    >>> unique_ids(["a", "b", "a", "a-2"], [None] * 4, DocIds())[0]
    ['a', 'b', 'a-3', 'a-2']
    """
    ids = [str(d) for d in ids]
    known = set(ids) | state.given
    out, rows = [], []
    for i, d in enumerate(ids):
        state.rows += 1
        if d in state.given:
            n = state.suffix.get(d, 1) + 1
            new = f"{d}-{n}"
            while new in known:
                n += 1
                new = f"{d}-{n}"
            state.suffix[d] = n
            known.add(new)
            rows.append(
                report_row(
                    paths[i],
                    new,
                    "renamed",
                    f"duplicate doc id '{d}' made unique",
                    f"row {state.rows}",
                )
            )
            d = new
        state.given.add(d)
        out.append(d)
    return out, rows


def _paragraph_frame(rows: list[tuple], doc_ids: list[str]) -> pd.DataFrame:
    cols = ["doc_id", "para_id", "start", "end", "kind", "raw_start", "raw_end"]
    table = pd.DataFrame(rows, columns=cols)
    table["doc_id"] = pd.Categorical(table["doc_id"].astype(str), categories=doc_ids)
    for c in ("para_id", "start", "end", "raw_start", "raw_end"):
        table[c] = table[c].astype(np.int32)
    table["kind"] = pd.Categorical(table["kind"], categories=PARAGRAPH_KINDS)
    return table


def _parse_dates(frame: pd.DataFrame, report: list, dayfirst: bool | None) -> pd.Series:
    column = parse_dates(frame["date"], dayfirst=dayfirst)
    paths = frame["path"] if "path" in frame.columns else None
    if column.notes:
        where = paths.iat[0] if paths is not None and (paths == paths.iat[0]).all() else None
        report.extend(date_notes(column.notes, where))
    for i, why in column.problems:
        report.append(
            report_row(
                None if paths is None else paths.iat[i],
                frame["doc_id"].iat[i],
                "warning",
                f"date could not be parsed: {why}; left empty",
                str(frame["date"].iat[i]),
            )
        )
    return column.dates


def date_notes(notes: list[str], where: Any) -> list[dict[str, Any]]:
    """The report rows of notes on the date column (how its numeric dates were
    read); ``where`` is the path of the corpus's one file, if it has one.

    Examples
    --------
    >>> date_notes(["numeric dates read day first"], "a.csv")[0]["detail"]
    'the date column'
    """
    return [report_row(where, None, "warning", note, "the date column") for note in notes]


def _title_from(raw: str) -> str:
    first = next((line.strip() for line in raw.splitlines() if line.strip()), "")
    first = first.lstrip("#").strip()
    return first if len(first) <= TITLE_MAX else first[: TITLE_MAX - 1].rstrip() + "\u2026"


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()

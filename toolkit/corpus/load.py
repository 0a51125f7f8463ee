"""Loading article corpora: :func:`load_corpus` and :func:`as_corpus`.

:func:`load_corpus` turns a folder, a file, a DataFrame, a string or a list of
strings into a :class:`~toolkit.corpus.corpus.Corpus`: ``docs`` (one row per
document) and ``report`` (every file skipped, every fallback decoding, every
paragraph removed, and why). The readers of each format are in
:mod:`toolkit.corpus.readers`; cleaning in :mod:`toolkit.corpus.cleaning`.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._util.progress import progress as _progress
from .cleaning import clean_document, cleaning_rules
from .corpus import BASE_COLUMNS, PARAGRAPH_KINDS, REPORT_COLUMNS, Corpus, report_row
from .duplicates import handle_duplicates
from .readers.compressed import COMPRESSED_SUFFIXES, inner_suffix, is_compressed
from .readers.exports import OFFICE_SUFFIXES, read_export
from .readers.tables import from_frame, read_table
from .readers.text_files import (
    COMPRESSED_TEXT,
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    read_folder,
    read_text_file,
)

__all__ = ["as_corpus", "load_corpus"]

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
        When a table has no text column (the message lists its columns) or a
        folder holds no text files.

    Examples
    --------
    >>> import toolkit
    >>> corpus = toolkit.load_corpus("data/")
    >>> corpus.docs[["doc_id", "source"]].values.tolist()
    [['trtworld-2021-07-07-qala-e-naw', 'TRT World']]
    """
    if isinstance(source, Corpus):
        return source
    if duplicates not in {"keep", "drop", "flag"}:
        raise ValueError(f"duplicates must be 'keep', 'drop' or 'flag', not {duplicates!r}")
    report: list[dict[str, Any]] = []
    frame = _read(source, text_col=text_col, id_col=id_col, report=report, progress=progress)
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


def _read(
    source: Any, *, text_col: str, id_col: str | None, report: list, progress: bool
) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        return from_frame(source, text_col, id_col, origin="the DataFrame", report=report)
    if isinstance(source, str) and not _looks_like_path(source):
        return _from_texts([source], report)
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if not path.exists():
            raise FileNotFoundError(
                f"No such file or folder: '{source}'. To analyse a string as text, pass it "
                "in a list: load_corpus([text])."
            )
        if path.is_dir():
            return read_folder(path, report, progress, text_col=text_col, id_col=id_col)
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
    if len(s) < 1024 and Path(s).exists():
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
        rows.append({"doc_id": f"doc{i}", "raw": t})
    return pd.DataFrame(rows, columns=["doc_id", "raw"])


def _from_file(path: Path, text_col: str, id_col: str | None, report: list) -> pd.DataFrame:
    suffix = inner_suffix(path)
    if is_compressed(path) and suffix not in TABLE_SUFFIXES:
        raise ValueError(f"Could not load '{path}': {COMPRESSED_TEXT}")
    if suffix not in TABLE_SUFFIXES:  # news-database exports and office files, by content
        records = read_export(path, report, doc_id=path.stem)
        if records == []:
            raise ValueError(f"Could not load '{path}': {report[-1]['reason']}")
        if records is not None:
            return pd.DataFrame(records)
    if suffix in TABLE_SUFFIXES:
        table = read_table(path, suffix, report)
        return from_frame(table, text_col, id_col, origin=f"'{path}'", report=report, path=path)
    record = read_text_file(path, report, doc_id=path.stem)
    if record is None:
        reason = report[-1]["reason"] if report else "unreadable"
        raise ValueError(f"Could not load '{path}': {reason}")
    return pd.DataFrame([record])


def _build(frame: pd.DataFrame, report: list, *, clean: bool, progress: bool) -> Corpus:
    frame = _unique_ids(frame, report)
    for col in ("title", "date", "source", "url"):
        if col not in frame.columns:
            frame[col] = None
    frame = frame.astype({"title": object, "source": object, "url": object})
    rules = cleaning_rules()
    texts, spans_rows = [], []
    paths = list(frame["path"]) if "path" in frame.columns else [None] * len(frame)
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
    frame["date"] = _parse_dates(frame, report)
    extras = [c for c in frame.columns if c not in BASE_COLUMNS]
    docs = frame[BASE_COLUMNS + extras].reset_index(drop=True)
    docs["doc_id"] = docs["doc_id"].astype(str)
    spans = _paragraph_frame(spans_rows, list(docs["doc_id"]))
    report_frame = pd.DataFrame(report, columns=REPORT_COLUMNS)
    return Corpus(docs, report_frame, spans, progress=progress)


def _unique_ids(frame: pd.DataFrame, report: list) -> pd.DataFrame:
    ids = [str(d) for d in frame["doc_id"]]
    seen: dict[str, int] = {}
    taken = set(ids)
    out = []
    for i, d in enumerate(ids):
        if d in seen:
            n = seen[d] + 1
            new = f"{d}-{n}"
            while new in taken:
                n += 1
                new = f"{d}-{n}"
            seen[d] = n
            taken.add(new)
            path = frame["path"].iat[i] if "path" in frame.columns else None
            report.append(
                report_row(
                    path, new, "renamed", f"duplicate doc id '{d}' made unique", f"row {i + 1}"
                )
            )
            out.append(new)
        else:
            seen[d] = 1
            out.append(d)
    frame = frame.copy()
    frame["doc_id"] = out
    return frame


def _paragraph_frame(rows: list[tuple], doc_ids: list[str]) -> pd.DataFrame:
    cols = ["doc_id", "para_id", "start", "end", "kind", "raw_start", "raw_end"]
    table = pd.DataFrame(rows, columns=cols)
    table["doc_id"] = pd.Categorical(table["doc_id"].astype(str), categories=doc_ids)
    for c in ("para_id", "start", "end", "raw_start", "raw_end"):
        table[c] = table[c].astype(np.int32)
    table["kind"] = pd.Categorical(table["kind"], categories=PARAGRAPH_KINDS)
    return table


def _parse_dates(frame: pd.DataFrame, report: list) -> pd.Series:
    values = frame["date"]
    present = ~values.isna() & (values.astype(str).str.strip() != "")
    if not present.any():
        return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    as_text = values.where(present, None).map(
        lambda v: v.isoformat() if hasattr(v, "isoformat") else v
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parsed = pd.to_datetime(as_text, errors="coerce", format="mixed")
        except (ValueError, TypeError):
            parsed = pd.to_datetime(
                as_text, errors="coerce", format="mixed", utc=True
            ).dt.tz_convert(None)
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_convert(None)
    bad = present & parsed.isna()
    for i in np.flatnonzero(bad.to_numpy()):
        path = frame["path"].iat[i] if "path" in frame.columns else None
        report.append(
            report_row(
                path,
                frame["doc_id"].iat[i],
                "warning",
                "date could not be parsed; left empty",
                str(values.iat[i]),
            )
        )
    return parsed


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

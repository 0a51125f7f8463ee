"""Writing a corpus store: :func:`save_corpus`.

The source is read a batch at a time (:mod:`toolkit.corpus.batches`) in this
process, which only makes document ids unique across batches and puts each batch
on disk; the executor's workers then clean it, tokenize it and write it as a
partition (:mod:`toolkit.corpus.store`), each a pure function of its documents.
Near-duplicates are found last, as a reduce over the MinHash signatures the
workers computed (:mod:`toolkit.corpus.duplicates`). Memory stays that of a few
batches, however large the source.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from .batches import STEPS, read_batches
from .corpus import REPORT_COLUMNS
from .dates import NumericDates, numeric_dates
from .duplicates import duplicate_flags, find_duplicates, signature_table
from .executor import run_tasks
from .load import DocIds, build_documents, date_notes, unique_ids
from .store import (
    STEP_COLUMN,
    STORE_FORMAT,
    STORE_FORMAT_VERSION,
    PartitionCorpus,
    StoredCorpus,
    is_store,
    read_manifest,
    toolkit_version,
    write_manifest,
    write_partition,
)
from .tables_io import read_frame, write_frame
from .token_arrays import tokenize_documents

__all__ = ["DEFAULT_PARTITION_SIZE", "save_corpus"]

DEFAULT_PARTITION_SIZE = 10_000
DUPLICATE_THRESHOLD = 0.9
_PART = re.compile(r"part-(\d{5,})")
_OPTIONS = ("text_col", "id_col", "clean", "duplicates")


def save_corpus(
    source: Any,
    path: str | os.PathLike,
    *,
    text_col: str = "text",
    id_col: str | None = None,
    clean: bool = True,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    duplicates: Literal["keep", "drop", "flag"] = "flag",
    append: bool = False,
    progress: bool = True,
) -> StoredCorpus:
    """Write a corpus store: the corpus ``load_corpus(source)`` gives, on disk in
    partitions, without reading the source whole.

    A JSON lines, CSV/TSV or Parquet file or a folder is read a batch at a time;
    each batch is cleaned and tokenized as a partition by the executor's workers
    (:func:`toolkit.set_executor`). Open the store with :func:`toolkit.open_corpus`
    (or pass its folder to any function or command that takes a corpus): every
    analysis then runs partition by partition and gives the tables it gives on
    the corpus in memory.

    Parameters
    ----------
    source
        Anything :func:`toolkit.load_corpus` reads.
    path : folder
        Where to write the store: a new or empty folder, or an existing store
        with ``append=True``.
    text_col, id_col, clean
        As for :func:`toolkit.load_corpus`.
    partition_size : int
        Documents per partition. A worker holds one partition with its token
        index at a time (about 40 bytes per word plus the texts twice).
    duplicates : {"flag", "drop", "keep"}
        Near-duplicates, as for :func:`toolkit.load_corpus`, found across all
        partitions (again over the whole store when documents are appended).
    append : bool
        Add the documents of ``source`` to the store at ``path`` as new
        partitions; document ids stay unique across the store (a repeated id is
        renamed and reported, as when loading).
    progress : bool
        Show progress bars.

    Returns
    -------
    StoredCorpus
        The store, opened.

    Raises
    ------
    FileExistsError
        When ``path`` is a store and ``append`` is false, or holds other files.
    ValueError
        For a bad option, a store written with other options than those given
        when appending, or what :func:`toolkit.load_corpus` raises for ``source``.

    Examples
    --------
    >>> import tempfile, toolkit
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     stored = toolkit.save_corpus("data/", folder, progress=False)
    ...     stored.manifest["counts"]["documents"], len(stored.manifest["partitions"])
    (1, 1)
    """
    if (
        isinstance(partition_size, bool)
        or not isinstance(partition_size, int)
        or partition_size < 1
    ):
        raise ValueError(
            f"partition_size={partition_size!r} must be a whole number of documents, 1 or more"
        )
    if duplicates not in {"keep", "drop", "flag"}:
        raise ValueError(f"duplicates must be 'keep', 'drop' or 'flag', not {duplicates!r}")
    store = Path(path)
    options = {
        "text_col": text_col,
        "id_col": id_col,
        "clean": bool(clean),
        "duplicates": duplicates,
    }
    manifest = _start(store, source, options, partition_size, append=append)
    writer = _BatchWriter(store, manifest)
    batches = read_batches(
        source, text_col=text_col, id_col=id_col, size=partition_size, progress=False
    )
    tasks = writer.tasks(batches, clean=bool(clean), signatures=duplicates != "keep")
    results = run_tasks(build_partition, tasks, desc="storing", progress=progress)
    results = writer.redate(results, progress=progress)
    manifest["partitions"] = [*manifest["partitions"], *results]
    manifest["sources"] = [*manifest.get("sources", []), _describe(source)]
    root_rows = [*writer.leftover, *writer.date_notes()]
    if duplicates != "keep":
        manifest["state"] = "duplicates"
        write_manifest(store, manifest)
        root_rows = [*root_rows, *_duplicate_rows(store, manifest, duplicates)]
    _write_root_report(store, root_rows)
    manifest["state"] = "complete"
    write_manifest(store, manifest)
    _count(store, manifest)
    write_manifest(store, manifest)
    return StoredCorpus(store, progress=progress)


def build_partition(
    store: str, name: str, clean: bool, signatures: bool, dayfirst: bool, keep_staged: bool
) -> dict[str, Any]:
    """A task of :func:`save_corpus`: clean and tokenize the batch put in
    partition ``name`` and write the partition; its counts for the manifest.
    Numeric dates are read ``dayfirst`` or not; ``keep_staged`` keeps the batch,
    to build the partition again if the whole source decides otherwise."""
    folder = Path(store) / name
    frame = read_frame(folder / "staged.parquet")
    staged = read_frame(folder / "staged-report.parquet")
    docs, spans, cleaning, dates = build_documents(
        frame, clean=clean, progress=False, dayfirst=dayfirst
    )
    report = pd.concat(
        [staged, _step_rows(cleaning, "cleaning"), _step_rows(dates, "dates")], ignore_index=True
    )
    part = PartitionCorpus(folder, docs, report[REPORT_COLUMNS], spans)
    arrays = tokenize_documents(part)
    write_partition(folder, part, report, arrays)
    if signatures:
        signature_table(part)  # kept in the partition's cache for the near-duplicate reduce
    if not keep_staged:
        _unstage(folder)
    is_word = np.array([any(ch.isalnum() for ch in f) for f in arrays.forms], dtype=bool)
    return {
        "name": name,
        "documents": len(docs),
        "tokens": int(arrays.doc_tok[-1]),
        "words": int(np.count_nonzero(is_word[arrays.form])) if len(arrays.form) else 0,
        "characters": int(docs["text"].str.len().sum()) if len(docs) else 0,
    }


def _unstage(folder: Path) -> None:
    (folder / "staged.parquet").unlink()
    (folder / "staged-report.parquet").unlink()


class _BatchWriter:
    """Puts batches on disk as partitions to build, with unique ids across them,
    and keeps the tally of the source's numeric dates, which decides how all of
    them are read (as ``load_corpus`` reads the whole date column one way)."""

    def __init__(self, store: Path, manifest: dict[str, Any]):
        self.store = store
        self.ids = DocIds(_stored_ids(store, manifest))
        taken = [int(m.group(1)) for p in store.iterdir() if (m := _PART.fullmatch(p.name))]
        self.next = max(taken, default=-1) + 1
        self.leftover: list[tuple[int, dict[str, Any]]] = []
        self.dates = NumericDates()
        self.paths: tuple[Any, bool] | None = None  # the first path; whether all are it
        # partitions with numeric dates: the reading they were built with, and args
        self.dated: dict[str, tuple[bool, tuple]] = {}

    def date_notes(self) -> list[tuple[int, dict[str, Any]]]:
        """The report rows on how the source's numeric dates were read."""
        where = self.paths[0] if self.paths is not None and self.paths[1] else None
        return [(STEPS["date notes"], r) for r in date_notes(self.dates.notes(), where)]

    def redate(self, results: list[dict[str, Any]], *, progress: bool) -> list[dict[str, Any]]:
        """Build again the partitions whose numeric dates were read otherwise
        than the whole source decides (the tally so far had decided otherwise
        when they were built), and drop the batches kept for it."""
        final = self.dates.dayfirst
        again = [args for read, args in self.dated.values() if read != final]
        tasks = [(*args[:4], final, False) for args in again]
        rebuilt = run_tasks(build_partition, tasks, desc="dates", progress=progress)
        by_name = {r["name"]: r for r in rebuilt}
        for read, args in self.dated.values():
            if read == final:
                _unstage(self.store / args[1])
        return [by_name.get(r["name"], r) for r in results]

    def _track(self, frame: pd.DataFrame) -> tuple[bool, bool]:
        """Add the batch's dates and paths to the tallies: how its numeric dates
        are read for now, and whether it has any."""
        paths = _paths_of(frame)
        if len(paths):
            first = self.paths[0] if self.paths is not None else paths[0]
            same = (self.paths is None or self.paths[1]) and all(p == first for p in paths)
            self.paths = (first, same)
        tally = numeric_dates(frame["date"]) if "date" in frame.columns else NumericDates()
        self.dates = self.dates + tally
        return self.dates.dayfirst, bool(tally.day or tally.month or tally.either)

    def tasks(self, batches: Iterator, *, clean: bool, signatures: bool) -> Iterator[tuple]:
        """The tasks of building each batch as a partition. A source without
        any document, in a new store, is stored as one empty partition, which
        keeps its columns (as load_corpus keeps them in an empty corpus)."""
        first, empty = self.next, None
        for batch in batches:
            frame, rows = batch.frame, [*self.leftover, *batch.rows]
            self.leftover = []
            if not len(frame):
                self.leftover = rows  # rows of a batch without documents go with the next one
                empty = frame
                continue
            yield self._stage(frame, rows, clean, signatures)
        if self.next == first == 0 and empty is not None:
            rows, self.leftover = self.leftover, []
            yield self._stage(empty, rows, clean, signatures)

    def _stage(
        self, frame: pd.DataFrame, rows: list[tuple[int, dict[str, Any]]], clean: bool, sig: bool
    ) -> tuple:
        frame = frame.copy()
        if len(frame):
            frame["doc_id"], renamed = unique_ids(frame["doc_id"], _paths_of(frame), self.ids)
            rows = [*rows, *[(STEPS["renamed"], r) for r in renamed]]
        name = f"part-{self.next:05d}"
        self.next += 1
        folder = self.store / name
        folder.mkdir()
        write_frame(frame, folder / "staged.parquet")
        write_frame(_step_frame(rows), folder / "staged-report.parquet")
        dayfirst, dated = self._track(frame)
        args = (str(self.store), name, clean, sig, dayfirst, dated)
        if dated:
            self.dated[name] = (dayfirst, args)
        return args


def _paths_of(frame: pd.DataFrame) -> list[Any]:
    return list(frame["path"]) if "path" in frame.columns else [None] * len(frame)


def _step_rows(rows: list[dict[str, Any]], step: str) -> pd.DataFrame:
    return _step_frame([(STEPS[step], r) for r in rows])


def _step_frame(rows: list[tuple[int, dict[str, Any]]]) -> pd.DataFrame:
    frame = pd.DataFrame([r for _, r in rows], columns=REPORT_COLUMNS).astype(object)
    frame[STEP_COLUMN] = np.asarray([s for s, _ in rows], dtype=np.int64)
    return frame


def _start(
    store: Path, source: Any, options: dict[str, Any], partition_size: int, *, append: bool
) -> dict[str, Any]:
    """The manifest to add partitions to: the store's own when appending, else
    a new one (written at once, as a store being written)."""
    if is_store(store):
        if not append:
            raise FileExistsError(
                f"'{store}' already holds a corpus store; pass append=True to add documents "
                "to it, or choose another folder"
            )
        manifest = read_manifest(store)
        given = {k: manifest["options"].get(k) for k in _OPTIONS}
        if given != options:
            changed = [
                f"{k}={options[k]!r} (the store has {given[k]!r})"
                for k in _OPTIONS
                if given[k] != options[k]
            ]
            raise ValueError(
                f"the store '{store}' was written with other options: {', '.join(changed)}; "
                "append with the store's options"
            )
        return manifest
    if store.exists() and (not store.is_dir() or any(store.iterdir())):
        raise FileExistsError(
            f"'{store}' exists and is not an empty folder: write a store to a new or empty folder"
        )
    inside = isinstance(source, str | os.PathLike) and Path(source).is_dir()
    if inside and store.resolve().is_relative_to(Path(source).resolve()):
        raise ValueError(
            f"the store '{store}' would be inside the folder it reads ('{source}'); "
            "write it elsewhere"
        )
    store.mkdir(parents=True, exist_ok=True)
    manifest = {
        "format": STORE_FORMAT,
        "format_version": STORE_FORMAT_VERSION,
        "toolkit_version": toolkit_version(),
        "state": "writing",
        "options": {**options, "partition_size": partition_size, "threshold": DUPLICATE_THRESHOLD},
        "sources": [],
        "partitions": [],
    }
    write_manifest(store, manifest)
    return manifest


def _stored_ids(store: Path, manifest: dict[str, Any]) -> list[str]:
    ids: list[str] = []
    for p in manifest["partitions"]:
        ids.extend(read_frame(store / p["name"] / "docs.parquet", columns=["doc_id"])["doc_id"])
    return ids


def _duplicate_rows(
    store: Path, manifest: dict[str, Any], how: Literal["drop", "flag"]
) -> list[tuple[int, dict[str, Any]]]:
    """Find near-duplicates over every document of the store, write each
    partition's ``duplicate_of`` and return the report rows of the groups."""
    stored = StoredCorpus(store, progress=False)
    pairs = find_duplicates(stored, threshold=manifest["options"]["threshold"])
    meta = stored.docs_columns(["doc_id", "path"])
    paths = meta["path"] if "path" in meta.columns else pd.Series([None] * len(meta))
    duplicate_of, rows = duplicate_flags(meta["doc_id"], paths, pairs, how, DUPLICATE_THRESHOLD)
    at = 0
    for p, size in zip(manifest["partitions"], stored.part_sizes.tolist(), strict=True):
        flags = pd.DataFrame(
            {"duplicate_of": pd.Series(duplicate_of[at : at + size], dtype=object)}
        )
        write_frame(flags, store / p["name"] / "duplicates.parquet")
        kept = int(flags["duplicate_of"].isna().sum()) if how == "drop" else size
        p["kept"] = kept
        at += size
    return [(STEPS["duplicates"], r) for r in rows]


def _write_root_report(store: Path, rows: list[tuple[int, dict[str, Any]]]) -> None:
    file = store / "report.parquet"
    if rows:
        old = read_frame(file) if file.exists() else None
        keep = old[old[STEP_COLUMN] != STEPS["duplicates"]] if old is not None else None
        frames = [f for f in (keep, _step_frame(rows)) if f is not None and len(f)]
        write_frame(pd.concat(frames, ignore_index=True), file)
    elif file.exists():
        old = read_frame(file)
        write_frame(old[old[STEP_COLUMN] != STEPS["duplicates"]].reset_index(drop=True), file)


def _count(store: Path, manifest: dict[str, Any]) -> None:
    stored = StoredCorpus(store, progress=False)
    parts = manifest["partitions"]
    report = stored.report
    manifest["counts"] = {
        "documents": len(stored),
        "stored_documents": sum(p["documents"] for p in parts),
        "partitions": len(parts),
        "tokens": sum(p["tokens"] for p in parts),
        "words": sum(p["words"] for p in parts),
        "characters": sum(p["characters"] for p in parts),
    }
    manifest["report"] = {
        "rows": len(report),
        "by_action": {str(k): int(v) for k, v in report["action"].value_counts(sort=False).items()},
    }


def _describe(source: Any) -> str:
    if isinstance(source, str | os.PathLike):
        return str(source) if len(str(source)) < 300 else f"text of {len(str(source))} characters"
    if isinstance(source, pd.DataFrame):
        return f"a DataFrame of {len(source)} rows"
    return f"a {type(source).__name__}"

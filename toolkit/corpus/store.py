"""The corpus store: a corpus on disk in partitions, read one partition at a time.

A store is a folder::

    manifest.json            toolkit version, options, partitions, counts, report summary
    report.parquet           report rows that belong to no partition (near-duplicate groups)
    part-00000/
        docs.parquet         one row per document, as corpus.docs
        paragraphs.parquet   paragraph spans, as corpus.paragraph_spans
        report.parquet       the load report rows of its documents
        index/               the token index arrays (tokens, sentences, documents, forms)
        duplicates.parquet   duplicate_of per document, when near-duplicates are looked for
        signatures.parquet   MinHash signatures per document (for near-duplicates)
        cache/VERSION/       tables computed once per document (quotations, lexicon hits)
    part-00001/ ...

:func:`toolkit.save_corpus` (:mod:`toolkit.corpus.save`) writes it;
:func:`open_corpus` returns a :class:`StoredCorpus`, a :class:`Corpus` whose
documents stay on disk until asked for. Analyses run on it partition by
partition (:mod:`toolkit.corpus.executor`): each partition is read as an
ordinary in-memory corpus (:class:`PartitionCorpus`), whose token index is read
from its arrays instead of tokenizing again and whose per-document tables are
kept beside it under the toolkit version, so a second command reads them.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from .._util.paths import names_a_file
from .corpus import PARAGRAPH_KINDS, REPORT_COLUMNS, Corpus
from .executor import run_tasks
from .tables_io import atomic_path, read_frame, write_frame
from .token_arrays import IndexArrays, concat_arrays, tokenize_documents

__all__ = [
    "MANIFEST",
    "STEP_COLUMN",
    "STORE_FORMAT",
    "STORE_FORMAT_VERSION",
    "PartitionCorpus",
    "StoredCorpus",
    "concat_parts",
    "is_store",
    "load_partition",
    "open_corpus",
    "read_manifest",
    "report_frame",
    "run_on_partition",
    "toolkit_version",
    "write_index",
    "write_manifest",
    "write_partition",
]

MANIFEST = "manifest.json"
STORE_FORMAT = "newsdiscourse-corpus-store"
STORE_FORMAT_VERSION = 1
# report rows carry the step that made them, so that the rows of all partitions
# are put back in the order load_corpus gives them (step, then document order)
STEP_COLUMN = "step"
_DUPLICATES_STEP = 7  # the last step: near-duplicate groups (toolkit.corpus.batches.STEPS)
_INDEX_FILES = ("tokens", "sentences", "documents", "forms")

T = TypeVar("T")


def toolkit_version() -> str:
    """The installed toolkit's version (what store caches are kept under)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsdiscourse-toolkit")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "0+unknown"


def is_store(path: Any) -> bool:
    """True when ``path`` is a folder holding a corpus store's manifest.

    Examples
    --------
    >>> is_store("data/")
    False
    """
    if isinstance(path, str) and not path.strip():
        return False  # not the working folder
    try:
        return names_a_file(Path(path) / MANIFEST)
    except TypeError:
        return False


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of the store at ``path``, checked."""
    file = Path(path) / MANIFEST
    if not file.is_file():
        raise FileNotFoundError(
            f"'{path}' is not a corpus store (it has no {MANIFEST}); make one with "
            "toolkit.save_corpus(source, path) or python -m toolkit store SOURCE -o PATH"
        )
    try:
        manifest = json.loads(file.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"the manifest of the store '{path}' is not valid JSON: {exc}") from None
    if manifest.get("format") != STORE_FORMAT:
        raise ValueError(f"'{file}' is not the manifest of a corpus store")
    if manifest.get("state") == "writing":
        raise ValueError(
            f"the store '{path}' is being written, or writing it was interrupted; "
            "write it again (into an empty folder)"
        )
    if manifest.get("format_version", 0) > STORE_FORMAT_VERSION:
        raise ValueError(
            f"the store '{path}' was written by a newer toolkit "
            f"({manifest.get('toolkit_version')}); upgrade the toolkit to read it"
        )
    return manifest


def write_manifest(path: Path, manifest: dict[str, Any]) -> None:
    """Write the manifest (to a temporary file first, then renamed)."""
    file = Path(path) / MANIFEST
    tmp = atomic_path(file)
    tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False, default=str), "utf-8")
    os.replace(tmp, file)


def open_corpus(path: str | os.PathLike, *, progress: bool = True) -> StoredCorpus:
    """Open a corpus store written by :func:`toolkit.save_corpus`.

    Nothing is read but the manifest: ``len``, ``.report`` and ``subset`` work
    without reading documents, ``.docs`` reads them all on request, and every
    analysis of the toolkit runs on the store partition by partition (see
    :func:`toolkit.set_executor`), giving the tables it gives in memory.

    Parameters
    ----------
    path : folder of the store
    progress : bool
        Show progress bars over the partitions of long work on it.

    Returns
    -------
    StoredCorpus

    Raises
    ------
    FileNotFoundError
        When ``path`` is not a store.

    Examples
    --------
    >>> import tempfile, toolkit
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = toolkit.save_corpus("data/", folder, progress=False)
    ...     corpus = toolkit.open_corpus(folder)
    ...     len(corpus), len(toolkit.kwic(corpus, "Taliban"))
    (1, 20)
    """
    return StoredCorpus(Path(path), progress=progress)


class StoredCorpus(Corpus):
    """A :class:`Corpus` whose documents stay in a store until asked for.

    ``docs``, ``report`` and ``paragraph_spans`` are read (all partitions, in
    order) the first time they are used; analyses read one partition at a time
    instead. ``subset`` gives a stored corpus of some documents.

    Attributes
    ----------
    path : Path
        The store's folder.
    manifest : dict
        What :func:`toolkit.save_corpus` wrote about it.
    parts : list of (partition name, mask or None)
        The partitions this corpus reads and, for a subset, which of their
        documents.
    """

    def __init__(
        self,
        path: Path,
        *,
        parts: Sequence[tuple[str, np.ndarray | None]] | None = None,
        progress: bool = True,
    ):
        self.path = Path(path)
        self.manifest = read_manifest(self.path)
        if parts is None:
            parts = [(p["name"], None) for p in self.manifest["partitions"]]
        self.parts = list(parts)
        self.progress = progress
        self._cache: dict[str, Any] = {}

    # ------------------------------------------------------------ what it holds

    @cached_property
    def part_sizes(self) -> np.ndarray:
        """Documents this corpus reads from each of its partitions."""
        pending = self.manifest.get("state") == "duplicates"
        sizes = {
            p["name"]: p["documents"] if pending else p.get("kept", p["documents"])
            for p in self.manifest["partitions"]
        }
        return np.array(
            [sizes[n] if m is None else int(np.count_nonzero(m)) for n, m in self.parts],
            dtype=np.int64,
        )

    @cached_property
    def doc_ids(self) -> pd.Index:
        """Every document id, in corpus order (read from the partitions' id columns)."""
        ids = [
            _partition_doc_ids(self.path / name, mask, self.manifest) for name, mask in self.parts
        ]
        values = np.concatenate(ids) if ids else np.zeros(0, dtype=object)
        return pd.Index(values, dtype=object)

    def docs_columns(self, columns: list[str] | None = None) -> pd.DataFrame:
        """Some columns of ``docs`` (those it has; by default all but ``text`` and
        ``raw``), read without the texts."""
        frames = []
        for name, mask in self.parts:
            folder = self.path / name
            stored = _stored_columns(folder)
            wanted = [c for c in stored if c not in ("text", "raw")] if columns is None else columns
            have = list(dict.fromkeys(["doc_id", *[c for c in wanted if c in stored]]))
            table, keep = _apply_duplicates(
                read_frame(folder / "docs.parquet", columns=have), folder, self.manifest
            )
            if keep is not None:
                table = table[keep].reset_index(drop=True)
            if mask is not None:
                table = table[mask].reset_index(drop=True)
            shown = [c for c in table.columns if columns is None or c in columns]
            frames.append(table[shown])
        if not frames:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in columns or ["doc_id"]})
        return concat_parts(frames)

    @cached_property
    def doc_dtype(self) -> pd.CategoricalDtype:
        """The categorical dtype of ``doc_id`` columns of tables over this corpus."""
        return pd.CategoricalDtype(self.doc_ids)

    def __len__(self) -> int:
        return int(self.part_sizes.sum())

    def __repr__(self) -> str:
        n, parts = len(self), len(self.parts)
        words = sum(p.get("words", 0) for p in self.manifest["partitions"])
        return (
            f"<StoredCorpus: {n:,} document{'s' if n != 1 else ''} in {parts:,} "
            f"partition{'s' if parts != 1 else ''} ({words:,} words in the store) at {self.path}>"
        )

    def _repr_html_(self) -> str:
        from html import escape

        return f"<p><b>Stored corpus</b>: {escape(repr(self)[1:-1])}</p>"

    # ----------------------------------------------------- tables, read on request

    @property
    def docs(self) -> pd.DataFrame:
        return self.cached("docs", lambda: self._concat(lambda c: c.docs))

    @property
    def paragraph_spans(self) -> pd.DataFrame:
        def build() -> pd.DataFrame:
            spans = self._concat(
                lambda c: c.paragraph_spans.assign(
                    doc_id=c.paragraph_spans["doc_id"].astype(object)
                )
            )
            spans["doc_id"] = pd.Categorical(spans["doc_id"], categories=list(self.doc_ids))
            return spans

        return self.cached("paragraph_spans", build)

    @property
    def report(self) -> pd.DataFrame:
        return self.cached("report", self._read_report)

    def _concat(self, table: Callable[[Corpus], pd.DataFrame]) -> pd.DataFrame:
        frames = [table(self.partition(i)) for i in range(len(self.parts))]
        if not frames:
            return table(self.partition_template())
        return concat_parts(frames)

    def _read_report(self) -> pd.DataFrame:
        names = [p["name"] for p in self.manifest["partitions"]]
        frames = [_read_report(self.path / name) for name in names]
        root = self.path / "report.parquet"
        if root.exists():
            frames.append(read_frame(root))
        frames = [f for f in frames if len(f)]
        if not frames:
            return report_frame(None)
        table = pd.concat(frames, ignore_index=True).sort_values(STEP_COLUMN, kind="stable")
        if self.parts != [(n, None) for n in names]:  # a subset: its documents' rows
            ids = table["doc_id"]
            table = table[ids.isna().to_numpy() | ids.isin(set(self.doc_ids)).to_numpy()]
        return report_frame(table)

    def map(
        self,
        function: Callable[..., Any],
        *args: Any,
        desc: str = "partitions",
        each: Sequence[dict[str, Any]] | None = None,
        **kwargs: Any,
    ) -> list[Any]:
        """``function(partition, *args, **kwargs)`` for every partition, in order,
        run by the executor (:func:`toolkit.set_executor`). ``function`` must be
        a module-level function; it receives each partition as an in-memory
        :class:`Corpus` read by the worker from the store. ``each`` gives more
        keyword arguments partition by partition."""
        extra = each if each is not None else [{}] * len(self.parts)
        tasks = [
            (str(self.path), name, mask, function, args, {**kwargs, **more})
            for (name, mask), more in zip(self.parts, extra, strict=True)
        ]
        return run_tasks(run_on_partition, tasks, desc=desc, progress=self.progress)

    def partition(self, i: int) -> Corpus:
        """Partition ``i`` of this corpus as an in-memory corpus (only the chosen
        documents of it, for a subset)."""
        name, mask = self.parts[i]
        return load_partition(self.path, name, mask)

    def partition_template(self) -> Corpus:
        """An empty in-memory corpus with the store's columns (for a store
        without partitions)."""
        from .corpus import BASE_COLUMNS

        docs = pd.DataFrame({c: pd.Series(dtype=object) for c in BASE_COLUMNS})
        spans = pd.DataFrame(
            {
                "doc_id": pd.Categorical([], categories=pd.Index([], dtype=object)),
                **{c: np.zeros(0, np.int32) for c in ("para_id", "start", "end")},
                "kind": pd.Categorical([], categories=PARAGRAPH_KINDS),
                **{c: np.zeros(0, np.int32) for c in ("raw_start", "raw_end")},
            }
        )
        return Corpus(docs, self.report.iloc[:0], spans, progress=False)

    # ---------------------------------------------------------------- subsets

    def subset(self, docs: Sequence[bool] | pd.Series | Iterable[str]) -> StoredCorpus:
        """A stored corpus of some of the documents (nothing is copied).

        Parameters
        ----------
        docs : boolean mask over the documents (in corpus order), or doc ids
        """
        mask = _mask_of(docs, self.doc_ids)
        parts, at = [], 0
        for (name, old), size in zip(self.parts, self.part_sizes.tolist(), strict=True):
            piece = mask[at : at + size]
            at += size
            if not piece.any():
                continue
            if old is None:
                parts.append((name, None if piece.all() else piece))
            else:
                new = old.copy()
                new[np.flatnonzero(old)] = piece
                parts.append((name, new))
        return StoredCorpus(self.path, parts=parts, progress=self.progress)

    # ------------------------------------------------------------- the index

    def index_arrays(self) -> IndexArrays | None:
        """The whole corpus's token index arrays, joined from the partitions'."""
        parts = [self.partition(i).index_arrays() for i in range(len(self.parts))]
        if not parts or any(p is None for p in parts):
            return None
        return concat_arrays(parts)


class PartitionCorpus(Corpus):
    """One partition of a store, as an in-memory corpus.

    Its token index is read from the partition's arrays (and written there when
    missing or made by another toolkit version); tables cached with
    :meth:`stored_table` (the quotations, lexicon hits) are kept in the partition's
    ``cache`` folder under the toolkit version. ``keep`` is the mask of the
    stored documents it holds, when near-duplicates were dropped.
    """

    def __init__(
        self,
        folder: Path,
        docs: pd.DataFrame,
        report: pd.DataFrame,
        spans: pd.DataFrame,
        *,
        keep: np.ndarray | None = None,
    ):
        super().__init__(docs, report, spans, progress=False)
        self.folder = folder
        self.keep = keep

    def index_arrays(self) -> IndexArrays:
        """The partition's token index arrays, read from the store (tokenized and
        written there when missing or made by another toolkit version)."""
        arrays = read_index(self.folder / "index")
        n_stored = len(self.docs) if self.keep is None else len(self.keep)
        if arrays is not None and arrays.n_docs == n_stored:
            return arrays if self.keep is None else arrays.select(self.keep)
        arrays = tokenize_documents(self)
        if self.keep is None and _writable(self.folder):
            write_index(arrays, self.folder / "index")
        return arrays

    def stored_table(self, key: str, build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        if self.keep is not None:  # the documents kept depend on the whole store
            key = f"{key}@{_mask_digest(self.keep)}"
        folder = self.folder / "cache" / toolkit_version()
        file = folder / f"{_file_key(key)}.parquet"
        if file.exists():
            return read_frame(file)
        value = build()
        if isinstance(value, pd.DataFrame) and _writable(self.folder):
            _drop_other_versions(self.folder / "cache")
            folder.mkdir(parents=True, exist_ok=True)
            write_frame(value, file)
        return value


def load_partition(store: Path, name: str, mask: np.ndarray | None = None) -> Corpus:
    """Partition ``name`` of the store at ``store`` as an in-memory corpus; with
    ``mask`` (over the documents the partition holds), only those documents,
    their index cut from the stored arrays."""
    folder = Path(store) / name
    manifest = read_manifest(Path(store))
    docs = read_frame(folder / "docs.parquet")
    spans = read_frame(folder / "paragraphs.parquet")
    report = report_frame(_read_report(folder))
    docs, keep = _apply_duplicates(docs, folder, manifest)
    if keep is not None:
        kept = set(docs["doc_id"][keep])
        docs = docs[keep].reset_index(drop=True)
        spans = spans[spans["doc_id"].isin(kept).to_numpy()].reset_index(drop=True)
    spans["doc_id"] = pd.Categorical(
        spans["doc_id"].astype(object), categories=list(docs["doc_id"])
    )
    part = PartitionCorpus(folder, docs, report, spans, keep=keep)
    if mask is None:
        return part
    mask = np.asarray(mask, dtype=bool)
    sub = part.subset(mask)
    return SelectedCorpus(
        sub.docs, sub.report, sub.paragraph_spans, part.index_arrays().select(mask)
    )


class SelectedCorpus(Corpus):
    """Some documents of a partition, with their token index arrays cut from the
    partition's."""

    def __init__(
        self, docs: pd.DataFrame, report: pd.DataFrame, spans: pd.DataFrame, arrays: IndexArrays
    ):
        super().__init__(docs, report, spans, progress=False)
        self._arrays = arrays

    def index_arrays(self) -> IndexArrays:
        return self._arrays


def run_on_partition(
    store: str,
    name: str,
    mask: np.ndarray | None,
    function: Callable[..., Any],
    args: tuple,
    kwargs: dict[str, Any],
) -> Any:
    """A task of :meth:`StoredCorpus.map`: read a partition and call ``function`` on it."""
    return function(load_partition(Path(store), name, mask), *args, **kwargs)


def _mask_digest(mask: np.ndarray) -> str:
    import hashlib

    return hashlib.sha1(np.packbits(mask).tobytes()).hexdigest()[:12]


def _apply_duplicates(
    docs: pd.DataFrame, folder: Path, manifest: dict[str, Any]
) -> tuple[pd.DataFrame, np.ndarray | None]:
    """The documents with ``duplicate_of`` (near-duplicates flagged) or the mask of
    those kept (dropped), as the store's options say."""
    how = manifest["options"].get("duplicates", "keep")
    file = folder / "duplicates.parquet"
    if how == "keep" or manifest.get("state") == "duplicates" or not file.exists():
        return docs, None
    flags = read_frame(file)["duplicate_of"]
    if how == "flag":
        return docs.assign(duplicate_of=pd.Series(flags.to_numpy(), dtype=object)), None
    return docs, flags.isna().to_numpy()


def _partition_doc_ids(
    folder: Path, mask: np.ndarray | None, manifest: dict[str, Any]
) -> np.ndarray:
    ids = read_frame(folder / "docs.parquet", columns=["doc_id"])["doc_id"].to_numpy(dtype=object)
    _, keep = _apply_duplicates(pd.DataFrame({"doc_id": ids}), folder, manifest)
    if keep is not None:
        ids = ids[keep]
    return ids if mask is None else ids[mask]


def concat_parts(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Tables of several partitions as one, with the dtypes the rows would have
    in one table: a column that is all missing in some parts (pandas makes it a
    column of objects there, or of dates in its default unit) takes the type of
    the other parts' values, as it does when the rows are read into one table,
    and holds None where that type is object."""
    order = list(dict.fromkeys(c for f in frames for c in f.columns))
    empty: dict[str, list[bool]] = {}
    for c in order:
        empty[c] = [
            c in f.columns
            and len(f) > 0
            and (f[c].dtype == object or pd.api.types.is_datetime64_any_dtype(f[c]))
            and bool(f[c].isna().all())
            for f in frames
        ]
    cleaned, emptied, at = [], {}, 0
    for i, f in enumerate(frames):
        drop = [
            c
            for c in f.columns
            if empty[c][i] and not all(empty[c][j] for j, g in enumerate(frames) if c in g.columns)
        ]
        for c in drop:
            emptied.setdefault(c, []).append(np.arange(at, at + len(f)))
        cleaned.append(f.drop(columns=drop) if drop else f)
        at += len(f)
    out = pd.concat(cleaned, ignore_index=True, sort=False)
    for c, rows in emptied.items():
        if out[c].dtype == object:
            values = out[c].to_numpy(dtype=object, copy=True)
            values[np.concatenate(rows)] = None
            out[c] = pd.Series(values, dtype=object)
    return out[order]


def report_frame(rows: pd.DataFrame | None) -> pd.DataFrame:
    """Stored report rows as ``corpus.report``, with the dtypes load_corpus gives
    it: the rows of loading in one table, then those of near-duplicate groups
    added to it, whatever partitions they come from."""
    if rows is None or not len(rows):
        return pd.DataFrame([], columns=REPORT_COLUMNS)
    later = rows[STEP_COLUMN].to_numpy() >= _DUPLICATES_STEP if STEP_COLUMN in rows else None

    def frame(part: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame({c: part[c].tolist() for c in REPORT_COLUMNS}, columns=REPORT_COLUMNS)

    if later is None or not later.any():
        return frame(rows)
    loading = rows[~later]
    base = frame(loading) if len(loading) else pd.DataFrame([], columns=REPORT_COLUMNS)
    return pd.concat([base, frame(rows[later])], ignore_index=True)


def _stored_columns(folder: Path) -> list[str]:
    import pyarrow.parquet as pq

    return list(pq.read_schema(folder / "docs.parquet").names)


def _read_report(folder: Path) -> pd.DataFrame:
    file = folder / "report.parquet"
    if not file.exists():
        return pd.DataFrame({c: pd.Series(dtype=object) for c in [*REPORT_COLUMNS, STEP_COLUMN]})
    return read_frame(file)


def _mask_of(docs: Any, ids: pd.Index) -> np.ndarray:
    if isinstance(docs, pd.Series | np.ndarray) and np.asarray(docs).dtype == bool:
        mask = np.asarray(docs, dtype=bool)
    else:
        wanted = list(docs)
        if wanted and all(isinstance(x, bool | np.bool_) for x in wanted):
            mask = np.asarray(wanted, dtype=bool)
        else:
            found = ids.get_indexer(pd.Index(wanted, dtype=object))
            if (found < 0).any():
                unknown = [w for w, f in zip(wanted, found, strict=True) if f < 0]
                raise LookupError(f"unknown doc ids: {unknown[:5]}")
            mask = np.zeros(len(ids), dtype=bool)
            mask[found] = True
    if len(mask) != len(ids):
        raise ValueError(f"the mask has {len(mask)} values for {len(ids)} documents")
    return mask


# ------------------------------------------------------------------ writing


def write_partition(
    folder: Path, corpus: Corpus, report: pd.DataFrame, arrays: IndexArrays | None
) -> None:
    """Write one partition: its documents, paragraph spans, report rows (with
    their ``step``) and token index arrays."""
    folder.mkdir(parents=True, exist_ok=True)
    write_frame(corpus.docs, folder / "docs.parquet")
    spans = corpus.paragraph_spans.assign(doc_id=corpus.paragraph_spans["doc_id"].astype(object))
    write_frame(spans, folder / "paragraphs.parquet")
    write_frame(report, folder / "report.parquet")
    if arrays is not None:
        write_index(arrays, folder / "index")


def write_index(arrays: IndexArrays, folder: Path) -> None:
    """Write the token index arrays of a partition (under the toolkit version)."""
    folder.mkdir(parents=True, exist_ok=True)
    meta = {"toolkit_version": toolkit_version()}
    tables = {
        "tokens": pd.DataFrame(
            {"start": arrays.start, "end": arrays.end, "form": arrays.form, "sent": arrays.sent}
        ),
        "sentences": pd.DataFrame(
            {"start": arrays.sent_start, "end": arrays.sent_end, "para": arrays.sent_para}
        ),
        "documents": pd.DataFrame(
            {"tokens": np.diff(arrays.doc_tok), "sentences": np.diff(arrays.doc_sent)}
        ),
        "forms": pd.DataFrame({"form": pd.Series(arrays.forms, dtype=object)}),
    }
    for name in _INDEX_FILES:
        write_frame(tables[name], folder / f"{name}.parquet", meta=meta)


def read_index(folder: Path) -> IndexArrays | None:
    """The token index arrays of a partition, or None when there are none or
    another toolkit version wrote them."""
    import pyarrow.parquet as pq

    files = {name: folder / f"{name}.parquet" for name in _INDEX_FILES}
    if not all(f.exists() for f in files.values()):
        return None
    raw = (pq.read_schema(files["tokens"]).metadata or {}).get(b"toolkit")
    if not raw or json.loads(raw)["meta"].get("toolkit_version") != toolkit_version():
        return None
    tok = read_frame(files["tokens"])
    sents = read_frame(files["sentences"])
    docs = read_frame(files["documents"])

    def bounds(counts: pd.Series) -> np.ndarray:
        return np.concatenate([[0], np.cumsum(counts.to_numpy(np.int64))]).astype(np.int64)

    return IndexArrays(
        start=tok["start"].to_numpy(np.int32),
        end=tok["end"].to_numpy(np.int32),
        form=tok["form"].to_numpy(np.int32),
        sent=tok["sent"].to_numpy(np.int32),
        sent_start=sents["start"].to_numpy(np.int32),
        sent_end=sents["end"].to_numpy(np.int32),
        sent_para=sents["para"].to_numpy(np.int32),
        doc_tok=bounds(docs["tokens"]),
        doc_sent=bounds(docs["sentences"]),
        forms=read_frame(files["forms"])["form"].to_numpy(dtype=object),
    )


def _file_key(key: str) -> str:
    """A file name for a cache key (keys may hold any characters)."""
    import hashlib

    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in key)[:60]
    return f"{safe}-{hashlib.sha1(key.encode()).hexdigest()[:12]}"


def _drop_other_versions(cache: Path) -> None:
    if not cache.is_dir():
        return
    for child in cache.iterdir():
        if child.is_dir() and child.name != toolkit_version():
            shutil.rmtree(child, ignore_errors=True)


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)

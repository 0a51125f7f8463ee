"""Loading article corpora, article structure and cleaning.

:func:`load_corpus` turns a folder, a file, a DataFrame, a string or a list of
strings into a :class:`Corpus`: ``docs`` (one row per document) and ``report``
(every file skipped, every fallback decoding, every paragraph removed, and why).
Cleaning rules live in ``resources/cleaning.yaml``.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from .tokens import split_paragraphs

__all__ = ["Corpus", "as_corpus", "load_corpus"]

BASE_COLUMNS = ["doc_id", "title", "date", "source", "url", "text", "raw"]
REPORT_COLUMNS = ["path", "doc_id", "action", "reason", "detail"]
PARAGRAPH_KINDS = ["body", "subheading", "caption", "boilerplate"]
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}
# files that describe a folder rather than being one of its articles
_DOC_FILE = re.compile(r"(?i)(readme|license|licence|copying|changelog|notice|manifest)([._-].*)?")
TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet", ".pq"}
TITLE_MAX = 300
PROGRESS_MIN_ITEMS = 200

# Characters replaced one for one (so offsets stay valid) when cleaning.
_SPACES = "\u00a0\u2007\u202f\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"
_NORMALISE = str.maketrans(
    {
        **dict.fromkeys(_SPACES, " "),
        **dict.fromkeys("\u201c\u201d\u201e\u201f", '"'),
        **dict.fromkeys("\u2018\u2019\u201a\u201b", "'"),
    }
)


class Corpus:
    """A collection of documents with what loading and cleaning did to them.

    Build one with :func:`load_corpus`; analysis functions accept it (or anything
    :func:`as_corpus` accepts) as their first argument. A corpus never changes
    after it is built, so derived tables (tokens, the search index) are computed
    once and cached.

    Attributes
    ----------
    docs : DataFrame
        One row per document: ``doc_id, title, date, source, url, text, raw`` and
        any other metadata columns. ``text`` is the cleaned text every offset
        refers to; ``raw`` is the text as loaded.
    report : DataFrame
        ``path, doc_id, action, reason, detail``: one row for every input skipped,
        decoded with a fallback encoding, renamed, emptied or paragraph removed.
    paragraph_spans : DataFrame
        ``doc_id, para_id, start, end, kind, raw_start, raw_end`` for each
        paragraph in ``text`` (see :func:`toolkit.paragraphs`, which adds the text).

    Examples
    --------
    >>> import toolkit
    >>> corpus = toolkit.load_corpus(["The Taliban said it had changed.", "Talks failed."])
    >>> len(corpus)
    2
    >>> corpus.docs.doc_id.tolist()
    ['doc1', 'doc2']
    """

    def __init__(
        self,
        docs: pd.DataFrame,
        report: pd.DataFrame,
        paragraph_spans: pd.DataFrame,
        *,
        progress: bool = True,
    ):
        self.progress = progress  # show progress bars on long work over this corpus
        self._docs = docs
        self._report = report
        self._paragraph_spans = paragraph_spans
        self._cache: dict[str, Any] = {}

    @property
    def docs(self) -> pd.DataFrame:
        return self._docs

    @property
    def report(self) -> pd.DataFrame:
        return self._report

    @property
    def paragraph_spans(self) -> pd.DataFrame:
        return self._paragraph_spans

    def __len__(self) -> int:
        return len(self._docs)

    def __repr__(self) -> str:
        n = len(self)
        chars = int(self._docs["text"].str.len().sum()) if n else 0
        return (
            f"<Corpus: {n:,} document{'s' if n != 1 else ''}, {chars:,} characters, "
            f"{len(self._report):,} report row{'s' if len(self._report) != 1 else ''}>"
        )

    def _repr_html_(self) -> str:
        head = self._docs.drop(columns=["text", "raw"]).head(10).copy()
        head.insert(1, "characters", self._docs["text"].str.len().head(10))
        html = head.to_html(index=False, escape=True, max_cols=12)
        more = f"<p>showing 10 of {len(self):,} documents</p>" if len(self) > 10 else ""
        return (
            f"<p><b>Corpus</b>: {len(self):,} documents; {len(self._report):,} rows in "
            f"<code>.report</code></p>{html}{more}"
        )

    def subset(self, docs: Sequence[bool] | pd.Series | Iterable[str]) -> Corpus:
        """A corpus of some of the documents, with their report rows.

        Parameters
        ----------
        docs : boolean mask over ``self.docs`` rows, or an iterable of doc ids

        Examples
        --------
        >>> import toolkit
        >>> c = toolkit.load_corpus(["One.", "Two."])
        >>> c.subset(["doc2"]).docs.text.tolist()
        ['Two.']
        """
        if isinstance(docs, pd.Series) and docs.dtype == bool:
            mask = docs.to_numpy()
        elif isinstance(docs, np.ndarray) and docs.dtype == bool:
            mask = docs
        else:
            wanted = list(docs)
            if wanted and all(isinstance(x, bool | np.bool_) for x in wanted):
                mask = np.asarray(wanted, dtype=bool)
            else:
                known = set(self._docs["doc_id"])
                unknown = [d for d in wanted if d not in known]
                if unknown:
                    raise LookupError(f"unknown doc ids: {unknown[:5]}")
                mask = self._docs["doc_id"].isin(wanted).to_numpy()
        if len(mask) != len(self._docs):
            raise ValueError(f"the mask has {len(mask)} values for {len(self._docs)} documents")
        docs_out = self._docs[mask].reset_index(drop=True)
        ids = set(docs_out["doc_id"])
        report = self._report[
            self._report["doc_id"].isna() | self._report["doc_id"].isin(ids)
        ].reset_index(drop=True)
        spans = self._paragraph_spans[self._paragraph_spans["doc_id"].isin(ids)].copy()
        spans["doc_id"] = pd.Categorical(
            spans["doc_id"].astype(str), categories=list(docs_out["doc_id"])
        )
        return Corpus(docs_out, report, spans.reset_index(drop=True), progress=self.progress)


# ------------------------------------------------------------------------ loading


def load_corpus(
    source: Any,
    *,
    text_col: str = "text",
    id_col: str | None = None,
    clean: bool = True,
    progress: bool = True,
) -> Corpus:
    """Load a corpus of articles.

    Parameters
    ----------
    source
        A folder (``.txt``/``.md`` files, recursively, each with optional YAML front
        matter for ``title``, ``date``, ``source``, ``url`` or any other field, and
        saved ``.html`` pages, whose paragraphs and ``<meta>`` tags are read); a
        single such file; a ``.csv``/``.tsv``, ``.jsonl``/``.json`` or ``.parquet``
        file with one row per document; a pandas DataFrame; one string of text; or a
        list of strings.
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
    report: list[dict[str, Any]] = []
    frame = _read(source, text_col=text_col, id_col=id_col, report=report, progress=progress)
    return _build(frame, report, clean=clean, progress=progress)


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
        return _from_frame(source, text_col, id_col, origin="the DataFrame", report=report)
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
            return _from_folder(path, report, progress)
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
    return s.endswith(("/", "\\")) or Path(s).suffix.lower() in TEXT_SUFFIXES | TABLE_SUFFIXES


def _from_texts(texts: list[str], report: list) -> pd.DataFrame:
    rows = []
    for i, t in enumerate(texts, start=1):
        if not t.strip():
            report.append(_row(None, f"doc{i}", "skipped", "empty text", f"item {i} of the list"))
            continue
        rows.append({"doc_id": f"doc{i}", "raw": t})
    return pd.DataFrame(rows, columns=["doc_id", "raw"])


def _from_folder(folder: Path, report: list, progress: bool) -> pd.DataFrame:
    files = sorted((p for p in folder.rglob("*") if not p.is_dir()), key=lambda p: p.as_posix())
    rows = []
    other = []
    for path in _progress(files, "reading files", progress):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            report.append(_row(path, None, "skipped", "hidden file", ""))
            other.append(rel.as_posix())
            continue
        if path.suffix.lower() not in TEXT_SUFFIXES:
            report.append(_row(path, None, "skipped", "not a .txt, .md or .html file", ""))
            other.append(rel.as_posix())
            continue
        if _DOC_FILE.fullmatch(path.stem):
            reason = "documentation of the folder (README, LICENSE ...), not an article"
            report.append(_row(path, None, "skipped", reason, ""))
            other.append(rel.as_posix())
            continue
        record = _read_text_file(path, report, doc_id=rel.with_suffix("").as_posix())
        if record is not None:
            rows.append(record)
    if not rows:
        tables = [o for o in other if Path(o).suffix.lower() in TABLE_SUFFIXES]
        if tables:
            raise ValueError(
                f"No articles in folder '{folder}' as .txt, .md or .html files, but it holds "
                f"table(s) {tables[:3]}: pass a table itself, e.g. "
                f"load_corpus('{(folder / tables[0]).as_posix()}')"
            )
        found = f"; it holds {len(other)} other file(s): {other[:5]}" if other else " (it is empty)"
        skipped = [r for r in report if r["action"] == "skipped" and r["path"]]
        extra = (
            f"; {len(skipped)} text file(s) were skipped: {[r['reason'] for r in skipped][:3]}"
            if any(Path(r["path"]).suffix.lower() in TEXT_SUFFIXES for r in skipped)
            else ""
        )
        raise ValueError(f"No readable .txt, .md or .html files in folder '{folder}'{found}{extra}")
    return pd.DataFrame(rows)


def _from_file(path: Path, text_col: str, id_col: str | None, report: list) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        table = _read_table(path, suffix, report)
        return _from_frame(table, text_col, id_col, origin=f"'{path}'", report=report, path=path)
    record = _read_text_file(path, report, doc_id=path.stem)
    if record is None:
        reason = report[-1]["reason"] if report else "unreadable"
        raise ValueError(f"Could not load '{path}': {reason}")
    return pd.DataFrame([record])


def _read_table(path: Path, suffix: str, report: list) -> pd.DataFrame:
    if suffix in {".parquet", ".pq"}:
        try:
            return pd.read_parquet(path)
        except Exception as exc:
            raise ValueError(f"Could not read Parquet file '{path}': {exc}") from exc
    text = _decode_file(path, report)
    if suffix in {".csv", ".tsv"}:
        try:
            return pd.read_csv(io.StringIO(text), sep="\t" if suffix == ".tsv" else ",")
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            raise ValueError(f"Could not read '{path}' as a table: {exc}") from exc
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"'{path}' is not valid JSON: {exc}") from exc
        if isinstance(data, dict):
            lists = [v for v in data.values() if isinstance(v, list)]
            data = lists[0] if len(lists) == 1 else None
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ValueError(f"'{path}' must hold a list of objects, one per document")
        return pd.DataFrame(data)
    records = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            report.append(
                _row(path, None, "skipped", f"line {n}: invalid JSON ({exc.msg})", line[:200])
            )
            continue
        if not isinstance(obj, dict):
            report.append(_row(path, None, "skipped", f"line {n}: not a JSON object", line[:200]))
            continue
        records.append(obj)
    return pd.DataFrame(records)


def _from_frame(
    table: pd.DataFrame,
    text_col: str,
    id_col: str | None,
    *,
    origin: str,
    report: list,
    path: Path | None = None,
) -> pd.DataFrame:
    columns = [str(c) for c in table.columns]
    if text_col not in table.columns:
        raise ValueError(
            f"{origin} has no column '{text_col}' for the text; its columns are: "
            f"{', '.join(columns) or '(none)'}. Pass text_col= to name the text column."
        )
    if id_col is not None and id_col not in table.columns:
        raise ValueError(
            f"{origin} has no id column '{id_col}'; its columns are: {', '.join(columns)}"
        )
    if id_col is None:
        id_col = next((c for c in ("doc_id", "id") if c in table.columns and c != text_col), None)
    frame = table.copy()
    frame.columns = columns
    for name in ("raw", "text", "doc_id"):  # move aside columns whose names the corpus needs
        if name in frame.columns and name not in (text_col, id_col):
            frame = frame.rename(columns={name: f"{name}_original"})
    frame = frame.rename(columns={text_col: "raw", **({id_col: "doc_id"} if id_col else {})})
    if "doc_id" not in frame.columns:
        frame.insert(0, "doc_id", [f"doc{i}" for i in range(1, len(frame) + 1)])
    else:
        ids = frame["doc_id"]
        missing = ids.isna() | (ids.astype(str).str.strip() == "")
        frame["doc_id"] = ids.astype(object).where(~missing, None)
        frame["doc_id"] = [
            f"doc{i}" if d is None else _id_string(d)
            for i, d in enumerate(frame["doc_id"], start=1)
        ]
        for i in np.flatnonzero(missing.to_numpy()):
            report.append(
                _row(
                    path,
                    frame["doc_id"].iat[i],
                    "renamed",
                    "missing id; one was made up",
                    f"row {i + 1}",
                )
            )
    raw = frame["raw"]
    empty = raw.isna() | (raw.astype(str).str.strip() == "")
    for i in np.flatnonzero(empty.to_numpy()):
        report.append(_row(path, frame["doc_id"].iat[i], "skipped", "empty text", f"row {i + 1}"))
    frame = frame[~empty.to_numpy()].reset_index(drop=True)
    frame["raw"] = [r if isinstance(r, str) else str(r) for r in frame["raw"]]
    frame["raw"] = [r.replace("\r\n", "\n").replace("\r", "\n") for r in frame["raw"]]
    if path is not None and "path" not in frame.columns:
        frame["path"] = str(path)
    return frame


def _id_string(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# ----------------------------------------------------------------- text files


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_WESTERN = {
    "cp1250",
    "cp1252",
    "cp1254",
    "cp1257",
    "latin_1",
    "iso8859_15",
    "iso8859_2",
    "iso8859_9",
    "mac_roman",
    "mac_latin2",
    "ascii",
    "iso8859_10",
    "iso8859_13",
    "iso8859_14",
    "iso8859_16",
    "iso8859_3",
    "iso8859_4",
    "cp850",
    "cp437",
}


def _read_text_file(path: Path, report: list, *, doc_id: str) -> dict[str, Any] | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.append(
            _row(path, doc_id, "skipped", f"could not be read: {exc.strerror or exc}", "")
        )
        return None
    if not data.strip():
        report.append(_row(path, doc_id, "skipped", "empty file", f"{len(data)} bytes"))
        return None
    text, note = decode_bytes(data)
    if text is None:
        report.append(_row(path, doc_id, "skipped", note or "binary file", ""))
        return None
    if note:
        report.append(_row(path, doc_id, "decoded", note, ""))
    record: dict[str, Any] = {"doc_id": doc_id, "path": path.as_posix()}
    if path.suffix.lower() in HTML_SUFFIXES:
        from ._html import html_to_text

        text, meta = html_to_text(text)
        record.update(meta)
        n = text.count("\n\n") + 1 if text else 0
        report.append(
            _row(
                path,
                doc_id,
                "extracted",
                "text taken from the page's paragraphs; markup dropped",
                f"{n} paragraphs",
            )
        )
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            meta = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark is not None else ""
            report.append(
                _row(
                    path,
                    doc_id,
                    "warning",
                    f"front matter is not valid YAML{where}; kept as text",
                    str(exc).splitlines()[0],
                )
            )
            meta = None
        if isinstance(meta, dict):
            text = text[m.end() :]
            for key, value in meta.items():
                key = str(key)
                if key in {"text", "raw", "doc_id"}:
                    key = f"{key}_meta"
                record[key] = value
        elif meta is not None:
            report.append(
                _row(path, doc_id, "warning", "front matter is not a mapping; kept as text", "")
            )
    if not text.strip():
        report.append(_row(path, doc_id, "skipped", "no text after the front matter", ""))
        return None
    record["raw"] = text
    return record


def _decode_file(path: Path, report: list) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"Could not read '{path}': {exc.strerror or exc}") from exc
    text, note = decode_bytes(data)
    if text is None:
        raise ValueError(f"Could not read '{path}': {note}")
    if note:
        report.append(_row(path, None, "decoded", note, ""))
    return text


def decode_bytes(data: bytes) -> tuple[str | None, str | None]:
    """Decode file contents: UTF-8 (with or without a byte order mark), UTF-16/32
    with a byte order mark, else the most likely legacy encoding.

    Returns
    -------
    (text, note)
        ``text`` is None for binary data; ``note`` says what was unusual, for the
        report. Line endings are normalised to ``\\n``.
    """
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                break
            note = None if enc == "utf-8-sig" else f"decoded as {enc.upper()} (byte order mark)"
            return _newlines(text), note
    if b"\x00" in data[:8192]:
        return None, "binary file (contains NUL bytes)"
    try:
        return _newlines(data.decode("utf-8")), None
    except UnicodeDecodeError as exc:
        position = exc.start
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guess = best.encoding if best is not None else None
    encoding = "cp1252" if guess is None or guess in _WESTERN else guess
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        encoding = "latin-1"
        text = data.decode(encoding)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.05 * min(len(text), 8192):
        return None, "binary file (mostly control characters)"
    return _newlines(text), (
        f"not valid UTF-8 (first bad byte at {position}); decoded as {encoding}"
    )


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ------------------------------------------------------------------- assembling


def _build(frame: pd.DataFrame, report: list, *, clean: bool, progress: bool) -> Corpus:
    frame = _unique_ids(frame, report)
    for col in ("title", "date", "source", "url"):
        if col not in frame.columns:
            frame[col] = None
    frame = frame.astype({"title": object, "source": object, "url": object})
    rules = _cleaning_rules()
    texts, spans_rows = [], []
    paths = list(frame["path"]) if "path" in frame.columns else [None] * len(frame)
    sources, titles = list(frame["source"]), list(frame["title"])
    items = list(zip(frame["doc_id"], frame["raw"], strict=True))
    for i, (doc_id, raw) in enumerate(_progress(items, "cleaning", progress)):
        path = paths[i]
        text, paras, rows, found_source = _clean_document(raw, rules, clean=clean)
        for r in rows:
            report.append(_row(path, doc_id, r["action"], r["reason"], r["detail"]))
        if found_source is not None and _blank(sources[i]):
            sources[i] = found_source
            report.append(
                _row(path, doc_id, "metadata", "source taken from a 'Source:' line", found_source)
            )
        if not text and raw.strip():
            report.append(
                _row(
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
                _row(path, new, "renamed", f"duplicate doc id '{d}' made unique", f"row {i + 1}")
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
            _row(
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


def _row(path: Any, doc_id: Any, action: str, reason: str, detail: str) -> dict[str, Any]:
    return {
        "path": None if path is None else str(path),
        "doc_id": doc_id,
        "action": action,
        "reason": reason,
        "detail": detail,
    }


def _progress(items: list, desc: str, enabled: bool) -> Iterable:
    if not enabled or len(items) < PROGRESS_MIN_ITEMS:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="file" if desc == "reading files" else "doc", leave=False)


# ---------------------------------------------------------------------- cleaning


@dataclass(frozen=True)
class _Rules:
    boilerplate: tuple[tuple[str, re.Pattern[str]], ...]
    source_line: re.Pattern[str]
    source_within_last: int
    photo_credit: re.Pattern[str]
    caption_start: re.Pattern[str]
    heading_words: int
    heading_chars: int


@lru_cache(maxsize=1)
def _cleaning_rules() -> _Rules:
    text = resources.files("toolkit.resources").joinpath("cleaning.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    flags = re.IGNORECASE | re.DOTALL
    return _Rules(
        boilerplate=tuple((name, re.compile(p, flags)) for name, p in data["boilerplate"].items()),
        source_line=re.compile(data["source_line"], flags),
        source_within_last=int(data["source_line_within_last"]),
        photo_credit=re.compile(data["photo_credit"] + r"\Z", flags),
        caption_start=re.compile(data["caption_start"], flags),
        heading_words=int(data["subheading_max_words"]),
        heading_chars=int(data["subheading_max_chars"]),
    )


_HEADING_END = re.compile(r"[.!?,;:]\s*$")


def _clean_document(raw: str, rules: _Rules, *, clean: bool):
    """Classify the paragraphs of one document and, if ``clean``, drop furniture.

    Returns ``(text, paragraphs, report_rows, source)`` where paragraphs are
    ``(para_id, start, end, kind, raw_start, raw_end)`` with offsets into ``text``.
    """
    spans = split_paragraphs(raw)
    n = len(spans)
    flat = [" ".join(raw[a:b].split()) for a, b in spans]
    kinds: list[str] = []
    drop: dict[int, str] = {}
    source = None
    for i, p in enumerate(flat):
        kind = "body"
        rule = next((name for name, rx in rules.boilerplate if rx.fullmatch(p)), None)
        src = rules.source_line.fullmatch(p) if i >= n - rules.source_within_last else None
        if rule is not None:
            kind, drop[i] = "boilerplate", f"boilerplate ({rule})"
        elif src is not None:
            kind = "boilerplate"
            source = src.group("source").strip()
            drop[i] = "source line (its text becomes the document's source when that is empty)"
        elif (
            i > 0
            and kinds[i - 1] == "caption"
            and (i - 1) not in drop
            and _same_caption(flat[i - 1], p, rules)
        ):
            kind, drop[i] = "caption", "duplicate caption"
        elif (
            rules.caption_start.fullmatch(p)
            or _credit_at(p, rules) is not None
            or (i + 1 < n and _same_caption(p, flat[i + 1], rules))
        ):
            kind = "caption"
        elif _is_heading(p, rules) and n > 1:
            kind = "subheading"
        kinds.append(kind)
    rows = []
    if not clean:  # the text is the raw text, untouched; paragraphs only classified
        paras = [(i, a, b, kinds[i], a, b) for i, (a, b) in enumerate(spans)]
        return raw, paras, rows, None
    pieces: list[str] = []
    paras = []
    pos = 0
    for i, (a, b) in enumerate(spans):
        if i in drop:
            rows.append({"action": "removed", "reason": drop[i], "detail": flat[i][:300]})
            continue
        if pieces:
            pieces.append("\n\n")
            pos += 2
        pieces.append(raw[a:b])
        paras.append((len(paras), pos, pos + (b - a), kinds[i], a, b))
        pos += b - a
    text = "".join(pieces)
    normalised = text.translate(_NORMALISE)
    if normalised != text:
        rows.append(
            {
                "action": "normalised",
                "reason": "characters replaced one for one; offsets unchanged",
                "detail": _count_changes(text),
            }
        )
    return normalised, paras, rows, source


def _credit_at(p: str, rules: _Rules) -> int | None:
    """Where a trailing photo credit starts in a paragraph, if it has one."""
    tail = p[-150:]
    # every credit form ends with ")" or contains a label ending in ":" (see the rule)
    if not tail.rstrip().endswith(")") and ":" not in tail:
        return None
    m = rules.photo_credit.search(p, max(0, len(p) - 150))
    return None if m is None else m.start()


def _same_caption(first: str, second: str, rules: _Rules) -> bool:
    if len(first) < 20 or len(second) < 20 or first[:20] != second[:20]:
        return False
    a, b = _credit_at(first, rules), _credit_at(second, rules)
    return first[:a].strip() == second[:b].strip()


def _is_heading(p: str, rules: _Rules) -> bool:
    return (
        0 < len(p) <= rules.heading_chars
        and len(p.split()) <= rules.heading_words
        and not _HEADING_END.search(p)
        and (p[0].isupper() or p[0].isdigit() or p[0] in "\"'#\u201c\u2018")
    )


def _count_changes(text: str) -> str:
    spaces = sum(text.count(ch) for ch in _SPACES)
    doubles = sum(text.count(ch) for ch in "\u201c\u201d\u201e\u201f")
    singles = sum(text.count(ch) for ch in "\u2018\u2019\u201a\u201b")
    parts = [
        f"{n} {what}"
        for n, what in (
            (spaces, "non-breaking or thin spaces"),
            (doubles, "typographic double quotes"),
            (singles, "typographic single quotes/apostrophes"),
        )
        if n
    ]
    return ", ".join(parts)

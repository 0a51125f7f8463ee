"""The corpus model: documents, the load report and paragraph spans.

A :class:`Corpus` is built by :func:`toolkit.load_corpus` (:mod:`toolkit.corpus.load`)
and never changes after that, so tables derived from it (the token index, the
quotation table behind voice) are computed once and kept with it
(:meth:`Corpus.cached`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from ..text.characters import replace_lone_surrogates

__all__ = ["BASE_COLUMNS", "PARAGRAPH_KINDS", "REPORT_COLUMNS", "Corpus", "report_row"]

BASE_COLUMNS = ["doc_id", "title", "date", "source", "url", "text", "raw"]
REPORT_COLUMNS = ["path", "doc_id", "action", "reason", "detail"]
PARAGRAPH_KINDS = ["body", "subheading", "caption", "boilerplate"]

T = TypeVar("T")


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
        ``path, doc_id, action, reason, detail``: one row for every input skipped
        (a file, JSON line or CSV row, with where it is and why), decoded with a
        fallback encoding, repaired (lone surrogates), renamed, emptied or
        paragraph removed, and every warning (a date that is not one).
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

    def cached(self, key: str, build: Callable[[], T]) -> T:
        """The value kept with this corpus under ``key``, built by ``build()`` the
        first time it is asked for (the corpus never changes, so neither does it)."""
        value = self._cache.get(key)
        if value is None:
            value = build()
            self._cache[key] = value
        return value

    def cached_only(self, key: str) -> Any:
        """The value kept under ``key`` if it was built already, else None."""
        return self._cache.get(key)

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
        if not len(self):
            more = "<p>No document was loaded: <code>.report</code> says what was skipped.</p>"
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


def report_row(path: Any, doc_id: Any, action: str, reason: str, detail: str) -> dict[str, Any]:
    """One row of a corpus's ``report``: what happened to which input, and why.

    A path or id that is not valid Unicode (a file name in another encoding) is
    shown with U+FFFD for the bytes that cannot be shown."""
    return {
        "path": None if path is None else replace_lone_surrogates(str(path))[0],
        "doc_id": replace_lone_surrogates(doc_id)[0] if isinstance(doc_id, str) else doc_id,
        "action": action,
        "reason": reason,
        "detail": detail,
    }

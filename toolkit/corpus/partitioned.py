"""Running an analysis on a stored corpus partition by partition.

An analysis function decorated with :func:`by_partition` takes a stored corpus
(:class:`~toolkit.corpus.store.StoredCorpus`, or the folder of a store) like any
other: the function runs on each partition as an ordinary in-memory corpus, in
the executor's workers (:mod:`toolkit.corpus.executor`), and a *combine* step
makes one result of the partitions' results. Because per-document work is a pure
function of the document and corpus-wide steps are reduces, the result equals
the in-memory result on the same corpus:

* hit tables (KWIC rows, mentions, cues, quotations) are concatenated
  (:func:`concat_tables`), with ``doc_id`` categoricals over all documents;
* counts are summed before anything is computed from them: the analyses that
  count (actors, frames, collocates, keyness) give a per-partition function of
  partial tables and a finishing function (``partial=`` and ``combine=``).

Tables the caller passes along (a quotation table, say) are cut by partition
(``split=``), so each worker receives only its documents' rows.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from .store import StoredCorpus, concat_parts, is_store, open_corpus

__all__ = ["by_partition", "concat_tables", "doc_offsets", "merge_attrs", "split_by_partition"]

F = TypeVar("F", bound=Callable[..., Any])
Combine = Callable[[list[Any], StoredCorpus, dict[str, Any]], Any]


def by_partition(
    combine: Combine | None = None,
    *,
    partial: Callable[..., Any] | None = None,
    split: Sequence[str] = (),
    whole: Callable[[Any, dict[str, Any]], dict[str, Any]] | None = None,
) -> Callable[[F], F]:
    """Make an analysis run partition by partition on a stored corpus.

    Parameters
    ----------
    combine : function(results, corpus, kwargs) -> result, optional
        Makes one result of the partitions' results, in corpus order (default
        :func:`concat_tables`); ``kwargs`` are the keyword arguments of the call
        (the tables named in ``split`` whole).
    partial : function, optional
        What runs on each partition instead of the function itself (with the same
        arguments): the per-partition half of an analysis whose ``combine`` sums
        and finishes.
    split : names of keyword arguments
        Tables with a ``doc_id`` column that are cut by partition when given.
    whole : function(corpus, kwargs) -> kwargs, optional
        Tables computed over the whole stored corpus before the partitions run
        (a reduce, such as the quotations with their speakers resolved across
        the corpus), passed as keyword arguments where the call gave none, and
        cut by partition as ``split`` says.

    On any other corpus the function runs as it is.
    """

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def run(corpus: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(corpus, str | os.PathLike) and is_store(corpus):
                corpus = open_corpus(corpus)
            if not isinstance(corpus, StoredCorpus):
                return function(corpus, *args, **kwargs)
            each = None
            if whole is not None:
                kwargs.update(whole(corpus, kwargs))
            given = dict(kwargs)
            tables = {k: kwargs.pop(k) for k in split if kwargs.get(k) is not None}
            if tables:
                pieces = {k: split_by_partition(t, corpus) for k, t in tables.items()}
                each = [{k: pieces[k][i] for k in pieces} for i in range(len(corpus.parts))]
            target = partial if partial is not None else run
            results = corpus.map(target, *args, desc=function.__name__, each=each, **kwargs)
            return (combine or concat_tables)(results, corpus, given)

        return run  # type: ignore[return-value]

    return decorate


def doc_offsets(corpus: StoredCorpus) -> np.ndarray:
    """Where each partition's documents start among the corpus's (``n_parts + 1``)."""
    return np.concatenate([[0], np.cumsum(corpus.part_sizes)]).astype(np.int64)


def split_by_partition(table: pd.DataFrame, corpus: StoredCorpus) -> list[pd.DataFrame]:
    """The rows of ``table`` (with ``doc_id``) for each partition of ``corpus``;
    rows of documents the corpus does not hold are left out."""
    if not isinstance(table, pd.DataFrame) or "doc_id" not in table.columns:
        raise ValueError("a table passed with a stored corpus needs a doc_id column")
    code = corpus.doc_ids.get_indexer(table["doc_id"].astype(str))
    part = np.searchsorted(doc_offsets(corpus), code, side="right") - 1
    part[code < 0] = -1
    pieces = [table[part == i].reset_index(drop=True) for i in range(len(corpus.parts))]
    for piece in pieces:  # what describes the whole table does not go with its parts
        piece.attrs = {}
    return pieces


def concat_tables(
    results: list[Any], corpus: StoredCorpus, kwargs: dict[str, Any] | None = None
) -> pd.DataFrame:
    """The partitions' tables one after the other: ``doc_id`` (and any other
    categorical of document ids) over all the corpus's documents, other
    categoricals over the union of their categories, ``attrs`` merged
    (:func:`merge_attrs`), a fresh index."""
    tables = [r for r in results if r is not None]
    if not tables:
        raise ValueError("no partition gave a table")
    offsets = doc_offsets(corpus)
    columns: dict[str, Any] = {}
    first = tables[0]
    for name in first.columns:
        dtype = first[name].dtype
        if isinstance(dtype, pd.CategoricalDtype):
            columns[name] = _concat_categorical([t[name] for t in tables], corpus, offsets)
    plain = concat_parts([t.drop(columns=list(columns)) for t in tables])
    out = plain.assign(**{k: v for k, v in columns.items()})[list(first.columns)]
    out.attrs = merge_attrs([t.attrs for t in tables])
    return out


def _concat_categorical(
    parts: list[pd.Series], corpus: StoredCorpus, offsets: np.ndarray
) -> pd.Categorical:
    """Categoricals of several partitions as one: over all doc ids when each
    part's categories are its partition's documents, else over the union."""
    ids = corpus.doc_ids
    doc_cats = len(parts) == len(corpus.parts) and all(
        len(p.cat.categories) == offsets[i + 1] - offsets[i]
        and p.cat.categories.astype(object).equals(ids[offsets[i] : offsets[i + 1]])
        for i, p in enumerate(parts)
    )
    if doc_cats:
        codes = [
            np.where(p.cat.codes.to_numpy() < 0, -1, p.cat.codes.to_numpy() + offsets[i])
            for i, p in enumerate(parts)
        ]
        cats_dtype = parts[0].cat.categories.dtype
        dtype = pd.CategoricalDtype(pd.Index(ids, dtype=cats_dtype))
        return pd.Categorical.from_codes(np.concatenate(codes).astype(np.int64), dtype=dtype)
    categories = pd.Index(
        pd.unique(np.concatenate([p.cat.categories.to_numpy(dtype=object) for p in parts]))
    )
    first = parts[0].cat.categories
    categories = pd.Index(categories, dtype=first.dtype) if len(categories) else first[:0]
    values = pd.concat([p.astype(object) for p in parts], ignore_index=True)
    return pd.Categorical(values, categories=categories, ordered=parts[0].cat.ordered)


def merge_attrs(attrs: list[dict[str, Any]]) -> dict[str, Any]:
    """The ``attrs`` of partitions' tables as those of one table: the
    ``excluded`` tallies of lexicon rules summed rule by rule, anything else as
    the first partition has it."""
    if not attrs:
        return {}
    out = dict(attrs[0])
    tallies = [a.get("excluded") for a in attrs if "excluded" in a]
    if tallies:
        total = [dict(row) for row in tallies[0]]
        for other in tallies[1:]:
            for row, more in zip(total, other, strict=True):
                row["removed"] += more["removed"]
        out["excluded"] = total
    return out

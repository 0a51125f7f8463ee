"""Quotation extraction and speaker attribution: :func:`extract_quotes`.

:func:`extract_quotes` finds what people are reported to have said in news
articles and who said it (:func:`toolkit.quotes.table.speakers` counts the
speakers). The rules are patterns of English news writing, kept in resource
files a researcher can read and extend (``toolkit/resources/quotes.yaml``):
reporting verbs, pronouns, role and organisation nouns, first-name genders, and
the confidence of each attribution rule. No statistical model is involved, so
every attribution can be explained: the ``evidence`` column names the rule that
linked the speaker.

How a document is read, and where each step is written
------------------------------------------------------
1. Quotation marks are paired paragraph by paragraph (:mod:`.document`), and a
   paragraph opening with a speaker label ("MS. PSAKI:", "Q") is that
   speaker's turn (:mod:`.reading`, which reads a document in order).
2. In each sentence, reporting cues are found outside the quotations
   (:mod:`.cues`).
3. Each cue is linked to a speaker: a reporting verb by the strategies of
   :mod:`.speaker`; a dash, a passive, a verb of appearance or a nominal cue
   by the constructions of :mod:`.constructions`. A speaker is a noun phrase
   (:mod:`.phrases`) read into a mention: name, role, kind, number, gender
   (:mod:`.mentions`).
4. Each cue is linked to the content it reports (:mod:`.content`).
5. Quotations left without a cue take the speaker of the sentence or
   paragraph they are in (:mod:`.rows`).
6. Speakers are resolved in reading order (:mod:`.resolution`).

The rules and word lists come from ``quotes.yaml`` (:mod:`.rules`) and
``quotes_grammar.yaml`` (:mod:`.grammar`); :mod:`.table` builds the table and
counts the speakers. Every document is read on its own (a pure function of
its text and paragraphs), in time linear in its length, so that documents can
be read in worker processes side by side (here) with the same table as in one.

To add a construction: a function in :mod:`.speaker` (a new way for a
reporting verb to find its speaker) or :mod:`.constructions` (a new kind of
cue), an entry in that module's table (``STRATEGIES`` or ``CONSTRUCTIONS``),
its rule in :class:`~.rules.Attribution` with a confidence in ``quotes.yaml``,
and a test in ``tests/quotes/``.
"""

from __future__ import annotations

import itertools
import os
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._util.progress import PROGRESS_MIN_ITEMS
from .._util.progress import progress as _progress
from ..corpus.executor import in_task
from ..corpus.load import as_corpus
from ..corpus.partitioned import by_partition, concat_tables
from .corpus_speakers import resolve_speakers
from .document import tokens_from_index
from .reading import read_document
from .rules import QuoteRules, lex_for, load_quote_rules
from .table import QUOTE_COLUMNS, append_rows, cue_type_filter, quote_table

__all__ = [
    "AUTO_WORKERS_CHARS",
    "MAX_WORKERS",
    "QUOTE_COLUMNS",
    "combine_quotes",
    "document_quotes",
    "extract_quotes",
    "load_quote_rules",
    "worker_context",
    "worker_count",
]


def document_quotes(
    corpus: Any,
    *,
    rules: str | Path | QuoteRules | None = None,
    min_confidence: float = 0.0,
    cue_types: str | Iterable[str] | None = None,
    workers: int | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Every quotation of every document, each read on its own, before the
    corpus-wide speaker resolution and any filter: what one partition of a
    stored corpus gives (and keeps beside itself) for :func:`extract_quotes`."""
    c = as_corpus(corpus)
    quote_rules = _rules(rules)
    if not 0 <= min_confidence <= 1:
        raise ValueError(f"min_confidence={min_confidence!r} must be between 0 and 1")
    cue_type_filter(cue_types, quote_rules)  # a wrong type fails before any work
    show = c.progress if progress is None else progress
    if rules is None:  # a stored corpus keeps the quotations beside each partition
        return c.stored_table("quotes", lambda: _quote_table(c, quote_rules, workers, show))
    return _quote_table(c, quote_rules, workers, show)


def combine_quotes(results: list[Any], corpus: Any, kwargs: dict[str, Any]) -> pd.DataFrame:
    """The partitions' quotations as one table, their speakers resolved over the
    whole corpus (the reduce step), then filtered as the call asked."""
    return _resolve_and_filter(
        concat_tables(results, corpus, kwargs),
        kwargs.get("rules"),
        kwargs.get("min_confidence", 0.0),
        kwargs.get("cue_types"),
    )


def _rules(rules: str | Path | QuoteRules | None) -> QuoteRules:
    return rules if isinstance(rules, QuoteRules) else load_quote_rules(rules)


def _resolve_and_filter(
    table: pd.DataFrame, rules: Any, min_confidence: float, cue_types: Any
) -> pd.DataFrame:
    quote_rules = _rules(rules)
    wanted_types = cue_type_filter(cue_types, quote_rules)
    table = resolve_speakers(table, rules=quote_rules)
    if min_confidence > 0:
        table = table[table["confidence"] >= min_confidence].reset_index(drop=True)
    if wanted_types is not None:
        table = table[table["cue_type"].isin(wanted_types).to_numpy()].reset_index(drop=True)
    return table


@by_partition(combine_quotes, partial=document_quotes)
def extract_quotes(
    corpus: Any,
    *,
    rules: str | Path | QuoteRules | None = None,
    min_confidence: float = 0.0,
    cue_types: str | Iterable[str] | None = None,
    workers: int | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """One row per quotation (or piece of one) with its speaker.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    rules : path or QuoteRules, optional
        Your own copy of ``toolkit/resources/quotes.yaml`` (or rules from
        :func:`load_quote_rules`); by default the packaged rules.
    min_confidence : float
        Keep only rows whose attribution is at least this sure (0 keeps all,
        including quotations without a speaker).
    cue_types : str or list of str, optional
        Keep only rows whose cue is of these types (see ``cue_type`` below):
        ``cue_types="speech"`` keeps reported speech, for a study of who
        speaks; rows without a cue are left out too. By default every row.
        ``quote_id`` and ``part_of`` keep the numbers of the full table.
    workers : int, optional
        Processes reading documents side by side. Documents are read
        independently, so the table is the same whatever the number. By default
        one process for corpora under 2,000,000 characters and one per CPU
        core (at most 8) above that; a script that asks for workers needs
        ``if __name__ == "__main__":`` around its work on systems that start
        processes by spawning them (macOS, Windows).
    progress : bool, optional
        Show a progress bar on large corpora; by default as the corpus was loaded.

    Returns
    -------
    DataFrame
        ``doc_id, quote_id, start, end, text, kind, speaker, speaker_mention,
        speaker_start, speaker_end, role, cue, confidence`` and, to trace each
        row, ``cue_start, cue_end, sent_id, para_id, part_of, evidence``, then
        ``cue_type, negated, press, nested, speaker_id``.

        * ``docs.text[start:end] == text``; a direct quotation includes its
          quotation marks. ``quote_id`` numbers rows within a document in
          text order.
        * ``kind``: ``direct`` (in quotation marks), ``partial`` (quoted words
          inside reported content; ``part_of`` is the ``quote_id`` of the
          ``indirect`` row containing them, when there is one) or ``indirect``
          (reported content without marks: ``X said (that) ...``, ``..., X
          said.``, ``according to X, ...``, ``X believes ...``, ``X wants to
          ...``, ``X's claim that ...``).
        * ``speaker`` is the resolved name ("Husamuddin Shams") or, for an
          anonymous or collective source, its description ("Ministry of
          Defence official", "officials", "Taliban"); ``speaker_mention`` is
          the words in the text ("he", "Shams", "the official") at
          ``speaker_start:speaker_end``; ``role`` the role given to the person
          ("Provincial governor"). A pronoun that cannot be resolved leaves
          ``speaker`` empty, and so does a cue that names no source ("the
          veto is expected to come on Friday", "she seems to have left").
        * ``cue``: the reporting verb, phrase or noun, at ``cue_start:cue_end``.
        * ``cue_type``: what kind of attribution the cue makes, from the verb
          groups of ``quotes.yaml`` (``cue_types`` there): ``speech`` (say,
          tell, add, according to, transcript labels), ``thought`` (believe,
          think, expect, fear), ``intention`` (want, plan, hope to, refuse),
          ``stance`` (support, oppose, criticise, praise) or ``evidence``
          (a poll shows, a study found; seems). Attribution studies (PARC,
          PolNeAR) annotate all of them, but "who speaks" is the ``speech``
          rows: pass ``cue_types="speech"`` or filter on this column. Empty
          for quotations without a cue.
        * ``negated``: the cue is negated ("did not say whether ...", "has
          never supported ..."): the content is attributed as not said or not
          held.
        * ``evidence``: the attribution rule and how the speaker was resolved
          (their names are the keys of ``attribution_rules`` and
          ``resolution_rules`` in ``quotes.yaml``); ``confidence`` is the
          product of their scores.

        * ``press``: a question from the press in a transcript (a "Q" turn),
          spoken by the press role.
        * ``nested``: an attribution inside what another row reports: "I think
          ..." inside its speaker's own transcript turn, or "those revelations
          show ..." inside "Democrats say those revelations show ...". The
          row stays for a study of embedded attributions; :func:`speakers`
          and the sentiment tables count its words once, with the row around it.
        * ``speaker_id``: one name per person across the corpus (see
          :func:`resolve_speakers`).

        A partial quotation lies inside its indirect row, so count utterances
        with ``part_of.isna()`` to avoid counting the same words twice.

    Raises
    ------
    ValueError
        When ``min_confidence`` is outside 0-1, ``cue_types`` names a type
        the rules do not have (the message lists them) or ``workers`` is not a
        positive whole number.

    Warns
    -----
    UserWarning
        When the quotations of a document cannot be read: the warning names
        the document and the error, the document has no rows, and the other
        documents are read as usual.

    Examples
    --------
    >>> import toolkit
    >>> quotes = toolkit.extract_quotes("data/")
    >>> row = quotes[quotes.text.str.startswith('"They entered')].iloc[0]
    >>> row.speaker, row.speaker_mention, row.role, row.cue_type
    ('Husamuddin Shams', 'he', 'Provincial governor', 'speech')
    >>> speech = toolkit.extract_quotes("data/", cue_types="speech")
    >>> sorted(speech.cue_type.unique())
    ['speech']
    """
    # read a rules file once, for the documents and for the resolution (the
    # packaged rules stay None, so a stored corpus can use the quotations it keeps)
    quote_rules = None if rules is None else _rules(rules)
    table = document_quotes(
        corpus,
        rules=quote_rules,
        min_confidence=min_confidence,
        cue_types=cue_types,
        workers=workers,
        progress=progress,
    )
    return _resolve_and_filter(table, quote_rules, min_confidence, cue_types)


def _quote_table(c: Any, quote_rules: QuoteRules, workers: int | None, show: bool) -> pd.DataFrame:
    """Every quotation of every document of ``c``, before any filter."""
    docs = c.docs
    para = c.paragraph_spans
    codes = para["doc_id"].cat.codes.to_numpy()
    bounds = np.searchsorted(codes, np.arange(len(docs) + 1)).tolist()
    p_start = para["start"].to_numpy().tolist()
    p_end = para["end"].to_numpy().tolist()
    texts = docs["text"].tolist()
    titles = (
        [t if isinstance(t, str) else None for t in docs["title"].tolist()]
        if "title" in docs
        else None
    )
    spans = [
        list(zip(p_start[bounds[d] : bounds[d + 1]], p_end[bounds[d] : bounds[d + 1]], strict=True))
        for d in range(len(texts))
    ]
    n_workers = worker_count(workers, texts)
    context = worker_context(explicit=workers is not None) if n_workers > 1 else None
    # the corpus index, when built, has tokenized and split every document
    idx = c.cached_only("index")
    if context is not None:
        columns, counts, unread = _read_parallel(
            (texts, spans, quote_rules, idx, titles), n_workers, context, show
        )
    else:
        items = list(range(len(texts)))
        columns, counts, unread = _read_documents(
            (texts, spans, quote_rules, idx, titles), _progress(items, "quotations", show)
        )
    doc_codes = np.repeat(np.arange(len(texts)), counts).tolist()
    table = quote_table(columns, doc_codes, list(docs["doc_id"]))
    if unread:
        _report_unread(table, [(str(docs["doc_id"].iat[d]), message) for d, message in unread])
    return table


def _report_unread(table: pd.DataFrame, unread: list[tuple[str, str]]) -> None:
    """Warn of the documents whose quotations could not be read, and list them
    in ``table.attrs["unread_documents"]``."""
    table.attrs["unread_documents"] = [{"doc_id": d, "error": m} for d, m in unread]
    named = "; ".join(f"{d} ({m})" for d, m in unread[:5])
    more = f" and {len(unread) - 5} more" if len(unread) > 5 else ""
    warnings.warn(
        f"the quotations of {len(unread)} document(s) could not be read and are missing "
        f"from the table: {named}{more}. Please report it with the document's text.",
        stacklevel=4,
    )


AUTO_WORKERS_CHARS = 2_000_000  # corpora smaller than this are read in one process


MAX_WORKERS = 8


def worker_count(workers: int | None, texts: list[str]) -> int:
    if workers is not None:
        if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
            raise ValueError(f"workers={workers!r} must be a positive whole number (or None)")
        return min(workers, max(len(texts), 1))
    if sum(map(len, texts)) < AUTO_WORKERS_CHARS or in_task():
        return 1  # a partition of a stored corpus is one task among many already
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS, len(texts)))


def worker_context(explicit: bool) -> Any:
    """How to start worker processes, or None to read in this process.

    Forking is quick and safe while this process runs a single thread (a
    script, the tests); with threads running (a Jupyter kernel) a forked child
    can deadlock, so workers are spawned: they import the program's main module
    again, which is harmless for a notebook, an interactive session or
    ``python -m``, but runs a plain ``python script.py`` a second time. So that
    case reads in one process unless ``workers`` was asked for (the script then
    needs ``if __name__ == "__main__":``, as Python's multiprocessing says).
    """
    import multiprocessing
    import sys
    import threading

    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    main = sys.modules.get("__main__")
    plain_script = (
        main is not None
        and getattr(main, "__spec__", None) is None
        and getattr(main, "__file__", None) is not None
    )
    if plain_script and not explicit:
        return None
    return multiprocessing.get_context("spawn")


_Input = tuple[list[str], list[list[tuple[int, int]]], QuoteRules, Any, list[str | None] | None]


_INHERITED: _Input | None = None  # what forked workers read


_Read = tuple[dict[str, list], list[int], list[tuple[int, str]]]


def _read_documents(work: _Input, order: Iterable[int]) -> _Read:
    """Read documents ``order`` (positions in ``texts``) of ``work = (texts,
    paragraph spans, rules, corpus index or None, titles or None)``: the
    table's columns, the number of rows of each document, and the documents
    that could not be read (position, error): one such document gives no rows
    and does not stop the others."""
    texts, spans, rules, idx, titles = work
    lex = lex_for(rules)
    columns: dict[str, list] = {name: [] for name in QUOTE_COLUMNS}
    counts: list[int] = []
    unread: list[tuple[int, str]] = []
    for d in order:
        text = texts[d]
        try:
            tokens = tokens_from_index(idx, d) if idx is not None else None
            rows = read_document(text, spans[d], lex, tokens, titles[d] if titles else None)
        except Exception as error:  # reported by name below; the other documents go on
            rows = []
            unread.append((d, f"{type(error).__name__}: {error}"))
        append_rows(columns, text, rows, rules)
        counts.append(len(rows))
    return columns, counts, unread


def _read_inherited(a: int, b: int) -> _Read:
    """A forked worker's share: documents ``a:b`` of what it inherited."""
    assert _INHERITED is not None
    return _read_documents(_INHERITED, range(a, b))


def _read_sent(
    texts: list[str],
    spans: list[list[tuple[int, int]]],
    rules: QuoteRules,
    titles: list[str | None] | None,
) -> _Read:
    """A spawned worker's share: the documents it was sent (positions in the
    share; the caller adds where the share starts)."""
    return _read_documents((texts, spans, rules, None, titles), range(len(texts)))


def _read_parallel(work: _Input, n_workers: int, context: Any, show: bool) -> _Read:
    """Read consecutive chunks of documents in worker processes and join their
    tables in document order (the result does not depend on ``n_workers``)."""
    from concurrent.futures import ProcessPoolExecutor

    global _INHERITED
    texts, spans, rules, _, titles = work
    # chunks of about equal length, a few per worker so that they even out
    n_chunks = min(len(texts), n_workers * 4)
    lengths = np.cumsum([len(t) for t in texts])
    cuts = np.searchsorted(lengths, lengths[-1] * np.arange(1, n_chunks) / n_chunks)
    edges = sorted({0, *cuts.tolist(), len(texts)})
    chunks = [(a, b) for a, b in itertools.pairwise(edges) if b > a]
    forked = context.get_start_method() == "fork"
    if forked:
        _INHERITED = work  # forked workers see it (and the corpus index) without copying
    try:
        with ProcessPoolExecutor(n_workers, mp_context=context) as pool:
            if forked:
                futures = [pool.submit(_read_inherited, a, b) for a, b in chunks]
            else:
                futures = [
                    pool.submit(
                        _read_sent, texts[a:b], spans[a:b], rules, titles[a:b] if titles else None
                    )
                    for a, b in chunks
                ]
            results = [f.result() for f in _progress_futures(futures, chunks, show)]
    finally:
        _INHERITED = None
    columns: dict[str, list] = {name: [] for name in QUOTE_COLUMNS}
    counts: list[int] = []
    unread: list[tuple[int, str]] = []
    for (a, _), (part, part_counts, part_unread) in zip(chunks, results, strict=True):
        for name, values in part.items():
            columns[name].extend(values)
        counts.extend(part_counts)
        offset = 0 if forked else a  # a spawned share counts from its own start
        unread.extend((offset + d, message) for d, message in part_unread)
    return columns, counts, unread


def _progress_futures(futures: list, chunks: list[tuple[int, int]], show: bool) -> list:
    """The futures in order, with a progress bar counting documents as chunks finish."""
    n_docs = chunks[-1][1] - chunks[0][0] if chunks else 0
    if show and n_docs >= PROGRESS_MIN_ITEMS:
        from concurrent.futures import as_completed

        from tqdm.auto import tqdm

        size = {id(f): b - a for f, (a, b) in zip(futures, chunks, strict=True)}
        with tqdm(total=n_docs, desc="quotations", unit="doc", leave=False) as bar:
            for f in as_completed(futures):
                bar.update(size[id(f)])
    return futures

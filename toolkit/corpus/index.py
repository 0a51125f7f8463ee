"""The corpus token index: every token of every document in compact numpy arrays.

Built once per corpus (lazily, then cached on the corpus) and shared by the tidy
tables in :mod:`toolkit.corpus.tables`, by :func:`toolkit.kwic` and by every other search.
Per token it holds about 30 bytes: start and end offsets, the sentence, the
surface form id and a slot in the inverted index (postings) from lower-cased
types to token positions.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from .._util.progress import progress as _progress
from ..text.characters import match_form
from ..text.sentences import split_sentences
from ..text.words import split_tokens
from .corpus import Corpus
from .load import as_corpus

__all__ = ["TokenIndex", "corpus_index"]


def corpus_index(corpus: Any) -> TokenIndex:
    """The (cached) :class:`TokenIndex` of a corpus.

    Examples
    --------
    >>> import toolkit
    >>> from toolkit.corpus.index import corpus_index
    >>> idx = corpus_index(toolkit.load_corpus("data/"))
    >>> idx.n_tokens > 1000
    True
    """
    c = as_corpus(corpus)
    return c.cached("index", lambda: TokenIndex(c))


class TokenIndex:
    """Arrays over all tokens of a corpus, in document order.

    Positions are global token numbers ``0 .. n_tokens-1``; ``doc_tok[d]`` is the
    first position of document ``d`` (``doc_tok[-1] == n_tokens``). Character
    offsets (``start``, ``end``) are local to each document's ``text``.
    """

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        docs = corpus.docs
        self.doc_ids: list[str] = list(docs["doc_id"])
        texts: list[str] = list(docs["text"])
        self.texts = texts
        n_docs = len(texts)
        para = corpus.paragraph_spans
        para_doc = para["doc_id"].cat.codes.to_numpy()
        para_bounds = np.searchsorted(para_doc, np.arange(n_docs + 1))
        p_start = para["start"].to_numpy()
        p_end = para["end"].to_numpy()
        strings: list[str] = []  # every token, in corpus order
        gaps: list[int] = []  # characters between each token and the one before it
        sent_spans: list[tuple[int, int]] = []
        tok_counts = np.zeros(n_docs, dtype=np.int64)
        sent_counts = np.zeros(n_docs, dtype=np.int64)
        for d, text in enumerate(_progress(texts, "indexing", corpus.progress)):
            a, b = para_bounds[d], para_bounds[d + 1]
            pspans = list(zip(p_start[a:b].tolist(), p_end[a:b].tolist(), strict=True))
            n = split_tokens(text, strings, gaps)
            sents = split_sentences(text, pspans)
            tok_counts[d] = n
            sent_counts[d] = len(sents)
            sent_spans.extend(sents)

        self.doc_tok = np.concatenate([[0], np.cumsum(tok_counts)]).astype(np.int64)
        self.doc_sent = np.concatenate([[0], np.cumsum(sent_counts)]).astype(np.int64)
        n_tokens = int(self.doc_tok[-1])
        # offsets from lengths: each token ends where the gaps and tokens before it end,
        # counted from the start of its document
        tok_len = np.fromiter(map(len, strings), dtype=np.int64, count=n_tokens)
        ends = np.cumsum(np.asarray(gaps, dtype=np.int64) + tok_len)
        before_doc = np.concatenate([[0], ends])[self.doc_tok[:-1]]
        tok_doc = np.repeat(np.arange(n_docs), tok_counts)
        ends -= before_doc[tok_doc]
        self.start = (ends - tok_len).astype(np.int32)
        self.end = ends.astype(np.int32)
        sarr = np.asarray(sent_spans, dtype=np.int64).reshape(-1, 2)
        self.sent_start = sarr[:, 0].astype(np.int32)
        self.sent_end = sarr[:, 1].astype(np.int32)
        sent_doc = np.repeat(np.arange(n_docs), sent_counts)
        # sentence -> paragraph, and token -> sentence, by one search each over
        # (document, offset) keys made sortable across documents
        stride = int(max((len(t) for t in texts), default=0)) + 1
        para_key = para_doc.astype(np.int64) * stride + p_start
        sent_key = sent_doc * stride + sarr[:, 0]
        self.sent_para = (
            np.searchsorted(para_key, sent_key, side="right") - para_bounds[:-1][sent_doc] - 1
        ).astype(np.int32)
        tok_key = tok_doc * stride + self.start
        self.sent = (np.searchsorted(sent_key, tok_key, side="right") - 1).astype(np.int32)
        # first token of each global sentence (n_sents + 1 entries)
        self.sent_tok = np.searchsorted(self.sent, np.arange(len(self.sent_start) + 1)).astype(
            np.int64
        )

        codes, forms = pd.factorize(np.asarray(strings, dtype=object))
        del strings
        self.form = codes.astype(np.int32)
        self.forms = np.asarray(forms, dtype=object)
        # the lower-case type of a form is what case-insensitive matching compares:
        # its match form (NFC, no soft hyphens or zero-width joiners), lower-cased
        lower_codes, lowers = pd.factorize(
            np.asarray([match_form(f.lower()) for f in self.forms], dtype=object)
        )
        self.lower_of_form = lower_codes.astype(np.int32)
        self.lowers = np.asarray(lowers, dtype=object)
        self.lower_lookup = {w: i for i, w in enumerate(self.lowers)}
        self.form_lookup = {w: i for i, w in enumerate(self.forms)}
        self.punct_lower = np.array(
            [not any(ch.isalnum() for ch in w) for w in self.lowers], dtype=bool
        )
        lower = self.lower_of_form[self.form]
        self.postings = np.argsort(lower, kind="stable").astype(np.int32)
        counts = np.bincount(lower, minlength=len(self.lowers))
        self.post_offset = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self.lower_count = counts
        is_word = ~self.punct_lower[lower]
        self.word_pos = np.flatnonzero(is_word).astype(np.int32)
        # word_rank[p]: words before position p (so word_pos[word_rank[p]] is the
        # first word at or after p); n_tokens + 1 entries
        self.word_rank = np.concatenate([[0], np.cumsum(is_word)]).astype(np.int32)
        self._match_cache: dict[tuple, np.ndarray] = {}

    # -------------------------------------------------------------- basic facts

    @property
    def n_tokens(self) -> int:
        return len(self.start)

    @property
    def n_docs(self) -> int:
        return len(self.doc_ids)

    def token_doc(self, pos: np.ndarray) -> np.ndarray:
        """Document number of each global token position."""
        return np.searchsorted(self.doc_tok, pos, side="right") - 1

    def lower(self, pos: np.ndarray) -> np.ndarray:
        """Lower-case type id of each position."""
        return self.lower_of_form[self.form[pos]]

    @cached_property
    def display(self) -> tuple[str, np.ndarray]:
        """All document texts in one string, with line breaks and tabs shown as
        spaces (same offsets), and where each document starts in it
        (``n_docs + 1`` entries): contexts are cut from it in one pass."""
        table = str.maketrans("\n\t\r\f\v", "     ")
        lengths = np.fromiter(map(len, self.texts), dtype=np.int64, count=len(self.texts))
        starts = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        return "".join(self.texts).translate(table), starts

    def sentence_of(self, doc: np.ndarray, offset: np.ndarray) -> np.ndarray:
        """The global number of the sentence holding each character ``offset``
        (local to document ``doc``): the last sentence starting at or before it."""
        doc = np.asarray(doc, dtype=np.int64)
        stride = int(max((len(t) for t in self.texts), default=0)) + 1
        key = self._sentence_key(stride)
        found = np.searchsorted(key, doc * stride + np.asarray(offset, dtype=np.int64), "right")
        lo = self.doc_sent[doc]
        return np.clip(found - 1, lo, np.maximum(self.doc_sent[doc + 1] - 1, lo))

    def _sentence_key(self, stride: int) -> np.ndarray:
        sent_doc = np.repeat(np.arange(self.n_docs), np.diff(self.doc_sent))
        return sent_doc * stride + self.sent_start.astype(np.int64)

    def sentence_bounds(
        self, doc: np.ndarray, start: np.ndarray, end: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Where the sentence(s) holding each character span begin and end.

        ``doc`` are document numbers, ``start`` and ``end`` character offsets
        local to each document. Returns the start of the sentence holding
        ``start`` and the end of the sentence holding ``end - 1`` (offsets local
        to the document): the stretch of whole sentences a span lies in.
        """
        doc = np.asarray(doc, dtype=np.int64)
        start = np.asarray(start, dtype=np.int64)
        stop = np.asarray(end, dtype=np.int64)
        if len(self.sent_start) == 0 or len(doc) == 0:
            return start.copy(), stop.copy()
        first = self.sentence_of(doc, start)
        final = self.sentence_of(doc, np.maximum(stop - 1, start))
        lo = np.minimum(self.sent_start[first].astype(np.int64), start)
        hi = np.maximum(self.sent_end[final].astype(np.int64), stop)
        empty = self.doc_sent[doc] == self.doc_sent[doc + 1]  # a document without sentences
        return np.where(empty, start, lo), np.where(empty, stop, hi)

    @cached_property
    def match_forms(self) -> np.ndarray:
        """Each surface form as case-sensitive matching compares it (its
        :func:`~toolkit.text.characters.match_form`), aligned with ``forms``."""
        return np.asarray([match_form(f) for f in self.forms], dtype=object)

    @cached_property
    def match_form_ids(self) -> dict[str, list[int]]:
        """Form ids by match form (``café`` in NFC and in NFD share one entry)."""
        ids: dict[str, list[int]] = {}
        for i, f in enumerate(self.match_forms.tolist()):
            ids.setdefault(f, []).append(i)
        return ids

    @cached_property
    def lower_rank(self) -> np.ndarray:
        """Alphabetical rank of each lower-case type (for sorting)."""
        order = np.argsort(self.lowers.astype(str), kind="stable")
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        return rank

    @cached_property
    def words_per_doc(self) -> np.ndarray:
        """Number of word (non-punctuation) tokens per document."""
        return np.diff(self.word_rank[self.doc_tok])

    def nbytes(self) -> int:
        """Memory held by the per-token arrays and the vocabulary (approximate)."""
        arrays = [
            self.start,
            self.end,
            self.sent,
            self.form,
            self.postings,
            self.word_pos,
            self.doc_tok,
            self.sent_start,
            self.sent_end,
            self.sent_para,
            self.sent_tok,
            self.lower_of_form,
            self.post_offset,
            self.lower_count,
            self.punct_lower,
        ]
        vocab = sum(len(w) + 50 for w in self.forms) + sum(len(w) + 50 for w in self.lowers)
        return int(
            sum(a.nbytes for a in arrays) + vocab + 100 * (len(self.forms) + len(self.lowers))
        )

    # ------------------------------------------------------------------- tables

    @cached_property
    def doc_dtype(self) -> pd.CategoricalDtype:
        """The categorical dtype of ``doc_id`` columns (categories in corpus order)."""
        return pd.CategoricalDtype(pd.Index(self.doc_ids, dtype=object))

    def doc_categorical(self, doc: np.ndarray) -> pd.Categorical:
        return pd.Categorical.from_codes(doc, dtype=self.doc_dtype)

    def token_table(self) -> pd.DataFrame:
        pos = np.arange(self.n_tokens)
        doc = self.token_doc(pos)
        lower = self.lower(pos)
        return pd.DataFrame(
            {
                "doc_id": self.doc_categorical(doc),
                "sent_id": (self.sent - self.doc_sent[doc]).astype(np.int32),
                "token_id": (pos - self.doc_tok[doc]).astype(np.int32),
                "token": self.forms[self.form],
                "lower": self.lowers[lower],
                "start": self.start,
                "end": self.end,
                "is_punct": self.punct_lower[lower],
            }
        )

    def sentence_table(self) -> pd.DataFrame:
        n = len(self.sent_start)
        doc = np.searchsorted(self.doc_sent, np.arange(n), side="right") - 1
        kinds = self.corpus.paragraph_spans["kind"]
        para_doc_first = np.searchsorted(
            self.corpus.paragraph_spans["doc_id"].cat.codes.to_numpy(), np.arange(self.n_docs)
        )
        kind = (
            kinds.to_numpy()[para_doc_first[doc] + self.sent_para]
            if n
            else np.zeros(0, dtype=object)
        )
        texts = self.texts
        return pd.DataFrame(
            {
                "doc_id": self.doc_categorical(doc),
                "sent_id": (np.arange(n) - self.doc_sent[doc]).astype(np.int32),
                "para_id": self.sent_para,
                "start": self.sent_start,
                "end": self.sent_end,
                "text": [
                    texts[d][a:b]
                    for d, a, b in zip(
                        doc.tolist(), self.sent_start.tolist(), self.sent_end.tolist(), strict=True
                    )
                ],
                "kind": pd.Categorical(kind, categories=kinds.cat.categories),
            }
        )

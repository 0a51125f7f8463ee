"""The corpus token index: every token of every document in compact numpy arrays.

Built once per corpus (lazily, then cached on the corpus) and shared by the tidy
tables in :mod:`toolkit.tokens`, by :func:`toolkit.kwic` and by every other search.
Per token it holds about 30 bytes: start and end offsets, the sentence, the
surface form id and a slot in the inverted index (postings) from lower-cased
types to token positions.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from .corpus import Corpus, _progress, as_corpus
from .tokens import _word_regex, split_sentences

__all__ = ["TokenIndex", "corpus_index"]


def corpus_index(corpus: Any) -> TokenIndex:
    """The (cached) :class:`TokenIndex` of a corpus.

    Examples
    --------
    >>> import toolkit
    >>> from toolkit.index import corpus_index
    >>> idx = corpus_index(toolkit.load_corpus("data/"))
    >>> idx.n_tokens > 1000
    True
    """
    c = as_corpus(corpus)
    idx = c._cache.get("index")
    if idx is None:
        idx = TokenIndex(c)
        c._cache["index"] = idx
    return idx


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
        rx = _word_regex()

        starts, ends, strings = [], [], []
        s_start, s_end, s_para = [], [], []
        tok_counts = np.zeros(n_docs, dtype=np.int64)
        sent_counts = np.zeros(n_docs, dtype=np.int64)
        tok_sent = []
        for d, text in enumerate(_progress(texts, "indexing", corpus.progress)):
            a, b = para_bounds[d], para_bounds[d + 1]
            pspans = list(zip(p_start[a:b].tolist(), p_end[a:b].tolist(), strict=True))
            spans = []
            sa, ta = spans.append, strings.append
            for m in rx.finditer(text):
                sa(m.span())
                ta(m.group())
            sents = split_sentences(text, pspans)
            tok_counts[d] = len(spans)
            sent_counts[d] = len(sents)
            if spans:
                arr = np.asarray(spans, dtype=np.int64)
                starts.append(arr[:, 0])
                ends.append(arr[:, 1])
            if sents:
                sarr = np.asarray(sents, dtype=np.int64)
                s_start.append(sarr[:, 0])
                s_end.append(sarr[:, 1])
                pstarts = p_start[a:b]
                s_para.append(np.searchsorted(pstarts, sarr[:, 0], side="right") - 1)
                if spans:
                    tok_sent.append(np.searchsorted(sarr[:, 0], arr[:, 0], side="right") - 1)
            elif spans:  # pragma: no cover - tokens always lie in a sentence
                tok_sent.append(np.zeros(len(spans), dtype=np.int64))

        def cat(parts: list[np.ndarray], dtype) -> np.ndarray:
            return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype=dtype)

        self.start = cat(starts, np.int32)
        self.end = cat(ends, np.int32)
        self.doc_tok = np.concatenate([[0], np.cumsum(tok_counts)]).astype(np.int64)
        self.doc_sent = np.concatenate([[0], np.cumsum(sent_counts)]).astype(np.int64)
        self.sent_start = cat(s_start, np.int32)
        self.sent_end = cat(s_end, np.int32)
        self.sent_para = cat(s_para, np.int32)
        local_sent = cat(tok_sent, np.int64)
        tok_doc = self.token_doc(np.arange(len(self.start)))
        self.sent = (local_sent + self.doc_sent[tok_doc]).astype(np.int32)  # global sentence
        # first token of each global sentence (n_sents + 1 entries)
        self.sent_tok = np.searchsorted(self.sent, np.arange(len(self.sent_start) + 1)).astype(
            np.int64
        )

        codes, forms = pd.factorize(np.asarray(strings, dtype=object))
        del strings
        self.form = codes.astype(np.int32)
        self.forms = np.asarray(forms, dtype=object)
        lower_codes, lowers = pd.factorize(
            np.asarray([f.lower() for f in self.forms], dtype=object)
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
    def display_texts(self) -> list[str]:
        """Document texts with line breaks and tabs shown as spaces (same offsets)."""
        table = str.maketrans("\n\t\r\f\v", "     ")
        return [t.translate(table) for t in self.texts]

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

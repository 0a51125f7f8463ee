"""What tokenizing and sentence splitting find in a corpus, as arrays.

:class:`IndexArrays` is the part of the token index (:mod:`toolkit.corpus.index`)
that cannot be derived from anything else: the corpus store keeps it on disk
(:mod:`toolkit.corpus.store`), so an index is rebuilt without tokenizing again,
joined over partitions (:func:`concat_arrays`) or cut to some documents
(:meth:`IndexArrays.select`), exactly as if those documents had been tokenized.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._util.progress import progress as _progress
from ..text.sentences import split_sentences
from ..text.words import split_tokens
from .corpus import Corpus

__all__ = ["IndexArrays", "concat_arrays", "tokenize_documents"]


@dataclass(frozen=True, eq=False)
class IndexArrays:
    """What tokenizing and sentence splitting found, as arrays: the part of a
    :class:`TokenIndex` that the corpus store keeps on disk, so that an index is
    rebuilt without tokenizing again (everything else is derived from it).

    Per token: ``start``, ``end`` (character offsets local to the document),
    ``form`` (a code into ``forms``, the surface forms in order of first
    occurrence) and ``sent`` (the sentence, counted over all documents). Per
    sentence: ``sent_start``, ``sent_end`` and ``sent_para`` (the paragraph,
    counted within the document). Per document: ``doc_tok`` and ``doc_sent``, the
    first token and sentence of each (``n_docs + 1`` entries).
    """

    start: np.ndarray
    end: np.ndarray
    form: np.ndarray
    sent: np.ndarray
    sent_start: np.ndarray
    sent_end: np.ndarray
    sent_para: np.ndarray
    doc_tok: np.ndarray
    doc_sent: np.ndarray
    forms: np.ndarray

    @property
    def n_docs(self) -> int:
        return len(self.doc_tok) - 1

    def select(self, keep: np.ndarray) -> IndexArrays:
        """The arrays of the documents where ``keep`` (a boolean mask) is True, as
        if only they had been tokenized (the same forms, in order of first
        occurrence among them)."""
        keep = np.asarray(keep, dtype=bool)
        tok_counts, sent_counts = np.diff(self.doc_tok), np.diff(self.doc_sent)
        tok = np.repeat(keep, tok_counts)
        sent = np.repeat(keep, sent_counts)
        new_sent = np.cumsum(sent) - 1  # old sentence number -> new
        codes, uniques = pd.factorize(self.form[tok])
        return IndexArrays(
            start=self.start[tok],
            end=self.end[tok],
            form=codes.astype(np.int32),
            sent=new_sent[self.sent[tok]].astype(np.int32),
            sent_start=self.sent_start[sent],
            sent_end=self.sent_end[sent],
            sent_para=self.sent_para[sent],
            doc_tok=_bounds(tok_counts[keep]),
            doc_sent=_bounds(sent_counts[keep]),
            forms=self.forms[uniques],
        )


def _bounds(counts: np.ndarray) -> np.ndarray:
    return np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)


def concat_arrays(parts: Sequence[IndexArrays]) -> IndexArrays:
    """The arrays of several corpora's documents one after the other, as if they
    had been tokenized as one corpus (forms in order of first occurrence over
    all of them)."""
    if not parts:
        raise ValueError("concat_arrays needs at least one IndexArrays")
    codes, uniques = pd.factorize(np.concatenate([p.forms for p in parts]))
    offsets = np.cumsum([0, *[len(p.forms) for p in parts]])
    form = [codes[offsets[i] + p.form] for i, p in enumerate(parts)]
    sent_offset = np.cumsum([0, *[len(p.sent_start) for p in parts]])
    return IndexArrays(
        start=np.concatenate([p.start for p in parts]),
        end=np.concatenate([p.end for p in parts]),
        form=np.concatenate(form).astype(np.int32),
        sent=np.concatenate([p.sent + sent_offset[i] for i, p in enumerate(parts)]).astype(
            np.int32
        ),
        sent_start=np.concatenate([p.sent_start for p in parts]),
        sent_end=np.concatenate([p.sent_end for p in parts]),
        sent_para=np.concatenate([p.sent_para for p in parts]),
        doc_tok=_bounds(np.concatenate([np.diff(p.doc_tok) for p in parts])),
        doc_sent=_bounds(np.concatenate([np.diff(p.doc_sent) for p in parts])),
        forms=np.asarray(uniques, dtype=object),
    )


def tokenize_documents(corpus: Corpus) -> IndexArrays:
    """Tokenize and split into sentences every document of a corpus (the pure
    functions of :mod:`toolkit.text`, once per document)."""
    docs = corpus.docs
    texts: list[str] = list(docs["text"])
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
    doc_tok, doc_sent = _bounds(tok_counts), _bounds(sent_counts)
    n_tokens = int(doc_tok[-1])
    # offsets from lengths: each token ends where the gaps and tokens before it end,
    # counted from the start of its document
    tok_len = np.fromiter(map(len, strings), dtype=np.int64, count=n_tokens)
    ends = np.cumsum(np.asarray(gaps, dtype=np.int64) + tok_len)
    before_doc = np.concatenate([[0], ends])[doc_tok[:-1]]
    tok_doc = np.repeat(np.arange(n_docs), tok_counts)
    ends -= before_doc[tok_doc]
    start = (ends - tok_len).astype(np.int32)
    sarr = np.asarray(sent_spans, dtype=np.int64).reshape(-1, 2)
    sent_doc = np.repeat(np.arange(n_docs), sent_counts)
    # sentence -> paragraph, and token -> sentence, by one search each over
    # (document, offset) keys made sortable across documents
    stride = int(max((len(t) for t in texts), default=0)) + 1
    para_key = para_doc.astype(np.int64) * stride + p_start
    sent_key = sent_doc * stride + sarr[:, 0]
    sent_para = np.searchsorted(para_key, sent_key, side="right") - para_bounds[:-1][sent_doc] - 1
    sent = np.searchsorted(sent_key, tok_doc * stride + start, side="right") - 1
    codes, forms = pd.factorize(np.asarray(strings, dtype=object))
    return IndexArrays(
        start=start,
        end=ends.astype(np.int32),
        form=codes.astype(np.int32),
        sent=sent.astype(np.int32),
        sent_start=sarr[:, 0].astype(np.int32),
        sent_end=sarr[:, 1].astype(np.int32),
        sent_para=sent_para.astype(np.int32),
        doc_tok=doc_tok,
        doc_sent=doc_sent,
        forms=np.asarray(forms, dtype=object),
    )

"""The tidy tables of a corpus: one row per token, sentence or paragraph.

They are built from the corpus index (:mod:`toolkit.corpus.index`), which runs the
pure functions of :mod:`toolkit.text` once per document and caches the result.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .index import corpus_index
from .load import as_corpus
from .partitioned import by_partition

__all__ = ["paragraphs", "sentences", "tokenize"]


@by_partition()
def tokenize(corpus: Any) -> pd.DataFrame:
    """One row per word token.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, token_id, token, lower, start, end, is_punct``;
        ``docs.text[start:end] == token``. Ids are 0-based within each document.

    Examples
    --------
    >>> import toolkit
    >>> toks = toolkit.tokenize("The Taliban said it had changed.")
    >>> toks.token.tolist()
    ['The', 'Taliban', 'said', 'it', 'had', 'changed', '.']
    """
    return corpus_index(corpus).token_table()


@by_partition()
def sentences(corpus: Any) -> pd.DataFrame:
    """One row per sentence.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, para_id, start, end, text, kind`` where ``kind`` is the
        kind of the paragraph the sentence is in.

    Examples
    --------
    >>> import toolkit
    >>> toolkit.sentences("Gen. Smith spoke. He left.").text.tolist()
    ['Gen. Smith spoke.', 'He left.']
    """
    return corpus_index(corpus).sentence_table()


@by_partition()
def paragraphs(corpus: Any) -> pd.DataFrame:
    """One row per paragraph kept in ``docs.text``.

    Returns
    -------
    DataFrame
        ``doc_id, para_id, start, end, text, kind, raw_start, raw_end``; ``kind`` is
        ``body``, ``subheading``, ``caption`` or ``boilerplate`` (only present with
        ``clean=False``); ``raw_start``/``raw_end`` locate the paragraph in ``raw``.

    Examples
    --------
    >>> import toolkit
    >>> toolkit.paragraphs("Iran talks\\n\\nThe talks began.").kind.tolist()
    ['subheading', 'body']
    """
    c = as_corpus(corpus)
    table = c.paragraph_spans.copy()
    texts = dict(zip(c.docs["doc_id"], c.docs["text"], strict=True))
    table.insert(
        4,
        "text",
        [
            texts[d][a:b]
            for d, a, b in zip(table["doc_id"], table["start"], table["end"], strict=True)
        ],
    )
    return table

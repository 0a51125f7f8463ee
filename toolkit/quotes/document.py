"""The document as the reading steps see it: tokens, sentences, quotations in marks.

Step 1 of the reading: quotation marks are paired paragraph by paragraph
(:func:`toolkit.text.quote_marks.quotation_spans`): straight or typographic
double marks (and the doubled apostrophes some sources print for them), nested
single marks left inside, a quotation running over several paragraphs (opening
mark at each paragraph start, closing mark only at the end), stray marks
ignored; marks around no letters (``"783499116076687360"``) are no quotation.
A :class:`Doc` holds the tokens (as written and lower case, with their
offsets), the sentences with their paragraphs and the quotations; a
:class:`Sent` is one sentence's tokens with the quotation each is in, which is
what every later step reads.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..text.quote_marks import quotation_spans
from ..text.sentences import split_sentences
from ..text.words import split_tokens

__all__ = [
    "Doc",
    "DocTokens",
    "Sent",
    "is_cap",
    "quote_tokens",
    "sentence_words",
    "tokens_from_index",
    "word_flags",
]


@dataclass(slots=True)
class Quotation:
    start: int
    end: int
    closed: bool
    para: int
    continues: bool = False  # the second or later paragraph of one quotation
    used: bool = False


class Sent:
    """The tokens of one sentence, with the quotation each token is inside (-1: none)."""

    __slots__ = (
        "a",
        "b",
        "counts",
        "doc",
        "e",
        "i",
        "low",
        "n",
        "para",
        "q",
        "s",
        "text",
        "w",
        "words",
    )

    def __init__(self, doc: Doc, i: int, a: int, b: int, para: int):
        self.i, self.a, self.b, self.para = i, a, b, para
        self.doc = doc
        self.text = doc.text
        t0, t1 = doc.sent_tok[i], doc.sent_tok[i + 1]
        self.w = doc.tok_w[t0:t1]
        self.s = s = doc.tok_s[t0:t1]
        self.e = doc.tok_e[t0:t1]
        self.low = doc.tok_low[t0:t1]
        self.n = t1 - t0
        self.q = doc.quote_ids(s, a, b)
        self.counts: tuple[list[int], list[int]] | None = None
        self.words: list[bool] | None = None

    def tail(self, k: int) -> Sent:
        """The sentence without its first ``k`` tokens (a transcript label): the
        same sentence to every later step, which sees only the rest."""
        out = object.__new__(Sent)
        out.i, out.b, out.para, out.doc, out.text = self.i, self.b, self.para, self.doc, self.text
        out.w, out.s, out.e = self.w[k:], self.s[k:], self.e[k:]
        out.low, out.q = self.low[k:], self.q[k:]
        out.n = self.n - k
        out.a = out.s[0] if out.n else self.b
        out.counts = None
        out.words = None
        return out


@dataclass
class DocTokens:
    """Tokens and sentences of one document: token strings (as written and lower
    case) with their offsets, sentence spans with their paragraph numbers, and
    where each sentence's tokens start (``sent_tok``, one more entry than
    sentences)."""

    w: list[str]
    low: list[str]
    s: list[int]
    e: list[int]
    sent_spans: list[tuple[int, int]]
    sent_para: list[int]
    sent_tok: list[int]


def _tokens_from_text(text: str, paragraphs: Sequence[tuple[int, int]]) -> DocTokens:
    """Tokenize and split one document (when no corpus index has done it). The
    token strings come from the split itself, and their offsets from the
    lengths of the tokens and of the gaps between them, as in
    :func:`toolkit.text.words.tokenize_text`."""
    w: list[str] = []
    gaps: list[int] = []
    split_tokens(text, w, gaps)
    lengths = list(map(len, w))
    e = list(itertools.accumulate(map(operator.add, gaps, lengths)))
    s = list(map(operator.sub, e, lengths))
    spans = split_sentences(text, paragraphs)
    para_starts = [a for a, _ in paragraphs]
    return DocTokens(
        w=w,
        low=list(map(str.lower, w)),
        s=s,
        e=e,
        sent_spans=spans,
        sent_para=[bisect.bisect_right(para_starts, a) - 1 for a, _ in spans],
        sent_tok=[*(bisect.bisect_left(s, a) for a, _ in spans), len(s)],
    )


def _sentence_tokens(starts: np.ndarray, spans: Sequence[tuple[int, int]]) -> list[int]:
    """First token of each sentence, and the token count at the end."""
    firsts = np.searchsorted(starts, [a for a, _ in spans]) if spans else np.zeros(0, np.int64)
    return [*firsts.tolist(), len(starts)]


def tokens_from_index(idx: Any, d: int) -> DocTokens:
    """Tokens and sentences of document ``d`` as the corpus index has them."""
    t0, t1 = int(idx.doc_tok[d]), int(idx.doc_tok[d + 1])
    s0, s1 = int(idx.doc_sent[d]), int(idx.doc_sent[d + 1])
    form = idx.form[t0:t1]
    starts = idx.start[t0:t1]
    sent_a = idx.sent_start[s0:s1].tolist()
    sent_b = idx.sent_end[s0:s1].tolist()
    spans = list(zip(sent_a, sent_b, strict=True))
    return DocTokens(
        w=idx.forms[form].tolist(),
        low=idx.lowers[idx.lower_of_form[form]].tolist(),
        s=starts.tolist(),
        e=idx.end[t0:t1].tolist(),
        sent_spans=spans,
        sent_para=idx.sent_para[s0:s1].tolist(),
        sent_tok=_sentence_tokens(starts, spans),
    )


class Doc:
    def __init__(
        self, text: str, paragraphs: Sequence[tuple[int, int]], tokens: DocTokens | None = None
    ):
        self.text = text
        self.paragraphs = list(paragraphs)
        self.quotes: list[Quotation] = []
        para_starts = [a for a, _ in self.paragraphs]
        previous: Quotation | None = None
        for a, b, closed in quotation_spans(text, self.paragraphs):
            if not _LETTER.search(text, a, b):
                continue  # '"783499116076687360"', '"..."': no words, no quotation
            para = bisect.bisect_right(para_starts, a) - 1
            q = Quotation(a, b, closed, para)
            if previous is not None and not previous.closed and para == previous.para + 1:
                q.continues = a == self.paragraphs[para][0]
            self.quotes.append(q)
            previous = q
        self.q_starts = [q.start for q in self.quotes]
        if tokens is None:
            tokens = _tokens_from_text(text, self.paragraphs)
        self.tok_w, self.tok_low, self.tok_s, self.tok_e = tokens.w, tokens.low, tokens.s, tokens.e
        self.sent_spans = tokens.sent_spans
        self.sent_para = tokens.sent_para
        self.sent_tok = tokens.sent_tok
        self._cache: dict[int, Sent] = {}
        self._vocabulary: set[str] | None = None
        self._lower_case: dict[str, bool] = {}

    def lower_case_word(self, word: str) -> bool:
        """Whether ``word`` (lower case) occurs in lower case in the document: then a
        capitalised "Health" starting a sentence is that word, not a name."""
        known = self._lower_case.get(word)
        if known is None:
            known = self._lower_case[word] = self._occurs_in_lower_case(word)
        return known

    def _occurs_in_lower_case(self, word: str) -> bool:
        """Whether ``word`` is one of the lower-case words of the text (the
        matches of ``_LOWER_WORD``), found from the places the word occurs at
        rather than from all the text's words when it occurs at few.

        A match of ``_LOWER_WORD`` lies within a run of the characters it is
        made of, and the matches in a run depend only on the run and the
        characters on either side of it, so the run around each place the word
        occurs at is matched alone, with the character after it in reach.
        """
        if self._vocabulary is not None:
            return word in self._vocabulary
        if _LOWER_FORM.fullmatch(word) is None:
            return False  # no match of _LOWER_WORD is this word
        text = self.text
        at = text.find(word)
        for _ in range(_FEW_PLACES):
            if at < 0:
                return False
            a = at
            while a > 0 and text[a - 1] in _LOWER_RUN_CHARS:
                a -= 1
            b = _LOWER_RUN.match(text, at + len(word)).end()  # type: ignore[union-attr]
            if word in _LOWER_WORD.findall(text, a, b + 1):
                return True
            at = text.find(word, b)
        if at < 0:
            return False
        self._vocabulary = set(_LOWER_WORD.findall(text))
        return word in self._vocabulary

    def sentence(self, i: int) -> Sent:
        sent = self._cache.get(i)
        if sent is None:
            a, b = self.sent_spans[i]
            sent = Sent(self, i, a, b, self.sent_para[i])
            self._cache[i] = sent
        return sent

    def release(self) -> None:
        """Forget the sentences read (each refers back to the document), so that
        the document and its sentences are freed as soon as the rows made from
        them are, without waiting for the cyclic garbage collector."""
        self._cache.clear()

    def quote_ids(self, starts: list[int], a: int, b: int) -> list[int]:
        """The quotation each token (by start offset) of ``text[a:b]`` is in, or -1."""
        out = [-1] * len(starts)
        k = bisect.bisect_right(self.q_starts, a) - 1
        k = max(k, 0)
        quotes = self.quotes
        t = 0
        while k < len(quotes) and quotes[k].start < b:
            q = quotes[k]
            if q.end > a:
                t = bisect.bisect_left(starts, q.start, t)
                while t < len(starts) and starts[t] < q.end:
                    out[t] = k
                    t += 1
            k += 1
        return out

    def quote_at(self, pos: int) -> int:
        k = bisect.bisect_right(self.q_starts, pos) - 1
        if k >= 0 and pos < self.quotes[k].end:
            return k
        return -1


_LETTER = re.compile(r"[^\W\d_]")


_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]*\b")
_LOWER_FORM = re.compile(r"[a-z][a-z'-]*")  # what a match of _LOWER_WORD is
_LOWER_RUN = re.compile(r"[a-z'-]*")
_LOWER_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz'-")
_FEW_PLACES = 8  # a word found at more places is looked up among all the words


def is_cap(word: str) -> bool:
    return word[:1].isupper()


def quote_tokens(S: Sent, p: int) -> tuple[int, int]:
    """Token range of the quotation that token ``p`` is in (within the sentence)."""
    qid = S.q[p]
    a = p
    while a - 1 >= 0 and S.q[a - 1] == qid:
        a -= 1
    b = p
    while b < S.n and S.q[b] == qid:
        b += 1
    return a, b


class _IsWord(dict[str, bool]):
    """Token -> whether it is a word (has a letter or a digit), worked out once
    per form (and all forgotten when there are too many)."""

    def __missing__(self, token: str) -> bool:
        if len(self) >= _MAX_FORMS:
            self.clear()
        is_word = self[token] = token[:1].isalnum() or any(c.isalnum() for c in token)
        return is_word


_MAX_FORMS = 500_000
_IS_WORD = _IsWord()


def word_flags(S: Sent) -> list[bool]:
    """Whether each token of a sentence is a word (has a letter or a digit),
    worked out once per sentence."""
    if S.words is None:
        S.words = list(map(_IS_WORD.__getitem__, S.w))
    return S.words


def sentence_words(S: Sent, a: int, b: int, inside: bool | None = None) -> int:
    """Word tokens (with a letter or digit) in ``[a, b)``, optionally only those
    inside (or outside) quotations; prefix sums make it constant time."""
    if S.counts is None:
        flags = word_flags(S)
        total = list(itertools.accumulate(flags, initial=0))
        if S.n and max(S.q) >= 0:
            quoted_flags = [f and q >= 0 for f, q in zip(flags, S.q, strict=True)]
            S.counts = (total, list(itertools.accumulate(quoted_flags, initial=0)))
        else:  # no quotation in the sentence
            S.counts = (total, [0] * (S.n + 1))
    total, quoted = S.counts
    if inside is None:
        return total[b] - total[a]
    if inside:
        return quoted[b] - quoted[a]
    return (total[b] - total[a]) - (quoted[b] - quoted[a])

"""Rows: the pieces of text each attribution reports, and quotations left without a cue.

Step 5 of the reading: a frame's pieces become ``direct``, ``indirect`` and
``partial`` rows; quotations no cue claimed take the speaker of the sentence
or paragraph they are in, of the quotation they continue, or, for a paragraph
that is only a quotation, of the paragraph before. Quoted words in the
narrator's own sentence are titles or scare quotes, not rows.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .cues import Frame
from .document import Doc, Quotation, Sent, quote_tokens, sentence_words, word_flags
from .phrases import title_words
from .rules import Attribution, Lex

__all__ = ["Row", "frame_rows", "leftover_rows"]


@dataclass(slots=True)
class Row:
    start: int
    end: int
    kind: str
    sent: int
    para: int
    frame: Frame | None
    rule: Attribution
    part_of: Row | None = None
    press: bool = False  # in a press question (a transcript turn of "Q")


def frame_rows(doc: Doc, f: Frame, quote_row: dict[int, Row]) -> list[Row]:
    S = f.S
    out: list[Row] = []
    words = word_flags(S)
    for a, b in f.pieces:
        qids = sorted({S.q[x] for x in range(a, b) if S.q[x] >= 0})
        if qids and not any(S.q[x] < 0 and words[x] and S.low[x] != "that" for x in range(a, b)):
            for qid in qids:
                q = doc.quotes[qid]
                row = Row(q.start, q.end, "direct", S.i, S.para, f, f.rule)
                q.used = True
                quote_row[qid] = row
                out.append(row)
            continue
        row = Row(S.s[a], S.e[b - 1], "indirect", S.i, S.para, f, f.rule)
        out.append(row)
        for qid in qids:
            q = doc.quotes[qid]
            if q.used:
                continue
            start, end = max(q.start, row.start), min(q.end, row.end)
            part = Row(start, end, "partial", S.i, S.para, f, f.rule, part_of=row)
            q.used = True
            quote_row[qid] = part
            out.append(part)
    return out


def leftover_rows(
    lex: Lex,
    doc: Doc,
    para: int,
    sents: list[Sent],
    frames: list[Frame],
    quote_row: dict[int, Row],
    previous: Row | None,
) -> list[Row]:
    """Rows for the quotations of a paragraph that no cue claimed: each takes the
    attribution of the quotation it continues, of its sentence or paragraph, or,
    in a paragraph that is only quotations, the last one of the paragraph
    before (``previous``)."""
    out: list[Row] = []
    if not doc.quotes:
        return out
    paragraph = _Paragraph(sents, frames, quote_row, previous)
    starts = [T.a for T in sents]
    first = bisect.bisect_left(doc.q_starts, doc.paragraphs[para][0])
    for qid in range(first, len(doc.quotes)):
        q = doc.quotes[qid]
        if q.para != para:
            break
        if q.used:
            continue
        k = bisect.bisect_right(starts, q.start) - 1
        if k < 0 or q.start >= sents[k].b:
            continue
        S = sents[k]
        p0 = bisect.bisect_left(S.s, q.start)
        qa, qb = quote_tokens(S, p0) if p0 < S.n and S.q[p0] == qid else (p0, p0)
        q_words = sentence_words(S, qa, qb)
        kind = (
            "direct"
            if q_words >= 0.6 * sentence_words(S, 0, S.n)
            or not q.closed
            or (
                _opens_with_quotation(doc, q, S, qa, qb)
                and q_words >= _OPENING_WORDS
                and not title_words(lex, S, qa, qb)
            )
            else "partial"
        )
        source, rule, kind = paragraph.source(q, qid, S, qa, qb, kind)
        if kind == "partial" and (
            rule not in (Attribution.SAME_SENTENCE, Attribution.SAME_PARAGRAPH)
            or title_words(lex, S, qa, qb)
            or (rule == Attribution.SAME_PARAGRAPH and q_words <= _SCARE_QUOTE_WORDS)
        ):
            continue  # quoted words in the narrator's sentence: a title or scare quotes
        frame = source.frame if isinstance(source, Row) else source
        row = Row(q.start, q.end, kind, S.i, para, frame, rule)
        q.used = True
        quote_row[qid] = row
        out.append(row)
    return out


def _opens_with_quotation(doc: Doc, q: Quotation, S: Sent, qa: int, qb: int) -> bool:
    """A quotation that opens its sentence and ends in a comma inside the marks,
    the sentence going on after it: '"We will win in the fall," a voice-over in
    the ad states.' is quoted speech, however long the rest of the sentence."""
    inner = doc.text[q.start : q.end].rstrip(_CLOSING_MARKS)
    return qa == 0 and qb < S.n and inner.endswith(",")


_CLOSING_MARKS = "\"'\u201d\u2019"
# ... of at least this many words, and not a title ('"Billions," the series ...').
_OPENING_WORDS = 3


class _Paragraph:
    """A paragraph's sentences and attributions, for the quotations no cue claimed."""

    def __init__(
        self,
        sents: list[Sent],
        frames: list[Frame],
        quote_row: dict[int, Row],
        previous: Row | None,
    ):
        self.sents, self.frames, self.quote_row, self.previous = sents, frames, quote_row, previous
        self.by_sentence: dict[int, list[Frame]] = {}
        for f in frames:
            self.by_sentence.setdefault(f.S.i, []).append(f)
        self.frame_sents = sorted(self.by_sentence)
        self._words_outside: int | None = None

    def words_outside(self) -> int:
        """Words of the paragraph outside quotation marks."""
        if self._words_outside is None:
            self._words_outside = sum(sentence_words(T, 0, T.n, inside=False) for T in self.sents)
        return self._words_outside

    def source(
        self, q: Quotation, qid: int, S: Sent, qa: int, qb: int, kind: str
    ) -> tuple[Row | Frame | None, Attribution, str]:
        """The attribution quotation ``qid`` (tokens ``[qa, qb)`` of ``S``) takes,
        the rule that gives it, and the kind of its row."""
        if q.continues and qid - 1 in self.quote_row:
            return self.quote_row[qid - 1], Attribution.CONTINUED_QUOTATION, "direct"
        same = self.by_sentence.get(S.i)
        if same:
            nearest = min(same, key=lambda f: min(abs(f.ci - qa), abs(f.ci - qb)))
            return nearest, Attribution.SAME_SENTENCE, kind
        if self.frames:
            j = bisect.bisect_left(self.frame_sents, S.i)
            before = self.by_sentence[self.frame_sents[j - 1]][-1] if j else self.frames[0]
            return before, Attribution.SAME_PARAGRAPH, kind
        if self.words_outside() <= 3 and self.previous is not None:
            return self.previous, Attribution.QUOTATION_ONLY_PARAGRAPH, "direct"
        return None, Attribution.NO_ATTRIBUTION, kind


# A quoted fragment of at most this many words in a sentence without a cue of its
# own ('the "quack" cures', 'what he calls "smart"') is scare quotes, not a
# quotation, when the only attribution is in another sentence.
_SCARE_QUOTE_WORDS = 4

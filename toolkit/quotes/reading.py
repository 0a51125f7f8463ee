"""Reading one document in order: paragraph by paragraph, sentence by sentence.

The steps meet here: a paragraph opening with a speaker label ("MS. PSAKI:",
"Q", "Poll:") is that speaker's turn (:mod:`.turns`), which in a transcript goes
on to the next label; in a turn, "I" and "we" are its speaker, and "he",
"she", "they" someone named in it or in the turn before (a briefing's answer
does not refer back to whom an earlier exchange named). Each
sentence's attributions (:mod:`.constructions`) are found and their speakers
resolved in reading order (:mod:`.resolution`), and the paragraph's rows made
(:mod:`.rows`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from .constructions import sentence_frames
from .content import introduces_next
from .cues import Frame
from .document import Doc, DocTokens, Sent
from .resolution import Resolver
from .rows import Row, frame_rows, leftover_rows
from .rules import Attribution, Lex
from .turns import Turn, Turns, label_turn

__all__ = ["read_document"]


def read_document(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    lex: Lex,
    tokens: DocTokens | None = None,
    title: str | None = None,
) -> list[Row]:
    """The rows of one document (``title``, when given, helps name the speakers
    of transcript labels: "Press Briefing by Press Secretary Jen Psaki")."""
    doc = Doc(text, paragraphs, tokens)
    res = Resolver(lex)
    turns = Turns(lex, doc, title)
    res.title_holder = turns.holder_entity
    rows: list[Row] = []
    quote_row: dict[int, Row] = {}
    previous_para_row: Row | None = None
    turn: Turn | None = None
    turn_mark = 0  # res.pushed when the last turn opened
    n_sent = len(doc.sent_spans)
    si = 0
    for para in range(len(doc.paragraphs)):
        para_sents: list[Sent] = []
        while si < n_sent and doc.sent_para[si] == para:
            para_sents.append(doc.sentence(si))
            si += 1
        mark = res.pushed
        opened = label_turn(lex, doc, para_sents, res, turns) if para_sents else None
        if opened is not None:
            turn = opened
            if turns.transcript:
                # a pronoun in a turn refers to someone of this turn or the one before
                res.reach, turn_mark = turn_mark, mark
        elif turn is not None and para_sents and not (turns.transcript and _goes_on(para_sents)):
            turn = None  # "END", "###": the transcript's turns are over
            res.reach = 0
        if turn is not None and para_sents:
            res.turn = turn.frame.entity
            rows.extend(
                _turn_paragraph(
                    lex, doc, para, para_sents, res, quote_row, turn, opened, turns.transcript
                )
            )
            res.turn = None
            previous_para_row = turn.row
            if not turns.transcript:
                turn = None  # outside a transcript, a label opens one paragraph
            continue
        para_frames: list[Frame] = []
        for S in para_sents:
            frames = _read_sentence(lex, S, res)
            para_frames.extend(frames)
        para_rows: list[Row] = []
        for f in para_frames:
            para_rows.extend(frame_rows(doc, f, quote_row))
        sourced = [
            f for f in para_frames if f.speaker is not None and f.rule != Attribution.NOMINAL_CUE
        ]
        para_rows.extend(
            leftover_rows(lex, doc, para, para_sents, sourced, quote_row, previous_para_row)
        )
        para_rows.sort(key=lambda r: (r.start, -r.end))
        rows.extend(para_rows)
        attributed = [r for r in para_rows if r.frame is not None and r.frame.speaker is not None]
        last = para_frames[-1] if para_frames else None
        if last is not None and last.S is para_sents[-1] and introduces_next(lex, last.S, last):
            # "Cruz continued:" ends the paragraph: the quotation that follows is his
            S = last.S
            previous_para_row = Row(
                S.s[last.ci], S.e[last.cj - 1], "direct", S.i, para, last, last.rule
            )
        elif attributed:
            previous_para_row = attributed[-1]
        elif para_sents and any(S.n for S in para_sents):
            previous_para_row = None
    doc.release()
    return rows


def _goes_on(sents: list[Sent]) -> bool:
    """Whether a paragraph goes on with the turn before it: it has a lower-case
    word ("END", "###" and "12:42 P.M. EDT" end a transcript's turns)."""
    return any(any(c.islower() for c in w) for S in sents for w in S.w)


def _turn_paragraph(
    lex: Lex,
    doc: Doc,
    para: int,
    sents: list[Sent],
    res: Resolver,
    quote_row: dict[int, Row],
    turn: Turn,
    opened: Turn | None,
    transcript: bool,
) -> list[Row]:
    """The rows of a paragraph of a turn: the turn's row (when the paragraph opens
    it; else the row grows over this paragraph), the attributions the speaker
    makes in it ("I think ...", "the President said ...": only in a transcript;
    a labelled paragraph elsewhere, "Poll: ..." or an article's quoted '"PENCE:
    ...', is one quotation), and the quotations the speaker quotes (partial
    rows of the turn)."""
    row = turn.row
    out = [row] if opened is not None else []
    last = next((T for T in reversed(sents) if T.n), None)
    if last is not None:
        row.end = max(row.end, last.e[-1])
    for S in sents:
        if S.a < row.start <= S.b:
            S = S.tail(bisect.bisect_left(S.s, row.start))  # the words after the label
        if not transcript:
            res.register_names(S)
            continue
        for f in _read_sentence(lex, S, res):
            out.extend(frame_rows(doc, f, quote_row))
    first_q = bisect.bisect_left(doc.q_starts, doc.paragraphs[para][0])
    for qid in range(first_q, len(doc.quotes)):
        q = doc.quotes[qid]
        if q.para != para:
            break
        if q.used:
            continue
        q.used = True
        quote_row[qid] = row
        if q.closed and q.start >= row.start:
            sent = next((T.i for T in sents if T.a <= q.start < T.b), sents[0].i)
            part = Row(
                q.start, min(q.end, row.end), "partial", sent, para, turn.frame, row.rule, row
            )
            quote_row[qid] = part
            out.append(part)
    for r in out:
        r.press = turn.press
    out.sort(key=lambda r: (r.start, -r.end))
    return out


def _read_sentence(lex: Lex, S: Sent, res: Resolver) -> list[Frame]:
    """Frames of a sentence, with their speakers resolved in reading order; the
    subject of the sentence and the full names in it are remembered too."""
    res.register_names(S)
    frames = sentence_frames(lex, S, res.by_surname)
    res.resolve_sentence(S, frames)
    return frames

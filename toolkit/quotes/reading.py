"""Reading one document in order: paragraph by paragraph, sentence by sentence.

The steps meet here: a paragraph opening with a speaker label ("MS. PSAKI:",
"Q", "Poll:") is that speaker's turn; otherwise each sentence's attributions
(:mod:`.constructions`) are found and their speakers resolved in reading order
(:mod:`.resolution`), and the paragraph's rows made (:mod:`.rows`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from .constructions import sentence_frames
from .content import introduces_next
from .cues import Frame
from .document import Doc, DocTokens, Sent, is_cap, sentence_words
from .mentions import mention
from .phrases import person_token
from .resolution import Resolver
from .rows import Row, frame_rows, leftover_rows
from .rules import Attribution, Lex

__all__ = ["read_document"]


def read_document(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    lex: Lex,
    tokens: DocTokens | None = None,
) -> list[Row]:
    doc = Doc(text, paragraphs, tokens)
    res = Resolver(lex)
    rows: list[Row] = []
    quote_row: dict[int, Row] = {}
    previous_para_row: Row | None = None
    n_sent = len(doc.sent_spans)
    si = 0
    for para in range(len(doc.paragraphs)):
        para_sents: list[Sent] = []
        while si < n_sent and doc.sent_para[si] == para:
            para_sents.append(doc.sentence(si))
            si += 1
        turn = _label_turn(lex, doc, para, para_sents, res, quote_row) if para_sents else None
        if turn is not None:
            rows.extend(turn)
            previous_para_row = turn[0]
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
    return rows


def _label_turn(
    lex: Lex,
    doc: Doc,
    para: int,
    sents: list[Sent],
    res: Resolver,
    quote_row: dict[int, Row],
) -> list[Row] | None:
    """A paragraph opening with a speaker label: a transcript turn ("PENCE: Well,
    ...", "MS. PSAKI: ...", "Q: ...") or a headline ("Poll: ..."). The rest of the
    paragraph is the speaker's; quoted words in it are partial quotations."""
    S = sents[0]
    i = 0
    while i < S.n and S.w[i] in ('"', "'", "\u201c", "\u201d", "``"):
        i += 1
    if i + 1 < S.n and S.w[i] in ("Q", "Q.") and S.w[i + 1] != ":":
        return _turn_rows(lex, doc, para, sents, res, quote_row, i, i + 1, i)  # "Q Will the ..."
    j = i
    while j < S.n and j < i + 5 and S.w[j] != ":":
        j += 1
    if j >= S.n or S.w[j] != ":" or j == i:
        return None
    if sentence_words(S, j + 1, S.n) + sum(sentence_words(T, 0, T.n) for T in sents[1:3]) < 2:
        return None
    words = [S.w[x] for x in range(i, j) if any(c.isalpha() for c in S.w[x])]
    if not words or any(S.low[x] in lex.rules.not_labels for x in range(i, j)):
        return None
    if any(S.q[x] >= 0 and doc.quotes[S.q[x]].start != S.s[0] for x in range(i, j)):
        return None  # the label must not be inside a real quotation
    all_caps = all(w.isupper() for w in words)
    if not all_caps:
        if not all(is_cap(w) for w in words) or any(S.low[x] in lex.stop for x in range(i, j)):
            return None
        single_noun = len(words) == 1 and S.low[i] in lex.nouns
        name = len(words) >= 2 and all(person_token(lex, S, x) for x in range(i, j))
        if not (single_noun or name):
            return None
    return _turn_rows(lex, doc, para, sents, res, quote_row, i, j, j)


def _turn_rows(
    lex: Lex,
    doc: Doc,
    para: int,
    sents: list[Sent],
    res: Resolver,
    quote_row: dict[int, Row],
    i: int,
    j: int,
    cue: int,
) -> list[Row] | None:
    """Rows for a labelled turn: the speaker is tokens ``[i, j)`` of the first
    sentence, the cue token ``cue`` (the colon, or the "Q" itself)."""
    S = sents[0]
    m = mention(lex, S, i, j)
    first_content = cue + 1
    if m is None or first_content >= S.n:
        return None
    if m.text.isupper() and len(m.text) > 1:
        # "MS. PSAKI", "THE PRESIDENT": names and roles in capitals
        m.name = m.name.title() if m.name else None
        m.canonical = m.text.title()
    entity, how = res.resolve(m)
    if entity is not None:
        res.push(entity)
    f = Frame(
        S, cue, cue + 1, S.w[cue], "speech", "label", m, Attribution.TRANSCRIPT_LABEL, i, cue + 1
    )
    f.entity, f.resolution = entity, how
    last = sents[-1]
    turn = Row(S.s[first_content], last.e[-1], "indirect", S.i, para, f, f.rule)
    rows = [turn]
    first_q = bisect.bisect_left(doc.q_starts, doc.paragraphs[para][0])
    for qid in range(first_q, len(doc.quotes)):
        q = doc.quotes[qid]
        if q.para != para:
            break
        q.used = True
        quote_row[qid] = turn
        if q.closed and q.start >= turn.start:
            sent = next((T.i for T in sents if T.a <= q.start < T.b), S.i)
            part = Row(q.start, min(q.end, turn.end), "partial", sent, para, f, f.rule, turn)
            quote_row[qid] = part
            rows.append(part)
    return rows


def _read_sentence(lex: Lex, S: Sent, res: Resolver) -> list[Frame]:
    """Frames of a sentence, with their speakers resolved in reading order; the
    subject of the sentence and the full names in it are remembered too."""
    res.register_names(S)
    frames = sentence_frames(lex, S, res.by_surname)
    res.resolve_sentence(S, frames)
    return frames

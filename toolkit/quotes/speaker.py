"""Speaker finding: who a reporting verb attributes to.

Step 3 of the reading, for verb cues: the noun phrase before the cue (``the
official said``, ``Obama and Clinton say``, ``many of them say``), after it
(``said the official``), an apposition (``Fawad Aman, Deputy Spokesman for the
Ministry of Defence, said``), the subject of the clause with its modifiers
(``Political observers in Virginia say``, ``all the experts I interviewed
said``), the antecedent of a relative pronoun (``cities that support``), or
the subject of the clause the cue continues (``... but warned``).
"""

from __future__ import annotations

from typing import Any

from .cues import Frame, cue_at, skip_adjuncts, skip_left
from .document import Sent
from .mentions import (
    Mention,
    apposition_after,
    at_clause_edge,
    clause_subject,
    coordinated,
    group_mention,
    mention,
    nameish,
    np_back,
    np_forward,
    person_token,
    plain_head,
)
from .rules import OBJECT_CLASSES, SPEECH_CLASSES, Attribution, Lex

__all__ = ["attribute"]


def _role_like(lex: Lex, S: Sent, a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` read as a role: "the Republican attorney general of
    Oklahoma", "deputy spokesman for the ministry", "Iran's foreign minister"."""
    if a >= b or b - a > 15 or any(S.q[x] >= 0 for x in range(a, b)):
        return False
    first = S.low[a]
    if not (
        first in lex.grammar.articles
        or first in lex.person
        or first in lex.role_words
        or first in lex.mods
        or (a + 1 < b and S.w[a + 1] in lex.grammar.possessive_marks)
    ):
        return False
    allowed = lex.grammar.role_function_words | lex.grammar.articles
    return not any(S.low[x] in lex.stop and S.low[x] not in allowed for x in range(a, b))


def _apposition_before(lex: Lex, S: Sent, comma: int, lo: int):
    """``NAME, ROLE, said`` or ``ROLE, NAME, said``: the speaker and the token where
    the attribution starts, given the comma just before the cue."""
    c = comma
    fallback = None
    for _ in range(3):
        c0 = c - 1
        while c0 >= lo and c0 > c - 30 and S.w[c0] != "," and S.q[c0] < 0:
            c0 -= 1
        if c0 < lo or S.w[c0] != "," or S.q[c0] >= 0:
            break
        first = np_back(lex, S, c0, lo)
        if first is not None and c0 - first[0] <= 12 and at_clause_edge(lex, S, first[0], lo):
            seg = (c0 + 1, c)
            role = seg if _role_like(lex, S, *seg) else None
            m1 = mention(lex, S, first[0], first[1])
            if m1 is not None and (m1.name is not None or m1.kind == "pronoun"):
                return mention(lex, S, first[0], first[1], role_span=role), first[0]
            m2 = np_forward(lex, S, c0 + 1, c)
            if m1 is not None and m2 is not None and m2[1] == c:
                named = mention(lex, S, m2[0], m2[1], role_span=first)
                if named is not None and named.name is not None:
                    return named, first[0]
            if fallback is None and m1 is not None and m1.strong:
                fallback = (mention(lex, S, first[0], first[1], role_span=role), first[0])
        c = c0
    return fallback


def attribute(
    lex: Lex,
    S: Sent,
    ci: int,
    cj: int,
    info: tuple[str, str, str],
    frames: list[Frame],
    lo: int,
    known: dict[str, Any],
) -> Frame | None:
    """Link a cue to its speaker: before it, after it, in apposition, or the subject
    of its clause."""
    lemma, klass, form = info

    def frame(speaker, rule, left, right, inverted=False):
        if speaker is None:
            return None
        if (
            form == "present"
            and S.low[ci].endswith("s")
            and speaker.plural
            and speaker.kind != "pronoun"
            and rule == Attribution.SPEAKER_BEFORE_CUE
        ):
            return None  # "many Republican claims": a noun, not "claims" the verb
        if (
            klass == "evidence"
            and not _evidence_source(lex, S, speaker)
            and S.low[cj : cj + 1] != ["that"]
        ):
            return None  # "the poll shows ...", but "he showed" only before "that"
        return Frame(S, ci, cj, lemma, klass, form, speaker, rule, left, right, inverted)

    if klass == "source":
        np_ = np_forward(lex, S, cj, S.n)
        if np_ is None:
            return None
        appo = apposition_after(lex, S, np_[1], S.n)
        m = mention(lex, S, np_[0], np_[1], role_span=appo)
        return frame(m, Attribution.SOURCE_PREPOSITION, ci, m.j if m else np_[1], inverted=True)
    b = skip_left(lex, S, ci, lo)
    left = b - 1
    if (
        form == "gerund"
        and left >= lo
        and (S.w[left] == "," or S.low[left] in lex.grammar.gerund_after)
    ):
        # "..., saying ...": the speaker of the clause it hangs on
        earlier = [f for f in frames if f.speaker is not None and f.cj <= ci]
        if earlier:
            m = earlier[-1].speaker
        else:
            np_ = clause_subject(lex, S, left)
            m = None if np_ is None else mention(lex, S, *np_)
        return frame(m, Attribution.PARTICIPLE, ci, cj)
    if left < lo and (left < 0 or lo == 0):
        return None
    after_quote = left >= 0 and (
        S.q[left] >= 0 or (S.w[left] == "," and left > 0 and S.q[left - 1] >= 0)
    )
    if left >= lo and S.w[left] == "," and not after_quote:
        appo = _apposition_before(lex, S, left, lo)
        if appo is not None and appo[0] is not None:
            return frame(appo[0], Attribution.SPEAKER_BEFORE_CUE, appo[1], cj)
    if left >= lo and (S.w[left] == "," or S.q[left] >= 0):
        # inversion: '"...," said the official' / '..., said the official'
        if klass not in SPEECH_CLASSES or lemma in lex.grammar.naming_verbs:
            return None  # "The program, called EB-5, allows ...": not an inversion
        r = cj
        while r < S.n and S.low[r] in lex.time and S.q[r] < 0:
            r += 1
        np_ = np_forward(lex, S, r, S.n) if S.low[r : r + 1] != ["that"] else None
        if np_ is not None:
            appo = apposition_after(lex, S, np_[1], S.n)
            m = mention(lex, S, np_[0], np_[1], role_span=appo)
            if m is not None and (m.strong or m.kind == "pronoun") and _clause_ends(lex, S, m.j):
                return frame(m, Attribution.SPEAKER_AFTER_CUE, ci, m.j, inverted=True)
        return None
    if left >= lo and S.low[left] in lex.grammar.relative_subjects and S.q[left] < 0:
        # "said Mr. Kamin, who emphasized that ...", "cities that support the
        # rules": the speaker is the antecedent
        a = left - 1 if left - 1 >= lo and S.w[left - 1] == "," else left
        if S.low[left] == "that" and a != left:
            return None  # ", that ..." is not a relative clause
        np_ = np_back(lex, S, a, 0)
        m = None if np_ is None else mention(lex, S, *np_)
        who = S.low[left] == "who"
        kinds = ("person", "org") if who else ("person", "org", "document")
        if (
            m is not None
            and (m.strong or (who and plain_head(lex, S, m)))
            and m.kind in kinds
            and not (S.low[left] == "that" and m.name is not None and m.kind == "person")
        ):
            m.canonical = m.text
            m.start, m.end, m.text = S.s[left], S.e[left], S.w[left]
            f = frame(m, Attribution.SPEAKER_BEFORE_CUE, left, cj)
            if f is not None:
                f.enclosed = a != left  # ", who said ..., sued": ends at a comma
            return f
        return None
    if left >= lo:
        np_ = np_back(lex, S, b, lo)
        if (
            np_ is not None
            and not at_clause_edge(lex, S, np_[0], lo)
            and not (np_[1] - np_[0] == 1 and S.low[np_[0]] in lex.grammar.subject_pronouns)
            and not (
                # "the third time AROS said": a name after a common word
                S.w[np_[0] - 1].isalpha()
                and S.w[np_[0] - 1].islower()
                and S.low[np_[0] - 1] not in lex.grammar.connectors
                and all(person_token(lex, S, x) for x in range(np_[0], np_[1]))
            )
        ):
            # "... the Washington Post Trump said": the known name just before the cue
            x = np_[1]
            while x - 1 >= np_[0] and person_token(lex, S, x - 1):
                x -= 1
            np_ = (x, np_[1]) if x < np_[1] and S.low[np_[1] - 1] in known else None
        if np_ is not None:
            np_ = coordinated(lex, S, np_, lo)
            m = mention(lex, S, *np_) if np_[2] is None else group_mention(lex, S, np_)
            if m is not None and (
                m.strong or lemma in lex.grammar.weak_subject_verbs or _plain_subject(lex, S, m, lo)
            ):
                return frame(m, Attribution.SPEAKER_BEFORE_CUE, np_[0], cj)
        else:
            np_ = _modified_subject(lex, S, b, lo)
            if np_ is not None:
                m = mention(lex, S, *np_)
                if m is not None and m.strong and m.kind != "pronoun":
                    return frame(m, Attribution.SPEAKER_BEFORE_CUE, np_[0], cj)
        if S.low[left] in lex.grammar.coordinators or S.w[left] == ",":
            earlier = [f for f in frames if f.speaker is not None]
            if earlier:
                e = earlier[-1]
                if klass not in SPEECH_CLASSES and _reports_clause(lex, S, e):
                    # "Police said he posed a threat and refused to drop the gun":
                    # the verb belongs to the reported clause, not to its speaker
                    return None
                return frame(e.speaker, Attribution.CLAUSE_SUBJECT, ci, cj)
            np_ = clause_subject(lex, S, left)
            if np_ is not None:
                return frame(mention(lex, S, *np_), Attribution.CLAUSE_SUBJECT, ci, cj)
    return None


def _reports_clause(lex: Lex, S: Sent, f: Frame) -> bool:
    """Whether a frame reports a clause with its own subject ("said that he ...",
    "said he ...", "believes the city ..."), rather than an object or infinitive
    ("urged Republicans to join ...", "promoted a raft of therapies")."""
    if f.klass in OBJECT_CLASSES or f.rule == Attribution.NOMINAL_CUE:
        return False
    r = skip_adjuncts(lex, S, f.right, S.n, f.lemma in lex.rules.addressee_verbs)
    if r >= S.n or S.q[r] >= 0:
        return False
    t = S.low[r]
    return t in lex.grammar.introducers or t in lex.pronouns or f.klass in ("thought", "evidence")


def _modified_subject(lex: Lex, S: Sent, b: int, lo: int) -> tuple[int, int] | None:
    """The subject at the start of the clause when words that modify it come
    between it and the cue: "Political observers in Virginia say", "all the experts
    I interviewed said", "A 2014 study that appeared in the journal found", "A union
    representing flight attendants endorsed"."""
    np_ = clause_subject(lex, S, b)
    if np_ is None or not np_[1] <= b <= np_[1] + 14:
        # the subject of a clause after a comma: "..., a USA TODAY analysis of
        # campaign-finance reports shows."
        c = b - 1
        while c > lo and c > b - 16 and S.w[c] != "," and S.q[c] < 0:
            c -= 1
        if c <= lo or S.w[c] != "," or S.q[c] >= 0:
            return None
        np_ = np_forward(lex, S, c + 1, b)
        if np_ is None or not (S.low[np_[0]] in lex.dets or nameish(lex, S, np_[0])):
            return None
    k, j = np_
    if k < lo or not j <= b <= j + 14:
        return None
    if j == b:
        return k, j  # "Many of them say", "One of the doctors called"
    first = S.low[j]
    if not (
        first in lex.grammar.postmodifier_starts
        or first in lex.grammar.reduced_relative_subjects
        or (S.w[j].islower() and first.endswith(("ing", "ed", "en")) and first.isalpha())
    ):
        return None
    relative = first in lex.grammar.relative_subjects or first in ("whom", "whose")
    for x in range(j, b):
        t = S.low[x]
        if (
            S.q[x] >= 0
            or S.w[x] in (",", ";", ":", "(", ")", "\u2014", "\u2013", "--")
            or t in lex.grammar.sentence_closers
        ):
            return None
        if not relative and (
            t in lex.grammar.auxiliaries_with_do or t in lex.grammar.relative_subjects
        ):
            return None  # "Trump's claim that X was wrong is ..." is not a subject
        if t in lex.rules.cue_first and j < x < b - 1 and cue_at(lex, S, x) is not None:
            return None  # another cue (but "campaign-finance reports shows": a noun)
    return k, j


def _clause_ends(lex: Lex, S: Sent, k: int) -> bool:
    """After an inverted speaker ("..., said the official"): the sentence, the
    clause or a quotation follows, perhaps after adjuncts ("on Monday")."""
    r = skip_adjuncts(lex, S, k, S.n, False)
    return (
        r >= S.n
        or S.q[r] >= 0
        or S.w[r] in (",", ";", ":", "(", ")", "\u2014", "\u2013", "--")
        or S.w[r] in lex.grammar.sentence_closers
        or S.low[r] in lex.grammar.clause_continuations
    )


def _evidence_source(lex: Lex, S: Sent, m: Mention) -> bool:
    """Whether a mention can be the source of a verb of evidence: a document, poll or
    study ("The Real Clear Politics average of polls", "a USA TODAY analysis"), or
    "it" referring to one."""
    if m.kind == "document" or m.head in lex.rules.evidence_subjects or m.pronoun == "it":
        return True
    words = range(m.k, min(m.j, m.head_pos + 3) if m.head_pos >= m.k else m.j)
    return any(S.low[x] in lex.doc or S.low[x] in lex.rules.evidence_subjects for x in words)


def _plain_subject(lex: Lex, S: Sent, m: Mention, lo: int) -> bool:
    """A noun phrase headed by a common noun the lists do not know ("environmentalists
    worry", "the docs called") is a source when it starts the clause."""
    return (
        plain_head(lex, S, m)
        and at_clause_edge(lex, S, m.k, lo)
        and (m.k == 0 or S.low[m.k - 1] not in lex.grammar.subject_blockers)
    )

"""The attributions of a sentence: every construction tried at each trigger word.

Besides a reporting verb with its speaker (:mod:`.speaker`), a sentence can
attribute by a name after a dash that ends it (``"..." - Sonya Herridge``), a
passive cue with its agent (``was endorsed by the union``) or without one
(``is expected to``), a verb of appearance (``seems to``), or a noun whose
possessor is the source (``Trump's claim that``). :func:`sentence_frames`
tries the :data:`CONSTRUCTIONS` in order at each word that can start one
(the first that recognises its construction there decides), then gives each
attribution its content (:mod:`.content`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .content import assign_content, boundary, introduces_next, outermost, trim
from .cues import Frame, cue_at, is_negated, reporting_use, skip_left
from .document import Sent, sentence_words
from .mentions import Mention, coordinated, mention, plain_head, pronoun_mention
from .phrases import apposition_after, at_clause_edge, clause_subject, nameish, np_back, np_forward
from .rules import Attribution, Lex
from .speaker import Cue, attribute

__all__ = ["CONSTRUCTIONS", "Construction", "sentence_frames"]


def sentence_frames(lex: Lex, S: Sent, known: dict[str, Any]) -> list[Frame]:
    """The attributions of a sentence, each with the pieces of text it reports.

    At each word that can start an attribution (the ``triggers``), the
    :data:`CONSTRUCTIONS` are tried in order; the first that recognises its
    construction there decides, and reading goes on after it. ``known`` holds
    the surnames of the full names read so far in the document.
    """
    candidates = list(itertools.compress(range(S.n), map(lex.triggers.__contains__, S.low)))
    if not candidates:
        return []
    reading = _SentenceReading(lex, S, known)
    i = 0
    while True:
        k = bisect.bisect_left(candidates, i)  # other words would only move on
        if k == len(candidates):
            break
        i = reading.step(candidates[k])
    return _with_content(lex, S, reading.frames)


@dataclass
class _SentenceReading:
    """A sentence being read: the attributions found so far, and where the next
    one may start (``lo``, the end of the last one)."""

    lex: Lex
    S: Sent
    known: dict[str, Any]
    frames: list[Frame] = field(default_factory=list)
    lo: int = 0

    def step(self, i: int) -> int:
        """Try the constructions at token ``i``; where reading goes on."""
        for construction in CONSTRUCTIONS:
            found = construction(self, i)
            if found is not None:
                break
        else:
            found = None, i + 1
        f, after = found
        if f is not None:
            self.frames.append(f)
            self.lo = f.right
        return after


# A construction looks at a trigger word: None when it is not there (the next
# construction is tried), else the attribution it found there (or None) and the
# token where reading goes on.
Construction = Callable[[_SentenceReading, int], "tuple[Frame | None, int] | None"]


def _dash(r: _SentenceReading, i: int) -> tuple[Frame | None, int] | None:
    """'"..." ― Sonya Herridge': a dash right after a quotation."""
    S = r.S
    if S.w[i] in r.lex.rules.dashes and i > 0 and S.q[i - 1] >= 0 and S.q[i] < 0:
        f = _dash_attribution(r.lex, S, i)
        if f is not None:
            return f, f.right
    return None


def _appearance(r: _SentenceReading, i: int) -> tuple[Frame | None, int] | None:
    """ "Melania seems to have vanished": a verb of appearance, no source named."""
    S = r.S
    if S.q[i] < 0 and S.low[i] in r.lex.rules.evidential:
        info = (S.low[i], "evidential", "present")
        f = _unattributed(r.lex, S, i, i + 1, info, r.lo)
        if f is not None:
            return f, f.right
    return None


def _hearsay_adverb(r: _SentenceReading, i: int) -> tuple[Frame | None, int] | None:
    """ "The FBI is reportedly making arrangements to ...", "he allegedly
    brandished a pistol": an adverb of hearsay between a subject and its
    predicate, no source named (unless a cue follows: "Trump reportedly said")."""
    lex, S = r.lex, r.S
    if S.q[i] >= 0 or S.low[i] not in lex.grammar.hearsay_adverbs or not S.w[i].islower():
        return None
    if i > 0 and (S.w[i - 1] in lex.grammar.possessive_marks or S.low[i - 1] in lex.dets):
        return None  # "Trump's seemingly confused messages": it modifies an adjective
    j = i + 1
    while j < S.n and S.low[j] in lex.aux and S.q[j] < 0:
        j += 1  # "reportedly has been"
    if j >= S.n or S.q[j] >= 0 or not S.w[j].isalpha():
        return None
    if S.low[j] in lex.rules.cue_first and cue_at(lex, S, j) is not None:
        return None  # the cue that follows attributes
    subject = _proposition_subject(lex, S, skip_left(lex, S, i, r.lo), r.lo)
    if subject is None:
        return None
    a, b = trim(lex, S, i + 1, boundary(lex, S, i + 1, S.n))
    if sentence_words(S, a, b) < 2:
        return None
    f = Frame(S, i, i + 1, S.low[i], "evidential", "adverb", None, Attribution.EVIDENTIAL, i, i + 1)
    f.pieces = [subject, (a, b)]
    return f, i + 1


def _nominal_cue(r: _SentenceReading, i: int) -> tuple[Frame | None, int] | None:
    """ "Trump's claim that ...": a noun whose possessor is the source."""
    S = r.S
    if S.q[i] < 0 and S.low[i] in r.lex.rules.nominal:
        f = _nominal(r.lex, S, i, r.lo) or _nominal_object(r, i)
        if f is not None:
            return f, f.right
    return None


def _document_opening(r: _SentenceReading, i: int) -> tuple[Frame | None, int] | None:
    """ "In an NBC News poll released Monday, 50 percent chose Clinton", "In his
    book, ...": a phrase opening the sentence that names a document or a speech
    is the source of the clause after its comma (unless a cue in that clause
    names its own source: "In a statement, the ministry said ...")."""
    lex, S = r.lex, r.S
    if S.low[i] not in lex.grammar.document_prepositions or S.q[i] >= 0:
        return None
    if any(S.low[x] not in lex.openers and S.w[x] != "," for x in range(r.lo, i)):
        return None
    np_ = np_forward(lex, S, i + 1, S.n)
    if np_ is None or S.low[np_[1] - 1] not in lex.documents_and_speeches:
        return None
    comma = next((x for x in range(np_[1], min(S.n, np_[1] + 12)) if S.w[x] == ","), None)
    if comma is None or any(
        S.q[x] >= 0
        or S.low[x] in lex.grammar.auxiliaries_with_do
        or (S.low[x] in lex.rules.cue_first and cue_at(lex, S, x) is not None)
        for x in range(np_[1], comma)
    ):
        return None
    if sentence_words(S, comma + 1, S.n) < 3:
        return None
    m = mention(lex, S, *np_)
    f = Frame(
        S, i, i + 1, "in", "source", "preposition", m, Attribution.SOURCE_PREPOSITION, i, comma
    )
    return f, comma


def _poll_source(r: _SentenceReading, i: int) -> tuple[Frame | None, int] | None:
    """ "Trump leads Cruz by 9 points in the RealClearPolitics average of recent
    polls", "Clinton led Sanders 2-1 in an NBC News poll released Sunday": a poll
    named at the end of a clause without a cue of its own is its source."""
    lex, S = r.lex, r.S
    if S.low[i] not in lex.grammar.document_prepositions or S.q[i] >= 0 or r.frames or i < 3:
        return None
    np_ = np_forward(lex, S, i + 1, S.n)
    if np_ is None:
        return None
    end = np_[1]
    if end + 1 < S.n and S.low[end] in lex.grammar.phrase_prepositions:
        # "the average | of recent Hoosier polls": to the poll noun a few words on
        more = next(
            (
                x + 1
                for x in range(end + 1, min(S.n, end + 5))
                if S.low[x] in lex.grammar.poll_nouns
            ),
            None,
        )
        if more is not None and all(S.w[x][:1].isalnum() and S.q[x] < 0 for x in range(end, more)):
            end = more
    if S.low[end - 1] not in lex.grammar.poll_nouns:
        return None
    after = S.low[end] if end < S.n else "."
    if after[:1].isalnum() and not (after.endswith("ed") or after in lex.time):
        return None  # "in the average town": the noun goes on
    rest = [x for x in range(end, S.n) if S.w[x][:1].isalnum()]
    if len(rest) > 4 or any(S.q[x] >= 0 for x in range(end, S.n)):
        return None  # "... in a poll released Sunday" may follow, nothing more
    start = r.lo
    while start < i and (S.low[start] in lex.openers or S.w[start] == ","):
        start += 1
    if sentence_words(S, start, i) < 3 or any(
        S.q[x] >= 0 or (S.low[x] in lex.rules.cue_first and cue_at(lex, S, x) is not None)
        for x in range(start, i)
    ):
        return None
    m = mention(lex, S, np_[0], end)
    f = Frame(S, i, i + 1, "in", "source", "preposition", m, Attribution.SOURCE_PREPOSITION, i, end)
    return f, S.n  # its content, the clause before it, is found with the others'


def _colon_introduction(r: _SentenceReading, i: int) -> tuple[Frame | None, int] | None:
    """'McConnell delivered a blunt message to Trump: "..."', "Cruz continued:"
    ending a paragraph before a quoted one: a clause that ends in a colon before
    a quotation, with no cue of its own, introduces the quotation; its subject
    is the speaker."""
    S = r.S
    if S.w[i] not in r.lex.grammar.introducing_marks or S.q[i] >= 0 or r.frames:
        return None
    named = _name_before_colon(r.lex, S, i)
    if named is not None:
        return named, i + 1
    quoted_next = i + 1 < S.n and S.q[i + 1] >= 0
    if not quoted_next and not all(
        S.w[x] in r.lex.grammar.sentence_closers for x in range(i + 1, S.n)
    ):
        return None
    f = _introducing_clause(r.lex, S, i)
    return (f, i + 1) if f is not None else None


def _name_before_colon(lex: Lex, S: Sent, i: int) -> Frame | None:
    """ "Graham: Trump's rhetoric is destroying the party's chances", "Lynch: No
    outside influence on FBI probe": a headline that opens with a name and a
    colon gives the words after it to the name. Not a label ("Update:",
    "Related:") nor a dateline in capitals ("KABUL:")."""
    if not 1 <= i <= 3 or sentence_words(S, i + 1, S.n) < 3:
        return None
    words = S.w[:i]
    if (
        any(not nameish(lex, S, x) for x in range(i))
        or any(w.lower() in lex.grammar.headline_labels for w in words)
        or (i == 1 and words[0].isupper())
    ):
        return None
    m = mention(lex, S, 0, i)
    if m is None or m.name is None or (i == 1 and not _named_in_full(S, words[0])):
        return None  # "Afghanistan: This week marked ...": a heading
    return Frame(S, i, i + 1, ":", "speech", "colon", m, Attribution.COLON_INTRODUCTION, 0, i)


def _named_in_full(S: Sent, word: str) -> bool:
    """Whether the document names ``word`` with another name beside it ("Lindsey
    Graham" for "Graham", "Hillary Clinton" for "Hillary"): a person, not a
    place or a topic heading."""
    w = re.escape(word)
    return re.search(rf"[A-Z][\w.'-]* {w}\b|\b{w} [A-Z][a-z]", S.text) is not None


def _introducing_clause(lex: Lex, S: Sent, i: int) -> Frame | None:
    """The attribution of a clause ending at the colon ``i``: its subject, a
    person, organisation or document ("the headline reads:"), then a short
    predicate that starts with a verb (not a form of "be" or "have": "The
    question is:") and holds no quotation or comma."""
    np_ = clause_subject(lex, S, i)
    if np_ is None or not np_[1] < i <= np_[1] + 10:
        return None
    k, j = np_
    first = S.low[j]
    if (
        not (S.w[j].isalpha() and S.w[j].islower())
        or first in lex.grammar.auxiliaries_with_do
        or first in lex.preps
        or first in lex.dets
        or first in lex.grammar.not_object
        or any(S.q[x] >= 0 or S.w[x] in lex.grammar.clause_edges for x in range(j, i))
    ):
        return None
    m = mention(lex, S, k, j)
    if m is None or not (m.strong or plain_head(lex, S, m)):
        return None
    return Frame(S, j, i, first, "speech", "colon", m, Attribution.COLON_INTRODUCTION, k, i)


def _verb_cue(r: _SentenceReading, i: int) -> tuple[Frame | None, int] | None:
    """A reporting verb (or source preposition) outside the quotations: passive
    with or without its agent, else in its reporting use with the speaker that
    :func:`toolkit.quotes.speaker.attribute` finds."""
    lex, S = r.lex, r.S
    if S.q[i] >= 0 or S.low[i] not in lex.rules.cue_first:
        return None, i + 1
    hit = cue_at(lex, S, i)
    if hit is None:
        return None, i + 1
    cj, info = hit
    f = (
        _passive_agent(lex, S, i, cj, info, r.lo)
        or _unattributed(lex, S, i, cj, info, r.lo)
        or _asked_without_asker(lex, S, i, cj, info, r.lo)
    )
    if f is not None:
        return f, max(cj, f.right)
    if reporting_use(lex, S, i, cj, info):
        f = attribute(Cue(lex, S, i, cj, info, r.frames, r.lo, r.known))
        if f is not None:
            f.negated = is_negated(lex, S, i)
            return f, max(cj, f.right)
    return None, cj


def _with_content(lex: Lex, S: Sent, frames: list[Frame]) -> list[Frame]:
    """Give the frames their content; a cue that reports nothing ("a curfew would
    continue", "it added 255,000 jobs") does not end the content of the cue
    before it, so the content is assigned again without it. Such cues are left
    out one at a time from the right, as each may have cut short the one before
    it ("announced it added 255,000 jobs": "announced" reports "it added ...")."""
    if not frames:
        return frames
    preset = [list(f.pieces) for f in frames]
    assign_content(lex, S, frames)
    while True:
        # a cue that ends its sentence with a colon reports the next paragraph
        idle = [
            n
            for n, f in enumerate(frames)
            if not (f.pieces or preset[n] or introduces_next(lex, S, f))
        ]
        if not idle:
            break
        drop = idle[-1]
        frames, preset = frames[:drop] + frames[drop + 1 :], preset[:drop] + preset[drop + 1 :]
        for f, pieces in zip(frames, preset, strict=True):
            f.pieces, f.quote_before = list(pieces), -1
        assign_content(lex, S, frames)
    return outermost(lex, frames)


def _passive_agent(
    lex: Lex, S: Sent, i: int, j: int, info: tuple[str, str, str], lo: int
) -> Frame | None:
    """A passive cue with its agent: "The nominee has been endorsed by dozens of
    papers", "The issue was first reported by The Washington Post". The agent is
    the source; the subject of the clause is what it said or judged."""
    lemma, klass, form = info
    if klass in ("quotation", "reply", "source") or form not in ("past", "participle"):
        return None
    if j + 1 >= S.n or S.low[j] != "by" or S.q[j + 1] >= 0:
        return None
    x = skip_left(lex, S, i, lo)
    while x - 1 >= lo and S.low[x - 1] in lex.rules.passive:
        x -= 1  # "has been", "is being"
        x = skip_left(lex, S, x, lo)
    if not any(S.low[y] in lex.rules.passive for y in range(x, i)):
        return None
    subject = np_back(lex, S, x, lo)
    if subject is None or not at_clause_edge(lex, S, subject[0], lo):
        subject = clause_subject(lex, S, x)
        if subject is None or subject[1] != x:
            return None
    np_ = np_forward(lex, S, j + 1, S.n)
    if np_ is None:
        return None
    m = mention(lex, S, *np_)
    if m is None or not (m.strong or m.kind == "pronoun"):
        return None
    f = Frame(S, i, j, lemma, klass, form, m, Attribution.PASSIVE_AGENT, i, m.j, True)
    f.pieces.append(subject)
    f.negated = is_negated(lex, S, i)
    return f


def _nominal(lex: Lex, S: Sent, i: int, lo: int) -> Frame | None:
    """A noun that attributes what follows it to its possessor: "Trump's claim that
    the election was rigged", "her plan to raise taxes", "the union's support for
    Clinton", "Obama's bet is that ..."."""
    kind = lex.rules.nominal[S.low[i]]
    if S.w[i][:1].isupper() and i > 0:
        return None
    possessor = _possessor(lex, S, i, lo)
    if possessor is None:
        return None
    p, m = possessor
    content = _nominal_content(lex, S, i)
    if content is None:
        return None
    a, b = content
    f = Frame(
        S, i, i + 1, S.low[i], f"nominal {kind}", "noun", m, Attribution.NOMINAL_CUE, p, i + 1
    )
    f.pieces = [(a, b)]
    return f


def _nominal_object(r: _SentenceReading, i: int) -> Frame | None:
    """A noun cue that is the object of a verb ("raised concerns that ...", "made
    comments about foreign policy", "avoided direct criticism of Trump"): the
    subject of the verb is the source, found as a verb cue's speaker is."""
    lex, S = r.lex, r.S
    if S.w[i][:1].isupper() or (i + 1 < S.n and S.low[i + 1] in lex.rules.nominal):
        return None
    content = _nominal_content(lex, S, i)
    if content is None:
        return None
    a, b = content
    if S.low[a] == "to" and a + 1 < S.n and S.low[a + 1] in lex.dets:
        return None  # "made a call to the police": a direction, not an infinitive
    kind = lex.rules.nominal[S.low[i]]
    f = None
    # the verb, before a determiner and adjectives ("launched renewed attacks on")
    for v in range(max(r.lo + 1, i - 3), i):
        if not _verb_form(lex, S, v) or not all(_noun_modifier(lex, S, x) for x in range(v + 1, i)):
            continue
        cue = Cue(lex, S, v, i + 1, (S.low[i], kind, "past"), r.frames, r.lo, r.known)
        f = attribute(cue)
        if f is not None and f.speaker is not None:
            break
    if f is None or f.speaker is None:
        return None
    out = Frame(
        S,
        v,
        i + 1,
        S.low[i],
        f"nominal {kind}",
        "noun",
        f.speaker,
        Attribution.NOMINAL_CUE,
        f.left,
        i + 1,
    )
    out.pieces = [(a, b)]
    return out


def _noun_modifier(lex: Lex, S: Sent, x: int) -> bool:
    """A determiner or an adjective before a noun ("a", "direct", "renewed")."""
    t = S.low[x]
    if S.q[x] >= 0 or not S.w[x].isalpha() or not S.w[x].islower():
        return False
    return t in lex.grammar.articles or not (t in lex.stop or t in lex.aux or t in lex.preps)


def _verb_form(lex: Lex, S: Sent, x: int) -> bool:
    """Whether the word at ``x`` reads as a verb taking a noun cue as its object
    whose subject is the source: a form in -ed, -s or -ing, or a support verb
    ("made", "has", "gave"), but not a verb of receiving ("faced criticism")."""
    t = S.low[x]
    if S.q[x] >= 0 or not S.w[x].isalpha() or not S.w[x].islower():
        return False
    if t in lex.grammar.receiving_verbs:
        return False
    if t in lex.grammar.support_verbs:
        return True
    if t in lex.stop or t in lex.preps or t in lex.nouns or t in lex.time:
        return False
    return t.endswith(("ed", "es", "ing")) or (t.endswith("s") and not t.endswith("ss"))


def _possessor(lex: Lex, S: Sent, i: int, lo: int) -> tuple[int, Mention] | None:
    """The possessor of the noun at ``i`` ("Trump's", "the union's", "her"), with
    up to two modifiers between them: where it ends, and its mention."""
    p = i - 1
    while (
        p >= lo
        and p > i - 3
        and S.w[p].isalpha()
        and S.w[p].islower()
        and (S.low[p] not in lex.stop and S.low[p] not in lex.dets and S.low[p] not in lex.aux)
    ):
        p -= 1
    if p < lo or S.q[p] >= 0:
        return None
    if S.low[p] in lex.grammar.possessive_pronouns and S.w[p] not in lex.grammar.possessive_marks:
        return p, pronoun_mention(lex, S, p, lex.grammar.possessive_pronouns[S.low[p]])
    if S.w[p] not in lex.grammar.possessive_marks:
        return None
    np_ = np_back(lex, S, p, lo)
    if np_ is None:
        return None
    m = mention(lex, S, *np_)
    if m is None or not (m.strong or plain_head(lex, S, m)) or m.kind == "document":
        return None
    return p, m


def _nominal_content(lex: Lex, S: Sent, i: int) -> tuple[int, int] | None:
    """The content of the nominal cue at ``i``, from where it starts to the
    end of its clause (None: none, or a single word)."""
    start = _nominal_content_start(lex, S, i)
    if start is None:
        return None
    a, b = trim(lex, S, start, boundary(lex, S, start, S.n))
    return (a, b) if sentence_words(S, a, b) >= 2 else None


def _nominal_content_start(lex: Lex, S: Sent, i: int) -> int | None:
    """Where the content of the nominal cue at ``i`` starts: a that-clause, an
    infinitive or a prepositional object (None: it has none)."""
    r = i + 1
    if r < S.n and S.low[r] in ("is", "was") and r + 1 < S.n and S.low[r + 1] == "that":
        r += 1  # "Obama's bet is that ..."
    if r >= S.n or (S.q[r] >= 0 and S.low[r] not in ("that", "to")):
        return None
    nxt = S.low[r]
    if nxt == "to":
        if r + 1 >= S.n or not S.w[r + 1].islower():
            return None  # "his support to Clinton": not an infinitive
        return r
    if nxt == "that":
        if r + 1 >= S.n or not _subject_start(lex, S, r + 1):
            return None  # "his plan that matches his rhetoric": a relative clause
        return r
    if nxt in lex.grammar.nominal_object_prepositions:
        return r + 1
    return None


def _subject_start(lex: Lex, S: Sent, k: int) -> bool:
    """Whether token ``k`` can start the subject of a clause (after a complement
    "that"): a determiner, pronoun, name or number, not a verb ("that matches")."""
    t = S.low[k]
    return (
        S.q[k] >= 0
        or t in lex.dets
        or t in lex.pronouns
        or t in lex.grammar.quantifiers
        or (t in lex.grammar.dummy_subjects and t not in lex.grammar.relatives)
        or nameish(lex, S, k)
        or t[:1].isdigit()
        or t in lex.nouns
    )


def _unattributed(
    lex: Lex, S: Sent, i: int, j: int, info: tuple[str, str, str], lo: int
) -> Frame | None:
    """A proposition presented without its source: a passive cue without agent
    ("The veto is expected to come on Friday", "He is considered a favourite") or a
    verb of appearance ("Melania seems to have vanished"). Two pieces, the subject
    and the predicate, and no speaker."""
    lemma, klass, form = info
    evidential = klass == "evidential"
    if not evidential and (j - i != 1 or S.low[i] not in lex.rules.unattributed):
        return None
    if j >= S.n or S.q[j] >= 0:
        return None
    x = skip_left(lex, S, i, lo)
    if evidential:
        if x - 1 >= lo and S.low[x - 1] == "it" and at_clause_edge(lex, S, x - 1, lo):
            return _impersonal_appearance(lex, S, i, j, info)
        if not _evidential_complement(lex, S, i, j, lemma):
            return None
    else:
        while x - 1 >= lo and S.low[x - 1] in lex.rules.passive:
            x -= 1
            x = skip_left(lex, S, x, lo)
        if not any(S.low[y] in lex.rules.passive for y in range(x, i)):
            return None
        if S.low[j] not in lex.grammar.unattributed_complements:
            return None  # "is expected to", "is seen as", "was accused of"
    if S.low[j] == "as" and S.low[j + 1 : j + 2] == ["well"]:
        return None  # "were admitted as well as"
    subject = _proposition_subject(lex, S, x, lo)
    if subject is None:
        return None
    end = boundary(lex, S, j, S.n)
    a, b = trim(lex, S, j, end)
    if sentence_words(S, a, b) < (1 if evidential else 2):
        return None  # "the team appeared paralyzed": one word is what appears
    rule = Attribution.EVIDENTIAL if evidential else Attribution.PASSIVE_WITHOUT_AGENT
    f = Frame(S, i, j, lemma, klass, form, None, rule, i, j)
    f.pieces = [subject, (a, b)]
    f.negated = is_negated(lex, S, i)
    return f


def _impersonal_appearance(
    lex: Lex, S: Sent, i: int, j: int, info: tuple[str, str, str]
) -> Frame | None:
    """ "It appears that the talks failed", "it seems likely that ...", "it may
    seem easy to ...": a verb of appearance with a dummy "it" presents what
    follows it (perhaps after an aside between commas: "It appears, though,
    that ...") as a proposition without a source. One piece, no speaker."""
    k = j
    if k < S.n and S.w[k] == "," and S.q[k] < 0:
        close = next((x for x in range(k + 1, min(S.n, k + 5)) if S.w[x] == ","), None)
        if close is None or any(S.q[x] >= 0 for x in range(k, close)):
            return None
        k = close + 1
    if k >= S.n or S.q[k] >= 0:
        return None
    nxt = S.low[k]
    if not (
        nxt == "that"
        or nxt in lex.grammar.evidential_complements
        or (S.w[k].isalpha() and S.w[k].islower() and nxt not in lex.preps and nxt not in lex.dets)
    ):
        return None  # "it appeared on television"
    a, b = trim(lex, S, k, boundary(lex, S, k, S.n))
    if sentence_words(S, a, b) < 2:
        return None
    lemma, klass, form = info
    f = Frame(S, i, j, lemma, klass, form, None, Attribution.EVIDENTIAL, i, j)
    f.pieces = [(a, b)]
    f.negated = is_negated(lex, S, i)
    return f


def _evidential_complement(lex: Lex, S: Sent, i: int, j: int, lemma: str) -> bool:
    """Whether what follows the verb of appearance at ``i`` is what appears:
    "seems to", "appears as", "looks like", "seemed confident", "appeared
    paralyzed", but not "appears alongside", "appeared on television" or
    "appeared to suggest" (where the cue that follows attributes)."""
    nxt = S.low[j]
    if (
        nxt == "to"
        and j + 1 < S.n
        and S.low[j + 1] in lex.rules.cue_first
        and cue_at(lex, S, j + 1) is not None
    ):
        return False
    if nxt in lex.grammar.evidential_complements:
        return True
    if nxt in lex.grammar.not_object or not S.w[j].isalpha():
        return False
    if lemma.startswith("seem"):
        return True
    # "appeared likely to", "appears ready": an adjective or participle, not a
    # preposition, determiner, time word or adverb ("appeared briefly at")
    after = S.low[j + 1] if j + 1 < S.n else "."
    return (
        S.w[j].islower()
        and nxt not in lex.preps
        and nxt not in lex.dets
        and nxt not in lex.time
        and not (nxt.endswith("ly") and after != "to" and after[:1].isalpha())
    )


def _proposition_subject(lex: Lex, S: Sent, x: int, lo: int) -> tuple[int, int] | None:
    """The subject of a proposition presented without its source, ending at
    ``x``: a noun phrase that starts its clause (with the names coordinated with
    it); not a dummy "it" or "there"."""
    x = _before_aside(lex, S, x, lo)
    if x - 1 > lo and S.low[x - 1] in _PREDICATE_COORDINATORS and S.q[x - 1] < 0:
        # "Trump held a sizable lead and appeared poised to win": the subject of
        # the first predicate
        subject = clause_subject(lex, S, x - 1)
        if subject is None or any(S.w[y] == "," for y in range(subject[1], x - 1)):
            return None
        return subject
    subject = np_back(lex, S, x, lo)
    while (
        subject is not None
        and subject[0] - 1 > lo
        and S.low[subject[0] - 1] in lex.grammar.phrase_prepositions
        and S.q[subject[0] - 1] < 0
    ):
        head = np_back(lex, S, subject[0] - 1, lo)  # "the character of | the race"
        if head is None:
            break
        subject = head[0], subject[1]
    if subject is None or not at_clause_edge(lex, S, subject[0], lo):
        subject = clause_subject(lex, S, x)
        if subject is None or subject[1] != x:
            return None
    subject = coordinated(lex, S, subject, lo)[:2]
    if S.low[subject[0]] in lex.grammar.dummy_subjects:
        return None  # "it seems that ...": the predicate alone is no proposition
    return subject


_PREDICATE_COORDINATORS = ("and", "but")


def _before_aside(lex: Lex, S: Sent, x: int, lo: int) -> int:
    """Where the subject before ``x`` ends, past an aside between commas: a
    single word ("Democrats, too, appeared") or a relative clause ("John Oliver,
    who hosts the show, appeared")."""
    if not (x - 1 > lo and S.w[x - 1] == "," and S.q[x - 1] < 0):
        return x
    c = x - 2
    while c > lo and x - c < 16 and S.w[c] != "," and S.q[c] < 0:
        c -= 1
    if c <= lo or S.w[c] != "," or S.q[c] >= 0:
        return x
    first = S.w[c + 1]
    single = c + 2 == x - 1 and first.isalpha() and first.islower()
    return c if single or S.low[c + 1] in lex.grammar.relative_subjects else x


def _asked_without_asker(
    lex: Lex, S: Sent, i: int, j: int, info: tuple[str, str, str], lo: int
) -> Frame | None:
    """ "when asked about Trump's temperament, he said ...", "when asked to
    leave", "Asked what a commitment looks like, Devine replied": a participle
    of a verb of addressing after a conjunction or opening the sentence reports
    what was asked or told, up to the comma that ends the clause; who asked is
    not named."""
    lemma, klass, form = info
    g = lex.grammar
    verb = lemma.replace("_", " ").split()[0]  # "ask" of "ask about"
    if form not in ("past", "participle") or verb not in lex.rules.addressee_verbs:
        return None
    opens = i == 0 and S.w[i][:1].isupper()  # "Asked about it, Devine replied ..."
    after_conjunction = i - 1 >= lo and S.low[i - 1] in g.gerund_after
    if not opens and not (after_conjunction and S.low[i - 1] in g.subject_after):
        return None
    end = j
    while end < S.n and S.q[end] < 0 and S.w[end] not in g.clause_edges:
        end += 1
    a, b = trim(lex, S, j, end)
    if sentence_words(S, a, b) < 1 or (end < S.n and S.q[end] >= 0):
        return None
    # the clause is an adjunct of the main one: its reading position stays where
    # it was, so the main cue still finds the subject before it ("Ted Cruz, when
    # asked what is wrong, responded that ...")
    f = Frame(S, i, j, lemma, klass, form, None, Attribution.PASSIVE_WITHOUT_AGENT, i, lo)
    f.pieces = [(a, b)]
    return f


def _dash_attribution(lex: Lex, S: Sent, i: int) -> Frame | None:
    """'"..." ― Sonya Herridge': a name after a dash that ends the sentence."""
    np_ = np_forward(lex, S, i + 1, S.n)
    if np_ is None:
        return None
    appo = apposition_after(lex, S, np_[1], S.n)
    end = appo[1] if appo is not None else np_[1]
    if sentence_words(S, end, S.n) > 0:
        return None
    m = mention(lex, S, np_[0], np_[1], role_span=appo)
    if m is None or not m.strong:
        return None
    f = Frame(S, i, i + 1, S.w[i], "speech", "dash", m, Attribution.DASH_ATTRIBUTION, i, end, True)
    return f


# The constructions tried at each trigger word, in this order; the first that
# recognises its construction there decides. A new construction is a function
# here, an entry in this table, its rule in Attribution with a confidence in
# quotes.yaml, and a test (a new way for a verb to find its speaker goes in
# toolkit.quotes.speaker.STRATEGIES instead).
CONSTRUCTIONS: tuple[Construction, ...] = (
    _dash,
    _appearance,
    _hearsay_adverb,
    _nominal_cue,
    _colon_introduction,
    _document_opening,
    _poll_source,
    _verb_cue,
)

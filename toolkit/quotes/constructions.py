"""The attributions of a sentence: every construction tried at each trigger word.

Besides a reporting verb with its speaker (:mod:`.speaker`), a sentence can
attribute by a name after a dash that ends it (``"..." - Sonya Herridge``), a
passive cue with its agent (``was endorsed by the union``) or without one
(``is expected to``), a verb of appearance (``seems to``), or a noun whose
possessor is the source (``Trump's claim that``). :func:`sentence_frames`
tries them in order at each word that can start one, then gives each
attribution its content (:mod:`.content`).
"""

from __future__ import annotations

import bisect
from typing import Any

from .content import assign_content, boundary, outermost, trim
from .cues import Frame, cue_at, is_negated, reporting_use, skip_left
from .document import Sent, sentence_words
from .mentions import coordinated, mention, plain_head, pronoun_mention
from .phrases import apposition_after, at_clause_edge, clause_subject, nameish, np_back, np_forward
from .rules import Attribution, Lex
from .speaker import Cue, attribute

__all__ = ["sentence_frames"]


def sentence_frames(lex: Lex, S: Sent, known: dict[str, Any]) -> list[Frame]:
    frames: list[Frame] = []
    lo = 0
    i = 0
    cue_first = lex.rules.cue_first
    dashes = lex.rules.dashes
    triggers = lex.triggers
    candidates = [x for x, word in enumerate(S.low) if word in triggers]
    if not candidates:
        return frames
    n_cand = len(candidates)
    while True:
        # every other word would only move on to the next one
        k = bisect.bisect_left(candidates, i)
        if k == n_cand:
            break
        i = candidates[k]
        if S.w[i] in dashes and i > 0 and S.q[i - 1] >= 0 and S.q[i] < 0:
            f = _dash_attribution(lex, S, i)
            if f is not None:
                frames.append(f)
                lo = f.right
                i = f.right
                continue
        if S.q[i] < 0 and S.low[i] in lex.rules.evidential:
            f = _unattributed(lex, S, i, i + 1, (S.low[i], "evidential", "present"), lo)
            if f is not None:
                frames.append(f)
                lo = f.right
                i = f.right
                continue
        if S.q[i] < 0 and S.low[i] in lex.rules.nominal:
            f = _nominal(lex, S, i, lo)
            if f is not None:
                frames.append(f)
                lo = f.right
                i = f.right
                continue
        if S.q[i] >= 0 or S.low[i] not in cue_first:
            i += 1
            continue
        hit = cue_at(lex, S, i)
        if hit is None:
            i += 1
            continue
        cj, info = hit
        f = _passive_agent(lex, S, i, cj, info, lo) or _unattributed(lex, S, i, cj, info, lo)
        if f is not None:
            frames.append(f)
            lo = f.right
            i = f.right
            continue
        if reporting_use(lex, S, i, cj, info):
            f = attribute(Cue(lex, S, i, cj, *info, frames, lo, known))
            if f is not None:
                f.negated = is_negated(lex, S, i)
                frames.append(f)
                lo = f.right
                i = max(cj, f.right)
                continue
        i = cj
    if not frames:
        return frames
    preset = [list(f.pieces) for f in frames]
    assign_content(lex, S, frames)
    reporting = [f for f in frames if f.pieces]
    if len(reporting) < len(frames):
        # a cue that reports nothing ("a curfew would continue") does not end the
        # content of the cue before it: assign again without it
        for f, pieces in zip(frames, preset, strict=True):
            f.pieces, f.quote_before = list(pieces), -1
        kept = {id(f) for f in reporting}
        frames = [f for f, pieces in zip(frames, preset, strict=True) if id(f) in kept or pieces]
        assign_content(lex, S, frames)
    return outermost(frames)


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
    # the possessor: "Trump's", "the union's", "her", with up to two modifiers
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
    if S.w[p] in lex.grammar.possessive_marks:
        np_ = np_back(lex, S, p, lo)
        if np_ is None:
            return None
        m = mention(lex, S, *np_)
        if m is None or not (m.strong or plain_head(lex, S, m)) or m.kind == "document":
            return None
    elif S.low[p] in lex.grammar.possessive_pronouns:
        m = pronoun_mention(lex, S, p, lex.grammar.possessive_pronouns[S.low[p]])
    else:
        return None
    # the content: a that-clause, an infinitive or a prepositional object
    r = i + 1
    if r < S.n and S.low[r] in ("is", "was") and r + 1 < S.n and S.low[r + 1] == "that":
        r += 1  # "Obama's bet is that ..."
    if r >= S.n or (S.q[r] >= 0 and S.low[r] not in ("that", "to")):
        return None
    nxt = S.low[r]
    if nxt in ("that", "to"):
        if nxt == "to" and (r + 1 >= S.n or not S.w[r + 1].islower()):
            return None  # "his support to Clinton": not an infinitive
        if nxt == "that" and (r + 1 >= S.n or not _subject_start(lex, S, r + 1)):
            return None  # "his plan that matches his rhetoric": a relative clause
        start = r
    elif nxt in lex.grammar.nominal_object_prepositions:
        start = r + 1
    else:
        return None
    end = boundary(lex, S, start, S.n)
    a, b = trim(lex, S, start, end)
    if sentence_words(S, a, b) < 2:
        return None
    f = Frame(
        S, i, i + 1, S.low[i], f"nominal {kind}", "noun", m, Attribution.NOMINAL_CUE, p, i + 1
    )
    f.pieces = [(a, b)]
    return f


def _subject_start(lex: Lex, S: Sent, k: int) -> bool:
    """Whether token ``k`` can start the subject of a clause (after a complement
    "that"): a determiner, pronoun, name or number, not a verb ("that matches")."""
    t = S.low[k]
    return (
        S.q[k] >= 0
        or t in lex.dets
        or t in lex.pronouns
        or t in lex.grammar.quantifiers
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
    if not evidential:
        while x - 1 >= lo and S.low[x - 1] in lex.rules.passive:
            x -= 1
            x = skip_left(lex, S, x, lo)
        if not any(S.low[y] in lex.rules.passive for y in range(x, i)):
            return None
        if S.low[j] not in lex.grammar.unattributed_complements:
            return None  # "is expected to", "is seen as", "was accused of"
    nxt = S.low[j]
    if (
        evidential
        and nxt == "to"
        and j + 1 < S.n
        and S.low[j + 1] in lex.rules.cue_first
        and cue_at(lex, S, j + 1) is not None
    ):
        return None  # "appeared to suggest": the cue that follows attributes
    if evidential and not (
        nxt in lex.grammar.evidential_complements or (lemma.startswith("seem") and S.w[j].isalpha())
    ):
        return None  # "seems to", "seemed confident", but not "appears alongside"
    if evidential and nxt in lex.grammar.not_object and nxt not in ("to", "as"):
        return None
    if nxt == "as" and S.low[j + 1 : j + 2] == ["well"]:
        return None  # "were admitted as well as"
    subject = np_back(lex, S, x, lo)
    if subject is None or not at_clause_edge(lex, S, subject[0], lo):
        subject = clause_subject(lex, S, x)
        if subject is None or subject[1] != x:
            return None
    subject = coordinated(lex, S, subject, lo)[:2]
    if S.low[subject[0]] in lex.grammar.dummy_subjects:
        return None  # "it seems that ...": the predicate alone is no proposition
    end = boundary(lex, S, j, S.n)
    a, b = trim(lex, S, j, end)
    if sentence_words(S, a, b) < 2:
        return None
    rule = Attribution.EVIDENTIAL if evidential else Attribution.PASSIVE_WITHOUT_AGENT
    f = Frame(S, i, j, lemma, klass, form, None, rule, i, j)
    f.pieces = [subject, (a, b)]
    f.negated = is_negated(lex, S, i)
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

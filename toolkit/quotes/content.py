"""Content spans: what each cue reports.

Step 4 of the reading: the quotation before or after the cue (``direct``), or
the clause, infinitive or object it reports (``indirect``: ``X said (that)
...``, ``..., X said.``, ``according to X, ...``, ``X wants to ...``, ``X
endorsed ...``). Quoted words inside reported content are ``partial``
quotations (``hailed the "defeat" of US troops``). A verb of thought,
intention or stance inside what someone is reported to have said belongs to
that content, not to a second attribution.
"""

from __future__ import annotations

import bisect
import itertools
from typing import NamedTuple

from .cues import Frame, cue_at, skip_adjuncts
from .document import Sent, is_cap, quote_tokens, sentence_words, word_flags
from .phrases import title_words
from .rules import (
    CLAUSAL_CLASSES,
    CLAUSAL_REPORTERS,
    OBJECT_CLASSES,
    SPEECH_CLASSES,
    Attribution,
    Lex,
)

__all__ = ["assign_content", "boundary", "introduces_next", "outermost", "trim"]


_CLAUSE_DASHES = frozenset({"\u2014", "\u2013", "--"})


def boundary(lex: Lex, S: Sent, r: int, hi: int) -> int:
    """Where reported content starting at ``r`` ends."""
    low, w = S.low, S.w
    x = r
    while x < hi:
        if S.q[x] < 0:
            if w[x] == ";":
                return x
            if (w[x] == "," or w[x] in _CLAUSE_DASHES) and _boundary_after(lex, low, x + 1, hi):
                return x  # ", but ...", "— even though ..."
        x += 1
    return hi


def _boundary_after(lex: Lex, low: list[str], x: int, hi: int) -> bool:
    """Whether a clause boundary word ("but", "even though") starts at ``x``."""
    if x >= hi:
        return False
    if low[x] in lex.rules.boundaries:
        return True
    rests = lex.boundary_phrases.get(low[x], ())
    return any(tuple(low[x + 1 : x + 1 + len(rest)]) == rest for rest in rests)


def introduces_next(lex: Lex, S: Sent, f: Frame) -> bool:
    """Whether the cue of ``f`` ends its sentence with a colon ("Cruz said:",
    "In a 1963 speech, he declared:"): it introduces what the next paragraph
    quotes."""
    if f.speaker is None:
        return False
    r = skip_adjuncts(lex, S, f.right, S.n, f.lemma in lex.rules.addressee_verbs)
    if r >= S.n or S.w[r] != ":" or S.q[r] >= 0:
        return False
    return all(S.w[x] in lex.grammar.sentence_closers for x in range(r + 1, S.n))


def trim(lex: Lex, S: Sent, a: int, b: int) -> tuple[int, int]:
    """Drop punctuation (outside quotations) from both ends of a token range."""
    words = word_flags(S)
    while a < b and S.q[a] < 0 and not words[a]:
        a += 1
    while (
        b > a
        and S.q[b - 1] < 0
        and (not words[b - 1] or S.low[b - 1] in lex.grammar.trailing_words)
    ):
        b -= 1
    return a, b


# Attributions whose pieces were set when they were found (a subject and
# perhaps a predicate, or a nominal cue's clause).
_PRESET = frozenset(
    {
        Attribution.PASSIVE_AGENT,
        Attribution.PASSIVE_WITHOUT_AGENT,
        Attribution.EVIDENTIAL,
        Attribution.NOMINAL_CUE,
    }
)


class _After(NamedTuple):
    """What follows a cue: where it starts (``r``, after adjuncts), the content
    span ``[a, b)`` it would be, and what the text there is like."""

    r: int
    a: int
    b: int
    after_comma: bool  # a comma follows the cue ("he said, ...")
    introduced: bool  # a colon, a comma or "that", "whether" ... follows
    tail_words: int  # words outside quotations in the span
    has_quote: bool  # an unclaimed quotation in the span
    first_is_quote: bool


def _content(
    lex: Lex, S: Sent, f: Frame, lo: int, hi: int, claimed: set[int], before_lo: int = -1
) -> None:
    """The pieces of text a frame reports: the quotation before it, what follows
    it, or the clause before it when it comes last (which may start before
    ``lo``, at ``before_lo``, over cues of thought or stance it reports)."""
    if f.rule in _PRESET:
        for piece in f.pieces:
            _claim(S, piece, claimed)
        return
    _quotation_before(lex, S, f, lo, claimed)
    after = _what_follows(lex, S, f, hi, claimed)
    if f.quote_before >= 0 or f.klass == "quotation":
        # '"A," he said, "B."' takes the second quotation too; anything else after
        # it (", adding that ...") belongs to another cue. A verb that attributes
        # only quotations takes the one after it.
        if after.first_is_quote and (after.after_comma or f.quote_before < 0):
            f.pieces.append(quote_tokens(S, after.a))
            claimed.add(S.q[after.a])
        return
    rel = _relative_object(lex, S, f, after)
    if rel is not None:
        # "the bill, which critics said was unfair": the relative pronoun stands
        # for what was said, and the predicate after the cue completes it
        f.pieces.append((rel, rel + 1))
        if after.tail_words >= 1 and not after.after_comma:
            # the relative clause ends at a comma ("..., which critics said was
            # unfair, failed")
            b = next((x for x in range(after.a, after.b) if S.w[x] == "," and S.q[x] < 0), after.b)
            a, b = trim(lex, S, after.a, b)
            if a < b:
                f.pieces.append((a, b))
                _claim(S, (a, b), claimed)
        return
    if _takes_what_follows(lex, S, f, lo, after):
        f.pieces.append((after.a, after.b))
        _claim(S, (after.a, after.b), claimed)
        if f.klass == "source" and not _clause_start(lex, S, f.left, lo):
            _clause_before(lex, S, f, lo, before_lo, after.after_comma, claimed)
            return  # "The implication, according to the aide, is that ..."
        if not after.after_comma or f.klass == "source":
            return
    elif (
        after.tail_words > 0
        and f.klass != "source"
        and not after.after_comma
        and not _adjunct_after(lex, S, f, lo, after)
    ):
        return  # the cue has an object that is not reported content
    if f.klass in OBJECT_CLASSES:
        return  # "..., she supported." reports nothing before the verb
    _clause_before(lex, S, f, lo, before_lo, after.after_comma, claimed)


def _relative_object(lex: Lex, S: Sent, f: Frame, t: _After) -> int | None:
    """The relative pronoun before the speaker of a verb of saying or thought
    whose clause it stands in ("which critics said was unfair", "what many
    analysts believe is a sign", "a deadline that insiders said went
    unnoticed"): its token, or None. No subject may follow the cue ("argued
    that Clinton believes the war ..." is a complement clause); what follows the cue must be a predicate (or nothing)."""
    k = f.left - 1
    if (
        k < 0
        or f.speaker is None
        or f.inverted
        or f.quote_before >= 0
        or f.ci <= f.left
        or f.form not in ("present", "past")
        or f.lemma in lex.grammar.naming_verbs
        or not (f.klass in SPEECH_CLASSES or f.klass in CLAUSAL_CLASSES)
        or f.klass == "source"
        or S.q[k] >= 0
        or S.low[k] not in lex.grammar.relative_objects
        or (t.a < t.b and S.q[t.a] >= 0)
    ):
        return None
    before = S.low[k - 1] if k > 0 else ""
    if (
        (before in lex.preps and S.low[k] != "what")
        or before in lex.rules.cue_first
        or before in lex.aux
    ):
        # "in which students alleged", "announces who it believes ..."; but "what"
        # is the whole object of a preposition ("adapt to what she said is ...")
        return None
    first = S.low[t.a] if t.a < t.b else ""
    gap = (
        t.a >= t.b
        or first in lex.grammar.auxiliaries_with_do
        or (
            S.w[t.a].islower()
            and first.endswith(("ed", "s"))
            and first not in lex.nouns
            and first not in lex.not_name
        )
    )
    return k if gap else None


def _claim(S: Sent, piece: tuple[int, int], claimed: set[int]) -> None:
    """Mark the quotations in a piece as reported by a frame."""
    claimed.update(S.q[x] for x in range(*piece) if S.q[x] >= 0)


def _quotation_before(lex: Lex, S: Sent, f: Frame, lo: int, claimed: set[int]) -> None:
    """The quotation just before the cue: '"...," he said'."""
    p = f.left - 1
    if p >= lo and S.w[p] == "," and S.q[p] < 0:
        p -= 1
    if (
        f.quote_before < 0
        and f.klass != "source"
        and p >= lo
        and S.q[p] >= 0
        and S.q[p] not in claimed
        and not _title_quote(lex, S, *quote_tokens(S, p))
    ):
        f.pieces.append(quote_tokens(S, p))
        f.quote_before = S.q[p]
        claimed.add(S.q[p])


def _what_follows(lex: Lex, S: Sent, f: Frame, hi: int, claimed: set[int]) -> _After:
    """The span after the cue, past the person addressed and adjuncts, to where
    reported content would end."""
    low, w = S.low, S.w
    if f.rule == Attribution.EVIDENCE_PARTICIPLE:
        # "polls showing her well behind, Clinton campaigned": the phrase ends at a comma
        hi = next((x for x in range(f.right, hi) if w[x] == "," and S.q[x] < 0), hi)
    r = skip_adjuncts(lex, S, f.right, hi, f.lemma in lex.rules.addressee_verbs)
    after_comma = r < hi and w[r] == "," and S.q[r] < 0
    introduced = r < hi and S.q[r] < 0 and (w[r] in (":", ",") or low[r] in lex.grammar.introducers)
    if r < hi and w[r] in (":", ",") and S.q[r] < 0:
        r += 1
    a, b = trim(lex, S, r, boundary(lex, S, r, hi))
    tail_words = sentence_words(S, a, b, inside=False) if a < b else 0
    has_quote = any(S.q[x] >= 0 and S.q[x] not in claimed for x in range(a, b))
    first_is_quote = a < b and S.q[a] >= 0
    return _After(r, a, b, after_comma, introduced, tail_words, has_quote, first_is_quote)


def _takes_what_follows(lex: Lex, S: Sent, f: Frame, lo: int, t: _After) -> bool:
    """Whether the span after the cue is what it reports."""
    low, w, a = S.low, S.w, t.a
    if not (a < t.b and (t.has_quote or t.tail_words >= (1 if f.klass in OBJECT_CLASSES else 2))):
        return False
    comma_before = f.left - 1 >= lo and w[f.left - 1] == ","
    if S.q[a] < 0 and _adjunct_start(lex, S, f, t, comma_before):
        return False
    if not t.after_comma and S.q[a] < 0 and low[a] in lex.grammar.auxiliaries_with_do:
        return False  # "Everything Trump says is a lie": the cue is in a relative clause
    if (
        f.klass == "reply"
        and f.rule != Attribution.PARTICIPLE
        and not (t.introduced or t.first_is_quote)
    ):
        return False  # "add $84 billion", "respond to requests"
    if f.inverted and f.klass != "source" and not t.first_is_quote:
        if not t.after_comma:
            return False  # "said the official on Monday" followed by more words
        if comma_before:
            return False  # "..., said Jeffrey Trimble, a senior official with ..."
    # "..., according to X." reports what comes before; "X, according to Y, Z"
    # both sides (see _content)
    return (
        f.klass != "source" or _clause_start(lex, S, f.left, lo) or _enclosed_source(lex, f, t, lo)
    )


def _enclosed_source(lex: Lex, f: Frame, t: _After, lo: int) -> bool:
    """ "The implication, according to the aide, is that ...": a source
    preposition between commas inside its clause, which it interrupts; it
    reports the clause on both sides (but not a clause that follows it: ",
    according to the poll, although ...")."""
    S = f.S
    return (
        f.klass == "source"
        and t.after_comma
        and not _boundary_after(lex, S.low, t.a, t.b)
        and f.left - 1 > lo
        and S.w[f.left - 1] == ","
        and S.q[f.left - 1] < 0
    )


def _adjunct_after(lex: Lex, S: Sent, f: Frame, lo: int, t: _After) -> bool:
    """ "This is not about me, Obama told his advisers as he labored over the
    speech": after a verb of saying, an adjunct clause follows, so what was
    said comes before."""
    return (
        f.klass in SPEECH_CLASSES
        and t.a < t.b
        and S.q[t.a] < 0
        and _adjunct_start(lex, S, f, t, f.left - 1 >= lo and S.w[f.left - 1] == ",")
    )


def _adjunct_start(lex: Lex, S: Sent, f: Frame, t: _After, comma_before: bool) -> bool:
    """Whether the span after the cue starts an adjunct clause or a second
    subject ("said when she resigned", "reported from Midway, and ..."); but
    not "have not said when they would", "asked where", nor "Lenox was a
    juggernaut, Mr. Clarke said, until it went bankrupt"."""
    word = S.low[t.a]
    if word not in lex.grammar.not_content_start or word == "if":
        return False
    question = t.a == t.r and (f.negated or f.lemma in lex.grammar.question_verbs)
    if question and word in ("when", "where"):
        return False
    interrupting = t.after_comma and comma_before
    return not (interrupting and word in lex.grammar.subordinate_continuations)


def _clause_before(
    lex: Lex,
    S: Sent,
    f: Frame,
    lo: int,
    before_lo: int,
    after_comma: bool,
    claimed: set[int],
) -> None:
    """The clause before the cue: "..., the official said." / "..., according to
    X." / "The Taliban, he said, had changed."."""
    low, w = S.low, S.w
    c = f.left - 1
    quoted = c >= lo and S.q[c] >= 0 and f.klass == "source"  # '"...," according to X'
    if not (c >= lo and (w[c] == "," or f.klass == "source") and (S.q[c] < 0 or quoted)):
        return
    if f.rule == Attribution.COLON_INTRODUCTION:
        return  # "On July 6, 2015, Sanders made this comment:" reports what follows
    start = lo if before_lo < 0 or f.klass not in SPEECH_CLASSES else min(lo, before_lo)
    while start < c and (low[start] in lex.openers or w[start] == ","):
        start += 1
    if (
        (low[start] in lex.intro or low[start] in lex.grammar.not_content_start)
        and not (after_comma and _reported_opening(lex, S, start, c, lo))
        and not any(w[x] == "," and S.q[x] < 0 for x in range(start, c))
    ):
        # "When Congress cut funding, Mexico said ..." is not reported, but "At one
        # point, she said, she ..." is: the cue interrupts the clause
        return
    a, b = trim(lex, S, start, c + (0 if w[c] == "," and not quoted else 1))
    words = sentence_words(S, a, b) if a < b else 0
    if words >= (1 if f.pieces and after_comma else 2 if f.pieces else 3):
        f.pieces.insert(0, (a, b))
        _claim(S, (a, b), claimed)


def _reported_opening(lex: Lex, S: Sent, a: int, b: int, lo: int) -> bool:
    """Whether the opening phrase ``[a, b)`` of a sentence whose cue interrupts
    it ("At one point, she said, she ...", "If the talks fail, he said, ...") is
    part of what is reported: it opens the sentence in capitals, and does not
    set the scene of the saying ("In a statement Thursday, she said, ...", "At a
    rally, he said, ...", "Asked about it, ...")."""
    words = range(a, b)
    return (
        lo == 0
        and is_cap(S.w[a])
        and not S.low[a].endswith(("ing", "ed"))
        and not (a + 1 < b and S.low[a + 1].endswith("ing"))
        and not any(
            S.low[x] in lex.documents_and_speeches or S.low[x] in lex.grammar.occasion_nouns
            for x in words
        )
    )


def _clause_start(lex: Lex, S: Sent, k: int, lo: int) -> bool:
    """True when only openers ("But", "Also on Wednesday,") come before ``k``,
    counted from the colon or semicolon that starts its clause ("It has not
    gone unnoticed: according to recent polls, ...")."""
    x = lo
    for y in range(k - 1, lo - 1, -1):
        if S.q[y] < 0 and S.w[y] in lex.grammar.clause_openers:
            x = y + 1
            break
    while x < k:
        if S.low[x] in lex.openers or S.low[x] in lex.time or S.w[x] == ",":
            x += 1
            continue
        comma = _introductory_phrase_end(lex, S, x, k)
        if comma is not None:
            x = comma + 1  # "In addition, according to the department, ..."
            continue
        return False
    return True


def _introductory_phrase_end(lex: Lex, S: Sent, x: int, k: int) -> int | None:
    """The comma that ends a short phrase opening the clause at ``x``, before
    ``k``: a prepositional phrase ("In addition,", "Since last November,", "In
    Iowa,") or a phrase of time ("The next day,", "Last week,")."""
    if S.q[x] >= 0:
        return None
    t = S.low[x]
    if t in lex.preps or t in lex.grammar.introductory_prepositions:
        for y in range(x + 1, min(k, x + 7)):
            if S.q[y] >= 0 or S.low[y] in lex.grammar.auxiliaries_with_do:
                return None
            if S.w[y] == ",":
                return y
        return None
    y = x
    while y < k and y < x + 4 and (S.low[y] in lex.dets or S.low[y] in lex.time):
        y += 1
    timed = any(S.low[z] in lex.time and S.low[z] not in lex.dets for z in range(x, y))
    return y if timed and y < k and S.w[y] == "," and S.q[y] < 0 else None


def assign_content(lex: Lex, S: Sent, frames: list[Frame]) -> None:
    """Give each frame of a sentence the pieces of text it reports."""
    claimed: set[int] = set()
    # quotations just before a cue belong to it first ('"...," he said')
    for n, f in enumerate(frames):
        lo = frames[n - 1].right if n else 0
        p = f.left - 1
        if p >= lo and S.w[p] == "," and S.q[p] < 0:
            p -= 1
        if p >= lo and S.q[p] >= 0 and S.q[p] not in claimed and f.klass != "source":
            qa, qb = quote_tokens(S, p)
            if _title_quote(lex, S, qa, qb):
                continue  # 'In his book, "Make Your Kid a Millionaire," he suggested'
            m, e = f.speaker, frames[n - 1] if n else None
            if e is not None and m is not None and m.S is S and m.j <= e.ci and e.cj <= qa:
                # 'Manafort, citing "the magic of Trump," said', 'Trump called the
                # deal "a disaster," adding': the cue before has the quotation
                continue
            f.pieces.append((_lead_in(lex, S, qa, lo), qb))
            f.quote_before = S.q[p]
            claimed.add(S.q[p])
    last_right = 0  # the end of the last attribution that reports something
    last_speech = 0  # ... and of the last one that reports speech
    for n, f in enumerate(frames):
        lo = last_right
        hi = S.n
        r = skip_adjuncts(lex, S, f.right, S.n, f.lemma in lex.rules.addressee_verbs)
        # "At one point, she said, she was considering ...": a cue between commas
        # interrupts the clause it reports, as "that" would introduce it
        interrupting = r < S.n and S.w[r] == "," and f.left > 0 and S.w[f.left - 1] == ","
        clause = interrupting or (r < S.n and S.q[r] < 0 and S.low[r] in lex.grammar.introducers)
        for g in frames[n + 1 :]:
            # a cue in a relative clause ("what she calls ...") is nested in this
            # content, which goes on past it; so is a verb of thought, intention
            # or stance inside a that-clause ("said that he would consider ...")
            # or inside a subordinate clause of the content
            if not (
                (g.left > 0 and S.low[g.left - 1] in lex.grammar.relatives)
                or (clause and g.klass not in SPEECH_CLASSES and g.left > r)
                # "... because she did not believe she could": a subordinate clause
                or (
                    g.klass not in SPEECH_CLASSES
                    and g.left > r
                    and S.low[g.left - 1] in lex.grammar.subordinators
                )
                or g.rule == Attribution.NOMINAL_CUE  # "say it underscores the regime's resolve to"
                or (g.left == r and not g.inverted and f.klass in CLAUSAL_REPORTERS)
            ):
                hi = g.left
                break
        opening = _in_opening_clause(lex, S, f)
        for x in range(f.right, hi):
            if (S.q[x] >= 0 and S.q[x] in claimed and S.q[x] != f.quote_before) or (
                (f.enclosed or opening) and S.w[x] == "," and S.q[x] < 0
            ):
                hi = x
                break
        _content(lex, S, f, lo, hi, claimed, last_speech)
        if f.pieces:
            last_right = f.right
            if f.klass in SPEECH_CLASSES:
                last_speech = f.right


def _lead_in(lex: Lex, S: Sent, qa: int, lo: int) -> int:
    """Where the reported clause of a quotation at ``qa`` before its cue starts:
    at the quotation, or at the start of the clause whose words run into it
    ('The plans are "profoundly irresponsible," said an economist' reports the
    clause, with the quoted words in it). Not after a comma, colon or dash, a
    cue of its own ('she told them that "..."') or an introductory word."""
    a = lo
    while a < qa and (S.low[a] in lex.openers or S.w[a] == ","):
        a += 1
    if (
        qa - a < 2
        or S.low[a] in lex.intro
        or S.low[a] in lex.grammar.not_content_start
        or any(
            S.q[x] >= 0
            or not (S.w[x][:1].isalnum() or S.w[x] in lex.grammar.possessive_marks)
            or (S.low[x] in lex.rules.cue_first and cue_at(lex, S, x) is not None)
            for x in range(a, qa)
        )
    ):
        return qa
    return a


def _in_opening_clause(lex: Lex, S: Sent, f: Frame) -> bool:
    """Whether an attribution of stance or preference is in a subordinate clause
    that opens the sentence ("Ever since she endorsed Mrs. Clinton this month,
    Ms. Warren has ..."): the phrase it reports ends at the comma that closes
    the clause."""
    m = f.speaker
    if m is None or m.S is not S or m.k < 1 or f.inverted or f.klass not in OBJECT_CLASSES:
        return False
    opener = S.low[m.k - 1]  # "since", "when", "if", not a conjunction ("and", "nor")
    if opener not in lex.grammar.not_content_start or opener in lex.openers:
        return False
    return all(S.low[x] in lex.openers or S.low[x] == "ever" for x in range(m.k - 1))


def outermost(lex: Lex, frames: list[Frame]) -> list[Frame]:
    """The frames that report something, without the verbs of thought, intention
    and stance (and nominal cues) that lie inside what a verb of saying or thought
    reports: in "Police said he posed a threat and refused to drop the gun" the
    refusal is part of what the police said. The last frame is kept without
    content when it introduces the next paragraph ("Cruz said:"). The frames
    kept whose cue lies inside another one's content are marked ``inside``."""

    def cover(kept: list[Frame]) -> tuple[list[int], list[int]]:
        spans = sorted((a, b) for f in kept for a, b in f.pieces)
        return [a for a, _ in spans], list(itertools.accumulate((b for _, b in spans), max))

    def inside(f: Frame, starts: list[int], reach: list[int]) -> bool:
        k = bisect.bisect_right(starts, f.ci) - 1
        return k >= 0 and reach[k] > f.ci

    clausal = cover([f for f in frames if f.klass in SPEECH_CLASSES or f.klass in CLAUSAL_CLASSES])
    every = cover(frames)
    out = []
    for f in frames:
        if not f.pieces and not (f is frames[-1] and introduces_next(lex, f.S, f)):
            continue
        if f.klass not in SPEECH_CLASSES and f.klass not in CLAUSAL_CLASSES and inside(f, *clausal):
            continue  # nested in reported content
        if f.rule == Attribution.NOMINAL_CUE and inside(f, *every):
            continue  # "discussed her plan for veterans": part of another's content
        out.append(f)
    # the attributions left inside another's content ("Democrats say those
    # revelations show that ...") are rows of their own, marked as nested
    kept = cover(out)
    for f in out:
        f.inside = inside(f, *kept)
    return out


def _title_quote(lex: Lex, S: Sent, a: int, b: int) -> bool:
    """A short quotation in title case ('"Fox News Sunday,"', "''A Change Is Gonna
    Come,''"): the name of a programme, book or song, not someone's words. At the
    start of a sentence one or two capitalised words are speech ('"Fine," she
    said')."""
    words = sentence_words(S, a, b)
    return title_words(lex, S, a, b) and (3 if a == 0 else 1) <= words <= 8

"""Speaker finding: who a reporting verb attributes to.

Step 3 of the reading, for verb cues: the noun phrase before the cue (``the
official said``, ``Obama and Clinton say``, ``many of them say``), after it
(``said the official``), an apposition (``Fawad Aman, Deputy Spokesman for the
Ministry of Defence, said``), the subject of the clause with its modifiers
(``Political observers in Virginia say``, ``all the experts I interviewed
said``), the antecedent of a relative pronoun (``cities that support``), or
the subject of the clause the cue continues (``... but warned``).

Each way is a strategy: a function of the :class:`Cue` that returns None when
the cue is not in its construction, else what it :class:`Found` (a speaker, or
:data:`NO_SPEAKER` when the construction is there and names none).
:func:`attribute` tries :data:`STRATEGIES` in order; the first that finds its
construction decides. A new way of finding a speaker is a function here, an
entry in the table, its rule in :class:`~.rules.Attribution` (with a
confidence in ``quotes.yaml``) unless it shares one, and a test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .cues import Frame, cue_at, reporting_use, skip_adjuncts, skip_left
from .document import Sent, quote_tokens
from .mentions import (
    Mention,
    coordinated,
    group_mention,
    mention,
    plain_head,
    quantity_mention,
)
from .phrases import (
    apposition_after,
    at_clause_edge,
    clause_subject,
    nameish,
    np_back,
    np_forward,
    person_token,
    quantity_back,
)
from .rules import CLAUSAL_CLASSES, OBJECT_CLASSES, SPEECH_CLASSES, Attribution, Lex

__all__ = ["NO_SPEAKER", "STRATEGIES", "Cue", "Found", "Strategy", "attribute"]


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
            if m1 is not None and m2 is not None:
                # "Two objectors, Lawrence Joyce and William Graham, had challenged"
                names = _names_between(lex, S, c0 + 1, c)
                if names is not None:
                    return names, first[0]
            if fallback is None and m1 is not None and m1.strong:
                fallback = (mention(lex, S, first[0], first[1], role_span=role), first[0])
        c = c0
    return fallback


def _names_between(lex: Lex, S: Sent, a: int, b: int) -> Mention | None:
    """The coordinated names that fill ``[a, b)`` exactly ("Lawrence Joyce and
    William Graham"), as one group source, or None."""
    last = np_back(lex, S, b, a)
    if last is None:
        return None
    group = coordinated(lex, S, last, a)
    if group[2] is None or group[0] != a:
        return None
    m = group_mention(lex, S, group)
    named = mention(lex, S, group[2], b)
    return m if named is not None and named.name is not None else None


class Cue:
    """A reporting verb (or source preposition) at tokens ``[ci, cj)`` of a
    sentence, and what finding its speaker looks at: the attributions found
    before it in the sentence (``frames``), where its own may start (``lo``,
    the end of the one before) and the surnames of the full names read so far
    (``known``).

    ``b`` is where the cue starts with its auxiliaries and adverbs ("has also
    said"), ``left`` the token before that, and ``room`` whether a speaker can
    stand there, within the cue's clause.
    """

    __slots__ = (
        "S",
        "_subject",
        "b",
        "ci",
        "cj",
        "form",
        "frames",
        "klass",
        "known",
        "left",
        "lemma",
        "lex",
        "lo",
        "room",
    )

    def __init__(
        self,
        lex: Lex,
        S: Sent,
        ci: int,
        cj: int,
        info: tuple[str, str, str],
        frames: list[Frame],
        lo: int,
        known: dict[str, Any],
    ):
        self.lex, self.S, self.ci, self.cj = lex, S, ci, cj
        self.lemma, self.klass, self.form = info
        self.frames, self.lo, self.known = frames, lo, known
        self.b = skip_left(lex, S, ci, lo)
        self.left = self.b - 1
        self.room = self.left >= lo
        self._subject: tuple[int, int] | bool | None = False

    @property
    def subject_before(self) -> tuple[int, int] | None:
        """The noun phrase just before the cue that can be its subject: one that
        starts the clause, or a known name right before the cue ("... the
        Washington Post Trump said")."""
        if self._subject is False:
            self._subject = _subject_before_cue(self)
        return self._subject  # type: ignore[return-value]


@dataclass(frozen=True)
class Found:
    """What a strategy found: the speaker (None: the cue has none), the rule
    that linked it, the token range of the attribution itself, whether the
    speaker comes after the cue, and whether the attribution is enclosed in a
    clause between commas (", who said ..., sued")."""

    speaker: Mention | None
    rule: Attribution | None = None
    left: int = 0
    right: int = 0
    inverted: bool = False
    enclosed: bool = False


# The construction was recognised, and it names no speaker: stop looking.
NO_SPEAKER = Found(None)

# A strategy looks for one construction: None when the cue is not in it (the
# next strategy is tried), else what it found.
Strategy = Callable[[Cue], "Found | None"]


def attribute(cue: Cue) -> Frame | None:
    """Link a verb cue to its speaker: the first of :data:`STRATEGIES` whose
    construction the cue is in decides."""
    for strategy in STRATEGIES:
        found = strategy(cue)
        if found is not None:
            return _frame(cue, found)
    return None


def _frame(c: Cue, found: Found) -> Frame | None:
    """The attribution a strategy found, unless the cue is a noun after all or a
    verb of evidence without a document as its source."""
    m = found.speaker
    if m is None:
        return None
    S = c.S
    if (
        c.form == "present"
        and S.low[c.ci].endswith("s")
        and m.plural
        and m.kind != "pronoun"
        and found.rule == Attribution.SPEAKER_BEFORE_CUE
    ):
        return None  # "many Republican claims": a noun, not "claims" the verb
    if (
        c.klass == "evidence"
        and not _evidence_source(c.lex, S, m)
        and S.low[c.cj : c.cj + 1] != ["that"]
    ):
        return None  # "the poll shows ...", but "he showed" only before "that"
    assert found.rule is not None
    f = Frame(
        S,
        c.ci,
        c.cj,
        c.lemma,
        c.klass,
        c.form,
        m,
        found.rule,
        found.left,
        found.right,
        found.inverted,
    )
    f.enclosed = found.enclosed
    return f


def _source_preposition(c: Cue) -> Found | None:
    """ "according to the governor, ...": the noun phrase after the cue."""
    if c.klass != "source":
        return None
    lex, S = c.lex, c.S
    opens = c.ci == 0 or all(S.low[x] in lex.openers or S.w[x] == "," for x in range(c.ci))
    np_ = np_forward(lex, S, c.cj, S.n) or _object_to_clause_end(lex, S, c.cj, 24 if opens else 12)
    if np_ is None:
        return NO_SPEAKER
    appo = apposition_after(lex, S, np_[1], S.n)
    m = mention(lex, S, np_[0], np_[1], role_span=appo)
    right = m.j if m else np_[1]
    return Found(m, Attribution.SOURCE_PREPOSITION, c.ci, right, inverted=True)


def _object_to_clause_end(lex: Lex, S: Sent, k: int, most: int = 12) -> tuple[int, int] | None:
    """The object of a source preposition that the noun phrase reader does not
    take whole ("according to early returns", "according to the most recent
    average of national polls"): the words from ``k`` to the end of the clause,
    when they are few (at most ``most``: more when the preposition opens the
    sentence, "According to early results of exit polls conducted for ... by
    Edison Research, ..."), outside quotations and hold no finite verb."""
    b = k
    while b < S.n and b < k + most and S.q[b] < 0 and S.w[b][:1].isalnum():
        if S.low[b] in lex.grammar.auxiliaries_with_do:
            return None
        b += 1
    if b == k or b >= k + most or (b < S.n and S.q[b] >= 0):
        return None
    return k, b


def _reduced_relative(c: Cue) -> Found | None:
    """ "a new poll showing Trump down to 14 percent", "emails that night showing
    that ...": a participle of a verb of evidence right after the document or
    poll that shows it."""
    lex, S = c.lex, c.S
    if not (c.form == "gerund" and c.klass == "evidence" and c.room and c.b == c.ci):
        return None
    end = c.ci
    while end - 1 > c.lo and S.low[end - 1] in lex.time and S.q[end - 1] < 0:
        end -= 1  # "emails that night showing"
        if S.low[end - 1] in lex.dets:
            end -= 1
    np_ = np_back(lex, S, end, c.lo)
    if np_ is None:
        return None
    m = mention(lex, S, *np_)
    if m is None or not _evidence_source(lex, S, m):
        return None
    return Found(m, Attribution.EVIDENCE_PARTICIPLE, np_[0], c.cj)


def _participle(c: Cue) -> Found | None:
    """ "..., saying ...", "after saying ...": the speaker of the clause the
    participle hangs on."""
    lex, S, left = c.lex, c.S, c.left
    if not (
        c.form == "gerund"
        and c.room
        and (S.w[left] == "," or S.low[left] in lex.grammar.gerund_after)
    ):
        return None
    earlier = [f for f in c.frames if f.speaker is not None and f.cj <= c.ci]
    if earlier:
        m = earlier[-1].speaker
    else:
        np_ = clause_subject(lex, S, left)
        m = None if np_ is None else mention(lex, S, *np_)
    return Found(m, Attribution.PARTICIPLE, c.ci, c.cj)


def _apposition(c: Cue) -> Found | None:
    """ "Fawad Aman, Deputy Spokesman for the Ministry of Defence, said", "a
    special forces commander, Sayed Nezami, said"."""
    S, left = c.S, c.left
    after_quote = left >= 0 and (
        S.q[left] >= 0 or (S.w[left] == "," and left > 0 and S.q[left - 1] >= 0)
    )
    if not (c.room and S.w[left] == "," and not after_quote):
        return None
    appo = _apposition_before(c.lex, S, left, c.lo)
    if appo is None or appo[0] is None:
        return None
    return Found(appo[0], Attribution.SPEAKER_BEFORE_CUE, appo[1], c.cj)


def _subject_before_aside(c: Cue) -> Found | None:
    """ "Mr. Manafort, citing ''the unique magic of Trump,'' said", "veterans
    interviewed at rallies, including Mr. Jebens, said", "Trump - who previously
    said he would ... - said": the subject before an aside between commas or
    dashes that opens with a relative pronoun, a participle, a preposition or
    "including" (or, between dashes, a coordinated phrase or the names of the
    people the subject describes: "insiders - and two-thirds of Republicans -
    said", "the three scholars - Mr. Tribe, Ms. Epstein and Mr. Amar - agreed"). The aside may hold a quotation and cues
    of its own."""
    lex, S, left = c.lex, c.S, c.left
    if left >= 0 and S.w[left] == ")" and S.q[left] < 0:
        # "Sen. Chris Murphy (a Democrat so boyish he has been mistaken for a
        # staffer) says": a parenthesis longer than a party and state
        o = next(
            (x for x in range(left - 1, max(c.lo, left - _ASIDE_WORDS), -1) if S.w[x] == "("), None
        )
        if o is None or o <= c.lo or left - o <= 8 or any(f.left < o < f.right for f in c.frames):
            return None  # a short one ("Mike Pence (R-IN) said") is the subject's own
        return _subject_at(c, o, [f for f in c.frames if f.left < o], c.lo)
    if left < 0 or (
        S.q[left] < 0 and S.w[left] != "," and S.w[left] not in lex.grammar.aside_dashes
    ):
        return None
    if S.w[left] == "," and left - 1 > c.lo and S.w[left - 1] == ")":
        return _subject_at(c, left, c.frames, c.lo)  # "Sen. Jack Reed (D-R.I.), said"
    mark, o = (S.w[left], left - 1) if S.q[left] < 0 else (",", quote_tokens(S, left)[0] - 1)
    while o > 0 and left - o < _ASIDE_WORDS and not (S.q[o] < 0 and _same_mark(lex, S.w[o], mark)):
        o -= 1
    if o <= 0 or S.q[o] >= 0 or not _same_mark(lex, S.w[o], mark) or o + 1 >= left:
        return None
    first = S.low[o + 1]
    if not (
        first in lex.grammar.relative_subjects
        or first in lex.grammar.aside_starts
        or first in lex.intro  # "Murphy - after a knock on wood - told me"
        or first in lex.grammar.articles  # "Guerrero, a Republican who described ..., said"
        or (first in lex.grammar.coordinators and mark != ",")
        # "The three scholars -- Mr. Tribe, Ms. Epstein and Mr. Amar -- agreed"
        or (mark != "," and nameish(lex, S, o + 1))
        or (S.w[o + 1].islower() and first.isalpha() and first.endswith(("ing", "ed")))
    ):
        return None
    before = [f for f in c.frames if f.left < o]
    if any(f.right > o for f in before):
        return None  # the opening mark is inside another attribution
    return _subject_at(c, o, before, max((f.right for f in before), default=0))


def _subject_at(c: Cue, o: int, frames: list[Frame], lo: int) -> Found | None:
    """The subject of the cue ``c`` found as if the cue stood at ``o`` (where an
    aside opens); the attribution is the cue itself, as the aside has its own."""
    inner = Cue(c.lex, c.S, c.ci, c.cj, (c.lemma, c.klass, c.form), frames, lo, c.known)
    inner.ci, inner.b, inner.left, inner.room = o, o, o - 1, o - 1 >= lo
    # "the leadership, who, on a press call Friday, criticized"
    for strategy in (_relative_antecedent, _quantity_subject, _subject, _modified_subject):
        found = strategy(inner)
        if found is not None and found.speaker is not None:
            return Found(found.speaker, found.rule, c.b, c.cj)
    return None


_ASIDE_WORDS = 30


def _same_mark(lex: Lex, word: str, mark: str) -> bool:
    """Whether ``word`` opens an aside that ``mark`` closes: a comma for a comma,
    any dash for a dash."""
    return word == mark or (mark != "," and word in lex.grammar.aside_dashes)


def _inversion(c: Cue) -> Found | None:
    """'"...," said the official', "..., said the official": the speaker after
    the cue, where the cue follows a quotation or a comma."""
    lex, S, left = c.lex, c.S, c.left
    if not (c.room and (S.w[left] == "," or S.q[left] >= 0)):
        return None
    if c.klass not in SPEECH_CLASSES or c.lemma in lex.grammar.naming_verbs:
        return NO_SPEAKER  # "The program, called EB-5, allows ...": not an inversion
    r = c.cj
    while r < S.n and S.low[r] in lex.time and S.q[r] < 0:
        r += 1
    np_ = np_forward(lex, S, r, S.n) if S.low[r : r + 1] != ["that"] else None
    if np_ is None:
        np_ = _name_after_description(lex, S, r)  # "said neurosurgeon Ben Carson"
    if np_ is None:
        return NO_SPEAKER
    appo = apposition_after(lex, S, np_[1], S.n)
    m = mention(lex, S, np_[0], np_[1], role_span=appo)
    if m is not None and (m.strong or m.kind == "pronoun") and _clause_ends(lex, S, m.j):
        return Found(m, Attribution.SPEAKER_AFTER_CUE, c.ci, m.j, inverted=True)
    named = _named_apposition(lex, S, r)  # "said another Twitter user, Jane Doe"
    if named is not None and _clause_ends(lex, S, named.j):
        return Found(named, Attribution.SPEAKER_AFTER_CUE, c.ci, named.j, inverted=True)
    return NO_SPEAKER


def _named_apposition(lex: Lex, S: Sent, k: int) -> Mention | None:
    """The person named in apposition after a short description from ``k`` that
    the noun phrase reader does not take whole ("another Twitter user, Johanna
    Bayer", "a longtime party activist, John Smith"): the speaker is the name."""
    limit = min(S.n, k + _DESCRIPTION_WORDS)
    while k < limit and S.q[k] < 0 and S.w[k] != "," and S.w[k][:1].isalpha():
        if S.low[k] in lex.stop and S.low[k] not in lex.dets:
            return None
        k += 1
    if not (k + 1 < S.n and S.w[k] == "," and S.q[k + 1] < 0 and S.w[k + 1][:1].isupper()):
        return None
    np_ = np_forward(lex, S, k + 1, S.n)
    if np_ is None:
        return None
    m = mention(lex, S, *np_, role_span=apposition_after(lex, S, np_[1], S.n))
    return m if m is not None and m.name is not None and m.kind == "person" else None


_DESCRIPTION_WORDS = 6


def _name_after_description(lex: Lex, S: Sent, k: int) -> tuple[int, int] | None:
    """A full name after a few lower-case words the lists do not know, in the
    place of a title ("said neurosurgeon Ben Carson", "said longtime strategist
    Jane Doe"): the name's noun phrase."""
    limit = min(S.n, k + 3)
    while k < limit and S.q[k] < 0 and S.w[k].isalpha() and S.w[k].islower():
        if S.low[k] in lex.stop or S.low[k] in lex.time:
            return None
        k += 1
    n = k
    while n < S.n and S.q[n] < 0 and person_token(lex, S, n):
        n += 1
    return np_forward(lex, S, k, S.n) if n - k >= 2 else None


def _relative_antecedent(c: Cue) -> Found | None:
    """ "said Mr. Kamin, who emphasized that ...", "cities that support the
    rules": the speaker is the antecedent of the relative pronoun before the cue."""
    lex, S, left = c.lex, c.S, c.left
    if not (c.room and S.low[left] in lex.grammar.relative_subjects and S.q[left] < 0):
        return None
    a = left - 1 if left - 1 >= c.lo and S.w[left - 1] == "," else left
    if S.low[left] == "that" and a != left:
        return NO_SPEAKER  # ", that ..." is not a relative clause
    np_ = np_back(lex, S, a, 0)
    who = S.low[left] == "who"
    if np_ is not None and who:
        np_ = _person_after_of(lex, S, *np_)
    m = None if np_ is None else mention(lex, S, *np_)
    kinds = ("person", "org") if who else ("person", "org", "document")
    if (
        m is None
        or not (m.strong or (who and plain_head(lex, S, m)))
        or m.kind not in kinds
        or (S.low[left] == "that" and m.name is not None and m.kind == "person")
    ):
        return NO_SPEAKER
    m.canonical = m.text
    m.start, m.end, m.text = S.s[left], S.e[left], S.w[left]
    return Found(m, Attribution.SPEAKER_BEFORE_CUE, left, c.cj, enclosed=a != left)


def _person_after_of(lex: Lex, S: Sent, k: int, j: int) -> tuple[int, int]:
    """The antecedent of "who" in ``[k, j)``: the person named after "of" when
    what comes before it is no person ("the endorsement of former Sen. Gordon
    Humphrey, who told ..."), else the whole phrase ("the widow of the senator")."""
    x = next((x for x in range(j - 2, k, -1) if S.low[x] == "of" and S.q[x] < 0), None)
    if x is None or S.low[x - 1] in lex.person or S.low[x - 1] in lex.role_words:
        return k, j
    tail = mention(lex, S, x + 1, j)
    if tail is None or tail.name is None or tail.kind != "person":
        return k, j
    return x + 1, j


def _subject_before_cue(c: Cue) -> tuple[int, int] | None:
    """See :attr:`Cue.subject_before`."""
    lex, S = c.lex, c.S
    np_ = np_back(lex, S, c.b, c.lo)
    if (
        np_ is not None
        and not at_clause_edge(lex, S, np_[0], c.lo)
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
        # (and its party and state: "... at the convention Sen. Warren (D-MA) said")
        end = np_[1]
        if S.w[end - 1] == ")":
            end = next((x for x in range(end - 2, np_[0], -1) if S.w[x] == "("), np_[0])
        x = end
        while x - 1 >= np_[0] and person_token(lex, S, x - 1):
            x -= 1
        np_ = (x, np_[1]) if x < end and S.low[end - 1] in c.known else None
    return np_


def _subject(c: Cue) -> Found | None:
    """ "the official said", "Obama and Clinton say", "environmentalists worry":
    the noun phrase before the cue, with the names coordinated with it."""
    if not c.room or c.subject_before is None:
        return None
    lex, S = c.lex, c.S
    if c.form == "gerund" and S.low[c.left] in lex.grammar.connectors:
        return NO_SPEAKER  # "criticized voters for not supporting Cruz": no subject before
    k, j, last = coordinated(lex, S, c.subject_before, c.lo)
    m = mention(lex, S, k, j) if last is None else group_mention(lex, S, (k, j, last))
    if m is not None and (
        m.strong or c.lemma in lex.grammar.weak_subject_verbs or _plain_subject(lex, S, m, c.lo)
    ):
        return Found(m, Attribution.SPEAKER_BEFORE_CUE, k, c.cj)
    return None


def _evidence_subject(c: Cue) -> Found | None:
    """ "research conducted by the Center for Media and Public Affairs found", "An
    analysis by Politifact of elections since 1972 showed": a verb of evidence
    takes the document or study that opens its clause, with its modifiers, over
    the nearest noun phrase ("Public Affairs")."""
    if c.klass != "evidence" or not c.room:
        return None
    if c.subject_before is not None:
        near = mention(c.lex, c.S, *c.subject_before)
        if near is not None and _evidence_source(c.lex, c.S, near):
            return None  # "A Times/CBS News poll in December found": the subject itself
    np_ = _modified_subject_span(c.lex, c.S, c.b, c.lo)
    if np_ is None or np_[1] == c.b:
        return None
    m = mention(c.lex, c.S, *np_)
    if m is None or not _evidence_source(c.lex, c.S, m):
        return None
    return Found(m, Attribution.SPEAKER_BEFORE_CUE, np_[0], c.cj)


def _quantity_subject(c: Cue) -> Found | None:
    """ "Many say", "Some argue", "about 26% said", "one in five believe": a
    share of people that starts the clause is the subject on its own; so is
    one before the people it counts ("about four in 10 voters said", "two-thirds
    of Republican voters support") or before where they are ("Many in the
    crowd said")."""
    for end in range(c.b, c.ci + 1):  # "both", "all" may be skipped as adverbs
        np_ = quantity_back(c.lex, c.S, end, c.lo)
        if np_ is not None and at_clause_edge(c.lex, c.S, np_[0], c.lo):
            m = quantity_mention(c.S, *np_)
            return Found(m, Attribution.SPEAKER_BEFORE_CUE, np_[0], c.cj)
    people = np_back(c.lex, c.S, c.b, c.lo)
    if people is None:
        return None
    for x in range(people[0] + 1, people[1]):
        # "about four in 10 | voters": a share ends inside the phrase, before its noun
        share = quantity_back(c.lex, c.S, x, c.lo)
        if (
            share is not None
            and share[0] <= people[0]
            and c.S.low[x - 2] in ("in", "of")  # "N in N", "N out of N"
            and at_clause_edge(c.lex, c.S, share[0], c.lo)
        ):
            m = quantity_mention(c.S, share[0], people[1])
            return Found(m, Attribution.SPEAKER_BEFORE_CUE, share[0], c.cj)
    k = people[0] - 1
    if k > c.lo and (c.S.low[k] in c.lex.grammar.standalone_followers or c.S.low[k] == "of"):
        # "Many in the crowd said", "Some at the meeting argued": the share and
        # where its people are
        share = quantity_back(c.lex, c.S, k, c.lo)
        if share is not None and at_clause_edge(c.lex, c.S, share[0], c.lo):
            m = quantity_mention(c.S, share[0], people[1])
            return Found(m, Attribution.SPEAKER_BEFORE_CUE, share[0], c.cj)
    return None


def _modified_subject(c: Cue) -> Found | None:
    """ "Political observers in Virginia say", "all the experts I interviewed
    said": the subject of the clause, with the words that modify it before the cue."""
    if not c.room or c.subject_before is not None:
        return None
    np_ = _modified_subject_span(c.lex, c.S, c.b, c.lo)
    if np_ is None:
        return None
    m = mention(c.lex, c.S, *np_)
    if m is not None and m.kind != "pronoun" and (m.strong or _plain_subject(c.lex, c.S, m, c.lo)):
        return Found(m, Attribution.SPEAKER_BEFORE_CUE, np_[0], c.cj)
    return None


def _clause_subject(c: Cue) -> Found | None:
    """ "Zarif welcomed the talks but warned ...": after a conjunction or a
    comma, the speaker of the attribution before, or the subject of the clause."""
    lex, S, left = c.lex, c.S, c.left
    if not (c.room and (S.low[left] in lex.grammar.coordinators or S.w[left] == ",")):
        return None
    earlier = [f for f in c.frames if f.speaker is not None]
    if earlier:
        e = earlier[-1]
        after_comma = (
            S.low[left] in lex.grammar.coordinators and left - 1 >= c.lo and S.w[left - 1] == ","
        )
        if c.klass not in SPEECH_CLASSES and _reports_clause(lex, S, e) and not after_comma:
            # "Police said he posed a threat and refused to drop the gun":
            # the verb belongs to the reported clause, not to its speaker (but
            # "He thinks ..., but believes ..." coordinates the speaker's verbs)
            return NO_SPEAKER
        return Found(e.speaker, Attribution.CLAUSE_SUBJECT, c.ci, c.cj)
    np_ = _predicate_subject(lex, S, left, c.lo) or clause_subject(lex, S, left)
    if np_ is None:
        return NO_SPEAKER
    return Found(mention(lex, S, *np_), Attribution.CLAUSE_SUBJECT, c.ci, c.cj)


def _predicate_subject(lex: Lex, S: Sent, left: int, lo: int) -> tuple[int, int] | None:
    """The subject of the predicate a conjunction at ``left`` continues, when a
    conjunction or relative opens its clause ("such as when Cruz knocked Rubio
    on trade and called him ..."): the noun phrase after that word, followed by
    a finite verb (a lower-case word that is no function word or gerund)."""
    if S.low[left] not in lex.grammar.coordinators:
        return None
    for p in range(left - 1, max(lo, left - _PREDICATE_WORDS) - 1, -1):
        if S.q[p] >= 0 or S.w[p] in lex.grammar.clause_edges:
            return None
        if S.low[p] in lex.grammar.subject_after and p > 0:
            np_ = np_forward(lex, S, p + 1, left)
            if np_ is None or np_[1] >= left:
                return None
            verb, low = S.w[np_[1]], S.low[np_[1]]
            finite = low in lex.aux or not (
                low in lex.stop or low in lex.preps or low in lex.dets or low.endswith("ing")
            )
            return np_ if verb.isalpha() and verb.islower() and finite else None
    return None


_PREDICATE_WORDS = 16


# The ways a verb cue finds its speaker, tried in this order; the first whose
# construction the cue is in decides. A new construction is a function here, an
# entry in this table, its rule in Attribution with a confidence in quotes.yaml
# (unless it shares one: most name "speaker before cue"), and a test.
STRATEGIES: tuple[Strategy, ...] = (
    _source_preposition,
    _reduced_relative,
    _participle,
    _apposition,
    _subject_before_aside,
    _inversion,
    _relative_antecedent,
    _evidence_subject,
    _quantity_subject,
    _subject,
    _modified_subject,
    _clause_subject,
)


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
    return t in lex.grammar.introducers or t in lex.pronouns or f.klass in CLAUSAL_CLASSES


def _modified_subject_span(lex: Lex, S: Sent, b: int, lo: int) -> tuple[int, int] | None:
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
        if t in lex.rules.cue_first and j < x < b - 1:
            hit = cue_at(lex, S, x)
            if hit is not None and reporting_use(lex, S, x, *hit):
                # another cue (but "campaign-finance reports shows": a noun, and
                # "elections going back to 1972": no cue)
                return None
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

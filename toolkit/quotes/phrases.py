"""Noun phrases: where a phrase that can name a speaker starts and ends.

A speaker is a noun phrase: a name with its role (``Provincial governor
Husamuddin Shams``), a description (``a Ministry of Defence official``,
``political observers in Virginia``), a part of a group (``many of them``) or
a pronoun. :func:`np_back` reads one backwards from the token before a cue,
:func:`np_forward` forwards from a token after one; both are the same walk
over the sentence (:func:`_walk`), one token at a time while a step of their
direction takes the next token, because English noun phrases are not
symmetric: a determiner or quantifier opens them and the head ends them, so
reading back stops at the determiner, and reading forward starts after it and
ends at the last head. :func:`apposition_after` finds a role in apposition
(``, a spokesman for the ministry,``) and :func:`clause_subject` the subject
at the start of a sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from .document import Sent, is_cap
from .rules import Lex

__all__ = [
    "apposition_after",
    "at_clause_edge",
    "clause_subject",
    "nameish",
    "np_back",
    "np_forward",
    "person_token",
    "quantity_back",
    "title_words",
]


def nameish(lex: Lex, S: Sent, i: int) -> bool:
    if not S.w[i][:1].isupper():
        return False
    if S.low[i] not in lex.not_name:
        return True
    return S.low[i] in lex.grammar.modal_names and _in_a_name(lex, S, i)


def _in_a_name(lex: Lex, S: Sent, i: int) -> bool:
    """Whether a capitalised modal is part of a name: after a first name
    ("Theresa May", "George Will"), before a surname ("Will Doyle") or before
    a verb a modal cannot take ("Will urged")."""
    before = i > 0 and S.w[i - 1][:1].isupper() and S.low[i - 1] not in lex.not_name
    after = i + 1 < S.n and S.w[i + 1][:1].isupper() and S.low[i + 1] not in lex.not_name
    return (
        (before and S.low[i - 1] not in lex.not_person)
        or (after and S.q[i + 1] < 0)
        or (_finite_cue_after(lex, S, i) and not (i > 0 and S.low[i - 1] in lex.preps))
    )


def _finite_cue_after(lex: Lex, S: Sent, i: int) -> bool:
    """Whether a past or third-person form of a cue follows token ``i``, which a
    modal cannot be before ("Will urged the party", "May says")."""
    if i + 1 >= S.n or S.q[i + 1] >= 0:
        return False
    t = S.low[i + 1]
    hit = lex.rules.cues.get((t,))
    return hit is not None and (hit[2] == "past" or (hit[2] == "present" and t.endswith("s")))


def person_token(lex: Lex, S: Sent, i: int) -> bool:
    """A capitalised token that can belong to a personal name."""
    return nameish(lex, S, i) and S.low[i] not in lex.not_person


# A step of the walk over a noun phrase: given the next token ``p``, the token
# the phrase started from and the edge of the range, either None (the step does
# not take the token) or the new boundary of the phrase and whether to go on.
_Step = Callable[[Lex, Sent, int, int, int], "tuple[int, bool] | None"]


def _walk(lex: Lex, S: Sent, k: int, origin: int, edge: int, back: bool, steps) -> int:
    """Extend a noun phrase from its boundary ``k`` one token at a time, back
    towards ``edge`` (its first allowed token) or forward to it (one past the
    last), while one of ``steps`` takes the next token; the new boundary."""
    q = S.q
    while True:
        p = k - 1 if back else k
        if (p < edge if back else p >= edge) or q[p] >= 0:
            return k
        for step in steps:
            taken = step(lex, S, p, origin, edge)
            if taken is not None:
                break
        else:
            return k
        k, go_on = taken
        if not go_on:
            return k


def _can_open(S: Sent, x: int, inside: bool) -> bool:
    """Whether token ``x`` can be the first token a noun phrase is read from: in
    the range and outside the quotations."""
    return inside and S.q[x] < 0


def _phrase_word(lex: Lex, S: Sent, p: int) -> bool:
    """A noun, a modifier or a capitalised word: what a phrase is mostly made of."""
    t = S.low[p]
    return t in lex.nouns or t in lex.mods or nameish(lex, S, p)


def np_back(lex: Lex, S: Sent, j: int, lo: int) -> tuple[int, int] | None:
    """Token range ``[k, j)`` of a noun phrase ending just before ``j`` (and
    starting at ``lo`` or after).

    Read from its head backwards: over nouns, modifiers, names, possessives,
    numbers, particles and connectors inside a name, to the determiner that
    opens the phrase, or to the start of the clause over unknown adjectives.
    """
    i = j - 1
    if not _can_open(S, i, i >= lo):
        return None
    if S.low[i] in lex.pronouns:
        return i, j
    if S.w[i] == ")":
        return _before_parenthesis(lex, S, i, j, lo)
    k = _walk(lex, S, j, i, lo, True, _BACK_STEPS)
    while k < j and S.low[k] in lex.grammar.connectors:
        k += 1  # no leading connectors
    if k >= j:
        return None
    return k, j


def _before_parenthesis(lex: Lex, S: Sent, i: int, j: int, lo: int) -> tuple[int, int] | None:
    """A noun phrase followed by a parenthesis ending at ``i``: Mike Pence (R-IN)."""
    k = i - 1
    while k > lo and k > i - 8 and S.w[k] != "(":
        k -= 1
    if k <= lo or S.w[k] != "(":
        return None
    inner = np_back(lex, S, k, lo)
    return None if inner is None else (inner[0], j)


def _back_possessive(lex: Lex, S: Sent, p: int, i: int, lo: int) -> tuple[int, bool] | None:
    """ "'s" after a name or noun, inside the phrase ("Iran's foreign minister")."""
    if (
        S.w[p] in lex.grammar.possessive_marks
        and p - 1 >= lo
        and p < i
        and (nameish(lex, S, p - 1) or S.low[p - 1] in lex.nouns)
    ):
        return p, True
    return None


def _back_word(lex: Lex, S: Sent, p: int, i: int, lo: int) -> tuple[int, bool] | None:
    t = S.low[p]  # _phrase_word, written out: the walk asks it of most tokens
    if (t in lex.nouns or t in lex.mods or nameish(lex, S, p)) and (
        S.w[p] not in lex.grammar.possessive_marks  # those are _back_possessive's
    ):
        return p, True
    return None


def _back_number(lex: Lex, S: Sent, p: int, i: int, lo: int) -> tuple[int, bool] | None:
    """ "the 2014 American Community Survey", "73 percent"."""
    if any(c.isdigit() for c in S.low[p]) and p < i and S.w[p + 1][:1].isalnum():
        return p, True
    return None


def _back_particle(lex: Lex, S: Sent, p: int, i: int, lo: int) -> tuple[int, bool] | None:
    """A particle between two names ("Osama bin Laden")."""
    if (
        S.low[p] in lex.particles
        and p - 1 >= lo
        and nameish(lex, S, p - 1)
        and p < i
        and nameish(lex, S, p + 1)
    ):
        return p, True
    return None


def _back_connector(lex: Lex, S: Sent, p: int, i: int, lo: int) -> tuple[int, bool] | None:
    """A connector between a noun or name and a name, determiner or modifier
    ("Ministry of Defence", "spokesman for the ministry")."""
    low = S.low
    if (
        low[p] in lex.grammar.connectors
        and p < i
        and p - 1 >= lo
        and (low[p - 1] in lex.nouns or nameish(lex, S, p - 1))
        and (nameish(lex, S, p + 1) or low[p + 1] in lex.dets or low[p + 1] in lex.mods)
    ):
        return p, True
    return None


def _back_determiner(lex: Lex, S: Sent, p: int, i: int, lo: int) -> tuple[int, bool] | None:
    """The determiner that opens the phrase, unless a connector before it joins
    the phrase to a noun ("the minister of the economy")."""
    low = S.low
    if low[p] not in lex.dets or low[p] in lex.pronouns:
        return None
    if _superlative(lex, S, p, lo) and p < i:
        return p, True  # "the most senior officials": "the" opens the phrase
    if _joined_before(lex, S, p, lo) and p < i:
        return p, True
    return (p if p < i else p + 1), False


def _superlative(lex: Lex, S: Sent, x: int, lo: int) -> bool:
    """Whether token ``x`` is "most" or "least" making a superlative after a
    determiner or a possessor ("the most senior", "Sanders's most passionate"),
    not a determiner itself ("most voters")."""
    return (
        S.low[x] in lex.grammar.superlative_adverbs
        and x - 1 >= lo
        and S.q[x - 1] < 0
        and (S.low[x - 1] in lex.rules.definite or S.w[x - 1] in lex.grammar.possessive_marks)
    )


def _joined_before(lex: Lex, S: Sent, x: int, lo: int) -> bool:
    """Whether a connector before token ``x`` joins it to a noun or name before
    that ("minister of | the economy")."""
    return (
        x - 2 >= lo
        and S.low[x - 1] in lex.grammar.connectors
        and (S.low[x - 2] in lex.nouns or nameish(lex, S, x - 2))
    )


def _unknown_word(lex: Lex, S: Sent, x: int) -> bool:
    """A lower-case word the lists do not know as a function word (an adjective
    or a noun modifier, perhaps)."""
    t = S.low[x]
    word = t[:1].isalpha() and t.replace("-", "").isalpha()  # "front-runner" too
    return word and t not in lex.stop and t not in lex.aux and S.w[x].islower()


def _back_unknown(lex: Lex, S: Sent, p: int, i: int, lo: int) -> tuple[int, bool] | None:
    """Unknown lower-case words (one or two: adjectives, noun modifiers) are kept
    when a determiner, a possessive, a name or the start of a clause precedes them."""
    if not _unknown_word(lex, S, p):
        return None
    m = p
    while (
        m - 1 >= lo
        and m > p - 2
        and S.q[m - 1] < 0
        and _unknown_word(lex, S, m - 1)
        and S.low[m - 1] not in lex.dets
    ):
        m -= 1
    before = m - 1
    low = S.low
    if before >= lo and _superlative(lex, S, before, lo):
        return before, True  # "his most passionate supporters"
    if before >= lo and low[before] in lex.dets and low[before] not in lex.pronouns:
        return before, _joined_before(lex, S, before, lo)
    if before >= lo and (S.w[before] in lex.grammar.possessive_marks or nameish(lex, S, before)):
        return m, True
    return (m if at_clause_edge(lex, S, m, lo) else p + 1), False


_BACK_STEPS: tuple[_Step, ...] = (
    _back_word,
    _back_possessive,
    _back_number,
    _back_particle,
    _back_connector,
    _back_determiner,
    _back_unknown,
)


def np_forward(lex: Lex, S: Sent, i: int, hi: int) -> tuple[int, int] | None:
    """Token range ``[i, k)`` of a noun phrase starting at ``i`` (and ending
    before ``hi``).

    Read forwards: an approximator, quantifier or determiner opens it; then
    nouns, modifiers, names, possessives, numbers and particles before a name,
    prepositions inside a name, adjectives before a known noun; the phrase ends
    at its last head.
    """
    if not _can_open(S, i, i < hi):
        return None
    if S.low[i] in lex.pronouns:
        return i, i + 1
    k, quantified, whole = _forward_opening(lex, S, i, hi)
    if whole is not None:
        return whole
    opened = k
    k = _walk(lex, S, k, i, hi, False, _FORWARD_STEPS)
    if quantified and k < hi and S.q[k] < 0 and _plural_after_of(lex, S, k, hi):
        return i, k + 1  # "one of the docs", "many of the cities"
    if (
        opened > i
        and k < hi
        and S.q[k] < 0
        and S.low[opened - 1] in lex.dets
        and k + 1 < hi
        and _unknown_plural_head(lex, S, k)
    ):
        # "Some advocates for stem cell research", "numerous military veterans
        # interviewed at ...", "Several veterans said": an unknown plural head
        return i, k + 1
    while k > i and not _head_ok(lex, S, k - 1):
        k -= 1
    if k <= i or (k == i + 1 and S.low[i] in lex.dets):
        return None
    return i, k


def _forward_opening(
    lex: Lex, S: Sent, i: int, hi: int
) -> tuple[int, bool, tuple[int, int] | None]:
    """Where the words of a phrase starting at ``i`` begin, after what opens it
    (an approximator, a quantifier with "of", a predeterminer, a determiner);
    whether a quantifier with "of" opened it; and the whole phrase, when the
    opening is all of it ("those close to him", "many of them")."""
    low, g = S.low, lex.grammar
    k = i
    if (
        low[k] in g.approximators
        and k + 1 < hi
        and (low[k + 1][:1].isdigit() or low[k + 1] in g.quantifiers)
    ):
        k += 1  # "about 200 residents", "nearly one of every nine voters"
    if (
        low[k] in g.standalone_quantifiers
        and k + 1 < hi
        and S.q[k + 1] < 0
        and low[k + 1] in g.standalone_followers
    ):
        return k, False, (i, i + 1)  # "those close to him", "some in the party", "many who"
    quantified = False
    if (
        low[k] in g.quantifiers
        and k + 2 < hi
        and low[k + 1] == "of"
        and (low[k + 2] in lex.dets or low[k + 2] in ("them", "us"))
    ):
        if low[k + 2] in ("them", "us"):
            return k, False, (i, k + 3)  # "many of them", "some of us"
        k += 2  # "many of the experts", "one of the doctors"
        quantified = True
    elif low[k] in g.predeterminers and k + 1 < hi and low[k + 1] in lex.dets:
        k += 1  # "all the experts", "both the president and ..."
    if low[k] in lex.dets:
        k += 1
    return k, quantified, None


def _forward_word(lex: Lex, S: Sent, p: int, i: int, hi: int) -> tuple[int, bool] | None:
    t = S.low[p]  # _phrase_word, written out: the walk asks it of most tokens
    return (p + 1, True) if t in lex.nouns or t in lex.mods or nameish(lex, S, p) else None


def _forward_possessive(lex: Lex, S: Sent, p: int, i: int, hi: int) -> tuple[int, bool] | None:
    return (p + 1, True) if S.w[p] in lex.grammar.possessive_marks and p > i else None


def _forward_number(lex: Lex, S: Sent, p: int, i: int, hi: int) -> tuple[int, bool] | None:
    """ "9/11 widow Terry Strada", "22-year-old student"."""
    if (
        any(c.isdigit() for c in S.low[p])
        and p + 1 < hi
        and S.q[p + 1] < 0
        and _phrase_word(lex, S, p + 1)
    ):
        return p + 1, True
    return None


def _forward_particle(lex: Lex, S: Sent, p: int, i: int, hi: int) -> tuple[int, bool] | None:
    """A particle before a name ("Osama bin Laden")."""
    if S.low[p] in lex.particles and p > i and p + 1 < hi and nameish(lex, S, p + 1):
        return p + 1, True
    return None


def _forward_preposition(lex: Lex, S: Sent, p: int, i: int, hi: int) -> tuple[int, bool] | None:
    """A preposition inside a name or description, with the determiner after it
    ("Deputy Spokesman for the Ministry of Defence")."""
    low = S.low
    if (
        low[p] in lex.grammar.phrase_prepositions
        and p > i
        and p + 1 < hi
        and S.q[p + 1] < 0
        and (nameish(lex, S, p + 1) or low[p + 1] in lex.dets or low[p + 1] in lex.nouns)
    ):
        return (p + 2 if low[p + 1] in lex.dets else p + 1), True
    return None


def _forward_adjective(lex: Lex, S: Sent, p: int, i: int, hi: int) -> tuple[int, bool] | None:
    """An unknown adjective before a known noun ("a recent Reuters survey", "an
    early-October CBS News poll"); a past tense after a noun or name is its
    verb ("the mayor rallied voters by warning ...")."""
    low, t = S.low, S.low[p]
    if (
        t.replace("-", "").isalpha()
        and S.w[p][:1].islower()
        and t not in lex.stop
        and t not in lex.aux
        and t not in lex.dets
        and t not in lex.preps
        and p + 1 < hi
        and S.q[p + 1] < 0
        and not (t.endswith("ed") and p > i and (low[p - 1] in lex.nouns or nameish(lex, S, p - 1)))
        and (
            low[p + 1] in lex.nouns
            or low[p + 1] in lex.mods
            or (p > i and low[p - 1] in lex.dets and nameish(lex, S, p + 1))
        )
    ):
        return p + 1, True
    return None


_FORWARD_STEPS: tuple[_Step, ...] = (
    _forward_word,
    _forward_possessive,
    _forward_number,
    _forward_particle,
    _forward_preposition,
    _forward_adjective,
)


def _plural_after_of(lex: Lex, S: Sent, k: int, hi: int) -> bool:
    """An unknown plural noun ending a phrase opened by a quantifier with "of"
    ("one of the docs", "many of the cities")."""
    t, w = S.low[k], S.w
    return (
        t.isalpha()
        and w[k].islower()
        and t.endswith("s")
        and t not in lex.stop
        and t not in lex.aux
        and (k + 1 >= hi or not w[k + 1].isalpha() or S.low[k + 1] in lex.aux)
    )


def _unknown_plural_head(lex: Lex, S: Sent, k: int) -> bool:
    """An unknown plural noun at ``k`` that ends a phrase: a modifier, a
    participle or a reporting verb follows it."""
    nxt, w = S.low[k + 1], S.w[k + 1]
    return _plural_after_of(lex, S, k, k + 1) and (
        nxt in lex.grammar.postmodifier_starts
        or nxt in lex.rules.cue_first
        or (w.isalpha() and w.islower() and nxt.endswith(("ed", "ing")))
    )


def _head_ok(lex: Lex, S: Sent, p: int) -> bool:
    t = S.low[p]
    return t in lex.nouns or nameish(lex, S, p) or t in lex.pronouns


def apposition_after(lex: Lex, S: Sent, k: int, hi: int) -> tuple[int, int] | None:
    """A role in apposition after a noun phrase ending at ``k``: ``, a spokesman for X``."""
    if k >= hi or S.w[k] != "," or k + 1 >= hi or S.q[k + 1] >= 0:
        return None
    first = S.low[k + 1]
    if not (
        first in lex.grammar.articles
        or first in lex.person
        or first in lex.role_words
        or first in lex.mods
        or (first.endswith("'s") or (k + 2 < hi and S.w[k + 2] in lex.grammar.possessive_marks))
    ):
        return None
    m = k + 1
    limit = min(hi, k + 16)
    while (
        m < limit
        and S.q[m] < 0
        and S.w[m] not in (",", ";", ":")
        and S.w[m] not in lex.grammar.sentence_closers
    ):
        if S.low[m] in lex.stop and S.low[m] not in lex.grammar.role_function_words:
            return None
        m += 1
    if m == limit and m < hi:
        return None
    return k + 1, m


def clause_subject(lex: Lex, S: Sent, before: int) -> tuple[int, int] | None:
    """The subject at the start of the sentence, after openers ("But", "Earlier,")
    and an introductory phrase ending in a comma ("Opening the talks, ...")."""
    i = 0
    for _ in range(6):
        if i >= before or S.q[i] >= 0:
            return None
        t = S.low[i]
        if S.w[i] in (",", "\u2014", "-", "--"):
            i += 1
            continue
        if (
            t in lex.intro
            or (i == 0 and t.endswith("ing") and is_cap(S.w[i]))
            or (
                t.isalpha()
                and i + 1 < before
                and S.low[i + 1] in lex.intro
                and S.w[i + 1].islower()
            )
        ):
            # an introductory phrase ("In Kabul,", "Back on American soil,"): jump past its comma
            c = i + 1
            while c < before and c < i + 14 and S.w[c] != "," and S.q[c] < 0:
                c += 1
            if c >= before or S.w[c] != ",":
                return None
            i = _past_year(S, c + 1, before)  # "On July 6, 2015,"
            continue
        if t in lex.openers or t in lex.time:
            i += 1
            continue
        break
    np_ = np_forward(lex, S, i, before)
    if np_ is None:
        return None
    k = np_[1]
    if k < S.n and S.w[k] == ",":
        appo = apposition_after(lex, S, k, before)
        if appo is not None and appo[1] < S.n and S.w[appo[1]] == ",":
            return np_
    return np_


def _past_year(S: Sent, k: int, before: int) -> int:
    """After the comma of a date ("On July 6, 2015, ..."), past the year and its comma."""
    if k + 1 < before and S.w[k].isdigit() and len(S.w[k]) == 4 and S.w[k + 1] == ",":
        return k + 2
    return k


def at_clause_edge(lex: Lex, S: Sent, k: int, lo: int) -> bool:
    """Whether a noun phrase starting at ``k`` can be a subject: it starts the
    sentence or follows a comma, a quotation, a conjunction or an opener."""
    if k <= lo or k == 0:
        return True
    before = S.low[k - 1]
    return (
        S.w[k - 1] in lex.grammar.clause_edges
        or S.q[k - 1] >= 0
        or before in lex.grammar.subject_after
        or before in lex.openers
        or before in lex.time
    )


def quantity_back(lex: Lex, S: Sent, j: int, lo: int) -> tuple[int, int] | None:
    """Token range ``[k, j)`` of a share of people that is a subject on its own,
    ending just before ``j``: "Many", "Both", "about 26%", "one in five", "more
    than half" (None: there is none there). Whether it starts a clause is for
    the caller to ask.

    A bare quantifier is a subject only in the position of one, so the words
    are few and closed: ``quantity_subjects``, a number before a ``share_marks``
    word, or "N in N", with the approximators that may come before them.
    """
    g = lex.grammar
    k = j - 1
    if k < lo or S.q[k] >= 0 or (not S.w[k][:1].isalnum() and S.w[k] not in g.share_marks):
        return None
    t = S.low[k]
    if t in g.quantity_subjects:
        if j < S.n and S.low[j].endswith("ly"):
            return None  # "most recently offered": a degree adverb
        start = k
    elif t in g.share_marks and k - 1 >= lo and _number_word(lex, S.low[k - 1]):
        start = k - 1
    elif t in g.article_shares and k - 1 >= lo and S.low[k - 1] in g.articles:
        start = k - 1  # "about a third"
    elif _number_word(lex, t) and k - 2 >= lo and S.low[k - 1] == "in":
        if not _number_word(lex, S.low[k - 2]):
            return None
        start = k - 2
    elif _number_word(lex, t) and k - 3 >= lo and S.low[k - 2 : k] == ["out", "of"]:
        if not _number_word(lex, S.low[k - 3]):
            return None
        start = k - 3  # "four out of 10"
    else:
        return None
    if any(S.q[x] >= 0 for x in range(start, j)):
        return None
    if start - 1 >= lo and S.low[start - 1] in g.approximators:
        start -= 1  # "about 26%", "nearly one in five"
    elif (
        start - 2 >= lo
        and S.low[start - 1] == "than"
        and S.low[start - 2] in g.approximate_comparatives
    ):
        start -= 2  # "more than half"
    return start, j


def _number_word(lex: Lex, t: str) -> bool:
    """A number in digits or words ("26", "4", "five", "twenty-four")."""
    if t[:1].isdigit():
        return t.replace(",", "").replace(".", "").isdigit()
    return bool(t) and all(part in lex.grammar.number_words for part in t.split("-"))


def title_words(lex: Lex, S: Sent, a: int, b: int) -> bool:
    """A quoted title or name ("Fox News Sunday", "War On Drugs"): every word
    capitalised except short function words."""
    words = [S.w[x] for x in range(a, b) if S.w[x][:1].isalpha()]
    return bool(words) and all(
        w[0].isupper() or w.lower() in lex.grammar.minor_title_words for w in words
    )

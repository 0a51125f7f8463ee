"""Mentions: what the words of a noun phrase say of the source they name.

:func:`mention` reads a noun phrase (found by :mod:`.phrases`) into a
:class:`Mention`: its name and role (``Provincial governor`` and
``Husamuddin Shams``), its head, its kind (person, organisation, document or
pronoun), number and gender (from titles, role nouns and first names), and
whether it surely names a source. Each of these is worked out by a small
function of its own below. A part of a group (``many of them``), a
coordination (``Obama and Clinton``, :func:`coordinated`,
:func:`group_mention`) and a pronoun are mentions too. :class:`Entity` is
what mentions refer to once resolved (:mod:`.resolution`).
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from typing import NamedTuple

from .document import Sent
from .phrases import at_clause_edge, nameish, np_back, person_token
from .rules import Lex

__all__ = [
    "Entity",
    "Mention",
    "coordinated",
    "group_mention",
    "mention",
    "plain_head",
    "plausible_source",
    "pronoun_mention",
    "quantity_mention",
]


@dataclass(slots=True)
class Mention:
    S: Sent
    k: int  # token range of the whole phrase (with role and apposition)
    j: int
    start: int  # characters shown as the speaker mention
    end: int
    text: str
    name: str | None = None
    role: str | None = None
    head: str = ""
    mods: frozenset[str] = frozenset()
    pronoun: str | None = None
    definite: bool = False
    kind: str = "person"  # person, org, document, pronoun
    plural: bool = False
    gender: str | None = None
    strong: bool = True  # head is a name, pronoun or known noun
    head_pos: int = 0
    heads: frozenset[str] = frozenset()  # role nouns ("governor", "minister")
    resolvable: bool = False  # a definite description that may refer back
    canonical: str | None = None  # the words that name the source, when not ``text``


def mention(
    lex: Lex, S: Sent, k: int, j: int, role_span: tuple[int, int] | None = None
) -> Mention | None:
    """Analyse the noun phrase ``[k, j)`` (with the role in apposition at
    ``role_span``, if any): name, role, head, kind, number, gender, strength."""
    low = S.low
    openers = lex.rules.not_a_source["clause_openers"]
    if k > 0 and j - k >= 2 and low[k] in openers and S.w[k + 1][:1].isupper():
        k += 1  # "we know that Russian officials said": "that" opens the clause
    if j - k == 1 and low[k] in lex.grammar.standalone_quantifiers:
        return _described_group(S, k, j)
    if j - k >= 3 and low[k] in lex.grammar.quantifiers and low[k + 1] == "of" and not role_span:
        return _part_of_group(lex, S, k, j)
    jj = _end_before_parenthesis(S, k, j)
    if jj <= k:
        return None
    if jj - k == 1 and low[k] in lex.pronouns:
        return pronoun_mention(lex, S, k, low[k])
    name_span = _name_span(lex, S, k, jj)
    det = low[k] if low[k] in lex.dets else None
    body = k + 1 if det else k
    head_pos = _head_position(lex, S, k, body, jj, name_span)
    if name_span is not None:
        reading = _named_person(lex, S, k, name_span)
    else:
        reading = _description(lex, S, k, jj, head_pos, det)
    role, gender = _role_in_apposition(lex, S, reading.role, reading.gender, role_span)
    head = low[head_pos]
    return Mention(
        S,
        k,
        j if role_span is None else max(j, role_span[1]),
        reading.start,
        reading.end,
        S.text[reading.start : reading.end],
        name=reading.name,
        role=role,
        head=head,
        mods=_modifier_words(low[body:jj], role),
        definite=det in lex.rules.definite if det else False,
        kind=reading.kind,
        plural=reading.plural,
        gender=gender,
        strong=_strong_head(lex, S, head_pos, name_span),
        head_pos=head_pos,
        heads=_role_heads(lex, S, head, k, j, role),
        resolvable=det in lex.grammar.anaphoric_determiners,
    )


class _Reading(NamedTuple):
    """What the words of a noun phrase say of the source: the characters shown
    as the mention, its name and role, and its kind, number and gender."""

    start: int
    end: int
    name: str | None
    role: str | None
    kind: str
    plural: bool
    gender: str | None


def _described_group(S: Sent, k: int, j: int) -> Mention:
    """ "those close to him", "some in the party": people described by what follows."""
    return Mention(
        S, k, j, S.s[k], S.e[k], S.w[k], head=S.low[k], plural=True, head_pos=k, strong=True
    )


def quantity_mention(S: Sent, k: int, j: int) -> Mention:
    """ "Many", "about 26%", "one in five": a share of people named by its size
    (:func:`toolkit.quotes.phrases.quantity_back` finds one)."""
    return Mention(
        S,
        k,
        j,
        S.s[k],
        S.e[j - 1],
        S.text[S.s[k] : S.e[j - 1]],
        head=S.low[j - 1],
        plural=S.low[k:j] != ["one"],
        head_pos=j - 1,
        strong=True,
    )


def _part_of_group(lex: Lex, S: Sent, k: int, j: int) -> Mention:
    """ "many of them", "one of the doctors": a part of a group, with the head of
    the group's phrase."""
    low = S.low
    inner = None if low[k + 2] in ("them", "us") else mention(lex, S, k + 2, j)
    part = Mention(S, k, j, S.s[k], S.e[j - 1], S.text[S.s[k] : S.e[j - 1]])
    part.head, part.head_pos, part.kind = low[k], k, "person"
    if inner is not None:
        part.head, part.head_pos, part.kind = inner.head, inner.head_pos, inner.kind
        part.heads, part.mods = inner.heads, inner.mods
        if inner.kind == "pronoun":
            part.kind = "person"
    part.plural = low[k] not in ("one", "each")
    part.strong = inner is None or inner.strong or inner.head.endswith("s")
    return part


def pronoun_mention(lex: Lex, S: Sent, p: int, pronoun: str) -> Mention:
    """The pronoun at token ``p`` (or the possessive there, standing for
    ``pronoun``), with the gender and number ``quotes.yaml`` gives it."""
    gender, number = lex.pronouns.get(pronoun, (None, "singular"))
    return Mention(
        S,
        p,
        p + 1,
        S.s[p],
        S.e[p],
        S.w[p],
        head=pronoun,
        pronoun=pronoun,
        kind="pronoun",
        plural=number == "plural",
        gender=gender if gender in ("male", "female") else None,
    )


def _end_before_parenthesis(S: Sent, k: int, j: int) -> int:
    """Where the phrase ``[k, j)`` ends without a parenthesis at its end, which is
    not part of the name ("Mike Pence (R-IN)")."""
    jj = j
    if S.w[jj - 1] == ")":
        while jj > k and S.w[jj - 1] != "(":
            jj -= 1
        jj -= 1
    return jj


def _name_span(lex: Lex, S: Sent, k: int, jj: int) -> tuple[int, int] | None:
    """The personal name at the end of ``[k, jj)``: capitalised tokens (and
    particles) that are not roles; None when the phrase names no person."""
    low, w = S.low, S.w
    lead = _leading_name(lex, S, k, jj)
    if lead is not None:
        return lead
    n = jj
    while n - 1 >= k and (
        person_token(lex, S, n - 1)
        or (low[n - 1] in lex.particles and n < jj and n - 2 >= k and nameish(lex, S, n - 2))
    ):
        n -= 1
    while n < jj and low[n] in lex.particles:
        n += 1
    while n < jj - 1 and low[n] in lex.rules.not_a_source["not_persons"]:
        n += 1  # "Welcome Jack Markell": a greeting before the name
    if n >= jj:
        return None
    if n == 0 and jj == 1 and S.doc.lower_case_word(low[0]):
        return None  # a common word starting the sentence ("Health worries")
    connectors = lex.grammar.connectors
    if any(low[x] in connectors and w[x - 1].islower() for x in range(k + 1, n)):
        return None  # "officials in northern Afghanistan", "spokesman for Trump"
    if n > k and low[n - 1] in connectors:
        return None  # "general of Oklahoma"
    if any(low[x] in lex.org_words for x in range(n, jj)):
        return None  # "New York Post", "Reuters": an organisation, not a person
    return n, jj


def _leading_name(lex: Lex, S: Sent, k: int, jj: int) -> tuple[int, int] | None:
    """A full name that opens the phrase, with where the person works after it:
    "Andrew J. Pincus of the law firm Mayer Brown", "Phil Musser of digital
    consulting firm IMGE" name Andrew J. Pincus and Phil Musser, not the firm."""
    n = k
    while n < jj and person_token(lex, S, n):
        n += 1
    if n - k < 2 or n + 1 >= jj or S.low[n] not in lex.grammar.connectors:
        return None
    after = S.w[n + 1]
    return (k, n) if after.islower() and after.isalpha() else None


def _head_position(
    lex: Lex, S: Sent, k: int, body: int, jj: int, name_span: tuple[int, int] | None
) -> int:
    """The head of ``[k, jj)`` (``body`` is where it starts after a determiner):
    the role noun before a name, else the last noun of a description, or the
    lower-case noun before "of"/"for"/"in" ("officials in Kabul", but "Ministry of
    Defence official")."""
    low, w = S.low, S.w
    head_pos = jj - 1
    if name_span is not None:
        for x in range(k, name_span[0]):
            if low[x] in lex.person:
                head_pos = x
        return head_pos
    for x in range(body, jj):
        if low[x] in lex.grammar.connectors and x > body and w[x - 1].islower():
            break
        if low[x] in lex.nouns or nameish(lex, S, x):
            head_pos = x
    return head_pos


def _strong_head(lex: Lex, S: Sent, head_pos: int, name_span: tuple[int, int] | None) -> bool:
    """Whether the phrase surely names a source: a name, or a head the lists
    know, or a capitalised head that is no common word starting the sentence."""
    head = S.low[head_pos]
    return (
        name_span is not None
        or head in lex.nouns
        or head in lex.org_words
        or (nameish(lex, S, head_pos) and not (head_pos == 0 and S.doc.lower_case_word(head)))
    )


def _named_person(lex: Lex, S: Sent, k: int, name_span: tuple[int, int]) -> _Reading:
    """A phrase ending in a personal name: the name, the role before it (unless
    it is only titles: "Mr.", "Dr."), and the gender its words give."""
    a, b = name_span
    ra = _role_start(lex, S, k, a)
    titles = lex.rules.title_gender
    role = None
    if ra < a and not all(S.low[x] in titles for x in range(ra, a)):
        role = _join(S, ra, a)
    gender = _name_gender(lex, S, k, a)
    return _Reading(S.s[a], S.e[b - 1], _join(S, a, b), role, "person", False, gender)


def _description(lex: Lex, S: Sent, k: int, jj: int, head_pos: int, det: str | None) -> _Reading:
    """A phrase without a name: its kind (document, organisation or person),
    number and gender, from its head and determiner."""
    head = S.low[head_pos]
    r = lex.rules
    if head in lex.doc or (head in r.evidence_subjects and head not in lex.nouns_named):
        kind = "document"
    elif (
        head in lex.org
        or head in lex.org_words
        or (nameish(lex, S, head_pos) and head not in lex.person)
    ):
        kind = "org"
    else:
        kind = "person"
    plural = (
        head in lex.grammar.always_plural
        or det in lex.grammar.plural_determiners
        or (kind == "person" and head.endswith("s") and not head.endswith(("ss", "us")))
    )
    return _Reading(S.s[k], S.e[jj - 1], None, None, kind, plural, r.noun_gender.get(head))


def _role_in_apposition(
    lex: Lex,
    S: Sent,
    role: str | None,
    gender: str | None,
    role_span: tuple[int, int] | None,
) -> tuple[str | None, str | None]:
    """The role and gender, given the role in apposition at ``role_span`` (",
    a spokeswoman for the ministry,"), without its article."""
    if role_span is None:
        return role, gender
    ra, rb = role_span
    if ra < rb and S.low[ra] in lex.grammar.articles:
        ra += 1
    if ra < rb:
        role = _join(S, ra, rb)
        for x in range(ra, rb):
            gender = gender or lex.rules.noun_gender.get(S.low[x])
    return role, gender


def _modifier_words(words: list[str], role: str | None) -> frozenset[str]:
    """The words of a description and its role, without possessive endings (what
    a later definite description is matched on)."""
    mods = frozenset(
        x.removesuffix("'s").removesuffix("\u2019s")
        for x in words
        if x.isalpha() or "-" in x or x.endswith(("'s", "\u2019s"))
    )
    if role:
        mods = mods | frozenset(
            x.lower().removesuffix("'s").removesuffix("\u2019s") for x in role.split()
        )
    return mods


def _role_heads(lex: Lex, S: Sent, head: str, k: int, j: int, role: str | None) -> frozenset[str]:
    """The head and every person noun of the phrase and its role ("governor",
    "minister"), by which a later description can refer back."""
    return frozenset(
        [head]
        + [S.low[x] for x in range(k, j) if S.low[x] in lex.person]
        + ([x.lower() for x in role.split() if x.lower() in lex.person] if role else [])
    )


def _role_start(lex: Lex, S: Sent, k: int, a: int) -> int:
    """Where the role before a name starting at ``a`` begins: back over role words,
    nouns, modifiers and capitalised words, and over "of"/"for" only inside a role
    ("Secretary of State"), not "Briefing by Press Secretary"."""
    low, w = S.low, S.w
    x = a
    while x - 1 >= k:
        t = low[x - 1]
        if t in lex.dets:
            break
        if t in lex.grammar.connectors:
            if x - 2 >= k and (low[x - 2] in lex.role_words or low[x - 2] in lex.person):
                x -= 1
                continue
            break
        after = x if x < a else None  # the token after this one, inside the role
        if (
            t in lex.role_words
            or t in lex.nouns
            or t in lex.mods
            or w[x - 1] in lex.grammar.possessive_marks
            or any(c.isdigit() for c in t)
            or (
                # a capitalised modifier: before "'s" or a lower-case role noun
                # ("Iran's Foreign Minister", "Stein spokeswoman")
                w[x - 1][:1].isupper()
                and after is not None
                and (
                    w[after] in lex.grammar.possessive_marks
                    or (w[after].islower() and low[after] in lex.person)
                )
            )
        ):
            x -= 1
            continue
        break
    return x


def _join(S: Sent, a: int, b: int) -> str:
    """The text of tokens ``a .. b-1`` (as written, with its spaces)."""
    return S.text[S.s[a] : S.e[b - 1]]


def _name_gender(lex: Lex, S: Sent, k: int, a: int) -> str | None:
    """Gender of a named person from a title or role word before the name, or the
    first name."""
    r = lex.rules
    for x in range(k, a):
        g = r.title_gender.get(S.low[x]) or r.noun_gender.get(S.low[x])
        if g:
            return g
    return r.name_gender.get(S.low[a])


def coordinated(lex: Lex, S: Sent, np_: tuple[int, int], lo: int) -> tuple[int, int, int | None]:
    """Extend a subject back over coordinated names and descriptions ("Jeff Merkley,
    Sherrod Brown and Robert Menendez suggested", "Obama and Clinton say"). Returns
    ``(start, end, last)`` where ``last`` is the start of the last conjunct when
    the subject is coordinated, else None."""
    k, j = np_
    start = k
    for _ in range(8):
        c = start - 1
        if c - 1 < lo or S.q[c] >= 0 or S.low[c] not in ("and", ","):
            break
        if S.low[c] == "," and start == k:
            break  # a list ends in "and": "A, B and C"
        prev = np_back(lex, S, c, lo)
        if prev is None:
            break
        m = mention(lex, S, *prev)
        if m is None or not m.strong or (m.kind == "pronoun" and m.pronoun in ("it", "you")):
            break
        start = prev[0]
    if start < k and at_clause_edge(lex, S, start, lo) and S.low[start - 1 : start] != ["and"]:
        return start, j, k
    return k, j, None


def group_mention(lex: Lex, S: Sent, np_: tuple[int, int, int | None]) -> Mention | None:
    """A coordinated subject: a group source named by all its conjuncts."""
    k, j, last = np_
    assert last is not None
    m = mention(lex, S, last, j)
    if m is None:
        return None
    head = mention(lex, S, k, j)
    text = S.text[S.s[k] : S.e[j - 1]]
    return Mention(
        S,
        k,
        j,
        S.s[k],
        S.e[j - 1],
        text,
        head=m.head,
        mods=m.mods,
        kind=m.kind if m.kind != "pronoun" else "person",
        plural=True,
        strong=True,
        head_pos=m.head_pos,
        heads=m.heads | (head.heads if head is not None else frozenset()),
    )


def plain_head(lex: Lex, S: Sent, m: Mention) -> bool:
    """A noun phrase headed by a common noun the lists do not know: a plural
    ("environmentalists") or a noun after a determiner ("an architect"); not a
    verb form ("began", "borrowing")."""
    head = S.w[m.head_pos]
    return (
        head.replace("-", "").isalpha()  # "front-runner"
        and head.islower()
        and len(head) > 3
        and m.head not in lex.stop
        and m.head not in lex.aux
        and m.head not in lex.time
        and not head.endswith(("ing", "ed"))
        and (
            (head.endswith("s") and not head.endswith(("ss", "us")))
            or (m.k < m.head_pos and S.low[m.k] in lex.dets)
        )
    )


def plausible_source(lex: Lex, m: Mention, known: Container[str] = ()) -> bool:
    """Whether a mention can be the source of reported words: a person, a named
    organisation, a role description or a document, not an object ("Video
    footage"), a whole population or unspecified group alone ("people say"),
    a fragment ("Seventh Replenishment", "the President's plan") or a phrase
    with a verb in it ("the Office of Personnel Management shall").
    The word lists are the ``not_a_source`` section of ``quotes.yaml``;
    ``known`` holds the surnames (lower case) of the people named so far, which
    are names whatever their ending ("Pence")."""
    if m.pronoun is not None:
        return True
    rule = lex.rules.not_a_source
    S = m.S
    if m.head in rule["object_nouns"] or m.head.rstrip(".") in rule["not_persons"]:
        return False
    words = [x for x in range(m.k, m.j) if S.w[x][:1].isalnum()]
    if not words or S.low[words[-1]] in rule["open_ends"]:
        return False  # "diplomatic speak for": cut before its object
    if m.head in rule["generic_groups"] and all(
        x == m.head_pos or S.low[x] in lex.grammar.articles or not S.w[x].isalnum()
        for x in range(m.k, m.j)
    ):
        return False  # "people say", "The Leaders welcomed": no one in particular
    for x in range(m.k, m.j):
        word = S.w[x]
        if S.q[x] >= 0 or not word.islower():
            continue
        if S.low[x] in rule["verbs"]:
            return False  # "the Office of Personnel Management shall"
        if x > m.k and word.endswith("ed") and S.w[x - 1][:1].isupper() and m.name is not None:
            return False  # "President Biden expressed support for Prime Minister Modi"
    possessed = S.low[m.k] in lex.grammar.possessive_pronouns or any(
        S.w[x] in lex.grammar.possessive_marks for x in range(m.k, m.head_pos)
    )
    if possessed and (m.head in rule["possessed_nouns"] or m.head in lex.rules.nominal):
        return False  # "the President's plan": the possessor is the source
    if m.name is not None:
        words = m.name.split()
        if words[0].lower() in rule["ordinals"]:
            return False  # "Seventh Replenishment"
        # "Revocation": an abstract noun is no one's name
        suffixes = tuple(rule["abstract_suffixes"])
        return not (
            len(words) == 1
            and m.role is None
            and words[0].lower().endswith(suffixes)
            and words[0].lower() not in known
        )
    return True


@dataclass(slots=True)
class Entity:
    name: str
    role: str | None
    kind: str
    gender: str | None
    plural: bool
    head: str
    mods: frozenset[str]
    heads: frozenset[str] = frozenset()

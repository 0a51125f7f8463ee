"""Noun phrases and mentions: the words that can name a speaker, and what they say of it.

A speaker is a noun phrase: a name with its role (``Provincial governor
Husamuddin Shams``), a description (``a Ministry of Defence official``,
``political observers in Virginia``), a part of a group (``many of them``), a
coordination (``Obama and Clinton``) or a pronoun. :func:`np_back` and
:func:`np_forward` find the phrase before or after a position;
:func:`mention` reads it into a :class:`Mention` (name, role, head, kind,
number, gender and whether it surely names a source). :class:`Entity` is what
mentions refer to once resolved (:mod:`.resolution`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import Sent, is_cap
from .rules import Lex

__all__ = [
    "Entity",
    "Mention",
    "apposition_after",
    "at_clause_edge",
    "clause_subject",
    "coordinated",
    "group_mention",
    "mention",
    "nameish",
    "np_back",
    "np_forward",
    "person_token",
    "plain_head",
]


@dataclass
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


def nameish(lex: Lex, S: Sent, i: int) -> bool:
    return S.w[i][:1].isupper() and S.low[i] not in lex.not_name


def person_token(lex: Lex, S: Sent, i: int) -> bool:
    """A capitalised token that can belong to a personal name."""
    return nameish(lex, S, i) and S.low[i] not in lex.not_person


def np_back(lex: Lex, S: Sent, j: int, lo: int) -> tuple[int, int] | None:
    """Token range ``[k, j)`` of a noun phrase ending just before ``j``."""
    i = j - 1
    if i < lo or S.q[i] >= 0:
        return None
    low, w = S.low, S.w
    if low[i] in lex.pronouns:
        return i, j
    if w[i] == ")":  # a parenthesis after a name: Mike Pence (R-IN)
        k = i - 1
        while k > lo and k > i - 8 and w[k] != "(":
            k -= 1
        if k <= lo or w[k] != "(":
            return None
        inner = np_back(lex, S, k, lo)
        return None if inner is None else (inner[0], j)
    k = i + 1
    while k - 1 >= lo:
        p = k - 1
        t = low[p]
        if S.q[p] >= 0:
            break
        if (
            w[p] in lex.grammar.possessive_marks
            and p - 1 >= lo
            and k <= i
            and (nameish(lex, S, p - 1) or low[p - 1] in lex.nouns)
        ):
            k = p
            continue
        if t in lex.nouns or t in lex.mods or nameish(lex, S, p):
            k = p
            continue
        if any(c.isdigit() for c in t) and k <= i and S.w[k][:1].isalnum():
            k = p  # "the 2014 American Community Survey", "73 percent"
            continue
        if (
            t in lex.particles
            and p - 1 >= lo
            and nameish(lex, S, p - 1)
            and k <= i
            and nameish(lex, S, k)
        ):
            k = p
            continue
        if (
            t in lex.grammar.connectors
            and k <= i
            and p - 1 >= lo
            and (low[p - 1] in lex.nouns or nameish(lex, S, p - 1))
            and (nameish(lex, S, k) or low[k] in lex.dets or low[k] in lex.mods)
        ):
            k = p
            continue
        if t in lex.dets and t not in lex.pronouns:
            if (
                p - 2 >= lo
                and low[p - 1] in lex.grammar.connectors
                and k <= i
                and (low[p - 2] in lex.nouns or nameish(lex, S, p - 2))
            ):
                k = p
                continue
            if k <= i:
                k = p
            break
        if t.isalpha() and t not in lex.stop and t not in lex.aux and w[p].islower():
            # unknown lower-case words (adjectives, noun modifiers) are kept when a
            # determiner, a possessive, a name or the start of a clause precedes them
            m = p
            while (
                m - 1 >= lo
                and m > p - 2
                and S.q[m - 1] < 0
                and low[m - 1].isalpha()
                and low[m - 1] not in lex.stop
                and low[m - 1] not in lex.dets
                and low[m - 1] not in lex.aux
                and w[m - 1].islower()
            ):
                m -= 1
            before = m - 1
            if before >= lo and low[before] in lex.dets and low[before] not in lex.pronouns:
                k = before
                if (
                    before - 2 >= lo
                    and low[before - 1] in lex.grammar.connectors
                    and (low[before - 2] in lex.nouns or nameish(lex, S, before - 2))
                ):
                    continue  # "the minister of the economy"
                break
            if before >= lo and (
                w[before] in lex.grammar.possessive_marks or nameish(lex, S, before)
            ):
                k = m
                continue
            if at_clause_edge(lex, S, m, lo):
                k = m
        break
    # drop leading connectors
    while k < j and low[k] in lex.grammar.connectors:
        k += 1
    if k >= j:
        return None
    return k, j


def np_forward(lex: Lex, S: Sent, i: int, hi: int) -> tuple[int, int] | None:
    """Token range ``[i, k)`` of a noun phrase starting at ``i``."""
    if i >= hi or S.q[i] >= 0:
        return None
    low, w = S.low, S.w
    if low[i] in lex.pronouns:
        return i, i + 1
    k = i
    quantified = False
    if (
        low[k] in lex.grammar.approximators
        and k + 1 < hi
        and (low[k + 1][:1].isdigit() or low[k + 1] in lex.grammar.quantifiers)
    ):
        k += 1  # "about 200 residents", "nearly one of every nine voters"
    if (
        low[k] in lex.grammar.standalone_quantifiers
        and k + 1 < hi
        and S.q[k + 1] < 0
        and low[k + 1] in lex.grammar.standalone_followers
    ):
        return i, i + 1  # "those close to him", "some in the party", "many who ..."
    if (
        low[k] in lex.grammar.quantifiers
        and k + 2 < hi
        and low[k + 1] == "of"
        and (low[k + 2] in lex.dets or low[k + 2] in ("them", "us"))
    ):
        if low[k + 2] in ("them", "us"):
            return i, k + 3  # "many of them", "some of us"
        k += 2  # "many of the experts", "one of the doctors"
        quantified = True
    elif low[k] in lex.grammar.predeterminers and k + 1 < hi and low[k + 1] in lex.dets:
        k += 1  # "all the experts", "both the president and ..."
    if low[k] in lex.dets:
        k += 1
    while k < hi and S.q[k] < 0:
        t = low[k]
        if t in lex.nouns or t in lex.mods or nameish(lex, S, k):
            k += 1
            continue
        if w[k] in lex.grammar.possessive_marks and k > i:
            k += 1
            continue
        if (
            any(c.isdigit() for c in t)
            and k + 1 < hi
            and S.q[k + 1] < 0
            and (low[k + 1] in lex.nouns or low[k + 1] in lex.mods or nameish(lex, S, k + 1))
        ):
            k += 1  # "9/11 widow Terry Strada", "22-year-old student"
            continue
        if t in lex.particles and k > i and k + 1 < hi and nameish(lex, S, k + 1):
            k += 1
            continue
        if (
            t in lex.grammar.phrase_prepositions
            and k > i
            and k + 1 < hi
            and S.q[k + 1] < 0
            and (nameish(lex, S, k + 1) or low[k + 1] in lex.dets or low[k + 1] in lex.nouns)
        ):
            k += 1
            if low[k] in lex.dets:
                k += 1
            continue
        if (
            t.replace("-", "").isalpha()
            and w[k].islower()
            and t not in lex.stop
            and t not in lex.aux
            and t not in lex.dets
            and t not in lex.preps
            and k + 1 < hi
            and S.q[k + 1] < 0
            and (
                low[k + 1] in lex.nouns
                or low[k + 1] in lex.mods
                or (k > i and low[k - 1] in lex.dets and nameish(lex, S, k + 1))
            )
        ):
            k += 1  # an unknown adjective before a known noun ("a recent Reuters survey")
            continue
        if (
            quantified
            and t.isalpha()
            and w[k].islower()
            and t.endswith("s")
            and t not in lex.stop
            and t not in lex.aux
            and (k + 1 >= hi or not w[k + 1].isalpha() or low[k + 1] in lex.aux)
        ):
            return i, k + 1  # "one of the docs", "many of the cities"
        break
    while k > i and not _head_ok(lex, S, k - 1):
        k -= 1
    if k <= i or (k == i + 1 and low[i] in lex.dets):
        return None
    return i, k


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


def mention(lex: Lex, S: Sent, k: int, j: int, role_span: tuple[int, int] | None = None):
    """Analyse the noun phrase ``[k, j)``: name, role, head, kind, gender."""
    low, w, text = S.low, S.w, None
    r = lex.rules
    if j - k == 1 and low[k] in lex.grammar.standalone_quantifiers:
        # "those close to him", "some in the party": people described by what follows
        return Mention(
            S, k, j, S.s[k], S.e[k], w[k], head=low[k], plural=True, head_pos=k, strong=True
        )
    if (
        j - k >= 3
        and low[k] in lex.grammar.quantifiers
        and low[k + 1] == "of"
        and role_span is None
    ):
        # "many of them", "one of the doctors": a part of a group
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
    # a parenthesis at the end is not part of the name
    jj = j
    if w[jj - 1] == ")":
        while jj > k and w[jj - 1] != "(":
            jj -= 1
        jj -= 1
    if jj <= k:
        return None
    if jj - k == 1 and low[k] in lex.pronouns:
        gender, number = lex.pronouns[low[k]]
        return Mention(
            S,
            k,
            j,
            S.s[k],
            S.e[k],
            w[k],
            head=low[k],
            pronoun=low[k],
            kind="pronoun",
            plural=number == "plural",
            gender=gender if gender in ("male", "female") else None,
        )
    # the name: capitalised tokens (and particles) at the end that are not roles
    n = jj
    while n - 1 >= k and (
        person_token(lex, S, n - 1)
        or (low[n - 1] in lex.particles and n < jj and n - 2 >= k and nameish(lex, S, n - 2))
    ):
        n -= 1
    while n < jj and low[n] in lex.particles:
        n += 1
    name_span = (n, jj) if n < jj else None
    if n == 0 and jj == 1 and S.doc.lower_case_word(low[0]):
        name_span = None  # a common word starting the sentence ("Health worries")
    if name_span is not None and any(
        low[x] in lex.grammar.connectors and w[x - 1].islower() for x in range(k + 1, n)
    ):
        name_span = None  # "officials in northern Afghanistan", "spokesman for Trump"
    if name_span is not None and n > k and low[n - 1] in lex.grammar.connectors:
        name_span = None  # "general of Oklahoma"
    if name_span is not None and any(low[x] in lex.org_words for x in range(n, jj)):
        # "New York Post", "Reuters": an organisation, not a person
        name_span = None
    det = low[k] if low[k] in lex.dets else None
    body = k + 1 if det else k
    head_pos = jj - 1
    if name_span is None:
        # the head of a description is its last noun, or the lower-case noun
        # before "of"/"for"/"in" ("officials in Kabul", but "Ministry of Defence official")
        for x in range(body, jj):
            if low[x] in lex.grammar.connectors and x > body and w[x - 1].islower():
                break
            if low[x] in lex.nouns or nameish(lex, S, x):
                head_pos = x
    else:
        for x in range(k, name_span[0]):
            if low[x] in lex.person:
                head_pos = x
    head = low[head_pos]
    strong = (
        name_span is not None
        or head in lex.nouns
        or head in lex.org_words
        or (nameish(lex, S, head_pos) and not (head_pos == 0 and S.doc.lower_case_word(head)))
    )
    mods = frozenset(
        x.removesuffix("'s").removesuffix("\u2019s")
        for x in low[body:jj]
        if x.isalpha() or "-" in x or x.endswith(("'s", "\u2019s"))
    )
    if name_span is not None:
        a, b = name_span
        mstart, mend = S.s[a], S.e[b - 1]
        kind = "person"
        plural = False
        gender = _name_gender(lex, S, k, a)
        name = _join(S, a, b)
        role = None
        ra = _role_start(lex, S, k, a)
        if ra < a and not all(low[x] in r.title_gender for x in range(ra, a)):
            role = _join(S, ra, a)
    else:
        mstart, mend = S.s[k], S.e[jj - 1]
        name = None
        role = None
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
        gender = r.noun_gender.get(head)
    if role_span is not None:
        ra, rb = role_span
        if ra < rb and low[ra] in lex.grammar.articles:
            ra += 1
        if ra < rb:
            role = _join(S, ra, rb)
            for x in range(ra, rb):
                gender = gender or r.noun_gender.get(low[x])
    heads = frozenset(
        [head]
        + [low[x] for x in range(k, j) if low[x] in lex.person]
        + ([x.lower() for x in role.split() if x.lower() in lex.person] if role else [])
    )
    if role:
        mods = mods | frozenset(
            x.lower().removesuffix("'s").removesuffix("\u2019s") for x in role.split()
        )
    text = S.text[mstart:mend]
    return Mention(
        S,
        k,
        j if role_span is None else max(j, role_span[1]),
        mstart,
        mend,
        text,
        name=name,
        role=role,
        head=head,
        mods=mods,
        definite=det in lex.rules.definite if det else False,
        kind=kind,
        plural=plural,
        gender=gender,
        strong=strong,
        head_pos=head_pos,
        heads=heads,
        resolvable=det in lex.grammar.anaphoric_determiners,
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
        if t in lex.intro or (i == 0 and t.endswith("ing") and is_cap(S.w[i])):
            # an introductory phrase: jump past its comma
            c = i + 1
            while c < before and c < i + 14 and S.w[c] != "," and S.q[c] < 0:
                c += 1
            if c >= before or S.w[c] != ",":
                return None
            i = c + 1
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
        head.isalpha()
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


@dataclass
class Entity:
    name: str
    role: str | None
    kind: str
    gender: str | None
    plural: bool
    head: str
    mods: frozenset[str]
    heads: frozenset[str] = frozenset()

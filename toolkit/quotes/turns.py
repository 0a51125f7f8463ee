"""Transcript turns: a paragraph opening with a speaker label, and who the label names.

A paragraph opening with a label ("MS. PSAKI: ...", "THE PRESIDENT: ...",
"Q Will the ...", "PENCE: Well, ...", "Poll: ...") is that speaker's turn. In
a transcript (a document with at least two paragraphs opening with a label in
capitals, not with a quotation mark: an article quoting a transcript puts one
before each paragraph, and each is a quotation of its own) a turn goes on over
the paragraphs that follow, up to the next label or a paragraph without a
lower-case word ("END", "###", "12:42 P.M. EDT").

Who a label names, as the document gives it (:class:`Turns`):

* a surname with a title ("MS. PSAKI", "SECRETARY BLINKEN", "GENERAL
  MILLEY") is the person of that surname the document names in full ("Jen
  Psaki", "Press Secretary Jen Psaki" in its title), or the surname alone;
* a role alone ("THE PRESIDENT", "THE VICE PRESIDENT") is the person the
  document names most often with that title ("President Biden"), leaving
  out the people who have labels of their own (in a meeting with another
  head of state, "PRESIDENT GHANI:" is not "THE PRESIDENT:"); without one, the
  role as a description ("president");
* a description ("SENIOR ADMINISTRATION OFFICIAL", "MODERATOR") is that
  description;
* an unnamed questioner ("Q", "QUESTION") is the press role of
  ``press_labels`` in ``quotes.yaml``: the turn is a press question.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .cues import Frame
from .document import Doc, Sent, is_cap, sentence_words
from .mentions import Entity, Mention, mention
from .phrases import person_token
from .resolution import Resolver
from .rows import Row
from .rules import Attribution, Lex, Resolution

__all__ = ["Turn", "Turns", "label_turn"]


@dataclass
class Turn:
    """A transcript turn being read: its row (extended over the paragraphs of
    the turn), its attribution, and whether it is a press question."""

    row: Row
    frame: Frame
    press: bool


# A paragraph that may open with a label in capitals ("MS. PSAKI:", "THE
# PRESIDENT:") or with "Q" (the check that it is a label comes later).
_CAPS_LABEL = re.compile(
    r"[\"'\u201c]?(?:Q\b|(?:[A-Z][A-Z.'\u2019-]*\s+){0,4}[A-Z][A-Z.'\u2019-]*:)"
)


_OPENING_MARKS = frozenset("\"'\u201c")


# A run of capitalised words (a name), for finding full names in the text.
_NAME_WORD = r"(?:[A-Z][a-z'\u2019-]+|[A-Z]\.)"


class Turns:
    """The labels of one document, and the people they name (see the module)."""

    def __init__(self, lex: Lex, doc: Doc, title: str | None):
        self.lex, self.doc = lex, doc
        text = doc.text
        labels = [m for a, _ in doc.paragraphs if (m := _CAPS_LABEL.match(text, a))]
        # a transcript opens its paragraphs with labels; an article quoting one
        # opens them with a quotation mark ('"PENCE: Well, ...'), each paragraph
        # a quotation of its own
        self.transcript = sum(m.group()[:1] not in _OPENING_MARKS for m in labels) >= 2
        self.title = title
        self.search_text = f"{title}\n{text}" if title else text
        # surnames that have labels of their own ("PRESIDENT GHANI:")
        self.labelled = {
            _title_case(m.group().rstrip(":").split()[-1]).strip("\"'\u201c")
            for m in labels
            if len(m.group().split()) > 1
        }
        self._full: dict[str, str] = {}
        self._holders: dict[tuple[str, ...], str | None] = {}

    def holder_entity(self, res: Resolver, role: list[str]) -> Entity | None:
        """The person :meth:`holder` names, as an entity of ``res``."""
        key = tuple(role)
        if key not in self._holders:
            self._holders[key] = self.holder(role)
        name = self._holders[key]
        if name is None:
            return None
        return res.person(name, " ".join(w.capitalize() for w in role), None)

    def full_name(self, res: Resolver, surname: str) -> str:
        """The full name the document gives to a surname ("Psaki" -> "Jen Psaki"),
        or the surname when it gives none."""
        known = res.by_surname.get(surname.lower())
        if known is not None and known.kind == "person" and " " in known.name:
            return known.name
        if surname not in self._full:
            pattern = re.compile(rf"\b((?:{_NAME_WORD}\s+){{1,3}}){re.escape(surname)}\b")
            forms: Counter[str] = Counter()
            for m in pattern.finditer(self.search_text):
                first = _first_names(self.lex, m.group(1).split())
                if first and not first[0].endswith("."):  # "M. Psaki" is no first name
                    forms[" ".join([*first, surname])] += 1
            # two first names ("Joe Biden", "Hunter Biden"): the surname stays alone
            firsts = {f.split()[0] for f in forms}
            self._full[surname] = forms.most_common(1)[0][0] if len(firsts) == 1 else surname
        return self._full[surname]

    def holder(self, role: list[str]) -> str | None:
        """The name of the person the document names most often with the title
        ``role`` ("president" -> "Joe Biden" from "President Biden" and
        "President Joe Biden"; the surname alone when the title never comes
        with a first name), not counting people with labels of their own nor
        longer titles ("Vice President Harris" is no "President"). When the
        document's title names someone with that title ("Remarks by President
        Biden in Press Conference"), that is the person: a transcript's title
        says who speaks, while its text may name another president more often.

        When the text alone decides and names two people with the title
        ("President Putin" and "President Biden" in a briefing on Russia, where
        "the President" is Biden however often Putin is named), the document
        does not say: None, and the title stays a description, which
        :func:`toolkit.resolve_speakers` gives the person the rest of the
        corpus gives it."""
        for text in [self.title, self.search_text] if self.title else [self.search_text]:
            counts, full = self._titled(role, text)
            if not counts:
                continue
            ranked = counts.most_common(2)  # ties: the first named
            if text is not self.title and len(ranked) == 2:
                return None
            surname = ranked[0][0]
            return full.get(surname, surname)
        return None

    def _titled(self, role: list[str], text: str) -> tuple[Counter[str], dict[str, str]]:
        """How often ``text`` names each surname with the title ``role``, and
        the fullest name it gives each."""
        title = r"\s+".join(re.escape(w.capitalize()) for w in role)
        pattern = re.compile(rf"\b{title}\s+((?:{_NAME_WORD}\s+){{0,2}}[A-Z][a-z'\u2019-]+)")
        counts: Counter[str] = Counter()
        full: dict[str, str] = {}
        lex = self.lex
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 30) : m.start()].split()
            if before and before[-1][:1].isupper() and before[-1].lower() not in lex.not_name:
                continue  # "Vice President Harris", "Afghan President Ghani"
            words = m.group(1).split()
            owner = next((x for x, w in enumerate(words) if re.search(r"['\u2019]s$", w)), None)
            if owner is not None:  # "President Joseph R. Biden's Call with ..."
                words = [*words[:owner], re.sub(r"['\u2019]s$", "", words[owner])]
            while len(words) > 1 and (
                (low := words[-1].lower()) in lex.stop
                or low in lex.grammar.possessive_pronouns
                or low in lex.nouns
                or self.doc.lower_case_word(low)
            ):
                words.pop()  # a title in title case: "President Biden Before the ..."
            body = self.doc.text
            while len(words) > 1 and " ".join(words) not in body and " ".join(words[:-1]) in body:
                words.pop()  # the title's "Joe Biden Call" where the text says "Joe Biden"
            surname = re.sub(r"['\u2019]s?$", "", words[-1])
            if surname in self.labelled or surname.lower() in lex.not_person:
                continue
            counts[surname] += 1
            first = _first_names(lex, words[:-1])
            if first and len(first) + 1 > len(full.get(surname, "").split()):
                full[surname] = " ".join([*first, surname])
        return counts, full


def _first_names(lex: Lex, words: list[str]) -> list[str]:
    """The first names (and initials) at the end of a run of capitalised words,
    without the titles, roles and greetings before them ("Press Secretary Jen"
    -> "Jen", "Welcome Jack" -> "Jack")."""
    out: list[str] = []
    for w in reversed(words):
        low = w.lower()
        if low in lex.not_person or low in lex.rules.title_gender or low in lex.not_name:
            break
        if low in lex.rules.not_a_source["not_persons"]:
            break  # "Welcome Jack Markell": a greeting, no first name
        out.insert(0, w)
    return out


def _title_case(word: str) -> str:
    """ "PSAKI" -> "Psaki", "JEAN-PIERRE" -> "Jean-Pierre", "O'BRIEN" -> "O'Brien"."""
    return re.sub(r"[A-Za-z]+", lambda m: m.group().capitalize(), word)


def label_turn(lex: Lex, doc: Doc, sents: list[Sent], res: Resolver, turns: Turns) -> Turn | None:
    """The turn a paragraph opens with its label, or None: a transcript turn
    ("PENCE: Well, ...", "MS. PSAKI: ...", "Q: ...") or a headline ("Poll:
    ..."). The rest of the paragraph is the speaker's."""
    S = sents[0]
    i = 0
    while i < S.n and S.w[i] in ('"', "'", "\u201c", "\u201d", "``"):
        i += 1
    if i + 1 < S.n and S.low[i] in lex.rules.press_labels and S.w[i + 1] != ":":
        if S.w[i].isupper() and (turns.transcript or S.w[i + 1][:1].isupper()):
            return _press_turn(lex, S, res, i, i)  # "Q Will the ...", "Q (Inaudible.)"
        return None
    j = i
    while j < S.n and j < i + 5 and S.w[j] != ":":
        j += 1
    if j >= S.n or S.w[j] != ":" or j == i:
        return None
    words = [S.w[x] for x in range(i, j) if any(c.isalpha() for c in S.w[x])]
    if not words or any(S.low[x] in lex.rules.not_labels for x in range(i, j)):
        return None
    # a turn says something; in a transcript a label in capitals may open a turn
    # of one word ("MS. PSAKI: Sure."), elsewhere one word is a heading ("Poll:")
    said = sentence_words(S, j + 1, S.n) + sum(sentence_words(T, 0, T.n) for T in sents[1:3])
    if said < (1 if turns.transcript and all(w.isupper() for w in words) else 2):
        return None
    if any(S.q[x] >= 0 and doc.quotes[S.q[x]].start != S.s[0] for x in range(i, j)):
        return None  # the label must not be inside a real quotation
    if j - i == 1 and S.low[i] in lex.rules.press_labels:
        return _press_turn(lex, S, res, i, j)  # "Q: ..."
    if all(w.isupper() for w in words):
        return _caps_turn(lex, S, res, turns, i, j)
    if not all(is_cap(w) for w in words) or any(S.low[x] in lex.stop for x in range(i, j)):
        return None
    single_noun = len(words) == 1 and S.low[i] in lex.nouns
    name = len(words) >= 2 and all(person_token(lex, S, x) for x in range(i, j))
    if not (single_noun or name):
        return None
    m = mention(lex, S, i, j)
    if m is None:
        return None
    entity, how = res.resolve(m)
    return _turn(S, res, m, entity, how, j, press=False)


def _press_turn(lex: Lex, S: Sent, res: Resolver, i: int, cue: int) -> Turn | None:
    """A question from the press ("Q", "QUESTION:"): the press role speaks."""
    speaker, role = lex.rules.press_speaker
    m = Mention(S, i, cue + 1, S.s[i], S.e[i], S.w[i], role=role, head=S.low[i])
    entity = res.description(speaker)
    entity.role = role
    return _turn(S, res, m, entity, None, cue, press=True)


def _caps_turn(lex: Lex, S: Sent, res: Resolver, turns: Turns, i: int, j: int) -> Turn | None:
    """A label in capitals: "MS. PSAKI", "THE PRESIDENT", "SENIOR ADMINISTRATION
    OFFICIAL", "PENCE" (see the module for whom each names)."""
    m = mention(lex, S, i, j)
    if m is None:
        return None
    xs = [x for x in range(i, j) if any(c.isalpha() for c in S.w[x])]
    if S.low[xs[0]] in lex.grammar.articles:
        xs = xs[1:]
    if not xs:
        return None
    last = S.low[xs[-1]]
    roles = lex.not_person | frozenset(lex.rules.title_gender) | lex.dets
    titles = [S.low[x].rstrip(".") for x in xs[:-1]]
    if last not in roles and re.sub(r"['\u2019-]", "", last).isalpha():
        surname = _title_case(S.w[xs[-1]])
        name = turns.full_name(res, surname)
        # the role without the honorifics ("Secretary", not "Ms.")
        role_words = [t for t in titles if t in lex.person]
        role = " ".join(w.capitalize() for w in role_words) or None
        genders = (lex.rules.title_gender.get(S.low[x]) for x in xs[:-1])
        entity = res.person(name, role, next((g for g in genders if g), None))
    else:
        words = [S.low[x] for x in xs]
        holder = turns.holder_entity(res, words) if words[-1] in lex.rules.title_gender else None
        entity = holder if holder is not None else res.description(" ".join(words))
    m.start, m.end, m.role = S.s[i], S.e[j - 1], entity.role
    m.text = S.text[m.start : m.end]
    return _turn(S, res, m, entity, None, j, press=False)


def _turn(
    S: Sent,
    res: Resolver,
    m: Mention,
    entity: Entity | None,
    how: Resolution | None,
    cue: int,
    press: bool,
) -> Turn | None:
    """The turn of speaker ``m`` (resolved to ``entity``) whose label ends at
    token ``cue`` (the colon, or the "Q" itself)."""
    first_content = cue + 1
    if first_content >= S.n:
        return None
    if entity is not None and not press:
        res.push(entity)  # the press is no one "he" or "she" refers to
    rule = Attribution.TRANSCRIPT_LABEL
    f = Frame(S, cue, cue + 1, S.w[cue], "turn", "label", m, rule, m.k, cue + 1)
    f.entity, f.resolution = entity, how
    row = Row(S.s[first_content], S.e[-1], "indirect", S.i, S.para, f, rule, press=press)
    return Turn(row, f, press)

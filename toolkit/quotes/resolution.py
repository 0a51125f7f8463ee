"""Speaker resolution within a document: who each mention refers to.

Step 6 of the reading: speakers are resolved in reading order: pronouns to the
most recent compatible speaker or subject (gender from titles, role nouns and
first names), surnames to the full name introduced earlier, definite
descriptions (``the official``, ``the ministry``) to the earlier speaker they
describe. Anonymous and collective sources (``officials``, ``the Taliban``)
are speakers in their own right.
"""

from __future__ import annotations

from collections.abc import Callable

from .cues import Frame
from .document import Sent
from .mentions import Entity, Mention, mention, plausible_source
from .phrases import clause_subject, np_back, person_token
from .rules import Lex, Resolution

__all__ = ["Resolver"]


_HISTORY = 40  # how far back pronouns and descriptions look (entities)


# "I" and "we" in a transcript turn: its speaker
_SELF = frozenset({Resolution.TURN_SPEAKER, Resolution.TURN_ORGANISATION})


class Resolver:
    """Who a mention refers to, given the speakers and subjects read so far."""

    def __init__(self, lex: Lex):
        self.lex = lex
        self.history: list[Entity] = []
        self.by_name: dict[str, Entity] = {}
        self.by_surname: dict[str, Entity] = {}
        # the speaker of the transcript turn being read, to whom "I" and "we" refer
        self.turn: Entity | None = None
        # who the document names with a title ("president" -> President Biden)
        self.title_holder: Callable[[Resolver, list[str]], Entity | None] | None = None

    def push(self, entity: Entity) -> None:
        if self.history and self.history[-1] is entity:
            return
        self.history.append(entity)
        if len(self.history) > 4 * _HISTORY:
            del self.history[: 2 * _HISTORY]

    def register_name(self, m: Mention) -> None:
        """Remember a full name seen in the text, for later surnames."""
        if m.name is None or " " not in m.name:
            return
        key = m.name.lower()
        if key not in self.by_name:
            self._new_person(m)

    def _new_person(self, m: Mention) -> Entity:
        assert m.name is not None
        e = Entity(m.name, m.role, "person", m.gender, False, m.head, m.mods, m.heads)
        self.by_name[m.name.lower()] = e
        parts = m.name.lower().split()
        self.by_surname[parts[-1]] = e
        return e

    def person(self, name: str, role: str | None, gender: str | None) -> Entity:
        """The person of this name (known already, or remembered from now on)."""
        e = self.by_name.get(name.lower())
        if e is None:
            head = name.split()[-1].lower()
            e = Entity(name, role, "person", gender, False, head, frozenset(), frozenset())
            self.by_name[name.lower()] = e
            self.by_surname.setdefault(head, e)
        if e.role is None:
            e.role = role
        return e

    def description(self, name: str, plural: bool = False) -> Entity:
        """The source described by ``name`` ("senior administration official")."""
        e = self.by_name.get(name.lower())
        if e is None:
            head = name.split()[-1].lower()
            e = Entity(name, None, "person", None, plural, head, frozenset(name.split()))
            self.by_name[name.lower()] = e
        return e

    def register_names(self, S: Sent) -> None:
        """Remember the full names of a sentence (two or more name tokens outside
        quotations), for the surnames that may follow."""
        lex, x = self.lex, 0
        while x < S.n:
            if not (S.w[x][:1].isupper() and person_token(lex, S, x) and S.q[x] < 0):
                x += 1
                continue
            y = x
            while y < S.n and S.q[y] < 0 and person_token(lex, S, y):
                y += 1
            if y - x >= 2 and S.text[S.s[x] : S.e[y - 1]].lower() not in self.by_name:
                np_ = np_back(lex, S, y, 0)
                m = None if np_ is None else mention(lex, S, *np_)
                if m is not None:
                    self.register_name(m)
            x = y

    def resolve_sentence(self, S: Sent, frames: list[Frame]) -> None:
        """Resolve the speakers of a sentence's frames, and its subject, in reading
        order; each becomes the most recent entity for what follows."""
        mentions: list[tuple[int, Mention, Frame | None]] = []
        subject = clause_subject(self.lex, S, S.n)
        if subject is not None and not any(f.speaker and f.speaker.k == subject[0] for f in frames):
            m = mention(self.lex, S, *subject)
            if m is not None and m.strong and m.kind in ("person", "org", "pronoun"):
                mentions.append((subject[0], m, None))
        for f in frames:
            if f.speaker is not None:
                mentions.append((f.speaker.k, f.speaker, f))
        mentions.sort(key=lambda t: t[0])
        done: dict[int, tuple[Entity | None, Resolution]] = {}
        for _, m, f in mentions:
            key = id(m)
            if key not in done:
                done[key] = self.resolve(m)
            entity, how = done[key]
            if f is not None:
                f.entity, f.resolution = entity, how
            if entity is not None and how not in _SELF:
                self.push(entity)  # (the speaker of a turn is not whom "he" refers to)

    def resolve(self, m: Mention) -> tuple[Entity | None, Resolution]:
        if m.pronoun is not None:
            if self.turn is not None and m.pronoun in self.lex.rules.first_person:
                # "I think ...", "we want ..." in a transcript turn: its speaker
                plural = self.lex.pronouns.get(m.pronoun, (None, "singular"))[1] == "plural"
                how = Resolution.TURN_ORGANISATION if plural else Resolution.TURN_SPEAKER
                return self.turn, how
            return self._pronoun(m)
        if not plausible_source(self.lex, m, self.by_surname):
            return None, Resolution.NOT_A_SOURCE
        if m.name is not None:
            return self._name(m)
        return self._description(m)

    def _pronoun(self, m: Mention) -> tuple[Entity | None, Resolution]:
        p = m.pronoun
        found: list[Entity] = []
        for e in reversed(self.history[-_HISTORY:]):
            if e in found:
                continue
            if p in ("he", "she"):
                ok = e.kind == "person" and not e.plural and e.gender in (None, m.gender)
            elif p == "they":
                ok = e.plural or e.kind == "org"
            elif p == "it":
                ok = e.kind in ("org", "document")
            else:
                ok = False
            if ok:
                found.append(e)
                if len(found) == 2:
                    break
        if not found:
            return None, Resolution.UNRESOLVED_PRONOUN
        e = found[0]
        if p in ("he", "she") and e.gender is None:
            ambiguous = len(found) > 1 and found[1].gender in (None, m.gender)
            e.gender = m.gender
            return e, Resolution.AMBIGUOUS_PRONOUN if ambiguous else Resolution.PRONOUN
        return e, Resolution.PRONOUN

    def _name(self, m: Mention) -> tuple[Entity | None, Resolution]:
        assert m.name is not None
        key = m.name.lower()
        parts = key.split()
        e = self.by_name.get(key)
        how = Resolution.NAME
        if e is None:
            known = self.by_surname.get(parts[-1])
            if known is not None and (len(parts) == 1 or parts[0] == known.name.lower().split()[0]):
                e, how = known, Resolution.SURNAME if len(parts) == 1 else Resolution.NAME
        if e is None:
            e = self._new_person(m)
        if e.role is None and m.role is not None:
            e.role = m.role
        if e.gender is None and m.gender is not None:
            e.gender = m.gender
        if m.heads - e.heads:
            e.heads = e.heads | m.heads
            e.mods = e.mods | m.mods
        return e, how

    def _description(self, m: Mention) -> tuple[Entity | None, Resolution]:
        head_word = m.S.w[m.head_pos]
        if (
            self.title_holder is not None
            and m.definite
            and not m.plural
            and m.head in self.lex.rules.title_gender
            and head_word[:1].isupper()
        ):
            # "the President": the president the document names ("President Biden")
            words = [w.lower() for w in m.text.split() if w.lower() not in self.lex.dets]
            e = self.title_holder(self, words)
            if e is not None:
                return e, Resolution.DESCRIPTION
        if m.resolvable and head_word.islower() and m.kind in ("person", "org"):
            # "the official", "the ministry", "the Iranian foreign minister": the
            # most recent speaker or subject with that head, preferring the one
            # sharing most of the other words
            best, score = None, -1
            for e in reversed(self.history[-_HISTORY:]):
                if e.kind == "person" and e.plural != m.plural:
                    continue
                if m.head != e.head and m.head not in e.heads:
                    continue
                overlap = len((m.mods - {m.head}) & e.mods)
                if overlap > score:
                    best, score = e, overlap
            if best is None and m.kind == "org" and m.head in self.lex.rules.generic_orgs:
                # "the company said": the organisation named most recently
                best = next(
                    (
                        e
                        for e in reversed(self.history[-_HISTORY:])
                        if e.kind == "org" and e.name[:1].isupper()
                    ),
                    None,
                )
            if best is not None:
                return best, Resolution.DESCRIPTION
        name = _canonical_description(self.lex, m)
        key = name.lower()
        e = self.by_name.get(key)
        if e is None:
            e = Entity(name, None, m.kind, m.gender, m.plural, m.head, m.mods, m.heads)
            self.by_name[key] = e
        return e, Resolution.SOURCE


def _canonical_description(lex: Lex, m: Mention) -> str:
    """ "A Ministry of Defence official" -> "Ministry of Defence official";
    "Officials" -> "officials"; "the Taliban" -> "Taliban"."""
    words = (m.canonical or m.text).split()
    if words and words[0].lower() in lex.grammar.articles:
        words = words[1:]
    if not words:
        return m.text
    first = words[0]
    lower = first.lower()
    if (
        first[:1].isupper()
        and not first.isupper()
        and lower not in lex.org_words
        and (lower in lex.nouns or lower in lex.mods)
        and m.start == m.S.a
        and m.text.split()[0] == first
    ):
        words[0] = lower
    return " ".join(words)

"""Reporting cues: the words that attribute, found outside the quotations.

Step 2 of the reading. Verbs of saying in any tense (``said``, ``tells``,
``has warned``, ``adding``), source prepositions (``according to``), and, as
attribution studies (PARC, PolNeAR) annotate them with speech, verbs of
thought (``believes``), intention (``wants to``), stance (``endorsed``) and
evidence (``a poll shows``), nouns that attribute (``Trump's claim that``),
passive cues (``was endorsed by the union``; ``is expected to``, with no
source named) and verbs of appearance (``seems to``). Each group of
``quotes.yaml`` says what its verbs take and what type of attribution they
make (the ``cue_type`` column). This module finds a cue at a token, tells a
reporting use from a noun or a passive (``the report said`` is a cue, ``the
reports`` is not), and steps over the auxiliaries, adverbs and adjuncts around
it (``has also said``, ``told Reuters on Monday``). A :class:`Frame` is one
attribution: a cue with its speaker and the content it reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import Sent, is_cap, quote_tokens, sentence_words
from .mentions import Entity, Mention
from .phrases import at_clause_edge, nameish, np_forward, quantity_back, title_words
from .rules import OBJECT_CLASSES, SPEECH_CLASSES, Attribution, Lex, Resolution

__all__ = ["Frame", "cue_at", "is_negated", "reporting_use", "skip_adjuncts", "skip_left"]


@dataclass(slots=True)
class Frame:
    """One attribution in a sentence: a cue, its speaker and the content it reports."""

    S: Sent
    ci: int
    cj: int
    lemma: str
    klass: str
    form: str
    speaker: Mention | None
    rule: Attribution
    left: int  # token range of the attribution itself (speaker and cue)
    right: int
    inverted: bool = False
    pieces: list[tuple[int, int]] = field(default_factory=list)
    quote_before: int = -1
    entity: Entity | None = None
    resolution: Resolution | None = None
    negated: bool = False
    enclosed: bool = False  # in a clause between commas (", who said ...,")
    inside: bool = False  # its cue lies in what another attribution reports


def cue_at(lex: Lex, S: Sent, i: int) -> tuple[int, tuple[str, str, str]] | None:
    sizes = lex.cue_sizes.get(S.low[i])
    if sizes is None:
        return None  # no cue starts with this word
    cues = lex.rules.cues
    room = S.n - i
    for size in sizes:  # longest first, as they fit
        if size > room:
            continue
        info = cues.get(tuple(S.low[i : i + size]))
        if info is not None and (
            S.q[i] < 0 if size == 1 else all(S.q[x] < 0 for x in range(i, i + size))
        ):
            return i + size, info
    return None


def _month_start(lex: Lex, S: Sent, k: int, lo: int) -> int | None:
    """Where a phrase of a month ending at ``k`` starts ("in May", "in early
    March 2016", "since June"), or None."""
    g = lex.grammar
    if S.low[k].isdigit() and len(S.low[k]) == 4:
        k -= 1  # the year after the month
    if k - 1 < lo or S.low[k] not in g.month_names or not S.w[k][:1].isupper():
        return None
    x = k - 1
    while x >= lo and x >= k - 2 and S.low[x] in g.month_prepositions and S.q[x] < 0:
        x -= 1
    return x + 1 if x + 1 < k else None


def skip_left(lex: Lex, S: Sent, i: int, lo: int) -> int:
    """Move left over auxiliaries and adverbs ("has also said")."""
    b = i
    steps = 0
    while b - 1 >= lo and steps < 4 and S.q[b - 1] < 0:
        t = S.low[b - 1]
        if (
            # "Theresa May said"; "in May said" is a month
            (
                t in lex.aux
                and not nameish(lex, S, b - 1)
                and _month_start(lex, S, b - 1, lo) is None
            )
            or (t.endswith("ly") and t.isalpha() and S.w[b - 1].islower())
            # "has been critical of": "been" before an adjective, not a participle
            or (t == "been" and (S.low[i],) not in lex.participles)
            # "she has since said"
            or (
                t in lex.grammar.perfect_adverbs
                and b - 2 >= lo
                and S.low[b - 2] in lex.grammar.perfect_auxiliaries
            )
        ):
            b -= 1
            steps += 1
            continue
        if t == "to" and b - 2 >= lo and S.low[b - 2] in lex.rules.raising and S.q[b - 2] < 0:
            b -= 2  # "appeared to suggest", "continued to insist"
            steps += 1
            continue
        if t.isdigit() and len(t) == 4 and b - 2 >= lo and S.low[b - 2] == "in":
            b -= 2  # "an arbitration panel in 2001 found"
            steps += 1
            continue
        month = _month_start(lex, S, b - 1, lo)
        if month is not None:
            b = month  # "Sanders in May said", "the agency in early March 2016 announced"
            steps += 1
            continue
        ago = _ago_start(lex, S, b - 1, lo) if t == "ago" else None
        if ago is not None:
            b = ago  # "The State Department less than two weeks ago said"
            steps += 1
            continue
        if t in lex.time and t not in lex.grammar.deictic_time_words:
            # "Sanders on Tuesday said", "Wells Fargo this month announced"
            x = b - 1
            while x - 1 >= lo and S.low[x - 1] in lex.grammar.time_adjunct_words:
                x -= 1
            if x == b - 1 and t in lex.grammar.unit_time_words:
                break  # "the past two weeks shows": a noun phrase, not an adjunct
            b = x
            steps += 1
            continue
        break
    return b


def _ago_start(lex: Lex, S: Sent, x: int, lo: int) -> int | None:
    """Where a time adjunct ending in "ago" at ``x`` starts ("two weeks ago",
    "less than a year ago", "18 months ago"), or None."""
    g = lex.grammar
    if not (x - 1 >= lo and S.low[x - 1] in g.unit_time_words):
        return None
    k = x - 1
    while (
        k - 1 >= lo
        and x - k < 6
        and S.q[k - 1] < 0
        and (
            S.low[k - 1][:1].isdigit()
            or S.low[k - 1] in g.quantifiers
            or S.low[k - 1] in g.approximators
            or S.low[k - 1] in g.ago_words
        )
    ):
        k -= 1
    return k if k < x - 1 else None


def _by_means(lex: Lex, S: Sent, j: int) -> bool:
    """ "said by telephone", "told by email": "by" and a bare noun is the means of
    saying, not the agent of a passive ("reported by the agency", "by Reuters")."""
    k = j + 1
    return (
        k < S.n
        and S.w[k].isalpha()
        and S.w[k].islower()
        and S.low[k] not in lex.dets
        and S.low[k] not in lex.stop
    )


def _object_opens(lex: Lex, word: str) -> bool:
    """Whether ``word`` opens a noun phrase: a determiner (not "that", which
    may open a clause) or a possessive."""
    determiner = (
        word in lex.dets and word not in lex.pronouns and word not in lex.grammar.introducers
    )
    return determiner or word in lex.grammar.possessive_pronouns


def reporting_use(lex: Lex, S: Sent, i: int, j: int, info: tuple[str, str, str]) -> bool:
    """False when a cue word is used as a noun, a passive or an infinitive."""
    _, klass, form = info
    if klass == "source":
        return True
    if i == 0 or (is_cap(S.w[i]) and not (_title_case(S) and klass in SPEECH_CLASSES)):
        return False  # sentence-initial participles ("Asked about ...") and names ("States")
    b = skip_left(lex, S, i, 0)
    prev = S.low[b - 1] if b > 0 else ""
    if prev in lex.rules.passive and tuple(S.low[i:j]) in lex.participles:
        return False
    if j < S.n and S.low[j] == "by" and not _by_means(lex, S, j):
        return False  # "reported by", "reporting by": a passive or a credit line
    if info[0] == "call" and j < S.n and S.low[j] in lex.grammar.call_particles:
        return False  # "she called into a radio program", "called off the talks"
    if info[0] in lex.grammar.clause_only_verbs and j < S.n and _object_opens(lex, S.low[j]):
        return False  # "Clinton maintains a wide lead"
    if prev == "to" or (
        prev in lex.dets
        and prev not in lex.pronouns
        and not _quantity(lex, S, b)
        and not _relative_that(lex, S, b - 1)
    ):
        return False
    if (
        S.w[i - 1] in lex.grammar.possessive_marks
        and S.q[i - 1] < 0
        and form != "gerund"
        and not (i >= 2 and S.low[i - 2] in lex.pronouns)
    ):
        return False  # "Trump's claims" (but "he's claiming", "Trump's saying")
    if klass == "quotation" and not any(
        S.q[x] >= 0 for x in range(max(0, i - 10), min(S.n, j + 10))
    ):
        return False  # "a curfew would continue": only a quotation nearby makes it speech
    nxt = S.low[j] if j < S.n else ""
    if klass == "thought" and nxt in lex.grammar.not_after_thought and not _interrupting(S, i, j):
        return False  # "think of", "believe in": not a clause
    if (
        klass not in SPEECH_CLASSES
        and (nxt in lex.grammar.not_object or (klass in OBJECT_CLASSES and not nxt[:1].isalnum()))
        and not (j < S.n and S.q[j] >= 0)
        and not (nxt == "to" and klass in ("intention", "preference", "thought"))
    ):
        return False  # "plans for", "attacks on", "fears of": a noun; "he backed down"
    if klass == "intention" and nxt != "to" and nxt not in lex.grammar.introducers:
        return False  # "an officer aiming a gun" (but "decided whether to ...")
    if form == "present" and j < S.n and S.q[j] < 0:
        after = lex.rules.cues.get((nxt,))
        if after is not None and after[1] == "speech" and after[2] == "past":
            return False  # "the report said", "a Facebook post said": a noun
    return True


def _relative_that(lex: Lex, S: Sent, t: int) -> bool:
    """Whether "that" at ``t`` is a relative pronoun after a plural noun naming
    people or organisations ("groups that support the rules"), not a determiner
    ("that support was crucial")."""
    if S.low[t] != "that" or t < 1:
        return False
    noun = S.low[t - 1]
    return noun.endswith("s") and noun in lex.nouns_named


def _quantity(lex: Lex, S: Sent, b: int) -> bool:
    """Whether a share of people that starts its clause ends before ``b`` ("Many
    say", "one in five believe"): the subject of a verb, not the determiner of a
    noun ("many claims")."""
    np_ = quantity_back(lex, S, b, 0)
    return np_ is not None and at_clause_edge(lex, S, np_[0], 0)


def _interrupting(S: Sent, i: int, j: int) -> bool:
    """Whether the cue at ``[i, j)`` and a short subject before it stand between
    commas, or between a comma and the end ("His leverage, they believe, is
    intact"; "..., analysts think.")."""
    if j >= S.n or S.w[j] not in (",", ".") or S.q[j] >= 0:
        return False
    return any(S.w[x] == "," and S.q[x] < 0 for x in range(max(0, i - 4), i))


def is_negated(lex: Lex, S: Sent, i: int) -> bool:
    """Whether the cue at ``i`` is negated: "did not say", "has never said",
    "isn't saying"."""
    b = skip_left(lex, S, i, 0)
    return any(S.low[x] in lex.grammar.negations for x in range(max(b - 1, 0), i))


def _title_case(S: Sent) -> bool:
    """A headline written in title case ("Trump Deal Could Work, Graham Says")."""
    words = [w for w in S.w if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _bare_addressee(lex: Lex, S: Sent, r: int, hi: int) -> bool:
    """A lower-case noun alone before "that", "how", "whether" ... after a verb
    of addressing: the people addressed ("told investors that")."""
    t = S.low[r]
    return (
        r + 1 < hi
        and S.w[r].isalpha()
        and S.w[r].islower()
        and t not in lex.stop
        and t not in lex.aux
        and S.low[r + 1] in lex.grammar.introducers
        and S.q[r + 1] < 0
    )


def _past_title(lex: Lex, S: Sent, r: int, hi: int) -> int:
    """Past a quoted title at ``r`` that names a programme or a publication, not
    someone's words ('told "Meet the Press" on Sunday that ...'): short, in title
    case, and followed by more of the clause."""
    if r >= hi or S.q[r] < 0:
        return r
    e = quote_tokens(S, r)[1]
    if e >= hi or not 1 <= sentence_words(S, r, e) <= _TITLE_WORDS or not title_words(lex, S, r, e):
        return r
    return e


_TITLE_WORDS = 6


def _addressee_until_that(lex: Lex, S: Sent, r: int, hi: int) -> int | None:
    """ "told The Post and Courier newspaper of Charleston on Saturday that",
    "told MSNBC's "Morning Joe" that": after a verb of addressing, the words up
    to a "that" a few words on are the person addressed and adjuncts, when no
    clause edge, verb or quotation other than a title comes between."""
    x = r
    while x < min(hi, r + _ADDRESSEE_WORDS):
        if S.q[x] >= 0:
            e = _past_title(lex, S, x, hi)
            if e == x:
                return None
            x = e
            continue
        t = S.low[x]
        if t == "that":
            return x if x > r else None
        if x > r and S.w[x] in lex.grammar.possessive_marks and is_cap(S.w[x - 1]):
            x += 1  # "told MSNBC's ..."
            continue
        if (
            S.w[x] in lex.grammar.clause_edges
            or t in lex.aux
            or t in lex.grammar.introducers
            or (t in lex.pronouns and x > r and t not in lex.grammar.object_pronouns)
            or (t in lex.rules.cue_first and cue_at(lex, S, x) is not None)
        ):
            return None
        x += 1
    return None


_ADDRESSEE_WORDS = 14


def skip_adjuncts(lex: Lex, S: Sent, r: int, hi: int, addressee: bool) -> int:
    """Move right over the person addressed ("told Reuters news agency") and
    adjuncts ("on Wednesday", "in a statement", "on condition of anonymity")."""
    low, w = S.low, S.w
    until = _addressee_until_that(lex, S, r, hi) if addressee else None
    if until is not None:
        return until
    titled = _past_title(lex, S, r, hi) if addressee else r  # 'told "Meet the Press" that'
    if titled > r:
        r = titled
    elif addressee and r < hi and S.q[r] < 0:
        if low[r] in lex.grammar.object_pronouns:
            r += 1
        else:
            np_ = np_forward(lex, S, r, hi)
            if np_ is not None and low[np_[0]] not in lex.pronouns:
                r = np_[1]
            elif np_ is None and _bare_addressee(lex, S, r, hi):
                r += 1  # "told investors that ...": a noun the lists do not know
    for _ in range(6):
        if r >= hi or S.q[r] >= 0:
            break
        t = low[r]
        if t in lex.grammar.deictic_time_words and not (r + 1 < hi and low[r + 1] in lex.time):
            break  # "told reporters this was ...": "this" opens the content, not "this week"
        if t in lex.time or (t.endswith("ly") and t.isalpha() and w[r].islower()):
            r += 1
            continue
        if t == "to" and r + 1 < hi and w[r + 1].islower() and low[r + 1] not in lex.dets:
            break  # "to" before a verb starts the content ("urged them to leave")
        titled = _past_title(lex, S, r + 1, hi) if t in lex.preps else r + 1
        if titled > r + 1:
            r = titled  # 'said on "Fox News Sunday" that ...'
            continue
        if t in lex.preps and r + 1 < hi and S.q[r + 1] < 0 and low[r + 1] != "that":
            m = r + 1
            limit = min(hi, r + 9)
            while m < limit and S.q[m] < 0:
                tm = low[m]
                if w[m] in (",", ":", ";") or tm == "that" or w[m] in lex.grammar.sentence_closers:
                    break
                if m > r + 1 and (
                    (tm in lex.dets and low[m - 1] not in lex.grammar.adjunct_inner_prepositions)
                    or tm in lex.pronouns
                    or (
                        is_cap(w[m])
                        and w[m - 1].islower()
                        and low[m - 1] not in lex.grammar.connectors
                    )
                ):
                    break
                if tm in lex.rules.cue_first and cue_at(lex, S, m) is not None:
                    break
                m += 1
            if m == limit and m < hi:
                break  # too long for an adjunct: it is the content
            r = _adjunct_tail(lex, S, m, hi)
            continue
        aside = _aside_end(lex, S, r, hi)
        if aside is not None:
            r = aside  # "said on CNN, where he is a contributor, that ..."
            continue
        break
    return r


def _adjunct_tail(lex: Lex, S: Sent, m: int, hi: int) -> int:
    """Past the rest of an adjunct's noun phrase when it ends the sentence ("said
    in an interview with The Washington Post.", "said in a video message to the
    convention."): a few words, none of them a verb, pronoun or "that"."""
    x = m
    while x < hi and x - m < _TAIL_WORDS and S.q[x] < 0 and S.w[x][:1].isalnum():
        t = S.low[x]
        if t in lex.aux or t in lex.pronouns or t in lex.grammar.introducers:
            return m
        if t in lex.rules.cue_first and cue_at(lex, S, x) is not None:
            return m
        x += 1
    ends = x >= hi or (S.q[x] < 0 and S.w[x] in lex.grammar.sentence_closers)
    return x if x > m and ends else m


_TAIL_WORDS = 5


def _aside_end(lex: Lex, S: Sent, r: int, hi: int) -> int | None:
    """After a comma at ``r`` that opens a relative clause ("where", "when",
    "who", "which"), the token after the comma that closes it, when "that"
    follows: the aside stands between a cue and its content. Else None."""
    if not (r + 1 < hi and S.w[r] == "," and S.q[r] < 0):
        return None
    if S.low[r + 1] not in lex.grammar.aside_openers:
        return None
    for x in range(r + 2, min(hi - 1, r + 16)):
        if S.q[x] >= 0 or S.w[x] in (";", ":"):
            return None
        if S.w[x] == ",":
            return x + 1 if S.low[x + 1] == "that" and S.q[x + 1] < 0 else None
    return None

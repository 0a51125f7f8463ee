"""Quotation extraction and speaker attribution.

:func:`extract_quotes` finds what people are reported to have said in news
articles and who said it; :func:`speakers` counts the speakers. The rules are
patterns of English news writing, kept in a resource file a researcher can read
and extend (``toolkit/resources/quotes.yaml``): reporting verbs, pronouns,
role and organisation nouns, first-name genders, and the confidence of each
attribution rule. No statistical model is involved, so every attribution can
be explained: the ``evidence`` column names the rule that linked the speaker.

How a document is read
----------------------
1. Quotation marks are paired paragraph by paragraph
   (:func:`toolkit.tokens.quotation_spans`): straight or typographic double
   marks (and the doubled apostrophes some sources print for them), nested
   single marks left inside, a quotation running over several paragraphs
   (opening mark at each paragraph start, closing mark only at the end), stray
   marks ignored. A paragraph opening with a speaker label ("MS. PSAKI:",
   "Q", "Poll:") is that speaker's turn.
2. In each sentence, reporting cues are found outside the quotations: verbs of
   saying in any tense (``said``, ``tells``, ``has warned``, ``adding``),
   source prepositions (``according to``), and, as attribution studies
   (PARC, PolNeAR) annotate them with speech, verbs of thought (``believes``),
   intention (``wants to``), stance (``endorsed``) and evidence (``a poll
   shows``), nouns that attribute (``Trump's claim that``), passive cues
   (``was endorsed by the union``; ``is expected to``, with no source named)
   and verbs of appearance (``seems to``). Each group of ``quotes.yaml`` says
   what its verbs take and what type of attribution they make (the
   ``cue_type`` column), so reported speech can be kept apart.
3. Each cue is linked to a speaker: the noun phrase before it (``the official
   said``, ``Obama and Clinton say``, ``many of them say``), after it (``said
   the official``), an apposition (``Fawad Aman, Deputy Spokesman for the
   Ministry of Defence, said``), the subject of the clause with its modifiers
   (``Political observers in Virginia say``, ``all the experts I interviewed
   said``), the antecedent of a relative pronoun (``cities that support``),
   the possessor of a nominal cue, the agent of a passive one, or a name after
   a dash that ends the sentence (``"..." - Sonya Herridge``).
4. Each cue is linked to content: the quotation before or after it
   (``direct``), or the clause, infinitive or object it reports (``indirect``:
   ``X said (that) ...``, ``..., X said.``, ``according to X, ...``, ``X wants
   to ...``, ``X endorsed ...``). Quoted words inside reported content are
   ``partial`` quotations (``hailed the "defeat" of US troops``). A verb of
   thought, intention or stance inside what someone is reported to have said
   belongs to that content, not to a second attribution.
5. Quotations left without a cue take the speaker of the sentence or
   paragraph they are in, of the quotation they continue, or, for a paragraph
   that is only a quotation, of the paragraph before.
6. Speakers are resolved in reading order: pronouns to the most recent
   compatible speaker or subject (gender from titles, role nouns and first
   names), surnames to the full name introduced earlier, definite
   descriptions (``the official``, ``the ministry``) to the earlier speaker
   they describe. Anonymous and collective sources (``officials``, ``the
   Taliban``) are speakers in their own right.

Every document is read on its own (a pure function of its text and
paragraphs), in time linear in its length.
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import yaml

from .._util.progress import PROGRESS_MIN_ITEMS
from .._util.progress import progress as _progress
from .._util.resources import read_resource
from .._util.tables import str_array
from ..corpus.executor import in_task
from ..corpus.load import as_corpus
from ..corpus.partitioned import by_partition
from ..text.quote_marks import quotation_spans
from ..text.sentences import split_sentences
from ..text.words import tokenize_text

__all__ = ["QUOTE_COLUMNS", "extract_quotes", "load_quote_rules", "speakers"]

QUOTE_COLUMNS = [
    "doc_id",
    "quote_id",
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "role",
    "cue",
    "confidence",
    "cue_start",
    "cue_end",
    "sent_id",
    "para_id",
    "part_of",
    "evidence",
    "cue_type",
    "negated",
]
KINDS = ["direct", "partial", "indirect"]
QuoteKind = Literal["direct", "partial", "indirect"]

_DOUBLE = frozenset('"\u201c\u201d\u201e\u201f')
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
_CLOSERS = frozenset({".", "!", "?", "...", "\u2026"})


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True, eq=False)
class QuoteRules:
    """The word lists and rule confidences of ``quotes.yaml``, ready to use.

    Build one with :func:`load_quote_rules`.
    """

    source: str
    cues: dict[tuple[str, ...], tuple[str, str, str]]  # words -> (lemma, class, form)
    cue_first: frozenset[str]
    addressee_verbs: frozenset[str]
    passive: frozenset[str]
    source_preps: tuple[tuple[str, ...], ...]
    dashes: frozenset[str]
    pronouns: dict[str, tuple[str | None, str]]
    person_nouns: frozenset[str]
    organisation_nouns: frozenset[str]
    document_nouns: frozenset[str]
    evidence_subjects: frozenset[str]
    organisation_words: frozenset[str]
    role_words: frozenset[str]
    particles: frozenset[str]
    title_gender: dict[str, str | None]
    noun_gender: dict[str, str]
    name_gender: dict[str, str]
    modifiers: frozenset[str]
    auxiliaries: frozenset[str]
    raising: frozenset[str]
    evidential: frozenset[str]
    unattributed: frozenset[str]
    adjunct_preps: frozenset[str]
    time_words: frozenset[str]
    definite: frozenset[str]
    indefinite: frozenset[str]
    boundaries: frozenset[str]
    openers: frozenset[str]
    introductory: frozenset[str]
    stop_words: frozenset[str]
    not_labels: frozenset[str]
    generic_orgs: frozenset[str]
    attribution: dict[str, float]
    resolution: dict[str, float]
    cue_types: dict[str, str]  # verb group (and "source") -> cue type
    nominal: dict[str, str]  # noun -> cue type ("claim" -> "speech")

    @property
    def determiners(self) -> frozenset[str]:
        return self.definite | self.indefinite

    @property
    def nouns(self) -> frozenset[str]:
        return (
            self.person_nouns
            | self.organisation_nouns
            | self.document_nouns
            | self.evidence_subjects
        )


_REQUIRED = (
    "reporting_verbs",
    "nominal_cues",
    "cue_types",
    "addressee_verbs",
    "passive_auxiliaries",
    "never_cues",
    "source_prepositions",
    "attribution_dashes",
    "pronouns",
    "person_nouns",
    "organisation_nouns",
    "document_nouns",
    "evidence_subjects",
    "organisation_words",
    "role_words",
    "name_particles",
    "titles",
    "gendered_nouns",
    "first_names",
    "modifiers",
    "auxiliaries",
    "raising_verbs",
    "evidential_verbs",
    "unattributed_participles",
    "adjunct_prepositions",
    "time_words",
    "determiners",
    "clause_boundaries",
    "sentence_openers",
    "introductory_words",
    "stop_words",
    "generic_organisations",
    "not_speaker_labels",
    "attribution_rules",
    "resolution_rules",
)
_VERB_CLASSES = (
    "speech",
    "reply",
    "quotation",
    "topic",
    "thought",
    "intention",
    "preference",
    "stance",
    "evidence",
)
# Verb groups that report words (speech); the others report thought, intention,
# stance or evidence and take only some of the patterns (see ``quotes.yaml``).
_SPEECH_CLASSES = frozenset({"speech", "reply", "quotation", "source"})
_FORM_NAMES = ("present", "past", "participle", "gerund")


def load_quote_rules(path: str | Path | None = None) -> QuoteRules:
    """Read the quotation rules: the packaged ``quotes.yaml`` or your own copy.

    Parameters
    ----------
    path : str or Path, optional
        A YAML file in the format of ``toolkit/resources/quotes.yaml`` (its top
        comment documents the format). By default the packaged file.

    Raises
    ------
    FileNotFoundError
        When ``path`` does not exist.
    ValueError
        When the file lacks a section or a verb entry is malformed; the
        message names the section and the entry.

    Examples
    --------
    >>> rules = load_quote_rules()
    >>> rules.cues[("said",)]
    ('say', 'speech', 'past')
    """
    if path is None:
        return _packaged_rules()
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"No such quotation rules file: '{path}'")
    return _parse_rules(p.read_text("utf-8"), str(p))


@lru_cache(maxsize=1)
def _packaged_rules() -> QuoteRules:
    text = read_resource("quotes.yaml")
    return _parse_rules(text, "quotes.yaml")


def _words(values: Iterable[Any], where: str) -> frozenset[str]:
    out = set()
    for v in values or ():
        if not isinstance(v, str):
            raise ValueError(
                f"{where}: {v!r} is not a word; quote entries YAML reads as booleans or "
                'numbers, e.g. "no", "on"'
            )
        out.add(v.lower())
    return frozenset(out)


def _with_plurals(words: frozenset[str]) -> frozenset[str]:
    """Add the regular plural of each noun ("outlet" -> "outlets", "agency" ->
    "agencies"), so the lists need only the singular."""
    out = set(words)
    for w in words:
        if not w.isalpha():
            continue
        if w.endswith(("s", "x", "ch", "sh")):
            out.add(w + "es")
        elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
            out.add(w[:-1] + "ies")
        else:
            out.add(w + "s")
    return frozenset(out)


def _parse_rules(text: str, source: str) -> QuoteRules:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValueError(f"{source} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{source} must be a mapping of sections, see quotes.yaml")
    missing = [k for k in _REQUIRED if k not in data]
    if missing:
        raise ValueError(f"{source} lacks the section(s) {missing}; see the packaged quotes.yaml")
    cues: dict[tuple[str, ...], tuple[str, str, str]] = {}
    verbs = data["reporting_verbs"]
    if not isinstance(verbs, dict) or not set(verbs) <= set(_VERB_CLASSES):
        raise ValueError(f"{source}: reporting_verbs must have the groups {list(_VERB_CLASSES)}")
    for klass, entries in verbs.items():
        for base, forms in (entries or {}).items():
            if not isinstance(forms, list) or len(forms) != 4:
                raise ValueError(
                    f"{source}: reporting verb {base!r} needs four forms [third person "
                    f"present, past, past participle, present participle], got {forms!r}"
                )
            lemma = str(base).replace("_", " ").lower()
            for form, name in [(lemma, "present"), *zip(forms, _FORM_NAMES, strict=True)]:
                key = tuple(str(form).lower().split())
                cues.setdefault(key, (lemma, klass, name))
    for form in _words(data["never_cues"], "never_cues"):
        cues.pop((form,), None)
    preps = tuple(tuple(p.lower().split()) for p in data["source_prepositions"])
    for p in preps:
        cues[p] = (" ".join(p), "source", "preposition")
    pronouns = {
        str(k).lower(): (v.get("gender"), v.get("number", "singular"))
        for k, v in data["pronouns"].items()
    }
    titles = data["titles"]
    title_gender: dict[str, str | None] = {}
    for gender in ("any", "male", "female"):
        for w in _words(titles.get(gender, []), f"titles.{gender}"):
            title_gender[w] = None if gender == "any" else gender
    noun_gender = {
        w: g for g in ("male", "female") for w in _words(data["gendered_nouns"].get(g), g)
    }
    name_gender = {w: g for g in ("male", "female") for w in _words(data["first_names"].get(g), g)}
    dets = data["determiners"]
    types = data["cue_types"]
    if not isinstance(types, dict) or any(
        not isinstance(v, str) or not v.isidentifier() for v in types.values()
    ):
        raise ValueError(f"{source}: cue_types must map each verb group to a word, got {types!r}")
    untyped = [k for k in verbs if k not in types]
    if untyped:
        raise ValueError(
            f"{source}: cue_types lacks the verb group(s) {untyped}; give each group of "
            "reporting_verbs a cue type (speech, thought, intention, stance, evidence, ...)"
        )
    cue_types = {str(k): str(v) for k, v in types.items()}
    nominal: dict[str, str] = {}
    nouns_by_type = data["nominal_cues"]
    if not isinstance(nouns_by_type, dict):
        raise ValueError(f"{source}: nominal_cues must map cue types to lists of nouns")
    for kind, nouns in nouns_by_type.items():
        for noun in _words(nouns, f"nominal_cues.{kind}"):
            nominal.setdefault(noun, str(kind))
        cue_types.setdefault(f"nominal {kind}", str(kind))
    cue_types.setdefault("source", "speech")  # "according to"
    cue_types.setdefault("evidential", "evidence")  # "seems to"

    def conf(section: str) -> dict[str, float]:
        out = {}
        for name, spec in data[section].items():
            value = spec.get("confidence") if isinstance(spec, dict) else None
            if not isinstance(value, int | float) or not 0 <= value <= 1:
                raise ValueError(f"{source}: {section}.{name} needs a confidence between 0 and 1")
            out[str(name)] = float(value)
        return out

    return QuoteRules(
        source=source,
        cues=cues,
        cue_first=frozenset(k[0] for k in cues),
        addressee_verbs=_words(data["addressee_verbs"], "addressee_verbs"),
        passive=_words(data["passive_auxiliaries"], "passive_auxiliaries"),
        source_preps=preps,
        dashes=frozenset(str(d) for d in data["attribution_dashes"]),
        pronouns=pronouns,
        person_nouns=_with_plurals(_words(data["person_nouns"], "person_nouns")),
        organisation_nouns=_with_plurals(_words(data["organisation_nouns"], "organisation_nouns")),
        document_nouns=_with_plurals(_words(data["document_nouns"], "document_nouns")),
        evidence_subjects=_with_plurals(_words(data["evidence_subjects"], "evidence_subjects")),
        organisation_words=_words(data["organisation_words"], "organisation_words"),
        role_words=_words(data["role_words"], "role_words"),
        particles=_words(data["name_particles"], "name_particles"),
        title_gender=title_gender,
        noun_gender=noun_gender,
        name_gender=name_gender,
        modifiers=_words(data["modifiers"], "modifiers"),
        auxiliaries=_words(data["auxiliaries"], "auxiliaries"),
        raising=_words(data["raising_verbs"], "raising_verbs"),
        evidential=_words(data["evidential_verbs"], "evidential_verbs"),
        unattributed=_words(data["unattributed_participles"], "unattributed_participles"),
        adjunct_preps=_words(data["adjunct_prepositions"], "adjunct_prepositions"),
        time_words=_words(data["time_words"], "time_words"),
        definite=_words(dets.get("definite"), "determiners.definite"),
        indefinite=_words(dets.get("indefinite"), "determiners.indefinite"),
        boundaries=_words(data["clause_boundaries"], "clause_boundaries"),
        openers=_words(data["sentence_openers"], "sentence_openers"),
        introductory=_words(data["introductory_words"], "introductory_words"),
        stop_words=_words(data["stop_words"], "stop_words"),
        not_labels=_words(data["not_speaker_labels"], "not_speaker_labels"),
        generic_orgs=_words(data["generic_organisations"], "generic_organisations"),
        attribution=conf("attribution_rules"),
        resolution=conf("resolution_rules"),
        cue_types=cue_types,
        nominal=nominal,
    )


# ------------------------------------------------------------------ the lexicon


class _Lex:
    """Fast lookups derived from the rules (sets of lower-case words)."""

    def __init__(self, rules: QuoteRules):
        r = rules
        self.rules = r
        self.pronouns = r.pronouns
        self.dets = r.determiners
        self.nouns = r.nouns
        self.person = r.person_nouns
        self.org = r.organisation_nouns
        self.doc = r.document_nouns
        # nouns that name people or organisations (the other nouns are documents,
        # polls and figures)
        self.nouns_named = r.person_nouns | r.organisation_nouns
        self.mods = r.modifiers
        self.org_words = r.organisation_words
        self.role_words = r.role_words
        self.particles = r.particles
        self.aux = r.auxiliaries
        self.time = r.time_words
        self.openers = r.openers
        self.intro = r.introductory
        self.stop = r.stop_words
        self.preps = r.adjunct_preps
        # words that can never be part of a personal name
        self.not_name = (
            r.stop_words
            | self.dets
            | r.openers
            | r.introductory
            | r.time_words
            | frozenset(r.pronouns)
            | r.auxiliaries
        )
        # capitalised words that are not a person's name (roles, organisations, nouns)
        self.not_person = r.role_words | r.organisation_words | self.nouns | r.modifiers
        self.participles = frozenset(
            words for words, (_, _, form) in r.cues.items() if form in ("past", "participle")
        )
        self.max_cue = max(len(k) for k in r.cues)
        # the words at which _sentence_frames looks for an attribution
        self.triggers = r.dashes | r.evidential | frozenset(r.nominal) | r.cue_first


@lru_cache(maxsize=8)
def _lex(rules: QuoteRules) -> _Lex:
    return _Lex(rules)


# ------------------------------------------------------------------ the document


@dataclass
class _Quote:
    start: int
    end: int
    closed: bool
    para: int
    continues: bool = False  # the second or later paragraph of one quotation
    used: bool = False


class _Sent:
    """The tokens of one sentence, with the quotation each token is inside (-1: none)."""

    __slots__ = ("a", "b", "counts", "doc", "e", "i", "low", "n", "para", "q", "s", "text", "w")

    def __init__(self, doc: _Doc, i: int, a: int, b: int, para: int):
        self.i, self.a, self.b, self.para = i, a, b, para
        self.doc = doc
        self.text = doc.text
        t0, t1 = doc.sent_tok[i], doc.sent_tok[i + 1]
        self.w = doc.tok_w[t0:t1]
        self.s = s = doc.tok_s[t0:t1]
        self.e = doc.tok_e[t0:t1]
        self.low = doc.tok_low[t0:t1]
        self.n = t1 - t0
        self.q = doc.quote_ids(s, a, b)
        self.counts: tuple[list[int], list[int]] | None = None


@dataclass
class _DocTokens:
    """Tokens and sentences of one document: token strings (as written and lower
    case) with their offsets, sentence spans with their paragraph numbers, and
    where each sentence's tokens start (``sent_tok``, one more entry than
    sentences)."""

    w: list[str]
    low: list[str]
    s: list[int]
    e: list[int]
    sent_spans: list[tuple[int, int]]
    sent_para: list[int]
    sent_tok: list[int]


def _tokens_from_text(text: str, paragraphs: Sequence[tuple[int, int]]) -> _DocTokens:
    """Tokenize and split one document (when no corpus index has done it)."""
    starts, ends = tokenize_text(text)
    spans = split_sentences(text, paragraphs)
    para_starts = [a for a, _ in paragraphs]
    s = starts.tolist()
    e = ends.tolist()
    w = [text[x:y] for x, y in zip(s, e, strict=True)]
    return _DocTokens(
        w=w,
        low=[x.lower() for x in w],
        s=s,
        e=e,
        sent_spans=spans,
        sent_para=[bisect.bisect_right(para_starts, a) - 1 for a, _ in spans],
        sent_tok=_sentence_tokens(starts, spans),
    )


def _sentence_tokens(starts: np.ndarray, spans: Sequence[tuple[int, int]]) -> list[int]:
    """First token of each sentence, and the token count at the end."""
    firsts = np.searchsorted(starts, [a for a, _ in spans]) if spans else np.zeros(0, np.int64)
    return [*firsts.tolist(), len(starts)]


def _tokens_from_index(idx: Any, d: int) -> _DocTokens:
    """Tokens and sentences of document ``d`` as the corpus index has them."""
    t0, t1 = int(idx.doc_tok[d]), int(idx.doc_tok[d + 1])
    s0, s1 = int(idx.doc_sent[d]), int(idx.doc_sent[d + 1])
    form = idx.form[t0:t1]
    starts = idx.start[t0:t1]
    sent_a = idx.sent_start[s0:s1].tolist()
    sent_b = idx.sent_end[s0:s1].tolist()
    spans = list(zip(sent_a, sent_b, strict=True))
    return _DocTokens(
        w=idx.forms[form].tolist(),
        low=idx.lowers[idx.lower_of_form[form]].tolist(),
        s=starts.tolist(),
        e=idx.end[t0:t1].tolist(),
        sent_spans=spans,
        sent_para=idx.sent_para[s0:s1].tolist(),
        sent_tok=_sentence_tokens(starts, spans),
    )


class _Doc:
    def __init__(
        self, text: str, paragraphs: Sequence[tuple[int, int]], tokens: _DocTokens | None = None
    ):
        self.text = text
        self.paragraphs = list(paragraphs)
        self.quotes: list[_Quote] = []
        para_starts = [a for a, _ in self.paragraphs]
        previous: _Quote | None = None
        for a, b, closed in quotation_spans(text, self.paragraphs):
            if not _LETTER.search(text, a, b):
                continue  # '"783499116076687360"', '"..."': no words, no quotation
            para = bisect.bisect_right(para_starts, a) - 1
            q = _Quote(a, b, closed, para)
            if previous is not None and not previous.closed and para == previous.para + 1:
                q.continues = a == self.paragraphs[para][0]
            self.quotes.append(q)
            previous = q
        self.q_starts = [q.start for q in self.quotes]
        if tokens is None:
            tokens = _tokens_from_text(text, self.paragraphs)
        self.tok_w, self.tok_low, self.tok_s, self.tok_e = tokens.w, tokens.low, tokens.s, tokens.e
        self.sent_spans = tokens.sent_spans
        self.sent_para = tokens.sent_para
        self.sent_tok = tokens.sent_tok
        self._cache: dict[int, _Sent] = {}
        self._vocabulary: set[str] | None = None

    def lower_case_word(self, word: str) -> bool:
        """Whether ``word`` (lower case) occurs in lower case in the document: then a
        capitalised "Health" starting a sentence is that word, not a name."""
        if self._vocabulary is None:
            self._vocabulary = set(_LOWER_WORD.findall(self.text))
        return word in self._vocabulary

    def sentence(self, i: int) -> _Sent:
        sent = self._cache.get(i)
        if sent is None:
            a, b = self.sent_spans[i]
            sent = _Sent(self, i, a, b, self.sent_para[i])
            self._cache[i] = sent
        return sent

    def quote_ids(self, starts: list[int], a: int, b: int) -> list[int]:
        """The quotation each token (by start offset) of ``text[a:b]`` is in, or -1."""
        out = [-1] * len(starts)
        k = bisect.bisect_right(self.q_starts, a) - 1
        k = max(k, 0)
        quotes = self.quotes
        t = 0
        while k < len(quotes) and quotes[k].start < b:
            q = quotes[k]
            if q.end > a:
                t = bisect.bisect_left(starts, q.start, t)
                while t < len(starts) and starts[t] < q.end:
                    out[t] = k
                    t += 1
            k += 1
        return out

    def quote_at(self, pos: int) -> int:
        k = bisect.bisect_right(self.q_starts, pos) - 1
        if k >= 0 and pos < self.quotes[k].end:
            return k
        return -1


_LETTER = re.compile(r"[^\W\d_]")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]*\b")


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


# --------------------------------------------------------------- noun phrases


@dataclass
class _Mention:
    S: _Sent
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


_PLURAL_DETS = frozenset(
    [
        "many",
        "several",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "few",
        "both",
        "all",
        "numerous",
        "various",
        "these",
        "those",
    ]
)
# Words that make a number approximate at the start of a noun phrase.
_APPROXIMATORS = frozenset({"about", "nearly", "almost", "roughly", "around", "some", "over"})


# Words that take "of" and a determined noun phrase as a subject: "many of the
# experts", "one of the doctors", "some of them".
_QUANTIFIERS = frozenset(
    ["all", "many", "some", "most", "several", "none", "one", "two", "three", "each", "both", "few"]
)
_PLURAL_ALWAYS = frozenset({"people", "police", "men", "women", "children", "staff", "troops"})
_CONNECTORS = frozenset({"of", "for", "in", "at", "from", "on", "by"})
_CLAUSE_EDGE = frozenset({",", ":", ";", "(", "\u2014", "\u2013", "\u2015", "--", "-"})


def _nameish(lex: _Lex, S: _Sent, i: int) -> bool:
    return S.w[i][:1].isupper() and S.low[i] not in lex.not_name


def _person_token(lex: _Lex, S: _Sent, i: int) -> bool:
    """A capitalised token that can belong to a personal name."""
    return _nameish(lex, S, i) and S.low[i] not in lex.not_person


def _np_back(lex: _Lex, S: _Sent, j: int, lo: int) -> tuple[int, int] | None:
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
        inner = _np_back(lex, S, k, lo)
        return None if inner is None else (inner[0], j)
    k = i + 1
    while k - 1 >= lo:
        p = k - 1
        t = low[p]
        if S.q[p] >= 0:
            break
        if (
            w[p] in _POSSESSIVE
            and p - 1 >= lo
            and k <= i
            and (_nameish(lex, S, p - 1) or low[p - 1] in lex.nouns)
        ):
            k = p
            continue
        if t in lex.nouns or t in lex.mods or _nameish(lex, S, p):
            k = p
            continue
        if any(c.isdigit() for c in t) and k <= i and S.w[k][:1].isalnum():
            k = p  # "the 2014 American Community Survey", "73 percent"
            continue
        if (
            t in lex.particles
            and p - 1 >= lo
            and _nameish(lex, S, p - 1)
            and k <= i
            and _nameish(lex, S, k)
        ):
            k = p
            continue
        if (
            t in _CONNECTORS
            and k <= i
            and p - 1 >= lo
            and (low[p - 1] in lex.nouns or _nameish(lex, S, p - 1))
            and (_nameish(lex, S, k) or low[k] in lex.dets or low[k] in lex.mods)
        ):
            k = p
            continue
        if t in lex.dets and t not in lex.pronouns:
            if (
                p - 2 >= lo
                and low[p - 1] in _CONNECTORS
                and k <= i
                and (low[p - 2] in lex.nouns or _nameish(lex, S, p - 2))
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
                    and low[before - 1] in _CONNECTORS
                    and (low[before - 2] in lex.nouns or _nameish(lex, S, before - 2))
                ):
                    continue  # "the minister of the economy"
                break
            if before >= lo and (w[before] in _POSSESSIVE or _nameish(lex, S, before)):
                k = m
                continue
            if _at_clause_edge(lex, S, m, lo):
                k = m
        break
    # drop leading connectors
    while k < j and low[k] in _CONNECTORS:
        k += 1
    if k >= j:
        return None
    return k, j


def _np_forward(lex: _Lex, S: _Sent, i: int, hi: int) -> tuple[int, int] | None:
    """Token range ``[i, k)`` of a noun phrase starting at ``i``."""
    if i >= hi or S.q[i] >= 0:
        return None
    low, w = S.low, S.w
    if low[i] in lex.pronouns:
        return i, i + 1
    k = i
    quantified = False
    if (
        low[k] in _APPROXIMATORS
        and k + 1 < hi
        and (low[k + 1][:1].isdigit() or low[k + 1] in _QUANTIFIERS)
    ):
        k += 1  # "about 200 residents", "nearly one of every nine voters"
    if (
        low[k] in ("those", "some", "many", "most", "others", "few")
        and k + 1 < hi
        and S.q[k + 1] < 0
        and low[k + 1] in ("who", "close", "familiar", "involved", "in", "at", "with", "on")
    ):
        return i, i + 1  # "those close to him", "some in the party", "many who ..."
    if (
        low[k] in _QUANTIFIERS
        and k + 2 < hi
        and low[k + 1] == "of"
        and (low[k + 2] in lex.dets or low[k + 2] in ("them", "us"))
    ):
        if low[k + 2] in ("them", "us"):
            return i, k + 3  # "many of them", "some of us"
        k += 2  # "many of the experts", "one of the doctors"
        quantified = True
    elif low[k] in ("all", "both", "half") and k + 1 < hi and low[k + 1] in lex.dets:
        k += 1  # "all the experts", "both the president and ..."
    if low[k] in lex.dets:
        k += 1
    while k < hi and S.q[k] < 0:
        t = low[k]
        if t in lex.nouns or t in lex.mods or _nameish(lex, S, k):
            k += 1
            continue
        if w[k] in _POSSESSIVE and k > i:
            k += 1
            continue
        if (
            any(c.isdigit() for c in t)
            and k + 1 < hi
            and S.q[k + 1] < 0
            and (low[k + 1] in lex.nouns or low[k + 1] in lex.mods or _nameish(lex, S, k + 1))
        ):
            k += 1  # "9/11 widow Terry Strada", "22-year-old student"
            continue
        if t in lex.particles and k > i and k + 1 < hi and _nameish(lex, S, k + 1):
            k += 1
            continue
        if (
            t in ("of", "for", "by")
            and k > i
            and k + 1 < hi
            and S.q[k + 1] < 0
            and (_nameish(lex, S, k + 1) or low[k + 1] in lex.dets or low[k + 1] in lex.nouns)
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
                or (k > i and low[k - 1] in lex.dets and _nameish(lex, S, k + 1))
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


def _head_ok(lex: _Lex, S: _Sent, p: int) -> bool:
    t = S.low[p]
    return t in lex.nouns or _nameish(lex, S, p) or t in lex.pronouns


def _apposition_after(lex: _Lex, S: _Sent, k: int, hi: int) -> tuple[int, int] | None:
    """A role in apposition after a noun phrase ending at ``k``: ``, a spokesman for X``."""
    if k >= hi or S.w[k] != "," or k + 1 >= hi or S.q[k + 1] >= 0:
        return None
    first = S.low[k + 1]
    if not (
        first in ("a", "an", "the")
        or first in lex.person
        or first in lex.role_words
        or first in lex.mods
        or (first.endswith("'s") or (k + 2 < hi and S.w[k + 2] in _POSSESSIVE))
    ):
        return None
    m = k + 1
    limit = min(hi, k + 16)
    while m < limit and S.q[m] < 0 and S.w[m] not in (",", ";", ":") and S.w[m] not in _CLOSERS:
        if S.low[m] in lex.stop and S.low[m] not in ("of", "for", "and", "at", "in"):
            return None
        m += 1
    if m == limit and m < hi:
        return None
    return k + 1, m


def _mention(lex: _Lex, S: _Sent, k: int, j: int, role_span: tuple[int, int] | None = None):
    """Analyse the noun phrase ``[k, j)``: name, role, head, kind, gender."""
    low, w, text = S.low, S.w, None
    r = lex.rules
    if j - k == 1 and low[k] in ("those", "some", "many", "most", "others", "few"):
        # "those close to him", "some in the party": people described by what follows
        return _Mention(
            S, k, j, S.s[k], S.e[k], w[k], head=low[k], plural=True, head_pos=k, strong=True
        )
    if j - k >= 3 and low[k] in _QUANTIFIERS and low[k + 1] == "of" and role_span is None:
        # "many of them", "one of the doctors": a part of a group
        inner = None if low[k + 2] in ("them", "us") else _mention(lex, S, k + 2, j)
        part = _Mention(S, k, j, S.s[k], S.e[j - 1], S.text[S.s[k] : S.e[j - 1]])
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
        return _Mention(
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
        _person_token(lex, S, n - 1)
        or (low[n - 1] in lex.particles and n < jj and n - 2 >= k and _nameish(lex, S, n - 2))
    ):
        n -= 1
    while n < jj and low[n] in lex.particles:
        n += 1
    name_span = (n, jj) if n < jj else None
    if n == 0 and jj == 1 and S.doc.lower_case_word(low[0]):
        name_span = None  # a common word starting the sentence ("Health worries")
    if name_span is not None and any(
        low[x] in _CONNECTORS and w[x - 1].islower() for x in range(k + 1, n)
    ):
        name_span = None  # "officials in northern Afghanistan", "spokesman for Trump"
    if name_span is not None and n > k and low[n - 1] in _CONNECTORS:
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
            if low[x] in _CONNECTORS and x > body and w[x - 1].islower():
                break
            if low[x] in lex.nouns or _nameish(lex, S, x):
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
        or (_nameish(lex, S, head_pos) and not (head_pos == 0 and S.doc.lower_case_word(head)))
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
            or (_nameish(lex, S, head_pos) and head not in lex.person)
        ):
            kind = "org"
        else:
            kind = "person"
        plural = (
            head in _PLURAL_ALWAYS
            or det in _PLURAL_DETS
            or (kind == "person" and head.endswith("s") and not head.endswith(("ss", "us")))
        )
        gender = r.noun_gender.get(head)
    if role_span is not None:
        ra, rb = role_span
        if ra < rb and low[ra] in ("a", "an", "the"):
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
    return _Mention(
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
        resolvable=det in ("the", "this", "that", "these", "those"),
    )


def _role_start(lex: _Lex, S: _Sent, k: int, a: int) -> int:
    """Where the role before a name starting at ``a`` begins: back over role words,
    nouns, modifiers and capitalised words, and over "of"/"for" only inside a role
    ("Secretary of State"), not "Briefing by Press Secretary"."""
    low, w = S.low, S.w
    x = a
    while x - 1 >= k:
        t = low[x - 1]
        if t in lex.dets:
            break
        if t in _CONNECTORS:
            if x - 2 >= k and (low[x - 2] in lex.role_words or low[x - 2] in lex.person):
                x -= 1
                continue
            break
        after = x if x < a else None  # the token after this one, inside the role
        if (
            t in lex.role_words
            or t in lex.nouns
            or t in lex.mods
            or w[x - 1] in _POSSESSIVE
            or any(c.isdigit() for c in t)
            or (
                # a capitalised modifier: before "'s" or a lower-case role noun
                # ("Iran's Foreign Minister", "Stein spokeswoman")
                w[x - 1][:1].isupper()
                and after is not None
                and (w[after] in _POSSESSIVE or (w[after].islower() and low[after] in lex.person))
            )
        ):
            x -= 1
            continue
        break
    return x


def _join(S: _Sent, a: int, b: int) -> str:
    """The text of tokens ``a .. b-1`` (as written, with its spaces)."""
    return S.text[S.s[a] : S.e[b - 1]]


def _name_gender(lex: _Lex, S: _Sent, k: int, a: int) -> str | None:
    """Gender of a named person from a title or role word before the name, or the
    first name."""
    r = lex.rules
    for x in range(k, a):
        g = r.title_gender.get(S.low[x]) or r.noun_gender.get(S.low[x])
        if g:
            return g
    return r.name_gender.get(S.low[a])


# ---------------------------------------------------------------------- cues


@dataclass
class _Frame:
    """One attribution in a sentence: a cue, its speaker and the content it reports."""

    S: _Sent
    ci: int
    cj: int
    lemma: str
    klass: str
    form: str
    speaker: _Mention | None
    rule: str
    left: int  # token range of the attribution itself (speaker and cue)
    right: int
    inverted: bool = False
    pieces: list[tuple[int, int]] = field(default_factory=list)
    quote_before: int = -1
    entity: _Entity | None = None
    resolution: str = ""
    negated: bool = False
    enclosed: bool = False  # in a clause between commas (", who said ...,")


def _cue_at(lex: _Lex, S: _Sent, i: int) -> tuple[int, tuple[str, str, str]] | None:
    cues = lex.rules.cues
    for size in range(min(lex.max_cue, S.n - i), 0, -1):
        info = cues.get(tuple(S.low[i : i + size]))
        if info is not None and all(S.q[x] < 0 for x in range(i, i + size)):
            return i + size, info
    return None


def _skip_left(lex: _Lex, S: _Sent, i: int, lo: int) -> int:
    """Move left over auxiliaries and adverbs ("has also said")."""
    b = i
    steps = 0
    while b - 1 >= lo and steps < 4 and S.q[b - 1] < 0:
        t = S.low[b - 1]
        if t in lex.aux or (t.endswith("ly") and t.isalpha() and S.w[b - 1].islower()):
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
        if t in lex.time and t not in ("last", "this", "next"):
            # "Sanders on Tuesday said", "Wells Fargo this month announced"
            x = b - 1
            while x - 1 >= lo and S.low[x - 1] in (
                "on",
                "last",
                "this",
                "late",
                "early",
                "earlier",
            ):
                x -= 1
            if x == b - 1 and t in _UNIT_TIME_WORDS:
                break  # "the past two weeks shows": a noun phrase, not an adjunct
            b = x
            steps += 1
            continue
        break
    return b


# Time words that need "last", "this", "on" ... to be an adjunct before a cue.
_UNIT_TIME_WORDS = frozenset(
    ["day", "days", "week", "weeks", "month", "months", "year", "years", "hours", "weekend"]
)


def _reporting_use(lex: _Lex, S: _Sent, i: int, j: int, info: tuple[str, str, str]) -> bool:
    """False when a cue word is used as a noun, a passive or an infinitive."""
    _, klass, form = info
    if klass == "source":
        return True
    if i == 0 or (_is_cap(S.w[i]) and not (_title_case(S) and klass in _SPEECH_CLASSES)):
        return False  # sentence-initial participles ("Asked about ...") and names ("States")
    b = _skip_left(lex, S, i, 0)
    prev = S.low[b - 1] if b > 0 else ""
    if prev in lex.rules.passive and tuple(S.low[i:j]) in lex.participles:
        return False
    if j < S.n and S.low[j] == "by" and klass != "source":
        return False  # "reported by", "reporting by": a passive or a credit line
    if info[0] == "call" and S.low[j : j + 1] in (["in"], ["into"], ["up"], ["off"], ["back"]):
        return False  # "she called into a radio program", "called off the talks"
    if prev == "to" or (prev in lex.dets and prev not in lex.pronouns):
        return False
    if (
        S.w[i - 1] in _POSSESSIVE
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
    if klass == "thought" and nxt in ("to", "of", "in", "for", ",", ".", "about", "on"):
        return False  # "expected to win", "think of", "believe in": not a clause
    if (
        klass not in _SPEECH_CLASSES
        and (nxt in _NOT_OBJECT or (klass in _OBJECT_CLASSES and not nxt[:1].isalnum()))
        and not (j < S.n and S.q[j] >= 0)
        and not (nxt == "to" and klass in ("intention", "preference"))
    ):
        return False  # "plans for", "attacks on", "fears of": a noun; "he backed down"
    if klass == "intention" and nxt not in ("to", "that"):
        return False  # "an officer aiming a gun"
    if form == "present" and j < S.n and S.q[j] < 0:
        after = lex.rules.cues.get((nxt,))
        if after is not None and after[1] == "speech" and after[2] == "past":
            return False  # "the report said", "a Facebook post said": a noun
    return True


_FINITE_AUXILIARIES = frozenset(
    [
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "must",
        "do",
        "does",
        "did",
    ]
)


# Words that cannot start the object of a verb of thought, intention, stance or
# topic: prepositions and particles ("plans for", "attacks on", "backed down").
_NOT_OBJECT = frozenset(
    [
        "of",
        "for",
        "in",
        "on",
        "at",
        "from",
        "about",
        "against",
        "into",
        "with",
        "by",
        "to",
        "up",
        "down",
        "out",
        "off",
        "away",
        "over",
        "and",
        "or",
        "but",
        "as",
        "than",
    ]
) | (_FINITE_AUXILIARIES - {"do", "does", "did"})


def _negated(lex: _Lex, S: _Sent, i: int) -> bool:
    """Whether the cue at ``i`` is negated: "did not say", "has never said",
    "isn't saying"."""
    b = _skip_left(lex, S, i, 0)
    return any(S.low[x] in _NEGATIONS for x in range(max(b - 1, 0), i))


def _title_case(S: _Sent) -> bool:
    """A headline written in title case ("Trump Deal Could Work, Graham Says")."""
    words = [w for w in S.w if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_RELATIVES = frozenset({"what", "which", "who", "whom", "that"})
_INTRODUCERS = frozenset(["that", "why", "how", "whether", "what", "when", "where", "who", "if"])
_NEGATIONS = frozenset({"not", "n't", "n\u2019t", "never", "cannot"})


def _clause_subject(lex: _Lex, S: _Sent, before: int) -> tuple[int, int] | None:
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
        if t in lex.intro or (i == 0 and t.endswith("ing") and _is_cap(S.w[i])):
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
    np_ = _np_forward(lex, S, i, before)
    if np_ is None:
        return None
    k = np_[1]
    if k < S.n and S.w[k] == ",":
        appo = _apposition_after(lex, S, k, before)
        if appo is not None and appo[1] < S.n and S.w[appo[1]] == ",":
            return np_
    return np_


def _role_like(lex: _Lex, S: _Sent, a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` read as a role: "the Republican attorney general of
    Oklahoma", "deputy spokesman for the ministry", "Iran's foreign minister"."""
    if a >= b or b - a > 15 or any(S.q[x] >= 0 for x in range(a, b)):
        return False
    first = S.low[a]
    if not (
        first in ("a", "an", "the")
        or first in lex.person
        or first in lex.role_words
        or first in lex.mods
        or (a + 1 < b and S.w[a + 1] in _POSSESSIVE)
    ):
        return False
    allowed = ("of", "for", "and", "at", "in", "the", "a", "an")
    return not any(S.low[x] in lex.stop and S.low[x] not in allowed for x in range(a, b))


def _apposition_before(lex: _Lex, S: _Sent, comma: int, lo: int):
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
        first = _np_back(lex, S, c0, lo)
        if first is not None and c0 - first[0] <= 12 and _at_clause_edge(lex, S, first[0], lo):
            seg = (c0 + 1, c)
            role = seg if _role_like(lex, S, *seg) else None
            m1 = _mention(lex, S, first[0], first[1])
            if m1 is not None and (m1.name is not None or m1.kind == "pronoun"):
                return _mention(lex, S, first[0], first[1], role_span=role), first[0]
            m2 = _np_forward(lex, S, c0 + 1, c)
            if m1 is not None and m2 is not None and m2[1] == c:
                named = _mention(lex, S, m2[0], m2[1], role_span=first)
                if named is not None and named.name is not None:
                    return named, first[0]
            if fallback is None and m1 is not None and m1.strong:
                fallback = (_mention(lex, S, first[0], first[1], role_span=role), first[0])
        c = c0
    return fallback


def _at_clause_edge(lex: _Lex, S: _Sent, k: int, lo: int) -> bool:
    """Whether a noun phrase starting at ``k`` can be a subject: it starts the
    sentence or follows a comma, a quotation, a conjunction or an opener."""
    if k <= lo or k == 0:
        return True
    before = S.low[k - 1]
    return (
        S.w[k - 1] in _CLAUSE_EDGE
        or S.q[k - 1] >= 0
        or before in _SUBJECT_AFTER
        or before in lex.openers
        or before in lex.time
    )


_SUBJECT_AFTER = frozenset(
    [
        "and",
        "but",
        "or",
        "that",
        "as",
        "while",
        "when",
        "where",
        "so",
        "because",
        "though",
        "although",
        "since",
        "if",
        "whereas",
        "then",
        "also",
        "after",
        "before",
        "until",
        "once",
        "what",
        "which",
        "who",
        "whom",
    ]
)


def _attribute(
    lex: _Lex,
    S: _Sent,
    ci: int,
    cj: int,
    info: tuple[str, str, str],
    frames: list[_Frame],
    lo: int,
    known: dict[str, Any],
) -> _Frame | None:
    """Link a cue to its speaker: before it, after it, in apposition, or the subject
    of its clause."""
    lemma, klass, form = info

    def frame(speaker, rule, left, right, inverted=False):
        if speaker is None:
            return None
        if (
            form == "present"
            and S.low[ci].endswith("s")
            and speaker.plural
            and speaker.kind != "pronoun"
            and rule == "speaker before cue"
        ):
            return None  # "many Republican claims": a noun, not "claims" the verb
        if (
            klass == "evidence"
            and not _evidence_source(lex, S, speaker)
            and S.low[cj : cj + 1] != ["that"]
        ):
            return None  # "the poll shows ...", but "he showed" only before "that"
        return _Frame(S, ci, cj, lemma, klass, form, speaker, rule, left, right, inverted)

    if klass == "source":
        np_ = _np_forward(lex, S, cj, S.n)
        if np_ is None:
            return None
        appo = _apposition_after(lex, S, np_[1], S.n)
        m = _mention(lex, S, np_[0], np_[1], role_span=appo)
        return frame(m, "source preposition", ci, m.j if m else np_[1], inverted=True)
    b = _skip_left(lex, S, ci, lo)
    left = b - 1
    if form == "gerund" and left >= lo and (S.w[left] == "," or S.low[left] in _GERUND_AFTER):
        # "..., saying ...": the speaker of the clause it hangs on
        earlier = [f for f in frames if f.speaker is not None and f.cj <= ci]
        if earlier:
            m = earlier[-1].speaker
        else:
            np_ = _clause_subject(lex, S, left)
            m = None if np_ is None else _mention(lex, S, *np_)
        return frame(m, "participle", ci, cj)
    if left < lo and (left < 0 or lo == 0):
        return None
    after_quote = left >= 0 and (
        S.q[left] >= 0 or (S.w[left] == "," and left > 0 and S.q[left - 1] >= 0)
    )
    if left >= lo and S.w[left] == "," and not after_quote:
        appo = _apposition_before(lex, S, left, lo)
        if appo is not None and appo[0] is not None:
            return frame(appo[0], "speaker before cue", appo[1], cj)
    if left >= lo and (S.w[left] == "," or S.q[left] >= 0):
        # inversion: '"...," said the official' / '..., said the official'
        if klass not in _SPEECH_CLASSES or lemma in _NAMING_VERBS:
            return None  # "The program, called EB-5, allows ...": not an inversion
        r = cj
        while r < S.n and S.low[r] in lex.time and S.q[r] < 0:
            r += 1
        np_ = _np_forward(lex, S, r, S.n) if S.low[r : r + 1] != ["that"] else None
        if np_ is not None:
            appo = _apposition_after(lex, S, np_[1], S.n)
            m = _mention(lex, S, np_[0], np_[1], role_span=appo)
            if m is not None and (m.strong or m.kind == "pronoun") and _clause_ends(lex, S, m.j):
                return frame(m, "speaker after cue", ci, m.j, inverted=True)
        return None
    if left >= lo and S.low[left] in _RELATIVE_SUBJECTS and S.q[left] < 0:
        # "said Mr. Kamin, who emphasized that ...", "cities that support the
        # rules": the speaker is the antecedent
        a = left - 1 if left - 1 >= lo and S.w[left - 1] == "," else left
        if S.low[left] == "that" and a != left:
            return None  # ", that ..." is not a relative clause
        np_ = _np_back(lex, S, a, 0)
        m = None if np_ is None else _mention(lex, S, *np_)
        who = S.low[left] == "who"
        kinds = ("person", "org") if who else ("person", "org", "document")
        if (
            m is not None
            and (m.strong or (who and _plain_head(lex, S, m)))
            and m.kind in kinds
            and not (S.low[left] == "that" and m.name is not None and m.kind == "person")
        ):
            m.canonical = m.text
            m.start, m.end, m.text = S.s[left], S.e[left], S.w[left]
            f = frame(m, "speaker before cue", left, cj)
            if f is not None:
                f.enclosed = a != left  # ", who said ..., sued": ends at a comma
            return f
        return None
    if left >= lo:
        np_ = _np_back(lex, S, b, lo)
        if (
            np_ is not None
            and not _at_clause_edge(lex, S, np_[0], lo)
            and not (np_[1] - np_[0] == 1 and S.low[np_[0]] in _SUBJECT_PRONOUNS)
            and not (
                # "the third time AROS said": a name after a common word
                S.w[np_[0] - 1].isalpha()
                and S.w[np_[0] - 1].islower()
                and S.low[np_[0] - 1] not in _CONNECTORS
                and all(_person_token(lex, S, x) for x in range(np_[0], np_[1]))
            )
        ):
            # "... the Washington Post Trump said": the known name just before the cue
            x = np_[1]
            while x - 1 >= np_[0] and _person_token(lex, S, x - 1):
                x -= 1
            np_ = (x, np_[1]) if x < np_[1] and S.low[np_[1] - 1] in known else None
        if np_ is not None:
            np_ = _coordinated(lex, S, np_, lo)
            m = _mention(lex, S, *np_) if np_[2] is None else _group_mention(lex, S, np_)
            if m is not None and (
                m.strong or lemma in _WEAK_SUBJECT_VERBS or _plain_subject(lex, S, m, lo)
            ):
                return frame(m, "speaker before cue", np_[0], cj)
        else:
            np_ = _modified_subject(lex, S, b, lo)
            if np_ is not None:
                m = _mention(lex, S, *np_)
                if m is not None and m.strong and m.kind != "pronoun":
                    return frame(m, "speaker before cue", np_[0], cj)
        if S.low[left] in ("and", "but", "or") or S.w[left] == ",":
            earlier = [f for f in frames if f.speaker is not None]
            if earlier:
                e = earlier[-1]
                if klass not in _SPEECH_CLASSES and _reports_clause(lex, S, e):
                    # "Police said he posed a threat and refused to drop the gun":
                    # the verb belongs to the reported clause, not to its speaker
                    return None
                return frame(e.speaker, "clause subject", ci, cj)
            np_ = _clause_subject(lex, S, left)
            if np_ is not None:
                return frame(_mention(lex, S, *np_), "clause subject", ci, cj)
    return None


def _reports_clause(lex: _Lex, S: _Sent, f: _Frame) -> bool:
    """Whether a frame reports a clause with its own subject ("said that he ...",
    "said he ...", "believes the city ..."), rather than an object or infinitive
    ("urged Republicans to join ...", "promoted a raft of therapies")."""
    if f.klass in _OBJECT_CLASSES or f.rule == "nominal cue":
        return False
    r = _skip_adjuncts(lex, S, f.right, S.n, f.lemma in lex.rules.addressee_verbs)
    if r >= S.n or S.q[r] >= 0:
        return False
    t = S.low[r]
    return t in _INTRODUCERS or t in lex.pronouns or f.klass in ("thought", "evidence")


# Verbs of saying that name or describe what they take as object ("called him a
# liar"); they are never inverted ("The program, called EB-5, ...").
_NAMING_VERBS = frozenset({"call", "describe", "dub", "label", "brand", "term", "cite"})


# Pronouns that are the subject of the verb right after them wherever they stand
# ("the target it pledged to reach", "which she plans to do").
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


# Relative pronouns whose antecedent is the speaker of the cue after them.
_RELATIVE_SUBJECTS = frozenset({"who", "that", "which"})


def _coordinated(lex: _Lex, S: _Sent, np_: tuple[int, int], lo: int) -> tuple[int, int, int | None]:
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
        prev = _np_back(lex, S, c, lo)
        if prev is None:
            break
        m = _mention(lex, S, *prev)
        if m is None or not m.strong or (m.kind == "pronoun" and m.pronoun in ("it", "you")):
            break
        start = prev[0]
    if start < k and _at_clause_edge(lex, S, start, lo) and S.low[start - 1 : start] != ["and"]:
        return start, j, k
    return k, j, None


def _group_mention(lex: _Lex, S: _Sent, np_: tuple[int, int, int | None]) -> _Mention | None:
    """A coordinated subject: a group source named by all its conjuncts."""
    k, j, last = np_
    assert last is not None
    m = _mention(lex, S, last, j)
    if m is None:
        return None
    head = _mention(lex, S, k, j)
    text = S.text[S.s[k] : S.e[j - 1]]
    return _Mention(
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


def _modified_subject(lex: _Lex, S: _Sent, b: int, lo: int) -> tuple[int, int] | None:
    """The subject at the start of the clause when words that modify it come
    between it and the cue: "Political observers in Virginia say", "all the experts
    I interviewed said", "A 2014 study that appeared in the journal found", "A union
    representing flight attendants endorsed"."""
    np_ = _clause_subject(lex, S, b)
    if np_ is None or not np_[1] <= b <= np_[1] + 14:
        # the subject of a clause after a comma: "..., a USA TODAY analysis of
        # campaign-finance reports shows."
        c = b - 1
        while c > lo and c > b - 16 and S.w[c] != "," and S.q[c] < 0:
            c -= 1
        if c <= lo or S.w[c] != "," or S.q[c] >= 0:
            return None
        np_ = _np_forward(lex, S, c + 1, b)
        if np_ is None or not (S.low[np_[0]] in lex.dets or _nameish(lex, S, np_[0])):
            return None
    k, j = np_
    if k < lo or not j <= b <= j + 14:
        return None
    if j == b:
        return k, j  # "Many of them say", "One of the doctors called"
    first = S.low[j]
    if not (
        first in _POSTMODIFIER_START
        or first in ("i", "we", "you", "they")
        or (S.w[j].islower() and first.endswith(("ing", "ed", "en")) and first.isalpha())
    ):
        return None
    relative = first in _RELATIVE_SUBJECTS or first in ("whom", "whose")
    for x in range(j, b):
        t = S.low[x]
        if (
            S.q[x] >= 0
            or S.w[x] in (",", ";", ":", "(", ")", "\u2014", "\u2013", "--")
            or t in _CLOSERS
        ):
            return None
        if not relative and (t in _FINITE_AUXILIARIES or t in _RELATIVE_SUBJECTS):
            return None  # "Trump's claim that X was wrong is ..." is not a subject
        if t in lex.rules.cue_first and j < x < b - 1 and _cue_at(lex, S, x) is not None:
            return None  # another cue (but "campaign-finance reports shows": a noun)
    return k, j


# Words that start a phrase modifying a subject: prepositions and relative pronouns.
_POSTMODIFIER_START = frozenset(
    [
        "in",
        "of",
        "from",
        "at",
        "for",
        "with",
        "on",
        "across",
        "around",
        "among",
        "inside",
        "outside",
        "close",
        "near",
        "who",
        "that",
        "which",
        "whom",
        "whose",
    ]
)


# "despite admitting that ...", "after saying ...": the clause's subject speaks.
_GERUND_AFTER = frozenset(
    ["despite", "after", "before", "by", "while", "when", "since", "upon", "in"]
)


def _clause_ends(lex: _Lex, S: _Sent, k: int) -> bool:
    """After an inverted speaker ("..., said the official"): the sentence, the
    clause or a quotation follows, perhaps after adjuncts ("on Monday")."""
    r = _skip_adjuncts(lex, S, k, S.n, False)
    return (
        r >= S.n
        or S.q[r] >= 0
        or S.w[r] in (",", ";", ":", "(", ")", "\u2014", "\u2013", "--")
        or S.w[r] in _CLOSERS
        or S.low[r] in ("but", "as", "while", "because", "although", "though", "when")
    )


def _evidence_source(lex: _Lex, S: _Sent, m: _Mention) -> bool:
    """Whether a mention can be the source of a verb of evidence: a document, poll or
    study ("The Real Clear Politics average of polls", "a USA TODAY analysis"), or
    "it" referring to one."""
    if m.kind == "document" or m.head in lex.rules.evidence_subjects or m.pronoun == "it":
        return True
    words = range(m.k, min(m.j, m.head_pos + 3) if m.head_pos >= m.k else m.j)
    return any(S.low[x] in lex.doc or S.low[x] in lex.rules.evidence_subjects for x in words)


def _plain_head(lex: _Lex, S: _Sent, m: _Mention) -> bool:
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


def _plain_subject(lex: _Lex, S: _Sent, m: _Mention, lo: int) -> bool:
    """A noun phrase headed by a common noun the lists do not know ("environmentalists
    worry", "the docs called") is a source when it starts the clause."""
    return (
        _plain_head(lex, S, m)
        and _at_clause_edge(lex, S, m.k, lo)
        and (m.k == 0 or S.low[m.k - 1] not in ("that", "which", "what", "who", "whom", "as"))
    )


# Verbs that take any noun phrase with a determiner as their source ("the lawsuit says").
_WEAK_SUBJECT_VERBS = frozenset({"say", "state", "write", "report", "note", "show", "find"})


def _skip_adjuncts(lex: _Lex, S: _Sent, r: int, hi: int, addressee: bool) -> int:
    """Move right over the person addressed ("told Reuters news agency") and
    adjuncts ("on Wednesday", "in a statement", "on condition of anonymity")."""
    low, w = S.low, S.w
    if addressee and r < hi and S.q[r] < 0:
        if low[r] in ("me", "us", "him", "her", "them", "you"):
            r += 1
        else:
            np_ = _np_forward(lex, S, r, hi)
            if np_ is not None and low[np_[0]] not in lex.pronouns:
                r = np_[1]
    for _ in range(6):
        if r >= hi or S.q[r] >= 0:
            break
        t = low[r]
        if t in lex.time or (t.endswith("ly") and t.isalpha() and w[r].islower()):
            r += 1
            continue
        if t == "to" and r + 1 < hi and w[r + 1].islower() and low[r + 1] not in lex.dets:
            break  # "to" before a verb starts the content ("urged them to leave")
        if t in lex.preps and r + 1 < hi and S.q[r + 1] < 0 and low[r + 1] != "that":
            m = r + 1
            limit = min(hi, r + 9)
            while m < limit and S.q[m] < 0:
                tm = low[m]
                if w[m] in (",", ":", ";") or tm == "that" or w[m] in _CLOSERS:
                    break
                if m > r + 1 and (
                    (tm in lex.dets and low[m - 1] not in ("of", "for", "with"))
                    or tm in lex.pronouns
                    or (_is_cap(w[m]) and w[m - 1].islower() and low[m - 1] not in _CONNECTORS)
                ):
                    break
                if tm in lex.rules.cue_first and _cue_at(lex, S, m) is not None:
                    break
                m += 1
            if m == limit and m < hi:
                break  # too long for an adjunct: it is the content
            r = m
            continue
        break
    return r


def _boundary(lex: _Lex, S: _Sent, r: int, hi: int) -> int:
    """Where reported content starting at ``r`` ends."""
    low, w = S.low, S.w
    x = r
    while x < hi:
        if S.q[x] < 0:
            if w[x] == ";":
                return x
            if w[x] == "," and x + 1 < hi and low[x + 1] in lex.rules.boundaries:
                return x
        x += 1
    return hi


def _trim(S: _Sent, a: int, b: int) -> tuple[int, int]:
    """Drop punctuation (outside quotations) from both ends of a token range."""
    while a < b and S.q[a] < 0 and not any(c.isalnum() for c in S.w[a]):
        a += 1
    while (
        b > a
        and S.q[b - 1] < 0
        and (not any(c.isalnum() for c in S.w[b - 1]) or S.low[b - 1] in _TRAILING)
    ):
        b -= 1
    return a, b


# Words that cannot end reported content (what followed them was cut off).
_TRAILING = frozenset(
    [
        "and",
        "but",
        "or",
        "nor",
        "when",
        "while",
        "if",
        "as",
        "because",
        "since",
        "after",
        "before",
        "although",
        "though",
        "that",
        "which",
        "who",
        "whom",
        "where",
        "even",
        "also",
    ]
)


def _quote_tokens(S: _Sent, p: int) -> tuple[int, int]:
    """Token range of the quotation that token ``p`` is in (within the sentence)."""
    qid = S.q[p]
    a = p
    while a - 1 >= 0 and S.q[a - 1] == qid:
        a -= 1
    b = p
    while b < S.n and S.q[b] == qid:
        b += 1
    return a, b


def _content(
    lex: _Lex, S: _Sent, f: _Frame, lo: int, hi: int, claimed: set[int], before_lo: int = -1
) -> None:
    """The pieces of text a frame reports: the quotation before it, what follows
    it, or the clause before it when it comes last (which may start before
    ``lo``, at ``before_lo``, over cues of thought or stance it reports)."""
    low, w = S.low, S.w
    if f.rule in ("passive agent", "passive without agent", "evidential", "nominal cue"):
        for piece in f.pieces:
            claimed.update(S.q[x] for x in range(*piece) if S.q[x] >= 0)
        return  # the subject (and predicate), set when the frame was found
    # the quotation just before: '"...," he said'
    p = f.left - 1
    if p >= lo and w[p] == "," and S.q[p] < 0:
        p -= 1
    if (
        f.quote_before < 0
        and f.klass != "source"
        and p >= lo
        and S.q[p] >= 0
        and S.q[p] not in claimed
        and not _title_quote(S, *_quote_tokens(S, p))
    ):
        f.pieces.append(_quote_tokens(S, p))
        f.quote_before = S.q[p]
        claimed.add(S.q[p])
    # what follows
    r = _skip_adjuncts(lex, S, f.right, hi, f.lemma in lex.rules.addressee_verbs)
    after_comma = r < hi and w[r] == "," and S.q[r] < 0
    introduced = r < hi and S.q[r] < 0 and (w[r] in (":", ",") or low[r] in _INTRODUCERS)
    if r < hi and w[r] in (":", ",") and S.q[r] < 0:
        r += 1
    end = _boundary(lex, S, r, hi)
    a, b = _trim(S, r, end)
    tail_words = sum(1 for x in range(a, b) if S.q[x] < 0 and any(c.isalnum() for c in w[x]))
    has_quote = any(S.q[x] >= 0 and S.q[x] not in claimed for x in range(a, b))
    first_is_quote = a < b and S.q[a] >= 0
    if f.quote_before >= 0:
        # '"A," he said, "B."' takes the second quotation too; anything else
        # after it (", adding that ...") belongs to another cue
        if first_is_quote and after_comma:
            f.pieces.append(_quote_tokens(S, a))
            claimed.add(S.q[a])
        return
    if f.klass == "quotation":
        if first_is_quote:
            f.pieces.append(_quote_tokens(S, a))
            claimed.add(S.q[a])
        return
    object_verb = f.klass in _OBJECT_CLASSES
    takes_after = a < b and (has_quote or tail_words >= (1 if object_verb else 2))
    question = a == r and (f.negated or f.lemma in _QUESTION_VERBS)
    interrupting = after_comma and f.left - 1 >= lo and w[f.left - 1] == "," and S.q[a] < 0
    if (
        takes_after
        and low[a] in _NOT_CONTENT_START
        and S.q[a] < 0
        and low[a] != "if"
        and not (question and low[a] in ("when", "where"))
        and not (interrupting and low[a] in _SUBORDINATE_CONTINUATIONS)
    ):
        # but "have not said when they would", "asked where", and "Lenox was a
        # juggernaut, Mr. Clarke said, until it went bankrupt"
        takes_after = False
    if takes_after and not after_comma and S.q[a] < 0 and low[a] in _FINITE_AUXILIARIES:
        takes_after = False  # "Everything Trump says is a lie": the cue is in a relative  # "said when she resigned", "reported from Midway, and ..."
    if (
        takes_after
        and f.klass == "reply"
        and f.rule != "participle"
        and not (introduced or first_is_quote)
    ):
        takes_after = False  # "add $84 billion", "respond to requests"
    if takes_after and f.inverted and f.klass != "source" and not (after_comma or first_is_quote):
        takes_after = False  # "said the official on Monday" followed by more words
    if (
        takes_after
        and f.inverted
        and f.klass != "source"
        and not first_is_quote
        and f.left - 1 >= lo
        and w[f.left - 1] == ","
    ):
        takes_after = False  # "..., said Jeffrey Trimble, a senior official with ..."
    if takes_after and f.klass == "source" and not _clause_start(lex, S, f.left, lo):
        takes_after = False  # "..., according to X, ..." reports what comes before
    if takes_after:
        f.pieces.append((a, b))
        claimed.update(S.q[x] for x in range(a, b) if S.q[x] >= 0)
        if not after_comma or f.klass == "source":
            return
    elif tail_words > 0 and f.klass != "source" and not after_comma:
        return  # the cue has an object that is not reported content
    if object_verb:
        return  # "..., she supported." reports nothing before the verb
    # the clause before: "..., the official said." / "..., according to X." /
    # "The Taliban, he said, had changed."
    c = f.left - 1
    if c >= lo and (w[c] == "," or f.klass == "source") and S.q[c] < 0:
        start = lo if before_lo < 0 or f.klass not in _SPEECH_CLASSES else min(lo, before_lo)
        while start < c and (low[start] in lex.openers or w[start] == ","):
            start += 1
        if (low[start] in lex.intro or low[start] in _NOT_CONTENT_START) and not any(
            w[x] == "," and S.q[x] < 0 for x in range(start, c)
        ):
            return  # "When Congress cut funding, Mexico said ..." is not reported
        a, b = _trim(S, start, c + (0 if w[c] == "," else 1))
        words = sum(1 for x in range(a, b) if any(ch.isalnum() for ch in w[x]))
        if words >= (1 if f.pieces and after_comma else 2 if f.pieces else 3):
            f.pieces.insert(0, (a, b))
            claimed.update(S.q[x] for x in range(a, b) if S.q[x] >= 0)


# Verb groups whose content is only what follows the verb (an object, an
# infinitive or a clause), never the clause before it.
_OBJECT_CLASSES = frozenset({"topic", "intention", "preference", "stance"})


# Words that continue a sentence interrupted by its attribution ("..., he said,
# because ...", "..., she said, until ...").
_SUBORDINATE_CONTINUATIONS = frozenset(
    ["because", "since", "although", "though", "while", "when", "until", "unless", "as", "if"]
)


# Verbs after which "when" and "where" start a reported question ("asked where
# the money went"), not a time or place of the saying.
_QUESTION_VERBS = frozenset({"ask", "wonder", "know", "explain", "decide", "discuss", "question"})


# Reported content does not start with these words (what follows them is an
# adjunct clause or a second subject).
_NOT_CONTENT_START = frozenset(
    [
        "and",
        "or",
        "but",
        "nor",
        "when",
        "while",
        "if",
        "unless",
        "until",
        "because",
        "since",
        "although",
        "though",
        "as",
        "after",
        "before",
        "whereas",
        "where",
        "by",
    ]
)


def _clause_start(lex: _Lex, S: _Sent, k: int, lo: int) -> bool:
    """True when only openers ("But", "Also on Wednesday,") come before ``k``."""
    x = lo
    while x < k:
        if S.low[x] in lex.openers or S.low[x] in lex.time or S.w[x] == ",":
            x += 1
            continue
        return False
    return True


# ------------------------------------------------------------------ resolution


@dataclass
class _Entity:
    name: str
    role: str | None
    kind: str
    gender: str | None
    plural: bool
    head: str
    mods: frozenset[str]
    heads: frozenset[str] = frozenset()


_HISTORY = 40  # how far back pronouns and descriptions look (entities)


class _Resolver:
    """Who a mention refers to, given the speakers and subjects read so far."""

    def __init__(self, lex: _Lex):
        self.lex = lex
        self.history: list[_Entity] = []
        self.by_name: dict[str, _Entity] = {}
        self.by_surname: dict[str, _Entity] = {}

    def push(self, entity: _Entity) -> None:
        if self.history and self.history[-1] is entity:
            return
        self.history.append(entity)
        if len(self.history) > 4 * _HISTORY:
            del self.history[: 2 * _HISTORY]

    def register_name(self, m: _Mention) -> None:
        """Remember a full name seen in the text, for later surnames."""
        if m.name is None or " " not in m.name:
            return
        key = m.name.lower()
        if key not in self.by_name:
            self._new_person(m)

    def _new_person(self, m: _Mention) -> _Entity:
        assert m.name is not None
        e = _Entity(m.name, m.role, "person", m.gender, False, m.head, m.mods, m.heads)
        self.by_name[m.name.lower()] = e
        parts = m.name.lower().split()
        self.by_surname[parts[-1]] = e
        return e

    def resolve(self, m: _Mention) -> tuple[_Entity | None, str]:
        if m.pronoun is not None:
            return self._pronoun(m)
        if m.name is not None:
            return self._name(m)
        return self._description(m)

    def _pronoun(self, m: _Mention) -> tuple[_Entity | None, str]:
        p = m.pronoun
        found: list[_Entity] = []
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
            return None, "unresolved pronoun"
        e = found[0]
        if p in ("he", "she") and e.gender is None:
            ambiguous = len(found) > 1 and found[1].gender in (None, m.gender)
            e.gender = m.gender
            return e, "ambiguous pronoun" if ambiguous else "pronoun"
        return e, "pronoun"

    def _name(self, m: _Mention) -> tuple[_Entity | None, str]:
        assert m.name is not None
        key = m.name.lower()
        parts = key.split()
        e = self.by_name.get(key)
        how = "name"
        if e is None:
            known = self.by_surname.get(parts[-1])
            if known is not None and (len(parts) == 1 or parts[0] == known.name.lower().split()[0]):
                e, how = known, "surname" if len(parts) == 1 else "name"
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

    def _description(self, m: _Mention) -> tuple[_Entity | None, str]:
        head_word = m.S.w[m.head_pos]
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
                return best, "description"
        name = _canonical_description(self.lex, m)
        key = name.lower()
        e = self.by_name.get(key)
        if e is None:
            e = _Entity(name, None, m.kind, m.gender, m.plural, m.head, m.mods, m.heads)
            self.by_name[key] = e
        return e, "source"


def _canonical_description(lex: _Lex, m: _Mention) -> str:
    """ "A Ministry of Defence official" -> "Ministry of Defence official";
    "Officials" -> "officials"; "the Taliban" -> "Taliban"."""
    words = (m.canonical or m.text).split()
    if words and words[0].lower() in ("a", "an", "the"):
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


# -------------------------------------------------------------------- reading


@dataclass
class _Row:
    start: int
    end: int
    kind: str
    sent: int
    para: int
    frame: _Frame | None
    rule: str
    part_of: _Row | None = None

    def speaker_fields(self) -> _Frame | None:
        return self.frame


def _sentence_frames(lex: _Lex, S: _Sent, known: dict[str, Any]) -> list[_Frame]:
    frames: list[_Frame] = []
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
        hit = _cue_at(lex, S, i)
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
        if _reporting_use(lex, S, i, cj, info):
            f = _attribute(lex, S, i, cj, info, frames, lo, known)
            if f is not None:
                f.negated = _negated(lex, S, i)
                frames.append(f)
                lo = f.right
                i = max(cj, f.right)
                continue
        i = cj
    if not frames:
        return frames
    preset = [list(f.pieces) for f in frames]
    _assign_content(lex, S, frames)
    reporting = [f for f in frames if f.pieces]
    if len(reporting) < len(frames):
        # a cue that reports nothing ("a curfew would continue") does not end the
        # content of the cue before it: assign again without it
        for f, pieces in zip(frames, preset, strict=True):
            f.pieces, f.quote_before = list(pieces), -1
        kept = {id(f) for f in reporting}
        frames = [f for f, pieces in zip(frames, preset, strict=True) if id(f) in kept or pieces]
        _assign_content(lex, S, frames)
    return _outermost(frames)


def _assign_content(lex: _Lex, S: _Sent, frames: list[_Frame]) -> None:
    """Give each frame of a sentence the pieces of text it reports."""
    claimed: set[int] = set()
    # quotations just before a cue belong to it first ('"...," he said')
    for n, f in enumerate(frames):
        lo = frames[n - 1].right if n else 0
        p = f.left - 1
        if p >= lo and S.w[p] == "," and S.q[p] < 0:
            p -= 1
        if p >= lo and S.q[p] >= 0 and S.q[p] not in claimed and f.klass != "source":
            qa, qb = _quote_tokens(S, p)
            if _title_quote(S, qa, qb):
                continue  # 'In his book, "Make Your Kid a Millionaire," he suggested'
            f.pieces.append((qa, qb))
            f.quote_before = S.q[p]
            claimed.add(S.q[p])
    last_right = 0  # the end of the last attribution that reports something
    last_speech = 0  # ... and of the last one that reports speech
    for n, f in enumerate(frames):
        lo = last_right
        hi = S.n
        r = _skip_adjuncts(lex, S, f.right, S.n, f.lemma in lex.rules.addressee_verbs)
        clause = r < S.n and S.q[r] < 0 and S.low[r] in _INTRODUCERS
        for g in frames[n + 1 :]:
            # a cue in a relative clause ("what she calls ...") is nested in this
            # content, which goes on past it; so is a verb of thought, intention
            # or stance inside a that-clause ("said that he would consider ...")
            if not (
                (g.left > 0 and S.low[g.left - 1] in _RELATIVES)
                or (clause and g.klass not in _SPEECH_CLASSES and g.left > r)
                or g.rule == "nominal cue"  # "say it underscores the regime's resolve to"
            ):
                hi = g.left
                break
        for x in range(f.right, hi):
            if (S.q[x] >= 0 and S.q[x] in claimed and S.q[x] != f.quote_before) or (
                f.enclosed and S.w[x] == "," and S.q[x] < 0
            ):
                hi = x
                break
        _content(lex, S, f, lo, hi, claimed, last_speech)
        if f.pieces:
            last_right = f.right
            if f.klass in _SPEECH_CLASSES:
                last_speech = f.right


def _outermost(frames: list[_Frame]) -> list[_Frame]:
    """The frames that report something, without the verbs of thought, intention
    and stance (and nominal cues) that lie inside what a verb of saying or thought
    reports: in "Police said he posed a threat and refused to drop the gun" the
    refusal is part of what the police said."""

    def cover(kept: list[_Frame]) -> tuple[list[int], list[int]]:
        spans = sorted((a, b) for f in kept for a, b in f.pieces)
        return [a for a, _ in spans], list(itertools.accumulate((b for _, b in spans), max))

    def inside(f: _Frame, starts: list[int], reach: list[int]) -> bool:
        k = bisect.bisect_right(starts, f.ci) - 1
        return k >= 0 and reach[k] > f.ci

    clausal = cover([f for f in frames if f.klass in _SPEECH_CLASSES or f.klass in _CLAUSAL])
    every = cover(frames)
    out = []
    for f in frames:
        if not f.pieces:
            continue
        if f.klass not in _SPEECH_CLASSES and f.klass not in _CLAUSAL and inside(f, *clausal):
            continue  # nested in reported content
        if f.rule == "nominal cue" and inside(f, *every):
            continue  # "discussed her plan for veterans": part of another's content
        out.append(f)
    return out


# Verb groups whose content is a clause that can hold further attributions.
_CLAUSAL = frozenset({"thought", "evidence"})


def _passive_agent(
    lex: _Lex, S: _Sent, i: int, j: int, info: tuple[str, str, str], lo: int
) -> _Frame | None:
    """A passive cue with its agent: "The nominee has been endorsed by dozens of
    papers", "The issue was first reported by The Washington Post". The agent is
    the source; the subject of the clause is what it said or judged."""
    lemma, klass, form = info
    if klass in ("quotation", "reply", "source") or form not in ("past", "participle"):
        return None
    if j + 1 >= S.n or S.low[j] != "by" or S.q[j + 1] >= 0:
        return None
    x = _skip_left(lex, S, i, lo)
    while x - 1 >= lo and S.low[x - 1] in lex.rules.passive:
        x -= 1  # "has been", "is being"
        x = _skip_left(lex, S, x, lo)
    if not any(S.low[y] in lex.rules.passive for y in range(x, i)):
        return None
    subject = _np_back(lex, S, x, lo)
    if subject is None or not _at_clause_edge(lex, S, subject[0], lo):
        subject = _clause_subject(lex, S, x)
        if subject is None or subject[1] != x:
            return None
    np_ = _np_forward(lex, S, j + 1, S.n)
    if np_ is None:
        return None
    m = _mention(lex, S, *np_)
    if m is None or not (m.strong or m.kind == "pronoun"):
        return None
    f = _Frame(S, i, j, lemma, klass, form, m, "passive agent", i, m.j, True)
    f.pieces.append(subject)
    f.negated = _negated(lex, S, i)
    return f


def _nominal(lex: _Lex, S: _Sent, i: int, lo: int) -> _Frame | None:
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
    if S.w[p] in _POSSESSIVE:
        np_ = _np_back(lex, S, p, lo)
        if np_ is None:
            return None
        m = _mention(lex, S, *np_)
        if m is None or not (m.strong or _plain_head(lex, S, m)) or m.kind == "document":
            return None
    elif S.low[p] in _POSSESSIVE_PRONOUNS:
        pronoun = _POSSESSIVE_PRONOUNS[S.low[p]]
        gender, number = lex.pronouns.get(pronoun, (None, "singular"))
        m = _Mention(
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
    elif nxt in ("of", "for", "about", "on", "against", "over"):
        start = r + 1
    else:
        return None
    end = _boundary(lex, S, start, S.n)
    a, b = _trim(S, start, end)
    if _sentence_words(S, a, b) < 2:
        return None
    f = _Frame(S, i, i + 1, S.low[i], f"nominal {kind}", "noun", m, "nominal cue", p, i + 1)
    f.pieces = [(a, b)]
    return f


def _subject_start(lex: _Lex, S: _Sent, k: int) -> bool:
    """Whether token ``k`` can start the subject of a clause (after a complement
    "that"): a determiner, pronoun, name or number, not a verb ("that matches")."""
    t = S.low[k]
    return (
        S.q[k] >= 0
        or t in lex.dets
        or t in lex.pronouns
        or t in _QUANTIFIERS
        or _nameish(lex, S, k)
        or t[:1].isdigit()
        or t in lex.nouns
    )


_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we"}


def _unattributed(
    lex: _Lex, S: _Sent, i: int, j: int, info: tuple[str, str, str], lo: int
) -> _Frame | None:
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
    x = _skip_left(lex, S, i, lo)
    if not evidential:
        while x - 1 >= lo and S.low[x - 1] in lex.rules.passive:
            x -= 1
            x = _skip_left(lex, S, x, lo)
        if not any(S.low[y] in lex.rules.passive for y in range(x, i)):
            return None
        if S.low[j] not in ("to", "as", "for", "of", "with"):
            return None  # "is expected to", "is seen as", "was accused of"
    nxt = S.low[j]
    if (
        evidential
        and nxt == "to"
        and j + 1 < S.n
        and S.low[j + 1] in lex.rules.cue_first
        and _cue_at(lex, S, j + 1) is not None
    ):
        return None  # "appeared to suggest": the cue that follows attributes
    if evidential and not (
        nxt in ("to", "as", "like") or (lemma.startswith("seem") and S.w[j].isalpha())
    ):
        return None  # "seems to", "seemed confident", but not "appears alongside"
    if evidential and nxt in _NOT_OBJECT and nxt not in ("to", "as"):
        return None
    if nxt == "as" and S.low[j + 1 : j + 2] == ["well"]:
        return None  # "were admitted as well as"
    subject = _np_back(lex, S, x, lo)
    if subject is None or not _at_clause_edge(lex, S, subject[0], lo):
        subject = _clause_subject(lex, S, x)
        if subject is None or subject[1] != x:
            return None
    subject = _coordinated(lex, S, subject, lo)[:2]
    if S.low[subject[0]] in ("it", "there", "this", "that", "what", "which"):
        return None  # "it seems that ...": the predicate alone is no proposition
    end = _boundary(lex, S, j, S.n)
    a, b = _trim(S, j, end)
    if _sentence_words(S, a, b) < 2:
        return None
    rule = "evidential" if evidential else "passive without agent"
    f = _Frame(S, i, j, lemma, klass, form, None, rule, i, j)
    f.pieces = [subject, (a, b)]
    f.negated = _negated(lex, S, i)
    return f


_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "as",
        "vs",
    ]
)


def _title_quote(S: _Sent, a: int, b: int) -> bool:
    """A short quotation in title case ('"Fox News Sunday,"', "''A Change Is Gonna
    Come,''"): the name of a programme, book or song, not someone's words. At the
    start of a sentence one or two capitalised words are speech ('"Fine," she
    said')."""
    words = _sentence_words(S, a, b)
    return _title_words(S, a, b) and (3 if a == 0 else 1) <= words <= 8


def _title_words(S: _Sent, a: int, b: int) -> bool:
    """A quoted title or name ("Fox News Sunday", "War On Drugs"): every word
    capitalised except short function words."""
    words = [S.w[x] for x in range(a, b) if S.w[x][:1].isalpha()]
    return bool(words) and all(w[0].isupper() or w.lower() in _MINOR_WORDS for w in words)


def _dash_attribution(lex: _Lex, S: _Sent, i: int) -> _Frame | None:
    """'"..." ― Sonya Herridge': a name after a dash that ends the sentence."""
    np_ = _np_forward(lex, S, i + 1, S.n)
    if np_ is None:
        return None
    appo = _apposition_after(lex, S, np_[1], S.n)
    end = appo[1] if appo is not None else np_[1]
    if _sentence_words(S, end, S.n) > 0:
        return None
    m = _mention(lex, S, np_[0], np_[1], role_span=appo)
    if m is None or not m.strong:
        return None
    f = _Frame(S, i, i + 1, S.w[i], "speech", "dash", m, "dash attribution", i, end, True)
    return f


def _sentence_words(S: _Sent, a: int, b: int, inside: bool | None = None) -> int:
    """Word tokens (with a letter or digit) in ``[a, b)``, optionally only those
    inside (or outside) quotations; prefix sums make it constant time."""
    if S.counts is None:
        total, quoted = [0], [0]
        for x in range(S.n):
            is_word = S.w[x][:1].isalnum() or any(c.isalnum() for c in S.w[x])
            total.append(total[-1] + is_word)
            quoted.append(quoted[-1] + (is_word and S.q[x] >= 0))
        S.counts = (total, quoted)
    total, quoted = S.counts
    if inside is None:
        return total[b] - total[a]
    if inside:
        return quoted[b] - quoted[a]
    return (total[b] - total[a]) - (quoted[b] - quoted[a])


def _read_document(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    lex: _Lex,
    tokens: _DocTokens | None = None,
) -> list[_Row]:
    doc = _Doc(text, paragraphs, tokens)
    res = _Resolver(lex)
    rows: list[_Row] = []
    quote_row: dict[int, _Row] = {}
    previous_para_row: _Row | None = None
    n_sent = len(doc.sent_spans)
    si = 0
    for para in range(len(doc.paragraphs)):
        para_sents: list[_Sent] = []
        while si < n_sent and doc.sent_para[si] == para:
            para_sents.append(doc.sentence(si))
            si += 1
        turn = _label_turn(lex, doc, para, para_sents, res, quote_row) if para_sents else None
        if turn is not None:
            rows.extend(turn)
            previous_para_row = turn[0]
            continue
        para_frames: list[_Frame] = []
        for S in para_sents:
            frames = _read_sentence(lex, S, res)
            para_frames.extend(frames)
        para_rows: list[_Row] = []
        for f in para_frames:
            para_rows.extend(_frame_rows(doc, f, quote_row))
        sourced = [f for f in para_frames if f.speaker is not None and f.rule != "nominal cue"]
        para_rows.extend(
            _leftover_rows(doc, para, para_sents, sourced, quote_row, previous_para_row)
        )
        para_rows.sort(key=lambda r: (r.start, -r.end))
        rows.extend(para_rows)
        attributed = [r for r in para_rows if r.frame is not None and r.frame.speaker is not None]
        if attributed:
            previous_para_row = attributed[-1]
        elif para_sents and any(S.n for S in para_sents):
            previous_para_row = None
    return rows


def _label_turn(
    lex: _Lex,
    doc: _Doc,
    para: int,
    sents: list[_Sent],
    res: _Resolver,
    quote_row: dict[int, _Row],
) -> list[_Row] | None:
    """A paragraph opening with a speaker label: a transcript turn ("PENCE: Well,
    ...", "MS. PSAKI: ...", "Q: ...") or a headline ("Poll: ..."). The rest of the
    paragraph is the speaker's; quoted words in it are partial quotations."""
    S = sents[0]
    i = 0
    while i < S.n and S.w[i] in ('"', "'", "\u201c", "\u201d", "``"):
        i += 1
    if i + 1 < S.n and S.w[i] in ("Q", "Q.") and S.w[i + 1] != ":":
        return _turn_rows(lex, doc, para, sents, res, quote_row, i, i + 1, i)  # "Q Will the ..."
    j = i
    while j < S.n and j < i + 5 and S.w[j] != ":":
        j += 1
    if j >= S.n or S.w[j] != ":" or j == i:
        return None
    if _sentence_words(S, j + 1, S.n) + sum(_sentence_words(T, 0, T.n) for T in sents[1:3]) < 2:
        return None
    words = [S.w[x] for x in range(i, j) if any(c.isalpha() for c in S.w[x])]
    if not words or any(S.low[x] in lex.rules.not_labels for x in range(i, j)):
        return None
    if any(S.q[x] >= 0 and doc.quotes[S.q[x]].start != S.s[0] for x in range(i, j)):
        return None  # the label must not be inside a real quotation
    all_caps = all(w.isupper() for w in words)
    if not all_caps:
        if not all(_is_cap(w) for w in words) or any(S.low[x] in lex.stop for x in range(i, j)):
            return None
        single_noun = len(words) == 1 and S.low[i] in lex.nouns
        name = len(words) >= 2 and all(_person_token(lex, S, x) for x in range(i, j))
        if not (single_noun or name):
            return None
    return _turn_rows(lex, doc, para, sents, res, quote_row, i, j, j)


def _turn_rows(
    lex: _Lex,
    doc: _Doc,
    para: int,
    sents: list[_Sent],
    res: _Resolver,
    quote_row: dict[int, _Row],
    i: int,
    j: int,
    cue: int,
) -> list[_Row] | None:
    """Rows for a labelled turn: the speaker is tokens ``[i, j)`` of the first
    sentence, the cue token ``cue`` (the colon, or the "Q" itself)."""
    S = sents[0]
    m = _mention(lex, S, i, j)
    first_content = cue + 1
    if m is None or first_content >= S.n:
        return None
    if m.text.isupper() and len(m.text) > 1:
        # "MS. PSAKI", "THE PRESIDENT": names and roles in capitals
        m.name = m.name.title() if m.name else None
        m.canonical = m.text.title()
    entity, how = res.resolve(m)
    if entity is not None:
        res.push(entity)
    f = _Frame(S, cue, cue + 1, S.w[cue], "speech", "label", m, "transcript label", i, cue + 1)
    f.entity, f.resolution = entity, how
    last = sents[-1]
    turn = _Row(S.s[first_content], last.e[-1], "indirect", S.i, para, f, f.rule)
    rows = [turn]
    first_q = bisect.bisect_left(doc.q_starts, doc.paragraphs[para][0])
    for qid in range(first_q, len(doc.quotes)):
        q = doc.quotes[qid]
        if q.para != para:
            break
        q.used = True
        quote_row[qid] = turn
        if q.closed and q.start >= turn.start:
            sent = next((T.i for T in sents if T.a <= q.start < T.b), S.i)
            part = _Row(q.start, min(q.end, turn.end), "partial", sent, para, f, f.rule, turn)
            quote_row[qid] = part
            rows.append(part)
    return rows


def _read_sentence(lex: _Lex, S: _Sent, res: _Resolver) -> list[_Frame]:
    """Frames of a sentence, with their speakers resolved in reading order; the
    subject of the sentence and the full names in it are remembered too."""
    # full names, for surnames later
    x = 0
    w = S.w
    while x < S.n:
        if w[x][:1].isupper() and _person_token(lex, S, x) and S.q[x] < 0:
            y = x
            while y < S.n and S.q[y] < 0 and _person_token(lex, S, y):
                y += 1
            if y - x >= 2 and S.text[S.s[x] : S.e[y - 1]].lower() not in res.by_name:
                np_ = _np_back(lex, S, y, 0)
                if np_ is not None:
                    m = _mention(lex, S, *np_)
                    if m is not None:
                        res.register_name(m)
            x = y
        else:
            x += 1
    frames = _sentence_frames(lex, S, res.by_surname)
    mentions: list[tuple[int, _Mention, _Frame | None]] = []
    subject = _clause_subject(lex, S, S.n)
    if subject is not None and not any(f.speaker and f.speaker.k == subject[0] for f in frames):
        m = _mention(lex, S, *subject)
        if m is not None and m.strong and m.kind in ("person", "org", "pronoun"):
            mentions.append((subject[0], m, None))
    for f in frames:
        if f.speaker is not None:
            mentions.append((f.speaker.k, f.speaker, f))
    mentions.sort(key=lambda t: t[0])
    done: dict[int, tuple[_Entity | None, str]] = {}
    for _, m, f in mentions:
        key = id(m)
        if key not in done:
            done[key] = res.resolve(m)
        entity, how = done[key]
        if f is not None:
            f.entity, f.resolution = entity, how
        if entity is not None:
            res.push(entity)
    return frames


def _frame_rows(doc: _Doc, f: _Frame, quote_row: dict[int, _Row]) -> list[_Row]:
    S = f.S
    out: list[_Row] = []
    for a, b in f.pieces:
        qids = sorted({S.q[x] for x in range(a, b) if S.q[x] >= 0})
        if qids and not any(
            S.q[x] < 0 and any(c.isalnum() for c in S.w[x]) and S.low[x] != "that"
            for x in range(a, b)
        ):
            for qid in qids:
                q = doc.quotes[qid]
                row = _Row(q.start, q.end, "direct", S.i, S.para, f, f.rule)
                q.used = True
                quote_row[qid] = row
                out.append(row)
            continue
        row = _Row(S.s[a], S.e[b - 1], "indirect", S.i, S.para, f, f.rule)
        out.append(row)
        for qid in qids:
            q = doc.quotes[qid]
            if q.used:
                continue
            start, end = max(q.start, row.start), min(q.end, row.end)
            part = _Row(start, end, "partial", S.i, S.para, f, f.rule, part_of=row)
            q.used = True
            quote_row[qid] = part
            out.append(part)
    return out


def _leftover_rows(
    doc: _Doc,
    para: int,
    sents: list[_Sent],
    frames: list[_Frame],
    quote_row: dict[int, _Row],
    previous: _Row | None,
) -> list[_Row]:
    """Rows for the quotations of a paragraph that no cue claimed."""
    out: list[_Row] = []
    if not doc.quotes:
        return out
    first = bisect.bisect_left(doc.q_starts, doc.paragraphs[para][0])
    words_outside = None
    starts = [T.a for T in sents]
    by_sentence: dict[int, list[_Frame]] = {}
    for f in frames:
        by_sentence.setdefault(f.S.i, []).append(f)
    frame_sents = sorted(by_sentence)
    for qid in range(first, len(doc.quotes)):
        q = doc.quotes[qid]
        if q.para != para:
            break
        if q.used:
            continue
        k = bisect.bisect_right(starts, q.start) - 1
        if k < 0 or q.start >= sents[k].b:
            continue
        S = sents[k]
        sent_words = _sentence_words(S, 0, S.n)
        p0 = bisect.bisect_left(S.s, q.start)
        qa, qb = _quote_tokens(S, p0) if p0 < S.n and S.q[p0] == qid else (p0, p0)
        q_words = _sentence_words(S, qa, qb)
        kind = "direct" if q_words >= 0.6 * sent_words or not q.closed else "partial"
        source: _Row | _Frame | None = None
        rule = "no attribution"
        if q.continues and qid - 1 in quote_row:
            source, rule, kind = quote_row[qid - 1], "continued quotation", "direct"
        else:
            same = by_sentence.get(S.i)
            if same:
                source = min(same, key=lambda f: min(abs(f.ci - qa), abs(f.ci - qb)))
                rule = "same sentence"
            elif frames:
                j = bisect.bisect_left(frame_sents, S.i)
                source = by_sentence[frame_sents[j - 1]][-1] if j else frames[0]
                rule = "same paragraph"
            else:
                if words_outside is None:
                    words_outside = sum(_sentence_words(T, 0, T.n, inside=False) for T in sents)
                if words_outside <= 3 and previous is not None:
                    source, rule, kind = previous, "quotation-only paragraph", "direct"
        if kind == "partial" and (
            rule not in ("same sentence", "same paragraph")
            or _title_words(S, qa, qb)
            or (rule == "same paragraph" and q_words <= _SCARE_QUOTE_WORDS)
        ):
            continue  # quoted words in the narrator's sentence: a title or scare quotes
        frame = source.frame if isinstance(source, _Row) else source
        row = _Row(q.start, q.end, kind, S.i, para, frame, rule)
        q.used = True
        quote_row[qid] = row
        out.append(row)
    return out


# A quoted fragment of at most this many words in a sentence without a cue of its
# own ('the "quack" cures', 'what he calls "smart"') is scare quotes, not a
# quotation, when the only attribution is in another sentence.
_SCARE_QUOTE_WORDS = 4


# ------------------------------------------------------------------ public API


@by_partition(split=())
def extract_quotes(
    corpus: Any,
    *,
    rules: str | Path | QuoteRules | None = None,
    min_confidence: float = 0.0,
    cue_types: str | Iterable[str] | None = None,
    workers: int | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """One row per quotation (or piece of one) with its speaker.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    rules : path or QuoteRules, optional
        Your own copy of ``toolkit/resources/quotes.yaml`` (or rules from
        :func:`load_quote_rules`); by default the packaged rules.
    min_confidence : float
        Keep only rows whose attribution is at least this sure (0 keeps all,
        including quotations without a speaker).
    cue_types : str or list of str, optional
        Keep only rows whose cue is of these types (see ``cue_type`` below):
        ``cue_types="speech"`` keeps reported speech, for a study of who
        speaks; rows without a cue are left out too. By default every row.
        ``quote_id`` and ``part_of`` keep the numbers of the full table.
    workers : int, optional
        Processes reading documents side by side. Documents are read
        independently, so the table is the same whatever the number. By default
        one process for corpora under 2,000,000 characters and one per CPU
        core (at most 8) above that; a script that asks for workers needs
        ``if __name__ == "__main__":`` around its work on systems that start
        processes by spawning them (macOS, Windows).
    progress : bool, optional
        Show a progress bar on large corpora; by default as the corpus was loaded.

    Returns
    -------
    DataFrame
        ``doc_id, quote_id, start, end, text, kind, speaker, speaker_mention,
        speaker_start, speaker_end, role, cue, confidence`` and, to trace each
        row, ``cue_start, cue_end, sent_id, para_id, part_of, evidence``, then
        ``cue_type, negated``.

        * ``docs.text[start:end] == text``; a direct quotation includes its
          quotation marks. ``quote_id`` numbers rows within a document in
          text order.
        * ``kind``: ``direct`` (in quotation marks), ``partial`` (quoted words
          inside reported content; ``part_of`` is the ``quote_id`` of the
          ``indirect`` row containing them, when there is one) or ``indirect``
          (reported content without marks: ``X said (that) ...``, ``..., X
          said.``, ``according to X, ...``, ``X believes ...``, ``X wants to
          ...``, ``X's claim that ...``).
        * ``speaker`` is the resolved name ("Husamuddin Shams") or, for an
          anonymous or collective source, its description ("Ministry of
          Defence official", "officials", "Taliban"); ``speaker_mention`` is
          the words in the text ("he", "Shams", "the official") at
          ``speaker_start:speaker_end``; ``role`` the role given to the person
          ("Provincial governor"). A pronoun that cannot be resolved leaves
          ``speaker`` empty, and so does a cue that names no source ("the
          veto is expected to come on Friday", "she seems to have left").
        * ``cue``: the reporting verb, phrase or noun, at ``cue_start:cue_end``.
        * ``cue_type``: what kind of attribution the cue makes, from the verb
          groups of ``quotes.yaml`` (``cue_types`` there): ``speech`` (say,
          tell, add, according to, transcript labels), ``thought`` (believe,
          think, expect, fear), ``intention`` (want, plan, hope to, refuse),
          ``stance`` (support, oppose, criticise, praise) or ``evidence``
          (a poll shows, a study found; seems). Attribution studies (PARC,
          PolNeAR) annotate all of them, but "who speaks" is the ``speech``
          rows: pass ``cue_types="speech"`` or filter on this column. Empty
          for quotations without a cue.
        * ``negated``: the cue is negated ("did not say whether ...", "has
          never supported ..."): the content is attributed as not said or not
          held.
        * ``evidence``: the attribution rule and how the speaker was resolved
          (their names are the keys of ``attribution_rules`` and
          ``resolution_rules`` in ``quotes.yaml``); ``confidence`` is the
          product of their scores.

        A partial quotation lies inside its indirect row, so count utterances
        with ``part_of.isna()`` to avoid counting the same words twice.

    Raises
    ------
    ValueError
        When ``min_confidence`` is outside 0-1, ``cue_types`` names a type
        the rules do not have (the message lists them) or ``workers`` is not a
        positive whole number.

    Examples
    --------
    >>> import toolkit
    >>> quotes = toolkit.extract_quotes("data/")
    >>> row = quotes[quotes.text.str.startswith('"They entered')].iloc[0]
    >>> row.speaker, row.speaker_mention, row.role, row.cue_type
    ('Husamuddin Shams', 'he', 'Provincial governor', 'speech')
    >>> speech = toolkit.extract_quotes("data/", cue_types="speech")
    >>> sorted(speech.cue_type.unique())
    ['speech']
    """
    c = as_corpus(corpus)
    quote_rules = rules if isinstance(rules, QuoteRules) else load_quote_rules(rules)
    if not 0 <= min_confidence <= 1:
        raise ValueError(f"min_confidence={min_confidence!r} must be between 0 and 1")
    wanted_types = _cue_type_filter(cue_types, quote_rules)
    show = c.progress if progress is None else progress
    if rules is None:  # a stored corpus keeps the quotations beside each partition
        table = c.stored_table("quotes", lambda: _quote_table(c, quote_rules, workers, show))
    else:
        table = _quote_table(c, quote_rules, workers, show)
    if min_confidence > 0:
        table = table[table["confidence"] >= min_confidence].reset_index(drop=True)
    if wanted_types is not None:
        table = table[table["cue_type"].isin(wanted_types).to_numpy()].reset_index(drop=True)
    return table


def _quote_table(c: Any, quote_rules: QuoteRules, workers: int | None, show: bool) -> pd.DataFrame:
    """Every quotation of every document of ``c``, before any filter."""
    docs = c.docs
    para = c.paragraph_spans
    codes = para["doc_id"].cat.codes.to_numpy()
    bounds = np.searchsorted(codes, np.arange(len(docs) + 1)).tolist()
    p_start = para["start"].to_numpy().tolist()
    p_end = para["end"].to_numpy().tolist()
    texts = list(docs["text"])
    spans = [
        list(zip(p_start[bounds[d] : bounds[d + 1]], p_end[bounds[d] : bounds[d + 1]], strict=True))
        for d in range(len(texts))
    ]
    n_workers = _n_workers(workers, texts)
    context = _worker_context(explicit=workers is not None) if n_workers > 1 else None
    # the corpus index, when built, has tokenized and split every document
    idx = c.cached_only("index")
    if context is not None:
        columns, counts = _read_parallel((texts, spans, quote_rules, idx), n_workers, context, show)
    else:
        items = list(range(len(texts)))
        columns, counts = _read_documents(
            (texts, spans, quote_rules, idx), _progress(items, "quotations", show)
        )
    doc_codes = np.repeat(np.arange(len(texts)), counts).tolist()
    return _table(columns, doc_codes, list(docs["doc_id"]))


AUTO_WORKERS_CHARS = 2_000_000  # corpora smaller than this are read in one process
MAX_WORKERS = 8


def _n_workers(workers: int | None, texts: list[str]) -> int:
    if workers is not None:
        if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
            raise ValueError(f"workers={workers!r} must be a positive whole number (or None)")
        return min(workers, max(len(texts), 1))
    if sum(map(len, texts)) < AUTO_WORKERS_CHARS or in_task():
        return 1  # a partition of a stored corpus is one task among many already
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS, len(texts)))


def _worker_context(explicit: bool) -> Any:
    """How to start worker processes, or None to read in this process.

    Forking is quick and safe while this process runs a single thread (a
    script, the tests); with threads running (a Jupyter kernel) a forked child
    can deadlock, so workers are spawned: they import the program's main module
    again, which is harmless for a notebook, an interactive session or
    ``python -m``, but runs a plain ``python script.py`` a second time. So that
    case reads in one process unless ``workers`` was asked for (the script then
    needs ``if __name__ == "__main__":``, as Python's multiprocessing says).
    """
    import multiprocessing
    import sys
    import threading

    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    main = sys.modules.get("__main__")
    plain_script = (
        main is not None
        and getattr(main, "__spec__", None) is None
        and getattr(main, "__file__", None) is not None
    )
    if plain_script and not explicit:
        return None
    return multiprocessing.get_context("spawn")


_Input = tuple[list[str], list[list[tuple[int, int]]], QuoteRules, Any]
_INHERITED: _Input | None = None  # what forked workers read


def _read_documents(work: _Input, order: Iterable[int]) -> tuple[dict[str, list], list[int]]:
    """Read documents ``order`` (positions in ``texts``) of ``work = (texts,
    paragraph spans, rules, corpus index or None)``: the table's columns and
    the number of rows of each document."""
    texts, spans, rules, idx = work
    lex = _lex(rules)
    columns: dict[str, list] = {name: [] for name in QUOTE_COLUMNS}
    counts: list[int] = []
    for d in order:
        text = texts[d]
        tokens = _tokens_from_index(idx, d) if idx is not None else None
        rows = _read_document(text, spans[d], lex, tokens)
        _append_rows(columns, text, rows, rules)
        counts.append(len(rows))
    return columns, counts


def _read_inherited(a: int, b: int) -> tuple[dict[str, list], list[int]]:
    """A forked worker's share: documents ``a:b`` of what it inherited."""
    assert _INHERITED is not None
    return _read_documents(_INHERITED, range(a, b))


def _read_sent(
    texts: list[str], spans: list[list[tuple[int, int]]], rules: QuoteRules
) -> tuple[dict[str, list], list[int]]:
    """A spawned worker's share: the documents it was sent."""
    return _read_documents((texts, spans, rules, None), range(len(texts)))


def _read_parallel(
    work: _Input, n_workers: int, context: Any, show: bool
) -> tuple[dict[str, list], list[int]]:
    """Read consecutive chunks of documents in worker processes and join their
    tables in document order (the result does not depend on ``n_workers``)."""
    from concurrent.futures import ProcessPoolExecutor

    global _INHERITED
    texts, spans, rules, _ = work
    # chunks of about equal length, a few per worker so that they even out
    n_chunks = min(len(texts), n_workers * 4)
    lengths = np.cumsum([len(t) for t in texts])
    cuts = np.searchsorted(lengths, lengths[-1] * np.arange(1, n_chunks) / n_chunks)
    edges = sorted({0, *cuts.tolist(), len(texts)})
    chunks = [(a, b) for a, b in itertools.pairwise(edges) if b > a]
    forked = context.get_start_method() == "fork"
    if forked:
        _INHERITED = work  # forked workers see it (and the corpus index) without copying
    try:
        with ProcessPoolExecutor(n_workers, mp_context=context) as pool:
            if forked:
                futures = [pool.submit(_read_inherited, a, b) for a, b in chunks]
            else:
                futures = [
                    pool.submit(_read_sent, texts[a:b], spans[a:b], rules) for a, b in chunks
                ]
            results = [f.result() for f in _progress_futures(futures, chunks, show)]
    finally:
        _INHERITED = None
    columns: dict[str, list] = {name: [] for name in QUOTE_COLUMNS}
    counts: list[int] = []
    for part, part_counts in results:
        for name, values in part.items():
            columns[name].extend(values)
        counts.extend(part_counts)
    return columns, counts


def _progress_futures(futures: list, chunks: list[tuple[int, int]], show: bool) -> list:
    """The futures in order, with a progress bar counting documents as chunks finish."""
    n_docs = chunks[-1][1] - chunks[0][0] if chunks else 0
    if show and n_docs >= PROGRESS_MIN_ITEMS:
        from concurrent.futures import as_completed

        from tqdm.auto import tqdm

        size = {id(f): b - a for f, (a, b) in zip(futures, chunks, strict=True)}
        with tqdm(total=n_docs, desc="quotations", unit="doc", leave=False) as bar:
            for f in as_completed(futures):
                bar.update(size[id(f)])
    return futures


def _cue_type_filter(
    cue_types: str | Iterable[str] | None, types: QuoteRules | Iterable[str]
) -> list[str] | None:
    """The cue types to keep, checked against the types the rules define."""
    if cue_types is None:
        return None
    wanted = [cue_types] if isinstance(cue_types, str) else list(cue_types)
    values = types.cue_types.values() if isinstance(types, QuoteRules) else types
    known = sorted(set(values))
    unknown = [t for t in wanted if t not in known]
    if unknown or not wanted:
        raise ValueError(
            f"cue_types={cue_types!r}: the cue types of these rules are {', '.join(known)} "
            "(one or a list)"
        )
    return wanted


def _append_rows(columns: dict[str, list], text: str, rows: list[_Row], rules: QuoteRules) -> None:
    ids = {id(r): n for n, r in enumerate(rows)}
    for n, r in enumerate(rows):
        f = r.frame
        m = f.speaker if f is not None else None
        e = f.entity if f is not None else None
        columns["quote_id"].append(n)
        columns["start"].append(r.start)
        columns["end"].append(r.end)
        columns["text"].append(text[r.start : r.end])
        columns["kind"].append(r.kind)
        if f is None or m is None:
            for name in ("speaker", "speaker_mention", "speaker_start", "speaker_end", "role"):
                columns[name].append(None)
            columns["confidence"].append(rules.attribution.get(r.rule, 0.0))
            columns["evidence"].append(r.rule)
            if f is None:
                for name in ("cue", "cue_start", "cue_end", "cue_type"):
                    columns[name].append(None)
                columns["negated"].append(False)
            else:  # a cue without a source: "is expected to", "seems to"
                S = f.S
                columns["cue"].append(text[S.s[f.ci] : S.e[f.cj - 1]])
                columns["cue_start"].append(S.s[f.ci])
                columns["cue_end"].append(S.e[f.cj - 1])
                columns["cue_type"].append(rules.cue_types.get(f.klass, f.klass))
                columns["negated"].append(f.negated)
        else:
            speaker = e.name if e is not None else (None if m.pronoun else m.text)
            columns["speaker"].append(speaker)
            columns["speaker_mention"].append(m.text)
            columns["speaker_start"].append(m.start)
            columns["speaker_end"].append(m.end)
            columns["role"].append(m.role if m.role else (e.role if e is not None else None))
            S = f.S
            columns["cue"].append(text[S.s[f.ci] : S.e[f.cj - 1]])
            columns["cue_start"].append(S.s[f.ci])
            columns["cue_end"].append(S.e[f.cj - 1])
            score = rules.attribution.get(r.rule, 0.0) * rules.resolution.get(f.resolution, 1.0)
            columns["confidence"].append(round(score, 3))
            rule = r.rule if r.rule == f.rule else f"{r.rule} ({f.rule})"
            columns["evidence"].append(f"{rule}; {f.resolution}" if f.resolution else rule)
            columns["cue_type"].append(rules.cue_types.get(f.klass, f.klass))
            columns["negated"].append(f.negated)
        columns["sent_id"].append(r.sent)
        columns["para_id"].append(r.para)
        columns["part_of"].append(ids.get(id(r.part_of)) if r.part_of is not None else None)


def _table(columns: dict[str, list], doc_codes: list[int], doc_ids: list[str]) -> pd.DataFrame:
    n = len(doc_codes)
    out = {}
    for name in QUOTE_COLUMNS:
        values = columns.get(name, [])
        if name == "doc_id":
            out[name] = pd.Categorical.from_codes(
                np.asarray(doc_codes, dtype=np.int64), categories=pd.Index(doc_ids, dtype=object)
            )
        elif name in ("quote_id", "start", "end", "sent_id", "para_id"):
            out[name] = np.asarray(values, dtype=np.int32) if n else np.zeros(0, np.int32)
        elif name in ("speaker_start", "speaker_end", "cue_start", "cue_end", "part_of"):
            out[name] = pd.array(values, dtype="Int32")
        elif name == "confidence":
            out[name] = np.asarray(values, dtype=np.float64) if n else np.zeros(0)
        elif name == "kind":
            out[name] = pd.Categorical(values, categories=KINDS)
        elif name == "negated":
            out[name] = np.asarray(values, dtype=bool) if n else np.zeros(0, bool)
        else:
            out[name] = str_array(values)
    return pd.DataFrame(out, columns=QUOTE_COLUMNS)


def speakers(
    quotes: pd.DataFrame,
    *,
    min_confidence: float = 0.0,
    cue_types: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """One row per speaker: role, how many quotations and how many words quoted.

    Parameters
    ----------
    quotes : DataFrame
        The table :func:`extract_quotes` returns (or a filtered part of it).
    min_confidence : float
        Count only rows at least this sure.
    cue_types : str or list of str, optional
        Count only rows whose ``cue_type`` is one of these (``"speech"``: who
        is quoted as saying something, leaving out beliefs, intentions and
        stances attributed to them). By default every row.

    Returns
    -------
    DataFrame
        ``speaker, role, n_quotes, n_direct, n_partial, n_indirect,
        words_quoted, n_docs, first_doc_id, first_start, mean_confidence``,
        most quoted first. ``n_quotes`` counts utterances (a partial
        quotation inside an indirect one is not counted again);
        ``words_quoted`` counts the words inside quotation marks (direct and
        partial; "Qala-e-Naw" is one word); ``role`` is the role given most often; ``first_doc_id`` and
        ``first_start`` locate the speaker's first quotation.

    Examples
    --------
    >>> import toolkit
    >>> table = toolkit.speakers(toolkit.extract_quotes("data/"))
    >>> table.set_index("speaker").loc["Abdul Aziz Bek", "n_direct"]
    np.int64(2)
    """
    missing = [c for c in ("doc_id", "start", "text", "kind", "speaker") if c not in quotes]
    if missing:
        raise ValueError(
            f"speakers() needs the table extract_quotes returns; missing column(s) {missing}"
        )
    cols = ["speaker", "role", "n_quotes", "n_direct", "n_partial", "n_indirect"]
    cols += ["words_quoted", "n_docs", "first_doc_id", "first_start", "mean_confidence"]
    q = quotes[quotes["speaker"].notna()]
    if min_confidence > 0 and "confidence" in q:
        q = q[q["confidence"] >= min_confidence]
    if cue_types is not None:
        if "cue_type" not in q:
            raise ValueError(
                f"cue_types={cue_types!r} needs the cue_type column of extract_quotes, "
                "which this table lacks"
            )
        known = set(_packaged_rules().cue_types.values()) | set(q["cue_type"].dropna())
        wanted = _cue_type_filter(cue_types, known)
        q = q[q["cue_type"].isin(wanted).to_numpy()]
    if q.empty:
        return pd.DataFrame({c: [] for c in cols})
    kind = q["kind"].astype(str)
    nested = q["part_of"].notna() if "part_of" in q else pd.Series(False, index=q.index)
    quoted_words = q["text"].str.count(_WORD).where(kind.isin(["direct", "partial"]), 0)
    work = pd.DataFrame(
        {
            "speaker": q["speaker"].astype(str),
            "role": q.get("role"),
            "utterance": (~nested).astype(int),
            "direct": (kind == "direct").astype(int),
            "partial": (kind == "partial").astype(int),
            "indirect": (kind == "indirect").astype(int),
            "words": quoted_words.astype(int),
            "doc_id": q["doc_id"].astype(str),
            "start": q["start"],
            "confidence": q.get("confidence", np.nan),
            "order": np.arange(len(q)),
        }
    )
    g = work.groupby("speaker", sort=False)
    first = work.loc[g["order"].idxmin()].set_index("speaker")
    table = pd.DataFrame(
        {
            "n_quotes": g["utterance"].sum(),
            "n_direct": g["direct"].sum(),
            "n_partial": g["partial"].sum(),
            "n_indirect": g["indirect"].sum(),
            "words_quoted": g["words"].sum(),
            "n_docs": g["doc_id"].nunique(),
            "first_doc_id": first["doc_id"],
            "first_start": first["start"],
            "mean_confidence": g["confidence"].mean().round(3),
        }
    )
    table.insert(0, "role", g["role"].agg(_most_common))
    table = table.reset_index()
    table = table.sort_values(
        ["n_quotes", "words_quoted", "speaker"], ascending=[False, False, True], kind="stable"
    )
    return table[cols].reset_index(drop=True)


# A word for counting: letters and digits, with inner hyphens or apostrophes
# ("Qala-e-Naw", "don't" are one word each).
_WORD = r"\w+(?:[-'\u2019]\w+)*"


def _most_common(values: pd.Series) -> str | None:
    counts = values.dropna().astype(str).value_counts(sort=False)
    if counts.empty:
        return None
    return str(counts.index[int(np.argmax(counts.to_numpy()))])

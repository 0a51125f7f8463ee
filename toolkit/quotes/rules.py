"""The quotation rules: ``quotes.yaml``, read and checked once.

Everything the extractor knows about English news attribution is listed in
``toolkit/resources/quotes.yaml`` (reporting verbs by group, pronouns, person,
organisation and document nouns, titles, first names, the confidence of each
attribution and resolution rule); a researcher copies it, edits it and passes
the copy (``extract_quotes(corpus, rules="my-quotes.yaml")``).
:func:`load_quote_rules` reads such a file into one frozen :class:`QuoteRules`,
checking it as it goes: an error names the file, the line and what is wrong.
:class:`Lex` is the same rules as the sets the reading steps look words up in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .._util.resources import read_resource

__all__ = [
    "CLAUSAL_CLASSES",
    "OBJECT_CLASSES",
    "SPEECH_CLASSES",
    "Lex",
    "QuoteRules",
    "lex_for",
    "load_quote_rules",
    "packaged_rules",
]


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
SPEECH_CLASSES = frozenset({"speech", "reply", "quotation", "source"})


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
        return packaged_rules()
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"No such quotation rules file: '{path}'")
    return _parse_rules(p.read_text("utf-8"), str(p))


@lru_cache(maxsize=1)
def packaged_rules() -> QuoteRules:
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


class Lex:
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
        # the words at which sentence_frames looks for an attribution
        self.triggers = r.dashes | r.evidential | frozenset(r.nominal) | r.cue_first


@lru_cache(maxsize=8)
def lex_for(rules: QuoteRules) -> Lex:
    return Lex(rules)


# Verb groups whose content is only what follows the verb (an object, an
# infinitive or a clause), never the clause before it.
OBJECT_CLASSES = frozenset({"topic", "intention", "preference", "stance"})


# Verb groups whose content is a clause that can hold further attributions.
CLAUSAL_CLASSES = frozenset({"thought", "evidence"})

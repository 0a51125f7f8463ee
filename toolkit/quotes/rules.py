"""The quotation rules: ``quotes.yaml``, read and checked once.

Everything the extractor knows about English news attribution that a
researcher may extend is listed in ``toolkit/resources/quotes.yaml`` (reporting
verbs by group, pronouns, person, organisation and document nouns, titles,
first names, and the confidence of each attribution and resolution rule); a
researcher copies it, edits it and passes the copy (``extract_quotes(corpus,
rules="my-quotes.yaml")``). :func:`load_quote_rules` reads such a file into one
frozen :class:`QuoteRules`, checking it as it goes: an error names the file,
the line and what is wrong, and every rule the code applies
(:class:`Attribution`, :class:`Resolution`) must have its confidence there.
:class:`Lex` is the same rules, with the closed word classes of
:mod:`.grammar`, as the sets the reading steps look words up in.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import yaml

from .._util.resources import read_resource
from .._util.yaml_nodes import NodeReader, parse_yaml
from .grammar import Grammar, packaged_grammar, word_set

__all__ = [
    "CLAUSAL_CLASSES",
    "OBJECT_CLASSES",
    "RULES_FILE",
    "SPEECH_CLASSES",
    "Attribution",
    "Lex",
    "QuoteRules",
    "Resolution",
    "lex_for",
    "load_quote_rules",
    "packaged_rules",
]


RULES_FILE = "quotes.yaml"


class Attribution(StrEnum):
    """The ways a row is linked to its speaker (or left without one): the names of
    ``attribution_rules`` in ``quotes.yaml``, each with its confidence there, and
    the first words of a row's ``evidence``."""

    SPEAKER_BEFORE_CUE = "speaker before cue"
    SPEAKER_AFTER_CUE = "speaker after cue"
    SOURCE_PREPOSITION = "source preposition"
    NOMINAL_CUE = "nominal cue"
    PASSIVE_WITHOUT_AGENT = "passive without agent"
    EVIDENTIAL = "evidential"
    PASSIVE_AGENT = "passive agent"
    DASH_ATTRIBUTION = "dash attribution"
    COLON_INTRODUCTION = "colon introduction"
    CLAUSE_SUBJECT = "clause subject"
    PARTICIPLE = "participle"
    EVIDENCE_PARTICIPLE = "evidence participle"
    TRANSCRIPT_LABEL = "transcript label"
    SAME_SENTENCE = "same sentence"
    SAME_PARAGRAPH = "same paragraph"
    CONTINUED_QUOTATION = "continued quotation"
    QUOTATION_ONLY_PARAGRAPH = "quotation-only paragraph"
    NO_ATTRIBUTION = "no attribution"


class Resolution(StrEnum):
    """The ways a speaker mention is resolved to whom it names: the names of
    ``resolution_rules`` in ``quotes.yaml``, each with its confidence there."""

    NAME = "name"
    SURNAME = "surname"
    PRONOUN = "pronoun"
    AMBIGUOUS_PRONOUN = "ambiguous pronoun"
    UNRESOLVED_PRONOUN = "unresolved pronoun"
    DESCRIPTION = "description"
    SOURCE = "source"
    TURN_SPEAKER = "turn speaker"
    TURN_ORGANISATION = "turn speaker's organisation"
    NOT_A_SOURCE = "not a source"


@dataclass(frozen=True, eq=False)
class QuoteRules:
    """The word lists and rule confidences of ``quotes.yaml``, ready to use.

    Build one with :func:`load_quote_rules`; the fields are the sections of the
    file (its comments say what each is for), read into sets and mappings.
    """

    source: str
    cues: dict[tuple[str, ...], tuple[str, str, str]]  # words -> (lemma, class, form)
    cue_first: frozenset[str]
    addressee_verbs: frozenset[str]
    passive: frozenset[str]
    source_preps: tuple[tuple[str, ...], ...]
    dashes: frozenset[str]
    pronouns: dict[str, tuple[str | None, str]]
    first_person: frozenset[str]  # "i", "we": in a transcript turn, its speaker
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
    attribution: dict[str, float]  # every Attribution -> its confidence
    resolution: dict[str, float]  # every Resolution -> its confidence
    cue_types: dict[str, str]  # verb group (and "source") -> cue type
    nominal: dict[str, str]  # noun -> cue type ("claim" -> "speech")
    press_labels: frozenset[str]  # "q", "question": labels of press questions
    press_speaker: tuple[str, str]  # the speaker and role of a press question
    not_a_source: dict[str, frozenset[str]]  # the rule's word lists, by name
    first_name_variants: dict[str, frozenset[str]]  # "tony" -> {"anthony", "antony"}

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

    def confidence(self, rule: Attribution, resolution: Resolution | str = "") -> float:
        """The confidence of a row linked by ``rule`` whose speaker was resolved by
        ``resolution`` (none: the rule's alone): the product of their scores.

        Examples
        --------
        >>> rules = load_quote_rules()
        >>> rules.confidence(Attribution.SPEAKER_BEFORE_CUE, Resolution.NAME)
        0.95
        """
        score = self.attribution[rule]
        return score * self.resolution[resolution] if resolution else score

    def cue_type(self, klass: str) -> str:
        """The cue type of a verb group or cue class (a group the file gives no
        type to is its own)."""
        return self.cue_types.get(klass, klass)


# The sections every rules file has.
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
    "press_labels",
    "not_a_source",
    "first_name_variants",
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
        When the file lacks a section, a verb entry is malformed, an entry of a
        word list is not a word or a rule the extractor applies has no
        confidence; the message names the file, the line and the entry.

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
    """The packaged ``quotes.yaml``, read once."""
    return _parse_rules(read_resource(RULES_FILE), RULES_FILE)


# Sections that are lists of words, by field of QuoteRules; the nouns take
# their regular plurals too, so the lists need only the singular.
_WORD_SECTIONS = {
    "addressee_verbs": "addressee_verbs",
    "passive": "passive_auxiliaries",
    "organisation_words": "organisation_words",
    "role_words": "role_words",
    "particles": "name_particles",
    "modifiers": "modifiers",
    "auxiliaries": "auxiliaries",
    "raising": "raising_verbs",
    "evidential": "evidential_verbs",
    "unattributed": "unattributed_participles",
    "adjunct_preps": "adjunct_prepositions",
    "time_words": "time_words",
    "boundaries": "clause_boundaries",
    "openers": "sentence_openers",
    "introductory": "introductory_words",
    "stop_words": "stop_words",
    "not_labels": "not_speaker_labels",
    "generic_orgs": "generic_organisations",
}
_NOUN_SECTIONS = ("person_nouns", "organisation_nouns", "document_nouns", "evidence_subjects")


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


class _RulesFile(NodeReader):
    """Reads the sections of one rules file; every error names its line."""

    def __init__(self, text: str, source: str):
        super().__init__(source)
        root = parse_yaml(text, source)
        if not isinstance(root, yaml.MappingNode):
            raise self.fail(root, "the rules must be a mapping of sections, see quotes.yaml")
        self.root = root
        self.sections = {name: value for name, _, value in self.mapping(root, "the rules")}
        missing = [k for k in _REQUIRED if k not in self.sections]
        if missing:
            raise self.fail(
                root, f"the file lacks the section(s) {missing}; see the packaged quotes.yaml"
            )

    def words(self, section: str) -> frozenset[str]:
        return word_set(self, self.sections[section], section)

    def part(self, section: str, name: str) -> yaml.Node | None:
        """The entry ``name`` of a section that maps names to lists (None if absent)."""
        entries = self.mapping(self.sections[section], section)
        return next((value for key, _, value in entries if key == name), None)

    def part_words(self, section: str, name: str) -> frozenset[str]:
        return word_set(self, self.part(section, name), f"{section}.{name}")

    def strings(self, section: str) -> list[str]:
        """The entries of a list section as text, in file order."""
        node = self.sections[section]
        return [str(self.value(item)) for item in self.items(node, section)]


def _parse_rules(text: str, source: str) -> QuoteRules:
    f = _RulesFile(text, source)
    cues = _cues(f)
    for form in f.words("never_cues"):
        cues.pop((form,), None)
    preps = tuple(tuple(p.lower().split()) for p in f.strings("source_prepositions"))
    for p in preps:
        cues[p] = (" ".join(p), "source", "preposition")
    nominal, cue_types = _nominal_cues(f, _cue_types(f))
    return QuoteRules(
        source=source,
        cues=cues,
        cue_first=frozenset(k[0] for k in cues),
        source_preps=preps,
        dashes=frozenset(f.strings("attribution_dashes")),
        pronouns=_pronouns(f),
        first_person=_first_person(f),
        title_gender=_title_gender(f),
        noun_gender=_genders(f, "gendered_nouns"),
        name_gender=_genders(f, "first_names"),
        definite=f.part_words("determiners", "definite"),
        indefinite=f.part_words("determiners", "indefinite"),
        attribution=_confidences(f, "attribution_rules", Attribution),
        resolution=_confidences(f, "resolution_rules", Resolution),
        cue_types=cue_types,
        nominal=nominal,
        press_labels=f.part_words("press_labels", "labels"),
        press_speaker=_press_speaker(f),
        not_a_source={name: f.part_words("not_a_source", name) for name in _NOT_A_SOURCE_LISTS},
        first_name_variants=_first_name_variants(f),
        **{field: f.words(section) for field, section in _WORD_SECTIONS.items()},
        **{noun: _with_plurals(f.words(noun)) for noun in _NOUN_SECTIONS},
    )


def _cues(f: _RulesFile) -> dict[tuple[str, ...], tuple[str, str, str]]:
    """Every form of every reporting verb -> (lemma, verb group, form name)."""
    node = f.sections["reporting_verbs"]
    groups_wanted = f"reporting_verbs must have the groups {list(_VERB_CLASSES)}"
    if not isinstance(node, yaml.MappingNode):
        raise f.fail(node, groups_wanted)
    cues: dict[tuple[str, ...], tuple[str, str, str]] = {}
    for klass, key, entries in f.mapping(node, "reporting_verbs"):
        if klass not in _VERB_CLASSES:
            raise f.fail(key, f"{groups_wanted}, not {klass!r}")
        if f.is_null(entries):
            continue
        for base, _, forms_node in f.mapping(entries, f"reporting_verbs.{klass}"):
            forms = f.value(forms_node)
            if not isinstance(forms, list) or len(forms) != 4:
                raise f.fail(
                    forms_node,
                    f"reporting verb {base!r} needs four forms [third person present, past, "
                    f"past participle, present participle], got {forms!r}",
                )
            lemma = base.replace("_", " ").lower()
            for form, name in [(lemma, "present"), *zip(forms, _FORM_NAMES, strict=True)]:
                cues.setdefault(tuple(str(form).lower().split()), (lemma, klass, name))
    return cues


# The word lists of the not_a_source section.
_NOT_A_SOURCE_LISTS = (
    "object_nouns",
    "possessed_nouns",
    "verbs",
    "ordinals",
    "abstract_suffixes",
    "not_persons",
    "generic_groups",
    "clause_openers",
    "open_ends",
)


def _press_speaker(f: _RulesFile) -> tuple[str, str]:
    """The speaker and role given to press questions."""
    values = []
    for name in ("speaker", "role"):
        node = f.part("press_labels", name)
        value = None if node is None else f.value(node)
        if not isinstance(value, str) or not value.strip():
            raise f.fail(
                f.sections["press_labels"], f"press_labels needs a {name}: a word, got {value!r}"
            )
        values.append(value.strip())
    return values[0], values[1]


def _first_name_variants(f: _RulesFile) -> dict[str, frozenset[str]]:
    """Each form of a first name -> the formal names it may stand for (a formal
    name stands for itself)."""
    out: dict[str, set[str]] = {}
    for name, _, node in f.mapping(f.sections["first_name_variants"], "first_name_variants"):
        formal = name.lower()
        out.setdefault(formal, set()).add(formal)
        for short in word_set(f, node, f"first_name_variants.{name}"):
            out.setdefault(short, set()).add(formal)
    return {k: frozenset(v) for k, v in out.items()}


def _pronouns(f: _RulesFile) -> dict[str, tuple[str | None, str]]:
    """Each pronoun -> (gender, number)."""
    out = {}
    for name, _, node in f.mapping(f.sections["pronouns"], "pronouns"):
        spec = f.value(node)
        if not isinstance(spec, dict):
            raise f.fail(node, f"pronoun {name!r} needs {{gender: ..., number: ...}}")
        out[name.lower()] = (spec.get("gender"), spec.get("number", "singular"))
    return out


def _first_person(f: _RulesFile) -> frozenset[str]:
    """The pronouns marked ``person: first``."""
    out = set()
    for name, _, node in f.mapping(f.sections["pronouns"], "pronouns"):
        spec = f.value(node)
        if isinstance(spec, dict) and spec.get("person") == "first":
            out.add(name.lower())
    return frozenset(out)


def _title_gender(f: _RulesFile) -> dict[str, str | None]:
    """Each title -> the gender it gives (None: any)."""
    out: dict[str, str | None] = {}
    for gender in ("any", "male", "female"):
        for w in f.part_words("titles", gender):
            out[w] = None if gender == "any" else gender
    return out


def _genders(f: _RulesFile, section: str) -> dict[str, str]:
    """Each word of the ``male`` and ``female`` lists of a section -> its gender."""
    return {w: g for g in ("male", "female") for w in f.part_words(section, g)}


def _cue_types(f: _RulesFile) -> dict[str, str]:
    """Each verb group -> the type of attribution it makes."""
    node = f.sections["cue_types"]
    types = f.value(node)
    if not isinstance(types, dict) or any(
        not isinstance(v, str) or not v.isidentifier() for v in types.values()
    ):
        raise f.fail(node, f"cue_types must map each verb group to a word, got {types!r}")
    groups = [name for name, _, _ in f.mapping(f.sections["reporting_verbs"], "reporting_verbs")]
    untyped = [k for k in groups if k not in types]
    if untyped:
        raise f.fail(
            node,
            f"cue_types lacks the verb group(s) {untyped}; give each group of "
            "reporting_verbs a cue type (speech, thought, intention, stance, evidence, ...)",
        )
    return {str(k): str(v) for k, v in types.items()}


def _nominal_cues(
    f: _RulesFile, cue_types: dict[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Each nominal cue -> its cue type; and the cue types with those of the
    nominal cues, the source prepositions and the verbs of appearance added."""
    node = f.sections["nominal_cues"]
    if not isinstance(node, yaml.MappingNode):
        raise f.fail(node, "nominal_cues must map cue types to lists of nouns")
    nominal: dict[str, str] = {}
    for kind, _, nouns in f.mapping(node, "nominal_cues"):
        for noun in word_set(f, nouns, f"nominal_cues.{kind}"):
            nominal.setdefault(noun, kind)
        cue_types.setdefault(f"nominal {kind}", kind)
    cue_types.setdefault("source", "speech")  # "according to"
    cue_types.setdefault("turn", "turn")  # "MS. PSAKI: ...", a transcript turn
    cue_types.setdefault("evidential", "evidence")  # "seems to"
    return nominal, cue_types


def _confidences(
    f: _RulesFile, section: str, rules: type[Attribution] | type[Resolution]
) -> dict[str, float]:
    """Each rule of a section -> its confidence; every rule the code applies
    must have one."""
    out = {}
    for name, _, spec_node in f.mapping(f.sections[section], section):
        spec = f.value(spec_node)
        value = spec.get("confidence") if isinstance(spec, dict) else None
        if not isinstance(value, int | float) or not 0 <= value <= 1:
            raise f.fail(spec_node, f"{section}.{name} needs a confidence between 0 and 1")
        out[name] = float(value)
    missing = [rule.value for rule in rules if rule not in out]
    if missing:
        raise f.fail(
            f.sections[section],
            f"{section} lacks the rule(s) {missing}, which the extractor applies; give each "
            "a confidence between 0 and 1 (see the packaged quotes.yaml)",
        )
    return out


class Lex:
    """The rules as the reading steps use them: sets of lower-case words under
    short names, and the closed word classes (``grammar``).

    Build one with :func:`lex_for` (cached per rules).
    """

    def __init__(self, rules: QuoteRules, grammar: Grammar | None = None):
        r = rules
        self.rules = r
        self.grammar = grammar or packaged_grammar()
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
        # the lengths of the cues that start with each word, longest first
        sizes: dict[str, set[int]] = {}
        for k in r.cues:
            if k:
                sizes.setdefault(k[0], set()).add(len(k))
        self.cue_sizes = {w: tuple(sorted(n, reverse=True)) for w, n in sizes.items()}
        # the clause boundaries of more than one word ("even though"), by first word
        phrases: dict[str, list[tuple[str, ...]]] = {}
        for b in r.boundaries:
            if " " in b:
                first, *rest = b.split()
                phrases.setdefault(first, []).append(tuple(rest))
        self.boundary_phrases = {w: tuple(ps) for w, ps in phrases.items()}
        # the words at which sentence_frames looks for an attribution
        self.triggers = (
            r.dashes
            | r.evidential
            | frozenset(r.nominal)
            | r.cue_first
            | self.grammar.introducing_marks
            | self.grammar.hearsay_adverbs
            | self.grammar.document_prepositions
        )
        # what an opening "In ..." may name to be the source of its sentence
        self.documents_and_speeches = r.document_nouns | self.grammar.speech_nouns


@lru_cache(maxsize=8)
def lex_for(rules: QuoteRules) -> Lex:
    return Lex(rules)


# Verb groups whose content is only what follows the verb (an object, an
# infinitive or a clause), never the clause before it.
OBJECT_CLASSES = frozenset({"topic", "intention", "preference", "stance"})


# Verb groups whose content is a clause that can hold further attributions.
CLAUSAL_CLASSES = frozenset({"thought", "evidence"})

# Cues whose content may be a clause that is itself an attribution ("Democrats
# say those revelations show that ...", "Top advisers said he had rejected ..."):
# their content goes on past the attribution it starts with.
CLAUSAL_REPORTERS = frozenset({"speech", "reply"}) | CLAUSAL_CLASSES

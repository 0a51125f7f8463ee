"""The closed word classes the reading steps are written in: ``quotes_grammar.yaml``.

Articles, quantifiers, auxiliaries, prepositions, conjunctions, pronouns in
their grammatical roles and phrase-ending punctuation: the words the patterns
of :mod:`.mentions`, :mod:`.cues`, :mod:`.speaker`, :mod:`.content` and
:mod:`.constructions` are made of. They are read once from the package (a
researcher's copy of ``quotes.yaml`` does not replace them) into a frozen
:class:`Grammar`, checked like every YAML file of the toolkit: an error names
the file, the line and the list at fault.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

import yaml

from .._util.resources import read_resource
from .._util.yaml_nodes import NodeReader, parse_yaml

__all__ = ["GRAMMAR_FILE", "Grammar", "packaged_grammar", "parse_grammar", "word_set"]


GRAMMAR_FILE = "quotes_grammar.yaml"


@dataclass(frozen=True, eq=False)
class Grammar:
    """The word lists of ``quotes_grammar.yaml``, one field per section (the
    comments there say what each list is for)."""

    possessive_marks: frozenset[str]
    sentence_closers: frozenset[str]
    clause_openers: frozenset[str]
    introducing_marks: frozenset[str]
    hearsay_adverbs: frozenset[str]
    clause_edges: frozenset[str]
    plural_determiners: frozenset[str]
    approximators: frozenset[str]
    superlative_adverbs: frozenset[str]
    quantifiers: frozenset[str]
    standalone_quantifiers: frozenset[str]
    quantity_subjects: frozenset[str]
    article_shares: frozenset[str]
    share_marks: frozenset[str]
    number_words: frozenset[str]
    approximate_comparatives: frozenset[str]
    standalone_followers: frozenset[str]
    predeterminers: frozenset[str]
    always_plural: frozenset[str]
    connectors: frozenset[str]
    phrase_prepositions: frozenset[str]
    articles: frozenset[str]
    anaphoric_determiners: frozenset[str]
    role_function_words: frozenset[str]
    subject_after: frozenset[str]
    month_names: frozenset[str]
    month_prepositions: frozenset[str]
    perfect_adverbs: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    unit_time_words: frozenset[str]
    deictic_time_words: frozenset[str]
    time_adjunct_words: frozenset[str]
    finite_auxiliaries: frozenset[str]
    do_auxiliaries: frozenset[str]
    not_object_words: frozenset[str]
    call_particles: frozenset[str]
    clause_only_verbs: frozenset[str]
    poll_nouns: frozenset[str]
    subordinators: frozenset[str]
    not_after_thought: frozenset[str]
    negations: frozenset[str]
    headline_labels: frozenset[str]
    document_prepositions: frozenset[str]
    speech_nouns: frozenset[str]
    aside_openers: frozenset[str]
    aside_dashes: frozenset[str]
    aside_starts: frozenset[str]
    occasion_nouns: frozenset[str]
    ago_words: frozenset[str]
    modal_names: frozenset[str]
    introducers: frozenset[str]
    object_pronouns: frozenset[str]
    adjunct_inner_prepositions: frozenset[str]
    introductory_prepositions: frozenset[str]
    naming_verbs: frozenset[str]
    subject_pronouns: frozenset[str]
    relative_subjects: frozenset[str]
    relative_objects: frozenset[str]
    postmodifier_starts: frozenset[str]
    reduced_relative_subjects: frozenset[str]
    gerund_after: frozenset[str]
    weak_subject_verbs: frozenset[str]
    clause_continuations: frozenset[str]
    coordinators: frozenset[str]
    subject_blockers: frozenset[str]
    trailing_words: frozenset[str]
    relatives: frozenset[str]
    subordinate_continuations: frozenset[str]
    question_verbs: frozenset[str]
    not_content_start: frozenset[str]
    minor_title_words: frozenset[str]
    possessive_pronouns: dict[str, str]
    nominal_object_prepositions: frozenset[str]
    support_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    dummy_subjects: frozenset[str]
    unattributed_complements: frozenset[str]
    evidential_complements: frozenset[str]

    @property
    def auxiliaries_with_do(self) -> frozenset[str]:
        """Every finite auxiliary, the forms of "do" included."""
        return self.finite_auxiliaries | self.do_auxiliaries

    @property
    def not_object(self) -> frozenset[str]:
        """Words that cannot start the object of a verb of thought, intention,
        stance or topic: the listed ones and the finite auxiliaries but "do"."""
        return self.not_object_words | self.finite_auxiliaries


@lru_cache(maxsize=1)
def packaged_grammar() -> Grammar:
    """The packaged ``quotes_grammar.yaml``, read once.

    Examples
    --------
    >>> sorted(packaged_grammar().articles)
    ['a', 'an', 'the']
    """
    return parse_grammar(read_resource(GRAMMAR_FILE), GRAMMAR_FILE)


def parse_grammar(text: str, source: str) -> Grammar:
    """A :class:`Grammar` from YAML text; ``source`` names it in errors.

    Raises
    ------
    ValueError
        When a section is missing or an entry is not a word, naming the file
        and line.
    """
    reader = NodeReader(source)
    root = parse_yaml(text, source)
    if not isinstance(root, yaml.MappingNode):
        raise reader.fail(root, "the grammar must be a mapping of word lists")
    values = {}
    for f in fields(Grammar):
        node = reader.section(root, f.name, "the grammar")
        if f.name == "possessive_pronouns":
            values[f.name] = {
                name: _word(reader, value, f"possessive_pronouns.{name}")
                for name, _, value in reader.mapping(node, f.name)
            }
        else:
            values[f.name] = word_set(reader, node, f.name)
    return Grammar(**values)


def word_set(reader: NodeReader, node: yaml.Node | None, what: str) -> frozenset[str]:
    """The lower-case words of a YAML list (none for a missing or empty one);
    an entry that is not a word (YAML reads ``no`` and ``on`` as booleans)
    is an error naming its line."""
    if node is None:
        return frozenset()
    return frozenset(_word(reader, item, what) for item in reader.items(node, what))


def _word(reader: NodeReader, node: yaml.Node, what: str) -> str:
    value = reader.value(node)
    if not isinstance(value, str):
        raise reader.fail(
            node,
            f"{what}: {value!r} is not a word; quote entries YAML reads as booleans or "
            'numbers, e.g. "no", "on"',
        )
    return value.lower()

"""The quotation rules file: extending it, and the errors a malformed one gives."""

from __future__ import annotations

import re

import pytest

import toolkit
from toolkit.quotes.extract import extract_quotes
from toolkit.quotes.grammar import packaged_grammar, parse_grammar
from toolkit.quotes.rules import Attribution, Resolution, load_quote_rules

from ..conftest import ROOT, quotes_of


def test_rules_file_needs_a_cue_type_for_each_verb_group(tmp_path):
    packaged = (ROOT / "toolkit" / "resources" / "quotes.yaml").read_text("utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(packaged.replace("  stance: stance\n", ""), "utf-8")
    with pytest.raises(ValueError, match=r"cue_types lacks the verb group\(s\) \['stance'\]"):
        load_quote_rules(bad)


def test_rules_file_can_be_extended(tmp_path):
    packaged = (ROOT / "toolkit" / "resources" / "quotes.yaml").read_text("utf-8")
    extended = packaged.replace(
        "    say: [says, said, said, saying]",
        "    say: [says, said, said, saying]\n    opine: [opines, opined, opined, opining]",
    )
    path = tmp_path / "my-quotes.yaml"
    path.write_text(extended, "utf-8")
    text = "The governor opined that the city was safe."
    assert quotes_of(text).empty
    table = extract_quotes(toolkit.load_corpus([text], progress=False), rules=path)
    assert table.iloc[0].speaker == "governor" and table.iloc[0].cue == "opined"


def test_bad_rules_files_are_reported(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"no-such\.yaml"):
        load_quote_rules(tmp_path / "no-such.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("reporting_verbs: {}\n", "utf-8")
    with pytest.raises(ValueError, match="lacks the section"):
        load_quote_rules(bad)
    packaged = (ROOT / "toolkit" / "resources" / "quotes.yaml").read_text("utf-8")
    bad.write_text(packaged.replace("[says, said, said, saying]", "[says, said]"), "utf-8")
    with pytest.raises(ValueError, match="'say' needs four forms"):
        load_quote_rules(bad)
    bad.write_text(packaged.replace('[about, "on",', "[about, on,"), "utf-8")
    with pytest.raises(ValueError, match="True is not a word"):
        load_quote_rules(bad)


def test_every_rule_the_extractor_applies_has_a_confidence():
    rules = load_quote_rules()
    assert set(Attribution) <= set(rules.attribution)
    assert set(Resolution) <= set(rules.resolution)
    # a row's confidence is the product of its two scores
    assert rules.confidence(Attribution.SPEAKER_AFTER_CUE, Resolution.PRONOUN) == pytest.approx(
        rules.attribution["speaker after cue"] * rules.resolution["pronoun"]
    )


@pytest.mark.parametrize(
    ("removed", "section", "rule"),
    [
        ("  dash attribution:\n    confidence: 0.85\n", "attribution_rules", "dash attribution"),
        ("  surname:\n    confidence: 0.95\n", "resolution_rules", "surname"),
    ],
)
def test_a_rule_without_confidence_is_named(tmp_path, removed, section, rule):
    packaged = (ROOT / "toolkit" / "resources" / "quotes.yaml").read_text("utf-8")
    assert removed in packaged
    bad = tmp_path / "bad.yaml"
    bad.write_text(packaged.replace(removed, ""), "utf-8")
    with pytest.raises(ValueError, match=rf"{section} lacks the rule\(s\) \['{rule}'\]") as err:
        load_quote_rules(bad)
    assert str(err.value).startswith(f"{bad}, line ")


def test_rules_errors_name_the_line(tmp_path):
    packaged = (ROOT / "toolkit" / "resources" / "quotes.yaml").read_text("utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(packaged.replace("[says, said, said, saying]", "[says, said]"), "utf-8")
    line = 1 + packaged.splitlines().index("    say: [says, said, said, saying]")
    with pytest.raises(ValueError, match=rf"^{re.escape(str(bad))}, line {line}: reporting verb"):
        load_quote_rules(bad)
    # a repeated entry would be lost silently by a plain YAML reader
    twice = packaged.replace(
        "    say: [says, said, said, saying]",
        "    say: [says, said, said, saying]\n    say: [says, said, said, saying]",
    )
    bad.write_text(twice, "utf-8")
    with pytest.raises(ValueError, match=rf"line {line + 1}: 'say' appears twice"):
        load_quote_rules(bad)


def test_the_grammar_lists_are_checked_like_the_rules():
    grammar = packaged_grammar()
    assert {"a", "an", "the"} == set(grammar.articles)
    assert grammar.possessive_pronouns["her"] == "she"
    text = (ROOT / "toolkit" / "resources" / "quotes_grammar.yaml").read_text("utf-8")
    with pytest.raises(ValueError, match="the grammar lacks the section 'articles'"):
        parse_grammar(text.replace("articles: [a, an, the]\n", ""), "g.yaml")
    line = 1 + text.splitlines().index("articles: [a, an, the]")
    with pytest.raises(ValueError, match=rf"g.yaml, line {line}: articles: True is not a word"):
        parse_grammar(text.replace("articles: [a, an, the]", "articles: [a, an, on]"), "g.yaml")

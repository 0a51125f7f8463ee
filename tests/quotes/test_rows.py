"""Rows for quotations without a cue of their own, and what is no quotation."""

from __future__ import annotations

from ..conftest import quotes_of, row_starting


def test_quotation_only_paragraph_continues_the_speaker():
    text = (
        '"The city is calm," said Ahmad Zia, the governor.\n\n'
        '"Shops have opened again and people are returning."\n\n'
        "The Taliban have not commented."
    )
    table = quotes_of(text)
    row = row_starting(table, '"Shops have opened')
    assert row.speaker == "Ahmad Zia" and row.role == "governor"
    assert row.evidence.startswith("quotation-only paragraph")


def test_quotation_over_several_paragraphs():
    text = (
        'Ahmad Zia, the governor, said: "The city is calm.\n\n'
        '"Shops have opened again.\n\n'
        '"People are returning," he added.'
    )
    table = quotes_of(text)
    direct = table[table["kind"] == "direct"]
    assert direct["text"].tolist() == [
        '"The city is calm.',
        '"Shops have opened again.',
        '"People are returning,"',
    ]
    assert direct["speaker"].tolist() == ["Ahmad Zia"] * 3
    assert direct["para_id"].tolist() == [0, 1, 2]
    assert "continued quotation" in direct["evidence"].iloc[1]


def test_scare_quotes_and_titles_are_not_quotations():
    table = quotes_of(
        'The so-called "peace process" stalled.\n\nShe watched "Fox News Sunday" at home.'
    )
    assert table.empty


def test_titles_numbers_and_scare_quotes_are_not_quotations():
    table = quotes_of(
        'On "Fox News Sunday," Pence said the tweet was a joke.\n\n'
        'The tweet "783499116076687360" was deleted.\n\n'
        'The "quack" cures were popular. Doctors said they were useless.'
    )
    assert table["kind"].tolist() == ["indirect", "indirect"]
    assert table["text"].tolist() == ["the tweet was a joke", "they were useless"]


def test_question_and_exclamation_then_the_speaker():
    # '"...?" Name said.' is one sentence: the speaker after the closing mark
    table = quotes_of(
        'Mike Pence spoke in Iowa.\n\n"How big is that wall going to be?" Pence said. '
        '"As big as it needs to be!" Sen. Jane Doe added on Tuesday.'
    )
    asked = row_starting(table, '"How big')
    assert asked.speaker == "Mike Pence" and asked.kind == "direct"
    assert row_starting(table, '"As big').speaker == "Jane Doe"


def test_a_quotation_opening_its_sentence_is_quoted_speech():
    # however long the attribution after it, and even when no cue is known
    text = '"We will win this race in the fall," a voice-over in the new campaign ad states.'
    row = row_starting(quotes_of(text), '"We will win')
    assert row.kind == "direct"
    # a short title in the middle of the narrator's sentence is still no quotation
    assert quotes_of('She watched "Fox News Sunday," a talk show, at home.').empty

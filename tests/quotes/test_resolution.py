"""Speaker resolution within a document: pronouns, surnames, definite descriptions."""

from __future__ import annotations

import pandas as pd
import pytest

from ..conftest import quotes_of, row_starting


def test_pronoun_chain_follows_gender_and_recency():
    text = (
        "Fatima Ahmadi, a teacher in Herat, said the school had closed.\n\n"
        "Her brother, Ahmad Ahmadi, said he would leave the city.\n\n"
        '"We have no choice," she said.\n\n'
        '"The road is open," he added.'
    )
    table = quotes_of(text)
    assert row_starting(table, '"We have no choice').speaker == "Fatima Ahmadi"
    assert row_starting(table, '"The road is open').speaker == "Ahmad Ahmadi"


def test_pronoun_without_antecedent_leaves_speaker_empty():
    row = quotes_of('"We will hold the city," she said.').iloc[0]
    assert row.speaker_mention == "she"
    assert pd.isna(row.speaker)
    assert "unresolved pronoun" in row.evidence and row.confidence < 0.5


def test_surname_and_definite_descriptions():
    text = (
        "Provincial governor Husamuddin Shams said the Taliban had attacked. A Ministry of "
        "Defence official said the police headquarters had fallen. The Iranian Foreign "
        "Ministry said talks would begin.\n\n"
        '"We pushed them back," Shams said.\n\n'
        '"The city briefly collapsed," said the official.\n\n'
        "The talks were useful, the ministry said."
    )
    table = quotes_of(text)
    assert row_starting(table, '"We pushed').speaker == "Husamuddin Shams"
    assert row_starting(table, '"The city briefly').speaker == "Ministry of Defence official"
    assert row_starting(table, "The talks were useful").speaker == "Iranian Foreign Ministry"


@pytest.mark.parametrize("opening", ["Back in Kabul,", "Elsewhere in the country,"])
def test_an_introductory_phrase_is_not_the_subject_a_pronoun_refers_to(opening):
    table = quotes_of(f"{opening} Ahmad Zia met the elders. He said the city was calm.")
    assert table["speaker"].tolist() == ["Ahmad Zia"]

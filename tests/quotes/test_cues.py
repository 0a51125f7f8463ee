"""Reporting cues: attribution beyond verbs of saying, negation, words that are no cue here."""

from __future__ import annotations

import pytest

from ..conftest import quotes_of, row_starting


# Attribution beyond verbs of saying, as PARC and PolNeAR annotate it: each text
# exercises one pattern; the expected content, speaker and cue type were written
# by reading the sentence.
@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue", "cue_type"),
    [
        # a verb of thought with its clause
        (
            "Analysts believe the offensive will stall.",
            "the offensive will stall",
            "analysts",
            "believe",
            "thought",
        ),
        # intention: an infinitive
        (
            "The governor wants to reopen the schools.",
            "to reopen the schools",
            "governor",
            "wants",
            "intention",
        ),
        (
            "The bloc aims to rely less on U.S. support.",
            "to rely less on U.S. support",
            "bloc",
            "aims",
            "intention",
        ),
        # preference and stance: an object
        (
            "Voters would prefer Clinton over Trump.",
            "Clinton over Trump",
            "voters",
            "prefer",
            "intention",
        ),
        (
            "The union endorsed Hillary Clinton for president.",
            "Hillary Clinton for president",
            "union",
            "endorsed",
            "stance",
        ),
        # speech about a topic
        (
            "Clinton discussed her plan for veterans on Monday.",
            "her plan for veterans",
            "Clinton",
            "discussed",
            "speech",
        ),
        # evidence: a poll or study as the source
        (
            "A poll shows Clinton ahead by three points.",
            "Clinton ahead by three points",
            "poll",
            "shows",
            "evidence",
        ),
        (
            "The Real Clear Politics average of polls taken over the past two weeks shows "
            "Clinton leading by three points.",
            "Clinton leading by three points",
            "Real Clear Politics average of polls",
            "shows",
            "evidence",
        ),
        # nominal cues: the possessor is the source
        (
            "Officials dismissed the report. Mr. Obama's bet is that his rules will be hard to unwind.",
            "that his rules will be hard to unwind",
            "Obama",
            "bet",
            "thought",
        ),
        # a verb of saying after a raising verb: "appeared to suggest"
        (
            "Trump appeared to suggest that veterans are weak.",
            "that veterans are weak",
            "Trump",
            "suggest",
            "speech",
        ),
    ],
)
def test_attribution_beyond_saying(text, content, speaker, cue, cue_type):
    table = quotes_of(text)
    row = row_starting(table[table["kind"] == "indirect"], content)
    assert (row.speaker, row.cue, row.cue_type) == (speaker, cue, cue_type)
    assert not row.negated


def test_negated_cues_are_kept_and_flagged():
    table = quotes_of(
        "The ministry did not say whether the city had fallen. Trump has never supported "
        "the bill. Lawmakers have not said when they would vote."
    )
    assert table["negated"].tolist() == [True, True, True]
    assert table["text"].tolist() == [
        "whether the city had fallen",
        "the bill",
        "when they would vote",
    ]
    assert table["cue_type"].tolist() == ["speech", "stance", "speech"]


@pytest.mark.parametrize(
    "text",
    [
        "Taliban fighters attacked the city on Wednesday.",  # physical, not stance
        "An officer was aiming a gun at the car.",  # "aim" needs an infinitive
        "He showed the way to the station.",  # evidence needs a document as source
        "She called into a radio program on Monday.",  # "call into" is not speech
        "The curfew would continue through the weekend.",  # no quotation to continue
    ],
)
def test_words_that_are_not_cues_here(text):
    assert quotes_of(text).empty


def test_directives_voicing_and_email_are_cues():
    ordered = quotes_of("A federal judge ordered the department to release the records monthly.")
    assert (ordered.iloc[0].cue, ordered.iloc[0].speaker) == ("ordered", "federal judge")
    assert ordered.iloc[0].text == "the department to release the records monthly"
    voiced = quotes_of("Several lawmakers voiced concerns about the pace of the withdrawal.")
    assert voiced.iloc[0].text == "concerns about the pace of the withdrawal"
    # the person written to is not what was written
    emailed = quotes_of("The spokesman emailed reporters that the talks had failed.")
    assert emailed.iloc[0].text == "that the talks had failed"
    # the nouns are no cues
    assert quotes_of("Her emails and his executive orders were released on Friday.").empty


def test_words_that_are_no_cue_in_their_other_sense():
    # "maintain" reports a clause, not what it keeps
    table = quotes_of(
        "Clinton maintains a wide lead. France maintains its ties with them. "
        "She maintained that she had complied with the rules."
    )
    assert table["text"].tolist() == ["that she had complied with the rules"]
    # "email" is a noun before another ("the Clinton email scandal")
    assert quotes_of("The Clinton email scandal disqualifies her, critics argue.")[
        "cue"
    ].tolist() == ["argue"]
    # a "bid for" an office reports no one's words
    assert quotes_of("The scandal dragged down her ratings in her bid for the nomination.").empty


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # "hope" takes a clause without "that", like "believe"
        (
            "Democrats hope they will regain control of the chamber.",
            "they will regain control of the chamber",
        ),
        ("She hopes to triple the program.", "to triple the program"),
    ],
)
def test_hope_reports_a_clause_or_an_infinitive(text, content):
    row = quotes_of(text).iloc[0]
    assert (row.text, row.cue_type) == (content, "thought")

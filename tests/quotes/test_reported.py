"""Reported speech without quotation marks: relative clauses, "according to"
after a colon, verbs of thought that interrupt their clause, intentions with
"to", and adjectives of intention, belief and stance."""

from __future__ import annotations

import pytest

from ..conftest import quotes_of, row_starting


def test_relative_pronoun_stands_for_what_was_said():
    table = quotes_of("The veto, which critics said was discriminatory against students, failed.")
    assert table["text"].tolist() == ["which", "was discriminatory against students"]
    assert (table["speaker"] == "critics").all() and (table["cue"] == "said").all()
    table = quotes_of(
        "Iran released them, displaying what many analysts said was a sign of change."
    )
    assert table["text"].tolist() == ["what", "was a sign of change"]
    assert (table["speaker"] == "many analysts").all()


@pytest.mark.parametrize(
    "text",
    [
        # a complement "that" before a subject and its own clause
        "He argued that Clinton believes the war was a mistake.",
        # a naming verb takes its object, not a clause
        "Nixon led to what aide Kevin Phillips called the beginning of a new era.",
        # the relative pronoun is the object of a preposition
        "The trial, in which students have alleged fraud, starts soon.",
    ],
)
def test_no_relative_pronoun_piece_where_the_clause_is_not_a_gap(text):
    table = quotes_of(text)
    assert not table["text"].isin(["that", "what", "which"]).any()


def test_according_to_after_a_colon_reports_what_follows():
    row = quotes_of(
        "It has not gone unnoticed: according to recent polls, Trump holds 14 percent."
    ).iloc[0]
    assert (row.text, row.speaker, row.cue_type) == (
        "Trump holds 14 percent",
        "recent polls",
        "speech",
    )


def test_a_verb_of_thought_between_commas_reports_the_clause_it_interrupts():
    table = quotes_of("His leverage, analysts believe, is not going anywhere.")
    assert table["text"].tolist() == ["His leverage", "is not going anywhere"]
    assert (table["cue_type"] == "thought").all() and (table["speaker"] == "analysts").all()
    # "think of" is still no clause
    assert quotes_of("Analysts think of the offensive as a failure.").empty


def test_expect_to_reports_an_intention():
    row = quotes_of("The ministry expects to collect two billion dollars.").iloc[0]
    assert (row.text, row.speaker, row.cue) == (
        "to collect two billion dollars",
        "ministry",
        "expects",
    )


@pytest.mark.parametrize(
    ("text", "content", "cue_type"),
    [
        ("The senator is eager to leave the committee.", "to leave the committee", "intention"),
        ("The governor was convinced the deal would fail.", "the deal would fail", "thought"),
        ("The minister is critical of the deal.", "the deal", "stance"),
        ("The minister made clear that the talks were over.", "that the talks were over", "speech"),
        ("The senator would like to see the law repealed.", "to see the law repealed", "intention"),
    ],
)
def test_adjectives_and_phrases_that_report(text, content, cue_type):
    row = quotes_of(text).iloc[0]
    assert (row.text, row.cue_type) == (content, cue_type)


def test_adjectives_used_as_modifiers_report_nothing():
    assert quotes_of("An eager crowd waited outside the court.").empty
    assert quotes_of("The certain outcome worried nobody.").empty


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Many say the war is lost.", "Many", "the war is lost"),
        ("But some argue that the war is lost.", "some", "that the war is lost"),
        ("About 26% say they are conservative.", "About 26%", "they are conservative"),
        ("One in five say it is not an improvement.", "One in five", "it is not an improvement"),
        ("More than half believe the economy is weak.", "More than half", "the economy is weak"),
        ("Both oppose the nuclear deal.", "Both", "the nuclear deal"),
    ],
)
def test_a_share_of_people_that_starts_the_clause_is_a_speaker(text, speaker, content):
    row = quotes_of(text).iloc[0]
    assert (row.speaker_mention, row.text) == (speaker, content)


def test_quantifiers_that_are_no_subject_give_no_speaker():
    # a determiner of a noun, and a degree adverb
    assert quotes_of("Many claims were false.").empty
    table = quotes_of("Schilling, who most recently offered analysis, was dismissed.")
    assert "most" not in table["speaker_mention"].dropna().tolist()


def test_appear_before_an_adjective_presents_a_proposition_without_source():
    table = quotes_of("The speaker appeared closer to offering a full endorsement.")
    assert table["text"].tolist() == ["The speaker", "closer to offering a full endorsement"]
    assert table["speaker"].isna().all() and (table["cue_type"] == "evidence").all()
    # "appeared likely to": an adjective in -ly before its infinitive
    assert not quotes_of("The vote appeared likely to settle little.").empty


@pytest.mark.parametrize(
    "text",
    [
        "The senator appeared on television on Sunday.",
        "The senator appeared briefly at the rally.",
        "The senator appeared before the committee.",
    ],
)
def test_appear_before_a_preposition_or_an_adverb_reports_nothing(text):
    assert quotes_of(text).empty


def test_a_cue_that_ends_its_paragraph_with_a_colon_introduces_the_next_one():
    table = quotes_of('"We will win," Trump said.\n\nCruz said:\n\n"The questions are unfair."')
    row = row_starting(table, '"The questions')
    assert (row.speaker, row.cue) == ("Cruz", "said")
    # a paragraph that does not end in a colon does not pass its speaker on
    table = quotes_of('Cruz spoke at length.\n\n"The questions are unfair."')
    assert row_starting(table, '"The questions').speaker != "Cruz"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            'The senator delivered a blunt message to Trump: "It is time to quit."',
            "senator",
            "delivered a blunt message to Trump",
        ),
        (
            '"We will win," Trump said.\n\nCruz continued:\n\n"The rules are unfair."',
            "Cruz",
            "continued",
        ),
        # after an introductory phrase of place or of a date, which is not content
        (
            'But back on American soil, Trump returned to his lines: "There will be no amnesty!"',
            "Trump",
            "returned to his lines",
        ),
        (
            "On July 6, 2015, Sanders made the following comment:\n\n"
            '"The unemployment rate is 33 percent."',
            "Sanders",
            "made the following comment",
        ),
    ],
)
def test_a_clause_ending_in_a_colon_introduces_the_quotation_after_it(text, speaker, cue):
    table = quotes_of(text)
    assert (table["kind"] == "direct").all()
    row = table.iloc[-1]
    assert (row.speaker, row.cue, row.kind) == (speaker, cue, "direct")


@pytest.mark.parametrize(
    "text",
    ['The question is: "Who will pay?"', 'The plan has three parts: "security" and "jobs."'],
)
def test_a_colon_after_be_or_have_introduces_no_speaker(text):
    assert quotes_of(text)["speaker"].isna().all()


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "Officials issued a warning that the city would fall.",
            "officials",
            "issued a warning",
            "that the city would fall",
        ),
        (
            "The activists raised concerns about racism and job security.",
            "activists",
            "raised concerns",
            "racism and job security",
        ),
        (
            "The senator launched renewed attacks on the governor.",
            "senator",
            "launched renewed attacks",
            "the governor",
        ),
    ],
)
def test_a_noun_cue_as_the_object_of_a_verb_reports_for_the_verbs_subject(
    text, speaker, cue, content
):
    row = quotes_of(text).iloc[0]
    assert (row.speaker, row.cue, row.text) == (speaker, cue, content)


@pytest.mark.parametrize(
    "text",
    [
        # the subject of a verb of receiving is the target, not the source
        "The program attracted criticism for its slow start.",
        "She faces renewed doubts about her campaign.",
        # "to" before a determiner is a direction, not an infinitive
        "The company made a call to the police.",
    ],
)
def test_a_noun_cue_after_a_verb_of_receiving_or_without_content_reports_nothing(text):
    assert quotes_of(text).empty


def test_a_noun_cue_takes_a_clause_with_an_expletive_subject():
    row = quotes_of("Officials checked the mayor's claim that there were thousands of cases.").iloc[
        0
    ]
    assert (row.text, row.cue) == ("that there were thousands of cases", "claim")


def test_what_after_a_preposition_stands_for_what_was_said():
    table = quotes_of("Clubs adapt to what she said is growing demand for pools.")
    assert table["text"].tolist() == ["what", "is growing demand for pools"]


@pytest.mark.parametrize(
    ("text", "subject", "predicate"),
    [
        (
            "The FBI is reportedly making arrangements to interview the senator.",
            "The FBI",
            "making arrangements to interview the senator",
        ),
        (
            "The company has reportedly taken heat from a civil rights group.",
            "The company",
            "taken heat from a civil rights group",
        ),
        (
            "Police said he allegedly brandished a pistol at officers.",
            "he",
            "brandished a pistol at officers",
        ),
    ],
)
def test_an_adverb_of_hearsay_presents_a_proposition_without_source(text, subject, predicate):
    table = quotes_of(text)
    rows = table[table["cue"].isin(["reportedly", "allegedly"])]
    assert rows["text"].tolist() == [subject, predicate]
    assert rows["speaker"].isna().all() and (rows["cue_type"] == "evidence").all()


def test_an_adverb_of_hearsay_before_a_cue_or_an_adjective_is_no_attribution():
    row = quotes_of("Trump reportedly said the wall would be built.").iloc[0]
    assert (row.speaker, row.cue) == ("Trump", "said")
    assert quotes_of("Trump's allegedly illegal payments worried voters.").empty
    # the writer's own inference reports no one's words
    assert quotes_of("The talks apparently failed, and the envoy seemingly left.").empty


def test_a_place_adverb_between_speaker_and_cue():
    row = quotes_of("Her campaign workers here said they had been working the state.").iloc[0]
    assert row.speaker_mention == "Her campaign workers"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # an object the noun phrase reader does not take whole
        (
            "Clinton won the primary in Puerto Rico, according to early returns.",
            "early returns",
            "Clinton won the primary in Puerto Rico",
        ),
        # a prepositional phrase opening the clause before "according to"
        (
            "In addition, according to the department, nine million workers will be protected.",
            "department",
            "nine million workers will be protected",
        ),
        # a long source opening the sentence, up to its comma
        (
            "According to early results of exit polls conducted for the networks by Edison "
            "Research, most voters feel angry.",
            "early results of exit polls conducted for the networks by Edison Research",
            "most voters feel angry",
        ),
    ],
)
def test_according_to_with_a_long_source_or_after_an_opening_phrase(text, speaker, content):
    row = quotes_of(text).iloc[0]
    assert (row.speaker, row.text) == (speaker, content)


def test_when_asked_reports_what_was_asked_without_an_asker():
    table = quotes_of(
        "Ted Cruz, when asked what is wrong with the plan, responded that the plan fails."
    )
    asked = table[table["cue"] == "asked"]
    assert asked["text"].tolist() == ["what is wrong with the plan"]
    assert asked["speaker"].isna().all()
    # the main cue still finds its speaker before the clause
    assert row_starting(table, "that the plan fails").speaker == "Ted Cruz"
    # a participle of a verb that addresses no one is no such clause
    assert not (quotes_of("When reached, he left the room.")["cue"] == "reached").any()
    # the participle may open the sentence
    table = quotes_of(
        "Asked what a firm commitment looks like, Devine replied that it was far off."
    )
    assert row_starting(table, "what a firm").text == "what a firm commitment looks like"
    assert row_starting(table, "that it was").speaker == "Devine"

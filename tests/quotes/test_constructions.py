"""The other constructions: passive cues with and without agent, nominal cues."""

from __future__ import annotations

import pytest

from ..conftest import quotes_of


def test_passive_cues_with_and_without_agent():
    agent = quotes_of("The nominee was endorsed by the union.").iloc[0]
    assert (agent.text, agent.speaker, agent.cue) == ("The nominee", "union", "endorsed")
    assert agent.evidence.startswith("passive agent")
    # no source named: two pieces, no speaker, the cue kept
    table = quotes_of("The veto is expected to come on Friday.")
    assert table["text"].tolist() == ["The veto", "to come on Friday"]
    assert table["speaker"].isna().all() and (table["cue"] == "expected").all()
    assert (table["evidence"] == "passive without agent").all()
    accused = quotes_of("Peacekeepers have been accused of hurting civilians.")
    assert accused["text"].tolist() == ["Peacekeepers", "of hurting civilians"]
    seems = quotes_of("Melania seems to have vanished from the campaign trail.")
    assert seems["text"].tolist() == ["Melania", "to have vanished from the campaign trail"]
    assert (seems["cue_type"] == "evidence").all() and seems["speaker"].isna().all()
    # what appears may be one word
    paralyzed = quotes_of("After the debate, the Trump team appeared paralyzed.")
    assert paralyzed["text"].tolist() == ["the Trump team", "paralyzed"]


def test_nominal_cues():
    row = quotes_of("Trump's claim that the election was rigged angered officials.").iloc[0]
    assert (row.speaker, row.cue, row.cue_type) == ("Trump", "claim", "speech")
    assert row.text.startswith("that the election was rigged")
    # "that" starting a relative clause is no content
    assert quotes_of("There is little in his plan that matches his rhetoric.").empty
    # inside what someone else is reported to have done, a nominal cue is their content
    table = quotes_of("Officials rejected Trump's claim that the election was rigged.")
    assert table["cue"].tolist() == ["rejected"]


def test_impersonal_appearance_reports_what_follows():
    # a dummy "it": one piece, what appears, perhaps after an aside between commas
    table = quotes_of("It appears, though, that the championship game was not boring.")
    assert table["text"].tolist() == ["that the championship game was not boring"]
    assert table["speaker"].isna().all() and (table["cue_type"] == "evidence").all()
    likely = quotes_of("It now seems inevitable that the two rivals will turn on each other.")
    assert likely["text"].tolist() == ["inevitable that the two rivals will turn on each other"]
    # "it appeared on television" presents nothing
    assert quotes_of("It appeared on television last night.").empty
    # "sounds" is a verb of appearance too
    sounds = quotes_of("Her approach sounds reasonable to most voters.")
    assert sounds["cue"].tolist() == ["sounds", "sounds"]


def test_a_cue_that_reports_nothing_does_not_silence_the_one_before():
    # "added" reports nothing here ("add" needs "that" or a quotation), so
    # "announced" reports the whole clause, "it added ..." included
    table = quotes_of("On Friday, the Labor Department announced it added 255,000 jobs in July.")
    assert table["cue"].tolist() == ["announced"]
    assert table.iloc[0].text == "it added 255,000 jobs in July"
    assert table.iloc[0].speaker == "Labor Department"


def test_an_opening_phrase_naming_a_document_is_the_source():
    row = quotes_of("But in a Des Moines Register poll last month, Mr. Cruz had a 10-point lead.")
    assert (row.iloc[0].speaker, row.iloc[0].text) == (
        "Des Moines Register poll",
        "Mr. Cruz had a 10-point lead",
    )
    # a cue in the clause names its own source
    table = quotes_of("In a statement, the ministry said the city had fallen.")
    assert table["speaker"].tolist() == ["ministry"]
    # a place is no document
    assert quotes_of("In the city, the fighters took over the governor's office.").empty


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # the whole subject, with what it is "of"
        (
            "For the Republicans, the character of the race appeared to change.",
            ["the character of the race", "to change"],
        ),
        # past an aside or a relative clause between commas
        ("Democrats, too, appeared headed for a contest.", ["Democrats", "headed for a contest"]),
        # the subject of the first of two predicates
        (
            "Trump held a sizable lead and appeared poised to win.",
            ["Trump", "poised to win"],
        ),
        # after "why", "how", "whether" opening the clause
        (
            "That is why Chris Christie appeared to end his bid.",
            ["Chris Christie", "to end his bid"],
        ),
    ],
)
def test_what_appears_and_to_whom(text, pieces):
    table = quotes_of(text)
    assert table["text"].tolist() == pieces and (table["cue_type"] == "evidence").all()


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "Trump leads Cruz by 9 points in the RealClearPolitics average of recent polls.",
            "RealClearPolitics average of recent polls",
            "Trump leads Cruz by 9 points",
        ),
        (
            "The governor took just 6 percent of the vote in a Washington Post-ABC News poll released Sunday.",
            "Washington Post-ABC News poll",
            "The governor took just 6 percent of the vote",
        ),
    ],
)
def test_a_poll_that_ends_a_clause_is_its_source(text, source, content):
    row = quotes_of(text).iloc[0]
    assert (row.speaker, row.text, row.cue) == (source, content, "in")


def test_a_poll_opening_the_sentence_with_a_hyphenated_modifier():
    row = quotes_of(
        "In an early-October CBS News poll, she led Mr. Sanders 56 percent to 32 percent."
    ).iloc[0]
    assert (row.speaker, row.text) == (
        "early-October CBS News poll",
        "she led Mr. Sanders 56 percent to 32 percent",
    )


def test_in_before_other_nouns_is_no_source():
    assert quotes_of("He spent a week in the average town.").empty
    # a clause with a cue of its own keeps its speaker
    assert quotes_of("He said Clinton led in the latest poll.")["cue"].tolist() == ["said"]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "Priebus, after a new poll showing Trump down to 14 percent, spoke to Fox News.",
            "new poll",
            "Trump down to 14 percent",
        ),
        ("Despite polls showing her well behind, Clinton campaigned.", "polls", "her well behind"),
    ],
)
def test_a_participle_of_evidence_after_the_poll_that_shows_it(text, source, content):
    rows = quotes_of(text)
    rows = rows[rows["cue"] == "showing"]
    assert rows[["speaker", "text"]].values.tolist() == [[source, content]]


def test_a_passive_after_a_coordinated_predicate_is_read_without_error():
    # the passive's subject is that of the first predicate; reading it once crashed
    table = quotes_of(
        "Shareholder information would be vital to anyone planning a tender offer and is "
        "commonly requested by individuals mulling takeover attempts."
    )
    assert set(table["cue"]) <= {"requested"}

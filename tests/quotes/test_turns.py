"""Transcript turns: labels, press questions, "I" and "we" inside a turn."""

from __future__ import annotations

import pandas as pd
import pytest

import toolkit

from ..conftest import BRIEFING, quotes_of, row_starting, shared_path


def test_a_turn_goes_on_to_the_next_label():
    table = quotes_of(BRIEFING)
    turns = table[table["cue_type"] == "turn"]
    assert turns["speaker"].tolist() == ["Jen Psaki", "reporter", "Jake Sullivan"]
    psaki = row_starting(turns, "Good afternoon.")
    assert psaki.text.endswith("who wants to leave.")  # the turn runs over two paragraphs
    assert psaki.speaker_mention == "MS. PSAKI" and "PSAKI" not in psaki.text


def test_press_questions_are_marked_and_spoken_by_the_press_role():
    table = quotes_of(BRIEFING)
    question = row_starting(table, "Will the President")
    assert (question.speaker, question.role, bool(question.press)) == ("reporter", "press", True)
    assert "Q" not in set(table["speaker"].dropna())
    assert not table.loc[table["speaker"] != "reporter", "press"].any()


def test_i_and_we_in_a_turn_are_its_speaker_and_nested():
    table = quotes_of(BRIEFING)
    nested = table[table["nested"]]
    assert set(nested["speaker"]) == {"Jen Psaki", "Jake Sullivan"}
    we = nested[nested["speaker_mention"].str.lower() == "we"]
    assert we["evidence"].str.endswith("turn speaker's organisation").all() and len(we)
    # the count of who speaks counts each turn once
    counts = toolkit.speakers(table).set_index("speaker")["n_quotes"]
    assert counts["Jen Psaki"] == 1 and counts["Jake Sullivan"] == 1


def test_speakers_can_leave_press_questions_out():
    table = quotes_of(BRIEFING)
    assert "reporter" in set(toolkit.speakers(table)["speaker"])
    assert "reporter" not in set(toolkit.speakers(table, press=False)["speaker"])


@pytest.mark.parametrize(
    ("title", "label", "speaker"),
    [
        ("Remarks by President Biden before a meeting", "THE PRESIDENT", "Biden"),
        # the other head of state has a label of their own
        ("Remarks by President Biden and President Ghani", "THE PRESIDENT", "Biden"),
        ("Remarks by Vice President Harris", "THE VICE PRESIDENT", "Harris"),
        ("Remarks", "SECRETARY BLINKEN", "Blinken"),
        ("Remarks", "GENERAL MILLEY", "Milley"),
    ],
)
def test_labels_name_the_person_the_document_names(title, label, speaker):
    text = (
        f"{label}: Thank you all for coming today.\n\n"
        "PRESIDENT GHANI: Thank you, Mr. President.\n\n"
        f"{label}: We are glad to be here."
    )
    corpus = toolkit.load_corpus(pd.DataFrame({"title": [title], "text": [text]}), progress=False)
    table = toolkit.extract_quotes(corpus)
    turns = table[table["cue_type"] == "turn"]
    assert turns["speaker"].iloc[0] == speaker
    assert turns["speaker"].iloc[1] == "Ghani"


def test_the_president_is_the_one_the_title_names_not_the_one_named_most():
    text = (
        "THE PRESIDENT: I met President Putin today. President Putin and I spoke for hours, "
        "and President Putin knows where we stand.\n\n"
        "Q Did President Putin agree?\n\n"
        "THE PRESIDENT: He did not."
    )
    title = "Remarks by President Biden in Press Conference"
    corpus = toolkit.load_corpus(pd.DataFrame({"title": [title], "text": [text]}), progress=False)
    turns = toolkit.extract_quotes(corpus).query("cue_type == 'turn' and not press")
    assert set(turns["speaker"]) == {"Biden"}


@pytest.mark.parametrize(
    ("title", "speaker"),
    [
        ("Readout of President Joe Biden\u2019s Call with Chancellor Merkel", "Joe Biden"),
        ("President Biden Announces His Nominees", "Biden"),
    ],
)
def test_a_title_in_title_case_names_only_the_person(title, speaker):
    text = (
        "THE PRESIDENT: The White House announces the nominees after a call.\n\n"
        "Q Will you?\n\nTHE PRESIDENT: Yes, I will."
    )
    corpus = toolkit.load_corpus(pd.DataFrame({"title": [title], "text": [text]}), progress=False)
    turns = toolkit.extract_quotes(corpus).query("cue_type == 'turn' and not press")
    assert set(turns["speaker"]) == {speaker}


def test_an_article_quoting_a_transcript_makes_each_paragraph_a_quotation():
    text = (
        "The governor spoke on Sunday. Partial transcript as follows:\n\n"
        '"WALLACE: Will she be there? I want to ask you.\n\n'
        '"PENCE: She will not. I know the debate matters.\n\n'
        '"And the voters will decide.\n\n'
        '"WALLACE: Thank you, Governor.'
    )
    table = quotes_of(text)
    pence = row_starting(table, "She will not.")
    assert pence.speaker == "Pence" and pence.text.endswith("the debate matters.")
    # the turn is one quotation: no row for "I know" inside it
    assert not table["nested"].any()
    # the next paragraph, opened with a quotation mark, is its own quotation of Pence
    assert row_starting(table, '"And the voters').speaker == "Pence"


@pytest.mark.parametrize(("question", "they"), [("And the allies?", "allies"), ("And then?", None)])
def test_a_pronoun_in_a_turn_looks_back_no_further_than_the_turn_before(question, they):
    text = (
        "MS. PSAKI: The Treasury said it would act.\n\n"
        "Q What about the families?\n\n"
        "MS. PSAKI: Nothing new today.\n\n"
        f"Q {question}\n\n"
        "MS. PSAKI: If they want to share more, they will."
    )
    table = quotes_of(text)
    assert row_starting(table, "it would act").speaker == "Treasury"
    # "they" may be whom the question names, never the Treasury of three turns back
    row = table[table["speaker_mention"] == "they"]
    assert len(row) == 1
    assert (row["speaker"].iat[0] if they else row["speaker"].isna().iat[0]) == (they or True)


def test_a_surname_label_takes_the_full_name_the_document_gives():
    text = (
        "National Security Advisor Jake Sullivan spoke first.\n\n"
        "MR. SULLIVAN: Thanks, everybody.\n\nQ: Is the airport open?\n\nMR. SULLIVAN: It is."
    )
    turns = quotes_of(text).query("cue_type == 'turn'")
    assert turns["speaker"].tolist() == ["Jake Sullivan", "reporter", "Jake Sullivan"]


def test_turn_labels_are_not_actor_mentions():
    corpus = toolkit.load_corpus([BRIEFING], progress=False)
    lexicon = {
        "name": "briefing",
        "actors": {
            "Jen Psaki": {"type": "person", "aliases": ["Jen Psaki", "Psaki"]},
            "Jake Sullivan": {"type": "person", "aliases": ["Jake Sullivan", "Sullivan"]},
        },
    }
    mentions = toolkit.find_actors(corpus, lexicon)
    # the first sentence names both; the labels "MS. PSAKI:" and "MR. SULLIVAN:" are not counted
    assert sorted(mentions["actor"]) == ["Jake Sullivan", "Jen Psaki"]
    assert (mentions["start"] < BRIEFING.index("\n")).all()


def test_a_turn_of_one_word_ends_the_turn_before_it():
    text = (
        "MS. PSAKI: We will evacuate everyone who wants to leave.\n\n"
        "Q Can I follow up on that?\n\n"
        "MS. PSAKI: Sure.\n\n"
        "Q How many are still there?\n\n"
        "MR. SULLIVAN: Yes.\n\n"
        "MR. SULLIVAN: Several thousand Americans are still in Kabul."
    )
    turns = quotes_of(text).query("cue_type == 'turn'")
    assert turns["text"].tolist() == [
        "We will evacuate everyone who wants to leave.",
        "Can I follow up on that?",
        "Sure.",
        "How many are still there?",
        "Yes.",
        "Several thousand Americans are still in Kabul.",
    ]
    assert turns["speaker"].tolist() == ["Psaki", "reporter"] * 2 + ["Sullivan"] * 2


def test_outside_a_transcript_a_label_opens_one_paragraph():
    text = "Poll: Most voters want the troops home.\n\nThe survey was small, officials said."
    table = quotes_of(text)
    turn = row_starting(table, "Most voters")
    assert turn.cue_type == "turn" and turn.text == "Most voters want the troops home."


@pytest.mark.shared
def test_white_house_speakers():
    path = shared_path("corpus", "whitehouse-afghanistan-2021", "wh_afghanistan_2021_2022.jsonl")
    corpus = toolkit.load_corpus(path, progress=False)
    quotes = toolkit.extract_quotes(corpus)
    assert "Q" not in set(quotes["speaker"].dropna()) | set(quotes["speaker_id"].dropna())
    assert quotes["press"].sum() > 5000
    assert (quotes.loc[quotes["press"], "cue_type"] == "turn").any()
    ids = set(quotes["speaker_id"].dropna())
    for surname in ["Psaki", "Biden", "Sullivan", "Kirby", "Blinken", "Austin", "Jean-Pierre"]:
        # one speaker per person: every person's name with this surname is one id
        people = {
            i for i in ids if i.split()[-1] == surname and i[:1].isupper() and " and " not in i
        }
        people -= {"Hunter Biden", "Jill Biden"}  # other people of that surname
        assert len(people) == 1, (surname, sorted(people))
    top = toolkit.speakers(quotes, press=False)["speaker"].head(10).tolist()
    assert top[:3] == ["Jen Psaki", "Joe Biden", "Karine Jean-Pierre"], top
    # "the President" of a briefing that names other presidents is not one of them
    assert quotes.attrs["title_holders"]["president"] == "Joe Biden"
    assert not {"Vladimir Putin", "Xi", "Xi Jinping"} & set(top), top
    # a one-word turn ("MS. PSAKI: Sure.") is a turn of its own
    short = quotes[(quotes["cue_type"] == "turn") & (quotes["text"] == "Sure.")]
    assert len(short) > 100 and set(short["speaker_id"]) >= {"Jen Psaki"}
    # no actor mention is counted from a turn label
    mentions = toolkit.find_actors(corpus, quotes=quotes)
    labels = quotes[quotes["cue_type"] == "turn"]
    spans = set(zip(labels["doc_id"].astype(str), labels["speaker_start"], strict=True))
    assert not any(
        (d, s) in spans
        for d, s in zip(mentions["doc_id"].astype(str), mentions["start"], strict=True)
    )


def test_a_headline_with_a_name_and_a_colon_gives_the_words_to_the_name():
    text = "Lynch: No outside influence on FBI probe\n\nLoretta Lynch spoke on Friday."
    table = quotes_of(text)
    assert (table.iloc[0].speaker_mention, table.iloc[0].text) == (
        "Lynch",
        "No outside influence on FBI probe",
    )
    # a label, or a heading the document names no person by, speaks no words
    assert quotes_of("Update: The story has been corrected to show new figures.").empty
    heading = "Afghanistan: This week marked six months since the withdrawal from Afghanistan."
    assert quotes_of(heading).empty

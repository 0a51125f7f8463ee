"""Mentions: what the words of a noun phrase say of the source they name."""

from __future__ import annotations

import pytest

from toolkit.quotes.document import Doc
from toolkit.quotes.mentions import coordinated, group_mention, mention
from toolkit.quotes.phrases import np_back, np_forward
from toolkit.quotes.rules import lex_for, load_quote_rules

from ..conftest import quotes_of

LEX = lex_for(load_quote_rules())


def mention_before(text: str, word: str = "said"):
    S = Doc(text, [(0, len(text))]).sentence(0)
    k, j = np_back(LEX, S, S.low.index(word), 0)
    return mention(LEX, S, k, j)


@pytest.mark.parametrize(
    ("text", "name", "role", "kind", "plural", "gender"),
    [
        (
            "Provincial governor Husamuddin Shams said it.",
            "Husamuddin Shams",
            "Provincial governor",
            "person",
            False,
            "male",
        ),
        ("Mrs. Fatima Ahmadi said it.", "Fatima Ahmadi", None, "person", False, "female"),
        (
            "Iran's Foreign Minister Mohammad Javad Zarif said it.",
            "Mohammad Javad Zarif",
            "Iran's Foreign Minister",
            "person",
            False,
            "male",
        ),
        ("A Ministry of Defence official said it.", None, None, "person", False, None),
        ("Local officials said it.", None, None, "person", True, None),
        ("The ministry said it.", None, None, "org", False, None),
        ("The Taliban said it.", None, None, "org", False, None),
        ("A statement said it.", None, None, "document", False, None),
        ("She said it.", None, None, "pronoun", False, "female"),
        ("They said it.", None, None, "pronoun", True, None),
    ],
)
def test_name_role_kind_number_and_gender(text, name, role, kind, plural, gender):
    m = mention_before(text)
    assert (m.name, m.role, m.kind, m.plural, m.gender) == (name, role, kind, plural, gender)
    assert m.S.text[m.start : m.end] == m.text


def test_heads_strength_and_reference():
    m = mention_before("The Iranian foreign minister said it.")
    assert m.head == "minister" and m.resolvable and m.definite and m.strong
    assert {"iranian", "foreign", "minister"} <= m.mods
    unknown = mention_before("The architect said it.")
    assert unknown.head == "architect" and not unknown.strong
    text = "Many of the doctors said it."
    S = Doc(text, [(0, len(text))]).sentence(0)
    part = mention(LEX, S, *np_forward(LEX, S, 0, S.low.index("said")))
    assert (part.text, part.head, part.plural) == ("Many of the doctors", "doctors", True)


def test_a_coordinated_subject_is_one_group():
    text = "Jeff Merkley, Sherrod Brown and Robert Menendez said it."
    S = Doc(text, [(0, len(text))]).sentence(0)
    k, j, last = coordinated(LEX, S, np_back(LEX, S, S.low.index("said"), 0), 0)
    group = group_mention(LEX, S, (k, j, last))
    assert group.text == "Jeff Merkley, Sherrod Brown and Robert Menendez" and group.plural


@pytest.mark.parametrize(
    "text",
    [
        "Video footage showed the fighters entering the city.",
        "The Office of Personnel Management shall support the hiring.",
        "The President's plan outlines support for the youth.",
        "The Seventh Replenishment said the fund needs money.",
        "As the Lord says, we must go.",
        "People say the war is over.",
        "The Leaders welcomed the progress on trade.",
        "Americans want the troops home.",
        "State Department diplomats sort of said the talks failed.",
        "A lot of said the talks failed.",
    ],
)
def test_objects_fragments_and_phrases_with_verbs_are_no_speakers(text):
    table = quotes_of(text)
    assert table["speaker"].isna().all()
    refused = table[table["evidence"].str.contains("not a source")]
    assert len(refused) and (refused["confidence"] < 0.5).all()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Afghan leaders said the talks failed.", "Afghan leaders"),
        ("Officials said the talks failed.", "officials"),
    ],
)
def test_a_group_with_more_words_or_a_role_is_a_source(text, speaker):
    assert quotes_of(text)["speaker"].tolist() == [speaker]


def test_greetings_and_interjections_are_no_names():
    # "No." and "Let" open sentences; neither is anyone "he" could refer to
    table = quotes_of("Thank you. Let me say that we are ready.\n\nNo. He said it was over.")
    assert table["speaker"].isna().all()
    # a greeting before a name is not part of it
    text = "Welcome Jack Markell, our coordinator.\n\nGOVERNOR MARKELL: Thanks. We are ready."
    assert set(quotes_of(text)["speaker"]) == {"Jack Markell"}


def test_a_clause_opener_is_not_part_of_the_speaker():
    table = quotes_of("We know that Russian officials said the talks failed.")
    said = table[table["cue"] == "said"]
    assert said[["speaker", "speaker_mention"]].values.tolist() == [
        ["Russian officials", "Russian officials"]
    ]
    # what "we know" is the whole attribution that follows
    know = table[table["cue"] == "know"]
    assert know["text"].tolist() == ["that Russian officials said the talks failed"]
    # a demonstrative opening the sentence stays
    assert quotes_of("That Russian official said the talks failed.")["speaker"].tolist() == [
        "That Russian official"
    ]

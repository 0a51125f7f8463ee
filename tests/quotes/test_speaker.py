"""Speaker finding: the speaker before, after or in apposition to the cue, and subjects that are more than a name."""

from __future__ import annotations

import pytest

from ..conftest import quotes_of, row_starting


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        ('"We will hold the city," the governor said.', "governor", "the governor"),
        ('"We will hold the city," said the governor.', "governor", "the governor"),
        ('"We will hold the city," Ahmad Zia said.', "Ahmad Zia", "Ahmad Zia"),
        ('Ahmad Zia said: "We will hold the city."', "Ahmad Zia", "Ahmad Zia"),
        ('Ahmad Zia said, "We will hold the city."', "Ahmad Zia", "Ahmad Zia"),
        ('"We will hold the city." \u2015 Ahmad Zia', "Ahmad Zia", "Ahmad Zia"),
    ],
)
def test_direct_patterns(text, speaker, mention):
    table = quotes_of(text)
    assert table["kind"].tolist() == ["direct"]
    row = table.iloc[0]
    assert row.text.startswith('"We will hold the city')
    assert (row.speaker, row.speaker_mention) == (speaker, mention)


def test_apposition_gives_name_and_role():
    table = quotes_of(
        "Fawad Aman, Deputy Spokesman for the Ministry of Defence, said the police "
        "offices had been retaken."
    )
    row = table.iloc[0]
    assert (row.speaker, row.role) == ("Fawad Aman", "Deputy Spokesman for the Ministry of Defence")
    table = quotes_of('"The enemy suffered," a special forces commander, Sayed Nezami, said.')
    row = table.iloc[0]
    assert (row.speaker, row.role) == ("Sayed Nezami", "special forces commander")


@pytest.mark.parametrize(
    ("text", "speaker", "mention", "content"),
    [
        # coordinated subjects
        (
            "Obama and Clinton say the attacks were not terrorism.",
            "Obama and Clinton",
            "Obama and Clinton",
            "the attacks",
        ),
        (
            "Jeff Merkley, Sherrod Brown and Robert Menendez suggested that the claims were false.",
            "Jeff Merkley, Sherrod Brown and Robert Menendez",
            "Jeff Merkley, Sherrod Brown and Robert Menendez",
            "that the claims",
        ),
        # subjects with their modifiers: a prepositional phrase, a reduced relative
        (
            "Political observers in Virginia say Scott deserves the seat.",
            "political observers in Virginia",
            "Political observers in Virginia",
            "Scott deserves",
        ),
        (
            "All the experts I interviewed said the plan was too complex.",
            "All the experts",
            "All the experts",
            "the plan was",
        ),
        ("Those close to him say that he will run.", "Those", "Those", "that he will run"),
        # parts of a group
        (
            "Many of them say the attacks were not terrorism.",
            "many of them",
            "Many of them",
            "the attacks",
        ),
        (
            "One of the doctors called Oz a quack.",
            "One of the doctors",
            "One of the doctors",
            "Oz a quack",
        ),
        # a superlative after a determiner or a possessor is part of the phrase
        (
            "Sanders's most passionate supporters claim that the primary was rigged.",
            "Sanders's most passionate supporters",
            "Sanders's most passionate supporters",
            "that the primary",
        ),
        (
            "The most senior officials said that the talks had failed.",
            "most senior officials",
            "The most senior officials",
            "that the talks",
        ),
        # an unknown plural head before a modifier; names joined by a slash
        (
            "Some advocates for stem cell research said that the plan was flawed.",
            "some advocates",
            "Some advocates",
            "that the plan",
        ),
        (
            "A Times/CBS News poll in December found that voters were split.",
            "Times/CBS News poll",
            "A Times/CBS News poll",
            "that voters",
        ),
        # a share before the people it counts
        (
            "About four in 10 voters said that the economy was worse.",
            "About four in 10 voters",
            "About four in 10 voters",
            "that the economy",
        ),
        (
            "Four out of 10 said that the economy was worse.",
            "four out of 10",
            "Four out of 10",
            "that the economy",
        ),
        # a share after "only"
        (
            "Only 24 percent said she did nothing wrong.",
            "Only 24 percent",
            "Only 24 percent",
            "she did",
        ),
        # the antecedent of a relative pronoun; the clause ends at its comma
        (
            "The architect, who said he was never paid, sued the company.",
            "architect",
            "who",
            "he was never paid",
        ),
    ],
)
def test_subjects_that_are_more_than_a_name(text, speaker, mention, content):
    row = row_starting(quotes_of(text), content)
    assert (row.speaker, row.speaker_mention) == (speaker, mention)
    if mention == "who":
        assert row.text == "he was never paid"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the name in apposition after a description the lists do not know
        ('"We are worried," said another Twitter user, Johanna Bayer.', "Johanna Bayer"),
        # the person, not the firm that follows the name
        (
            '"We are worried," said Andrew J. Pincus of the law firm Mayer Brown.',
            "Andrew J. Pincus",
        ),
        # a lower-case description in the place of a title
        ('"We are worried," said retired neurosurgeon Ben Carson.', "Ben Carson"),
        # "by" and a bare noun: the means of saying, not a passive
        ('"We are worried," Mr. Trump said by telephone.', "Trump"),
    ],
)
def test_inverted_speakers_after_descriptions(text, speaker):
    assert quotes_of(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a share of people and where they are
        (
            "Many in the crowd said the senator was the only candidate they trusted.",
            "Many in the crowd",
        ),
        ("Some at the meeting argued the deal was unfair.", "Some at the meeting"),
        # a count of people
        ("The terrain is easy, said a handful of Democrats.", "a handful of Democrats"),
        ("Dozens of protesters said the vote was rigged.", "Dozens of protesters"),
        # fractions, alone or of the people they count
        ("About three-quarters support a temporary ban.", "About three-quarters"),
        (
            "About two-thirds of Republican voters support the ban.",
            "About two-thirds of Republican voters",
        ),
    ],
)
def test_shares_and_counts_of_people_as_speakers(text, mention):
    table = quotes_of(text)
    assert table["speaker_mention"].tolist() == [mention]


def test_a_hyphenated_noun_the_lists_do_not_know_heads_a_subject():
    table = quotes_of("The GOP front-runner said Clinton caused tremendous damage.")
    assert table[["speaker_mention", "text"]].values.tolist() == [
        ["The GOP front-runner", "Clinton caused tremendous damage"]
    ]


@pytest.mark.parametrize(
    ("text", "mention", "content"),
    [
        # an aside between dashes with a cue of its own
        (
            "The governor - who once said he would never run - said at a rally in "
            "Ohio that the state would sue.",
            "The governor",
            "that the state would sue",
        ),
        # a participle aside holding a quotation
        (
            "The mayor, citing ''an old saying,'' said the city would rebuild.",
            "The mayor",
            "the city would rebuild",
        ),
        # "including" between commas after a subject with a participle
        (
            "Several farmers interviewed near the border, including Mr. Diaz, said "
            "they had lost their crops.",
            "Several farmers",
            "they had lost their crops",
        ),
        # a coordinated aside between dashes
        (
            "Most delegates in the hall -- and a few of the guests -- said the vote was fair.",
            "Most delegates",
            "the vote was fair",
        ),
    ],
)
def test_the_subject_before_an_aside_speaks(text, mention, content):
    row = row_starting(quotes_of(text), content)
    assert row.cue == "said"
    assert row.speaker_mention.startswith(mention)


def test_a_quotation_after_a_cue_belongs_to_it_not_to_the_cue_after():
    table = quotes_of("The mayor, citing ''an old saying,'' said the city would rebuild.")
    quoted = table[table["kind"] != "indirect"]
    assert quoted["cue"].tolist() == ["citing"]


@pytest.mark.parametrize(
    "text",
    [
        "Even a veteran strategist said the race was over.",
        "Numerous veterans said the clinic had closed.",
    ],
)
def test_subjects_after_a_focus_adverb_or_with_an_unknown_plural_head(text):
    table = quotes_of(text)
    assert table["cue"].tolist() == ["said"]
    assert table["speaker_mention"].iloc[0].split()[-1] in ("strategist", "veterans")


def test_a_preposition_opening_the_sentence_is_no_speaker():
    table = quotes_of(
        "Alongside union calls for a strike, a senior organiser said talks had failed."
    )
    said = table[table["cue"] == "said"]
    assert said["speaker_mention"].tolist() == ["a senior organiser"]
    assert not table["speaker_mention"].str.startswith("Alongside").any()


def test_an_aside_between_dashes_that_opens_with_a_preposition():
    row = row_starting(
        quotes_of("The senator -- after a long pause -- told reporters the bill was dead."),
        "the bill was dead",
    )
    assert row.speaker_mention == "The senator"


def test_who_after_a_thing_of_a_person_refers_to_the_person():
    text = (
        "They won the backing of former Gov. Jane Doe, who told reporters she would "
        "campaign for them."
    )
    row = row_starting(quotes_of(text), "she would campaign")
    assert row.speaker == "Jane Doe"


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # a count of time before "ago" between the subject and the cue
        ("The agency less than a year ago said the program would end.", "said", "agency"),
        # an adjective that opens a modifier of the subject
        ("A source familiar with the talks said the deal was close.", "said", "source"),
        # a relative pronoun, then an aside, then the cue
        (
            "They met the union's leaders, who, on a call Friday, criticized the plan.",
            "criticized",
            "union's leaders",
        ),
        # a coordinated predicate whose clause opens after a conjunction
        (
            'There was friction when Cruz met Rubio and called him a "weak leader."',
            "called",
            "Cruz",
        ),
        # a participle after a clause that opens with an introductory phrase
        (
            "In two interviews, the justice sounded off on the nominee, saying the hearings were unfair.",
            "saying",
            "justice",
        ),
    ],
)
def test_more_subjects_of_cues(text, cue, speaker):
    _assert_one_speaker(text, cue, speaker)


def _assert_one_speaker(text: str, cue: str, speaker: str) -> None:
    """The one row of ``cue`` (its partial quotations aside) names ``speaker``."""
    table = quotes_of(text)
    row = table[(table["cue"] == cue) & (table["kind"] != "partial")]
    assert len(row) == 1
    assert row["speaker"].iloc[0] == speaker


def test_a_gerund_after_a_preposition_has_no_subject_before_it():
    table = quotes_of("Beck has also criticized evangelical voters for not supporting Cruz.")
    assert table["speaker"].dropna().unique().tolist() == ["Beck"]
    assert not table["speaker_mention"].str.endswith(" for").any()


def test_a_verb_of_thought_coordinated_after_a_comma_keeps_its_speaker():
    table = quotes_of("He thinks the plan will pass, but believes the vote will be close.")
    assert table.set_index("cue")["speaker_mention"].to_dict() == {"thinks": "He", "believes": "He"}


def test_that_after_people_is_a_relative_pronoun():
    table = quotes_of("The suit was joined by several groups that support the rules.")
    row = table[table["cue"] == "support"].iloc[0]
    assert (row.speaker_mention, row.text) == ("that", "the rules")
    assert "groups" in row.speaker


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # "been" before an adjective of stance
        ("The columnist has been critical of the senator for months.", "critical of", "columnist"),
        # a directive with its preposition
        ("The governor called on lawmakers to pass the budget.", "called on", "governor"),
        # a study with its modifiers opens the clause of a verb of evidence
        (
            "Research conducted by the Institute for Health and Human Development found "
            "that rates had doubled.",
            "found",
            "research",  # a common noun's canonical name is in lower case
        ),
        # modals that are names beside another name
        ("Prime Minister Theresa May said the talks would go on.", "said", "Theresa May"),
        ("Columnist George Will urged voters to stay home.", "urged", "George Will"),
    ],
)
def test_cues_after_be_and_names_that_are_modals(text, cue, speaker):
    _assert_one_speaker(text, cue, speaker)


def test_a_modal_is_no_name_on_its_own():
    table = quotes_of("Will the talks go on? The plan will work, officials said.")
    assert table["speaker"].tolist() == ["officials"]


def test_a_verb_of_intention_before_a_question_word():
    table = quotes_of("The senator may have to decide how far to distance herself from the party.")
    assert table["cue"].tolist() == ["decide"]


def test_an_apposition_with_a_cue_of_its_own_before_the_cue():
    text = (
        "Mr. Lopez, a farmer who described himself as a lifelong Democrat, said he "
        "would vote for the governor."
    )
    table = quotes_of(text)
    said = table[table["cue"] == "said"].iloc[0]
    assert (said.speaker, said.text) == ("Lopez", "he would vote for the governor")
    described = table[table["cue"] == "described"].iloc[0]
    assert described.text == "himself as a lifelong Democrat"


def test_a_stray_comma_after_a_parenthesis():
    row = quotes_of("Sen. Jane Doe (D-Ore.), said on Tuesday that the bill would pass.").iloc[0]
    assert (row.speaker, row.text) == ("Jane Doe", "that the bill would pass")


def test_the_subject_before_a_long_parenthesis():
    text = (
        "Sen. Jane Doe (a first-term Democrat so young she has been mistaken for an "
        "intern) says she was lost in her first weeks."
    )
    row = quotes_of(text).iloc[0]
    assert (row.speaker, row.text) == ("Jane Doe", "she was lost in her first weeks")


def test_a_past_tense_after_a_name_is_its_verb_not_an_adjective():
    table = quotes_of("The mayor rallied voters by warning that the plant would close.")
    assert table["speaker_mention"].tolist() == ["The mayor"]
    table = quotes_of("Ortega rallied supporters by warning that the plant would close.")
    assert table["speaker_mention"].tolist() == ["Ortega"]


def test_a_name_with_party_and_state_after_a_common_word_is_the_subject():
    table = quotes_of("At the state convention Sen. Mary Ostrow (D-VT) said the bill had failed.")
    assert table["speaker_mention"].tolist() == ["Mary Ostrow"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The minister has since said that the road will reopen.", "The minister"),
        ("The two leaders together vowed to reopen the road.", "The two leaders"),
        ("About a third agreed that the road should reopen.", "About a third"),
        ("Less than a quarter said the road should reopen.", "Less than a quarter"),
    ],
)
def test_adverbs_and_shares_before_the_cue(text, speaker):
    assert quotes_of(text)["speaker_mention"].tolist() == [speaker]


def test_the_subject_before_the_names_it_describes_between_dashes():
    table = quotes_of(
        "The two envoys -- Ms. Ortega and Mr. Lindqvist -- agreed that the talks should resume."
    )
    assert table["speaker_mention"].tolist() == ["The two envoys"]


def test_coordinated_names_in_apposition_are_the_speakers():
    table = quotes_of("Two neighbours, Anna Kowalski and Peter Brandt, had challenged the permit.")
    assert table["speaker_mention"].tolist() == ["Anna Kowalski and Peter Brandt"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Will urged the party to choose another candidate.", "Will"),
        ("May says the party must change.", "May"),
        ("The governor in May said that she would stay.", "The governor"),
        ("The agency in early March 2016 announced that it would close.", "The agency"),
    ],
)
def test_a_modal_before_a_finite_cue_is_a_name_and_a_month_is_an_adjunct(text, speaker):
    assert quotes_of(text)["speaker_mention"].tolist() == [speaker]

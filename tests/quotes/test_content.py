"""Content spans: what each cue reports, and what belongs to whom."""

from __future__ import annotations

import pytest

from ..conftest import quotes_of, row_starting


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Officials said the city had fallen overnight.", "the city had fallen", "officials"),
        ("Officials said that the city had fallen.", "that the city had fallen", "officials"),
        ("The city had fallen overnight, the governor said.", "The city had fallen", "governor"),
        ("The city had fallen, said Mayor Ahmad Zia.", "The city had fallen", "Ahmad Zia"),
        (
            "According to the Interior Ministry, the city had fallen.",
            "the city had fallen",
            "Interior Ministry",
        ),
        (
            "The city had fallen, according to local officials.",
            "The city had fallen",
            "local officials",
        ),
        (
            "Governor Ahmad Zia told Reuters the city had fallen.",
            "the city had fallen",
            "Ahmad Zia",
        ),
        (
            "Governor Ahmad Zia told reporters on Monday that the city had fallen.",
            "that the city had fallen",
            "Ahmad Zia",
        ),
        ("The Taliban confirmed the city had fallen.", "the city had fallen", "Taliban"),
        ("The ministry warned that the city could fall.", "that the city could fall", "ministry"),
        ("The commander insisted the city would hold.", "the city would hold", "commander"),
    ],
)
def test_indirect_patterns(text, content, speaker):
    table = quotes_of(text)
    indirect = table[table["kind"] == "indirect"]
    assert len(indirect) == 1, table[["text", "speaker"]]
    row = indirect.iloc[0]
    assert row.text.startswith(content)
    assert row.speaker == speaker


def test_quotation_split_by_its_attribution():
    table = quotes_of('"We will hold the city," the governor said, "and we will win."')
    assert table["kind"].tolist() == ["direct", "direct"]
    assert table["speaker"].tolist() == ["governor", "governor"]
    assert table["text"].tolist() == ['"We will hold the city,"', '"and we will win."']


def test_partial_quotation_inside_reported_speech():
    table = quotes_of('The minister hailed the "defeat" of US troops after two decades of war.')
    indirect, partial = table.iloc[0], table.iloc[1]
    assert (indirect.kind, partial.kind) == ("indirect", "partial")
    assert partial.text == '"defeat"' and partial.part_of == indirect.quote_id
    assert partial.speaker == indirect.speaker == "minister"


def test_cues_inside_reported_speech_belong_to_it():
    table = quotes_of("Police said he posed a threat and refused to drop the gun.")
    assert table["text"].tolist() == ["he posed a threat and refused to drop the gun"]
    assert table["speaker"].tolist() == ["Police"]


def test_a_cue_without_content_does_not_cut_the_one_before():
    row = quotes_of("A curfew would continue through the weekend, officials said.").iloc[0]
    assert (row.text, row.speaker) == ("A curfew would continue through the weekend", "officials")


def test_interrupted_sentence_goes_on_after_a_subordinator():
    table = quotes_of("Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.")
    assert table["text"].tolist() == ["Lenox was a juggernaut", "until it went bankrupt in 1999"]
    assert table["speaker"].tolist() == ["Clarke", "Clarke"]


@pytest.mark.parametrize(
    ("text", "quotation", "speaker"),
    [
        (
            'As the magazine put it in a long profile, "the operator."',
            '"the operator."',
            "magazine",
        ),
        (
            '"Promise mama you\'ll keep your hands in sight," Blige sings to Clinton.',
            '"Promise mama',
            "Blige",
        ),
    ],
)
def test_quoted_fragments_after_quotation_cues(text, quotation, speaker):
    row = row_starting(quotes_of(text), quotation)
    assert (row.kind, row.speaker) == ("direct", speaker)


def test_a_sentence_cut_off_after_its_cue_reads_as_if_it_ended_there():
    # text cut off mid-sentence ("..., telling Reuters,") is read like a full stop
    cut = quotes_of("Trump returned the compliment to Adelson, telling Reuters,")
    whole = quotes_of("Trump returned the compliment to Adelson, telling Reuters.")
    assert cut[["text", "speaker", "cue"]].equals(whole[["text", "speaker", "cue"]])
    assert cut["text"].tolist() == ["Trump returned the compliment to Adelson"]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said that the city would hold, even though the army had left.",
        "Officials said that the city would hold \u2013 even though the army had left.",
        "Officials said that the city would hold \u2014 but the army had left.",
    ],
)
def test_content_ends_at_a_clause_boundary_after_a_comma_or_dash(text):
    row = quotes_of(text).iloc[0]
    assert row.text == "that the city would hold"


def test_source_preposition_inside_its_clause_reports_both_sides():
    table = quotes_of("The implication, according to the aide, is that the rules were broken.")
    assert table["text"].tolist() == ["The implication", "is that the rules were broken"]
    assert (table["speaker"] == "aide").all()
    # after a phrase of time or a prepositional phrase it reports what follows
    for opening in ("The next day", "Since last November"):
        row = quotes_of(f"{opening}, according to the ministry, the city fell to the Taliban.")
        assert row["text"].tolist() == ["the city fell to the Taliban"]
    # a clause that follows it is not what it reports
    table = quotes_of("The city fell, according to the ministry, although the army denied it.")
    assert table["text"].tolist() == ["The city fell"]


def test_an_attribution_reported_by_another_is_inside_its_content():
    # the outer cue reports the inner attribution with its content, and keeps
    # its own speaker; the inner one keeps its own
    table = quotes_of("Democrats say those revelations show that the charges are overblown.")
    say = table[table["cue"] == "say"].iloc[0]
    assert (say.speaker, say.text) == (
        "Democrats",
        "those revelations show that the charges are overblown",
    )
    show = table[table["cue"] == "show"].iloc[0]
    assert show.text == "that the charges are overblown"
    told = quotes_of("Donald Trump told reporters he thought the count had been rigged.")
    assert told[told["cue"] == "told"].iloc[0].text == "he thought the count had been rigged"


def test_an_attribution_inside_another_is_nested_and_counted_once():
    import toolkit

    text = "Democrats say those revelations show that the charges are overblown."
    table = quotes_of(text)
    nested = dict(zip(table["cue"], table["nested"], strict=True))
    assert nested == {"say": False, "show": True}
    # who speaks: the Democrats, once; the revelations only inside their claim
    counts = toolkit.speakers(table)
    assert counts["speaker"].tolist() == ["Democrats"]


def test_a_relative_aside_between_cue_and_clause_is_skipped():
    text = "Lewandowski said on CNN, where he is now a paid contributor, that the aide should go."
    row = quotes_of(text).iloc[0]
    assert (row.speaker, row.text) == ("Lewandowski", "that the aide should go")


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Graham told ''Meet the Press'' on Sunday that Mr. Trump had shown disrespect.",
        'Mr. Graham told "Fox News Sunday" that Mr. Trump had shown disrespect.',
        'Mr. Graham said on "Fox News Sunday" that Mr. Trump had shown disrespect.',
    ],
)
def test_a_programme_named_in_quotation_marks_is_no_content(text):
    table = quotes_of(text)
    assert table["text"].tolist() == ["that Mr. Trump had shown disrespect"]
    assert table["speaker"].tolist() == ["Graham"]


def test_a_quotation_opening_the_sentence_as_a_title_is_no_quotation():
    assert quotes_of("''Billions,'' the new series, opened to strong reviews.").empty


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Mr. Ackman told investors that the concerns were overblown.",
            "that the concerns were overblown",
        ),
        ("Mr. Ackman told shareholders how the company would grow.", "how the company would grow"),
    ],
)
def test_the_people_addressed_are_not_content(text, content):
    assert quotes_of(text)["text"].tolist() == [content]


def test_a_verb_of_thought_in_a_subordinate_clause_is_part_of_the_content():
    table = quotes_of(
        "Ms. Khan said she had not spoken because she did not believe she could go on."
    )
    outer = table[table["cue"] == "said"].iloc[0]
    assert outer.text == "she had not spoken because she did not believe she could go on"
    inner = table[table["cue"] == "believe"].iloc[0]
    assert bool(inner.nested) and inner.text == "she could go on"
    # a clause of its own after "and" is another attribution
    table = quotes_of("Analysts said the economy is weak, and investors believe rates will rise.")
    assert table["text"].tolist() == ["the economy is weak", "rates will rise"]


@pytest.mark.parametrize(
    "text",
    [
        "Wilson told The Daily Gazette newspaper of Omaha on Friday that he voted early.",
        'Wilson told NBC\'s "Today Show" that he voted early.',
    ],
)
def test_the_person_addressed_runs_to_that(text):
    table = quotes_of(text)
    assert table["text"].tolist() == ["that he voted early"]


def test_what_was_said_comes_before_when_an_adjunct_clause_follows():
    table = quotes_of("This is not about me, the senator told his aides as he left the room.")
    assert table["text"].tolist() == ["This is not about me"]


def test_a_cue_between_commas_reports_both_sides_of_its_clause():
    table = quotes_of("At one point, she said, she was considering a run for the Senate.")
    said = table[table["cue"] == "said"]
    assert said["text"].tolist() == ["At one point", "she was considering a run for the Senate"]


@pytest.mark.parametrize(
    "text",
    [
        "In a statement on Thursday, she said, the agency had acted within the law.",
        "At a rally in Toledo, she said, the agency had acted within the law.",
    ],
)
def test_an_opening_phrase_that_sets_the_scene_is_not_reported(text):
    table = quotes_of(text)
    assert table["text"].tolist() == ["the agency had acted within the law"]


@pytest.mark.parametrize(
    "text",
    [
        "Democrats had made history, she said in a video message to the convention.",
        "Democrats had made history, she said in an interview with The Boston Globe.",
    ],
)
def test_the_noun_phrase_that_ends_an_adjunct_is_not_content(text):
    assert quotes_of(text)["text"].tolist() == ["Democrats had made history"]


def test_a_result_clause_goes_on_with_what_was_said():
    table = quotes_of("He said he would win every delegate, so he would have enough votes.")
    assert table["text"].tolist() == ["he would win every delegate, so he would have enough votes"]


def test_an_opening_clause_ends_the_phrase_its_stance_reports():
    table = quotes_of(
        "Ever since she endorsed the governor this month, the senator has been a target."
    )
    assert table["text"].tolist() == ["the governor this month"]


def test_this_after_the_person_addressed_opens_the_content():
    table = quotes_of("The senator told reporters this was the last chance to pass the bill.")
    assert table["text"].tolist() == ["this was the last chance to pass the bill"]
    # but "this week" is an adjunct
    table = quotes_of("The senator said this week that the bill would pass.")
    assert table["text"].tolist() == ["that the bill would pass"]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            'The new tariffs are "a tax on every family," said an economist at the bank.',
            'The new tariffs are "a tax on every family,"',
        ),
        (
            "The governor's budget is ''a fantasy,'' the treasurer said on Monday.",
            "The governor's budget is ''a fantasy,''",
        ),
    ],
)
def test_a_clause_that_runs_into_its_quotation_is_reported_with_it(text, clause):
    table = quotes_of(text)
    indirect, partial = table.iloc[0], table.iloc[1]
    assert (indirect.kind, indirect.text) == ("indirect", clause)
    assert partial.kind == "partial" and partial.part_of == indirect.quote_id


@pytest.mark.parametrize(
    ("text", "quotation"),
    [
        (
            'Asked about the tariffs, "we will not back down," the minister said.',
            '"we will not back down,"',
        ),
        (
            'She told them that "the plan will work," the minister said later.',
            '"the plan will work,"',
        ),
    ],
)
def test_a_quotation_after_a_comma_or_its_own_cue_is_reported_alone(text, quotation):
    said = quotes_of(text).query("cue == 'said'")
    assert said["text"].tolist() == [quotation]
    assert said["kind"].tolist() == ["direct"]


def test_a_quotation_before_according_to_is_reported_by_it():
    table = quotes_of(
        'The visit became "the low point of the talks," according to an aide.',
        '"We will not sign it," according to the minister.',
    )
    first = table[table["doc_id"] == table["doc_id"].iloc[0]]
    assert first["kind"].tolist() == ["indirect", "partial"]
    assert first["text"].iloc[0] == 'The visit became "the low point of the talks,"'
    second = table[table["doc_id"] != table["doc_id"].iloc[0]]
    assert second[["kind", "text"]].values.tolist() == [["direct", '"We will not sign it,"']]
    assert set(table["cue"]) == {"according to"}


def test_a_relative_clause_reported_with_quoted_words_in_its_predicate():
    table = quotes_of(
        'She has two sons, who she said were living abroad and "finding their own way."'
    )
    assert table["text"].tolist() == [
        "who",
        'were living abroad and "finding their own way."',
        '"finding their own way."',
    ]
    assert table["kind"].tolist() == ["indirect", "indirect", "partial"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "As reported by the Tribune, the council had sold the land.",
            "the council had sold the land",
            "the Tribune",
        ),
        (
            "The council had sold the land, as first reported by the Tribune.",
            "The council had sold the land",
            "the Tribune",
        ),
    ],
)
def test_as_reported_by_names_the_source_of_its_clause(text, content, speaker):
    table = quotes_of(text)
    assert table[["text", "speaker_mention"]].values.tolist() == [[content, speaker]]

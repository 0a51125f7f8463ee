"""Noun phrases: the walk back from a cue and forward from a token."""

from __future__ import annotations

import pytest

from toolkit.quotes.document import Doc
from toolkit.quotes.phrases import apposition_after, clause_subject, np_back, np_forward
from toolkit.quotes.rules import lex_for, load_quote_rules

LEX = lex_for(load_quote_rules())


def sentence(text: str):
    return Doc(text, [(0, len(text))]).sentence(0)


def words(S, span) -> str | None:
    return None if span is None else S.text[S.s[span[0]] : S.e[span[1] - 1]]


def before(text: str, word: str) -> str | None:
    S = sentence(text)
    return words(S, np_back(LEX, S, S.low.index(word), 0))


def after(text: str, word: str) -> str | None:
    S = sentence(text)
    return words(S, np_forward(LEX, S, S.low.index(word) + 1, S.n))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Provincial governor Husamuddin Shams said the city fell.",
            "Provincial governor Husamuddin Shams",
        ),
        ("Iran's foreign minister said the talks went well.", "Iran's foreign minister"),
        ("A Ministry of Defence official said the city fell.", "A Ministry of Defence official"),
        ("Then the minister of the economy said prices rose.", "the minister of the economy"),
        ("Osama bin Laden said the war would go on.", "Osama bin Laden"),
        ("Mike Pence (R-IN) said the bill would pass.", "Mike Pence (R-IN)"),
        (
            "The 2014 American Community Survey said rents rose.",
            "The 2014 American Community Survey",
        ),
        ("And worried residents said the city fell.", "worried residents"),
        ("Everyone knew it when she said that.", "she"),
    ],
)
def test_the_phrase_before_a_cue(text, phrase):
    assert before(text, "said") == phrase


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The city had fallen, said Mayor Ahmad Zia on Monday.", "Mayor Ahmad Zia"),
        (
            "The city fell, said the Deputy Spokesman for the Ministry of Defence.",
            "the Deputy Spokesman for the Ministry of Defence",
        ),
        ("The city fell, said about 200 residents.", "about 200 residents"),
        ("The city fell, said many of the experts.", "many of the experts"),
        ("The city fell, said many of them.", "many of them"),
        ("The city fell, said those close to him.", "those"),
        ("The city fell, said one of the docs.", "one of the docs"),
        ("The city fell, said a recent Reuters survey.", "a recent Reuters survey"),
        ("The city fell, said the.", None),
    ],
)
def test_the_phrase_after_a_cue(text, phrase):
    assert after(text, "said") == phrase


def test_a_phrase_never_runs_into_a_quotation():
    S = sentence('"We won," the governor said.')
    assert words(S, np_back(LEX, S, S.low.index("said"), 0)) == "the governor"
    assert np_back(LEX, S, S.low.index("the"), 0) is None  # just after the quotation


def test_apposition_and_clause_subject():
    S = sentence("Fawad Aman, Deputy Spokesman for the Ministry of Defence, said it.")
    name = np_forward(LEX, S, 0, S.n)
    assert words(S, name) == "Fawad Aman"
    role = apposition_after(LEX, S, name[1], S.n)
    assert words(S, role) == "Deputy Spokesman for the Ministry of Defence"
    S = sentence("But in his opening remarks, the minister said talks would begin.")
    assert words(S, clause_subject(LEX, S, S.n)) == "the minister"

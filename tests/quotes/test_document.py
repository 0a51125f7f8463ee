"""The document model: quotation marks paired, nested, typographic, doubled or unbalanced."""

from __future__ import annotations

from ..conftest import quotes_of, row_starting


def test_nested_single_quotes_stay_inside():
    row = quotes_of("\"He told me 'leave now' and I left,\" said Karim Haidari.").iloc[0]
    assert row.text == "\"He told me 'leave now' and I left,\""
    assert row.speaker == "Karim Haidari"


def test_typographic_marks_without_cleaning():
    text = "\u201cWe won,\u201d said Karim Haidari. \u201cThey lost.\u201d"
    table = quotes_of(text, clean=False)
    assert table["text"].tolist() == ["\u201cWe won,\u201d", "\u201cThey lost.\u201d"]
    assert table["speaker"].tolist() == ["Karim Haidari", "Karim Haidari"]


def test_doubled_apostrophes_are_quotation_marks():
    row = quotes_of("''It has the virtue of being responsible,'' Mr. Burman said.").iloc[0]
    assert row.kind == "direct" and row.speaker == "Burman"
    assert row.text == "''It has the virtue of being responsible,''"


def test_unbalanced_marks_do_not_derail_the_document():
    text = (
        'The "stray mark opens nothing here. Officials said the city fell.\n\n'
        '"We will return," said Ahmad Zia. Another " stray one.\n\n'
        '"They fled," he said.'
    )
    table = quotes_of(text)
    assert row_starting(table, "the city fell").speaker == "officials"
    assert row_starting(table, '"We will return,"').speaker == "Ahmad Zia"
    assert row_starting(table, '"They fled,"').speaker == "Ahmad Zia"

"""The quotation table and the speakers table."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.quotes.table import QUOTE_COLUMNS, speakers

from ..conftest import quotes_of


def test_no_quotations_gives_an_empty_table_with_the_columns():
    table = quotes_of("The weather was fine.")
    assert table.empty and list(table.columns) == QUOTE_COLUMNS


def test_speakers_counts(sample_quotes):
    table = speakers(sample_quotes)
    bek = table.set_index("speaker").loc["Abdul Aziz Bek"]
    assert (bek.n_direct, bek.n_indirect, bek.n_partial) == (2, 1, 0)
    assert bek.n_quotes == 3
    # "Qala-e-Naw was ... now," (19 words) and "More than 200 ... escaped." (17 words)
    assert bek.words_quoted == 36
    assert bek.role == "head of Badghis' provincial council"
    assert bek.first_doc_id == "trtworld-2021-07-07-qala-e-naw"
    zarif = table.set_index("speaker").loc["Mohammad Javad Zarif"]
    # the partial quotations inside his reported speech are not counted twice
    assert zarif.n_partial == 3 and zarif.n_quotes == zarif.n_direct + zarif.n_indirect
    assert table["n_quotes"].is_monotonic_decreasing


def test_speakers_needs_a_quotes_table():
    with pytest.raises(ValueError, match="extract_quotes"):
        speakers(pd.DataFrame({"text": ["x"]}))
    assert speakers(quotes_of("Nothing here.")).empty

"""The voice join carries what a quotation table says about its speakers beyond the
name (``speaker_id`` across documents, ``press`` for reporters' questions), and
counts can be grouped by it, per 1,000 words of that group."""

from __future__ import annotations

import pandas as pd
import pytest

import toolkit

# A transcript: a reporter's question, an official's answer, then a statement.
TEXT = (
    "Q Is this a defeat?\n\n"
    "MS. PSAKI: It is a withdrawal and an evacuation.\n\n"
    "The evacuation continues."
)


@pytest.fixture(scope="module")
def corpus():
    return toolkit.load_corpus([TEXT], progress=False)


@pytest.fixture(scope="module")
def quotes(corpus):
    text = corpus.docs.text.iat[0]
    question = (text.index("Is"), text.index("?") + 1)
    answer = (text.index("It is"), text.index("evacuation.") + len("evacuation."))
    return pd.DataFrame(
        {
            "doc_id": ["doc1", "doc1"],
            "quote_id": [1, 2],
            "start": [question[0], answer[0]],
            "end": [question[1], answer[1]],
            "kind": ["indirect", "indirect"],
            "speaker": ["reporter", "Psaki"],
            "speaker_id": ["reporter", "Jen Psaki"],
            "press": [True, False],
        }
    )


def test_hits_carry_speaker_id_and_press(corpus, quotes):
    hits = toolkit.find_frames(corpus, quotes=quotes)
    table = hits[["text", "voice", "speaker", "speaker_id", "press"]]
    rows = [[None if pd.isna(v) else v for v in row] for row in table.to_numpy().tolist()]
    assert rows == [
        ["defeat", "reported", "reporter", "reporter", True],
        # speaker names the person as speaker_id does, across the corpus
        ["withdrawal", "reported", "Jen Psaki", "Jen Psaki", False],
        ["evacuation", "reported", "Jen Psaki", "Jen Psaki", False],
        ["evacuation", "narrator", None, None, None],  # outside any turn: neither
    ]
    assert str(hits["press"].dtype) == "boolean"


def test_counts_by_press_divide_by_the_words_of_each_group(corpus, quotes):
    table = toolkit.count_frames(corpus, by="press", quotes=quotes)
    found = table[table["mentions"] > 0]
    got = {
        (None if pd.isna(p) else bool(p), str(f)): (m, t)
        for p, f, m, t in found[["press", "frame", "mentions", "tokens"]].to_numpy()
    }
    # words: "Is this a defeat" 4; "It is a withdrawal and an evacuation" 7; the
    # rest ("Q", "MS", "PSAKI", "The evacuation continues") 6
    assert got == {
        (True, "defeat"): (1, 4),
        (False, "withdrawal"): (1, 7),
        (False, "evacuation"): (1, 7),
        (None, "evacuation"): (1, 6),
    }
    words = toolkit.count_terms(corpus, by="press", quotes=quotes)
    per_group = words.groupby("press", dropna=False)["count"].sum()
    assert per_group[True] == 4 and per_group[False] == 7


def test_counts_by_speaker_id(corpus, quotes):
    table = toolkit.count_frames(corpus, by="speaker_id", quotes=quotes)
    psaki = table[(table["speaker_id"] == "Jen Psaki") & (table["mentions"] > 0)]
    assert sorted(psaki["frame"].astype(str)) == ["evacuation", "withdrawal"]


def test_a_table_without_press_says_what_is_missing(corpus, quotes):
    plain = quotes.drop(columns=["speaker_id", "press"])
    hits = toolkit.find_frames(corpus, quotes=plain)
    assert "press" not in hits.columns and "speaker_id" not in hits.columns
    with pytest.raises(ValueError, match=r"by='press' needs a quotation table with a 'press'"):
        toolkit.count_frames(corpus, by="press", quotes=plain)
    with pytest.raises(ValueError, match=r"by='speaker_id' needs a quotation table"):
        toolkit.count_terms(corpus, by="speaker_id", quotes=plain)

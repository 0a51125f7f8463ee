"""One speaker per person across documents: resolve_speakers."""

from __future__ import annotations

import pandas as pd
import pytest

import toolkit


def ids(*names: str, roles=None) -> list:
    table = pd.DataFrame({"speaker": list(names)})
    if roles is not None:
        table["role"] = roles
    return toolkit.resolve_speakers(table)["speaker_id"].tolist()


def test_surname_title_and_case_forms_join_the_full_name():
    assert ids("Jen Psaki", "Psaki", "Ms. Psaki", "PSAKI") == ["Jen Psaki"] * 4
    assert ids("SULLIVAN", "Sullivan") == ["Sullivan", "Sullivan"]


def test_first_name_forms_join():
    assert len(set(ids("Joe Biden", "Joseph R. Biden", "Joseph Biden Jr.", "President Biden"))) == 1
    assert len(set(ids("Mohammad Ashraf Ghani", "Ashraf Ghani", "Ghani"))) == 1


def test_ambiguous_surnames_stay_apart_and_are_reported():
    table = pd.DataFrame({"speaker": ["Joe Biden", "Jill Biden", "Biden", "Jill Biden"]})
    out = toolkit.resolve_speakers(table)
    assert out["speaker_id"].tolist() == ["Joe Biden", "Jill Biden", "Biden", "Jill Biden"]
    assert out.attrs["ambiguous_speakers"] == {"Biden": ["Jill Biden", "Joe Biden"]}


def test_a_role_settles_an_ambiguous_surname():
    roles = ["President", None, "President", "First Lady"]
    assert ids("Joe Biden", "Jill Biden", "Biden", "Jill Biden", roles=roles)[2] == "Joe Biden"


def test_descriptions_merge_by_case_only():
    names = ["senior administration official"] * 2 + ["Senior Administration Official", "officials"]
    assert ids(*names) == ["senior administration official"] * 3 + ["officials"]


def test_the_input_is_not_changed_and_missing_speakers_stay_missing():
    table = pd.DataFrame({"speaker": ["Psaki", None]})
    out = toolkit.resolve_speakers(table)
    assert "speaker_id" not in table and out["speaker_id"].isna().tolist() == [False, True]


def test_a_table_without_speakers_is_refused():
    with pytest.raises(ValueError, match="speaker column"):
        toolkit.resolve_speakers(pd.DataFrame({"text": ["x"]}))


def test_joined_tables_resolve_as_one():
    a = pd.DataFrame({"doc_id": ["a"], "speaker": ["Jen Psaki"]})
    b = pd.DataFrame({"doc_id": ["b"], "speaker": ["PSAKI"]})
    joined = toolkit.resolve_speakers(pd.concat([a, b], ignore_index=True))
    assert joined["speaker_id"].tolist() == ["Jen Psaki", "Jen Psaki"]


def test_speakers_count_by_the_canonical_name():
    table = toolkit.extract_quotes(
        ["Press Secretary Jen Psaki said the airport was open.", "Psaki said the flights go on."]
    )
    who = toolkit.speakers(table)
    assert who.loc[who["speaker"] == "Jen Psaki", "n_quotes"].tolist() == [2]


def test_a_title_the_document_left_open_is_the_corpus_holder_of_it():
    resolved = ["Joe Biden"] * 9 + ["Vladimir Putin"]
    table = pd.DataFrame(
        {
            "speaker": [*resolved, "President", "Senior Administration Official"],
            "speaker_mention": ["THE PRESIDENT"] * 5 + ["the President"] * 5 + ["he", "it"],
        }
    )
    out = toolkit.resolve_speakers(table)
    assert out.attrs["title_holders"] == {"president": "Joe Biden"}
    assert out["speaker_id"].tolist()[-2:] == ["Joe Biden", "Senior Administration Official"]


def test_a_title_the_corpus_does_not_agree_on_stays_a_description():
    table = pd.DataFrame(
        {
            "speaker": ["Joe Biden"] * 8 + ["Vladimir Putin"] * 2 + ["President"],
            "speaker_mention": ["the President"] * 10 + ["the President"],
        }
    )
    out = toolkit.resolve_speakers(table)
    assert out.attrs["title_holders"] == {} and out["speaker_id"].iloc[-1] == "President"


def test_in_a_briefing_naming_two_presidents_the_president_is_the_corpus_one():
    remarks = (
        "MS. PSAKI: The President spoke with President Putin today.\n\n"
        "Q What did President Biden tell him?\n\n"
        "MS. PSAKI: The President said the sanctions would stay."
    )
    speech = "THE PRESIDENT: We will leave Afghanistan.\n\nTHE PRESIDENT: Our troops come home."
    docs = pd.DataFrame(
        {
            "doc_id": ["briefing", "remarks-1", "remarks-2", "remarks-3"],
            "title": ["Press Briefing"] + ["Remarks by President Biden"] * 3,
            "text": [remarks, speech, speech, speech],
        }
    )
    quotes = toolkit.extract_quotes(toolkit.load_corpus(docs, progress=False))
    said = quotes[quotes["text"].str.startswith("the sanctions")].iloc[0]
    assert (said.speaker, said.speaker_id) == ("President", "Biden")

"""Quotation extraction and speaker attribution.

The expected speakers for the bundled sample were written by reading the
article; the inline texts each exercise one pattern of news attribution.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.quotes.extract import QUOTE_COLUMNS, extract_quotes, load_quote_rules, speakers

from ..conftest import ROOT


def quotes_of(*texts: str, clean: bool = True) -> pd.DataFrame:
    corpus = toolkit.load_corpus(list(texts), clean=clean, progress=False)
    return extract_quotes(corpus)


def row_starting(table: pd.DataFrame, prefix: str) -> pd.Series:
    hits = table[table["text"].str.startswith(prefix)]
    assert len(hits) == 1, f"expected one row starting {prefix!r}, got {len(hits)}"
    return hits.iloc[0]


# ----------------------------------------------------------------- the sample

# Every quotation in marks in the sample article, with who says it (read by hand).
SAMPLE_DIRECT = {
    '"They entered some parts of the city': ("Husamuddin Shams", "he"),
    '"They were inside the city': ("Ministry of Defence official", "the official"),
    '"Qala-e-Naw was in a state of disarray': ("Abdul Aziz Bek", "he"),
    '"More than 200 prisoners': ("Abdul Aziz Bek", "he"),
    '"Today the people and political leaders': ("Mohammad Javad Zarif", "Mohammad Javad Zarif"),
    '"They will discuss and exchange opinions': ("Zabihullah Mujahid", "Mujahid"),
}
SAMPLE_PARTIAL = {
    '"cleared the area of the enemy.': "Sayed Nezami",
    '"difficult"': "Bismillah Mohammadi",
    '"defending Afghanistan and our compatriots': "Bismillah Mohammadi",
    '"discuss issues of mutual interest"': "Zabihullah Mujahid",
    '"some Afghan personalities"': "Zabihullah Mujahid",
    '"defeat"': "Mohammad Javad Zarif",
    '"extensive damage"': "Mohammad Javad Zarif",
    '"unfavourable results of continuing the conflict"': "Mohammad Javad Zarif",
}
# The main reported (indirect) speech: a phrase of the content -> speaker.
SAMPLE_INDIRECT = {
    "the Taliban had attacked the city of Qala-e-Naw": "Husamuddin Shams",
    "the insurgents had taken control of the provincial office": "Ministry of Defence official",
    "government forces had managed to take back control": "Fawad Aman",
    "Afghan forces began air strikes against Taliban fighters": "Abdul Aziz Bek",
    "other districts of Badghis outside the capital": "Husamuddin Shams",
    "an Afghan government delegation met with Taliban representatives": (
        "Iranian Foreign Ministry"
    ),
    "headed the Taliban delegation": "Iranian Foreign Ministry",
    "it has changed": "Taliban",
    "their pullout was more than 90 percent completed": "Pentagon",
}


@pytest.fixture(scope="module")
def sample_quotes(sample_corpus):
    return extract_quotes(sample_corpus)


def test_sample_direct_quotations_and_speakers(sample_quotes):
    direct = sample_quotes[sample_quotes["kind"] == "direct"]
    assert len(direct) == len(SAMPLE_DIRECT)
    for prefix, (speaker, mention) in SAMPLE_DIRECT.items():
        row = row_starting(direct, prefix)
        assert (row.speaker, row.speaker_mention) == (speaker, mention), prefix
        assert row.text.endswith('"')


def test_sample_roles_and_evidence(sample_quotes):
    shams = row_starting(sample_quotes, '"They entered')
    assert shams.role == "Provincial governor"
    assert shams.cue == "said" and "pronoun" in shams.evidence
    official = row_starting(sample_quotes, '"They were inside')
    assert "description" in official.evidence and "speaker after cue" in official.evidence
    prisoners = row_starting(sample_quotes, '"More than 200')
    assert prisoners.evidence.startswith("quotation-only paragraph")
    # the quotation-only paragraph is less sure than the quotation it follows
    assert prisoners.confidence < row_starting(sample_quotes, '"Qala-e-Naw').confidence
    zarif = row_starting(sample_quotes, '"Today the people')
    assert zarif.role == "Iran's Foreign Minister" and zarif.cue == "warned"
    mujahid = row_starting(sample_quotes, '"They will discuss')
    assert mujahid.role == "Taliban spokesman" and "surname" in mujahid.evidence


def test_sample_partial_quotations(sample_quotes):
    partial = sample_quotes[sample_quotes["kind"] == "partial"]
    for prefix, speaker in SAMPLE_PARTIAL.items():
        assert row_starting(partial, prefix).speaker == speaker, prefix
    nezami = row_starting(partial, '"cleared the area')
    assert nezami.role == "special forces commander"
    # a partial quotation lies inside the indirect row it belongs to
    parent = sample_quotes.set_index("quote_id").loc[int(nezami.part_of)]
    assert parent.kind == "indirect" and parent.start <= nezami.start < nezami.end <= parent.end
    defeat = row_starting(partial, '"defeat"')
    assert defeat.speaker_mention == "the Iranian foreign minister"


def test_sample_indirect_speech(sample_quotes):
    indirect = sample_quotes[sample_quotes["kind"] == "indirect"]
    for phrase, speaker in SAMPLE_INDIRECT.items():
        hits = indirect[indirect["text"].str.contains(phrase, regex=False)]
        assert len(hits) == 1, phrase
        assert hits.iloc[0].speaker == speaker, phrase
    aman = indirect[indirect["speaker"] == "Fawad Aman"].iloc[0]
    assert aman.role == "Deputy Spokesman for the Ministry of Defence"
    bek = indirect[indirect["speaker"] == "Abdul Aziz Bek"].iloc[0]
    assert bek.role == "head of Badghis' provincial council"


def test_sample_offsets_and_columns(sample_corpus, sample_quotes):
    assert list(sample_quotes.columns) == QUOTE_COLUMNS
    text = sample_corpus.docs.text.iloc[0]
    for r in sample_quotes.itertuples():
        assert text[r.start : r.end] == r.text
        if not pd.isna(r.speaker_start):
            assert text[int(r.speaker_start) : int(r.speaker_end)] == r.speaker_mention
        if not pd.isna(r.cue_start):
            assert text[int(r.cue_start) : int(r.cue_end)] == r.cue
    assert sample_quotes["quote_id"].tolist() == list(range(len(sample_quotes)))
    assert sample_quotes["start"].is_monotonic_increasing
    assert sample_quotes["confidence"].between(0, 1).all()


def test_sample_raw_corpus_keeps_typographic_marks(sample_raw_corpus):
    table = extract_quotes(sample_raw_corpus)
    text = sample_raw_corpus.docs.text.iloc[0]
    direct = table[table["kind"] == "direct"]
    assert len(direct) == len(SAMPLE_DIRECT)
    for r in table.itertuples():
        assert text[r.start : r.end] == r.text


# ------------------------------------------------------------- the patterns


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


def test_quotation_split_by_its_attribution():
    table = quotes_of('"We will hold the city," the governor said, "and we will win."')
    assert table["kind"].tolist() == ["direct", "direct"]
    assert table["speaker"].tolist() == ["governor", "governor"]
    assert table["text"].tolist() == ['"We will hold the city,"', '"and we will win."']


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


def test_pronoun_chain_follows_gender_and_recency():
    text = (
        "Fatima Ahmadi, a teacher in Herat, said the school had closed.\n\n"
        "Her brother, Ahmad Ahmadi, said he would leave the city.\n\n"
        '"We have no choice," she said.\n\n'
        '"The road is open," he added.'
    )
    table = quotes_of(text)
    assert row_starting(table, '"We have no choice').speaker == "Fatima Ahmadi"
    assert row_starting(table, '"The road is open').speaker == "Ahmad Ahmadi"


def test_pronoun_without_antecedent_leaves_speaker_empty():
    row = quotes_of('"We will hold the city," she said.').iloc[0]
    assert row.speaker_mention == "she"
    assert pd.isna(row.speaker)
    assert "unresolved pronoun" in row.evidence and row.confidence < 0.5


def test_surname_and_definite_descriptions():
    text = (
        "Provincial governor Husamuddin Shams said the Taliban had attacked. A Ministry of "
        "Defence official said the police headquarters had fallen. The Iranian Foreign "
        "Ministry said talks would begin.\n\n"
        '"We pushed them back," Shams said.\n\n'
        '"The city briefly collapsed," said the official.\n\n'
        "The talks were useful, the ministry said."
    )
    table = quotes_of(text)
    assert row_starting(table, '"We pushed').speaker == "Husamuddin Shams"
    assert row_starting(table, '"The city briefly').speaker == "Ministry of Defence official"
    assert row_starting(table, "The talks were useful").speaker == "Iranian Foreign Ministry"


def test_quotation_only_paragraph_continues_the_speaker():
    text = (
        '"The city is calm," said Ahmad Zia, the governor.\n\n'
        '"Shops have opened again and people are returning."\n\n'
        "The Taliban have not commented."
    )
    table = quotes_of(text)
    row = row_starting(table, '"Shops have opened')
    assert row.speaker == "Ahmad Zia" and row.role == "governor"
    assert row.evidence.startswith("quotation-only paragraph")


def test_quotation_over_several_paragraphs():
    text = (
        'Ahmad Zia, the governor, said: "The city is calm.\n\n'
        '"Shops have opened again.\n\n'
        '"People are returning," he added.'
    )
    table = quotes_of(text)
    direct = table[table["kind"] == "direct"]
    assert direct["text"].tolist() == [
        '"The city is calm.',
        '"Shops have opened again.',
        '"People are returning,"',
    ]
    assert direct["speaker"].tolist() == ["Ahmad Zia"] * 3
    assert direct["para_id"].tolist() == [0, 1, 2]
    assert "continued quotation" in direct["evidence"].iloc[1]


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


def test_partial_quotation_inside_reported_speech():
    table = quotes_of('The minister hailed the "defeat" of US troops after two decades of war.')
    indirect, partial = table.iloc[0], table.iloc[1]
    assert (indirect.kind, partial.kind) == ("indirect", "partial")
    assert partial.text == '"defeat"' and partial.part_of == indirect.quote_id
    assert partial.speaker == indirect.speaker == "minister"


def test_scare_quotes_and_titles_are_not_quotations():
    table = quotes_of(
        'The so-called "peace process" stalled.\n\nShe watched "Fox News Sunday" at home.'
    )
    assert table.empty


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


def test_transcript_labels():
    text = (
        "Press secretary Jen Psaki spoke to reporters on Monday.\n\n"
        "MS. PSAKI: We have been clear about the withdrawal.\n\n"
        "Q: Will the embassy stay open?"
    )
    table = quotes_of(text)
    psaki = row_starting(table, "We have been clear")
    assert psaki.speaker == "Jen Psaki" and psaki.evidence.startswith("transcript label")
    assert row_starting(table, "Will the embassy").speaker == "Q"


def test_min_confidence_keeps_the_sure_attributions(sample_corpus):
    everything = extract_quotes(sample_corpus)
    sure = extract_quotes(sample_corpus, min_confidence=0.9)
    assert 0 < len(sure) < len(everything)
    assert (sure["confidence"] >= 0.9).all()
    assert set(sure["quote_id"]) <= set(everything["quote_id"])
    with pytest.raises(ValueError, match="min_confidence"):
        extract_quotes(sample_corpus, min_confidence=2)


def test_documents_are_read_independently():
    one = quotes_of('"We won," said Karim Haidari.')
    two = quotes_of("Nothing was said here.", '"We won," said Karim Haidari.')
    assert two["doc_id"].astype(str).tolist() == ["doc2"]
    cols = ["start", "end", "text", "speaker", "confidence", "evidence"]
    assert two[cols].reset_index(drop=True).equals(one[cols])


def _many_documents(sample_corpus) -> toolkit.Corpus:
    """The sample article and variations of it, so that documents differ."""
    text = sample_corpus.docs["text"].iloc[0]
    docs = [text, "No one spoke.", '"We won," said Karim Haidari. He left.']
    for n in range(12):
        docs.append(text.replace("Shams", f"Shams{n}").replace("said", "added", n % 3))
    return toolkit.load_corpus(docs, progress=False)


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_worker_processes_give_the_same_table(sample_corpus, start_method, monkeypatch):
    import multiprocessing

    if start_method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{start_method} is not available here")
    from toolkit.quotes import extract as quotes_module

    monkeypatch.setattr(
        quotes_module,
        "worker_context",
        lambda explicit: multiprocessing.get_context(start_method),
    )
    corpus = _many_documents(sample_corpus)
    one = extract_quotes(corpus, workers=1)
    three = extract_quotes(corpus, workers=3)
    assert len(one) > 100 and one["doc_id"].nunique() == 14
    pd.testing.assert_frame_equal(one, three)


def test_workers_must_be_a_positive_whole_number(sample_corpus):
    for bad in (0, -2, 1.5, True, "2"):
        with pytest.raises(ValueError, match="workers"):
            extract_quotes(sample_corpus, workers=bad)


def test_default_workers_follow_corpus_size_and_program(monkeypatch):
    import threading
    import types

    from toolkit.quotes.extract import AUTO_WORKERS_CHARS, worker_context, worker_count

    assert worker_count(None, ["short text"] * 50) == 1
    assert worker_count(4, ["a", "b"]) == 2  # never more processes than documents
    big = ["x" * (AUTO_WORKERS_CHARS // 4)] * 5
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert worker_count(None, big) == min(cores or 1, 8, len(big))
    # a plain `python script.py` with threads running reads in one process unless
    # workers were asked for: spawning would run the script again
    script = types.ModuleType("__main__")
    script.__file__ = "analysis.py"
    script.__spec__ = None
    monkeypatch.setitem(sys.modules, "__main__", script)
    monkeypatch.setattr(threading, "active_count", lambda: 3)
    assert worker_context(explicit=False) is None
    assert worker_context(explicit=True).get_start_method() == "spawn"


def test_no_quotations_gives_an_empty_table_with_the_columns():
    table = quotes_of("The weather was fine.")
    assert table.empty and list(table.columns) == QUOTE_COLUMNS


# ------------------------------------- thought, intention, stance, evidence


# Attribution beyond verbs of saying, as PARC and PolNeAR annotate it: each text
# exercises one pattern; the expected content, speaker and cue type were written
# by reading the sentence.
@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue", "cue_type"),
    [
        # a verb of thought with its clause
        (
            "Analysts believe the offensive will stall.",
            "the offensive will stall",
            "analysts",
            "believe",
            "thought",
        ),
        # intention: an infinitive
        (
            "The governor wants to reopen the schools.",
            "to reopen the schools",
            "governor",
            "wants",
            "intention",
        ),
        (
            "The bloc aims to rely less on U.S. support.",
            "to rely less on U.S. support",
            "bloc",
            "aims",
            "intention",
        ),
        # preference and stance: an object
        (
            "Voters would choose Clinton over Trump.",
            "Clinton over Trump",
            "voters",
            "choose",
            "intention",
        ),
        (
            "The union endorsed Hillary Clinton for president.",
            "Hillary Clinton for president",
            "union",
            "endorsed",
            "stance",
        ),
        # speech about a topic
        (
            "Clinton discussed her plan for veterans on Monday.",
            "her plan for veterans",
            "Clinton",
            "discussed",
            "speech",
        ),
        # evidence: a poll or study as the source
        (
            "A poll shows Clinton ahead by three points.",
            "Clinton ahead by three points",
            "poll",
            "shows",
            "evidence",
        ),
        (
            "The Real Clear Politics average of polls taken over the past two weeks shows "
            "Clinton leading by three points.",
            "Clinton leading by three points",
            "Real Clear Politics average of polls",
            "shows",
            "evidence",
        ),
        # nominal cues: the possessor is the source
        (
            "Officials dismissed the report. Mr. Obama's bet is that his rules will be hard to unwind.",
            "that his rules will be hard to unwind",
            "Obama",
            "bet",
            "thought",
        ),
        # a verb of saying after a raising verb: "appeared to suggest"
        (
            "Trump appeared to suggest that veterans are weak.",
            "that veterans are weak",
            "Trump",
            "suggest",
            "speech",
        ),
    ],
)
def test_attribution_beyond_saying(text, content, speaker, cue, cue_type):
    table = quotes_of(text)
    row = row_starting(table[table["kind"] == "indirect"], content)
    assert (row.speaker, row.cue, row.cue_type) == (speaker, cue, cue_type)
    assert not row.negated


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


def test_negated_cues_are_kept_and_flagged():
    table = quotes_of(
        "The ministry did not say whether the city had fallen. Trump has never supported "
        "the bill. Lawmakers have not said when they would vote."
    )
    assert table["negated"].tolist() == [True, True, True]
    assert table["text"].tolist() == [
        "whether the city had fallen",
        "the bill",
        "when they would vote",
    ]
    assert table["cue_type"].tolist() == ["speech", "stance", "speech"]


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


def test_nominal_cues():
    row = quotes_of("Trump's claim that the election was rigged angered officials.").iloc[0]
    assert (row.speaker, row.cue, row.cue_type) == ("Trump", "claim", "speech")
    assert row.text.startswith("that the election was rigged")
    # "that" starting a relative clause is no content
    assert quotes_of("There is little in his plan that matches his rhetoric.").empty
    # inside what someone else is reported to have done, a nominal cue is their content
    table = quotes_of("Officials rejected Trump's claim that the election was rigged.")
    assert table["cue"].tolist() == ["rejected"]


def test_cues_inside_reported_speech_belong_to_it():
    table = quotes_of("Police said he posed a threat and refused to drop the gun.")
    assert table["text"].tolist() == ["he posed a threat and refused to drop the gun"]
    assert table["speaker"].tolist() == ["Police"]


@pytest.mark.parametrize(
    "text",
    [
        "Taliban fighters attacked the city on Wednesday.",  # physical, not stance
        "An officer was aiming a gun at the car.",  # "aim" needs an infinitive
        "He showed the way to the station.",  # evidence needs a document as source
        "She called into a radio program on Monday.",  # "call into" is not speech
        "The curfew would continue through the weekend.",  # no quotation to continue
    ],
)
def test_words_that_are_not_cues_here(text):
    assert quotes_of(text).empty


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


def test_titles_numbers_and_scare_quotes_are_not_quotations():
    table = quotes_of(
        'On "Fox News Sunday," Pence said the tweet was a joke.\n\n'
        'The tweet "783499116076687360" was deleted.\n\n'
        'The "quack" cures were popular. Doctors said they were useless.'
    )
    assert table["kind"].tolist() == ["indirect", "indirect"]
    assert table["text"].tolist() == ["the tweet was a joke", "they were useless"]


def test_cue_types_filter_keeps_reported_speech():
    text = "Analysts believe the offensive will stall. The governor said the city was calm."
    everything = quotes_of(text)
    assert everything["cue_type"].tolist() == ["thought", "speech"]
    corpus = toolkit.load_corpus([text], progress=False)
    speech = extract_quotes(corpus, cue_types="speech")
    assert speech["text"].tolist() == ["the city was calm"]
    assert speech["quote_id"].tolist() == [1]  # the numbers of the full table
    assert extract_quotes(corpus, cue_types=["speech", "thought"]).shape[0] == 2
    with pytest.raises(ValueError, match="speech, stance, thought"):
        extract_quotes(corpus, cue_types="speach")
    assert speakers(everything, cue_types="speech")["speaker"].tolist() == ["governor"]
    with pytest.raises(ValueError, match="cue_type column"):
        speakers(everything.drop(columns="cue_type"), cue_types="speech")


def test_rules_file_needs_a_cue_type_for_each_verb_group(tmp_path):
    packaged = (ROOT / "toolkit" / "resources" / "quotes.yaml").read_text("utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(packaged.replace("  stance: stance\n", ""), "utf-8")
    with pytest.raises(ValueError, match=r"cue_types lacks the verb group\(s\) \['stance'\]"):
        load_quote_rules(bad)


# ------------------------------------------------------------------ speakers


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


# --------------------------------------------------------------------- rules


def test_rules_file_can_be_extended(tmp_path):
    packaged = (ROOT / "toolkit" / "resources" / "quotes.yaml").read_text("utf-8")
    extended = packaged.replace(
        "    say: [says, said, said, saying]",
        "    say: [says, said, said, saying]\n    opine: [opines, opined, opined, opining]",
    )
    path = tmp_path / "my-quotes.yaml"
    path.write_text(extended, "utf-8")
    text = "The governor opined that the city was safe."
    assert quotes_of(text).empty
    table = extract_quotes(toolkit.load_corpus([text], progress=False), rules=path)
    assert table.iloc[0].speaker == "governor" and table.iloc[0].cue == "opined"


def test_bad_rules_files_are_reported(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"no-such\.yaml"):
        load_quote_rules(tmp_path / "no-such.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("reporting_verbs: {}\n", "utf-8")
    with pytest.raises(ValueError, match="lacks the section"):
        load_quote_rules(bad)
    packaged = (ROOT / "toolkit" / "resources" / "quotes.yaml").read_text("utf-8")
    bad.write_text(packaged.replace("[says, said, said, saying]", "[says, said]"), "utf-8")
    with pytest.raises(ValueError, match="'say' needs four forms"):
        load_quote_rules(bad)
    bad.write_text(packaged.replace('[about, "on",', "[about, on,"), "utf-8")
    with pytest.raises(ValueError, match="True is not a word"):
        load_quote_rules(bad)


# ---------------------------------------------------------- robustness, scale

_ALPHABET = st.sampled_from(
    [*"ab XY.,;:!?-\n'\"", "\u201c", "\u201d", "\u2018", "\u2019", "''", "\u2015"]
)
_WORDS = st.sampled_from(
    ["said", "he", "she", "Officials", "according to", "Ahmad Zia", "told", "MS. PSAKI:", "the"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_ALPHABET, _WORDS, st.text(max_size=3)), max_size=80))
def test_offsets_always_valid_and_never_raises(parts):
    text = "".join(parts)
    if not text.strip():
        return
    corpus = toolkit.load_corpus([text], clean=False, progress=False)
    table = extract_quotes(corpus)
    doc = corpus.docs.text.iloc[0]
    for r in table.itertuples():
        assert 0 <= r.start < r.end <= len(doc)
        assert doc[r.start : r.end] == r.text
        if not pd.isna(r.speaker_start):
            assert doc[int(r.speaker_start) : int(r.speaker_end)] == r.speaker_mention
        assert r.kind in ("direct", "partial", "indirect")
        assert 0 <= r.confidence <= 1


_SCALE_SCRIPT = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    import toolkit
    sample = open({sample!r}, encoding="utf-8").read().split("---", 2)[2]
    one = len(toolkit.extract_quotes(toolkit.load_corpus([sample], progress=False)))
    big = "\\n\\n".join([sample] * 3150)  # about 20 MB in one document
    rows = len(toolkit.extract_quotes(toolkit.load_corpus([big], progress=False)))
    marks = ('They said "we " won "and ' * 4000 + 'he said.\\n\\n') * 50  # 600,000 marks
    rows2 = len(toolkit.extract_quotes(toolkit.load_corpus([marks], progress=False)))
    print(len(big), one, rows, rows2)
    """
)


def test_large_documents_and_unbalanced_marks_finish():
    """A 20 MB document and one with 600,000 unbalanced quotation marks: a hang
    guard of 60 s each (they take a few seconds; the time is not asserted)."""
    script = _SCALE_SCRIPT.format(
        root=str(ROOT), sample=str(ROOT / "data" / "trtworld-2021-07-07-qala-e-naw.txt")
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    size, one, rows, rows2 = map(int, result.stdout.split())
    assert size > 20_000_000
    assert rows == 3150 * one  # every copy of the article is read the same way
    assert rows2 > 0

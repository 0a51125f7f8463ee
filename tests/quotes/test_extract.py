"""extract_quotes end to end: the bundled sample read by hand, options, worker processes, robustness and scale.

The expected speakers for the bundled sample were written by reading the
article; the inline texts in the other test modules each exercise one pattern
of news attribution.
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
from toolkit.quotes.extract import extract_quotes
from toolkit.quotes.table import QUOTE_COLUMNS, speakers

from ..conftest import ROOT, quotes_of, row_starting

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


def test_a_document_that_cannot_be_read_is_reported_and_the_others_are_kept(monkeypatch):
    # in one process: worker processes that are spawned do not see the patch
    import toolkit.quotes.extract as extract

    real = extract.read_document

    def failing(text, *args, **kwargs):
        if "BOOM" in text:
            raise ValueError("a sentence the rules cannot read")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(extract, "read_document", failing)
    frame = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "text": [
                '"The city is calm," the governor said.',
                "BOOM, officials said.",
                '"Shops are open," a trader said.',
            ],
        }
    )
    corpus = toolkit.load_corpus(frame, progress=False)
    with pytest.warns(UserWarning, match=r"1 document\(s\) could not be read.*b \(ValueError"):
        table = extract_quotes(corpus, workers=1, progress=False)
    assert sorted(set(table["doc_id"].astype(str))) == ["a", "c"]

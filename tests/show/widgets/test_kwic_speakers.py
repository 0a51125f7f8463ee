"""The explorers driven headlessly: set control values, check what they show."""

from __future__ import annotations

import pandas as pd

import toolkit
from toolkit.widgets import kwic_explorer


def test_kwic_explorer_follows_its_controls(sample_corpus):
    e = kwic_explorer(sample_corpus)
    assert e.result.empty and e.counter.value.startswith("<b>0</b>")
    e.pattern.value = "withdraw*"
    expected = toolkit.kwic(sample_corpus, "withdraw*")
    assert len(e.result) == len(expected) == 2
    assert "<b>2</b> hits in <b>1</b> document" in e.counter.value
    assert e.table.value.count("<tr>") == 1 + 2
    assert bytes(e.dispersion.value).startswith(b"\x89PNG")

    e.window.value = 2
    assert (
        e.result.left.tolist() == toolkit.kwic(sample_corpus, "withdraw*", window=2).left.tolist()
    )

    e.pattern.value = "pull* out"
    e.sort.value = "1L"
    assert (
        e.result.keyword.tolist()
        == toolkit.kwic(sample_corpus, "pull* out", sort="1L").keyword.tolist()
    )

    e.case_sensitive.value = True
    e.pattern.value = "taliban"
    assert e.result.empty
    e.case_sensitive.value = False
    assert len(e.result) == 20


def test_kwic_explorer_shows_errors_instead_of_raising(sample_corpus):
    e = kwic_explorer(sample_corpus, pattern="Taliban")
    e.match.value = "regex"
    e.pattern.value = "[unclosed"
    assert "not a valid regular expression" in e.status.value
    e.pattern.value = "Talib.n"
    assert e.status.value == "" and len(e.result) == 20


def test_kwic_explorer_never_freezes_on_a_pattern(monkeypatch):
    from toolkit.search import patterns

    monkeypatch.setattr(patterns, "REGEX_TIMEOUT", 0.05)
    e = kwic_explorer(toolkit.load_corpus(["a" * 60 + " withdrawal"]))
    e.pattern.value = "*a*a*a*a*a*a*a*a*X"  # a glob: linear, no hit
    assert e.status.value == "" and e.result.empty
    e.match.value = "regex"
    e.pattern.value = "(a|a)+b"
    assert "took more than" in e.status.value and "(a|a)+b" in e.status.value
    e.pattern.value = "withdraw.*"
    assert e.status.value == "" and len(e.result) == 1


def test_snapshot_for_static_pages(sample_corpus):
    e = kwic_explorer(sample_corpus, pattern="defeat")
    bundle = e._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    snap = bundle["text/html"]
    assert "<mark" in snap and "data:image/png;base64," in snap
    assert "<b>Pattern</b>: defeat" in snap


# ------------------------------------------------------------ speaker explorer


def test_speaker_explorer_shows_the_chosen_speakers_quotations(sample_corpus):
    from toolkit.widgets import speaker_explorer

    e = speaker_explorer(sample_corpus)
    names = [value for _, value in e.speaker.options]
    assert "Husamuddin Shams" in names and "Zabihullah Mujahid" in names
    e.speaker.value = "Zabihullah Mujahid"
    quotes = toolkit.extract_quotes(sample_corpus)
    expected = quotes[quotes.speaker == "Zabihullah Mujahid"]
    assert len(e.result) == len(expected) > 0
    assert set(e.result.speaker) == {"Zabihullah Mujahid"}
    assert e.table.value.count("<tr>") == 1 + len(expected)
    assert "They will discuss and exchange opinions" in e.table.value
    assert "Taliban spokesman" in e.summary.value
    assert bytes(e.plot.value).startswith(b"\x89PNG")

    e.kinds.value = ("direct",)
    assert list(e.result.kind.astype(str)) == ["direct"]
    e.kinds.value = ("direct", "partial", "indirect")
    e.min_confidence.value = 0.9
    assert (e.result.confidence >= 0.9).all() and len(e.result) < len(expected)
    e.kinds.value = ()
    assert "at least one kind" in e.status.value


def test_speaker_explorer_lists_unattributed_quotations():
    from toolkit.widgets import speaker_explorer

    quotes = toolkit.extract_quotes(["A sentence with no speaker.", '"Fine," she said.'])
    quotes = quotes.assign(speaker=None)
    e = speaker_explorer(toolkit.load_corpus(["x."]), quotes=quotes)
    assert e.speaker.value == "(unattributed)"
    assert len(e.result) == len(quotes)


def test_speaker_explorer_leaves_press_questions_out_until_asked():
    from toolkit.widgets import speaker_explorer

    from ...conftest import BRIEFING

    e = speaker_explorer(toolkit.load_corpus([BRIEFING], progress=False))
    names = [value for _, value in e.speaker.options]
    assert "reporter" not in names and {"Jen Psaki", "Jake Sullivan"} <= set(names)
    assert "1 press-question row left out" in e.summary.value
    assert "<b>Press questions</b>: no" in e.snapshot_html()
    e.speaker.value = "Jen Psaki"
    e.press.value = True
    assert e.speaker.value == "Jen Psaki"  # the choice survives the press switch
    assert "reporter" in [value for _, value in e.speaker.options]
    e.speaker.value = "reporter"
    assert e.result["press"].all() and len(e.result) == 1
    assert "press question" in e.table.value and "transcript turn" in e.table.value
    assert "<b>Press questions</b>: yes" in e.snapshot_html()
    e.press.value = False
    assert e.speaker.value != "reporter" and not e.result["press"].any()


def test_select_quotes_by_corpus_wide_name_and_without_press():
    from toolkit.show.widgets.speakers import select_quotes

    quotes = pd.DataFrame(
        {
            "kind": ["indirect"] * 3,
            "confidence": [0.9] * 3,
            "speaker": ["Psaki", "Jen Psaki", "reporter"],
            "speaker_id": ["Jen Psaki", "Jen Psaki", "reporter"],
            "press": [False, False, True],
        }
    )
    assert len(select_quotes(quotes, speaker="Jen Psaki")) == 2
    assert len(select_quotes(quotes, speaker="reporter")) == 1
    assert select_quotes(quotes, speaker="reporter", press=False).empty

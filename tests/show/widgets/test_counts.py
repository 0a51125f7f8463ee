"""The actor and frame explorers driven headlessly."""

from __future__ import annotations

import pytest

import toolkit
from toolkit.widgets import actor_explorer, frame_explorer

from ..._sample_quotes import sample_quotes


@pytest.fixture(scope="module")
def quotes(sample_corpus):
    return sample_quotes(sample_corpus)


def test_actor_explorer_follows_its_controls(sample_corpus, quotes):
    e = actor_explorer(sample_corpus, quotes=quotes)
    assert "<b>97</b> mentions in <b>1</b> document" in e.counter.value
    assert e.entries.options[0] == "Taliban"  # most mentioned first
    first_plot = bytes(e.plot.value)
    assert first_plot.startswith(b"\x89PNG")
    assert e.table.value.count("<tr>") == 1 + 97

    e.entries.value = ("Taliban", "the enemy")
    assert set(e.result["actor"].astype(str)) == {"Taliban", "the enemy"}
    assert e.result["mentions"].sum() == 25 and len(e.shown) == 25
    assert e.table.value.count("<tr>") == 1 + 25
    assert bytes(e.plot.value) != first_plot

    e.by.value = "voice"
    enemy = e.result[e.result["actor"] == "the enemy"].set_index("voice")["mentions"]
    assert enemy.to_dict() == {"narrator": 1, "quoted": 4, "reported": 0}
    expected = toolkit.count_actors(
        sample_corpus,
        by="voice",
        quotes=quotes,
        mentions=e.hits[e.hits["actor"].isin(["Taliban", "the enemy"])],
    )
    assert e.result.equals(expected)

    e.entries.value = ("Zabihullah Mujahid", "Taliban")
    e.by.value = ""
    e.rollup.value = True
    assert e.result[["actor", "mentions"]].to_numpy().tolist() == [["Taliban", 22]]
    assert "Sayed Nezami" not in e.table.value

    e.by.value = "month"  # a period: drawn as a line chart
    assert e.result["month"].astype(str).tolist() == ["2021-07"]
    assert e.status.value == ""


def test_frame_explorer_and_its_dispersion(sample_corpus, quotes):
    e = frame_explorer(sample_corpus, quotes=quotes)
    assert e.by.value == "voice"
    assert e.result.groupby("voice", observed=True)["mentions"].sum().to_dict() == {
        "narrator": 36,  # the SAMPLE_FRAME_VOICES of test_framing_cues, summed
        "quoted": 5,
        "reported": 1,
    }
    before = bytes(e.dispersion.value)
    e.entries.value = ("defeat",)
    assert e.result[["voice", "mentions"]].to_numpy().tolist() == [
        ["narrator", 1],
        ["quoted", 2],
        ["reported", 0],
    ]
    assert bytes(e.dispersion.value) != before
    assert "Mohammad Javad Zarif" in e.table.value and "<mark" in e.table.value
    e.by.value = "speaker"
    zarif = e.result[e.result["speaker"] == "Mohammad Javad Zarif"]
    assert zarif["mentions"].tolist() == [1]
    e.value.value = "per_1k_tokens"
    assert e.status.value == ""
    snap = e.snapshot_html()
    assert "data:image/png;base64," in snap and "<b>Group by</b>: speaker" in snap


def test_explorers_escape_the_text(quotes):
    corpus = toolkit.load_corpus(
        ["<script>alert(1)</script> The Taliban advanced. Troops withdrew."], progress=False
    )
    no_quotes = quotes.iloc[:0]
    e = actor_explorer(corpus, quotes=no_quotes)
    assert "<script>" not in e.table.value and "&lt;script&gt;" in e.table.value
    f = frame_explorer(corpus, quotes=no_quotes)
    assert "<script>" not in f.table.value
    assert f.result.groupby("frame", observed=True)["mentions"].sum()["withdrawal"] == 1

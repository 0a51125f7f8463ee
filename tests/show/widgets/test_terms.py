"""The word frequency explorer driven headlessly, and the explorers' snapshots in
a reader's words."""

from __future__ import annotations

import pandas as pd

import toolkit
from toolkit.widgets import actor_explorer, speaker_explorer, terms_explorer

from ..._sample_quotes import sample_quotes


def test_terms_explorer_follows_its_controls(sample_corpus):
    quotes = sample_quotes(sample_corpus)
    e = terms_explorer(sample_corpus, quotes=quotes)
    expected = toolkit.count_terms(sample_corpus, stopwords="english")
    assert e.result.equals(expected)
    assert f"<b>{expected['term'].nunique():,}</b> distinct terms in" in e.counter.value
    assert bytes(e.plot.value).startswith(b"\x89PNG")
    assert e.table.value.count("<tr>") == 50 and "the first 50 shown" in e.table.value
    e.stopwords.value = False
    assert e.result["term"].iat[0] == "the"
    e.n.value = 2
    assert e.result.equals(toolkit.count_terms(sample_corpus, n=2))
    assert "distinct sequences" in e.counter.value
    e.by.value = "voice"
    assert set(e.result["voice"].astype(str)) == {"narrator", "quoted", "reported"}
    before = bytes(e.plot.value)
    e.value.value = "per_1k_tokens"
    assert bytes(e.plot.value) != before and e.status.value == ""
    # a single source: no grouping by source is offered
    assert [v for _, v in e.by.options] == ["", "voice", "year", "month"]


def test_groupings_offered_follow_the_metadata():
    docs = pd.DataFrame(
        {
            "text": ["Troops left Kabul.", "Kabul fell."],
            "source": ["Wire", "Paper"],
            "date": ["2021-07-01", "2021-08-15"],
        }
    )
    e = terms_explorer(toolkit.load_corpus(docs, progress=False))
    assert [v for _, v in e.by.options] == ["", "voice", "source", "year", "month"]
    e.by.value = "month"
    assert e.result["month"].astype(str).unique().tolist() == ["2021-07", "2021-08"]


def test_snapshots_speak_a_readers_words(sample_corpus):
    quotes = sample_quotes(sample_corpus)
    snap = actor_explorer(sample_corpus, quotes=quotes).snapshot_html()
    assert "<b>Actors</b>: all" in snap and "()" not in snap
    assert "<b>people as their group</b>: no" in snap and "False" not in snap
    snap = speaker_explorer(sample_corpus, quotes=toolkit.score_sentiment(quotes)).snapshot_html()
    assert "<b>Kinds</b>: direct, partial, indirect" in snap
    assert "<b>Confidence \u2265</b>: 0.00" in snap and "('direct'" not in snap
    snap = terms_explorer(sample_corpus, quotes=quotes).snapshot_html()
    assert "<b>Count</b>: words" in snap and "<b>occurrences</b>" in snap

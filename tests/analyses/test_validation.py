"""Samples for hand coding, and precision and recall with their intervals."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.analyses.validation import MARKS, allocate, source_table, wilson_interval

from ..conftest import shared_path


@pytest.fixture(scope="module")
def frame_hits(sample_corpus):
    return toolkit.find_frames(sample_corpus)


def test_same_seed_same_sample_and_another_seed_another(sample_corpus, frame_hits):
    a = toolkit.sample_for_coding(frame_hits, n=10, seed=4, corpus=sample_corpus)
    b = toolkit.sample_for_coding(frame_hits, n=10, seed=4, corpus=sample_corpus)
    c = toolkit.sample_for_coding(frame_hits, n=10, seed=5, corpus=sample_corpus)
    pd.testing.assert_frame_equal(a, b)
    assert a[["start", "end"]].to_numpy().tolist() != c[["start", "end"]].to_numpy().tolist()
    assert a["unit_id"].tolist() == list(range(1, 11))
    assert len(a[["doc_id", "start", "end"]].drop_duplicates()) == 10  # no unit twice


def test_units_trace_back_to_the_text_and_keep_the_decision(sample_corpus, frame_hits):
    units = toolkit.sample_for_coding(frame_hits, n=15, seed=1, corpus=sample_corpus)
    text = sample_corpus.docs.set_index("doc_id")["text"]
    a, b = MARKS
    for row in units.itertuples(index=False):
        assert text[row.doc_id][row.start : row.end] == row.text
        assert f"{a}{row.text}{b}" in row.context
        assert row.context == f"{row.left}{a}{row.text}{b}{row.right}"
        hit = frame_hits[(frame_hits.start == row.start) & (frame_hits.end == row.end)].iloc[0]
        assert (row.frame, row.cue, row.sent_id) == (hit.frame, hit.cue, hit.sent_id)
    assert {"voice", "speaker"} <= set(units.columns)
    assert units.attrs["sample"]["population"] == len(frame_hits)
    assert units.attrs["sample"]["source_table"] == "frames"


def test_the_context_is_the_sentence(sample_corpus, frame_hits):
    units = toolkit.sample_for_coding(frame_hits, n=len(frame_hits), corpus=sample_corpus)
    sentences = toolkit.sentences(sample_corpus).set_index(["doc_id", "sent_id"])["text"]
    for row in units.itertuples(index=False):
        sentence = " ".join(sentences[(row.doc_id, row.sent_id)].split())
        assert f"{row.left}{row.text}{row.right}" == sentence


def test_long_sentences_are_cut_with_an_ellipsis(sample_corpus, frame_hits):
    units = toolkit.sample_for_coding(frame_hits, n=30, seed=2, corpus=sample_corpus, chars=15)
    assert all(len(x) <= 16 for x in units["left"]) and all(len(x) <= 16 for x in units["right"])
    assert any(x.startswith("\u2026") for x in units["left"])


def test_stratified_samples_give_every_stratum_its_share(sample_corpus, frame_hits):
    units = toolkit.sample_for_coding(frame_hits, n=12, seed=0, by="frame", corpus=sample_corpus)
    sizes = frame_hits["frame"].value_counts()
    sizes = sizes[sizes > 0]
    drawn = units["frame"].value_counts()
    assert drawn.sum() == 12 and set(drawn.index) == set(sizes.index.astype(str))
    expected = allocate(sizes.to_numpy(), 12)
    assert drawn[sizes.index.astype(str)].tolist() == expected.tolist()
    strata = units.attrs["sample"]["strata"]
    assert strata == {str(k): int(v) for k, v in sizes.items()}


def test_allocation_gives_at_least_one_and_never_more_than_there_is():
    assert allocate(np.array([97, 2, 1]), 10).tolist() == [8, 1, 1]
    assert allocate(np.array([3, 3]), 10).tolist() == [3, 3]  # all of it
    assert allocate(np.array([50, 30, 15, 5]), 10).tolist() == [5, 3, 1, 1]
    with pytest.raises(ValueError, match="less than the 3 strata"):
        allocate(np.array([5, 5, 5]), 2)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(1, 60), min_size=1, max_size=8), st.integers(1, 200))
def test_allocation_invariants(sizes, n):
    sizes = np.array(sizes)
    if n < len(sizes) and n < sizes.sum():
        with pytest.raises(ValueError, match="at least one"):
            allocate(sizes, n)
        return
    take = allocate(sizes, n)
    assert take.sum() == min(n, sizes.sum())
    assert (take >= 1).all() and (take <= sizes).all()


def test_every_kind_of_hit_table_can_be_sampled(sample_corpus):
    tables = {
        "kwic": toolkit.kwic(sample_corpus, ["withdraw*", "defeat*"]),
        "actors": toolkit.find_actors(sample_corpus),
        "quotes": toolkit.extract_quotes(sample_corpus),
    }
    decisions = {
        "kwic": ["pattern"],
        "actors": ["actor", "type", "alias", "voice", "speaker", "speaker_id", "press"],
        "quotes": [
            "kind",
            "speaker",
            "speaker_id",
            "speaker_mention",
            "cue",
            "cue_type",
            "press",
            "confidence",
        ],
    }
    for kind, table in tables.items():
        assert source_table(table) == kind
        units = toolkit.sample_for_coding(table, n=3, seed=1, corpus=sample_corpus)
        assert set(decisions[kind]) <= set(units.columns), kind
        assert units.attrs["sample"]["source_table"] == kind
    # a KWIC table carries its context: no corpus needed
    kw = toolkit.sample_for_coding(tables["kwic"], n=2, seed=1)
    assert all(MARKS[0] + k + MARKS[1] in c for k, c in zip(kw.text, kw.context, strict=True))


def test_a_table_without_context_needs_the_corpus(frame_hits):
    with pytest.raises(ValueError, match="pass corpus="):
        toolkit.sample_for_coding(frame_hits, n=3)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"n": 0}, "n=0"), ({"n": 2, "by": "nope"}, "nope"), ({"n": 1, "by": "frame"}, "strata")],
)
def test_bad_requests_say_what_is_wrong(sample_corpus, frame_hits, kwargs, message):
    with pytest.raises(ValueError, match=message):
        toolkit.sample_for_coding(frame_hits, corpus=sample_corpus, **kwargs)


def test_an_empty_table_cannot_be_sampled(sample_corpus, frame_hits):
    with pytest.raises(ValueError, match="empty"):
        toolkit.sample_for_coding(frame_hits.head(0), corpus=sample_corpus)


def test_hits_from_another_corpus_are_rejected(frame_hits):
    other = toolkit.load_corpus(["Short text about a withdrawal."], progress=False)
    with pytest.raises(ValueError, match="not in the corpus"):
        toolkit.sample_for_coding(frame_hits, n=2, corpus=other)


def test_unflagged_sentences_have_no_hit(sample_corpus, frame_hits):
    quiet = toolkit.sample_unflagged(sample_corpus, frame_hits, n=100, seed=3)
    sentences = toolkit.sentences(sample_corpus)
    flagged = set(zip(frame_hits.doc_id.astype(str), frame_hits.sent_id, strict=True))
    assert len(quiet) == len(sentences) - len(flagged)  # all of them: fewer than 100
    assert not set(zip(quiet.doc_id, quiet.sent_id, strict=True)) & flagged
    text = sample_corpus.docs.set_index("doc_id")["text"]
    assert all(
        text[d][a:b] == t
        for d, a, b, t in zip(quiet.doc_id, quiet.start, quiet.end, quiet.text, strict=True)
    )
    assert quiet.attrs["sample"]["flagged"] == {"source_table": "frames", "hits": len(frame_hits)}


def test_a_quotation_across_sentences_flags_each_of_them(sample_corpus):
    quotes = toolkit.extract_quotes(sample_corpus)
    quiet = toolkit.sample_unflagged(sample_corpus, quotes, n=500)
    for row in quiet.itertuples(index=False):
        inside = quotes[
            (quotes.doc_id.astype(str) == row.doc_id)
            & (quotes.start < row.end)
            & (quotes.end > row.start)
        ]
        assert inside.empty


# ------------------------------------------------------------------ estimates


def test_wilson_interval_of_45_in_50():
    low, high = wilson_interval(45, 50)
    assert (round(low, 3), round(high, 3)) == (0.786, 0.957)
    assert wilson_interval(0, 10)[0] == 0.0 and wilson_interval(10, 10)[1] == 1.0
    assert all(math.isnan(x) for x in wilson_interval(0, 0))
    with pytest.raises(ValueError, match="between 0 and n"):
        wilson_interval(11, 10)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 500), st.data())
def test_wilson_interval_holds_the_estimate(n, data):
    k = data.draw(st.integers(0, n))
    low, high = wilson_interval(k, n)
    assert 0 <= low <= k / n <= high <= 1
    wider = wilson_interval(k, n, confidence=0.99)
    assert wider[0] <= low + 1e-12 and wider[1] >= high - 1e-12


def test_precision_per_group_leaves_out_unsure_and_blank():
    coded = pd.DataFrame(
        {
            "frame": ["a"] * 50 + ["b"] * 6,
            "c1": ["correct"] * 45
            + ["wrong"] * 5
            + ["correct", "wrong", "wrong", "unsure", None, ""],
        }
    )
    table = toolkit.estimate_precision(coded, coder="c1", by="frame").set_index("frame")
    assert table.loc["a", ["units", "correct", "wrong", "other", "uncoded"]].tolist() == [
        50,
        45,
        5,
        0,
        0,
    ]
    assert round(table.loc["a", "precision"], 3) == 0.9
    assert (round(table.loc["a", "ci_low"], 3), round(table.loc["a", "ci_high"], 3)) == (
        0.786,
        0.957,
    )
    assert table.loc["b", ["correct", "wrong", "other", "uncoded"]].tolist() == [1, 2, 1, 2]
    assert table.loc["b", "precision"] == pytest.approx(1 / 3)
    overall = toolkit.estimate_precision(coded, coder="c1")
    assert overall["units"].iat[0] == 56 and overall["correct"].iat[0] == 46
    assert "Wilson" in overall.attrs["interval"]


def test_precision_needs_the_coder_column():
    with pytest.raises(ValueError, match="coder_9"):
        toolkit.estimate_precision(pd.DataFrame({"coder_1": ["correct"]}), coder="coder_9")


def test_recall_combines_precision_and_the_miss_rate():
    hits = pd.DataFrame({"c": ["correct"] * 40 + ["wrong"] * 10})
    quiet = pd.DataFrame({"c": ["missed"] * 2 + ["none"] * 98})
    hits.attrs["sample"] = {"population": 500}
    quiet.attrs["sample"] = {"population": 5000}
    row = toolkit.estimate_recall(hits, quiet, coder="c").iloc[0]
    # 0.8 * 500 = 400 found; 0.02 * 5000 = 100 missed
    assert row["found"] == pytest.approx(400) and row["missed"] == pytest.approx(100)
    assert row["recall"] == pytest.approx(0.8)
    assert row["ci_low"] < 0.8 < row["ci_high"]
    quiet.attrs = {}
    with pytest.raises(ValueError, match="unflagged_total"):
        toolkit.estimate_recall(hits, quiet, coder="c")


@pytest.mark.shared
def test_white_house_frames_sample(tmp_path):
    path = shared_path("corpus", "whitehouse-afghanistan-2021", "wh_afghanistan_2021_2022.jsonl")
    corpus = toolkit.load_corpus(path, progress=False)
    hits = toolkit.find_frames(corpus)
    units = toolkit.sample_for_coding(hits, n=100, seed=1, by="frame", corpus=corpus)
    assert len(units) == 100
    assert units.attrs["sample"]["corpus"].endswith("from wh_afghanistan_2021_2022.jsonl")
    drawn = units["frame"].value_counts()
    sizes = hits["frame"].value_counts()
    for frame, k in drawn.items():  # proportional, within one unit
        assert abs(k - 100 * sizes[frame] / len(hits)) < 1.0 + 1e-9

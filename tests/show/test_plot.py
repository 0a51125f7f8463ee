"""Actor and frame plots draw exactly the table they are given."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.text
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes

import toolkit

from .._sample_quotes import sample_quotes


@pytest.fixture(scope="module")
def quotes(sample_corpus):
    return sample_quotes(sample_corpus)


def _bar_widths(ax: Axes) -> dict[str, float]:
    labels = [t.get_text() for t in ax.get_yticklabels()]
    widths = {}
    for patch in ax.patches:
        y = round(patch.get_y() + patch.get_height() / 2)
        widths[labels[y]] = widths.get(labels[y], 0) + patch.get_width()
    return widths


def test_frequency_bars_raw_and_normalised(sample_corpus, quotes):
    counts = toolkit.count_actors(sample_corpus, quotes=quotes)
    ax = toolkit.plot_actor_frequency(counts, top=5)
    assert isinstance(ax, Axes)
    widths = _bar_widths(ax)
    assert list(widths) == counts["actor"].astype(str).tolist()[:5]
    assert widths["Taliban"] == 20
    ax = toolkit.plot_actor_frequency(counts, value="per_1k_tokens", top=3)
    assert _bar_widths(ax)["Taliban"] == pytest.approx(20 / 926 * 1000)
    assert ax.get_xlabel() == "mentions per 1,000 words"


def test_frame_bars_split_by_voice(sample_corpus, quotes):
    counts = toolkit.count_frames(sample_corpus, by="voice", quotes=quotes)
    ax = toolkit.plot_frames(counts)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["narrator", "quoted", "reported"]
    # stacked: the bars of one frame add up to its mentions
    assert _bar_widths(ax)["defeat"] == 3
    quoted_defeat = [
        p.get_width()
        for p in ax.containers[1].patches
        if ax.get_yticklabels()[round(p.get_y() + p.get_height() / 2)].get_text() == "defeat"
    ]
    assert quoted_defeat == [2]
    ax = toolkit.plot_frames(counts, value="per_1k_tokens")  # side by side
    heights = {round(p.get_height(), 3) for p in ax.patches}
    assert heights == {round(0.8 / 3, 3)}


def test_over_time_heatmap_and_cooccurrence():
    docs = pd.DataFrame(
        {
            "date": ["2021-07-01", "2021-08-15", "2021-08-20"],
            "source": ["A", "B", "B"],
            "text": [
                "The Taliban advanced on Kabul.",
                "The Taliban entered Kabul and Ghani fled.",
                "Biden defended the withdrawal; the Taliban took power.",
            ],
        }
    )
    corpus = toolkit.load_corpus(docs, progress=False)
    no_quotes = pd.DataFrame({"doc_id": [], "start": [], "end": [], "kind": []})
    by_month = toolkit.count_actors(corpus, by="month", quotes=no_quotes)
    ax = toolkit.plot_actors_over_time(by_month)
    lines = {ln.get_label(): ln.get_ydata().tolist() for ln in ax.get_lines()}
    assert lines["Taliban"] == [1, 2]
    assert lines["Ashraf Ghani"] == [0, 1]
    by_source = toolkit.count_actors(corpus, by="source", quotes=no_quotes)
    ax = toolkit.plot_actor_heatmap(by_source, value="mentions")
    image = ax.get_images()[0].get_array()
    rows = [t.get_text() for t in ax.get_yticklabels()]
    cols = [t.get_text() for t in ax.get_xticklabels()]
    assert cols == ["A", "B"] and rows[0] == "Taliban"
    assert image[0].tolist() == [1, 2]
    pairs = toolkit.actor_cooccurrence(corpus)
    ax = toolkit.plot_actor_cooccurrence(pairs)
    matrix = np.asarray(ax.get_images()[0].get_array())
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names[0] == "Taliban" and matrix[0, 0] == 3
    np.testing.assert_array_equal(matrix, matrix.T)
    i, j = names.index("Taliban"), names.index("Joe Biden")
    assert matrix[i, j] == 1


def test_over_time_marks_events():
    docs = pd.DataFrame(
        {
            "date": ["2021-08-02", "2021-08-16", "2021-08-23"],
            "text": ["Troops withdraw.", "The evacuation goes on.", "Evacuation flights left."],
        }
    )
    corpus = toolkit.load_corpus(docs, progress=False)
    no_quotes = pd.DataFrame({"doc_id": [], "start": [], "end": [], "kind": []})
    weeks = toolkit.count_frames(corpus, by="week", quotes=no_quotes)
    ax = toolkit.plot_actors_over_time(weeks, events={"2021-08-15": "Kabul falls"})
    assert [t.get_text() for t in ax.texts] == ["Kabul falls"]
    marks = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--"]
    assert len(marks) == 1
    assert marks[0].get_xdata()[0] == mdates.date2num(pd.Timestamp("2021-08-15"))
    ax.figure.canvas.draw()  # the label is placed on a date axis without error
    # a frame keeps its colour whatever else is drawn; a month is drawn at its middle
    months = toolkit.count_frames(corpus, by="month", quotes=no_quotes)
    colour = {ln.get_label(): ln.get_color() for ln in ax.get_lines() if ln.get_label()[0] != "_"}
    ax2 = toolkit.plot_actors_over_time(months.query("frame == 'evacuation'"))
    (line,) = ax2.get_lines()
    assert line.get_color() == colour["evacuation"] != colour["withdrawal"]
    middle = mdates.date2num(pd.Timestamp("2021-08-16 12:00"))
    assert abs(mdates.date2num(line.get_xdata()[0]) - middle) < 0.01
    with pytest.raises(ValueError, match="'15 Aug' is not a date"):
        toolkit.plot_actors_over_time(weeks, events={"15 Aug": "Kabul falls"})


def test_dispersion_of_frame_hits(sample_corpus, quotes):
    hits = toolkit.find_frames(sample_corpus, quotes=quotes)
    ax = toolkit.plot_dispersion(hits, sample_corpus, label="frame")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == list(dict.fromkeys(hits["frame"].astype(str)))
    assert sum(len(c.get_segments()) for c in ax.collections) == len(hits)


def test_plot_errors(sample_corpus, quotes):
    with pytest.raises(ValueError, match="'actor', 'frame' or 'term' column"):
        toolkit.plot_actor_frequency(pd.DataFrame({"x": [1]}))
    two = toolkit.count_actors(sample_corpus, by=["voice", "speaker"], quotes=quotes)
    with pytest.raises(ValueError, match="grouped by voice, speaker"):
        toolkit.plot_actor_frequency(two)
    counts = toolkit.count_actors(sample_corpus, quotes=quotes)
    with pytest.raises(ValueError, match="needs counts grouped by a period"):
        toolkit.plot_actors_over_time(counts)
    with pytest.raises(ValueError, match="value='share'"):
        toolkit.plot_actor_frequency(counts, value="share")
    with pytest.raises(ValueError, match="actor_cooccurrence"):
        toolkit.plot_actor_cooccurrence(counts)


MATH = "$\\frac{1}$"  # mathtext cannot parse this: every label must be shown literally


def _draws(ax: Axes) -> list[str]:
    """Render the figure (mathtext errors surface here) and return its texts as
    shown: matplotlib prints an escaped dollar as a dollar."""
    from toolkit.show.widgets.base import figure_png

    texts = [t.get_text() for t in ax.figure.findobj(matplotlib.text.Text)]
    assert figure_png(ax).startswith(b"\x89PNG")
    return [t.replace("\\$", "$") for t in texts]


def test_labels_with_dollar_signs_are_drawn_literally():
    corpus = toolkit.load_corpus(
        pd.DataFrame(
            {
                "doc_id": [MATH, "b"],
                "source": [MATH, "Other $ source $"],
                "date": ["2021-07-01", "2021-08-15"],
                "text": ["The Taliban entered Kabul. Ghani fled.", "The Taliban took power."],
            }
        ),
        progress=False,
    )
    no_quotes = pd.DataFrame({"doc_id": [], "start": [], "end": [], "kind": []})
    hits = toolkit.kwic(corpus, ["Taliban", "Kab*"])
    assert f"{MATH} (2)" in _draws(toolkit.plot_dispersion(hits, corpus))
    by_source = toolkit.count_actors(corpus, by="source", quotes=no_quotes)
    assert MATH in _draws(toolkit.plot_actor_frequency(by_source))
    assert MATH in _draws(toolkit.plot_actor_heatmap(by_source))
    frames = toolkit.count_frames(corpus, by="source", quotes=no_quotes)
    _draws(toolkit.plot_frames(frames))
    by_month = toolkit.count_actors(corpus, by="month", quotes=no_quotes)
    _draws(toolkit.plot_actors_over_time(by_month))
    _draws(toolkit.plot_actor_cooccurrence(toolkit.actor_cooccurrence(corpus)))
    _draws(toolkit.plot_collocates(toolkit.collocates(corpus, "$ Taliban", min_count=1)))
    speakers = pd.DataFrame(
        {
            "speaker": [MATH],
            "n_quotes": [3],
            "mean_compound": [0.2],
            "ci_low": [0.1],
            "ci_high": [0.3],
        }
    )
    assert f"{MATH} (n=3)" in _draws(toolkit.plot_speaker_sentiment(speakers))


def test_plots_of_an_empty_corpus_draw_without_warnings():
    corpus = toolkit.load_corpus([""])
    assert len(corpus) == 0
    no_quotes = pd.DataFrame({"doc_id": [], "start": [], "end": [], "kind": []})
    assert "no hits" in _draws(toolkit.plot_dispersion(toolkit.kwic(corpus, "Taliban"), corpus))
    counts = toolkit.count_actors(corpus, quotes=no_quotes)
    assert "nothing counted" in _draws(toolkit.plot_actor_frequency(counts))
    frames = toolkit.count_frames(corpus, by="voice", quotes=no_quotes)
    _draws(toolkit.plot_frames(frames))


def test_term_bars(sample_corpus, quotes):
    counts = toolkit.count_terms(sample_corpus, stopwords="english")
    ax = toolkit.plot_terms(counts, top=5)
    widths = _bar_widths(ax)
    assert list(widths) == counts["term"].tolist()[:5]
    assert widths[counts["term"].iat[0]] == counts["count"].iat[0]
    assert ax.get_title(loc="left") == "Terms by occurrences"
    by_voice = toolkit.count_terms(sample_corpus, by="voice", quotes=quotes, stopwords="english")
    ax = toolkit.plot_terms(by_voice, top=8)
    totals = by_voice.groupby("term")["count"].sum()
    assert _bar_widths(ax) == {t: totals[t] for t in _bar_widths(ax)}
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["narrator", "quoted", "reported"]
    ax = toolkit.plot_terms(by_voice, value="per_1k_tokens")
    assert ax.get_xlabel() == "occurrences per 1,000 words"


def test_long_ids_and_many_documents_stay_readable(recwarn):
    long_ids = [
        f"wh-2021-08-{d:02d}-remarks-by-president-biden-on-the-end-of-the-war-in-afghanistan-and-the-evacuation-of-kabul"
        for d in range(1, 31)
    ]
    docs = pd.DataFrame({"id": long_ids, "text": ["The withdrawal went on."] * 30})
    corpus = toolkit.load_corpus(docs, id_col="id", progress=False)
    hits = toolkit.kwic(corpus, "withdrawal")
    ax = toolkit.plot_dispersion(hits, corpus)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 20 and all(len(label) <= 45 for label in labels)
    assert labels[0].startswith("wh-2021-08-01-remarks-") and "\u2026" in labels[0]
    assert ax.get_title(loc="left").startswith(
        "Dispersion: 30 hits in 30 documents (showing the 20"
    )
    one = toolkit.plot_dispersion(hits.head(1), corpus)
    assert one.get_title(loc="left") == "Dispersion: 1 hit in 1 document"
    ax.figure.canvas.draw()  # constrained layout runs here: no warning that it collapsed
    assert not [w for w in recwarn if "constrained_layout" in str(w.message)]

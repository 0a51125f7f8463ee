"""Notebook 06, the study of the White House corpus: its skeleton, a clean run in
the report on that corpus, and every number its prose states, computed here again
with the toolkit's functions (so that prose and tables cannot drift apart)."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

import toolkit

from .conftest import ROOT, WHITEHOUSE

NAME = "06-study-withdrawal-or-defeat.ipynb"
LEXICON = "afghanistan-2021-frames"
FALL_WEEK, WEEK_BEFORE = "2021-08-16/2021-08-22", "2021-08-09/2021-08-15"


def _cells(nb: dict, kind: str) -> list[str]:
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == kind]


@pytest.fixture(scope="module")
def notebook() -> dict:
    return json.loads((ROOT / "notebooks" / NAME).read_text("utf-8"))


@pytest.fixture(scope="module")
def prose(notebook) -> str:
    """The notebook's prose, one line per paragraph, Markdown emphasis removed."""
    text = "\n".join(_cells(notebook, "markdown"))
    return re.sub(r"[*`]", "", text)


@pytest.fixture(scope="module")
def study():
    """The study's tables, computed as its cells compute them."""
    corpus = toolkit.load_corpus(WHITEHOUSE, progress=False)
    quotes = toolkit.extract_quotes(corpus)
    hits = toolkit.find_frames(corpus, LEXICON, quotes=quotes)
    around = corpus.subset(corpus.docs["date"].between("2021-07-01", "2021-09-30"))
    turns = toolkit.score_sentiment(
        quotes.query("cue_type == 'turn' and doc_id in @around.docs.doc_id")
    )
    return {
        "corpus": corpus,
        "quotes": quotes,
        "hits": hits,
        "months": toolkit.count_frames(corpus, LEXICON, by="month", hits=hits),
        "weeks": toolkit.count_frames(around, LEXICON, by="week"),
        "press": toolkit.count_frames(corpus, LEXICON, by="press", hits=hits, quotes=quotes),
        "cues": toolkit.count_frames(
            corpus, LEXICON, by=["press", "cue"], hits=hits, quotes=quotes
        ),
        "tone": toolkit.sentiment_by(turns, "speaker_id").set_index("speaker_id"),
        "tone_press": toolkit.sentiment_by(turns, "press").set_index("press"),
    }


def _rate(table: pd.DataFrame, frame: str, **where) -> float:
    rows = table[table["frame"].astype(str) == frame]
    for column, value in where.items():
        rows = rows[rows[column].astype(str) == value]
    assert len(rows) == 1, (frame, where)
    return float(rows["per_1k_tokens"].iat[0])


def _press_rows(table: pd.DataFrame, press) -> pd.DataFrame:
    flag = table["press"]
    return table[flag.isna()] if press is None else table[flag.eq(press).fillna(False)]


def test_skeleton(notebook):
    cells = notebook["cells"]
    code = _cells(notebook, "code")
    assert cells[0]["source"][0].startswith("# ") and "**The question.**" in "".join(
        cells[0]["source"]
    )
    assert "**The data and its limits.**" in "".join(cells[0]["source"])
    params = [c for c in cells if "parameters" in c["metadata"].get("tags", [])]
    assert len(params) == 1
    assert 'CORPUS = "../data/whitehouse-afghanistan-2021"' in "".join(params[0]["source"])
    assert "## What this shows, and its limits" in "".join(cells[-1]["source"])
    assert "What a researcher should not conclude" in "".join(cells[-1]["source"])
    assert not any("def " in c for c in code)
    # the report runs it only on the corpus it is a study of
    assert "whitehouse-afghanistan-2021" in notebook["metadata"]["toolkit"]["corpora"]


def test_runs_clean_in_the_report(whitehouse_report):
    nb = json.loads((whitehouse_report / "notebooks" / NAME).read_text("utf-8"))
    outputs = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr"]
    figures = sum("image/png" in o.get("data", {}) for o in outputs)
    assert figures == 5  # months, weeks, speakers, tone, precision
    page = (whitehouse_report / NAME.replace(".ipynb", ".html")).read_text("utf-8")
    assert "Corpus: whitehouse-afghanistan-2021, 177 documents" in page
    assert "load_corpus(" not in page


def test_the_weeks_around_the_fall_of_kabul(study, prose):
    weeks = study["weeks"]

    def rate(frame: str, week: str) -> str:
        return f"{_rate(weeks, frame, week=week):.2f}"

    before, after = WEEK_BEFORE, FALL_WEEK
    assert (
        f"(security threat {rate('security threat', before)}, evacuation "
        f"{rate('evacuation', before)})" in prose
    )
    assert max(_rate(weeks, f, week=before) for f in weeks["frame"].astype(str).unique()) < 1
    assert f"evacuation to {rate('evacuation', after)} cues per thousand words" in prose
    assert f"withdrawal to {rate('withdrawal', after)} (from {rate('withdrawal', before)})" in prose
    assert (
        f"chaos/panic to {rate('chaos/panic', after)} (from {rate('chaos/panic', before)})" in prose
    )
    assert f"defeat to {rate('defeat', after)}" in prose
    closing = prose.split("What this shows, and its limits")[-1]
    assert (
        f"rose to {rate('evacuation', after)} per thousand words, from "
        f"{rate('evacuation', before)} the week before, and withdrawal cues to "
        f"{rate('withdrawal', after)} from {rate('withdrawal', before)}" in closing
    )
    # the first frame every week from the fall of Kabul to the first week of September
    for week in (FALL_WEEK, "2021-08-23/2021-08-29", "2021-08-30/2021-09-05"):
        rows = weeks[weeks["week"].astype(str) == week]
        assert str(rows.sort_values("per_1k_tokens").iloc[-1]["frame"]) == "evacuation", week
    # the week left out of the plot, and its words
    july = weeks[weeks["week"].astype(str) == "2021-07-26/2021-08-01"]
    around = study["corpus"].subset(
        study["corpus"].docs["date"].between("2021-07-01", "2021-09-30")
    )
    sizes = toolkit.count_documents(around, by="week").set_index("week")["documents"]
    sizes.index = sizes.index.astype(str)
    assert sizes["2021-07-26/2021-08-01"] == 3 and "(three documents" in prose
    assert (sizes.min(), sizes.max()) == (1, 17)  # "between one and seventeen documents"
    assert f"{int(july['tokens'].iat[0]):,} words" in prose
    assert f"{rate('evacuation', '2021-07-26/2021-08-01')} evacuation cues" in prose


def test_the_months(study, prose):
    months = study["months"].query("tokens >= 10_000")  # the months plotted
    top = months.sort_values("per_1k_tokens").iloc[-1]
    assert str(top["frame"]) == "evacuation" and str(top["month"]) == "2021-08"
    assert f"{top['per_1k_tokens']:.2f} evacuation cues per thousand words" in prose
    threat = months[months["frame"].astype(str) == "security threat"]
    peaks = threat.sort_values("per_1k_tokens", ascending=False).head(3)
    assert [str(m) for m in peaks["month"]] == ["2021-04", "2022-08", "2021-08"]
    for month, name in zip(
        peaks["month"], ("April 2021", "August 2022", "August 2021"), strict=True
    ):
        rate = _rate(threat, "security threat", month=str(month))
        assert f"{name} ({rate:.2f}" in prose, name
    withdrawal = months[months["frame"].astype(str) == "withdrawal"]
    peaks = withdrawal.sort_values("per_1k_tokens", ascending=False).head(2)
    assert sorted(str(m) for m in peaks["month"]) == ["2021-04", "2021-08"]
    april, august = (_rate(withdrawal, "withdrawal", month=m) for m in ("2021-04", "2021-08"))
    assert f"April ({april:.2f}) and August 2021 ({august:.2f})" in prose
    assert months.loc[months["frame"].astype(str) == "defeat", "per_1k_tokens"].max() < 0.2
    documents = toolkit.count_documents(study["corpus"], by="month").set_index("month")
    by_month = {str(k): v for k, v in documents["documents"].items()}
    assert f"August 2021 has the most documents ({by_month['2021-08']})" in prose
    assert f"September the next ({by_month['2021-09']})" in prose
    assert "2022-04" not in by_month and "2022-10" not in by_month  # "none"


def test_questions_against_everyone_else(study, prose):
    press = study["press"]
    words = {k: int(_press_rows(press, k)["tokens"].iat[0]) for k in (True, False, None)}
    assert f"({words[True]:,})" in prose and f"{words[False]:,}" in prose
    assert f"{words[None]:,}" in prose
    assert 0.2 < words[True] / sum(words.values()) < 0.3  # "about a quarter"
    defeat = press[press["frame"].astype(str) == "defeat"]
    counts = {k: int(_press_rows(defeat, k)["mentions"].iat[0]) for k in (True, False, None)}
    total = int((study["hits"]["frame"].astype(str) == "defeat").sum())
    assert sum(counts.values()) == total
    assert f"{counts[True]} of the {total} defeat cues" in prose
    rate = {k: float(_press_rows(defeat, k)["per_1k_tokens"].iat[0]) for k in (True, False)}
    assert f"{rate[True]:.2f} per thousand words" in prose and f"{rate[False]:.2f}" in prose
    assert 4.5 < rate[True] / rate[False] < 5  # "almost five times"
    for frame in ("chaos/panic", "victory/advance", "evacuation"):
        pair = [_rate(_press_rows(press, k), frame) for k in (True, False)]
        assert f"{pair[0]:.2f} against {pair[1]:.2f}" in prose or (
            f"({pair[0]:.2f} and {pair[1]:.2f})" in prose
        ), frame
    assert f"({_rate(_press_rows(press, None), 'security threat'):.2f})" in prose


def test_the_cues_found_only_in_questions(study, prose):
    cues = study["cues"].query("mentions > 0")
    table = cues.pivot_table(
        index=["frame", "cue"],
        columns="press",
        values="mentions",
        aggfunc="sum",
        fill_value=0,
        dropna=False,
        observed=True,
    )
    asked = table[(table[True] > 0) & (table[False] == 0)]
    only = asked[asked[pd.NA] == 0]  # in questions and nowhere else
    named = {
        ("defeat", "fall* to the Taliban"): 'fall to the Taliban" (5 times)',
        ("defeat", "humiliat*"): "humiliation",
        ("defeat", "capitulat*"): "capitulating",
        ("defeat", "retreat*"): "retreating",
        ("defeat", "los* the war"): "losing the war",
        ("withdrawal", "pullback"): '"pullback" (4',
    }
    for (frame, cue), words in named.items():
        assert (frame, cue) in only.index, cue
        assert words in prose, words
    assert int(only.loc[("defeat", "fall* to the Taliban"), True]) == 5
    assert int(only.loc[("withdrawal", "pullback"), True]) == 4
    exit_ = asked.loc[("withdrawal", "exit")]
    assert (int(exit_[True]), int(exit_[pd.NA])) == (7, 3)
    assert '"exit" is in 7 questions and in no answer (3 times in the prose of statements)' in prose
    drawdown = table.loc[("withdrawal", "drawdown")]
    airlift = table.loc[("evacuation", "airlift*")]
    assert (int(drawdown[False]), int(drawdown[True])) == (45, 5)
    assert int(airlift[False]) == 25 and int(airlift[True]) == 0
    assert '"drawdown" (45 times, 5 in questions)' in prose
    assert '"airlift" (25, none in questions)' in prose


def _interval(row: pd.Series) -> str:
    return f"{row['ci_low']:.2f} to {row['ci_high']:.2f}"


def test_tone_per_speaker(study, prose):
    tone, by_press = study["tone"], study["tone_press"]
    asked, answered = by_press.loc[True], by_press.loc[False]
    assert f"+{asked['mean_compound']:.2f} (95% interval {_interval(asked)})" in prose
    assert f"over {int(asked['n']):,} questions" in prose
    assert f"+{answered['mean_compound']:.2f} ({_interval(answered)})" in prose
    assert f"the {int(answered['n']):,} turns of everyone else" in prose
    for name, said in (
        ("Jen Psaki", "Jen Psaki's {n:,} turns average"),
        ("Joe Biden", "the President's {n}"),
        ("Jake Sullivan", "Jake Sullivan's {n}"),
    ):
        row = tone.loc[name]
        assert said.format(n=int(row["n"])) in prose, name
        assert f"+{row['mean_compound']:.2f} ({_interval(row)})" in prose, name
    often = tone[tone["n"] > 10]  # "every speaker with more than ten turns"
    assert (often["mean_compound"] > 0).all() and len(often) >= 10
    assert asked["mean_compound"] == often["mean_compound"].min()


def test_the_validation_figures(study, prose):
    corpus, hits = study["corpus"], study["hits"]
    key = ["doc_id", "start", "end"]
    frames = toolkit.read_coding_sheet(toolkit.example_sheet("06-coded-whitehouse-frames.xlsx"))
    drawn = toolkit.sample_for_coding(hits, n=100, seed=1, by="frame", corpus=corpus)
    assert drawn[[*key, "frame", "cue"]].equals(frames[[*key, "frame", "cue"]])  # the same units
    per_frame = toolkit.estimate_precision(frames, coder="coder_1", by="frame").set_index("frame")
    assert f"{int(per_frame['correct'].sum())} of the 100 cues" in prose
    for frame in ("evacuation", "security threat", "withdrawal", "negotiation/peace talks"):
        row = per_frame.loc[frame]
        assert f"{frame} {int(row['correct'])} of {int(row['units'])}" in prose, frame
    alpha = toolkit.agreement(frames, coders=["coder_1", "coder_2"]).iloc[0]
    assert f"alpha {alpha['alpha']:.2f}, bootstrap interval {_interval(alpha)}" in prose
    assert f"on {round(alpha['percent_agreement'] * 100)} of the 100 units" in prose

    defeat = toolkit.read_coding_sheet(toolkit.example_sheet("06-coded-whitehouse-defeat.xlsx"))
    drawn = toolkit.sample_for_coding(
        hits.query("frame == 'defeat'"), n=30, seed=1, by="press", corpus=corpus
    )
    assert drawn[[*key, "cue"]].equals(defeat[[*key, "cue"]])
    overall = toolkit.estimate_precision(defeat, coder="coder_2").iloc[0]
    coded = int(overall["correct"] + overall["wrong"])
    assert f"{int(overall['correct'])} of the {coded} defeat cues coded are right" in prose
    by_press = toolkit.estimate_precision(defeat, coder="coder_2", by="press")
    asked = by_press[by_press["press"].eq(True).fillna(False)].iloc[0]
    assert (
        f"{int(asked['correct'])} of {int(asked['units'])} in questions "
        f"({asked['precision']:.2f}, {_interval(asked)})" in prose
    )

    # the closing note repeats the figures
    closing = prose.split("What this shows, and its limits")[-1]
    assert f"{int(per_frame['correct'].sum())} of 100 frame cues are right" in closing
    assert f"alpha {alpha['alpha']:.2f} ({_interval(alpha)})" in closing
    assert f"{int(overall['correct'])} of {coded} defeat cues" in closing


def test_the_turn_sample_is_the_coded_one(study, prose):
    corpus, quotes = study["corpus"], study["quotes"]
    key = ["doc_id", "start", "end"]
    turns = toolkit.read_coding_sheet(toolkit.example_sheet("06-coded-whitehouse-turns.xlsx"))
    drawn = toolkit.sample_for_coding(
        quotes.query("cue_type == 'turn'"), n=30, seed=1, by="press", corpus=corpus
    )
    assert drawn[[*key, "speaker_id"]].equals(turns[[*key, "speaker_id"]])
    right = toolkit.estimate_precision(turns, coder="coder_2").iloc[0]
    assert (
        f"{int(right['correct'])} of the 30 turns are the named speaker's words "
        f"({right['precision']:.2f}, {_interval(right)})" in prose
    )
    closing = prose.split("What this shows, and its limits")[-1]
    assert f"{int(right['correct'])} of 30 transcript turns" in closing

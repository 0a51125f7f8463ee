"""The actors and frames commands print the same tables as the API."""

from __future__ import annotations

import io
import json

import pandas as pd

import toolkit
from toolkit.cli import main

from .conftest import DATA


def test_actors_counts_mentions_and_suggestions(capsys, tmp_path):
    assert main(["actors", str(DATA), "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    expected = toolkit.count_actors(DATA)
    assert table["actor"].tolist() == expected["actor"].astype(str).tolist()
    assert table["mentions"].tolist() == expected["mentions"].tolist()
    assert table.loc[table["actor"] == "Taliban", "mentions"].item() == 20

    assert main(["actors", str(DATA), "--rollup", "--by", "voice", "--format", "csv"]) == 0
    rolled = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(rolled.columns[:3]) == ["voice", "actor", "type"]
    assert rolled.groupby("actor")["mentions"].sum()["Taliban"] == 25

    out = tmp_path / "mentions.jsonl"
    assert main(["actors", str(DATA), "--mentions", "--format", "jsonl", "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(rows) == 97
    text = toolkit.load_corpus(DATA, progress=False).docs["text"].iat[0]
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)

    assert main(["actors", str(DATA), "--suggest", "--min-count", "3"]) == 0
    printed = capsys.readouterr().out
    assert "Badghis" in printed and "Tehran" in printed and "Bagram" not in printed


def test_frames_by_month_and_hits(capsys, tmp_path):
    assert main(["frames", str(DATA), "--by", "month,voice", "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert set(table["month"]) == {"2021-07"}
    assert table.groupby("frame")["mentions"].sum()["withdrawal"] == 9
    assert main(["frames", str(DATA), "--hits", "--format", "csv"]) == 0
    hits = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert hits.loc[hits["text"] == "defeat", "voice"].tolist() == ["quoted"]


def test_lexicon_option_and_errors(capsys, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("frames:\n  leaving:\n    cues: [withdraw*, pullout]\n", encoding="utf-8")
    assert main(["frames", str(DATA), "--lexicon", str(path), "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert table[["frame", "mentions"]].to_numpy().tolist() == [["leaving", 3]]

    assert main(["actors", str(DATA), "--lexicon", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: no lexicon named 'nope'") and "afghanistan-2021-actors" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  X:\n    type: army\n    aliases: [x]\n", encoding="utf-8")
    assert main(["actors", str(DATA), "--lexicon", str(bad)]) == 2
    assert "line 3" in capsys.readouterr().err
    assert main(["frames", str(DATA), "--by", "colour"]) == 2
    assert "cannot group by 'colour'" in capsys.readouterr().err

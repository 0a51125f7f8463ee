"""The quotes and speakers commands print the same tables as the API."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pandas as pd
import pytest

import toolkit
from toolkit.cli import QUOTE_TABLE_COLUMNS, main

from .conftest import DATA, ROOT


def test_quotes_csv_matches_the_api(capsys):
    assert main(["quotes", str(DATA), "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    expected = toolkit.extract_quotes(toolkit.load_corpus(DATA, progress=False))
    assert list(table.columns) == list(expected.columns)
    assert table["text"].tolist() == expected["text"].tolist()
    assert table["speaker"].fillna("").tolist() == expected["speaker"].fillna("").tolist()
    assert table["start"].tolist() == expected["start"].tolist()


def test_quotes_filters_and_jsonl_file(capsys, tmp_path):
    out = tmp_path / "quotes.jsonl"
    args = ["quotes", str(DATA), "--kind", "direct", "--format", "jsonl", "-o", str(out)]
    assert main(args) == 0
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert {r["kind"] for r in rows} == {"direct"}
    assert len(rows) == 6
    assert rows[0]["speaker"] == "Husamuddin Shams" and rows[0]["speaker_mention"] == "he"

    assert main(["quotes", str(DATA), "--min-confidence", "0.9", "--format", "csv"]) == 0
    sure = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert len(sure) > 0 and (sure["confidence"] >= 0.9).all()


def test_quotes_table_format_shows_the_main_columns(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # a wide terminal: the names fit whole
    assert main(["quotes", str(DATA), "--kind", "partial"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "8 quotations in 1 document"
    header = out.splitlines()[1].split()
    assert header == QUOTE_TABLE_COLUMNS
    assert "Bismillah Mohammadi" in out and '"difficult"' in out


def test_speakers_command(capsys):
    assert main(["speakers", str(DATA), "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    row = table.set_index("speaker").loc["Abdul Aziz Bek"]
    assert (row.n_direct, row.words_quoted) == (2, 36)
    assert row.first_doc_id == "trtworld-2021-07-07-qala-e-naw"


def test_bad_arguments(capsys):
    assert main(["quotes", "no/such/folder"]) == 2
    assert capsys.readouterr().err.startswith("error: No such file or folder")
    assert main(["speakers", str(DATA), "--rules", "missing-rules.yaml"]) == 2
    assert "missing-rules.yaml" in capsys.readouterr().err


def test_module_entry_point_runs_quotes():
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "quotes", "data", "--kind", "direct", "--format", "csv"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(io.StringIO(result.stdout))
    assert table["speaker"].tolist()[:2] == ["Husamuddin Shams", "Ministry of Defence official"]


def test_cue_type_keeps_reported_speech(capsys):
    assert main(["quotes", str(DATA), "--cue-type", "speech", "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert set(table["cue_type"]) == {"speech"}
    everything = toolkit.extract_quotes(toolkit.load_corpus(DATA, progress=False))
    # the sample reports stances too ("Zarif welcomed the departure"), left out here
    assert len(table) == int((everything["cue_type"] == "speech").sum()) < len(everything)
    assert main(["speakers", str(DATA), "--cue-type", "stance", "--format", "csv"]) == 0
    stances = pd.read_csv(io.StringIO(capsys.readouterr().out))
    # "Zarif welcomed the departure ...", "hailed the defeat ...", "Biden rejected advice ..."
    assert sorted(stances["speaker"]) == ["Joe Biden", "Mohammad Javad Zarif"]
    assert main(["quotes", str(DATA), "--cue-type", "gossip"]) == 2
    assert "cue types of these rules are" in capsys.readouterr().err


def test_workers_option_gives_the_same_table(capsys, tmp_path):
    text = next(DATA.glob("*.txt")).read_text("utf-8")
    for n in range(4):
        (tmp_path / f"copy{n}.txt").write_text(text.replace("Shams", f"Shams{n}"), "utf-8")
    tables = []
    for workers in ("1", "2"):
        args = ["quotes", str(tmp_path), "--workers", workers, "--format", "csv"]
        assert main(args) == 0
        tables.append(pd.read_csv(io.StringIO(capsys.readouterr().out)))
    assert tables[0]["doc_id"].nunique() == 4
    pd.testing.assert_frame_equal(tables[0], tables[1])
    assert "Shams3" in " ".join(tables[1]["speaker"].dropna())
    with pytest.raises(SystemExit) as stop:
        main(["speakers", str(tmp_path), "--workers", "0"])
    assert stop.value.code == 2
    assert "'0' is not a whole number of 1 or more" in capsys.readouterr().err

"""The quotes and speakers commands print the same tables as the API."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pandas as pd

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


def test_quotes_table_format_shows_the_main_columns(capsys):
    assert main(["quotes", str(DATA), "--kind", "partial"]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0].split()
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

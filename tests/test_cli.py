"""The command line prints the same tables as the API."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pandas as pd
import pytest

import toolkit
from toolkit.cli import main

from .conftest import DATA, ROOT


def test_kwic_formats(capsys, tmp_path):
    assert main(["kwic", str(DATA), "pull* out", "--window", "3", "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    expected = toolkit.kwic(DATA, "pull* out", window=3)
    assert table.keyword.tolist() == expected.keyword.tolist()
    assert table.left.tolist() == expected.left.tolist()

    out = tmp_path / "hits.jsonl"
    assert (
        main(["kwic", str(DATA), "withdraw*", "defeat", "--format", "jsonl", "-o", str(out)]) == 0
    )
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert sorted(r["pattern"] for r in rows) == ["defeat", "withdraw*", "withdraw*"]

    assert main(["kwic", str(DATA), "defeat"]) == 0
    assert "defeat" in capsys.readouterr().out


def test_errors_exit_2_with_one_line(capsys):
    assert main(["kwic", "no/such/folder", "x"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: No such file or folder") and err.count("\n") == 1
    assert main(["kwic", str(DATA), "[x", "--match", "regex"]) == 2
    assert "not a valid regular expression" in capsys.readouterr().err


def test_module_entry_point_runs():
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "kwic", "data", "Kabul", "--format", "csv"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert pd.read_csv(io.StringIO(result.stdout)).keyword.tolist() == ["Kabul", "Kabul"]


# ------------------------------------------------------- bad paths and output


def _error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    return err


def test_empty_corpus_argument_is_an_error(capsys, tmp_path, monkeypatch):
    (tmp_path / "private.txt").write_text("withdrawal of my own", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["kwic", "", "withdrawal"]) == 2
    assert "empty string" in _error(capsys)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x{99999999999}", "--match", "regex"], "not a valid regular expression"),
        (["Kabul", "--window", str(10**20)], "--window 100000000000000000000"),
    ],
)
def test_overflowing_options_are_one_line_errors(capsys, args, message):
    assert main(["kwic", str(DATA), *args]) == 2
    assert message in _error(capsys)


def test_output_never_replaces_a_file_without_force(capsys, tmp_path):
    out = tmp_path / "mine.csv"
    out.write_text("my own notes", "utf-8")
    assert main(["kwic", str(DATA), "defeat", "--format", "csv", "-o", str(out)]) == 2
    assert "the file exists; pass --force" in _error(capsys)
    assert out.read_text("utf-8") == "my own notes"
    assert main(["kwic", str(DATA), "defeat", "--format", "csv", "-o", str(out), "--force"]) == 0
    assert pd.read_csv(out).keyword.tolist() == ["defeat"]


def test_bad_output_paths_are_one_line_errors(capsys, tmp_path):
    (tmp_path / "a-file").write_text("x", "utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text("Troops withdrew from Kabul.", "utf-8")
    cases = [
        (tmp_path, "that is a folder"),
        (tmp_path / "missing" / "hits.csv", "does not exist; create it first"),
        (tmp_path / "a-file" / "hits.csv", "is a file, not a folder"),
        (corpus / "hits.txt", "inside the corpus being read"),
    ]
    for output, message in cases:
        assert main(["kwic", str(corpus), "withdrew", "-o", str(output)]) == 2
        assert message in _error(capsys), output
    assert sorted(p.name for p in corpus.iterdir()) == ["story.txt"]
    assert (
        main(["kwic", str(corpus / "story.txt"), "withdrew", "-o", str(corpus / "story.txt")]) == 2
    )
    assert "inside the corpus being read" in _error(capsys)


def test_a_coding_sheet_is_never_overwritten_without_force(capsys, tmp_path):
    sheet = tmp_path / "sheet.xlsx"
    sheet.write_bytes(b"the coders' work")
    args = ["sample", "kwic", str(DATA), "--pattern", "Taliban", "-n", "3", "-o", str(sheet)]
    assert main(args) == 2
    assert "the file exists; pass --force" in _error(capsys)
    assert sheet.read_bytes() == b"the coders' work"
    assert main([*args, "--force"]) == 0
    assert sheet.read_bytes()[:2] == b"PK"  # an .xlsx now

"""The command line prints the same tables as the API."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pandas as pd

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

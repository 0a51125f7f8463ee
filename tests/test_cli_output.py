"""What the command line prints: tables that fit the terminal, a first line with
the counts, a note for patterns that find nothing, errors in a shell user's words."""

from __future__ import annotations

import io

import pandas as pd
import pytest

import toolkit
from toolkit.cli import build_parser, main
from toolkit.cli.common import format_table

from .conftest import DATA

LONG_ID = "wh-2021-08-31-remarks-by-president-biden-on-the-end-of-the-war-in-afghanistan-" * 2


@pytest.fixture
def long_ids(tmp_path):
    """A table corpus whose document ids run to 160 characters."""
    path = tmp_path / "long.csv"
    text = (DATA / "trtworld-2021-07-07-qala-e-naw.txt").read_text("utf-8")
    pd.DataFrame({"id": [LONG_ID + "a", LONG_ID + "b"], "text": [text, text[:3000]]}).to_csv(
        path, index=False
    )
    return path


@pytest.mark.parametrize("columns", [60, 80, 132])
def test_tables_fit_the_terminal(capsys, monkeypatch, long_ids, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(["kwic", str(long_ids), "Taliban", "--window", "8", "--id-col", "id"]) == 0
    lines = capsys.readouterr().out.splitlines()
    n = len(toolkit.kwic(toolkit.load_corpus(long_ids, id_col="id", progress=False), "Taliban"))
    assert lines[0] == f"{n} hits in 2 documents"
    assert max(len(line) for line in lines[1:]) <= columns
    assert "\u2026" in lines[2]  # the id and the contexts are shortened
    # a long first line wraps too
    assert main(["freq", str(long_ids), "--id-col", "id", "-n", "3", "--by", "doc_id"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "distinct 3-word sequences" in lines[0] and max(len(line) for line in lines) <= columns
    # the full values are in csv
    assert main(["kwic", str(long_ids), "Taliban", "--id-col", "id", "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert table["doc_id"].str.len().min() == len(LONG_ID) + 1


def test_contexts_are_shortened_between_words(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "70")
    assert main(["kwic", str(DATA), "Taliban", "--window", "10"]) == 0
    lines = capsys.readouterr().out.splitlines()
    hits = toolkit.kwic(DATA, "Taliban", window=10)
    header = lines[1]
    left_end = header.index("left") + len("left")
    for line, row in zip(lines[2:], hits.itertuples(index=False), strict=True):
        full = " ".join(row.left.split())
        left = line[:left_end].split("  ")[-1].strip()
        assert left.startswith("\u2026") or left == full
        kept = left.removeprefix("\u2026")
        assert full.endswith(kept)
        assert full == kept or full[-len(kept) - 1] == " "  # a whole word after the cut


def test_format_table_rounds_numbers_and_keeps_them_whole():
    frame = pd.DataFrame(
        {
            "term": ["airport", "the"],
            "count": [195, 7],
            "g2": [525.2381, 0.12],
            "p": [3.1e-116, 0.73],
            "share": [0.5, 0.25],
            "month": pd.PeriodIndex(["2021-08", "2021-09"], freq="M").astype(str),
        }
    )
    text = format_table(frame, width=40)
    lines = text.splitlines()
    assert lines[0].split() == ["term", "count", "g2", "p", "share", "month"]
    assert lines[1].split() == ["airport", "195", "525.2", "3.1e-116", "0.500", "2021-08"]
    assert lines[2].split() == ["the", "7", "0.1", "0.730", "0.250", "2021-09"]


def test_summary_goes_to_stderr_with_csv(capsys):
    assert main(["kwic", str(DATA), "withdraw*", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "2 hits in 1 document\n"
    assert pd.read_csv(io.StringIO(captured.out))["keyword"].tolist() == [
        "withdraw",
        "withdrawal",
    ]


def test_a_pattern_that_can_match_nothing_says_so(capsys):
    assert main(["kwic", str(DATA), "withdraw[*"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "0 hits in 0 documents\n"
    assert "no hits for 'withdraw[*': it can match no word" in captured.err
    assert "'withdraw' + '['" in captured.err
    assert main(["kwic", str(DATA), "withdraw*", "zebra"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("2 hits in 1 document for 2 patterns\n")
    assert captured.err == "note: no hits for 'zebra'\n"
    assert main(["collocates", str(DATA), "pullout[*"]) == 0
    assert "can match no word" in capsys.readouterr().err


def test_errors_name_the_option_to_use(capsys, tmp_path):
    path = tmp_path / "articles.csv"
    pd.DataFrame({"id": ["a"], "headline": ["x"], "body": ["Troops left Kabul today."]}).to_csv(
        path, index=False
    )
    report = tmp_path / "report"
    commands = [
        ["kwic", str(path), "Kabul"],
        ["freq", str(path)],
        ["report", str(path), "-o", str(report)],
    ]
    for command in commands:
        assert main(command) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.endswith("Use --text-col body\n")
        assert "its columns are: id, headline, body" in err and "text_col" not in err
    assert not report.exists()  # checked before any notebook ran
    assert main(["freq", str(path), "--text-col", "body", "--id-col", "key"]) == 2
    err = capsys.readouterr().err
    assert "no column 'key'" in err and "Use --id-col id" in err
    assert main(["freq", str(path), "--text-col", "body", "--by", "month"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --by month needs document dates") and "by=" not in err


@pytest.mark.parametrize(
    "command",
    [
        "kwic",
        "actors",
        "frames",
        "freq",
        "collocates",
        "keyness",
        "quotes",
        "speakers",
        "sentiment",
        "report",
    ],
)
def test_every_command_has_examples_in_its_help(command):
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices[command]
    help_text = sub.format_help()
    assert "examples:\n  python -m toolkit " + command in help_text
    assert "--format" in help_text or command == "report"

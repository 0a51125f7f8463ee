"""The sample and agreement commands: a coding sheet out, agreement back in."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

import toolkit
from toolkit.cli import main

from .conftest import DATA


def _fill(path, coder: str, codes: list[str]) -> None:
    wb = load_workbook(path)
    ws = wb["units"]
    letter = next(c.column_letter for c in ws[1] if c.value == coder)
    for row, code in enumerate(codes, start=2):
        ws[f"{letter}{row}"] = code
    wb.save(path)


def test_sample_writes_the_same_sheet_as_the_api(tmp_path, capsys):
    out = tmp_path / "frames.xlsx"
    argv = ["sample", "frames", str(DATA), "-n", "12", "--seed", "1", "--by", "frame"]
    assert main([*argv, "-o", str(out)]) == 0
    assert "12 units of 42 (frames, seed 1)" in capsys.readouterr().err
    sheet = toolkit.read_coding_sheet(out)
    corpus = toolkit.load_corpus(DATA, progress=False)
    expected = toolkit.sample_for_coding(
        toolkit.find_frames(corpus), n=12, seed=1, by="frame", corpus=corpus
    )
    pd.testing.assert_frame_equal(sheet[expected.columns], expected)


@pytest.mark.parametrize("table", ["quotes", "actors"])
def test_sample_quotes_and_actors(tmp_path, table):
    out = tmp_path / f"{table}.xlsx"
    assert main(["sample", table, str(DATA), "-n", "5", "--seed", "2", "-o", str(out)]) == 0
    sheet = toolkit.read_coding_sheet(out)
    assert len(sheet) == 5 and sheet.attrs["sample"]["source_table"] == table


def test_sample_kwic_needs_a_pattern_and_unflagged_has_its_codes(tmp_path, capsys):
    out = tmp_path / "k.xlsx"
    assert main(["sample", "kwic", str(DATA), "-o", str(out)]) == 2
    assert "--pattern" in capsys.readouterr().err
    assert main(["sample", "kwic", str(DATA), "--pattern", "withdraw*", "-o", str(out)]) == 0
    assert set(toolkit.read_coding_sheet(out)["text"].str.lower()) <= {"withdraw", "withdrawal"}
    quiet = tmp_path / "quiet.xlsx"
    assert main(["sample", "frames", str(DATA), "--unflagged", "-n", "4", "-o", str(quiet)]) == 0
    sheet = toolkit.read_coding_sheet(quiet)
    assert sheet.attrs["coding"]["codes"] == ["none", "missed", "unsure"]
    assert sheet.attrs["sample"]["source_table"] == "sentences without a hit"


def test_agreement_of_two_coders(tmp_path, capsys):
    out = tmp_path / "two.xlsx"
    argv = ["sample", "frames", str(DATA), "-n", "8", "--coders", "ann", "bob", "-o", str(out)]
    assert main(argv) == 0
    _fill(
        out,
        "ann",
        ["correct", "correct", "wrong", "correct", "unsure", "wrong", "correct", "correct"],
    )
    _fill(
        out,
        "bob",
        ["correct", "wrong", "wrong", "correct", "unsure", "wrong", "correct", "correct"],
    )
    capsys.readouterr()
    assert main(["agreement", str(out), "--format", "csv", "--boot", "200"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    expected = toolkit.agreement(toolkit.read_coding_sheet(out), coders=["ann", "bob"], n_boot=200)
    assert table["coders"].tolist() == ["ann, bob"]
    assert table["alpha"].iat[0] == pytest.approx(expected["alpha"].iat[0])
    assert table["percent_agreement"].iat[0] == pytest.approx(7 / 8)


def test_agreement_of_one_sheet_per_coder_and_bad_codes(tmp_path, capsys):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for path, coder in ((a, "ann"), (b, "bob")):
        argv = ["sample", "frames", str(DATA), "-n", "4", "--coders", coder, "-o", str(path)]
        assert main(argv) == 0
    _fill(a, "ann", ["correct", "wrong", "correct", "correct"])
    _fill(b, "bob", ["correct", "wrong", "wrong", "correct"])
    capsys.readouterr()
    assert main(["agreement", str(a), str(b), "--format", "csv", "--boot", "50"]) == 0
    assert pd.read_csv(io.StringIO(capsys.readouterr().out))["units"].tolist() == [4]
    assert main(["agreement", str(a)]) == 2
    assert "two or more coders" in capsys.readouterr().err
    _fill(b, "bob", ["correct", "wrogn"])
    assert main(["agreement", str(a), str(b)]) == 2
    err = capsys.readouterr().err
    assert "'wrogn' is not an allowed code" in err and "cell " in err


def test_frames_and_actors_say_what_the_rules_removed(tmp_path, capsys):
    corpus = tmp_path / "storms.txt"
    corpus.write_text(
        "Fighters stormed the city. A winter storm closed the roads in advance of the talks. "
        "The men and women of the armed forces came home.",
        encoding="utf-8",
    )
    assert main(["frames", str(corpus), "--format", "csv"]) == 0
    err = capsys.readouterr().err
    assert "exclude/near rules removed 2 hits" in err and 'exclude "in advance"' in err
    assert main(["frames", str(corpus), "--excluded", "--format", "csv"]) == 0
    removed = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert removed["text"].tolist() == ["storm", "advance"]
    assert removed["excluded_by"].str.startswith("exclude").all()
    assert main(["actors", str(corpus), "--excluded", "--format", "csv"]) == 0
    out = capsys.readouterr()
    assert pd.read_csv(io.StringIO(out.out))["excluded_by"].tolist() == ['exclude "men and women"']


def test_the_readme_loop_runs_as_printed(tmp_path, monkeypatch):
    import re

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("**Validating the measures.**", 1)[1]
    block = re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)
    assert len(block.strip().splitlines()) == 5
    monkeypatch.chdir(tmp_path)
    corpus = toolkit.load_corpus(DATA, progress=False)
    scope = {"toolkit": toolkit, "corpus": corpus, "hits": toolkit.find_frames(corpus)}
    exec(block, scope)
    coded = scope["coded"]
    assert len(coded) == len(toolkit.find_frames(scope["corpus"]))  # fewer than 100: all of them
    assert {"ann", "bob"} <= set(coded.columns) and (tmp_path / "frames.xlsx").exists()

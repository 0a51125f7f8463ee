"""Coding sheets: written for Excel, read back, bad codes named by their cell."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

import toolkit
from toolkit.analyses.coding_sheet import UNITS_SHEET


@pytest.fixture(scope="module")
def units(sample_corpus):
    hits = toolkit.find_frames(sample_corpus)
    return toolkit.sample_for_coding(hits, n=8, seed=2, by="frame", corpus=sample_corpus)


def _column_letter(ws, name: str) -> str:
    return next(c.column_letter for c in ws[1] if c.value == name)


def test_round_trip_keeps_every_column_and_the_sample_facts(units, tmp_path):
    path = toolkit.write_coding_sheet(units, tmp_path / "s.xlsx", coders=("ann", "bob"))
    back = toolkit.read_coding_sheet(path)
    pd.testing.assert_frame_equal(back[units.columns], units)
    assert back["ann"].isna().all() and back["bob"].isna().all()
    assert "notes" in back.columns
    assert back.attrs["sample"] == units.attrs["sample"]
    assert back.attrs["coding"]["coders"] == ["ann", "bob"]
    assert back.attrs["coding"]["codes"] == ["correct", "wrong", "unsure"]


def test_the_sheet_is_ready_for_a_coder(units, tmp_path):
    path = toolkit.write_coding_sheet(units, tmp_path / "s.xlsx", coders=("ann", "bob"))
    wb = load_workbook(path)
    ws = wb[UNITS_SHEET]
    assert ws.freeze_panes == "B2"
    header = [c.value for c in ws[1]]
    assert header[0] == "unit_id" and header.index("context") < header.index("ann")
    lists = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    for coder in ("ann", "bob"):
        letter = _column_letter(ws, coder)
        assert lists[f"{letter}2:{letter}{len(units) + 1}"] == '"correct,wrong,unsure"'
    assert ws.column_dimensions[_column_letter(ws, "context")].width >= 60
    assert ws.column_dimensions[_column_letter(ws, "left")].hidden
    # the instructions: each code's meaning, and where the sample comes from
    rows = {r[0]: r[1] for r in wb["instructions"].iter_rows(values_only=True) if r and r[0]}
    assert "frame" in rows["correct"] and rows["seed"] == "2"
    assert rows["source table"] == "frames" and rows["stratified by"] == "frame"
    assert rows["corpus"] == "1 document from trtworld-2021-07-07-qala-e-naw.txt"
    assert wb["_toolkit"].sheet_state == "hidden"


def test_codes_typed_in_the_sheet_are_read_and_a_bad_one_is_named(units, tmp_path):
    path = toolkit.write_coding_sheet(units, tmp_path / "s.xlsx")
    wb = load_workbook(path)
    ws = wb[UNITS_SHEET]
    letter = _column_letter(ws, "coder_1")
    ws[f"{letter}2"] = "correct"
    ws[f"{letter}3"] = " Wrong "  # spaces and case are forgiven
    ws[f"{letter}5"] = "unsure"
    ws[f"{_column_letter(ws, 'notes')}5"] = "irony?"
    wb.save(path)
    back = toolkit.read_coding_sheet(path)
    assert back["coder_1"].tolist()[:4] == ["correct", "wrong", None, "unsure"]
    assert back["notes"].tolist()[3] == "irony?"
    ws[f"{letter}7"] = "corect"
    wb.save(path)
    with pytest.raises(ValueError, match=rf"cell {letter}7: 'corect' is not an allowed code") as e:
        toolkit.read_coding_sheet(path)
    assert "correct, wrong, unsure" in str(e.value)


def test_codes_already_in_the_sample_are_written(units, tmp_path):
    coded = units.assign(coder_1=["correct", "wrong"] + [None] * (len(units) - 2))
    path = toolkit.write_coding_sheet(coded, tmp_path / "s.xlsx")
    assert toolkit.read_coding_sheet(path)["coder_1"].tolist()[:3] == ["correct", "wrong", None]
    with pytest.raises(ValueError, match="unit 1: 'maybe'"):
        toolkit.write_coding_sheet(
            units.assign(coder_1="maybe"), tmp_path / "t.xlsx", codes=("yes", "no")
        )


def test_sheets_of_two_coders_are_read_together(units, tmp_path):
    a = toolkit.write_coding_sheet(units.assign(ann="correct"), tmp_path / "a.xlsx", coders=["ann"])
    b = toolkit.write_coding_sheet(units.assign(bob="wrong"), tmp_path / "b.xlsx", coders=["bob"])
    both = toolkit.read_coding_sheet([a, b])
    assert set(both["ann"]) == {"correct"} and set(both["bob"]) == {"wrong"}
    assert {"notes_ann", "notes_bob"} <= set(both.columns)
    assert both.attrs["coding"]["coders"] == ["ann", "bob"]
    other = toolkit.write_coding_sheet(units.head(3), tmp_path / "c.xlsx", coders=["cy"])
    with pytest.raises(ValueError, match="different samples"):
        toolkit.read_coding_sheet([a, other])
    with pytest.raises(ValueError, match="'ann' has a column in more than one sheet"):
        toolkit.read_coding_sheet([a, a])


def test_text_that_looks_like_a_formula_stays_text(sample_corpus, tmp_path):
    corpus = toolkit.load_corpus(["=SUM(A1) the withdrawal <b>began</b>."], progress=False)
    units = toolkit.sample_for_coding(toolkit.kwic(corpus, "*SUM*", match="glob"), n=1)
    units = units.assign(left="=HYPERLINK(1)")
    back = toolkit.read_coding_sheet(toolkit.write_coding_sheet(units, tmp_path / "f.xlsx"))
    assert back["left"].iat[0] == "=HYPERLINK(1)"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"codes": ("yes", "yes")}, ValueError, "twice"),
        ({"codes": ("a,b", "c")}, ValueError, "comma"),
        ({"codes": "correct"}, TypeError, "not the string"),
        ({"coders": ("start",)}, ValueError, "columns of the sample"),
        ({"coders": ("a", "a")}, ValueError, "distinct"),
        ({"meanings": {"maybe": "?"}}, ValueError, "maybe"),
    ],
)
def test_bad_sheet_requests(units, tmp_path, kwargs, error, message):
    with pytest.raises(error, match=message):
        toolkit.write_coding_sheet(units, tmp_path / "s.xlsx", **kwargs)


def test_paths_that_are_not_coding_sheets(units, tmp_path):
    with pytest.raises(ValueError, match=r"\.xlsx file"):
        toolkit.write_coding_sheet(units, tmp_path / "s.csv")
    with pytest.raises(FileNotFoundError, match="No such coding sheet"):
        toolkit.read_coding_sheet(tmp_path / "missing.xlsx")
    units.to_excel(tmp_path / "plain.xlsx", index=False)
    with pytest.raises(ValueError, match="not a coding sheet written by the toolkit"):
        toolkit.read_coding_sheet(tmp_path / "plain.xlsx")
    (tmp_path / "junk.xlsx").write_text("not a workbook")
    with pytest.raises(ValueError, match=r"not an \.xlsx workbook"):
        toolkit.read_coding_sheet(tmp_path / "junk.xlsx")


def test_a_sheet_gets_the_mode_of_an_ordinary_file(units, tmp_path):
    import os

    path = toolkit.write_coding_sheet(units, tmp_path / "s.xlsx")
    probe = tmp_path / "probe.txt"
    probe.write_text("x")
    assert path.stat().st_mode & 0o777 == probe.stat().st_mode & 0o777
    os.chmod(path, 0o640)
    toolkit.write_coding_sheet(units, path)  # rewritten: keeps its mode
    assert path.stat().st_mode & 0o777 == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".s-")]  # no leftovers

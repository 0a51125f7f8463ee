"""Notebook 05 (validating the measures) runs top to bottom on data/, and the
coded examples it ships are samples of the bundled article as the toolkit
reads it today."""

from __future__ import annotations

import json

import pytest

import toolkit
from toolkit.report import execute_notebook

from .conftest import DATA, ROOT

NAME = "05-validating-the-measures.ipynb"
FRAMES = toolkit.example_sheet("05-coded-example-frames.xlsx")
QUOTES = toolkit.example_sheet("05-coded-example-quotes.xlsx")


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    out = tmp_path_factory.mktemp("nb05")
    sheet = out / "coding.xlsx"
    execute_notebook(
        ROOT / "notebooks" / NAME,
        out / NAME,
        parameters={"CORPUS": str(DATA.resolve()), "SHEET": str(sheet)},
    )
    return json.loads((out / NAME).read_text("utf-8")), sheet


def _outputs(nb) -> list[str]:
    texts = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        parts = []
        for o in cell.get("outputs", []):
            assert o["output_type"] != "error", o.get("evalue")
            data = o.get("data", {})
            parts += ["".join(data.get(k, "")) for k in ("text/plain", "text/html")]
        texts.append("\n".join(parts))
    return texts


def test_skeleton():
    nb = json.loads((ROOT / "notebooks" / NAME).read_text("utf-8"))
    cells = nb["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert "**The question.**" in "".join(cells[0]["source"])
    params = [c for c in code if c["metadata"].get("tags") == ["parameters"]]
    assert len(params) == 1 and 'CORPUS = "../data"' in "".join(params[0]["source"])
    assert "SHEET = None" in "".join(params[0]["source"])
    assert "## What this shows, and its limits" in "".join(cells[-1]["source"])
    source = "\n".join("".join(c["source"]) for c in code)
    assert "def " not in source
    # a dozen calls, and the packaged example each coded sheet is read from
    calls = source.count("toolkit.") - source.count("import toolkit")
    assert calls - source.count("toolkit.example_sheet(") <= 12


def test_runs_and_shows_the_examples_tables(executed):
    nb, sheet = executed
    shown = "\n".join(_outputs(nb))
    coded = toolkit.read_coding_sheet(FRAMES)
    table = toolkit.estimate_precision(coded, coder="coder_1", by="frame")
    for frame, units in zip(table["frame"], table["units"], strict=True):
        assert frame in shown and str(units) in shown
    assert "coder_1, coder_1_again" in shown
    assert "CodingExplorer" in shown or "toolkit-coding-explorer" in shown
    # the explorer wrote the sheet at once, before any decision: 30 units, none coded
    saved = toolkit.read_coding_sheet(sheet)
    assert len(saved) == 30 and saved["coder_1"].isna().all()
    assert saved.attrs["sample"]["seed"] == 1


def test_the_frames_example_is_the_toolkits_decisions_on_the_sample(sample_corpus):
    coded = toolkit.read_coding_sheet(FRAMES)
    text = sample_corpus.docs.set_index("doc_id")["text"]
    hits = toolkit.find_frames(sample_corpus).set_index(["doc_id", "start", "end"])
    for row in coded.itertuples(index=False):
        assert text[row.doc_id][row.start : row.end] == row.text
        hit = hits.loc[(row.doc_id, row.start, row.end)]
        assert (hit["frame"], hit["cue"]) == (row.frame, row.cue)
    assert set(coded["coder_1"]) <= {"correct", "wrong", "unsure"}
    assert coded.attrs["sample"]["population"] == len(hits)


def test_the_quotes_example_is_the_toolkits_decisions_on_the_sample(sample_corpus):
    coded = toolkit.read_coding_sheet(QUOTES)
    quotes = toolkit.extract_quotes(sample_corpus).set_index(["doc_id", "start", "end"])
    for row in coded.itertuples(index=False):
        quote = quotes.loc[(row.doc_id, row.start, row.end)]
        assert (quote["speaker"], quote["kind"]) == (row.speaker, row.kind)
    assert coded["coder_1"].notna().all()

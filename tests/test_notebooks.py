"""The main job: every curated notebook runs top to bottom on data/ through the
report command, and the pages it writes show the results."""

from __future__ import annotations

import json

import pytest

from toolkit.cli import main

from .conftest import DATA, ROOT

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    status = main(["report", str(DATA), "-o", str(out)])
    return out, status


def test_report_runs_every_notebook(report):
    out, status = report
    assert status == 0
    index = (out / "index.html").read_text("utf-8")
    for name in NOTEBOOKS:
        assert (out / name.replace(".ipynb", ".html")).exists()
        assert name in index
    assert "failed" not in index


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_outputs_have_no_errors(report, name):
    out, _ = report
    nb = json.loads((out / name).read_text("utf-8"))
    outputs = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]
    assert outputs, "the notebook produced no output at all"
    assert not [o for o in outputs if o["output_type"] == "error"]
    assert not [
        o for o in outputs if o.get("name") == "stderr" and "Traceback" in o.get("text", "")
    ]
    # the corpus injected by the report replaced the default in the parameters cell
    injected = [c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
    assert injected and str(DATA.resolve()) in "".join(injected[0]["source"])


def test_getting_started_shows_kwic_plot_and_explorer(report):
    out, _ = report
    page = (out / "01-getting-started-kwic.html").read_text("utf-8")
    assert "<mark" in page and "withdrawal" in page
    assert page.count("data:image/png;base64") >= 2  # dispersion plot and explorer snapshot
    assert "Static snapshot of an interactive explorer" in page


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebooks_are_committed_clean(name):
    nb = json.loads((ROOT / "notebooks" / name).read_text("utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    params = [c for c in code if "parameters" in c["metadata"].get("tags", [])]
    assert len(params) == 1 and "CORPUS" in "".join(params[0]["source"])
    assert not any("def " in "".join(c["source"]) for c in code)

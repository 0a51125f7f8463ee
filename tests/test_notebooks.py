"""The main job: every curated notebook runs top to bottom on data/ through the
report command, and the pages it writes show the results."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from toolkit.cli import main
from toolkit.report import report_notebooks, run_report

from .conftest import DATA, ROOT, WHITEHOUSE

ALL = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
# on the sample: every notebook but the study of the White House corpus
NOTEBOOKS = [p.name for p in report_notebooks(DATA)]


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
    # the study states findings about the White House corpus: not run on the sample
    assert "06-study-withdrawal-or-defeat.ipynb" not in index
    assert not (out / "06-study-withdrawal-or-defeat.html").exists()


def test_a_study_runs_only_on_its_corpus(tmp_path):
    assert ALL[:-1] == NOTEBOOKS and ALL[-1] == "06-study-withdrawal-or-defeat.ipynb"
    assert [p.name for p in report_notebooks(WHITEHOUSE)] == ALL
    table = WHITEHOUSE / "wh_afghanistan_2021_2022.jsonl.gz"
    assert [p.name for p in report_notebooks(table)] == ALL  # the table by its own name
    copy = tmp_path / "wh_afghanistan_2021_2022.jsonl"
    copy.write_text("{}", "utf-8")
    assert [p.name for p in report_notebooks(copy)] == ALL  # the shared copy, uncompressed
    other = tmp_path / "my-corpus.jsonl.gz"
    other.write_bytes(b"")
    assert [p.name for p in report_notebooks(other)] == NOTEBOOKS


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_outputs_have_no_errors(report, name):
    out, _ = report
    nb = json.loads((out / "notebooks" / name).read_text("utf-8"))
    outputs = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]
    assert outputs, "the notebook produced no output at all"
    assert not [o for o in outputs if o["output_type"] == "error"]
    assert not [
        o for o in outputs if o.get("name") == "stderr" and "Traceback" in o.get("text", "")
    ]
    assert not [o for o in outputs if o.get("name") == "stderr"]  # no warning, no progress bar
    # the corpus injected by the report replaced the default in the parameters
    # cell, by its name (the kernel ran in its folder): no path of the machine
    injected = [c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
    assert 'CORPUS = "data"\n' in "".join(injected[0]["source"])
    assert str(ROOT) not in json.dumps(nb) and str(out) not in json.dumps(nb)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_pages_hide_the_code_and_say_the_parameters(report, name):
    out, _ = report
    page = (out / name.replace(".ipynb", ".html")).read_text("utf-8")
    assert "import toolkit" not in page and "load_corpus(CORPUS" not in page
    assert "prepare_kernel" not in page and "injected-parameters" not in page
    assert "Corpus: data, 1 document, 926 words, 2021-07-07." in page
    assert "How to read this page." in page and "Its limits." in page
    assert (
        "UserWarning" not in page and 'data-mime-type="application/vnd.jupyter.stderr"' not in page
    )
    assert str(ROOT) not in page and str(out) not in page


def test_long_tables_link_their_full_table(report):
    out, _ = report
    page = (out / "01-getting-started-kwic.html").read_text("utf-8")
    links = re.findall(r'<a href="(tables/[^"]+\.csv)">', page)
    assert links, "no long table linked"
    for link in links:
        assert (out / link).exists()
    words = pd.read_csv(next(out / link for link in links if "terms" in link))
    assert int(words["count"].sum()) < 926 and len(words) > 25  # function words left out
    assert "334 rows; the first 25 shown" in page


def test_show_code_keeps_the_code(tmp_path):
    nb = ROOT / "notebooks" / "02-actor-frequency.ipynb"
    table = run_report(DATA, tmp_path, notebooks=[nb], show_code=True, echo=False)
    assert table["status"].tolist() == ["ok"]
    page = (tmp_path / "02-actor-frequency.html").read_text("utf-8")
    assert "load_corpus" in page and "TEXT_COL" in page and "prepare_kernel" not in page


def test_getting_started_shows_kwic_plot_and_explorer(report):
    out, _ = report
    page = (out / "01-getting-started-kwic.html").read_text("utf-8")
    assert "<mark" in page and "withdrawal" in page
    assert page.count("data:image/png;base64") >= 2  # dispersion plot and explorer snapshot
    assert "Static snapshot of an interactive explorer" in page
    assert (
        "<b>Match case</b>: no" in page and "False" not in page.split("Static snapshot")[1][:2000]
    )


@pytest.mark.parametrize("name", ALL)
def test_notebooks_are_committed_clean(name):
    nb = json.loads((ROOT / "notebooks" / name).read_text("utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    params = [c for c in code if "parameters" in c["metadata"].get("tags", [])]
    assert len(params) == 1 and "CORPUS" in "".join(params[0]["source"])
    assert not any("def " in "".join(c["source"]) for c in code)

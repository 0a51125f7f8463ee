"""Notebooks 02 (actors) and 03 (framing) run top to bottom on data/ with
papermill, and show what they promise."""

from __future__ import annotations

import json

import pytest

from toolkit.report import execute_notebook

from .conftest import DATA, ROOT

NOTEBOOKS = ["02-actor-frequency.ipynb", "03-framing-defeat-withdrawal.ipynb"]


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    out = tmp_path_factory.mktemp("notebooks")
    done = {}
    for name in NOTEBOOKS:
        execute_notebook(
            ROOT / "notebooks" / name, out / name, parameters={"CORPUS": str(DATA.resolve())}
        )
        done[name] = json.loads((out / name).read_text("utf-8"))
    return done


def _outputs(nb) -> list[str]:
    """The text of every output, cell by cell (plain text, HTML, Markdown)."""
    texts = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        parts = []
        for o in cell.get("outputs", []):
            assert o["output_type"] != "error", o.get("evalue")
            data = o.get("data", {})
            for kind in ("text/plain", "text/html", "text/markdown"):
                parts.append("".join(data.get(kind, "")))
            parts.append(o.get("text", "") if isinstance(o.get("text"), str) else "")
        texts.append("\n".join(parts))
    return texts


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_skeleton(name):
    nb = json.loads((ROOT / "notebooks" / name).read_text("utf-8"))
    cells = nb["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert cells[0]["cell_type"] == "markdown" and "".join(cells[0]["source"]).startswith("# ")
    assert "**The question.**" in "".join(cells[0]["source"])
    first_code = next(c for c in code if "import" not in "".join(c["source"]))
    assert first_code["metadata"].get("tags") == ["parameters"]
    assert 'CORPUS = "../data"' in "".join(first_code["source"])
    assert "## What this shows, and its limits" in "".join(cells[-1]["source"])
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    source = "\n".join("".join(c["source"]) for c in code)
    assert "def " not in source
    assert source.count("toolkit.") - source.count("import toolkit") <= 12


def test_actor_notebook_runs_and_shows_counts(executed):
    nb = executed["02-actor-frequency.ipynb"]
    texts = _outputs(nb)
    everything = "\n".join(texts)
    assert "Taliban" in everything and "per_1k_tokens" in everything
    assert "Badghis" in everything  # a suggestion the lexicon does not cover
    images = sum(
        "image/png" in o.get("data", {})
        for c in nb["cells"]
        if c["cell_type"] == "code"
        for o in c.get("outputs", [])
    )
    assert images >= 3  # frequency, by voice, co-occurrence
    assert "Static snapshot of an interactive explorer" in everything


def test_framing_notebook_shows_who_calls_it_a_defeat(executed):
    nb = executed["03-framing-defeat-withdrawal.ipynb"]
    texts = _outputs(nb)
    everything = "\n".join(texts)
    pivot = next(t for t in texts if "narrator" in t and "withdrawal" in t and "frame" in t)
    rows = {
        line.split()[0]: line.split()[1:]
        for line in pivot.split("<")[0].splitlines()
        if line.split() and line.split()[0] in ("withdrawal", "defeat")
    }
    # voice columns narrator, quoted, reported; checked by reading the article
    # against the quotation table: four withdrawal cues are in reported speech
    # ("Officials said ... Washington pulls out", Zarif "welcomed the departure",
    # the United States "agreed ... to pull out", the Pentagon "confirmed that their
    # pullout"), five in the narrator's own sentences; "defeat" and "collapsed" are
    # inside quotation marks, "surrender" is the narrator's
    assert rows["withdrawal"] == ["5", "0", "4"]
    assert rows["defeat"] == ["1", "2", "0"]
    assert "<mark" in everything  # the KWIC table
    assert "Keyness needs documents inside and outside" in everything  # one article
    assert "hailed" in everything  # a collocate of defeat*


def test_framing_notebook_on_many_documents(whitehouse_report):
    name = "03-framing-defeat-withdrawal.ipynb"
    texts = _outputs(json.loads((whitehouse_report / "notebooks" / name).read_text("utf-8")))
    everything = "\n".join(texts)
    # with documents inside and outside August 2021 the keyness table is shown;
    # "airport" is the most key word of that month (see test_framing_cues)
    assert "Keyness needs documents" not in everything
    keyness = next(t for t in texts if "target_count" in t and "log_ratio" in t)
    assert "airport" in keyness

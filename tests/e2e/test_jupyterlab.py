"""Every curated notebook in JupyterLab, in a real browser, as a researcher
meets it: run all cells, then nothing shows an error, every explorer renders as
a live widget and every figure appears; then use the explorers."""

from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
import urllib.request

import pytest

import toolkit

from ..conftest import ROOT
from . import ui
from .conftest import SCREENSHOTS, screenshots_wanted

pytestmark = pytest.mark.e2e

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


@pytest.fixture
def lab_page(page, lab):
    """A page on the session's JupyterLab; afterwards the kernels are shut down
    and the notebooks restored to their committed state."""
    yield page
    ui.shut_down_kernels(lab)
    shutil.rmtree(lab.work / "notebooks")
    shutil.copytree(ROOT / "notebooks", lab.work / "notebooks")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_clean_in_jupyterlab(lab_page, lab, name):
    ui.open_notebook(lab_page, lab, name)
    ui.run_all_cells(lab_page)
    nb = ui.save_notebook(lab_page, lab, name)
    assert any(c["cell_type"] == "code" for c in nb["cells"])
    assert ui.check_notebook_page(lab_page, nb) == []


def test_kwic_explorer_in_jupyterlab(lab_page, lab):
    name = "01-getting-started-kwic.ipynb"
    ui.open_notebook(lab_page, lab, name)
    ui.run_all_cells(lab_page)
    explorer = lab_page.locator(".jp-NotebookPanel .toolkit-kwic-explorer").first
    explorer.scroll_into_view_if_needed()
    corpus = toolkit.load_corpus(lab.work / "data", progress=False)
    ui.check_kwic_explorer(lab_page, explorer, corpus)
    if screenshots_wanted():
        cell = lab_page.locator(".jp-NotebookPanel .jp-CodeCell").filter(
            has=lab_page.locator(".toolkit-kwic-explorer")
        )
        cell.evaluate("c => c.scrollIntoView({block: 'start'})")
        ui.screenshot_kwic(lab_page, explorer, corpus, SCREENSHOTS / "kwic-explorer.png")


def _explorer_after_run_all(lab_page, lab, name: str, css_class: str):
    ui.open_notebook(lab_page, lab, name)
    ui.run_all_cells(lab_page)
    explorer = lab_page.locator(f".jp-NotebookPanel .{css_class}").first
    explorer.scroll_into_view_if_needed()
    return explorer, toolkit.load_corpus(lab.work / "data", progress=False)


def test_actor_explorer_in_jupyterlab(lab_page, lab):
    explorer, corpus = _explorer_after_run_all(
        lab_page, lab, "02-actor-frequency.ipynb", "toolkit-actor-explorer"
    )
    ui.check_count_explorer(
        lab_page,
        explorer,
        corpus,
        label="actor",
        lexicon="afghanistan-2021-actors",  # the notebook's LEXICON
        picks=["Taliban", "Afghan security forces"],
    )


def test_frame_explorer_in_jupyterlab(lab_page, lab):
    explorer, corpus = _explorer_after_run_all(
        lab_page, lab, "03-framing-defeat-withdrawal.ipynb", "toolkit-frame-explorer"
    )
    ui.check_count_explorer(
        lab_page,
        explorer,
        corpus,
        label="frame",
        lexicon="afghanistan-2021-frames",  # the notebook's LEXICON
        picks=["defeat", "withdrawal"],
    )


def test_speaker_explorer_in_jupyterlab(lab_page, lab):
    explorer, corpus = _explorer_after_run_all(
        lab_page, lab, "04-sentiment-per-speaker.ipynb", "toolkit-speaker-explorer"
    )
    ui.check_speaker_explorer(lab_page, explorer, corpus, "Husamuddin Shams")


def test_widget_extension_comes_from_the_python_packages(lab):
    """JupyterLab loads the widget manager that pip installed with
    jupyterlab_widgets; the server's own data folder (new and empty) adds none."""
    with urllib.request.urlopen(lab.address("/lab"), timeout=30) as response:
        page = response.read().decode("utf-8")
    found = re.search(r'<script id="jupyter-config-data"[^>]*>(.*?)</script>', page, re.DOTALL)
    assert found, "no page configuration in /lab"
    extensions = {e["name"] for e in json.loads(found.group(1))["federated_extensions"]}
    assert "@jupyter-widgets/jupyterlab-manager" in extensions
    shipped = [str(f) for f in importlib.metadata.files("jupyterlab_widgets") or []]
    assert any(
        f.endswith("labextensions/@jupyter-widgets/jupyterlab-manager/package.json")
        for f in shipped
    )
    user_data = lab.log.parent / "jupyter" / "data"  # JUPYTER_DATA_DIR of the server
    assert not (user_data / "labextensions").exists()


def test_coding_explorer_codes_three_units_in_jupyterlab(lab_page, lab):
    """Notebook 05 with a coding sheet set: code three units with a click and
    two keys; the progress follows, and every decision is in the sheet at once."""
    name = "05-validating-the-measures.ipynb"
    ui.set_parameter(lab.work / "notebooks" / name, "SHEET", '"e2e-coding.xlsx"')
    ui.open_notebook(lab_page, lab, name)
    ui.run_all_cells(lab_page)
    explorer = lab_page.locator(".jp-NotebookPanel .toolkit-coding-explorer").first
    explorer.scroll_into_view_if_needed()
    given = ui.code_three_units(lab_page, explorer)
    sheet = lab.work / "notebooks" / "e2e-coding.xlsx"
    assert ui.read_saved_codes(sheet, "coder_1", 3) == given
    saved = toolkit.read_coding_sheet(sheet)
    assert saved["coder_1"].notna().sum() == 3
    # the units in the sheet are the notebook's sample, drawn again here
    corpus = toolkit.load_corpus(lab.work / "data", progress=False)
    units = toolkit.sample_for_coding(
        toolkit.find_frames(corpus), n=30, seed=1, by="frame", corpus=corpus
    )
    assert saved["unit_id"].tolist() == units["unit_id"].tolist()
    assert (
        saved[["start", "end"]].to_numpy().tolist() == units[["start", "end"]].to_numpy().tolist()
    )

"""The explorer dashboard (notebook 00) under Voilà, as colleagues who do not
code see it: no code, every tab rendered, and every explorer works."""

from __future__ import annotations

import re

import pytest

import toolkit

from . import ui
from .conftest import SCREENSHOTS, screenshots_wanted

pytestmark = pytest.mark.e2e


def test_dashboard_in_voila(page, dashboard_server):
    from playwright.sync_api import expect

    page.goto(dashboard_server.address("/"))
    board = page.locator(".toolkit-dashboard")
    board.wait_for(timeout=120_000)
    outputs = ".jp-OutputArea-output"
    ui._wait_for_widgets(page, outputs)
    text = page.locator("body").text_content()
    for failure in (*ui.WIDGET_FAILURES, ui.SNAPSHOT_NOTE, "Traceback"):
        assert failure not in text
    assert page.locator(f'{outputs}[data-mime-type="application/vnd.jupyter.stderr"]').count() == 0
    # code cells are hidden: only their outputs and the prose show
    assert "import toolkit" not in text and "explorer_dashboard(" not in text
    assert page.locator("h1", has_text="Explorer dashboard").count() == 1

    corpus = toolkit.load_corpus(dashboard_server.work / "data", progress=False)
    expected = toolkit.widgets.explorer_dashboard(corpus)
    tabs = board.locator(".lm-TabBar-tab .lm-TabBar-tabLabel").all_text_contents()
    assert tabs == list(expected.explorers)
    assert tabs == ["Keyword in context", "Actors", "Frames", "Speakers", "Word frequencies"]
    summary = re.sub(r"<[^>]+>", "", expected.summary.value)
    assert summary.startswith("Corpus: 1 document, ")
    expect(board.locator(".widget-html-content").first).to_have_text(summary)
    assert ui.check_widget_images(board) == []

    explorer = board.locator(".toolkit-kwic-explorer")
    ui.check_kwic_explorer(page, explorer, corpus)
    if screenshots_wanted():
        ui.screenshot_kwic(page, explorer, corpus, SCREENSHOTS / "explorer-dashboard.png")

    # the other tabs, as in notebooks 02 to 04 (the dashboard uses the default lexicons)
    board.locator(".lm-TabBar-tab", has_text="Actors").click()
    ui.check_count_explorer(
        page,
        board.locator(".toolkit-actor-explorer"),
        corpus,
        label="actor",
        lexicon="afghanistan-2021-actors",
        picks=["Taliban", "Afghan security forces"],
    )
    board.locator(".lm-TabBar-tab", has_text="Frames").click()
    ui.check_count_explorer(
        page,
        board.locator(".toolkit-frame-explorer"),
        corpus,
        label="frame",
        lexicon="afghanistan-2021-frames",
        picks=["defeat", "withdrawal"],
    )
    board.locator(".lm-TabBar-tab", has_text="Speakers").click()
    ui.check_speaker_explorer(
        page, board.locator(".toolkit-speaker-explorer"), corpus, "Husamuddin Shams"
    )

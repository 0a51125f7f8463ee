"""The explorer dashboard (notebook 00, served with Voilà), driven headlessly."""

from __future__ import annotations

import toolkit
from toolkit import widgets as explorers
from toolkit.widgets import explorer_dashboard

EXPLORERS = {
    "Keyword in context": "kwic_explorer",
    "Actors": "actor_explorer",
    "Frames": "frame_explorer",
    "Speakers": "speaker_explorer",
    "Word frequencies": "terms_explorer",
}


def test_one_tab_per_explorer(sample_corpus):
    board = explorer_dashboard(sample_corpus)
    assert list(board.explorers) == list(EXPLORERS)
    assert list(board.tabs.titles) == list(EXPLORERS)
    assert list(board.tabs.children) == list(board.explorers.values())
    for title, explorer in board.explorers.items():
        assert type(explorer) is type(getattr(explorers, EXPLORERS[title])(sample_corpus))


def test_kwic_tab_searches_the_dashboard_corpus(sample_corpus):
    board = explorer_dashboard(sample_corpus, pattern="defeat*")
    kwic = board.explorers["Keyword in context"]
    assert kwic.pattern.value == "defeat*"
    assert kwic.result.keyword.tolist() == ["defeat"]
    kwic.pattern.value = "withdraw*"
    assert kwic.result.start.tolist() == toolkit.kwic(sample_corpus, "withdraw*").start.tolist()


def test_summary_counts_documents_words_and_dates(sample_corpus):
    board = explorer_dashboard(sample_corpus)
    tokens = toolkit.tokenize(sample_corpus)
    words = int((~tokens["is_punct"]).sum())
    assert f"<b>1</b> document, <b>{words:,}</b> words, 2021-07-07" in board.summary.value
    two = toolkit.load_corpus(
        toolkit.as_corpus(["Kabul fell.", "Troops left."]).docs.assign(
            date=["2021-08-15", "2021-08-30"]
        ),
        progress=False,
    )
    assert "<b>2</b> documents, <b>4</b> words, 2021-08-15 to 2021-08-30" in (
        explorer_dashboard(two).summary.value
    )


def test_snapshot_shows_every_tab_for_static_reports(sample_corpus):
    board = explorer_dashboard(sample_corpus, pattern="defeat")
    bundle = board._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    snapshot = bundle["text/html"]
    for title in board.explorers:
        assert f"<h3>{title}</h3>" in snapshot
    assert "<b>Pattern</b>: defeat" in snapshot and "<mark" in snapshot


def test_dashboard_of_an_empty_corpus_says_so(tmp_path):
    (tmp_path / "a.csv").write_text("doc_id,text\n", "utf-8")
    board = explorer_dashboard(toolkit.load_corpus(tmp_path / "a.csv"), pattern="Taliban")
    assert "<b>empty</b>: no document was loaded" in board.summary.value
    kwic = board.explorers["Keyword in context"]
    assert kwic.result.empty and kwic.status.value == ""
    assert "<b>0</b> hits" in kwic.counter.value
    assert "empty" in board.snapshot_html()


def test_speakers_tab_starts_without_press_questions():
    from ...conftest import BRIEFING

    board = explorer_dashboard(toolkit.load_corpus([BRIEFING], progress=False))
    tab = board.explorers["Speakers"]
    assert tab.press.value is False
    assert "reporter" not in [value for _, value in tab.speaker.options]
    assert "press-question row left out" in board.snapshot_html()

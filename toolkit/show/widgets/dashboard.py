"""The explorer dashboard: every explorer in a tab over one corpus."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import pandas as pd

from ...corpus.index import corpus_index
from ...corpus.load import as_corpus
from .base import snapshot
from .counts import actor_explorer, frame_explorer
from .kwic import kwic_explorer
from .speakers import speaker_explorer
from .terms import terms_explorer

__all__ = ["ExplorerDashboard", "explorer_dashboard"]

# The explorers a dashboard shows, in tab order: (tab title, explorer function).
_DASHBOARD_TABS: list[tuple[str, Callable[..., widgets.Widget]]] = [
    ("Keyword in context", kwic_explorer),
    ("Actors", actor_explorer),
    ("Frames", frame_explorer),
    ("Speakers", speaker_explorer),
    ("Word frequencies", terms_explorer),
]


class ExplorerDashboard(widgets.VBox):
    """The explorers in tabs over one corpus (see :func:`explorer_dashboard`)."""

    def __init__(self, corpus: Any, *, pattern: str = ""):
        super().__init__()
        self.corpus = as_corpus(corpus)
        self.explorers: dict[str, widgets.Widget] = {}
        for title, build in _DASHBOARD_TABS:
            if build is kwic_explorer:
                self.explorers[title] = build(self.corpus, pattern=pattern)
            else:
                self.explorers[title] = build(self.corpus)
        self.summary = widgets.HTML(_corpus_summary(self.corpus))
        self.tabs = widgets.Tab(children=list(self.explorers.values()), titles=list(self.explorers))
        self.children = [self.summary, self.tabs]
        self.add_class("toolkit-dashboard")

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = self.snapshot_html()
        return bundle

    def snapshot_html(self) -> str:
        """A static HTML picture of every tab as it is now (for HTML reports)."""
        parts = [
            '<div class="toolkit-explorer-snapshot"><p><i>Static snapshot of the explorer '
            "dashboard: open the notebook in JupyterLab or Voilà to use it.</i></p>",
            self.summary.value,
        ]
        for title, explorer in self.explorers.items():
            parts.append(f"<h3>{html.escape(title)}</h3>{snapshot(explorer)}")
        parts.append("</div>")
        return "".join(parts)


def _corpus_summary(corpus: Any) -> str:
    docs = corpus.docs
    n_docs = len(docs)
    if not n_docs:
        return (
            '<p style="margin:2px 0">Corpus: <b>empty</b>: no document was loaded '
            f"({len(corpus.report):,} rows in <code>corpus.report</code> say what was skipped "
            "and why)</p>"
        )
    n_words = len(corpus_index(corpus).word_pos)
    text = (
        f"<b>{n_docs:,}</b> document{'s' if n_docs != 1 else ''}, "
        f"<b>{n_words:,}</b> word{'s' if n_words != 1 else ''}"
    )
    dates = pd.to_datetime(docs["date"], errors="coerce").dropna()
    if len(dates):
        first, last = dates.min().date(), dates.max().date()
        text += f", {first}" if first == last else f", {first} to {last}"
    return f'<p style="margin:2px 0">Corpus: {text}</p>'


def explorer_dashboard(corpus: Any, *, pattern: str = "") -> ExplorerDashboard:
    """All the explorers over one corpus, one tab each, for a Voilà dashboard.

    A line at the top says what the corpus holds (documents, words, dates); below
    it one tab for each explorer: :func:`kwic_explorer`, :func:`actor_explorer`
    and :func:`frame_explorer` with the default lexicons,
    :func:`speaker_explorer` and :func:`terms_explorer`. ``.explorers`` maps each tab title to its
    explorer, whose ``.result`` holds what it shows.

    Parameters
    ----------
    corpus : Corpus
        Anything :func:`toolkit.as_corpus` accepts.
    pattern : str
        The keyword-in-context search to start with.

    Examples
    --------
    >>> import toolkit
    >>> board = toolkit.widgets.explorer_dashboard(toolkit.load_corpus("data/"), pattern="defeat*")
    >>> list(board.explorers)[0]
    'Keyword in context'
    >>> len(board.explorers["Keyword in context"].result)
    1
    """
    return ExplorerDashboard(corpus, pattern=pattern)

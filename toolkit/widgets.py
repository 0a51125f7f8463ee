"""Interactive explorers (ipywidgets) over the toolkit's functions.

Each ``*_explorer(corpus, ...)`` builds its controls, wires them to one analysis
function and shows that function's table and plot. The explorer keeps the last
result in ``.result`` (a DataFrame), so what is on screen can always be taken
further in code. No analysis happens inside the callbacks themselves.

Errors a researcher can cause (an invalid regular expression, say) are shown in
the explorer's status line instead of raising.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from .corpus import as_corpus
from .kwic import kwic, kwic_html
from .plot import plot_dispersion

__all__ = [
    "ExplorerDashboard",
    "KwicExplorer",
    "explorer_dashboard",
    "figure_png",
    "kwic_explorer",
]

_SORTS = [
    ("corpus order", ""),
    ("1st word right (1R)", "1R"),
    ("1R, then 2R", "1R,2R"),
    ("1st word left (1L)", "1L"),
    ("1L, then 2L", "1L,2L"),
    ("keyword (K)", "K"),
]


def figure_png(ax_or_fig: Any, *, dpi: int = 90) -> bytes:
    """Render a matplotlib Axes or Figure to PNG bytes and close it.

    Explorers show plots as ``widgets.Image`` so they render the same way in
    JupyterLab, Voilà and headless tests, whatever matplotlib backend is active.
    """
    fig = ax_or_fig if isinstance(ax_or_fig, Figure) else ax_or_fig.figure
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


class _Explorer(widgets.VBox):
    """Shared plumbing: a status line, an error-safe refresh and observers."""

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.status = widgets.HTML(layout=widgets.Layout(margin="2px 0"))
        self.result: pd.DataFrame = pd.DataFrame()

    def _watch(self, controls: list[widgets.Widget], callback: Callable[[], None]) -> None:
        for control in controls:
            control.observe(lambda _change: self._safe(callback), names="value")

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = self.snapshot_html()
        return bundle

    def snapshot_html(self) -> str:
        """A static HTML picture of the explorer as it is now: control values,
        plots and tables. Shown where live widgets cannot run (HTML reports)."""
        parts = [
            '<div class="toolkit-explorer-snapshot"><p><i>Static snapshot of an '
            "interactive explorer: open the notebook in JupyterLab to use it.</i></p>"
        ]
        parts.extend(_snapshot(child) for child in self.children)
        parts.append("</div>")
        return "".join(parts)

    def _safe(self, callback: Callable[[], None]) -> None:
        try:
            callback()
        except (ValueError, LookupError, TypeError) as exc:
            self.status.value = f'<span style="color:#b00020">{html.escape(str(exc))}</span>'


def _snapshot(widget: widgets.Widget) -> str:
    if isinstance(widget, widgets.Box):
        inner = " ".join(_snapshot(c) for c in widget.children)
        return f'<div style="margin:2px 0">{inner}</div>'
    if isinstance(widget, widgets.HTML):
        return widget.value  # built by the toolkit, text already escaped
    if isinstance(widget, widgets.Image):
        if not widget.value:
            return ""
        data = base64.b64encode(widget.value).decode("ascii")
        return f'<img style="max-width:100%" src="data:image/{widget.format};base64,{data}">'
    if isinstance(widget, widgets.ValueWidget) and getattr(widget, "description", ""):
        value = widget.value
        if isinstance(widget, widgets.Dropdown) and widget.label is not None:
            value = widget.label
        return (
            f'<span style="margin-right:1em"><b>{html.escape(widget.description)}</b>: '
            f"{html.escape(str(value))}</span>"
        )
    return ""


class KwicExplorer(_Explorer):
    """Keyword in context, interactively (see :func:`kwic_explorer`)."""

    def __init__(
        self,
        corpus: Any,
        *,
        pattern: str = "",
        window: int = 5,
        max_rows: int = 200,
        max_docs: int = 15,
    ):
        super().__init__()
        self.corpus = as_corpus(corpus)
        self.max_rows = max_rows
        self.max_docs = max_docs
        self.pattern = widgets.Text(
            value=pattern,
            description="Pattern",
            placeholder="withdraw*   or   pull* out",
            continuous_update=False,
            layout=widgets.Layout(width="24em"),
        )
        self.window = widgets.IntSlider(
            value=window, min=1, max=25, description="Window", continuous_update=False
        )
        self.case_sensitive = widgets.ToggleButton(
            value=False, description="Match case", tooltip="case-sensitive matching"
        )
        self.match = widgets.Dropdown(
            options=["glob", "regex", "fixed"],
            value="glob",
            description="Match",
            layout=widgets.Layout(width="14em"),
        )
        self.sort = widgets.Dropdown(
            options=_SORTS, value="", description="Sort", layout=widgets.Layout(width="18em")
        )
        self.counter = widgets.HTML(value="")
        self.table = widgets.HTML(value="")
        self.dispersion = widgets.Image(
            format="png", layout=widgets.Layout(max_width="100%", align_self="flex-start")
        )
        controls = [self.pattern, self.window, self.case_sensitive, self.match, self.sort]
        self.children = [
            widgets.HBox([self.pattern, self.match, self.case_sensitive]),
            widgets.HBox([self.window, self.sort]),
            widgets.HBox([self.counter, self.status]),
            self.dispersion,
            self.table,
        ]
        self.add_class("toolkit-kwic-explorer")
        self._watch(controls, self.refresh)
        self._safe(self.refresh)

    def refresh(self) -> None:
        """Search again with the current control values."""
        self.status.value = ""
        pattern = self.pattern.value.strip()
        if not pattern:
            self.result = pd.DataFrame()
            self.counter.value = "<b>0</b> hits: type a word, a glob (withdraw*) or a phrase"
            self.table.value = ""
            self.dispersion.value = b""
            return
        hits = kwic(
            self.corpus,
            pattern,
            window=self.window.value,
            match=self.match.value,
            case_sensitive=self.case_sensitive.value,
            sort=self.sort.value or None,
        )
        self.result = hits
        n_docs = hits["doc_id"].nunique()
        self.counter.value = (
            f"<b>{len(hits):,}</b> hit{'s' if len(hits) != 1 else ''} in "
            f"<b>{n_docs:,}</b> document{'s' if n_docs != 1 else ''}"
        )
        self.table.value = kwic_html(hits, max_rows=self.max_rows)
        self.dispersion.value = figure_png(
            plot_dispersion(hits, self.corpus, max_docs=self.max_docs)
        )


def kwic_explorer(corpus: Any, *, pattern: str = "", window: int = 5) -> KwicExplorer:
    """An interactive keyword-in-context explorer.

    A text box for the pattern, a window slider, a case toggle, the match type
    and AntConc-style sorting; it shows the hit counter, a dispersion strip (where
    in each document the hits fall) and the aligned table. ``.result`` holds the
    hits as a DataFrame (the same as :func:`toolkit.kwic`).

    Examples
    --------
    >>> import toolkit
    >>> explorer = toolkit.widgets.kwic_explorer(toolkit.load_corpus("data/"))
    >>> explorer.pattern.value = "withdraw*"
    >>> len(explorer.result)
    2
    """
    return KwicExplorer(corpus, pattern=pattern, window=window)


# ---------------------------------------------------------------------- dashboard

# The explorers a dashboard shows, in tab order: (tab title, explorer function name).
# A dashboard has one tab for each of them that this version of the toolkit provides.
_DASHBOARD_TABS = [
    ("Keyword in context", "kwic_explorer"),
    ("Actors", "actor_explorer"),
    ("Frames", "frame_explorer"),
    ("Speakers", "speaker_explorer"),
]


class ExplorerDashboard(widgets.VBox):
    """The explorers in tabs over one corpus (see :func:`explorer_dashboard`)."""

    def __init__(self, corpus: Any, *, pattern: str = ""):
        super().__init__()
        self.corpus = as_corpus(corpus)
        self.explorers: dict[str, widgets.Widget] = {}
        for title, name in _DASHBOARD_TABS:
            build = globals().get(name)
            if build is None:  # not in this version of the toolkit
                continue
            if name == "kwic_explorer":
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
            parts.append(f"<h3>{html.escape(title)}</h3>{_snapshot(explorer)}")
        parts.append("</div>")
        return "".join(parts)


def _corpus_summary(corpus: Any) -> str:
    from .index import corpus_index

    docs = corpus.docs
    n_docs = len(docs)
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
    it one tab for each of :func:`kwic_explorer`, ``actor_explorer``,
    ``frame_explorer`` and ``speaker_explorer`` that this version of the toolkit
    provides. ``.explorers`` maps each tab title to its explorer, whose
    ``.result`` holds what it shows.

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

"""The keyword-in-context explorer."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd

from ...corpus.load import as_corpus
from ...search.kwic import kwic
from ..html import kwic_html
from ..plot import plot_dispersion
from .base import Explorer, figure_png, plot_image

__all__ = ["KwicExplorer", "kwic_explorer"]

_SORTS = [
    ("corpus order", ""),
    ("1st word right (1R)", "1R"),
    ("1R, then 2R", "1R,2R"),
    ("1st word left (1L)", "1L"),
    ("1L, then 2L", "1L,2L"),
    ("keyword (K)", "K"),
]


class KwicExplorer(Explorer):
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
        self.dispersion = plot_image()
        controls = [self.pattern, self.window, self.case_sensitive, self.match, self.sort]
        rows = [
            widgets.HBox([self.pattern, self.match, self.case_sensitive]),
            widgets.HBox([self.window, self.sort]),
            widgets.HBox([self.counter, self.status]),
            self.dispersion,
            self.table,
        ]
        self._mount(rows, controls, "toolkit-kwic-explorer")

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

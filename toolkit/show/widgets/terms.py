"""The word frequency explorer: frequency lists and n-grams, by group."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd

from ...analyses.terms import count_terms
from ...corpus.load import as_corpus
from ..html import table_html
from ..plot import plot_terms
from .base import Explorer, figure_png, plot_image

__all__ = ["TermExplorer", "terms_explorer"]

_SIZES = [("words", 1), ("two-word sequences", 2), ("three-word sequences", 3)]
_GROUPINGS = [
    ("nothing", ""),
    ("voice (narrator or quoted)", "voice"),
    ("source", "source"),
    ("year", "year"),
    ("month", "month"),
]
_VALUE_OPTIONS = [("occurrences", "count"), ("per 1,000 words", "per_1k_tokens")]


class TermExplorer(Explorer):
    """Frequency lists, interactively (see :func:`terms_explorer`)."""

    def __init__(
        self,
        corpus: Any,
        *,
        quotes: pd.DataFrame | None = None,
        top: int = 20,
        max_rows: int = 50,
    ):
        super().__init__()
        self.corpus = as_corpus(corpus)
        self.quotes = quotes
        self.max_rows = max_rows
        dated = self.corpus.docs["date"].notna().any()
        several_sources = self.corpus.docs["source"].dropna().drop_duplicates().size > 1
        options = [
            (k, v)
            for k, v in _GROUPINGS
            if (dated or v not in ("year", "month")) and (several_sources or v != "source")
        ]
        self.n = widgets.Dropdown(
            options=_SIZES, value=1, description="Count", layout=widgets.Layout(width="20em")
        )
        self.by = widgets.Dropdown(
            options=options, value="", description="Group by", layout=widgets.Layout(width="20em")
        )
        self.stopwords = widgets.Checkbox(
            value=True, description="leave out function words (the, of, and ...)", indent=False
        )
        self.top = widgets.IntSlider(
            value=top, min=5, max=50, step=5, description="Bars", continuous_update=False
        )
        self.value = widgets.ToggleButtons(options=_VALUE_OPTIONS, value="count")
        self.counter = widgets.HTML()
        self.plot = plot_image()
        self.table = widgets.HTML()
        controls = [self.n, self.by, self.stopwords, self.top, self.value]
        rows = [
            widgets.HBox([self.n, self.by, self.stopwords]),
            widgets.HBox([self.top, self.value]),
            widgets.HBox([self.counter, self.status]),
            self.plot,
            self.table,
        ]
        self._mount(rows, controls, "toolkit-terms-explorer")

    def refresh(self) -> None:
        """Count again with the current control values."""
        self.status.value = ""
        by = self.by.value or None
        table = count_terms(
            self.corpus,
            n=self.n.value,
            by=by,
            stopwords="english" if self.stopwords.value else None,
            quotes=self.quotes,
        )
        self.result = table
        distinct = table["term"].nunique()
        noun = "term" if self.n.value == 1 else "sequence"
        self.counter.value = (
            f"<b>{distinct:,}</b> distinct {noun}{'s' if distinct != 1 else ''} in "
            f"<b>{table.attrs['tokens']:,}</b> words"
        )
        self.plot.value = figure_png(plot_terms(table, value=self.value.value, top=self.top.value))
        self.table.value = table_html(table, max_rows=self.max_rows, kind="terms")


def terms_explorer(corpus: Any, *, quotes: pd.DataFrame | None = None) -> TermExplorer:
    """An interactive frequency list: the commonest words or word sequences.

    Choose words, two- or three-word sequences (n-grams, never across a
    sentence), a grouping (voice, source, year, month), whether to leave out
    function words, and raw counts or counts per 1,000 words; the bar chart, the
    counter and the table follow. ``.result`` holds the table shown
    (:func:`toolkit.count_terms`).

    Examples
    --------
    >>> import toolkit
    >>> explorer = toolkit.widgets.terms_explorer(toolkit.load_corpus("data/"))
    >>> explorer.result["term"].iat[0]
    'taliban'
    >>> explorer.n.value = 2
    >>> explorer.result["term"].iat[0]
    'taliban fighters'
    """
    return TermExplorer(corpus, quotes=quotes)

"""The actor and frame explorers: counts by group, a plot, and the hits in context."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd

from ...analyses.actors import count_actors, find_actors
from ...analyses.frames import PERIODS, count_frames, find_frames
from ...analyses.voice import quotes_of
from ...corpus.load import as_corpus
from ...search.lexicons import DEFAULT_ACTORS, DEFAULT_FRAMES, load_lexicon
from ..html import hits_html
from ..plot import plot_actor_frequency, plot_actors_over_time, plot_dispersion, plot_frames
from .base import Explorer, figure_png, plot_image

__all__ = ["ActorExplorer", "FrameExplorer", "actor_explorer", "frame_explorer"]

_GROUPINGS = [
    ("nothing", ""),
    ("voice (narrator or quoted)", "voice"),
    ("speaker", "speaker"),
    ("document", "doc_id"),
    ("source", "source"),
    ("type", "type"),
    ("year", "year"),
    ("month", "month"),
    ("week", "week"),
]
_VALUE_OPTIONS = [("mentions", "mentions"), ("per 1,000 words", "per_1k_tokens")]


class _CountExplorer(Explorer):
    """Choose entries and a grouping; see the counts plotted and the hits."""

    label = ""  # "actor" or "frame"
    kind = ""  # the lexicon kind: "actors" or "frames"
    default_lexicon = ""
    default_by = ""

    def __init__(
        self,
        corpus: Any,
        lexicon: Any = None,
        *,
        by: str | None = None,
        quotes: pd.DataFrame | None = None,
        max_rows: int = 200,
        top: int = 20,
    ):
        super().__init__()
        by = self.default_by if by is None else by
        self.corpus = as_corpus(corpus)
        self.lexicon = load_lexicon(
            self.default_lexicon if lexicon is None else lexicon, kind=self.kind
        )
        self.quotes = quotes_of(self.corpus, quotes)
        hits = self._find()
        names = self._entry_names(hits)
        self.hits = hits  # every hit; the selection is shown in .shown
        self.shown = hits
        self.max_rows = max_rows
        self.top = top
        dated = self.corpus.docs["date"].notna().any()
        options = [
            (k, v)
            for k, v in _GROUPINGS
            if (dated or v not in ("year", "month", "week"))
            and (v != "type" or "type" in hits.columns)
        ]
        self.entries = widgets.SelectMultiple(
            options=names,
            value=(),
            rows=min(10, max(len(names), 2)),
            description=f"{self.label.capitalize()}s",
            layout=widgets.Layout(width="24em"),
        )
        self.by = widgets.Dropdown(
            options=options,
            value=by if by in [v for _, v in options] else "",
            description="Group by",
            layout=widgets.Layout(width="20em"),
        )
        self.value = widgets.ToggleButtons(options=_VALUE_OPTIONS, value="mentions")
        self.counter = widgets.HTML(value="")
        self.plot = plot_image()
        self.table = widgets.HTML(value="")
        self.controls = [self.entries, self.by, self.value]
        extra, plots = self._more_controls()
        self.controls.extend(extra)
        rows = [
            widgets.HBox([self.entries, widgets.VBox([self.by, self.value, *extra])]),
            widgets.HBox([self.counter, self.status]),
            *plots,
            self.table,
        ]
        self._mount(rows, self.controls, f"toolkit-{self.label}-explorer")

    def _more_controls(self) -> tuple[list[widgets.Widget], list[widgets.Widget]]:
        """The kind's own controls (beside the grouping) and its plots."""
        return [], [self.plot]

    def _find(self) -> pd.DataFrame:
        raise NotImplementedError

    def _entry_names(self, hits: pd.DataFrame) -> list[str]:
        return list(self.lexicon.names)

    def _selected(self) -> pd.DataFrame:
        chosen = list(self.entries.value)
        if not chosen:
            return self.hits
        return self.hits[self.hits[self.label].astype(str).isin(chosen)]

    def _show(self, counts: pd.DataFrame, shown: pd.DataFrame, ax: Any) -> None:
        self.result = counts
        self.shown = shown
        n_docs = shown["doc_id"].nunique()
        noun = "mention" if self.label == "actor" else "hit"
        self.counter.value = (
            f"<b>{len(shown):,}</b> {noun}{'s' if len(shown) != 1 else ''} in "
            f"<b>{n_docs:,}</b> document{'s' if n_docs != 1 else ''}"
        )
        self.plot.value = figure_png(ax)
        self.table.value = hits_html(
            shown,
            self.corpus,
            columns=["doc_id", self.label, "voice", "speaker"],
            max_rows=self.max_rows,
        )


class ActorExplorer(_CountExplorer):
    """Actor counts, interactively (see :func:`actor_explorer`)."""

    label = "actor"
    kind = "actors"
    default_lexicon = DEFAULT_ACTORS

    def _more_controls(self) -> tuple[list[widgets.Widget], list[widgets.Widget]]:
        self.rollup = widgets.Checkbox(
            value=False, description="people as their group", indent=False
        )
        return [self.rollup], [self.plot]

    def _find(self) -> pd.DataFrame:
        return find_actors(self.corpus, self.lexicon, quotes=self.quotes)

    def _entry_names(self, hits: pd.DataFrame) -> list[str]:
        order = hits["actor"].astype(str).value_counts(sort=True)
        return sorted(order.index, key=lambda a: (-order[a], a))

    def refresh(self) -> None:
        """Count again with the current control values."""
        self.status.value = ""
        shown = self._selected()
        by = self.by.value or None
        counts = count_actors(
            self.corpus,
            self.lexicon,
            by=by,
            rollup=self.rollup.value,
            quotes=self.quotes,
            mentions=shown,
        )
        if by in PERIODS:
            ax = plot_actors_over_time(counts, value=self.value.value, top=8)
        else:
            ax = plot_actor_frequency(counts, value=self.value.value, top=self.top)
        self._show(counts, shown, ax)


def actor_explorer(
    corpus: Any,
    lexicon: Any = None,
    *,
    by: str = "",
    quotes: pd.DataFrame | None = None,
) -> ActorExplorer:
    """An interactive explorer of actor mentions.

    Choose actors (none chosen: all), a grouping (voice, speaker, document,
    source, type, year, month, week), raw or normalised counts, and whether to
    count people as their group; the bar chart (a line chart over periods), the
    counter and the table of mentions in context follow. ``.result`` holds the
    counts shown (:func:`toolkit.count_actors`), ``.shown`` the mentions behind
    them and ``.hits`` every mention (:func:`toolkit.find_actors`).

    Examples
    --------
    >>> import toolkit
    >>> explorer = toolkit.widgets.actor_explorer("data/")
    >>> explorer.entries.value = ("Taliban",)
    >>> int(explorer.result["mentions"].sum())
    20
    """
    return ActorExplorer(corpus, lexicon, by=by, quotes=quotes)


class FrameExplorer(_CountExplorer):
    """Frame counts by voice and speaker, interactively (see :func:`frame_explorer`)."""

    label = "frame"
    kind = "frames"
    default_lexicon = DEFAULT_FRAMES
    default_by = "voice"

    def _more_controls(self) -> tuple[list[widgets.Widget], list[widgets.Widget]]:
        self.dispersion = plot_image()
        return [], [self.plot, self.dispersion]

    def _find(self) -> pd.DataFrame:
        return find_frames(self.corpus, self.lexicon, quotes=self.quotes)

    def refresh(self) -> None:
        """Count again with the current control values."""
        self.status.value = ""
        shown = self._selected()
        by = self.by.value or None
        counts = count_frames(self.corpus, self.lexicon, by=by, quotes=self.quotes, hits=shown)
        chosen = list(self.entries.value)
        if chosen:
            counts = counts[counts["frame"].astype(str).isin(chosen)].reset_index(drop=True)
        if by in PERIODS:
            ax = plot_actors_over_time(counts, value=self.value.value, top=8)
        else:
            ax = plot_frames(counts, value=self.value.value, top=self.top)
        self._show(counts, shown, ax)
        self.dispersion.value = figure_png(
            plot_dispersion(shown, self.corpus, label="frame", max_docs=15)
        )


def frame_explorer(
    corpus: Any,
    lexicon: Any = None,
    *,
    by: str = "voice",
    quotes: pd.DataFrame | None = None,
) -> FrameExplorer:
    """An interactive explorer of frame cues and whose words they are.

    Choose frames (none chosen: all), a grouping (voice by default, speaker,
    document, source, year, month, week) and raw or normalised counts; the bar
    chart, the dispersion strip (where the cues fall in each document), the
    counter and the table of hits in context follow. ``.result`` holds the
    counts shown (:func:`toolkit.count_frames`), ``.shown`` the hits behind them
    and ``.hits`` every hit (:func:`toolkit.find_frames`).

    Examples
    --------
    >>> import toolkit
    >>> explorer = toolkit.widgets.frame_explorer("data/")
    >>> explorer.entries.value = ("defeat",)
    >>> explorer.result.set_index("voice").mentions.to_dict()["quoted"]
    2
    """
    return FrameExplorer(corpus, lexicon, by=by, quotes=quotes)

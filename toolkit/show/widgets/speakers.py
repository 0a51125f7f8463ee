"""The speaker explorer: who speaks, their quotations, and in what tone."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import pandas as pd

from ...analyses.sentiment import score_sentiment, sentiment_by_speaker
from ...corpus.load import as_corpus
from ...quotes.extract import extract_quotes
from ...quotes.table import speakers
from ..html import quotes_table_html
from ..plot import plot_speaker_sentiment
from .base import Explorer, figure_png

__all__ = ["SpeakerExplorer", "select_quotes", "speaker_explorer"]

_QUOTE_KINDS = ("direct", "partial", "indirect")
_UNATTRIBUTED = "(unattributed)"


def select_quotes(
    quotes: pd.DataFrame,
    *,
    speaker: str | None = None,
    kinds: tuple[str, ...] | list[str] = _QUOTE_KINDS,
    min_confidence: float = 0.0,
) -> pd.DataFrame:
    """The quotations of one speaker (``"(unattributed)"`` for those without),
    of the given kinds and at least the given confidence.

    Examples
    --------
    >>> import toolkit
    >>> quotes = toolkit.extract_quotes("data/")
    >>> len(select_quotes(quotes, speaker="Zabihullah Mujahid", kinds=["direct"]))
    1
    """
    keep = quotes["kind"].astype(str).isin(list(kinds)).to_numpy()
    keep = keep & (quotes["confidence"].to_numpy() >= min_confidence)
    if speaker is not None:
        names = quotes["speaker"].astype(object).where(quotes["speaker"].notna(), None)
        names = names.map(lambda s: s if isinstance(s, str) and s else _UNATTRIBUTED)
        keep = keep & (names == speaker).to_numpy()
    return quotes[keep]


class SpeakerExplorer(Explorer):
    """Who speaks and in what tone, interactively (see :func:`speaker_explorer`)."""

    def __init__(self, corpus: Any, *, quotes: pd.DataFrame | None = None, max_rows: int = 200):
        super().__init__()
        self.corpus = as_corpus(corpus)
        table = quotes if quotes is not None else extract_quotes(self.corpus)
        self.quotes = table if "compound" in table.columns else score_sentiment(table)
        self.max_rows = max_rows
        who = speakers(self.quotes)
        options = [(f"{s} ({n})", s) for s, n in zip(who["speaker"], who["n_quotes"], strict=True)]
        n_unattributed = int(
            self.quotes["speaker"].isna().sum() + (self.quotes["speaker"].astype(str) == "").sum()
        )
        if n_unattributed:
            options.append((f"{_UNATTRIBUTED} ({n_unattributed})", _UNATTRIBUTED))
        self.speaker = widgets.Dropdown(
            options=options or [("(no quotations)", "")],
            description="Speaker",
            layout=widgets.Layout(width="30em"),
        )
        self.kinds = widgets.SelectMultiple(
            options=list(_QUOTE_KINDS), value=list(_QUOTE_KINDS), rows=3, description="Kinds"
        )
        self.min_confidence = widgets.FloatSlider(
            value=0.0,
            min=0.0,
            max=1.0,
            step=0.05,
            description="Confidence \u2265",
            continuous_update=False,
            readout_format=".2f",
        )
        self.summary = widgets.HTML()
        self.plot = widgets.Image(
            format="png", layout=widgets.Layout(max_width="100%", align_self="flex-start")
        )
        self.table = widgets.HTML()
        self.children = [
            widgets.HBox([self.speaker, self.kinds, self.min_confidence]),
            widgets.HBox([self.summary, self.status]),
            self.plot,
            self.table,
        ]
        self.add_class("toolkit-speaker-explorer")
        self._watch([self.speaker, self.kinds, self.min_confidence], self.refresh)
        self._safe(self.refresh)

    def refresh(self) -> None:
        """Show the chosen speaker's quotations and everyone's tone under the filters."""
        self.status.value = ""
        kinds = tuple(self.kinds.value)
        if not kinds:
            raise ValueError("choose at least one kind of quotation")
        chosen = select_quotes(self.quotes, kinds=kinds, min_confidence=self.min_confidence.value)
        mine = select_quotes(chosen, speaker=self.speaker.value or None)
        self.result = mine
        by_speaker = sentiment_by_speaker(chosen) if len(chosen) else pd.DataFrame()
        if len(by_speaker):
            self.plot.value = figure_png(plot_speaker_sentiment(by_speaker))
        else:
            self.plot.value = b""
        row = (
            by_speaker[by_speaker["speaker"] == self.speaker.value]
            if len(by_speaker)
            else by_speaker
        )
        if len(row):
            r = row.iloc[0]
            interval = (
                "" if pd.isna(r.ci_low) else f" (95% interval {r.ci_low:+.2f} to {r.ci_high:+.2f})"
            )
            role = f", {html.escape(str(r.role))}" if isinstance(r.role, str) and r.role else ""
            self.summary.value = (
                f"<b>{html.escape(str(r.speaker))}</b>{role}: <b>{len(mine):,}</b> quotation"
                f"{'s' if len(mine) != 1 else ''}, mean tone {r.mean_compound:+.2f}{interval}"
            )
        else:
            self.summary.value = "<b>0</b> quotations with these filters"
        self.table.value = quotes_table_html(mine, self.max_rows)


def speaker_explorer(corpus: Any, *, quotes: pd.DataFrame | None = None) -> SpeakerExplorer:
    """An interactive explorer of who speaks and in what tone.

    Pick a speaker to see every quotation attributed to them with the evidence
    for the attribution (the words naming the speaker, the cue, the rule), its
    confidence and its sentiment score; the plot shows every speaker's mean tone
    under the same filters (kinds of quotation, minimum confidence). ``.result``
    holds the chosen speaker's quotations as a DataFrame.

    Parameters
    ----------
    corpus : Corpus
    quotes : DataFrame, optional
        A quotations table to use instead of :func:`toolkit.extract_quotes`.

    Examples
    --------
    >>> import toolkit
    >>> explorer = toolkit.widgets.speaker_explorer(toolkit.load_corpus("data/"))
    >>> explorer.speaker.value = "Husamuddin Shams"
    >>> sorted(explorer.result.kind.astype(str))
    ['direct', 'indirect', 'indirect']
    """
    return SpeakerExplorer(corpus, quotes=quotes)

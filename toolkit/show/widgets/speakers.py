"""The speaker explorer: who speaks, their quotations, and in what tone."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import pandas as pd

from ...analyses.sentiment import score_sentiment, sentiment_by_speaker
from ...corpus.load import as_corpus
from ...quotes.extract import extract_quotes
from ...quotes.table import speaker_names, speakers, without_press
from ..html import quotes_table_html
from ..plot import plot_speaker_sentiment
from .base import Explorer, figure_png, plot_image

__all__ = ["SpeakerExplorer", "select_quotes", "speaker_explorer"]

_QUOTE_KINDS = ("direct", "partial", "indirect")
_UNATTRIBUTED = "(unattributed)"


def select_quotes(
    quotes: pd.DataFrame,
    *,
    speaker: str | None = None,
    kinds: tuple[str, ...] | list[str] = _QUOTE_KINDS,
    min_confidence: float = 0.0,
    press: bool = True,
) -> pd.DataFrame:
    """The quotations of one speaker (``"(unattributed)"`` for those without),
    of the given kinds and at least the given confidence; ``press=False``
    leaves out press questions (the ``press`` rows of a transcript).

    A speaker is named as :func:`toolkit.speakers` names them: by
    ``speaker_id``, the name of a person across the corpus, when the table has
    it.

    Examples
    --------
    >>> import toolkit
    >>> quotes = toolkit.extract_quotes("data/")
    >>> len(select_quotes(quotes, speaker="Zabihullah Mujahid", kinds=["direct"]))
    1
    """
    if not press:
        quotes = without_press(quotes)
    keep = quotes["kind"].astype(str).isin(list(kinds)).to_numpy()
    keep = keep & (quotes["confidence"].to_numpy() >= min_confidence)
    if speaker is not None:
        names = speaker_names(quotes).fillna(_UNATTRIBUTED)
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
        self.speaker = widgets.Dropdown(description="Speaker", layout=widgets.Layout(width="30em"))
        self.press = widgets.Checkbox(
            value=False,
            description="Press questions",
            indent=False,
            layout=widgets.Layout(width="11em"),
        )
        self._list_speakers()
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
        self.plot = plot_image()
        self.table = widgets.HTML()
        self._watch([self.press], self._list_speakers)
        self._mount(
            [
                widgets.HBox([self.speaker, self.press, self.kinds, self.min_confidence]),
                widgets.HBox([self.summary, self.status]),
                self.plot,
                self.table,
            ],
            [self.speaker, self.press, self.kinds, self.min_confidence],
            "toolkit-speaker-explorer",
        )

    def _list_speakers(self) -> None:
        """Offer the speakers under the press choice (press questions left out
        unless ticked), most quoted first, keeping the chosen one if listed."""
        who = speakers(self.quotes, press=self.press.value)
        options = [(f"{s} ({n})", s) for s, n in zip(who["speaker"], who["n_quotes"], strict=True)]
        shown = self.quotes if self.press.value else without_press(self.quotes)
        n_unattributed = int(speaker_names(shown).isna().sum())
        if n_unattributed:
            options.append((f"{_UNATTRIBUTED} ({n_unattributed})", _UNATTRIBUTED))
        options = options or [("(no quotations)", "")]
        values = [value for _, value in options]
        chosen = self.speaker.value if self.speaker.value in values else values[0]
        self.speaker.options = options
        self.speaker.value = chosen

    def refresh(self) -> None:
        """Show the chosen speaker's quotations and everyone's tone under the filters."""
        self.status.value = ""
        kinds = tuple(self.kinds.value)
        if not kinds:
            raise ValueError("choose at least one kind of quotation")
        chosen = select_quotes(
            self.quotes,
            kinds=kinds,
            min_confidence=self.min_confidence.value,
            press=self.press.value,
        )
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
        self.summary.value += self._press_note()
        self.table.value = quotes_table_html(mine, self.max_rows)

    def _press_note(self) -> str:
        """What the press choice does to the counts, when the corpus has press questions."""
        if "press" not in self.quotes.columns:
            return ""
        n = int(self.quotes["press"].fillna(False).astype(bool).sum())
        if not n:
            return ""
        verb = "included" if self.press.value else "left out"
        return f"<br><small>{n:,} press-question row{'s' if n != 1 else ''} {verb}</small>"


def speaker_explorer(corpus: Any, *, quotes: pd.DataFrame | None = None) -> SpeakerExplorer:
    """An interactive explorer of who speaks and in what tone.

    Pick a speaker to see every quotation attributed to them with the evidence
    for the attribution (the words naming the speaker, the cue, the rule), its
    confidence and its sentiment score; the plot shows every speaker's mean tone
    under the same filters (kinds of quotation, minimum confidence). Press
    questions (the "Q" turns of a transcript, marked "press question" in the
    table) are left out until the "Press questions" box is ticked, so the list
    starts with who answers. Speakers are listed by their name across the
    corpus (``speaker_id``). ``.result`` holds the chosen speaker's quotations
    as a DataFrame.

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

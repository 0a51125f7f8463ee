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
    "KwicExplorer",
    "SpeakerExplorer",
    "figure_png",
    "kwic_explorer",
    "select_quotes",
    "speaker_explorer",
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
        self.dispersion = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
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


# ------------------------------------------------------------------ speakers

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


class SpeakerExplorer(_Explorer):
    """Who speaks and in what tone, interactively (see :func:`speaker_explorer`)."""

    def __init__(self, corpus: Any, *, quotes: pd.DataFrame | None = None, max_rows: int = 200):
        from .quotes import extract_quotes, speakers
        from .sentiment import score_sentiment

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
        self.plot = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
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
        from .plot import plot_speaker_sentiment
        from .sentiment import sentiment_by_speaker

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
        self.table.value = _quotes_table_html(mine, self.max_rows)


def _quotes_table_html(quotes: pd.DataFrame, max_rows: int) -> str:
    shown = quotes.head(max_rows)
    esc = html.escape
    td = "padding:2px 6px;vertical-align:top;border-bottom:1px solid #eee"
    rows = []
    for r in shown.itertuples(index=False):
        mention = esc(str(r.speaker_mention)) if isinstance(r.speaker_mention, str) else ""
        rows.append(
            f'<tr><td style="{td};color:#666">{esc(str(r.doc_id))}<br>{int(r.start)}\u2013{int(r.end)}</td>'
            f'<td style="{td}">{esc(str(r.kind))}</td>'
            f'<td style="{td};max-width:40em">{esc(str(r.text))}</td>'
            f'<td style="{td}">{mention}<br><small>cue: {esc(str(r.cue))}</small></td>'
            f'<td style="{td}"><small>{esc(str(getattr(r, "evidence", "")))}</small></td>'
            f'<td style="{td};text-align:right">{r.confidence:.2f}</td>'
            f'<td style="{td};text-align:right">{r.compound:+.2f}</td></tr>'
        )
    head = "".join(
        f'<th style="{td};text-align:left">{h}</th>'
        for h in (
            "document",
            "kind",
            "quotation",
            "attributed via",
            "evidence",
            "confidence",
            "tone",
        )
    )
    note = f"<p>showing {len(shown):,} of {len(quotes):,}</p>" if len(quotes) > len(shown) else ""
    return (
        f'<table class="toolkit-quotes-table" style="border-collapse:collapse;font-size:90%">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{note}"
    )


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

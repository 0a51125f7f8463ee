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

from .actors import count_actors, find_actors
from .corpus import as_corpus
from .framing import PERIODS, count_frames, find_frames, quotes_of
from .index import corpus_index
from .kwic import kwic, kwic_html
from .lexicons import DEFAULT_ACTORS, DEFAULT_FRAMES, load_lexicon
from .plot import (
    plot_actor_frequency,
    plot_actors_over_time,
    plot_dispersion,
    plot_frames,
)

__all__ = [
    "ActorExplorer",
    "ExplorerDashboard",
    "FrameExplorer",
    "KwicExplorer",
    "SpeakerExplorer",
    "actor_explorer",
    "explorer_dashboard",
    "figure_png",
    "frame_explorer",
    "hits_html",
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


# ------------------------------------------------------------- actors, frames

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


def hits_html(
    hits: pd.DataFrame, corpus: Any, *, columns: list[str], max_rows: int = 200, chars: int = 70
) -> str:
    """An HTML table of actor mentions or frame cue hits in their sentence.

    Each row shows the chosen ``columns`` and the hit highlighted in up to
    ``chars`` characters of its sentence on each side. All text is escaped.

    Parameters
    ----------
    hits : DataFrame
        Rows with ``doc_id``, ``sent_id``, ``start`` and ``end``, such as
        :func:`toolkit.find_actors` or :func:`toolkit.find_frames` results.
    corpus : Corpus
        The corpus the hits come from.
    columns : list of str
        The hit columns shown before the context.
    max_rows : int
        Rows shown at most; a note says how many there are.
    chars : int
        Characters of context on each side, within the sentence.

    Examples
    --------
    >>> import toolkit
    >>> corpus = toolkit.load_corpus("data/")
    >>> hits = toolkit.find_frames(corpus).head(3)
    >>> page = toolkit.widgets.hits_html(hits, corpus, columns=["frame", "voice"])
    >>> page.count("<mark")
    3
    """
    idx = corpus_index(corpus)
    esc = html.escape
    n = len(hits)
    shown = hits.head(max_rows)
    doc_pos = {d: i for i, d in enumerate(idx.doc_ids)}
    text, doc_start = idx.display
    head = "".join(f'<th style="{_TD_CELL}">{esc(c)}</th>' for c in columns)
    rows = []
    for rec in shown.to_dict("records"):
        d = doc_pos[str(rec["doc_id"])]
        s = int(idx.doc_sent[d] + rec["sent_id"])
        a, b = int(rec["start"]), int(rec["end"])
        lo = max(int(idx.sent_start[s]), a - chars)
        hi = min(int(idx.sent_end[s]), b + chars)
        at = int(doc_start[d])
        context = (
            f"{esc(text[at + lo : at + a])}<mark style='background:#ffe08a;font-weight:bold'>"
            f"{esc(text[at + a : at + b])}</mark>{esc(text[at + b : at + hi])}"
        )
        cells = "".join(
            f'<td style="{_TD_CELL}">{esc("" if pd.isna(rec[c]) else str(rec[c]))}</td>'
            for c in columns
        )
        rows.append(f'<tr>{cells}<td style="{_TD_CELL};white-space:normal">{context}</td></tr>')
    note = f"{n:,} row{'s' if n != 1 else ''}"
    if n > len(shown):
        note += f"; showing the first {len(shown):,}"
    return (
        f'<div class="toolkit-hits"><p style="margin:2px 0">{esc(note)}</p>'
        '<table style="border-collapse:collapse;font-size:90%">'
        f'<thead><tr>{head}<th style="{_TD_CELL}">in context</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


_TD_CELL = "padding:1px 6px;vertical-align:top;text-align:left"


class _CountExplorer(_Explorer):
    """Choose entries and a grouping; see the counts plotted and the hits."""

    label = ""  # "actor" or "frame"

    def __init__(
        self,
        corpus: Any,
        hits: pd.DataFrame,
        names: list[str],
        *,
        by: str,
        quotes: pd.DataFrame,
        max_rows: int,
        top: int,
    ):
        super().__init__()
        self.corpus = as_corpus(corpus)
        self.hits = hits  # every hit; the selection is shown in .shown
        self.shown = hits
        self.quotes = quotes
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
        self.plot = widgets.Image(
            format="png", layout=widgets.Layout(max_width="100%", align_self="flex-start")
        )
        self.table = widgets.HTML(value="")
        self.controls = [self.entries, self.by, self.value]

    def _layout(self, extra: list[widgets.Widget], plots: list[widgets.Widget]) -> None:
        self.children = [
            widgets.HBox([self.entries, widgets.VBox([self.by, self.value, *extra])]),
            widgets.HBox([self.counter, self.status]),
            *plots,
            self.table,
        ]
        self._watch(self.controls, self.refresh)
        self._safe(self.refresh)

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

    def __init__(
        self,
        corpus: Any,
        lexicon: Any = None,
        *,
        by: str = "",
        quotes: pd.DataFrame | None = None,
        max_rows: int = 200,
        top: int = 20,
    ):
        c = as_corpus(corpus)
        self.lexicon = load_lexicon(DEFAULT_ACTORS if lexicon is None else lexicon, kind="actors")
        q = quotes_of(c, quotes)
        mentions = find_actors(c, self.lexicon, quotes=q)
        order = mentions["actor"].astype(str).value_counts(sort=True)
        names = sorted(order.index, key=lambda a: (-order[a], a))
        super().__init__(c, mentions, names, by=by, quotes=q, max_rows=max_rows, top=top)
        self.rollup = widgets.Checkbox(
            value=False, description="people as their group", indent=False
        )
        self.controls.append(self.rollup)
        self.add_class("toolkit-actor-explorer")
        self._layout([self.rollup], [self.plot])

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

    def __init__(
        self,
        corpus: Any,
        lexicon: Any = None,
        *,
        by: str = "voice",
        quotes: pd.DataFrame | None = None,
        max_rows: int = 200,
        top: int = 20,
    ):
        c = as_corpus(corpus)
        self.lexicon = load_lexicon(DEFAULT_FRAMES if lexicon is None else lexicon, kind="frames")
        q = quotes_of(c, quotes)
        hits = find_frames(c, self.lexicon, quotes=q)
        super().__init__(c, hits, self.lexicon.names, by=by, quotes=q, max_rows=max_rows, top=top)
        self.dispersion = widgets.Image(
            format="png", layout=widgets.Layout(max_width="100%", align_self="flex-start")
        )
        self.add_class("toolkit-frame-explorer")
        self._layout([], [self.plot, self.dispersion])

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


# ---------------------------------------------------------------------- dashboard

# The explorers a dashboard shows, in tab order: (tab title, explorer function).
_DASHBOARD_TABS: list[tuple[str, Callable[..., widgets.Widget]]] = [
    ("Keyword in context", kwic_explorer),
    ("Actors", actor_explorer),
    ("Frames", frame_explorer),
    ("Speakers", speaker_explorer),
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
    it one tab for each explorer: :func:`kwic_explorer`, :func:`actor_explorer`
    and :func:`frame_explorer` with the default lexicons, and
    :func:`speaker_explorer`. ``.explorers`` maps each tab title to its
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

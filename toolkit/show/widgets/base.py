"""What every explorer shares: a status line, an error-safe refresh, static snapshots."""

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

__all__ = ["Explorer", "figure_png", "plot_image", "shown_value", "snapshot"]


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


def plot_image() -> widgets.Image:
    """The empty image an explorer shows its plot in (:func:`figure_png` fills it)."""
    return widgets.Image(
        format="png", layout=widgets.Layout(max_width="100%", align_self="flex-start")
    )


class Explorer(widgets.VBox):
    """Shared plumbing: a status line, an error-safe refresh and observers."""

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.status = widgets.HTML(layout=widgets.Layout(margin="2px 0"))
        self.result: pd.DataFrame = pd.DataFrame()

    def _mount(
        self, children: list[widgets.Widget], controls: list[widgets.Widget], css: str
    ) -> None:
        """Show ``children``, refresh whenever one of ``controls`` changes, and
        refresh once now."""
        self.children = children
        self.add_class(css)
        self._watch(controls, self.refresh)
        self._safe(self.refresh)

    def refresh(self) -> None:
        """Compute and show the view for the current control values."""

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
        parts.extend(snapshot(child) for child in self.children)
        parts.append("</div>")
        return "".join(parts)

    def _safe(self, callback: Callable[[], None]) -> None:
        try:
            callback()
        except (ValueError, LookupError, TypeError) as exc:
            self.status.value = f'<span style="color:#b00020">{html.escape(str(exc))}</span>'


def snapshot(widget: widgets.Widget) -> str:
    """A static HTML picture of a widget and its children."""
    if isinstance(widget, widgets.Box):
        inner = " ".join(snapshot(c) for c in widget.children)
        return f'<div style="margin:2px 0">{inner}</div>'
    if isinstance(widget, widgets.HTML):
        return widget.value  # built by the toolkit, text already escaped
    if isinstance(widget, widgets.Image):
        if not widget.value:
            return ""
        data = base64.b64encode(widget.value).decode("ascii")
        return (
            f'<img style="max-width:100%" alt="a plot of the explorer\'s current view" '
            f'src="data:image/{widget.format};base64,{data}">'
        )
    if isinstance(widget, widgets.ValueWidget) and getattr(widget, "description", ""):
        return (
            f'<span style="margin-right:1em"><b>{html.escape(widget.description)}</b>: '
            f"{html.escape(shown_value(widget))}</span>"
        )
    if isinstance(widget, widgets.ToggleButtons) and widget.label is not None:
        return f'<span style="margin-right:1em"><b>{html.escape(widget.label)}</b></span>'
    return ""


def shown_value(widget: widgets.ValueWidget) -> str:
    """A control's value as a reader would say it: the label of a choice, the
    labels of several joined with commas (none chosen: "all"), yes or no, a
    number as its slider shows it.

    Examples
    --------
    >>> import ipywidgets as widgets
    >>> shown_value(widgets.SelectMultiple(options=["Taliban", "NATO"], value=()))
    'all'
    >>> shown_value(widgets.SelectMultiple(options=["direct", "partial"], value=["direct", "partial"]))
    'direct, partial'
    >>> shown_value(widgets.Checkbox(value=False)), shown_value(widgets.FloatSlider(value=0.8))
    ('no', '0.80')
    """
    if isinstance(widget, widgets.SelectMultiple):
        return ", ".join(map(str, widget.label)) or "all"
    if isinstance(widget, widgets.Dropdown | widgets.ToggleButtons | widgets.RadioButtons):
        return str(widget.label) if widget.label is not None else ""
    value = widget.value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(widget, widgets.FloatSlider):
        return format(value, widget.readout_format)
    return str(value)

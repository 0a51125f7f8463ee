"""What every plot shares: text matplotlib shows literally, tick labels, new
Axes, a colour per label that holds from plot to plot, and dated events marked."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from ..text.shorten import shorten

__all__ = [
    "LABEL_WIDTH",
    "label_colours",
    "literal",
    "mark_events",
    "new_axes",
    "plural",
    "tick_labels",
]


def literal(text: Any) -> str:
    """``text`` as matplotlib should show it, character for character: a ``$``
    would otherwise start mathtext, so a document id or title such as
    ``$\\frac{1}$`` would fail to draw (or draw as a formula).

    Examples
    --------
    >>> print(literal("cost $5 and $6"))
    cost \\$5 and \\$6
    """
    return str(text).replace("$", r"\$")


# Tick labels longer than this are shortened (document ids can run to 120 characters).
LABEL_WIDTH = 40


def tick_labels(values: Any) -> list[str]:
    """Values as tick labels: shown literally, shortened to ``LABEL_WIDTH``."""
    return [literal(shorten(str(v), LABEL_WIDTH)) for v in values]


def plural(n: int, noun: str) -> str:
    """``3 documents``, ``1 document``."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def new_axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """``ax``, or a new figure's Axes of ``figsize`` (constrained layout)."""
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def label_colours(labels: pd.Series, keep: list[str]) -> dict[str, Any]:
    """A colour per label: by its place among a categorical's categories (a
    frame lexicon's order) when there are no more of them than colours, so that
    one frame has one colour in every plot; otherwise by rank."""
    cycle = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    if isinstance(labels.dtype, pd.CategoricalDtype) and len(labels.cat.categories) <= len(cycle):
        order = [str(c) for c in labels.cat.categories]
        return {k: cycle[order.index(k) % len(cycle)] for k in keep}
    return {k: cycle[i % len(cycle)] for i, k in enumerate(keep)}


def mark_events(ax: Axes, events: Mapping[str, str] | None) -> None:
    """A dashed vertical line at each date, its label at the top of the axes."""
    for when, label in (events or {}).items():
        try:
            x = pd.to_datetime(when, format="ISO8601")
        except (ValueError, TypeError) as exc:
            raise ValueError(f"events: {when!r} is not a date (give 'YYYY-MM-DD')") from exc
        x = mdates.date2num(x.to_pydatetime())
        ax.axvline(x, color="0.35", linestyle="--", linewidth=1)
        ax.annotate(
            literal(label),
            xy=(x, 1.0),
            xycoords=ax.get_xaxis_transform(),
            xytext=(3, -3),
            textcoords="offset points",
            ha="left",
            va="top",
            fontsize="small",
            color="0.25",
        )

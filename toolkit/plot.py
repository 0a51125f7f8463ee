"""Matplotlib helpers. Each takes a result table (and options) and returns an Axes.

Plots never compute analysis results themselves: they draw a DataFrame returned
by an analysis function, so what you see can always be inspected as a table.
"""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .corpus import as_corpus

__all__ = ["plot_dispersion"]


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def plot_dispersion(
    hits: pd.DataFrame,
    corpus: Any,
    *,
    max_docs: int = 20,
    ax: Axes | None = None,
) -> Axes:
    """Where hits fall in each document (AntConc's concordance plot).

    One strip per document with hits (the documents with most hits first, at most
    ``max_docs``); each hit is a tick at its relative position in the document's
    text. Several patterns get one colour each.

    Parameters
    ----------
    hits : DataFrame
        Any table with ``doc_id`` and ``start`` (e.g. :func:`toolkit.kwic`);
        a ``pattern`` column colours the ticks.
    corpus : Corpus
        The corpus the hits come from (for document lengths).
    max_docs : int
        Strips shown at most; the title says how many documents had hits.
    ax : matplotlib Axes, optional

    Examples
    --------
    >>> import toolkit
    >>> corpus = toolkit.load_corpus("data/")
    >>> ax = toolkit.plot_dispersion(toolkit.kwic(corpus, ["withdraw*", "pull* out"]), corpus)
    """
    c = as_corpus(corpus)
    lengths = dict(zip(c.docs["doc_id"], c.docs["text"].str.len(), strict=True))
    position = {d: i for i, d in enumerate(lengths)}
    doc_ids = hits["doc_id"].astype(str).to_numpy()
    counts = pd.Series(doc_ids).value_counts(sort=False)
    order = sorted(counts.index, key=lambda d: (-counts[d], position.get(d, len(position))))
    shown = order[:max_docs]
    ax = _axes(ax, (8, 0.45 * max(len(shown), 1) + 1.2))
    if "pattern" in hits.columns:
        labels = hits["pattern"].astype(str).to_numpy()
        patterns = list(dict.fromkeys(labels))
    else:
        labels = np.full(len(hits), "")
        patterns = [""]
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    starts = hits["start"].to_numpy()
    labelled: set[str] = set()
    for row, doc in enumerate(shown):
        ax.add_patch(
            plt.Rectangle((0, row - 0.35), 1, 0.7, facecolor="#f3f3f3", edgecolor="#bbbbbb")
        )
        length = max(int(lengths.get(doc, 1)), 1)
        in_doc = doc_ids == doc
        for k, pattern in enumerate(patterns):
            sel = in_doc & (labels == pattern)
            if sel.any():
                ax.vlines(
                    starts[sel] / length,
                    row - 0.3,
                    row + 0.3,
                    color=colours[k % len(colours)],
                    linewidth=1.2,
                    label=None if pattern in labelled else pattern,
                )
                labelled.add(pattern)
    if shown:
        ax.set_yticks(range(len(shown)))
        ax.set_yticklabels([f"{d} ({counts[d]})" for d in shown])
        ax.set_ylim(len(shown) - 0.5, -0.5)
    else:
        ax.text(0.5, 0, "no hits", ha="center", va="center", color="#888888")
        ax.set_ylim(-1, 1)
        ax.set_yticks([])
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in document (share of its text)")
    n_docs = len(order)
    title = f"Dispersion: {len(hits):,} hits in {n_docs:,} document{'s' if n_docs != 1 else ''}"
    if n_docs > len(shown):
        title += f" (showing the {len(shown)} with most hits)"
    ax.set_title(title, loc="left", fontsize="medium")
    if len(patterns) > 1:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return ax

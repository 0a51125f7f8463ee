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

__all__ = ["plot_dispersion", "plot_speaker_sentiment"]


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


def plot_speaker_sentiment(
    table: pd.DataFrame,
    *,
    label: str = "speaker",
    max_rows: int = 30,
    ax: Axes | None = None,
) -> Axes:
    """Mean sentiment per speaker as a dot with its confidence interval.

    One line per speaker, sorted from the most positive mean (top) to the most
    negative; the label gives the number of quotations (``n=``). A speaker with
    a single scored quotation has a dot but no interval. The grey band is
    VADER's neutral zone (-0.05 < compound < 0.05).

    Parameters
    ----------
    table : DataFrame
        :func:`toolkit.sentiment_by_speaker` (or :func:`toolkit.sentiment_by`)
        output: ``mean_compound``, ``ci_low``, ``ci_high``, a count (``n_quotes``
        or ``n``) and the ``label`` column.
    label : str
        The column naming each row (``"speaker"``; e.g. ``"actor"`` for a table
        from ``sentiment_by(..., by="actor")``).
    max_rows : int
        Rows drawn at most: those with most quotations; the title says how many
        were left out.
    ax : matplotlib Axes, optional

    Examples
    --------
    >>> import pandas as pd
    >>> import toolkit
    >>> quotes = pd.DataFrame({
    ...     "doc_id": ["d1", "d1", "d2"], "quote_id": [1, 2, 3],
    ...     "text": ["We won a great victory.", "It is a disaster.", "The talks went well."],
    ...     "kind": ["direct", "direct", "direct"], "speaker": ["Mujahid", "Mujahid", "Khan"]})
    >>> ax = toolkit.plot_speaker_sentiment(toolkit.sentiment_by_speaker(quotes))
    """
    count_col = next((c for c in ("n_quotes", "n", "n_scored") if c in table.columns), None)
    needed = [label, "mean_compound", "ci_low", "ci_high"]
    absent = [c for c in needed if c not in table.columns] + ([] if count_col else ["n_quotes"])
    if absent:
        raise ValueError(
            f"the table lacks {', '.join(absent)}; pass the output of "
            "toolkit.sentiment_by_speaker (or sentiment_by with label= naming its group column)"
        )
    shown = table[table["mean_compound"].notna().to_numpy()]
    unscored = len(table) - len(shown)
    counts = shown[count_col].to_numpy()
    keep = np.argsort(-counts, kind="stable")[: max(int(max_rows), 0)]
    shown = shown.iloc[keep]
    shown = shown.iloc[np.argsort(-shown["mean_compound"].to_numpy(), kind="stable")]
    k = len(shown)
    ax = _axes(ax, (7.5, 0.32 * max(k, 1) + 1.4))
    ax.axvspan(-0.05, 0.05, color="#eeeeee", zorder=0)
    ax.axvline(0, color="#999999", linewidth=0.8, zorder=1)
    y = np.arange(k)
    means = shown["mean_compound"].to_numpy(dtype=float)
    low = shown["ci_low"].to_numpy(dtype=float)
    high = shown["ci_high"].to_numpy(dtype=float)
    has_ci = ~(np.isnan(low) | np.isnan(high))
    ax.hlines(y[has_ci], low[has_ci], high[has_ci], color="#4c72b0", linewidth=2, zorder=2)
    ax.scatter(means, y, color="#1f3b70", s=28, zorder=3)
    if k:
        names = shown[label].astype(str).tolist()
        ns = shown[count_col].tolist()
        ax.set_yticks(y)
        ax.set_yticklabels([f"{name} (n={n})" for name, n in zip(names, ns, strict=True)])
        ax.set_ylim(k - 0.5, -0.5)
    else:
        ax.text(0, 0, "no scored quotations", ha="center", va="center", color="#888888")
        ax.set_ylim(-1, 1)
        ax.set_yticks([])
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean compound score (-1 negative .. +1 positive)")
    interval = table.attrs.get("ci", "confidence interval")
    title = f"Sentiment per {label}: mean and {interval}"
    left_out = len(table) - unscored - k
    notes = [f"{left_out} with fewer quotations not shown"] if left_out else []
    if unscored:
        notes.append(f"{unscored} without a score not shown")
    if notes:
        title += "\n(" + "; ".join(notes) + ")"
    ax.set_title(title, loc="left", fontsize="medium")
    return ax


# ------------------------------------------------------------ collocates, keyness

__all__ += ["plot_collocates", "plot_keyness"]

_MEASURE_LABELS = {
    "logdice": "logDice",
    "g2": "log-likelihood G² (signed)",
    "pmi": "PMI (bits)",
    "t": "t-score",
    "count": "co-occurrences in the window",
    "log_ratio": "log ratio (binary log of the ratio of relative frequencies)",
}


def _ranked(table: pd.DataFrame, key: str, measure: str, *, descending: bool) -> pd.DataFrame:
    """Rows by ``measure`` (ties by ``key``), without relying on the table's order."""
    return table.sort_values(
        [measure, key], ascending=[not descending, True], kind="stable"
    ).reset_index(drop=True)


def plot_collocates(
    table: pd.DataFrame,
    *,
    measure: str | None = None,
    top: int = 20,
    ax: Axes | None = None,
) -> Axes:
    """The strongest collocates of a node as horizontal bars.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`toolkit.collocates`.
    measure : {"logdice", "g2", "pmi", "t", "count"}, optional
        The bar length and the ranking; by default the measure the table was
        ordered by.
    top : int
        Bars shown at most (the highest values).
    ax : matplotlib Axes, optional

    Examples
    --------
    >>> import toolkit
    >>> ax = toolkit.plot_collocates(toolkit.collocates("data/", "Taliban"), top=10)
    """
    measure = measure or table.attrs.get("measure", "logdice")
    missing = [c for c in ("collocate", "count", measure) if c not in table.columns]
    if missing or measure not in ("logdice", "g2", "pmi", "t", "count"):
        raise ValueError(
            f"plot_collocates needs a collocates() table and a measure among logdice, g2, pmi, "
            f"t, count; got measure={measure!r}, missing columns {missing}"
        )
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValueError(f"top={top!r}: give the number of bars, 1 or more")
    shown = _ranked(table, "collocate", measure, descending=True).head(top)
    ax = _axes(ax, (7, 0.28 * max(len(shown), 1) + 1.3))
    node = table.attrs.get("node")
    title = f"Collocates of '{node}'" if node else "Collocates"
    if "window" in table.attrs:
        title += f" (window {table.attrs['window']} words each side)"
    if len(shown) == 0:
        ax.text(0.5, 0.5, "no collocates", ha="center", va="center", color="#888888")
        ax.set_axis_off()
    else:
        values = shown[measure].to_numpy(dtype=float)
        y = np.arange(len(shown))
        ax.barh(y, values, color="#4c72b0")
        ax.set_yticks(y)
        ax.set_yticklabels(
            [f"{c} ({n})" for c, n in zip(shown["collocate"], shown["count"], strict=True)]
        )
        ax.set_ylim(len(shown) - 0.5, -0.5)
        ax.axvline(0, color="#444444", linewidth=0.8)
        ax.set_xlabel(_MEASURE_LABELS[measure] + "; (n) = co-occurrences")
    ax.set_title(title, loc="left", fontsize="medium")
    return ax


def plot_keyness(
    table: pd.DataFrame,
    *,
    measure: str = "g2",
    top: int = 20,
    ax: Axes | None = None,
) -> Axes:
    """Diverging bars: the terms most over-used in the target (right, positive) and
    most under-used (left, negative), compared with the reference.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`toolkit.keyness`.
    measure : {"g2", "log_ratio"}
        Signed log-likelihood or the log ratio effect size.
    top : int
        Bars shown at most on each side.
    ax : matplotlib Axes, optional

    Examples
    --------
    >>> import toolkit
    >>> corpus = toolkit.load_corpus(["Troops left the base. Troops left.", "Talks went on."])
    >>> ax = toolkit.plot_keyness(toolkit.keyness(corpus, ["doc1"], min_count=1))
    """
    missing = [c for c in ("term", measure) if c not in table.columns]
    if missing or measure not in ("g2", "log_ratio"):
        raise ValueError(
            f"plot_keyness needs a keyness() table and measure 'g2' or 'log_ratio'; got "
            f"measure={measure!r}, missing columns {missing}"
        )
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValueError(f"top={top!r}: give the number of bars per side, 1 or more")
    over = _ranked(table[table[measure] > 0], "term", measure, descending=True).head(top)
    under = _ranked(table[table[measure] < 0], "term", measure, descending=False).head(top)
    shown = pd.concat([over, under.iloc[::-1]], ignore_index=True)
    ax = _axes(ax, (7, 0.28 * max(len(shown), 1) + 1.3))
    if len(shown) == 0:
        ax.text(0.5, 0.5, "no key terms", ha="center", va="center", color="#888888")
        ax.set_axis_off()
    else:
        values = shown[measure].to_numpy(dtype=float)
        y = np.arange(len(shown))
        colours = np.where(values > 0, "#c44e52", "#4c72b0")
        ax.barh(y, values, color=colours)
        ax.set_yticks(y)
        ax.set_yticklabels(shown["term"].tolist())
        ax.set_ylim(len(shown) - 0.5, -0.5)
        ax.axvline(0, color="#444444", linewidth=0.8)
        ax.set_xlabel(_MEASURE_LABELS[measure] + ": + over-used in the target, − under-used")
    title = f"Keyness: {len(over)} most over-used and {len(under)} most under-used terms"
    if "target_docs" in table.attrs:
        title += (
            f"\n(target {table.attrs['target_docs']:,} documents, "
            f"reference {table.attrs['reference_docs']:,})"
        )
    ax.set_title(title, loc="left", fontsize="medium")
    return ax

"""Matplotlib helpers. Each takes a result table (and options) and returns an Axes.

Plots never compute analysis results themselves: they draw a DataFrame returned
by an analysis function, so what you see can always be inspected as a table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ..corpus.load import as_corpus
from ..text.shorten import shorten
from .axes import LABEL_WIDTH, label_colours, literal, mark_events, new_axes, plural, tick_labels

__all__ = ["plot_dispersion", "plot_speaker_sentiment"]


def plot_dispersion(
    hits: pd.DataFrame,
    corpus: Any,
    *,
    max_docs: int = 20,
    ax: Axes | None = None,
    label: str = "pattern",
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
    label : str
        The column whose values get one colour each (default ``pattern``; use
        ``"frame"`` for :func:`toolkit.find_frames` hits, ``"actor"`` for
        :func:`toolkit.find_actors` mentions).

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
    ax = new_axes(ax, (8, 0.45 * max(len(shown), 1) + 1.2))
    if label in hits.columns:
        labels = hits[label].astype(str).to_numpy()
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
                    label=None if pattern in labelled else literal(pattern),
                )
                labelled.add(pattern)
    if shown:
        ax.set_yticks(range(len(shown)))
        ax.set_yticklabels([literal(f"{shorten(d, LABEL_WIDTH)} ({counts[d]})") for d in shown])
        ax.set_ylim(len(shown) - 0.5, -0.5)
    else:
        ax.text(0.5, 0, "no hits", ha="center", va="center", color="#888888")
        ax.set_ylim(-1, 1)
        ax.set_yticks([])
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in document (share of its text)")
    n_docs = len(order)
    title = f"Dispersion: {plural(len(hits), 'hit')} in {plural(n_docs, 'document')}"
    if n_docs > len(shown):
        title += f" (showing the {len(shown)} with most hits)"
    ax.set_title(literal(title), loc="left", fontsize="medium")
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
    ax = new_axes(ax, (7.5, 0.32 * max(k, 1) + 1.4))
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
        ax.set_yticklabels(
            [
                literal(f"{shorten(name, LABEL_WIDTH)} (n={n})")
                for name, n in zip(names, ns, strict=True)
            ]
        )
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
    ax.set_title(literal(title), loc="left", fontsize="medium")
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
    ax = new_axes(ax, (7, 0.28 * max(len(shown), 1) + 1.3))
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
            [
                literal(f"{shorten(c, LABEL_WIDTH)} ({n})")
                for c, n in zip(shown["collocate"], shown["count"], strict=True)
            ]
        )
        ax.set_ylim(len(shown) - 0.5, -0.5)
        ax.axvline(0, color="#444444", linewidth=0.8)
        ax.set_xlabel(_MEASURE_LABELS[measure] + "; (n) = co-occurrences")
    ax.set_title(literal(title), loc="left", fontsize="medium")
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
    ax = new_axes(ax, (7, 0.28 * max(len(shown), 1) + 1.3))
    if len(shown) == 0:
        ax.text(0.5, 0.5, "no key terms", ha="center", va="center", color="#888888")
        ax.set_axis_off()
    else:
        values = shown[measure].to_numpy(dtype=float)
        y = np.arange(len(shown))
        colours = np.where(values > 0, "#c44e52", "#4c72b0")
        ax.barh(y, values, color=colours)
        ax.set_yticks(y)
        ax.set_yticklabels(tick_labels(shown["term"]))
        ax.set_ylim(len(shown) - 0.5, -0.5)
        ax.axvline(0, color="#444444", linewidth=0.8)
        ax.set_xlabel(_MEASURE_LABELS[measure] + ": + over-used in the target, − under-used")
    title = f"Keyness: {len(over)} most over-used and {len(under)} most under-used terms"
    if "target_docs" in table.attrs:
        title += (
            f"\n(target {table.attrs['target_docs']:,} documents, "
            f"reference {table.attrs['reference_docs']:,})"
        )
    ax.set_title(literal(title), loc="left", fontsize="medium")
    return ax


# ------------------------------------------------------------- actors, frames

__all__ += [
    "plot_actor_cooccurrence",
    "plot_actor_frequency",
    "plot_actor_heatmap",
    "plot_actors_over_time",
    "plot_frames",
    "plot_terms",
]

_COUNT_COLUMNS = (
    *("actor", "frame", "term", "type", "mentions", "count", "documents", "tokens"),
    *("per_1k_tokens", "first_doc_id", "first_start", "first_end"),
)
_VALUES = {
    "mentions": "mentions",
    "count": "occurrences",
    "per_1k_tokens": "mentions per 1,000 words",
}


def _value_label(value: str, label: str) -> str:
    if label == "term" and value == "per_1k_tokens":
        return "occurrences per 1,000 words"
    return _VALUES[value]


def _count_label(counts: pd.DataFrame) -> str:
    for label in ("actor", "frame", "term"):
        if label in counts.columns:
            return label
    raise ValueError(
        "expected a table from count_actors, count_frames or count_terms (with an 'actor', "
        f"'frame' or 'term' column); this one has: {', '.join(map(str, counts.columns))}"
    )


def _count_groups(counts: pd.DataFrame, *, most: int, what: str) -> list[str]:
    groups = [c for c in counts.columns if c not in _COUNT_COLUMNS]
    if len(groups) > most:
        raise ValueError(
            f"{what} draws counts grouped by at most {most} column; this table is grouped by "
            f"{', '.join(groups)}. Count with a single by= column"
        )
    return groups


def _label_and_group(
    counts: pd.DataFrame, value: str, what: str, grouping: str, example: str
) -> tuple[str, str]:
    """The label column (actor or frame) and the one group column of a count table
    that ``what`` needs grouped by ``grouping``."""
    label = _count_label(counts)
    _check_value(value, counts)
    groups = _count_groups(counts, most=1, what=what)
    if not groups:
        raise ValueError(
            f"{what} needs counts grouped by {grouping}, e.g. count_actors(corpus, {example})"
        )
    return label, groups[0]


def _check_value(value: str, counts: pd.DataFrame) -> None:
    if value not in _VALUES:
        raise ValueError(f"value={value!r} is not one of {', '.join(_VALUES)}")
    if value not in counts.columns:
        raise ValueError(f"the table has no {value!r} column")


def _group_labels(values: pd.Series) -> list[str]:
    missing = "(narrator or unattributed)" if values.name == "speaker" else "(missing)"
    return [missing if pd.isna(v) else str(v) for v in values]


def _bars(
    counts: pd.DataFrame,
    *,
    value: str,
    top: int,
    stacked: bool | None,
    ax: Axes | None,
    what: str,
) -> Axes:
    label = _count_label(counts)
    _check_value(value, counts)
    groups = _count_groups(counts, most=1, what=what)
    data = counts.assign(_label=counts[label].astype(str))
    if groups:
        g = groups[0]
        data = data.assign(_group=_group_labels(data[g]))
        table = data.pivot_table(
            index="_label", columns="_group", values=value, aggfunc="sum", sort=False
        ).fillna(0)
        table = table[list(dict.fromkeys(data["_group"]))]
    else:
        table = data.groupby("_label", sort=False)[[value]].sum()
    totals = table.sum(axis=1)
    # most first: order by total, ties by the label's first appearance
    order = sorted(range(len(totals)), key=lambda i: (-totals.iat[i], i))[:top]
    table = table.iloc[order]
    n = len(table)
    legend_rows = len(table.columns) if groups else 0
    ax = new_axes(ax, (8, max(0.32 * max(n, 1) + 1.4, 0.25 * legend_rows + 1.4)))
    y = np.arange(n)
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    if stacked is None:
        stacked = value != "per_1k_tokens"  # rates of different groups do not add up
    columns = list(zip(table.columns, tick_labels(table.columns), strict=True))
    if not groups:
        ax.barh(y, table[value].to_numpy(), color=colours[0], height=0.7)
    elif stacked:
        left = np.zeros(n)
        for k, (col, name) in enumerate(columns):
            vals = table[col].to_numpy(dtype=float)
            ax.barh(y, vals, left=left, height=0.7, label=name, color=colours[k % len(colours)])
            left += vals
    else:
        h = 0.8 / max(len(columns), 1)
        for k, (col, name) in enumerate(columns):
            ax.barh(
                y - 0.4 + h * (k + 0.5),
                table[col].to_numpy(dtype=float),
                height=h,
                label=name,
                color=colours[k % len(colours)],
            )
    ax.set_yticks(y)
    ax.set_yticklabels(tick_labels(table.index))
    ax.set_ylim(max(n, 1) - 0.5, -0.5)
    ax.set_xlabel(_value_label(value, label))
    if n == 0:
        ax.text(0.5, 0.5, "nothing counted", ha="center", va="center", transform=ax.transAxes)
    if groups and n:
        ax.legend(
            title=literal(groups[0]), loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False
        )
    title = f"{label.capitalize()}s by {_value_label(value, label)}"
    if groups:
        title += f", by {groups[0]}"
    ax.set_title(literal(title), loc="left", fontsize="medium")
    return ax


def plot_actor_frequency(
    counts: pd.DataFrame,
    *,
    value: Literal["mentions", "per_1k_tokens"] = "mentions",
    top: int = 20,
    stacked: bool | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars: how often each actor is mentioned, raw or normalised.

    Parameters
    ----------
    counts : DataFrame
        From :func:`toolkit.count_actors`, ungrouped or grouped by one column
        (``by="voice"`` splits every bar by whose words the mentions are in).
    value : {"mentions", "per_1k_tokens"}
        Raw counts or mentions per 1,000 word tokens.
    top : int
        The most mentioned actors shown.
    stacked : bool, optional
        With a grouping column: stack the groups (default for ``mentions``) or
        put them side by side (default for ``per_1k_tokens``, whose rates do not
        add up).
    ax : matplotlib Axes, optional

    Examples
    --------
    >>> import toolkit
    >>> ax = toolkit.plot_actor_frequency(toolkit.count_actors("data/"), top=10)
    """
    return _bars(counts, value=value, top=top, stacked=stacked, ax=ax, what="plot_actor_frequency")


def plot_frames(
    counts: pd.DataFrame,
    *,
    value: Literal["mentions", "per_1k_tokens"] = "mentions",
    top: int = 20,
    stacked: bool | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars: how often each frame is cued, split by one grouping.

    Grouped ``by="voice"`` it shows whose words each frame is in (the narrator's
    or quoted sources'); ``by="speaker"`` who voices it.

    Parameters
    ----------
    counts : DataFrame
        From :func:`toolkit.count_frames`, ungrouped or grouped by one column.
    value : {"mentions", "per_1k_tokens"}
    top : int
        Frames shown at most.
    stacked : bool, optional
        Stack the groups (default for ``mentions``) or set them side by side.
    ax : matplotlib Axes, optional

    Examples
    --------
    >>> import toolkit
    >>> ax = toolkit.plot_frames(toolkit.count_frames("data/", by="voice"))
    """
    return _bars(counts, value=value, top=top, stacked=stacked, ax=ax, what="plot_frames")


def plot_terms(
    counts: pd.DataFrame,
    *,
    value: Literal["count", "per_1k_tokens"] = "count",
    top: int = 20,
    stacked: bool | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars: the most frequent terms (words or n-grams).

    The bars follow the table's order of terms over all groups, so a table of
    2-grams (``count_terms(corpus, n=2)``) shows its most frequent pairs; leave
    function words out when counting (``stopwords="english"``) to see content.

    Parameters
    ----------
    counts : DataFrame
        From :func:`toolkit.count_terms`, ungrouped or grouped by one column
        (``by="voice"`` splits every bar by whose words the occurrences are in).
    value : {"count", "per_1k_tokens"}
        Occurrences, or occurrences per 1,000 word tokens (of each group).
    top : int
        Terms shown at most: those most frequent over all groups.
    stacked : bool, optional
        With a grouping column: stack the groups (default for ``count``) or set
        them side by side (default for ``per_1k_tokens``).
    ax : matplotlib Axes, optional

    Examples
    --------
    >>> import toolkit
    >>> ax = toolkit.plot_terms(toolkit.count_terms("data/", stopwords="english"), top=10)
    >>> ax.get_yticklabels()[0].get_text()
    'taliban'
    """
    return _bars(counts, value=value, top=top, stacked=stacked, ax=ax, what="plot_terms")


def plot_actors_over_time(
    counts: pd.DataFrame,
    *,
    value: Literal["mentions", "per_1k_tokens"] = "mentions",
    top: int = 8,
    events: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """One line per actor (or frame) across time periods.

    Parameters
    ----------
    counts : DataFrame
        From :func:`toolkit.count_actors` or :func:`toolkit.count_frames` grouped
        by one period or date column (``by="month"``, ``"week"``, ``"date"``).
    value : {"mentions", "per_1k_tokens"}
    top : int
        The actors with most mentions overall are drawn. A period (``by="month"``)
        is drawn at its middle; a frame keeps its colour from plot to plot.
    events : dict, optional
        Dates to mark, each with its label (``{"2021-08-15": "Kabul falls"}``):
        a dashed vertical line, labelled at the top.
    ax : matplotlib Axes, optional

    Examples
    --------
    >>> import toolkit
    >>> ax = toolkit.plot_actors_over_time(toolkit.count_actors("data/", by="month"))
    >>> ax = toolkit.plot_actors_over_time(
    ...     toolkit.count_frames("data/", by="week"), events={"2021-07-07": "the article"})
    >>> [t.get_text() for t in ax.texts]
    ['the article']
    """
    label, g = _label_and_group(
        counts, value, "plot_actors_over_time", "a period or date", "by='month'"
    )
    data = counts[counts[g].notna()]
    x = data[g]
    if isinstance(x.dtype, pd.PeriodDtype):  # a period's count is drawn at its middle
        x = x.dt.start_time + (x.dt.end_time - x.dt.start_time) / 2
    elif not pd.api.types.is_datetime64_any_dtype(x) and not pd.api.types.is_numeric_dtype(x):
        try:
            x = pd.to_datetime(x.astype(str), format="mixed")
        except (ValueError, TypeError) as exc:
            raise ValueError(
                f"plot_actors_over_time needs dates or periods in {g!r}; got {x.iloc[0]!r}"
            ) from exc
    data = data.assign(_x=x.to_numpy(), _label=data[label].astype(str))
    totals = data.groupby("_label", sort=False)["mentions"].sum()
    keep = sorted(totals.index, key=lambda k: (-totals[k], k))[:top]
    ax = new_axes(ax, (8, 4))
    colours = label_colours(counts[label], keep)
    for name in keep:
        rows = data[data["_label"] == name].sort_values("_x")
        ax.plot(
            rows["_x"],
            rows[value],
            marker="o",
            markersize=3,
            label=literal(name),
            color=colours[name],
        )
    ax.set_ylabel(_VALUES[value])
    ax.set_xlabel(literal(g))
    mark_events(ax, events)
    if keep:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    else:
        ax.text(0.5, 0.5, "nothing counted", ha="center", va="center", transform=ax.transAxes)
    ax.set_title(
        literal(f"{label.capitalize()}s over time ({_VALUES[value]})"),
        loc="left",
        fontsize="medium",
    )
    ax.figure.autofmt_xdate()
    return ax


def plot_actor_heatmap(
    counts: pd.DataFrame,
    *,
    top: int = 20,
    value: Literal["mentions", "per_1k_tokens"] = "per_1k_tokens",
    ax: Axes | None = None,
) -> Axes:
    """A heatmap of actors (or frames) against one grouping, e.g. the source.

    Parameters
    ----------
    counts : DataFrame
        A table of :func:`toolkit.count_actors` or :func:`toolkit.count_frames`,
        counted with one ``by`` column (``by="source"``, ``by="speaker"``).
    value : {"mentions", "per_1k_tokens"}
        Normalised by default, so sources of different sizes compare.
    top : int
        Rows (the most mentioned actors) shown at most.
    ax : matplotlib Axes, optional

    Examples
    --------
    >>> import toolkit
    >>> ax = toolkit.plot_actor_heatmap(toolkit.count_actors("data/", by="source"))
    """
    label, g = _label_and_group(counts, value, "plot_actor_heatmap", "one column", "by='source'")
    data = counts.assign(_label=counts[label].astype(str), _group=_group_labels(counts[g]))
    table = data.pivot_table(
        index="_label", columns="_group", values=value, aggfunc="sum", sort=False
    ).fillna(0)
    totals = data.groupby("_label", sort=False)["mentions"].sum().reindex(table.index)
    order = sorted(range(len(table)), key=lambda i: (-totals.iat[i], i))[:top]
    table = table.iloc[order]
    columns = list(dict.fromkeys(data["_group"]))
    table = table[[c for c in columns if c in table.columns]]
    matrix = table.to_numpy(dtype=float)
    return _matrix(
        matrix,
        table.index.tolist(),
        table.columns.tolist(),
        ax=ax,
        title=f"{label.capitalize()}s by {g} ({_VALUES[value]})",
        fmt="{:.0f}" if value == "mentions" else "{:.1f}",
    )


def plot_actor_cooccurrence(
    pairs: pd.DataFrame,
    *,
    top: int = 15,
    ax: Axes | None = None,
) -> Axes:
    """A matrix of how many sentences name two actors together.

    Parameters
    ----------
    pairs : DataFrame
        From :func:`toolkit.actor_cooccurrence`. The diagonal is the number of
        sentences naming each actor at all.
    top : int
        The actors in most sentences shown.
    ax : matplotlib Axes, optional

    Examples
    --------
    >>> import toolkit
    >>> ax = toolkit.plot_actor_cooccurrence(toolkit.actor_cooccurrence("data/", rollup=True))
    """
    missing = [c for c in ("actor_a", "actor_b", "sentences") if c not in pairs.columns]
    if missing:
        raise ValueError(f"expected a table from actor_cooccurrence; it lacks {missing}")
    a = pairs["actor_a"].astype(str)
    b = pairs["actor_b"].astype(str)
    diag = pairs[a == b]
    sizes = dict(zip(diag["actor_a"].astype(str), diag["sentences"], strict=True))
    names = sorted(sizes, key=lambda k: (-sizes[k], k))[:top]
    pos = {n: i for i, n in enumerate(names)}
    matrix = np.zeros((len(names), len(names)))
    for x, y, v in zip(a, b, pairs["sentences"], strict=True):
        if x in pos and y in pos:
            matrix[pos[x], pos[y]] = matrix[pos[y], pos[x]] = v
    return _matrix(
        matrix,
        names,
        names,
        ax=ax,
        title="Actors named in the same sentence (diagonal: sentences naming the actor)",
        fmt="{:.0f}",
        rotate=True,
    )


def _matrix(
    matrix: np.ndarray,
    rows: list[str],
    cols: list[str],
    *,
    ax: Axes | None,
    title: str,
    fmt: str,
    rotate: bool = False,
) -> Axes:
    ax = new_axes(ax, (0.55 * max(len(cols), 1) + 3.5, 0.35 * max(len(rows), 1) + 1.8))
    if matrix.size == 0:
        ax.text(0.5, 0.5, "nothing counted", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(literal(title), loc="left", fontsize="medium")
        return ax
    image = ax.imshow(matrix, cmap="Blues", aspect="auto")
    ax.set_xticks(range(len(cols)))
    ax.set_xticklabels(tick_labels(cols), rotation=45 if rotate or len(cols) > 4 else 0, ha="right")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(tick_labels(rows))
    high = matrix.max() if matrix.size else 0
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[1]):
            v = matrix[i, j]
            if v:
                ax.text(
                    j,
                    i,
                    fmt.format(v),
                    ha="center",
                    va="center",
                    fontsize="small",
                    color="white" if v > 0.6 * high else "black",
                )
    ax.figure.colorbar(image, ax=ax, shrink=0.8)
    ax.set_title(literal(title), loc="left", fontsize="medium")
    return ax


# ---------------------------------------------------------------- validation

__all__ += ["plot_precision"]


def plot_precision(table: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Precision per group as a dot with its 95% interval, from hand-coded units.

    Parameters
    ----------
    table : DataFrame
        :func:`toolkit.estimate_precision` output: ``precision``, ``ci_low``,
        ``ci_high``, ``units`` and, when grouped, the group column first.
    ax : matplotlib Axes, optional

    Examples
    --------
    >>> import toolkit
    >>> coded = toolkit.read_coding_sheet(toolkit.example_sheet("05-coded-example-frames.xlsx"))
    >>> ax = toolkit.plot_precision(toolkit.estimate_precision(coded, coder="coder_1", by="frame"))
    """
    needed = ["precision", "ci_low", "ci_high", "units"]
    absent = [c for c in needed if c not in table.columns]
    if absent:
        raise ValueError(
            f"the table lacks {', '.join(absent)}; pass the output of toolkit.estimate_precision"
        )
    group = table.columns[0] if table.columns[0] not in needed else None
    labels = table[group].astype(str).tolist() if group else ["all units"] * len(table)
    k = len(table)
    ax = new_axes(ax, (7.0, 0.35 * max(k, 1) + 1.3))
    y = np.arange(k)
    low = table["ci_low"].to_numpy(dtype=float)
    high = table["ci_high"].to_numpy(dtype=float)
    ax.hlines(y, low, high, color="#4c72b0", linewidth=2, zorder=2)
    ax.scatter(table["precision"].to_numpy(dtype=float), y, color="#1f3b70", s=28, zorder=3)
    ax.set_yticks(y)
    ax.set_yticklabels(
        [
            literal(f"{shorten(n, LABEL_WIDTH)} (n={u})")
            for n, u in zip(labels, table["units"], strict=True)
        ]
    )
    ax.set_ylim(k - 0.5, -0.5)
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("precision: share of coded units the toolkit got right")
    ax.set_title(
        "Precision with 95% Wilson intervals (a wide interval: few units coded)",
        loc="left",
        fontsize="medium",
    )
    return ax

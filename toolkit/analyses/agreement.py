"""How well coders agree: Krippendorff's alpha with a bootstrap interval.

Krippendorff's alpha (Krippendorff, *Content Analysis*, 2004; "Computing
Krippendorff's Alpha-Reliability", 2011) is the reliability coefficient content
analysis reports: it takes any number of coders, units that not every coder
coded, and nominal, ordinal, interval or ratio codes, and it is 1 for perfect
agreement and 0 for agreement at chance. The coefficient itself comes from the
``krippendorff`` package; this module arranges a coded table for it, adds a
percentile bootstrap interval over units and the percent agreement.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from .._util.tables import require_columns

__all__ = ["LEVELS", "agreement"]

Level = Literal["nominal", "ordinal", "interval", "ratio"]
LEVELS: tuple[str, ...] = ("nominal", "ordinal", "interval", "ratio")


def agreement(
    coded: pd.DataFrame,
    *,
    coders: Sequence[str],
    level: Level = "nominal",
    codes: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    n_boot: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Krippendorff's alpha, its bootstrap interval and percent agreement.

    Parameters
    ----------
    coded : DataFrame
        One row per unit and one column per coder (as
        :func:`toolkit.read_coding_sheet` returns); an empty cell is a unit
        that coder did not code.
    coders : list of str
        Two or more coder columns.
    level : {"nominal", "ordinal", "interval", "ratio"}
        The codes' level of measurement. Nominal codes may be any labels;
        ordinal ones are ranked in the order of ``codes`` (or as numbers);
        interval and ratio codes must be numbers.
    codes : list, optional
        Every possible code, in order (for ordinal codes). By default the codes
        of the coding sheet (``coded.attrs["coding"]["codes"]``) or those found.
    ignore : list of str
        Codes to treat as not coded, such as ``("unsure",)``.
    n_boot : int
        Bootstrap resamples of the units (0: no interval).
    seed : int
        Seed of the bootstrap.
    confidence : float
        Of the interval.

    Returns
    -------
    DataFrame
        One row per comparison: all the coders together (when more than two),
        then every pair. ``coders`` (names joined by ", "), ``n_coders``,
        ``units`` (coded by at least two of them, the units alpha can use),
        ``alpha``, ``ci_low``, ``ci_high`` (percentile bootstrap over units),
        ``percent_agreement`` (the share of pairs of codes on a unit that are the
        same) and ``level``.

    Raises
    ------
    ValueError
        For fewer than two coders, an unknown level, or codes that are not
        numbers at the interval or ratio level (the message names one).

    Examples
    --------
    Krippendorff's (2011) example: four observers, twelve units.

    >>> import numpy as np, pandas as pd
    >>> nan = np.nan
    >>> data = pd.DataFrame({
    ...     "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
    ...     "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
    ...     "C": [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
    ...     "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan]})
    >>> table = agreement(data, coders=["A", "B", "C", "D"], n_boot=0)
    >>> round(float(table.alpha.iat[0]), 3), int(table.units.iat[0])
    (0.743, 11)
    >>> round(float(agreement(data, coders=list("ABCD"), level="interval", n_boot=0).alpha.iat[0]), 3)
    0.849
    """
    import krippendorff

    names = _check(coded, coders, level, n_boot, confidence)
    values, domain = _numeric(coded, names, level, codes, ignore)
    comparisons: list[tuple[int, ...]] = []
    if len(names) > 2:
        comparisons.append(tuple(range(len(names))))
    comparisons += list(itertools.combinations(range(len(names)), 2))
    rng = np.random.default_rng(seed)
    rows = []
    for members in comparisons:
        counts = _value_counts(values[list(members)], domain)
        low, high = _bootstrap(krippendorff, counts, domain, level, n_boot, rng, confidence)
        rows.append(
            {
                "coders": ", ".join(names[i] for i in members),
                "n_coders": len(members),
                "units": len(counts),
                "alpha": _alpha(krippendorff, counts, domain, level),
                "ci_low": low,
                "ci_high": high,
                "percent_agreement": _percent(counts),
                "level": level,
            }
        )
    out = pd.DataFrame(rows)
    out.attrs["interval"] = (
        f"{confidence:.0%} percentile bootstrap over units ({n_boot} resamples, seed {seed})"
    )
    return out


def _check(
    coded: pd.DataFrame, coders: Sequence[str], level: str, n_boot: int, confidence: float
) -> list[str]:
    names = [coders] if isinstance(coders, str) else list(coders)
    if len(names) < 2 or len(set(names)) != len(names):
        raise ValueError(f"coders={names!r}: agreement needs two or more distinct coder columns")
    require_columns(coded, names, "the coded table")
    if level not in LEVELS:
        raise ValueError(f"level={level!r} is not one of {', '.join(LEVELS)}")
    if isinstance(n_boot, bool) or not isinstance(n_boot, int) or n_boot < 0:
        raise ValueError(f"n_boot={n_boot!r}: give a whole number of resamples, 0 or more")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence={confidence!r} must lie between 0 and 1, e.g. 0.95")
    return names


def _numeric(
    coded: pd.DataFrame,
    names: list[str],
    level: str,
    codes: Sequence[str] | None,
    ignore: Sequence[str],
) -> tuple[np.ndarray, np.ndarray]:
    """The codes as a coders x units float array (NaN: not coded) and the value
    domain in order."""
    skip = {str(i).strip().lower() for i in ignore}
    columns = []
    for name in names:
        cells = coded[name].astype(object).tolist()
        cells = [
            None
            if c is None
            or (not isinstance(c, str) and pd.isna(c))
            or (isinstance(c, str) and (not c.strip() or c.strip().lower() in skip))
            else c
            for c in cells
        ]
        columns.append(cells)
    if level in ("interval", "ratio") or (level == "ordinal" and codes is None):
        numbers = np.full((len(names), len(coded)), np.nan)
        for i, cells in enumerate(columns):
            for j, c in enumerate(cells):
                if c is None:
                    continue
                try:
                    numbers[i, j] = float(c)
                except (TypeError, ValueError):
                    hint = " (or give codes= in their order)" if level == "ordinal" else ""
                    raise ValueError(
                        f"at the {level} level codes must be numbers{hint}; {names[i]!r} has "
                        f"{c!r} in row {j + 1}"
                    ) from None
        found = np.unique(numbers[~np.isnan(numbers)])
        return numbers, found
    known = (
        list(codes) if codes is not None else list(coded.attrs.get("coding", {}).get("codes", []))
    )
    found = list(dict.fromkeys(str(c) for cells in columns for c in cells if c is not None))
    order = [str(c) for c in known if str(c).lower() not in skip]
    unknown = [c for c in found if c not in order]
    if codes is not None and unknown:
        raise ValueError(f"the codes {unknown!r} are not in codes={list(codes)!r}")
    order += sorted(unknown)
    rank = {c: float(i) for i, c in enumerate(order)}
    numbers = np.array(
        [[math.nan if c is None else rank[str(c)] for c in cells] for cells in columns]
    ).reshape(len(names), len(coded))
    return numbers, np.arange(len(order), dtype=float)


def _value_counts(data: np.ndarray, domain: np.ndarray) -> np.ndarray:
    """Units x values: how many coders gave each value to each unit, for the
    units coded at least twice (the only ones alpha can use)."""
    counts = (data.T[:, :, None] == domain[None, None, :]).sum(axis=1)
    return counts[counts.sum(axis=1) >= 2]


def _alpha(module, counts: np.ndarray, domain: np.ndarray, level: str) -> float:
    if len(counts) == 0 or (counts.sum(axis=0) > 0).sum() < 2:
        # one value throughout: no disagreement, but nothing to tell chance from
        return math.nan
    return float(module.alpha(value_counts=counts, value_domain=domain, level_of_measurement=level))


def _bootstrap(
    module,
    counts: np.ndarray,
    domain: np.ndarray,
    level: str,
    n_boot: int,
    rng: np.random.Generator,
    confidence: float,
) -> tuple[float, float]:
    units = len(counts)
    if n_boot == 0 or units < 2:
        return math.nan, math.nan
    draws = np.array(
        [
            _alpha(module, counts[rng.integers(0, units, units)], domain, level)
            for _ in range(n_boot)
        ]
    )
    draws = draws[~np.isnan(draws)]
    if len(draws) == 0:
        return math.nan, math.nan
    low, high = np.quantile(draws, [(1 - confidence) / 2, (1 + confidence) / 2])
    return float(low), float(high)


def _percent(counts: np.ndarray) -> float:
    """Pairwise percent agreement: over every pair of codes given to the same
    unit, the share that are equal."""
    coded = counts.sum(axis=1)
    pairs = int((coded * (coded - 1)).sum())
    return int((counts * (counts - 1)).sum()) / pairs if pairs else math.nan

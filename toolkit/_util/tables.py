"""Small helpers for building result tables quickly and with stable dtypes."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

DEFAULT_STR = pd.Series(["x"]).dtype  # "str" on pandas 3, object on pandas 2


def str_array(values: Sequence[str]):
    """A column of strings in pandas' default string dtype, built without a
    per-element Python loop (pyarrow copies the list in C)."""
    if isinstance(DEFAULT_STR, pd.StringDtype):
        return pd.array(pa.array(values, type=pa.large_string()), dtype=DEFAULT_STR)
    return np.asarray(values, dtype=object)


def require_columns(frame: pd.DataFrame, columns: list[str], what: str) -> None:
    """Raise a ValueError naming the columns of ``columns`` that ``frame`` lacks,
    and the columns it has.

    Examples
    --------
    >>> require_columns(pd.DataFrame({"a": [1]}), ["a"], "the table")
    """
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{what} lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
            f"it has: {', '.join(map(str, frame.columns))}"
        )

"""Small helpers for building result tables quickly and with stable dtypes."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

_DEFAULT_STR = pd.Series(["x"]).dtype  # "str" on pandas 3, object on pandas 2


def str_array(values: Sequence[str]):
    """A column of strings in pandas' default string dtype, built without a
    per-element Python loop (pyarrow copies the list in C)."""
    if isinstance(_DEFAULT_STR, pd.StringDtype):
        return pd.array(pa.array(values, type=pa.large_string()), dtype=_DEFAULT_STR)
    return np.asarray(values, dtype=object)

"""Checks of numeric options shared across the package."""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["MAX_WINDOW", "check_whole", "check_window"]

# Words of context on each side: a thousand words is more than a page of text
# either way (and ``within="sentence"`` covers any sentence); more would only
# make every hit carry megabytes of context.
MAX_WINDOW = 1000


def check_whole(
    name: str, value: Any, *, minimum: int, unit: str, maximum: int | None = None
) -> int:
    """``value`` as an int, or a ValueError naming the option and what it accepts.

    Examples
    --------
    >>> check_whole("min_count", 2, minimum=1, unit="occurrences")
    2
    """
    whole = not isinstance(value, bool) and isinstance(value, int | np.integer)
    if not whole or value < minimum or (maximum is not None and value > maximum):
        accepted = f"{minimum} or more" if maximum is None else f"from {minimum} to {maximum:,}"
        raise ValueError(f"{name}={value!r}: it must be a whole number of {unit}, {accepted}")
    return int(value)


def check_window(window: Any) -> int:
    """A context window in words: a whole number from 1 to :data:`MAX_WINDOW`.

    Examples
    --------
    >>> check_window(10**20)
    Traceback (most recent call last):
    ...
    ValueError: window=100000000000000000000: it must be a whole number of words, from 1 to 1,000
    """
    return check_whole("window", window, minimum=1, unit="words", maximum=MAX_WINDOW)

"""Progress bars on long work: shown only when there are many items."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["PROGRESS_MIN_ITEMS", "progress"]

PROGRESS_MIN_ITEMS = 200


def progress(items: list, desc: str, enabled: bool, *, unit: str = "doc") -> Iterable:
    """``items``, wrapped in a tqdm progress bar when ``enabled`` and there are at
    least :data:`PROGRESS_MIN_ITEMS` of them.

    Examples
    --------
    >>> list(progress([1, 2], "reading", True))
    [1, 2]
    """
    if not enabled or len(items) < PROGRESS_MIN_ITEMS:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit=unit, leave=False)

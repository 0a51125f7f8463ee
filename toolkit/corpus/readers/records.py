"""What every reader returns, and the repair of strings that cannot be stored.

A reader reads one file (or one table) and returns :data:`Read`: the documents
it found, as records (dicts with ``doc_id``, ``raw`` and any metadata), and the
report rows about them (what was skipped, decoded, repaired, and why). A failure
in one line, row or file becomes a report row, never an exception that loses the
rest; a new format is one more such function.
"""

from __future__ import annotations

from typing import Any

from ...text.characters import replace_lone_surrogates
from ..corpus import report_row

__all__ = ["Read", "repair_record", "repair_strings"]

Read = tuple[list[dict[str, Any]], list[dict[str, Any]]]
"""(documents as records, report rows)."""


def repair_strings(value: Any) -> tuple[Any, int]:
    """``value`` with lone surrogates replaced by U+FFFD in every string it holds
    (inside lists and dicts too), and how many were replaced.

    Examples
    --------
    >>> repair_strings({"text": "bad \\ud83d", "tags": ["ok", "\\udcff"]})
    ({'text': 'bad \\ufffd', 'tags': ['ok', '\\ufffd']}, 2)
    """
    if isinstance(value, str):
        return replace_lone_surrogates(value)
    if isinstance(value, list | tuple):
        pairs = [repair_strings(v) for v in value]
        return type(value)(v for v, _ in pairs), sum(n for _, n in pairs)
    if isinstance(value, dict):
        items = [(repair_strings(k), repair_strings(v)) for k, v in value.items()]
        return {k: v for (k, _), (v, _) in items}, sum(a + b for (_, a), (_, b) in items)
    return value, 0


def repair_record(
    record: dict[str, Any], *, path: Any, doc_id: Any, where: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A record with its lone surrogates repaired, and a report row when there
    were any (``where`` locates it: ``"line 2"``, ``"row 5"``)."""
    fixed, n = repair_strings(record)
    if not n:
        return record, []
    reason = (
        f"{where}: {n} lone surrogate(s) (half of a character, e.g. a JSON escape "
        "\\ud83d without its pair) replaced by U+FFFD"
    )
    return fixed, [report_row(path, doc_id, "repaired", reason, "")]

"""The packaged abbreviation lists that words and sentences are split by."""

from __future__ import annotations

from functools import lru_cache

from .._util.resources import resource_yaml

__all__ = ["abbreviations"]


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, frozenset[str]]:
    """The packaged abbreviation lists (``resources/abbreviations.yaml``).

    Returns
    -------
    dict
        Group name (``titles``, ``months``, ``before_numbers``, ``other``,
        ``sentence_starters``) to a frozenset of words, without final periods.

    Examples
    --------
    >>> "Gen" in abbreviations()["titles"]
    True
    """
    data = resource_yaml("abbreviations.yaml")
    for group, words in data.items():
        odd = [w for w in words if not isinstance(w, str)]
        if odd:
            raise ValueError(
                f"abbreviations.yaml, group {group!r}: {odd} are not words; quote entries "
                'that YAML reads as booleans or numbers, e.g. "No", "On"'
            )
    return {group: frozenset(words) for group, words in data.items()}

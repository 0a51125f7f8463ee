"""The one reader of the files packaged in ``toolkit/resources/``.

Every word list, rule table and lexicon the toolkit ships is a YAML or text file
there, read through these functions (and nowhere else), so that a researcher who
wants to see or change what the toolkit knows finds it in one folder.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

__all__ = ["read_resource", "resource", "resource_yaml", "word_list"]


def resource(name: str) -> Traversable:
    """The packaged file or folder ``toolkit/resources/<name>`` (``/`` separates folders).

    Examples
    --------
    >>> resource("lexicons").is_dir()
    True
    """
    node = resources.files("toolkit.resources")
    for part in name.split("/"):
        node = node.joinpath(part)
    return node


def read_resource(name: str) -> str:
    """The text of a packaged file (UTF-8).

    Examples
    --------
    >>> read_resource("stopwords_en.txt").startswith("#")
    True
    """
    return resource(name).read_text("utf-8")


def resource_yaml(name: str) -> Any:
    """A packaged YAML file, parsed (``yaml.safe_load``).

    Examples
    --------
    >>> sorted(resource_yaml("abbreviations.yaml"))[:2]
    ['attribution_verbs', 'before_numbers']
    """
    return yaml.safe_load(read_resource(name))


def word_list(name: str) -> list[str]:
    """The words of a packaged text file: one per line, ``#`` starts a comment,
    blank lines are skipped; order kept.

    Examples
    --------
    >>> "the" in word_list("stopwords_en.txt")
    True
    """
    words = []
    for line in read_resource(name).splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words

"""Reading a YAML file node by node, so that every error names its line.

The toolkit's YAML files (lexicons, quotation rules and the closed word classes
they are written in) are validated the same way: :func:`parse_yaml` gives the
root node of the text, and a :class:`NodeReader` walks it section by section,
raising an error that starts with the file and line of the offending entry
(``my-quotes.yaml, line 12: ...``). The checks of one file's schema are written
as calls of the reader's methods; the reader knows nothing of any schema.
"""

from __future__ import annotations

import difflib
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

__all__ = ["NodeReader", "parse_yaml"]

_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"


def parse_yaml(text: str, where: str, error: type[ValueError] = ValueError) -> yaml.Node | None:
    """The root node of YAML ``text`` (None for an empty file).

    Raises ``error`` naming ``where`` and, for a syntax error, the line and
    column PyYAML stopped at.

    Examples
    --------
    >>> parse_yaml("a: [1, 2]", "x.yaml").value[0][0].value
    'a'
    >>> parse_yaml("a: [1, 2", "x.yaml")
    Traceback (most recent call last):
    ...
    ValueError: x.yaml, line 1, column 9: invalid YAML: expected ',' or ']', but got '<stream end>'
    """
    loader = yaml.SafeLoader(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        raise error(f"{where}{line}: invalid YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise error(f"{where}: invalid YAML: {exc}") from exc
    finally:
        loader.dispose()


class NodeReader:
    """Walks the nodes of one YAML document; every error names ``where`` and the
    line of the node at fault (unless ``lines`` is false: a document built from a
    dict has no lines).

    Examples
    --------
    >>> reader = NodeReader("x.yaml")
    >>> root = parse_yaml("words: [a, b]\\nnumber: 3\\n", "x.yaml")
    >>> [name for name, _, _ in reader.mapping(root, "the file")]
    ['words', 'number']
    >>> reader.value(reader.section(root, "words", "the file"))
    ['a', 'b']
    >>> reader.section(root, "names", "the file")
    Traceback (most recent call last):
    ...
    ValueError: x.yaml, line 1: the file lacks the section 'names'
    """

    def __init__(self, where: str, *, lines: bool = True, error: type[ValueError] = ValueError):
        self.where = where
        self.lines = lines
        self.error = error

    def fail(self, node: yaml.Node | None, message: str) -> ValueError:
        """The error to raise for ``node``: ``where, line N: message``."""
        if self.lines and node is not None:
            return self.error(f"{self.where}, line {node.start_mark.line + 1}: {message}")
        return self.error(f"{self.where}: {message}")

    def line(self, node: yaml.Node) -> int:
        """The line of ``node`` in the file (1 for the first; 0 without lines)."""
        return node.start_mark.line + 1 if self.lines else 0

    def mapping(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
        """The ``(name, key node, value node)`` entries of a mapping, in file order;
        names must be plain, non-empty and not repeated."""
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping of 'key: value' lines")
        seen: dict[str, int] = {}
        out = []
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise self.fail(key, f"the keys of {what} must be plain names")
            name = key.value.strip()
            if not name:
                raise self.fail(key, f"an empty name in {what}")
            if name in seen:
                raise self.fail(
                    key, f"{name!r} appears twice in {what} (first at line {seen[name]})"
                )
            seen[name] = self.line(key)
            out.append((name, key, value))
        return out

    def section(self, node: yaml.Node, name: str, what: str) -> yaml.Node:
        """The value of the entry ``name`` of a mapping, which must have it."""
        for key, _, value in self.mapping(node, what):
            if key == name:
                return value
        raise self.fail(node, f"{what} lacks the section {name!r}")

    def items(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        """The item nodes of a list (an empty value is an empty list)."""
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        if self.is_null(node):
            return []
        raise self.fail(node, f"{what} must be a list, e.g. [a, b, c]")

    def text(self, node: yaml.Node, what: str, *, allow_null: bool = False) -> str | None:
        """The text of a single value (None for an empty one when ``allow_null``)."""
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, f"{what} must be a single value, not a list or mapping")
        if self.is_null(node):
            if allow_null:
                return None
            raise self.fail(node, f"{what} is empty")
        return node.value

    def flag(self, node: yaml.Node, what: str) -> bool:
        """A true or false value."""
        if not (isinstance(node, yaml.ScalarNode) and node.tag == _BOOL):
            raise self.fail(
                node, f"{what} must be true or false, not {getattr(node, 'value', '')!r}"
            )
        return node.value.lower() in ("true", "yes", "on", "y")

    def unknown(self, key_node: yaml.Node, key: str, allowed: tuple[str, ...], what: str):
        """The error for a key ``what`` does not take, with the closest allowed one."""
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return self.fail(
            key_node, f"unknown key {key!r} in {what}{hint} Allowed: {', '.join(allowed)}"
        )

    @staticmethod
    def is_null(node: yaml.Node) -> bool:
        """Whether ``node`` is an empty value (nothing, ``~`` or ``null``)."""
        return (
            isinstance(node, yaml.ScalarNode)
            and node.tag == _NULL
            and node.value in ("", "~", "null", "Null")
        )

    @staticmethod
    def value(node: yaml.Node) -> Any:
        """The Python value of a node, as ``yaml.safe_load`` reads it."""
        return SafeConstructor().construct_document(node)

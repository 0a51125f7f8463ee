"""The YAML node reader lexicons and quotation rules share: errors name the line."""

from __future__ import annotations

import pytest

from toolkit._util.yaml_nodes import NodeReader, parse_yaml

TEXT = """\
# a comment
words: [alpha, beta]
flags:
  on_time: true
  late: maybe
nested:
  - [1, 2]
words: [gamma]
"""


def test_syntax_errors_name_line_and_column():
    with pytest.raises(ValueError, match=r"^x\.yaml, line 2, column 4: invalid YAML: mapping"):
        parse_yaml("a: 1\n  b: 2\n", "x.yaml")


def test_an_empty_text_has_no_root():
    assert parse_yaml("", "x.yaml") is None
    assert parse_yaml("# only a comment\n", "x.yaml") is None


def test_errors_name_the_line_of_the_node_at_fault():
    reader = NodeReader("x.yaml")
    root = parse_yaml(TEXT, "x.yaml")
    with pytest.raises(ValueError, match=r"^x\.yaml, line 8: 'words' appears twice in the file"):
        reader.mapping(root, "the file")
    first, *_ = root.value
    assert reader.line(first[0]) == 2
    assert reader.value(first[1]) == ["alpha", "beta"]
    flags = root.value[1][1]
    (_, _, on_time), (_, late_key, late) = reader.mapping(flags, "flags")
    assert reader.flag(on_time, "on_time") is True
    with pytest.raises(ValueError, match=r"^x\.yaml, line 5: late must be true or false"):
        reader.flag(late, "late")
    with pytest.raises(ValueError, match=r"^x\.yaml, line 5: unknown key 'late' in flags; did"):
        raise reader.unknown(late_key, "late", ("later", "early"), "flags")
    nested = root.value[2][1]
    with pytest.raises(ValueError, match=r"^x\.yaml, line 7: a name must be a single value"):
        reader.text(reader.items(nested, "nested")[0], "a name")


def test_a_missing_section_and_a_reader_without_lines():
    root = parse_yaml("a: 1\n", "x.yaml")
    with pytest.raises(ValueError, match=r"^x\.yaml, line 1: the file lacks the section 'b'"):
        NodeReader("x.yaml").section(root, "b", "the file")
    with pytest.raises(KeyError, match="the dict: the file lacks"):
        NodeReader("the dict", lines=False, error=KeyError).section(root, "b", "the file")

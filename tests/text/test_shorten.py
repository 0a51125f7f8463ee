"""Shortening for display: at a word boundary, never past the width."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.text.shorten import ELLIPSIS, shorten


@pytest.mark.parametrize(
    ("text", "width", "keep", "expected"),
    [
        ("the headquarters of the police", 20, "start", "the headquarters of…"),
        ("the headquarters of the police", 20, "end", "…of the police"),
        ("attacked the police headquarters", 22, "end", "…police headquarters"),
        ("short", 10, "start", "short"),
        ("two\nlines\tand  spaces", 40, "start", "two lines and spaces"),
        ("wh-2021-08-20-remarks-by-president", 20, "start", "wh-2021-08-20-…"),
        ("wh-2021-08-20-remarks-by-president", 20, "end", "…-by-president"),
        ("Afghanistan", 6, "start", "Afgha…"),
        ("Afghanistan", 1, "start", ELLIPSIS),
    ],
)
def test_cuts_between_words(text, width, keep, expected):
    assert shorten(text, width, keep=keep) == expected


def test_bad_options():
    with pytest.raises(ValueError, match="width=0"):
        shorten("x", 0)
    with pytest.raises(ValueError, match="keep='middle'"):
        shorten("x", 3, keep="middle")


_TEXT = st.text(alphabet=st.sampled_from("abc -_\n"), max_size=60)
_JOINERS = "-_/.:"


@given(_TEXT, st.integers(min_value=2, max_value=40))
def test_never_wider_and_cut_at_a_boundary_when_there_is_one(text, width):
    folded = shorten(text, 10_000)  # white space folded, nothing cut
    head = shorten(text, width, keep="start")
    tail = shorten(text, width, keep="end")
    assert len(head) <= width and len(tail) <= width
    if len(folded) <= width:
        assert head == tail == folded
        return
    kept = head.removesuffix(ELLIPSIS)
    assert head.endswith(ELLIPSIS) and folded.startswith(kept)
    boundary = folded[len(kept)] == " " or kept.endswith(tuple(_JOINERS))
    no_boundary = " " not in folded[1:width] and not any(
        j in folded[1 : width - 1] for j in _JOINERS
    )
    assert boundary or no_boundary
    kept = tail.removeprefix(ELLIPSIS)
    assert tail.startswith(ELLIPSIS) and folded.endswith(kept)
    cut = len(folded) - len(kept)
    boundary = folded[cut - 1] == " " or kept.startswith(tuple(_JOINERS))
    no_boundary = " " not in folded[-width:-1] and not any(
        j in folded[-width + 1 :] for j in _JOINERS
    )
    assert boundary or no_boundary

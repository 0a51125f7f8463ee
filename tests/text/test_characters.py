"""Characters inside words and the form tokens are matched in (UAX #29, NFC)."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.text.characters import WORD_EXTEND, match_form, replace_lone_surrogates
from toolkit.text.words import tokenize_text

_EXTEND = re.compile(f"[{WORD_EXTEND}]")


def words(text: str) -> list[str]:
    s, e = tokenize_text(text)
    return [text[a:b] for a, b in zip(s, e, strict=True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mu\u0308ller said", ["Mu\u0308ller", "said"]),  # combining diaeresis
        ("cafe\u0301 open", ["cafe\u0301", "open"]),  # NFD é
        ("हिन्दी भाषा", ["हिन्दी", "भाषा"]),  # vowel signs and a virama
        ("Tali\u00adban fighters", ["Tali\u00adban", "fighters"]),  # soft hyphen
        ("Tali\u200dban", ["Tali\u200dban"]),  # zero-width joiner
        ("Tali\u200cban", ["Tali\u200cban"]),  # zero-width non-joiner
        ("Tali\u2060ban", ["Tali\u2060ban"]),  # word joiner
        ("Tali\u200bban", ["Tali", "ban"]),  # a zero-width space is a word boundary
        ("Qala-e-Nau\u0301", ["Qala-e-Nau\u0301"]),
        ("family 👨\u200d👩\u200d👧 here", ["family", "👨\u200d👩\u200d👧", "here"]),
        ("thumbs 👍🏽!", ["thumbs", "👍🏽", "!"]),  # skin tone modifier
    ],
)
def test_marks_and_joiners_stay_inside_words(text, expected):
    assert words(text) == expected


def test_word_extend_is_marks_and_format_characters():
    for ch in "\u0308\u0301\u093f\u094d\u00ad\u200c\u200d\u2060\ufeff":
        assert _EXTEND.fullmatch(ch), f"U+{ord(ch):04X}"
    for ch in "a \u200b-.\u0600":
        assert not _EXTEND.fullmatch(ch), f"U+{ord(ch):04X}"


def test_match_form():
    assert match_form("Mu\u0308ller") == "M\u00fcller"
    assert match_form("Tali\u00adban") == match_form("Tali\u200dban") == "Taliban"
    assert match_form("plain ascii") == "plain ascii"
    assert match_form("\u200fKabul\u200e") == "Kabul"  # direction marks


def test_lone_surrogates_are_replaced_one_for_one():
    assert replace_lone_surrogates("bad \ud83d here") == ("bad \ufffd here", 1)
    assert replace_lone_surrogates("\udcff\udcfe") == ("\ufffd\ufffd", 2)
    assert replace_lone_surrogates("no problem") == ("no problem", 0)


marked_text = st.text(
    alphabet=st.sampled_from(
        list("ab Xé.,'-\n\u0301\u0308\u093f\u0939\u094d\u00ad\u200b\u200c\u200d\u2060👍🏽")
    ),
    max_size=120,
)


@settings(max_examples=300, deadline=None)
@given(marked_text)
def test_no_token_starts_on_a_mark_that_follows_a_character(text):
    s, e = tokenize_text(text)
    assert all(text[a:b] for a, b in zip(s, e, strict=True))
    assert (s[1:] >= e[:-1]).all()
    for a in s.tolist():
        if a and _EXTEND.match(text[a]):
            assert text[a - 1].isspace() or text[a - 1] == "\u200b", (text, a)
    covered = {i for a, b in zip(s, e, strict=True) for i in range(a, b)}
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace() and ch != "\u200b")


@settings(max_examples=200, deadline=None)
@given(marked_text)
def test_match_form_is_nfc_without_format_characters(text):
    form = match_form(text)
    assert unicodedata.is_normalized("NFC", form)
    assert not any(unicodedata.category(ch) == "Cf" and ch != "\u200b" for ch in form)
    assert match_form(form) == form

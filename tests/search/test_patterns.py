"""The matching contract's bounds: globs in linear time, regexes under a timeout,
and the match form (NFC, soft hyphens and zero-width characters ignored)."""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.search import patterns
from toolkit.search.patterns import compile_pattern, glob_regex

from ..conftest import run_guarded

# ------------------------------------------------------------------- globs


def glob_matches(glob: str, word: str) -> bool:
    """Reference glob matcher by dynamic programming (``*`` any run, ``?`` one)."""

    @cache
    def match(i: int, j: int) -> bool:
        if i == len(glob):
            return j == len(word)
        if glob[i] == "*":
            return match(i + 1, j) or (j < len(word) and match(i, j + 1))
        return j < len(word) and glob[i] in ("?", word[j]) and match(i + 1, j + 1)

    return match(0, 0)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="ab*?", min_size=1, max_size=8),
    st.text(alphabet="abc", max_size=12),
)
def test_glob_regex_matches_exactly_what_the_glob_means(glob, word):
    assert bool(re.fullmatch(glob_regex(glob), word)) == glob_matches(glob, word)


def test_glob_with_many_stars_returns_at_once():
    # 70 s and more before: every placement of eight stars in a 60-letter token
    result = run_guarded(
        "import toolkit\n"
        "c = toolkit.load_corpus(['a' * 60 + ' withdrawal', 'aXa ' + 'a' * 59 + 'X'])\n"
        "print(len(toolkit.kwic(c, '*a*a*a*a*a*a*a*a*X')),"
        " len(toolkit.kwic(c, '*a*a*a*a*a*a*a*a*X', case_sensitive=True)))\n",
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "1"]  # the 59 a's and an X; "axa" is too short


# ----------------------------------------------------------------- regexes


def test_catastrophic_regex_stops_with_a_message_naming_it(monkeypatch):
    monkeypatch.setattr(patterns, "REGEX_TIMEOUT", 0.05)
    corpus = toolkit.load_corpus(["a" * 40 + " withdrawal"])
    with pytest.raises(ValueError, match=r"'\(a\|a\)\+b' took more than .*match='glob'"):
        toolkit.kwic(corpus, "(a|a)+b", match="regex")
    assert len(toolkit.kwic(corpus, "a+b?", match="regex")) == 1  # a linear one runs


def test_regex_from_the_issue_does_not_hang():
    result = run_guarded(
        "import toolkit\n"
        "c = toolkit.load_corpus(['a' * 60 + ' withdrawal'])\n"
        "for p in ['(a+)+$', '(a|a)+b', '(a|aa)+$']:\n"
        "    try:\n"
        "        print(len(toolkit.kwic(c, p, match='regex')))\n"
        "    except ValueError as e:\n"
        "        print('ValueError', str(e)[:40])\n",
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "1"  # (a+)+$ matches the 60 a's whole
    assert lines[1].startswith("ValueError the regular expression '(a|a)+b'")


@pytest.mark.parametrize("pattern", ["x{99999999999}", "(", "a{2,1}"])
def test_invalid_regexes_are_value_errors(pattern):
    with pytest.raises(ValueError, match="not a valid regular expression"):
        compile_pattern(pattern, match="regex")


@pytest.mark.parametrize("window", [10**20, 1001, 2**63])
def test_huge_windows_are_value_errors(window):
    with pytest.raises(ValueError, match=r"window=\d+: .*from 1 to 1,000"):
        toolkit.kwic(["Troops withdrew."], "withdrew", window=window)
    with pytest.raises(ValueError, match=r"window=\d+"):
        toolkit.collocates(["Troops withdrew."], "withdrew", window=window)


def test_huge_rule_windows_in_a_lexicon_are_value_errors():
    rule = {"pattern": "team", "window": str(10**20)}
    lexicon = {"frames": {"defeat": {"cues": [{"pattern": "defeat*", "exclude": [rule]}]}}}
    with pytest.raises(ValueError, match=r"window of a rule .* from 0 .* to 1,000"):
        toolkit.load_lexicon(lexicon, kind="frames")


# --------------------------------------------------------------- match form

TEXTS = [
    "The cafe\u0301 near the Tali\u00adban office; Tali\u200dban fighters.",
    "Herr Mu\u0308ller spoke Hindi: हिन्दी भाषा.",
]


@pytest.fixture(scope="module")
def marked():
    return toolkit.load_corpus(TEXTS)


@pytest.mark.parametrize(
    ("pattern", "match", "case", "found"),
    [
        ("café", "glob", False, ["cafe\u0301"]),
        ("café", "fixed", True, ["cafe\u0301"]),
        ("caf?", "glob", True, ["cafe\u0301"]),
        ("caf.", "regex", False, ["cafe\u0301"]),
        ("Taliban", "glob", False, ["Tali\u00adban", "Tali\u200dban"]),
        ("Taliban", "fixed", True, ["Tali\u00adban", "Tali\u200dban"]),
        ("tali*", "glob", False, ["Tali\u00adban", "Tali\u200dban"]),
        ("Tali\u00adban", "glob", False, ["Tali\u00adban", "Tali\u200dban"]),
        ("müller", "glob", False, ["Mu\u0308ller"]),
        ("müller", "glob", True, []),
        ("Mu\u0308ller", "glob", True, ["Mu\u0308ller"]),
        ("हिन्दी", "glob", False, ["हिन्दी"]),
        ("हिन्दी भाषा", "glob", False, ["हिन्दी भाषा"]),
    ],
)
def test_matching_compares_the_match_form(marked, pattern, match, case, found):
    hits = toolkit.kwic(marked, pattern, match=match, case_sensitive=case)
    assert hits.keyword.tolist() == found
    docs = dict(zip(marked.docs.doc_id, marked.docs.text, strict=True))
    for r in hits.itertuples():  # the offsets slice the exact original characters
        assert docs[r.doc_id][r.start : r.end] == r.keyword


def test_counts_and_lower_column_use_the_match_form(marked):
    toks = toolkit.tokenize(marked)
    assert (toks.lower == "taliban").sum() == 2
    assert toks.loc[toks.token == "Mu\u0308ller", "lower"].tolist() == ["m\u00fcller"]
    assert toolkit.count_actors(marked).set_index("actor").loc["Taliban", "mentions"] == 2

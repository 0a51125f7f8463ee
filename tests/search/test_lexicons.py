"""Lexicons: loading, validation with file and line, and longest-match resolution."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.corpus.index import corpus_index
from toolkit.search.lexicons import (
    ACTOR_TYPES,
    LexiconError,
    list_lexicons,
    load_lexicon,
    match_lexicon,
)
from toolkit.search.patterns import find_spans


def _write(tmp_path, text: str, name: str = "lex.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# ------------------------------------------------------------- packaged ones


def test_packaged_lexicons_load_and_are_consistent():
    table = list_lexicons()
    assert set(table["name"]) == {"afghanistan-2021-actors", "afghanistan-2021-frames"}
    actors = load_lexicon("afghanistan-2021-actors")
    assert actors.kind == "actors" and actors.label == "actor"
    assert set(actors.entries["type"]) <= set(ACTOR_TYPES)
    names = set(actors.names)
    # the list of who must be there
    for who in [
        "Taliban",
        "Zabihullah Mujahid",
        "Afghan government",
        "Afghan security forces",
        "Afghan National Army",
        "Afghan National Police",
        "Afghan special forces",
        "National Directorate of Security",
        "United States",
        "US government",
        "Pentagon",
        "US military",
        "Joe Biden",
        "Donald Trump",
        "NATO",
        "Iran",
        "Pakistan",
        "Qatar",
        "Russia",
        "China",
        "United Nations",
        "civilians",
        "Mohammad Javad Zarif",
        "Husamuddin Shams",
    ]:
        assert who in names, who
    parents = actors.entries.dropna(subset=["parent"])
    assert set(parents["parent"]) <= names
    assert actors.roots["Zabihullah Mujahid"] == "Taliban"
    assert actors.roots["Bismillah Mohammadi"] == "Afghan government"
    assert actors.roots["Pentagon"] == "United States"
    assert actors.roots["Taliban"] == "Taliban"
    # generic role words are actors of their own, marked, never merged
    generic = set(actors.entries.loc[actors.entries["generic"], "actor"])
    assert {"insurgents", "militants", "fighters", "the enemy", "troops"} <= generic
    assert actors.entries.loc[actors.entries["generic"], "parent"].isna().all()

    frames = load_lexicon("afghanistan-2021-frames")
    assert frames.kind == "frames" and frames.label == "frame"
    assert {
        "withdrawal",
        "defeat",
        "victory/advance",
        "chaos/panic",
        "negotiation/peace talks",
        "security threat",
    } <= set(frames.names)
    cues = set(frames.patterns.loc[frames.patterns["frame"] == "withdrawal", "pattern"])
    assert {"withdraw*", "pull* out", "pullout", "exit", "departure", "drawdown"} <= cues
    cues = set(frames.patterns.loc[frames.patterns["frame"] == "defeat", "pattern"])
    assert {"defeat*", "humiliat*", "collapse*", "surrender*", "debacle"} <= cues


def test_unknown_name_lists_the_available_lexicons():
    with pytest.raises(LookupError) as err:
        load_lexicon("afghanistan")
    message = str(err.value)
    assert "afghanistan-2021-actors" in message and "afghanistan-2021-frames" in message
    with pytest.raises(LookupError, match="Did you mean 'afghanistan-2021-actors'"):
        load_lexicon("afghanistan-2021-actor")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"no_such\.yaml"):
        load_lexicon(tmp_path / "no_such.yaml")
    with pytest.raises(FileNotFoundError, match="folder"):
        load_lexicon(str(tmp_path) + "/")
    with pytest.raises(TypeError, match="not int"):
        load_lexicon(3)


# ------------------------------------------------------------- errors with lines


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    path = _write(
        tmp_path,
        """
        actors:
          Taliban:
            type: group
            aliases: [Taliban, "Islamic Emirate]
          Iran:
            type: country
            aliases: [Iran]
        """,
    )
    with pytest.raises(LexiconError) as err:
        load_lexicon(path)
    message = str(err.value)
    assert message.startswith(str(path) + ", line ")
    # the unclosed quotation runs on; PyYAML notices at the end of the file
    line = int(message.split("line ")[1].split(",")[0])
    assert 4 <= line <= 8
    assert "invalid YAML" in message
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        (  # a misspelt type, reported on the type's own line
            """
            actors:
              Taliban:
                type: group
                aliases: [Taliban]
              Iran:
                type: contry
                aliases: [Iran]
            """,
            6,
            "type 'contry' is not one of person, group, government, military, country, "
            "organisation, media; did you mean 'country'?",
        ),
        (
            """
            actors:
              Taliban:
                type: group
                alias: [Taliban]
            """,
            4,
            "unknown key 'alias' in actor 'Taliban'; did you mean 'aliases'?",
        ),
        (
            """
            actors:
              Taliban:
                type: group
            """,
            2,
            "actor 'Taliban' has no 'aliases:'",
        ),
        (
            """
            actors:
              Zabihullah Mujahid:
                type: person
                parent: Talibam
                aliases: [Mujahid]
              Taliban:
                type: group
                aliases: [Taliban]
            """,
            4,
            "the parent of actor 'Zabihullah Mujahid' is 'Talibam', which is not an actor of "
            "this lexicon; did you mean 'Taliban'?",
        ),
        (
            """
            actors:
              A:
                type: group
                parent: B
                aliases: [a]
              B:
                type: group
                parent: A
                aliases: [b]
            """,
            4,
            "parent links form a loop: A -> B -> A",
        ),
        (
            """
            actors:
              Taliban:
                type: group
                aliases: [Taliban, security forces]
              security forces:
                type: military
                generic: true
                aliases:
                  - Security Forces
            """,
            9,
            "the pattern 'Security Forces' is listed for both 'Taliban' (line 4) and "
            "'security forces'",
        ),
        (
            """
            frames:
              withdrawal:
                cues:
                  - withdraw*
                  - {pattern: "withdr(aw", match: regex}
            """,
            5,
            "frame 'withdrawal': the pattern 'withdr(aw' is not a valid regular expression",
        ),
        (
            """
            frames:
              withdrawal:
                cues:
                  - {pattern: exit, case_sensitive: maybe}
            """,
            4,
            "case_sensitive must be true or false, not 'maybe'",
        ),
        (
            """
            frames:
              withdrawal:
                cues: [exit]
              withdrawal:
                cues: [pullout]
            """,
            4,
            "'withdrawal' appears twice in 'frames' (first at line 2)",
        ),
        (
            """
            name: both
            actors:
              Taliban: {type: group, aliases: [Taliban]}
            frames:
              exit: {cues: [exit]}
            """,
            1,
            "exactly one of 'actors:'",
        ),
        (
            """
            frames:
              exit:
                cues: [exit, "*"]
            """,
            3,
            "would match every token",
        ),
    ],
)
def test_schema_errors_name_the_line(tmp_path, body, line, fragment):
    path = _write(tmp_path, body)
    with pytest.raises(LexiconError) as err:
        load_lexicon(path)
    message = str(err.value)
    assert message.startswith(f"{path}, line {line}: "), message
    assert fragment in message


def test_a_valid_file_round_trips(tmp_path):
    path = _write(
        tmp_path,
        """
        # a comment
        name: mine
        description: Test actors.
        actors:
          Taliban:
            type: group
            code: TAL
            aliases: [Taliban, "Taliban fighters"]
          Zabihullah Mujahid:
            type: person
            parent: Taliban
            aliases:
              - Zabihullah Mujahid
              - {pattern: Mujahid, case_sensitive: true}
              - {pattern: "Zabi(h)?ullah", match: regex}
          "no":
            type: country
            aliases: ["no", yes]
        """,
    )
    lex = load_lexicon(path)
    assert lex.name == "mine" and lex.description == "Test actors." and lex.source == str(path)
    assert lex.names == ["Taliban", "Zabihullah Mujahid", "no"]
    assert lex.entries["line"].tolist() == [5, 9, 16]
    p = lex.patterns
    assert p["pattern"].tolist() == [
        "Taliban",
        "Taliban fighters",
        "Zabihullah Mujahid",
        "Mujahid",
        "Zabi(h)?ullah",
        "no",
        "yes",  # YAML would read yes as true: patterns are taken as written
    ]
    assert p["case_sensitive"].tolist() == [False, False, False, True, False, False, False]
    assert p["match"].tolist() == ["glob"] * 4 + ["regex"] + ["glob"] * 2
    assert p["line"].tolist() == [8, 8, 13, 14, 15, 18, 18]
    assert lex.entries.set_index("actor").loc["Taliban", "code"] == "TAL"
    assert repr(lex) == "<Lexicon 'mine': 3 actors, 7 patterns>"


def test_dict_lexicon_keeps_order_and_validates():
    lex = load_lexicon(
        {"frames": {"b": {"cues": ["withdraw*"]}, "a": {"cues": ["withdrawal", "exit"]}}}
    )
    assert lex.names == ["b", "a"]
    with pytest.raises(LexiconError, match="type 'army' is not one of"):
        load_lexicon({"actors": {"x": {"type": "army", "aliases": ["x"]}}})
    assert load_lexicon(lex) is lex


def test_the_wrong_kind_is_reported(sample_corpus):
    with pytest.raises(ValueError, match="is an actor lexicon; this needs a frame lexicon"):
        toolkit.find_frames(sample_corpus, "afghanistan-2021-actors", quotes=_no_quotes())
    with pytest.raises(ValueError, match="is a frame lexicon; this needs an actor lexicon"):
        toolkit.find_actors(sample_corpus, "afghanistan-2021-frames", quotes=_no_quotes())


def _no_quotes():
    import pandas as pd

    return pd.DataFrame({"doc_id": [], "start": [], "end": [], "kind": [], "speaker": []})


# ---------------------------------------------------------------- matching


def _entries(lex, corpus):
    m = match_lexicon(corpus, lex)
    idx = corpus_index(corpus)
    text = idx.texts[0]
    spans = [
        text[idx.start[f] : idx.end[e - 1]]
        for f, e in zip(m["first"].tolist(), m["end"].tolist(), strict=True)
    ]
    return list(zip(spans, lex.patterns[lex.label].to_numpy()[m["pattern_no"]], strict=True))


def test_longest_match_wins_and_a_mention_counts_once():
    lex = load_lexicon(
        {
            "actors": {
                "security forces": {"type": "military", "aliases": ["security forces"]},
                "Afghan security forces": {
                    "type": "military",
                    "aliases": ["Afghan security forces"],
                },
                "Afghanistan": {"type": "country", "aliases": ["Afghan*"]},
                "fighters": {"type": "group", "aliases": ["fighters"]},
                "Taliban": {"type": "group", "aliases": ["Taliban", "Taliban fighters"]},
            }
        }
    )
    corpus = toolkit.as_corpus(
        "Afghan security forces met security forces. Taliban fighters and fighters left "
        "Afghanistan."
    )
    assert _entries(lex, corpus) == [
        ("Afghan security forces", "Afghan security forces"),
        ("security forces", "security forces"),
        ("Taliban fighters", "Taliban"),
        ("fighters", "fighters"),
        ("Afghanistan", "Afghanistan"),
    ]


def test_crossing_overlaps_and_ties():
    # "a b" and "b c d" cross: the longer wins; equal lengths: the earlier wins;
    # the same span from two entries: the one listed first wins
    lex = load_lexicon(
        {
            "frames": {
                "short": {"cues": ["alpha beta"]},
                "long": {"cues": ["beta gamma delta"]},
                "first": {"cues": ["one two"]},
                "second": {"cues": ["two three"]},
                "glob": {"cues": ["withdraw*"]},
                "word": {"cues": ["withdrawal"]},
            }
        }
    )
    corpus = toolkit.as_corpus("alpha beta gamma delta. one two three. withdrawal.")
    assert _entries(lex, corpus) == [
        ("beta gamma delta", "long"),
        ("one two", "first"),
        ("withdrawal", "glob"),
    ]


def test_bracketed_abbreviation_is_part_of_the_mention():
    lex = load_lexicon(
        {
            "actors": {
                "NDS": {
                    "type": "military",
                    "aliases": [
                        "National Directorate of Security",
                        {"pattern": "NDS", "case_sensitive": True},
                    ],
                },
                "UN": {"type": "organisation", "aliases": ["United Nations", "UN"]},
            }
        }
    )
    corpus = toolkit.as_corpus(
        "The National Directorate of Security (NDS) and the NDS. The United Nations (NDS) "
        "and the United Nations (UN) (UN)."
    )
    assert [s for s, _ in _entries(lex, corpus)] == [
        "National Directorate of Security (NDS)",
        "NDS",
        "United Nations",
        "NDS",  # another actor: not merged
        "United Nations (UN)",
        "UN",  # merged once, never chained
    ]


_WORDS = ["a", "b", "c", "d"]


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40),
    patterns=st.lists(
        st.lists(st.sampled_from([*_WORDS, "*"]), min_size=1, max_size=3).map(" ".join),
        min_size=1,
        max_size=6,
        unique=True,
    ),
)
def test_kept_matches_never_overlap_and_each_dropped_one_lost_to_a_longer(words, patterns):
    patterns = [p for p in patterns if p != "*"] or ["a"]
    lex = load_lexicon({"frames": {f"f{i}": {"cues": [p]} for i, p in enumerate(patterns)}})
    corpus = toolkit.as_corpus([" ".join(words)])
    idx = corpus_index(corpus)
    kept = match_lexicon(corpus, lex)
    first, end = kept["first"].to_numpy(), kept["end"].to_numpy()
    assert np.all(first[1:] >= end[:-1])  # sorted and disjoint
    owner = np.full(idx.n_tokens, -1)
    for k, (f, e) in enumerate(zip(first, end, strict=True)):
        owner[f:e] = k
    for pat in lex.compiled:
        for f, e in zip(*find_spans(idx, pat), strict=True):
            if any((f == a and e == b) for a, b in zip(first, end, strict=True)):
                continue
            rivals = {int(o) for o in owner[f:e] if o >= 0}
            assert rivals, "a candidate was dropped without overlapping a kept match"
            assert max(end[r] - first[r] for r in rivals) >= e - f


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 4), st.integers(0, 5)), max_size=25))
def test_longest_matches_keeps_a_greedy_non_overlapping_choice(matches):
    """The kept matches never overlap, and each one dropped overlaps a kept match
    that is longer, or as long and earlier, or the same span of a lower pattern."""
    from toolkit.search.patterns import longest_matches

    first = np.array([a for a, _, _ in matches], dtype=np.int64)
    end = np.array([a + n for a, n, _ in matches], dtype=np.int64)
    no = np.array([p for _, _, p in matches], dtype=np.int64)
    keep = set(longest_matches(first, end, no).tolist())

    def priority(i):
        return (-(end[i] - first[i]), first[i], no[i])

    def overlap(i, j):
        return first[i] < end[j] and first[j] < end[i]

    kept = sorted(keep)
    assert all(not overlap(i, j) for i in kept for j in kept if i < j)
    for i in range(len(matches)):
        if i not in keep:
            assert any(overlap(i, j) and priority(j) <= priority(i) for j in kept)

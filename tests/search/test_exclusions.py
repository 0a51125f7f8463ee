"""What a lexicon pattern must not match: exclude and near rules, their errors
with the line, and the counts of what they removed."""

from __future__ import annotations

import textwrap

import pandas as pd
import pytest

import toolkit
from toolkit.search.lexicons import LexiconError, load_lexicon, match_lexicon

from ..conftest import shared_path


def _write(tmp_path, text: str, name: str = "lex.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def _frames(cues) -> toolkit.Lexicon:
    return load_lexicon({"frames": {"f": {"cues": cues}}})


def _texts(corpus, lexicon, **kwargs) -> list[str]:
    return toolkit.find_frames(corpus, lexicon, **kwargs)["text"].tolist()


STORMS = toolkit.load_corpus(
    [
        "Taliban fighters stormed the city. The winter storm closed roads.",
        "Hurricane Ida was a powerful and deadly storm. They storm the base at dawn.",
    ],
    progress=False,
)


def test_an_exclude_phrase_removes_the_hits_inside_it():
    lex = _frames([{"pattern": "storm*", "exclude": ["winter storm*"]}])
    assert _texts(STORMS, lex) == ["stormed", "storm", "storm"]
    removed = toolkit.find_frames(STORMS, lex, excluded=True)
    assert removed["text"].tolist() == ["storm"] and removed["start"].tolist() == [46]
    assert removed["excluded_by"].tolist() == ['exclude "winter storm*"']


def test_an_exclude_word_anywhere_in_the_sentence_or_within_a_window():
    sentence = _frames(
        [{"pattern": "storm*", "exclude": [{"pattern": "hurricane*", "window": "sentence"}]}]
    )
    assert _texts(STORMS, sentence) == ["stormed", "storm", "storm"]  # Ida's storm is gone
    near = _frames([{"pattern": "storm*", "exclude": [{"pattern": "hurricane*", "window": 3}]}])
    assert _texts(STORMS, near) == ["stormed", "storm", "storm", "storm"]  # 7 tokens away
    wide = _frames([{"pattern": "storm*", "exclude": [{"pattern": "hurricane*", "window": 8}]}])
    assert _texts(STORMS, wide) == ["stormed", "storm", "storm"]


def test_a_window_stops_at_the_sentence():
    # "Hurricane" ends one sentence, "storm" starts the next: one token apart
    corpus = toolkit.load_corpus(["It was called Hurricane. Storms followed."], progress=False)
    lex = _frames([{"pattern": "storm*", "exclude": [{"pattern": "hurricane", "window": 5}]}])
    assert _texts(corpus, lex) == ["Storms"]


def test_near_rules_keep_only_hits_with_one_of_their_words():
    corpus = toolkit.load_corpus(
        [
            "The Senate passed the reconciliation bill. National reconciliation talks began in Doha.",
            "Reconciliation with the Taliban is far off.",
        ],
        progress=False,
    )
    lex = _frames([{"pattern": "reconciliation", "near": ["talk*", "Taliban"]}])
    assert _texts(corpus, lex) == ["reconciliation", "Reconciliation"]
    removed = toolkit.find_frames(corpus, lex, excluded=True)
    assert removed["excluded_by"].tolist() == ['not near "talk*", "Taliban" (sentence)']
    first = corpus.docs["text"].iat[0]
    assert removed["start"].tolist() == [first.index("reconciliation bill")]


def test_the_issue_cases_under_the_default_lexicons():
    corpus = toolkit.load_corpus(
        [
            "In advance of the talks, officials met. The Taliban advanced on Kabul.",
            "A winter storm hit Texas. Hurricane Ida is the strongest storm in years.",
            "Fighters stormed the provincial capital.",
            "The reconciliation bill passed. The High Council for National Reconciliation met.",
            "The men and women of our armed forces. Afghan women and girls protested. "
            "The Taliban barred women from universities.",
        ],
        progress=False,
    )
    hits = toolkit.find_frames(corpus)
    assert hits.loc[hits["frame"] == "victory/advance", "text"].tolist() == ["advanced", "stormed"]
    council = corpus.docs["text"].iat[3].index("Reconciliation met")
    kept = hits[hits["text"].str.lower() == "reconciliation"]
    assert kept[["doc_id", "start"]].to_numpy().tolist() == [["doc4", council]]
    women = toolkit.find_actors(corpus)
    women = women[women["actor"] == "women and girls"]
    assert women["text"].tolist() == ["women and girls", "women"]


def test_a_removed_hit_leaves_its_words_to_another_cue():
    corpus = toolkit.load_corpus(
        ["They seized the moment and seized the district."], progress=False
    )
    lex = load_lexicon(
        {
            "frames": {
                "grab": {"cues": [{"pattern": "seiz* the *", "exclude": ["seiz* the moment"]}]},
                "verb": {"cues": ["seiz*"]},
            }
        }
    )
    hits = toolkit.find_frames(corpus, lex)
    assert hits[["text", "frame"]].to_numpy().tolist() == [
        ["seized", "verb"],
        ["seized the district", "grab"],
    ]


def test_the_counts_of_what_each_rule_removed_travel_with_the_tables():
    lex = _frames(
        [
            {"pattern": "storm*", "exclude": ["winter storm*", "tropical storm*"]},
            {"pattern": "hurricane*", "near": ["flood*"]},
        ]
    )
    hits = toolkit.find_frames(STORMS, lex)
    expected = [
        {"frame": "f", "pattern": "storm*", "rule": 'exclude "winter storm*"', "removed": 1},
        {"frame": "f", "pattern": "storm*", "rule": 'exclude "tropical storm*"', "removed": 0},
        {
            "frame": "f",
            "pattern": "hurricane*",
            "rule": 'not near "flood*" (sentence)',
            "removed": 1,
        },
    ]
    assert hits.attrs["excluded"] == expected
    assert toolkit.count_frames(STORMS, lex).attrs["excluded"] == expected
    assert toolkit.count_frames(STORMS, lex, by="doc_id", hits=hits).attrs["excluded"] == expected
    m = match_lexicon(STORMS, lex)
    assert m.attrs["excluded"] == expected
    # a plain lexicon removes nothing and says so
    assert toolkit.find_frames(STORMS, _frames(["storm*"])).attrs["excluded"] == []


def test_actor_rules_and_their_counts():
    corpus = toolkit.load_corpus(
        [
            "Norway's Thorvald Stoltenberg spoke. NATO chief Jens Stoltenberg spoke. Stoltenberg said so."
        ],
        progress=False,
    )
    lex = load_lexicon(
        {
            "actors": {
                "Jens Stoltenberg": {
                    "type": "person",
                    "aliases": [
                        "Jens Stoltenberg",
                        {
                            "pattern": "Stoltenberg",
                            "exclude": ["Thorvald Stoltenberg"],
                            "near": ["NATO"],
                        },
                    ],
                }
            }
        }
    )
    mentions = toolkit.find_actors(corpus, lex)
    assert mentions["text"].tolist() == ["Jens Stoltenberg"]
    removed = toolkit.find_actors(corpus, lex, excluded=True)
    assert removed["excluded_by"].tolist() == [
        'exclude "Thorvald Stoltenberg"',
        'not near "NATO" (sentence)',
    ]
    counts = toolkit.count_actors(corpus, lex)
    assert [r["removed"] for r in counts.attrs["excluded"]] == [1, 1]


def test_rules_in_a_file_are_validated_with_their_line(tmp_path):
    path = _write(
        tmp_path,
        """
        frames:
          advance:
            cues:
              - pattern: advanc*
                exclude:
                  - in advance
                  - {pattern: "[", match: regex}
        """,
    )
    with pytest.raises(LexiconError, match=r"lex\.yaml, line 7: .*not a valid regular expression"):
        load_lexicon(path)


@pytest.mark.parametrize(
    ("rule", "line", "fragment"),
    [
        ("exclude: []", 5, "is an empty list"),
        ("exclude: [{match: regex}]", 5, "without 'pattern:'"),
        ("exclude: [{pattern: x, windw: 3}]", 5, "unknown key 'windw'.*did you mean 'window'"),
        ("near: [{pattern: x, window: wide}]", 5, "give a number of tokens"),
        ("near: [{pattern: x, window: -2}]", 5, "give a number of tokens"),
        ("near: [{pattern: x, match: fuzzy}]", 5, "not one of glob, regex, fixed"),
        ("exclude: [{pattern: x, case_sensitive: maybe}]", 5, "true or false"),
        ("excludes: [x]", 5, "unknown key 'excludes'.*did you mean 'exclude'"),
    ],
)
def test_bad_rules_name_the_line(tmp_path, rule, line, fragment):
    path = _write(
        tmp_path,
        f"""
        frames:
          f:
            cues:
              - pattern: storm*
                {rule}
        """,
    )
    with pytest.raises(LexiconError, match=rf"line {line}: .*{fragment}"):
        load_lexicon(path)


def test_rules_reuse_a_yaml_anchor(tmp_path):
    path = _write(
        tmp_path,
        """
        frames:
          f:
            cues:
              - pattern: gains
                near: &military [troops, Taliban]
              - pattern: captur*
                near: *military
        """,
    )
    lex = load_lexicon(path)
    assert lex.rules[["pattern_no", "rule", "pattern", "window"]].to_numpy().tolist() == [
        [0, "near", "troops", -1],
        [0, "near", "Taliban", -1],
        [1, "near", "troops", -1],
        [1, "near", "Taliban", -1],
    ]
    assert lex.rules["line"].tolist() == [5, 5, 5, 5]


@pytest.mark.shared
def test_white_house_corpus_loses_the_issue_errors():
    path = shared_path("corpus", "whitehouse-afghanistan-2021", "wh_afghanistan_2021_2022.jsonl")
    corpus = toolkit.load_corpus(path, progress=False)
    hits = toolkit.find_frames(corpus)
    lower = hits["text"].str.lower()
    assert set(lower[lower.str.startswith("storm")]) <= {"stormed", "storming"}  # no weather
    assert not hits["text"].str.contains("fall of Roe").any()
    removed = pd.DataFrame(hits.attrs["excluded"])
    by_rule = removed.set_index(["pattern", "rule"])["removed"]
    assert by_rule[("advanc*", 'exclude "in advance"')] > 50
    assert by_rule.loc["reconciliation"].sum() > 100
    women = toolkit.find_actors(corpus)
    assert (women["actor"] == "women and girls").sum() < 150  # 506 before the rules

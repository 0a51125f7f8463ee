"""Collocates and keyness, checked against hand-computed contingency tables, a
published log-likelihood example and a brute-force count on real documents."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.analyses.collocates import COLLOCATE_COLUMNS
from toolkit.analyses.keyness import KEYNESS_COLUMNS
from toolkit.analyses.stopwords import stopword_list

from ..conftest import shared_path

# Words (punctuation is not counted), numbered through the corpus:
#   doc1: Troops(0) left(1) Kabul(2) | The(3) troops(4) and(5) troops(6) left(7)
#   doc2: Kabul(8) fell(9) | The(10) troops(11) came(12) back(13) to(14) the(15)
#         city(16) and(17) the(18) base(19)
# ("|" is a sentence break.) N = 20 words; node "troops" at 0, 4, 6, 11: f_node = 4.
DOC1 = "Troops left Kabul. The troops and troops left."
DOC2 = "Kabul fell. The troops came back to the city and the base."
N, F_NODE = 20, 4


@pytest.fixture(scope="module")
def tiny():
    return toolkit.load_corpus([DOC1, DOC2], progress=False)


def g2_4cell(o11: float, r1: float, c1: float, n: float) -> float:
    """Dunning's G2 written out cell by cell (for the hand calculations)."""
    cells = [
        (o11, r1 * c1 / n),
        (r1 - o11, r1 * (n - c1) / n),
        (c1 - o11, (n - r1) * c1 / n),
        (n - r1 - c1 + o11, (n - r1) * (n - c1) / n),
    ]
    return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)


def row(table: pd.DataFrame, key: str, value: str) -> pd.Series:
    rows = table[table[key] == value]
    assert len(rows) == 1, f"{value!r} not (uniquely) in the table"
    return rows.iloc[0]


# ------------------------------------------------------------ hand calculations


def test_window_region_counted_by_hand(tiny):
    # window 2, within the document:
    #   hit 0:  left  -          right 1 left, 2 Kabul
    #   hit 4:  left  2, 3       right 5 and, [6 is a node: excluded]
    #   hit 6:  left  [4 node], 5 right 7 left; 8 (Kabul) is in doc2: the window stops
    #   hit 11: left  9 fell, 10 the   right 12 came, 13 back
    # Merged region, each position once: {1, 2, 3, 5, 7, 9, 10, 12, 13}: R1 = 9.
    # Kabul(2) is in hit 0's right and hit 4's left window: counted once, in both
    # the left and the right column.
    table = toolkit.collocates(tiny, "troops", window=2, min_count=1, stopwords=None)
    assert table.attrs["window_words"] == 9
    assert table.attrs["node_count"] == F_NODE
    assert table.attrs["corpus_words"] == N
    got = {
        r.collocate: (r.count, r.left, r.right, r.documents, r.frequency)
        for r in table.itertuples()
    }
    assert got == {
        "left": (2, 0, 2, 1, 2),
        "kabul": (1, 1, 1, 1, 2),
        "the": (2, 2, 0, 2, 4),
        "and": (1, 1, 1, 1, 2),
        "fell": (1, 1, 0, 1, 1),
        "came": (1, 0, 1, 1, 1),
        "back": (1, 0, 1, 1, 1),
    }
    assert "troops" not in got  # a node is never its own collocate
    assert table["count"].sum() == 9


def test_measures_by_hand(tiny):
    table = toolkit.collocates(tiny, "troops", window=2, min_count=1, stopwords=None)
    # "left": O11 = 2, R1 = 9, C1 = 2, N = 20
    #   contingency  | left        | other words
    #   region       | O11 = 2     | O12 = 9 - 2 = 7          (R1 = 9)
    #   rest         | O21 = 0     | O22 = 20 - 9 - 2 + 2 = 11
    #   E11 = 9*2/20 = 0.9, E12 = 9*18/20 = 8.1, E21 = 11*2/20 = 1.1, E22 = 11*18/20 = 9.9
    #   logDice = 14 + log2(2*2 / (4 + 2)) = 14 + log2(0.6667) = 13.415037
    #   PMI = log2(2 / 0.9) = 1.152003
    #   t = (2 - 0.9) / sqrt(2) = 0.777817
    #   G2 = 2 * (2 ln(2/0.9) + 7 ln(7/8.1) + 11 ln(11/9.9))
    #      = 2 * (1.597015 - 1.021677 + 1.158966) = 3.468607
    left = row(table, "collocate", "left")
    assert left["expected"] == pytest.approx(0.9)
    assert left["logdice"] == pytest.approx(14 + math.log2(4 / 6))
    assert left["logdice"] == pytest.approx(13.415037, abs=1e-6)
    assert left["pmi"] == pytest.approx(math.log2(2 / 0.9))
    assert left["pmi"] == pytest.approx(1.152003, abs=1e-6)
    assert left["t"] == pytest.approx(1.1 / math.sqrt(2))
    hand = 2 * (2 * math.log(2 / 0.9) + 7 * math.log(7 / 8.1) + 11 * math.log(11 / 9.9))
    assert hand == pytest.approx(3.468607, abs=1e-6)
    assert left["g2"] == pytest.approx(hand)
    # "the": O11 = 2, C1 = 4 (The, The, the, the): E11 = 9*4/20 = 1.8
    #   O12 = 7, O21 = 2, O22 = 20 - 9 - 4 + 2 = 9; E12 = 7.2, E21 = 2.2, E22 = 8.8
    #   logDice = 14 + log2(4 / 8) = 13; PMI = log2(2/1.8) = 0.152003
    #   G2 = 2 * (2 ln(2/1.8) + 7 ln(7/7.2) + 2 ln(2/2.2) + 9 ln(9/8.8)) = 0.050320
    the = row(table, "collocate", "the")
    assert the["expected"] == pytest.approx(1.8)
    assert the["logdice"] == pytest.approx(13.0)
    assert the["pmi"] == pytest.approx(math.log2(2 / 1.8))
    hand = 2 * (
        2 * math.log(2 / 1.8)
        + 7 * math.log(7 / 7.2)
        + 2 * math.log(2 / 2.2)
        + 9 * math.log(9 / 8.8)
    )
    assert hand == pytest.approx(0.050320, abs=1e-6)
    assert the["g2"] == pytest.approx(hand)
    assert the["g2"] == pytest.approx(g2_4cell(2, 9, 4, 20))


def test_negative_association_gives_negative_g2():
    # the(0) node(1) x(2) the(3..11): N = 12, window 1 -> region {0, 2}, R1 = 2
    # "the": O11 = 1, C1 = 10, E11 = 2*10/12 = 1.6667 > O11: a negative association
    #   O12 = 1, O21 = 9, O22 = 12 - 2 - 10 + 1 = 1
    #   E12 = 2*2/12 = 0.3333, E21 = 10*10/12 = 8.3333, E22 = 10*2/12 = 1.6667
    #   G2 = 2 * (ln(0.6) + ln(3) + 9 ln(1.08) + ln(0.6))
    #      = 2 * (-1.021651 + 1.098612 + 0.692649) = 1.539221, reported as -1.539221
    #   PMI = log2(0.6) = -0.736966; t = (1 - 1.6667) / 1 = -0.6667
    corpus = toolkit.load_corpus(["the node x " + "the " * 9], progress=False)
    table = toolkit.collocates(corpus, "node", window=1, min_count=1, stopwords=None)
    the = row(table, "collocate", "the")
    hand = 2 * (2 * math.log(0.6) + math.log(3) + 9 * math.log(1.08))
    assert hand == pytest.approx(1.539221, abs=1e-6)
    assert the["g2"] == pytest.approx(-hand)
    assert the["pmi"] == pytest.approx(-0.736966, abs=1e-6)
    assert the["t"] == pytest.approx(-2 / 3)
    # measure="g2" puts the positive association (x) first
    assert toolkit.collocates(
        corpus, "node", window=1, min_count=1, stopwords=None, measure="g2"
    ).collocate.tolist() == ["x", "the"]


def test_windows_stop_at_document_edges():
    # doc1 ends right after the node and doc2 starts right after it: with window 5
    # only "alpha" is near the node; beta and gamma are in another document
    corpus = toolkit.load_corpus(["alpha node", "beta gamma node"], progress=False)
    table = toolkit.collocates(corpus, "node", window=5, min_count=1, stopwords=None)
    got = {r.collocate: (r.count, r.left, r.right) for r in table.itertuples()}
    assert got == {"alpha": (1, 1, 0), "beta": (1, 1, 0), "gamma": (1, 1, 0)}
    first_only = toolkit.collocates(
        toolkit.load_corpus(["node", "beta gamma"], progress=False),
        "node",
        window=5,
        min_count=1,
    )
    assert first_only.empty and first_only.attrs["window_words"] == 0


def test_sentence_windows(tiny):
    # within="sentence": hit 4's left window stops at "The" (Kabul is in the
    # sentence before) and hit 11's left window at "The" (fell is before it).
    table = toolkit.collocates(
        tiny, "troops", window=2, min_count=1, stopwords=None, within="sentence"
    )
    got = {r.collocate: (r.count, r.left, r.right) for r in table.itertuples()}
    assert "fell" not in got
    assert got["kabul"] == (1, 0, 1)
    assert got["the"] == (2, 2, 0)
    assert table.attrs["window_words"] == 8


def test_case_folding_and_case_sensitive_node(tiny):
    # The/the count as one collocate; the node matches Troops and troops ...
    table = toolkit.collocates(tiny, "TROOPS", window=2, min_count=1, stopwords=None)
    assert table.attrs["node_count"] == 4
    assert row(table, "collocate", "the")["count"] == 2
    # ... unless case_sensitive: then Troops(0) is not a node, so left(1) and
    # Kabul(2) lose hit 0's right window; Kabul(2) stays in hit 4's left window.
    cs = toolkit.collocates(
        tiny, "troops", window=2, min_count=1, stopwords=None, case_sensitive=True
    )
    assert cs.attrs["node_count"] == 3
    assert row(cs, "collocate", "left")["count"] == 1
    assert tuple(row(cs, "collocate", "kabul")[["count", "left", "right"]]) == (1, 1, 0)
    # Troops(0) is now an ordinary word; it is outside every window (hit 4's left
    # window is Kabul(2), The(3)), so it is not a collocate either
    assert "troops" not in set(cs.collocate)


def test_min_count_stopwords_and_ordering(tiny):
    default = toolkit.collocates(tiny, "troops", window=2)
    # min_count=2 keeps left and the; the packaged stopwords drop "the"
    assert default.collocate.tolist() == ["left"]
    every = toolkit.collocates(tiny, "troops", window=2, min_count=1, stopwords=None)
    custom = toolkit.collocates(tiny, "troops", window=2, min_count=1, stopwords=["LEFT", "kabul"])
    assert set(every.collocate) - set(custom.collocate) == {"left", "kabul"}
    # filtering removes rows only: the remaining rows are unchanged
    merged = custom.merge(every, on="collocate", suffixes=("", "_all"))
    for col in ("count", "expected", "logdice", "g2", "pmi", "t", "documents"):
        assert np.allclose(merged[col], merged[f"{col}_all"])
    # ties broken by collocate: count 2 (left, the), then count 1 alphabetically
    by_count = toolkit.collocates(
        tiny, "troops", window=2, min_count=1, stopwords=None, measure="count"
    )
    assert by_count.collocate.tolist() == ["left", "the", "and", "back", "came", "fell", "kabul"]
    # logDice: left 13.415 > the 13.0 > back = came = fell 12.678 > and = kabul 12.415
    assert every.collocate.tolist() == ["left", "the", "back", "came", "fell", "and", "kabul"]


def test_first_cooccurrence_offsets(tiny):
    table = toolkit.collocates(tiny, "troops", window=2, min_count=1, stopwords=None)
    texts = dict(zip(tiny.docs.doc_id, tiny.docs.text, strict=True))
    for r in table.itertuples():
        assert texts[r.first_doc_id][r.first_start : r.first_end].lower() == r.collocate
    # "the" co-occurs first as "The" at character 19 of doc1
    the = row(table, "collocate", "the")
    assert (the.first_doc_id, the.first_start) == ("doc1", 19)


def test_absent_node_gives_empty_table(tiny):
    table = toolkit.collocates(tiny, "zebra*")
    assert table.empty
    assert table.columns.tolist() == COLLOCATE_COLUMNS
    assert table.attrs["node_count"] == 0
    # present node, but nothing reaches min_count: also empty, not an error
    assert toolkit.collocates(tiny, "troops", min_count=50).columns.tolist() == COLLOCATE_COLUMNS


def test_list_of_patterns_counts_each_span_once(tiny):
    one = toolkit.collocates(tiny, "troops", window=2, min_count=1, stopwords=None)
    both = toolkit.collocates(tiny, ["troops", "troop*"], window=2, min_count=1, stopwords=None)
    assert both.attrs["node_count"] == 4
    pd.testing.assert_frame_equal(one, both, check_like=False)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"window": 0}, "window=0"),
        ({"window": 2.5}, "window=2.5"),
        ({"window": True}, "window=True"),
        ({"measure": "dice"}, "measure='dice'"),
        ({"min_count": 0}, "min_count=0"),
        ({"within": "paragraph"}, "within='paragraph'"),
        ({"stopwords": "german"}, "stopwords='german'"),
        ({"match": "wildcard"}, "match='wildcard'"),
    ],
)
def test_collocates_bad_options(tiny, kwargs, message):
    with pytest.raises(ValueError, match=message):
        toolkit.collocates(tiny, "troops", **kwargs)


def test_collocates_bad_patterns(tiny):
    with pytest.raises(ValueError, match="empty"):
        toolkit.collocates(tiny, "  ")
    with pytest.raises(ValueError, match="no pattern"):
        toolkit.collocates(tiny, [])
    with pytest.raises(TypeError, match="stopwords must be strings"):
        toolkit.collocates(tiny, "troops", stopwords=[1, 2])


def test_packaged_stopwords():
    words = stopword_list()
    assert {"the", "of", "and", "n't", "'s", "they"} <= words
    # content words news research looks at are not stopwords
    assert not {"said", "says", "told", "mr", "taliban", "people"} & words


# ------------------------------------------------------- brute-force agreement


def brute_collocates(corpus, nodes: set[str], window: int, within: str) -> dict[str, tuple]:
    """Collocate counts by plain loops over the tidy token table."""
    toks = toolkit.tokenize(corpus)
    words = toks[~toks["is_punct"]]
    count, left, right = Counter(), Counter(), Counter()
    docs = defaultdict(set)
    for doc_id, g in words.groupby("doc_id", observed=True, sort=False):
        lowers, sents = g["lower"].tolist(), g["sent_id"].tolist()
        is_node = [w in nodes for w in lowers]
        lset, rset = set(), set()
        for i in (i for i, x in enumerate(is_node) if x):
            for j in range(i - window, i + window + 1):
                if j == i or not 0 <= j < len(lowers) or is_node[j]:
                    continue
                if within == "sentence" and sents[j] != sents[i]:
                    continue
                (lset if j < i else rset).add(j)
        for j in lset | rset:
            count[lowers[j]] += 1
            docs[lowers[j]].add(doc_id)
        for j in lset:
            left[lowers[j]] += 1
        for j in rset:
            right[lowers[j]] += 1
    return {w: (count[w], left[w], right[w], len(docs[w])) for w in count}


def as_dict(table: pd.DataFrame) -> dict[str, tuple]:
    return {r.collocate: (r.count, r.left, r.right, r.documents) for r in table.itertuples()}


VOCAB = ["x", "y", "z", "w", "node", "Node", ",", ".", "?"]


@settings(max_examples=60, deadline=None)
@given(
    docs=st.lists(
        st.lists(st.sampled_from(VOCAB), min_size=0, max_size=25), min_size=1, max_size=4
    ),
    window=st.integers(min_value=1, max_value=4),
    within=st.sampled_from(["document", "sentence"]),
)
def test_collocates_match_brute_force(docs, window, within):
    texts = [" ".join(d) for d in docs]
    if not any(t.strip() for t in texts):
        texts = ["x"]
    corpus = toolkit.load_corpus(texts, progress=False)
    table = toolkit.collocates(
        corpus, "node", window=window, min_count=1, stopwords=None, within=within
    )
    assert as_dict(table) == brute_collocates(corpus, {"node"}, window, within)


# ------------------------------------------------------------------- keyness


def worked_example_corpus():
    # A word that occurs 52 times among 50,000 words of corpus 1 and 57 times
    # among 75,000 words of corpus 2 (the worked example that accompanies the
    # UCREL log-likelihood calculator, Lancaster University: "+ 2.65").
    def text(hits: int, size: int) -> str:
        words = ["filler"] * size
        for k in range(hits):
            words[k * (size // hits)] = "word"
        return ". ".join(" ".join(words[i : i + 10]) for i in range(0, size, 10)) + "."

    return toolkit.load_corpus([text(52, 50_000), text(57, 75_000)], progress=False)


def test_keyness_worked_example():
    corpus = worked_example_corpus()
    table = toolkit.keyness(corpus, ["doc1"])
    assert table.attrs["target_words"] == 50_000
    assert table.attrs["reference_words"] == 75_000
    word = row(table, "term", "word")
    # a = 52, b = 57, c = 50,000, d = 75,000
    # E1 = c(a+b)/(c+d) = 50,000 * 109 / 125,000 = 43.6
    # E2 = d(a+b)/(c+d) = 75,000 * 109 / 125,000 = 65.4
    # G2 = 2 (52 ln(52/43.6) + 57 ln(57/65.4)) = 2 (52 * 0.176187 - 57 * 0.137471)
    #    = 2 (9.161702 - 7.835846) = 2.651710
    # published: "+ 2.65" (positive: 0.104% in corpus 1 against 0.076% in corpus 2)
    hand = 2 * (52 * math.log(52 / 43.6) + 57 * math.log(57 / 65.4))
    assert hand == pytest.approx(2.651710, abs=1e-6)
    assert round(hand, 2) == 2.65
    assert word["g2"] == pytest.approx(hand)
    assert (word["target_count"], word["reference_count"]) == (52, 57)
    # log ratio = log2((52/50,000) / (57/75,000)) = log2(1.368421) = 0.452512
    assert word["log_ratio"] == pytest.approx(0.452512, abs=1e-6)
    # chi-square with 1 df: the table's critical values are 2.706 for p = 0.10 and
    # 3.841 for p = 0.05, so 2.65 lies just above p = 0.10 (not significant)
    assert 0.10 < word["p"] < 0.11
    assert word["p"] == pytest.approx(math.erfc(math.sqrt(hand / 2)))
    assert word["target_per_1k"] == pytest.approx(52 / 50)
    assert word["reference_per_1k"] == pytest.approx(57 / 75)
    # the other way round the sign flips ("-" in the calculator)
    other = row(toolkit.keyness(corpus, ["doc2"]), "term", "word")
    assert other["g2"] == pytest.approx(-hand)
    assert other["log_ratio"] == pytest.approx(-0.452512, abs=1e-6)


def test_log_ratio_zero_count_correction():
    # target: troops left the base troops left (c = 6); reference: talks went on (d = 3)
    # "troops": a = 2, b = 0 -> b counts as 0.5: log2((2/6) / (0.5/3)) = log2(2) = 1
    # G2 = 2 * 2 ln(2 / E1), E1 = 6 * 2 / 9 = 1.3333: 2 * 2 * 0.405465 = 1.621860
    corpus = toolkit.load_corpus(["Troops left the base. Troops left.", "Talks went on."])
    table = toolkit.keyness(corpus, ["doc1"], min_count=1)
    troops = row(table, "term", "troops")
    assert troops["log_ratio"] == pytest.approx(1.0)
    assert troops["g2"] == pytest.approx(4 * math.log(1.5))
    assert troops["g2"] == pytest.approx(1.621860, abs=1e-6)
    # "talks": a = 0, b = 1: log2((0.5/6) / (1/3)) = log2(0.25) = -2; G2 negative
    # G2 = 2 * 1 * ln(1 / E2), E2 = 3 * 1 / 9: 2 ln 3 = 2.197225
    talks = row(table, "term", "talks")
    assert talks["log_ratio"] == pytest.approx(-2.0)
    assert talks["g2"] == pytest.approx(-2 * math.log(3))
    assert pd.isna(talks["first_start"])  # not in the target
    assert troops["first_start"] == 0 and troops["first_doc_id"] == "doc1"
    # ordering: signed G2, highest first; ties by term (left and troops tie)
    assert table.term.tolist()[:2] == ["left", "troops"]
    assert table.term.tolist()[-1] in {"went", "on", "talks"}
    assert table.g2.is_monotonic_decreasing
    by_ratio = toolkit.keyness(corpus, ["doc1"], min_count=1, measure="log_ratio")
    assert by_ratio.log_ratio.is_monotonic_decreasing


def test_keyness_filters():
    corpus = toolkit.load_corpus(["Troops left the base. Troops left.", "Talks went on."])
    everything = toolkit.keyness(corpus, ["doc1"], min_count=1)
    assert len(everything) == 7  # troops left the base talks went on
    assert set(toolkit.keyness(corpus, ["doc1"], min_count=2).term) == {"troops", "left"}
    no_stop = toolkit.keyness(corpus, ["doc1"], min_count=1, stopwords="english")
    assert set(everything.term) - set(no_stop.term) == {"the", "on"}
    kept = no_stop.merge(everything, on="term", suffixes=("", "_all"))
    assert np.allclose(kept.g2, kept.g2_all)


def test_keyness_selectors_and_second_corpus():
    texts = ["Troops left the base. Troops left.", "Talks went on.", "Troops talks."]
    meta = pd.DataFrame(
        {
            "text": texts,
            "source": ["A", "B", "B"],
            "date": ["2021-08-01", "2021-09-02", "2021-08-30"],
        }
    )
    corpus = toolkit.load_corpus(meta, progress=False)
    by_mask = toolkit.keyness(corpus, [True, False, False], min_count=1)
    by_ids = toolkit.keyness(corpus, ["doc1"], min_count=1)
    by_meta = toolkit.keyness(corpus, {"source": "A"}, min_count=1)
    by_func = toolkit.keyness(corpus, lambda d: d["source"] == "A", min_count=1)
    for other in (by_ids, by_meta, by_func):
        pd.testing.assert_frame_equal(by_mask, other)
    # a date prefix selects a month
    assert toolkit.keyness(corpus, {"date": "2021-08"}, min_count=1).attrs["target_docs"] == 2
    assert toolkit.keyness(corpus, {"source": ["A", "C"]}, min_count=1).attrs["target_docs"] == 1
    # an explicit reference that leaves documents out
    part = toolkit.keyness(corpus, ["doc1"], reference=["doc2"], min_count=1)
    assert part.attrs["reference_words"] == 3
    # a second corpus as the reference gives the same numbers as the same
    # documents inside one corpus
    target = toolkit.load_corpus(texts[:1], progress=False)
    rest = toolkit.load_corpus(texts[1:], progress=False)
    two = toolkit.keyness(target, None, reference=rest, min_count=1)
    cols = ["term", "target_count", "reference_count", "g2", "log_ratio", "p"]
    cols += ["target_documents", "reference_documents"]
    pd.testing.assert_frame_equal(two[cols], by_mask[cols])
    assert pd.isna(row(two, "term", "talks")["first_doc_id"])
    assert two.columns.tolist() == KEYNESS_COLUMNS


def test_keyness_bad_inputs():
    texts = ["Troops left the base.", "Talks went on.", "Troops talks."]
    corpus = toolkit.load_corpus(texts, progress=False)
    with pytest.raises(ValueError, match="selects no documents"):
        toolkit.keyness(corpus, [False, False, False])
    with pytest.raises(ValueError, match="rest of the corpus is empty"):
        toolkit.keyness(corpus, [True, True, True])
    with pytest.raises(ValueError, match=r"3 documents"):
        toolkit.keyness(corpus, [True, False])
    with pytest.raises(ValueError, match=r"column 'outlet'.*columns are: doc_id, title, date"):
        toolkit.keyness(corpus, {"outlet": "TRT World"})
    with pytest.raises(LookupError, match="doc9"):
        toolkit.keyness(corpus, ["doc9"])
    with pytest.raises(LookupError, match="by metadata"):
        toolkit.keyness(corpus, "TRT World")
    with pytest.raises(ValueError, match="share 1 document"):
        toolkit.keyness(corpus, ["doc1", "doc2"], reference=["doc2", "doc3"])
    with pytest.raises(ValueError, match="measure='chi2'"):
        toolkit.keyness(corpus, ["doc1"], measure="chi2")
    with pytest.raises(ValueError, match="min_count=0"):
        toolkit.keyness(corpus, ["doc1"], min_count=0)
    with pytest.raises(ValueError, match="boolean mask"):
        toolkit.keyness(corpus, lambda d: d["doc_id"])
    with pytest.raises(ValueError, match="the corpus itself"):
        toolkit.keyness(corpus, ["doc1"], reference=corpus)
    punct_only = toolkit.load_corpus(["Troops left.", "... !"], progress=False)
    with pytest.raises(ValueError, match="reference documents contain no words"):
        toolkit.keyness(punct_only, ["doc1"])


# --------------------------------------------------------------------- plots


def test_plots_draw_the_table(tiny):
    table = toolkit.collocates(tiny, "troops", window=2, min_count=1, stopwords=None)
    ax = toolkit.plot_collocates(table, top=3)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["left (2)", "the (2)", "back (1)"]
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx(table.logdice.head(3).tolist())
    ax = toolkit.plot_collocates(table, measure="count", top=2)
    assert [p.get_width() for p in ax.patches] == [2, 2]
    corpus = toolkit.load_corpus(["Troops left the base. Troops left.", "Talks went on."])
    key = toolkit.keyness(corpus, ["doc1"], min_count=1)
    ax = toolkit.plot_keyness(key, top=2)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    # two over-used at the top, then the two most under-used, the most negative last
    assert labels[:2] == ["left", "troops"]
    values = [p.get_width() for p in ax.patches]
    assert values[0] > 0 and values[-1] < 0 and len(values) == 4
    assert toolkit.plot_collocates(table.iloc[:0]) is not None  # "no collocates"
    with pytest.raises(ValueError, match="measure='dice'"):
        toolkit.plot_collocates(table, measure="dice")
    with pytest.raises(ValueError, match="measure='pmi'"):
        toolkit.plot_keyness(key, measure="pmi")


# ------------------------------------------------- White House briefings (shared)


@pytest.fixture(scope="module")
def whitehouse():
    path = shared_path("corpus", "whitehouse-afghanistan-2021", "wh_afghanistan_2021_2022.jsonl")
    return toolkit.load_corpus(path, progress=False)


@pytest.mark.shared
@pytest.mark.parametrize(("pattern", "within"), [("Taliban", "document"), ("evacuat*", "sentence")])
def test_whitehouse_collocates_match_brute_force(whitehouse, pattern, within):
    table = toolkit.collocates(
        whitehouse, pattern, window=4, min_count=1, stopwords=None, within=within
    )
    if pattern.endswith("*"):
        lowers = set(toolkit.tokenize(whitehouse)["lower"])
        nodes = {w for w in lowers if w.startswith(pattern[:-1].lower())}
    else:
        nodes = {pattern.lower()}
    assert as_dict(table) == brute_collocates(whitehouse, nodes, 4, within)
    # the statistics agree with the contingency table written out
    r1, n = table.attrs["window_words"], table.attrs["corpus_words"]
    for r in table.head(50).itertuples():
        assert abs(r.g2) == pytest.approx(g2_4cell(r.count, r1, r.frequency, n))
        assert (r.g2 < 0) == (r.count < r.expected)
    # a collocate occurs in no more documents than the node does
    node_docs = toolkit.kwic(whitehouse, pattern).doc_id.nunique()
    assert table.documents.max() <= node_docs


@pytest.mark.shared
def test_whitehouse_keyness_august_2021(whitehouse):
    # The Kabul airlift (14-31 August 2021) dominated the month's briefings, so
    # the airport and evacuation vocabulary must be key in August 2021 against
    # every other month; the 2022 briefings (in the reference) turn to Russia and
    # Ukraine, and Karine Jean-Pierre became press secretary only in May 2022, so
    # those terms must be negatively key.
    august = whitehouse.docs["date"].dt.strftime("%Y-%m") == "2021-08"
    assert august.sum() == 36  # the corpus README: peak Aug 2021 (36)
    table = toolkit.keyness(whitehouse, {"date": "2021-08"})
    assert table.attrs["target_docs"] == 36
    assert table.attrs["reference_docs"] == len(whitehouse) - 36
    top = table.head(30)
    for term in ("airport", "evacuation", "evacuate", "evacuated", "kabul"):
        r = row(table, "term", term)
        assert r["g2"] > 0 and r["p"] < 1e-10 and r["log_ratio"] > 2, term
        assert term in set(top.term), term
    for term in ("ukraine", "russia", "jean-pierre"):
        r = row(table, "term", term)
        assert r["g2"] < 0 and r["p"] < 1e-10, term
    # word totals are those of the tidy token table
    toks = toolkit.tokenize(whitehouse)
    words = toks[~toks["is_punct"]]
    in_august = words["doc_id"].astype(str).isin(set(whitehouse.docs.doc_id[august]))
    assert table.attrs["target_words"] == in_august.sum()
    assert table.attrs["reference_words"] == (~in_august).sum()
    airport = row(table, "term", "airport")
    assert airport["target_count"] == (words.loc[in_august, "lower"] == "airport").sum()
    # swapping target and reference flips every sign
    swapped = toolkit.keyness(whitehouse, ~august.to_numpy())
    both = table.merge(swapped, on="term", suffixes=("", "_swapped"))
    assert len(both) == len(table)
    assert np.allclose(both.g2, -both.g2_swapped)
    assert np.allclose(both.log_ratio, -both.log_ratio_swapped)

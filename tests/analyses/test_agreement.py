"""Krippendorff's alpha on Krippendorff's own example, and what agreement reports."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import toolkit

NAN = np.nan
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
# four observers, twelve units, values 1-5, some units not coded by everyone.
EXAMPLE = pd.DataFrame(
    {
        "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
        "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
        "C": [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
        "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
    }
)


@pytest.mark.parametrize(
    ("level", "alpha"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_krippendorffs_worked_example(level, alpha):
    table = toolkit.agreement(EXAMPLE, coders=list("ABCD"), level=level, n_boot=200)
    first = table.iloc[0]
    assert first["coders"] == "A, B, C, D" and first["n_coders"] == 4
    assert round(first["alpha"], 3) == alpha
    assert first["units"] == 11  # unit 12 has one value: not pairable
    assert first["ci_low"] <= first["alpha"] <= first["ci_high"]
    assert len(table) == 1 + 6  # all four, then every pair


def test_labels_work_like_numbers_at_the_nominal_level():
    labels = EXAMPLE.map(lambda v: None if pd.isna(v) else "abcde"[int(v) - 1])
    a = toolkit.agreement(labels, coders=list("ABCD"), n_boot=0)
    b = toolkit.agreement(EXAMPLE, coders=list("ABCD"), n_boot=0)
    pd.testing.assert_series_equal(a["alpha"], b["alpha"])
    assert a["ci_low"].isna().all()  # n_boot=0: no interval


def test_ordinal_labels_take_their_order_from_codes():
    labels = EXAMPLE.map(lambda v: None if pd.isna(v) else "abcde"[int(v) - 1])
    table = toolkit.agreement(labels, coders=list("ABCD"), level="ordinal", codes=list("abcde"))
    assert round(table["alpha"].iat[0], 3) == 0.815
    with pytest.raises(ValueError, match="give codes= in their order"):
        toolkit.agreement(labels, coders=list("ABCD"), level="ordinal")


def test_percent_agreement_and_the_pair_rows():
    coded = pd.DataFrame(
        {
            "x": ["correct", "correct", "wrong", "wrong", "correct", None],
            "y": ["correct", "wrong", "wrong", "wrong", "correct", "correct"],
        }
    )
    row = toolkit.agreement(coded, coders=["x", "y"], n_boot=100).iloc[0]
    assert row["units"] == 5 and row["percent_agreement"] == pytest.approx(4 / 5)
    # by hand: 10 pairable values, 5 "correct" and 5 "wrong"; one unit disagrees,
    # which gives two of the ten coincidences; alpha = 1 - Do / De
    do = 2 / 10
    de = (5 * 5 + 5 * 5) / (10 * 9)
    assert row["alpha"] == pytest.approx(1 - do / de)


def test_the_bootstrap_is_seeded():
    a = toolkit.agreement(EXAMPLE, coders=["A", "B"], n_boot=300, seed=1)
    b = toolkit.agreement(EXAMPLE, coders=["A", "B"], n_boot=300, seed=1)
    c = toolkit.agreement(EXAMPLE, coders=["A", "B"], n_boot=300, seed=2)
    pd.testing.assert_frame_equal(a, b)
    assert (a["ci_low"].iat[0], a["ci_high"].iat[0]) != (c["ci_low"].iat[0], c["ci_high"].iat[0])
    assert "300 resamples, seed 1" in a.attrs["interval"]


def test_ignored_codes_count_as_not_coded():
    coded = pd.DataFrame({"x": ["a", "b", "unsure", "a"], "y": ["a", "b", "b", "unsure"]})
    table = toolkit.agreement(coded, coders=["x", "y"], ignore=["unsure"], n_boot=0)
    assert table["units"].iat[0] == 2 and table["alpha"].iat[0] == 1.0


def test_one_value_throughout_has_no_alpha():
    coded = pd.DataFrame({"x": ["a", "a"], "y": ["a", "a"]})
    row = toolkit.agreement(coded, coders=["x", "y"], n_boot=10).iloc[0]
    assert math.isnan(row["alpha"]) and row["percent_agreement"] == 1.0


def test_codes_from_a_coding_sheet(sample_corpus, tmp_path):
    hits = toolkit.find_frames(sample_corpus)
    units = toolkit.sample_for_coding(hits, n=6, seed=1, corpus=sample_corpus)
    codes = ["correct", "wrong", "correct", "unsure", "correct", "wrong"]
    other = ["correct", "wrong", "wrong", "unsure", "correct", None]
    sheet = toolkit.write_coding_sheet(
        units.assign(a=codes, b=other), tmp_path / "s.xlsx", coders=["a", "b"]
    )
    table = toolkit.agreement(toolkit.read_coding_sheet(sheet), coders=["a", "b"], n_boot=50)
    assert table["units"].iat[0] == 5
    assert table["percent_agreement"].iat[0] == pytest.approx(4 / 5)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"coders": ["A"]}, "two or more"),
        ({"coders": ["A", "Z"]}, "Z"),
        ({"coders": ["A", "B"], "level": "nominalish"}, "not one of nominal"),
        ({"coders": ["A", "B"], "n_boot": -1}, "n_boot"),
    ],
)
def test_bad_requests(kwargs, message):
    with pytest.raises(ValueError, match=message):
        toolkit.agreement(EXAMPLE, **kwargs)


def test_interval_codes_must_be_numbers():
    coded = pd.DataFrame({"x": [1, 2, "high"], "y": [1, 2, 3]})
    with pytest.raises(ValueError, match=r"'x' has 'high' in row 3"):
        toolkit.agreement(coded, coders=["x", "y"], level="interval")

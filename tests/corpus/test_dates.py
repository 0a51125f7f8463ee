"""The date column: YYYYMMDD, one reading of numeric dates per column, and
out-of-range values that say what is wrong."""

from __future__ import annotations

import pandas as pd
import pytest

import toolkit
from toolkit.corpus.dates import parse_dates


def load(dates: list) -> toolkit.Corpus:
    frame = pd.DataFrame({"text": ["Kabul."] * len(dates), "date": dates})
    return toolkit.load_corpus(frame, duplicates="keep")


def notes(corpus: toolkit.Corpus) -> list[str]:
    return corpus.report.loc[corpus.report.detail == "the date column", "reason"].tolist()


def test_yyyymmdd_as_string_and_number():
    c = load(["20210707", 20210815])
    assert c.docs.date.tolist() == [pd.Timestamp("2021-07-07"), pd.Timestamp("2021-08-15")]
    assert c.report.empty


def test_a_column_of_day_first_dates_is_read_day_first_throughout():
    # 03/04/2021 alone could be either; 15/08/2021 can only be day first
    c = load(["15/08/2021", "03/04/2021"])
    assert c.docs.date.tolist() == [pd.Timestamp("2021-08-15"), pd.Timestamp("2021-04-03")]
    assert notes(c) == ["numeric dates read day first (15/08/2021 can only be day first)"]


def test_a_column_of_month_first_dates_is_read_month_first_throughout():
    c = load(["08/15/2021", "03/04/2021", "12.25.21"])
    assert c.docs.date.tolist() == [
        pd.Timestamp("2021-08-15"),
        pd.Timestamp("2021-03-04"),
        pd.Timestamp("2021-12-25"),
    ]
    assert notes(c) == ["numeric dates read month first (08/15/2021 can only be month first)"]


def test_conflicting_orders_follow_the_majority_and_report_the_rest():
    c = load(["15/08/2021", "16/08/2021", "08/17/2021"])
    assert c.docs.date.tolist()[:2] == [pd.Timestamp("2021-08-15"), pd.Timestamp("2021-08-16")]
    assert pd.isna(c.docs.date.iloc[2])
    assert notes(c)[0].startswith("numeric dates are written both day first (2, e.g. 15/08/2021)")
    bad = c.report[c.report.doc_id == "doc3"].iloc[0]
    assert bad.reason.startswith("date could not be parsed: month 17 is out of range")
    assert bad.detail == "08/17/2021"


def test_ambiguous_numeric_dates_are_reported():
    c = load(["03/04/2021", "05/06/2021"])
    assert c.docs.date.tolist() == [pd.Timestamp("2021-03-04"), pd.Timestamp("2021-05-06")]
    assert "could be day or month first; read month first" in notes(c)[0]


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("2021-13-45", "month 13 is out of range (1 to 12)"),
        ("2021-02-30", "day 30 is out of range for February 2021 (1 to 28)"),
        ("20211345", "month 13 is out of range (1 to 12)"),
        ("2021-08-15 25:00", "the time 25:00 is out of range"),
        (123, "a number, not a date (numbers are read as dates only as YYYYMMDD)"),
        ("soon", "not a date in a form pandas reads"),
    ],
)
def test_values_that_are_not_dates_say_what_is_wrong(value, why):
    c = load(["2021-08-15", value])
    assert pd.isna(c.docs.date.iloc[1])
    row = c.report[c.report.doc_id == "doc2"].iloc[0]
    assert row.reason.startswith(f"date could not be parsed: {why}")
    assert row.reason.endswith("; left empty") and row.detail == str(value)


def test_time_zones_and_written_dates():
    col = parse_dates(pd.Series(["2021-08-15T18:00:00+04:30", "15 August 2021", None]))
    assert col.dates.tolist()[:2] == [
        pd.Timestamp("2021-08-15 13:30:00"),
        pd.Timestamp("2021-08-15"),
    ]
    assert pd.isna(col.dates.iloc[2]) and not col.problems

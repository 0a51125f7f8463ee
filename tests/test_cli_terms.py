"""The freq, collocates, keyness and sentiment commands print the API's tables."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

import toolkit
from toolkit.cli import main

from .conftest import DATA


@pytest.fixture(scope="module")
def months(tmp_path_factory):
    """Two months of articles as a JSONL table (the sample cut in two)."""
    text = (DATA / "trtworld-2021-07-07-qala-e-naw.txt").read_text("utf-8")
    paragraphs = text.split("\n\n")
    half = len(paragraphs) // 2
    rows = [
        {
            "id": "july",
            "date": "2021-07-07",
            "source": "TRT World",
            "body": "\n\n".join(paragraphs[:half]),
        },
        {
            "id": "august",
            "date": "2021-08-16",
            "source": "TRT World",
            "body": "\n\n".join(paragraphs[half:]),
        },
        {
            "id": "august2",
            "date": "2021-08-20",
            "source": "Wire",
            "body": "The airport was chaos. Evacuation flights left the airport.",
        },
    ]
    path = tmp_path_factory.mktemp("months") / "months.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return path


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch):
    """A terminal wide enough for the first line to stay one line."""
    monkeypatch.setenv("COLUMNS", "200")


def _csv(capsys) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(capsys.readouterr().out))


def test_freq_matches_count_terms(capsys):
    assert main(["freq", str(DATA), "--format", "csv"]) == 0
    table = _csv(capsys)
    expected = toolkit.count_terms(DATA, stopwords="english")
    assert table["term"].tolist() == expected["term"].tolist()
    assert table["count"].tolist() == expected["count"].tolist()
    assert (
        main(["freq", str(DATA), "--keep-stopwords", "-n", "2", "--top", "5", "--format", "csv"])
        == 0
    )
    captured = capsys.readouterr()
    bigrams = pd.read_csv(io.StringIO(captured.out))
    assert bigrams["term"].tolist() == toolkit.count_terms(DATA, n=2)["term"].head(5).tolist()
    assert "(the first 5 shown)" in captured.err and "function words" not in captured.err


def test_freq_table_by_month(capsys, months):
    assert (
        main(
            [
                "freq",
                str(months),
                "--text-col",
                "body",
                "--id-col",
                "id",
                "--by",
                "month",
                "--min-count",
                "3",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert " of 3 documents; function words left out" in out[0]
    assert out[1].split() == ["month", "term", "count", "documents", "per_1k_tokens"]
    assert {line.split()[0] for line in out[2:]} == {"2021-07", "2021-08"}


def test_collocates_command(capsys):
    assert main(["collocates", str(DATA), "Taliban", "--window", "3", "--format", "csv"]) == 0
    table = _csv(capsys)
    expected = toolkit.collocates(DATA, "Taliban", window=3)
    assert table["collocate"].tolist() == expected["collocate"].tolist()
    assert main(["collocates", str(DATA), "Taliban", "--window", "3", "--top", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{len(expected)} collocates of Taliban (20 hits, 3 words each side)")
    assert out[1].split()[:3] == ["collocate", "count", "logdice"] and len(out) == 5


def test_keyness_command(capsys, months):
    common = ["--text-col", "body", "--id-col", "id", "--min-count", "2"]
    assert (
        main(["keyness", str(months), "--target", "date=2021-08", *common, "--format", "csv"]) == 0
    )
    table = _csv(capsys)
    corpus = toolkit.load_corpus(months, text_col="body", id_col="id", progress=False)
    expected = toolkit.keyness(corpus, {"date": "2021-08"}, min_count=2, stopwords="english")
    assert table["term"].tolist() == expected["term"].tolist()
    assert "airport" in set(table.loc[table["g2"] > 0, "term"])
    assert (
        main(
            [
                "keyness",
                str(months),
                "--target",
                "source=Wire",
                "--reference",
                "source=TRT World",
                *common,
                "--keep-stopwords",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert "target 1 document" in out[0] and "reference 2 documents" in out[0]
    assert (
        main(
            ["keyness", str(months), "--target-docs", "july", *common, "--reference-docs", "august"]
        )
        == 0
    )
    assert "target 1 document" in capsys.readouterr().out
    assert main(["keyness", str(months), *common]) == 2
    assert "--target COLUMN=VALUE" in capsys.readouterr().err
    assert main(["keyness", str(months), "--target", "august", *common]) == 2
    assert "write COLUMN=VALUE" in capsys.readouterr().err
    assert main(["keyness", str(months), "--target", "source=Nobody", *common]) == 2
    assert "selects no documents" in capsys.readouterr().err


def test_keyness_against_a_reference_corpus(capsys, months):
    args = ["keyness", str(months), "--text-col", "body", "--id-col", "id", "--min-count", "1"]
    assert (
        main([*args, "--target", "source=Wire", "--reference-corpus", str(DATA), "--format", "csv"])
        == 0
    )
    table = _csv(capsys)
    corpus = toolkit.load_corpus(months, text_col="body", id_col="id", progress=False)
    expected = toolkit.keyness(
        corpus,
        {"source": "Wire"},
        reference=toolkit.load_corpus(DATA),
        min_count=1,
        stopwords="english",
    )
    assert table["term"].tolist() == expected["term"].tolist()
    assert (
        main(
            [
                *args,
                "--target",
                "source=Wire",
                "--reference",
                "source=TRT World",
                "--reference-corpus",
                str(DATA),
            ]
        )
        == 2
    )
    assert "give the reference once" in capsys.readouterr().err


def test_sentiment_command(capsys, months):
    assert main(["sentiment", str(DATA), "--format", "csv"]) == 0
    table = _csv(capsys)
    quotes = toolkit.score_sentiment(toolkit.extract_quotes(DATA))
    expected = toolkit.sentiment_by_speaker(quotes)
    assert table["speaker"].tolist() == expected["speaker"].tolist()
    assert table["mean_compound"].round(6).tolist() == expected["mean_compound"].round(6).tolist()
    assert table["doc_ids"].tolist()[0] == "trtworld-2021-07-07-qala-e-naw"
    assert main(["sentiment", str(DATA), "--kind", "direct", "--by", "kind"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("6 scored quotations in 1 document")
    assert out[2].split()[:2] == ["direct", "6"]
    assert (
        main(["sentiment", str(months), "--text-col", "body", "--id-col", "id", "--by", "month"])
        == 0
    )
    months_out = capsys.readouterr().out.splitlines()
    assert sorted(line.split()[0] for line in months_out[2:]) == ["2021-07", "2021-08"]
    assert main(["sentiment", str(DATA), "--scores", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == len(quotes) and {"compound", "speaker", "start"} <= set(rows[0])

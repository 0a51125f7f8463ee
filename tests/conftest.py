"""Shared fixtures: the bundled sample (and its quotation table), the shared corpora
when present, and helpers to read quotations of inline texts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

import toolkit

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SAMPLE = DATA / "trtworld-2021-07-07-qala-e-naw.txt"
WHITEHOUSE = DATA / "whitehouse-afghanistan-2021"  # the bundled corpus (public domain)
SHARED = ROOT.parent / "shared"

# A briefing transcript: a narrated first line, two labelled turns (one over two
# paragraphs) and a press question.
BRIEFING = (
    "Press Secretary Jen Psaki and National Security Advisor Jake Sullivan briefed reporters.\n\n"
    "MS. PSAKI: Good afternoon. President Biden will speak on Afghanistan today.\n\n"
    "I think we will get every American out who wants to leave.\n\n"
    "Q Will the President take questions?\n\n"
    "MR. SULLIVAN: He will. We want to work with our allies, and I believe we can do it.\n\n"
    "END"
)


def shared_path(*parts: str) -> Path:
    """A path in the shared data beside the project; skip the test when absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not present: {Path('..', 'shared', *parts)}")
    return path


def nltk_data_available(resource: str) -> bool:
    """True when NLTK_DATA is set and holds ``resource`` (e.g. 'taggers/averaged_perceptron_tagger_eng')."""
    if not os.environ.get("NLTK_DATA"):
        return False
    import nltk

    try:
        nltk.data.find(resource)
    except LookupError:
        return False
    return True


@pytest.fixture(scope="session")
def sample_corpus() -> toolkit.Corpus:
    """The bundled sample article, cleaned (the default)."""
    return toolkit.load_corpus(DATA, progress=False)


@pytest.fixture(scope="session")
def sample_raw_corpus() -> toolkit.Corpus:
    """The bundled sample article with cleaning off."""
    return toolkit.load_corpus(DATA, clean=False, progress=False)


@pytest.fixture(scope="session")
def whitehouse_report(tmp_path_factory) -> Path:
    """The report of every curated notebook on the bundled White House corpus, as
    the README's command writes it (run once: about two minutes)."""
    from toolkit.cli import main

    out = tmp_path_factory.mktemp("wh-report")
    assert main(["report", str(WHITEHOUSE), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def sample_quotes(sample_corpus) -> pd.DataFrame:
    """The quotation table ``extract_quotes`` makes of the bundled sample."""
    return toolkit.extract_quotes(sample_corpus)


def quotes_of(*texts: str, clean: bool = True) -> pd.DataFrame:
    """The quotation table of a corpus made of ``texts``."""
    corpus = toolkit.load_corpus(list(texts), clean=clean, progress=False)
    return toolkit.extract_quotes(corpus)


def row_starting(table: pd.DataFrame, prefix: str) -> pd.Series:
    """The one row of ``table`` whose text starts with ``prefix``."""
    hits = table[table["text"].str.startswith(prefix)]
    assert len(hits) == 1, f"expected one row starting {prefix!r}, got {len(hits)}"
    return hits.iloc[0]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def run_guarded(code: str, *, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run Python ``code`` in a fresh interpreter in the project folder, failing the
    test if it has not finished after ``timeout`` seconds: a hang guard for code that
    could spin inside C (a regex engine), where no signal or thread can stop it."""
    try:
        return subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {timeout:g} s (a hang): {code}")

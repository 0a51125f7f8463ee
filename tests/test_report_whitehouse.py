"""The report on a real corpus: the White House briefings and statements on
Afghanistan (177 documents, about a million words), bundled in
``data/whitehouse-afghanistan-2021``. Every curated notebook runs on it, the
study of that corpus (notebook 06) too. What a researcher handing the pages on
needs: small pages, no code, no machine paths, labels in words, long tables cut
with the full table beside them, function words out of the keyness table."""

from __future__ import annotations

import html
import json
import re

import pandas as pd
import pytest

from toolkit.analyses.stopwords import stopword_list
from toolkit.report import report_notebooks

from .conftest import ROOT, SHARED, WHITEHOUSE

NOTEBOOKS = [p.stem for p in report_notebooks(WHITEHOUSE)]
MAX_PAGE = 3_000_000  # bytes


@pytest.fixture(scope="module")
def report(whitehouse_report):
    out = whitehouse_report
    pages = {name: (out / f"{name}.html").read_text("utf-8") for name in NOTEBOOKS}
    return out, pages


def test_every_notebook_runs_and_the_study_only_here():
    every = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert every == NOTEBOOKS and NOTEBOOKS[-1] == "06-study-withdrawal-or-defeat"


def _text(page: str) -> str:
    """What the page says, without its markup, styles and scripts."""
    page = re.sub(r"(?s)<(style|script)[^>]*>.*?</\1>", " ", page)
    page = re.sub(r"</?(b|i|em|strong|span|mark|code|a|sup|small)\b[^>]*>", "", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_every_page_is_small_and_says_what_the_corpus_holds(report):
    out, pages = report
    for name, page in pages.items():
        assert (out / f"{name}.html").stat().st_size < MAX_PAGE, name
        text = " ".join(_text(page).split())
        assert (
            "Corpus: whitehouse-afghanistan-2021, 177 documents, 1.04 million words, "
            "2021-01-22 to 2022-12-20." in text
        ), name
        assert "How to read this page." in text and "Its limits." in text, name
    index = (out / "index.html").read_text("utf-8")
    assert all(f'href="{name}.html"' in index for name in NOTEBOOKS)


def test_no_code_no_paths_no_warnings(report):
    out, pages = report
    machine = [str(ROOT), str(SHARED.resolve()), str(out)]
    for name, page in pages.items():
        text = _text(page)
        assert "import toolkit" not in text and "load_corpus(" not in text, name
        assert "UserWarning" not in page and "constrained_layout" not in page, name
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in page, name
        assert not [p for p in machine if p in page], name
        notebook = (out / "notebooks" / f"{name}.ipynb").read_text("utf-8")
        assert not [p for p in machine if p in notebook], name


def test_labels_are_words_not_python_values(report):
    _, pages = report
    for name, page in pages.items():
        text = _text(page)
        for python in (": ()", "('direct'", ": False", ": True", " 1 hits", " 1 documents"):
            assert python not in text, (name, python)
    dashboard = _text(pages["00-explorer-dashboard"])
    assert "Actors: all" in dashboard and "Kinds: direct, partial, indirect" in dashboard


def test_long_tables_show_25_rows_and_link_the_rest(report):
    out, pages = report
    linked = 0
    for name, page in pages.items():
        for table in re.findall(r"(?s)<table.*?</table>", page):
            assert table.count("<tr") <= 26, name  # a header row and 25 rows at most
        for href in re.findall(r'<a href="(tables/[^"]+\.csv)">', page):
            assert (out / href).exists(), href
            linked += 1
    assert linked >= 10
    speakers = sorted(out.glob("tables/04-*-speakers.csv"))[0]
    assert len(pd.read_csv(speakers)) > 25


def test_contexts_never_cut_words_in_half(report):
    out, pages = report
    page = pages["01-getting-started-kwic"]
    full = pd.read_csv(sorted(out.glob("tables/01-*-kwic.csv"))[0])
    table = page.split('class="toolkit-kwic"', 1)[1].split("</table>", 1)[0]
    lefts = re.findall(r'text-align:right">([^<]*)</td>', table)
    assert len(lefts) == 25
    for shown, row in zip(lefts, full.itertuples(index=False), strict=False):
        shown = html.unescape(shown)
        whole = " ".join(str(row.left).split())
        kept = shown.removeprefix("\u2026")
        assert whole.endswith(kept)
        assert kept == whole or whole[-len(kept) - 1] == " "


def test_keyness_leaves_function_words_out(report):
    out, _ = report
    keyness = pd.read_csv(sorted(out.glob("tables/03-*-keyness.csv"))[0])
    top = keyness["term"].head(25).tolist()
    assert not set(top) & stopword_list()
    assert "airport" in top[:5]
    nb = json.loads((out / "notebooks" / "03-framing-defeat-withdrawal.ipynb").read_text("utf-8"))
    assert nb["metadata"]["papermill"]["parameters"]["CORPUS"] == "whitehouse-afghanistan-2021"

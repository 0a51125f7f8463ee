"""The HTML report in a real browser, as the colleague it is handed to sees it:
no code, the corpus in a sentence, how to read the page at its top, every figure
drawn, and the full tables a click away. Takes the README's pictures of it."""

from __future__ import annotations

import pytest

from toolkit.report import report_notebooks, run_report

from ..conftest import DATA
from .conftest import SCREENSHOTS, screenshots_wanted

pytestmark = pytest.mark.e2e

NOTEBOOKS = [p.stem for p in report_notebooks(DATA)]  # the sample's report


@pytest.fixture(scope="module")
def report_folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    table = run_report(DATA, out, echo=False)
    assert table["status"].tolist() == ["ok"] * len(NOTEBOOKS)
    return out


def _broken_images(page) -> int:
    return page.evaluate(
        "() => [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).length"
    )


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_report_page_reads_as_a_document(page, report_folder, name):
    page.goto((report_folder / f"{name}.html").as_uri())
    body = page.locator("body")
    body.wait_for()
    text = body.inner_text()
    assert "How to read this page." in text and "Its limits." in text
    assert "Corpus: data, 1 document, 926 words, 2021-07-07." in text
    for code in ("import toolkit", "load_corpus(", "prepare_kernel", "# Parameters"):
        assert code not in text
    assert "UserWarning" not in text and "Traceback" not in text
    # the reading box comes before the first section
    first_section = page.locator("h2").first.inner_text()
    assert text.index("How to read this page.") < text.index(first_section)
    assert page.locator("img").count() >= 1 and _broken_images(page) == 0
    links = page.locator('a[href^="tables/"]')
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href")
        assert (report_folder / href).is_file(), href


def test_index_links_every_page(page, report_folder):
    page.goto((report_folder / "index.html").as_uri())
    titles = page.locator("ol li > a").all_text_contents()
    assert len(titles) == len(NOTEBOOKS) and titles[1].startswith("Getting started")
    page.locator("ol li > a").nth(1).click()
    page.wait_for_load_state()
    assert page.url.endswith("01-getting-started-kwic.html")


@pytest.mark.skipif(not screenshots_wanted(), reason="set TOOLKIT_SCREENSHOTS=1 to take them")
def test_report_screenshots(page, report_folder):
    """The README's two pictures of the report: the top of the getting-started
    page, and the quotations of the speakers page in their article."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto((report_folder / "01-getting-started-kwic.html").as_uri())
    page.locator("h1").first.wait_for()
    page.screenshot(path=str(SCREENSHOTS / "report-getting-started.png"))
    page.goto((report_folder / "04-sentiment-per-speaker.html").as_uri())
    section = page.locator("h2", has_text="Who speaks")
    quotes = page.locator(".toolkit-quotes").first
    quotes.evaluate("q => q.scrollIntoView({block: 'start'})")
    page.evaluate("() => window.scrollBy(0, -90)")
    assert section.count() == 1
    page.screenshot(path=str(SCREENSHOTS / "report-speakers.png"))

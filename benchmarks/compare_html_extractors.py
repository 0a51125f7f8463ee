"""The saved-page extractor (``toolkit.corpus.readers.html``) against trafilatura.

Trafilatura is not a dependency of the toolkit; install it (with
``lxml_html_clean``, which it needs to import) to run this comparison. Pages:

* the saved page of the loading tests (an ``<article>`` with a headline, two
  paragraphs and a photo caption, navigation and footer around it);
* the first ``--pages`` White House documents from ``../shared``, each laid
  into a news-site template (navigation, header with date, share bar, related
  links, footer), so the article's words are known exactly.

Prints, per extractor: word recall and precision against the article's words
(distinct words, lower-cased), how many pages kept the share bar or the
footer, whether the paragraphs survive (paragraph count against the article's),
and the time.

Usage::

    pip install trafilatura lxml_html_clean
    python benchmarks/compare_html_extractors.py [--pages 30]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import statistics
import sys
import time

from _common import SHARED

from toolkit.corpus.readers.html import html_to_text

WHITE_HOUSE = SHARED / "corpus" / "whitehouse-afghanistan-2021" / "wh_afghanistan_2021_2022.jsonl"
TEST_PAGE = """<!DOCTYPE html><html><head><title>Site | Kabul falls</title>
<meta property="og:title" content="Kabul falls to the Taliban"></head><body>
<nav><p>Home | World</p></nav><article><h1>Kabul falls</h1>
<p>The Taliban entered <b>Kabul</b> on Sunday.</p>
<figure><img src="a.jpg"><figcaption>Fighters in Kabul. (AFP)</figcaption></figure>
<p>President Ghani left &amp; the government fell.</p></article>
<footer><p>Copyright</p></footer></body></html>"""
TEST_TEXT = (
    "Kabul falls\n\nThe Taliban entered Kabul on Sunday.\n\nFighters in Kabul. (AFP)"
    "\n\nPresident Ghani left & the government fell."
)


def page_of(record: dict) -> str:
    title = html.escape(record["title"])
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in record["text"].split("\n\n"))
    return (
        f"<!DOCTYPE html><html><head><title>{title} | The White House</title></head><body>"
        "<header><nav><ul><li><a href='/'>Home</a></li><li>Briefing Room</li></ul></nav></header>"
        f"<main><div class='page-header'><h1>{title}</h1><p class='date'>{record['date']}</p></div>"
        f"<section class='body-content'>{paras}</section>"
        "<div class='share'><p>Share this: Twitter Facebook Email</p></div></main>"
        "<aside><h2>Related</h2><p>More briefings</p></aside>"
        "<footer><p>1600 Pennsylvania Ave NW</p><p>Privacy Policy</p></footer></body></html>"
    )


def scores(extracted: str, gold: str) -> tuple[float, float]:
    want = set(re.findall(r"\w+", gold.lower()))
    got = set(re.findall(r"\w+", extracted.lower()))
    shared = len(want & got)
    return shared / len(want), (shared / len(got) if got else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=30)
    args = parser.parse_args()
    try:
        import trafilatura
    except ImportError as exc:
        print(f"trafilatura is not installed ({exc}); pip install trafilatura lxml_html_clean")
        return 0
    pages = [(TEST_PAGE, TEST_TEXT)]
    if WHITE_HOUSE.exists():
        with WHITE_HOUSE.open(encoding="utf-8") as f:
            records = [json.loads(line) for line, _ in zip(f, range(args.pages), strict=False)]
        pages += [(page_of(r), r["title"] + "\n\n" + r["text"]) for r in records]
    extractors = {
        "toolkit html_to_text": lambda page: html_to_text(page)[0],
        "trafilatura.extract": lambda page: trafilatura.extract(page) or "",
    }
    print(
        f"{len(pages)} pages (the test page and {len(pages) - 1} templated White House documents)"
    )
    print()
    print(
        "| extractor | word recall | word precision | share bar kept | footer kept | paragraphs kept | seconds |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, extract in extractors.items():
        t = time.perf_counter()
        outputs = [extract(page) for page, _ in pages]
        seconds = time.perf_counter() - t
        recall, precision = zip(
            *(scores(o, g) for o, (_, g) in zip(outputs, pages, strict=True)), strict=True
        )
        share = sum("Share this" in o for o in outputs)
        footer = sum("Privacy Policy" in o for o in outputs)
        paragraphs = sum(
            len(re.split(r"\n\s*\n|\n", o.strip())) >= g.count("\n\n") + 1
            for o, (_, g) in zip(outputs, pages, strict=True)
        )
        print(
            f"| {name} | {statistics.mean(recall):.3f} | {statistics.mean(precision):.3f} | "
            f"{share} | {footer} | {paragraphs} of {len(pages)} | {seconds:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

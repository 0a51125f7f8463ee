"""Quotations highlighted in the article text."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

import toolkit


def _quotes(rows):
    cols = ["doc_id", "quote_id", "start", "end", "kind", "speaker", "cue", "confidence", "part_of"]
    return pd.DataFrame(rows, columns=cols).assign(text="")


def test_nested_fragment_and_labels():
    text = 'Zarif hailed the "defeat" of US troops. Nothing else.'
    corpus = toolkit.load_corpus([text])
    indirect = (text.index("the"), text.index(" troops") + len(" troops"))
    partial = (text.index('"defeat"'), text.index('"defeat"') + len('"defeat"'))
    quotes = _quotes(
        [
            ("doc1", 0, *indirect, "indirect", "Zarif", "hailed", 0.8, None),
            ("doc1", 1, *partial, "partial", "Zarif", "hailed", 0.8, 0),
        ]
    )
    page = toolkit.quotes_html(quotes, corpus)
    page = page[page.index("<h4") :]  # past the legend
    # the partial span opens inside the indirect one and closes before it
    inner = page.index("background:#d7f5d0")
    outer = page.index("background:#fff3c4")
    assert outer < inner
    assert page.count("\u2014Zarif</sup>") == 1  # one label, on the outer quotation
    assert "&quot;defeat&quot;</span> of US troops</span><sup" in page
    assert "Nothing else." in page


def test_article_text_is_escaped():
    text = 'He said "<script>alert(1)</script>" and <b>left</b>.'
    corpus = toolkit.load_corpus([text])
    quotes = toolkit.extract_quotes(corpus)
    page = toolkit.quotes_html(quotes.assign(speaker="<img src=x onerror=alert(2)>"), corpus)
    assert "<script>" not in page and "<b>left" not in page and "<img" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(2)&gt;" in page


def test_crossing_spans_do_not_break_the_markup():
    text = "one two three four five"
    corpus = toolkit.load_corpus([text])
    quotes = _quotes(
        [
            ("doc1", 0, 0, 13, "indirect", "A", "said", 1.0, None),
            ("doc1", 1, 8, 18, "indirect", "B", "said", 1.0, None),
        ]
    )
    page = toolkit.quotes_html(quotes, corpus)
    assert page.count("<span style") - page.count("padding:0 3px") == 1  # B is left unmarked
    assert page.count("<span") == page.count("</span>")


def test_sample_speakers_and_unknown_doc(sample_corpus):
    quotes = toolkit.extract_quotes(sample_corpus)
    page = toolkit.quotes_html(quotes, sample_corpus)
    for name in ("Husamuddin Shams", "Zabihullah Mujahid", "Mohammad Javad Zarif"):
        assert f"\u2014{name}</sup>" in page
    with pytest.raises(LookupError, match="nope"):
        toolkit.quotes_html(quotes, sample_corpus, doc_ids=["nope"])


def test_contexts_are_cut_between_words():
    left = "the attack on the provincial police headquarters and the governor's compound"
    text = f"{left} was repelled, officials said after the fighting ended late on Tuesday night."
    corpus = toolkit.load_corpus([text], progress=False)
    hits = toolkit.kwic(corpus, "repelled", window=12)
    page = toolkit.kwic_html(hits, chars=30)
    cells = [html.unescape(c) for c in re.findall(r"<td[^>]*>([^<]*)</td>", page)]
    left_cell, right_cell = cells[1], cells[2]
    assert left_cell.startswith("\u2026") and len(left_cell) <= 30
    assert f"{left} was".endswith(left_cell[1:].rstrip())
    assert right_cell.endswith("\u2026")
    words = set(text.replace(",", " ").split())
    assert all(w in words for w in left_cell[1:].split())
    assert all(w in words for w in right_cell[:-1].replace(",", " ").split())
    row = toolkit.show.html.hits_html(hits.assign(frame="x"), corpus, columns=["frame"], chars=20)
    context = html.unescape(re.search(r"white-space:normal\">(.*?)</td>", row).group(1))
    before, after = context.split("<mark", 1)[0], context.split("</mark>", 1)[1]
    assert before.startswith("\u2026") and all(w in words for w in before[1:].split())
    assert after.endswith("\u2026") and all(
        w in words for w in after[:-1].replace(",", " ").split()
    )


def test_table_html_cuts_rows_and_long_cells():
    frame = pd.DataFrame(
        {"left": ["one two three four five six"] * 30, "n": range(30), "text": ["x " * 150] * 30}
    )
    page = toolkit.show.html.table_html(frame, max_rows=25, chars=12)
    assert page.count("<tr>") == 25 and "30 rows; the first 25 shown" in page
    assert "\u2026five six" in page and "one two" not in page
    assert "<script>" not in toolkit.show.html.table_html(pd.DataFrame({"t": ["<script>"]}))
    long_id = "wh-2021-08-31-remarks-by-president-biden-on-the-end-of-the-war-in-afghanistan"
    ids = pd.DataFrame({"first_doc_id": pd.Categorical([long_id]), "n": [1]})
    cell = re.search(r"<td>([^<]*)</td>", toolkit.show.html.table_html(ids)).group(1)
    assert cell == "wh-2021-08-31-remarks-by-president-\u2026" and long_id.startswith(cell[:-1])


def test_full_tables_are_written_beside_the_page_and_linked(tmp_path, sample_corpus):
    from toolkit.show.tables import full_tables, keep_full_tables

    files = keep_full_tables(tmp_path / "tables", prefix="01-kwic", max_rows=2, href_base="tables/")
    try:
        hits = toolkit.kwic(sample_corpus, ["withdraw*", "Taliban"])
        page = toolkit.kwic_html(hits)
        assert page.count("<mark") == 2
        assert '<a href="tables/01-kwic-01-kwic.csv">01-kwic-01-kwic.csv</a>' in page
        written = pd.read_csv(tmp_path / "tables" / "01-kwic-01-kwic.csv")
        assert written["start"].tolist() == hits["start"].tolist()
        page = toolkit.show.html.table_html(toolkit.count_terms(sample_corpus), kind="Word list")
        assert "01-kwic-02-word-list.csv" in page and len(files.written) == 2
        small = toolkit.kwic_html(hits.head(2))
        assert "<a href" not in small and len(files.written) == 2  # short tables stay whole
    finally:
        keep_full_tables(None)
    assert full_tables() is None
    assert "<a href" not in toolkit.kwic_html(hits, max_rows=2)


def test_quotes_html_shows_the_start_of_a_long_document(sample_corpus):
    quotes = toolkit.extract_quotes(sample_corpus)
    text = sample_corpus.docs["text"].iat[0]
    page = toolkit.quotes_html(quotes, sample_corpus, max_chars=1000)
    cut = text.find("\n", 1000)
    assert f"The first {cut:,} of {len(text):,} characters" in page
    shown = html.unescape(re.sub(r"<sup[^>]*>.*?</sup>|<[^>]+>", "", page))
    assert text[cut - 30 : cut] in shown and text[cut + 1 : cut + 60] not in shown
    assert page.count("<span") == page.count("</span>")
    assert "characters of this document" not in toolkit.quotes_html(quotes, sample_corpus)


def test_a_table_written_twice_is_linked_twice_and_written_once(tmp_path, sample_corpus):
    from toolkit.show.tables import keep_full_tables

    hits = toolkit.kwic(sample_corpus, "the")
    try:
        keep_full_tables(tmp_path, prefix="00-dashboard", max_rows=5)
        first = toolkit.kwic_html(hits)
        keep_full_tables(tmp_path, prefix="01-kwic", max_rows=5)  # another page
        second = toolkit.kwic_html(hits)
        toolkit.kwic_html(hits.head(30))
    finally:
        keep_full_tables(None)
    assert "00-dashboard-01-kwic.csv" in first and "00-dashboard-01-kwic.csv" in second
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "00-dashboard-01-kwic.csv",
        "01-kwic-02-kwic.csv",
    ]

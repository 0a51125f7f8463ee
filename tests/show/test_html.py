"""Quotations highlighted in the article text."""

from __future__ import annotations

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

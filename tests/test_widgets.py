"""The explorers driven headlessly: set control values, check what they show."""

from __future__ import annotations

import toolkit
from toolkit.widgets import kwic_explorer


def test_kwic_explorer_follows_its_controls(sample_corpus):
    e = kwic_explorer(sample_corpus)
    assert e.result.empty and e.counter.value.startswith("<b>0</b>")
    e.pattern.value = "withdraw*"
    expected = toolkit.kwic(sample_corpus, "withdraw*")
    assert len(e.result) == len(expected) == 2
    assert "<b>2</b> hits in <b>1</b> document" in e.counter.value
    assert e.table.value.count("<tr>") == 1 + 2
    assert bytes(e.dispersion.value).startswith(b"\x89PNG")

    e.window.value = 2
    assert (
        e.result.left.tolist() == toolkit.kwic(sample_corpus, "withdraw*", window=2).left.tolist()
    )

    e.pattern.value = "pull* out"
    e.sort.value = "1L"
    assert (
        e.result.keyword.tolist()
        == toolkit.kwic(sample_corpus, "pull* out", sort="1L").keyword.tolist()
    )

    e.case_sensitive.value = True
    e.pattern.value = "taliban"
    assert e.result.empty
    e.case_sensitive.value = False
    assert len(e.result) == 20


def test_kwic_explorer_shows_errors_instead_of_raising(sample_corpus):
    e = kwic_explorer(sample_corpus, pattern="Taliban")
    e.match.value = "regex"
    e.pattern.value = "[unclosed"
    assert "not a valid regular expression" in e.status.value
    e.pattern.value = "Talib.n"
    assert e.status.value == "" and len(e.result) == 20


def test_snapshot_for_static_pages(sample_corpus):
    e = kwic_explorer(sample_corpus, pattern="defeat")
    bundle = e._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    snap = bundle["text/html"]
    assert "<mark" in snap and "data:image/png;base64," in snap
    assert "<b>Pattern</b>: defeat" in snap

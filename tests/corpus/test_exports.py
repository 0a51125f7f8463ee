"""News-database exports: the shared samples load with their stated article
counts, every article has a title, body, date and source, and no export
furniture reaches the text; small self-made exports of each layout test the
structure without the shared data."""

from __future__ import annotations

import html as html_module
import re
from functools import cache

import pandas as pd
import pytest

import toolkit
from toolkit.corpus.readers.exports import sniff

from ..conftest import SHARED, shared_path

EXPORTS = ("corpus", "news-exports")
# article counts as the peer packages' own tests count them (see the samples' README)
COUNTS = {
    "factiva/irish-independence_1_2017-11-14.html": 44,
    "factiva/nyt_1_1993-01-03.html": 27,
    "factiva/german-ui.html": 100,
    "nexis-html/guardian_1986-01-01_0001.html": 262,
    "nexis-html/spiegel_2012-02-01_0001.html": 49,
    "lexis-docx/nyt1.docx": 50,
    "lexis-docx/guardian1.docx": 2,
    "lexis-docx/guardian3.docx": 62,
    "lexis-docx/lexistools-sample.DOCX": 10,
    "lexisnexis-academic/lexistools-sample.TXT": 10,
}
# lines of export furniture: field lines, counters, copyright, end markers, document ids
FURNITURE = re.compile(
    r"(?m)^[ \t]*(?:"
    r"(?:BYLINE|SECTION|LENGTH|LOAD-DATE|LANGUAGE|PUBLICATION-TYPE|JOURNAL-CODE|GRAPHIC|"
    r"Length|Byline|Section|Load-Date|Language|Publication-Type|Subject|Classification|"
    r"LÄNGE|RUBRIK|AUTOR|SPRACHE|UPDATE)\s*:"
    r"|\d+ of \d+ DOCUMENTS|End of Document|Copyright \d{4}|(?:Document|Dokument) [A-Za-z0-9]{20,}$"
    r"|(?:HD|BY|WC|PD|SN|SC|LA|CY|LP|TD|AN)[ \t]*$"
    r"|(?:Download Request|Job Number|Client/Matter|Search Terms|Time Of Request):)"
)


@cache
def _load(name: str) -> toolkit.Corpus:
    return toolkit.load_corpus(SHARED.joinpath(*EXPORTS, name), progress=False)


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(COUNTS))
def test_each_sample_loads_with_its_article_count_and_every_field(name):
    shared_path(*EXPORTS, name)
    docs = _load(name).docs
    assert len(docs) == COUNTS[name]
    for column in ("title", "source", "text"):
        values = docs[column].astype(str).str.strip()
        assert (values != "").all() and docs[column].notna().all(), column
    assert docs["date"].notna().all()
    assert docs["date"].between(pd.Timestamp("1980-01-01"), pd.Timestamp("2025-01-01")).all()
    assert docs["doc_id"].is_unique


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(COUNTS))
def test_no_export_furniture_in_the_text(name):
    shared_path(*EXPORTS, name)
    corpus = _load(name)
    offenders = [
        (d, m.group(0))
        for d, t in zip(corpus.docs.doc_id, corpus.docs.text, strict=True)
        for m in FURNITURE.finditer(t)
    ]
    assert offenders == []
    # the fields went to columns instead
    assert corpus.docs["length"].notna().mean() > 0.9
    assert pd.api.types.is_numeric_dtype(corpus.docs["length"])


@pytest.mark.shared
def test_per_article_fields_become_columns():
    docs = _load("lexisnexis-academic/lexistools-sample.TXT").docs
    first = docs.iloc[0]
    assert first.source == "Guardian.com" and first.title == "Lorem ipsum dolor sit amet"
    assert first.date == pd.Timestamp("2010-01-11")
    assert (first.byline, first.length, first.language) == ("Andrew Sparrow", 355, "ENGLISH")
    assert first.load_date == "January 11, 2010"
    assert first.copyright.startswith("Copyright 2010 Guardian Unlimited")
    assert docs.section.dropna().str.contains(r"Pg\. \d+").all()
    factiva = _load("factiva/irish-independence_1_2017-11-14.html").docs
    assert factiva.document_id.str.fullmatch(r"IINM\w{21}").all()
    assert (factiva.source_code == "IINM").all() and (factiva.language == "English").all()
    german = _load("factiva/german-ui.html").docs
    assert not german.title.str.match(r"\d+\)").any()  # Factiva's numbering is not the title
    assert (german.language == "Deutsch").all()


@pytest.mark.shared
def test_length_and_load_date_lines_are_never_speakers():
    corpus = _load("lexisnexis-academic/lexistools-sample.TXT")
    quotes = toolkit.extract_quotes(corpus)
    names = set(quotes["speaker"].dropna().str.upper())
    assert not names & {"LENGTH", "LOAD-DATE", "BYLINE", "LANGUAGE", "PUBLICATION-TYPE"}


@pytest.mark.shared
@pytest.mark.parametrize(
    "name",
    ["factiva/irish-independence_1_2017-11-14.html", "nexis-html/spiegel_2012-02-01_0001.html"],
)
def test_highlighted_words_stay_in_the_text(name):
    path = shared_path(*EXPORTS, name)
    html = path.read_bytes().decode("utf-8", errors="replace")
    if name.startswith("factiva"):
        bold = re.findall(
            r"articleParagraph[^>]*>[^<]*(?:<(?!/p)[^>]*>[^<]*)*?<b>([^<]+)</b>", html
        )
    else:
        styles = dict(re.findall(r"\.(c\d+) \{([^}]*)\}", html))
        bold_classes = [c for c, rule in styles.items() if "bold" in rule and "14pt" not in rule]
        bold = [w for c in bold_classes for w in re.findall(rf'CLASS="{c}">([^<:]+)</SPAN>', html)]
    words = {" ".join(html_module.unescape(w).split()) for w in bold if w.strip()}
    assert words
    docs = _load(name).docs
    # in the body, or in the headline, date line or a field (a search term in a section name)
    text = " ".join(" ".join(map(str, docs[c])) for c in docs.columns)
    assert [w for w in words if w not in text] == []


@pytest.mark.shared
def test_a_folder_of_exports_loads_every_file():
    folder = shared_path(*EXPORTS)
    corpus = toolkit.load_corpus(folder, progress=False)
    assert len(corpus) == sum(COUNTS.values())
    read = corpus.report[corpus.report.action == "extracted"]
    assert len(read) == len(COUNTS)
    assert corpus.report[corpus.report.reason.str.contains("request header")].shape[0] >= 3


# ------------------------------------------------------------------ self-made exports

LEXIS_TEXT = """Download Request: Selected Items: 1-2
Time Of Request: Monday, August 16, 2021  09:00:00
Terms: (Kabul)

                               1 of 2 DOCUMENTS

                             The Example Post

                           August 15, 2021 Sunday
                              Late Edition

Taliban enter Kabul

BYLINE: Ann Writer

SECTION: WORLD; Pg. 1

LENGTH: 12 words

The Taliban entered Kabul on Sunday, officials said.

The president had left the country.

LOAD-DATE: August 16, 2021

LANGUAGE: ENGLISH

PUBLICATION-TYPE: Newspaper

                    Copyright 2021 Example Post Company
                              All Rights Reserved

                               2 of 2 DOCUMENTS

                             Der Beispielbote

                          16. August 2021 Montag

Kabul gefallen

LÄNGE: 5 Wörter

Kabul ist gefallen, hieß es.

SPRACHE: GERMAN; DEUTSCH
"""


def test_lexis_text_export_is_split_into_articles(tmp_path):
    path = tmp_path / "export.txt"
    path.write_text(LEXIS_TEXT, "utf-8")
    corpus = toolkit.load_corpus(path)
    docs = corpus.docs
    assert docs.doc_id.tolist() == ["export-1", "export-2"]
    assert docs.title.tolist() == ["Taliban enter Kabul", "Kabul gefallen"]
    assert docs.source.tolist() == ["The Example Post", "Der Beispielbote"]
    assert docs.date.tolist() == [pd.Timestamp("2021-08-15"), pd.Timestamp("2021-08-16")]
    assert docs.text[0] == (
        "The Taliban entered Kabul on Sunday, officials said.\n\nThe president had left the country."
    )
    assert docs.length.tolist() == [12, 5]
    assert docs.edition[0] == "Late Edition" and docs.section[0] == "WORLD; Pg. 1"
    assert docs.language.tolist() == ["ENGLISH", "GERMAN; DEUTSCH"]
    header = corpus.report[corpus.report.reason.str.contains("request header")]
    assert "Terms: (Kabul)" in header.detail.iat[0]


def test_an_export_without_articles_is_reported_by_name_and_reason(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "empty.txt").write_text(
        "Download Request: Selected Items: 1-1\n\n      1 of 1 DOCUMENTS\n\n", "utf-8"
    )
    (folder / "good.txt").write_text("Kabul fell.", "utf-8")
    corpus = toolkit.load_corpus(folder)
    assert corpus.docs.doc_id.tolist() == ["good"]
    row = corpus.report[
        corpus.report.path.str.endswith("empty.txt") & (corpus.report.action == "skipped")
    ]
    assert row.reason.iat[-1] == "LexisNexis text export: none of its 1 articles has body text"
    with pytest.raises(ValueError, match=r"empty\.txt.*LexisNexis text export"):
        toolkit.load_corpus(folder / "empty.txt")


FACTIVA_ARTICLE = """<html><body><div id="article-XYZ" class="article"><div class="article enArticle">
<p></p><div>World</div>
<div id="hd"><span class="enHeadline">Taliban take Kabul</span></div>
<div class="author">By Ann Writer</div><div>432 words</div><div>15 August 2021</div>
<div>The Example Post</div><div>EXPO</div><div>A1</div><div>English</div>
<div>(c) 2021 Example Post Company</div><p></p>
<p class="articleParagraph enarticleParagraph">The <b>Taliban</b> entered Kabul.</p>
<p class="articleParagraph enarticleParagraph">The president had left.</p>
<p>Example Post Company</p><p>Document EXPO000020210815eh8f0001a</p>
</div></div></body></html>"""

FACTIVA_CODED = """<html><body><div class="article zhcnArticle"><table>
<tr><td class="index"><b>HD</b></td><td><span class="zhcnHeadline">塔利班进入喀布尔</span></td></tr>
<tr><td><b>WC</b></td><td>120 字</td></tr>
<tr><td><b>PD</b></td><td>2021 年 8 月 15 日</td></tr>
<tr><td><b>SN</b></td><td>示例日报</td></tr>
<tr><td><b>SC</b></td><td>EXDR</td></tr>
<tr><td><b>LA</b></td><td>中文(简体)</td></tr>
<tr><td><b>LP</b></td><td><p class="articleParagraph">塔利班周日进入喀布尔。</p></td></tr>
<tr><td><b>TD</b></td><td><p class="articleParagraph">总统已离开。</p></td></tr>
<tr><td><b>NS</b></td><td>gpol : Domestic Politics</td></tr>
<tr><td><b>AN</b></td><td>Document EXDR000020210815eh8f0000b</td></tr>
</table></div>
<div class="article koArticle"><table>
<tr><td><b>HD</b></td><td>탈레반, 카불 진입</td></tr>
<tr><td><b>PD</b></td><td>2021년 8월 16일</td></tr>
<tr><td><b>SN</b></td><td>예시일보</td></tr>
<tr><td><b>TD</b></td><td><p class="articleParagraph">탈레반이 카불에 들어갔다.</p></td></tr>
</table></div></body></html>"""


def test_factiva_article_layout(tmp_path):
    path = tmp_path / "search-results.aspx"  # recognised by content, whatever the name
    path.write_text(FACTIVA_ARTICLE, "utf-8")
    docs = toolkit.load_corpus(path).docs
    row = docs.iloc[0]
    assert (row.title, row.source, row.date) == (
        "Taliban take Kabul",
        "The Example Post",
        pd.Timestamp("2021-08-15"),
    )
    assert row.text == "The Taliban entered Kabul.\n\nThe president had left."
    assert (row.byline, row.length, row.section, row.source_code) == (
        "By Ann Writer",
        432,
        "World",
        "EXPO",
    )
    assert (row.page, row.language, row.document_id) == (
        "A1",
        "English",
        "EXPO000020210815eh8f0001a",
    )
    assert row.copyright == "(c) 2021 Example Post Company"


def test_factiva_field_codes_become_columns_and_chinese_korean_dates_parse(tmp_path):
    path = tmp_path / "factiva.htm"
    path.write_text(FACTIVA_CODED, "utf-8")
    docs = toolkit.load_corpus(path).docs
    assert docs.title.tolist() == ["塔利班进入喀布尔", "탈레반, 카불 진입"]
    assert docs.date.tolist() == [pd.Timestamp("2021-08-15"), pd.Timestamp("2021-08-16")]
    assert docs.source.tolist() == ["示例日报", "예시일보"]
    assert docs.text[0] == "塔利班周日进入喀布尔。\n\n总统已离开。"
    assert docs.document_id[0] == "EXDR000020210815eh8f0000b" and docs.length[0] == 120
    assert docs.subjects[0] == "gpol : Domestic Politics"
    assert not docs.text.str.contains(r"\b(?:HD|PD|AN|NS)\b").any()


NEXIS_HTML = """<HTML><HEAD><STYLE TYPE="text/css"><!--
.c0 { text-align: center; }
.c1 { font-family: Arial; font-weight: normal; }
.c2 { text-align: left; }
.c3 { font-family: Arial; font-weight: bold; }
--></STYLE></HEAD><BODY>
<DIV CLASS="c2"><P><SPAN CLASS="c1">Download Request: Selected Items: 1-1</SPAN></P></DIV>
<!-- Hide XML section from browser <DOC NUMBER=1> <DOCFULL> -->
<DIV CLASS="c0"><P><SPAN CLASS="c1">1 of 1 DOCUMENTS</SPAN></P></DIV>
<DIV CLASS="c0"><P><SPAN CLASS="c1">The Example Post</SPAN></P></DIV>
<DIV CLASS="c0"><P><SPAN CLASS="c1">August 15, 2021 Sunday</SPAN></P></DIV>
<DIV CLASS="c2"><P><SPAN CLASS="c3">Taliban enter Kabul</SPAN></P></DIV>
<DIV CLASS="c2"><P><SPAN CLASS="c3">BYLINE: </SPAN><SPAN CLASS="c1">Ann Writer</SPAN></P></DIV>
<DIV CLASS="c2"><P><SPAN CLASS="c3">LENGTH: </SPAN><SPAN CLASS="c1">9 words</SPAN></P></DIV>
<DIV CLASS="c2"><P><SPAN CLASS="c1">The </SPAN><SPAN CLASS="c3">Taliban</SPAN><SPAN CLASS="c1"> entered Kabul.</SPAN></P>
<P><SPAN CLASS="c1">The president had left.</SPAN></P></DIV>
<DIV CLASS="c2"><P><SPAN CLASS="c3">LOAD-DATE: </SPAN><SPAN CLASS="c1">August 16, 2021</SPAN></P></DIV>
<DIV CLASS="c0"><P><SPAN CLASS="c1">Copyright 2021 Example Post Company</SPAN></P></DIV>
<!-- Hide XML section from browser </DOCFULL> </DOC> -->
</BODY></HTML>"""


def test_nexis_uk_html(tmp_path):
    path = tmp_path / "nexis.HTML"
    path.write_text(NEXIS_HTML, "utf-8")
    docs = toolkit.load_corpus(path).docs
    row = docs.iloc[0]
    assert (row.title, row.source, row.date) == (
        "Taliban enter Kabul",
        "The Example Post",
        pd.Timestamp("2021-08-15"),
    )
    assert row.text == "The Taliban entered Kabul.\n\nThe president had left."
    assert (row.byline, row.length, row.load_date) == ("Ann Writer", 9, "August 16, 2021")
    assert row.copyright == "Copyright 2021 Example Post Company"


def _nexis_uni_docx(path, articles):
    docx = pytest.importorskip("docx")
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = docx.Document()

    def field(label, value):
        p = doc.add_paragraph()
        p.add_run(label).bold = True
        p.add_run("\u00a0" + value)

    field("Job Number: ", "1234")
    doc.add_paragraph("Documents (2)")
    for i, (title, _, _, _) in enumerate(articles, start=1):
        doc.add_paragraph(f"{i}. {title}")
        field("Client/Matter: ", "-None-")
        field("Search Terms: ", "Kabul")
    for title, source, date, body in articles:
        for line in (title, source, date):
            doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
        doc.add_paragraph("Copyright 2021 Example Company All Rights Reserved")
        field("Section:", "WORLD")
        field("Length:", f"{len(body.split())} words")
        doc.add_paragraph().add_run("Body").bold = True
        for para in body.split("\n\n"):
            doc.add_paragraph(para)
        doc.add_paragraph().add_run("Classification").bold = True
        field("Language:", "ENGLISH")
        field("Load-Date:", "August 17, 2021")
        doc.add_paragraph().add_run("End of Document").bold = True
    doc.save(path)


def test_nexis_uni_docx(tmp_path):
    path = tmp_path / "Files (2).DOCX"
    _nexis_uni_docx(
        path,
        [
            (
                "Taliban enter Kabul",
                "The Example Post",
                "August 15, 2021 Sunday",
                "Kabul fell.\n\nThe president left.",
            ),
            (
                "Airlift begins",
                "Example Times",
                "August 16, 2021 Monday 9:20 AM GMT",
                "Planes left Kabul.",
            ),
        ],
    )
    corpus = toolkit.load_corpus(path)
    docs = corpus.docs
    assert docs.title.tolist() == ["Taliban enter Kabul", "Airlift begins"]
    assert docs.source.tolist() == ["The Example Post", "Example Times"]
    assert docs.date.tolist() == [pd.Timestamp("2021-08-15"), pd.Timestamp("2021-08-16")]
    assert docs.text.tolist() == ["Kabul fell.\n\nThe president left.", "Planes left Kabul."]
    assert docs.length.tolist() == [5, 3] and (docs.section == "WORLD").all()
    assert (docs.load_date == "August 17, 2021").all()
    assert docs.copyright[0].startswith("Copyright 2021")
    cover = corpus.report[corpus.report.reason.str.contains("request header")].detail.iat[0]
    assert "Job Number" in cover and "Search Terms" in cover
    assert not corpus.report.reason.str.contains("cover page lists").any()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (LEXIS_TEXT.encode(), "lexis-text"),
        (FACTIVA_ARTICLE.encode(), "factiva"),
        (NEXIS_HTML.encode(), "nexis-html"),
        (b"<html><body><p>A saved page.</p></body></html>", None),
        (b"Kabul fell. 1 of 2 DOCUMENTS were read.", None),
    ],
)
def test_exports_are_told_by_their_content(data, kind):
    assert sniff(data) == kind

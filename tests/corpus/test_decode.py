"""Decoding: Windows-1252 before look-alike code pages, the candidates stated in
the report, and files that are not text named for what they are."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

import toolkit
from toolkit.corpus.readers.decode import choose_encoding, decode_bytes, sniff_format

# Western text that charset-normalizer alone ranks as cp775, Big5-HKSCS or cp1006
ISSUE = "Café … “withdrawal”\u00a0and the troops left\u00a0the city."
WESTERN = [
    ISSUE,
    "Kabul XàX.",  # Big5 reads "X貆"
    "\u00a0 résumé the of in of Ghani Kabul the of Café Ghani and",
    "of ’s Kabul and of ’s and ’s",
    "naïve of Café left said in naïve naïve said of",
    "Kabul said of the Café ’s résumé “withdrawal” in — the naïve résumé résumé",
    "Caf\u00e9 \u2013 \u201cquoted\u201d na\u00efve r\u00e9sum\u00e9.",
]


@pytest.mark.parametrize("text", WESTERN)
def test_western_text_is_read_as_windows_1252(text):
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.reason.endswith("decoded as cp1252, Windows-1252 (Western European)")


def test_the_report_states_the_candidates_and_the_confidence(tmp_path):
    p = tmp_path / "old.txt"
    p.write_bytes(ISSUE.encode("cp1252"))
    c = toolkit.load_corpus(p, clean=False)
    assert c.docs.text.iloc[0] == ISSUE  # not "Cafķ ģ ōwithdrawalö", no "Ā" for NBSP
    row = c.report[c.report.action == "decoded"].iloc[0]
    assert "decoded as cp1252" in row.reason
    assert row.detail.startswith("candidates in order: cp1252 first (mess 0.0%), kept unless")
    assert re.search(r"then charset-normalizer's ranking: (cp\d+ \(mess \d+\.\d%\), )+", row.detail)
    assert row.detail.endswith("chose cp1252, confidence 100%")
    # a short text that other code pages read as cleanly: the tie is pointed out
    detail = decode_bytes(WESTERN[2].encode("cp1252")).detail
    assert detail.endswith("other candidate(s) read as cleanly or more: check the text")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Привет, как дела? Это тест русского текста.", "cp1251"),
        ("Ελληνικά κείμενα για δοκιμή.", "cp1253"),
        ("日本語のテキストです。", "shift_jis"),
        ("Zażółć gęślą jaźń, powiedział minister.", "cp1250"),
    ],
)
def test_text_that_is_mojibake_in_windows_1252_gets_its_own_encoding(text, encoding):
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert "cp1252" not in decoded.reason


def test_choose_encoding_says_when_candidates_tie():
    # Turkish: cp1254 and cp1252 differ in one letter here and read as cleanly
    encoding, detail = choose_encoding("Türkiye'de güçlü bir şekilde söyledi.".encode("cp1254"))
    assert encoding == "cp1252"
    assert "read as cleanly or more: check the text" in detail and "cp1254" in detail


def _zip(*names: str, mimetype: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        if mimetype is not None:
            z.writestr("mimetype", mimetype)
        for name in names:
            z.writestr(name, "<x/>")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256))
DOCX = _zip("[Content_Types].xml", "word/document.xml")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PDF, "a PDF file"),
        (DOCX, "a Word .docx file"),
        (_zip("[Content_Types].xml", "xl/workbook.xml"), "an Excel .xlsx workbook"),
        (
            _zip("content.xml", mimetype=b"application/vnd.oasis.opendocument.text"),
            "an OpenDocument text (.odt) file",
        ),
        (_zip("notes.txt"), "a ZIP archive"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
            "a Word .doc or other old Microsoft Office file",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
    ],
)
def test_files_that_are_not_text_are_named(data, kind):
    assert sniff_format(data) == kind
    assert decode_bytes(data).text is None
    assert decode_bytes(data).reason.startswith(kind) or kind in decode_bytes(data).reason


def test_pdf_and_docx_saved_as_txt_are_reported_as_such(tmp_path):
    # read by their content (toolkit.corpus.readers.exports); these two are broken
    (tmp_path / "good.txt").write_text("Kabul fell.", "utf-8")
    (tmp_path / "report.txt").write_bytes(PDF)
    (tmp_path / "memo.txt").write_bytes(DOCX)
    (tmp_path / "sheet.txt").write_bytes(_zip("[Content_Types].xml", "xl/workbook.xml"))
    c = toolkit.load_corpus(tmp_path)
    assert c.docs.doc_id.tolist() == ["good"]
    reasons = dict(zip(c.report.doc_id, c.report.reason, strict=True))
    assert reasons["report"].startswith("not a readable PDF")
    assert reasons["memo"].startswith("not a readable Word file")
    assert reasons["sheet"].startswith("an Excel .xlsx workbook, not plain text")
    assert not any(r.startswith(("empty", "binary")) for r in reasons.values())
    with pytest.raises(ValueError, match=r"sheet\.txt': an Excel \.xlsx workbook"):
        toolkit.load_corpus(tmp_path / "sheet.txt")

"""Word, RTF and PDF files load as one document each; a PDF without a text layer
is reported with the advice to run OCR."""

from __future__ import annotations

import pandas as pd
import pytest

import toolkit


def _pdf(pages: list[str]) -> bytes:
    """A small PDF with one text line a page (an empty string: a page with no text)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", ""]
    kids = []
    for text in pages:
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET" if text else ""
        content_id = len(objects) + 1
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        page_id = len(objects) + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R "
            "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>"
        )
        kids.append(f"{page_id} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = b"%PDF-1.4\n"
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def test_docx_is_one_document_with_its_paragraphs(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.core_properties.title = "Kabul falls"
    doc.add_heading("Kabul falls", level=1)
    doc.add_paragraph("The Taliban entered Kabul on Sunday.")
    doc.add_paragraph("")
    doc.add_paragraph("The president had left the country, officials said.")
    doc.save(tmp_path / "report.docx")
    corpus = toolkit.load_corpus(tmp_path / "report.docx")
    assert len(corpus) == 1
    row = corpus.docs.iloc[0]
    assert row.doc_id == "report" and row.title == "Kabul falls"
    assert row.text == (
        "Kabul falls\n\nThe Taliban entered Kabul on Sunday.\n\n"
        "The president had left the country, officials said."
    )


def test_rtf_is_read_as_text_not_markup(tmp_path):
    rtf = (
        r"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}\f0\fs24 "
        r"Taliban forces withdraw .\par Kabul fell \u8212? caf\'e9 closed.\par}"
    )
    (tmp_path / "story.rtf").write_text(rtf, "ascii")
    text = toolkit.load_corpus(tmp_path / "story.rtf").docs.text[0]
    assert text == "Taliban forces withdraw .\n\nKabul fell \u2014 caf\u00e9 closed."
    assert "\\par" not in text and "fonttbl" not in text


def test_pdf_text_layer_is_read_page_by_page(tmp_path):
    (tmp_path / "briefing.pdf").write_bytes(
        _pdf(["Kabul fell on Sunday.", "Talks resumed in Doha."])
    )
    corpus = toolkit.load_corpus(tmp_path / "briefing.pdf")
    assert len(corpus) == 1
    assert corpus.docs.text[0] == "Kabul fell on Sunday.\n\nTalks resumed in Doha."


def test_pdf_without_text_layer_is_reported_with_ocr_advice(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(_pdf(["", ""]))
    (tmp_path / "note.txt").write_text("Kabul fell.", "utf-8")
    corpus = toolkit.load_corpus(tmp_path)
    assert corpus.docs.doc_id.tolist() == ["note"]
    row = corpus.report[corpus.report.path.str.endswith("scan.pdf")].iloc[0]
    assert row.action == "skipped" and "no text layer" in row.reason and "OCR" in row.reason
    with pytest.raises(ValueError, match=r"scan\.pdf.*OCR"):
        toolkit.load_corpus(tmp_path / "scan.pdf")


def test_a_folder_mixes_office_files_and_text(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("Word text.")
    doc.save(tmp_path / "a.docx")
    (tmp_path / "b.rtf").write_text(r"{\rtf1 RTF text.\par}", "ascii")
    (tmp_path / "c.pdf").write_bytes(_pdf(["PDF text."]))
    (tmp_path / "d.txt").write_text("Plain text.", "utf-8")
    docs = toolkit.load_corpus(tmp_path).docs
    assert docs.doc_id.tolist() == ["a", "b", "c", "d"]
    assert docs.text.tolist() == ["Word text.", "RTF text.", "PDF text.", "Plain text."]
    assert pd.Series(docs.title).notna().all()

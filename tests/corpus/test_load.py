"""Loading and cleaning: every source type, the sample's metadata and furniture,
and every kind of bad input named in the design (nothing dropped silently)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import toolkit
from toolkit.corpus.readers.decode import decode_bytes

from ..conftest import DATA, SAMPLE

# ------------------------------------------------------------------ the sample


def test_sample_metadata(sample_corpus):
    docs = sample_corpus.docs
    assert list(docs.columns[:7]) == ["doc_id", "title", "date", "source", "url", "text", "raw"]
    row = docs.iloc[0]
    assert row.doc_id == "trtworld-2021-07-07-qala-e-naw"
    assert row.source == "TRT World"
    assert row.date == pd.Timestamp("2021-07-07")
    assert pd.api.types.is_datetime64_any_dtype(docs["date"])
    # the title is the article's first line
    assert row.title.startswith("Government forces have taken back control of police headquarters")
    assert row.title.endswith("Afghan Defence Ministry says.")


def test_sample_cleaning_removes_furniture_and_reports_it(sample_corpus):
    text = sample_corpus.docs.text.iloc[0]
    raw = sample_corpus.docs.raw.iloc[0]
    caption = "Afghan security personnel stand guard along a road"
    assert raw.count(caption) == 2 and text.count(caption) == 1  # the caption is kept once
    assert "(AFP)" in raw and "(AFP)" not in text
    assert "READ MORE" in raw and "READ MORE" not in text
    assert "Source: TRTWorld and agencies" in raw and "Source:" not in text
    assert "\u00a0" in raw and "\u00a0" not in text
    report = sample_corpus.report
    removed = report[report.action == "removed"]
    assert sorted(removed.reason.str.split(" ").str[0]) == [
        "boilerplate",
        "boilerplate",
        "boilerplate",
        "duplicate",
        "source",
    ]
    assert (report.action == "normalised").sum() == 1
    # source was set in the front matter, so the "Source:" line does not replace it
    assert sample_corpus.docs.source.iloc[0] == "TRT World"


def test_cleaning_off_keeps_everything(sample_raw_corpus):
    doc = sample_raw_corpus.docs.iloc[0]
    assert doc.text == doc.raw
    assert (sample_raw_corpus.report.action == "removed").sum() == 0
    kinds = toolkit.paragraphs(sample_raw_corpus).kind
    assert (kinds == "boilerplate").sum() == 4  # three READ MORE lines and the Source line


def test_paragraph_kinds_of_sample(sample_corpus):
    paras = toolkit.paragraphs(sample_corpus)
    by_kind = paras.groupby("kind", observed=False).text.apply(list)
    assert by_kind["subheading"] == [
        "'Advancing and driving the enemy out'",
        "Prisoners escape in Qala-e-Naw",
        "Iran talks",
        "US and NATO exit",
    ]
    assert len(by_kind["caption"]) == 1 and by_kind["caption"][0].startswith("Afghan security")
    assert by_kind["boilerplate"] == []
    text = sample_corpus.docs.text.iloc[0]
    raw = sample_corpus.docs.raw.iloc[0]
    for row in paras.itertuples():
        assert text[row.start : row.end] == row.text
        # raw offsets point at the same paragraph (cleaning only normalises spaces/quotes)
        assert raw[row.raw_start : row.raw_end].replace("\u00a0", " ") == row.text


def test_source_line_becomes_metadata_when_source_empty(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Headline here\n\nBody sentence one.\n\nSource: Agencies", "utf-8"
    )
    c = toolkit.load_corpus(tmp_path)
    assert c.docs.source.iloc[0] == "Agencies"
    assert "Source:" not in c.docs.text.iloc[0]
    assert "metadata" in set(c.report.action)


# ---------------------------------------------------------------- source types


def test_folder_recursive_with_front_matter(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "one.md").write_text(
        "---\ntitle: First\ndate: 2021-08-15\nurl: http://x/1\nsection: world\n---\nKabul fell today.\n",
        "utf-8",
    )
    (tmp_path / "sub" / "two.txt").write_text("Talks resumed in Doha.\n", "utf-8")
    c = toolkit.load_corpus(tmp_path)
    assert c.docs.doc_id.tolist() == ["one", "sub/two"]
    first = c.docs.iloc[0]
    assert first.title == "First" and first.url == "http://x/1" and first.section == "world"
    assert first.date == pd.Timestamp("2021-08-15")
    assert first.text == "Kabul fell today."
    assert c.docs.title.iloc[1] == "Talks resumed in Doha."  # first line when no title


def test_single_file(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("One line story.", "utf-8")
    c = toolkit.load_corpus(p)
    assert c.docs.doc_id.tolist() == ["story"]


def test_csv_with_extra_columns_and_id(tmp_path):
    p = tmp_path / "articles.csv"
    pd.DataFrame(
        {
            "key": ["a1", "a2"],
            "body": ["Troops left.", "Talks failed."],
            "outlet": ["X", "Y"],
            "date": ["2021-08-01", "not a date"],
        }
    ).to_csv(p, index=False)
    c = toolkit.load_corpus(p, text_col="body", id_col="key")
    assert c.docs.doc_id.tolist() == ["a1", "a2"]
    assert c.docs.outlet.tolist() == ["X", "Y"]
    assert c.docs.text.tolist() == ["Troops left.", "Talks failed."]
    assert c.docs.date.iloc[0] == pd.Timestamp("2021-08-01") and pd.isna(c.docs.date.iloc[1])
    bad_date = c.report[c.report.reason.str.contains("date")]
    assert bad_date.detail.tolist() == ["not a date"]


def test_jsonl_bad_line_reported(tmp_path):
    p = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"id": "x", "text": "Troops left."}),
        "{not json",
        json.dumps({"id": "y", "text": "Talks."}),
    ]
    p.write_text("\n".join(lines), "utf-8")
    c = toolkit.load_corpus(p)
    assert c.docs.doc_id.tolist() == ["x", "y"]  # the "id" column is used by default
    skipped = c.report[c.report.action == "skipped"]
    assert skipped.reason.str.startswith("line 2").tolist() == [True]


def test_parquet(tmp_path):
    p = tmp_path / "a.parquet"
    pd.DataFrame({"doc_id": ["p1"], "text": ["Kabul airport was closed."], "n": [3]}).to_parquet(p)
    c = toolkit.load_corpus(p)
    assert c.docs.doc_id.tolist() == ["p1"] and c.docs.n.tolist() == [3]


def test_dataframe_string_and_list():
    df = pd.DataFrame({"text": ["A.", "B."], "lang": ["en", "en"]})
    assert toolkit.load_corpus(df).docs.doc_id.tolist() == ["doc1", "doc2"]
    assert toolkit.load_corpus("The Taliban took the city.").docs.text.tolist() == [
        "The Taliban took the city."
    ]
    assert len(toolkit.load_corpus(["One.", "Two.", "Three."])) == 3
    assert df.columns.tolist() == ["text", "lang"]  # the input is not mutated


def test_as_corpus_passes_a_corpus_through(sample_corpus):
    assert toolkit.as_corpus(sample_corpus) is sample_corpus


def test_subset(sample_corpus):
    c = toolkit.load_corpus(["One.", "Two.", "Three."])
    assert c.subset([False, True, True]).docs.doc_id.tolist() == ["doc2", "doc3"]
    assert c.subset(["doc3"]).docs.text.tolist() == ["Three."]
    with pytest.raises(LookupError, match="doc9"):
        c.subset(["doc9"])
    with pytest.raises(ValueError, match="2 values for 3 documents"):
        c.subset([True, False])


# ------------------------------------------------------------------- bad input


def test_missing_path():
    with pytest.raises(FileNotFoundError, match="missing/"):
        toolkit.load_corpus("missing/")
    with pytest.raises(FileNotFoundError, match=r"nothere\.csv"):
        toolkit.load_corpus("nothere.csv")


def test_empty_folder(tmp_path):
    with pytest.raises(ValueError, match=r"No readable .txt, .md or .html files.*empty"):
        toolkit.load_corpus(tmp_path)


def test_binary_and_other_files_in_folder_are_reported(tmp_path):
    (tmp_path / "good.txt").write_text("Kabul.", "utf-8")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("x", "utf-8")
    c = toolkit.load_corpus(tmp_path)
    assert c.docs.doc_id.tolist() == ["good"]
    skipped = c.report[c.report.action == "skipped"].set_index(
        c.report.path[c.report.action == "skipped"].str.split("/").str[-1]
    )
    assert skipped.loc["photo.txt", "reason"].startswith("binary file")
    assert skipped.loc["notes.pdf", "reason"].startswith("not a readable PDF")
    assert skipped.loc[".hidden.txt", "reason"] == "hidden file"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "Caf\u00e9 \u2013 \u201cquoted\u201d na\u00efve r\u00e9sum\u00e9."),
        ("latin-1", "Ministre des Affaires \u00e9trang\u00e8res, d\u00e9clar\u00e9 \u00e0 Kaboul."),
    ],
)
def test_legacy_encodings_are_decoded_and_reported(tmp_path, encoding, text):
    p = tmp_path / "old.txt"
    p.write_bytes(text.encode(encoding))
    c = toolkit.load_corpus(p, clean=False)
    assert c.docs.text.iloc[0] == text
    decoded = c.report[c.report.action == "decoded"]
    assert len(decoded) == 1 and "not valid UTF-8" in decoded.reason.iloc[0]


def test_utf8_bom_is_removed(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffKabul airport.".encode())
    c = toolkit.load_corpus(p)
    assert c.docs.text.iloc[0] == "Kabul airport." and c.docs.title.iloc[0] == "Kabul airport."


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("Doha talks.".encode("utf-16"))
    c = toolkit.load_corpus(p)
    assert c.docs.text.iloc[0] == "Doha talks."
    assert "UTF-16" in c.report.reason.iloc[0]


def test_decode_bytes_binary():
    assert decode_bytes(b"abc\x00def")[0] is None


def test_empty_file_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text("Kabul.", "utf-8")
    (tmp_path / "empty.txt").write_text("  \n", "utf-8")
    c = toolkit.load_corpus(tmp_path)
    row = c.report[c.report.action == "skipped"].iloc[0]
    assert row.reason == "empty file" and row.path.endswith("empty.txt")
    with pytest.raises(ValueError, match=r"empty file"):
        toolkit.load_corpus(tmp_path / "empty.txt")


def test_csv_without_text_column_lists_columns(tmp_path):
    p = tmp_path / "t.csv"
    pd.DataFrame({"headline": ["x"], "body": ["y"]}).to_csv(p, index=False)
    with pytest.raises(ValueError, match=r"no column 'text'.*headline, body"):
        toolkit.load_corpus(p)


def test_duplicate_ids_made_unique_and_reported():
    df = pd.DataFrame({"doc_id": ["a", "a", "a-2"], "text": ["One.", "Two.", "Three."]})
    c = toolkit.load_corpus(df)
    assert c.docs.doc_id.tolist() == ["a", "a-3", "a-2"]
    renamed = c.report[c.report.action == "renamed"]
    assert renamed.doc_id.tolist() == ["a-3"] and "duplicate doc id 'a'" in renamed.reason.iloc[0]


def test_empty_rows_are_reported():
    df = pd.DataFrame({"id": ["a", "b", "c"], "text": ["One.", None, "  "]})
    c = toolkit.load_corpus(df)
    assert c.docs.doc_id.tolist() == ["a"]
    assert c.report[c.report.action == "skipped"].doc_id.tolist() == ["b", "c"]


def test_big_single_document(tmp_path):
    paragraph = SAMPLE.read_text("utf-8").split("---\n", 2)[2]
    n = 20_000_000 // len(paragraph) + 1
    p = tmp_path / "big.txt"
    p.write_text("\n\n".join([paragraph] * n), "utf-8")
    c = toolkit.load_corpus(p)
    assert len(c.docs.text.iloc[0]) > 15_000_000
    hits = toolkit.kwic(c, "Qala-e-Naw")
    # four per copy: lines 10, 26, 30 and 78 of the original (the caption spells "Qala-e- Naw")
    assert len(hits) == 4 * n


def test_wrong_source_type():
    with pytest.raises(TypeError, match="accepts a folder"):
        toolkit.load_corpus(42)
    with pytest.raises(TypeError, match="must hold strings"):
        toolkit.load_corpus(["ok", 3])


def test_corpus_repr_and_html(sample_corpus):
    assert "1 document" in repr(sample_corpus)
    assert "<table" in sample_corpus._repr_html_()


def test_front_matter_yaml_error_is_reported(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: [unclosed\n---\nBody text.\n", "utf-8")
    c = toolkit.load_corpus(p)
    warning = c.report[c.report.action == "warning"]
    assert len(warning) == 1 and "not valid YAML" in warning.reason.iloc[0]
    assert "Body text." in c.docs.text.iloc[0]


def test_data_folder_is_the_sample_and_the_bundled_corpus():
    assert sorted(p.name for p in DATA.iterdir()) == [SAMPLE.name, "whitehouse-afghanistan-2021"]


def test_saved_html_page(tmp_path):
    page = """<!DOCTYPE html><html><head><title>Site | Kabul falls</title>
    <meta property="og:title" content="Kabul falls to the Taliban">
    <meta property="article:published_time" content="2021-08-15T18:00:00Z">
    <meta property="og:site_name" content="Example News">
    <link rel="canonical" href="https://example.org/kabul"><script>var x = "<p>no</p>";</script>
    </head><body><nav><p>Home | World</p></nav>
    <article><h1>Kabul falls</h1><p>The Taliban entered <b>Kabul</b> on Sunday.</p>
    <figure><img src="a.jpg"><figcaption>Fighters in Kabul. (AFP)</figcaption></figure>
    <p>President Ghani left &amp; the government fell.</p></article>
    <footer><p>Copyright</p></footer></body></html>"""
    (tmp_path / "kabul.html").write_text(page, "utf-8")
    c = toolkit.load_corpus(tmp_path)
    doc = c.docs.iloc[0]
    assert doc.text.split("\n\n") == [
        "Kabul falls",
        "The Taliban entered Kabul on Sunday.",
        "Fighters in Kabul. (AFP)",
        "President Ghani left & the government fell.",
    ]
    assert doc.title == "Kabul falls to the Taliban"
    assert doc.source == "Example News" and doc.url == "https://example.org/kabul"
    assert doc.date == pd.Timestamp("2021-08-15 18:00:00")
    assert toolkit.paragraphs(c).kind.tolist() == ["subheading", "body", "caption", "body"]
    assert (c.report.action == "extracted").sum() == 1


def test_folder_documentation_files_are_not_articles(tmp_path):
    (tmp_path / "README.md").write_text("# About this corpus\n\nCollected in 2021.", "utf-8")
    (tmp_path / "LICENSE.txt").write_text("CC0", "utf-8")
    (tmp_path / "story.txt").write_text("Kabul fell.", "utf-8")
    c = toolkit.load_corpus(tmp_path)
    assert c.docs.doc_id.tolist() == ["story"]
    skipped = c.report[c.report.action == "skipped"]
    assert len(skipped) == 2 and skipped.reason.str.startswith("documentation").all()


def test_folder_with_only_a_table_reads_it(tmp_path):
    (tmp_path / "README.md").write_text("About.", "utf-8")
    pd.DataFrame({"id": ["a"], "body": ["A."]}).to_json(
        tmp_path / "docs.jsonl", orient="records", lines=True
    )
    c = toolkit.load_corpus(tmp_path, text_col="body")
    assert c.docs.doc_id.tolist() == ["a"] and c.docs.text.tolist() == ["A."]
    assert c.report.reason.str.startswith("documentation").sum() == 1
    with pytest.raises(ValueError, match=r"has no column 'text'.*text_col='body'"):
        toolkit.load_corpus(tmp_path)


def test_html_view_of_an_empty_corpus():
    c = toolkit.load_corpus([""])
    assert len(c) == 0 and "0 documents" in repr(c)
    page = c._repr_html_()
    assert "<b>Corpus</b>: 0 documents" in page and "No document was loaded" in page
    assert c.docs.text.str.len().sum() == 0  # the text columns are text, even empty


def test_a_text_too_long_for_a_file_name_is_a_text():
    # no file system takes a 300-character name: the string is a text, not an error
    text = "Troops " * 40 + "left Kabul, officials said on Monday in a long sentence."
    assert len(toolkit.load_corpus(text, progress=False)) == 1
    assert toolkit.extract_quotes(text)["speaker"].tolist() == ["officials"]
    assert toolkit.kwic(text, "troops").shape[0] == 40

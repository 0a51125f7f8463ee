"""Compressed tables (gzip, bzip2, xz), folders that hold a table, and the bundled
White House corpus, read with one call."""

from __future__ import annotations

import bz2
import gzip
import lzma

import pandas as pd
import pytest

import toolkit
from toolkit.corpus.readers.compressed import inner_suffix, read_bytes

from ..conftest import DATA, shared_path

WH = DATA / "whitehouse-afghanistan-2021"

ROWS = pd.DataFrame(
    {
        "id": ["k1", "k2"],
        "text": ["Kabul fell on Sunday.", "Talks resumed in Doha."],
        "date": ["2021-08-15", "2021-09-01"],
        "outlet": ["X", "Y"],
    }
)
COMPRESS = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}


def _table_bytes(suffix: str) -> bytes:
    if suffix == ".csv":
        return ROWS.to_csv(index=False).encode("utf-8")
    if suffix == ".tsv":
        return ROWS.to_csv(index=False, sep="\t").encode("utf-8")
    if suffix == ".json":
        return ROWS.to_json(orient="records").encode("utf-8")
    return ROWS.to_json(orient="records", lines=True).encode("utf-8")


@pytest.mark.parametrize("compression", [".gz", ".bz2", ".xz"])
@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".tsv", ".json"])
def test_a_compressed_table_reads_as_the_plain_one(tmp_path, suffix, compression):
    plain = tmp_path / f"a{suffix}"
    plain.write_bytes(_table_bytes(suffix))
    packed = tmp_path / f"b{suffix}{compression}"
    packed.write_bytes(COMPRESS[compression](_table_bytes(suffix)))
    one = toolkit.load_corpus(plain, progress=False).docs.drop(columns="path")
    two = toolkit.load_corpus(packed, progress=False).docs.drop(columns="path")
    pd.testing.assert_frame_equal(one, two)
    assert two.doc_id.tolist() == ["k1", "k2"] and two.outlet.tolist() == ["X", "Y"]


def test_compressed_parquet(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "a.parquet"
    ROWS.to_parquet(path)
    packed = tmp_path / "b.parquet.gz"
    packed.write_bytes(gzip.compress(path.read_bytes()))
    assert toolkit.load_corpus(packed, progress=False).docs.text.tolist() == ROWS.text.tolist()


def test_inner_suffix_sees_through_the_compression():
    assert inner_suffix("x/Articles.JSONL.GZ") == ".jsonl"
    assert inner_suffix("a.tar.xz") == ".tar"
    assert inner_suffix("notes.txt") == ".txt"


def test_a_file_named_gz_that_is_not_gzip_is_named(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(_table_bytes(".jsonl"))
    with pytest.raises(ValueError, match=r"a\.jsonl\.gz': named as a gzip file"):
        toolkit.load_corpus(path, progress=False)


def test_a_damaged_gzip_file_is_named(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(_table_bytes(".jsonl"))[:30])
    with pytest.raises(ValueError, match=r"a\.jsonl\.gz': could not be decompressed \(gzip\)"):
        read_bytes(path)


def test_a_compressed_article_file_is_explained(tmp_path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(b"Kabul fell."))
    with pytest.raises(ValueError, match=r"compressed file that is not a table"):
        toolkit.load_corpus(path, progress=False)
    (tmp_path / "other.txt").write_text("Doha.", "utf-8")
    c = toolkit.load_corpus(tmp_path, progress=False)
    assert c.docs.doc_id.tolist() == ["other"]
    assert c.report.reason.str.contains("compressed file that is not a table").sum() == 1


def test_a_folder_of_tables_reads_each_row(tmp_path):
    (tmp_path / "README.md").write_text("# About", "utf-8")
    (tmp_path / "2021.jsonl.gz").write_bytes(gzip.compress(_table_bytes(".jsonl")))
    (tmp_path / "more.csv").write_text("id,text\nk3,Troops left.\n", "utf-8")
    c = toolkit.load_corpus(tmp_path, progress=False)
    assert c.docs.doc_id.tolist() == ["k1", "k2", "k3"]
    assert c.docs.path.str.split("/").str[-1].tolist() == ["2021.jsonl.gz"] * 2 + ["more.csv"]


def test_a_table_among_article_files_is_reported_not_read(tmp_path):
    (tmp_path / "story.txt").write_text("Kabul fell.", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "index.csv").write_text("id,text\nk3,Troops left.\n", "utf-8")
    c = toolkit.load_corpus(tmp_path, progress=False)
    assert c.docs.doc_id.tolist() == ["story"]
    skipped = c.report[c.report.action == "skipped"]
    assert len(skipped) == 1 and "load the table on its own" in skipped.reason.iloc[0]
    assert skipped.detail.iloc[0] == "sub/index.csv"  # the file, relative to the folder


# ------------------------------------------------------ the bundled corpus


@pytest.fixture(scope="module")
def whitehouse():
    return toolkit.load_corpus(WH, progress=False)


def test_the_bundled_corpus_loads_with_one_call(whitehouse):
    docs = whitehouse.docs
    assert len(docs) == 177 and docs.doc_id.is_unique
    assert docs.date.min() == pd.Timestamp("2021-01-22")
    assert docs.date.max() == pd.Timestamp("2022-12-20")
    assert docs.category.value_counts().to_dict() == {
        "press-briefings": 93,
        "statements-releases": 50,
        "speeches-remarks": 27,
        "presidential-actions": 6,
        "blog": 1,
    }
    assert (docs.date.dt.strftime("%Y-%m") == "2021-08").sum() == 36
    assert docs.url.str.startswith("https://bidenwhitehouse.archives.gov/briefing-room/").all()
    # the folder's README is documentation, not a document
    assert whitehouse.report.reason.str.startswith("documentation").sum() == 1


def test_the_data_folder_still_loads_only_the_sample():
    c = toolkit.load_corpus(DATA, progress=False)
    assert c.docs.doc_id.tolist() == ["trtworld-2021-07-07-qala-e-naw"]
    skipped = c.report[c.report.action == "skipped"]
    assert skipped.path.str.split("/").str[-1].tolist() == [
        "README.md",
        "wh_afghanistan_2021_2022.jsonl.gz",
    ]


@pytest.mark.shared
def test_the_bundled_corpus_is_the_shared_one_unchanged():
    original = shared_path(
        "corpus", "whitehouse-afghanistan-2021", "wh_afghanistan_2021_2022.jsonl"
    )
    bundled = read_bytes(WH / "wh_afghanistan_2021_2022.jsonl.gz")
    assert bundled == original.read_bytes()

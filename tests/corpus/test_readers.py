"""Readers isolate failures: one unreadable file, line or row is reported with
where it is and why, and never stops, hangs or shifts the rest."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pandas as pd
import pytest

import toolkit
from toolkit.corpus.readers.files import MAX_TEXT_FILE_BYTES

from ..conftest import run_guarded

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX file types")


def reasons(corpus) -> dict[str, str]:
    """Report reasons by file name."""
    names = corpus.report.path.fillna("").str.split("/").str[-1]
    return dict(zip(names, corpus.report.reason, strict=True))


# ------------------------------------------------------------------- folders


def test_file_name_that_is_not_utf8(tmp_path):
    (tmp_path / "good.txt").write_text("Kabul fell.", "utf-8")
    try:
        with open(os.fsencode(tmp_path) + b"/bad\xffname.txt", "wb") as f:
            f.write(b"Troops left Bagram.")
    except OSError:
        pytest.skip("this file system accepts only valid UTF-8 names")
    c = toolkit.load_corpus(tmp_path)
    assert c.docs.doc_id.tolist() == ["bad\ufffdname", "good"]
    assert c.docs.text.tolist() == ["Troops left Bagram.", "Kabul fell."]
    row = c.report[c.report.doc_id == "bad\ufffdname"].iloc[0]
    assert row.action == "warning" and "not valid UTF-8" in row.reason
    assert row.path.endswith("bad\ufffdname.txt")


@posix_only
def test_named_pipe_is_skipped_without_being_opened(tmp_path):
    (tmp_path / "good.txt").write_text("Kabul fell.", "utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    # opening a pipe for reading waits for a writer forever: run it where a hang shows
    result = run_guarded(
        "import toolkit\n"
        f"c = toolkit.load_corpus({str(tmp_path)!r})\n"
        "print(c.docs.doc_id.tolist())\n"
        "print(c.report.reason.tolist())\n",
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    ids, found = result.stdout.splitlines()
    assert ids == "['good']" and "a named pipe, not a regular file; not opened" in found
    with pytest.raises(ValueError, match="a named pipe"):
        toolkit.load_corpus(tmp_path / "pipe.txt")


@posix_only
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_link_to_dev_zero_is_skipped_by_its_type(tmp_path):
    (tmp_path / "good.txt").write_text("Kabul fell.", "utf-8")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    c = toolkit.load_corpus(tmp_path)
    assert c.docs.doc_id.tolist() == ["good"]
    found = reasons(c)
    assert found["zero.txt"] == "a character device, not a regular file; not opened"
    assert found["gone.txt"] == "a link to nothing (broken link)"


def test_huge_file_is_skipped_by_its_size(tmp_path):
    (tmp_path / "good.txt").write_text("Kabul fell.", "utf-8")
    with open(tmp_path / "huge.txt", "wb") as f:  # sparse: takes no room on disk
        f.truncate(MAX_TEXT_FILE_BYTES + 1)
    c = toolkit.load_corpus(tmp_path)
    assert c.docs.doc_id.tolist() == ["good"]
    assert reasons(c)["huge.txt"].startswith("256.0 MiB, more than the 256.0 MiB one article")


def test_folder_1500_levels_deep(tmp_path):
    levels = [tmp_path]
    for _ in range(1500):
        levels.append(levels[-1] / "d")
        levels[-1].mkdir()
    (levels[-1] / "story.txt").write_text("Kabul fell.", "utf-8")
    (tmp_path / "top.txt").write_text("Talks in Doha.", "utf-8")
    assert sys.getrecursionlimit() < 1500 * 2  # deeper than recursion would go
    try:
        c = toolkit.load_corpus(tmp_path)
        assert c.docs.doc_id.tolist() == ["d/" * 1500 + "story", "top"]
    finally:  # removed here, bottom up: shutil.rmtree recurses, and would fail on it
        (levels[-1] / "story.txt").unlink()
        for level in reversed(levels[1:]):
            level.rmdir()


@posix_only
def test_links_to_folders_are_followed_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text("Kabul fell.", "utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path)  # back to the top: a loop
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("not an article", "utf-8")
    c = toolkit.load_corpus(tmp_path)
    assert c.docs.doc_id.tolist() == ["a/story"]
    found = c.report.reason.tolist()
    assert "link to a folder already read; not read again" in found
    assert found.count("hidden folder; not read") == 1


@pytest.mark.parametrize(
    "name", ["notice-of-evacuation.txt", "Manifest_2021-08-15.txt", "license-plates-seized.md"]
)
def test_files_named_like_documentation_are_articles(tmp_path, name):
    (tmp_path / name).write_text("Kabul fell.", "utf-8")
    (tmp_path / "README.md").write_text("# About this corpus", "utf-8")
    c = toolkit.load_corpus(tmp_path)
    assert c.docs.doc_id.tolist() == [name.rsplit(".", 1)[0]]
    assert reasons(c)["README.md"].startswith("documentation of the folder")


@pytest.mark.parametrize(
    "name", ["README.md", "readme.txt", "LICENSE.txt", "LICENCE.md", "COPYING.txt", "CHANGELOG.md"]
)
def test_folder_documentation_is_skipped(tmp_path, name):
    (tmp_path / name).write_text("About.", "utf-8")
    (tmp_path / "story.txt").write_text("Kabul fell.", "utf-8")
    c = toolkit.load_corpus(tmp_path)
    assert c.docs.doc_id.tolist() == ["story"]
    assert reasons(c)[name].startswith("documentation of the folder")


@pytest.mark.parametrize("source", ["", "   ", "\t"])
def test_empty_string_is_an_error_not_the_working_folder(tmp_path, monkeypatch, source):
    (tmp_path / "private.txt").write_text("Not part of any corpus.", "utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match="empty string"):
        toolkit.load_corpus(source)


# ------------------------------------------------------------- JSON lines


def test_jsonl_line_with_a_lone_surrogate(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(
        '{"id": "x", "text": "Troops left."}\n'
        '{"id": "y", "text": "Kabul \\ud83d fell."}\n'
        '{"id": "z", "text": "Talks \\ud83d\\ude00 resumed."}\n',
        "utf-8",
    )
    c = toolkit.load_corpus(p)
    assert c.docs.doc_id.tolist() == ["x", "y", "z"]
    assert c.docs.text.tolist() == ["Troops left.", "Kabul \ufffd fell.", "Talks 😀 resumed."]
    row = c.report[c.report.action == "repaired"].iloc[0]
    assert row.doc_id == "y" and row.reason.startswith("line 2: 1 lone surrogate(s)")


def test_jsonl_lines_in_another_encoding_are_decoded_one_by_one(tmp_path):
    p = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"id": i, "text": t}, ensure_ascii=False)
        for i, t in enumerate(["Troops left.", "Café “withdrawal” résumé.", "Talks resumed."])
    ]
    p.write_bytes(b"\n".join([lines[0].encode(), lines[1].encode("cp1252"), lines[2].encode()]))
    c = toolkit.load_corpus(p, clean=False)
    assert c.docs.text.tolist() == ["Troops left.", "Café “withdrawal” résumé.", "Talks resumed."]
    row = c.report[c.report.action == "decoded"].iloc[0]
    assert row.reason == "1 line(s) not valid UTF-8 (lines 2); decoded as cp1252"


def test_jsonl_every_line_bad_gives_an_empty_corpus(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text("{not json\n[1, 2]\n", "utf-8")
    c = toolkit.load_corpus(p)
    assert len(c) == 0
    assert c.report.reason.str[:6].tolist() == ["line 1", "line 2"]


# --------------------------------------------------------------------- CSV


def test_csv_row_with_more_fields_than_the_header_is_named_and_skipped(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text(
        "doc_id,text,source\n"
        "a,Troops left.,X\n"
        "b,Kabul fell, and talks stopped.,Y\n"
        'c,"Talks, at last, resumed.",Z\n',
        "utf-8",
    )
    c = toolkit.load_corpus(p)
    assert c.docs[["doc_id", "text", "source"]].to_numpy().tolist() == [
        ["a", "Troops left.", "X"],
        ["c", "Talks, at last, resumed.", "Z"],
    ]
    row = c.report[c.report.action == "skipped"].iloc[0]
    assert row.doc_id == "b"
    assert row.reason.startswith("row 2 (line 3) has 4 fields, the header 3")
    assert row.detail == "b,Kabul fell, and talks stopped.,Y"


def test_csv_first_row_too_long_does_not_become_an_index(tmp_path):
    # pandas would take the first field as the index and shift the rest
    p = tmp_path / "a.csv"
    p.write_text("doc_id,text\nb,Kabul fell, and talks stopped.\nc,Talks resumed.\n", "utf-8")
    c = toolkit.load_corpus(p)
    assert c.docs[["doc_id", "text"]].to_numpy().tolist() == [["c", "Talks resumed."]]
    assert c.report.doc_id.tolist() == ["b"]


def test_csv_short_row_is_kept_and_reported(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("doc_id,text,source\na,Troops left.\nb,Talks.,Y\n", "utf-8")
    c = toolkit.load_corpus(p)
    assert c.docs.doc_id.tolist() == ["a", "b"] and pd.isna(c.docs.source.iloc[0])
    assert c.report.reason.iloc[0].startswith("row 1 (line 2) has 2 fields, the header 3")


def test_csv_types_are_pandas_own(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("id,text,n,date\n1,Troops left.,3,20210707\n2,Talks.,,20210815\n", "utf-8")
    c = toolkit.load_corpus(p)
    assert c.docs.doc_id.tolist() == ["1", "2"]
    assert c.docs.n.iloc[0] == 3 and pd.isna(c.docs.n.iloc[1])
    assert c.docs.date.tolist() == [pd.Timestamp("2021-07-07"), pd.Timestamp("2021-08-15")]


# -------------------------------------------------------------- DataFrames


def test_dataframe_with_two_text_columns_is_a_clear_error():
    frame = pd.DataFrame([["Troops left.", "Talks."]], columns=["text", "text"])
    with pytest.raises(ValueError, match="more than one column named 'text'"):
        toolkit.load_corpus(frame)


def test_lone_surrogates_in_a_dataframe_or_list_are_repaired():
    frame = pd.DataFrame({"text": ["Kabul \ud83d fell.", "Talks."]}, dtype=object)
    c = toolkit.load_corpus(frame)
    assert c.docs.text.tolist() == ["Kabul \ufffd fell.", "Talks."]
    assert c.report.reason.tolist() == [
        "row 1, column 'text': 1 lone surrogate(s) replaced by U+FFFD"
    ]
    c = toolkit.load_corpus(["Kabul \udcff fell."])
    assert c.docs.text.tolist() == ["Kabul \ufffd fell."]
    assert c.report.reason.iloc[0].startswith("item 1: 1 lone surrogate(s)")

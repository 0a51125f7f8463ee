"""Property-based: for any mixture of good and bad inputs (files in a folder, JSON
lines, CSV rows, DataFrame cells), every good one is in ``.docs``, every bad one
is in ``.report``, and nothing is raised."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit

from ..strategies import (
    BAD_BYTES,
    BAD_FILES,
    BAD_LINES,
    GOOD_FILES,
    csv_rows,
    folder_files,
    json_lines,
)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _write_good(path: Path, kind: str, text: str, western: str) -> str | None:
    """Write a good file of ``kind``; return the text the corpus must hold as raw
    (None for a legacy encoding: which one a short random text is in cannot
    always be told, see test_decode for real text)."""
    path = path.with_suffix(
        ".html" if kind == "html" else ".md" if kind == "front matter" else ".txt"
    )
    if kind == "html":
        path.write_text(
            f"<html><body><p>{western.replace(chr(10), ' ')}</p></body></html>", "utf-8"
        )
        return " ".join(western.split())
    if kind == "cp1252":
        path.write_bytes(western.encode("cp1252"))
        return None
    if kind == "front matter":
        path.write_text(f"---\ntitle: A title\nsection: world\n---\n{text}", "utf-8")
        return text
    if kind == "crlf":
        path.write_bytes(text.replace("\n", "\r\n").encode())
        return text
    path.write_bytes(("\ufeff" if kind == "utf8-bom" else "").encode() + text.encode())
    return text


def _write_bad(folder: Path, rel: str, kind: str) -> Path | None:
    """Write a bad file of ``kind`` at ``rel``; return the path the report names
    (None when this system cannot make such a file)."""
    path = folder / f"{rel}.txt"
    if kind == "hidden":
        path = path.with_name("." + path.name)
    elif kind == "readme":
        path = path.with_name("README.md")
    elif kind == "other suffix":
        path = path.with_suffix(".pdf")
    elif kind == "hidden folder":
        hidden = path.parent / f".{path.stem}"
        hidden.mkdir()
        (hidden / "inside.txt").write_text("Kabul fell.", "utf-8")
        return hidden
    if path.exists():
        return None
    if kind == "named pipe":
        if not hasattr(os, "mkfifo"):
            return None
        os.mkfifo(path)
    elif kind == "link to /dev/zero":
        if not Path("/dev/zero").exists():
            return None
        path.symlink_to("/dev/zero")
    elif kind == "broken link":
        path.symlink_to(folder / "nothing-here")
    else:
        path.write_bytes(BAD_BYTES.get(kind, b"About this corpus."))
    return path


@SETTINGS
@given(folder_files)
def test_any_mixture_of_files_in_a_folder(files):
    if not any(kind in GOOD_FILES for kind, *_ in files):
        files = [("utf8", "story", "", "Kabul fell.", "Kabul fell."), *files]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        good: dict[str, str] = {}
        bad: dict[str, str] = {}
        for i, (kind, name, sub, text, western) in enumerate(files):
            rel = f"{sub}{name}-{i}"
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            if kind in GOOD_FILES:
                good[rel] = _write_good(folder / rel, kind, text, western)
            else:
                path = _write_bad(folder, rel, kind)
                if path is not None:
                    bad[path.as_posix()] = BAD_FILES[kind]
        corpus = toolkit.load_corpus(folder, progress=False)
        raw = dict(zip(corpus.docs.doc_id, corpus.docs.raw, strict=True))
        assert sorted(raw) == sorted(good)
        for rel, text in good.items():
            assert text is None or raw[rel] == text, rel
        report = corpus.report
        for path, reason in bad.items():
            rows = report[report.path == path]
            assert rows.reason.str.startswith(reason).any(), (path, rows.reason.tolist())
            assert (rows.action == "skipped").all()


def test_a_folder_with_only_bad_files_is_a_clear_error(tmp_path):
    for kind in ("empty", "pdf", "docx", "nul"):
        _write_bad(tmp_path, kind, kind)
    with pytest.raises(ValueError, match=r"No readable \.txt, \.md or \.html files in folder"):
        toolkit.load_corpus(tmp_path)


def _json_line(kind: str, n: int, text: str) -> bytes:
    doc = {"id": f"d{n}", "text": text}
    if kind == "json":
        return json.dumps(doc, ensure_ascii=False).encode()
    if kind == "json ascii":
        return json.dumps(doc).encode()
    if kind == "cp1252":
        return json.dumps(doc, ensure_ascii=False).encode("cp1252")
    if kind == "surrogate":
        return (
            json.dumps({"id": f"d{n}", "text": text + " \\ud83d"})
            .replace("\\\\ud83d", "\\ud83d")
            .encode()
        )
    if kind == "invalid json":
        return b'{"id": "d%d", "text": ' % n
    if kind == "not an object":
        return json.dumps([f"d{n}", text]).encode()
    if kind == "empty text":
        return json.dumps({"id": f"d{n}", "text": " "}).encode()
    if kind == "no text":
        return json.dumps({"id": f"d{n}"}).encode()
    return b""  # blank


@SETTINGS
@given(json_lines)
def test_any_mixture_of_json_lines(lines):
    lines = [("json", "Kabul fell."), *lines]  # a table with a text column at all
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_bytes(
            b"\n".join(_json_line(kind, n, text) for n, (kind, text) in enumerate(lines, start=1))
        )
        corpus = toolkit.load_corpus(path, clean=False, progress=False)
    docs = dict(zip(corpus.docs.doc_id, corpus.docs.text, strict=True))
    report = corpus.report
    for n, (kind, text) in enumerate(lines, start=1):
        if kind in ("json", "json ascii") or (kind == "cp1252" and text.isascii()):
            assert docs[f"d{n}"] == text  # ASCII in Windows-1252 is UTF-8 too
        elif kind == "cp1252":
            assert f"d{n}" in docs
            decoded = report.loc[report.action == "decoded", "reason"]
            assert decoded.str.contains(rf"\(lines [0-9, .]*\b{n}\b").any()
        elif kind == "surrogate":
            assert docs[f"d{n}"] == text + " \ufffd"
            assert report.reason.str.startswith(f"line {n}: 1 lone surrogate").any()
        elif kind in ("invalid json", "not an object"):
            assert f"d{n}" not in docs
            assert report.reason.str.startswith(f"line {n}: {BAD_LINES[kind]}").any()
        elif kind in BAD_LINES:
            assert f"d{n}" not in docs
            assert (report.loc[report.doc_id == f"d{n}", "reason"] == "empty text").any()
    expected = {
        f"d{n}"
        for n, (k, _) in enumerate(lines, start=1)
        if k in ("json", "json ascii", "cp1252", "surrogate")
    }
    assert set(docs) == expected


@SETTINGS
@given(csv_rows)
def test_any_mixture_of_csv_rows(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["doc_id", "text", "source"])
    lines = [buffer.getvalue()]
    for n, (kind, text) in enumerate(rows, start=1):
        one = io.StringIO()
        w = csv.writer(
            one,
            lineterminator="\n",
            quoting=csv.QUOTE_ALL if kind == "quoted" else csv.QUOTE_MINIMAL,
        )
        if kind in ("good", "quoted"):
            w.writerow([f"r{n}", text, f"S{n}"])
        elif kind == "short":
            w.writerow([f"r{n}", text])
        elif kind == "long":  # an unquoted comma in the text: one field too many
            one.write(
                f"r{n},{text.replace(',', ' ').replace(chr(10), ' ').replace(chr(34), ' ')}, and more,S{n}\n"
            )
        else:
            w.writerow([f"r{n}", "", f"S{n}"])
        lines.append(one.getvalue())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.csv"
        path.write_text("".join(lines), "utf-8")
        corpus = toolkit.load_corpus(path, clean=False, progress=False)
    docs = corpus.docs.set_index("doc_id")
    report = corpus.report
    for n, (kind, text) in enumerate(rows, start=1):
        rid = f"r{n}"
        if kind in ("good", "quoted"):
            assert docs.loc[rid, "text"] == text and docs.loc[rid, "source"] == f"S{n}"
        elif kind == "short":
            assert docs.loc[rid, "text"] == text and pd.isna(docs.loc[rid, "source"])
        else:
            assert rid not in docs.index
            reason = report.loc[report.doc_id == rid, "reason"]
            assert reason.str.contains(
                "fields, the header 3" if kind == "long" else "empty text"
            ).any()


@SETTINGS
@given(
    st.lists(
        st.one_of(st.none(), st.sampled_from(["", " ", "\n"]), st.text(min_size=1)), max_size=10
    )
)
def test_any_mixture_of_dataframe_cells(cells):
    corpus = toolkit.load_corpus(
        pd.DataFrame({"text": cells}, dtype=object), clean=False, progress=False
    )
    kept = [f"doc{i}" for i, c in enumerate(cells, start=1) if isinstance(c, str) and c.strip()]
    assert corpus.docs.doc_id.tolist() == kept
    skipped = corpus.report.loc[corpus.report.reason == "empty text", "doc_id"].tolist()
    assert sorted(skipped + kept) == sorted(f"doc{i}" for i in range(1, len(cells) + 1))

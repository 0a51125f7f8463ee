"""Bad input, stored: a store written in small partitions from a hostile source
holds the documents and report rows load_corpus gives for that source, since
both read it with the same line, row and file readers."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import toolkit
from toolkit.corpus.readers.tables import MissingColumnError

from .test_store import _same_corpus

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX file types")


def _jsonl_lines(tmp: Path) -> Path:
    p = tmp / "a.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Troops left.", "date": "20210707"}).encode(),
        b'{"id": "b", "text": "Kabul \\ud83d fell."}',  # a lone surrogate
        b"{not json",
        b"[1, 2]",
        b"",
        json.dumps(
            {"id": "c", "text": "Caf\u00e9 \u201cwithdrawal\u201d."}, ensure_ascii=False
        ).encode("cp1252"),  # one line in another encoding
        json.dumps({"id": "a", "text": "Talks resumed.", "date": "2021-13-01"}).encode(),
        json.dumps({"text": "No id here."}).encode(),
        json.dumps({"id": "e", "text": "  "}).encode(),
        json.dumps({"id": "f", "text": "Talks \\ud83d\\ude00 resumed."}).encode(),
    ]
    p.write_bytes(b"\xef\xbb\xbf" + b"\r\n".join(lines) + b"\n")
    return p


def _jsonl_ids_late(tmp: Path) -> Path:
    """JSON lines whose id field first appears after the first partition."""
    p = tmp / "late.jsonl"
    records = [{"text": "Troops left."}, {"text": " "}, {"text": "Kabul fell."}]
    records += [{"id": "d", "text": "Talks resumed."}, {"text": "No id."}]
    p.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return p


def _csv_rows(tmp: Path) -> Path:
    p = tmp / "a.csv"
    p.write_text(
        "doc_id,text,source,date\r\n"
        "a,Troops left.,X,15/08/2021\r\n"
        "b,Kabul fell, and talks stopped.,Y,16/08/2021\r\n"  # too many fields
        'c,"Talks, at last,\r\nresumed.",Z,03/04/2021\r\n'  # a quoted line break
        "d,Taliban advance.\r\n"  # too few
        "\r\n"
        ",Missing id.,W,20210707\r\n"
        "e,,V,\r\n"  # no text
        "f,1.50,U,31/02/2021\r\n",  # a text that looks like a number; a bad day
        "utf-8-sig",
    )
    return p


def _csv_cp1252(tmp: Path) -> Path:
    p = tmp / "a.csv"
    rows = ["id,text", "1,Caf\u00e9 \u201cwithdrawal\u201d.", "2,Talks\u00a0resumed.", "3,Kabul."]
    p.write_bytes("\n".join(rows).encode("cp1252"))
    return p


def _csv_header_twice(tmp: Path) -> Path:
    p = tmp / "a.csv"
    p.write_text("id,text,tag,tag\n1,Troops left.,x,y\n2,Kabul fell.,z,w\n3,Talks.,u,v\n", "utf-8")
    return p


def _csv_header_only(tmp: Path) -> Path:
    p = tmp / "a.csv"
    p.write_text("id,text,date\n", "utf-8")
    return p


def _dates_decided_late(tmp: Path) -> Path:
    """Numeric dates that could be either way first, then one that can only be
    day first: the whole column is read day first, earlier partitions too."""
    p = tmp / "a.csv"
    rows = [f"{i},Report {i}.,0{i % 9 + 1}/04/2021" for i in range(5)]
    rows.append("9,Kabul fell.,15/08/2021")
    p.write_text("id,text,date\n" + "\n".join(rows) + "\n", "utf-8")
    return p


def _tsv(tmp: Path) -> Path:
    p = tmp / "a.tsv"
    p.write_text("id\ttext\tn\n1\tTroops left.\t3\n2\tKabul fell.\t\n3\tTalks\t4\textra\n", "utf-8")
    return p


def _parquet(tmp: Path) -> Path:
    p = tmp / "a.parquet"
    pd.DataFrame(
        {"id": ["a", None, "c", "a"], "text": ["Troops left.", "Kabul.", None, "Talks."]}
    ).to_parquet(p)
    return p


def _folder(tmp: Path) -> Path:
    folder = tmp / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text("Kabul fell.", "utf-8")
    (folder / "notice-of-evacuation.txt").write_text("Leave by noon.", "utf-8")
    (folder / "README.md").write_text("About this folder.", "utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "report.txt").write_bytes(b"%PDF-1.4 binary")
    (folder / "cafe.txt").write_bytes("Caf\u00e9 \u201cwithdrawal\u201d.".encode("cp1252"))
    (folder / ".hidden.txt").write_text("hidden", "utf-8")
    (folder / "sub" / "front.md").write_text("---\ntitle: [bad\n---\nTroops left.", "utf-8")
    (folder / "sub" / "table.csv").write_text("id,text\n1,x\n", "utf-8")
    if os.name == "posix":
        os.mkfifo(folder / "pipe.txt")
        if Path("/dev/zero").exists():
            (folder / "zero.txt").symlink_to("/dev/zero")
        try:
            with open(os.fsencode(folder) + b"/bad\xffname.txt", "wb") as f:
                f.write(b"Troops left Bagram.")
        except OSError:
            pass  # a file system that takes only UTF-8 names
    return folder


def _texts(tmp: Path) -> list[str]:
    return ["Troops left.", "", "Kabul \ud83d fell.", "Talks."]


SOURCES: dict[str, Callable[[Path], object]] = {
    "jsonl lines": _jsonl_lines,
    "jsonl ids first seen late": _jsonl_ids_late,
    "csv rows": _csv_rows,
    "csv in cp1252": _csv_cp1252,
    "csv header twice": _csv_header_twice,
    "csv header only": _csv_header_only,
    "dates decided late": _dates_decided_late,
    "tsv": _tsv,
    "parquet": _parquet,
    "folder": _folder,
    "texts": _texts,
}


@pytest.mark.parametrize("name", list(SOURCES))
def test_a_hostile_source_is_stored_as_it_loads(name: str, tmp_path: Path):
    source = SOURCES[name](tmp_path)
    memory = toolkit.load_corpus(source, progress=False)
    with toolkit.set_executor("serial"):
        stored = toolkit.save_corpus(source, tmp_path / "store", partition_size=2, progress=False)
    _same_corpus(stored, memory)
    if len(memory) > 2:
        assert len(stored.manifest["partitions"]) > 1


def test_dates_read_as_the_whole_column_decides(tmp_path: Path):
    source = _dates_decided_late(tmp_path)
    with toolkit.set_executor("serial"):
        stored = toolkit.save_corpus(source, tmp_path / "store", partition_size=2, progress=False)
    assert stored.docs["date"].dt.day.tolist() == [1, 2, 3, 4, 5, 15]
    assert stored.docs["date"].dt.month.tolist() == [4] * 5 + [8]
    notes = stored.report[stored.report["detail"] == "the date column"]
    assert notes["reason"].tolist() == [
        "numeric dates read day first (15/08/2021 can only be day first)"
    ]
    assert not any((tmp_path / "store").glob("part-*/staged*.parquet"))


def test_sources_load_corpus_rejects_are_rejected(tmp_path: Path):
    p = tmp_path / "a.csv"
    p.write_text("id,body\n1,Troops left.\n", "utf-8")
    with pytest.raises(MissingColumnError, match="Pass text_col='body'"):
        toolkit.save_corpus(p, tmp_path / "s1", progress=False)
    with pytest.raises(ValueError, match="empty string"):
        toolkit.save_corpus("", tmp_path / "s2", progress=False)
    lines = tmp_path / "a.jsonl"
    lines.write_text('{"id": 1, "body": "Troops left."}\n', "utf-8")
    with pytest.raises(MissingColumnError, match="Pass text_col='body'"):
        toolkit.save_corpus(lines, tmp_path / "s3", progress=False)

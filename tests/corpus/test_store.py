"""The corpus store: written in batches, read back as load_corpus reads the same
source, appended to, and kept apart from what it is not."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import toolkit
from toolkit.corpus.store import read_index
from toolkit.corpus.tables_io import read_frame, write_frame

from ..conftest import DATA


def _same_corpus(stored: toolkit.Corpus, memory: toolkit.Corpus) -> None:
    pd.testing.assert_frame_equal(stored.docs, memory.docs, check_exact=True)
    pd.testing.assert_frame_equal(stored.report, memory.report, check_exact=True)
    pd.testing.assert_frame_equal(stored.paragraph_spans, memory.paragraph_spans)


def _articles(n: int) -> list[dict]:
    """``n`` small articles: some with the same id, one empty, a caption printed twice."""
    rows = []
    for i in range(n):
        body = f"Officials said talks {i} had failed.\n\nThe Taliban said it would withdraw."
        if i % 7 == 0:
            body += "\n\nREAD MORE: Taliban take district"
        rows.append({"id": f"a{i % 5}" if i < 10 else f"a{i}", "text": body, "date": "2021-08-15"})
    rows.append({"id": "empty", "text": "  "})
    return rows


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps(r) for r in _articles(23)]
    lines.insert(4, "{not json")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_a_store_reads_back_as_load_corpus_reads_its_source(jsonl: Path, tmp_path: Path):
    with toolkit.set_executor("serial"):
        stored = toolkit.save_corpus(jsonl, tmp_path / "store", partition_size=4, progress=False)
    memory = toolkit.load_corpus(jsonl, progress=False)
    assert len(stored.manifest["partitions"]) == 6  # 23 documents, 4 a partition
    assert len(stored) == len(memory) == 23
    _same_corpus(stored, memory)
    # ids repeated across partitions were made unique as load_corpus makes them
    assert stored.docs["doc_id"].is_unique
    assert (stored.report["action"] == "renamed").sum() == 5
    assert "line 5: invalid JSON" in " ".join(stored.report["reason"])


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".parquet"])
def test_tables_are_read_in_batches_as_they_are_read_whole(suffix: str, tmp_path: Path):
    frame = pd.DataFrame(_articles(12)).assign(n=range(13), score=[None] * 12 + [1.5])
    frame = frame.drop(columns="id")  # ids made up from row numbers across batches
    path = tmp_path / f"articles{suffix}"
    if suffix == ".parquet":
        frame.to_parquet(path)
    else:
        frame.to_csv(path, index=False, sep="\t" if suffix == ".tsv" else ",")
    with toolkit.set_executor("serial"):
        stored = toolkit.save_corpus(path, tmp_path / "store", partition_size=5, progress=False)
    _same_corpus(stored, toolkit.load_corpus(path, progress=False))
    assert stored.docs["doc_id"].tolist()[-2:] == ["doc11", "doc12"]


def test_a_folder_and_a_list_are_stored_as_they_load(tmp_path: Path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    for i in range(5):
        (folder / ("sub" if i % 2 else ".") / f"art{i}.txt").write_text(
            f"---\ntitle: Article {i}\n---\nThe Taliban said {i}.", "utf-8"
        )
    (folder / "notes.bin").write_bytes(b"\x00\x01")
    with toolkit.set_executor("serial"):
        stored = toolkit.save_corpus(folder, tmp_path / "s1", partition_size=2, progress=False)
        texts = toolkit.save_corpus(["One.", "", "Two."], tmp_path / "s2", progress=False)
    _same_corpus(stored, toolkit.load_corpus(folder, progress=False))
    _same_corpus(texts, toolkit.load_corpus(["One.", "", "Two."], progress=False))


def test_near_duplicates_are_found_across_partitions(tmp_path: Path):
    text = " ".join(f"word{i}" for i in range(200))
    rows = [{"id": "first", "text": text, "date": "2021-08-01"}]
    rows += [{"id": f"other{i}", "text": f"Talks {i} failed today."} for i in range(5)]
    rows += [{"id": "repost", "text": text + " Updated.", "date": "2021-08-02"}]
    path = tmp_path / "dups.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    for how in ("flag", "drop"):
        with toolkit.set_executor("serial"):
            stored = toolkit.save_corpus(
                path, tmp_path / how, partition_size=3, duplicates=how, progress=False
            )
        memory = toolkit.load_corpus(path, progress=False, duplicates=how)
        _same_corpus(stored, memory)
        pd.testing.assert_frame_equal(
            toolkit.kwic(stored, "word1*"), toolkit.kwic(memory, "word1*")
        )
    assert "repost" not in set(stored.docs["doc_id"])  # dropped: the later of the two
    assert len(stored) == 6


def test_appending_adds_partitions_and_keeps_ids_unique(jsonl: Path, tmp_path: Path):
    store = tmp_path / "store"
    with toolkit.set_executor("serial"):
        first = toolkit.save_corpus(jsonl, store, partition_size=10, progress=False)
        with pytest.raises(FileExistsError, match="append=True"):
            toolkit.save_corpus(jsonl, store, progress=False)
        with pytest.raises(ValueError, match="clean=False"):
            toolkit.save_corpus(jsonl, store, clean=False, append=True, progress=False)
        both = toolkit.save_corpus(jsonl, store, partition_size=10, append=True, progress=False)
    assert len(both.manifest["partitions"]) == 2 * len(first.manifest["partitions"])
    assert len(both) == 2 * len(first)
    assert both.docs["doc_id"].is_unique
    assert both.docs["doc_id"].iloc[len(first)] == "a0-3"  # a0 and a0-2 were taken


def test_stores_are_not_written_over_or_into_their_source(tmp_path: Path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.txt").write_text("x", "utf-8")
    with pytest.raises(FileExistsError, match="not an empty folder"):
        toolkit.save_corpus(DATA, tmp_path / "full", progress=False)
    with pytest.raises(ValueError, match="inside the folder it reads"):
        toolkit.save_corpus(tmp_path / "full", tmp_path / "full" / "store", progress=False)
    with pytest.raises(FileNotFoundError, match="not a corpus store"):
        toolkit.open_corpus(tmp_path / "full")
    with pytest.raises(ValueError, match="partition_size"):
        toolkit.save_corpus(DATA, tmp_path / "s", partition_size=0)


def test_subsets_and_lengths_need_no_documents_read(jsonl: Path, tmp_path: Path):
    with toolkit.set_executor("serial"):
        stored = toolkit.save_corpus(jsonl, tmp_path / "store", partition_size=4, progress=False)
    memory = toolkit.load_corpus(jsonl, progress=False)
    ids = list(memory.docs["doc_id"][3:17:2])
    part = stored.subset(ids)
    assert len(part) == len(ids)
    assert len(part.parts) < len(stored.parts)
    _same_corpus(part, memory.subset(ids))
    pd.testing.assert_frame_equal(
        toolkit.kwic(part, "Taliban", sort="1R"),
        toolkit.kwic(memory.subset(ids), "Taliban", sort="1R"),
    )
    with pytest.raises(LookupError, match="nope"):
        stored.subset(["nope"])
    # a path of a store loads as the store
    assert isinstance(toolkit.load_corpus(tmp_path / "store"), toolkit.StoredCorpus)


def test_tables_kept_beside_partitions_follow_the_lexicon(jsonl: Path, tmp_path: Path):
    with toolkit.set_executor("serial"):
        stored = toolkit.save_corpus(jsonl, tmp_path / "store", partition_size=30, progress=False)
        toolkit.count_frames(stored)
        kept = sorted(p.name.split("-")[0] for p in (tmp_path / "store").rglob("cache/*/*"))
        assert kept == ["frames", "minhash_signatures", "quotes"]
        narrow = {"frames": {"exit": {"cues": ["withdraw*"]}}}
        counts = toolkit.count_frames(stored, narrow)
    assert counts["frame"].tolist() == ["exit"]
    assert int(counts["mentions"].iat[0]) == 23  # once per article, not the cached table's
    assert len(list((tmp_path / "store").rglob("cache/*/frames-*"))) == 2


def test_an_index_of_another_version_is_built_again(jsonl: Path, tmp_path: Path, monkeypatch):
    with toolkit.set_executor("serial"):
        stored = toolkit.save_corpus(jsonl, tmp_path / "store", progress=False)
    folder = tmp_path / "store" / stored.parts[0][0] / "index"
    assert read_index(folder) is not None
    monkeypatch.setattr("toolkit.corpus.store.toolkit_version", lambda: "99.0")
    assert read_index(folder) is None
    hits = toolkit.kwic(toolkit.open_corpus(tmp_path / "store"), "Taliban")
    assert len(hits) == 23
    assert read_index(folder) is not None  # written again, under the new version


def test_frames_read_back_with_their_dtypes(tmp_path: Path):
    frame = pd.DataFrame(
        {
            "doc_id": pd.Categorical(
                ["a", "b"], categories=pd.Index(["a", "b", "c"], dtype=object)
            ),
            "tags": [["x"], None],
            "mixed": pd.Series([1, "one"], dtype=object),
            "n": pd.array([1, None], dtype="Int32"),
            "when": pd.to_datetime(["2021-08-15", None]),
        }
    )
    frame.attrs["excluded"] = [{"rule": "x", "removed": 2}]
    write_frame(frame, tmp_path / "t.parquet")
    back = read_frame(tmp_path / "t.parquet")
    pd.testing.assert_frame_equal(back, frame)
    assert back["doc_id"].cat.categories.dtype == object
    assert back.attrs == frame.attrs
    assert back["tags"].tolist() == [["x"], None]


def test_executor_setting_and_its_errors():
    assert toolkit.current_executor() == "processes"
    with toolkit.set_executor("serial", workers=None):
        assert toolkit.current_executor() == "serial"
    assert toolkit.current_executor() == "processes"
    with pytest.raises(ValueError, match="processes"):
        toolkit.set_executor("threads")
    with pytest.raises(ValueError, match="workers"):
        toolkit.set_executor("processes", workers=0)
    from toolkit.corpus.executor import run_tasks

    with toolkit.set_executor("processes", workers=2):
        assert run_tasks(np.add, [(i, 1) for i in range(5)], desc="t", progress=False) == [
            1,
            2,
            3,
            4,
            5,
        ]

"""Every analysis gives the same table on a stored corpus as in memory, row for
row and dtype for dtype, whichever executor runs the partitions: this process,
local worker processes, or a Dask cluster of two worker processes (one of
which is killed in the middle of a run)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

import toolkit

from ..conftest import shared_path

N_DOCS = 3000  # a few thousand Reuters items: six partitions of 500
PARTITION = 500


def _analyses() -> dict[str, tuple]:
    """Name -> (function, positional arguments, keyword arguments)."""
    frames = toolkit.load_lexicon("afghanistan-2021-frames")
    return {
        "kwic": (toolkit.kwic, ("oil",), {}),
        "kwic sorted": (toolkit.kwic, (["said", "oil pric*"],), {"sort": "1R,1L", "window": 3}),
        "kwic in sentences, metadata": (
            toolkit.kwic,
            ("bank*",),
            {"within": "sentence", "meta": True, "sort": "K"},
        ),
        "find_actors": (toolkit.find_actors, (), {}),
        "count_actors by month and voice": (toolkit.count_actors, (), {"by": ["month", "voice"]}),
        "count_actors by speaker, rolled up": (
            toolkit.count_actors,
            (),
            {"by": "speaker", "rollup": True},
        ),
        "find_frames": (toolkit.find_frames, (frames,), {}),
        "count_frames by voice": (toolkit.count_frames, (frames,), {"by": "voice"}),
        "count_frames by source and cue": (toolkit.count_frames, (), {"by": ["source", "cue"]}),
        "extract_quotes": (toolkit.extract_quotes, (), {}),
        "extract_quotes of speech": (toolkit.extract_quotes, (), {"cue_types": "speech"}),
        "score_sentiment": (toolkit.score_sentiment, (), {}),
        "collocates": (toolkit.collocates, ("oil",), {"window": 4}),
        "collocates by g2 in sentences": (
            toolkit.collocates,
            (["bank*", "rate*"],),
            {"measure": "g2", "within": "sentence", "stopwords": None},
        ),
        "keyness of a topic": (toolkit.keyness, (lambda d: d["title"].str.contains("OIL"),), {}),
        "keyness by dates": (
            toolkit.keyness,
            ({"date": "1987-02"},),
            {"reference": {"date": "1987-03-0"}, "measure": "log_ratio"},
        ),
        "count_terms": (toolkit.count_terms, (), {}),
        "count_terms: bigrams by month, no stopwords, min_count": (
            toolkit.count_terms,
            (),
            {"n": 2, "by": "month", "stopwords": "english", "min_count": 3},
        ),
        "count_terms by voice and speaker": (
            toolkit.count_terms,
            (),
            {"by": ["voice", "speaker"], "min_count": 2},
        ),
        "document_term_matrix": (toolkit.document_term_matrix, (), {"min_count": 50}),
        "document_term_matrix: bigrams, no stopwords": (
            toolkit.document_term_matrix,
            (),
            {"n": 2, "stopwords": "english", "min_count": 30},
        ),
        "tokenize": (toolkit.tokenize, (), {}),
        "sentences": (toolkit.sentences, (), {}),
        "paragraphs": (toolkit.paragraphs, (), {}),
        "actor_cooccurrence": (toolkit.actor_cooccurrence, (), {"rollup": True}),
        "find_duplicates": (toolkit.find_duplicates, (), {}),
        "suggest_actors": (toolkit.suggest_actors, (), {"min_count": 3}),
    }


ANALYSES = list(_analyses())


@pytest.fixture(scope="module")
def reuters_file(tmp_path_factory) -> Path:
    """The first few thousand non-empty Reuters-21578 items as JSON lines."""
    source = shared_path("corpus", "reuters21578", "reuters21578.jsonl")
    out = tmp_path_factory.mktemp("reuters") / "reuters.jsonl"
    kept = []
    with source.open(encoding="utf-8") as f:
        for line in f:
            if (json.loads(line).get("text") or "").strip():
                kept.append(line)
            if len(kept) == N_DOCS:
                break
    out.write_text("".join(kept), "utf-8")
    return out


@pytest.fixture(scope="module")
def in_memory(reuters_file: Path) -> dict[str, pd.DataFrame]:
    corpus = toolkit.load_corpus(reuters_file, progress=False)
    out = {}
    for name, (function, args, kwargs) in _analyses().items():
        out[name] = function(corpus, *args, **kwargs)
    out["corpus"] = corpus
    return out


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def _executor(name: str, request) -> object:
    return request.getfixturevalue("dask_client") if name == "dask" else name


def _same(stored: pd.DataFrame, memory: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(stored, memory, check_exact=True)
    for column in memory.columns:
        assert str(stored[column].dtype) == str(memory[column].dtype), column
    assert stored.attrs == memory.attrs


@pytest.mark.shared
@pytest.mark.parametrize("executor", ["serial", "processes", "dask"])
def test_every_analysis_equals_memory(executor, reuters_file, in_memory, tmp_path_factory, request):
    where = _executor(executor, request)
    folder = tmp_path_factory.mktemp(f"store-{executor}") / "store"
    with toolkit.set_executor(where):
        stored = toolkit.save_corpus(reuters_file, folder, partition_size=PARTITION, progress=False)
        stored.progress = False
        assert len(stored.parts) == N_DOCS // PARTITION
        pd.testing.assert_frame_equal(stored.docs, in_memory["corpus"].docs)
        pd.testing.assert_frame_equal(stored.report, in_memory["corpus"].report)
        failed = []
        for name, (function, args, kwargs) in _analyses().items():
            try:
                _same(function(stored, *args, **kwargs), in_memory[name])
            except AssertionError as exc:
                failed.append(f"{name}: {str(exc)[:300]}")
        # the second time, from the tables kept beside the partitions
        _same(
            toolkit.count_actors(stored, by="voice"),
            toolkit.count_actors(in_memory["corpus"], by="voice"),
        )
    assert not failed, "\n".join(failed)


@pytest.mark.shared
def test_a_killed_dask_worker_changes_nothing(reuters_file, in_memory, dask_client, tmp_path):
    """A worker process is killed while the partitions of count_actors run; Dask
    runs its tasks again on the worker that is left (and the one that comes
    back), and the table is complete and the same."""
    with toolkit.set_executor(dask_client):
        stored = toolkit.save_corpus(
            reuters_file, tmp_path / "store", partition_size=100, progress=False
        )
    stored.progress = False
    shutil.rmtree(tmp_path / "store" / "part-00000" / "cache", ignore_errors=True)
    outcome: dict = {}

    def count() -> None:
        with toolkit.set_executor(dask_client):
            outcome["table"] = toolkit.count_actors(stored, by="voice")

    runner = threading.Thread(target=count)
    runner.start()
    killed = None
    deadline = time.monotonic() + 300
    while runner.is_alive() and time.monotonic() < deadline:
        states = dask_client.run_on_scheduler(_task_states)
        if states.get("memory", 0) >= 1 and states.get("processing", 0) >= 1:
            busy = dask_client.run_on_scheduler(_busy_workers)
            pids = dask_client.run(os.getpid)
            victim = next(w for w in busy if w in pids)
            os.kill(pids[victim], signal.SIGKILL)
            killed = (victim, states)
            break
        time.sleep(0.05)
    runner.join(timeout=600)
    assert killed is not None, "the run ended before a worker could be killed"
    assert not runner.is_alive()
    _same(outcome["table"], toolkit.count_actors(in_memory["corpus"], by="voice"))


def _task_states(dask_scheduler) -> dict[str, int]:
    counts: dict[str, int] = {}
    for key, task in dask_scheduler.tasks.items():
        if str(key).startswith("count_actors"):
            counts[task.state] = counts.get(task.state, 0) + 1
    return counts


def _busy_workers(dask_scheduler) -> list[str]:
    return [
        w.address
        for w in dask_scheduler.workers.values()
        if any(str(t.key).startswith("count_actors") for t in w.processing)
    ]

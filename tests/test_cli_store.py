"""The command line writes a corpus store and every command reads one, here or
on a Dask scheduler."""

from __future__ import annotations

import io

import pandas as pd
import pytest

import toolkit
from toolkit.cli import main

from .conftest import DATA


def _csv(capsys) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(capsys.readouterr().out))


def test_store_then_commands_on_the_store(capsys, tmp_path):
    store = tmp_path / "store"
    assert main(["store", str(DATA), "-o", str(store), "--partition-size", "5"]) == 0
    assert "1 documents (926 words) in 1 partitions" in capsys.readouterr().out
    for command in (
        ["kwic", "{}", "pull* out", "--window", "3", "--sort", "1R"],
        ["frames", "{}", "--by", "voice"],
        ["actors", "{}", "--rollup"],
        ["quotes", "{}", "--cue-type", "speech"],
    ):
        assert main([c.format(store) for c in command] + ["--format", "csv"]) == 0
        from_store = _csv(capsys)
        assert main([c.format(DATA) for c in command] + ["--format", "csv"]) == 0
        pd.testing.assert_frame_equal(from_store, _csv(capsys))
        assert len(from_store)
    assert main(["store", str(DATA), "-o", str(store)]) == 2
    assert "append" in capsys.readouterr().err
    assert main(["store", str(DATA), "-o", str(store), "--append"]) == 0
    assert len(toolkit.open_corpus(store)) == 2


def test_scheduler_runs_a_store_on_dask(capsys, tmp_path):
    distributed = pytest.importorskip("distributed")
    toolkit.save_corpus(DATA, tmp_path / "store", progress=False)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        args = ["kwic", str(tmp_path / "store"), "Taliban", "--format", "csv"]
        assert main([*args, "--scheduler", cluster.scheduler_address]) == 0
    hits = _csv(capsys)
    assert hits["keyword"].tolist() == toolkit.kwic(DATA, "Taliban")["keyword"].tolist()
    assert toolkit.current_executor() == "processes"  # set for the command only

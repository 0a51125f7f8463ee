"""The report never writes into the corpus it reads, never replaces files it did
not write, and runs every notebook on corpora with hostile ids and titles."""

from __future__ import annotations

import json

import nbformat
import pytest

import toolkit
from toolkit.cli import main
from toolkit.report import run_report

from .conftest import DATA


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "story.txt").write_text("Troops withdrew from Kabul.", "utf-8")
    return folder


@pytest.fixture
def tiny_notebook(tmp_path):
    """A notebook with a parameters cell that runs in a second."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Tiny"),
        nbformat.v4.new_code_cell('CORPUS = "data/"', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("print(CORPUS)"),
    ]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = tmp_path / "01-tiny.ipynb"
    nbformat.write(nb, str(path))
    return path


def _error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    return err


def test_report_into_its_own_corpus_folder_is_refused(capsys, corpus, tmp_path):
    for output, message in [
        (corpus, "inside the corpus folder being read"),
        (corpus / "report", "inside the corpus folder being read"),
        (tmp_path, "the corpus (" + str(corpus) + ") is inside the report folder"),
    ]:
        assert main(["report", str(corpus), "-o", str(output)]) == 2
        assert message in _error(capsys)
    assert sorted(p.name for p in corpus.iterdir()) == ["story.txt"]
    assert len(toolkit.load_corpus(corpus)) == 1  # the corpus is as it was


def test_bad_report_folders_are_one_line_errors(capsys, corpus, tmp_path):
    (tmp_path / "a-file").write_text("x", "utf-8")
    for output, message in [
        (tmp_path / "a-file", "that is a file"),
        (tmp_path / "missing" / "report", "does not exist; create it first"),
        (tmp_path / "a-file" / "report", "is a file, not a folder"),
    ]:
        assert main(["report", str(corpus), "-o", str(output)]) == 2
        assert message in _error(capsys)


def test_report_folder_with_the_users_own_pages_needs_force(capsys, corpus, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>my own page</p>", "utf-8")
    assert main(["report", str(corpus), "-o", str(site)]) == 2
    assert "holds files this report did not write (index.html)" in _error(capsys)
    assert (site / "index.html").read_text("utf-8") == "<p>my own page</p>"


def test_a_report_may_replace_its_own_pages_only(corpus, tmp_path, tiny_notebook):
    out = tmp_path / "report"
    first = run_report(corpus, out, notebooks=[tiny_notebook], echo=False)
    assert first.status.tolist() == ["ok"]
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == [
        ".toolkit-report.json",
        "01-tiny.html",
        "index.html",
        "notebooks/01-tiny.ipynb",
    ]
    manifest = json.loads((out / ".toolkit-report.json").read_text("utf-8"))
    assert sorted(manifest["files"]) == written[1:]
    # running again replaces the report's own, unchanged pages
    assert run_report(corpus, out, notebooks=[tiny_notebook], echo=False).status.tolist() == ["ok"]
    # a page the user edited is the user's now
    (out / "01-tiny.html").write_text("<p>my notes on the page</p>", "utf-8")
    with pytest.raises(ValueError, match=r"did not write \(01-tiny\.html\).*--force"):
        run_report(corpus, out, notebooks=[tiny_notebook], echo=False)
    assert (out / "01-tiny.html").read_text("utf-8") == "<p>my notes on the page</p>"
    run_report(corpus, out, notebooks=[tiny_notebook], echo=False, force=True)
    assert "my notes" not in (out / "01-tiny.html").read_text("utf-8")


def test_every_notebook_runs_on_ids_and_titles_with_dollar_signs(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = (DATA / "trtworld-2021-07-07-qala-e-naw.txt").read_text("utf-8")
    hostile = text.replace("source: TRT World", "source: $\\frac{1}$ World", 1)
    (folder / "$\\frac{1}$.txt").write_text(hostile, "utf-8")
    (folder / "second $x$.md").write_text(
        "---\ntitle: $\\frac{1}$ and $x$\n---\nThe Taliban said the withdrawal was a defeat.",
        "utf-8",
    )
    out = tmp_path / "report"
    assert main(["report", str(folder), "-o", str(out)]) == 0
    index = (out / "index.html").read_text("utf-8")
    assert "failed" not in index
    pages = list((out / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert pages
    for page in pages:
        nb = json.loads(page.read_text("utf-8"))
        errors = [
            o for c in nb["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"
        ]
        assert not errors, (page.name, errors[:1])

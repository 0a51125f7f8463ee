"""Run the curated notebooks on a corpus and render them as HTML pages.

``python -m toolkit report [CORPUS] -o OUTDIR`` (or :func:`run_report`) executes
every notebook in ``notebooks/`` with papermill, injecting the corpus path into
the cell tagged ``parameters`` as ``CORPUS``, and writes one HTML page per
notebook plus ``index.html``. The kernel always runs in the interpreter that
runs the report, so the toolkit it imports is the one installed beside it.
"""

from __future__ import annotations

import html
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__
from ._util.paths import bundled_dir, check_output_folder, default_corpus

__all__ = ["execute_notebook", "run_report"]


def _kernel_manager_class():
    import os
    import tempfile

    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import KernelManager

    class SameInterpreterKernelManager(KernelManager):
        """A kernel started with this process's interpreter, whatever kernelspecs
        happen to be installed on the machine; on POSIX it talks over local
        sockets (IPC) rather than TCP."""

        def __init__(self, **kwargs: Any):
            if os.name == "posix":
                kwargs.setdefault("transport", "ipc")
                # socket files go to the temporary folder, never beside the notebook
                kwargs.setdefault("ip", tempfile.mktemp(prefix="toolkit-kernel-"))
            super().__init__(**kwargs)

        @property
        def kernel_spec(self) -> KernelSpec:
            # the kernel imports the same toolkit as this process, installed or not
            here = str(Path(__file__).resolve().parent.parent)
            path = os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH", "")) if p)
            return KernelSpec(
                argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                display_name="Python 3",
                language="python",
                env={"PYTHONPATH": path},
            )

    return SameInterpreterKernelManager


def execute_notebook(
    notebook: str | Path,
    output: str | Path,
    *,
    parameters: dict[str, Any] | None = None,
    timeout: int = 900,
) -> Any:
    """Execute one notebook with papermill and save the executed copy.

    The notebook runs with its own folder as working directory. Raises
    ``papermill.PapermillExecutionError`` when a cell fails (the executed copy,
    with the error, is still written).

    Returns
    -------
    nbformat.NotebookNode
        The executed notebook.
    """
    import papermill

    notebook = Path(notebook)
    return papermill.execute_notebook(
        str(notebook),
        str(output),
        parameters=parameters or {},
        cwd=str(notebook.parent),
        kernel_name="python3",
        progress_bar=False,
        log_output=False,
        execution_timeout=timeout,
        kernel_manager_class=_kernel_manager_class(),
    )


def run_report(
    corpus: str | Path | None = None,
    outdir: str | Path = "report",
    *,
    notebooks: Sequence[str | Path] | None = None,
    timeout: int = 900,
    echo: bool = True,
    force: bool = False,
) -> pd.DataFrame:
    """Execute the curated notebooks on a corpus and write HTML pages and an index.

    The report never writes into the corpus folder it reads (its pages would be
    read as articles the next time) nor around it, and never replaces a file it
    did not write: ``outdir`` must be new, empty, or hold only the pages of an
    earlier report, unchanged (a hidden manifest, ``.toolkit-report.json``, lists
    them with their checksums), unless ``force``.

    Parameters
    ----------
    corpus : path, optional
        Folder or file of articles; default ``data/`` (the bundled sample).
    outdir : path
        Where ``index.html``, one ``.html`` and one executed ``.ipynb`` per
        notebook are written (created if needed).
    notebooks : list of paths, optional
        Default: every ``NN-*.ipynb`` in the toolkit's ``notebooks/`` folder.
    timeout : int
        Seconds a single cell may run.
    echo : bool
        Print one line per notebook as it runs.
    force : bool
        Write into ``outdir`` even when it holds files the report did not write.

    Returns
    -------
    DataFrame
        One row per notebook: ``notebook, title, status, seconds, html, error``.

    Examples
    --------
    >>> from toolkit.report import run_report
    >>> table = run_report("data/", "report/")  # doctest: +SKIP
    """
    source = Path(corpus) if corpus is not None else default_corpus()
    if not source.exists():
        raise FileNotFoundError(f"No such file or folder: '{source}'")
    source = source.resolve()
    paths = (
        [Path(p) for p in notebooks]
        if notebooks
        else sorted(bundled_dir("notebooks").glob("[0-9][0-9]-*.ipynb"))
    )
    if not paths:
        raise FileNotFoundError("no notebooks to run")
    out = check_output_folder(outdir, reading=source)
    manifest = _Manifest(out)
    if not force:
        manifest.check_only_ours(outdir)
    out.mkdir(exist_ok=True)
    rows = [_run_one(path, out, source, manifest, timeout=timeout, echo=echo) for path in paths]
    table = pd.DataFrame(rows)
    (out / "index.html").write_text(_index_page(table, source), encoding="utf-8")
    manifest.add(out / "index.html")
    if echo:
        print(f"wrote {out / 'index.html'}")
    return table


def _run_one(
    path: Path, out: Path, source: Path, manifest: _Manifest, *, timeout: int, echo: bool
) -> dict[str, Any]:
    """Execute one notebook into ``out``, write its page; its row of the index."""
    import papermill

    executed = out / path.name
    page = out / f"{path.stem}.html"
    if echo:
        print(f"running {path.name} ...", end=" ", flush=True)
    started = time.perf_counter()
    status, error = "ok", ""
    try:
        execute_notebook(path, executed, parameters={"CORPUS": str(source)}, timeout=timeout)
    except papermill.PapermillExecutionError as exc:
        status, error = "failed", f"{exc.ename}: {exc.evalue}"
    seconds = time.perf_counter() - started
    manifest.add(executed)
    if executed.exists():
        page.write_text(_to_html(executed), encoding="utf-8")
        manifest.add(page)
    if echo:
        print(f"{status} ({seconds:.1f} s)" + (f": {error}" if error else ""), flush=True)
    return {
        "notebook": path.name,
        "title": _title(path),
        "status": status,
        "seconds": round(seconds, 1),
        "html": page.name if page.exists() else "",
        "error": error,
    }


class _Manifest:
    """The files a report wrote in its folder, with their SHA-256, kept in a hidden
    file there, so that a later report knows which files it may replace."""

    NAME = ".toolkit-report.json"

    def __init__(self, folder: Path):
        self.folder = folder
        self.path = folder / self.NAME
        try:
            data = json.loads(self.path.read_text("utf-8"))
            self.files: dict[str, str] = dict(data.get("files", {}))
        except (OSError, ValueError, AttributeError):
            self.files = {}

    def check_only_ours(self, shown: str | Path) -> None:
        """Raise ValueError when the folder holds anything but unchanged files of
        an earlier report (hidden files, such as Jupyter's checkpoints, aside)."""
        if not self.folder.is_dir():
            return
        theirs = sorted(
            entry.name
            for entry in self.folder.iterdir()
            if not entry.name.startswith(".")
            and not (entry.is_file() and self.files.get(entry.name) == _sha256(entry))
        )
        if theirs:
            listed = ", ".join(theirs[:3]) + (" ..." if len(theirs) > 3 else "")
            raise ValueError(
                f"-o {shown} holds files this report did not write ({listed}): choose a new or "
                "empty folder, or pass --force to write the report there anyway"
            )

    def add(self, written: Path) -> None:
        if not written.exists():
            return
        self.files[written.name] = _sha256(written)
        data = {"written by": f"newsdiscourse-toolkit {__version__} report", "files": self.files}
        self.path.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _title(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return path.stem


def _to_html(executed: Path) -> str:
    """HTML of an executed notebook, code hidden behind the outputs' prose.

    Live widgets cannot run in a static page, so widget state is dropped and each
    explorer shows the static snapshot it provides as HTML.
    """
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(executed), as_version=4)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "application/vnd.jupyter.widget-view+json" in data and len(data) > 1:
                data.pop("application/vnd.jupyter.widget-view+json")
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb)
    return body


def _index_page(table: pd.DataFrame, source: Path) -> str:
    esc = html.escape
    items = []
    for row in table.itertuples(index=False):
        link = f'<a href="{esc(row.html)}">{esc(row.title)}</a>' if row.html else esc(row.title)
        flag = (
            ""
            if row.status == "ok"
            else f' <b style="color:#b00020">{esc(row.status)}: {esc(row.error)}</b>'
        )
        items.append(f"<li>{link} <small>({esc(row.notebook)}, {row.seconds} s)</small>{flag}</li>")
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<title>News discourse report</title></head>"
        "<body style='font-family:sans-serif;max-width:50em;margin:2em auto'>"
        "<h1>News discourse report</h1>"
        f"<p>Corpus: <code>{esc(source.name or str(source))}</code> &middot; "
        f"toolkit {esc(__version__)}</p>"
        f"<ol>{''.join(items)}</ol>"
        "<p>Each page is a curated notebook executed on this corpus. Open the notebooks in "
        "JupyterLab to use the interactive explorers.</p></body></html>"
    )

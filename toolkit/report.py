"""Run the curated notebooks on a corpus and render them as HTML pages.

``python -m toolkit report [CORPUS] -o OUTDIR`` (or :func:`run_report`) reads
the corpus once to check the corpus options, then executes every notebook in
``notebooks/`` with papermill, the corpus injected into the cell tagged
``parameters`` (``CORPUS``, ``TEXT_COL``, ``ID_COL``, ``CLEAN``), and writes one
HTML page per notebook plus ``index.html``:

* the code is hidden (``show_code=True`` keeps it), and the parameters cell is
  replaced by a sentence ("Corpus: wh.jsonl, 177 documents, 1.04 million words,
  2021-01-22 to 2022-12-20. Patterns searched: ...");
* a long table shows its first rows in the page and is written in full as CSV
  into ``tables/`` beside the pages, linked under it
  (:mod:`toolkit.show.tables`);
* the executed notebooks are kept in ``notebooks/`` beside the pages.

The kernel runs in the interpreter that runs the report (so it imports the same
toolkit) with the corpus's folder as its working folder, and reads the corpus by
its name: no page or notebook shows a path of the machine.
"""

from __future__ import annotations

import ast
import html
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__
from ._util.paths import bundled_dir, check_output_folder, default_corpus

__all__ = [
    "corpus_name",
    "corpus_sentence",
    "execute_notebook",
    "prepare_kernel",
    "report_notebooks",
    "run_report",
    "table_kind",
]

# Cell tags: the setup cell the report adds (never shown), the sentence that
# stands for the parameters, and papermill's own.
SETUP_TAG = "report-setup"
SENTENCE_TAG = "report-parameters"
PARAMETER_TAGS = ("parameters", "injected-parameters")
# The kernel's environment variable naming the folder of the full tables.
TABLES_VARIABLE = "TOOLKIT_REPORT_TABLES"
# Parameters that say how the corpus is read: described by the corpus sentence.
CORPUS_PARAMETERS = ("CORPUS", "TEXT_COL", "ID_COL", "CLEAN")
# A notebook's metadata key naming the corpora it is a study of: the report runs
# it only on them ({"toolkit": {"corpora": ["whitehouse-afghanistan-2021", ...]}}).
METADATA_KEY = "toolkit"


def _kernel_manager_class(env: dict[str, str] | None = None):
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
                env={"PYTHONPATH": path, **(env or {})},
            )

    return SameInterpreterKernelManager


def execute_notebook(
    notebook: Any,
    output: str | Path,
    *,
    parameters: dict[str, Any] | None = None,
    timeout: int = 900,
    cwd: str | Path | None = None,
    env: dict[str, str] | None = None,
) -> Any:
    """Execute one notebook with papermill and save the executed copy.

    ``notebook`` is a path or a notebook already read (``nbformat``). It runs
    with ``cwd`` as working directory (default: the notebook's own folder) and
    ``env`` added to the kernel's environment.
    Raises ``papermill.PapermillExecutionError`` when a cell fails (the executed
    copy, with the error, is still written).

    Returns
    -------
    nbformat.NotebookNode
        The executed notebook.
    """
    import papermill

    if isinstance(notebook, str | Path):
        cwd = cwd if cwd is not None else Path(notebook).parent
        notebook = str(notebook)
    return papermill.execute_notebook(
        notebook,
        str(output),
        parameters=parameters or {},
        cwd=str(cwd) if cwd is not None else None,
        kernel_name="python3",
        progress_bar=False,
        log_output=False,
        execution_timeout=timeout,
        kernel_manager_class=_kernel_manager_class(env),
    )


def prepare_kernel(*, prefix: str, max_rows: int = 25) -> None:
    """Set up a notebook's kernel for the report (the report's first, hidden cell).

    DataFrames are shown by :func:`toolkit.show.html.table_html`: at most
    ``max_rows`` rows, long text cut between words; every HTML table the
    toolkit renders (these, KWIC tables, the explorers' tables) writes its full
    table as CSV (``{prefix}-NN-kind.csv``) into the report's ``tables/`` folder
    (named by the kernel's environment, so that no notebook holds the path) when
    it is cut, and links it.
    """
    from IPython import get_ipython

    from .show.html import table_html
    from .show.tables import keep_full_tables

    tables = os.environ.get(TABLES_VARIABLE, "tables")
    keep_full_tables(tables, prefix=prefix, max_rows=max_rows, href_base="tables/")
    shell = get_ipython()
    if shell is None:  # pragma: no cover - only ever called in a kernel
        return
    formatters = shell.display_formatter.formatters
    formatters["text/html"].for_type(
        pd.DataFrame, lambda frame: table_html(frame, kind=table_kind(frame))
    )
    pd.set_option("display.max_rows", max_rows)
    pd.set_option("display.min_rows", max_rows)


# What a table is, from a column only it has: names the CSV file of a long table.
_TABLE_KINDS = [
    ("keyword", "kwic"),
    ("collocate", "collocates"),
    ("target_count", "keyness"),
    ("n_quotes", "speakers"),
    ("quote_id", "quotations"),
    ("actor_a", "cooccurrence"),
    ("actor", "actors"),
    ("frame", "frames"),
    ("term", "terms"),
    ("token_id", "tokens"),
    ("action", "cleaning"),
    ("para_id", "paragraphs"),
    ("sent_id", "sentences"),
    ("name", "suggestions"),
]


def table_kind(frame: pd.DataFrame) -> str:
    """A short name for what a table holds ("kwic", "speakers", "terms" ...).

    Examples
    --------
    >>> import toolkit
    >>> table_kind(toolkit.kwic("data/", "defeat")), table_kind(pd.DataFrame({"x": [1]}))
    ('kwic', 'table')
    """
    return next((kind for column, kind in _TABLE_KINDS if column in frame.columns), "table")


def corpus_sentence(corpus: Any, name: str, *, text_col: str = "text") -> str:
    """What a corpus holds, in one line: name, documents, words, dates.

    Examples
    --------
    >>> import toolkit
    >>> corpus_sentence(toolkit.load_corpus("data/"), "data")
    'Corpus: data, 1 document, 926 words, 2021-07-07'
    """
    from .corpus.index import corpus_index

    docs = corpus.docs
    words = len(corpus_index(corpus).word_pos)
    parts = [name if text_col == "text" else f"{name} (the text in column '{text_col}')"]
    parts.append(f"{len(docs):,} document{'s' if len(docs) != 1 else ''}")
    parts.append(f"{words / 1e6:.2f} million words" if words >= 1e6 else f"{words:,} words")
    dates = pd.to_datetime(docs["date"], errors="coerce").dropna()
    if len(dates):
        first, last = dates.min().date(), dates.max().date()
        parts.append(str(first) if first == last else f"{first} to {last}")
    return "Corpus: " + ", ".join(parts)


def parameters_sentence(parameters: dict[str, dict[str, str]]) -> str:
    """The parameters of a notebook other than the corpus, in words: each one's
    comment as its label and its value as code, as :func:`papermill.inspect_notebook`
    reads them (``PATTERNS = [...]  # patterns searched`` gives "Patterns
    searched: `withdraw*`, `pull* out`.").

    Examples
    --------
    >>> parameters_sentence({"TOP": {"default": "15", "help": "actors shown"},
    ...                      "CUES": {"default": '["withdraw*", "defeat*"]', "help": ""}})
    'Actors shown: `15`. Cues: `withdraw*`, `defeat*`.'
    """
    parts = []
    for name, spec in parameters.items():
        if name in CORPUS_PARAMETERS:
            continue
        try:
            value = ast.literal_eval(spec.get("default", ""))
        except (ValueError, SyntaxError):
            value = spec.get("default", "")
        items = value if isinstance(value, list | tuple) else [value]
        shown = ", ".join(f"`{v}`" for v in items) if items else "none"
        label = (spec.get("help") or "").strip() or name.replace("_", " ").lower()
        parts.append(f"{label[:1].upper()}{label[1:]}: {shown}.")
    return " ".join(parts)


def corpus_name(source: str | Path) -> str:
    """The name of a corpus: a folder's name, or a file's name without its table
    and compression suffixes.

    Examples
    --------
    >>> corpus_name("data/whitehouse-afghanistan-2021/"), corpus_name("wh_2021.jsonl.gz")
    ('whitehouse-afghanistan-2021', 'wh_2021')
    """
    from .corpus.readers.compressed import inner_suffix, is_compressed

    path = Path(source)
    if path.is_dir():
        return path.resolve().name
    if is_compressed(path):
        path = path.with_suffix("")
    return path.stem if inner_suffix(path) else path.name


def report_notebooks(corpus: str | Path | None = None) -> list[Path]:
    """The curated notebooks the report runs on a corpus, in order.

    Every ``NN-*.ipynb`` of the toolkit's ``notebooks/`` folder, except a study of
    named corpora (its metadata ``{"toolkit": {"corpora": [...]}}``), which runs
    only on a corpus of one of those names (see :func:`corpus_name`):
    ``06-study-withdrawal-or-defeat.ipynb`` states findings about the White House
    corpus, which would be wrong about any other.

    Examples
    --------
    >>> [p.name[:2] for p in report_notebooks("data/")]
    ['00', '01', '02', '03', '04', '05']
    >>> report_notebooks("data/whitehouse-afghanistan-2021")[-1].name[:2]
    '06'
    """
    name = corpus_name(corpus if corpus is not None else default_corpus())
    chosen = []
    for path in sorted(bundled_dir("notebooks").glob("[0-9][0-9]-*.ipynb")):
        corpora = _notebook_metadata(path).get("corpora")
        if not corpora or name in corpora:
            chosen.append(path)
    return chosen


def _notebook_metadata(path: Path) -> dict[str, Any]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    meta = nb.get("metadata", {}).get(METADATA_KEY, {})
    return meta if isinstance(meta, dict) else {}


def run_report(
    corpus: str | Path | None = None,
    outdir: str | Path = "report",
    *,
    text_col: str = "text",
    id_col: str | None = None,
    clean: bool = True,
    show_code: bool = False,
    max_rows: int = 25,
    notebooks: Sequence[str | Path] | None = None,
    timeout: int = 900,
    echo: bool = True,
    force: bool = False,
) -> pd.DataFrame:
    """Execute the curated notebooks on a corpus and write HTML pages and an index.

    The report never writes into the corpus folder it reads (its pages would be
    read as articles the next time) nor around it, and never replaces a file it
    did not write: ``outdir`` must be new, empty, or hold only the files of an
    earlier report, unchanged (a hidden manifest, ``.toolkit-report.json``, lists
    them with their checksums), unless ``force``.

    Parameters
    ----------
    corpus : path, optional
        Folder or file of articles; default ``data/`` (the bundled sample).
    outdir : path
        Where ``index.html`` and one ``.html`` page per notebook are written,
        with ``tables/`` (the full tables, CSV) and ``notebooks/`` (the executed
        notebooks) beside them (created if needed).
    text_col, id_col, clean
        How the corpus is read, as in :func:`toolkit.load_corpus`. The corpus is
        read once before any notebook runs, so a wrong option fails at once.
    show_code : bool
        Keep the notebooks' code cells in the pages.
    max_rows : int
        Rows of a long table shown in a page.
    notebooks : list of paths, optional
        Default: the curated notebooks for this corpus (:func:`report_notebooks`):
        every ``NN-*.ipynb`` in the toolkit's ``notebooks/`` folder, and a study
        of a named corpus (notebook 06) only on that corpus.
    timeout : int
        Seconds a single cell may run.
    echo : bool
        Print one line per notebook as it runs.
    force : bool
        Write into ``outdir`` even when it holds files the report did not write.

    Returns
    -------
    DataFrame
        One row per notebook: ``notebook, title, status, seconds, html, bytes,
        error``.

    Examples
    --------
    >>> from toolkit.report import run_report
    >>> table = run_report("data/", "report/")  # doctest: +SKIP
    """
    from .corpus.load import load_corpus

    source = Path(corpus) if corpus is not None else default_corpus()
    if not source.exists():
        raise FileNotFoundError(f"No such file or folder: '{source}'")
    out = check_output_folder(outdir, reading=source)
    manifest = _Manifest(out)
    if not force:
        manifest.check_only_ours(outdir)
    loaded = load_corpus(source, text_col=text_col, id_col=id_col, clean=clean, progress=False)
    name = source.resolve().name or str(source)
    sentence = corpus_sentence(loaded, name, text_col=text_col)
    del loaded
    paths = [Path(p) for p in notebooks] if notebooks else report_notebooks(source)
    if not paths:
        raise FileNotFoundError("no notebooks to run")
    (out / "notebooks").mkdir(parents=True, exist_ok=True)
    # the kernels run in the corpus's folder and read it by its name, so that no
    # notebook or page holds a path of this machine
    values = {
        "CORPUS": source.resolve().name,
        "TEXT_COL": text_col,
        "ID_COL": id_col,
        "CLEAN": clean,
    }
    rows = []
    for path in paths:
        if echo:
            print(f"running {path.name} ...", end=" ", flush=True)
        row = _run_one(
            source.resolve().parent,
            path,
            out,
            values,
            sentence,
            show_code=show_code,
            max_rows=max_rows,
            timeout=timeout,
        )
        if echo:
            error = f": {row['error']}" if row["error"] else ""
            print(f"{row['status']} ({row['seconds']:.1f} s){error}", flush=True)
        rows.append(row)
        manifest.add(out / row["html"] if row["html"] else None, out / "notebooks" / path.name)
        manifest.add_folder(out / "tables")
    table = pd.DataFrame(rows)
    (out / "index.html").write_text(_index_page(table, sentence), encoding="utf-8")
    manifest.add(out / "index.html")
    if echo:
        print(f"wrote {out / 'index.html'}")
    return table


def _run_one(
    corpus_folder: Path,
    path: Path,
    out: Path,
    values: dict[str, Any],
    sentence: str,
    *,
    show_code: bool,
    max_rows: int,
    timeout: int,
) -> dict[str, Any]:
    """Execute one notebook into ``out/notebooks`` and write its page."""
    import nbformat
    import papermill

    nb = nbformat.read(str(path), as_version=4)
    declared = papermill.inspect_notebook(str(path))
    _add_report_cells(nb, path.stem, f"{sentence}.", parameters_sentence(declared), max_rows)
    executed = out / "notebooks" / path.name
    page = out / f"{path.stem}.html"
    started = time.perf_counter()
    status, error = "ok", ""
    try:
        execute_notebook(
            nb,
            executed,
            parameters={k: v for k, v in values.items() if k in declared or k == "CORPUS"},
            timeout=timeout,
            cwd=corpus_folder,
            env={TABLES_VARIABLE: str((out / "tables").resolve())},
        )
    except papermill.PapermillExecutionError as exc:
        status, error = "failed", f"{exc.ename}: {exc.evalue}"
    seconds = time.perf_counter() - started
    if executed.exists():
        result = _tidy_executed(executed)
        page.write_text(_to_html(result, show_code=show_code), encoding="utf-8")
    return {
        "notebook": path.name,
        "title": _title(path),
        "status": status,
        "seconds": round(seconds, 1),
        "html": page.name if page.exists() else "",
        "bytes": page.stat().st_size if page.exists() else 0,
        "error": error,
    }


class _Manifest:
    """The files a report wrote in its folder (paths relative to it) with their
    SHA-256, kept in a hidden file there, so that a later report knows which files
    it may replace."""

    NAME = ".toolkit-report.json"

    def __init__(self, folder: Path):
        self.folder = folder
        self.path = folder / self.NAME
        try:
            data = json.loads(self.path.read_text("utf-8"))
            self.files: dict[str, str] = dict(data.get("files", {}))
        except (OSError, ValueError, AttributeError, TypeError):
            self.files = {}

    def check_only_ours(self, shown: str | Path) -> None:
        """Raise ValueError when the folder holds anything but unchanged files of
        an earlier report (hidden files, such as Jupyter's checkpoints, aside)."""
        if not self.folder.is_dir():
            return
        theirs = sorted(
            str(entry.relative_to(self.folder))
            for entry in self.folder.rglob("*")
            if not any(part.startswith(".") for part in entry.relative_to(self.folder).parts)
            and not entry.is_dir()
            and self.files.get(entry.relative_to(self.folder).as_posix()) != _sha256(entry)
        )
        if theirs:
            listed = ", ".join(theirs[:3]) + (" ..." if len(theirs) > 3 else "")
            raise ValueError(
                f"-o {shown} holds files this report did not write ({listed}): choose a new or "
                "empty folder, or pass --force to write the report there anyway"
            )

    def add(self, *written: Path | None) -> None:
        """Record files the report has just written (missing ones are skipped)."""
        for path in written:
            if path is not None and path.is_file():
                self.files[path.relative_to(self.folder).as_posix()] = _sha256(path)
        data = {"written by": f"newsdiscourse-toolkit {__version__} report", "files": self.files}
        self.path.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")

    def add_folder(self, folder: Path) -> None:
        """Record every file of a folder the report's kernels write into."""
        if folder.is_dir():
            self.add(*sorted(p for p in folder.rglob("*") if p.is_file()))


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _add_report_cells(nb: Any, prefix: str, sentence: str, others: str, max_rows: int) -> None:
    """The hidden setup cell first; the parameters sentence after the parameters."""
    import nbformat

    setup = nbformat.v4.new_code_cell(
        "from toolkit.report import prepare_kernel\n\n"
        f"prepare_kernel(prefix={prefix!r}, max_rows={max_rows})",
        metadata={"tags": [SETUP_TAG]},
    )
    words = " ".join(part for part in (_escape_markdown(sentence), others) if part)
    summary = nbformat.v4.new_markdown_cell(words, metadata={"tags": [SENTENCE_TAG]})
    at = next(
        (i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), 1
    )
    nb.cells.insert(at, summary)
    nb.cells.insert(0, setup)


def _escape_markdown(text: str) -> str:
    return "".join(f"\\{ch}" if ch in "\\`*_[]<>#|" else ch for ch in text)


def _tidy_executed(executed: Path) -> Any:
    """The executed notebook without what a reader has no use for and a page
    must not show: the widget state (live widgets need a kernel; each explorer
    left a static snapshot) and the machine's paths in papermill's record."""
    import nbformat

    nb = nbformat.read(str(executed), as_version=4)
    nb.metadata.pop("widgets", None)
    record = nb.metadata.get("papermill", {})
    for key in ("input_path", "output_path"):
        record.pop(key, None)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "application/vnd.jupyter.widget-view+json" in data and len(data) > 1:
                data.pop("application/vnd.jupyter.widget-view+json")
    nbformat.write(nb, str(executed))
    return nb


def _title(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return path.stem


def _to_html(nb: Any, *, show_code: bool) -> str:
    """The page of an executed notebook: prose and outputs, the code hidden
    unless ``show_code``; the report's setup cell never shown, the parameters
    cells only with the code."""
    import copy

    from nbconvert import HTMLExporter

    nb = copy.deepcopy(nb)
    hidden = {SETUP_TAG} if show_code else {SETUP_TAG, *PARAMETER_TAGS}
    nb.cells = [c for c in nb.cells if not hidden & set(c.metadata.get("tags", []))]
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.exclude_input = not show_code
    body, _ = exporter.from_notebook_node(nb)
    return body


def _index_page(table: pd.DataFrame, sentence: str) -> str:
    esc = html.escape
    items = []
    for row in table.itertuples(index=False):
        link = f'<a href="{esc(row.html)}">{esc(row.title)}</a>' if row.html else esc(row.title)
        flag = (
            ""
            if row.status == "ok"
            else f' <b style="color:#b00020">{esc(row.status)}: {esc(row.error)}</b>'
        )
        notebook = f'<a href="notebooks/{esc(row.notebook)}">{esc(row.notebook)}</a>'
        items.append(
            f"<li>{link} <small>({notebook}, {row.seconds} s, {row.bytes / 1e6:.1f} MB)</small>"
            f"{flag}</li>"
        )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<title>News discourse report</title></head>"
        "<body style='font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.4'>"
        "<h1>News discourse report</h1>"
        f"<p>{esc(sentence)} &middot; toolkit {esc(__version__)}</p>"
        f"<ol>{''.join(items)}</ol>"
        "<h2>How to read these pages</h2>"
        "<p>Each page is a curated notebook executed on this corpus: what it asks, how it "
        "counts, what it found, and at the top what to keep in mind when reading it. The "
        "numbers come from rules and word lists, not from reading: every table keeps the "
        "document and the character offsets of what it counts, so any number can be checked "
        "against the text. Long tables show their first rows; the full tables are CSV files "
        "in <a href='tables/'>tables/</a>, linked under each table. The explorers are static "
        "pictures here: open the executed notebooks (<a href='notebooks/'>notebooks/</a>) in "
        "JupyterLab to use them.</p></body></html>"
    )

"""What a researcher does in the browser, and what the tests check they see.

JupyterLab: open a notebook, accept the kernel dialog if it asks, run all cells,
wait for the kernel, save; then compare, cell by cell, the saved outputs (what
the kernel sent) with the page (what the researcher sees). The explorers:
type, slide, pick, and compare what they show with the toolkit's own functions.
"""

from __future__ import annotations

import json
import re
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pandas as pd

import toolkit
from toolkit.text.shorten import shorten

from . import servers

RUN_TIMEOUT = 240_000  # ms for "Run All Cells" on the sample
WIDGET_TIMEOUT = 30_000  # ms a widget may show "Loading widget..."
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_FAILURES = ("Error displaying widget", "Loading widget...")
# Shown when the widget-view mimetype has no renderer (the extension is missing)
# and JupyterLab falls back to the explorer's static HTML snapshot.
SNAPSHOT_NOTE = "Static snapshot of"


# ---------------------------------------------------------------- JupyterLab


def open_notebook(page, lab: servers.Server, name: str) -> None:
    """Open ``notebooks/<name>`` in a fresh JupyterLab workspace and wait until
    its kernel is ready, accepting the kernel dialog when JupyterLab asks."""
    workspace = f"e2e-{uuid.uuid4().hex[:12]}"
    page.goto(lab.address(f"/lab/workspaces/{workspace}/tree/notebooks/{name}"))
    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for()
    ready = page.locator('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status="idle"]')
    accept = page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if accept.count() and accept.first.is_visible():
            accept.first.click()  # "Select Kernel": keep the proposed Python 3 kernel
        elif ready.count() and _kernel_name(page) not in ("", "No Kernel"):
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"the kernel of {name} was not ready within 60 s")


def _kernel_name(page) -> str:
    names = page.locator(".jp-NotebookPanel .jp-KernelName")
    return names.first.text_content().strip() if names.count() else ""


def _menu(page, menu: str, command: str) -> None:
    """Choose a command from the menu bar, once JupyterLab has enabled it."""
    item = page.locator(f'.lm-Menu-item[data-command="{command}"]')
    for _ in range(50):
        page.locator(".lm-MenuBar-item", has_text=re.compile(rf"^{menu}$")).first.click()
        item.wait_for()
        if "lm-mod-disabled" not in (item.get_attribute("class") or ""):
            item.click()
            return
        page.keyboard.press("Escape")
        page.wait_for_timeout(200)
    raise AssertionError(f"{menu} > {item.text_content()} stayed disabled")


def run_all_cells(page) -> None:
    """Run > Run All Cells, then wait until the run has ended (every cell ran,
    or the run stopped at an error) and the kernel is idle again."""
    prompts = page.locator(".jp-NotebookPanel .jp-CodeCell .jp-InputPrompt")
    assert not any(re.search(r"\d", t or "") for t in prompts.all_text_contents()), (
        "the notebook was opened with cells already run"
    )
    page.locator(".jp-NotebookPanel .jp-Cell").first.click()  # the notebook has focus
    _menu(page, "Run", "runmenu:run-all")
    # Queued and running cells show [*]; when the run ends (or stops at an
    # error) none does, and the cells that ran show their execution count.
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')]
                .map(p => p.textContent.trim());
            return !prompts.includes('[*]:') && prompts.some(p => /^\\[\\d+\\]:$/.test(p));
        }""",
        timeout=RUN_TIMEOUT,
    )
    page.locator('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status="idle"]').wait_for(
        timeout=RUN_TIMEOUT
    )


def save_notebook(page, lab: servers.Server, name: str) -> dict:
    """File > Save Notebook; returns the saved notebook (what the kernel sent)."""
    _menu(page, "File", "docmanager:save")
    page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty").wait_for(state="detached")
    return json.loads((lab.work / "notebooks" / name).read_text("utf-8"))


def shut_down_kernels(lab: servers.Server) -> None:
    """Shut every kernel of the server down (through its REST API)."""
    with urllib.request.urlopen(lab.address("/api/sessions"), timeout=10) as response:
        sessions = json.load(response)
    for session in sessions:
        url = lab.address(f"/api/sessions/{urllib.parse.quote(session['id'])}")
        urllib.request.urlopen(urllib.request.Request(url, method="DELETE"), timeout=30).close()


def check_notebook_page(page, nb: dict) -> list[str]:
    """Compare each code cell's saved outputs with what the page shows.

    Returns the problems found (empty when the notebook is fine): a cell that
    did not run, an error or anything on stderr; a widget that shows "Error
    displaying widget", stays on "Loading widget..." or fell back to its static
    snapshot; a figure that is missing or does not decode.
    """
    _wait_for_widgets(page, ".jp-NotebookPanel .jp-OutputArea-output")
    cells = page.locator(".jp-NotebookPanel .jp-Cell")
    problems = []
    if cells.count() != len(nb["cells"]):
        return [f"the page shows {cells.count()} cells, the notebook has {len(nb['cells'])}"]
    for number, (cell, saved) in enumerate(zip(cells.all(), nb["cells"], strict=True), 1):
        if saved["cell_type"] != "code":
            continue
        first_line = ("".join(saved["source"]).splitlines() or [""])[0]
        where = f"cell {number} ({first_line[:60]!r})"
        cell.scroll_into_view_if_needed()
        if saved.get("execution_count") is None:
            problems.append(f"{where} did not run")
        outputs = saved.get("outputs", [])
        for output in outputs:
            if output["output_type"] == "error":
                problems.append(f"{where}: {output['ename']}: {output['evalue']}")
            elif output.get("name") == "stderr":
                problems.append(f"{where} wrote to stderr: {output['text'][:300]!r}")
        shown = cell.locator(".jp-OutputArea-output")
        text = " ".join(t or "" for t in shown.all_text_contents())
        problems += [f"{where} shows {f!r}" for f in WIDGET_FAILURES if f in text]
        if SNAPSHOT_NOTE in text:
            problems.append(f"{where} shows a static snapshot instead of a live widget")
        n_widgets = sum(WIDGET_MIME in o.get("data", {}) for o in outputs)
        live = cell.locator(".jp-OutputArea-output > .jupyter-widgets.widget-container").count()
        if live < n_widgets:
            problems.append(f"{where}: {n_widgets} widget(s) sent, {live} rendered")
        n_figures = sum("image/png" in o.get("data", {}) for o in outputs)
        drawn = _decoded_images(
            cell.locator('.jp-OutputArea-output[data-mime-type="image/png"] img')
        )
        if drawn < n_figures:
            problems.append(f"{where}: {n_figures} figure(s) sent, {drawn} shown")
        problems += [f"{where}: {p}" for p in check_widget_images(cell)]
    return problems


def _wait_for_widgets(page, outputs: str) -> None:
    """Give widgets up to WIDGET_TIMEOUT to leave "Loading widget..." (what is
    still loading then is reported by the checks that follow)."""
    deadline = time.monotonic() + WIDGET_TIMEOUT / 1000
    loading = page.locator(outputs, has_text="Loading widget...")
    while loading.count() and time.monotonic() < deadline:
        page.wait_for_timeout(250)


def _decoded_images(images) -> int:
    return sum(1 for img in images.all() if img.evaluate("i => i.complete && i.naturalWidth > 0"))


def check_widget_images(scope) -> list[str]:
    """Every explorer plot that has content shows as a decoded image, no wider
    than it was drawn (a stretched plot is blurred)."""
    problems = []
    for img in scope.locator("img.widget-image").all():
        size, width, shown = img.evaluate(
            """async i => {
                const blob = await (await fetch(i.src)).blob();
                if (!i.complete) await new Promise(r => { i.onload = i.onerror = r; });
                return [blob.size, i.naturalWidth, i.clientWidth];
            }"""
        )
        if size and not width:
            problems.append(f"an explorer plot ({size} bytes) does not decode as an image")
        elif width and shown > width + 1:
            problems.append(f"an explorer plot drawn {width} px wide is stretched to {shown} px")
    return problems


# ---------------------------------------------------------------- explorers


def kwic_table(explorer) -> pd.DataFrame:
    """The rows of the KWIC table an explorer shows."""
    rows = explorer.locator(".toolkit-kwic table tbody tr")
    cells = [[(t or "") for t in row.locator("td").all_text_contents()] for row in rows.all()]
    return pd.DataFrame(cells, columns=["doc_id", "left", "keyword", "right"])


def expected_table(hits: pd.DataFrame, chars: int = 80) -> pd.DataFrame:
    """The rows :func:`toolkit.kwic_html` shows for ``hits``: contexts of at most
    ``chars`` characters, cut between words, white space folded."""
    return pd.DataFrame(
        {
            "doc_id": [shorten(d, 40) for d in hits["doc_id"].astype(str)],
            "left": [shorten(t, chars, keep="end") for t in hits["left"]],
            "keyword": hits["keyword"].tolist(),
            "right": [shorten(t, chars) for t in hits["right"]],
        }
    )


def counter_text(hits: pd.DataFrame) -> str:
    n, docs = len(hits), hits["doc_id"].nunique()
    return f"{n:,} hit{'s' if n != 1 else ''} in {docs:,} document{'s' if docs != 1 else ''}"


def dispersion_src(explorer) -> str:
    return explorer.locator("img.widget-image").first.get_attribute("src") or ""


def search(explorer, pattern: str) -> None:
    """Type a pattern in the explorer's box and press Enter."""
    box = explorer.get_by_label("Pattern", exact=True)
    box.click()
    box.fill(pattern)
    box.press("Enter")


def set_window(explorer, window: int) -> None:
    """Move the window slider with the arrow keys to ``window``."""
    handle = explorer.locator(".widget-hslider .noUi-handle").first
    current = int(float(handle.get_attribute("aria-valuenow")))
    handle.focus()
    key = "ArrowLeft" if window < current else "ArrowRight"
    for _ in range(abs(window - current)):
        handle.press(key)


def wait_for_table(page, explorer, expected: pd.DataFrame, timeout: float = 20) -> pd.DataFrame:
    """Wait until the explorer's table shows ``expected``; return what it shows."""
    deadline = time.monotonic() + timeout
    shown = kwic_table(explorer)
    while time.monotonic() < deadline:
        shown = kwic_table(explorer)
        if shown.equals(expected):
            break
        page.wait_for_timeout(200)
    return shown


def screenshot_kwic(page, explorer, corpus, target: Path, *, window: int = 6) -> None:
    """Write a README screenshot (PNG) of the page once the explorer shows
    ``withdraw*`` sorted by the first word on the left with ``window`` words of
    context (wide enough to read; the tests use a narrower one)."""
    set_window(explorer, window)
    expected = expected_table(toolkit.kwic(corpus, "withdraw*", window=window, sort="1L"))
    assert wait_for_table(page, explorer, expected).equals(expected)
    busy = page.locator('.jp-Notebook-ExecutionIndicator:not([data-status="idle"])')
    if busy.count():
        busy.first.wait_for(state="detached")
    page.wait_for_timeout(500)  # the plot is replaced after the table
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target))


def check_kwic_explorer(page, explorer, corpus) -> None:
    """Search, widen or narrow the window and sort, as a researcher would, and
    check that the counter, the table and the plot show what :func:`toolkit.kwic`
    returns for the same corpus and settings."""
    from playwright.sync_api import expect

    counter = explorer.locator(".widget-html-content").filter(has_text=re.compile(r" hits? in "))
    window = int(float(explorer.locator(".noUi-handle").first.get_attribute("aria-valuenow")))
    plot_before = dispersion_src(explorer)

    search(explorer, "withdraw*")
    hits = toolkit.kwic(corpus, "withdraw*", window=window)
    assert len(hits) > 0
    expect(counter).to_have_text(counter_text(hits))
    shown = wait_for_table(page, explorer, expected_table(hits))
    assert shown.equals(expected_table(hits)), shown
    # the plot is drawn after the table: wait for it to be replaced
    expect(explorer.locator("img.widget-image").first).not_to_have_attribute("src", plot_before)
    assert check_widget_images(explorer) == []

    narrow = 2 if window != 2 else 3
    set_window(explorer, narrow)
    narrowed = toolkit.kwic(corpus, "withdraw*", window=narrow)
    assert narrowed["left"].tolist() != hits["left"].tolist()  # the change is visible
    shown = wait_for_table(page, explorer, expected_table(narrowed))
    assert shown.equals(expected_table(narrowed)), shown
    expect(explorer.locator(".widget-readout").first).to_have_text(str(narrow))

    explorer.get_by_label("Sort", exact=True).select_option(label="1st word left (1L)")
    ordered = toolkit.kwic(corpus, "withdraw*", window=narrow, sort="1L")
    assert ordered["start"].tolist() != narrowed["start"].tolist()  # the order changes
    shown = wait_for_table(page, explorer, expected_table(ordered))
    assert shown.equals(expected_table(ordered)), shown
    expect(counter).to_have_text(counter_text(ordered))


def _table_rows(scope, selector: str, n_columns: int) -> list[list[str]]:
    rows = scope.locator(selector)
    return [
        [(t or "") for t in r.locator("td").all_text_contents()][:n_columns] for r in rows.all()
    ]


def _wait_for_rows(page, scope, selector: str, expected: list[list[str]], timeout: float = 20):
    """Wait until the rows under ``selector`` start with the ``expected`` cells."""
    n_columns = len(expected[0]) if expected else 0
    deadline = time.monotonic() + timeout
    shown = _table_rows(scope, selector, n_columns)
    while shown != expected and time.monotonic() < deadline:
        page.wait_for_timeout(200)
        shown = _table_rows(scope, selector, n_columns)
    return shown


def _image_sources(scope) -> list[str]:
    return [img.get_attribute("src") or "" for img in scope.locator("img.widget-image").all()]


def _wait_for_new_plots(page, scope, before: list[str], timeout: float = 20) -> list[str]:
    """Wait until every plot of ``scope`` has been replaced since ``before``."""
    deadline = time.monotonic() + timeout
    now = _image_sources(scope)[: len(before)]
    while any(a == b for a, b in zip(now, before, strict=True)) and time.monotonic() < deadline:
        page.wait_for_timeout(200)
        now = _image_sources(scope)[: len(before)]
    return now


def _cell(value) -> str:
    return "" if pd.isna(value) else str(value)


def check_speaker_explorer(page, explorer, corpus, speaker: str) -> None:
    """Pick ``speaker`` as a researcher would; the quotations shown must be
    exactly that speaker's in :func:`toolkit.extract_quotes` (text, kind,
    document and offsets), and the summary must name them."""
    from playwright.sync_api import expect

    quotes = toolkit.extract_quotes(corpus)
    theirs = quotes[quotes["speaker"].astype(str) == speaker]
    assert len(theirs) > 1, f"pick a speaker with several quotations, not {speaker!r}"
    box = explorer.get_by_label("Speaker", exact=True)
    assert box.input_value() != speaker, "the explorer already shows this speaker"
    box.select_option(value=[o for o in _options(box) if o.startswith(f"{speaker} (")])
    expected = [
        [f"{r.doc_id}{r.start}\u2013{r.end}", str(r.kind), str(r.text)]
        for r in theirs.itertuples(index=False)
    ]
    shown = _wait_for_rows(page, explorer, "table.toolkit-quotes-table tbody tr", expected)
    assert shown == expected
    summary = explorer.locator(".widget-html-content").filter(
        has_text=re.compile(r"\d+ quotations?, mean tone")
    )
    expect(summary).to_contain_text(f"{speaker}")
    expect(summary).to_contain_text(f"{len(theirs)} quotations")
    # the tone plot covers every speaker under the same filters: it is there and decodes
    assert _image_sources(explorer) and check_widget_images(explorer) == []


def _options(select) -> list[str]:
    return select.locator("option").evaluate_all("os => os.map(o => o.value)")


def check_count_explorer(page, explorer, corpus, *, label: str, lexicon: str, picks) -> None:
    """Choose entries of an actor or frame explorer one after the other, then
    change the grouping; the counter and the table must show the mentions
    :func:`toolkit.find_actors` / :func:`toolkit.find_frames` returns for that
    entry, and the plots must be redrawn at each change."""
    from playwright.sync_api import expect

    find = toolkit.find_actors if label == "actor" else toolkit.find_frames
    hits = find(corpus, toolkit.load_lexicon(lexicon))
    noun = "mention" if label == "actor" else "hit"
    entries = explorer.get_by_label(f"{label.capitalize()}s", exact=True)
    counter = explorer.locator(".widget-html-content").filter(
        has_text=re.compile(rf" {noun}s? in ")
    )
    table = ".toolkit-hits table tbody tr"
    for pick in picks:
        mine = hits[hits[label].astype(str) == pick]
        assert len(mine) > 0, f"{pick!r} has no {noun}s in this corpus"
        before = _image_sources(explorer)
        entries.select_option(label=pick)
        expected = [
            [str(r["doc_id"]), pick, _cell(r["voice"]), _cell(r["speaker"])]
            for r in mine.head(200).to_dict("records")
        ]
        shown = _wait_for_rows(page, explorer, table, expected)
        assert shown == expected
        n, docs = len(mine), mine["doc_id"].nunique()
        expect(counter).to_have_text(
            f"{n:,} {noun}{'s' if n != 1 else ''} in {docs:,} document{'s' if docs != 1 else ''}"
        )
        after = _wait_for_new_plots(page, explorer, before)
        assert all(a != b for a, b in zip(after, before, strict=True)), "a plot was not redrawn"
    before = _image_sources(explorer)
    grouping = explorer.get_by_label("Group by", exact=True)
    grouping.select_option(label="speaker")
    after = _wait_for_new_plots(page, explorer, before[:1])
    assert after[0] != before[0], "the plot was not redrawn for the new grouping"
    assert _table_rows(explorer, table, 4) == expected  # the same mentions, grouped anew
    assert check_widget_images(explorer) == []


# ------------------------------------------------------------ hand coding


def set_parameter(notebook: Path, name: str, value: str) -> None:
    """Give ``name`` a new value in the notebook's parameters cell (a copy of
    the notebook: what a researcher does before running it)."""
    nb = json.loads(notebook.read_text("utf-8"))
    cell = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
    lines = "".join(cell["source"]).splitlines()
    assert any(line.startswith(f"{name} = ") for line in lines), f"no {name} parameter"
    cell["source"] = "\n".join(
        f"{name} = {value}" if line.startswith(f"{name} = ") else line for line in lines
    )
    notebook.write_text(json.dumps(nb, indent=1), "utf-8")


def read_saved_codes(path: Path, coder: str, n: int, timeout: float = 20) -> list:
    """The first ``n`` codes of ``coder`` in a coding sheet, once the sheet holds
    ``n`` (the explorer writes it at every decision)."""
    deadline = time.monotonic() + timeout
    codes: list = []
    while time.monotonic() < deadline:
        if path.exists():
            try:
                codes = toolkit.read_coding_sheet(path)[coder].tolist()
            except (ValueError, OSError):  # caught mid-replace: read again
                codes = []
            if sum(isinstance(c, str) for c in codes) >= n:
                break
        time.sleep(0.2)
    return codes[:n]


def code_three_units(page, explorer) -> list[str]:
    """Code three units as a researcher would: a click on a button, then two
    keys pressed with the pointer over the unit; then step back with the left
    arrow. Returns the codes given, in order."""
    from playwright.sync_api import expect

    progress = explorer.locator(".widget-html-content").filter(has_text=re.compile(r" coded"))
    expect(progress).to_have_text(re.compile(r"^0 of \d+ coded"))
    where = explorer.locator(".widget-html-content").filter(has_text=re.compile(r"^unit \d+ \("))
    expect(where).to_contain_text("(1 of ")
    explorer.get_by_role("button", name="correct (1)").click()
    expect(progress).to_have_text(re.compile(r"^1 of \d+ coded"))
    expect(where).to_contain_text("(2 of ")
    unit = explorer.locator(".toolkit-coding-unit")
    unit.hover()
    page.keyboard.press("2")
    expect(progress).to_have_text(re.compile(r"^2 of \d+ coded"))
    expect(where).to_contain_text("(3 of ")
    unit.hover()
    page.keyboard.press("3")
    expect(progress).to_have_text(re.compile(r"^3 of \d+ coded"))
    expect(where).to_contain_text("(4 of ")
    page.keyboard.press("ArrowLeft")
    expect(where).to_contain_text("(3 of ")
    # the unit shown again carries its code: the "unsure" button is highlighted
    expect(explorer.get_by_role("button", name="unsure (3)")).to_have_class(re.compile("mod-info"))
    return ["correct", "wrong", "unsure"]

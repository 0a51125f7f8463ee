"""Fixtures for the browser tests: Chromium driven by Playwright, JupyterLab and
Voilà servers, and a screenshot with the console log of every failing test.

The tests use the system's Chromium (the Debian package ``chromium`` installs
``/usr/bin/chromium``) or the browser named by ``TOOLKIT_E2E_BROWSER``; they
never download one. Without Playwright or a browser they skip, saying why.

Environment variables:

``TOOLKIT_E2E_BROWSER``
    Path of a Chromium or Chrome executable to use.
``TOOLKIT_E2E_ARTIFACTS``
    Where failure screenshots and console logs go (default ``tests/e2e/artifacts``).
``TOOLKIT_SCREENSHOTS``
    Set to ``1`` to (re)write the README's screenshots in ``docs/images/``.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import ROOT
from . import servers

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
VIEWPORT = {"width": 1280, "height": 900}
ARTIFACTS = Path(os.environ.get("TOOLKIT_E2E_ARTIFACTS", ROOT / "tests" / "e2e" / "artifacts"))
SCREENSHOTS = ROOT / "docs" / "images"


def browser_executable() -> str | None:
    """The Chromium to drive: ``TOOLKIT_E2E_BROWSER``, else one on the PATH."""
    named = os.environ.get("TOOLKIT_E2E_BROWSER")
    if named:
        return named
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def screenshots_wanted() -> bool:
    """True when the run should rewrite the README's screenshots."""
    return os.environ.get("TOOLKIT_SCREENSHOTS", "") not in ("", "0")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="Playwright is not installed (pip install -e '.[test]' installs it)",
    )
    executable = browser_executable()
    if executable is None:
        pytest.skip(
            "no Chromium found: install the Debian package 'chromium' or set "
            "TOOLKIT_E2E_BROWSER to a Chromium or Chrome executable"
        )
    if not Path(executable).exists():
        pytest.skip(f"TOOLKIT_E2E_BROWSER={executable} does not exist")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def lab(browser, tmp_path_factory) -> Iterator[servers.Server]:
    """A JupyterLab server for the whole session (tests shut their kernels down)."""
    with servers.jupyterlab(tmp_path_factory.mktemp("lab")) as server:
        yield server


@pytest.fixture(scope="session")
def dashboard_server(browser, tmp_path_factory) -> Iterator[servers.Server]:
    """Voilà serving notebooks/00-explorer-dashboard.ipynb."""
    with servers.voila(tmp_path_factory.mktemp("voila"), "00-explorer-dashboard.ipynb") as server:
        yield server


@pytest.fixture
def page(browser, request) -> Iterator[object]:
    """A fresh browser page; its console messages are kept for failure reports."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.console_lines = []
    page.on("console", lambda msg: page.console_lines.append(f"[{msg.type}] {msg.text}"))
    page.on("pageerror", lambda exc: page.console_lines.append(f"[pageerror] {exc}"))
    try:
        yield page
    finally:
        context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """On failure, save a screenshot and the browser console log, and name them
    in the test report."""
    report = yield
    page = item.funcargs.get("page") if hasattr(item, "funcargs") else None
    if report.failed and report.when == "call" and page is not None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid.split("::", 1)[-1])
        png, log = ARTIFACTS / f"{stem}.png", ARTIFACTS / f"{stem}.console.log"
        lines = [*page.console_lines]
        try:
            page.screenshot(path=str(png), full_page=True)
        except Exception as exc:  # the page may be what broke
            lines.append(f"(no screenshot: {exc})")
        for name in ("lab", "dashboard_server"):
            server = item.funcargs.get(name)
            if server is not None:
                lines += ["", f"--- end of the {name} server log", server.log_tail()]
        log.write_text("\n".join(lines) + "\n", encoding="utf-8")
        report.sections.append(("browser artifacts", f"screenshot: {png}\nconsole log: {log}"))
    return report

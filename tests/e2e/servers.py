"""JupyterLab and Voilà servers for the browser tests, each in a temporary copy
of ``notebooks/`` and ``data/``, on 127.0.0.1 with a free port and a random token.

Every server runs in its own process group with its own Jupyter configuration,
data, runtime, settings and workspace folders (all temporary), so nothing the
developer has configured or installed by hand leaks into the test: widget
support has to come from the installed Python packages. Stopping a server also
ends any kernel it started.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..conftest import ROOT

START_TIMEOUT = 90  # seconds for a server to answer
STOP_TIMEOUT = 20  # seconds for a server to shut its kernels down and exit


@dataclass
class Server:
    """A running server: where it listens and where it works."""

    url: str  # http://127.0.0.1:PORT
    token: str
    work: Path  # the folder holding the copies of notebooks/ and data/
    log: Path  # the server's stdout and stderr

    def address(self, path: str) -> str:
        """The URL of ``path`` on this server, with the token."""
        sep = "&" if "?" in path else "?"
        return f"{self.url}{path}{sep}token={self.token}"

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text("utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_project_files(base: Path) -> Path:
    """Copy ``notebooks/`` and ``data/`` into ``base/work`` (the notebooks open
    ``../data`` by default, so the two stay side by side)."""
    work = base / "work"
    for name in ("notebooks", "data"):
        shutil.copytree(
            ROOT / name, work / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
        )
    return work


def _isolated_environment(base: Path) -> dict[str, str]:
    """Environment variables giving the server fresh, empty Jupyter folders."""
    env = dict(os.environ)
    folders = {
        "JUPYTER_CONFIG_DIR": "config",
        "JUPYTER_DATA_DIR": "data",
        "JUPYTER_RUNTIME_DIR": "runtime",
        "JUPYTERLAB_SETTINGS_DIR": "settings",
        "JUPYTERLAB_WORKSPACES_DIR": "workspaces",
        "IPYTHONDIR": "ipython",
    }
    for variable, name in folders.items():
        path = base / "jupyter" / name
        path.mkdir(parents=True, exist_ok=True)
        env[variable] = str(path)
    # The kernel imports the toolkit of this checkout, installed or not.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    # Settings a researcher would answer on first start: no news, no update check
    # (both would reach the network, and their pop-up would cover the screenshots).
    notification = base / "jupyter" / "settings" / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True, exist_ok=True)
    (notification / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8"
    )
    return env


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextlib.contextmanager
def _running(
    command: list[str], *, base: Path, work: Path, port: int, token: str, ready_path: str
) -> Iterator[Server]:
    log = base / f"server-{port}.log"
    server = Server(url=f"http://127.0.0.1:{port}", token=token, work=work, log=log)
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            cwd=work,
            env=_isolated_environment(base),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: kernels included
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _answers(server.address(ready_path)):
            if process.poll() is not None:
                raise RuntimeError(
                    f"{command[2]} exited with status {process.returncode}:\n{server.log_tail()}"
                )
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"{command[2]} did not answer within {START_TIMEOUT} s:\n{server.log_tail()}"
                )
            time.sleep(0.3)
        yield server
    finally:
        _stop(process)
        _end_leftovers(base)


def _stop(process: subprocess.Popen) -> None:
    """Ask the server to shut down (it stops its kernels), then end whatever is
    left of its process group."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def _end_leftovers(base: Path) -> None:
    """End any process still working in ``base`` (a kernel whose server died
    before it could stop it): its command line or working folder is in there."""
    proc = Path("/proc")
    if not proc.is_dir():
        return
    inside = str(base)
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            cwd = os.readlink(entry / "cwd")
        except OSError:
            continue
        if inside in cmdline or cwd == inside or cwd.startswith(inside + os.sep):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(int(entry.name), signal.SIGKILL)


@contextlib.contextmanager
def jupyterlab(base: Path) -> Iterator[Server]:
    """JupyterLab serving a fresh copy of the notebooks and the sample data."""
    work = copy_project_files(base)
    port, token = free_port(), secrets.token_hex(24)
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--allow-root",  # CI containers run as root
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={work}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    with _running(
        command, base=base, work=work, port=port, token=token, ready_path="/api/status"
    ) as server:
        yield server


@contextlib.contextmanager
def voila(base: Path, notebook: str) -> Iterator[Server]:
    """Voilà serving one notebook (code hidden, as colleagues see it)."""
    work = copy_project_files(base)
    port, token = free_port(), secrets.token_hex(24)
    command = [
        sys.executable,
        "-m",
        "voila",
        str(work / "notebooks" / notebook),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        f"--token={token}",
    ]
    with _running(
        command, base=base, work=work, port=port, token=token, ready_path="/voila/static/voila.js"
    ) as server:
        yield server

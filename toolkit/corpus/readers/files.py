"""Reading files safely, and walking folders without recursion.

Every reader gets its bytes through :func:`open_regular_file`, which looks at what
a path is before opening it: only a regular file (or a link to one) is opened, so
a named pipe, a device such as ``/dev/zero``, a socket or a folder is skipped
with its reason and never blocks or fills memory; a file larger than a limit is
skipped by its size. :func:`walk_files` lists a folder's files with an explicit
stack (a folder thousands of levels deep is no problem), follows links to folders
once (never round a loop), and reports folders it cannot read instead of
stopping. :func:`shown` turns a file name that is not valid UTF-8 into a string
that can be shown and stored (U+FFFD for each undecodable byte).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ...text.characters import replace_lone_surrogates
from ..corpus import report_row

__all__ = [
    "MAX_TEXT_FILE_BYTES",
    "SkippedFile",
    "open_regular_file",
    "read_file_bytes",
    "shown",
    "walk_files",
]

MAX_TEXT_FILE_BYTES = 256 * 2**20
"""The most one article file (``.txt``, ``.md``, ``.html``) may hold: 256 MiB is
some forty thousand articles' worth; a larger file is skipped, not read."""

_KINDS = [
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
]


class SkippedFile(ValueError):
    """A file that cannot be read as a document; ``reason`` says why, for the report."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"Could not load '{shown(path)}': {reason}")
        self.reason = reason


def shown(path: Any) -> str:
    """A path as text that can always be shown and stored: bytes of a file name
    that are not valid UTF-8 become U+FFFD.

    Examples
    --------
    >>> shown(Path("bad\\udcffname.txt"))
    'bad\\ufffdname.txt'
    """
    return replace_lone_surrogates(str(path))[0]


def _size(n: int) -> str:
    return f"{n:,} bytes" if n < 2**20 else f"{n / 2**20:,.1f} MiB"


def _kind(mode: int) -> str | None:
    """What a file that is not a regular file is (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _stat(path: Path) -> os.stat_result:
    try:
        return path.stat()
    except FileNotFoundError:
        reason = "a link to nothing (broken link)" if path.is_symlink() else "no such file"
        raise SkippedFile(path, reason) from None
    except OSError as exc:
        raise SkippedFile(path, f"could not be read: {exc.strerror or exc}") from None


@contextlib.contextmanager
def open_regular_file(path: Path, *, limit: int | None = None) -> Iterator[BinaryIO]:
    """Open ``path`` for reading in binary if, and only if, it is a regular file
    (following links) no larger than ``limit`` bytes; otherwise raise
    :class:`SkippedFile` saying what it is. The file type is checked before the
    file is opened (a named pipe is never opened, so nothing waits for a writer)
    and again on the open file, in case it changed in between."""
    kind = _kind(_stat(path).st_mode)
    if kind is not None:
        raise SkippedFile(path, f"{kind}, not a regular file; not opened")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise SkippedFile(path, f"could not be read: {exc.strerror or exc}") from None
    handle = os.fdopen(fd, "rb")
    with handle:
        info = os.fstat(handle.fileno())
        kind = _kind(info.st_mode)
        if kind is not None:
            raise SkippedFile(path, f"{kind}, not a regular file; not read")
        if limit is not None and info.st_size > limit:
            raise SkippedFile(
                path,
                f"{_size(info.st_size)}, more than the {_size(limit)} one article "
                "file may hold; split it, or load it as a table (.jsonl, .csv)",
            )
        yield handle


def read_file_bytes(path: Path, *, limit: int | None = MAX_TEXT_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (see
    :func:`open_regular_file`); reading stops past the limit even if the file
    grows while it is read."""
    with open_regular_file(path, limit=limit) as f:
        try:
            data = f.read() if limit is None else f.read(limit + 1)
        except OSError as exc:
            raise SkippedFile(path, f"could not be read: {exc.strerror or exc}") from None
    if limit is not None and len(data) > limit:
        raise SkippedFile(path, f"more than the {_size(limit)} one article file may hold")
    return data


def walk_files(folder: Path) -> tuple[list[Path], list[dict[str, Any]]]:
    """Every file under ``folder`` (anything that is not a folder: regular files,
    links, pipes ...), sorted by path, and report rows for what was not walked:
    hidden folders, folders that cannot be listed, links back to a folder already
    walked. Iterative: no recursion, whatever the depth."""
    files: list[Path] = []
    rows: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            info = current.stat()
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            rows.append(
                report_row(current, None, "skipped", f"folder not read: {exc.strerror or exc}", "")
            )
            continue
        if (info.st_dev, info.st_ino) in seen:
            rows.append(
                report_row(
                    current, None, "skipped", "link to a folder already read; not read again", ""
                )
            )
            continue
        seen.add((info.st_dev, info.st_ino))
        for entry in entries:
            path = Path(entry.path)
            if _is_folder(entry):
                if entry.name.startswith("."):
                    rows.append(report_row(path, None, "skipped", "hidden folder; not read", ""))
                else:
                    stack.append(path)
            else:
                files.append(path)
    files.sort(key=lambda p: p.as_posix())
    return files, rows


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False

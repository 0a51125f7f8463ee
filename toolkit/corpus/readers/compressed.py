"""Reading compressed files: gzip (``.gz``), bzip2 (``.bz2``) and xz (``.xz``).

A table of articles is often shipped compressed (``articles.jsonl.gz``,
``export.csv.bz2``): :func:`inner_suffix` names the format under the
compression suffix; :func:`open_decompressed` and :func:`read_bytes` give a
file's contents, decompressed when its name says it is compressed and its first
bytes agree. Files are opened through
:func:`~toolkit.corpus.readers.files.open_regular_file`, so a pipe or a device
named ``x.jsonl.gz`` is skipped like any other; :func:`open_contents` is what
the table readers open.
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import io
import lzma
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .files import SkippedFile, open_regular_file

__all__ = [
    "COMPRESSED_SUFFIXES",
    "inner_suffix",
    "is_compressed",
    "open_contents",
    "open_decompressed",
    "read_bytes",
]

# suffix -> (name, magic bytes, the class of a decompressing file object)
_FORMATS: dict[str, tuple[str, bytes, Any]] = {
    ".gz": ("gzip", b"\x1f\x8b", gzip.GzipFile),
    ".bz2": ("bzip2", b"BZh", bz2.BZ2File),
    ".xz": ("xz", b"\xfd7zXZ\x00", lzma.LZMAFile),
}
COMPRESSED_SUFFIXES = frozenset(_FORMATS)
_ERRORS = (OSError, EOFError, lzma.LZMAError, ValueError)


def is_compressed(path: str | Path) -> bool:
    """True when the file name ends in a compression suffix (``.gz``, ``.bz2``, ``.xz``).

    Examples
    --------
    >>> is_compressed("wh.jsonl.gz"), is_compressed("wh.jsonl")
    (True, False)
    """
    return Path(path).suffix.lower() in COMPRESSED_SUFFIXES


def inner_suffix(path: str | Path) -> str:
    """The format suffix of a file name, under its compression suffix if it has one,
    lower-cased.

    Examples
    --------
    >>> inner_suffix("data/wh_afghanistan_2021_2022.jsonl.gz"), inner_suffix("Articles.CSV")
    ('.jsonl', '.csv')
    """
    path = Path(path)
    if is_compressed(path):
        path = path.with_suffix("")
    return path.suffix.lower()


@contextlib.contextmanager
def open_decompressed(path: Path) -> Iterator[IO[bytes]]:
    """A binary file object of ``path``'s contents, decompressed when its name ends
    in ``.gz``, ``.bz2`` or ``.xz``.

    Raises
    ------
    SkippedFile
        When the file is not a regular file, or its name says it is compressed
        but its first bytes say it is not.
    """
    fmt = _FORMATS.get(path.suffix.lower())
    with open_regular_file(path) as handle:
        if fmt is None:
            yield handle
            return
        name, magic, stream_class = fmt
        if handle.read(len(magic)) != magic:
            raise SkippedFile(
                path,
                f"named as a {name} file ({path.suffix}) but it is not one; rename it "
                f"without '{path.suffix}' if it is not compressed",
            )
        handle.seek(0)
        with (
            stream_class(fileobj=handle, mode="rb")
            if name == "gzip"
            else stream_class(handle, mode="rb") as stream
        ):
            yield stream


def read_bytes(path: Path) -> bytes:
    """The contents of a file, decompressed when its name ends in ``.gz``, ``.bz2``
    or ``.xz`` (see :func:`open_decompressed`).

    Raises
    ------
    SkippedFile
        As :func:`open_decompressed`, and when the compressed data is damaged
        (the reason names the compression).
    """
    with open_decompressed(path) as f:
        try:
            return f.read()
        except _ERRORS as exc:
            name = _FORMATS.get(path.suffix.lower(), ("",))[0] or "the file"
            raise SkippedFile(path, f"could not be decompressed ({name}): {exc}") from None


@contextlib.contextmanager
def open_contents(path: Path) -> Iterator[IO[bytes]]:
    """A binary file object of ``path``'s contents: the regular file itself, or for
    a compressed file its contents decompressed in memory (so that a damaged file
    fails here, with its reason, and not halfway through a table).

    Raises
    ------
    SkippedFile
        As :func:`read_bytes`.
    """
    if not is_compressed(path):
        with open_regular_file(path) as handle:
            yield handle
        return
    yield io.BytesIO(read_bytes(path))

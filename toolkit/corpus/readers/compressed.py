"""Reading compressed files: gzip (``.gz``), bzip2 (``.bz2``) and xz (``.xz``).

A table of articles is often shipped compressed (``articles.jsonl.gz``,
``export.csv.bz2``): :func:`inner_suffix` names the format under the
compression suffix, and :func:`read_bytes` returns a file's contents,
decompressed when its name says it is compressed and its first bytes agree.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
from collections.abc import Callable
from pathlib import Path

__all__ = ["COMPRESSED_SUFFIXES", "inner_suffix", "is_compressed", "read_bytes"]

# suffix -> (name, magic bytes, decompress)
_FORMATS: dict[str, tuple[str, bytes, Callable[[bytes], bytes]]] = {
    ".gz": ("gzip", b"\x1f\x8b", gzip.decompress),
    ".bz2": ("bzip2", b"BZh", bz2.decompress),
    ".xz": ("xz", b"\xfd7zXZ\x00", lzma.decompress),
}
COMPRESSED_SUFFIXES = frozenset(_FORMATS)


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


def read_bytes(path: Path) -> bytes:
    """The contents of a file, decompressed when its name ends in ``.gz``, ``.bz2``
    or ``.xz``.

    Raises
    ------
    ValueError
        When the file cannot be read, or its name says it is compressed but its
        contents are not (or are damaged); the message names the file and the
        compression.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"Could not read '{path}': {exc.strerror or exc}") from exc
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        return data
    name, magic, decompress = fmt
    if not data.startswith(magic):
        raise ValueError(
            f"'{path}' is named as a {name} file ({path.suffix}) but is not one; "
            f"rename it without '{path.suffix}' if it is not compressed"
        )
    try:
        return decompress(data)
    except (OSError, EOFError, lzma.LZMAError, ValueError) as exc:
        raise ValueError(f"Could not decompress '{path}' ({name}): {exc}") from exc

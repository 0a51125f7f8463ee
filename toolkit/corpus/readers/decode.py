"""Decoding file contents: UTF-8, byte order marks, legacy encodings."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..corpus import report_row
from .compressed import read_bytes

__all__ = ["decode_bytes", "decode_file"]

_WESTERN = {
    "cp1250",
    "cp1252",
    "cp1254",
    "cp1257",
    "latin_1",
    "iso8859_15",
    "iso8859_2",
    "iso8859_9",
    "mac_roman",
    "mac_latin2",
    "ascii",
    "iso8859_10",
    "iso8859_13",
    "iso8859_14",
    "iso8859_16",
    "iso8859_3",
    "iso8859_4",
    "cp850",
    "cp437",
}


def decode_file(path: Path, report: list) -> str:
    """The text of a file (decompressed first when its name ends in ``.gz``,
    ``.bz2`` or ``.xz``), decoded as :func:`decode_bytes` does; an unusual
    decoding is noted in ``report``."""
    data = read_bytes(path)
    text, note = decode_bytes(data)
    if text is None:
        raise ValueError(f"Could not read '{path}': {note}")
    if note:
        report.append(report_row(path, None, "decoded", note, ""))
    return text


def decode_bytes(data: bytes) -> tuple[str | None, str | None]:
    """Decode file contents: UTF-8 (with or without a byte order mark), UTF-16/32
    with a byte order mark, else the most likely legacy encoding.

    Returns
    -------
    (text, note)
        ``text`` is None for binary data; ``note`` says what was unusual, for the
        report. Line endings are normalised to ``\\n``.
    """
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                break
            note = None if enc == "utf-8-sig" else f"decoded as {enc.upper()} (byte order mark)"
            return _newlines(text), note
    if b"\x00" in data[:8192]:
        return None, "binary file (contains NUL bytes)"
    try:
        return _newlines(data.decode("utf-8")), None
    except UnicodeDecodeError as exc:
        position = exc.start
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guess = best.encoding if best is not None else None
    encoding = "cp1252" if guess is None or guess in _WESTERN else guess
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        encoding = "latin-1"
        text = data.decode(encoding)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.05 * min(len(text), 8192):
        return None, "binary file (mostly control characters)"
    return _newlines(text), (
        f"not valid UTF-8 (first bad byte at {position}); decoded as {encoding}"
    )


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")

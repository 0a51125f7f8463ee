"""Decoding file contents: UTF-8, byte order marks, legacy encodings, and
recognising files that are not text at all (PDF, Word, images ...).

**Legacy encodings.** Bytes that are not UTF-8 are decoded by trying the
candidates in a stated order: Windows-1252 first (the encoding Windows and most
older Western news systems wrote, of which Latin-1 is a subset), then every
encoding charset-normalizer finds plausible, in its ranking. Windows-1252 is kept
unless it cannot decode the bytes or its text reads as mojibake by
charset-normalizer's own measure (a *mess ratio*, the share of characters that
look wrong, of :data:`MESSY` or more). So ``Café`` never becomes ``Cafķ``
through cp775, ``Cafй`` through cp1251 or a Chinese character through Big5 (a
few accented letters in Latin text can also be read as double-byte characters),
while Russian, Greek, Polish or Japanese text, which Windows-1252 cannot read
cleanly, gets its own encoding. The report's detail lists the candidates with
their mess ratios and how sure the choice is.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from typing import NamedTuple

__all__ = [
    "FIRST_CHOICE",
    "MESSY",
    "Decoded",
    "choose_encoding",
    "decode_bytes",
    "not_text_reason",
    "sniff_format",
]

FIRST_CHOICE = "cp1252"
MESSY = 0.2
"""The mess ratio from which a decoding reads as mojibake (charset-normalizer's
own default threshold for a plausible decoding)."""
_LABELS = {
    "cp1252": "Windows-1252 (Western European)",
    "latin_1": "Latin-1",
    "cp1250": "Windows-1250 (Central European)",
    "cp1251": "Windows-1251 (Cyrillic)",
}


class Decoded(NamedTuple):
    """What :func:`decode_bytes` found: ``text`` (None when the bytes are not
    text), ``reason`` (what was unusual, for the report; None for plain UTF-8)
    and ``detail`` (how a legacy encoding was chosen)."""

    text: str | None
    reason: str | None
    detail: str = ""


# Signatures at the start of a file, and what they say it is.
_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF-", "a PDF file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word .doc or other old Microsoft Office file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"PAR1", "a Parquet table"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program (ELF executable)"),
]
# Formats that hold documents: the report says how to get their text.
_DOCUMENTS = {
    "a PDF file",
    "a Word .doc or other old Microsoft Office file",
    "a Word .docx file",
    "an OpenDocument text (.odt) file",
    "an EPUB e-book",
    "an Excel .xlsx workbook",
    "a PowerPoint .pptx file",
}
_ZIP_MEMBERS = [
    ("word/", "a Word .docx file"),
    ("xl/", "an Excel .xlsx workbook"),
    ("ppt/", "a PowerPoint .pptx file"),
]
_ZIP_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "an OpenDocument text (.odt) file",
    b"application/epub+zip": "an EPUB e-book",
}


def sniff_format(data: bytes) -> str | None:
    """What a file is when its first bytes say it is not plain text.

    Examples
    --------
    >>> sniff_format(b"%PDF-1.7 ...")
    'a PDF file'
    >>> sniff_format(b"Plain text.") is None
    True
    """
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = z.namelist()
            if "mimetype" in names:
                kind = _ZIP_MIMETYPES.get(z.read("mimetype").strip())
                if kind:
                    return kind
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError):
        return "a ZIP archive"
    return next(
        (kind for prefix, kind in _ZIP_MEMBERS if any(n.startswith(prefix) for n in names)),
        "a ZIP archive",
    )


def not_text_reason(kind: str) -> str:
    """The report's reason for skipping a file of a recognised non-text ``kind``."""
    if kind in _DOCUMENTS:
        return f"{kind}, not plain text: save or export it as text (.txt, .csv) to load it"
    return f"binary file ({kind}), not text"


def decode_bytes(data: bytes) -> Decoded:
    """Decode file contents: UTF-8 (with or without a byte order mark), UTF-16/32
    with a byte order mark, else the most likely legacy encoding (see the module's
    notes for the order the candidates are tried in).

    Returns
    -------
    Decoded
        ``text`` is None for data that is not text (``reason`` says what it is).
        Line endings are normalised to ``\\n``.

    Examples
    --------
    >>> d = decode_bytes("Café “withdrawal”".encode("cp1252"))
    >>> d.text, d.reason
    ('Café “withdrawal”', 'not valid UTF-8 (first bad byte at 3); decoded as cp1252, Windows-1252 (Western European)')
    >>> decode_bytes(b"%PDF-1.4 ...").reason
    'a PDF file, not plain text: save or export it as text (.txt, .csv) to load it'
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
            return Decoded(_newlines(text), note)
    kind = sniff_format(data)
    if kind is not None:
        return Decoded(None, not_text_reason(kind))
    if b"\x00" in data[:8192]:
        return Decoded(None, "binary file (contains NUL bytes)")
    try:
        return Decoded(_newlines(data.decode("utf-8")), None)
    except UnicodeDecodeError as exc:
        position = exc.start
    encoding, detail = choose_encoding(data)
    text = data.decode(encoding, errors="replace")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.05 * min(len(text), 8192):
        return Decoded(None, "binary file (mostly control characters)")
    label = _LABELS.get(encoding)
    return Decoded(
        _newlines(text),
        f"not valid UTF-8 (first bad byte at {position}); decoded as {encoding}"
        + (f", {label}" if label else ""),
        detail,
    )


def choose_encoding(data: bytes) -> tuple[str, str]:
    """The legacy encoding of ``data`` and a sentence saying how it was chosen:
    Windows-1252 unless it cannot decode the bytes or reads as mojibake, else
    charset-normalizer's best.

    Examples
    --------
    >>> choose_encoding("Привет, как дела? Это тест русского текста.".encode("cp1251"))[0]
    'cp1251'
    >>> choose_encoding("Kabul XàX.".encode("cp1252"))[0]  # Big5 would read 'X貆'
    'cp1252'
    """
    from charset_normalizer import from_bytes

    ranked = list(from_bytes(data))
    first = _first_choice_mess(data, ranked)
    if first is not None and first < MESSY:
        chosen, mess = FIRST_CHOICE, first
    elif ranked:
        chosen, mess = ranked[0].encoding, ranked[0].chaos
    else:  # nothing fits: Latin-1 decodes any bytes, one character each
        chosen, mess = "latin_1", None
    others = [m for m in ranked if chosen not in m.could_be_from_charset]
    listed = ", ".join(f"{m.encoding} (mess {m.chaos:.1%})" for m in others[:6])
    detail = (
        f"candidates in order: {FIRST_CHOICE} first"
        + ("" if first is None else f" (mess {first:.1%})")
        + f", kept unless it reads as mojibake (mess {MESSY:.0%} or more); then "
        f"charset-normalizer's ranking: {listed or 'none'}; chose {chosen}"
    )
    if mess is None:
        return chosen, detail + " as no candidate fits: check the text"
    detail += f", confidence {1 - mess:.0%}"
    rivals = sum(1 for m in others if m.chaos <= mess + 1e-9)
    if rivals:
        detail += f"; {rivals} other candidate(s) read as cleanly or more: check the text"
    return chosen, detail


def _first_choice_mess(data: bytes, ranked: list) -> float | None:
    """charset-normalizer's mess ratio of ``data`` read as the first choice, or
    None when the bytes are not valid in it."""
    for m in ranked:
        if FIRST_CHOICE in m.could_be_from_charset:
            return m.chaos
    try:
        data.decode(FIRST_CHOICE)
    except UnicodeDecodeError:
        return None
    from charset_normalizer import from_bytes

    alone = from_bytes(data, cp_isolation=[FIRST_CHOICE], threshold=1.0).best()
    return None if alone is None else alone.chaos


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")

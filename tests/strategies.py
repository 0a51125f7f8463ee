"""Hypothesis strategies for the loading tests, in one place: article texts, and
mixtures of good and bad files, JSON lines and CSV rows."""

from __future__ import annotations

import io
import zipfile

from hypothesis import strategies as st

# Letters, marks and joiners, typographic punctuation, non-breaking spaces.
_ALPHABET = list("abcdefghij XYZ.,;:!?'\"-\n\u00e9\u00fc\u00a0\u201c\u201d\u2019\u0301\u00ad\u200d")
_WESTERN = list("abcdefghij XYZ.,;:!?'\"-\n\u00e9\u00fc\u00e0\u00a0\u201c\u201d\u2019\u2013")


def _article(alphabet: list[str]) -> st.SearchStrategy[str]:
    """A short text with at least one word in it."""
    body = st.text(alphabet=st.sampled_from(alphabet), max_size=80)
    return st.tuples(st.sampled_from(["Kabul", "Troops", "Talks", "Doha"]), body).map(
        lambda parts: f"{parts[0]} {parts[1]}".rstrip() + "."
    )


article_text = _article(_ALPHABET)
western_text = _article(_WESTERN)  # every character is in Windows-1252


def _zip(member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(member, "<x/>")
    return buffer.getvalue()


GOOD_FILES = ["utf8", "utf8-bom", "cp1252", "front matter", "html", "crlf"]
# kind -> what the report says (the start of its reason)
BAD_FILES = {
    "empty": "empty file",
    "spaces": "empty file",
    "nul": "binary file (contains NUL bytes)",
    "png": "binary file (a PNG image)",
    "pdf": "not a readable PDF",  # read by content, as a PDF; this one is broken
    "docx": "not a readable Word file",
    "xlsx": "an Excel .xlsx workbook",
    "front matter only": "no text after the front matter",
    "hidden": "hidden file",
    "readme": "documentation of the folder",
    "other suffix": "not a .txt, .md or .html file",
    "named pipe": "a named pipe",
    "link to /dev/zero": "a character device",
    "broken link": "a link to nothing",
    "hidden folder": "hidden folder",
}
BAD_BYTES = {
    "empty": b"",
    "spaces": b" \n\t \n",
    "nul": b"Kabul\x00\x00 fell",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(64)),
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(128, 256)),
    "docx": _zip("word/document.xml"),
    "xlsx": _zip("xl/workbook.xml"),
    "front matter only": b"---\ntitle: Nothing else\n---\n",
}
# names that look like folder documentation but are articles, and plain ones
NAMES = ["story", "notice-of-evacuation", "Manifest_2021-08-15", "license-plates-seized", "Müller"]

folder_files = st.lists(
    st.tuples(
        st.sampled_from(GOOD_FILES + list(BAD_FILES)),
        st.sampled_from(NAMES),
        st.sampled_from(["", "sub/", "sub/deeper/"]),
        article_text,
        western_text,
    ),
    min_size=1,
    max_size=8,
)

GOOD_LINES = ["json", "json ascii", "cp1252", "surrogate"]
BAD_LINES = {
    "invalid json": "invalid JSON",
    "not an object": "not a JSON object",
    "empty text": "empty text",
    "no text": "empty text",
}
json_lines = st.lists(
    st.tuples(st.sampled_from(GOOD_LINES + list(BAD_LINES) + ["blank"]), western_text),
    min_size=1,
    max_size=12,
)

csv_rows = st.lists(
    st.tuples(st.sampled_from(["good", "quoted", "short", "long", "empty text"]), western_text),
    min_size=1,
    max_size=12,
)

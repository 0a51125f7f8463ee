"""Factiva HTML exports (the page Factiva saves or prints), in any interface language.

Each article is a ``div`` whose class names its language (``article enArticle``,
``article deArticle``, ``article zhcnArticle`` ...). In the article layout the
headline is a ``*Headline`` span in ``div#hd``, the author a ``div.author``, and
the other header fields are unlabelled ``div``s in a fixed order: section
(before the headline), then word count, date, perhaps a time, publication,
Factiva's source code, edition and page, language, copyright. The body is the
``articleParagraph`` paragraphs (words Factiva highlighted are in ``<b>`` and stay
in the text); after it come the distributor and the ``Document <id>`` line. In
the layout with indexing, every field is a table row headed by its two-letter
code (``HD`` headline, ``BY`` byline, ``WC`` words, ``PD`` date, ``SN``
publication, ``SC`` source code, ``LA`` language, ``CY`` copyright, ``LP`` and
``TD`` the text, ``AN`` the document id, ``CO``, ``IN``, ``NS``, ``RE`` the
codes); the codes become metadata, never text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .news_dates import find_date

__all__ = ["is_factiva", "read_factiva_html"]

_ARTICLE_CLASS = re.compile(r"\barticle\s+[a-z]{2,4}Article\b")
_CODE = re.compile(r"[A-Z]{2,3}")
_WORD_COUNT = re.compile(r"\d[\d,.\u00a0 ]*\s*[^\W\d_]+\.?")
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[A-Z]{2,4})?")
_DOC_ID = re.compile(r"(?:^|\s)(?P<id>[A-Za-z0-9]{20,30})$")
_COPYRIGHT = re.compile(r"(?i)\s*(?:copyright|\(c\)|©|版权|저작권)")
_CODES = {
    "HD": "title",
    "BY": "byline",
    "CR": "credit",
    "WC": "length",
    "PD": "date_line",
    "ET": "time",
    "SN": "source",
    "SC": "source_code",
    "ED": "edition",
    "PG": "page",
    "LA": "language",
    "CY": "copyright",
    "SE": "section",
    "CLM": "column",
    "RF": "reference",
    "CO": "companies",
    "IN": "industries",
    "NS": "subjects",
    "RE": "regions",
    "IPC": "publisher_codes",
    "IPD": "publisher_descriptors",
    "PUB": "publisher",
    "AN": "document_id",
    "DE": "descriptors",
}
_TEXT_CODES = {"LP", "TD"}


def is_factiva(data: bytes) -> bool:
    """True when the bytes of an HTML file hold Factiva article markup."""
    return re.search(rb'class="article [a-z]{2,4}Article', data) is not None


class _FactivaPage(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # nesting of tags inside the current article div
        self.article: dict[str, Any] | None = None
        self.articles: list[dict[str, Any]] = []
        self.stack: list[tuple[str, str, str]] = []  # tag, class, id inside the article
        self.buffer: list[str] | None = None
        self.kind = ""
        self.buffer_at = 0
        self.cells: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "br":
            if self.buffer is not None:
                self.buffer.append(" ")
            return
        if tag in {"img", "meta", "input", "hr", "link"}:
            return
        if self.article is None:
            if tag == "div" and _ARTICLE_CLASS.search(a.get("class", "")):
                self.article = {"divs": [], "paras": [], "after": [], "rows": []}
                self.stack = []
            else:
                return
        self.stack.append((tag, a.get("class", ""), a.get("id", "")))
        if tag == "tr":
            self.cells = []
        if self.buffer is None and tag in {"div", "p", "span", "td"}:
            kind = self._kind(tag, a)
            if kind:
                self.kind, self.buffer, self.buffer_at = kind, [], len(self.stack) - 1

    def _kind(self, tag: str, a: dict[str, str]) -> str:
        cls = a.get("class", "")
        if tag == "span" and "Headline" in cls:
            return "headline-counted" if "counted" in cls else "headline"
        if tag == "p" and "articleParagraph" in cls:
            return "para"
        if tag == "td":
            return "cell"
        if tag == "div" and "author" in cls:
            return "author"
        if tag == "div" and not a and not any(t == "td" for t, _, _ in self.stack[:-1]):
            return "div"
        if tag == "p" and not cls and not any(t == "td" for t, _, _ in self.stack[:-1]):
            return "after" if self.article and self.article["paras"] else "p"
        return ""

    def handle_endtag(self, tag: str) -> None:
        if self.article is None:
            return
        at = next((k for k in range(len(self.stack) - 1, -1, -1) if self.stack[k][0] == tag), None)
        if at is None:
            return
        if self.buffer is not None and at <= self.buffer_at:
            self._store()
        if tag == "tr" and self.cells:
            self.article["rows"].append(self.cells)
            self.cells = []
        del self.stack[at:]
        if not self.stack:
            self.articles.append(self.article)
            self.article = None

    def handle_data(self, data: str) -> None:
        if self.buffer is not None:
            self.buffer.append(data)

    def _store(self) -> None:
        text = " ".join("".join(self.buffer or []).replace("\u00a0", " ").split())
        kind = self.kind
        self.buffer, self.kind = None, ""
        article = self.article
        if article is None or not text:
            return
        if kind.startswith("headline"):
            if kind == "headline-counted":
                text = re.sub(r"^\d+\)\s*", "", text)  # the number Factiva put before it
            article.setdefault("title", text)
        elif kind == "para":
            if any(t == "td" for t, _, _ in self.stack):
                self.cells.append(text)
            else:
                article["paras"].append(text)
        elif kind == "cell":
            self.cells.append(text)
        elif kind == "author":
            article.setdefault("byline", text)
        elif kind == "div":
            article["divs"].append((text, "title" in article))
        elif kind == "after":
            article["after"].append(text)


def read_factiva_html(path: Path, text: str, report: list) -> tuple[list[dict], str]:
    """The articles of a Factiva HTML page."""
    page = _FactivaPage()
    page.feed(text)
    page.close()
    articles = [_record(a) for a in page.articles]
    return articles, "header fields and Factiva's field codes kept out of the text"


def _record(found: dict[str, Any]) -> dict[str, Any]:
    if found["rows"] and not found["paras"]:
        return _coded_record(found["rows"])
    out: dict[str, Any] = {}
    if found.get("title"):
        out["title"] = found["title"]
    if found.get("byline"):
        out["byline"] = found["byline"]
    before = [t for t, after_headline in found["divs"] if not after_headline]
    after = [t for t, after_headline in found["divs"] if after_headline]
    if before:
        out["section"] = "; ".join(before)
    out.update(_header_divs(after))
    body = list(found["paras"])
    tail = list(found["after"])
    if tail:
        m = _DOC_ID.search(tail[-1])
        if m:
            out["document_id"] = m.group("id")
            tail = tail[:-1]
        if tail:  # the distributor, after any photo captions
            out["distributor"] = tail.pop()
        if tail:
            out["caption"] = " ".join(tail)
    out["raw"] = "\n\n".join(body)
    return out


def _header_divs(divs: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    count = next((i for i, t in enumerate(divs) if _WORD_COUNT.fullmatch(t)), None)
    if count is None:
        count = next((i for i, t in enumerate(divs) if find_date(t)), 0) - 1
    else:
        out["length"] = _number(divs[count])
    extra_before = divs[: max(count, 0)]
    if extra_before:
        out["credit"] = "; ".join(extra_before)
    rest = divs[count + 1 :]
    if rest and find_date(rest[0]):
        out["date_line"] = rest.pop(0)
        out["date"] = find_date(out["date_line"])
    if rest and _TIME.fullmatch(rest[0]):
        out["time"] = rest.pop(0)
    if rest:
        out["source"] = rest.pop(0)
    copyright_at = next((i for i, t in enumerate(rest) if _COPYRIGHT.match(t)), None)
    if copyright_at is not None:
        out["copyright"] = rest[copyright_at]
        if copyright_at > 0:
            out["language"] = rest[copyright_at - 1]
        rest = rest[: max(copyright_at - 1, 0)]
    elif rest:
        out["language"] = rest.pop()
    if rest and re.fullmatch(r"[A-Z][A-Z0-9]{1,9}", rest[0]):  # Factiva's code of the source
        out["source_code"] = rest.pop(0)
    pages = [t for t in rest if re.fullmatch(r"[A-Z]?\d{1,4}[A-Z]?", t)]
    others = [t for t in rest if t not in pages]
    if pages:
        out["page"] = "; ".join(pages)
    if others:
        out["edition"] = "; ".join(others)
    return out


def _coded_record(rows: list[list[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    body: list[str] = []
    for cells in rows:
        if len(cells) < 2 or not _CODE.fullmatch(cells[0].strip()):
            continue
        code, values = cells[0].strip(), cells[1:]
        if code in _TEXT_CODES:
            body.extend(values)
            continue
        column = _CODES.get(code, code.lower())
        out[column] = " ".join(values)
    if "date_line" in out:
        out["date"] = find_date(out["date_line"])
    if "length" in out:
        out["length"] = _number(out["length"])
    if "document_id" in out:
        m = _DOC_ID.search(out["document_id"])
        out["document_id"] = m.group("id") if m else out["document_id"]
    out["raw"] = "\n\n".join(body)
    return out


def _number(text: str) -> int | None:
    digits = re.sub(r"\D", "", text.split()[0] if text.split() else "")
    return int(digits) if digits else None

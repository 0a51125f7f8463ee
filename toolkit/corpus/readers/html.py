"""Plain text and metadata from a saved news web page (standard library only).

Paragraph-level elements (``p``, headings, list items, ``figcaption``,
``blockquote``) become paragraphs separated by blank lines; scripts, styles,
navigation, headers, footers, asides and forms are skipped. When the page has an
``<article>`` element, only its content is used. Metadata comes from the usual
``<meta>`` tags (Open Graph, ``article:published_time``, ``date``) and
``<link rel="canonical">``.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

_BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "figcaption",
    "blockquote",
    "pre",
    "td",
    "dd",
    "dt",
}
_SKIP = {
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "svg",
    "button",
    "template",
    "iframe",
}
_VOID = {
    "br",
    "img",
    "meta",
    "link",
    "input",
    "hr",
    "source",
    "wbr",
    "area",
    "base",
    "col",
    "embed",
    "param",
    "track",
}
_META = {
    "og:title": "title",
    "twitter:title": "title",
    "og:site_name": "source",
    "article:published_time": "date",
    "date": "date",
    "pubdate": "date",
    "publishdate": "date",
    "dc.date": "date",
    "og:url": "url",
    "author": "author",
    "article:author": "author",
}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.article_depth = 0
        self.seen_article = False
        self.block: list[str] | None = None
        self.block_in_article = False
        self.paragraphs: list[tuple[str, bool]] = []
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.page_title = ""
        self.h1 = ""
        self.in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            field = _META.get(key)
            if field and a.get("content") and field not in self.meta:
                self.meta[field] = a["content"].strip()
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.meta.setdefault("url", a["href"].strip())
            return
        if tag in _VOID:
            if tag == "br" and self.block is not None:
                self.block.append(" ")
            return
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag == "article":
            self.article_depth += 1
            self.seen_article = True
        elif tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag in _BLOCKS and self.skip_depth == 0:
            self._flush()
            self.block = []
            self.block_in_article = self.article_depth > 0

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "article" and self.article_depth:
            self.article_depth -= 1
        elif tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page_title += data
        if self.skip_depth:
            return
        if self.in_h1:
            self.h1 += data
        if self.block is not None:
            self.block.append(data)

    def _flush(self) -> None:
        if self.block is not None:
            text = " ".join("".join(self.block).split())
            if text:
                self.paragraphs.append((text, self.block_in_article))
        self.block = None


def html_to_text(source: str) -> tuple[str, dict[str, Any]]:
    """Article text (paragraphs separated by blank lines) and metadata of a page.

    Examples
    --------
    >>> text, meta = html_to_text("<title>T</title><article><p>One.</p><p>Two.</p></article>")
    >>> text, meta["title"]
    ('One.\\n\\nTwo.', 'T')
    """
    parser = _Extractor()
    parser.feed(source)
    parser.close()
    parser._flush()
    paragraphs = parser.paragraphs
    if parser.seen_article and any(inside for _, inside in paragraphs):
        paragraphs = [(t, inside) for t, inside in paragraphs if inside]
    meta: dict[str, Any] = dict(parser.meta)
    title = " ".join(parser.h1.split()) or " ".join(parser.page_title.split())
    if title:
        meta.setdefault("title", title)
    return "\n\n".join(t for t, _ in paragraphs), meta

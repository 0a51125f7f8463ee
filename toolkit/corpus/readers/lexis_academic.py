"""LexisNexis Academic (and Nexis UK) plain-text exports.

A text export starts with a request header (``Download Request``, ``Time Of
Request``, ``Terms``, ``Source``) and then holds the articles one after the
other, each opened by a centred counter line: ``1 of 10 DOCUMENTS`` (``Dokument 1
von 10``, ``Document 1 de 10`` in the German and French interfaces). Lines are
wrapped at about 80 characters and paragraphs separated by blank lines; the
publication, date and edition are indented (centred), the headline is not. The
article layout itself is read by :func:`.lexis.article_record`.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..corpus import report_row
from .lexis import Para, article_record

__all__ = ["COUNTER_LINE", "read_lexis_text", "split_lexis_text"]

# the counter line that opens each article
COUNTER_LINE = re.compile(
    r"^[ \t]*(?:(?P<n>\d+)\s+(?:of|OF|von|VON|de|DE)\s+(?P<total>\d+)\s+(?:DOCUMENTS?|DOKUMENTE?N?)"
    r"|(?:Dokument|Document|DOKUMENT|DOCUMENT)\s+(?P<n2>\d+)\s+(?:von|de|of)\s+(?P<total2>\d+))"
    r"[ \t]*$",
    re.M,
)
_CENTRED_INDENT = 5  # leading spaces of a centred line


def split_lexis_text(text: str) -> tuple[str, list[str]]:
    """The request header and the text of each article (counter lines dropped)."""
    starts = list(COUNTER_LINE.finditer(text))
    if not starts:
        return text, []
    header = text[: starts[0].start()]
    chunks = [
        text[m.end() : (starts[k + 1].start() if k + 1 < len(starts) else len(text))]
        for k, m in enumerate(starts)
    ]
    return header, chunks


def _paragraphs(chunk: str) -> list[Para]:
    paras = []
    for block in re.split(r"\n[ \t]*\n", chunk):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        indents = [len(line) - len(line.lstrip(" \t")) for line in lines]
        if min(indents) >= _CENTRED_INDENT:
            # centred lines are one header line each (publication, date, edition)
            paras.extend(Para(line.strip(), centred=True) for line in lines)
        else:
            paras.append(Para(" ".join(line.strip() for line in lines)))
    return paras


def read_lexis_text(path: Path, text: str, report: list) -> tuple[list[dict], str]:
    """The articles of a LexisNexis text export, and what its header said.

    Examples
    --------
    >>> from pathlib import Path
    >>> export = '''Download Request: Selected Items: 1-1
    ...
    ...                  1 of 1 DOCUMENTS
    ...
    ...                    The Times (London)
    ...
    ...                  August 16, 2021 Monday
    ...
    ... Kabul falls
    ...
    ... BYLINE: A. Writer
    ...
    ... LENGTH: 3 words
    ...
    ... Kabul fell today.
    ...
    ... LOAD-DATE: August 17, 2021
    ... '''
    >>> [article], header = read_lexis_text(Path("x.txt"), export, [])
    >>> article["title"], article["source"], article["date"], article["raw"], article["length"]
    ('Kabul falls', 'The Times (London)', '2021-08-16', 'Kabul fell today.', 3)
    """
    header, chunks = split_lexis_text(text)
    articles = [article_record(_paragraphs(c), headline_first=False) for c in chunks]
    summary = " | ".join(" ".join(line.split()) for line in header.splitlines() if line.strip())
    if summary:
        report.append(
            report_row(
                path, None, "removed", "export request header (not article text)", summary[:500]
            )
        )
    return articles, "counter lines, field lines and copyright lines kept out of the text"

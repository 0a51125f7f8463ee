"""Records of the articles one export file holds: their ids, the file they came
from, and the report rows that say what was read and what was left out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..corpus import report_row
from .files import shown

__all__ = ["article_records"]

_ESSENTIAL = ("title", "date", "source")


def article_records(
    path: Path,
    doc_id: str,
    articles: list[dict[str, Any]],
    report: list,
    *,
    export: str,
    furniture: str = "",
) -> list[dict[str, Any]]:
    """Give each article of an export an id (``doc_id`` and its number in the
    file) and the file's path, and report the file as read.

    ``export`` names the format (``"Nexis Uni DOCX"``); ``furniture`` describes
    what was kept out of the text (the request header, field lines ...).
    Articles without a body are reported and left out. A file with no article
    is reported as skipped, with the reason, and gives no records.
    """
    kept = []
    for n, article in enumerate(articles, start=1):
        if not str(article.get("raw") or "").strip():
            where = f"article {n} of {len(articles)}"
            title = article.get("title") or "(no headline)"
            report.append(
                report_row(
                    path,
                    None,
                    "skipped",
                    f"{export}: an article with no body text",
                    f"{where}: {title}",
                )
            )
            continue
        kept.append(article)
    if not kept:
        reason = (
            f"{export} export holds no article"
            if not articles
            else f"{export} export: none of its {len(articles)} articles has body text"
        )
        report.append(report_row(path, doc_id, "skipped", reason, furniture))
        return []
    width = len(str(len(kept)))
    records = []
    for n, article in enumerate(kept, start=1):
        record = {"doc_id": f"{doc_id}-{n:0{width}d}", "path": shown(path.as_posix())}
        record.update(article)
        for key in _ESSENTIAL:
            if not record.get(key):
                report.append(
                    report_row(path, record["doc_id"], "warning", f"{export}: no {key} found", "")
                )
        records.append(record)
    detail = f"{len(records)} articles" + (f"; {furniture}" if furniture else "")
    report.append(
        report_row(path, None, "extracted", f"{export} export split into articles", detail)
    )
    return records

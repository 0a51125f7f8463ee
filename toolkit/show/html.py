"""Every HTML rendering of the toolkit's tables, with all article text escaped.

An article containing ``<script>`` shows it as text: every piece of text that
comes from a corpus goes through :func:`html.escape` here. Notebooks, explorers
and the report all display these strings.
"""

from __future__ import annotations

import html
import zlib
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..corpus.index import corpus_index
from ..corpus.load import as_corpus
from ..text.shorten import shorten
from .tables import cut_rows, readable_numbers, rows_note

__all__ = ["hits_html", "kwic_html", "quotes_html", "quotes_table_html", "table_html"]

_MARK = "background:#ffe08a;font-weight:bold"
# Document ids run to 120 characters; pages show their start (the full id is in the CSV).
ID_WIDTH = 40
_TD = "padding:1px 6px;white-space:nowrap;font-family:ui-monospace,Menlo,Consolas,monospace"


def kwic_html(hits: pd.DataFrame, *, max_rows: int = 500, chars: int = 80) -> str:
    """An aligned, keyword-highlighted HTML table of KWIC hits.

    Every piece of article text is HTML-escaped, so an article containing
    ``<script>`` shows it as text. Display it in a notebook with
    ``IPython.display.HTML(kwic_html(hits))``.

    Parameters
    ----------
    hits : DataFrame
        The result of :func:`kwic`.
    max_rows : int
        Rows shown at most; a note says how many there are (and links the
        full table when :func:`toolkit.show.tables.keep_full_tables` is set).
    chars : int
        Characters of context shown at most on each side, cut between words.

    Examples
    --------
    >>> import toolkit
    >>> page = toolkit.kwic_html(toolkit.kwic("data/", "defeat"))
    >>> "<mark" in page
    True
    """
    missing = [c for c in ("doc_id", "left", "keyword", "right") if c not in hits.columns]
    if missing:
        raise ValueError(f"kwic_html needs the columns of a kwic() result; missing {missing}")
    shown, href = cut_rows(hits, max_rows, "kwic")
    esc = html.escape
    rows = []
    for doc_id, left, kw, right in zip(
        shown["doc_id"].astype(str), shown["left"], shown["keyword"], shown["right"], strict=True
    ):
        rows.append(
            f'<tr><td style="{_TD};color:#666" title="{esc(doc_id)}">{esc(shorten(doc_id, ID_WIDTH))}</td>'
            f'<td style="{_TD};text-align:right">{esc(shorten(left, chars, keep="end"))}</td>'
            f'<td style="{_TD};text-align:center"><mark style="{_MARK}">{esc(kw)}</mark></td>'
            f'<td style="{_TD};text-align:left">{esc(shorten(right, chars))}</td></tr>'
        )
    return (
        f'<div class="toolkit-kwic"><p style="margin:2px 0">'
        f"{rows_note(len(hits), len(shown), 'hit', href)}</p>"
        '<table style="border-collapse:collapse;font-size:90%">'
        f'<thead><tr><th style="{_TD}">doc_id</th><th style="{_TD};text-align:right">left</th>'
        f'<th style="{_TD}">keyword</th><th style="{_TD};text-align:left">right</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


_KIND_STYLE = {
    "direct": "background:#cfe8ff",
    "partial": "background:#d7f5d0",
    "indirect": "background:#fff3c4;border-bottom:1px dotted #a08000",
}


def quotes_html(
    quotes: pd.DataFrame,
    corpus: Any,
    *,
    doc_ids: Sequence[str] | None = None,
    max_docs: int = 3,
    max_chars: int | None = None,
) -> str:
    """Articles with their quotations highlighted and labelled with the speaker.

    Direct quotations are blue, partial ones green, indirect (reported) speech
    yellow; each quotation ends with a small label naming its speaker, and
    hovering over it shows the cue, the confidence and the evidence. Every piece
    of article text is HTML-escaped.

    Parameters
    ----------
    quotes : DataFrame
        From :func:`extract_quotes` (possibly filtered).
    corpus : Corpus
        The corpus the quotations come from.
    doc_ids : list of str, optional
        Documents to show; by default the first ``max_docs`` with quotations.
    max_chars : int, optional
        Show each document up to the end of the line where its first
        ``max_chars`` characters end (a note says how much of it that is);
        by default the whole text.

    Examples
    --------
    >>> import toolkit
    >>> corpus = toolkit.load_corpus("data/")
    >>> page = toolkit.quotes_html(toolkit.extract_quotes(corpus), corpus)
    >>> "Husamuddin Shams" in page
    True
    """
    c = as_corpus(corpus)
    texts = dict(zip(c.docs["doc_id"], c.docs["text"], strict=True))
    titles = dict(zip(c.docs["doc_id"], c.docs["title"], strict=True))
    if doc_ids is None:
        order = list(dict.fromkeys(quotes["doc_id"].astype(str)))
        doc_ids = order[:max_docs]
    unknown = [d for d in doc_ids if d not in texts]
    if unknown:
        raise LookupError(f"unknown doc ids: {unknown[:5]}")
    legend = " ".join(
        f'<span style="{style};padding:0 3px">{kind}</span>' for kind, style in _KIND_STYLE.items()
    )
    parts = [f'<div class="toolkit-quotes"><p style="margin:2px 0">{legend}</p>']
    ids = quotes["doc_id"].astype(str).to_numpy()
    for doc in doc_ids:
        text = texts[doc]
        rows = quotes[ids == doc].sort_values(["start", "end"], ascending=[True, False])
        more = ""
        if max_chars is not None and len(text) > max_chars:
            cut = text.find("\n", max_chars)
            cut = len(text) if cut < 0 else cut
            if cut < len(text):
                more = (
                    f'<p style="color:#666"><i>The first {cut:,} of {len(text):,} characters '
                    f"of this document.</i></p>"
                )
            text = text[:cut]
            rows = rows[rows["start"].to_numpy() < cut]
            rows = rows.assign(end=np.minimum(rows["end"].to_numpy(), cut))
        opened: list[tuple[int, bool]] = []  # (end, labelled) of open spans
        # (position, closes before opens, inner spans close first, html)
        events: list[tuple[int, int, int, str]] = []
        for r in rows.itertuples(index=False):
            start, end = int(r.start), int(r.end)
            while opened and opened[-1][0] <= start:
                opened.pop()
            if opened and end > opened[-1][0]:
                continue  # crosses an open span: cannot nest, leave it unmarked
            nested = bool(opened)
            opened.append((end, not nested))
            speaker = r.speaker if isinstance(r.speaker, str) and r.speaker else "unattributed"
            tip = f"{r.kind} \u00b7 {speaker} \u00b7 cue: {r.cue} \u00b7 confidence {r.confidence:.2f}"
            if isinstance(getattr(r, "evidence", None), str):
                tip += f" \u00b7 {r.evidence}"
            style = _KIND_STYLE.get(str(r.kind), "")
            events.append((start, 1, 0, f'<span style="{style}" title="{html.escape(tip)}">'))
            label = (
                ""
                if nested
                else f'<sup style="color:#555;font-size:75%">\u2014{html.escape(speaker)}</sup>'
            )
            events.append((end, 0, -start, f"</span>{label}"))
        events.sort(key=lambda e: e[:3])
        out, pos = [], 0
        for at, _, _, tag in events:
            out.append(html.escape(text[pos:at]))
            out.append(tag)
            pos = at
        out.append(html.escape(text[pos:]))
        parts.append(
            f'<h4 style="margin:8px 0 2px">{html.escape(str(titles.get(doc) or doc))}</h4>'
            f'<div style="white-space:pre-wrap;line-height:1.5;max-width:60em">{"".join(out)}</div>'
            f"{more}"
        )
    parts.append("</div>")
    return "".join(parts)


def quotes_table_html(quotes: pd.DataFrame, max_rows: int) -> str:
    """The quotations of one speaker as an HTML table (document and offsets, kind,
    text, the words naming the speaker and the cue, evidence, confidence, tone)."""
    shown, href = cut_rows(quotes, max_rows, "quotations")
    esc = html.escape
    td = "padding:2px 6px;vertical-align:top;border-bottom:1px solid #eee"
    rows = []
    for r in shown.itertuples(index=False):
        mention = esc(str(r.speaker_mention)) if isinstance(r.speaker_mention, str) else ""
        rows.append(
            f'<tr><td style="{td};color:#666">{esc(str(r.doc_id))}<br>{int(r.start)}\u2013{int(r.end)}</td>'
            f'<td style="{td}">{esc(str(r.kind))}{_row_marks(r)}</td>'
            f'<td style="{td};max-width:40em">{esc(str(r.text))}</td>'
            f'<td style="{td}">{mention}<br><small>cue: {esc(str(r.cue))}</small></td>'
            f'<td style="{td}"><small>{esc(str(getattr(r, "evidence", "")))}</small></td>'
            f'<td style="{td};text-align:right">{r.confidence:.2f}</td>'
            f'<td style="{td};text-align:right">{r.compound:+.2f}</td></tr>'
        )
    head = "".join(
        f'<th style="{td};text-align:left">{h}</th>'
        for h in (
            "document",
            "kind",
            "quotation",
            "attributed via",
            "evidence",
            "confidence",
            "tone",
        )
    )
    note = (
        f"<p>{rows_note(len(quotes), len(shown), 'quotation', href)}</p>"
        if len(quotes) > len(shown)
        else ""
    )
    return (
        f'<table class="toolkit-quotes-table" style="border-collapse:collapse;font-size:90%">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{note}"
    )


def _row_marks(row: Any) -> str:
    """What else a quotation row is: a transcript turn, a press question, a
    speaker's "I"/"we" inside their own turn."""
    marks = []
    if getattr(row, "cue_type", None) == "turn":
        marks.append("transcript turn")
    for column, mark in (("press", "press question"), ("nested", "inside own turn")):
        value = getattr(row, column, False)
        if isinstance(value, bool | np.bool_) and value:
            marks.append(mark)
    return "".join(f"<br><small>{m}</small>" for m in marks)


_TD_CELL = "padding:1px 6px;vertical-align:top;text-align:left"


def hits_html(
    hits: pd.DataFrame, corpus: Any, *, columns: list[str], max_rows: int = 200, chars: int = 70
) -> str:
    """An HTML table of actor mentions or frame cue hits in their sentence.

    Each row shows the chosen ``columns`` and the hit highlighted in up to
    ``chars`` characters of its sentence on each side. All text is escaped.

    Parameters
    ----------
    hits : DataFrame
        Rows with ``doc_id``, ``sent_id``, ``start`` and ``end``, such as
        :func:`toolkit.find_actors` or :func:`toolkit.find_frames` results.
    corpus : Corpus
        The corpus the hits come from.
    columns : list of str
        The hit columns shown before the context.
    max_rows : int
        Rows shown at most; a note says how many there are.
    chars : int
        Characters of context on each side at most, within the sentence and
        cut between words.

    Examples
    --------
    >>> import toolkit
    >>> corpus = toolkit.load_corpus("data/")
    >>> hits = toolkit.find_frames(corpus).head(3)
    >>> page = toolkit.show.html.hits_html(hits, corpus, columns=["frame", "voice"])
    >>> page.count("<mark")
    3
    """
    idx = corpus_index(corpus)
    esc = html.escape
    kind = (
        "actor-mentions" if "actor" in columns else "frame-cues" if "frame" in columns else "hits"
    )
    shown, href = cut_rows(hits, max_rows, kind)
    doc_pos = {d: i for i, d in enumerate(idx.doc_ids)}
    text, doc_start = idx.display
    head = "".join(f'<th style="{_TD_CELL}">{esc(c)}</th>' for c in columns)
    rows = []
    for rec in shown.to_dict("records"):
        d = doc_pos[str(rec["doc_id"])]
        s = int(idx.doc_sent[d] + rec["sent_id"])
        a, b = int(rec["start"]), int(rec["end"])
        lo, hi = int(idx.sent_start[s]), int(idx.sent_end[s])
        at = int(doc_start[d])
        left = shorten(text[at + lo : at + a], chars, keep="end") if a > lo else ""
        right = shorten(text[at + b : at + hi], chars) if hi > b else ""
        context = (
            f"{esc(left)}<mark style='background:#ffe08a;font-weight:bold'>"
            f"{esc(text[at + a : at + b])}</mark>{esc(right)}"
        )
        cells = "".join(
            f'<td style="{_TD_CELL}">{esc(_cell(rec[c], ID_WIDTH if c == "doc_id" else 60))}</td>'
            for c in columns
        )
        rows.append(f'<tr>{cells}<td style="{_TD_CELL};white-space:normal">{context}</td></tr>')
    return (
        f'<div class="toolkit-hits"><p style="margin:2px 0">'
        f"{rows_note(len(hits), len(shown), 'row', href)}</p>"
        '<table style="border-collapse:collapse;font-size:90%">'
        f'<thead><tr>{head}<th style="{_TD_CELL}">in context</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _cell(value: Any, width: int) -> str:
    return "" if pd.isna(value) else shorten(str(value), width)


def table_html(
    frame: pd.DataFrame,
    *,
    max_rows: int = 25,
    kind: str = "table",
    chars: int = 200,
) -> str:
    """A DataFrame as an HTML table for a page: at most ``max_rows`` rows, long
    text cells cut between words.

    A cell longer than ``chars`` characters (a document id longer than
    :data:`ID_WIDTH`) is shortened at a word boundary (a ``left`` context column
    loses its start, so the words next to the keyword stay); a note says how many rows the table has, and links the full table
    when :func:`toolkit.show.tables.keep_full_tables` is set. Text is escaped.

    Examples
    --------
    >>> import toolkit
    >>> page = table_html(toolkit.count_terms("data/"), max_rows=3)
    >>> page.count("<tr>"), "the first 3 shown" in page  # three rows under the header
    (3, True)
    """
    shown, href = cut_rows(frame, max_rows, kind)
    shown = shown.copy()
    numeric = []
    for col in shown.columns:
        values = shown[col]
        is_float = pd.api.types.is_float_dtype(values.dtype)
        numeric.append(is_float or pd.api.types.is_integer_dtype(values.dtype))
        if is_float:
            shown[col] = readable_numbers(values.to_numpy(dtype=float))
        elif values.dtype == object or isinstance(
            values.dtype, pd.StringDtype | pd.CategoricalDtype
        ):
            keep = "end" if col == "left" else "start"
            width = ID_WIDTH if str(col).endswith("doc_id") else chars
            shown[col] = [
                shorten(v, width, keep=keep) if isinstance(v, str) and len(v) > width else v
                for v in values.astype(object)
            ]
    index = not isinstance(shown.index, pd.RangeIndex)
    body = shown.to_html(index=index, border=0, na_rep="", escape=True)
    # text reads from the left, numbers line up on the right
    name = f"toolkit-table-{zlib.crc32(body.encode('utf-8')):08x}"
    skip = shown.index.nlevels if index else 0
    rules = "".join(
        f".{name} td:nth-child({k + 1 + skip}),.{name} th:nth-child({k + 1 + skip})"
        f"{{text-align:{'right' if num else 'left'}}}"
        for k, num in enumerate(numeric)
    )
    note = ""
    if len(shown) < len(frame):
        note = f'<p style="margin:2px 0">{rows_note(len(frame), len(shown), "row", href)}</p>'
    return f'<div class="toolkit-table {name}"><style>{rules}</style>{body}{note}</div>'

"""Paragraph, sentence and word tokenizing with character offsets.

Everything here is a pure function of a document's text, so it needs no NLTK data
download and can run document by document anywhere. The tidy tables
(:func:`tokenize`, :func:`sentences`, :func:`paragraphs`) are built from the corpus
index, which runs these functions once per document and caches the result.

Conventions (Penn Treebank-like where that helps counting):

* punctuation is split off: ``"said,"`` gives ``said`` and ``,``;
* hyphenated words stay whole: ``Qala-e-Naw``, ``two-decade``;
* abbreviations and initialisms keep their period: ``U.S.``, ``Gen.``, ``J.``;
* numbers with separators stay whole (``2,000``, ``5.93``) and ``%`` is a token of
  its own, so ``90%`` is ``90`` + ``%`` (search ``"90 %"`` or ``"90%"``: both work);
* clitics are separate: ``Mujahid's`` gives ``Mujahid`` + ``'s``; ``don't`` gives
  ``do`` + ``n't``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import yaml

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = [
    "abbreviations",
    "pair_quote_marks",
    "paragraphs",
    "quotation_spans",
    "sentences",
    "split_paragraphs",
    "split_sentences",
    "tokenize",
    "tokenize_text",
]

Span = tuple[int, int]


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, frozenset[str]]:
    """The packaged abbreviation lists (``resources/abbreviations.yaml``).

    Returns
    -------
    dict
        Group name (``titles``, ``months``, ``before_numbers``, ``other``,
        ``sentence_starters``) to a frozenset of words, without final periods.

    Examples
    --------
    >>> "Gen" in abbreviations()["titles"]
    True
    """
    text = resources.files("toolkit.resources").joinpath("abbreviations.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    for group, words in data.items():
        odd = [w for w in words if not isinstance(w, str)]
        if odd:
            raise ValueError(
                f"abbreviations.yaml, group {group!r}: {odd} are not words; quote entries "
                'that YAML reads as booleans or numbers, e.g. "No", "On"'
            )
    return {group: frozenset(words) for group, words in data.items()}


# --------------------------------------------------------------------------- words

_APOS = "'\u2019"
_CLITICS = r"(?:[sdm]|re|ve|ll|[SDM]|RE|VE|LL)"


@lru_cache(maxsize=1)
def _word_regex() -> re.Pattern[str]:
    abbr = abbreviations()
    known = sorted(
        set().union(abbr["titles"], abbr["months"], abbr["before_numbers"], abbr["other"]),
        key=lambda w: (-len(w), w),
    )
    alternatives = [
        # fast path for the commonest token, ASCII letters followed by a space or
        # simple punctuation: every rule below needs a period, colon, apostrophe, hyphen,
        # digit or other letter to apply, so the result is the same, found sooner
        r"[A-Za-z]+(?=[\s,;!?)\]\"]|\Z)",
        # URLs, ending on a character that is not sentence punctuation
        r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]'\u2019\u201d]",
        # initialisms: U.S., U.N., a.m., e.g., U.S.-led
        r"(?:[^\W\d_]\.){2,}(?:-\w+)*",
        # known abbreviations keep their period (guarded so most words fail fast)
        r"(?=[A-Za-z]{1,6}\.)(?:" + "|".join(map(re.escape, known)) + r")\.(?!\w)",
        # a single capital initial: "Donald J. Trump"
        r"[A-Z]\.(?!\w)",
        # numbers with separators: 2,000  5.93  9/11  10:30
        r"\d+(?:[.,:/]\d+)+",
        # "don't" -> "do" + "n't"
        rf"\w+(?=n[{_APOS}]t\b)",
        rf"n[{_APOS}]t\b",
        # possessive and other clitics: 's 're 've 'll 'd 'm
        rf"[{_APOS}]{_CLITICS}\b",
        # words, with inner hyphens and apostrophes: Qala-e-Naw, two-decade, O'Neill
        rf"\w+(?:(?:[-\u2010\u2011]|[{_APOS}](?!(?:[sdmt]|re|ve|ll)\b))\w+)*",
        # ellipses and dashes
        r"\.{2,}|\u2026",
        r"-{2,}|[\u2012-\u2015]",
        # any other single non-space character
        r"[^\w\s]",
    ]
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


def tokenize_text(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Word token spans of one text.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    (starts, ends) : tuple of numpy int64 arrays
        Character offsets; ``text[starts[i]:ends[i]]`` is token ``i``.

    Examples
    --------
    >>> s, e = tokenize_text("Mujahid's U.S. visit, 90%.")
    >>> [("Mujahid's U.S. visit, 90%."[a:b]) for a, b in zip(s, e)]
    ['Mujahid', "'s", 'U.S.', 'visit', ',', '90', '%', '.']
    """
    tokens: list[str] = []
    gaps: list[int] = []
    n = _split_tokens(text, tokens, gaps)
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=n)
    ends = np.cumsum(np.asarray(gaps, dtype=np.int64) + lengths) if n else lengths
    return ends - lengths, ends


@lru_cache(maxsize=1)
def _splitting_regex() -> re.Pattern[str]:
    return re.compile(f"({_word_regex().pattern})")


def _split_tokens(text: str, tokens: list[str], gaps: list[int]) -> int:
    """Append the tokens of ``text`` to ``tokens`` and, to ``gaps``, the number of
    characters between each token and the one before it (or the text's start).
    Returns the number of tokens.

    ``re.split`` with a capturing group returns the text between matches and the
    matches alternately, built in C; offsets follow from the lengths, which is
    about twice as fast as creating a match object per token.
    """
    parts = _splitting_regex().split(text)
    found = parts[1::2]
    tokens.extend(found)
    gaps.extend(map(len, parts[0:-1:2]))
    return len(found)


def is_punct(token: str) -> bool:
    """True when a token has no letter or digit (``","``, ``"%"``, ``"..."``)."""
    return not any(ch.isalnum() for ch in token)


# ---------------------------------------------------------------------- paragraphs

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_LINE_BREAK_AFTER = re.compile(r"[.!?:;\"'\u201d\u2019)\]\u00bb]\s*$")
_LINE_STARTS_BLOCK = re.compile(r"\s*(?:#{1,6}\s|[-*+\u2022]\s|\d+[.)]\s)")


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans: blocks separated by blank lines, and lines within a block
    that end a paragraph.

    Within a block, a line ends a paragraph when it ends with sentence-final
    punctuation or a closing quote, when it is much shorter than the block's
    longest line, or when the next line starts a Markdown heading or list item.
    Hard-wrapped prose (lines ending mid-sentence) stays one paragraph.
    Spans exclude surrounding whitespace.

    Examples
    --------
    >>> t = "Headline\\n\\nA caption.\\nA caption. (AFP)\\n\\nBody text."
    >>> [t[a:b] for a, b in split_paragraphs(t)]
    ['Headline', 'A caption.', 'A caption. (AFP)', 'Body text.']
    """
    out: list[Span] = []
    for block_start, block_end in _blocks(text):
        lines = _line_spans(text, block_start, block_end)
        longest = max(b - a for a, b in lines)
        para_start = lines[0][0]
        for i, (a, b) in enumerate(lines):
            last = i == len(lines) - 1
            line = text[a:b]
            if last:
                out.append((para_start, b))
                break
            nxt = text[lines[i + 1][0] : lines[i + 1][1]]
            if (
                _LINE_BREAK_AFTER.search(line)
                or (b - a) < 0.6 * longest
                or _LINE_STARTS_BLOCK.match(nxt)
                or _LINE_STARTS_BLOCK.match(line)
            ):
                out.append((para_start, b))
                para_start = lines[i + 1][0]
    return out


def _blocks(text: str) -> Iterable[Span]:
    start = 0
    for m in _BLANK_LINES.finditer(text):
        yield from _trimmed(text, start, m.start())
        start = m.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, a: int, b: int) -> Iterable[Span]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        yield (a, b)


def _line_spans(text: str, a: int, b: int) -> list[Span]:
    lines: list[Span] = []
    start = a
    while True:
        nl = text.find("\n", start, b)
        end = b if nl == -1 else nl
        lines.extend(_trimmed(text, start, end))
        if nl == -1:
            return lines
        start = nl + 1


# --------------------------------------------------------------------- quote marks

# Double quotation marks: straight, typographic, and the two-character forms some
# sources use for them (two apostrophes, or two backticks to open).
_DOUBLE_MARKS = re.compile("``|''|[\"\u201c\u201d\u201e\u201f]")
_OPENING_CONTEXT = set(" \t\n\r\u00a0([{\u2014\u2013-/:;,")


def pair_quote_marks(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Pair double quotation marks within ``text[start:end]`` (one paragraph).

    Typographic marks say which way they face; a straight mark (or two
    apostrophes, which some sources print for one) opens when it follows a space,
    an opening bracket or the start and is followed by a non-space, and closes
    otherwise. A mark that cannot be paired is ignored, so a
    stray mark never derails the rest of the text. Single quotation marks nested
    inside a double-quoted passage are left alone (they are part of it).

    Returns
    -------
    list of (open, close)
        Offsets of the opening and closing mark of each pair (``text[open]`` and
        ``text[close]`` are the marks), in order.

    Examples
    --------
    >>> t = '"They entered," he said. "The city fell."'
    >>> pair_quote_marks(t)
    [(0, 14), (25, 40)]
    """
    return _scan_quote_marks(text, start, len(text) if end is None else end)[0]


def _scan_quote_marks(text: str, start: int, end: int) -> tuple[list[Span], int | None]:
    """The pairs of :func:`pair_quote_marks` and the opening mark left unclosed at
    the end of the span (None when every opening mark was closed or none was left)."""
    pairs: list[Span] = []
    opened: int | None = None
    for m in _DOUBLE_MARKS.finditer(text, start, end):
        i = m.start()
        ch = m.group()
        if ch in ("\u201c", "\u201e", "\u201f", "``"):
            facing = "open"
        elif ch == "\u201d":
            facing = "close"
        else:
            before = text[i - 1] if i > start else " "
            after = text[m.end()] if m.end() < end else " "
            if (before in _OPENING_CONTEXT) and not after.isspace():
                facing = "open"
            elif not before.isspace() and (after.isspace() or not after.isalnum()):
                facing = "close"
            else:
                facing = "close" if opened is not None else "open"
        if facing == "open":
            opened = i
        elif opened is not None:
            pairs.append((opened, i))
            opened = None
    return pairs, opened


def quotation_spans(
    text: str, paragraph_spans: Iterable[Span] | None = None
) -> list[tuple[int, int, bool]]:
    """Quoted passages of a document, paragraph by paragraph.

    Pairs double quotation marks within each paragraph (:func:`pair_quote_marks`)
    and follows the convention for a quotation running over several paragraphs:
    each paragraph of it opens with a quotation mark and only the last one
    closes. An opening mark left unclosed at the end of a paragraph therefore
    counts as a quotation to the end of that paragraph when it opens an utterance
    (at the paragraph start, or after a colon, comma, dash or full stop) and the
    next paragraph starts with an opening mark; otherwise it is a stray mark and
    ignored.
    Linear in the length of the text.

    Parameters
    ----------
    text : str
    paragraph_spans : iterable of (start, end), optional
        Defaults to :func:`split_paragraphs`.

    Returns
    -------
    list of (start, end, closed)
        ``text[start]`` is the opening mark; ``end`` is one past the closing mark,
        or the paragraph end when ``closed`` is False (the quotation continues in
        the next paragraph). In text order.

    Examples
    --------
    >>> t = 'He said: "We came.\\n\\n"We stayed," he added.'
    >>> [(t[a:b], closed) for a, b, closed in quotation_spans(t)]
    [('"We came.', False), ('"We stayed,"', True)]
    """
    spans = list(split_paragraphs(text) if paragraph_spans is None else paragraph_spans)
    out: list[tuple[int, int, bool]] = []
    for k, (ps, pe) in enumerate(spans):
        pairs, dangling = _scan_quote_marks(text, ps, pe)
        out.extend((a, b + _mark_length(text, b), True) for a, b in pairs)
        if dangling is not None and k + 1 < len(spans) and _starts_utterance(text, ps, dangling):
            ns, ne = spans[k + 1]
            if _DOUBLE_MARKS.match(text, ns, ne) is not None:
                nxt_pairs, nxt_dangling = _scan_quote_marks(text, ns, ne)
                opens_next = (nxt_pairs and nxt_pairs[0][0] == ns) or nxt_dangling == ns
                if opens_next:
                    out.append((dangling, pe, False))
    return out


def _starts_utterance(text: str, start: int, i: int) -> bool:
    """Whether an opening mark at ``i`` can begin a quotation that runs on into the
    next paragraph: it starts the paragraph or follows a colon, a comma, a dash or
    the end of a sentence (not a word, as a stray mark in 'the "stray mark' does)."""
    j = i - 1
    while j >= start and text[j].isspace():
        j -= 1
    return j < start or text[j] in ":,.!?;\u2014\u2013-("


def _mark_length(text: str, i: int) -> int:
    """Length of the quotation mark at ``i``: 2 for two apostrophes or backticks."""
    return 2 if text.startswith(("''", "``"), i) else 1


# ----------------------------------------------------------------------- sentences

_CANDIDATE_END = re.compile("(?:\\.{2,}|\u2026|[.!?]+)[\"'\u201d\u2019)\\]]*(?=\\s)")
_OPENERS = "\"'\u201c\u2018([{"
_NEXT_WORD = re.compile(r"\w+")
_INITIALISM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


def split_sentences(text: str, paragraph_spans: Iterable[Span] | None = None) -> list[Span]:
    """Sentence spans, never crossing a paragraph and never breaking inside a
    quotation that closes within its paragraph.

    A candidate break is sentence-final punctuation (with any closing quotes or
    brackets) followed by a space and a capital letter, a digit or an opening
    quote. A period after a known title ("Gen.", "Lt. Col."), a month ("Jan. 6"),
    a numbering word ("No. 10"), a single initial ("J.") or an initialism ("U.S.")
    only ends a sentence when the next word is a frequent sentence starter.
    The lists live in ``resources/abbreviations.yaml``.

    Parameters
    ----------
    text : str
    paragraph_spans : iterable of (start, end), optional
        Defaults to :func:`split_paragraphs`.

    Returns
    -------
    list of (start, end)
        Spans without surrounding whitespace, in order.

    Examples
    --------
    >>> t = 'Lt. Col. J. Smith met U.S. envoys. "We won. They lost," he said. Then he left.'
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Lt. Col. J. Smith met U.S. envoys.', '"We won. They lost," he said.', 'Then he left.']
    """
    if paragraph_spans is None:
        paragraph_spans = split_paragraphs(text)
    out: list[Span] = []
    for ps, pe in paragraph_spans:
        breaks = _sentence_breaks(text, ps, pe)
        if breaks:
            breaks = _outside_quotes(breaks, pair_quote_marks(text, ps, pe))
        start = ps
        for b in breaks:
            out.extend(_trimmed(text, start, b))
            start = b
        out.extend(_trimmed(text, start, pe))
    return out


def _sentence_breaks(text: str, ps: int, pe: int) -> list[int]:
    abbr = abbreviations()
    titles, months, numbering = abbr["titles"], abbr["months"], abbr["before_numbers"]
    other, starters = abbr["other"], abbr["sentence_starters"]
    breaks: list[int] = []
    for m in _CANDIDATE_END.finditer(text, ps, pe):
        k = m.end()
        while k < pe and text[k].isspace():
            k += 1
        if k >= pe:
            break
        first = k
        while first < pe and text[first] in _OPENERS:
            first += 1
        if first >= pe:
            continue
        nxt = text[first]
        if not (nxt.isupper() or nxt.isdigit()):
            continue
        core = m.group().rstrip("\"'\u201d\u2019)]")
        if core == ".":
            j = m.start()
            while j > ps and not text[j - 1].isspace():
                j -= 1
            word = text[j : m.start()].lstrip(_OPENERS)
            w = _NEXT_WORD.match(text, first)
            next_word = w.group() if w else ""
            starts_sentence = next_word in starters
            if word in titles:
                continue
            if word in numbering and nxt.isdigit():
                continue
            if (
                word in months
                or word in other
                or (len(word) == 1 and word.isupper())
                or _INITIALISM.fullmatch(word)
            ) and not starts_sentence:
                continue
        breaks.append(m.end())
    return breaks


def _outside_quotes(breaks: list[int], pairs: list[Span]) -> list[int]:
    if not pairs:
        return breaks
    opens = [a for a, _ in pairs]
    kept = []
    for b in breaks:
        i = bisect.bisect_right(opens, b - 1) - 1
        if i >= 0 and opens[i] < b <= pairs[i][1]:
            continue  # inside a quotation that closes in this paragraph
        kept.append(b)
    return kept


# --------------------------------------------------------------------------- tables


def tokenize(corpus: Corpus | object) -> pd.DataFrame:
    """One row per word token.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, token_id, token, lower, start, end, is_punct``;
        ``docs.text[start:end] == token``. Ids are 0-based within each document.

    Examples
    --------
    >>> import toolkit
    >>> toks = toolkit.tokenize("The Taliban said it had changed.")
    >>> toks.token.tolist()
    ['The', 'Taliban', 'said', 'it', 'had', 'changed', '.']
    """
    from .index import corpus_index

    return corpus_index(corpus).token_table()


def sentences(corpus: Corpus | object) -> pd.DataFrame:
    """One row per sentence.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, para_id, start, end, text, kind`` where ``kind`` is the
        kind of the paragraph the sentence is in.

    Examples
    --------
    >>> import toolkit
    >>> toolkit.sentences("Gen. Smith spoke. He left.").text.tolist()
    ['Gen. Smith spoke.', 'He left.']
    """
    from .index import corpus_index

    return corpus_index(corpus).sentence_table()


def paragraphs(corpus: Corpus | object) -> pd.DataFrame:
    """One row per paragraph kept in ``docs.text``.

    Returns
    -------
    DataFrame
        ``doc_id, para_id, start, end, text, kind, raw_start, raw_end``; ``kind`` is
        ``body``, ``subheading``, ``caption`` or ``boilerplate`` (only present with
        ``clean=False``); ``raw_start``/``raw_end`` locate the paragraph in ``raw``.

    Examples
    --------
    >>> import toolkit
    >>> toolkit.paragraphs("Iran talks\\n\\nThe talks began.").kind.tolist()
    ['subheading', 'body']
    """
    from .corpus import as_corpus

    c = as_corpus(corpus)
    table = c.paragraph_spans.copy()
    texts = dict(zip(c.docs["doc_id"], c.docs["text"], strict=True))
    table.insert(
        4,
        "text",
        [
            texts[d][a:b]
            for d, a, b in zip(table["doc_id"], table["start"], table["end"], strict=True)
        ],
    )
    return table

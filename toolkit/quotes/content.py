"""Content spans: what each cue reports.

Step 4 of the reading: the quotation before or after the cue (``direct``), or
the clause, infinitive or object it reports (``indirect``: ``X said (that)
...``, ``..., X said.``, ``according to X, ...``, ``X wants to ...``, ``X
endorsed ...``). Quoted words inside reported content are ``partial``
quotations (``hailed the "defeat" of US troops``). A verb of thought,
intention or stance inside what someone is reported to have said belongs to
that content, not to a second attribution.
"""

from __future__ import annotations

import bisect
import itertools

from .cues import Frame, skip_adjuncts
from .document import Sent, quote_tokens, sentence_words
from .rules import CLAUSAL_CLASSES, OBJECT_CLASSES, SPEECH_CLASSES, Attribution, Lex

__all__ = ["assign_content", "boundary", "outermost", "title_words", "trim"]


def boundary(lex: Lex, S: Sent, r: int, hi: int) -> int:
    """Where reported content starting at ``r`` ends."""
    low, w = S.low, S.w
    x = r
    while x < hi:
        if S.q[x] < 0:
            if w[x] == ";":
                return x
            if w[x] == "," and x + 1 < hi and low[x + 1] in lex.rules.boundaries:
                return x
        x += 1
    return hi


def trim(lex: Lex, S: Sent, a: int, b: int) -> tuple[int, int]:
    """Drop punctuation (outside quotations) from both ends of a token range."""
    while a < b and S.q[a] < 0 and not any(c.isalnum() for c in S.w[a]):
        a += 1
    while (
        b > a
        and S.q[b - 1] < 0
        and (not any(c.isalnum() for c in S.w[b - 1]) or S.low[b - 1] in lex.grammar.trailing_words)
    ):
        b -= 1
    return a, b


def _content(
    lex: Lex, S: Sent, f: Frame, lo: int, hi: int, claimed: set[int], before_lo: int = -1
) -> None:
    """The pieces of text a frame reports: the quotation before it, what follows
    it, or the clause before it when it comes last (which may start before
    ``lo``, at ``before_lo``, over cues of thought or stance it reports)."""
    low, w = S.low, S.w
    if f.rule in (
        Attribution.PASSIVE_AGENT,
        Attribution.PASSIVE_WITHOUT_AGENT,
        Attribution.EVIDENTIAL,
        Attribution.NOMINAL_CUE,
    ):
        for piece in f.pieces:
            claimed.update(S.q[x] for x in range(*piece) if S.q[x] >= 0)
        return  # the subject (and predicate), set when the frame was found
    # the quotation just before: '"...," he said'
    p = f.left - 1
    if p >= lo and w[p] == "," and S.q[p] < 0:
        p -= 1
    if (
        f.quote_before < 0
        and f.klass != "source"
        and p >= lo
        and S.q[p] >= 0
        and S.q[p] not in claimed
        and not _title_quote(lex, S, *quote_tokens(S, p))
    ):
        f.pieces.append(quote_tokens(S, p))
        f.quote_before = S.q[p]
        claimed.add(S.q[p])
    # what follows
    r = skip_adjuncts(lex, S, f.right, hi, f.lemma in lex.rules.addressee_verbs)
    after_comma = r < hi and w[r] == "," and S.q[r] < 0
    introduced = r < hi and S.q[r] < 0 and (w[r] in (":", ",") or low[r] in lex.grammar.introducers)
    if r < hi and w[r] in (":", ",") and S.q[r] < 0:
        r += 1
    end = boundary(lex, S, r, hi)
    a, b = trim(lex, S, r, end)
    tail_words = sum(1 for x in range(a, b) if S.q[x] < 0 and any(c.isalnum() for c in w[x]))
    has_quote = any(S.q[x] >= 0 and S.q[x] not in claimed for x in range(a, b))
    first_is_quote = a < b and S.q[a] >= 0
    if f.quote_before >= 0:
        # '"A," he said, "B."' takes the second quotation too; anything else
        # after it (", adding that ...") belongs to another cue
        if first_is_quote and after_comma:
            f.pieces.append(quote_tokens(S, a))
            claimed.add(S.q[a])
        return
    if f.klass == "quotation":
        if first_is_quote:
            f.pieces.append(quote_tokens(S, a))
            claimed.add(S.q[a])
        return
    object_verb = f.klass in OBJECT_CLASSES
    takes_after = a < b and (has_quote or tail_words >= (1 if object_verb else 2))
    question = a == r and (f.negated or f.lemma in lex.grammar.question_verbs)
    interrupting = after_comma and f.left - 1 >= lo and w[f.left - 1] == "," and S.q[a] < 0
    if (
        takes_after
        and low[a] in lex.grammar.not_content_start
        and S.q[a] < 0
        and low[a] != "if"
        and not (question and low[a] in ("when", "where"))
        and not (interrupting and low[a] in lex.grammar.subordinate_continuations)
    ):
        # but "have not said when they would", "asked where", and "Lenox was a
        # juggernaut, Mr. Clarke said, until it went bankrupt"
        takes_after = False
    if takes_after and not after_comma and S.q[a] < 0 and low[a] in lex.grammar.auxiliaries_with_do:
        takes_after = False  # "Everything Trump says is a lie": the cue is in a relative  # "said when she resigned", "reported from Midway, and ..."
    if (
        takes_after
        and f.klass == "reply"
        and f.rule != Attribution.PARTICIPLE
        and not (introduced or first_is_quote)
    ):
        takes_after = False  # "add $84 billion", "respond to requests"
    if takes_after and f.inverted and f.klass != "source" and not (after_comma or first_is_quote):
        takes_after = False  # "said the official on Monday" followed by more words
    if (
        takes_after
        and f.inverted
        and f.klass != "source"
        and not first_is_quote
        and f.left - 1 >= lo
        and w[f.left - 1] == ","
    ):
        takes_after = False  # "..., said Jeffrey Trimble, a senior official with ..."
    if takes_after and f.klass == "source" and not _clause_start(lex, S, f.left, lo):
        takes_after = False  # "..., according to X, ..." reports what comes before
    if takes_after:
        f.pieces.append((a, b))
        claimed.update(S.q[x] for x in range(a, b) if S.q[x] >= 0)
        if not after_comma or f.klass == "source":
            return
    elif tail_words > 0 and f.klass != "source" and not after_comma:
        return  # the cue has an object that is not reported content
    if object_verb:
        return  # "..., she supported." reports nothing before the verb
    # the clause before: "..., the official said." / "..., according to X." /
    # "The Taliban, he said, had changed."
    c = f.left - 1
    if c >= lo and (w[c] == "," or f.klass == "source") and S.q[c] < 0:
        start = lo if before_lo < 0 or f.klass not in SPEECH_CLASSES else min(lo, before_lo)
        while start < c and (low[start] in lex.openers or w[start] == ","):
            start += 1
        if (low[start] in lex.intro or low[start] in lex.grammar.not_content_start) and not any(
            w[x] == "," and S.q[x] < 0 for x in range(start, c)
        ):
            return  # "When Congress cut funding, Mexico said ..." is not reported
        a, b = trim(lex, S, start, c + (0 if w[c] == "," else 1))
        words = sum(1 for x in range(a, b) if any(ch.isalnum() for ch in w[x]))
        if words >= (1 if f.pieces and after_comma else 2 if f.pieces else 3):
            f.pieces.insert(0, (a, b))
            claimed.update(S.q[x] for x in range(a, b) if S.q[x] >= 0)


def _clause_start(lex: Lex, S: Sent, k: int, lo: int) -> bool:
    """True when only openers ("But", "Also on Wednesday,") come before ``k``."""
    x = lo
    while x < k:
        if S.low[x] in lex.openers or S.low[x] in lex.time or S.w[x] == ",":
            x += 1
            continue
        return False
    return True


def assign_content(lex: Lex, S: Sent, frames: list[Frame]) -> None:
    """Give each frame of a sentence the pieces of text it reports."""
    claimed: set[int] = set()
    # quotations just before a cue belong to it first ('"...," he said')
    for n, f in enumerate(frames):
        lo = frames[n - 1].right if n else 0
        p = f.left - 1
        if p >= lo and S.w[p] == "," and S.q[p] < 0:
            p -= 1
        if p >= lo and S.q[p] >= 0 and S.q[p] not in claimed and f.klass != "source":
            qa, qb = quote_tokens(S, p)
            if _title_quote(lex, S, qa, qb):
                continue  # 'In his book, "Make Your Kid a Millionaire," he suggested'
            f.pieces.append((qa, qb))
            f.quote_before = S.q[p]
            claimed.add(S.q[p])
    last_right = 0  # the end of the last attribution that reports something
    last_speech = 0  # ... and of the last one that reports speech
    for n, f in enumerate(frames):
        lo = last_right
        hi = S.n
        r = skip_adjuncts(lex, S, f.right, S.n, f.lemma in lex.rules.addressee_verbs)
        clause = r < S.n and S.q[r] < 0 and S.low[r] in lex.grammar.introducers
        for g in frames[n + 1 :]:
            # a cue in a relative clause ("what she calls ...") is nested in this
            # content, which goes on past it; so is a verb of thought, intention
            # or stance inside a that-clause ("said that he would consider ...")
            if not (
                (g.left > 0 and S.low[g.left - 1] in lex.grammar.relatives)
                or (clause and g.klass not in SPEECH_CLASSES and g.left > r)
                or g.rule == Attribution.NOMINAL_CUE  # "say it underscores the regime's resolve to"
            ):
                hi = g.left
                break
        for x in range(f.right, hi):
            if (S.q[x] >= 0 and S.q[x] in claimed and S.q[x] != f.quote_before) or (
                f.enclosed and S.w[x] == "," and S.q[x] < 0
            ):
                hi = x
                break
        _content(lex, S, f, lo, hi, claimed, last_speech)
        if f.pieces:
            last_right = f.right
            if f.klass in SPEECH_CLASSES:
                last_speech = f.right


def outermost(frames: list[Frame]) -> list[Frame]:
    """The frames that report something, without the verbs of thought, intention
    and stance (and nominal cues) that lie inside what a verb of saying or thought
    reports: in "Police said he posed a threat and refused to drop the gun" the
    refusal is part of what the police said."""

    def cover(kept: list[Frame]) -> tuple[list[int], list[int]]:
        spans = sorted((a, b) for f in kept for a, b in f.pieces)
        return [a for a, _ in spans], list(itertools.accumulate((b for _, b in spans), max))

    def inside(f: Frame, starts: list[int], reach: list[int]) -> bool:
        k = bisect.bisect_right(starts, f.ci) - 1
        return k >= 0 and reach[k] > f.ci

    clausal = cover([f for f in frames if f.klass in SPEECH_CLASSES or f.klass in CLAUSAL_CLASSES])
    every = cover(frames)
    out = []
    for f in frames:
        if not f.pieces:
            continue
        if f.klass not in SPEECH_CLASSES and f.klass not in CLAUSAL_CLASSES and inside(f, *clausal):
            continue  # nested in reported content
        if f.rule == Attribution.NOMINAL_CUE and inside(f, *every):
            continue  # "discussed her plan for veterans": part of another's content
        out.append(f)
    return out


def _title_quote(lex: Lex, S: Sent, a: int, b: int) -> bool:
    """A short quotation in title case ('"Fox News Sunday,"', "''A Change Is Gonna
    Come,''"): the name of a programme, book or song, not someone's words. At the
    start of a sentence one or two capitalised words are speech ('"Fine," she
    said')."""
    words = sentence_words(S, a, b)
    return title_words(lex, S, a, b) and (3 if a == 0 else 1) <= words <= 8


def title_words(lex: Lex, S: Sent, a: int, b: int) -> bool:
    """A quoted title or name ("Fox News Sunday", "War On Drugs"): every word
    capitalised except short function words."""
    words = [S.w[x] for x in range(a, b) if S.w[x][:1].isalpha()]
    return bool(words) and all(
        w[0].isupper() or w.lower() in lex.grammar.minor_title_words for w in words
    )

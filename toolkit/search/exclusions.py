"""What a lexicon pattern must not match: ``exclude`` and ``near`` rules on its context.

A word that signals a frame or names an actor in one context means something
else in another: *storm* is an assault but also a winter storm, *advance* is
momentum but also "in advance of", *reconciliation* is peace talks but also a
budget procedure. An alias or cue of a lexicon (:mod:`toolkit.search.lexicons`)
may therefore carry rules on the words around it, written as patterns under
the one matching contract (:mod:`toolkit.search.patterns`)::

    - pattern: storm*
      exclude:
        - winter storm*                      # a phrase the hit is part of
        - {pattern: "hurricane*", window: sentence}   # anywhere in its sentence
    - pattern: reconciliation
      near: [talk*, negotiat*, peace, Taliban]   # counts only with one of these nearby

``exclude``
    The hit does not count when one of these patterns matches in its window.
``near``
    The hit counts only when at least one of these patterns matches in its window.

Each rule is a pattern (a string) or a mapping ``{pattern, match, case_sensitive,
window}``. The ``window`` says where the rule's pattern must be found:

* ``0`` (the default for ``exclude``): overlapping the hit, so ``"winter storm*"``
  removes the *storm* of "winter storm" and ``"in advance"`` the *advance* of
  "in advance of";
* a whole number ``N``: within ``N`` tokens before or after the hit, in its sentence;
* ``sentence`` (the default for ``near``): anywhere in the hit's sentence.

A rule removes a match before overlapping matches are resolved, so another
pattern may then claim the same words. The hits that rules removed can be
listed (``find_frames(..., excluded=True)``) and counted: every table of hits
and counts carries ``.attrs["excluded"]``, how many hits each rule removed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..corpus.index import TokenIndex
from .patterns import Pattern, compile_pattern, find_spans

__all__ = [
    "RULE_COLUMNS",
    "RULE_KINDS",
    "SENTENCE",
    "apply_rules",
    "describe_rule",
    "rule_labels",
]

RULE_KINDS = ("exclude", "near")
SENTENCE = -1  # the window value that stands for "the whole sentence"
# one row per rule in Lexicon.rules
RULE_COLUMNS = ["pattern_no", "rule", "pattern", "match", "case_sensitive", "window", "line"]


@dataclass(frozen=True)
class RuleOutcome:
    """Which matches the rules keep, and for each removed one the rule that removed it."""

    keep: np.ndarray  # bool per match
    rule_no: np.ndarray  # per match: the row of the rules table that removed it, or -1


def describe_rule(rule: str, pattern: str | list[str], window: int) -> str:
    """A rule in words, for tables: ``exclude "winter storm*"``; the ``near``
    rules of a pattern together, ``not near "talk*", "peace" (sentence)``.

    Examples
    --------
    >>> describe_rule("exclude", "hurricane*", 10)
    'exclude "hurricane*" (within 10 tokens)'
    >>> describe_rule("near", ["talk*", "peace"], -1)
    'not near "talk*", "peace" (sentence)'
    """
    where = (
        "" if window == 0 else " (sentence)" if window == SENTENCE else f" (within {window} tokens)"
    )
    if rule == "exclude":
        return f'exclude "{pattern}"{where}'
    names = [pattern] if isinstance(pattern, str) else list(pattern)
    shown = ", ".join(f'"{p}"' for p in names[:6])
    more = f" and {len(names) - 6} more" if len(names) > 6 else ""
    return f"not near {shown}{more}{where}"


def rule_labels(rules: pd.DataFrame) -> list[str]:
    """Each rule of ``Lexicon.rules`` in words; the ``near`` rules of a pattern
    share one label, since a hit is removed when none of them is found."""
    labels = []
    near = rules[rules["rule"] == "near"].groupby("pattern_no", sort=False)
    grouped = {
        no: describe_rule("near", g["pattern"].tolist(), int(g["window"].iat[0])) for no, g in near
    }
    for r in rules.itertuples(index=False):
        if r.rule == "near":
            labels.append(grouped[r.pattern_no])
        else:
            labels.append(describe_rule(r.rule, r.pattern, int(r.window)))
    return labels


def apply_rules(
    index: TokenIndex,
    rules: pd.DataFrame,
    first: np.ndarray,
    end: np.ndarray,
    pattern_no: np.ndarray,
) -> RuleOutcome:
    """Apply a lexicon's ``exclude`` and ``near`` rules to its raw matches.

    Parameters
    ----------
    index : TokenIndex
    rules : DataFrame
        ``Lexicon.rules``: one row per rule (:data:`RULE_COLUMNS`).
    first, end, pattern_no : numpy arrays
        The matches (global token spans) and the lexicon pattern of each.

    Returns
    -------
    RuleOutcome
        ``keep`` (bool per match) and ``rule_no`` (the rule that removed a
        match: the first ``exclude`` rule that fired, else the pattern's first
        ``near`` rule; -1 for kept matches).
    """
    keep = np.ones(len(first), dtype=bool)
    rule_no = np.full(len(first), -1, dtype=np.int64)
    if rules.empty or len(first) == 0:
        return RuleOutcome(keep, rule_no)
    compiled = {
        i: compile_pattern(p, match=m, case_sensitive=bool(c))
        for i, p, m, c in zip(
            range(len(rules)),
            rules["pattern"],
            rules["match"],
            rules["case_sensitive"],
            strict=True,
        )
    }
    for no, group in rules.groupby("pattern_no", sort=True):
        hits = np.flatnonzero(pattern_no == no)
        if len(hits) == 0:
            continue
        f, e = first[hits], end[hits]
        near_any = np.zeros(len(hits), dtype=bool)
        first_near = -1
        for i, row in zip(group.index.tolist(), group.itertuples(index=False), strict=True):
            found = _found_near(index, compiled[i], f, e, int(row.window))
            if row.rule == "exclude":
                fired = found & (rule_no[hits] < 0)
                rule_no[hits[fired]] = i
                keep[hits[found]] = False
            else:
                near_any |= found
                first_near = i if first_near < 0 else first_near
        if first_near >= 0:
            lonely = ~near_any & keep[hits]
            rule_no[hits[lonely]] = first_near
            keep[hits[lonely]] = False
    return RuleOutcome(keep, rule_no)


def _found_near(
    index: TokenIndex, pattern: Pattern, first: np.ndarray, end: np.ndarray, window: int
) -> np.ndarray:
    """For each hit ``first .. end-1``: does ``pattern`` match with at least one
    token in the window (``0``: overlapping the hit; ``N``: within ``N`` tokens,
    in the hit's sentence; :data:`SENTENCE`: in the hit's sentence)?"""
    starts, _ = find_spans(index, pattern)
    if len(starts) == 0:
        return np.zeros(len(first), dtype=bool)
    k = len(pattern.parts)
    if window == 0:
        lo, hi = first, end
    else:
        sent = index.sent[first]
        s0, s1 = index.sent_tok[sent], index.sent_tok[sent + 1]
        if window == SENTENCE:
            lo, hi = s0, s1
        else:
            lo = np.maximum(first - window, s0)
            hi = np.minimum(end + window, s1)
    # a match starting at p covers p .. p+k-1: it reaches the window when p < hi
    # and p + k > lo
    return np.searchsorted(starts, hi, side="left") > np.searchsorted(starts, lo - k, side="right")

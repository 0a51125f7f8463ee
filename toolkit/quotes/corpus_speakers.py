"""One speaker per person across documents: :func:`resolve_speakers`.

Each document is read on its own, so one person may be "Jen Psaki" in one
document, "Psaki" in another (a transcript label, "MS. PSAKI:") and "SULLIVAN"
or "President Biden" elsewhere. :func:`resolve_speakers` is a reduce over the
quotation table (a pure function of it, so that it runs the same on the whole
table or on the tables of partitions joined together): it gives every row a
``speaker_id``, the canonical name of its speaker across the corpus, and keeps
``speaker``, the name as resolved in the document.

* Case, punctuation and titles do not make another speaker: "SULLIVAN",
  "Sullivan", "Mr. Sullivan" and "Sullivan," are one key; so are "Senior
  Administration Official" and "senior administration official".
* Full names of one surname are one person when their first names agree
  ("Joseph R. Biden", "Joseph Biden"), also through the short forms of
  ``first_name_variants`` in ``quotes.yaml`` ("Joe Biden").
* A surname alone (or with a title: "President Biden") joins the full name of
  that surname when the corpus has exactly one person with it; with two
  ("Joe Biden", "Hunter Biden") it stays apart, and is reported in
  ``.attrs["ambiguous_speakers"]``.
* A title its document could not resolve ("the President" in a briefing that
  names President Biden and President Putin equally often stays "President")
  is the person the other documents resolve the title to ("THE PRESIDENT:",
  "the President" -> "Joe Biden"), when at least nine in ten of those rows
  agree (``.attrs["title_holders"]``); otherwise it stays a description.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

import pandas as pd

from .._util.tables import str_array
from .rules import Lex, QuoteRules, lex_for, packaged_rules

__all__ = ["resolve_speakers"]


def resolve_speakers(quotes: pd.DataFrame, *, rules: QuoteRules | None = None) -> pd.DataFrame:
    """The quotation table with ``speaker_id``: one canonical name per person
    across the corpus.

    Parameters
    ----------
    quotes : DataFrame
        The table :func:`toolkit.extract_quotes` returns (which runs this step
        already), or any table with a ``speaker`` column: several tables
        joined, or one you edited.
    rules : QuoteRules, optional
        The rules whose titles and first-name variants are used; by default the
        packaged ``quotes.yaml``.

    Returns
    -------
    DataFrame
        A copy of ``quotes`` with ``speaker_id`` (set or replaced): the
        canonical name of each row's speaker, empty where ``speaker`` is.
        ``.attrs["merged_speakers"]`` maps each name that was merged to its
        canonical name; ``.attrs["ambiguous_speakers"]`` maps each surname
        left apart to the full names it could be.

    Raises
    ------
    ValueError
        When the table has no ``speaker`` column.

    Examples
    --------
    >>> import pandas as pd
    >>> quotes = pd.DataFrame({"speaker": ["Jen Psaki", "Psaki", "PSAKI", None]})
    >>> ids = resolve_speakers(quotes)["speaker_id"]
    >>> ids[:3].tolist(), bool(ids.isna()[3])
    (['Jen Psaki', 'Jen Psaki', 'Jen Psaki'], True)
    >>> two = pd.DataFrame({"speaker": ["Joe Biden", "Hunter Biden", "Biden"]})
    >>> resolve_speakers(two).attrs["ambiguous_speakers"]
    {'Biden': ['Hunter Biden', 'Joe Biden']}
    """
    if "speaker" not in quotes.columns:
        raise ValueError(
            "resolve_speakers() needs the speaker column of the table extract_quotes returns; "
            f"the table has {list(quotes.columns)}"
        )
    lex = lex_for(rules if rules is not None else packaged_rules())
    # the columns as lists: iterating over a list is quicker than over a Series
    speaker = quotes["speaker"].tolist()
    counts = Counter(s for s in quotes["speaker"].dropna().astype(str).tolist() if s)
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    if "role" in quotes.columns:
        for s, r in zip(speaker, quotes["role"].tolist(), strict=True):
            if isinstance(s, str) and isinstance(r, str) and r:
                roles[s][r.lower()] += 1
    canonical, ambiguous = _canonical_names(lex, counts, roles)
    holders: dict[str, str] = {}
    if "speaker_mention" in quotes.columns:
        holders = _title_holders(lex, speaker, quotes["speaker_mention"].tolist(), canonical)
        for name in canonical:
            title = " ".join(_key(lex, name))
            if title in holders and not _is_person(lex, name):
                canonical[name] = holders[title]
    out = quotes.copy()
    values = [None if not isinstance(s, str) or not s else canonical.get(s, s) for s in speaker]
    out["speaker_id"] = str_array(values)
    out.attrs = {
        **quotes.attrs,
        "merged_speakers": {k: v for k, v in sorted(canonical.items()) if k != v},
        "ambiguous_speakers": ambiguous,
        "title_holders": holders,
    }
    return out


_AGREE = 0.9  # the share of a title's resolved rows that must name one person
_MIN_ROWS = 5  # and how many rows there must be


def _title_holders(
    lex: Lex, speaker: list[Any], mention: list[Any], canonical: dict[str, str]
) -> dict[str, str]:
    """Each title ("president") -> the person the corpus's documents resolve
    the title alone to ("the President", "THE PRESIDENT:"), when they agree."""
    pairs = Counter(
        (s, m)
        for s, m in zip(speaker, mention, strict=True)
        if isinstance(s, str) and isinstance(m, str)
    )
    resolved: dict[str, Counter[str]] = defaultdict(Counter)
    for (s, m), n in pairs.items():  # each distinct speaker and mention once
        if not _is_person(lex, s):
            continue
        words = [w for w in m.lower().split() if w not in lex.dets]
        if words and words[-1] in lex.rules.title_gender and all(_role(lex, w) for w in words):
            resolved[" ".join(words)][canonical.get(s, s)] += n
    holders: dict[str, str] = {}
    for title, people in sorted(resolved.items()):
        person, n = people.most_common(1)[0]
        if n >= _MIN_ROWS and n >= _AGREE * sum(people.values()):
            holders[title] = person
    return holders


def _is_person(lex: Lex, name: str) -> bool:
    """Whether a speaker name is a person's name, not a description or title."""
    key = _key(lex, name)
    return bool(key) and name[:1].isupper() and not _role(lex, key[-1]) and _person_words(lex, key)


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _key(lex: Lex, name: str) -> tuple[str, ...]:
    """The words that identify a speaker: lower case, without punctuation, the
    titles before a name ("President Biden" -> ("biden",)) and suffixes ("Jr.")."""
    words = [w.strip("'\u2019-") for w in re.findall(r"[\w'\u2019-]+", name.lower())]
    words = [w for w in words if w]
    if not name[:1].isupper() or (words and _role(lex, words[-1])):
        return tuple(words)  # a description: "officials", "Senior Administration Official"
    while words and words[-1] in _SUFFIXES and len(words) > 1:
        words.pop()
    titles = lex.rules.title_gender
    while len(words) > 1 and (
        words[0] in titles or f"{words[0]}." in titles or _role(lex, words[0])
    ):
        words.pop(0)
    return tuple(words)


def _role(lex: Lex, word: str) -> bool:
    return word in lex.person or word in lex.role_words or word in lex.grammar.connectors


def _person_words(lex: Lex, key: tuple[str, ...]) -> bool:
    """Whether a key can be a personal name (no organisation or role word in it)."""
    return all(w not in lex.not_person and w not in lex.stop and not w.isdigit() for w in key)


def _same_person(lex: Lex, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two full names of one surname name one person: their first names
    agree, or one has all the words of the other ("Mohammad Ashraf Ghani",
    "Ashraf Ghani")."""
    short, long = sorted((a, b), key=len)
    return _same_first(lex, a[0], b[0]) or set(short) <= set(long)


def _same_first(lex: Lex, a: str, b: str) -> bool:
    """Whether two first names name one person: equal, one the short form of the
    other ("joe", "joseph"), or an initial of it ("j", "joseph")."""
    variants = lex.rules.first_name_variants
    if a == b or variants.get(a, {a}) & variants.get(b, {b}):
        return True
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _canonical_names(
    lex: Lex, counts: Counter[str], roles: dict[str, Counter[str]]
) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Each speaker name -> its canonical name; and the ambiguous surnames."""
    by_key: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for name in counts:
        by_key[_key(lex, name) or (name.lower(),)].append(name)
    # full personal names by surname, clustered into people by first name
    people: dict[str, list[list[tuple[str, ...]]]] = defaultdict(list)
    capitalised = sorted(
        (k for k, names in by_key.items() if names[0][:1].isupper()),
        key=lambda k: (-sum(counts[n] for n in by_key[k]), k),
    )
    for key in capitalised:
        if len(key) < 2 or not _person_words(lex, key):
            continue
        clusters = people[key[-1]]
        same = next((c for c in clusters if _same_person(lex, c[0], key)), None)
        if same is None:
            clusters.append([key])
        else:
            same.append(key)
    group_of: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for clusters in people.values():
        for cluster in clusters:
            for key in cluster:
                group_of[key] = cluster
    ambiguous: dict[str, list[str]] = {}
    for key in capitalised:
        if len(key) != 1 or key in group_of:
            continue
        clusters = people.get(key[0], [])
        if len(clusters) > 1:
            clusters = _by_role(by_key, key, clusters, roles)
        if len(clusters) == 1:
            clusters[0].append(key)
            group_of[key] = clusters[0]
        elif len(clusters) > 1:
            name = _display(by_key[key], counts)
            ambiguous[name] = sorted(_display(_names(by_key, c), counts) for c in clusters)
    canonical: dict[str, str] = {}
    for key, names in by_key.items():
        group = group_of.get(key)
        if group is None:
            best = _display(names, counts)
        else:
            full = [n for k in group if len(k) > 1 for n in by_key[k]]
            best = _display(full or _names(by_key, group), counts)
        for n in names:
            canonical[n] = best
    return canonical, dict(sorted(ambiguous.items()))


def _by_role(
    by_key: dict[tuple[str, ...], list[str]],
    key: tuple[str, ...],
    clusters: list[list[tuple[str, ...]]],
    roles: dict[str, Counter[str]],
) -> list[list[tuple[str, ...]]]:
    """The people of one surname whose role is the surname's own most frequent
    role ("President Biden" is the Biden who is president), or all of them
    when the surname has no role or more than one of them shares it."""
    own: Counter[str] = Counter()
    for n in by_key[key]:
        own.update(roles.get(n, {}))
    if not own:
        return clusters
    role = own.most_common(1)[0][0]
    holding = [c for c in clusters if any(role in roles.get(n, {}) for n in _names(by_key, c))]
    return holding if len(holding) == 1 else clusters


def _names(by_key: dict[tuple[str, ...], list[str]], keys: list[tuple[str, ...]]) -> list[str]:
    return [n for k in keys for n in by_key[k]]


def _display(names: list[str], counts: Counter[str]) -> str:
    """The form to show: the most frequent (names in capitals count in title
    case: "SULLIVAN" as "Sullivan"); ties go to the shortest, then alphabetical."""
    tally: Counter[str] = Counter()
    for n in names:
        tally[_caps_title(n) if n.isupper() else n] += counts.get(n, 0)
    return min(tally, key=lambda n: (-tally[n], len(n), n))


def _caps_title(name: str) -> str:
    """ "SULLIVAN" -> "Sullivan", "JEAN-PIERRE" -> "Jean-Pierre"."""
    return re.sub(r"[A-Za-z]+", lambda m: m.group().capitalize(), name)

"""Actors: who is talked about, how often, and in whose words.

:func:`find_actors` lists every mention of an actor of a lexicon (see
:mod:`toolkit.search.lexicons`) with its offsets and voice; :func:`count_actors` counts
them per group, normalised per 1,000 word tokens; :func:`actor_cooccurrence`
counts sentences naming two actors; :func:`suggest_actors` lists frequent names
the lexicon does not cover yet, so a researcher can grow it.

The per-1,000 denominator is the number of **word tokens**: tokens of
:func:`toolkit.tokenize` with at least one letter or digit (``is_punct`` false),
so punctuation is not counted and clitics such as ``'s`` are. It is the same in
every count of the toolkit (see :mod:`toolkit.analyses.counts`).
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd

from .._util.tables import require_columns, str_array
from ..corpus.index import TokenIndex, corpus_index
from ..corpus.load import as_corpus
from ..corpus.partitioned import by_partition, concat_tables
from ..corpus.store import StoredCorpus
from ..search.lexicons import (
    ACTOR_TYPES,
    DEFAULT_ACTORS,
    HIT_COLUMNS,
    Lexicon,
    lexicon_hits,
    load_lexicon,
    match_lexicon,
)
from ..text.abbreviations import abbreviations
from .counts import by_list, count_parts, finish_hit_counts, partitioned_hit_count
from .voice import (
    VOICE_COLUMNS,
    VOICE_KEYS,
    attach_voice,
    outside_labels,
    speaker_details,
    whole_quotes,
)
from .voice import quotes_of as _quotes_of

__all__ = [
    "actor_cooccurrence",
    "count_actors",
    "find_actors",
    "suggest_actors",
]

ACTOR_COLUMNS = [*HIT_COLUMNS, "actor", "type", "parent", "code", "alias", *VOICE_COLUMNS]


@by_partition(split=("quotes",), whole=whole_quotes)
def find_actors(
    corpus: Any,
    lexicon: str | Lexicon | None = None,
    *,
    quotes: pd.DataFrame | None = None,
    excluded: bool = False,
) -> pd.DataFrame:
    """Every mention of an actor, with whose words it is in.

    Parameters
    ----------
    corpus : Corpus, or a folder, file, DataFrame or text (see :func:`toolkit.as_corpus`)
    lexicon : str, path, dict or Lexicon, optional
        Which actors to find and by which aliases: the name of a packaged
        lexicon, a YAML file, a dict or a :func:`toolkit.load_lexicon` result.
        The default is ``"afghanistan-2021-actors"``.
    quotes : DataFrame, optional
        The quotations that say whose words each mention is in (``doc_id, start,
        end, kind, speaker``, from :func:`toolkit.extract_quotes`); when not given,
        they are extracted once per corpus and kept.
    excluded : bool
        List instead the mentions that the aliases' ``exclude`` and ``near``
        rules removed (:mod:`toolkit.search.exclusions`), with ``excluded_by``.

    Returns
    -------
    DataFrame
        One row per mention, in corpus order: ``doc_id, sent_id, start, end,
        text, actor, type, parent, code, alias, voice, speaker, quote_id``.
        ``alias`` is the lexicon pattern that matched and ``text`` is
        ``docs.text[start:end]``; ``voice`` is ``narrator``, ``quoted`` or
        ``reported`` and ``speaker`` the quotation's speaker (see
        :func:`toolkit.attach_voice`). Where aliases overlap the longest wins,
        so each stretch of text is one mention of one actor. The speaker
        labels of transcripts ("MS. PSAKI:") are no mentions (see
        :func:`toolkit.analyses.voice.outside_labels`).
        ``.attrs["excluded"]`` lists how many mentions each ``exclude`` or
        ``near`` rule of the lexicon removed.

    Examples
    --------
    >>> import toolkit
    >>> m = toolkit.find_actors("data/")
    >>> m.loc[m.actor == "Zabihullah Mujahid", "text"].tolist()
    ['Zabihullah Mujahid', 'Mujahid']
    """
    c = as_corpus(corpus)
    lex = _actor_lexicon(lexicon)
    if quotes is None:  # a stored corpus keeps the mentions beside each partition
        key = f"actors-{lex.fingerprint}{'-excluded' if excluded else ''}"
        return c.stored_table(key, lambda: _find_actors(c, lex, None, excluded))
    return _find_actors(c, lex, quotes, excluded)


def _find_actors(c: Any, lex: Lexicon, quotes: pd.DataFrame | None, excluded: bool) -> pd.DataFrame:
    hits = lexicon_hits(c, lex, excluded=excluded)
    tally = hits.attrs["excluded"]
    hits = hits.rename(columns={"pattern": "alias"})
    info = lex.entries.set_index("actor")
    hits["type"] = pd.Categorical(_per_entry(hits["actor"], info["type"]), categories=_types())
    hits["parent"] = pd.Series(_per_entry(hits["actor"], info["parent"]), dtype="string")
    hits["code"] = pd.Series(_per_entry(hits["actor"], info["code"]), dtype="string")
    q = _quotes_of(c, quotes)
    columns = [*ACTOR_COLUMNS, *speaker_details(q), *(["excluded_by"] if excluded else [])]
    out = attach_voice(outside_labels(hits, q), q)[columns]
    out.attrs = {"excluded": tally}
    return out


def actor_count_parts(
    corpus: Any,
    lexicon: str | Lexicon | None = None,
    *,
    by: str | list[str] | None = None,
    rollup: bool = False,
    quotes: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """The sums behind :func:`count_actors` for one corpus or partition (see
    :func:`toolkit.analyses.counts.count_parts`)."""
    c = as_corpus(corpus)
    keys = by_list(by)
    lex = _actor_lexicon(lexicon)
    if mentions is None:
        mentions = find_actors(c, lex, quotes=quotes)
    else:
        require_columns(mentions, ["doc_id", "actor"], "mentions (a find_actors result)")
    q = _quotes_of(c, quotes) if any(k in VOICE_KEYS for k in keys) else None
    if rollup:
        mentions = _rolled_up(mentions, lex)
    elif "type" not in mentions.columns:
        mentions = mentions.assign(type=_entry_types(mentions["actor"], lex))
    parts = count_parts(mentions, c, label="actor", by=keys, quotes=q, extra=["type"])
    parts["attrs"] = {"excluded": mentions.attrs.get("excluded", [])}
    return parts


@partitioned_hit_count(actor_count_parts, "mentions")
def count_actors(
    corpus: Any,
    lexicon: str | Lexicon | None = None,
    *,
    by: str | list[str] | None = None,
    rollup: bool = False,
    quotes: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """How often each actor is mentioned, in how many documents, per 1,000 words.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    lexicon : str, path, dict or Lexicon, optional
        Default ``"afghanistan-2021-actors"``.
    by : str or list of str, optional
        Group the counts: ``"voice"`` or ``"speaker"`` (whose words),
        ``"doc_id"``, any document column (``"source"``, ``"date"``, your own
        metadata), a date period (``"year"``, ``"quarter"``, ``"month"``,
        ``"week"``, ``"day"``) or a column of the mentions (``"type"``,
        ``"alias"``).
    rollup : bool
        Count every actor as its top ancestor through ``parent`` links (Zabihullah
        Mujahid as the Taliban, the Pentagon as the United States).
    quotes : DataFrame, optional
        The quotation table (default: computed).
    mentions : DataFrame, optional
        Count these mentions (a :func:`find_actors` result, perhaps filtered)
        instead of searching again; pass the lexicon they came from.

    Returns
    -------
    DataFrame
        One row per group and actor: the ``by`` columns, ``actor``, ``type``,
        ``mentions``, ``documents`` (with at least one mention), ``tokens`` (word
        tokens of the group: the denominator; by voice or speaker, the word tokens
        in that voice) and ``per_1k_tokens`` (``mentions / tokens * 1000``).
        Within each group actors are sorted by mentions; an actor mentioned
        somewhere gets a 0 row in the groups where it is not.

    Examples
    --------
    >>> import toolkit
    >>> table = toolkit.count_actors("data/", rollup=True)
    >>> table[["actor", "mentions"]].head(2).to_numpy().tolist()
    [['Afghan government', 26], ['Taliban', 25]]
    """
    parts = actor_count_parts(
        corpus, lexicon, by=by, rollup=rollup, quotes=quotes, mentions=mentions
    )
    return finish_hit_counts([parts], mentions)


def _actor_lexicon(lexicon: str | Lexicon | None) -> Lexicon:
    return load_lexicon(DEFAULT_ACTORS if lexicon is None else lexicon, kind="actors")


def _types() -> list[str]:
    return list(ACTOR_TYPES)


def _per_entry(actors: pd.Series, values: pd.Series) -> np.ndarray:
    """``values`` (indexed by actor name) looked up for every row of ``actors``,
    once per distinct name."""
    if isinstance(actors.dtype, pd.CategoricalDtype):
        codes = actors.cat.codes.to_numpy()
        names = actors.cat.categories
    else:
        codes, names = pd.factorize(actors.astype(str))
    per_name = values.reindex(pd.Index(names).astype(str)).to_numpy(dtype=object)
    return per_name[codes] if len(per_name) else np.zeros(len(codes), dtype=object)


def _check_names(actors: pd.Series, lex: Lexicon) -> None:
    names = actors.cat.categories if isinstance(actors.dtype, pd.CategoricalDtype) else None
    if names is not None:
        names = names[np.unique(actors.cat.codes.to_numpy())] if len(actors) else names[:0]
    else:
        names = pd.unique(actors.astype(str))
    unknown = sorted(set(map(str, names)) - set(lex.names))
    if unknown:
        raise ValueError(
            f"the mentions name actors that are not in the lexicon {lex.name!r}: "
            f"{unknown[:5]}; pass the lexicon the mentions came from"
        )


def _entry_types(actors: pd.Series, lex: Lexicon) -> pd.Categorical:
    _check_names(actors, lex)
    types = lex.entries.set_index("actor")["type"]
    return pd.Categorical(_per_entry(actors, types), categories=_types())


def _rolled_up(mentions: pd.DataFrame, lex: Lexicon) -> pd.DataFrame:
    _check_names(mentions["actor"], lex)
    roots = pd.Series(lex.roots)
    root_names = list(dict.fromkeys(lex.roots.values()))
    rolled = pd.Categorical(_per_entry(mentions["actor"], roots), categories=root_names)
    out = mentions.copy()
    out["actor"] = rolled
    out["type"] = _entry_types(out["actor"], lex)
    return out


# ---------------------------------------------------------------- co-occurrence


def combine_cooccurrence(
    parts: list[pd.DataFrame], corpus: Any, kwargs: dict[str, Any]
) -> pd.DataFrame:
    """:func:`actor_cooccurrence` of a stored corpus from its partitions' tables:
    sentences and documents added up per pair, the first sentence the earliest."""
    found = [p for p in parts if len(p)]
    if not found:
        return parts[0]
    table = concat_tables(parts, corpus)
    keys = ["actor_a", "actor_b"]
    sums = table.groupby(keys, sort=False)[["sentences", "documents"]].sum()
    first = table.drop_duplicates(keys).set_index(keys)[["doc_id", "sent_id", "start", "end"]]
    out = sums.join(first).reset_index()
    out = out.sort_values(
        ["sentences", "actor_a", "actor_b"], ascending=[False, True, True], kind="stable"
    )
    return out[list(table.columns)].reset_index(drop=True)


@by_partition(combine_cooccurrence, split=("mentions",))
def actor_cooccurrence(
    corpus: Any,
    lexicon: str | Lexicon | None = None,
    *,
    rollup: bool = False,
    mentions: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """How many sentences mention two actors together.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    lexicon : str, path, dict or Lexicon, optional
        Default ``"afghanistan-2021-actors"``.
    rollup : bool
        Count actors as their top ancestors (see :func:`count_actors`).
    mentions : DataFrame, optional
        Use these mentions (a :func:`find_actors` result) instead of searching.
    quotes : DataFrame, optional
        The quotation table whose transcript turns say which words are speaker
        labels ("MS. PSAKI:"), which mention no one (as in :func:`find_actors`);
        extracted once per corpus when not given.

    Returns
    -------
    DataFrame
        One row per pair of actors named in the same sentence at least once
        (``actor_a`` before ``actor_b`` alphabetically) and one row per actor
        with itself (``actor_a == actor_b``: the sentences naming it at all):
        ``actor_a, actor_b, sentences, documents``, and ``doc_id, sent_id, start,
        end`` of the first such sentence, to read it.

    Examples
    --------
    >>> import toolkit
    >>> pairs = toolkit.actor_cooccurrence("data/", rollup=True)
    >>> int(pairs.query("actor_a == 'Afghan government' and actor_b == 'Taliban'").sentences.iat[0])
    12
    """
    c = as_corpus(corpus)
    lex = _actor_lexicon(lexicon)
    if mentions is None:
        hits = outside_labels(lexicon_hits(c, lex), _quotes_of(c, quotes))
        m = hits[["doc_id", "sent_id", "actor"]]
    else:
        require_columns(mentions, ["doc_id", "sent_id", "actor"], "mentions (a find_actors result)")
        m = mentions[["doc_id", "sent_id", "actor"]]
    if rollup:
        m = _rolled_up(m, lex)
    idx = corpus_index(c)
    doc = pd.Index(idx.doc_ids).get_indexer(m["doc_id"].astype(str))
    sent = idx.doc_sent[doc] + m["sent_id"].to_numpy(np.int64)
    pairs = pd.DataFrame({"sent": sent, "actor": m["actor"].astype(str).to_numpy()})
    pairs = pairs.drop_duplicates()
    both = pairs.merge(pairs, on="sent", suffixes=("_a", "_b"))
    both = both[both["actor_a"] <= both["actor_b"]]
    cols = ["actor_a", "actor_b", "sentences", "documents", "doc_id", "sent_id", "start", "end"]
    if both.empty:
        return pd.DataFrame({k: [] for k in cols})
    both = both.assign(doc=np.searchsorted(idx.doc_sent, both["sent"], side="right") - 1)
    table = (
        both.groupby(["actor_a", "actor_b"], sort=True)
        .agg(sentences=("sent", "size"), documents=("doc", "nunique"), first=("sent", "min"))
        .reset_index()
    )
    first = table["first"].to_numpy()
    fdoc = np.searchsorted(idx.doc_sent, first, side="right") - 1
    table["doc_id"] = idx.doc_categorical(fdoc)
    table["sent_id"] = (first - idx.doc_sent[fdoc]).astype(np.int32)
    table["start"] = idx.sent_start[first]
    table["end"] = idx.sent_end[first]
    table["sentences"] = table["sentences"].astype(np.int64)
    table["documents"] = table["documents"].astype(np.int64)
    table = table.sort_values(
        ["sentences", "actor_a", "actor_b"], ascending=[False, True, True], kind="stable"
    )
    return table[cols].reset_index(drop=True)


# ----------------------------------------------------------------- suggestions

# Words joining the parts of a name ("Ministry of Defence", "Osama bin Laden").
_CONNECTORS = frozenset(
    [
        "of",
        "bin",
        "ibn",
        "al",
        "el",
        "de",
        "del",
        "da",
        "du",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "ul",
        "ud",
    ]
)
# Capitalised words that are not names of actors.
_NOT_NAMES = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sir",
        "Madam",
        "I",
    ]
)
_OPENERS = frozenset(['"', "'", "(", "[", ":", ".", "!", "?", "\u201c", "\u2018"])
_NLTK_PACKAGES = {
    "taggers/averaged_perceptron_tagger_eng": "averaged_perceptron_tagger_eng",
    "chunkers/maxent_ne_chunker_tab/english_ace_binary": "maxent_ne_chunker_tab",
    "corpora/words": "words",
}
SUGGEST_COLUMNS = ["name", "count", "documents", "example", "doc_id", "start", "end"]


def _check_suggest_options(min_count: Any, method: Any) -> None:
    if isinstance(min_count, bool) or not isinstance(min_count, int | np.integer) or min_count < 1:
        raise ValueError(f"min_count={min_count!r}: give a whole number, 1 or more")
    if method not in ("capitals", "nltk"):
        raise ValueError(f"method={method!r} is not one of 'capitals', 'nltk'")


def _corpus_words(corpus: StoredCorpus, kwargs: dict[str, Any]) -> dict[str, Any]:
    """Before the partitions of a stored corpus: which words are ever in lower
    case and which are capitalised inside a sentence is said by the whole
    corpus, so a first pass collects it (only for the words that start a
    sentence somewhere, which is all the second pass asks about)."""
    _check_suggest_options(kwargs.get("min_count", 2), kwargs.get("method", "capitals"))
    if kwargs.get("method", "capitals") != "capitals":
        return {}
    seen = corpus.map(suggestion_vocabulary, desc="suggest_actors (words)")
    lower = set().union(*(v["lower"] for v in seen)) & set().union(*(v["heads"] for v in seen))
    mid = set().union(*(v["mid"] for v in seen)) & set().union(*(v["head_forms"] for v in seen))
    return {"lower_seen": frozenset(lower), "mid_seen": frozenset(mid)}


def _combine_suggestions(
    parts: list[pd.DataFrame], corpus: StoredCorpus, kwargs: dict[str, Any]
) -> pd.DataFrame:
    tables = [part.assign(_part=i) for i, part in enumerate(parts)]
    return _finish_suggestions(concat_tables(tables, corpus), kwargs.get("min_count", 2))


def suggestion_vocabulary(corpus: Any) -> dict[str, set[str]]:
    """The words of one partition that :func:`suggest_actors` judges across the
    corpus: the words seen in lower case (``lower``) and the lower-cased words
    capitalised at a sentence head (``heads``); the forms capitalised inside a
    sentence (``mid``) and at a head (``head_forms``)."""
    idx = corpus_index(as_corpus(corpus))
    if idx.n_tokens == 0:
        return {"lower": set(), "heads": set(), "mid": set(), "head_forms": set()}
    forms = idx.forms
    head = _heads(idx)
    cap = _cap_forms(forms)[idx.form]
    lower_forms = np.array([f == f.lower() for f in forms], dtype=bool)
    lowers = idx.lowers
    lower = {str(lowers[i]) for i in np.unique(idx.lower_of_form[np.flatnonzero(lower_forms)])}
    head_forms = np.unique(idx.form[cap & head])
    return {
        "lower": lower,
        "heads": {str(lowers[idx.lower_of_form[f]]) for f in head_forms},
        "mid": {str(forms[f]) for f in np.unique(idx.form[cap & ~head])},
        "head_forms": {str(forms[f]) for f in head_forms},
    }


def suggestion_parts(
    corpus: Any,
    lexicon: str | Lexicon | None = None,
    *,
    method: str = "capitals",
    min_count: int = 1,
    lower_seen: frozenset[str] | None = None,
    mid_seen: frozenset[str] | None = None,
) -> pd.DataFrame:
    """The candidates of :func:`suggest_actors` in one corpus or partition,
    before ``min_count`` (applied to the corpus's sums): per name its count,
    documents and first occurrence.
    ``lower_seen`` and ``mid_seen`` are the corpus-wide words of
    :func:`suggestion_vocabulary` (by default those of this corpus)."""
    c = as_corpus(corpus)
    lex = _actor_lexicon(lexicon)
    idx = corpus_index(c)
    covered = np.zeros(idx.n_tokens + 1, dtype=bool)
    m = match_lexicon(c, lex)
    if len(m):
        delta = np.zeros(idx.n_tokens + 1, dtype=np.int64)
        np.add.at(delta, m["first"].to_numpy(), 1)
        np.add.at(delta, m["end"].to_numpy(), -1)
        covered = np.cumsum(delta) > 0
    covered[: idx.n_tokens] |= _speaker_labels(idx)
    if method == "nltk":
        firsts, ends = _ne_chunks(idx)
    else:
        firsts, ends = _capitalised_runs(idx, lower_seen, mid_seen)
    firsts, ends = _uncovered(firsts, ends, covered[: idx.n_tokens], idx)
    return _candidate_table(idx, firsts, ends)


@by_partition(_combine_suggestions, partial=suggestion_parts, whole=_corpus_words)
def suggest_actors(
    corpus: Any,
    lexicon: str | Lexicon | None = None,
    *,
    min_count: int = 2,
    method: Literal["capitals", "nltk"] = "capitals",
) -> pd.DataFrame:
    """Frequent proper names that the lexicon does not cover yet.

    Parameters
    ----------
    corpus : Corpus, stored corpus or anything :func:`toolkit.as_corpus` accepts
        A stored corpus is read partition by partition, in two passes (the
        words in lower case anywhere in the corpus, then the names), with the
        same table as in memory.
    lexicon : str, path, dict or Lexicon, optional
        Default ``"afghanistan-2021-actors"``. Tokens inside a mention of the
        lexicon are never part of a suggestion.
    min_count : int
        Leave out names seen fewer times.
    method : {"capitals", "nltk"}
        ``"capitals"`` (default, no data needed): runs of capitalised words, which
        may be joined by *of*, *bin*, *al* and the like ("Ministry of Defence",
        "Osama bin Laden"). A capitalised word that starts a sentence is kept only
        when it never appears in lower case in the corpus and is not a common
        sentence starter ("The", "Officials"), so "Talks between ..." does not
        suggest "Talks". Weekday and month names are left out.
        ``"nltk"``: NLTK's binary named-entity chunker over its part-of-speech
        tags; needs the NLTK data packages ``averaged_perceptron_tagger_eng``,
        ``maxent_ne_chunker_tab`` and ``words``.

    Returns
    -------
    DataFrame
        ``name, count, documents, example`` (the sentence of the first occurrence)
        and ``doc_id, start, end`` of that occurrence; most frequent first.

    Raises
    ------
    LookupError
        With ``method="nltk"`` when the NLTK data is missing; the message gives
        the ``python -m nltk.downloader ...`` command.

    Examples
    --------
    >>> import toolkit
    >>> names = toolkit.suggest_actors("data/")
    >>> names.name.tolist()[:2]
    ['Badghis', 'Qala-e-Naw']
    """
    _check_suggest_options(min_count, method)
    return _finish_suggestions(suggestion_parts(corpus, lexicon, method=method), min_count)


def _cap_forms(forms: np.ndarray) -> np.ndarray:
    """Per form: capitalised, and not a word that never starts a name (a title
    in any case and with or without its full stop: "MS.", "Mr")."""
    return np.array(
        [
            bool(f)
            and f[0].isupper()
            and f not in _NOT_NAMES
            and f.rstrip(".").capitalize() not in _NOT_NAMES
            for f in forms
        ],
        bool,
    )


_LABEL_WORDS = 6  # the most words of a transcript's speaker label


def _speaker_labels(idx: TokenIndex) -> np.ndarray:
    """Per token: part of a transcript's speaker label, which names who speaks
    and is no mention ("MS. PSAKI:", "THE PRESIDENT:" opening a sentence, in
    capitals, up to its colon; "Q" opening a question)."""
    out = np.zeros(idx.n_tokens, dtype=bool)
    forms = idx.forms
    form = idx.form
    for a in idx.sent_tok[:-1].tolist():
        b = min(a + _LABEL_WORDS + 1, idx.n_tokens)
        words = [str(forms[f]) for f in form[a:b].tolist()]
        if words and words[0] == "Q":
            out[a] = True
            continue
        colon = next((k for k, w in enumerate(words) if w == ":"), None)
        lettered = [w for w in words[: colon or 0] if any(c.isalpha() for c in w)]
        if lettered and all(w.isupper() for w in lettered):
            out[a : a + colon + 1] = True
    return out


def _heads(idx: TokenIndex) -> np.ndarray:
    """Per token: a "head", where any word is capitalised (a sentence start, or
    after an opening quotation mark, a bracket, a colon or a full stop inside a
    quotation)."""
    same_sent_prev = np.concatenate([[False], idx.sent[1:] == idx.sent[:-1]])
    opener_form = np.array([f in _OPENERS for f in idx.forms], dtype=bool)
    head = np.concatenate([[True], opener_form[idx.form[:-1]]]) | ~same_sent_prev
    # a transcript's question: "Q And the troops?" ("And" opens the question)
    q_form = np.array([f == "Q" for f in idx.forms], dtype=bool)
    head[1:] |= q_form[idx.form[:-1]] & ~same_sent_prev[:-1]
    return head


def _capitalised_runs(
    idx: TokenIndex, lower_words: frozenset[str] | None, mid_forms: frozenset[str] | None
) -> tuple[np.ndarray, np.ndarray]:
    n = idx.n_tokens
    if n == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    forms = idx.forms
    conn_form = np.array([f in _CONNECTORS for f in forms], dtype=bool)
    cap = _cap_forms(forms)[idx.form]
    conn = conn_form[idx.form]
    same_sent_prev = np.concatenate([[False], idx.sent[1:] == idx.sent[:-1]])
    same_sent_next = np.concatenate([idx.sent[:-1] == idx.sent[1:], [False]])
    head = _heads(idx)
    # a capitalised head is evidence of a name only when the word is not a
    # frequent sentence starter and never appears in lower case (in the corpus)
    starters = abbreviations()["sentence_starters"]
    if lower_words is None:
        lower_seen = np.zeros(len(idx.lowers), dtype=bool)
        lower_forms = np.array([f == f.lower() for f in forms], dtype=bool)
        lower_seen[np.unique(idx.lower_of_form[np.flatnonzero(lower_forms)])] = True
    else:
        lower_seen = np.array([w in lower_words for w in idx.lowers.tolist()], dtype=bool)
    weak = np.array([f in starters for f in forms], dtype=bool) | lower_seen[idx.lower_of_form]
    cap &= ~(head & weak[idx.form])
    # runs of capitals, joined by connectors between two capitals
    prev_cap = np.concatenate([[False], cap[:-1]])
    next_cap = np.concatenate([cap[1:], [False]])
    joins = conn & prev_cap & next_cap & same_sent_prev & same_sent_next
    inside = cap | joins
    link = np.concatenate([[False], inside[1:] & inside[:-1] & same_sent_prev[1:]])
    starts = np.flatnonzero(inside & ~link)
    ends_ = np.flatnonzero(inside & ~np.concatenate([link[1:], [False]])) + 1
    # a lone capitalised word at a head ("Speaking on a street ...") counts only
    # when the word is also seen capitalised elsewhere
    if mid_forms is None:
        mid_seen = np.zeros(len(forms), dtype=bool)
        mid_seen[np.unique(idx.form[cap & ~head])] = True
    else:
        mid_seen = np.array([f in mid_forms for f in forms.tolist()], dtype=bool)
    lone_head = (ends_ - starts == 1) & head[starts] & ~mid_seen[idx.form[starts]]
    return starts[~lone_head].astype(np.int64), ends_[~lone_head].astype(np.int64)


def _ne_chunks(idx: TokenIndex) -> tuple[np.ndarray, np.ndarray]:
    import nltk

    missing = []
    for resource, package in _NLTK_PACKAGES.items():
        try:
            nltk.data.find(resource)
        except LookupError:
            missing.append(package)
    if missing:
        raise LookupError(
            "suggest_actors(method='nltk') needs NLTK data that is not installed: "
            f"{', '.join(missing)}. Install it with: python -m nltk.downloader "
            f"{' '.join(missing)} (or set NLTK_DATA to a folder that has it), or use "
            "method='capitals', which needs no data"
        )
    from nltk.chunk import ne_chunk_sents

    sents = []
    bounds = idx.sent_tok
    for s in range(len(bounds) - 1):
        a, b = int(bounds[s]), int(bounds[s + 1])
        if b > a:
            sents.append((a, [str(w) for w in idx.forms[idx.form[a:b]]]))
    tagged = nltk.pos_tag_sents([words for _, words in sents])
    firsts, ends = [], []
    for (offset, _), tree in zip(sents, ne_chunk_sents(tagged, binary=True), strict=True):
        pos = offset
        for node in tree:
            if isinstance(node, nltk.Tree):
                firsts.append(pos)
                pos += len(node.leaves())
                ends.append(pos)
            else:
                pos += 1
    return np.asarray(firsts, dtype=np.int64), np.asarray(ends, dtype=np.int64)


def _uncovered(
    firsts: np.ndarray, ends: np.ndarray, covered: np.ndarray, idx: TokenIndex
) -> tuple[np.ndarray, np.ndarray]:
    """Split candidate spans at tokens the lexicon covers; trim connectors."""
    out_f, out_e = [], []
    conn_form = np.array([f in _CONNECTORS for f in idx.forms], dtype=bool)
    for f, e in zip(firsts.tolist(), ends.tolist(), strict=True):
        if not covered[f:e].any():
            pieces = [(f, e)]
        else:
            pieces, start = [], None
            for t in range(f, e):
                if covered[t]:
                    if start is not None:
                        pieces.append((start, t))
                    start = None
                elif start is None:
                    start = t
            if start is not None:
                pieces.append((start, e))
        for a, b in pieces:
            while a < b and conn_form[idx.form[a]]:
                a += 1
            while b > a and conn_form[idx.form[b - 1]]:
                b -= 1
            if b > a:
                out_f.append(a)
                out_e.append(b)
    return np.asarray(out_f, dtype=np.int64), np.asarray(out_e, dtype=np.int64)


def _candidate_table(idx: TokenIndex, firsts: np.ndarray, ends: np.ndarray) -> pd.DataFrame:
    """Per name: ``count``, ``documents``, and its first occurrence (``example``,
    ``doc_id``, ``start``, ``end``, and ``_first``, its token)."""
    if len(firsts) == 0:
        return pd.DataFrame(
            {
                "name": str_array([]),
                "count": np.zeros(0, np.int64),
                "documents": np.zeros(0, np.int64),
                "example": str_array([]),
                "doc_id": idx.doc_categorical(np.zeros(0, np.int64)),
                "start": np.zeros(0, np.int32),
                "end": np.zeros(0, np.int32),
                "_first": np.zeros(0, np.int64),
            }
        )
    doc = idx.token_doc(firsts)
    start = idx.start[firsts]
    end = idx.end[ends - 1]
    texts = idx.texts
    names = [
        " ".join(texts[d][a:b].split())
        for d, a, b in zip(doc.tolist(), start.tolist(), end.tolist(), strict=True)
    ]
    table = pd.DataFrame({"name": names, "doc": doc, "first": firsts, "start": start, "end": end})
    table = table[table["name"].str.contains(r"[^\W\d_]", regex=True)]
    grouped = (
        table.groupby("name", sort=False)
        .agg(
            count=("doc", "size"),
            documents=("doc", "nunique"),
            first=("first", "min"),
        )
        .reset_index()
    )
    firsts_kept = grouped["first"].to_numpy()
    at = table.set_index("first").loc[firsts_kept]
    sent = idx.sent[firsts_kept]
    fdoc = at["doc"].to_numpy()
    example = [
        " ".join(texts[d][a:b].split())
        for d, a, b in zip(
            fdoc.tolist(),
            idx.sent_start[sent].tolist(),
            idx.sent_end[sent].tolist(),
            strict=True,
        )
    ]
    out = pd.DataFrame(
        {
            "name": str_array(grouped["name"].tolist()),
            "count": grouped["count"].to_numpy(np.int64),
            "documents": grouped["documents"].to_numpy(np.int64),
            "example": str_array(example),
            "doc_id": idx.doc_categorical(fdoc),
            "start": at["start"].to_numpy(np.int32),
            "end": at["end"].to_numpy(np.int32),
            "_first": firsts_kept,
        }
    )
    return out


def _finish_suggestions(table: pd.DataFrame, min_count: int) -> pd.DataFrame:
    """The table of :func:`suggest_actors` from the candidates of one corpus, or
    of every partition (``_part``) in order: counts and documents summed per
    name (a document is in one partition), the first occurrence the earliest,
    then ``min_count`` and the order (most frequent first)."""
    order = ["_part", "_first"] if "_part" in table.columns else ["_first"]
    table = table.sort_values(order, kind="stable")
    sums = table.groupby("name", sort=False, observed=True)[["count", "documents"]].sum()
    out = table.drop_duplicates("name").set_index("name")
    out[["count", "documents"]] = sums.loc[out.index].to_numpy(np.int64)
    out = out.reset_index()
    out = out[out["count"] >= min_count]
    out = out.assign(_rank=np.arange(len(out)))  # corpus order of the first occurrence
    out = out.sort_values(
        ["count", "documents", "_rank"], ascending=[False, False, True], kind="stable"
    )
    out["name"] = str_array(out["name"].tolist())
    out["example"] = str_array(out["example"].tolist())
    out["count"] = out["count"].astype(np.int64)
    out["documents"] = out["documents"].astype(np.int64)
    return out[SUGGEST_COLUMNS].reset_index(drop=True)

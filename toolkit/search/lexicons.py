"""Actor and frame lexicons: YAML dictionaries a researcher reads and edits.

One loader serves both kinds. An **actor lexicon** maps each canonical actor to
its ``type``, an optional ``code`` and ``parent`` (the actor it belongs to: a
spokesman to his movement, a ministry to its government) and its ``aliases``; a
**frame lexicon** maps each frame to its ``cues``. Aliases and cues are patterns
under the toolkit's one matching contract (:mod:`toolkit.search.patterns`): words, globs
(``withdraw*``) and phrases (``"pull* out"``), case-insensitive unless marked::

    name: my-actors
    description: What the lexicon is for and where its entries come from.
    actors:
      Taliban:
        type: group
        code: TAL
        aliases: [Taliban, Taleban, "Islamic Emirate"]
      Zabihullah Mujahid:
        type: person
        parent: Taliban
        aliases:
          - Zabihullah Mujahid
          - {pattern: Mujahid, case_sensitive: true}   # "mujahid" is also a noun
      United States:
        type: country
        aliases: ["United States", {pattern: US, case_sensitive: true}]

    # a frame lexicon has `frames:` instead of `actors:`
    frames:
      withdrawal:
        description: Leaving, told as a planned departure.
        cues: [withdraw*, "pull* out", pullout, departure]

An actor entry takes ``type`` (one of :data:`ACTOR_TYPES`) and ``aliases``, and
optionally ``code``, ``parent``, ``generic`` (true for role words such as
"insurgents" that do not name one actor) and ``description``. A frame entry takes
``cues`` and optionally ``description``. An alias or cue is a string or a mapping
``{pattern: ..., match: glob|regex|fixed, case_sensitive: true|false, exclude:
[...], near: [...]}``; ``exclude`` and ``near`` say what the words around a match
must not or must contain (:mod:`toolkit.search.exclusions`)::

    - pattern: advanc*
      exclude: ["in advance"]                  # not "in advance of"
    - pattern: reconciliation
      near: [talk*, negotiat*, peace, Taliban]   # only in such a sentence

Matching (:func:`match_lexicon`) finds every alias in the corpus and keeps each
stretch of text for one entry only: where matches overlap, the longest wins
("Afghan security forces" over "security forces"), then the earliest, then the
one listed first. A mention is counted once.

The packaged lexicons live in ``toolkit/resources/lexicons/``; list them with
:func:`list_lexicons`.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd
import yaml

from .._util.checks import MAX_WINDOW
from .._util.resources import resource
from .._util.tables import str_array
from .._util.yaml_nodes import NodeReader, parse_yaml
from ..corpus.corpus import Corpus
from ..corpus.index import TokenIndex, corpus_index
from .exclusions import RULE_COLUMNS, RULE_KINDS, SENTENCE, apply_rules, rule_labels
from .patterns import MATCH_MODES, Pattern, compile_pattern, find_all_spans, longest_matches

__all__ = [
    "ACTOR_TYPES",
    "DEFAULT_ACTORS",
    "DEFAULT_FRAMES",
    "HIT_COLUMNS",
    "Lexicon",
    "LexiconError",
    "exclusion_counts",
    "lexicon_hits",
    "list_lexicons",
    "load_lexicon",
    "match_lexicon",
]

LexiconKind = Literal["actors", "frames"]
ActorType = Literal["person", "group", "government", "military", "country", "organisation", "media"]
ACTOR_TYPES: tuple[str, ...] = get_args(ActorType)
DEFAULT_ACTORS = "afghanistan-2021-actors"
DEFAULT_FRAMES = "afghanistan-2021-frames"
# the columns every hit table starts with: where the hit is
HIT_COLUMNS = ["doc_id", "sent_id", "start", "end", "text"]

_LABEL = {"actors": "actor", "frames": "frame"}
_PATTERNS_KEY = {"actors": "aliases", "frames": "cues"}
_TOP_KEYS = ("name", "description", "actors", "frames")
_ENTRY_KEYS = {
    "actors": ("type", "aliases", "code", "parent", "generic", "description"),
    "frames": ("cues", "description"),
}
_PATTERN_KEYS = ("pattern", "match", "case_sensitive", *RULE_KINDS)
_RULE_KEYS = ("pattern", "match", "case_sensitive", "window")
_SUFFIXES = (".yaml", ".yml")


class LexiconError(ValueError):
    """A lexicon file that cannot be read or does not follow the schema.

    The message starts with the file and line (``lexicon.yaml, line 12: ...``).
    """


@dataclass(frozen=True, eq=False)
class Lexicon:
    """A validated actor or frame lexicon (build one with :func:`load_lexicon`).

    Attributes
    ----------
    name : str
        The lexicon's name (its ``name:`` field, else the file name).
    kind : {"actors", "frames"}
    entries : DataFrame
        One row per actor (``actor, type, code, parent, generic, description,
        line``) or frame (``frame, description, line``), in file order.
    patterns : DataFrame
        One row per alias or cue: ``actor`` or ``frame``, ``pattern``, ``match``,
        ``case_sensitive``, ``line`` (the line in the file, for tracing a match
        back to the entry that made it).
    source : str
        The file it was read from, or ``"<dict>"``.
    description : str
    rules : DataFrame
        One row per ``exclude`` or ``near`` rule of a pattern: ``pattern_no``
        (the row of ``patterns``), ``rule``, ``pattern``, ``match``,
        ``case_sensitive``, ``window`` (tokens; 0 overlapping the match, -1 the
        sentence) and ``line``.
    """

    name: str
    kind: LexiconKind
    entries: pd.DataFrame = field(repr=False)
    patterns: pd.DataFrame = field(repr=False)
    source: str = ""
    description: str = ""
    rules: pd.DataFrame = field(
        repr=False, default_factory=lambda: pd.DataFrame(columns=RULE_COLUMNS)
    )

    @property
    def label(self) -> str:
        """The column naming an entry: ``"actor"`` or ``"frame"``."""
        return _LABEL[self.kind]

    @property
    def names(self) -> list[str]:
        """Entry names in file order."""
        return self.entries[self.label].tolist()

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return (
            f"<Lexicon {self.name!r}: {len(self.entries):,} {self.kind}, "
            f"{len(self.patterns):,} patterns>"
        )

    @cached_property
    def compiled(self) -> list[Pattern]:
        """The patterns compiled under the matching contract, in table order."""
        return [
            compile_pattern(p, match=m, case_sensitive=bool(c))
            for p, m, c in zip(
                self.patterns["pattern"],
                self.patterns["match"],
                self.patterns["case_sensitive"],
                strict=True,
            )
        ]

    @cached_property
    def roots(self) -> dict[str, str]:
        """Each actor's top ancestor through ``parent`` links (itself when it has
        none); frames are their own roots."""
        if self.kind != "actors":
            return {n: n for n in self.names}
        parent = {
            a: p
            for a, p in zip(self.entries["actor"], self.entries["parent"], strict=True)
            if isinstance(p, str)
        }
        out = {}
        for name in self.names:
            node = name
            while isinstance(parent.get(node), str):
                node = parent[node]
            out[name] = node
        return out


# --------------------------------------------------------------------- loading


def list_lexicons() -> pd.DataFrame:
    """The lexicons packaged with the toolkit.

    Returns
    -------
    DataFrame
        ``name, kind, entries, patterns, description``, one row per lexicon.

    Examples
    --------
    >>> from toolkit.search.lexicons import list_lexicons
    >>> "afghanistan-2021-actors" in list_lexicons()["name"].tolist()
    True
    """
    rows = []
    for name in _packaged_names():
        lex = load_lexicon(name)
        rows.append(
            {
                "name": name,
                "kind": lex.kind,
                "entries": len(lex.entries),
                "patterns": len(lex.patterns),
                "description": lex.description.split("\n")[0],
            }
        )
    return pd.DataFrame(rows, columns=["name", "kind", "entries", "patterns", "description"])


def load_lexicon(
    name_or_path: str | Path | Mapping[str, Any] | Lexicon,
    *,
    kind: LexiconKind | None = None,
) -> Lexicon:
    """Load and validate an actor or frame lexicon.

    Parameters
    ----------
    name_or_path : str, path, dict or Lexicon
        The name of a packaged lexicon (see :func:`list_lexicons`), the path of a
        YAML file, a dict with the same structure, or a :class:`Lexicon` (returned
        as it is).
    kind : {"actors", "frames"}, optional
        Require this kind of lexicon (analysis functions pass it, so an actor
        lexicon given where frames are expected is reported clearly).

    Returns
    -------
    Lexicon

    Raises
    ------
    LookupError
        For an unknown lexicon name; the message lists the packaged ones.
    FileNotFoundError
        For a path (anything ending in ``.yaml``/``.yml`` or containing a path
        separator) that does not exist.
    LexiconError
        (a ``ValueError``) for invalid YAML or an entry that breaks the schema; the
        message names the file and line.

    Examples
    --------
    >>> import toolkit
    >>> lex = toolkit.load_lexicon("afghanistan-2021-actors")
    >>> lex.kind, "Taliban" in lex.names
    ('actors', True)
    >>> toolkit.load_lexicon({"frames": {"exit": {"cues": ["withdraw*"]}}}).names
    ['exit']
    """
    if isinstance(name_or_path, Lexicon):
        lex = name_or_path
    elif isinstance(name_or_path, Mapping):
        lex = _from_mapping(name_or_path)
    elif isinstance(name_or_path, str | Path):
        lex = _from_file(_resolve(name_or_path))
    else:
        raise TypeError(
            "a lexicon is the name of a packaged lexicon, the path of a YAML file, a dict "
            f"or a Lexicon, not {type(name_or_path).__name__}"
        )
    if kind is not None and lex.kind != kind:
        default = DEFAULT_ACTORS if kind == "actors" else DEFAULT_FRAMES
        raise ValueError(
            f"the lexicon {lex.name!r} is a{'n' if lex.kind == 'actors' else ''} "
            f"{lex.kind[:-1]} lexicon; this needs a{'n' if kind == 'actors' else ''} "
            f"{kind[:-1]} lexicon (e.g. {default!r})"
        )
    return lex


def _packaged_dir():
    return resource("lexicons")


def _packaged_names() -> list[str]:
    return sorted(
        p.name.rsplit(".", 1)[0] for p in _packaged_dir().iterdir() if p.name.endswith(_SUFFIXES)
    )


def _resolve(name_or_path: str | Path) -> Path:
    text = str(name_or_path)
    path = Path(text).expanduser()
    if path.is_file():
        return path
    looks_like_path = (
        isinstance(name_or_path, Path)
        or text.lower().endswith(_SUFFIXES)
        or "/" in text
        or "\\" in text
    )
    if not looks_like_path:
        for suffix in _SUFFIXES:
            candidate = _packaged_dir().joinpath(text + suffix)
            if candidate.is_file():
                return Path(str(candidate))
        names = _packaged_names()
        close = difflib.get_close_matches(text, names, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise LookupError(
            f"no lexicon named {text!r}.{hint} Packaged lexicons: {', '.join(names)}; "
            "or give the path of a .yaml file"
        )
    if path.is_dir():
        raise FileNotFoundError(f"'{text}' is a folder; give the path of a .yaml lexicon file")
    raise FileNotFoundError(f"No such lexicon file: '{text}'")


def _from_file(path: Path) -> Lexicon:
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{where}: the file is not UTF-8 text ({exc.reason})") from exc
    node = parse_yaml(text, where, LexiconError)
    if node is None:
        raise LexiconError(f"{where}: the file is empty; a lexicon needs 'actors:' or 'frames:'")
    return _Builder(where, path.stem, str(path)).build(node)


def _from_mapping(data: Mapping[str, Any]) -> Lexicon:
    # a dict goes through the same validation as a file, by way of YAML nodes
    node = yaml.SafeDumper(None, sort_keys=False).represent_data(_plain(data))
    return _Builder("the lexicon dict", "lexicon", "<dict>", lines=False).build(node)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


class _Builder(NodeReader):
    """Walks the YAML node tree so every error can name its line."""

    def __init__(self, where: str, default_name: str, source: str, *, lines: bool = True):
        super().__init__(where, lines=lines, error=LexiconError)
        self.default_name = default_name
        self.source = source

    # -- the schema
    def build(self, root: yaml.Node) -> Lexicon:
        top = self.mapping(root, "the lexicon")
        keys = {k: (kn, v) for k, kn, v in top}
        for k, kn, _ in top:
            if k not in _TOP_KEYS:
                raise self.unknown(kn, k, _TOP_KEYS, "the lexicon")
        kinds = [k for k in ("actors", "frames") if k in keys]
        if len(kinds) != 1:
            raise self.fail(
                root,
                "a lexicon has exactly one of 'actors:' (actor -> type and aliases) or "
                "'frames:' (frame -> cues)" + (", not both" if len(kinds) == 2 else ""),
            )
        kind: LexiconKind = kinds[0]  # type: ignore[assignment]
        name = self.default_name
        if "name" in keys:
            name = self.text(keys["name"][1], "the lexicon's name") or name
        description = ""
        if "description" in keys:
            description = self.text(keys["description"][1], "description", allow_null=True) or ""
        entries_node = keys[kind][1]
        items = self.mapping(entries_node, f"'{kind}'")
        if not items:
            raise self.fail(entries_node, f"'{kind}' has no entries")
        label = _LABEL[kind]
        entry_rows, pattern_rows, pattern_nodes, parent_nodes, rule_rows = [], [], [], {}, []
        for entry, key_node, body in items:
            row, patterns, parent_node = self.entry(kind, entry, key_node, body)
            entry_rows.append(row)
            if parent_node is not None:
                parent_nodes[entry] = parent_node
            for p, node in patterns:
                rule_rows += [{"pattern_no": len(pattern_rows), **r} for r in p.pop("rules")]
                pattern_rows.append({label: entry, **p})
                pattern_nodes.append(node)
        if kind == "actors":
            self.check_parents({r["actor"]: r["parent"] for r in entry_rows}, parent_nodes)
        entries = pd.DataFrame(entry_rows)
        patterns = pd.DataFrame(
            pattern_rows, columns=[label, "pattern", "match", "case_sensitive", "line"]
        )
        self.check_duplicates(patterns, pattern_nodes, label)
        for c in ("line",):
            entries[c] = entries[c].astype(np.int32)
            patterns[c] = patterns[c].astype(np.int32)
        patterns["case_sensitive"] = patterns["case_sensitive"].astype(bool)
        rules = pd.DataFrame(rule_rows, columns=RULE_COLUMNS).astype(
            {"pattern_no": np.int64, "case_sensitive": bool, "window": np.int64, "line": np.int32}
        )
        return Lexicon(name, kind, entries, patterns, self.source, description.strip(), rules)

    def entry(self, kind: str, entry: str, key_node: yaml.Node, body: yaml.Node):
        label = _LABEL[kind]
        what = f"{label} {entry!r}"
        fields = {k: (kn, v) for k, kn, v in self.mapping(body, what)}
        for k, (kn, _) in fields.items():
            if k not in _ENTRY_KEYS[kind]:
                raise self.unknown(kn, k, _ENTRY_KEYS[kind], what)
        pkey = _PATTERNS_KEY[kind]
        if pkey not in fields:
            raise self.fail(key_node, f"{what} has no '{pkey}:' (a list of patterns)")
        row: dict[str, Any] = {label: entry}
        parent_node = None
        if kind == "actors":
            if "type" not in fields:
                raise self.fail(
                    key_node, f"{what} has no 'type:' (one of {', '.join(ACTOR_TYPES)})"
                )
            tnode = fields["type"][1]
            atype = self.text(tnode, f"the type of {what}")
            if atype not in ACTOR_TYPES:
                close = difflib.get_close_matches(str(atype), ACTOR_TYPES, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise self.fail(
                    tnode,
                    f"{what}: type {atype!r} is not one of {', '.join(ACTOR_TYPES)}{hint}",
                )
            row["type"] = atype
            row["code"] = (
                self.text(fields["code"][1], f"the code of {what}", allow_null=True)
                if "code" in fields
                else None
            )
            row["parent"] = None
            if "parent" in fields:
                parent_node = fields["parent"][1]
                row["parent"] = self.text(parent_node, f"the parent of {what}", allow_null=True)
            row["generic"] = (
                self.flag(fields["generic"][1], f"'generic' of {what}")
                if "generic" in fields
                else False
            )
        row["description"] = (
            (self.text(fields["description"][1], "description", allow_null=True) or "").strip()
            if "description" in fields
            else ""
        )
        row["line"] = self.line(key_node)
        plist = fields[pkey][1]
        if isinstance(plist, yaml.ScalarNode):
            items = [plist]
        elif isinstance(plist, yaml.SequenceNode):
            items = plist.value
        else:
            raise self.fail(plist, f"the {pkey} of {what} must be a list of patterns")
        if not items:
            raise self.fail(plist, f"{what} has an empty list of {pkey}")
        patterns = [(self.pattern(item, what), item) for item in items]
        return row, patterns, parent_node

    def pattern(self, node: yaml.Node, what: str) -> dict[str, Any]:
        match, case, rules = "glob", False, []
        if isinstance(node, yaml.MappingNode):
            fields = {k: (kn, v) for k, kn, v in self.mapping(node, f"a pattern of {what}")}
            for k, (kn, _) in fields.items():
                if k not in _PATTERN_KEYS:
                    raise self.unknown(kn, k, _PATTERN_KEYS, f"a pattern of {what}")
            if "pattern" not in fields:
                raise self.fail(node, f"a pattern of {what} is a mapping without 'pattern:'")
            source = self.text(fields["pattern"][1], f"a pattern of {what}")
            if "match" in fields:
                mnode = fields["match"][1]
                match = self.text(mnode, "match")
                if match not in MATCH_MODES:
                    raise self.fail(
                        mnode, f"match {match!r} is not one of {', '.join(MATCH_MODES)}"
                    )
            if "case_sensitive" in fields:
                case = self.flag(fields["case_sensitive"][1], "case_sensitive")
            for kind in RULE_KINDS:
                if kind in fields:
                    rules += self.rules(fields[kind][1], kind, f"{kind!r} of {source!r} ({what})")
        else:
            source = self.text(node, f"a pattern of {what}")
        try:
            compile_pattern(str(source), match=match, case_sensitive=case)  # type: ignore[arg-type]
        except (ValueError, TypeError) as exc:
            raise self.fail(node, f"{what}: {exc}") from exc
        return {
            "pattern": str(source),
            "match": match,
            "case_sensitive": case,
            "line": self.line(node),
            "rules": rules,
        }

    def rules(self, node: yaml.Node, kind: str, what: str) -> list[dict[str, Any]]:
        """The ``exclude`` or ``near`` rules of a pattern: a list of patterns or
        ``{pattern, match, case_sensitive, window}`` mappings."""
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        if not items:
            raise self.fail(node, f"{what} is an empty list")
        out = []
        for item in items:
            rule: dict[str, Any] = {"rule": kind, "match": "glob", "case_sensitive": False}
            rule["window"] = 0 if kind == "exclude" else SENTENCE
            if isinstance(item, yaml.MappingNode):
                fields = {k: v for k, _, v in self.mapping(item, f"a rule of {what}")}
                for k, kn, _ in self.mapping(item, f"a rule of {what}"):
                    if k not in _RULE_KEYS:
                        raise self.unknown(kn, k, _RULE_KEYS, f"a rule of {what}")
                if "pattern" not in fields:
                    raise self.fail(item, f"a rule of {what} is a mapping without 'pattern:'")
                rule["pattern"] = self.text(fields["pattern"], f"a rule of {what}")
                if "match" in fields:
                    rule["match"] = self.text(fields["match"], "match")
                if "case_sensitive" in fields:
                    rule["case_sensitive"] = self.flag(fields["case_sensitive"], "case_sensitive")
                if "window" in fields:
                    rule["window"] = self.window(fields["window"], what)
            else:
                rule["pattern"] = self.text(item, f"a rule of {what}")
            try:
                compile_pattern(
                    str(rule["pattern"]), match=rule["match"], case_sensitive=rule["case_sensitive"]
                )
            except (ValueError, TypeError) as exc:
                raise self.fail(item, f"{what}: {exc}") from exc
            out.append({**rule, "pattern": str(rule["pattern"]), "line": self.line(item)})
        return out

    def window(self, node: yaml.Node, what: str) -> int:
        value = self.text(node, f"the window of a rule of {what}")
        if value == "sentence":
            return SENTENCE
        if not (value or "").isdigit() or int(str(value)) > MAX_WINDOW:
            raise self.fail(
                node,
                f"the window of a rule of {what} is {value!r}; give a number of tokens "
                f"from 0 (overlapping the match) to {MAX_WINDOW:,}, or 'sentence'",
            )
        return int(str(value))

    def check_parents(
        self, parent: dict[str, str | None], parent_nodes: dict[str, yaml.Node]
    ) -> None:
        names = set(parent)
        for actor, p in parent.items():
            if p is None:
                continue
            if p not in names:
                close = difflib.get_close_matches(p, sorted(names), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise self.fail(
                    parent_nodes.get(actor),
                    f"the parent of actor {actor!r} is {p!r}, which is not an actor of this "
                    f"lexicon{hint}",
                )
            seen = [actor]
            node = p
            while node is not None:
                if node in seen:
                    chain = " -> ".join([*seen, node])
                    raise self.fail(parent_nodes.get(actor), f"parent links form a loop: {chain}")
                seen.append(node)
                node = parent.get(node)

    def check_duplicates(self, patterns: pd.DataFrame, nodes: list[yaml.Node], label: str) -> None:
        key = (
            patterns["pattern"].map(lambda p: " ".join(str(p).split()))
            + "\x00"
            + patterns["match"]
            + "\x00"
            + patterns["case_sensitive"].astype(str)
        )
        lowered = key.where(patterns["case_sensitive"].astype(bool), key.str.lower())
        first: dict[str, int] = {}
        for i, k in enumerate(lowered):
            if k in first:
                j = first[k]
                a, b = patterns[label].iat[j], patterns[label].iat[i]
                where = f" (line {patterns['line'].iat[j]})" if self.lines else ""
                same = "twice" if a == b else f"for both {a!r}{where} and {b!r}"
                raise self.fail(
                    nodes[i],
                    f"the pattern {patterns['pattern'].iat[i]!r} is listed {same}; a stretch "
                    "of text can belong to one entry only",
                )
            first[k] = i


# -------------------------------------------------------------------- matching


def match_lexicon(corpus: Any, lexicon: Lexicon, *, excluded: bool = False) -> pd.DataFrame:
    """Where the lexicon's patterns match, one row per kept match.

    Every alias (or cue) is searched with :func:`toolkit.search.patterns.find_spans`;
    matches that a pattern's ``exclude`` or ``near`` rules rule out are dropped
    (:mod:`toolkit.search.exclusions`). Overlapping matches are resolved so that
    each token belongs to at most one match: the longest match wins, then the
    earliest, then the pattern listed first in the lexicon. For actors, an
    abbreviation in brackets right after a mention of the same actor ("National
    Directorate of Security (NDS)") is part of that one mention.

    Parameters
    ----------
    corpus : Corpus or anything :func:`toolkit.as_corpus` accepts
    lexicon : Lexicon
    excluded : bool
        Return instead the matches that the rules removed and that would
        otherwise have counted, with ``rule_no`` (the row of ``lexicon.rules``
        that removed each).

    Returns
    -------
    DataFrame
        ``first, end`` (global token positions; the match covers ``first .. end-1``)
        and ``pattern_no`` (the row of ``lexicon.patterns`` that matched), sorted by
        position. ``.attrs["excluded"]`` counts the matches each rule removed (see
        :func:`exclusion_counts`).

    Examples
    --------
    >>> import toolkit
    >>> from toolkit.search.lexicons import match_lexicon
    >>> lex = toolkit.load_lexicon(
    ...     {"actors": {"a": {"type": "group", "aliases": ["security forces"]},
    ...                 "b": {"type": "military", "aliases": ["Afghan security forces"]}}})
    >>> m = match_lexicon("Afghan security forces and security forces.", lex)
    >>> m[["first", "end"]].values.tolist(), lex.patterns.actor[m.pattern_no].tolist()
    ([[0, 3], [4, 6]], ['b', 'a'])
    """
    idx = corpus_index(corpus)
    first, end, no = find_all_spans(idx, lexicon.compiled)
    ruled = apply_rules(idx, lexicon.rules, first, end, no)
    removed = np.zeros(0, dtype=np.int64)
    if not ruled.keep.all():  # the removed matches that would have counted
        base = longest_matches(first, end, no)
        removed = np.sort(base[~ruled.keep[base]])
    tally = exclusion_counts(lexicon, ruled.rule_no[removed])
    if excluded:
        removed = removed[np.argsort(first[removed], kind="stable")]
        out = pd.DataFrame(
            {
                "first": first[removed],
                "end": end[removed],
                "pattern_no": no[removed],
                "rule_no": ruled.rule_no[removed],
            }
        )
        out.attrs["excluded"] = tally
        return out
    first, end, no = first[ruled.keep], end[ruled.keep], no[ruled.keep]
    keep = longest_matches(first, end, no)
    first, end, no = first[keep], end[keep], no[keep]
    order = np.argsort(first, kind="stable")
    first, end, no = first[order], end[order], no[order]
    if lexicon.kind == "actors" and len(first) > 1:
        entry_codes = pd.factorize(lexicon.patterns[lexicon.label])[0]
        first, end, no = _merge_bracketed(idx, first, end, no, entry_codes)
    out = pd.DataFrame({"first": first, "end": end, "pattern_no": no})
    out.attrs["excluded"] = tally
    return out


def exclusion_counts(lexicon: Lexicon, rule_no: np.ndarray) -> list[dict[str, Any]]:
    """How many matches each rule removed, one record per ``exclude`` rule and
    one for the ``near`` rules of a pattern (0 for rules that removed nothing):
    the entry, the ``pattern`` the rule belongs to, the ``rule`` in words and
    ``removed``."""
    rules = lexicon.rules
    if rules.empty:
        return []
    counts = np.bincount(rule_no[rule_no >= 0], minlength=len(rules))
    labels = rule_labels(rules)
    pats = lexicon.patterns
    # the near rules of a pattern count together, on the first of them
    shown = ~rules.duplicated(["pattern_no", "rule"]) | (rules["rule"] == "exclude")
    out = []
    for i, r in enumerate(rules.itertuples(index=False)):
        if not shown.iat[i]:
            continue
        out.append(
            {
                lexicon.label: str(pats[lexicon.label].iat[int(r.pattern_no)]),
                "pattern": str(pats["pattern"].iat[int(r.pattern_no)]),
                "rule": labels[i],
                "removed": int(counts[i]),
            }
        )
    return out


def _merge_bracketed(
    idx: TokenIndex, first: np.ndarray, end: np.ndarray, no: np.ndarray, entry: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Join "Name (ABBR)" into one mention when both name the same actor."""
    open_id = idx.lower_lookup.get("(")
    close_id = idx.lower_lookup.get(")")
    if open_id is None or close_id is None:
        return first, end, no
    n_tok = idx.n_tokens
    nxt_first = first[1:]
    nxt_end = end[1:]
    same = entry[no[:-1]] == entry[no[1:]]
    gap = nxt_first == end[:-1] + 1
    ok = same & gap & (nxt_end < n_tok)
    cand = np.flatnonzero(ok)
    if len(cand) == 0:
        return first, end, no
    opens = idx.lower(end[cand]) == open_id
    closes = idx.lower(np.minimum(nxt_end[cand], n_tok - 1)) == close_id
    same_doc = idx.token_doc(first[cand]) == idx.token_doc(nxt_end[cand])
    cand = cand[opens & closes & same_doc]
    if len(cand) == 0:
        return first, end, no
    # never chain: a mention absorbed by its predecessor does not absorb the next
    cand = cand[~np.isin(cand, cand + 1)]
    end = end.copy()
    end[cand] = end[cand + 1] + 1  # through the closing bracket
    drop = np.zeros(len(first), dtype=bool)
    drop[cand + 1] = True
    return first[~drop], end[~drop], no[~drop]


def lexicon_hits(corpus: Corpus, lexicon: Lexicon, *, excluded: bool = False) -> pd.DataFrame:
    """The kept matches of a lexicon as a table: ``doc_id, sent_id, start, end,
    text``, the entry (``actor`` or ``frame``), ``pattern`` and ``pattern_no``.

    With ``excluded=True``, the matches its rules removed instead, with
    ``excluded_by`` (the rule in words). ``.attrs["excluded"]`` counts the
    matches each rule removed."""
    idx = corpus_index(corpus)
    m = match_lexicon(corpus, lexicon, excluded=excluded)
    first = m["first"].to_numpy()
    end = m["end"].to_numpy()
    no = m["pattern_no"].to_numpy()
    doc = idx.token_doc(first)
    start_c = idx.start[first]
    end_c = idx.end[end - 1] if len(end) else idx.end[:0]
    texts = idx.texts
    text = [
        texts[d][a:b]
        for d, a, b in zip(doc.tolist(), start_c.tolist(), end_c.tolist(), strict=True)
    ]
    pats = lexicon.patterns
    label = lexicon.label
    names = pd.Categorical(
        pats[label].to_numpy()[no], categories=list(dict.fromkeys(lexicon.names))
    )
    out = pd.DataFrame(
        {
            "doc_id": idx.doc_categorical(doc),
            "sent_id": (idx.sent[first] - idx.doc_sent[doc]).astype(np.int32),
            "start": start_c.astype(np.int32),
            "end": end_c.astype(np.int32),
            "text": str_array(text),
            label: names,
            "pattern": str_array(pats["pattern"].to_numpy()[no].tolist()),
            "pattern_no": no.astype(np.int32),
        }
    )
    if excluded:
        labels = rule_labels(lexicon.rules)
        out["excluded_by"] = str_array([labels[r] for r in m["rule_no"].tolist()])
    out.attrs["excluded"] = m.attrs["excluded"]
    return out

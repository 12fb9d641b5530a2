"""Lexicons: tidy term tables with a card, and fast multi-word matching.

A lexicon is a table with the columns ``term, category, polarity, weight, match, note``
plus a *card*: its name, version, licence, sources and the definition of each category.
Packaged lexicons live in ``framing/lexicons/<name>.csv`` beside ``<name>.yaml`` (the card).

Matching is one pass over the tokens through a trie of term words, so its cost grows
with the length of the text, not with the size of the lexicon. A term's words match
their inflected forms ("insinuate" matches "insinuated" and "insinuates") unless the
entry's ``match`` says ``exact`` (lower-case form only) or ``case`` (case-sensitive).
A trailing ``*`` makes a word a prefix ("anti-*" matches "anti-Russian").
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from framing.text import Token, tokenize, word_key

__all__ = [
    "COLUMNS",
    "MATCH_MODES",
    "Lexicon",
    "LexiconError",
    "Match",
    "TermTrie",
    "fingerprint",
]

COLUMNS = ("term", "category", "polarity", "weight", "match", "note")
MATCH_MODES = ("inflect", "exact", "case")
_DEFAULTS = {"polarity": 0, "weight": 1.0, "match": "inflect", "note": ""}


class LexiconError(ValueError):
    """A lexicon file or mapping that cannot be used; the message names where and why."""


class Match(NamedTuple):
    """A lexicon entry found at tokens ``[first, last]`` (inclusive) of a token list."""

    first: int
    last: int
    entry: int


@dataclass(frozen=True, eq=False)
class Lexicon:
    """A tidy table of terms with its card.

    Build one with :meth:`load` (packaged), :meth:`from_csv`, :meth:`from_yaml` or
    :meth:`from_dict`; combine several with :meth:`merge` (or ``+``).

    Parameters
    ----------
    table : pandas.DataFrame
        One row per term with the columns ``term, category, polarity, weight, match, note``.
    card : Mapping
        ``name``, ``version``, ``licence``, ``sources`` and ``categories``
        (category -> definition, or -> mapping with a ``definition`` key).
    """

    table: pd.DataFrame
    card: Mapping[str, Any] = field(default_factory=dict)

    # -- constructors -----------------------------------------------------------------

    @classmethod
    def load(cls, name: str = "loaded") -> Lexicon:
        """Load a lexicon packaged with framing, e.g. ``Lexicon.load("loaded")``."""
        return _load_packaged(name)

    @classmethod
    def from_csv(cls, path: str | Path, *, card: Mapping[str, Any] | None = None) -> Lexicon:
        """Read a lexicon table from CSV; its card from ``card`` or a ``.yaml`` beside the file."""
        path = Path(path)
        text = read_text(path)
        if card is None:
            card_path = path.with_suffix(".yaml")
            card = parse_yaml(card_path, read_text(card_path)) if card_path.exists() else {}
        card = {"name": path.stem, **card}
        rows = read_csv_rows(path, text)
        return cls(_validated_table(rows, str(path), card), card)

    @classmethod
    def from_yaml(cls, path: str | Path) -> Lexicon:
        """Read a lexicon from YAML: card keys plus ``terms``.

        ``terms`` is either a mapping ``{category: [term, ...]}`` or a list of mappings
        with the table's columns.
        """
        path = Path(path)
        document = parse_yaml(path, read_text(path))
        if not isinstance(document, Mapping) or "terms" not in document:
            raise LexiconError(f"{path}: a YAML lexicon needs a top-level 'terms' key.")
        card = {"name": path.stem, **{k: v for k, v in document.items() if k != "terms"}}
        rows = list(_rows_from_terms(document["terms"], str(path)))
        return cls(_validated_table(rows, str(path), card), card)

    @classmethod
    def from_dict(
        cls,
        terms: Mapping[str, Iterable[str]] | Iterable[Mapping[str, Any]],
        *,
        name: str = "custom",
        **card: Any,
    ) -> Lexicon:
        """Build a lexicon from ``{category: [term, ...]}`` or a list of row mappings.

        Examples
        --------
        >>> lex = Lexicon.from_dict({"euphemism": ["collateral damage", "special operation"]})
        """
        card = {"name": name, **card}
        rows = list(_rows_from_terms(terms, f"lexicon {name!r}"))
        return cls(_validated_table(rows, f"lexicon {name!r}", card), card)

    # -- description -------------------------------------------------------------------

    @property
    def name(self) -> str:
        return str(self.card.get("name", "custom"))

    @property
    def version(self) -> str:
        return str(self.card.get("version", "unversioned"))

    @property
    def categories(self) -> dict[str, str]:
        """Category -> definition, in the card's order, then any others in table order."""
        defined = {c: _definition(d) for c, d in (self.card.get("categories") or {}).items()}
        for category in self.table["category"].unique():
            defined.setdefault(category, "")
        return defined

    @cached_property
    def sha256(self) -> str:
        """A fingerprint of the table and card: equal hashes mean identical lexicons."""
        return fingerprint(self.table, self.card)

    def describe(self) -> dict[str, str]:
        """Name, version and hash, as recorded in analysis metadata."""
        return {"name": self.name, "version": self.version, "sha256": self.sha256}

    def __len__(self) -> int:
        return len(self.table)

    def __repr__(self) -> str:
        return (
            f"<Lexicon {self.name} {self.version}: {len(self)} terms, "
            f"{len(self.categories)} categories>"
        )

    # -- combination -------------------------------------------------------------------

    def merge(self, *others: Lexicon) -> Lexicon:
        """Combine lexicons; a term defined again in a later one replaces the earlier entry."""
        lexicons = (self, *others)
        table = pd.concat([lex.table for lex in lexicons], ignore_index=True)
        table = table.drop_duplicates("term", keep="last").reset_index(drop=True)
        categories: dict[str, Any] = {}
        for lex in lexicons:
            categories.update(lex.card.get("categories") or {})
        card = {
            "name": "+".join(lex.name for lex in lexicons),
            "version": "+".join(lex.version for lex in lexicons),
            "licence": "; ".join(str(lex.card.get("licence", "unstated")) for lex in lexicons),
            "categories": categories,
            "parts": [lex.describe() for lex in lexicons],
        }
        return Lexicon(table, card)

    __add__ = merge

    # -- matching ----------------------------------------------------------------------

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        """Leftmost-longest, non-overlapping matches of the lexicon's terms in ``tokens``.

        A match never crosses a sentence boundary.
        """
        return self._trie.find(tokens)

    @cached_property
    def entries(self) -> list[dict[str, Any]]:
        """The table's rows as dicts, for fast access by position during matching."""
        return self.table.to_dict("records")

    @cached_property
    def _trie(self) -> TermTrie:
        return TermTrie(self.table)


def fingerprint(table: pd.DataFrame, card: Mapping[str, Any]) -> str:
    """SHA-256 of a table and its card, as recorded in analysis metadata."""
    payload = table.to_csv(index=False, lineterminator="\n") + json.dumps(
        card, sort_keys=True, default=str
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# -- the matcher ----------------------------------------------------------------------------


class _Node:
    __slots__ = ("children", "entries", "prefixes")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.prefixes: dict[str, _Node] = {}
        self.entries: list[int] = []


_MAX_REMEMBERED_STARTS = 1 << 17


class TermTrie:
    """Term words as a trie; text tokens walk it with their inflection candidates.

    Built from a table with the columns ``term`` and ``match``; :meth:`find` returns
    :class:`Match` rows whose ``entry`` is the table's row position.
    """

    def __init__(self, table: pd.DataFrame) -> None:
        self.root = _Node()
        self.words: list[tuple[list[str], str]] = []  # per entry: its words, its match mode
        for index, (term, mode) in enumerate(zip(table["term"], table["match"], strict=True)):
            words, prefix = _term_words(term)
            node = self.root
            for word in words:
                node = node.children.setdefault(word_key(word), _Node())
            if prefix:
                node = node.prefixes.setdefault(word_key(prefix), _Node())
            node.entries.append(index)
            self.words.append((words + ([prefix] if prefix else []), mode))
        self.prefix_lengths = sorted(_prefix_lengths(self.root))
        # Where each word leads from the root: most words lead nowhere, and words recur.
        self._starts: dict[str, list[_Node]] = {}

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        matches: list[Match] = []
        keys = [token.key for token in tokens]
        sentences = [token.sentence_id for token in tokens]
        n = len(tokens)
        i = 0
        while i < n:
            states = self._start(keys[i])
            best: Match | None = None
            j = i
            while states:
                for state in states:
                    for entry in state.entries:
                        if (best is None or j > best.last) and self._accepts(entry, tokens, i, j):
                            best = Match(i, j, entry)
                j += 1
                if j == n or sentences[j] != sentences[i]:
                    break
                states = self._step(states, keys[j])
            if best is None:
                i += 1
            else:
                matches.append(best)
                i = best.last + 1
        return matches

    def _start(self, key: str) -> list[_Node]:
        states = self._starts.get(key)
        if states is None:
            if len(self._starts) >= _MAX_REMEMBERED_STARTS:
                self._starts.clear()
            states = self._starts[key] = self._step([self.root], key)
        return states

    def _step(self, states: list[_Node], key: str) -> list[_Node]:
        following = []
        candidates = inflection_candidates(key)
        for state in states:
            for candidate in candidates:
                child = state.children.get(candidate)
                if child is not None and child not in following:
                    following.append(child)
            if state.prefixes:
                for length in self.prefix_lengths:
                    if length > len(key):
                        break
                    child = state.prefixes.get(key[:length])
                    if child is not None and child not in following:
                        following.append(child)
        return following

    def _accepts(self, entry: int, tokens: Sequence[Token], first: int, last: int) -> bool:
        words, mode = self.words[entry]
        if mode == "inflect":
            return True
        span = tokens[first : last + 1]
        if mode == "exact":
            return all(
                t.key == word_key(w) or w.endswith("*") for t, w in zip(span, words, strict=True)
            )
        return all(t.text == w for t, w in zip(span, words, strict=True))


def _prefix_lengths(node: _Node) -> set[int]:
    lengths = {len(p) for p in node.prefixes}
    for child in [*node.children.values(), *node.prefixes.values()]:
        lengths |= _prefix_lengths(child)
    return lengths


def _term_words(term: str) -> tuple[list[str], str | None]:
    """A term's words, tokenised like the text, and its trailing wildcard prefix if any."""
    if term.endswith("*"):
        head, _, last = term[:-1].rpartition(" ")
        return [t.text for t in tokenize(head)], last
    return [t.text for t in tokenize(term)], None


@lru_cache(maxsize=262_144)
@lru_cache(maxsize=1 << 16)  # the same words recur in every text
def inflection_candidates(key: str) -> tuple[str, ...]:
    """The forms a lower-cased word may be an inflection of, the word itself first.

    Only inflectional endings are undone (-s, -es, -ies, -ed, -ied, -ing, -er, -est, a
    doubled final consonant, a dropped final e), never derivational ones, so that
    "weaponized" does not become "weapon".
    """
    candidates = [key]
    n = len(key)
    if n > 3 and key.endswith("s") and not key.endswith("ss"):
        candidates.append(key[:-1])
        if key.endswith("ies") and n > 4:
            candidates.append(key[:-3] + "y")
        elif key.endswith("es"):
            candidates.append(key[:-2])
    for suffix in ("ed", "ing", "er", "est"):
        if key.endswith(suffix) and n - len(suffix) >= 3:
            stem = key[: -len(suffix)]
            if stem.endswith("i"):
                candidates.append(stem[:-1] + "y")
            candidates += [stem, stem + "e"]
            if stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                candidates.append(stem[:-1])
    return tuple(dict.fromkeys(candidates))


# -- reading and validation --------------------------------------------------------------


def read_text(path: Path, what: str = "lexicon", error: type[Exception] = LexiconError) -> str:
    """A UTF-8 file's text; a missing or undecodable file raises ``error`` naming ``what``.

    Shared with the gazetteer reader, which passes its own noun and error class.
    """
    if not path.exists():
        raise error(f"{what.capitalize()} file {path} was not found; check the path.")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as problem:
        raise error(
            f"{path} is not UTF-8 text (byte {problem.start}); save the {what} as UTF-8."
        ) from None


def parse_yaml(path: Path, text: str, error: type[Exception] = LexiconError) -> Any:
    """The YAML document in ``text`` (read from ``path``); malformed YAML raises ``error``."""
    import yaml

    try:
        return yaml.safe_load(text) or {}
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        reason = getattr(problem, "problem", None) or "malformed YAML"
        raise error(f"{path}{where}: {reason}; fix the YAML syntax there.") from None


def read_csv_rows(
    path: Path,
    text: str,
    required: tuple[str, str] = ("term", "category"),
    *,
    allowed: Sequence[str] | None = None,
    items: str = "terms",
    error: type[Exception] = LexiconError,
) -> list[tuple[int, dict[str, Any]]]:
    """``(line number, row)`` of each CSV row, after checking the header.

    The header needs both ``required`` columns and, when ``allowed`` is given, nothing
    else; ``items`` names what a row holds in the hint for a row with too many fields.
    """
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in required if c not in header]
    if missing:
        raise error(
            f"{path}, line 1: the header needs the columns {' and '.join(required)} "
            f"(found: {', '.join(header) or 'nothing'}); add the missing column names."
        )
    unknown = [c for c in header if c not in allowed] if allowed is not None else []
    if unknown:
        raise error(
            f"{path}, line 1: unknown column(s) {', '.join(unknown)}; "
            f"use {', '.join(allowed or ())}."
        )
    reader.fieldnames = header
    rows = []
    for row in reader:
        if None in row:
            raise error(
                f"{path}, line {reader.line_num}: more fields than the header has; "
                f"quote {items} that contain commas."
            )
        rows.append((reader.line_num, row))
    return rows


def _rows_from_terms(terms: Any, where: str) -> Iterable[tuple[int, dict[str, Any]]]:
    if isinstance(terms, Mapping):
        number = 0
        for category, words in terms.items():
            if isinstance(words, str) or not isinstance(words, Iterable):
                raise LexiconError(
                    f"{where}: the terms of category {category!r} must be a list of strings."
                )
            for word in words:
                number += 1
                yield number, {"term": word, "category": category}
        return
    for number, row in enumerate(terms, start=1):
        if not isinstance(row, Mapping):
            raise LexiconError(
                f"{where}, entry {number}: expected a mapping with term and category."
            )
        yield number, dict(row)


def _validated_table(
    rows: Sequence[tuple[int, Mapping[str, Any]]], where: str, card: Mapping[str, Any]
) -> pd.DataFrame:
    unit = "line" if where.endswith(".csv") else "entry"
    known_categories = set(card.get("categories") or {})
    seen: dict[str, int] = {}
    records = []
    for number, row in rows:
        place = f"{where}, {unit} {number}"
        record = _validated_row(row, place)
        if known_categories and record["category"] not in known_categories:
            raise LexiconError(
                f"{place}: category {record['category']!r} is not defined in the card "
                f"(defined: {', '.join(sorted(known_categories))}); define it or fix the row."
            )
        key = record["term"].lower()
        if key in seen:
            raise LexiconError(
                f"{place}: the term {record['term']!r} is already on {unit} {seen[key]}; "
                "each term belongs to one category, so keep one of the two rows."
            )
        seen[key] = number
        records.append(record)
    if not records:
        raise LexiconError(f"{where} has no terms; add at least one row.")
    table = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    return table.astype({"polarity": "int8", "weight": "float64"})


def _validated_row(row: Mapping[str, Any], place: str) -> dict[str, Any]:
    values = {c: _blank_to_none(row.get(c)) for c in COLUMNS}
    term, category = values["term"], values["category"]
    if not term or not category:
        raise LexiconError(f"{place}: both term and category must be filled in.")
    term = " ".join(str(term).split())
    if "*" in term[:-1] or (not _term_words(term)[0] and not _term_words(term)[1]):
        raise LexiconError(
            f"{place}: {term!r} is not a usable term; use words, with '*' only at the end."
        )
    record = {"term": term, "category": str(category).strip(), **_DEFAULTS}
    try:
        if values["polarity"] is not None:
            record["polarity"] = int(float(values["polarity"]))
            if record["polarity"] not in (-1, 0, 1) or float(values["polarity"]) % 1:
                raise ValueError
    except ValueError:
        raise LexiconError(
            f"{place}: polarity must be -1, 0 or 1 (got {values['polarity']!r})."
        ) from None
    if values["weight"] is not None:
        try:
            record["weight"] = float(values["weight"])
        except ValueError:
            record["weight"] = -1.0
        if not 0 < record["weight"] <= 1:
            raise LexiconError(
                f"{place}: weight must be a number above 0 and at most 1 "
                f"(got {values['weight']!r})."
            )
    if values["match"] is not None:
        record["match"] = str(values["match"]).strip().lower()
        if record["match"] not in MATCH_MODES:
            raise LexiconError(
                f"{place}: match must be one of {', '.join(MATCH_MODES)} (got {values['match']!r})."
            )
    if values["note"] is not None:
        record["note"] = str(values["note"])
    return record


def _blank_to_none(value: Any) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _definition(description: Any) -> str:
    if isinstance(description, Mapping):
        return str(description.get("definition", ""))
    return str(description or "")


@cache
def _load_packaged(name: str) -> Lexicon:
    folder = resources.files("framing").joinpath("lexicons")
    table = folder.joinpath(f"{name}.csv")
    if not table.is_file():
        available = sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".csv"))
        raise LexiconError(
            f"There is no packaged lexicon named {name!r}; available: {', '.join(available)}."
        )
    with resources.as_file(table) as path:
        return Lexicon.from_csv(path)

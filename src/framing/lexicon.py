"""Lexicons: tidy term tables with a card.

A lexicon is a table with the columns ``term, category, polarity, weight, match, context,
note`` plus a *card*: its name, version, licence, sources and the definition of each
category (with, optionally, its ``kind``: ``loaded`` or ``marker``). Packaged lexicons live in
``framing/lexicons/<name>.csv`` beside ``<name>.yaml`` (the card). Matching is
:class:`framing.text.TermTrie`: one pass over the tokens, whatever the lexicon's size; the
``match`` column says how a term's words meet the text's (``inflect``, ``exact`` or
``case``) and ``context`` where the entry counts (:func:`framing.text.parse_context`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from framing.errors import LexiconError
from framing.schema import LEXICON_COLUMNS, LOADED_KINDS, MARKER_CATEGORIES, MATCH_MODES
from framing.text import Context, Match, TermTrie, Token, parse_context, term_words

__all__ = [
    "Lexicon",
    "LexiconError",
    "fingerprint",
]

_DEFAULTS = {"polarity": 0, "weight": 1.0, "match": "inflect", "context": "", "note": ""}


@dataclass(frozen=True, eq=False)
class Lexicon:
    """A tidy table of terms with its card.

    Build one with :meth:`load` (packaged), :meth:`from_csv`, :meth:`from_yaml` or
    :meth:`from_dict`; combine several with :meth:`merge` (or ``+``).

    Parameters
    ----------
    table : pandas.DataFrame
        One row per term with the columns ``term, category, polarity, weight, match,
        context, note``.
    card : Mapping
        ``name``, ``version``, ``licence``, ``sources`` and ``categories``
        (category -> definition, or -> mapping with a ``definition`` key and optionally
        ``kind``, ``loaded`` or ``marker``).
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
    def kinds(self) -> dict[str, str]:
        """Category -> ``loaded`` or ``marker``: the card's ``kind``, else ``marker`` for
        hedges, boosters and factives (:data:`framing.schema.MARKER_CATEGORIES`)."""
        described = self.card.get("categories") or {}
        return {
            category: _field(described.get(category), "kind")
            or ("marker" if category in MARKER_CATEGORIES else "loaded")
            for category in self.categories
        }

    @cached_property
    def contexts(self) -> list[Context]:
        """Each entry's parsed ``context``, in table order."""
        return [parse_context(text) for text in self.table["context"]]

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

    def find(self, tokens: Sequence[Token], *, context: bool = True) -> list[Match]:
        """Leftmost-longest, non-overlapping matches of the lexicon's terms in ``tokens``.

        A match never crosses a sentence boundary. ``context=False`` ignores the entries'
        ``context`` conditions (to see what they rule out).
        """
        return self._trie.find(tokens, context=context)

    @cached_property
    def entries(self) -> list[dict[str, Any]]:
        """The table's rows as dicts, for fast access by position during matching."""
        return self.table.to_dict("records")

    @cached_property
    def _trie(self) -> TermTrie:
        return TermTrie(self.table, self.contexts)


def fingerprint(table: pd.DataFrame, card: Mapping[str, Any]) -> str:
    """SHA-256 of a table and its card, as recorded in analysis metadata."""
    payload = table.to_csv(index=False, lineterminator="\n") + json.dumps(
        card, sort_keys=True, default=str
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


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
    reader = csv.DictReader(io.StringIO(text), strict=True)
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
    rows: list[tuple[int, dict[str, Any]]] = []
    try:
        for row in reader:
            if None in row:
                raise error(
                    f"{path}, line {reader.line_num}: more fields than the header has; "
                    f"quote {items} that contain commas."
                )
            rows.append((reader.line_num, row))
    except csv.Error as problem:  # strict: a quote never closed swallows every later line
        raise error(
            f"{path}, line {rows[-1][0] + 1 if rows else 2}: this row could not be read as CSV "
            f'({problem}); close its quotation marks (write a literal " as "").'
        ) from None
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
    if isinstance(terms, (str, bytes)) or not isinstance(terms, Iterable):
        raise LexiconError(
            f"{where}: 'terms' must be a mapping {{category: [term, ...]}} or a list of rows "
            f"with term and category, not {type(terms).__name__} {terms!r}."
        )
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
    _check_categories(card, where)
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
    table = pd.DataFrame.from_records(records, columns=list(LEXICON_COLUMNS))
    return table.astype({"polarity": "int8", "weight": "float64"})


def _validated_row(row: Mapping[str, Any], place: str) -> dict[str, Any]:
    values = {c: _blank_to_none(row.get(c)) for c in LEXICON_COLUMNS}
    term, category = values["term"], values["category"]
    if not term or not category:
        raise LexiconError(f"{place}: both term and category must be filled in.")
    term = " ".join(str(term).split())
    if "*" in term[:-1] or (not term_words(term)[0] and not term_words(term)[1]):
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
    if values["context"] is not None:
        record["context"] = " ".join(str(values["context"]).split())
        try:
            parse_context(record["context"])
        except ValueError as problem:
            raise LexiconError(f"{place}: context {record['context']!r}: {problem}.") from None
    if values["note"] is not None:
        record["note"] = str(values["note"])
    return record


def _check_categories(card: Mapping[str, Any], where: str) -> None:
    """A card's category ``kind`` must be one of :data:`framing.schema.LOADED_KINDS`."""
    for category, description in (card.get("categories") or {}).items():
        kind = _field(description, "kind")
        if kind is not None and kind not in LOADED_KINDS:
            raise LexiconError(
                f"{where}: the card gives category {category!r} the kind {kind!r}; "
                f"use {' or '.join(LOADED_KINDS)}."
            )


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


def _field(description: Any, key: str) -> Any:
    """A category description's ``key`` (e.g. ``kind``), None when not given."""
    return description.get(key) if isinstance(description, Mapping) else None


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

"""The target gazetteer: which countries, organisations and leaders a text mentions, and where.

A gazetteer is a tidy table, one row per alias, with the columns
``target, alias, kind, type, country, note``, plus a *card* (name, version, licence, as-of
date, sources, definitions of kinds and types, and the matching rules). The packaged one
(``framing/lexicons/targets/gazetteer.csv`` + its card ``gazetteer.yaml``) covers every UN
member state, four non-member entities, the main international organisations and blocs,
and leaders and foreign ministers as of its card's ``as_of`` date.

Matching is one pass over the document's tokens through a trie of alias words (the
lexicon engine's :class:`~framing.lexicon.TermTrie`, case-sensitive), so its cost grows
with the text, not with the gazetteer. Proper names match case-sensitively ("turkey
sandwich" is no mention of Turkey). The longest match wins, and a target reference followed
by roles and a known person is *one* mention of that person: "Russian Foreign Minister
Sergey Lavrov" is Sergey Lavrov (whose ``affiliation`` is Russia), not Russia plus Lavrov.

Examples
--------
>>> gaz = Gazetteer.load()
>>> gaz.affiliation("Russian Foreign Minister Sergey Lavrov")
'Russia'
>>> gaz.find(segment("Moscow backed Baku."))[["target", "text"]].values.tolist()
[['Russia', 'Moscow'], ['Azerbaijan', 'Baku']]
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from framing.lexicon import Lexicon, LexiconError, TermTrie, _parse_yaml
from framing.schema import as_table
from framing.text import Document, Token, segment, tokenize, word_key

__all__ = [
    "COLUMNS",
    "KINDS",
    "MENTIONS",
    "TYPES",
    "Gazetteer",
    "GazetteerError",
    "Mention",
    "resolve_targets",
]

COLUMNS = ("target", "alias", "kind", "type", "country", "note")
KINDS = ("name", "short_name", "demonym", "adjective", "capital", "institution", "person")
TYPES = ("country", "organisation", "bloc", "person", "other")

#: Columns of :meth:`Gazetteer.find`. ``affiliation`` is the target the mention stands or
#: speaks for: a person's country (or organisation), else the target itself.
MENTIONS = {
    "target": "object",
    "alias": "object",
    "kind": "object",
    "type": "object",
    "affiliation": "object",
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "object",
    "in_quote": "bool",
}

_POSSESSIVE = frozenset({"'s", "'"})


class GazetteerError(LexiconError):
    """A gazetteer file or target list that cannot be used; the message names where and why."""


class Mention(NamedTuple):
    """A target mentioned at ``text[start:end]``."""

    target: str
    alias: str
    kind: str
    type: str
    affiliation: str
    sentence_id: int
    start: int
    end: int
    text: str
    in_quote: bool


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Targets and their aliases, with a card; finds their mentions in documents.

    Build one with :meth:`load` (packaged), :meth:`from_targets` (names or
    ``{canonical: [alias, ...]}``) or :meth:`from_csv`; combine with :meth:`extend` (or ``+``).

    Parameters
    ----------
    table : pandas.DataFrame
        One row per alias with the columns ``target, alias, kind, type, country, note``.
    card : Mapping
        ``name``, ``version``, ``licence``, ``as_of``, ``sources``, ``kinds``, ``types``,
        and optionally matching rules (``exclude``, ``guard``, ``roles``) that add to the
        packaged ones.
    """

    table: pd.DataFrame
    card: Mapping[str, Any] = field(default_factory=dict)

    # -- constructors -----------------------------------------------------------------

    @classmethod
    def load(cls) -> Gazetteer:
        """The packaged gazetteer (loaded once, then cached)."""
        return _load_packaged()

    @classmethod
    def from_csv(cls, path: str | Path, *, card: Mapping[str, Any] | None = None) -> Gazetteer:
        """Read a gazetteer from CSV; its card from ``card`` or a ``.yaml`` beside the file.

        The file needs the columns ``target`` and ``alias``; ``kind``, ``type``,
        ``country`` and ``note`` are optional. A missing kind is ``name`` (``person`` for
        persons) when the alias is the target, else ``short_name``; a missing type is
        guessed (a multi-word name without organisation words is a person, else ``other``).
        """
        path = Path(path)
        text = _read_text(path)
        if card is None:
            card_path = path.with_suffix(".yaml")
            card = _read_card(card_path) if card_path.exists() else {}
        card = {"name": path.stem, **card}
        rows = _rows_from_csv(path, text)
        if not rows:
            raise GazetteerError(f"{path} has no rows; add at least one target and alias.")
        return cls(_validated_table(rows, str(path)), card)

    @classmethod
    def from_targets(
        cls, targets: Iterable[str] | Mapping[str, Iterable[str]], *, name: str = "user-targets"
    ) -> Gazetteer:
        """User targets: a list of names, or ``{canonical: [alias, ...]}``.

        A listed name that is a packaged target or one of its aliases ("Russia", "US",
        "Lavrov") brings all of that target's packaged aliases; any other name is a new
        target matched as written. With a mapping, each target matches exactly its name
        and the aliases given (a packaged target keeps its type and country). Either way a
        multi-word person name also matches its last word.

        Examples
        --------
        >>> Gazetteer.from_targets(["Russia", "Jane Doe"]).targets
        ('Russia', 'Jane Doe')
        >>> Gazetteer.from_targets({"Wagner Group": ["Wagner", "PMC Wagner"]}).targets
        ('Wagner Group',)
        """
        packaged = _load_packaged()
        where = f"targets {name!r}"
        if isinstance(targets, str):
            targets = [targets]
        if isinstance(targets, Mapping):
            rows = _rows_from_mapping(targets, packaged, where)
        elif isinstance(targets, Iterable):
            rows = _rows_from_names(list(targets), packaged, where)
        else:
            raise GazetteerError(
                f"{where}: expected a list of names or a {{target: [aliases]}} mapping, "
                f"got {type(targets).__name__}."
            )
        card = {
            "name": name,
            "version": "unversioned",
            "licence": "user-supplied",
            "as_of": packaged.card.get("as_of"),
        }
        return cls(_validated_table(list(enumerate(rows, start=1)), where, unit=None), card)

    # -- description -------------------------------------------------------------------

    @property
    def name(self) -> str:
        return str(self.card.get("name", "custom"))

    @property
    def version(self) -> str:
        return str(self.card.get("version", "unversioned"))

    @property
    def targets(self) -> tuple[str, ...]:
        """Canonical target names, in table order (including those a text never mentions)."""
        return tuple(dict.fromkeys(self.table["target"]))

    @cached_property
    def sha256(self) -> str:
        """A fingerprint of the table and card: equal hashes mean identical gazetteers."""
        payload = self.table.to_csv(index=False, lineterminator="\n") + json.dumps(
            self.card, sort_keys=True, default=str
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def describe(self) -> dict[str, str]:
        """Name, version and hash, as recorded in analysis metadata."""
        return {"name": self.name, "version": self.version, "sha256": self.sha256}

    @cached_property
    def entries(self) -> pd.DataFrame:
        """The table plus derived rows: the last word of person names (``note`` says so).

        A person target without a one-word ``short_name`` also matches the last word of
        its full names when that word is title-case, at least three letters long, not
        another alias and not a word of another person's aliases ("Salman", "Al Thani").
        """
        return pd.concat([self.table, _derived_surnames(self.table)], ignore_index=True)

    def __len__(self) -> int:
        return len(self.table)

    def __repr__(self) -> str:
        return (
            f"<Gazetteer {self.name} {self.version}: {len(self.targets)} targets, "
            f"{len(self)} aliases>"
        )

    # -- combination -------------------------------------------------------------------

    def extend(self, other: Gazetteer | str | Path | Iterable[str] | Mapping) -> Gazetteer:
        """This gazetteer plus ``other`` (a gazetteer, a CSV path, names or a mapping).

        Replace semantics, alias by alias: a row of ``other`` replaces the row with the same
        alias here (so an alias can be moved to another target); other rows are kept. A
        target that ``other`` also defines takes its type, and its country when given,
        from ``other``. Matching rules in the cards (``exclude``, ``guard``, ``roles``) add up.
        """
        if not isinstance(other, Gazetteer):
            other = resolve_targets(other)
        table = pd.concat([self.table, other.table], ignore_index=True)
        table = table.drop_duplicates("alias", keep="last").reset_index(drop=True)
        types = dict(zip(other.table["target"], other.table["type"], strict=True))
        countries = {
            t: c for t, c in zip(other.table["target"], other.table["country"], strict=True) if c
        }
        table["type"] = [
            types.get(t, v) for t, v in zip(table["target"], table["type"], strict=True)
        ]
        table["country"] = [
            countries[t] if c and t in countries else c
            for t, c in zip(table["target"], table["country"], strict=True)
        ]
        card: dict[str, Any] = {
            "name": f"{self.name}+{other.name}",
            "version": f"{self.version}+{other.version}",
            "licence": "; ".join(str(g.card.get("licence", "unstated")) for g in (self, other)),
            "as_of": self.card.get("as_of") or other.card.get("as_of"),
            "parts": [self.describe(), other.describe()],
        }
        card.update(_merged_rules(self.card, other.card))
        return Gazetteer(table, card)

    __add__ = extend

    # -- matching ----------------------------------------------------------------------

    def find(self, document: Document | str) -> pd.DataFrame:
        """Mentions of the targets in ``document``, one row each, in text order.

        Columns: ``target, alias, kind, type, affiliation, sentence_id, start, end, text,
        in_quote``. ``text`` is ``document.text[start:end]``; ``alias`` the gazetteer
        alias that matched (for a composed institution mention such as "Russia's Foreign
        Ministry", the words matched); ``in_quote`` is true inside quotation marks.
        A plain string is segmented first.
        """
        if isinstance(document, str):
            document = segment(document)
        return as_table([m._asdict() for m in self.mentions(document)], MENTIONS)

    def mentions(self, document: Document) -> list[Mention]:
        """Like :meth:`find`, as a list of :class:`Mention` tuples."""
        return self._matcher.mentions(document)

    def affiliation(self, name_or_role: str) -> str | None:
        """The target a speaker stands or speaks for, or None if the gazetteer can't tell.

        A known person gives their country (or organisation), anything else the target it
        names: "Russian Foreign Minister Sergey Lavrov", "Lavrov", "the Kremlin" and
        "Moscow" give "Russia"; "a senior EU official" gives "European Union". A target
        after "to" ("the US ambassador to Russia") counts only if nothing else is named.
        A user person target without a country is their own affiliation.
        """
        cache = self._affiliations
        if name_or_role not in cache:
            cache[name_or_role] = _pick_affiliation(
                name_or_role, self.mentions(segment(name_or_role))
            )
        return cache[name_or_role]

    @cached_property
    def _affiliations(self) -> dict[str, str | None]:
        return {}

    @cached_property
    def _matcher(self) -> _Matcher:
        return _Matcher(self.entries, _merged_rules(_packaged_card(), self.card))


def resolve_targets(
    targets: Gazetteer | str | Path | Iterable[str] | Mapping[str, Iterable[str]] | None = None,
) -> Gazetteer:
    """The gazetteer for an analysis's ``targets`` argument.

    ``None`` gives the packaged gazetteer; a :class:`Gazetteer` is used as is; a path to a
    ``.csv`` file is read with :meth:`Gazetteer.from_csv`; a list of names or a mapping
    ``{canonical: [alias, ...]}`` gives user targets (:meth:`Gazetteer.from_targets`),
    where a multi-word person name also matches its last word.
    """
    if targets is None:
        return Gazetteer.load()
    if isinstance(targets, Gazetteer):
        return targets
    if isinstance(targets, Path) or (isinstance(targets, str) and targets.lower().endswith(".csv")):
        return Gazetteer.from_csv(targets)
    if isinstance(targets, str):
        targets = [targets]
    # Corpus runs pass the same targets for every article: build their gazetteer once.
    try:
        return _user_gazetteer(_hashable(targets), isinstance(targets, Mapping))
    except TypeError:  # unhashable names: validated (and reported) without the cache
        return Gazetteer.from_targets(targets)


def _hashable(targets: Iterable[str] | Mapping[str, Iterable[str]]) -> tuple:
    if isinstance(targets, Mapping):
        return tuple(
            (name, (aliases,) if isinstance(aliases, str) else tuple(aliases))
            for name, aliases in targets.items()
        )
    return tuple(targets)


@lru_cache(maxsize=64)
def _user_gazetteer(key: tuple, is_mapping: bool) -> Gazetteer:
    return Gazetteer.from_targets(
        {name: list(aliases) for name, aliases in key} if is_mapping else list(key)
    )


# -- the matcher -------------------------------------------------------------------------------


class _Matcher:
    """Alias words in a case-sensitive trie, plus the composition and guard rules."""

    def __init__(self, entries: pd.DataFrame, rules: Mapping[str, Any]) -> None:
        keys: dict[str, int] = {}
        for phrase in rules.get("exclude", ()):
            keys.setdefault(_alias_key(phrase), -1)
        aliases = list(entries["alias"])
        for index, alias in enumerate(aliases):
            keys.setdefault(_alias_key(alias), index)
        for index, alias in enumerate(aliases):
            for variant in _variants(alias):
                keys.setdefault(_alias_key(variant), index)
        self.entry_of = list(keys.values())
        self.trie = TermTrie(pd.DataFrame({"term": list(keys), "match": "case"}))
        self.target = list(entries["target"])
        self.alias = aliases
        self.kind = list(entries["kind"])
        self.type = list(entries["type"])
        self.affiliation = [
            country or target
            for target, country in zip(entries["target"], entries["country"], strict=True)
        ]
        guard = rules.get("guard", {})
        guarded_kinds = set(guard.get("kinds", ()))
        guarded_aliases = set(guard.get("aliases", ()))
        # a person's short name is guarded on both sides ("Trump Tower", "Hunter Biden")
        self.surname = [
            type_ == "person" and kind == "short_name"
            for type_, kind in zip(self.type, self.kind, strict=True)
        ]
        self.guarded = [
            kind in guarded_kinds or alias in guarded_aliases or surname
            for kind, alias, surname in zip(self.kind, aliases, self.surname, strict=True)
        ]
        self.allow_next = frozenset(guard.get("allow_next", ()))
        roles = {
            category: sorted({_alias_key(term) for term in terms})
            for category, terms in (rules.get("roles") or {}).items()
        }
        self.roles = Lexicon.from_dict(roles, name="target-roles") if roles else None

    def mentions(self, document: Document) -> list[Mention]:
        tokens = _expand(document.tokens)
        raw = [
            (m.first, m.last, self.entry_of[m.entry])
            for m in self.trie.find(tokens)
            if self.entry_of[m.entry] >= 0
        ]
        roles: dict[int, tuple[int, str]] = {}
        if self.roles is not None:
            category = list(self.roles.table["category"])
            roles = {m.first: (m.last, category[m.entry]) for m in self.roles.find(tokens)}
        starts = {first for first, _, _ in raw}
        ends = {last for _, last, _ in raw} | {role_last for role_last, _ in roles.values()}
        headlines = _title_case_sentences(tokens)
        kept = [
            (first, last, entry)
            for first, last, entry in raw
            if not (
                self.guarded[entry] and self._blocked(tokens, last + 1, starts, roles, headlines)
            )
            and not (self.surname[entry] and self._other_person(tokens, first, ends, headlines))
        ]
        by_first = {first: (first, last, entry) for first, last, entry in kept}
        found: list[Mention] = []
        k = 0
        while k < len(kept):
            first, last, entry = kept[k]
            end, entry, kind = self._compose(tokens, first, last, entry, roles, by_first)
            start, stop = tokens[first].start, tokens[end].end
            text = document.text[start:stop]
            found.append(
                Mention(
                    target=self.target[entry],
                    alias=_plain(" ".join(text.split())) if kind else self.alias[entry],
                    kind=kind or self.kind[entry],
                    type=self.type[entry],
                    affiliation=self.affiliation[entry],
                    sentence_id=tokens[first].sentence_id,
                    start=start,
                    end=stop,
                    text=text,
                    in_quote=document.quote_at(start, stop) is not None,
                )
            )
            while k < len(kept) and kept[k][0] <= end:
                k += 1
        return found

    def _blocked(
        self,
        tokens: Sequence[Token],
        index: int,
        starts: set[int],
        roles: Mapping[int, Any],
        headlines: set[int],
    ) -> bool:
        """A guarded alias is not a mention when a capitalised non-alias word follows."""
        if index >= len(tokens) or tokens[index].sentence_id != tokens[index - 1].sentence_id:
            return False
        following = tokens[index]
        return (
            following.text[:1].isupper()
            and following.sentence_id not in headlines
            and index not in starts
            and index not in roles
            and following.text not in self.allow_next
        )

    @staticmethod
    def _other_person(
        tokens: Sequence[Token], first: int, ends: set[int], headlines: set[int]
    ) -> bool:
        """A short name after a capitalised word is someone else's ("Hunter Biden").

        Unless that word ends a target or a role ("Foreign Minister Lavrov", "Mr Lavrov"),
        begins the sentence ("But Lavrov") or the sentence is a headline.
        """
        before = first - 1
        if before < 1 or tokens[before].sentence_id != tokens[first].sentence_id:
            return False
        if tokens[before - 1].sentence_id != tokens[before].sentence_id:
            return False
        word = tokens[before].text
        return (
            word[:1].isupper()
            and word.isalpha()
            and before not in ends
            and tokens[before].sentence_id not in headlines
        )

    def _compose(
        self,
        tokens: Sequence[Token],
        first: int,
        last: int,
        entry: int,
        roles: Mapping[int, tuple[int, str]],
        by_first: Mapping[int, tuple[int, int, int]],
    ) -> tuple[int, int, str | None]:
        """Extend a target reference over roles to a person or an institution.

        Returns the last token, the entry, and the kind "institution" for a reference
        composed with roles (whose alias is then the words matched), else None.
        "Russian Foreign Minister Sergey Lavrov" -> the person; "Russia's Foreign Ministry"
        -> an institution mention of Russia; "US State Department" -> the institution
        "State Department".
        """
        if self.type[entry] == "person":
            return last, entry, None
        sentence = tokens[first].sentence_id

        def inside(index: int) -> bool:
            return index < len(tokens) and tokens[index].sentence_id == sentence

        index = last + 1
        possessive = inside(index) and tokens[index].key in _POSSESSIVE
        index += possessive
        role_end = None
        while inside(index) and index in roles:
            role_last, category = roles[index]
            if category != "modifier":
                role_end = role_last
            index = role_last + 1
        following = by_first.get(index) if inside(index) else None
        comma = inside(index + 1) and tokens[index].text == ","
        if following is None and role_end is not None and comma:
            following = by_first.get(index + 1)
        if following is not None:
            _, other_last, other = following
            if self.type[other] == "person" and (role_end is not None or possessive):
                return other_last, other, None
            if (
                self.kind[other] == "institution"
                and self.affiliation[other] == self.affiliation[entry]
                and index == last + 1 + possessive
            ):
                return other_last, other, None
        if role_end is not None:
            return role_end, entry, "institution"
        return last, entry, None


def _pick_affiliation(text: str, mentions: Sequence[Mention]) -> str | None:
    if not mentions:
        return None
    persons = [m for m in mentions if m.type == "person"]
    if persons:
        return persons[0].affiliation
    direct = [m for m in mentions if not re.search(r"\bto\s*$", text[: m.start])]
    return (direct or list(mentions))[0].affiliation


def _expand(tokens: Sequence[Token]) -> list[Token]:
    """Tokens with hyphenated words split into parts and apostrophes/hyphens made plain.

    Offsets still index into the document; ``text`` is the normalised surface used for
    case-sensitive matching ("Russia’s" -> "Russia", "'s"; "pro-Russian" -> "pro", "-",
    "Russian").
    """
    expanded = []
    for token in tokens:
        text = token.text
        if len(text) > 1 and ("-" in text or "‐" in text):
            for part in re.finditer(r"[-‐]|[^-‐]+", text):
                plain = _plain(part.group())
                expanded.append(
                    Token(
                        token.start + part.start(),
                        token.start + part.end(),
                        plain,
                        word_key(plain),
                        token.sentence_id,
                    )
                )
        else:
            plain = _plain(text)
            expanded.append(
                Token(token.start, token.end, plain, word_key(plain), token.sentence_id)
            )
    return expanded


def _plain(text: str) -> str:
    return text.replace("’", "'").replace("‐", "-")


def _alias_key(alias: str) -> str:
    """An alias's words as the matcher sees them, joined by spaces ("Guinea - Bissau")."""
    return " ".join(t.text for t in _expand(tokenize(alias)))


def _variants(alias: str) -> list[str]:
    """Other written forms of an alias: capitalised first letter, and ALL CAPS."""
    forms = []
    if alias[:1].islower():
        forms.append(alias[:1].upper() + alias[1:])
    if sum(c.isalpha() for c in alias) >= 4 and alias.upper() != alias:
        forms.append(alias.upper())
    return forms


def _title_case_sentences(tokens: Sequence[Token]) -> set[int]:
    """Sentences written in title case (headlines), where capitalisation says little."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for token in tokens:
        if len(token.text) >= 4 and token.text.isalpha():
            count = counts[token.sentence_id]
            count[0] += 1
            count[1] += token.text[0].isupper()
    return {s for s, (n, upper) in counts.items() if n >= 3 and upper >= 0.9 * n}


def _derived_surnames(table: pd.DataFrame) -> pd.DataFrame:
    persons = table[table["type"] == "person"]
    explicit = {
        target
        for target, alias, kind in zip(
            persons["target"], persons["alias"], persons["kind"], strict=True
        )
        if kind == "short_name" and len(alias.split()) == 1
    }
    words: dict[str, set[str]] = defaultdict(set)
    for target, alias in zip(persons["target"], persons["alias"], strict=True):
        words[target].update(alias.split())
    candidates: dict[str, dict[str, str]] = defaultdict(dict)  # last word -> target -> country
    for target, alias, kind, country in zip(
        persons["target"], persons["alias"], persons["kind"], persons["country"], strict=True
    ):
        parts = alias.split()
        if kind != "person" or target in explicit or len(parts) < 2:
            continue
        last = parts[-1]
        letters = re.sub(r"['’-]", "", last)
        if (
            len(letters) >= 3
            and letters.isalpha()
            and last[0].isupper()
            and last[1:] != last[1:].upper()
        ):
            candidates[last][target] = country
    aliases = set(table["alias"])
    rows = [
        {
            "target": target,
            "alias": last,
            "kind": "short_name",
            "type": "person",
            "country": country,
            "note": "last name (derived)",
        }
        for last, owners in candidates.items()
        if len(owners) == 1 and last not in aliases
        for target, country in owners.items()
        if not any(last in words[other] for other in words if other != target)
    ]
    return pd.DataFrame(rows, columns=list(COLUMNS))


# -- reading and validation ------------------------------------------------------------------


def _read_text(path: Path) -> str:
    if not path.exists():
        raise GazetteerError(f"Gazetteer file {path} was not found; check the path.")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise GazetteerError(
            f"{path} is not UTF-8 text (byte {error.start}); save the gazetteer as UTF-8."
        ) from None


def _read_card(path: Path) -> Mapping[str, Any]:
    try:
        card = _parse_yaml(path, _read_text(path))
    except GazetteerError:
        raise
    except LexiconError as error:
        raise GazetteerError(str(error)) from None
    if not isinstance(card, Mapping):
        raise GazetteerError(f"{path}: a gazetteer card must be a YAML mapping of keys.")
    return card


def _rows_from_csv(path: Path, text: str) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in ("target", "alias") if c not in header]
    if missing:
        raise GazetteerError(
            f"{path}, line 1: the header needs the columns target and alias "
            f"(found: {', '.join(header) or 'nothing'}); add the missing column names."
        )
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        raise GazetteerError(
            f"{path}, line 1: unknown column(s) {', '.join(unknown)}; use {', '.join(COLUMNS)}."
        )
    reader.fieldnames = header
    rows = []
    for row in reader:
        if None in row:
            raise GazetteerError(
                f"{path}, line {reader.line_num}: more fields than the header has; "
                "quote aliases that contain commas."
            )
        rows.append((reader.line_num, row))
    return rows


def _rows_from_names(names: list[Any], packaged: Gazetteer, where: str) -> list[dict[str, str]]:
    table = packaged.table
    by_target = {t: rows for t, rows in table.groupby("target", sort=False)}
    target_of = dict(zip(table["alias"], table["target"], strict=True))
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for number, raw in enumerate(names, start=1):
        name = _checked_name(raw, f"{where}, item {number}")
        target = name if name in by_target else target_of.get(name)
        if target in seen:
            continue
        if target is not None:
            seen.add(target)
            rows.extend(by_target[target][list(COLUMNS)].to_dict("records"))
        elif name not in seen:
            seen.add(name)
            type_ = _guess_type(name)
            kind = "person" if type_ == "person" else "name"
            rows.append(_row(name, name, kind, type_, "", "user target"))
    return rows


def _rows_from_mapping(
    targets: Mapping[Any, Any], packaged: Gazetteer, where: str
) -> list[dict[str, str]]:
    table = packaged.table
    known = {t: rows for t, rows in table.groupby("target", sort=False)}
    rows: list[dict[str, str]] = []
    for number, (raw, aliases) in enumerate(targets.items(), start=1):
        target = _checked_name(raw, f"{where}, key {number}")
        if aliases is None:
            aliases = []
        elif isinstance(aliases, str):
            aliases = [aliases]
        elif not isinstance(aliases, Iterable):
            raise GazetteerError(
                f"{where}: the aliases of {target!r} must be a list of strings "
                f"(got {type(aliases).__name__})."
            )
        if target in known:
            packaged_rows = known[target]
            type_ = str(packaged_rows["type"].iloc[0])
            country = next((c for c in packaged_rows["country"] if c), "")
            kinds = dict(zip(packaged_rows["alias"], packaged_rows["kind"], strict=True))
        else:
            type_, country, kinds = _guess_type(target), "", {}
        own_kind = "person" if type_ == "person" else "name"
        rows.append(
            _row(target, target, kinds.get(target, own_kind), type_, country, "user target")
        )
        for alias in aliases:
            alias = _checked_name(alias, f"{where}, an alias of {target!r}")
            if alias != target:
                kind = kinds.get(alias, "short_name")
                rows.append(_row(target, alias, kind, type_, country, "user alias"))
    return rows


def _row(target: str, alias: str, kind: str, type_: str, country: str, note: str) -> dict:
    return {
        "target": target,
        "alias": alias,
        "kind": kind,
        "type": type_,
        "country": country,
        "note": note,
    }


def _checked_name(value: Any, place: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise GazetteerError(
            f"{place}: {value!r} is not a name; give targets and aliases as non-empty strings."
        )
    return " ".join(value.split())


def _guess_type(name: str) -> str:
    """A plain name's type: a person if it looks like "First Last", else ``other``."""
    words = name.split()
    organisation_words = set(_packaged_card().get("organisation_words") or ())
    if (
        2 <= len(words) <= 4
        and not name.isupper()
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and not any(w.lower().strip(".,") in organisation_words for w in words)
        and all(any(c.isalpha() for c in w) for w in words)
    ):
        return "person"
    return "other"


def _validated_table(
    rows: Sequence[tuple[int, Mapping[str, Any]]], where: str, unit: str | None = "line"
) -> pd.DataFrame:
    """Rows checked and completed; errors name ``where`` and, with a ``unit``, the line."""
    aliases: dict[str, tuple[int, str]] = {}
    types: dict[str, tuple[int, str]] = {}
    records = []

    def at(number: int) -> str:
        return f"{unit} {number}" if unit else "an earlier entry"

    for number, row in rows:
        place = f"{where}, {unit} {number}" if unit else where
        values = {c: _clean(row.get(c)) for c in COLUMNS}
        target, alias = values["target"], values["alias"]
        if not target or not alias:
            raise GazetteerError(f"{place}: both target and alias must be filled in.")
        type_ = values["type"] or (types[target][1] if target in types else _guess_type(target))
        if type_ not in TYPES:
            raise GazetteerError(
                f"{place}: type must be one of {', '.join(TYPES)} (got {type_!r})."
            )
        if target in types and types[target][1] != type_:
            line, earlier = types[target]
            raise GazetteerError(
                f"{place}: {target!r} is a {earlier} on {at(line)} but a {type_} here; "
                "give each target one type."
            )
        types.setdefault(target, (number, type_))
        kind = values["kind"] or (
            ("person" if type_ == "person" else "name") if alias == target else "short_name"
        )
        if kind not in KINDS:
            raise GazetteerError(f"{place}: kind must be one of {', '.join(KINDS)} (got {kind!r}).")
        if alias.endswith("*") or not _alias_key(alias).strip():
            raise GazetteerError(
                f"{place}: {alias!r} is not a usable alias; write the name as it appears in text."
            )
        if alias in aliases:
            line, owner = aliases[alias]
            raise GazetteerError(
                f"{place}: the alias {alias!r} of {target!r} is already on {at(line)} "
                f"(for {owner!r}); each alias names one target, so keep one of the two."
            )
        aliases[alias] = (number, target)
        records.append(
            _row(target, alias, kind, type_, values["country"] or "", values["note"] or "")
        )
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def _clean(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = " ".join(str(value).split())
    return text or None


def _merged_rules(*cards: Mapping[str, Any]) -> dict[str, Any]:
    """Matching rules of several cards added up (lists unioned, in order)."""
    merged: dict[str, Any] = {"exclude": [], "guard": {}, "roles": {}, "organisation_words": []}
    for card in cards:
        merged["exclude"] = _union(merged["exclude"], card.get("exclude"))
        merged["organisation_words"] = _union(
            merged["organisation_words"], card.get("organisation_words")
        )
        for key in ("guard", "roles"):
            for name, values in (card.get(key) or {}).items():
                merged[key][name] = _union(merged[key].get(name, []), values)
    return merged


def _union(first: Iterable[str], second: Iterable[str] | None) -> list[str]:
    return list(dict.fromkeys([*first, *(second or ())]))


@cache
def _packaged_card() -> Mapping[str, Any]:
    import yaml

    source = resources.files("framing").joinpath("lexicons/targets/gazetteer.yaml")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(source.read_text(encoding="utf-8"), Loader=loader) or {}


@cache
def _load_packaged() -> Gazetteer:
    table = resources.files("framing").joinpath("lexicons/targets/gazetteer.csv")
    with resources.as_file(table) as path:
        return Gazetteer.from_csv(path, card=_packaged_card())

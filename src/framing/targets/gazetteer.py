"""The target gazetteer: which countries, organisations and leaders a text mentions, and where.

A gazetteer is a tidy table, one row per alias, with the columns
``target, alias, kind, type, country, note``, plus a *card* (name, version, licence, as-of
date, sources, definitions of kinds and types, and the matching rules). The packaged one
(``framing/lexicons/targets/gazetteer.csv`` + its card ``gazetteer.yaml``) covers every UN
member state, four non-member entities, the main international organisations and blocs,
and leaders and foreign ministers as of its card's ``as_of`` date.

Matching (:mod:`framing.targets.mentions`) is one pass over the document's tokens through a trie
of alias words (the lexicon engine's :class:`~framing.lexicon.TermTrie`, case-sensitive),
so its cost grows with the text, not with the gazetteer. Proper names match
case-sensitively ("turkey sandwich" is no mention of Turkey). The longest match wins, and
a target reference followed by roles and a known person is *one* mention of that person:
"Russian Foreign Minister Sergey Lavrov" is Sergey Lavrov (whose ``affiliation`` is
Russia), not Russia plus Lavrov. Files, cards and user target lists are read and checked
by :mod:`framing.targets.files`.

Examples
--------
>>> gaz = Gazetteer.load()
>>> gaz.affiliation("Russian Foreign Minister Sergey Lavrov")
'Russia'
>>> gaz.find(segment("Moscow backed Baku."))[["target", "text"]].values.tolist()
[['Russia', 'Moscow'], ['Azerbaijan', 'Baku']]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from framing.errors import GazetteerError
from framing.lexicon import fingerprint
from framing.schema import TARGET_MENTIONS, as_table
from framing.targets.files import (
    derived_surnames,
    gazetteer_text,
    packaged_card,
    read_card,
    rows_from_csv,
    rows_from_mapping,
    rows_from_names,
    validated_table,
)
from framing.targets.mentions import Matcher, Mention
from framing.text import Document, segment

__all__ = [
    "Gazetteer",
    "resolve_targets",
]


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
        text = gazetteer_text(path)
        if card is None:
            card_path = path.with_suffix(".yaml")
            card = read_card(card_path) if card_path.exists() else {}
        card = {"name": path.stem, **card}
        return cls(validated_table(rows_from_csv(path, text), str(path)), card)

    @classmethod
    def from_targets(
        cls, targets: Iterable[str] | Mapping[str, Iterable[str]], *, name: str = "user-targets"
    ) -> Gazetteer:
        """User targets: a list of names, or ``{canonical: [alias, ...]}``.

        A listed name that is a packaged target or one of its aliases ("Russia", "US",
        "Lavrov") brings all of that target's packaged aliases; any other name is a new
        target matched as written. With a mapping, each target matches exactly its name
        and the aliases given (a packaged target keeps its type and country). Either way a
        multi-word person name also matches its last word. A last name that several
        targets share is not an alias to list (an alias names one target): leave it out,
        and each bare "Cheney" counts for the target whose full name the text mentions
        nearest before it ("Liz Cheney" or "Mary Cheney"), for neither when that nearest
        full name is someone else's ("Dick Cheney").

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
            rows = rows_from_mapping(targets, packaged.table, where)
        elif isinstance(targets, Iterable):
            rows = rows_from_names(list(targets), packaged.table, where)
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
        return cls(validated_table(list(enumerate(rows, start=1)), where, unit=None), card)

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
        return fingerprint(self.table, self.card)

    def describe(self) -> dict[str, str]:
        """Name, version and hash, as recorded in analysis metadata."""
        return {"name": self.name, "version": self.version, "sha256": self.sha256}

    @cached_property
    def entries(self) -> pd.DataFrame:
        """The table plus derived rows: the last word of person names (``note`` says so).

        A person target without a one-word ``short_name`` also matches the last word of
        its full names when that word is title-case, at least three letters long, not
        another alias and not a word of another person's aliases ("Salman", "Al Thani").
        A last name that several person targets share ("Liz Cheney", "Mary Cheney") gets
        a row per target ("shared last name (derived)"): a bare "Cheney" then counts for
        the one whose full name the text mentions nearest before it (see
        :mod:`framing.targets.mentions`), and for neither in a text that names neither.
        """
        derived = derived_surnames(self.table)
        return pd.concat([self.table, derived, _shared_surnames(self.table)], ignore_index=True)

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
        return as_table([m._asdict() for m in self.mentions(document)], TARGET_MENTIONS)

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
    def _matcher(self) -> Matcher:
        return Matcher(self.entries, _merged_rules(packaged_card(), self.card))


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


def _pick_affiliation(text: str, mentions: Sequence[Mention]) -> str | None:
    if not mentions:
        return None
    persons = [m for m in mentions if m.type == "person"]
    if persons:
        return persons[0].affiliation
    direct = [m for m in mentions if not re.search(r"\bto\s*$", text[: m.start])]
    return (direct or list(mentions))[0].affiliation


def _shared_surnames(table: pd.DataFrame) -> pd.DataFrame:
    """A row per owner of each title-case last name that several person targets share."""
    persons = table[(table["type"] == "person") & (table["kind"] == "person")]
    owners: dict[str, dict[str, str]] = {}
    inner: set[str] = set()
    for target, alias, country in zip(
        persons["target"], persons["alias"], persons["country"], strict=True
    ):
        words = alias.split()
        inner.update(words[:-1])
        last = words[-1]
        simple = all(w[:1].isupper() for w in words) and words[-2:-1] != ["Al"]
        if len(words) > 1 and simple and len(last) >= 3 and last.isalpha() and last.istitle():
            # Not a compound family name ("bin Hamad Al Thani"): its last word alone
            # names no one.
            owners.setdefault(last, {})[target] = country
    aliases = set(table["alias"])
    rows = [
        {"target": target, "alias": last, "kind": "short_name", "type": "person",
         "country": country, "note": "shared last name (derived)"}
        for last, by_target in owners.items()
        if len(by_target) > 1 and last not in aliases and last not in inner
        for target, country in by_target.items()
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=list(table.columns))


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
def _load_packaged() -> Gazetteer:
    table = resources.files("framing").joinpath("lexicons/targets/gazetteer.csv")
    with resources.as_file(table) as path:
        return Gazetteer.from_csv(path, card=packaged_card())

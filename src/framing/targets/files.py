"""Gazetteer tables: reading CSV files and cards, building user targets, validation.

Every way into a :class:`~framing.targets.Gazetteer` (a CSV file and its YAML card, a
list of names, a ``{target: [alias, ...]}`` mapping) ends in :func:`validated_table`,
which completes missing kinds and types and raises a :class:`GazetteerError` that names
the file and line (or the entry) and says how to fix it. :func:`derived_surnames` adds
the last words of person names that name them alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from framing.errors import GazetteerError
from framing.lexicon import parse_yaml, read_csv_rows, read_text
from framing.schema import GAZETTEER_COLUMNS, MENTION_KINDS, TARGET_TYPES
from framing.targets.mentions import alias_key

__all__ = [
    "GAZETTEER_COLUMNS",
    "MENTION_KINDS",
    "TARGET_TYPES",
    "derived_surnames",
    "gazetteer_text",
    "packaged_card",
    "read_card",
    "rows_from_csv",
    "rows_from_mapping",
    "rows_from_names",
    "validated_table",
]


def gazetteer_text(path: Path) -> str:
    """A gazetteer file's text; a missing or non-UTF-8 file raises a GazetteerError."""
    return read_text(path, "gazetteer", GazetteerError)


def read_card(path: Path) -> Mapping[str, Any]:
    """A gazetteer card (YAML mapping of keys) from ``path``."""
    card = parse_yaml(path, gazetteer_text(path), GazetteerError)
    if not isinstance(card, Mapping):
        raise GazetteerError(f"{path}: a gazetteer card must be a YAML mapping of keys.")
    return card


def rows_from_csv(path: Path, text: str) -> list[tuple[int, dict[str, Any]]]:
    """``(line number, row)`` of each row of a gazetteer CSV file, which must have some."""
    rows = read_csv_rows(
        path,
        text,
        ("target", "alias"),
        allowed=GAZETTEER_COLUMNS,
        items="aliases",
        error=GazetteerError,
    )
    if not rows:
        raise GazetteerError(f"{path} has no rows; add at least one target and alias.")
    return rows


def rows_from_names(names: list[Any], table: pd.DataFrame, where: str) -> list[dict[str, str]]:
    """Rows of user targets given as names; a packaged target or alias brings its rows.

    ``table`` is the packaged gazetteer's; ``where`` names the list in error messages.
    """
    by_target = {t: rows for t, rows in table.groupby("target", sort=False)}
    target_of = dict(zip(table["alias"], table["target"], strict=True))
    # Names in another case ("russia", "RUSSIA") are the packaged target whose name, or
    # else whose alias, they spell; an exact spelling wins ("US" is not "us").
    folded = {alias.casefold(): t for alias, t in target_of.items()}
    folded.update({t.casefold(): t for t in by_target})
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for number, raw in enumerate(names, start=1):
        name = _checked_name(raw, f"{where}, item {number}")
        target = name if name in by_target else target_of.get(name, folded.get(name.casefold()))
        if target in seen:
            continue
        if target is not None:
            seen.add(target)
            rows.extend(by_target[target][list(GAZETTEER_COLUMNS)].to_dict("records"))
        elif name not in seen:
            seen.add(name)
            cased = _cased(name)
            type_ = _guess_type(cased)
            kind = "person" if type_ == "person" else "name"
            rows.append(_row(name, name, kind, type_, "", "user target"))
            if cased != name:
                rows.append(_row(name, cased, kind, type_, "", "user target, as names are written"))
    return rows


def _cased(name: str) -> str:
    """A name typed all in lower or upper case, or with a lower-case start, as names are
    written: each word capitalised ("jane doe" -> "Jane Doe"); mixed case is kept."""
    if name[:1].isupper() and not name.isupper():
        return name
    return " ".join(word[:1].upper() + word[1:].lower() for word in name.split())


def rows_from_mapping(
    targets: Mapping[Any, Any], table: pd.DataFrame, where: str
) -> list[dict[str, str]]:
    """Rows of user targets given as ``{target: [alias, ...]}``, each matching exactly those.

    ``table`` is the packaged gazetteer's: a packaged target keeps its type and country.
    """
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
    organisation_words = set(packaged_card().get("organisation_words") or ())
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


def validated_table(
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
        values = {c: _clean(row.get(c)) for c in GAZETTEER_COLUMNS}
        target, alias = values["target"], values["alias"]
        if not target or not alias:
            raise GazetteerError(f"{place}: both target and alias must be filled in.")
        type_ = values["type"] or (types[target][1] if target in types else _guess_type(target))
        if type_ not in TARGET_TYPES:
            raise GazetteerError(
                f"{place}: type must be one of {', '.join(TARGET_TYPES)} (got {type_!r})."
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
        if kind not in MENTION_KINDS:
            raise GazetteerError(
                f"{place}: kind must be one of {', '.join(MENTION_KINDS)} (got {kind!r})."
            )
        if alias.endswith("*") or not alias_key(alias).strip():
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
    return pd.DataFrame.from_records(records, columns=list(GAZETTEER_COLUMNS))


def _clean(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = " ".join(str(value).split())
    return text or None


def derived_surnames(table: pd.DataFrame) -> pd.DataFrame:
    """Rows for the title-case last words of person names that name no one else."""
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
    return pd.DataFrame(rows, columns=list(GAZETTEER_COLUMNS))


@cache
def packaged_card() -> Mapping[str, Any]:
    """The card of the packaged gazetteer, with its matching rules."""
    import yaml

    source = resources.files("framing").joinpath("lexicons/targets/gazetteer.yaml")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(source.read_text(encoding="utf-8"), Loader=loader) or {}

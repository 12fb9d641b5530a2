"""The packaged ``loaded`` lexicon as data: its table, its card, and what its entries match."""

from __future__ import annotations

import csv
import io
import re
from importlib import resources

import pytest
import yaml

from framing import Lexicon
from framing.text import segment, tokenize

COLUMNS = ["term", "category", "polarity", "weight", "match", "context", "note"]
CATEGORIES = {
    "loaded_language",
    "name_calling",
    "exaggeration",
    "doubt",
    "fear",
    "conflict",
    "delegitimising",
    "hedge",
    "booster",
    "factive",
}
SOURCE_TAGS = {
    "curated",
    "liu2005-neg",
    "liu2005-pos",
    "riloff2003-strong",
    "riloff2003-weak",
    "hyland2005",
    "hooper1975-assertive",
    "hooper1975-factive",
    "recasens2013-report",
    "npov2013",
    "slide2018",
    "wordnet3",
}


def _packaged(name: str) -> str:
    return resources.files("framing").joinpath("lexicons", name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    text = _packaged("loaded.csv")
    assert not text.startswith("\ufeff"), "write the CSV without a byte-order mark"
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def card() -> dict:
    return yaml.safe_load(_packaged("loaded.yaml"))


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load("loaded")


def test_the_table_has_exactly_the_agreed_columns():
    header = next(csv.reader(io.StringIO(_packaged("loaded.csv"))))
    assert header == COLUMNS


def test_there_are_at_least_1500_entries(rows):
    assert len(rows) >= 1500


def test_every_row_is_well_formed(rows):
    problems = []
    for line, row in enumerate(rows, start=2):
        term = row["term"]
        if None in row or any(v is None for v in row.values()):
            problems.append((line, term, "wrong number of fields"))
            continue
        if term != " ".join(term.split()) or not term:
            problems.append((line, term, "blank or badly spaced term"))
        if row["match"] != "case" and term != term.lower():
            problems.append((line, term, "terms are lower-case unless match is case"))
        if "*" in term[:-1]:
            problems.append((line, term, "'*' only at the end"))
        if row["category"] not in CATEGORIES:
            problems.append((line, term, f"category {row['category']!r}"))
        if row["polarity"] not in {"-1", "0", "1"}:
            problems.append((line, term, f"polarity {row['polarity']!r}"))
        if not 0 < float(row["weight"]) <= 1:
            problems.append((line, term, f"weight {row['weight']!r}"))
        if row["match"] not in {"", "inflect", "exact", "case"}:
            problems.append((line, term, f"match {row['match']!r}"))
        tags = {t.strip() for t in row["note"].split(";")}
        if not tags & SOURCE_TAGS:
            problems.append((line, term, "the note names no source (or 'curated')"))
    assert not problems, problems[:20]


def test_each_term_appears_once(rows):
    seen: dict[str, int] = {}
    duplicates = []
    for line, row in enumerate(rows, start=2):
        key = row["term"].lower()
        if key in seen:
            duplicates.append((row["term"], seen[key], line))
        seen[key] = line
    assert not duplicates


def test_every_category_is_used_and_has_a_grounded_definition(rows, card):
    used = {row["category"] for row in rows}
    assert used == CATEGORIES
    for category in CATEGORIES:
        described = card["categories"][category]
        assert described["definition"].strip(), category
        assert described["grounded_in"].strip(), category
    per_category = {c: sum(r["category"] == c for r in rows) for c in CATEGORIES}
    assert min(per_category.values()) >= 40, per_category


def test_the_card_names_itself_and_its_sources_with_licences(card):
    assert card["name"] == "loaded"
    assert re.fullmatch(r"\d+\.\d+\.\d+", str(card["version"]))
    assert card["licence"].strip() and card["description"].strip()
    assert len(card["sources"]) >= 4
    for source in card["sources"]:
        assert source["citation"].strip() and source["licence"].strip()
        assert source["used_for"].strip()
    citations = " ".join(s["citation"] for s in card["sources"])
    for author in ("Da San Martino", "Recasens", "Hyland", "Hooper", "Liu", "Riloff"):
        assert author in citations
    assert isinstance(card.get("benchmark"), dict)


def test_the_library_loads_every_row(rows, lexicon):
    assert len(lexicon) == len(rows)
    assert set(lexicon.categories) == CATEGORIES
    assert all(lexicon.categories.values())


def _find(lexicon: Lexicon, text: str) -> list[tuple[str, str, str]]:
    """(surface, term, category) of each match in ``text``."""
    document = segment(text)
    table = lexicon.table
    found = []
    for match in lexicon.find(document.tokens):
        start = document.tokens[match.first].start
        end = document.tokens[match.last].end
        entry = table.iloc[match.entry]
        found.append((text[start:end], entry["term"], entry["category"]))
    return found


def test_every_term_matches_itself(rows, lexicon):
    """No entry is unreachable: written out on its own, each term finds its own row."""
    unreachable = []
    for row in rows:
        term = row["term"]
        text = term[:-1] + "x" if term.endswith("*") else term
        # idioms' placeholders stand for a possessive and a reflexive pronoun
        text = re.sub(r"\bone's\b", "his", text).replace("oneself", "himself")
        tokens = tokenize(text, sentence_id=0)
        matches = lexicon.find(tokens)
        terms = [lexicon.table.iloc[m.entry]["term"] for m in matches]
        if terms != [term]:
            unreachable.append((term, terms))
    assert not unreachable, unreachable[:20]


@pytest.mark.parametrize(
    ("sentence", "surface", "category"),
    [
        ("He insinuated that the vote was rigged.", "insinuated", "doubt"),
        ("He insinuated that the vote was rigged.", "rigged", "delegitimising"),
        ("A pro-Kremlin outlet ran the story.", "pro-Kremlin", "name_calling"),
        ("They weaponized the courts.", "weaponized", "conflict"),
        ("The so-called reform passed.", "so-called", "delegitimising"),
        ("She lashed out at reporters.", "lashed out", "loaded_language"),
        ("That raised eyebrows in Brussels.", "raised eyebrows", "doubt"),
        ("It lends credence to the claim.", "lends credence", "booster"),
        (
            "He refreshed everyone’s memory about the deal.",
            "refreshed everyone’s memory",
            "factive",
        ),
        (
            "They warned of the military-industrial complex.",
            "military-industrial complex",
            "name_calling",
        ),
        ("A smear campaign, a smear campaign!", "smear campaign", "delegitimising"),
        ("He was posing as a journalist.", "posing as", "doubt"),
        ("A man was lynched.", "lynched", "loaded_language"),
        ("This may change.", "may", "hedge"),
        ("Critics called him a patriot.", "patriot", "loaded_language"),
        ("It shames us all.", "shames", "loaded_language"),
    ],
)
def test_loaded_uses_are_found(lexicon, sentence, surface, category):
    found = [(s, c) for s, _, c in _find(lexicon, sentence)]
    assert (surface, category) in found, found


def test_a_repeated_term_is_found_each_time(lexicon):
    found = _find(lexicon, "A smear campaign, a smear campaign!")
    assert [s for s, _, _ in found] == ["smear campaign", "smear campaign"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Theresa May met Loretta Lynch in May.",
        "The Patriot Act was renewed; the Patriots won.",
        "Alison Lundergan Grimes spoke at the Heller hearing.",
        "The wholesaler hired a bulldozer and an explainer.",
        "The town was spared by the storm.",
    ],
)
def test_innocent_senses_of_polysemous_words_stay_quiet(lexicon, sentence):
    assert _find(lexicon, sentence) == []

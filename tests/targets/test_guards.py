"""Gazetteer guards against false references, and user target names in any case."""

from __future__ import annotations

import pytest

import framing
from framing.targets import Gazetteer
from framing.text import segment

GAZ = Gazetteer.load()


def targets_in(text: str, gazetteer: Gazetteer = GAZ) -> list[str]:
    return gazetteer.find(segment(text))["target"].tolist()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a place named after a people, and a firm
        ("Police searched a home in Indian Village on Tuesday.", []),
        ("She flew American Airlines to Chicago.", []),
        ("The Indian Army moved north.", ["India"]),
        # a child whose surname is a country
        ("Nine-year-old Jaden Jordan was found safe on Monday.", []),
        ("In Amman, Jordan said no, and then Jordan agreed.", ["Jordan", "Jordan", "Jordan"]),
        # a dateline says where a report was filed
        ("LONDON — The prime minister resigned on Friday.", []),
        ("MOSCOW, March 3 (Reuters) - Talks resumed.", []),
        ("MOSCOW said no.", ["Russia"]),
        ("Officials in London — and in Paris — agreed.", ["United Kingdom", "France"]),
        # a newspaper's name
        ("Get The Times of Israel's Daily Edition by email.", []),
        ("Israel's cabinet met.", ["Israel"]),
        # a US state, in a title-case headline where the capital guard does not apply
        ("Flooding Hits Washington State Towns", []),
        # a language, not the state
        ("Officers are looking for two Spanish-speaking suspects.", []),
        ("Most Spanish speakers there vote.", []),
        ("The Spanish government objected.", ["Spain"]),
    ],
)
def test_false_references_are_guarded(text, kept):
    assert targets_in(text) == kept


@pytest.mark.parametrize("name", ["russia", "RUSSIA", "rUSSIA", "Russian Federation".lower()])
def test_a_packaged_target_named_in_any_case_finds_the_same_mentions(seed_path, name):
    article = framing.read_article(seed_path)
    expected = framing.analyze(article, targets=["Russia"]).target_mentions
    found = framing.analyze(article, targets=[name]).target_mentions
    assert found[["target", "start", "end"]].equals(expected[["target", "start", "end"]])


def test_a_new_name_in_lower_case_matches_as_names_are_written():
    gazetteer = Gazetteer.from_targets(["jane doe"])
    assert gazetteer.targets == ("jane doe",)
    assert targets_in("Jane Doe spoke. Later Doe left.", gazetteer) == ["jane doe", "jane doe"]

"""Bare surnames (issue 17, case 9): counted only where they are not part of another full
name, resolved to the nearest full name, by one rule that mentions and sources share."""

from __future__ import annotations

import framing
from framing.targets import nearest_full_name

TEXT = (
    "Mary Cheney said the vote was close. Liz Cheney spoke later. "
    "Dick Cheney agreed. Cheney said it was over."
)


def mentions(text: str, targets) -> list[tuple[str, str]]:
    table = framing.analyze(text, targets=targets).target_mentions
    return list(zip(table["target"], table["text"], strict=True))


def test_a_surname_inside_another_full_name_is_not_the_target():
    # "Mary Cheney" opens its sentence: "Mary" is a given name, not a word like "But".
    assert mentions(TEXT, ["Liz Cheney"]) == [("Liz Cheney", "Liz Cheney")]
    assert mentions("But Cheney said no. Liz Cheney left.", ["Liz Cheney"]) == [
        ("Liz Cheney", "Cheney"),
        ("Liz Cheney", "Liz Cheney"),
    ]


def test_a_bare_surname_is_the_nearest_full_name_before_it():
    text = "Liz Cheney spoke. Cheney said it was over. Mary Cheney replied. Cheney laughed."
    assert mentions(text, ["Liz Cheney", "Mary Cheney"]) == [
        ("Liz Cheney", "Liz Cheney"),
        ("Liz Cheney", "Cheney"),
        ("Mary Cheney", "Mary Cheney"),
        ("Mary Cheney", "Cheney"),
    ]
    # the nearest full name is someone else's: no mention of either target
    assert mentions(TEXT, ["Liz Cheney", "Mary Cheney"]) == [
        ("Mary Cheney", "Mary Cheney"),
        ("Liz Cheney", "Liz Cheney"),
    ]
    # before any full name, the first one after it; with none at all, neither target
    assert mentions("Cheney spoke first. Mary Cheney agreed.", ["Liz Cheney", "Mary Cheney"]) == [
        ("Mary Cheney", "Cheney"),
        ("Mary Cheney", "Mary Cheney"),
    ]
    assert mentions("Cheney spoke first.", ["Liz Cheney", "Mary Cheney"]) == []
    assert mentions("Cheney spoke first.", ["Liz Cheney"]) == [("Liz Cheney", "Cheney")]


def test_mentions_sources_and_stance_agree_on_who_a_surname_is():
    for targets in (["Liz Cheney"], ["Liz Cheney", "Mary Cheney"]):
        res = framing.analyze(TEXT, targets=targets)
        said = res.sources[res.sources["speaker_start"] == TEXT.rindex("Cheney said")]
        assert said["speaker"].tolist() == ["Dick Cheney"]  # not the first Cheney registered
        assert said["affiliation"].tolist() == [""]
        bare = res.target_mentions[res.target_mentions["start"] == TEXT.rindex("Cheney said")]
        assert bare.empty
        stance = res.stance.set_index("target")
        assert stance.loc["Liz Cheney", "mentions"] == 1
    text = "Liz Cheney spoke. Cheney said it was over."
    res = framing.analyze(text, targets=["Liz Cheney", "Mary Cheney"])
    said = res.sources[res.sources["speaker_start"] == text.index("Cheney said")]
    assert said["speaker"].tolist() == ["Liz Cheney"]
    assert res.target_mentions["target"].tolist() == ["Liz Cheney", "Liz Cheney"]


def test_the_shared_rule_picks_the_nearest_before_else_the_first_after():
    assert nearest_full_name([], 5) is None
    assert nearest_full_name([10, 40], 50) == 1
    assert nearest_full_name([10, 40], 20) == 0
    assert nearest_full_name([10, 40], 5) == 0


def test_a_mapping_resolves_a_shared_last_name_left_out_of_its_aliases():
    text = "Liz Cheney spoke. Cheney said it was over. Mary Cheney replied. Cheney laughed."
    assert mentions(text, {"Liz Cheney": [], "Mary Cheney": []}) == [
        ("Liz Cheney", "Liz Cheney"),
        ("Liz Cheney", "Cheney"),
        ("Mary Cheney", "Mary Cheney"),
        ("Mary Cheney", "Cheney"),
    ]

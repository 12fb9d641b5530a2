"""Gender and number of speakers, for matching "he", "she" and "they" to the right one.

A named person's gender comes from a title ("Mrs", "Sen." does not tell), a gendered role
noun ("spokeswoman", "mother"), the packaged first-name table (``lexicons/first_names``:
US Social Security data, names borne by one sex at least 95% of the time) or, later, the
pronouns the text itself uses for them. Anything else stays unknown (``None``), and an
unknown gender is compatible with either pronoun. Number is plural for "they"-like
sources: plural heads ("officials"), coordinated names ("Smith and Jones") and
organisations, which English refers to with "it" or "they".
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import cache
from importlib import resources

from framing.sources.grammar_words import word_set

__all__ = ["first_name_gender", "noun_gender", "plural_head", "title_gender"]

_MALE_TITLES = word_set("mr king prince sir lord father brother")
_FEMALE_TITLES = word_set("mrs ms miss queen princess dame lady mother sister")
_MALE_NOUNS = word_set(
    "man men father dad husband son brother uncle nephew grandfather grandson boy boyfriend "
    "king prince actor widower gentleman monk"
)
_FEMALE_NOUNS = word_set(
    "woman women mother mom mum wife daughter sister aunt niece grandmother granddaughter girl "
    "girlfriend queen princess actress widow lady nun waitress"
)
# Singular heads that end in "s" ("the press", "a boss"): not plurals.
_SINGULAR_S = word_set(
    "press boss business witness congress campus status analysis crisis bus news series species"
)


@cache
def _first_names() -> dict[str, str]:
    source = resources.files("framing.lexicons").joinpath("first_names.csv")
    with source.open(encoding="utf-8", newline="") as handle:
        return {row["name"].lower(): row["gender"] for row in csv.DictReader(handle)}


def first_name_gender(key: str) -> str | None:
    """``"f"``, ``"m"`` or None for a lower-case first name ("della" -> "f")."""
    return _first_names().get(key)


def title_gender(keys: Sequence[str]) -> str | None:
    """The gender a title before a name gives ("mr", "mrs", "congresswoman"), if any."""
    for key in keys:
        if key in _MALE_TITLES or (key.endswith("man") and key != "human"):
            return "m"
        if key in _FEMALE_TITLES or key.endswith("woman"):
            return "f"
    return None


def noun_gender(keys: Sequence[str]) -> str | None:
    """The gender of a common-noun phrase from its gendered nouns ("the spokeswoman")."""
    for key in reversed(keys):
        if key in _MALE_NOUNS or key.endswith(("spokesman", "chairman", "congressman")):
            return "m"
        if key in _FEMALE_NOUNS or key.endswith("woman"):
            return "f"
    return None


def plural_head(key: str) -> bool:
    """Whether a lower-case head noun is plural ("officials", "critics"; not "the press")."""
    return (
        key in ("people", "men", "women", "police", "staff", "children")
        or (len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is")))
    ) and key not in _SINGULAR_S

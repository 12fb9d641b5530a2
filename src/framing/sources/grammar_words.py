"""Closed-class English words that the speaker and attribution rules share.

These are grammar, not framing data, so they live in code rather than in a packaged
lexicon: pronouns, determiners, the words that end a noun phrase, and a few small sets
that several of the source modules read.
"""

from __future__ import annotations

__all__ = [
    "ADVERBIAL_STARTS",
    "CLAUSE_WORDS",
    "DASHES",
    "DETERMINERS",
    "NAME_CONNECTORS",
    "NP_PREPOSITIONS",
    "OBJECT_PRONOUNS",
    "PARTICIPLE_PREPOSITIONS",
    "POSSESSIVES",
    "QUANTIFIER_SOURCES",
    "ROLE_MODIFIERS",
    "SUBJECT_PRONOUNS",
    "TIME_SPANS",
    "TIME_WORDS",
    "is_adverb",
    "is_interjection",
    "word_set",
]


def word_set(text: str) -> frozenset[str]:
    """The set of the space-separated words of ``text``."""
    return frozenset(text.split())


def is_adverb(key: str) -> bool:
    """Whether a lower-case word looks like an "-ly" adverb ("reportedly", not "family")."""
    return len(key) > 4 and key.endswith("ly") and key not in _LY_NOT_ADVERBS


def is_interjection(keys: list[str]) -> bool:
    """Whether the words between two commas are an interjection that a clause reads past
    ("He added, though, that ...", "has, so far, refused"): one to three linking words or
    "-ly" adverbs."""
    return 0 < len(keys) <= 3 and all(k in _INTERJECTION_WORDS or is_adverb(k) for k in keys)


# The words of "however", "of course", "in fact", "so far", "for now", "at least", ...
_INTERJECTION_WORDS = word_set(
    "however though too also moreover meanwhile nonetheless nevertheless furthermore still "
    "instead again then of course in fact so far for now at least as well once more "
    "importantly"
)

# Words in -ly that are nouns or adjectives in news text ("early returns", "a daily paper").
_LY_NOT_ADVERBS = frozenset(
    {"family", "italy", "rally", "early", "daily", "weekly", "monthly", "quarterly", "yearly"}
)


SUBJECT_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "i": "1", "we": "1"}
OBJECT_PRONOUNS = {"him", "her", "them", "it", "me", "us", "you"}
POSSESSIVES = {"his": "m", "her": "f", "their": "p", "its": "n"}
DETERMINERS = word_set(
    "a an the this that these those another each every no some many most several both all any "
    "few his her its their our my your one two three four five six seven eight nine ten "
    "dozens hundreds thousands other such"
)
# Words that make up an unnamed source on their own ("many say", "others argued").
QUANTIFIER_SOURCES = word_set(
    "many some others few most several both all everyone everybody someone somebody one nobody "
    "those"
)
# Words that end a noun phrase read backwards or forwards.
CLAUSE_WORDS = word_set(
    "is are was were be been being am has have had having do does did will would can could "
    "may might must shall should and or but nor so yet that which who whom whose because "
    "although though while when where if unless since after before than whether once in on at "
    "by to from with about over under into onto during against without through between among "
    "for of per via toward towards upon like amid across behind beyond near not no never also "
    "then there here now still just even only already too very he she it they we i you me him "
    "us them himself herself itself themselves what how why what's it's he's she's they're "
    "we're despite however almost later soon often always again meanwhile moreover instead "
    "therefore thus hence earlier recently ago ever rather quite perhaps maybe"
)
# Time words: "The Times on Saturday wrote" skips "on Saturday".
TIME_WORDS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning "
    "afternoon evening night week month year weekend january february march april may june "
    "july august september october november december"
)
# Plural nouns of time, which are no speakers ("two weeks after", "in recent years").
TIME_SPANS = word_set("past time times minutes hours days weeks months years decades")
# Prepositions that may continue a noun phrase ("critics of the plan", "a spokesman for").
NP_PREPOSITIONS = frozenset({"of", "for", "at", "with", "from"})
# Prepositions after a participle inside a label ("an activist masquerading as a journalist").
PARTICIPLE_PREPOSITIONS = frozenset({"as", "like", "for", "with", "from", "on", "in", "at"})
# Modifiers that belong to a role before a name ("former Foreign Minister ...").
ROLE_MODIFIERS = word_set(
    "former acting deputy senior top chief vice assistant longtime long-time then current "
    "incoming outgoing outspoken veteran retired ex interim"
)
# Name connectors: only between two capitalised words ("Ministry of the Interior").
NAME_CONNECTORS = word_set("of for de del della da di van von der den al bin ibn la le du & the")
# Words that open an adverbial rather than a clause ("in a statement", "on Monday").
ADVERBIAL_STARTS = word_set(
    "in on at during after before to from with by about over yesterday today tonight earlier "
    "later last this recently again monday tuesday wednesday thursday friday saturday sunday "
    "when while as"
)
DASHES = frozenset({"—", "–", "-", "--", "―"})

"""Cue words that are not verbs here: nouns and participles that look like cues.

The cue table matches inflections ("claims", "ruling", "admitted"), and many of them are
also nouns ("the ruling", "unemployment claims", "a conference call") or participles
used as adjectives ("patients admitted to hospital"). :func:`is_verb_use` reads the
words around a matched cue, as a reader would, and rejects:

- an agent noun the inflection rules reach ("writer" from "write");
- "raise" with no noun of speech after it ("raised $3 million"), "supposed to";
- a cue right after a determiner ("the ruling", "a call", "these reports"), after
  "that" following a past verb ("echoed that promise"), or after a possessive 's, maybe
  with an adjective between ("Moscow's support", "the police's earlier claim"; but "he's
  claiming");
- a cue right after a preposition other than "to", unless a gerund ("in charge", "on
  record"; but "by saying");
- a cue in its base form after "a"/"an"/"each" and one or two modifiers ("a conference
  call", "a Trump-style retort", but not "a source said");
- a cue after a light verb, with or without a modifier ("raised questions", "raise new
  doubts"): the object of "raise", "make", "offer" (a noun of speech);
- a plural-looking cue followed by an auxiliary ("claims were", "worries have");
- a past participle after a common noun and before a preposition, a reduced passive
  ("patients admitted to the hospital", "documents released by officials").
"""

from __future__ import annotations

from framing.sources.grammar_words import word_set
from framing.sources.token_view import TokenView

__all__ = ["is_noun_modifier", "is_verb_use"]

_NOUN_DETERMINERS = word_set("a an the this these those each every another any no some such")
_SINGULAR_DETERMINERS = word_set("a an each every another")
_AUXILIARIES = word_set("is are was were has have had will would could can may might do did")
_AGENT_PREPOSITIONS = word_set("by to into in at from")
# Prepositions after which a cue form is a noun or a gerund, never a finite verb ("to" is
# left out: "to say" is an infinitive).
_PREPOSITIONS = word_set("in on at of for from with without by under into upon about against")
_PRONOUN_CONTRACTIONS = word_set("he she it who that there what where")  # "he's claiming"
_IRREGULAR_PAST = word_set("wrote thought felt knew swore spoke")
_NOUN_MODIFIERS = word_set(
    "earlier latest last first new recent repeated frequent initial original previous own "
    "public private early later most"
)
RAISE_REACH = 4  # words between "raise" and its noun of speech ("raised serious new doubts")
_RAISED = word_set(
    "question questions doubt doubts concern concerns objection objections alarm alarms "
    "possibility prospect issue issues point points eyebrows"
)
# What a refusal declines: "declined to comment", "declined comment", "declined the offer".
_DECLINED = word_set("to comment") | _NOUN_DETERMINERS | word_set("his her their its my our")
_DECLINED_NOUNS = word_set(
    "request requests interview interviews invitation invitations question questions offer"
)


def is_verb_use(view: TokenView, first: int, last: int, term: str) -> bool:
    """Whether the cue matched at tokens ``[first, last]`` (lexicon term ``term``) is a verb."""
    key = view.keys[first]
    if term == "decline" and not _declines_something(view, last + 1):
        return False  # "sales declined 3 percent"
    if term == "raise" and not _raises_speech(view, last + 1):
        return False  # "raised $3 million", not "raised questions about"
    following = view.keys[last + 1] if last + 1 < len(view.keys) else ""
    if term == "suppose" and following == "to":
        return False  # "the war was supposed to be over"
    if key.endswith(("er", "ers")) and not term.endswith(("er", "ers")):
        return False  # "writer", "announcer", "contender"
    owned = first - 1
    while owned > 0 and first - owned <= 2 and is_noun_modifier(view.keys[owned]):
        owned -= 1  # "Tulsa police's earlier claim", "Trump's latest remarks"
    if (
        owned >= 1
        and view.keys[owned] == "'s"
        and view.keys[owned - 1] not in _PRONOUN_CONTRACTIONS
    ):
        return False  # "Moscow's support", "Trump's claim": a possessed noun
    previous = view.keys[first - 1] if first > 0 else ""
    if (
        previous in _NOUN_DETERMINERS
        and view.tokens[first - 1].sentence_id == view.tokens[first].sentence_id
    ):
        return False
    if previous == "that" and first >= 2 and _past(view.keys[first - 2]):
        return False  # "he echoed that promise", "said that claims ...": "that" is no relative
    if (
        previous in _PREPOSITIONS
        and not key.endswith("ing")
        and view.tokens[first - 1].sentence_id == view.tokens[first].sentence_id
    ):
        return False  # "the officer in charge", "on record", "without comment"
    lo = view.bounds(first)[0]
    for back in (2, 3):
        j = first - back
        if j < lo or _past(key) or not _plain_modifiers(view, j + 1, first):
            continue
        if key == term and view.keys[j] in _SINGULAR_DETERMINERS:
            return False  # "a conference call", "a Trump-style retort" (not "a source said")
    for back in (1, 2):
        j = first - back
        if j >= lo and view.tags[j] == "light_verb" and _plain_modifiers(view, j + 1, first):
            return False  # "raised questions", "raise new doubts": the light verb's object
    after = last + 1
    following = view.keys[after] if after < len(view.keys) else ""
    if (
        key.endswith("s")
        and not key.endswith("ss")
        and following in _AUXILIARIES
        and _common_noun(view, first - 1, lo)
    ):
        return False  # "unemployment claims were", "health worries have"
    return not (
        key.endswith("ed")
        and following in _AGENT_PREPOSITIONS
        and _common_noun(view, first - 1, lo)
        and view.keys[first - 1].endswith("s")
    )  # "patients admitted to the hospital"


def is_noun_modifier(key: str) -> bool:
    """Whether ``key`` is an adjective that only stands before a noun here ("earlier",
    "latest"), not a noun that may head a subject ("Trump's lawyer claims")."""
    return key in _NOUN_MODIFIERS or (key.endswith("est") and len(key) > 5)


def _plain_modifiers(view: TokenView, first: int, end: int) -> bool:
    """Whether tokens ``[first, end)`` are plain modifiers: content words outside names
    (a hyphenated compound may hold one: "a Trump-style retort") and outside the
    speaker-word table ("lingering", "new"; not "senator", not "Clinton")."""
    return all(
        view.content_word(k)
        and (view.chunk_of[k] == -1 or "-" in view.keys[k])
        and view.tags[k] is None
        for k in range(first, end)
    )


def _raises_speech(view: TokenView, after: int) -> bool:
    """Whether a noun of speech follows "raise" within a few words ("raised concerns",
    "raise new questions about"), as opposed to money, taxes or children."""
    return any(
        view.tags[i] == "speech_noun" or view.keys[i] in _RAISED
        for i in range(after, min(after + RAISE_REACH, len(view.keys)))
    )


def _declines_something(view: TokenView, after: int) -> bool:
    """Whether "decline" refuses what follows it rather than falls ("declined to comment",
    "declined repeated requests"; not "declined 3 percent", "declined sharply")."""
    keys = view.keys[after : after + 3]
    if not keys:
        return False
    return keys[0] in _DECLINED or any(key in _DECLINED_NOUNS for key in keys)


def _past(key: str) -> bool:
    return key.endswith("d") or key in _IRREGULAR_PAST


def _common_noun(view: TokenView, i: int, lo: int) -> bool:
    """Whether token ``i`` may be a common noun (a content word, not in a name)."""
    return i >= lo and view.content_word(i) and view.chunk_of[i] == -1 and view.tags[i] is None

"""Coreference of speakers: who each speaker phrase refers to, resolved in text order.

:class:`Resolver` registers the named people and organisations of a document, then turns
phrases into :class:`Speaker` values as the text goes: a later "Lavrov" or "the
minister" is the same person as "Russian Foreign Minister Sergey Lavrov", "he" is the
most recent compatible named speaker, and an unnamed phrase is typed by its words
(``anonymous`` for "a senior official", ``media``, ``document``, ``organisation``, else
``labelled`` for a description such as "a pro-Ukrainian activist").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from framing.sources.gender import noun_gender, plural_head
from framing.sources.grammar_words import (
    POSSESSIVES,
    QUANTIFIER_SOURCES,
    SUBJECT_PRONOUNS,
    word_set,
)
from framing.sources.speakers import SPEAKER_PREPOSITIONS, Phrase
from framing.sources.token_view import TokenView
from framing.targets import nearest_full_name

__all__ = ["Entity", "Resolver", "Speaker"]

# A name followed by one of these is the subject of its clause ("Nesma Hajjaj was ..."):
# a person the text introduces, whom a later "she" may mean although she has not spoken.
_INTRODUCING_VERBS = word_set("is was has had 's says said told")
# How far back ("the minister", "he") a phrase looks for its entity: the last this many
# speakers, introduced people and named mentions. Real articles name far fewer; the bound
# keeps a huge text linear instead of rescanning every earlier entity per phrase.
_LOOKBACK = 100


@dataclass(slots=True)
class Entity:
    """A named speaker: its full name, kind, role and (when known) gender."""

    name: str
    kind: str
    role: str = ""
    gender: str | None = None
    key: str = ""
    plural: bool = False  # "officials", "Smith and Jones": a "they"


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a phrase refers to: ``name`` (the label for unnamed sources), type and role."""

    name: str
    type: str
    role: str = ""
    entity: Entity | None = None


@dataclass
class Resolver:
    """Resolve phrases to speakers in text order; remembers who spoke last.

    Parameters
    ----------
    view : TokenView
    is_place : callable
        ``is_place(name)`` is true for a name the gazetteer knows as a country or place
        (such a speaker is a government: ``organisation``).
    """

    view: TokenView
    is_place: Callable[[str], bool] = lambda name: False
    # The answers of an interview transcript ("A: I think ..."): their "I" is the interviewee.
    answers: list[tuple[int, int]] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    # Last name -> where full names ending in it are mentioned, and whose they are.
    surnames: dict[str, tuple[list[int], list[Entity]]] = field(default_factory=dict)
    spoken: list[tuple[int, Entity]] = field(default_factory=list)
    _mentions: list[tuple[int, Entity]] = field(default_factory=list)
    _mention_starts: list[int] = field(default_factory=list)
    _subjects: list[tuple[int, Entity]] = field(default_factory=list)
    _subject_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        view = self.view
        for chunk_id, chunk in enumerate(view.chunks):
            if view.quote_of[chunk.first] == -1:
                entity = self._register(chunk_id)
                if entity is not None:
                    start = view.tokens[chunk.first].start
                    self._mentions.append((start, entity))
                    after = chunk.last + 1
                    if after < len(view.keys) and view.keys[after] in _INTRODUCING_VERBS:
                        self._subjects.append((start, entity))  # "Nesma Hajjaj was ..."
        self._mention_starts = [start for start, _ in self._mentions]
        self._subject_starts = [start for start, _ in self._subjects]

    # registry
    def _register(self, chunk_id: int) -> Entity | None:
        chunk = self.view.chunks[chunk_id]
        name_tokens = range(chunk.name_first, chunk.last + 1)
        key = " ".join(self.view.keys[i] for i in name_tokens)
        at = self.view.tokens[chunk.name_first].start
        if chunk.kind == "unknown":
            return self.entities.get(key) or self._by_surname(key, at)
        entity = self.entities.get(key)
        role = (
            self.view.text(chunk.first, chunk.name_first - 1)
            if chunk.name_first > chunk.first
            else ""
        )
        if entity is None and chunk.kind == "person" and len(name_tokens) > 1:
            entity = self._by_surname(key, at)  # "Wasserman Schultz" after "Debbie W. S."
        if entity is None:
            name = self.view.text(chunk.name_first, chunk.last)
            entity = Entity(name, chunk.kind, role, chunk.gender, key)
            self.entities[key] = entity
        elif role and not entity.role:
            entity.role = role
        if chunk.kind == "person" and len(name_tokens) > 1:
            starts, named = self.surnames.setdefault(self.view.keys[chunk.last], ([], []))
            starts.append(at)
            named.append(entity)
        entity.gender = entity.gender or chunk.gender
        return entity

    def _by_surname(self, key: str, at: int) -> Entity | None:
        """The person a bare last name at ``at`` refers to: the rule of target mentions
        (:func:`framing.targets.nearest_full_name`), so that both tables agree. A last
        name of two words ("Wasserman Schultz") is a full name that ends with both."""
        starts, named = self.surnames.get(key.rsplit(" ", 1)[-1], ((), ()))
        if " " in key:
            kept = [i for i, e in enumerate(named) if e.key.endswith(" " + key)]
            starts, named = [starts[i] for i in kept], [named[i] for i in kept]
        index = nearest_full_name(starts, at)
        return None if index is None else named[index]

    def entity_of_chunk(self, chunk_id: int) -> Entity:
        """The entity a name chunk refers to, registering an unknown single name on use."""
        chunk = self.view.chunks[chunk_id]
        key = " ".join(self.view.keys[i] for i in range(chunk.name_first, chunk.last + 1))
        at = self.view.tokens[chunk.name_first].start
        entity = self.entities.get(key) or self._by_surname(key, at)
        if entity is None:
            name = self.view.text(chunk.name_first, chunk.last)
            kind = "organisation" if self.is_place(name) else "person"
            if chunk.kind != "unknown":
                kind = chunk.kind
            entity = Entity(name, kind, "", chunk.gender, key)
            self.entities[key] = entity
        return entity

    # resolution
    def resolve(self, phrase: Phrase) -> Speaker | None:
        """The speaker a phrase refers to, or None for the author ("I", "we")."""
        view = self.view
        if phrase.form in ("pronoun", "possessive"):
            return self._pronoun(view.keys[phrase.first], view.tokens[phrase.first].start)
        if phrase.coordinated:  # "Smith and Jones", "the University and College Union"
            first = phrase.first + (view.keys[phrase.first] in ("the", "a", "an"))
            label = view.text(first, phrase.last)
            kind = view.chunks[phrase.chunk].kind if phrase.chunk != -1 else "person"
            entity = self.entities.setdefault(label.lower(), Entity(label, kind, key=label.lower()))
            entity.plural = kind == "person"
            return Speaker(label, _speaker_type(entity.kind), entity.role, entity)
        if phrase.chunk != -1 and phrase.form == "name":
            entity = self.entity_of_chunk(phrase.chunk)
            chunk = view.chunks[phrase.chunk]
            if phrase.first < chunk.name_first and not entity.role:
                entity.role = view.text(phrase.first, chunk.name_first - 1)
            self._apposition(entity, phrase)
            return Speaker(entity.name, _speaker_type(entity.kind), entity.role, entity)
        return self._noun(phrase)

    def heard(self, speaker: Speaker | None, at: int) -> None:
        """Record that ``speaker`` spoke, named at offset ``at`` (pronouns then prefer it)."""
        if speaker is None:
            return
        if speaker.entity is not None:
            self.spoken.append((at, speaker.entity))
        elif speaker.type in ("anonymous", "labelled"):
            words = speaker.name.lower().split()
            if words and words[0] not in ("he", "she", "they", "it"):
                head = _head_words(words)
                entity = Entity(speaker.name, speaker.type, "", noun_gender(head))
                entity.plural = plural_head(head[-1])  # "officials ... they"
                self.spoken.append((at, entity))  # "a senior official ... he"

    def _pronoun(self, key: str, at: int) -> Speaker | None:
        person = SUBJECT_PRONOUNS.get(key) or POSSESSIVES.get(key)
        if person == "1":
            return self._interviewee(key, at)
        if person in ("m", "f"):
            entity = self._recent_person(person, at)
            if entity is None:
                return Speaker(key, "person")  # unresolved rather than wrong
            entity.gender = entity.gender or person
            return Speaker(entity.name, _speaker_type(entity.kind), entity.role, entity)
        for _, entity in reversed(self.spoken[-5:]):
            if _fits_non_person(entity, person):
                return Speaker(entity.name, _speaker_type(entity.kind), entity.role, entity)
        return Speaker(key, "anonymous" if person == "p" else "organisation")

    def _interviewee(self, key: str, at: int) -> Speaker | None:
        """Who "I" is at offset ``at``: the author (None), or inside an interview's answer
        the person the text introduces most before the first answer (its interviewee)."""
        index = bisect_left(self.answers, (at, at)) - 1
        if index < 0 or at >= self.answers[index][1]:
            return None
        entity = self._interviewee_entity
        if entity is None:
            return Speaker(key, "person")  # an interviewee the text does not name
        return Speaker(entity.name, "person", entity.role, entity)

    @cached_property
    def _interviewee_entity(self) -> Entity | None:
        """The person the text names most before its first answer, once per document."""
        counts: dict[str, tuple[int, Entity]] = {}
        for start, entity in self._mentions:
            if start >= self.answers[0][0]:
                break
            if entity.kind == "person":
                counts[entity.name] = (counts.get(entity.name, (0, entity))[0] + 1, entity)
        return max(counts.values(), key=lambda c: c[0])[1] if counts else None

    def _recent_person(self, gender: str, at: int) -> Entity | None:
        """The most recent compatible named speaker or introduced person ("X was ..."),
        else named person, else unnamed speaker ("a senior official"); None when no
        candidate fits."""
        recent = self.spoken[-_LOOKBACK:]
        spoken = next(
            ((start, e) for start, e in reversed(recent) if _fits(e, gender, ("person",))),
            None,
        )
        index = bisect_left(self._subject_starts, at)
        subject = next(
            (
                self._subjects[i]
                for i in range(index - 1, max(index - 1 - _LOOKBACK, -1), -1)
                if _fits(self._subjects[i][1], gender, ("person",))
            ),
            None,
        )
        if spoken is not None or subject is not None:
            return max((c for c in (spoken, subject) if c is not None), key=lambda c: c[0])[1]
        for entity in self._mentioned_before(at):
            if _fits(entity, gender, ("person",)):
                return entity
        for _, entity in reversed(recent):
            if _fits(entity, gender, ("anonymous", "labelled")):
                return entity  # "A senior official said ... She added"
        return None

    def _mentioned_before(self, at: int) -> Iterator[Entity]:
        """Entities named before offset ``at``, the most recent first (at most _LOOKBACK)."""
        index = bisect_left(self._mention_starts, at)
        for position in range(index - 1, max(index - 1 - _LOOKBACK, -1), -1):
            yield self._mentions[position][1]

    def _noun(self, phrase: Phrase) -> Speaker:
        view = self.view
        label = view.text(phrase.first, phrase.last)
        tag = view.noun_tag(*(phrase.head or (phrase.first, phrase.last)))
        if tag == "role" and view.keys[phrase.first] == "the":
            entity = self._by_role(phrase)
            if entity is not None:
                return Speaker(entity.name, "person", entity.role, entity)
        if tag in ("role", "anonymous") or (
            phrase.first == phrase.last and view.keys[phrase.first] in QUANTIFIER_SOURCES
        ):
            return Speaker(label, "anonymous")
        if tag in ("media", "media_name", "document", "organisation"):
            return Speaker(label, _speaker_type(tag))
        if tag is None and phrase.first == phrase.last and view.capitalised(phrase.first):
            # A lone capitalised word that is no common source noun opens its sentence
            # ("Lavrov said"): a name, which a later "he" may refer back to.
            kind = "organisation" if self.is_place(label) else "person"
            entity = self.entities.setdefault(
                view.keys[phrase.first], Entity(label, kind, "", None, view.keys[phrase.first])
            )
            return Speaker(entity.name, _speaker_type(entity.kind), entity.role, entity)
        return Speaker(label, "labelled")

    def _by_role(self, phrase: Phrase) -> Entity | None:
        view = self.view
        words = {
            view.keys[i] for i in range(phrase.first, phrase.last + 1) if view.tags[i] == "role"
        }
        for _, entity in reversed(self.spoken[-_LOOKBACK:]):
            if words & set(entity.role.lower().split()):
                return entity
        for entity in self._mentioned_before(view.tokens[phrase.first].start):
            if words & set(entity.role.lower().split()):
                return entity
        return None

    def _apposition(self, entity: Entity, phrase: Phrase) -> None:
        if phrase.appositive is None:
            return
        first, last = phrase.appositive
        entity.gender = entity.gender or noun_gender(self.view.keys[first : last + 1])
        if entity.role:
            return
        if any(self.view.tags[i] == "role" for i in range(first, last + 1)):
            entity.role = self.view.text(first, last)  # "the Labour MP for Newcastle Central"


def _head_words(words: list[str]) -> list[str]:
    """The words of a noun phrase before its first preposition: "officials" of "officials
    at the ministry", whose number and gender are the phrase's."""
    for i, word in enumerate(words[1:], start=1):
        if word in SPEAKER_PREPOSITIONS:
            return words[:i]
    return words


def _fits(entity: Entity, gender: str, kinds: tuple[str, ...]) -> bool:
    """Whether "he" (``m``) or "she" (``f``) can refer to ``entity`` (one of ``kinds``)."""
    return entity.kind in kinds and not entity.plural and entity.gender in (None, gender)


def _fits_non_person(entity: Entity, person: str | None) -> bool:
    """Whether "they" (``p``) or "it" (``n``) can refer to ``entity``."""
    if entity.kind in ("organisation", "media", "document"):
        return True
    return person == "p" and entity.plural


def _speaker_type(kind: str) -> str:
    return {"media_name": "media", "unknown": "person"}.get(kind, kind)

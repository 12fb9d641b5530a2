"""Speaker phrases: where a speaker is named, what kind of speaker it is, and who it is.

This module knows noun phrases, not attributions: :mod:`framing.sources` finds a cue
("said", "according to") and asks here for the phrase before or after it. Three steps:

1. :class:`TokenView` tags every token once: the category of the packaged
   ``source_terms`` lexicon that covers it (role, anonymous, media, document, ...), and
   the capitalised name chunk it belongs to ("Russian Foreign Minister Sergey Lavrov").
2. :func:`phrase_before` / :func:`phrase_after` read a speaker phrase backwards from a
   cue or forwards from it, with a few rules of English noun-phrase shape (determiners
   open a phrase, "of"/"for"/"with" continue one, clause words end it).
3. :class:`Resolver` turns phrases into speakers in text order: a later "Lavrov" or "the
   minister" is the same person as "Russian Foreign Minister Sergey Lavrov", and "he"
   is the most recent compatible named speaker.

No part of this parses syntax; the rules are heuristics with known limits (a speaker
inside a relative clause, coordinated speakers), chosen to be fast and explainable.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from framing.lexicon import Lexicon
from framing.text import Document, Token, is_word

__all__ = [
    "Entity",
    "Phrase",
    "Resolver",
    "Speaker",
    "TokenView",
    "affiliation_lookup",
    "cue_lexicon",
    "phrase_after",
    "phrase_before",
    "source_terms",
]

# -- closed-class words (grammar, not framing data) ---------------------------------------


def word_set(text: str) -> frozenset[str]:
    """The set of the space-separated words of ``text``."""
    return frozenset(text.split())


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
    "many some others few most several both all everyone everybody someone somebody one nobody"
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
NOUN_TAGS = ("anonymous", "role", "media", "media_name", "document", "organisation")
MAX_PHRASE = 12


@cache
def cue_lexicon() -> Lexicon:
    """The packaged cue-verb table (``lexicons/cue_verbs.csv``)."""
    return Lexicon.load("cue_verbs")


@cache
def source_terms() -> Lexicon:
    """The packaged speaker-word table (``lexicons/source_terms.csv``)."""
    return Lexicon.load("source_terms")


# -- per-token view ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of capitalised tokens ``[first, last]``; ``name_first`` starts the name proper."""

    first: int
    last: int
    name_first: int
    kind: str  # person, organisation, media, unknown
    gender: str | None


class TokenView:
    """Tokens of a document with the facts the speaker rules need, computed once.

    Parameters
    ----------
    document : Document
    quote_of : sequence of int
        For each token, the index of the outermost quote whose span holds it, or -1.
    """

    def __init__(self, document: Document, quote_of: Sequence[int]) -> None:
        self.document = document
        self.tokens: tuple[Token, ...] = document.tokens
        self.keys = [t.key for t in self.tokens]
        self.words = [is_word(t) for t in self.tokens]
        self.caps = [
            w and t.text[0].isupper() and t.text != "I"
            for t, w in zip(self.tokens, self.words, strict=True)
        ]
        self.quote_of = quote_of
        self.tags, self.term_of = _tag_tokens(self.tokens)
        self.sentence_first, self.sentence_end = _sentence_bounds(document)
        self.chunks: list[Chunk] = []
        self.chunk_of = [-1] * len(self.tokens)
        self._find_chunks()

    # token predicates
    def word(self, i: int) -> bool:
        return self.words[i]

    def capitalised(self, i: int) -> bool:
        return self.caps[i]

    def content_word(self, i: int) -> bool:
        """A word that can sit inside a noun phrase (not a clause word, not an adverb)."""
        key = self.keys[i]
        return self.word(i) and key not in CLAUSE_WORDS and not _adverb(key)

    def bounds(self, i: int) -> tuple[int, int]:
        """The token range ``[first, end)`` of the sentence holding token ``i``."""
        sentence = self.tokens[i].sentence_id
        return self.sentence_first[sentence], self.sentence_end[sentence]

    @cached_property
    def surnames(self) -> frozenset[str]:
        """Last words of multi-word person names ("lavrov"), which name them alone."""
        return frozenset(
            self.keys[chunk.last]
            for chunk in self.chunks
            if chunk.kind == "person" and chunk.last > chunk.name_first
        )

    def text(self, first: int, last: int) -> str:
        return self.document.text[self.tokens[first].start : self.tokens[last].end]

    def noun_tag(self, first: int, last: int) -> str | None:
        """The category of the first noun-like tagged token of a phrase, if any."""
        for i in range(first, last + 1):
            if self.tags[i] in NOUN_TAGS:
                return self.tags[i]
        return None

    # name chunks
    def _find_chunks(self) -> None:
        seen_inside = {
            self.keys[i]
            for i in range(len(self.tokens))
            if self.capitalised(i) and i > self.sentence_first[self.tokens[i].sentence_id]
        }
        n = len(self.tokens)
        i = 0
        while i < n:
            if not self._may_start_name(i, seen_inside):
                i += 1
                continue
            last = i
            j = i + 1
            while j < n and self.tokens[j].sentence_id == self.tokens[i].sentence_id:
                if self.capitalised(j) and self.quote_of[j] == self.quote_of[i]:
                    last = j
                    j += 1
                elif self._connects(j, n):
                    j += 1
                else:
                    break
            self._add_chunk(i, last)
            i = last + 1

    def _may_start_name(self, i: int, seen_inside: set[str]) -> bool:
        if not self.capitalised(i) or self.keys[i] in CLAUSE_WORDS:
            return False
        first = self.sentence_first[self.tokens[i].sentence_id]
        if i > first:
            return True
        if self.tags[i] == "honorific":
            return True
        if self.keys[i] in DETERMINERS or self.keys[i] in QUANTIFIER_SOURCES:
            return False
        following = i + 1 < len(self.tokens) and self.capitalised(i + 1)
        return following or self.keys[i] in seen_inside

    def _connects(self, j: int, n: int) -> bool:
        """A connector between capitalised words, or the full stop of an initial or title."""
        if j + 1 >= n or not self.capitalised(j + 1):
            return False
        if self.keys[j] in NAME_CONNECTORS:
            return True
        previous = self.tokens[j - 1]
        return self.keys[j] == "." and (len(previous.text) == 1 or self.tags[j - 1] == "honorific")

    def _add_chunk(self, first: int, last: int) -> None:
        name_first = first
        for i in range(first, last + 1):
            if self.tags[i] in ("role", "honorific") or self.keys[i] == ".":
                name_first = i + 1
        while name_first <= last and not self.capitalised(name_first):
            name_first += 1
        kind = _chunk_kind(self.tags[first : last + 1], last - first + 1, name_first > first)
        if name_first > last and kind == "person":
            return  # a bare title ("Foreign Minister"): a role, not a name
        gender = _gender([self.keys[i] for i in range(first, name_first)])
        chunk_id = len(self.chunks)
        self.chunks.append(Chunk(first, last, min(name_first, last), kind, gender))
        for i in range(first, last + 1):
            self.chunk_of[i] = chunk_id


def _chunk_kind(tags: Sequence[str | None], length: int, has_title: bool) -> str:
    if tags[-1] in ("media", "media_name"):
        return "media"
    if "organisation" in tags and not has_title:
        return "organisation"
    if has_title or length > 1:
        return "person"
    return "unknown"


def _gender(keys: Sequence[str]) -> str | None:
    for key in keys:
        if key in ("mr", "king", "prince", "sir", "lord") or key.endswith("man"):
            return "m"
        if key in ("mrs", "ms", "miss", "queen", "princess", "dame", "lady") or key.endswith(
            "woman"
        ):
            return "f"
    return None


def _adverb(key: str) -> bool:
    return len(key) > 4 and key.endswith("ly") and key not in {"family", "italy", "rally", "ally"}


@cache
def _term_categories() -> tuple[str, ...]:
    return tuple(source_terms().table["category"])


def _tag_tokens(tokens: Sequence[Token]) -> tuple[list[str | None], list[int]]:
    """Each token's ``source_terms`` category, and the number of the match holding it."""
    categories = _term_categories()
    tags: list[str | None] = [None] * len(tokens)
    term_of = [-1] * len(tokens)
    for number, match in enumerate(source_terms().find(tokens)):
        for i in range(match.first, match.last + 1):
            tags[i] = categories[match.entry]
            term_of[i] = number
    return tags, term_of


def _sentence_bounds(document: Document) -> tuple[list[int], list[int]]:
    n = len(document.sentences)
    first = [0] * n
    end = [0] * n
    previous = -1
    for i, token in enumerate(document.tokens):
        if token.sentence_id != previous:
            first[token.sentence_id] = i
            previous = token.sentence_id
        end[token.sentence_id] = i + 1
    return first, end


# -- phrases -------------------------------------------------------------------------------


@dataclass(slots=True)
class Phrase:
    """A speaker phrase: tokens ``[first, last]``.

    ``form`` is ``pronoun``, ``name`` (it holds a capitalised name chunk), ``possessive``
    (his/her/their) or ``noun`` (a common-noun phrase: "a senior official").
    ``appositive`` is the token range of a comma-bracketed description, if any.
    """

    first: int
    last: int
    form: str
    chunk: int = -1
    appositive: tuple[int, int] | None = None


def phrase_before(view: TokenView, last: int, lo: int) -> Phrase | None:
    """The speaker phrase ending at token ``last`` (not reaching before token ``lo``)."""
    if last < lo or view.quote_of[last] != -1:
        return None
    key = view.keys[last]
    if key == ")":
        return _before_parenthesis(view, last, lo)
    if key in SUBJECT_PRONOUNS:
        return Phrase(last, last, "pronoun")
    if key in POSSESSIVES:
        return Phrase(last, last, "possessive")
    if key in QUANTIFIER_SOURCES and (last == lo or not view.content_word(last - 1)):
        return Phrase(last, last, "noun")
    if not view.content_word(last):
        return None
    if view.chunk_of[last] != -1:
        return _name_phrase_before(view, view.chunk_of[last], lo)
    return _noun_phrase_before(view, last, lo)


def _before_parenthesis(view: TokenView, close: int, lo: int) -> Phrase | None:
    """ "Rep. Jim Jordan (R-Ohio)": the phrase before a short parenthesis, which it includes."""
    opening = close - 1
    while opening >= lo and close - opening <= 8 and view.keys[opening] != "(":
        opening -= 1
    if opening < lo or view.keys[opening] != "(":
        return None
    phrase = phrase_before(view, opening - 1, lo)
    if phrase is not None and phrase.form in ("name", "noun"):
        phrase.last = close
        return phrase
    return None


def _name_phrase_before(view: TokenView, chunk_id: int, lo: int) -> Phrase:
    chunk = view.chunks[chunk_id]
    first = max(chunk.first, lo)
    while first - 1 >= lo and view.quote_of[first - 1] == -1:
        previous = first - 1
        if view.tags[previous] in ("role", "anonymous", "honorific") or (
            view.keys[previous] in ROLE_MODIFIERS
        ):
            first = previous
        elif view.capitalised(previous) and view.tags[first] in ("role", "anonymous"):
            first = previous  # "Foreign Ministry spokeswoman Maria Zakharova"
            if view.chunk_of[first] != -1:
                first = max(view.chunks[view.chunk_of[first]].first, lo)
        elif view.keys[previous] == "'s" and previous - 1 >= lo and first < chunk.first:
            first = previous - 1  # "Clinton's campaign manager John Podesta"
            if view.chunk_of[first] != -1:
                first = max(view.chunks[view.chunk_of[first]].first, lo)
        else:
            break
    if first - 1 >= lo and view.keys[first - 1] in ("the", "a", "an"):
        first -= 1
    if _continues_across_preposition(view, first, lo):
        head = _noun_phrase_before(view, first - 2, lo)
        if head is not None and view.noun_tag(head.first, head.last) is not None:
            return Phrase(head.first, chunk.last, "noun")  # "a spokesman for the Kremlin"
    return Phrase(first, chunk.last, "name", chunk_id)


def _noun_phrase_before(view: TokenView, last: int, lo: int) -> Phrase | None:
    first = last
    while first - 1 >= lo and last - first < MAX_PHRASE and view.quote_of[first - 1] == -1:
        previous = first - 1
        key = view.keys[previous]
        if key in DETERMINERS or key in POSSESSIVES:
            first = previous
            if not _continues_across_preposition(view, first, lo):
                break
            first -= 1
        elif (
            key == "'s"
            or view.content_word(previous)
            or key in ("-", "‐")
            or _continues_across_preposition(view, first, lo)
        ):
            first = previous
        else:
            break
    if not any(view.word(i) and view.keys[i] not in DETERMINERS for i in range(first, last + 1)):
        return None
    return Phrase(first, last, "noun")


def _continues_across_preposition(view: TokenView, first: int, lo: int) -> bool:
    """Whether the phrase starting at ``first`` continues leftwards across a preposition."""
    preposition = first - 1
    head = first - 2
    if head < lo or view.quote_of[head] != -1:
        return False
    key = view.keys[preposition]
    if key in NP_PREPOSITIONS and (view.tags[head] in NOUN_TAGS or view.capitalised(head)):
        return True
    if key == "by" and view.tags[head] == "document":
        return True  # "a report by the Pentagon"
    return (
        key in PARTICIPLE_PREPOSITIONS
        and view.keys[head].endswith("ing")
        and head - 1 >= lo
        and view.content_word(head - 1)
    )


def phrase_after(
    view: TokenView, first: int, hi: int, *, stop_at_determiner: bool = True
) -> Phrase | None:
    """The phrase starting at token ``first`` (before token ``hi``): a subject or an object."""
    if first >= hi or view.quote_of[first] != -1:
        return None
    key = view.keys[first]
    if key in SUBJECT_PRONOUNS or key in OBJECT_PRONOUNS:
        return Phrase(first, first, "pronoun")
    if key == "that":
        return None
    last = first - 1
    j = first
    seen_content = False
    chunk = -1
    while j < hi and j - first < MAX_PHRASE and view.quote_of[j] == -1:
        key = view.keys[j]
        if view.chunk_of[j] != -1:
            chunk = view.chunk_of[j]
            last = j = min(view.chunks[chunk].last, hi - 1)
            j += 1
            seen_content = True
        elif key in DETERMINERS or key in POSSESSIVES:
            if seen_content and stop_at_determiner and view.keys[j - 1] not in NP_PREPOSITIONS:
                break
            j += 1
        elif key == "'s" and seen_content:
            last = j
            j += 1
        elif view.content_word(j):
            last = j
            j += 1
            seen_content = True
        elif key in NP_PREPOSITIONS and seen_content and j + 1 < hi and view.word(j + 1):
            j += 1
        else:
            break
    if not seen_content or last < first:
        return None
    if last + 1 < hi and view.keys[last + 1] == "(":
        close = last + 2
        while close < hi and close - last <= 8 and view.keys[close] != ")":
            close += 1
        if close < hi and view.keys[close] == ")":
            last = close  # "said Rep. Jim Jordan (R-Ohio)"
    form = "name" if chunk != -1 else "noun"
    return Phrase(first, last, form, chunk)


# -- speakers ------------------------------------------------------------------------------


@dataclass(slots=True)
class Entity:
    """A named speaker: its full name, kind, role and (when known) gender."""

    name: str
    kind: str
    role: str = ""
    gender: str | None = None
    key: str = ""


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
    entities: dict[str, Entity] = field(default_factory=dict)
    surnames: dict[str, Entity] = field(default_factory=dict)
    spoken: list[Entity] = field(default_factory=list)
    _mentions: list[tuple[int, Entity]] = field(default_factory=list)
    _mention_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        for chunk_id, chunk in enumerate(self.view.chunks):
            if self.view.quote_of[chunk.first] == -1:
                entity = self._register(chunk_id)
                if entity is not None:
                    self._mentions.append((self.view.tokens[chunk.first].start, entity))
        self._mention_starts = [start for start, _ in self._mentions]

    # registry
    def _register(self, chunk_id: int) -> Entity | None:
        chunk = self.view.chunks[chunk_id]
        name_tokens = range(chunk.name_first, chunk.last + 1)
        key = " ".join(self.view.keys[i] for i in name_tokens)
        if chunk.kind == "unknown":
            return self.entities.get(key) or self.surnames.get(key)
        entity = self.entities.get(key)
        role = (
            self.view.text(chunk.first, chunk.name_first - 1)
            if chunk.name_first > chunk.first
            else ""
        )
        if entity is None:
            name = self.view.text(chunk.name_first, chunk.last)
            entity = Entity(name, chunk.kind, role, chunk.gender, key)
            self.entities[key] = entity
            if chunk.kind == "person" and len(name_tokens) > 1:
                self.surnames.setdefault(self.view.keys[chunk.last], entity)
        elif role and not entity.role:
            entity.role = role
        entity.gender = entity.gender or chunk.gender
        return entity

    def entity_of_chunk(self, chunk_id: int) -> Entity:
        """The entity a name chunk refers to, registering an unknown single name on use."""
        chunk = self.view.chunks[chunk_id]
        key = " ".join(self.view.keys[i] for i in range(chunk.name_first, chunk.last + 1))
        entity = self.entities.get(key) or self.surnames.get(key)
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
        if phrase.chunk != -1 and phrase.form == "name":
            entity = self.entity_of_chunk(phrase.chunk)
            chunk = view.chunks[phrase.chunk]
            if phrase.first < chunk.name_first and not entity.role:
                entity.role = view.text(phrase.first, chunk.name_first - 1)
            self._apposition(entity, phrase)
            return Speaker(entity.name, _speaker_type(entity.kind), entity.role, entity)
        return self._noun(phrase)

    def heard(self, speaker: Speaker | None) -> None:
        """Record that ``speaker`` spoke (pronouns then prefer it)."""
        if speaker is None:
            return
        if speaker.entity is not None:
            self.spoken.append(speaker.entity)
        elif speaker.type in ("anonymous", "labelled") and _singular(speaker.name):
            self.spoken.append(Entity(speaker.name, speaker.type))  # "a senior official ... he"

    def _pronoun(self, key: str, at: int) -> Speaker | None:
        person = SUBJECT_PRONOUNS.get(key) or POSSESSIVES.get(key)
        if person == "1":
            return None
        if person in ("m", "f"):
            entity = self._recent_person(person, at)
            if entity is None:
                return Speaker(key, "person")
            entity.gender = entity.gender or person
            return Speaker(entity.name, _speaker_type(entity.kind), entity.role, entity)
        for entity in reversed(self.spoken[-5:]):
            if entity.kind in ("organisation", "media") and (person == "n" or key == "they"):
                return Speaker(entity.name, _speaker_type(entity.kind), entity.role, entity)
        return Speaker(key, "anonymous" if person == "p" else "organisation")

    def _recent_person(self, gender: str, at: int) -> Entity | None:
        """The most recent compatible named speaker, else named person, else unnamed speaker."""
        for entity in reversed(self.spoken):
            if entity.kind == "person" and entity.gender in (None, gender):
                return entity
        for entity in self._mentioned_before(at):
            if entity.kind == "person" and entity.gender in (None, gender):
                return entity
        for entity in reversed(self.spoken):
            if entity.kind in ("anonymous", "labelled") and entity.gender in (None, gender):
                return entity  # "A senior official said ... She added"
        return None

    def _mentioned_before(self, at: int) -> Iterator[Entity]:
        """Entities named before offset ``at``, the most recent first."""
        index = bisect_left(self._mention_starts, at)
        for position in range(index - 1, -1, -1):
            yield self._mentions[position][1]

    def _noun(self, phrase: Phrase) -> Speaker:
        view = self.view
        label = view.text(phrase.first, phrase.last)
        tag = view.noun_tag(phrase.first, phrase.last)
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
        return Speaker(label, "labelled")

    def _by_role(self, phrase: Phrase) -> Entity | None:
        view = self.view
        words = {
            view.keys[i] for i in range(phrase.first, phrase.last + 1) if view.tags[i] == "role"
        }
        for entity in reversed(self.spoken):
            if words & set(entity.role.lower().split()):
                return entity
        for entity in self._mentioned_before(view.tokens[phrase.first].start):
            if words & set(entity.role.lower().split()):
                return entity
        return None

    def _apposition(self, entity: Entity, phrase: Phrase) -> None:
        if phrase.appositive is None or entity.role:
            return
        first, last = phrase.appositive
        if any(self.view.tags[i] == "role" for i in range(first, last + 1)):
            while first <= last and self.view.keys[first] in ("a", "an", "the"):
                first += 1
            if first <= last:
                entity.role = self.view.text(first, last)


def _singular(label: str) -> bool:
    words = label.lower().split()
    return len(words) > 1 and words[0] in ("a", "an", "the", "one") and not words[-1].endswith("s")


def _speaker_type(kind: str) -> str:
    return {"media_name": "media", "unknown": "person"}.get(kind, kind)


# -- affiliation ---------------------------------------------------------------------------


def affiliation_lookup(affiliation: Any = None) -> Callable[[str], str | None]:
    """A function ``name_or_role -> target or None`` from what the caller passed.

    ``None`` uses the packaged gazetteer of :mod:`framing.targets` when it is installed
    (no affiliation otherwise); ``False`` turns affiliation off; a callable is used as it
    is; an object with an ``affiliation`` method (a gazetteer) lends that method.
    """
    if affiliation is False:
        return _no_affiliation
    if callable(affiliation):
        return affiliation
    if affiliation is not None and hasattr(affiliation, "affiliation"):
        return affiliation.affiliation
    return _default_affiliation()


def _no_affiliation(name: str) -> str | None:
    return None


@cache
def _default_affiliation() -> Callable[[str], str | None]:
    try:
        from framing.targets import resolve_targets
    except ImportError:
        return _no_affiliation
    try:
        return resolve_targets(None).affiliation
    except Exception:  # a broken gazetteer must not stop source finding
        import logging

        logging.getLogger("framing").warning("framing.targets could not be loaded", exc_info=True)
        return _no_affiliation

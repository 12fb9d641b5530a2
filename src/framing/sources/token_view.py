"""Per-token facts the speaker rules read, computed once per document.

:class:`TokenView` tags every token with the category of the packaged ``source_terms``
lexicon that covers it (role, anonymous, media, document, ...) and finds the capitalised
name chunks ("Russian Foreign Minister Sergey Lavrov"), each with its kind (person,
organisation, media or unknown) and, from a title or a first name, its gender.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from framing.lexicon import Lexicon
from framing.sources.gender import first_name_gender, title_gender
from framing.sources.grammar_words import (
    CLAUSE_WORDS,
    DETERMINERS,
    NAME_CONNECTORS,
    QUANTIFIER_SOURCES,
    is_adverb,
    word_set,
)
from framing.text import Document, Token, is_word

__all__ = ["HEADLINE_SMALL_WORDS", "NOUN_TAGS", "Chunk", "TokenView", "source_terms"]

HEADLINE_MIN_WORDS = 4
HEADLINE_SHARE = 0.8  # of a headline's words capitalised (or small words left lower case)
HEADLINE_SMALL_WORDS = word_set("a an the and or but of to in on at for by with as from vs")
# Verbs of saying in Title Case headlines ("Trump Says", "Clinton Slams", "Noah Tells").
HEADLINE_VERBS = word_set(
    "says said tells told warns claims slams urges asks admits denies vows insists accuses "
    "blasts rips praises defends explains reveals suggests calls argues announces predicts "
    "responds replies confirms demands jokes mocks questions say tell warn claim slam urge ask "
    "admit deny vow insist accuse blast rip praise defend explain reveal call argue announce "
    "predict respond confirm demand"
)

# ``source_terms`` categories that head a noun phrase naming a speaker.
NOUN_TAGS = ("anonymous", "role", "media", "media_name", "document", "organisation")


@cache
def source_terms() -> Lexicon:
    """The packaged speaker-word table (``lexicons/source_terms.csv``)."""
    return Lexicon.load("source_terms")


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
        self.headlines: set[int] = set()  # ids of Title Case sentences
        self._lower_headline_verbs()
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
        return self.word(i) and key not in CLAUSE_WORDS and not is_adverb(key)

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

    def _lower_headline_verbs(self) -> None:
        """In a Title Case headline a verb of saying reads as lower case, so that it ends
        the name before it ("Chris Christie Says He Would Issue A Quarantine")."""
        for first, end in zip(self.sentence_first, self.sentence_end, strict=True):
            words = [i for i in range(first, end) if self.words[i]]
            if len(words) < HEADLINE_MIN_WORDS:
                continue
            capitalised = sum(self.caps[i] or self.keys[i] in HEADLINE_SMALL_WORDS for i in words)
            if capitalised < HEADLINE_SHARE * len(words):
                continue
            self.headlines.add(self.tokens[first].sentence_id)
            for i in words[1:]:
                if self.caps[i] and self.keys[i] in HEADLINE_VERBS:
                    self.caps[i] = False

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
        if not self.capitalised(i):
            return False
        first = self.sentence_first[self.tokens[i].sentence_id]
        if self.keys[i] in CLAUSE_WORDS:
            return self._first_name_like(i, first)
        if i > first:
            return True
        if self.tags[i] == "honorific":
            return True
        if self.keys[i] in DETERMINERS or self.keys[i] in QUANTIFIER_SOURCES:
            return False
        following = i + 1 < len(self.tokens) and self.capitalised(i + 1)
        return following or self.keys[i] in seen_inside

    def _first_name_like(self, i: int, first: int) -> bool:
        """A capitalised clause word inside running text before a capitalised word is a
        first name ("said Will Doyle", "June Smith"), not a modal or a month."""
        sentence = self.tokens[i].sentence_id
        following = i + 1
        return (
            i > first
            and sentence not in self.headlines
            and following < self.sentence_end[sentence]
            and self.capitalised(following)
            and self.keys[following] not in CLAUSE_WORDS
        )

    def _connects(self, j: int, n: int) -> bool:
        """A connector between capitalised words, or the full stop of an initial or title."""
        if j + 1 >= n or not self.capitalised(j + 1):
            return False
        if self.keys[j] in NAME_CONNECTORS:
            return True
        previous = self.tokens[j - 1]
        return self.keys[j] == "." and (len(previous.text) == 1 or self.tags[j - 1] == "honorific")

    def _after_honorific(self, i: int, first: int) -> bool:
        """Whether token ``i`` follows an honorific ("Mr. King", "Ms. Bishop": a name)."""
        previous = i - 1 if i - 1 >= first and self.keys[i - 1] != "." else i - 2
        return previous >= first and self.tags[previous] == "honorific"

    def _after_initial(self, i: int, first: int) -> bool:
        """Whether token ``i`` follows a middle initial ("Peter T. King": a surname, though
        "king" is a role word)."""
        return (
            i - 2 >= first
            and self.keys[i - 1] == "."
            and len(self.tokens[i - 2].text) == 1
            and i - 3 >= first
            and self.capitalised(i - 3)
        )

    def _add_chunk(self, first: int, last: int) -> None:
        name_first = first
        for i in range(first, last + 1):
            title_stop = self.keys[i] == "." and i - 1 >= first and self.tags[i - 1] is not None
            if title_stop or (
                self.tags[i] in ("role", "honorific")
                and not self._after_honorific(i, first)
                and not self._after_initial(i, first)
            ):
                name_first = i + 1  # after "Sen." or "Foreign Minister", not after "W."
        while name_first <= last and not self.capitalised(name_first):
            name_first += 1
        kind = _chunk_kind(self.tags[first : last + 1], last - first + 1, name_first > first)
        if name_first > last and kind == "person":
            return  # a bare title ("Foreign Minister"): a role, not a name
        gender = title_gender([self.keys[i] for i in range(first, name_first)])
        if gender is None and kind == "person" and name_first < last:
            gender = first_name_gender(self.keys[name_first])  # "Della Smith"; not "Smith"
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
    for sentence in range(n):
        first[sentence] = _after_dateline(document.tokens, first[sentence], end[sentence])
    return first, end


DATELINE_MAX = 8  # tokens of a dateline ("WASHINGTON, D.C. (AP) —")
_DATELINE_DASHES = frozenset({"—", "–", "--", "-"})


def _after_dateline(tokens: Sequence[Token], first: int, end: int) -> int:
    """The first token after a dateline that opens a sentence ("BRUSSELS (AP) — Leaders
    met"): a place in capitals, with a state or agency, then a dash. A reader does not take
    the place for the subject."""
    if first >= end or not (len(tokens[first].text) > 1 and tokens[first].text.isupper()):
        return first
    for i in range(first + 1, min(end - 1, first + DATELINE_MAX)):
        text = tokens[i].text
        if text in _DATELINE_DASHES:
            while i + 1 < end - 1 and tokens[i + 1].text in _DATELINE_DASHES:
                i += 1  # "--" comes as two hyphens
            return i + 1
        if not (text.isupper() or text in ",.()" or text[:1].isupper()):
            break
    return first

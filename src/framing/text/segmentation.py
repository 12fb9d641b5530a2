"""Segmentation with character offsets: paragraphs, sentences, tokens and quote spans.

Every span here indexes into the text given to :func:`segment`, unchanged: normalisation
(lower case, apostrophes) only ever produces *keys* for matching, never new offsets.
Sentences are Punkt's (:mod:`framing.text.sentences`), with the abbreviations the
project ships, so nothing is downloaded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import accumulate, compress, count, repeat
from operator import attrgetter, itemgetter, ne
from typing import NamedTuple

from framing.text.quotes import find_quotes
from framing.text.sentences import sentence_spans

__all__ = [
    "MAX_SENTENCE_TOKENS",
    "Document",
    "Quote",
    "Sentence",
    "Span",
    "Token",
    "clauses",
    "negated",
    "segment",
    "tokenize",
    "word_key",
]


class Span(NamedTuple):
    """A half-open character range ``[start, end)``."""

    start: int
    end: int


class Sentence(NamedTuple):
    """A sentence: its index in the document, its span and its paragraph."""

    id: int
    start: int
    end: int
    paragraph_id: int


class Token(NamedTuple):
    """A token with its span, its lower-cased matching key and its sentence."""

    start: int
    end: int
    text: str
    key: str
    sentence_id: int


class Quote(NamedTuple):
    """A quotation: from its opening mark to just after its closing mark.

    ``closed`` is false when the paragraph ended before the quote did; the span then
    runs to the paragraph's end. ``paragraph_id`` is where it opens. ``depth`` is 0 for
    an outermost quote. ``mark_width`` is 2 for doubled marks (''like this'').
    """

    start: int
    end: int
    paragraph_id: int
    closed: bool
    depth: int
    mark_width: int = 1

    @property
    def content(self) -> Span:
        """The quoted words without the quotation marks."""
        width = self.mark_width
        return Span(self.start + width, self.end - width if self.closed else self.end)


# Initialisms (U.S., U.K.) stay whole; hyphenated words ("pro-Ukrainian") are one token;
# clitics ('s, n't) split off so that "Russia's" yields "Russia"; anything else is punctuation.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|[^\W_]+(?:[-‐][^\W_]+)*(?:['’](?!(?:s|t|re|ve|ll|d|m)\b)[^\W_]+)*"
    r"|['’](?:s|t|re|ve|ll|d|m)\b"
    r"|\S",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")


_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})", _TOKEN.flags)
_PLAIN = str.maketrans({"’": "'", "‐": "-"})


@lru_cache(maxsize=262_144)
def word_key(word: str) -> str:
    """The matching key of a word: lower case, typographic apostrophes and hyphens made plain."""
    return word.lower().translate(_PLAIN)


def tokenize(text: str, offset: int = 0, sentence_id: int = -1) -> list[Token]:
    """Split ``text`` into tokens whose offsets are shifted by ``offset``."""
    # C-level passes, no Python loop per token: splitting on the tokens keeps the gaps
    # between them, and the running sum of the pieces' lengths gives every offset.
    pieces = _TOKEN_SPLIT.split(text)  # gap, token, gap, token, ..., gap
    offsets = list(accumulate(map(len, pieces), initial=offset))
    words = pieces[1::2]
    keys = map(str.translate, map(str.lower, words), repeat(_PLAIN))
    fields = zip(offsets[1:-1:2], offsets[2::2], words, keys, repeat(sentence_id))
    return list(map(_new_token, fields))


_new_token = partial(tuple.__new__, Token)  # Token._make without its Python frame
_KEY = attrgetter("key")
_SENTENCE = attrgetter("sentence_id")
_FIRST = itemgetter(0)  # a key's first character: is_word reads it


def is_word(token: Token) -> bool:
    """True for tokens that count as words: not punctuation, not a split-off clitic ('s, 't)."""
    return token.key[0].isalnum()


@dataclass(frozen=True, slots=True)
class Document:
    """An article's text segmented into paragraphs, sentences, tokens and quotes."""

    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    quotes: tuple[Quote, ...]
    n_words: int  # word tokens (punctuation excluded), as :func:`is_word` counts them
    # Lookup tables for sentence_at and quote_at (bisection, not a scan per call).
    _sentence_starts: list[int] = field(init=False, repr=False, compare=False)
    _content_starts: list[int] = field(init=False, repr=False, compare=False)
    _parents: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_sentence_starts", [s.start for s in self.sentences])
        object.__setattr__(self, "_content_starts", [q.content.start for q in self.quotes])
        object.__setattr__(self, "_parents", _enclosing(self.quotes))

    def sentence_at(self, offset: int) -> int:
        """Id of the sentence containing ``offset`` (between sentences, the one before)."""
        return max(bisect_right(self._sentence_starts, offset) - 1, 0) if self.sentences else -1

    def quote_at(self, start: int, end: int) -> Quote | None:
        """The innermost quote whose content contains ``[start, end)``, if any.

        Quotes nest, so the innermost one is the last to open at or before ``start``
        that contains the range, found by bisection and then walking out to the quotes
        around it.
        """
        index = bisect_right(self._content_starts, start) - 1
        while index >= 0:
            quote = self.quotes[index]
            if end <= quote.content.end:
                return quote
            index = self._parents[index]
        return None


def _enclosing(quotes: tuple[Quote, ...]) -> list[int]:
    """For each quote (in text order), the index of the quote around it, or -1."""
    parents = []
    stack: list[int] = []
    for index, quote in enumerate(quotes):
        while stack and quotes[stack[-1]].end <= quote.start:
            stack.pop()
        parents.append(stack[-1] if stack else -1)
        stack.append(index)
    return parents


def segment(text: str) -> Document:
    """Segment ``text`` into paragraphs, sentences, tokens and quotes.

    Paragraphs are separated by blank lines; a text without any blank line is taken to
    have one paragraph per line (the layout of many corpora). A sentence longer than
    :data:`MAX_SENTENCE_TOKENS` tokens (a run of text without full stops: a list, a
    table, a scraped blob) is cut into pieces of at most that many, after the last comma,
    semicolon, colon or dash of each piece when it has one, so that no later stage works
    on one enormous sentence.
    """
    paragraphs = _paragraphs(text)
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for paragraph_id, (p_start, p_end) in enumerate(paragraphs):
        chunk = text[p_start:p_end]
        for s_start, s_end in sentence_spans(chunk):
            found = tokenize(chunk[s_start:s_end], p_start + s_start, len(sentences))
            if len(found) <= MAX_SENTENCE_TOKENS:
                sentences.append(
                    Sentence(len(sentences), p_start + s_start, p_start + s_end, paragraph_id)
                )
                tokens.extend(found)
                continue
            for piece in _pieces(found):
                sentence_id = len(sentences)
                sentences.append(Sentence(sentence_id, piece[0].start, piece[-1].end, paragraph_id))
                tokens.extend(t._replace(sentence_id=sentence_id) for t in piece)
    quotes = [Quote(*quote) for quote in find_quotes(text, paragraphs)]
    n_words = sum(map(str.isalnum, map(_FIRST, map(_KEY, tokens))))  # is_word, C-level
    return Document(
        text, tuple(paragraphs), tuple(sentences), tuple(tokens), tuple(quotes), n_words
    )


#: The most tokens a sentence may hold; longer runs are cut (see :func:`segment`). Real
#: sentences stay far below it (news sentences average 20-30 words).
MAX_SENTENCE_TOKENS = 250
_PIECE_BREAKS = frozenset({",", ";", ":", "—", "–"})


def _pieces(tokens: list[Token]) -> list[list[Token]]:
    """``tokens`` of one overlong sentence in pieces of at most MAX_SENTENCE_TOKENS."""
    pieces = []
    first = 0
    while len(tokens) - first > MAX_SENTENCE_TOKENS:
        window = range(first + MAX_SENTENCE_TOKENS - 1, first + MAX_SENTENCE_TOKENS // 2, -1)
        cut = next((i for i in window if tokens[i].key in _PIECE_BREAKS), window.start)
        pieces.append(tokens[first : cut + 1])
        first = cut + 1
    pieces.append(tokens[first:])
    return pieces


def _paragraphs(text: str) -> list[Span]:
    breaks = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else _LINE_BREAK
    spans = []
    position = 0
    for match in [*breaks.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append(Span(position + lead, position + lead + len(stripped)))
        position = match.end() if match else len(text)
    return spans


# Closed-class negators; "'t" is the clitic split off "doesn't", "isn't".
NEGATORS = frozenset(
    {
        "not",
        "no",
        "never",
        "'t",
        "without",
        "neither",
        "nor",
        "cannot",
        "hardly",
        "barely",
        "scarcely",
        "none",
        "nobody",
        "nothing",
        "nowhere",
    }
)
# A negator's scope: the next few words, cut short by punctuation or a contrast.
NEGATION_WINDOW = 3
_SCOPE_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "but", "—", "–", "(", ")"})


def negated(tokens: tuple[Token, ...] | list[Token]) -> list[bool]:
    """For each token, whether it lies in the scope of a preceding negator."""
    flags = [False] * len(tokens)
    remaining = 0
    sentence = None
    for index, token in enumerate(tokens):
        if token.sentence_id != sentence or token.key in _SCOPE_BREAKS:
            remaining = 0
            sentence = token.sentence_id
        if token.key in NEGATORS:
            remaining = NEGATION_WINDOW
        elif remaining and is_word(token):
            flags[index] = True
            remaining -= 1
    return flags


# Where a sentence's clauses part: after punctuation, before subordinators and relative
# pronouns.
# Coordinating "and"/"or" are left alone, since they mostly join noun phrases
# ("Armenia and Azerbaijan") rather than clauses.
_CLAUSE_ENDS = frozenset({",", ";", ":", "—", "–", ")"})
_CLAUSE_STARTS = frozenset(
    {
        "(",
        "but",
        "while",
        "whereas",
        "although",
        "though",
        "yet",
        "which",
        "who",
        "whom",
        "whose",
        "that",
        "because",
        "since",
        "unless",
        "whereby",
    }
)
_CLAUSE_MARKS = _CLAUSE_STARTS | _CLAUSE_ENDS
MIN_CLAUSE_WORDS = 4


def clauses(tokens: tuple[Token, ...] | list[Token]) -> list[tuple[int, int]]:
    """Clauses as ``(first, last)`` token indexes (inclusive), in text order.

    A rough, parser-free split at punctuation and subordinating words, within sentences;
    a piece shorter than :data:`MIN_CLAUSE_WORDS` words joins the next piece of its
    sentence (or the previous one at the sentence's end), so that "In his response,"
    stays with what follows.
    """
    keys = list(map(_KEY, tokens))
    ids = list(map(_SENTENCE, tokens))
    # Only the tokens where a piece may start or end, found by C-level passes: clause
    # words and the last token of each sentence.
    sentence_ends = set(compress(count(), map(ne, ids, ids[1:]))) | {len(keys) - 1}
    marks = set(compress(count(), map(_CLAUSE_MARKS.__contains__, keys)))
    pieces: list[tuple[int, int]] = []
    start = 0
    for index in sorted((marks | sentence_ends) - {-1}):
        key = keys[index]
        if key in _CLAUSE_STARTS and index > start:
            pieces.append((start, index - 1))
            start = index
        if index in sentence_ends or key in _CLAUSE_ENDS:
            pieces.append((start, index))
            start = index + 1
    return _merge_short(pieces, tokens)


def _merge_short(pieces: list[tuple[int, int]], tokens) -> list[tuple[int, int]]:
    # Words before each token, so that a piece's words cost one subtraction: a long run of
    # short pieces ("((((...") merging into one must not be recounted piece by piece.
    before = list(accumulate(map(str.isalnum, map(_FIRST, map(_KEY, tokens))), initial=0))
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for first, last in pieces:
        if carry is not None:
            first, carry = carry, None
        words = before[last + 1] - before[first]
        same_sentence_follows = (
            last + 1 < len(tokens) and tokens[last + 1].sentence_id == tokens[first].sentence_id
        )
        if words < MIN_CLAUSE_WORDS and same_sentence_follows:
            carry = first
        elif (
            words < MIN_CLAUSE_WORDS
            and merged
            and (tokens[merged[-1][0]].sentence_id == tokens[first].sentence_id)
        ):
            merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    return merged

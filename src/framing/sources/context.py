"""One document as the source rules read it, and the record they fill in.

:class:`SourceText` computes once what every source rule asks of a document: which
quotation holds each token, where quotes open and close, word counts and character
spans, the :class:`~framing.sources.token_view.TokenView` of speaker tags and name chunks, and
the columns of the packaged ``cue_verbs`` table. :class:`Found` is an attribution or
quote as the rules find it, before its speaker is resolved.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate

from framing.lexicon import Lexicon
from framing.sources.speakers import Phrase
from framing.sources.token_view import TokenView
from framing.text import Document, Quote, Token, is_word

__all__ = ["Found", "SourceText", "cue_lexicon"]


@cache
def cue_lexicon() -> Lexicon:
    """The packaged cue-verb table (``lexicons/cue_verbs.csv``)."""
    return Lexicon.load("cue_verbs")


@cache
def _cue_columns() -> tuple[tuple[str, ...], tuple[str, ...], tuple[float, ...]]:
    table = cue_lexicon().table
    return tuple(table["term"]), tuple(table["category"]), tuple(table["weight"])


@dataclass
class Found:
    """An attribution or quote found, before its speaker is resolved."""

    anchor: int
    kind: str
    phrase: Phrase | None = None
    cue: tuple[int, int] | None = None  # token range
    cue_entry: int = -1
    content: tuple[int, int] | None = None  # character span
    quote: int = -1
    reported: bool = False  # the content is reported speech (that-clause, colon, saying verb)
    inherit: bool = False  # the speaker is that of the previous attribution in the sentence
    passive: bool = False
    patient: tuple[int, int] | None = None  # a passive cue's subject ("X was attacked by Y")
    opening: bool = False  # a participle clause opening the sentence ("Citing X, Y said")
    speech_act: str = "reported"  # or "negated", "hypothetical" (framing.sources.speech_act)
    sentence_id: int = -1
    children: list[Found] = field(default_factory=list)


class SourceText:
    """A document's tokens with its top-level quotes, and the position queries on them.

    Parameters
    ----------
    document : Document
        The segmented article (:func:`framing.text.segment`).
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self.quotes = [quote for quote in document.quotes if quote.depth == 0]
        self.token_starts = [t.start for t in document.tokens]
        self.quote_of = _tokens_in_quotes(document.tokens, self.quotes)
        self.view = TokenView(document, self.quote_of)
        self.words_before = [0, *accumulate(int(is_word(t)) for t in document.tokens)]
        self.sentence_starts = [s.start for s in document.sentences]
        self.cue_terms, self.cue_classes, self.cue_weights = _cue_columns()

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character span of tokens ``[first, last]``."""
        return self.view.tokens[first].start, self.view.tokens[last].end

    def words(self, start: int, end: int) -> int:
        """Number of words in the character span ``[start, end)``."""
        first = bisect_left(self.token_starts, start)
        last = bisect_left(self.token_starts, end)
        return self.words_before[last] - self.words_before[first]

    def sentence_of(self, offset: int) -> int:
        """The sentence holding character ``offset`` (-1 in a document with none)."""
        return (
            max(bisect_right(self.sentence_starts, offset) - 1, 0) if self.sentence_starts else -1
        )

    def paragraph_of(self, token: int) -> int:
        sentence = self.view.tokens[token].sentence_id
        return self.document.sentences[sentence].paragraph_id

    def quote_tokens(self, quote: Quote) -> tuple[int, int]:
        """Token range of a quote's content."""
        content = quote.content
        return (
            bisect_left(self.token_starts, content.start),
            bisect_left(self.token_starts, content.end) - 1,
        )

    def opens_quote(self, i: int) -> int | None:
        """The quote that token ``i`` opens, if any."""
        if 0 <= i < len(self.quote_of) and self.quote_of[i] != -1:
            quote = self.quote_of[i]
            if self.quotes[quote].start == self.view.tokens[i].start:
                return quote
        return None

    def closes_quote(self, i: int) -> bool:
        """Whether token ``i`` is the closing mark of a closed quote."""
        quote = self.quote_of[i] if 0 <= i < len(self.quote_of) else -1
        return (
            quote != -1
            and self.quotes[quote].closed
            and self.quotes[quote].end == (self.view.tokens[i].end)
        )


def _tokens_in_quotes(tokens: Sequence[Token], quotes: Sequence[Quote]) -> list[int]:
    """For each token, the index of the (outermost) quote whose span holds it, or -1."""
    owner = [-1] * len(tokens)
    q = 0
    for i, token in enumerate(tokens):
        while q < len(quotes) and quotes[q].end <= token.start:
            q += 1
        if q < len(quotes) and quotes[q].start <= token.start < quotes[q].end:
            owner[i] = q
    return owner

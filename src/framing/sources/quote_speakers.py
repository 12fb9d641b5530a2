"""Speakers of the quotes that no cue claimed, and scare quotes.

A short quote outside any attribution ("so-called", four words or fewer without a full
stop), or a short title in Title Case outside a headline ("Contract with America"), is a
scare quote. Any other is speech by the phrase in ``X: "..."`` (or the subject
of the sentence that the colon ends) or after a trailing dash (``"..." - X``), by the
previous speaker when it stands alone right after a quoted passage, by the subject of its
sentence ("Ann Lee thanked Bob Hart for '...'"), else by the named person of its
sentence, or by nobody.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from framing.sources.context import SourceText
from framing.sources.coreference import Resolver, Speaker
from framing.sources.grammar_words import DASHES
from framing.sources.speakers import Phrase, phrase_after, phrase_before
from framing.sources.token_view import HEADLINE_SMALL_WORDS
from framing.text import Quote

__all__ = ["LastQuote", "QuoteSpeakers"]

SCARE_MAX_WORDS = 4  # a quote this short, outside any attribution, is a scare quote
TITLE_MAX_WORDS = 8  # a quoted title in Title Case, outside any attribution, is one too

_SO_CALLED = frozenset({"so-called", "so‐called", "called", "quote-unquote"})

#: The speaker of the last quote attributed, their span, the quote's paragraph and end.
LastQuote = tuple[Speaker | None, tuple[int, int], int, int]


class QuoteSpeakers:
    """Finds the speaker of each uncued quote of a document.

    Parameters
    ----------
    source : SourceText
    resolver : Resolver
        Resolves the phrase found, and hears the speaker (pronouns then prefer them).
    subject_before : callable
        ``subject_before(i)`` is the subject phrase of the clause that runs up to token
        ``i`` (a phrase that names a source), or None.
    """

    def __init__(
        self,
        source: SourceText,
        resolver: Resolver,
        subject_before: Callable[[int], Phrase | None],
    ) -> None:
        self.source = source
        self.view = source.view
        self.quote_of = source.quote_of
        self.resolver = resolver
        self.subject_before = subject_before

    def speaker(
        self, index: int, last_quote: LastQuote | None
    ) -> tuple[Speaker | None, tuple[int, int], str]:
        """Speaker of quote ``index``, their span, and the rule that found them.

        The rule is ``scare`` (a scare quote: no speaker), ``punctuation``,
        ``continuation``, ``sentence`` or ``none``.
        """
        quote = self.source.quotes[index]
        if self._is_scare(index):
            return None, (-1, -1), "scare"
        phrase = self._colon_speaker(quote) or self._dash_speaker(quote)
        if phrase is not None:
            return (*self._heard(phrase), "punctuation")
        if last_quote is not None and self._continues(index, last_quote):
            return last_quote[0], last_quote[1], "continuation"
        phrase = self._subject_of_sentence(quote) or self._named_in_sentence(quote)
        if phrase is not None:
            return (*self._heard(phrase), "sentence")
        return None, (-1, -1), "none"

    def _heard(self, phrase: Phrase) -> tuple[Speaker | None, tuple[int, int]]:
        """The speaker a phrase names, recorded as having spoken, and their span."""
        speaker = self.resolver.resolve(phrase)
        span = self.source.span(phrase.first, phrase.last)
        self.resolver.heard(speaker, span[0])
        return speaker, span

    def _is_scare(self, index: int) -> bool:
        quote = self.source.quotes[index]
        first, last = self.source.quote_tokens(quote)
        opening = first - 1
        if opening > 0 and self.view.keys[opening - 1] in _SO_CALLED:
            return True
        n_words = (
            self.source.words_before[last + 1] - self.source.words_before[first]
            if last >= first
            else 0
        )
        content = quote.content
        inner = self.source.text[content.start : content.end]
        if (
            self._is_title(first, last, n_words)
            and not any(c in inner for c in "?!")
            and self.view.tokens[first].sentence_id not in self.view.headlines
            and not self._standalone(index)
        ):
            return True  # "an interview on NBC's ''Nightly News.''", "the 'Contract with America'"
        return (
            n_words <= SCARE_MAX_WORDS
            and not any(c in inner for c in ".?!")
            and not (self._standalone(index))
        )

    def _is_title(self, first: int, last: int, n_words: int) -> bool:
        """Whether tokens ``[first, last]`` are a title in Title Case: a show, a book, a
        subhead ("The Steve Harvey Morning Show", "Contract with America")."""
        view = self.view
        words = [i for i in range(first, last + 1) if view.word(i)]
        return (
            0 < n_words <= TITLE_MAX_WORDS
            and view.capitalised(words[0])
            and all(
                view.capitalised(i)
                or view.keys[i] in HEADLINE_SMALL_WORDS
                or view.keys[i][0].isdigit()
                for i in words
            )
        )

    def _colon_speaker(self, quote: Quote) -> Phrase | None:
        """`X: "..."` - a phrase and a colon before the quote (same or previous paragraph),
        or the subject of the sentence the colon ends."""
        view = self.view
        opening = bisect_left(self.source.token_starts, quote.start)
        colon = opening - 1
        if colon < 1 or view.keys[colon] != ":":
            return None
        lo = view.bounds(colon)[0]
        phrase = phrase_before(view, colon - 1, lo)
        if phrase is not None and phrase.first == lo:
            return phrase
        # "He then listed the qualities a nominee needs: ..." - the sentence's subject
        return self.subject_before(colon)

    def _dash_speaker(self, quote: Quote) -> Phrase | None:
        """`"..." — X` - a trailing dash attribution running to the end of the sentence."""
        view = self.view
        closing = bisect_left(self.source.token_starts, quote.end) - 1
        if not quote.closed or closing < 0:
            return None
        dash = closing + 1
        if dash < len(view.tokens) and view.keys[dash] == ",":
            dash += 1
        if dash + 1 >= len(view.tokens) or view.keys[dash] not in DASHES:
            return None
        paragraph_end = self.source.document.paragraphs[self.source.paragraph_of(dash)].end
        phrase = phrase_after(view, dash + 1, len(view.tokens), stop_at_determiner=False)
        if phrase is None:
            return None
        # the name ends its sentence or its line ("..." ― Carla Sanchez\n"...")
        rest = self.source.text[view.tokens[phrase.last].end : paragraph_end]
        rest = rest.split(".")[0].split("\n")[0]
        return phrase if not any(c.isalnum() for c in rest) else None

    def _continues(self, index: int, last_quote: LastQuote) -> bool:
        """A quote that stands alone right after a quoted passage continues it, when nothing
        intervenes: nobody else has spoken since and no other person is named between."""
        speaker, _, last_paragraph, last_end = last_quote
        quote = self.source.quotes[index]
        if not (0 <= quote.paragraph_id - last_paragraph <= 1 and self._standalone(index)):
            return False
        spoken = self.resolver.spoken
        if speaker is not None and spoken and spoken[-1][1].name != speaker.name:
            return False  # another speaker was heard after the quote
        view = self.view
        first = bisect_left(self.source.token_starts, last_end)
        last = bisect_left(self.source.token_starts, quote.start)
        named = speaker.name if speaker is not None else ""
        for i in range(first, last):
            chunk = view.chunks[view.chunk_of[i]] if view.chunk_of[i] != -1 else None
            if chunk is None or chunk.kind != "person" or self.quote_of[i] != -1:
                continue
            if view.text(chunk.name_first, chunk.last) not in named:
                return False  # someone else is named between the quotes
        return True

    def _standalone(self, index: int) -> bool:
        """No words outside the quote in the sentences it spans."""
        around = self._sentences_around(self.source.quotes[index])
        if around is None:
            return False
        _, lo, hi = around
        return not any(self.quote_of[i] != index and self.view.word(i) for i in range(lo, hi))

    def _subject_of_sentence(self, quote: Quote) -> Phrase | None:
        """The subject of the clause a quote continues: in "Jane Roe thanked Bob Lee for
        'acting fast'" the quote is Jane Roe's, not that of the nearer name."""
        first = bisect_left(self.source.token_starts, quote.start)
        if not any(self.view.word(i) for i in range(self.view.bounds(first)[0], first)):
            return None  # the quote opens its sentence: the subject comes after it
        return self.subject_before(first)

    def _named_in_sentence(self, quote: Quote) -> Phrase | None:
        """The nearest named person before the quote in its sentence, else the first after."""
        view = self.view
        around = self._sentences_around(quote)
        if around is None:
            return None
        first, lo, hi = around
        candidates = [i for i in range(lo, hi) if self.quote_of[i] == -1 and self._is_person(i)]
        before = [i for i in candidates if i < first]
        chosen = before[-1] if before else (candidates[0] if candidates else None)
        if chosen is None:
            return None
        chunk = view.chunks[view.chunk_of[chosen]]
        return Phrase(chunk.first, chunk.last, "name", view.chunk_of[chosen])

    def _sentences_around(self, quote: Quote) -> tuple[int, int, int] | None:
        """The quote's first token and the tokens ``[lo, hi)`` of the sentences it spans.

        None for a quote with no tokens inside.
        """
        first, last = self.source.quote_tokens(quote)
        if first > last:
            return None
        return first, self.view.bounds(first)[0], self.view.bounds(last)[1]

    def _is_person(self, i: int) -> bool:
        view = self.view
        chunk_id = view.chunk_of[i]
        if chunk_id == -1 or view.chunks[chunk_id].last != i:
            return False
        chunk = view.chunks[chunk_id]
        if chunk.kind == "person":
            return not self.resolver.is_place(view.text(chunk.name_first, chunk.last))
        key = " ".join(view.keys[j] for j in range(chunk.name_first, chunk.last + 1))
        return chunk.kind == "unknown" and key in view.surnames

"""The proper-name guard: a lexicon match that is part of a name is not loaded language.

"Saviour Kasukuwere" is a minister, "Vulture" a magazine, "Al Aqsa Martyrs Hospital" a
hospital: their words are loaded only as common nouns. A match is taken to be part of a
proper name when

- one of its words is capitalised where nothing but a name explains the capital: not the
  first word of a sentence, nor the first after an opening quote, colon, bracket or dash
  ("the minister, Saviour Kasukuwere,"; "doctors at Al Aqsa Martyrs Hospital"), or
- it is capitalised and comes right before a title noun such as "magazine" or "hospital"
  (the packaged ``context_words`` lexicon, category ``title``): "Vulture magazine ran
  the piece", even at the start of a sentence, or
- it is capitalised and lies inside a longer mention of a known name (the gazetteer's,
  passed in), e.g. a sentence-initial "Martyrs Brigade"; a lower-case word of an alias
  ("regime" in "Iranian regime") is no name.

Capitals say nothing in a sentence written in title case (a headline), and a word
capitalised by its place before a name is left alone: "Outraged Democrats walked out"
and "Racist Rep. King" are more common than a name that starts a sentence with a loaded
word, so a sentence-initial "Saviour Kasukuwere" is not caught. Labels that are
capitalised as a matter of course ("Nazi", "Stalinist") carry ``in_names`` in their
``context`` and are kept.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Sequence

from framing.text import Token, is_word

__all__ = ["in_proper_names"]

# After these a capital starts a quotation, a clause or an aside, not (only) a name.
_OPENERS = frozenset({'"', "“", "‘", "'", ":", "(", "[", "—", "–", "-", ";"})
# A sentence is in title case when at least this share of its longer words is capitalised.
_TITLE_CASE_SHARE = 0.7
_TITLE_CASE_MIN_WORDS = 3
_TITLE_CASE_WORD_LENGTH = 4


def in_proper_names(
    tokens: Sequence[Token],
    matches: Iterable[tuple[int, int]],
    titles: Collection[int] = (),
    names: Iterable[tuple[int, int]] = (),
) -> list[bool]:
    """Whether each match (tokens ``first`` to ``last``, inclusive) is part of a name.

    Parameters
    ----------
    tokens : sequence of framing.text.Token
        The document's tokens.
    matches : iterable of (first, last)
        Token ranges of the lexicon matches.
    titles : collection of int
        Indices of the tokens that start a title noun ("magazine", "Hospital").
    names : iterable of (start, end)
        Character spans of known names (e.g. gazetteer mentions).
    """
    name_spans = sorted(names)
    name_starts = [start for start, _ in name_spans]
    longest = max((end - start for start, end in name_spans), default=0)
    title_case: dict[int, bool] = {}
    flags = []
    for first, last in matches:
        capitals = [i for i in range(first, last + 1) if _capital(tokens[i])]
        if not capitals:
            flags.append(False)
            continue
        sentence = tokens[first].sentence_id
        if sentence not in title_case:
            title_case[sentence] = _in_title_case(tokens, first)
        by_capitals = not title_case[sentence] and (
            last + 1 in titles or any(not _explained(tokens, i) for i in capitals)
        )
        flags.append(
            by_capitals or _inside_name(tokens, capitals, name_spans, name_starts, longest)
        )
    return flags


def _capital(token: Token) -> bool:
    """A capitalised word, not one in capitals throughout ("NATO", "DISGRACEFUL") and
    not the pronoun "I"."""
    text = token.text
    return is_word(token) and text[:1].isupper() and not (len(text) > 1 and text.isupper())


def _explained(tokens: Sequence[Token], index: int) -> bool:
    """Whether a capital at ``tokens[index]`` is explained by its place: the first word of
    its sentence, or the first after an opening quote, colon, bracket or dash."""
    sentence = tokens[index].sentence_id
    previous = index - 1
    while previous >= 0 and tokens[previous].sentence_id == sentence:
        if is_word(tokens[previous]):
            return False
        if tokens[previous].text in _OPENERS:
            return True
        previous -= 1
    return True


def _in_title_case(tokens: Sequence[Token], index: int) -> bool:
    """Whether the sentence of ``tokens[index]`` is written in title case (a headline)."""
    sentence = tokens[index].sentence_id
    start = index
    while start > 0 and tokens[start - 1].sentence_id == sentence:
        start -= 1
    capitals = words = 0
    for index in range(start, len(tokens)):  # by index: a slice would copy the rest
        token = tokens[index]
        if token.sentence_id != sentence:
            break
        if is_word(token) and len(token.text) >= _TITLE_CASE_WORD_LENGTH:
            words += 1
            capitals += token.text[:1].isupper()
    return words >= _TITLE_CASE_MIN_WORDS and capitals >= _TITLE_CASE_SHARE * words


def _inside_name(
    tokens: Sequence[Token],
    capitals: list[int],
    spans: list[tuple[int, int]],
    starts: list[int],
    longest: int,
) -> bool:
    """Whether a capitalised token lies inside a known name longer than itself (only the
    names starting at most ``longest`` characters before it can hold it)."""
    for index in capitals:
        token = tokens[index]
        low = bisect_left(starts, token.start - longest)
        for start, end in spans[low : bisect_right(starts, token.start)]:
            if end >= token.end and end - start > token.end - token.start:
                return True
    return False

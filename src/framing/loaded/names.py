"""The proper-name guard: a lexicon match that is part of a name is not loaded language.

"Saviour Kasukuwere" is a minister, "Vulture" a magazine, "Al Aqsa Martyrs Hospital" a
hospital: their words are loaded only as common nouns. A match is taken to be part of a
proper name when

- it is capitalised and lies inside a longer mention of a known name (the gazetteer's,
  passed in: "Martyrs" in "Al Aqsa Martyrs' Brigades", not "regime" in "Iranian
  regime"), or
- one of its words is capitalised where nothing but a name explains the capital: not the
  first word of a sentence, of a quotation or after a colon, in a sentence that is not
  written in title case (headlines capitalise every word), or
- it is the first word of a sentence and, alone, right before a title noun such as
  "magazine" or "hospital" ("Vulture magazine reported"; the packaged ``context_words``
  lexicon, category ``title``). A sentence-initial word before other capitalised words
  is left alone: "Outraged Democrats", "Racist Rep. King" are more common than a name
  that starts a sentence with a loaded word.

Labels that are capitalised as a matter of course ("Nazi", "Communist") carry
``in_names`` in their ``context`` and are kept.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from framing.text import Document, Token, is_word

__all__ = ["name_tokens"]

# After these a capital starts a quotation, a clause or an aside, not (only) a name.
_OPENERS = frozenset({'"', "“", "‘", "'", ":", "(", "[", "—", "–", "-", ";"})
# Lower-case links inside a name ("Bank of America", "Abu al Hassan").
_LINKS = frozenset({"of", "al", "el", "de", "la", "du", "del", "da", "bin", "ibn", "van", "von"})
# A sentence is in title case when at least this share of its longer words is capitalised.
_TITLE_CASE_SHARE = 0.7
_TITLE_CASE_MIN_WORDS = 3
_TITLE_CASE_WORD_LENGTH = 4


def name_tokens(
    document: Document,
    titles: Iterable[int] = (),
    names: Iterable[tuple[int, int]] = (),
) -> list[bool]:
    """For each token of ``document``, whether it belongs to a proper name.

    Parameters
    ----------
    document : framing.text.Document
        The segmented text.
    titles : iterable of int
        Indices of tokens that start a title noun ("magazine", "Hospital").
    names : iterable of (start, end)
        Character spans of known names (e.g. gazetteer mentions); a capitalised token
        inside one belongs to a name when the span is longer than the token.

    Returns
    -------
    list of bool
        Read a match as part of a name when any of its tokens is marked.
    """
    tokens = document.tokens
    marked = [False] * len(tokens)
    title_case = _title_case_sentences(tokens)
    title_starts = set(titles)
    for first, last in _capitalised_runs(tokens):
        if tokens[first].sentence_id in title_case:
            continue
        # A word capitalised by its place is part of a name only alone before a title
        # noun: before a name it is more often a modifier ("Outraged Democrats").
        alone_before_title = first == last and last + 1 in title_starts
        for index in range(first, last + 1):
            if tokens[index].key not in _LINKS:
                marked[index] = alone_before_title or not _explained(tokens, index)
    starts = [t.start for t in tokens]
    for start, end in names:
        index = bisect_left(starts, start)
        while index < len(tokens) and tokens[index].end <= end:
            # A name inside a longer word ("Russian" in "anti-Russian") is no reason, nor
            # a lower-case word in an alias ("regime" in "Iranian regime").
            token = tokens[index]
            if token.end - token.start < end - start and _capital(token):
                marked[index] = True
            index += 1
    return marked


def _capital(token: Token) -> bool:
    """A capitalised word, not one in capitals throughout ("NATO", "DISGRACEFUL") and
    not the pronoun "I"."""
    text = token.text
    return text[:1].isupper() and not (len(text) > 1 and text.isupper()) and text != "I"


def _capitalised_runs(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """``(first, last)`` of each run of capitalised words in a sentence, with lower-case
    links between capitalised words ("Bank of America")."""
    runs: list[tuple[int, int]] = []
    index, n = 0, len(tokens)
    while index < n:
        if not (is_word(tokens[index]) and _capital(tokens[index])):
            index += 1
            continue
        first = last = index
        probe = index + 1
        while probe < n and tokens[probe].sentence_id == tokens[first].sentence_id:
            if _capital(tokens[probe]):
                last = probe
            elif tokens[probe].key not in _LINKS:
                break
            probe += 1
        runs.append((first, last))
        index = last + 1
    return runs


def _explained(tokens: Sequence[Token], index: int) -> bool:
    """Whether a capital at ``tokens[index]`` is explained by its place: the first word of
    its sentence, or the first after an opening quote, colon, bracket or dash."""
    token = tokens[index]
    previous = index - 1
    while previous >= 0 and tokens[previous].sentence_id == token.sentence_id:
        if is_word(tokens[previous]):
            return False
        if tokens[previous].text in _OPENERS:
            return True
        previous -= 1
    return True


def _title_case_sentences(tokens: Sequence[Token]) -> set[int]:
    """Sentences written in title case (headlines): most of their longer words capitalised."""
    counts: dict[int, list[int]] = {}
    for token in tokens:
        if is_word(token) and len(token.text) >= _TITLE_CASE_WORD_LENGTH:
            tally = counts.setdefault(token.sentence_id, [0, 0])
            tally[0] += _capital(token) or token.text.isupper()
            tally[1] += 1
    return {
        sentence
        for sentence, (capitals, words) in counts.items()
        if words >= _TITLE_CASE_MIN_WORDS and capitals >= _TITLE_CASE_SHARE * words
    }

"""Sentence boundaries: Punkt's decisions (Kiss & Strunk 2006, as NLTK implements them).

:func:`sentence_spans` gives the spans ``nltk.tokenize.punkt.PunktSentenceTokenizer``
gives for the parameters framing ships (its abbreviation list, no learned collocations,
sentence starters or orthographic statistics), decision for decision: the same candidate
contexts, the same first pass (a final ".", "?" or "!" breaks unless the word is an
abbreviation or an ellipsis) and the same second pass (an initial or a number before a
word that cannot start a sentence does not break), the same realignment of closing
quotes and brackets. What differs is the machinery: NLTK builds an object per word of
every candidate's context and runs each match through its ReDoS-guarded ``regex``
wrapper, which made Punkt the slowest step of segmentation; here the patterns are NLTK's
own, compiled with ``re``, and the context's words are plain strings.

The abbreviations are ``punkt_abbreviations.txt`` beside this module (one per line,
lower case, without the final period): nothing is downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from itertools import pairwise

__all__ = ["abbreviations", "sentence_spans"]

# NLTK's PunktLanguageVars patterns, verbatim.
_NON_WORD = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb\?!])"
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"
_PERIOD_CONTEXT = re.compile(
    rf"""[\.\?!](?=(?P<after_tok>{_NON_WORD}|\s+(?P<next_tok>\S+)))""", re.UNICODE
)
_WORD = re.compile(
    rf"""(
        {_MULTI_CHAR}
        |
        (?={_WORD_START})\S+?
        (?=
            \s|$|{_NON_WORD}|{_MULTI_CHAR}|,(?=$|\s|{_NON_WORD}|{_MULTI_CHAR})
        )
        |
        \S
    )""",
    re.UNICODE | re.VERBOSE,
)
_REALIGN = re.compile(r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)', re.MULTILINE)
_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_INITIAL = re.compile(r"[^\W\d]\.$", re.UNICODE)
_ELLIPSIS = re.compile(r"\.\.+$")
_SENT_END = frozenset(".?!")
_PUNCTUATION = frozenset(";:,.!?")
_WHITESPACE = frozenset(" \t\n\r\x0b\x0c")  # string.whitespace, as NLTK looks back for it


@cache
def abbreviations() -> frozenset[str]:
    """The abbreviations that do not end a sentence (lower case, no final period)."""
    source = resources.files("framing.text").joinpath("punkt_abbreviations.txt")
    return frozenset(
        line.strip().lower().rstrip(".")
        for line in source.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (a paragraph), as Punkt splits it.

    Examples
    --------
    >>> sentence_spans('He left. "Why?" she asked. Mr. Smith stayed.')
    [(0, 8), (9, 26), (27, 45)]
    """
    return list(_realigned(text, _slices(text)))


def _slices(text: str) -> Iterator[tuple[int, int]]:
    last_break = 0
    for match, context in _end_contexts(text):
        if _contains_break(context):
            yield last_break, match.end()
            last_break = match.start("next_tok") if match.group("next_tok") else match.end()
    yield last_break, len(text.rstrip())


def _end_contexts(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """NLTK's ``_match_potential_end_contexts``: each candidate with the word before it,
    a candidate whose word overlaps the previous candidate's replacing it."""
    previous_start = previous_stop = 0
    previous_match = None
    for match in _PERIOD_CONTEXT.finditer(text):
        before = text[previous_stop : match.start()]
        space = _last_whitespace(before)
        word_start = space + previous_stop + 1 if space else previous_start
        if previous_match and previous_stop <= word_start:
            yield previous_match, _context(text, previous_start, previous_stop, previous_match)
        previous_match = match
        previous_start, previous_stop = word_start, match.start()
    if previous_match:
        yield previous_match, _context(text, previous_start, previous_stop, previous_match)


def _last_whitespace(text: str) -> int:
    for i in range(len(text) - 1, -1, -1):
        if text[i] in _WHITESPACE:
            return i
    return 0


def _context(text: str, start: int, stop: int, match: re.Match[str]) -> str:
    return text[start:stop] + match.group() + match.group("after_tok")


def _contains_break(context: str) -> bool:
    """NLTK's ``text_contains_sentbreak``: a word of the context other than its last
    breaks a sentence, after both passes of annotation."""
    words = [w for line in context.split("\n") if line.strip() for w in _WORD.findall(line)]
    return any(_breaks(word, following) for word, following in pairwise(words))


def _breaks(word: str, following: str) -> bool:
    """Whether ``word`` ends a sentence, given the word that follows it."""
    if word in _SENT_END:
        return True
    if not word.endswith(".") or word.endswith(".."):
        return False  # not period-final, or an ellipsis: never a break here
    stem = word[:-1].lower()
    abbreviation = abbreviations()
    if stem in abbreviation or stem.split("-")[-1] in abbreviation:
        return False  # an abbreviation; with no learned statistics it stays one
    # Second pass: an initial or a number does not break before a word that cannot
    # start a sentence (punctuation, lower case), and an initial not before a
    # capitalised word ("J. Bach"), Punkt's orthographic heuristic with no statistics.
    is_initial = _INITIAL.match(word) is not None
    if is_initial or _NUMERIC.match(word.lower()):
        if following in _PUNCTUATION or following[0].islower():
            return False
        if is_initial and following[0].isupper():
            return False
    return True


def _realigned(text: str, slices: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """NLTK's ``_realign_boundaries``: closing quotes and brackets after a break join
    the sentence they close."""
    realign = 0
    pending = next(slices, None)
    while pending is not None:
        following = next(slices, None)
        start, stop = pending[0] + realign, pending[1]
        if following is None:
            if text[start:stop]:
                yield start, stop
            break
        match = _REALIGN.match(text, following[0], following[1])
        if match:
            yield start, following[0] + len(match.group(0).rstrip())
            realign = match.end() - following[0]
        else:
            realign = 0
            if text[start:stop]:
                yield start, stop
        pending = following

"""VADER sentiment (Hutto & Gilbert 2014), through the ``vaderSentiment`` package.

One analyser serves the whole library: building it reads VADER's lexicon of 7,500 words,
which the package ships, so nothing is downloaded. :class:`SpanSentiment` scores spans
of one text (each span once); :func:`word_valence` reads the lexicon.
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["MAX_SCORED_WORDS", "SpanSentiment", "vader", "word_valence"]


@cache
def vader() -> Any:
    """The shared ``SentimentIntensityAnalyzer``; its ``polarity_scores(text)`` gives
    ``neg``, ``neu``, ``pos`` and ``compound`` (in [-1, 1])."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def word_valence(word: str) -> float:
    """The valence VADER's lexicon gives ``word`` (lower-cased), in [-4, 4]; 0.0 if none."""
    return float(vader().lexicon.get(word.lower(), 0.0))


#: Longest span, in words, that VADER scores in one piece (see :class:`SpanSentiment`).
MAX_SCORED_WORDS = 1000


class SpanSentiment:
    """VADER's compound of spans of one text, each span scored once.

    ``compound(start, end)`` equals ``vader().polarity_scores(text[start:end])["compound"]``
    for a span of at most :data:`MAX_SCORED_WORDS` words. VADER's own passes take time
    quadratic in the length of what they are given (each word re-reads the whole list),
    so a longer span (a quote left open to the end of a huge paragraph) is scored as the
    word-weighted mean of the compounds of its pieces of at most that many words.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._scores: dict[tuple[int, int], float] = {}

    def compound(self, start: int, end: int) -> float:
        key = (start, end)
        if key not in self._scores:
            self._scores[key] = _compound(self.text[start:end])
        return self._scores[key]


def _compound(text: str) -> float:
    words = text.split()
    if len(words) <= MAX_SCORED_WORDS:
        return vader().polarity_scores(text)["compound"]
    pieces = [words[i : i + MAX_SCORED_WORDS] for i in range(0, len(words), MAX_SCORED_WORDS)]
    total = sum(vader().polarity_scores(" ".join(p))["compound"] * len(p) for p in pieces)
    return total / len(words)

"""VADER sentiment (Hutto & Gilbert 2014), through the ``vaderSentiment`` package.

One analyser serves the whole library: building it reads VADER's lexicon of 7,500 words,
which the package ships, so nothing is downloaded. :class:`SpanSentiment` scores spans
of one text (each span once); :func:`word_valence` reads the lexicon.
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["SpanSentiment", "vader", "word_valence"]


@cache
def vader() -> Any:
    """The shared ``SentimentIntensityAnalyzer``; its ``polarity_scores(text)`` gives
    ``neg``, ``neu``, ``pos`` and ``compound`` (in [-1, 1])."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def word_valence(word: str) -> float:
    """The valence VADER's lexicon gives ``word`` (lower-cased), in [-4, 4]; 0.0 if none."""
    return float(vader().lexicon.get(word.lower(), 0.0))


class SpanSentiment:
    """VADER's compound of spans of one text, each span scored once.

    ``compound(start, end)`` equals ``vader().polarity_scores(text[start:end])["compound"]``.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._scores: dict[tuple[int, int], float] = {}

    def compound(self, start: int, end: int) -> float:
        key = (start, end)
        if key not in self._scores:
            self._scores[key] = vader().polarity_scores(self.text[start:end])["compound"]
        return self._scores[key]

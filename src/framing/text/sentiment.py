"""VADER sentiment (Hutto & Gilbert 2014), through the ``vaderSentiment`` package.

One analyser serves the whole library: building it reads VADER's lexicon of 7,500 words,
which the package ships, so nothing is downloaded.
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["vader"]


@cache
def vader() -> Any:
    """The shared ``SentimentIntensityAnalyzer``; its ``polarity_scores(text)`` gives
    ``neg``, ``neu``, ``pos`` and ``compound`` (in [-1, 1])."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()

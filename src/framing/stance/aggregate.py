"""From the mentions of a target to its stance: score, contributions, interval and label.

Each mention ``i`` has the model's probabilities ``(n_i, u_i, p_i)`` (negative, neutral,
positive), a stance ``s_i = p_i - n_i`` and a *voice* weight ``v_i`` (1 in the author's
voice, ``quote_weight`` inside a quotation: a speaker's words are not the author's). The
score is the mean of the mentions' stances weighted by ``v_i x (1 - u_i)``, how much
each mention reads as taking any stance at all::

    score = sum_i c_i,   c_i = a_i s_i,   a_i = v_i (1 - u_i) / sum_j v_j (1 - u_j)

so many neutral mentions do not wash out one that clearly takes a side (a plain mean
would), while a target mentioned only neutrally stays near 0. ``c_i`` is the mention's
``contribution``. The interval is ``score +- 1.96 sd``, where each mention's stance is
read as a draw of -1, 0 or +1 with its probabilities (variance ``n_i + p_i - s_i^2``)
and ``sd^2 = sum_i a_i^2 var_i``: one mention leaves it wide, many agreeing mentions
narrow it. The label is the class of the largest ``log P_k + b_k``, where ``P`` are the
mentions' probabilities averaged with the weights ``a_i`` (``probabilities``) and ``b``
the model's label biases (chosen on NewsMTSC dev, recorded in its card; 0 for neutral).
For one mention it is the model's own decision, nudged by the biases.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import NamedTuple

__all__ = ["Aggregate", "aggregate", "label_of"]

_Z = 1.96
_CLASSES = ("negative", "neutral", "positive")


class Aggregate(NamedTuple):
    """A target's stance from its mentions (see the module's docstring)."""

    score: float
    contributions: list[float]
    ci_low: float
    ci_high: float
    probabilities: tuple[float, float, float]


def aggregate(
    probabilities: Sequence[tuple[float, float, float]], voices: Sequence[float]
) -> Aggregate:
    """Score, contributions, interval and mean probabilities of a target's mentions.

    Parameters
    ----------
    probabilities : sequence of (negative, neutral, positive)
        The model's probabilities, one triple per mention.
    voices : sequence of float
        Each mention's voice weight (1 for the author's voice).

    Returns
    -------
    Aggregate
        NaN score and interval when there are no mentions (or no weight).
    """
    raw = [v * (1.0 - u) for (_, u, _), v in zip(probabilities, voices, strict=True)]
    total = sum(raw)
    if not probabilities or total <= 0:
        nan = math.nan
        return Aggregate(nan, [0.0] * len(probabilities), nan, nan, (nan, nan, nan))
    shares = [r / total for r in raw]
    stances = [p - n for n, _, p in probabilities]
    contributions = [a * s for a, s in zip(shares, stances, strict=True)]
    score = sum(contributions)
    variance = sum(
        a * a * (n + p - s * s)
        for a, (n, _, p), s in zip(shares, probabilities, stances, strict=True)
    )
    spread = _Z * math.sqrt(max(variance, 0.0))
    mean = tuple(
        sum(a * triple[k] for a, triple in zip(shares, probabilities, strict=True))
        for k in range(3)
    )
    return Aggregate(
        score, contributions, max(-1.0, score - spread), min(1.0, score + spread), mean
    )


def label_of(probabilities: Sequence[float], biases: Mapping[str, float]) -> str:
    """The class of the largest ``log P_k + b_k`` (``neutral`` without probabilities).

    ``probabilities`` are ``(negative, neutral, positive)``; ``biases`` maps class names
    to their bias (a missing one is 0).
    """
    if any(math.isnan(p) for p in probabilities):
        return "neutral"
    best = max(
        range(3),
        key=lambda k: math.log(max(probabilities[k], 1e-300)) + biases.get(_CLASSES[k], 0.0),
    )
    return _CLASSES[best]

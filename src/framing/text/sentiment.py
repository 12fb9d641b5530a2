"""VADER sentiment (Hutto & Gilbert 2014) of any span of a text, computed once per text.

:class:`SpanSentiment` reads a text once (its whitespace tokens, their lexicon valences,
booster, negation and capitalisation flags) and then scores any span by slicing: the
scores equal ``vaderSentiment``'s ``polarity_scores(text[start:end])`` exactly (VADER's
rules re-implemented over the prepared tokens: negation within three words, boosters and
dampeners, "no", "least", "but", ALL-CAPS emphasis, special idioms, "!" and "?"), with no
pass that grows faster than the span. ``vaderSentiment`` itself lowers the whole word
list again for every word that has a lexicon neighbour, so a 3,000-word quotation costs
as much as hundreds of sentences; spans with emoji, which VADER first rewrites into
words, are the one case left to ``vaderSentiment``.

VADER's lexicon and rule words come from the ``vaderSentiment`` package (MIT), which
ships them: nothing is downloaded.
"""

from __future__ import annotations

import math
import re
import string
from bisect import bisect_left, bisect_right
from functools import cache
from itertools import accumulate, compress, count, repeat
from typing import Any, NamedTuple

__all__ = ["Scores", "SpanSentiment", "vader", "word_valence"]

_GAPS = re.compile(r"(\S+)")  # str.split(): the same Unicode whitespace
_PUNCTUATION = string.punctuation


@cache
def vader() -> Any:
    """The shared ``SentimentIntensityAnalyzer``; its ``polarity_scores(text)`` gives
    ``neg``, ``neu``, ``pos`` and ``compound`` (in [-1, 1])."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def word_valence(word: str) -> float:
    """The valence VADER's lexicon gives ``word`` (lower-cased), in [-4, 4]; 0.0 if none."""
    return float(vader().lexicon.get(word.lower(), 0.0))


class Scores(NamedTuple):
    """VADER's four scores of a span, rounded as ``polarity_scores`` rounds them."""

    neg: float
    neu: float
    pos: float
    compound: float


class _Rules(NamedTuple):
    """VADER's lexicon and rule words, read once from the package."""

    lexicon: dict[str, float]
    boosters: dict[str, float]
    negations: frozenset[str]
    special_cases: dict[str, float]
    emoji: frozenset[str]  # VADER rewrites these characters into words first
    b_incr: float
    c_incr: float
    n_scalar: float


@cache
def _rules() -> _Rules:
    from vaderSentiment import vaderSentiment as source

    return _Rules(
        lexicon=vader().lexicon,
        boosters=source.BOOSTER_DICT,
        negations=frozenset(source.NEGATE),
        special_cases=source.SPECIAL_CASES,
        emoji=frozenset(e for e in vader().emojis if len(e) == 1),
        b_incr=source.B_INCR,
        c_incr=source.C_INCR,
        n_scalar=source.N_SCALAR,
    )


@cache
def _scoring_words() -> frozenset[str]:
    """The lexicon's words that are not boosters (a booster's own valence is 0)."""
    rules = _rules()
    return frozenset(w for w in rules.lexicon if w not in rules.boosters)


def _word(token: str) -> str:
    """VADER's word for a whitespace token: punctuation stripped unless that leaves two
    characters or fewer (an emoticon such as ":)" is kept whole)."""
    stripped = token.strip(_PUNCTUATION)
    return token if len(stripped) <= 2 else stripped


class SpanSentiment:
    """VADER's scores of spans of one text, from tokens prepared once.

    Parameters
    ----------
    text : str
        The whole text; spans are ``(start, end)`` character offsets into it.

    Examples
    --------
    >>> sentiment = SpanSentiment("A good day. A very bad night!")
    >>> sentiment.compound(0, 11), sentiment.compound(12, 29)
    (0.4404, -0.6598)
    """

    def __init__(self, text: str) -> None:
        rules = _rules()
        self.text = text
        # C-level passes, no Python loop per token: splitting on whitespace runs keeps
        # the gaps, and the running sum of the pieces' lengths gives every offset.
        pieces = _GAPS.split(text)  # gap, token, gap, token, ..., gap
        offsets = list(accumulate(map(len, pieces)))
        self._starts = offsets[0:-1:2]
        self._ends = offsets[1::2]
        tokens = pieces[1::2]
        stripped = list(map(str.strip, tokens, repeat(_PUNCTUATION, len(tokens))))
        words = [t if len(w) <= 2 else w for t, w in zip(tokens, stripped, strict=True)]
        self._words = words
        self._lower = list(map(str.lower, words))
        self._upper = list(map(str.isupper, words))
        # Words that can carry sentiment: in the lexicon and not a booster (boosters score 0).
        self._scored = list(compress(count(), map(_scoring_words().__contains__, self._lower)))
        self._buts = list(compress(count(), map("but".__eq__, self._lower)))
        self._upper_before = list(accumulate(self._upper, initial=0))
        self._emoji = sorted(i for char in set(text) & rules.emoji for i in _positions(text, char))
        self._cache: dict[tuple[int, int], Scores] = {}

    def compound(self, start: int, end: int) -> float:
        """VADER's compound (in [-1, 1]) of ``text[start:end]``."""
        return self.scores(start, end).compound

    def scores(self, start: int, end: int) -> Scores:
        """VADER's ``neg``, ``neu``, ``pos`` and ``compound`` of ``text[start:end]``."""
        key = (start, end)
        if key not in self._cache:
            self._cache[key] = self._score(max(0, start), min(len(self.text), end))
        return self._cache[key]

    # -- one span --------------------------------------------------------------------------

    def _score(self, start: int, end: int) -> Scores:
        if start >= end:
            return Scores(0.0, 0.0, 0.0, 0.0)
        if bisect_left(self._emoji, start) < bisect_left(self._emoji, end):
            return Scores(**vader().polarity_scores(self.text[start:end]))
        first = bisect_right(self._ends, start)  # tokens ending after start
        last = bisect_left(self._starts, end)  # tokens starting before end
        if first >= last:
            return Scores(0.0, 0.0, 0.0, 0.0)
        words, lower, upper = self._span_tokens(start, end, first, last)
        n = len(words)
        n_upper = sum(upper) if len(words) < 3 else None
        if n_upper is None:
            inner = self._upper_before[last - 1] - self._upper_before[first + 1]
            n_upper = inner + upper[0] + upper[-1]
        is_cap_diff = 0 < n - n_upper < n
        rules = _rules()
        # Positions (in the span) of the words that may score, and their values.
        candidates = self._scored[
            bisect_left(self._scored, first) : bisect_left(self._scored, last)
        ]
        positions = [i - first for i in candidates]
        for edge in {0, n - 1}:  # a cut word may differ from the whole one
            if (edge + first) not in candidates and lower[edge] in rules.lexicon:
                positions.append(edge)
        positions = sorted(p for p in set(positions) if _can_score(lower, p, rules))
        values = [(p, _valence(words, lower, upper, p, is_cap_diff, rules)) for p in positions]
        values = [(p, v) for p, v in values if v != 0]
        values = _but_check(values, self._first_but(lower, first, last))
        return _scores([v for _, v in values], n, self.text, start, end)

    def _span_tokens(
        self, start: int, end: int, first: int, last: int
    ) -> tuple[list[str], list[str], list[bool]]:
        words = self._words[first:last]
        lower = self._lower[first:last]
        upper = self._upper[first:last]
        # The span may cut its first or last token.
        if self._starts[first] < start or self._ends[first] > end:
            words[0] = _word(
                self.text[max(start, self._starts[first]) : min(end, self._ends[first])]
            )
            lower[0], upper[0] = words[0].lower(), words[0].isupper()
        if last - 1 > first and self._ends[last - 1] > end:
            words[-1] = _word(self.text[self._starts[last - 1] : end])
            lower[-1], upper[-1] = words[-1].lower(), words[-1].isupper()
        return words, lower, upper

    def _first_but(self, lower: list[str], first: int, last: int) -> int | None:
        """The span's first "but" (a cut first or last word may read "but" or stop to)."""
        inner = self._buts[bisect_left(self._buts, first) : bisect_left(self._buts, last)]
        candidates = [0, *(b - first for b in inner), len(lower) - 1]
        return next((c for c in candidates if lower[c] == "but"), None)


def _positions(text: str, char: str) -> list[int]:
    found, i = [], text.find(char)
    while i >= 0:
        found.append(i)
        i = text.find(char, i + 1)
    return found


def _can_score(lower: list[str], i: int, rules: _Rules) -> bool:
    """VADER scores a word from the lexicon unless it is a booster or "kind" of "kind of"."""
    word = lower[i]
    if word not in rules.lexicon or word in rules.boosters:
        return False
    return not (word == "kind" and i < len(lower) - 1 and lower[i + 1] == "of")


def _valence(
    words: list[str], lower: list[str], upper: list[bool], i: int, is_cap_diff: bool, rules: _Rules
) -> float:
    """``SentimentIntensityAnalyzer.sentiment_valence`` of word ``i``, operation for
    operation (the same floating-point results)."""
    lexicon, n_scalar = rules.lexicon, rules.n_scalar
    word = lower[i]
    valence = lexicon[word]
    if word == "no" and i != len(lower) - 1 and lower[i + 1] in lexicon:
        valence = 0.0
    if (
        (i > 0 and lower[i - 1] == "no")
        or (i > 1 and lower[i - 2] == "no")
        or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor"))
    ):
        valence = lexicon[word] * n_scalar
    if upper[i] and is_cap_diff:
        valence = valence + rules.c_incr if valence > 0 else valence - rules.c_incr
    for start_i in range(3):
        before = i - (start_i + 1)
        if i > start_i and lower[before] not in lexicon:
            s = _scalar(words[before], lower[before], upper[before], valence, is_cap_diff, rules)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation_check(valence, lower, start_i, i, rules)
            if start_i == 2:
                valence = _special_idioms_check(valence, lower, i, rules)
    return _least_check(valence, lower, i, rules)


def _scalar(
    word: str, lower: str, is_upper: bool, valence: float, is_cap_diff: bool, rules: _Rules
) -> float:
    scalar = 0.0
    if lower in rules.boosters:
        scalar = rules.boosters[lower]
        if valence < 0:
            scalar *= -1
        if is_upper and is_cap_diff:
            scalar = scalar + rules.c_incr if valence > 0 else scalar - rules.c_incr
    return scalar


def _negated(word: str, rules: _Rules) -> bool:
    return word in rules.negations or "n't" in word


def _negation_check(valence: float, lower: list[str], start_i: int, i: int, rules: _Rules) -> float:
    n_scalar = rules.n_scalar
    if start_i == 0:
        if _negated(lower[i - 1], rules):
            valence = valence * n_scalar
    elif start_i == 1:
        if lower[i - 2] == "never" and lower[i - 1] in ("so", "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _negated(lower[i - 2], rules):
            valence = valence * n_scalar
    else:
        # VADER's precedence: (never and so/this two back) or so/this right before.
        if (lower[i - 3] == "never" and lower[i - 2] in ("so", "this")) or lower[i - 1] in (
            "so",
            "this",
        ):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and "doubt" in (lower[i - 2], lower[i - 1]):
            pass
        elif _negated(lower[i - 3], rules):
            valence = valence * n_scalar
    return valence


def _special_idioms_check(valence: float, lower: list[str], i: int, rules: _Rules) -> float:
    special = rules.special_cases
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for sequence in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if sequence in special:
            valence = special[sequence]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in special:
            valence = special[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in special:
            valence = special[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in rules.boosters:
            valence = valence + rules.boosters[n_gram]
    return valence


def _least_check(valence: float, lower: list[str], i: int, rules: _Rules) -> float:
    if i > 1 and lower[i - 1] not in rules.lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * rules.n_scalar
    elif i > 0 and lower[i - 1] not in rules.lexicon and lower[i - 1] == "least":
        valence = valence * rules.n_scalar
    return valence


def _but_check(values: list[tuple[int, float]], but: int | None) -> list[tuple[int, float]]:
    """VADER's "but" rule, including its quirk: each value is looked up by *value*
    (``list.index``), so of equal values the first is scaled again and again. Zeros stay
    zeros whatever is done to them, so only the nonzero values need replaying."""
    if but is None:
        return values
    positions = [p for p, _ in values]
    scaled = [v for _, v in values]
    for k in range(len(scaled)):
        value = scaled[k]
        si = scaled.index(value)
        if positions[si] < but:
            scaled[si] = value * 0.5
        elif positions[si] > but:
            scaled[si] = value * 1.5
    return list(zip(positions, scaled, strict=True))


def _scores(sentiments: list[float], n_words: int, text: str, start: int, end: int) -> Scores:
    """``SentimentIntensityAnalyzer.score_valence`` from the nonzero sentiments (in word
    order) and the number of words."""
    if not n_words:
        return Scores(0.0, 0.0, 0.0, 0.0)
    sum_s = float(sum(sentiments))
    exclamations = min(text.count("!", start, end), 4)
    questions = text.count("?", start, end)
    emphasis = exclamations * 0.292
    if questions > 1:
        emphasis += questions * 0.18 if questions <= 3 else 0.96
    if sum_s > 0:
        sum_s += emphasis
    elif sum_s < 0:
        sum_s -= emphasis
    compound = max(-1.0, min(1.0, sum_s / math.sqrt(sum_s * sum_s + 15)))
    pos_sum = neg_sum = 0.0
    for value in sentiments:
        if value > 0:
            pos_sum += float(value) + 1
        elif value < 0:
            neg_sum += float(value) - 1
    neu_count = n_words - len(sentiments)
    if pos_sum > math.fabs(neg_sum):
        pos_sum += emphasis
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= emphasis
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return Scores(
        round(math.fabs(neg_sum / total), 3),
        round(math.fabs(neu_count / total), 3),
        round(math.fabs(pos_sum / total), 3),
        round(compound, 4),
    )

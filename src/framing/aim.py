"""Which target a loaded term is aimed at, and whether the target gives or receives it.

Parser-free rules over tokens and clauses (see :func:`aim_loaded_terms`); they read
"hostile to Russia" as favourable to Russia (its victim) and "Armenia's revanchist
goals" as unfavourable to Armenia. They are heuristics: every result is kept as
evidence with its span so that a reader can check it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import pandas as pd

from framing.text import Document, Token, clauses

__all__ = ["MAX_GAP", "AimedTerm", "TargetSpans", "aim_loaded_terms"]

#: A term reaches a mention at most this many tokens away (in the same clause).
MAX_GAP = 4
# Words that may stand between a term and its object ("hostile to the", "seize seven").
_OBJECT_GAP = frozenset(
    {"the", "a", "an", "to", "against", "at", "on", "upon", "toward", "towards", "into",
     "over", "of", "its", "their", "his", "her", "our", "your", "all", "both", "this",
     "these", "those", "some", "many", "several", "other", "two", "three", "four", "five",
     "six", "seven", "eight", "nine", "ten"}
)  # fmt: skip
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"})
_POSSESSIVE = frozenset({"'s", "'"})
_RELATIVE = frozenset({"which", "who"})
_VERB_ENDINGS = ("ed", "en", "ing")
# Words after which the next word is a verb: infinitive "to", modals and auxiliaries.
_BEFORE_VERB = frozenset(
    {"to", "will", "would", "can", "could", "may", "might", "must", "shall", "should",
     "did", "does", "do", "not", "'t"}
)  # fmt: skip


class _Mention(NamedTuple):
    target: str
    first: int  # token indexes, inclusive
    last: int
    in_quote: bool
    opposed: bool  # inside an "anti-" compound: the phrase names the target's opponents
    possessive: bool


class AimedTerm(NamedTuple):
    """A loaded term aimed at a target, with its signed value for that target."""

    target: str
    sentence_id: int
    start: int  # the span from the term to the mention, for evidence
    end: int
    value: float
    in_quote: bool


class TargetSpans:
    """A document's target mentions located on its tokens and clauses."""

    def __init__(self, document: Document, mentions: pd.DataFrame) -> None:
        self.text = document.text
        self.tokens = document.tokens
        self.token_starts = [t.start for t in self.tokens]
        self.clause_bounds = clauses(self.tokens)
        self.clause_of = [0] * len(self.tokens)
        for index, (first, last) in enumerate(self.clause_bounds):
            self.clause_of[first : last + 1] = [index] * (last + 1 - first)
        self.mentions = [self._locate(m) for m in mentions.itertuples(index=False)]
        self.targets = list(dict.fromkeys(m.target for m in self.mentions))
        # "France, which is hostile to Russia": the relative pronoun stands for France in
        # its own clause, so it counts there as a mention of France.
        self.antecedents = [a for a in map(self._antecedent, self.mentions) if a is not None]

    def _antecedent(self, mention: _Mention) -> _Mention | None:
        following = self.tokens[mention.last + 1 : mention.last + 3]
        pronoun = next((i for i, t in enumerate(following) if t.key in _RELATIVE), None)
        if pronoun is None or any(t.key != "," for t in following[:pronoun]):
            return None
        at = mention.last + 1 + pronoun
        return mention._replace(first=at, last=at, possessive=False, opposed=False)

    def _locate(self, mention) -> _Mention:
        first = self.token_at(mention.start)
        last = self.token_at(mention.end - 1)
        after = self.tokens[last + 1].key if last + 1 < len(self.tokens) else ""
        return _Mention(
            mention.target,
            first,
            last,
            bool(mention.in_quote),
            self.tokens[first].key.startswith("anti-"),
            after in _POSSESSIVE,
        )

    def token_at(self, offset: int) -> int:
        return max(bisect_right(self.token_starts, offset) - 1, 0)

    def count(self, target: str) -> int:
        return sum(1 for m in self.mentions if m.target == target)

    def clauses_of(self, target: str) -> dict[int, bool]:
        """The clauses mentioning ``target``, each with whether its first mention is quoted."""
        found: dict[int, bool] = {}
        for mention in self.mentions:
            if mention.target == target:
                found.setdefault(self.clause_of[mention.first], mention.in_quote)
        return found

    def clause_span(self, clause: int) -> tuple[int, int]:
        first, last = self.clause_bounds[clause]
        return self.tokens[first].start, self.tokens[last].end

    def sentence_of_clause(self, clause: int) -> int:
        return self.tokens[self.clause_bounds[clause][0]].sentence_id


def aim_loaded_terms(spans: TargetSpans, loaded_terms: pd.DataFrame) -> Iterator[AimedTerm]:
    """Each charged loaded term (polarity not 0) aimed at the mentions it reaches.

    A term reaches the nearest mention before it and the nearest after it, in its
    clause, with at most :data:`MAX_GAP` tokens between them, leaving out mentions
    inside the term itself. Its value, polarity x weight (reversed when negated), is
    reversed again when the target is on the receiving end: a passive subject
    ("Lavrov was aggressively confronted"), an object right after the term ("hostile
    to Russia") that is not a possessor ("on Armenia's part"), or an "anti-" compound.
    A mention after "by" is the agent and keeps the sign.
    """
    by_clause: dict[int, list[_Mention]] = {}
    for mention in [*spans.mentions, *spans.antecedents]:
        by_clause.setdefault(spans.clause_of[mention.first], []).append(mention)
    charged = loaded_terms[loaded_terms["polarity"] != 0]
    for term in charged.itertuples(index=False):
        first, last = spans.token_at(term.start), spans.token_at(term.end - 1)
        nearby = by_clause.get(spans.clause_of[first], [])
        value = float(term.polarity) * float(term.weight) * (-1.0 if term.negated else 1.0)
        before = _nearest([(m, first - m.last - 1) for m in nearby if m.last < first])
        after = _nearest([(m, m.first - last - 1) for m in nearby if m.first > last])
        # Only the nearer side is the term's target; at equal distance both are
        # ("Lavrov was confronted by an activist": the one suffers it, the other does it).
        if before and after and before[1] != after[1]:
            before, after = (before, None) if before[1] < after[1] else (None, after)
        if before:
            passive = _passive_subject(spans.tokens, before[0], first, last)
            yield _aimed(spans, term, before[0], -value if passive else value)
        if after:
            received = _object(spans.tokens, first, last, after[0])
            yield _aimed(spans, term, after[0], -value if received else value)


def _nearest(candidates: list[tuple[_Mention, int]]) -> tuple[_Mention, int] | None:
    """The candidate (mention, gap in tokens) with the smallest gap, if within MAX_GAP."""
    reachable = [pair for pair in candidates if pair[1] <= MAX_GAP]
    return min(reachable, key=lambda pair: pair[1]) if reachable else None


def _passive_subject(tokens: Sequence[Token], mention: _Mention, first: int, last: int) -> bool:
    between = tokens[mention.last + 1 : first]
    participle = tokens[last].key.endswith(("ed", "en"))
    by_follows = any(t.key == "by" for t in tokens[last + 1 : last + 3])
    return any(t.key in _BE for t in between) and (participle or by_follows)


def _object(tokens: Sequence[Token], first: int, last: int, mention: _Mention) -> bool:
    between = tokens[last + 1 : mention.first]
    if any(t.key == "by" for t in between):
        return False  # "confronted by a pro-Ukrainian activist": the agent
    if mention.possessive or not all(t.key in _OBJECT_GAP for t in between):
        return False
    # Right before the mention, only a verb takes it as object ("occupied Azerbaijani
    # regions", "to discredit Russian policy"); an adjective describes it ("brutal
    # Ostreli militia").
    return bool(between) or _verb_like(tokens, first, last)


def _verb_like(tokens: Sequence[Token], first: int, last: int) -> bool:
    before = tokens[first - 1].key if first > 0 else ""
    return tokens[last].key.endswith(_VERB_ENDINGS) or before in _BEFORE_VERB


def _aimed(spans: TargetSpans, term, mention: _Mention, value: float) -> AimedTerm:
    if mention.opposed:
        value = -value
    start = min(term.start, spans.tokens[mention.first].start)
    end = max(term.end, spans.tokens[mention.last].end)
    return AimedTerm(mention.target, int(term.sentence_id), start, end, value, bool(term.in_quote))

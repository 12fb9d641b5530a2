"""Which target a loaded term is aimed at, and whether the target gives or receives it.

Parser-free rules over tokens and clauses (see :func:`aim_loaded_terms`); they read
"hostile to Russia" as favourable to Russia (its victim), "Armenia's revanchist
goals" as unfavourable to Armenia and "critics slammed Schiff" as unfavourable to
Schiff (a verb of speech disparages its object). :class:`TargetSpans` also finds the
text about a target that its ``sentiment`` is read from. They are heuristics: every
result is kept as evidence with its span so that a reader can check it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import pandas as pd

from framing.schema import records
from framing.text import Document, Token, clauses

__all__ = ["MAX_GAP", "AimedTerm", "TargetSpans", "aim_loaded_terms"]

#: A term reaches a mention at most this many tokens away (in the same clause).
MAX_GAP = 4
# Words that may stand between a term and its object ("hostile to the", "seize seven").
_OBJECT_GAP = frozenset(
    {"the", "a", "an", "to", "against", "at", "on", "upon", "toward", "towards", "into",
     "over", "of", "its", "their", "his", "her", "our", "your", "all", "both", "this",
     "these", "those", "some", "many", "several", "other", "two", "three", "four", "five",
     "six", "seven", "eight", "nine", "ten", "about",
     # titles before a name: "scoffed at Mr. Santorum", "a call for President Obama"
     "mr", "mrs", "ms", "dr", ".", "president", "sen", "senator", "rep", "gov",
     "governor", "former", "vice", "speaker", "minister", "prime", "foreign"}
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
    index: int  # position in TargetSpans.mentions (an antecedent keeps its mention's)


class AimedTerm(NamedTuple):
    """A loaded term aimed at a target, with its signed value for that target."""

    target: str
    sentence_id: int
    start: int  # the span from the term to the mention, for evidence
    end: int
    value: float
    in_quote: bool
    mention: int  # the mention's position in TargetSpans.mentions
    term_start: int  # the term's own span
    term_end: int


class TargetSpans:
    """A document's target mentions located on its tokens and clauses."""

    def __init__(self, document: Document, mentions: pd.DataFrame) -> None:
        self.text = document.text
        self.sentences = document.sentences
        self.tokens = document.tokens
        self.token_starts = [t.start for t in self.tokens]
        self.clause_bounds = clauses(self.tokens)
        self.clause_of = [0] * len(self.tokens)
        for index, (first, last) in enumerate(self.clause_bounds):
            self.clause_of[first : last + 1] = [index] * (last + 1 - first)
        self.mentions = [
            self._locate(index, m)
            for index, m in enumerate(records(mentions, ("target", "start", "end", "in_quote")))
        ]
        # Each target's mentions (their positions in text order), read once per target.
        self.of_target: dict[str, list[int]] = {}
        for index, mention in enumerate(self.mentions):
            self.of_target.setdefault(mention.target, []).append(index)
        self.targets = list(self.of_target)
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

    def _locate(self, index: int, mention) -> _Mention:
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
            index,
        )

    def token_at(self, offset: int) -> int:
        return max(bisect_right(self.token_starts, offset) - 1, 0)

    def count(self, target: str) -> int:
        return len(self.of_target.get(target, ()))

    def mentions_of(self, target: str) -> list[_Mention]:
        """The mentions of ``target``, in text order."""
        return [self.mentions[i] for i in self.of_target.get(target, ())]

    def scopes_of(self, target: str) -> dict[tuple[int, int, int], bool]:
        """The spans that speak of ``target``: ``(sentence_id, start, end)``, each with
        whether its first mention is quoted.

        The clause of each mention: sentences often speak of several actors at once, and
        reading the clause whatever else is named keeps a target's reading independent
        of which other targets are asked about.
        """
        found: dict[tuple[int, int, int], bool] = {}
        for mention in self.mentions_of(target):
            sentence = self.tokens[mention.first].sentence_id
            scope = (sentence, *self.clause_span(self.clause_of[mention.first]))
            found.setdefault(scope, mention.in_quote)
        return found

    def continuations_of(self, target: str) -> list[tuple[int, int, int]]:
        """Sentences that go on about ``target``: the sentence right after one that
        names it, when that sentence does not name it itself (news paragraphs are often a
        single sentence, so the next one may open a new paragraph)."""
        named = {self.tokens[m.first].sentence_id for m in self.mentions_of(target)}
        return [
            (after, self.sentences[after].start, self.sentences[after].end)
            for after in sorted(s + 1 for s in named)
            if after < len(self.sentences) and after not in named
        ]

    def clause_span(self, clause: int) -> tuple[int, int]:
        first, last = self.clause_bounds[clause]
        return self.tokens[first].start, self.tokens[last].end


def aim_loaded_terms(
    spans: TargetSpans,
    loaded_terms: pd.DataFrame,
    cue_spans: Sequence[tuple[int, int]] = (),
) -> Iterator[AimedTerm]:
    """Each charged loaded term (polarity not 0) aimed at the mentions it reaches.

    A term reaches, for each target, the nearer of its nearest mention before and after
    the term in the term's clause, with at most :data:`MAX_GAP` tokens between them
    (leaving out mentions inside the term itself); targets are read apart, so a target's
    terms do not depend on which other targets are asked about. Its value, polarity x
    weight (reversed when negated), is reversed again when the target is on the
    receiving end: a passive subject ("Lavrov was aggressively confronted"), an object
    right after the term ("hostile to Russia") that is not a possessor ("on Armenia's
    part"), or an "anti-" compound.
    A mention after "by" is the agent and keeps the sign. A term that is the cue of
    reported speech (``cue_spans``: "slammed", "scoffed at") is an act of speaking: its
    object is what the speech disparages, not a victim, so it keeps the sign as well.
    """
    cue_tokens = set()
    for start, end in cue_spans:
        cue_tokens.update(range(spans.token_at(start), spans.token_at(end - 1) + 1))
    by_clause: dict[int, list[_Mention]] = {}
    for mention in [*spans.mentions, *spans.antecedents]:
        by_clause.setdefault(spans.clause_of[mention.first], []).append(mention)
    columns = ("start", "end", "sentence_id", "polarity", "weight", "negated", "in_quote")
    for term in records(loaded_terms, columns):
        if term.polarity == 0:
            continue
        first, last = spans.token_at(term.start), spans.token_at(term.end - 1)
        value = float(term.polarity) * float(term.weight) * (-1.0 if term.negated else 1.0)
        speech = any(index in cue_tokens for index in range(first, last + 1))
        nearby: dict[str, list[_Mention]] = {}
        for mention in by_clause.get(spans.clause_of[first], []):
            nearby.setdefault(mention.target, []).append(mention)
        # Each target on its own, so that its reading does not depend on which other
        # targets are asked about.
        for own in nearby.values():
            before = _nearest([(m, first - m.last - 1) for m in own if m.last < first])
            after = _nearest([(m, m.first - last - 1) for m in own if m.first > last])
            if before and after and before[1] != after[1]:  # the nearer one (both if equal)
                before, after = (before, None) if before[1] < after[1] else (None, after)
            if before:
                passive = not speech and _passive_subject(spans.tokens, before[0], first, last)
                yield _aimed(spans, term, before[0], -value if passive else value)
            if after:
                received = not speech and _object(spans.tokens, first, last, after[0])
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
    return AimedTerm(
        mention.target,
        int(term.sentence_id),
        start,
        end,
        value,
        bool(term.in_quote),
        mention.index,
        int(term.start),
        int(term.end),
    )

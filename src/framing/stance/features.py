"""Features of a target mention for the mention model, each traced to a span of the text.

:class:`DocumentFeatures` reads a document once (tokens, clauses, negation, VADER word
valences, quotations, loaded terms, reported speech) and then gives, for each mention
of a target, its :class:`Atom` s: ``(feature, value, start, end)``. A feature's value in
the model's input is the sum of its atoms' values; the atoms are what a reader checks.
The groups (the prefix of a feature's name before ``:``):

``l``, ``r``, ``b``
    Words with the target's mentions masked as ``<t>``: the content words up to
    :data:`WINDOW` tokens to the left (``l:``) and right (``r:``), and the bigrams of that
    window (``b:``, "criticised_<t>", "against_<t>"). Function words count only in the
    bigrams, and words further away not at all: alone, both carry the corpus's topics
    rather than what is said of the target (on NewsMTSC dev, leaving them out raised
    macro-F1 from 0.683 to 0.700 on rw and 0.651 to 0.653 on mt).
``val``
    VADER word valences (divided by 4; reversed in the scope of a negator), positive
    and negative apart, by distance from the mention (near: up to 3 tokens, mid: up to
    8, far) and whether the word is in the mention's clause.
``tone``
    VADER compound of the mention's sentence and of its clause, positive and negative
    parts apart.
``aim``
    Loaded terms aimed at the mention by the rules of :mod:`framing.stance.aim` (their
    sign reversed where the target is on the receiving end), against and for it; and
    ``loaded``, the charged loaded terms of the sentence not aimed at the target.
``role``
    The mention's role in its clause: subject (first in its clause, a verb after it),
    object (right after a verb), passive subject ("X was attacked"), agent after "by",
    object of a verb of speech ("critics slammed X"), possessor ("X's"), speaker of
    reported speech; and each role crossed with the near valence (``role:passive|val-``:
    a victim).
``speech``
    Inside a quotation; inside what someone else is reported saying, by the class of the
    cue ("speech:about:distancing") and the tone of that content; the target's own
    reported words, by cue class and tone.
``neg``
    A negator in the mention's clause.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from framing.schema import SPEECH_KINDS, records
from framing.stance.aim import TargetSpans, aim_loaded_terms
from framing.text import NEGATORS, Document, is_word, negated, word_valence

__all__ = ["GROUPS", "WINDOW", "Atom", "DocumentFeatures", "group_of", "stance_evidence_rows"]

#: Tokens on each side of a mention whose words are features of their own (``l:``, ``r:``).
WINDOW = 6
#: Feature groups, for ablations (see :func:`group_of`).
GROUPS = ("words", "val", "tone", "aim", "role", "speech", "neg")
_WORD_PREFIXES = {"l": "words", "r": "words", "b": "words", "loaded": "aim"}
_MASK = "<t>"
_NEAR, _MID = 3, 8
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"})
_POSSESSIVE = frozenset({"'s", "'"})
_PARTICIPLE_ENDINGS = ("ed", "en")
_VERB_ENDINGS = ("ed", "en", "ing", "s")
_DETERMINERS = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those",
     "mr", "mrs", "ms", "dr", ".", "president", "sen", "senator", "rep", "gov"}
)  # fmt: skip
_SOURCE_COLUMNS = (
    "kind", "cue_class", "speaker_start", "speaker_end", "cue_start", "cue_end",
    "content_start", "content_end",
)  # fmt: skip


class Atom(NamedTuple):
    """One piece of evidence for a feature: its name, value and the span it reads."""

    feature: str
    value: float
    start: int
    end: int


def group_of(feature: str) -> str:
    """The group (one of :data:`GROUPS`) a feature belongs to."""
    prefix = feature.split(":", 1)[0]
    return _WORD_PREFIXES.get(prefix, prefix)


class _Speech(NamedTuple):
    cue_class: str
    speaker: tuple[int, int]
    cue: tuple[int, int]
    content: tuple[int, int]


def stance_evidence_rows(
    loaded_terms: pd.DataFrame, sources: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows stance reads: loaded language, not epistemic markers or literal uses
    ("killed" in a report of an attack), is what can be aimed at a target; and speech
    that happened ("refused to comment", "might suggest" say nothing of anyone)."""
    literal = loaded_terms["literal"].to_numpy(dtype=bool)
    loaded = (loaded_terms["kind"].to_numpy() == "loaded") & ~literal
    reported = sources["speech_act"].to_numpy() == "reported"
    return _rows_where(loaded_terms, loaded), _rows_where(sources, reported)


def _rows_where(frame: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    """``frame[keep]``; the frame itself when every row is kept (masking a DataFrame costs
    more than reading it)."""
    return frame if keep.all() else frame[keep]


class DocumentFeatures:
    """A document read once for the features of its target mentions.

    Parameters
    ----------
    document : Document
        The segmented article.
    mentions : DataFrame
        Target mentions: ``target, start, end, in_quote`` (as from
        :meth:`framing.targets.Gazetteer.find`).
    loaded_terms, sources : DataFrame
        The article's loaded terms and source rows (their span and class columns only).
    tone : callable
        ``tone(start, end)``, VADER's compound of a span of the text
        (:meth:`framing.text.SpanSentiment.compound`).
    """

    def __init__(
        self,
        document: Document,
        mentions: pd.DataFrame,
        loaded_terms: pd.DataFrame,
        sources: pd.DataFrame,
        tone: Callable[[int, int], float],
    ) -> None:
        self.document = document
        self.tokens = document.tokens
        self.tone = tone
        self.spans = TargetSpans(document, mentions)
        self.starts = self.spans.token_starts
        negation = negated(self.tokens)
        valences = dict.fromkeys(t.key for t in self.tokens)  # each distinct word once
        for key in valences:
            valences[key] = word_valence(key)
        self.valence = [
            valences[t.key] * (-1.0 if flag else 1.0) / 4.0
            for t, flag in zip(self.tokens, negation, strict=True)
        ]
        self.sentence_range: dict[int, tuple[int, int]] = {}
        ids = [t.sentence_id for t in self.tokens]
        for index in range(len(ids)):  # each sentence's first and last token
            if index == 0 or ids[index] != ids[index - 1]:
                first = index
            self.sentence_range[ids[index]] = (first, index)
        speech = [
            row
            for row in records(sources, _SOURCE_COLUMNS)
            if row.kind in SPEECH_KINDS and row.content_start >= 0
        ]
        self.speech = [
            _Speech(
                row.cue_class or "none",
                (row.speaker_start, row.speaker_end),
                (row.cue_start, row.cue_end),
                (row.content_start, row.content_end),
            )
            for row in speech
        ]
        self.cue_tokens = {
            index
            for item in self.speech
            if item.cue[0] >= 0
            for index in range(self._token_at(item.cue[0]), self._token_at(item.cue[1] - 1) + 1)
        }
        cue_spans = [item.cue for item in self.speech if item.cue[0] >= 0]
        self.own_tokens = self._own_tokens()
        self.speech_of = self._speech_of()
        self.aimed: dict[int, list[Any]] = {}
        aimed_terms: dict[str, set[tuple[int, int]]] = {}
        for hit in aim_loaded_terms(self.spans, loaded_terms, cue_spans):
            self.aimed.setdefault(hit.mention, []).append(hit)
            aimed_terms.setdefault(hit.target, set()).add((hit.term_start, hit.term_end))
        self.aimed_terms = aimed_terms
        columns = ("start", "end", "sentence_id", "polarity", "weight", "negated")
        self.charged: dict[int, list[tuple[tuple[int, int], Atom]]] = {}
        for term in records(loaded_terms, columns):
            if term.polarity == 0:
                continue
            value = float(term.polarity) * float(term.weight) * (-1.0 if term.negated else 1.0)
            name = "loaded:+" if value > 0 else "loaded:-"
            atom = Atom(name, abs(value), int(term.start), int(term.end))
            self.charged.setdefault(int(term.sentence_id), []).append(
                ((int(term.start), int(term.end)), atom)
            )

    def _token_at(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def _own_tokens(self) -> dict[tuple[str, int], set[int]]:
        """The tokens of each target's mentions per sentence, masked in its features."""
        own: dict[tuple[str, int], set[int]] = {}
        for mention in self.spans.mentions:
            key = (mention.target, self.tokens[mention.first].sentence_id)
            own.setdefault(key, set()).update(range(mention.first, mention.last + 1))
        return own

    def _speech_of(self) -> list[list[tuple[_Speech, bool]]]:
        """For each mention, the speech items (in table order) it speaks (``True``: it
        overlaps the speaker) or is spoken about in (inside the content).

        Each item looks up the mentions in its speaker and content spans by bisection
        over the mentions' starts, so the cost follows the hits, not mentions x items.
        """
        mentions = self.spans.mentions
        bounds = [(self.tokens[m.first].start, self.tokens[m.last].end) for m in mentions]
        order = sorted(range(len(mentions)), key=lambda i: bounds[i][0])
        starts = [bounds[i][0] for i in order]
        longest = max((end - start for start, end in bounds), default=0)
        found: list[list[tuple[_Speech, bool]]] = [[] for _ in mentions]
        for item in self.speech:
            hits: dict[int, bool] = {}
            if item.speaker[0] >= 0:  # mentions overlapping the speaker
                low = bisect_left(starts, item.speaker[0] - longest)
                for k in range(low, bisect_left(starts, item.speaker[1])):
                    if _overlaps(item.speaker, bounds[order[k]]):
                        hits[order[k]] = True
            low, high = item.content
            for k in range(bisect_left(starts, low), bisect_right(starts, high)):
                if bounds[order[k]][1] <= high:  # mentions inside the content
                    hits.setdefault(order[k], False)
            for index, own in hits.items():
                found[index].append((item, own))
        return found

    @property
    def mentions(self) -> Sequence[Any]:
        """The mentions located on the tokens (:class:`framing.stance.aim.TargetSpans`)."""
        return self.spans.mentions

    def atoms(self, index: int) -> list[Atom]:
        """The atoms of mention ``index`` (its position in :attr:`mentions`)."""
        mention = self.spans.mentions[index]
        own = self.own_tokens[(mention.target, self.tokens[mention.first].sentence_id)]
        atoms: list[Atom] = []
        atoms += self._words(mention, own)
        atoms += self._valences(mention, own)
        atoms += self._tones(mention)
        atoms += self._aimed(index, mention)
        roles = self._roles(index, mention)
        atoms += roles
        near = self._near_valence(mention, own)
        for role in roles:
            for sign, value in near.items():
                if value:
                    atoms.append(Atom(f"{role.feature}|val{sign}", value, role.start, role.end))
        atoms += self._speech(index, mention)
        atoms += self._negation(mention)
        return atoms

    # -- the groups ----------------------------------------------------------------------

    def _words(self, mention: Any, own: set[int]) -> list[Atom]:
        first, last = self.sentence_range[self.tokens[mention.first].sentence_id]
        atoms = []
        keys: list[tuple[str, int, int]] = []  # masked sentence, one entry per token
        for i in range(first, last + 1):
            token = self.tokens[i]
            if i in own:
                if not keys or keys[-1][0] != _MASK:
                    keys.append((_MASK, token.start, token.end))
                else:
                    keys[-1] = (_MASK, keys[-1][1], token.end)
                continue
            keys.append((token.key, token.start, token.end))
            if not is_word(token) or token.key in ENGLISH_STOP_WORDS:
                continue
            if min(abs(i - j) for j in (mention.first, mention.last)) <= WINDOW:
                side = "l" if i < mention.first else "r"
                atoms.append(Atom(f"{side}:{token.key}", 1.0, token.start, token.end))
        at = self.tokens[mention.first].start
        centre = next(k for k, (key, start, _) in enumerate(keys) if key == _MASK and start <= at)
        window = keys[max(centre - WINDOW, 0) : centre + WINDOW + 1]
        for (a, start, _), (b, _, end) in pairwise(window):
            atoms.append(Atom(f"b:{a}_{b}", 1.0, start, end))
        return atoms

    def _distances(self, mention: Any, own: set[int]) -> Iterable[tuple[int, int]]:
        first, last = self.sentence_range[self.tokens[mention.first].sentence_id]
        for i in range(first, last + 1):
            if i not in own and self.valence[i]:
                yield i, min(abs(i - mention.first), abs(i - mention.last))

    def _valences(self, mention: Any, own: set[int]) -> list[Atom]:
        clause = self.spans.clause_of[mention.first]
        atoms = []
        for i, distance in self._distances(mention, own):
            value = self.valence[i]
            band = "near" if distance <= _NEAR else "mid" if distance <= _MID else "far"
            where = "in" if self.spans.clause_of[i] == clause else "out"
            sign = "+" if value > 0 else "-"
            token = self.tokens[i]
            atoms.append(Atom(f"val:{sign}:{band}:{where}", abs(value), token.start, token.end))
        return atoms

    def _near_valence(self, mention: Any, own: set[int]) -> dict[str, float]:
        near = {"+": 0.0, "-": 0.0}
        for i, distance in self._distances(mention, own):
            if distance <= _NEAR:
                value = self.valence[i]
                near["+" if value > 0 else "-"] += abs(value)
        return near

    def _tones(self, mention: Any) -> list[Atom]:
        sentence = self.document.sentences[self.tokens[mention.first].sentence_id]
        clause = self.spans.clause_span(self.spans.clause_of[mention.first])
        atoms = []
        for name, (start, end) in (
            ("sentence", (sentence.start, sentence.end)),
            ("clause", clause),
        ):
            value = self.tone(start, end)
            if value:
                sign = "+" if value > 0 else "-"
                atoms.append(Atom(f"tone:{name}{sign}", abs(value), start, end))
        return atoms

    def _aimed(self, index: int, mention: Any) -> list[Atom]:
        atoms = [
            Atom("aim:for" if hit.value > 0 else "aim:against", abs(hit.value), hit.start, hit.end)
            for hit in self.aimed.get(index, ())
            if hit.value
        ]
        aimed = self.aimed_terms.get(mention.target, set())
        sentence = self.tokens[mention.first].sentence_id
        return atoms + [a for span, a in self.charged.get(sentence, []) if span not in aimed]

    def _roles(self, index: int, mention: Any) -> list[Atom]:
        tokens = self.tokens
        sentence = tokens[mention.first].sentence_id
        clause_first, clause_last = self.spans.clause_bounds[self.spans.clause_of[mention.first]]

        def key(i: int) -> str:
            inside = 0 <= i < len(tokens) and tokens[i].sentence_id == sentence
            return tokens[i].key if inside else ""

        def span(i: int) -> tuple[int, int]:
            return tokens[i].start, tokens[i].end

        roles = []
        before = mention.first - 1
        while key(before) in _DETERMINERS and before > clause_first:
            before -= 1
        after = mention.last + 1
        if key(after) in _POSSESSIVE:
            roles.append(Atom("role:possessor", 1.0, *span(after)))
        if key(mention.first - 1) == "by":
            roles.append(Atom("role:by_agent", 1.0, *span(mention.first - 1)))
        elif before in self.cue_tokens and before < mention.first:
            roles.append(Atom("role:speech_object", 1.0, *span(before)))
        elif before >= clause_first and before < mention.first and _verb(key(before)):
            roles.append(Atom("role:object", 1.0, *span(before)))
        following = [i for i in range(after, min(after + 3, clause_last + 1))]
        be = next((i for i in following if key(i) in _BE), None)
        if be is not None and key(be + 1).endswith(_PARTICIPLE_ENDINGS):
            roles.append(Atom("role:passive", 1.0, tokens[be].start, tokens[be + 1].end))
        elif mention.first - clause_first <= 2 and any(
            _verb(key(i)) or i in self.cue_tokens for i in following
        ):
            verb = next(i for i in following if _verb(key(i)) or i in self.cue_tokens)
            roles.append(Atom("role:subject", 1.0, *span(verb)))
        start, end = tokens[mention.first].start, tokens[mention.last].end
        if any(own for _, own in self.speech_of[index]):
            roles.append(Atom("role:speaker", 1.0, start, end))
        return roles

    def _speech(self, index: int, mention: Any) -> list[Atom]:
        start, end = self.tokens[mention.first].start, self.tokens[mention.last].end
        atoms = []
        if mention.in_quote:
            atoms.append(Atom("speech:quoted", 1.0, start, end))
        for item, own in self.speech_of[index]:
            kind = "own" if own else "about"
            cue = item.cue if item.cue[0] >= 0 else item.content
            atoms.append(Atom(f"speech:{kind}:{item.cue_class}", 1.0, *cue))
            value = self.tone(*item.content)
            if value:
                sign = "+" if value > 0 else "-"
                atoms.append(Atom(f"speech:{kind}:tone{sign}", abs(value), *item.content))
        return atoms

    def _negation(self, mention: Any) -> list[Atom]:
        first, last = self.spans.clause_bounds[self.spans.clause_of[mention.first]]
        return [
            Atom("neg:clause", 1.0, self.tokens[i].start, self.tokens[i].end)
            for i in range(first, last + 1)
            if self.tokens[i].key in NEGATORS
        ]


def _verb(key: str) -> bool:
    """A crude verb test for role rules: an inflected word (-ed, -en, -ing, -s)."""
    return len(key) > 3 and key.isalpha() and key.endswith(_VERB_ENDINGS)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] >= 0 and a[0] < b[1] and b[0] < a[1]

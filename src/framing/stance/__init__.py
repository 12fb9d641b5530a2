"""Stance: how the text positions each target, with the evidence behind every number.

**The mention model.** For every mention of a target (country, person, organisation),
a logistic regression trained on NewsMTSC (Hamborg & Donnay, EACL 2021; MIT licence)
gives the probabilities that its sentence presents the target negatively, neutrally or
positively (:mod:`framing.stance.model`). It reads features that each trace to a span
(:mod:`framing.stance.features`): the words around the mention with the target masked,
VADER word valences by distance and clause, the loaded terms aimed at the mention (the
rules of :mod:`framing.stance.aim`), the mention's role (subject, object, passive
subject, agent after "by", object of a verb of speech, possessor, speaker), whether it
is quoted, inside whose reported speech and with which cue class, and negation. The
weights ship as JSON with a card (``models/``); ``make model`` (``python -m
framing.stance.train DATA_DIR``) retrains them byte for byte. Features are computed once
per document.

**The score.** A target's ``score`` in [-1, 1] aggregates its mentions
(:mod:`framing.stance.aggregate`): the mean of their stances ``P(positive) -
P(negative)`` weighted by how much each takes any stance (``1 - P(neutral)``) and by its
voice (``quote_weight`` inside a quotation), so that many neutral mentions do not wash
out a clear one. ``ci_low``/``ci_high`` is its interval (each mention read as a draw of
-1, 0, +1 with its probabilities); ``label`` the class of the largest ``log P + bias``
of the mentions' averaged probabilities ``p_negative, p_neutral, p_positive`` (biases
chosen on NewsMTSC dev, in the card). ``author_voice`` and ``quoted_voice`` are the
same aggregate over the mentions outside and inside quotations, kept apart.

**Explainable by construction.** ``stance_evidence`` has a row per mention (signal
``model``) with its probabilities, its ``contribution`` to the score and its
``drivers``, the atoms that moved it most with their offsets; a target's ``score`` is
the sum of its rows' ``contribution``.

**The explanatory signals**, columns of the stance table with their own evidence rows
(contribution 0 unless given a weight in :class:`StanceOptions`; the default weights are
:data:`DEFAULT_WEIGHTS`, and given weights merge with them):

``sentiment``
    Mean VADER compound of the text about the target: each sentence that mentions it,
    whole when it names no other target, else only the clause of the mention; and the
    sentence right after one that names the target alone, when that sentence names no
    target itself, with weight ``continuation_weight``. Quoted mentions weigh
    ``quote_weight``.
``loaded_valence``
    Signed weight of the loaded terms aimed at the target (:mod:`framing.stance.aim`),
    quoted ones weighed ``quote_weight``, damped by how few of the mentions they reach:
    ``mean x sqrt(n_terms / mentions)``.
``voice_share``
    Share of the article's directly quoted words spoken by the target's speakers
    (prominence, not valence; counted only when above zero).
``attribution``
    Mean class of the cue verbs for those speakers: endorsing +1, neutral 0, distancing
    or emotive -1.
``reception``
    Mean VADER compound of what *others* are reported saying in contents that mention
    the target (:mod:`framing.stance.speech`).
``voice_tone``
    Mean VADER compound of the target's own reported words.

With weights on several signals, the score is their weighted mean over the signals a
target has, and each row's contribution is its signal's share of the weight times its
share of the signal times its value. Targets with little evidence (fewer than
``min_mentions`` mentions or ``min_evidence`` rows) are kept with ``low_evidence`` set.
A score is a signal to read the evidence by, not a verdict.
"""

from __future__ import annotations

from framing.stance.newsmtsc import Example, read_newsmtsc
from framing.stance.signals import (
    DEFAULT_WEIGHTS,
    SIGNALS,
    StanceOptions,
    StanceOptionsError,
    stance_signals,
)

__all__ = [
    "DEFAULT_WEIGHTS",
    "SIGNALS",
    "Example",
    "StanceOptions",
    "StanceOptionsError",
    "read_newsmtsc",
    "stance_signals",
]

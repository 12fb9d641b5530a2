"""Stance signals: how the text positions each target, with the evidence behind every number.

For every target (country, person, organisation) that the text mentions, or that the
user asked about, six signals, each in [-1, 1] or [0, 1] and each traceable to spans:

``sentiment``
    Mean VADER compound (``vaderSentiment``) of the text about the target: each sentence
    that mentions it, whole when it names no other target, else only the *clause* of the
    mention (sentences often speak of several targets at once); and the sentence right
    after one that names the target alone, when that sentence names no target itself
    (it goes on about the target: "Trump denied it. He called the report a hoax."), with
    weight ``continuation_weight``. Quoted mentions weigh ``quote_weight``.
``loaded_valence``
    Signed weight (polarity x weight, flipped when negated) of the loaded terms *aimed
    at* the target: a term is aimed at the nearest mention within :data:`MAX_GAP` tokens
    on either side of it in the same clause. Its sign is reversed where the target is on
    the receiving end: the object right after the term ("hostile to Russia", "occupied
    Azerbaijani regions", titles such as "Mr." in between), the subject of a passive
    ("Lavrov was aggressively confronted"), or the opponents an "anti-" compound names
    ("anti-Russian countries raise eyebrows" is not aimed at Russia). The agent after
    "by", a possessor ("ulterior motives on Armenia's part") and the object of a verb of
    speech ("critics slammed Schiff": he is disparaged, not a victim) keep the term's
    sign. Terms in quotations weigh ``quote_weight`` of the author's own. The value is
    the mean of the aimed terms damped by how few of the mentions they reach,
    ``mean x sqrt(n_terms / mentions)``: one charged word beside one of twenty mentions
    does not speak for the whole article.
``voice_share``
    Share of the article's directly quoted words spoken by the target's speakers (the
    target itself, or speakers affiliated with it).
``attribution``
    Mean class of the cue verbs the author chose for those speakers: endorsing +1
    ("reminded"), neutral 0 ("said"), distancing or emotive -1 ("insinuated", "slammed").
``reception``
    Mean VADER compound of what *others* are reported saying (quotes, indirect speech,
    "according to") in contents that mention the target: quoting critics frames a
    target unfavourably, quoting admirers favourably (:mod:`framing.stance.speech`).
``voice_tone``
    Mean VADER compound of the target's own reported words: which of its words the
    author chose to report, hostile or conciliatory.

``score`` is the weighted mean of the signals a target has (:data:`DEFAULT_WEIGHTS`,
configurable), clipped to [-1, 1]; a signal without evidence is left out, not counted
as 0. ``voice_share`` has weight 0 by default: how much a target is quoted is prominence,
not valence (critics and defendants alike get the floor), and the valence of its voice
is read by ``voice_tone`` and ``attribution``; given a weight, it counts as favourable in
proportion, and only when above zero (silence is not a stance). Targets with little
evidence are kept, with ``low_evidence`` set, rather than dropped. A score is a signal to
read the evidence by, not a verdict.

The stance table has the columns of ``framing.schema.STANCE`` followed by ``reception``
and ``voice_tone`` (optional extras beyond the contract's columns, always present, NaN
where a target has no such evidence); like every signal they are listed span by span in
``stance_evidence``.
"""

from __future__ import annotations

from framing.stance.signals import DEFAULT_WEIGHTS, SIGNALS, StanceOptions, stance_signals

__all__ = ["DEFAULT_WEIGHTS", "SIGNALS", "StanceOptions", "stance_signals"]

"""The stance of each target: the mention model's score, the explanatory signals, and the
evidence rows whose contributions add up to the score (see :mod:`framing.stance`)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import pandas as pd

from framing.errors import FramingError
from framing.schema import STANCE, STANCE_EVIDENCE, as_table, records
from framing.stance.aggregate import aggregate, label_of
from framing.stance.aim import TargetSpans
from framing.stance.features import DocumentFeatures, stance_evidence_rows
from framing.stance.model import MentionModel, Prediction
from framing.stance.speech import reported_speech, speech_by_target, speech_signals
from framing.text import Document, SpanSentiment

__all__ = [
    "CUE_CLASS_VALUES",
    "DEFAULT_WEIGHTS",
    "SIGNALS",
    "StanceOptions",
    "StanceOptionsError",
    "stance_signals",
]

SIGNALS = (
    "model",
    "sentiment",
    "loaded_valence",
    "voice_share",
    "attribution",
    "reception",
    "voice_tone",
)
#: The mention model beside the article-level signals it cannot learn from single
#: sentences (reported speech, cue verbs, aimed terms, the tone around the target);
#: ``voice_share`` is prominence, not valence. See the project's notes for the ablation.
DEFAULT_WEIGHTS: Mapping[str, float] = {
    "model": 1.0,
    "sentiment": 1.0,
    "loaded_valence": 1.0,
    "voice_share": 0.0,
    "attribution": 1.0,
    "reception": 1.0,
    "voice_tone": 1.0,
}
CUE_CLASS_VALUES: Mapping[str, float] = {
    "endorsing": 1.0,
    "neutral": 0.0,
    "distancing": -1.0,
    "emotive": -1.0,
}
#: Atoms of largest effect listed in a mention row's ``drivers``.
N_DRIVERS = 3
_SOURCE_COLUMNS = (
    "kind", "speaker", "affiliation", "cue_class", "n_words", "sentence_id",
    "cue_start", "cue_end", "content_start", "content_end",
)  # fmt: skip
# Source kinds whose words are the speaker's own voice.
_VOICE_KINDS = ("direct_quote",)
_DRIVER_CHARS = 30


class StanceOptionsError(FramingError, ValueError):
    """Stance options that cannot be used; the message names the option and the choices."""


@dataclass(frozen=True)
class StanceOptions:
    """Parameters of the stance score.

    Parameters
    ----------
    weights : Mapping[str, float]
        Weight of each signal in ``score`` (see :data:`SIGNALS`); the signals not given
        keep their default weight (:data:`DEFAULT_WEIGHTS`), and a signal with weight 0 is
        left out.
    quote_weight : float
        Weight of a mention, clause or term inside a quotation relative to the author's
        voice.
    continuation_weight : float
        Weight in ``sentiment`` of a sentence that continues one about the target
        without naming it, relative to a sentence that names it; 0 leaves them out.
    min_mentions, min_evidence : int
        Targets mentioned fewer times, or with fewer evidence rows, are flagged
        ``low_evidence``.
    """

    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    quote_weight: float = 0.5
    continuation_weight: float = 1.0
    min_mentions: int = 2
    min_evidence: int = 3

    def __post_init__(self) -> None:
        if not isinstance(self.weights, Mapping):
            raise StanceOptionsError(
                f"StanceOptions(weights=...) takes a mapping of signal to weight, not "
                f"{type(self.weights).__name__}; the signals are {list(SIGNALS)}."
            )
        unknown = set(self.weights) - set(SIGNALS)
        if unknown:
            raise StanceOptionsError(
                f"unknown stance signal(s) {sorted(unknown)}; the signals are {list(SIGNALS)}."
            )
        object.__setattr__(self, "weights", {**DEFAULT_WEIGHTS, **self.weights})

    @classmethod
    def coerce(cls, options: StanceOptions | Mapping[str, Any] | None) -> StanceOptions:
        """``options`` as StanceOptions: ``None`` for the defaults, or a dict of its fields."""
        if options is None:
            return cls()
        if isinstance(options, StanceOptions):
            return options
        if isinstance(options, Mapping):
            names = set(cls.__dataclass_fields__)
            unknown = set(options) - names
            if unknown:
                raise StanceOptionsError(
                    f"unknown stance option(s) {sorted(unknown)}; the options are {sorted(names)}."
                )
            return cls(**options)
        raise StanceOptionsError(
            f"stance_options must be a StanceOptions or a dict of its fields, not "
            f"{type(options).__name__}."
        )


def stance_signals(
    document: Document,
    mentions: pd.DataFrame,
    loaded_terms: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    article_id: str,
    targets: Iterable[str] = (),
    options: StanceOptions | Mapping[str, Any] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Stance per target and the evidence behind it.

    Parameters
    ----------
    document : Document
        The segmented article.
    mentions : DataFrame
        Target mentions (``framing.targets.Gazetteer.find``): target, start, end, in_quote.
    loaded_terms, sources : DataFrame
        The article's loaded terms and source mentions.
    article_id : str
        Written into every row.
    targets : iterable of str
        Targets to report even when never mentioned (with zero mentions and no signals).
    options : StanceOptions or dict, optional

    Returns
    -------
    (stance, stance_evidence) : tuple of DataFrame
        ``stance`` has the columns of ``framing.schema.STANCE``, one row per target, most
        mentioned first; ``stance_evidence`` those of ``STANCE_EVIDENCE``, whose
        ``contribution`` adds up to each target's ``score``.
    """
    options = StanceOptions.coerce(options)
    loaded_terms, sources = stance_evidence_rows(loaded_terms, sources)
    tone = SpanSentiment(document.text).compound
    features = DocumentFeatures(document, mentions, loaded_terms, sources, tone)
    spans = features.spans
    model = MentionModel.load()
    predictions = [model.predict(features.atoms(i)) for i in range(len(spans.mentions))]
    evidence = _Evidence(article_id, document.text)
    aimed = defaultdict(list)
    for hits in features.aimed.values():
        for hit in hits:
            aimed[hit.target].append(hit)
    source_rows = records(sources, _SOURCE_COLUMNS)
    speech = reported_speech(source_rows, tone)
    voices = _Voices(source_rows)
    mention_starts = defaultdict(list)
    for mention in spans.mentions:
        mention_starts[mention.target].append(spans.tokens[mention.first].start)
    speech_of = speech_by_target(speech, mention_starts)
    rows = []
    for target in dict.fromkeys([*spans.targets, *targets]):
        n_mentions = spans.count(target)
        evidence.open(target)
        values = {
            "model": _model(target, spans, predictions, evidence, options),
            "sentiment": _sentiment(target, spans, evidence, options, tone),
            "loaded_valence": _loaded_valence(target, aimed[target], evidence, options, n_mentions),
            **_voice(target, voices, evidence),
        }
        heard = speech_signals(
            target, speech_of.get(target, []), mention_starts[target], partial(evidence.add, target)
        )
        values.update({signal: _mean(found) for signal, found in heard.items()})
        score, share = evidence.close(_scored(values), options.weights)
        summary = evidence.summary
        rows.append(
            {
                "article_id": article_id,
                "target": target,
                "mentions": n_mentions,
                **values,
                "score": score,
                "n_evidence": evidence.count(target),
                "low_evidence": n_mentions < options.min_mentions
                or evidence.count(target) < options.min_evidence,
                "label": label_of(summary.probabilities, model.label_bias),
                "ci_low": _shifted(summary.ci_low, score, summary.score, share),
                "ci_high": _shifted(summary.ci_high, score, summary.score, share),
                "p_negative": summary.probabilities[0],
                "p_neutral": summary.probabilities[1],
                "p_positive": summary.probabilities[2],
                "author_voice": _voice_part(target, spans, predictions, quoted=False),
                "quoted_voice": _voice_part(target, spans, predictions, quoted=True),
            }
        )
    rows.sort(key=lambda row: (-row["mentions"], row["target"]))  # most mentioned first
    return as_table(rows, STANCE), evidence.table()


def _shifted(bound: float, score: float, model_score: float, share: float) -> float:
    """An interval bound of the model's value carried over to the score it enters with
    ``share`` of the weight (the other signals' part of the score is taken as given)."""
    if math.isnan(bound) or math.isnan(score):
        return math.nan
    return score + share * (bound - model_score)


def _model(
    target: str,
    spans: TargetSpans,
    predictions: Sequence[Prediction],
    evidence: _Evidence,
    options: StanceOptions,
) -> float:
    """The mentions' stances aggregated (:func:`framing.stance.aggregate.aggregate`)."""
    own = [(spans.mentions[i], predictions[i]) for i in spans.of_target.get(target, ())]
    voices = [options.quote_weight if m.in_quote else 1.0 for m, _ in own]
    summary = aggregate([p.probabilities for _, p in own], voices)
    evidence.summary = summary
    if not own or math.isnan(summary.score):
        return math.nan
    total = sum(v * p.polarised for (_, p), v in zip(own, voices, strict=True))
    for (mention, prediction), voice in zip(own, voices, strict=True):
        start, end = spans.tokens[mention.first].start, spans.tokens[mention.last].end
        evidence.add(
            target,
            "model",
            spans.tokens[mention.first].sentence_id,
            start,
            end,
            prediction.stance,
            share=voice * prediction.polarised / total,
            probabilities=prediction.probabilities,
            in_quote=mention.in_quote,
            drivers=_drivers(prediction, spans.text),
        )
    return summary.score


def _voice_part(
    target: str, spans: TargetSpans, predictions: Sequence[Prediction], *, quoted: bool
) -> float:
    """The model's aggregate over the target's mentions in the author's voice, or inside
    quotations: the two kept apart."""
    own = [
        predictions[i].probabilities
        for i in spans.of_target.get(target, ())
        if spans.mentions[i].in_quote == quoted
    ]
    return aggregate(own, [1.0] * len(own)).score


def _drivers(prediction: Prediction, text: str) -> str:
    """The atoms that moved a mention most: ``what [start:end] effect``; "what" is the
    text when short, else the feature's name."""
    parts = []
    for atom, effect in prediction.effects[:N_DRIVERS]:
        words = " ".join(text[atom.start : atom.end].split())
        what = repr(words) if len(words) <= _DRIVER_CHARS else atom.feature
        parts.append(f"{what} [{atom.start}:{atom.end}] {effect:+.2f}")
    return "; ".join(parts)


def _sentiment(
    target: str,
    spans: TargetSpans,
    evidence: _Evidence,
    options: StanceOptions,
    tone: Callable[[int, int], float],
) -> float:
    """VADER compound of the spans about the target (:meth:`TargetSpans.scopes_of`),
    quoted ones weighed less, and of the sentences that continue them."""
    found = []
    for (sentence, start, end), quoted in spans.scopes_of(target).items():
        found.append((sentence, start, end, options.quote_weight if quoted else 1.0))
    if options.continuation_weight:
        for sentence, start, end in spans.continuations_of(target):
            found.append((sentence, start, end, options.continuation_weight))
    total = sum(weight for *_, weight in found)
    if not total:
        return math.nan
    value = 0.0
    for sentence, start, end, weight in found:
        score = tone(start, end)
        evidence.add(target, "sentiment", sentence, start, end, score, share=weight / total)
        value += score * weight / total
    return value


def _loaded_valence(
    target: str, hits: Sequence[Any], evidence: _Evidence, options: StanceOptions, n_mentions: int
) -> float:
    """Mean signed charge of the terms aimed at the target (quoted ones weighed less),
    damped by the square root of the share of its mentions they reach:
    ``mean x sqrt(n / mentions) = total / sqrt(n x mentions)``, within [-1, 1] since each
    term's value is."""
    if not hits:
        return math.nan
    n = len(hits)
    scale = math.sqrt(n * max(n_mentions, n))
    total = 0.0
    for hit in hits:
        weight = options.quote_weight if hit.in_quote else 1.0
        evidence.add(target, "loaded_valence", hit.sentence_id, hit.start, hit.end, hit.value,
                     share=weight / scale)  # fmt: skip
        total += hit.value * weight
    return total / scale


class _Voices:
    """The sources table read once for :func:`_voice`: its rows as named tuples (filtering
    the DataFrame per target costs more than the whole signal), the words quoted in all,
    and the rows of each speaker or affiliation (so a target reads only its own)."""

    def __init__(self, rows: list[Any]) -> None:
        self.rows = rows
        self.total_words = sum(row.n_words for row in rows if row.kind in _VOICE_KINDS)
        self.of_name: dict[Any, list[int]] = defaultdict(list)
        for index, row in enumerate(rows):
            for name in dict.fromkeys((row.affiliation, row.speaker)):
                self.of_name[name].append(index)

    def of(self, target: str) -> list[Any]:
        """The rows whose speaker or affiliation is ``target``, in table order."""
        return [self.rows[i] for i in self.of_name.get(target, ())]


def _voice(target: str, sources: _Voices, evidence: _Evidence) -> dict[str, float]:
    """``voice_share`` and ``attribution`` from the sources that speak for ``target``."""
    total_words = sources.total_words
    own = sources.of(target)
    own_words = 0
    for row in own:
        if row.kind in _VOICE_KINDS:
            own_words += row.n_words
            evidence.add(target, "voice_share", row.sentence_id, row.content_start,
                         row.content_end, float(row.n_words), share=1 / total_words)  # fmt: skip
    cues = list(
        dict.fromkeys(
            (row.cue_start, row.cue_end, row.sentence_id, row.cue_class)
            for row in own
            if row.cue_class in CUE_CLASS_VALUES
        )
    )
    for cue_start, cue_end, sentence_id, cue_class in cues:
        value = CUE_CLASS_VALUES[cue_class]
        evidence.add(target, "attribution", sentence_id, cue_start, cue_end, value,
                     share=1 / len(cues))  # fmt: skip
    return {
        "voice_share": own_words / total_words if total_words else math.nan,
        "attribution": _mean([CUE_CLASS_VALUES[c[3]] for c in cues]),
    }


class _Evidence:
    """Collects evidence rows: which span supports which signal of which target, and with
    what share of its signal; :meth:`close` turns the shares into contributions."""

    def __init__(self, article_id: str, text: str) -> None:
        self.article_id = article_id
        self.text = text
        self.rows: list[dict[str, Any]] = []
        self.counts: dict[str, int] = defaultdict(int)
        self.first = 0
        self.summary: Any = None

    def open(self, target: str) -> None:
        """Start the rows of ``target``."""
        self.first = len(self.rows)
        self.summary = None

    def add(self, target: str, signal: str, sentence_id: int, start: int, end: int,
            value: float, *, share: float | None = None, probabilities=(math.nan,) * 3,
            in_quote: bool = False, drivers: str = "") -> None:  # fmt: skip
        """One row; ``share`` is its weight in its signal (the mean's by default)."""
        if start < 0 or end <= start:
            return
        self.counts[target] += 1
        self.rows.append(
            {
                "article_id": self.article_id,
                "target": target,
                "signal": signal,
                "sentence_id": int(sentence_id),
                "start": int(start),
                "end": int(end),
                "text": self.text[start:end],
                "value": float(value),
                "share": share,
                "p_negative": probabilities[0],
                "p_neutral": probabilities[1],
                "p_positive": probabilities[2],
                "in_quote": bool(in_quote),
                "drivers": drivers,
            }
        )

    def close(self, values: Mapping[str, float], weights: Mapping[str, float]) -> tuple:
        """The target's score and the model's share of it; fills the contributions.

        The score is the weighted mean of the signals that have a value; a row's
        contribution is its signal's weight share x its own share x its value.
        """
        used = {s: w for s, w in weights.items() if w and not math.isnan(values[s])}
        total = sum(used.values())
        own = self.rows[self.first :]
        shares = defaultdict(float)
        for row in own:
            if row["share"] is None:  # a plain mean: each row an equal share
                shares[row["signal"]] += 1
        for row in own:
            signal = row["signal"]
            share = row.pop("share")
            if share is None:
                share = 1 / shares[signal]
            weight = used.get(signal, 0.0) / total if total else 0.0
            row["contribution"] = weight * share * row["value"]
        if not total:
            return math.nan, 0.0
        score = sum(values[s] * w for s, w in used.items()) / total
        return score, used.get("model", 0.0) / total

    def count(self, target: str) -> int:
        return self.counts[target]

    def table(self) -> pd.DataFrame:
        return as_table(self.rows, STANCE_EVIDENCE)


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else math.nan


def _scored(values: Mapping[str, float]) -> dict[str, float]:
    """The signals as they enter the score: a target never given the floor is not
    penalised for it, so a zero voice share is left out rather than averaged in."""
    voice = values["voice_share"]
    return {**values, "voice_share": voice if voice > 0 else math.nan}

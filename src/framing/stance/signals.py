"""The stance signals of each target and their weighted score (see :mod:`framing.stance`)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import pandas as pd

from framing.schema import STANCE, STANCE_EVIDENCE, as_table, records
from framing.stance.aim import TargetSpans, aim_loaded_terms
from framing.stance.speech import reported_speech, speech_signals
from framing.text import Document, SpanSentiment

__all__ = ["CUE_CLASS_VALUES", "DEFAULT_WEIGHTS", "SIGNALS", "StanceOptions", "stance_signals"]

SIGNALS = (
    "sentiment",
    "loaded_valence",
    "voice_share",
    "attribution",
    "reception",
    "voice_tone",
)
DEFAULT_WEIGHTS: Mapping[str, float] = {
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
_SOURCE_COLUMNS = (
    "kind", "speaker", "affiliation", "cue_class", "n_words", "sentence_id",
    "cue_start", "cue_end", "content_start", "content_end",
)  # fmt: skip
# Source kinds whose words are the speaker's own voice.
_VOICE_KINDS = ("direct_quote",)


@dataclass(frozen=True)
class StanceOptions:
    """Parameters of the stance signals.

    Parameters
    ----------
    weights : Mapping[str, float]
        Weight of each signal in ``score``; a signal with weight 0 is left out.
    quote_weight : float
        Weight of a clause or term inside a quotation relative to the author's voice.
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
        unknown = set(self.weights) - set(SIGNALS)
        if unknown:
            raise ValueError(
                f"unknown stance signal(s) {sorted(unknown)}; the signals are {list(SIGNALS)}."
            )


def stance_signals(
    document: Document,
    mentions: pd.DataFrame,
    loaded_terms: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    article_id: str,
    targets: Iterable[str] = (),
    options: StanceOptions | None = None,
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
    options : StanceOptions, optional

    Returns
    -------
    (stance, stance_evidence) : tuple of DataFrame
        ``stance`` has the columns of ``framing.schema.STANCE`` (then ``reception`` and
        ``voice_tone``, see the module's docstring), one row per target, most mentioned
        first; ``stance_evidence`` those of ``STANCE_EVIDENCE``.
    """
    options = options or StanceOptions()
    spans = TargetSpans(document, mentions)
    evidence = _Evidence(article_id, document.text)
    aimed = defaultdict(list)
    cue_spans = [
        (start, end)
        for start, end in zip(
            sources["cue_start"].tolist(), sources["cue_end"].tolist(), strict=True
        )
        if start >= 0
    ]
    for hit in aim_loaded_terms(spans, loaded_terms, cue_spans):
        aimed[hit.target].append(hit)

    tone = SpanSentiment(document.text).compound
    source_rows = records(sources, _SOURCE_COLUMNS)
    speech = reported_speech(source_rows, tone)
    mention_starts = defaultdict(list)
    for mention in spans.mentions:
        mention_starts[mention.target].append(spans.tokens[mention.first].start)
    rows = []
    for target in dict.fromkeys([*spans.targets, *targets]):
        n_mentions = spans.count(target)
        values = {
            "sentiment": _sentiment(target, spans, evidence, options, tone),
            "loaded_valence": _loaded_valence(target, aimed[target], evidence, options, n_mentions),
            **_voice(target, source_rows, evidence),
        }
        heard = speech_signals(
            target, speech, mention_starts[target], partial(evidence.add, target)
        )
        values.update({signal: _mean(found) for signal, found in heard.items()})
        n_evidence = evidence.count(target)
        rows.append(
            {
                "article_id": article_id,
                "target": target,
                "mentions": n_mentions,
                **values,
                "score": _combine(_scored(values), options.weights),
                "n_evidence": n_evidence,
                "low_evidence": n_mentions < options.min_mentions
                or n_evidence < options.min_evidence,
            }
        )
    rows.sort(key=lambda row: (-row["mentions"], row["target"]))  # most mentioned first
    return as_table(rows, STANCE), evidence.table()


def _sentiment(
    target: str,
    spans: TargetSpans,
    evidence: _Evidence,
    options: StanceOptions,
    tone: Callable[[int, int], float],
) -> float:
    """VADER compound of the spans about the target (:meth:`TargetSpans.scopes_of`),
    quoted ones weighed less, and of the sentences that continue them."""
    scores, weights = [], []
    for (sentence, start, end), quoted in spans.scopes_of(target).items():
        value = tone(start, end)
        evidence.add(target, "sentiment", sentence, start, end, value)
        scores.append(value)
        weights.append(options.quote_weight if quoted else 1.0)
    if options.continuation_weight:
        for sentence, start, end in spans.continuations_of(target):
            value = tone(start, end)
            evidence.add(target, "sentiment", sentence, start, end, value)
            scores.append(value)
            weights.append(options.continuation_weight)
    return _weighted_mean(scores, weights)


def _loaded_valence(
    target: str, hits: Sequence[Any], evidence: _Evidence, options: StanceOptions, n_mentions: int
) -> float:
    """Mean signed charge of the terms aimed at the target (quoted ones weighed less),
    damped by the square root of the share of its mentions they reach."""
    if not hits:
        return math.nan
    total = 0.0
    for hit in hits:
        evidence.add(target, "loaded_valence", hit.sentence_id, hit.start, hit.end, hit.value)
        total += hit.value * (options.quote_weight if hit.in_quote else 1.0)
    # mean x sqrt(n / mentions) = total / sqrt(n x mentions)
    n = len(hits)
    return max(-1.0, min(1.0, total / math.sqrt(n * max(n_mentions, n))))


def _voice(target: str, sources: list[Any], evidence: _Evidence) -> dict[str, float]:
    """``voice_share`` and ``attribution`` from the sources that speak for ``target``.

    ``sources`` are the rows of the sources table as named tuples (read once per article:
    filtering the DataFrame per target costs more than the whole signal).
    """
    quotes = [row for row in sources if row.kind in _VOICE_KINDS]
    total_words = sum(row.n_words for row in quotes)
    own = [row for row in sources if target in (row.affiliation, row.speaker)]
    own_words = 0
    for row in own:
        if row.kind in _VOICE_KINDS:
            own_words += row.n_words
            evidence.add(target, "voice_share", row.sentence_id, row.content_start,
                         row.content_end, float(row.n_words))  # fmt: skip
    cue_values = []
    for cue_start, cue_end, sentence_id, cue_class in dict.fromkeys(
        (row.cue_start, row.cue_end, row.sentence_id, row.cue_class)
        for row in own
        if row.cue_class in CUE_CLASS_VALUES
    ):
        value = CUE_CLASS_VALUES[cue_class]
        evidence.add(target, "attribution", sentence_id, cue_start, cue_end, value)
        cue_values.append(value)
    return {
        "voice_share": own_words / total_words if total_words else math.nan,
        "attribution": sum(cue_values) / len(cue_values) if cue_values else math.nan,
    }


class _Evidence:
    """Collects evidence rows: which span supports which signal of which target."""

    def __init__(self, article_id: str, text: str) -> None:
        self.article_id = article_id
        self.text = text
        self.rows: list[dict[str, Any]] = []
        self.counts: dict[str, int] = defaultdict(int)

    def add(self, target: str, signal: str, sentence_id: int, start: int, end: int,
            value: float) -> None:  # fmt: skip
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
            }
        )

    def count(self, target: str) -> int:
        return self.counts[target]

    def table(self) -> pd.DataFrame:
        return as_table(self.rows, STANCE_EVIDENCE)


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else math.nan


def _weighted_mean(values: Sequence[float], weights: Sequence[float]) -> float:
    total = sum(weights)
    return sum(v * w for v, w in zip(values, weights, strict=True)) / total if total else math.nan


def _scored(values: Mapping[str, float]) -> dict[str, float]:
    """The signals as they enter the score: a target never given the floor is not
    penalised for it, so a zero voice share is left out rather than averaged in."""
    voice = values["voice_share"]
    return {**values, "voice_share": voice if voice > 0 else math.nan}


def _combine(values: Mapping[str, float], weights: Mapping[str, float]) -> float:
    used = [(values[s], w) for s, w in weights.items() if w and not math.isnan(values[s])]
    if not used:
        return math.nan
    score = sum(v * w for v, w in used) / sum(w for _, w in used)
    return max(-1.0, min(1.0, score))

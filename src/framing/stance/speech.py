"""Stance signals from reported speech: what others are quoted saying about a target, and
the tone of the target's own reported words.

News positions an actor largely by *which* voices and words it selects (informational
bias): quoting critics who attack X frames X unfavourably even when the author's own
sentences stay flat, and reporting X's hostile or gloomy words rather than its
conciliatory ones shows X as combative. Two signals read that from the sources table
(:func:`framing.sources.find_sources`), each the mean VADER compound of reported
contents, with every content span kept as evidence:

``reception``
    Speech (direct quotes, indirect speech, "according to") by speakers *other* than the
    target and its affiliates whose content mentions the target.
``voice_tone``
    Speech by the target or its affiliates.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from framing.schema import SPEECH_KINDS

__all__ = ["Speech", "reported_speech", "speech_by_target", "speech_signals"]


class Speech(NamedTuple):
    """One reported content: who said it, where it is, and its tone."""

    speaker: str
    affiliation: str
    sentence_id: int
    start: int
    end: int
    value: float


def reported_speech(sources: Iterable[Any], tone: Callable[[int, int], float]) -> list[Speech]:
    """The reported contents of an article, once each (by span), with their tone.

    ``sources`` are rows of the sources table (named tuples); ``tone(start, end)`` scores
    a span of the article text.
    """
    found: dict[tuple[int, int], Speech] = {}
    for row in sources:
        if row.kind not in SPEECH_KINDS or row.content_start < 0:
            continue
        span = (int(row.content_start), int(row.content_end))
        if span[1] <= span[0] or span in found:
            continue
        found[span] = Speech(
            row.speaker or "", row.affiliation or "", int(row.sentence_id), *span, tone(*span)
        )
    return list(found.values())


def speech_signals(
    target: str, speech: Sequence[Speech], mention_starts: Sequence[int], add: Callable
) -> dict[str, list[float]]:
    """The ``reception`` and ``voice_tone`` values of ``target``.

    Parameters
    ----------
    target : str
    speech : sequence of Speech
        From :func:`reported_speech`.
    mention_starts : sequence of int
        Where the target is mentioned (character offsets).
    add : callable
        ``add(signal, sentence_id, start, end, value)`` records an evidence row.

    Returns
    -------
    dict
        ``{"reception": [...], "voice_tone": [...]}``, the values behind each signal.
    """
    values: dict[str, list[float]] = {"reception": [], "voice_tone": []}
    starts = sorted(mention_starts)
    for item in speech:
        first = bisect_left(starts, item.start)  # the first mention at or after the content
        if target in (item.speaker, item.affiliation):
            signal = "voice_tone"
        elif first < len(starts) and starts[first] < item.end:
            signal = "reception"
        else:
            continue
        add(signal, item.sentence_id, item.start, item.end, item.value)
        values[signal].append(item.value)
    return values


def speech_by_target(
    speech: Sequence[Speech], mention_starts: Mapping[str, Sequence[int]]
) -> dict[str, list[Speech]]:
    """For each target, the items of ``speech`` (in order) that :func:`speech_signals` can
    use for it: said by it or its affiliates, or holding one of its mentions.

    Found once per article, by the speakers' names and by bisection over every mention's
    start, so that each target reads its own items rather than every item of the article.
    """
    points = sorted(
        (start, target) for target, starts in mention_starts.items() for start in starts
    )
    starts = [start for start, _ in points]
    found: dict[str, dict[int, Speech]] = defaultdict(dict)
    for index, item in enumerate(speech):
        for name in (item.speaker, item.affiliation):
            found[name][index] = item
        for k in range(bisect_left(starts, item.start), bisect_left(starts, item.end)):
            found[points[k][1]][index] = item
    return {target: [items[i] for i in sorted(items)] for target, items in found.items()}

"""Summaries of a sources table: the headline figures and who gets the floor."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd

from framing.schema import CUE_CLASSES, SPEECH_KINDS, UNATTRIBUTED, WORDS_PER_SPEAKER, as_table

__all__ = ["distinct_speakers", "source_summary", "words_per_speaker"]

_SPEAKING_KINDS = frozenset((*SPEECH_KINDS, "mention"))


def source_summary(sources: pd.DataFrame, n_words: int) -> dict[str, Any]:
    """Headline figures of a sources table.

    Parameters
    ----------
    sources : pandas.DataFrame
        A table from :func:`find_sources` (one article, or several).
    n_words : int
        Number of words of the article(s), for the quoted share.

    Returns
    -------
    dict
        ``n_quotes`` (direct quotes), ``quoted_words`` and ``quoted_share`` (their words
        and share of the article), ``n_indirect``, ``n_according_to``, ``n_mentions``,
        ``n_media_refs``, ``n_document_refs``, ``n_scare_quotes``, ``n_sources``
        (distinct named or described speakers), ``anonymous_share`` (share of those that
        are anonymous), ``top_speaker`` and ``top_speaker_share`` (of words reported),
        and ``cue_<class>`` - the share of cued attributions per cue class. Rows whose
        ``speech_act`` is ``negated`` or ``hypothetical`` count in none of them: "did not
        say" is no speech.
    """
    # Plain lists rather than pandas: a corpus run summarises every article's small table.
    kinds, cues, words = (sources[c].tolist() for c in ("kind", "cue_class", "n_words"))
    acts = _speech_acts(sources)
    kinds = [k if act == "reported" else "unreported" for k, act in zip(kinds, acts, strict=True)]
    counts = Counter(kinds)
    distinct = distinct_speakers(sources)
    quoted_words = sum(w for kind, w in zip(kinds, words, strict=True) if kind == "direct_quote")
    figures: dict[str, Any] = {
        "n_quotes": counts["direct_quote"],
        "quoted_words": int(quoted_words),
        "quoted_share": quoted_words / n_words if n_words else 0.0,
        "n_indirect": counts["indirect"],
        "n_according_to": counts["according_to"],
        "n_mentions": counts["mention"],
        "n_media_refs": counts["media"],
        "n_document_refs": counts["document"],
        "n_scare_quotes": counts["scare_quote"],
        "n_sources": len(distinct),
        "anonymous_share": _share(list(distinct.values()), "anonymous"),
    }
    attributed = [row for row in _floor(sources) if row[0] != UNATTRIBUTED]
    figures["top_speaker"] = attributed[0][0] if attributed else ""
    figures["top_speaker_share"] = float(attributed[0][4]) if attributed else 0.0
    cued = [cues[i] for i, kind in enumerate(kinds) if kind in _SPEAKING_KINDS and cues[i] != ""]
    for cue_class in CUE_CLASSES:
        figures[f"cue_{cue_class}"] = _share(cued, cue_class)
    return figures


def words_per_speaker(sources: pd.DataFrame) -> pd.DataFrame:
    """Who gets the floor: quotes and reported words per speaker.

    Direct quotes, indirect speech and "according to" content count; a quote inside
    reported content of the same speaker is counted once. Quotes without a speaker are
    gathered under ``"(unattributed)"``; scare quotes and references do not count.

    Returns
    -------
    pandas.DataFrame
        ``speaker, speaker_type, n_quotes, n_words, share`` (``share`` of all reported
        words), most words first.
    """
    return as_table(
        [dict(zip(WORDS_PER_SPEAKER, row, strict=True)) for row in _floor(sources)],
        WORDS_PER_SPEAKER,
    )


def _floor(sources: pd.DataFrame) -> list[tuple[str, str, int, int, float]]:
    """(speaker, speaker_type, n_quotes, n_words, share) rows of :func:`words_per_speaker`."""
    article_ids = sources["article_id"].tolist() if "article_id" in sources else None
    columns = ("kind", "speaker", "speaker_type", "n_words", "content_start", "content_end")
    kinds, speakers, types, words, starts, ends = (sources[c].tolist() for c in columns)
    acts = _speech_acts(sources)
    kinds = [k if act == "reported" else "unreported" for k, act in zip(kinds, acts, strict=True)]
    groups: dict[str, list[Any]] = {}  # speaker -> [type, quotes, words]; first seen first
    reach: dict[tuple[Any, str], int] = {}  # furthest content end per (article, speaker)
    # Content nested in earlier content of the same speaker is counted once: visit each
    # speaker's spans by start, longest first.
    order = sorted(range(len(kinds)), key=lambda i: (starts[i], -ends[i]))
    counted = [0] * len(kinds)
    for i in order:
        if kinds[i] not in SPEECH_KINDS:
            continue
        key = (article_ids[i] if article_ids else None, speakers[i] or UNATTRIBUTED)
        furthest = reach.get(key, -1)
        counted[i] = 0 if starts[i] >= 0 and ends[i] <= furthest else int(words[i])
        reach[key] = max(furthest, ends[i])
    for i, kind in enumerate(kinds):
        if kind in SPEECH_KINDS:
            group = groups.setdefault(speakers[i] or UNATTRIBUTED, [types[i], 0, 0])
            group[1] += kind == "direct_quote"
            group[2] += counted[i]
    total = sum(group[2] for group in groups.values())
    rows = [
        (speaker, kind, quotes, n, n / total if total else 0.0)
        for speaker, (kind, quotes, n) in groups.items()
    ]
    rows.sort(key=lambda row: (-row[3], -row[2]))
    return rows


def distinct_speakers(sources: pd.DataFrame) -> dict[str, str]:
    """``{speaker: speaker_type}`` of the named or described speakers of a sources table
    (quotes, indirect speech, "according to" and mentions), in order of appearance."""
    kinds, speakers, types = (sources[c].tolist() for c in ("kind", "speaker", "speaker_type"))
    acts = _speech_acts(sources)
    distinct: dict[str, str] = {}
    for kind, speaker, speaker_type, act in zip(kinds, speakers, types, acts, strict=True):
        if kind in _SPEAKING_KINDS and speaker != "" and act == "reported":
            distinct.setdefault(speaker, speaker_type)
    return distinct


def _speech_acts(sources: pd.DataFrame) -> list[str]:
    """Each row's ``speech_act`` (``reported`` for tables written before the column)."""
    if "speech_act" in sources:
        return sources["speech_act"].tolist()
    return ["reported"] * len(sources)


def _share(values: list[str], value: str) -> float:
    return values.count(value) / len(values) if values else 0.0

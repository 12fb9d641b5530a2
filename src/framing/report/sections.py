"""Template data for the report's sources and stance sections (see :mod:`framing.report`).

Each function turns tables into plain rows of text for ``templates/_sources.html.j2`` and
``templates/_stance.html.j2``; the template escapes every value.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from framing.display import signed
from framing.schema import SOURCE_KIND_LABELS
from framing.stance import DEFAULT_WEIGHTS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SIGNAL_DEFINITIONS", "shorten", "sources_section", "stance_section"]

#: Characters of a quote shown in the sources table (the full text is in the CSV).
QUOTE_CHARS = 140


#: What each stance signal measures, in the order they are listed (see framing.stance).
SIGNAL_DEFINITIONS: dict[str, str] = {
    "model": (
        "the mention model (trained on NewsMTSC news sentences): for each mention, "
        "P(positive) − P(negative) of its sentence toward the target, averaged with "
        "weights 1 − P(neutral) (quoted mentions count half)"
    ),
    "sentiment": "mean VADER tone (−1 … +1) of the clauses that mention the target",
    "loaded_valence": (
        "mean signed weight of the loaded terms aimed at the target (its sign reversed "
        "where the target is on the receiving end)"
    ),
    "voice_share": (
        "share of the article's directly quoted words spoken by the target or people "
        "affiliated with it (evidence: words per quote)"
    ),
    "attribution": (
        "mean class of the cue verbs for its speakers: endorsing +1 (reminded), neutral 0 "
        "(said), distancing or emotive −1 (insinuated, slammed)"
    ),
    "reception": "mean VADER tone of what others are reported saying about the target",
    "voice_tone": "mean VADER tone of the target's own reported words",
}
_SIGNAL_NAMES = {
    "model": "mention model",
    "sentiment": "sentiment",
    "loaded_valence": "loaded valence",
    "voice_share": "voice share",
    "attribution": "attribution",
    "reception": "reception",
    "voice_tone": "voice tone",
}
#: The signals shown as columns of the stance table, in order.
_TABLE_SIGNALS = ("model", "sentiment", "loaded_valence", "attribution", "reception", "voice_tone")


def _text(value: Any) -> str:
    """A table cell as text: ``""`` for missing values (None, NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters + "…"."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def _number(value: Any, *, percent: bool = False) -> str:
    """A signal as text (``+0.42`` or ``82%``); a missing one (no such evidence) as a dash."""
    number = float(value)
    if math.isnan(number):
        return "—"
    return f"{100 * number:.0f}%" if percent else signed(number)


def sources_section(
    sources: pd.DataFrame, words_per_speaker: pd.DataFrame, n_words: int
) -> dict[str, Any]:
    """The "Who gets the floor" section: headline figures and one row per source mention.

    Parameters
    ----------
    sources : pandas.DataFrame
        ``Analysis.sources``.
    words_per_speaker : pandas.DataFrame
        :func:`framing.sources.words_per_speaker` of it.
    n_words : int
        Words in the article.

    Returns
    -------
    dict
        ``figures`` (label, value pairs), ``rows`` (kind, speaker, role, type,
        affiliation, cue, cue_class, n_words, quote) and ``n_speakers``.
    """
    from framing.sources import source_summary

    summary = source_summary(sources, n_words)
    figures = [
        ("direct quotes", str(int(summary["n_quotes"]))),
        ("share of words quoted", f"{100 * float(summary['quoted_share']):.0f}%"),
        ("distinct sources", str(int(summary["n_sources"]))),
        ("anonymous", f"{100 * float(summary['anonymous_share']):.0f}%"),
        ("indirect speech", str(int(summary.get("n_indirect", 0)))),
        (
            "media and document references",
            str(int(summary.get("n_media_refs", 0)) + int(summary.get("n_document_refs", 0))),
        ),
    ]
    rows = [
        {
            "kind": SOURCE_KIND_LABELS.get(str(row["kind"]), _text(row["kind"])),
            "speaker": _text(row["speaker"]),
            "role": _text(row.get("role")),
            "type": _text(row["speaker_type"]),
            "affiliation": _text(row["affiliation"]),
            "cue": _text(row["cue"]),
            "cue_class": _text(row["cue_class"]),
            "n_words": int(row["n_words"]),
            "quote": shorten(_text(row["quote"])),
        }
        for row in sources.to_dict("records")
    ]
    return {"figures": figures, "rows": rows, "n_speakers": len(words_per_speaker)}


def _evidence_value(signal: str, value: float) -> str:
    if math.isnan(value):
        return "—"
    if signal == "voice_share":
        words = round(value)
        return f"{words} word{'' if words == 1 else 's'}"
    return signed(value)


def _probabilities(item: dict[str, Any]) -> str:
    if math.isnan(float(item["p_negative"])):
        return ""
    return " / ".join(f"{float(item[k]):.2f}" for k in ("p_negative", "p_neutral", "p_positive"))


def stance_section(
    stance: pd.DataFrame,
    evidence: pd.DataFrame,
    weights: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """The "Stance toward targets" section: one row per target and its evidence.

    Parameters
    ----------
    stance : pandas.DataFrame
        ``Analysis.stance``, in the order to list the targets.
    evidence : pandas.DataFrame
        ``Analysis.stance_evidence``.
    weights : mapping, optional
        The signals' weights the scores were made with (``StanceOptions.weights``, as
        recorded in ``Analysis.meta``); by default :data:`framing.stance.DEFAULT_WEIGHTS`.

    Returns
    -------
    dict
        ``rows`` (label, score, interval and the signals of each target as text),
        ``targets`` (per target, its evidence grouped by signal: ``name``, ``total`` (the
        group's contribution) and ``rows`` of ``sentence``, ``text``, ``value``,
        ``contribution``, ``probabilities``, ``drivers``; and ``sum``, the contributions
        added up, equal to the score), ``signals`` (name, definition), ``columns``
        (the signal columns' names), ``weights`` (name, weight) and ``sums`` (per target,
        each scored signal's contributions added up, and the score: ``columns`` and
        ``rows``).
    """
    rows = []
    targets = []
    for record in stance.to_dict("records"):
        target = str(record["target"])
        low = record.get("low_evidence") is True
        interval = (
            f"{signed(float(record['ci_low']))} … {signed(float(record['ci_high']))}"
            if not math.isnan(float(record["ci_low"]))
            else "—"
        )
        rows.append(
            {
                "target": target,
                "mentions": int(record["mentions"]),
                "label": _text(record["label"]),
                "score": _number(record["score"]),
                "interval": interval,
                "signals": [_number(record[name]) for name in _TABLE_SIGNALS],
                "voice_share": _number(record["voice_share"], percent=True),
                "low_evidence": low,
            }
        )
        own = evidence[evidence["target"] == target]
        groups = []
        for signal in (*SIGNAL_DEFINITIONS, *sorted(set(own["signal"]) - set(SIGNAL_DEFINITIONS))):
            picked = own[own["signal"] == signal].sort_values(["start", "end"], kind="stable")
            if picked.empty:
                continue
            groups.append(
                {
                    "name": _SIGNAL_NAMES.get(signal, signal),
                    "model": signal == "model",
                    "total": signed(float(picked["contribution"].sum())),
                    "rows": [
                        {
                            "sentence": int(item["sentence_id"]) + 1,
                            "text": " ".join(str(item["text"]).split()),
                            "value": _evidence_value(signal, float(item["value"])),
                            "contribution": f"{float(item['contribution']):+.3f}",
                            "probabilities": _probabilities(item),
                            "drivers": _text(item["drivers"]),
                        }
                        for item in picked.to_dict("records")
                    ],
                }
            )
        targets.append(
            {
                "target": target,
                "score": rows[-1]["score"],
                "label": rows[-1]["label"],
                "mentions": rows[-1]["mentions"],
                "low_evidence": low,
                "n_rows": len(own),
                "sum": f"{float(own['contribution'].sum()):+.3f}" if len(own) else "—",
                "groups": groups,
            }
        )
    signals = [(_SIGNAL_NAMES[name], text) for name, text in SIGNAL_DEFINITIONS.items()]
    columns = [_SIGNAL_NAMES[name] for name in _TABLE_SIGNALS]
    weights = {**DEFAULT_WEIGHTS, **(weights or {})}
    return {
        "rows": rows,
        "targets": targets,
        "signals": signals,
        "columns": columns,
        "weights": [(_SIGNAL_NAMES.get(n, n), f"{float(w):g}") for n, w in weights.items()],
        "sums": _contribution_sums(stance, evidence, weights),
    }


def _contribution_sums(
    stance: pd.DataFrame, evidence: pd.DataFrame, weights: Mapping[str, float]
) -> dict[str, Any]:
    """Per target, the contributions of each scored signal added up: the row sums to the
    score, so the score can be checked from the page."""
    scored = [name for name, weight in weights.items() if weight]
    totals = evidence.groupby(["target", "signal"])["contribution"].sum()
    rows = []
    for record in stance.to_dict("records"):
        target = str(record["target"])
        cells = [
            f"{float(totals[(target, name)]):+.3f}" if (target, name) in totals.index else "—"
            for name in scored
        ]
        score = float(record["score"])
        rows.append(
            {
                "target": target,
                "cells": cells,
                "score": "—" if math.isnan(score) else f"{score:+.3f}",
            }
        )
    return {"columns": [_SIGNAL_NAMES.get(n, n) for n in scored], "rows": rows}

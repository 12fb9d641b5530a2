"""What an article does, in three plain sentences: its loaded language, who gets the floor,
and how it positions its targets. Shown first by the report and the notebook view.

Each sentence is built from the figures and tables shown below it (nothing else), and a
figure with a reference range says where it falls (:mod:`framing.display.reference`).
The sentences are plain text: the caller escapes them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from framing.display.reference import REFERENCE_FIGURES, Reference
from framing.display.style import display_label

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["figure_text", "findings", "placed_figures", "reference_note"]

#: How many categories, example terms and targets a sentence names.
_CATEGORIES, _TERMS, _TARGETS = 3, 3, 3


def findings(
    summary: pd.Series,
    category_frequencies: pd.DataFrame,
    term_frequencies: pd.DataFrame,
    words_per_speaker: pd.DataFrame,
    stance: pd.DataFrame,
    reference: Reference | None = None,
) -> list[str]:
    """Three sentences on what the article does, from its analysis's tables.

    Parameters
    ----------
    summary : pandas.Series
        ``Analysis.summary()``.
    category_frequencies, term_frequencies : pandas.DataFrame
        ``Analysis.category_frequencies()`` and ``Analysis.term_frequencies()``.
    words_per_speaker : pandas.DataFrame
        :func:`framing.sources.words_per_speaker` of the sources.
    stance : pandas.DataFrame
        ``Analysis.stance``.
    reference : Reference, optional
        Where the figures are placed; the packaged one by default.

    Returns
    -------
    list of str
    """
    reference = reference or Reference.load()
    return [
        _loaded_sentence(summary, category_frequencies, term_frequencies, reference),
        _floor_sentence(summary, words_per_speaker, reference),
        _stance_sentence(stance),
    ]


def reference_note(reference: Reference, figure: str, value: float) -> str:
    """``"very high (typical: 5.1–16.5)"``: where ``value`` falls among the reference's
    articles, and their middle half ("" when the reference lacks the figure)."""
    typical = reference.typical(figure)
    if typical is None:
        return ""
    low, high = (figure_text(figure, v) for v in typical)
    position = reference.position(figure, value) or "not placed"
    if position == "typical":
        return f"typical ({low}–{high})"
    return f"{position} (typical: {low}–{high})"


def placed_figures(values: Mapping[str, Any], reference: Reference) -> list[dict[str, str]]:
    """The headline figures of :data:`REFERENCE_FIGURES`, each placed in ``reference``.

    Parameters
    ----------
    values : mapping
        The figures, e.g. ``Analysis.summary()``.
    reference : Reference

    Returns
    -------
    list of dict
        Per figure: ``figure`` (its summary name), ``label`` (how it reads), ``value``
        (as text), ``position`` ("very high", "typical", ...; "" when the reference lacks
        the figure) and ``typical`` (the reference's middle half as text, or "").
    """
    rows = []
    for figure, label in REFERENCE_FIGURES.items():
        value = float(values.get(figure, math.nan))
        typical = reference.typical(figure)
        rows.append(
            {
                "figure": figure,
                "label": label,
                "value": figure_text(figure, value),
                "position": reference.position(figure, value) or "",
                "typical": "–".join(figure_text(figure, v) for v in typical) if typical else "",
            }
        )
    return rows


def _loaded_sentence(
    summary: pd.Series, categories: pd.DataFrame, terms: pd.DataFrame, reference: Reference
) -> str:
    rate = float(summary["loaded_per_1k"])
    if not summary["n_loaded"]:
        return "It uses no loaded terms of the lexicon."
    loaded = categories[(categories["kind"] == "loaded") & (categories["count"] > 0)]
    top = loaded.sort_values(["count", "category"], ascending=[False, True]).head(_CATEGORIES)
    named = _series(
        [
            f"{display_label(c)} ({r:.1f})"
            for c, r in zip(top["category"], top["per_1k"], strict=True)
        ]
    )
    examples = terms[terms["kind"] == "loaded"].sort_values(
        ["count", "term"], ascending=[False, True]
    )
    forms = [str(f).split(", ")[0] for f in examples["forms"].head(_TERMS)]
    where = _placed(reference, "loaded_per_1k", rate, "for news")
    where = f"{where}," if where else ""
    such = f", such as {_series([f'“{f}”' for f in forms])}" if forms else ""
    return f"It uses {rate:.1f} loaded terms per 1,000 words{where} mostly {named}{such}."


def _floor_sentence(summary: pd.Series, floor: pd.DataFrame, reference: Reference) -> str:
    speakers = floor[floor["speaker"] != "(unattributed)"]
    n_sources = int(summary["n_sources"])
    if speakers.empty or not speakers["n_words"].sum():
        return "No one is quoted or cited at length: the article speaks in its author's voice."
    first = speakers.iloc[0]
    quotes = int(first["n_quotes"])
    quoted = f", in {quotes} direct quote{'' if quotes == 1 else 's'}" if quotes else ""
    anonymous = float(summary["anonymous_share"])
    who = "none anonymous" if not anonymous else f"{anonymous:.0%} of them anonymous"
    share = float(summary["quoted_share"])
    place = _placed(reference, "quoted_share", share, "for news")
    return (
        f"{first['speaker']} gets the floor with {float(first['share']):.0%} of the reported "
        f"words{quoted}; {n_sources} source{'' if n_sources == 1 else 's'} in all, {who}, "
        f"and {share:.0%} of the article's words in direct quotes{place}."
    )


def _stance_sentence(stance: pd.DataFrame) -> str:
    rows = stance[(stance["mentions"] > 0) & ~stance["low_evidence"].astype(bool)]
    rows = rows[rows["score"].notna()].sort_values(["score", "target"], ascending=[False, True])
    good = [str(t) for t, s in zip(rows["target"], rows["score"], strict=True) if s > 0]
    bad = [str(t) for t, s in zip(rows["target"], rows["score"], strict=True) if s < 0]
    if not good and not bad:
        if rows.empty:
            return "No target is mentioned often enough for a stance reading."
        return f"It positions {_series(list(rows['target'].head(_TARGETS)))} about evenly."
    parts = []
    if good:
        parts.append(f"{_series(good[:_TARGETS])} most favourably")
    if bad:
        parts.append(f"{_series(bad[::-1][:_TARGETS])} least favourably")
    return f"It positions {' and '.join(parts)} (stance scores below, with their evidence)."


def _placed(reference: Reference, figure: str, value: float, context: str) -> str:
    """`` — very high for news (PolNeAR's middle half: 5.1–16.5)``, or "" without a range."""
    typical = reference.typical(figure)
    if typical is None:
        return ""
    low, high = (figure_text(figure, v) for v in typical)
    where = f"{reference.position(figure, value)}{f' {context}' if context else ''}"
    return f" — {where} ({reference.name.split(':', 1)[0]}'s middle half: {low}–{high})"


def figure_text(figure: str, value: float) -> str:
    """A figure of :data:`REFERENCE_FIGURES` as it is shown: ``44.4``, ``14%``, ``4``."""
    if math.isnan(value):
        return "n/a"
    if figure.endswith("_share"):
        return f"{value:.0%}"
    return f"{value:.0f}" if figure.startswith("n_") else f"{value:.1f}"


def _series(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]

"""Matplotlib charts of framing's tables.

Each function takes a table (not an :class:`~framing.Analysis`), draws on ``ax`` when one
is given (else on a new figure) and returns the Axes. Nothing global is changed and
matplotlib is imported only when a chart is drawn. Colours come from
:mod:`framing.display` (categories, speaker types, cue classes, stance), so they match
the highlighted text and the report.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from framing.display import (
    CUE_CLASS_COLORS,
    SPEAKER_TYPE_COLORS,
    STANCE_COLORS,
    category_colors,
    display_label,
    signed,
)
from framing.plots.axes import empty_chart, legend_above, new_axes, require_columns

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "cue_classes",
    "loaded_by_category",
    "markers_by_category",
    "stance_scores",
    "top_terms",
    "who_gets_the_floor",
]

# Matches inside quotes: a pale fill hatched in the full colour (hatches take the edge
# colour), so the split survives greyscale printing and colour-blind readers. The pale
# fill is opaque: with a translucent face the SVG backend draws the hatch invisibly.
_QUOTED_FILL_STRENGTH = 0.3
_QUOTED_HATCH = "////"
# For a category missing from a ``colors`` mapping: light enough to differ from the palette.
_UNKNOWN_COLOR = "0.8"


def _pale(colors: list[str]) -> list[tuple[float, float, float]]:
    """Each colour mixed with white, opaque."""
    from matplotlib.colors import to_rgb

    strength = _QUOTED_FILL_STRENGTH
    return [tuple(1 - strength + strength * v for v in to_rgb(c)) for c in colors]


def _voice_legend(ax: Axes) -> None:
    from matplotlib.patches import Patch

    grey = "0.35"
    handles = [
        Patch(facecolor=grey, edgecolor=grey, label="author's voice"),
        Patch(
            facecolor=_pale([grey])[0],
            edgecolor=grey,
            hatch=_QUOTED_HATCH,
            label="inside quotes",
        ),
    ]
    legend_above(ax, handles)


def loaded_by_category(
    category_frequencies: pd.DataFrame,
    ax: Axes | None = None,
    *,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Horizontal bars of loaded language per 1,000 words, one per category.

    Each bar is split into the author's voice (solid) and matches inside quotes (hatched),
    and labelled with its count. Categories keep the table's order, top to bottom. With a
    ``kind`` column only the rows of kind ``loaded`` are drawn: epistemic markers have
    :func:`markers_by_category`.

    Parameters
    ----------
    category_frequencies : pandas.DataFrame
        ``Analysis.category_frequencies()``: columns ``category, count, per_1k, in_quote``
        (``author`` is ``count - in_quote`` when absent; ``kind`` optional).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    colors : mapping, optional
        ``{category: colour}``; by default :func:`framing.display.category_colors` of the
        table's categories.

    Returns
    -------
    matplotlib.axes.Axes
    """
    return _rates_by_category(
        category_frequencies, "loaded", ax, colors, "loaded terms per 1,000 words"
    )


def markers_by_category(
    category_frequencies: pd.DataFrame,
    ax: Axes | None = None,
    *,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Horizontal bars of epistemic markers (hedges, boosters, factives) per 1,000 words.

    The same chart as :func:`loaded_by_category`, for the rows of ``kind`` ``marker``:
    words that weaken or strengthen the writer's commitment to a claim, counted apart
    from loaded language.

    Parameters
    ----------
    category_frequencies : pandas.DataFrame
        ``Analysis.category_frequencies()``, with its ``kind`` column.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    colors : mapping, optional
        ``{category: colour}``.

    Returns
    -------
    matplotlib.axes.Axes
    """
    require_columns(category_frequencies, ["kind"], "category_frequencies")
    return _rates_by_category(
        category_frequencies, "marker", ax, colors, "epistemic markers per 1,000 words"
    )


def _rates_by_category(
    category_frequencies: pd.DataFrame,
    kind: str,
    ax: Axes | None,
    colors: Mapping[str, str] | None,
    label: str,
) -> Axes:
    require_columns(
        category_frequencies, ["category", "count", "per_1k", "in_quote"], "category_frequencies"
    )
    table = category_frequencies
    if "kind" in table:
        table = table[table["kind"] == kind]
    table = table.reset_index(drop=True)
    ax = new_axes(ax, height=1.2 + 0.4 * len(table))
    if table.empty:
        return empty_chart(ax, "no categories")
    colors = {**category_colors(table["category"]), **(colors or {})}
    counts = table["count"].astype(int)
    in_quote = table["in_quote"].astype(int)
    author = table["author"].astype(int) if "author" in table else counts - in_quote
    # The rate of one match, per category (zero where there are no matches).
    unit = (table["per_1k"] / counts.where(counts > 0)).fillna(0.0)
    bar_colors = [colors.get(c, _UNKNOWN_COLOR) for c in table["category"]]
    positions = range(len(table))
    ax.barh(positions, author * unit, color=bar_colors, edgecolor=bar_colors)
    ax.barh(
        positions,
        in_quote * unit,
        left=author * unit,
        color=_pale(bar_colors),
        edgecolor=bar_colors,
        hatch=_QUOTED_HATCH,
        linewidth=0.8,
    )
    for y, (rate, count) in enumerate(zip(table["per_1k"], counts, strict=True)):
        ax.annotate(
            f"{count}",
            (rate, y),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize="small",
        )
    ax.set_yticks(list(positions), [display_label(c) for c in table["category"]])
    ax.invert_yaxis()
    ax.set_xlabel(f"{label} (bar label: count)")
    # Room for the count labels; set explicitly because bar edges are "sticky" to margins.
    ax.set_xlim(0, 1.12 * float(table["per_1k"].max()) or 1.0)
    ax.spines[["top", "right"]].set_visible(False)
    _voice_legend(ax)
    return ax


def top_terms(
    term_frequencies: pd.DataFrame,
    n: int = 15,
    ax: Axes | None = None,
    *,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Horizontal bars of the ``n`` most frequent loaded terms, coloured by category.

    With a ``kind`` column, only loaded language is drawn (not the epistemic markers).

    Parameters
    ----------
    term_frequencies : pandas.DataFrame
        ``Analysis.term_frequencies()``: columns ``term, category, count`` (``kind``
        optional).
    n : int
        How many terms to show; ties are broken alphabetically.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    colors : mapping, optional
        ``{category: colour}``; by default :func:`framing.display.category_colors` of the
        table's categories in order of appearance.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    require_columns(term_frequencies, ["term", "category", "count"], "term_frequencies")
    if "kind" in term_frequencies:
        term_frequencies = term_frequencies[term_frequencies["kind"] == "loaded"]
    table = term_frequencies.sort_values(
        ["count", "term"], ascending=[False, True], kind="stable"
    ).head(n)
    ax = new_axes(ax, height=1.0 + 0.3 * max(len(table), 1))
    if table.empty:
        return empty_chart(ax, "no loaded terms")
    colors = {**category_colors(term_frequencies["category"]), **(colors or {})}
    bar_colors = [colors.get(c, _UNKNOWN_COLOR) for c in table["category"]]
    positions = range(len(table))
    ax.barh(positions, table["count"].astype(int), color=bar_colors)
    ax.set_yticks(list(positions), [display_label(t) for t in table["term"]])
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("matches")
    ax.spines[["top", "right"]].set_visible(False)
    shown = dict.fromkeys(table["category"])
    legend_above(
        ax, [Patch(color=colors.get(c, _UNKNOWN_COLOR), label=display_label(c)) for c in shown]
    )
    return ax


#: Speaker labels longer than this are shortened with an ellipsis.
_LABEL_CHARS = 38
# Low-evidence stance bars: pale and cross-hatched.
_LOW_EVIDENCE_HATCH = "xxx"


def _short(text: str, limit: int = _LABEL_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def who_gets_the_floor(
    words_per_speaker: pd.DataFrame,
    ax: Axes | None = None,
    *,
    n: int = 12,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Horizontal bars of the words reported per speaker, coloured by speaker type.

    Each bar is labelled with the speaker's share of all reported words and the number
    of direct quotes. Speakers keep the table's order (most words first), top to bottom.

    Parameters
    ----------
    words_per_speaker : pandas.DataFrame
        :func:`framing.sources.words_per_speaker` of ``Analysis.sources``: columns
        ``speaker, speaker_type, n_quotes, n_words, share``.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    n : int
        How many speakers to show.
    colors : mapping, optional
        ``{speaker_type: colour}``; by default :data:`framing.display.SPEAKER_TYPE_COLORS`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.patches import Patch

    require_columns(
        words_per_speaker,
        ["speaker", "speaker_type", "n_quotes", "n_words", "share"],
        "who_gets_the_floor",
        "framing.sources.words_per_speaker(res.sources)",
    )
    table = words_per_speaker.head(n).reset_index(drop=True)
    ax = new_axes(ax, height=1.2 + 0.4 * max(len(table), 1))
    if table.empty:
        return empty_chart(ax, "nobody is quoted or reported")
    colors = {**SPEAKER_TYPE_COLORS, **(colors or {})}
    types = [str(t) for t in table["speaker_type"].fillna("")]
    bar_colors = [colors.get(t, _UNKNOWN_COLOR) for t in types]
    positions = range(len(table))
    words = table["n_words"].astype(int)
    ax.barh(positions, words, color=bar_colors)
    for y, (count, share, quotes) in enumerate(
        zip(words, table["share"], table["n_quotes"].astype(int), strict=True)
    ):
        quotes_text = f" · {quotes} quote{'' if quotes == 1 else 's'}" if quotes else ""
        ax.annotate(
            f"{100 * float(share):.0f}%{quotes_text}",
            (count, y),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize="small",
        )
    ax.set_yticks(list(positions), [_short(s) for s in table["speaker"]])
    ax.invert_yaxis()
    ax.set_xlabel("words quoted or reported (label: share of them)")
    ax.set_xlim(0, 1.3 * float(words.max()) or 1.0)
    ax.spines[["top", "right"]].set_visible(False)
    shown = dict.fromkeys(types)
    legend_above(ax, [Patch(color=colors.get(t, _UNKNOWN_COLOR), label=t or "?") for t in shown])
    return ax


def cue_classes(
    sources: pd.DataFrame,
    ax: Axes | None = None,
    *,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Bars of how many attributions use a cue of each class.

    The classes are shown in the order endorsing, neutral, distancing, emotive (from the
    most to the least favourable to the speaker), zero counts included; rows without a
    cue (media and document references, uncued quotes) are not counted.

    Parameters
    ----------
    sources : pandas.DataFrame
        ``Analysis.sources`` (needs ``cue_class``).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    colors : mapping, optional
        ``{cue_class: colour}``; by default :data:`framing.display.CUE_CLASS_COLORS`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.ticker import MaxNLocator

    require_columns(sources, ["cue_class"], "cue_classes", "Analysis.sources")
    colors = {**CUE_CLASS_COLORS, **(colors or {})}
    order = list(CUE_CLASS_COLORS)
    cued = sources["cue_class"].fillna("").astype(str)
    counts = [int((cued == name).sum()) for name in order]
    ax = new_axes(ax, height=2.2)
    positions = range(len(order))
    ax.barh(positions, counts, color=[colors[c] for c in order])
    for y, count in enumerate(counts):
        ax.annotate(f"{count}", (count, y), xytext=(4, 0), textcoords="offset points", va="center")
    ax.set_yticks(list(positions), order)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(0, max(1.15 * max(counts), 1.0))
    ax.set_xlabel("attributions per class of cue")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def stance_scores(
    stance: pd.DataFrame,
    ax: Axes | None = None,
    *,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Diverging bars of the stance score per target, most favourable on top.

    Negative scores (the text positions the target unfavourably) go left in one colour,
    positive ones right in another; each bar is labelled with the target's mentions.
    Targets flagged ``low_evidence`` are faded and hatched, their label says so.

    Parameters
    ----------
    stance : pandas.DataFrame
        ``Analysis.stance``: columns ``target, mentions, score`` (``low_evidence`` used
        when present).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    colors : mapping, optional
        ``{"negative": colour, "positive": colour}``; by default
        :data:`framing.display.STANCE_COLORS`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.patches import Patch

    require_columns(stance, ["target", "mentions", "score"], "stance_scores", "Analysis.stance")
    colors = {**STANCE_COLORS, **(colors or {})}
    table = stance.assign(_score=stance["score"].astype(float)).sort_values(
        ["_score", "target"], ascending=[False, True], kind="stable", na_position="last"
    )
    ax = new_axes(ax, height=1.2 + 0.38 * max(len(table), 1))
    if table.empty:
        return empty_chart(ax, "no targets")
    scores = table["_score"].fillna(0.0).clip(-1.0, 1.0)
    low = table["low_evidence"].eq(True).tolist() if "low_evidence" in table else []
    low = low or [False] * len(table)
    positions = list(range(len(table)))
    full = [colors["negative"] if s < 0 else colors["positive"] for s in scores]
    # Low evidence: a pale, opaque fill hatched in the full colour (see _QUOTED_HATCH).
    faces = [p if is_low else c for c, p, is_low in zip(full, _pale(full), low, strict=True)]
    bars = ax.barh(positions, scores, color=faces, edgecolor=full, linewidth=0.8)
    for bar, is_low in zip(bars, low, strict=True):
        if is_low:
            bar.set_hatch(_LOW_EVIDENCE_HATCH)
    for y, (score, raw, mentions, is_low) in enumerate(
        zip(scores, table["_score"], table["mentions"].astype(int), low, strict=True)
    ):
        text = f"{signed(raw)} · {mentions} mention{'' if mentions == 1 else 's'}"
        if is_low:
            text += " · low evidence"
        ax.annotate(
            text,
            (score, y),
            xytext=(-4 if score < 0 else 4, 0),
            textcoords="offset points",
            ha="right" if score < 0 else "left",
            va="center",
            fontsize="small",
            color="0.45" if is_low else "0.1",
        )
    ax.axvline(0, color="0.3", linewidth=0.8)
    ax.set_yticks(positions, [_short(t) for t in table["target"]])
    for label, is_low in zip(ax.get_yticklabels(), low, strict=True):
        if is_low:
            label.set_color("0.45")
    ax.invert_yaxis()
    ax.set_xlim(-1.6, 1.6)
    ax.set_xticks([-1.0, -0.5, 0.0, 0.5, 1.0])
    ax.set_xlabel("stance score: unfavourable (−1) … favourable (+1)")
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    handles = [
        Patch(color=colors["negative"], label="unfavourable"),
        Patch(color=colors["positive"], label="favourable"),
    ]
    if any(low):
        grey = "0.35"
        handles.append(
            Patch(
                facecolor=_pale([grey])[0],
                edgecolor=grey,
                hatch=_LOW_EVIDENCE_HATCH,
                label="low evidence",
            )
        )
    legend_above(ax, handles)
    return ax

"""Matplotlib charts of framing's tables.

Each function takes a table (not an :class:`~framing.Analysis`), draws on ``ax`` when one
is given (else on a new figure) and returns the Axes. Nothing global is changed and
matplotlib is imported only when a chart is drawn. Category colours come from
:func:`framing.display.category_colors`, so they match the highlighted text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from framing.display import category_colors

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["loaded_by_category", "top_terms"]

# Matches inside quotes: a pale fill hatched in the full colour (hatches take the edge
# colour), so the split survives greyscale printing and colour-blind readers. The pale
# fill is opaque: with a translucent face the SVG backend draws the hatch invisibly.
_QUOTED_FILL_STRENGTH = 0.3
_QUOTED_HATCH = "////"
# For a category missing from a ``colors`` mapping: light enough to differ from the palette.
_UNKNOWN_COLOR = "0.8"


def _axes(ax: Axes | None, height: float) -> Axes:
    """Return ``ax``, or the Axes of a new figure ``height`` inches tall."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new_ax = plt.subplots(figsize=(7.0, height), layout="constrained")
    return new_ax


def _require(table: pd.DataFrame, columns: list[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(
            f"{what} needs the columns {columns}; missing {missing}. "
            f"Pass the table from Analysis.{what}()."
        )


def _empty(ax: Axes, message: str) -> Axes:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _pale(colors: list[str]) -> list[tuple[float, float, float]]:
    """Each colour mixed with white, opaque."""
    from matplotlib.colors import to_rgb

    strength = _QUOTED_FILL_STRENGTH
    return [tuple(1 - strength + strength * v for v in to_rgb(c)) for c in colors]


def _legend_above(ax: Axes, handles: list[Any]) -> None:
    """A frameless legend in rows of four above the plot, where it never hides a bar."""
    ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncols=min(len(handles), 4),
        frameon=False,
        fontsize="small",
        borderaxespad=0.2,
    )


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
    _legend_above(ax, handles)


def loaded_by_category(
    category_frequencies: pd.DataFrame,
    ax: Axes | None = None,
    *,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Horizontal bars of loaded terms per 1,000 words, one per category.

    Each bar is split into the author's voice (solid) and matches inside quotes (hatched),
    and labelled with its count. Categories keep the table's order, top to bottom.

    Parameters
    ----------
    category_frequencies : pandas.DataFrame
        ``Analysis.category_frequencies()``: columns ``category, count, per_1k, in_quote``
        (``author`` is ``count - in_quote`` when absent).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    colors : mapping, optional
        ``{category: colour}``; by default :func:`framing.display.category_colors` of the
        table's categories.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _require(
        category_frequencies, ["category", "count", "per_1k", "in_quote"], "category_frequencies"
    )
    table = category_frequencies.reset_index(drop=True)
    ax = _axes(ax, height=1.2 + 0.4 * len(table))
    if table.empty:
        return _empty(ax, "no categories")
    colors = colors or category_colors(table["category"])
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
    ax.set_yticks(list(positions), [str(c) for c in table["category"]])
    ax.invert_yaxis()
    ax.set_xlabel("loaded terms per 1,000 words (bar label: count)")
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

    Parameters
    ----------
    term_frequencies : pandas.DataFrame
        ``Analysis.term_frequencies()``: columns ``term, category, count``.
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

    _require(term_frequencies, ["term", "category", "count"], "term_frequencies")
    table = term_frequencies.sort_values(
        ["count", "term"], ascending=[False, True], kind="stable"
    ).head(n)
    ax = _axes(ax, height=1.0 + 0.3 * max(len(table), 1))
    if table.empty:
        return _empty(ax, "no loaded terms")
    colors = colors or category_colors(term_frequencies["category"])
    bar_colors = [colors.get(c, _UNKNOWN_COLOR) for c in table["category"]]
    positions = range(len(table))
    ax.barh(positions, table["count"].astype(int), color=bar_colors)
    ax.set_yticks(list(positions), [str(t) for t in table["term"]])
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("matches")
    ax.spines[["top", "right"]].set_visible(False)
    shown = dict.fromkeys(table["category"])
    _legend_above(ax, [Patch(color=colors.get(c, _UNKNOWN_COLOR), label=str(c)) for c in shown])
    return ax

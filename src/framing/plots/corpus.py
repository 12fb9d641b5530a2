"""Matplotlib charts of a :class:`~framing.corpus.comparison.Comparison`'s tables.

As in :mod:`framing.plots`: each function takes a table, draws on ``ax`` when one is given
(else on a new figure) and returns the Axes; nothing global changes, and colours come
from :mod:`framing.display` so that categories, cue classes, speaker types and stance
look the same everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from framing.display import (
    CUE_CLASS_COLORS,
    PALETTE,
    SPEAKER_TYPE_COLORS,
    category_colors,
    display_label,
)
from framing.plots.axes import empty_chart, legend_above, new_axes, require_columns
from framing.schema import TOTAL

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["log_odds_scatter", "rates_by_group", "rates_heatmap", "source_mix", "stance_heatmap"]

_SOURCE = "the table from framing.compare(corpus).{}"
_TOTAL_COLOR = "0.25"
# Terms listed in one label when several share a point of the log-odds plot.
_TERMS_PER_LABEL = 3


def rates_by_group(
    rates: pd.DataFrame,
    categories: Sequence[str] | None = None,
    ax: Axes | None = None,
    *,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Loaded terms per 1,000 words per group, each with its bootstrap interval.

    Parameters
    ----------
    rates : pandas.DataFrame
        ``Comparison.rates``: ``group, category, per_1k, ci_low, ci_high``.
    categories : sequence of str, optional
        Categories to draw side by side; by default all loaded terms together
        (:data:`framing.corpus.comparison.TOTAL`).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    colors : mapping, optional
        ``{category: colour}``; by default :func:`framing.display.category_colors`.

    Returns
    -------
    matplotlib.axes.Axes
        Groups from the highest rate of the first category down; a group of one article
        has a point and no interval.
    """
    require_columns(
        rates,
        ["group", "category", "per_1k", "ci_low", "ci_high"],
        "rates",
        _SOURCE.format("rates"),
    )
    categories = list(categories or [TOTAL])
    table = rates[rates["category"].isin(categories)]
    first = table[table["category"] == categories[0]].sort_values("per_1k", ascending=False)
    groups = list(dict.fromkeys([*first["group"], *table["group"]]))
    ax = new_axes(ax, height=1.4 + 0.45 * max(1, len(groups)) * max(1, len(categories)) ** 0.5)
    if table.empty:
        return empty_chart(ax, "no loaded-term rates")
    ordered = [c for c in dict.fromkeys(rates["category"]) if c != TOTAL]
    palette = {**category_colors(ordered), **(colors or {}), TOTAL: _TOTAL_COLOR}
    step = 0.7 / len(categories)
    for index, category in enumerate(categories):
        rows = table[table["category"] == category].set_index("group").reindex(groups)
        offset = (index - (len(categories) - 1) / 2) * step
        below = (rows["per_1k"] - rows["ci_low"]).fillna(0).clip(lower=0)
        above = (rows["ci_high"] - rows["per_1k"]).fillna(0).clip(lower=0)
        ax.errorbar(
            rows["per_1k"],
            [y + offset for y in range(len(groups))],
            xerr=[below.to_numpy(), above.to_numpy()],
            fmt="o",
            color=palette.get(category, PALETTE[-1]),
            capsize=3,
            label="all loaded terms" if category == TOTAL else display_label(category),
        )
    ax.set_yticks(range(len(groups)), groups)
    ax.invert_yaxis()
    ax.set_xlim(left=0)
    ax.set_xlabel("loaded terms per 1,000 words (bootstrap interval)")
    ax.spines[["top", "right"]].set_visible(False)
    if len(categories) > 1:
        legend_above(ax, ax.get_legend_handles_labels()[0])
    return ax


def rates_heatmap(
    rates: pd.DataFrame,
    ax: Axes | None = None,
    *,
    categories: Sequence[str] | None = None,
) -> Axes:
    """Rates per 1,000 words per category (rows) and group (columns), each cell written.

    Categories that no group uses are left out, so the rows show what the corpus holds;
    the intervals are in ``rates`` (and in the report's table beside it).

    Parameters
    ----------
    rates : pandas.DataFrame
        ``Comparison.rates``: ``group, category, count, per_1k``.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    categories : sequence of str, optional
        The categories, in display order; by default those of ``rates`` but the total.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib

    require_columns(
        rates, ["group", "category", "count", "per_1k"], "rates", _SOURCE.format("rates")
    )
    order = [c for c in (categories or dict.fromkeys(rates["category"])) if c != TOTAL]
    used = set(rates.loc[rates["count"] > 0, "category"])
    order = [c for c in order if c in used]
    table = rates[rates["category"].isin(order)]
    values = table.pivot(index="category", columns="group", values="per_1k").reindex(order)
    ax = new_axes(ax, height=1.2 + 0.32 * max(1, len(values)))
    if values.empty:
        return empty_chart(ax, "no loaded terms in any group")
    grid = values.to_numpy(dtype=float)
    image = ax.imshow(grid, cmap=matplotlib.colormaps["Greys"], vmin=0, aspect="auto")
    top = float(np.nanmax(grid)) or 1.0
    for (y, x), rate in np.ndenumerate(grid):
        ax.text(x, y, f"{rate:.1f}", ha="center", va="center", fontsize="small",
                color="white" if rate > 0.6 * top else "black")  # fmt: skip
    ax.set_xticks(range(values.shape[1]), [str(g) for g in values.columns], rotation=20, ha="right")
    ax.set_yticks(range(values.shape[0]), [display_label(c) for c in values.index])
    ax.figure.colorbar(image, ax=ax, shrink=0.8, label="per 1,000 words")
    return ax


def log_odds_scatter(
    log_odds: pd.DataFrame,
    group: str,
    n_labels: int = 10,
    ax: Axes | None = None,
    *,
    z_threshold: float = 1.96,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """The terms of one group: corpus frequency against log-odds z-score (scattertext-like).

    Terms above the dashed line at ``+z_threshold`` are distinctive of ``group``, those
    below ``-z_threshold`` of the rest of the corpus. The ``n_labels`` terms with the
    largest absolute z-score are labelled; terms that share a point share a label.

    Parameters
    ----------
    log_odds : pandas.DataFrame
        ``Comparison.log_odds``: ``group, term, category, count, count_rest, z``.
    group : str
        The group to draw.
    n_labels : int, default 10
        How many terms to label.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    z_threshold : float, default 1.96
        Where to draw the reference lines (1.96: a two-sided 5% level for one term).
    colors : mapping, optional
        ``{category: colour}``; by default :func:`framing.display.category_colors`, as in
        every other chart.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.lines import Line2D

    require_columns(
        log_odds,
        ["group", "term", "category", "count", "count_rest", "z"],
        "log_odds",
        _SOURCE.format("log_odds"),
    )
    rows = log_odds[log_odds["group"] == group]
    ax = new_axes(ax, height=4.5)
    if rows.empty:
        return empty_chart(ax, f"no terms to compare for {group}")
    palette = {**category_colors(dict.fromkeys(log_odds["category"].dropna())), **(colors or {})}
    frequency = (rows["count"] + rows["count_rest"]).to_numpy()
    ax.scatter(
        frequency,
        rows["z"],
        c=[palette.get(c, PALETTE[-1]) for c in rows["category"]],
        s=22,
        alpha=0.8,
        linewidths=0,
    )
    for level, style in ((0.0, "-"), (z_threshold, "--"), (-z_threshold, "--")):
        ax.axhline(level, color="0.6", linestyle=style, linewidth=0.8)
    strongest = rows.assign(frequency=frequency, strength=rows["z"].abs())
    strongest = strongest.sort_values(["strength", "term"], ascending=[False, True]).head(n_labels)
    labels = strongest.groupby(["frequency", "z"], sort=False)["term"]
    for rank, ((x, z), terms) in enumerate(labels):
        names = [display_label(term) for term in terms]
        label = ", ".join(names[:_TERMS_PER_LABEL])
        if len(names) > _TERMS_PER_LABEL:
            label += f" +{len(names) - _TERMS_PER_LABEL}"
        # Alternate above and below the point, so that neighbouring labels overlap less.
        offset = (4, 3) if rank % 2 == 0 else (4, -11)
        ax.annotate(label, (x, z), xytext=offset, textcoords="offset points", fontsize="small")
    ax.set_xscale("log")
    top = max(float(np.nanmax(np.abs(rows["z"]))), z_threshold) * 1.15
    ax.set_ylim(-top, top)
    ax.set_xlabel("matches in the whole corpus (log scale)")
    ax.set_ylabel(f"z-score: {group} vs the rest")
    ax.spines[["top", "right"]].set_visible(False)
    shown = dict.fromkeys(rows["category"])
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            color=palette.get(c, PALETTE[-1]),
            label=display_label(c),
        )
        for c in shown
    ]
    legend_above(ax, handles)
    return ax


def stance_heatmap(
    stance: pd.DataFrame,
    ax: Axes | None = None,
    *,
    min_articles: int = 1,
    annotate: bool = True,
) -> Axes:
    """Mean stance score per group (rows) and target (columns), red negative, blue positive.

    Parameters
    ----------
    stance : pandas.DataFrame
        ``Comparison.stance``: ``group, target, n_articles, score``.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    min_articles : int, default 1
        Leave out cells resting on fewer articles (blank, grey).
    annotate : bool, default True
        Write each cell's score and number of articles in it.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib

    require_columns(
        stance, ["group", "target", "n_articles", "score"], "stance", _SOURCE.format("stance")
    )
    rows = stance[stance["n_articles"] >= min_articles]
    scores = rows.pivot(index="group", columns="target", values="score")
    counts = rows.pivot(index="group", columns="target", values="n_articles")
    ax = new_axes(ax, height=1.6 + 0.45 * max(1, len(scores)))
    if scores.empty:
        return empty_chart(ax, "no stance scores")
    colormap = matplotlib.colormaps["RdBu"].with_extremes(bad="0.93")
    image = ax.imshow(scores.to_numpy(dtype=float), cmap=colormap, vmin=-1, vmax=1, aspect="auto")
    if annotate:
        for (y, x), score in np.ndenumerate(scores.to_numpy(dtype=float)):
            if score != score:  # NaN: no article of the group mentions the target
                continue
            ax.text(
                x,
                y,
                f"{score:+.2f}\n(n={int(counts.iat[y, x])})",
                ha="center",
                va="center",
                fontsize="small",
                color="white" if abs(score) > 0.6 else "black",
            )
    ax.set_xticks(range(scores.shape[1]), [str(t) for t in scores.columns], rotation=30, ha="right")
    ax.set_yticks(range(scores.shape[0]), [str(g) for g in scores.index])
    ax.figure.colorbar(image, ax=ax, shrink=0.8, label="mean stance score")
    return ax


def source_mix(
    sources: pd.DataFrame,
    dimension: str = "cue_class",
    ax: Axes | None = None,
) -> Axes:
    """How each group's sources divide by ``dimension``, as 100% stacked bars.

    Parameters
    ----------
    sources : pandas.DataFrame
        ``Comparison.sources``: ``group, dimension, value, share``.
    dimension : {"cue_class", "speaker_type", "kind"}, default "cue_class"
        Which mix to draw.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.patches import Patch

    require_columns(
        sources, ["group", "dimension", "value", "share"], "sources", _SOURCE.format("sources")
    )
    rows = sources[sources["dimension"] == dimension]
    shares = rows.pivot(index="group", columns="value", values="share").fillna(0.0)
    ax = new_axes(ax, height=1.4 + 0.45 * max(1, len(shares)))
    if shares.empty:
        return empty_chart(ax, f"no sources with a {dimension}")
    known = {"cue_class": CUE_CLASS_COLORS, "speaker_type": SPEAKER_TYPE_COLORS}.get(dimension, {})
    order = [v for v in known if v in shares.columns] + sorted(set(shares.columns) - set(known))
    spare = iter(PALETTE)
    palette = {v: known.get(v) or next(spare) for v in order}
    left = np.zeros(len(shares))
    for value in order:
        ax.barh(range(len(shares)), shares[value], left=left, color=palette[value], label=value)
        left += shares[value].to_numpy()
    ax.set_yticks(range(len(shares)), [str(g) for g in shares.index])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(f"share of source rows by {dimension.replace('_', ' ')}")
    ax.spines[["top", "right"]].set_visible(False)
    legend_above(ax, [Patch(color=palette[v], label=str(v)) for v in order])
    return ax

"""Matplotlib charts of framing's tables.

Each function takes a table (not an :class:`~framing.Analysis`), draws on ``ax`` when one
is given (else on a new figure) and returns the Axes. Nothing global is changed and
matplotlib is imported only when a chart is drawn. Colours come from
:mod:`framing.display` (categories, speaker types, cue classes, stance), so they match
the highlighted text and the report. ``article`` charts one article's tables, ``corpus``
those of a :class:`~framing.Comparison`. :func:`with_alt` shows a chart in Jupyter as an
image with alt text.
"""

from __future__ import annotations

from framing.plots.alt_text import ChartImage, with_alt
from framing.plots.article import (
    cue_classes,
    loaded_by_category,
    markers_by_category,
    stance_scores,
    top_terms,
    who_gets_the_floor,
)
from framing.plots.corpus import (
    log_odds_scatter,
    rates_by_group,
    rates_heatmap,
    source_mix,
    stance_heatmap,
)

__all__ = [
    "ChartImage",
    "cue_classes",
    "loaded_by_category",
    "log_odds_scatter",
    "markers_by_category",
    "rates_by_group",
    "rates_heatmap",
    "source_mix",
    "stance_heatmap",
    "stance_scores",
    "top_terms",
    "who_gets_the_floor",
    "with_alt",
]

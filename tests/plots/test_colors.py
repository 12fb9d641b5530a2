"""Every chart colours a category as the lexicon does, whatever else it shows."""

from __future__ import annotations

import pandas as pd
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from framing import plots
from framing.display import category_colors

# A subset of the packaged categories, out of the card's order, and a custom one.
CATEGORIES = ["hedge", "fear", "loaded_language", "my_custom"]


def axes():
    return Figure().subplots()


def category_frequencies() -> pd.DataFrame:
    kinds = {"hedge": "marker"}
    return pd.DataFrame(
        {
            "category": CATEGORIES,
            "kind": [kinds.get(c, "loaded") for c in CATEGORIES],
            "count": [2, 3, 4, 1],
            "per_1k": [2.0, 3.0, 4.0, 1.0],
            "author": [2, 3, 4, 1],
            "in_quote": [0, 0, 0, 0],
        }
    )


def bar_colors(ax) -> list[str]:
    return [to_hex(bar.get_facecolor()) for bar in ax.patches if bar.get_width() > 0]


def expected(categories) -> list[str]:
    colors = category_colors()
    return [colors.get(c, category_colors([c])[c]).lower() for c in categories]


def test_category_bars_use_the_lexicons_colours():
    frequencies = category_frequencies()
    ax = plots.loaded_by_category(frequencies, axes())
    shown = [c for c in CATEGORIES if c != "hedge"]
    assert sorted(bar_colors(ax)) == sorted(expected(shown))
    ax = plots.markers_by_category(frequencies, axes())
    assert bar_colors(ax) == expected(["hedge"])


def test_top_terms_use_the_lexicons_colours():
    terms = pd.DataFrame(
        {
            "term": ["menace", "slammed"],
            "category": ["fear", "loaded_language"],
            "kind": ["loaded", "loaded"],
            "count": [3, 2],
            "per_1k": [3.0, 2.0],
        }
    )
    ax = plots.top_terms(terms, ax=axes())
    assert bar_colors(ax) == expected(["fear", "loaded_language"])


def test_corpus_charts_use_the_lexicons_colours():
    rates = pd.DataFrame(
        {
            "group": ["A", "A", "B", "B"],
            "category": ["fear", "hedge", "fear", "hedge"],
            "count": [1, 2, 3, 4],
            "per_1k": [1.0, 2.0, 3.0, 4.0],
            "ci_low": [0.5, 1.0, 2.0, 3.0],
            "ci_high": [1.5, 3.0, 4.0, 5.0],
        }
    )
    ax = plots.rates_by_group(rates, ["hedge", "fear"], ax=axes())
    lines = [to_hex(line.get_color()) for line in ax.get_lines() if line.get_marker() == "o"]
    assert lines == expected(["hedge", "fear"])
    log_odds = pd.DataFrame(
        {
            "group": ["A", "A"],
            "term": ["menace", "might"],
            "category": ["fear", "hedge"],
            "count": [3, 1],
            "count_rest": [1, 4],
            "z": [2.5, -2.1],
        }
    )
    ax = plots.log_odds_scatter(log_odds, "A", ax=axes())
    points = [to_hex(c) for c in ax.collections[0].get_facecolors()]
    assert points == expected(["fear", "hedge"])

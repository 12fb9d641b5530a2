"""Charts take tables, draw on a given Axes or a new one, and change nothing global."""

from __future__ import annotations

import subprocess
import sys

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from framing.display import category_colors
from framing.plots import loaded_by_category, top_terms

CATEGORIES = pd.DataFrame(
    {
        "category": ["doubt", "pejorative", "militarised"],
        "definition": ["d", "p", "m"],
        "count": [3, 4, 0],
        "per_1k": [6.0, 8.0, 0.0],
        "in_quote": [1, 0, 0],
        "author": [2, 4, 0],
    }
)
TERMS = pd.DataFrame(
    {
        "term": ["regime", "arms", "insinuate", "brutal"],
        "category": ["pejorative", "militarised", "doubt", "pejorative"],
        "polarity": [-1, 0, 0, -1],
        "count": [2, 5, 2, 1],
        "per_1k": [4.0, 10.0, 4.0, 2.0],
        "forms": ["regime", "arms", "insinuated", "brutal"],
    }
)


@pytest.fixture
def ax():
    return Figure().subplots()


def _bars(ax: Axes):
    return list(ax.patches)


def test_loaded_by_category_splits_author_and_quotes(ax):
    assert loaded_by_category(CATEGORIES, ax=ax) is ax
    bars = _bars(ax)
    author, quoted = bars[:3], bars[3:6]
    assert [b.get_width() for b in author] == pytest.approx([4.0, 8.0, 0.0])
    assert [b.get_width() for b in quoted] == pytest.approx([2.0, 0.0, 0.0])
    assert quoted[0].get_x() == pytest.approx(4.0)
    assert all(b.get_hatch() for b in quoted)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["doubt", "pejorative", "militarised"]
    colors = category_colors(CATEGORIES["category"])
    assert [to_hex(b.get_facecolor()) for b in author] == [c.lower() for c in colors.values()]
    assert ax.yaxis_inverted()  # the first category on top


def test_loaded_by_category_takes_colours_and_derives_author(ax):
    table = CATEGORIES.drop(columns="author")
    loaded_by_category(table, ax=ax, colors={"doubt": "#000000"})
    author = _bars(ax)[:3]
    assert [b.get_width() for b in author] == pytest.approx([4.0, 8.0, 0.0])
    assert to_hex(author[0].get_facecolor()) == "#000000"


def test_top_terms_orders_by_count_then_term(ax):
    assert top_terms(TERMS, n=3, ax=ax) is ax
    assert [t.get_text() for t in ax.get_yticklabels()] == ["arms", "insinuate", "regime"]
    assert [b.get_width() for b in _bars(ax)] == [5, 2, 2]
    colors = category_colors(TERMS["category"])
    assert to_hex(_bars(ax)[0].get_facecolor()) == colors["militarised"].lower()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "militarised",
        "doubt",
        "pejorative",
    ]


@pytest.mark.parametrize("draw", [loaded_by_category, top_terms])
def test_empty_tables_draw_a_message(ax, draw):
    table = (CATEGORIES if draw is loaded_by_category else TERMS).iloc[0:0]
    assert draw(table, ax=ax) is ax
    assert [t.get_text() for t in ax.texts] in (["no categories"], ["no loaded terms"])


@pytest.mark.parametrize("draw", [loaded_by_category, top_terms])
def test_missing_columns_are_named(ax, draw):
    with pytest.raises(ValueError, match="missing"):
        draw(pd.DataFrame({"category": ["x"]}), ax=ax)


@pytest.mark.parametrize("draw", [loaded_by_category, top_terms])
def test_without_ax_a_new_figure_and_nothing_global_changes(draw):
    rc_before = dict(matplotlib.rcParams)
    table = CATEGORIES if draw is loaded_by_category else TERMS
    figures_before = plt.get_fignums()
    ax = draw(table)
    try:
        assert isinstance(ax, Axes)
        assert ax.figure.number not in figures_before
        assert dict(matplotlib.rcParams) == rc_before
    finally:
        plt.close(ax.figure)


def test_with_ax_no_pyplot_figure_is_created(ax):
    before = plt.get_fignums()
    loaded_by_category(CATEGORIES, ax=ax)
    top_terms(TERMS, ax=ax.figure.add_subplot(2, 1, 2))
    assert plt.get_fignums() == before


def test_importing_plots_does_not_import_matplotlib():
    code = "import sys, framing.plots; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_plots_of_the_seed_analysis(seed_analysis):
    figure = Figure()
    left, right = figure.subplots(1, 2)
    loaded_by_category(seed_analysis.category_frequencies(), ax=left)
    top_terms(seed_analysis.term_frequencies(), ax=right)
    n_categories = len(seed_analysis.lexicon.categories)
    assert len(left.patches) == 2 * n_categories
    assert 0 < len(right.patches) <= 15

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

from framing.display import CUE_CLASS_COLORS, SPEAKER_TYPE_COLORS, STANCE_COLORS, category_colors
from framing.plots import (
    cue_classes,
    loaded_by_category,
    markers_by_category,
    stance_scores,
    top_terms,
    who_gets_the_floor,
)
from framing.sources import words_per_speaker

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


SPEAKERS = pd.DataFrame(
    {
        "speaker": [
            "Sergey Lavrov",
            "a pro-Ukrainian activist masquerading as a journalist",
            "TASS",
        ],
        "speaker_type": ["person", "labelled", "media"],
        "n_quotes": [5, 0, 1],
        "n_words": [146, 12, 4],
        "share": [146 / 162, 12 / 162, 4 / 162],
    }
)
SOURCES = pd.DataFrame(
    {
        "kind": ["indirect", "direct_quote", "direct_quote", "media", "mention", "indirect"],
        "cue_class": ["distancing", "", "endorsing", "", "neutral", "neutral"],
    }
)
STANCE = pd.DataFrame(
    {
        "target": ["Russia", "Armenia", "Biden", "Ukraine"],
        "mentions": [18, 13, 1, 2],
        "score": [0.42, -0.36, 0.0, -0.43],
        "low_evidence": [False, False, True, False],
    }
)
TABLES = {
    loaded_by_category: CATEGORIES,
    top_terms: TERMS,
    who_gets_the_floor: SPEAKERS,
    cue_classes: SOURCES,
    stance_scores: STANCE,
}


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


EMPTY_MESSAGES = {
    loaded_by_category: "no categories",
    top_terms: "no loaded terms",
    who_gets_the_floor: "nobody is quoted or reported",
    stance_scores: "no targets",
}


@pytest.mark.parametrize("draw", list(EMPTY_MESSAGES))
def test_empty_tables_draw_a_message(ax, draw):
    assert draw(TABLES[draw].iloc[0:0], ax=ax) is ax
    assert [t.get_text() for t in ax.texts] == [EMPTY_MESSAGES[draw]]


def test_cue_classes_of_an_empty_table_draws_zero_bars(ax):
    assert cue_classes(SOURCES.iloc[0:0], ax=ax) is ax
    assert [b.get_width() for b in _bars(ax)] == [0, 0, 0, 0]


@pytest.mark.parametrize("draw", list(TABLES))
def test_missing_columns_are_named(ax, draw):
    with pytest.raises(ValueError, match="missing"):
        draw(pd.DataFrame({"x": ["x"]}), ax=ax)


@pytest.mark.parametrize("draw", list(TABLES))
def test_without_ax_a_new_figure_and_nothing_global_changes(draw):
    rc_before = dict(matplotlib.rcParams)
    figures_before = plt.get_fignums()
    ax = draw(TABLES[draw])
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
    for draw in (who_gets_the_floor, cue_classes, stance_scores):
        draw(TABLES[draw], ax=Figure().subplots())
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
    kinds = seed_analysis.lexicon.kinds
    n_loaded = sum(kind == "loaded" for kind in kinds.values())
    assert len(left.patches) == 2 * n_loaded
    assert "hedge" not in _labels(left)
    assert 0 < len(right.patches) <= 15
    markers = markers_by_category(seed_analysis.category_frequencies(), ax=Figure().subplots())
    assert _labels(markers) == [c for c, kind in kinds.items() if kind == "marker"]
    assert "epistemic markers" in markers.get_xlabel()


def test_top_terms_leaves_markers_out(ax):
    terms = TERMS.assign(kind=["loaded", "marker", "loaded", "loaded"])
    top_terms(terms, ax=ax)
    assert "arms" not in _labels(ax)


def test_markers_by_category_needs_the_kind_column(ax):
    with pytest.raises(ValueError, match="kind"):
        markers_by_category(CATEGORIES, ax=ax)


def _labels(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def test_who_gets_the_floor_bars_words_per_speaker_by_type(ax):
    assert who_gets_the_floor(SPEAKERS, ax=ax) is ax
    assert [b.get_width() for b in _bars(ax)] == [146, 12, 4]
    assert [to_hex(b.get_facecolor()) for b in _bars(ax)] == [
        SPEAKER_TYPE_COLORS[t].lower() for t in ("person", "labelled", "media")
    ]
    labels = _labels(ax)
    assert labels[0] == "Sergey Lavrov"
    assert labels[1].endswith("…") and len(labels[1]) <= 38  # long names are shortened
    assert ax.yaxis_inverted()  # the most words on top
    assert [t.get_text() for t in ax.texts] == ["90% · 5 quotes", "7%", "2% · 1 quote"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["person", "labelled", "media"]


def test_who_gets_the_floor_takes_colours_and_limits_speakers(ax):
    who_gets_the_floor(SPEAKERS, ax=ax, n=2, colors={"person": "#000000"})
    assert len(_bars(ax)) == 2
    assert to_hex(_bars(ax)[0].get_facecolor()) == "#000000"


def test_cue_classes_counts_in_a_fixed_order(ax):
    table = pd.concat([SOURCES, pd.DataFrame({"kind": ["x"], "cue_class": [None]})])
    assert cue_classes(table, ax=ax) is ax
    assert _labels(ax) == ["endorsing", "neutral", "distancing", "emotive"]
    assert [b.get_width() for b in _bars(ax)] == [1, 2, 1, 0]
    assert [to_hex(b.get_facecolor()) for b in _bars(ax)] == [
        c.lower() for c in CUE_CLASS_COLORS.values()
    ]
    assert [t.get_text() for t in ax.texts] == ["1", "2", "1", "0"]


def test_stance_scores_diverge_sorted_by_score(ax):
    assert stance_scores(STANCE, ax=ax) is ax
    assert _labels(ax) == ["Russia", "Biden", "Armenia", "Ukraine"]
    assert ax.yaxis_inverted()  # the most favourable on top
    bars = _bars(ax)
    assert [b.get_width() for b in bars] == pytest.approx([0.42, 0.0, -0.36, -0.43])
    assert to_hex(bars[0].get_facecolor()) == STANCE_COLORS["positive"].lower()
    assert to_hex(bars[2].get_facecolor()) == STANCE_COLORS["negative"].lower()
    assert to_hex(bars[3].get_edgecolor()) == STANCE_COLORS["negative"].lower()
    texts = [t.get_text() for t in ax.texts]
    assert texts[0] == "+0.42 · 18 mentions"
    assert texts[2] == "−0.36 · 13 mentions"
    # negative labels sit left of their bar, positive ones right
    assert [t.get_horizontalalignment() for t in ax.texts] == ["left", "left", "right", "right"]
    assert ax.get_xlim()[0] < -1 and ax.get_xlim()[1] > 1


def test_stance_scores_mark_low_evidence(ax):
    stance_scores(STANCE, ax=ax)
    bars = dict(zip(_labels(ax), _bars(ax), strict=True))
    assert bars["Biden"].get_hatch()
    assert not bars["Russia"].get_hatch()
    assert "low evidence" in ax.texts[1].get_text()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "unfavourable",
        "favourable",
        "low evidence",
    ]
    grey = [t.get_color() for t in ax.get_yticklabels()]
    assert grey[1] != grey[0]


def test_stance_scores_without_low_evidence_column_or_with_missing_scores(ax):
    table = STANCE.drop(columns="low_evidence").assign(score=[0.5, float("nan"), 0.1, -0.2])
    stance_scores(table, ax=ax)
    assert _labels(ax)[-1] == "Armenia"  # a missing score goes last
    assert ax.texts[-1].get_text().startswith("n/a")
    assert not any(b.get_hatch() for b in _bars(ax))
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["unfavourable", "favourable"]


def test_source_and_stance_plots_of_the_seed_analysis(seed_analysis):
    figure = Figure()
    floor, cues, stance = figure.subplots(3, 1)
    who_gets_the_floor(words_per_speaker(seed_analysis.sources), ax=floor)
    cue_classes(seed_analysis.sources, ax=cues)
    stance_scores(seed_analysis.stance, ax=stance)
    assert _labels(floor)[0] == "Sergey Lavrov"
    assert (
        sum(b.get_width() for b in cues.patches) == (seed_analysis.sources["cue_class"] != "").sum()
    )
    assert len(stance.patches) == len(seed_analysis.stance)
    scores = [b.get_width() for b in stance.patches]
    assert scores == sorted(scores, reverse=True)

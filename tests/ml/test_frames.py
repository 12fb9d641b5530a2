"""Frame discovery: NMF over TF-IDF, reproducible, with frame mixes that sum to 1."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes

import framing
from framing.ml import FrameModel, discover_frames, plot_frame_mix

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo" / "articles.jsonl"


@pytest.fixture(scope="module")
def model() -> FrameModel:
    return discover_frames(DEMO, n_frames=4, random_state=0)


def test_same_seed_same_frames(model):
    again = discover_frames(DEMO, n_frames=4, random_state=0)
    pd.testing.assert_frame_equal(again.top_terms, model.top_terms)
    pd.testing.assert_frame_equal(again.article_frames, model.article_frames)
    assert again.labels == model.labels


def test_frame_mix_rows_sum_to_one(model):
    mix = model.article_frames
    ids = [article.id for article in framing.read_articles(DEMO)]
    assert list(mix.index) == ids and list(mix.columns) == [f"frame_{k}" for k in range(1, 5)]
    np.testing.assert_allclose(mix.sum(axis=1), 1.0)
    assert (mix >= 0).all().all()


def test_top_terms_table(model):
    top = model.top_terms
    assert list(top.columns) == ["frame", "rank", "term", "weight"]
    assert set(top["frame"]) == set(model.frames)
    for _, terms in top.groupby("frame"):
        assert list(terms["rank"]) == list(range(1, len(terms) + 1)) and len(terms) <= 10
        assert terms["weight"].is_monotonic_decreasing
    assert not top["term"].isin(["the", "and", "said"]).any()  # English stop words
    assert not top["term"].str.contains(r"\d").any()
    assert model.labels["frame_1"] == " / ".join(top[top["frame"] == "frame_1"]["term"][:3])


def test_texts_and_series_inputs():
    texts = [
        "The river dam cut water flow downstream to farms.",
        "Farms downstream lost water when the dam closed the river.",
        "Dock workers strike over port automation plans.",
        "The port strike by dock workers enters its second week.",
    ]
    from_list = discover_frames(texts, n_frames=2, min_df=1)
    assert list(from_list.article_frames.index) == ["0", "1", "2", "3"]
    series = pd.Series(texts, index=["a", "b", "c", "d"])
    mix = discover_frames(series, n_frames=2, min_df=1).article_frames
    assert list(mix.index) == ["a", "b", "c", "d"]
    # The two dam stories share a dominant frame, the two strike stories the other.
    dominant = mix.idxmax(axis=1)
    assert dominant["a"] == dominant["b"] != dominant["c"] == dominant["d"]


def test_transform_new_texts(model):
    mix = model.transform(["The dam on the river cut the water flow.", "Zzz qqq."])
    np.testing.assert_allclose(mix.iloc[0].sum(), 1.0)
    assert mix.iloc[1].isna().all()  # no vocabulary term: no mix


@pytest.mark.parametrize("n_frames", [0, 17])
def test_frame_count_is_checked(n_frames):
    with pytest.raises(ValueError, match="between 1 and"):
        discover_frames(DEMO, n_frames=n_frames)


def test_no_terms_left_says_what_to_do():
    with pytest.raises(ValueError, match="lower min_df"):
        discover_frames(["alpha beta", "gamma delta"], n_frames=1, min_df=2)


def test_plot_frame_mix_draws_on_the_given_axes(model):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    returned = plot_frame_mix(model.article_frames, ax=ax, labels=model.labels)
    assert returned is ax and isinstance(returned, Axes)
    assert len(ax.patches) == model.article_frames.size
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0] == f"frame_1: {model.labels['frame_1']}"
    plt.close(fig)
    own = plot_frame_mix(model.article_frames.head(3))
    assert len(own.patches) == 3 * 4
    plt.close(own.figure)

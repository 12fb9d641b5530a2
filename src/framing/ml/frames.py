"""Frame discovery: recurring themes in a corpus, found by NMF over TF-IDF.

:func:`discover_frames` factorises the articles' TF-IDF matrix (scikit-learn's English
stop words, no downloads) into ``n_frames`` non-negative components. Each component is
a *frame*: a weighted set of terms that tend to occur together ("dam, river, water,
flow" vs "talks, agreement, treaty"). Each article gets a *frame mix*, the share of its
weight on each frame. Frames found this way are topics, a starting point for a reading
of the framing, not a label of it: read the top terms and the articles highest on a frame
before naming it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer

from framing.article import Article
from framing.io import read_articles

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["FrameModel", "discover_frames", "plot_frame_mix"]

logger = logging.getLogger("framing")

# Words of two or more letters: numbers and dates make poor frame terms.
TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W\d_]+\b"


@dataclass(frozen=True, eq=False)
class FrameModel:
    """Frames found by :func:`discover_frames`, and the fitted models behind them.

    Attributes
    ----------
    top_terms : pandas.DataFrame
        ``frame, rank, term, weight``: the highest-weighted terms of each frame, rank 1 first.
    article_frames : pandas.DataFrame
        One row per article (index: article id), one column per frame (``frame_1`` ...):
        the article's frame mix, each row summing to 1. An article with none of the
        vocabulary's terms has no mix: its row is NaN.
    labels : dict
        Frame -> its three top terms joined ("dam / river / water"), for legends.
    vectorizer : sklearn.feature_extraction.text.TfidfVectorizer
    nmf : sklearn.decomposition.NMF
    """

    top_terms: pd.DataFrame
    article_frames: pd.DataFrame
    labels: dict[str, str]
    vectorizer: TfidfVectorizer
    nmf: NMF

    @property
    def frames(self) -> list[str]:
        return list(self.article_frames.columns)

    def transform(self, texts_or_corpus: Any) -> pd.DataFrame:
        """The frame mix of other articles under the frames found (rows sum to 1)."""
        ids, texts = _ids_and_texts(texts_or_corpus)
        weights = self.nmf.transform(self.vectorizer.transform(texts))
        return _mix(weights, ids, self.frames)

    def __repr__(self) -> str:
        frames = "; ".join(f"{f}: {label}" for f, label in self.labels.items())
        return f"<FrameModel of {len(self.article_frames)} articles: {frames}>"


def discover_frames(
    texts_or_corpus: Any,
    n_frames: int = 5,
    *,
    random_state: int = 0,
    max_features: int = 5000,
    min_df: int | float = 2,
    max_df: float = 0.95,
    n_terms: int = 10,
) -> FrameModel:
    """Find ``n_frames`` frames in a corpus with NMF over TF-IDF.

    Parameters
    ----------
    texts_or_corpus : path, DataFrame, Series or iterable of str or Article
        The articles: anything :func:`framing.read_articles` reads (a corpus file or folder,
        a DataFrame with a ``text`` column, Articles), a pandas Series of texts (its index
        gives the ids) or plain strings (ids ``0, 1, ...``).
    n_frames : int, default 5
        Number of frames; at most the number of articles.
    random_state : int, default 0
        Seed of the NMF; the same seed and corpus give the same frames.
    max_features : int, default 5000
        Vocabulary size: the most frequent terms after stop words.
    min_df, max_df : int or float
        Ignore terms in fewer than ``min_df`` articles (a count, or a share if float),
        or in more than ``max_df`` of them (a share): such terms characterise single
        articles or none.
    n_terms : int, default 10
        Top terms kept per frame in ``top_terms``.

    Returns
    -------
    FrameModel

    Examples
    --------
    >>> model = discover_frames("data/demo/articles.jsonl", n_frames=4)  # doctest: +SKIP
    >>> model.top_terms.query("rank <= 3")  # doctest: +SKIP
    >>> plot_frame_mix(model.article_frames, labels=model.labels)  # doctest: +SKIP
    """
    ids, texts = _ids_and_texts(texts_or_corpus)
    if not 1 <= n_frames <= len(texts):
        raise ValueError(
            f"n_frames={n_frames} but the corpus has {len(texts)} articles: "
            "ask for between 1 and as many frames as articles."
        )
    vectorizer = TfidfVectorizer(
        stop_words="english",
        token_pattern=TOKEN_PATTERN,
        max_features=max_features,
        min_df=min_df,
        max_df=max_df,
        sublinear_tf=True,
    )
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError as error:  # scikit-learn's "After pruning, no terms remain"
        raise ValueError(
            f"no terms left to find frames in {len(texts)} articles ({error}); "
            "lower min_df or raise max_df."
        ) from error
    n_frames = min(n_frames, matrix.shape[1])
    nmf = NMF(n_components=n_frames, init="nndsvda", random_state=random_state, max_iter=1000)
    weights = nmf.fit_transform(matrix)
    frames = [f"frame_{k + 1}" for k in range(n_frames)]
    top_terms = _top_terms(nmf.components_, vectorizer.get_feature_names_out(), frames, n_terms)
    labels = {
        frame: " / ".join(group["term"].head(3))
        for frame, group in top_terms.groupby("frame", sort=False)
    }
    logger.info("found %d frames in %d articles", n_frames, len(texts))
    return FrameModel(
        top_terms=top_terms,
        article_frames=_mix(weights, ids, frames),
        labels=labels,
        vectorizer=vectorizer,
        nmf=nmf,
    )


def plot_frame_mix(
    article_frames: pd.DataFrame,
    ax: Axes | None = None,
    *,
    labels: dict[str, str] | None = None,
    max_articles: int = 40,
) -> Axes:
    """Stacked horizontal bars: each article's frame mix.

    Parameters
    ----------
    article_frames : pandas.DataFrame
        ``FrameModel.article_frames`` (or any articles x frames table of shares).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    labels : dict, optional
        Frame -> legend text (``FrameModel.labels``).
    max_articles : int, default 40
        Draw at most this many articles (the first ones).

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib.pyplot as plt

    if ax is None:
        rows = min(len(article_frames), max_articles)
        _, ax = plt.subplots(figsize=(8, 1.5 + 0.3 * rows), layout="constrained")
    table = article_frames.head(max_articles).fillna(0.0)
    left = np.zeros(len(table))
    positions = np.arange(len(table))
    colours = plt.get_cmap("tab10" if table.shape[1] <= 10 else "tab20")
    for k, frame in enumerate(table.columns):
        share = table[frame].to_numpy()
        label = f"{frame}: {labels[frame]}" if labels and frame in labels else str(frame)
        ax.barh(positions, share, left=left, color=colours(k % colours.N), label=label)
        left += share
    ax.set_yticks(positions, [str(i) for i in table.index])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the article's frame weight")
    ax.set_title("Frame mix per article")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize="small")
    return ax


def _top_terms(
    components: np.ndarray, vocabulary: np.ndarray, frames: list[str], n_terms: int
) -> pd.DataFrame:
    rows = []
    for frame, weights in zip(frames, components, strict=True):
        # Stable sort on -weight: ties keep vocabulary order, so the table is reproducible.
        order = np.argsort(-weights, kind="stable")[:n_terms]
        rows += [
            {"frame": frame, "rank": rank, "term": vocabulary[i], "weight": float(weights[i])}
            for rank, i in enumerate(order, start=1)
            if weights[i] > 0
        ]
    return pd.DataFrame(rows, columns=["frame", "rank", "term", "weight"])


def _mix(weights: np.ndarray, ids: list[str], frames: list[str]) -> pd.DataFrame:
    totals = weights.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(totals > 0, weights / totals, np.nan)
    return pd.DataFrame(shares, index=pd.Index(ids, name="article_id"), columns=frames)


def _ids_and_texts(source: Any) -> tuple[list[str], list[str]]:
    if isinstance(source, pd.Series):
        return [str(i) for i in source.index], [str(t) for t in source]
    if isinstance(source, (str, Path, pd.DataFrame, Article)):
        articles = list(read_articles(source))
    elif isinstance(source, Iterable):
        items = list(source)
        if all(isinstance(item, str) for item in items):
            return [str(i) for i in range(len(items))], items
        articles = list(read_articles(items))
    else:
        raise TypeError(
            f"discover_frames() takes a corpus path, a DataFrame, a Series or a list of texts "
            f"or Articles, not {type(source).__name__}."
        )
    return [str(a.id) for a in articles], [a.text for a in articles]

"""A readable bias classifier: TF-IDF n-grams and framing features into logistic regression.

:func:`bias_classifier` builds the scikit-learn ``Pipeline``; :func:`top_features` lists
what the fitted model relies on, so that its decisions can be read::

    model = bias_classifier().fit(texts, labels)
    top_features(model, n=20)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler

from framing.ml.features import GROUPS, FramingFeatures, as_texts

__all__ = ["bias_classifier", "top_features"]


def bias_classifier(
    *,
    C: float = 1.0,
    ngram_range: tuple[int, int] | None = (1, 2),
    features: Sequence[str] = GROUPS,
    lexicon: Any = None,
    targets: Any = None,
    min_df: int = 2,
    n_jobs: int | None = None,
) -> Pipeline:
    """A sentence- or article-level bias classifier, ready to ``fit(texts, labels)``.

    Steps: ``texts`` (Articles to their text), ``features`` (a ``FeatureUnion`` of
    ``tfidf``, word n-grams with sublinear term frequency, and ``framing``,
    :class:`~framing.ml.features.FramingFeatures` through ``arcsinh``, a signed logarithm,
    and standardised, because rates per 1,000 words are mostly zero with a long tail in
    short texts), and ``model``, a logistic regression with balanced class weights (bias
    labels are rarely balanced).

    Parameters
    ----------
    C : float, default 1.0
        Inverse regularisation strength of the logistic regression.
    ngram_range : (int, int) or None, default (1, 2)
        Word n-grams of the TF-IDF branch; ``None`` leaves TF-IDF out (framing only).
    features : tuple of str, default all groups
        :class:`FramingFeatures` groups; ``()`` leaves the framing branch out (TF-IDF only).
    lexicon, targets, n_jobs
        Passed to :class:`FramingFeatures`.
    min_df : int, default 2
        Ignore n-grams found in fewer texts.

    Returns
    -------
    sklearn.pipeline.Pipeline
        Parameters are reachable for grid search, e.g. ``model__C``,
        ``features__tfidf__ngram_range``, ``features__framing__extract__features``.

    Examples
    --------
    >>> from sklearn.model_selection import cross_val_score
    >>> model = bias_classifier(C=0.5)
    >>> cross_val_score(model, texts, labels, scoring="f1_macro")  # doctest: +SKIP
    """
    branches = []
    if ngram_range is not None:
        tfidf = TfidfVectorizer(ngram_range=ngram_range, min_df=min_df, sublinear_tf=True)
        branches.append(("tfidf", tfidf))
    if features:
        extract = FramingFeatures(
            features=features, lexicon=lexicon, targets=targets, n_jobs=n_jobs
        )
        # arcsinh, a signed log: rates per 1,000 words are mostly 0 with a long tail.
        squash = FunctionTransformer(np.arcsinh, feature_names_out="one-to-one")
        steps = [("extract", extract), ("squash", squash), ("scale", StandardScaler())]
        branches.append(("framing", Pipeline(steps)))
    if not branches:
        raise ValueError("bias_classifier() needs TF-IDF (ngram_range) or framing features.")
    return Pipeline(
        [
            ("texts", FunctionTransformer(as_texts)),
            ("features", FeatureUnion(branches)),
            ("model", LogisticRegression(C=C, class_weight="balanced", max_iter=2000)),
        ]
    )


def top_features(pipeline: Pipeline, n: int = 20) -> pd.DataFrame:
    """The features a fitted :func:`bias_classifier` weighs most.

    Parameters
    ----------
    pipeline : sklearn.pipeline.Pipeline
        A fitted pipeline from :func:`bias_classifier` (any pipeline whose ``features``
        step has ``get_feature_names_out`` and whose last step has ``coef_`` works).
    n : int, default 20
        Features per class: for two classes, the ``n`` largest weights in absolute value;
        for more, the ``n`` largest for each class.

    Returns
    -------
    pandas.DataFrame
        ``name, weight, source, class``: the feature (an n-gram, or a
        :class:`FramingFeatures` column), its coefficient, ``tfidf`` or ``framing``, and
        the class it pushes toward. Framing features are log-scaled (``arcsinh``) and
        standardised, so their weight is per standard deviation of that; an n-gram's is
        per unit of TF-IDF.
    """
    model = pipeline[-1]
    names = pipeline.named_steps["features"].get_feature_names_out()
    sources, _, bare = np.char.partition(names.astype(str), "__").T
    coef, classes = np.atleast_2d(model.coef_), model.classes_
    rows = []
    if len(coef) == 1:
        order = np.argsort(-np.abs(coef[0]), kind="stable")[:n]
        rows = [(i, coef[0][i], classes[int(coef[0][i] > 0)]) for i in order]
    else:
        for k, weights in enumerate(coef):
            rows += [(i, weights[i], classes[k]) for i in np.argsort(-weights, kind="stable")[:n]]
    return pd.DataFrame(
        {
            "name": [bare[i] for i, _, _ in rows],
            "weight": [float(w) for _, w, _ in rows],
            "source": [sources[i] for i, _, _ in rows],
            "class": [c for _, _, c in rows],
        }
    )

"""Sentence bias classification on BABE: do framing features add to TF-IDF?

    python benchmarks/quality_classifier.py DATA_DIR [--folds 5] [--n-jobs 2] [--json]

DATA_DIR holds ``babe/final_labels_SG2.csv`` (or set FRAMING_EVAL_DIR). Sentences labelled
"No agreement" are dropped; "Biased" is the positive class. Three models from
:func:`framing.ml.bias_classifier`, scored by the same stratified 5-fold
cross-validation in one run:

(a) TF-IDF word 1-2-grams + logistic regression (the baseline),
(b) :class:`framing.FramingFeatures` alone (arcsinh, standardised) + logistic regression,
(c) both together.

The FramingFeatures matrix does not depend on the fold, so it is computed once per run
and the pipelines look each sentence's row up instead of recomputing it; everything else
(TF-IDF vocabulary, scaling, the model) is fitted inside each fold. Output: a markdown
table of precision, recall and F1 of the "Biased" class (mean and standard deviation over
folds) and macro F1, then the framing features model (c) weighs most.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, make_scorer, precision_score, recall_score
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.preprocessing import FunctionTransformer

from framing.datasets import read_babe
from framing.ml import FramingFeatures, bias_classifier, top_features

POSITIVE = "Biased"
SCORING = {
    "precision": make_scorer(precision_score, pos_label=POSITIVE),
    "recall": make_scorer(recall_score, pos_label=POSITIVE),
    "f1": make_scorer(f1_score, pos_label=POSITIVE),
    "f1_macro": "f1_macro",
}
MODELS = {
    "(a) TF-IDF + LR": {"features": ()},
    "(b) FramingFeatures + LR": {"ngram_range": None},
    "(c) TF-IDF + FramingFeatures + LR": {},
}


class CachedRows:
    """Stands in for FramingFeatures in a pipeline: each text's precomputed row."""

    def __init__(self, texts: list[str], matrix: np.ndarray) -> None:
        self.rows = dict(zip(texts, matrix, strict=True))

    def __call__(self, texts: list[str]) -> np.ndarray:
        return np.vstack([self.rows[t] for t in texts])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", default=os.environ.get("FRAMING_EVAL_DIR"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--n-jobs", type=int, default=2, help="processes for features and folds")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    path = Path(args.data_dir or "") / "babe" / "final_labels_SG2.csv"
    if not args.data_dir or not path.is_file():
        print(f"skipped: no BABE file at {path} (pass DATA_DIR or set FRAMING_EVAL_DIR)")
        return 0

    babe = read_babe(path)
    babe = babe[babe["label_bias"].isin(["Biased", "Non-biased"])].reset_index(drop=True)
    texts = babe["text"].tolist()
    labels = babe["label_bias"].to_numpy()

    started = time.perf_counter()
    extractor = FramingFeatures(n_jobs=args.n_jobs).fit(texts)
    matrix = extractor.transform(texts)
    seconds = time.perf_counter() - started
    cached = FunctionTransformer(
        CachedRows(texts, matrix),
        feature_names_out=lambda *_: extractor.get_feature_names_out(),
    )

    folds = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=0)
    figures = {}
    for name, options in MODELS.items():
        model = _with_cache(bias_classifier(**options), cached)
        scores = cross_validate(model, texts, labels, cv=folds, scoring=SCORING, n_jobs=args.n_jobs)
        figures[name] = {metric: _mean_sd(scores[f"test_{metric}"]) for metric in SCORING}
    weights = top_features(_with_cache(bias_classifier(), cached).fit(texts, labels), n=10**6)
    framing_weights = weights[weights["source"] == "framing"].head(10)

    counts = babe["label_bias"].value_counts().to_dict()
    if args.json:
        print(json.dumps({"counts": counts, "seconds_features": seconds, "cv": figures}, indent=2))
        return 0
    print(
        f"BABE SG2: {len(texts)} sentences {counts}; {args.folds}-fold stratified CV; "
        f"FramingFeatures: {matrix.shape[1]} features in {seconds:.0f} s "
        f"({1000 * seconds / len(texts):.1f} ms/sentence, n_jobs={args.n_jobs})\n"
    )
    print("| model | precision (Biased) | recall (Biased) | F1 (Biased) | macro F1 |")
    print("|---|---|---|---|---|")
    for name, values in figures.items():
        cells = " | ".join(f"{m:.3f} ± {s:.3f}" for m, s in values.values())
        print(f"| {name} | {cells} |")
    print("\nFraming features with the largest weights in (c), fitted on all sentences:\n")
    print("| feature | abs. weight | pushes toward |\n|---|---|---|")
    columns = ["name", "weight", "class"]
    for feature, weight, label in framing_weights[columns].itertuples(index=False, name=None):
        print(f"| {feature} | {abs(weight):.3f} | {label} |")
    return 0


def _mean_sd(values: np.ndarray) -> tuple[float, float]:
    return float(np.mean(values)), float(np.std(values))


def _with_cache(model, cached: FunctionTransformer):
    """``model`` with its FramingFeatures step (if any) replaced by the cached rows."""
    if "framing" in model.named_steps["features"].named_transformers:
        model.set_params(features__framing__extract=cached)
    return model


if __name__ == "__main__":
    sys.exit(main())

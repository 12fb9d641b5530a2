"""Stance quality on NewsMTSC dev and BASIL dev, beside two baselines, in one run.

    python benchmarks/quality_stance.py DATA_DIR [--json] [--ablation] [--no-basil]

DATA_DIR holds ``newsmtsc/`` and ``basil-dev/`` (or set FRAMING_EVAL_DIR). framing is
scored exactly as held-out splits will be, through the public path:

- **NewsMTSC dev** (``dev_rw``, ``dev_mt``): each target alone,
  ``framing.analyze(Article(text=sentence), targets={mention: [mention]})``; macro-F1 of
  ``label`` over the three classes, ROC AUC of ``score`` for negative vs rest and
  positive vs rest.
- **BASIL dev**: each article and entity with an ``author_feeling_<Entity>``,
  ``targets={entity: [entity, last name]}``; ROC AUC of ``score`` for negative vs rest
  and positive vs neutral. An entity the article never mentions scores 0.

Baselines in the same run: **VADER** of the sentence (NewsMTSC: the compound of the
whole sentence, labelled by VADER's own +-0.05 rule; BASIL: the mean compound of the
sentences naming the entity or its last name), and **TF-IDF + logistic regression**
trained on NewsMTSC train (the mention masked, six words either side, uni- and bigrams;
BASIL: the mean of ``P(pos) - P(neg)`` over the entity's mentions). ``--ablation``
prints NewsMTSC dev AUCs with each explanatory signal of ``framing.stance`` given weight
1 beside the model (the label is the model's either way). BASIL has 43 negative dev
pairs: read it once, never tune on it.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score

import framing
from framing.datasets import read_basil
from framing.stance import SIGNALS, read_newsmtsc
from framing.text import vader

CLASSES = ("negative", "neutral", "positive")
_WORD = re.compile(r"\w+|[^\w\s]")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", default=os.environ.get("FRAMING_EVAL_DIR"))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--ablation", action="store_true", help="NewsMTSC dev per signal")
    parser.add_argument("--no-basil", action="store_true", help="leave BASIL out")
    args = parser.parse_args()
    folder = Path(args.data_dir or "")
    news = folder / "newsmtsc"
    if not args.data_dir or not (news / "train.jsonl").is_file():
        print(f"skipped: no NewsMTSC folder at {news} (pass DATA_DIR or set FRAMING_EVAL_DIR)")
        return 0
    baseline = TfidfBaseline(read_newsmtsc(news / "train.jsonl"))
    if args.ablation:
        _print_ablation(news)
        return 0
    figures: dict = {"newsmtsc": {}, "basil": None}
    for split in ("rw", "mt"):
        figures["newsmtsc"][split] = newsmtsc_figures(news / f"dev_{split}.jsonl", baseline)
    basil = folder / "basil-dev"
    if basil.is_dir() and not args.no_basil:
        figures["basil"] = basil_figures(basil, baseline)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        _print_tables(figures)
    return 0


class TfidfBaseline:
    """TF-IDF of the six words either side of the masked mention + logistic regression."""

    def __init__(self, examples) -> None:
        self.vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        matrix = self.vectorizer.fit_transform([window(e.text, e.start, e.end) for e in examples])
        self.model = LogisticRegression(max_iter=5000, random_state=0)
        self.model.fit(matrix, [e.label for e in examples])
        self.classes = list(self.model.classes_)

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Columns negative, neutral, positive."""
        found = self.model.predict_proba(self.vectorizer.transform(texts))
        return found[:, [self.classes.index(c) for c in CLASSES]]


def window(text: str, start: int, end: int) -> str:
    left = _WORD.findall(text[:start])[-6:]
    right = _WORD.findall(text[end:])[:6]
    return " ".join([*left, "targetmask", *right])


def newsmtsc_rows(path: Path, options=None) -> pd.DataFrame:
    """framing's label and score for every target of a NewsMTSC file, via analyze()."""
    rows = []
    for example in read_newsmtsc(path):
        mention = example.text[example.start : example.end]
        result = framing.analyze(
            framing.Article(text=example.text),
            targets={mention: [mention]},
            stance_options=options,
        )
        stance = result.stance.set_index("target")
        score = float(stance.loc[mention, "score"])
        rows.append(
            {
                "gold": example.label,
                "label": stance.loc[mention, "label"],
                "score": 0.0 if math.isnan(score) else score,
                "found": int(stance.loc[mention, "mentions"]) > 0,
                "text": example.text,
                "start": example.start,
                "end": example.end,
            }
        )
    return pd.DataFrame(rows)


def newsmtsc_figures(path: Path, baseline: TfidfBaseline) -> dict:
    table = newsmtsc_rows(path)
    compound = np.array([vader().polarity_scores(t)["compound"] for t in table["text"]])
    vader_labels = np.where(
        compound >= 0.05, "positive", np.where(compound <= -0.05, "negative", "neutral")
    )
    probabilities = baseline.probabilities(
        [
            window(t, s, e)
            for t, s, e in zip(table["text"], table["start"], table["end"], strict=True)
        ]
    )
    tfidf_labels = np.array(CLASSES)[probabilities.argmax(1)]
    gold = table["gold"]
    return {
        "n": len(table),
        "found": round(float(table["found"].mean()), 3),
        "framing": _three(gold, table["label"], table["score"]),
        "vader": _three(gold, vader_labels, compound),
        "tfidf_lr": _three(gold, tfidf_labels, probabilities[:, 2] - probabilities[:, 0]),
    }


def _three(gold, labels, scores) -> dict:
    scores = np.asarray(scores, dtype=float)
    return {
        "macro_f1": float(f1_score(gold, labels, labels=list(CLASSES), average="macro")),
        "auc_neg_vs_rest": _auc(gold == "negative", -scores),
        "auc_pos_vs_rest": _auc(gold == "positive", scores),
    }


def basil_figures(folder: Path, baseline: TfidfBaseline) -> dict:
    rows = []
    for item in read_basil(folder):
        for entity, feeling in item.author_feeling.items():
            names = [entity, entity.split()[-1]]
            result = framing.analyze(item.article, targets={entity: list(dict.fromkeys(names))})
            score = float(result.stance.set_index("target").loc[entity, "score"])
            rows.append(
                {
                    "feeling": feeling,
                    "framing": 0.0 if math.isnan(score) else score,
                    "vader": _vader_sentences(result.document, names),
                    "tfidf_lr": _tfidf_mentions(result, entity, baseline),
                }
            )
    table = pd.DataFrame(rows)
    negative = table["feeling"] == "neg"
    graded = table[table["feeling"].isin(["pos", "neu"])]
    return {
        "n": len(table),
        "counts": table["feeling"].value_counts().to_dict(),
        **{
            name: {
                "auc_neg_vs_rest": _auc(negative, -table[name]),
                "auc_pos_vs_neu": _auc(graded["feeling"] == "pos", graded[name]),
            }
            for name in ("framing", "vader", "tfidf_lr")
        },
    }


def _vader_sentences(document, names: list[str]) -> float:
    scores = [
        vader().polarity_scores(document.text[s.start : s.end])["compound"]
        for s in document.sentences
        if any(name in document.text[s.start : s.end] for name in names)
    ]
    return sum(scores) / len(scores) if scores else 0.0


def _tfidf_mentions(result, entity: str, baseline: TfidfBaseline) -> float:
    mentions = result.target_mentions[result.target_mentions["target"] == entity]
    if mentions.empty:
        return 0.0
    text = result.article.text
    probabilities = baseline.probabilities(
        [window(text, s, e) for s, e in zip(mentions["start"], mentions["end"], strict=True)]
    )
    return float((probabilities[:, 2] - probabilities[:, 0]).mean())


def _auc(labels, scores) -> float:
    labels = np.asarray(labels)
    if len(set(labels.tolist())) < 2:
        return math.nan
    return float(roc_auc_score(labels, scores))


def _print_tables(figures: dict) -> None:
    print("NewsMTSC dev, each target alone through framing.analyze(..., targets={m: [m]})\n")
    print("| split | method | macro-F1 | AUC neg vs rest | AUC pos vs rest |")
    print("|---|---|---|---|---|")
    for split, found in figures["newsmtsc"].items():
        for name, label in METHODS.items():
            f = found[name]
            print(
                f"| {split} ({found['n']}) | {label} | {f['macro_f1']:.3f} "
                f"| {f['auc_neg_vs_rest']:.3f} | {f['auc_pos_vs_rest']:.3f} |"
            )
    share = ", ".join(f"{s} {f['found']:.1%}" for s, f in figures["newsmtsc"].items())
    print(f"\nmentions found by the target matcher: {share}")
    basil = figures["basil"]
    if basil is None:
        return
    print(f"\nBASIL dev: {basil['n']} (article, entity) pairs, feelings {basil['counts']}\n")
    print("| method | AUC neg vs rest | AUC pos vs neu |")
    print("|---|---|---|")
    for name, label in METHODS.items():
        f = basil[name]
        print(f"| {label} | {f['auc_neg_vs_rest']:.3f} | {f['auc_pos_vs_neu']:.3f} |")


METHODS = {
    "framing": "framing (mention model)",
    "vader": "baseline: VADER of the sentence",
    "tfidf_lr": "baseline: TF-IDF + LR (NewsMTSC train)",
}


def _print_ablation(news: Path) -> None:
    """NewsMTSC dev AUCs of the score with each explanatory signal weighed in."""
    print("| weights beside model=1 | rw AUC neg | rw AUC pos | mt AUC neg | mt AUC pos |")
    print("|---|---|---|---|---|")
    extra = [s for s in SIGNALS if s != "model"]
    for added in [(), *[(s,) for s in extra], tuple(extra)]:
        weights = {s: 1.0 for s in added}
        cells = []
        for split in ("rw", "mt"):
            table = newsmtsc_rows(news / f"dev_{split}.jsonl", {"weights": weights})
            figures = _three(table["gold"], table["label"], table["score"])
            cells += [figures["auc_neg_vs_rest"], figures["auc_pos_vs_rest"]]
        name = "model alone" if not added else " + ".join(added) if len(added) == 1 else "all"
        print(f"| {name} | " + " | ".join(f"{c:.3f}" for c in cells) + " |", flush=True)


if __name__ == "__main__":
    sys.exit(main())

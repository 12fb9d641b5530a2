"""Stance quality on BASIL: does ``score`` separate the annotators' author feelings?

    python benchmarks/quality_stance.py DATA_DIR [--json]

DATA_DIR holds ``basil-dev/`` (or set FRAMING_EVAL_DIR). For every article and every
entity with an ``author_feeling_<Entity>`` annotation, framing's stance ``score`` for that
entity (targets=[entity]) is compared with the gold feeling by ROC AUC:

- negative vs the rest (neu + pos): does a lower score mean a negative feeling?
- positive vs neutral: does a higher score mean a positive feeling?

beside the baseline "mean VADER compound of the sentences that mention the entity" (its
full name or last word) in the same run. An entity the article never mentions gets 0 from
both. AUC 0.5 is chance. With only 7 positive pairs in dev, the positive AUC moves by
about 0.14 per pair; the same figures on two halves of the articles (sorted ids, even and
odd positions) show how much of a difference between designs is noise. A last row reads
the annotators' own phrase labels (positive minus negative phrases aimed at the entity):
not a method but a ceiling for signals read from phrases.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

import pandas as pd
from sklearn.metrics import roc_auc_score

import framing
from framing.datasets import read_basil


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", default=os.environ.get("FRAMING_EVAL_DIR"))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    folder = Path(args.data_dir or "") / "basil-dev"
    if not args.data_dir or not folder.is_dir():
        print(f"skipped: no BASIL folder at {folder} (pass DATA_DIR or set FRAMING_EVAL_DIR)")
        return 0

    rows = []
    for item in read_basil(folder):
        for entity, feeling in item.author_feeling.items():
            result = framing.analyze(item.article, targets=[entity])
            stance = result.stance.set_index("target")
            score = stance["score"].get(entity, math.nan)
            rows.append(
                {
                    "article": item.article.id,
                    "entity": entity,
                    "feeling": feeling,
                    "framing": 0.0 if math.isnan(score) else score,
                    "vader": _vader_baseline(result.document, entity),
                    "gold_phrases": _gold_phrases(item.phrases, entity),
                }
            )
    table = pd.DataFrame(rows)
    ids = sorted(table["article"].unique())
    table["half"] = table["article"].map({article: i % 2 for i, article in enumerate(ids)})
    figures = {
        name: {
            **_aucs(table, name),
            "halves": [_aucs(table[table["half"] == h], name) for h in (0, 1)],
        }
        for name in METHODS
    }
    counts = table["feeling"].value_counts().to_dict()
    if args.json:
        print(json.dumps({"counts": counts, "auc": figures}, indent=2))
    else:
        print(f"BASIL dev: {len(table)} (article, entity) pairs, feelings {counts}\n")
        print("| method | AUC neg vs rest | AUC pos vs neu | halves: neg | halves: pos |")
        print("|---|---|---|---|---|")
        for name, label in METHODS.items():
            auc = figures[name]
            halves = [
                " / ".join(f"{half[key]:.3f}" for half in auc["halves"])
                for key in ("neg_vs_rest", "pos_vs_neu")
            ]
            print(
                f"| {label} | {auc['neg_vs_rest']:.3f} | {auc['pos_vs_neu']:.3f} "
                f"| {halves[0]} | {halves[1]} |"
            )
    return 0


METHODS = {
    "framing": "framing stance score",
    "vader": "baseline: VADER",
    "gold_phrases": "reference, not a method: gold phrases (pos - neg)",
}


def _aucs(table: pd.DataFrame, column: str) -> dict[str, float]:
    negative = table["feeling"] == "neg"
    graded = table[table["feeling"].isin(["pos", "neu"])]
    positive = graded["feeling"] == "pos"
    return {
        # A lower score should mean a negative feeling, hence the minus sign.
        "neg_vs_rest": _auc(negative, -table[column]),
        "pos_vs_neu": _auc(positive, graded[column]),
    }


def _auc(labels: pd.Series, scores: pd.Series) -> float:
    """ROC AUC, or NaN when only one class is present (a small half may lack one)."""
    if labels.nunique() < 2:
        return math.nan
    return float(roc_auc_score(labels, scores))


def _vader_baseline(document, entity: str) -> float:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = _vader_baseline.__dict__.setdefault("analyzer", SentimentIntensityAnalyzer())
    names = {entity, entity.split()[-1]}
    scores = [
        analyzer.polarity_scores(document.text[s.start : s.end])["compound"]
        for s in document.sentences
        if any(name in document.text[s.start : s.end] for name in names)
    ]
    return sum(scores) / len(scores) if scores else 0.0


def _gold_phrases(phrases: pd.DataFrame, entity: str) -> float:
    """The annotators' own phrase labels aimed at the entity: positive minus negative.

    A ceiling for phrase-level signals, not a method: it reads the gold annotations.
    """
    polarity = phrases.loc[phrases["target"].str.lower() == entity.lower(), "polarity"]
    return float((polarity == "pos").sum() - (polarity == "neg").sum())


if __name__ == "__main__":
    sys.exit(main())

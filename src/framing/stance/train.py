"""Train the mention model on NewsMTSC and write it, byte for byte the same every time.

    python -m framing.stance.train DATA_DIR [--out DIR] [--ablation]

``DATA_DIR`` holds ``newsmtsc/`` (``train.jsonl``, ``dev_rw.jsonl``, ``dev_mt.jsonl``;
Hamborg & Donnay, EACL 2021, MIT licence). Every sentence goes through the library's own
path (segmentation, loaded terms, sources, :class:`~framing.stance.features.
DocumentFeatures`), each target alone with its mention and the other occurrences of the
same words masked, as :func:`framing.analyze` sees a target given as ``{mention:
[mention]}``. A multinomial logistic regression (scikit-learn, L-BFGS, fixed ``C``) is
fitted on ``train`` over the features seen in at least :data:`MIN_COUNT` training
mentions; the label biases are then chosen on the two dev splits (the mean of their
macro-F1) and nothing else is tuned on them. Written to ``models/`` in this package
(or ``--out``): ``mention-model.json`` (weights rounded to :data:`DIGITS` digits, keys
sorted) and its card ``mention-model.yaml`` (data, licence, features, dev figures, the
JSON's SHA-256). ``--ablation`` prints dev figures without each feature group instead.
Only NewsMTSC may train weights that ship; its sentences never do.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.lexicon import Lexicon
from framing.loaded import find_loaded_terms
from framing.sources import find_sources
from framing.stance.aggregate import aggregate, label_of
from framing.stance.features import GROUPS, Atom, DocumentFeatures, group_of, stance_evidence_rows
from framing.stance.model import CLASSES, MODEL_FILE, MentionModel
from framing.stance.newsmtsc import Example, read_newsmtsc
from framing.text import SpanSentiment, segment

__all__ = ["mention_atoms", "train"]

#: A feature enters the vocabulary when at least this many training mentions have it.
MIN_COUNT = 3
#: Inverse regularisation strength of the logistic regression.
C = 0.1
#: Digits kept of every weight in the JSON file.
DIGITS = 6
#: The date written into the card (the day these settings were last changed).
TRAINED = "2026-12-02"
#: Label biases tried for the negative and positive classes (neutral's is 0).
_GRID = [round(0.1 * k, 1) for k in range(-10, 11)]


def mention_atoms(examples: Sequence[Example]) -> list[list[list[Atom]]]:
    """For each example, the atoms of each occurrence of its mention (its own first).

    The occurrences are the mention's words wherever else they stand as whole words in
    the sentence, as a target given by those words would find them.
    """
    lexicon = Lexicon.load("loaded")
    found: list[list[list[Atom]]] = []
    cache: dict[str, tuple[Any, ...]] = {}
    for example in examples:
        if example.text not in cache:
            document = segment(example.text)
            cache.clear()
            loaded, sources = stance_evidence_rows(
                find_loaded_terms(document, lexicon, article_id=""),
                find_sources(document, article_id="", affiliation=False),
            )
            cache[example.text] = (document, loaded, sources, SpanSentiment(example.text).compound)
        document, loaded, sources, tone = cache[example.text]
        spans = _occurrences(example)
        mentions = pd.DataFrame(
            {
                "target": "target",
                "start": [s for s, _ in spans],
                "end": [e for _, e in spans],
                "in_quote": [document.quote_at(s, e) is not None for s, e in spans],
            }
        )
        features = DocumentFeatures(document, mentions, loaded, sources, tone)
        found.append([features.atoms(i) for i in range(len(spans))])
    return found


def _occurrences(example: Example) -> list[tuple[int, int]]:
    words = example.text[example.start : example.end]
    pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
    others = [
        m.span()
        for m in pattern.finditer(example.text)
        if m.end() <= example.start or m.start() >= example.end
    ]
    return sorted([(example.start, example.end), *others])


def train(data_dir: str | Path, *, drop: Iterable[str] = ()) -> tuple[dict, dict]:
    """Fit the model on ``train`` and choose its label biases on the dev splits.

    Returns the model's JSON data and the dev figures (macro-F1, AUCs per split).
    ``drop`` leaves feature groups out (for ablations).
    """
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    folder = _folder(data_dir)
    dropped = set(drop)
    examples = read_newsmtsc(folder / "train.jsonl")
    atoms = [
        [[a for a in occurrence if group_of(a.feature) not in dropped] for occurrence in item]
        for item in mention_atoms(examples)
    ]
    labels = [e.label for e in examples]
    counts = Counter(f for item in atoms for f in {a.feature for a in item[0]})
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocabulary)}
    rows, columns, values = [], [], []
    for row, item in enumerate(atoms):
        summed: dict[int, float] = {}
        for atom in item[0]:
            if atom.feature in index:
                column = index[atom.feature]
                summed[column] = summed.get(column, 0.0) + atom.value
        for column in sorted(summed):
            rows.append(row)
            columns.append(column)
            values.append(summed[column])
    matrix = csr_matrix((values, (rows, columns)), shape=(len(atoms), len(vocabulary)))
    target = np.array([CLASSES.index(label) for label in labels])
    fitted = LogisticRegression(C=C, solver="lbfgs", max_iter=5000, random_state=0)
    fitted.fit(matrix, target)
    data: dict[str, Any] = {
        "format": 1,
        "classes": list(CLASSES),
        "intercept": [round(float(w), DIGITS) for w in fitted.intercept_],
        "label_bias": {"negative": 0.0, "neutral": 0.0, "positive": 0.0},
        "weights": {
            feature: [round(float(w), DIGITS) for w in fitted.coef_[:, i]]
            for i, feature in enumerate(vocabulary)
        },
    }
    model = MentionModel(data)
    dev = {name: _scored(model, folder / f"dev_{name}.jsonl", dropped) for name in ("rw", "mt")}
    # The smallest biases among equally good ones: the model's own decision unless the
    # dev splits say otherwise.
    negative, positive = max(
        ((n, p) for n in _GRID for p in _GRID),
        key=lambda pair: (
            sum(_macro_f1(gold, aggregates, _biases(*pair)) for gold, aggregates in dev.values()),
            -abs(pair[0]) - abs(pair[1]),
        ),
    )
    data["label_bias"] = _biases(negative, positive)
    figures = {
        name: _figures(gold, aggregates, data["label_bias"])
        for name, (gold, aggregates) in dev.items()
    }
    return data, figures


def _biases(negative: float, positive: float) -> dict[str, float]:
    return {"negative": negative, "neutral": 0.0, "positive": positive}


def _scored(model: MentionModel, path: Path, dropped: set[str]) -> tuple[list[str], list[Any]]:
    examples = read_newsmtsc(path)
    aggregates = []
    for item in mention_atoms(examples):
        predictions = [
            model.predict([a for a in occurrence if group_of(a.feature) not in dropped])
            for occurrence in item
        ]
        aggregates.append(
            aggregate([p.probabilities for p in predictions], [1.0] * len(predictions))
        )
    return [e.label for e in examples], aggregates


def _macro_f1(gold: Sequence[str], aggregates: Sequence[Any], biases: dict) -> float:
    from sklearn.metrics import f1_score

    predicted = [label_of(a.probabilities, biases) for a in aggregates]
    return float(f1_score(gold, predicted, labels=list(CLASSES), average="macro"))


def _figures(gold: Sequence[str], aggregates: Sequence[Any], biases: dict) -> dict[str, float]:
    from sklearn.metrics import roc_auc_score

    values = np.array([a.score for a in aggregates])
    return {
        "macro_f1": round(_macro_f1(gold, aggregates, biases), 3),
        "auc_negative": round(float(roc_auc_score([g == "negative" for g in gold], -values)), 3),
        "auc_positive": round(float(roc_auc_score([g == "positive" for g in gold], values)), 3),
        "n": len(gold),
    }


def _folder(data_dir: str | Path) -> Path:
    folder = Path(data_dir)
    if (folder / "newsmtsc").is_dir():
        folder = folder / "newsmtsc"
    if not (folder / "train.jsonl").is_file():
        raise FileNotFoundError(
            f"{folder} has no train.jsonl; pass the folder that holds newsmtsc/ "
            "(train.jsonl, dev_rw.jsonl, dev_mt.jsonl)."
        )
    return folder


def model_json(data: dict) -> bytes:
    """The model as the bytes of its JSON file: one feature per line, keys sorted."""
    head = {k: v for k, v in data.items() if k != "weights"}
    lines = ["{"]
    for key in sorted(head):
        lines.append(f"{json.dumps(key)}: {json.dumps(head[key], sort_keys=True)},")
    lines.append('"weights": {')
    weights = data["weights"]
    items = [
        f"{json.dumps(f, ensure_ascii=False)}: {json.dumps(weights[f])}" for f in sorted(weights)
    ]
    lines.append(",\n".join(items))
    lines.append("}}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def card_yaml(data: dict, figures: dict, sha256: str) -> str:
    """The model's card: what it is, what it was trained on, its licence and dev figures."""
    import yaml

    card = {
        "name": "mention-model",
        "version": TRAINED,
        "date": TRAINED,
        "file": MODEL_FILE.split("/")[-1],
        "sha256": sha256,
        "model": (
            "multinomial logistic regression (scikit-learn LogisticRegression, lbfgs, "
            f"C={C}, random_state=0) over {len(data['weights'])} features seen in at least "
            f"{MIN_COUNT} training mentions; weights rounded to {DIGITS} digits"
        ),
        "classes": list(CLASSES),
        "label_bias": data["label_bias"],
        "features": {group: _GROUP_TEXT[group] for group in GROUPS},
        "training_data": {
            "corpus": "NewsMTSC train split (7,758 sentences, 8,739 targets)",
            "citation": (
                "Felix Hamborg and Karsten Donnay. 2021. NewsMTSC: A Dataset for "
                "(Multi-)Target-dependent Sentiment Classification in Political News "
                "Articles. In Proceedings of the 16th Conference of the European Chapter of "
                "the Association for Computational Linguistics (EACL 2021), pages 1663-1675."
            ),
            "licence": (
                "MIT (Copyright 2020 Felix Hamborg); the text is in LICENSE beside this card"
            ),
            "shipped": "weights only; no sentence of the corpus is in the package",
        },
        "tuning": (
            "label biases chosen on NewsMTSC dev_rw and dev_mt (mean macro-F1); C and the "
            "feature set were compared on the same dev splits; nothing was fitted to any other "
            "corpus"
        ),
        "dev_figures": {
            "note": (
                "one mention per target (and the other occurrences of its words), scored "
                "as framing.stance aggregates them; macro-F1 over the label, ROC AUC of the "
                "score for negative vs rest and positive vs rest"
            ),
            **figures,
        },
        "retrain": "make model (python -m framing.stance.train ../shared/eval)",
    }
    return yaml.safe_dump(card, sort_keys=False, allow_unicode=True, width=90)


_GROUP_TEXT = {
    "words": "the words around the mention with the target masked (left and right windows, "
    "bigrams, the rest of the sentence)",
    "val": "VADER word valences by distance and clause, reversed under negation",
    "tone": "VADER compound of the mention's sentence and clause",
    "aim": "loaded terms aimed at the mention (framing.stance.aim) and the sentence's other "
    "charged loaded terms",
    "role": "the mention's role: subject, object, passive subject, agent after 'by', object "
    "of a speech verb, possessor, speaker; crossed with the nearby valence",
    "speech": "inside a quotation; inside others' reported speech or its own, by cue class "
    "and tone",
    "neg": "a negator in the mention's clause",
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", help="the folder that holds newsmtsc/")
    parser.add_argument("--out", help="where to write the model (default: the package)")
    parser.add_argument("--ablation", action="store_true", help="dev figures per dropped group")
    args = parser.parse_args(argv)
    if args.ablation:
        heads = [f"{s} {k}" for s in ("rw", "mt") for k in ("macro-F1", "AUC neg", "AUC pos")]
        print("| features | " + " | ".join(heads) + " |")
        print("|---" * 7 + "|")
        for drop in [(), *[(g,) for g in GROUPS]]:
            _, figures = train(args.data_dir, drop=drop)
            cells = [
                f"{figures[s][k]:.3f}"
                for s in ("rw", "mt")
                for k in ("macro_f1", "auc_negative", "auc_positive")
            ]
            name = "all" if not drop else f"without {drop[0]}"
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
        return 0
    data, figures = train(args.data_dir)
    out = Path(args.out) if args.out else Path(__file__).parent / "models"
    out.mkdir(parents=True, exist_ok=True)
    raw = model_json(data)
    (out / "mention-model.json").write_bytes(raw)
    sha256 = hashlib.sha256(raw).hexdigest()
    (out / "mention-model.yaml").write_text(card_yaml(data, figures, sha256), encoding="utf-8")
    print(json.dumps({"sha256": sha256, "features": len(data["weights"]), **figures}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

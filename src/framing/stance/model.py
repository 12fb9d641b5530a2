"""The mention model: probabilities that a sentence presents a target negatively, neutrally
or positively, from the features of :mod:`framing.stance.features`.

A multinomial logistic regression trained on NewsMTSC (Hamborg & Donnay, EACL 2021) by
:mod:`framing.stance.train`, shipped as plain JSON (``models/mention-model.json``, with
its card ``mention-model.yaml`` and the data's ``LICENSE``) and run here in numpy: the
logits of a mention are the intercepts plus, for each of its atoms, the atom's value
times its feature's weights. The *effect* of an atom is what it adds to the log-odds of
positive against negative, ``value x (w_positive - w_negative)``: the explanation of a
mention lists its atoms of largest effect.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from framing.stance.features import Atom

__all__ = ["CLASSES", "MODEL_FILE", "MentionModel", "Prediction"]

CLASSES = ("negative", "neutral", "positive")
#: The packaged model, inside ``framing.stance``.
MODEL_FILE = "models/mention-model.json"


@dataclass(frozen=True)
class Prediction:
    """The model's reading of one mention.

    Attributes
    ----------
    probabilities : tuple of float
        ``(negative, neutral, positive)``, summing to 1.
    effects : list of (Atom, float)
        Each atom of a known feature with its effect on the log-odds of positive
        against negative, largest magnitude first.
    """

    probabilities: tuple[float, float, float]
    effects: list[tuple[Atom, float]]

    @property
    def stance(self) -> float:
        """``P(positive) - P(negative)``, in [-1, 1]."""
        return self.probabilities[2] - self.probabilities[0]

    @property
    def polarised(self) -> float:
        """``1 - P(neutral)``: how much the model reads any stance at all."""
        return 1.0 - self.probabilities[1]


class MentionModel:
    """Weights of the mention model, read from its JSON file.

    Parameters
    ----------
    data : Mapping
        The parsed JSON: ``classes``, ``intercept``, ``weights`` (``{feature: [w_negative,
        w_neutral, w_positive]}``) and ``label_bias`` (per class, added to the log
        probabilities when a target is labelled: :func:`framing.stance.aggregate.label_of`).
    sha256 : str
        Fingerprint of the file's bytes (its card records it).
    """

    def __init__(self, data: dict[str, Any], sha256: str = "") -> None:
        if tuple(data["classes"]) != CLASSES:
            raise ValueError(f"the mention model's classes must be {CLASSES}")
        features = list(data["weights"])
        self.index = {name: i for i, name in enumerate(features)}
        self.weights = np.array([data["weights"][f] for f in features], dtype=float).reshape(
            len(features), len(CLASSES)
        )
        self.intercept = np.array(data["intercept"], dtype=float)
        self.label_bias = dict(data["label_bias"])
        self.sha256 = sha256
        self.effect = self.weights[:, 2] - self.weights[:, 0]

    @classmethod
    def load(cls, path: str | Path | None = None) -> MentionModel:
        """The packaged model (read once), or the model in the JSON file ``path``."""
        if path is None:
            return _packaged()
        raw = Path(path).read_bytes()
        return cls(json.loads(raw), hashlib.sha256(raw).hexdigest())

    def predict(self, atoms: Sequence[Atom]) -> Prediction:
        """The probabilities of one mention from its atoms, and each atom's effect."""
        logits = self.intercept.copy()
        effects = []
        for atom in atoms:
            row = self.index.get(atom.feature)
            if row is None:
                continue
            logits += atom.value * self.weights[row]
            effects.append((atom, atom.value * float(self.effect[row])))
        logits -= logits.max()
        odds = np.exp(logits)
        probabilities = odds / odds.sum()
        effects.sort(key=lambda pair: -abs(pair[1]))
        return Prediction(tuple(float(p) for p in probabilities), effects)


@cache
def _packaged() -> MentionModel:
    raw = resources.files("framing.stance").joinpath(MODEL_FILE).read_bytes()
    return MentionModel(json.loads(raw), hashlib.sha256(raw).hexdigest())

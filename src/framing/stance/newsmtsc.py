"""NewsMTSC (Hamborg & Donnay, EACL 2021): news sentences with target mentions labelled
negative, neutral or positive; the mention model's training data (MIT licence).

Read-only and for training and evaluation: no sentence of the corpus ships with framing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Example", "read_newsmtsc"]

_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


@dataclass(frozen=True)
class Example:
    """One NewsMTSC target: its sentence, the mention's span and the gold label."""

    text: str
    start: int
    end: int
    label: str


def read_newsmtsc(path: str | Path) -> list[Example]:
    """The targets of a NewsMTSC JSONL file, one :class:`Example` each."""
    examples = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            item = json.loads(line)
            text = item["sentence_normalized"]
            for target in item["targets"]:
                examples.append(
                    Example(text, target["from"], target["to"], _POLARITY[target["polarity"]])
                )
    return examples

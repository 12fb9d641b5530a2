"""Quality of source finding on PolNeAR (dev split by default) beside a `NAME said` regex.

Usage::

    python benchmarks/quality_sources.py DATA_DIR      # DATA_DIR holds polnear/
    FRAMING_EVAL_DIR=DATA_DIR python benchmarks/quality_sources.py
    python benchmarks/quality_sources.py DATA_DIR --split=train

Measures, over all gold attributions of the split (micro-averaged):

- recall: a gold attribution is found when a predicted cue overlaps its cue or a
  predicted content overlaps its content;
- precision: a predicted attribution (a direct quote, indirect speech or "according to"
  row) is right when its cue or content overlaps a gold attribution's;
- F1; speaker accuracy among found gold attributions that have a source (the share whose
  matched prediction's speaker span overlaps the gold source), and the share of all gold
  attributions whose speaker is right.

Exits 0 with a message when the data is absent. Prints a markdown table.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from framing.datasets import read_polnear
from framing.schema import SPEECH_KINDS
from framing.sources import find_sources
from framing.text import segment

Span = tuple[int, int]


@dataclass
class Prediction:
    cue: Span | None
    content: Span | None
    speaker: Span | None


@dataclass
class Counts:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    right: int = 0
    with_source: int = 0
    speaker_right: int = 0
    seconds: float = 0.0

    def row(self, name: str) -> str:
        recall = self.found / self.gold if self.gold else 0.0
        precision = self.right / self.predicted if self.predicted else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        speaker = self.speaker_right / self.with_source if self.with_source else 0.0
        of_all = self.speaker_right / self.gold if self.gold else 0.0
        return (
            f"| {name} | {recall:.3f} | {precision:.3f} | {f1:.3f} | {speaker:.3f} "
            f"| {of_all:.3f} | {self.gold} | {self.predicted} | {self.seconds:.1f} |"
        )


def overlaps(span: Span | None, pieces: Iterable[Span]) -> bool:
    return span is not None and any(span[0] < end and start < span[1] for start, end in pieces)


def framing_predictions(text: str) -> list[Prediction]:
    table = find_sources(segment(text), article_id="eval", affiliation=False)
    table = table[table["kind"].isin(SPEECH_KINDS)]
    return [
        Prediction(
            _span(row.cue_start, row.cue_end),
            _span(row.content_start, row.content_end),
            _span(row.speaker_start, row.speaker_end),
        )
        for row in table.itertuples(index=False)
    ]


_NAME_SAID = re.compile(r"\b((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]+)\s+(said|says)\b")


def baseline_predictions(text: str) -> list[Prediction]:
    """The `NAME said` regex: a capitalised name right before 'said' or 'says'."""
    return [Prediction(m.span(2), None, m.span(1)) for m in _NAME_SAID.finditer(text)]


def _span(start: int, end: int) -> Span | None:
    return (int(start), int(end)) if start >= 0 else None


def score(counts: Counts, gold: Sequence, predictions: list[Prediction]) -> None:
    counts.gold += len(gold)
    counts.predicted += len(predictions)
    counts.right += sum(
        any(overlaps(p.cue, g.cue_spans) or overlaps(p.content, g.content_spans) for g in gold)
        for p in predictions
    )
    for g in gold:
        by_cue = [p for p in predictions if overlaps(p.cue, g.cue_spans)]
        by_content = [p for p in predictions if overlaps(p.content, g.content_spans)]
        matched = (by_cue or by_content or [None])[0]
        if matched is None:
            continue
        counts.found += 1
        if g.has_source:
            counts.with_source += 1
            counts.speaker_right += overlaps(matched.speaker, g.source_spans)


def main(argv: list[str]) -> int:
    arguments = [a for a in argv[1:] if not a.startswith("--split=")]
    split = next((a.split("=", 1)[1] for a in argv[1:] if a.startswith("--split=")), "dev")
    folder = arguments[0] if arguments else os.environ.get("FRAMING_EVAL_DIR")
    if not folder or not (Path(folder) / "polnear" / split).is_dir():
        print(
            "quality_sources: no PolNeAR data (pass DATA_DIR holding polnear/dev, or set "
            "FRAMING_EVAL_DIR); nothing to measure."
        )
        return 0
    systems = {
        "framing.find_sources": framing_predictions,
        "`NAME said` regex": baseline_predictions,
    }
    counts = {name: Counts() for name in systems}
    for predict in systems.values():
        predict("Warm-up: loading lexicons, said Smith.")
    n_articles = 0
    for article, attributions in read_polnear(Path(folder) / "polnear", split=split):
        n_articles += 1
        gold = list(attributions.itertuples(index=False))
        for name, predict in systems.items():
            started = time.perf_counter()
            predictions = predict(article.text)
            counts[name].seconds += time.perf_counter() - started
            score(counts[name], gold, predictions)
    print(f"PolNeAR {split}: {n_articles} annotated articles\n")
    print(
        "| system | recall | precision | F1 | speaker acc. (found) | speaker right (all) "
        "| gold | predicted | seconds |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, count in counts.items():
        print(count.row(name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

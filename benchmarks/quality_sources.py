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

and the same figures per error family that the gold spans show (a pronoun or relative
pronoun as the source, an appositive, a prepositional phrase or a coordination in the
source, a quotation as content, a negated cue, no source, a participle cue, a passive
cue, "according to", a noun of speech in the cue, a cue ending in about/on/of/over).
A gold attribution may belong to several families or none. Exits 0 with a message when
the data is absent. Prints markdown tables.
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


_PRONOUNS = frozenset(
    {"he", "she", "they", "it", "his", "her", "their", "its", "him", "them", "i", "we", "you"}
)
_RELATIVES = frozenset({"who", "which", "that", "whom", "whose"})
_PREPOSITIONS = re.compile(r"\s(of|for|at|in|on|from|with|to|by)\s")
_NEGATION = re.compile(r"\b(not|never|n[’']t|refus\w*|declin\w*)\b|n[’']t\b", re.IGNORECASE)

_PARTICIPLE = re.compile(r"^(\w+ing)\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(is|are|was|were|been|being|be)\s+(\w+ed|told|said|written|shown)\b")
_SPEECH_NOUNS = re.compile(
    r"\b(statement|remarks?|comments?|interview|speech|letter|tweets?|announcement|criticism|"
    r"claims?|response|support|opposition|endorsement|accusations?|warning|op-ed|report)\b",
    re.IGNORECASE,
)
_TOPIC_END = re.compile(r"\b(about|on|of|over)$", re.IGNORECASE)

#: Error families measurable from the gold spans alone: name -> test on (source, cue, content).
FAMILIES = {
    "pronoun source (he said)": lambda src, cue, content: src.lower() in _PRONOUNS,
    "relative source (who said)": lambda src, cue, content: src.lower() in _RELATIVES,
    "appositive source (X, role, said)": lambda src, cue, content: "," in src,
    "prepositional source (staff on ...)": lambda src, cue, content: bool(
        _PREPOSITIONS.search(src)
    ),
    "coordinated source (X and Y)": lambda src, cue, content: " and " in src,
    "quotation content": lambda src, cue, content: content[:1] in "\"“‘'",
    "negated or refused cue": lambda src, cue, content: bool(_NEGATION.search(cue)),
    "no source given": lambda src, cue, content: not src,
    "participle cue (, saying)": lambda src, cue, content: bool(_PARTICIPLE.match(cue.strip())),
    "passive cue (was told)": lambda src, cue, content: bool(_PASSIVE.search(cue.lower())),
    "according to": lambda src, cue, content: "according to" in cue.lower(),
    "nominal cue (statement, remarks)": lambda src, cue, content: bool(_SPEECH_NOUNS.search(cue)),
    "topic cue (talked about)": lambda src, cue, content: bool(_TOPIC_END.search(cue.strip())),
}


def families(text: str, gold: Sequence) -> list[list[str]]:
    """The families each gold attribution belongs to."""
    out = []
    for g in gold:
        src = " ".join(text[a:b] for a, b in g.source_spans).strip() if g.has_source else ""
        cue = " ".join(text[a:b] for a, b in g.cue_spans)
        content = " ".join(text[a:b] for a, b in g.content_spans).strip()
        out.append([name for name, test in FAMILIES.items() if test(src, cue, content)])
    return out


def score(
    counts: Counts,
    gold: Sequence,
    predictions: list[Prediction],
    by_family: dict[str, Counts] | None = None,
    gold_families: list[list[str]] | None = None,
) -> None:
    counts.gold += len(gold)
    counts.predicted += len(predictions)
    counts.right += sum(
        any(overlaps(p.cue, g.cue_spans) or overlaps(p.content, g.content_spans) for g in gold)
        for p in predictions
    )
    for index, g in enumerate(gold):
        by_cue = [p for p in predictions if overlaps(p.cue, g.cue_spans)]
        by_content = [p for p in predictions if overlaps(p.content, g.content_spans)]
        matched = (by_cue or by_content or [None])[0]
        targets = [counts]
        if by_family is not None and gold_families is not None:
            targets += [by_family[name] for name in gold_families[index]]
            for name in gold_families[index]:
                by_family[name].gold += 1
        if matched is None:
            continue
        right = g.has_source and overlaps(matched.speaker, g.source_spans)
        for target in targets:
            target.found += 1
            if g.has_source:
                target.with_source += 1
                target.speaker_right += right


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
    by_family = {name: Counts() for name in FAMILIES}
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
            if name == "framing.find_sources":
                score(counts[name], gold, predictions, by_family, families(article.text, gold))
            else:
                score(counts[name], gold, predictions)
    print(f"PolNeAR {split}: {n_articles} annotated articles\n")
    print(
        "| system | recall | precision | F1 | speaker acc. (found) | speaker right (all) "
        "| gold | predicted | seconds |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, count in counts.items():
        print(count.row(name))
    print("\nframing.find_sources by error family (gold attributions of each shape):\n")
    print("| family | gold | recall | speaker acc. (found) | speaker right (all) |")
    print("|---|---|---|---|---|")
    for name, count in by_family.items():
        recall = count.found / count.gold if count.gold else 0.0
        accuracy = count.speaker_right / count.with_source if count.with_source else 0.0
        of_all = count.speaker_right / count.gold if count.gold else 0.0
        print(f"| {name} | {count.gold} | {recall:.3f} | {accuracy:.3f} | {of_all:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

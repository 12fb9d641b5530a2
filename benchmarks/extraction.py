"""Body extraction from HTML pages: framing's reader beside plain trafilatura, in one run.

Usage::

    python benchmarks/extraction.py DATA_DIR
    FRAMING_EXTRACTION_DIR=DATA_DIR python benchmarks/extraction.py

``DATA_DIR`` holds pages and their gold bodies in either layout:

- the article-extraction-benchmark layout (ScrapingHub's 181 pages): ``html/<id>.html.gz``
  (or ``.html``) and ``ground-truth.json``, ``{"<id>": {"articleBody": ..., "url": ...}}``;
- a plain folder: ``<id>.html`` beside ``<id>.txt``, the gold body.

For every page it extracts the body with ``framing.read_article`` (trafilatura, the checks
of ``framing.io.page_checks`` and the retry with ``favor_precision``, link lists cut at
the edges, boilerplate lines removed) and with ``trafilatura.extract(html, url=url)`` with
trafilatura's defaults, and scores both against the gold body by token F1: the tokens are
the lower-cased runs of word characters, counted as a multiset, as the benchmark's own
evaluation does. Prints the mean F1, precision and recall of each extractor, with a
bootstrap 95% interval of the mean F1 (1,000 resamples of pages, fixed seed), how many
pages each extractor wins, and how many pages framing warned about, re-extracted or
trimmed. Exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

import framing
from framing.errors import ReadError

_TOKEN = re.compile(r"\w+")
RESAMPLES = 1000
SEED = 0


@dataclass(frozen=True)
class Page:
    id: str
    html: str
    gold: str
    url: str | None


@dataclass
class Scores:
    f1: list[float] = field(default_factory=list)
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)

    def add(self, predicted: str, gold: str) -> float:
        p, r, f = token_prf(predicted, gold)
        self.precision.append(p)
        self.recall.append(r)
        self.f1.append(f)
        return f


def token_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the predicted tokens against the gold ones (multisets)."""
    ours, theirs = Counter(_TOKEN.findall(predicted.lower())), Counter(_TOKEN.findall(gold.lower()))
    overlap = sum((ours & theirs).values())
    if not ours or not theirs:
        same = not ours and not theirs
        return float(same), float(same), float(same)
    precision, recall = overlap / sum(ours.values()), overlap / sum(theirs.values())
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return precision, recall, f1


def pages(folder: Path) -> Iterator[Page]:
    truth = folder / "ground-truth.json"
    if truth.is_file():
        gold = json.loads(truth.read_text("utf-8"))
        for page_id, entry in sorted(gold.items()):
            html_path = next(
                (
                    p
                    for p in (
                        folder / "html" / f"{page_id}.html.gz",
                        folder / "html" / f"{page_id}.html",
                    )
                    if p.is_file()
                ),
                None,
            )
            if html_path is None:
                continue
            data = html_path.read_bytes()
            if html_path.suffix == ".gz":
                data = gzip.decompress(data)
            yield Page(
                page_id,
                data.decode("utf-8", errors="replace"),
                entry.get("articleBody") or "",
                entry.get("url"),
            )
        return
    for html_path in sorted(folder.glob("*.html")):
        gold_path = html_path.with_suffix(".txt")
        if gold_path.is_file():
            yield Page(
                html_path.stem,
                html_path.read_text("utf-8", errors="replace"),
                gold_path.read_text("utf-8"),
                None,
            )


def read_with_framing(page: Page, scratch: Path) -> tuple[str, framing.Article | None]:
    path = scratch / f"{page.id}.html"
    path.write_text(page.html, encoding="utf-8")
    try:
        article = framing.read_article(path, url=page.url)
    except ReadError:
        return "", None
    return article.text, article


def interval(values: list[float]) -> tuple[float, float]:
    rng = random.Random(SEED)
    means = sorted(sum(rng.choice(values) for _ in values) / len(values) for _ in range(RESAMPLES))
    return means[int(0.025 * RESAMPLES)], means[int(0.975 * RESAMPLES) - 1]


def mean(values: list[float]) -> float:
    return sum(values) / len(values)


def main(argv: list[str]) -> int:
    folder = argv[0] if argv else os.environ.get("FRAMING_EXTRACTION_DIR")
    if not folder or not Path(folder).is_dir():
        print("extraction benchmark: no DATA_DIR (or FRAMING_EXTRACTION_DIR) given; skipped.")
        return 0
    import logging

    logging.getLogger("framing").setLevel(logging.ERROR)  # the warnings are counted below
    ours, plain = Scores(), Scores()
    warned: Counter[str] = Counter()
    n_precise = n_trimmed = wins = losses = 0
    with tempfile.TemporaryDirectory() as scratch:
        for page in pages(Path(folder)):
            text, article = read_with_framing(page, Path(scratch))
            f_ours = ours.add(text, page.gold)
            f_plain = plain.add(trafilatura.extract(page.html, url=page.url) or "", page.gold)
            wins += f_ours > f_plain
            losses += f_ours < f_plain
            if article is None:
                continue
            for warning in article.meta.get("warnings", []):
                warned[_kind(warning)] += 1
            n_precise += article.meta.get("extractor", "").endswith("(favor_precision)")
            n_trimmed += "link_list" in article.meta.get("removed_rules", [])
    if not ours.f1:
        print(f"extraction benchmark: no pages with gold bodies in {folder}; skipped.")
        return 0
    print(f"{len(ours.f1)} pages from {folder}\n")
    print("| extractor | F1 | 95% CI | precision | recall |")
    print("|---|---|---|---|---|")
    for name, scores in (("framing.read_article", ours), ("trafilatura.extract (defaults)", plain)):
        low, high = interval(scores.f1)
        cells = [f"{mean(scores.f1):.3f}", f"{low:.3f}–{high:.3f}"]
        cells += [f"{mean(scores.precision):.3f}", f"{mean(scores.recall):.3f}"]
        print(f"| {name} | {' | '.join(cells)} |")
    equal = len(ours.f1) - wins - losses
    print(f"\nframing better on {wins} pages, worse on {losses}, equal on {equal}.")
    print(
        f"re-extracted with favor_precision: {n_precise}; link lists cut at the edges: {n_trimmed}"
    )
    for kind, count in sorted(warned.items()):
        print(f"warned: {kind}: {count}")
    return 0


def _kind(warning: str) -> str:
    for kind in (
        "paragraphs that are links",
        "article may have been missed",
        "teaser",
        "not UTF-8",
    ):
        if kind in warning:
            return kind
    return "other"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

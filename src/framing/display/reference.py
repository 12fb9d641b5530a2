"""Reference ranges for an article's headline figures: is 44 loaded terms per 1,000 words high?

A :class:`Reference` holds the quantiles of a few figures of ``Analysis.summary()`` over a
set of articles: the packaged one (:meth:`Reference.load`) over the news articles of a
public corpus, described in its card (``reference.yaml`` beside this module), or one from
the corpus being analysed (:meth:`Reference.from_articles`). Only these derived figures
are shipped, never a text of the corpus.

Regenerate the packaged reference, byte for byte, with::

    python -m framing.display.reference DATA_DIR     # DATA_DIR holds polnear/
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["REFERENCE_FIGURES", "Reference", "build_reference"]

#: The figures with a reference range, and how each is read.
REFERENCE_FIGURES = {
    "loaded_per_1k": "loaded terms per 1,000 words",
    "markers_per_1k": "epistemic markers per 1,000 words",
    "quoted_share": "share of words in direct quotes",
    "n_sources": "distinct sources",
    "anonymous_share": "share of sources that are anonymous",
}
_QUANTILES = (0.1, 0.25, 0.5, 0.75, 0.9)
_FILE = "reference.json"
_CARD = "reference.yaml"


@dataclass(frozen=True)
class Reference:
    """Quantiles of headline figures over a set of articles.

    Attributes
    ----------
    name : str
        What the articles are ("PolNeAR: 2016 US election news, 7 outlets").
    n_articles : int
    quantiles : dict
        ``{figure: [p10, p25, p50, p75, p90]}`` for the figures of
        :data:`REFERENCE_FIGURES`.
    card : dict
        What the reports say about it: ``what``, ``corpus``, ``method``, ``licence``,
        ``caveats`` (the packaged card, ``reference.yaml``), or as much of it as known.
    """

    name: str
    n_articles: int
    quantiles: Mapping[str, Sequence[float]]
    card: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Reference:
        """The packaged reference (see ``reference.yaml`` for its corpus and method)."""
        return _packaged()

    @classmethod
    def from_articles(
        cls, articles: Any, name: str, card: Mapping[str, Any] | None = None
    ) -> Reference:
        """A reference from an ``articles`` table (``CorpusAnalysis.articles``) or any
        rows with the figures as columns; ``card`` describes them (``{"what": ...}``)."""
        quantiles = {
            figure: _quantiles([float(v) for v in articles[figure] if not _missing(v)])
            for figure in REFERENCE_FIGURES
            if figure in articles
        }
        return cls(name=name, n_articles=len(articles), quantiles=quantiles, card=card or {})

    def typical(self, figure: str) -> tuple[float, float] | None:
        """The middle half of the articles (25th to 75th percentile), if known."""
        values = self.quantiles.get(figure)
        return (values[1], values[3]) if values else None

    def position(self, figure: str, value: float) -> str | None:
        """Where ``value`` falls: ``"very high"`` (above 9 articles in 10), ``"high"``
        (above 3 in 4), ``"typical"`` (the middle half), ``"low"``, ``"very low"``."""
        values = self.quantiles.get(figure)
        if not values or _missing(value):
            return None
        p10, p25, _, p75, p90 = values
        if value > p90:
            return "very high"
        if value > p75:
            return "high"
        if value >= p25:
            return "typical"
        return "low" if value >= p10 else "very low"


def build_reference(texts: Iterable[Any], name: str) -> Reference:
    """Analyse ``texts`` (Articles or strings) and take the quantiles of their figures."""
    import pandas as pd

    from framing.analysis import analyze

    rows = [analyze(text).summary()[list(REFERENCE_FIGURES)] for text in texts]
    return Reference.from_articles(pd.DataFrame(rows), name)


def _quantiles(values: list[float]) -> list[float]:
    if not values:
        return []
    return [round(float(q), 4) for q in np.quantile(values, _QUANTILES)]


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


@cache
def _packaged() -> Reference:
    import yaml

    folder = resources.files("framing.display")
    data = json.loads(folder.joinpath(_FILE).read_text("utf-8"))
    card = yaml.safe_load(folder.joinpath(_CARD).read_text("utf-8"))
    return Reference(data["name"], data["n_articles"], data["quantiles"], card)


def _payload(reference: Reference) -> str:
    data = {
        "name": reference.name,
        "n_articles": reference.n_articles,
        "quantiles_at": list(_QUANTILES),
        "quantiles": dict(reference.quantiles),
    }
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Rebuild ``reference.json`` from PolNeAR's texts (train and dev, each text once)."""
    from framing.datasets import read_polnear

    parser = argparse.ArgumentParser(prog="python -m framing.display.reference")
    parser.add_argument("data_dir", type=Path, help="the folder that holds polnear/")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name(_FILE))
    args = parser.parse_args(argv)
    texts = {}
    for split in ("train", "dev"):
        for article, _ in read_polnear(args.data_dir / "polnear", split):
            texts.setdefault(article.text, article)  # an article annotated twice counts once
    ordered = [texts[text] for text in sorted(texts)]
    name = "PolNeAR: news of the 2016 US election from seven US outlets"
    payload = _payload(build_reference(ordered, name))
    args.out.write_text(payload, encoding="utf-8")
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    card = args.out.with_suffix(".yaml")
    if card.is_file():  # the card records the file's hash (a test compares them)
        lines = card.read_text("utf-8").splitlines()
        lines = [f"sha256: {digest}" if line.startswith("sha256:") else line for line in lines]
        card.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(ordered)} articles, sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

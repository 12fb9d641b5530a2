"""framing: measure how a news or opinion article frames its subject.

Loaded terms, stance signals toward targets and source mentions, each traceable to
character offsets in the article text. Start with :func:`framing.read_article` and
:func:`framing.analyze`.
"""

from __future__ import annotations

import logging
from importlib import import_module
from typing import Any

__version__ = "0.1.0"

logging.getLogger("framing").addHandler(logging.NullHandler())

# Public names and the module that defines each; imported on first use so that
# ``import framing`` stays cheap (pandas, matplotlib and NLTK load only when needed).
_EXPORTS = {
    "Article": "framing.article",
    "read_article": "framing.io",
    "read_articles": "framing.io",
    "analyze": "framing.analysis",
    "Analysis": "framing.analysis",
    "Lexicon": "framing.lexicon",
    "Gazetteer": "framing.targets",
    "StanceOptions": "framing.stance",
    "analyze_corpus": "framing.corpus",
    "CorpusAnalysis": "framing.corpus",
    "compare": "framing.corpus",
    "Comparison": "framing.corpus",
    "write_report": "framing.report",
    "write_corpus_report": "framing.report",
    "FramingFeatures": "framing.ml",
    "FramingError": "framing.errors",
    "ReadError": "framing.errors",
    "LexiconError": "framing.errors",
    "GazetteerError": "framing.errors",
    "DuplicateIdError": "framing.errors",
    "StoreError": "framing.errors",
    "DatasetError": "framing.errors",
    "WorkerError": "framing.errors",
}

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)

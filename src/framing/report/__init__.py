"""HTML reports: one article (:func:`write_report`) or a corpus (:func:`write_corpus_report`).

Self-contained pages (inline CSS, charts as inline SVG, everything escaped) with their
figures and tables beside them, byte-for-byte reproducible, written atomically
(``files``); ``sections`` builds the sources and stance parts; ``templates/`` holds the
Jinja2 templates.
"""

from __future__ import annotations

from framing.report.article import write_report
from framing.report.corpus import write_corpus_report

__all__ = ["write_corpus_report", "write_report"]

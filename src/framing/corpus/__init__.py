"""Corpora at scale: :func:`analyze_corpus`, :class:`CorpusAnalysis` and :func:`compare`.

Articles are analysed in batches (``batch``), in this process or a pool of processes
(``local_engine``) or on a Dask cluster (``dask_engine``), planned in input order
(``plan``) and streamed to a Parquet store that resumes (``store``);
:func:`compare` sets groups of articles (outlets) side by side (``comparison``).
"""

from __future__ import annotations

from framing.corpus.comparison import NO_STANCE, Comparison, compare
from framing.corpus.run import CorpusAnalysis, analyze_corpus

__all__ = ["NO_STANCE", "Comparison", "CorpusAnalysis", "analyze_corpus", "compare"]

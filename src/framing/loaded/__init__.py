"""Loaded terms: lexicon matches with their offsets and context guards, and their rates.

:func:`find_loaded_terms` gives one row per match (``framing.schema.LOADED_TERMS``),
``kind`` telling loaded language from epistemic markers; the context guards leave out
matches the lexicon entry's conditions rule out and those inside proper names
(:mod:`framing.loaded.names`), and flag literal uses in reports of events
(:mod:`framing.loaded.literal`). :func:`category_frequencies`, :func:`term_frequencies`
and :func:`loaded_figures` count them.
"""

from __future__ import annotations

from framing.loaded.frequencies import (
    category_frequencies,
    category_rows,
    loaded_figures,
    term_frequencies,
)
from framing.loaded.rows import context_words, find_loaded_terms

__all__ = [
    "category_frequencies",
    "category_rows",
    "context_words",
    "find_loaded_terms",
    "loaded_figures",
    "term_frequencies",
]

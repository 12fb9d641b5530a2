"""Source mentions: who is quoted or cited, with which cue, saying what.

:func:`find_sources` reads a segmented :class:`~framing.text.Document` and returns one row
per direct quote, indirect speech, "according to" attribution, speaker mention, media
reference, document or link reference and scare quote, each traceable to character
offsets; :func:`source_summary` and :func:`words_per_speaker` summarise the table. The
modules of this package, in the order the text passes through them: ``context`` (the
document with its cue matches and token tags), ``attribution`` and ``reported_content``
(cues, speakers and content), ``rows`` with ``coreference``, ``quote_speakers`` and
``affiliation`` (resolved speakers as rows), ``references`` (media and documents).
"""

from __future__ import annotations

from framing.sources.find import find_sources
from framing.sources.summary import distinct_speakers, source_summary, words_per_speaker

__all__ = ["distinct_speakers", "find_sources", "source_summary", "words_per_speaker"]

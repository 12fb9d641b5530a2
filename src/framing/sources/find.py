"""Source mentions: who is quoted or cited, with which cue, saying what.

:func:`find_sources` reads a segmented :class:`~framing.text.Document` and returns one row
per direct quote, indirect speech, "according to" attribution, speaker mention, media
reference, document or link reference and scare quote, each traceable to character
offsets. :func:`source_summary` and :func:`words_per_speaker` summarise the table.

How it works, in four passes over the text (each linear in its length):

1. Quotations come with the document (:func:`framing.text.quotes.find_quotes`), including
   quotes that run over several paragraphs, each reopened at the paragraph's start.
2. Cues and nouns of speech are matched in one pass, each with its speaker phrase and
   content (:mod:`framing.sources.attribution`, :mod:`framing.sources.reported_content`).
3. Speakers are resolved in text order (:mod:`framing.sources.rows`, with
   :class:`framing.sources.coreference.Resolver`); quotes no cue claimed get theirs from
   :mod:`framing.sources.quote_speakers`, and short ones outside any attribution are scare quotes.
4. Media and document references that are not speakers are added as rows of their own
   (:mod:`framing.sources.references`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from framing.schema import SOURCE_COLUMNS, as_table
from framing.sources.affiliation import Affiliations, affiliation_lookup
from framing.sources.attribution import find_attributions
from framing.sources.context import SourceText
from framing.sources.references import find_references
from framing.sources.rows import SourceRows
from framing.text import Document

__all__ = ["find_sources"]


def find_sources(
    document: Document, *, article_id: str | None = None, affiliation: Any = None
) -> pd.DataFrame:
    """Quotes, attributions and source references of a document.

    Parameters
    ----------
    document : Document
        The segmented article (:func:`framing.text.segment`).
    article_id : str, optional
        Written into the ``article_id`` column.
    affiliation : None, False, callable or gazetteer, optional
        How to map a speaker to the target it speaks for: ``None`` uses the packaged
        gazetteer of ``framing.targets`` when present, ``False`` turns it off, a callable
        ``name_or_role -> target or None`` or an object with an ``affiliation`` method is
        used as given.

    Returns
    -------
    pandas.DataFrame
        One row per source mention with the columns of ``framing.schema.SOURCES``:

        - ``kind``: ``direct_quote``, ``indirect`` (reported speech with its content),
          ``according_to``, ``mention`` (a speaker with no content: "Lavrov made three
          points"), ``media`` and ``document`` (a reference to a media outlet or to a
          document or link that is not the speaker of an attribution) and
          ``scare_quote`` (a short quoted phrase outside any attribution; no speaker).
        - ``speaker``: the resolved speaker: a person's full name ("Sergey Lavrov" for
          "he" or "Lavrov"), an organisation, or the phrase itself for unnamed sources
          ("a senior official") and labels ("a pro-Ukrainian activist masquerading as a
          journalist"); empty when nobody is found.
        - ``speaker_type``: ``person``, ``organisation``, ``anonymous``, ``labelled``,
          ``media``, ``document`` or empty.
        - ``cue``, ``cue_class``: the cue as written and its class (``neutral``,
          ``endorsing``, ``distancing``, ``emotive``); empty without a cue.
        - ``quote``, ``n_words``: the content and its number of words.
        - ``speaker_start/end``: where the speaker is named for this row (for a pronoun,
          the pronoun); ``cue_start/end``; ``content_start/end``. -1 where absent.

        Two extra columns: ``role`` (the speaker's title or office, "Russian Foreign
        Minister") and ``cue_term`` (the cue's entry in the cue table, "insinuate").
    """
    source = SourceText(document)
    writer = SourceRows(source, article_id, Affiliations(affiliation_lookup(affiliation)))
    rows = writer.rows(find_attributions(source))
    references = find_references(source, rows)  # those the rows do not already cover
    rows.extend(
        writer.row(item.kind, item, speaker, span, None) for item, speaker, span in references
    )
    rows.sort(key=lambda r: (_first_offset(r), r["kind"]))
    return as_table(rows, SOURCE_COLUMNS)


def _first_offset(row: dict[str, Any]) -> int:
    points = [p for p in (row["speaker_start"], row["cue_start"], row["content_start"]) if p >= 0]
    return min(points) if points else -1

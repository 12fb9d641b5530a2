"""Source mentions: who is quoted or cited, with which cue, saying what.

:func:`find_sources` reads a segmented :class:`~framing.text.Document` and returns one row
per direct quote, indirect speech, "according to" attribution, speaker mention, media
reference, document or link reference and scare quote, each traceable to character
offsets. :func:`source_summary` and :func:`words_per_speaker` summarise the table.

How it works, in four passes over the text (each linear in its length):

1. Quotations come with the document (:func:`framing.quotes.find_quotes`), including
   quotes that run over several paragraphs, each reopened at the paragraph's start.
2. Cues and nouns of speech are matched in one pass, each with its speaker phrase and
   content (:mod:`framing.attribution`, :mod:`framing.reported_content`).
3. Speakers are resolved in text order (:mod:`framing.source_rows`, with
   :class:`framing.coreference.Resolver`); quotes no cue claimed get theirs from
   :mod:`framing.quote_speakers`, and short ones outside any attribution are scare quotes.
4. Media and document references that are not speakers are added as rows of their own
   (:mod:`framing.references`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd

from framing.affiliation import Affiliations, affiliation_lookup
from framing.attribution import find_attributions
from framing.references import find_references
from framing.schema import SOURCES, as_table
from framing.source_rows import SourceRows
from framing.source_text import SourceText
from framing.text import Document

__all__ = [
    "COLUMNS",
    "KINDS",
    "SPEECH_KINDS",
    "find_sources",
    "source_summary",
    "words_per_speaker",
]

KINDS = (
    "direct_quote",
    "indirect",
    "according_to",
    "mention",
    "media",
    "document",
    "scare_quote",
)
SPEECH_KINDS = ("direct_quote", "indirect", "according_to")
SPEAKER_TYPES = ("person", "organisation", "anonymous", "labelled", "media", "document")
CUE_CLASSES = ("neutral", "endorsing", "distancing", "emotive")
COLUMNS = {**SOURCES, "role": "object", "cue_term": "object"}


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
    return as_table(rows, COLUMNS)


def _first_offset(row: dict[str, Any]) -> int:
    points = [p for p in (row["speaker_start"], row["cue_start"], row["content_start"]) if p >= 0]
    return min(points) if points else -1


def source_summary(sources: pd.DataFrame, n_words: int) -> dict[str, Any]:
    """Headline figures of a sources table.

    Parameters
    ----------
    sources : pandas.DataFrame
        A table from :func:`find_sources` (one article, or several).
    n_words : int
        Number of words of the article(s), for the quoted share.

    Returns
    -------
    dict
        ``n_quotes`` (direct quotes), ``quoted_words`` and ``quoted_share`` (their words
        and share of the article), ``n_indirect``, ``n_according_to``, ``n_mentions``,
        ``n_media_refs``, ``n_document_refs``, ``n_scare_quotes``, ``n_sources``
        (distinct named or described speakers), ``anonymous_share`` (share of those that
        are anonymous), ``top_speaker`` and ``top_speaker_share`` (of words reported),
        and ``cue_<class>`` - the share of cued attributions per cue class.
    """
    # Plain lists rather than pandas: a corpus run summarises every article's small table.
    kinds, speakers, types, cues, words = (
        sources[c].tolist() for c in ("kind", "speaker", "speaker_type", "cue_class", "n_words")
    )
    counts = Counter(kinds)
    speaking = [i for i, kind in enumerate(kinds) if kind in _SPEAKING_KINDS and speakers[i] != ""]
    distinct: dict[str, str] = {}
    for i in speaking:
        distinct.setdefault(speakers[i], types[i])
    quoted_words = sum(w for kind, w in zip(kinds, words, strict=True) if kind == "direct_quote")
    figures: dict[str, Any] = {
        "n_quotes": counts["direct_quote"],
        "quoted_words": int(quoted_words),
        "quoted_share": quoted_words / n_words if n_words else 0.0,
        "n_indirect": counts["indirect"],
        "n_according_to": counts["according_to"],
        "n_mentions": counts["mention"],
        "n_media_refs": counts["media"],
        "n_document_refs": counts["document"],
        "n_scare_quotes": counts["scare_quote"],
        "n_sources": len(distinct),
        "anonymous_share": _share(list(distinct.values()), "anonymous"),
    }
    attributed = [row for row in _floor(sources) if row[0] != UNATTRIBUTED]
    figures["top_speaker"] = attributed[0][0] if attributed else ""
    figures["top_speaker_share"] = float(attributed[0][4]) if attributed else 0.0
    cued = [cues[i] for i, kind in enumerate(kinds) if kind in _SPEAKING_KINDS and cues[i] != ""]
    for cue_class in CUE_CLASSES:
        figures[f"cue_{cue_class}"] = _share(cued, cue_class)
    return figures


UNATTRIBUTED = "(unattributed)"
_SPEAKING_KINDS = frozenset((*SPEECH_KINDS, "mention"))
_FLOOR_COLUMNS = {
    "speaker": "object",
    "speaker_type": "object",
    "n_quotes": "int64",
    "n_words": "int64",
    "share": "float64",
}


def words_per_speaker(sources: pd.DataFrame) -> pd.DataFrame:
    """Who gets the floor: quotes and reported words per speaker.

    Direct quotes, indirect speech and "according to" content count; a quote inside
    reported content of the same speaker is counted once. Quotes without a speaker are
    gathered under ``"(unattributed)"``; scare quotes and references do not count.

    Returns
    -------
    pandas.DataFrame
        ``speaker, speaker_type, n_quotes, n_words, share`` (``share`` of all reported
        words), most words first.
    """
    return as_table(
        [dict(zip(_FLOOR_COLUMNS, row, strict=True)) for row in _floor(sources)], _FLOOR_COLUMNS
    )


def _floor(sources: pd.DataFrame) -> list[tuple[str, str, int, int, float]]:
    """(speaker, speaker_type, n_quotes, n_words, share) rows of :func:`words_per_speaker`."""
    article_ids = sources["article_id"].tolist() if "article_id" in sources else None
    columns = ("kind", "speaker", "speaker_type", "n_words", "content_start", "content_end")
    kinds, speakers, types, words, starts, ends = (sources[c].tolist() for c in columns)
    groups: dict[str, list[Any]] = {}  # speaker -> [type, quotes, words]; first seen first
    reach: dict[tuple[Any, str], int] = {}  # furthest content end per (article, speaker)
    # Content nested in earlier content of the same speaker is counted once: visit each
    # speaker's spans by start, longest first.
    order = sorted(range(len(kinds)), key=lambda i: (starts[i], -ends[i]))
    counted = [0] * len(kinds)
    for i in order:
        if kinds[i] not in SPEECH_KINDS:
            continue
        key = (article_ids[i] if article_ids else None, speakers[i] or UNATTRIBUTED)
        furthest = reach.get(key, -1)
        counted[i] = 0 if starts[i] >= 0 and ends[i] <= furthest else int(words[i])
        reach[key] = max(furthest, ends[i])
    for i, kind in enumerate(kinds):
        if kind in SPEECH_KINDS:
            group = groups.setdefault(speakers[i] or UNATTRIBUTED, [types[i], 0, 0])
            group[1] += kind == "direct_quote"
            group[2] += counted[i]
    total = sum(group[2] for group in groups.values())
    rows = [
        (speaker, kind, quotes, n, n / total if total else 0.0)
        for speaker, (kind, quotes, n) in groups.items()
    ]
    rows.sort(key=lambda row: (-row[3], -row[2]))
    return rows


def _share(values: list[str], value: str) -> float:
    return values.count(value) / len(values) if values else 0.0

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
    kinds = sources["kind"]
    direct = sources[kinds == "direct_quote"]
    quoted_words = int(direct["n_words"].sum())
    speaking = sources[kinds.isin([*SPEECH_KINDS, "mention"]) & (sources["speaker"] != "")]
    distinct = speaking.drop_duplicates("speaker")
    figures: dict[str, Any] = {
        "n_quotes": len(direct),
        "quoted_words": quoted_words,
        "quoted_share": quoted_words / n_words if n_words else 0.0,
        "n_indirect": int((kinds == "indirect").sum()),
        "n_according_to": int((kinds == "according_to").sum()),
        "n_mentions": int((kinds == "mention").sum()),
        "n_media_refs": int((kinds == "media").sum()),
        "n_document_refs": int((kinds == "document").sum()),
        "n_scare_quotes": int((kinds == "scare_quote").sum()),
        "n_sources": len(distinct),
        "anonymous_share": float((distinct["speaker_type"] == "anonymous").mean())
        if len(distinct)
        else 0.0,
    }
    per_speaker = words_per_speaker(sources)
    attributed = per_speaker[per_speaker["speaker"] != UNATTRIBUTED]
    figures["top_speaker"] = attributed["speaker"].iloc[0] if len(attributed) else ""
    figures["top_speaker_share"] = float(attributed["share"].iloc[0]) if len(attributed) else 0.0
    cued = sources[kinds.isin([*SPEECH_KINDS, "mention"]) & (sources["cue_class"] != "")]
    for cue_class in CUE_CLASSES:
        share = (cued["cue_class"] == cue_class).mean() if len(cued) else 0.0
        figures[f"cue_{cue_class}"] = float(share)
    return figures


UNATTRIBUTED = "(unattributed)"


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
    columns = ["speaker", "speaker_type", "n_quotes", "n_words", "share"]
    speech = sources[sources["kind"].isin(SPEECH_KINDS)]
    if speech.empty:
        return pd.DataFrame(
            {
                c: pd.Series(dtype=d)
                for c, d in zip(
                    columns, ["object", "object", "int64", "int64", "float64"], strict=True
                )
            }
        )
    speech = speech.assign(speaker=speech["speaker"].replace("", UNATTRIBUTED))
    counted = speech["n_words"].where(~_nested_in_same_speaker(speech), 0)
    table = (
        speech.assign(n_words=counted, is_quote=speech["kind"] == "direct_quote")
        .groupby(["speaker"], sort=False)
        .agg(
            speaker_type=("speaker_type", "first"),
            n_quotes=("is_quote", "sum"),
            n_words=("n_words", "sum"),
        )
        .reset_index()
    )
    total = table["n_words"].sum()
    table["share"] = table["n_words"] / total if total else 0.0
    table = table.sort_values(["n_words", "n_quotes"], ascending=False, kind="stable")
    return table[columns].astype({"n_quotes": "int64", "n_words": "int64"}).reset_index(drop=True)


def _nested_in_same_speaker(speech: pd.DataFrame) -> pd.Series:
    nested = pd.Series(False, index=speech.index)
    keys = ["speaker"] + (["article_id"] if "article_id" in speech else [])
    for _, group in speech.groupby(keys, sort=False, dropna=False):
        ordered = group.sort_values(["content_start", "content_end"], ascending=[True, False])
        reach = -1
        for index, start, end in zip(
            ordered.index, ordered["content_start"], ordered["content_end"], strict=True
        ):
            if start >= 0 and end <= reach:
                nested[index] = True
            reach = max(reach, end)
    return nested

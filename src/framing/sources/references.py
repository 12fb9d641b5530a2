"""References to media and documents that are not the speaker of an attribution.

"most media", "The Washington Post", "a Pentagon report" and links (``https://...``)
outside quotes are sources too, even when nobody is said to speak through them. A
reference that already names a row's speaker, or sits inside the stretch of text an
attribution occupies, is left out so that no source is counted twice.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import Any

from framing.sources.context import Found, SourceText
from framing.sources.coreference import Speaker
from framing.sources.grammar_words import word_set

__all__ = ["find_references"]

_URL = re.compile(r"https?://\S+|www\.\S+")
_REFERENCE_DETERMINERS = word_set(
    "a an the this that these those most many some all several other its his her their "
    "mainstream western russian state"
)

Span = tuple[int, int]


def find_references(
    source: SourceText, rows: list[dict[str, Any]]
) -> list[tuple[Found, Speaker, Span]]:
    """Media and document references outside the frames of ``rows`` (sources table rows).

    Returns
    -------
    list of (Found, Speaker, span)
        The reference (its ``kind`` is ``media`` or ``document``), the source it names,
        and its character span.
    """
    text, view = source.text, source.view
    urls = [m.span() for m in _URL.finditer(text)]
    frames = sorted([*(_frame(r) for r in rows), *urls])
    frame_starts = [f[0] for f in frames]
    found = []
    for kind, first, last in _reference_phrases(source):
        start, end = view.tokens[first].start, view.tokens[last].end
        if _inside_frames(frames, frame_starts, start, end):
            continue
        item = Found(start, kind, sentence_id=view.tokens[first].sentence_id)
        found.append((item, Speaker(text[start:end], kind), (start, end)))
    for span in urls:
        index = bisect_left(source.token_starts, span[0])
        if index < len(source.quote_of) and source.quote_of[index] == -1:
            item = Found(span[0], "document", sentence_id=source.sentence_of(span[0]))
            found.append((item, Speaker(text[span[0] : span[1]], "document"), span))
    return found


def _reference_phrases(source: SourceText) -> Iterator[tuple[str, int, int]]:
    """``(kind, first token, last token)`` of each media or document phrase outside quotes."""
    view = source.view
    n = len(view.tokens)
    i = 0
    while i < n:
        tag = view.tags[i]
        chunk_id = view.chunk_of[i]
        if source.quote_of[i] != -1:
            i += 1
        elif chunk_id != -1 and view.chunks[chunk_id].kind == "media":
            chunk = view.chunks[chunk_id]
            yield "media", chunk.first, chunk.last
            i = chunk.last + 1
        elif tag in ("media", "document") and chunk_id == -1:
            last = i
            while last + 1 < n and view.term_of[last + 1] == view.term_of[i]:
                last += 1
            first = i
            if first > 0 and view.keys[first - 1] in _REFERENCE_DETERMINERS:
                first -= 1
            yield tag, first, last
            i = last + 1
        else:
            i += 1


def _frame(row: dict[str, Any]) -> Span:
    """The stretch of text a row's attribution occupies: speaker, cue and the gap to content."""
    points = [
        p
        for p in (row["speaker_start"], row["speaker_end"], row["cue_start"], row["cue_end"])
        if p >= 0
    ]
    if not points:
        return (-1, -1)
    start, end = min(points), max(points)
    if row["content_start"] > end and row["cue_start"] >= 0:
        end = row["content_start"]
    return start, end


def _inside_frames(frames: list[Span], starts: list[int], start: int, end: int) -> bool:
    index = bisect_right(starts, start) - 1
    for frame_start, frame_end in frames[max(index - 3, 0) : index + 1]:
        if frame_start <= start and end <= frame_end:
            return True
    return False

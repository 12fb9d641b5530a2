"""Speakers named by a colon: headlines ("Pat Caddell: Voters Are Worried") and the turns
of a transcript inside a quotation (``"WALLACE: Let's start ... "PENCE: Well, ...``).

Both shapes put a short name at the start of a paragraph and a colon after it, with the
words said on the same line. :func:`headline_attributions` finds the first shape outside
quotes as ``indirect`` attributions without a cue; :func:`transcript_turns` splits a quote
whose paragraphs open with ``NAME:`` into one turn per speaker.
"""

from __future__ import annotations

from bisect import bisect_left

from framing.sources.context import Found, SourceText
from framing.sources.speakers import Phrase, phrase_before

__all__ = ["answer_turns", "headline_attributions", "transcript_turns"]

MAX_NAME_TOKENS = 5  # "Rep. Jim Jordan", "Poll", "Senate Majority Leader Mitch McConnell"
MIN_WORDS = 3  # words said after the colon
MIN_ANSWERS = 2  # paragraphs opening "A:" that make a text an interview transcript


def headline_attributions(source: SourceText) -> list[Found]:
    """ "NAME: what they said" paragraphs (outside quotes), as cue-less ``indirect`` items."""
    view = source.view
    found = []
    for paragraph in source.document.paragraphs:
        first = _first_token(source, paragraph.start)
        colon = _colon_after(source, first, paragraph.end)
        if colon is None or source.quote_of[first] != -1:
            continue
        phrase = phrase_before(view, colon - 1, first)
        if phrase is None or phrase.first != first or not _names_source(source, phrase):
            continue
        if source.opens_quote(colon + 1) is not None:
            continue  # 'X: "..."' is the quote's own business
        start, end = view.tokens[colon + 1].start, paragraph.end
        if source.words(start, end) < MIN_WORDS:
            continue
        content = (start, end - 1 if source.text[end - 1] in ".;" else end)
        found.append(
            Found(
                view.tokens[first].start,
                "indirect",
                phrase=phrase,
                content=content,
                reported=True,
                sentence_id=view.tokens[first].sentence_id,
            )
        )
    return found


def transcript_turns(source: SourceText, index: int) -> list[tuple[Phrase, tuple[int, int]]]:
    """The ``(speaker phrase, content span)`` turns of quote ``index`` when its paragraphs
    open with ``NAME:`` (a transcript); empty for any other quote."""
    view = source.view
    quote = source.quotes[index]
    turns = []
    for paragraph in source.document.paragraphs:
        if paragraph.end <= quote.start or paragraph.start >= quote.end:
            continue
        first = _first_token(source, max(paragraph.start, quote.content.start))
        while first < len(view.tokens) and not view.word(first):
            first += 1  # the reopening mark
        colon = _colon_after(source, first, paragraph.end)
        if colon is None or colon - first > 2 or not view.capitalised(first):
            if not turns:
                return []
            continue  # a paragraph that continues the turn before it
        end = min(paragraph.end, quote.content.end)
        turns.append((Phrase(first, colon - 1, "noun"), (view.tokens[colon + 1].start, end)))
    return turns


def answer_turns(source: SourceText) -> list[tuple[int, int]]:
    """The character spans of the answers of an interview printed as "Q: ... A: ...".

    An answer opens with "A:" and runs over the paragraphs after it up to the next "Q:"
    or a paragraph that asks a question; empty unless the text has two answers at least.
    """
    text = source.text
    turns: list[tuple[int, int]] = []
    start = previous_end = -1
    for paragraph in source.document.paragraphs:
        opening = text[paragraph.start : paragraph.start + 3]
        if opening.startswith(("A:", "A.")) and opening[2:3].isspace():
            if start >= 0:
                turns.append((start, previous_end))
            start = paragraph.start
        elif start >= 0 and (
            opening.startswith("Q:") or text[paragraph.start : paragraph.end].rstrip().endswith("?")
        ):
            turns.append((start, previous_end))
            start = -1
        previous_end = paragraph.end
    if start >= 0:
        turns.append((start, previous_end))
    return turns if len(turns) >= MIN_ANSWERS else []


def _first_token(source: SourceText, offset: int) -> int:
    return bisect_left(source.token_starts, offset)


def _colon_after(source: SourceText, first: int, end: int) -> int | None:
    """The colon within the first few tokens from ``first``, followed by more words."""
    view = source.view
    for i in range(first, min(first + MAX_NAME_TOKENS + 1, len(view.tokens))):
        if view.tokens[i].start >= end:
            return None
        if view.keys[i] == ":":
            following = i + 1
            return (
                i if following < len(view.tokens) and view.tokens[following].start < end else None
            )
        if not (view.word(i) or view.keys[i] in (".", "-", "(", ")")):
            return None
    return None


def _names_source(source: SourceText, phrase: Phrase) -> bool:
    view = source.view
    return phrase.form == "name" or view.noun_tag(phrase.first, phrase.last) in (
        "document",
        "media",
        "media_name",
        "organisation",
        "anonymous",
        "role",
    )

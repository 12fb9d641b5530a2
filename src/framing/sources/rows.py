"""Rows of the sources table: speakers resolved in text order, then one row per source.

Attributions are read in text order so that coreference works as a reader's would: the
:class:`~framing.sources.coreference.Resolver` hears each speaker in turn, a participle without
a subject inherits the speaker of its sentence (or its clause's subject, from
:class:`~framing.sources.clause_subjects.ClauseSubjects`), and an uncued quote goes to
:class:`~framing.sources.quote_speakers.QuoteSpeakers`. Each quote, content or bare mention then
becomes a row with its speaker, affiliation, cue class and character offsets.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from framing.sources.affiliation import Affiliations
from framing.sources.clause_subjects import ClauseSubjects
from framing.sources.colon_speakers import answer_turns, transcript_turns
from framing.sources.context import Found, SourceText, cue_lexicon
from framing.sources.coreference import Resolver, Speaker
from framing.sources.quote_speakers import LastQuote, QuoteSpeakers

__all__ = ["SourceRows"]


class SourceRows:
    """Writes the sources-table rows of one document.

    Parameters
    ----------
    source : SourceText
    article_id : str or None
        Written into the ``article_id`` column.
    affiliations : Affiliations
        The target each speaker speaks for; also tells places (governments) apart.
    """

    def __init__(
        self, source: SourceText, article_id: str | None, affiliations: Affiliations
    ) -> None:
        self.source = source
        self.view = source.view
        self.article_id = article_id
        self.affiliations = affiliations
        self.subjects = ClauseSubjects(self.view)

    def rows(self, found: list[Found]) -> list[dict[str, Any]]:
        """Rows of ``found`` (in text order), whose speakers are resolved on the way."""
        resolver = Resolver(
            self.view, is_place=self.affiliations.is_place, answers=answer_turns(self.source)
        )
        quote_speakers = QuoteSpeakers(self.source, resolver, self.subjects.main_subject)
        rows: list[dict[str, Any]] = []
        previous: dict[int, tuple[Speaker | None, tuple[int, int]]] = {}
        last_quote: LastQuote | None = None
        mentioned: set[tuple[int, str]] = set()
        for item in found:
            if item.quote != -1 and item.cue is None:
                turns = self._transcript(item.quote, resolver)
                if turns:
                    rows.extend(turns)
                    last_quote = None  # the next quote's speaker is not the last turn's
                    continue
                speaker, span, rule = quote_speakers.speaker(item.quote, last_quote)
                row = self._quote_row(item.quote, speaker, span, None, rule)
                rows.append(row)
                if rule != "scare":
                    last_quote = self._last_quote(speaker, span, item.quote)
                continue
            speaker, span = self._speaker_of(item, resolver, previous)
            if speaker is None and item.phrase is not None:
                continue  # the author ("I said"): not a source
            if speaker is None and not item.children and not (item.passive and item.reported):
                continue  # content without anyone reporting it ("this suggests that")
            previous[item.sentence_id] = (speaker, span)
            resolver.heard(speaker, span[0] if span[0] >= 0 else item.anchor)
            for child in item.children:
                row = self._quote_row(child.quote, speaker, span, item, "")
                rows.append(row)
                last_quote = self._last_quote(speaker, span, child.quote)
            if item.content is not None:
                rows.append(self.row(item.kind, item, speaker, span, item.content))
            elif not item.children and self._worth_mentioning(item, speaker):
                key = (item.sentence_id, speaker.name if speaker else "")
                if key not in mentioned:
                    mentioned.add(key)
                    rows.append(self.row("mention", item, speaker, span, None))
        return rows

    def _last_quote(self, speaker: Speaker | None, span: tuple[int, int], index: int) -> LastQuote:
        quote = self.source.quotes[index]
        return speaker, span, quote.paragraph_id, quote.end

    def _transcript(self, index: int, resolver: Resolver) -> list[dict[str, Any]]:
        """One row per turn of a quoted transcript ("WALLACE: ... PENCE: ...")."""
        rows = []
        for phrase, content in transcript_turns(self.source, index):
            speaker = resolver.resolve(phrase)
            span = self.source.span(phrase.first, phrase.last)
            resolver.heard(speaker, span[0])
            record = Found(
                content[0], "direct_quote", sentence_id=self.source.sentence_of(content[0])
            )
            rows.append(self.row("direct_quote", record, speaker, span, content))
        return rows

    def _speaker_of(
        self, item: Found, resolver: Resolver, previous: dict[int, Any]
    ) -> tuple[Speaker | None, tuple[int, int]]:
        if item.phrase is not None:
            speaker = resolver.resolve(item.phrase)
            # "X, who said": the span runs from X through the relative pronoun.
            last = max(item.phrase.last, item.phrase.relative)
            return speaker, self.source.span(item.phrase.first, last)
        if item.inherit and item.sentence_id in previous:
            return previous[item.sentence_id]
        if item.inherit and item.cue is not None:
            phrase = self.subjects.sentence_subject(item.cue[0])
            if phrase is not None:
                speaker = resolver.resolve(phrase)
                return speaker, self.source.span(phrase.first, phrase.last)
        return None, (-1, -1)

    def _worth_mentioning(self, item: Found, speaker: Speaker | None) -> bool:
        if speaker is None or item.cue is None:
            return False
        if item.cue_entry == -1:
            return True  # a noun of speech: "his response", "made three points"
        return self.source.cue_weights[item.cue_entry] >= 1 and item.kind != "according_to"

    def _quote_row(
        self,
        index: int,
        speaker: Speaker | None,
        span: tuple[int, int],
        item: Found | None,
        rule: str,
    ) -> dict[str, Any]:
        quote = self.source.quotes[index]
        content = quote.content
        kind = "scare_quote" if rule == "scare" else "direct_quote"
        record = item or Found(quote.start, kind, sentence_id=self.source.sentence_of(quote.start))
        if item is not None and item.kind == "according_to":
            kind = "according_to"
        row = self.row(kind, record, speaker, span, (content.start, content.end))
        if item is None:
            row["sentence_id"] = self.source.sentence_of(content.start)
        return row

    def row(
        self,
        kind: str,
        item: Found,
        speaker: Speaker | None,
        span: tuple[int, int],
        content: tuple[int, int] | None,
    ) -> dict[str, Any]:
        """The row of ``item`` as a source of ``kind``, said by ``speaker`` (named at ``span``)."""
        cue_start = cue_end = -1
        cue = cue_class = cue_term = ""
        if item.cue is not None:
            cue_start = self.view.tokens[item.cue[0]].start
            cue_end = self.view.tokens[item.cue[1]].end
            cue = self.source.text[cue_start:cue_end]
            cue_term, cue_class = self._cue_class(item)
        content_start, content_end = content if content is not None else (-1, -1)
        has_speaker = speaker is not None and span[0] >= 0
        return {
            "article_id": self.article_id,
            "sentence_id": item.sentence_id if item.sentence_id >= 0 else -1,
            "kind": kind,
            "speaker": speaker.name if speaker else "",
            "speaker_type": speaker.type if speaker else "",
            "affiliation": self.affiliations.of(speaker) or "",
            "cue": cue,
            "cue_class": cue_class,
            "quote": self.source.text[content_start:content_end] if content is not None else "",
            "n_words": self.source.words(content_start, content_end) if content is not None else 0,
            "speaker_start": span[0] if has_speaker else -1,
            "speaker_end": span[1] if has_speaker else -1,
            "cue_start": cue_start,
            "cue_end": cue_end,
            "content_start": content_start,
            "content_end": content_end,
            "role": speaker.role if speaker else "",
            "cue_term": cue_term,
            "speech_act": item.speech_act,
        }

    def _cue_class(self, item: Found) -> tuple[str, str]:
        if item.cue_entry != -1:
            return self.source.cue_terms[item.cue_entry], self.source.cue_classes[item.cue_entry]
        noun = self.view.keys[item.cue[1]] if item.cue else ""
        term = _cue_classes_by_term().get(noun) or _cue_classes_by_term().get(noun.rstrip("s"))
        return noun, term or "neutral"


@cache
def _cue_classes_by_term() -> dict[str, str]:
    table = cue_lexicon().table
    return dict(zip(table["term"], table["category"], strict=True))

"""Source mentions: who is quoted or cited, with which cue, saying what.

:func:`find_sources` reads a segmented :class:`~framing.text.Document` and returns one row
per direct quote, indirect speech, "according to" attribution, speaker mention, media
reference, document or link reference and scare quote, each traceable to character
offsets. :func:`source_summary` and :func:`words_per_speaker` summarise the table.

How it works, in four passes over the text (each linear in its length):

1. Quotations come with the document (:func:`framing.quotes.find_quotes`), including
   quotes that run over several paragraphs, each reopened at the paragraph's start.
2. Cues are matched in one pass with the packaged ``cue_verbs`` lexicon; for each cue
   the speaker phrase is read before it ("Lavrov said", "an activist who insinuated",
   "X, who ..., said") or after it ("said Lavrov", "according to X"), and the content is
   the adjacent quote, the that-clause, the text after a colon or the clause before or
   after the cue. Nouns of speech give the same ("in his words", "made three points").
3. Quotes no cue claimed are speech by the previous speaker when they continue a quoted
   passage, by the speaker in ``X: "..."`` or after a trailing dash, by the named person
   of their sentence, or by nobody; short ones outside any attribution are scare quotes.
4. Speakers are resolved in text order (:class:`framing.speakers.Resolver`); media and
   document references that are not speakers are added as rows of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import Any

import pandas as pd

from framing.lexicon import Match, inflection_candidates
from framing.schema import SOURCES, as_table
from framing.speakers import (
    TIME_WORDS,
    Phrase,
    Resolver,
    Speaker,
    TokenView,
    affiliation_lookup,
    cue_lexicon,
    phrase_after,
    phrase_before,
    word_set,
)
from framing.text import Document, Quote, is_word

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

OBJECT_WEIGHT = 0.75  # cue weight from which the verb's object is its content ("called for X")
SCARE_MAX_WORDS = 4  # a quote this short, outside any attribution, is a scare quote
MAX_GAP = 12  # tokens between a cue and its "that", colon or quote ("said in a statement that")
INSERTION_MAX = 30  # tokens of a comma-bracketed insertion ("X, who ..., said")

# Grammar words used by the attribution rules (closed classes, not framing data).
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s"})
_SKIP_BEFORE_CUE = word_set(
    "has have had having is are was were be been being will would could can may might must "
    "should shall did does do also later then again previously once further reportedly "
    "allegedly not n't 't never himself herself itself themselves too just first almost "
    "immediately soon often always still already even now"
)
_INSERTION_STARTS = word_set(
    "who which whose a an the his her its their speaking writing asked citing however "
    "meanwhile though too also in on at during after before for when while like now then "
    "according who's one some many most two several"
)
_OBJECT_VERBS = word_set(
    "tell told remind assure inform warn notify advise promise convince persuade ask urge "
    "show call describe"
)
_ADVERBIAL_STARTS = word_set(
    "in on at during after before to from with by about over yesterday today tonight earlier "
    "later last this recently again monday tuesday wednesday thursday friday saturday sunday "
    "when while as"
)
_TRAILING = frozenset(
    {".", ",", ";", ":", "!", "?", "—", "–", "-", "and", "but", "while", "whereas", "as"}
)
_CLAUSE_BREAKS = frozenset({",", ";", "and", "but", "while", "whereas", "—", "–", "(", ")"})
_AUXILIARIES = word_set(
    "is are was were be been am has have had will would can could may might must shall should "
    "do does did"
)
_DASHES = frozenset({"—", "–", "-", "--", "―"})
_SO_CALLED = frozenset({"so-called", "so‐called", "called", "quote-unquote"})
_URL = re.compile(r"https?://\S+|www\.\S+")


# -- quotations ----------------------------------------------------------------------------


# -- the table -----------------------------------------------------------------------------


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
    finder = _Finder(document, article_id, affiliation_lookup(affiliation))
    return as_table(finder.rows(), COLUMNS)


@dataclass
class _Found:
    """An attribution or quote found, before its speaker is resolved."""

    anchor: int
    kind: str
    phrase: Phrase | None = None
    cue: tuple[int, int] | None = None  # token range
    cue_entry: int = -1
    content: tuple[int, int] | None = None  # character span
    quote: int = -1
    reported: bool = False  # the content is reported speech (that-clause, colon, saying verb)
    rule: str = ""  # how an uncued quote got its speaker
    inherit: bool = False  # the speaker is that of the previous attribution in the sentence
    passive: bool = False
    sentence_id: int = -1
    children: list[_Found] = field(default_factory=list)


class _Finder:
    """One document's source finding (holds the per-token arrays)."""

    def __init__(self, document: Document, article_id: str | None, lookup: Any) -> None:
        self.document = document
        self.text = document.text
        self.article_id = article_id
        self.lookup = lookup
        self.quotes = [q for q in document.quotes if q.depth == 0]
        self.token_starts = [t.start for t in document.tokens]
        self.quote_of = _tokens_in_quotes(document.tokens, self.quotes)
        self.view = TokenView(document, self.quote_of)
        self.words_before = [0, *accumulate(int(is_word(t)) for t in document.tokens)]
        self.sentence_starts = [s.start for s in document.sentences]
        self.cue_terms, self.cue_classes, self.cue_weights = _cue_columns()
        self.claimed: dict[int, _Found] = {}
        self.cue_starts: set[int] = set()
        self._affiliations: dict[str, str | None] = {}

    # -- orchestration --------------------------------------------------------------

    def rows(self) -> list[dict[str, Any]]:
        found = self._cue_attributions() + self._speech_noun_attributions()
        self._claim_quotes_in_content(found)
        for index, quote in enumerate(self.quotes):
            if index not in self.claimed:
                found.append(_Found(quote.start, "direct_quote", quote=index))
        resolver = Resolver(self.view, is_place=self._is_place)
        rows = self._resolve(sorted(found, key=lambda f: f.anchor), resolver)
        rows.extend(self._references(rows))
        rows.sort(key=lambda r: (_first_offset(r), r["kind"]))
        return rows

    # -- cues -----------------------------------------------------------------------

    def _cue_attributions(self) -> list[_Found]:
        view = self.view
        matches = [m for m in cue_lexicon().find(view.tokens) if self._usable_cue(m)]
        self.cue_starts = {m.first for m in matches}
        groups = [self._cue_group(m) for m in matches]
        found = []
        for index, (match, (found_item, group_first)) in enumerate(
            zip(matches, groups, strict=True)
        ):
            following = groups[index + 1][1] if index + 1 < len(groups) else len(view.tokens)
            if not self._separate_clause(match.last, following):
                following = len(view.tokens)
            self._cue_complement(found_item, match, group_first, following)
            found.append(found_item)
        self._assign_quote_claims(found)
        return found

    def _usable_cue(self, match: Match) -> bool:
        view = self.view
        if self.quote_of[match.first] != -1 or self.quote_of[match.last] != -1:
            return False
        first_of_sentence = view.bounds(match.first)[0] == match.first
        return view.chunk_of[match.first] == -1 or first_of_sentence

    def _cue_group(self, match: Match) -> tuple[_Found, int]:
        """The attribution's speaker phrase; returns the item and its group's first token."""
        view = self.view
        item = _Found(
            view.tokens[match.first].start,
            "indirect",
            cue=(match.first, match.last),
            cue_entry=match.entry,
            sentence_id=view.tokens[match.first].sentence_id,
        )
        lo, hi = view.bounds(match.first)
        if self.cue_terms[match.entry] == "according to":
            item.kind = "according_to"
            item.phrase = phrase_after(view, match.last + 1, hi)
            return item, match.first
        subject, passive = self._subject_before(match.first, lo)
        item.passive = passive
        if passive:
            by = match.last + 1
            if by < hi and view.keys[by] == "by":
                item.phrase = phrase_after(view, by + 1, hi)
            return item, match.first
        if subject is not None:
            item.phrase = subject
            return item, subject.first
        previous = match.first - 1
        if view.keys[match.first].endswith("ing") and not (
            previous >= lo and view.keys[previous] in _BE
        ):  # a participle shares its sentence's subject: "..., saying that"
            item.inherit = previous >= lo and view.keys[previous] in (",", "and", "by")
            return item, match.first
        if previous < lo or view.keys[previous] in (",", ":") or self._closes_quote(previous):
            after = phrase_after(view, match.last + 1, hi)
            if after is not None and self._inverted_subject(after, hi):
                item.phrase = after
                item.anchor = view.tokens[match.first].start
                return item, match.first
        if previous >= lo and view.keys[previous] in (",", "and", "but", "while"):
            item.inherit = True
        return item, match.first

    def _inverted_subject(self, phrase: Phrase, hi: int) -> bool:
        """ "said Smith", "said he" - a pronoun only when the clause ends after it."""
        view = self.view
        if phrase.form != "pronoun":
            return True
        after = phrase.last + 1
        return view.keys[phrase.first] in ("he", "she", "they") and (
            after >= hi or not view.word(after)
        )

    def _subject_before(self, cue_first: int, lo: int) -> tuple[Phrase | None, bool]:
        """The subject of a cue, read backwards; and whether the cue is passive."""
        view = self.view
        i = cue_first - 1
        passive = False
        for _ in range(6):
            if i < lo or self.quote_of[i] != -1:
                break
            key = view.keys[i]
            if key in _SKIP_BEFORE_CUE or _adverb(key):
                passive = passive or key in _BE
                i -= 1
            elif key in TIME_WORDS and i - 1 >= lo:
                i -= 1  # "The Times on Saturday wrote"
                while i >= lo and view.keys[i] in (
                    "on",
                    "in",
                    "at",
                    "last",
                    "this",
                    "early",
                    "late",
                ):
                    i -= 1
            elif key == "to" and i - 1 >= lo and view.content_word(i - 1):
                i -= 2  # "went on to say", "declined to comment"
                if i >= lo and view.keys[i] == "on":
                    i -= 1
            else:
                break
        if passive and not view.keys[cue_first].endswith("ing"):
            return None, True
        if i < lo or self.quote_of[i] != -1:
            return None, False
        key = view.keys[i]
        if key in ("who", "which", "that"):
            j = i - 1 if i - 1 >= lo and view.keys[i - 1] != "," else i - 2
            return phrase_before(view, j, lo), False
        if key == ",":
            return self._before_insertion(i, lo), False
        phrase = phrase_before(view, i, lo)
        return (phrase if phrase is None or phrase.form != "possessive" else None), False

    def _before_insertion(self, comma: int, lo: int) -> Phrase | None:
        """The phrase before a comma-bracketed insertion: "Lavrov, Russia's top diplomat, said"."""
        view = self.view
        j = comma - 1
        while j >= lo and comma - j <= INSERTION_MAX and self.quote_of[j] == -1:
            if view.keys[j] == ",":
                break
            j -= 1
        if j < lo or view.keys[j] != "," or j + 1 >= comma:
            return None
        start = view.keys[j + 1]
        if not (
            start in _INSERTION_STARTS
            or _adverb(start)
            or start[0].isdigit()
            or view.capitalised(j + 1)
            or start.endswith(("ing", "ed"))
        ):
            return None
        phrase = phrase_before(view, j - 1, lo)
        if phrase is not None:
            phrase.appositive = (j + 1, comma - 1)
        return phrase

    def _cue_complement(self, item: _Found, match: Match, group_first: int, following: int) -> None:
        """Find what the cue reports: a quote before or after, a clause, or nothing."""
        view = self.view
        lo, hi = view.bounds(match.first)
        hi = min(hi, following)
        after_first = match.last + 1
        if item.phrase is not None and item.phrase.first > match.last:
            after_first = item.phrase.last + 1
        verb_end = after_first
        if self.cue_terms[match.entry] in _OBJECT_VERBS or _lemma_in(
            view.keys[match.first], _OBJECT_VERBS
        ):
            after_first = self._skip_object(after_first, hi)
        item.children = []
        before_quote = self._quote_before(group_first)
        if before_quote is not None:
            relation = "before_sentence" if self._ends_sentence(before_quote) else "before"
            item.children.append(_Found(item.anchor, relation, quote=before_quote))
        after = self._forward_complement(after_first, hi)
        if after is not None and after[0] == "quote":
            item.children.append(_Found(item.anchor, "after", quote=after[1]))
        if item.children:
            return
        if after is not None:
            item.content, item.reported = after[1], True
            return
        clause_before = self._clause_before(group_first, lo, item.kind == "according_to")
        if item.kind == "according_to":
            item.content = self._clause_after_comma(item, hi) or clause_before
            item.reported = True
            return
        self._implicit_content(item, match, clause_before, (after_first, verb_end, hi))

    def _implicit_content(
        self,
        item: _Found,
        match: Match,
        clause_before: tuple[int, int] | None,
        positions: tuple[int, int, int],
    ) -> None:
        """Content with no that, colon or quote: "A, X said", "X said A", "X called for A"."""
        after_first, verb_end, hi = positions
        weight = self.cue_weights[match.entry]
        has_subject = item.inherit or (item.phrase is not None and item.phrase.first < match.first)
        clause_before = self._weigh_parenthetical(clause_before, after_first, hi, weight)
        if clause_before is not None and self._is_trailing(after_first, hi):
            item.content, item.reported = clause_before, True
        elif weight >= 1 and has_subject:
            item.content = self._bare_clause(after_first, hi)
            item.reported = True
        elif weight >= OBJECT_WEIGHT and has_subject:
            item.content = self._bare_clause(verb_end, hi)  # the object is what was said
        lo = self.view.bounds(match.first)[0]
        if (
            item.content is None
            and clause_before is not None
            and weight >= 1
            and self.view.keys[lo] not in _ADVERBIAL_STARTS
        ):
            item.content, item.reported = clause_before, True

    def _weigh_parenthetical(
        self, clause_before: tuple[int, int] | None, after_first: int, hi: int, weight: float
    ) -> tuple[int, int] | None:
        """For "A, officials say, B": the longer of A and B (an adverbial A counts as none)."""
        view = self.view
        if weight < 1 or after_first >= hi or view.keys[after_first] != ",":
            return clause_before
        after = self._clause(after_first + 1, hi, min_words=3)
        if after is None:
            return clause_before
        if clause_before is None:
            return after[1]
        first = bisect_left(self.token_starts, clause_before[0])
        if view.keys[first] in _ADVERBIAL_STARTS or self._words(*clause_before) < self._words(
            *after[1]
        ):
            return after[1]
        return clause_before

    def _skip_object(self, first: int, hi: int) -> int:
        view = self.view
        if first >= hi or view.keys[first] in ("that", ":", ",") or self._opens_quote(first):
            return first
        addressee = phrase_after(view, first, hi)
        return addressee.last + 1 if addressee is not None else first

    def _forward_complement(self, first: int, hi: int) -> tuple[str, Any] | None:
        """A quote, that-clause or colon within a short gap after the cue."""
        view = self.view
        if first < hi and not self._may_precede_complement(first):
            return None  # a direct object: "add context to the points that ..." is no report
        j = first
        while j < hi and j - first <= MAX_GAP:
            quote = self._opens_quote(j)
            if quote is not None:
                return "quote", quote
            key = view.keys[j]
            if key == "that" and j + 1 < hi:
                if view.keys[j + 1] in _AUXILIARIES:
                    return None  # a relative clause: "points that are worth ..."
                quote = self._opens_quote(j + 1)
                if quote is not None and self._quote_fills(quote, j + 1, hi):
                    return "quote", quote
                return self._clause(j + 1, hi)
            if key == ":":
                return self._after_colon(j, hi)
            if key == "," and j + 1 < len(view.tokens):
                quote = self._opens_quote(j + 1)
                if quote is not None:
                    return "quote", quote
                if j == first and not self._may_precede_complement(j + 1):
                    return None  # "said, adding ..." - another cue's business
            elif (
                key in (".", "!", "?", ";")
                or self.quote_of[j] != -1
                or (j != first and j in self.cue_starts)
            ):
                return None
            j += 1
        return None

    def _may_precede_complement(self, i: int) -> bool:
        key = self.view.keys[i]
        return (
            key in ("that", ":", ",", "-", "—", "–", "of")
            or key in _ADVERBIAL_STARTS
            or _adverb(key)
            or self._opens_quote(i) is not None
        )

    def _after_colon(self, colon: int, hi: int) -> tuple[str, Any] | None:
        view = self.view
        tokens = view.tokens
        nxt = colon + 1
        if nxt >= len(tokens):
            return None
        quote = self._opens_quote(nxt)
        same_paragraph = self._paragraph_of(nxt) == self._paragraph_of(colon)
        if quote is not None and (
            same_paragraph or self._paragraph_of(nxt) == self._paragraph_of(colon) + 1
        ):
            return "quote", quote
        if same_paragraph:
            return self._clause(nxt, max(hi, view.bounds(nxt)[1]))
        return None

    def _clause(
        self, first: int, hi: int, min_words: int = 2
    ) -> tuple[str, tuple[int, int]] | None:
        last = hi - 1
        while last >= first and self.view.keys[last] in _TRAILING:
            last -= 1
        if last < first or self.words_before[last + 1] - self.words_before[first] < min_words:
            return None
        return "clause", (self.view.tokens[first].start, self.view.tokens[last].end)

    def _bare_clause(self, first: int, hi: int) -> tuple[int, int] | None:
        view = self.view
        if first >= hi or not (view.word(first) or self._opens_quote(first) is not None):
            return None
        key = view.keys[first]
        if (key in _ADVERBIAL_STARTS and key != "to") or key in ("of", "so", "up", "out", "off"):
            return None
        clause = self._clause(first, hi, min_words=1)
        return clause[1] if clause is not None else None

    def _clause_before(self, group_first: int, lo: int, according: bool) -> tuple[int, int] | None:
        """The clause before ``, X said`` (or before ``, according to X``)."""
        view = self.view
        k = group_first - 1
        if k > lo and view.keys[k] == "as":
            k -= 1  # "..., as a Homeland Security memo put it"
        if k <= lo or view.keys[k] not in (",", *_DASHES) or self.quote_of[k] != -1:
            return None
        start = lo
        if view.keys[start] in ("but", "and", "yet", "so") and not according:
            start += 1
        clause = self._clause(start, k)
        return clause[1] if clause is not None else None

    def _clause_after_comma(self, item: _Found, hi: int) -> tuple[int, int] | None:
        """For "According to X, ...": the clause after the comma that ends the phrase."""
        view = self.view
        if item.phrase is None or item.cue is None:
            return None
        lo = view.bounds(item.cue[0])[0]
        if item.cue[0] > lo + 1:
            return None
        comma = item.phrase.last + 1
        if comma >= hi or view.keys[comma] != ",":
            return None
        quote = self._opens_quote(comma + 1)
        if quote is not None:
            item.children = [_Found(item.anchor, "after", quote=quote)]
            return None
        clause = self._clause(comma + 1, hi)
        return clause[1] if clause is not None else None

    def _is_trailing(self, first: int, hi: int) -> bool:
        """Whether only an adverbial ("on Monday", "in a statement") follows the cue."""
        view = self.view
        words = [i for i in range(first, hi) if view.word(i)]
        return not words or (view.keys[words[0]] in _ADVERBIAL_STARTS and len(words) <= 6)

    def _assign_quote_claims(self, found: list[_Found]) -> None:
        """A quote claimed from both sides goes to the cue that follows it ("...," she added),
        unless the quote ended its sentence: then the cue before it ("X asked, "...?"")."""
        for relation in ("before", "after", "before_sentence"):
            for item in found:
                for child in item.children:
                    if child.kind == relation and child.quote not in self.claimed:
                        self.claimed[child.quote] = item
        for item in found:
            item.children = [c for c in item.children if self.claimed.get(c.quote) is item]

    # -- nouns of speech ------------------------------------------------------------

    def _speech_noun_attributions(self) -> list[_Found]:
        """ "in his words", "Lavrov's remarks", "Lavrov made three points"."""
        view = self.view
        found = []
        for i, tag in enumerate(view.tags):
            if tag != "speech_noun" or self.quote_of[i] != -1:
                continue
            if i > 0 and view.tags[i - 1] == "speech_noun":
                continue
            item = self._possessed_speech(i) or self._made_speech(i)
            if item is not None:
                found.append(item)
        return found

    def _possessed_speech(self, noun: int) -> _Found | None:
        view = self.view
        lo, hi = view.bounds(noun)
        owner = noun - 1
        while owner >= lo and owner >= noun - 3 and view.keys[owner] not in _OWNERS:
            if not view.content_word(owner) or view.chunk_of[owner] != -1:
                break
            owner -= 1
        if owner < lo:
            return None
        if view.keys[owner] == "'s" and owner - 1 >= lo:
            phrase = phrase_before(view, owner - 1, lo)
        elif view.keys[owner] in ("his", "her", "their", "its"):
            phrase = Phrase(owner, owner, "possessive")
        else:
            return None
        if phrase is None or phrase.form not in ("name", "possessive"):
            return None
        item = self._noun_item(noun, noun, phrase)
        nxt = noun + 1
        if nxt < hi and view.keys[nxt] == ",":
            quote = self._opens_quote(nxt + 1)
            if quote is not None:
                item.children = [_Found(item.anchor, "after", quote=quote)]
                self.claimed.setdefault(quote, item)
            elif (
                owner - 1 == lo
                and view.keys[lo] in ("in", "to")
                and (view.keys[nxt + 1] not in _RELATIVES if nxt + 1 < hi else False)
            ):
                clause = self._clause(nxt + 1, hi)
                item.content = clause[1] if clause else None
        elif nxt < hi and view.keys[nxt] == "that":
            clause = self._clause(nxt + 1, hi)
            item.content = clause[1] if clause else None
        return item

    def _made_speech(self, noun: int) -> _Found | None:
        """ "X made three important points": a light verb a few words before the noun."""
        view = self.view
        lo, hi = view.bounds(noun)
        verb = noun - 1
        while verb >= lo and noun - verb <= 4 and view.tags[verb] != "light_verb":
            if not view.word(verb):
                return None
            verb -= 1
        if verb < lo or view.tags[verb] != "light_verb":
            return None
        subject, passive = self._subject_before(verb, lo)
        if subject is None or passive:
            return None
        item = self._noun_item(verb, noun, subject)
        after = self._forward_complement(noun + 1, hi)
        if after is not None and after[0] == "quote":
            if after[1] not in self.claimed:
                self.claimed[after[1]] = item
                item.children = [_Found(item.anchor, "after", quote=after[1])]
        elif after is not None:
            item.content = after[1]
        return item

    def _noun_item(self, first: int, last: int, phrase: Phrase) -> _Found:
        view = self.view
        return _Found(
            view.tokens[min(first, phrase.first)].start,
            "indirect",
            phrase=phrase,
            cue=(first, last),
            sentence_id=view.tokens[first].sentence_id,
        )

    # -- quotes inside reported content ---------------------------------------------

    def _claim_quotes_in_content(self, found: list[_Found]) -> None:
        """Quoted words inside reported content are the speaker's own words."""
        starts = [q.start for q in self.quotes]
        for item in found:
            if item.content is None or not item.reported:
                continue
            start, end = item.content
            for index in range(bisect_left(starts, start), bisect_left(starts, end)):
                if index not in self.claimed and self.quotes[index].end <= end + 1:
                    self.claimed[index] = item
                    item.children.append(_Found(item.anchor, "inside", quote=index))

    # -- resolution -----------------------------------------------------------------

    def _resolve(self, found: list[_Found], resolver: Resolver) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        previous: dict[int, tuple[Speaker | None, tuple[int, int]]] = {}
        last_quote: tuple[Speaker | None, tuple[int, int], int] | None = None
        mentioned: set[tuple[int, str]] = set()
        for item in found:
            if item.quote != -1 and item.cue is None:
                speaker, span, rule = self._uncued_quote(item.quote, resolver, last_quote)
                row = self._quote_row(item.quote, speaker, span, None, rule)
                rows.append(row)
                if rule != "scare":
                    last_quote = (speaker, span, self.quotes[item.quote].paragraph_id)
                continue
            speaker, span = self._speaker_of(item, resolver, previous)
            if speaker is None and item.phrase is not None:
                continue  # the author ("I said"): not a source
            if speaker is None and not item.children and not (item.passive and item.reported):
                continue  # content without anyone reporting it ("this suggests that")
            previous[item.sentence_id] = (speaker, span)
            resolver.heard(speaker)
            for child in item.children:
                row = self._quote_row(child.quote, speaker, span, item, "")
                rows.append(row)
                last_quote = (speaker, span, self.quotes[child.quote].paragraph_id)
            if item.content is not None:
                rows.append(self._row(item.kind, item, speaker, span, item.content))
            elif not item.children and self._worth_mentioning(item, speaker):
                key = (item.sentence_id, speaker.name if speaker else "")
                if key not in mentioned:
                    mentioned.add(key)
                    rows.append(self._row("mention", item, speaker, span, None))
        return rows

    def _speaker_of(
        self, item: _Found, resolver: Resolver, previous: dict[int, Any]
    ) -> tuple[Speaker | None, tuple[int, int]]:
        if item.phrase is not None:
            speaker = resolver.resolve(item.phrase)
            return speaker, self._span(item.phrase.first, item.phrase.last)
        if item.inherit and item.sentence_id in previous:
            return previous[item.sentence_id]
        if item.inherit and item.cue is not None:
            phrase = self._sentence_subject(item.cue[0])
            if phrase is not None:
                speaker = resolver.resolve(phrase)
                return speaker, self._span(phrase.first, phrase.last)
        return None, (-1, -1)

    def _sentence_subject(self, cue: int) -> Phrase | None:
        """The subject a participle shares with its sentence: "Trump spoke ..., promising"."""
        view = self.view
        j = view.bounds(cue)[0]
        if view.keys[j] in _ADVERBIAL_STARTS or _adverb(view.keys[j]):
            while j < cue and view.keys[j] != ",":
                j += 1
            j += 1
            while j < cue and (view.keys[j] in ("however", ",") or _adverb(view.keys[j])):
                j += 1
        phrase = phrase_after(self.view, j, cue)
        if phrase is None or view.keys[phrase.first] in ("it", "there"):
            return None
        return phrase

    def _worth_mentioning(self, item: _Found, speaker: Speaker | None) -> bool:
        if speaker is None or item.cue is None:
            return False
        if item.cue_entry == -1:
            return True  # a noun of speech: "his response", "made three points"
        return self.cue_weights[item.cue_entry] >= 1 and item.kind != "according_to"

    def _uncued_quote(
        self, index: int, resolver: Resolver, last_quote: Any
    ) -> tuple[Speaker | None, tuple[int, int], str]:
        """Speaker of a quote no cue claimed, and the rule that found it."""
        quote = self.quotes[index]
        if self._is_scare(index):
            return None, (-1, -1), "scare"
        phrase = self._colon_speaker(quote) or self._dash_speaker(quote)
        if phrase is not None:
            speaker = resolver.resolve(phrase)
            resolver.heard(speaker)
            return speaker, self._span(phrase.first, phrase.last), "punctuation"
        if last_quote is not None and self._continues(index, last_quote[2]):
            return last_quote[0], last_quote[1], "continuation"
        phrase = self._named_in_sentence(quote)
        if phrase is not None:
            speaker = resolver.resolve(phrase)
            resolver.heard(speaker)
            return speaker, self._span(phrase.first, phrase.last), "sentence"
        return None, (-1, -1), "none"

    def _is_scare(self, index: int) -> bool:
        quote = self.quotes[index]
        first, last = self._quote_tokens(quote)
        opening = first - 1
        if opening > 0 and self.view.keys[opening - 1] in _SO_CALLED:
            return True
        n_words = self.words_before[last + 1] - self.words_before[first] if last >= first else 0
        inner = self.text[quote.start + 1 : max(quote.end - 1, quote.start + 1)]
        return (
            n_words <= SCARE_MAX_WORDS
            and not any(c in inner for c in ".?!")
            and not (self._standalone(index))
        )

    def _colon_speaker(self, quote: Quote) -> Phrase | None:
        """`X: "..."` - a phrase and a colon before the quote (same or previous paragraph)."""
        view = self.view
        opening = bisect_left(self.token_starts, quote.start)
        colon = opening - 1
        if colon < 1 or view.keys[colon] != ":":
            return None
        lo = view.bounds(colon)[0]
        phrase = phrase_before(view, colon - 1, lo)
        return phrase if phrase is not None and phrase.first == lo else None

    def _dash_speaker(self, quote: Quote) -> Phrase | None:
        """`"..." — X` - a trailing dash attribution running to the end of the sentence."""
        view = self.view
        closing = bisect_left(self.token_starts, quote.end) - 1
        if not quote.closed or closing < 0:
            return None
        dash = closing + 1
        if dash < len(view.tokens) and view.keys[dash] == ",":
            dash += 1
        if dash + 1 >= len(view.tokens) or view.keys[dash] not in _DASHES:
            return None
        paragraph_end = self.document.paragraphs[self._paragraph_of(dash)].end
        phrase = phrase_after(view, dash + 1, len(view.tokens), stop_at_determiner=False)
        if phrase is None:
            return None
        rest = self.text[view.tokens[phrase.last].end : paragraph_end]
        return phrase if not any(c.isalnum() for c in rest.split(".")[0]) else None

    def _continues(self, index: int, last_paragraph: int) -> bool:
        """A quote that stands alone right after a quoted passage continues it."""
        quote = self.quotes[index]
        return 0 <= quote.paragraph_id - last_paragraph <= 1 and self._standalone(index)

    def _standalone(self, index: int) -> bool:
        """No words outside the quote in the sentences it spans."""
        quote = self.quotes[index]
        view = self.view
        first, last = self._quote_tokens(quote)
        if first > last:
            return False
        lo = view.bounds(first)[0]
        hi = view.bounds(last)[1]
        return not any(self.quote_of[i] != index and view.word(i) for i in range(lo, hi))

    def _named_in_sentence(self, quote: Quote) -> Phrase | None:
        """The nearest named person before the quote in its sentence, else the first after."""
        view = self.view
        first, last = self._quote_tokens(quote)
        if first > last:
            return None
        lo = view.bounds(first)[0]
        hi = view.bounds(last)[1]
        candidates = [i for i in range(lo, hi) if self.quote_of[i] == -1 and self._is_person(i)]
        before = [i for i in candidates if i < first]
        chosen = before[-1] if before else (candidates[0] if candidates else None)
        if chosen is None:
            return None
        chunk = view.chunks[view.chunk_of[chosen]]
        return Phrase(chunk.first, chunk.last, "name", view.chunk_of[chosen])

    def _is_person(self, i: int) -> bool:
        view = self.view
        chunk_id = view.chunk_of[i]
        if chunk_id == -1 or view.chunks[chunk_id].last != i:
            return False
        chunk = view.chunks[chunk_id]
        if chunk.kind == "person":
            return not self._is_place(view.text(chunk.name_first, chunk.last))
        key = " ".join(view.keys[j] for j in range(chunk.name_first, chunk.last + 1))
        return chunk.kind == "unknown" and key in view.surnames

    # -- references -----------------------------------------------------------------

    def _references(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Media and document references that are not already a row's speaker or frame."""
        urls = [m.span() for m in _URL.finditer(self.text)]
        frames = sorted([*(_frame(r) for r in rows), *urls])
        frame_starts = [f[0] for f in frames]
        found = []
        for kind, first, last in self._reference_phrases():
            start, end = self.view.tokens[first].start, self.view.tokens[last].end
            if _inside_frames(frames, frame_starts, start, end):
                continue
            item = _Found(start, kind, sentence_id=self.view.tokens[first].sentence_id)
            speaker = Speaker(self.text[start:end], kind)
            found.append(self._row(kind, item, speaker, (start, end), None))
        for span in urls:
            index = bisect_left(self.token_starts, span[0])
            if index < len(self.quote_of) and self.quote_of[index] == -1:
                item = _Found(span[0], "document", sentence_id=self._sentence_of(span[0]))
                speaker = Speaker(self.text[span[0] : span[1]], "document")
                found.append(self._row("document", item, speaker, span, None))
        return found

    def _reference_phrases(self) -> Iterable[tuple[str, int, int]]:
        view = self.view
        n = len(view.tokens)
        i = 0
        while i < n:
            tag = view.tags[i]
            chunk_id = view.chunk_of[i]
            if self.quote_of[i] != -1:
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

    # -- rows -----------------------------------------------------------------------

    def _quote_row(
        self,
        index: int,
        speaker: Speaker | None,
        span: tuple[int, int],
        item: _Found | None,
        rule: str,
    ) -> dict[str, Any]:
        quote = self.quotes[index]
        content = quote.content
        kind = "scare_quote" if rule == "scare" else "direct_quote"
        source = item or _Found(quote.start, kind, sentence_id=self._sentence_of(quote.start))
        if item is not None and item.kind == "according_to":
            kind = "according_to"
        row = self._row(kind, source, speaker, span, (content.start, content.end))
        if item is None:
            row["sentence_id"] = self._sentence_of(content.start)
        return row

    def _row(
        self,
        kind: str,
        item: _Found,
        speaker: Speaker | None,
        span: tuple[int, int],
        content: tuple[int, int] | None,
    ) -> dict[str, Any]:
        cue_start = cue_end = -1
        cue = cue_class = cue_term = ""
        if item.cue is not None:
            cue_start = self.view.tokens[item.cue[0]].start
            cue_end = self.view.tokens[item.cue[1]].end
            cue = self.text[cue_start:cue_end]
            cue_term, cue_class = self._cue_class(item)
        content_start, content_end = content if content is not None else (-1, -1)
        has_speaker = speaker is not None and span[0] >= 0
        return {
            "article_id": self.article_id,
            "sentence_id": item.sentence_id if item.sentence_id >= 0 else -1,
            "kind": kind,
            "speaker": speaker.name if speaker else "",
            "speaker_type": speaker.type if speaker else "",
            "affiliation": self._affiliation(speaker),
            "cue": cue,
            "cue_class": cue_class,
            "quote": self.text[content_start:content_end] if content is not None else "",
            "n_words": self._words(content_start, content_end) if content is not None else 0,
            "speaker_start": span[0] if has_speaker else -1,
            "speaker_end": span[1] if has_speaker else -1,
            "cue_start": cue_start,
            "cue_end": cue_end,
            "content_start": content_start,
            "content_end": content_end,
            "role": speaker.role if speaker else "",
            "cue_term": cue_term,
        }

    def _cue_class(self, item: _Found) -> tuple[str, str]:
        if item.cue_entry != -1:
            return self.cue_terms[item.cue_entry], self.cue_classes[item.cue_entry]
        noun = self.view.keys[item.cue[1]] if item.cue else ""
        term = _noun_cue_classes().get(noun) or _noun_cue_classes().get(noun.rstrip("s"))
        return noun, term or "neutral"

    def _affiliation(self, speaker: Speaker | None) -> str | None:
        if speaker is None or not speaker.name:
            return None
        for name in (f"{speaker.role} {speaker.name}".strip(), speaker.name, speaker.role):
            if not name:
                continue
            if name not in self._affiliations:
                self._affiliations[name] = self.lookup(name)
            if self._affiliations[name] is not None:
                return self._affiliations[name]
        return None

    def _is_place(self, name: str) -> bool:
        if name not in self._affiliations:
            self._affiliations[name] = self.lookup(name)
        return self._affiliations[name] == name

    # -- small helpers --------------------------------------------------------------

    def _span(self, first: int, last: int) -> tuple[int, int]:
        return self.view.tokens[first].start, self.view.tokens[last].end

    def _words(self, start: int, end: int) -> int:
        first = bisect_left(self.token_starts, start)
        last = bisect_left(self.token_starts, end)
        return self.words_before[last] - self.words_before[first]

    def _sentence_of(self, offset: int) -> int:
        return (
            max(bisect_right(self.sentence_starts, offset) - 1, 0) if self.sentence_starts else -1
        )

    def _paragraph_of(self, token: int) -> int:
        sentence = self.view.tokens[token].sentence_id
        return self.document.sentences[sentence].paragraph_id

    def _separate_clause(self, cue_last: int, following: int) -> bool:
        """Whether the next attribution, starting at token ``following``, ends this one's
        content ("X said A, while Y said B") rather than sitting inside it."""
        tokens = self.view.tokens
        if following <= cue_last + 1 or following >= len(tokens):
            return False
        if tokens[cue_last].sentence_id != tokens[following].sentence_id:
            return False
        return self.view.keys[following - 1] in _CLAUSE_BREAKS or self._closes_quote(following - 1)

    def _quote_tokens(self, quote: Quote) -> tuple[int, int]:
        """Token range of a quote's content."""
        content = quote.content
        return (
            bisect_left(self.token_starts, content.start),
            bisect_left(self.token_starts, content.end) - 1,
        )

    def _opens_quote(self, i: int) -> int | None:
        if 0 <= i < len(self.quote_of) and self.quote_of[i] != -1:
            quote = self.quote_of[i]
            if self.quotes[quote].start == self.view.tokens[i].start:
                return quote
        return None

    def _closes_quote(self, i: int) -> bool:
        quote = self.quote_of[i] if 0 <= i < len(self.quote_of) else -1
        return (
            quote != -1
            and self.quotes[quote].closed
            and self.quotes[quote].end == (self.view.tokens[i].end)
        )

    def _quote_before(self, group_first: int) -> int | None:
        k = group_first - 1
        while k >= 0 and self.view.keys[k] in (",", *_DASHES) and self.quote_of[k] == -1:
            k -= 1
        if (
            k >= 0
            and self._closes_quote(k)
            and self._paragraph_of(k) == self._paragraph_of(group_first)
        ):
            return self.quote_of[k]
        return None

    def _ends_sentence(self, quote: int) -> bool:
        """Whether a quote's last words end a sentence ("...?" or "...!" or "....")."""
        inner = self.text[self.quotes[quote].start : self.quotes[quote].end - 1].rstrip()
        return inner.endswith((".", "?", "!"))

    def _quote_fills(self, quote: int, first: int, hi: int) -> bool:
        """Whether a quote opening at token ``first`` runs to (nearly) the clause end."""
        end = self.quotes[quote].end
        rest = [i for i in range(first, hi) if self.view.tokens[i].start >= end]
        return sum(self.view.word(i) for i in rest) <= 2


_RELATIVES = frozenset({"which", "who", "whose", "whom", "where", "when"})
_OWNERS = frozenset({"'s", "his", "her", "their", "its"})
_REFERENCE_DETERMINERS = word_set(
    "a an the this that these those most many some all several other its his her their "
    "mainstream western russian state"
)


def _adverb(key: str) -> bool:
    return len(key) > 4 and key.endswith("ly")


def _lemma_in(key: str, words: frozenset[str]) -> bool:
    return any(candidate in words for candidate in inflection_candidates(key))


def _tokens_in_quotes(tokens: Sequence[Any], quotes: Sequence[Quote]) -> list[int]:
    """For each token, the index of the (outermost) quote whose span holds it, or -1."""
    owner = [-1] * len(tokens)
    q = 0
    for i, token in enumerate(tokens):
        while q < len(quotes) and quotes[q].end <= token.start:
            q += 1
        if q < len(quotes) and quotes[q].start <= token.start < quotes[q].end:
            owner[i] = q
    return owner


@cache
def _cue_columns() -> tuple[tuple[str, ...], tuple[str, ...], tuple[float, ...]]:
    table = cue_lexicon().table
    return tuple(table["term"]), tuple(table["category"]), tuple(table["weight"])


@cache
def _noun_cue_classes() -> dict[str, str]:
    terms, classes, _ = _cue_columns()
    return dict(zip(terms, classes, strict=True))


def _frame(row: dict[str, Any]) -> tuple[int, int]:
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


def _inside_frames(frames: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    index = bisect_right(starts, start) - 1
    for frame_start, frame_end in frames[max(index - 3, 0) : index + 1]:
        if frame_start <= start and end <= frame_end:
            return True
    return False


def _first_offset(row: dict[str, Any]) -> int:
    points = [p for p in (row["speaker_start"], row["cue_start"], row["content_start"]) if p >= 0]
    return min(points) if points else -1


# -- summaries -----------------------------------------------------------------------------


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

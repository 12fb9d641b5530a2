"""Reported content: what a cue reports, from the words around it.

Given a cue and its speaker phrase, :meth:`ReportedContent.complement` finds what was
said: a quote right before or after the cue, a that-clause or the text after a colon
within a short gap ("said in a statement that ..."), the clause before ", X said" or
after "According to X,", the clause after a strong verb of saying ("X said A"), the
object of a weaker one ("X called for A") or, failing those, the topic after "about",
"on", "of" or "over" ("X complained about A").
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from framing.sources.context import Found, SourceText
from framing.sources.grammar_words import (
    ADVERBIAL_STARTS,
    DASHES,
    TIME_WORDS,
    is_adverb,
    is_interjection,
    word_set,
)
from framing.sources.speakers import main_clause_start, names_source, phrase_after
from framing.text import Match, inflection_candidates

__all__ = ["ReportedContent"]

OBJECT_WEIGHT = 0.75  # cue weight from which the verb's object is its content ("called for X")
MAX_GAP = 12  # tokens between a cue and its "that", colon or quote ("said in a statement that")
MAX_ADDRESSEE = 8  # tokens of "spoke to the editors of the Herald about"
MAX_SOURCE_TAIL = 20  # tokens of "According to X ..." after the phrase found, before its comma

_OBJECT_VERBS = word_set(
    "tell told remind assure inform warn notify advise promise convince persuade ask urge "
    "show call describe"
)
_TRAILING = frozenset(
    {".", ",", ";", ":", "!", "?", "—", "–", "-", "and", "but", "while", "whereas", "as"}
)
# "that evening", "that day": a determiner, not a complementiser
_THAT_TIMES = TIME_WORDS | word_set("day time moment point")
_TOPIC_PREPOSITIONS = word_set("about on of over regarding concerning")
# What follows "on" after a cue when it gives the terms of an interview, not its topic.
_TERMS_OF_SPEAKING = word_set("condition record background")
_TIME_MODIFIERS = word_set("on last this next early late earlier later")
_UNSAID = word_set("when where")  # "did not say when": the question left open
# Words of manner between a cue and its topic ("spoke out about", "spoke at length about",
# "spoke briefly of", "talked again about"); "-ly" adverbs count too.
_MANNER_WORDS = word_set("out again also at length in detail much often")
_OPENERS = word_set("but and yet so , still now")
_AUXILIARIES = word_set(
    "is are was were be been am has have had will would can could may might must shall should "
    "do does did"
)
_TOPIC_ENDS = frozenset({",", ";", ".", ":", "!", "?", "—", "–", "(", "that", "which", "who"}) | (
    _AUXILIARIES  # "his criticism of the budget was sharp": the topic ends at the verb
)


class ReportedContent:
    """Finds the content of the cues of one document.

    Parameters
    ----------
    source : SourceText
    cue_starts : set of int
        First tokens of all cues: another cue ends the search for this one's content.
    """

    def __init__(self, source: SourceText, cue_starts: set[int]) -> None:
        self.source = source
        self.view = source.view
        self.quote_of = source.quote_of
        self.cue_starts = cue_starts

    def complement(self, item: Found, match: Match, group_first: int, following: int) -> None:
        """Find what the cue reports: a quote before or after, a clause, or nothing."""
        view = self.view
        lo, hi = view.bounds(match.first)
        hi = min(hi, following)
        if item.opening:  # "Citing a report, X said": the participle clause's own words
            first = match.last + 1
            weak = self.source.cue_weights[match.entry] < OBJECT_WEIGHT
            if weak and view.keys[first] not in _TOPIC_PREPOSITIONS:
                return  # "Speaking to reporters, X said": where, not what
            if item.phrase is not None and item.phrase.first == first + 1:
                first = item.phrase.last + 1  # "Asked by Thrush whether ...": after the agent
            main = main_clause_start(view, first, hi)
            clause = self.clause(first, main - 1 if main is not None else hi)
            item.content, item.reported = (clause[1] if clause else None), True
            return
        after_first = match.last + 1
        if item.phrase is not None and item.phrase.first > match.last:
            after_first = item.phrase.last + 1
        verb_end = after_first
        if self.source.cue_terms[match.entry] in _OBJECT_VERBS or _lemma_in(
            view.keys[match.first], _OBJECT_VERBS
        ):
            after_first = self._skip_object(after_first, hi)
        item.children = []
        before_quote = self._quote_before(group_first)
        if item.inherit and view.keys[match.first].endswith("ing"):
            before_quote = None  # 'He said "A," adding "B"': A is the main verb's
        if item.speech_act == "negated":
            before_quote = None  # '... "A." A spokesman declined to comment': A is not his
        if before_quote is not None:
            relation = "before_sentence" if self._ends_sentence(before_quote) else "before"
            item.children.append(Found(item.anchor, relation, quote=before_quote))
        after = self.forward(after_first, hi)
        if after is not None and after[0] == "quote":
            item.children.append(Found(item.anchor, "after", quote=after[1]))
        elif (
            [c.kind for c in item.children] == ["before_sentence"]
            and self._full_stop_before(item.children[0].quote, group_first)
            and self._says_more(after_first, hi)
        ):
            # '"... in Nice." He said he had directed his team': the cue reports what
            # follows it, not the quote that ended the sentence before
            item.children = []
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
        item: Found,
        match: Match,
        clause_before: tuple[int, int] | None,
        positions: tuple[int, int, int],
    ) -> None:
        """Content with no that, colon or quote: "A, X said", "X said A", "X called for A"."""
        after_first, verb_end, hi = positions
        weight = self.source.cue_weights[match.entry]
        if self._bracketed(item, match, after_first):
            weight = max(weight, 1.0)  # "The bill, he added, would cost": no "added jobs"
        has_subject = item.inherit or (item.phrase is not None and item.phrase.first < match.first)
        weighed = self._weigh_parenthetical(clause_before, after_first, hi, weight)
        if weighed is not None and weighed != clause_before:
            item.content, item.reported = weighed, True  # "In the long run, X say, this ..."
            return
        if (
            clause_before is not None
            and self._is_trailing(after_first, hi)
            and item.speech_act != "negated"  # "Asked about it, he declined to comment"
        ):
            item.content, item.reported = clause_before, True
        elif weight >= 1 and has_subject:
            item.content = self._bare_clause(after_first, hi) or self._unsaid_question(
                item, after_first, hi
            )
            item.reported = True
        elif item.patient is not None and weight >= OBJECT_WEIGHT:
            item.content, item.reported = item.patient, True  # "X was criticized by Y"
        elif (
            item.passive
            and item.phrase is None
            and self.view.keys[after_first] != "by"
            and weight >= OBJECT_WEIGHT
        ):
            # an agentless passive: "X was accused of fraud", "is expected to resign"
            clause = self.clause(after_first, hi)
            item.content, item.reported = (clause[1] if clause else None), clause is not None
        elif (
            weight >= OBJECT_WEIGHT
            and (item.inherit or self._source_subject(item, match))
            and not self._asks_anonymity(verb_end, hi)
        ):
            item.content = self._bare_clause(verb_end, hi)  # the object is what was said
        if (
            item.content is None
            and clause_before is not None
            and weight >= 1
            and not self._adverbial(clause_before)
        ):
            item.content, item.reported = clause_before, True
        if item.content is None and self._may_speak(item, match):
            # "complained about the heat"; not "donor-driven attacks on voters"
            item.content = self.topic(verb_end, hi)

    def topic(self, first: int, hi: int) -> tuple[int, int] | None:
        """The object of "about", "on", "of" or "over" right after a cue or a noun of speech:
        what the speech was about ("complained about the heat", "his remarks on trade").
        It runs to the end of the clause; a time ("on Monday") is no topic."""
        view = self.view
        first = self._past_addressee(self._past_manner(first, hi), hi)
        if first + 1 >= hi or view.keys[first] not in _TOPIC_PREPOSITIONS:
            return None
        start = first + 1
        if view.keys[start] in TIME_WORDS or view.keys[start] in _TIME_MODIFIERS:
            return None
        head = start + 1 if view.keys[start] == "the" and start + 1 < hi else start
        if view.keys[first] == "on" and view.keys[head] in _TERMS_OF_SPEAKING:
            return None  # "speaking on condition of anonymity", "on the record": no topic
        end = start
        while (
            end < hi
            and view.keys[end] not in _TOPIC_ENDS
            and self.quote_of[end] in (-1, self.quote_of[start])
        ):
            end += 1
        clause = self.clause(start, end, min_words=1)
        return clause[1] if clause is not None else None

    def _past_manner(self, first: int, hi: int) -> int:
        """The token after the words of manner that open ``[first, hi)`` ("spoke at length
        about", "spoke passionately about", "spoken out about"), else ``first``."""
        view = self.view
        j = first
        while (
            j < hi and j - first < 4 and (view.keys[j] in _MANNER_WORDS or is_adverb(view.keys[j]))
        ):
            j += 1
        return j

    def _past_addressee(self, first: int, hi: int) -> int:
        """The "about" after an addressee that opens ``[first, hi)`` ("spoke to reporters
        about", "talked with the mayor on Monday about"), else ``first``. Only "about":
        "spoke to members of Congress" has no topic."""
        view = self.view
        if first >= hi or view.keys[first] not in ("to", "with"):
            return first
        for j in range(first + 1, min(hi, first + MAX_ADDRESSEE + 1)):
            if view.keys[j] == "about":
                return j if j > first + 1 else first  # "whom they tried to talk to about"
            if not view.word(j) or self.quote_of[j] != -1:
                break
        return first

    def _asks_anonymity(self, first: int, hi: int) -> bool:
        """ "who asked not to be named", "asked for anonymity": a condition of the
        interview, not something reported."""
        keys = self.view.keys[first : min(hi, first + 4)]
        return keys[:3] == ["not", "to", "be"] or keys[:2] == ["for", "anonymity"]

    def _may_speak(self, item: Found, match: Match) -> bool:
        """Whether the cue has a subject that can speak: a source, an owner ("his criticism
        of"), "who" ("the councillor who complained") or the sentence's speaker."""
        phrase = item.phrase
        if item.inherit or (phrase is not None and phrase.form == "possessive"):
            return True
        if (
            phrase is not None
            and phrase.relative != -1
            and self.view.keys[phrase.relative] == "who"
        ):
            return True
        return self._source_subject(item, match)

    def _source_subject(self, item: Found, match: Match) -> bool:
        """Whether the cue's subject names a source (a name, a pronoun, a role, an official,
        a medium, a document or an organisation), so that "the bill would raise taxes" is no
        speech act while "the senator would raise it" is."""
        phrase = item.phrase
        if phrase is None or phrase.first > match.first:
            return False
        return names_source(self.view, phrase)

    def _bracketed(self, item: Found, match: Match, after_first: int) -> bool:
        """Whether a cue and its subject stand between commas inside a sentence ("The plan,
        he added, is dead"): a parenthetical that reports the clause around it."""
        view = self.view
        phrase = item.phrase
        if phrase is None or phrase.last >= match.first or after_first >= len(view.keys):
            return False
        before = phrase.first - 1
        lo = view.bounds(match.first)[0]
        return before > lo and view.keys[before] == "," and view.keys[after_first] == ","

    def _weigh_parenthetical(
        self, clause_before: tuple[int, int] | None, after_first: int, hi: int, weight: float
    ) -> tuple[int, int] | None:
        """For "A, officials say, B": the longer of A and B (an adverbial A counts as none)."""
        view = self.view
        if weight < 1 or after_first >= hi or view.keys[after_first] != ",":
            return clause_before
        # "This plan, he says, is different": a parenthetical cue; a short rest counts too
        min_words = 2 if clause_before is None or self._adverbial(clause_before) else 3
        after = self.clause(after_first + 1, hi, min_words=min_words)
        if after is None:
            return clause_before
        if clause_before is None:
            return after[1]
        quoted_after = any(self.source.opens_quote(i) is not None for i in range(after_first, hi))
        if (
            quoted_after  # "Proposals ..., he said, amount to 'tinkering'": the quote is his
            or self._adverbial(clause_before)
            or self.source.words(*clause_before) < self.source.words(*after[1])
        ):
            return after[1]
        return clause_before

    def _adverbial(self, span: tuple[int, int]) -> bool:
        """Whether a clause before a cue is an adverbial ("In any case,", "Still,")."""
        first = bisect_left(self.source.token_starts, span[0])
        key = self.view.keys[first]
        return key in ADVERBIAL_STARTS or is_adverb(key) or self.source.words(*span) == 1

    def _skip_object(self, first: int, hi: int) -> int:
        view = self.view
        if first >= hi or view.keys[first] in ("that", ":", ",") or self.source.opens_quote(first):
            return first
        addressee = phrase_after(view, first, hi)
        return addressee.last + 1 if addressee is not None else first

    def forward(self, first: int, hi: int) -> tuple[str, Any] | None:
        """A quote, that-clause or colon within a short gap after the cue."""
        view = self.view
        if first < hi and not self._may_precede_complement(first):
            return None  # a direct object: "add context to the points that ..." is no report
        j = self._past_interjection(first, hi)
        while j < hi and j - first <= MAX_GAP:
            quote = self.source.opens_quote(j)
            if quote is not None:
                return "quote", quote
            key = view.keys[j]
            if key == "that" and j + 1 < hi and view.keys[j + 1] not in _THAT_TIMES:
                if view.keys[j + 1] in _AUXILIARIES:
                    return None  # a relative clause: "points that are worth ..."
                quote = self.source.opens_quote(j + 1)
                if quote is not None and self._quote_fills(quote, j + 1, hi):
                    return "quote", quote
                return self.clause(j + 1, hi)
            if key == ":":
                return self._after_colon(j, hi)
            if key == "," and j + 1 < len(view.tokens):
                quote = self.source.opens_quote(j + 1)
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

    def _past_interjection(self, first: int, hi: int) -> int:
        """The token after an interjection between commas that opens ``[first, hi)`` ("He
        added, though, that ...", "said, in fact, that"), else ``first``."""
        keys = self.view.keys
        if first >= hi or keys[first] != ",":
            return first
        close = next((j for j in range(first + 1, min(hi, first + 5)) if keys[j] == ","), -1)
        return close + 1 if close != -1 and is_interjection(keys[first + 1 : close]) else first

    def _may_precede_complement(self, i: int) -> bool:
        key = self.view.keys[i]
        return (
            key in ("that", ":", ",", "-", "—", "–", "of")
            or key in ADVERBIAL_STARTS
            or is_adverb(key)
            or self.source.opens_quote(i) is not None
        )

    def _after_colon(self, colon: int, hi: int) -> tuple[str, Any] | None:
        view = self.view
        tokens = view.tokens
        nxt = colon + 1
        if nxt >= len(tokens):
            return None
        quote = self.source.opens_quote(nxt)
        same_paragraph = self.source.paragraph_of(nxt) == self.source.paragraph_of(colon)
        if quote is not None and (
            same_paragraph or self.source.paragraph_of(nxt) == self.source.paragraph_of(colon) + 1
        ):
            return "quote", quote
        if same_paragraph:
            return self.clause(nxt, max(hi, view.bounds(nxt)[1]))
        if self.source.paragraph_of(nxt) == self.source.paragraph_of(colon) + 1:
            # "The governor added:" closing its paragraph: the next one is what he said
            paragraph = self.source.document.paragraphs[self.source.paragraph_of(nxt)]
            end = bisect_left(self.source.token_starts, paragraph.end)
            return self.clause(nxt, end)
        return None

    def clause(self, first: int, hi: int, min_words: int = 2) -> tuple[str, tuple[int, int]] | None:
        last = hi - 1
        while last >= first and self.view.keys[last] in _TRAILING:
            last -= 1
        if (
            last < first
            or self.source.words_before[last + 1] - self.source.words_before[first] < min_words
        ):
            return None
        return "clause", (self.view.tokens[first].start, self.view.tokens[last].end)

    def _bare_clause(self, first: int, hi: int) -> tuple[int, int] | None:
        view = self.view
        first = self._past_time(first, hi)
        if first >= hi or not (view.word(first) or self.source.opens_quote(first) is not None):
            return None
        key = view.keys[first]
        if (key in ADVERBIAL_STARTS and key != "to") or key in ("of", "so", "up", "out", "off"):
            return None
        clause = self.clause(first, hi, min_words=1)
        return clause[1] if clause is not None else None

    def _unsaid_question(self, item: Found, first: int, hi: int) -> tuple[int, int] | None:
        """What a negated verb of saying left open: "did not say when", "would not say
        where, or if, it would reopen" (after "said", "when" opens a time instead)."""
        if item.speech_act != "negated" or first >= hi or self.view.keys[first] not in _UNSAID:
            return None
        clause = self.clause(first, hi, min_words=1)
        return clause[1] if clause is not None else None

    def _past_time(self, first: int, hi: int) -> int:
        """The token after a time adverbial that opens ``[first, hi)`` ("said Thursday he
        would", "said last week the plan"), else ``first``."""
        view = self.view
        j = first
        while j < hi and j - first < 3 and view.keys[j] in _TIME_MODIFIERS:
            j += 1
        if j < hi and view.keys[j] in TIME_WORDS and j + 1 < hi and view.word(j + 1):
            return j + 1
        return first

    def _clause_before(self, group_first: int, lo: int, according: bool) -> tuple[int, int] | None:
        """The clause before ``, X said`` (or before ``, according to X``)."""
        view = self.view
        k = group_first - 1
        if k > lo and view.keys[k] == "as":
            k -= 1  # "..., as a Homeland Security memo put it"
        if k <= lo or view.keys[k] not in (",", *DASHES) or self.quote_of[k] != -1:
            return None
        start = lo
        if view.keys[start] in ("but", "and", "yet", "so") and not according:
            start += 1
        clause = self.clause(start, k)
        return clause[1] if clause is not None else None

    def _clause_after_comma(self, item: Found, hi: int) -> tuple[int, int] | None:
        """For "According to X, ...": the clause after the comma that ends the phrase."""
        view = self.view
        if item.phrase is None or item.cue is None:
            return None
        lo = view.bounds(item.cue[0])[0]
        while lo < item.cue[0] and view.keys[lo] in _OPENERS:
            lo += 1  # "But, according to the poll, ..."
        if item.cue[0] > lo + 1:
            return None
        comma = item.phrase.last + 1
        while comma < hi and comma - item.phrase.last <= MAX_SOURCE_TAIL:
            if view.keys[comma] == "," or self.quote_of[comma] != -1 or comma in self.cue_starts:
                break  # the phrase may run on: "According to the officer in charge that night,"
            comma += 1
        if comma >= hi or view.keys[comma] != ",":
            return None
        quote = self.source.opens_quote(comma + 1)
        if quote is not None:
            item.children = [Found(item.anchor, "after", quote=quote)]
            return None
        clause = self.clause(comma + 1, hi)
        return clause[1] if clause is not None else None

    def _is_trailing(self, first: int, hi: int) -> bool:
        """Whether only an adverbial ("on Monday", "in a statement") follows the cue."""
        view = self.view
        words = [i for i in range(first, hi) if view.word(i)]
        return not words or (view.keys[words[0]] in ADVERBIAL_STARTS and len(words) <= 6)

    def _quote_before(self, group_first: int) -> int | None:
        """A quote that closes right before the attribution (past commas and dashes)."""
        k = group_first - 1
        while k >= 0 and self.view.keys[k] in (",", *DASHES) and self.quote_of[k] == -1:
            k -= 1
        if (
            k >= 0
            and self.source.closes_quote(k)
            and self.source.paragraph_of(k) == self.source.paragraph_of(group_first)
        ):
            return self.quote_of[k]
        return None

    def _full_stop_before(self, quote: int, first: int) -> bool:
        """Whether a quote ends with a full stop and a new sentence opens after it at token
        ``first`` ('..." He said'; not '...?" Trump asked' nor '...," he said')."""
        quoted = self.source.quotes[quote]
        inner = self.source.text[quoted.start : quoted.end - 1].rstrip()
        return inner.endswith(".") and self.view.capitalised(first)

    def _says_more(self, first: int, hi: int) -> bool:
        """Whether a clause of two words or more follows the cue ("said he had directed")."""
        return sum(self.view.word(i) for i in range(first, min(first + 3, hi))) >= 2

    def _ends_sentence(self, quote: int) -> bool:
        """Whether a quote's last words end a sentence ("...?" or "...!" or "....")."""
        quoted = self.source.quotes[quote]
        inner = self.source.text[quoted.start : quoted.end - 1].rstrip()
        return inner.endswith((".", "?", "!"))

    def _quote_fills(self, quote: int, first: int, hi: int) -> bool:
        """Whether a quote opening at token ``first`` runs to (nearly) the clause end."""
        end = self.source.quotes[quote].end
        rest = [i for i in range(first, hi) if self.view.tokens[i].start >= end]
        return sum(self.view.word(i) for i in rest) <= 2


def _lemma_in(key: str, words: frozenset[str]) -> bool:
    return any(candidate in words for candidate in inflection_candidates(key))

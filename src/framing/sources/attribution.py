"""Attributions: cues and nouns of speech, with the speaker phrase and content of each.

Cues come from the packaged ``cue_verbs`` lexicon, matched in one pass. For each cue the
speaker phrase is read before it ("Lavrov said", "an activist who insinuated", "X, who
..., said": :class:`~framing.sources.cue_subjects.CueSubjects`), or after it ("said
Lavrov", "according to X", "was attacked by X"); a participle shares its sentence's
subject (", saying that"). The content is left to
:class:`~framing.sources.reported_content.ReportedContent`. Nouns of speech give the same
("in his words", "Lavrov's remarks", "Lavrov made three points"). Each quote goes to at
most one attribution; :func:`find_attributions` adds the quotes no attribution claimed.
"""

from __future__ import annotations

from bisect import bisect_left

from framing.sources.colon_speakers import headline_attributions
from framing.sources.context import Found, SourceText, cue_lexicon
from framing.sources.cue_forms import is_noun_modifier, is_verb_use
from framing.sources.cue_subjects import BE, INSERTION_MAX, TIME_PREPOSITIONS, CueSubjects
from framing.sources.grammar_words import (
    ADVERBIAL_STARTS,
    POSSESSIVES,
    TIME_WORDS,
    is_adverb,
    word_set,
)
from framing.sources.reported_content import ReportedContent
from framing.sources.speakers import (
    Phrase,
    main_clause_start,
    names_source,
    phrase_after,
    without_verb,
)
from framing.sources.speech_act import denies, is_conditional, speech_act
from framing.text import Match

__all__ = ["find_attributions"]


_PARTICIPLE_OPENERS = word_set("in while after by when before since upon")
# Words after which a participle cue shares the clause's subject (", saying", "while chanting").
_PARTICIPLE_LINKS = word_set(", and by while when after before without as then")
MAX_REFUSAL_GAP = 2  # tokens between a refusal and its "to" ("declined at first to say")
_CLAUSE_BREAKS = frozenset({",", ";", "and", "but", "while", "whereas", "—", "–", "(", ")"})
_RELATIVES = frozenset({"which", "who", "whose", "whom", "where", "when"})
# Words that end a passive cue's agent: what the speech was for or as ("by X for his remarks").
_AGENT_ENDS = word_set("as for over because after during amid")
_OWNERS = frozenset({"'s", "his", "her", "their", "its"})


def find_attributions(source: SourceText) -> list[Found]:
    """The attributions and quotes of a document, in text order.

    Cued attributions and nouns of speech come with the quotes they claim; every quote
    that none claimed follows as a ``direct_quote`` whose speaker is still to be found.
    """
    return _Attributions(source).found()


class _Attributions:
    """One document's attributions; ``claimed`` maps a quote to the attribution it is in."""

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.view = source.view
        self.quote_of = source.quote_of
        self.claimed: dict[int, Found] = {}
        self.cues = [m for m in cue_lexicon().find(self.view.tokens) if self._usable_cue(m)]
        self.cue_firsts = {m.first for m in self.cues}
        self.content = ReportedContent(source, {m.first for m in self.cues})
        self.subjects = CueSubjects(source, self.cue_firsts)

    def found(self) -> list[Found]:
        found = self._cue_attributions() + self._speech_noun_attributions()
        found += headline_attributions(self.source)
        self._claim_quotes_in_content(found)
        for index, quote in enumerate(self.source.quotes):
            if index not in self.claimed:
                found.append(Found(quote.start, "direct_quote", quote=index))
        return sorted(found, key=lambda f: f.anchor)

    # -- cues -----------------------------------------------------------------------

    def _cue_attributions(self) -> list[Found]:
        view = self.view
        groups = [self._cue_group(m) for m in self.cues]
        found = []
        for index, (match, (found_item, group_first)) in enumerate(
            zip(self.cues, groups, strict=True)
        ):
            following = groups[index + 1][1] if index + 1 < len(groups) else len(view.tokens)
            if not self._separate_clause(match.last, following):
                following = len(view.tokens)
            self.content.complement(found_item, match, group_first, following)
            found.append(found_item)
        found = self._without_doubled_refusals(found)
        self._assign_quote_claims(found)
        return found

    def _usable_cue(self, match: Match) -> bool:
        view = self.view
        if self.quote_of[match.first] != -1 or self.quote_of[match.last] != -1:
            return False
        first_of_sentence = view.bounds(match.first)[0] == match.first
        if view.chunk_of[match.first] != -1 and not first_of_sentence:
            return False
        return is_verb_use(view, match.first, match.last, self.source.cue_terms[match.entry])

    def _without_doubled_refusals(self, found: list[Found]) -> list[Found]:
        """One attribution for a refusal and the cue in its infinitive ("declined to
        comment on the audit", "refused to acknowledge that it erred"): the infinitive's
        when it reports something ("the audit", "it erred"), else the refusal's with the
        infinitive as what was refused ("declined | to comment"). Both are negated."""
        refusal_at = {
            m.last: index for index, m in enumerate(self.cues) if denies(self.view.keys[m.first])
        }
        dropped = set()
        for index, match in enumerate(self.cues):
            refusal = self._refusal_before(match, refusal_at)
            if refusal is not None:
                item = found[index]
                dropped.add(refusal if item.content is not None or item.children else index)
        return [item for index, item in enumerate(found) if index not in dropped]

    def _refusal_before(self, match: Match, refusal_at: dict[int, int]) -> int | None:
        """The index of the refusal cue whose "to" opens this cue ("declined to publicly
        detail", "refused at first to say"), else None."""
        view = self.view
        lo = view.bounds(match.first)[0]
        i = match.first - 1
        while i >= lo and is_adverb(view.keys[i]):
            i -= 1
        if i < lo or view.keys[i] != "to":
            return None
        for j in range(i - 1, max(lo, i - MAX_REFUSAL_GAP - 1) - 1, -1):
            if j in refusal_at:
                return refusal_at[j]
        return None

    def _cue_group(self, match: Match) -> tuple[Found, int]:
        """The attribution's speaker phrase; returns the item and its group's first token."""
        view = self.view
        item = Found(
            view.tokens[match.first].start,
            "indirect",
            cue=(match.first, match.last),
            cue_entry=match.entry,
            sentence_id=view.tokens[match.first].sentence_id,
        )
        lo, hi = view.bounds(match.first)
        if self.source.cue_terms[match.entry] == "according to":
            item.kind = "according_to"
            item.phrase = phrase_after(view, match.last + 1, hi)
            return item, match.first
        subject, passive, group = self.subjects.subject_before(match.first, lo)
        item.passive = passive
        opener = (subject.first if subject is not None else match.first) - 1
        item.speech_act = speech_act(group, opener >= lo and is_conditional(view.keys[opener]))
        if denies(view.keys[match.first]):
            item.speech_act = "negated"  # "declined to comment": the comment never came
        if passive:
            item.phrase = self._by_agent(match.last, hi)
            if item.phrase is not None and subject is not None:
                # "Trump was attacked by Clinton": what the agent spoke of is the subject
                item.patient = self.source.span(subject.first, subject.last)
            return item, match.first
        if view.keys[match.first].endswith(("ing", "ed")) and self._opens_sentence(match.first, lo):
            # "Citing a report, Trump said": the participle's subject is the main clause's,
            # after the comma that closes the participle clause
            item.opening = True
            if view.keys[match.first].endswith("ing"):
                item.phrase = self._subject_after_participle(match.last + 1, hi)
                return item, match.first
            # "Asked about it, Clinton said": Clinton was asked; the asker is the agent
            # ("Asked by Thrush whether ...") or nobody named
            item.passive = True
            item.phrase = self._by_agent(match.last, hi)
            return item, match.first
        previous = match.first - 1
        if (
            subject is None
            and item.sentence_id in view.headlines
            and previous >= lo
            and view.keys[previous] in (",", "and")
        ):  # "Clinton Says Russians Hacked DNC, Calls Remarks 'Troubling'"
            item.inherit = True
            return item, match.first
        bare_participle = view.keys[match.first].endswith("ing") and not BE.intersection(group)
        if bare_participle and not group and previous >= lo and view.keys[previous] == ",":
            # "canceled a rally in Green Bay, Wis., citing the attack": the participle
            # shares the sentence's subject; what stands before its comma is no speaker
            item.inherit = True
            return item, match.first
        relative = self._relative_of_participle(match.first, lo)
        if bare_participle and subject is not None and self._not_participle_subject(subject, lo):
            # "unleashed a series of tweets saying", "defending his tweets, saying": the
            # participle shares the clause's subject, not the object before it
            item.phrase = relative
            item.inherit = relative is None
            return item, match.first
        if subject is not None:
            item.phrase = subject
            return item, self._group_first(subject)
        if view.keys[match.first].endswith("ing") and relative is not None:
            item.phrase = relative  # "Trump, who injected a new element by questioning"
            return item, match.first
        if view.keys[match.first].endswith("ing") and not (
            previous >= lo and view.keys[previous] in BE
        ):  # a participle shares its sentence's subject: "..., saying that"
            item.inherit = previous >= lo and (
                view.keys[previous] in _PARTICIPLE_LINKS or self.source.closes_quote(previous)
            )  # '..." adding', 'while chanting'
            return item, match.first
        # "said Smith", '"...," added Jones'; not "feel free"
        saying = self.source.cue_weights[match.entry] >= 1 or self.source.closes_quote(previous)
        if saying and (
            previous < lo or view.keys[previous] in (",", ":") or self.source.closes_quote(previous)
        ):
            after = phrase_after(view, match.last + 1, hi)
            if after is not None and self._inverted_subject(after, hi):
                item.phrase = after
                item.anchor = view.tokens[match.first].start
                return item, match.first
        if previous >= lo and view.keys[previous] in (",", "and", "but", "while"):
            item.inherit = True
        return item, match.first

    def _group_first(self, subject: Phrase) -> int:
        """Where a cue's group starts: at its subject, or at its own relative pronoun after
        "and" ("Cruz, who threatened ..., and who has been hoping": the first clause's
        content ends before the second)."""
        relative = subject.relative
        if relative > subject.last + 1 and self.view.keys[relative - 1] == "and":
            return relative
        return subject.first

    def _relative_of_participle(self, cue: int, lo: int) -> Phrase | None:
        """The antecedent of the relative clause a participle cue ends, its subject: "the
        former president, who spent much of his speech defending", "Trump, who last week
        injected a new element into the race by questioning"."""
        view = self.view
        if not view.keys[cue].endswith("ing") or cue - 1 < lo or view.keys[cue - 1] in BE:
            return None
        relative = self.subjects.relative_pronoun_before(cue - 1, lo, INSERTION_MAX)
        return self.subjects.antecedent(relative, lo) if relative is not None else None

    def _by_agent(self, cue_last: int, hi: int) -> Phrase | None:
        """The agent of a passive cue ending at token ``cue_last``: the source after its
        "by" ("was criticized by union leaders as reckless", "was attacked by Hillary
        Clinton for his remarks"; "a spokesman for the campaign" keeps its "for", "the
        spokesman for its cost" not), else None."""
        view = self.view
        by = cue_last + 1
        if by >= hi or view.keys[by] != "by":
            return None
        phrase = phrase_after(view, by + 1, hi)
        if phrase is None:
            return None
        for i in range(phrase.first + 1, phrase.last + 1):
            key = view.keys[i]
            if key in _AGENT_ENDS and (key != "for" or self._for_ends_agent(i)):
                phrase.last = i - 1
                break
        named = phrase.form in ("pronoun", "name") or view.noun_tag(phrase.first, phrase.last)
        return phrase if named else None  # "was attacked by a dog": no speaker

    def _for_ends_agent(self, i: int) -> bool:
        """Whether the "for" at token ``i`` says what an agent spoke for ("Clinton for his
        remarks") rather than whom it speaks for ("a spokesman for the campaign")."""
        view = self.view
        following = view.keys[i + 1] if i + 1 < len(view.keys) else ""
        return view.chunk_of[i - 1] != -1 or following in POSSESSIVES

    def _not_participle_subject(self, phrase: Phrase, lo: int) -> bool:
        """Whether a common-noun phrase before a bare participle cue is an object rather
        than its subject ("with critics saying" keeps the critics)."""
        view = self.view
        before = phrase.first - 1
        if phrase.form == "pronoun" or (before >= lo and view.keys[before] in ("with", "without")):
            return False
        # a name counts when the phrase ends in it ("Tom Berg", not "Tom Berg stood by his")
        return phrase.form != "name" or view.chunk_of[phrase.last] == -1

    def _opens_sentence(self, cue: int, lo: int) -> bool:
        """Whether a participle cue opens its sentence ("Citing", "In defending", "Asked")."""
        return cue == lo or (cue == lo + 1 and self.view.keys[lo] in _PARTICIPLE_OPENERS)

    def _subject_after_participle(self, first: int, hi: int) -> Phrase | None:
        view = self.view
        start = main_clause_start(view, first, min(hi, first + 2 * INSERTION_MAX))
        if start is None:
            return None
        phrase = phrase_after(view, start, hi)
        if phrase is None or view.keys[phrase.first] in ("it", "there"):
            return None
        for i in range(phrase.first + 1, phrase.last + 1):
            if i in self.cue_firsts:  # "Citing X, the mayor said": "said" is no part of it
                phrase.last = i - 1
                break
        return without_verb(view, phrase)

    def _inverted_subject(self, phrase: Phrase, hi: int) -> bool:
        """ "said Smith", "said he": the clause ends after the phrase (or an adverbial or a
        relative clause follows); in "said members will help" the phrase is the content's
        subject instead."""
        view = self.view
        after = phrase.last + 1
        if phrase.form == "pronoun" and view.keys[phrase.first] not in ("he", "she", "they"):
            return False
        if after >= hi or not view.word(after):
            return True
        key = view.keys[after]
        return phrase.form != "pronoun" and (key in ADVERBIAL_STARTS or key in _RELATIVES)

    def _separate_clause(self, cue_last: int, following: int) -> bool:
        """Whether the next attribution, starting at token ``following``, ends this one's
        content ("X said A, while Y said B") rather than sitting inside it."""
        tokens = self.view.tokens
        if following <= cue_last + 1 or following >= len(tokens):
            return False
        if tokens[cue_last].sentence_id != tokens[following].sentence_id:
            return False
        if following == cue_last + 2 and self.view.keys[cue_last + 1] == ",":
            return False  # "Still, he said, officials have to decide": it is his content
        return self.view.keys[following - 1] in _CLAUSE_BREAKS or self.source.closes_quote(
            following - 1
        )

    def _assign_quote_claims(self, found: list[Found]) -> None:
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

    def _speech_noun_attributions(self) -> list[Found]:
        """ "in his words", "Lavrov's remarks", "Lavrov made three points"."""
        view = self.view
        found = []
        for i, tag in enumerate(view.tags):
            if tag != "speech_noun" or self.quote_of[i] != -1:
                continue
            if i > 0 and view.tags[i - 1] == "speech_noun":
                continue
            item = self._possessed_speech(i) or self._made_speech(i) or self._speech_from(i)
            if item is not None:
                found.append(item)
        return found

    def _possessed_speech(self, noun: int) -> Found | None:
        view = self.view
        lo, hi = view.bounds(noun)
        owner = noun - 1
        while owner >= lo and owner >= noun - 3 and view.keys[owner] not in _OWNERS:
            modifier = view.content_word(owner) or is_noun_modifier(view.keys[owner])
            if not modifier or view.chunk_of[owner] != -1:  # "the mayor's earlier claim"
                break
            owner -= 1
        if owner < lo:
            return None
        if view.keys[owner] == "'s" and owner - 1 >= lo:
            phrase = self.subjects.source_before(owner - 1, lo)
        elif view.keys[owner] in ("his", "her", "their", "its"):
            phrase = self.subjects.owner_phrase(owner, lo)
        else:
            return None
        if phrase is None or not (
            phrase.form in ("name", "possessive") or names_source(view, phrase)
        ):  # "Beck's contention", "the committee's conclusion"; not "the economy's response"
            return None
        item = self._noun_item(noun, noun, phrase)
        nxt = noun + 1
        that = self._that_after_noun(nxt, hi)
        if nxt < hi and view.keys[nxt] == ",":
            quote = self.source.opens_quote(nxt + 1)
            if quote is not None:
                item.children = [Found(item.anchor, "after", quote=quote)]
                self.claimed.setdefault(quote, item)
            elif (
                owner - 1 == lo
                and view.keys[lo] in ("in", "to")
                and (view.keys[nxt + 1] not in _RELATIVES if nxt + 1 < hi else False)
            ):
                clause = self.content.clause(nxt + 1, hi)
                item.content = clause[1] if clause else None
        elif that is not None:
            clause = self.content.clause(that + 1, hi)
            item.content = clause[1] if clause else None
        else:
            item.content = self.content.topic(nxt, hi)  # "his remarks on trade"
        return item

    def _that_after_noun(self, i: int, hi: int) -> int | None:
        """The "that" opening what a noun of speech says, at token ``i`` or after a time
        ("Trump's assertion Monday that", "his claim on Friday that") or a copula ("Beck's
        contention was that")."""
        keys = self.view.keys
        if i + 2 < hi and keys[i] in TIME_PREPOSITIONS and keys[i + 1] in TIME_WORDS:
            i += 2
        elif i + 1 < hi and (keys[i] in TIME_WORDS or keys[i] in ("is", "was")):
            i += 1
        return i if i < hi and keys[i] == "that" else None

    def _speech_from(self, noun: int) -> Found | None:
        """ "criticism from rivals that ...", "a warning from officials about ...": the
        speaker follows "from", the content follows the speaker."""
        view = self.view
        hi = view.bounds(noun)[1]
        if noun + 2 >= hi or view.keys[noun + 1] != "from":
            return None
        phrase = phrase_after(view, noun + 2, hi)
        if phrase is None or not names_source(view, phrase):
            return None  # "criticism from the start"
        item = self._noun_item(noun, noun, phrase)
        that = self._that_after_noun(phrase.last + 1, hi)
        if that is not None:
            clause = self.content.clause(that + 1, hi)
            item.content = clause[1] if clause else None
        else:  # "criticism from Clinton about"
            item.content = self.content.topic(phrase.last + 1, hi)
        return item

    def _made_speech(self, noun: int) -> Found | None:
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
        subject, passive, _ = self.subjects.subject_before(verb, lo)
        if subject is None or passive:
            return None
        item = self._noun_item(verb, noun, subject)
        after = self.content.forward(noun + 1, hi)
        if after is not None and after[0] == "quote":
            if after[1] not in self.claimed:
                self.claimed[after[1]] = item
                item.children = [Found(item.anchor, "after", quote=after[1])]
        elif after is not None:
            item.content = after[1]
        return item

    def _noun_item(self, first: int, last: int, phrase: Phrase) -> Found:
        view = self.view
        return Found(
            view.tokens[min(first, phrase.first)].start,
            "indirect",
            phrase=phrase,
            cue=(first, last),
            sentence_id=view.tokens[first].sentence_id,
        )

    # -- quotes inside reported content ---------------------------------------------

    def _claim_quotes_in_content(self, found: list[Found]) -> None:
        """Quoted words inside reported content are the speaker's own words."""
        starts = [q.start for q in self.source.quotes]
        for item in found:
            if item.content is None or not item.reported:
                continue
            start, end = item.content
            for index in range(bisect_left(starts, start), bisect_left(starts, end)):
                if index not in self.claimed and self.source.quotes[index].end <= end + 1:
                    self.claimed[index] = item
                    item.children.append(Found(item.anchor, "inside", quote=index))

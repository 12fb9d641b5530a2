"""Attributions: cues and nouns of speech, with the speaker phrase and content of each.

Cues come from the packaged ``cue_verbs`` lexicon, matched in one pass. For each cue the
speaker phrase is read before it ("Lavrov said", "an activist who insinuated", "X, who
..., said"), or after it ("said Lavrov", "according to X"); a participle shares its
sentence's subject (", saying that"). The content is left to
:class:`~framing.sources.reported_content.ReportedContent`. Nouns of speech give the same
("in his words", "Lavrov's remarks", "Lavrov made three points"). Each quote goes to at
most one attribution; :func:`find_attributions` adds the quotes no attribution claimed.
"""

from __future__ import annotations

from bisect import bisect_left

from framing.sources.colon_speakers import headline_attributions
from framing.sources.context import Found, SourceText, cue_lexicon
from framing.sources.cue_forms import is_noun_modifier, is_verb_use
from framing.sources.gender import first_name_gender, noun_gender, plural_head, title_gender
from framing.sources.grammar_words import (
    ADVERBIAL_STARTS,
    DASHES,
    POSSESSIVES,
    SUBJECT_PRONOUNS,
    TIME_SPANS,
    TIME_WORDS,
    is_adverb,
    is_interjection,
    word_set,
)
from framing.sources.reported_content import ReportedContent
from framing.sources.speakers import (
    SPEAKER_PREPOSITIONS,
    Phrase,
    main_clause_start,
    names_source,
    phrase_after,
    phrase_before,
    without_verb,
)
from framing.sources.speech_act import CATENATIVES, denies, is_conditional, speech_act
from framing.text import Match, inflection_candidates

__all__ = ["find_attributions"]

INSERTION_MAX = 30  # tokens of a comma-bracketed insertion ("X, who ..., said")
MAX_INSERTIONS = 4  # comma-separated insertions between a speaker and a cue ("X, 59, of Y, Md.,")
RELATIVE_MAX = (
    8  # tokens of a relative clause before a cue ("an official who asked not to be named said")
)

_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s"})
_SKIP_BEFORE_CUE = word_set(
    "has have had having is are was were be been being will would could can may might must "
    "should shall did does do also later then again previously once further reportedly "
    "allegedly not n't 't never himself herself itself themselves too just first almost "
    "immediately soon often always still already even now 's 're 'm 've 'd 'll doesn didn "
    "don isn wasn aren weren hasn haven hadn won wouldn couldn shouldn ca mustn needn long "
    "together both all each yet twice thrice more less"
)
_PARTICIPLE_OPENERS = word_set("in while after by when before since upon")
# Words after which a participle cue shares the clause's subject (", saying", "while chanting").
_PARTICIPLE_LINKS = word_set(", and by while when after before without as then")
_TIME_PREPOSITIONS = word_set("on in at last this early late for over")
MAX_REFUSAL_GAP = 2  # tokens between a refusal and its "to" ("declined at first to say")
MAX_VERB_GROUP = 8  # tokens between a speaker and a cue ("has not yet been able to")
_INSERTION_STARTS = word_set(
    "who which whose a an the his her its their speaking writing asked citing however through "
    "meanwhile though too also in on at during after before for when while like now then "
    "according who's one some many most two several"
)
_CLAUSE_BREAKS = frozenset({",", ";", "and", "but", "while", "whereas", "—", "–", "(", ")"})
_RELATIVES = frozenset({"which", "who", "whose", "whom", "where", "when"})
_FOCUS_WORDS = word_set("even also only and but yet so still as")  # before a clause's subject
# Words that end a passive cue's agent: what the speech was for or as ("by X for his remarks").
_AGENT_ENDS = word_set("as for over because after during amid")
_OWNERS = frozenset({"'s", "his", "her", "their", "its"})
# Words that open what a possessed noun of saying was about ("his support of", "her call for").
_NOUN_COMPLEMENTS = word_set("of for on to against about over that")
_OBJECT_BEFORE = word_set("to for with around near behind about against from of like")


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
        subject, passive, group = self._subject_before(match.first, lo)
        item.passive = passive
        opener = (subject.first if subject is not None else match.first) - 1
        item.speech_act = speech_act(group, opener >= lo and is_conditional(view.keys[opener]))
        if denies(view.keys[match.first]):
            item.speech_act = "negated"  # "declined to comment": the comment never came
        if passive:
            by = match.last + 1
            if by < hi and view.keys[by] == "by":
                item.phrase = self._agent_after(by + 1, hi)
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
            by = match.last + 1
            if by < hi and view.keys[by] == "by":
                item.phrase = self._agent_after(by + 1, hi)
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
        bare_participle = view.keys[match.first].endswith("ing") and not _BE.intersection(group)
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
            previous >= lo and view.keys[previous] in _BE
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
        if not view.keys[cue].endswith("ing") or cue - 1 < lo or view.keys[cue - 1] in _BE:
            return None
        relative = self._relative_pronoun_before(cue - 1, lo, INSERTION_MAX)
        return self._antecedent(relative, lo) if relative is not None else None

    def _agent_after(self, first: int, hi: int) -> Phrase | None:
        """The agent after a passive cue's "by", without what follows it: "was criticized
        by union leaders as reckless", "was attacked by Hillary Clinton for his remarks"
        ("a spokesman for the campaign" keeps its "for", "the spokesman for its cost" not)."""
        view = self.view
        phrase = phrase_after(view, first, hi)
        if phrase is None:
            return None
        for i in range(phrase.first + 1, phrase.last + 1):
            key = view.keys[i]
            after_name = view.chunk_of[i - 1] != -1 or view.keys[i + 1] in POSSESSIVES
            if key in _AGENT_ENDS and (key != "for" or after_name):
                phrase.last = i - 1
                break
        named = phrase.form in ("pronoun", "name") or view.noun_tag(phrase.first, phrase.last)
        return phrase if named else None  # "was attacked by a dog": no speaker

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

    def _subject_before(self, cue_first: int, lo: int) -> tuple[Phrase | None, bool, list[str]]:
        """The subject of a cue, read backwards; whether the cue is passive; and the keys of
        the verb group skipped on the way ("did not", "refused to")."""
        view = self.view
        i = cue_first - 1
        passive = catenated = False
        group: list[str] = []
        for _ in range(MAX_VERB_GROUP):
            if i < lo or self.quote_of[i] != -1:
                break
            key = view.keys[i]
            if key in _SKIP_BEFORE_CUE or is_adverb(key):
                passive = passive or (key in _BE and not catenated and not self._has(i))
                group.append(key)
                i -= 1
            elif key == "," and self._interjection_start(i, lo) is not None:
                i = self._interjection_start(i, lo) - 1  # "has, so far, refused"
            elif key in TIME_WORDS and i - 1 >= lo:
                i -= 1  # "The Times on Saturday wrote"
                while i >= lo and view.keys[i] in _TIME_PREPOSITIONS:
                    i -= 1
            elif key in TIME_SPANS and self._time_phrase_start(i, lo) is not None:
                i = self._time_phrase_start(i, lo) - 1  # "has in the past said", "for years"
            elif (
                key == "to"
                and i - 2 >= lo
                and view.keys[i - 1] == "not"
                and _catenative(view.keys[i - 2])
            ):
                group.extend(("to", "not", view.keys[i - 2]))
                i -= 3  # "have chosen not to respond", "decided not to say"
                catenated = True
            elif key == "to" and i - 1 >= lo and _catenative(view.keys[i - 1]):
                group.extend(("to", view.keys[i - 1]))
                i -= 2  # "declined to comment", "is expected to announce"
                if view.keys[i + 1] == "on" and i >= lo:
                    group.append(view.keys[i])
                    i -= 1  # "went on to say"
                catenated = True  # "is expected to say": the subject is active
            else:
                break
        if passive and not view.keys[cue_first].endswith("ing"):
            # the phrase before a passive verb group is its patient, not its speaker
            patient = phrase_before(view, i, lo) if i >= lo and self.quote_of[i] == -1 else None
            return patient, True, group
        if i < lo or self.quote_of[i] != -1:
            return None, False, group
        key = view.keys[i]
        if key == "whom" and i - 1 >= lo and view.keys[i - 1] == "of":
            phrase = phrase_before(view, i, lo)  # "relatives, many of whom say"
            if phrase is not None:
                phrase.relative = i
            return phrase, False, group
        if key in ("who", "which") and i - 1 >= lo and view.keys[i - 1] == "and":
            earlier = self._earlier_relative(i - 1, lo)
            phrase = self._antecedent(earlier, lo) if earlier is not None else None
            if phrase is not None:  # "Cruz, who threatened ..., and who has been hoping"
                phrase.relative = i
                return phrase, False, group
        if key in ("who", "which", "that"):  # "Cruz, who said", "the polls that show"
            return self._antecedent(i, lo), False, group
        if key == ",":
            return self._before_insertion(i, lo), False, group
        if key in DASHES:
            return self._before_dashes(i, lo), False, group
        coordinated = key == "and"  # "The senator who made enemies and bragged about it"
        relative = self._relative_pronoun_before(
            i, lo, INSERTION_MAX if coordinated else RELATIVE_MAX
        )
        if relative is not None:  # "An official who asked not to be named said"
            phrase = self._antecedent(relative, lo)
            if (
                phrase is not None
                and not coordinated
                and view.keys[relative - 1] not in (",", *DASHES)
            ):
                phrase.relative = -1  # the cue is the main verb, its subject the antecedent
            return phrase, False, group
        owner = self._owner_before(i, lo) if i == cue_first - 1 else None
        if owner is not None:  # "his early-morning tweets": a noun cue, its owner the speaker
            return self._owner_phrase(owner, lo), False, group
        phrase = phrase_before(view, i, lo, subject=True)
        return (phrase if phrase is None or phrase.form != "possessive" else None), False, group

    def _has(self, i: int) -> bool:
        """Whether token ``i`` is an "'s" that reads as "has" before a cue ("who's called
        for", "she's argued"), not as "is" ("it's said")."""
        view = self.view
        return view.keys[i] == "'s" and i > 0 and view.keys[i - 1] in ("who", "he", "she")

    def _interjection_start(self, comma: int, lo: int) -> int | None:
        """The opening comma of an interjection inside a verb group that closes at
        ``comma`` ("has, so far, refused", "would, however, say"), else None."""
        keys = self.view.keys
        opening = next(
            (j for j in range(comma - 1, max(lo, comma - 5) - 1, -1) if keys[j] == ","), -1
        )
        if opening <= lo or keys[opening - 1] not in _SKIP_BEFORE_CUE:
            return None
        return opening if is_interjection(keys[opening + 1 : comma]) else None

    def _time_phrase_start(self, noun: int, lo: int) -> int | None:
        """Where "in the past", "for years", "at times" starts, ending at token ``noun``."""
        keys = self.view.keys
        if (
            noun - 2 >= lo
            and keys[noun - 1] in ("the", "recent")
            and keys[noun - 2] in _TIME_PREPOSITIONS
        ):
            return noun - 2
        if noun - 1 >= lo and keys[noun - 1] in _TIME_PREPOSITIONS:
            return noun - 1
        return None

    def _owner_before(self, i: int, lo: int) -> int | None:
        """A possessive determiner before one or two modifiers that end at token ``i``, or
        right before a cue that is no noun of speech ("his support of the loophole")."""
        view = self.view
        for j in range(i, max(lo, i - 2) - 1, -1):
            if view.keys[j] in POSSESSIVES:
                if j != i:
                    return j
                return j if self._possessed_cue_noun(i + 1) else None
            if not view.content_word(j) or view.chunk_of[j] != -1 or view.tags[j] is not None:
                return None  # "Their leaders support": the leaders speak, not "their"
        return None

    def _source_before(self, last: int, lo: int) -> Phrase | None:
        """The phrase ending at token ``last`` (before a possessive 's or a relative
        pronoun), or the person's name that ends it when the longer phrase names no source
        ("a fact-check on Donald Trump's claim", "their support against Trump, who")."""
        view = self.view
        phrase = phrase_before(view, last, lo)
        if phrase is not None and (phrase.form == "name" or names_source(view, phrase)):
            return phrase
        chunk = view.chunk_of[last]
        if chunk != -1 and view.chunks[chunk].last == last and view.chunks[chunk].kind == "person":
            return Phrase(max(view.chunks[chunk].first, lo), last, "name", chunk)
        return phrase

    def _owner_phrase(self, owner: int, lo: int) -> Phrase:
        """The speaker of a noun of speech owned by "his"/"her"/"their": the subject of its
        clause when a verb of no saying joins them ("Sanders has toned down his criticism",
        "She escalated her attacks"), else the possessive itself ("Clinton attacked his
        remarks": the remarks are someone else's)."""
        view = self.view
        j = owner - 1  # a verb stands between ("Given his", "Contrary to his": no subject)
        while j >= lo and owner - j <= MAX_VERB_GROUP and self.quote_of[j] == -1:
            if j in self.cue_firsts or not view.word(j):
                break
            if (
                view.chunk_of[j] != -1
                or view.keys[j] in SUBJECT_PRONOUNS
                or view.noun_tag(j, j)
                or (j == lo and self._opening_name(j))
            ):
                verb = any(view.keys[k] not in SPEAKER_PREPOSITIONS for k in range(j + 1, owner))
                subject = phrase_before(view, j, lo) if verb else None
                if subject is not None and self._owns(subject, view.keys[owner], lo):
                    return subject
                break
            j -= 1
        return Phrase(owner, owner, "possessive")

    def _opening_name(self, i: int) -> bool:
        """Whether the first word of a sentence may be a one-word name ("Sanders has"), not
        an adverb or a time ("Instead", "Today")."""
        view = self.view
        key = view.keys[i]
        return (
            view.capitalised(i)
            and view.content_word(i)
            and not is_adverb(key)
            and key not in ADVERBIAL_STARTS
            and key not in TIME_WORDS
        )

    def _owns(self, subject: Phrase, possessive: str, lo: int) -> bool:
        """Whether a clause's subject agrees with the possessive after its verb and opens
        its clause ("Latino Republicans ... their", "Mr. Putin ... his"; not "she ... his")."""
        view = self.view
        keys = view.keys[subject.first : subject.last + 1]
        wanted = POSSESSIVES[possessive]
        if subject.form == "pronoun":
            agrees = SUBJECT_PRONOUNS.get(keys[0]) == wanted
        elif wanted == "p":
            agrees = plural_head(keys[-1])  # "Latino Republicans", "critics"
        else:  # a name's final "s" is no plural ("Sanders")
            gender = title_gender(keys) or noun_gender(keys) or first_name_gender(keys[0])
            singular = view.capitalised(subject.last) or not plural_head(keys[-1])
            agrees = wanted != "n" and gender in (None, wanted) and singular
        return agrees and self._heads_subject(subject, lo)

    def _possessed_cue_noun(self, cue: int) -> bool:
        """Whether a cue right after "his" is a noun reporting what was said: its complement
        follows ("his support of the loophole", "its attacks on troops"). A noun of speech
        is read as one ("his claims": _possessed_speech); "his repeated attempts" holds an
        adjective, "their shows rose" a noun of another sense."""
        view = self.view
        if view.tags[cue] == "speech_noun" or view.keys[cue].endswith("ed"):
            return False
        if view.keys[cue - 1] == "her" and cue >= 2 and view.keys[cue - 2] in _OBJECT_BEFORE:
            return False  # "Those close to her say that": "her" is an object, "say" a verb
        return cue + 1 < len(view.keys) and view.keys[cue + 1] in _NOUN_COMPLEMENTS

    def _relative_pronoun_before(self, i: int, lo: int, reach: int) -> int | None:
        """A "who" at most ``reach`` words before token ``i`` in the same clause, opening
        the relative clause that ends at the cue; the speaker stands before it."""
        view = self.view
        for j in range(i, max(lo, i - reach) - 1, -1):
            inside_word = view.keys[j] == "'s" or view.chunk_of[j] != -1  # "city's", "Mr."
            if self.quote_of[j] != -1 or not (view.word(j) or inside_word):
                return None  # a quote or punctuation: the clause began after it
            if view.keys[j] == "who" and j - 1 >= lo:
                return j if j != i else None
        return None

    def _antecedent(self, relative: int, lo: int) -> Phrase | None:
        """The phrase a relative pronoun refers to ("Karen Weaver, who"), the pronoun kept
        as the cue's subject as written."""
        view = self.view
        j = relative - 1
        if j > lo and view.keys[j] in (",", *DASHES):
            j -= 1
        if j > lo and view.keys[j] == view.keys[j + 1] == "-":
            j -= 1  # "the study -- which notes": "--" comes as two hyphens
        phrase = self._source_before(j, lo)
        if phrase is not None:
            phrase.relative = relative
        return phrase

    def _earlier_relative(self, conjunction: int, lo: int) -> int | None:
        """The "who" or "which" of the first relative clause before "and who": in "Cruz,
        who threatened to ..., and who has been hoping" both refer to Cruz."""
        view = self.view
        for j in range(conjunction - 1, max(lo, conjunction - 2 * INSERTION_MAX) - 1, -1):
            if self.quote_of[j] != -1:
                return None
            if view.keys[j] in ("who", "which") and j - 1 >= lo:
                return j
        return None

    def _before_insertion(self, comma: int, lo: int) -> Phrase | None:
        """The phrase before comma-bracketed insertions: "Lavrov, Russia's top diplomat,
        said", "Donna Reed, 59, of Ashton, Md., who watched it, said"."""
        view = self.view
        end = comma
        for _ in range(MAX_INSERTIONS):
            j = end - 1
            while j >= lo and end - j <= INSERTION_MAX and self.quote_of[j] == -1:
                if view.keys[j] == ",":
                    break
                j -= 1
            if j < lo or view.keys[j] != "," or j + 1 >= end or not self._opens_insertion(j + 1):
                return None
            if j - 1 > lo and view.keys[j - 1] in ("who", "which"):
                # "Stephens, who, after trading insults with Hannity, said": the insertion
                # sits inside the relative clause, whose pronoun is the cue's subject
                return self._antecedent(j - 1, lo)
            phrase = phrase_before(view, j - 1, lo)
            if phrase is not None and self._heads_subject(phrase, lo):
                named = self._name_filling(j + 1, comma - 1)
                role_head = view.chunk_of[phrase.last] == -1 and view.tags[phrase.last] in (
                    "role",
                    "anonymous",
                )  # "Ms. Merkel's spokesman, Steffen Seibert, said"
                if named is not None and (phrase.form == "noun" or role_head):
                    # "A lawyer for the family, Ben Crump, said": the name is the speaker
                    named.appositive = (phrase.first, phrase.last)
                    return named
                phrase.appositive = (j + 1, comma - 1)
                return phrase
            end = j
        return None

    def _before_dashes(self, dash: int, lo: int) -> Phrase | None:
        """The phrase before a dash-bracketed insertion: "Insiders in two states — Ohio and
        Iowa — said", "Kall -- co-editor of a book -- said"."""
        view = self.view
        if dash - 1 > lo and view.keys[dash - 1] == view.keys[dash] == "-":
            dash -= 1  # "--" comes as two hyphens
        j = dash - 1
        while j > lo and dash - j <= INSERTION_MAX and self.quote_of[j] == -1:
            if view.keys[j] in DASHES:
                break
            j -= 1
        if j <= lo or view.keys[j] not in DASHES or view.keys[j] != view.keys[dash]:
            return None
        if view.keys[j] == "-" and view.keys[j - 1] == "-":
            j -= 1
        if j - 1 > lo and view.keys[j - 1] in ("who", "which"):
            return self._antecedent(j - 1, lo)  # "the ad, which — as Chait noted — promises"
        phrase = phrase_before(view, j - 1, lo)
        if phrase is None or not self._heads_subject(phrase, lo):
            return None
        phrase.appositive = (j + 1, dash - 1)
        return phrase

    def _name_filling(self, first: int, last: int) -> Phrase | None:
        """A person's name chunk that makes up the whole of tokens ``[first, last]``."""
        view = self.view
        chunk_id = view.chunk_of[first]
        if chunk_id == -1:
            return None
        chunk = view.chunks[chunk_id]
        if chunk.first != first or chunk.last != last or chunk.kind != "person":
            return None
        return Phrase(first, last, "name", chunk_id)

    def _opens_insertion(self, i: int) -> bool:
        """Whether token ``i`` can open an appositive or a relative clause after a comma."""
        view = self.view
        key = view.keys[i]
        return (
            key in _INSERTION_STARTS
            or key in ("of", "from", "at")
            or is_adverb(key)
            or key[0].isdigit()
            or view.capitalised(i)
            or key.endswith(("ing", "ed"))
            or view.content_word(i)
        )

    def _heads_subject(self, phrase: Phrase, lo: int) -> bool:
        """Whether a phrase before an insertion opens its clause (so it is the subject)."""
        view = self.view
        if all(
            view.keys[i][0].isdigit() or not view.word(i)
            for i in range(phrase.first, phrase.last + 1)
        ):
            return False  # "59" in "Donna Reed, 59, of Ashton"
        before = phrase.first - 1
        while before >= lo and view.keys[before] in _FOCUS_WORDS:
            before -= 1  # "Even Rendell, a stalwart supporter, said"
        return (
            before < lo
            or view.keys[before] in (",", "and", "but", ";", ":", "—", "–", "(")
            or self.source.closes_quote(before)
        )

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
            phrase = self._source_before(owner - 1, lo)
        elif view.keys[owner] in ("his", "her", "their", "its"):
            phrase = self._owner_phrase(owner, lo)
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
        if i + 2 < hi and keys[i] in _TIME_PREPOSITIONS and keys[i + 1] in TIME_WORDS:
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
        subject, passive, _ = self._subject_before(verb, lo)
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


def _catenative(key: str) -> bool:
    """Whether ``key`` takes a to-infinitive cue ("declined to comment", "went on to say")."""
    return key in ("on", "went", "gone", "has", "had") or any(
        candidate in CATENATIVES for candidate in inflection_candidates(key)
    )

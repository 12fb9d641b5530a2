"""The subject of a cue, read backwards from it.

``CueSubjects.subject_before`` walks back from a cue over its verb group ("has not yet
been able to", "declined to", "has, so far,"), times ("on Saturday") and insertions
("Lavrov, Russia's top diplomat, said"; "Kall -- co-editor of a book -- said"; "Donna
Reed, 59, of Ashton, Md., who watched it, said") to the phrase that says it, and tells
whether the cue is passive. It also finds the antecedent of a relative pronoun ("an
official who asked", "Mr. Ridley, who ..., and who") and the owner of a possessed noun of
speech ("his criticism", "Beck's contention").
"""

from __future__ import annotations

from framing.sources.context import SourceText
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
from framing.sources.speakers import (
    SPEAKER_PREPOSITIONS,
    Phrase,
    names_source,
    phrase_before,
)
from framing.sources.speech_act import CATENATIVES
from framing.text import inflection_candidates

__all__ = ["BE", "INSERTION_MAX", "TIME_PREPOSITIONS", "CueSubjects"]

INSERTION_MAX = 30  # tokens of a comma-bracketed insertion ("X, who ..., said")
MAX_INSERTIONS = 4  # comma-separated insertions between a speaker and a cue ("X, 59, of Y, Md.,")
RELATIVE_MAX = (
    8  # tokens of a relative clause before a cue ("an official who asked not to be named said")
)
BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s"})
_SKIP_BEFORE_CUE = word_set(
    "has have had having is are was were be been being will would could can may might must "
    "should shall did does do also later then again previously once further reportedly "
    "allegedly not n't 't never himself herself itself themselves too just first almost "
    "immediately soon often always still already even now 's 're 'm 've 'd 'll doesn didn "
    "don isn wasn aren weren hasn haven hadn won wouldn couldn shouldn ca mustn needn long "
    "together both all each yet twice thrice more less"
)
TIME_PREPOSITIONS = word_set("on in at last this early late for over")
MAX_VERB_GROUP = 8  # tokens between a speaker and a cue ("has not yet been able to")
_INSERTION_STARTS = word_set(
    "who which whose a an the his her its their speaking writing asked citing however through "
    "meanwhile though too also in on at during after before for when while like now then "
    "according who's one some many most two several"
)
_FOCUS_WORDS = word_set("even also only and but yet so still as")  # before a clause's subject
# Words that open what a possessed noun of saying was about ("his support of", "her call for").
_NOUN_COMPLEMENTS = word_set("of for on to against about over that")
_OBJECT_BEFORE = word_set("to for with around near behind about against from of like")


class CueSubjects:
    """The subjects of one document's cues; ``cue_firsts`` are the first tokens of all cues."""

    def __init__(self, source: SourceText, cue_firsts: set[int]) -> None:
        self.source = source
        self.view = source.view
        self.quote_of = source.quote_of
        self.cue_firsts = cue_firsts

    def subject_before(self, cue_first: int, lo: int) -> tuple[Phrase | None, bool, list[str]]:
        """The subject of a cue, read backwards (for a passive cue, its patient: "Trump" of
        "Trump was attacked by"); whether the cue is passive; and the keys of the verb group
        skipped on the way ("did not", "refused to")."""
        view = self.view
        i = cue_first - 1
        passive = catenated = False
        group: list[str] = []
        for _ in range(MAX_VERB_GROUP):
            if i < lo or self.quote_of[i] != -1:
                break
            key = view.keys[i]
            if key in _SKIP_BEFORE_CUE or is_adverb(key):
                passive = passive or (key in BE and not catenated and not self._has(i))
                group.append(key)
                i -= 1
            elif key == "," and (opening := self._interjection_start(i, lo)) is not None:
                i = opening - 1  # "has, so far, refused"
            elif key in TIME_WORDS and i - 1 >= lo:
                i -= 1  # "The Times on Saturday wrote"
                while i >= lo and view.keys[i] in TIME_PREPOSITIONS:
                    i -= 1
            elif key in TIME_SPANS and (start := self._time_phrase_start(i, lo)) is not None:
                i = start - 1  # "has in the past said", "for years"
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
            phrase = self.antecedent(earlier, lo) if earlier is not None else None
            if phrase is not None:  # "Cruz, who threatened ..., and who has been hoping"
                phrase.relative = i
                return phrase, False, group
        if key in ("who", "which", "that"):  # "Cruz, who said", "the polls that show"
            return self.antecedent(i, lo), False, group
        if key == ",":
            return self._before_insertion(i, lo), False, group
        if key in DASHES:
            return self._before_dashes(i, lo), False, group
        coordinated = key == "and"  # "The senator who made enemies and bragged about it"
        relative = self.relative_pronoun_before(
            i, lo, INSERTION_MAX if coordinated else RELATIVE_MAX
        )
        if relative is not None:  # "An official who asked not to be named said"
            phrase = self.antecedent(relative, lo)
            if (
                phrase is not None
                and not coordinated
                and view.keys[relative - 1] not in (",", *DASHES)
            ):
                phrase.relative = -1  # the cue is the main verb, its subject the antecedent
            return phrase, False, group
        owner = self._owner_before(i, lo) if i == cue_first - 1 else None
        if owner is not None:  # "his early-morning tweets": a noun cue, its owner the speaker
            return self.owner_phrase(owner, lo), False, group
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
            and keys[noun - 2] in TIME_PREPOSITIONS
        ):
            return noun - 2
        if noun - 1 >= lo and keys[noun - 1] in TIME_PREPOSITIONS:
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

    def source_before(self, last: int, lo: int) -> Phrase | None:
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

    def owner_phrase(self, owner: int, lo: int) -> Phrase:
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
        is read as one ("his claims", a possessed noun of speech); "his repeated attempts" holds an
        adjective, "their shows rose" a noun of another sense."""
        view = self.view
        if view.tags[cue] == "speech_noun" or view.keys[cue].endswith("ed"):
            return False
        if view.keys[cue - 1] == "her" and cue >= 2 and view.keys[cue - 2] in _OBJECT_BEFORE:
            return False  # "Those close to her say that": "her" is an object, "say" a verb
        return cue + 1 < len(view.keys) and view.keys[cue + 1] in _NOUN_COMPLEMENTS

    def relative_pronoun_before(self, i: int, lo: int, reach: int) -> int | None:
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

    def antecedent(self, relative: int, lo: int) -> Phrase | None:
        """The phrase a relative pronoun refers to ("Karen Weaver, who"), the pronoun kept
        as the cue's subject as written."""
        view = self.view
        j = relative - 1
        if j > lo and view.keys[j] in (",", *DASHES):
            j -= 1
        if j > lo and view.keys[j] == view.keys[j + 1] == "-":
            j -= 1  # "the study -- which notes": "--" comes as two hyphens
        phrase = self.source_before(j, lo)
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
                return self.antecedent(j - 1, lo)
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
            return self.antecedent(j - 1, lo)  # "the ad, which — as Chait noted — promises"
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


def _catenative(key: str) -> bool:
    """Whether ``key`` takes a to-infinitive cue ("declined to comment", "went on to say")."""
    return key in ("on", "went", "gone", "has", "had") or any(
        candidate in CATENATIVES for candidate in inflection_candidates(key)
    )

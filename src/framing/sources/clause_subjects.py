"""The subject a clause shares with a cue that has none of its own.

A participle ("..., promising to fight"), a second verb ("and accusing him") or a quote
with no cue in its sentence is said by the sentence's main subject: read past linking
words ("But then"), an opening adverbial or participle clause ("By Sunday afternoon",
"Speaking in Salem, New Hampshire,") and a phrase of time ("A few days later,"). When the
main subject cannot speak ("The fracas erupted after the tycoon entered the race, calling
them"), the nearest subject before the cue that can speak is taken, else nobody.
"""

from __future__ import annotations

from framing.sources.grammar_words import (
    ADVERBIAL_STARTS,
    DETERMINERS,
    TIME_SPANS,
    TIME_WORDS,
    is_adverb,
    word_set,
)
from framing.sources.speakers import (
    SPEAKER_PREPOSITIONS,
    Phrase,
    main_clause_start,
    names_source,
    phrase_after,
    phrase_before,
    without_verb,
)
from framing.sources.token_view import NOUN_TAGS, TokenView

__all__ = ["ClauseSubjects"]


class ClauseSubjects:
    """Finds the subject of the clause around a cue, over one document's tokens."""

    def __init__(self, view: TokenView) -> None:
        self.view = view

    def sentence_subject(self, cue: int) -> Phrase | None:
        """The subject a participle shares with its sentence: "Trump spoke ..., promising".

        "The fracas erupted after the tycoon entered the race, calling them": the nearest
        subject that can speak, else nobody."""
        return self.main_subject(cue) or self._nearest_speaking_subject(
            self.view.bounds(cue)[0], cue
        )

    def main_subject(self, cue: int) -> Phrase | None:
        """The subject of the main clause before token ``cue``, when it names a source."""
        view = self.view
        j = view.bounds(cue)[0]
        while j < cue and view.keys[j] in _OPENING_LINKS:
            j += 1  # "But then Trump went on the attack, saying"
        opening = j < cue and (
            view.keys[j] in ADVERBIAL_STARTS
            or is_adverb(view.keys[j])
            or _participle(view, j)
            or self._time_opening(j, cue)
        )
        start = self._after_opening(j, cue) if opening else j
        phrase = phrase_after(view, start, cue) if start is not None else None
        if phrase is not None and view.keys[phrase.first] not in ("it", "there"):
            phrase = without_verb(view, phrase)
            if names_source(view, phrase):
                return phrase
        return None

    def _time_opening(self, first: int, cue: int) -> bool:
        """Whether a short phrase of time and a comma open the sentence ("A few days later,")."""
        view = self.view
        for i in range(first, min(cue, first + _OPENING_MAX)):
            if view.keys[i] == ",":
                return any(
                    view.keys[k] in TIME_SPANS or view.keys[k] in TIME_WORDS
                    for k in range(first, i)
                )
        return False

    def _nearest_speaking_subject(self, lo: int, cue: int) -> Phrase | None:
        """The phrase closest before token ``cue`` that names a source and stands before a
        lower-case word (its verb), not as the object of a preposition."""
        view = self.view
        for i in range(cue - 2, lo - 1, -1):
            following = view.keys[i + 1]
            candidate = (
                view.chunk_of[i] != -1
                or view.tags[i] in NOUN_TAGS
                or view.keys[i] in _MAIN_SUBJECTS
            )
            verb_next = (
                view.word(i + 1)
                and not view.capitalised(i + 1)
                and following not in _NOT_VERBS
                and following not in SPEAKER_PREPOSITIONS
            )
            if view.quote_of[i] != -1 or not candidate or not verb_next:
                continue
            phrase = phrase_before(view, i, lo, subject=True)
            if phrase is None or not names_source(view, phrase):
                continue
            if phrase.first - 1 >= lo and view.keys[phrase.first - 1] in SPEAKER_PREPOSITIONS:
                continue  # "harsh words about Mexican immigrants, calling them"
            return phrase
        return None

    def _after_opening(self, first: int, cue: int) -> int | None:
        """Where the main clause starts after an opening adverbial: the subject pronoun of
        "By Sunday afternoon she had", else the first comma after which a phrase is
        followed by its verb ("Speaking in Salem, New Hampshire, Trump went")."""
        view = self.view
        for i in range(first + 1, min(cue, first + _OPENING_MAX)):
            key = view.keys[i]
            if key in _MAIN_SUBJECTS and i > first + 1:
                return i  # "In 2015 he", not "After he arrived, X said"
            if not (
                view.capitalised(i) or key in TIME_WORDS or key in DETERMINERS or key[0].isdigit()
            ):
                break
        return main_clause_start(view, first + 1, cue)


# Words that link a sentence to the last before its subject or opening adverbial.
_OPENING_LINKS = word_set("but and yet so then still also")
# Lower-case words after a noun that are not its verb.
_NOT_VERBS = DETERMINERS | word_set("and or but nor who whom which that whose 's ' , ; :")
_OPENING_MAX = 8  # tokens of an opening "By Sunday afternoon" before its clause's subject
_MAIN_SUBJECTS = word_set("he she they we i")
# Words that follow a participle opening a clause ("Stung by", "Speaking to the crowd,").
_AFTER_OPENING_PARTICIPLE = word_set(
    "by with from to in on at for about over after into the a an his her their its ,"
)

# Words that open the question after "Asked" ("Asked whether the plan works, she said").
_QUESTION_WORDS = word_set("whether if how what why when who which")


def _participle(view: TokenView, i: int) -> bool:
    """A participle opening a sentence ("Chastened by the loss, Trump ...", "Stung by"),
    not a name."""
    following = view.keys[i + 1] if i + 1 < len(view.keys) else ""
    if view.chunk_of[i] == -1 and (is_adverb(following) or following in _QUESTION_WORDS):
        return view.keys[i].endswith(("ed", "ing"))  # "Asked whether", "Smiling broadly"
    if view.chunk_of[i] != -1 or following not in _AFTER_OPENING_PARTICIPLE:
        return False  # "Striking nurses marched": an adjective
    return following == "by" or (view.keys[i].endswith(("ed", "ing")) and len(view.keys[i]) > 4)

"""Speaker phrases: where a speaker is named, read backwards or forwards from a cue.

This module knows noun phrases, not attributions: :mod:`framing.sources` finds a cue
("said", "according to") and asks here for the phrase before it (:func:`phrase_before`:
"Lavrov said", "an activist who insinuated") or after it (:func:`phrase_after`: "said
Lavrov", "according to X"), over the tags of a :class:`~framing.sources.token_view.TokenView`.
A few rules of English noun-phrase shape decide where a phrase starts and ends
(determiners open a phrase, "of"/"for"/"with" continue one, clause words end it);
:mod:`framing.sources.coreference` then says who each phrase refers to.

No part of this parses syntax; the rules are heuristics with known limits (a speaker
inside a relative clause, coordinated speakers), chosen to be fast and explainable.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.sources.gender import plural_head
from framing.sources.grammar_words import (
    DETERMINERS,
    NP_PREPOSITIONS,
    OBJECT_PRONOUNS,
    PARTICIPLE_PREPOSITIONS,
    POSSESSIVES,
    QUANTIFIER_SOURCES,
    ROLE_MODIFIERS,
    SUBJECT_PRONOUNS,
    TIME_SPANS,
    is_adverb,
    word_set,
)
from framing.sources.token_view import NOUN_TAGS, TokenView

__all__ = [
    "SPEAKER_PREPOSITIONS",
    "Phrase",
    "main_clause_start",
    "names_source",
    "phrase_after",
    "phrase_before",
    "without_verb",
]

MAX_PHRASE = 12  # tokens of a speaker phrase at the most
# Quantities that head a speaker phrase before "of" or "in" ("half of them", "six in 10").
QUANTITIES = QUANTIFIER_SOURCES | word_set(
    "one two three four five six seven eight nine ten half none majority dozens hundreds "
    "thousands millions each"
)
# Abbreviations that end a name with their full stop.
NAME_ABBREVIATIONS = word_set("jr sr inc co corp ltd llc bros")
# Words that may stand before the first of two coordinated names ("Both X and Y said").
_BEFORE_CONJUNCTS = word_set("both and but while the")
MAX_WIDENINGS = 4  # prepositional phrases and conjuncts a speaker phrase takes in
# Prepositions whose object belongs to the noun before them ("critics of", "staff on").
SPEAKER_PREPOSITIONS = frozenset(
    {
        "of",
        "for",
        "at",
        "with",
        "from",
        "in",
        "on",
        "by",
        "to",
        "across",
        "inside",
        "near",
        "under",
        "within",
        "among",
        "throughout",
        "around",
        "behind",
        "outside",
        "against",
    }
)


@dataclass(slots=True)
class Phrase:
    """A speaker phrase: tokens ``[first, last]``.

    ``form`` is ``pronoun``, ``name`` (it holds a capitalised name chunk), ``possessive``
    (his/her/their) or ``noun`` (a common-noun phrase: "a senior official").
    ``appositive`` is the token range of a comma-bracketed description, if any;
    ``relative`` the relative pronoun ("who") that is the cue's subject as written, or -1;
    ``head`` the tokens of the head noun phrase when prepositional phrases follow it
    ("Staff" in "Staff on short-term contracts"); ``coordinated`` for "X and Y".
    """

    first: int
    last: int
    form: str
    chunk: int = -1
    appositive: tuple[int, int] | None = None
    relative: int = -1
    head: tuple[int, int] | None = None
    coordinated: bool = False


def phrase_before(view: TokenView, last: int, lo: int, *, subject: bool = False) -> Phrase | None:
    """The speaker phrase ending at token ``last`` (not reaching before token ``lo``).

    The phrase keeps what a reader keeps with it: prepositional phrases ("Staff on
    short-term contracts", "prosecutors in the county of Los Angeles") and coordinated
    names ("the University and College Union"), with the head noun phrase first. With
    ``subject`` (the phrase right before a cue verb), a phrase that is the object of a
    preposition with no noun before it is no speaker ("doing so from anti-Russian
    countries raises eyebrows"); an antecedent of "who" may be one ("confronted by an
    activist who insinuated").
    """
    phrase = _core_phrase_before(view, last, lo)
    if phrase is None or phrase.form not in ("name", "noun"):
        return phrase
    return _widen(view, phrase, lo, subject)


def _widen(view: TokenView, phrase: Phrase, lo: int, subject: bool) -> Phrase | None:
    """Extend a phrase leftwards over coordination and prepositions (an object of a
    preposition is not the subject: its head stands before the preposition)."""
    for step in range(MAX_WIDENINGS):
        joint, left_last = phrase.first - 1, phrase.first - 2
        if joint < lo or view.quote_of[joint] != -1:
            break
        key = view.keys[joint]
        if key in SPEAKER_PREPOSITIONS:
            # The phrase is the object of a preposition: the speaker is the noun before
            # it ("Staff on short-term contracts"), else a subject has none.
            no_head = None if subject and step == 0 else phrase
            if left_last < lo or view.quote_of[left_last] != -1:
                return no_head
            if key in ("of", "in") and _quantity(view.keys[left_last]):
                # "Six in 10 say", "most of them said": the quantity heads the phrase
                phrase = Phrase(left_last, phrase.last, "noun", head=(left_last, left_last))
                continue
            if view.keys[left_last] in ("and", "or") and step + 1 < MAX_WIDENINGS:
                # "observers in Virginia and around the country": a conjunct of the PP
                conjunct = _core_phrase_before(view, left_last - 1, lo)
                if conjunct is not None and conjunct.form in ("name", "noun"):
                    phrase = Phrase(conjunct.first, phrase.last, conjunct.form, conjunct.chunk)
                    continue
                return no_head
            if view.chunk_of[left_last] == -1 and view.keys[left_last].endswith(("ing", "ed")):
                # a participle: "officials speaking on condition of anonymity" takes the
                # noun before it; "was confronted by X" (no noun before) is no phrase
                left_last -= 1
            if left_last < lo or not view.content_word(left_last):
                return no_head
            left = _core_phrase_before(view, left_last, lo)
            if left is None or left.form not in ("name", "noun"):
                return no_head
            phrase = Phrase(
                left.first,
                phrase.last,
                left.form,
                left.chunk,
                head=left.head or (left.first, left.last),
            )
        elif (
            key in ("and", "&")
            and phrase.form == "name"
            and left_last >= lo
            and view.quote_of[left_last] == -1
            and view.chunk_of[left_last] != -1
        ):
            left = _name_phrase_before(view, view.chunk_of[left_last], lo)
            before = left.first - 1
            if before >= lo and view.word(before) and view.keys[before] not in _BEFORE_CONJUNCTS:
                break  # "They met in Paris and John Smith said": two clauses, not two names
            phrase = Phrase(left.first, phrase.last, "name", phrase.chunk, coordinated=True)
        else:
            break
    return phrase


def _quantity(key: str) -> bool:
    """A number or quantifier that can head a phrase of its own ("six", "10", "most")."""
    return key in QUANTITIES or key.replace(",", "").replace(".", "").isdigit()


def _core_phrase_before(view: TokenView, last: int, lo: int) -> Phrase | None:
    if last < lo or view.quote_of[last] != -1:
        return None
    key = view.keys[last]
    if (
        (key in ("them", "us", "those", "whom") or _quantity(key))
        and last - 1 >= lo
        and (view.keys[last - 1] == "of")
    ):  # "most of them", "many of whom", "a mother of three": the phrase goes on before "of"
        return Phrase(last, last, "noun")
    if (
        key in ("him", "her", "them")
        and last - 1 >= lo
        and view.keys[last - 1] in SPEAKER_PREPOSITIONS
    ):  # "those close to him", "people around her": the phrase goes on
        return Phrase(last, last, "noun")
    if key == ")":
        return _before_parenthesis(view, last, lo)
    if key == "." and _abbreviation_stop(view, last, lo):
        phrase = _name_phrase_before(view, view.chunk_of[last - 1], lo)
        phrase.last = last  # "James B. Comey Jr., the director, said"
        return phrase
    if key in SUBJECT_PRONOUNS:
        return Phrase(last, last, "pronoun")
    if key in POSSESSIVES:
        return Phrase(last, last, "possessive")
    if key in QUANTIFIER_SOURCES and (last == lo or not view.content_word(last - 1)):
        return Phrase(last, last, "noun")
    if not view.content_word(last):
        return None
    if view.chunk_of[last] != -1:
        return _name_phrase_before(view, view.chunk_of[last], lo)
    return _noun_phrase_before(view, last, lo)


def _abbreviation_stop(view: TokenView, stop: int, lo: int) -> bool:
    """Whether a full stop ends an abbreviation that closes a name ("Jr.", "Inc.")."""
    word = stop - 1
    return (
        word >= lo
        and view.chunk_of[word] != -1
        and view.chunks[view.chunk_of[word]].last == word
        and view.keys[word] in NAME_ABBREVIATIONS
        and view.tokens[word].end == view.tokens[stop].start
    )


def _before_parenthesis(view: TokenView, close: int, lo: int) -> Phrase | None:
    """ "Rep. Jim Jordan (R-Ohio)": the phrase before a short parenthesis, which it includes."""
    opening = close - 1
    while opening >= lo and close - opening <= 8 and view.keys[opening] != "(":
        opening -= 1
    if opening < lo or view.keys[opening] != "(":
        return None
    phrase = phrase_before(view, opening - 1, lo)
    if phrase is not None and phrase.form in ("name", "noun"):
        phrase.last = close
        return phrase
    return None


def _name_phrase_before(view: TokenView, chunk_id: int, lo: int) -> Phrase:
    chunk = view.chunks[chunk_id]
    first = max(chunk.first, lo)
    while first - 1 >= lo and view.quote_of[first - 1] == -1:
        previous = first - 1
        if view.tags[previous] in ("role", "anonymous", "honorific") or (
            view.keys[previous] in ROLE_MODIFIERS
        ):
            first = previous
        elif view.capitalised(previous) and view.tags[first] in ("role", "anonymous"):
            first = previous  # "Foreign Ministry spokeswoman Maria Zakharova"
            if view.chunk_of[first] != -1:
                first = max(view.chunks[view.chunk_of[first]].first, lo)
        elif view.keys[previous] == "'s" and previous - 1 >= lo and first < chunk.first:
            first = previous - 1  # "Clinton's campaign manager John Podesta"
            if view.chunk_of[first] != -1:
                first = max(view.chunks[view.chunk_of[first]].first, lo)
        else:
            break
    if first - 1 >= lo and view.keys[first - 1] in ("the", "a", "an"):
        first -= 1
    if _continues_across_preposition(view, first, lo):
        head = _noun_phrase_before(view, first - 2, lo)
        if head is not None and view.noun_tag(head.first, head.last) is not None:
            return Phrase(head.first, chunk.last, "noun")  # "a spokesman for the Kremlin"
    return Phrase(first, chunk.last, "name", chunk_id)


def _noun_phrase_before(view: TokenView, last: int, lo: int) -> Phrase | None:
    first = last
    while first - 1 >= lo and last - first < MAX_PHRASE and view.quote_of[first - 1] == -1:
        previous = first - 1
        key = view.keys[previous]
        if key in DETERMINERS or key in POSSESSIVES:
            first = previous
            if not _continues_across_preposition(view, first, lo):
                break
            first -= 1
        elif (
            key == "'s"
            or view.content_word(previous)
            or key in ("-", "‐")
            or _continues_across_preposition(view, first, lo)
        ):
            first = previous
        else:
            break
    if not any(view.word(i) and view.keys[i] not in DETERMINERS for i in range(first, last + 1)):
        return None
    if view.chunk_of[first] != -1:  # "Ms. Merkel's spokesman": the name comes whole
        first = max(view.chunks[view.chunk_of[first]].first, lo)
    return Phrase(first, last, "noun")


def _continues_across_preposition(view: TokenView, first: int, lo: int) -> bool:
    """Whether the phrase starting at ``first`` continues leftwards across a preposition."""
    preposition = first - 1
    head = first - 2
    if head < lo or view.quote_of[head] != -1:
        return False
    key = view.keys[preposition]
    if key in NP_PREPOSITIONS and (view.tags[head] in NOUN_TAGS or view.capitalised(head)):
        return True
    if key == "by" and view.tags[head] == "document":
        return True  # "a report by the Pentagon"
    if key == "in" and view.tags[head] in NOUN_TAGS:
        return True  # "officials in Moscow"
    return (
        key in PARTICIPLE_PREPOSITIONS
        and view.keys[head].endswith("ing")
        and head - 1 >= lo
        and view.content_word(head - 1)
    )


def phrase_after(
    view: TokenView, first: int, hi: int, *, stop_at_determiner: bool = True
) -> Phrase | None:
    """The phrase starting at token ``first`` (before token ``hi``): a subject or an object."""
    if first >= hi or view.quote_of[first] != -1:
        return None
    key = view.keys[first]
    if key in SUBJECT_PRONOUNS or key in OBJECT_PRONOUNS:
        return Phrase(first, first, "pronoun")
    if key == "that":
        return None
    last = first - 1
    j = first
    seen_content = False
    chunk = -1
    while j < hi and j - first < MAX_PHRASE and view.quote_of[j] == -1:
        key = view.keys[j]
        if view.chunk_of[j] != -1:
            chunk = view.chunk_of[j]
            last = j = min(view.chunks[chunk].last, hi - 1)
            j += 1
            seen_content = True
        elif key in DETERMINERS or key in POSSESSIVES:
            if seen_content and stop_at_determiner and view.keys[j - 1] not in NP_PREPOSITIONS:
                break
            j += 1
        elif key == "'s" and seen_content:
            last = j
            j += 1
        elif view.content_word(j):
            last = j
            j += 1
            seen_content = True
        elif key in NP_PREPOSITIONS and seen_content and j + 1 < hi and view.word(j + 1):
            j += 1
        else:
            break
    if not seen_content or last < first:
        return None
    if last + 1 < hi and view.keys[last + 1] == "(":
        close = last + 2
        while close < hi and close - last <= 8 and view.keys[close] != ")":
            close += 1
        if close < hi and view.keys[close] == ")":
            last = close  # "said Rep. Jim Jordan (R-Ohio)"
    form = "name" if chunk != -1 else "noun"
    return Phrase(first, last, form, chunk)


def main_clause_start(view: TokenView, first: int, hi: int) -> int | None:
    """The first token after a comma of ``[first, hi)`` where a phrase stands before its
    verb: the main clause's subject after an opening clause, past any commas inside it
    ("Speaking in Salem, New Hampshire, Trump went" gives "Trump")."""
    for i in range(first, hi):
        if view.keys[i] != ",":
            continue
        j = i + 1
        while j < hi and (view.keys[j] in ("however", ",") or is_adverb(view.keys[j])):
            j += 1
        phrase = phrase_after(view, j, hi)
        # not "Calif." of "In San Bernardino, Calif., a voice": an abbreviation in the opening
        if phrase is None or phrase.last + 1 >= hi:
            continue
        if view.keys[phrase.last + 1] not in (",", "."):
            return j
    return None


def without_verb(view: TokenView, phrase: Phrase) -> Phrase:
    """A subject read forwards up to its verb: "Trump unleashed ..." gives "Trump" (a
    lower-case word after a name or a speaker noun, or a past form, is the verb)."""
    for i in range(phrase.first + 1, phrase.last + 1):
        if view.keys[i - 1] in DETERMINERS:
            continue  # "The retired senator": a sentence-initial "The" is no name
        after_head = view.chunk_of[i - 1] != -1 or view.tags[i - 1] in NOUN_TAGS
        continues = view.capitalised(i) or view.keys[i] in ("'s", *NP_PREPOSITIONS)
        if (after_head and view.chunk_of[i] == -1 and not continues) or (
            view.keys[i].endswith("ed") and not view.capitalised(i)
        ):
            return _cut(view, phrase, i - 1)
    return phrase


def _cut(view: TokenView, phrase: Phrase, last: int) -> Phrase:
    """``phrase`` ending at token ``last``, with the name chunk still inside it: "Ann Lee"
    of "Ann Lee thanked Bob Hart" is Ann Lee's, not Bob Hart's."""
    chunks = [view.chunk_of[i] for i in range(phrase.first, last + 1) if view.chunk_of[i] != -1]
    chunk = chunks[-1] if chunks else -1
    form = phrase.form if phrase.form != "name" or chunk != -1 else "noun"
    return Phrase(phrase.first, last, form, chunk)


def names_source(view: TokenView, phrase: Phrase) -> bool:
    """Whether a phrase names someone who can speak: a name, a pronoun, a role, an official,
    a medium, a document or an organisation, or a short plural ("voters"), so that "the bill
    would raise taxes" and "the fracas erupted" have no speaker while "the senator" does."""
    head = view.keys[phrase.last]
    short_plural = phrase.last - phrase.first < 3 and plural_head(head) and head not in TIME_SPANS
    return (
        phrase.form in ("name", "pronoun")
        or (phrase.first == phrase.last and view.capitalised(phrase.first))  # "Beck, who"
        or view.noun_tag(*(phrase.head or (phrase.first, phrase.last))) is not None
        or (short_plural and view.keys[phrase.first] != "that")  # "voters", "delegates"
    )

"""Whether a cue reports speech that happened: ``reported``, ``negated`` or ``hypothetical``.

The verb group before a cue decides ("did not say", "refused to acknowledge", "might have
suggested", "is expected to announce"): :func:`speech_act` reads the words that
:mod:`framing.sources.attribution` skipped between the speaker and the cue. A negator or
a verb that denies its complement ("refuse", "decline", "fail") makes the speech
``negated``; a modal, a conditional or a verb of intention ("want", "plan", "expected
to") makes it ``hypothetical``; anything else is ``reported``. A cue that is itself such a
verb (:func:`denies`: "declined to comment", "refused the offer") reports a refusal, which
:mod:`framing.sources.attribution` marks ``negated`` too.
"""

from __future__ import annotations

from collections.abc import Iterable

from framing.sources.grammar_words import word_set
from framing.text import inflection_candidates

__all__ = ["CATENATIVES", "denies", "is_conditional", "speech_act"]

_NEGATORS = word_set("not 't never no neither nor cannot")
_DENYING = word_set("refuse decline fail avoid neglect")
_MODALS = word_set("may might could would should can will shall must 'd 'll ca wo")
_INTENDING = word_set(
    "want plan intend expect hope seek try aim prepare likely unlikely set poised due going "
    "threaten promise vow pledge"
)
_CONDITIONALS = word_set("if unless whether")
# Verbs and adjectives that take a to-infinitive cue after them ("went on to say",
# "declined to comment", "is expected to announce"); the subject stands before them.
CATENATIVES = frozenset(
    {*_DENYING, *_INTENDING}
    | word_set(
        "go continue begin began begun start choose chose chosen decide manage attempt offer "
        "need like prefer agree use have get able willing eager ready quick first last yet "
        "forced allowed appear seem tend rush move hasten"
    )
)


def speech_act(verb_group: Iterable[str], conditional: bool = False) -> str:
    """``negated``, ``hypothetical`` or ``reported`` from the keys of a cue's verb group.

    Parameters
    ----------
    verb_group : iterable of str
        Lower-case token keys between the speaker and the cue ("did", "not").
    conditional : bool
        Whether the clause opens with "if" or "unless".
    """
    keys = list(verb_group)
    lemmas = [set(inflection_candidates(k)) | {k} for k in keys]
    if any(k in _NEGATORS for k in keys) or any(lemma & _DENYING for lemma in lemmas):
        return "negated"
    if (
        conditional
        or any(k in _MODALS for k in keys)
        or any(lemma & _INTENDING for lemma in lemmas)
    ):
        return "hypothetical"
    return "reported"


def denies(key: str) -> bool:
    """Whether a word is a verb that denies its complement ("refused", "declines"): as a
    cue it reports a refusal, and the speech it refuses did not happen ("declined to
    comment" is ``negated``)."""
    return any(candidate in _DENYING for candidate in inflection_candidates(key))


def is_conditional(key: str) -> bool:
    """Whether a clause-opening word makes what follows a condition ("if he says")."""
    return key in _CONDITIONALS

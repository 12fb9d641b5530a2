"""Loaded-term rows: lexicon matches with their offsets, kinds and context guards."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import cache

import pandas as pd

from framing.lexicon import Lexicon
from framing.loaded.literal import literal_flags
from framing.loaded.names import in_proper_names
from framing.schema import LOADED_GUARDS, LOADED_TERMS, as_table
from framing.text import Document, negated

__all__ = ["context_words", "find_loaded_terms"]


@cache
def context_words() -> Lexicon:
    """The packaged ``context_words`` lexicon: title nouns and the words of event reports."""
    return Lexicon.load("context_words")


def find_loaded_terms(
    document: Document,
    lexicon: Lexicon,
    *,
    article_id: str,
    names: Iterable[tuple[int, int]] = (),
    guards: Collection[str] = LOADED_GUARDS,
) -> pd.DataFrame:
    """One row per loaded-term match in ``document``, with the columns of ``LOADED_TERMS``.

    ``text`` is the surface string, ``document.text[start:end]``; ``term`` the lexicon
    entry it matched; ``kind`` is ``loaded`` or ``marker`` (hedges, boosters, factives),
    from the lexicon's card. ``in_quote`` is true inside quotation marks (someone else's
    words, not the author's voice); ``negated`` when a negator precedes it in the same
    clause; ``literal`` when the term is used literally in a report of events
    (:mod:`framing.loaded.literal`).

    Parameters
    ----------
    document : framing.text.Document
        The segmented article.
    lexicon : Lexicon
        The loaded-term lexicon.
    article_id : str
        Written in every row.
    names : iterable of (start, end), optional
        Character spans of known names (the gazetteer's mentions): a match inside a
        longer one is part of the name and left out.
    guards : collection of str, optional
        The guards to apply (:data:`framing.schema.LOADED_GUARDS`): ``context`` (the
        entries' own conditions), ``names`` (matches inside proper names are left out,
        :mod:`framing.loaded.names`) and ``literal`` (literal uses are flagged). All by
        default; fewer to see what each one does.
    """
    unknown = set(guards) - set(LOADED_GUARDS)
    if unknown:
        raise ValueError(
            f"unknown guard(s) {', '.join(sorted(unknown))}; use {', '.join(LOADED_GUARDS)}."
        )
    tokens = document.tokens
    entries, contexts = lexicon.entries, lexicon.contexts
    matches = lexicon.find(tokens, context="context" in guards)
    guard_names = "names" in guards and any(
        tokens[m.first].text[:1].isupper() or tokens[m.last].text[:1].isupper() for m in matches
    )
    flag_literal = "literal" in guards and any(contexts[m.entry].literal for m in matches)
    cues = context_words().find(tokens) if guard_names or flag_literal else []
    cue_category = [context_words().entries[c.entry]["category"] for c in cues]
    if guard_names:
        titles = {
            c.first for c, category in zip(cues, cue_category, strict=True) if category == "title"
        }
        in_name = in_proper_names(tokens, [(m.first, m.last) for m in matches], titles, names)
        matches = [
            m
            for m, named in zip(matches, in_name, strict=True)
            if not named or contexts[m.entry].in_names
        ]
    if flag_literal:
        literal = literal_flags(
            [
                (tokens[m.first].sentence_id, m.first, m.last, contexts[m.entry].literal)
                for m in matches
            ],
            [
                (tokens[c.first].sentence_id, c.first, c.last, category)
                for c, category in zip(cues, cue_category, strict=True)
                if category != "title"
            ],
        )
    else:
        literal = [False] * len(matches)
    negation = negated(tokens)
    kinds = lexicon.kinds
    records = []
    for match, is_literal in zip(matches, literal, strict=True):
        first, last = tokens[match.first], tokens[match.last]
        entry = entries[match.entry]
        records.append(
            {
                "article_id": article_id,
                "sentence_id": first.sentence_id,
                "start": first.start,
                "end": last.end,
                "text": document.text[first.start : last.end],
                "term": entry["term"],
                "category": entry["category"],
                "polarity": entry["polarity"],
                "in_quote": document.quote_at(first.start, last.end) is not None,
                "speaker": None,
                "negated": negation[match.first],
                "weight": entry["weight"],
                "kind": kinds.get(entry["category"], "loaded"),
                "literal": is_literal,
            }
        )
    return as_table(records, LOADED_TERMS)

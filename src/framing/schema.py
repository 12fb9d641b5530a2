"""The columns of every table framing returns and the vocabularies of their values.

The contract of DESIGN.md, in one place: every table's columns and dtypes, and the values
its label columns take (source kinds, speaker types, cue classes, target kinds and
types). Tables always have their columns, even when empty, so that code downstream can
rely on them; :func:`empty_table` and :func:`as_table` enforce that.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

LOADED_TERMS = {
    "article_id": "object",
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "object",
    "term": "object",
    "category": "object",
    "polarity": "int8",
    "in_quote": "bool",
    "speaker": "object",
    "negated": "bool",
    "weight": "float64",
    "kind": "object",
    "literal": "bool",
}
#: ``loaded_terms.kind``: loaded language, or an epistemic marker (hedges, boosters,
#: factives; Recasens et al. 2013), which is counted apart.
LOADED_KINDS = ("loaded", "marker")
#: The categories that are epistemic markers when a lexicon's card does not say
#: (a card's category may set ``kind: marker`` or ``kind: loaded``).
MARKER_CATEGORIES = ("hedge", "booster", "factive")
#: The context guards of :func:`framing.loaded.find_loaded_terms`: an entry's own
#: conditions (``context`` column), the proper-name guard, and the literal-use flag.
LOADED_GUARDS = ("context", "names", "literal")
#: The event domains in which a term may be used literally (or, in sport, as the ordinary
#: idiom of the domain: "a crushing defeat"): an entry's ``literal`` condition names
#: some, and the packaged ``context_words`` lexicon lists the words that signal each.
LITERAL_DOMAINS = ("violence", "disaster", "legal", "record", "sport")
#: The categories of ``context_words``: the literal domains, and the nouns that make a
#: capitalised word before them a title ("Vulture magazine", "Martyrs Hospital").
CONTEXT_WORD_CATEGORIES = (*LITERAL_DOMAINS, "title")

SOURCES = {
    "article_id": "object",
    "sentence_id": "int64",
    "kind": "object",
    "speaker": "object",
    "speaker_type": "object",
    "affiliation": "object",
    "cue": "object",
    "cue_class": "object",
    "quote": "object",
    "n_words": "int64",
    "speaker_start": "int64",
    "speaker_end": "int64",
    "cue_start": "int64",
    "cue_end": "int64",
    "content_start": "int64",
    "content_end": "int64",
}

#: The sources table as :func:`framing.sources.find_sources` returns it: the contract's
#: columns, then the speaker's ``role`` ("Russian Foreign Minister"), the cue's lexicon
#: entry (``cue_term``, "insinuate") and ``speech_act`` (one of :data:`SPEECH_ACTS`).
SOURCE_COLUMNS = {**SOURCES, "role": "object", "cue_term": "object", "speech_act": "object"}

#: ``sources.kind``: the contract's six kinds and ``scare_quote`` (a short quoted phrase
#: outside any attribution).
SOURCE_KINDS = (
    "direct_quote",
    "indirect",
    "according_to",
    "mention",
    "media",
    "document",
    "scare_quote",
)
#: How each source kind is named in reports and the notebook view.
SOURCE_KIND_LABELS = {
    "direct_quote": "direct quote",
    "indirect": "indirect speech",
    "according_to": "according to",
    "mention": "mention",
    "media": "media reference",
    "document": "document reference",
    "scare_quote": "scare quote",
}
#: The kinds that report speech (their content is someone's words).
SPEECH_KINDS = ("direct_quote", "indirect", "according_to")
#: ``sources.speech_act``: whether the speech happened (``reported``), is denied ("did not
#: say", "refused to acknowledge": ``negated``) or only possible ("might suggest", "is
#: expected to announce": ``hypothetical``). Summary and stance figures count only
#: ``reported`` speech.
SPEECH_ACTS = ("reported", "negated", "hypothetical")
#: ``sources.speaker_type``.
SPEAKER_TYPES = ("person", "organisation", "anonymous", "labelled", "media", "document")
#: ``sources.cue_class``: how the cue verb positions what is reported.
CUE_CLASSES = ("neutral", "endorsing", "distancing", "emotive")
#: The speaker under which :func:`framing.sources.words_per_speaker` gathers quotes that
#: have none.
UNATTRIBUTED = "(unattributed)"

#: :func:`framing.sources.words_per_speaker`: who gets the floor.
WORDS_PER_SPEAKER = {
    "speaker": "object",
    "speaker_type": "object",
    "n_quotes": "int64",
    "n_words": "int64",
    "share": "float64",
}

#: ``Analysis.stance``: the contract's columns, then ``label`` and the extensions
#: documented in :mod:`framing.stance` (the explanatory signals ``reception`` and
#: ``voice_tone``; the mention model's value, interval, mean probabilities, and its
#: value over the mentions in the author's voice and inside quotations apart).
STANCE = {
    "article_id": "object",
    "target": "object",
    "mentions": "int64",
    "sentiment": "float64",
    "loaded_valence": "float64",
    "voice_share": "float64",
    "attribution": "float64",
    "score": "float64",
    "n_evidence": "int64",
    "label": "object",
    "low_evidence": "bool",
    "reception": "float64",
    "voice_tone": "float64",
    "model": "float64",
    "ci_low": "float64",
    "ci_high": "float64",
    "p_negative": "float64",
    "p_neutral": "float64",
    "p_positive": "float64",
    "author_voice": "float64",
    "quoted_voice": "float64",
}
#: ``Analysis.stance.label``.
STANCE_LABELS = ("negative", "neutral", "positive")

#: ``Analysis.stance_evidence``: a target's ``score`` is the sum of its rows'
#: ``contribution``. Rows of the ``model`` signal are its mentions, with the model's
#: probabilities and the ``drivers`` that moved it most (``'text' [start:end] effect``).
STANCE_EVIDENCE = {
    "article_id": "object",
    "target": "object",
    "signal": "object",
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "object",
    "value": "float64",
    "contribution": "float64",
    "p_negative": "float64",
    "p_neutral": "float64",
    "p_positive": "float64",
    "in_quote": "bool",
    "drivers": "object",
}


#: ``Analysis.target_mentions`` (and :meth:`framing.Gazetteer.find`). ``affiliation`` is
#: the target the mention stands or speaks for: a person's country (or organisation),
#: else the target itself.
TARGET_MENTIONS = {
    "target": "object",
    "alias": "object",
    "kind": "object",
    "type": "object",
    "affiliation": "object",
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "object",
    "in_quote": "bool",
}

#: The columns of a gazetteer file (``target, alias`` required).
GAZETTEER_COLUMNS = ("target", "alias", "kind", "type", "country", "note")
#: ``target_mentions.kind``: what an alias is of its target.
MENTION_KINDS = ("name", "short_name", "demonym", "adjective", "capital", "institution", "person")
#: ``target_mentions.type``: what a target is.
TARGET_TYPES = ("country", "organisation", "bloc", "person", "other")

#: The columns of a lexicon table (``term, category`` required) and its match modes.
LEXICON_COLUMNS = ("term", "category", "polarity", "weight", "match", "context", "note")
MATCH_MODES = ("inflect", "exact", "case")
#: The conditions a lexicon entry's ``context`` may set (see the ``loaded`` card):
#: ``not_before: clock`` (the words that follow the match are none of these),
#: ``not_after: party`` (nor those before it), ``except: anti-terrorism`` (the match
#: itself is none of these forms), ``lowercase`` (written in lower case),
#: ``in_names`` (counted inside a proper name too) and ``literal: violence, disaster``
#: (the event domains in which the term has a literal sense).
CONTEXT_CONDITIONS = ("not_before", "not_after", "except", "lowercase", "in_names", "literal")

#: The first columns of ``CorpusAnalysis.articles``; the article's summary figures
#: follow, then any other metadata (columns of a table input such as ``event``), as text.
ARTICLES = {
    "article_id": "object",
    "position": "int64",
    "title": "object",
    "outlet": "object",
    "url": "object",
    "published": "object",
    "author": "object",
    "file": "object",
    "row": "object",
}

#: The groups of ``Analysis.summary()`` (``summary(kind=...)``), in their order.
SUMMARY_KINDS = ("text", "loaded", "markers", "sources", "stance")

#: ``CorpusAnalysis.errors``: one row per input item that was not analysed.
ERRORS = {
    "article_id": "object",
    "position": "int64",
    "file": "object",
    "row": "object",
    "stage": "object",
    "error": "object",
    "message": "object",
}

#: The ``_index`` of a corpus store (``framing.corpus.store``): one row per article of a
#: batch: its place in the input, a hash of its content, and the batch holding its rows
#: (``home``; None when its analysis failed).
STORE_INDEX = {
    "article_id": "object",
    "position": "int64",
    "sha": "object",
    "home": "object",
}

#: The ``category`` (and ``group``) of comparison rows that count everything.
TOTAL = "(all)"
#: The columns of :class:`framing.Comparison`'s tables.
RATES_COLUMNS = (
    "group",
    "category",
    "n_articles",
    "n_words",
    "count",
    "per_1k",
    "ci_low",
    "ci_high",
)
LOG_ODDS_COLUMNS = (
    "group",
    "term",
    "category",
    "count",
    "count_rest",
    "per_1k",
    "per_1k_rest",
    "log_odds",
    "se",
    "z",
)
COMPARISON_STANCE_COLUMNS = (
    "group",
    "target",
    "n_articles",
    "mentions",
    "score",
    "ci_low",
    "ci_high",
)
COMPARISON_SOURCES_COLUMNS = ("group", "dimension", "value", "count", "share")


def empty_table(schema: Mapping[str, str]) -> pd.DataFrame:
    """A table with no rows and the schema's columns and dtypes."""
    return as_table([], schema)


def as_table(records: Iterable[Mapping[str, Any]], schema: Mapping[str, str]) -> pd.DataFrame:
    """Records as a DataFrame with exactly the schema's columns, in order, with its dtypes.

    Built column by column: much faster than ``DataFrame.astype`` on small tables, which
    matters when a corpus makes millions of them.
    """
    records = list(records)
    return pd.DataFrame(
        {name: _column([r.get(name) for r in records], dtype) for name, dtype in schema.items()},
        copy=False,
    )


def _column(values: list[Any], dtype: str) -> pd.Series | np.ndarray:
    if dtype != "object":
        return np.array(values, dtype=dtype)
    # A Series keeps text columns as object in every pandas version (a bare object
    # array would be inferred as pandas 3's str dtype, unlike an empty table's column);
    # filling an object array first skips pandas' slower inference from a list.
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return pd.Series(array, dtype=object, copy=False)


def records(frame: pd.DataFrame, columns: Sequence[str]) -> list[Any]:
    """The rows of ``frame`` as named tuples of ``columns``: much faster than
    ``DataFrame.itertuples``, which indexes every column of every row."""
    values = [frame[column].tolist() for column in columns]
    return list(map(_record_type(tuple(columns))._make, zip(*values, strict=True)))


@cache
def _record_type(columns: tuple[str, ...]) -> type:
    return namedtuple("Row", columns)

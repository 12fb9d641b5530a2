"""The text stage: segmentation with offsets, quotations and term matching.

:func:`segment` turns a text into a :class:`Document` (paragraphs, sentences, tokens and
quotes, every one with character offsets into the text); :class:`TermTrie` finds lexicon
terms in its tokens in one pass. Every later stage reads a Document.
"""

from __future__ import annotations

from framing.text.matching import Match, TermTrie, inflection_candidates, term_words
from framing.text.segmentation import (
    MAX_SENTENCE_TOKENS,
    NEGATORS,
    Document,
    Quote,
    Sentence,
    Span,
    Token,
    clauses,
    is_word,
    negated,
    segment,
    tokenize,
    word_key,
)
from framing.text.sentiment import MAX_SCORED_WORDS, SpanSentiment, vader, word_valence

__all__ = [
    "MAX_SCORED_WORDS",
    "MAX_SENTENCE_TOKENS",
    "NEGATORS",
    "Document",
    "Match",
    "Quote",
    "Sentence",
    "Span",
    "SpanSentiment",
    "TermTrie",
    "Token",
    "clauses",
    "inflection_candidates",
    "is_word",
    "negated",
    "segment",
    "term_words",
    "tokenize",
    "vader",
    "word_key",
    "word_valence",
]

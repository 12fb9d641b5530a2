"""The text stage: segmentation with offsets, quotations and term matching.

:func:`segment` turns a text into a :class:`Document` (paragraphs, sentences, tokens and
quotes, every one with character offsets into the text); :class:`TermTrie` finds lexicon
terms in its tokens in one pass. Every later stage reads a Document.
"""

from __future__ import annotations

from framing.text.matching import (
    Context,
    Match,
    TermTrie,
    inflection_candidates,
    parse_context,
    term_words,
)
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
from framing.text.sentiment import SpanSentiment, vader, word_valence

__all__ = [
    "MAX_SENTENCE_TOKENS",
    "NEGATORS",
    "Context",
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
    "parse_context",
    "segment",
    "term_words",
    "tokenize",
    "vader",
    "word_key",
    "word_valence",
]

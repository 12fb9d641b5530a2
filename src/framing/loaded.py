"""Loaded terms: lexicon matches with their offsets, and their frequency tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import pandas as pd

from framing.lexicon import Lexicon
from framing.schema import LOADED_TERMS, as_table
from framing.text import Document, negated

__all__ = ["category_frequencies", "find_loaded_terms", "term_frequencies"]


def find_loaded_terms(document: Document, lexicon: Lexicon, *, article_id: str) -> pd.DataFrame:
    """One row per loaded-term match in ``document``, with the columns of ``LOADED_TERMS``.

    ``text`` is the surface string, ``document.text[start:end]``; ``term`` the lexicon
    entry it matched. ``in_quote`` is true inside quotation marks (someone else's words,
    not the author's voice); ``negated`` when a negator precedes it in the same clause.
    """
    tokens = document.tokens
    negation = negated(tokens)
    entries = lexicon.entries
    records = []
    for match in lexicon.find(tokens):
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
            }
        )
    return as_table(records, LOADED_TERMS)


def category_frequencies(
    loaded_terms: pd.DataFrame, n_words: int, categories: Mapping[str, str]
) -> pd.DataFrame:
    """Counts and rates per 1,000 words for every category, zeros included.

    Columns: ``category, definition, count, per_1k, author, in_quote`` where ``author``
    counts matches in the author's voice and ``in_quote`` those inside quotations.
    """
    counts = Counter(loaded_terms["category"].tolist())
    quoted = Counter(
        category
        for category, in_quote in zip(
            loaded_terms["category"].tolist(), loaded_terms["in_quote"].tolist(), strict=True
        )
        if in_quote
    )
    rows = [
        {
            "category": category,
            "definition": definition,
            "count": counts[category],
            "per_1k": _per_1k(counts[category], n_words),
            "author": counts[category] - quoted[category],
            "in_quote": quoted[category],
        }
        for category, definition in categories.items()
    ]
    return pd.DataFrame(
        rows, columns=["category", "definition", "count", "per_1k", "author", "in_quote"]
    )


def term_frequencies(loaded_terms: pd.DataFrame, n_words: int) -> pd.DataFrame:
    """Counts and rates per 1,000 words for every matched term, most frequent first.

    ``forms`` lists the distinct surface forms found ("insinuated; insinuates").
    """
    columns = ["term", "category", "polarity", "count", "per_1k", "forms"]
    if loaded_terms.empty:
        return pd.DataFrame(columns=columns)
    grouped = loaded_terms.groupby(["term", "category", "polarity"], sort=False)
    table = grouped.agg(
        count=("text", "size"),
        forms=("text", lambda forms: "; ".join(sorted(set(forms), key=str.lower))),
    ).reset_index()
    table["per_1k"] = [_per_1k(int(c), n_words) for c in table["count"]]
    table = table.sort_values(["count", "term"], ascending=[False, True], kind="stable")
    return table[columns].reset_index(drop=True)


def _per_1k(count: int, n_words: int) -> float:
    return 1000.0 * count / n_words if n_words else 0.0

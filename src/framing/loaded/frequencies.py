"""Frequency tables of loaded-term rows: per category, per term, and the headline rates.

Loaded language and epistemic markers (``kind``) are counted apart, and matches flagged
``literal`` are left out of the counts and rates (they are listed in their own column):
a literal report of an attack is not loaded language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

__all__ = [
    "CATEGORY_COLUMNS",
    "category_frequencies",
    "category_rows",
    "loaded_figures",
    "term_frequencies",
]

CATEGORY_COLUMNS = [
    "category", "kind", "definition", "count", "per_1k", "author", "in_quote", "literal",
]  # fmt: skip


def category_frequencies(
    loaded_terms: pd.DataFrame,
    n_words: int,
    categories: Mapping[str, str],
    kinds: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Counts and rates per 1,000 words for every category, zeros included.

    Columns: ``category, kind, definition, count, per_1k, author, in_quote, literal``.
    ``count`` counts the matches that are not ``literal``, ``author`` those of them in the
    author's voice and ``in_quote`` those inside quotations; ``literal`` counts the
    literal uses left out; ``kind`` is ``loaded`` or ``marker`` (``kinds``, else the
    rows' own).
    """
    rows = category_rows(loaded_terms, n_words, categories, kinds)
    return pd.DataFrame(rows, columns=CATEGORY_COLUMNS)


def category_rows(
    loaded_terms: pd.DataFrame,
    n_words: int,
    categories: Mapping[str, str],
    kinds: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """The rows of :func:`category_frequencies` as dicts, without building its table
    (what :func:`loaded_figures` needs, read from the columns as lists)."""
    category = loaded_terms["category"].tolist()
    rows_kind = dict(zip(category, loaded_terms["kind"].tolist(), strict=True))
    kinds = {**rows_kind, **(kinds or {})}
    is_literal = loaded_terms["literal"].astype(bool).tolist()
    in_quote = loaded_terms["in_quote"].astype(bool).tolist()
    counts: Counter[str] = Counter()
    quoted: Counter[str] = Counter()
    literal: Counter[str] = Counter()
    for name, lit, quote in zip(category, is_literal, in_quote, strict=True):
        if lit:
            literal[name] += 1
        else:
            counts[name] += 1
            quoted[name] += quote
    return [
        {
            "category": category,
            "kind": kinds.get(category, "loaded"),
            "definition": definition,
            "count": counts[category],
            "per_1k": _per_1k(counts[category], n_words),
            "author": counts[category] - quoted[category],
            "in_quote": quoted[category],
            "literal": literal[category],
        }
        for category, definition in categories.items()
    ]


def loaded_figures(
    frequencies: pd.DataFrame | Sequence[Mapping[str, Any]], n_words: int
) -> dict[str, float | int]:
    """The headline figures of a :func:`category_frequencies` table (or of its rows, from
    :func:`category_rows`).

    ``n_loaded``, ``n_loaded_author`` and ``loaded_per_1k`` count loaded language only
    (``kind == "loaded"``, literal uses left out), with ``loaded_per_1k_<category>`` per
    category (they add up to ``loaded_per_1k``); ``n_literal`` counts the literal uses
    left out; ``n_markers`` and ``markers_per_1k`` count the epistemic markers, with
    ``markers_per_1k_<category>``.
    """
    if isinstance(frequencies, pd.DataFrame):
        frequencies = frequencies.to_dict("records")
    loaded = [row for row in frequencies if row["kind"] == "loaded"]
    markers = [row for row in frequencies if row["kind"] == "marker"]
    n_loaded = int(sum(row["count"] for row in loaded))
    n_markers = int(sum(row["count"] for row in markers))
    figures: dict[str, float | int] = {
        "n_loaded": n_loaded,
        "n_loaded_author": int(sum(row["author"] for row in loaded)),
        "loaded_per_1k": _per_1k(n_loaded, n_words),
        "n_literal": int(sum(row["literal"] for row in loaded)),
        "n_markers": n_markers,
        "markers_per_1k": _per_1k(n_markers, n_words),
    }
    for kind, rows in (("loaded", loaded), ("markers", markers)):
        for row in rows:
            figures[f"{kind}_per_1k_{row['category']}"] = float(row["per_1k"])
    return figures


def term_frequencies(loaded_terms: pd.DataFrame, n_words: int) -> pd.DataFrame:
    """Counts and rates per 1,000 words for every matched term, most frequent first.

    ``forms`` lists the distinct surface forms found ("insinuated; insinuates"); literal
    uses are left out, as in :func:`category_frequencies`.
    """
    columns = ["term", "category", "kind", "polarity", "count", "per_1k", "forms"]
    counted = loaded_terms[~loaded_terms["literal"].astype(bool)]
    if counted.empty:
        return pd.DataFrame(columns=columns)
    grouped = counted.groupby(["term", "category", "kind", "polarity"], sort=False)
    table = grouped.agg(
        count=("text", "size"),
        forms=("text", lambda forms: "; ".join(sorted(set(forms), key=str.lower))),
    ).reset_index()
    table["per_1k"] = [_per_1k(int(c), n_words) for c in table["count"]]
    table = table.sort_values(["count", "term"], ascending=[False, True], kind="stable")
    return table[columns].reset_index(drop=True)


def _per_1k(count: int, n_words: int) -> float:
    return 1000.0 * count / n_words if n_words else 0.0

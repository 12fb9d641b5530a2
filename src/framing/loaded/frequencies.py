"""Frequency tables of loaded-term rows: per category, per term, and the headline rates.

Loaded language and epistemic markers (``kind``) are counted apart, and matches flagged
``literal`` are left out of the counts and rates (they are listed in their own column):
a literal report of an attack is not loaded language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import pandas as pd

__all__ = ["CATEGORY_COLUMNS", "category_frequencies", "loaded_figures", "term_frequencies"]

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
    rows_kind = dict(zip(loaded_terms["category"], loaded_terms["kind"], strict=True))
    kinds = {**rows_kind, **(kinds or {})}
    counted = loaded_terms[~loaded_terms["literal"].astype(bool)]
    counts = Counter(counted["category"].tolist())
    quoted = Counter(counted.loc[counted["in_quote"].astype(bool), "category"].tolist())
    literal = Counter(loaded_terms.loc[loaded_terms["literal"].astype(bool), "category"].tolist())
    rows = [
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
    return pd.DataFrame(rows, columns=CATEGORY_COLUMNS)


def loaded_figures(frequencies: pd.DataFrame, n_words: int) -> dict[str, float | int]:
    """The headline figures of a :func:`category_frequencies` table.

    ``n_loaded``, ``n_loaded_author`` and ``loaded_per_1k`` count loaded language only
    (``kind == "loaded"``, literal uses left out), with ``loaded_per_1k_<category>`` per
    category (they add up to ``loaded_per_1k``); ``n_literal`` counts the literal uses
    left out; ``n_markers`` and ``markers_per_1k`` count the epistemic markers, with
    ``markers_per_1k_<category>``.
    """
    loaded = frequencies[frequencies["kind"] == "loaded"]
    markers = frequencies[frequencies["kind"] == "marker"]
    n_loaded = int(loaded["count"].sum())
    n_markers = int(markers["count"].sum())
    figures: dict[str, float | int] = {
        "n_loaded": n_loaded,
        "n_loaded_author": int(loaded["author"].sum()),
        "loaded_per_1k": _per_1k(n_loaded, n_words),
        "n_literal": int(loaded["literal"].sum()),
        "n_markers": n_markers,
        "markers_per_1k": _per_1k(n_markers, n_words),
    }
    for kind, table in (("loaded", loaded), ("markers", markers)):
        for category, per_1k in zip(table["category"], table["per_1k"], strict=True):
            figures[f"{kind}_per_1k_{category}"] = float(per_1k)
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

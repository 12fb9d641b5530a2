"""Template data for the corpus report (see :mod:`framing.report.corpus`): plain rows of
text for ``templates/corpus_report.html.j2``, which escapes every value.

Each function takes a table of the corpus analysis or its comparison and decides what a
reader is shown: the corpus's own figures with the articles that stand out, rates with
their intervals, the terms that pass the log-odds line (and a plain sentence where none
does), stance and source mix, and the article list.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from framing import display
from framing.schema import TOTAL

__all__ = [
    "Z_LINE",
    "article_rows",
    "category_matrix",
    "headline_rows",
    "source_rows",
    "stance_rows",
    "term_groups",
    "total_rows",
]

#: A term distinguishes a group when its log-odds z-score passes this (a two-sided 5% level
#: for one term).
Z_LINE = 1.96
#: Distinguishing terms listed per group (all are in tables/log_odds.csv).
TOP_TERMS = 10
#: Articles named per figure as standing out.
STANDOUTS = 5
_STANDS_OUT = ("very high", "very low")


def _number(value: Any, digits: int = 1) -> str:
    return "–" if value is None or pd.isna(value) else f"{float(value):.{digits}f}"


def _interval(low: Any, high: Any, digits: int = 1) -> str:
    if pd.isna(low) or pd.isna(high):
        return "–"
    return f"{_number(low, digits)} – {_number(high, digits)}"


def _score_interval(low: Any, high: Any) -> str:
    if pd.isna(low) or pd.isna(high):
        return "–"
    return f"{display.signed(float(low))} … {display.signed(float(high))}"


def headline_rows(
    articles: pd.DataFrame, by: str, reference: display.Reference, links: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The corpus's headline figures, placed in the corpus's own distribution.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``CorpusAnalysis.articles``.
    by : str
        The column of the groups compared (named beside each article).
    reference : framing.display.Reference
        Its quantiles, from :meth:`~framing.display.Reference.from_articles`.
    links : mapping
        ``{article_id: href}`` of the articles that have their own report.

    Returns
    -------
    list of dict
        Per figure: ``label``, ``median``, ``typical`` (the middle half), ``high`` and
        ``low`` (the articles above 9 in 10 of the corpus, or below: ``title``, ``group``,
        ``href``, ``value``) and ``more`` (how many more stand out than are named).
    """
    rows = []
    for figure, label in display.REFERENCE_FIGURES.items():
        values = reference.quantiles.get(figure)
        if not values or figure not in articles:
            continue
        standing: dict[str, list[dict[str, Any]]] = {"very high": [], "very low": []}
        ordered = articles.sort_values([figure, "article_id"], ascending=[False, True])
        for row in ordered.to_dict("records"):
            position = reference.position(figure, float(row[figure]))
            if position in _STANDS_OUT:
                article_id = str(row["article_id"])
                standing[position].append(
                    {
                        "title": row.get("title") or article_id,
                        "group": "" if pd.isna(row.get(by)) else str(row.get(by)),
                        "href": links.get(article_id),
                        "value": display.figure_text(figure, float(row[figure])),
                    }
                )
        low, high = (display.figure_text(figure, v) for v in (values[1], values[3]))
        named = {key: items[:STANDOUTS] for key, items in standing.items()}
        n_more = sum(len(items) - len(named[key]) for key, items in standing.items())
        rows.append(
            {
                "label": label,
                "median": display.figure_text(figure, values[2]),
                "typical": f"{low}–{high}",
                "high": named["very high"],
                "low": named["very low"][::-1],
                "more": n_more,
            }
        )
    return rows


def total_rows(rates: pd.DataFrame) -> list[dict[str, str]]:
    """Loaded terms per 1,000 words per group, highest first, with the interval."""
    rows = rates[rates["category"] == TOTAL].sort_values("per_1k", ascending=False, kind="stable")
    return [
        {
            "group": row["group"],
            "n_articles": f"{int(row['n_articles']):,}",
            "n_words": f"{int(row['n_words']):,}",
            "count": f"{int(row['count']):,}",
            "per_1k": _number(row["per_1k"]),
            "interval": _interval(row["ci_low"], row["ci_high"]),
        }
        for row in rows.to_dict("records")
    ]


def category_matrix(rates: pd.DataFrame, categories: list[str]) -> dict[str, Any]:
    """Rates per 1,000 words with their intervals: one row per category some group uses
    (in ``categories`` order), one column per group."""
    rows = rates[(rates["category"] != TOTAL) & rates["category"].isin(categories)]
    used = set(rows.loc[rows["count"] > 0, "category"])
    groups = list(dict.fromkeys(rates["group"]))
    cells = rows.set_index(["category", "group"])
    return {
        "groups": groups,
        "rows": [
            {
                "category": display.display_label(category),
                "cells": [
                    _rate_cell(cells.loc[(category, group)])
                    if (category, group) in cells.index
                    else {"rate": "–", "interval": ""}
                    for group in groups
                ],
            }
            for category in categories
            if category in used
        ],
        "unused": [display.display_label(c) for c in categories if c not in used],
    }


def _rate_cell(row: pd.Series) -> dict[str, str]:
    """A rate and its interval; none for a group of one article, or for a rate of zero in
    every resample."""
    if pd.isna(row["ci_low"]) or row["ci_high"] == 0:
        return {"rate": _number(row["per_1k"]), "interval": ""}
    return {"rate": _number(row["per_1k"]), "interval": _interval(row["ci_low"], row["ci_high"])}


def term_groups(log_odds: pd.DataFrame, groups: list[str], slug: Any) -> list[dict[str, Any]]:
    """Per group, the terms that pass the log-odds line, and whether to draw its chart.

    A group gets a chart only when some term passes ``|z| >`` :data:`Z_LINE` for it; the
    table lists only the terms typical of the group (``z >`` :data:`Z_LINE`), at most
    :data:`TOP_TERMS`; ``n_below`` counts the terms typical of the rest instead.
    """
    items = []
    for group in groups:
        rows = log_odds[log_odds["group"] == group]
        above = rows[rows["z"] > Z_LINE].head(TOP_TERMS)
        below = rows[rows["z"] < -Z_LINE]
        items.append(
            {
                "name": group,
                "figure": f"log_odds-{slug(group)}" if len(above) or len(below) else None,
                "terms": [_term_row(row) for row in above.to_dict("records")],
                "n_above": int((rows["z"] > Z_LINE).sum()),
                "n_below": len(below),
            }
        )
    return items


def _term_row(row: Mapping[str, Any]) -> dict[str, str]:
    return {
        "term": display.display_label(row["term"]),
        "category": display.display_label(row["category"]),
        "count": str(int(row["count"])),
        "per_1k": _number(row["per_1k"], 2),
        "per_1k_rest": _number(row["per_1k_rest"], 2),
        "z": f"{float(row['z']):+.2f}",
    }


def stance_rows(stance: pd.DataFrame) -> list[dict[str, str]]:
    """The mean stance score per group and target, with its interval."""
    return [
        {
            "group": row["group"],
            "target": row["target"],
            "n_articles": str(int(row["n_articles"])),
            "mentions": str(int(row["mentions"])),
            "score": display.signed(float(row["score"])),
            "interval": _score_interval(row["ci_low"], row["ci_high"]),
        }
        for row in stance.to_dict("records")
    ]


def source_rows(sources: pd.DataFrame) -> list[dict[str, str]]:
    """The mix of source kinds, speaker types and cue classes per group."""
    return [
        {
            "group": row["group"],
            "dimension": display.display_label(row["dimension"]),
            "value": display.display_label(row["value"]),
            "count": str(int(row["count"])),
            "share": f"{100 * float(row['share']):.0f}%",
        }
        for row in sources.to_dict("records")
    ]


def article_rows(
    articles: pd.DataFrame, by: str, links: Mapping[str, str], reference: display.Reference
) -> list[dict[str, Any]]:
    """One row per article, by group; a figure beyond 9 in 10 of the corpus is marked."""
    ordered = articles.assign(_group=articles[by].astype(object).where(articles[by].notna(), ""))
    ordered = ordered.sort_values("_group", kind="stable")
    rows = []
    for row in ordered.to_dict("records"):
        article_id = str(row["article_id"])
        rows.append(
            {
                "group": row["_group"],
                "title": row.get("title") or article_id,
                "href": links.get(article_id),
                "published": row.get("published") or "",
                "n_words": f"{int(row['n_words']):,}" if "n_words" in row else "",
                "loaded_per_1k": _figure_cell(row, "loaded_per_1k", reference),
                "quoted_share": _figure_cell(row, "quoted_share", reference),
            }
        )
    return rows


def _figure_cell(row: Mapping[str, Any], figure: str, reference: display.Reference) -> dict:
    value = row.get(figure)
    if value is None or pd.isna(value):
        return {"text": "–", "position": ""}
    position = reference.position(figure, float(value)) or ""
    return {
        "text": display.figure_text(figure, float(value)),
        "position": position if position in _STANDS_OUT else "",
    }

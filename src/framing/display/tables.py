"""Notebook views of a corpus analysis and of a comparison: their tables' sizes, a preview
and what a reader should know (an empty stance table and why).

``CorpusAnalysis._repr_html_`` and ``Comparison._repr_html_`` call these. Everything is
escaped (pandas' ``to_html`` escapes cells); the CSS is the scoped one of
:mod:`framing.display.style`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from framing.display.style import ROOT_CLASS
from framing.schema import TOTAL

if TYPE_CHECKING:
    import pandas as pd

    from framing.corpus import Comparison, CorpusAnalysis

__all__ = ["comparison_html", "corpus_html"]

#: Rows shown in a preview.
PREVIEW_ROWS = 5
#: The columns of ``articles`` a preview shows (those present).
_ARTICLE_PREVIEW = (
    "article_id",
    "title",
    "outlet",
    "published",
    "n_words",
    "loaded_per_1k",
    "quoted_share",
    "n_sources",
    "n_targets",
)
_CORPUS_TABLES = ("articles", "loaded_terms", "sources", "stance", "stance_evidence", "errors")
_COMPARISON_TABLES = ("rates", "log_odds", "stance", "sources")
_STYLE = (
    f".{ROOT_CLASS} .fr-title {{ font-size: 1.1em; font-weight: 600; margin: 0.2em 0; }}"
    f" .{ROOT_CLASS} .fr-note {{ font-size: 0.9em; opacity: 0.8; margin: 0.2em 0; }}"
    f" .{ROOT_CLASS} td.num {{ text-align: right; }}"
)


def corpus_html(corpus: CorpusAnalysis) -> str:
    """The notebook view of a :class:`~framing.corpus.CorpusAnalysis`.

    Lists each table with its rows and columns and previews the first articles. A corpus
    read from a folder is counted from its Parquet files, without loading the evidence
    tables.
    """
    from framing.corpus import NO_STANCE

    where = f"read from {corpus.path}" if corpus.path else "in memory"
    sizes = {name: _size(corpus, name) for name in _CORPUS_TABLES}
    articles = corpus.articles
    notes = []
    if sizes["stance"][0] == 0 and len(articles):
        notes.append(_sentence(NO_STANCE))
    if sizes["errors"][0]:
        notes.append(f"{sizes['errors'][0]:,} input items were not analysed: see .errors.")
    preview = articles[[c for c in _ARTICLE_PREVIEW if c in articles.columns]]
    return _view(
        f"CorpusAnalysis ({escape(where)}): {len(articles):,} articles",
        notes,
        sizes,
        "articles",
        preview,
    )


def comparison_html(comparison: Comparison) -> str:
    """The notebook view of a :class:`~framing.corpus.Comparison`.

    Lists each table with its rows and columns, previews the groups' loaded-language
    rates with their intervals, and says why a table is empty (``Comparison.notes``).
    """
    sizes = {name: getattr(comparison, name).shape for name in _COMPARISON_TABLES}
    rates = comparison.rates
    totals = rates[rates["category"] == TOTAL].drop(columns="category")
    groups = ", ".join(escape(str(g)) for g in comparison.groups)
    return _view(
        f"Comparison by {escape(comparison.by)} of {len(comparison.groups)} groups: {groups}",
        [_sentence(note) for note in comparison.notes],
        sizes,
        "rates (all loaded terms, per 1,000 words)",
        totals,
    )


def _sentence(note: str) -> str:
    return note[0].upper() + note[1:] + "."


def _size(corpus: CorpusAnalysis, name: str) -> tuple[int, int]:
    """Rows and columns of a table, counted in its files when it is read from a folder."""
    if corpus.path is not None and name != "articles":
        columns = (corpus.meta.get("tables") or {}).get(name)  # the run's [column, dtype]s
        return corpus.dataset(name).count_rows(), len(columns) if columns else 0
    return getattr(corpus, name).shape


def _view(
    title: str,
    notes: Sequence[str],
    sizes: Mapping[str, tuple[int, int]],
    preview_name: str,
    preview: pd.DataFrame,
) -> str:
    rows = "".join(
        f'<tr><td><code>.{escape(name)}</code></td><td class="num">{n_rows:,}</td>'
        f'<td class="num">{n_columns}</td></tr>'
        for name, (n_rows, n_columns) in sizes.items()
    )
    shown = min(PREVIEW_ROWS, len(preview))
    table = preview.head(PREVIEW_ROWS).to_html(
        index=False, float_format="{:.2f}".format, na_rep="", border=0
    )
    return (
        f'<div class="{ROOT_CLASS}"><style>{_STYLE}</style>\n'
        f'<div class="fr-title">{title}</div>\n'
        + "".join(f'<div class="fr-note">{escape(note)}</div>\n' for note in notes)
        + "<table><thead><tr><th>table</th><th>rows</th><th>columns</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>\n"
        f'<div class="fr-note">{escape(preview_name)}: the first {shown} of {len(preview):,} '
        f"rows</div>\n{table}\n</div>"
    )

"""Self-contained, reproducible HTML report of a corpus, comparing its groups.

:func:`write_corpus_report` writes ``index.html`` (inline CSS, charts as inline SVG, no
scripts, no external URLs), the charts as SVG files, the comparison tables as CSV and,
when the articles' source is given, one :func:`framing.write_report` per article under
``articles/<slug>/``, linked from the article list. The same corpus always gives the same
bytes, and the folder is replaced atomically, as for the article report.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing import display, plots
from framing.analysis import LexiconLike, analyze, resolve_lexicon
from framing.article import slugify, stable_id, unique_slugs
from framing.corpus import Comparison, compare
from framing.io import read_articles
from framing.report.article import is_own_file, write_report
from framing.report.files import (
    environment,
    inline_svg,
    replaced_folder,
    write_figures_and_tables,
    write_text,
)
from framing.schema import TOTAL

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from framing.corpus import CorpusAnalysis

__all__ = ["write_corpus_report"]

logger = logging.getLogger("framing")

#: Distinctive terms listed per group (all are in tables/log_odds.csv).
TOP_TERMS = 10
_SVG_SALT = "framing-corpus"
_TABLE_FILES = ("articles", "rates", "log_odds", "stance", "sources", "errors")
_ARTICLE_COLUMNS = ["n_words", "loaded_per_1k", "quoted_share"]
_UNSET: Any = object()


def write_corpus_report(
    corpus: CorpusAnalysis,
    out_dir: str | os.PathLike[str],
    *,
    by: str = "outlet",
    comparison: Comparison | None = None,
    source: Any = None,
    columns: Mapping[str, str] | None = None,
    lexicon: LexiconLike = None,
    targets: Any = _UNSET,
    title: str | None = None,
) -> Path:
    """Write an HTML report comparing the groups of ``corpus`` into ``out_dir``.

    ``out_dir`` receives ``index.html``, ``figures/*.svg``, ``tables/{articles,rates,
    log_odds,stance,sources,errors}.csv`` and, with ``source``, ``articles/<slug>/`` (an
    article report each). The report is built beside ``out_dir`` and swapped in when
    complete; an existing ``out_dir`` is replaced only if it holds nothing but an earlier
    report.

    Parameters
    ----------
    corpus : CorpusAnalysis
        The corpus analysis.
    out_dir : str or path
        The report's folder, e.g. ``"reports/demo-corpus/"``; created if missing.
    by : str, default "outlet"
        The ``articles`` column to compare by (ignored when ``comparison`` is given).
    comparison : Comparison, optional
        A comparison made with other options; by default ``framing.compare(corpus, by=by)``.
    source : optional
        What the corpus was read from (as passed to :func:`framing.analyze_corpus`). Given
        it, each article of the corpus is read and analysed again to write its own report
        (corpus tables keep no article text); without it the article list has no links.
    columns : mapping, optional
        The ``columns=`` the corpus was read with.
    lexicon : optional
        The lexicon of the corpus run; by default the packaged lexicon it names. It must
        be the same lexicon (its hash is checked).
    targets : optional
        The targets of the corpus run; by default those recorded in ``corpus.meta``.
    title : str, optional
        The page title; by default "Corpus report: N articles by <by>".

    Returns
    -------
    pathlib.Path
        The path of ``index.html``.

    Raises
    ------
    FileExistsError
        If ``out_dir`` holds files that are not part of a framing corpus report.
    ValueError
        If ``lexicon`` is not the one the corpus was analysed with.
    """
    comparison = comparison or compare(corpus, by=by)
    slugs = _slugs(corpus.articles["article_id"])
    with replaced_folder(out_dir, is_own=_is_own_file, what="framing corpus report") as staging:
        linked: set[str] = set()
        if source is not None:
            analyse = _reanalyser(corpus, lexicon, targets)
            linked = _write_article_reports(staging, source, columns, slugs, analyse)
        _write_contents(staging, corpus, comparison, slugs, linked, title)
    index = Path(out_dir) / "index.html"
    logger.info("wrote corpus report %s", index)
    return index


def _is_own_file(path: Path, target: Path) -> bool:
    """Whether ``path`` (inside ``target``) is a file or folder a corpus report writes."""
    parts = path.relative_to(target).parts
    if parts[0] == "articles" and len(parts) > 2:  # inside an article's report
        return is_own_file(path, target.joinpath(*parts[:2]))
    if path.is_dir():
        return parts in (("figures",), ("tables",), ("articles",)) or parts[0] == "articles"
    if parts == ("index.html",):
        return True
    return len(parts) == 2 and (parts[0], path.suffix) in (("figures", ".svg"), ("tables", ".csv"))


def _slugs(article_ids: pd.Series) -> dict[str, str]:
    """A unique folder name per article, from its id."""
    ids = [str(article_id) for article_id in article_ids]
    bases = [slugify(article_id, 80) or stable_id(article_id) for article_id in ids]
    return dict(zip(ids, unique_slugs(bases), strict=True))


def _reanalyser(corpus: CorpusAnalysis, lexicon: LexiconLike, targets: Any) -> Callable:
    """``analyze`` with the corpus run's lexicon and targets, checked against its meta."""
    recorded = corpus.meta.get("lexicon") or {}
    resolved = resolve_lexicon(lexicon if lexicon is not None else recorded.get("name"))
    if recorded and resolved.sha256 != recorded.get("sha256"):
        raise ValueError(
            f"the corpus was analysed with the lexicon {recorded.get('name')!r} "
            f"(sha256 {str(recorded.get('sha256'))[:12]}...), not {resolved.name!r} "
            f"(sha256 {resolved.sha256[:12]}...): pass the same lexicon= to write its "
            "article reports."
        )
    if targets is _UNSET:
        targets = (corpus.meta.get("parameters") or {}).get("targets")
    return lambda article: analyze(article, targets=targets, lexicon=resolved)


def _write_article_reports(
    folder: Path,
    source: Any,
    columns: Mapping[str, str] | None,
    slugs: Mapping[str, str],
    analyse: Callable,
) -> set[str]:
    """An article report per article of the corpus found in ``source``; returns their ids."""
    written: set[str] = set()
    for article in read_articles(source, columns=columns, on_error="skip"):
        if article.id not in slugs or article.id in written:
            continue
        write_report(analyse(article), folder / "articles" / slugs[article.id])
        written.add(article.id)
    missing = len(slugs) - len(written)
    if missing:
        logger.warning("%d articles of the corpus were not found in the source given", missing)
    return written


def _write_contents(
    folder: Path,
    corpus: CorpusAnalysis,
    comparison: Comparison,
    slugs: Mapping[str, str],
    linked: set[str],
    title: str | None,
) -> None:
    tables = _tables(corpus, comparison)
    colors = display.category_colors(_categories(corpus, comparison))
    svgs = write_figures_and_tables(folder, _charts(comparison, colors), tables, salt=_SVG_SALT)
    context = _context(corpus, comparison, tables, svgs, slugs, linked, title)
    write_text(
        folder / "index.html",
        environment().get_template("corpus_report.html.j2").render(**context),
    )


def _categories(corpus: CorpusAnalysis, comparison: Comparison) -> list[str]:
    recorded = list((corpus.meta.get("categories") or {}).keys())
    found = [c for c in dict.fromkeys(comparison.rates["category"]) if c != TOTAL]
    return recorded or found


def _tables(corpus: CorpusAnalysis, comparison: Comparison) -> dict[str, pd.DataFrame]:
    """The CSV tables, in the order the page lists them."""
    by = comparison.by
    keep = ["article_id", by, "title", "published", "author", *_ARTICLE_COLUMNS]
    articles = corpus.articles[list(dict.fromkeys(c for c in keep if c in corpus.articles))]
    return {
        "articles": articles,
        "rates": comparison.rates,
        "log_odds": comparison.log_odds,
        "stance": comparison.stance,
        "sources": comparison.sources,
        "errors": corpus.errors,
    }


def _charts(
    comparison: Comparison, colors: Mapping[str, str]
) -> dict[str, tuple[Callable[[Axes], Any], float]]:
    """Every chart: how to draw it and its height in inches."""
    n_groups = max(1, len(comparison.groups))
    categories = [c for c in colors if c in set(comparison.rates["category"])]
    charts: dict[str, tuple[Callable[[Axes], Any], float]] = {
        "rates": (
            lambda ax: plots.rates_by_group(comparison.rates, ax=ax),
            1.4 + 0.45 * n_groups,
        ),
        "rates_by_category": (
            lambda ax: plots.rates_by_group(comparison.rates, categories, ax=ax, colors=colors),
            1.8 + 0.35 * n_groups * max(1, len(categories)) ** 0.5,
        ),
    }
    for group in comparison.groups:
        charts[f"log_odds-{_group_slug(group)}"] = (
            lambda ax, group=group: plots.log_odds_scatter(
                comparison.log_odds, group, ax=ax, colors=colors
            ),
            4.2,
        )
    if not comparison.stance.empty:
        charts["stance"] = (
            lambda ax: plots.stance_heatmap(comparison.stance, ax=ax),
            1.8 + 0.45 * n_groups,
        )
    if not comparison.sources.empty:
        for dimension in ("cue_class", "speaker_type"):
            charts[f"sources-{dimension}"] = (
                lambda ax, dimension=dimension: plots.source_mix(
                    comparison.sources, dimension, ax=ax
                ),
                1.6 + 0.45 * n_groups,
            )
    return charts


def _group_slug(group: str) -> str:
    return slugify(group, 40) or stable_id(group)[:8]


def _context(
    corpus: CorpusAnalysis,
    comparison: Comparison,
    tables: dict[str, pd.DataFrame],
    svgs: dict[str, str],
    slugs: Mapping[str, str],
    linked: set[str],
    title: str | None,
) -> dict[str, Any]:
    from markupsafe import Markup

    by = comparison.by
    articles = tables["articles"]
    return {
        "title": title or f"Corpus report: {len(articles):,} articles by {by}",
        "by": by,
        "metadata": _metadata_rows(corpus, comparison),
        "parameters": json.dumps(comparison.meta, sort_keys=True, default=str),
        "confidence": f"{100 * comparison.meta.get('confidence', 0.95):g}%",
        "svg": {name: Markup(inline_svg(svg)) for name, svg in svgs.items()},
        "totals": _total_rows(comparison.rates),
        "categories": _category_matrix(comparison.rates),
        "groups": [
            {
                "name": group,
                "figure": f"log_odds-{_group_slug(group)}",
                "terms": _term_rows(comparison.distinguishing_terms(group, TOP_TERMS)),
            }
            for group in comparison.groups
        ],
        "stance": _stance_rows(comparison.stance),
        "sources": _source_rows(comparison.sources),
        "articles": _article_rows(articles, by, slugs, linked),
        "errors": corpus.errors.to_dict("records"),
        "files": [f"figures/{name}.svg" for name in svgs]
        + [f"tables/{name}.csv" for name in tables],
        "n_linked": len(linked),
        "root_class": display.ROOT_CLASS,
        "version": comparison.meta.get("framing_version", ""),
    }


def _metadata_rows(corpus: CorpusAnalysis, comparison: Comparison) -> list[tuple[str, str]]:
    meta = corpus.meta
    lexicon = meta.get("lexicon") or {}
    rows = [
        ("Articles", f"{len(corpus.articles):,}"),
        ("Compared by", comparison.by),
        ("Groups", f"{len(comparison.groups):,}"),
        ("Not analysed", f"{len(corpus.errors):,} (see Errors)"),
        (
            "Lexicon",
            f"{lexicon.get('name')} {lexicon.get('version')} · sha256 {lexicon.get('sha256')}"
            if lexicon
            else "",
        ),
        ("framing version", meta.get("framing_version") or comparison.meta.get("framing_version")),
    ]
    return [(label, str(value)) for label, value in rows if value not in (None, "")]


def _number(value: Any, digits: int = 1) -> str:
    return "–" if value is None or pd.isna(value) else f"{float(value):.{digits}f}"


def _interval(low: Any, high: Any, digits: int = 1) -> str:
    if pd.isna(low) or pd.isna(high):
        return "–"
    return f"{_number(low, digits)} – {_number(high, digits)}"


def _total_rows(rates: pd.DataFrame) -> list[dict[str, str]]:
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


def _category_matrix(rates: pd.DataFrame) -> dict[str, Any]:
    """Rates per 1,000 words, one row per category and one column per group."""
    rows = rates[rates["category"] != TOTAL]
    groups = list(dict.fromkeys(rates["group"]))
    matrix = rows.pivot(index="category", columns="group", values="per_1k")
    matrix = matrix.reindex(index=list(dict.fromkeys(rows["category"])), columns=groups)
    return {
        "groups": groups,
        "rows": [
            {"category": category, "values": [_number(v) for v in matrix.loc[category]]}
            for category in matrix.index
        ],
    }


def _term_rows(terms: pd.DataFrame) -> list[dict[str, str]]:
    return [
        {
            "term": row["term"],
            "category": row["category"],
            "count": str(int(row["count"])),
            "per_1k": _number(row["per_1k"], 2),
            "per_1k_rest": _number(row["per_1k_rest"], 2),
            "z": f"{float(row['z']):+.2f}",
        }
        for row in terms.to_dict("records")
    ]


def _stance_rows(stance: pd.DataFrame) -> list[dict[str, str]]:
    return [
        {
            "group": row["group"],
            "target": row["target"],
            "n_articles": str(int(row["n_articles"])),
            "mentions": str(int(row["mentions"])),
            "score": display.signed(float(row["score"])),
            "interval": _interval(row["ci_low"], row["ci_high"], 2),
        }
        for row in stance.to_dict("records")
    ]


def _source_rows(sources: pd.DataFrame) -> list[dict[str, str]]:
    return [
        {
            "group": row["group"],
            "dimension": str(row["dimension"]).replace("_", " "),
            "value": row["value"],
            "count": str(int(row["count"])),
            "share": f"{100 * float(row['share']):.0f}%",
        }
        for row in sources.to_dict("records")
    ]


def _article_rows(
    articles: pd.DataFrame, by: str, slugs: Mapping[str, str], linked: set[str]
) -> list[dict[str, Any]]:
    ordered = articles.assign(_group=articles[by].astype(object).where(articles[by].notna(), ""))
    ordered = ordered.sort_values("_group", kind="stable")
    rows = []
    for row in ordered.to_dict("records"):
        article_id = str(row["article_id"])
        rows.append(
            {
                "group": row["_group"],
                "title": row.get("title") or article_id,
                "href": f"articles/{slugs[article_id]}/index.html"
                if article_id in linked
                else None,
                "published": row.get("published") or "",
                "n_words": f"{int(row['n_words']):,}" if "n_words" in row else "",
                "loaded_per_1k": _number(row.get("loaded_per_1k")),
                "quoted_share": f"{100 * float(row.get('quoted_share') or 0):.0f}%",
            }
        )
    return rows

"""Self-contained, reproducible HTML report of a corpus, comparing its groups.

:func:`write_corpus_report` writes ``index.html`` (inline CSS, charts as inline SVG, no
scripts, no external URLs), the charts as SVG files, the comparison tables as CSV and,
when the articles' source is given, one article report per article under
``article/<slug>/``, linked from the article list. The same corpus always gives the same
bytes, and the folder is replaced atomically, as for the article report. What each
section shows is decided in :mod:`framing.report.corpus_sections`.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing import display, plots
from framing.analysis import LexiconLike, analyze, resolve_lexicon
from framing.article import slugify, stable_id, unique_slugs
from framing.corpus import Comparison, compare
from framing.io import read_articles
from framing.report.article import is_own_file, write_contents
from framing.report.corpus_sections import (
    Z_LINE,
    article_rows,
    category_matrix,
    headline_rows,
    source_rows,
    stance_rows,
    term_groups,
    total_rows,
)
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

__all__ = ["ARTICLE_DIR", "write_corpus_report"]

logger = logging.getLogger("framing")

#: The folder of the article reports inside a corpus report: ``article/<slug>/``.
ARTICLE_DIR = "article"
# An earlier layout, replaced like the rest of an earlier report.
_OLD_ARTICLE_DIR = "articles"
_SVG_SALT = "framing-corpus"
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
    progress: bool = True,
) -> Path:
    """Write an HTML report comparing the groups of ``corpus`` into ``out_dir``.

    ``out_dir`` receives ``index.html``, ``figures/*.svg``, ``tables/{articles,rates,
    log_odds,stance,sources,errors}.csv`` and, with ``source``, ``article/<slug>/`` (an
    article report each, ``<slug>`` from the article's id). The report is built beside
    ``out_dir`` and swapped in when complete; an existing ``out_dir`` is replaced only if
    it holds nothing but an earlier report.

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
    progress : bool, default True
        Show a progress bar while the article reports are written (``tqdm.auto``: a
        widget in Jupyter, text in a terminal); False writes nothing to stderr.

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
            with _progress_bar(progress, len(slugs)) as bar:
                linked = _write_article_reports(staging, source, columns, slugs, analyse, bar)
        _write_contents(staging, corpus, comparison, slugs, linked, title)
    folder = Path(out_dir)
    for article_id in sorted(linked, key=lambda a: slugs[a]):
        logger.info("wrote report %s", folder / ARTICLE_DIR / slugs[article_id] / "index.html")
    index = folder / "index.html"
    logger.info("wrote corpus report %s", index)
    return index


def _is_own_file(path: Path, target: Path) -> bool:
    """Whether ``path`` (inside ``target``) is a file or folder a corpus report writes."""
    parts = path.relative_to(target).parts
    articles = parts[0] in (ARTICLE_DIR, _OLD_ARTICLE_DIR)
    if articles and len(parts) > 2:  # inside an article's report
        return is_own_file(path, target.joinpath(*parts[:2]))
    if path.is_dir():
        return parts in (("figures",), ("tables",)) or articles
    if parts == ("index.html",):
        return True
    return len(parts) == 2 and (parts[0], path.suffix) in (("figures", ".svg"), ("tables", ".csv"))


@contextmanager
def _progress_bar(enabled: bool, total: int) -> Iterator[Any]:
    from tqdm.auto import tqdm

    bar = tqdm(total=total, unit="report", desc="article reports", disable=not enabled)
    try:
        yield bar
    finally:
        bar.close()


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
    bar: Any,
) -> set[str]:
    """An article report per article of the corpus found in ``source``; returns their ids."""
    written: set[str] = set()
    for article in read_articles(source, columns=columns, on_error="skip"):
        if article.id not in slugs or article.id in written:
            continue
        report = folder / ARTICLE_DIR / slugs[article.id]
        report.mkdir(parents=True)
        write_contents(analyse(article), report)
        written.add(article.id)
        bar.update(1)
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
    categories = _categories(corpus, comparison)
    colors = display.category_colors(categories)
    charts = _charts(comparison, categories, colors)
    svgs = write_figures_and_tables(folder, charts, tables, salt=_SVG_SALT)
    links = {a: f"{ARTICLE_DIR}/{slugs[a]}/index.html" for a in linked}
    context = _context(corpus, comparison, tables, svgs, links, categories, title)
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
    comparison: Comparison, categories: list[str], colors: Mapping[str, str]
) -> dict[str, tuple[Callable[[Axes], Any], float]]:
    """Every chart: how to draw it and its height in inches."""
    n_groups = max(1, len(comparison.groups))
    rates = comparison.rates
    used = set(rates.loc[(rates["count"] > 0) & (rates["category"] != TOTAL), "category"])
    charts: dict[str, tuple[Callable[[Axes], Any], float]] = {
        "rates": (
            lambda ax: plots.rates_by_group(rates, ax=ax),
            1.4 + 0.45 * n_groups,
        ),
        "rates_by_category": (
            lambda ax: plots.rates_heatmap(rates, ax=ax, categories=categories),
            1.6 + 0.32 * max(1, len(used)),
        ),
    }
    for item in term_groups(comparison.log_odds, comparison.groups, _group_slug):
        if item["figure"] is None:  # no term passes the line: nothing to draw
            continue
        charts[item["figure"]] = (
            lambda ax, group=item["name"]: plots.log_odds_scatter(
                comparison.log_odds, group, ax=ax, colors=colors, z_threshold=Z_LINE
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
    links: Mapping[str, str],
    categories: list[str],
    title: str | None,
) -> dict[str, Any]:
    from markupsafe import Markup

    by = comparison.by
    articles = tables["articles"]
    n = len(corpus.articles)
    reference = display.Reference.from_articles(corpus.articles, f"this corpus ({n:,} articles)")
    return {
        "title": title or f"Corpus report: {len(articles):,} articles by {by}",
        "by": by,
        "overview": _overview(corpus, comparison),
        "provenance": _provenance_rows(corpus, comparison),
        "parameters": json.dumps(comparison.meta, sort_keys=True, default=str),
        "confidence": f"{100 * comparison.meta.get('confidence', 0.95):g}%",
        "svg": {name: Markup(inline_svg(svg)) for name, svg in svgs.items()},
        "headline": headline_rows(corpus.articles, by, reference, links),
        "totals": total_rows(comparison.rates),
        "categories": category_matrix(comparison.rates, categories),
        "groups": term_groups(comparison.log_odds, comparison.groups, _group_slug),
        "z_line": f"{Z_LINE:g}",
        "stance": stance_rows(comparison.stance),
        "stance_note": _stance_note(corpus),
        "sources": source_rows(comparison.sources),
        "articles": article_rows(corpus.articles, by, links, reference),
        "errors": corpus.errors.to_dict("records"),
        "files": [f"figures/{name}.svg" for name in svgs]
        + [f"tables/{name}.csv" for name in tables],
        "n_linked": len(links),
        "root_class": display.ROOT_CLASS,
        "version": comparison.meta.get("framing_version", ""),
    }


def _overview(corpus: CorpusAnalysis, comparison: Comparison) -> list[tuple[str, str]]:
    rows = [
        ("Articles", f"{len(corpus.articles):,}"),
        ("Compared by", comparison.by),
        ("Groups", ", ".join(comparison.groups)),
    ]
    if len(corpus.errors):
        rows.append(("Not analysed", f"{len(corpus.errors):,} (see Errors)"))
    return rows


def _provenance_rows(corpus: CorpusAnalysis, comparison: Comparison) -> list[tuple[str, str]]:
    """What the figures were made with, for the footer."""
    meta = corpus.meta
    lexicon = meta.get("lexicon") or {}
    targets = (meta.get("parameters") or {}).get("targets")
    rows = [
        ("framing version", meta.get("framing_version") or comparison.meta.get("framing_version")),
        (
            "Lexicon",
            f"{lexicon.get('name')} {lexicon.get('version')} · sha256 {lexicon.get('sha256')}"
            if lexicon
            else "",
        ),
        ("Targets", _targets_text(targets)),
    ]
    return [(label, str(value)) for label, value in rows if value not in (None, "")]


def _targets_text(targets: Any) -> str:
    """How the corpus run's targets are named in the footer."""
    if targets is None:
        return "the packaged gazetteer"
    describe = getattr(targets, "describe", None)
    if describe is not None:  # a Gazetteer
        part = describe()
        return f"{part['name']} {part['version']} · sha256 {part['sha256']}"
    return str(targets)


def _stance_note(corpus: CorpusAnalysis) -> str:
    """Why the stance section is empty, and how to fill it."""
    if (corpus.meta.get("parameters") or {}).get("targets") is None:
        return (
            "No article mentions a target of the packaged gazetteer (its countries, leaders "
            "and organisations). Pass the corpus's own: framing report --corpus SOURCE "
            "--targets FILE (a CSV with the columns target and alias), or "
            "framing.analyze_corpus(..., targets=...)."
        )
    return "No article mentions one of the targets the corpus was analysed with."

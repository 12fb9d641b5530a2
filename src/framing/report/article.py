"""Self-contained, reproducible HTML reports of one analysis.

:func:`write_report` writes ``index.html`` (inline CSS, charts as inline SVG, no scripts,
no external URLs), the charts as SVG files and the tables as CSV into one folder. The
same analysis always gives the same bytes, and the folder is replaced atomically: a
failure leaves the previous report as it was.
"""

from __future__ import annotations

import json
import logging
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing import display, plots
from framing.report.files import (
    FLOAT_FORMAT,
    environment,
    inline_svg,
    replaced_folder,
    write_figures_and_tables,
    write_text,
)
from framing.report.sections import sources_section, stance_section

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from framing.analysis import Analysis

__all__ = ["write_report"]

logger = logging.getLogger("framing")

#: Terms listed in the page's table (all of them are in tables/term_frequencies.csv).
TOP_TERMS_TABLE = 25
#: Terms drawn in the top-terms chart.
TOP_TERMS_CHART = 15
#: Fixed salt so matplotlib's SVG ids are the same on every run.
_SVG_SALT = "framing"

_FIGURES = (
    "loaded_by_category",
    "markers_by_category",
    "top_terms",
    "who_gets_the_floor",
    "cue_classes",
    "stance_scores",
)
# Written always, even with no rows (then just the header).
_TABLES = (
    "loaded_terms",
    "category_frequencies",
    "term_frequencies",
    "summary",
    "sources",
    "words_per_speaker",
    "stance",
    "stance_evidence",
    "target_mentions",
)
# Everything write_report may put in a folder; a folder holding anything else is not ours
# to replace.
_OWN_FILES = frozenset(
    {"index.html"}
    | {f"figures/{name}.svg" for name in _FIGURES}
    | {f"tables/{name}.csv" for name in _TABLES}
)
_OWN_DIRS = frozenset({"figures", "tables"})


def write_report(res: Analysis, out_dir: str | os.PathLike[str]) -> Path:
    """Write an HTML report of ``res`` with its figures and tables into ``out_dir``.

    ``out_dir`` receives ``index.html`` (self-contained), the charts as
    ``figures/{loaded_by_category,markers_by_category,top_terms,who_gets_the_floor,
    cue_classes,stance_scores}.svg`` and the tables as ``tables/{loaded_terms,category_frequencies,
    term_frequencies,summary,sources,words_per_speaker,stance,stance_evidence,
    target_mentions}.csv`` (every table always, with just its header when empty). The
    output is byte-for-byte the same for the same analysis.

    The report is built in a temporary folder beside ``out_dir`` and swapped in only when
    complete, so an error leaves any previous report untouched. An existing ``out_dir``
    is replaced only if it is empty or holds nothing but an earlier report.

    Parameters
    ----------
    res : framing.Analysis
        The analysis to report.
    out_dir : str or path
        The report's folder, e.g. ``"reports/<slug>/"``; created if missing.

    Returns
    -------
    pathlib.Path
        The path of ``index.html``.

    Raises
    ------
    FileExistsError
        If ``out_dir`` holds files that are not part of a framing report.
    NotADirectoryError
        If ``out_dir`` is a file.
    """
    with replaced_folder(out_dir, is_own=is_own_file, what="framing report") as staging:
        write_contents(res, staging)
    index = Path(out_dir) / "index.html"
    logger.info("wrote report %s", index)
    return index


def is_own_file(path: Path, target: Path) -> bool:
    """Whether ``path`` (inside ``target``) is a file or folder a report writes."""
    relative = path.relative_to(target).as_posix()
    return relative in (_OWN_FILES if path.is_file() else _OWN_DIRS)


def write_contents(res: Analysis, folder: Path) -> None:
    """Write every file of the report into the existing, empty ``folder`` (no swap, no
    log: a corpus report writes its article reports so, inside its own staging folder)."""
    tables = _tables(res)
    svgs = write_figures_and_tables(folder, _charts(res, tables), tables, salt=_SVG_SALT)
    write_text(folder / "index.html", _render_html(res, tables, svgs))


def _charts(
    res: Analysis, tables: dict[str, pd.DataFrame]
) -> dict[str, tuple[Callable[[Axes], Any], float]]:
    """Each chart of :data:`_FIGURES`: how to draw it and its height in inches."""
    colors = display.category_colors(res.lexicon.categories)
    terms = tables["term_frequencies"]
    n_terms = max(1, min(TOP_TERMS_CHART, int((terms["kind"] == "loaded").sum())))
    kinds = list(tables["category_frequencies"]["kind"])
    return {
        "loaded_by_category": (
            lambda ax: plots.loaded_by_category(tables["category_frequencies"], ax, colors=colors),
            1.4 + 0.42 * max(1, kinds.count("loaded")),
        ),
        "markers_by_category": (
            lambda ax: plots.markers_by_category(tables["category_frequencies"], ax, colors=colors),
            1.4 + 0.42 * max(1, kinds.count("marker")),
        ),
        "top_terms": (
            lambda ax: plots.top_terms(
                tables["term_frequencies"], TOP_TERMS_CHART, ax, colors=colors
            ),
            1.2 + 0.3 * n_terms,
        ),
        "who_gets_the_floor": (
            lambda ax: plots.who_gets_the_floor(tables["words_per_speaker"], ax),
            1.4 + 0.42 * max(1, min(12, len(tables["words_per_speaker"]))),
        ),
        "cue_classes": (lambda ax: plots.cue_classes(tables["sources"], ax), 2.0),
        "stance_scores": (
            lambda ax: plots.stance_scores(tables["stance"], ax),
            1.4 + 0.38 * max(1, len(tables["stance"])),
        ),
    }


def _tables(res: Analysis) -> dict[str, pd.DataFrame]:
    """The report's tables (:data:`_TABLES`), in stable row orders."""
    from framing.sources import words_per_speaker

    summary = res.summary()
    return {
        "loaded_terms": res.loaded_terms.sort_values(["start", "end"], kind="stable"),
        "category_frequencies": res.category_frequencies(),
        "term_frequencies": res.term_frequencies().sort_values(
            ["count", "term"], ascending=[False, True], kind="stable"
        ),
        "summary": _summary_table(summary),
        "sources": res.sources,
        "words_per_speaker": words_per_speaker(res.sources),
        "stance": res.stance.sort_values(
            ["mentions", "target"], ascending=[False, True], kind="stable"
        ),
        "stance_evidence": res.stance_evidence,
        "target_mentions": res.target_mentions.sort_values(["start", "end"], kind="stable"),
    }


def _summary_table(summary: pd.Series) -> pd.DataFrame:
    """``summary()`` as ``metric, value`` rows; whole numbers printed without decimals."""
    import pandas as pd

    values = [_number_text(v) for v in summary.to_numpy()]
    return pd.DataFrame({"metric": [str(i) for i in summary.index], "value": values})


def _number_text(value: Any) -> str:
    """``635`` for whole numbers (counts), a fixed four decimals for other numbers, and
    text (``top_speaker``) as it is."""
    if isinstance(value, str) or value is None:
        return value or ""
    number = float(value)
    if math.isnan(number):
        return ""
    return str(int(number)) if number.is_integer() else FLOAT_FORMAT % number


def _render_html(res: Analysis, tables: dict[str, pd.DataFrame], svgs: dict[str, str]) -> str:
    from markupsafe import Markup

    article = res.article
    spans = display.highlight_spans(res.loaded_terms, res.sources, res.target_mentions)
    summary = res.summary()
    reference = display.Reference.load()
    found = display.findings(
        summary,
        tables["category_frequencies"],
        tables["term_frequencies"],
        tables["words_per_speaker"],
        tables["stance"],
        reference,
    )
    context = {
        "title": article.title or "Untitled article",
        "byline": _byline(res),
        # What went wrong when the article was read (decoding, extraction), for the header.
        "reading_warnings": list(article.meta.get("warnings", [])),
        "findings": found,
        "headline": display.placed_figures(summary, reference),
        "counts": _counts(summary),
        "reference": _reference_card(reference),
        "provenance": _provenance_rows(res, reference),
        "parameters": json.dumps(res.meta.get("parameters", {}), sort_keys=True, default=str),
        **_loaded_sections(tables["category_frequencies"], tables["term_frequencies"]),
        "svg": {name: Markup(inline_svg(svg)) for name, svg in svgs.items()},
        "css": Markup(display.stylesheet(res.lexicon.categories)),
        "legend": Markup(display.layers_legend_html(res.lexicon.categories, res.sources)),
        "highlighted": Markup(display.render_highlights(article.text, spans)),
        "root_class": display.ROOT_CLASS,
        "sources": sources_section(tables["sources"], tables["words_per_speaker"], res.n_words),
        "stance": stance_section(
            tables["stance"],
            tables["stance_evidence"],
            weights=(res.meta.get("parameters", {}).get("stance") or {}).get("weights"),
        ),
        "files": _file_list(),
        "version": res.meta.get("framing_version", ""),
    }
    return environment().get_template("report.html.j2").render(**context)


def _byline(res: Analysis) -> list[tuple[str, str]]:
    """Outlet, author, date and URL: what the reader needs to place the article."""
    article = res.article
    rows = [
        ("Outlet", article.outlet),
        ("Author", article.author),
        ("Published", article.published),
        ("URL", article.url),
    ]
    return [(label, str(value)) for label, value in rows if value not in (None, "")]


def _provenance_rows(res: Analysis, reference: display.Reference) -> list[tuple[str, str]]:
    """What the figures were made with, for the footer: the article's id, framing's
    version, the lexicon and gazetteer (name, version, hash) and the reference."""
    rows = [
        ("Article id", res.article.id),
        ("framing version", res.meta.get("framing_version")),
    ]
    for part in res.meta.get("lexicons", []):
        # analyze() records the lexicon, then the gazetteer of the targets.
        label = "Lexicon" if part.get("sha256") == res.lexicon.sha256 else "Gazetteer"
        rows.append(
            (label, f"{part.get('name')} {part.get('version')} · sha256 {part.get('sha256')}")
        )
    card = reference.card
    version = f"{card.get('name', 'reference')} {card.get('version', '')}".strip()
    rows.append(
        ("Reference", f"{version} · sha256 {card['sha256']}" if "sha256" in card else version)
    )
    return [(label, str(value)) for label, value in rows if value not in (None, "")]


def _counts(summary: pd.Series) -> list[tuple[str, str]]:
    """The article's plain counts, shown under the headline figures."""

    def whole(key: str) -> str:
        return f"{int(summary.get(key, 0)):,}"

    return [
        (whole("n_words"), "words"),
        (whole("n_sentences"), "sentences"),
        (whole("n_paragraphs"), "paragraphs"),
        (whole("n_loaded"), "loaded terms"),
        (whole("n_markers"), "epistemic markers"),
        (whole("n_quotes"), "direct quotes"),
        (whole("n_targets"), "targets mentioned"),
    ]


def _reference_card(reference: display.Reference) -> dict[str, Any]:
    """The reference's name, size and card, for the data section the figures link to."""
    card = reference.card
    fields = (("what", "What"), ("corpus", "Corpus"), ("method", "Method"),
              ("licence", "Licence"), ("caveats", "Caveats"))  # fmt: skip
    return {
        "name": reference.name,
        "short": reference.name.split(":", 1)[0],
        "n_articles": f"{reference.n_articles:,}",
        "rows": [(label, " ".join(str(card[key]).split())) for key, label in fields if key in card],
    }


def _loaded_sections(categories: pd.DataFrame, terms: pd.DataFrame) -> dict[str, Any]:
    """The loaded-language and the epistemic-marker sections: category rows and terms."""
    loaded_terms = terms[terms["kind"] == "loaded"]
    return {
        "categories": _category_rows(categories[categories["kind"] == "loaded"]),
        "terms": _term_rows(loaded_terms.head(TOP_TERMS_TABLE)),
        "n_terms": len(loaded_terms),
        "markers": _category_rows(categories[categories["kind"] == "marker"]),
        "marker_terms": _term_rows(terms[terms["kind"] == "marker"].head(TOP_TERMS_TABLE)),
    }


def _term_rows(terms: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {
            "term": display.display_label(row["term"]),
            "category": display.display_label(row["category"]),
            "count": int(row["count"]),
            "forms": row["forms"],
        }
        for row in terms.to_dict("records")
    ]


def _category_rows(frequencies: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {
            "category": display.display_label(row["category"]),
            "css_class": display.css_class(row["category"]),
            "definition": row.get("definition") or "",
            "count": int(row["count"]),
            "per_1k": f"{float(row['per_1k']):.1f}",
            "author": int(row["author"]),
            "in_quote": int(row["in_quote"]),
            "literal": int(row["literal"]),
        }
        for row in frequencies.to_dict("records")
    ]


def _file_list() -> list[str]:
    return [f"figures/{name}.svg" for name in _FIGURES] + [f"tables/{name}.csv" for name in _TABLES]

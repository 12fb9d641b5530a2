"""The notebook view of an analysis: what it finds, its figures, a legend and the text.

:func:`analysis_html` builds the view with its own scoped CSS (:mod:`framing.display.style`);
:func:`framing.display.render_highlights` does the rendering and
:mod:`framing.display.layers` turns the analysis's tables into spans.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING

from framing.display.findings import findings
from framing.display.highlight import render_highlights
from framing.display.layers import LAYERS, check_layers, highlight_spans
from framing.display.legend import layers_legend_html
from framing.display.style import ROOT_CLASS, display_label, signed, stylesheet
from framing.sources import source_summary, words_per_speaker

if TYPE_CHECKING:
    import pandas as pd

    from framing.analysis import Analysis

__all__ = ["analysis_html", "sources_line", "stance_line"]


def _figures_line(summary: pd.Series, frequencies: pd.DataFrame) -> str:
    """One line: words, loaded terms, rate, the three most frequent loaded categories and
    the epistemic markers' rate, counted apart."""
    loaded = frequencies[(frequencies["count"] > 0) & (frequencies["kind"] == "loaded")]
    top = loaded.sort_values("count", ascending=False, kind="stable")
    top_text = ", ".join(
        f"{escape(display_label(row.category))} {int(row.count)}"
        for row in top.head(3).itertuples()
    )
    line = (
        f"{int(summary['n_words']):,} words · {int(summary['n_loaded'])} loaded terms · "
        f"{float(summary['loaded_per_1k']):.1f} per 1,000 words"
    )
    line += f" · most frequent: {top_text}" if top_text else ""
    n_markers = int(summary["n_markers"])
    return line + (
        f" · epistemic markers: {n_markers} ({float(summary['markers_per_1k']):.1f} per 1,000)"
    )


def sources_line(sources: pd.DataFrame, n_words: int) -> str:
    """One line of escaped HTML: quotes, quoted share, distinct sources, anonymous share.

    Parameters
    ----------
    sources : pandas.DataFrame
        A ``sources`` table.
    n_words : int
        Words in the article, for the quoted share.
    """
    figures = source_summary(sources, n_words)
    n_quotes = int(figures["n_quotes"])
    line = (
        f"Sources: {n_quotes} direct quote{'' if n_quotes == 1 else 's'} · "
        f"{100 * float(figures['quoted_share']):.0f}% of words quoted · "
        f"{int(figures['n_sources'])} distinct sources · "
        f"{100 * float(figures['anonymous_share']):.0f}% anonymous"
    )
    top = figures.get("top_speaker") or ""
    if top:
        share = 100 * float(figures.get("top_speaker_share", 0.0))
        line += f" · most reported words: {escape(str(top))} ({share:.0f}%)"
    return line


def stance_line(stance: pd.DataFrame, n: int = 5) -> str:
    """One line of escaped HTML: the ``n`` most mentioned targets with their scores.

    Parameters
    ----------
    stance : pandas.DataFrame
        A ``stance`` table (``target, mentions, score``; ``low_evidence`` when present).
    n : int
        How many targets to name.
    """
    if stance.empty:
        return "Stance: no targets mentioned"
    top = stance.sort_values(["mentions", "target"], ascending=[False, True], kind="stable")
    items = []
    for row in top.head(n).to_dict("records"):
        low = ", low evidence" if row.get("low_evidence") is True else ""
        mentions = int(row["mentions"])
        items.append(
            f"{escape(str(row['target']))} {signed(float(row['score']))} "
            f"({mentions} mention{'' if mentions == 1 else 's'}{low})"
        )
    more = f" · {len(stance) - n} more" if len(stance) > n else ""
    return "Stance (−1 unfavourable … +1 favourable): " + " · ".join(items) + more


def _hover_note(layers: tuple[str, ...]) -> str:
    notes = ["Hover a highlight for details."]
    if "loaded" in layers:
        notes.append(
            "Loaded terms are tinted by category; a dashed underline marks one inside a quote."
        )
    if "sources" in layers:
        notes.append("Direct quotes have a grey background; speakers are outlined by type.")
    if "targets" in layers:
        notes.append("Targets are underlined.")
    return " ".join(notes)


def analysis_html(res: Analysis, layers: Iterable[str] = LAYERS) -> str:
    """The notebook view of an analysis: a short summary, a legend and the highlighted text.

    Used by ``Analysis._repr_html_`` (with every layer). The markup carries its own CSS,
    scoped under ``.framing-analysis``; everything from the article is escaped. Where
    spans of different layers overlap their marks nest (quotes outside speakers outside
    loaded terms outside target mentions; see :func:`render_highlights`).

    Parameters
    ----------
    res : framing.Analysis
    layers : iterable of str
        Which highlights to show: any of ``"loaded"`` (loaded terms by category),
        ``"sources"`` (direct quotes and speakers) and ``"targets"`` (target mentions).
        All three by default.

    Returns
    -------
    str
        A self-contained HTML fragment.

    Examples
    --------
    >>> from IPython.display import HTML  # doctest: +SKIP
    >>> HTML(analysis_html(res, layers=("sources", "targets")))  # doctest: +SKIP
    """
    chosen = check_layers(layers)
    article = res.article
    title = escape(article.title) if article.title else "Untitled article"
    byline = " · ".join(
        escape(str(v)) for v in (article.outlet, article.author, article.published) if v
    )
    spans = highlight_spans(res.loaded_terms, res.sources, res.target_mentions, chosen)
    highlighted = render_highlights(article.text, spans)
    summary, categories = res.summary(), res.category_frequencies()
    found = findings(
        summary, categories, res.term_frequencies(), words_per_speaker(res.sources), res.stance
    )
    figures = [
        _figures_line(summary, categories),
        sources_line(res.sources, res.n_words),
        stance_line(res.stance),
    ]
    return (
        f'<div class="{ROOT_CLASS}">\n<style>{stylesheet(res.lexicon.categories)}</style>\n'
        f'<div class="fr-title">{title}</div>\n'
        + (f'<div class="fr-note">{byline}</div>\n' if byline else "")
        + '<p class="fr-findings">'
        + " ".join(escape(sentence) for sentence in found)
        + "</p>\n"
        + '<div class="fr-figures">'
        + "".join(f"<div>{line}</div>" for line in figures)
        + "</div>\n"
        f"{layers_legend_html(res.lexicon.categories, res.sources, chosen)}\n"
        f'<div class="fr-note">{_hover_note(chosen)}</div>\n'
        f'<div class="fr-text">\n{highlighted}\n</div>\n</div>'
    )

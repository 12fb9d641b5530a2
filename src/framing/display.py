"""The notebook view of an analysis, and the palette and styles it shares with the report.

:func:`analysis_html` builds the view (a short summary, a legend and the article with its
highlight layers) with its own scoped CSS; :func:`framing.highlight.render_highlights`
does the rendering and :mod:`framing.layers` turns tables into spans. The colours defined
here are shared with :mod:`framing.plots`, so that a category, a speaker type or a cue
class has the same colour in the text and in the charts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from html import escape
from itertools import cycle
from typing import TYPE_CHECKING

from framing.highlight import LAYER_NESTING, css_class, render_highlights
from framing.layers import LAYERS, check_layers, highlight_spans, layer_class, loaded_term_spans

if TYPE_CHECKING:
    import pandas as pd

    from framing.analysis import Analysis

__all__ = [
    "CUE_CLASS_COLORS",
    "LAYERS",
    "LAYER_NESTING",
    "PALETTE",
    "SPEAKER_TYPE_COLORS",
    "STANCE_COLORS",
    "analysis_html",
    "analysis_legend_html",
    "category_colors",
    "css_class",
    "highlight_css",
    "layer_css",
    "legend_html",
    "loaded_term_spans",
    "render_highlights",
    "signed",
    "sources_line",
    "stance_line",
    "stylesheet",
]

#: Paul Tol's "muted" palette: colours that stay distinct for colour-blind readers,
#: dark enough for chart bars and, tinted, for highlights under text.
PALETTE: tuple[str, ...] = (
    "#CC6677",  # rose
    "#332288",  # indigo
    "#DDCC77",  # sand
    "#117733",  # green
    "#88CCEE",  # cyan
    "#882255",  # wine
    "#44AA99",  # teal
    "#999933",  # olive
    "#AA4499",  # purple
    "#888888",  # grey (Tol's pale grey is too faint as a tint under text)
)

#: Speaker types (``sources.speaker_type``), from Paul Tol's "bright" palette: the outline
#: of a speaker in the text and its bar in the "who gets the floor" chart.
SPEAKER_TYPE_COLORS: dict[str, str] = {
    "person": "#4477AA",
    "organisation": "#228833",
    "anonymous": "#EE6677",
    "labelled": "#AA3377",
    "media": "#66CCEE",
    "document": "#CCBB44",
}

#: Cue classes (``sources.cue_class``) in the order they are shown.
CUE_CLASS_COLORS: dict[str, str] = {
    "endorsing": "#117733",
    "neutral": "#888888",
    "distancing": "#DDCC77",
    "emotive": "#CC6677",
}

#: Stance scores: unfavourable (negative) and favourable (positive), Tol's "BuRd" ends.
STANCE_COLORS: dict[str, str] = {"negative": "#B2182B", "positive": "#2166AC"}

#: Target mentions are underlined in this colour.
TARGET_COLOR = "#1A1A1A"

#: The CSS class that scopes every rule of :func:`analysis_html` and the report.
ROOT_CLASS = "framing-analysis"

_LAYER_TITLES = {"loaded": "Loaded terms", "sources": "Sources", "targets": "Targets"}
_SPEAKER_TYPE_HELP = {
    "person": "a named person",
    "organisation": "a named country, government or organisation",
    "anonymous": "an unnamed source (officials, experts, sources)",
    "labelled": "someone described but not named (an activist, a journalist)",
    "media": "another outlet or 'the media'",
    "document": "a document, report or link",
}


def category_colors(categories: Iterable[str]) -> dict[str, str]:
    """Give each category a colour from :data:`PALETTE`, in the order given.

    Parameters
    ----------
    categories : iterable of str
        Category names in display order (usually ``Lexicon.categories``); repeats are
        ignored. The palette repeats after ten categories.

    Returns
    -------
    dict
        ``{category: "#RRGGBB"}``.
    """
    unique = dict.fromkeys(categories)
    return dict(zip(unique, cycle(PALETTE), strict=False))


def _hex_to_rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def highlight_css(colors: Mapping[str, str], *, scope: str = f".{ROOT_CLASS}") -> str:
    """CSS for loaded-term highlights and legend swatches, every rule under ``scope``.

    Parameters
    ----------
    colors : mapping
        ``{label: "#RRGGBB"}``, as from :func:`category_colors`.
    scope : str
        A selector that prefixes every rule, so the styles never leak into a notebook.

    Returns
    -------
    str
        A style sheet (without the ``<style>`` element).
    """
    rules = [
        f"{scope} mark.fr-hl {{ color: inherit; padding: 0 0.1em; border-radius: 0.2em;"
        " border-bottom: 0.15em solid transparent; cursor: help; }",
        f"{scope} mark.fr-quoted {{ border-bottom-style: dashed; }}",
        f"{scope} .fr-swatch {{ display: inline-block; width: 0.9em; height: 0.9em;"
        " border-radius: 0.2em; vertical-align: -0.1em; margin-right: 0.3em; }",
    ]
    for label, color in colors.items():
        red, green, blue = _hex_to_rgb(color)
        cls = css_class(label)
        rules.append(
            f"{scope} mark.{cls} {{ background: rgba({red}, {green}, {blue}, 0.3);"
            f" border-bottom-color: {color}; }}"
        )
        rules.append(f"{scope} .fr-swatch.{cls} {{ background: {color}; }}")
    return "\n".join(rules)


def _both(scope: str, cls: str) -> str:
    """A selector for a layer class on marks and on legend samples alike."""
    return f"{scope} .fr-hl.{cls}, {scope} .fr-sample.{cls}"


def layer_css(*, scope: str = f".{ROOT_CLASS}") -> str:
    """CSS for the quote, speaker and target layers (and their legend samples).

    Quotes get a faint grey background, scare quotes a dotted outline, speakers an outline
    in the colour of their type (:data:`SPEAKER_TYPE_COLORS`) and target mentions an
    underline. Every rule is under ``scope``.
    """
    speaker, quote, target = layer_class("speaker"), layer_class("quote"), layer_class("target")
    rules = [
        f"{scope} .fr-sample {{ padding: 0 0.2em; border-radius: 0.2em; }}",
        f"{_both(scope, quote)} {{ background: rgba(120, 120, 120, 0.13); border-radius: 0;"
        " padding: 0; -webkit-box-decoration-break: clone; box-decoration-break: clone; }",
        f"{_both(scope, 'frl-scare')} {{ background: none; outline: 1px dotted #777; }}",
        f"{_both(scope, speaker)} {{ background: none; outline: 0.1em solid #555;"
        " outline-offset: 0.05em; border-radius: 0.2em; }",
        f"{_both(scope, target)} {{ background: none; padding: 0; border-radius: 0;"
        f" text-decoration: underline {TARGET_COLOR}; text-decoration-thickness: 0.09em;"
        " text-underline-offset: 0.12em; text-decoration-skip-ink: none; }",
    ]
    for speaker_type, color in SPEAKER_TYPE_COLORS.items():
        rules.append(
            f"{_both(scope, layer_class('speaker', speaker_type))} {{ outline-color: {color}; }}"
        )
    return "\n".join(rules)


def legend_html(categories: Mapping[str, str], *, title: str | None = None) -> str:
    """A legend: one colour swatch per category, its definition on hover.

    Parameters
    ----------
    categories : mapping
        ``{category: definition}`` in display order.
    title : str, optional
        A heading shown first in the row (e.g. "Loaded terms").

    Returns
    -------
    str
        An HTML ``<ul class="fr-legend">``.
    """
    head = f'<li class="fr-legend-head">{escape(title)}</li>' if title else ""
    items = "".join(
        f"<li{_title_attribute(definition)}>"
        f'<span class="fr-swatch {css_class(name)}"></span>{escape(str(name))}</li>'
        for name, definition in categories.items()
    )
    return f'<ul class="fr-legend">{head}{items}</ul>'


def _title_attribute(title: object) -> str:
    return f' title="{escape(str(title))}"' if title else ""


def _sample(cls: str, text: str, help_text: str) -> str:
    return (
        f'<li title="{escape(help_text)}"><span class="fr-sample {cls}">{escape(text)}</span></li>'
    )


def analysis_legend_html(res: Analysis, layers: Iterable[str] = LAYERS) -> str:
    """The legend of the chosen layers: one row per layer, only what the article has.

    Loaded terms list every category of the lexicon; sources show the quote style, the
    scare-quote style when there are any, and the speaker types that occur; targets show
    the underline.
    """
    chosen = check_layers(layers)
    rows = []
    if "loaded" in chosen:
        rows.append(legend_html(res.lexicon.categories, title=_LAYER_TITLES["loaded"]))
    if "sources" in chosen:
        sources = res.sources
        items = [_sample(layer_class("quote"), "quote", "the words of a direct quote")]
        if (sources["kind"] == "scare_quote").any():
            items.append(
                _sample(
                    f"{layer_class('quote')} frl-scare",
                    "scare quote",
                    "a short, unattributed quote",
                )
            )
        present = set(sources.loc[sources["speaker_start"] >= 0, "speaker_type"])
        for speaker_type, help_text in _SPEAKER_TYPE_HELP.items():
            if speaker_type in present:
                cls = f"{layer_class('speaker')} {layer_class('speaker', speaker_type)}"
                items.append(_sample(cls, speaker_type, f"speaker: {help_text}"))
        head = f'<li class="fr-legend-head">{_LAYER_TITLES["sources"]}</li>'
        rows.append(f'<ul class="fr-legend">{head}{"".join(items)}</ul>')
    if "targets" in chosen:
        head = f'<li class="fr-legend-head">{_LAYER_TITLES["targets"]}</li>'
        sample = _sample(layer_class("target"), "target mention", "a mention of a stance target")
        rows.append(f'<ul class="fr-legend">{head}{sample}</ul>')
    return '<div class="fr-legends">' + "".join(rows) + "</div>"


_BASE_CSS = f"""
.{ROOT_CLASS} {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.6; max-width: 48rem; }}
.{ROOT_CLASS} .fr-title {{ font-size: 1.25em; font-weight: 600; margin: 0.2em 0; }}
.{ROOT_CLASS} .fr-figures {{ margin: 0.2em 0 0.6em; opacity: 0.85; }}
.{ROOT_CLASS} .fr-figures div {{ margin: 0.1em 0; }}
.{ROOT_CLASS} ul.fr-legend {{ list-style: none; padding: 0; margin: 0.3em 0;
  display: flex; flex-wrap: wrap; gap: 0.3em 1em; font-size: 0.9em; }}
.{ROOT_CLASS} ul.fr-legend li {{ cursor: help; }}
.{ROOT_CLASS} ul.fr-legend li.fr-legend-head {{ cursor: auto; font-weight: 600; min-width: 6.5em; }}
.{ROOT_CLASS} .fr-legends {{ margin: 0.4em 0 0.8em; }}
.{ROOT_CLASS} .fr-note {{ font-size: 0.85em; opacity: 0.75; }}
.{ROOT_CLASS} .fr-text p {{ margin: 0 0 0.8em; line-height: 1.8; }}
"""


def stylesheet(categories: Iterable[str]) -> str:
    """The complete scoped style sheet for :func:`analysis_html` and the report.

    Parameters
    ----------
    categories : iterable of str
        Category names in display order; they get colours by :func:`category_colors`.
    """
    return _BASE_CSS + highlight_css(category_colors(categories)) + "\n" + layer_css() + "\n"


def signed(value: float) -> str:
    """A score as text: ``+0.42``, ``−0.36`` (a true minus sign), ``0.00``; NaN as ``n/a``."""
    if value is None or math.isnan(value):
        return "n/a"
    text = f"{value:+.2f}"
    return "0.00" if text in ("+0.00", "-0.00") else text.replace("-", "−")


def _figures_line(summary: pd.Series, frequencies: pd.DataFrame) -> str:
    """One line: words, loaded terms, rate and the three most frequent categories."""
    top = frequencies[frequencies["count"] > 0].sort_values("count", ascending=False, kind="stable")
    top_text = ", ".join(
        f"{escape(str(row.category))} {int(row.count)}" for row in top.head(3).itertuples()
    )
    line = (
        f"{int(summary['n_words']):,} words · {int(summary['n_loaded'])} loaded terms · "
        f"{float(summary['loaded_per_1k']):.1f} per 1,000 words"
    )
    return line + (f" · most frequent: {top_text}" if top_text else "")


def sources_line(sources: pd.DataFrame, n_words: int) -> str:
    """One line of escaped HTML: quotes, quoted share, distinct sources, anonymous share.

    Parameters
    ----------
    sources : pandas.DataFrame
        A ``sources`` table.
    n_words : int
        Words in the article, for the quoted share.
    """
    from framing.sources import source_summary

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
    highlighted = render_highlights(article.text, highlight_spans(res, chosen))
    figures = [
        _figures_line(res.summary(), res.category_frequencies()),
        sources_line(res.sources, res.n_words),
        stance_line(res.stance),
    ]
    return (
        f'<div class="{ROOT_CLASS}">\n<style>{stylesheet(res.lexicon.categories)}</style>\n'
        f'<div class="fr-title">{title}</div>\n'
        + (f'<div class="fr-note">{byline}</div>\n' if byline else "")
        + '<div class="fr-figures">'
        + "".join(f"<div>{line}</div>" for line in figures)
        + "</div>\n"
        f"{analysis_legend_html(res, chosen)}\n"
        f'<div class="fr-note">{_hover_note(chosen)}</div>\n'
        f'<div class="fr-text">\n{highlighted}\n</div>\n</div>'
    )

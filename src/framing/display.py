"""Highlighted article text, rendered from plain data (in the spirit of spaCy's displaCy).

:func:`render_highlights` turns a text and a list of ``{start, end, label, title}`` spans
into escaped HTML; :func:`analysis_html` builds the notebook view of an analysis (a short
summary, a legend and the highlighted article) with its own scoped CSS. The category
palette defined here is shared with :mod:`framing.plots` so that a category has the same
colour in the text and in the charts.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from html import escape
from itertools import cycle
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from framing.analysis import Analysis

__all__ = [
    "PALETTE",
    "analysis_html",
    "category_colors",
    "css_class",
    "highlight_css",
    "legend_html",
    "loaded_term_spans",
    "render_highlights",
    "stylesheet",
]

logger = logging.getLogger("framing")

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

#: The CSS class that scopes every rule of :func:`analysis_html` and the report.
ROOT_CLASS = "framing-analysis"

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_NOT_CSS = re.compile(r"[^A-Za-z0-9_-]+")
_CSS_CLASS_LIST = re.compile(r"^[A-Za-z0-9_ -]*$")


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


def css_class(label: str) -> str:
    """Return the CSS class that marks spans labelled ``label`` (``"fr-" + safe label``)."""
    return "fr-" + (_NOT_CSS.sub("-", str(label)).strip("-") or "x")


def _hex_to_rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def highlight_css(colors: Mapping[str, str], *, scope: str = f".{ROOT_CLASS}") -> str:
    """CSS for highlights and legend swatches, every rule under ``scope``.

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


def _paragraph_ranges(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each blank-line-separated paragraph, whitespace trimmed."""
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        stop = len(text) if match is None else match.start()
        chunk = text[position:stop]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            yield position + lead, position + len(chunk.rstrip())
        if match is not None:
            position = match.end()


def _checked_spans(text: str, spans: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Validate offsets, then keep a non-overlapping subset (see :func:`render_highlights`)."""
    valid = []
    for index, span in enumerate(spans):
        start, end = int(span["start"]), int(span["end"])
        if not 0 <= start < end <= len(text):
            raise ValueError(
                f"span {index} has offsets {start}:{end}, outside the text (length "
                f"{len(text)}) or empty; offsets must index into the text being rendered."
            )
        valid.append({**span, "start": start, "end": end})
    ordered = sorted(
        valid,
        key=lambda s: (s["start"], -s["end"], str(s["label"]), str(s.get("title") or "")),
    )
    kept: list[Mapping[str, Any]] = []
    for span in ordered:
        if not kept or span["start"] >= kept[-1]["end"]:
            kept.append(span)
    if len(kept) < len(ordered):
        logger.debug("render_highlights: dropped %d overlapping span(s)", len(ordered) - len(kept))
    return kept


def _escape_lines(text: str) -> str:
    """Escape ``text`` and keep its single line breaks as ``<br>``."""
    return "<br>\n".join(escape(line) for line in text.split("\n"))


def _title_attribute(title: object) -> str:
    """`` title="..."`` (escaped), or nothing for an empty title."""
    return f' title="{escape(str(title))}"' if title else ""


def _mark(text: str, span: Mapping[str, Any], cls: str) -> str:
    classes = f"fr-hl {cls}"
    extra = span.get("extra_class")
    if extra:
        if not _CSS_CLASS_LIST.match(extra):
            raise ValueError(f"extra_class {extra!r} is not a list of CSS class names.")
        classes += f" {extra}"
    return (
        f'<mark class="{classes}" data-label="{escape(str(span["label"]))}"'
        f"{_title_attribute(span.get('title'))}>"
        f"{_escape_lines(text)}</mark>"
    )


def _render_paragraph(
    text: str, start: int, end: int, spans: list[Mapping[str, Any]], classes: Mapping[str, str]
) -> str:
    """Render ``text[start:end]`` with the parts of ``spans`` that fall inside it."""
    parts = []
    position = start
    for span in spans:
        span_start, span_end = max(span["start"], start), min(span["end"], end)
        if span_start >= span_end:
            continue
        parts.append(_escape_lines(text[position:span_start]))
        label = span["label"]
        parts.append(_mark(text[span_start:span_end], span, classes.get(label, css_class(label))))
        position = span_end
    parts.append(_escape_lines(text[position:end]))
    return "<p>" + "".join(parts) + "</p>"


def render_highlights(
    text: str,
    spans: Iterable[Mapping[str, Any]],
    *,
    classes: Mapping[str, str] | None = None,
) -> str:
    """Render ``text`` as HTML paragraphs with ``spans`` highlighted.

    All text is HTML-escaped. Blank-line-separated paragraphs become ``<p>`` elements and
    single line breaks become ``<br>``. Each span becomes
    ``<mark class="fr-hl CLASS" data-label="LABEL" title="TITLE">`` around exactly
    ``text[start:end]``; a span that crosses a paragraph break is split into one mark per
    paragraph.

    Overlapping spans are resolved deterministically, whatever order they come in: spans
    are taken by start offset (then the longer first, then by label and title), and a span
    that overlaps one already taken is dropped. So of two nested matches the outer one is
    shown, and of two crossing matches the one that starts first.

    Parameters
    ----------
    text : str
        The text the offsets index into.
    spans : iterable of mapping
        Each with ``start`` and ``end`` (character offsets), ``label`` (e.g. the category)
        and optionally ``title`` (hover text) and ``extra_class`` (further CSS classes,
        e.g. ``"fr-quoted"``).
    classes : mapping, optional
        ``{label: CSS class}``; labels not in it get :func:`css_class` of the label.

    Returns
    -------
    str
        HTML: a sequence of ``<p>`` elements (empty string for a blank text).

    Raises
    ------
    ValueError
        If a span is empty or its offsets fall outside ``text``.
    """
    kept = _checked_spans(text, spans)
    classes = classes or {}
    return "\n".join(
        _render_paragraph(text, start, end, kept, classes) for start, end in _paragraph_ranges(text)
    )


def _voice(row: Mapping[str, Any]) -> str:
    if row.get("in_quote") is not True:
        return "author's voice"
    speaker = row.get("speaker")
    has_speaker = isinstance(speaker, str) and speaker.strip()
    return f"quoting {speaker}" if has_speaker else "inside a quote"


def loaded_term_spans(loaded_terms: pd.DataFrame) -> list[dict[str, Any]]:
    """Turn a ``loaded_terms`` table into spans for :func:`render_highlights`.

    The hover text reads like ``"insinuated → insinuate · doubt · author's voice"`` (the
    arrow only when the surface form differs from the lexicon term); matches inside quotes
    get the extra class ``fr-quoted`` (a dashed underline).

    Parameters
    ----------
    loaded_terms : pandas.DataFrame
        With at least ``start, end, text, term, category, in_quote``; ``speaker`` and
        ``negated`` are used when present.

    Returns
    -------
    list of dict
    """
    spans = []
    for row in loaded_terms.to_dict("records"):
        surface, term = str(row["text"]), str(row["term"])
        head = surface if surface.casefold() == term.casefold() else f"{surface} → {term}"
        parts = [head, str(row["category"]), _voice(row)]
        if row.get("negated") is True:
            parts.append("negated")
        spans.append(
            {
                "start": row["start"],
                "end": row["end"],
                "label": row["category"],
                "title": " · ".join(parts),
                "extra_class": "fr-quoted" if row.get("in_quote") is True else "",
            }
        )
    return spans


def legend_html(categories: Mapping[str, str]) -> str:
    """A legend: one colour swatch per category, its definition on hover.

    Parameters
    ----------
    categories : mapping
        ``{category: definition}`` in display order.

    Returns
    -------
    str
        An HTML ``<ul class="fr-legend">``.
    """
    items = "".join(
        f"<li{_title_attribute(definition)}>"
        f'<span class="fr-swatch {css_class(name)}"></span>{escape(str(name))}</li>'
        for name, definition in categories.items()
    )
    return f'<ul class="fr-legend">{items}</ul>'


_BASE_CSS = f"""
.{ROOT_CLASS} {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.6; max-width: 48rem; }}
.{ROOT_CLASS} .fr-title {{ font-size: 1.25em; font-weight: 600; margin: 0.2em 0; }}
.{ROOT_CLASS} .fr-figures {{ margin: 0.2em 0 0.6em; opacity: 0.85; }}
.{ROOT_CLASS} ul.fr-legend {{ list-style: none; padding: 0; margin: 0.4em 0 0.8em;
  display: flex; flex-wrap: wrap; gap: 0.3em 1em; font-size: 0.9em; }}
.{ROOT_CLASS} ul.fr-legend li {{ cursor: help; }}
.{ROOT_CLASS} .fr-note {{ font-size: 0.85em; opacity: 0.75; }}
.{ROOT_CLASS} .fr-text p {{ margin: 0 0 0.8em; }}
"""


def stylesheet(categories: Iterable[str]) -> str:
    """The complete scoped style sheet for :func:`analysis_html` and the report.

    Parameters
    ----------
    categories : iterable of str
        Category names in display order; they get colours by :func:`category_colors`.
    """
    return _BASE_CSS + highlight_css(category_colors(categories)) + "\n"


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


def analysis_html(res: Analysis) -> str:
    """The notebook view of an analysis: a short summary, a legend and the highlighted text.

    Used by ``Analysis._repr_html_``. The markup carries its own CSS, scoped under
    ``.framing-analysis``; everything from the article is escaped.

    Parameters
    ----------
    res : framing.Analysis

    Returns
    -------
    str
        A self-contained HTML fragment.
    """
    categories = res.lexicon.categories
    article = res.article
    title = escape(article.title) if article.title else "Untitled article"
    byline = " · ".join(
        escape(str(v)) for v in (article.outlet, article.author, article.published) if v
    )
    highlighted = render_highlights(article.text, loaded_term_spans(res.loaded_terms))
    return (
        f'<div class="{ROOT_CLASS}">\n<style>{stylesheet(categories)}</style>\n'
        f'<div class="fr-title">{title}</div>\n'
        + (f'<div class="fr-note">{byline}</div>\n' if byline else "")
        + f'<div class="fr-figures">{_figures_line(res.summary(), res.category_frequencies())}'
        "</div>\n"
        f"{legend_html(categories)}\n"
        '<div class="fr-note">Hover a highlight for its term and category; a dashed underline '
        "marks a term inside a quote.</div>\n"
        f'<div class="fr-text">\n{highlighted}\n</div>\n</div>'
    )

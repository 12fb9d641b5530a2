"""The palette and styles every output shares: charts, reports and the notebook view.

A lexicon category, a speaker type, a cue class or a stance direction has the same colour
in the highlighted text, in the charts of :mod:`framing.plots` and in the reports. The
style sheets here scope every rule under :data:`ROOT_CLASS`, so they never leak into a
notebook.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from itertools import cycle

from framing.display.highlight import css_class
from framing.display.layers import layer_class
from framing.lexicon import Lexicon

__all__ = [
    "CUE_CLASS_COLORS",
    "EXTRA_PALETTE",
    "PALETTE",
    "ROOT_CLASS",
    "SPEAKER_TYPE_COLORS",
    "STANCE_COLORS",
    "TARGET_COLOR",
    "category_colors",
    "display_label",
    "highlight_css",
    "layer_css",
    "signed",
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

#: Categories beyond the packaged lexicon's, from Paul Tol's "light" palette (repeating
#: after nine).
EXTRA_PALETTE: tuple[str, ...] = (
    "#77AADD",  # light blue
    "#EE8866",  # orange
    "#EEDD88",  # light yellow
    "#FFAABB",  # pink
    "#99DDFF",  # light cyan
    "#44BB99",  # mint
    "#BBCC33",  # pear
    "#AAAA00",  # olive
    "#DDDDDD",  # pale grey
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


def category_colors(categories: Iterable[str] | None = None) -> dict[str, str]:
    """The colour of each category, the same in every chart, report and notebook view.

    The packaged lexicon's categories have fixed colours from :data:`PALETTE`, in the
    card's order, whatever other categories are shown beside them; any other category
    (of a custom lexicon) takes the next colour of :data:`EXTRA_PALETTE`, in the order
    given, so it never borrows a packaged category's colour.

    Parameters
    ----------
    categories : iterable of str, optional
        The categories to colour (repeats are ignored); all the packaged ones by default.

    Returns
    -------
    dict
        ``{category: "#RRGGBB"}``, in the order given.
    """
    packaged = dict(zip(Lexicon.load().categories, PALETTE, strict=False))
    wanted = list(dict.fromkeys(packaged if categories is None else categories))
    others = [c for c in wanted if c not in packaged]
    extra = dict(zip(others, cycle(EXTRA_PALETTE), strict=False))
    return {c: packaged.get(c) or extra[c] for c in wanted}


def display_label(name: object) -> str:
    """How a category or a lexicon term is shown to a reader: words, not identifiers
    ("loaded_language" -> "loaded language", the prefix term "pro-*" -> "pro-…")."""
    return str(name).replace("_", " ").replace("*", "…")


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


_BASE_CSS = f"""
.{ROOT_CLASS} {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.6; max-width: 48rem; }}
.{ROOT_CLASS} .fr-title {{ font-size: 1.25em; font-weight: 600; margin: 0.2em 0; }}
.{ROOT_CLASS} .fr-findings {{ margin: 0.4em 0 0.5em; }}
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

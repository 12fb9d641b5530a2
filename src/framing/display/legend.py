"""Legends for the highlighted text: what each colour, outline and underline means."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import TYPE_CHECKING

from framing.display.highlight import css_class
from framing.display.layers import LAYERS, check_layers, layer_class

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["layers_legend_html", "legend_html"]

_LAYER_TITLES = {"loaded": "Loaded terms", "sources": "Sources", "targets": "Targets"}
_SPEAKER_TYPE_HELP = {
    "person": "a named person",
    "organisation": "a named country, government or organisation",
    "anonymous": "an unnamed source (officials, experts, sources)",
    "labelled": "someone described but not named (an activist, a journalist)",
    "media": "another outlet or 'the media'",
    "document": "a document, report or link",
}


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


def layers_legend_html(
    categories: Mapping[str, str], sources: pd.DataFrame, layers: Iterable[str] = LAYERS
) -> str:
    """The legend of the chosen layers: one row per layer, only what the article has.

    Parameters
    ----------
    categories : mapping
        ``{category: definition}`` of the lexicon (``Lexicon.categories``), all listed.
    sources : pandas.DataFrame
        The article's ``sources`` table: the quote style, the scare-quote style when there
        are any, and the speaker types that occur are shown.
    layers : iterable of str
        Any of :data:`framing.display.LAYERS`; targets show the underline.
    """
    chosen = check_layers(layers)
    rows = []
    if "loaded" in chosen:
        rows.append(legend_html(categories, title=_LAYER_TITLES["loaded"]))
    if "sources" in chosen:
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

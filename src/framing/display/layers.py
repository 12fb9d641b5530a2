"""Highlight layers: the spans that :func:`framing.display.render_highlights` draws.

Each builder turns one of an analysis's tables into plain span dicts (``start, end,
label, title, layer, class``); :func:`highlight_spans` gathers the layers a user asks
for. The user-facing layers and the tables they come from:

``"loaded"``
    Loaded terms (``loaded_terms``), tinted by category.
``"sources"``
    The content of direct quotes and scare quotes (``sources``), on a subtle background,
    and the speakers and cited media or documents, outlined in the colour of their type.
``"targets"``
    Mentions of stance targets (``target_mentions``), underlined.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from framing.display.highlight import css_class
from framing.schema import SOURCE_KIND_LABELS

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "LAYERS",
    "highlight_spans",
    "layer_class",
    "loaded_term_spans",
    "quote_spans",
    "speaker_spans",
    "target_spans",
]

#: The layers a user can choose, in legend order.
LAYERS: tuple[str, ...] = ("loaded", "sources", "targets")
QUOTE_KINDS = ("direct_quote", "scare_quote")


def layer_class(layer: str, label: str | None = None) -> str:
    """The CSS class of a layer's marks (``frl-speaker``), or of one label in it.

    The ``frl-`` prefix keeps these apart from category classes (``fr-…``), so a lexicon
    category called "quote" or "person" cannot restyle the other layers.
    """
    base = "frl-" + css_class(layer)[3:]
    return base if label is None else f"{base}-{css_class(label)[3:]}"


def _text(value: Any) -> str:
    """A table cell as text: ``""`` for missing values (None, NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _voice(row: Mapping[str, Any]) -> str:
    if row.get("in_quote") is not True:
        return "author's voice"
    speaker = _text(row.get("speaker")).strip()
    return f"quoting {speaker}" if speaker else "inside a quote"


def loaded_term_spans(loaded_terms: pd.DataFrame) -> list[dict[str, Any]]:
    """Turn a ``loaded_terms`` table into spans of the ``"loaded"`` layer.

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
                "layer": "loaded",
            }
        )
    return spans


def _cue_text(row: Mapping[str, Any]) -> str:
    cue, cue_class = _text(row.get("cue")), _text(row.get("cue_class"))
    if not cue:
        return "no cue"
    return f"{cue} · {cue_class}" if cue_class else cue


def quote_spans(sources: pd.DataFrame) -> list[dict[str, Any]]:
    """The content of direct quotes and scare quotes, as spans of the ``"quotes"`` layer.

    Hover: ``"Sergey Lavrov · reminded · endorsing · 26 words"`` (``"no cue"`` when the
    quote has no cue verb, ``"unattributed"`` when it has no speaker); scare quotes carry
    the extra class ``frl-scare`` and the hover ``"scare quote"``.

    Parameters
    ----------
    sources : pandas.DataFrame
        A ``sources`` table (``kind, speaker, cue, cue_class, n_words, content_start,
        content_end``).
    """
    rows = sources[sources["kind"].isin(QUOTE_KINDS) & (sources["content_start"] >= 0)]
    spans = []
    for row in rows.to_dict("records"):
        scare = row["kind"] == "scare_quote"
        if scare:
            title = "scare quote"
        else:
            speaker = _text(row.get("speaker")) or "unattributed"
            title = f"{speaker} · {_cue_text(row)} · {int(row['n_words'])} words"
        spans.append(
            {
                "start": row["content_start"],
                "end": row["content_end"],
                "label": "scare quote" if scare else "quote",
                "title": title,
                "class": layer_class("quote"),
                "extra_class": "frl-scare" if scare else "",
                "layer": "quotes",
            }
        )
    return spans


def _speaker_head(row: Mapping[str, Any]) -> str:
    speaker, role = _text(row.get("speaker")), _text(row.get("role"))
    parts = [f"{speaker} ({role})" if role and role not in speaker else speaker]
    parts += [p for p in (_text(row.get("speaker_type")), _text(row.get("affiliation"))) if p]
    return " · ".join(parts)


def _speaker_act(row: Mapping[str, Any]) -> str:
    kind = SOURCE_KIND_LABELS.get(str(row["kind"]), str(row["kind"]))
    cue = _text(row.get("cue"))
    if not cue:
        return kind
    cue_class = _text(row.get("cue_class"))
    return f"{kind}: {cue}" + (f" ({cue_class})" if cue_class else "")


def speaker_spans(sources: pd.DataFrame) -> list[dict[str, Any]]:
    """Speakers and cited media or documents, as spans of the ``"speakers"`` layer.

    Hover: ``"Sergey Lavrov (Russian Foreign Minister) · person · Russia — direct quote:
    reminded (endorsing)"``: who the phrase was resolved to, their type and affiliation,
    then what they do there. Rows that share a speaker span become one span listing each.
    The label is the speaker type, so a speaker is outlined in its type's colour.

    Parameters
    ----------
    sources : pandas.DataFrame
        A ``sources`` table (``kind, speaker, speaker_type, affiliation, cue, cue_class,
        speaker_start, speaker_end``; ``role`` when present).
    """
    rows = sources[sources["speaker_start"] >= 0]
    grouped: dict[tuple[int, int], list[Mapping[str, Any]]] = {}
    for row in rows.to_dict("records"):
        grouped.setdefault((int(row["speaker_start"]), int(row["speaker_end"])), []).append(row)
    spans = []
    for (start, end), group in grouped.items():
        first = group[0]
        acts = "; ".join(dict.fromkeys(_speaker_act(row) for row in group))
        speaker_type = _text(first.get("speaker_type")) or "unknown"
        spans.append(
            {
                "start": start,
                "end": end,
                "label": speaker_type,
                "title": f"{_speaker_head(first)} — {acts}",
                "class": f"{layer_class('speaker')} {layer_class('speaker', speaker_type)}",
                "layer": "speakers",
            }
        )
    return spans


def target_spans(target_mentions: pd.DataFrame) -> list[dict[str, Any]]:
    """Mentions of stance targets, as spans of the ``"targets"`` layer.

    Hover: ``"Moscow → Russia · capital"`` (the arrow when the text differs from the
    target's name), plus ``"in a quote"`` for mentions inside quotation marks.

    Parameters
    ----------
    target_mentions : pandas.DataFrame
        ``Analysis.target_mentions`` (``target, kind, start, end, text``; ``in_quote``
        when present).
    """
    spans = []
    for row in target_mentions.to_dict("records"):
        target, surface = str(row["target"]), str(row["text"])
        head = target if surface.casefold() == target.casefold() else f"{surface} → {target}"
        parts = [head, _text(row.get("kind"))]
        if row.get("in_quote") is True:
            parts.append("in a quote")
        spans.append(
            {
                "start": row["start"],
                "end": row["end"],
                "label": target,
                "title": " · ".join(p for p in parts if p),
                "class": layer_class("target"),
                "layer": "targets",
            }
        )
    return spans


def check_layers(layers: Iterable[str]) -> tuple[str, ...]:
    """``layers`` as a tuple in :data:`LAYERS` order; an error names any unknown layer."""
    if isinstance(layers, str):
        layers = (layers,)
    chosen = tuple(dict.fromkeys(layers))
    unknown = [layer for layer in chosen if layer not in LAYERS]
    if unknown:
        raise ValueError(
            f"unknown highlight layer(s) {unknown}; choose from {list(LAYERS)}, "
            'e.g. layers=("loaded", "sources").'
        )
    return tuple(layer for layer in LAYERS if layer in chosen)


def highlight_spans(
    loaded_terms: pd.DataFrame,
    sources: pd.DataFrame,
    target_mentions: pd.DataFrame,
    layers: Iterable[str] = LAYERS,
) -> list[dict[str, Any]]:
    """The spans of the chosen layers of an article's tables, for ``render_highlights``.

    Parameters
    ----------
    loaded_terms, sources, target_mentions : pandas.DataFrame
        The article's tables (as on :class:`framing.Analysis`); only those of the chosen
        layers are read.
    layers : iterable of str
        Any of :data:`LAYERS` (``"loaded"``, ``"sources"``, ``"targets"``).

    Returns
    -------
    list of dict
    """
    chosen = check_layers(layers)
    spans: list[dict[str, Any]] = []
    if "loaded" in chosen:
        spans += loaded_term_spans(loaded_terms)
    if "sources" in chosen:
        spans += quote_spans(sources) + speaker_spans(sources)
    if "targets" in chosen:
        spans += target_spans(target_mentions)
    return spans

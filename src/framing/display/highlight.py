"""Render a text with highlighted spans, in layers that nest (in the spirit of spaCy's displaCy).

:func:`render_highlights` takes plain data - the text and ``{start, end, label, title}``
spans - and returns escaped HTML. Spans may belong to *layers* (loaded terms, quotes,
speakers, target mentions); within a layer overlaps are resolved, across layers marks
nest (see :func:`render_highlights` for the rules).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

__all__ = ["LAYER_NESTING", "css_class", "render_highlights"]

logger = logging.getLogger("framing")

#: How layers nest where their spans overlap, outermost first. Spans of other layers
#: (or without a ``layer``) nest inside these, in alphabetical order of their layer.
LAYER_NESTING: tuple[str, ...] = ("quotes", "speakers", "loaded", "targets")

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_NOT_CSS = re.compile(r"[^A-Za-z0-9_-]+")
_CSS_CLASS_LIST = re.compile(r"^[A-Za-z0-9_ -]*$")


def css_class(label: str) -> str:
    """Return the CSS class that marks spans labelled ``label`` (``"fr-" + safe label``)."""
    return "fr-" + (_NOT_CSS.sub("-", str(label)).strip("-") or "x")


@dataclass(frozen=True)
class _Layer:
    """The kept spans of one layer, in text order, and their end offsets (for bisection)."""

    spans: list[Mapping[str, Any]]
    ends: list[int]


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


def _validated(text: str, spans: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The spans with integer offsets; an error names the first one outside the text."""
    valid = []
    for index, span in enumerate(spans):
        start, end = int(span["start"]), int(span["end"])
        if not 0 <= start < end <= len(text):
            raise ValueError(
                f"span {index} has offsets {start}:{end}, outside the text (length "
                f"{len(text)}) or empty; offsets must index into the text being rendered."
            )
        for key in ("extra_class", "class"):
            value = span.get(key)
            if value and not _CSS_CLASS_LIST.match(str(value)):
                raise ValueError(f"{key} {value!r} is not a list of CSS class names.")
        valid.append({**span, "start": start, "end": end, "layer": str(span.get("layer") or "")})
    return valid


def _without_overlaps(spans: list[dict[str, Any]]) -> list[Mapping[str, Any]]:
    """A non-overlapping subset of one layer's spans, chosen whatever their input order."""
    ordered = sorted(
        spans,
        key=lambda s: (s["start"], -s["end"], str(s["label"]), str(s.get("title") or "")),
    )
    kept: list[Mapping[str, Any]] = []
    for span in ordered:
        if not kept or span["start"] >= kept[-1]["end"]:
            kept.append(span)
    if len(kept) < len(ordered):
        logger.debug(
            "render_highlights: dropped %d overlapping span(s) in layer %r",
            len(ordered) - len(kept),
            ordered[0]["layer"],
        )
    return kept


def _layer_rank(layer: str) -> tuple[int, str]:
    if layer in LAYER_NESTING:
        return LAYER_NESTING.index(layer), ""
    return len(LAYER_NESTING), layer


def _layers(spans: list[dict[str, Any]]) -> list[_Layer]:
    """Spans grouped by layer, overlaps resolved, layers in nesting order (outermost first)."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for span in spans:
        grouped[span["layer"]].append(span)
    layers = []
    for name in sorted(grouped, key=_layer_rank):
        kept = _without_overlaps(grouped[name])
        layers.append(_Layer(kept, [s["end"] for s in kept]))
    return layers


def _escape_lines(text: str) -> str:
    """Escape ``text`` and keep its single line breaks as ``<br>``."""
    return "<br>\n".join(escape(line) for line in text.split("\n"))


def _title_attribute(title: object) -> str:
    """`` title="..."`` (escaped), or nothing for an empty title."""
    return f' title="{escape(str(title))}"' if title else ""


def _open_mark(span: Mapping[str, Any], classes: Mapping[str, str]) -> str:
    label = span["label"]
    names = ["fr-hl", span.get("class") or classes.get(label, css_class(label))]
    if span.get("extra_class"):
        names.append(span["extra_class"])
    layer = f' data-layer="{escape(span["layer"])}"' if span["layer"] else ""
    return (
        f'<mark class="{" ".join(names)}"{layer} data-label="{escape(str(label))}"'
        f"{_title_attribute(span.get('title'))}>"
    )


def _render(
    text: str,
    start: int,
    end: int,
    layers: Sequence[_Layer],
    depth: int,
    classes: Mapping[str, str],
) -> str:
    """``text[start:end]`` with the marks of ``layers[depth:]``, each layer inside the last."""
    if start >= end:
        return ""
    if depth == len(layers):
        return _escape_lines(text[start:end])
    layer = layers[depth]
    parts = []
    position = start
    index = bisect_right(layer.ends, start)  # the first span that ends after ``start``
    while index < len(layer.spans) and layer.spans[index]["start"] < end:
        span = layer.spans[index]
        piece_start, piece_end = max(span["start"], start), min(span["end"], end)
        parts.append(_render(text, position, piece_start, layers, depth + 1, classes))
        parts.append(_open_mark(span, classes))
        parts.append(_render(text, piece_start, piece_end, layers, depth + 1, classes))
        parts.append("</mark>")
        position = piece_end
        index += 1
    parts.append(_render(text, position, end, layers, depth + 1, classes))
    return "".join(parts)


def render_highlights(
    text: str,
    spans: Iterable[Mapping[str, Any]],
    *,
    classes: Mapping[str, str] | None = None,
) -> str:
    """Render ``text`` as HTML paragraphs with ``spans`` highlighted.

    All text is HTML-escaped. Blank-line-separated paragraphs become ``<p>`` elements and
    single line breaks become ``<br>``. Each span becomes
    ``<mark class="fr-hl CLASS" data-layer="LAYER" data-label="LABEL" title="TITLE">``
    around exactly ``text[start:end]``; a span that crosses a paragraph break is split
    into one mark per paragraph.

    The rules for overlapping spans, applied the same whatever order the spans come in:

    - *Within one layer*, spans are taken by start offset (then the longer first, then by
      label and title), and a span that overlaps one already taken is dropped. So of two
      nested matches the outer one is shown, and of two crossing matches the one that
      starts first.
    - *Across layers*, marks nest: the layers in :data:`LAYER_NESTING` order, outermost
      first (quotes, speakers, loaded terms, target mentions), then any other layers
      alphabetically. Where a span crosses the edge of a mark of an outer layer it is
      split there into pieces, each a mark with the same label and title. So a target
      mention inside a loaded term ("pro-*Ukrainian*") is a mark inside the loaded term's
      mark, and every layer's text is still exactly its offsets.

    Parameters
    ----------
    text : str
        The text the offsets index into.
    spans : iterable of mapping
        Each with ``start`` and ``end`` (character offsets), ``label`` (e.g. the category)
        and optionally ``title`` (hover text), ``layer`` (default: one unnamed layer),
        ``class`` (the CSS class(es) that style it; default ``classes[label]`` or
        :func:`css_class` of the label) and ``extra_class`` (further CSS classes, e.g.
        ``"fr-quoted"``).
    classes : mapping, optional
        ``{label: CSS class}``; labels not in it get :func:`css_class` of the label.

    Returns
    -------
    str
        HTML: a sequence of ``<p>`` elements (empty string for a blank text).

    Raises
    ------
    ValueError
        If a span is empty, its offsets fall outside ``text`` or a class is not a list of
        CSS class names.
    """
    layers = _layers(_validated(text, spans))
    classes = classes or {}
    return "\n".join(
        "<p>" + _render(text, start, end, layers, 0, classes) + "</p>"
        for start, end in _paragraph_ranges(text)
    )

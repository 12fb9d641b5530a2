"""Display: the palette and styles every output shares, highlight layers, the notebook view.

``style`` holds the colours (shared with :mod:`framing.plots` and the reports) and the
scoped CSS; ``layers`` turns an analysis's tables into plain span data; ``highlight``
renders a text with its spans (as spaCy's displaCy does); ``legend`` explains them;
``notebook`` builds what ``Analysis`` shows in Jupyter, ``tables`` what ``CorpusAnalysis``
and ``Comparison`` show; ``findings`` and ``reference`` say what an article does and
where its figures fall.
"""

from __future__ import annotations

from framing.display.findings import figure_text, findings, placed_figures, reference_note
from framing.display.highlight import LAYER_NESTING, css_class, render_highlights
from framing.display.layers import (
    LAYERS,
    highlight_spans,
    layer_class,
    loaded_term_spans,
    quote_spans,
    speaker_spans,
    target_spans,
)
from framing.display.legend import layers_legend_html, legend_html
from framing.display.notebook import analysis_html, sources_line, stance_line
from framing.display.reference import REFERENCE_FIGURES, Reference
from framing.display.style import (
    CUE_CLASS_COLORS,
    EXTRA_PALETTE,
    PALETTE,
    ROOT_CLASS,
    SPEAKER_TYPE_COLORS,
    STANCE_COLORS,
    TARGET_COLOR,
    category_colors,
    display_label,
    highlight_css,
    layer_css,
    signed,
    stylesheet,
)
from framing.display.tables import comparison_html, corpus_html

__all__ = [
    "CUE_CLASS_COLORS",
    "EXTRA_PALETTE",
    "LAYERS",
    "LAYER_NESTING",
    "PALETTE",
    "REFERENCE_FIGURES",
    "ROOT_CLASS",
    "SPEAKER_TYPE_COLORS",
    "STANCE_COLORS",
    "TARGET_COLOR",
    "Reference",
    "analysis_html",
    "category_colors",
    "comparison_html",
    "corpus_html",
    "css_class",
    "display_label",
    "figure_text",
    "findings",
    "highlight_css",
    "highlight_spans",
    "layer_class",
    "layer_css",
    "layers_legend_html",
    "legend_html",
    "loaded_term_spans",
    "placed_figures",
    "quote_spans",
    "reference_note",
    "render_highlights",
    "signed",
    "sources_line",
    "speaker_spans",
    "stance_line",
    "stylesheet",
    "target_spans",
]

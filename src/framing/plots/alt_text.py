"""Charts with alt text in Jupyter: a figure shown as an ``<img>`` with an ``alt`` attribute.

Jupyter's inline backend shows a figure as a bare PNG, which a screen reader announces
as "image" and nothing more. :func:`with_alt` renders the figure once, closes it (so the
backend does not show it a second time) and returns an object that Jupyter displays as
an image with the description given.
"""

from __future__ import annotations

import base64
import html
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["ChartImage", "with_alt"]


class ChartImage:
    """A rendered chart and its alt text; Jupyter displays it through ``_repr_html_``."""

    def __init__(self, png: bytes, alt: str) -> None:
        self.png = png
        self.alt = alt

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.png).decode("ascii")
        alt = html.escape(self.alt, quote=True)
        return f'<img src="data:image/png;base64,{data}" alt="{alt}" style="max-width: 100%">'

    def __repr__(self) -> str:
        # What a plain-text front end (or a terminal) shows instead of the image.
        return f"<chart: {self.alt}>"


def with_alt(chart: Axes | Figure, alt: str, *, dpi: int = 100) -> ChartImage:
    """The figure of ``chart`` (an Axes, as every ``framing.plots`` function returns, or a
    Figure) as an image described by ``alt``, for Jupyter.

    Parameters
    ----------
    chart : matplotlib Axes or Figure
        The chart; its figure is closed once rendered.
    alt : str
        What the chart shows, in a sentence or two, for readers who cannot see it.
    dpi : int, default 100
        Resolution of the PNG.

    Raises
    ------
    ValueError
        If ``alt`` is empty: an image without a description is what this avoids.
    """
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("with_alt() needs alt text: say in a sentence what the chart shows.")
    import matplotlib.pyplot as plt

    figure = chart.figure  # an Axes' figure; a Figure's is itself
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(figure)
    return ChartImage(buffer.getvalue(), " ".join(alt.split()))

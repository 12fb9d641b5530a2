"""plots.with_alt: a chart shown in Jupyter as an <img> with escaped alt text."""

from __future__ import annotations

import base64
import html.parser

import matplotlib.pyplot as plt
import pytest

from framing import plots

FREQUENCIES_ALT = 'Bars: "loaded" <terms> & markers per 1,000 words'


class _Images(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def images(markup: str) -> list[dict[str, str | None]]:
    parser = _Images()
    parser.feed(markup)
    return parser.images


def test_the_chart_is_one_img_with_its_alt_text(seed_analysis):
    ax = plots.loaded_by_category(seed_analysis.category_frequencies())
    chart = plots.with_alt(ax, FREQUENCIES_ALT)
    markup = chart._repr_html_()
    (image,) = images(markup)
    assert image["alt"] == FREQUENCIES_ALT  # the parser unescapes what was escaped
    assert '"loaded"' not in markup and "<terms>" not in markup
    prefix = "data:image/png;base64,"
    assert image["src"].startswith(prefix)
    assert base64.b64decode(image["src"][len(prefix) :]).startswith(b"\x89PNG\r\n\x1a\n")
    assert repr(chart) == f"<chart: {FREQUENCIES_ALT}>"


def test_the_figure_is_closed_so_jupyter_does_not_show_it_twice(seed_analysis):
    ax = plots.loaded_by_category(seed_analysis.category_frequencies())
    assert plt.fignum_exists(ax.figure.number)
    plots.with_alt(ax.figure, "Loaded terms by category.")  # a Figure works as well
    assert not plt.fignum_exists(ax.figure.number)


def test_alt_text_is_one_line():
    _, ax = plt.subplots()
    assert plots.with_alt(ax, "  Two\n  lines  ").alt == "Two lines"


@pytest.mark.parametrize("alt", ["", "   ", None])
def test_alt_text_is_required(alt):
    _, ax = plt.subplots()
    with pytest.raises(ValueError, match="needs alt text"):
        plots.with_alt(ax, alt)
    plt.close(ax.figure)

"""Highlighted HTML from plain spans, and the notebook view of an analysis."""

from __future__ import annotations

import random
import re
from html import unescape

import pytest

import framing
from framing.article import Article
from framing.display import (
    PALETTE,
    analysis_html,
    category_colors,
    css_class,
    legend_html,
    loaded_term_spans,
    render_highlights,
    stylesheet,
)

HOSTILE = 'He said <script>alert(1)</script> & "quoted" <b>bold</b> > less.'


_MARK = re.compile(r"<mark ([^>]*)>(.*?)</mark>", re.DOTALL)
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def marks(html: str) -> list[dict[str, str]]:
    """The attributes and (unescaped) text of every <mark>, in document order."""
    return [
        {
            **{name: unescape(value) for name, value in _ATTRIBUTE.findall(attributes)},
            "text": unescape(inner.replace("<br>\n", "\n")),
        }
        for attributes, inner in _MARK.findall(html)
    ]


def span(start: int, end: int, label: str = "doubt", title: str | None = None) -> dict:
    return {"start": start, "end": end, "label": label, "title": title}


def test_all_text_is_escaped():
    start = HOSTILE.index("<script>")
    html = render_highlights(HOSTILE, [span(start, start + 8, title='"<x>" & y')])
    assert "<script" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;</mark>alert(1)&lt;/script&gt;" in html
    assert "&amp; &quot;quoted&quot;" in html
    assert 'title="&quot;&lt;x&gt;&quot; &amp; y"' in html
    assert unescape(re.sub(r"<[^>]+>", "", html)) == HOSTILE


def test_mark_text_equals_the_span_offsets():
    text = "Critics slammed the regime.\nIts so-called reform failed."
    spans = [span(8, 15, "emotive"), span(20, 26, "pejorative"), span(32, 41, "doubt")]
    found = marks(render_highlights(text, spans))
    assert [m["text"] for m in found] == [text[s["start"] : s["end"]] for s in spans]
    assert [m["data-label"] for m in found] == ["emotive", "pejorative", "doubt"]
    assert found[0]["class"] == "fr-hl fr-emotive"


def test_paragraphs_and_line_breaks():
    text = "\n\nFirst line\nsecond line.\n\n  \n\nNext paragraph.\n"
    html = render_highlights(text, [])
    assert html == "<p>First line<br>\nsecond line.</p>\n<p>Next paragraph.</p>"
    assert render_highlights("  \n\n ", []) == ""


def test_a_span_across_paragraphs_is_split_in_each():
    text = "one two\n\nthree four"
    found = marks(render_highlights(text, [span(4, 14, title="t")]))
    assert [m["text"] for m in found] == ["two", "three"]
    assert all(m["title"] == "t" for m in found)


@pytest.mark.parametrize(
    ("spans", "kept"),
    [
        # nested: the outer span is shown
        ([span(4, 8, "a"), span(0, 14, "b")], ["b"]),
        # crossing: the one that starts first is shown
        ([span(6, 14, "a"), span(0, 8, "b")], ["b"]),
        # same start: the longer one is shown
        ([span(0, 4, "a"), span(0, 8, "b")], ["b"]),
        # identical offsets: decided by label, not by input order
        ([span(0, 4, "z"), span(0, 4, "a")], ["a"]),
        # touching spans both stay
        ([span(5, 8, "a"), span(0, 5, "b")], ["b", "a"]),
    ],
)
def test_overlapping_spans_are_resolved_deterministically(spans, kept):
    text = "aaaa bbb cccccc"
    found = marks(render_highlights(text, spans))
    assert [m["data-label"] for m in found] == kept
    assert render_highlights(text, spans[::-1]) == render_highlights(text, spans)


def test_output_does_not_depend_on_span_order():
    text = "a b c d e f g h i j k l m n o p"
    spans = [span(i, i + 3, f"l{i % 3}") for i in range(0, 28, 2)]
    expected = render_highlights(text, spans)
    shuffled = spans[:]
    random.Random(0).shuffle(shuffled)
    assert render_highlights(text, shuffled) == expected


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (2, 2), (5, 3), (0, 99)])
def test_bad_offsets_are_an_error(start, end):
    with pytest.raises(ValueError, match="outside the text"):
        render_highlights("short", [span(start, end)])


def test_classes_and_extra_classes():
    text = "alpha beta"
    spans = [span(0, 5, "a/b"), {**span(6, 10, "x"), "extra_class": "fr-quoted"}]
    found = marks(render_highlights(text, spans, classes={"x": "mine"}))
    assert found[0]["class"] == "fr-hl fr-a-b"
    assert found[1]["class"] == "fr-hl mine fr-quoted"
    with pytest.raises(ValueError, match="CSS class"):
        render_highlights(text, [{**span(0, 5), "extra_class": '"><script>'}])


def test_css_class_is_always_a_safe_name():
    assert css_class("hedging/boosting") == "fr-hedging-boosting"
    assert re.fullmatch(r"fr-[A-Za-z0-9_-]+", css_class("</style><script>"))
    assert css_class("***") == "fr-x"


def test_category_colors_follow_the_order_and_cycle():
    names = [f"c{i}" for i in range(len(PALETTE) + 1)]
    colors = category_colors([*names, "c0"])
    assert list(colors) == names
    assert [colors[n] for n in names[: len(PALETTE)]] == list(PALETTE)
    assert colors[names[-1]] == PALETTE[0]


def test_stylesheet_is_scoped_and_cannot_be_broken_out_of():
    css = stylesheet(["doubt", "</style><script>alert(1)</script>"])
    rules = [line for line in css.splitlines() if "{" in line]
    assert all(line.startswith(".framing-analysis") for line in rules)
    assert "<" not in css
    assert "rgba(204, 102, 119, 0.3)" in css


def test_legend_escapes_names_and_definitions():
    html = legend_html({"<b>x</b>": 'says "<i>"'})
    assert "<b>" not in html
    assert "<i>" not in html
    assert 'title="says &quot;&lt;i&gt;&quot;"' in html


@pytest.fixture(scope="module")
def hostile_analysis():
    text = (
        "He insinuated that the <script>alert(1)</script> regime was\n"
        '"brutal & evil", said Smith.\n\nThe REGIME denied it.'
    )
    article = Article(text=text, title='T <script>alert(1)</script> "&<>', outlet="<O>")
    return framing.analyze(
        article, lexicon={"doubt": ["insinuate"], "pejorative": ["regime", "brutal"]}
    )


def test_loaded_term_spans_titles(hostile_analysis):
    spans = loaded_term_spans(hostile_analysis.loaded_terms)
    by_text = {s["title"].split(" ·")[0]: s for s in spans}
    assert by_text["insinuated → insinuate"]["title"] == (
        "insinuated → insinuate · doubt · author's voice"
    )
    assert by_text["regime"]["extra_class"] == ""
    brutal = by_text["brutal"]
    assert brutal["extra_class"] == "fr-quoted"
    assert "pejorative" in brutal["title"]
    assert ("quoting" in brutal["title"]) or ("inside a quote" in brutal["title"])


def test_analysis_html_escapes_and_highlights_every_match(hostile_analysis):
    res = hostile_analysis
    html = analysis_html(res)
    assert "<script" not in html
    assert "T &lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&lt;&gt;" in html
    found = marks(html)
    terms = res.loaded_terms.sort_values("start")
    assert [m["text"] for m in found] == [
        res.article.text[s:e] for s, e in zip(terms["start"], terms["end"], strict=True)
    ]
    assert res._repr_html_() == html
    for category in res.lexicon.categories:
        assert f'fr-swatch {css_class(category)}"></span>{category}</li>' in html


def test_analysis_html_of_the_seed_article(seed_analysis):
    html = analysis_html(seed_analysis)
    found = marks(html)
    assert len(found) == len(seed_analysis.loaded_terms) > 0
    text = seed_analysis.article.text
    assert {m["text"] for m in found} <= {
        text[s:e]
        for s, e in zip(
            seed_analysis.loaded_terms["start"], seed_analysis.loaded_terms["end"], strict=True
        )
    }
    assert "Lavrov Made Three Important Points" in html

"""Highlighted HTML from plain spans, and the notebook view of an analysis."""

from __future__ import annotations

import dataclasses
import random
import re
from html import unescape
from html.parser import HTMLParser
from itertools import pairwise

import pandas as pd
import pytest

import framing
from framing.article import Article
from framing.display import (
    EXTRA_PALETTE,
    LAYERS,
    PALETTE,
    SPEAKER_TYPE_COLORS,
    analysis_html,
    category_colors,
    css_class,
    highlight_spans,
    layers_legend_html,
    legend_html,
    loaded_term_spans,
    quote_spans,
    render_highlights,
    signed,
    sources_line,
    speaker_spans,
    stance_line,
    stylesheet,
    target_spans,
)
from framing.schema import SOURCES

HOSTILE = 'He said <script>alert(1)</script> & "quoted" <b>bold</b> > less.'


class _Marks(HTMLParser):
    """Every <mark> with its attributes, its text (tags stripped) and its enclosing marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []
        self.open: list[dict] = []
        self.position = 0

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            parents = [m["data-label"] for m in self.open]
            mark = {**dict(attrs), "text": "", "parents": parents, "start": self.position}
            self.found.append(mark)
            self.open.append(mark)

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()["end"] = self.position

    def handle_data(self, data):
        self.position += len(data)
        for mark in self.open:
            mark["text"] += data


def marks(html: str, layer: str | None = None) -> list[dict[str, str]]:
    """The attributes and (unescaped) text of every <mark>, in document order.

    ``text`` is the mark's whole text, nested marks included (``<br>`` + newline counts
    as one newline); ``parents`` the labels of the marks around it. With ``layer``, only
    the marks of that layer.
    """
    parser = _Marks()
    parser.feed(html.replace("<br>\n", "\n"))
    return [m for m in parser.found if layer is None or m.get("data-layer") == layer]


def plain_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html.replace("<br>\n", "\n")))


def span(
    start: int, end: int, label: str = "doubt", title: str | None = None, layer: str | None = None
) -> dict:
    return {"start": start, "end": end, "label": label, "title": title, "layer": layer}


def test_all_text_is_escaped():
    start = HOSTILE.index("<script>")
    html = render_highlights(HOSTILE, [span(start, start + 8, title='"<x>" & y')])
    assert "<script" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;</mark>alert(1)&lt;/script&gt;" in html
    assert "&amp; &quot;quoted&quot;" in html
    assert 'title="&quot;&lt;x&gt;&quot; &amp; y"' in html
    assert plain_text(html) == HOSTILE


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
    with pytest.raises(ValueError, match="CSS class"):
        render_highlights(text, [{**span(0, 5), "class": "a<b"}])
    found = marks(render_highlights(text, [{**span(0, 5, "a"), "class": "own-class two"}]))
    assert found[0]["class"] == "fr-hl own-class two"


def test_css_class_is_always_a_safe_name():
    assert css_class("hedging/boosting") == "fr-hedging-boosting"
    assert re.fullmatch(r"fr-[A-Za-z0-9_-]+", css_class("</style><script>"))
    assert css_class("***") == "fr-x"


def test_category_colors_are_fixed_for_the_packaged_categories():
    packaged = list(framing.Lexicon.load().categories)
    assert list(category_colors().values()) == list(PALETTE[: len(packaged)])
    # A subset, in another order, keeps each category's colour.
    some = category_colors(["hedge", "loaded_language"])
    assert some == {"hedge": category_colors()["hedge"], "loaded_language": PALETTE[0]}


def test_other_categories_take_colours_no_packaged_one_has():
    names = [f"c{i}" for i in range(len(EXTRA_PALETTE) + 1)]
    colors = category_colors(["doubt", *names, "c0"])
    assert list(colors) == ["doubt", *names]
    assert [colors[n] for n in names[: len(EXTRA_PALETTE)]] == list(EXTRA_PALETTE)
    assert colors[names[-1]] == EXTRA_PALETTE[0]
    assert not set(EXTRA_PALETTE) & set(PALETTE)


def test_stylesheet_is_scoped_and_cannot_be_broken_out_of():
    css = stylesheet(["doubt", "</style><script>alert(1)</script>"])
    rules = [line for line in css.splitlines() if "{" in line]
    assert all(line.startswith(".framing-analysis") for line in rules)
    assert "<" not in css
    assert "rgba(17, 119, 51, 0.3)" in css  # doubt keeps its green wherever it is shown


def test_legend_escapes_names_and_definitions():
    html = legend_html({"<b>x</b>": 'says "<i>"'})
    assert "<b>" not in html
    assert "<i>" not in html
    assert 'title="says &quot;&lt;i&gt;&quot;"' in html


# -- layers --------------------------------------------------------------------------------


def test_marks_of_different_layers_nest():
    text = "Officials said the regime fell."
    spans = [
        span(0, 9, "anonymous", layer="speakers"),
        span(15, 30, "quote", layer="quotes"),
        span(19, 25, "pejorative", layer="loaded"),
        span(19, 25, "Regime", layer="targets"),
    ]
    html = render_highlights(text, spans)
    found = marks(html)
    assert [(m["data-label"], m["text"], m["parents"]) for m in found] == [
        ("anonymous", "Officials", []),
        ("quote", "the regime fell", []),
        ("pejorative", "regime", ["quote"]),
        ("Regime", "regime", ["quote", "pejorative"]),
    ]
    assert [m["data-layer"] for m in found] == ["speakers", "quotes", "loaded", "targets"]
    assert plain_text(html) == text


def test_nesting_order_does_not_depend_on_input_order():
    text = "one two three four five"
    spans = [
        span(0, 13, "t", layer="targets"),
        span(4, 7, "l", layer="loaded"),
        span(0, 18, "q", layer="quotes"),
        span(4, 13, "z", layer="zeta"),
        span(4, 13, "a", layer="alpha"),
    ]
    expected = render_highlights(text, spans)
    for seed in range(5):
        shuffled = spans[:]
        random.Random(seed).shuffle(shuffled)
        assert render_highlights(text, shuffled) == expected
    first_piece = {}
    for mark in marks(expected):
        first_piece.setdefault(mark["data-label"], mark["parents"])
    # the known layers in LAYER_NESTING order, then the others alphabetically
    assert first_piece["z"] == ["q", "l", "t", "a"]
    assert first_piece["t"] == ["q"]
    assert first_piece["a"] == ["q", "l", "t"]


def test_a_span_crossing_an_outer_mark_is_split_at_its_edge():
    text = "aaa bbb ccc ddd"
    spans = [span(4, 11, "quote", "Q", layer="quotes"), span(0, 7, "term", "T", layer="loaded")]
    found = marks(render_highlights(text, spans))
    loaded = [m for m in found if m["data-layer"] == "loaded"]
    assert [m["text"] for m in loaded] == ["aaa ", "bbb"]
    assert loaded[1]["parents"] == ["quote"]
    assert {m["title"] for m in loaded} == {"T"}
    assert "".join(m["text"] for m in loaded) == text[0:7]
    assert [m["text"] for m in found if m["data-layer"] == "quotes"] == ["bbb ccc"]


def test_overlaps_are_resolved_within_a_layer_only():
    text = "aaaa bbbb cccc"
    spans = [
        span(0, 9, "outer", layer="loaded"),
        span(5, 9, "inner", layer="loaded"),
        span(5, 9, "target", layer="targets"),
    ]
    found = marks(render_highlights(text, spans))
    assert [m["data-label"] for m in found] == ["outer", "target"]


def test_random_layered_spans_keep_the_text_and_every_layer_its_offsets():
    rng = random.Random(7)
    text = "a" + "".join(rng.choice("ab ") for _ in range(298)) + "b"
    layers = ["quotes", "speakers", "loaded", "targets", "other"]
    spans = []
    for i in range(80):
        start = rng.randrange(0, 290)
        end = min(start + rng.randrange(1, 40), len(text))
        spans.append(span(start, end, "x", title=f"s{i}", layer=rng.choice(layers)))
    html = render_highlights(text, spans)
    assert plain_text(html) == text
    by_title = {s["title"]: s for s in spans}
    for layer in layers:
        pieces: dict[str, list[tuple[int, int]]] = {}
        for mark in marks(html, layer):
            assert mark["text"] == text[mark["start"] : mark["end"]]
            pieces.setdefault(mark["title"], []).append((mark["start"], mark["end"]))
        shown = []
        for title, parts in pieces.items():
            # the pieces of one span are contiguous and join to exactly its offsets
            assert all(a[1] == b[0] for a, b in pairwise(parts))
            original = by_title[title]
            assert (parts[0][0], parts[-1][1]) == (original["start"], original["end"])
            shown.append((original["start"], original["end"]))
        shown.sort()
        # no overlaps within a layer
        assert all(a[1] <= b[0] for a, b in pairwise(shown))


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


HOSTILE_TARGET = "<b>Acme</b> & Co"


@pytest.fixture(scope="module")
def hostile_sources_analysis():
    """Hostile text in quotes, target names, affiliations and evidence."""
    text = (
        'Officials at <b>Acme</b> said "<script>alert(1)</script> is a regime & worse". '
        "Acme's boss slammed the <img src=x onerror=alert(2)> plan.\n\n"
        "Le Monde reported that Acme was angry.\n"
    )
    return framing.analyze(
        Article(text=text, title="<T>"),
        targets={HOSTILE_TARGET: ["Acme"]},
        lexicon={"pejorative": ["regime"]},
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
    assert {s["layer"] for s in spans} == {"loaded"}


def _sources(rows: list[dict]) -> pd.DataFrame:
    defaults = {
        "article_id": "a",
        "sentence_id": 0,
        "speaker": "",
        "speaker_type": "",
        "affiliation": None,
        "cue": "",
        "cue_class": "",
        "quote": "",
        "n_words": 0,
        "speaker_start": -1,
        "speaker_end": -1,
        "cue_start": -1,
        "cue_end": -1,
        "content_start": -1,
        "content_end": -1,
    }
    return pd.DataFrame([{**defaults, **row} for row in rows], columns=[*SOURCES, "role"])


SOURCES_TABLE = _sources(
    [
        {
            "kind": "direct_quote",
            "speaker": "Sergey Lavrov",
            "speaker_type": "person",
            "affiliation": "Russia",
            "cue": "reminded",
            "cue_class": "endorsing",
            "n_words": 3,
            "speaker_start": 0,
            "speaker_end": 6,
            "content_start": 20,
            "content_end": 35,
            "role": "Foreign Minister",
        },
        {"kind": "direct_quote", "n_words": 2, "content_start": 40, "content_end": 50},
        {"kind": "scare_quote", "content_start": 55, "content_end": 60},
        {
            "kind": "indirect",
            "speaker": "Sergey Lavrov",
            "speaker_type": "person",
            "affiliation": "Russia",
            "cue": "said",
            "cue_class": "neutral",
            "speaker_start": 0,
            "speaker_end": 6,
        },
        {"kind": "media", "speaker": "most media", "speaker_type": "media", "speaker_start": 62},
    ]
).assign(speaker_end=lambda t: t["speaker_end"].where(t["speaker_start"] != 62, 72))


def test_quote_spans_cover_direct_and_scare_quotes():
    spans = quote_spans(SOURCES_TABLE)
    assert [(s["start"], s["end"]) for s in spans] == [(20, 35), (40, 50), (55, 60)]
    assert spans[0]["title"] == "Sergey Lavrov · reminded · endorsing · 3 words"
    assert spans[1]["title"] == "unattributed · no cue · 2 words"
    assert spans[2]["title"] == "scare quote"
    assert spans[2]["extra_class"] == "frl-scare"
    assert {s["layer"] for s in spans} == {"quotes"}
    assert {s["class"] for s in spans} == {"frl-quote"}


def test_speaker_spans_merge_rows_that_share_a_span():
    spans = speaker_spans(SOURCES_TABLE)
    assert [(s["start"], s["end"], s["label"]) for s in spans] == [
        (0, 6, "person"),
        (62, 72, "media"),
    ]
    assert spans[0]["title"] == (
        "Sergey Lavrov (Foreign Minister) · person · Russia — "
        "direct quote: reminded (endorsing); indirect speech: said (neutral)"
    )
    assert spans[0]["class"] == "frl-speaker frl-speaker-person"
    assert spans[1]["title"] == "most media · media — media reference"


def test_target_spans_hover():
    mentions = pd.DataFrame(
        {
            "target": ["Russia", "Russia"],
            "kind": ["capital", "name"],
            "start": [0, 10],
            "end": [6, 16],
            "text": ["Moscow", "Russia"],
            "in_quote": [False, True],
        }
    )
    spans = target_spans(mentions)
    assert [s["title"] for s in spans] == [
        "Moscow → Russia · capital",
        "Russia · name · in a quote",
    ]
    assert {s["layer"] for s in spans} == {"targets"}


def test_unknown_layers_are_an_error(hostile_analysis):
    with pytest.raises(ValueError, match="unknown highlight layer"):
        analysis_html(hostile_analysis, layers=("loaded", "quotes"))
    with pytest.raises(ValueError, match="choose from"):
        res = hostile_analysis
        highlight_spans(res.loaded_terms, res.sources, res.target_mentions, layers=["everything"])


def test_analysis_html_escapes_and_highlights_every_match(hostile_analysis):
    res = hostile_analysis
    html = analysis_html(res)
    assert "<script" not in html
    assert "T &lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&lt;&gt;" in html
    terms = res.loaded_terms.sort_values("start")
    assert [m["text"] for m in marks(html, "loaded")] == [
        res.article.text[s:e] for s, e in zip(terms["start"], terms["end"], strict=True)
    ]
    assert res._repr_html_() == html
    for category in res.lexicon.categories:
        assert f'fr-swatch {css_class(category)}"></span>{category}</li>' in html


def test_analysis_html_layers_can_be_chosen(hostile_analysis):
    res = hostile_analysis
    everything = analysis_html(res)
    assert analysis_html(res, layers=LAYERS) == everything
    assert analysis_html(res, layers=("targets", "sources", "loaded")) == everything
    assert {m["data-layer"] for m in marks(everything)} == {"loaded", "quotes", "speakers"}
    only_loaded = analysis_html(res, layers=("loaded",))
    assert {m["data-layer"] for m in marks(only_loaded)} == {"loaded"}
    assert 'fr-legend-head">Sources' not in only_loaded
    only_sources = analysis_html(res, layers="sources")
    assert {m["data-layer"] for m in marks(only_sources)} == {"quotes", "speakers"}
    quote = marks(only_sources, "quotes")[0]
    assert quote["text"] == "brutal & evil"
    assert quote["title"].startswith("Smith · said · neutral")
    assert analysis_html(res, layers=()).count("<mark") == 0


def test_analysis_html_escapes_sources_and_targets(hostile_sources_analysis):
    res = hostile_sources_analysis
    html = analysis_html(res)
    assert "<script" not in html
    assert "<img" not in html
    assert "<b>" not in html
    text = res.article.text
    for layer in ("quotes", "speakers", "targets"):
        found = marks(html, layer)
        assert found, layer
        assert all(m["text"] in text for m in found)
    targets = marks(html, "targets")
    assert [m["text"] for m in targets] == ["Acme"] * len(res.target_mentions)
    assert all(m["title"] == f"Acme → {HOSTILE_TARGET} · short_name" for m in targets)
    assert "&lt;b&gt;Acme&lt;/b&gt; &amp; Co" in html
    quote = marks(html, "quotes")[0]
    assert quote["text"] == "<script>alert(1)</script> is a regime & worse"
    # the loaded term "regime" nests inside the quote
    assert marks(html, "loaded")[0]["parents"] == ["quote"]


def test_legend_lists_the_chosen_layers_and_the_speaker_types_present(seed_analysis):
    res = seed_analysis
    legend = layers_legend_html(res.lexicon.categories, res.sources)
    heads = re.findall(r'class="fr-legend-head">([^<]*)<', legend)
    assert heads == ["Loaded terms", "Sources", "Targets"]
    present = set(
        seed_analysis.sources.loc[seed_analysis.sources["speaker_start"] >= 0, "speaker_type"]
    )
    shown = set(re.findall(r"frl-speaker-([a-z]+)", legend))
    assert shown == present
    assert "scare quote" not in legend  # the seed has none
    assert re.findall(
        r'class="fr-legend-head">([^<]*)<',
        layers_legend_html(res.lexicon.categories, res.sources, ["targets"]),
    ) == ["Targets"]


def test_stylesheet_styles_every_speaker_type():
    css = stylesheet(["doubt"])
    for speaker_type, color in SPEAKER_TYPE_COLORS.items():
        assert f".frl-speaker-{speaker_type} {{ outline-color: {color}; }}" in css
    assert ".frl-quote" in css and ".frl-target" in css


def test_signed():
    assert [signed(v) for v in (0.4236, -0.36, 0.0, -0.001, float("nan"))] == [
        "+0.42",
        "−0.36",
        "0.00",
        "0.00",
        "n/a",
    ]


def test_sources_and_stance_lines(seed_analysis):
    line = sources_line(seed_analysis.sources, seed_analysis.n_words)
    # the activist, Lavrov, Russia (proposed) and Armenia (rejected)
    assert line.startswith("Sources: 5 direct quotes · 14% of words quoted · 4 distinct sources")
    assert "0% anonymous" in line
    assert "most reported words: Sergey Lavrov" in line
    stance = stance_line(seed_analysis.stance)
    scores = seed_analysis.stance.set_index("target")["score"]
    assert stance.startswith(
        f"Stance (−1 unfavourable … +1 favourable): Russia +{scores['Russia']:.2f} (18 mentions)"
    )
    assert f"Armenia −{abs(scores['Armenia']):.2f} (13 mentions)" in stance
    assert stance.endswith("· 4 more")
    assert stance_line(seed_analysis.stance.iloc[0:0]) == "Stance: no targets mentioned"


def test_stance_line_escapes_and_flags_low_evidence():
    stance = pd.DataFrame(
        {"target": ["<b>X</b>"], "mentions": [1], "score": [-0.5], "low_evidence": [True]}
    )
    assert stance_line(stance) == (
        "Stance (−1 unfavourable … +1 favourable): &lt;b&gt;X&lt;/b&gt; −0.50 "
        "(1 mention, low evidence)"
    )


def test_the_summary_shows_sources_and_stance_lines(seed_analysis):
    html = analysis_html(seed_analysis)
    assert "<div>Sources: 5 direct quotes" in html
    assert "<div>Stance (−1 unfavourable" in html


def test_analysis_html_of_the_seed_article(seed_analysis):
    html = analysis_html(seed_analysis)
    text = seed_analysis.article.text
    terms = seed_analysis.loaded_terms.sort_values("start")
    expected = [text[s:e] for s, e in zip(terms["start"], terms["end"], strict=True)]
    # a term split at the edge of an outer mark is in contiguous pieces with one title
    joined: list[dict] = []
    for mark in marks(html, "loaded"):
        last = joined[-1] if joined else None
        if last and last["end"] == mark["start"] and last["title"] == mark["title"]:
            last.update(text=last["text"] + mark["text"], end=mark["end"])
        else:
            joined.append(dict(mark))
    assert [m["text"] for m in joined] == expected
    targets = marks(html, "targets")
    mentions = seed_analysis.target_mentions.sort_values("start")
    assert [m["text"] for m in targets] == [
        text[s:e] for s, e in zip(mentions["start"], mentions["end"], strict=True)
    ]
    quotes = marks(html, "quotes")
    direct = seed_analysis.sources[seed_analysis.sources["kind"] == "direct_quote"]
    assert sorted(m["text"] for m in quotes) == sorted(direct["quote"])
    speakers = marks(html, "speakers")
    assert {m["text"] for m in speakers} >= {"Lavrov", "most media"}
    # "Ukrainian" (a target) nests inside "pro-Ukrainian" (a loaded term) inside a speaker
    ukrainian = next(m for m in targets if m["text"] == "Ukrainian")
    assert ukrainian["parents"] == ["labelled", "name_calling"]
    assert (
        plain_text(html.split('<div class="fr-text">')[1])
        .strip()
        .startswith("Russian Foreign Minister")
    )
    assert "Lavrov Made Three Important Points" in html


def test_without_sources_or_targets_only_loaded_terms_are_marked(hostile_analysis):
    empty = dataclasses.replace(
        hostile_analysis,
        sources=hostile_analysis.sources.iloc[0:0],
        target_mentions=hostile_analysis.target_mentions.iloc[0:0],
    )
    html = analysis_html(empty)
    assert {m["data-layer"] for m in marks(html)} == {"loaded"}
    assert "0 direct quotes" in html


def test_the_figures_line_counts_markers_apart(seed_analysis):
    html = analysis_html(seed_analysis)
    summary = seed_analysis.summary()
    assert f"{int(summary['n_loaded'])} loaded terms" in html
    assert f"epistemic markers: {int(summary['n_markers'])}" in html
    most_frequent = html.split("most frequent:")[1].split("·")[0]
    assert "hedge" not in most_frequent

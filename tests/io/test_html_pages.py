"""HTML pages whose extraction goes wrong: link lists, fragments, teasers; bylines, titles.

Every page here is written for the test: a short local news story about a bridge, and
the page shapes that break extraction around it.
"""

from __future__ import annotations

import logging
from pathlib import Path

import lxml.html
import pytest

from framing.io import read_article
from framing.io.page_checks import extraction_warnings, link_words, page_text
from framing.io.page_fields import checked_author, site_keys, without_site_suffix

STORY = [
    "The regional council voted on Tuesday to close the old river bridge to heavy lorries "
    "after engineers found cracks in two of its supporting piers during an inspection.",
    "Council members said the decision had not been easy, because the bridge carries most "
    "of the freight between the port and the industrial estate on the far bank.",
    "Hauliers will have to use the ring road instead, a detour of about eleven kilometres "
    "that local firms say will add time and fuel costs to every delivery.",
    "The chief engineer told the meeting that the cracks were no immediate danger to cars "
    "or pedestrians, but that repeated heavy loads could widen them quickly.",
    "Repairs are expected to take at least eight months and will be paid for from the "
    "maintenance budget, with a request for extra funds from the transport ministry.",
    "Residents of the streets near the bridge welcomed the ban, saying that the lorries "
    "had shaken their houses for years and kept their children awake at night.",
]
HEADLINES = [f"Harbour festival draws record crowds on its day number {i}" for i in range(20)]
PARAGRAPHS = "".join(f"<p>{p}</p>" for p in STORY)


def page(body: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Bridge closed to lorries | Example Herald</title>"
        f'<meta property="og:site_name" content="Example Herald">{head}</head>'
        f"<body>{body}</body></html>"
    )


def linked_headlines(tag: str = "p") -> str:
    return "".join(f'<{tag}><a href="/s/{i}">{h}</a></{tag}>' for i, h in enumerate(HEADLINES))


def write(tmp_path: Path, html: str) -> Path:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_a_plain_article_page_has_no_warning(tmp_path, caplog):
    html = page(
        "<nav><a href='/'>Home</a> <a href='/local'>Local news</a></nav>"
        f"<main><article><h1>Bridge closed to lorries</h1>{PARAGRAPHS}</article></main>"
        f"<aside><ul>{linked_headlines('li')}</ul></aside>"
    )
    with caplog.at_level(logging.WARNING, logger="framing"):
        art = read_article(write(tmp_path, html))
    assert art.text == "\n\n".join(STORY)
    assert "warnings" not in art.meta
    assert not caplog.records


def test_a_headline_carousel_before_the_story_is_cut_and_recorded(tmp_path):
    html = page(
        f"<main><article><h1>Bridge closed to lorries</h1>{linked_headlines()}"
        f"{PARAGRAPHS}</article></main>"
    )
    art = read_article(write(tmp_path, html))
    assert art.text == "\n\n".join(STORY)
    assert "Harbour festival" not in art.text
    assert art.meta["removed_rules"].count("link_list") == len(HEADLINES)
    assert art.meta["removed_lines"][0] == HEADLINES[0]
    assert "warnings" not in art.meta


def test_links_inside_the_story_are_kept(tmp_path):
    linked = [f'<p>{p[:40]}<a href="/x">{p[40:80]}</a>{p[80:]}</p>' for p in STORY]
    art = read_article(write(tmp_path, page(f"<article>{''.join(linked)}</article>")))
    assert art.text == "\n\n".join(STORY)
    assert "warnings" not in art.meta


def test_a_body_of_links_is_extracted_again_with_precision(tmp_path):
    html = page(
        f"<main><article><h1>Bridge closed to lorries</h1><p>{STORY[0]}</p>"
        f"<ul>{linked_headlines('li')}</ul></article></main>"
    )
    art = read_article(write(tmp_path, html))
    assert art.meta["extractor"].endswith("(favor_precision)")
    assert art.text == STORY[0]


def test_links_mixed_into_the_story_are_warned_about(tmp_path, caplog):
    mixed = "".join(
        f"<p>{p}</p>"
        + "".join(f'<p><a href="/s/{i}{j}">{HEADLINES[3 * i + j]}</a></p>' for j in range(3))
        for i, p in enumerate(STORY)
    )
    with caplog.at_level(logging.WARNING, logger="framing"):
        art = read_article(write(tmp_path, page(f"<article>{mixed}</article>")))
    (warning,) = art.meta["warnings"]
    assert "paragraphs that are links" in warning
    assert warning in caplog.text


def test_a_teaser_behind_a_declared_paywall_is_warned_about(tmp_path):
    declared = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"isAccessibleForFree": false}</script>'
    )
    html = page(f"<article><h1>Bridge closed to lorries</h1><p>{STORY[0]}</p></article>", declared)
    (warning,) = read_article(write(tmp_path, html)).meta["warnings"]
    assert "teaser of a paywalled article" in warning
    assert "isAccessibleForFree" in warning


def test_a_teaser_that_announces_the_paywall_is_warned_about(tmp_path):
    html = page(
        f"<article><p>{STORY[0]}</p><div><p>Subscribe to continue reading.</p>"
        "<p>Already a subscriber? Sign in.</p></div></article>"
    )
    (warning,) = read_article(write(tmp_path, html)).meta["warnings"]
    assert "subscribe to continue reading" in warning.casefold()


def test_a_whole_article_on_a_paywalled_page_is_not_a_teaser(tmp_path):
    declared = '<script type="application/ld+json">{"isAccessibleForFree": "False"}</script>'
    art = read_article(write(tmp_path, page(f"<article>{PARAGRAPHS * 2}</article>", declared)))
    assert "warnings" not in art.meta


def test_a_fragment_of_a_long_page_is_warned_about():
    # The story sits in unmarked <div>s, and a caption was extracted instead: the check
    # compares the body with the page's words outside links.
    tree = lxml.html.document_fromstring(
        page(
            f"<figure><figcaption>{STORY[0]}</figcaption></figure>"
            + "".join(f"<div>{p}</div>" for p in STORY * 2)
            + f"<nav>{linked_headlines()}</nav>"
        )
    )
    measured = page_text(tree)
    assert 350 < measured.n_words < 400  # the story twice, the caption; no links, no nav
    (warning,) = extraction_warnings(STORY[0], measured)
    assert f"about {measured.n_words} outside links" in warning
    assert extraction_warnings("\n".join(STORY * 2), measured) == []


def test_page_text_leaves_the_tree_as_it_was():
    html = page(f"<nav><a href='/'>Home page</a></nav><article>{PARAGRAPHS}</article>")
    tree = lxml.html.document_fromstring(html)
    before = lxml.html.tostring(tree)
    page_text(tree)
    assert lxml.html.tostring(tree) == before


def test_link_words_count_list_items_of_links():
    tree = lxml.html.document_fromstring(page(f"<ul>{linked_headlines('li')}</ul>"))
    measured = page_text(tree)
    body = "\n".join([STORY[0], *(f"- {h}" for h in HEADLINES[:3])])
    assert link_words(body, measured) == 3 * len(HEADLINES[0].split())


# --- bylines and titles -------------------------------------------------------------------

SITES = site_keys("Example Herald", "exampleherald.com")


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Jane Roe", "Jane Roe"),
        ("April Stone", "April Stone"),  # a month as a first name
        ("Jan Novak", "Jan Novak"),
        ("Username", None),
        ("admin", None),
        ("Example Herald", None),
        ("The Example Herald", None),
        ("Example Herald March", None),
        ("Staff 2021", None),
        ("Jane Roe; Username", "Jane Roe"),
        ("Jane Roe; John Doe", "Jane Roe; John Doe"),
        (None, None),
    ],
)
def test_checked_author(author, expected):
    assert checked_author(author, SITES) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Bridge closed to lorries | Example Herald", "Bridge closed to lorries"),
        ("Bridge closed to lorries - The Example Herald", "Bridge closed to lorries"),
        ("Bridge closed | EXAMPLEHERALD | 12.03.2020", "Bridge closed"),
        ("Bridge closed – Example Herald – March 12, 2020", "Bridge closed"),
        ("Bridge closed | exampleherald.com", "Bridge closed"),
        # Parts that are not the site or a date stay.
        (
            "Bridge closed - what it means for hauliers",
            "Bridge closed - what it means for hauliers",
        ),
        ("Mother-in-law sues council", "Mother-in-law sues council"),
        ("Example Herald", "Example Herald"),  # the first part is always kept
        ("Bridge closed | Other Paper", "Bridge closed | Other Paper"),
    ],
)
def test_without_site_suffix(title, expected):
    assert without_site_suffix(title, SITES) == expected


def test_html_byline_and_title_are_checked(tmp_path):
    head = '<meta name="author" content="Username">'
    html = page(f"<article>{PARAGRAPHS}</article>", head).replace(
        "Bridge closed to lorries | Example Herald",
        "Bridge closed to lorries | Example Herald | 12.03.2020",
    )
    art = read_article(write(tmp_path, html))
    assert art.author is None
    assert art.title == "Bridge closed to lorries"


def test_a_long_comment_thread_does_not_make_the_article_a_fragment():
    thread = "".join(f"<div class='comment-body'><p>{p}</p></div>" for p in STORY * 8)
    tree = lxml.html.document_fromstring(
        page(f"<article>{PARAGRAPHS}</article><section id='comments'>{thread}</section>")
    )
    measured = page_text(tree)
    assert measured.n_words < 1.2 * len("\n".join(STORY).split())  # the thread is not counted
    assert extraction_warnings("\n".join(STORY), measured) == []


def test_a_text_file_byline_and_title_are_checked(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        f"Bridge closed to lorries | 12.03.2020\n\nBy Username\n\n{STORY[0]}\n", "utf-8"
    )
    art = read_article(path)
    assert art.title == "Bridge closed to lorries"
    assert art.author is None


def test_a_sign_in_prompt_in_the_site_header_is_not_a_paywall(tmp_path):
    html = page(
        "<header><p>Already a subscriber? Sign in.</p></header>"
        f"<article><p>{STORY[0]}</p></article>"
    )
    assert "warnings" not in read_article(write(tmp_path, html)).meta

"""An HTML page's article: main text and metadata by trafilatura, offline, then checked.

The body is checked against the page (see :mod:`framing.io.page_checks`): when it is mostly
link lists, trafilatura runs again with ``favor_precision`` and the result with more of
the article's own words is kept. The byline and title are checked too (see
:mod:`framing.io.page_fields`).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from framing.errors import ReadError
from framing.io.page_checks import (
    LINK_LIST_SHARE,
    PageText,
    extraction_warnings,
    is_link_paragraph,
    link_words,
    page_text,
    word_count,
)
from framing.io.page_fields import checked_author, site_keys, without_site_suffix

__all__ = ["extract_html"]

logger = logging.getLogger("framing")

# Consecutive link paragraphs at an edge of the body that make a link list.
_MIN_RUN = 3
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


def _without_scripts(html: str) -> Any:
    """The page as an lxml tree without script, style, noscript and template elements.

    Their text is code, not words: trafilatura would keep it inside a headline
    ("Minister <script>alert(2)</script> speaks"). A page lxml cannot parse is passed on
    as it is, for trafilatura to judge.
    """
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (ValueError, lxml.etree.ParserError):
        return html
    # JSON-LD stays until the page is measured: it may declare a paywall.
    for element in tree.xpath(
        "//script[not(@type='application/ld+json')]|//style|//noscript|//template"
    ):
        element.drop_tree()
    return tree


def _own_words(text: str, page: PageText) -> int:
    """Words of a body outside its link-list paragraphs, less those in them: the score by
    which the default and the precise extraction are compared."""
    n_links = link_words(text, page)
    return word_count(text) - 2 * n_links


def _edge_links(kinds: list[str]) -> list[int]:
    """Indices of the link paragraphs in the leading run of ``"link"`` and ``"title"``
    paragraphs, when there are at least :data:`_MIN_RUN` of them."""
    run = []
    for i, kind in enumerate(kinds):
        if kind == "text":
            break
        if kind == "link":
            run.append(i)
    return run if len(run) >= _MIN_RUN else []


def _without_edge_links(
    text: str, title: str | None, page: PageText
) -> tuple[list[str], list[str]]:
    """The paragraphs of ``text`` without the runs of link paragraphs it starts or ends
    with (a headline carousel above the story, a "related" list below it), and those runs.

    The headline repeated at the top does not interrupt a run; a run needs at least
    :data:`_MIN_RUN` links, as one linked line may be the article's own.
    """
    paragraphs = [line for line in text.splitlines() if line.strip()]
    title_key = " ".join((title or "").casefold().split())
    kinds = [
        "title"
        if " ".join(p.casefold().split()) == title_key
        else "link"
        if is_link_paragraph(p, page)
        else "text"
        for p in paragraphs
    ]
    if "text" not in kinds:  # nothing but links: leave them for the warning to name
        return paragraphs, []
    n = len(kinds)
    cut = set(_edge_links(kinds)) | {n - 1 - i for i in _edge_links(kinds[::-1])}
    kept = [p for i, p in enumerate(paragraphs) if i not in cut]
    return kept, [p for i, p in enumerate(paragraphs) if i in cut]


def extract_html(html: str, url: str | None, name: str) -> tuple[str, dict[str, Any], list[str]]:
    """Main text (paragraphs joined by blank lines), metadata and warnings.

    ``metadata["link_paragraphs"]`` lists the paragraphs of links left out at the start
    or end of the body.

    Raises
    ------
    ReadError
        If trafilatura finds no text in the page.
    """
    import trafilatura

    tree = _without_scripts(html)
    page = page_text(tree) if not isinstance(tree, str) else PageText(0, frozenset(), None)
    if not isinstance(tree, str):
        for script in tree.xpath("//script"):
            script.drop_tree()

    def extract(**options: Any) -> Any:
        return trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, **options
        )

    doc = extract()
    if doc is None or not (doc.text or "").strip():
        raise ReadError(
            f"{name} has no article text that trafilatura could extract: check that it is an "
            "article page (not an index or a script-only shell), or save the text as .txt.",
            path=name,
        )
    extractor = f"trafilatura {trafilatura.__version__}"
    if link_words(doc.text, page) >= LINK_LIST_SHARE * word_count(doc.text):
        precise = extract(favor_precision=True)
        if precise is not None and _own_words(precise.text or "", page) > _own_words(
            doc.text, page
        ):
            logger.info("%s: the body was mostly links; kept trafilatura's precise result", name)
            doc, extractor = precise, f"{extractor} (favor_precision)"
    sites = site_keys(doc.sitename, doc.hostname)
    meta = {
        "title": without_site_suffix(doc.title, sites),
        "author": checked_author(doc.author, sites),
        "published": doc.date,
        "outlet": doc.sitename or doc.hostname,
        "url": doc.url,
        "extractor": extractor,
    }
    paragraphs, meta["link_paragraphs"] = _without_edge_links(doc.text, doc.title, page)
    warnings = extraction_warnings("\n".join(paragraphs), page)
    for warning in warnings:
        logger.warning("%s: %s", name, warning)
    return "\n\n".join(paragraphs), meta, warnings

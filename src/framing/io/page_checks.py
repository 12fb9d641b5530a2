"""Check the body trafilatura extracted against the page it came from.

Extraction fails quietly in three ways that change the analysis: the body is a fragment
(a photo caption, a sidebar) while the story stays on the page; the body is, or starts
with, lists of links to other articles (headline carousels, "related" lists), whose
headlines then give false targets and speakers; or the page holds only a teaser of a
paywalled article. Each is measured on the page itself, so the checks need no list of
sites: the words of the page's visible text outside links, the texts of its links, and
whether it declares or announces a paywall.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from typing import Any

__all__ = [
    "LINK_LIST_SHARE",
    "PageText",
    "extraction_warnings",
    "is_link_paragraph",
    "link_words",
    "page_text",
    "word_count",
]

#: A body with at least this share of its words in link-list paragraphs is re-extracted
#: with ``favor_precision`` and, if still so, warned about.
LINK_LIST_SHARE = 0.3
# A paragraph whose words are at least this much link text is a link, not prose.
_LINK_PARAGRAPH = 0.8
# A body under this share of the page's words outside links, when the page has at least
# _SHORT_MIN_GAP more of them, is probably a fragment of the page.
_SHORT_SHARE = 0.2
_SHORT_MIN_GAP = 200
# A teaser is short: a paywalled page whose body has more words than this holds the text.
_TEASER_MAX_WORDS = 200
# Elements whose text is page furniture, not part of what a reader reads as the page.
_FURNITURE = ".//nav|.//header|.//footer|.//aside|.//form|.//select|.//button|.//svg"
# Reader comments are text of the page but never the article: a long thread must not make
# a whole article look like a fragment.
_COMMENTS = ".//*[contains(@id, 'comment') or contains(@class, 'comment')]"
_HIDDEN = (
    ".//*[@hidden or @aria-hidden='true' or contains(translate(@style, ' ', ''), 'display:none')]"
)
# How pages announce that the rest of the article is for subscribers.
_PAYWALL_PHRASES = re.compile(
    r"\b(?:subscribe|sign in|log in|register|become a member)\s+(?:now\s+)?to\s+"
    r"(?:continue|keep)?\s*reading\b"
    r"|\bto (?:continue|keep) reading\b.{0,40}\b(?:subscri|sign in|log in)"
    r"|\balready (?:a subscriber|have an account)\b|\bsubscribers? only\b"
    r"|\bthis (?:article|story|content) is (?:only )?(?:available|reserved|exclusive)"
    r" (?:to|for) (?:subscribers|members|premium)",
    re.IGNORECASE,
)
_PAYWALL_CLASS = re.compile(r"paywall|piano-?(?:offer|template)|subscriber-only|premium-wall", re.I)
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_LIST_MARK = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class PageText:
    """What a page shows, measured before extraction.

    ``n_words`` counts the words of its visible text outside links and page furniture
    (navigation, header, footer, asides, forms); ``link_texts`` holds the normalised text
    of each of its links of two words or more; ``paywall`` says why the page looks
    paywalled (a declaration or an announcement), or is None.
    """

    n_words: int
    link_texts: frozenset[str]
    paywall: str | None


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def page_text(tree: Any) -> PageText:
    """Measure an lxml page (which is not changed)."""
    page = copy.deepcopy(tree)
    links = frozenset(
        key for a in page.iter("a") if len((key := _normal(a.text_content())).split()) >= 2
    )
    declared = _declared_paywall(page)
    for script in page.xpath("//script"):  # JSON-LD: data, not words of the page
        script.drop_tree()
    body = page.find("body")
    if body is None:
        return PageText(0, links, declared)
    for element in body.xpath(f"{_FURNITURE}|{_COMMENTS}"):
        if element.getparent() is not None:
            element.drop_tree()
    # A paywall prompt counts where the article is, not in the site's header ("Already a
    # subscriber? Sign in" on every page); hidden prompts count too.
    announced = _PAYWALL_PHRASES.search(" ".join(body.xpath(".//text()")))
    for element in body.xpath(_HIDDEN):
        if element.getparent() is not None:
            element.drop_tree()
    for link in list(body.iter("a")):
        link.drop_tree()  # its text goes, the text after it stays
    paywall = declared or (f"the page says {announced.group(0)!r}" if announced else None)
    return PageText(len(_WORD.findall(body.text_content())), links, paywall)


def _declared_paywall(page: Any) -> str | None:
    """Why the page declares itself paywalled (JSON-LD, or a paywall element), or None."""
    for script in page.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        if _declares_paywall(data):
            return "the page declares that it is not free to read (isAccessibleForFree: false)"
    if any(_PAYWALL_CLASS.search(f"{e.get('class', '')} {e.get('id', '')}")
           for e in page.iter() if isinstance(e.tag, str)):  # fmt: skip
        return "the page has a paywall element"
    return None


def _declares_paywall(data: Any) -> bool:
    if isinstance(data, list):
        return any(_declares_paywall(item) for item in data)
    if not isinstance(data, dict):
        return False
    free = data.get("isAccessibleForFree")
    if free is False or str(free).casefold() == "false":
        return True
    return any(_declares_paywall(v) for v in data.values() if isinstance(v, (dict, list)))


def word_count(text: str) -> int:
    """The words of ``text``, counted as the checks count them."""
    return len(_WORD.findall(text))


def is_link_paragraph(paragraph: str, page: PageText) -> bool:
    """Whether a paragraph's words are (almost) all the text of links of the page."""
    key = _normal(_LIST_MARK.sub("", paragraph))
    n_words = len(key.split())
    if not n_words:
        return False
    rest = f" {key} "
    for link in sorted((t for t in page.link_texts if t in key), key=len, reverse=True):
        rest = rest.replace(f" {link} ", " ")
    return len(rest.split()) <= (1 - _LINK_PARAGRAPH) * n_words


def link_words(body: str, page: PageText) -> int:
    """The words of ``body`` (one paragraph per line) in link paragraphs."""
    return sum(word_count(p) for p in body.split("\n") if is_link_paragraph(p, page))


def extraction_warnings(body: str, page: PageText) -> list[str]:
    """Warnings, one sentence each, about a body that does not look like the page's article."""
    n_body = word_count(body)
    warnings = []
    n_links = link_words(body, page)
    if n_body and n_links >= LINK_LIST_SHARE * n_body:
        warnings.append(
            f"{n_links} of the {n_body} words extracted from the page are in paragraphs that "
            "are links (lists of headlines or related articles), which can give false targets "
            "and speakers: check the text, or save the article's own text as .txt"
        )
    if n_body < _SHORT_SHARE * page.n_words and page.n_words - n_body >= _SHORT_MIN_GAP:
        warnings.append(
            f"the extracted body has {n_body} words but the page shows about {page.n_words} "
            "outside links, so the article may have been missed (a caption or a box "
            "extracted instead): check the text, or save the article's own text as .txt"
        )
    teaser = body.rstrip().endswith(("…", "...")) and n_body <= _TEASER_MAX_WORDS
    if (page.paywall and n_body <= _TEASER_MAX_WORDS) or teaser:
        why = page.paywall or "the extracted body breaks off with an ellipsis"
        warnings.append(
            f"the page looks like a teaser of a paywalled article ({why}) and only {n_body} "
            "words were extracted, probably not the whole article: analyse the full text, "
            "saved as .txt"
        )
    return warnings

"""Check the byline and title that trafilatura found in a page's metadata.

Page templates fill the author field with whatever sits in the byline slot: an account
placeholder ("Username"), the site's own name, or the site name run into a date ("CBS News
February"). Titles come from ``<title>``, which usually ends with the site's name and
sometimes a date ("Talks resume | DW | 12.03.2020"). Both are corrected conservatively:
an author is dropped only when it is clearly not a person's name, and only the trailing
parts of a title that name the site or give a date are removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["checked_author", "site_keys", "without_site_suffix"]

# Placeholders of content-management systems, never a person's name on their own.
_PLACEHOLDERS = frozenset(
    {
        "admin",
        "administrator",
        "anonymous",
        "author",
        "editor",
        "guest",
        "n/a",
        "none",
        "null",
        "unknown",
        "user",
        "username",
        "webmaster",
    }
)
# Month names: as the last word of a byline ("CBS News February") they are a date run
# into it. Abbreviations are left out, as "Jan" is also a first name.
_MONTHS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)
# Separators between the parts of a page title: "A | B", "A - B", "A – B", "A — B", "A · B".
_TITLE_SEPARATOR = re.compile(r"\s+[|–—·•-]\s+|\s*\|\s*|\s+::\s+")
_DATE = re.compile(
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}"
    r"|(?:\d{1,2}\s+)?[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}",
    re.IGNORECASE,
)


def _key(text: str) -> str:
    """Letters and digits only, case folded, a leading "the" and "www." ignored."""
    text = text.casefold().strip()
    text = re.sub(r"^(?:www\.|the\s+)", "", text)
    return re.sub(r"[\W_]+", "", text)


def site_keys(*names: str | None) -> frozenset[str]:
    """Comparison keys of a site's names: its name and its host without ``www.`` and the
    top-level domain ("dw.com" gives "dw" and "dwcom")."""
    keys = set()
    for name in names:
        if not name or not name.strip():
            continue
        keys.add(_key(name))
        host = name.strip().casefold().removeprefix("www.")
        if "." in host and " " not in host:
            keys.add(_key(host.rsplit(".", 1)[0]))
    return frozenset(k for k in keys if k)


def _is_person(name: str, sites: frozenset[str]) -> bool:
    words = name.split()
    if not words or name.casefold().strip() in _PLACEHOLDERS:
        return False
    if any(ch.isdigit() for ch in name) or _key(name) in sites:
        return False
    # "CBS News February": a site name run into the date that followed it.
    return not (len(words) > 1 and words[-1].casefold().strip(".,") in _MONTHS)


def checked_author(author: str | None, sites: frozenset[str]) -> str | None:
    """``author`` without the names that are not a person's (several are ``;``-separated,
    as trafilatura joins them); None when none is left."""
    if not author:
        return None
    names = [part.strip() for part in author.split(";")]
    kept = [name for name in names if _is_person(name, sites)]
    return "; ".join(dict.fromkeys(kept)) or None


def _is_furniture(part: str, sites: frozenset[str]) -> bool:
    """Whether a part of a title names the site or is a date."""
    return _key(part) in sites or _DATE.fullmatch(part.strip()) is not None


def without_site_suffix(title: str | None, sites: Iterable[str]) -> str | None:
    """``title`` without trailing parts that name the site or give a date.

    "Talks resume | DW | 12.03.2020" becomes "Talks resume" for the site "DW"; a part
    that is neither is kept, and so is the first part, whatever it says.
    """
    if not title:
        return title
    sites = frozenset(sites)
    kept = title.strip()
    while separators := list(_TITLE_SEPARATOR.finditer(kept)):
        last = separators[-1]
        if not _is_furniture(kept[last.end() :], sites):
            break
        kept = kept[: last.start()].strip()
    return kept

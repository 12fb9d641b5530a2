"""The :class:`Article`: one text and its metadata, exactly as given."""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

__all__ = ["Article", "slugify", "stable_id", "unique_slugs"]

logger = logging.getLogger("framing")

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Lone surrogates (from bytes decoded with "surrogateescape", or built by hand) are not
# text: no UTF-8 can hold them, so hashing, Parquet and HTML would all fail on them.
_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_FIELDS = ("text", "title", "outlet", "url", "published", "author", "id")


def slugify(text: str | None, max_length: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a word boundary."""
    if not text:
        return ""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_WORD.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


def unique_slugs(slugs: Iterable[str]) -> list[str]:
    """``slugs`` made unique in order: a slug met before gets ``-2``, ``-3``, ...

    The rule every report uses for folder and file names, so that two inputs whose names
    slugify alike ("a b.txt", "a-b.txt", "A_B.txt") never share a folder.
    """
    used: set[str] = set()
    unique = []
    for base in slugs:
        slug, number = base, 2
        while slug in used:
            slug, number = f"{base}-{number}", number + 1
        used.add(slug)
        unique.append(slug)
    return unique


def stable_id(*parts: object) -> str:
    """Return a short id derived from the content of ``parts``.

    The same parts always give the same id, so re-runs and resumed corpus runs agree on
    which article is which, whatever order the articles arrive in.
    """
    digest = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    """A news or opinion article.

    ``text`` is kept exactly as given: every offset that :func:`framing.analyze` reports
    indexes into it. Cleaning (boilerplate removal, title detection) happens only in the
    readers (:func:`framing.read_article`). The one exception: a lone surrogate code
    point (``"\\ud800"``), which no UTF-8 can hold, becomes U+FFFD, one code point for
    one, with a warning in ``meta["warnings"]``.

    Parameters
    ----------
    text : str
        The body of the article.
    title, outlet, url, published, author : str, optional
        Metadata; ``published`` is kept as the string the source gave (ISO 8601 where known).
    id : str, optional
        A stable identifier. When omitted, one is derived from the title and text.
    meta : dict, optional
        Anything else worth keeping (the file it came from, the reader used, ...).
    """

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(
                f"Article text must be a str, not {type(self.text).__name__}; "
                "decode bytes first or use framing.read_article()."
            )
        self._replace_surrogates()
        if self.id is None:
            object.__setattr__(self, "id", stable_id(self.url, self.title, self.text))

    def _replace_surrogates(self) -> None:
        """Replace lone surrogates by U+FFFD (one code point each, so offsets hold), with a
        warning in ``meta['warnings']``."""
        warnings = []
        for name in _TEXT_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, str) or not _SURROGATE.search(value):
                continue
            found = _SURROGATE.findall(value)
            first = _SURROGATE.search(value).start()
            object.__setattr__(self, name, _SURROGATE.sub("\ufffd", value))
            warnings.append(
                f"{len(found)} lone surrogate code point(s) in {name} (the first at offset "
                f"{first}) cannot be written as UTF-8 and were replaced by U+FFFD"
            )
        if warnings:
            logger.warning("article %s: %s", self.id or self.title or "", "; ".join(warnings))
            known = list(self.meta.get("warnings", []))
            object.__setattr__(self, "meta", {**self.meta, "warnings": known + warnings})

    @property
    def slug(self) -> str:
        """A file-system-safe name: the source file's stem, else the title, else the id."""
        source = self.meta.get("source_path")
        return (
            slugify(PurePath(source).stem if source else None)
            or slugify(self.title)
            or str(self.id)
        )

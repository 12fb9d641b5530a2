"""Readers: files, folders, tables and DataFrames in, :class:`~framing.Article` objects out.

:func:`read_article` reads one article from ``.txt``/``.md`` (scraper boilerplate removed,
title found, see ``framing/io/boilerplate.yaml``) or ``.html``/``.htm`` (main text and
metadata by trafilatura, offline). :func:`read_articles` reads a corpus: a ``.jsonl``,
``.csv`` or ``.parquet`` table, a DataFrame, a folder, a glob pattern or a list of any of
these. Every problem with an input raises :class:`ReadError`, one sentence naming the file
(and row) and what to do.
"""

from __future__ import annotations

import glob
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from framing.article import Article
from framing.errors import ReadError
from framing.io.boilerplate import clean
from framing.io.checks import regular_file_size
from framing.io.decode import Decoded, DecodeFailure, decode
from framing.io.html_pages import extract_html
from framing.io.page_fields import checked_author, site_keys, without_site_suffix

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MAX_BYTES", "read_article", "read_articles"]

logger = logging.getLogger("framing")

#: Largest single-article file read by default (50 MB); pass ``max_bytes=`` to change it.
#: Table files are not limited: read big ones in pieces with ``chunksize=``.
MAX_BYTES = 50_000_000

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
TABLE_SUFFIXES = frozenset({".jsonl", ".csv", ".parquet"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES

_HTML_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def _load_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    """The bytes of a single-article file, after checking it is a regular file and fits."""
    size = regular_file_size(path, name)
    if size > max_bytes:
        raise ReadError(
            f"{name} is {size / 1e6:.1f} MB, more than the {max_bytes / 1e6:g} MB limit for "
            "one article: split it into articles, or pass a larger max_bytes= if it "
            "really is one.",
            path=name,
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(
            f"{name} cannot be read ({exc.strerror}): check its permissions.", path=name
        ) from None
    if not data:
        raise ReadError(f"{name} is empty: there is no article text to analyse.", path=name)
    return data


def _decode_file(data: bytes, encoding: str | None, name: str, *, html: bool) -> Decoded:
    """Decode a file's bytes; an HTML page's own charset declaration is tried first."""
    declared = _HTML_CHARSET.search(data[:4096]) if html and encoding is None else None
    decoded = None
    try:
        if declared:
            try:
                decoded = decode(data, declared.group(1).decode("ascii"))
            except DecodeFailure:
                logger.info("%s does not match its declared charset; detecting it", name)
        decoded = decoded or decode(data, encoding)
    except DecodeFailure as exc:
        raise ReadError(f"{name} {exc.reason}: {exc.advice}.", path=name) from None
    if encoding is None and decoded.encoding in ("cp1251", "cp1252"):
        logger.info("%s is not UTF-8; read it as %s", name, decoded.encoding)
    if decoded.warning:
        logger.warning("%s: %s", name, decoded.warning)
    if not decoded.text.strip():
        raise ReadError(
            f"{name} contains only whitespace: there is no article text to analyse.", path=name
        )
    return decoded


def read_article(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    max_bytes: int = MAX_BYTES,
    **meta: Any,
) -> Article:
    """Read one article from a text, Markdown or HTML file.

    From ``.txt`` and ``.md`` files, whole short lines of scraper boilerplate (share buttons,
    breadcrumbs, the repeated headline, comment counts, cookie and copyright notices, ...)
    are removed by the general rules in ``framing/io/boilerplate.yaml``; the title is the
    text a breadcrumb ends with, else the first short header line that is not a sentence.
    A header byline ("By Jane Roe") and date line fill ``author`` and ``published``.
    ``.html``/``.htm`` pages go through trafilatura, offline, for text, title, author, date,
    site name and canonical URL. Paragraphs are joined by a blank line, their text unchanged.

    Parameters
    ----------
    path : str or path-like
        The file.
    encoding : str, optional
        Force a codec. By default UTF-8 (a BOM is stripped), else cp1251 or cp1252, chosen
        by how the decoded words look (see ``framing.io.decode``); HTML's declared charset
        is tried first.
    outlet, url : str, optional
        Override what the page says (or supply what a text file cannot).
    max_bytes : int, default :data:`MAX_BYTES` (50 MB)
        Larger files are refused, as they are not one article.
    **meta
        ``title``, ``author``, ``published`` or ``id`` override the detected values; any
        other keyword is stored in ``Article.meta``.

    Returns
    -------
    Article
        ``meta`` records ``source_path``, ``reader`` (txt, md or html), ``encoding``, and
        ``removed_lines`` with the rule that removed each in ``removed_rules``, and
        ``warnings`` when some bytes were not valid in the encoding and were replaced.

    Raises
    ------
    ReadError
        Missing, empty, binary, oversized or undecodable file, unsupported type, or no
        article text.
    """
    name = os.fspath(path)
    file = Path(name).expanduser()
    suffix = file.suffix.lower()
    if file.exists() and not file.is_dir() and suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        advice = (
            "it is a table of articles, so use framing.read_articles()"
            if suffix in TABLE_SUFFIXES
            else "pass a .txt, .md, .html or .htm file"
        )
        raise ReadError(f"{name} is not a single-article file type: {advice}.", path=name)
    html = suffix in HTML_SUFFIXES
    text, used, warning = _decode_file(
        _load_bytes(file, name, max_bytes), encoding, name, html=html
    )
    found: dict[str, Any] = {}
    warnings = [warning] if warning else []
    if html:
        text, found, page_warnings = extract_html(text, url, name)
        warnings += page_warnings
    links = found.get("link_paragraphs", [])
    cleaned = clean(text, title=found.get("title"))
    if not cleaned.text:
        raise ReadError(
            f"{name} has no article text left once its {len(cleaned.removed)} boilerplate "
            "lines are removed: check that the file holds an article.",
            path=name,
        )
    logger.debug("%s: removed %d boilerplate lines", name, len(cleaned.removed))
    # A text file's header byline and title get the checks an HTML page's metadata got.
    sites = site_keys(outlet, found.get("outlet"))
    fields = {
        "title": without_site_suffix(cleaned.title, sites),
        "author": found.get("author") or checked_author(cleaned.fields.get("author"), sites),
        "published": found.get("published") or cleaned.fields.get("published"),
        "outlet": outlet or found.get("outlet"),
        "url": url or found.get("url"),
        "id": None,
    }
    fields.update((key, meta.pop(key)) for key in list(meta) if key in fields)
    record = {
        "source_path": name,
        "reader": "html" if html else suffix.lstrip("."),
        "encoding": used,
        # Link lists cut from the edges of a page's body come first, as they were cut first.
        "removed_lines": links + [line for _, line, _ in cleaned.removed],
        "removed_rules": ["link_list"] * len(links) + [rule for _, _, rule in cleaned.removed],
    }
    if "extractor" in found:
        record["extractor"] = found["extractor"]
    if warnings:
        record["warnings"] = warnings
    return Article(text=cleaned.text, **fields, meta={**record, **meta})


OnError = Literal["raise", "skip"] | Callable[[ReadError], object]


def _wanted(path: Path) -> bool:
    # README files describe a data folder; they are not articles.
    return (
        path.is_file()
        and path.suffix.lower() in SUFFIXES
        and not path.name.startswith(".")
        and path.stem.lower() != "readme"
    )


def expand_paths(source: str | os.PathLike[str]) -> list[str]:
    """The files a path, folder or glob pattern names, sorted."""
    name = os.fspath(source)
    path = Path(name).expanduser()
    if path.is_dir():
        files = sorted(str(p) for p in path.iterdir() if _wanted(p))
        if not files:
            raise ReadError(
                f"{name} holds no article files ({', '.join(sorted(SUFFIXES))}): check the "
                f"folder, or pass a pattern such as '{name}/**/*.txt' to search subfolders.",
                path=name,
            )
        return files
    if path.exists():
        return [name]
    if re.search(r"[*?[]", name):
        pattern = os.path.expanduser(name)
        files = sorted(p for p in glob.glob(pattern, recursive="**" in name) if _wanted(Path(p)))
        if not files:
            raise ReadError(
                f"{name} matches no article files: check the pattern (relative patterns "
                f"start from {Path.cwd()}).",
                path=name,
            )
        return files
    raise ReadError(
        f"{name} does not exist: check the path (relative paths start from {Path.cwd()}).",
        path=name,
    )


def _is_dataframe(obj: object) -> bool:
    # Only an imported pandas can have made a DataFrame, so this never imports it.
    pandas = sys.modules.get("pandas")
    return pandas is not None and isinstance(obj, pandas.DataFrame)


@dataclass(frozen=True)
class _Reader:
    """The options of one :func:`read_articles` call, applied to each input in turn."""

    columns: dict[str, str]
    encoding: str | None
    chunksize: int | None
    max_bytes: int

    def items(self, source: Any) -> Iterator[Article | ReadError]:
        """Articles, and the ReadError of each input or row that failed, in input order."""
        if isinstance(source, Article):
            yield source
        elif _is_dataframe(source):
            yield from self.table(source, None)
        elif isinstance(source, (str, os.PathLike)):
            try:
                names = expand_paths(source)
            except ReadError as exc:
                yield exc
                return
            for name in names:
                yield from self.file(name)
        elif isinstance(source, Iterable) and not isinstance(source, (bytes, Mapping)):
            for item in source:
                yield from self.items(item)
        else:
            raise TypeError(
                f"read_articles() cannot read a {type(source).__name__}: pass a path, folder, "
                "glob pattern, DataFrame, Article, or a list of these."
            )

    def file(self, name: str) -> Iterator[Article | ReadError]:
        if Path(name).suffix.lower() in TABLE_SUFFIXES:
            yield from self.table(None, name)
            return
        try:
            yield read_article(name, encoding=self.encoding, max_bytes=self.max_bytes)
        except ReadError as exc:
            yield exc

    def table(self, frame: pd.DataFrame | None, name: str | None) -> Iterator[Article | ReadError]:
        """The rows of a DataFrame (``name`` None) or of a table file."""
        from framing.io.tables import check_frame, frame_items, part_items, table_parts

        if name is None:
            try:
                check_frame(frame, self.columns)
            except ReadError as exc:
                yield exc
                return
            yield from frame_items(frame, self.columns)
            return
        try:
            parts = table_parts(name, columns=self.columns, encoding=self.encoding)
        except ReadError as exc:
            yield exc
            return
        n_items = 0
        for part in parts:
            for item in part_items(part, columns=self.columns, chunksize=self.chunksize):
                n_items += 1
                yield item
        if n_items == 0:
            logger.warning("%s has no rows, so no articles", name)


def read_articles(
    source: Any,
    *,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    chunksize: int | None = None,
    max_bytes: int = MAX_BYTES,
    on_error: OnError = "raise",
) -> Iterator[Article]:
    """Read a corpus of articles, lazily.

    Parameters
    ----------
    source : path, str, DataFrame, Article or iterable of these
        - a ``.jsonl``, ``.csv`` or ``.parquet`` table, or a pandas DataFrame, with columns
          ``text, id, title, outlet, url, published, author`` (only ``text`` is required;
          other columns go to ``Article.meta``; row text is kept exactly as given);
        - a ``.txt``, ``.md``, ``.html`` or ``.htm`` file, read by :func:`read_article`;
        - a folder: every file of those types in it, sorted by name, not its subfolders
          (README files are skipped);
        - a glob pattern such as ``"data/**/*.txt"`` (``**`` searches subfolders);
        - an iterable of any of the above.
    columns : mapping, optional
        Rename table columns to the names above, e.g. ``{"body": "text"}``.
    encoding : str, optional
        Force the encoding of every file (tables default to UTF-8; text files are detected,
        see :func:`read_article`).
    chunksize : int, optional
        Read table files this many rows at a time, to keep memory flat on large files.
    max_bytes : int, default :data:`MAX_BYTES`
        Size limit for single-article files.
    on_error : {"raise", "skip"} or callable, default "raise"
        What to do with a file or row that cannot be read: raise its :class:`ReadError`,
        skip it with a logged warning, or pass the error to a callable and go on.

    Yields
    ------
    Article
        In input order. A missing ``id`` is the default of :class:`Article` (derived from
        url, title and text) with the outlet added when there is one, so ids stay the same
        across runs and row orders. ``meta`` records ``source_path``, ``reader`` and the
        1-based data ``row`` (for a DataFrame, its ``index`` label).

    Raises
    ------
    ReadError
        Immediately, if ``source`` names no existing file, folder or matching files, or a
        DataFrame has no text column; during iteration, for a bad file or row when
        ``on_error="raise"``.
    """
    if on_error not in ("raise", "skip") and not callable(on_error):
        raise ValueError(f"on_error must be 'raise', 'skip' or a callable, not {on_error!r}.")
    if chunksize is not None and (not isinstance(chunksize, int) or chunksize < 1):
        raise ValueError(f"chunksize must be a positive integer or None, not {chunksize!r}.")
    reader = _Reader(dict(columns or {}), encoding, chunksize, max_bytes)
    # Fail now, not at the first next(), when the source itself is wrong.
    if isinstance(source, (str, os.PathLike)):
        source = expand_paths(source)
    elif _is_dataframe(source):
        from framing.io.tables import check_frame

        check_frame(source, reader.columns)
    return _generate(reader, source, on_error)


def _generate(reader: _Reader, source: Any, on_error: OnError) -> Iterator[Article]:
    for item in reader.items(source):
        if isinstance(item, Article):
            yield item
        elif on_error == "raise":
            raise item
        elif on_error == "skip":
            logger.warning("skipped: %s", item)
        else:
            on_error(item)

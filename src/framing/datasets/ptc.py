"""The Propaganda Techniques Corpus (PTC) of SemEval-2020 Task 11.

PTC (Da San Martino et al., "Fine-grained analysis of propaganda in news articles",
EMNLP 2019) annotates news articles with spans of 18 propaganda techniques, among them
``Loaded_Language`` and ``Name_Calling,Labeling``. Each article is a plain text file
``article<ID>.txt`` (the title on the first line) with a tab-separated label file:

- ``article<ID>.task2-TC.labels``: ``<ID> <TAB> technique <TAB> start <TAB> end``;
- ``article<ID>.task1-SI.labels``: ``<ID> <TAB> start <TAB> end`` (spans without technique).

Offsets are character offsets into the raw file, end exclusive; spans may overlap. The
corpus is not distributed with framing; point :func:`read_ptc` at your copy.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from framing.article import Article
from framing.errors import DatasetError

__all__ = ["LABEL_COLUMNS", "read_ptc"]

logger = logging.getLogger("framing")

LABEL_COLUMNS = {
    "article_id": "object",
    "technique": "object",
    "start": "int64",
    "end": "int64",
    "text": "object",
}

_ARTICLE = re.compile(r"^article(\w+)\.txt$")
_LABEL_SUFFIXES = (".task2-TC.labels", ".task1-SI.labels")


def read_ptc(
    folder: str | Path, *, labels: str | Path | None = None
) -> Iterator[tuple[Article, pd.DataFrame]]:
    """Yield each PTC article with its gold spans, sorted by file name.

    Parameters
    ----------
    folder : path
        The corpus folder: either holding ``articles/`` and ``labels/`` subfolders, or the
        article files themselves (label files beside them or in ``labels``).
    labels : path, optional
        The folder of the label files, when it is elsewhere.

    Yields
    ------
    (Article, pandas.DataFrame)
        The article, with ``text`` the raw file exactly as stored (not cleaned: the gold
        offsets index into it), ``id`` the PTC id, ``title`` the first line; and its spans,
        columns ``article_id, technique, start, end, text`` (``technique`` is None for
        task-1 span labels; ``text`` is ``article.text[start:end]``). An article without a
        label file gets an empty table.

    Raises
    ------
    DatasetError
        If the folder holds no PTC articles, or a label line is malformed or its offsets
        fall outside the article.
    """
    folder = Path(folder)
    articles = folder / "articles" if (folder / "articles").is_dir() else folder
    if labels is None:
        labels = folder / "labels" if (folder / "labels").is_dir() else articles
    files = sorted(p for p in articles.glob("article*.txt") if _ARTICLE.match(p.name))
    if not files:
        raise DatasetError(
            f"{articles} holds no PTC articles (files named article<ID>.txt): pass the "
            "folder that holds them, or the one with articles/ and labels/ subfolders."
        )
    for path in files:
        article_id = _ARTICLE.match(path.name).group(1)
        # Bytes decoded as they are: no newline translation, so the offsets stay valid.
        text = path.read_bytes().decode("utf-8")
        title = text.split("\n", 1)[0].strip() or None
        label_path = _label_file(Path(labels), article_id)
        meta = {"source_path": str(path), "reader": "ptc", "corpus": "ptc"}
        if label_path is not None:
            meta["labels_path"] = str(label_path)
        article = Article(text=text, title=title, id=article_id, meta=meta)
        yield article, _read_labels(label_path, text, article_id)


def _label_file(folder: Path, article_id: str) -> Path | None:
    for suffix in _LABEL_SUFFIXES:
        path = folder / f"article{article_id}{suffix}"
        if path.is_file():
            return path
    logger.debug("no label file for PTC article %s in %s", article_id, folder)
    return None


def _read_labels(path: Path | None, text: str, article_id: str) -> pd.DataFrame:
    records = []
    if path is not None:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                records.append(_parse_label(line, path, number, text, article_id))
    frame = pd.DataFrame.from_records(records, columns=list(LABEL_COLUMNS))
    return frame.astype(LABEL_COLUMNS)


def _parse_label(line: str, path: Path, number: int, text: str, article_id: str) -> dict:
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) == 4:
        label_id, technique, start, end = fields
    elif len(fields) == 3:
        (label_id, start, end), technique = fields, None
    else:
        raise DatasetError(
            f"{path} line {number} has {len(fields)} tab-separated fields, not 4 "
            "(id, technique, start, end) or 3 (id, start, end): fix that line."
        )
    if label_id != article_id:
        raise DatasetError(
            f"{path} line {number} labels article {label_id!r}, not {article_id!r}: check "
            "that the label file belongs to this article."
        )
    try:
        first, last = int(start), int(end)
    except ValueError:
        raise DatasetError(
            f"{path} line {number} has offsets {start!r}, {end!r} that are not whole numbers."
        ) from None
    if not 0 <= first < last <= len(text):
        raise DatasetError(
            f"{path} line {number} spans {first}-{last}, outside the article's "
            f"{len(text)} characters: check that the article file is the original one."
        )
    return {
        "article_id": article_id,
        "technique": technique,
        "start": first,
        "end": last,
        "text": text[first:last],
    }

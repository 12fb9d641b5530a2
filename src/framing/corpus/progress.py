"""The progress bar of a corpus run, and the number of items it counts up to.

The total is known before the run when it is cheap to know: the rows of a DataFrame, the
articles of a list, one per single-article file, the non-blank lines of a JSON Lines
file (a byte scan, no parsing) and the rows in a Parquet file's footer. A CSV file's
records can span lines, so only parsing would count them: with one in the corpus the bar
shows a count without a total.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from framing.article import Article
from framing.io import TABLE_SUFFIXES, expand_paths

__all__ = ["count_items", "progress_bar"]

# Codecs in which a line end is the byte b"\n" (JSON Lines files are UTF-8 by default).
_BYTE_LINE_CODECS = frozenset({"", "utf-8", "utf8", "utf-8-sig", "ascii"})


@contextmanager
def progress_bar(enabled: bool, total: int | None) -> Iterator[Any]:
    """A ``tqdm.auto`` bar of articles; when not ``enabled`` it writes nothing at all."""
    from tqdm.auto import tqdm

    bar = tqdm(total=total, unit="article", desc="framing", disable=not enabled, leave=True)
    try:
        yield bar
    finally:
        bar.close()


def count_items(source: Any, encoding: str | None = None) -> int | None:
    """The number of items ``analyze_corpus`` will read from ``source``, or None when it
    cannot be known without parsing (or reading fails: the run will say why)."""
    try:
        return _count(source, encoding)
    except (OSError, ValueError):
        return None


def _count(source: Any, encoding: str | None) -> int | None:
    if isinstance(source, Article):
        return 1
    if isinstance(source, pd.DataFrame):
        return len(source)
    if isinstance(source, (str, os.PathLike)):
        counts = [_file_items(Path(name), encoding) for name in expand_paths(source)]
        return None if None in counts else sum(counts)  # type: ignore[arg-type]
    if isinstance(source, (list, tuple)):
        counts = [_count(item, encoding) for item in source]
        return None if None in counts else sum(counts)  # type: ignore[arg-type]
    return None


def _file_items(path: Path, encoding: str | None) -> int | None:
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        return 1
    if suffix == ".parquet":
        import pyarrow.parquet

        return pyarrow.parquet.read_metadata(path).num_rows
    if suffix == ".jsonl" and (encoding or "").lower() in _BYTE_LINE_CODECS:
        with path.open("rb") as lines:
            return sum(1 for line in lines if line.strip())
    return None

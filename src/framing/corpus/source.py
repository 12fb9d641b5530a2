"""What a corpus run reads, described so that a results folder knows its corpus.

A folder given as ``out=`` records the description of each run's source; a run over
another source is refused unless it appends (``analyze_corpus(..., append=True)``). Paths
are described as given (made absolute), not by the files they match, so a folder or a
glob whose corpus grew is still the same corpus; a DataFrame by its columns; other
in-memory inputs by their kind only, as they cannot be read twice.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from framing.article import Article, stable_id

__all__ = ["describe_source"]


def describe_source(source: Any) -> dict[str, str]:
    """``{"fingerprint": ..., "description": ...}`` of what ``analyze_corpus`` was given."""
    items = _items(source)
    description = _describe(items)
    return {"fingerprint": stable_id(*items), "description": description}


def _items(source: Any) -> list[str]:
    if isinstance(source, (str, os.PathLike)):
        return [f"path:{os.path.abspath(os.path.expanduser(os.fspath(source)))}"]
    if _is_dataframe(source):
        return ["dataframe:" + ",".join(sorted(str(c) for c in source.columns))]
    if isinstance(source, (list, tuple)) and not all(isinstance(s, Article) for s in source):
        return [item for element in source for item in _items(element)]
    return ["articles in memory"]


def _describe(items: list[str]) -> str:
    paths = [item.removeprefix("path:") for item in items if item.startswith("path:")]
    others = [item for item in items if not item.startswith("path:")]
    parts = []
    if paths:
        shown = ", ".join(Path(p).name or p for p in paths[:2])
        more = f" and {len(paths) - 2} more" if len(paths) > 2 else ""
        parts.append(f"{paths[0] if len(paths) == 1 else shown}{more}")
    for item in dict.fromkeys(others):
        if item.startswith("dataframe:"):
            parts.append(f"a DataFrame with the columns {item.removeprefix('dataframe:')}")
        else:
            parts.append(item)
    return "; ".join(parts)


def _is_dataframe(source: Any) -> bool:
    pandas = sys.modules.get("pandas")
    return pandas is not None and isinstance(source, pandas.DataFrame)

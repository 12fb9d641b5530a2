"""Reading: files, folders, tables and DataFrames in, :class:`~framing.Article` objects out.

The readers (:func:`read_article`, :func:`read_articles`) clean scraped text and extract
HTML; the table-file functions (:func:`check_columns`, :func:`table_rows`,
:func:`table_error`, :func:`expand_paths`) are the interface the corpus engines read
through; :func:`atomic_path` is how every output file is written.
"""

from __future__ import annotations

from framing.io.atomic import atomic_path
from framing.io.readers import (
    HTML_SUFFIXES,
    MAX_BYTES,
    SUFFIXES,
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    expand_paths,
    read_article,
    read_articles,
)
from framing.io.tables import FIELDS, check_columns, table_error, table_rows

__all__ = [
    "FIELDS",
    "HTML_SUFFIXES",
    "MAX_BYTES",
    "SUFFIXES",
    "TABLE_SUFFIXES",
    "TEXT_SUFFIXES",
    "atomic_path",
    "check_columns",
    "expand_paths",
    "read_article",
    "read_articles",
    "table_error",
    "table_rows",
]

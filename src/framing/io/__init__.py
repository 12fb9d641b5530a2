"""Reading: files, folders, tables and DataFrames in, :class:`~framing.Article` objects out.

The readers (:func:`read_article`, :func:`read_articles`) clean scraped text and extract
HTML; the table-file functions (:func:`table_parts`, :func:`part_items`,
:func:`expand_paths`) are the interface the corpus engines read through, so that every
engine reads a file into the same rows; :func:`atomic_path` is how every output file is
written.
"""

from __future__ import annotations

from framing.io.atomic import (
    atomic_path,
    atomic_paths,
    process_running,
    remove_stale,
    stale_prefix,
    umask_mode,
)
from framing.io.csv_safe import csv_text, neutralised
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
from framing.io.tables import FIELDS, TablePart, check_columns, part_items, table_parts

__all__ = [
    "FIELDS",
    "HTML_SUFFIXES",
    "MAX_BYTES",
    "SUFFIXES",
    "TABLE_SUFFIXES",
    "TEXT_SUFFIXES",
    "TablePart",
    "atomic_path",
    "atomic_paths",
    "check_columns",
    "csv_text",
    "expand_paths",
    "neutralised",
    "part_items",
    "process_running",
    "read_article",
    "read_articles",
    "remove_stale",
    "stale_prefix",
    "table_parts",
    "umask_mode",
]

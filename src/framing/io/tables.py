"""Table inputs of :func:`framing.read_articles`: ``.jsonl``/``.csv``/``.parquet`` and DataFrames.

Row text is kept exactly as given (no boilerplate removal): tables are usually prepared
corpora, and offsets then index into the user's own data. Failures are isolated to the
row: a row that cannot be parsed or has no text is a :class:`~framing.ReadError` naming
the file and line or row, and the rows around it are read (:mod:`framing.io.table_files`).
The engines of :func:`framing.analyze_corpus` read through :func:`table_parts` and
:func:`part_items`, so every engine turns the same file into the same items.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from framing.article import Article, stable_id
from framing.errors import ReadError
from framing.io.checks import regular_file_size
from framing.io.table_files import Row, TablePart, part_rows, plan_parts

__all__ = ["FIELDS", "TablePart", "check_columns", "frame_items", "part_items", "table_parts"]

#: Column names of table inputs; other columns go to ``Article.meta``.
FIELDS = ("text", "id", "title", "outlet", "url", "published", "author")

# Column names that usually hold the article text, to suggest a ``columns=`` fix.
_TEXT_COLUMN_GUESSES = ("body", "content", "article", "article_text", "full_text", "story")
# A column whose cells average at least this many characters may well be the text.
_TEXT_LENGTH_GUESS = 40
# Rows looked at to check a file's columns before reading it.
_SAMPLE_ROWS = 100
_UNITS = {"jsonl": "line", "csv": "row", "parquet": "row"}


def _cell(value: Any) -> Any:
    """A table cell as a plain Python value: missing → None, timestamps → ISO 8601 strings."""
    if hasattr(value, "tolist"):  # NumPy scalars and arrays (Parquet list columns)
        value = value.tolist()
    if isinstance(value, (str, bool, int, list, dict)):
        return value
    if value is None or pd.isna(value):
        return None
    return value.isoformat() if hasattr(value, "isoformat") else value


def _field(value: Any) -> str | None:
    """A metadata cell as a string, or None when missing or empty."""
    value = _cell(value)
    return None if value is None or value == "" else str(value)


def check_columns(
    columns: Iterable[Any],
    where: str,
    name: str | None,
    sample: Sequence[Mapping[str, Any]] = (),
) -> None:
    """Raise a ReadError naming ``where``, its columns and a ``columns=`` fix if no 'text'.

    The fix names a column called like article text ("body", "content", ...), else the
    column of ``sample`` rows with the longest text, else a placeholder.
    """
    columns = [str(c) for c in columns]
    if "text" in columns:
        return
    guess = next((c for c in columns if c.lower() in _TEXT_COLUMN_GUESSES), None)
    guess = guess or _longest_text_column(columns, sample) or "<the text column>"
    raise ReadError(
        f"{where} has no 'text' column (its columns are: {', '.join(columns) or 'none'}): "
        f"name the column holding the article text with columns={{{guess!r}: 'text'}}.",
        path=name,
    )


def _longest_text_column(columns: list[str], sample: Sequence[Mapping[str, Any]]) -> str | None:
    lengths = {}
    for column in columns:
        cells = [row.get(column) for row in sample]
        texts = [cell for cell in cells if isinstance(cell, str)]
        if texts and len(texts) == len([c for c in cells if c is not None]):
            lengths[column] = sum(map(len, texts)) / len(texts)
    best = max(lengths, key=lengths.__getitem__, default=None)
    return best if best is not None and lengths[best] >= _TEXT_LENGTH_GUESS else None


def table_parts(
    name: str,
    *,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    blocksize: int | None = None,
) -> list[TablePart]:
    """The parts of a table file, after the checks that concern the whole file.

    Parameters
    ----------
    name : str
        The file (``.jsonl``, ``.csv`` or ``.parquet``).
    columns : mapping, optional
        The ``columns=`` renaming; the file must have a text column after it.
    encoding : str, optional
        Force the encoding (otherwise detected once for the whole file).
    blocksize : int, optional
        Cut JSON Lines files into parts of about this many bytes (at line ends) and
        Parquet files into row groups; CSV files are always one part.

    Raises
    ------
    ReadError
        If the file is missing, not a regular file, empty, in an unknown encoding, not
        Parquet, or has no text column.
    """
    path = Path(name).expanduser()
    if regular_file_size(path, name) == 0:
        raise ReadError(f"{name} is empty: there are no articles to read.", path=name)
    kind = path.suffix.lower().lstrip(".")
    parts = plan_parts(name, kind, encoding, blocksize)
    sample = [
        _renamed(row.record, columns)
        for chunk in _first(part_rows(parts[0], _SAMPLE_ROWS))
        for row in chunk
        if row.record is not None
    ]
    if sample:
        check_columns(dict.fromkeys(c for record in sample for c in record), name, name, sample)
    return parts


def _first(chunks: Iterator[list[Row]]) -> list[list[Row]]:
    chunk = next(chunks, None)
    chunks.close()
    return [] if chunk is None else [chunk]


def part_items(
    part: TablePart,
    *,
    columns: Mapping[str, str] | None = None,
    chunksize: int | None = None,
) -> Iterator[Article | ReadError]:
    """One Article per row of ``part``, or the ReadError of a row that cannot be used.

    A failure of the file itself part-way (a damaged Parquet file) is the last item.
    """
    meta = {"source_path": part.name, "reader": part.kind}
    unit = _UNITS[part.kind]
    try:
        for chunk in part_rows(part, chunksize):
            yield from _items(chunk, part.name, part.name, meta, unit, columns)
    except ReadError as exc:
        yield exc


def frame_items(
    frame: pd.DataFrame, columns: Mapping[str, str] | None = None
) -> Iterator[Article | ReadError]:
    """One Article per row of a DataFrame (``meta['index']`` is the row's index label)."""
    records = frame.to_dict("records")
    rows = [Row(label, record) for label, record in zip(frame.index, records, strict=True)]
    return _items(rows, "DataFrame", None, {"reader": "dataframe"}, "row", columns)


def check_frame(frame: pd.DataFrame, columns: Mapping[str, str] | None = None) -> None:
    """Raise the ReadError of a DataFrame without a text column (after ``columns``)."""
    renamed = frame.rename(columns=dict(columns or {}))
    sample = renamed.head(_SAMPLE_ROWS).to_dict("records")
    check_columns(renamed.columns, "DataFrame", None, sample)


def _renamed(record: Mapping[str, Any], columns: Mapping[str, str] | None) -> dict[str, Any]:
    if not columns:
        return dict(record)
    return {columns.get(str(key), str(key)): value for key, value in record.items()}


def _items(
    rows: Iterable[Row],
    where: str,
    name: str | None,
    meta: dict[str, Any],
    unit: str,
    columns: Mapping[str, str] | None,
) -> Iterator[Article | ReadError]:
    """Articles from parsed rows; a bad row or a row without text is a ReadError."""
    for row in rows:
        if row.record is None:
            yield ReadError(f"{where} {unit} {row.label} {row.error}.", path=name, row=row.label)
            continue
        record = _renamed(row.record, columns)
        text = _cell(record.get("text"))
        if not isinstance(text, str) or not text.strip():
            yield ReadError(
                f"{where} {unit} {row.label} has no text (its 'text' cell is empty or not a "
                f"string): fill it in or remove the {unit}.",
                path=name,
                row=row.label,
            )
            continue
        values = {key: _field(record.get(key)) for key in FIELDS[1:]}
        if values["id"] is None and values["outlet"] is not None:
            # The outlet joins the default (url, title, text), so one wire story carried
            # by two outlets gets two ids.
            values["id"] = stable_id(values["url"], values["title"], text, values["outlet"])
        row_meta = {**meta, "row" if name else "index": row.label}
        row_meta.update((str(c), _cell(v)) for c, v in record.items() if c not in FIELDS)
        if row.warning:
            row_meta["warnings"] = [row.warning]
        yield Article(text=text, **values, meta=row_meta)

"""Table inputs of :func:`framing.read_articles`: ``.jsonl``/``.csv``/``.parquet`` and DataFrames.

Row text is kept exactly as given (no boilerplate removal): tables are usually prepared
corpora, and offsets then index into the user's own data.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from framing.article import Article, stable_id
from framing.errors import ReadError

__all__ = ["FIELDS", "check_columns", "table_error", "table_frames", "table_rows"]

#: Column names of table inputs; other columns go to ``Article.meta``.
FIELDS = ("text", "id", "title", "outlet", "url", "published", "author")

# Column names that usually hold the article text, to suggest a ``columns=`` fix.
_TEXT_COLUMN_GUESSES = ("body", "content", "article", "article_text", "full_text", "story")


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


def check_columns(columns: Iterable[Any], where: str, name: str | None) -> None:
    """Raise a ReadError naming ``where``, its columns and a ``columns=`` fix if no 'text'."""
    columns = [str(c) for c in columns]
    if "text" in columns:
        return
    guess = next((c for c in columns if c.lower() in _TEXT_COLUMN_GUESSES), None)
    guess = guess or (columns[0] if columns else "body")
    raise ReadError(
        f"{where} has no 'text' column (its columns are: {', '.join(columns) or 'none'}): "
        f"name the column holding the article text with columns={{{guess!r}: 'text'}}.",
        path=name,
    )


def table_rows(
    frame: pd.DataFrame, where: str, name: str | None, first_row: int, meta: dict[str, Any]
) -> Iterator[Article | ReadError]:
    """One Article per row, or the ReadError of a row without text, in row order.

    Row numbers count data rows from 1 in files (``first_row`` carries the count across
    chunks); for a DataFrame they are index labels.
    """
    extras = [c for c in frame.columns if c not in FIELDS]
    labels = frame.index if name is None else range(first_row, first_row + len(frame))
    for row, record in zip(labels, frame.to_dict("records"), strict=True):
        text = _cell(record["text"])
        if not isinstance(text, str) or not text.strip():
            yield ReadError(
                f"{where} row {row} has no text (its 'text' cell is empty or not a string): "
                "fill it in or remove the row.",
                path=name,
                row=row,
            )
            continue
        values = {key: _field(record.get(key)) for key in FIELDS[1:]}
        if values["id"] is None and values["outlet"] is not None:
            # The outlet joins the default (url, title, text), so one wire story carried
            # by two outlets gets two ids.
            values["id"] = stable_id(values["url"], values["title"], text, values["outlet"])
        row_meta = {**meta, "row" if name else "index": row}
        row_meta.update((str(c), _cell(record[c])) for c in extras)
        yield Article(text=text, **values, meta=row_meta)


def table_frames(
    path: Path, name: str, encoding: str | None, chunksize: int | None
) -> Iterator[pd.DataFrame]:
    """The DataFrames of a table file: one, or one per chunk of ``chunksize`` rows."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            if chunksize is None:
                yield pd.read_parquet(path)
            else:
                import pyarrow.parquet as pq

                for batch in pq.ParquetFile(path).iter_batches(batch_size=chunksize):
                    yield batch.to_pandas()
        elif suffix == ".csv":
            # Every cell as a string: ids keep leading zeros, empty cells become "".
            opts = {"dtype": str, "keep_default_na": False}
            reader = pd.read_csv(
                path, encoding=encoding or "utf-8-sig", chunksize=chunksize, **opts
            )
            yield from [reader] if chunksize is None else reader
        else:
            opts = {"lines": True, "dtype": False}
            reader = pd.read_json(
                path, encoding=encoding or "utf-8-sig", chunksize=chunksize, **opts
            )
            yield from [reader] if chunksize is None else reader
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"{name} is not valid {exc.encoding} text (byte {exc.object[exc.start]:#04x}): "
            "pass its encoding, for example encoding='cp1251'.",
            path=name,
        ) from None
    except (ValueError, OSError, ImportError) as exc:
        raise table_error(path, name, suffix, exc) from None


def table_error(path: Path, name: str, suffix: str, exc: Exception) -> ReadError:
    """A ReadError for a table file that pandas or pyarrow could not parse."""
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if suffix == ".jsonl":
        with path.open(encoding="utf-8-sig", errors="replace") as lines:
            for number, line in enumerate(lines, start=1):
                try:
                    if line.strip():
                        json.loads(line)
                except ValueError:
                    return ReadError(
                        f"{name} line {number} is not valid JSON: fix that line (each line "
                        "must hold one JSON object).",
                        path=name,
                        row=number,
                    )
    kind = {".csv": "CSV", ".jsonl": "JSON Lines", ".parquet": "Parquet"}[suffix]
    return ReadError(
        f"{name} could not be read as {kind} ({detail}): check that the file is complete "
        "and in that format.",
        path=name,
    )

"""CSV that is safe to open in a spreadsheet: every CSV framing writes goes through here.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as
a formula by Excel, LibreOffice and Google Sheets (``=HYPERLINK(...)`` in a quote taken
from an article, ``+cmd|...``). Following the OWASP advice on CSV injection, such a text
cell is written with a leading apostrophe (``'=HYPERLINK(...)``), which spreadsheets show
as text; plain numbers ("-0.25") are left as they are. Text read back with pandas keeps
the apostrophe: strip it (``value[1:]``) where a cell starts with ``'=``, ``'+``, ``'-``,
``'@``, ``'\\t`` or ``'\\r``. Offsets in the tables still index the article text.
"""

from __future__ import annotations

import csv
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMULA_STARTS", "csv_text", "neutralised"]

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutralised(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with every text cell that a spreadsheet would run prefixed by ``'``."""
    result = table
    for position in _text_columns(table):
        values = table.iloc[:, position].tolist()
        safe = [_safe(v) for v in values]
        if any(a is not b for a, b in zip(values, safe, strict=True)):
            if result is table:
                result = table.copy()
            result.isetitem(position, safe)
    return result


def csv_text(table: pd.DataFrame, *, float_format: str | None = None) -> str:
    """``table`` as neutralised CSV text with "\\n" line ends and no index.

    A text cell holding a bare carriage return would not be quoted by Python's CSV writer
    with "\\n" line ends, and readers would end the row there: such a table has all its
    text cells quoted.
    """
    table = neutralised(table)
    quoting = csv.QUOTE_NONNUMERIC if _has_carriage_return(table) else csv.QUOTE_MINIMAL
    return table.to_csv(
        index=False, lineterminator="\n", float_format=float_format, quoting=quoting
    )


def _has_carriage_return(table: pd.DataFrame) -> bool:
    return any(
        isinstance(value, str) and "\r" in value
        for position in _text_columns(table)
        for value in table.iloc[:, position].tolist()
    )


def _text_columns(table: pd.DataFrame) -> list[int]:
    """Positions of the columns that may hold text (object, or pandas' string dtypes)."""
    return [
        position
        for position, dtype in enumerate(table.dtypes)
        if str(dtype) in ("object", "string", "str")
    ]

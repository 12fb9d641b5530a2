"""The columns of every table framing returns (the public contract in DESIGN.md).

Tables always have their columns, even when empty, so that code downstream can rely
on them; :func:`empty_table` and :func:`as_table` enforce that.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

LOADED_TERMS = {
    "article_id": "object",
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "object",
    "term": "object",
    "category": "object",
    "polarity": "int8",
    "in_quote": "bool",
    "speaker": "object",
    "negated": "bool",
    "weight": "float64",
}

SOURCES = {
    "article_id": "object",
    "sentence_id": "int64",
    "kind": "object",
    "speaker": "object",
    "speaker_type": "object",
    "affiliation": "object",
    "cue": "object",
    "cue_class": "object",
    "quote": "object",
    "n_words": "int64",
    "speaker_start": "int64",
    "speaker_end": "int64",
    "cue_start": "int64",
    "cue_end": "int64",
    "content_start": "int64",
    "content_end": "int64",
}

STANCE = {
    "article_id": "object",
    "target": "object",
    "mentions": "int64",
    "sentiment": "float64",
    "loaded_valence": "float64",
    "voice_share": "float64",
    "attribution": "float64",
    "score": "float64",
    "n_evidence": "int64",
    # An extension beyond the contract's columns, documented in framing.stance.
    "low_evidence": "bool",
    # Signals beyond the contract's, documented in framing.stance.
    "reception": "float64",
    "voice_tone": "float64",
}

STANCE_EVIDENCE = {
    "article_id": "object",
    "target": "object",
    "signal": "object",
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "object",
    "value": "float64",
}


def empty_table(schema: Mapping[str, str]) -> pd.DataFrame:
    """A table with no rows and the schema's columns and dtypes."""
    return as_table([], schema)


def as_table(records: Iterable[Mapping[str, Any]], schema: Mapping[str, str]) -> pd.DataFrame:
    """Records as a DataFrame with exactly the schema's columns, in order, with its dtypes.

    Built column by column: much faster than ``DataFrame.astype`` on small tables, which
    matters when a corpus makes millions of them.
    """
    records = list(records)
    return pd.DataFrame(
        {name: _column([r.get(name) for r in records], dtype) for name, dtype in schema.items()},
        copy=False,
    )


def _column(values: list[Any], dtype: str) -> pd.Series | np.ndarray:
    if dtype != "object":
        return np.array(values, dtype=dtype)
    # A Series keeps text columns as object in every pandas version (a bare object
    # array would be inferred as pandas 3's str dtype, unlike an empty table's column);
    # filling an object array first skips pandas' slower inference from a list.
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return pd.Series(array, dtype=object, copy=False)


def records(frame: pd.DataFrame, columns: Sequence[str]) -> list[Any]:
    """The rows of ``frame`` as named tuples of ``columns``: much faster than
    ``DataFrame.itertuples``, which indexes every column of every row."""
    values = [frame[column].tolist() for column in columns]
    return list(map(_record_type(tuple(columns))._make, zip(*values, strict=True)))


@cache
def _record_type(columns: tuple[str, ...]) -> type:
    return namedtuple("Row", columns)

"""The rows a test sentence gives, shared by the attribution pattern and shape tests."""

from __future__ import annotations

import pandas as pd

from framing.sources import find_sources
from framing.text import segment


def sources(text: str) -> pd.DataFrame:
    return find_sources(segment(text), article_id="t", affiliation=False)


def speech(text: str) -> pd.DataFrame:
    """The rows that report speech (quotes, indirect speech, "according to")."""
    table = sources(text)
    return table[table["kind"].isin(["direct_quote", "indirect", "according_to"])]


def said_by(text: str, cue: str) -> pd.Series:
    """The one speech row of ``cue``; fails when there is none or more than one."""
    rows = speech(text)
    rows = rows[rows["cue"] == cue]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def speaker_span(text: str, row: pd.Series) -> str:
    """The text a row names its speaker by ("Ann Pruitt, who", "She")."""
    return text[row["speaker_start"] : row["speaker_end"]]

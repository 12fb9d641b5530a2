"""Attribution shapes measured on news text beyond the first pattern list: one hand-written
sentence (or two) for each rule."""

from __future__ import annotations

import pandas as pd

from framing.sources import find_sources
from framing.text import segment


def speech(text: str) -> pd.DataFrame:
    table = find_sources(segment(text), article_id="t", affiliation=False)
    return table[table["kind"].isin(["direct_quote", "indirect", "according_to"])]


def said_by(text: str, cue: str) -> pd.Series:
    rows = speech(text)
    rows = rows[rows["cue"] == cue]
    assert len(rows) == 1, rows
    return rows.iloc[0]


# -- quotation marks ----------------------------------------------------------------------


def test_doubled_apostrophes_quote_then_appositive_speaker():
    text = "''The levy is a mistake,'' Ruth Adler, an economist at the institute, said of the plan."
    row = said_by(text, "said")
    assert row["kind"] == "direct_quote"
    assert row["speaker"] == "Ruth Adler"
    assert row["quote"] == "The levy is a mistake,"


def test_doubled_apostrophes_quote_then_name_and_age():
    text = "''I have never been censored,'' Mr. Hollis, 71, told me. ''Not once.''"
    rows = speech(text)
    assert list(rows["speaker"]) == ["Hollis", "Hollis"]
    assert list(rows["quote"]) == ["I have never been censored,", "Not once."]

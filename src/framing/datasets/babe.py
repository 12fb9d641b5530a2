"""BABE: Bias Annotations By Experts (Spinde et al. 2021).

BABE labels news sentences as biased or not and marks the words that make them so. Its
``final_labels_SG2.csv`` (and ``SG1``) is semicolon-separated UTF-8 with a BOM, columns
``text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words``, where
``biased_words`` is a Python list literal such as ``['bizarre', 'characteristically']``.
The corpus is not distributed with framing; point :func:`read_babe` at your copy.

Spinde, T., Plank, M., Krieger, J.-D., Ruas, T., Gipp, B., & Aizawa, A. (2021). Neural
media bias detection using distant supervision with BABE - Bias Annotations By Experts.
Findings of EMNLP 2021, 1166-1177.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd

from framing.article import stable_id
from framing.errors import DatasetError

__all__ = ["read_babe"]

_COLUMNS = (
    "text",
    "news_link",
    "outlet",
    "topic",
    "type",
    "label_bias",
    "label_opinion",
    "biased_words",
)


def read_babe(path: str | Path) -> pd.DataFrame:
    """Read a BABE label file as a DataFrame ready for :func:`framing.analyze_corpus`.

    Parameters
    ----------
    path : path
        ``final_labels_SG2.csv`` or ``final_labels_SG1.csv``.

    Returns
    -------
    pandas.DataFrame
        One row per sentence: ``id`` (derived from link and text, stable), ``text``,
        ``url`` (BABE's ``news_link``), ``outlet``, ``topic``, ``type`` (the outlet's
        leaning: left, center, right, or empty), ``label_bias`` (Biased, Non-biased or
        No agreement), ``label_opinion``, and ``biased_words`` as a list of str. Passed to
        :func:`framing.analyze_corpus`, ``topic``, ``type`` and the labels become columns
        of ``articles``, so ``framing.compare(corpus, by="type")`` works.

    Raises
    ------
    DatasetError
        If the file is missing, a column is missing or a ``biased_words`` cell is not a
        list of strings.
    """
    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"{path} is not a file: pass BABE's final_labels_SG2.csv.")
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    missing = [c for c in _COLUMNS if c not in frame.columns]
    if missing:
        raise DatasetError(
            f"{path} lacks the BABE columns {', '.join(missing)} (it has: "
            f"{', '.join(frame.columns)}): pass final_labels_SG1.csv or final_labels_SG2.csv."
        )
    words = [_words(cell, path, row) for row, cell in enumerate(frame["biased_words"], start=1)]
    ids = [
        stable_id(link, text) for link, text in zip(frame["news_link"], frame["text"], strict=True)
    ]
    table = frame.rename(columns={"news_link": "url"}).assign(biased_words=words, id=ids)
    columns = ["id", "text", "url", "outlet", "topic", "type", "label_bias", "label_opinion"]
    return table[[*columns, "biased_words"]].astype({c: object for c in columns})


def _words(cell: str, path: Path, row: int) -> list[str]:
    """A ``biased_words`` cell as a list of str."""
    if not cell.strip():
        return []
    try:
        value = ast.literal_eval(cell)
    except (ValueError, SyntaxError):
        value = None
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise DatasetError(
            f"{path} data row {row}: biased_words {cell[:60]!r} is not a list of strings "
            "such as ['word', 'other']: fix that cell."
        )
    return value

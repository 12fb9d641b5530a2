"""Attribution annotations in BRAT standoff format, as in PolNeAR.

PolNeAR (Newell, Margolin & Ruths, "An Attribution Relations Corpus for Political News",
LREC 2018) annotates who said what in 2016 US election news. Each article has a text
file and an ``.ann`` file of BRAT standoff lines:

- ``T`` lines (text-bound annotations): ``T3<TAB>Content 115 290<TAB>that Hillary ...``;
  spans may be discontinuous, ``a b;c d``; the types used are ``Source``, ``Cue``,
  ``Content`` and the trigger ``Attribution`` (or ``Attribution-no-source``);
- ``E`` lines (events) tie them into one attribution:
  ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`` (a second content is ``Content2``).

The corpus is not distributed with framing; point the readers at your copy (or at your
own annotations in the same format).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from framing.article import Article
from framing.errors import DatasetError

__all__ = ["ATTRIBUTION_COLUMNS", "read_brat_attributions", "read_polnear"]

ATTRIBUTION_COLUMNS = {
    "attribution_id": "object",
    "has_source": "bool",
    "source_start": "int64",
    "source_end": "int64",
    "source_text": "object",
    "cue_start": "int64",
    "cue_end": "int64",
    "cue_text": "object",
    "content_start": "int64",
    "content_end": "int64",
    "content_text": "object",
    "source_spans": "object",
    "cue_spans": "object",
    "content_spans": "object",
}

Spans = list[tuple[int, int]]
_ANNOTATION = re.compile(r"[TE]\d+\t")


def read_brat_attributions(ann_path: str | Path, text_path: str | Path) -> pd.DataFrame:
    """One row per attribution of a BRAT ``.ann`` file.

    Parameters
    ----------
    ann_path : path
        The annotation file.
    text_path : path
        The text its offsets index into (read as UTF-8, newlines kept as they are).

    Returns
    -------
    pandas.DataFrame
        ``attribution_id``, ``has_source``, and for each of source, cue and content:
        ``<part>_start``, ``<part>_end`` (the outer extent; -1 when absent),
        ``<part>_text`` (the annotated pieces joined by a space) and ``<part>_spans`` (the
        list of ``(start, end)`` pieces: discontinuous content is kept piece by piece).

    Raises
    ------
    DatasetError
        When a line is malformed, an offset lies outside the text, or an event refers
        to an annotation that does not exist.
    """
    ann_path, text_path = Path(ann_path), Path(text_path)
    text = _read(text_path)
    spans, events = _parse_ann(ann_path, _read(ann_path), len(text))
    records = []
    for event_id, (line, trigger_type, arguments) in events.items():
        parts: dict[str, Spans] = {"source": [], "cue": [], "content": []}
        for role, target in arguments:
            if target not in spans:
                raise DatasetError(
                    f"{ann_path}, line {line}: event {event_id} refers to {target}, "
                    "which is not annotated in the file; fix or remove the event."
                )
            part = role.rstrip("0123456789").lower()
            if part in parts:
                parts[part].extend(spans[target][1])
        records.append(_record(event_id, trigger_type, parts, text))
    frame = pd.DataFrame.from_records(records, columns=list(ATTRIBUTION_COLUMNS))
    return frame.astype(ATTRIBUTION_COLUMNS)


def read_polnear(folder: str | Path, split: str = "dev") -> Iterator[tuple[Article, pd.DataFrame]]:
    """Iterate over the annotated articles of a PolNeAR split.

    Parameters
    ----------
    folder : path
        The corpus folder, holding ``<split>/attributions/*.ann``, ``<split>/text/*.txt``
        and optionally ``metadata.tsv``.
    split : str
        ``"dev"``, ``"train"`` or another sub-folder name.

    Yields
    ------
    (Article, pandas.DataFrame)
        One pair per annotation file (an article annotated twice comes twice). The
        article's ``id`` is the annotation file's stem, its text the text file exactly,
        so the attribution offsets index into ``article.text``; ``meta`` holds the
        annotator and the file paths.
    """
    root = Path(folder)
    annotations = root / split / "attributions"
    texts = root / split / "text"
    if not annotations.is_dir():
        raise DatasetError(
            f"{annotations} does not exist; pass the PolNeAR folder that holds "
            f"'{split}/attributions' and '{split}/text'."
        )
    metadata = _metadata(root / "metadata.tsv")
    for ann_path in sorted(annotations.glob("*.ann")):
        stem, _, annotator = ann_path.stem.rpartition("_")
        text_path = texts / f"{stem}.txt"
        if not stem or not text_path.exists():
            raise DatasetError(
                f"{ann_path}: no text file {text_path.name} in {texts}; the text's name is "
                "the annotation's name without its trailing _<annotator>."
            )
        attributions = read_brat_attributions(ann_path, text_path)
        info = metadata.get(stem, {})
        article = Article(
            text=_read(text_path),
            title=info.get("title"),
            outlet=info.get("publisher"),
            published=info.get("publication_date"),
            author=info.get("author"),
            id=ann_path.stem,
            meta={"annotator": annotator, "ann_path": str(ann_path), "source_path": str(text_path)},
        )
        yield article, attributions


# -- parsing --------------------------------------------------------------------------------


def _read(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        raise DatasetError(f"{path} was not found; check the path.") from None
    except UnicodeDecodeError as error:
        raise DatasetError(f"{path} is not UTF-8 text (byte {error.start}).") from None


def _parse_ann(
    path: Path, content: str, text_length: int
) -> tuple[dict[str, tuple[str, Spans]], dict[str, tuple[int, str, list[tuple[str, str]]]]]:
    spans: dict[str, tuple[str, Spans]] = {}
    events: dict[str, tuple[int, str, list[tuple[str, str]]]] = {}
    for number, line in enumerate(content.splitlines(), start=1):
        if not _ANNOTATION.match(line):
            continue  # relations, notes, and the rest of an annotated text that spans lines
        fields = line.split("\t")
        if line[0] == "T":
            spans[fields[0]] = _text_bound(path, number, fields, text_length)
        else:
            events[fields[0]] = _event(path, number, fields)
    return spans, events


def _text_bound(path: Path, number: int, fields: list[str], text_length: int) -> tuple[str, Spans]:
    try:
        kind, _, offsets = fields[1].partition(" ")
        pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
        if not kind or any(len(p) != 2 for p in pieces):
            raise ValueError
    except (IndexError, ValueError):
        raise DatasetError(
            f"{path}, line {number}: expected 'T<n><TAB><Type> <start> <end>[;<start> <end>]"
            "<TAB><text>'."
        ) from None
    for start, end in pieces:
        if not 0 <= start <= end <= text_length:
            raise DatasetError(
                f"{path}, line {number}: span {start}-{end} lies outside the text "
                f"({text_length} characters); is this the right text file?"
            )
    return kind, [(start, end) for start, end in pieces]


def _event(path: Path, number: int, fields: list[str]) -> tuple[int, str, list[tuple[str, str]]]:
    try:
        arguments = [tuple(a.split(":", 1)) for a in fields[1].split()]
        if not arguments or any(len(a) != 2 for a in arguments):
            raise ValueError
    except (IndexError, ValueError):
        raise DatasetError(
            f"{path}, line {number}: expected 'E<n><TAB><Type>:<T-id> <Role>:<T-id> ...'."
        ) from None
    trigger_type = arguments[0][0]
    return number, trigger_type, [(role, target) for role, target in arguments[1:]]


def _record(event_id: str, trigger_type: str, parts: dict[str, Spans], text: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "attribution_id": event_id,
        "has_source": bool(parts["source"]) and trigger_type != "Attribution-no-source",
    }
    for part, pieces in parts.items():
        pieces = sorted(pieces)
        record[f"{part}_start"] = pieces[0][0] if pieces else -1
        record[f"{part}_end"] = max(end for _, end in pieces) if pieces else -1
        record[f"{part}_text"] = " ".join(text[s:e] for s, e in pieces)
        record[f"{part}_spans"] = pieces
    return record


def _metadata(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}

"""Reader for BASIL (Fan et al. 2019): articles with phrase-level bias spans and the
annotators' article-level feeling of the author toward each main entity.

A BASIL folder holds ``articles/<id>.json`` (``body-paragraphs``: a list of paragraphs,
each a list of sentences, plus title, source, url and date) and
``annotations/<id>_ann.json`` (``phrase-level-annotations`` with offsets into one
sentence, whose index is the number in the annotation's ``id``, and
``article-level-annotations`` with ``author_feeling_<Entity_Name>``: neg, neu or pos).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from framing.article import Article
from framing.errors import DatasetError

__all__ = ["BasilArticle", "read_basil"]

_FEELING = "author_feeling_"
_PHRASE_COLUMNS = ["start", "end", "text", "target", "polarity", "aim", "bias", "quote", "speaker"]


class BasilArticle(NamedTuple):
    """One BASIL article: the Article, its main entities and the gold annotations."""

    article: Article
    author_feeling: dict[str, str]  # entity name (spaces) -> neg | neu | pos
    phrases: pd.DataFrame  # offsets into article.text


def read_basil(folder: str | Path) -> Iterator[BasilArticle]:
    """Iterate over the annotated articles of a BASIL folder, in file-name order.

    Sentences of a paragraph are joined by a space, paragraphs by a blank line, and the
    phrase offsets are moved into that text (``text[start:end]`` is the annotated phrase).
    """
    folder = Path(folder)
    articles = folder / "articles"
    if not articles.is_dir():
        raise DatasetError(f"{folder} has no articles/ folder: is it a BASIL folder?")
    for path in sorted(articles.glob("*.json")):
        annotation = folder / "annotations" / f"{path.stem}_ann.json"
        if annotation.is_file():
            yield _read_one(path, annotation)


def _read_one(article_path: Path, annotation_path: Path) -> BasilArticle:
    try:
        raw = json.loads(article_path.read_text("utf-8"))
        gold = json.loads(annotation_path.read_text("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise DatasetError(
            f"{article_path} or its annotation is not valid JSON: {error}."
        ) from None
    text, sentence_starts = _join(raw.get("body-paragraphs") or [])
    article = Article(
        text=text,
        title=(raw.get("title") or "").strip() or None,
        outlet=raw.get("source"),
        url=raw.get("url"),
        published=raw.get("date"),
        id=raw.get("uuid") or article_path.stem,
        meta={"source_path": str(article_path), "reader": "basil", "event": raw.get("main-event")},
    )
    feelings = {
        key[len(_FEELING) :].replace("_", " "): value
        for key, value in (gold.get("article-level-annotations") or {}).items()
        if key.startswith(_FEELING) and key != f"{_FEELING}main_event" and value
    }
    return BasilArticle(article, feelings, _phrases(gold, text, sentence_starts))


def _join(paragraphs: list[list[str]]) -> tuple[str, list[int]]:
    """The article text and the offset at which each sentence starts in it."""
    parts: list[str] = []
    starts: list[int] = []
    position = 0
    for p_index, paragraph in enumerate(paragraphs):
        if p_index:
            parts.append("\n\n")
            position += 2
        for s_index, sentence in enumerate(paragraph):
            if s_index:
                parts.append(" ")
                position += 1
            starts.append(position)
            parts.append(sentence)
            position += len(sentence)
    return "".join(parts), starts


def _phrases(gold: dict, text: str, sentence_starts: list[int]) -> pd.DataFrame:
    rows = []
    for phrase in gold.get("phrase-level-annotations") or []:
        number = str(phrase.get("id", ""))[1:]
        # Phrases in the headline have the id "title"; the body text does not hold them.
        if not number.isdigit() or int(number) >= len(sentence_starts):
            continue
        sentence = int(number)
        start = sentence_starts[sentence] + int(phrase["start"])
        end = sentence_starts[sentence] + int(phrase["end"])
        rows.append(
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "target": str(phrase.get("target", "")).replace("_", " "),
                "polarity": phrase.get("polarity", ""),
                "aim": phrase.get("aim", ""),
                "bias": phrase.get("bias", ""),
                "quote": phrase.get("quote") == "yes",
                "speaker": phrase.get("speaker", ""),
            }
        )
    return pd.DataFrame(rows, columns=_PHRASE_COLUMNS)

"""One batch of a corpus run: analyse its articles, build its tables, write or return them.

This is the unit of work both engines hand out (to a local process or a Dask worker), so
it takes and returns only picklable values.
"""

from __future__ import annotations

import gc
import json
import logging
import multiprocessing
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from numbers import Integral, Real
from typing import Any

import pandas as pd

from framing.analysis import Analysis, analyze
from framing.article import Article, stable_id
from framing.corpus.budget import ArticleTimeout, time_budget
from framing.corpus.store import ANALYSIS_TABLES, Store, conform
from framing.errors import ReadError
from framing.lexicon import Lexicon
from framing.schema import ARTICLES, ERRORS, STORE_INDEX

__all__ = [
    "Batch",
    "Config",
    "content_sha",
    "default_dtypes",
    "error_record",
    "probe_dtypes",
    "run_batch",
]

logger = logging.getLogger("framing")

# Article.meta keys about how the article was read, not about the article; "source_path"
# and "row"/"index" become the ``file`` and ``row`` columns.
_READER_KEYS = frozenset(
    {
        "source_path",
        "row",
        "index",
        "reader",
        "encoding",
        "extractor",
        "removed_lines",
        "removed_rules",
        "warnings",
    }
)


def content_sha(article: Article) -> str:
    """A hash of everything of an article that its rows depend on: text, metadata, extras.

    A resumed run re-analyses an article whose hash changed, even under the same id.
    """
    extras = {
        key: str(value)
        for key, value in article.meta.items()
        if key not in _READER_KEYS and isinstance(value, (str, int, float, bool))
    }
    return stable_id(
        article.text,
        article.title,
        article.outlet,
        article.url,
        article.published,
        article.author,
        json.dumps(extras, sort_keys=True),
    )


@dataclass(frozen=True)
class Config:
    """What every batch of one run is analysed with.

    ``dtypes`` maps each table name to its ``{column: dtype}``.
    """

    lexicon: Lexicon
    targets: Any
    dtypes: Mapping[str, Mapping[str, str]]
    timeout: float | None = None


@dataclass(frozen=True)
class Batch:
    """Articles to analyse, each with its position in the input, and the errors met reading.

    ``done`` holds the ``_index`` rows of the articles of this stretch of the input that
    are already in the output folder (``article_id, position, sha, home``). ``n_items``
    counts every input item this batch accounts for (articles analysed here, articles
    skipped as already done or duplicate, unreadable rows), for the progress bar.
    """

    key: str
    entries: Sequence[tuple[int, Article]] = ()
    errors: Sequence[Mapping[str, Any]] = ()
    n_items: int = 0
    done: Sequence[Mapping[str, Any]] = ()

    @property
    def empty(self) -> bool:
        """Nothing to analyse, record or index."""
        return not (self.entries or self.errors or self.done)


@dataclass(frozen=True)
class BatchResult:
    """What a finished batch reports: counts, and its tables when nothing was written."""

    key: str
    n_items: int
    n_analysed: int
    n_failed: int
    tables: Mapping[str, pd.DataFrame] | None = field(default=None, repr=False)


#: Texts analysed to learn the columns and dtypes of every table: a bare one, and one with
#: a quote, a speaker and an attribution, so that figures undefined for the first (a share
#: of quotes, the top speaker) get their type from the second.
_PROBES = ("Probe.", '"The plan failed," Anna Berg said on Monday, according to the ministry.')


def probe_dtypes(lexicon: Lexicon, targets: Any) -> dict[str, dict[str, str]]:
    """The columns and dtypes of every table, from the analysis of two short texts.

    Probing rather than listing keeps the corpus tables in step with whatever columns
    :func:`framing.analyze` and ``Analysis.summary()`` produce.
    """
    results = [
        analyze(Article(text=text, id="probe"), targets=targets, lexicon=lexicon)
        for text in _PROBES
    ]
    dtypes = {
        name: {column: str(dtype) for column, dtype in getattr(results[0], name).dtypes.items()}
        for name in ANALYSIS_TABLES
    }
    figures = [res.summary() for res in results]
    dtypes["articles"] = {
        **ARTICLES,
        **{name: _figure_dtype([f.get(name) for f in figures]) for name in figures[0].index},
    }
    dtypes["errors"] = dict(ERRORS)
    return dtypes


@cache
def default_dtypes() -> dict[str, dict[str, str]]:
    """The tables' dtypes with the packaged lexicon and gazetteer: those of a corpus
    analysis built by hand."""
    return probe_dtypes(Lexicon.load(), None)


def _figure_dtype(values: list[Any]) -> str:
    """The dtype of a summary figure, from its first defined value in the probes."""
    value = next((v for v in values if v is not None), None)
    if value is None or isinstance(value, str):
        return "object"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, Integral):
        return "int64"
    if isinstance(value, Real):
        return "float64"
    return "object"


def error_record(
    exc: BaseException,
    *,
    position: int,
    stage: str,
    article_id: str | None = None,
    meta: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """One row of the ``errors`` table; ``meta`` is the article's, for its file and row."""
    if isinstance(exc, ReadError):
        file, row = exc.path, exc.row
    else:
        meta = meta or {}
        file, row = meta.get("source_path"), _row_label(meta)
    return {
        "article_id": article_id,
        "position": position,
        "file": file,
        "row": None if row is None else str(row),
        "stage": stage,
        "error": type(exc).__name__,
        "message": str(exc),
    }


def run_batch(
    batch: Batch,
    config: Config,
    out: str | None = None,
    on_article: Callable[[], object] | None = None,
) -> BatchResult:
    """Analyse a batch; write its tables into the dataset ``out``, or return them.

    An article whose analysis raises is recorded in the ``errors`` table (stage
    ``analyze``), one that takes longer than ``config.timeout`` seconds with stage
    ``timeout``, and the batch goes on.
    """
    _settle_worker_heap(config)
    rows: list[dict[str, Any]] = []
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in ANALYSIS_TABLES}
    errors = list(batch.errors)
    index = list(batch.done)
    for position, article in batch.entries:
        home = None
        try:
            with time_budget(config.timeout):
                res = analyze(article, targets=config.targets, lexicon=config.lexicon)
                row = _article_row(res, position)
        except ArticleTimeout:
            logger.warning("article %s took longer than %s s; skipped", article.id, config.timeout)
            errors.append(_timeout_record(article, position, config.timeout))
        except Exception as exc:  # recorded; one bad article must not stop the corpus
            logger.warning("could not analyse article %s: %s", article.id, exc)
            logger.debug("analysis of %s failed", article.id, exc_info=True)
            errors.append(
                error_record(
                    exc,
                    position=position,
                    stage="analyze",
                    article_id=article.id,
                    meta=article.meta,
                )
            )
        else:
            home = batch.key
            rows.append(row)
            for name in ANALYSIS_TABLES:
                parts[name].append(getattr(res, name))
        index.append(
            {"article_id": article.id, "position": position, "sha": content_sha(article),
             "home": home}
        )  # fmt: skip
        if on_article is not None:
            on_article()
    tables = {name: _concat(parts[name], config.dtypes[name]) for name in ANALYSIS_TABLES}
    tables["articles"] = conform(pd.DataFrame.from_records(rows), config.dtypes["articles"])
    tables["errors"] = conform(pd.DataFrame.from_records(errors), config.dtypes["errors"])
    n_failed = len(batch.entries) - len(rows)
    if out is not None:
        frame = conform(pd.DataFrame.from_records(index), STORE_INDEX)
        Store(out).write_batch(batch.key, tables, frame.sort_values("position", kind="stable"))
    return BatchResult(
        batch.key, batch.n_items, len(rows), n_failed, tables if out is None else None
    )


_SETTLED: set[int] = set()  # the processes whose heap is settled
#: Allocations between two young-generation collections in a worker (Python's default is
#: 700): an analysis allocates millions of short-lived objects, few of them in cycles.
_WORKER_GC_THRESHOLD = 10_000


def _settle_worker_heap(config: Config) -> None:
    """Once per worker process: load what every analysis shares (lexicons, gazetteer,
    stance model, VADER) and freeze it, so that the garbage collector stops walking it
    again and again, and collect the young generation less often.

    Measured on the PTC articles, collections took 18% of the analysis time before and
    about 1% after. Only in worker processes: freezing a user's own session would keep
    its cyclic garbage of the moment alive.
    """
    if multiprocessing.parent_process() is None or os.getpid() in _SETTLED:
        return
    _SETTLED.add(os.getpid())
    analyze(_PROBES[1], targets=config.targets, lexicon=config.lexicon).summary()
    gc.collect()
    gc.freeze()
    gc.set_threshold(_WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])


def _timeout_record(article: Article, position: int, seconds: float | None) -> dict[str, Any]:
    exc = ArticleTimeout(
        f"the analysis of this article took longer than its time budget of {seconds:g} s "
        "and was stopped: split the article, or pass a larger timeout= (None for no limit)."
    )
    return error_record(
        exc, position=position, stage="timeout", article_id=article.id, meta=article.meta
    )


def _concat(frames: list[pd.DataFrame], dtypes: Mapping[str, str]) -> pd.DataFrame:
    frames = [f for f in frames if not f.empty]
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return conform(frame, dtypes)


def _article_row(res: Analysis, position: int) -> dict[str, Any]:
    """The article's metadata, its place in the input and its summary figures."""
    article = res.article
    row: dict[str, Any] = {
        "article_id": article.id,
        "position": position,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "author": article.author,
        "file": article.meta.get("source_path"),
        "row": _row_label(article.meta),
    }
    row.update(res.summary().items())
    for key, value in article.meta.items():
        if key in _READER_KEYS or not isinstance(value, (str, int, float, bool)):
            continue
        row[key if key not in row else f"meta_{key}"] = str(value)
    return row


def _row_label(meta: Mapping[str, Any]) -> str | None:
    label = meta.get("row", meta.get("index"))
    return None if label is None else str(label)

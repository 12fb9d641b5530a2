"""Corpora at scale: :func:`analyze_corpus` and its result, :class:`CorpusAnalysis`.

Articles are analysed in batches, in this process, in a pool of processes, or on a Dask
cluster, with a progress bar. An article that fails is recorded in ``errors`` and the run
goes on. With ``out=DIR`` the tables stream into a Parquet dataset as batches finish, so
memory stays flat however large the corpus, and a rerun resumes where the last one
stopped (see :mod:`framing.corpus.store` for the layout).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

import framing
from framing.analysis import LexiconLike, resolve_lexicon
from framing.corpus.batch import BatchResult, Config, default_dtypes, probe_dtypes
from framing.corpus.local_engine import resolve_n_jobs, run_local
from framing.corpus.plan import Ledger, stream_batches
from framing.corpus.progress import count_items, progress_bar
from framing.corpus.source import describe_source
from framing.corpus.store import FORMAT, FORMAT_VERSION, TABLES, Store, conform
from framing.io import expand_paths, read_articles

if TYPE_CHECKING:
    import pyarrow.dataset

__all__ = ["CorpusAnalysis", "analyze_corpus"]

logger = logging.getLogger("framing")

#: Seconds one article's analysis may take in a corpus run by default.
DEFAULT_TIMEOUT = 600.0


class CorpusAnalysis:
    """What :func:`analyze_corpus` found in a corpus: one tidy table per kind of evidence.

    Every table is keyed by ``article_id``; rows follow the articles' order in the input
    (``articles.position``). Tables read from a folder are loaded on first use.

    Parameters
    ----------
    articles, loaded_terms, sources, stance, stance_evidence, errors : pandas.DataFrame, optional
        The tables, e.g. to compare corpora assembled by hand; missing ones are empty,
        with the columns an analysis with the packaged lexicon gives.
    meta : dict, optional
        The run's description (framing version, lexicon, parameters, column dtypes).

    Attributes
    ----------
    articles : pandas.DataFrame
        One row per analysed article: ``article_id, position`` (its place in the input,
        counting unreadable rows too), ``title, outlet, url, published, author``, ``file``
        and ``row`` (where it was read from), the figures of ``Analysis.summary()``
        (``n_words``, ``loaded_per_1k``, ...), then any other metadata columns of a table
        input (e.g. ``event``), as text.
    loaded_terms, sources, stance, stance_evidence : pandas.DataFrame
        The tables of :class:`framing.Analysis`, all articles together.
    errors : pandas.DataFrame
        One row per input item that was not analysed: ``article_id`` (when known),
        ``position``, ``file``, ``row`` (the line of a JSON Lines file), ``stage``
        (``read``: the file or row could not be read; ``duplicate``: an earlier article has
        the same id; ``analyze``: the analysis raised; ``timeout``: it took longer than
        ``timeout=``), ``error`` (the exception's type) and ``message``.
    meta : dict
    path : pathlib.Path or None
        The folder the tables are read from, if any.
    """

    def __init__(
        self,
        articles: pd.DataFrame | None = None,
        loaded_terms: pd.DataFrame | None = None,
        sources: pd.DataFrame | None = None,
        stance: pd.DataFrame | None = None,
        stance_evidence: pd.DataFrame | None = None,
        errors: pd.DataFrame | None = None,
        *,
        meta: Mapping[str, Any] | None = None,
    ) -> None:
        self.meta = dict(meta or {})
        self.path: Path | None = None
        self._store: Store | None = None
        given = {
            "articles": articles,
            "loaded_terms": loaded_terms,
            "sources": sources,
            "stance": stance,
            "stance_evidence": stance_evidence,
            "errors": errors,
        }
        self._tables: dict[str, pd.DataFrame] = {
            name: table for name, table in given.items() if table is not None
        }

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> CorpusAnalysis:
        """Open the corpus analysis in folder ``path`` (written with ``out=``), lazily.

        Only the run description is read now; each table is read, in full, the first time
        it is used. For tables larger than memory use :meth:`dataset`.

        Raises
        ------
        framing.StoreError
            If ``path`` holds no corpus analysis.
        """
        store = Store(path)
        corpus = cls(meta=store.read_meta())
        corpus.path = Path(path)
        corpus._store = store
        return corpus

    @classmethod
    def _from_results(
        cls, results: Sequence[BatchResult], meta: Mapping[str, Any]
    ) -> CorpusAnalysis:
        corpus = cls(meta=meta)
        dtypes = corpus._dtypes()
        tables = {}
        for name in TABLES:
            frames = [r.tables[name] for r in results if r.tables and not r.tables[name].empty]
            table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
            tables[name] = conform(table, dtypes[name])
        positions = _positions(tables["articles"])
        corpus._tables = {name: _in_input_order(name, tables[name], positions) for name in TABLES}
        return corpus

    def _dtypes(self) -> Mapping[str, Mapping[str, str]]:
        tables = self.meta.get("tables")
        if not tables:
            return default_dtypes()
        return {name: dict(pairs) for name, pairs in tables.items()}

    def _table(self, name: str) -> pd.DataFrame:
        if name not in self._tables:
            dtypes = self._dtypes()
            if self._store is None:
                self._tables[name] = conform(pd.DataFrame(), dtypes[name])
            else:
                table = self._store.read_table(name, dtypes[name])
                positions = _positions(table if name == "articles" else self.articles)
                self._tables[name] = _in_input_order(name, table, positions)
        return self._tables[name]

    @property
    def articles(self) -> pd.DataFrame:
        return self._table("articles")

    @property
    def loaded_terms(self) -> pd.DataFrame:
        return self._table("loaded_terms")

    @property
    def sources(self) -> pd.DataFrame:
        return self._table("sources")

    @property
    def stance(self) -> pd.DataFrame:
        return self._table("stance")

    @property
    def stance_evidence(self) -> pd.DataFrame:
        return self._table("stance_evidence")

    @property
    def errors(self) -> pd.DataFrame:
        return self._table("errors")

    def dataset(self, name: str) -> pyarrow.dataset.Dataset:
        """Table ``name`` of a folder as a lazy :class:`pyarrow.dataset.Dataset`.

        Filter and aggregate it without loading it (``.to_table(filter=...)``, or
        ``duckdb``/``polars`` on top). Rows are in batch order, not sorted; only the rows
        of the result are in it (not those of articles re-analysed since, or no longer in
        the corpus), and a column ``_batch`` names the batch each row comes from.

        Raises
        ------
        ValueError
            If this corpus analysis is in memory only.
        """
        if name not in TABLES:
            raise ValueError(f"{name!r} is not a corpus table; choose one of {', '.join(TABLES)}.")
        if self._store is None:
            raise ValueError(
                "this corpus analysis is in memory only: use its DataFrames, or run "
                "framing.analyze_corpus(..., out=DIR) to get a Parquet dataset."
            )
        return self._store.dataset(name)

    def _repr_html_(self) -> str:
        from framing.display import corpus_html

        return corpus_html(self)

    def __repr__(self) -> str:
        where = f"read from {self.path}" if self.path else "in memory"
        return (
            f"<CorpusAnalysis ({where}): {len(self.articles)} articles, {len(self.errors)} errors>"
        )


def analyze_corpus(
    source: Any,
    *,
    n_jobs: int | None = None,
    progress: bool = True,
    out: str | os.PathLike[str] | None = None,
    engine: Literal["local", "dask"] = "local",
    client: Any = None,
    columns: Mapping[str, str] | None = None,
    lexicon: LexiconLike = None,
    targets: Any = None,
    encoding: str | None = None,
    chunksize: int = 1000,
    batch_size: int = 64,
    timeout: float | None = DEFAULT_TIMEOUT,
    append: bool = False,
) -> CorpusAnalysis:
    """Analyse every article of a corpus, in parallel, with a progress bar.

    Parameters
    ----------
    source : list of Article, DataFrame, path, glob pattern or list of paths
        Anything :func:`framing.read_articles` reads: Articles, a DataFrame (with
        ``columns=`` mapping its column names), a folder, a glob, or ``.jsonl``/``.csv``/
        ``.parquet`` tables (read ``chunksize`` rows at a time).
    n_jobs : int, optional
        Worker processes. ``None``: one per CPU, but a corpus of a single batch is analysed
        in this process; ``1``: in this process (easiest to debug); ``-1``: all CPUs,
        ``-2`` all but one. With ``engine="dask"``, the workers of the LocalCluster.
    progress : bool, default True
        Show a progress bar (``tqdm.auto``: a widget in Jupyter, text in a terminal).
    out : path, optional
        A folder to stream the tables into as a Parquet dataset (created if missing).
        Memory then stays flat, and the result reads the folder lazily. If the folder
        already holds an analysis of the same source made with the same lexicon, targets
        and columns, the run resumes: articles already there with the same content at the
        same place are skipped, changed ones are analysed again and replace their old
        rows, articles no longer in the source leave the result, and errors are recorded
        anew. Every file is written atomically; an interrupted run leaves no partial file
        and the next run goes on from it. One run at a time may write a folder (a second
        gets a :class:`~framing.StoreError` naming the first). With a Dask cluster, the
        folder must be on a file system all workers share.
    engine : {"local", "dask"}, default "local"
        ``"dask"`` runs the same analysis with ``dask.distributed`` (install
        ``dask[distributed,dataframe]``); table files are then read by ``dask.dataframe``
        on the workers. The tables are the same as the local engine's.
    client : dask.distributed.Client or str, optional
        For ``engine="dask"``: a client, or a scheduler address (``"tcp://host:8786"``).
        By default a ``LocalCluster`` with ``n_jobs`` worker processes is started and
        closed afterwards.
    columns : mapping, optional
        Rename table columns, e.g. ``{"body": "text", "source": "outlet"}``.
    lexicon, targets
        As in :func:`framing.analyze`, for every article.
    encoding : str, optional
        Force the encoding of every file.
    chunksize : int, default 1000
        Rows read at a time from a table file by the local engine.
    batch_size : int, default 64
        Articles per unit of work (and per Parquet part file).
    timeout : float or None, default 600
        Seconds one article's analysis may take; an article that takes longer is stopped
        and recorded in ``errors`` with stage ``timeout``, and the run goes on. ``None``
        for no limit. (See :mod:`framing.corpus.budget` for how it is enforced.)
    append : bool, default False
        Let ``out`` hold the analyses of several sources: by default a folder that holds
        the analysis of another source (other paths, a DataFrame with other columns) is
        refused, so that two corpora are never merged by mistake.

    Returns
    -------
    CorpusAnalysis
        Read from ``out`` when given (lazily), else in memory.

    Notes
    -----
    Article ids must be unique. A missing id is derived from the content (url, title,
    text and outlet), so an article that appears twice gets the same id twice. The first
    article with an id is analysed; any later one is recorded in ``errors`` with stage
    ``duplicate`` and skipped.

    A row of a table file that cannot be read (malformed JSON, a JSON line that is not an
    object, a CSV row with too many cells or an unclosed quote, no text) is one ``read``
    error naming the file and line or row, and the rows around it are analysed.

    Worker processes end when the process that started them ends, however it ends.
    In a script, call ``analyze_corpus`` under ``if __name__ == "__main__":``, as worker
    processes import the script again.

    Examples
    --------
    >>> corpus = analyze_corpus("data/demo/articles.jsonl")  # doctest: +SKIP
    >>> corpus.articles.groupby("outlet")["loaded_per_1k"].mean()  # doctest: +SKIP
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}.")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, not {batch_size!r}.")
    if timeout is not None and not (isinstance(timeout, (int, float)) and timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds or None, not {timeout!r}.")
    n_jobs = resolve_n_jobs(n_jobs)
    described = describe_source(source)
    read_options = {"columns": columns, "encoding": encoding, "chunksize": chunksize}
    if isinstance(source, (str, os.PathLike)):
        source = expand_paths(source)  # once, for every engine; raises if it names nothing
    else:
        read_articles(source, **read_options)  # raises now if a DataFrame has no text column
    resolved = resolve_lexicon(lexicon)
    dtypes = probe_dtypes(resolved, targets)
    config = Config(lexicon=resolved, targets=targets, dtypes=dtypes, timeout=timeout)
    meta = _describe(resolved, targets, columns, dtypes)
    ledger, run, store = Ledger(), 1, None
    if out is not None:
        store = Store(Path(out).expanduser().resolve())
        run = store.open(meta, described, append=append)
        ledger.done = store.done()
    try:
        results = _run(source, engine, client, n_jobs, config, store, read_options, ledger, run,
                       batch_size, progress)  # fmt: skip
        if store is not None:
            store.complete(run)
    finally:
        if store is not None:
            store.close()
    n_analysed = sum(r.n_analysed for r in results)
    n_failed = sum(r.n_failed for r in results)
    logger.info(
        "analysed %d articles (%d failed, %d already in the output folder)",
        n_analysed,
        n_failed,
        ledger.n_done,
    )
    if ledger.position == 0:
        logger.warning("the corpus has no articles")
    if out is not None:
        return CorpusAnalysis.read(out)
    return CorpusAnalysis._from_results(results, meta)


def _run(
    source: Any,
    engine: str,
    client: Any,
    n_jobs: int | None,
    config: Config,
    store: Store | None,
    read_options: Mapping[str, Any],
    ledger: Ledger,
    run: int,
    batch_size: int,
    progress: bool,
) -> list[BatchResult]:
    destination = None if store is None else str(store.path)
    with progress_bar(progress, count_items(source, read_options.get("encoding"))) as bar:
        if engine == "local":
            batches = stream_batches(source, read_options, ledger, run=run, batch_size=batch_size)
            return run_local(batches, config, destination, n_jobs, bar)
        from framing.corpus.dask_engine import run_dask

        return run_dask(
            source,
            client=client,
            n_jobs=n_jobs,
            config=config,
            out=destination,
            read_options=read_options,
            ledger=ledger,
            run=run,
            batch_size=batch_size,
            bar=bar,
        )


def _describe(
    lexicon: Any, targets: Any, columns: Mapping[str, str] | None, dtypes: Mapping[str, Any]
) -> dict[str, Any]:
    """The run description: enough to check a resume and to reproduce the run."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "framing_version": framing.__version__,
        "lexicon": lexicon.describe(),
        "categories": dict(lexicon.categories),
        "parameters": {"targets": targets, "columns": dict(columns or {})},
        # [column, dtype] pairs: JSON objects would not keep the column order.
        "tables": {name: [[c, t] for c, t in table.items()] for name, table in dtypes.items()},
    }


def _positions(articles: pd.DataFrame) -> pd.Series:
    return pd.Series(articles["position"].to_numpy(), index=articles["article_id"].to_numpy())


def _in_input_order(name: str, table: pd.DataFrame, positions: pd.Series) -> pd.DataFrame:
    """Rows sorted by their article's place in the input, stably (rows of one article keep
    their order)."""
    if name in ("articles", "errors"):
        key = table["position"]
    else:
        key = table["article_id"].map(positions)
    order = key.reset_index(drop=True).sort_values(kind="stable").index
    return table.iloc[order].reset_index(drop=True)

"""The Dask engine: the same batches, run by ``dask.distributed`` workers.

Table files (``.jsonl``, ``.parquet``, ``.csv``) are read by ``dask.dataframe`` on the
workers, one task per partition. A first pass returns each partition's article ids, so
that the client numbers the items and settles duplicates and resumes exactly as the local
engine does; the second pass reads the partitions again and analyses them (with ``out=``,
each worker writes its own Parquet parts). Other inputs (Articles, a DataFrame, text and
HTML files) are read here and sent to the workers in batches.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.article import Article
from framing.corpus.batch import Batch, BatchResult, Config, error_record, run_batch
from framing.corpus.local_engine import available_cpus
from framing.corpus.plan import Ledger, batch_key, describe, stream_batches
from framing.errors import ReadError
from framing.io import TABLE_SUFFIXES, check_columns, expand_paths, table_error, table_rows

__all__ = ["run_dask"]

logger = logging.getLogger("framing")

#: Bytes per partition of a JSON Lines file. CSV files are read whole: a quoted field may
#: span lines, so they cannot be cut at any line end.
JSONL_BLOCKSIZE = 16_000_000
_QUEUED_PER_WORKER = 2


@dataclass(frozen=True)
class _Partition:
    """What a worker needs, besides the rows, to turn a partition into a batch.

    ``skip`` holds the row indices (within the partition) of articles already done or
    duplicated; ``errors`` the duplicates' error rows, settled by the client.
    """

    key: str
    name: str
    reader: str
    columns: Mapping[str, str]
    first_row: int
    first_position: int
    skip: frozenset[int]
    errors: Sequence[Mapping[str, Any]]


def run_dask(
    source: Any,
    *,
    client: Any,
    n_jobs: int | None,
    config: Config,
    out: str | None,
    read_options: Mapping[str, Any],
    ledger: Ledger,
    run: int,
    batch_size: int,
    bar: Any,
) -> list[BatchResult]:
    """Analyse ``source`` on a Dask cluster; see :func:`framing.analyze_corpus`."""
    with _connect(client, n_jobs) as connected:
        shared = connected.scatter(config, broadcast=True, hash=False)
        files = _table_files(source)
        if files is None:
            batches = stream_batches(source, read_options, ledger, run=run, batch_size=batch_size)
            return _run_batches(connected, batches, shared, out, bar)
        results = _run_tables(connected, files, shared, out, read_options, ledger, run, bar)
    # Errors settled here (unreadable files) are written by this process.
    errors = [r for r in results if isinstance(r, Batch)]
    done = [r for r in results if isinstance(r, BatchResult)]
    done += [run_batch(batch, config, out) for batch in errors]
    bar.update(sum(batch.n_items for batch in errors))
    return sorted(done, key=lambda result: result.key)


@contextmanager
def _connect(client: Any, n_jobs: int | None) -> Iterator[Any]:
    """The ``Client`` to use: the one given, one for a scheduler address, or a LocalCluster's.

    Whatever is started here is closed on exit; a client passed in is left open.
    """
    from distributed import Client, LocalCluster

    if isinstance(client, Client):
        yield client
        return
    if isinstance(client, str):
        with Client(client) as connected:
            yield connected
        return
    if client is not None:
        raise TypeError(
            "client must be a dask.distributed.Client, a scheduler address such as "
            f"'tcp://10.0.0.5:8786', or None, not {type(client).__name__}."
        )
    workers = n_jobs or available_cpus()
    logger.info("starting a Dask LocalCluster with %d worker processes", workers)
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def _table_files(source: Any) -> list[str] | None:
    """The files ``source`` names if they are all tables, else None (read them here)."""
    if isinstance(source, (str, os.PathLike)):
        sources = [source]
    elif isinstance(source, (list, tuple)) and all(
        isinstance(s, (str, os.PathLike)) for s in source
    ):
        sources = list(source)
    else:
        return None
    files = [name for s in sources for name in expand_paths(s)]
    if files and all(Path(f).suffix.lower() in TABLE_SUFFIXES for f in files):
        return files
    return None


def _run_batches(
    client: Any, batches: Iterable[Batch], config: Any, out: str | None, bar: Any
) -> list[BatchResult]:
    """Send batches read here to the workers, a few per worker at a time."""
    from distributed import as_completed

    limit = _QUEUED_PER_WORKER * max(1, len(client.scheduler_info()["workers"]))
    running = as_completed()
    pending: set[Any] = set()
    results: list[BatchResult] = []

    def collect(future: Any) -> None:
        pending.discard(future)
        result = future.result()
        results.append(result)
        bar.update(result.n_items)

    try:
        for batch in batches:
            if not batch.entries and not batch.errors:
                bar.update(batch.n_items)
                continue
            while len(pending) >= limit:
                collect(next(running))
            future = client.submit(run_batch, batch, config, out, pure=False)
            pending.add(future)
            running.add(future)
        for future in running:
            collect(future)
    except BaseException:
        client.cancel(list(pending))
        raise
    return sorted(results, key=lambda result: result.key)


def _run_tables(
    client: Any,
    files: list[str],
    config: Any,
    out: str | None,
    read_options: Mapping[str, Any],
    ledger: Ledger,
    run: int,
    bar: Any,
) -> list[BatchResult | Batch]:
    """Analyse table files partition by partition, read by ``dask.dataframe`` on the workers.

    Returns the partitions' results, and a batch of the errors settled here (files that
    could not be read) for the caller to write.
    """
    import dask
    from distributed import as_completed

    columns = dict(read_options.get("columns") or {})
    plans = [_FilePlan.make(name, read_options.get("encoding")) for name in files]
    # First pass, every file at once: the article ids of each partition.
    id_futures = [
        client.compute([dask.delayed(_partition_ids)(p, plan.name, columns) for p in plan.parts])
        for plan in plans
    ]
    tasks, errors = [], []
    for index, (plan, futures) in enumerate(zip(plans, id_futures, strict=True)):
        parts, error = plan.settle(futures)
        first_row = 1
        for number, (part, ids) in enumerate(parts):
            key = batch_key(run, index, number)
            spec = _plan_partition(plan, key, ids, first_row, columns, ledger)
            tasks.append(dask.delayed(_analyse_partition)(part, spec, config, out))
            first_row += len(ids)
        if error is not None:
            errors.append(error_record(error, position=ledger.take(), stage="read"))
    bar.total = ledger.position
    bar.refresh()
    # Second pass: analyse.
    futures = client.compute(tasks)
    results: list[BatchResult | Batch] = []
    try:
        for future in as_completed(futures):
            result = future.result()
            results.append(result)
            bar.update(result.n_items)
    except BaseException:
        client.cancel(futures)
        raise
    if errors:
        results.append(Batch(key=batch_key(run, len(plans)), errors=errors, n_items=len(errors)))
    return results


def _plan_partition(
    plan: _FilePlan,
    key: str,
    ids: Sequence[str | None],
    first_row: int,
    columns: Mapping[str, str],
    ledger: Ledger,
) -> _Partition:
    """Number a partition's rows and decide which articles to analyse, as the local engine."""
    first_position = ledger.position
    skip, errors = set(), []
    for index, article_id in enumerate(ids):
        position = ledger.take()
        if article_id is None:  # no text: the worker records the row's read error
            continue
        meta = {"source_path": plan.name, "row": first_row + index}
        where = describe(meta, position)
        decision = ledger.decide(article_id, where)
        if decision != "analyse":
            skip.add(index)
        if decision == "duplicate":
            errors.append(ledger.duplicate_error(article_id, where, position, meta))
    return _Partition(
        key=key,
        name=plan.name,
        reader=plan.reader,
        columns=columns,
        first_row=first_row,
        first_position=first_position,
        skip=frozenset(skip),
        errors=tuple(errors),
    )


@dataclass(frozen=True)
class _FilePlan:
    """A table file, its partitions (Dask delayed objects), or why it cannot be read."""

    name: str
    path: Path
    reader: str
    parts: Sequence[Any]
    error: ReadError | None

    @classmethod
    def make(cls, name: str, encoding: str | None) -> _FilePlan:
        path = Path(name).expanduser()
        suffix = path.suffix.lower()
        parts: list[Any] = []
        error = None
        if path.stat().st_size == 0:
            error = ReadError(f"{name} is empty: there are no articles to read.", path=name)
        else:
            try:
                parts = _partitions(path, suffix, encoding)
            except Exception as exc:  # dask reads a sample of the file to build its graph
                error = _read_failure(exc, path, name)
        return cls(name, path, suffix.lstrip("."), parts, error)

    def settle(self, futures: Sequence[Any]) -> tuple[list[tuple[Any, list]], ReadError | None]:
        """The partitions read in the first pass, up to the first that failed, and its error.

        As with the local engine reading in chunks, the rows before an unreadable part of
        a file are analysed and the rest of the file is recorded as one error.
        """
        read = []
        for part, future in zip(self.parts, futures, strict=True):
            try:
                read.append((part, future.result()))
            except Exception as exc:
                return read, _read_failure(exc, self.path, self.name)
        return read, self.error


def _partitions(path: Path, suffix: str, encoding: str | None) -> list[Any]:
    """The partitions of a table file as ``dask.delayed`` pandas DataFrames."""
    import dask.dataframe as dd

    if suffix == ".parquet":
        frame = dd.read_parquet(str(path))
    elif suffix == ".csv":
        # As framing.read_articles: every cell a string, empty cells "".
        frame = dd.read_csv(
            str(path),
            blocksize=None,
            dtype=str,
            keep_default_na=False,
            encoding=encoding or "utf-8-sig",
        )
    else:
        frame = dd.read_json(
            str(path),
            lines=True,
            blocksize=JSONL_BLOCKSIZE,
            encoding=encoding or "utf-8-sig",
            dtype=False,
        )
    return list(frame.to_delayed())


def _read_failure(exc: BaseException, path: Path, name: str) -> ReadError:
    """The ReadError ``framing.read_articles`` would give for this failure."""
    if isinstance(exc, ReadError):
        return exc
    if isinstance(exc, UnicodeDecodeError):
        return ReadError(
            f"{name} is not valid {exc.encoding} text (byte {exc.object[exc.start]:#04x}): "
            "pass its encoding, for example encoding='cp1251'.",
            path=name,
        )
    return table_error(path, name, path.suffix.lower(), exc)


def _partition_ids(frame: Any, name: str, columns: Mapping[str, str]) -> list[str | None]:
    """First pass, on a worker: each row's article id, or None for a row without text."""
    frame = frame.rename(columns=columns)
    check_columns(frame.columns, name, name)
    rows = table_rows(frame, name, name, 1, {})
    return [item.id if isinstance(item, Article) else None for item in rows]


def _analyse_partition(
    frame: Any, spec: _Partition, config: Config, out: str | None
) -> BatchResult:
    """Second pass, on a worker: the partition's rows as a batch, analysed."""
    frame = frame.rename(columns=spec.columns)
    meta = {"source_path": spec.name, "reader": spec.reader}
    entries, errors = [], list(spec.errors)
    rows = table_rows(frame, spec.name, spec.name, spec.first_row, meta)
    for index, item in enumerate(rows):
        position = spec.first_position + index
        if isinstance(item, ReadError):
            errors.append(error_record(item, position=position, stage="read"))
        elif index not in spec.skip:
            entries.append((position, item))
    batch = Batch(key=spec.key, entries=entries, errors=errors, n_items=len(frame))
    return run_batch(batch, config, out)

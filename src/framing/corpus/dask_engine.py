"""The Dask engine: the same batches, run by ``dask.distributed`` workers.

Table files (``.jsonl``, ``.parquet``, ``.csv``) are read on the workers, one task per
part (:func:`framing.io.table_parts`: JSON Lines cut at line ends every 16 MB, Parquet
row groups, a CSV file whole), through the same row parser as the local engine, so both
turn a file into the same articles and errors. A first pass returns each part's article
ids and content hashes, so that the client numbers the items and settles duplicates and
resumes exactly as the local engine does; the second pass reads the parts again and
analyses them (with ``out=``, each worker writes its own Parquet parts). Other inputs
(Articles, a DataFrame, text and HTML files) are read here and sent to the workers in
batches.
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
from framing.corpus.batch import Batch, BatchResult, Config, content_sha, error_record, run_batch
from framing.corpus.local_engine import available_cpus
from framing.corpus.plan import Ledger, batch_key, describe, stream_batches
from framing.errors import ReadError
from framing.io import TABLE_SUFFIXES, TablePart, expand_paths, part_items, table_parts

__all__ = ["run_dask"]

logger = logging.getLogger("framing")

#: Bytes per part of a JSON Lines file. CSV files are read whole: a quoted field may
#: span lines, so they cannot be cut at any line end.
JSONL_BLOCKSIZE = 16_000_000
_QUEUED_PER_WORKER = 2


@dataclass(frozen=True)
class _Partition:
    """What a worker needs to turn a part of a table file into a batch.

    ``skip`` holds the item indices (within the part) of articles already done or
    duplicated; ``done`` the done articles' index rows and ``errors`` the duplicates'
    error rows, settled by the client.
    """

    key: str
    part: TablePart
    columns: Mapping[str, str]
    first_position: int
    skip: frozenset[int]
    done: Sequence[Mapping[str, Any]]
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
            return _run_batches(connected, batches, shared, config, out, bar)
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
    # ":0" (any free port): dashboard_address=None does not turn the dashboard off and
    # warns when another cluster holds port 8787 (dask/distributed#8136).
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
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
    client: Any, batches: Iterable[Batch], shared: Any, config: Config, out: str | None, bar: Any
) -> list[BatchResult]:
    """Send batches read here to the workers, a few per worker at a time.

    ``shared`` is ``config`` scattered to the workers; a batch of done articles only is
    indexed here.
    """
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
            if batch.empty or not batch.entries:
                if not batch.empty:
                    results.append(run_batch(batch, config, out))
                bar.update(batch.n_items)
                continue
            while len(pending) >= limit:
                collect(next(running))
            future = client.submit(run_batch, batch, shared, out, pure=False)
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
    """Analyse table files part by part, each read on a worker.

    Returns the parts' results, and a batch of the errors settled here (files that could
    not be read at all) for the caller to write.
    """
    from distributed import as_completed

    columns = dict(read_options.get("columns") or {})
    encoding = read_options.get("encoding")
    plans: list[list[TablePart] | ReadError] = []
    for name in files:
        try:
            plans.append(
                table_parts(name, columns=columns, encoding=encoding, blocksize=JSONL_BLOCKSIZE)
            )
        except ReadError as exc:
            plans.append(exc)
    # First pass, every part at once: the article ids and content hashes of its items.
    id_futures = [
        client.map(_part_ids, plan, columns=columns, pure=False) if isinstance(plan, list) else []
        for plan in plans
    ]
    specs, errors = [], []
    for index, (plan, futures) in enumerate(zip(plans, id_futures, strict=True)):
        if isinstance(plan, ReadError):
            errors.append(error_record(plan, position=ledger.take(), stage="read"))
            continue
        for number, (part, future) in enumerate(zip(plan, futures, strict=True)):
            key = batch_key(run, index, number)
            specs.append(_plan_partition(part, key, future.result(), columns, ledger))
    bar.total = ledger.position
    bar.refresh()
    # Second pass: analyse.
    futures = client.map(_analyse_partition, specs, config=config, out=out, pure=False)
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
    part: TablePart,
    key: str,
    items: Sequence[tuple[str, str] | None],
    columns: Mapping[str, str],
    ledger: Ledger,
) -> _Partition:
    """Number a part's items and decide which articles to analyse, as the local engine."""
    first_position = ledger.position
    skip, done, errors = set(), [], []
    for index, item in enumerate(items):
        position = ledger.take()
        if item is None:  # not an article: the worker records the row's read error
            continue
        article_id, sha, row = item
        meta = {"source_path": part.name, "row": row}
        where = describe(meta, position)
        decision = ledger.decide(article_id, where, sha, position)
        if decision != "analyse":
            skip.add(index)
        if decision == "done":
            done.append(ledger.done_row(article_id))
        elif decision == "duplicate":
            errors.append(ledger.duplicate_error(article_id, where, position, meta))
    return _Partition(
        key=key,
        part=part,
        columns=columns,
        first_position=first_position,
        skip=frozenset(skip),
        done=tuple(done),
        errors=tuple(errors),
    )


def _part_ids(part: TablePart, columns: Mapping[str, str]) -> list[tuple[str, str, Any] | None]:
    """First pass, on a worker: each item's article id, content hash and row, or None."""
    return [
        (item.id, content_sha(item), item.meta.get("row")) if isinstance(item, Article) else None
        for item in part_items(part, columns=columns)
    ]


def _analyse_partition(spec: _Partition, config: Config, out: str | None) -> BatchResult:
    """Second pass, on a worker: the part's items as a batch, analysed."""
    entries, errors = [], list(spec.errors)
    n_items = 0
    for index, item in enumerate(part_items(spec.part, columns=spec.columns)):
        n_items += 1
        position = spec.first_position + index
        if isinstance(item, ReadError):
            errors.append(error_record(item, position=position, stage="read"))
        elif index not in spec.skip:
            entries.append((position, item))
    batch = Batch(key=spec.key, entries=entries, errors=errors, n_items=n_items, done=spec.done)
    return run_batch(batch, config, out)

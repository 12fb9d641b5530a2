"""The local engine: batches analysed in this process or in a pool of worker processes."""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from pathlib import Path
from typing import Any

from framing.corpus.batch import Batch, BatchResult, Config, run_batch
from framing.corpus.lifeline import watch_parent
from framing.errors import WorkerError

__all__ = ["available_cpus", "resolve_n_jobs", "run_local"]

logger = logging.getLogger("framing")

#: Batches queued per worker process: enough to keep it busy, few enough to keep memory flat.
_QUEUED_PER_WORKER = 2
#: Imported once by the fork server, so that each worker forked from it starts with them
#: loaded instead of importing them anew. A module missing here only costs time; one that
#: cannot be imported is skipped.
_PRELOAD = [
    "framing.corpus.batch",
    "framing.corpus",
    "vaderSentiment.vaderSentiment",
    "pyarrow.parquet",
]


def available_cpus() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def resolve_n_jobs(n_jobs: int | None) -> int | None:
    """``n_jobs`` as a number of processes; ``None`` stays None ("as many as useful").

    Negative values count back from the number of CPUs, as in scikit-learn and joblib:
    -1 is all of them, -2 all but one.
    """
    if n_jobs is None:
        return None
    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool) or n_jobs == 0:
        raise ValueError(f"n_jobs must be a positive or negative integer or None, not {n_jobs!r}.")
    return n_jobs if n_jobs > 0 else max(1, available_cpus() + 1 + n_jobs)


def run_local(
    batches: Iterable[Batch], config: Config, out: str | None, n_jobs: int | None, bar: Any
) -> list[BatchResult]:
    """Analyse every batch, in this process or in ``n_jobs`` worker processes.

    With ``n_jobs=None`` a pool of one process per CPU is used, unless the input fits in
    a single batch: starting processes would then cost more than it saves.
    """
    batches = iter(batches)
    if n_jobs == 1:
        return [_in_process(batch, config, out, bar) for batch in batches]
    first, second = next(batches, None), next(batches, None)
    if second is None and n_jobs is None:
        return [_in_process(first, config, out, bar)] if first is not None else []
    queued = chain([b for b in (first, second) if b is not None], batches)
    return _in_pool(queued, config, out, n_jobs or available_cpus(), bar)


def _context() -> Any:
    """The multiprocessing context of the pool.

    The fork server (POSIX) and spawn start clean interpreters, so no lock or thread of
    this process (Jupyter's, tqdm's) is inherited, unlike with fork. The fork server is
    started once per session, with :data:`_PRELOAD` imported, and reused by later pools.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


def _in_process(batch: Batch, config: Config, out: str | None, bar: Any) -> BatchResult:
    if batch.empty:
        bar.update(batch.n_items)
        return BatchResult(batch.key, batch.n_items, 0, 0)
    result = run_batch(batch, config, out, on_article=lambda: bar.update(1))
    bar.update(batch.n_items - len(batch.entries))
    return result


def _in_pool(
    batches: Iterator[Batch], config: Config, out: str | None, n_jobs: int, bar: Any
) -> list[BatchResult]:
    """Run batches in a process pool, with at most a few queued per worker.

    Results are returned in batch order whatever order they finish in. On an interrupt
    (Ctrl-C, or SIGTERM in the ``framing`` command), queued batches are cancelled and the
    workers end at once; the batches they were analysing are not committed, so a rerun
    with the same ``out=`` does them again.
    """
    context = _context()
    results: dict[str, BatchResult] = {}
    running: set[Future[BatchResult]] = set()

    def collect(done: Iterable[Future[BatchResult]]) -> None:
        for future in done:
            running.discard(future)
            result = future.result()
            results[result.key] = result
            bar.update(result.n_items)

    logger.info("analysing in %d worker processes", n_jobs)
    # Each worker watches a pipe whose writing end only this process holds: when this
    # process ends, however it ends, the workers end too (framing.corpus.lifeline).
    reader, writer = context.Pipe(duplex=False)
    pool = ProcessPoolExecutor(
        max_workers=n_jobs, mp_context=context, initializer=watch_parent, initargs=(reader,)
    )
    try:
        for batch in batches:
            if batch.empty:
                bar.update(batch.n_items)
                continue
            if not batch.entries:  # only done articles to index: no work for a worker
                results[batch.key] = run_batch(batch, config, out)
                bar.update(batch.n_items)
                continue
            while len(running) >= _QUEUED_PER_WORKER * n_jobs:
                collect(wait(running, return_when=FIRST_COMPLETED).done)
            running.add(pool.submit(run_batch, batch, config, out))
        while running:
            collect(wait(running, return_when=FIRST_COMPLETED).done)
    except BrokenProcessPool:
        raise WorkerError(_broken_pool_message(n_jobs)) from None
    except BaseException:
        writer.close()  # the workers end now, mid-batch: nothing of theirs is committed
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        writer.close()
        reader.close()
    return [results[key] for key in sorted(results)]


def _broken_pool_message(n_jobs: int) -> str:
    """Why worker processes may have died, with what to do; a missing ``__main__`` guard
    in the script that was run is named, as it is the usual cause."""
    main = sys.modules.get("__main__")
    script = getattr(main, "__file__", None)
    try:
        guarded = script is None or "__main__" in Path(script).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        guarded = True
    if not guarded:
        return (
            f"the {n_jobs} worker processes of framing.analyze_corpus() stopped before doing "
            f"any work because {script} has no 'if __name__ == \"__main__\":' guard: worker "
            "processes import the script again, so put the call to analyze_corpus() under "
            "that guard (see the README's corpus example), or pass n_jobs=1."
        )
    return (
        "a worker process of framing.analyze_corpus() ended abruptly (killed, or out of "
        "memory?): rerun with the same out= to resume, or pass n_jobs=1 to analyse in this "
        "process and see the error."
    )

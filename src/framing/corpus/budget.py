"""A time budget per article: :func:`time_budget` stops an analysis that runs too long.

In a process's main thread on POSIX (this process with ``n_jobs=1``, and every worker of
the local engine's pool) the budget is a ``SIGALRM`` timer (``signal.setitimer``), whose
handler raises :class:`ArticleTimeout`. Elsewhere (Dask workers run tasks in threads; a
call from a thread of your own) a timer thread raises it in the analysing thread with
CPython's ``PyThreadState_SetAsyncExc``. Either way the exception arrives between two
Python bytecodes, so a single long call into C (one huge regular expression) ends first;
the analysis is pure Python, so that is never long. A handler or timer the caller had set
is put back afterwards.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["ArticleTimeout", "time_budget"]


class ArticleTimeout(Exception):
    """An article's analysis took longer than its time budget."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the block if it runs longer than ``seconds``.

    ``None`` means no limit.
    """
    if seconds is None:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _async_timer(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    outer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer[0]:  # the caller's own timer goes on
            signal.setitimer(signal.ITIMER_REAL, *outer)


@contextmanager
def _async_timer(seconds: float) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(ArticleTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
            if state["fired"]:  # not delivered yet: take it back
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
        timer.cancel()

"""Worker processes that end when the process that started them ends.

The local engine gives each pool worker the reading end of a pipe whose only writing end
stays in the parent. When the parent ends, however it ends (``SIGKILL`` included), the
system closes that end, the worker's watchdog thread reads end-of-file and the worker
exits at once. Without it, workers of a killed run go on analysing and writing parts,
and keep the fork server, the resource tracker and an output pipe (``framing ... | cat``)
alive. (Dask's LocalCluster workers already end with their nanny, and a cluster you
connect to is not this process's to stop.)
"""

from __future__ import annotations

import os
import threading
from multiprocessing.connection import Connection

__all__ = ["PARENT_GONE", "watch_parent"]

#: The exit status of a worker whose parent has gone.
PARENT_GONE = 75


def watch_parent(reader: Connection) -> None:
    """Pool initializer: exit this process as soon as ``reader``'s pipe is closed."""
    threading.Thread(target=_wait, args=(reader,), name="framing-lifeline", daemon=True).start()


def _wait(reader: Connection) -> None:
    try:
        while True:
            reader.recv_bytes()  # nothing is ever sent: this returns only at end-of-file
    except (EOFError, OSError):
        pass
    os._exit(PARENT_GONE)  # no clean-up: the parent that would want the results is gone

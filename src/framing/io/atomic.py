"""Atomic file writes: a reader sees the old files or the complete new ones, never half.

Every output is first written under a hidden temporary name beside its final place
(``.<name>.<pid>-<random>.tmp``) and then renamed into place, which on one file system
cannot fail half-way and needs no free space. Several files that belong together
(:func:`atomic_paths`) are all written before any is renamed, so a full disk leaves none
of them, not some. Outputs get the permissions the user's umask gives new files (the
temporary files start private). A temporary left by a killed process is removed by
:func:`remove_stale` on the next run, once its process is gone.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

__all__ = [
    "atomic_path",
    "atomic_paths",
    "process_running",
    "remove_stale",
    "stale_prefix",
    "umask_mode",
]


def umask_mode(*, directory: bool = False) -> int:
    """The permissions ``open()`` or ``mkdir()`` would give a new file or folder."""
    return (0o777 if directory else 0o666) & ~_umask()


def _umask() -> int:
    try:  # Linux shows it; reading it elsewhere means setting it for a moment
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def stale_prefix(name: str, tag: str = "") -> str:
    """The prefix of this process's temporaries for ``name``: ``.<name>.<tag><pid>-``."""
    return f".{name}.{tag}{os.getpid()}-"


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path`` in one step.

    On an error the temporary file is removed and ``path`` is left as it was.
    """
    with atomic_paths([path]) as (temporary,):
        yield temporary


@contextmanager
def atomic_paths(paths: Sequence[str | Path]) -> Iterator[list[Path]]:
    """Yield a temporary path for each of ``paths``; on success all replace theirs together.

    Every file is written before the first rename, so an error while writing (a full
    disk) leaves all of ``paths`` as they were. Temporaries are removed on an error.
    """
    targets = [Path(p) for p in paths]
    temporaries = []
    try:
        for target in targets:
            descriptor, name = tempfile.mkstemp(
                prefix=stale_prefix(target.name), suffix=".tmp", dir=target.parent
            )
            os.close(descriptor)
            temporaries.append(Path(name))
        yield temporaries
        mode = umask_mode()
        for temporary in temporaries:
            os.chmod(temporary, mode)
        for temporary, target in zip(temporaries, targets, strict=True):
            os.replace(temporary, target)
    finally:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)


def remove_stale(folder: str | Path, name: str, tags: Sequence[str] = ("",)) -> list[Path]:
    """Remove temporaries for ``name`` in ``folder`` whose process no longer runs.

    Those are the files or folders ``.<name>.<tag><pid>-...`` of :func:`stale_prefix`;
    another live process's are left alone. Returns what was removed.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return []
    tags_pattern = "|".join(re.escape(tag) for tag in tags)
    pattern = re.compile(rf"^\.{re.escape(name)}\.(?:{tags_pattern})(\d+)-")
    removed = []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if match is None or process_running(int(match.group(1))):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


def process_running(pid: int) -> bool:
    """Whether process ``pid`` runs on this machine (this process always does)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True

"""Checks on input paths shared by the readers of single files and of tables."""

from __future__ import annotations

import stat
from pathlib import Path

from framing.errors import ReadError

__all__ = ["regular_file_size"]

# What a path that is not a regular file is, for messages.
_FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def regular_file_size(path: Path, name: str) -> int:
    """The size of ``path``, after checking that it is a regular file.

    A named pipe, socket or device is refused before it is opened: reading one could
    block forever or never end.

    Raises
    ------
    ReadError
        If ``path`` does not exist, is a folder or is not a regular file.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ReadError(
            f"{name} does not exist: check the path (relative paths start from {Path.cwd()}).",
            path=name,
        ) from None
    except OSError as exc:
        raise ReadError(
            f"{name} cannot be read ({exc.strerror}): check its permissions.", path=name
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(
            f"{name} is a folder, not a file: use framing.read_articles() to read the "
            "articles in it.",
            path=name,
        )
    if not stat.S_ISREG(info.st_mode):
        kind = next((k for test, k in _FILE_KINDS if test(info.st_mode)), "not a regular file")
        raise ReadError(
            f"{name} is {kind}, not a regular file, so framing does not read it (it could "
            "block forever): save the article to a file and pass that.",
            path=name,
        )
    return info.st_size

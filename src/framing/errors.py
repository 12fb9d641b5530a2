"""The errors framing raises on bad input, all under :class:`FramingError`.

``except framing.FramingError`` catches every one of them: an unreadable article or table
file, a malformed lexicon or gazetteer, duplicate article ids, a corpus store that cannot
be used, a research corpus that is not in its documented layout, worker processes that
stopped. Each message is one sentence that names the file (and line or row) and says what
to do. Each class also derives from the built-in exception it refines (``ValueError`` or
``RuntimeError``), so code written against those keeps working.
"""

from __future__ import annotations

__all__ = [
    "DatasetError",
    "DuplicateIdError",
    "FramingError",
    "GazetteerError",
    "LexiconError",
    "ReadError",
    "StoreError",
    "WorkerError",
]


class FramingError(Exception):
    """Base of every error framing raises on bad input."""


class ReadError(FramingError, ValueError):
    """An input that cannot be read as articles.

    The message is one sentence naming the file (and row) and what to do; ``path`` and
    ``row`` hold the same facts for programs.
    """

    def __init__(self, message: str, *, path: str | None = None, row: object = None) -> None:
        super().__init__(message)
        self.path = path
        self.row = row


class LexiconError(FramingError, ValueError):
    """A lexicon file or mapping that cannot be used; the message names where and why."""


class GazetteerError(LexiconError):
    """A gazetteer file or target list that cannot be used."""


class DuplicateIdError(FramingError, ValueError):
    """Two articles of one corpus share an id."""


class StoreError(FramingError, ValueError):
    """A corpus results folder (``out=``) that cannot be used as asked."""


class WorkerError(FramingError, RuntimeError):
    """The worker processes of a corpus run stopped; the message says why and what to do."""


class DatasetError(FramingError, ValueError):
    """A research corpus (PTC, BABE, BASIL, PolNeAR) that is not in its documented layout."""

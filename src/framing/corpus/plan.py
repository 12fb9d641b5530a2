"""Which input items a corpus run analyses: positions, duplicates, resumes, batches.

Both engines walk the input in the same order and ask a :class:`Ledger` about every item,
so they agree on each article's ``position`` and on which articles they skip.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from framing.corpus.batch import Batch, content_sha, error_record
from framing.corpus.store import Done
from framing.errors import DuplicateIdError, ReadError
from framing.io import read_articles

__all__ = ["Ledger", "batch_key", "describe", "stream_batches"]

Decision = Literal["analyse", "done", "duplicate"]
#: Done articles indexed per batch at most, so that resuming a long run stays light.
_MAX_DONE = 10_000


@dataclass
class Ledger:
    """Positions and decisions for the items of one run, in input order.

    Every item (an article, or a row or file that could not be read) takes the next
    ``position``. The first article with an id is analysed, unless it is ``done``: in the
    output folder already, with the same content (``sha``) at the same position (a
    changed article is analysed again and its new rows replace the old). A later article
    with the same id is a duplicate, recorded in ``errors`` and skipped.
    """

    done: Mapping[str, Done] = field(default_factory=dict)
    position: int = 0
    n_done: int = 0
    _seen: dict[str, str] = field(default_factory=dict, repr=False)

    def take(self) -> int:
        """The position of the next item."""
        position = self.position
        self.position += 1
        return position

    def decide(self, article_id: str, where: str, sha: str, position: int) -> Decision:
        """What to do with the article ``article_id`` found at ``where`` (for messages)."""
        if article_id in self._seen:
            return "duplicate"
        self._seen[article_id] = where
        done = self.done.get(article_id)
        if done is not None and (done.sha, done.position) == (sha, position):
            self.n_done += 1
            return "done"
        return "analyse"

    def done_row(self, article_id: str) -> dict[str, Any]:
        """The ``_index`` row that keeps a done article in the corpus."""
        done = self.done[article_id]
        return {"article_id": article_id, "position": done.position, "sha": done.sha,
                "home": done.home}  # fmt: skip

    def duplicate_error(
        self, article_id: str, where: str, position: int, meta: Mapping[str, Any]
    ) -> dict[str, Any]:
        """The ``errors`` row of a duplicate."""
        exc = DuplicateIdError(
            f"{where} has the article id {article_id!r} of an earlier article "
            f"({self._seen[article_id]}); only the first is analysed: give every article "
            "a unique id, or leave ids empty so that they are derived from the content."
        )
        return error_record(
            exc, position=position, stage="duplicate", article_id=article_id, meta=meta
        )


def describe(meta: Mapping[str, Any], position: int) -> str:
    """Where an article came from, for messages: ``file row 3``, or its input position."""
    file = meta.get("source_path")
    row = meta.get("row", meta.get("index"))
    if file and row is not None:
        return f"{file} row {row}"
    if file:
        return str(file)
    return f"input item {position}" if row is None else f"row {row}"


@dataclass
class _Pending:
    """The batch being filled."""

    entries: list[tuple[int, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    done: list[dict[str, Any]] = field(default_factory=list)
    n_items: int = 0

    def batch(self, key: str) -> Batch:
        return Batch(
            key=key, entries=self.entries, errors=self.errors, n_items=self.n_items, done=self.done
        )


def stream_batches(
    source: Any,
    read_options: Mapping[str, Any],
    ledger: Ledger,
    *,
    run: int,
    batch_size: int,
) -> Iterator[Batch]:
    """Read ``source`` lazily and cut it into batches of at most ``batch_size`` articles.

    Read errors become ``errors`` rows (stage ``read``) and the reading goes on. A batch
    may hold no work (its articles were all done already); it still counts its items and
    indexes its done articles.
    """
    pending = _Pending()

    def on_error(exc: ReadError) -> None:
        pending.errors.append(error_record(exc, position=ledger.take(), stage="read"))
        pending.n_items += 1

    sequence = 0
    for article in read_articles(source, on_error=on_error, **read_options):
        position = ledger.take()
        pending.n_items += 1
        where = describe(article.meta, position)
        decision = ledger.decide(article.id, where, content_sha(article), position)
        if decision == "analyse":
            pending.entries.append((position, article))
        elif decision == "done":
            pending.done.append(ledger.done_row(article.id))
        elif decision == "duplicate":
            pending.errors.append(ledger.duplicate_error(article.id, where, position, article.meta))
        if len(pending.entries) >= batch_size or len(pending.done) >= _MAX_DONE:
            yield pending.batch(batch_key(run, sequence))
            sequence += 1
            pending = _Pending()
    if pending.n_items:
        yield pending.batch(batch_key(run, sequence))


def batch_key(run: int, sequence: int, part: int | None = None) -> str:
    """The name of a batch's part files; keys sort in input order within a run."""
    key = f"r{run:03d}-b{sequence:07d}"
    return key if part is None else f"{key}-p{part:06d}"

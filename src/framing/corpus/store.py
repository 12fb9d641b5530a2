"""The on-disk form of a corpus analysis: a folder of Parquet datasets, one per table.

Layout of ``DIR``::

    _framing.json                    the run description: versions, lexicon, parameters, columns
    _framing.lock                    locked by the run writing the folder; names its process
    _runs/r<run>.json                each run: its source (the corpus it read), whether it ended
    _index/part-<key>.parquet        each batch: its articles, their content hash and the batch
                                     holding their rows; written last, it commits the batch
    articles/part-<key>.parquet      one part per batch (and loaded_terms/, sources/, stance/,
                                     stance_evidence/, errors/)

Every file is written under a hidden temporary name and renamed into place, so a reader
never sees half a file. A batch counts only once its ``_index`` part exists; parts of a
batch that an interrupted run left without one are ignored by readers and removed by the
next run. One run at a time writes a folder: it holds an exclusive lock on
``_framing.lock`` (``fcntl.flock``, released by the system however the process ends), and a
second writer is refused with the holder's process id and host.

What a reader sees is, for each article, the rows of the latest batch that analysed it
(an article re-analysed because its text changed supersedes its older rows), and only
articles that the latest complete run of their source still saw (an article removed from
the corpus, or replaced under a new content id, disappears once a run over that corpus
completes). Each table folder is a plain Parquet dataset (``pandas.read_parquet``,
``pyarrow.dataset``, DuckDB read it), but only :class:`framing.CorpusAnalysis` applies
these rules.
"""

from __future__ import annotations

import json
import logging
import os
import socket
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.errors import StoreError
from framing.io import atomic_path
from framing.schema import STORE_INDEX

if TYPE_CHECKING:
    import pyarrow.dataset

__all__ = [
    "ANALYSIS_TABLES",
    "BATCH_COLUMN",
    "META_FILE",
    "TABLES",
    "Store",
    "conform",
]

logger = logging.getLogger("framing")

#: The tables an :class:`~framing.Analysis` has, collected over the corpus.
ANALYSIS_TABLES = ("loaded_terms", "sources", "stance", "stance_evidence")
#: Every table of a corpus analysis, in the order they are written (``articles`` last).
TABLES = ("errors", *ANALYSIS_TABLES, "articles")
META_FILE = "_framing.json"
LOCK_FILE = "_framing.lock"
FORMAT = "framing-corpus"
FORMAT_VERSION = 2
#: The column of :meth:`Store.dataset` naming the batch (part file) a row comes from.
BATCH_COLUMN = "_batch"
_INDEX = "_index"
_RUNS = "_runs"
_PREFIX = "part-"
_SUFFIX = ".parquet"
_OWN = frozenset({META_FILE, LOCK_FILE, _INDEX, _RUNS, *TABLES})


def conform(frame: pd.DataFrame, dtypes: Mapping[str, str]) -> pd.DataFrame:
    """``frame`` with the columns of ``dtypes`` (in order, then any others sorted by name).

    Text columns become ``object`` holding ``str`` or ``None`` (pandas' ``str`` dtype, Dask's
    ``string`` and Parquet's missing values are all brought back to that), so a table read
    back from Parquet equals the one that was written.
    """
    extra = sorted(c for c in frame.columns if c not in dtypes)
    columns = {}
    for name in [*dtypes, *extra]:
        dtype = dtypes.get(name, "object")
        if name in frame:
            series = frame[name].reset_index(drop=True)
        else:
            series = pd.Series([None] * len(frame), dtype=object)
        if dtype == "object":
            series = series.astype(object)
            series = series.where(series.notna(), None)
        else:
            series = series.astype(dtype)
        columns[name] = series
    return pd.DataFrame(columns, index=pd.RangeIndex(len(frame)))


@dataclass(frozen=True)
class Done:
    """An article already in the store: its content hash, position and batch."""

    sha: str
    position: int
    home: str


class Store:
    """A corpus analysis folder: its description, runs, committed batches, parts and tables.

    Parameters
    ----------
    path : str or path
        The folder.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock: int | None = None

    # -- description ---------------------------------------------------------------------

    def read_meta(self) -> dict[str, Any]:
        """The run description in ``_framing.json``.

        Raises
        ------
        framing.StoreError
            If the folder holds no framing corpus analysis of this format.
        """
        file = self.path / META_FILE
        if not file.is_file():
            raise StoreError(
                f"{self.path} holds no framing corpus analysis (no {META_FILE}): pass the "
                "folder given as out= to framing.analyze_corpus()."
            )
        meta = json.loads(file.read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT or meta.get("format_version") != FORMAT_VERSION:
            raise StoreError(
                f"{file} is not a framing corpus description of format version "
                f"{FORMAT_VERSION}: re-run framing.analyze_corpus() into a new folder."
            )
        return meta

    def open(self, meta: dict[str, Any], source: Mapping[str, Any], *, append: bool) -> int:
        """Lock the folder for a run over ``source`` described by ``meta``; its run number.

        A new folder is created; an existing analysis is checked (same lexicon, targets,
        columns and, unless ``append``, the same source), cleared of what an interrupted
        run left and of the errors of earlier runs over this source. Call :meth:`close`
        when the run ends.

        Raises
        ------
        framing.StoreError
            If the folder is a file, holds files that are not a corpus analysis, is being
            written by another run, or holds an analysis made with other options or of
            another corpus (without ``append``).
        """
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path} is a file; pass a folder as out=.")
        self._refuse_foreign()
        self.path.mkdir(parents=True, exist_ok=True)
        self._acquire()
        try:
            if (self.path / META_FILE).is_file():
                self._check_compatible(self.read_meta(), meta)
                self._check_source(source, append)
            else:
                self._refuse_foreign()
                for folder in (*TABLES, _INDEX, _RUNS):
                    (self.path / folder).mkdir(exist_ok=True)
                _write_json(self.path / META_FILE, meta)
            run = max(self.runs(), default=0) + 1
            self._prepare_resume(source["fingerprint"])
            _write_json(
                self._run_file(run), {"run": run, "source": dict(source), "complete": False}
            )
        except BaseException:
            self.close()
            raise
        return run

    def complete(self, run: int) -> None:
        """Record that ``run`` read its whole input (its articles are the corpus now)."""
        record = self.runs()[run]
        _write_json(self._run_file(run), {**record, "complete": True})

    def close(self) -> None:
        """Release the lock (kept if the folder was never opened by this object)."""
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def _refuse_foreign(self) -> None:
        if not self.path.is_dir() or (self.path / META_FILE).is_file():
            return
        foreign = sorted(
            p.name
            for p in self.path.iterdir()
            if p.name not in _OWN and not (p.name.startswith(f".{META_FILE}.") and p.is_file())
        )
        if foreign:
            raise StoreError(
                f"{self.path} holds files but no framing corpus analysis ({', '.join(foreign[:3])}"
                f"{', ...' if len(foreign) > 3 else ''}); choose a new or empty folder as out= "
                "so nothing of yours is overwritten."
            )

    def _acquire(self) -> None:
        try:
            import fcntl
        except ImportError:  # not POSIX: no advisory locks to take
            logger.warning(
                "%s cannot be locked on this system; run one writer at a time", self.path
            )
            return
        descriptor = os.open(self.path / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(descriptor)
            os.close(descriptor)
            raise StoreError(
                f"{self.path} is being written by another framing run ({holder}): wait for "
                "it to finish, or choose another folder as out=."
            ) from None
        except BaseException:
            os.close(descriptor)
            raise
        holder = f"process {os.getpid()} on {socket.gethostname()}".encode()
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, holder, 0)
        self._lock = descriptor

    def _check_compatible(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        for key, what in (
            ("lexicon", "lexicon"),
            ("parameters", "targets or options"),
            ("tables", "table columns (another framing version)"),
        ):
            if _canonical(old.get(key)) != _canonical(new.get(key)):
                raise StoreError(
                    f"{self.path} holds a corpus analysis made with other {what}; resuming "
                    "would mix results: pass the same options, or choose a new folder as out=."
                )

    def _check_source(self, source: Mapping[str, Any], append: bool) -> None:
        known = {r["source"]["fingerprint"]: r["source"] for r in self.runs().values()}
        if not known or source["fingerprint"] in known or append:
            return
        stored = "; ".join(s["description"] for s in known.values())
        raise StoreError(
            f"{self.path} holds the analysis of another corpus ({stored}), not of "
            f"{source['description']}: pass append=True to add this corpus to it, or choose "
            "a new folder as out=."
        )

    # -- runs and batches ----------------------------------------------------------------

    def runs(self) -> dict[int, dict[str, Any]]:
        """Every run into this folder by number: ``source`` and ``complete``."""
        folder = self.path / _RUNS
        if not folder.is_dir():
            return {}
        runs = {}
        for file in sorted(folder.glob("r*.json")):
            record = json.loads(file.read_text(encoding="utf-8"))
            runs[int(record["run"])] = record
        return runs

    def _run_file(self, run: int) -> Path:
        return self.path / _RUNS / f"r{run:03d}.json"

    def committed(self) -> set[str]:
        """The keys of the batches whose ``_index`` part has been written."""
        return {_key(p) for p in self._parts(_INDEX)}

    def _prepare_resume(self, fingerprint: str) -> None:
        """Remove what an interrupted run left, and the errors of earlier runs over the source.

        Temporary files and parts of batches never committed go. Error records of the
        same source go too: a resumed run reads the whole input again and records them
        anew.
        """
        committed = self.committed()
        same = {n for n, r in self.runs().items() if r["source"]["fingerprint"] == fingerprint}
        for folder in (self.path, *(self.path / name for name in (*TABLES, _INDEX, _RUNS))):
            for path in folder.glob(".*.tmp"):
                path.unlink(missing_ok=True)
        for table in (*TABLES, _INDEX):
            for path in self._parts(table):
                key = _key(path)
                if key not in committed or (table == "errors" and _run_of(key) in same):
                    path.unlink(missing_ok=True)

    def done(self) -> dict[str, Done]:
        """The articles already analysed, by id: their hash, position and batch."""
        index = self._index
        latest = index.drop_duplicates("article_id", keep="last")
        latest = latest[latest["home"].notna()]
        return {
            article_id: Done(sha, int(position), home)
            for article_id, sha, position, home in zip(
                latest["article_id"], latest["sha"], latest["position"], latest["home"],
                strict=True,
            )
        }  # fmt: skip

    def write_batch(
        self, key: str, tables: Mapping[str, pd.DataFrame], index: pd.DataFrame
    ) -> None:
        """Write a batch's tables (empty ones are skipped), then its ``_index`` part, which
        commits it."""
        for table in TABLES:
            frame = tables[table]
            if frame.empty:
                continue
            _write_parquet(frame, self.path / table / f"{_PREFIX}{key}{_SUFFIX}")
        _write_parquet(conform(index, STORE_INDEX), self.path / _INDEX / f"{_PREFIX}{key}{_SUFFIX}")

    # -- what readers see ----------------------------------------------------------------

    @cached_property
    def _index(self) -> pd.DataFrame:
        """Every committed index row, in batch order, with its batch ``key`` and ``run``."""
        import pyarrow.parquet as pq

        frames = []
        for path in self._parts(_INDEX):
            if _key(path) not in self._committed:
                continue  # committed after this store was first read
            frame = pq.read_table(path).to_pandas()
            frames.append(frame.assign(key=_key(path), run=_run_of(_key(path))))
        if not frames:
            return conform(pd.DataFrame(), {**STORE_INDEX, "key": "object", "run": "int64"})
        return pd.concat(frames, ignore_index=True)

    @cached_property
    def _visible(self) -> tuple[frozenset[tuple[str, str]], bool]:
        """The ``(article_id, batch)`` pairs readers see, and whether that is every row."""
        index = self._index
        latest = index.drop_duplicates("article_id", keep="last")
        runs = self.runs()
        source_of = {n: r["source"]["fingerprint"] for n, r in runs.items()}
        last_complete: dict[str, int] = {}
        for number, record in runs.items():
            if record.get("complete"):
                last_complete[source_of[number]] = number
        floor = [last_complete.get(source_of.get(run, ""), 0) for run in latest["run"]]
        latest = latest[(latest["run"] >= floor) & latest["home"].notna()]
        visible = frozenset(zip(latest["article_id"], latest["home"], strict=True))
        analysed = index[index["home"] == index["key"]]
        everything = len(analysed) == len(visible) and visible == frozenset(
            zip(analysed["article_id"], analysed["key"], strict=True)
        )
        return visible, everything

    def dataset(self, table: str) -> pyarrow.dataset.Dataset:
        """The rows readers see of ``table`` as a lazy :class:`pyarrow.dataset.Dataset`.

        A column ``_batch`` names the batch (part file) of each row.
        """
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.dataset as pads
        import pyarrow.fs as pafs
        import pyarrow.parquet as pq

        files = self._committed_parts(table)
        schemas = [pq.read_schema(f) for f in files]
        schema = pa.unify_schemas(schemas, promote_options="permissive") if schemas else None
        schema = (
            (schema or pa.schema([])).remove_metadata().append(pa.field(BATCH_COLUMN, pa.string()))
        )
        dataset = pads.FileSystemDataset.from_paths(
            [str(f.resolve()) for f in files],
            schema=schema,
            format=pads.ParquetFileFormat(),
            filesystem=pafs.LocalFileSystem(),
            partitions=[pads.field(BATCH_COLUMN) == _key(f) for f in files],
        )
        visible, everything = self._visible
        if table == "errors" or everything or not files:
            return dataset
        pairs = pc.binary_join_element_wise(
            pads.field(BATCH_COLUMN), pads.field("article_id"), "\x1f"
        )
        return dataset.filter(pairs.isin([f"{key}\x1f{aid}" for aid, key in visible]))

    def read_table(
        self, table: str, dtypes: Mapping[str, str], columns: Iterable[str] | None = None
    ) -> pd.DataFrame:
        """``table`` as a DataFrame conformed to ``dtypes`` (only ``columns`` if given)."""
        dataset = self.dataset(table)
        present = [c for c in dataset.schema.names if c != BATCH_COLUMN]
        wanted = list(columns) if columns is not None else None
        read = [c for c in (wanted or present) if c in present]
        frame = dataset.to_table(columns=read).to_pandas() if present else pd.DataFrame()
        if wanted is not None:
            dtypes = {name: dtypes.get(name, "object") for name in wanted}
            frame = frame.reindex(columns=[c for c in wanted if c in frame])
        return conform(frame, dtypes)

    def _parts(self, table: str) -> list[Path]:
        folder = self.path / table
        if not folder.is_dir():
            return []
        return sorted(folder.glob(f"{_PREFIX}*{_SUFFIX}"))

    def _committed_parts(self, table: str) -> list[Path]:
        committed = self._committed
        return [p for p in self._parts(table) if _key(p) in committed]

    @cached_property
    def _committed(self) -> set[str]:
        return self.committed()


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    with atomic_path(path) as temporary:
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), temporary)


def _write_json(path: Path, value: Any) -> None:
    with atomic_path(path) as temporary:
        temporary.write_text(
            json.dumps(value, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8"
        )


def _read_holder(descriptor: int) -> str:
    try:
        holder = os.pread(descriptor, 200, 0).decode("utf-8", errors="replace").strip()
    except OSError:
        holder = ""
    return holder or "a process that has not said which"


def _key(path: Path) -> str:
    return path.name[len(_PREFIX) : -len(_SUFFIX)]


def _run_of(key: str) -> int:
    """The run number of a batch key ``r<run>-b<sequence>...``."""
    return int(key[1:].split("-", 1)[0])


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)

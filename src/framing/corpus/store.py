"""The on-disk form of a corpus analysis: a folder of Parquet datasets, one per table.

Layout of ``DIR``::

    _framing.json                    the run: versions, lexicon, parameters, columns
    articles/part-<key>.parquet      one part per batch; written last, it commits the batch
    loaded_terms/part-<key>.parquet  (and sources/, stance/, stance_evidence/, errors/)

Every file is written under a hidden temporary name and renamed into place, so a reader
never sees half a file. A batch counts only once its ``articles`` part exists; parts of a
batch that an interrupted run left without one are ignored by readers and removed by the
next run. Each table folder is a plain Parquet dataset (``pandas.read_parquet``,
``pyarrow.dataset``, ``dask.dataframe.read_parquet`` and DuckDB read it), but only
:class:`framing.CorpusAnalysis` skips uncommitted parts.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.errors import StoreError
from framing.io import atomic_path

if TYPE_CHECKING:
    import pyarrow.dataset

__all__ = [
    "ANALYSIS_TABLES",
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
FORMAT = "framing-corpus"
FORMAT_VERSION = 1
_PREFIX = "part-"
_SUFFIX = ".parquet"


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


class Store:
    """A corpus analysis folder: its description, committed batches, parts and tables.

    Parameters
    ----------
    path : str or path
        The folder.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    # -- description ---------------------------------------------------------------------

    def read_meta(self) -> dict[str, Any]:
        """The run description in ``_framing.json``.

        Raises
        ------
        FileNotFoundError
            If the folder holds no framing corpus analysis.
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

    def open(self, meta: dict[str, Any]) -> None:
        """Create the folder for a run described by ``meta``, or check it can be resumed.

        Raises
        ------
        FileExistsError
            If the folder holds files that are not a corpus analysis.
        ValueError
            If it holds one made with another lexicon, other targets or other columns.
        """
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path} is a file; pass a folder as out=.")
        if (self.path / META_FILE).is_file():
            self._check_compatible(self.read_meta(), meta)
            return
        if self.path.exists() and any(self.path.iterdir()):
            raise StoreError(
                f"{self.path} holds files but no framing corpus analysis; choose a new or "
                "empty folder as out= so nothing of yours is overwritten."
            )
        self.path.mkdir(parents=True, exist_ok=True)
        for table in TABLES:
            (self.path / table).mkdir(exist_ok=True)
        with atomic_path(self.path / META_FILE) as temporary:
            temporary.write_text(
                json.dumps(meta, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8"
            )

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

    # -- parts ---------------------------------------------------------------------------

    def committed(self) -> set[str]:
        """The keys of the batches whose ``articles`` part has been written."""
        return {_key(p) for p in self._parts("articles")}

    def next_run(self) -> int:
        """The number of the next run into this folder (1 for the first)."""
        runs = [int(key[1:4]) for key in self.committed() if key[:1] == "r" and key[1:4].isdigit()]
        return max(runs, default=0) + 1

    def prepare_resume(self) -> None:
        """Remove what an interrupted run left and the errors of earlier runs.

        Temporary files and parts of batches that were never committed go. Error records
        go too: a resumed run reads the whole input again and records the errors anew.
        """
        committed = self.committed()
        for table in TABLES:
            folder = self.path / table
            for path in folder.glob(".*.tmp"):
                path.unlink(missing_ok=True)
            for path in self._parts(table):
                if table == "errors" or _key(path) not in committed:
                    path.unlink(missing_ok=True)

    def done_ids(self) -> set[str]:
        """The ids of the articles already analysed."""
        files = [str(p) for p in self._committed_parts("articles")]
        if not files:
            return set()
        import pyarrow.dataset as pads

        column = pads.dataset(files, format="parquet").to_table(columns=["article_id"])
        return set(column.column("article_id").to_pylist())

    def write_batch(self, key: str, tables: Mapping[str, pd.DataFrame]) -> None:
        """Write a batch's tables, ``articles`` last (empty tables other than it are skipped)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        for table in TABLES:
            frame = tables[table]
            if frame.empty and table != "articles":
                continue
            with atomic_path(self.path / table / f"{_PREFIX}{key}{_SUFFIX}") as temporary:
                pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), temporary)

    # -- reading -------------------------------------------------------------------------

    def dataset(self, table: str) -> pyarrow.dataset.Dataset:
        """The committed parts of ``table`` as a lazy :class:`pyarrow.dataset.Dataset`."""
        import pyarrow as pa
        import pyarrow.dataset as pads
        import pyarrow.parquet as pq

        files = [str(p) for p in self._committed_parts(table)]
        schemas = [pq.read_schema(f) for f in files]
        schema = pa.unify_schemas(schemas, promote_options="permissive") if schemas else None
        if schema is None:
            schema = pa.schema([])
        return pads.dataset(files, schema=schema.remove_metadata(), format="parquet")

    def read_table(
        self, table: str, dtypes: Mapping[str, str], columns: Iterable[str] | None = None
    ) -> pd.DataFrame:
        """``table`` as a DataFrame conformed to ``dtypes`` (only ``columns`` if given)."""
        dataset = self.dataset(table)
        present = set(dataset.schema.names)
        wanted = list(columns) if columns is not None else None
        read = [c for c in (wanted or dataset.schema.names) if c in present]
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
        committed = self.committed()
        return [p for p in self._parts(table) if _key(p) in committed]


def _key(path: Path) -> str:
    return path.name[len(_PREFIX) : -len(_SUFFIX)]


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)

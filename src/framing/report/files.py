"""What every framing report needs to write its files: reproducible SVG and CSV text,
the Jinja2 environment, and a folder that is replaced atomically.

Shared by :mod:`framing.report` (one article) and :mod:`framing.report.corpus`. CSV cells
that a spreadsheet would run as a formula are neutralised (:mod:`framing.io.csv_safe`).
A report is built in a hidden folder beside its place (``.<name>.tmp-<pid>-...``) with the
permissions the umask gives; one that a killed run left behind is removed by the next
report written there, and a previous report it had set aside is put back first.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.io import csv_text as safe_csv_text
from framing.io import process_running, remove_stale, stale_prefix, umask_mode

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "csv_text",
    "environment",
    "inline_svg",
    "replaced_folder",
    "svg_text",
    "write_figures_and_tables",
    "write_text",
]

FLOAT_FORMAT = "%.4f"


def csv_text(table: pd.DataFrame) -> str:
    """A table as CSV with fixed float formatting and "\\n" line ends (reproducible), its
    formula-like cells neutralised."""
    return safe_csv_text(table, float_format=FLOAT_FORMAT)


def write_text(path: Path, text: str) -> None:
    # newline="" keeps "\n" on every platform.
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def svg_text(draw: Callable[[Axes], Any], *, height: float, salt: str) -> str:
    """Draw a chart on a fresh figure (no pyplot state) and return it as SVG text.

    The fixed ``salt``, the bundled font drawn as paths and no date make the same chart
    give the same bytes on every run.
    """
    import matplotlib
    from matplotlib.figure import Figure

    rc = {"svg.hashsalt": salt, "svg.fonttype": "path", "font.family": "DejaVu Sans"}
    with matplotlib.rc_context(rc):
        figure = Figure(figsize=(7.0, height), layout="constrained")
        draw(figure.subplots())
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def write_figures_and_tables(
    folder: Path,
    charts: dict[str, tuple[Callable[[Axes], Any], float]],
    tables: dict[str, pd.DataFrame],
    *,
    salt: str,
) -> dict[str, str]:
    """Write ``figures/<name>.svg`` for each chart (how to draw it, its height in inches)
    and ``tables/<name>.csv`` for each table into ``folder``; return the SVG texts."""
    svgs = {
        name: svg_text(draw, height=height, salt=f"{salt}-{name}")
        for name, (draw, height) in charts.items()
    }
    (folder / "figures").mkdir()
    for name, svg in svgs.items():
        write_text(folder / "figures" / f"{name}.svg", svg)
    (folder / "tables").mkdir()
    for name, table in tables.items():
        write_text(folder / "tables" / f"{name}.csv", csv_text(table))
    return svgs


def inline_svg(svg: str) -> str:
    """The ``<svg>`` element of an SVG document, for embedding in HTML."""
    return svg[svg.index("<svg") :].strip()


def environment() -> Any:
    """The Jinja2 environment of the packaged templates, autoescaping everything."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("framing.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@contextmanager
def replaced_folder(
    out_dir: str | Path, *, is_own: Callable[[Path, Path], bool], what: str
) -> Iterator[Path]:
    """Yield an empty staging folder that replaces ``out_dir`` once the block succeeds.

    An existing ``out_dir`` is replaced only if everything in it passes
    ``is_own(path, out_dir)`` (else FileExistsError names the foreign files), and is
    deleted only after the new folder is in place; an error leaves it as it was and no
    temporary folder behind.
    """
    # Absolute and symlink-free, so that "." or a linked folder has a real parent to
    # build the new one beside.
    target = Path(out_dir).resolve()
    _recover(target)
    _check_replaceable(target, is_own, what)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target.parent, target.name, tags=_TAGS)
    staging = Path(tempfile.mkdtemp(prefix=stale_prefix(target.name, "tmp-"), dir=target.parent))
    try:
        os.chmod(staging, umask_mode(directory=True))
        yield staging
        _swap_in(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# The kinds of hidden folders a report swap makes beside its target.
_TAGS = ("tmp-", "old-")


def _recover(target: Path) -> None:
    """Put back a report that a killed swap had moved aside (and not replaced)."""
    if target.exists() or not target.parent.is_dir():
        return
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.old-(\d+)-")
    for holder in sorted(target.parent.iterdir()):
        match = pattern.match(holder.name)
        if match and not process_running(int(match.group(1))) and (holder / target.name).is_dir():
            (holder / target.name).rename(target)
            return


def _check_replaceable(target: Path, is_own: Callable[[Path, Path], bool], what: str) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise NotADirectoryError(f"{target} is a file; pass a folder for the report.")
    foreign = sorted(
        path.relative_to(target).as_posix()
        for path in target.rglob("*")
        if path.is_symlink() or not is_own(path, target)
    )
    if foreign:
        raise FileExistsError(
            f"{target} holds files that are not part of a {what} "
            f"({', '.join(foreign[:3])}{', ...' if len(foreign) > 3 else ''}); "
            "choose a new or empty folder so nothing of yours is overwritten."
        )


def _swap_in(staging: Path, target: Path) -> None:
    """Move ``staging`` to ``target``; the old ``target`` is deleted only after that worked."""
    if not target.exists():
        staging.rename(target)
        return
    holder = Path(tempfile.mkdtemp(prefix=stale_prefix(target.name, "old-"), dir=target.parent))
    backup = holder / target.name
    try:
        target.rename(backup)
        staging.rename(target)
    except BaseException:
        if backup.exists():
            backup.rename(target)
        holder.rmdir()
        raise
    shutil.rmtree(holder, ignore_errors=True)

"""What every chart shares: a new figure when no Axes is given, an empty-state message,
a legend that never hides the data, and a clear error for a table without its columns."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["empty_chart", "legend_above", "new_axes", "require_columns"]


def new_axes(ax: Axes | None, height: float) -> Axes:
    """Return ``ax``, or the Axes of a new figure ``height`` inches tall."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new_ax = plt.subplots(figsize=(7.0, height), layout="constrained")
    return new_ax


def require_columns(
    table: pd.DataFrame, columns: list[str], what: str, source: str | None = None
) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(
            f"{what} needs the columns {columns}; missing {missing}. "
            f"Pass {source or f'the table from Analysis.{what}()'}."
        )


def empty_chart(ax: Axes, message: str) -> Axes:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def legend_above(ax: Axes, handles: list[Any]) -> None:
    """A frameless legend in rows of four above the plot, where it never hides a bar."""
    ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncols=min(len(handles), 4),
        frameon=False,
        fontsize="small",
        borderaxespad=0.2,
    )

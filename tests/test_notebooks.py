"""The notebook suite: committed clean, and every notebook runs without an error.

The execution tests run each notebook with nbclient on the "framing" Jupyter kernel from
the repository root. Kernels start in parallel (``FRAMING_NOTEBOOK_WORKERS``, by default
two), since most of a notebook's time is its kernel starting and importing the library;
each notebook has a time budget of its own. The analyst notebook runs with its
parameters injected after its ``parameters`` cell, as papermill does, and must write the
same report, byte for byte, as ``framing report``.
"""

from __future__ import annotations

import os
import re
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
SEED = ROOT / "data" / "articles" / "lavrov-military-diplomacy.txt"
ANALYST = "analyze_your_article"
KERNEL = {"name": "framing", "display_name": "Python (framing)"}
TUTORIALS = [
    "00_quickstart",
    "01_loaded_language",
    "02_sources_and_quotes",
    "03_stance_signals",
    "04_comparing_outlets",
    "05_machine_learning",
    "06_scaling_up",
]
# Seconds each notebook may take, kernel start included; generous for a loaded machine.
BUDGET = {"06_scaling_up": 240}
DEFAULT_BUDGET = 150
# A Python warning printed by a cell ("...: FutureWarning: ..."): the sign of an API about
# to break under the notebook, which must be fixed before it rots.
PYTHON_WARNING = re.compile(r"\b[A-Z]\w*Warning\b:")


def _names() -> list[str]:
    return [p.stem for p in NOTEBOOKS]


# -- committed state ----------------------------------------------------------------------


def test_the_suite_is_complete():
    names = _names()
    for name in [*TUTORIALS, ANALYST]:
        assert name in names, f"notebooks/{name}.ipynb is missing"
    numbered = [n for n in names if re.match(r"\d\d_", n)]
    assert numbered == sorted(numbered)
    assert len({n[:2] for n in numbered}) == len(numbered), "two notebooks share a number"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    kernelspec = notebook.metadata.get("kernelspec", {})
    assert {k: kernelspec.get(k) for k in KERNEL} == KERNEL
    for number, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert cell.execution_count is None, f"cell {number} has an execution count"
            assert cell.outputs == [], f"cell {number} has outputs: clear them before committing"
        assert "attachments" not in cell or not cell.attachments, f"cell {number} has attachments"
        assert "execution" not in cell.metadata, f"cell {number} has execution timings: clear them"
    assert "widgets" not in notebook.metadata, "widget state is an output: clear it"


def test_no_checkpoints_are_committed():
    checkpoints = [p for p in NOTEBOOK_DIR.rglob(".ipynb_checkpoints")]
    assert not checkpoints, f"remove {checkpoints}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_states_goals_and_has_worked_exercises(path):
    if path.stem == ANALYST:
        pytest.skip("the analyst notebook is a tool, not a lesson")
    notebook = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert "Learning goals" in text
    exercises = re.findall(r"^### Exercise (\d+)", text, flags=re.MULTILINE)
    assert exercises, "a tutorial needs exercises"
    solutions = [c for c in notebook.cells if "solution" in c.get("metadata", {}).get("tags", [])]
    assert len(solutions) == len(exercises), "every exercise needs a worked solution"


# A call that draws a chart: a framing.plots function or the frame-mix chart of framing.ml.
CHART_CALL = re.compile(r"\b(?:plots\.(?!with_alt\b)[a-z_]+|plot_frame_mix)\(")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_chart_is_shown_with_alt_text(path):
    notebook = nbformat.read(path, as_version=4)
    charts = [c for c in notebook.cells if c.cell_type == "code" and CHART_CALL.search(c.source)]
    for cell in charts:
        assert "with_alt(" in cell.source, f"a chart without alt text: {cell.source!r}"
        # Shown by the cell's last line, so that Jupyter displays the described image.
        assert "with_alt(" in cell.source.rsplit("\n\n", 1)[-1], cell.source


def test_analyst_notebook_has_its_parameters_cell():
    notebook = nbformat.read(NOTEBOOK_DIR / f"{ANALYST}.ipynb", as_version=4)
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert tagged[0].source.splitlines() == [
        'article_path = "data/articles/lavrov-military-diplomacy.txt"',
        'out_dir = "reports"',
    ]


# -- execution ----------------------------------------------------------------------------


def inject_parameters(notebook, parameters: dict[str, object]) -> None:
    """Insert a cell assigning ``parameters`` after the ``parameters`` cell (as papermill)."""
    from nbformat.v4 import new_code_cell

    index = next(
        i for i, c in enumerate(notebook.cells) if "parameters" in c.metadata.get("tags", [])
    )
    source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    cell = new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    notebook.cells.insert(index + 1, cell)


@dataclass
class Run:
    notebook: nbformat.NotebookNode
    seconds: float
    error: BaseException | None


def execute(name: str, budget: float, parameters: dict[str, object] | None = None) -> Run:
    """Run notebook ``name`` from the repository root within ``budget`` seconds."""
    from nbclient import NotebookClient

    notebook = nbformat.read(NOTEBOOK_DIR / f"{name}.ipynb", as_version=4)
    if parameters:
        inject_parameters(notebook, parameters)
    start = time.monotonic()
    deadline = start + budget
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL["name"],
        resources={"metadata": {"path": str(ROOT)}},
        # One budget for the whole notebook: each cell may use what is left of it.
        timeout_func=lambda cell: max(1, int(deadline - time.monotonic())),
        startup_timeout=int(budget),
    )
    try:
        client.execute()
    except BaseException as error:  # reported by the test that asked for this notebook
        return Run(notebook, time.monotonic() - start, error)
    return Run(notebook, time.monotonic() - start, None)


class Runner:
    """Executes the notebooks the session asks for, several kernels at a time."""

    def __init__(self, names: list[str], analyst_out: Path) -> None:
        self.names = names
        self.analyst_out = analyst_out
        self.pool = ThreadPoolExecutor(
            max_workers=int(os.environ.get("FRAMING_NOTEBOOK_WORKERS", "2")),
            thread_name_prefix="notebook",
        )
        self.futures: dict[str, Future[Run]] = {}
        self.lock = threading.Lock()

    def _submit(self, name: str) -> None:
        if name in self.futures:
            return
        parameters = None
        if name == ANALYST:
            parameters = {"article_path": str(SEED), "out_dir": str(self.analyst_out)}
        budget = BUDGET.get(name, DEFAULT_BUDGET)
        self.futures[name] = self.pool.submit(execute, name, budget, parameters)

    def result(self, name: str) -> Run:
        with self.lock:
            # The first request starts every notebook of the session, slowest first.
            for queued in sorted(self.names, key=lambda n: -BUDGET.get(n, DEFAULT_BUDGET)):
                self._submit(queued)
            self._submit(name)
        return self.futures[name].result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


@pytest.fixture(scope="module")
def runner(request, tmp_path_factory):
    if not _kernel_installed():
        pytest.fail(
            "the Jupyter kernel 'framing' is not installed; run `make install` (or "
            "`.venv/bin/python -m ipykernel install --sys-prefix --name framing "
            '--display-name "Python (framing)"`).'
        )
    wanted = []
    for item in request.session.items:
        if getattr(item, "originalname", None) == "test_notebook_runs":
            wanted.append(item.callspec.params["name"])
        elif getattr(item, "originalname", None) == "test_analyst_report_matches_the_cli":
            wanted.append(ANALYST)
    runs = Runner(list(dict.fromkeys(wanted)), tmp_path_factory.mktemp("analyst") / "out")
    yield runs
    runs.close()


def _kernel_installed() -> bool:
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(KERNEL["name"])
    except NoSuchKernel:
        return False
    return True


def _python_warnings(notebook) -> list[str]:
    found = []
    for number, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and PYTHON_WARNING.search(output.text):
                found.append(f"cell {number}: {output.text.strip()[:300]}")
    return found


def _images_without_alt(notebook) -> list[str]:
    """Outputs that show an image no screen reader can describe: a bare PNG (a figure left
    to the inline backend) or an ``<img>`` without alt text."""
    found = []
    for number, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                found.append(f"cell {number}: a figure shown without plots.with_alt")
            for tag in re.findall(r"<img\b[^>]*>", data.get("text/html", "")):
                if not re.search(r'\balt="[^"]+"', tag):
                    found.append(f"cell {number}: {tag[:80]}")
    return found


def _stderr(notebook) -> list[str]:
    return [
        f"cell {number}: {output.text.strip()[:300]}"
        for number, cell in enumerate(notebook.cells)
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream" and output.get("name") == "stderr"
    ]


# Notebooks whose cells must write nothing to stderr (a pink box in Jupyter); 06 shows
# framing's log messages on purpose.
QUIET = [name for name in TUTORIALS if name != "06_scaling_up"]


@pytest.mark.slow
@pytest.mark.parametrize("name", _names())
def test_notebook_runs(runner, name):
    run = runner.result(name)
    if run.error is not None:
        raise AssertionError(f"{name} failed after {run.seconds:.0f} s:\n{run.error}")
    assert not _python_warnings(run.notebook), _python_warnings(run.notebook)
    assert not _images_without_alt(run.notebook), _images_without_alt(run.notebook)
    if name in QUIET:
        assert not _stderr(run.notebook), _stderr(run.notebook)


@pytest.mark.slow
def test_analyst_report_matches_the_cli(runner, tmp_path):
    from framing.cli import main

    run = runner.result(ANALYST)
    assert run.error is None, f"{ANALYST} failed:\n{run.error}"
    from_notebook = runner.analyst_out
    from_cli = tmp_path / "cli"
    assert main(["report", str(SEED), "--out", str(from_cli)]) == 0

    def files(folder: Path) -> dict[str, bytes]:
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    notebook_files, cli_files = files(from_notebook), files(from_cli)
    assert "lavrov-military-diplomacy/index.html" in cli_files
    assert sorted(notebook_files) == sorted(cli_files)
    different = [name for name in cli_files if notebook_files[name] != cli_files[name]]
    assert not different, f"the notebook's report differs from the CLI's in {different}"

"""The package's shape: stages import only the stages before them, never a private name.

The import graph is read from the source with ``ast`` (every import, at module level or
inside a function), so the rules hold for lazy imports too. The order of the stages is the
flow of data in docs/architecture.md: read -> segment -> analyse -> tables -> present.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "framing"

#: The units of the package, lowest first: a unit may import only itself and units before
#: it. A unit is a subpackage or a top-level module.
ORDER = (
    "errors",
    "article",
    "schema",
    "io",
    "datasets",
    "text",
    "lexicon",
    "loaded",
    "targets",
    "sources",
    "stance",
    "analysis",
    "corpus",
    "ml",
    "display",
    "plots",
    "report",
    "cli",
)

#: The one kind of upward import allowed: a notebook view that Jupyter asks for.
HOOKS = ("_repr_html_",)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def unit_of(module: str) -> str | None:
    """``framing.sources.rows`` -> ``sources``; the root package itself has no unit."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


class Imports(ast.NodeVisitor):
    """Every framing import of one module: (imported module, names, line, in a hook).

    ``eager`` lists the modules imported when the module itself is: at module level and
    not only for type checkers.
    """

    def __init__(self, module: str, is_package: bool) -> None:
        self.module = module
        self.package = module if is_package else module.rpartition(".")[0]
        self.found: list[tuple[str, tuple[str, ...], int, bool]] = []
        self.eager: set[str] = set()
        self.functions: list[str] = []
        self.type_checking = False

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_If(self, node: ast.If) -> None:
        if isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            self.type_checking = True
            for child in node.body:
                self.visit(child)
            self.type_checking = False
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def _add(self, module: str, names: tuple[str, ...], line: int) -> None:
        if module == "framing" or module.startswith("framing."):
            in_hook = any(name in HOOKS for name in self.functions)
            self.found.append((module, names, line, in_hook))
            if not self.functions and not self.type_checking:
                self.eager.add(module)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, (), node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:
            anchor = self.package.split(".")
            anchor = anchor[: len(anchor) - node.level + 1]
            base = ".".join([*anchor, base] if base else anchor)
        names = tuple(alias.name for alias in node.names)
        self._add(base, names, node.lineno)
        # `from framing import display` imports the subpackage framing.display.
        for name in names:
            if (PACKAGE.parent / base.replace(".", "/") / name).is_dir() or (
                PACKAGE.parent / base.replace(".", "/") / f"{name}.py"
            ).is_file():
                self._add(f"{base}.{name}", (), node.lineno)


def graph() -> tuple[dict[str, list], dict[str, set[str]]]:
    """Every import of every module, and the modules each imports eagerly."""
    edges, eager = {}, {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        visitor = Imports(module, path.name == "__init__.py")
        visitor.visit(ast.parse(path.read_text("utf-8")))
        edges[module], eager[module] = visitor.found, visitor.eager
    return edges, eager


def later_stage_imports(edges: dict) -> list[str]:
    wrong = []
    for module, imports in edges.items():
        unit = unit_of(module)
        for imported, _, line, in_hook in imports:
            other = unit_of(imported)
            if unit is None or other is None or in_hook:
                continue
            if ORDER.index(other) > ORDER.index(unit):
                wrong.append(f"{module}:{line} imports {imported} (a later stage)")
    return wrong


def private_imports(edges: dict) -> list[str]:
    wrong = []
    for module, imports in edges.items():
        for imported, names, line, _ in imports:
            if unit_of(imported) == unit_of(module):
                continue
            private = [n for n in names if n.startswith("_")]
            private += [p for p in imported.split(".")[1:] if p.startswith("_")]
            if private:
                wrong.append(f"{module}:{line} imports {private} from {imported}")
    return wrong


def imports_past_a_face(edges: dict) -> list[str]:
    """``framing.sources.find_sources``, not ``framing.sources.find.find_sources``: a
    subpackage's __init__ names what it offers, so its modules can change freely."""
    wrong = []
    for module, imports in edges.items():
        for imported, _, line, _ in imports:
            other = unit_of(imported)
            if other is None or other == unit_of(module):
                continue
            if (PACKAGE / other).is_dir() and imported != f"framing.{other}":
                wrong.append(f"{module}:{line} imports {imported}, not framing.{other}")
    return wrong


def cycles(edges: dict) -> list[list[str]]:
    """The import cycles among modules (hooks aside), each as a path that closes."""
    modules = set(edges)
    following = {
        module: sorted(
            {i for i, _, _, in_hook in imports if i in modules and i != module and not in_hook}
        )
        for module, imports in edges.items()
    }
    found, state = [], {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for nxt in following[module]:
            if state.get(nxt) == "open":
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[module] = "done"

    for module in sorted(modules):
        if module not in state:
            visit(module, [module])
    return found


def longest_chain(eager: dict[str, set[str]]) -> list[str]:
    """The longest path of eager imports (what importing its first module runs), faces
    (``__init__`` modules, which only gather names) left out."""
    modules = set(eager)
    best: dict[str, list[str]] = {}

    def chain(module: str) -> list[str]:
        if module not in best:
            best[module] = []  # an (impossible, see test_no_import_cycles) cycle ends here
            tails = [chain(n) for n in sorted(eager[module] & modules - {module})]
            is_face = (PACKAGE.parent / module.replace(".", "/")).is_dir()
            best[module] = [*([] if is_face else [module]), *max(tails, key=len, default=[])]
        return best[module]

    return max((chain(m) for m in sorted(modules)), key=len)


GRAPH, EAGER = graph()


def test_every_unit_has_its_place_in_the_order():
    units = {unit_of(module) for module in GRAPH} - {None}
    assert units == set(ORDER), "add the new unit to ORDER (and to docs/architecture.md)"


def test_no_stage_imports_a_later_one():
    assert later_stage_imports(GRAPH) == []


def test_no_private_name_crosses_a_unit():
    assert private_imports(GRAPH) == []


def test_other_subpackages_are_reached_through_their_face():
    assert imports_past_a_face(GRAPH) == []


def test_no_import_cycles():
    assert cycles(GRAPH) == []


def test_import_chains_stay_short():
    # The longest chain crosses seven stages (report, corpus, analysis, sources, targets,
    # lexicon, text) in 16 modules; one much longer means modules lean on each other
    # sideways instead of on the stages below.
    chain = longest_chain(EAGER)
    assert len(chain) <= 16, " -> ".join(chain)


def parsed(module: str, source: str) -> list:
    visitor = Imports(module, False)
    visitor.visit(ast.parse(source))
    return visitor.found


def test_the_checks_catch_what_they_look_for():
    planted = {
        "framing.stance.signals": parsed(
            "framing.stance.signals", "from framing.sources.rows import _helper\n"
        ),
        "framing.text.matching": parsed(
            "framing.text.matching", "def f():\n    from framing.report import write_report\n"
        ),
        "framing.analysis": parsed(
            "framing.analysis", "def _repr_html_(self):\n    from framing.display import x\n"
        ),
        "framing.sources.rows": parsed("framing.sources.rows", "import framing.sources.find\n"),
        "framing.sources.find": parsed("framing.sources.find", "import framing.sources.rows\n"),
    }
    assert private_imports(planted) == [
        "framing.stance.signals:1 imports ['_helper'] from framing.sources.rows"
    ]
    assert imports_past_a_face(planted) == [
        "framing.stance.signals:1 imports framing.sources.rows, not framing.sources"
    ]
    assert later_stage_imports(planted) == [
        "framing.text.matching:2 imports framing.report (a later stage)"
    ]
    assert cycles(planted) == [
        ["framing.sources.find", "framing.sources.rows", "framing.sources.find"]
    ]

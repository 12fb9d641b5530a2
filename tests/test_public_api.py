"""The public face: ``framing.__all__``, the subpackages' faces, and every framing name that
the notebooks, the README and the benchmarks use (so a rename cannot break them quietly)."""

from __future__ import annotations

import ast
import importlib
import json
import re
from pathlib import Path

import pytest

import framing

ROOT = Path(__file__).resolve().parents[1]

PUBLIC = {
    "Analysis",
    "Article",
    "Comparison",
    "CorpusAnalysis",
    "DatasetError",
    "DuplicateIdError",
    "FramingError",
    "FramingFeatures",
    "Gazetteer",
    "GazetteerError",
    "Lexicon",
    "LexiconError",
    "ReadError",
    "StanceOptions",
    "StoreError",
    "WorkerError",
    "__version__",
    "analyze",
    "analyze_corpus",
    "compare",
    "read_article",
    "read_articles",
    "write_corpus_report",
    "write_report",
}


def test_all_is_pinned_and_every_name_resolves():
    assert set(framing.__all__) == PUBLIC
    for name in framing.__all__:
        assert getattr(framing, name) is not None, name
    assert sorted(dir(framing)) == sorted(PUBLIC)


def test_every_error_is_a_framing_error():
    for name in ("ReadError", "LexiconError", "GazetteerError", "DuplicateIdError",
                 "StoreError", "DatasetError"):  # fmt: skip
        assert issubclass(getattr(framing, name), framing.FramingError), name
        assert issubclass(getattr(framing, name), ValueError), name


@pytest.mark.parametrize(
    "package",
    [
        "io",
        "text",
        "sources",
        "targets",
        "stance",
        "corpus",
        "display",
        "plots",
        "report",
        "ml",
        "datasets",
    ],
)
def test_each_face_names_only_what_it_has(package):
    module = importlib.import_module(f"framing.{package}")
    assert module.__all__
    for name in module.__all__:
        assert hasattr(module, name), f"framing.{package}.{name}"
        assert not name.startswith("_")


def _code_blocks() -> list[tuple[str, str]]:
    """(where, code) of every notebook code cell, README Python block and benchmark."""
    blocks = []
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for i, cell in enumerate(json.loads(notebook.read_text("utf-8"))["cells"]):
            if cell["cell_type"] == "code":
                code = "".join(cell["source"])
                # IPython magics and shell escapes are not Python.
                code = "\n".join(
                    line for line in code.splitlines() if not line.startswith(("%", "!"))
                )
                blocks.append((f"{notebook.name} cell {i}", code))
    for markdown in (ROOT / "README.md", ROOT / "notebooks" / "README.md"):
        text = markdown.read_text("utf-8")
        for i, code in enumerate(re.findall(r"```python\n(.*?)```", text, re.S)):
            blocks.append((f"{markdown.relative_to(ROOT)} block {i}", code))
    for script in sorted((ROOT / "benchmarks").glob("*.py")):
        blocks.append((script.name, script.read_text("utf-8")))
    return blocks


def _framing_names(code: str) -> set[tuple[str, str]]:
    """(module, name) pairs the code imports from framing or reaches as framing.<dotted>."""
    tree = ast.parse(code)
    used = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("framing"):
            used.update((node.module, alias.name) for alias in node.names)
        elif isinstance(node, ast.Import):
            used.update(
                (alias.name, "") for alias in node.names if alias.name.startswith("framing")
            )
        elif isinstance(node, ast.Attribute):
            parts = []
            value: ast.AST = node
            while isinstance(value, ast.Attribute):
                parts.append(value.attr)
                value = value.value
            if isinstance(value, ast.Name) and value.id == "framing":
                dotted = ["framing", *reversed(parts)]
                used.add((".".join(dotted[:-1]), dotted[-1]))
    return used


BLOCKS = _code_blocks()


def test_the_documents_have_code_to_check():
    assert len(BLOCKS) > 40
    assert any(("framing", "analyze") in _framing_names(code) for _, code in BLOCKS)


@pytest.mark.parametrize(("where", "code"), BLOCKS, ids=[where for where, _ in BLOCKS])
def test_every_framing_name_the_documents_use_exists(where, code):
    for module_name, name in sorted(_framing_names(code)):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            # framing.plots.top_terms reached as an attribute chain: resolve step by step.
            head, _, attribute = module_name.rpartition(".")
            module = getattr(importlib.import_module(head), attribute)
        if name:
            assert hasattr(module, name) or importlib.util.find_spec(f"{module_name}.{name}"), (
                f"{where}: {module_name}.{name} does not exist"
            )
        private = [part for part in [*module_name.split("."), name] if part.startswith("_")]
        assert private in ([], ["__version__"]), f"{where} uses private {module_name}.{name}"

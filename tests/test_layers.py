"""The package's layers, kept by a test: a lower layer never imports a higher one.

* base: errors, formatting, textfiles, sections, data, plotting, workbook (the project file);
* topic modules: models, computations, words and charts, pure: no widgets, no project file;
* notebook layer: forms, editors, resuming, the report, Colab.

The project-file modules use the standard library only, so the file can be read and written
where nothing else is installed yet (the in-browser Python). Build-time code (bookbuild/)
stays outside the package.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "helseinnovasjon"
BASE = {"errors", "formatting", "textfiles", "sections", "data", "plotting", "workbook"}
TOPIC = {
    "barriers",
    "benefits",
    "carelogics",
    "comparison",
    "demand",
    "diffusion",
    "participation",
    "planning",
    "projection",
    "runchart",
    "ssb",
    "stakeholder_maps",
    "stakeholders",
    "statbank",
    "surveys",
}
NOTEBOOK = {"ui", "editors", "resume", "report", "checks", "colab"}
STDLIB_ONLY = {"errors", "formatting", "textfiles", "sections", "workbook"}
WIDGETS = {"ipywidgets", "IPython", "traitlets"}


def _imports(module: str) -> tuple[set[str], set[str]]:
    """(modules of this package, other top-level packages) that ``module`` imports, anywhere in it."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    ours: set[str] = set()
    others: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:
                ours |= {node.module.split(".")[0]} if node.module else {a.name for a in node.names}
            elif node.module and node.module.split(".")[0] == "helseinnovasjon":
                ours |= {a.name for a in node.names}
            elif node.module:
                others.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            others |= {a.name.split(".")[0] for a in node.names}
    return ours, others - {"__future__"}


def test_every_module_has_a_layer():
    modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert modules == BASE | TOPIC | NOTEBOOK, "put a new module in a layer here (and in CONTRIBUTING.md)"


@pytest.mark.parametrize("module", sorted(BASE))
def test_the_base_imports_only_the_base(module):
    ours, others = _imports(module)
    assert ours <= BASE and not others & WIDGETS


@pytest.mark.parametrize("module", sorted(STDLIB_ONLY))
def test_the_project_file_needs_only_the_standard_library(module):
    ours, others = _imports(module)
    assert ours <= STDLIB_ONLY and others <= set(sys.stdlib_module_names)


@pytest.mark.parametrize("module", sorted(TOPIC))
def test_topic_modules_are_pure(module):
    ours, others = _imports(module)
    assert not ours & NOTEBOOK, f"{module} reaches up into the notebook layer: {ours & NOTEBOOK}"
    assert "workbook" not in ours, f"{module} reads or writes the project file: do that in resume/editors"
    assert not others & WIDGETS, f"{module} imports widgets: {others & WIDGETS}"


def test_build_code_is_outside_the_package():
    for module in BASE | TOPIC | NOTEBOOK:
        _ours, others = _imports(module)
        assert not others & {"sphinx", "docutils", "bookbuild", "pybtex", "sphinxcontrib"}, module

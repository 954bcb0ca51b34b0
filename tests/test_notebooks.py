"""Notebooks are stored clean, are listed in the book, and follow the notebook conventions.

(Running them is nbmake's job: `pytest --nbmake` collects every notebook in notebooks/.)
"""

from __future__ import annotations

import json

import pytest

from .conftest import ROOT, toc_files

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_without_outputs(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, "clear outputs before commit"
    assert "widgets" not in notebook.get("metadata", {}), "stored widget state: clear outputs before commit"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_valid_nbformat_with_cell_ids(path):
    """nbformat 4.5: every cell has a unique id (a missing one will become an error in nbformat)."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    ids = [cell.get("id") for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]]
    assert all(ids) and len(set(ids)) == len(ids)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_in_table_of_contents(path):
    assert f"notebooks/{path.stem}" in toc_files()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_follows_the_notebook_conventions(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    first = "".join(notebook["cells"][0]["source"])
    assert first.startswith("# "), "the first cell is the title"
    for marker in ("**Mål:**", "**Tid:**", "**Slik kjører du notatboka:**"):
        assert marker in first
    text = "".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown")
    assert "Oppgave 1" in text, "exercises are numbered"
    # The Colab set-up cell is the one exception: it runs before the package exists (tests/test_colab.py).
    code = [
        "".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code" and c.get("id") != "colab-oppsett"
    ]
    assert all(len(cell.splitlines()) <= 12 for cell in code), "notebooks are thin: logic belongs in the package"
    assert not any("def " in cell or "class " in cell for cell in code), "define functions in the package"

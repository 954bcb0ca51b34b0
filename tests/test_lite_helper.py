"""The package that runs inside the browser at every kernel start (lite/kursbok_nettleser), tested
here in ordinary Python: the Norwegian message for a missing compiled package, and the import path."""

from __future__ import annotations

import importlib.util

from .conftest import ROOT


def _helper():
    spec = importlib.util.spec_from_file_location("kursbok_nettleser", ROOT / "lite/kursbok_nettleser/__init__.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_notebook_folder_moves_to_the_end_of_the_import_path():
    helper = _helper()
    path = ["", "/lib/python314.zip", "/lib/python3.14/lib-dynload", "/lib/python3.14/site-packages"]
    helper.search_notebook_folder_last(path)
    assert path == ["/lib/python314.zip", "/lib/python3.14/lib-dynload", "/lib/python3.14/site-packages", ""]
    helper.search_notebook_folder_last(path)  # twice: the same
    assert path.count("") == 1 and path[-1] == ""
    without = ["/lib/python3.14/site-packages"]
    helper.search_notebook_folder_last(without)
    assert without == ["/lib/python3.14/site-packages"]


def test_a_missing_compiled_package_gets_a_norwegian_message_once_in_full():
    helper = _helper()
    first = helper.message(ModuleNotFoundError("No module named 'pandas'", name="pandas"))
    second = helper.message(ModuleNotFoundError("No module named 'numpy.linalg'", name="numpy.linalg"))
    assert "«pandas»" in first and "Kom i gang" in first and "PYODIDE_DIST" in first
    assert second.startswith("Obs! Pakken «numpy» mangler") and len(second) < len(first)
    assert helper.message(ModuleNotFoundError("No module named 'requests'", name="requests")) is None
    assert helper.message(ValueError("pandas")) is None

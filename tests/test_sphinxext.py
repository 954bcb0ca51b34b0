"""The build extension: cache invalidation on data/package changes, Norwegian reference styles."""

from __future__ import annotations

from helseinnovasjon import bibstyle, sphinxext


def _tree(tmp_path):
    data, package = tmp_path / "data", tmp_path / "pkg"
    data.mkdir()
    package.mkdir()
    (data / "a.csv").write_text("x\n1\n")
    (package / "m.py").write_text("X = 1\n")
    return data, package


def test_digest_changes_with_data_and_package_but_not_otherwise(tmp_path):
    data, package = _tree(tmp_path)
    first = sphinxext.inputs_digest(data, package)
    assert sphinxext.inputs_digest(data, package) == first
    (data / "a.csv").write_text("x\n2\n")
    second = sphinxext.inputs_digest(data, package)
    assert second != first
    (package / "m.py").write_text("X = 2\n")
    assert sphinxext.inputs_digest(data, package) != second


def test_stale_cache_is_emptied_once_and_fresh_cache_kept(tmp_path):
    cache = tmp_path / "cache"
    assert sphinxext.invalidate_stale_cache(cache, "aaa") is False  # first build: nothing to empty
    (cache / "executed.ipynb").write_text("{}")
    assert sphinxext.invalidate_stale_cache(cache, "aaa") is False
    assert (cache / "executed.ipynb").exists()
    assert sphinxext.invalidate_stale_cache(cache, "bbb") is True  # data changed
    assert not (cache / "executed.ipynb").exists()
    assert (cache / sphinxext.STAMP).read_text() == "bbb"


def test_norwegian_reference_styles_are_registered():
    import pybtex.plugin
    import sphinxcontrib.bibtex.plugin

    bibstyle.register()
    bibstyle.register()  # idempotent
    assert pybtex.plugin.find_plugin("pybtex.style.formatting", "norsk") is bibstyle.NorwegianStyle
    style = sphinxcontrib.bibtex.plugin.find_plugin("sphinxcontrib.bibtex.style.referencing", "forfatter_aar")()
    assert style.person.sep2 == " og " and style.person.other == " mfl."


def test_execution_cache_dir_follows_myst_nb(tmp_path):
    assert sphinxext.execution_cache_dir("", tmp_path, tmp_path / "_build/html") == (tmp_path / "_build/.jupyter_cache")
    assert sphinxext.execution_cache_dir("cache", tmp_path, tmp_path / "x") == (tmp_path / "cache")

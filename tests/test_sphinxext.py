"""The build extension: cache invalidation on data/package changes, Norwegian reference styles."""

from __future__ import annotations

from bookbuild import bibstyle, sphinxext

from .conftest import ROOT


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


def test_course_plan_problems_name_line_week_and_fix():
    import pandas as pd

    plan = pd.DataFrame(
        {
            "uke": [36, 39, 39, 43],
            "tema": ["A", "B", "B", "C"],
            "type": ["les", "kjør", "oppgave", "kjør"],
            "ref": ["book/samskaping", "notebooks/finnes-ikke", "oppg-feil", "book/samskaping"],
        }
    )
    problems = sphinxext.plan_problems(plan, docs={"book/samskaping"}, labels={"oppg-sju-faktorer"})
    assert problems[0].startswith("datasets/kursplan.csv, linje 3 (uke 39): «notebooks/finnes-ikke» finnes ikke")
    assert "oppgaven «oppg-feil» finnes ikke" in problems[1] and ":label:" in problems[1]
    assert "«book/samskaping» er ikke en notatbok" in problems[2]
    assert len(problems) == 3


def test_the_shipped_course_plan_is_complete():
    from helseinnovasjon import data

    plan = data.load_table(sphinxext.PLAN_TABLE)
    assert set(plan["type"]) == {"les", "kjør", "oppgave"}
    assert plan["uke"].drop_duplicates().tolist() == [36, 39, 43, 50, 4, 8, 11, 15, 20]  # VGR's course weeks


def test_bibliography_writes_and_others_as_mfl():
    from pybtex.database import parse_string

    bib = parse_string(
        """
        @article{a, author = {Teigen, Sønneve and Førland, Oddvar and others}, title = {T}, journal = {J}, year = {2015}}
        @article{b, author = {Mitchell, Ronald and Agle, Bradley and Wood, Donna}, title = {T}, journal = {J}, year = {1997}}
    """,
        "bibtex",
    )
    style = bibstyle.NorwegianStyle()
    text = {e.key: e.text.render_as("text") for e in style.format_entries(bib.entries.values())}
    assert text["a"].startswith("Sønneve Teigen, Oddvar Førland mfl.")
    assert "others" not in text["a"] and " og " not in text["a"]
    assert text["b"].startswith("Ronald Mitchell, Bradley Agle og Donna Wood.")


def test_the_quick_latex_decoding_gives_latexcodecs_text_for_every_field_and_name_of_the_bibliography():
    import codecs

    import latexcodec  # noqa: F401
    import pybtex.database

    database = pybtex.database.parse_file(str(ROOT / "references.bib"))
    texts = [value for entry in database.entries.values() for value in entry.fields.values()]
    texts += [
        part
        for entry in database.entries.values()
        for persons in entry.persons.values()
        for person in persons
        for part in (*person.first_names, *person.middle_names, *person.prelast_names, *person.last_names)
    ]
    texts += ["a--b", "``sitat''", "100 %", "x~y", "to  mellomrom", "linje\nskift", r"Sj{\o}lie", "{NOU}"]
    assert len(texts) > 2000
    for text in texts:
        assert bibstyle.decode_latex(text) == codecs.decode(text, "ulatex"), text

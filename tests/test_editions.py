"""Two editions from one source: the student site carries no solution text."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import build_edition

from bookbuild.sphinxext import SOLUTION_BLOCK

SOLUTIONS = sorted(ROOT.glob("book/*.md"))


def _solution_sentences() -> list[str]:
    """The first sentence of every solution in the chapters."""
    sentences = []
    for path in SOLUTIONS:
        for body in re.findall(
            r":::\{solution\}[^\n]*\n(?::[^\n]*\n)*\n(.*?)\n:::", path.read_text(encoding="utf-8"), re.S
        ):
            sentence = body.strip().split(". ")[0][:60]
            if not re.search(r"[{}`*\[\]<>«»_]", sentence):  # plain text: shown verbatim in the teacher edition
                sentences.append(sentence)
    return sentences


def _solution_texts() -> list[str]:
    """Every line of every solution (chapters) and of every notebook cell tagged «losning»,
    long enough to be distinctive, as it would appear in any file of a site."""
    texts = []
    for path in SOLUTIONS:
        source = path.read_text(encoding="utf-8")
        for block in SOLUTION_BLOCK.finditer(source):
            texts += [line.strip() for line in block.group(0).splitlines()[1:-1]]
    for path in sorted(ROOT.glob("notebooks/*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if "losning" in cell.get("metadata", {}).get("tags", []):
                texts += [line.strip() for line in "".join(cell["source"]).splitlines()]
    return sorted({t[:50] for t in texts if len(t) >= 30 and not t.startswith(":")})


def test_edition_config_only_changes_solutions_and_title():
    config = {"title": "Bok", "sphinx": {"config": {"language": "no"}}}
    student = build_edition.edition_config(config, "student")
    assert student["sphinx"]["config"] == {"language": "no", "hide_solutions": True}
    assert student["title"] == "Bok (studentutgave)"
    assert build_edition.edition_config(config, "teacher")["sphinx"]["config"]["hide_solutions"] is False
    assert config == {"title": "Bok", "sphinx": {"config": {"language": "no"}}}  # input untouched
    with pytest.raises(SystemExit, match="Ukjent utgave"):
        build_edition.edition_config(config, "rektor")


@pytest.mark.site
def test_student_site_has_no_solution_text(built_site):
    sentences = _solution_sentences()
    assert len(sentences) >= 6
    teacher_text = "".join(p.read_text(encoding="utf-8") for p in built_site.glob("book/*.html"))
    assert all(s in teacher_text for s in sentences), "the teacher edition shows the solutions"

    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts/build_edition.py"), "student"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    site = ROOT / "_build/student/_build/html"
    student_text = "".join(p.read_text(encoding="utf-8") for p in site.glob("**/*.html"))
    student_text += (site / "searchindex.js").read_text(encoding="utf-8")
    leaked = [s for s in sentences if s in student_text]
    assert leaked == []
    # Notebook cells tagged «losning» are in the teacher site and not in the student site.
    marker = "Løsningsforslag til oppgave 1"
    assert marker in (built_site / "notebooks/ubalansen-i-tall.html").read_text(encoding="utf-8")
    assert marker not in (site / "notebooks/ubalansen-i-tall.html").read_text(encoding="utf-8")
    assert "studentutgave" in (site / "book/om-kurset.html").read_text(encoding="utf-8")

    # Issue 21: no file of the student site (pages, _sources, downloads, search index, objects.inv
    # as text) holds any solution text; its downloads are the student notebooks.
    texts = _solution_texts()
    assert len(texts) >= 20
    hits = []
    for path in site.rglob("*"):
        if path.is_file():
            content = path.read_bytes().decode("utf-8", errors="ignore")
            hits += [f"{path.relative_to(site)}: {t}" for t in texts if t in content]
    assert hits == []
    assert (site / "_sources/notebooks/ubalansen-i-tall.ipynb").exists()  # the download still works
    for page in build_edition.TEACHER_ONLY:
        assert not (site / f"{page}.html").exists()


def test_student_toc_leaves_out_teacher_pages():
    toc = {
        "root": "book/index",
        "parts": [
            {
                "chapters": [
                    {"file": "book/for-laerere", "sections": [{"file": "book/laererveiledning"}]},
                    {"file": "book/laererveiledning"},
                ]
            }
        ],
    }
    student = build_edition.edition_toc(toc, "student")
    assert student["parts"][0]["chapters"] == [{"file": "book/for-laerere"}]
    assert build_edition.edition_toc(toc, "teacher") == toc

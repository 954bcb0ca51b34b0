"""Two editions from one source: the student site carries no solution text."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import build_edition  # noqa: E402

SOLUTIONS = sorted(ROOT.glob("book/*.md"))


def _solution_sentences() -> list[str]:
    """The first sentence of every solution in the chapters."""
    sentences = []
    for path in SOLUTIONS:
        for body in re.findall(r":::\{solution\}[^\n]*\n(?::[^\n]*\n)*\n(.*?)\n:::", path.read_text(encoding="utf-8"), re.S):
            sentences.append(body.strip().split(". ")[0][:60])
    return sentences


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

    done = subprocess.run([sys.executable, str(ROOT / "scripts/build_edition.py"), "student"], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
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

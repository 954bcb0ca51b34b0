"""The project file's sections: one registry, old files upgraded without loss, notebooks name known sections.

The fixtures in tests/fixtures/prosjektfiler are project files as each version of the book wrote
them, made by running that version's own code on the same inputs (versjon-1.json before the
registry; versjon-2.json after; versjon-0.json is the first drafts' layout, sections at the top).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from helseinnovasjon import planning, report, resume, sections, surveys, workbook

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "prosjektfiler"
OLD = ["versjon-0.json", "versjon-1.json"]


def _current() -> dict:
    return json.loads((FIXTURES / "versjon-2.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", OLD)
def test_an_old_project_file_opens_as_the_current_code_would_have_written_it(name):
    project = workbook.load(FIXTURES / name)
    current = _current()
    assert project["versjon"] == sections.VERSION == current["versjon"]
    assert project["seksjoner"] == current["seksjoner"]


@pytest.mark.parametrize("name", OLD)
def test_an_old_file_saves_without_loss_and_keeps_the_original_as_backup(tmp_path, name):
    path = tmp_path / workbook.FILE_NAME
    shutil.copy(FIXTURES / name, path)
    workbook.save(workbook.load(path), path)
    assert json.loads(path.read_text(encoding="utf-8"))["seksjoner"] == _current()["seksjoner"]
    assert (tmp_path / f"{workbook.FILE_NAME}.bak").read_bytes() == (FIXTURES / name).read_bytes()


def test_every_notebook_resumes_from_an_upgraded_old_file(tmp_path):
    path = tmp_path / workbook.FILE_NAME
    shutil.copy(FIXTURES / "versjon-1.json", path)
    values, line = resume.plan(path)
    assert "planen" in line and values["plan"]["status_2"] == "I gang"
    assert values["plan"]["neste_2"] == "Intervjue nattevaktene"
    assert values["behov"]["title"] == planning.EXAMPLE["behov"]["title"]
    answers, line = resume.self_assessment(path)
    assert line.startswith("Glidebryterne starter med din forrige vurdering") and set(answers) == set(
        surveys.slider_labels()
    )
    (_table, name), line = resume.measurements(path)
    assert name == "Fall per uke" and line.startswith("Hentet 12 målinger")
    (_title, ratings), line = resume.barrier_ratings(path)
    assert line.startswith("Hentet vurderingen din") and ratings
    items, line = resume.stakeholders(path=path)
    assert line.startswith(f"Hentet {len(items)} interessenter") and items


def test_a_reworded_label_cannot_lose_a_saved_plan(monkeypatch, tmp_path):
    path = tmp_path / workbook.FILE_NAME
    plan = planning.stage_plan(status_1="Ferdig", status_3="I gang", neste_3="Prøve ut hos tre")
    workbook.save(workbook.with_section(workbook.new_project(), sections.PLAN, plan.record(), "Behov og plan"), path)
    monkeypatch.setattr(planning, "STAGES", [f"Nytt navn {n}" for n in range(1, 6)])
    monkeypatch.setattr(planning, "STATUSES", ["Ikke begynt", "Pågår", "Ferdig"])
    monkeypatch.setattr(
        planning, "STATUS_CODES", {"Ikke begynt": "ikke_startet", "Pågår": "i_gang", "Ferdig": "ferdig"}
    )
    values, _line = resume.plan(path)
    assert values["plan"]["status_1"] == "Ferdig" and values["plan"]["status_3"] == "Pågår"
    assert values["plan"]["neste_3"] == "Prøve ut hos tre"


def test_the_registry_defines_each_section_once_and_the_report_follows_it():
    assert list(workbook.SECTIONS) == list(sections.SECTIONS) == list(report.FILLED_BY)
    for key, section in sections.SECTIONS.items():
        assert key == section.key and re.fullmatch(r"[a-z_]+", key) and section.title and section.notebooks
    assert sections.LAERING.filled_by == "notatboka «Kjøreark» (kapittel 3)"
    assert sections.UBALANSE.filled_by == "notatbøkene «Scenarioutforsker» og «Din kommune»"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ({"tekst": "x", "tall": {"tegn_på_endring": True}}, "ASCII snake_case"),
        ({"tekst": "x", "tall": {"rader": [{"antall svar": 3}]}}, "ASCII snake_case"),
        ({"tekst": "x", "tall": {"Sortering": []}}, "unknown data keys"),  # VERDIER declares its keys
        ({"tekst": "x", "tall": [1, 2]}, "must be an object"),
    ],
)
def test_content_that_breaks_the_section_definition_is_refused_before_anything_is_written(content, problem):
    section = sections.VERDIER if "Sortering" in str(content) else sections.LAERING
    with pytest.raises(ValueError, match=problem):
        workbook.with_section(workbook.new_project(), section, content, "Kjøreark")


def test_an_unknown_section_name_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown project-file section 'laring'"):
        workbook.with_section(workbook.new_project(), "laring", {"tekst": "x"}, "Kjøreark")


def _code(notebook: Path) -> str:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


@pytest.mark.parametrize("notebook", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.stem)
def test_notebooks_name_sections_through_the_registry(notebook):
    code = _code(notebook)
    for name in re.findall(r"\bsections\.([A-Za-z_]+)", code):
        assert isinstance(getattr(sections, name, None), sections.Section), f"{notebook.name}: sections.{name}"
    literal = re.findall(r"save=\(\s*[\"']([^\"']+)[\"']", code)
    assert literal == [], f"{notebook.name} names sections as text {literal}: use sections.<NAME>"
    for key in re.findall(r"workbook\.(?:saved|saved_line|with_section)\([^,]+,\s*[\"']([^\"']+)[\"']", code):
        assert key in sections.SECTIONS, f"{notebook.name}: unknown section {key!r}"

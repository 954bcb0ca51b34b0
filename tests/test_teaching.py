"""Assignment bundles: one command from «uke 36» to a zip of student notebooks that run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest

from bookbuild import teaching
from helseinnovasjon import data
from helseinnovasjon.errors import InputError

from .conftest import ROOT


def test_student_notebook_drops_solutions_outputs_and_widget_state():
    notebook = {
        "metadata": {"widgets": {"state": {}}},
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "Oppgave 1"},
            {
                "cell_type": "code",
                "metadata": {"tags": ["losning"]},
                "source": "svar = 42",
                "outputs": [],
                "execution_count": 3,
            },
            {
                "cell_type": "code",
                "metadata": {},
                "source": "1 + 1",
                "execution_count": 4,
                "outputs": [{"output_type": "execute_result", "data": {"text/plain": "2"}}],
            },
        ],
    }
    student = teaching.student_notebook(notebook)
    assert [c["source"] for c in student["cells"]] == ["Oppgave 1", "1 + 1"]
    assert student["cells"][1]["outputs"] == [] and student["cells"][1]["execution_count"] is None
    assert "widgets" not in student["metadata"]
    assert len(notebook["cells"]) == 3  # the original is untouched


@pytest.mark.parametrize("week", ["36", 36, "uke 36", "v.36"])
def test_week_is_understood_in_the_ways_teachers_write_it(week):
    rows = teaching.week_plan(data.load_table("kursplan"), week)
    assert set(rows["uke"]) == {36}


def test_unknown_week_lists_the_weeks_there_are():
    with pytest.raises(InputError, match="ingen uke «99».*36, 39, 43"):
        teaching.week_plan(data.load_table("kursplan"), "99")


def test_instructions_name_the_notebooks_and_exercises():
    text = teaching.instructions(teaching.week_plan(data.load_table("kursplan"), 36))
    assert text.startswith("# Uke 36: Oppstart: hvorfor innovasjon?")
    assert "`din-kommune.ipynb`" in text and "oppg-tiltak-scenario" in text and "Personvern" in text
    assert "Start kursboka (Windows).cmd" in text and "requirements-run.txt" in text and "python3" not in text


@pytest.mark.slow
def test_bundle_for_week_36_unpacks_and_runs_on_its_own(tmp_path):
    archive = teaching.make_bundle("36", tmp_path)
    assert archive.name == "uke-36.zip"
    with zipfile.ZipFile(archive) as bundle:
        names = bundle.namelist()
        bundle.extractall(tmp_path)
    root = tmp_path / "uke-36"
    assert {
        "uke-36/LES-MEG.md",
        "uke-36/requirements-run.txt",
        "uke-36/start/kursboka.py",
        "uke-36/helseinnovasjon/datasets/datapackage.json",
        "uke-36/helseinnovasjon/projection.py",
        "uke-36/book/quiz/hvorfor-innovasjon.json",
    } <= set(names)
    notebooks = sorted(p.name for p in (root / "notebooks").glob("*.ipynb"))
    assert notebooks == [
        "behov-og-plan.ipynb",
        "din-kommune.ipynb",
        "hvem-bruker-timene.ipynb",
        "prosjektfilen.ipynb",
        "scenarioutforsker.ipynb",
        "ubalansen-i-tall.ipynb",
    ]
    for path in (root / "notebooks").glob("*.ipynb"):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        assert all(c.get("outputs", []) == [] for c in cells)
        assert not any("losning" in c.get("metadata", {}).get("tags", []) for c in cells)
    # The bundle's own package and data are used, not the repository's.
    env = {**os.environ, "PYTHONPATH": str(root)}
    where = subprocess.run(
        [sys.executable, "-c", "import helseinnovasjon.data as d; print(d.DATA_DIR)"],
        cwd=root / "notebooks",
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip() == str(root / "helseinnovasjon" / "datasets")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbmake", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "notebooks"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    assert "6 passed" in run.stdout


def test_bundle_command_reports_unknown_week_in_norwegian():
    done = subprocess.run([sys.executable, str(ROOT / "scripts/bundle.py"), "99"], capture_output=True, text=True)
    assert done.returncode == 1 and "Fant ikke uka" in done.stderr

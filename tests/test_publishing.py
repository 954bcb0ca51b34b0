"""The publishing workflow tests before it deploys, and publishes the student edition unless told otherwise."""

from __future__ import annotations

from pathlib import Path

import yaml

WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "publiser.yml"


def _steps() -> list[dict]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["bygg"]["steps"]


def test_the_tests_run_before_the_site_is_built_for_publishing_and_uploaded():
    runs = [step.get("run", "") + step.get("uses", "") for step in _steps()]
    test = next(i for i, run in enumerate(runs) if run.strip() == "make test")
    build = next(i for i, run in enumerate(runs) if "make html-student" in run)
    upload = next(i for i, run in enumerate(runs) if "upload-pages-artifact" in run)
    pyodide = next(i for i, run in enumerate(runs) if "PYODIDE_DIST=" in run)
    assert pyodide < test < build < upload  # the full in-browser test runs inside make test


def test_the_student_edition_is_the_default_and_a_setting_switches_to_the_teacher_edition():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["env"]["UTGAVE"] == "${{ inputs.utgave || vars.KURSBOK_UTGAVE || 'student' }}"
    choice = workflow[True]["workflow_dispatch"]["inputs"]["utgave"]  # YAML reads the key «on» as True
    assert choice["default"] == "student" and set(choice["options"]) == {"student", "laerer"}
    script = next(step["run"] for step in _steps() if "make html-student" in step.get("run", ""))
    assert "SITE=_build/student/_build/html" in script and "SITE=_build/html" in script
    upload = next(step for step in _steps() if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["with"]["path"] == "${{ env.SITE }}"

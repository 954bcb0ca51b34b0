"""The Colab set-up cell and the Google Drive option, tested with a stand-in ``google.colab`` module."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from helseinnovasjon import colab, workbook

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("colab_cell", ROOT / "scripts" / "colab_cell.py")
colab_cell = importlib.util.module_from_spec(spec)
spec.loader.exec_module(colab_cell)


@pytest.fixture
def fake_colab(monkeypatch, tmp_path):
    """A stand-in for Colab's ``google.colab`` package, with ``drive.mount`` making a folder."""
    mounted = []
    google, package, drive = (types.ModuleType(n) for n in ("google", "google.colab", "google.colab.drive"))
    drive.mount = lambda where: (mounted.append(where), (tmp_path / "drive" / "MyDrive").mkdir(parents=True))
    package.drive, google.colab = drive, package
    monkeypatch.setitem(sys.modules, "google", google)
    monkeypatch.setitem(sys.modules, "google.colab", package)
    monkeypatch.setitem(sys.modules, "google.colab.drive", drive)
    return mounted


def _run_cell(monkeypatch, returncode=0):
    calls = []
    monkeypatch.setattr(
        subprocess, "run", lambda args, **kw: (calls.append(args), types.SimpleNamespace(returncode=returncode))[1]
    )
    exec(colab_cell.cell_source(), {})
    return calls


@pytest.mark.parametrize("notebook", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.stem)
def test_every_notebook_has_the_current_colab_cell_under_its_title_hidden_on_the_website(notebook):
    title, setup, *rest = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    assert title["cell_type"] == "markdown" and setup == colab_cell.cell(), "run: python scripts/colab_cell.py"
    assert "remove-cell" in setup["metadata"]["tags"]
    assert not any(c["cell_type"] == "code" and c.get("id") == colab_cell.CELL_ID for c in rest)


def test_outside_colab_the_cell_does_nothing(monkeypatch, capsys):
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    assert _run_cell(monkeypatch) == [] and capsys.readouterr().out == ""


def test_in_colab_the_cell_installs_the_package_from_the_configured_repository(fake_colab, monkeypatch, capsys):
    calls = _run_cell(monkeypatch)
    assert calls == [
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "helseinnovasjon @ git+https://github.com/helseinnovasjon/kursbok@main",
        ]
    ]
    out = capsys.readouterr().out
    assert "kurspakken er installert" in out and "midlertidig maskin hos Google" in out
    assert "colab.use_google_drive()" in out


def test_in_colab_a_failed_install_says_what_to_do(fake_colab, monkeypatch, capsys):
    _run_cell(monkeypatch, returncode=1)
    out = capsys.readouterr().out
    assert "kunne ikke installeres" in out and "Kjør i nettleseren" in out and "Traceback" not in out


def test_the_cell_follows_the_repository_in_config(tmp_path):
    config = tmp_path / "_config.yml"
    config.write_text("repository:\n  url: https://github.com/vid/kursbok/\n  branch: host-2027\n", encoding="utf-8")
    assert '"helseinnovasjon @ git+https://github.com/vid/kursbok@host-2027"' in colab_cell.cell_source(config)


def test_google_drive_keeps_the_project_file_and_brings_what_was_saved(fake_colab, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(colab, "DRIVE", tmp_path / "drive")
    monkeypatch.setattr(colab, "FOLDER", tmp_path / "drive" / "MyDrive" / "Kursboka")
    monkeypatch.delenv(workbook.ENV_PATH, raising=False)
    monkeypatch.chdir(tmp_path)
    workbook.save(workbook.new_project("Nattilsyn"), tmp_path / workbook.FILE_NAME)
    target = colab.use_google_drive()
    assert fake_colab == [str(tmp_path / "drive")]
    assert workbook.default_path() == target == tmp_path / "drive" / "MyDrive" / "Kursboka" / workbook.FILE_NAME
    assert workbook.load()["tittel"] == "Nattilsyn"
    assert colab.PRIVACY in capsys.readouterr().out


def test_google_drive_outside_colab_only_says_it_is_not_needed(monkeypatch, capsys):
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    assert colab.use_google_drive() is None and "bare i Google Colab" in capsys.readouterr().out

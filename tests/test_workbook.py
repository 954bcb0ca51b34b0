"""The participant's project file: atomic saves with a backup, and files that cannot be
read are explained in Norwegian and never changed."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from helseinnovasjon import workbook
from helseinnovasjon.errors import InputError

NOW = datetime(2026, 11, 23, 10, 15)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "prosjekt" / workbook.FILE_NAME


def _saved(path, key="ubalanse", text="Behovet vokser med 24 %."):
    project = workbook.with_section(
        workbook.load(path), key, {"tekst": text, "tall": {"verdier": [1, 2]}}, "Din kommune", NOW
    )
    return workbook.save(project, path)


def test_a_missing_file_is_a_new_project_and_nothing_is_written(path):
    assert workbook.load(path) == workbook.new_project()
    assert not path.exists()


def test_save_and_resume_mid_course(path):
    _saved(path)
    _saved(path, "laering", "Nattevaktene bruker mye tid på å lete etter utstyr.")
    project = workbook.load(path)  # as a new notebook session would
    assert set(project["seksjoner"]) == {"ubalanse", "laering"}
    assert project["seksjoner"]["ubalanse"] == {
        "lagret": "2026-11-23T10:15",
        "fra": "Din kommune",
        "innhold": {"tekst": "Behovet vokser med 24 %.", "tall": {"verdier": [1, 2]}},
    }
    assert json.loads(path.read_text(encoding="utf-8"))["versjon"] == workbook.SCHEMA_VERSION


def test_every_save_keeps_the_previous_version(path):
    _saved(path, text="Første versjon")
    _saved(path, text="Andre versjon")
    backup = json.loads(path.with_name(path.name + ".bak").read_text(encoding="utf-8"))
    assert backup["seksjoner"]["ubalanse"]["innhold"]["tekst"] == "Første versjon"
    assert workbook.load(path)["seksjoner"]["ubalanse"]["innhold"]["tekst"] == "Andre versjon"


def test_a_crash_during_save_leaves_the_old_file_whole(path, monkeypatch):
    _saved(path, text="Det som var lagret")
    before = path.read_bytes()

    def crash(*_args):
        raise OSError("strømmen gikk")

    monkeypatch.setattr(workbook.os, "replace", crash)
    with pytest.raises(OSError):
        _saved(path, text="Halvveis")
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.suffix == ".tmp"] == []


def test_read_only_folder_gives_norwegian_message_and_keeps_the_file(path, monkeypatch):
    _saved(path)
    before = path.read_bytes()

    def refuse(*_args, **_kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr(workbook.tempfile, "NamedTemporaryFile", refuse)
    with pytest.raises(InputError, match="skrivebeskyttet") as excinfo:
        _saved(path, text="Nytt")
    assert "ikke borte" in str(excinfo.value)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "prosjektfilen er tom"),
        ("   \n", "prosjektfilen er tom"),
        ('{"versjon": 1, "seksjoner": {', r"kan ikke leses \(feil på linje 1"),
        ("[1, 2, 3]", "feil form"),
        ('{"versjon": 1, "seksjoner": []}', "«seksjoner» i prosjektfilen har feil form"),
        ('{"versjon": 1, "tittel": 7, "seksjoner": {}}', "tittelen"),
        ('{"versjon": 1, "seksjoner": {"behov": {"innhold": [1]}}}', "seksjonen «behov»"),
        ('{"versjon": "én", "seksjoner": {}}', "ikke et tall"),
        ('{"versjon": 99, "seksjoner": {}}', "nyere versjon av kursboka"),
    ],
)
def test_files_that_cannot_be_used_are_explained_and_left_alone(path, content, expected):
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    stamp = path.stat().st_mtime_ns
    with pytest.raises(InputError, match=expected) as excinfo:
        workbook.load(path)
    assert "ikke endret" in str(excinfo.value)
    assert path.read_text(encoding="utf-8") == content and path.stat().st_mtime_ns == stamp


def test_unknown_keys_are_kept(path):
    path.parent.mkdir(parents=True)
    path.write_text(
        json.dumps(
            {
                "versjon": 1,
                "tittel": "Digitalt tilsyn",
                "laerer": "Kari",
                "seksjoner": {"fremtidig": {"innhold": {"x": 1}}},
            }
        ),
        encoding="utf-8",
    )
    _saved(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["laerer"] == "Kari" and saved["seksjoner"]["fremtidig"] == {"innhold": {"x": 1}}
    assert saved["tittel"] == "Digitalt tilsyn"


def test_older_version_is_migrated(path):
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"behov": {"innhold": {"tekst": "Gammelt"}}}), encoding="utf-8")
    project = workbook.load(path)
    assert (
        project["versjon"] == workbook.SCHEMA_VERSION and project["seksjoner"]["behov"]["innhold"]["tekst"] == "Gammelt"
    )


def test_with_section_is_pure_and_refuses_what_json_cannot_hold():
    project = workbook.new_project()
    changed = workbook.with_section(project, "plan", {"tekst": "Steg 1"}, "Plan", NOW)
    assert project["seksjoner"] == {} and changed["seksjoner"]["plan"]["fra"] == "Plan"
    with pytest.raises(TypeError):
        workbook.with_section(project, "plan", {"tekst": object()}, "Plan", NOW)
    with pytest.raises(ValueError):
        workbook.with_section(project, "ukjent", {}, "Plan", NOW)


def test_section_summary_shows_what_would_be_overwritten():
    project = workbook.with_section(
        workbook.new_project(), "ubalanse", {"tekst": "Behovet vokser."}, "Din kommune", NOW
    )
    assert workbook.section_summary(project, "ubalanse") == (
        "Lagret 23.11.2026 kl. 10.15 fra «Din kommune»: Behovet vokser."
    )
    assert workbook.section_summary(project, "plan") is None


def test_default_path_can_be_chosen(monkeypatch, tmp_path):
    monkeypatch.setenv(workbook.ENV_PATH, str(tmp_path / "annet.json"))
    assert workbook.default_path() == tmp_path / "annet.json"
    monkeypatch.delenv(workbook.ENV_PATH)
    assert workbook.default_path() == tmp_path.cwd() / workbook.FILE_NAME


def test_norwegian_letters_are_stored_readably(path):
    _saved(path, text="Pårørende får økt ansvar")
    assert "Pårørende får økt ansvar" in path.read_text(encoding="utf-8")


def test_saved_gives_a_sections_content_or_nothing():
    project = workbook.with_section(workbook.new_project(), "plan", {"tekst": "To av fem steg."}, "Behov og plan")
    assert workbook.saved(project, "plan") == {"tekst": "To av fem steg."}
    assert workbook.saved(project, "behov") == {}


def test_a_project_file_saved_as_windows_1252_reads_right_and_the_next_save_is_utf8(tmp_path):
    # Bug from issue 17: Latin-1/Windows-1252 came back as «P�r�rende», and the next save made it permanent.
    path = tmp_path / "mitt-prosjekt.json"
    path.write_bytes('{"versjon": 1, "tittel": "Pårørendeskole", "seksjoner": {}}'.encode("cp1252"))
    project = workbook.load(path)
    assert project["tittel"] == "Pårørendeskole"
    workbook.save(project, path)
    assert json.loads(path.read_text(encoding="utf-8"))["tittel"] == "Pårørendeskole"
    assert (
        tmp_path / "mitt-prosjekt.json.bak"
    ).read_bytes() == '{"versjon": 1, "tittel": "Pårørendeskole", "seksjoner": {}}'.encode("cp1252")


def test_a_project_file_in_no_known_encoding_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "mitt-prosjekt.json"
    raw = b'{"versjon": 1, "tittel": "P\x81r\x8drende", "seksjoner": {}}'  # undefined in UTF-8 and Windows-1252
    path.write_bytes(raw)
    with pytest.raises(InputError, match="tegn som ikke kan leses"):
        workbook.load(path)
    assert path.read_bytes() == raw and not (tmp_path / "mitt-prosjekt.json.bak").exists()


def test_where_the_project_file_lives_without_a_path(monkeypatch, tmp_path):
    monkeypatch.delenv(workbook.ENV_PATH, raising=False)
    monkeypatch.chdir(tmp_path)
    assert workbook.default_path() == tmp_path / "mitt-prosjekt.json"  # Jupyter, Binder, Colab: next to the notebook
    monkeypatch.setattr(workbook.sys, "platform", "emscripten")
    assert workbook.default_path() == workbook.BROWSER_PATH == Path("/drive/mitt-prosjekt.json")  # JupyterLite
    monkeypatch.setenv(workbook.ENV_PATH, str(tmp_path / "hub" / "prosjekt.json"))
    assert workbook.default_path() == tmp_path / "hub" / "prosjekt.json"  # set explicitly: always wins


def _upload(tools, raw: bytes, name: str = "mitt-prosjekt.json") -> None:
    tools.upload.value = (
        {
            "name": name,
            "type": "application/json",
            "size": len(raw),
            "content": memoryview(raw),
            "last_modified": datetime(2026, 11, 27),
        },
    )


def test_download_link_holds_the_file_as_saved(path):
    import base64
    import re

    from helseinnovasjon import ui

    _saved(path, text="Æøå i teksten")
    tools = ui.ProjectFileTools(path=path)
    tools.download.click()
    encoded = re.search(r'href="data:application/json;base64,([^"]+)"', tools.link.value).group(1)
    assert base64.b64decode(encoded) == path.read_bytes()
    assert 'download="mitt-prosjekt.json"' in tools.link.value and "1 av 12 deler er fylt ut" in tools.link.value


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"not json at all", "kan ikke leses"),
        (b'{"versjon": 99, "seksjoner": {}}', "nyere versjon av kursboka"),
        (b"", "prosjektfilen er tom"),
        (b'{"versjon": 1, "tittel": "P\x81r", "seksjoner": {}}', "tegn som ikke kan leses"),
    ],
)
def test_an_unusable_upload_gives_one_message_and_replaces_nothing(path, raw, problem):
    from helseinnovasjon import ui

    _saved(path)
    before = path.read_bytes()
    tools = ui.ProjectFileTools(path=path)
    _upload(tools, raw)
    assert problem in tools.status.value and "ikke endret" in tools.status.value
    assert tools.confirm.layout.display == "none" and path.read_bytes() == before
    assert not path.with_name(path.name + ".bak").exists()


def test_an_upload_replaces_the_project_only_after_yes_and_keeps_the_old_one(path, tmp_path):
    from helseinnovasjon import ui

    _saved(path, text="Det som var her")
    before = path.read_bytes()
    other = workbook.with_section(
        workbook.new_project("Fra Binder"), "laering", {"tekst": "Fra en annen maskin"}, "Kjøreark", NOW
    )
    tools = ui.ProjectFileTools(path=path)
    _upload(tools, workbook.to_bytes(other).decode("utf-8").encode("cp1252"), "fra-binder.json")
    assert "«Fra Binder»: 1 av 12 deler er fylt ut" in tools.status.value and path.read_bytes() == before
    tools.cancel.click()
    assert path.read_bytes() == before and "Ingenting er endret" in tools.status.value
    _upload(tools, workbook.to_bytes(other), "fra-binder.json")
    tools.confirm.click()
    assert workbook.load(path)["tittel"] == "Fra Binder"
    assert path.with_name(path.name + ".bak").read_bytes() == before

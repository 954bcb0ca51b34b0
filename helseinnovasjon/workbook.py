"""The participant's own project file («Mitt innovasjonsprosjekt»), kept across notebooks.

One human-readable JSON file per participant, by default ``mitt-prosjekt.json`` in the
folder the notebooks run from (``HELSEINNOVASJON_PROSJEKT`` chooses another file). Each
notebook that produces something for the project saves it in its own section.

Safety first, because this is the participant's work:

* saving is atomic (a temporary file in the same folder, then a rename) and keeps the
  previous version as ``mitt-prosjekt.json.bak``;
* a file that cannot be read (empty, not JSON, wrong types, from a newer version of the
  book) gives a Norwegian message and is never changed or deleted;
* sections and keys this version does not know are kept as they are.

The file stays on the participant's machine; nothing here sends anything anywhere.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from . import sections, textfiles
from .errors import InputError

SCHEMA_VERSION = sections.VERSION
FILE_NAME = "mitt-prosjekt.json"
ENV_PATH = "HELSEINNOVASJON_PROSJEKT"
#: Section key -> title, in the report's order (the definitions are in :mod:`helseinnovasjon.sections`).
SECTIONS = {key: section.title for key, section in sections.SECTIONS.items()}
#: In the in-browser Python (JupyterLite), the browser's storage is mounted at /drive; the file
#: sits at its top, so notebooks of every version of the book find the same file.
BROWSER_PATH = Path("/drive") / FILE_NAME


def default_path() -> Path:
    """Where the project file lives when no path is given.

    In this order: the file ``$HELSEINNOVASJON_PROSJEKT`` names (a teacher's hub, or the book
    build, which points it at a temporary folder so no one's file is ever read or published);
    in the browser (Pyodide), ``/drive/mitt-prosjekt.json``; else ``mitt-prosjekt.json`` in the
    folder the notebook runs from (Jupyter, Binder, Colab: the notebooks' folder).
    """
    if os.environ.get(ENV_PATH):
        return Path(os.environ[ENV_PATH])
    if sys.platform == "emscripten":
        return BROWSER_PATH
    return Path.cwd() / FILE_NAME


def new_project(title: str = "Mitt innovasjonsprosjekt") -> dict[str, Any]:
    """An empty project."""
    return {"versjon": SCHEMA_VERSION, "tittel": title, "seksjoner": {}}


def load(path: Path | None = None) -> dict[str, Any]:
    """Read the project file, or start a new project if there is none yet.

    Never changes the file. A file that cannot be used raises a Norwegian
    :class:`~helseinnovasjon.errors.InputError` that says how to recover.
    """
    path = Path(path or default_path())
    if not path.exists():
        return new_project()
    recover = (
        f"Filen er ikke endret. Rett den i et skriveprogram, eller hent forrige versjon fra "
        f"«{path.name}.bak» i samme mappe."
    )
    return from_bytes(path.read_bytes(), path.name, recover)


def from_bytes(raw: bytes, source: str = FILE_NAME, recover: str = "Ingenting er endret.") -> dict[str, Any]:
    """A project from the bytes of a project file (read from disk or uploaded), checked and
    brought up to the current version. Anything unusable raises a Norwegian
    :class:`~helseinnovasjon.errors.InputError`; ``recover`` says what the participant can do."""
    try:
        text = textfiles.decode(raw)
    except UnicodeDecodeError:
        raise InputError(
            "prosjektfilen har tegn som ikke kan leses (ukjent tegnsett)",
            f"{recover} Lagre den som UTF-8 hvis du har endret den selv.",
            source=source,
        ) from None
    if not text.strip():
        raise InputError("prosjektfilen er tom", recover, source=source)
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"prosjektfilen kan ikke leses (feil på linje {error.lineno}, tegn {error.colno})", recover, source=source
        ) from None
    return migrate(parsed, source)


def to_bytes(project: dict[str, Any]) -> bytes:
    """The project file's bytes, exactly as :func:`save` writes them (UTF-8 JSON, readable)."""
    return (json.dumps(migrate(project), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def describe(project: dict[str, Any]) -> str:
    """The project in one Norwegian sentence: its title, how many parts are filled in, and when last saved."""
    filled = [key for key in SECTIONS if project["seksjoner"].get(key)]
    times = sorted(str(project["seksjoner"][key].get("lagret", "")) for key in filled)
    last = ""
    if times and times[-1]:
        try:
            last = f", sist lagret {datetime.fromisoformat(times[-1]).strftime('%d.%m.%Y kl. %H.%M')}"
        except ValueError:
            last = ""
    return f"«{project.get('tittel', 'Mitt innovasjonsprosjekt')}»: {len(filled)} av {len(SECTIONS)} deler er fylt ut{last}."


def migrate(raw: Any, source: str = FILE_NAME) -> dict[str, Any]:
    """Check the structure and bring an older file up to the current version."""
    if not isinstance(raw, dict):
        raise InputError(
            "prosjektfilen har feil form (den skal være et JSON-objekt)",
            "Filen er ikke endret. Hent forrige versjon fra .bak-filen.",
            source=source,
        )
    project = copy.deepcopy(raw)
    version = project.get("versjon", 0)
    if not isinstance(version, int):
        raise InputError(f"versjonsnummeret «{version}» er ikke et tall", "Filen er ikke endret.", source=source)
    if version > SCHEMA_VERSION:
        raise InputError(
            f"prosjektfilen er laget med en nyere versjon av kursboka (versjon {version})",
            "Oppdater kursboka (last ned den nyeste versjonen) og prøv igjen. Filen er ikke endret.",
            source=source,
        )
    if version == 0:  # the first drafts had the sections at the top level
        found = {k: project.pop(k) for k in list(project) if k in SECTIONS}
        project.setdefault("seksjoner", {}).update(found)
        version = 1
    project.setdefault("tittel", "Mitt innovasjonsprosjekt")
    if not isinstance(project["tittel"], str):
        raise InputError("tittelen i prosjektfilen er ikke tekst", "Filen er ikke endret.", source=source)
    if not isinstance(project.get("seksjoner"), dict):
        raise InputError("«seksjoner» i prosjektfilen har feil form", "Filen er ikke endret.", source=source)
    for key, section in project["seksjoner"].items():
        if not isinstance(section, dict) or not isinstance(section.get("innhold", {}), dict):
            raise InputError(f"seksjonen «{key}» i prosjektfilen har feil form", "Filen er ikke endret.", source=source)
    while version < SCHEMA_VERSION:
        for key, upgrade in sections.UPGRADES.get(version, {}).items():
            if key in project["seksjoner"] and "innhold" in project["seksjoner"][key]:
                project["seksjoner"][key]["innhold"] = upgrade(project["seksjoner"][key]["innhold"])
        version += 1
    project["versjon"] = version
    return project


def with_section(
    project: dict[str, Any],
    section: sections.Section | str,
    content: dict[str, Any],
    source: str,
    now: datetime | None = None,
) -> dict[str, Any]:
    """A copy of the project with one section set (pure; nothing is written).

    The content is checked against the section's definition (:func:`sections.check`), so a
    mistyped key fails in the tests, never in front of a participant."""
    key = sections.get(section).key
    sections.check(key, content)
    json.dumps(content)  # the content must be plain JSON: fail here, not half-way through a save
    result = copy.deepcopy(project)
    result["seksjoner"][key] = {
        "lagret": (now or datetime.now()).isoformat(timespec="minutes"),
        "fra": source,
        "innhold": copy.deepcopy(content),
    }
    return result


def saved(project: dict[str, Any], section: sections.Section | str) -> dict[str, Any]:
    """What is saved in a section (its «innhold»), or an empty dict if nothing is."""
    return project["seksjoner"].get(sections.get(section).key, {}).get("innhold", {})


def saved_line(project: dict[str, Any], key: sections.Section | str) -> str | None:
    """When and from where a section was saved: «Lagret 23.11.2026 kl. 10.15 fra «Din kommune»»."""
    section = project["seksjoner"].get(sections.get(key).key)
    if not section:
        return None
    when = section.get("lagret", "")
    with contextlib.suppress(TypeError, ValueError):
        when = datetime.fromisoformat(when).strftime("%d.%m.%Y kl. %H.%M")
    return f"Lagret {when} fra «{section.get('fra', 'ukjent')}»"


def section_summary(project: dict[str, Any], key: sections.Section | str) -> str | None:
    """What is saved in a section now, in one Norwegian line (None if nothing is)."""
    line = saved_line(project, key)
    if line is None:
        return None
    text = str(saved(project, key).get("tekst", "")).strip()
    short = text if len(text) <= 160 else text[:157] + "…"
    return f"{line}: {short}".strip()


def save(project: dict[str, Any], path: Path | None = None) -> Path:
    """Write the project atomically, keeping the previous version as ``<file>.bak``."""
    path = Path(path or default_path())
    text = to_bytes(project).decode("utf-8")
    folder = path.parent
    temporary = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as handle:
            temporary = Path(handle.name)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            shutil.copy2(path, path.with_name(path.name + ".bak"))
        os.replace(temporary, path)
        temporary = None
    except PermissionError:
        raise InputError(
            f"kan ikke lagre i mappen «{folder}» fordi den er skrivebeskyttet",
            f"Velg en mappe du kan skrive i, for eksempel ved å sette miljøvariabelen {ENV_PATH}. "
            "Det du har lagt inn, er ikke borte.",
            source=path.name,
        ) from None
    finally:
        if temporary is not None and temporary.exists():
            temporary.unlink()
    return path

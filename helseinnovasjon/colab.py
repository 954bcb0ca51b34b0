"""Google Colab: keep the project file on the participant's Google Drive, if they choose to.

In Colab the notebooks run on a temporary machine at Google; ``mitt-prosjekt.json`` next to
the notebook is gone when the session ends. :func:`use_google_drive` mounts the participant's
own Drive (Colab asks them to allow it) and points the project file there, for this session.
Outside Colab it only says that it is not needed.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from . import workbook

DRIVE = Path("/content/drive")
FOLDER = DRIVE / "MyDrive" / "Kursboka"
PRIVACY = (
    "Prosjektfilen lagres da i Google Disk-kontoen din, hos Google. Skriv aldri inn opplysninger som kan "
    "identifisere pasienter, tjenestemottakere eller kolleger."
)


def in_colab() -> bool:
    """True when running in Google Colab."""
    return "google.colab" in sys.modules


def use_google_drive() -> Path | None:
    """Mount Google Drive and keep the project file in «Kursboka» there; returns its path."""
    if not in_colab():
        print("Dette trengs bare i Google Colab. Her lagres prosjektfilen i", workbook.default_path())
        return None
    from google.colab import drive

    print(PRIVACY)
    drive.mount(str(DRIVE))
    target = FOLDER / workbook.FILE_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    here = Path.cwd() / workbook.FILE_NAME
    if here.exists() and not target.exists():
        shutil.copy2(here, target)  # what was saved before the Drive was mounted comes along
    os.environ[workbook.ENV_PATH] = str(target)
    print(f"Prosjektfilen lagres nå i Google Disk: {target}. Kjør dette i hver notatbok du åpner i Colab.")
    return target

"""Write the Colab set-up cell under the title of every notebook (run after changing _config.yml).

The cell installs the course package in Google Colab, and only there: elsewhere it does nothing.
It is tagged ``remove-cell`` so the website never shows it. The package comes from the repository
and branch in ``_config.yml``, the same place the Colab button opens the notebook from, so the
notebook and the package always match. ``tests/test_colab.py`` fails when a notebook's cell
differs from what this script writes.

    python scripts/colab_cell.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CELL_ID = "colab-oppsett"
TEMPLATE = """# Google Colab only: install the course package. Does nothing elsewhere; hidden on the website.
import sys

if "google.colab" in sys.modules:
    import subprocess

    _spec = "helseinnovasjon @ git+{url}@{branch}"
    _done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", _spec], capture_output=True, text=True)
    if _done.returncode == 0:
        print("Colab: kurspakken er installert fra {url} (grenen {branch}).")
        print("Prosjektfilen lagres på en midlertidig maskin hos Google og blir borte når økten slutter. "
              "Last den ned i notatboka «Prosjektfilen din», eller lagre den på Google Disk: kjør "
              "«from helseinnovasjon import colab; colab.use_google_drive()» i en ny celle.")
    else:
        print("Colab: kurspakken kunne ikke installeres, så notatboka virker ikke her. Prøv igjen med "
              "«Kjør alle» (Runtime > Run all), eller bruk «Kjør i nettleseren» på bokas nettside.")
"""


def cell_source(config_path: Path = ROOT / "_config.yml") -> str:
    """The cell's code for the repository in ``_config.yml``."""
    repository = yaml.safe_load(config_path.read_text(encoding="utf-8"))["repository"]
    return TEMPLATE.format(url=repository["url"].rstrip("/"), branch=repository.get("branch", "main"))


def cell(config_path: Path = ROOT / "_config.yml") -> dict:
    """The notebook cell (hidden on the website by the tag ``remove-cell``)."""
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": CELL_ID,
        "metadata": {"tags": ["remove-cell"]},
        "outputs": [],
        "source": cell_source(config_path).splitlines(keepends=True),
    }


def with_cell(notebook: dict, new: dict) -> dict:
    """The notebook with ``new`` right after its title cell, before any code (replacing an older Colab cell)."""
    cells = [c for c in notebook["cells"] if c.get("id") != CELL_ID]
    return {**notebook, "cells": [*cells[:1], new, *cells[1:]]}


def main() -> int:
    new = cell()
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(with_cell(notebook, new), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("Colab-cellen er skrevet under tittelen i alle notatbøkene.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Launch and download buttons: a small book built with the real theme, a JupyterHub URL and bookbuild.launch."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from bookbuild import lite, teaching

ROOT = Path(__file__).resolve().parent.parent
HUB = "https://jupyter.example.no"
pytestmark = pytest.mark.slow  # builds a small book with the real theme (about 10 s)


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    src = tmp_path_factory.mktemp("bok")
    (src / "notebooks").mkdir()
    notebook = json.loads((ROOT / "notebooks" / "prosjektfilen.ipynb").read_text(encoding="utf-8"))
    (src / "notebooks" / "prosjektfilen.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    (src / "kapittel.md").write_text(
        "---\njupytext:\n  text_representation:\n    format_name: myst\n"
        "kernelspec:\n  name: python3\n  display_name: Python 3\n---\n"
        "# Et kapittel\n\n```{code-cell} python\n1 + 1\n```\n",
        encoding="utf-8",
    )
    (src / "index.md").write_text(
        "# Forside\n\n```{toctree}\nkapittel\nnotebooks/prosjektfilen\n```\n", encoding="utf-8"
    )
    (src / "conf.py").write_text(
        f'''
import sys
sys.path.insert(0, {str(ROOT)!r})
extensions = ["myst_nb", "sphinx_book_theme", "bookbuild.launch"]
html_theme = "sphinx_book_theme"
language = "no"
nb_execution_mode = "force"
exclude_patterns = ["_build"]
html_theme_options = {{
    "repository_url": "https://github.com/helseinnovasjon/kursbok", "repository_branch": "main",
    "path_to_docs": "", "use_download_button": True,
    "launch_buttons": {{"notebook_interface": "jupyterlab", "binderhub_url": "https://mybinder.org",
                        "jupyterhub_url": "{HUB}", "colab_url": "https://colab.research.google.com"}},
}}
''',
        encoding="utf-8",
    )
    out = src / "_build" / "html"
    env = {**os.environ, "HELSEINNOVASJON_PROSJEKT": str(src / "ingen" / "mitt-prosjekt.json")}
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return out


def _links(page: str) -> dict[str, str]:
    return {
        text.strip(): href
        for href, text in re.findall(
            r'<a href="([^"]+)"[^>]*>.*?<span class="btn__text-container">([^<]+)</span>', page, re.S
        )
    }


def test_the_jupyterhub_link_pulls_the_repository_and_opens_the_notebook(small_site):
    links = _links((small_site / "notebooks" / "prosjektfilen.html").read_text(encoding="utf-8"))
    hub = links["JupyterHub (skolens server)"]
    assert hub.startswith(f"{HUB}/hub/user-redirect/git-pull?")
    query = parse_qs(urlsplit(hub).query)
    assert query == {
        "repo": ["https://github.com/helseinnovasjon/kursbok"],
        "branch": ["main"],
        "urlpath": ["lab/tree/kursbok/notebooks/prosjektfilen.ipynb"],
    }


def test_launch_entries_say_what_they_mean_for_privacy(small_site):
    page = (small_site / "notebooks" / "prosjektfilen.html").read_text(encoding="utf-8")
    links = _links(page)
    assert "Binder (åpen tjeneste)" in links and "Colab (Google-konto)" in links
    assert "aldri opplysninger om pasienter" in page


def test_chapters_have_no_rocket_and_no_raw_sources_to_download(small_site):
    chapter = (small_site / "kapittel.html").read_text(encoding="utf-8")
    assert "launch-buttons" not in chapter and "fa-rocket" not in chapter
    assert "_sources/kapittel" not in chapter and "Skriv ut / PDF" in chapter


def test_a_notebook_page_offers_one_zip_that_has_everything_it_needs(small_site):
    page = (small_site / "notebooks" / "prosjektfilen.html").read_text(encoding="utf-8")
    assert "../_downloads/notatboker/prosjektfilen.zip" in page and "_sources/notebooks" not in page
    with zipfile.ZipFile(small_site / "_downloads" / "notatboker" / "prosjektfilen.zip") as archive:
        names = set(archive.namelist())
        readme = archive.read("prosjektfilen/LES-MEG.md").decode("utf-8")
    assert {
        "prosjektfilen/notebooks/prosjektfilen.ipynb",
        "prosjektfilen/requirements-run.txt",
        "prosjektfilen/LES-MEG.md",
    } <= names
    assert any(re.fullmatch(r"prosjektfilen/helseinnovasjon-[\d.]+-py3-none-any\.whl", n) for n in names)
    assert any(n.startswith("prosjektfilen/start/") for n in names)
    assert "# Prosjektfilen din" in readme and "Start kursboka (Windows).cmd" in readme


def test_the_wheel_in_the_zip_carries_the_data(tmp_path):
    wheel = lite.cached_package_wheel(tmp_path / ".wheel")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "helseinnovasjon/datasets/datapackage.json" in names and "helseinnovasjon/sections.py" in names
    assert lite.cached_package_wheel(tmp_path / ".wheel") == wheel  # built once, reused while the package is unchanged
    assert teaching.support_mtime() > 0

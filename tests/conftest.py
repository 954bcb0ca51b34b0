"""Shared fixtures: the repository layout, the built site, a local web server, a browser.

Tests that need the built website are marked ``site``. The book is built once per test
run, however many pytest-xdist workers ask for it: the first takes a file lock and
builds, the others wait and reuse the result (two builds at once would race on the
execution cache).
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
CHROMIUM = "/usr/bin/chromium"
# Chromium flags for a closed network, as root, with no screen.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def toc_files() -> list[str]:
    """Every document in _toc.yml, in order, as paths without extension."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    return files


def build_book() -> subprocess.CompletedProcess:
    """Run the book build exactly as `make html` does (warnings are errors)."""
    return subprocess.run(
        [str(Path(sys.executable).with_name("jupyter-book")), "build", ".", "-W", "-n", "--keep-going"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(autouse=True, scope="session")
def _no_real_project_file(tmp_path_factory):
    """Tests (and the notebooks nbmake runs) never touch a participant's project file."""
    os.environ["HELSEINNOVASJON_PROSJEKT"] = str(tmp_path_factory.mktemp("prosjekt") / "mitt-prosjekt.json")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    # One folder per test run: under xdist the workers' temp folders share a parent; without
    # xdist the run's own temp folder (its parent is shared by every run on the machine).
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    outcome = shared / "book-build.log"
    with open(shared / "book-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not outcome.exists():
            result = build_book()
            status = "ok" if result.returncode == 0 else "failed"
            outcome.write_text(f"{status}\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}", encoding="utf-8")
    status, _, log = outcome.read_text(encoding="utf-8").partition("\n")
    if status != "ok":
        pytest.fail(f"jupyter-book build failed:\n{log}")
    return SITE


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """Serve the built site on 127.0.0.1 (a free port) for the browser tests."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright. Fails (never skips) if missing."""
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.fail("Chromium is missing: run `make test` (it installs Debian's chromium) or apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()

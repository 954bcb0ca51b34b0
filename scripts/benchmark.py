"""Measure the book's speed budgets (run with `make benchmark`; not part of the tests).

Prints a table and writes benchmark-results.json:
* clean build (empty execution cache) and no-change rebuild, both as `make html` builds;
* `pytest --nbmake notebooks/ -n 2` wall time;
* each notebook's execution time in a fresh kernel (nbclient, kernel start included);
* the heaviest page: every file Chromium fetches to show it (scripts that load more scripts,
  fonts and images included), raw and gzip-compressed, as a static server with gzip sends it.

Budgets: no-change rebuild <= 5 s, each notebook <= 5 s, heaviest page <= 1.5 MB transferred.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BUILD = [str(BIN / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"]
BUDGETS = {"rebuild_s": 5.0, "notebook_s": 5.0, "page_gzip_mb": 1.5}


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def notebook_seconds(path: Path) -> float:
    notebook = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(notebook, timeout=120, resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - start


def page_weights(site: Path) -> dict[str, tuple[int, int]]:
    """Raw and gzip bytes of every file Chromium requests to show each page (served locally)."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    pages = sorted(p for p in site.glob("**/*.html") if "_static" not in p.parts)
    weights: dict[str, tuple[int, int]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=["--headless=new", "--no-sandbox", "--disable-gpu"])
            for page_file in pages:
                name = str(page_file.relative_to(site))
                fetched: set[Path] = set()
                page = browser.new_page()
                page.on("request", lambda request: fetched.add(site / urlsplit(request.url).path.lstrip("/"))
                        if request.url.startswith(base) else None)
                page.goto(base + name, wait_until="networkidle")
                page.close()
                files = [f for f in fetched if f.is_file()]
                weights[name] = (sum(f.stat().st_size for f in files),
                                 sum(len(gzip.compress(f.read_bytes(), 6)) for f in files))
            browser.close()
    finally:
        server.shutdown()
    return weights


def main() -> int:
    results: dict[str, object] = {}
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    results["clean_build_s"] = timed(BUILD)
    results["rebuild_s"] = timed(BUILD)
    results["nbmake_n2_s"] = timed([sys.executable, "-m", "pytest", "notebooks/", "-n", "2", "-q", "-p", "no:cacheprovider"])
    results["notebooks_s"] = {p.name: notebook_seconds(p) for p in sorted((ROOT / "notebooks").glob("*.ipynb"))}
    weights = page_weights(ROOT / "_build/html")
    heaviest = max(weights, key=lambda k: weights[k][1])
    results["heaviest_page"] = {"page": heaviest, "raw_mb": weights[heaviest][0] / 1e6,
                                "gzip_mb": weights[heaviest][1] / 1e6}

    print(f"{'Ren bygging':38} {results['clean_build_s']:6.1f} s")
    print(f"{'Ny bygging uten endringer':38} {results['rebuild_s']:6.1f} s   (budsjett {BUDGETS['rebuild_s']} s)")
    print(f"{'pytest --nbmake notebooks/ -n 2':38} {results['nbmake_n2_s']:6.1f} s")
    for name, seconds in results["notebooks_s"].items():
        print(f"{'  ' + name:38} {seconds:6.1f} s   (budsjett {BUDGETS['notebook_s']} s)")
    page = results["heaviest_page"]
    print(f"{'Tyngste side: ' + page['page']:38} {page['raw_mb']:6.2f} MB, {page['gzip_mb']:.2f} MB komprimert"
          f"   (budsjett {BUDGETS['page_gzip_mb']} MB)")
    (ROOT / "benchmark-results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")

    over = [results["rebuild_s"] > BUDGETS["rebuild_s"],
            any(s > BUDGETS["notebook_s"] for s in results["notebooks_s"].values()),
            page["gzip_mb"] > BUDGETS["page_gzip_mb"]]
    if any(over):
        print("Over budsjett.")
    return 1 if any(over) else 0


if __name__ == "__main__":
    sys.exit(main())

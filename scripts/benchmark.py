"""Measure the book's speed budgets (run with `make benchmark`; not part of the tests).

Prints a table and writes benchmark-results.json:
* clean build (empty execution cache) and no-change rebuild, both as `make html` builds;
* `pytest --nbmake notebooks/ -n 2` wall time;
* each notebook's execution time in a fresh kernel (nbclient, kernel start included);
* the heaviest page: every file Chromium fetches to show it (scripts that load more scripts,
  fonts and images included), raw and gzip-compressed, as a static server with gzip sends it.

* «Kjør i nettleseren» (JupyterLite): bytes fetched on a first and a second start, and the time to a
  ready kernel on a second start (``lite_start``);
* first paint of the heaviest page and of a chapter page on a phone profile: Chromium with 4x CPU
  slowdown and a 1.6 Mbit/s, 150 ms network (Lighthouse's "slow 4G"), first visit, gzip as a
  static host sends it.

Budgets: no-change rebuild <= 5 s, each notebook <= 5 s, every page <= 0.5 MB transferred, first
paint <= 2.5 s (heaviest page) and <= 1.2 s (chapter page) on the phone profile; «Kjør i nettleseren»:
a ready kernel <= 5 s on a second start (reported, not part of the pass/fail below: it depends on
the machine far more than on the book).
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
BUDGETS = {
    "rebuild_s": 5.0,
    "notebook_s": 5.0,
    "page_gzip_mb": 0.5,
    "paint_heaviest_s": 2.5,
    "paint_chapter_s": 1.2,
    "lite_ready_s": 5.0,
}
CHAPTER_PAGE = "book/samskaping.html"


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
    # The reading pages only: the in-browser app under lite/ is measured on its own (lite_start).
    pages = sorted(p for p in site.glob("**/*.html") if not {"_static", "lite"} & set(p.relative_to(site).parts))
    weights: dict[str, tuple[int, int]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--headless=new", "--no-sandbox", "--disable-gpu"]
            )
            for page_file in pages:
                name = str(page_file.relative_to(site))
                fetched: set[Path] = set()
                page = browser.new_page()
                page.on(
                    "request",
                    lambda request, fetched=fetched: (
                        fetched.add(site / urlsplit(request.url).path.lstrip("/"))
                        if request.url.startswith(base)
                        else None
                    ),
                )
                page.goto(base + name, wait_until="networkidle")
                page.close()
                files = [f for f in fetched if f.is_file()]
                weights[name] = (
                    sum(f.stat().st_size for f in files),
                    sum(len(gzip.compress(f.read_bytes(), 6)) for f in files),
                )
            browser.close()
    finally:
        server.shutdown()
    return weights


class _GzipHandler:
    """A static server that sends gzip when asked, as GitHub Pages and most hosts do."""

    @staticmethod
    def make(site: Path):
        import http.server

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(site), **kwargs)

            def log_message(self, *args) -> None:
                pass

            def send_head(self):
                path = Path(self.translate_path(self.path))
                if path.is_dir():
                    path = path / "index.html"
                if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
                    return super().send_head()
                body = gzip.compress(path.read_bytes(), 6)
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                import io

                return io.BytesIO(body)

        return Handler


def first_paint(site: Path, pages: list[str]) -> dict[str, float]:
    """First contentful paint (s) of each page on the phone profile, first visit."""
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _GzipHandler.make(site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    result: dict[str, float] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--headless=new", "--no-sandbox", "--disable-gpu"]
            )
            for name in pages:
                context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send(
                    "Network.emulateNetworkConditions",
                    {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 0.75e6 / 8},
                )
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
                page.goto(base + name, wait_until="load")
                paint = page.evaluate(
                    "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime"
                )
                result[name] = (paint or float("nan")) / 1000
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return result


def lite_start(site: Path, notebook: str = "kjoreark") -> dict[str, float]:
    """«Kjør i nettleseren»: bytes the lite app fetches on a first and a second start (the same browser
    profile, so the second start uses the browser's cache) and the seconds from opening the notebook
    to a ready kernel (a first cell has run) on the second start."""
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: Quiet(*a, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    result: dict[str, float] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--headless=new", "--no-sandbox", "--disable-gpu"]
            )
            context = browser.new_context()
            for start in ("first", "second"):
                fetched: list[int] = []
                listener = lambda request, fetched=fetched: fetched.append(_transferred(request))
                context.on("requestfinished", listener)
                page = context.new_page()
                began = time.perf_counter()
                page.goto(base + f"lite/apne.html?notatbok={notebook}")
                page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=300_000)
                _run_first_cell(page)
                result[f"{start}_s"] = time.perf_counter() - began
                page.wait_for_timeout(1000)
                result[f"{start}_mb"] = sum(fetched) / 1e6
                context.remove_listener("requestfinished", listener)
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return result


def _transferred(request) -> int:
    """Bytes that came over the network for one request (0 when the browser's cache answered)."""
    try:
        sizes = request.sizes()
    except Exception:
        return 0
    return max(sizes.get("responseBodySize", 0), 0) + max(sizes.get("responseHeadersSize", 0), 0)


def _run_first_cell(page, timeout_s: float = 300) -> None:
    """Insert `1 + 1` at the top, run it, and wait for its result (retrying while the kernel starts)."""
    page.locator(".jp-Notebook .jp-Cell").first.click()
    for key in ("Escape", "a", "Enter"):
        page.keyboard.press(key)
    page.keyboard.insert_text("1 + 1")
    page.keyboard.press("Control+Enter")
    cell = page.locator(".jp-Notebook .jp-Cell").first
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        text = cell.locator(".jp-InputPrompt").text_content() or ""
        if any(c.isdigit() for c in text):
            return
        if "*" not in text:
            cell.locator(".jp-InputArea-editor").click()
            page.keyboard.press("Control+Enter")
        page.wait_for_timeout(250)
    raise TimeoutError("the lite kernel did not start")


def main() -> int:
    results: dict[str, object] = {}
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    results["clean_build_s"] = timed(BUILD)
    results["rebuild_s"] = timed(BUILD)
    results["nbmake_n2_s"] = timed(
        [sys.executable, "-m", "pytest", "notebooks/", "-n", "2", "-q", "-p", "no:cacheprovider"]
    )
    results["notebooks_s"] = {p.name: notebook_seconds(p) for p in sorted((ROOT / "notebooks").glob("*.ipynb"))}
    weights = page_weights(ROOT / "_build/html")
    heaviest = max(weights, key=lambda k: weights[k][1])
    results["heaviest_page"] = {
        "page": heaviest,
        "raw_mb": weights[heaviest][0] / 1e6,
        "gzip_mb": weights[heaviest][1] / 1e6,
    }
    results["first_paint_s"] = first_paint(ROOT / "_build/html", [heaviest, CHAPTER_PAGE])
    results["lite"] = lite_start(ROOT / "_build/html")
    results["lite_site_mb"] = sum(f.stat().st_size for f in (ROOT / "_build/html/lite").rglob("*") if f.is_file()) / 1e6

    print(f"{'Ren bygging':38} {results['clean_build_s']:6.1f} s")
    print(f"{'Ny bygging uten endringer':38} {results['rebuild_s']:6.1f} s   (budsjett {BUDGETS['rebuild_s']} s)")
    print(f"{'pytest --nbmake notebooks/ -n 2':38} {results['nbmake_n2_s']:6.1f} s")
    for name, seconds in results["notebooks_s"].items():
        print(f"{'  ' + name:38} {seconds:6.1f} s   (budsjett {BUDGETS['notebook_s']} s)")
    page = results["heaviest_page"]
    print(
        f"{'Tyngste side: ' + page['page']:38} {page['raw_mb']:6.2f} MB, {page['gzip_mb']:.2f} MB komprimert"
        f"   (budsjett {BUDGETS['page_gzip_mb']} MB)"
    )
    paints = results["first_paint_s"]
    print(
        f"{'Første visning, tyngste side (telefon)':38} {paints[heaviest]:6.2f} s   (budsjett {BUDGETS['paint_heaviest_s']} s)"
    )
    print(
        f"{'Første visning, ' + CHAPTER_PAGE:38} {paints[CHAPTER_PAGE]:6.2f} s   (budsjett {BUDGETS['paint_chapter_s']} s)"
    )
    lite = results["lite"]
    print(
        f"{'Kjør i nettleseren: første start':38} {lite['first_mb']:6.1f} MB hentet, {lite['first_s']:.1f} s til kjernen svarer"
    )
    print(
        f"{'Kjør i nettleseren: andre start':38} {lite['second_mb']:6.1f} MB hentet, {lite['second_s']:.1f} s til kjernen svarer"
        f"   (budsjett {BUDGETS['lite_ready_s']} s)"
    )
    print(f"{'Kjør i nettleseren: på nettstedet':38} {results['lite_site_mb']:6.1f} MB (_build/html/lite)")
    (ROOT / "benchmark-results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")

    over = [
        results["rebuild_s"] > BUDGETS["rebuild_s"],
        any(s > BUDGETS["notebook_s"] for s in results["notebooks_s"].values()),
        page["gzip_mb"] > BUDGETS["page_gzip_mb"],
        paints[heaviest] > BUDGETS["paint_heaviest_s"],
        paints[CHAPTER_PAGE] > BUDGETS["paint_chapter_s"],
    ]
    if any(over):
        print("Over budsjett.")
    return 1 if any(over) else 0


if __name__ == "__main__":
    sys.exit(main())

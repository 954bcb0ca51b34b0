"""«Kjør i nettleseren» (issue 14): the notebooks in JupyterLite on the book's own site.

Offline here, the site is built with the Pyodide core from npm only (no numpy/pandas/matplotlib):
the tests check the button, that the kernel starts and runs Python, that the project file at
/drive/mitt-prosjekt.json survives a reload, a new browser context and a republished book, and that
the lite app asks no other host for anything. ``test_full_packages_interessentkart`` needs the
compiled packages and runs only with PYODIDE_DIST set (the publishing workflow).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import helseinnovasjon
from bookbuild import lite

from .conftest import ROOT, toc_files

pytestmark = pytest.mark.site

NOTEBOOK_PAGES = [p for p in toc_files() if (ROOT / f"{p}.ipynb").exists()]
OTHER_PAGES = [p for p in toc_files() if p not in NOTEBOOK_PAGES]
PROJECT_FILE = lite.PROJECT_FILE
KERNEL_START_S = 180  # a first start on a busy 2-core CI machine; a laptop needs seconds


# -- the built files ---------------------------------------------------------------------------


def _button(page_html: str) -> re.Match | None:
    return re.search(
        r'<a class="hi-lite-knapp" href="([^"]+)" target="_blank" rel="noopener"[^>]*>([^<]+)</a>', page_html
    )


def test_every_notebook_page_has_the_button_to_its_own_notebook(built_site):
    version = lite.notebooks_version()
    for page in NOTEBOOK_PAGES:
        match = _button((built_site / f"{page}.html").read_text(encoding="utf-8"))
        assert match, page
        href, label = match.groups()
        assert label == "Kjør i nettleseren"
        assert href == f"../lite/apne.html?notatbok={page.split('/')[-1]}", page
        assert (built_site / "lite" / "files" / version / f"{page.split('/')[-1]}.ipynb").exists(), page
    redirect = (built_site / "lite" / "apne.html").read_text(encoding="utf-8")
    assert json.dumps(version) in redirect


def test_no_button_on_pages_without_a_notebook(built_site):
    for page in OTHER_PAGES:
        assert "hi-lite-knapp" not in (built_site / f"{page}.html").read_text(encoding="utf-8"), page


def test_the_button_page_says_what_is_missing_in_a_core_build(built_site):
    text = (built_site / "notebooks/interessentkart.html").read_text(encoding="utf-8")
    if lite.mode() == "full":
        assert "PYODIDE_DIST" not in text
    else:
        assert "make html PYODIDE_DIST=" in text and "numpy, pandas og matplotlib" in text


def test_no_page_asks_another_host_for_anything(built_site):
    """jupyterlite-sphinx adds a Google Fonts stylesheet (Vibur) to every page: none may have it, nor
    any other stylesheet, script, image or frame from another host."""
    loads = re.compile(r'<(?:link|script|img|iframe|source)\b[^>]*?\b(?:href|src)="((?:https?:)?//[^"]+)"')
    for path in built_site.glob("**/*.html"):
        if "lite" in path.relative_to(built_site).parts[:1]:
            continue
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "Vibur" not in text, path
        external = [url for url in loads.findall(text) if not url.startswith(("http://127.0.0.1", "https://127.0.0.1"))]
        assert external == [], (path, external)


def test_lite_settings_keep_everything_on_the_site(built_site):
    config = json.loads((built_site / "lite/jupyter-lite.json").read_text(encoding="utf-8"))["jupyter-config-data"]
    kernel = config["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["disablePyPIFallback"] is True
    assert kernel["pyodideUrl"] == "./static/pyodide/pyodide.mjs"
    assert all(url.startswith("./") for url in kernel["pipliteUrls"])
    assert config["settingsOverrides"]["@jupyterlab/translation-extension:plugin"]["locale"] == "no_NO"
    translations = json.loads((built_site / "lite/api/translations/no_NO.json").read_text(encoding="utf-8"))
    assert translations["data"]["jupyterlab"]
    lock = json.loads((built_site / "lite/static/pyodide/pyodide-lock.json").read_text(encoding="utf-8"))
    for name, entry in lock["packages"].items():
        assert "://" not in entry["file_name"], name
        assert (built_site / "lite/static/pyodide" / entry["file_name"]).exists(), name
    assert {"helseinnovasjon", "kursbok-nettleser", "ipywidgets", "micropip", "ipython"} <= set(lock["packages"])
    pypi = json.loads((built_site / "lite/pypi/all.json").read_text(encoding="utf-8"))
    assert "comm" in pypi


def test_the_package_wheel_carries_its_data(built_site):
    import zipfile

    wheel = next((built_site / "lite/static/pyodide").glob("kursbok-*/helseinnovasjon-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "helseinnovasjon/datasets/datapackage.json" in names
    assert any(n.startswith("helseinnovasjon/datasets/") and n.endswith(".csv") for n in names)


# -- in Chromium -------------------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def _serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


class Requests:
    """Every request a browser context makes; anything not on 127.0.0.1 is blocked and remembered."""

    def __init__(self, context) -> None:
        self.urls: list[str] = []
        self.foreign: list[str] = []
        context.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        self.urls.append(url)
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


def _wait_for_notebook(page) -> None:
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=KERNEL_START_S * 1000)


def _dismiss_dialogs(page) -> None:
    """Close a JupyterLab dialog (seen once on a loaded machine, over the notebook) with its default
    button, so that it cannot swallow the clicks below; a participant would press the same button."""
    for dialog in page.locator(".jp-Dialog").all():
        accept = dialog.locator(".jp-Dialog-footer button.jp-mod-accept")
        if accept.count():
            accept.first.click()
        else:
            page.keyboard.press("Escape")


def run_python(page, code: str, timeout_s: float = KERNEL_START_S) -> str:
    """Type ``code`` into a new cell at the top of the open notebook, run it, return its output.

    A cell run before the kernel has a session is silently dropped by the Notebook UI (its prompt stays
    «[ ]»), so such a cell is run again until its prompt shows a number."""
    _dismiss_dialogs(page)
    page.locator(".jp-Notebook .jp-Cell").first.click()
    page.keyboard.press("Escape")
    page.keyboard.press("a")
    page.keyboard.press("Enter")
    page.keyboard.insert_text(code)
    page.keyboard.press("Control+Enter")
    cell = page.locator(".jp-Notebook .jp-Cell").first
    prompt = cell.locator(".jp-InputPrompt")
    deadline = time.monotonic() + timeout_s
    while True:
        text = prompt.text_content() or ""
        if re.search(r"\[\d+\]", text):
            return cell.locator(".jp-OutputArea").inner_text()
        if time.monotonic() > deadline:
            raise TimeoutError(f"the cell did not run within {timeout_s} s: {code!r}")
        if "*" not in text:
            _dismiss_dialogs(page)
            cell.locator(".jp-InputArea-editor").click()
            page.keyboard.press("Control+Enter")
        page.wait_for_timeout(3000)


WRITE = (
    "import json, os\n"
    "os.makedirs('/drive', exist_ok=True)\n"
    "tmp = '{path}.tmp'\n"
    "open(tmp, 'w', encoding='utf-8').write(json.dumps({{'tittel': '{marker}'}}, ensure_ascii=False))\n"
    "os.replace(tmp, '{path}')\n"
    "print('skrevet', os.path.getsize('{path}'))"
)
READ = "print(open('{path}', encoding='utf-8').read())"


def test_reading_pages_load_nothing_from_lite(browser, site_url):
    context = browser.new_context()
    requests = Requests(context)
    page = context.new_page()
    for name in ("notebooks/interessentkart.html", "book/kom-i-gang.html", "book/kjor-i-nettleseren.html"):
        page.goto(f"{site_url}/{name}", wait_until="networkidle")
    context.close()
    assert [u for u in requests.urls if "/lite/" in u] == []
    assert requests.foreign == []


SAFARI = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15"
)
NO_SERVICE_WORKER = "delete Navigator.prototype.serviceWorker;"  # as in a private window in Firefox


@pytest.mark.parametrize(
    ("case", "options", "script", "says", "link"),
    [
        ("privat vindu", {}, NO_SERVICE_WORKER, "lar ikke notatboka lagre noe", "Åpne notatboka likevel"),
        ("Safari", {"user_agent": SAFARI}, "", "sletter det et nettsted har lagret", "Åpne notatboka"),
    ],
)
def test_a_browser_that_cannot_keep_the_project_file_is_told_before_the_notebook_opens(
    browser, site_url, case, options, script, says, link
):
    context = browser.new_context(**options)
    if script:
        context.add_init_script(script)
    page = context.new_page()
    page.goto(f"{site_url}/lite/{lite.REDIRECT}?notatbok=interessentkart")
    page.get_by_text(says).wait_for(timeout=10_000)
    assert "/lite/apne.html" in page.url  # it waits for the participant
    button = page.locator("#videre")
    assert button.text_content() == link and page.evaluate("document.activeElement.id") == "videre"
    assert button.get_attribute("href") == (
        f"notebooks/index.html?path={lite.notebooks_version()}%2Finteressentkart.ipynb"
    )
    assert page.locator("a:visible", has_text="Kom i gang").count() == (1 if case == "privat vindu" else 0)
    context.close()


def test_an_ordinary_browser_goes_straight_to_the_notebook(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}/lite/{lite.REDIRECT}?notatbok=kjoreark")
    page.wait_for_url("**/lite/notebooks/index.html?path=*", timeout=30_000)
    assert page.url.endswith(f"path={lite.notebooks_version()}%2Fkjoreark.ipynb")
    context.close()


def test_button_opens_the_notebook_and_the_project_file_stays(browser, site_url):
    """Keyboard on the button -> the notebook in a new tab -> Python runs -> the project file
    survives a reload and a new browser context with the same storage; no other host is asked."""
    context = browser.new_context()
    requests = Requests(context)
    page = context.new_page()
    page.goto(f"{site_url}/notebooks/interessentkart.html")
    with context.expect_page() as opened:
        page.locator("a.hi-lite-knapp").focus()
        page.keyboard.press("Enter")
    lab = opened.value
    lab.wait_for_url("**/lite/notebooks/index.html?path=*", timeout=60_000)
    path = parse_qs(urlsplit(lab.url).query)["path"][0]
    assert path == f"{lite.notebooks_version()}/interessentkart.ipynb"
    assert urlsplit(lab.url).netloc == urlsplit(site_url).netloc
    _wait_for_notebook(lab)
    lab.locator(".jp-Notebook h1", has_text="Interessentkart").wait_for(timeout=30_000)
    assert run_python(lab, "import sys; print(sys.platform, 6 * 7)").strip() == "emscripten 42"
    # imports look in the notebook's folder (the browser's storage) last: kursbok_nettleser's startup
    assert run_python(lab, "print(sys.path[-1] == '' and sys.path.count('') == 1)").strip() == "True"
    assert helseinnovasjon.__version__ in run_python(lab, "import helseinnovasjon; print(helseinnovasjon.__version__)")
    if lite.mode() != "full":  # a Norwegian message, not a traceback
        message = run_python(lab, "import pandas")
        assert "Obs!" in message and "PYODIDE_DIST" in message and "Traceback" not in message
    assert "skrevet" in run_python(lab, WRITE.format(path=PROJECT_FILE, marker="Nattilsyn-test"))
    lab.wait_for_timeout(1500)  # the drive syncs to IndexedDB through the service worker
    lab.reload()
    _wait_for_notebook(lab)
    assert "Nattilsyn-test" in run_python(lab, READ.format(path=PROJECT_FILE))
    state = context.storage_state(indexed_db=True)
    context.close()

    again = browser.new_context(storage_state=state)
    requests_again = Requests(again)
    page = again.new_page()
    page.goto(f"{site_url}/lite/apne.html?notatbok=kjoreark")
    _wait_for_notebook(page)
    assert "Nattilsyn-test" in run_python(page, READ.format(path=PROJECT_FILE))
    again.close()
    assert requests.foreign == [] and requests_again.foreign == []
    assert any("/lite/static/pyodide/" in u for u in requests.urls)


def test_republished_book_shows_the_new_notebook_and_keeps_the_project_file(browser, built_site, tmp_path):
    """Publish, save a copy of a notebook and the project file in the browser, republish with a
    changed notebook (same address): the button opens the new notebook; the project file is there."""
    site = tmp_path / "site"
    site.mkdir()
    shutil.copytree(built_site / "lite", site / "lite")
    changed = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", changed)
    notebook = json.loads((changed / "kjoreark.ipynb").read_text(encoding="utf-8"))
    notebook["cells"].insert(0, {"cell_type": "markdown", "metadata": {}, "source": ["Ny versjon av notatboka"]})
    (changed / "kjoreark.ipynb").write_text(json.dumps(notebook, ensure_ascii=False), encoding="utf-8")

    with _serve(site) as url:
        context = browser.new_context()
        requests = Requests(context)
        page = context.new_page()
        page.goto(f"{url}/lite/apne.html?notatbok=kjoreark")
        _wait_for_notebook(page)
        assert "skrevet" in run_python(page, WRITE.format(path=PROJECT_FILE, marker="Før ny versjon"))
        page.keyboard.press("Control+s")  # the participant's own saved copy of the old notebook
        page.wait_for_timeout(1500)
        page.close()

        record = lite.build(site, notebooks_dir=changed, log=lambda message: None)
        assert record["built"] and record["notebooks_version"] != lite.notebooks_version()

        page = context.new_page()
        page.goto(f"{url}/lite/apne.html?notatbok=kjoreark")
        _wait_for_notebook(page)
        assert f"path={record['notebooks_version']}" in page.url.replace("%2F", "/")
        page.locator(".jp-Notebook p", has_text="Ny versjon av notatboka").first.wait_for(timeout=30_000)
        assert "Før ny versjon" in run_python(page, READ.format(path=PROJECT_FILE))
        context.close()
    assert requests.foreign == []


@pytest.mark.skipif(not os.environ.get("PYODIDE_DIST"), reason="needs the Pyodide release archive (PYODIDE_DIST)")
def test_full_packages_interessentkart(browser, site_url):
    """With numpy/pandas/matplotlib: run «Interessentkart», add a stakeholder, save, reload, find it."""
    context = browser.new_context()
    requests = Requests(context)
    page = context.new_page()
    page.goto(f"{site_url}/lite/apne.html?notatbok=interessentkart")
    _wait_for_notebook(page)
    run_python(page, "print('klar')")
    page.keyboard.press("Escape")
    page.get_by_role("menuitem", name=re.compile("^(Run|Kjør)$")).click()
    page.get_by_role("menuitem", name=re.compile("Run All Cells|Kjør alle celler")).click()
    name_field = page.get_by_placeholder("for eksempel «Pårørende»")
    name_field.wait_for(timeout=KERNEL_START_S * 1000)
    name_field.fill("Testinteressent fra nettleseren")
    name_field.press("Tab")
    page.get_by_role("button", name="Legg til").click()
    page.get_by_role("button", name="Lagre i prosjektet mitt").first.click()
    page.get_by_text("Lagret i").first.wait_for(timeout=60_000)
    page.reload()
    _wait_for_notebook(page)
    saved = run_python(page, READ.format(path=PROJECT_FILE))
    assert "Testinteressent fra nettleseren" in saved
    context.close()
    assert requests.foreign == []

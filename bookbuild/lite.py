"""«Kjør i nettleseren»: the notebooks in JupyterLite on the book's own site (issue 14).

Two parts:

* :func:`build` makes ``_build/html/lite``: it stages a JupyterLite folder (the config in ``lite/``,
  a self-hosted Pyodide from ``scripts/pyodide.py``, a wheel of ``helseinnovasjon`` with its data, the
  ``kursbok_nettleser`` start-up package, ``comm`` for piplite, and the notebooks) and runs
  ``jupyter lite build``. It runs only when one of its inputs changed (a digest in
  ``_build/html/lite/kursbok-lite.stamp``), so a book rebuild without changes costs nothing here.
  ``make lite`` runs it alone; the Sphinx extension runs it at the end of every html build.
* :func:`add_button` (an ``html-page-context`` hook) puts a «Kjør i nettleseren» link on every
  notebook page. It points at ``lite/apne.html?notatbok=<name>``, a small page written by
  :func:`build` that forwards to the notebook in the current version's folder. The reading pages
  load nothing from ``lite/`` until the link is followed.

Versions: the notebooks are placed in ``kursbok-<digest of the notebooks>/`` in the browser's file
system, so a republished book with changed notebooks opens the new files, even when the participant
has a saved copy of an old one (JupyterLite keeps saved files in the browser, and a saved copy
would hide a new file at the same path). The project file stays at one path, ``/drive/mitt-prosjekt.json``.

Without ``PYODIDE_DIST`` (the Pyodide release archive) only the core runtime is available: Python
runs, but numpy, pandas and matplotlib are missing. The build log, the button's page and the
notebook itself say so in plain words (see ``lite/kursbok_nettleser``).
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from datetime import UTC
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = ROOT / "lite"
NOTEBOOKS_DIR = ROOT / "notebooks"
STAGE_DIR = ROOT / "_build" / "lite-src"
CACHE_DIR = ROOT / "_build" / ".pyodide-cache"
LITE_DIR = "lite"  # under the html output
STAMP = "kursbok-lite.stamp"
REDIRECT = "apne.html"
PROJECT_FILE = "/drive/mitt-prosjekt.json"
HELPER = "kursbok_nettleser"
HELPER_DIST = "kursbok-nettleser"
# The packages whose versions change the lite site (see requirements.in).
LITE_PACKAGES = [
    "jupyterlite-core",
    "jupyterlite-pyodide-kernel",
    "jupyterlab-widgets",
    "jupyterlab-language-pack-no-NO",
    "ipywidgets",
]
# What helseinnovasjon declares in pyproject.toml, as lock names (its lock entry depends on them; those
# missing in a core build are left out).
PACKAGE_DEPENDS = sorted(
    {
        re.split(r"[<>=!~ \[;]", d, maxsplit=1)[0].strip().lower()
        for d in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    }
)
BUTTON_TEXT = "Kjør i nettleseren"
GUIDE_PAGE = "book/kjor-i-nettleseren"


def _pyodide_script():
    spec = importlib.util.spec_from_file_location("kursbok_pyodide", ROOT / "scripts" / "pyodide.py")
    if spec is None or spec.loader is None:
        raise ImportError("scripts/pyodide.py is missing")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("kursbok_pyodide", module)
    spec.loader.exec_module(module)
    return module


def pyodide_dist() -> Path | None:
    value = os.environ.get("PYODIDE_DIST", "").strip()
    return Path(value).resolve() if value else None


def mode() -> str:
    """``full`` with the Pyodide release archive (numpy, pandas, matplotlib), else ``core``."""
    return "full" if pyodide_dist() else "core"


def notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    return sorted(folder.glob("*.ipynb"))


def notebooks_version(folder: Path = NOTEBOOKS_DIR) -> str:
    """The folder name the notebooks get in the browser: changes whenever a notebook changes."""
    digest = hashlib.sha256()
    for path in notebooks(folder):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"kursbok-{digest.hexdigest()[:10]}"


def _files(folder: Path, patterns: tuple[str, ...]) -> list[Path]:
    return sorted(
        p for pattern in patterns for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts
    )


def inputs_digest(notebooks_dir: Path = NOTEBOOKS_DIR, student: bool = False) -> str:
    """Everything the lite site is made from."""
    digest = hashlib.sha256(b"student" if student else b"teacher")
    paths = (
        notebooks(notebooks_dir)
        + _files(CONFIG_DIR, ("*",))
        + _files(ROOT / "helseinnovasjon", ("*.py", "*.csv", "*.json", "py.typed"))
        + [ROOT / "pyproject.toml", ROOT / "scripts" / "pyodide.py", Path(__file__)]
    )
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for name in LITE_PACKAGES:
        try:
            digest.update(f"{name}=={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name} missing".encode())
    dist = pyodide_dist()
    if dist is not None:
        digest.update(f"{dist}:{dist.stat().st_size}:{dist.stat().st_mtime_ns}".encode())
    return digest.hexdigest()


def _helper_wheel(target: Path) -> Path:
    """A wheel of lite/kursbok_nettleser (pure Python, written directly: no build tool needed)."""
    version = "1.0"
    name = f"{HELPER}-{version}-py3-none-any.whl"
    dist_info = f"{HELPER}-{version}.dist-info"
    files: dict[str, bytes] = {}
    for path in _files(CONFIG_DIR / HELPER, ("*",)):
        files[path.relative_to(CONFIG_DIR).as_posix()] = path.read_bytes()
    files[f"{dist_info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {HELPER_DIST}\nVersion: {version}\n"
        f"Summary: Start-up messages for the course reader's in-browser notebooks\n"
    ).encode()
    files[f"{dist_info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: bookbuild.lite\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    record = []
    for arcname, data in files.items():
        hashed = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{arcname},sha256={hashed},{len(data)}")
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = target / name
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for arcname, data in sorted(files.items()):
            info = zipfile.ZipInfo(arcname, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return wheel


WHEEL_CACHE = ROOT / "_build" / ".wheel"


def cached_package_wheel(cache: Path = WHEEL_CACHE) -> Path:
    """The course package's wheel, built once per change of the package and shared by «Kjør i nettleseren»
    and the notebook downloads (bookbuild.launch)."""
    digest = hashlib.sha256()
    for path in sorted([*(ROOT / "helseinnovasjon").rglob("*"), ROOT / "pyproject.toml"]):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    folder = cache / digest.hexdigest()[:16]
    wheels = sorted(folder.glob("helseinnovasjon-*.whl"))
    if wheels:
        return wheels[0]
    folder.mkdir(parents=True, exist_ok=True)
    return package_wheel(folder)


def package_wheel(target: Path) -> Path:
    """A wheel of the course package, data included (helseinnovasjon/datasets). Built from a copy of
    the sources in a temporary folder, so the build leaves nothing (build/, *.egg-info) in the repository."""
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "src"
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        shutil.copytree(ROOT / "helseinnovasjon", source / "helseinnovasjon", ignore=ignore)
        for name in ("pyproject.toml", "README.md", "LICENSE", "MANIFEST.in", "setup.cfg"):
            if (ROOT / name).exists():
                shutil.copy2(ROOT / name, source / name)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--quiet",
                "--no-deps",
                "--no-build-isolation",
                "--disable-pip-version-check",
                "-w",
                str(Path(work) / "dist"),
                str(source),
            ],
            check=True,
            cwd=work,
            stdout=subprocess.DEVNULL,
        )
        wheel = next((Path(work) / "dist").glob("helseinnovasjon-*.whl"))
        shutil.copy2(wheel, target / wheel.name)
    return target / wheel.name


REDIRECT_PAGE = """<!DOCTYPE html>
<html lang="no">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Åpner notatboka …</title>
<style>
body {{ font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }}
a.videre {{ display: inline-block; padding: .5rem 1rem; background: #0a58ca; color: #fff; border-radius: .375rem; text-decoration: none; }}
a.videre:focus-visible {{ outline: 3px solid #1a1a1a; outline-offset: 2px; }}
</style>
<script>
(function () {{
  // Opens the notebook. Where the browser cannot keep the project file (no service worker or no
  // IndexedDB: often a private window) or deletes it after seven days without a visit (Safari),
  // the page says so first and opens the notebook when the participant presses the link.
  var version = {version};
  var name = new URLSearchParams(window.location.search).get("notatbok") || "";
  var target = /^[a-z0-9-]+$/.test(name)
    ? "notebooks/index.html?path=" + encodeURIComponent(version + "/" + name + ".ipynb")
    : "tree/index.html?path=" + encodeURIComponent(version);
  var agent = navigator.userAgent;
  var safari = /Safari\\//.test(agent) && !/(Chrome|Chromium|CriOS|FxiOS|EdgiOS|Edg|OPR|Android)\\//.test(agent);
  var noStorage = !("serviceWorker" in navigator) || !window.indexedDB;
  var notice = noStorage ? "ingen-lagring" : safari ? "safari" : "";
  // Ask the browser to keep the site's storage under storage pressure (Chromium decides silently).
  var asked = navigator.storage && navigator.storage.persist ? navigator.storage.persist().catch(function () {{}}) : null;
  if (!notice) {{
    Promise.race([asked, new Promise(function (done) {{ setTimeout(done, 400); }})]).then(function () {{
      window.location.replace(target);
    }});
    return;
  }}
  document.addEventListener("DOMContentLoaded", function () {{
    document.getElementById("apner").hidden = true;
    document.getElementById(notice).hidden = false;
    var link = document.getElementById("videre");
    link.href = target;
    link.textContent = noStorage ? "Åpne notatboka likevel" : "Åpne notatboka";
    link.hidden = false;
    link.focus();
  }});
}})();
</script>
</head>
<body>
<main>
<h1>Kjør i nettleseren</h1>
<p id="apner">Åpner notatboka … Skjer det ingenting, kan du <a href="tree/index.html">åpne listen over notatbøkene</a>.</p>
<div id="ingen-lagring" hidden>
<p><strong>Denne nettleseren lar ikke notatboka lagre noe.</strong> Det skjer ofte i et privat vindu (inkognito).
Notatboka kan kjøre, men det du lagrer i prosjektfilen, blir borte når du lukker vinduet.</p>
<p>Åpne boka i et vanlig vindu, eller bruk en av de andre måtene på siden
<a href="../book/kom-i-gang.html">Kom i gang</a>.</p>
</div>
<div id="safari" hidden>
<p><strong>Du bruker Safari.</strong> Safari sletter det et nettsted har lagret hvis du ikke har besøkt det på sju dager.
Prosjektfilen din ligger bare i denne nettleseren.</p>
<p>Last ned prosjektfilen på slutten av hver kursuke med notatboka «Prosjektfilen din». Da har du alltid en kopi.</p>
</div>
<p><a id="videre" class="videre" hidden></a></p>
</main>
</body>
</html>
"""


def stage(stage_dir: Path, notebooks_dir: Path = NOTEBOOKS_DIR, student: bool = False) -> dict:
    """Lay out the JupyterLite folder: config, Pyodide, wheels, notebooks."""
    pyodide = _pyodide_script()
    if stage_dir.exists():
        shutil.rmtree(stage_dir)
    stage_dir.mkdir(parents=True)
    for name in ("jupyter-lite.json", "overrides.json", "jupyter_lite_config.json"):
        shutil.copy2(CONFIG_DIR / name, stage_dir / name)
    static = stage_dir / "static" / "pyodide"
    record = pyodide.prepare(static, CACHE_DIR, pyodide_dist())
    version = notebooks_version(notebooks_dir)
    wheels = stage_dir / "wheels"
    wheels.mkdir()
    # Local wheels sit in a folder named after the version: a browser that cached an older wheel
    # of the same name would otherwise fail Pyodide's hash check after a republish.
    package = Path(shutil.copy2(cached_package_wheel(), wheels))
    pyodide.add_wheel(static, package, "helseinnovasjon", ["helseinnovasjon"], PACKAGE_DEPENDS, subfolder=version)
    pyodide.add_wheel(static, _helper_wheel(wheels), HELPER_DIST, [HELPER], ["ipython"], subfolder=version)
    shutil.rmtree(wheels)
    pypi = stage_dir / "pypi"
    pypi.mkdir()
    for path in pyodide.pypi_wheels(CACHE_DIR, pyodide.PIPLITE_WHEELS).values():
        shutil.copy2(path, pypi / path.name)
    contents = stage_dir / "contents" / version
    contents.mkdir(parents=True)
    for path in notebooks(notebooks_dir):
        if student:  # the student edition's notebooks leave out the cells tagged «losning»
            from .sphinxext import student_source

            text = student_source(path.read_text(encoding="utf-8"), ".ipynb")
            (contents / path.name).write_text(text, encoding="utf-8")
        else:
            shutil.copy2(path, contents / path.name)
    return {**record, "notebooks_version": version}


def build(
    outdir: Path, notebooks_dir: Path = NOTEBOOKS_DIR, force: bool = False, log=print, student: bool = False
) -> dict:
    """Build ``<outdir>/lite`` if its inputs changed. Returns what was done."""
    pyodide = _pyodide_script()
    target = Path(outdir) / LITE_DIR
    digest = inputs_digest(notebooks_dir, student)
    stamp = target / STAMP
    if not force and stamp.exists() and stamp.read_text(encoding="utf-8") == digest:
        record = {**pyodide.status(target / "static" / "pyodide"), "built": False}
        report(record, log)
        return record
    stage_dir = STAGE_DIR if notebooks_dir == NOTEBOOKS_DIR else Path(outdir).parent / "lite-src"
    record = stage(stage_dir, notebooks_dir, student)
    fresh = Path(outdir) / f"{LITE_DIR}.new"
    shutil.rmtree(fresh, ignore_errors=True)
    # No --contents: jupyter lite build indexes contents only with jupyter_server installed, whose
    # dependencies would slow every book build; write_contents does the same for our flat folders.
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lite",
        "build",
        "--lite-dir",
        str(stage_dir),
        "--output-dir",
        str(fresh),
    ]
    result = subprocess.run(command, cwd=stage_dir, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"jupyter lite build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    (fresh / REDIRECT).write_text(
        REDIRECT_PAGE.format(version=json.dumps(record["notebooks_version"])), encoding="utf-8"
    )
    write_translations(fresh)
    write_contents(fresh, stage_dir / "contents")
    write_favicons(fresh)
    mark_norwegian(fresh)
    (fresh / STAMP).write_text(digest, encoding="utf-8")
    (Path(stage_dir) / ".jupyterlite.doit.db").unlink(missing_ok=True)
    old = Path(outdir) / f"{LITE_DIR}.old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    record["built"] = True
    report(record, log)
    return record


def _model(path: Path, api_path: str, kind: str, content=None) -> dict:
    from datetime import datetime

    stamp = datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat().replace("+00:00", "Z")
    return {
        "name": path.name if api_path else "",
        "path": api_path,
        "last_modified": stamp,
        "created": stamp,
        "content": content,
        "format": "json" if kind == "directory" else None,
        "mimetype": None,
        "size": None if kind == "directory" else path.stat().st_size,
        "writable": True,
        "hash": None,
        "hash_algorithm": None,
        "type": kind,
    }


def write_contents(site: Path, contents: Path) -> None:
    """The files under ``contents`` as JupyterLite serves them: files/<path> and the Jupyter Contents
    API listings api/contents/<folder>/all.json (what jupyter lite build writes with jupyter_server)."""
    folders = [contents, *sorted(p for p in contents.rglob("*") if p.is_dir())]
    for folder in folders:
        rel = folder.relative_to(contents).as_posix()
        rel = "" if rel == "." else rel
        children = []
        for child in sorted(folder.iterdir()):
            child_rel = f"{rel}/{child.name}" if rel else child.name
            if child.is_dir():
                children.append(_model(child, child_rel, "directory"))
            else:
                kind = "notebook" if child.suffix == ".ipynb" else "file"
                children.append(_model(child, child_rel, kind))
                target = site / "files" / child_rel
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(child, target)
        listing = site / "api" / "contents" / rel / "all.json"
        listing.parent.mkdir(parents=True, exist_ok=True)
        listing.write_text(json.dumps(_model(folder, rel, "directory", children)), encoding="utf-8")
    config_path = site / "jupyter-lite.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config.setdefault("jupyter-config-data", {})["contentsAllJsonFile"] = "all.json"
    config_path.write_text(json.dumps(config, indent=2), encoding="utf-8")


FAVICONS = [
    "favicon.ico",
    "favicon-busy-1.ico",
    "favicon-busy-2.ico",
    "favicon-busy-3.ico",
    "favicon-notebook.ico",
    "favicon-file.ico",
    "favicon-terminal.ico",
]


def mark_norwegian(site: Path) -> None:
    """The lite pages say they are in Norwegian (the interface is set to the Norwegian language pack)."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = re.sub(r"<html(?![^>]*\blang=)", '<html lang="no"', text, count=1)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def write_favicons(site: Path) -> None:
    """The tab icons the Notebook UI asks for (jupyter lite build copies them only from jupyter_server):
    the book's own icon, so the browser gets no 404s."""
    folder = site / "static" / "favicons"
    folder.mkdir(parents=True, exist_ok=True)
    for name in FAVICONS:
        shutil.copy2(ROOT / "_static" / "favicon.png", folder / name)


def write_translations(site: Path) -> None:
    """The Norwegian language pack in JupyterLite's translation API (api/translations). jupyter lite
    build does this only with jupyterlab_server installed, whose dependencies would slow every book
    build (see scripts/lock-requirements.sh), so the pack's own JSON catalogues are copied here."""
    import jupyterlab_language_pack_no_NO as pack

    folder = Path(pack.__file__).parent / "locale" / "no_NO" / "LC_MESSAGES"
    data = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))}
    api = site / "api" / "translations"
    api.mkdir(parents=True, exist_ok=True)
    languages = {
        "en": {"displayName": "English", "nativeName": "English"},
        "no_NO": {"displayName": "Norsk (bokmål)", "nativeName": "Norsk (bokmål)"},
    }
    (api / "all.json").write_text(json.dumps({"data": languages, "message": ""}), encoding="utf-8")
    (api / "no_NO.json").write_text(json.dumps({"data": data, "message": ""}, ensure_ascii=False), encoding="utf-8")


def report(record: dict, log=print) -> None:
    """Say in the build log what the in-browser notebooks have, and what is missing."""
    pyodide = _pyodide_script()
    state = "bygd" if record.get("built") else "uendret"
    if record.get("mode") == "full":
        log(f"kjør i nettleseren: {state}, Pyodide {record.get('version')} med numpy, pandas og matplotlib.")
    else:
        log(
            f"kjør i nettleseren: {state}, men BARE PYODIDE-KJERNEN: {', '.join(pyodide.NOTEBOOK_PACKAGES)} "
            f"mangler, så notatbøkene kan ikke regne eller tegne i nettleseren. Legg dem til med: "
            f"{pyodide.MAKE_HINT} (arkivet: {pyodide.RELEASE_URL})."
        )


# -- the button on the notebook pages --------------------------------------------------------


def button_html(pagename: str, build_mode: str) -> str:
    """The «Kjør i nettleseren» link for one notebook page (a relative, same-origin link)."""
    depth = pagename.count("/")
    up = "../" * depth
    name = pagename.rsplit("/", 1)[-1]
    href = f"{up}{LITE_DIR}/{REDIRECT}?notatbok={html.escape(name)}"
    guide = f"{up}{GUIDE_PAGE}.html"
    note = (
        f'Notatboka åpnes i en ny fane, og Python kjører i din egen nettleser. <a href="{guide}">Slik virker det</a>.'
    )
    if build_mode != "full":
        note += (
            " <strong>Obs:</strong> denne utgaven av nettstedet har bare selve Python, ikke pakkene for "
            "tabeller og figurer (numpy, pandas og matplotlib). De fleste cellene vil derfor si fra at en pakke "
            "mangler. Den som bygger boka, legger dem til med "
            "<code>make html PYODIDE_DIST=…</code>."
        )
    return (
        f'<div class="hi-lite" role="group" aria-label="{BUTTON_TEXT}">'
        f'<a class="hi-lite-knapp" href="{href}" target="_blank" rel="noopener" '
        f'aria-describedby="hi-lite-om">{BUTTON_TEXT}</a>'
        f'<p id="hi-lite-om" class="hi-lite-om">{note}</p></div>'
    )


def is_notebook_page(app, pagename: str) -> bool:
    path = app.env.doc2path(pagename, False) if pagename in app.env.all_docs else ""
    return str(path).endswith(".ipynb")


def add_button(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """html-page-context: the button under the title of every notebook page; and no page keeps a
    stylesheet or script from another host (jupyterlite-sphinx, if it is ever loaded, adds Google Fonts)."""
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [
                item
                for item in context[key]
                if not str(getattr(item, "filename", item) or "").startswith(("http:", "https:", "//"))
            ]
    if doctree is None or "body" not in context or not is_notebook_page(app, pagename):
        return
    body = context["body"]
    end = body.find("</h1>")
    button = button_html(pagename, app.config.kursbok_lite_mode)
    context["body"] = body[: end + 5] + button + body[end + 5 :] if end >= 0 else button + body


def build_finished(app, exception) -> None:
    if exception is not None or app.builder.format != "html" or os.environ.get("KURSBOK_LITE") == "0":
        return
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    build(
        Path(app.outdir),
        Path(app.srcdir) / "notebooks",
        log=logger.info,
        student=bool(getattr(app.config, "hide_solutions", False)),
    )


def setup(app) -> None:
    """Called from bookbuild.sphinxext.setup."""
    app.add_config_value("kursbok_lite_mode", mode(), "html")
    app.connect("html-page-context", add_button, priority=950)
    app.connect("build-finished", build_finished)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Build the in-browser notebooks (JupyterLite) into <outdir>/lite.")
    parser.add_argument("--outdir", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    build(args.outdir, force=args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())

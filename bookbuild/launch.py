"""The page's launch and download buttons, as participants need them.

sphinx-book-theme offers a rocket (Binder, JupyterHub, Colab) and a download menu (.ipynb, the
source file, PDF) on every page that MyST-NB executes, the chapters with a quiz included. Here:

* the rocket only on real notebooks (``notebooks/*.ipynb``): a chapter is not something to run;
* each launch entry says in a few words what it means for privacy (a public server, a Google
  account, the school's own server), so a participant can choose before pressing;
* the download menu offers one zip per notebook that runs on its own (the notebook, the course
  package as a wheel with its data, the pinned run requirements, the double-clickable starters
  and a Norwegian LES-MEG), and never a raw .ipynb or .md; every page keeps «Skriv ut / PDF».

The zips are written after the build (``_downloads/notatboker/<navn>.zip``) by
:func:`bookbuild.teaching.notebook_bundle`, the same code as the weekly bundles.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from . import lite, teaching

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
ZIP_FOLDER = "_downloads/notatboker"
#: What each launch entry says next to its name (the visible text), and in full as its tooltip.
PRIVACY = {
    "Binder": (
        "Binder (åpen tjeneste)",
        "Kjører på en åpen, offentlig server. Bruk bare eksempeldata, aldri "
        "opplysninger om pasienter. Prosjektfilen forsvinner når du lukker fanen: last den ned først.",
    ),
    "Colab": (
        "Colab (Google-konto)",
        "Kjører hos Google og krever en Google-konto. Bruk bare eksempeldata, aldri opplysninger om pasienter.",
    ),
    "JupyterHub": (
        "JupyterHub (skolens server)",
        "Kjører på utdanningsinstitusjonens egen server, med din brukerkonto der.",
    ),
}


def is_notebook(app: Sphinx, pagename: str) -> bool:
    """True for the course's notebooks (an .ipynb source), not for chapters executed as notebooks."""
    return Path(app.env.doc2path(pagename)).suffix == ".ipynb"


def zip_name(pagename: str) -> str:
    return f"{ZIP_FOLDER}/{Path(pagename).name}.zip"


def adjust_header_buttons(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """After the theme has made its buttons (``html-page-context``): keep what a participant can use."""
    buttons = context.get("header_buttons")
    if not buttons:
        return
    notebook = is_notebook(app, pagename)
    kept = []
    for group in buttons:
        if group.get("label") == "launch-buttons":
            if not notebook:
                continue
            for entry in group.get("buttons", []):
                if entry.get("text") in PRIVACY:
                    entry["text"], entry["tooltip"] = PRIVACY[entry["text"]]
        if group.get("label") == "download-buttons":
            entries = [b for b in group.get("buttons", []) if b.get("label") == "download-pdf-button"]
            for entry in entries:
                entry["text"], entry["tooltip"] = "Skriv ut / PDF", "Skriv ut siden eller lagre den som PDF"
            if notebook:
                entries.insert(
                    0,
                    {
                        "type": "link",
                        "url": context["pathto"](zip_name(pagename), 1),
                        "text": "Notatboka (.zip)",
                        "icon": "fas fa-file-zipper",
                        "label": "download-zip-button",
                        "tooltip": "Last ned notatboka med alt den trenger for å kjøre på din egen maskin",
                    },
                )
            group["buttons"] = entries
        kept.append(group)
    context["header_buttons"] = kept


def write_notebook_zips(app: Sphinx, exception: Exception | None) -> None:
    """After an HTML build: one zip per notebook page, rewritten only when its inputs changed."""
    if exception is not None or app.builder.format != "html":
        return
    pages = [doc for doc in sorted(app.env.found_docs) if is_notebook(app, doc)]
    if not pages:
        return
    wheel = lite.cached_package_wheel()
    out = Path(app.outdir) / ZIP_FOLDER
    out.mkdir(parents=True, exist_ok=True)
    for doc in pages:
        source = Path(app.env.doc2path(doc))
        target = Path(app.outdir) / zip_name(doc)
        newest = max(source.stat().st_mtime, wheel.stat().st_mtime, teaching.support_mtime())
        if target.exists() and target.stat().st_mtime >= newest:
            continue
        teaching.notebook_bundle(source, target, wheel=wheel)
    logger.info(f"helseinnovasjon: {len(pages)} notatbøker som zip i {ZIP_FOLDER}")


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("html-page-context", adjust_header_buttons, priority=600)  # after the theme's own (500)
    app.connect("build-finished", write_notebook_zips)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}

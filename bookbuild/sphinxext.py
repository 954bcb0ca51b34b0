"""A small Sphinx extension used when the book is built (listed in _config.yml).

* ``{kursplan}`` directive: the course plan table, generated from ``datasets/kursplan.csv`` (or, with
  ``:plan: kursplan-videreutdanning``, another plan in datasets/datapackage.json), with the estimated
  hours per meeting and a clear build error for a chapter, notebook or exercise that does not exist
  in any of the plans.
* Student edition (``hide_solutions``): notebook cells tagged ``losning`` are left out, and the
  downloadable sources in ``_sources/`` lose their solutions too.
* ``{datakilder}`` directive: the table of data files on the «Datakilder» page,
  generated from ``datasets/datapackage.json`` so the page can never drift from the data.
* Norwegian reference styles (:mod:`bookbuild.bibstyle`) for sphinxcontrib-bibtex.
* Norwegian for the theme's own buttons: sphinx-book-theme's "no" catalogue lacks
  some strings, so ``locales/<language>/LC_MESSAGES/booktheme.po`` fills the gaps.
* Widgets drawn as plain HTML (:mod:`bookbuild.static_widgets`), so no page loads the
  1.8 MB widget manager; page scripts: drops the unused Thebe scripts (written twice, a
  console error on every page, and a CDN address).
* Accessibility fixes for markup the theme and Sphinx write: a name for the menu's
  expand buttons and list items in the bibliography (axe-core rules summary-name,
  aria-required-children, aria-deprecated-role).
* Execution-cache invalidation: jupyter-cache only notices edits to a notebook
  itself. When a data file or this package changes, the cached outputs are stale, so
  on such a change the cache is emptied and every notebook runs again once.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.html._assets import _JavaScript
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.i18n import CatalogInfo

import helseinnovasjon
from helseinnovasjon import data

from . import bibstyle, icon_fonts, static_widgets

logger = logging.getLogger(__name__)
PACKAGE_DIR = Path(helseinnovasjon.__file__).resolve().parent
STAMP = "helseinnovasjon-inputs.sha256"
KIND = {"reell": "Reelle data", "illustrativ": "Illustrerende (laget for kurset)"}


def inputs_digest(data_dir: Path = data.DATA_DIR, package_dir: Path = PACKAGE_DIR) -> str:
    """A hash of everything notebooks read besides themselves: the data files and the course package."""
    digest = hashlib.sha256()
    files = sorted(p for p in data_dir.rglob("*") if p.is_file())
    files += sorted(package_dir.rglob("*.py"))
    for path in files:
        digest.update(path.as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def invalidate_stale_cache(cache_dir: Path, digest: str) -> bool:
    """Empty the jupyter-cache folder if its inputs changed; returns True if it did."""
    stamp = cache_dir / STAMP
    if stamp.exists() and stamp.read_text() == digest:
        return False
    stale = cache_dir.exists() and stamp.exists()
    if stale:
        shutil.rmtree(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest)
    return stale


def _add_theme_translations(app: Sphinx, config: Config) -> None:
    """Compile and register the book's own catalogues for the theme's text domains."""
    for locale_dir in config.locale_dirs:
        folder = Path(app.srcdir, locale_dir, config.language, "LC_MESSAGES")
        for po in folder.glob("*.po"):
            if po.stem == "sphinx":  # Sphinx compiles its own domain
                continue
            info = CatalogInfo(str(folder), po.stem, "utf-8")
            if info.is_outdated():
                info.write_mo(config.language)
            app.add_message_catalog(po.stem, str(Path(app.srcdir, locale_dir)))


def execution_cache_dir(configured: str | None, srcdir: str | Path, outdir: str | Path) -> Path:
    """Where myst-nb keeps its jupyter-cache: as configured, else ``<outdir>/../.jupyter_cache``
    (myst-nb's own default, which Jupyter Book uses)."""
    if configured:
        return Path(srcdir, configured).resolve()
    return Path(outdir).parent.joinpath(".jupyter_cache").resolve()


def _on_config_inited(app: Sphinx, config: Config) -> None:
    _add_theme_translations(app, config)
    # The notebooks run during the build must never read a participant's own project file
    # (it would end up on the public site): point them at a file that does not exist.
    from helseinnovasjon import workbook

    os.environ[workbook.ENV_PATH] = str(Path(app.outdir).parent / "ingen-prosjektfil" / workbook.FILE_NAME)
    digest = inputs_digest()
    # Registered with rebuild="env": a new digest makes Sphinx re-read every page.
    config.helseinnovasjon_inputs = digest
    cache = execution_cache_dir(getattr(config, "nb_execution_cache_path", ""), app.srcdir, app.outdir)
    if invalidate_stale_cache(cache, digest):
        logger.info("helseinnovasjon: data or package changed, notebooks will run again")


BRIDGE = "mathjax-bridge.js"
DEFER_EXCEPT = ("documentation_options.js",)


def _script_name(script: object) -> str:
    """The file name of a page script (Sphinx's _JavaScript object or a plain string)."""
    return str(getattr(script, "filename", script) or "")


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def _draw_widgets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Draw the page's widgets as HTML (:mod:`bookbuild.static_widgets`) and drop the widget
    state MyST-NB put in <head>: the page then needs no widget manager."""
    scripts = context.get("script_files", [])
    states = [s for s in scripts if getattr(s, "attributes", {}).get("type") == WIDGET_STATE]
    if not states or "body" not in context:
        return
    state = json.loads(str(states[0].attributes["body"]))
    try:
        context["body"] = static_widgets.render_body(context["body"], state)
    except static_widgets.UnknownWidget as problem:
        logger.warning(f"{pagename}: {problem}", type="helseinnovasjon", subtype="widgets")
    context["script_files"] = [s for s in scripts if s not in states]


def _tidy_page_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Keep each script once, drop Thebe and the widget manager, and load the
    local MathJax (and its MathJax 2 bridge, mathjax-bridge.js) only where formulas are."""
    # this page's own formulas (has_equations(pagename) also counts every page below it in the toc)
    has_math = app.env.get_domain("math").data["has_equations"].get(pagename, False)
    seen: set[tuple[str, str]] = set()
    kept = []
    for script in context.get("script_files", []):
        name = _script_name(script)
        body = str(getattr(script, "attributes", {}).get("body", ""))
        key = (name, body)
        if "thebe" in name or "THEBE_JS_URL" in body or key in seen:
            continue
        # Sphinx adds the MathJax config (window.MathJax = ...) for parent pages too; without the
        # library it makes `typeof MathJax` true and breaks jupyterquiz's version check.
        if ("_static/mathjax" in name or body.startswith("window.MathJax")) and not has_math:
            continue
        # Jupyter Book adds every .js file in the static folders; MathJax's loader (mathjax_path)
        # fetches its own components, so only the loader itself is kept.
        if "_static/mathjax/" in name and not name.endswith(app.config.mathjax_path):
            continue
        # The theme's own <script> tag loads the stub in _static/scripts/fontawesome.js (see there)
        if name.endswith("scripts/fontawesome.js"):
            continue
        seen.add(key)
        # Files are fetched in parallel and run in order after the page is parsed, so the text
        # shows without waiting for them (first paint on a phone). documentation_options.js stays
        # blocking: the inline scripts in <head> use what it defines.
        attributes = getattr(script, "attributes", None)
        if (
            name
            and attributes is not None
            and pagename != "search"
            and not name.endswith(DEFER_EXCEPT)
            and "async" not in attributes
            and "defer" not in attributes
        ):
            # a new object: Sphinx shares the script list between pages (the search page's own
            # scripts need doctools.js loaded before them, so it keeps them blocking)
            script = _JavaScript(script.filename, priority=script.priority, **{**attributes, "defer": "defer"})
        kept.append(script)
    # The MathJax 2 bridge must run right after MathJax itself, whatever the priorities say.
    bridge = [s for s in kept if _script_name(s).endswith(BRIDGE)]
    kept = [s for s in kept if s not in bridge]
    loader = next((i for i, s in enumerate(kept) if _script_name(s).endswith(app.config.mathjax_path)), None)
    if loader is not None:
        kept[loader + 1 : loader + 1] = bridge[:1]
    context["script_files"] = kept
    context["css_files"] = [c for c in context.get("css_files", []) if "thebe" not in str(getattr(c, "filename", c))]


SOLUTION_CELL_CLASS = "tag_losning"
SOLUTION_TAG = "losning"
SOLUTION_BLOCK = re.compile(r"^(?P<fence>:{3,}|`{3,})\{solution\}.*?^(?P=fence)[ \t]*$\n?", re.S | re.M)


def student_source(text: str, suffix: str) -> str:
    """A page's downloadable source as the student edition offers it: chapters without their
    ``{solution}`` blocks, notebooks without the cells tagged ``losning``."""
    if suffix == ".ipynb":
        notebook = json.loads(text)
        notebook["cells"] = [
            c for c in notebook.get("cells", []) if SOLUTION_TAG not in c.get("metadata", {}).get("tags", [])
        ]
        for cell in notebook["cells"]:  # a chapter with code cells is also offered as .ipynb
            if cell.get("cell_type") == "markdown":
                source = cell.get("source", "")
                cell["source"] = SOLUTION_BLOCK.sub("", "".join(source) if isinstance(source, list) else source)
        return json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"
    return SOLUTION_BLOCK.sub("", text)


def _student_sources(app: Sphinx, exception: Exception | None) -> None:
    """In the student edition the «Last ned» button offers the sources without solutions
    (issue 21: they used to ship every model answer in _sources/)."""
    if exception is not None or not app.config.hide_solutions or app.builder.format != "html":
        return
    for path in Path(app.outdir, "_sources").rglob("*"):
        if path.is_file() and path.suffix in (".ipynb", ".md", ".txt"):
            suffix = ".ipynb" if path.name.endswith(".ipynb") else path.suffix
            text = path.read_text(encoding="utf-8")
            cleaned = student_source(text, suffix)
            if cleaned != text:
                path.write_text(cleaned, encoding="utf-8")


def _drop_solution_cells(app: Sphinx, doctree: nodes.document) -> None:
    """In the student edition (``hide_solutions``), leave out notebook cells tagged ``losning``,
    as sphinx-exercise leaves out the solutions in the chapters."""
    if not app.config.hide_solutions:
        return
    for cell in list(doctree.findall(nodes.container)):
        if SOLUTION_CELL_CLASS in cell.get("classes", []):
            cell.parent.remove(cell)


class FoldCode(SphinxPostTransform):
    """Fold the code of every notebook cell behind a «Vis koden» toggle: participants read the
    text and the results; the code is one click away (and unchanged in the downloaded notebook).
    Runs just before MyST-NB's own HideInputCells, which does the folding."""

    default_priority = 198
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for cell in self.document.findall(nodes.container):
            if cell.get("nb_element") != "cell_code" or not cell.children:
                continue
            if cell.children[0].get("nb_element") != "cell_code_source":
                continue  # remove-input: no code shown at all
            mode = cell.get("hide_mode")
            cell["hide_mode"] = {None: "input", "output": "input+output"}.get(mode, mode)
            cell["prompt_show"] = cell.get("prompt_show") or self.config.nb_code_prompt_show
            cell["prompt_hide"] = cell.get("prompt_hide") or self.config.nb_code_prompt_hide


THOUSANDS_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def keep_numbers_together(text: str) -> str:
    """«1 108» with a no-break space, so a narrow table cell never splits a number."""
    return THOUSANDS_SPACE.sub("\u00a0", text)


class NumbersInTables(SphinxPostTransform):
    """Thousands separators in table cells become no-break spaces."""

    default_priority = 400
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for entry in self.document.findall(nodes.entry):
            for text in list(entry.findall(nodes.Text)):
                fixed = keep_numbers_together(str(text))
                if fixed != str(text):
                    text.parent.replace(text, nodes.Text(fixed))


# MyST-NB fills {type} in the toggle texts with English words.
PROMPT_WORDS = {"source": "koden", "outputs": "resultatet", "output": "resultatet", "content": "cellen"}


class NorwegianTogglePrompts(SphinxPostTransform):
    """«Vis {type}» with {type} in Norwegian, after MyST-NB has made the toggles."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs) -> None:
        from myst_nb.sphinx_ import HideCodeCellNode

        for toggle in self.document.findall(HideCodeCellNode):
            for key in ("prompt_show", "prompt_hide"):
                words = toggle[key].rsplit(" ", 1)
                if len(words) == 2 and words[1] in PROMPT_WORDS:
                    toggle[key] = f"{words[0]} {PROMPT_WORDS[words[1]]}"


SUBMENU_LABEL = "Vis eller skjul undersider"


def _accessible_markup(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Give the menu's expand buttons a name, the bibliography valid list roles, and the
    code toggles their Norwegian text as their name."""
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')
        # MyST-NB names its fold toggles in English; the visible «Vis koden» is the better name.
        context["body"] = context["body"].replace('<summary aria-label="Toggle hidden content">', "<summary>")
    toctree = context.get("generate_toctree_html")
    if toctree is not None:
        from markupsafe import Markup

        def labelled(*args, **kwargs):
            return Markup(str(toctree(*args, **kwargs)).replace("<summary>", f'<summary aria-label="{SUBMENU_LABEL}">'))

        context["generate_toctree_html"] = labelled


class DataSources(SphinxDirective):
    """Render datasets/datapackage.json as one section per data file: what, source, licence."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(data.DATA_DIR / data.DATAPACKAGE))
        package = data.datapackage()
        sections: list[nodes.Node] = []
        for res in package["resources"]:
            section = nodes.section(ids=[nodes.make_id(f"data-{res['name']}")])
            section += nodes.title(text=res["title"])
            section += nodes.paragraph(text=res.get("description", ""))
            fields = nodes.field_list()
            for name, body in [
                ("Fil", [nodes.literal(text=f"helseinnovasjon/datasets/{res['path']}")]),
                ("Type data", [nodes.Text(KIND.get(res.get("data_kind", ""), "Ikke oppgitt"))]),
                ("År", [nodes.Text(str(res.get("year", "ikke oppgitt")))]),
                ("Område", [nodes.Text(res.get("geography", "ikke oppgitt"))]),
                ("Kilde", _links(res.get("sources", []))),
                ("Lisens", _links(res.get("licenses", package.get("licenses", [])))),
                ("Kolonner", _join([nodes.literal(text=f["name"]) for f in res["schema"]["fields"]])),
            ]:
                fields += nodes.field(
                    "", nodes.field_name(text=name), nodes.field_body("", nodes.paragraph("", "", *body))
                )
            section += fields
            sections.append(section)
        return sections


def _links(items: list[dict[str, str]]) -> list[nodes.Node]:
    """Titles of sources or licences, linked where they have a URL."""
    parts = [
        nodes.reference(text=item.get("title", item.get("name", "")), refuri=item["path"])
        if item.get("path")
        else nodes.Text(item.get("title", item.get("name", "")))
        for item in items
    ]
    return _join(parts, "; ") or [nodes.Text("ikke oppgitt")]


def _join(parts: list[nodes.Node], separator: str = ", ") -> list[nodes.Node]:
    joined: list[nodes.Node] = []
    for i, part in enumerate(parts):
        if i:
            joined.append(nodes.Text(separator))
        joined.append(part)
    return joined


PLAN_TABLE = "kursplan"
PLAN_COLUMNS = {"les": "Les", "kjør": "Kjør", "oppgave": "Oppgaver"}
HOURS_COLUMN = "timer"


def plan_tables() -> list[str]:
    """The names of every course plan in datasets/datapackage.json: ``kursplan`` and ``kursplan-*``."""
    return [
        res["name"]
        for res in data.datapackage()["resources"]
        if res["name"] == PLAN_TABLE or res["name"].startswith(PLAN_TABLE + "-")
    ]


def plan_problems(plan, docs: set[str], labels: set[str], source: str = "datasets/kursplan.csv") -> list[str]:
    """A Norwegian message for every course-plan row that points to nothing."""
    problems = []
    for line, row in zip(range(2, len(plan) + 2), plan.itertuples(index=False)):
        where = f"{source}, linje {line} (uke {row.uke})"
        if row.type in ("les", "kjør") and row.ref not in docs:
            problems.append(
                f"{where}: «{row.ref}» finnes ikke i boka. Sjekk stavemåten (uten .md eller .ipynb) "
                "og at siden står i _toc.yml."
            )
        elif row.type == "kjør" and not row.ref.startswith("notebooks/"):
            problems.append(f"{where}: «{row.ref}» er ikke en notatbok. Bruk «les» for kapitler.")
        elif row.type == "oppgave" and row.ref.lower() not in labels:
            problems.append(
                f"{where}: oppgaven «{row.ref}» finnes ikke. Bruk navnet som står etter :label: i oppgaven."
            )
    return problems


def plan_weeks(plan) -> list[dict]:
    """One entry per course meeting, in file order: week, theme, the refs per kind, and the
    estimated hours (None if the plan has no ``timer`` column)."""
    weeks: dict[tuple[int, str], dict] = {}
    has_hours = HOURS_COLUMN in plan.columns
    for row in plan.itertuples(index=False):
        entry = weeks.setdefault(
            (row.uke, row.tema),
            {
                "uke": row.uke,
                "tema": row.tema,
                "refs": {kind: [] for kind in PLAN_COLUMNS},
                "timer": 0.0 if has_hours else None,
            },
        )
        entry["refs"][row.type].append(row.ref)
        if has_hours and getattr(row, HOURS_COLUMN) == getattr(row, HOURS_COLUMN):  # skip NaN
            entry["timer"] += float(getattr(row, HOURS_COLUMN))
    return list(weeks.values())


def format_hours(hours: float) -> str:
    """``6.5`` -> ``"6,5"``, ``7.0`` -> ``"7"`` (Norwegian decimal comma)."""
    from helseinnovasjon.plotting import format_number

    return format_number(hours, 1, trim=True)


class CoursePlan(SphinxDirective):
    """The course plan table: one row per course week, with links to what to read, run and do.

    ``:plan:`` names the plan in datasets/datapackage.json (default ``kursplan``)."""

    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], str]]] = {"plan": lambda value: value.strip()}

    def run(self) -> list[nodes.Node]:
        name = self.options.get("plan", PLAN_TABLE)
        if name not in plan_tables():
            raise self.error(f"Kursplanen «{name}» finnes ikke. Bruk en av disse: {', '.join(plan_tables())}.")
        resource = data.resource(name)
        self.env.note_dependency(str(data.DATA_DIR / resource["path"]))
        entries = plan_weeks(data.load_table(name))
        with_hours = entries and entries[0]["timer"] is not None

        # Two columns (the meeting, and what to do before it), so the table fits a phone screen.
        headers = ["Samling", "Før samlingen"]
        table = nodes.table(classes=["hi-kursplan"])
        group = nodes.tgroup(cols=len(headers))
        table += group
        group += nodes.colspec(colwidth=1)
        group += nodes.colspec(colwidth=3)
        head, body = nodes.thead(), nodes.tbody()
        head += nodes.row("", *[nodes.entry("", nodes.paragraph(text=h)) for h in headers])
        for entry in entries:
            meeting = [
                nodes.paragraph("", "", nodes.strong(text=f"Uke {entry['uke']}")),
                nodes.paragraph(text=entry["tema"]),
            ]
            if with_hours:
                meeting.append(nodes.paragraph(text=f"Om lag {format_hours(entry['timer'])} timer"))
            todo = []
            for kind, heading in PLAN_COLUMNS.items():
                targets = [self._link(kind, ref) for ref in entry["refs"][kind]]
                if targets:
                    todo.append(nodes.paragraph("", "", nodes.strong(text=f"{heading}: "), *_join(targets)))
            body += nodes.row("", nodes.entry("", *meeting), nodes.entry("", *(todo or [nodes.paragraph()])))
        if with_hours:
            total = format_hours(sum(entry["timer"] for entry in entries))
            body += nodes.row(
                "",
                nodes.entry("", nodes.paragraph("", "", nodes.strong(text="I alt"))),
                nodes.entry("", nodes.paragraph(text=f"Om lag {total} timer")),
            )
        group += head
        group += body
        return [table]

    def _link(self, kind: str, ref: str) -> nodes.Node:
        if kind == "oppgave":
            return addnodes.pending_xref(
                "",
                nodes.inline(text=ref),
                refdomain="std",
                reftype="ref",
                reftarget=ref.lower(),
                refexplicit=False,
                refwarn=False,
                refdoc=self.env.docname,
            )
        return addnodes.pending_xref(
            "",
            nodes.inline(text=ref),
            refdomain="std",
            reftype="doc",
            reftarget=f"/{ref}",
            refexplicit=False,
            refwarn=False,
            refdoc=self.env.docname,
        )


def _check_course_plan(app: Sphinx, env) -> None:
    """After all pages are read: every chapter, notebook and exercise in every plan must exist."""
    labels = set(env.domaindata["std"]["labels"]) | set(env.domaindata["std"]["anonlabels"])
    for name in plan_tables():
        source = f"datasets/{data.resource(name)['path']}"
        for problem in plan_problems(data.load_table(name), set(env.found_docs), labels, source):
            logger.warning(problem, type="helseinnovasjon", subtype="kursplan")


# Accessible names the theme writes in English into its own templates (not translatable through
# its catalogue). The launch buttons' logos are decorative: the button text names the service.
ENGLISH_NAMES = [
    (
        re.compile(r'<nav class="bd-links bd-docs-nav" aria-label="Main">'),
        '<nav class="bd-links bd-docs-nav" aria-label="Kapitlene i boka">',
    ),
    (re.compile(r'<nav aria-label="Page">'), '<nav aria-label="Innholdet på denne siden">'),
    (re.compile(r'<img alt="[A-Za-z]+ logo"'), '<img alt=""'),
]


def norwegian_names(page: str) -> str:
    for pattern, replacement in ENGLISH_NAMES:
        page = pattern.sub(replacement, page)
    return page


def _norwegian_names_in_site(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for path in Path(app.outdir).glob("**/*.html"):
        text = path.read_text(encoding="utf-8")
        fixed = norwegian_names(text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")


def _subset_icon_fonts(app: Sphinx, exception: Exception | None) -> None:
    """Keep only the icons the site uses in the theme's webfonts (bookbuild.icon_fonts)."""
    if exception is None and app.builder.format == "html":
        theme = app.builder.theme  # type: ignore[attr-defined]  # the HTML builder's theme
        static_dirs = [Path(d) / "static" for d in theme.get_theme_dirs()]
        for font, (before, after) in icon_fonts.subset_site(Path(app.outdir), static_dirs).items():
            logger.info(f"helseinnovasjon: {font} {before // 1024} kB -> {after // 1024} kB")


def setup(app: Sphinx) -> dict[str, object]:
    bibstyle.register()
    app.setup_extension("bookbuild.launch")
    app.setup_extension("bookbuild.css_bundle")
    app.add_config_value("helseinnovasjon_inputs", "", "env")
    app.connect("config-inited", _on_config_inited)
    app.add_directive("datakilder", DataSources)
    app.add_directive("kursplan", CoursePlan)
    app.connect("env-check-consistency", _check_course_plan)
    app.connect("doctree-read", _drop_solution_cells)
    # After MathJax (added per page with priority 800); <head> scripts all run before the page body.
    app.add_js_file(BRIDGE, priority=801)
    app.connect("html-page-context", _draw_widgets, priority=899)  # before the scripts are tidied
    app.connect("html-page-context", _tidy_page_scripts, priority=900)
    app.connect("html-page-context", _accessible_markup, priority=900)
    app.connect("build-finished", _subset_icon_fonts)
    app.connect("build-finished", _norwegian_names_in_site)
    app.connect("build-finished", _student_sources)
    app.add_post_transform(FoldCode)
    app.add_post_transform(NorwegianTogglePrompts)
    app.add_post_transform(NumbersInTables)
    # «Kjør i nettleseren» (issue 14): the button on notebook pages and the JupyterLite build.
    from . import lite

    lite.setup(app)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}

"""The built website: every page is there, in Norwegian, self-contained, and works in a browser.

The build runs once per test run (fixture ``built_site``, with warnings as errors).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import ROOT, toc_files

pytestmark = pytest.mark.site

PAGES = toc_files()
NOTEBOOK_PAGE = "notebooks/hvem-bruker-timene"


class _Refs(HTMLParser):
    """Collects the lang attribute and every src/href in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = None
        self.loads: list[str] = []  # fetched by the browser when the page opens
        self.links: list[str] = []  # followed only when clicked

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag in ("script", "img", "iframe", "source") and attrs.get("src"):
            self.loads.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical",):
            self.loads.append(attrs["href"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def _parse(path: Path) -> _Refs:
    refs = _Refs()
    refs.feed(path.read_text(encoding="utf-8"))
    return refs


def _page_files(site: Path) -> list[Path]:
    return sorted(site.glob("**/*.html"), key=str)


# -- the build -----------------------------------------------------------------------


def test_every_toc_page_is_built(built_site):
    missing = [page for page in PAGES if not (built_site / f"{page}.html").exists()]
    assert missing == []


def test_every_page_is_norwegian(built_site):
    for path in _page_files(built_site):
        text = path.read_text(encoding="utf-8")
        if path.parent.name == "_static" or 'http-equiv="Refresh"' in text:  # the root redirect
            continue
        assert _parse(path).lang == "no", path


def test_site_interface_is_norwegian(built_site):
    page = (built_site / "book/om-kurset.html").read_text(encoding="utf-8")
    assert 'placeholder="Søk i boka …"' in page
    notebook_page = (built_site / "notebooks/spredning.html").read_text(encoding="utf-8")
    for english in (
        "Search this book",
        "Toggle primary sidebar",
        "Skip to main content",
        "Back to top",
        "Color mode",
        "Link to this heading",
        "Launch interactive content",
        'aria-label="Main"',
        'aria-label="Page"',
        "Toggle hidden content",
        'alt="Binder logo"',
        "Vis source",
        "Vis output",
    ):
        assert english not in notebook_page, english
        assert english not in page, english
    chapter = (built_site / "book/hvorfor-innovasjon.html").read_text(encoding="utf-8")
    assert "Tabell 1" in chapter and "Table 1" not in chapter
    assert "Gå til hovedinnholdet" in page
    notebook = (built_site / f"{NOTEBOOK_PAGE}.html").read_text(encoding="utf-8")
    assert "Binder (åpen tjeneste)" in notebook and "Bruk bare eksempeldata" in notebook  # bookbuild.launch


def test_no_page_loads_anything_from_another_host(built_site):
    for path in _page_files(built_site):
        external = [u for u in _parse(path).loads if urlsplit(u).scheme in ("http", "https") or u.startswith("//")]
        assert external == [], f"{path.relative_to(built_site)} loads {external}"


def test_internal_links_resolve(built_site):
    broken = []
    for path in _page_files(built_site):
        for href in _parse(path).links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("#", "mailto:", "//")) or not parts.path:
                continue
            target = (path.parent / unquote(parts.path)).resolve()
            if not target.exists():
                broken.append(f"{path.relative_to(built_site)} -> {href}")
    assert broken == []


FIGURE = re.compile(
    r'<figure class="hi-figur"><img src="data:image/png;base64,[^"]+" alt="([^"]+)"[^>]*>'
    r"<figcaption>([^<]+)</figcaption>"
)
PANEL = re.compile(r'<div class="hi-w-panel"( hidden)?>(.*?)</div></div>', re.S)


def test_notebook_page_has_figures_with_alt_and_caption(built_site):
    page = (built_site / f"{NOTEBOOK_PAGE}.html").read_text(encoding="utf-8")
    panels = PANEL.findall(page)
    assert len(panels) == 12  # one per service in the drop-down, drawn as HTML at build time
    assert [hidden for hidden, _ in panels].count("") == 1  # only the chosen one shows
    in_panels = [FIGURE.search(content).groups() for _, content in panels]
    static = FIGURE.findall(page)
    assert len(static) == 1 + 12
    for alt, caption in static + in_panels:
        assert len(alt) > 40 and "Kilde:" in caption


def test_no_page_needs_a_widget_manager(built_site):
    """Widgets are drawn as HTML when the book is built (bookbuild.static_widgets): no page
    carries widget state or placeholders, and the 1.8 MB embed.js is not in the site at all."""
    for path in _page_files(built_site):
        page = path.read_text(encoding="utf-8")
        assert "application/vnd.jupyter.widget" not in page and "embed.js" not in page, path
        assert "THEBE_JS_URL" not in page
    assert not (built_site / "_static/widgets").exists()


def test_local_mathjax_only_on_pages_with_formulas(built_site):
    with_math = (built_site / "notebooks/spredning.html").read_text(encoding="utf-8")
    assert with_math.index("mathjax/startup.js") < with_math.index("mathjax-bridge.js")  # bridge after MathJax
    assert "mathjax/core.js" not in with_math  # the loader fetches its components itself, once
    for name in ("book/index", "book/innovasjon-og-endringsledelse", "notebooks/kjoreark"):
        page = (built_site / f"{name}.html").read_text(encoding="utf-8")
        assert "mathjax/startup.js" not in page and "mathjax-bridge.js" not in page, name
        # nor the config alone, which would tell jupyterquiz that MathJax is there (a parent page
        # of spredning gets it from Sphinx)
        assert "<script>window.MathJax" not in page, name


def test_formulas_are_typeset_offline_next_to_widgets(browser, site_url):
    """MathJax 3 from _static draws the Bass equation; the widget manager's MathJax 2 calls
    (MathJax.Hub.Queue) go through the bridge instead of throwing."""
    page, problems = _open(browser, f"{site_url}/notebooks/spredning.html")
    page.wait_for_selector("mjx-container")
    assert page.locator("mjx-container").count() >= 5
    assert page.locator(".hi-widgets").count() > 0
    page.close()
    assert problems == []


def test_theme_icons_come_from_the_stylesheet_not_a_1_5_mb_script(browser, site_url, built_site):
    """Our stub replaces the theme's scripts/fontawesome.js; the icons still draw (webfont)."""
    assert (built_site / "_static/scripts/fontawesome.js").stat().st_size < 2_000
    page, problems = _open(browser, f"{site_url}/notebooks/spredning.html")
    icon = page.locator("i.fa-rocket").first
    assert page.evaluate("el => getComputedStyle(el, '::before').content", icon.element_handle()) not in ("none", "")
    assert icon.bounding_box()["width"] > 8
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('900 16px \"Font Awesome 6 Free\"')")
    page.close()
    assert problems == []


def test_data_sources_page_lists_every_data_file(built_site):
    page = (built_site / "book/datakilder.html").read_text(encoding="utf-8")
    package = json.loads((ROOT / "helseinnovasjon/datasets/datapackage.json").read_text(encoding="utf-8"))
    for res in package["resources"]:
        assert res["title"] in page and f"helseinnovasjon/datasets/{res['path']}" in page


def test_citations_and_references_are_norwegian(built_site):
    chapter = (built_site / "book/samskaping.html").read_text(encoding="utf-8")
    assert "Mitchell mfl., 1997" in chapter and "Torfing mfl., 2019" in chapter
    references = (built_site / "book/referanser.html").read_text(encoding="utf-8")
    assert "Jacob Torfing, Eva Sørensen og Asbjørn Røiseland" in references
    assert "NOU 2023:4" in references and " edition" not in references


# -- in a browser --------------------------------------------------------------------


def _open(browser, url: str, *, width: int | None = None):
    """Open a page, refusing (and recording) any request that leaves the local site.
    With ``width``, in a window of that many CSS pixels (a phone below 600: touch, mobile)."""
    if width is None:
        page = browser.new_page()
    else:
        phone = width < 600
        page = browser.new_context(
            viewport={"width": width, "height": 844}, has_touch=phone, is_mobile=phone
        ).new_page()
    problems: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and problems.append(f"console: {msg.text}"))
    page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    page.on("response", lambda res: res.status >= 400 and problems.append(f"HTTP {res.status}: {res.url}"))
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))

    def guard(route):
        if route.request.url.startswith(origin) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            problems.append(f"third-party request: {route.request.url}")
            route.abort()

    page.route("**/*", guard)
    page.set_default_timeout(60_000)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)  # late scripts (widgets, quizzes) get to run and to fail
    return page, problems


@pytest.mark.parametrize("name", [*PAGES, "search", "genindex"])
def test_page_opens_without_errors_or_third_party_requests(browser, site_url, name):
    page, problems = _open(browser, f"{site_url}/{name}.html")
    assert page.locator("main, [role=main]").first.is_visible()
    page.close()
    assert problems == []


def test_dropdown_switches_figure_without_a_kernel(browser, site_url):
    page, problems = _open(browser, f"{site_url}/{NOTEBOOK_PAGE}.html")
    select = page.get_by_label("Tjeneste:")
    select.wait_for()

    def visible_alt() -> str:
        images = page.locator(".hi-widgets img")
        return next(images.nth(i).get_attribute("alt") for i in range(images.count()) if images.nth(i).is_visible())

    assert "«Helsetjenester i hjemmet»" in visible_alt()
    select.select_option(label="Dagopphold i institusjon")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.hi-widgets img')]"
        ".some(i => i.offsetParent && i.alt.includes('Dagopphold'))"
    )
    assert "«Dagopphold i institusjon»" in visible_alt()
    caption = page.locator(".hi-widgets figcaption").filter(has_text="Dagopphold")
    assert caption.first.is_visible()
    page.close()
    assert problems == []


@pytest.mark.parametrize(
    ("query", "expected"), [("samskaping", "samskaping.html"), ("omsorgslogikken", "verdier-og-omsorgslogikker.html")]
)
def test_search_finds_norwegian_words(browser, site_url, query, expected):
    page, problems = _open(browser, f"{site_url}/search.html?q={query}")
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(expected in href for href in hrefs), hrefs
    assert "Søket fullført" in page.locator("#search-results").inner_text()
    page.close()
    assert problems == []


def test_quiz_gives_norwegian_feedback_without_a_kernel(browser, site_url):
    page, problems = _open(browser, f"{site_url}/notebooks/ubalansen-i-tall.html")
    page.get_by_text("Om lag 134 %", exact=True).click()
    assert page.get_by_text("Riktig! Gruppen øker fra 46 558 til 108 786 personer").first.is_visible()
    wrong = next(
        a
        for a in json.loads((ROOT / "book/quiz/hvorfor-innovasjon.json").read_text(encoding="utf-8"))[1]["answers"]
        if not a["correct"]
    )
    page.get_by_text(wrong["answer"], exact=True).first.click()
    assert page.get_by_text(wrong["feedback"]).first.is_visible()
    page.close()
    assert problems == []


WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


WIDTHS = {"telefon": 390, "nettbrett": 800, "laptop-150": 911, "skrivebord": 1280}


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", [*PAGES, "search"])
def test_page_has_no_wcag_21_aa_violations(browser, site_url, name, width):
    """axe-core (shipped inside axe-playwright-python, nothing downloaded) on the rendered page,
    after widgets and quizzes have been drawn."""
    from axe_playwright_python.sync_playwright import Axe

    page, problems = _open(browser, f"{site_url}/{name}.html", width=width)
    page.wait_for_timeout(500)
    # preload=False: axe's own stylesheet pre-fetch resolves @import paths against the site root
    # and asks for files that do not exist; the page itself loads its CSS fine.
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "preload": False})
    page.context.close()
    violations = [
        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']][:3]}"
        for v in result.response["violations"]
    ]
    assert violations == []
    assert problems == []


def test_execution_cache_is_stamped_with_the_current_inputs(built_site):
    """The build records what data and package code its cached notebook outputs came from,
    so that a change to either empties the cache (bookbuild.sphinxext)."""
    from bookbuild import sphinxext

    stamp = built_site.parent / ".jupyter_cache" / sphinxext.STAMP
    assert stamp.read_text() == sphinxext.inputs_digest()


CONTROL = re.compile(r"<(input|select|textarea|button)\b([^>]*)>")


def test_no_dead_widgets(built_site):
    """The rule for widgets on the static site: a control either works without Python (a
    drop-down linked to precomputed results) or is drawn disabled under a «Kjør interaktivt»
    note, with the result at the default values shown."""
    checked = 0
    for path in sorted((built_site / "notebooks").glob("*.html")):
        page = path.read_text(encoding="utf-8")
        for block in page.split('<div class="hi-widgets">')[1:]:
            block = block.split('<div class="cell', 1)[0]
            controls = CONTROL.findall(block)
            live = [attrs for tag, attrs in controls if " disabled" not in attrs]
            assert all("data-hi-stack" in attrs for attrs in live), f"{path.name}: a live control that needs Python"
            if len(live) < len(controls):
                assert "Kjør interaktivt" in block, f"{path.name}: a disabled control without a note"
                assert "hi-feil" not in block, f"{path.name}: the default values give an error message"
                checked += 1
    assert checked >= 10


CHAPTERS_WITH_QUIZ = [
    "book/hvorfor-innovasjon",
    "book/verdier-og-omsorgslogikker",
    "book/innovasjon-og-endringsledelse",
    "book/endringsledelse",
    "book/laerende-organisasjoner",
    "book/samskaping",
    "book/teamarbeid-og-prosesser",
    "book/finansiering-og-gevinster",
]


@pytest.mark.parametrize("name", CHAPTERS_WITH_QUIZ)
def test_every_chapter_has_a_working_quiz(browser, site_url, name):
    quiz = json.loads((ROOT / f"book/quiz/{name.split('/')[1]}.json").read_text(encoding="utf-8"))
    right = next(a for a in quiz[0]["answers"] if a["correct"])
    page, problems = _open(browser, f"{site_url}/{name}.html")
    page.get_by_text(right["answer"], exact=True).first.click()
    assert page.get_by_text(right["feedback"]).first.is_visible()
    assert "from jupyterquiz" not in page.content()  # the code is hidden, only the quiz shows
    page.close()
    assert problems == []

"""The website on the devices participants have: phone, tablet, a laptop zoomed to 150 %, desktop.

Issue 16: the menu opens at every width, no page scrolls sideways at 320 px (WCAG 1.4.10), wide
tables scroll in their own frame with a cue, controls that need Python are visibly inactive, code
is folded away, print keeps the charts, quizzes are announced and usable with the arrow keys, and
the pages stay light (no widget manager, no search index outside the search page, icon fonts cut
down to the icons used).
"""

from __future__ import annotations

import pytest

from .test_site import PAGES, WIDTHS, _open, _page_files

pytestmark = pytest.mark.site

NARROW = {k: v for k, v in WIDTHS.items() if v < 992}  # the menu is a pop-up below 992 px


@pytest.mark.parametrize("width", NARROW.values(), ids=NARROW.keys())
def test_menu_button_opens_the_chapter_list_and_reaches_a_page(browser, site_url, width):
    page, problems = _open(browser, f"{site_url}/book/om-kurset.html", width=width)
    toggles = page.locator("button.primary-toggle")
    assert toggles.count() == 1  # the theme's hidden second copy is gone (pydata-sphinx-theme#2451)
    toggles.first.click()
    dialog = page.locator("#pst-primary-sidebar-modal")
    dialog.wait_for(state="visible")
    link = dialog.get_by_role("link", name="Samskaping", exact=False).first
    assert link.is_visible()
    hrefs = dialog.locator("a.reference.internal").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    linked = {h.split("#")[0].removeprefix("../").removesuffix(".html") for h in hrefs}
    chapters = {p for p in PAGES if p.startswith("book/")} - {"book/index", "book/om-kurset"}
    assert {c.removeprefix("book/") for c in chapters} <= {h.removeprefix("book/") for h in linked}
    link.click()
    page.wait_for_url("**/book/samskaping.html")
    page.context.close()
    assert problems == []


@pytest.mark.parametrize("width", [390, 800, 911, 1100], ids=["telefon", "nettbrett", "laptop-150", "smal-skjerm"])
def test_page_contents_button_opens_the_page_contents(browser, site_url, width):
    page, problems = _open(browser, f"{site_url}/book/samskaping.html", width=width)
    toggle = page.locator("button.secondary-toggle")
    assert toggle.count() == 1
    toggle.first.click()
    dialog = page.locator("#pst-secondary-sidebar-modal")
    dialog.wait_for(state="visible")
    assert dialog.get_by_role("link").count() >= 5
    page.context.close()
    assert problems == []


def test_menu_button_hides_and_shows_the_sidebar_on_a_desktop(browser, site_url):
    page, problems = _open(browser, f"{site_url}/book/om-kurset.html", width=1280)
    sidebar = page.locator("#pst-primary-sidebar")
    assert sidebar.is_visible()
    page.locator("button.primary-toggle").click()
    page.wait_for_function(
        "() => document.querySelector('#pst-primary-sidebar').classList.contains('pst-sidebar-hidden')"
    )
    page.context.close()
    assert problems == []


@pytest.mark.parametrize("name", [*PAGES, "search"])
def test_no_page_scrolls_sideways_at_320_px(browser, site_url, name):
    page, problems = _open(browser, f"{site_url}/{name}.html", width=320)
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    page.context.close()
    assert widths[0] <= widths[1], f"{name}: {widths[0]} px wide in a 320 px window"
    assert problems == []


def test_a_wide_table_scrolls_in_its_own_frame_with_a_cue_and_keyboard_access(browser, site_url):
    page, problems = _open(browser, f"{site_url}/notebooks/interessentkart.html", width=390)
    frame = page.locator(".hi-bred").first
    frame.wait_for()
    assert frame.get_attribute("tabindex") == "0" and frame.get_attribute("role") == "region"
    assert frame.get_attribute("aria-label")
    assert page.get_by_text("rull sidelengs for å se alle kolonnene").first.is_visible()
    frame.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert frame.evaluate("el => el.scrollLeft") > 0
    # the first column stays in view while the table scrolls
    first_cell = frame.locator("tbody tr > *:first-child").first
    assert first_cell.evaluate("el => getComputedStyle(el).position") == "sticky"
    page.context.close()
    assert problems == []


def test_controls_that_need_python_are_visibly_inactive(browser, site_url):
    page, problems = _open(browser, f"{site_url}/notebooks/spredning.html", width=390)
    slider = page.get_by_label("p: påvirkning utenfra (% per år)")
    assert slider.is_disabled()
    save = page.get_by_role("button", name="Lagre i prosjektet mitt")
    assert save.first.is_disabled()
    box = save.first.bounding_box()
    assert box["width"] < 390  # not cut off on a phone
    note = page.locator(".hi-kjor-interaktivt").first
    assert "virker ikke" in note.inner_text() and "Kom i gang" in note.inner_text()
    page.context.close()
    assert problems == []


def test_code_is_folded_behind_a_norwegian_toggle(browser, site_url, built_site):
    page, problems = _open(browser, f"{site_url}/notebooks/spredning.html", width=1280)
    code = page.locator("div.cell_input").first
    assert not code.is_visible()
    toggle = page.locator("details.hide > summary").first
    assert "Vis koden" in toggle.inner_text()
    toggle.click()
    assert code.is_visible()
    page.context.close()
    assert problems == []
    for path in sorted((built_site / "notebooks").glob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert text.count('class="cell_input') == text.count("Vis koden"), path.name


def test_print_keeps_the_charts_and_leaves_out_the_controls(browser, site_url):
    page, problems = _open(browser, f"{site_url}/notebooks/hvem-bruker-timene.html", width=1280)
    page.emulate_media(media="print")
    images = page.locator(".hi-widgets figure.hi-figur img")
    visible = [i for i in range(images.count()) if images.nth(i).is_visible()]
    assert len(visible) == 1  # the chart chosen in the drop-down
    assert not page.locator(".hi-w-field").first.is_visible()
    page.context.close()
    assert problems == []


def test_quiz_feedback_is_announced_and_arrow_keys_only_move(browser, site_url):
    page, problems = _open(browser, f"{site_url}/book/samskaping.html", width=1280)
    feedback = page.locator(".Quiz .Feedback").first
    feedback.wait_for(state="attached")
    assert feedback.get_attribute("aria-live") == "polite"
    answers = page.locator(".Quiz").first.locator("input[type=radio]")
    answers.first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert feedback.inner_text().strip() == ""  # passing options does not answer them
    assert page.evaluate("() => document.activeElement.id") == answers.nth(2).get_attribute("id")
    page.keyboard.press("Space")
    assert feedback.inner_text().strip() != ""
    page.context.close()
    assert problems == []


def test_search_with_no_hits_says_so_in_norwegian(browser, site_url):
    page, problems = _open(browser, f"{site_url}/search.html?q=xyzzyqwerty", width=390)
    page.get_by_text("Søket ga ingen treff").wait_for()
    page.context.close()
    assert problems == []


def test_pages_are_light(built_site):
    """Only the search page loads the search index; the icon fonts hold only the icons used."""
    for path in _page_files(built_site):
        if path.name in ("search.html",) or "_static" in path.parts:
            continue
        assert "searchindex.js" not in path.read_text(encoding="utf-8"), path
    assert "searchindex.js" in (built_site / "search.html").read_text(encoding="utf-8")
    fonts = list(built_site.glob("_static/**/webfonts/*.woff2"))
    assert fonts and all(font.stat().st_size < 20_000 for font in fonts)


def test_every_box_and_button_icon_is_in_the_cut_icon_font(browser, site_url, built_site):
    """The icons in boxes (tip, exercise, example, Fjordvik) and buttons come from the icon font
    that the build cuts down: each one shown must still be in it, or the reader sees an empty box."""
    from fontTools.ttLib import TTFont

    glyphs = set()
    for font in built_site.glob("_static/**/webfonts/fa-solid-900.woff2"):
        glyphs |= set(TTFont(font).getBestCmap())
    page, problems = _open(browser, f"{site_url}/book/samskaping.html", width=1280)
    shown = page.evaluate("""() => [...document.querySelectorAll('.admonition > .admonition-title, i.fa-solid')]
        .map(el => getComputedStyle(el, el.matches('i') ? '::before' : '::after').content)
        .filter(c => c && c !== 'none' && c !== 'normal')""")
    page.context.close()
    icons = {ord(ch) for content in shown for ch in content if 0xE000 <= ord(ch) <= 0xF8FF}
    assert len(icons) >= 4 and icons <= glyphs, sorted(hex(i) for i in icons - glyphs)
    assert problems == []

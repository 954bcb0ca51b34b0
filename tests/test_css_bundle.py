"""One stylesheet per page (bookbuild/css_bundle.py): on a small made-up site, and on the built book."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bookbuild import css_bundle

from .test_site import PAGES


def _site(root: Path) -> Path:
    (root / "_static" / "styles").mkdir(parents=True)
    (root / "_static" / "fonts").mkdir()
    (root / "_static" / "fonts" / "ikon.woff2").write_bytes(b"x")
    (root / "_static" / "basic.css").write_text(".basic{margin:0}\n", encoding="utf-8")
    (root / "_static" / "styles" / "theme.css").write_text(
        '@import "../basic.css";\n.theme{color:red}\n', encoding="utf-8"
    )
    (root / "_static" / "egen.css").write_text(
        ".egen{background:url(fonts/ikon.woff2)}.data{background:url(data:image/png;base64,AA==)}\n", encoding="utf-8"
    )
    (root / "kapittel").mkdir()
    page = root / "kapittel" / "side.html"
    page.write_text(
        '<html><head>\n<link href="../_static/styles/theme.css?digest=1" rel="stylesheet" />\n'
        '<link rel="stylesheet" type="text/css" href="../_static/egen.css?v=2" />\n'
        '<link rel="stylesheet" href="../_static/egen.css" media="print" />\n'
        '<link rel="stylesheet" href="https://example.org/ekstern.css" />\n'
        "</head><body>Tekst</body></html>",
        encoding="utf-8",
    )
    return page


def test_a_page_gets_one_stylesheet_with_imports_written_out_and_urls_rebased(tmp_path):
    page = _site(tmp_path)
    assert css_bundle.bundle_page(tmp_path, page)
    html = page.read_text(encoding="utf-8")
    links = re.findall(r"<link[^>]*>", html)
    bundle = re.search(r'href="\.\./(_static/styles/kursbok-[0-9a-f]{12}\.css)"', html).group(1)
    assert len(links) == 3 and 'media="print"' in links[1] and "example.org" in links[2]  # those stay
    css = (tmp_path / bundle).read_text(encoding="utf-8")
    assert "@import" not in css and css.index(".basic") < css.index(".theme") < css.index(".egen")
    assert "url(../fonts/ikon.woff2)" in css and "url(data:image/png;base64,AA==)" in css
    assert (tmp_path / "_static" / "styles" / "../fonts/ikon.woff2").resolve().is_file()
    assert not css_bundle.bundle_page(tmp_path, page)  # a second pass changes nothing
    assert "<body>Tekst</body>" in page.read_text(encoding="utf-8")


def test_purge_keeps_what_the_site_can_use_and_cuts_the_rest():
    css = (
        '@charset "UTF-8";'
        ".brukt{color:red}.ubrukt{color:blue}"
        ".brukt .ubrukt,.brukt>p{margin:0}"  # a list: only the part the site can match stays
        "html[data-theme=dark] .brukt{color:#fff}[data-theme=dark] .ubrukt{color:#000}"
        ".bs-tooltip-top{top:0}"  # a script writes "bs-tooltip-" + placement
        "p,h1{line-height:1.2}#hoved{padding:0}"
        "@media (min-width:960px){.ubrukt{display:none}.brukt{display:block}}"
        "@media print{.ubrukt{display:none}}"
        "@font-face{font-family:Ikon;src:url(ikon.woff2)}@keyframes snu{to{transform:rotate(1turn)}}"
        '.fa-sun:before{content:"1"}.fa-moon:before,.fa-star:before{content:"2"}'
    )
    words = frozenset({"brukt", "p", "data-theme", "dark", "bs-tooltip-", "fa-", "fa-sun", "fa-moon"})
    out = css_bundle.purge(css, words)
    assert out.startswith('@charset "UTF-8";')
    for kept in (
        ".brukt{color:red}",
        ".brukt>p{margin:0}",
        "html[data-theme=dark] .brukt{color:#fff}",
        ".bs-tooltip-top{top:0}",
        "p,h1{line-height:1.2}",
        "#hoved{padding:0}",
        "@media (min-width:960px){.brukt{display:block}}",
        "@font-face{font-family:Ikon;src:url(ikon.woff2)}",
        "@keyframes snu{to{transform:rotate(1turn)}}",
        '.fa-sun:before{content:"1"}',
        '.fa-moon:before{content:"2"}',
    ):
        assert kept in out, kept
    assert "ubrukt" not in out and "fa-star" not in out and "@media print" not in out


def test_site_words_come_from_pages_and_scripts_but_not_from_the_lite_app(tmp_path):
    page = _site(tmp_path)
    (tmp_path / "_static" / "meny.js").write_text('el.classList.add("vis-meny")', encoding="utf-8")
    (tmp_path / "lite").mkdir()
    (tmp_path / "lite" / "index.html").write_text('<div class="bare-i-lite"></div>', encoding="utf-8")
    page.write_text(page.read_text(encoding="utf-8").replace("<body>", '<body class="kapittel-side">'))
    words = css_bundle.site_words(tmp_path)
    assert {"vis-meny", "kapittel-side", "egen"} <= words and "bare-i-lite" not in words


def test_a_bundle_cut_to_the_site_words_keeps_the_classes_the_page_uses(tmp_path):
    page = _site(tmp_path)
    words = frozenset({"theme", "egen"})
    assert css_bundle.bundle_page(tmp_path, page, words)
    bundle = re.search(r'href="\.\./(_static/styles/kursbok-[0-9a-f]{12}\.css)"', page.read_text()).group(1)
    css = (tmp_path / bundle).read_text(encoding="utf-8")
    assert ".theme{color:red}" in css and ".egen{" in css and ".basic" not in css and ".data" not in css


@pytest.mark.site
@pytest.mark.parametrize("name", [*PAGES, "search"])
def test_every_page_of_the_book_loads_one_local_stylesheet(built_site, name):
    html = (built_site / f"{name}.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    local = [
        href
        for href in re.findall(r'<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"', head)
        + re.findall(r'<link\b[^>]*href="([^"]+)"[^>]*rel="stylesheet"', head)
        if not href.startswith(("http:", "https:", "//"))
    ]
    assert len(local) == 1 and "_static/styles/kursbok-" in local[0], local
    # nothing is preloaded to compete with the stylesheet; the theme's scripts still load, deferred
    assert 'rel="preload" as="script"' not in head and '<script defer src="' in html[html.index("</head>") :]
    css = (built_site / name).parent.joinpath(local[0]).resolve().read_text(encoding="utf-8")
    assert "@import" not in css and ".bd-header" in css and ".hi-kjor-interaktivt" in css
    # cut to what the site uses: Bootstrap's unused utilities and icons are gone, what pages and
    # scripts name is there (the menu drawer, the dropdowns, dark mode, the search dialog)
    assert ".m-xl-5{" not in css and ".fa-ambulance:before" not in css
    for used in (".bd-sidebar-primary", ".dropdown-menu.show", "[data-theme=dark]", "#pst-search-dialog[open]"):
        assert used in css, used


def test_a_build_that_changes_neither_stylesheets_nor_words_reuses_the_bundle(tmp_path, monkeypatch):
    page = _site(tmp_path)
    original = page.read_text(encoding="utf-8")
    words, made = frozenset({"theme", "egen"}), {}
    assert css_bundle.bundle_page(tmp_path, page, words, made)
    first = page.read_text(encoding="utf-8")
    page.write_text(original, encoding="utf-8")  # Sphinx writes the page again, with all its links

    def no_second_cut(css, words):
        raise AssertionError("cut again")

    monkeypatch.setattr(css_bundle, "purge", no_second_cut)
    assert css_bundle.bundle_page(tmp_path, page, words, made)
    assert page.read_text(encoding="utf-8") == first
    page.write_text(original, encoding="utf-8")
    with pytest.raises(AssertionError, match="cut again"):  # new words: a new cut
        css_bundle.bundle_page(tmp_path, page, words | {"basic"}, made)

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
    css = (built_site / name).parent.joinpath(local[0]).resolve().read_text(encoding="utf-8")
    assert "@import" not in css and ".bd-header" in css and ".hi-kjor-interaktivt" in css

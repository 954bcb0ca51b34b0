"""Cut the theme's Font Awesome webfonts down to the icons the site uses.

pydata-sphinx-theme ships the whole icon set (fa-solid 156 kB, fa-brands 118 kB as WOFF2) and the
browser fetches each font a page needs in full, for the handful of icons the book shows (menu,
search, download, rocket, the admonition symbols). After the build this module keeps, in every
``webfonts/*.woff2`` of the output, only the glyphs that are referenced:

* by an ``fa-<name>`` class written in a page or in a theme script (mapped to its code point
  through the ``.fa-<name>:before{content:"\\f0c9"}`` rules of the stylesheets), and
* by any other stylesheet rule with an icon code point in its ``content`` or a CSS variable
  (the admonition and toggle icons), written as an escape or as the character itself, which are
  kept whatever pages use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
CODEPOINT = re.compile(r'"\\([ef][0-9a-f]{3})"', re.I)
# Icons written as the character itself (the theme's CSS variables, e.g. --pst-icon-bell:"\uf0f3")
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
ICON_SELECTOR = re.compile(r"^\.fa-([a-z0-9-]+):{1,2}before$")
ICON_CLASS = re.compile(r"\bfa-[a-z0-9-]+\b")


def icon_map(css: str) -> tuple[dict[str, int], set[int]]:
    """(icon name -> code point, code points other rules use) from a stylesheet."""
    names: dict[str, int] = {}
    always: set[int] = set()
    for selectors, body in RULE.findall(css):
        points = [int(cp, 16) for cp in CODEPOINT.findall(body)] + [ord(c) for c in PRIVATE_USE.findall(body)]
        if not points:
            continue
        parts = [s.strip() for s in selectors.split(",")]
        matched = [ICON_SELECTOR.match(p) for p in parts]
        if all(matched):
            for match in matched:
                names[match.group(1)] = points[0]  # type: ignore[union-attr]
        else:
            always.update(points)
    return names, always


def used_codepoints(css_texts: Iterable[str], used_classes: Iterable[str]) -> set[int]:
    names: dict[str, int] = {}
    keep: set[int] = set()
    for css in css_texts:
        found, always = icon_map(css)
        names.update(found)
        keep |= always
    keep |= {names[c.removeprefix("fa-")] for c in used_classes if c.removeprefix("fa-") in names}
    return keep


def original(font: Path, site: Path, static_dirs: Iterable[Path]) -> Path:
    """The theme's own copy of a font in the built site (Sphinx does not copy an unchanged static
    file again, so the one in the site may be a subset from an earlier build)."""
    relative = font.relative_to(site / "_static")
    return next((d / relative for d in static_dirs if (d / relative).is_file()), font)


def subset_site(site: Path, static_dirs: Iterable[Path] = ()) -> dict[str, tuple[int, int]]:
    """Subset every webfonts/*.woff2 under ``site`` from the theme's full font (found in
    ``static_dirs``); returns {font: (bytes of the full font, bytes after)}."""
    from fontTools import subset

    fonts = sorted(site.glob("_static/**/webfonts/*.woff2"))
    if not fonts:
        return {}
    css = [p.read_text(encoding="utf-8", errors="replace") for p in site.glob("_static/**/*.css")]
    classes: set[str] = set()
    for path in [*site.glob("**/*.html"), *site.glob("_static/**/*.js")]:
        classes.update(ICON_CLASS.findall(path.read_text(encoding="utf-8", errors="replace")))
    keep = used_codepoints(css, classes)
    sizes = {}
    for font in fonts:
        source = original(font, site, static_dirs)
        before = source.stat().st_size
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.notdef_outline = True
        loaded = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(keep))
        subsetter.subset(loaded)
        subset.save_font(loaded, str(font), options)
        sizes[font.name] = (before, font.stat().st_size)
    return sizes

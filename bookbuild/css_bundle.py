"""One stylesheet per page instead of ten: the page's CSS files joined, in order, after the build.

A phone on a slow connection waits for every blocking stylesheet before it paints anything, and
the theme's ``theme.css`` only ``@import``s Sphinx's ``basic.css``, a second round trip after the
first. Here every page's local stylesheets (in the order the page lists them) are joined into one
file, ``_static/styles/kursbok-<hash>.css``, with ``@import`` written out in place and every
``url(...)`` rebased to the new file's folder; the page then links that file alone. Pages that list
the same stylesheets share one file, so the browser caches it across the book. Stylesheets with a
``media`` attribute and files from other hosts are left alone.

The joined file is then cut down to the rules the site can use (:func:`purge`): a selector stays
unless it names a class that appears nowhere in the site's pages or scripts. The theme's
stylesheet carries all of Bootstrap and some 1 900 icon classes, and a phone parses every byte of
it before the first paint; the book uses a fraction (91 kB gzip before, about 26 kB after). A
class that a script adds stays, because its name is in the script's text; so does a class the
script puts together from a prefix (``"bs-tooltip-" + placement``), because any class that starts
with a word of two parts or more ending in ``-`` is kept. Attribute selectors (``[data-theme=dark]``), ids, tags
and every at-rule other than ``@media``/``@supports`` are never cut.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path

import tinycss2
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

BUNDLE_DIR = "_static/styles"
_LINK = re.compile(r'<link\b[^>]*\brel="stylesheet"[^>]*/?>\s*', re.I)
_HREF = re.compile(r'\bhref="([^"]+)"')
_IMPORT = re.compile(r'@import\s+(?:url\()?\s*["\']?([^"\')\s;]+)["\']?\s*\)?\s*;')
_URL = re.compile(r'url\(\s*(["\']?)([^"\')]+)\1\s*\)')
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
# Folders whose pages and scripts are not the book's reading pages: the JupyterLite app has its own
# stylesheets, and MathJax writes its own CSS at run time.
_NOT_READING = {"lite", "mathjax"}


def _local(href: str) -> str | None:
    """The site-relative path part of a local stylesheet link, or None for anything else."""
    if re.match(r"^[a-z]+:|^//", href, re.I):
        return None
    return href.split("?", 1)[0].split("#", 1)[0]


def _rebase(css: str, source_dir: str, target_dir: str) -> str:
    """``url()`` references made relative to ``target_dir`` instead of ``source_dir`` (site paths)."""

    def fix(match: re.Match[str]) -> str:
        quote, ref = match.groups()
        if re.match(r"^(data:|[a-z]+:|//|#|/)", ref, re.I):
            return match.group(0)
        site_path = posixpath.normpath(posixpath.join(source_dir, ref))
        return f"url({quote}{posixpath.relpath(site_path, target_dir)}{quote})"

    return _URL.sub(fix, css)


def joined_css(site: Path, files: list[str], target_dir: str = BUNDLE_DIR, _seen: set[str] | None = None) -> str:
    """The CSS of ``files`` (site paths), joined in order, imports inlined, urls rebased to ``target_dir``."""
    seen = set() if _seen is None else _seen
    parts = []
    for name in files:
        if name in seen:
            continue
        seen.add(name)
        css = (site / name).read_text(encoding="utf-8")
        folder = posixpath.dirname(name)

        def inline(match: re.Match[str], folder: str = folder) -> str:
            imported = posixpath.normpath(posixpath.join(folder, match.group(1)))
            return joined_css(site, [imported], target_dir, seen) if (site / imported).is_file() else match.group(0)

        parts.append(f"/* {name} */\n" + _rebase(_IMPORT.sub(inline, css), folder, target_dir))
    return "\n".join(parts)


def site_words(site: Path) -> frozenset[str]:
    """Every word that could name a class on the site: from its HTML pages and its scripts."""
    words: set[str] = set()
    for path in [*site.rglob("*.html"), *(site / "_static").rglob("*.js")]:
        if _NOT_READING.isdisjoint(path.relative_to(site).parts):
            words.update(_WORD.findall(path.read_text(encoding="utf-8", errors="ignore")))
    return frozenset(words)


def _used(selector: str, words: frozenset[str], prefixes: tuple[str, ...]) -> bool:
    """Whether every class the selector names is a word of the site or starts with a ``…-`` prefix."""
    classes = _CLASS.findall(_ATTRIBUTE.sub("", selector))
    return all(name in words or name.startswith(prefixes) for name in classes)


def _selectors(prelude: list[tinycss2.ast.Node]) -> list[str]:
    """The selector list of a rule, split at its top-level commas."""
    parts: list[list[tinycss2.ast.Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [tinycss2.serialize(part).strip() for part in parts]


def _purge_rules(rules: list[tinycss2.ast.Node], words: frozenset[str], prefixes: tuple[str, ...]) -> str:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _selectors(rule.prelude) if _used(s, words, prefixes)]
            if selectors:
                kept.append(",".join(selectors) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in {"media", "supports"} and rule.content:
            inner = tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True)
            body = _purge_rules(inner, words, prefixes)
            if body:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{body}}}")
        elif rule.type == "at-rule":
            kept.append(tinycss2.serialize([rule]))
    return "".join(kept)


def purge(css: str, words: frozenset[str]) -> str:
    """``css`` without the rules whose selectors all name a class that is not among ``words``."""
    # A prefix has two parts at least ("bs-tooltip-"): "fa-" or "bottom-" would keep whole families.
    prefixes = tuple(word for word in words if word.endswith("-") and "-" in word[:-1].strip("-"))
    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    charset = [r for r in rules if r.type == "at-rule" and r.lower_at_keyword == "charset"][:1]
    rest = [r for r in rules if not (r.type == "at-rule" and r.lower_at_keyword == "charset")]
    return "".join(tinycss2.serialize([r]) for r in charset) + _purge_rules(rest, words, prefixes)


def bundle_page(
    site: Path, page: Path, words: frozenset[str] | None = None, made: dict[str, str] | None = None
) -> bool:
    """Give ``page`` one stylesheet (cut down to ``words`` if given); returns True if it changed.
    Idempotent. ``made`` remembers which bundle came from which stylesheets and words, so a build
    that changes neither reuses the bundle without cutting it again."""
    html = page.read_text(encoding="utf-8")
    head_end = html.find("</head>")
    if head_end < 0:
        return False
    head = html[:head_end]
    links = [m for m in _LINK.finditer(head) if "media=" not in m.group(0)]
    page_dir = posixpath.dirname(page.relative_to(site).as_posix())
    files = []
    for match in links:
        found = _HREF.search(match.group(0))
        local = _local(found.group(1)) if found else None
        if local is None:
            continue
        files.append((match, posixpath.normpath(posixpath.join(page_dir, local))))
    names = [name for _, name in files]
    if len(names) < 2 or not all((site / n).is_file() for n in names):
        return False
    css = joined_css(site, names)
    key = hashlib.sha256("\n".join([css, *sorted(words or ())]).encode()).hexdigest()
    bundle = (made or {}).get(key, "")
    if not bundle or not (site / bundle).is_file():
        if words is not None:
            css = purge(css, words)
        bundle = f"{BUNDLE_DIR}/kursbok-{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
        if not (site / bundle).exists():
            (site / bundle).write_text(css, encoding="utf-8")
        if made is not None:
            made[key] = bundle
    href = posixpath.relpath(bundle, page_dir or ".")
    pieces: list[str] = []
    last = 0
    for number, (match, _name) in enumerate(files):
        pieces.append(head[last : match.start()])
        if number == 0:
            pieces.append(f'<link rel="stylesheet" type="text/css" href="{href}" />\n')
        last = match.end()
    new_head = "".join(pieces) + head[last:]
    page.write_text(new_head + html[head_end:], encoding="utf-8")
    return True


def bundle_site(app: Sphinx, exception: Exception | None) -> None:
    """After an HTML build: every page the book made gets one stylesheet."""
    if exception is not None or app.builder.format != "html":
        return
    site = Path(app.outdir)
    docs = [*sorted(app.env.found_docs), "search", "genindex"]
    changed = 0
    words: frozenset[str] | None = None
    memory = Path(app.doctreedir) / "kursbok-stilark.json"  # next to Sphinx's own state, not published
    made = json.loads(memory.read_text(encoding="utf-8")) if memory.is_file() else {}
    for doc in docs:
        page = site / app.builder.get_target_uri(doc)
        if page.suffix == ".html" and page.is_file():
            if words is None and page.read_text(encoding="utf-8").count('rel="stylesheet"') > 1:
                words = site_words(site)  # only when a page needs a new stylesheet
            changed += bundle_page(site, page, words, made)
    memory.write_text(json.dumps(made, indent=0), encoding="utf-8")
    if changed:
        logger.info(f"helseinnovasjon: ett stilark per side ({changed} sider)")


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("build-finished", bundle_site, priority=900)  # after the other passes over the pages
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}

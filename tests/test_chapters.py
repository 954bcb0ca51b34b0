"""The five theme chapters are a course reader's chapters (issue 20): at least 6 000 words of prose
(with their own pages in the table of contents), learning goals, two or more figures drawn for the
chapter with alt text, two or more sourced cases, a summary and an annotated reading list."""

from __future__ import annotations

import re

import pytest
import yaml

from .conftest import ROOT

THEMES = [
    "verdier-og-omsorgslogikker",
    "innovasjon-og-endringsledelse",
    "laerende-organisasjoner",
    "samskaping",
    "teamarbeid-og-prosesser",
]
BLOCK = re.compile(r"^(:{3,}|`{3,})\{(exercise|solution|code-cell)\}.*?^\1[ \t]*$", re.S | re.M)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def chapter_pages(slug: str) -> list[str]:
    """The chapter's own file and the text pages (book/…) listed under it in _toc.yml."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    for part in toc["parts"]:
        for chapter in part.get("chapters", []):
            if chapter["file"] == f"book/{slug}":
                return [chapter["file"]] + [
                    s["file"] for s in chapter.get("sections", []) if s["file"].startswith("book/")
                ]
    raise AssertionError(f"{slug} is not in _toc.yml")


def prose_words(text: str) -> int:
    """Words of prose: without front matter, code cells, exercises, solutions, directive options
    and fences, and with a citation or cross-reference role counted as one word."""
    text = BLOCK.sub("", FRONT_MATTER.sub("", text))
    text = "\n".join(line for line in text.splitlines() if not re.match(r"\s*(:::|```|:[a-z-]+:)", line))
    text = re.sub(r"\{[a-z:]+\}`[^`]*`", "X", text)
    return len(re.findall(r"\w+", text))


@pytest.mark.parametrize("slug", THEMES)
def test_theme_chapter_has_the_parts_of_a_course_reader_chapter(slug):
    pages = chapter_pages(slug)
    texts = [(ROOT / f"{page}.md").read_text(encoding="utf-8") for page in pages]
    text = "\n".join(texts)
    assert prose_words(text) >= 6000, f"{slug}: {prose_words(text)} words"
    assert "Læringsmål" in texts[0]
    figures = re.findall(r"\{figure\} figurer/[^\n]+\n(?::[a-z]+:[^\n]*\n)*", text)
    assert len(figures) >= 2 and all(":alt:" in f for f in figures), slug
    for figure in re.findall(r"\{figure\} (figurer/[^\s]+)", text):
        assert (ROOT / "book" / figure).exists(), figure
    assert len(re.findall(r":class: case\b", text)) >= 2, slug
    assert re.search(r"^## Oppsummering", text, re.M) and re.search(r"^## Lesetips", text, re.M), slug
    reading = text.split("## Lesetips", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^[-*] .*\{cite:[pt]\}", reading, re.M)) >= 4, f"{slug}: reading list"


def test_every_quiz_has_its_right_answers_in_varied_positions():
    import json

    for path in sorted((ROOT / "book/quiz").glob("*.json")):
        quiz = json.loads(path.read_text(encoding="utf-8"))
        positions = [next(i for i, a in enumerate(q["answers"]) if a["correct"]) for q in quiz]
        share = max(positions.count(p) for p in set(positions)) / len(positions)
        assert share <= 0.5, f"{path.name}: {positions}"

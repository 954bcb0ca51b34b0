"""Norwegian citation and bibliography styles for sphinxcontrib-bibtex.

pybtex's styles write English words into every reference ("and", "In", "edition",
"Number 2023:4 in NOU") and lower-case titles. These subclasses write Norwegian
(«og», «I», «utg.», «NOU 2023:4», «mfl.») and keep titles as written. Registered as
``bibtex_default_style: norsk`` and ``bibtex_reference_style: forfatter_aar``.

Speed: pybtex turns every field of every reference from LaTeX into text on every build, one
character at a time (latexcodec), and sphinxcontrib-bibtex formats every reference again even when
nothing changed: most of a no-change rebuild. :func:`decode_latex` returns text without LaTeX's
special characters as it is and decodes the rest once per build; ``register`` puts it into
``Text.from_latex``. The result is the same text (tests/test_sphinxext.py checks every field and name of
references.bib against latexcodec).
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass, field

import latexcodec  # noqa: F401  (registers the "ulatex" codec)
import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.markup import LaTeXParser
from pybtex.richtext import Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.formatting.unsrt import date, pages
from pybtex.style.template import (
    FieldIsMissing,
    first_of,
    join,
    node,
    optional,
    optional_field,
    sentence,
    together,
    words,
)
from pybtex.style.template import field as bib_field
from sphinxcontrib.bibtex.style.referencing import PersonStyle, basic_author_year, extra_year
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle


def _is_others(person) -> bool:
    """BibTeX's ``and others`` arrives as a person whose only name is «others»."""
    return str(person).strip().lower() == "others"


@node
def names_mfl(children, context, role, **kwargs):
    """pybtex's ``names`` node, but ``and others`` is written «mfl.» (pybtex would write «og others»)."""
    assert not children
    try:
        persons = context["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, context["entry"]) from None
    style = context["style"]
    others = bool(persons) and _is_others(persons[-1])
    named = [p for p in persons if not _is_others(p)]
    formatted = [style.format_name(p, style.abbreviate_names) for p in named]
    if not others:
        return join(**kwargs)[formatted].format_data(context)
    # «Teigen, Førland mfl.»: no «og» before the last named author when the list goes on
    listed = join(sep=kwargs.get("sep", ", "))[formatted].format_data(context)
    return join(sep=" ")[listed, "mfl."].format_data(context)


class NorwegianStyle(UnsrtStyle):
    """pybtex's ``unsrt``/``plain`` layout with Norwegian words, sorted by author and year."""

    default_sorting_style = "author_year_title"

    def format_names(self, role, as_sentence=True):
        formatted = names_mfl(role, sep=", ", sep2=" og ", last_sep=" og ")
        return sentence[formatted] if as_sentence else formatted

    def format_editor(self, e, as_sentence=True):
        result = join(sep=" ")[self.format_names("editor", as_sentence=False), "(red.)"]
        return sentence[result] if as_sentence else result

    def format_volume_and_series(self, e, as_sentence=True):
        result = first_of[
            optional[join(sep=" ")[bib_field("series"), bib_field("number")]],
            optional[words[together["bind", bib_field("volume")], optional[words["i", bib_field("series")]]]],
            optional_field("series"),
        ]
        return sentence[result] if as_sentence else result

    def format_chapter_and_pages(self, e):
        return join(sep=", ")[
            optional[together["kapittel", bib_field("chapter")]],
            optional[together["s.", pages]],
        ]

    def format_edition(self, e):
        return optional[join[bib_field("edition"), ". utg."]]

    def format_title(self, e, which_field, as_sentence=True):
        title = bib_field(which_field)
        return sentence[title] if as_sentence else title

    def get_inproceedings_template(self, e):
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            words[
                "I",
                sentence[
                    optional[self.format_editor(e, as_sentence=False)],
                    self.format_btitle(e, "booktitle", as_sentence=False),
                    self.format_volume_and_series(e, as_sentence=False),
                    optional[pages],
                ],
                self.format_address_organization_publisher_date(e),
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_book_template(self, e):
        return toplevel[
            self.format_author_or_editor(e),
            self.format_btitle(e, "title"),
            self.format_volume_and_series(e),
            sentence[bib_field("publisher"), optional_field("address"), self.format_edition(e), date],
            optional[sentence[self.format_isbn(e)]],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]


def _norwegian_persons() -> PersonStyle:
    return PersonStyle(sep2=" og ", last_sep=" og ", other=" mfl.")


@dataclass
class NorwegianAuthorYear(AuthorYearReferenceStyle):
    """In-text citations such as «(Greenhalgh mfl., 2017)» and «(Mitchell, Agle og Wood, 1997)»."""

    person: PersonStyle = field(default_factory=_norwegian_persons)


@node
def _year_or_undated(children, data):
    """The year, or «u.å.» (uten år) where sphinxcontrib-bibtex writes "n.d."."""
    assert not children
    return first_of[optional[bib_field("year")], "u.å."].format_data(data)


# What latexcodec changes: comments, commands, ties, dashes, TeX quotes and runs of white space.
_LATEX_SPECIAL = re.compile(r"[%\\~]|--|``|''|\s{2,}|[^\S ]")


@functools.cache
def decode_latex(latex: str) -> str:
    """``codecs.decode(latex, "ulatex")``, without the work for text that has nothing to decode."""
    if not _LATEX_SPECIAL.search(latex):
        return latex
    # The "ulatex" codec takes str; typeshed only knows codecs that take bytes.
    return str(codecs.decode(latex, "ulatex"))  # type: ignore[call-overload]


def _from_latex(cls, latex: str) -> Text:
    return LaTeXParser(decode_latex(latex)).parse()


def register() -> None:
    """Make the styles known to pybtex and sphinxcontrib-bibtex (idempotent)."""
    Text.from_latex = classmethod(_from_latex)
    # sphinxcontrib-bibtex has no setting for the undated label: swap its year node.
    basic_author_year.year = extra_year.year = _year_or_undated
    pybtex.plugin.register_plugin("pybtex.style.formatting", "norsk", NorwegianStyle, force=True)
    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing", "forfatter_aar", NorwegianAuthorYear, force=True
    )

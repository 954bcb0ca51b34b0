"""«Start from what you saved»: the one way every notebook resumes from the project file.

Each function reads the project file (``path``, or where :func:`workbook.default_path` says),
hands the saved section to a pure function of its topic module, and returns a :class:`Resumed`:
the values the form starts with, and one Norwegian sentence saying where they came from. When
nothing is saved, the form starts from the course's example and says so. A project file that
cannot be read is never changed: the form starts from the example, and the sentence says what
is wrong and how to recover.

    mine, hvor = resume.stakeholders()      # in a notebook
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from . import barriers, comparison, planning, runchart, sections, surveys, workbook
from . import stakeholders as st
from .errors import InputError

T = TypeVar("T")


@dataclass(frozen=True)
class Resumed(Generic[T]):
    """What a form starts with, and where it came from (unpacks as ``values, line``)."""

    values: T
    line: str
    saved: bool  # True when the values came from the project file

    def __iter__(self) -> Iterator[Any]:
        yield self.values
        yield self.line


def _resume(
    restore: Callable[[dict[str, Any]], tuple[T, str] | None], example: T, example_line: str, path: Path | None
) -> Resumed[T]:
    try:
        project = workbook.load(path)
        found = restore(project)
    except InputError as error:
        return Resumed(example, f"{error} {example_line}", saved=False)
    if found is None:
        return Resumed(example, example_line, saved=False)
    return Resumed(found[0], found[1], saved=True)


def _when(project: dict[str, Any], section: sections.Section) -> str:
    return workbook.saved_line(project, section) or ""


def plan(path: Path | None = None) -> Resumed[dict[str, dict[str, str]]]:
    """«Behov og plan» and «Spredning»: the need, the five-stage plan and the notes, per section key."""

    def restore(project: dict[str, Any]) -> tuple[dict[str, dict[str, str]], str] | None:
        keys = (sections.BEHOV, sections.PLAN, sections.NOTATER)
        return planning.values_from_saved({s.key: workbook.saved(project, s) for s in keys})

    example = {key: dict(values) for key, values in planning.EXAMPLE.items()}
    return _resume(restore, example, planning.EXAMPLE_LINE, path)


def stakeholders(fallback: str = "tom", path: Path | None = None) -> Resumed[list[st.Stakeholder]]:
    """«Interessentkart» and «Brukermedvirkning»: the saved stakeholders with their rungs, else an
    empty list (``fallback="tom"``) or the course's example (``fallback="eksempel"``)."""

    def restore(project: dict[str, Any]) -> tuple[list[st.Stakeholder], str] | None:
        items = st.from_saved(
            workbook.saved(project, sections.INTERESSENTER), workbook.saved(project, sections.MEDVIRKNING)
        )
        if items is None:
            return None
        return (
            items,
            f"Hentet {len(items)} interessenter fra prosjektfilen din. {_when(project, sections.INTERESSENTER)}.",
        )

    if fallback == "eksempel":
        return _resume(
            restore,
            st.load_example(),
            "Ingen egne interessenter er lagret ennå, så du starter med eksempelet. "
            "Lag og lagre ditt eget kart i «Interessentkart» når du vil.",
            path,
        )
    return _resume(restore, [], "Ingen interessenter er lagret ennå. Fyll ut skjemaet og trykk «Legg til».", path)


def municipality(path: Path | None = None) -> Resumed[str]:
    """«Din kommune»: the municipality saved with its comparison («3201 Bærum»), or «» for the example."""

    def restore(project: dict[str, Any]) -> tuple[str, str] | None:
        found = comparison.from_saved(workbook.saved(project, sections.UBALANSE))
        if found is None:
            return None
        return found[0], (
            f"Hentet {found[0]} fra prosjektfilen. {_when(project, sections.UBALANSE)}. Tallene vises fra mappen "
            "«ssb-tall» hvis de er lagret der; ellers trykker du «Hent fra SSB»."
        )

    return _resume(restore, "", "Velg kommunen din og trykk «Hent fra SSB».", path)


def measurements(path: Path | None = None) -> Resumed[tuple[str, str]]:
    """«Kjøreark»: the saved measurements as the paste box shows them, and the measure's name, so
    a new week can be added at the bottom."""

    def restore(project: dict[str, Any]) -> tuple[tuple[str, str], str] | None:
        found = runchart.paste_from_saved(workbook.saved(project, sections.LAERING))
        if found is None:
            return None
        text, name, rows = found
        return (text, name), (
            f"Hentet {rows} målinger fra prosjektfilen. {_when(project, sections.LAERING)}. "
            "Legg til nye målinger nederst, og trykk «Regn ut»."
        )

    return _resume(restore, (runchart.EXAMPLE_PASTE, "Mine målinger"), runchart.EXAMPLE_LINE, path)


def barrier_ratings(path: Path | None = None) -> Resumed[tuple[str, dict[str, tuple[str, str, str]]]]:
    """«Vurder ditt prosjekt»: the title and the ``(rating, complexity, note)`` per factor id."""

    def restore(project: dict[str, Any]) -> tuple[tuple[str, dict[str, tuple[str, str, str]]], str] | None:
        found = barriers.defaults_from_saved(workbook.saved(project, sections.HINDRINGER))
        if found is None:
            return None
        return found, f"Hentet vurderingen din fra prosjektfilen. {_when(project, sections.HINDRINGER)}."

    return _resume(restore, (barriers.EXAMPLE_TITLE, dict(barriers.EXAMPLE_PROJECT)), barriers.EXAMPLE_LINE, path)


def self_assessment(path: Path | None = None) -> Resumed[dict[str, int]]:
    """«Lærende organisasjon»: the sliders start from your own saved self-assessment, to see what
    has changed since, else from an imagined person's answers."""

    def restore(project: dict[str, Any]) -> tuple[dict[str, int], str] | None:
        found = surveys.answers_from_saved(workbook.saved(project, sections.LAERINGSKULTUR))
        if found is None:
            return None
        return found, (
            f"Glidebryterne starter med din forrige vurdering. {_when(project, sections.LAERINGSKULTUR)}."
            " Flytt dem hvis noe har endret seg."
        )

    return _resume(restore, surveys.example_self_assessment(), surveys.EXAMPLE_SELF_ASSESSMENT_LINE, path)

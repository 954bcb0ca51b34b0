"""The sections of the participant's project file: one registry, one definition per section.

Each :class:`Section` says once what a part of ``mitt-prosjekt.json`` is: its key in the file
(stable ASCII snake_case), its title in the report, the notebooks that fill it, and the keys its
data («tall») may have. Notebooks and topic modules name sections through the constants here
(``sections.PLAN``), never as string literals, and a test reads every notebook for unknown names.

A saved section holds ``{"tekst": …, "felt": …, "tall": …, "kilde": …}`` («innhold»):

* ``tekst``: the result in one or two Norwegian sentences;
* ``felt``: a readable snapshot for the report (labels as the participant saw them); it is
  never read back, so rewording a label can never lose saved work;
* ``tall``: the data a notebook resumes from, with ASCII snake_case keys at every depth
  (:func:`check` refuses anything else at save time, in the tests, not in front of a participant);
* ``kilde``: where the figures come from.

:data:`UPGRADES` brings files written by earlier versions of the book to the current shape;
``workbook.migrate`` applies them. The shapes of every earlier version are kept as test fixtures
(``tests/fixtures/prosjektfiler``). Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

#: The current version of the file's shape (``"versjon"`` in the file).
VERSION = 2
_SNAKE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")


@dataclass(frozen=True)
class Section:
    """One part of the project file."""

    key: str
    title: str
    notebooks: tuple[str, ...]
    chapter: str | None = None
    data_keys: frozenset[str] = frozenset()
    #: False where «tall» only repeats «felt» in data form: the report then shows «felt» alone.
    report_data: bool = True

    @property
    def filled_by(self) -> str:
        """Where a participant fills it in: «notatboka «Kjøreark» (kapittel 3)»."""
        names = " og ".join(f"«{name}»" for name in self.notebooks)
        where = f"notatboka {names}" if len(self.notebooks) == 1 else f"notatbøkene {names}"
        return f"{where} ({self.chapter})" if self.chapter else where

    def __str__(self) -> str:
        return self.key


BEHOV = Section(
    "behov",
    "Behov og problemstilling",
    ("Behov og plan",),
    data_keys=frozenset({"tittel", "problem", "relevans", "innsikt"}),
    report_data=False,
)
UBALANSE = Section("ubalanse", "Hvorfor det haster: tall", ("Scenarioutforsker", "Din kommune"))
VERDIER = Section(
    "verdier",
    "Verdier og omsorgslogikker",
    ("Logikker i praksis",),
    "kapittel 1",
    frozenset({"sortering", "min_profil"}),
)
INTERESSENTER = Section("interessenter", "Interessenter", ("Interessentkart",), "kapittel 4")
MEDVIRKNING = Section("medvirkning", "Medvirkning", ("Brukermedvirkning",), "kapittel 4")
HINDRINGER = Section("hindringer", "Hva hemmer og fremmer, og tiltak", ("Vurder ditt prosjekt",), "kapittel 2")
LAERING = Section("laering", "Målinger over tid", ("Kjøreark",), "kapittel 3")
LAERINGSKULTUR = Section(
    "laeringskultur",
    "Lærende organisasjon: min vurdering",
    ("Lærende organisasjon – egenvurdering",),
    "kapittel 3",
    frozenset({"byggesteiner", "paastander"}),
)
LAERINGSKULTUR_TEAM = Section(
    "laeringskultur_team", "Lærende organisasjon: teamets svar", ("Lærende organisasjon – egenvurdering",), "kapittel 3"
)
TRYGGHET = Section("trygghet", "Psykologisk trygghet i teamet", ("Psykologisk trygghet i teamet",), "kapittel 5")
PLAN = Section("plan", "Plan", ("Behov og plan",), data_keys=frozenset({"steg"}), report_data=False)
NOTATER = Section("notater", "Notater", ("Behov og plan",))

#: Every section, in the order of the report.
SECTIONS: dict[str, Section] = {
    s.key: s
    for s in (
        BEHOV,
        UBALANSE,
        VERDIER,
        INTERESSENTER,
        MEDVIRKNING,
        HINDRINGER,
        LAERING,
        LAERINGSKULTUR,
        LAERINGSKULTUR_TEAM,
        TRYGGHET,
        PLAN,
        NOTATER,
    )
}

#: Headings for data keys whose plain spelling needs æ, ø or å (others: «antall_svar» → «Antall svar»).
_LABELS = {
    "paastander": "Påstander",
    "paastand": "Påstand",
    "maaling": "Måling",
    "tegn_paa_endring": "Tegn på endring",
    "trinn_naa": "Trinn nå",
    "trinn_maal": "Trinn planlagt",
    "grad_naa": "Grad nå",
    "grad_maal": "Grad planlagt",
    "hoy_risiko": "Høy risiko",
    "okonomi": "Økonomi",
    "malgruppe": "Målgruppe",
}


def get(section: Section | str) -> Section:
    """The section itself, given the section or its key; an unknown key is a programming error."""
    if isinstance(section, Section):
        return section
    try:
        return SECTIONS[section]
    except KeyError:
        raise ValueError(f"unknown project-file section {section!r}; known: {', '.join(SECTIONS)}") from None


def label(key: str) -> str:
    """How a data key reads as a heading in the report."""
    return _LABELS.get(key) or (key.replace("_", " ").capitalize() if _SNAKE.match(key) else key)


def check(section: Section | str, content: Mapping[str, Any]) -> None:
    """Refuse content whose data («tall») does not follow the section's definition.

    Raises ``ValueError`` (a programming error, found by the tests): keys outside «felt» must be
    ASCII snake_case at every depth, and a section with declared ``data_keys`` may use no others
    in «tall».
    """
    section = get(section)
    data = content.get("tall", {})
    if not isinstance(data, dict):
        raise ValueError(f"section {section.key!r}: 'tall' must be an object")
    unknown = set(data) - section.data_keys if section.data_keys else set()
    if unknown:
        raise ValueError(f"section {section.key!r}: unknown data keys {sorted(unknown)}")
    stored = {k: v for k, v in content.items() if k != "felt"}  # «felt» is the report's snapshot
    bad = sorted(set(_bad_keys(stored)))
    if bad:
        raise ValueError(f"section {section.key!r}: data keys must be ASCII snake_case, not {bad}")


def _bad_keys(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [k for k in value if not _SNAKE.match(str(k))] + [b for v in value.values() for b in _bad_keys(v)]
    if isinstance(value, list):
        return [b for v in value for b in _bad_keys(v)]
    return []


# -- upgrades of older files ------------------------------------------------------------------
# Frozen on purpose: they describe what earlier versions wrote, so they must not follow later
# changes to labels, data files or topic modules.

_V1_NEED = {
    "Prosjektets navn": "tittel",
    "Problemet, og hvem det gjelder": "problem",
    "Hvorfor det er viktig nå (relevans)": "relevans",
    "Hvordan behovet er sjekket (innsikt)": "innsikt",
}
_V1_STATUS = {"Ikke startet": "ikke_startet", "I gang": "i_gang", "Ferdig": "ferdig"}
_V1_LOGICS = {
    "Omsorgslogikk": "omsorg",
    "Valgets logikk": "valg",
    "Styrings- og produksjonslogikk": "styring",
    "Markedslogikk": "marked",
}
_V1_FACTORS = {
    "Teknologiske faktorer": "teknologi",
    "Pasienten eller målgruppen": "malgruppe",
    "Ansatte i tjenestene": "ansatte",
    "Team og samarbeid": "team",
    "Økonomiske forhold": "okonomi",
    "Styring og ledelse": "styring",
    "Regulatoriske og juridiske forhold": "regulering",
}
_V1_LEARNING = {
    "1. Trygt å si fra": "u01",
    "2. Ulike syn verdsettes": "u02",
    "3. Åpne for nye ideer": "u03",
    "4. Tid til refleksjon": "u04",
    "5. Prøver ut i liten skala": "u05",
    "6. Henter inn erfaringer": "u06",
    "7. Analyserer sammen": "u07",
    "8. Opplæring ved endring": "u08",
    "9. Leder spør og lytter": "u09",
    "10. Leder gir tid til læring": "u10",
    "11. Leder ber om andre syn": "u11",
}


def _part(content: dict, key: str) -> dict:
    """One part of a saved section, or an empty dict if it is missing or hand-edited into another type."""
    value = content.get(key)
    return value if isinstance(value, dict) else {}


def _rename(mapping: Any, names: Mapping[str, str]) -> Any:
    return {names.get(k, k): v for k, v in mapping.items()} if isinstance(mapping, dict) else mapping


def _v1_behov(content: dict) -> dict:
    fields = _part(content, "felt")
    content["tall"] = {key: str(fields[text]) for text, key in _V1_NEED.items() if fields.get(text)}
    return content


def _v1_plan(content: dict) -> dict:
    fields = _part(content, "felt")
    steps = []
    for text, value in fields.items():
        number, _, _ = str(text).partition(". ")
        status, _, step = str(value).partition(": ")
        if number.isdigit() and status in _V1_STATUS:
            steps.append({"nr": int(number), "status": _V1_STATUS[status], "neste": step})
    content["tall"] = {"steg": steps}
    return content


def _v1_verdier(content: dict) -> dict:
    data = _part(content, "tall")
    rows = data.get("Sortering", [])
    row_keys = {
        "Utsagn": "utsagn",
        "Mitt valg": "mitt_valg",
        "Kursets lesning": "kursets_lesning",
        "Vurdering": "vurdering",
    }
    content["tall"] = {
        "sortering": [_rename(r, row_keys) for r in rows] if isinstance(rows, list) else [],
        "min_profil": _rename(data.get("Min profil", {}), _V1_LOGICS),
    }
    return content


def _v1_hindringer(content: dict) -> dict:
    data = content.get("tall")
    if isinstance(data, dict):
        data["tiltak"] = _rename(data.get("tiltak", {}), _V1_FACTORS)
    return content


def _v1_laering(content: dict) -> dict:
    content["tall"] = _rename(content.get("tall", {}), {"måling": "maaling", "tegn_på_endring": "tegn_paa_endring"})
    return content


def _v1_statements(content: dict) -> dict:
    data = _rename(content.get("tall", {}), {"påstander": "paastander"})
    rows = data.get("paastander") if isinstance(data, dict) else None
    if isinstance(rows, list):
        fixed = []
        for row in rows:
            if isinstance(row, dict):
                row = _rename(row, {"påstand": "paastand"})
                count = row.pop("antall svar", None)
                if count is not None:
                    row.setdefault("antall_svar", count)
                if row.get("paastand") in _V1_LEARNING and "svar" in row:
                    row = {"id": _V1_LEARNING[row["paastand"]], **row}
            fixed.append(row)
        data["paastander"] = fixed
    content["tall"] = data
    return content


#: From file version n to n + 1: section key -> a function of a copy of that section's «innhold».
UPGRADES: dict[int, dict[str, Callable[[dict], dict]]] = {
    1: {
        "behov": _v1_behov,
        "plan": _v1_plan,
        "verdier": _v1_verdier,
        "hindringer": _v1_hindringer,
        "laering": _v1_laering,
        "laeringskultur": _v1_statements,
        "laeringskultur_team": _v1_statements,
        "trygghet": _v1_statements,
    },
}

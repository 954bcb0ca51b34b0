"""Stakeholders of an innovation project: who they are, how they count, how to involve them.

Scales (one for the whole course, explained in Norwegian in :data:`SCALE_TEXT`):

* **makt** (power) and **interesse** (interest): whole numbers 1–5; 4 and 5 count as
  high, so the dividing lines of the grid lie at 3.5 and no point sits on a line;
* **holdning** (attitude to the project): −2 (strongly against) to +2 (strongly for);
* **legitimitet** (legitimacy) and **hast** (urgency): yes or no. The third salience
  attribute, power, follows the power score: 4 or 5 means the stakeholder has power.

Two classifications: Mendelow's power/interest quadrants (Mendelow 1981) and the salience
classes of Mitchell, Agle & Wood (1997). Each stakeholder may also carry a placement on
Arnstein's ladder (``level_now``, ``level_goal``); the ladder itself is in
:mod:`helseinnovasjon.participation`.

Everything here is pure: form values or CSV text in, validated :class:`Stakeholder` lists
out. Every list edit returns a new list; bad input raises :class:`InputError` with a
Norwegian sentence and leaves the old list as it was. The maps drawn from the list (the
power/interest grid and the salience diagram) are in :mod:`helseinnovasjon.stakeholder_maps`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, overload

import pandas as pd

from . import data, formatting, sections
from .errors import InputError, join_words

EXAMPLE_TABLE = "interessenter-eksempel"
SECTION, SECTION_PARTICIPATION = sections.INTERESSENTER.key, sections.MEDVIRKNING.key
MAX_NAME, MAX_GROUP, MAX_STAKEHOLDERS = 60, 60, 40
SCORE = (1, 5)
ATTITUDE = (-2, 2)
RUNGS = (1, 8)  # Arnstein's ladder (see :mod:`helseinnovasjon.participation`)
HIGH = 4  # 4 and 5 count as high power / high interest
SOURCE = "Modeller: Mendelow (1981) og Mitchell, Agle og Wood (1997)."

SCALE_TEXT = (
    "Makt og interesse: 1 (svært liten) til 5 (svært stor); 4 og 5 regnes som stor. "
    "Holdning: −2 (sterkt imot) til +2 (sterkt for), 0 er nøytral. "
    "Legitimitet og hast: ja eller nei. Makt i Mitchells modell følger maktskåren: 4 eller 5 betyr ja."
)

GROUPS = [
    "Nasjonale myndigheter",
    "KS og sentrale organisasjoner",
    "Nettverk på tvers av kommuner og nivåer",
    "Politikere",
    "Administrasjon og ledelse",
    "Ansatte",
    "Tjenestemottakere",
    "Pårørende",
    "Innbyggere",
    "Lag og organisasjoner",
    "Akademia og fagmiljøer",
    "Næringsliv",
    "Andre",
]

ATTITUDES = {-2: "Sterkt imot", -1: "Litt imot", 0: "Nøytral", 1: "Litt for", 2: "Sterkt for"}

# Mendelow's grid: (high power, high interest) -> (quadrant, what to do)
QUADRANTS = {
    (True, True): ("Nøkkelaktør", "Samarbeid tett"),
    (True, False): ("Hold fornøyd", "Hold dem fornøyd"),
    (False, True): ("Hold informert", "Hold dem informert"),
    (False, False): ("Følg med", "Følg med, lite innsats"),
}

# Mitchell, Agle & Wood (1997): (power, legitimacy, urgency) -> class, and what to do (course text).
SALIENCE = {
    (False, False, False): ("Ikke interessent nå", "Ingen av egenskapene. Sjekk igjen senere: dette kan endre seg."),
    (True, False, False): (
        "Sovende",
        "Har makt, men ingen krav nå. Hold kontakt, så du merker det hvis de får et krav.",
    ),
    (False, True, False): (
        "Skjønnsbasert",
        "Har et rimelig krav, men verken makt eller hast. Ta dem med av "
        "godt skjønn, for eksempel i en referansegruppe.",
    ),
    (False, False, True): (
        "Krevende",
        "Har et hastende krav uten makt eller legitimitet. Lytt, forklar og sjekk om kravet er rimelig.",
    ),
    (True, True, False): (
        "Dominerende",
        "Har makt og et rimelig krav. Forankre prosjektet hos dem og gi dem "
        "en formell rolle, for eksempel i styringsgruppen.",
    ),
    (True, False, True): (
        "Farlig",
        "Har makt og hast, men kravet er ikke anerkjent. Snakk med dem tidlig, så de ikke stanser prosjektet.",
    ),
    (False, True, True): (
        "Avhengig",
        "Har et rimelig og hastende krav, men er avhengig av andre med makt. "
        "Gi dem en stemme, og finn noen med makt som kan tale deres sak.",
    ),
    (True, True, True): ("Avgjørende", "Har makt, et rimelig krav og hast. Samarbeid tett og prioriter dem først."),
}

SALIENCE_GROUP = {0: "Ikke interessent", 1: "Latent", 2: "Forventende", 3: "Avgjørende"}

# CSV columns in the order they are written; the optional ones may be missing in a file.
COLUMNS = ["navn", "gruppe", "makt", "interesse", "holdning", "legitimitet", "hast", "trinn_naa", "trinn_maal"]
OPTIONAL = ["trinn_naa", "trinn_maal"]
YES = {"ja", "j", "x", "1", "sann", "true", "yes", "y"}
NO = {"nei", "n", "", "0", "usann", "false", "no", "-"}

# Form field labels (used in error messages, so they name what the participant sees).
LABELS = {
    "navn": "Navn",
    "gruppe": "Gruppe",
    "makt": "Makt",
    "interesse": "Interesse",
    "holdning": "Holdning",
    "legitimitet": "Legitimitet",
    "hast": "Hast",
    "trinn_naa": "Trinn nå",
    "trinn_maal": "Trinn planlagt",
}


@dataclass(frozen=True)
class Stakeholder:
    """One stakeholder, validated. ``level_now``/``level_goal`` are rungs of Arnstein's ladder."""

    name: str
    group: str
    power: int
    interest: int
    attitude: int = 0
    legitimacy: bool = False
    urgency: bool = False
    level_now: int | None = None
    level_goal: int | None = None

    @property
    def has_power(self) -> bool:
        """Power in Mitchell's sense follows the power score."""
        return self.power >= HIGH

    @property
    def quadrant(self) -> str:
        return QUADRANTS[(self.power >= HIGH, self.interest >= HIGH)][0]

    @property
    def salience(self) -> str:
        return SALIENCE[(self.has_power, self.legitimacy, self.urgency)][0]

    @property
    def salience_group(self) -> str:
        return SALIENCE_GROUP[self.has_power + self.legitimacy + self.urgency]

    @property
    def engagement(self) -> str:
        """A suggested way to involve this stakeholder, from both models."""
        return (
            f"{QUADRANTS[(self.power >= HIGH, self.interest >= HIGH)][1]}. "
            + SALIENCE[(self.has_power, self.legitimacy, self.urgency)][1]
        )

    def record(self) -> dict[str, Any]:
        """Plain JSON with the CSV's Norwegian keys (for the project file)."""
        return {
            "navn": self.name,
            "gruppe": self.group,
            "makt": self.power,
            "interesse": self.interest,
            "holdning": self.attitude,
            "legitimitet": self.legitimacy,
            "hast": self.urgency,
            "trinn_naa": self.level_now,
            "trinn_maal": self.level_goal,
        }


# -- validation and pure list edits ----------------------------------------------------------


def key(name: str) -> str:
    """The name as compared for duplicates: case and spacing do not matter."""
    return " ".join(str(name).split()).casefold()


def _text(value: Any, field: str, maximum: int, what: str) -> str:
    text = " ".join(str(value if value is not None else "").split())
    if not text:
        raise InputError("feltet er tomt", f"Skriv inn {what}.", field=LABELS[field])
    if len(text) > maximum:
        raise InputError(
            f"teksten er for lang ({len(text)} tegn)",
            f"Bruk høyst {maximum} tegn, for eksempel en forkortelse.",
            field=LABELS[field],
        )
    return text


@overload
def whole(value: Any, field: str, low: int, high: int, *, optional: Literal[False] = False) -> int: ...
@overload
def whole(value: Any, field: str, low: int, high: int, *, optional: bool) -> int | None: ...
def whole(value: Any, field: str, low: int, high: int, *, optional: bool = False) -> int | None:
    """A whole number from ``low`` to ``high`` from a form or CSV value, or a Norwegian error."""
    if value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() in ("", "–"):
        if optional:
            return None
        raise InputError("feltet er tomt", f"Velg et helt tall fra {low} til {high}.", field=LABELS[field])
    if isinstance(value, bool):
        raise InputError(f"«{value}» er ikke et tall", f"Velg et helt tall fra {low} til {high}.", field=LABELS[field])
    number = value if isinstance(value, (int, float)) else data.parse_number(str(value), field=LABELS[field])
    if float(number) != int(number):
        raise InputError(
            f"«{formatting.format_number(number, 2, trim=True)}» er ikke et helt tall",
            f"Velg et helt tall fra {low} til {high}.",
            field=LABELS[field],
        )
    number = int(number)
    if not low <= number <= high:
        shown = formatting.format_number(number)
        raise InputError(
            f"{shown} er utenfor skalaen",
            f"Velg et helt tall fra {formatting.format_number(low)} til {high}.",
            field=LABELS[field],
        )
    return number


def _yes_no(value: Any, field: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip().casefold()
    if text in YES:
        return True
    if text in NO:
        return False
    raise InputError(f"«{value}» er verken ja eller nei", "Skriv «ja» eller «nei».", field=LABELS[field])


def parse(values: Mapping[str, Any], *, lenient_rungs: bool = False) -> Stakeholder:
    """A stakeholder from form or CSV values (Norwegian keys as in :data:`COLUMNS`).

    A place on the participation ladder is a pair: the rung now and the planned rung, both or
    neither. A half pair from a form or a CSV file is refused with a message saying what to fill
    in; with ``lenient_rungs`` (what an older project file holds) the missing half is taken to
    be the same as the other, so nothing a participant saved is lost."""
    item = Stakeholder(
        name=_text(values.get("navn"), "navn", MAX_NAME, "et navn på interessenten"),
        group=_text(values.get("gruppe") or "Andre", "gruppe", MAX_GROUP, "en gruppe"),
        power=whole(values.get("makt"), "makt", *SCORE),
        interest=whole(values.get("interesse"), "interesse", *SCORE),
        attitude=whole(values.get("holdning", 0), "holdning", *ATTITUDE),
        legitimacy=_yes_no(values.get("legitimitet", False), "legitimitet"),
        urgency=_yes_no(values.get("hast", False), "hast"),
        level_now=whole(values.get("trinn_naa"), "trinn_naa", *RUNGS, optional=True),
        level_goal=whole(values.get("trinn_maal"), "trinn_maal", *RUNGS, optional=True),
    )
    return with_rungs(item, item.level_now, item.level_goal, lenient=lenient_rungs)


def with_rungs(item: Stakeholder, now: int | None, goal: int | None, *, lenient: bool = False) -> Stakeholder:
    """The stakeholder placed on rung ``now`` with ``goal`` planned (both None: not placed)."""
    if (now is None) != (goal is None):
        if not lenient:
            missing, given = ("trinn_maal", "trinn_naa") if goal is None else ("trinn_naa", "trinn_maal")
            raise InputError(
                f"«{LABELS[given]}» er fylt ut, men «{LABELS[missing]}» er tom",
                f"Fyll ut begge (et tall fra {RUNGS[0]} til {RUNGS[1]}), eller la begge stå tomme.",
                field=LABELS[missing],
            )
        now = goal = now if now is not None else goal
    return replace(item, level_now=now, level_goal=goal)


def _check_unique(items: Sequence[Stakeholder], new: Stakeholder, skip: int | None = None) -> None:
    for i, other in enumerate(items):
        if i != skip and key(other.name) == key(new.name):
            raise InputError(
                f"«{new.name}» står allerede i lista (som «{other.name}»)",
                "Gi interessenten et annet navn, eller velg den i lista for å endre den.",
                field=LABELS["navn"],
            )


def add(items: Sequence[Stakeholder], new: Stakeholder) -> list[Stakeholder]:
    """A new list with ``new`` at the end (no duplicate names, at most MAX_STAKEHOLDERS)."""
    _check_unique(items, new)
    if len(items) >= MAX_STAKEHOLDERS:
        raise InputError(
            f"lista har allerede {len(items)} interessenter",
            f"Kartet blir uleselig med flere enn {MAX_STAKEHOLDERS}. Slå sammen noen til grupper.",
        )
    return [*items, new]


def selected(items: Sequence[Stakeholder], index: int | None) -> int:
    """The index of the stakeholder chosen in the editor's list, or a Norwegian error."""
    if index is None or not 0 <= index < len(items):
        raise InputError("ingen interessent er valgt", "Velg en interessent i lista først.")
    return index


def edit(items: Sequence[Stakeholder], index: int | None, new: Stakeholder) -> list[Stakeholder]:
    """A new list with item ``index`` replaced; the ladder placement is kept if the form has none."""
    index = selected(items, index)
    _check_unique(items, new, skip=index)
    old = items[index]
    if new.level_now is None and new.level_goal is None:
        new = replace(new, level_now=old.level_now, level_goal=old.level_goal)
    return [*items[:index], new, *items[index + 1 :]]


def remove(items: Sequence[Stakeholder], index: int | None) -> list[Stakeholder]:
    """A new list without item ``index``."""
    index = selected(items, index)
    return [*items[:index], *items[index + 1 :]]


def apply(items: Sequence[Stakeholder], action: str, index: int | None, values: Mapping[str, Any]) -> list[Stakeholder]:
    """One edit from the form: ``action`` is ``"legg_til"``, ``"endre"`` or ``"slett"``."""
    if action == "slett":
        return remove(items, index)
    new = parse(values)
    return add(items, new) if action == "legg_til" else edit(items, index, new)


def merge(items: Sequence[Stakeholder], imported: Iterable[Stakeholder]) -> list[Stakeholder]:
    """The list with every imported stakeholder added (all or nothing)."""
    result = list(items)
    for new in imported:
        result = add(result, new)
    return result


def form_values(item: Stakeholder) -> dict[str, Any]:
    """The form's values for one stakeholder (to fill the form when it is selected)."""
    return {
        "navn": item.name,
        "gruppe": item.group,
        "makt": item.power,
        "interesse": item.interest,
        "holdning": item.attitude,
        "legitimitet": item.legitimacy,
        "hast": item.urgency,
    }


def label(item: Stakeholder) -> str:
    """One line in the editor's list."""
    return f"{item.name} ({item.group}): makt {item.power}, interesse {item.interest}, {item.quadrant.lower()}"


# -- reading, writing and the project file -----------------------------------------------------


def _schema(columns: Iterable[str]) -> dict[str, Any]:
    """The example file's schema from datapackage.json, for the columns a file has.

    Yes/no columns lose their ``enum`` so that «Ja», «x» or «1» are read too, and an empty
    cell there means no (checked here)."""
    present = {c.strip().casefold() for c in columns}
    fields = []
    for field in data.resource(EXAMPLE_TABLE)["schema"]["fields"]:
        if field["name"] in OPTIONAL and field["name"] not in present:
            continue
        if "enum" in field.get("constraints", {}):
            field = {**field, "constraints": {}}
        fields.append(field)
    return {"fields": fields}


def read(source: str | Path | bytes, *, label: str | None = None) -> list[Stakeholder]:
    """Stakeholders from a CSV file or uploaded bytes (comma or Norwegian Excel ';')."""
    if isinstance(source, str) and "\n" in source:
        source = source.encode("utf-8")
    if isinstance(source, bytes):
        raw, label = source, label or "den opplastede filen"
    else:
        path = Path(source)
        label = label or path.name
        raw = path.read_bytes() if path.is_file() else b""
        if not path.is_file():
            raise InputError("filen finnes ikke", "Kontroller filnavnet og mappen.", source=label)
    text = data._decode(raw)
    header = next((line for line in text.splitlines() if line.strip()), "")
    columns = next(csv.reader([header], delimiter=max([";", "\t", ","], key=header.count)), [])
    table = data.read_csv(raw, _schema(columns), label=label)
    items: list[Stakeholder] = []
    for row_number, row in enumerate(table.to_dict("records"), start=2):
        try:
            items = add(items, parse(row))
        except InputError as error:
            raise InputError(
                error.problem,
                error.fix,
                source=label,
                row=row_number,
                column=next((c for c, t in LABELS.items() if t == error.field), None),
            ) from None
    if not items:
        raise InputError("filen har ingen interessenter", "Legg til minst én rad under overskriften.", source=label)
    return items


def to_csv(items: Sequence[Stakeholder], *, excel: bool = True) -> bytes:
    """CSV bytes: Norwegian Excel (``;``, BOM, CRLF) by default, else plain UTF-8 with commas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n")
    writer.writerow(COLUMNS)
    for item in items:
        rec = item.record()
        writer.writerow(
            [
                rec["navn"],
                rec["gruppe"],
                rec["makt"],
                rec["interesse"],
                rec["holdning"],
                "ja" if rec["legitimitet"] else "nei",
                "ja" if rec["hast"] else "nei",
                "" if rec["trinn_naa"] is None else rec["trinn_naa"],
                "" if rec["trinn_maal"] is None else rec["trinn_maal"],
            ]
        )
    return buffer.getvalue().encode("utf-8-sig" if excel else "utf-8")


def load_example(data_dir: Path = data.DATA_DIR) -> list[Stakeholder]:
    """The course's illustrative example: a municipality introducing digital night supervision."""
    res = data.resource(EXAMPLE_TABLE, data_dir)
    return read(Path(data_dir) / res["path"], label=res["path"])


def from_records(records: Iterable[Mapping[str, Any]], source: str = "prosjektfilen") -> list[Stakeholder]:
    items: list[Stakeholder] = []
    for number, rec in enumerate(records, start=1):
        try:
            items = add(items, parse(rec, lenient_rungs=True))
        except InputError as error:
            raise InputError(
                f"interessent nummer {number} kan ikke leses: {error.problem}",
                "Rett den i filen, eller start på nytt.",
                source=source,
            ) from None
    return items


def content(items: Sequence[Stakeholder]) -> dict[str, Any]:
    """What «Lagre i prosjektet mitt» saves in the section «interessenter»."""
    return {"tekst": summary(items), "skala": SCALE_TEXT, "interessenter": [i.record() for i in items]}


def from_saved(content: Mapping[str, Any], participation: Mapping[str, Any]) -> list[Stakeholder] | None:
    """The stakeholders saved in section «interessenter», with the rungs saved in «medvirkning»;
    None when none are saved. A record that cannot be read raises a Norwegian InputError."""
    saved = content.get("interessenter")
    if not saved:
        return None
    items = from_records(saved, "prosjektfilen")
    placed = participation.get("plasseringer", [])
    by_key = {key(p.get("navn", "")): p for p in placed if isinstance(p, dict)} if isinstance(placed, list) else {}
    return [_with_saved_rungs(i, by_key.get(key(i.name))) for i in items]


def _with_saved_rungs(item: Stakeholder, placement: Mapping[str, Any] | None) -> Stakeholder:
    if not placement:
        return item
    try:
        return with_rungs(
            item,
            whole(placement.get("trinn_naa"), "trinn_naa", *RUNGS, optional=True),
            whole(placement.get("trinn_maal"), "trinn_maal", *RUNGS, optional=True),
            lenient=True,
        )
    except InputError:
        return item


def summary(items: Sequence[Stakeholder]) -> str:
    """The map in one or two Norwegian sentences."""
    if not items:
        return "Ingen interessenter er lagt inn ennå."
    key_players = [i.name for i in items if i.quadrant == "Nøkkelaktør"]
    definitive = [i.name for i in items if i.salience == "Avgjørende"]
    against = [i.name for i in items if i.attitude < 0]
    text = f"{len(items)} interessenter, {len(key_players)} nøkkelaktører"
    text += f" ({name_list(key_players)})." if key_players else "."
    if definitive:
        text += f" Avgjørende etter Mitchells modell: {name_list(definitive)}."
    if against:
        text += f" Imot prosjektet nå: {name_list(against)}."
    return text


def name_list(names: Sequence[str], most: int = 6) -> str:
    """The names joined the Norwegian way, the first ``most`` of them and «N til» for the rest."""
    shown = list(names[:most]) + ([f"{len(names) - most} til"] if len(names) > most else [])
    return join_words(shown)


def overview(items: Sequence[Stakeholder]) -> Any:
    """A table of the stakeholders with both classifications and a suggested approach."""
    return pd.DataFrame(
        [
            {
                "Navn": i.name,
                "Gruppe": i.group,
                "Makt": i.power,
                "Interesse": i.interest,
                "Holdning": ATTITUDES[i.attitude],
                "Rutenett": i.quadrant,
                "Mitchell": i.salience,
                "Forslag": i.engagement,
            }
            for i in items
        ],
        columns=["Navn", "Gruppe", "Makt", "Interesse", "Holdning", "Rutenett", "Mitchell", "Forslag"],
    )


# -- what the notebooks show and save -------------------------------------------------------------


def import_csv(items: Sequence[Stakeholder], raw: bytes | str) -> list[Stakeholder]:
    """The list with the stakeholders of an uploaded CSV file added (all or nothing)."""
    return merge(items, read(raw if isinstance(raw, bytes) else raw.encode("utf-8")))

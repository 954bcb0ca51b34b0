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
Norwegian sentence and leaves the old list as it was.
"""

from __future__ import annotations

import csv
import io
import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, overload

import matplotlib as mpl
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import Circle

from . import data, formatting, plotting, sections
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
    text += f" ({_names(key_players)})." if key_players else "."
    if definitive:
        text += f" Avgjørende etter Mitchells modell: {_names(definitive)}."
    if against:
        text += f" Imot prosjektet nå: {_names(against)}."
    return text


def _names(names: Sequence[str], most: int = 6) -> str:
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


# -- label placement ------------------------------------------------------------------------------

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def layout_labels(
    anchors: Sequence[tuple[float, float]],
    sizes: Sequence[tuple[float, float]],
    bounds: Box,
    *,
    marker: float = 7.0,
    pad: float = 2.0,
    steps: int = 24,
) -> list[Box]:
    """Boxes for labels near their points, not on each other, on a point, or outside ``bounds``.

    A deterministic greedy search: each label (crowded points first) tries positions on
    rings of growing radius around its point, 16 directions per ring, and takes the first
    one that is free; if none is, the one with the least overlap."""
    points = [(x - marker, y - marker, x + marker, y + marker) for x, y in anchors]
    crowd = [sum(1 for bx, by in anchors if abs(bx - ax) < 80 and abs(by - ay) < 60) for ax, ay in anchors]
    order = sorted(range(len(anchors)), key=lambda i: (-crowd[i], -anchors[i][1], anchors[i][0]))
    placed: dict[int, Box] = {}
    directions = [
        (math.cos(a), math.sin(a))
        for a in (math.radians(d) for d in (0, 180, 90, 270, 30, 150, 210, 330, 60, 120, 240, 300, 15, 165, 195, 345))
    ]
    for i in order:
        (x, y), (w, h) = anchors[i], sizes[i]
        best: tuple[float, Box] | None = None
        for step in range(steps):
            radius = marker + pad + 6.0 * step
            for dx, dy in directions:
                # the box touches the ring on the side facing the point
                cx = x + dx * (radius + w / 2)
                cy = y + dy * (radius + h / 2)
                box = (cx - w / 2 - pad, cy - h / 2 - pad, cx + w / 2 + pad, cy + h / 2 + pad)
                if box[0] < bounds[0] or box[1] < bounds[1] or box[2] > bounds[2] or box[3] > bounds[3]:
                    continue
                cost = sum(_overlap(box, other) for other in placed.values())
                cost += sum(_overlap(box, p) for p in points)
                if best is None or cost < best[0]:
                    best = (cost, box)
                if cost == 0:
                    break
            if best is not None and best[0] == 0:
                break
        placed[i] = best[1] if best else (x, y, x + w, y + h)
    return [placed[i] for i in range(len(anchors))]


def short_label(name: str, width: int = 20, lines: int = 2) -> str:
    """A name wrapped for a label: at most ``lines`` lines, long words kept whole."""
    wrapped = textwrap.wrap(name, width, max_lines=lines, placeholder=" …", break_long_words=False)
    return "\n".join(wrapped) or name


def _spread(items: Sequence[Stakeholder]) -> list[tuple[float, float]]:
    """Data positions (interest, power); stakeholders on the same cell are spread on a small circle."""
    cells: dict[tuple[int, int], list[int]] = {}
    for i, item in enumerate(items):
        cells.setdefault((item.interest, item.power), []).append(i)
    positions: list[tuple[float, float]] = [(0.0, 0.0)] * len(items)
    for (x, y), members in cells.items():
        for k, i in enumerate(members):
            if len(members) == 1:
                positions[i] = (float(x), float(y))
            else:
                angle = math.pi / 2 + 2 * math.pi * k / len(members)
                positions[i] = (x + 0.2 * math.cos(angle), y + 0.2 * math.sin(angle))
    return positions


ATTITUDE_STYLE = {  # colour and marker: apart in colour-blind vision and in grey-scale
    -2: ("#D55E00", "v"),
    -1: ("#E69F00", "v"),
    0: ("#595959", "o"),
    1: ("#56B4E9", "^"),
    2: ("#0072B2", "^"),
}


def grid(items: Sequence[Stakeholder], *, title: str = "Interessentkart", illustrative: bool = False) -> plotting.Chart:
    """Mendelow's power/interest grid with every stakeholder named, coloured by attitude."""
    if not items:
        raise InputError("lista er tom", "Legg til minst én interessent for å tegne kartet.")
    fig, ax = plotting.new_figure((9.0, 7.0), margins={"left": 0.09, "right": 0.98, "top": 0.86, "bottom": 0.09})
    positions = _spread(items)
    with mpl.rc_context(plotting.STYLE):
        ax.set_xlim(0.4, 5.6)
        ax.set_ylim(0.4, 5.6)
        ax.set_xticks(range(1, 6))
        ax.set_yticks(range(1, 6))
        ax.set_xlabel("Interesse (1–5)")
        ax.set_ylabel("Makt (1–5)")
        ax.grid(False)
        for value in (HIGH - 0.5,):
            ax.axvline(value, color="#8c8c8c", linewidth=1.2, linestyle="--")
            ax.axhline(value, color="#8c8c8c", linewidth=1.2, linestyle="--")
        corners = {
            (True, True): (5.55, 5.55, "right"),
            (True, False): (0.45, 5.55, "left"),
            (False, True): (5.55, 0.45, "right"),
            (False, False): (0.45, 0.45, "left"),
        }
        for quadrant, (x, y, ha) in corners.items():
            ax.text(
                x,
                y,
                QUADRANTS[quadrant][0],
                ha=ha,
                va="top" if y > 3 else "bottom",
                fontsize=10,
                color="#595959",
                fontstyle="italic",
            )
        for attitude, (colour, marker) in ATTITUDE_STYLE.items():
            chosen = [p for p, i in zip(positions, items) if i.attitude == attitude]
            if chosen:
                ax.scatter(
                    [p[0] for p in chosen],
                    [p[1] for p in chosen],
                    s=70,
                    color=colour,
                    marker=marker,
                    edgecolor="white",
                    linewidth=0.8,
                    zorder=3,
                    label=ATTITUDES[attitude],
                )
        canvas = FigureCanvasAgg(fig)
        renderer = canvas.get_renderer()
        texts = [
            ax.text(
                0,
                0,
                short_label(i.name),
                fontsize=8.5,
                ha="center",
                va="center",
                zorder=4,
                linespacing=1.0,
                gid="interessent-etikett",
            )
            for i in items
        ]
        sizes = [(t.get_window_extent(renderer).width, t.get_window_extent(renderer).height) for t in texts]
        anchors = [tuple(ax.transData.transform(p)) for p in positions]
        frame = ax.get_window_extent(renderer)
        boxes = layout_labels(anchors, sizes, (frame.x0, frame.y0, frame.x1, frame.y1))
        inverse = ax.transData.inverted()
        for text, box, anchor, pos in zip(texts, boxes, anchors, positions):
            centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
            x, y = inverse.transform(centre)
            text.set_position((float(x), float(y)))
            if math.dist(centre, anchor) > 22 + max(box[2] - box[0], box[3] - box[1]) / 2:
                edge = inverse.transform((min(max(anchor[0], box[0]), box[2]), min(max(anchor[1], box[1]), box[3])))
                ax.plot([pos[0], edge[0]], [pos[1], edge[1]], color="#8c8c8c", linewidth=0.7, zorder=2)
        plotting.figure_title(fig, title, x=0.09, y=0.98)
        ax.legend(
            title="Holdning",
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncols=5,
            borderaxespad=0.3,
            fontsize=9,
            title_fontsize=9,
        )
    counts = {q: sum(1 for i in items if i.quadrant == q) for q, _ in QUADRANTS.values()}
    key_players = [i.name for i in items if i.quadrant == "Nøkkelaktør"]
    note = " Dataene er illustrerende, skrevet for kurset." if illustrative else ""
    alt = (
        f"Interessentkart med {len(items)} interessenter etter makt og interesse. "
        + ", ".join(f"{q}: {n}" for q, n in counts.items())
        + ". "
        + (f"Nøkkelaktører: {_names(key_players, 10)}." if key_players else "Ingen nøkkelaktører.")
    )
    caption = (
        f"Makt og interesse for {len(items)} interessenter (4 og 5 regnes som stort). Farge og form viser "
        f"holdning til prosjektet.{note} {SOURCE}"
    )
    return plotting.Chart(fig, alt, caption)


VENN = {"makt": ((0.0, 0.62), "Makt"), "legitimitet": ((-0.58, -0.38), "Legitimitet"), "hast": ((0.58, -0.38), "Hast")}
RADIUS = 1.0


def _region_centres() -> dict[tuple[bool, bool, bool], tuple[float, float]]:
    """Where to write each salience class: the centroid of its region of the Venn diagram."""
    sums: dict[tuple[bool, bool, bool], list[float]] = {}
    centres = [c for c, _ in VENN.values()]
    steps = 120
    for ix in range(steps + 1):
        for iy in range(steps + 1):
            x, y = -1.7 + 3.4 * ix / steps, -1.5 + 3.2 * iy / steps
            a, b, c = (math.dist((x, y), centre) <= RADIUS for centre in centres)
            inside = (a, b, c)
            if any(inside):
                acc = sums.setdefault(inside, [0.0, 0.0, 0.0])
                acc[0] += x
                acc[1] += y
                acc[2] += 1
    return {k: (v[0] / v[2], v[1] / v[2]) for k, v in sums.items()}


def salience_chart(items: Sequence[Stakeholder], *, illustrative: bool = False) -> plotting.Chart:
    """Mitchell, Agle & Wood's three attributes as a Venn diagram, with the names per class beside it."""
    if not items:
        raise InputError("lista er tom", "Legg til minst én interessent for å tegne figuren.")
    fig, ax = plotting.new_figure((10.0, 6.0), margins={"left": 0.01, "right": 0.99, "top": 0.9, "bottom": 0.02})
    ax.set_position((0.01, 0.02, 0.5, 0.86))
    panel = fig.add_axes((0.53, 0.02, 0.46, 0.86))
    by_class: dict[tuple[bool, bool, bool], list[str]] = {}
    for item in items:
        by_class.setdefault((item.has_power, item.legitimacy, item.urgency), []).append(item.name)
    with mpl.rc_context(plotting.STYLE):
        for (centre, name), colour, hatch in zip(VENN.values(), plotting.CATEGORICAL, ("", "//", "..")):
            ax.add_patch(
                Circle(centre, RADIUS, facecolor=colour, alpha=0.18, hatch=hatch, edgecolor=colour, linewidth=2)
            )
            ax.add_patch(Circle(centre, RADIUS, fill=False, edgecolor=colour, linewidth=2))
            offset = (centre[0] * 0.85, centre[1] + (0.55 if centre[1] > 0 else -0.55))
            ax.text(*offset, name, ha="center", va="center", fontsize=11, fontweight="bold", color=plotting.INK)
        for attrs, (x, y) in _region_centres().items():
            count = len(by_class.get(attrs, []))
            ax.text(
                x,
                y,
                f"{SALIENCE[attrs][0]}\n{count}",
                ha="center",
                va="center",
                fontsize=9,
                fontweight="bold" if count else "normal",
                color=plotting.INK if count else "#595959",
                linespacing=1.1,
            )
        outside = len(by_class.get((False, False, False), []))
        ax.text(
            -1.65, -1.45, f"Utenfor: {SALIENCE[(False, False, False)][0].lower()} ({outside})", fontsize=9, va="bottom"
        )
        ax.set_xlim(-1.7, 1.7)
        ax.set_ylim(-1.5, 1.7)
        ax.set_aspect("equal")
        ax.axis("off")
        panel.axis("off")
        lines = []
        order = [
            (True, True, True),
            (True, True, False),
            (True, False, True),
            (False, True, True),
            (True, False, False),
            (False, True, False),
            (False, False, True),
            (False, False, False),
        ]
        for attrs in order:
            names = by_class.get(attrs)
            if names:
                wrapped = textwrap.wrap(", ".join(names), 52)
                lines.append((f"{SALIENCE[attrs][0]} ({len(names)})", wrapped))
        y = 1.0
        size = 9 if sum(1 + len(w) for _, w in lines) <= 30 else 7.5
        step = 0.034 if size == 9 else 0.028
        for heading, wrapped in lines:
            panel.text(0, y, heading, fontsize=size, fontweight="bold", va="top", transform=panel.transAxes)
            y -= step
            for line in wrapped:
                panel.text(0.03, y, line, fontsize=size, va="top", transform=panel.transAxes)
                y -= step
            y -= step * 0.4
        plotting.figure_title(fig, "Hvem krever mest oppmerksomhet?", x=0.01, y=0.98)
    definitive = by_class.get((True, True, True), [])
    note = " Dataene er illustrerende, skrevet for kurset." if illustrative else ""
    alt = (
        "Venndiagram med tre sirkler: makt, legitimitet og hast. "
        + "; ".join(f"{SALIENCE[a][0]}: {_names(n, 20)}" for a, n in by_class.items())
        + "."
    )
    caption = (
        f"Interessentene etter Mitchell, Agle og Woods tre egenskaper. {len(definitive)} av {len(items)} har "
        f"alle tre og er avgjørende.{note} Modell: Mitchell, Agle og Wood (1997)."
    )
    return plotting.Chart(fig, alt, caption)


# -- what the notebooks show and save -------------------------------------------------------------


def import_csv(items: Sequence[Stakeholder], raw: bytes | str) -> list[Stakeholder]:
    """The list with the stakeholders of an uploaded CSV file added (all or nothing)."""
    return merge(items, read(raw if isinstance(raw, bytes) else raw.encode("utf-8")))

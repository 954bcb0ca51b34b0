"""User involvement: Arnstein's ladder of citizen participation and the Norwegian terms.

Arnstein (1969) orders participation in eight rungs in three groups (non-participation,
tokenism, citizen power). Norwegian health services speak of three degrees (user
orientation, user involvement, user control) and three levels (the individual, the
service, the system). The link from rungs to degrees in :data:`DEGREES` is the course's
own rough link, and is said to be so wherever it is shown.

A placement lives on the stakeholder (:class:`helseinnovasjon.stakeholders.Stakeholder`,
``level_now`` and ``level_goal``), so the stakeholder map and the ladder share one list.
Functions that compute are pure; :func:`editor` wires them to the shared list editor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, NamedTuple

import matplotlib as mpl
import pandas as pd

from . import plotting, stakeholder_maps
from . import stakeholders as st
from .errors import InputError

SECTION = st.SECTION_PARTICIPATION
SOURCE_LADDER = "Stigen: Arnstein (1969)."
USER_GROUPS = ("Tjenestemottakere", "Pårørende")

# Arnstein (1969), bottom to top, with her three groups.
LADDER = {
    1: "Manipulasjon",
    2: "Terapi",
    3: "Informasjon",
    4: "Konsultasjon",
    5: "Beroligelse",
    6: "Partnerskap",
    7: "Delegert makt",
    8: "Innbyggerkontroll",
}
LADDER_SHORT = {7: "Delegert\nmakt", 8: "Innbygger-\nkontroll"}
LADDER_GROUPS = [((1, 2), "Ikke-deltakelse"), ((3, 5), "Symbolsk deltakelse"), ((6, 8), "Innbyggermakt")]
# A rough link to the three degrees used in Norwegian services (Helsedirektoratet 2006): made for the course.
DEGREES = [
    ((1, 2), "Ingen medvirkning"),
    ((3, 4), "Brukerorientering"),
    ((5, 6), "Brukermedvirkning"),
    ((7, 8), "Brukerstyring"),
]
# Where user involvement happens in Norwegian health services (Helsebiblioteket 2019).
ARENAS = {
    "Individnivå": "Tjenestemottakeren medvirker i sin egen tjeneste (pasient- og brukerrettighetsloven § 3-1).",
    "Tjenestenivå": "Tjenestemottakere er med og utvikler og forbedrer tjenesten (forskrift om ledelse og kvalitetsforbedring).",
    "Systemnivå": "Brukerorganisasjoner og råd er med i planer og politiske prosesser.",
}


def rung_group(rung: int) -> str:
    """Arnstein's group for a rung: non-participation, tokenism or citizen power."""
    return next(name for (low, high), name in LADDER_GROUPS if low <= rung <= high)


def degree(rung: int) -> str:
    """The Norwegian degree of user involvement a rung roughly matches (course's own link)."""
    return next(name for (low, high), name in DEGREES if low <= rung <= high)


def rung_options() -> list[tuple[str, int | None]]:
    """Drop-down options: «3 Informasjon» … and «Ikke valgt»."""
    return [("Ikke valgt", None), *((f"{n} {name}", n) for n, name in LADDER.items())]


def ladder_table() -> pd.DataFrame:
    """Arnstein's ladder from the top, with her groups and the Norwegian degree."""
    rows = [
        {"Trinn": f"{n} {LADDER[n]}", "Arnsteins gruppe": rung_group(n), "Norsk grad (grov kobling)": degree(n)}
        for n in sorted(LADDER, reverse=True)
    ]
    return pd.DataFrame(rows)


def arena_table() -> pd.DataFrame:
    """The three levels of user involvement in Norwegian health services."""
    return pd.DataFrame({"Nivå": list(ARENAS), "Hva det betyr": list(ARENAS.values())})


def users_report(items: Sequence[st.Stakeholder]) -> str:
    """Where users and next of kin stand on the ladder, and what one step up would be."""
    users = [i for i in items if i.group in USER_GROUPS]
    if not users:
        return (
            "Ingen interessenter i gruppene «Tjenestemottakere» eller «Pårørende». "
            "Hvem representerer tjenestemottakerne og de pårørende i prosjektet ditt?"
        )
    lines = []
    for item in users:
        where = (
            (f"står på trinn {item.level_now} {LADDER[item.level_now].lower()} ({rung_group(item.level_now).lower()})")
            if item.level_now
            else "er ikke plassert"
        )
        lines.append(f"{item.name} {where}. Ett trinn opp: {one_step_up(item).split(': ', 1)[-1]}")
    return "\n".join(lines)


def place(
    items: Sequence[st.Stakeholder], action: str, index: int | None, values: Mapping[str, Any]
) -> list[st.Stakeholder]:
    """Set (or clear, with ``"slett"``) one stakeholder's rungs now and planned."""
    index = st.selected(items, index)
    if action == "slett":
        new = replace(items[index], level_now=None, level_goal=None)
    else:
        now = st.whole(values.get("trinn_naa"), "trinn_naa", *st.RUNGS)
        goal = st.whole(values.get("trinn_maal"), "trinn_maal", *st.RUNGS)
        new = replace(items[index], level_now=now, level_goal=goal)
    return [*items[:index], new, *items[index + 1 :]]


def form_values(item: st.Stakeholder) -> dict[str, Any]:
    """The form's values for one stakeholder (to fill the drop-downs when it is selected)."""
    return {"trinn_naa": item.level_now, "trinn_maal": item.level_goal}


class Placement(NamedTuple):
    """A stakeholder placed on the ladder: the rung now and the planned rung."""

    item: st.Stakeholder
    now: int
    goal: int


def placements(items: Sequence[st.Stakeholder]) -> list[Placement]:
    """The stakeholders placed on the ladder, in list order (a place is always a pair of rungs)."""
    return [
        Placement(i, i.level_now, i.level_goal) for i in items if i.level_now is not None and i.level_goal is not None
    ]


def label(item: st.Stakeholder) -> str:
    """One line in the editor's list."""
    if item.level_now is None or item.level_goal is None:
        return f"{item.name}: ikke plassert"
    return (
        f"{item.name}: nå {item.level_now} {LADDER[item.level_now]}, planlagt {item.level_goal} "
        f"{LADDER[item.level_goal]}"
    )


def one_step_up(item: st.Stakeholder) -> str:
    """What it would mean to move one rung up from where the stakeholder is now."""
    if item.level_now is None:
        return f"{item.name} er ikke plassert på stigen ennå."
    if item.level_now == 8:
        return f"{item.name} står allerede på øverste trinn ({LADDER[8].lower()})."
    up = item.level_now + 1
    return (
        f"{item.name}: fra {item.level_now} {LADDER[item.level_now].lower()} til {up} {LADDER[up].lower()} "
        f"({rung_group(up).lower()}; i norsk språkbruk {degree(up).lower()})."
    )


def content(items: Sequence[st.Stakeholder]) -> dict[str, Any]:
    """What is saved in the section «medvirkning»."""
    placed = placements(items)
    up = sum(1 for p in placed if p.goal > p.now)
    text = (
        (f"{len(placed)} av {len(items)} interessenter er plassert på Arnsteins stige; {up} skal flyttes opp.")
        if items
        else "Ingen interessenter ennå."
    )
    return {
        "tekst": text,
        "plasseringer": [
            {
                "navn": p.item.name,
                "trinn_naa": p.now,
                "trinn_maal": p.goal,
                "grad_naa": degree(p.now),
                "grad_maal": degree(p.goal),
            }
            for p in placed
        ],
    }


# -- what the notebook shows and saves ------------------------------------------------------------


def chart(items: Sequence[st.Stakeholder], *, illustrative: bool = False) -> plotting.Chart:
    """Each placed stakeholder on Arnstein's ladder: where they stand now, and where the plan puts them."""
    placed = placements(items)
    if not placed:
        raise InputError(
            "ingen interessenter er plassert på stigen ennå",
            "Velg en interessent, velg trinn nå og planlagt, og trykk «Lagre plassering».",
        )
    height = max(3.5, 0.36 * len(placed) + 1.9)
    fig, ax = plotting.new_figure(
        (9.0, height), margins={"left": 0.33, "right": 0.97, "top": 1 - 0.9 / height, "bottom": 1.0 / height}
    )
    users = set(USER_GROUPS)
    with mpl.rc_context(plotting.STYLE):
        for (low, high), name, shade in zip(
            (g for g, _ in LADDER_GROUPS), (n for _, n in LADDER_GROUPS), ("#f2f2f2", "#e6e6e6", "#d9d9d9")
        ):
            ax.axvspan(low - 0.5, high + 0.5, color=shade, zorder=0)
            ax.text((low + high) / 2, -0.85, name, ha="center", va="center", fontsize=9, color="#1a1a1a")
        for row, p in enumerate(placed):
            if p.goal != p.now:
                ax.annotate(
                    "",
                    xy=(p.goal, row),
                    xytext=(p.now, row),
                    arrowprops={
                        "arrowstyle": "-|>",
                        "color": plotting.CATEGORICAL[0],
                        "linewidth": 1.6,
                        "shrinkA": 5,
                        "shrinkB": 5,
                    },
                )
        ax.scatter(
            [p.now for p in placed],
            range(len(placed)),
            s=60,
            facecolor="white",
            edgecolor=plotting.INK,
            linewidth=1.6,
            zorder=3,
            label="Nå",
        )
        ax.scatter(
            [p.goal for p in placed],
            range(len(placed)),
            s=60,
            color=plotting.CATEGORICAL[0],
            marker="D",
            zorder=4,
            label="Planlagt",
        )
        ax.set_yticks(
            range(len(placed)), [stakeholder_maps.short_label(p.item.name, 36, 1) for p in placed], fontsize=9
        )
        for tick, p in zip(ax.get_yticklabels(), placed):
            if p.item.group in users:
                tick.set_fontweight("bold")
        ax.set_xticks(range(1, 9), [f"{n}\n{LADDER_SHORT.get(n, LADDER[n])}" for n in range(1, 9)], fontsize=8)
        ax.set_xlim(0.5, 8.5)
        ax.set_ylim(len(placed) - 0.4, -1.2)
        ax.grid(axis="y", visible=False)
        plotting.figure_title(fig, "Medvirkning på Arnsteins stige", x=0.02, y=1 - 0.1 / height)
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2, borderaxespad=0.3, fontsize=9)
    up = [p.item.name for p in placed if p.goal > p.now]
    note = " Dataene er illustrerende, skrevet for kurset." if illustrative else ""
    alt = (
        "Arnsteins stige fra 1 manipulasjon til 8 innbyggerkontroll. "
        + "; ".join(f"{p.item.name}: nå {p.now}, planlagt {p.goal}" for p in placed)
        + "."
    )
    caption = (
        f"Hvor {len(placed)} interessenter står nå (åpen sirkel) og hvor planen setter dem (ruter). "
        f"{len(up)} skal flyttes opp. Tjenestemottakere og pårørende står med fet skrift.{note} {SOURCE_LADDER}"
    )
    return plotting.Chart(fig, alt, caption)

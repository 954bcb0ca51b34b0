"""Demand for municipal health and care services: who uses the hours.

The data behind «Hvorfor innovasjon?»: how the hours in each municipal service are
shared between age groups (SSB table 11643 as cited by Helseinnovasjonssenteret).
Functions here are pure: data in, numbers or sentences out. Charts are built with
:mod:`helseinnovasjon.plotting` and returned as :class:`~helseinnovasjon.plotting.Chart`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import data, formatting, plotting
from .errors import InputError

HOURS_TABLE = "timefordeling-alder-tjeneste-2023"
ALL_SERVICES = "Alle tjenester"
AGE_GROUPS = ["0-49", "50-66", "67-79", "80-89", "90+"]
UNDER_67 = ["0-49", "50-66"]
# The table is the seed document's; it names SSB table 11643, which could not be verified.
HOURS_SOURCE = (
    "Kilde: Helseinnovasjonssenteret, presentasjonen «Raskere innovasjon i helsesektoren» (2023), "
    "som oppgir SSB tabell 11643. Tabellnummeret er ikke kontrollert mot SSB."
)


def age_label(group: str) -> str:
    """Reader-facing label of an age group code: ``"0-49"`` -> ``"0–49 år"``."""
    if group.endswith("+"):
        return f"{group[:-1]} år og eldre"
    return group.replace("-", "–") + " år"


def load_hours_by_age(data_dir: Path = data.DATA_DIR) -> pd.DataFrame:
    """The hours table in long form: one row per service and age group."""
    return data.load_table(HOURS_TABLE, data_dir)


def hours_share_wide(long: pd.DataFrame) -> pd.DataFrame:
    """One row per service (bokmål name, in source order), one column per age group.

    Values are the percentage of the service's hours that go to each age group.
    """
    wide = long.pivot(index="tjeneste_bokmal", columns="aldersgruppe", values="andel_timer_prosent")
    wide = wide.reindex(index=long["tjeneste_bokmal"].drop_duplicates(), columns=AGE_GROUPS)
    wide.index.name = "Tjeneste"
    wide.columns = [age_label(g) for g in AGE_GROUPS]
    wide.columns.name = "Aldersgruppe"
    return wide


def share_under_67(wide: pd.DataFrame) -> pd.Series:
    """Percentage of each service's hours that go to people under 67."""
    return wide[[age_label(g) for g in UNDER_67]].sum(axis=1).rename("Under 67 år (%)")


def services_by_young_share(wide: pd.DataFrame) -> pd.DataFrame:
    """Services ranked from the largest to the smallest share of hours to under-67s."""
    table = pd.DataFrame(
        {
            "Under 67 år (%)": share_under_67(wide),
            "67 år og eldre (%)": 100 - share_under_67(wide),
        }
    )
    return table.drop(index=ALL_SERVICES, errors="ignore").sort_values("Under 67 år (%)", ascending=False)


def _service_row(wide: pd.DataFrame, service: str) -> pd.Series:
    if service not in wide.index:
        raise InputError(
            f"tjenesten «{service}» finnes ikke i tabellen",
            "Velg en tjeneste fra listen.",
        )
    return wide.loc[service]


def _group_phrase(label: str) -> str:
    """``"0–49 år"`` -> ``"0–49-åringene"``; ``"90 år og eldre"`` -> ``"de som er 90 år og eldre"``."""
    return f"de som er {label}" if "eldre" in label else label.replace(" år", "-åringene")


def describe_service(wide: pd.DataFrame, service: str) -> str:
    """A plain Norwegian sentence on who gets the hours of one service."""
    row = _service_row(wide, service)
    young = float(share_under_67(wide)[service])
    largest = row.idxmax()
    subject = "alle timene i tjenestene i tabellen" if service == ALL_SERVICES else f"timene i «{service}»"
    return (
        f"Av {subject} går {formatting.format_percent(young)} til personer under 67 år. "
        f"Størst andel får {_group_phrase(largest)}: {formatting.format_percent(row[largest])}."
    )


def overview_chart(wide: pd.DataFrame) -> plotting.Chart:
    """All services as 100 % bars split by age group."""
    fig, _ax = plotting.stacked_shares(
        wide,
        title="Hvem får timene i de kommunale tjenestene?",
        legend_title="Aldersgruppe",
    )
    young = share_under_67(wide)
    services = young.drop(index=ALL_SERVICES, errors="ignore")
    alt = (
        "Liggende stolpediagram med én stolpe per tjeneste, delt etter aldersgruppe. "
        f"Av timene i alle tjenestene i tabellen går {formatting.format_percent(young.get(ALL_SERVICES, float('nan')))} "
        "til personer under 67 år. "
        f"Størst andel til under 67 år har «{services.idxmax()}» "
        f"({formatting.format_percent(services.max())}); minst har «{services.idxmin()}» "
        f"({formatting.format_percent(services.min())})."
    )
    caption = (
        "Andel av timene i hver av tjenestene i tabellen som går til hver aldersgruppe, Norge 2023. "
        f"Langtids- og korttidsopphold i sykehjem er ikke med. {HOURS_SOURCE}"
    )
    return plotting.Chart(fig, alt, caption)


def service_chart(wide: pd.DataFrame, service: str) -> plotting.Chart:
    """One service's split by age group, beside the split for all services."""
    row = _service_row(wide, service)
    series = {service: list(row.values)}
    if service != ALL_SERVICES and ALL_SERVICES in wide.index:
        series[ALL_SERVICES] = list(wide.loc[ALL_SERVICES].values)
    fig, _ax = plotting.grouped_bars(
        series,
        list(wide.columns),
        title=f"Andel av timene etter alder: {service}" if len(service) < 40 else service,
        ylabel="Andel av timene",
    )
    parts = ", ".join(f"{age} {formatting.format_percent(v)}" for age, v in row.items())
    alt = f"Stolpediagram for «{service}», andel av timene per aldersgruppe: {parts}."
    if len(series) > 1:
        alt += " Til sammenligning vises alle tjenester samlet."
    caption = f"{describe_service(wide, service)} {HOURS_SOURCE}"
    return plotting.Chart(fig, alt, caption)


# -- key figures and the "yngrebølge" -------------------------------------------------------

KEY_FIGURES_TABLE = "nokkeltall"
RECIPIENTS_TABLE = "mottakere-hjemmetjenester-1992-2008"
HOURS_PER_RECIPIENT_TABLE = "timer-per-mottaker-2009"


def key_figures(data_dir: Path = data.DATA_DIR) -> pd.DataFrame:
    """All key figures (users, costs, workforce), indexed by their id, with year and source."""
    return data.load_table(KEY_FIGURES_TABLE, data_dir).set_index("id")


def key_figure_table(figures: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    """Chosen key figures as a reader-facing table: what, value with unit, year, source key."""
    missing = [i for i in ids if i not in figures.index]
    if missing:
        raise InputError(f"nøkkeltallene {', '.join(missing)} finnes ikke", "Bruk navn fra datasets/nokkeltall.csv.")
    rows = figures.loc[ids]
    units = {"prosent": "\u00a0%", "kroner": "\u00a0kr", "personer": "", "år": "\u00a0år"}
    value = [formatting.format_number(v, 1, trim=True) + units[u] for v, u in zip(rows["verdi"], rows["enhet"])]
    table = pd.DataFrame(
        {
            "Hva": rows["beskrivelse"].values,
            "Tall": value,
            "År": rows["aar"].astype(str).values,
            "Kilde": rows["kilde"].values,
        }
    )
    return table.set_index("Hva")


def high_cost_sentence(figures: pd.DataFrame) -> str:
    """The high-cost users in one sentence, from the key figures."""
    f = figures["verdi"]
    return (
        f"De {formatting.format_percent(f['hoykost_andel_brukere'])} av tjenestemottakerne som koster mest, står for "
        f"{formatting.format_percent(f['hoykost_andel_kostnader'])} av kostnadene i de kommunale pleie- og "
        f"omsorgstjenestene ({int(figures.loc['hoykost_andel_kostnader', 'aar'])}). Gjennomsnittsalderen deres er "
        f"{int(f['hoykost_snittalder'])} år, mot {int(f['andre_brukere_snittalder'])} år for de andre tjenestemottakerne, og "
        f"nesten {formatting.format_percent(f['hoykost_andel_hjemmetjenester'])} av kostnadene kommer fra tjenester i hjemmet."
    )


def recipients_chart(data_dir: Path = data.DATA_DIR) -> plotting.Chart:
    """Recipients of home-based services by age, 1992 against 2008."""
    long = data.load_table(RECIPIENTS_TABLE, data_dir)
    wide = long.pivot(index="aldersgruppe", columns="aar", values="mottakere").reindex(
        ["0-66", "67-79", "80-89", "90+"]
    )
    labels = ["Under 67 år", age_label("67-79"), age_label("80-89"), age_label("90+")]
    fig, _ax = plotting.grouped_bars(
        {str(year): list(wide[year]) for year in wide.columns},
        labels,
        title="Mottakere av hjemmebaserte tjenester etter alder",
        ylabel="Mottakere",
        percent=False,
    )
    first, last = wide.columns.min(), wide.columns.max()
    young = wide.loc["0-66"]
    alt = (
        f"Stolpediagram som sammenligner {first} og {last}. Mottakere under 67 år økte fra "
        f"{formatting.format_number(young[first])} til {formatting.format_number(young[last])}, mens mottakere "
        f"67–79 år gikk ned fra {formatting.format_number(wide.loc['67-79', first])} til "
        f"{formatting.format_number(wide.loc['67-79', last])}."
    )
    caption = (
        f"Mottakere av hjemmebaserte tjenester etter alder, {first} og {last}. Brudd i tidsserien i 2007 "
        "(IPLOS). Kilde: SSB, arkivtabell over mottakere av hjemmebaserte tjenester."
    )
    return plotting.Chart(fig, alt, caption)


def hours_per_recipient(data_dir: Path = data.DATA_DIR) -> pd.DataFrame:
    """Hours per week per recipient by age (2009), as a reader-facing table."""
    table = data.load_table(HOURS_PER_RECIPIENT_TABLE, data_dir)
    table["aldersgruppe"] = [("Alle aldre" if g == "alle" else age_label(g)) for g in table["aldersgruppe"]]
    table = table.rename(
        columns={
            "aldersgruppe": "Aldersgruppe",
            "timer_per_uke": "Timer per uke",
            "mottakere_med_timer": "Mottakere med timer",
        }
    )
    return table.set_index("Aldersgruppe")

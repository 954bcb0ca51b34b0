"""Demand for municipal health and care services: who uses the hours.

The data behind «Hvorfor innovasjon?»: how the hours in each municipal service are
shared between age groups (SSB table 11643 as cited by Helseinnovasjonssenteret).
Functions here are pure: data in, numbers or sentences out. Charts are built with
:mod:`helseinnovasjon.plotting` and returned as :class:`~helseinnovasjon.plotting.Chart`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import data, plotting
from .errors import InputError

HOURS_TABLE = "timefordeling-alder-tjeneste-2023"
ALL_SERVICES = "Alle tjenester"
AGE_GROUPS = ["0-49", "50-66", "67-79", "80-89", "90+"]
UNDER_67 = ["0-49", "50-66"]
HOURS_SOURCE = "Kilde: SSB tabell 11643 (2023), gjengitt av Helseinnovasjonssenteret."


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
    table = pd.DataFrame({
        "Under 67 år (%)": share_under_67(wide),
        "67 år og eldre (%)": 100 - share_under_67(wide),
    })
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
        f"Av {subject} går {plotting.format_percent(young)} til personer under 67 år. "
        f"Størst andel får {_group_phrase(largest)}: {plotting.format_percent(row[largest])}."
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
        f"Av alle timene går {plotting.format_percent(young.get(ALL_SERVICES, float('nan')))} "
        "til personer under 67 år. "
        f"Størst andel til under 67 år har «{services.idxmax()}» "
        f"({plotting.format_percent(services.max())}); minst har «{services.idxmin()}» "
        f"({plotting.format_percent(services.min())})."
    )
    caption = (
        "Andel av timene i hver kommunal helse- og omsorgstjeneste som går til hver "
        f"aldersgruppe, Norge 2023. {HOURS_SOURCE}"
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
    parts = ", ".join(f"{age} {plotting.format_percent(v)}" for age, v in row.items())
    alt = f"Stolpediagram for «{service}», andel av timene per aldersgruppe: {parts}."
    if len(series) > 1:
        alt += " Til sammenligning vises alle tjenester samlet."
    caption = f"{describe_service(wide, service)} {HOURS_SOURCE}"
    return plotting.Chart(fig, alt, caption)

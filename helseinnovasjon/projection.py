"""Scenario projection to 2040: the people needed in health and care against those available.

The model is deliberately simple, so that every step can be explained on one page:

1. **Hours per person by age.** The seed document (Helseinnovasjonssenteret, citing SSB table 11643, a
   table number not verified) gives each age group's share of the hours
   in the municipal services (2023). Dividing by the population of the group (2022) gives
   hours per person as an index: a 90-year-old gets about ten times the hours of a
   40-year-old. (The table covers home-based and day services, not long-term nursing-home
   stays, so growth among the oldest is, if anything, understated.)
2. **Demand** in year *t* = Σ population(age, *t*) × hours per person(age), relative to
   2022, times the people working in health and care in 2022 (at least 400 000, NOU 2023:4).
   Scenario measures reduce it: productivity (per year), task shifting, welfare technology
   and prevention (the last two for people 67 and over). Measures phase in linearly and
   reach their full effect in 2040.
3. **Supply**: all employed grow with the population aged 18–66; health and care can
   recruit a given share of them (15 % in 2021, NOU 2023:4).

Population between the data years (2022, 2025, 2040) is interpolated linearly.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import ClassVar

import pandas as pd

from . import data, demand, formatting, plotting
from .errors import InputError

BASE_YEAR = 2022
END_YEAR = 2040
POPULATION_TABLE = "befolkning-alder-2018-2040"
POPULATION_GROUPS = ["0-17", "18-49", "50-66", "67-79", "80-89", "90+"]
# The population groups folded into the (coarser) groups of SSB table 11643.
MODEL_GROUP = {"0-17": "0-49", "18-49": "0-49", "50-66": "50-66", "67-79": "67-79", "80-89": "80-89", "90+": "90+"}
OLDER = ["67-79", "80-89", "90+"]
WORKING_AGE = ["18-49", "50-66"]
BASE_WORKFORCE = 400_000  # "more than 400 000" work in health and care (NOU 2023:4): a lower bound
BASE_SHARE = 15.0  # % of all employed in health and care, 2021 (NOU 2023:4): a lower bound
# The hours table is the seed document's (Helseinnovasjonssenteret); its SSB table number is not verified.
SOURCE = (
    "Kilde: timer etter alder fra en presentasjon fra Helseinnovasjonssenteret, som oppgir SSB tabell 11643 "
    "(tabellnummeret er ikke kontrollert); befolkningen fra Helsedirektoratet, som viser til SSB tabell 12881; "
    "NOU 2023:4; egen framskriving."
)


@dataclass(frozen=True)
class Scenario:
    """What the services do differently. Percentages, as a participant sets them on sliders."""

    productivity: float = 0.0  # % fewer hours per year for the same care
    task_shifting: float = 0.0  # % of hours taken over by others than health and care staff
    welfare_technology: float = 0.0  # % of hours for users 67+ saved by technology
    prevention: float = 0.0  # % less need among people 67+ (need postponed)
    recruitment_share: float = BASE_SHARE  # % of all employed that health and care can get

    LIMITS: ClassVar[dict[str, tuple[float, float, str]]] = {
        "productivity": (0.0, 5.0, "årlig produktivitetsvekst"),
        "task_shifting": (0.0, 50.0, "oppgavedeling"),
        "welfare_technology": (0.0, 50.0, "velferdsteknologi"),
        "prevention": (0.0, 50.0, "forebygging og hverdagsrehabilitering"),
        "recruitment_share": (5.0, 40.0, "andel av alle sysselsatte"),
    }

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            low, high, label = self.LIMITS[item.name]
            try:
                number = float(value)
            except (TypeError, ValueError):
                raise InputError(f"«{value}» er ikke et tall", f"Skriv et tall for {label}.", field=label) from None
            if not math.isfinite(number) or not low <= number <= high:
                raise InputError(
                    f"{formatting.format_number(number, 1, trim=True)} % er utenfor det modellen tillater",
                    f"Velg en verdi for {label} mellom {formatting.format_number(low, 0)} og "
                    f"{formatting.format_number(high, 0)} %.",
                    field=label,
                )
            object.__setattr__(self, item.name, number)


def load_population(data_dir: Path = data.DATA_DIR) -> pd.DataFrame:
    """Population by age group (columns) and year (index): 2018, 2022, 2025, 2040."""
    long = data.load_table(POPULATION_TABLE, data_dir)
    return long.pivot(index="aar", columns="aldersgruppe", values="personer")[POPULATION_GROUPS]


def population_by_year(population: pd.DataFrame, start: int = BASE_YEAR, end: int = END_YEAR) -> pd.DataFrame:
    """Every year from ``start`` to ``end``, interpolated linearly between the data years."""
    check_population(population)
    if start < population.index.min() or end > population.index.max() or start > end:
        raise InputError(
            f"årene {start}–{end} ligger utenfor dataene ({population.index.min()}–{population.index.max()})",
            "Velg år innenfor perioden dataene dekker.",
        )
    years = pd.Index(range(start, end + 1), name="aar")
    full = population.astype(float).reindex(population.index.union(years)).interpolate(method="index")
    return full.loc[years]


def check_population(population: pd.DataFrame) -> None:
    """Refuse population tables a participant may have typed or uploaded wrongly."""
    missing = [g for g in POPULATION_GROUPS if g not in population.columns]
    if missing:
        raise InputError(
            f"befolkningstallene mangler aldersgruppene {', '.join(missing)}",
            f"Tabellen må ha disse aldersgruppene: {', '.join(POPULATION_GROUPS)}.",
        )
    values = population[POPULATION_GROUPS]
    if values.isna().any().any():
        raise InputError("noen befolkningstall mangler", "Fyll inn antall personer for alle aldersgrupper og år.")
    if (values < 0).any().any():
        raise InputError("et befolkningstall er negativt", "Antall personer kan ikke være under null.")
    if (values.sum(axis=1) <= 0).any():
        raise InputError("befolkningen er null", "Fyll inn antall personer.")


def hours_per_person(hours_share: pd.Series, base_population: pd.Series) -> pd.Series:
    """Relative hours per person in each 11643 age group (2022 average = 1).

    ``hours_share`` is the percentage of all hours per 11643 group ("0-49" ...);
    ``base_population`` is the 2022 population per population group ("0-17" ...).
    """
    people = base_population.groupby(MODEL_GROUP).sum()
    per_person = hours_share / people
    return per_person / (hours_share.sum() / people.sum())


def national_hours_per_person(data_dir: Path = data.DATA_DIR) -> pd.Series:
    """Hours per person from the 'Alle tjenester' row of SSB table 11643 and the 2022 population."""
    long = demand.load_hours_by_age(data_dir)
    shares = long[long["tjeneste_bokmal"] == demand.ALL_SERVICES].set_index("aldersgruppe")["andel_timer_prosent"]
    return hours_per_person(shares.astype(float), load_population(data_dir).loc[BASE_YEAR])


def project(
    population: pd.DataFrame,
    scenario: Scenario = Scenario(),
    *,
    per_person: pd.Series | None = None,
    base_workforce: float = BASE_WORKFORCE,
    base_share: float = BASE_SHARE,
) -> pd.DataFrame:
    """People needed in health and care and people available, per year to 2040.

    Returns one row per year with ``behov`` (people needed), ``tilgjengelig`` (people the
    services can recruit), ``mangel`` (needed minus available, negative = surplus) and
    ``andel_behov`` (% of all employed who would have to work in health and care).
    """
    yearly = population_by_year(population)
    per_person = national_hours_per_person() if per_person is None else per_person
    weights = pd.Series({group: per_person[MODEL_GROUP[group]] for group in POPULATION_GROUPS})

    years = yearly.index.to_series()
    ramp = (years - BASE_YEAR) / (END_YEAR - BASE_YEAR)
    older_factor = (1 - scenario.prevention / 100 * ramp) * (1 - scenario.welfare_technology / 100 * ramp)
    hours_young = (yearly.drop(columns=OLDER) * weights.drop(OLDER)).sum(axis=1)
    hours_old = (yearly[OLDER] * weights[OLDER]).sum(axis=1) * older_factor
    base_hours = (yearly.loc[BASE_YEAR] * weights).sum()
    index = (hours_young + hours_old) / base_hours
    index *= (1 + scenario.productivity / 100) ** -(years - BASE_YEAR)
    index *= 1 - scenario.task_shifting / 100 * ramp

    working_age = yearly[WORKING_AGE].sum(axis=1)
    employed = base_workforce / (base_share / 100) * working_age / working_age.loc[BASE_YEAR]
    result = pd.DataFrame(
        {
            "behov": base_workforce * index,
            "tilgjengelig": employed * scenario.recruitment_share / 100,
        }
    )
    result["mangel"] = result["behov"] - result["tilgjengelig"]
    result["andel_behov"] = 100 * result["behov"] / employed
    result.index.name = "år"
    return result


def _round_people(value: float) -> int:
    """Round to two significant figures: 90 847 -> 91 000, 182 -> 180, 7 -> 7."""
    if abs(value) < 10:
        return round(value)
    digits = math.floor(math.log10(abs(value))) - 1
    return int(round(value, -digits))


def describe(result: pd.DataFrame, year: int = END_YEAR) -> str:
    """The result in one plain Norwegian sentence (or two)."""
    row = result.loc[year]
    gap = _round_people(row["mangel"])
    if gap > 0:
        first = (
            f"Med disse forutsetningene mangler det om lag {formatting.format_number(gap)} personer "
            f"i helse- og omsorgstjenestene i {year}."
        )
    elif gap < 0:
        first = (
            f"Med disse forutsetningene er det om lag {formatting.format_number(-gap)} flere tilgjengelige "
            f"enn det trengs i {year}."
        )
    else:
        first = f"Med disse forutsetningene går behov og tilgang omtrent opp i {year}."
    return (
        f"{first} Da må {formatting.format_percent(row['andel_behov'], 1)} av alle sysselsatte arbeide "
        f"i helse og omsorg, mot om lag {formatting.format_percent(BASE_SHARE)} i dag "
        "(Helsepersonellkommisjonens tall for 2021)."
    )


def chart(result: pd.DataFrame, scenario: Scenario) -> plotting.Chart:
    """Needed against available, per year, with the gap shaded."""
    fig, _ax = plotting.lines(
        {"Behov": result["behov"], "Tilgjengelig": result["tilgjengelig"]},
        title="Behov og tilgang på arbeidskraft til 2040",
        ylabel="Personer i helse og omsorg",
        dashed=["Tilgjengelig"],
        shade=("Tilgjengelig", "Behov", "Mangel"),
    )
    end = result.loc[END_YEAR]
    start = result.iloc[0]
    alt = (
        f"Linjediagram fra {BASE_YEAR} til {END_YEAR}. Behovet går fra "
        f"{formatting.format_number(_round_people(start['behov']))} til "
        f"{formatting.format_number(_round_people(end['behov']))} personer; tilgangen går fra "
        f"{formatting.format_number(_round_people(start['tilgjengelig']))} til "
        f"{formatting.format_number(_round_people(end['tilgjengelig']))}. {describe(result)}"
    )
    caption = (
        f"{describe(result)} Forutsetninger: produktivitet {formatting.format_percent(scenario.productivity, 1)} "
        f"per år, oppgavedeling {formatting.format_percent(scenario.task_shifting)}, velferdsteknologi "
        f"{formatting.format_percent(scenario.welfare_technology)}, forebygging "
        f"{formatting.format_percent(scenario.prevention)}, rekruttering "
        f"{formatting.format_percent(scenario.recruitment_share)} av alle sysselsatte. {SOURCE}"
    )
    return plotting.Chart(fig, alt, caption)


def carer_ratio(population: pd.DataFrame, carers: list[str], elderly: list[str]) -> pd.Series:
    """Persons in the ``carers`` age groups per person in the ``elderly`` groups, per year.

    The standard measure (omsorgskoeffisienten) is persons 50–66 per person 85+; with
    national data in broad groups, 50–66 per person 80+ is the closest available.
    """
    values = population[carers + elderly]
    if values.isna().any().any() or (values < 0).any().any():
        raise InputError("noen befolkningstall mangler eller er negative", "Kontroller befolkningstallene.")
    older = population[elderly].sum(axis=1)
    if (older <= 0).any():
        raise InputError("det er ingen eldre i tabellen", "Kontroller tallene for de eldste aldersgruppene.")
    return population[carers].sum(axis=1) / older


def population_growth(population: pd.DataFrame, start: int = BASE_YEAR, end: int = END_YEAR) -> pd.DataFrame:
    """Persons per age group in two years and the change in percent, for a reader-facing table."""
    table = pd.DataFrame({str(start): population.loc[start], str(end): population.loc[end]})
    table["Endring (%)"] = (100 * (table[str(end)] / table[str(start)] - 1)).round(1)
    table.index = [demand.age_label(g) for g in table.index]
    table.index.name = "Aldersgruppe"
    return table


def population_chart(population: pd.DataFrame, start: int = BASE_YEAR, end: int = END_YEAR) -> plotting.Chart:
    """Change in persons per age group between two years, in percent."""
    growth = 100 * (population.loc[end] / population.loc[start] - 1)
    fig, _ax = plotting.grouped_bars(
        {f"Endring {start}–{end}": list(growth)},
        [demand.age_label(g) for g in POPULATION_GROUPS],
        title=f"Endring i befolkningen fra {start} til {end}",
        ylabel="Endring",
        decimals=1,
    )
    alt = (
        f"Stolpediagram over endringen i befolkningen fra {start} til {end} for seks aldersgrupper. Gruppene "
        f"under 67 år endrer seg med mellom {formatting.format_percent(growth[['0-17', '18-49', '50-66']].min(), 1)} "
        f"og {formatting.format_percent(growth[['0-17', '18-49', '50-66']].max(), 1)}, mens 80–89 år øker med "
        f"{formatting.format_percent(growth['80-89'], 1)} og 90 år og eldre med "
        f"{formatting.format_percent(growth['90+'], 1)}."
    )
    caption = (
        f"Endring i antall personer etter alder fra {start} (registrert) til {end} (framskrevet, "
        "hovedalternativet). Kilde: SSB tabell 12881, gjengitt av Helsedirektoratet."
    )
    return plotting.Chart(fig, alt, caption)


def explore(population: pd.DataFrame | None = None, **scenario: float) -> plotting.Answer:
    """What the scenario explorer shows: the result in one sentence, then the chart.

    ``scenario`` holds the slider values by :class:`Scenario` field name; bad values
    raise :class:`~helseinnovasjon.errors.InputError` with a Norwegian message.
    """
    chosen = Scenario(**scenario)
    result = project(load_population() if population is None else population, chosen)
    return plotting.Answer(describe(result), chart(result, chosen), _record(result, chosen), SOURCE)


def _record(result: pd.DataFrame, scenario: Scenario) -> dict:
    end = result.loc[END_YEAR]
    return {
        "forutsetninger": {f.name: getattr(scenario, f.name) for f in fields(scenario)},
        "behov_2040": round(float(end["behov"])),
        "tilgjengelig_2040": round(float(end["tilgjengelig"])),
        "mangel_2040": round(float(end["mangel"])),
        "andel_av_sysselsatte_2040": round(float(end["andel_behov"]), 1),
    }


# -- your own municipality -------------------------------------------------------------------

MUNICIPALITY_SCHEMA = {
    "fields": [
        {"name": "alder", "aliases": ["aldersgruppe", "age"], "type": "string", "constraints": {"required": True}},
        {
            "name": "aar",
            "aliases": ["år", "year"],
            "type": "year",
            "constraints": {"required": True, "minimum": 2000, "maximum": 2100},
        },
        {
            "name": "personer",
            "aliases": ["antall", "folkemengde", "befolkning"],
            "type": "integer",
            "constraints": {"required": True, "minimum": 0},
        },
    ],
    "primaryKey": ["alder", "aar"],
}
_GROUP_BOUNDS = {
    "0-17": (0, 17),
    "18-49": (18, 49),
    "50-66": (50, 66),
    "67-79": (67, 79),
    "80-89": (80, 89),
    "90+": (90, 200),
}


def _age_range(label: str) -> tuple[int, int] | None:
    """'85 år' -> (85, 85); '80-89' / '80–89 år' -> (80, 89); '90+' / '105 år eller eldre' -> (90/105, 200)."""
    numbers = [int(n) for n in re.findall(r"\d+", label)]
    if not numbers or len(numbers) > 2:
        return None
    if "+" in label or "eldre" in label or "over" in label:
        return numbers[0], 200
    return (numbers[0], numbers[-1]) if numbers[0] <= numbers[-1] else None


def municipality_population(raw: bytes | str, *, label: str = "befolkningsfilen") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a municipality's population by age and year (as saved from SSB's Statistikkbanken).

    Columns ``alder``, ``aar``, ``personer``; ages either in single years ("85 år") or in
    the book's groups ("80-89"). Returns ``(groups, single)``: persons per book age group
    and year, and per single year of age if the file had them (else empty), which is
    what the exact carer ratio (50–66 per 85+) needs.
    """
    table = data.read_csv(
        raw.encode("utf-8") if isinstance(raw, str) else raw, MUNICIPALITY_SCHEMA, label=label, allow_extra_columns=True
    )
    if table.empty:
        raise InputError(
            "filen har ingen rader med tall", "Lim inn eller last opp en tabell med befolkningstall.", source=label
        )
    read = {a: _age_range(a) for a in table["alder"].unique()}
    unknown = [a for a, r in read.items() if r is None]
    ranges = {a: r for a, r in read.items() if r is not None}
    if unknown:
        raise InputError(
            f"aldersgruppen «{unknown[0]}» kan ikke leses",
            "Skriv alder som «85 år» eller «80-89».",
            source=label,
            column="alder",
        )
    group_of: dict[str, str] = {}
    for age, (low, high) in ranges.items():
        fits = [g for g, (g_low, g_high) in _GROUP_BOUNDS.items() if g_low <= low and high <= g_high]
        if not fits:
            raise InputError(
                f"aldersgruppen «{age}» passer ikke inn i gruppene boka bruker",
                f"Bruk enkeltår (for eksempel «85 år») eller gruppene {', '.join(POPULATION_GROUPS)}.",
                source=label,
                column="alder",
            )
        group_of[age] = fits[0]
    table["gruppe"] = table["alder"].map(group_of)
    groups = table.pivot_table(index="aar", columns="gruppe", values="personer", aggfunc="sum")
    groups = groups.reindex(columns=POPULATION_GROUPS)
    if groups.isna().any().any():
        missing = [g for g in POPULATION_GROUPS if groups[g].isna().any()]
        raise InputError(
            f"tallene mangler for aldersgruppene {', '.join(missing)}",
            "Ta med alle aldre, fra 0 år til den eldste gruppen, for hvert år.",
            source=label,
        )
    for year in (BASE_YEAR, END_YEAR):
        if year not in groups.index:
            raise InputError(
                f"filen har ikke tall for {year}",
                f"Ta med både {BASE_YEAR} og {END_YEAR} (gjerne flere år imellom).",
                source=label,
            )
    single_years = all(low == high or high == 200 for low, high in ranges.values())
    single = (
        table.assign(start=table["alder"].map(lambda a: ranges[a][0])).pivot_table(
            index="aar", columns="start", values="personer", aggfunc="sum"
        )
        if single_years
        else pd.DataFrame()
    )
    return groups.astype(int), single


def municipality_summary(
    groups: pd.DataFrame, single: pd.DataFrame, workforce: float, scenario: Scenario = Scenario()
) -> plotting.Answer:
    """The municipality's projection: a sentence, the chart and the carer ratio."""
    result = project(groups, scenario, base_workforce=workforce)
    growth = 100 * (result.loc[END_YEAR, "behov"] / result.loc[BASE_YEAR, "behov"] - 1)
    if not single.empty and {BASE_YEAR, END_YEAR} <= set(single.index):
        carers = single.loc[:, [c for c in single.columns if 50 <= c <= 66]].sum(axis=1)
        oldest = single.loc[:, [c for c in single.columns if c >= 85]].sum(axis=1)
        measure, ratio = "personer 50–66 år per person 85 år eller eldre", carers / oldest
    else:
        measure, ratio = (
            "personer 50–66 år per person 80 år eller eldre",
            carer_ratio(groups, ["50-66"], ["80-89", "90+"]),
        )
    text = (
        f"I kommunen din vokser behovet for arbeidskraft i helse og omsorg med "
        f"{formatting.format_percent(growth, 1)} fra {BASE_YEAR} til {END_YEAR}. {describe(result)} "
        f"Omsorgskoeffisienten ({measure}) går fra {formatting.format_number(ratio[BASE_YEAR], 1)} til "
        f"{formatting.format_number(ratio[END_YEAR], 1)}."
    )
    numbers = {
        **_record(result, scenario),
        "ansatte_2022": workforce,
        "vekst_i_behov_prosent": round(float(growth), 1),
        "omsorgskoeffisient": {
            "maal": measure,
            str(BASE_YEAR): round(float(ratio[BASE_YEAR]), 2),
            str(END_YEAR): round(float(ratio[END_YEAR]), 2),
        },
    }
    return plotting.Answer(text, chart(result, scenario), numbers, SOURCE)


def explore_municipality(raw: bytes | str, workforce: str) -> plotting.Answer:
    """What the «Din kommune» form shows for an uploaded or pasted file and a workforce."""
    people = data.parse_number(workforce, field="ansatte i helse og omsorg", minimum=1)
    groups, single = municipality_population(raw)
    return municipality_summary(groups, single, people)


EXAMPLE_MUNICIPALITY = "eksempelkommune-befolkning"


def example_municipality_csv(data_dir: Path = data.DATA_DIR) -> str:
    """The illustrative municipality file, as text to start the paste box with."""
    return (Path(data_dir) / data.resource(EXAMPLE_MUNICIPALITY, data_dir)["path"]).read_text(encoding="utf-8")

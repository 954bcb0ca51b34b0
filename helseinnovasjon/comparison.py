"""The municipality beside the country and beside the municipalities of its centrality class.

«Din kommune» fetches three populations in one go: the municipality's, the country's, and the
summed population of the other municipalities in the same class of SSB's «Standard for
sentralitet» (KLASS classification 128, the 2024 version; class 1 is the most central, 6 the
least). :func:`figures` computes the same figures for each of them with the model's own
functions (:func:`helseinnovasjon.projection.municipality_population` and
:func:`~helseinnovasjon.projection.project`): growth in persons 67+ and 80+ from the base year to
2030, 2035 and 2040, the share 80+ now and in 2040, and the growth in the people needed in
health and care. :func:`answer` puts them in a sentence, a chart and a table, with the data in
the form the project file keeps (ASCII snake_case keys, numbers only).

Pure: no widgets, no project file, no network.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import data, formatting, plotting, projection
from .errors import InputError, join_words

CENTRALITY = "sentralitet-2024"
CENTRALITY_SOURCE = "sentralitetsklasse fra SSBs standard for sentralitet (KLASS 128, 2024)"
#: «Now»: 1 January of the projection round's first year (registered population, table 07459).
NOW = 2026
#: The years the comparison looks at (projected population, table 14746).
YEARS = (2030, 2035, 2040)
#: Each class's range of SSB's centrality index (0–1000), as KLASS 128 (2024) names the classes.
CLASS_RANGES = {1: "925–1000", 2: "870–924", 3: "775–869", 4: "670–774", 5: "565–669", 6: "0–564"}
MEASURES = {
    "vekst_80_pluss_prosent": "80 år og eldre",
    "vekst_67_pluss_prosent": "67 år og eldre",
    "vekst_i_behov_prosent": "Behov for arbeidskraft",
}


@dataclass(frozen=True)
class Group:
    """The other municipalities in a centrality class, and (once fetched) their summed population."""

    centrality_class: int
    members: tuple[str, ...]  # municipality numbers, the municipality itself left out
    table: pd.DataFrame | None = None  # alder, aar, personer: the members summed

    @property
    def label(self) -> str:
        """«de 4 andre kommunene i sentralitetsklasse 1»."""
        count = len(self.members)
        others = "den andre kommunen" if count == 1 else f"de {count} andre kommunene"
        return f"{others} i sentralitetsklasse {self.centrality_class}"


def centrality(data_dir: Path = data.DATA_DIR) -> pd.DataFrame:
    """Every municipality's class (1–6) and index (0–1000): ``kommunenummer``, ``sentralitetsklasse``, ``sentralitetsindeks``."""
    return data.load_table(CENTRALITY, data_dir)


def group_for(number: str, data_dir: Path = data.DATA_DIR) -> Group:
    """The other municipalities in the same centrality class as ``number`` (a four-digit number).

    A municipality that has no class gets an :class:`~helseinnovasjon.errors.InputError` that says the
    comparison with the country still shows."""
    table = centrality(data_dir)
    classes = dict(zip(table["kommunenummer"], table["sentralitetsklasse"]))
    if number not in classes:
        raise InputError(
            f"kommunenummeret {number} har ingen sentralitetsklasse i SSBs standard for sentralitet (2024), så "
            "kommunen kan ikke sammenlignes med kommuner som ligger like sentralt",
            "Sammenligningen med landet vises likevel. Er kommunen ny eller har fått nytt nummer, bruk tallene for "
            "landet, eller sammenlign selv med en nabokommune.",
        )
    klass = int(classes[number])
    members = tuple(sorted(n for n, c in classes.items() if int(c) == klass and n != number))
    return Group(klass, members)


def figures(table: pd.DataFrame, *, label: str = "befolkningstallene") -> dict[str, Any]:
    """The comparable figures for one population (tidy: ``alder``, ``aar``, ``personer``).

    Growth in percent from the model's base year, share in percent; one decimal. The table must
    have the base year, :data:`NOW` and :data:`YEARS` (more years do no harm)."""
    raw = table[["alder", "aar", "personer"]].to_csv(sep=";", index=False)
    groups, _single = projection.municipality_population(raw, label=label)
    base, end = projection.BASE_YEAR, projection.END_YEAR
    missing = [year for year in (NOW, *YEARS) if year not in groups.index]
    if missing:
        raise InputError(
            f"{label} mangler tall for {join_words(missing)}",
            "Hent tallene på nytt fra SSB, eller ta med disse årene i filen.",
        )
    aged_67 = groups[projection.OLDER].sum(axis=1)
    aged_80 = groups[["80-89", "90+"]].sum(axis=1)
    everyone = groups.sum(axis=1)
    need = projection.project(groups)["behov"]
    return {
        "vekst_67_pluss_prosent": {str(year): _growth(aged_67, base, year) for year in YEARS},
        "vekst_80_pluss_prosent": {str(year): _growth(aged_80, base, year) for year in YEARS},
        "andel_80_pluss_prosent": {
            str(year): round(float(100 * aged_80[year] / everyone[year]), 1) for year in (NOW, end)
        },
        "vekst_i_behov_prosent": _growth(need, base, end),
    }


def _growth(series: pd.Series, start: int, end: int) -> float:
    return round(float(100 * (series.loc[end] / series.loc[start] - 1)), 1)


def compare(
    municipality: tuple[str, pd.DataFrame],
    country: pd.DataFrame | None = None,
    group: Group | None = None,
) -> dict[str, dict[str, Any]]:
    """:func:`figures` for the municipality, the country and the group, keyed ``kommune``, ``landet``, ``gruppe``."""
    name, table = municipality
    result = {"kommune": {"navn": name, **figures(table, label=f"tallene for {name}")}}
    if country is not None:
        result["landet"] = {"navn": "Hele landet", **figures(country, label="tallene for hele landet")}
    if group is not None and group.table is not None:
        result["gruppe"] = {
            "navn": f"Samme sentralitet ({len(group.members)} kommuner)",
            "sentralitetsklasse": group.centrality_class,
            "kommuner": list(group.members),
            **figures(group.table, label=f"tallene for {group.label}"),
        }
    return result


def table(compared: Mapping[str, Mapping[str, Any]]) -> pd.DataFrame:
    """The figures as a reader-facing table: one row per measure, one column per area."""
    end = str(projection.END_YEAR)
    rows: dict[str, dict[str, float]] = {}
    for area in compared.values():
        column = str(area["navn"])
        for year in YEARS:
            rows.setdefault(f"Vekst 80 år og eldre {projection.BASE_YEAR}–{year} (%)", {})[column] = area[
                "vekst_80_pluss_prosent"
            ][str(year)]
        for year in YEARS:
            rows.setdefault(f"Vekst 67 år og eldre {projection.BASE_YEAR}–{year} (%)", {})[column] = area[
                "vekst_67_pluss_prosent"
            ][str(year)]
        for when in (str(NOW), end):
            rows.setdefault(f"Andel 80 år og eldre {when} (%)", {})[column] = area["andel_80_pluss_prosent"][when]
        rows.setdefault(f"Vekst i behov for arbeidskraft {projection.BASE_YEAR}–{end} (%)", {})[column] = area[
            "vekst_i_behov_prosent"
        ]
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "Mål"
    return frame


def answer(compared: Mapping[str, Mapping[str, Any]], source: str, group: Group | None = None) -> plotting.Answer:
    """The comparison in a sentence and a chart (growth to 2040), with the source under it.

    ``numbers`` holds ``compared`` as the project file keeps it (under the key ``sammenligning``
    of «Din kommune»)."""
    end = projection.END_YEAR
    local = compared["kommune"]
    name = _short(str(local["navn"]))
    others = []
    if "landet" in compared:
        others.append(
            f"{formatting.format_percent(compared['landet']['vekst_80_pluss_prosent'][str(end)], 1)} i landet"
        )
    if "gruppe" in compared and group is not None:
        others.append(
            f"{formatting.format_percent(compared['gruppe']['vekst_80_pluss_prosent'][str(end)], 1)} i {group.label}"
        )
    text = (
        f"Antallet personer 80 år og eldre i {name} vokser med "
        f"{formatting.format_percent(local['vekst_80_pluss_prosent'][str(end)], 1)} fra {projection.BASE_YEAR} "
        f"til {end}"
    )
    text += f", mot {join_words(others)}." if others else "."
    if group is not None and "gruppe" in compared:
        text += (
            f" Klasse {group.centrality_class} er kommunene med sentralitetsindeks "
            f"{CLASS_RANGES[group.centrality_class]} av 1000 (klasse 1 er de mest sentrale, 6 de minst sentrale)."
        )
    series = {
        str(area["navn"]): [
            float(area[key][str(end)] if key != "vekst_i_behov_prosent" else area[key]) for key in MEASURES
        ]
        for area in compared.values()
    }
    series = {_short(label) if label == local["navn"] else label: values for label, values in series.items()}
    fig, _ax = plotting.grouped_bars(
        series,
        list(MEASURES.values()),
        title=f"Vekst fra {projection.BASE_YEAR} til {end}",
        ylabel="Endring",
        decimals=1,
    )
    parts = []
    for label, values in series.items():
        shown = ", ".join(
            f"{what.casefold()} {formatting.format_percent(value, 1)}" for what, value in zip(MEASURES.values(), values)
        )
        parts.append(f"{label}: {shown}")
    alt = (
        f"Stolpediagram over veksten fra {projection.BASE_YEAR} til {end} i antall personer 80 år og eldre, "
        f"67 år og eldre og i behovet for arbeidskraft i helse og omsorg. " + ". ".join(parts) + "."
    )
    caption = (
        f"Vekst i prosent fra {projection.BASE_YEAR} (registrert befolkning) til {end} (framskrevet, hovedalternativet); "
        "behovet for arbeidskraft er modellens, med landets timer per person etter alder. "
        f"Gruppen er de andre kommunene i samme sentralitetsklasse, summert. {source}"
    )
    return plotting.Answer(text, plotting.Chart(fig, alt, caption), {"sammenligning": dict(compared)}, source)


def _short(name: str) -> str:
    """«Bærum» for «3201 Bærum», «Trondheim» for «5001 Trondheim - Tråante»."""
    parts = name.split(" ", 1)
    rest = parts[1] if len(parts) == 2 and parts[0].isdigit() else name
    return rest.split(" - ")[0]


def from_saved(content: Mapping[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """``(municipality, comparison)`` from a saved «Din kommune» (the section's «innhold»), or ``None``.

    ``None`` when nothing with a comparison is saved there (the section is shared with the
    scenario explorer) or the file was edited by hand into another shape."""
    data = content.get("tall") if isinstance(content, Mapping) else None
    if not isinstance(data, Mapping):
        return None
    compared = data.get("sammenligning")
    if not isinstance(compared, Mapping) or not isinstance(compared.get("kommune"), Mapping):
        return None
    name = str(data.get("kommune") or compared["kommune"].get("navn") or "")
    return (name, dict(compared)) if name else None

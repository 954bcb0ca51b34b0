"""Files as SSB's Statistikkbank delivers them: CSV and XLSX, read without hand edits.

A participant without internet in the notebook downloads the tables from the Statistikkbank and
uploads them. :func:`read_statbank` reads CSV (semicolon, tab or comma; a title line or two above
the header; long layout or one column per year; SSB's symbols for missing values; decimal commas;
UTF-8 with or without BOM, or Windows-1252) and XLSX (title in A1, one header row per heading
variable, stub values written only on the first row of each group, notes under the table) into
one row per cell. :func:`population_from_files` turns one or more such files (e.g. 07459 for the
base year and 14746 for the projection) into the same :class:`~helseinnovasjon.ssb.Population`
that a fetch from SSB's API gives.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from . import data, projection
from .errors import InputError, join_words
from .ssb import (
    POPULATION_TABLE,
    PROJECTION_ROUND,
    PROJECTION_ROUNDS,
    PROJECTION_TABLE,
    REGION,
    Population,
    combine,
    region_label,
    region_parts,
    tidy,
)

# The labels SSB gives the variables in files (lower case), and what the tidy table calls them.
_DIMENSIONS = {
    "region": "region",
    "kommune": "region",
    "alder": "alder",
    "aldersgruppe": "alder",
    "age": "alder",
    "kjønn": "kjønn",
    "kjonn": "kjønn",
    "sex": "kjønn",
    "år": "år",
    "aar": "år",
    "year": "år",
    "tid": "år",
    "statistikkvariabel": "statistikkvariabel",
    "alternativ": "alternativ",
    "framskrivingsalternativ": "alternativ",
}
_VALUE_NAMES = {"personer", "antall", "folkemengde", "befolkning", "verdi", "value"}
_YEAR_AT_END = re.compile(r"^(?P<prefix>.*?)\s*(?P<year>(?:19|20|21)\d{2})$")
_TABLE_ID = re.compile(r"^\s*(\d{5})\s*:")
_TOTAL_SEX = {"begge kjønn", "i alt", "alle", "totalt", "begge kjønn i alt"}
_MAIN_ALTERNATIVE = re.compile(r"MMMM|hovedalternativ|\bMMM\b|^personer$", re.IGNORECASE)
_COUNTRY = {"0", "hele landet", "landet", "norge", "0 hele landet"}
_XLSX_MAGIC = b"PK\x03\x04"


@dataclass
class StatbankFile:
    """A Statistikkbank file in long form: one row per cell."""

    frame: pd.DataFrame  # the stub columns (normalised names), "år", "statistikkvariabel", "verdi"
    title: str = ""
    table: str | None = None
    label: str = "filen"
    notes: list[str] = field(default_factory=list)


def read_statbank(raw: bytes | str, *, label: str = "filen") -> StatbankFile:
    """Read a CSV or XLSX file saved from SSB's Statistikkbank, in long or wide layout, without hand edits."""
    if isinstance(raw, str):
        rows = _csv_rows(raw)
    elif raw[:4] == _XLSX_MAGIC:
        rows = _xlsx_rows(raw, label)
    else:
        rows = _csv_rows(data._decode(raw))
    rows = [[_cell(c) for c in row] for row in rows]
    return _parse_rows(rows, label)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_rows(text: str) -> list[list[str]]:
    lines = [line for line in text.splitlines() if line.strip()][:30]
    if not lines:
        return []

    def score(delimiter: str) -> int:
        # Most lines of a table have the same number of fields; the title line(s) above it have one.
        counts = [len(next(csv.reader([line], delimiter=delimiter))) for line in lines]
        common = max((c for c in counts if c > 1), key=counts.count, default=1)
        return counts.count(common) * common if common > 1 else 0

    delimiter = max([";", "\t", ","], key=score)
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _xlsx_rows(raw: bytes, label: str) -> list[list[Any]]:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is pinned in requirements.txt
        raise InputError(
            "Excel-filer kan ikke leses her", "Last ned tabellen som CSV i stedet.", source=label
        ) from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:
        raise InputError(
            "filen ser ut som en Excel-fil, men kan ikke åpnes",
            "Last ned tabellen på nytt fra Statistikkbanken, gjerne som CSV.",
            source=label,
        ) from None
    sheet = book.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    book.close()
    return rows


def _is_label(text: str) -> bool:
    return text.casefold() in _DIMENSIONS or text.casefold() in _VALUE_NAMES


def _parse_rows(rows: list[list[str]], label: str) -> StatbankFile:
    # Drop empty trailing cells, keep blank rows (a blank row after the data starts the notes).
    rows = [row[: max([i + 1 for i, c in enumerate(row) if c] or [0])] for row in rows]
    start = next((i for i, row in enumerate(rows) if sum(1 for c in row if c) >= 2), None)
    if start is None:
        raise InputError(
            "filen har ingen tabell",
            "Last ned tabellen fra Statistikkbanken og last opp filen som den er.",
            source=label,
        )
    # A heading row with one label over many columns (a merged cell in Excel) has one cell, like a title,
    # but never in the first column.
    while start > 0 and any(rows[start - 1]) and not rows[start - 1][0]:
        start -= 1
    title = " ".join(c for row in rows[:start] for c in row if c)
    end_header = start + 1
    while (
        end_header < len(rows)
        and rows[end_header]
        and (not rows[end_header][0] or _is_label(rows[end_header][0]))
        and not _looks_like_data(rows[end_header])
    ):
        end_header += 1
    header_rows = rows[start:end_header]
    width = max(len(r) for r in rows[start:] if r)
    body: list[list[str]] = []
    notes: list[str] = []
    for row in rows[end_header:]:
        if not any(row):
            if body:
                notes = [" ".join(c for c in r if c) for r in rows[end_header + len(body) + 1 :] if any(r)]
                break
            continue
        body.append(row + [""] * (width - len(row)))
    if not body:
        raise InputError(
            "filen har en overskrift, men ingen rader med tall", "Last ned tabellen på nytt.", source=label
        )
    names = _column_names(header_rows, width)
    stub_count = _stub_count(names, body)
    # Stub values are written only on the first row of each group in SSB's Excel files: fill them down.
    for col in range(stub_count):
        last = ""
        for row in body:
            row[col] = row[col] or last
            last = row[col]
    stub_names = [_stub_name(names[c], [r[c] for r in body], label) for c in range(stub_count)]
    table_id = _table_id(title) or next((_table_id(n) for n in names if _table_id(n)), None)
    value_names = names[stub_count:]
    matched = [_YEAR_AT_END.match(n) for n in value_names]
    years = [m for m in matched if m is not None]
    if value_names and len(years) == len(value_names) and "år" not in stub_names:
        records = []  # wide: one column per year (and per contents, e.g. «Hovedalternativet (MMMM) 2026»)
        for row in body:
            for offset, match in enumerate(years):
                records.append(
                    [*row[:stub_count], match.group("year"), match.group("prefix").strip(), row[stub_count + offset]]
                )
        frame = pd.DataFrame(records, columns=[*stub_names, "år", "statistikkvariabel", "tekst"])
    else:
        if "år" not in stub_names:
            raise InputError(
                "fant ingen kolonne med år",
                "Ta med året i tabellen (som egen kolonne eller som overskrift over tallene).",
                source=label,
            )
        if len(value_names) != 1:
            wanted = [i for i, n in enumerate(value_names) if n.casefold() in _VALUE_NAMES]
            if len(wanted) != 1:
                raise InputError(
                    f"filen har flere kolonner med tall ({join_words([f'«{n}»' for n in value_names])})",
                    "Last ned én statistikkvariabel (personer) om gangen.",
                    source=label,
                )
            value_col = stub_count + wanted[0]
        else:
            value_col = stub_count
        contents = names[value_col] if names[value_col].casefold() not in _VALUE_NAMES else ""
        frame = pd.DataFrame(
            [[*row[:stub_count], contents, row[value_col]] for row in body],
            columns=[*stub_names, "statistikkvariabel", "tekst"],
        )
        if "statistikkvariabel" in stub_names:
            frame = frame.loc[:, ~frame.columns.duplicated(keep="first")]
    frame["verdi"] = [_value(text) for text in frame["tekst"]]
    bad = frame[frame["verdi"].isna() & ~frame["tekst"].isin(list(data._MISSING))]
    if not bad.empty:
        raise InputError(
            f"verdien «{bad.iloc[0]['tekst']}» er ikke et tall",
            "Last opp filen slik den kom fra SSB, uten å endre tallene.",
            source=label,
        )
    frame = frame.drop(columns="tekst")
    return StatbankFile(frame, title, table_id or _projection_table(title, frame), label, notes)


def _projection_table(title: str, frame: pd.DataFrame) -> str | None:
    """The new Statistikkbank leaves the table number out of the title: a projection's first year names its round."""
    contents = " ".join(frame["statistikkvariabel"].astype(str).unique()[:3])
    if "framskrevet" not in title.casefold() and not re.search(r"MMMM|hovedalternativ", contents, re.IGNORECASE):
        return None
    years = pd.to_numeric(frame["år"], errors="coerce")
    by_round = {year: table for table, year in PROJECTION_ROUNDS.items()}
    return by_round.get(int(years.min())) if years.notna().any() else None


def _looks_like_data(row: list[str]) -> bool:
    """A row whose first cells hold stub values («3201 Bærum», «0 år»), not header labels."""
    first = next((c for c in row if c), "")
    return bool(first) and not _is_label(first) and not _YEAR_AT_END.match(first)


def _column_names(header_rows: list[list[str]], width: int) -> list[str]:
    grid = [row + [""] * (width - len(row)) for row in header_rows]
    for number, row in enumerate(grid[:-1]):
        # A heading label covers the columns after it up to the next label (merged cells in Excel).
        last = ""
        for col in range(width):
            if row[col]:
                last = row[col]
            elif any(lower[col] for lower in grid[number + 1 :]):
                row[col] = last
    return [" ".join(r[col] for r in grid if r[col]).strip() for col in range(width)]


def _stub_count(names: list[str], body: list[list[str]]) -> int:
    """Columns before the numbers: labelled as dimensions, or holding text that is not a number."""
    count = 0
    for col, name in enumerate(names):
        key = name.casefold()
        if key in _DIMENSIONS:
            count = col + 1
            continue
        if key in _VALUE_NAMES or _YEAR_AT_END.match(name) or _TABLE_ID.match(name):
            break
        if all(_value(r[col]) is None and r[col] not in data._MISSING for r in body if r[col]):
            count = col + 1
            continue
        break
    return count


def _stub_name(header: str, values: list[str], label: str) -> str:
    key = header.casefold()
    if key in _DIMENSIONS:
        return _DIMENSIONS[key]
    sample = [v for v in values if v][:50]
    if sample and all(re.search(r"\d+\s*år|år\b|\d+\+$", v) for v in sample):
        return "alder"
    if sample and all(v.casefold() in {"menn", "kvinner", *_TOTAL_SEX} for v in sample):
        return "kjønn"
    if sample and all(re.fullmatch(r"(?:19|20|21)\d{2}", v) for v in sample):
        return "år"
    if sample and all(REGION.match(v) or v.casefold() in _COUNTRY for v in sample):
        return "region"
    if sample and all(_MAIN_ALTERNATIVE.search(v) or "(" in v for v in sample):
        return "statistikkvariabel"
    return header or "ukjent"


def _table_id(text: str) -> str | None:
    match = _TABLE_ID.match(text or "")
    return match.group(1) if match else None


def _value(text: str) -> float | None:
    text = str(text).strip()
    if text in data._MISSING:
        return None
    value = data._parse_value(text, "number")
    return None if value is None else float(value)


def population_from_file(
    file: StatbankFile, municipality: str | None = None
) -> tuple[str, pd.DataFrame, pd.DataFrame | None]:
    """``(region, municipality table, country table or None)`` from a Statistikkbank file.

    The file may hold one municipality, or one municipality and «Hele landet»; both sexes (summed,
    or the total row if there is one); the main alternative (chosen if the file has several)."""
    frame, label = file.frame.copy(), file.label
    if "alder" not in frame:
        raise InputError(
            "mangler kolonnen med alder",
            "Velg «alder» med alle aldre (enkeltår) når du lager tabellen i Statistikkbanken.",
            source=label,
        )
    if "kjønn" in frame:
        totals = frame["kjønn"].str.casefold().isin(_TOTAL_SEX)
        if totals.any():
            frame = frame[totals]
    if "alternativ" in frame and frame["alternativ"].nunique() > 1:
        frame = frame[frame["alternativ"].map(lambda v: bool(_MAIN_ALTERNATIVE.search(v)))]
    if frame["statistikkvariabel"].nunique() > 1:
        main = frame["statistikkvariabel"].map(lambda v: bool(_MAIN_ALTERNATIVE.search(v)))
        if main.any() and frame.loc[main, "statistikkvariabel"].nunique() == 1:
            frame = frame[main]
        else:
            shown = join_words([f"«{v}»" for v in frame["statistikkvariabel"].unique()[:4]])
            raise InputError(
                f"filen har flere statistikkvariabler ({shown})",
                "Velg bare hovedalternativet når du lager tabellen i Statistikkbanken.",
                source=label,
            )
    missing = frame[frame["verdi"].isna()]
    if not missing.empty:
        row = missing.iloc[0]
        raise InputError(
            f"tallet for {row['alder']} i {row['år']} mangler (SSBs tegn for manglende tall)",
            "Velg år og aldre som har tall, for eksempel alle aldre for årene fra 2022 til 2040.",
            source=label,
        )
    regions = list(frame["region"].unique()) if "region" in frame else [municipality or "kommunen din"]
    country_regions = [r for r in regions if region_parts(r)[1].casefold() in _COUNTRY or r.casefold() in _COUNTRY]
    local = [r for r in regions if r not in country_regions]
    if len(local) > 1:
        raise InputError(
            f"filen har tall for flere kommuner ({join_words(local[:4])})",
            "Velg bare din kommune (og gjerne «Hele landet») når du lager tabellen.",
            source=label,
        )

    def for_region(region: str | None) -> pd.DataFrame:
        part = frame if region is None or "region" not in frame else frame[frame["region"] == region]
        summed = part.groupby(["alder", "år"], sort=False)["verdi"].sum().reset_index()
        return tidy(summed.rename(columns={"år": "aar", "verdi": "personer"}), label)

    country = for_region(country_regions[0]) if country_regions else None
    if not local:
        return "Hele landet", country, None
    name = local[0]
    return region_label(name), for_region(name if "region" in frame else None), country


def population_from_files(files: Sequence[tuple[str, bytes | str]]) -> Population:
    """One or more files from the Statistikkbank (e.g. 07459 for 2022 and 14746 for 2026–2050), combined."""
    if not files:
        raise InputError("du har ikke lastet opp noen fil", "Trykk «Last opp filen fra SSB» og velg filen.")
    parsed = []
    for name, raw in files:
        file = read_statbank(raw, label=name)
        region, table, country = population_from_file(file)
        parsed.append((file, region, table, country))
    regions = {region for _f, region, _t, _c in parsed if region != "Hele landet"}
    if len({r.split()[0] for r in regions}) > 1:
        raise InputError(
            f"filene gjelder ulike kommuner ({join_words(sorted(regions))})", "Last opp filer for én kommune."
        )
    # Registered numbers (07459 or files without a projection table) first, projections after.
    parsed.sort(key=lambda p: (p[0].table in PROJECTION_ROUNDS, p[2]["aar"].min() if p[2] is not None else 0))
    table = _merge([p[2] for p in parsed if p[2] is not None])
    countries = [p[3] for p in parsed if p[3] is not None]
    tables = tuple(dict.fromkeys(p[0].table for p in parsed if p[0].table))
    rounds = [PROJECTION_ROUNDS[t] for t in tables if t in PROJECTION_ROUNDS]
    if table is None:
        raise InputError("filene har bare tall for hele landet", "Ta med kommunen din når du lager tabellen.")
    population = Population(
        next(iter(regions), "Kommunen din"),
        table,
        _merge(countries) if countries else None,
        tables,
        max(rounds) if rounds else None,
        None,
        "fil",
    )
    years = set(population.table["aar"])
    for year in (projection.BASE_YEAR, projection.END_YEAR):
        if year not in years:
            raise InputError(*_missing_year_help(year, tables))
    return population


def _merge(tables: list[pd.DataFrame]) -> pd.DataFrame | None:
    if not tables:
        return None
    merged = tables[0]
    for extra in tables[1:]:
        merged = combine(merged, extra)
    return merged


def _missing_year_help(year: int, tables: Iterable[str]) -> tuple[str, str]:
    if year == projection.BASE_YEAR:
        return (
            f"filen har ikke tall for {year}, som er startåret i modellen",
            f"Framskrivingen (tabell {PROJECTION_TABLE}) starter i {PROJECTION_ROUND}. Last også ned befolkningen "
            f"1. januar {year} fra tabell {POPULATION_TABLE} (kommunen din, alle aldre enkeltvis), og last opp "
            "begge filene samtidig.",
        )
    return (
        f"filen har ikke tall for {year}",
        f"Last ned framskrivingen fra tabell {PROJECTION_TABLE} med årene fram til {year}.",
    )

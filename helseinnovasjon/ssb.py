"""A municipality's population from Statistics Norway (SSB): fetched, cached, or read from SSB's own files.

«Din kommune» needs one municipality's population by single year of age: registered for the
model's base year and projected to 2040. This module gets it in three ways, and all three end in
the same tidy table (columns ``alder``, ``aar``, ``personer``) that
:func:`helseinnovasjon.projection.municipality_population` reads:

* **Files as SSB delivers them** (:func:`read_statbank`, :func:`population_from_files`): CSV from
  the Statistikkbank (semicolon or comma, a title line or two above the header, long layout or one
  column per year, SSB's symbols for missing values, decimal commas, UTF-8 with or without BOM, or
  Windows-1252) and XLSX (title in A1, one header row per heading variable, stub values written only
  on the first row of each group, notes under the table).
* **PxWebApi v2** (:class:`Client`): one GET per table, JSON-stat2 back. The requests (tables, variable
  codes, codelists) are built by :func:`requests_for` from the constants below; the transport is
  injectable, so tests replay recorded responses and never touch the network. Every failure (no
  network, timeout, HTTP error, unknown municipality, a table whose codes changed) becomes one
  :class:`~helseinnovasjon.errors.InputError` that says what to do.
* **The cache** (:func:`save_cache`, :func:`load_cache`): a fetched table is kept as JSON in the
  participant's project folder, with table ids, projection round and the date fetched, so the
  notebook works offline afterwards.

Tables (verified in ``shared/facts/ssb-api-2026-11.md``): the 2026 round of the regional population
projections is table 14746 (2026–2050; municipalities in codelist ``vs_KommunFram2024Agg``, main
alternative ``ContentsCode=Personer`` «Hovedalternativet (MMMM)»); the registered population on
1 January is table 07459 (municipalities on today's borders through the aggregation
``agg_KommSummer``, codes ``K-xxxx``; ``ContentsCode=Personer1``). Single years of age come from
codelist ``vs_AlleAldre00B``. ``Kjonn`` is left out of both requests, so SSB returns both sexes
together. Table 12881 has no municipalities; the 2022 round (13600) and 2024 round (14288) are
superseded.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import itertools
import json
import math
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import data, formatting, plotting, projection
from .errors import InputError, join_words

API_BASE = "https://data.ssb.no/api/pxwebapi/v2"
STATBANK_URL = "https://www.ssb.no/statbank/table/{table}"

PROJECTION_TABLE = "14746"
PROJECTION_ROUND = 2026
PROJECTION_REGION_CODELIST = "vs_KommunFram2024Agg"
PROJECTION_CONTENTS = "Personer"  # «Hovedalternativet (MMMM)»
POPULATION_TABLE = "07459"
POPULATION_REGION_CODELIST = "agg_KommSummer"
POPULATION_CONTENTS = "Personer1"
POPULATION_FROM = projection.BASE_YEAR
AGE_CODELIST = "vs_AlleAldre00B"
COUNTRY_CODELIST = "vs_Landet"
#: Regional projection tables by round (facts file §2.1); older rounds are superseded.
PROJECTION_ROUNDS = {"12882": 2020, "13600": 2022, "14288": 2024, "14746": 2026}
TIMEOUT = 30.0
MUNICIPALITIES = "kommuner-2026"
CACHE_DIR = "ssb-tall"
CACHE_VERSION = 1

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
_REGION = re.compile(r"^\s*(?:K-)?(?P<code>\d{1,4})\s+(?P<name>\S.*)$")
_TOTAL_SEX = {"begge kjønn", "i alt", "alle", "totalt", "begge kjønn i alt"}
_MAIN_ALTERNATIVE = re.compile(r"MMMM|hovedalternativ|\bMMM\b|^personer$", re.IGNORECASE)
_COUNTRY = {"0", "hele landet", "landet", "norge", "0 hele landet"}
_XLSX_MAGIC = b"PK\x03\x04"


# -- municipalities ------------------------------------------------------------------------------


def municipalities(data_dir: Path = data.DATA_DIR) -> pd.DataFrame:
    """Today's municipalities (KLASS 131, valid 1 January 2026): ``kommunenummer``, ``kommune``."""
    return data.load_table(MUNICIPALITIES, data_dir)


def municipality_options(data_dir: Path = data.DATA_DIR) -> list[str]:
    """«3201 Bærum» for every municipality, sorted by name, for a searchable list."""
    table = municipalities(data_dir).sort_values("kommune", key=lambda s: s.str.casefold())
    return [f"{number} {name}" for number, name in zip(table["kommunenummer"], table["kommune"])]


def find_municipality(text: str, data_dir: Path = data.DATA_DIR) -> tuple[str, str]:
    """``(number, name)`` of the municipality a participant typed: a number, a name, or «3201 Bærum»."""
    typed = " ".join(str(text or "").split())
    field_name = "kommune"
    if not typed:
        raise InputError(
            "du har ikke valgt kommune", "Skriv navnet eller nummeret, og velg kommunen fra lista.", field=field_name
        )
    table = municipalities(data_dir)
    by_number = dict(zip(table["kommunenummer"], table["kommune"]))
    match = re.match(r"^(?:K-)?(\d{3,4})\b", typed)
    if match:
        number = match.group(1).zfill(4)
        if number in by_number:
            return number, by_number[number]
        raise InputError(
            f"kommunenummeret {number} finnes ikke blant kommunene fra 1. januar 2026",
            "Kommunen kan ha fått nytt nummer ved en sammenslåing eller da fylkene ble delt i 2024. "
            "Skriv navnet på kommunen i stedet, og velg den fra lista.",
            field=field_name,
        )
    wanted = typed.casefold()
    names = {name.casefold(): (number, name) for number, name in by_number.items()}
    if wanted in names:
        return names[wanted]
    # «Trondheim» for «Trondheim - Tråante», «Herøy» for both Herøy: match the start of the name.
    found = [
        pair for key, pair in names.items() if key.split(" - ")[0].split(" (")[0] == wanted or key.startswith(wanted)
    ]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise InputError(
            f"flere kommuner passer til «{typed}»: {join_words([f'{n} {name}' for n, name in sorted(found)][:6])}",
            "Velg den riktige fra lista.",
            field=field_name,
        )
    raise InputError(
        f"fant ingen kommune som heter «{typed}»",
        "Kontroller stavemåten, eller skriv kommunenummeret. Er kommunen slått sammen med en "
        "annen, bruk navnet på den nye kommunen.",
        field=field_name,
    )


# -- requests ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """One GET to PxWebApi v2: a table and its selection, in the order they go into the URL."""

    table: str
    what: str  # reader-facing: what the request fetches
    selection: tuple[tuple[str, str], ...]  # (parameter, value), e.g. ("valueCodes[Region]", "K-3201")

    @property
    def url(self) -> str:
        query = [("lang", "no"), ("outputFormat", "json-stat2"), *self.selection]
        return f"{API_BASE}/tables/{self.table}/data?" + urllib.parse.urlencode(
            query, safe="[]*(),-+", quote_via=urllib.parse.quote
        )

    def value_codes(self) -> dict[str, list[str]]:
        """The variables the request selects and their codes (``["*"]`` for all)."""
        return {
            key[len("valueCodes[") : -1]: value.split(",")
            for key, value in self.selection
            if key.startswith("valueCodes[")
        }

    def codelists(self) -> dict[str, str]:
        return {key[len("codelist[") : -1]: value for key, value in self.selection if key.startswith("codelist[")}


def projection_request(number: str | None) -> Request:
    """Projected population, main alternative, every age, both sexes, every year (table 14746).

    ``number`` is a municipality number; ``None`` asks for the whole country."""
    region = (
        (("valueCodes[Region]", number), ("codelist[Region]", PROJECTION_REGION_CODELIST))
        if number
        else (("valueCodes[Region]", "*"), ("codelist[Region]", COUNTRY_CODELIST))
    )
    return Request(
        PROJECTION_TABLE,
        f"framskrevet befolkning for {'kommunen' if number else 'hele landet'}",
        (
            *region,
            ("valueCodes[Alder]", "*"),
            ("codelist[Alder]", AGE_CODELIST),
            ("valueCodes[ContentsCode]", PROJECTION_CONTENTS),
            ("valueCodes[Tid]", "*"),
        ),
    )


def population_request(number: str | None) -> Request:
    """Registered population on 1 January from the base year on, every age, both sexes (table 07459).

    Municipalities are asked for on today's borders (``K-`` codes), so the base year is right also
    for municipalities that got a new number in 2020 or 2024."""
    region = (
        (
            ("valueCodes[Region]", f"K-{number}"),
            ("codelist[Region]", POPULATION_REGION_CODELIST),
            ("outputValues[Region]", "aggregated"),
        )
        if number
        else (("valueCodes[Region]", "*"), ("codelist[Region]", COUNTRY_CODELIST))
    )
    return Request(
        POPULATION_TABLE,
        f"registrert befolkning for {'kommunen' if number else 'hele landet'}",
        (
            *region,
            ("valueCodes[Alder]", "*"),
            ("codelist[Alder]", AGE_CODELIST),
            ("valueCodes[ContentsCode]", POPULATION_CONTENTS),
            ("valueCodes[Tid]", f"from({POPULATION_FROM})"),
        ),
    )


def requests_for(number: str) -> dict[str, Request]:
    """The four requests behind «Hent fra SSB»: municipality and country, registered and projected."""
    return {
        "kommune_registrert": population_request(number),
        "kommune_framskrevet": projection_request(number),
        "landet_registrert": population_request(None),
        "landet_framskrevet": projection_request(None),
    }


# -- JSON-stat2 ----------------------------------------------------------------------------------


def jsonstat_frame(dataset: Mapping[str, Any], *, label: str = "svaret fra SSB") -> pd.DataFrame:
    """Flatten a JSON-stat 2.0 dataset into one row per cell.

    Columns: each dimension id (the code) and ``<id>_tekst`` (its label), then ``verdi`` (a float, or
    NaN where SSB has no number) and ``status`` (SSB's symbol, if any). The order of ``value``
    follows ``id`` with the last dimension varying fastest."""
    try:
        ids, sizes = list(dataset["id"]), [int(s) for s in dataset["size"]]
        dims = []
        for dim_id in ids:
            category = dataset["dimension"][dim_id]["category"]
            index = category.get("index")
            labels = category.get("label", {})
            if index is None:
                codes = list(labels)
            elif isinstance(index, list):
                codes = list(index)
            else:
                codes = sorted(index, key=index.get)
            dims.append([(code, labels.get(code, code)) for code in codes])
        count = math.prod(sizes)
        raw = dataset.get("value", [])
        values = [None] * count
        if isinstance(raw, dict):
            for key, value in raw.items():
                values[int(key)] = value
        else:
            values = list(raw)
        status = dataset.get("status") or {}
        if isinstance(status, str):
            status = {str(i): status for i in range(count)}
        elif isinstance(status, list):
            status = {str(i): s for i, s in enumerate(status if len(status) == count else status[:1] * count)}
        if len(values) != count or [len(d) for d in dims] != sizes:
            raise ValueError("size")
    except (KeyError, TypeError, ValueError, AttributeError):
        raise InputError(
            f"{label} har ikke den formen kursboka venter (JSON-stat2)",
            "Last ned tabellen fra Statistikkbanken og last opp filen i stedet.",
        ) from None
    rows = []
    for i, combo in enumerate(itertools.product(*dims)):
        row: dict[str, Any] = {}
        for dim_id, (code, text) in zip(ids, combo):
            row[dim_id] = code
            row[f"{dim_id}_tekst"] = text
        value = values[i]
        row["verdi"] = float(value) if isinstance(value, (int, float)) else math.nan
        row["status"] = status.get(str(i))
        rows.append(row)
    return pd.DataFrame(rows)


def check_response(request: Request, dataset: Mapping[str, Any]) -> None:
    """Refuse a response whose dimensions or codes are not what ``request`` asked for.

    This is how the notebook notices that SSB has changed a table (and how the tests notice that a
    request and its recorded response have drifted apart)."""
    problem = _drift(request, dataset)
    if problem:
        raise InputError(
            f"SSB har endret tabell {request.table} siden kursboka ble laget ({problem})",
            f"Last ned tabellen fra Statistikkbanken ({STATBANK_URL.format(table=request.table)}) og last opp "
            "filen under «Last opp filen fra SSB».",
        )


def _drift(request: Request, dataset: Mapping[str, Any]) -> str | None:
    try:
        ids = list(dataset["id"])
        dimensions = dataset["dimension"]
        table = str(dataset.get("extension", {}).get("px", {}).get("tableid") or "")
    except (KeyError, TypeError, AttributeError):
        return "svaret mangler dimensjonene"
    if table and table != request.table:
        return f"svaret gjelder tabell {table}"
    for variable, codes in request.value_codes().items():
        if variable not in ids:
            return f"variabelen {variable} mangler"
        returned = list(dimensions[variable]["category"].get("index") or dimensions[variable]["category"]["label"])
        if codes != ["*"] and not codes[0].startswith(("from(", "top(", "[")) and sorted(returned) != sorted(codes):
            return f"{variable} har kodene {', '.join(returned[:5])}, ikke {', '.join(codes[:5])}"
    if "Alder" in ids and not any(code.isdigit() for code in dimensions["Alder"]["category"].get("index", {})):
        return "alderskodene er ikke enkeltår"
    extra = [v for v in ids if v not in request.value_codes() and dataset["size"][ids.index(v)] > 1]
    if extra:
        return f"svaret deler opp etter {', '.join(extra)}, som kursboka ikke ba om"
    return None


def population_from_jsonstat(dataset: Mapping[str, Any], *, label: str = "svaret fra SSB") -> pd.DataFrame:
    """The tidy table (``alder``, ``aar``, ``personer``) from a JSON-stat2 population response.

    Every other dimension (sex, region, contents) is summed, so the response must hold one region
    and one contents code; a missing cell is an error, since the model needs every age."""
    frame = jsonstat_frame(dataset, label=label)
    if "Alder" not in frame or "Tid" not in frame:
        raise InputError(f"{label} mangler alder eller år", "Last ned tabellen fra Statistikkbanken og last opp filen.")
    for variable in ("Region", "ContentsCode"):
        if variable in frame and frame[variable].nunique() > 1:
            raise InputError(
                f"{label} har flere verdier for {variable}", "Last ned tabellen fra Statistikkbanken og last opp filen."
            )
    if frame["verdi"].isna().any():
        missing = frame[frame["verdi"].isna()].iloc[0]
        raise InputError(
            f"{label} mangler tall for {missing['Alder_tekst']} i {missing['Tid']} "
            f"(SSBs tegn: «{missing['status'] or 'tom'}»)",
            "Prøv igjen senere, eller last ned tabellen fra Statistikkbanken og last opp filen.",
        )
    tidy = frame.groupby(["Alder_tekst", "Tid"], sort=False)["verdi"].sum().reset_index()
    return _tidy(tidy.rename(columns={"Alder_tekst": "alder", "Tid": "aar", "verdi": "personer"}), label)


def _tidy(table: pd.DataFrame, label: str) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            "alder": table["alder"].astype(str).str.strip(),
            "aar": pd.to_numeric(table["aar"], errors="coerce"),
            "personer": pd.to_numeric(table["personer"], errors="coerce"),
        }
    )
    if out["aar"].isna().any():
        raise InputError(f"{label} har et år som ikke er et årstall", "Kontroller kolonnen med år.", source=label)
    if out["personer"].isna().any():
        bad = out[out["personer"].isna()].iloc[0]
        raise InputError(
            f"tallet for {bad['alder']} i {int(bad['aar'])} mangler",
            "Ta med alle aldre og år, eller last ned tabellen på nytt fra SSB.",
            source=label,
        )
    if (out["personer"] < 0).any():
        raise InputError("et befolkningstall er negativt", "Kontroller tallene.", source=label)
    out["aar"] = out["aar"].astype(int)
    out["personer"] = out["personer"].round().astype(int)
    return out.reset_index(drop=True)


# -- the client ----------------------------------------------------------------------------------


class TransportError(Exception):
    """Raised by a transport when no HTTP answer came back: ``kind`` is ``"network"`` or ``"timeout"``."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(detail or kind)
        self.kind = kind


Transport = Callable[[str, float], tuple[int, bytes]]


def urllib_transport(url: str, timeout: float) -> tuple[int, bytes]:
    """GET ``url`` with the standard library; ``(status, body)`` or :class:`TransportError`."""
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "helseinnovasjon-kursbok"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read() or b""
    except TimeoutError as error:
        raise TransportError("timeout", str(error)) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, (TimeoutError, socket.timeout)):
            raise TransportError("timeout", str(error)) from None
        raise TransportError("network", str(error)) from None
    except OSError as error:
        raise TransportError("network", str(error)) from None


@dataclass
class Client:
    """Fetches from SSB's PxWebApi v2 through ``transport`` (tests pass a fake one)."""

    transport: Transport = urllib_transport
    timeout: float = TIMEOUT

    def get(self, request: Request) -> dict[str, Any]:
        """The JSON-stat2 dataset for one request, checked against it; Norwegian errors otherwise."""
        download = (
            f"Last ned tabell {request.table} fra Statistikkbanken "
            f"({STATBANK_URL.format(table=request.table)}) og last opp filen under «Last opp filen fra SSB»."
        )
        try:
            status, body = self.transport(request.url, self.timeout)
        except TransportError as error:
            if error.kind == "timeout":
                raise InputError(
                    f"SSB svarte ikke innen {self.timeout:g} sekunder",
                    f"Prøv igjen om litt. Virker det ikke, {download[0].lower()}{download[1:]}",
                ) from None
            raise InputError(
                "fikk ikke kontakt med SSB (ingen internettforbindelse, eller SSB er ikke tilgjengelig)",
                f"Sjekk nettet og prøv igjen. Uten nett: {download[0].lower()}{download[1:]}",
            ) from None
        if status != 200:
            raise _http_error(request, status, body, download)
        try:
            dataset = json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            raise InputError(f"svaret fra SSB for tabell {request.table} kunne ikke leses", download) from None
        check_response(request, dataset)
        return dataset


def _http_error(request: Request, status: int, body: bytes, download: str) -> InputError:
    try:
        title = str(json.loads(body.decode("utf-8")).get("title", ""))
    except (UnicodeDecodeError, ValueError, AttributeError):
        title = ""
    if status == 400 and "value" in title.casefold():
        region = request.value_codes().get("Region", ["?"])[0].removeprefix("K-")
        return InputError(
            f"SSB kjenner ikke kommunenummeret {region} i tabell {request.table}",
            "Kommunen kan være slått sammen med en annen eller ha fått nytt nummer. Velg kommunen fra "
            f"lista på nytt. Hjelper ikke det: {download[0].lower()}{download[1:]}",
        )
    if status == 400:
        return InputError(
            f"SSB godtok ikke spørsmålet om tabell {request.table} ({title or 'feil i spørringen'}); "
            "tabellen har trolig fått nye koder",
            download,
        )
    if status == 404:
        return InputError(f"SSB fant ikke tabell {request.table}", download)
    if status == 429:
        return InputError("SSB får for mange spørsmål akkurat nå", "Vent et minutt og trykk «Hent fra SSB» igjen.")
    return InputError(f"SSB svarte med en feil (HTTP {status})", f"Prøv igjen senere. {download}")


# -- the population a participant works with -----------------------------------------------------


@dataclass
class Population:
    """A municipality's population (tidy), the country's if known, and where the numbers came from."""

    municipality: str  # «3201 Bærum»
    table: pd.DataFrame  # alder, aar, personer
    country: pd.DataFrame | None = None
    tables: tuple[str, ...] = ()
    projection_round: int | None = None
    fetched: str | None = None  # ISO date the numbers were fetched from SSB
    origin: str = "ssb"  # "ssb" (fetched), "cache", "fil" (uploaded) or "eksempel"

    def source(self) -> str:
        """The source line under the chart."""
        parts = []
        for table in self.tables:
            if table in PROJECTION_ROUNDS:
                parts.append(
                    f"tabell {table} (befolkningsframskrivinger {PROJECTION_ROUNDS[table]}, hovedalternativet)"
                )
            elif table == POPULATION_TABLE:
                parts.append(f"tabell {table} (befolkning 1. januar)")
            else:
                parts.append(f"tabell {table}")
        how = {
            "ssb": f", hentet fra SSBs API {self.fetched}",
            "cache": f", hentet fra SSBs API {self.fetched}",
            "fil": ", fra fil lastet ned fra Statistikkbanken",
        }.get(self.origin, "")
        if self.origin == "eksempel":
            return (
                "Kilde: illustrerende eksempelkommune (landstallene delt på 500); timer per person etter alder fra "
                "SSB tabell 11643; egen framskriving."
            )
        what = join_words(parts) if parts else "Statistikkbanken (tabellnummer ukjent)"
        return f"Kilde: SSB, {what}{how}; timer per person etter alder fra SSB tabell 11643; egen framskriving."


def fetch(number: str, client: Client | None = None, *, today: dt.date | None = None) -> Population:
    """Fetch a municipality and the country from SSB (four GETs) and combine registered and projected years."""
    client = client or Client()
    number, name = find_municipality(number)
    got = {
        key: population_from_jsonstat(client.get(request), label=f"svaret fra SSB (tabell {request.table})")
        for key, request in requests_for(number).items()
    }
    return Population(
        municipality=f"{number} {name}",
        table=combine(got["kommune_registrert"], got["kommune_framskrevet"]),
        country=combine(got["landet_registrert"], got["landet_framskrevet"]),
        tables=(PROJECTION_TABLE, POPULATION_TABLE),
        projection_round=PROJECTION_ROUND,
        fetched=(today or dt.date.today()).isoformat(),
        origin="ssb",
    )


def combine(registered: pd.DataFrame | None, projected: pd.DataFrame | None) -> pd.DataFrame:
    """Registered years, then projected years after the last registered one (tidy tables)."""
    parts = [t for t in (registered, projected) if t is not None and not t.empty]
    if not parts:
        raise InputError("det er ingen befolkningstall å regne med", "Hent tallene fra SSB eller last opp en fil.")
    if len(parts) == 2:
        last = parts[0]["aar"].max()
        parts[1] = parts[1][parts[1]["aar"] > last]
    table = pd.concat(parts, ignore_index=True)
    if table.duplicated(["alder", "aar"]).any():
        table = table.groupby(["alder", "aar"], sort=False, as_index=False)["personer"].sum()
    return table.reset_index(drop=True)


# -- the cache -----------------------------------------------------------------------------------


def cache_path(municipality: str, folder: Path) -> Path:
    return Path(folder) / f"befolkning-{municipality.split()[0]}.json"


def save_cache(population: Population, folder: Path) -> Path:
    """Write a fetched population as JSON (written to a temporary file first, then moved)."""
    path = cache_path(population.municipality, folder)
    content = {
        "versjon": CACHE_VERSION,
        "kommune": population.municipality,
        "tabeller": list(population.tables),
        "framskrivingsrunde": population.projection_round,
        "hentet": population.fetched,
        "kilde": population.source(),
        "kommunetall": population.table.to_dict(orient="split", index=False)["data"],
        "landstall": None
        if population.country is None
        else population.country.to_dict(orient="split", index=False)["data"],
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        raise InputError(
            f"tallene kunne ikke lagres i mappen «{path.parent}» ({error.strerror or error})",
            "Tallene vises likevel, men må hentes på nytt neste gang.",
        ) from None
    return path


def load_cache(municipality: str, folder: Path) -> Population | None:
    """The cached population for a municipality («3201» or «3201 Bærum»), or ``None`` if there is none."""
    path = cache_path(municipality, folder)
    if not path.is_file():
        return None
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
        if content.get("versjon") != CACHE_VERSION or content.get("framskrivingsrunde") != PROJECTION_ROUND:
            return None  # an older round: fetch again
        columns = ["alder", "aar", "personer"]
        country = content.get("landstall")
        return Population(
            municipality=content["kommune"],
            table=pd.DataFrame(content["kommunetall"], columns=columns),
            country=None if country is None else pd.DataFrame(country, columns=columns),
            tables=tuple(content["tabeller"]),
            projection_round=content["framskrivingsrunde"],
            fetched=content["hentet"],
            origin="cache",
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a damaged cache is ignored; the next fetch writes a new one


def fetch_or_cached(
    text: str, folder: Path, client: Client | None = None, *, refresh: bool = False, today: dt.date | None = None
) -> Population:
    """The cached numbers for a municipality, or fetch (and cache) them if there are none or ``refresh``."""
    number, _name = find_municipality(text)
    if not refresh and (cached := load_cache(number, folder)) is not None:
        return cached
    population = fetch(number, client, today=today)
    with contextlib.suppress(InputError):  # the numbers still show; only the offline copy is missing
        save_cache(population, folder)
    return population


# -- files from the Statistikkbank ---------------------------------------------------------------


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
    if sample and all(_REGION.match(v) or v.casefold() in _COUNTRY for v in sample):
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
    country_regions = [r for r in regions if _region_parts(r)[1].casefold() in _COUNTRY or r.casefold() in _COUNTRY]
    local = [r for r in regions if r not in country_regions]
    if len(local) > 1:
        raise InputError(
            f"filen har tall for flere kommuner ({join_words(local[:4])})",
            "Velg bare din kommune (og gjerne «Hele landet») når du lager tabellen.",
            source=label,
        )

    def tidy(region: str | None) -> pd.DataFrame:
        part = frame if region is None or "region" not in frame else frame[frame["region"] == region]
        summed = part.groupby(["alder", "år"], sort=False)["verdi"].sum().reset_index()
        return _tidy(summed.rename(columns={"år": "aar", "verdi": "personer"}), label)

    country = tidy(country_regions[0]) if country_regions else None
    if not local:
        return "Hele landet", country, None
    name = local[0]
    return _region_label(name), tidy(name if "region" in frame else None), country


def _region_parts(text: str) -> tuple[str, str]:
    match = _REGION.match(text or "")
    return (match.group("code"), match.group("name")) if match else ("", text or "")


def _region_label(text: str) -> str:
    code, name = _region_parts(text)
    return f"{code.zfill(4)} {name}" if code else name


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


# -- what the notebook shows ---------------------------------------------------------------------


def summary(population: Population, workforce: str | float) -> plotting.Answer:
    """The municipality's projection, compared with the country, with the source under the chart."""
    people = (
        data.parse_number(str(workforce), field="ansatte i helse og omsorg", minimum=1)
        if isinstance(workforce, str)
        else float(workforce)
    )
    groups, single = projection.municipality_population(_csv(population.table), label=population.municipality)
    answer = projection.municipality_summary(groups, single, people)
    growth = answer.numbers["vekst_i_behov_prosent"]
    numbers = {
        **answer.numbers,
        "kommune": population.municipality,
        "tabeller": list(population.tables),
        "framskrivingsrunde": population.projection_round,
        "hentet": population.fetched,
    }
    text = answer.text.replace("I kommunen din", f"I {_name(population.municipality)}", 1)
    if population.country is not None:
        country_groups, _ = projection.municipality_population(_csv(population.country), label="landstallene")
        national = projection.project(country_groups)
        country_growth = 100 * (
            national.loc[projection.END_YEAR, "behov"] / national.loc[projection.BASE_YEAR, "behov"] - 1
        )
        numbers["vekst_i_behov_landet_prosent"] = round(float(country_growth), 1)
        word = (
            "mer enn"
            if growth > country_growth + 0.5
            else "mindre enn"
            if growth < country_growth - 0.5
            else "omtrent som"
        )
        text += (
            f" Det er {word} i landet som helhet, der behovet vokser med "
            f"{formatting.format_percent(country_growth, 1)} med de samme forutsetningene."
        )
    source = population.source()
    figure = answer.figure
    chart = plotting.Chart(figure.fig, figure.alt, figure.caption.replace(projection.SOURCE, source))
    return plotting.Answer(text, chart, numbers, source)


def _name(municipality: str) -> str:
    code, name = _region_parts(municipality)
    return name.split(" - ")[0] if code else municipality


def _csv(table: pd.DataFrame) -> str:
    return table[["alder", "aar", "personer"]].to_csv(sep=";", index=False)


def example_population(data_dir: Path = data.DATA_DIR) -> Population:
    """The book's illustrative municipality (the country divided by 500), shown before anything is fetched."""
    text = projection.example_municipality_csv(data_dir)
    table = data.read_csv(text.encode("utf-8"), projection.MUNICIPALITY_SCHEMA, label="eksempelkommunen")
    return Population("Eksempelkommunen", table, origin="eksempel")

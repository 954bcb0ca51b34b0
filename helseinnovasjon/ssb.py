"""A municipality's population from Statistics Norway's open API (PxWebApi v2), fetched and cached.

«Din kommune» needs one municipality's population by single year of age: registered for the
model's base year and projected to 2040. This module fetches it and keeps it, and defines the
:class:`Population` a participant works with (the tidy table, columns ``alder``, ``aar``,
``personer``, that :func:`helseinnovasjon.projection.municipality_population` reads, and where the
numbers came from). Files downloaded from the Statistikkbank are read by
:mod:`helseinnovasjon.statbank` into the same :class:`Population`.

* **Requests** (:func:`requests_for`): one GET per table, JSON-stat2 back, built from the constants
  below. The transport of the :class:`Client` is injectable, so tests replay recorded responses and
  never touch the network. Every failure (no network, timeout, HTTP error, unknown municipality, a
  table whose codes changed) becomes one :class:`~helseinnovasjon.errors.InputError` that says what to do.
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
import datetime as dt
import itertools
import json
import math
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import comparison, data, formatting, plotting, projection
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
#: PxWebApi v2's cap on the cells of one request (facts file §1.6), and the URL length above which a GET gets 404.
MAX_CELLS = 800_000
MAX_URL = 2_000
#: Ages in codelist ``vs_AlleAldre00B`` (0–104 and 105+), and years in the 2026 round (2026–2050).
AGES = 106
PROJECTION_YEARS = 25

# The labels SSB gives the variables in files (lower case), and what the tidy table calls them.
#: A region as SSB writes it in files and labels: «3201 Bærum», «K-3201 Bærum».
REGION = re.compile(r"^\s*(?:K-)?(?P<code>\d{1,4})\s+(?P<name>\S.*)$")


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

    def cells(self) -> int:
        """How many cells the answer has (``*`` for ages is every single year, for years every projected year)."""
        count = 1
        for variable, codes in self.value_codes().items():
            if codes == ["*"]:
                count *= {"Alder": AGES, "Tid": PROJECTION_YEARS}.get(variable, 1)
            elif codes[0].startswith("from("):
                count *= PROJECTION_ROUND - int(codes[0][5:-1]) + 1
            else:
                count *= len(codes)
        return count


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


def group_requests(group: comparison.Group) -> dict[str, Request]:
    """The comparison group's population: registered in the base year and now, projected in the comparison years.

    One request per table for every member together (they are summed afterwards), and only the years
    the comparison needs, so even the largest class stays far below SSB's cell limit."""
    registered = ",".join(f"K-{number}" for number in group.members)
    projected = ",".join(group.members)
    ages = (("valueCodes[Alder]", "*"), ("codelist[Alder]", AGE_CODELIST))
    what = f"befolkningen i {group.label}"
    return {
        "gruppe_registrert": Request(
            POPULATION_TABLE,
            f"registrert {what}",
            (
                ("valueCodes[Region]", registered),
                ("codelist[Region]", POPULATION_REGION_CODELIST),
                ("outputValues[Region]", "aggregated"),
                *ages,
                ("valueCodes[ContentsCode]", POPULATION_CONTENTS),
                ("valueCodes[Tid]", f"{projection.BASE_YEAR},{comparison.NOW}"),
            ),
        ),
        "gruppe_framskrevet": Request(
            PROJECTION_TABLE,
            f"framskrevet {what}",
            (
                ("valueCodes[Region]", projected),
                ("codelist[Region]", PROJECTION_REGION_CODELIST),
                *ages,
                ("valueCodes[ContentsCode]", PROJECTION_CONTENTS),
                ("valueCodes[Tid]", ",".join(str(year) for year in comparison.YEARS)),
            ),
        ),
    }


def requests_for(number: str, group: comparison.Group | None = None) -> dict[str, Request]:
    """The requests behind «Hent fra SSB»: municipality and country, registered and projected, and the
    comparison group's two if there is one (one press of the button fetches them all)."""
    return {
        "kommune_registrert": population_request(number),
        "kommune_framskrevet": projection_request(number),
        "landet_registrert": population_request(None),
        "landet_framskrevet": projection_request(None),
        **(group_requests(group) if group is not None else {}),
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


def population_from_jsonstat(
    dataset: Mapping[str, Any], *, label: str = "svaret fra SSB", regions: int = 1
) -> pd.DataFrame:
    """The tidy table (``alder``, ``aar``, ``personer``) from a JSON-stat2 population response.

    Every other dimension (sex, region, contents) is summed, so the response must hold ``regions``
    regions (one, or a comparison group's members) and one contents code; a missing cell is an
    error, since the model needs every age."""
    frame = jsonstat_frame(dataset, label=label)
    if "Alder" not in frame or "Tid" not in frame:
        raise InputError(f"{label} mangler alder eller år", "Last ned tabellen fra Statistikkbanken og last opp filen.")
    for variable, allowed in (("Region", regions), ("ContentsCode", 1)):
        if variable in frame and frame[variable].nunique() > allowed:
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
    summed = frame.groupby(["Alder_tekst", "Tid"], sort=False)["verdi"].sum().reset_index()
    return tidy(summed.rename(columns={"Alder_tekst": "alder", "Tid": "aar", "verdi": "personer"}), label)


def tidy(table: pd.DataFrame, label: str) -> pd.DataFrame:
    """Columns ``alder`` (text), ``aar`` and ``personer`` (integers), checked; Norwegian errors otherwise."""
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
    group: comparison.Group | None = None  # the other municipalities in the same centrality class
    comparison_error: InputError | None = None  # why the group is missing, shown beside the result

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
    """Fetch a municipality, the country and the municipality's comparison group from SSB (six GETs).

    The municipality's and the country's numbers come first; if the comparison group cannot be
    found or fetched, the population comes back without it, and ``comparison_error`` says why."""
    client = client or Client()
    number, name = find_municipality(number)
    group: comparison.Group | None = None
    problem: InputError | None = None
    try:
        group = comparison.group_for(number)
    except InputError as error:
        problem = error
    requests = requests_for(number, group)
    got = {
        key: population_from_jsonstat(client.get(request), label=f"svaret fra SSB (tabell {request.table})")
        for key, request in requests.items()
        if not key.startswith("gruppe_")
    }
    if group is not None:
        try:
            parts = [
                population_from_jsonstat(
                    client.get(requests[key]),
                    label=f"svaret fra SSB om {group.label} (tabell {requests[key].table})",
                    regions=len(group.members),
                )
                for key in ("gruppe_registrert", "gruppe_framskrevet")
            ]
            group = comparison.Group(group.centrality_class, group.members, combine(*parts))
        except InputError as error:
            problem = InputError(
                f"sammenligningen med {group.label} kunne ikke hentes: {error.problem}",
                "Tallene for kommunen og landet vises likevel. Trykk «Hent fra SSB» igjen senere, og kryss av for "
                "«Hent på nytt», for å få med sammenligningen.",
            )
            group = None
    return Population(
        municipality=f"{number} {name}",
        table=combine(got["kommune_registrert"], got["kommune_framskrevet"]),
        country=combine(got["landet_registrert"], got["landet_framskrevet"]),
        tables=(PROJECTION_TABLE, POPULATION_TABLE),
        projection_round=PROJECTION_ROUND,
        fetched=(today or dt.date.today()).isoformat(),
        origin="ssb",
        group=group,
        comparison_error=problem,
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
        "gruppe": None
        if population.group is None or population.group.table is None
        else {
            "sentralitetsklasse": population.group.centrality_class,
            "kommuner": list(population.group.members),
            "tall": population.group.table.to_dict(orient="split", index=False)["data"],
        },
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
        saved_group = content.get("gruppe")  # absent in caches written before the comparison existed
        group = (
            None
            if not saved_group
            else comparison.Group(
                int(saved_group["sentralitetsklasse"]),
                tuple(saved_group["kommuner"]),
                pd.DataFrame(saved_group["tall"], columns=columns),
            )
        )
        return Population(
            municipality=content["kommune"],
            table=pd.DataFrame(content["kommunetall"], columns=columns),
            country=None if country is None else pd.DataFrame(country, columns=columns),
            tables=tuple(content["tabeller"]),
            projection_round=content["framskrivingsrunde"],
            fetched=content["hentet"],
            origin="cache",
            group=group,
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


def region_parts(text: str) -> tuple[str, str]:
    """``(code, name)`` of «3201 Bærum»; ``("", text)`` if the text has no number."""
    match = REGION.match(text or "")
    return (match.group("code"), match.group("name")) if match else ("", text or "")


def region_label(text: str) -> str:
    """«3201 Bærum» with a four-digit number («301 Oslo» -> «0301 Oslo»)."""
    code, name = region_parts(text)
    return f"{code.zfill(4)} {name}" if code else name


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
    code, name = region_parts(municipality)
    return name.split(" - ")[0] if code else municipality


def _csv(table: pd.DataFrame) -> str:
    return table[["alder", "aar", "personer"]].to_csv(sep=";", index=False)


def example_population(data_dir: Path = data.DATA_DIR) -> Population:
    """The book's illustrative municipality (the country divided by 500), shown before anything is fetched."""
    text = projection.example_municipality_csv(data_dir)
    table = data.read_csv(text.encode("utf-8"), projection.MUNICIPALITY_SCHEMA, label="eksempelkommunen")
    return Population("Eksempelkommunen", table, origin="eksempel")


# -- the comparison -------------------------------------------------------------------------------


def compare(population: Population) -> plotting.Answer | None:
    """The municipality beside the country and its centrality class (:mod:`helseinnovasjon.comparison`).

    ``None`` for the example municipality, and where the numbers cannot give the comparison (a
    file without the years 2026, 2030 and 2035): the projection above still shows."""
    if population.origin == "eksempel" or (population.country is None and population.group is None):
        return None
    try:
        compared = comparison.compare((population.municipality, population.table), population.country, population.group)
    except InputError:
        return None
    source = population.source()
    if population.group is not None and population.group.table is not None:
        source = source.replace("; timer per person", f"; {comparison.CENTRALITY_SOURCE}; timer per person", 1)
    return comparison.answer(compared, source, population.group)


NO_COMPARISON = (
    "Sammenligningen med landet og med kommuner som ligger like sentralt, er ikke med her. Den trenger tall "
    "for 2026, 2030 og 2035 for kommunen og for hele landet. Trykk «Hent fra SSB» for å få den, eller last opp "
    "filer fra Statistikkbanken der også hele landet og disse årene er med."
)


@dataclass
class Result:
    """What «Din kommune» shows: the projection, and the comparison if there is one; one record to save.
    ``missing`` says why a participant's own numbers came without the comparison."""

    main: plotting.Answer
    comparison: plotting.Answer | None = None
    missing: str = ""

    def record(self) -> dict:
        """The projection's record, with the comparison's data under ``tall.sammenligning``."""
        record = self.main.record()
        if self.comparison is not None:
            record["tall"] = {**record["tall"], **self.comparison.numbers}
        return record


def results(population: Population, workforce: str | float) -> Result:
    """:func:`summary` and :func:`compare` together; where the participant's numbers cannot give the
    comparison and no error says why already, the result says so itself."""
    compared = compare(population)
    silent = compared is None and population.origin != "eksempel" and population.comparison_error is None
    return Result(summary(population, workforce), compared, NO_COMPARISON if silent else "")

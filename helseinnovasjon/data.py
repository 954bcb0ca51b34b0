"""Load the course's data files, checked against ``datasets/datapackage.json``.

The data files ship inside the package (``helseinnovasjon/datasets/``), so an ordinary install of
the wheel finds them without a source checkout. ``datasets/datapackage.json`` (a Frictionless Data Package) is the single description of
every data file: its columns and types, its source, year and licence. This module
reads a file the way a participant may have saved it (comma or semicolon separated,
decimal comma, UTF-8 with or without BOM, UTF-16 or Windows-1252) and checks it
against that schema. Anything wrong raises :class:`~helseinnovasjon.errors.InputError`
with a Norwegian message that names the file, the line, the column and what was
expected. The tests validate the same files with the ``frictionless`` library itself.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import math
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from . import textfiles
from .errors import InputError, join_words
from .formatting import format_number

DATA_ENV = "HELSEINNOVASJON_DATA"
#: Where the course's data files are: the ``datasets`` folder inside this package (it ships in the
#: wheel), unless the environment variable ``HELSEINNOVASJON_DATA`` names another folder with its own
#: ``datapackage.json`` (a teacher's own data on a JupyterHub, say). Read once, at import.
PACKAGE_DATA_DIR = Path(str(resources.files(__package__) / "datasets"))
DATA_DIR = Path(os.environ.get(DATA_ENV) or PACKAGE_DATA_DIR).expanduser().resolve()
DATAPACKAGE = "datapackage.json"

# SSB's table symbols (tegnforklaring): ".." not available, "..." not yet available,
# ":" confidential, "." not applicable; "-" means nil, i.e. zero.
_MISSING = {"", ".", "..", "...", ":", "NA", "na", "nan"}
_NIL = {"-", "–"}
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")
_TYPE_WORDS = {"integer": "et helt tall", "number": "et tall", "year": "et årstall"}


@functools.cache
def _datapackage(data_dir: Path) -> dict[str, Any]:
    path = data_dir / DATAPACKAGE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            "fant ikke beskrivelsen av dataene",
            f"Kontroller at mappen finnes og inneholder datapackage.json. Vil du bruke kursets egne "
            f"data, fjern miljøvariabelen {DATA_ENV}.",
            source=str(path),
        ) from None


def datapackage(data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """The parsed ``datapackage.json`` (cached)."""
    return _datapackage(Path(data_dir).resolve())


def resource(name: str, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """The datapackage entry (path, schema, sources ...) of one data file."""
    for res in datapackage(data_dir)["resources"]:
        if res["name"] == name:
            return res
    known = ", ".join(r["name"] for r in datapackage(data_dir)["resources"])
    raise InputError(
        f"det finnes ingen datatabell som heter «{name}»",
        f"Bruk et av disse navnene: {known}.",
    )


def load_table(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Load one data file of the course by its datapackage name, validated."""
    res = resource(name, data_dir)
    return read_csv(Path(data_dir) / res["path"], res["schema"], label=res["path"])


def read_csv(
    source: str | Path | bytes,
    schema: dict[str, Any],
    *,
    label: str | None = None,
    allow_extra_columns: bool = False,
) -> pd.DataFrame:
    """Read a CSV file or uploaded bytes and check it against a Table Schema.

    Columns are matched by name, ignoring case and surrounding spaces, and returned
    in schema order with the schema's names. Numbers may use a decimal comma and
    spaces as thousands separators. Extra columns are an error unless
    ``allow_extra_columns`` is true, in which case they are dropped.
    """
    if isinstance(source, bytes):
        raw, label = source, label or "den opplastede filen"
    else:
        path = Path(source)
        label = label or path.name
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise InputError(
                "filen finnes ikke",
                "Kontroller filnavnet og at filen ligger i riktig mappe.",
                source=label,
            ) from None
        except IsADirectoryError:
            raise InputError("dette er en mappe, ikke en fil", source=label) from None

    text = _decode(raw)
    if not text.strip():
        raise InputError("filen er tom", "Velg en fil som inneholder en tabell.", source=label)

    table = _parse(text, label)
    table = _match_columns(table, schema, label, allow_extra_columns)
    out = pd.DataFrame(index=table.index)
    for field in schema["fields"]:
        out[field["name"]] = _convert(table[field["name"]], field, label)
    _check_primary_key(out, schema, label)
    return out.reset_index(drop=True)


def parse_number(text: str, *, field: str, integer: bool = False, minimum: float | None = None) -> float | int:
    """A number typed into a form the Norwegian way ("12 500", "2,5"), or a Norwegian error."""
    cleaned = str(text).strip()
    if not cleaned:
        raise InputError("feltet er tomt", "Skriv inn et tall.", field=field)
    value = _parse_value(cleaned, "integer" if integer else "number")
    if value is None:
        raise InputError(
            f"«{cleaned}» er ikke {'et helt tall' if integer else 'et tall'}",
            "Skriv tallet med sifre, for eksempel 1234 eller 12,5.",
            field=field,
        )
    if minimum is not None and value < minimum:
        raise InputError(f"tallet må være minst {minimum:g}", "Rett tallet og prøv igjen.", field=field)
    return value


def _decode(raw: bytes) -> str:
    return textfiles.decode(raw, strict=False)


def _parse(text: str, label: str) -> pd.DataFrame:
    """Split CSV text into a table of strings, indexed by the line number in the file."""
    header_line = next(line for line in text.splitlines() if line.strip())
    delimiter = max([";", "\t", ","], key=header_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, skipinitialspace=True)
    header: list[str] | None = None
    rows, lines = [], []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue  # blank lines and Excel's trailing ";;;" lines
        if header is None:
            header = [cell.strip().strip('"') for cell in row]
            continue
        if len(row) > len(header):
            if any(cell.strip() for cell in row[len(header) :]):
                raise InputError(
                    f"raden har {len(row)} felt, men overskriften har bare {len(header)}",
                    "Kontroller at alle rader har like mange kolonner som overskriften, "
                    "og at tall med desimalkomma ikke står i en fil som bruker komma som skilletegn.",
                    source=label,
                    row=reader.line_num,
                )
            row = row[: len(header)]
        rows.append(row + [""] * (len(header) - len(row)))
        lines.append(reader.line_num)
    header = header or []
    # Unnamed header cells (a trailing separator) get a placeholder name.
    header = [name or f"Unnamed: {i}" for i, name in enumerate(header)]
    return pd.DataFrame(rows, columns=header, index=lines, dtype=str)


def _match_columns(table: pd.DataFrame, schema: dict[str, Any], label: str, allow_extra: bool) -> pd.DataFrame:
    """Find each schema field's column by name or by one of its ``aliases`` (any case)."""
    wanted = [f["name"] for f in schema["fields"]]
    by_key = {c.casefold(): c for c in table.columns}
    names = {f["name"]: [f["name"], *f.get("aliases", [])] for f in schema["fields"]}
    found = {w: next((by_key[n.casefold()] for n in names[w] if n.casefold() in by_key), None) for w in wanted}
    missing = [w for w in wanted if found[w] is None]
    if missing:
        raise InputError(
            f"mangler {_plural(missing, 'kolonnen', 'kolonnene')} {_quoted(missing)}",
            f"Filen skal ha disse kolonnene: {_quoted(wanted)}.",
            source=label,
        )
    used = set(found.values())
    # A trailing separator (common from Excel) gives an empty "Unnamed: n" column: ignore it.
    extra = [
        c
        for c in table.columns
        if c not in used and not (c.startswith("Unnamed:") and table[c].str.strip().eq("").all())
    ]
    if extra and not allow_extra:
        raise InputError(
            f"har {_plural(extra, 'en ukjent kolonne', 'ukjente kolonner')}: {_quoted(extra)}",
            f"Fjern den eller gi kolonnene disse navnene: {_quoted(wanted)}.",
            source=label,
        )
    return table.rename(columns={found[w]: w for w in wanted})[wanted]


def _convert(column: pd.Series, field: dict[str, Any], label: str) -> pd.Series:
    name, kind = field["name"], field.get("type", "string")
    constraints = field.get("constraints", {})
    values: list[Any] = []
    for line, cell in column.items():
        text = str(cell).strip()
        if text in _MISSING:
            if constraints.get("required"):
                raise InputError(
                    "cellen er tom",
                    f"Fyll inn {_TYPE_WORDS.get(kind, 'en verdi')}.",
                    source=label,
                    column=name,
                    row=int(line),
                )
            values.append(None)
            continue
        value = _parse_value(text, kind) if kind in _TYPE_WORDS else text
        if value is None:
            raise InputError(
                f"verdien «{text}» er ikke {_TYPE_WORDS[kind]}",
                "Skriv tallet med sifre, for eksempel 1234 eller 12,5.",
                source=label,
                column=name,
                row=int(line),
            )
        _check_constraints(value, constraints, label, name, int(line))
        values.append(value)

    if kind in ("integer", "year"):
        return pd.Series(values, index=column.index, dtype="Int64" if None in values else "int64")
    if kind == "number":
        return pd.Series(values, index=column.index, dtype="float64")
    return pd.Series(values, index=column.index, dtype="object")


def _parse_value(text: str, kind: str) -> float | int | None:
    if text in _NIL:
        return 0
    cleaned = _SPACES.sub("", text).replace("\u2212", "-")
    if "," in cleaned:
        if "." in cleaned:  # "1.234,5": dots as thousands separators
            cleaned = cleaned.replace(".", "")
        cleaned = cleaned.replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    if kind == "number":
        return number
    return int(number) if number.is_integer() else None


def _check_constraints(value: Any, constraints: dict[str, Any], label: str, name: str, row: int) -> None:
    def fail(problem: str, fix: str) -> None:
        raise InputError(problem, fix, source=label, column=name, row=row)

    if "minimum" in constraints and value < constraints["minimum"]:
        fail(
            f"verdien {format_number(value, 2, trim=True)} er for liten",
            f"Den minste tillatte verdien er {format_number(constraints['minimum'], 2, trim=True)}.",
        )
    if "maximum" in constraints and value > constraints["maximum"]:
        fail(
            f"verdien {format_number(value, 2, trim=True)} er for stor",
            f"Den største tillatte verdien er {format_number(constraints['maximum'], 2, trim=True)}.",
        )
    if "enum" in constraints and value not in constraints["enum"]:
        fail(f"verdien «{value}» er ikke gyldig", f"Bruk en av disse: {_quoted(constraints['enum'])}.")


def _check_primary_key(table: pd.DataFrame, schema: dict[str, Any], label: str) -> None:
    key = schema.get("primaryKey")
    if not key:
        return
    key = [key] if isinstance(key, str) else key
    dupes = table[table.duplicated(subset=key, keep="first")]
    if not dupes.empty:
        line = int(dupes.index[0])
        shown = ", ".join(str(dupes.iloc[0][k]) for k in key)
        raise InputError(
            f"raden ({shown}) står to ganger",
            "Fjern den doble raden.",
            source=label,
            row=line,
        )


def _quoted(names: list[Any]) -> str:
    return join_words([f"«{n}»" for n in names])


def _plural(items: list[Any], one: str, many: str) -> str:
    return one if len(items) == 1 else many

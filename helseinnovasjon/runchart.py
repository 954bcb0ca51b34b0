"""Run charts with the Anhøj rules: is there a sign of real change, or only noise?

The centre line is the median (Perla, Provost & Murray 2011). Two rules decide, as in
Anhøj & Olesen (2014) and the qicharts2 package:

* **unusually long run**: the longest run of points on one side of the median is longer
  than ``round(log2(n)) + 3``;
* **too few crossings**: the line crosses the median fewer times than
  ``qbinom(0.05, n - 1, 0.5)``;

where *n* counts only the useful points, those not on the median. Points on the median
neither count towards nor break a run.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import data, formatting, plotting, sections
from .errors import InputError, join_words

EXAMPLE_TABLE = "eksempel-kjoreark"
MIN_POINTS = 10
SOURCE = "Reglene: Anhøj og Olesen (2014)."


def qbinom(p: float, size: int, prob: float = 0.5) -> int:
    """The smallest k with P(X <= k) >= p for X ~ Binomial(size, prob), as R's qbinom."""
    total = 0.0
    for k in range(size + 1):
        total += math.comb(size, k) * prob**k * (1 - prob) ** (size - k)
        if total >= p - 1e-12:
            return k
    return size


def longest_run_limit(useful: int) -> int:
    """The longest run that is still only noise, for ``useful`` points off the median."""
    return round(math.log2(useful)) + 3


def min_crossings(useful: int) -> int:
    """The fewest crossings that are still only noise."""
    return qbinom(0.05, useful - 1, 0.5)


@dataclass(frozen=True)
class Analysis:
    """The result of the Anhøj rules for one series."""

    median: float
    useful: int
    longest_run: int
    longest_run_limit: int
    crossings: int
    min_crossings: int

    @property
    def long_run(self) -> bool:
        return self.longest_run > self.longest_run_limit

    @property
    def few_crossings(self) -> bool:
        return self.crossings < self.min_crossings

    @property
    def signal(self) -> bool:
        return self.long_run or self.few_crossings


def _measurements(values: list[float] | pd.Series, chart: str, needs: str) -> pd.Series:
    """The measurements as floats in time order, or a Norwegian message if some are missing or too few."""
    series = pd.Series(values, dtype="float64").reset_index(drop=True)
    if series.isna().any():
        raise InputError("noen målinger mangler", "Fyll inn en verdi for hver måling, eller fjern raden.")
    if len(series) < MIN_POINTS:
        raise InputError(
            f"{chart} har bare {len(series)} målinger",
            f"{needs} trenger minst {MIN_POINTS} målinger. Mål videre og prøv igjen.",
        )
    return series


def analyse(values: list[float] | pd.Series) -> Analysis:
    """Apply the Anhøj rules to a series of measurements in time order."""
    series = _measurements(values, "kjørearket", "Reglene")
    median = float(series.median())
    sides = [1 if v > median else -1 for v in series if v != median]  # points on the median are skipped
    if len(sides) < MIN_POINTS:
        raise InputError(
            "for mange målinger ligger på medianen",
            f"Reglene trenger minst {MIN_POINTS} målinger som ikke ligger på medianen.",
        )
    longest = current = 1
    for before, after in itertools.pairwise(sides):
        current = current + 1 if after == before else 1
        longest = max(longest, current)
    crossings = sum(1 for before, after in itertools.pairwise(sides) if after != before)
    return Analysis(median, len(sides), longest, longest_run_limit(len(sides)), crossings, min_crossings(len(sides)))


def _times(n: int) -> str:
    """«én gang», «3 ganger»: the count of crossings in words a reader expects."""
    return "én gang" if n == 1 else f"{n} ganger"


def verdict(result: Analysis) -> str:
    """The answer in plain Norwegian."""
    if not result.signal:
        return (
            f"Ingen tegn på reell endring: den lengste serien er {result.longest_run} punkter (grensen er "
            f"{result.longest_run_limit}), og linjen krysser medianen {_times(result.crossings)} (minst "
            f"{result.min_crossings} er vanlig). Variasjonen ser ut som vanlige svingninger."
        )
    reasons = []
    if result.long_run:
        reasons.append(
            f"{result.longest_run} punkter på rad ligger på samme side av medianen (grensen er "
            f"{result.longest_run_limit})"
        )
    if result.few_crossings:
        crossed = f"krysser medianen bare {_times(result.crossings)}" if result.crossings else "krysser ikke medianen"
        reasons.append(f"linjen {crossed} (minst {result.min_crossings} er vanlig)")
    return "Tegn på reell endring: " + " og ".join(reasons) + "."


def chart(
    values: pd.Series, result: Analysis, *, title: str, ylabel: str, illustrative: bool = False
) -> plotting.Chart:
    """The run chart: the measurements in time order with the median as centre line."""
    labels = [str(i) for i in values.index]
    fig, _ax = plotting.run_chart(list(values), result.median, labels, title=title, ylabel=ylabel)
    note = " Dataene er illustrerende, laget for kurset." if illustrative else ""
    alt = (
        f"Kjøreark med {len(values)} målinger fra {labels[0]} til {labels[-1]} og medianen "
        f"{formatting.format_number(result.median, 1, trim=True)} som midtlinje. {verdict(result)}"
    )
    caption = f"{verdict(result)}{note} {SOURCE}"
    return plotting.Chart(fig, alt, caption)


def load_example(data_dir: Path = data.DATA_DIR) -> pd.Series:
    """The illustrative example: weekly share of late medication rounds (made for the course)."""
    table = data.load_table(EXAMPLE_TABLE, data_dir)
    return table.set_index("uke")["andel_forsinket_prosent"]


MEASUREMENTS_SCHEMA = {
    "fields": [
        {
            "name": "periode",
            "aliases": ["dato", "uke", "måned", "maaned"],
            "type": "string",
            "constraints": {"required": True},
        },
        {
            "name": "verdi",
            "aliases": ["måling", "maaling", "antall", "andel"],
            "type": "number",
            "constraints": {"required": True},
        },
    ],
    "primaryKey": ["periode"],
}


def explore(raw: bytes | str, title: str) -> plotting.Answer:
    """What the «Dine målinger» form shows (and saves) for pasted or uploaded measurements."""
    table = data.read_csv(
        raw.encode("utf-8") if isinstance(raw, str) else raw,
        MEASUREMENTS_SCHEMA,
        label="målingene",
        allow_extra_columns=True,
    )
    values = table.set_index("periode")["verdi"]
    name = " ".join(str(title or "").split())[:80] or "Mine målinger"
    result = analyse(values)
    numbers = {
        "maaling": name,
        "perioder": [str(p) for p in values.index],
        "verdier": [float(v) for v in values],
        "median": result.median,
        "lengste_serie": result.longest_run,
        "grense_serie": result.longest_run_limit,
        "kryssinger": result.crossings,
        "minste_kryssinger": result.min_crossings,
        "tegn_paa_endring": result.signal,
    }
    return plotting.Answer(
        f"{name}: {verdict(result)}", chart(values, result, title=name, ylabel="Verdi"), numbers, SOURCE
    )


SECTION = sections.LAERING.key
EXAMPLE_PASTE = (
    "periode;verdi\nuke 1;12\nuke 2;14\nuke 3;11\nuke 4;15\nuke 5;12\nuke 6;16\nuke 7;13\nuke 8;12\n"
    "uke 9;14\nuke 10;15\nuke 11;11\nuke 12;16"
)


EXAMPLE_LINE = "Feltet viser et eksempel. Lim inn dine egne målinger i stedet."


def paste_from_saved(content: Mapping[str, Any]) -> tuple[str, str, int] | None:
    """The measurements saved in section «laering» as the paste box shows them (semicolons and
    decimal commas, as Norwegian Excel pastes), the measure's name and the number of rows; None
    when nothing usable is saved (nothing yet, or a hand-edited file)."""
    saved = content.get("tall")
    if not isinstance(saved, dict):
        return None
    periods, values = saved.get("perioder"), saved.get("verdier")
    if not (isinstance(periods, list) and isinstance(values, list) and periods and len(periods) == len(values)):
        return None
    try:
        rows = [
            f"{str(p).replace(';', ',')};{formatting.format_number(float(v), 3, trim=True)}"
            for p, v in zip(periods, values)
        ]
    except (TypeError, ValueError):
        return None
    name = str(saved.get("maaling") or "Mine målinger")
    return "periode;verdi\n" + "\n".join(rows), name, len(rows)


# -- XmR (individuals) control chart -------------------------------------------------------

XMR_CONSTANT = 2.66
SOURCE_XMR = (
    "Grensene: gjennomsnittet ± 2,66 × gjennomsnittet av variasjonen fra måling til måling (Mohammed mfl. 2008)."
)
"""3 / d2 with d2 = 1.128, the bias constant for moving ranges of two points: the limits are
mean ± 2.66 × mean moving range (the individuals, or XmR, chart)."""


@dataclass(frozen=True)
class ControlLimits:
    """The centre line and limits of an XmR chart, and the points outside them."""

    mean: float
    mean_moving_range: float
    lower: float
    upper: float
    outside: tuple[int, ...]

    @property
    def signal(self) -> bool:
        return bool(self.outside)


def xmr(values: list[float] | pd.Series, baseline: int | None = None) -> ControlLimits:
    """XmR limits: centre = mean, limits = mean ± 2.66 × the mean of the moving ranges |x_i - x_(i-1)|.

    With ``baseline``, the centre and limits come from the first ``baseline`` points only (the
    period before a change), and every point is judged against them."""
    series = _measurements(values, "kontrollkortet", "Grensene")
    base = series
    if baseline is not None:
        if not MIN_POINTS <= baseline <= len(series):
            raise InputError(
                f"grunnlaget er {baseline} målinger",
                f"Velg et grunnlag på minst {MIN_POINTS} og høyst {len(series)} målinger.",
            )
        base = series.iloc[:baseline]
    mean = float(base.mean())
    moving_range = float(base.diff().abs().iloc[1:].mean())
    lower, upper = mean - XMR_CONSTANT * moving_range, mean + XMR_CONSTANT * moving_range
    outside = tuple(i for i, v in enumerate(series) if v < lower or v > upper)
    return ControlLimits(mean, moving_range, lower, upper, outside)


def xmr_verdict(limits: ControlLimits, labels: list[str], *, baseline: int | None = None) -> str:
    """The control chart's answer in plain Norwegian."""
    fmt = lambda v: formatting.format_number(v, 1, trim=True)
    where = f"de {baseline} første målingene" if baseline else "alle målingene"
    text = (
        f"Gjennomsnittet for {where} er {fmt(limits.mean)}, og grensene er {fmt(limits.lower)} og {fmt(limits.upper)}. "
    )
    if not limits.outside:
        return text + "Ingen målinger ligger utenfor grensene: ingen tegn på en særskilt årsak."
    shown = [labels[i] for i in limits.outside]
    count = f"{len(shown)} {'måling' if len(shown) == 1 else 'målinger'}"
    return text + (
        f"Utenfor grensene ligger {count} ({join_words(shown)}): "
        "tegn på en særskilt årsak som er verdt å se nærmere på."
    )


def xmr_chart(
    values: pd.Series,
    limits: ControlLimits,
    *,
    title: str,
    ylabel: str,
    baseline: int | None = None,
    illustrative: bool = False,
) -> plotting.Chart:
    """The XmR chart: the measurements, the mean and the two limits; points outside are marked."""
    labels = [str(i) for i in values.index]
    fig, _ax = plotting.run_chart(
        list(values),
        limits.mean,
        labels,
        title=title,
        ylabel=ylabel,
        centre_label="Gjennomsnitt",
        limits=(limits.lower, limits.upper),
        highlight=limits.outside,
        baseline=baseline,
    )
    note = " Dataene er illustrerende, laget for kurset." if illustrative else ""
    answer = xmr_verdict(limits, labels, baseline=baseline)
    alt = f"Kontrollkort (XmR) med {len(values)} målinger fra {labels[0]} til {labels[-1]}. {answer}"
    caption = f"{answer}{note} {SOURCE_XMR}"
    return plotting.Chart(fig, alt, caption)

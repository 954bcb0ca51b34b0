"""Costs and benefits of a project over the years: net present value, payback year, and
which uncertain input matters most (one-way sensitivity, shown as a tornado chart).

The model is the simple one Norwegian public guidance asks for before anything fancier:

* every amount is in today's kroner (real terms), so the discount rate is a *real* rate.
  The state uses 4 % a year for the first 40 years (Finansdepartementet, rundskriv
  R-109/2021); the course uses it as the default;
* year 0 is the start year and is not discounted; an amount in year ``t`` counts
  ``1 / (1 + r) ** t`` (end-of-year convention, as in DFØ's guide to cost-benefit analysis);
* costs are *one-off* (equipment, training, project time: all in year 0) or *running*
  (licences, maintenance: every year in operation, from year 1);
* benefits are *cash-releasing* (the budget can actually be cut: less driving, fewer hired
  hours) or *freed time* valued at what an hour costs. Freed time is capacity, not cash: it
  only saves money if the hours are taken out or used for work the municipality would
  otherwise have to pay for. The module therefore reports two net present values, with and
  without the freed time;
* benefits grow linearly to full effect over ``ramp_up`` years (year 1 has ``1/ramp_up`` of
  the full effect);
* one-way sensitivity moves one uncertain input at a time to a low and a high value and
  keeps the others at their base value; the spread of the net present value shows which
  input the answer depends on most.

Pure topic module (as :mod:`~helseinnovasjon.runchart`): typed inputs -> compute -> words ->
chart -> one :class:`~helseinnovasjon.plotting.Answer`. No widgets and no file I/O.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

import matplotlib as mpl
from matplotlib.figure import Figure

from . import data, formatting, plotting
from .errors import InputError

STATE_RATE = 4.0
"""The state's real discount rate for the first 40 years, percent (R-109/2021)."""
MAX_RATE = 15.0
MAX_YEARS = 30
DEFAULT_SPREAD = 25.0
RATE_STEP = 2.0
"""The sensitivity moves the discount rate this many percentage points down and up."""

SOURCE = (
    "Metode: netto nåverdi med realrente, slik DFØs veileder i samfunnsøkonomiske analyser "
    "beskriver; statens kalkulasjonsrente er 4 % (Finansdepartementet, rundskriv R-109/2021)."
)


# -- typed inputs ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Flows:
    """A project's costs and benefits per year in kroner, year 0 (the start year) first.

    Every tuple has one entry per year, and every entry is zero or more: costs are
    stored as positive amounts and subtracted when the net is computed."""

    start_year: int
    one_off: tuple[float, ...]
    running: tuple[float, ...]
    cash: tuple[float, ...]
    time_value: tuple[float, ...]

    def __post_init__(self) -> None:
        series = {
            "engangskostnader": self.one_off,
            "driftskostnader": self.running,
            "kontantgevinster": self.cash,
            "frigjort tid": self.time_value,
        }
        lengths = {len(values) for values in series.values()}
        if len(lengths) != 1:
            raise InputError(
                "radene har ikke like mange år",
                "Gi kostnader og gevinster for de samme årene, med 0 der det ikke er noe.",
            )
        if lengths == {0}:
            raise InputError("det er ingen år å regne på", "Gi tall for minst ett år.")
        for name, values in series.items():
            for i, value in enumerate(values):
                if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
                    raise InputError(f"{name} i år {i} er ikke et tall", "Skriv tallet med sifre.")
                if value < 0:
                    raise InputError(
                        f"{name} i år {i} er negative",
                        "Skriv kostnader og gevinster som positive tall; modellen trekker kostnadene fra selv.",
                    )

    @property
    def n(self) -> int:
        """How many years the flows cover (year 0 included)."""
        return len(self.one_off)

    @property
    def years(self) -> list[int]:
        """The calendar years."""
        return [self.start_year + t for t in range(self.n)]

    def net(self, *, include_time: bool = True) -> tuple[float, ...]:
        """Benefits minus costs, per year."""
        return tuple(
            c + (v if include_time else 0.0) - o - r
            for o, r, c, v in zip(self.one_off, self.running, self.cash, self.time_value)
        )


@dataclass(frozen=True)
class Assumptions:
    """The few numbers a participant can estimate for a project (amounts in kroner).

    ``investment`` falls in year 0; ``running_cost``, ``cash_benefit`` and the freed hours
    apply to each of the ``years`` years in operation (years 1 to ``years``). ``rate`` is the
    real discount rate in percent a year."""

    investment: float
    running_cost: float
    cash_benefit: float
    hours_saved: float
    hourly_cost: float
    ramp_up: int
    years: int
    rate: float = STATE_RATE
    start_year: int = 2026

    def __post_init__(self) -> None:
        for name in ("investment", "running_cost", "cash_benefit", "hours_saved", "hourly_cost", "rate"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise InputError(f"«{value}» er ikke et tall", "Skriv tallet med sifre.", field=LABELS[name])
            if value < 0:
                raise InputError(
                    "tallet kan ikke være negativt",
                    "Skriv kostnader og gevinster som positive tall; modellen trekker kostnadene fra selv.",
                    field=LABELS[name],
                )
        for name in ("ramp_up", "years", "start_year"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise InputError(f"«{value}» er ikke et helt tall", "Skriv et helt antall år.", field=LABELS[name])
        if not 1 <= self.years <= MAX_YEARS:
            raise InputError(
                f"{self.years} driftsår går ikke", f"Velg mellom 1 og {MAX_YEARS} år.", field=LABELS["years"]
            )
        if not 1 <= self.ramp_up <= self.years:
            raise InputError(
                f"{self.ramp_up} år til full effekt går ikke med {self.years} driftsår",
                "Velg minst 1 år, og ikke flere år enn prosjektet varer.",
                field=LABELS["ramp_up"],
            )
        if self.rate > MAX_RATE:
            raise InputError(
                f"en rente på {formatting.format_number(self.rate, 1, trim=True)} % er urimelig høy",
                f"Velg en rente mellom 0 og {formatting.format_number(MAX_RATE)} %. Staten bruker "
                f"{formatting.format_number(STATE_RATE)} %.",
                field=LABELS["rate"],
            )
        if not 2000 <= self.start_year <= 2100:
            raise InputError(
                f"startåret {self.start_year} går ikke", "Velg et år mellom 2000 og 2100.", field=LABELS["start_year"]
            )


LABELS = {
    "investment": "Engangskostnad (kr)",
    "running_cost": "Driftskostnad per år (kr)",
    "cash_benefit": "Kontantgevinst per år (kr)",
    "hours_saved": "Timer frigjort per år",
    "hourly_cost": "Kostnad per time (kr)",
    "ramp_up": "År til full effekt",
    "years": "Antall driftsår",
    "rate": "Kalkulasjonsrente (%)",
    "start_year": "Startår",
    "spread": "Usikkerhet (±%)",
    "name": "Prosjektets navn",
}
"""Norwegian names of the inputs, as the form and the error messages show them."""

FORM_TEXT = {
    "name": "Mitt prosjekt",
    "investment": "600 000",
    "running_cost": "150 000",
    "cash_benefit": "100 000",
    "hours_saved": "1 500",
    "hourly_cost": "550",
}
"""What the typed fields of the form start with: the Fjordvik example, to be replaced."""

UNCERTAIN = ("investment", "running_cost", "cash_benefit", "hours_saved", "hourly_cost", "ramp_up", "rate")
"""The inputs the sensitivity analysis moves, one at a time."""

SHORT = {
    "investment": "Engangskostnad",
    "running_cost": "Driftskostnad per år",
    "cash_benefit": "Kontantgevinst per år",
    "hours_saved": "Timer frigjort per år",
    "hourly_cost": "Kostnad per time",
    "ramp_up": "År til full effekt",
    "rate": "Kalkulasjonsrente",
}

EXAMPLE = Assumptions(
    investment=600_000,
    running_cost=150_000,
    cash_benefit=100_000,
    hours_saved=1_500,
    hourly_cost=550,
    ramp_up=2,
    years=5,
    rate=STATE_RATE,
    start_year=2026,
)
"""The illustrative Fjordvik example (digital supervision at night in home care). Every
number is made up for the course, not taken from a real municipality."""


# -- compute -----------------------------------------------------------------------------------


def discount_factor(rate: float, t: int) -> float:
    """What one krone in year ``t`` is worth today at ``rate`` percent a year."""
    return (1 + rate / 100) ** -t


def ramp(t: int, ramp_up: int) -> float:
    """The share of the full benefit reached in year ``t`` (0 in year 0, then linear to 1)."""
    return 0.0 if t == 0 else min(1.0, t / ramp_up)


def flows(a: Assumptions) -> Flows:
    """The yearly costs and benefits that the assumptions imply."""
    span = range(a.years + 1)
    return Flows(
        start_year=a.start_year,
        one_off=tuple(float(a.investment) if t == 0 else 0.0 for t in span),
        running=tuple(0.0 if t == 0 else float(a.running_cost) for t in span),
        cash=tuple(a.cash_benefit * ramp(t, a.ramp_up) for t in span),
        time_value=tuple(a.hours_saved * a.hourly_cost * ramp(t, a.ramp_up) for t in span),
    )


def _check_rate(rate: float) -> None:
    if (
        isinstance(rate, bool)
        or not isinstance(rate, (int, float))
        or not math.isfinite(rate)
        or not 0 <= rate <= MAX_RATE
    ):
        raise InputError(
            f"renten «{rate}» går ikke",
            f"Velg en rente mellom 0 og {formatting.format_number(MAX_RATE)} %.",
            field=LABELS["rate"],
        )


def cumulative(f: Flows, rate: float, *, include_time: bool = True) -> tuple[float, ...]:
    """The net present value accumulated year by year; the last entry is the net present value."""
    _check_rate(rate)
    total, out = 0.0, []
    for t, value in enumerate(f.net(include_time=include_time)):
        total += value * discount_factor(rate, t)
        out.append(total)
    return tuple(out)


def npv(f: Flows, rate: float, *, include_time: bool = True) -> float:
    """Net present value: every year's benefits minus costs, discounted to year 0."""
    return cumulative(f, rate, include_time=include_time)[-1]


def payback_year(f: Flows, rate: float, *, include_time: bool = True) -> int | None:
    """The first calendar year in which the accumulated net present value is zero or more
    (discounted payback), or ``None`` if that does not happen within the horizon."""
    for year, total in zip(f.years, cumulative(f, rate, include_time=include_time)):
        if total >= -1e-9:
            return year
    return None


@dataclass(frozen=True)
class Result:
    """Net present value and payback, with and without the freed time."""

    rate: float
    years: tuple[int, ...]
    npv: float
    npv_cash: float
    cumulative: tuple[float, ...]
    cumulative_cash: tuple[float, ...]
    payback: int | None
    payback_cash: int | None

    @property
    def horizon(self) -> int:
        """Years in operation (year 0 not counted)."""
        return len(self.years) - 1


def analyse(a: Assumptions) -> Result:
    """Compute the net present value and payback year for a set of assumptions."""
    f = flows(a)
    return Result(
        a.rate,
        tuple(f.years),
        npv(f, a.rate),
        npv(f, a.rate, include_time=False),
        cumulative(f, a.rate),
        cumulative(f, a.rate, include_time=False),
        payback_year(f, a.rate),
        payback_year(f, a.rate, include_time=False),
    )


@dataclass(frozen=True)
class Swing:
    """One input moved to a low and a high value, and the net present value at each."""

    field: str
    low: float
    high: float
    npv_low: float
    npv_high: float

    @property
    def label(self) -> str:
        return SHORT[self.field]

    @property
    def width(self) -> float:
        return abs(self.npv_high - self.npv_low)

    @property
    def worst(self) -> float:
        return min(self.npv_low, self.npv_high)

    @property
    def best(self) -> float:
        return max(self.npv_low, self.npv_high)


def ranges(a: Assumptions, spread: float = DEFAULT_SPREAD) -> dict[str, tuple[float, float]]:
    """Low and high values for each uncertain input: amounts and hours ± ``spread`` percent,
    the years to full effect one year shorter and longer (within the horizon), and the
    discount rate ± 2 percentage points (not below 0). These ranges are the course's choice."""
    if (
        isinstance(spread, bool)
        or not isinstance(spread, (int, float))
        or not math.isfinite(spread)
        or not 0 < spread <= 90
    ):
        raise InputError(
            f"usikkerheten «{spread}» går ikke", "Velg en usikkerhet mellom 1 og 90 %.", field=LABELS["spread"]
        )
    share = spread / 100
    out = {
        name: (getattr(a, name) * (1 - share), getattr(a, name) * (1 + share))
        for name in ("investment", "running_cost", "cash_benefit", "hours_saved", "hourly_cost")
    }
    out["ramp_up"] = (max(1, a.ramp_up - 1), min(a.years, a.ramp_up + 1))
    out["rate"] = (max(0.0, a.rate - RATE_STEP), min(MAX_RATE, a.rate + RATE_STEP))
    return out


def sensitivity(a: Assumptions, spread: float = DEFAULT_SPREAD) -> tuple[Swing, ...]:
    """One-way sensitivity: each uncertain input at its low and high value, the others at
    their base value. Sorted with the input that moves the net present value most first."""
    swings = []
    for name, (low, high) in ranges(a, spread).items():
        low_value: Any = int(low) if name == "ramp_up" else low  # Any: the field's own type varies by name
        high_value: Any = int(high) if name == "ramp_up" else high
        swings.append(
            Swing(
                name,
                low_value,
                high_value,
                analyse(replace(a, **{name: low_value})).npv,
                analyse(replace(a, **{name: high_value})).npv,
            )
        )
    order = {name: i for i, name in enumerate(UNCERTAIN)}
    return tuple(sorted(swings, key=lambda s: (-round(s.width, 6), order[s.field])))


# -- words -------------------------------------------------------------------------------------


def kroner(value: float) -> str:
    """An amount rounded to the nearest thousand, the Norwegian way: ``−870 000 kr``."""
    return f"{formatting.format_number(round(value, -3))}{formatting.NBSP}kr"


def value_text(field: str, value: float) -> str:
    """An input value with its unit, for the words and the chart."""
    if field == "rate":
        return formatting.format_percent(value, 1).replace(",0" + formatting.NBSP, formatting.NBSP)
    if field == "ramp_up":
        return f"{int(value)} år"
    if field == "hours_saved":
        return f"{formatting.format_number(value)} timer"
    return f"{formatting.format_number(value)}{formatting.NBSP}kr"


def range_text(field: str, low: float, high: float) -> str:
    """A low–high range with the unit once: ``1 125–1 875 timer``, ``2–6 %``."""
    unit = value_text(field, low)
    number = value_text(field, high)
    suffix = next((u for u in (f"{formatting.NBSP}%", f"{formatting.NBSP}kr", " timer", " år") if unit.endswith(u)), "")
    return f"{unit[: len(unit) - len(suffix)]}–{number}"


def verdict(a: Assumptions, result: Result, swings: tuple[Swing, ...] = ()) -> str:
    """The answer in plain Norwegian: the net present value with and without freed time,
    when the project has paid for itself, and which input matters most."""
    if not any(result.cumulative) and not any(result.cumulative_cash) and not any(s.width for s in swings):
        return "Det står ingen kostnader eller gevinster i skjemaet ennå. Skriv inn anslagene for prosjektet ditt."
    rate = value_text("rate", a.rate)
    horizon = f"{a.years} driftsår" if a.years != 1 else "ett driftsår"
    text = (
        f"Med {rate} kalkulasjonsrente og {horizon} er netto nåverdi {kroner(result.npv)} når frigjort tid regnes med. "
    )
    if result.npv >= 0:
        text += f"Prosjektet er tilbakebetalt i {result.payback}. " if result.payback is not None else ""
    else:
        text += "Med disse tallene lønner prosjektet seg ikke innenfor tidshorisonten. "
    text += f"Regner du bare kontantgevinstene, er netto nåverdi {kroner(result.npv_cash)}"
    if result.npv_cash >= 0:
        text += f", og budsjettet går i pluss i {result.payback_cash}. " if result.payback_cash is not None else ". "
    elif result.npv >= 0:
        text += (
            ": budsjettet går ikke i pluss før den frigjorte tiden tas ut eller brukes på oppgaver "
            "dere ellers måtte betalt for. "
        )
    else:
        text += ". "
    if swings:
        top = swings[0]
        text += (
            f"Mest usikkert er {top.label.lower()}: med {range_text(top.field, top.low, top.high)} "
            f"ligger netto nåverdi mellom {kroner(top.worst)} og {kroner(top.best)}."
        )
        turning = (
            [s for s in swings if s.worst < 0 <= s.best]
            if result.npv >= 0
            else [s for s in swings if s.best >= 0 > s.worst]
        )
        if turning:
            names = ", ".join(s.label.lower() for s in turning[:3])
            text += f" Svaret kan snu hvis dette slår feil: {names}."
    return text.strip()


# -- chart -------------------------------------------------------------------------------------

ONE_OFF, RUNNING, CASH, TIME = (
    plotting.CATEGORICAL[3],
    plotting.CATEGORICAL[1],
    plotting.CATEGORICAL[2],
    plotting.CATEGORICAL[0],
)


def _thousands(value: float, _pos: object = None) -> str:
    return formatting.format_number(value / 1000)


def draw_flows(ax, a: Assumptions, result: Result) -> None:
    """Bars of each year's costs (down) and benefits (up), and the accumulated net present value."""
    from matplotlib.ticker import FuncFormatter

    f = flows(a)
    t = list(range(f.n))
    down_one = [-v for v in f.one_off]
    down_run = [-v for v in f.running]
    ax.bar(
        t, down_one, color=ONE_OFF, hatch=plotting.HATCHES[3], edgecolor="white", linewidth=0.6, label="Engangskostnad"
    )
    ax.bar(
        t,
        down_run,
        bottom=down_one,
        color=RUNNING,
        hatch=plotting.HATCHES[1],
        edgecolor="white",
        linewidth=0.6,
        label="Driftskostnad",
    )
    ax.bar(t, f.cash, color=CASH, hatch=plotting.HATCHES[4], edgecolor="white", linewidth=0.6, label="Kontantgevinst")
    ax.bar(t, f.time_value, bottom=f.cash, color=TIME, edgecolor="white", linewidth=0.6, label="Frigjort tid (verdi)")
    ax.plot(
        t, result.cumulative, color=plotting.INK, marker="o", linewidth=2.2, markersize=5, label="Akkumulert nåverdi"
    )
    ax.plot(
        t,
        result.cumulative_cash,
        color=plotting.INK,
        marker="s",
        linewidth=1.6,
        linestyle="--",
        markersize=4,
        label="Akkumulert nåverdi, bare kontant",
    )
    ax.axhline(0, color=plotting.INK, linewidth=0.9)
    step = max(1, math.ceil(f.n / 8))  # at most about eight year labels, so they never overlap
    ax.set_xticks(t[::step], [str(y) for y in f.years][::step])
    ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
    ax.set_ylabel("Tusen kroner")
    ax.grid(axis="x", visible=False)
    ax.set_title("Kostnader og gevinster per år", fontsize=12)
    ax.legend(loc="upper left", bbox_to_anchor=(-0.3, -0.1), ncols=2, fontsize=10, borderaxespad=0.2)


def draw_tornado(ax, result: Result, swings: tuple[Swing, ...]) -> None:
    """One bar per uncertain input, from the net present value at its low value to that at its high value."""
    from matplotlib.ticker import FuncFormatter

    rows = list(range(len(swings)))
    for row, s in zip(rows, swings):
        ax.barh(
            row,
            s.npv_low - result.npv,
            left=result.npv,
            height=0.6,
            color=plotting.CATEGORICAL[5],
            edgecolor=plotting.INK,
            linewidth=0.6,
            label="Lav verdi" if row == 0 else None,
        )
        ax.barh(
            row,
            s.npv_high - result.npv,
            left=result.npv,
            height=0.6,
            color=plotting.CATEGORICAL[4],
            hatch=plotting.HATCHES[1],
            edgecolor=plotting.INK,
            linewidth=0.6,
            label="Høy verdi" if row == 0 else None,
        )
    ax.axvline(result.npv, color=plotting.INK, linestyle="--", linewidth=1.2, label="Beregnet nåverdi")
    ax.axvline(0, color=plotting.INK, linewidth=0.9)
    ax.set_yticks(rows, [f"{s.label}\n({range_text(s.field, s.low, s.high)})" for s in swings], fontsize=10)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(FuncFormatter(_thousands))
    ax.set_xlabel("Netto nåverdi, tusen kroner")
    ax.grid(axis="y", visible=False)
    ax.set_title("Hva svaret avhenger mest av", fontsize=12)
    ax.legend(loc="upper left", bbox_to_anchor=(-0.3, -0.2), ncols=3, fontsize=10, borderaxespad=0.2)


def chart(
    a: Assumptions, result: Result, swings: tuple[Swing, ...], *, title: str, illustrative: bool = False
) -> plotting.Chart:
    """Two panels: the yearly costs and benefits with the accumulated net present value, and
    the tornado chart of the one-way sensitivity."""
    with mpl.rc_context(plotting.STYLE):
        # fixed margins instead of constrained layout: one draw instead of several (a faster notebook)
        fig = Figure(figsize=(7.5, 9.6))
        top, bottom = fig.subplots(2, 1, height_ratios=[1.15, 1])
        fig.subplots_adjust(left=0.27, right=0.97, top=0.91, bottom=0.12, hspace=0.55)
        draw_flows(top, a, result)
        draw_tornado(bottom, result, swings)
        shown = title if len(title) <= 56 else title[:55].rstrip() + "…"
        plotting.figure_title(fig, shown, x=0.02, y=0.985)
    answer = verdict(a, result, swings)
    note = " Tallene er illustrerende, laget for kurset." if illustrative else " Tallene er dine egne anslag."
    alt = (
        f"To figurer. Øverst: kostnader som søyler ned og gevinster som søyler opp for hvert år fra "
        f"{result.years[0]} til {result.years[-1]}, og en linje for akkumulert netto nåverdi som ender på "
        f"{kroner(result.npv)} (med frigjort tid) og {kroner(result.npv_cash)} (bare kontant). Nederst: et "
        f"tornadodiagram der {swings[0].label.lower() if swings else 'ingen inndata'} gir den lengste søylen. "
        f"{answer}"
    )
    caption = f"{answer}{note} {SOURCE}"
    return plotting.Chart(fig, alt, caption)


# -- the form ----------------------------------------------------------------------------------


def _number(value: object, name: str, *, integer: bool = False) -> float | int:
    """A form value as a number: typed text the Norwegian way («600 000», «4,5 %»), or a slider's number."""
    if isinstance(value, bool):
        raise InputError(f"«{value}» er ikke et tall", "Skriv tallet med sifre.", field=LABELS[name])
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise InputError("tallet mangler", "Skriv tallet med sifre.", field=LABELS[name])
        if integer:
            if abs(value - round(value)) > 1e-9:
                raise InputError(
                    f"«{formatting.format_number(value, 2, trim=True)}» er ikke et helt tall",
                    "Skriv et helt antall år.",
                    field=LABELS[name],
                )
            return round(value)
        return float(value)
    text = str(value if value is not None else "").strip()
    for unit in ("kroner", "kr.", "kr", "%", "timer", "år"):
        if text.lower().endswith(unit):
            text = text[: -len(unit)].strip()
    return data.parse_number(text, field=LABELS[name], integer=integer)


def assumptions_from_form(values: Mapping[str, object]) -> Assumptions:
    """Typed assumptions from what a participant typed or chose, or one clear Norwegian error."""
    numbers: dict[str, Any] = {
        f.name: _number(values[f.name], f.name, integer=f.name in ("ramp_up", "years", "start_year"))
        for f in fields(Assumptions)
        if f.name in values
    }
    return Assumptions(**numbers)


def record(a: Assumptions, result: Result, swings: tuple[Swing, ...], spread: float, name: str) -> dict:
    """The numbers worth keeping, as plain JSON with stable ASCII keys."""
    return {
        "prosjekt": name,
        "startaar": a.start_year,
        "engangskostnad": a.investment,
        "driftskostnad_per_aar": a.running_cost,
        "kontantgevinst_per_aar": a.cash_benefit,
        "timer_frigjort_per_aar": a.hours_saved,
        "kostnad_per_time": a.hourly_cost,
        "aar_til_full_effekt": a.ramp_up,
        "driftsaar": a.years,
        "kalkulasjonsrente_prosent": a.rate,
        "usikkerhet_prosent": spread,
        "aar": list(result.years),
        "akkumulert_naaverdi": [round(v, 2) for v in result.cumulative],
        "akkumulert_naaverdi_kontant": [round(v, 2) for v in result.cumulative_cash],
        "netto_naaverdi": round(result.npv, 2),
        "netto_naaverdi_kontant": round(result.npv_cash, 2),
        "tilbakebetalt_aar": result.payback,
        "tilbakebetalt_aar_kontant": result.payback_cash,
        "folsomhet": [
            {
                "inndata": s.field,
                "lav": s.low,
                "hoy": s.high,
                "naaverdi_lav": round(s.npv_low, 2),
                "naaverdi_hoy": round(s.npv_high, 2),
            }
            for s in swings
        ],
    }


def explore(
    investment: object,
    running_cost: object,
    cash_benefit: object,
    hours_saved: object,
    hourly_cost: object,
    ramp_up: object,
    years: object,
    rate: object = STATE_RATE,
    spread: object = DEFAULT_SPREAD,
    start_year: object = 2026,
    name: str = "",
    illustrative: bool = False,
) -> plotting.Answer:
    """What the «Kost og nytte» form shows: the answer in one sentence, the two-panel chart,
    and the numbers to keep."""
    a = assumptions_from_form(
        {
            "investment": investment,
            "running_cost": running_cost,
            "cash_benefit": cash_benefit,
            "hours_saved": hours_saved,
            "hourly_cost": hourly_cost,
            "ramp_up": ramp_up,
            "years": years,
            "rate": rate,
            "start_year": start_year,
        }
    )
    spread_value = float(_number(spread, "spread"))
    title = " ".join(str(name or "").split())[:80] or "Mitt prosjekt"
    result = analyse(a)
    swings = sensitivity(a, spread_value)
    figure = chart(a, result, swings, title=title, illustrative=illustrative)
    return plotting.Answer(
        f"{title}: {verdict(a, result, swings)}", figure, record(a, result, swings, spread_value, title), SOURCE
    )


def example(name: str = "Fjordvik: digitalt tilsyn om natten (illustrerende)") -> plotting.Answer:
    """The illustrative Fjordvik example, through the same path as the participant's own numbers."""
    return explore(**{f.name: getattr(EXAMPLE, f.name) for f in fields(Assumptions)}, name=name, illustrative=True)


PLAN_COLUMNS = ("Gevinst", "Indikator", "Nullpunkt", "Mål", "Ansvarlig", "Når")


def example_plan() -> list[dict[str, str]]:
    """An illustrative benefits plan for the Fjordvik case, one row per benefit (text only)."""
    rows = [
        (
            "Bedre nattesøvn for tjenestemottakerne",
            "Andel som sier de sover godt (samtale med fast spørsmål)",
            "Måles før oppstart",
            "Flere enn før oppstart",
            "Avdelingsleder hjemmetjenesten",
            "Etter 3 og 12 måneder",
        ),
        (
            "Færre unødvendige nattbesøk",
            "Antall planlagte nattbesøk per uke",
            "Telles i fire uker før oppstart",
            "Halvparten av nullpunktet",
            "Teamleder natt",
            "Hver måned",
        ),
        (
            "Frigjort tid brukt på dem som trenger mest",
            "Timer per uke flyttet til planlagte oppgaver",
            "0 timer",
            "Avtales i budsjettet",
            "Enhetsleder",
            "Ved hvert tertial",
        ),
        (
            "Lavere kjøreutgifter",
            "Kjørte kilometer om natten per måned",
            "Hentes fra kjørebok før oppstart",
            "En firedel lavere",
            "Teamleder natt",
            "Hver måned",
        ),
    ]
    return [dict(zip(PLAN_COLUMNS, row)) for row in rows]

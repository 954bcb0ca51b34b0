"""How an innovation spreads: Rogers' adopter categories and the Bass model.

Rogers (2003) divides those who take up an innovation into five groups by when they
adopt it, as slices of a normal curve cut at the mean and one and two standard
deviations: innovators 2.5 %, early adopters 13.5 %, early majority 34 %, late majority
34 % and laggards 16 %.

The Bass model (Bass 1969) describes the share ``F(t)`` who have adopted by time ``t``.
Those who have not yet adopted do so at the rate ``p + q·F``: ``p`` is the pull from
outside (media, national programmes: the *innovation* coefficient) and ``q`` the pull
from those who already use it (the *imitation* coefficient)::

    dF/dt = (p + q·F)·(1 − F)
    F(t)  = (1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t))
    t*    = ln(q/p) / (p + q)          (when new adoptions peak, if q > p)

In discrete time, Bass wrote ``n(t) = [p + (q/m)·N(t−1)]·[m − N(t−1)]``, with ``m`` the
number who will ever adopt. All functions are pure; the notebooks show their results.
"""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd

from . import data, formatting, plotting
from .errors import InputError

SPREAD_TABLE = "spredning-forebyggende-hjemmebesok"
SOURCE_BASS = "Modellen: Bass (1969)."
SOURCE_SPREAD = "Observerte andeler: Teigen mfl. (2015)."
SOURCE_ROGERS = "Kategoriene: Rogers (2003)."

# Rogers' five adopter categories: name, share as Rogers rounds it (%), and the cut
# points on the normal curve in standard deviations from the mean adoption time.
ADOPTER_CATEGORIES = [
    ("Innovatører", 2.5, -math.inf, -2.0),
    ("Tidlige ibruktakere", 13.5, -2.0, -1.0),
    ("Tidlig flertall", 34.0, -1.0, 0.0),
    ("Sent flertall", 34.0, 0.0, 1.0),
    ("Etternølere", 16.0, 1.0, math.inf),
]


def _normal_cdf(z: float) -> float:
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0))) if math.isfinite(z) else (0.0 if z < 0 else 1.0)


def adopter_categories() -> pd.DataFrame:
    """Rogers' categories: his rounded shares, the exact normal-curve shares, and where
    each group starts and ends on the cumulative curve (percent of all who adopt)."""
    rows = []
    for name, share, low, high in ADOPTER_CATEGORIES:
        start, end = 100 * _normal_cdf(low), 100 * _normal_cdf(high)
        rows.append(
            {
                "kategori": name,
                "andel_rogers": share,
                "andel_normalkurve": end - start,
                "fra_prosent": start,
                "til_prosent": end,
            }
        )
    return pd.DataFrame(rows)


def categories_table() -> pd.DataFrame:
    """Rogers' categories with Norwegian headings, for a table in a notebook."""
    table = adopter_categories()
    return pd.DataFrame(
        {
            "Gruppe": table["kategori"],
            "Andel (Rogers, %)": table["andel_rogers"],
            "Andel under normalkurven (%)": table["andel_normalkurve"].round(1),
            "Har tatt i bruk når gruppen er ferdig (%)": table["til_prosent"].round(1),
        }
    ).set_index("Gruppe")


def category_at(cumulative_percent: float) -> str:
    """Which of Rogers' groups the adopters at this point of the cumulative curve belong to,
    using his rounded shares (2,5 – 16 – 50 – 84 %)."""
    value = _check_percent(cumulative_percent, "andel som har tatt i bruk")
    limit = 0.0
    for name, share, _low, _high in ADOPTER_CATEGORIES:
        limit += share
        if value <= limit + 1e-9:
            return name
    return ADOPTER_CATEGORIES[-1][0]


def describe_spread(observed: pd.Series | None = None) -> str:
    """The observed shares in words, each with the Rogers group the newest adopters then belonged to."""
    observed = load_spread() if observed is None else observed
    parts = [
        f"I {int(year)} tilbød {formatting.format_number(share, 0)} % av kommunene forebyggende hjemmebesøk; "
        f"de som startet da, hører til gruppen «{category_at(share).lower()}»."
        for year, share in observed.items()
    ]
    return " ".join(parts)


def _check_percent(value: float, field: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(f"«{value}» er ikke et tall", "Skriv en prosent mellom 0 og 100.", field=field) from None
    if not 0 <= number <= 100:
        raise InputError("prosenten må være mellom 0 og 100", "Rett tallet og prøv igjen.", field=field)
    return number


def check_parameters(p: float, q: float) -> tuple[float, float]:
    """``p`` and ``q`` as fractions per year, or a Norwegian message saying what is wrong."""
    values = []
    for value, name in ((p, "p (påvirkning utenfra)"), (q, "q (påvirkning fra dem som har tatt den i bruk)")):
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise InputError(f"«{value}» er ikke et tall", "Skriv et tall, for eksempel 0,03.", field=name) from None
        if not math.isfinite(number):
            raise InputError("tallet er ikke endelig", "Skriv et vanlig tall, for eksempel 0,03.", field=name)
        values.append(number)
    p, q = values
    if p <= 0:
        raise InputError(
            "p må være større enn 0",
            "Uten påvirkning utenfra tar ingen løsningen i bruk først, og da starter spredningen aldri. "
            "Prøv for eksempel p = 0,01.",
            field="p (påvirkning utenfra)",
        )
    if q < 0:
        raise InputError(
            "q kan ikke være negativ",
            "Bruk 0 eller et positivt tall, for eksempel q = 0,3.",
            field="q (påvirkning fra dem som har tatt den i bruk)",
        )
    if p > 1 or q > 1:
        raise InputError(
            "p og q er andeler per år og kan ikke være større enn 1", "Bruk for eksempel p = 0,03 og q = 0,38."
        )
    return p, q


def bass_share(t: float | np.ndarray, p: float, q: float) -> np.ndarray:
    """F(t), the share who have adopted by time ``t`` (closed form; 0 before t = 0)."""
    p, q = check_parameters(p, q)
    t = np.asarray(t, dtype=float)
    decay = np.exp(-(p + q) * np.clip(t, 0, None))
    return (1 - decay) / (1 + (q / p) * decay)


def bass_rate(t: float | np.ndarray, p: float, q: float) -> np.ndarray:
    """f(t) = dF/dt, the share who adopt per unit of time (closed form)."""
    p, q = check_parameters(p, q)
    t = np.asarray(t, dtype=float)
    decay = np.exp(-(p + q) * np.clip(t, 0, None))
    return ((p + q) ** 2 / p) * decay / (1 + (q / p) * decay) ** 2


def peak_time(p: float, q: float) -> float:
    """When most new adopters come: ln(q/p)/(p+q) if q > p; otherwise at the start (0)."""
    p, q = check_parameters(p, q)
    return math.log(q / p) / (p + q) if q > p else 0.0


def bass_discrete(p: float, q: float, periods: int, *, m: float = 1.0, step: float = 1.0) -> np.ndarray:
    """N after each step of Bass' difference equation, N(0) = 0 first.

    With ``step = 1`` this is ``n(t) = [p + (q/m)·N(t−1)]·[m − N(t−1)]``; smaller steps
    approach the closed form (Euler's method on dF/dt).
    """
    p, q = check_parameters(p, q)
    if m <= 0:
        raise InputError("markedspotensialet m må være større enn 0", "Bruk for eksempel m = 100 (prosent).")
    if step <= 0 or (p + q) * step > 1:
        raise InputError("tidssteget er for langt for disse verdiene av p og q", "Bruk et kortere tidssteg.")
    values = np.zeros(int(periods) + 1)
    for k in range(1, len(values)):
        before = values[k - 1]
        values[k] = before + step * (p + q * before / m) * (m - before)
    return values


def load_spread(data_dir: Path = data.DATA_DIR) -> pd.Series:
    """The two observed shares of municipalities with preventive home visits (2003, 2013)."""
    table = data.load_table(SPREAD_TABLE, data_dir)
    return table.set_index("aar")["andel_kommuner_prosent"]


def rogers_chart() -> plotting.Chart:
    """The normal curve of adoption times with Rogers' five groups shaded and labelled."""
    table = adopter_categories()
    colours = plotting.sequential(5)
    fig, ax = plotting.new_figure((8.0, 3.8), margins={"left": 0.04, "right": 0.98, "top": 0.86, "bottom": 0.2})
    z = np.linspace(-3.2, 3.2, 400)
    density = np.exp(-(z**2) / 2) / math.sqrt(2 * math.pi)
    with mpl.rc_context(plotting.STYLE):
        ax.plot(z, density, color=plotting.INK, linewidth=1.5)
        for (name, share, low, high), colour, hatch in zip(ADOPTER_CATEGORIES, colours, plotting.HATCHES):
            inside = (z >= max(low, -3.2)) & (z <= min(high, 3.2))
            ax.fill_between(z[inside], density[inside], color=colour, hatch=hatch, edgecolor="white", linewidth=0)
            middle = (max(low, -3.0) + min(high, 3.0)) / 2
            ax.text(
                middle,
                -0.035,
                f"{name}\n{formatting.format_percent(share, 1 if share % 1 else 0)}",
                ha="center",
                va="top",
                fontsize=9,
            )
        ax.set_ylim(-0.01, 0.43)
        ax.set_xlim(-3.2, 3.2)
        ax.axis("off")
        ax.set_title("Når tar folk i bruk en innovasjon?")
        ax.text(3.1, 0.41, "Tid →", ha="right", fontsize=10)
    alt = (
        "Klokkeformet kurve over når folk tar i bruk en innovasjon, delt i fem felt fra venstre: "
        + ", ".join(
            f"{r.kategori} {formatting.format_percent(r.andel_rogers, 1 if r.andel_rogers % 1 else 0)}"
            for r in table.itertuples()
        )
        + "."
    )
    caption = (
        "Rogers deler dem som tar i bruk en innovasjon i fem grupper etter hvor tidlig de gjør det. "
        f"Grensene går ved ett og to standardavvik fra gjennomsnittet. {SOURCE_ROGERS}"
    )
    return plotting.Chart(fig, alt, caption)


def explore(
    p_percent: float, q_percent: float, start_year: int, observed: pd.Series | None = None, *, end_year: int = 2040
) -> plotting.Answer:
    """The Bass curve for slider values (p and q in percent per year), compared with the
    observed shares. Says in words how far the curve is from the points: never a fit."""
    p, q = check_parameters(float(p_percent) / 100, float(q_percent) / 100)
    start = int(start_year)
    if not 1950 <= start <= 2013:
        raise InputError(
            "startåret må være mellom 1950 og 2013", "Velg et startår før den siste målingen.", field="Startår"
        )
    observed = load_spread() if observed is None else observed
    years = np.arange(start, max(end_year, start + 10) + 1)
    curve = 100 * bass_share(years - start, p, q)
    model_at = {int(y): float(100 * bass_share(y - start, p, q)) for y in observed.index}
    peak = start + peak_time(p, q)
    fmt = formatting.format_number
    comparison = " og ".join(
        f"{fmt(model_at[int(y)], 0)} % i {int(y)} (målt: {fmt(v, 0)} %)" for y, v in observed.items()
    )
    text = f"Med p = {fmt(p_percent, 1, trim=True)} % og q = {fmt(q_percent, 0)} % per år gir kurven {comparison}."
    if curve[-1] < 5:
        text += (
            f" Med disse verdiene sprer løsningen seg nesten ikke: bare {fmt(curve[-1], 1)} % har tatt den i "
            f"bruk i {years[-1]}. Prøv en større p eller q."
        )
    elif q > p:
        text += f" Flest nye kommuner per år kommer rundt {round(peak)}."
    else:
        text += " Når q ikke er større enn p, kommer flest nye kommuner helt i starten, og kurven har ingen S-form."
    fig, ax = plotting.new_figure(margins={"left": 0.12, "right": 0.97, "top": 0.84, "bottom": 0.12})
    with mpl.rc_context(plotting.STYLE):
        ax.plot(years, curve, color=plotting.CATEGORICAL[0], linewidth=2.5, label="Bass-kurve (dine verdier)")
        ax.plot(
            list(observed.index),
            list(observed.values),
            linestyle="none",
            marker="D",
            markersize=8,
            color=plotting.CATEGORICAL[3],
            label="Målt andel kommuner",
        )
        for year, value in observed.items():
            ax.annotate(
                f"{fmt(value, 0)} % ({int(year)})",
                (year, value),
                textcoords="offset points",
                xytext=(6, -14),
                fontsize=9,
            )
        if q > p and start < peak < years[-1]:
            ax.axvline(peak, color=plotting.CATEGORICAL[1], linestyle="--", linewidth=1.5, label="Flest nye per år")
        ax.set_ylim(0, 100)
        ax.set_xlim(years[0], years[-1])
        plotting.percent_axis(ax.yaxis)
        plotting.year_axis(ax.xaxis, [int(y) for y in years if y % 10 == 0] or [int(years[0]), int(years[-1])])
        ax.set_ylabel("Andel kommuner")
        plotting.figure_title(fig, "Spredning av forebyggende hjemmebesøk", x=0.12, y=0.98)
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=3, borderaxespad=0.3, fontsize=9)
    alt = (
        f"S-formet Bass-kurve fra {start} til {years[-1]} som stiger til {fmt(curve[-1], 0)} %, "
        f"sammen med to målte punkter: {comparison}."
    )
    caption = (
        f"{text} To målinger er for lite til å finne p, q og startår: mange kurver går like nær punktene. "
        f"{SOURCE_BASS} {SOURCE_SPREAD}"
    )
    numbers = {
        "p_prosent": float(p_percent),
        "q_prosent": float(q_percent),
        "startaar": start,
        "modell": {str(k): round(v, 1) for k, v in model_at.items()},
        "maalt": {str(int(k)): float(v) for k, v in observed.items()},
        "topp_aar": round(peak, 1) if q > p else None,
    }
    return plotting.Answer(text, plotting.Chart(fig, alt, caption), numbers, f"{SOURCE_BASS} {SOURCE_SPREAD}")

"""Draw the figures for the chapter «Verdier og omsorgslogikker».

Writes three SVG files to book/figurer/:

- verdier-og-omsorgslogikker-tidslinje.svg: the Norwegian (and Swedish) policy documents the
  chapter describes, on one time line (years and periods as given in the chapter's sources).
- verdier-og-omsorgslogikker-tre-maal.svg: three published measures of how much of the
  municipal health and care services goes to people under 67 (hours, persons, money), side by side.
- verdier-og-omsorgslogikker-handlingsrom.svg: the course's model of a unit leader's room for
  action (what you decide, what you can influence, what you must work within).

Run from the repository root:

    .venv/bin/python scripts/figures/verdier-og-omsorgslogikker.py

The output is identical on every run (fixed SVG hash salt, no date in the metadata).
"""

from __future__ import annotations

import functools
from pathlib import Path

import figstyle
import matplotlib

figstyle.use_svg_style("verdier-og-omsorgslogikker-figurer")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyBboxPatch, Rectangle  # noqa: E402

from helseinnovasjon.plotting import CATEGORICAL, HATCHES, INK, STYLE, format_percent  # noqa: E402

SLUG = "verdier-og-omsorgslogikker"

matplotlib.rcParams.update(STYLE)

NORWAY = CATEGORICAL[0]
SWEDEN = CATEGORICAL[1]
LIGHT = "#d9d9d9"


save = functools.partial(figstyle.save, slug=SLUG, tight=False)


# --------------------------------------------------------------------------------------------
# 1. Time line of the policy frame
# --------------------------------------------------------------------------------------------
# (label, country, launch year or None, period start, period end, note shown after the bar)
# Years are those given in the chapter with a source: launch = the document or decision,
# period = a programme or reform period, where the sources give one.
TIMELINE = [
    ("Samhandlingsreformen\nSt.meld. nr. 47 (2008–2009)", "NO", 2009, 2012, 2012.9, "iverksatt 2012"),
    ("Velferdsteknologiprogrammet\n(RNB 2013)", "NO", 2013, 2014, 2024.9, "2014–2024"),
    ("Tillitsdelegationen, Sverige\nSOU 2018:47", "SE", None, 2016.45, 2018.45, "2016–2018"),
    ("God och nära vård, Sverige\nSOU 2017:53 … SOU 2020:19", "SE", 2021.5, 2017.4, 2020.3, "lov fra 2021"),
    ("Leve hele livet\nMeld. St. 15 (2017–2018)", "NO", 2018.3, 2019, 2023.9, "2019–2023"),
    ("Helsefellesskap\nMeld. St. 7 (2019–2020)", "NO", 2019.8, None, None, "avtale oktober 2019"),
    ("Kompetanseløft 2025\nheltidskultur", "NO", 2020.8, 2021, 2025.9, "2021–2025"),
    ("Tillitsreformen", "NO", 2021.8, None, None, "fra høsten 2021"),
    ("Helsepersonellkommisjonen\nNOU 2023:4", "NO", 2023.1, None, None, "februar 2023"),
    ("Bo trygt hjemme\nMeld. St. 24 (2022–2023)", "NO", 2023.45, None, None, "juni 2023"),
]


def timeline() -> Path:
    n = len(TIMELINE)
    fig, ax = plt.subplots(figsize=(7.6, 7.0), layout="constrained")
    for row, (_label, country, launch, start, end, note) in enumerate(TIMELINE):
        y = n - 1 - row
        colour = NORWAY if country == "NO" else SWEDEN
        fill = "#a9cde6" if country == "NO" else "#f6d69a"
        hatch = HATCHES[0] if country == "NO" else HATCHES[1]
        right = launch or 0
        if start is not None:
            ax.barh(y, end - start, left=start, height=0.42, color=fill, hatch=hatch, edgecolor=colour, linewidth=1.0)
            right = max(right, end)
        if launch is not None:
            ax.plot(
                launch,
                y,
                marker="o" if country == "NO" else "s",
                markersize=9,
                color=colour,
                markeredgecolor=INK,
                markeredgewidth=0.8,
                linestyle="none",
            )
        ax.text(right + 0.45, y, note, va="center", ha="left", fontsize=10, color=INK)
    ax.set_yticks(range(n))
    ax.set_yticklabels([row[0] for row in reversed(TIMELINE)], fontsize=10)
    ax.set_xlim(2008.5, 2029.5)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xticks(range(2009, 2027, 2))
    ax.set_xticklabels([str(x) for x in range(2009, 2027, 2)], fontsize=10)
    ax.grid(axis="y", visible=False)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.set_title("Politikken rundt tjenestene, 2009–2025", fontsize=13)
    # Legend drawn by hand so that it reads in grey scale too.
    handles = [
        plt.Line2D(
            [],
            [],
            marker="o",
            color=NORWAY,
            markeredgecolor=INK,
            linestyle="none",
            markersize=9,
            label="Norge: dokument eller vedtak",
        ),
        plt.Line2D(
            [],
            [],
            marker="s",
            color=SWEDEN,
            markeredgecolor=INK,
            linestyle="none",
            markersize=9,
            label="Sverige: dokument eller lovendring",
        ),
        Rectangle((0, 0), 1, 1, facecolor="#a9cde6", edgecolor=NORWAY, label="Periode i Norge"),
        Rectangle((0, 0), 1, 1, facecolor="#f6d69a", edgecolor=SWEDEN, hatch=HATCHES[1], label="Periode i Sverige"),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=2, fontsize=10, frameon=False)
    return save(fig, "tidslinje")


# --------------------------------------------------------------------------------------------
# 2. Three measures of the younger users' share
# --------------------------------------------------------------------------------------------
# Sources (see the chapter): hours = Helseinnovasjonssenteret's reproduction of an SSB table
# for 2023, the row «Alle tenester» (0–49: 51 %, 50–66: 19 %); persons = SSB Rapporter 2018/26
# (40 % of users under 67 in 2017); money = Altinget's own calculation on SSB data (43 % in 2022,
# 26 % in 1998).
MEASURES = [
    ("Timer\n(tjenestene i SSB-tabellen, 2023;\nikke opphold i sykehjem)", [(51, "0–49 år"), (19, "50–66 år")]),
    ("Personer som mottok tjenester\n(alle kommunale helse- og\nomsorgstjenester, 2017)", [(40, "under 67 år")]),
    ("Kroner\n(kommunenes utgifter til\nhelse og omsorg, 2022)", [(43, "under 67 år")]),
    ("Kroner, 1998\n(samme beregning)", [(26, "under 67 år")]),
]


def three_measures() -> Path:
    fig, ax = plt.subplots(figsize=(7.6, 4.8), layout="constrained")
    n = len(MEASURES)
    for row, (_label, parts) in enumerate(MEASURES):
        y = n - 1 - row
        left = 0
        for i, (value, part) in enumerate(parts):
            colour = CATEGORICAL[0] if len(parts) == 1 or i == 0 else CATEGORICAL[5]
            hatch = HATCHES[0]
            if row == n - 1:
                colour, hatch = "#9fb7cc", HATCHES[1]
            ax.barh(y, value, left=left, height=0.58, color=colour, hatch=hatch, edgecolor=INK, linewidth=0.6)
            if len(parts) > 1:
                ax.text(
                    left + value / 2,
                    y,
                    f"{part}\n{format_percent(value)}",
                    ha="center",
                    va="center",
                    fontsize=10,
                    color="white" if i == 0 else INK,
                )
            left += value
        ax.text(
            left + 1.5,
            y,
            format_percent(left) + (" under 67 år" if len(parts) > 1 else ""),
            va="center",
            ha="left",
            fontsize=11,
            fontweight="bold",
            color=INK,
        )
    ax.set_yticks(range(n))
    ax.set_yticklabels([m[0] for m in reversed(MEASURES)], fontsize=10)
    ax.set_xlim(0, 100)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xticklabels([format_percent(x) for x in range(0, 101, 20)], fontsize=10)
    ax.set_xlabel("Andel som går til personer under 67 år", fontsize=10)
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    ax.set_title("Samme spørsmål, tre svar: hva teller du?", fontsize=13)
    return save(fig, "tre-maal")


# --------------------------------------------------------------------------------------------
# 3. Room for action (the course's model)
# --------------------------------------------------------------------------------------------
RINGS = [
    (
        "Rammer du må arbeide innenfor",
        ["lover og forskrifter", "budsjettrammen", "nasjonale reformer og planer", "vedtak i kommunestyret"],
    ),
    (
        "Det du kan påvirke",
        [
            "vedtakspraksis, sammen med tildelingskontoret",
            "turnus og heltid, sammen med tillitsvalgte",
            "prioriteringer, med tall og erfaringer",
            "hvem som er med i prosjektet",
        ],
    ),
    (
        "Det du bestemmer selv",
        [
            "hvordan dere møtes og lærer",
            "små utprøvinger i egen enhet",
            "hvilke spørsmål dere stiller",
            "hva du måler og viser fram",
        ],
    ),
]


def room_for_action() -> Path:
    fig = plt.figure(figsize=(7.6, 6.4))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 86)
    ax.axis("off")
    fills = ["#f2f2f2", "#cfe3f2", "#8fbde0"]
    # (x, y, width, height) of each box; each box's items fill the band above the next box.
    boxes = [(2, 5, 96, 80), (7, 8, 86, 59), (13, 11, 74, 30)]
    columns = [2, 1, 1]
    for (title, items), (x, y, w, h), fill, ncol in zip(RINGS, boxes, fills, columns):
        ax.add_patch(
            FancyBboxPatch(
                (x, y), w, h, boxstyle="round,pad=0,rounding_size=3", facecolor=fill, edgecolor=INK, linewidth=1.2
            )
        )
        top = y + h
        ax.text(50, top - 2.6, title, ha="center", va="top", fontsize=13.5, fontweight="bold", color=INK)
        band_top = top - 8.0
        for i, item in enumerate(items):
            col, line = (i % ncol, i // ncol)
            xi = 50 if ncol == 1 else x + w * (0.27 if col == 0 else 0.73)
            ax.text(xi, band_top - line * 4.5, "• " + item, ha="center", va="top", fontsize=11.5, color=INK)
    ax.text(
        50,
        1.2,
        "Kursets modell. Flytt noe innover ved å avtale, vise tall og bygge tillit.",
        ha="center",
        va="bottom",
        fontsize=11,
        style="italic",
        color=INK,
    )
    return save(fig, "handlingsrom")


if __name__ == "__main__":
    for path in (timeline(), three_measures(), room_for_action()):
        print(
            f"Skrev {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path} "
            f"({path.stat().st_size / 1024:.0f} KB)"
        )

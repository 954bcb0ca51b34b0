"""Draw the figures for the chapter «Innovasjon og endringsledelse» (book/innovasjon-og-endringsledelse.md)
and its section page «Teknologi og regelverk» (book/teknologi-og-regelverk.md).

Run from the repository root:

    .venv/bin/python scripts/figures/innovasjon-og-endringsledelse.py

It writes three SVG files to book/figurer/. The output is deterministic (fixed hash salt, no date),
so a rerun gives identical files. All text in the figures is Norwegian; code and comments English.

- fasetter:    the OECD's four facets of public-sector innovation (OECD 2022), drawn as a diamond
- hvem-naar:   who contributes at which stage of the course's five-stage model (the course's own
               mapping of Helseinnovasjonssenteret's list of actors onto the stages)
- regelsjekk:  five questions a leader can ask about a technology, the rules each question points to,
               and whom to ask (a simplification, not legal advice)
"""

from __future__ import annotations

import functools
from pathlib import Path

import figstyle

figstyle.use_svg_style("innovasjon-og-endringsledelse")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Polygon  # noqa: E402

from helseinnovasjon.plotting import CATEGORICAL, HATCHES, INK  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SLUG = "innovasjon-og-endringsledelse"

BLUE, ORANGE, GREEN, RED, PINK, SKY = CATEGORICAL[:6]
GREY = "#595959"
LIGHT = "#f2f2f2"


save = functools.partial(figstyle.save, slug=SLUG)
arrow = functools.partial(figstyle.arrow, lw=1.8, mutation=16)


box = functools.partial(figstyle.box, lw=1.4, rounding=0.1, linespacing=1.25)


def facets() -> Path:
    """OECD's Public Sector Innovation Facets as a diamond of four diamonds."""
    fig, ax = plt.subplots(figsize=(8.6, 7.6))
    ax.set_xlim(-6.2, 6.2)
    ax.set_ylim(-5.6, 5.6)
    ax.set_aspect("equal")
    ax.axis("off")

    # (centre, name, question, colour, hatch)
    parts = [
        ((-1.95, 0.0), "Forbedrings-\norientert", "«Hvordan kan vi\ngjøre X bedre?»", BLUE, HATCHES[0]),
        ((0.0, 1.95), "Misjons-\norientert", "«Hvordan kan vi\nnå målet X?»", ORANGE, HATCHES[1]),
        ((1.95, 0.0), "Foregripende", "«Hva kan X bli\nmed det som\nkommer?»", GREEN, HATCHES[2]),
        ((0.0, -1.95), "Tilpasnings-\norientert", "«Hva betyr det\nsom har skjedd,\nfor X?»", PINK, HATCHES[4]),
    ]
    half = 1.85
    for (cx, cy), name, question, colour, _hatch in parts:
        poly = Polygon(
            [(cx - half, cy), (cx, cy + half), (cx + half, cy), (cx, cy - half)],
            closed=True,
            facecolor=colour + "48",
            edgecolor=INK,
            linewidth=1.4,
        )
        ax.add_patch(poly)
        ax.text(cx, cy + 0.42, name, ha="center", va="center", fontsize=12.5, weight="bold", color=INK, linespacing=1.1)
        ax.text(cx, cy - 0.62, question, ha="center", va="center", fontsize=10.5, color=INK, linespacing=1.15)

    # axis labels at the four outer points
    ax.text(-4.15, 0.0, "Sikkert:\nbygge på\ndet kjente", ha="right", va="center", fontsize=12, color=INK)
    ax.text(4.15, 0.0, "Usikkert:\nutforske\ndet nye", ha="left", va="center", fontsize=12, color=INK)
    ax.text(0.0, 4.1, "Styrt: retningen er satt", ha="center", va="bottom", fontsize=12, color=INK)
    ax.text(0.0, -4.1, "Ikke styrt: svarer på det som skjer", ha="center", va="top", fontsize=12, color=INK)
    # small dots marking the poles
    for x, y in [(-3.9, 0), (3.9, 0), (0, 3.9), (0, -3.9)]:
        ax.plot([x], [y], marker="o", color=INK, markersize=5)
    ax.set_title("Fire typer innovasjon i offentlig sektor", fontsize=14, weight="bold", loc="left", color=INK)
    return save(fig, "fasetter")


STAGES = [
    "1 Behov\nsjekkes\nmot\nrelevans",
    "2 Behov\nbekreftes\ngjennom\ninnsikt",
    "3 Kon-\nseptet\nprøves ut",
    "4 Plan-\nlegging",
    "5 Av-\nslutning\nog spred-\nning",
]

# (actor, marks per stage): 2 = main role (filled), 1 = contributes (open), 0 = nothing
ACTORS = [
    ("Nasjonale myndigheter", [1, 0, 0, 0, 2]),
    ("KS og andre sentrale\norganisasjoner", [0, 1, 1, 1, 2]),
    ("Nettverk og samarbeid\nmellom kommuner", [0, 0, 1, 1, 2]),
    ("Politikerne i kommunen", [2, 0, 0, 1, 1]),
    ("Administrasjon og ledere", [2, 1, 1, 2, 2]),
    ("Ansatte", [2, 2, 2, 1, 1]),
    ("Tjenestemottakere,\npårørende og innbyggere", [1, 2, 2, 1, 1]),
    ("Fagmiljøer, næringsliv,\nlag og organisasjoner", [1, 1, 2, 0, 1]),
]


def who_when() -> Path:
    """A matrix: actors (rows) by the five stages (columns)."""
    n_rows, n_cols = len(ACTORS), len(STAGES)
    COLW = 1.45
    fig, ax = plt.subplots(figsize=(9.2, 8.2))
    left = 3.6  # width of the label column
    ax.set_xlim(0, left + n_cols * COLW + 0.1)
    ax.set_ylim(-1.5, n_rows + 1.9)
    ax.axis("off")
    ax.invert_yaxis()

    for j, stage in enumerate(STAGES):
        x = left + j * COLW + 0.65
        ax.text(x, -0.15, stage, ha="center", va="bottom", fontsize=10.5, weight="bold", color=INK, linespacing=1.1)
    for i, (actor, marks) in enumerate(ACTORS):
        y = i + 0.5
        if i % 2 == 0:
            ax.add_patch(plt.Rectangle((0, i), left + n_cols * COLW, 1, facecolor=LIGHT, edgecolor="none"))
        ax.text(0.08, y, actor, ha="left", va="center", fontsize=11, color=INK, linespacing=1.1)
        for j, mark in enumerate(marks):
            x = left + j * COLW + 0.65
            if mark == 2:
                ax.plot([x], [y], marker="o", markersize=17, color=BLUE, markeredgecolor=INK, markeredgewidth=COLW)
            elif mark == 1:
                ax.plot(
                    [x],
                    [y],
                    marker="o",
                    markersize=14,
                    markerfacecolor="white",
                    markeredgecolor=INK,
                    markeredgewidth=1.6,
                )
    # grid lines between columns
    for j in range(n_cols + 1):
        x = left + j * COLW
        ax.plot([x, x], [0, n_rows], color="#bfbfbf", linewidth=0.8)
    ax.plot([0, left + n_cols * COLW], [n_rows, n_rows], color="#bfbfbf", linewidth=0.8)

    # the two thresholds from the seed presentation, at the last stage
    y0 = n_rows + 0.35
    ax.annotate(
        "",
        xy=(left + 4 * COLW + COLW / 2, n_rows + 0.05),
        xytext=(left + 4 * COLW + COLW / 2, y0 + 0.3),
        arrowprops={"arrowstyle": "-|>", "color": INK, "lw": 1.6, "mutation_scale": 16},
    )
    ax.text(
        left + 4 * COLW + COLW / 2 - 0.25,
        y0 + 0.45,
        "To terskler i steg 5: fra prosjekt til drift, og fra én aktør til mange",
        ha="right",
        va="center",
        fontsize=10.5,
        color=INK,
    )

    # legend
    ly = n_rows + 1.45
    ax.plot([0.25], [ly], marker="o", markersize=15, color=BLUE, markeredgecolor=INK, markeredgewidth=COLW)
    ax.text(0.55, ly, "hovedrolle", va="center", fontsize=11, color=INK)
    ax.plot([2.45], [ly], marker="o", markersize=13, markerfacecolor="white", markeredgecolor=INK, markeredgewidth=1.6)
    ax.text(2.75, ly, "bidrar", va="center", fontsize=11, color=INK)
    ax.text(4.2, ly, "Kursets forslag, ikke en fast regel", va="center", fontsize=11, color=GREY, style="italic")
    ax.set_title("Hvem bidrar i hvilket steg?", fontsize=14, weight="bold", loc="left", color=INK, pad=12)
    return save(fig, "hvem-naar")


CHECKS = [
    (
        "Samler løsningen\nopplysninger om helse,\nvaner eller bevegelser?",
        "Personvernforordningen:\ngrunnlag for behandlingen,\nvurdering av personvern-\nkonsekvenser (DPIA)",
        "Personvernombudet",
    ),
    (
        "Ser ansatte eller\nleverandøren bilder,\nvarsler eller journal?",
        "Taushetsplikten\n(helsepersonelloven § 21),\ntilgangsstyring, Normen",
        "Den som har ansvar\nfor informasjons-\nsikkerhet",
    ),
    (
        "Kan ikke tjenestemottakeren\nselv samtykke?",
        "Pasient- og bruker-\nrettighetsloven § 4-6 a\nog kapittel 4 A",
        "Kommunens jurist",
    ),
    (
        "Har produsenten gitt\nutstyret et medisinsk\nformål?",
        "Regelverket for\nmedisinsk utstyr (MDR):\nCE-merke, bruk etter formålet",
        "Leverandøren;\nDMP gir veiledning",
    ),
    (
        "Bruker løsningen\nkunstig intelligens?",
        "KI-forordningen:\nrisikoklasse,\nKI-kompetanse hos ansatte",
        "Leverandøren og\nkommunens jurist",
    ),
]


def rule_check() -> Path:
    """Five yes/no questions, the rules they point to, and whom to ask."""
    n = len(CHECKS)
    row_h, gap = 1.55, 0.3
    fig, ax = plt.subplots(figsize=(10, 9.4))
    ax.set_xlim(0, 11.4)
    ax.set_ylim(-0.4, n * (row_h + gap) + 0.9)
    ax.axis("off")
    ax.invert_yaxis()
    cols = [(0.0, 3.7), (4.35, 3.55), (8.5, 2.85)]
    heads = ["Spør deg selv", "Hvis ja: regler å kjenne", "Hvem du spør"]
    for (x, w), head in zip(cols, heads):
        ax.text(x + w / 2, 0.2, head, ha="center", va="center", fontsize=12.5, weight="bold", color=INK)
    colours = [BLUE, ORANGE, GREEN, PINK, SKY]
    for i, (question, rule, who) in enumerate(CHECKS):
        y = 0.6 + i * (row_h + gap)
        box(ax, cols[0][0], y, cols[0][1], row_h, question, size=11)
        box(ax, cols[1][0], y, cols[1][1], row_h, rule, size=11, face=colours[i] + "40")
        box(ax, cols[2][0], y, cols[2][1], row_h, who, size=11, face=LIGHT)
        arrow(ax, (cols[0][0] + cols[0][1] + 0.05, y + row_h / 2), (cols[1][0] - 0.05, y + row_h / 2))
        ax.text(
            (cols[0][0] + cols[0][1] + cols[1][0]) / 2,
            y + row_h / 2 - 0.22,
            "ja",
            ha="center",
            va="bottom",
            fontsize=10.5,
            color=INK,
        )
        arrow(ax, (cols[1][0] + cols[1][1] + 0.05, y + row_h / 2), (cols[2][0] - 0.05, y + row_h / 2))
    ax.text(
        0.0,
        n * (row_h + gap) + 0.75,
        "En forenkling for å stille de riktige spørsmålene. Ikke juridisk rådgivning.",
        ha="left",
        va="center",
        fontsize=11,
        color=GREY,
        style="italic",
    )
    ax.set_title("Regelsjekk før dere tar i bruk ny teknologi", fontsize=14, weight="bold", loc="left", color=INK)
    return save(fig, "regelsjekk")


def main() -> None:
    for path in (facets(), who_when(), rule_check()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1024:.1f} KB")


if __name__ == "__main__":
    main()

"""Draw the figures for the page «Endringsledelse» (book/endringsledelse.md).

Run from the repository root:

    .venv/bin/python scripts/figures/endringsledelse.py

It writes three SVG files to book/figurer/. The output is deterministic (fixed hash salt, no date),
so a rerun gives identical files. All text in the figures is Norwegian; code and comments English.
"""

from __future__ import annotations

import functools
from pathlib import Path

import figstyle

figstyle.use_svg_style("endringsledelse")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import FancyBboxPatch  # noqa: E402

from helseinnovasjon.plotting import CATEGORICAL, INK  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SLUG = "endringsledelse"

BLUE, ORANGE, GREEN, RED, PINK, SKY = CATEGORICAL[:6]
GREY = "#595959"
LIGHT = "#f2f2f2"


save = functools.partial(figstyle.save, slug=SLUG)
arrow = functools.partial(figstyle.arrow, lw=1.8, mutation=16)


box = functools.partial(figstyle.box, size=11, lw=1.4, pad=0.0, rounding=0.08, linespacing=1.2)


def models() -> Path:
    """Lewin, Kotter and Bridges side by side on one (downward) time axis."""
    fig, ax = plt.subplots(figsize=(8.0, 8.6))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10.6)
    ax.axis("off")

    top, bottom = 9.55, 0.35
    # Time axis on the left, pointing down.
    arrow(ax, (0.35, top), (0.35, bottom), colour=GREY, lw=2.0)
    ax.text(
        0.12, (top + bottom) / 2, "Tid", rotation=90, ha="center", va="center", fontsize=12, color=GREY, weight="bold"
    )

    cols = [(0.7, 1.9), (2.8, 3.55), (6.55, 3.45)]  # (x, width) for Lewin, Kotter, Bridges
    heads = ["Lewin:\nendringen\ni gruppa", "Kotter:\nlederens åtte steg", "Bridges:\novergangen\ni hver enkelt"]
    for (x, w), head in zip(cols, heads):
        ax.text(
            x + w / 2, 10.2, head, ha="center", va="center", fontsize=12, weight="bold", color=INK, linespacing=1.15
        )

    # Kotter: eight equal steps.
    kotter = [
        "Skape en følelse av\nat det haster",
        "Sette sammen en\nstyrende koalisjon",
        "Utvikle visjon\nog strategi",
        "Formidle visjonen",
        "Gi mange mulighet\ntil å handle",
        "Skape synlige\ngevinster tidlig",
        "Bygge videre og\nendre mer",
        "Forankre nye\nmåter i kulturen",
    ]
    gap = 0.12
    step = (top - bottom) / 8
    kx, kw = cols[1]
    for i, label in enumerate(kotter):
        y = top - (i + 1) * step + gap / 2
        box(ax, kx, y, kw, step - gap, f"{i + 1}  {label}", face="white", edge=BLUE, size=11, align="left")

    # Lewin: the course's alignment with Kotter's steps 1-4, 5-7 and 8.
    lx, lw_ = cols[0]
    spans = [(0, 4, "Tine opp", BLUE, "-"), (4, 7, "Flytte", ORANGE, "--"), (7, 8, "Fryse\nfast", GREEN, ":")]
    for start, end, label, colour, style in spans:
        y0 = top - end * step + gap / 2
        h = (end - start) * step - gap
        patch = box(ax, lx, y0, lw_, h, label, face=LIGHT, edge=colour, lw=2.4, size=12, weight="bold")
        patch.set_linestyle(style)

    # Bridges: three overlapping phases; the label of each sits where only that phase is going on.
    bx, bw = cols[2]
    span = top - bottom
    phases = [  # (start, end as shares of the axis, label, colour, line style, x offset, label position)
        (0.00, 0.46, "Avslutning:\ngi slipp på\ndet gamle", RED, "-", 0.0, 0.15),
        (0.30, 0.79, "Den nøytrale\nsonen: uvisshet\nog nye ideer", PINK, "--", 0.35, 0.545),
        (0.63, 1.00, "Ny begynnelse:\nny identitet\nog ny energi", GREEN, ":", 0.7, 0.895),
    ]
    width = bw - 0.75
    for start, end, label, colour, style, dx, at in phases:
        y1 = top - start * span
        y0 = top - end * span
        patch = FancyBboxPatch(
            (bx + dx, y0 + 0.04),
            width,
            y1 - y0 - 0.08,
            boxstyle="round,pad=0.0,rounding_size=0.08",
            facecolor=colour,
            edgecolor=colour,
            linewidth=2.4,
            alpha=0.13,
        )
        ax.add_patch(patch)
        edge = FancyBboxPatch(
            (bx + dx, y0 + 0.04),
            width,
            y1 - y0 - 0.08,
            boxstyle="round,pad=0.0,rounding_size=0.08",
            facecolor="none",
            edgecolor=colour,
            linewidth=2.4,
            linestyle=style,
        )
        ax.add_patch(edge)
        ax.text(
            bx + dx + width / 2,
            top - at * span,
            label,
            ha="center",
            va="center",
            fontsize=11,
            color=INK,
            linespacing=1.2,
        )

    return save(fig, "modeller")


def room_for_action() -> Path:
    """The room-for-action map: four nested zones, with the Fjordvik example in each."""
    fig, ax = plt.subplots(figsize=(8.0, 7.0))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 8.8)
    ax.axis("off")

    zones = [  # (title, example, face)
        (
            "4  Krever politisk vedtak eller budsjett",
            "Fjordvik: penger til sensorer og responstjeneste etter prosjektet;\n"
            "nye kriterier for hvem som får digitalt tilsyn",
            "#d9d9d9",
        ),
        (
            "3  Må drøftes med tillitsvalgte, med verneombudet på råd",
            "Fjordvik: ny turnus med færre faste nattrunder;\nnye oppgaver for nattevaktene",
            "#e9e9e9",
        ),
        (
            "2  Avgjør sammen med min leder",
            "Fjordvik: hvor mange tjenestemottakere som er med i\nutprøvingen; overtid til opplæring",
            "#f6f6f6",
        ),
        (
            "1  Jeg bestemmer selv",
            "Fjordvik: møteplan for teamet, hvem som får\nopplæring først, og hvordan\nvi følger opp hver uke",
            "white",
        ),
    ]
    x0, y0, w0, h0 = 0.05, 0.05, 9.9, 8.7
    band, side = 1.62, 0.28
    for i, (title, example, face) in enumerate(zones):
        x, y = x0 + i * side, y0 + i * side
        w, h = w0 - 2 * i * side, h0 - i * band - i * side
        ax.add_patch(
            FancyBboxPatch(
                (x, y), w, h, boxstyle="round,pad=0.0,rounding_size=0.18", facecolor=face, edgecolor=INK, linewidth=1.6
            )
        )
        if i < 3:
            ax.text(x + 0.22, y + h - 0.2, title, ha="left", va="top", fontsize=12, weight="bold", color=INK)
            ax.text(
                x + 0.22,
                y + h - 0.62,
                example,
                ha="left",
                va="top",
                fontsize=11,
                color=INK,
                style="italic",
                linespacing=1.2,
            )
        else:
            ax.text(x + w / 2, y + h / 2 + 0.6, title, ha="center", va="center", fontsize=13, weight="bold", color=INK)
            ax.text(
                x + w / 2,
                y + h / 2 - 0.35,
                example,
                ha="center",
                va="center",
                fontsize=11,
                color=INK,
                style="italic",
                linespacing=1.25,
            )
    return save(fig, "handlingsrom")


def participation() -> Path:
    """Who takes part when: the course's suggestion, along the six phases of KS' roadmap."""
    actors = ["Ansatte", "Tillits-\nvalgte", "Verne-\nombud", "AMU", "Politikere"]
    rows = [  # (phase, marks per actor: 2 = deltar/drøfter, 1 = holdes informert, 0 = ingen egen rolle)
        ("1  Forankring", [2, 2, 2, 2, 2]),
        ("2  Innsikt", [2, 1, 1, 0, 0]),
        ("3  Tjenesteutvikling", [2, 2, 2, 0, 0]),
        ("4  Pilotering", [2, 1, 2, 1, 0]),
        ("5  Overgang til drift", [2, 2, 2, 2, 2]),
        ("6  Ny praksis", [2, 1, 1, 0, 1]),
    ]
    fig, ax = plt.subplots(figsize=(8.0, 5.6))
    ax.set_xlim(0, 10)
    ax.set_ylim(0.4, 7.2)
    ax.axis("off")

    label_w = 3.0
    col_w = (10 - label_w) / len(actors)
    row_h = 0.8
    top = 6.1
    ax.text(0.1, top + 0.5, "Fase i KS\u2019 veikart", ha="left", va="center", fontsize=11, weight="bold", color=GREY)
    for j, actor in enumerate(actors):
        cx = label_w + (j + 0.5) * col_w
        ax.text(cx, top + 0.5, actor, ha="center", va="center", fontsize=11, weight="bold", color=INK, linespacing=1.1)
    for i, (label, marks) in enumerate(rows):
        cy = top - (i + 0.5) * row_h
        if i % 2 == 0:
            ax.add_patch(
                FancyBboxPatch(
                    (0.0, cy - row_h / 2), 10, row_h, boxstyle="square,pad=0", facecolor=LIGHT, edgecolor="none"
                )
            )
        ax.text(0.1, cy, label, ha="left", va="center", fontsize=11, color=INK)
        for j, mark in enumerate(marks):
            cx = label_w + (j + 0.5) * col_w
            if mark == 2:
                ax.plot(cx, cy, marker="o", markersize=15, color=BLUE, markeredgecolor=INK, markeredgewidth=1.2)
            elif mark == 1:
                ax.plot(cx, cy, marker="o", markersize=15, color="white", markeredgecolor=BLUE, markeredgewidth=2.2)
            else:
                ax.plot(cx, cy, marker="_", markersize=12, color=GREY, markeredgewidth=1.5)
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            markersize=13,
            color=BLUE,
            markeredgecolor=INK,
            linestyle="none",
            label="deltar eller drøfter",
        ),
        Line2D(
            [],
            [],
            marker="o",
            markersize=13,
            color="white",
            markeredgecolor=BLUE,
            markeredgewidth=2.2,
            linestyle="none",
            label="holdes informert",
        ),
        Line2D(
            [],
            [],
            marker="_",
            markersize=12,
            color=GREY,
            markeredgewidth=1.5,
            linestyle="none",
            label="ingen egen rolle",
        ),
    ]
    ax.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=3,
        fontsize=11,
        frameon=False,
        handletextpad=0.4,
        columnspacing=1.6,
    )
    return save(fig, "medvirkning")


def main() -> None:
    for path in (models(), room_for_action(), participation()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1024:.1f} KB")


if __name__ == "__main__":
    main()

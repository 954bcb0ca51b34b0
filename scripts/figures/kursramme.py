"""Figures for the course-frame pages (book/prosessmodeller.md, book/kursplan.md).

Run from the repository root:

    .venv/bin/python scripts/figures/kursramme.py

Writes book/figurer/kursramme-prosessmodeller.svg and book/figurer/kursramme-maaleplan.svg.
Reruns give identical files (fixed hash salt, no date in the metadata).
"""

from __future__ import annotations

from pathlib import Path

import figstyle

figstyle.use_svg_style("kursramme")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Polygon  # noqa: E402

from helseinnovasjon.plotting import CATEGORICAL, HATCHES, INK  # noqa: E402

OUT = figstyle.OUT
FONT = 11  # at the figure's own size (8 in wide), i.e. at 100 % width on a desktop page
GREY = "#595959"


def _box(ax, x, y0, y1, width, text, colour, hatch="", size=FONT, weight="normal"):
    """A rounded box from row y0 to row y1 (rows count downwards) with centred text."""
    pad = 0.06
    patch = FancyBboxPatch(
        (x + pad, -y1 + pad),
        width - 2 * pad,
        (y1 - y0) - 2 * pad,
        boxstyle="round,pad=0,rounding_size=0.08",
        linewidth=1.2,
        edgecolor=colour,
        facecolor=colour + "33",
        hatch=hatch,
    )
    ax.add_patch(patch)
    ax.text(
        x + width / 2,
        -(y0 + y1) / 2,
        text,
        ha="center",
        va="center",
        fontsize=size,
        color=INK,
        weight=weight,
        linespacing=1.15,
    )


def _cycle(ax, cx, cy, r, colour, label):
    """A small PDSA cycle: a circle of four arrows with a label in the middle."""
    import numpy as np

    for start in range(4):
        a0 = np.deg2rad(90 - start * 90 - 8)
        a1 = np.deg2rad(90 - (start + 1) * 90 + 8)
        arrow = FancyArrowPatch(
            (cx + r * np.cos(a0), cy + r * np.sin(a0)),
            (cx + r * np.cos(a1), cy + r * np.sin(a1)),
            connectionstyle="arc3,rad=-0.38",
            arrowstyle="-|>",
            mutation_scale=9,
            linewidth=1.4,
            color=colour,
        )
        ax.add_patch(arrow)
    ax.text(cx, cy, label, ha="center", va="center", fontsize=FONT - 1, color=INK)


def process_models() -> Path:
    """Four process models side by side against the course's five phases (rows)."""
    phases = [
        "Starte og\nforankre",
        "Forstå\nbehovet",
        "Utvikle\nog teste",
        "Planlegge\ninnføring",
        "Drift og\nspredning",
    ]
    columns = [
        "Fem steg\n(Helse-\ninnovasjons-\nsenteret)",
        "KS' veikart\nfor tjeneste-\ninnovasjon",
        "Dobbel diamant\n(Design\nCouncil)",
        "PDSA og\nmåling\nover tid",
    ]
    fig = plt.figure(figsize=(8, 7.0))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 8.05)
    ax.set_ylim(-5.1, 1.3)
    ax.axis("off")

    label_w, col_w = 1.3, 1.675
    xs = [label_w + i * col_w for i in range(4)]
    # column headers
    for x, name, colour in zip(xs, columns, CATEGORICAL[:4]):
        ax.text(x + col_w / 2, 0.62, name, ha="center", va="center", fontsize=FONT, weight="bold", color=INK)
        ax.plot([x + 0.1, x + col_w - 0.1], [0.08, 0.08], color=colour, linewidth=3)
    # phase rows: label and a light band on every other row
    for i, phase in enumerate(phases):
        if i % 2 == 0:
            ax.add_patch(plt.Rectangle((0, -(i + 1)), 8, 1, facecolor="#f2f2f2", edgecolor="none", zorder=0))
        ax.text(0.1, -(i + 0.5), phase, ha="left", va="center", fontsize=FONT, weight="bold", color=INK)

    c = CATEGORICAL
    # 1. Helseinnovasjonssenteret's five steps, one per phase
    steps = [
        "1 Idé eller behov\nsjekkes mot\nrelevans",
        "2 Behovet\nverifiseres\ngjennom innsikt",
        "3 Konseptet\nprøves ut",
        "4 Planlegging",
        "5 Avslutning\nog spredning",
    ]
    for i, text in enumerate(steps):
        _box(ax, xs[0], i, i + 1, col_w, text, c[0], HATCHES[0])
    # 2. KS' roadmap, current six phases
    ks = [
        (0, 1, "1 Forankring"),
        (1, 2, "2 Innsikt"),
        (2, 2.5, "3 Tjeneste-\nutvikling"),
        (2.5, 3, "4 Pilotering"),
        (3, 4, "5 Overgang\ntil drift"),
        (4, 5, "6 Ny praksis"),
    ]
    for y0, y1, text in ks:
        _box(ax, xs[1], y0, y1, col_w, text, c[1], HATCHES[1])
    # 3. Double diamond: width = how wide the search is (diverge, converge), twice
    mid = xs[2] + col_w / 2
    half = col_w / 2 - 0.12
    for (top, centre, bottom), (first, second) in [
        ((0.55, 1.25, 2.0), ("Utforske", "Definere")),
        ((2.0, 3.0, 4.0), ("Utvikle", "Levere")),
    ]:
        ax.add_patch(
            Polygon(
                [(mid, -top), (mid + half, -centre), (mid, -bottom), (mid - half, -centre)],
                closed=True,
                facecolor=c[2] + "33",
                edgecolor=c[2],
                linewidth=1.4,
                hatch=HATCHES[4],
            )
        )
        ax.plot([mid - half, mid + half], [-centre, -centre], color=c[2], linewidth=0.8, linestyle=":")
        ax.text(mid, -(top + centre) / 2 - 0.06, first, ha="center", va="center", fontsize=FONT, color=INK)
        ax.text(mid, -(centre + bottom) / 2 + 0.06, second, ha="center", va="center", fontsize=FONT, color=INK)
    ax.text(
        mid, -4.5, "(ikke med\ni modellen)", ha="center", va="center", fontsize=FONT - 1, color=GREY, style="italic"
    )
    # 4. PDSA cycles and measurement over time
    _box(ax, xs[3], 1, 2, col_w, "Måle utgangs-\npunktet: minst\n10 målinger", c[3], HATCHES[3])
    for cy, label in [(-2.28, "PDSA 1"), (-2.78, "PDSA 2"), (-3.4, "PDSA 3")]:
        _cycle(ax, xs[3] + col_w / 2, cy, 0.24, c[3], label)
    ax.text(
        xs[3] + col_w / 2,
        -3.8,
        "større tester",
        ha="center",
        va="center",
        fontsize=FONT - 1,
        color=GREY,
        style="italic",
    )
    _box(ax, xs[3], 4, 5, col_w, "Måle videre\ni drift", c[3], HATCHES[3])
    ax.annotate(
        "",
        xy=(xs[3] + col_w + 0.0, -4.95),
        xytext=(xs[3] + col_w + 0.0, -1.05),
        arrowprops={"arrowstyle": "-|>", "color": GREY, "linewidth": 1.2, "linestyle": "--"},
    )
    # time runs downwards
    ax.annotate(
        "", xy=(0.05, -5.0), xytext=(0.05, 0.0), arrowprops={"arrowstyle": "-|>", "color": GREY, "linewidth": 1}
    )
    ax.text(0.1, 0.62, "Kursets\nfaser", ha="left", va="center", fontsize=FONT, weight="bold", color=INK)

    return figstyle.save(fig, "prosessmodeller", slug="kursramme")


def measurement_plan() -> Path:
    """The course year (VGR's weeks): meetings, weekly measurements, baseline and tests."""
    # Course weeks 2026-2027 as a running index: week 36 of 2026 = 0 ... week 20 of 2027 = 37.
    # ISO year 2026 has 53 weeks, so week 4 of 2027 is 21 weeks after week 36 of 2026.
    meetings = {"36": 0, "39": 3, "43": 7, "50": 14, "4": 21, "8": 25, "11": 28, "15": 32, "20": 37}
    first_measure, change = 3, 21  # measuring weeks 39-53 and 1-3 (18); first test (PDSA) after the meeting in week 4
    last = 37
    fig = plt.figure(figsize=(8, 3.0))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(-5.2, last + 1.6)
    ax.set_ylim(-0.05, 4.0)
    ax.axis("off")
    c = CATEGORICAL
    # phases as bands
    ax.add_patch(
        plt.Rectangle(
            (first_measure - 0.5, 1.0),
            change - first_measure,
            1.1,
            facecolor=c[0] + "33",
            edgecolor=c[0],
            hatch=HATCHES[0],
        )
    )
    ax.text(
        (first_measure + change) / 2 - 0.5,
        1.55,
        "Utgangspunkt: måle hver uke\n(18 målinger før endringen)",
        ha="center",
        va="center",
        fontsize=FONT,
        color=INK,
    )
    ax.add_patch(
        plt.Rectangle(
            (change - 0.5, 1.0), last + 1 - change, 1.1, facecolor=c[1] + "33", edgecolor=c[1], hatch=HATCHES[1]
        )
    )
    ax.text(
        (change + last + 1) / 2 - 0.5,
        1.55,
        "Teste endringen i\nPDSA-sykluser, måle videre",
        ha="center",
        va="center",
        fontsize=FONT,
        color=INK,
    )
    # weekly measurements as dots
    for week in range(first_measure, last + 1):
        ax.plot(week, 0.6, marker="o", markersize=3.2, color=INK if week < change else c[3])
    ax.text(-5.1, 0.6, "Målinger", ha="left", va="center", fontsize=FONT - 1, color=INK)
    # meetings
    for label, x in meetings.items():
        ax.plot([x, x], [2.3, 2.9], color=INK, linewidth=1.6)
        ax.text(x, 3.15, f"uke\n{label}", ha="center", va="bottom", fontsize=FONT - 1, color=INK)
    ax.text(-5.1, 2.6, "Samlinger", ha="left", va="center", fontsize=FONT - 1, color=INK)
    ax.plot([0, last], [2.6, 2.6], color=GREY, linewidth=0.8)
    ax.plot([change - 0.5, change - 0.5], [0.3, 2.1], color=INK, linewidth=1, linestyle="--")
    ax.text(change - 0.2, 0.15, "Første test", ha="left", va="center", fontsize=FONT - 1, color=INK)
    return figstyle.save(fig, "maaleplan", slug="kursramme")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for made in (process_models(), measurement_plan()):
        print(f"{made.relative_to(OUT.parents[1])}: {made.stat().st_size / 1024:.1f} KB")

"""Draw the figures for the chapter «Teamarbeid og prosesser» (book/teamarbeid-og-prosesser.md)
and its page «Prosjektledelse for enhetsledere» (book/prosjektledelse.md).

Run from the repository root:

    .venv/bin/python scripts/figures/teamarbeid-og-prosesser.py

It writes four SVG files to book/figurer/. The output is deterministic (fixed hash salt, no date),
so a rerun gives identical files. All text in the figures is Norwegian; code and comments English.
The figures are model diagrams: they contain no data.
"""

from __future__ import annotations

import functools
from pathlib import Path

import figstyle

figstyle.use_svg_style("teamarbeid-og-prosesser")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyBboxPatch, Rectangle  # noqa: E402

from helseinnovasjon.plotting import CATEGORICAL, HATCHES, INK  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SLUG = "teamarbeid-og-prosesser"

BLUE, ORANGE, GREEN, RED, PINK, SKY = CATEGORICAL[:6]
GREY = "#595959"
LIGHT = "#f2f2f2"


save = functools.partial(figstyle.save, slug=SLUG)
box = figstyle.box
arrow = figstyle.arrow


def blank(ax, xmax, ymax):
    ax.set_xlim(0, xmax)
    ax.set_ylim(0, ymax)
    ax.axis("off")


def zones() -> Path:
    """Edmondson's four zones: psychological safety against demands/accountability (2 x 2)."""
    fig, ax = plt.subplots(figsize=(8.0, 6.0))
    blank(ax, 10, 8.2)
    x0, y0, size = 1.4, 0.9, 3.3
    cells = [
        # (col, row, title, text, face, hatch)
        (0, 1, "Komfortsonen", "Trivelig og trygt,\nmen lite læring:\ningen strekker seg", "#dceaf5", HATCHES[4]),
        (1, 1, "Læringssonen", "Folk sier fra, prøver\nog lærer av feil,\nog kravene er høye", "#d4efe6", ""),
        (0, 0, "Apatisonen", "Lite engasjement:\nfolk gjør det de må\nog holder seg unna", "#eeeeee", HATCHES[3]),
        (1, 0, "Angstsonen", "Høye krav, men folk\ntør ikke spørre,\nsi fra eller feile", "#fbe3d3", HATCHES[1]),
    ]
    for col, row, title, text, face, hatch in cells:
        x, y = x0 + col * size, y0 + row * size
        ax.add_patch(Rectangle((x, y), size, size, facecolor=face, edgecolor=INK, linewidth=1.6, hatch=hatch))
        ax.add_patch(
            Rectangle((x + 0.22, y + 0.22), size - 0.44, size - 0.44, facecolor="white", edgecolor="none", alpha=0.88)
        )
        weight = "bold"
        ax.text(x + size / 2, y + size - 0.55, title, ha="center", va="center", fontsize=13, weight=weight, color=INK)
        ax.text(
            x + size / 2,
            y + (size - 0.8) / 2 + 0.15,
            text,
            ha="center",
            va="center",
            fontsize=12,
            color=INK,
            linespacing=1.3,
        )
    # Axes with arrows.
    arrow(ax, (x0, y0 - 0.25), (x0 + 2 * size + 0.3, y0 - 0.25), lw=1.8)
    arrow(ax, (x0 - 0.25, y0), (x0 - 0.25, y0 + 2 * size + 0.3), lw=1.8)
    ax.text(
        x0 + size, y0 - 0.6, "Krav og ansvarlighet  (lave → høye)", ha="center", va="center", fontsize=12, color=INK
    )
    ax.text(
        x0 - 0.6,
        y0 + size,
        "Psykologisk trygghet  (lav → høy)",
        ha="center",
        va="center",
        fontsize=12,
        color=INK,
        rotation=90,
    )
    return save(fig, "soner")


def stages() -> Path:
    """Tuckman's stages in Norwegian, with what the team and the leader do in each."""
    fig, ax = plt.subplots(figsize=(8.6, 5.6))
    blank(ax, 10.4, 7.5)
    stages_ = [
        (
            "Danne",
            "(forming)",
            "Blir kjent,\nhøflige og\navventende",
            "Gi retning:\nmål, rammer\nog roller",
            "#dceaf5",
            HATCHES[0],
        ),
        (
            "Storme",
            "(storming)",
            "Uenighet om\nmål, roller og\narbeidsmåter",
            "Gjør uenighet\nsaklig, avtal\nhvordan dere\nbestemmer",
            "#fbe3d3",
            HATCHES[1],
        ),
        (
            "Normere",
            "(norming)",
            "Enige om\nnormer,\nmer samhold",
            "Støtt normene,\ngi mer ansvar",
            "#d4efe6",
            HATCHES[5],
        ),
        (
            "Prestere",
            "(performing)",
            "Kreftene går\ntil oppgaven",
            "Gi frihet,\nfjern hindre,\nfølg resultater",
            "#e9e2f0",
            HATCHES[4],
        ),
        (
            "Avslutte",
            "(adjourning)",
            "Gruppen\nslutter og\ngår fra\nhverandre",
            "Feire, lær,\nlever over\ntil drift",
            "#eeeeee",
            HATCHES[3],
        ),
    ]
    w, gap, x = 1.86, 0.22, 0.15
    ax.text(0.15, 6.95, "Teamet", fontsize=12, weight="bold", color=INK, va="center")
    ax.text(0.15, 2.6, "Lederen", fontsize=12, weight="bold", color=INK, va="center")
    for i, (name, eng, team, leader, face, hatch) in enumerate(stages_):
        xi = x + i * (w + gap)
        ls = "--" if i == 4 else "-"
        head = FancyBboxPatch(
            (xi, 5.15),
            w,
            1.35,
            boxstyle="round,pad=0.02,rounding_size=0.12",
            facecolor=face,
            edgecolor=INK,
            linewidth=1.6,
            hatch=hatch,
            linestyle=ls,
        )
        ax.add_patch(head)
        ax.add_patch(Rectangle((xi + 0.12, 5.3), w - 0.24, 1.05, facecolor="white", edgecolor="none", alpha=0.85))
        ax.text(xi + w / 2, 6.05, name, ha="center", va="center", fontsize=13, weight="bold", color=INK)
        ax.text(xi + w / 2, 5.6, eng, ha="center", va="center", fontsize=11, color=INK)
        ax.text(xi + w / 2, 4.95, team, ha="center", va="top", fontsize=11, color=INK, linespacing=1.25)
        box(ax, xi, 0.2, w, 2.05, leader, face=LIGHT, size=11, lw=1.2)
        if i < 4:
            arrow(ax, (xi + w + 0.01, 5.82), (xi + w + gap - 0.01, 5.82), lw=1.8, mutation=14)
    # Back arrow: teams can fall back to storming.
    arrow(
        ax,
        (x + 2 * (w + gap) + w * 0.5, 6.55),
        (x + 1 * (w + gap) + w * 0.5, 6.55),
        lw=1.6,
        ls="--",
        rad=0.45,
        colour=RED,
        mutation=14,
    )
    ax.text(
        x + 1.5 * (w + gap) + w * 0.5,
        7.3,
        "Nye medlemmer eller ny oppgave: tilbake",
        ha="center",
        va="center",
        fontsize=11,
        color=RED,
    )
    ax.text(
        x + 4 * (w + gap) + w / 2,
        6.62,
        "Lagt til i 1977",
        ha="center",
        va="bottom",
        fontsize=11,
        color=GREY,
        style="italic",
    )
    return save(fig, "faser")


def project_phases() -> Path:
    """A small project in a municipal unit: phases, decision points and who owns what."""
    fig, ax = plt.subplots(figsize=(9.0, 5.0))
    blank(ax, 11.6, 6.4)
    phases = [
        ("Idé og\nbehov", "Linjen", "#eeeeee", HATCHES[3]),
        ("Planlegge", "Prosjektet", "#dceaf5", ""),
        ("Gjennom-\nføre", "Prosjektet", "#dceaf5", ""),
        ("Avslutte og\nlevere over", "Prosjektet", "#dceaf5", ""),
        ("Ny praksis\nog gevinster", "Linjen", "#eeeeee", HATCHES[3]),
    ]
    w, gap, x, y, h = 2.0, 0.4, 0.2, 3.0, 1.35
    for i, (name, owner, face, hatch) in enumerate(phases):
        xi = x + i * (w + gap)
        ax.add_patch(
            FancyBboxPatch(
                (xi, y),
                w,
                h,
                boxstyle="round,pad=0.02,rounding_size=0.12",
                facecolor=face,
                edgecolor=INK,
                linewidth=1.6,
                hatch=hatch,
            )
        )
        ax.add_patch(
            Rectangle(
                (xi + 0.14, y + 0.14),
                w - 0.28,
                h - 0.28,
                facecolor="white",
                edgecolor="none",
                alpha=0.88 if hatch else 0.0,
            )
        )
        ax.text(
            xi + w / 2,
            y + h / 2,
            name,
            ha="center",
            va="center",
            fontsize=12,
            weight="bold",
            color=INK,
            linespacing=1.2,
        )
        ax.text(xi + w / 2, y - 0.2, owner, ha="center", va="top", fontsize=11, color=INK)
        if i < 4:
            bx = xi + w + gap / 2
            ax.plot([bx], [y + h / 2], marker="D", markersize=12, color=ORANGE, markeredgecolor=INK)
    ax.plot([0.45], [5.85], marker="D", markersize=12, color=ORANGE, markeredgecolor=INK)
    ax.text(
        0.75, 5.85, "Beslutningspunkt: prosjekteieren sier ja, nei eller «endre»", fontsize=11, color=INK, va="center"
    )
    # Milestones inside the execution phase.
    xg = x + 2 * (w + gap)
    for mx in (xg + 0.5, xg + 1.0, xg + 1.5):
        ax.plot([mx], [y + h + 0.25], marker="v", markersize=11, color=GREEN, markeredgecolor=INK)
    ax.text(xg + w / 2, y + h + 0.5, "Milepæler", ha="center", va="bottom", fontsize=11, color=INK)
    # Roles band.
    box(
        ax,
        0.2,
        0.2,
        4.4,
        1.5,
        "Prosjekteier (linjeleder):\nmandat, ressurser og\nbeslutninger; eier effektmålene",
        face="white",
        size=11,
        lw=1.2,
    )
    box(
        ax,
        4.8,
        0.2,
        3.2,
        1.5,
        "Prosjektleder og\nprosjektgruppe:\nleverer resultatmålene",
        face="white",
        size=11,
        lw=1.2,
    )
    box(ax, 8.2, 0.2, 3.2, 1.5, "Gevinstansvarlig\ni linjen: tar ut\ngevinstene", face="white", size=11, lw=1.2)
    return save(fig, "prosjektfaser")


def risk_matrix() -> Path:
    """A 3 x 3 risk matrix: probability against consequence, with three example risks."""
    fig, ax = plt.subplots(figsize=(8.0, 6.0))
    blank(ax, 10, 8)
    x0, y0, s = 2.2, 1.2, 2.0
    levels = ["Lav", "Middels", "Høy"]
    # score = (row + 1) * (col + 1); colour and hatch by band so it reads in grey scale.
    for row in range(3):
        for col in range(3):
            score = (row + 1) * (col + 1)
            if score >= 6:
                face, hatch, label = "#fbe3d3", HATCHES[3], "Handle nå"
            elif score >= 3:
                face, hatch, label = "#fdf1cc", HATCHES[1], "Følg med,\nha en plan"
            else:
                face, hatch, label = "#d4efe6", "", "Godta"
            ax.add_patch(
                Rectangle((x0 + col * s, y0 + row * s), s, s, facecolor=face, edgecolor=INK, linewidth=1.4, hatch=hatch)
            )
            ax.add_patch(
                Rectangle(
                    (x0 + col * s + 0.2, y0 + row * s + 1.05),
                    s - 0.4,
                    0.75,
                    facecolor="white",
                    edgecolor="none",
                    alpha=0.85,
                )
            )
            ax.text(
                x0 + col * s + s / 2,
                y0 + row * s + 1.42,
                label,
                ha="center",
                va="center",
                fontsize=11,
                color=INK,
                linespacing=1.1,
            )
    for i, lev in enumerate(levels):
        ax.text(x0 + i * s + s / 2, y0 - 0.3, lev, ha="center", va="top", fontsize=12, color=INK)
        ax.text(x0 - 0.2, y0 + i * s + s / 2, lev, ha="right", va="center", fontsize=12, color=INK)
    ax.text(
        x0 + 1.5 * s,
        y0 - 0.95,
        "Konsekvens hvis det skjer",
        ha="center",
        va="top",
        fontsize=12,
        weight="bold",
        color=INK,
    )
    ax.text(
        0.35,
        y0 + 1.5 * s,
        "Sannsynlighet",
        ha="center",
        va="center",
        fontsize=12,
        weight="bold",
        color=INK,
        rotation=90,
    )
    # Example risks as numbered markers (described in the caption).
    examples = [(2, 2, "1"), (1, 2, "2"), (0, 1, "3")]  # (col, row, label)
    for col, row, lab in examples:
        cx, cy = x0 + col * s + s / 2, y0 + row * s + 0.55
        ax.add_patch(plt.Circle((cx, cy), 0.3, facecolor=BLUE, edgecolor=INK, linewidth=1.2))
        ax.text(cx, cy, lab, ha="center", va="center", fontsize=12, weight="bold", color="white")
    return save(fig, "risikomatrise")


if __name__ == "__main__":
    for path in (zones(), stages(), project_phases(), risk_matrix()):
        print(f"Skrev {path.relative_to(ROOT)} ({path.stat().st_size / 1024:.1f} KB)")

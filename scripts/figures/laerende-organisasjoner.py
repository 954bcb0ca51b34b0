"""Draw the figures for the chapter «Lærende organisasjoner» (book/laerende-organisasjoner.md).

Run from the repository root:

    .venv/bin/python scripts/figures/laerende-organisasjoner.py

It writes four SVG files to book/figurer/. The output is deterministic (fixed hash salt, no date),
so a rerun gives identical files. All text in the figures is Norwegian; code and comments English.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

import figstyle

figstyle.use_svg_style("laerende-organisasjoner")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Wedge  # noqa: E402

from helseinnovasjon import formatting, runchart  # noqa: E402
from helseinnovasjon.plotting import CATEGORICAL, INK  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SLUG = "laerende-organisasjoner"

BLUE, ORANGE, GREEN, RED, PINK, SKY = CATEGORICAL[:6]
GREY = "#595959"
LIGHT = "#f2f2f2"


save = functools.partial(figstyle.save, slug=SLUG)
box = figstyle.box
arrow = figstyle.arrow


def loops() -> Path:
    """Single- and double-loop learning (Argyris & Schön), with a home-care example."""
    fig, ax = plt.subplots(figsize=(8.0, 5.0))
    ax.set_xlim(0, 10)
    ax.set_ylim(-0.1, 6.35)
    ax.axis("off")

    w, h, y = 2.8, 2.2, 2.0
    xs = [0.15, 3.6, 7.05]
    titles = ["Antakelser, mål\nog regler", "Handlinger", "Resultater"]
    examples = [
        "«Trygt tilsyn betyr\nat noen går inn\ntil personen»",
        "Faste runder\nhver natt",
        "Mange vekkes,\nfall oppdages\nlikevel sent",
    ]
    faces = [LIGHT, "white", "white"]
    for x, title, example, face in zip(xs, titles, examples, faces):
        box(ax, x, y, w, h, "", face=face)
        ax.text(
            x + w / 2,
            y + h - 0.2,
            title,
            ha="center",
            va="top",
            fontsize=13,
            weight="bold",
            color=INK,
            linespacing=1.15,
        )
        ax.text(
            x + w / 2,
            y + 0.15,
            example,
            ha="center",
            va="bottom",
            fontsize=11,
            color=GREY,
            style="italic",
            linespacing=1.2,
        )
    arrow(ax, (xs[0] + w + 0.04, y + h / 2), (xs[1] - 0.04, y + h / 2))
    arrow(ax, (xs[1] + w + 0.04, y + h / 2), (xs[2] - 0.04, y + h / 2))

    # Single loop above: results back to actions (solid, blue).
    arrow(ax, (xs[2] + w * 0.5, y + h + 0.05), (xs[1] + w * 0.5, y + h + 0.05), colour=BLUE, lw=2.4, rad=0.45)
    ax.text(
        (xs[1] + xs[2] + w) / 2,
        y + h + 1.35,
        "Enkeltkretslæring: endre handlingen",
        ha="center",
        va="bottom",
        fontsize=12,
        color=BLUE,
        weight="bold",
    )
    # Double loop below: results back to the assumptions (dashed, red-orange).
    arrow(ax, (xs[2] + w * 0.5, y - 0.05), (xs[0] + w * 0.5, y - 0.05), colour=RED, lw=2.4, ls="--", rad=-0.25)
    ax.text(
        5.0,
        -0.05,
        "Dobbeltkretslæring: endre antakelsene bak handlingen",
        ha="center",
        va="bottom",
        fontsize=12,
        color=RED,
        weight="bold",
    )
    return save(fig, "kretslaering")


def improvement_model() -> Path:
    """The Model for Improvement: three questions beside a PDSA cycle with verbs in the infinitive."""
    fig, ax = plt.subplots(figsize=(8.6, 4.9))
    ax.set_xlim(0, 13.5)
    ax.set_ylim(0, 7.7)
    ax.set_aspect("equal")
    ax.axis("off")

    ax.text(0.15, 7.6, "Tre spørsmål", fontsize=13, weight="bold", color=INK, va="top")
    questions = [
        ("Mål", "Hva ønsker vi\nå oppnå?"),
        ("Måling", "Hvordan vet vi at en\nendring er en forbedring?"),
        ("Endring", "Hvilke endringer kan vi\ngjøre som gir forbedring?"),
    ]
    for i, (label, text) in enumerate(questions):
        yy = 5.55 - i * 1.85
        box(ax, 0.15, yy, 1.75, 1.35, label, face=LIGHT, size=12, weight="bold")
        box(ax, 2.05, yy, 4.55, 1.35, text, size=12)
    arrow(ax, (6.75, 3.7), (7.45, 3.7), lw=2.2)

    cx, cy, r = 10.2, 3.6, 3.05
    ax.text(cx, 7.6, "PDSA-sirkelen", fontsize=13, weight="bold", color=INK, va="top", ha="center")
    steps = [  # quadrant start angle (degrees), label, subtitle, colour
        (0, "Planlegge", "mål, spådom,\nhvem, hva,\nnår", BLUE),
        (270, "Gjennomføre", "teste i\nliten skala,\nnotere", ORANGE),
        (180, "Studere", "sammen-\nligne med\nspådommen", GREEN),
        (90, "Handle", "justere,\nutvide eller\nforkaste", PINK),
    ]
    for start, label, sub, colour in steps:
        ax.add_patch(Wedge((cx, cy), r, start, start + 90, facecolor=colour, alpha=0.22, edgecolor=INK, linewidth=1.6))
        mid = math.radians(start + 45)
        tx, ty = cx + 0.62 * r * math.cos(mid), cy + 0.5 * r * math.sin(mid)
        ax.text(tx, ty + 0.5, label, ha="center", va="center", fontsize=12, weight="bold", color=INK)
        ax.text(tx, ty - 0.3, sub, ha="center", va="center", fontsize=11, color=INK, linespacing=1.15)
    # The cycle runs clockwise: Planlegge -> Gjennomføre -> Studere -> Handle.
    for angle in (45, -45, -135, 135):
        a0, a1 = math.radians(angle + 14), math.radians(angle - 14)
        p0 = (cx + (r + 0.25) * math.cos(a0), cy + (r + 0.25) * math.sin(a0))
        p1 = (cx + (r + 0.25) * math.cos(a1), cy + (r + 0.25) * math.sin(a1))
        arrow(ax, p0, p1, lw=1.8, rad=-0.25, mutation=14)
    return save(fig, "forbedringsmodellen")


def ramp() -> Path:
    """A ramp of PDSA cycles: each test a little bigger than the last (the Fjordvik case)."""
    fig, ax = plt.subplots(figsize=(8.0, 4.4))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 5.5)
    ax.axis("off")

    ax.fill([0.3, 9.7, 9.7], [0.45, 0.45, 3.6], color=LIGHT, zorder=0)
    ax.plot([0.3, 9.7], [0.45, 3.6], color=GREY, linewidth=1.4, zorder=1)
    tests = [
        ("1", "Én person,\nén natt"),
        ("2", "Én person,\nén uke"),
        ("3", "Fem personer,\nto uker"),
        ("4", "Hele nattlaget\ni én sone"),
    ]
    colours = [BLUE, ORANGE, GREEN, PINK]
    xs = [1.4, 3.75, 6.1, 8.45]
    for (num, label), x, colour in zip(tests, xs, colours):
        y_ramp = 0.45 + (x - 0.3) / 9.4 * 3.15
        rr = 0.42 + 0.06 * int(num)
        ax.add_patch(
            Wedge((x, y_ramp + rr + 0.05), rr, 0, 360, facecolor=colour, alpha=0.3, edgecolor=INK, linewidth=1.6)
        )
        ax.text(
            x,
            y_ramp + rr + 0.05,
            f"PDSA\n{num}",
            ha="center",
            va="center",
            fontsize=11,
            weight="bold",
            color=INK,
            linespacing=1.1,
        )
        ax.text(x, y_ramp + 2 * rr + 0.2, label, ha="center", va="bottom", fontsize=11, color=INK, linespacing=1.2)
    ax.text(
        9.65,
        0.05,
        "Hver test litt større: mer tro på endringen, flere med",
        ha="right",
        va="bottom",
        fontsize=11,
        color=GREY,
        style="italic",
    )
    return save(fig, "pdsa-rampe")


def _longest_run(values: list[float], median: float) -> tuple[int, int]:
    """Start index and length of the longest run on one side of the median (points on it skipped)."""
    best, start, length, side = (0, 0), 0, 0, 0
    for i, v in enumerate(values):
        s = (v > median) - (v < median)
        if s == 0:
            continue
        if s == side:
            length += 1
        else:
            start, length, side = i, 1, s
        if length > best[1]:
            best = (start, length)
    return best


def annotated_run_chart() -> Path:
    """The course's illustrative run chart, annotated: baseline, median and the longest run."""
    values = runchart.load_example().tolist()
    result = runchart.analyse(values)
    n = len(values)
    weeks = list(range(1, n + 1))
    fig, ax = plt.subplots(figsize=(8.0, 4.4))
    ax.axvspan(0.5, 12.5, color="#ececec", zorder=0)
    ax.text(6.5, 24.3, "Grunnlag: 12 uker før endringen", ha="center", va="center", fontsize=11, color=INK)
    ax.axvline(12.5, color=GREY, linewidth=1.4, linestyle=":")
    ax.text(12.75, 24.3, "Ny planlegging av rundene", ha="left", va="center", fontsize=11, color=INK)
    ax.plot(
        weeks,
        values,
        color=BLUE,
        linewidth=2.0,
        marker="o",
        markersize=6,
        zorder=3,
        label="Andel medisinrunder som startet for sent",
    )
    median_text = formatting.format_number(result.median, 1)
    ax.axhline(
        result.median,
        color=ORANGE,
        linewidth=2.2,
        linestyle="--",
        zorder=2,
        label=f"Median for alle 24 uker ({median_text} %)",
    )
    start, length = _longest_run(values, result.median)
    ax.plot(
        weeks[start : start + length],
        values[start : start + length],
        linestyle="none",
        marker="s",
        markersize=11,
        markerfacecolor="none",
        markeredgecolor=RED,
        markeredgewidth=1.8,
        zorder=4,
        label=f"Lengste serie: {length} punkter på rad (grensen er {result.longest_run_limit})",
    )
    ax.set_xlim(0.5, n + 0.5)
    ax.set_ylim(0, 25.8)
    ax.set_xticks([1, 4, 8, 12, 16, 20, 24])
    ax.set_xlabel("Uke", fontsize=12, color=INK)
    ax.set_ylabel("Prosent av rundene", fontsize=12, color=INK)
    ax.tick_params(labelsize=11, colors=INK)
    ax.grid(True, color="#d9d9d9", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.17), ncol=1, fontsize=11, frameon=False)
    return save(fig, "kjoreark")


def main() -> None:
    for draw in (loops, improvement_model, ramp, annotated_run_chart):
        path = draw()
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size / 1024:.1f} KB")


if __name__ == "__main__":
    main()

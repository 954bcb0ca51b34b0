"""Draw the figures for the page «Finansiering og gevinster» (book/finansiering-og-gevinster.md).

Run from the repository root:

    .venv/bin/python scripts/figures/finansiering-og-gevinster.py

It writes three SVG files to book/figurer/. The output is deterministic (fixed hash salt, no
date), so a rerun gives identical files. All text in the figures is Norwegian; code and
comments English. The Fjordvik numbers are illustrative, made for the course.
"""

from __future__ import annotations

import functools
from pathlib import Path

import figstyle

figstyle.use_svg_style("finansiering-og-gevinster")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyBboxPatch  # noqa: E402

from helseinnovasjon import benefits  # noqa: E402
from helseinnovasjon.plotting import CATEGORICAL, HATCHES, INK  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SLUG = "finansiering-og-gevinster"

BLUE, ORANGE, GREEN, RED, PINK, SKY = CATEGORICAL[:6]
GREY = "#595959"
LIGHT = "#f2f2f2"


save = functools.partial(figstyle.save, slug=SLUG)
arrow = functools.partial(figstyle.arrow, lw=1.8, mutation=16)


def box(ax, x, y, w, h, *, face="white", edge=INK, hatch="", lw=1.5):
    ax.add_patch(
        FancyBboxPatch(
            (x, y),
            w,
            h,
            boxstyle="round,pad=0.02,rounding_size=0.1",
            facecolor=face,
            edgecolor=edge,
            linewidth=lw,
            hatch=hatch,
        )
    )


def sources() -> Path:
    """Which money and which tools fit which stage of a municipal innovation project (the
    course's simplification of the schemes described in the chapter)."""
    stages = [
        (
            "1  Behov og innsikt",
            "Egen tid og drift. Forprosjektmidler (Forskningsrådet)\n"
            "og prosjektskjønn (Statsforvalteren) der det lyses ut.",
        ),
        (
            "2  Utvikling og utprøving",
            "Kompetanse- og innovasjonstilskuddet (Statsforvalteren).\n"
            "Forskningsrådet med FoU-partner. EU4Health, Horisont Europa.",
        ),
        (
            "3  Anskaffelse",
            "Dialog med markedet, innovasjonspartnerskap.\n"
            "Veiledning fra LUP og DFØ. Risikoavlastning (Innovasjon Norge).",
        ),
        (
            "4  Drift og spredning",
            "Kommunens ordinære budsjett. Gevinstplanen følges opp.\nTilskudd dekker sjelden vanlig drift.",
        ),
    ]
    faces = [LIGHT, "#dcebf5", "#fbe8cc", "#d6efe6"]
    hatches = ["", HATCHES[1], HATCHES[4], ""]
    fig, ax = plt.subplots(figsize=(10.0, 6.0))
    ax.set_xlim(0, 12)
    ax.set_ylim(0, 8.4)
    ax.axis("off")
    height, gap = 1.55, 0.5
    left = 4.1
    for i, ((stage, text), face, hatch) in enumerate(zip(stages, faces, hatches)):
        y = 8.2 - (i + 1) * height - i * gap
        box(ax, 0.05, y, left, height, face=face, hatch=hatch)
        ax.text(
            0.25,
            y + height / 2,
            stage,
            ha="left",
            va="center",
            fontsize=12,
            weight="bold",
            color=INK,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
        )
        box(ax, left + 0.25, y, 11.95 - left - 0.25, height, face="white")
        ax.text(left + 0.45, y + height / 2, text, ha="left", va="center", fontsize=11, color=INK, linespacing=1.4)
        if i < len(stages) - 1:
            arrow(ax, (1.0, y - 0.02), (1.0, y - gap + 0.02))
    return save(fig, "kilder")


def benefit_map() -> Path:
    """A benefits map for the Fjordvik case: measure -> changes -> benefits -> goals, with the
    conditions that must hold. Illustrative."""
    fig, ax = plt.subplots(figsize=(10.5, 6.4))
    ax.set_xlim(0, 14)
    ax.set_ylim(0, 8.3)
    ax.axis("off")
    width = 2.7
    xs = [0.1, 3.8, 7.5, 11.2]
    for x, title in zip(xs, ["Tiltak", "Endring i arbeidet", "Gevinst", "Mål"]):
        ax.text(x + width / 2, 8.05, title, ha="center", va="center", fontsize=13, weight="bold", color=INK)
    box(ax, xs[0], 3.6, width, 1.5, face=LIGHT)
    ax.text(xs[0] + width / 2, 4.35, "Digitalt tilsyn\nom natten", ha="center", va="center", fontsize=12, color=INK)
    changes = ["Færre faste\nnattbesøk", "Kortere kjøring\nom natten", "Varsel når noe\nfaktisk skjer"]
    gains = [
        ("Bedre nattesøvn", "kvalitet", ""),
        ("Frigjort tid", "tid", HATCHES[1]),
        ("Lavere kjøreutgifter", "kontant", HATCHES[4]),
    ]
    goals = ["Trygghet\nhjemme", "Mer kapasitet\ni tjenesten"]
    ys = [6.2, 4.0, 1.8]
    for y, change in zip(ys, changes):
        box(ax, xs[1], y, width, 1.2)
        ax.text(xs[1] + width / 2, y + 0.6, change, ha="center", va="center", fontsize=11, color=INK)
        arrow(ax, (xs[0] + width + 0.05, 4.35), (xs[1] - 0.05, y + 0.6))
    faces = {"kvalitet": "#fbe8cc", "tid": "#dcebf5", "kontant": "#d6efe6"}
    for y, (gain, kind, hatch) in zip(ys, gains):
        box(ax, xs[2], y, width, 1.2, face=faces[kind], hatch=hatch)
        ax.text(
            xs[2] + width / 2,
            y + 0.6,
            f"{gain}\n({kind})",
            ha="center",
            va="center",
            fontsize=11,
            color=INK,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.2},
        )
    for c, g in [(0, 0), (2, 0), (0, 1), (1, 2)]:  # change -> gain
        arrow(ax, (xs[1] + width + 0.05, ys[c] + 0.6), (xs[2] - 0.05, ys[g] + 0.6), colour=GREY, lw=1.4)
    goal_ys = [5.1, 2.9]
    for y, goal in zip(goal_ys, goals):
        box(ax, xs[3], y, width, 1.2, face=LIGHT)
        ax.text(xs[3] + width / 2, y + 0.6, goal, ha="center", va="center", fontsize=11, color=INK)
    for g, goal in [(0, 0), (1, 1), (2, 1)]:
        arrow(ax, (xs[2] + width + 0.05, ys[g] + 0.6), (xs[3] - 0.05, goal_ys[goal] + 0.6), colour=GREY, lw=1.4)
    box(ax, 0.1, 0.05, 13.8, 1.3, face="white", edge=GREY, lw=1.2)
    ax.text(
        0.35,
        0.7,
        "Forutsetninger: tjenestemottakeren samtykker, og vedtaket endres. Responsen virker hver natt.\n"
        "Den frigjorte tiden planlegges inn i turnus, ellers blir den borte i hverdagen.",
        ha="left",
        va="center",
        fontsize=11,
        color=INK,
        linespacing=1.4,
    )
    return save(fig, "gevinstkart")


def fjordvik() -> Path:
    """The illustrative Fjordvik calculation: yearly costs and benefits, and the tornado chart."""
    answer = benefits.example("Fjordvik: kost og nytte (illustrerende tall)")
    return save(answer.figure.fig, "fjordvik")


if __name__ == "__main__":
    for path in (sources(), benefit_map(), fjordvik()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1024:.1f} KB")

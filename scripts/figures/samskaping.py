"""Draw the figures for the chapter «Samskaping» (book/samskaping.md and book/tjenestedesign.md).

Run from the repository root:

    .venv/bin/python scripts/figures/samskaping.py

It writes three SVG files to book/figurer/:

- samskaping-hvem-og-naar.svg: who must contribute, and at which stage (after Helseinnovasjonssenteret;
  the placing of the marks is the course's own reading, and the caption says so);
- samskaping-brukerreise.svg: a user journey with an emotion curve for one (fictional) service recipient
  in the running case «Digitalt tilsyn om natten» in the fictional Fjordvik kommune (illustrative values);
- samskaping-tjenesteblakopi.svg: a service blueprint (Shostack 1984; Bitner, Ostrom & Morgan 2008) for
  the same fictional case.

The output is deterministic (fixed hash salt, no date), so a rerun gives identical files. All text in
the figures is Norwegian; code and comments are English.
"""

from __future__ import annotations

import functools
from pathlib import Path

import figstyle

figstyle.use_svg_style("samskaping")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyBboxPatch, Polygon, Rectangle  # noqa: E402

from helseinnovasjon.plotting import CATEGORICAL, HATCHES, INK  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SLUG = "samskaping"

BLUE, ORANGE, GREEN, RED, PINK, SKY = CATEGORICAL[:6]
GREY = "#595959"
LIGHT = "#f2f2f2"
MID = "#d9d9d9"


save = functools.partial(figstyle.save, slug=SLUG, pad_inches=0.08)


def who_and_when() -> Path:
    """A matrix: the five stages of Helseinnovasjonssenteret's practice-near model (columns) and the
    actors who must contribute (rows). Filled circle = leads or contributes heavily at that stage;
    open circle = supports. The placing is the course's reading of the source, not the source's own."""
    stages = [
        "Idé eller\nbehov\nvurderes",
        "Behovet\nbekreftes\ngjennom\ninnsikt",
        "Konseptet\nprøves ut",
        "Planlegging",
        "Avslutte\nog spre",
    ]
    actors = [
        "Tjenestemottakere\nog pårørende",
        "Ansatte",
        "Ledere og\nadministrasjon",
        "Politikere",
        "Andre kommuner\nog nettverk",
        "KS og nasjonale\nmyndigheter",
        "Akademia, næringsliv,\nlag og foreninger",
    ]
    # 2 = leads / heavy contribution, 1 = supports, 0 = little role at this stage.
    marks = [
        [2, 2, 2, 1, 1],
        [2, 2, 2, 2, 1],
        [1, 1, 1, 2, 2],
        [1, 0, 0, 2, 1],
        [1, 0, 1, 1, 2],
        [1, 0, 0, 1, 2],
        [1, 1, 2, 1, 1],
    ]

    fig, ax = plt.subplots(figsize=(7.6, 6.4))
    label_w = 2.35
    col_w = 1.42
    n_cols = len(stages)
    top = len(actors) + 0.2
    ax.set_xlim(0, label_w + n_cols * col_w + 0.05)
    ax.set_ylim(-1.05, top + 1.95)
    ax.axis("off")

    # Stage chevrons across the top.
    for j, stage in enumerate(stages):
        x0 = label_w + j * col_w
        y0 = top + 0.1
        tip = 0.13
        hgt = 1.75
        pts = [
            (x0, y0),
            (x0 + col_w - tip, y0),
            (x0 + col_w, y0 + hgt / 2),
            (x0 + col_w - tip, y0 + hgt),
            (x0, y0 + hgt),
            (x0 + tip, y0 + hgt / 2),
        ]
        face = LIGHT if j % 2 == 0 else MID
        hatch = HATCHES[0]  # plain fill: a hatch would cross the text
        ax.add_patch(Polygon(pts, closed=True, facecolor=face, edgecolor=INK, linewidth=1.2, hatch=hatch))
        ax.text(
            x0 + col_w / 2 + 0.03,
            y0 + hgt / 2,
            stage,
            ha="center",
            va="center",
            fontsize=10,
            color=INK,
            linespacing=1.1,
        )

    # Rows with actor labels and marks.
    for i, (actor, row) in enumerate(zip(actors, marks)):
        yc = top - 0.5 - i
        if i % 2 == 0:
            ax.add_patch(Rectangle((0, yc - 0.5), label_w + n_cols * col_w, 1.0, facecolor="#f7f7f7", edgecolor="none"))
        ax.text(0.05, yc, actor, ha="left", va="center", fontsize=10.5, color=INK, linespacing=1.15)
        for j, value in enumerate(row):
            xc = label_w + j * col_w + col_w / 2
            if value == 2:
                ax.plot(xc, yc, marker="o", markersize=15, color=BLUE, markeredgecolor=INK, markeredgewidth=1.2)
            elif value == 1:
                ax.plot(
                    xc, yc, marker="o", markersize=12, markerfacecolor="white", markeredgecolor=INK, markeredgewidth=1.4
                )

    # Legend below the matrix.
    ly = -0.55
    ax.plot(0.2, ly, marker="o", markersize=15, color=BLUE, markeredgecolor=INK, markeredgewidth=1.2)
    ax.text(0.45, ly, "leder eller bidrar mye", ha="left", va="center", fontsize=10.5, color=INK)
    ax.plot(3.6, ly, marker="o", markersize=12, markerfacecolor="white", markeredgecolor=INK, markeredgewidth=1.4)
    ax.text(3.85, ly, "støtter, blir hørt eller sprer", ha="left", va="center", fontsize=10.5, color=INK)
    return save(fig, "hvem-og-naar")


def journey() -> Path:
    """A user journey with an emotion curve for one fictional service recipient (illustrative values)."""
    steps = [
        "Vedtak om\nnattilsyn",
        "Samtale\nom tilsyn",
        "Sensoren\nmonteres",
        "Første\nnatt",
        "Sensoren\nvarsler",
        "Vanlige\nnetter",
        "Oppfølging\netter en\nmåned",
    ]
    touch = ["brev", "hjemme-\nbesøk", "montør", "ingen", "telefon,\nbesøk", "ingen", "samtale"]
    feeling = [-1, -1.5, -1, -2, 1, 1, 1.5]
    pains = {1: ("Redd for å bli\novervåket", (1.25, 0.35)), 3: ("Vet ikke om noen\nfølger med", (3.3, -0.75))}

    fig, ax = plt.subplots(figsize=(7.6, 5.0))
    xs = list(range(len(steps)))
    ax.set_xlim(-0.55, len(steps) - 0.45)
    ax.set_ylim(-4.3, 2.7)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_color(GREY)
    ax.spines["left"].set_bounds(-2.2, 2.2)
    ax.set_yticks([-2, -1, 0, 1, 2])
    ax.set_yticklabels(["svært\nutrygg", "utrygg", "nøytral", "trygg", "svært\ntrygg"], fontsize=10)
    ax.tick_params(axis="y", length=0, colors=INK)
    ax.set_xticks([])
    ax.grid(False)
    ax.axhline(0, color=GREY, linewidth=0.9, linestyle=(0, (4, 3)))
    for y in (-2, -1, 1, 2):
        ax.axhline(y, color="#e6e6e6", linewidth=0.8, zorder=0)

    ax.plot(
        xs,
        feeling,
        color=BLUE,
        linewidth=2.6,
        marker="o",
        markersize=9,
        markeredgecolor=INK,
        markeredgewidth=1.0,
        zorder=3,
    )
    for j, (text, pos) in pains.items():
        ax.plot(
            j,
            feeling[j],
            marker="o",
            markersize=18,
            markerfacecolor="none",
            markeredgecolor=RED,
            markeredgewidth=2.2,
            zorder=4,
        )
        ax.annotate(
            text,
            xy=(j, feeling[j]),
            xytext=pos,
            ha="left",
            va="center",
            fontsize=10,
            color=INK,
            arrowprops={"arrowstyle": "-", "color": RED, "linewidth": 1.4, "shrinkA": 2, "shrinkB": 9},
            bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": RED, "linewidth": 1.0},
        )

    # Steps and touchpoints as two rows of labels under the plot, separated by thin rules.
    ax.plot([-0.5, len(steps) - 0.5], [-2.45, -2.45], color=GREY, linewidth=0.8, clip_on=False)
    ax.plot([-0.5, len(steps) - 0.5], [-3.55, -3.55], color=MID, linewidth=0.8, clip_on=False)
    for j, (step, tp) in enumerate(zip(steps, touch)):
        ax.text(j, -2.58, step, ha="center", va="top", fontsize=10, color=INK, linespacing=1.05)
        ax.text(j, -3.68, tp, ha="center", va="top", fontsize=10, color=GREY, style="italic", linespacing=1.05)
    ax.text(-0.62, -3.0, "Trinn", ha="right", va="center", fontsize=10, color=GREY)
    ax.text(-0.62, -3.92, "Kontakt-\npunkt", ha="right", va="center", fontsize=10, color=GREY, linespacing=1.05)
    ax.set_ylabel("Hvordan Signe har det", fontsize=11, color=INK)
    ax.yaxis.set_label_coords(-0.115, 0.68)
    ax.text(len(steps) - 0.5, 2.6, "Fiktivt eksempel", ha="right", va="top", fontsize=10, color=GREY, style="italic")
    return save(fig, "brukerreise")


def blueprint() -> Path:
    """A service blueprint for the fictional night-time digital supervision service."""
    steps = ["Samtale", "Montering", "Varsel", "Besøk", "Oppfølging"]
    lanes = [
        (
            "Fysiske\nspor",
            [
                "brosjyre,\nvedtak",
                "sensor på\nveggen,\nbruksark",
                "lys og lyd\nfra\nsensoren",
                "nøkkel-\nboks,\nuniform",
                "notat i\njournalen",
            ],
        ),
        (
            "Tjeneste-\nmottakeren",
            [
                "spør hva\nsensoren\nser",
                "viser hvor\nhun sover",
                "står opp\nog faller",
                "får hjelp\nopp",
                "sier hva\nsom var\nutrygt",
            ],
        ),
        (
            "Ansatte:\nsynlig",
            [
                "sykepleier\nforklarer,\nspør om\nsamtykke",
                "montør og\nsykepleier\ntilpasser",
                "",
                "nattevakt\nhjelper\nog sjekker",
                "sykepleier\nspør og\nlytter",
            ],
        ),
        (
            "Ansatte:\nusynlig",
            [
                "vurderer\nbehov,\nskriver\nvedtak",
                "tester\nvarsel\nmot\nmottak",
                "varsel\nvurderes\ni mottaket",
                "ruten\nlegges om\ni natt",
                "går\ngjennom\nvarslene",
            ],
        ),
        (
            "Støtte-\nprosesser",
            [
                "tildelings-\nkontor",
                "IT og\nleveran-\ndør",
                "respons-\nsenter,\nnettverk",
                "bil og\nnøkler",
                "avvik og\nforbedring",
            ],
        ),
    ]
    fig, ax = plt.subplots(figsize=(7.6, 7.6))
    label_w = 1.42
    col_w = 1.3
    row_h = 1.3
    head_h = 0.6
    legend_h = 0.75
    n_cols = len(steps)
    n_rows = len(lanes)
    width = label_w + n_cols * col_w
    height = head_h + n_rows * row_h
    ax.set_xlim(-0.02, width + 0.02)
    ax.set_ylim(-legend_h, height + 0.05)
    ax.axis("off")

    faces = ["white", "#e8f1f8", "white", "#ececec", "white"]
    for i, (lane, cells) in enumerate(lanes):
        y0 = height - head_h - (i + 1) * row_h
        ax.add_patch(Rectangle((0, y0), width, row_h, facecolor=faces[i], edgecolor="none", zorder=0))
        ax.text(
            0.04, y0 + row_h / 2, lane, ha="left", va="center", fontsize=10.5, weight="bold", color=INK, linespacing=1.1
        )
        for j, cell in enumerate(cells):
            if not cell:
                continue
            xc = label_w + j * col_w + col_w / 2
            ax.add_patch(
                FancyBboxPatch(
                    (xc - col_w / 2 + 0.06, y0 + 0.08),
                    col_w - 0.12,
                    row_h - 0.16,
                    boxstyle="round,pad=0.0,rounding_size=0.08",
                    facecolor="white",
                    edgecolor=GREY,
                    linewidth=0.9,
                    zorder=1,
                )
            )
            ax.text(
                xc, y0 + row_h / 2, cell, ha="center", va="center", fontsize=10, color=INK, linespacing=1.05, zorder=2
            )

    for j, step in enumerate(steps):
        xc = label_w + j * col_w + col_w / 2
        ax.add_patch(
            FancyBboxPatch(
                (xc - col_w / 2 + 0.05, height - head_h + 0.06),
                col_w - 0.1,
                head_h - 0.1,
                boxstyle="round,pad=0.0,rounding_size=0.1",
                facecolor=BLUE,
                edgecolor=INK,
                linewidth=1.0,
                zorder=1,
            )
        )
        ax.text(
            xc,
            height - head_h / 2 + 0.01,
            step,
            ha="center",
            va="center",
            fontsize=10,
            color="white",
            weight="bold",
            zorder=2,
        )

    # The three lines of the blueprint, between lanes 2|3, 3|4 and 4|5, explained in a legend below.
    line_specs = [
        (2, "samhandlingslinjen", INK, "-", 2.2),
        (3, "synlighetslinjen", RED, (0, (6, 3)), 2.2),
        (4, "intern samhandlingslinje", INK, (0, (1.5, 2)), 1.8),
    ]
    legend_x = [0.0, 2.75, 5.25]
    for (k, label, colour, style, lw), lx in zip(line_specs, legend_x):
        y = height - head_h - k * row_h
        ax.plot([0, width], [y, y], color=colour, linestyle=style, linewidth=lw, zorder=3)
        ly = -legend_h / 2
        ax.plot([lx, lx + 0.55], [ly, ly], color=colour, linestyle=style, linewidth=lw)
        ax.text(lx + 0.65, ly, label, ha="left", va="center", fontsize=10, color=INK)
    return save(fig, "tjenesteblakopi")


if __name__ == "__main__":
    for made in (who_and_when(), journey(), blueprint()):
        print(f"Skrev {made.relative_to(ROOT)} ({made.stat().st_size // 1024} KB)")

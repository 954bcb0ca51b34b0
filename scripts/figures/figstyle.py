"""What every chapter's figure script shares: the SVG settings and one way to save.

Each script in this folder draws the figures of one chapter into book/figurer/. They all write SVG
with the text kept as text (searchable, small, drawn in the reader's font), a fixed hash salt and no
date, so a rerun gives byte-identical files. Import this module before matplotlib.pyplot.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

OUT = Path(__file__).resolve().parents[2] / "book" / "figurer"


def use_svg_style(salt: str) -> None:
    """Headless drawing, text as text in the SVG, and ids that stay the same from run to run."""
    matplotlib.use("Agg")
    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["svg.hashsalt"] = salt
    matplotlib.rcParams["font.family"] = "DejaVu Sans"


def save(fig, name: str, *, slug: str, tight: bool = True, pad_inches: float = 0.1) -> Path:
    """Write ``book/figurer/<slug>-<name>.svg`` (no date in it) and close the figure."""
    import matplotlib.pyplot as plt

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{slug}-{name}.svg"
    if tight:
        fig.savefig(path, format="svg", metadata={"Date": None}, bbox_inches="tight", pad_inches=pad_inches)
    else:
        fig.savefig(path, format="svg", metadata={"Date": None})
    plt.close(fig)
    return path


def box(
    ax,
    x,
    y,
    w,
    h,
    text,
    *,
    face="white",
    edge=None,
    size=12,
    weight="normal",
    hatch="",
    lw=1.6,
    colour=None,
    pad=0.02,
    rounding=0.12,
    linespacing=1.3,
    align="center",
):
    """A rounded box with its text centred, or ``align="left"`` from 0.12 in (the process figures'
    one box); ``edge`` and ``colour`` default to ink."""
    from matplotlib.patches import FancyBboxPatch

    from helseinnovasjon.plotting import INK

    patch = FancyBboxPatch(
        (x, y),
        w,
        h,
        boxstyle=f"round,pad={pad},rounding_size={rounding}",
        facecolor=face,
        edgecolor=edge or INK,
        linewidth=lw,
        hatch=hatch,
    )
    ax.add_patch(patch)
    ax.text(
        x + w / 2 if align == "center" else x + 0.12,
        y + h / 2,
        text,
        ha=align,
        va="center",
        fontsize=size,
        color=colour or INK,
        weight=weight,
        linespacing=linespacing,
    )
    return patch


def arrow(ax, start, end, *, style="-|>", colour=None, lw=2.0, ls="-", rad=0.0, mutation=18):
    """An arrow from ``start`` to ``end`` (bent by ``rad``); ``colour`` defaults to ink."""
    from matplotlib.patches import FancyArrowPatch

    from helseinnovasjon.plotting import INK

    ax.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle=style,
            mutation_scale=mutation,
            color=colour or INK,
            linewidth=lw,
            linestyle=ls,
            connectionstyle=f"arc3,rad={rad}",
        )
    )

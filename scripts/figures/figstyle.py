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


def box(ax, x, y, w, h, text, *, face="white", edge=None, size=12, weight="normal", hatch="", lw=1.6, colour=None):
    """A rounded box with centred text (the process figures' one box); ``edge`` and ``colour`` default to ink."""
    from matplotlib.patches import FancyBboxPatch

    from helseinnovasjon.plotting import INK

    patch = FancyBboxPatch(
        (x, y),
        w,
        h,
        boxstyle="round,pad=0.02,rounding_size=0.12",
        facecolor=face,
        edgecolor=edge or INK,
        linewidth=lw,
        hatch=hatch,
    )
    ax.add_patch(patch)
    ax.text(
        x + w / 2,
        y + h / 2,
        text,
        ha="center",
        va="center",
        fontsize=size,
        color=colour or INK,
        weight=weight,
        linespacing=1.3,
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

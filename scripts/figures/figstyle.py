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

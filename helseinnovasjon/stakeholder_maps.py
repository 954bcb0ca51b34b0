"""The stakeholder maps: Mendelow's power/interest grid and Mitchell, Agle & Wood's salience diagram.

Both take the validated :class:`~helseinnovasjon.stakeholders.Stakeholder` list and return a
:class:`~helseinnovasjon.plotting.Chart` with alt text and caption. The grid names every stakeholder
beside its point; :func:`layout_labels` keeps the names off each other, off the points and inside the
frame. The scales and classifications themselves are in :mod:`helseinnovasjon.stakeholders`.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import Circle

from . import plotting
from . import stakeholders as st
from .errors import InputError

# -- label placement ------------------------------------------------------------------------------

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def layout_labels(
    anchors: Sequence[tuple[float, float]],
    sizes: Sequence[tuple[float, float]],
    bounds: Box,
    *,
    marker: float = 7.0,
    pad: float = 2.0,
    steps: int = 24,
) -> list[Box]:
    """Boxes for labels near their points, not on each other, on a point, or outside ``bounds``.

    A deterministic greedy search: each label (crowded points first) tries positions on
    rings of growing radius around its point, 16 directions per ring, and takes the first
    one that is free; if none is, the one with the least overlap."""
    points = [(x - marker, y - marker, x + marker, y + marker) for x, y in anchors]
    crowd = [sum(1 for bx, by in anchors if abs(bx - ax) < 80 and abs(by - ay) < 60) for ax, ay in anchors]
    order = sorted(range(len(anchors)), key=lambda i: (-crowd[i], -anchors[i][1], anchors[i][0]))
    placed: dict[int, Box] = {}
    directions = [
        (math.cos(a), math.sin(a))
        for a in (math.radians(d) for d in (0, 180, 90, 270, 30, 150, 210, 330, 60, 120, 240, 300, 15, 165, 195, 345))
    ]
    for i in order:
        (x, y), (w, h) = anchors[i], sizes[i]
        best: tuple[float, Box] | None = None
        for step in range(steps):
            radius = marker + pad + 6.0 * step
            for dx, dy in directions:
                # the box touches the ring on the side facing the point
                cx = x + dx * (radius + w / 2)
                cy = y + dy * (radius + h / 2)
                box = (cx - w / 2 - pad, cy - h / 2 - pad, cx + w / 2 + pad, cy + h / 2 + pad)
                if box[0] < bounds[0] or box[1] < bounds[1] or box[2] > bounds[2] or box[3] > bounds[3]:
                    continue
                cost = sum(_overlap(box, other) for other in placed.values())
                cost += sum(_overlap(box, p) for p in points)
                if best is None or cost < best[0]:
                    best = (cost, box)
                if cost == 0:
                    break
            if best is not None and best[0] == 0:
                break
        placed[i] = best[1] if best else (x, y, x + w, y + h)
    return [placed[i] for i in range(len(anchors))]


def short_label(name: str, width: int = 20, lines: int = 2) -> str:
    """A name wrapped for a label: at most ``lines`` lines, long words kept whole."""
    wrapped = textwrap.wrap(name, width, max_lines=lines, placeholder=" …", break_long_words=False)
    return "\n".join(wrapped) or name


def _spread(items: Sequence[st.Stakeholder]) -> list[tuple[float, float]]:
    """Data positions (interest, power); stakeholders on the same cell are spread on a small circle."""
    cells: dict[tuple[int, int], list[int]] = {}
    for i, item in enumerate(items):
        cells.setdefault((item.interest, item.power), []).append(i)
    positions: list[tuple[float, float]] = [(0.0, 0.0)] * len(items)
    for (x, y), members in cells.items():
        for k, i in enumerate(members):
            if len(members) == 1:
                positions[i] = (float(x), float(y))
            else:
                angle = math.pi / 2 + 2 * math.pi * k / len(members)
                positions[i] = (x + 0.2 * math.cos(angle), y + 0.2 * math.sin(angle))
    return positions


ATTITUDE_STYLE = {  # colour and marker: apart in colour-blind vision and in grey-scale
    -2: ("#D55E00", "v"),
    -1: ("#E69F00", "v"),
    0: ("#595959", "o"),
    1: ("#56B4E9", "^"),
    2: ("#0072B2", "^"),
}


def grid(
    items: Sequence[st.Stakeholder], *, title: str = "Interessentkart", illustrative: bool = False
) -> plotting.Chart:
    """Mendelow's power/interest grid with every stakeholder named, coloured by attitude."""
    if not items:
        raise InputError("lista er tom", "Legg til minst én interessent for å tegne kartet.")
    fig, ax = plotting.new_figure((9.0, 7.0), margins={"left": 0.09, "right": 0.98, "top": 0.86, "bottom": 0.09})
    positions = _spread(items)
    with mpl.rc_context(plotting.STYLE):
        ax.set_xlim(0.4, 5.6)
        ax.set_ylim(0.4, 5.6)
        ax.set_xticks(range(1, 6))
        ax.set_yticks(range(1, 6))
        ax.set_xlabel("Interesse (1–5)")
        ax.set_ylabel("Makt (1–5)")
        ax.grid(False)
        for value in (st.HIGH - 0.5,):
            ax.axvline(value, color="#8c8c8c", linewidth=1.2, linestyle="--")
            ax.axhline(value, color="#8c8c8c", linewidth=1.2, linestyle="--")
        corners = {
            (True, True): (5.55, 5.55, "right"),
            (True, False): (0.45, 5.55, "left"),
            (False, True): (5.55, 0.45, "right"),
            (False, False): (0.45, 0.45, "left"),
        }
        for quadrant, (x, y, ha) in corners.items():
            ax.text(
                x,
                y,
                st.QUADRANTS[quadrant][0],
                ha=ha,
                va="top" if y > 3 else "bottom",
                fontsize=10,
                color="#595959",
                fontstyle="italic",
            )
        for attitude, (colour, marker) in ATTITUDE_STYLE.items():
            chosen = [p for p, i in zip(positions, items) if i.attitude == attitude]
            if chosen:
                ax.scatter(
                    [p[0] for p in chosen],
                    [p[1] for p in chosen],
                    s=70,
                    color=colour,
                    marker=marker,
                    edgecolor="white",
                    linewidth=0.8,
                    zorder=3,
                    label=st.ATTITUDES[attitude],
                )
        canvas = FigureCanvasAgg(fig)
        renderer = canvas.get_renderer()
        texts = [
            ax.text(
                0,
                0,
                short_label(i.name),
                fontsize=8.5,
                ha="center",
                va="center",
                zorder=4,
                linespacing=1.0,
                gid="interessent-etikett",
            )
            for i in items
        ]
        sizes = [(t.get_window_extent(renderer).width, t.get_window_extent(renderer).height) for t in texts]
        anchors = [tuple(ax.transData.transform(p)) for p in positions]
        frame = ax.get_window_extent(renderer)
        boxes = layout_labels(anchors, sizes, (frame.x0, frame.y0, frame.x1, frame.y1))
        inverse = ax.transData.inverted()
        for text, box, anchor, pos in zip(texts, boxes, anchors, positions):
            centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
            x, y = inverse.transform(centre)
            text.set_position((float(x), float(y)))
            if math.dist(centre, anchor) > 22 + max(box[2] - box[0], box[3] - box[1]) / 2:
                edge = inverse.transform((min(max(anchor[0], box[0]), box[2]), min(max(anchor[1], box[1]), box[3])))
                ax.plot([pos[0], edge[0]], [pos[1], edge[1]], color="#8c8c8c", linewidth=0.7, zorder=2)
        plotting.figure_title(fig, title, x=0.09, y=0.98)
        ax.legend(
            title="Holdning",
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncols=5,
            borderaxespad=0.3,
            fontsize=9,
            title_fontsize=9,
        )
    counts = {q: sum(1 for i in items if i.quadrant == q) for q, _ in st.QUADRANTS.values()}
    key_players = [i.name for i in items if i.quadrant == "Nøkkelaktør"]
    note = " Dataene er illustrerende, skrevet for kurset." if illustrative else ""
    alt = (
        f"Interessentkart med {len(items)} interessenter etter makt og interesse. "
        + ", ".join(f"{q}: {n}" for q, n in counts.items())
        + ". "
        + (f"Nøkkelaktører: {st.name_list(key_players, 10)}." if key_players else "Ingen nøkkelaktører.")
    )
    caption = (
        f"Makt og interesse for {len(items)} interessenter (4 og 5 regnes som stort). Farge og form viser "
        f"holdning til prosjektet.{note} {st.SOURCE}"
    )
    return plotting.Chart(fig, alt, caption)


VENN = {"makt": ((0.0, 0.62), "Makt"), "legitimitet": ((-0.58, -0.38), "Legitimitet"), "hast": ((0.58, -0.38), "Hast")}
RADIUS = 1.0


def _region_centres() -> dict[tuple[bool, bool, bool], tuple[float, float]]:
    """Where to write each salience class: the centroid of its region of the Venn diagram."""
    sums: dict[tuple[bool, bool, bool], list[float]] = {}
    centres = [c for c, _ in VENN.values()]
    steps = 120
    for ix in range(steps + 1):
        for iy in range(steps + 1):
            x, y = -1.7 + 3.4 * ix / steps, -1.5 + 3.2 * iy / steps
            a, b, c = (math.dist((x, y), centre) <= RADIUS for centre in centres)
            inside = (a, b, c)
            if any(inside):
                acc = sums.setdefault(inside, [0.0, 0.0, 0.0])
                acc[0] += x
                acc[1] += y
                acc[2] += 1
    return {k: (v[0] / v[2], v[1] / v[2]) for k, v in sums.items()}


def salience_chart(items: Sequence[st.Stakeholder], *, illustrative: bool = False) -> plotting.Chart:
    """Mitchell, Agle & Wood's three attributes as a Venn diagram, with the names per class beside it."""
    if not items:
        raise InputError("lista er tom", "Legg til minst én interessent for å tegne figuren.")
    fig, ax = plotting.new_figure((10.0, 6.0), margins={"left": 0.01, "right": 0.99, "top": 0.9, "bottom": 0.02})
    ax.set_position((0.01, 0.02, 0.5, 0.86))
    panel = fig.add_axes((0.53, 0.02, 0.46, 0.86))
    by_class: dict[tuple[bool, bool, bool], list[str]] = {}
    for item in items:
        by_class.setdefault((item.has_power, item.legitimacy, item.urgency), []).append(item.name)
    with mpl.rc_context(plotting.STYLE):
        for (centre, name), colour, hatch in zip(VENN.values(), plotting.CATEGORICAL, ("", "//", "..")):
            ax.add_patch(
                Circle(centre, RADIUS, facecolor=colour, alpha=0.18, hatch=hatch, edgecolor=colour, linewidth=2)
            )
            ax.add_patch(Circle(centre, RADIUS, fill=False, edgecolor=colour, linewidth=2))
            offset = (centre[0] * 0.85, centre[1] + (0.55 if centre[1] > 0 else -0.55))
            ax.text(*offset, name, ha="center", va="center", fontsize=11, fontweight="bold", color=plotting.INK)
        for attrs, (x, y) in _region_centres().items():
            count = len(by_class.get(attrs, []))
            ax.text(
                x,
                y,
                f"{st.SALIENCE[attrs][0]}\n{count}",
                ha="center",
                va="center",
                fontsize=9,
                fontweight="bold" if count else "normal",
                color=plotting.INK if count else "#595959",
                linespacing=1.1,
            )
        outside = len(by_class.get((False, False, False), []))
        ax.text(
            -1.65,
            -1.45,
            f"Utenfor: {st.SALIENCE[(False, False, False)][0].lower()} ({outside})",
            fontsize=9,
            va="bottom",
        )
        ax.set_xlim(-1.7, 1.7)
        ax.set_ylim(-1.5, 1.7)
        ax.set_aspect("equal")
        ax.axis("off")
        panel.axis("off")
        lines = []
        order = [
            (True, True, True),
            (True, True, False),
            (True, False, True),
            (False, True, True),
            (True, False, False),
            (False, True, False),
            (False, False, True),
            (False, False, False),
        ]
        for attrs in order:
            names = by_class.get(attrs)
            if names:
                wrapped = textwrap.wrap(", ".join(names), 52)
                lines.append((f"{st.SALIENCE[attrs][0]} ({len(names)})", wrapped))
        y = 1.0
        size = 9 if sum(1 + len(w) for _, w in lines) <= 30 else 7.5
        step = 0.034 if size == 9 else 0.028
        for heading, wrapped in lines:
            panel.text(0, y, heading, fontsize=size, fontweight="bold", va="top", transform=panel.transAxes)
            y -= step
            for line in wrapped:
                panel.text(0.03, y, line, fontsize=size, va="top", transform=panel.transAxes)
                y -= step
            y -= step * 0.4
        plotting.figure_title(fig, "Hvem krever mest oppmerksomhet?", x=0.01, y=0.98)
    definitive = by_class.get((True, True, True), [])
    note = " Dataene er illustrerende, skrevet for kurset." if illustrative else ""
    alt = (
        "Venndiagram med tre sirkler: makt, legitimitet og hast. "
        + "; ".join(f"{st.SALIENCE[a][0]}: {st.name_list(n, 20)}" for a, n in by_class.items())
        + "."
    )
    caption = (
        f"Interessentene etter Mitchell, Agle og Woods tre egenskaper. {len(definitive)} av {len(items)} har "
        f"alle tre og er avgjørende.{note} Modell: Mitchell, Agle og Wood (1997)."
    )
    return plotting.Chart(fig, alt, caption)

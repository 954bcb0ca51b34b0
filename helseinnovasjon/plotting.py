"""The book's single plotting style: colour-blind-safe colours, Norwegian numbers,
and figures that always carry alt text and a caption.

Every chart in the course is a :class:`Chart`: a matplotlib figure plus its alt text
(what a screen reader says) and caption (what everyone reads under it). A Chart shows
itself in Jupyter and on the static website as an HTML ``<figure>`` with ``<img alt>``
and ``<figcaption>``, and can be saved as PNG or SVG for a meeting.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib as mpl
import pandas as pd
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator
from PIL import Image

from .errors import InputError
from .formatting import format_number, format_percent

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common
# colour-vision deficiency. Ordered so the first colours are also far apart in grey.
CATEGORICAL = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
# Hatches keep series apart when printed in black and white.
HATCHES = ["", "//", "..", "xx", "\\\\", "--", "oo", "++"]
INK = "#1a1a1a"

# Any keys: matplotlib's stubs list every rc key as a Literal, which a plain dict literal cannot match.
STYLE: dict[Any, Any] = {
    "figure.figsize": (7.5, 4.2),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.facecolor": "white",
    "font.family": "DejaVu Sans",
    "font.size": 11,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelcolor": INK,
    "axes.edgecolor": "#595959",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#d9d9d9",
    "grid.linewidth": 0.8,
    "axes.axisbelow": True,
    "axes.prop_cycle": cycler(color=CATEGORICAL),
    "text.color": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "legend.frameon": False,
    "svg.fonttype": "none",
}


def percent_axis(axis) -> None:
    """Label an axis (``ax.xaxis`` or ``ax.yaxis``) in Norwegian percent."""
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: format_percent(v)))


def number_axis(axis, decimals: int = 0) -> None:
    """Label an axis with Norwegian numbers (space as thousands separator)."""
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v, decimals)))


def year_axis(axis, ticks: Sequence[int]) -> None:
    """Whole years as tick labels (no thousands separator: 2040, not 2 040)."""
    axis.set_ticks(list(ticks))
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: str(round(v))))


def sequential(n: int) -> list[str]:
    """``n`` colours for ordered groups (age groups, scale steps), dark to light.

    Taken from *cividis*, which was designed to read the same with colour-vision
    deficiencies and whose lightness rises steadily, so the order survives grey-scale.
    """
    cmap = mpl.colormaps["cividis"]
    if n == 1:
        return [mpl.colors.to_hex(cmap(0.2))]
    return [mpl.colors.to_hex(cmap(0.05 + 0.85 * i / (n - 1))) for i in range(n)]


def text_colour(background: str) -> str:
    """Black or white, whichever contrasts more with ``background`` (WCAG formula).

    Pure black, not the softer ``INK``: mid-tones need every bit of contrast to
    reach the 4.5:1 that WCAG asks of small text.
    """
    lum = relative_luminance(background)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "white"


def relative_luminance(colour: str) -> float:
    """The WCAG 2.1 relative luminance of a colour."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in mpl.colors.to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def figure_title(fig: Figure, text: str, *, x: float = 0.02, y: float = 0.98) -> None:
    """The book's figure title: left-aligned at ``x``, in the style's title size and weight."""
    fig.suptitle(text, x=x, y=y, ha="left", fontsize=STYLE["axes.titlesize"], fontweight=STYLE["axes.titleweight"])


def new_figure(
    figsize: tuple[float, float] | None = None, *, margins: dict[str, float] | None = None
) -> tuple[Figure, Axes]:
    """A figure and axes in the book's style.

    Margins are found by constrained layout, unless fixed ``margins`` (as for
    ``Figure.subplots_adjust``) are given: that halves the drawing time, which
    matters when a notebook precomputes many views. The figure is not registered
    with pyplot, so Jupyter does not show it twice: wrap it in a :class:`Chart`.
    """
    with mpl.rc_context(STYLE):
        fig = Figure(figsize=figsize or STYLE["figure.figsize"], layout=None if margins else "constrained")
        if margins:
            fig.subplots_adjust(**margins)
        ax = fig.subplots()
    return fig, ax


@dataclass
class Chart:
    """A finished figure with the text that must travel with it.

    ``alt`` describes what the figure shows for someone who cannot see it (the main
    pattern and the key numbers); ``caption`` is the visible figure text, including
    the source of the data.
    """

    fig: Figure
    alt: str
    caption: str
    _html: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.alt.strip() or not self.caption.strip():
            raise ValueError("A Chart needs both alt text and a caption.")

    def png(self) -> bytes:
        """The figure as a compact PNG (a 64-colour palette: a quarter of the bytes)."""
        with mpl.rc_context(STYLE):
            canvas = FigureCanvasAgg(self.fig)
            canvas.draw()
        image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        compact = io.BytesIO()
        image.convert("RGB").quantize(colors=64, method=Image.Quantize.FASTOCTREE).save(compact, format="PNG")
        return compact.getvalue()

    def to_html(self) -> str:
        """The chart as an accessible HTML ``<figure>`` (image embedded)."""
        if self._html is None:
            data = base64.b64encode(self.png()).decode("ascii")
            self._html = (
                '<figure class="hi-figur">'
                f'<img src="data:image/png;base64,{data}" alt="{html.escape(self.alt)}" '
                'style="max-width:100%;height:auto">'
                f"<figcaption>{html.escape(self.caption)}</figcaption>"
                "</figure>"
            )
        return self._html

    def _repr_html_(self) -> str:
        return self.to_html()

    def save(self, path: str | Path) -> Path:
        """Save as PNG or SVG (by the file ending), e.g. to bring to a meeting."""
        path = Path(path)
        if path.suffix.lower() not in {".png", ".svg"}:
            raise InputError(
                f"filtypen «{path.suffix or '(ingen)'}» kan ikke brukes for figurer",
                "Gi filen endelsen .png eller .svg.",
                source=path.name,
            )
        with mpl.rc_context(STYLE):
            self.fig.savefig(path, metadata={"Title": self.caption} if path.suffix.lower() == ".png" else None)
        return path


@dataclass
class Answer:
    """A result as notebooks show it (the answer in one sentence, then the figure) and as
    the project file keeps it (:meth:`record`, used by «Lagre i prosjektet mitt»)."""

    text: str
    figure: Chart
    numbers: dict
    source: str = ""

    def _repr_html_(self) -> str:
        # role="status": screen readers announce the new answer when a control changes it
        return f'<p class="hi-svar" role="status"><strong>{html.escape(self.text)}</strong></p>{self.figure.to_html()}'

    def record(self) -> dict:
        """The sentence, the numbers and the source, as plain JSON for the project file."""
        return {"tekst": self.text, "tall": self.numbers, "kilde": self.source}


def stacked_shares(
    shares: pd.DataFrame,
    *,
    title: str,
    legend_title: str,
    min_label: float = 6.0,
) -> tuple[Figure, Axes]:
    """Horizontal 100 % bars: one bar per row, one segment per (ordered) column.

    ``shares`` holds percentages; each row should sum to about 100. Segments of at
    least ``min_label`` percent carry their value, so the chart reads without colour.
    """
    colours = sequential(shares.shape[1])
    height = max(2.6, 0.42 * len(shares) + 1.6)
    fig, ax = new_figure((9.0, height))
    with mpl.rc_context(STYLE):
        left = pd.Series(0.0, index=shares.index)
        for column, colour in zip(shares.columns, colours):
            values = shares[column].astype(float)
            bars = ax.barh(
                shares.index, values, left=left, color=colour, edgecolor="white", linewidth=1.2, label=column
            )
            for bar, value in zip(bars, values):
                if value >= min_label:
                    ax.text(
                        bar.get_x() + bar.get_width() / 2,
                        bar.get_y() + bar.get_height() / 2,
                        format_number(value),
                        ha="center",
                        va="center",
                        fontsize=9,
                        color=text_colour(colour),
                    )
            left = left + values
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xticks([0, 25, 50, 75, 100])
        percent_axis(ax.xaxis)
        ax.grid(axis="y", visible=False)
        ax.set_title(title)
        fig.legend(
            title=legend_title, ncols=min(5, shares.shape[1]), loc="outside lower center", fontsize=9, title_fontsize=9
        )
        ax.tick_params(axis="y", length=0)
    return fig, ax


def grouped_bars(
    series: Mapping[str, Sequence[float]],
    categories: Sequence[str],
    *,
    title: str,
    ylabel: str,
    percent: bool = True,
    decimals: int = 0,
) -> tuple[Figure, Axes]:
    """Vertical bars side by side: one group per category, one bar per series.

    Every bar carries its value (``decimals`` decimals), so the chart reads without colour.
    """
    fig, ax = new_figure(margins={"left": 0.12, "right": 0.98, "top": 0.84, "bottom": 0.1})
    n = len(series)
    width = 0.8 / n
    with mpl.rc_context(STYLE):
        for i, (name, values) in enumerate(series.items()):
            positions = [c + (i - (n - 1) / 2) * width for c in range(len(categories))]
            bars = ax.bar(
                positions,
                values,
                width=width,
                label=name,
                color=CATEGORICAL[i],
                hatch=HATCHES[i],
                edgecolor="white",
                linewidth=0.8,
            )
            labels = [format_percent(v, decimals) if percent else format_number(v, decimals) for v in values]
            ax.bar_label(bars, labels=labels, padding=2, fontsize=9)
        ax.set_xticks(range(len(categories)), categories)
        ax.set_ylabel(ylabel)
        if percent:
            percent_axis(ax.yaxis)
        else:
            number_axis(ax.yaxis)
        if min(min(v) for v in series.values()) < 0:
            ax.axhline(0, color=INK, linewidth=0.8)
        ax.grid(axis="x", visible=False)
        ax.margins(y=0.12)
        figure_title(fig, title, x=0.12, y=0.98)
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=len(series), borderaxespad=0.3)
    return fig, ax


def lines(
    series: Mapping[str, pd.Series],
    *,
    title: str,
    ylabel: str,
    dashed: Sequence[str] = (),
    shade: tuple[str, str, str] | None = None,
) -> tuple[Figure, Axes]:
    """Lines over years, y axis from zero; ``shade=(lower, upper, label)`` fills the gap
    where ``upper`` is above ``lower``. Dashed lines stay apart in grey-scale print."""
    fig, ax = new_figure(margins={"left": 0.15, "right": 0.97, "top": 0.84, "bottom": 0.1})
    with mpl.rc_context(STYLE):
        for i, (name, values) in enumerate(series.items()):
            ax.plot(
                values.index,
                values,
                color=CATEGORICAL[i],
                linewidth=2.5,
                linestyle="--" if name in dashed else "-",
                label=name,
            )
        if shade:
            lower, upper, label = shade
            ax.fill_between(
                series[lower].index,
                series[lower],
                series[upper],
                where=series[upper] > series[lower],
                color=CATEGORICAL[1],
                alpha=0.25,
                label=label,
            )
        years = list(next(iter(series.values())).index)
        ax.set_xlim(years[0], years[-1])
        year_axis(ax.xaxis, [y for y in years if (y - years[0]) % 3 == 0])
        ax.set_ylim(bottom=0)
        number_axis(ax.yaxis)
        ax.set_ylabel(ylabel)
        figure_title(fig, title, x=0.15, y=0.98)
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=len(series) + bool(shade), borderaxespad=0.3)
    return fig, ax


def run_chart(
    values: Sequence[float],
    centre: float,
    labels: Sequence[str],
    *,
    title: str,
    ylabel: str,
    centre_label: str = "Median",
    limits: tuple[float, float] | None = None,
    highlight: Sequence[int] = (),
    baseline: int | None = None,
) -> tuple[Figure, Axes]:
    """Measurements in time order, joined by a line, with a dashed centre line (the median of a
    run chart). A control chart adds ``limits`` (lower, upper) as dotted lines, marks the points
    in ``highlight`` (outside the limits) and shades the ``baseline`` the limits come from."""
    fig, ax = new_figure(margins={"left": 0.12, "right": 0.97, "top": 0.84, "bottom": 0.16})
    positions = list(range(len(values)))
    with mpl.rc_context(STYLE):
        if baseline:
            ax.axvspan(-0.5, baseline - 0.5, color="#ececec", zorder=0, label="Grunnlag for grensene")
        ax.plot(positions, values, color=CATEGORICAL[0], linewidth=1.8, marker="o", markersize=5, label="Måling")
        ax.axhline(centre, color=CATEGORICAL[3], linewidth=1.8, linestyle="--", label=centre_label)
        if limits is not None:
            for level in limits:
                ax.axhline(level, color=INK, linewidth=1.2, linestyle=":")
            ax.plot([], [], color=INK, linewidth=1.2, linestyle=":", label="Grenser")
        if highlight:
            ax.scatter(
                [positions[i] for i in highlight],
                [values[i] for i in highlight],
                s=110,
                marker="D",
                facecolor=CATEGORICAL[1],
                edgecolor=INK,
                zorder=4,
                label="Utenfor grensene",
            )
        step = max(1, len(values) // 12)
        ax.set_xticks(positions[::step], [str(label) for label in labels][::step])
        ax.set_xlim(-0.5, len(values) - 0.5)
        ax.set_ylabel(ylabel)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
        shown = [*values, *(limits or ())]
        number_axis(ax.yaxis, 1 if max(shown) - min(shown) < 5 else 0)
        ax.grid(axis="x", visible=False)
        figure_title(fig, title, x=0.12, y=0.98)
        ax.legend(
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncols=5 if limits is not None else 2,
            borderaxespad=0.3,
            fontsize=8.5 if limits is not None else None,
        )
    return fig, ax

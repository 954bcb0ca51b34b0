"""The stakeholder maps: label placement, the power/interest grid and the salience diagram."""

from __future__ import annotations

import itertools
import random

import pytest

from helseinnovasjon import stakeholder_maps as maps
from helseinnovasjon import stakeholders as st
from helseinnovasjon.errors import InputError

from .test_stakeholders import make


def _overlaps(boxes):
    return [
        (a, b)
        for a, b in itertools.combinations(boxes, 2)
        if min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5
    ]


def test_layout_puts_crowded_labels_apart_and_inside():
    rng = random.Random(4)
    anchors = [(rng.uniform(100, 700), rng.uniform(80, 520)) for _ in range(30)]
    sizes = [(rng.uniform(40, 120), 24.0) for _ in anchors]
    boxes = maps.layout_labels(anchors, sizes, (50, 40, 750, 560))
    assert _overlaps(boxes) == []
    assert all(b[0] >= 50 and b[1] >= 40 and b[2] <= 750 and b[3] <= 560 for b in boxes)
    assert boxes == maps.layout_labels(anchors, sizes, (50, 40, 750, 560))  # deterministic


@pytest.mark.parametrize("seed", [1, 2])
def test_grid_labels_of_30_stakeholders_do_not_overlap(seed):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    rng = random.Random(seed)
    items = [
        make(
            f"Interessent {n} {'med et langt navn' if n % 3 == 0 else ''}".strip(),
            rng.randint(1, 5),
            rng.randint(1, 5),
            holdning=rng.randint(-2, 2),
        )
        for n in range(30)
    ]
    chart = maps.grid(items)
    renderer = FigureCanvasAgg(chart.fig).get_renderer()
    labels = [t for t in chart.fig.axes[0].texts if t.get_gid() == "interessent-etikett"]
    assert len(labels) == 30
    boxes = [tuple(t.get_window_extent(renderer).extents) for t in labels]
    assert _overlaps(boxes) == []
    frame = chart.fig.axes[0].get_window_extent(renderer)
    assert all(
        b[0] >= frame.x0 - 1 and b[2] <= frame.x1 + 1 and b[1] >= frame.y0 - 1 and b[3] <= frame.y1 + 1 for b in boxes
    )


def test_figures_carry_alt_text_and_say_illustrative():
    items = st.load_example()
    grid = maps.grid(items, illustrative=True)
    assert "illustrerende" in grid.caption and "Nøkkelaktører: Kommunalsjef helse og omsorg" in grid.alt
    salience = maps.salience_chart(items, illustrative=True)
    assert "Avgjørende: Kommunalsjef helse og omsorg" in salience.alt and "Mitchell" in salience.caption
    for maker in (maps.grid, maps.salience_chart):
        with pytest.raises(InputError):
            maker([])

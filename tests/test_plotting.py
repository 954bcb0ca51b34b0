"""The one plotting style: Norwegian numbers, colour-blind-safe colours, accessible figures."""

from __future__ import annotations

import matplotlib as mpl
import pandas as pd
import pytest

from helseinnovasjon import plotting
from helseinnovasjon.errors import InputError

NBSP, MINUS = "\u00a0", "\u2212"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234567.5, 1, f"1{NBSP}234{NBSP}567,5"),
        (424000, 0, f"424{NBSP}000"),
        (0.25, 2, "0,25"),
        (-12.5, 1, f"{MINUS}12,5"),
        (-0.01, 1, "0,0"),  # no "minus zero"
        (999.96, 1, f"1{NBSP}000,0"),
    ],
)
def test_format_number(value, decimals, expected):
    assert plotting.format_number(value, decimals) == expected


def test_format_number_trim_and_percent():
    assert plotting.format_number(12.50, 2, trim=True) == "12,5"
    assert plotting.format_number(12.0, 2, trim=True) == "12"
    assert plotting.format_percent(51) == f"51{NBSP}%"
    assert plotting.format_percent(2.345, 1) == f"2,3{NBSP}%"


def test_categorical_palette_is_okabe_ito():
    okabe_ito = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
    assert set(plotting.CATEGORICAL) == okabe_ito


def test_sequential_colours_get_lighter_so_order_survives_greyscale():
    colours = plotting.sequential(5)
    lightness = [plotting.relative_luminance(c) for c in colours]
    assert lightness == sorted(lightness) and len(set(colours)) == 5


def test_text_colour_meets_contrast_on_every_sequential_colour():
    def contrast(a, b):
        la, lb = sorted([plotting.relative_luminance(a), plotting.relative_luminance(b)], reverse=True)
        return (la + 0.05) / (lb + 0.05)

    for colour in plotting.sequential(5) + plotting.CATEGORICAL:
        assert contrast(colour, plotting.text_colour(colour)) >= 4.5, colour


def test_chart_requires_alt_and_caption():
    fig, _ax = plotting.new_figure()
    with pytest.raises(ValueError):
        plotting.Chart(fig, alt=" ", caption="Figurtekst")


def test_chart_html_has_alt_caption_and_png():
    fig, ax = plotting.new_figure()
    ax.plot([1, 2], [3, 4])
    html = plotting.Chart(fig, alt='Linje «opp» & "fram"', caption="Kilde: test").to_html()
    assert html.startswith('<figure class="hi-figur">')
    assert 'alt="Linje «opp» &amp; &quot;fram&quot;"' in html
    assert "<figcaption>Kilde: test</figcaption>" in html
    assert "data:image/png;base64," in html


def test_new_figure_is_not_registered_with_pyplot():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    plotting.new_figure()
    assert plt.get_fignums() == before


def test_chart_saves_png_and_svg_and_refuses_other_types(tmp_path):
    fig, ax = plotting.new_figure()
    ax.bar(["a", "b"], [1, 2])
    chart = plotting.Chart(fig, alt="To søyler", caption="Test")
    assert chart.save(tmp_path / "kart.png").read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in chart.save(tmp_path / "kart.svg").read_bytes()
    with pytest.raises(InputError, match=r"\.pdf"):
        chart.save(tmp_path / "kart.pdf")


def test_axis_labels_use_norwegian_format():
    shares = pd.DataFrame({"a": [60.0, 30.0], "b": [40.0, 70.0]}, index=["x", "y"])
    fig, ax = plotting.stacked_shares(shares, title="T", legend_title="L")
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert f"50{NBSP}%" in labels and f"100{NBSP}%" in labels
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["60", "30", "40", "70"]


def test_grouped_bars_labels_every_bar_and_uses_hatching():
    _fig, ax = plotting.grouped_bars({"A": [10, 20], "B": [30, 40]}, ["x", "y"], title="T", ylabel="Y")
    hatches = {patch.get_hatch() for patch in ax.patches}
    assert "//" in hatches  # second series is hatched for black-and-white print
    labels = [t.get_text() for t in ax.texts]
    assert f"40{NBSP}%" in labels


def test_style_leaves_global_rcparams_alone():
    before = mpl.rcParams["axes.spines.top"]
    plotting.new_figure()
    assert mpl.rcParams["axes.spines.top"] == before

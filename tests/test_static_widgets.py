"""The widgets on the website are drawn as HTML at build time (bookbuild.static_widgets)."""

from __future__ import annotations

import json

import pytest

from bookbuild import static_widgets
from bookbuild.icon_fonts import icon_map, used_codepoints
from bookbuild.sphinxext import keep_numbers_together, norwegian_names


def _model(name: str, **state) -> dict:
    return {"model_name": name, "state": {"layout": "IPY_MODEL_lay", **state}}


STATE = {
    "state": {
        "lay": {"model_name": "LayoutModel", "state": {}},
        "gone": {"model_name": "LayoutModel", "state": {"display": "none"}},
        "dd": _model("DropdownModel", description="Tjeneste:", _options_labels=["A & B", "C"], index=1),
        "out0": _model(
            "OutputModel",
            outputs=[{"output_type": "display_data", "data": {"text/html": "<p>panel A</p>", "text/plain": "A"}}],
        ),
        "out1": _model("OutputModel", outputs=[{"output_type": "stream", "name": "stdout", "text": "panel <C>"}]),
        "stack": _model("StackModel", children=["IPY_MODEL_out0", "IPY_MODEL_out1"], selected_index=1),
        "link": {
            "model_name": "LinkModel",
            "state": {"source": ["IPY_MODEL_dd", "index"], "target": ["IPY_MODEL_stack", "selected_index"]},
        },
        "box": _model("VBoxModel", children=["IPY_MODEL_dd", "IPY_MODEL_stack"]),
        "slider": _model("FloatSliderModel", description="p (%)", min=0, max=5, step=0.1, value=0.8, readout=True),
        "save": _model("ButtonModel", description="Lagre i prosjektet mitt", tooltip="Lagres på din maskin"),
        "hidden": {"model_name": "ButtonModel", "state": {"layout": "IPY_MODEL_gone", "description": "Ja, overskriv"}},
        "note": _model("HTMLModel", value='<div class="hi-kjor-interaktivt">Kjør interaktivt</div>'),
        "form": _model(
            "VBoxModel", children=["IPY_MODEL_note", "IPY_MODEL_slider", "IPY_MODEL_save", "IPY_MODEL_hidden"]
        ),
    }
}


def _body(model_id: str) -> str:
    view = json.dumps({"version_major": 2, "version_minor": 0, "model_id": model_id})
    return f'<p>før</p><script type="application/vnd.jupyter.widget-view+json">{view}</script><p>etter</p>'


def test_a_linked_drop_down_is_a_working_select_with_panels():
    html = static_widgets.render_body(_body("box"), STATE)
    assert "widget-view" not in html and html.startswith("<p>før</p>") and html.endswith("<p>etter</p>")
    assert '<label for="hi-w-dd">Tjeneste:</label>' in html
    assert '<select id="hi-w-dd" data-hi-stack="hi-w-stack">' in html and "disabled" not in html
    assert "<option>A &amp; B</option><option selected>C</option>" in html  # escaped, current choice kept
    # both results are in the page; the one not chosen is hidden until the reader picks it
    assert '<div class="hi-w-panel" hidden><div class="hi-w-output"><p>panel A</p></div></div>' in html
    assert '<div class="hi-w-panel"><div class="hi-w-output"><pre class="hi-w-stream">panel &lt;C&gt;</pre>' in html


def test_controls_that_need_python_are_drawn_disabled_and_hidden_ones_not_at_all():
    html = static_widgets.render_body(_body("form"), STATE)
    assert 'type="range"' in html and html.count(" disabled") == 2  # the slider and the save button
    assert "0,8" in html  # Norwegian readout
    assert 'title="Lagres på din maskin" disabled>Lagre i prosjektet mitt</button>' in html
    assert "Ja, overskriv" not in html  # display: none in the notebook, so not drawn
    assert "hi-kjor-interaktivt" in html


def test_an_unknown_widget_stops_the_build_instead_of_drawing_nothing():
    state = {"state": {"x": {"model_name": "ColorPickerModel", "state": {}}}}
    with pytest.raises(static_widgets.UnknownWidget, match="ColorPickerModel"):
        static_widgets.render_body(_body("x"), state)
    with pytest.raises(static_widgets.UnknownWidget):
        static_widgets.render_body(_body("missing"), STATE)


def test_numbers_in_table_cells_keep_their_thousands_together():
    assert keep_numbers_together("1 108 / 523") == "1\u00a0108 / 523"
    assert keep_numbers_together("12 345 678") == "12\u00a0345\u00a0678"
    assert keep_numbers_together("år 2020 2040 og 3 uker") == "år 2020 2040 og 3 uker"


def test_english_accessible_names_from_the_theme_become_norwegian():
    page = (
        '<nav class="bd-links bd-docs-nav" aria-label="Main"><nav aria-label="Page">'
        '<img alt="Binder logo" src="x.svg"><img alt="Kart over Norge" src="y.png">'
    )
    fixed = norwegian_names(page)
    assert 'aria-label="Main"' not in fixed and 'aria-label="Page"' not in fixed
    assert '<img alt="" src="x.svg">' in fixed and 'alt="Kart over Norge"' in fixed


def test_icon_fonts_keep_the_icons_pages_name_and_those_stylesheets_use_directly():
    css = (
        '.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-rocket:before{content:"\\f135"}'
        '.fa-github:before{content:"\\f09b"}div.exercise p.admonition-title:after{content:"\\f303"}'
    )
    names, always = icon_map(css)
    assert names == {"bars": 0xF0C9, "navicon": 0xF0C9, "rocket": 0xF135, "github": 0xF09B}
    assert always == {0xF303}
    assert used_codepoints([css], {"fa-bars", "fa-solid", "fa-unknown"}) == {0xF0C9, 0xF303}
    # the theme's CSS variables hold the icon character itself, not an escape
    assert icon_map('html{--pst-icon-bell:"\uf0f3";--pst-font-size-base:1rem}') == ({}, {0xF0F3})


def test_icon_fonts_are_cut_from_the_themes_full_font_not_an_earlier_cut(tmp_path):
    """Sphinx does not copy an unchanged static file again, so the font in the site may already be
    a subset: the next build must start from the theme's own font, or a new icon would be lost."""
    from bookbuild.icon_fonts import original

    site, theme = tmp_path / "html", tmp_path / "theme" / "static"
    for folder in (site / "_static/vendor/fa/webfonts", theme / "vendor/fa/webfonts"):
        folder.mkdir(parents=True)
        (folder / "fa-solid-900.woff2").write_bytes(b"x")
    font = site / "_static/vendor/fa/webfonts/fa-solid-900.woff2"
    assert original(font, site, [tmp_path / "elsewhere", theme]) == theme / "vendor/fa/webfonts/fa-solid-900.woff2"
    assert original(font, site, []) == font

"""Widgets only wire things up; errors always reach the participant as Norwegian text."""

from __future__ import annotations

import datetime

import ipywidgets as widgets
import pandas as pd
import pytest

from helseinnovasjon import ui
from helseinnovasjon.errors import InputError


@pytest.fixture
def shown(monkeypatch):
    """Collect what ui would display in a notebook."""
    items = []
    monkeypatch.setattr(ui, "display", items.append)
    return items


def test_input_error_message_is_shown_without_traceback(shown, capsys):
    with ui.friendly_errors():
        raise InputError("verdien «tre» er ikke et tall", "Skriv et tall.", column="antall")
    (box,) = shown
    assert 'role="alert"' in box.data
    assert "I kolonnen «antall»: verdien «tre» er ikke et tall. Skriv et tall." in box.data
    assert "Traceback" not in capsys.readouterr().err


def test_unexpected_error_gets_calm_norwegian_text_and_a_log(shown, capsys):
    @ui.guarded
    def broken(_change=None):
        raise KeyError("x")

    assert broken() is None
    assert "Noe gikk galt" in shown[0].data and "ikke borte" in shown[0].data
    assert "KeyError" in capsys.readouterr().err  # for the teacher, not in the notebook


def test_html_in_error_messages_is_escaped():
    box = ui.error_html(InputError("navnet «<b>Ola</b>» er for langt"))
    assert "<b>Ola</b>" not in box and "&lt;b&gt;Ola&lt;/b&gt;" in box


def test_choice_precomputes_every_view_and_links_in_the_browser(monkeypatch):
    links = []
    real_jslink = widgets.jslink
    monkeypatch.setattr(ui.widgets, "jslink", lambda a, b: links.append((a, b)) or real_jslink(a, b))
    box = ui.choice("Velg:", ["én", "to", "tre"], lambda option: f"Valgt: {option}", value="to")
    dropdown, stack = box.children
    assert isinstance(dropdown, widgets.Dropdown) and isinstance(stack, widgets.Stack)
    assert dropdown.description == "Velg:" and dropdown.value == "to"
    assert stack.selected_index == 1
    texts = [page.outputs[0]["data"]["text/plain"] for page in stack.children]
    assert texts == ["'Valgt: én'", "'Valgt: to'", "'Valgt: tre'"]
    assert links == [((dropdown, "index"), (stack, "selected_index"))]


def test_choice_shows_a_failing_view_as_a_message_not_a_crash():
    def render(option):
        if option == "feil":
            raise InputError("denne visningen kan ikke lages")
        return option

    box = ui.choice("Velg:", ["ok", "feil"], render)
    bad_page = box.children[1].children[1]
    assert "Denne visningen kan ikke lages." in bad_page.outputs[0]["data"]["text/html"]


def test_choice_needs_options():
    with pytest.raises(ValueError):
        ui.choice("Velg:", [], str)


def test_table_is_accessible_and_norwegian():
    frame = pd.DataFrame({"Antall": [1234567, 12]}, index=pd.Index(["Åsnes", "Bø"], name="Kommune"))
    html = ui.table(frame, caption="Innbyggere").data
    assert "<caption>Innbyggere</caption>" in html
    assert '<th scope="col">Kommune</th>' in html and '<th scope="row" style="text-align:left">Åsnes</th>' in html
    assert "1\u00a0234\u00a0567" in html
    assert "<th></th>" not in html


def test_run_live_note_says_what_to_do():
    note = ui.run_live_note("Glidebryterne endrer framskrivingen.").data
    assert "Kjør interaktivt" in note and "standardverdiene" in note


def test_live_form_recomputes_and_keeps_last_good_result_on_bad_input():
    number = widgets.FloatSlider(value=2, min=-5, max=5)

    def compute(number):
        if number < 0:
            raise InputError("tallet kan ikke være negativt", "Velg 0 eller mer.")
        return f"Resultat: {number}"

    form = ui.live_form({"number": number}, compute, note="Glidebryteren endrer resultatet.")
    note, row, message, result = form.children
    assert "Kjør interaktivt" in note.value and row.children[0] is number
    assert row.children[1].value == "2,0"
    assert result.outputs[0]["data"]["text/plain"] == "'Resultat: 2.0'"
    number.value = 3  # the callback runs, as when a participant moves the slider
    assert result.outputs[0]["data"]["text/plain"] == "'Resultat: 3.0'"
    number.value = -1
    assert "Tallet kan ikke være negativt." in message.outputs[0]["data"]["text/html"]
    assert result.outputs[0]["data"]["text/plain"] == "'Resultat: 3.0'"  # last good result stays
    number.value = 1
    assert message.outputs == () and result.outputs[0]["data"]["text/plain"] == "'Resultat: 1.0'"
    assert row.children[1].value == "1,0"


def test_slider_has_a_visible_norwegian_label_with_unit():
    slider = ui.slider("Produktivitet", 0, 3, 0.1, 0.5)
    assert slider.description == "Produktivitet (%)" and not slider.readout
    assert not slider.continuous_update


def test_csv_form_upload_paste_and_errors_keep_input_and_last_result():
    def compute(raw, workforce):
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        if "feil" in text:
            raise InputError("tabellen har en feil", "Rett den.")
        return f"{text.strip()} / {workforce}"

    form = ui.csv_form(compute, example="a;b", fields={"workforce": ("Ansatte:", "800")}, note="Prøv.")
    note, upload, paste, _workforce, button, message, result = form.children
    assert "Kjør interaktivt" in note.value and result.outputs[0]["data"]["text/plain"] == "'a;b / 800'"
    paste.value = "feil;data"
    button.click()
    assert "Tabellen har en feil." in message.outputs[0]["data"]["text/html"]
    assert paste.value == "feil;data"  # nothing the participant typed is lost
    assert result.outputs[0]["data"]["text/plain"] == "'a;b / 800'"  # last good result stays
    upload.value = (
        {
            "name": "kommune.csv",
            "type": "text/csv",
            "size": 3,
            "content": memoryview(b"x;y"),
            "last_modified": datetime.datetime(2026, 11, 23),
        },
    )
    assert result.outputs[0]["data"]["text/plain"] == "'x;y / 800'" and message.outputs == ()


def test_save_step_saves_asks_before_overwriting_and_can_keep_the_old(tmp_path):
    from helseinnovasjon import workbook

    path = tmp_path / "mitt-prosjekt.json"
    content = {"tekst": "Første"}
    step = ui.save_step("ubalanse", "Din kommune", lambda: content, path=path)
    (button, confirm, cancel), status = step.children[0].children, step.children[1]
    button.click()
    assert "Lagret i «mitt-prosjekt.json»" in status.value and "på din maskin" in status.value
    content = {"tekst": "Andre"}
    button.click()
    assert "blir overskrevet" in status.value and "Første" in status.value
    assert (
        confirm.layout.display is None and workbook.load(path)["seksjoner"]["ubalanse"]["innhold"]["tekst"] == "Første"
    )
    cancel.click()
    assert "Ingenting er endret" in status.value and confirm.layout.display == "none"
    assert workbook.load(path)["seksjoner"]["ubalanse"]["innhold"]["tekst"] == "Første"
    button.click()
    confirm.click()
    assert workbook.load(path)["seksjoner"]["ubalanse"]["innhold"]["tekst"] == "Andre"


def test_a_save_in_another_notebook_while_this_one_asks_is_kept(tmp_path):
    """Two notebooks (or two browser tabs) on one project file: the last writer replaces only its own
    section; what the other saved meanwhile stays, and the file before the last save is the .bak."""
    from helseinnovasjon import workbook

    path = tmp_path / "mitt-prosjekt.json"
    here = ui.SaveStep("ubalanse", "Din kommune", lambda: {"tekst": "Ny"}, path=path)
    workbook.save(workbook.with_section(workbook.new_project(), "ubalanse", {"tekst": "Gammel"}, "Din kommune"), path)
    here.button.click()  # asks: «Gammel» would be overwritten
    assert "blir overskrevet" in here.status.value
    there = ui.SaveStep("plan", "Behov og plan", lambda: {"tekst": "Planen"}, path=path)
    there.button.click()  # the other tab saves its own section meanwhile
    here.confirm.click()
    project = workbook.load(path)
    assert workbook.saved(project, "ubalanse")["tekst"] == "Ny"
    assert workbook.saved(project, "plan")["tekst"] == "Planen"
    backup = workbook.load(path.with_name(path.name + ".bak"))
    assert (
        workbook.saved(backup, "plan")["tekst"] == "Planen" and workbook.saved(backup, "ubalanse")["tekst"] == "Gammel"
    )


def test_save_step_with_nothing_to_save_or_a_broken_file(tmp_path):
    path = tmp_path / "mitt-prosjekt.json"
    step = ui.save_step("plan", "Plan", lambda: None, path=path)
    step.children[0].children[0].click()
    assert "ingenting å lagre" in step.children[1].value
    path.write_text("{ikke json", encoding="utf-8")
    step = ui.save_step("plan", "Plan", lambda: {"tekst": "x"}, path=path)
    step.children[0].children[0].click()
    assert "kan ikke leses" in step.children[1].value and 'role="alert"' in step.children[1].value
    assert path.read_text(encoding="utf-8") == "{ikke json"  # never overwritten


def test_forms_save_their_last_good_result(tmp_path, monkeypatch):
    from helseinnovasjon import projection, workbook

    monkeypatch.setenv(workbook.ENV_PATH, str(tmp_path / "p.json"))
    form = ui.csv_form(
        projection.explore_municipality,
        example=projection.example_municipality_csv(),
        fields={"workforce": ("Ansatte:", "800")},
        note="Prøv.",
        save=("ubalanse", "Din kommune"),
    )
    save = form.children[-1]
    form.children[2].value = "alder;aar;personer\nbarn;2022;1\n"  # a bad table: the last good result stays
    form.children[4].click()
    save.children[0].children[0].click()
    saved = workbook.load(tmp_path / "p.json")["seksjoner"]["ubalanse"]
    assert saved["fra"] == "Din kommune" and saved["innhold"]["tall"]["ansatte_2022"] == 800


def _apply_names(records, action, index, form):
    """A pure edit for the editor test: names must be non-empty and unique."""
    name = form["navn"].strip()
    if action == "slett":
        return [r for i, r in enumerate(records) if i != index]
    if not name:
        raise InputError("navnet er tomt", "Skriv et navn.", field="Navn")
    others = [r for i, r in enumerate(records) if not (action == "endre" and i == index)]
    if name.casefold() in {r.casefold() for r in others}:
        raise InputError(f"«{name}» står allerede i lista", "Velg et annet navn.", field="Navn")
    return [*others, name] if action == "legg_til" else [name if i == index else r for i, r in enumerate(records)]


def test_record_editor_adds_edits_deletes_and_keeps_everything_on_errors(tmp_path):
    name = ui.text("Navn:")
    box = ui.RecordEditor(
        {"navn": name},
        ["Brukerne"],
        apply=_apply_names,
        values=lambda r: {"navn": r},
        label=str,
        view=lambda rs: HTMLView(", ".join(rs)),
        note="Kjør notatboka.",
        save=("interessenter", "Test"),
        content=lambda rs: {"tekst": ", ".join(rs)},
        path=tmp_path / "p.json",
    )
    buttons = {b.description: b for b in box.buttons.values()}
    listing, message = box.listing, box.message

    name.value = "Pårørende"
    buttons["Legg til"].click()
    assert box.records == ["Brukerne", "Pårørende"] and name.value == "" and "2 rader" in message.value

    name.value = " brukerne "
    buttons["Legg til"].click()  # duplicate: message, and neither the list nor the form changes
    assert box.records == ["Brukerne", "Pårørende"] and name.value == " brukerne "
    assert "står allerede i lista" in message.value and "Traceback" not in message.value

    listing.value = 1  # selecting a row fills the form
    assert name.value == "Pårørende"
    name.value = "Pårørende og naboer"
    buttons["Lagre endring"].click()
    assert box.records == ["Brukerne", "Pårørende og naboer"] and listing.value == 1

    listing.value = 0
    buttons["Slett valgt"].click()
    assert box.records == ["Pårørende og naboer"]
    assert [label for label, _ in listing.options] == ["1. Pårørende og naboer"]


class HTMLView:
    def __init__(self, text):
        self.text = text

    def _repr_html_(self):
        return self.text

"""Stakeholder mapping: Mendelow's grid, Mitchell, Agle & Wood's salience classes, Arnstein's
ladder, CSV in and out, the project file, and the editor widget."""

from __future__ import annotations

import datetime
import itertools
import json
import random

import pytest

from helseinnovasjon import editors, participation, resume, workbook
from helseinnovasjon import stakeholders as st
from helseinnovasjon.errors import InputError

VALID = {
    "navn": "Pårørende",
    "gruppe": "Pårørende",
    "makt": 2,
    "interesse": 5,
    "holdning": -1,
    "legitimitet": True,
    "hast": True,
}


def make(name: str, power: int = 3, interest: int = 3, **extra) -> st.Stakeholder:
    return st.parse({**VALID, "navn": name, "makt": power, "interesse": interest, **extra})


# -- validation -----------------------------------------------------------------------------


def test_parse_valid_values_and_norwegian_letters():
    item = st.parse({**VALID, "navn": "  Øvre   Årdal  eldreråd "})
    assert item.name == "Øvre Årdal eldreråd"  # spaces tidied, æøå kept
    assert (item.power, item.interest, item.attitude, item.legitimacy, item.urgency) == (2, 5, -1, True, True)
    assert item.level_now is None and item.level_goal is None


@pytest.mark.parametrize("name", ["", "   ", None])
def test_empty_name_is_refused(name):
    with pytest.raises(InputError) as excinfo:
        st.parse({**VALID, "navn": name})
    assert str(excinfo.value).startswith("I feltet «Navn»: feltet er tomt.")


def test_long_name_is_refused_with_its_length():
    name = "Kommunens tverrfaglige arbeidsgruppe for velferdsteknologi og digital hjemmeoppfølging"
    assert len(name) > 80
    with pytest.raises(InputError, match=f"for lang \\({len(name)} tegn\\).*høyst 60"):
        st.parse({**VALID, "navn": name})
    assert st.parse({**VALID, "navn": "Æ" * 60}).name == "Æ" * 60  # the limit itself is fine


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("makt", 0, "0 er utenfor skalaen"),
        ("makt", 6, "6 er utenfor skalaen"),
        ("interesse", -1, "utenfor skalaen"),
        ("holdning", 3, "utenfor skalaen"),
        ("holdning", -3, "utenfor skalaen"),
        ("makt", "2,5", "ikke et helt tall"),
        ("interesse", "tre", "ikke et tall"),
        ("makt", "", "feltet er tomt"),
        ("legitimitet", "kanskje", "verken ja"),
    ],
)
def test_scores_outside_the_scale_are_refused(field, value, expected):
    with pytest.raises(InputError, match=expected) as excinfo:
        st.parse({**VALID, field: value})
    assert excinfo.value.field == st.LABELS[field]


def test_numbers_typed_the_norwegian_way_and_yes_no_words():
    item = st.parse({**VALID, "makt": " 4 ", "interesse": "5,0", "holdning": "−2", "legitimitet": "Ja", "hast": "nei"})
    assert (item.power, item.interest, item.attitude, item.legitimacy, item.urgency) == (4, 5, -2, True, False)


# -- pure list edits ----------------------------------------------------------------------------


def test_add_edit_remove_return_new_lists():
    first = st.add([], make("Nattevaktene"))
    second = st.add(first, make("Pårørende"))
    assert [i.name for i in first] == ["Nattevaktene"] and len(second) == 2
    edited = st.edit(second, 0, make("Nattevaktene", power=4))
    assert edited[0].power == 4 and second[0].power == 3  # the old list is untouched
    assert [i.name for i in st.remove(edited, 0)] == ["Pårørende"] and len(edited) == 2


@pytest.mark.parametrize("duplicate", ["pårørende", "PÅRØRENDE", "  Pårørende ", "Pår\u00f8rende"])
def test_duplicates_are_found_whatever_the_case_and_spacing(duplicate):
    items = [make("Pårørende"), make("Nattevakter  i sone  nord")]
    with pytest.raises(InputError, match="står allerede i lista"):
        st.add(items, make(duplicate))
    with pytest.raises(InputError, match="står allerede"):
        st.add(items, make("nattevakter i SONE nord"))


def test_editing_may_keep_the_name_but_not_take_another():
    items = [make("Pårørende"), make("Brukere")]
    assert st.edit(items, 0, make("PÅRØRENDE", power=5))[0].power == 5
    with pytest.raises(InputError, match="står allerede"):
        st.edit(items, 0, make("brukere"))


def test_edit_and_remove_need_a_selection():
    for action in ("endre", "slett"):
        with pytest.raises(InputError, match="Velg en interessent i lista først"):
            st.apply([make("A")], action, None, VALID)
    with pytest.raises(InputError):
        st.apply([make("A")], "slett", 5, VALID)


def test_edit_keeps_the_ladder_placement():
    items = [make("Brukere", trinn_naa=3, trinn_maal=6)]
    assert (st.edit(items, 0, make("Brukere", power=2))[0].level_now, items[0].level_goal) == (3, 6)


def test_the_list_has_a_readable_maximum():
    items = [make(f"Interessent {n}") for n in range(st.MAX_STAKEHOLDERS)]
    with pytest.raises(InputError, match="uleselig"):
        st.add(items, make("En til"))


# -- classification -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("power", "interest", "quadrant"),
    [
        (5, 5, "Nøkkelaktør"),
        (4, 4, "Nøkkelaktør"),
        (4, 3, "Hold fornøyd"),
        (3, 4, "Hold informert"),
        (3, 3, "Følg med"),
        (1, 1, "Følg med"),
        (5, 1, "Hold fornøyd"),
        (1, 5, "Hold informert"),
    ],
)
def test_mendelow_quadrants_split_between_3_and_4(power, interest, quadrant):
    assert make("X", power, interest).quadrant == quadrant


# Mitchell, Agle & Wood (1997): the seven classes and the non-stakeholder.
MITCHELL = {
    (0, 0, 0): "Ikke interessent nå",
    (1, 0, 0): "Sovende",
    (0, 1, 0): "Skjønnsbasert",
    (0, 0, 1): "Krevende",
    (1, 1, 0): "Dominerende",
    (1, 0, 1): "Farlig",
    (0, 1, 1): "Avhengig",
    (1, 1, 1): "Avgjørende",
}


@pytest.mark.parametrize("attrs", list(itertools.product([0, 1], repeat=3)))
def test_salience_classes_follow_mitchell_agle_wood(attrs):
    power, legitimacy, urgency = attrs
    item = make("X", power=5 if power else 3, legitimitet=bool(legitimacy), hast=bool(urgency))
    assert item.has_power == bool(power)
    assert item.salience == MITCHELL[attrs]
    assert item.salience_group == ["Ikke interessent", "Latent", "Forventende", "Avgjørende"][sum(attrs)]
    assert item.engagement.endswith(".") and len(item.engagement) > 40


def test_the_example_uses_the_seeds_actor_groups_and_is_readable():
    items = st.load_example()
    assert 15 <= len(items) <= 30
    assert {i.group for i in items} <= set(st.GROUPS)
    for group in (
        "Nasjonale myndigheter",
        "KS og sentrale organisasjoner",
        "Politikere",
        "Ansatte",
        "Tjenestemottakere",
        "Akademia og fagmiljøer",
        "Næringsliv",
        "Lag og organisasjoner",
    ):
        assert group in {i.group for i in items}
    assert {i.quadrant for i in items} == {q for q, _ in st.QUADRANTS.values()}
    assert all(i.level_now is not None for i in items)
    assert st.summary(items).startswith(f"{len(items)} interessenter, ")


# -- CSV in and out ----------------------------------------------------------------------------


@pytest.mark.parametrize("excel", [True, False])
def test_csv_round_trip(tmp_path, excel):
    items = [*st.load_example(), make("Åse Ødegård (brukerrepresentant)", 1, 5, hast=False)]
    path = tmp_path / "kart.csv"
    path.write_bytes(st.to_csv(items, excel=excel))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfnavn;gruppe;") if excel else raw.startswith(b"navn,gruppe,")
    assert st.read(path) == items


def test_reads_norwegian_excel_cp1252_with_semicolons_and_without_ladder_columns(tmp_path):
    text = (
        "Navn;Gruppe;Makt;Interesse;Holdning;Legitimitet;Hast\r\n"
        "Pårørende;Pårørende;2;5;-1;Ja;x\r\nØkonomisjefen;Administrasjon og ledelse;5;2;0;nei;\r\n;;;;;;\r\n"
    )
    path = tmp_path / "fra-excel.csv"
    path.write_bytes(text.encode("cp1252"))
    items = st.read(path)
    assert [i.name for i in items] == ["Pårørende", "Økonomisjefen"]
    assert (items[0].legitimacy, items[0].urgency, items[1].urgency, items[1].level_now) == (True, True, False, None)
    bom = tmp_path / "bom.csv"
    bom.write_bytes(text.encode("utf-8-sig"))
    assert st.read(bom) == items


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("navn;gruppe;makt;interesse\nA;B;1;2\n", "mangler kolonnene «holdning», «legitimitet» og «hast»"),
        (
            "navn;gruppe;makt;interesse;holdning;legitimitet;hast;farge\nA;B;1;2;0;ja;nei;rød\n",
            "ukjent kolonne: «farge»",
        ),
        (
            "navn;gruppe;makt;interesse;holdning;legitimitet;hast\nA;B;7;2;0;ja;nei\n",
            "på linje 2 i kolonnen «makt»: verdien 7 er for stor",
        ),
        (
            "navn;gruppe;makt;interesse;holdning;legitimitet;hast\nA;B;1;2;0;ja;nei\n;B;1;2;0;ja;nei\n",
            "på linje 3 i kolonnen «navn»: cellen er tom",
        ),
        (
            "navn;gruppe;makt;interesse;holdning;legitimitet;hast\nPårørende;B;1;2;0;ja;nei\n PÅRØRENDE;B;1;2;0;ja;nei\n",
            "på linje 3 i kolonnen «navn»: «PÅRØRENDE» står allerede i lista",
        ),
        (
            "navn;gruppe;makt;interesse;holdning;legitimitet;hast\nA;B;1;2;0;kanskje;nei\n",
            "i kolonnen «legitimitet»: «kanskje» er verken ja eller nei",
        ),
        ("navn;gruppe;makt;interesse;holdning;legitimitet;hast\n", "har ingen interessenter"),
    ],
)
def test_bad_csv_gets_one_clear_norwegian_message(text, expected):
    with pytest.raises(InputError, match=expected):
        st.read(text.encode("utf-8"), label="kart.csv")


def test_import_adds_all_or_nothing():
    items = [make("Pårørende")]
    good = "navn;gruppe;makt;interesse;holdning;legitimitet;hast\nBrukere;Tjenestemottakere;1;5;0;ja;ja\n"
    assert [i.name for i in st.import_csv(items, good)] == ["Pårørende", "Brukere"]
    with pytest.raises(InputError, match="står allerede"):
        st.import_csv(items, good.replace("Brukere", "pårørende"))
    assert len(items) == 1


# -- exporting the map ---------------------------------------------------------------------------


def test_export_saves_png_svg_and_excel_csv(tmp_path):
    made = editors.export_stakeholder_map(st.load_example()[:5], tmp_path)
    assert [p.name for p in made] == ["interessentkart.png", "interessentkart.svg", "interessentkart.csv"]
    assert made[0].read_bytes().startswith(b"\x89PNG") and "<svg" in made[1].read_text(encoding="utf-8")
    assert st.read(made[2]) == st.load_example()[:5]
    with pytest.raises(InputError, match="Lista er tom"):
        editors.export_stakeholder_map([], tmp_path)


# -- the project file --------------------------------------------------------------------------


def test_start_empty_then_from_what_is_saved(tmp_path):
    path = tmp_path / "mitt-prosjekt.json"
    items, line = resume.stakeholders(path=path)
    assert items == [] and "Ingen interessenter er lagret" in line
    example, line = resume.stakeholders(fallback="eksempel", path=path)
    assert example == st.load_example() and "eksempelet" in line
    project = workbook.with_section(workbook.new_project(), "interessenter", st.content(example[:4]), "Interessentkart")
    placed = participation.place(example[:4], "endre", 1, {"trinn_naa": 2, "trinn_maal": 5})
    project = workbook.with_section(project, "medvirkning", participation.content(placed), "Brukermedvirkning")
    workbook.save(project, path)
    items, line = resume.stakeholders(path=path)
    assert [i.name for i in items] == [i.name for i in example[:4]] and "Hentet 4 interessenter" in line
    assert (items[1].level_now, items[1].level_goal) == (2, 5)  # the ladder placement comes back too


def test_a_broken_project_file_is_left_alone(tmp_path):
    path = tmp_path / "mitt-prosjekt.json"
    path.write_text("{ikke json", encoding="utf-8")
    items, line = resume.stakeholders(path=path)
    assert items == [] and "kan ikke leses" in line
    assert path.read_text(encoding="utf-8") == "{ikke json"


def test_content_is_plain_json_with_a_summary():
    saved = json.loads(json.dumps(st.content(st.load_example())))
    assert saved["tekst"].startswith("18 interessenter") and saved["skala"] == st.SCALE_TEXT
    assert st.from_records(saved["interessenter"]) == st.load_example()


# -- the editor widget -------------------------------------------------------------------------


def _fill(editor, **values):
    for name, value in values.items():
        editor.controls[name].value = value
    return {"Navn": editor.controls["navn"], "Makt": editor.controls["makt"]}


def _button(editor, text):
    return next(b for b in editor.buttons.values() if b.description == text)


def _message(editor):
    return editor.message.value


def test_editor_adds_edits_removes_and_keeps_input_on_errors(tmp_path):
    path = tmp_path / "mitt-prosjekt.json"
    editor = editors.stakeholder_editor([], path=path)
    controls = _fill(editor, navn="Nattevaktene", gruppe="Ansatte", makt=2, interesse=5)
    _button(editor, "Legg til").click()
    assert [i.name for i in editor.records] == ["Nattevaktene"] and "Lagt til" in _message(editor)
    assert controls["Navn"].value == ""  # the form is ready for the next one
    _fill(editor, navn="  NATTEVAKTENE ", makt=4)
    _button(editor, "Legg til").click()
    assert "står allerede i lista" in _message(editor) and 'role="alert"' in _message(editor)
    assert controls["Navn"].value == "  NATTEVAKTENE " and controls["Makt"].value == 4  # nothing typed is lost
    assert len(editor.records) == 1
    _fill(editor, navn="Ø" * 81)
    _button(editor, "Legg til").click()
    assert "for lang (81 tegn)" in _message(editor) and controls["Navn"].value == "Ø" * 81
    _fill(editor, navn="Pårørende", gruppe="Pårørende", makt=2, interesse=5)
    _button(editor, "Legg til").click()
    listing = editor.listing
    assert len(listing.options) == 2 and listing.options[1][0].startswith("2. Pårørende")
    listing.value = 0  # select to edit: the form shows the saved values
    assert controls["Navn"].value == "Nattevaktene" and controls["Makt"].value == 2
    _fill(editor, makt=4)
    _button(editor, "Lagre endring").click()
    assert editor.records[0].power == 4 and editor.records[0].quadrant == "Nøkkelaktør"
    listing.value = 1
    _button(editor, "Slett valgt").click()
    assert [i.name for i in editor.records] == ["Nattevaktene"] and "Angrer du" in _message(editor)
    _button(editor, "Slett valgt").click()  # nothing selected now
    assert "Velg en interessent" in _message(editor) and len(editor.records) == 1


def test_editor_imports_csv_saves_and_starts_from_the_saved_list(tmp_path):
    path = tmp_path / "mitt-prosjekt.json"
    editor = editors.stakeholder_editor([], path=path)
    upload = editor.upload
    upload.value = (
        {
            "name": "kart.csv",
            "type": "text/csv",
            "size": 1,
            "last_modified": datetime.datetime(2026, 11, 23),
            "content": memoryview(st.to_csv(st.load_example())),
        },
    )
    assert len(editor.records) == 18 and "Hentet fra filen" in _message(editor)
    upload.value = (
        {
            "name": "kart.csv",
            "type": "text/csv",
            "size": 1,
            "last_modified": datetime.datetime(2026, 11, 23),
            "content": memoryview(b"navn;gruppe\nA;B\n"),
        },
    )
    assert "mangler kolonnene" in _message(editor) and len(editor.records) == 18
    assert upload.value == ()  # ready for the same file again, after the participant has fixed it
    editor.saving.button.click()
    assert "Lagret i «mitt-prosjekt.json»" in editor.saving.status.value
    items, line = resume.stakeholders(path=path)
    assert items == st.load_example() and "Hentet 18 interessenter" in line


def test_a_participant_maps_15_stakeholders_saves_reopens_and_exports(tmp_path, monkeypatch):
    """Issue 4's «done when», through the widgets only: fifteen stakeholders with Norwegian
    names typed into the form, saved, found again in a new session, and the picture exported."""
    from helseinnovasjon import ui

    path = tmp_path / "mitt-prosjekt.json"
    random.seed(15)
    names = [
        f"{group} {n}"
        for n, group in enumerate(["Pårørende", "Tillitsvalgt", "Fastlege", "Brukerrådet", "Økonomisjef"] * 3, start=1)
    ]
    items, _ = resume.stakeholders(path=path)  # nothing saved yet: an empty list
    editor = editors.stakeholder_editor(items, path=path)
    for name in names:
        _fill(
            editor,
            navn=name,
            gruppe=random.choice(st.GROUPS),
            makt=random.randint(1, 5),
            interesse=random.randint(1, 5),
        )
        _button(editor, "Legg til").click()
    assert len(editor.records) == 15 and "Lista har nå 15 rader" in _message(editor)
    editor.saving.button.click()
    assert "Lagret" in editor.saving.status.value

    reopened, line = resume.stakeholders(path=path)  # the notebook opened again later
    assert [i.name for i in reopened] == names and "Hentet 15 interessenter" in line
    monkeypatch.chdir(tmp_path)
    export = ui.action(
        "Lagre kartet som bilde og CSV", lambda: editors.export_stakeholder_map(reopened), note="Eksport."
    )
    export.children[1].click()
    assert "Ferdig." in export.children[2].value
    assert {p.name for p in tmp_path.glob("interessentkart.*")} == {
        "interessentkart.png",
        "interessentkart.svg",
        "interessentkart.csv",
    }


def test_a_half_ladder_placement_in_a_csv_is_refused_with_the_row_and_what_to_fill_in():
    # Bug from issue 17: «trinn_naa» filled, «trinn_maal» empty imported fine, then
    # «Brukermedvirkning» failed with a raw KeyError: None.
    raw = (
        "navn;gruppe;makt;interesse;holdning;legitimitet;hast;trinn_naa;trinn_maal\n"
        "Brukerrådet;Tjenestemottakere;3;5;1;ja;nei;3;\n"
    ).encode("utf-8-sig")
    with pytest.raises(InputError) as caught:
        st.read(raw)
    message = str(caught.value)
    assert "linje 2" in message and "«Trinn nå» er fylt ut, men «Trinn planlagt» er tom" in message
    assert "Fyll ut begge" in message


def test_a_half_placement_already_saved_in_a_project_file_opens_as_no_planned_move():
    record = {
        "navn": "Brukerrådet",
        "gruppe": "Tjenestemottakere",
        "makt": 3,
        "interesse": 5,
        "holdning": 1,
        "legitimitet": True,
        "hast": False,
        "trinn_naa": 3,
        "trinn_maal": None,
    }
    [item] = st.from_records([record])
    assert (item.level_now, item.level_goal) == (3, 3)
    assert participation.label(item) == "Brukerrådet: nå 3 Informasjon, planlagt 3 Informasjon"

"""Arnstein's ladder, the Norwegian degrees and levels, placing stakeholders, and the ladder editor."""

from __future__ import annotations

import pytest

from helseinnovasjon import editors, participation, workbook
from helseinnovasjon import stakeholders as st
from helseinnovasjon.errors import InputError

from .test_stakeholders import _button, _message, make


def test_ladder_has_arnsteins_rungs_and_groups():
    assert list(participation.LADDER) == list(range(1, 9))
    assert [participation.rung_group(n) for n in range(1, 9)] == ["Ikke-deltakelse"] * 2 + [
        "Symbolsk deltakelse"
    ] * 3 + ["Innbyggermakt"] * 3
    assert [participation.degree(n) for n in (1, 3, 5, 8)] == [
        "Ingen medvirkning",
        "Brukerorientering",
        "Brukermedvirkning",
        "Brukerstyring",
    ]
    assert len(participation.ladder_table()) == 8 and participation.ladder_table().iloc[0, 0] == "8 Innbyggerkontroll"


def test_place_and_one_step_up():
    items = [make("Brukere"), make("Pårørende")]
    placed = participation.place(items, "endre", 0, {"trinn_naa": 3, "trinn_maal": 6})
    assert (placed[0].level_now, placed[0].level_goal, items[0].level_now) == (3, 6, None)
    assert "fra 3 informasjon til 4 konsultasjon" in participation.one_step_up(placed[0])
    assert "ikke plassert" in participation.one_step_up(placed[1])
    with pytest.raises(InputError, match="feltet er tomt"):
        participation.place(items, "endre", 1, {"trinn_naa": None, "trinn_maal": 4})
    assert participation.place(placed, "slett", 0, {})[0].level_now is None
    assert (
        participation.content(placed)["tekst"] == "1 av 2 interessenter er plassert på Arnsteins stige; "
        "1 skal flyttes opp."
    )


def test_users_report_says_where_users_and_next_of_kin_stand():
    items = participation.place(
        [
            make("Brukere", gruppe="Tjenestemottakere"),
            make("Pårørende", gruppe="Pårørende"),
            make("IT", gruppe="Ansatte"),
        ],
        "endre",
        0,
        {"trinn_naa": 3, "trinn_maal": 6},
    )
    lines = participation.users_report(items).splitlines()
    assert lines == [
        "Brukere står på trinn 3 informasjon (symbolsk deltakelse). Ett trinn opp: fra 3 informasjon "
        "til 4 konsultasjon (symbolsk deltakelse; i norsk språkbruk brukerorientering).",
        "Pårørende er ikke plassert. Ett trinn opp: Pårørende er ikke plassert på stigen ennå.",
    ]
    assert "Hvem representerer tjenestemottakerne" in participation.users_report([make("IT", gruppe="Ansatte")])
    top = participation.place([make("Rådet")], "endre", 0, {"trinn_naa": 8, "trinn_maal": 8})
    assert "allerede på øverste trinn" in participation.one_step_up(top[0])


def test_rungs_outside_the_ladder_are_refused():
    with pytest.raises(InputError, match="9 er utenfor skalaen"):
        participation.place([make("Brukere")], "endre", 0, {"trinn_naa": 9, "trinn_maal": 4})
    with pytest.raises(InputError, match="Velg en interessent"):
        participation.place([make("Brukere")], "endre", None, {"trinn_naa": 3, "trinn_maal": 4})


def test_three_levels_of_user_involvement():
    assert list(participation.arena_table()["Nivå"]) == ["Individnivå", "Tjenestenivå", "Systemnivå"]


def test_ladder_chart_carries_alt_text_and_needs_a_placement():
    chart = participation.chart(st.load_example(), illustrative=True)
    assert "Tjenestemottakere med nattilsyn: nå 3, planlagt 6" in chart.alt and "Arnstein (1969)" in chart.caption
    assert "illustrerende" in chart.caption
    with pytest.raises(InputError, match="Lagre plassering"):
        participation.chart([make("Brukere")])


def test_editor_places_and_saves(tmp_path):
    path = tmp_path / "mitt-prosjekt.json"
    editor = editors.ladder_editor([make("Brukere"), make("Pårørende")], path=path)
    listing, now, goal = editor.listing, editor.controls["trinn_naa"], editor.controls["trinn_maal"]
    _button(editor, "Lagre plassering").click()
    assert "Velg en interessent" in _message(editor)
    listing.value = 1
    now.value, goal.value = 3, 6
    _button(editor, "Lagre plassering").click()
    assert (editor.records[1].level_now, editor.records[1].level_goal) == (3, 6)
    editor.saving.button.click()
    saved = workbook.load(path)["seksjoner"]["medvirkning"]["innhold"]
    assert saved["plasseringer"] == [
        {
            "navn": "Pårørende",
            "trinn_naa": 3,
            "trinn_maal": 6,
            "grad_naa": "Brukerorientering",
            "grad_maal": "Brukermedvirkning",
        }
    ]

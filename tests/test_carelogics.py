"""Care logics: the statements data, scoring a sorting against the course's reading, the profile."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helseinnovasjon import carelogics, editors, ui, workbook
from helseinnovasjon.errors import InputError

STATEMENTS = carelogics.load_statements()
# The course's reading, written out independently of the module (see data/omsorgslogikker_utsagn.csv).
KEY = {
    "u01": "omsorg",
    "u02": "valg",
    "u03": "styring",
    "u04": "marked",
    "u05": "omsorg",
    "u06": "valg",
    "u07": "styring",
    "u08": "marked",
    "u09": "omsorg",
    "u10": "valg",
    "u11": "styring",
    "u12": "marked",
    "u13": "omsorg",
    "u14": "styring",
}
OTHER = {"u04": "valg", "u05": "valg", "u08": "styring", "u10": "marked", "u12": "styring", "u14": "omsorg"}


def _table(**changes) -> pd.DataFrame:
    table = STATEMENTS.reset_index()
    for column, values in changes.items():
        table[column] = values
    return table


# -- the statements data file ------------------------------------------------------------


def test_statements_match_the_key_and_use_every_logic():
    assert len(STATEMENTS) == 14
    assert STATEMENTS["logikk"].to_dict() == KEY
    assert {k: v for k, v in STATEMENTS["annen_lesning"].items() if v} == OTHER
    assert set(STATEMENTS["logikk"]) == set(carelogics.LOGICS)
    assert STATEMENTS["logikk"].value_counts().to_dict() == {"omsorg": 4, "styring": 4, "valg": 3, "marked": 3}


def test_statements_are_unique_short_and_explained_in_one_sentence():
    assert STATEMENTS.index.is_unique and STATEMENTS["utsagn"].is_unique
    assert STATEMENTS["utsagn"].str.len().max() <= carelogics.MAX_STATEMENT
    for text in STATEMENTS["forklaring"]:
        assert text.endswith(".") and text.count(". ") == 0, text


def test_a_logic_nobody_uses_is_reported():
    logics = ["omsorg", "valg", "styring"] * 4 + ["omsorg", "valg"]
    with pytest.raises(InputError, match="ingen utsagn hører til Markedslogikk"):
        carelogics.validate_statements(_table(logikk=logics, annen_lesning=[None] * 14))


def test_duplicate_statements_are_reported_whatever_the_case_and_spacing():
    texts = list(STATEMENTS["utsagn"])
    texts[5] = "  " + texts[0].upper().replace(" ", "  ")
    with pytest.raises(InputError, match="står to ganger") as error:
        carelogics.validate_statements(_table(utsagn=texts))
    assert "linje 7" in str(error.value)
    ids = list(STATEMENTS.index)
    ids[3] = "u01"
    with pytest.raises(InputError, match="«u01» står to ganger"):
        carelogics.validate_statements(_table(id=ids))


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"logikk": ["omsorg"] * 13 + ["byråkrati"]}, "logikken «byråkrati» finnes ikke"),
        ({"annen_lesning": ["omsorg"] + [None] * 13}, "den andre lesningen er den samme"),
        ({"forklaring": ["Æ" * 400, *list(STATEMENTS["forklaring"])[1:]]}, "400 tegn lang"),
    ],
)
def test_bad_statement_files_get_norwegian_messages(changes, expected):
    with pytest.raises(InputError, match=expected):
        carelogics.validate_statements(_table(**changes))


def test_too_few_statements():
    with pytest.raises(InputError, match="det er 5 utsagn"):
        carelogics.validate_statements(STATEMENTS.reset_index().head(5))


# -- scoring ---------------------------------------------------------------------------------


def test_the_course_key_scores_all_the_same():
    result = carelogics.score(KEY, STATEMENTS)
    assert (result.count(carelogics.SAME), result.count(carelogics.ALSO), result.count(carelogics.OTHER)) == (14, 0, 0)
    assert result.summary().startswith("Du har sortert 14 av 14 utsagn. 14 er plassert som i kursets lesning")
    assert "står igjen" not in result.summary()


def test_a_partial_sorting_has_known_counts():
    sorting = {
        "u01": "omsorg",  # same
        "u04": "Valgets logikk",  # the alternative reading, given as a label
        "u08": "STYRING",  # the alternative reading, any case
        "u03": "marked",  # different
        "u07": "Omsorgslogikk",  # different
        "u02": "",  # not sorted
        "u05": carelogics.UNSORTED,
    }
    result = carelogics.score(sorting, STATEMENTS)
    assert (
        result.count(carelogics.SAME),
        result.count(carelogics.ALSO),
        result.count(carelogics.OTHER),
        result.count(carelogics.OPEN),
        result.sorted_count,
    ) == (1, 2, 2, 9, 5)
    assert result.summary() == (
        "Du har sortert 5 av 14 utsagn. 1 er plassert som i kursets lesning, 2 er en annen "
        "mulig lesning, og 2 er plassert annerledes enn kurset. 9 utsagn står igjen."
    )
    verdicts = {item.id: item.verdict for item in result.items}
    assert verdicts["u04"] == verdicts["u08"] == "også mulig" and verdicts["u02"] == "ikke sortert"


def test_nothing_sorted_is_a_clear_message_not_an_error():
    result = carelogics.score({}, STATEMENTS)
    assert result.sorted_count == 0
    assert result.summary().startswith("Du har ikke sortert noen av de 14 utsagnene ennå.")


@pytest.mark.parametrize(
    ("sorting", "expected"),
    [
        ({"u01": "byråkratilogikk"}, "I feltet «utsagn 1»: «byråkratilogikk» er ikke en av logikkene"),
        ({"u02": "x" * 500}, "for lang"),
        ({"u99": "omsorg"}, "Utsagnet «u99» finnes ikke"),
    ],
)
def test_bad_choices_get_norwegian_messages(sorting, expected):
    with pytest.raises(InputError, match=expected):
        carelogics.score(sorting, STATEMENTS)


# -- profile ---------------------------------------------------------------------------------


def test_profile_counts_the_sorted_statements_and_the_course_distribution():
    sorting = {"u01": "omsorg", "u02": "omsorg", "u03": "marked", "u04": "marked", "u05": "marked", "u06": "valg"}
    table = carelogics.profile(carelogics.score(sorting, STATEMENTS))
    assert table["Din sortering"].tolist() == [2, 1, 0, 3]
    assert table["Kursets lesning"].tolist() == [4, 3, 4, 3]
    assert list(table.index) == ["Omsorgslogikk", "Valgets logikk", "Styrings- og produksjonslogikk", "Markedslogikk"]


def test_profile_chart_has_alt_text_with_the_numbers():
    chart = carelogics.profile_chart(carelogics.score({"u01": "omsorg", "u03": "styring"}, STATEMENTS))
    assert "Din sortering (2 av 14 utsagn): Omsorgslogikk 1, Valgets logikk 0" in chart.alt
    assert "Kursets lesning: Omsorgslogikk 4" in chart.alt and "skrevet for kurset" in chart.caption
    empty = carelogics.profile_chart(carelogics.score({}, STATEMENTS))
    assert "Du har ikke sortert noen ennå" in empty.alt


# -- what the notebook shows and saves ------------------------------------------------------------


def test_feedback_shows_sorted_statements_with_explanation_and_caveat():
    shown = carelogics.feedback(STATEMENTS, refleksjon="", u14="omsorg", u07="styring")._repr_html_()
    assert "Du har sortert 2 av 14 utsagn" in shown and "12 utsagn står igjen" in shown
    assert "Også en mulig lesning." in shown and "Samme som kursets lesning." in shown
    assert "kan leses på mer enn én måte" in shown
    assert STATEMENTS.loc["u14", "forklaring"] in shown and STATEMENTS.loc["u01", "utsagn"] not in shown
    assert "<img" in shown and 'role="status"' in shown


def test_nothing_to_save_until_something_is_sorted_or_written():
    assert carelogics.feedback(STATEMENTS).record() is None
    record = carelogics.feedback(STATEMENTS, refleksjon="Jeg kjente meg igjen i nr. 13.").record()
    assert record["felt"]["Refleksjon"] == "Jeg kjente meg igjen i nr. 13."


def test_record_keeps_æøå_and_goes_into_the_project_file(tmp_path):
    reflection = "  Vi må snakke om hva «effektivitet» betyr på vår avdeling – og hvem som får mindre tid. Æøå.  "
    record = carelogics.feedback(STATEMENTS, refleksjon=reflection, u01="omsorg", u12="styring").record()
    assert record["felt"]["Refleksjon"] == reflection.strip()
    rows = record["tall"]["sortering"]
    assert len(rows) == 14 and rows[0]["mitt_valg"] == "Omsorgslogikk" and rows[0]["vurdering"] == "samme"
    assert rows[11]["vurdering"] == "også mulig" and rows[1]["mitt_valg"] == carelogics.UNSORTED
    assert record["tall"]["min_profil"] == {"omsorg": 1, "valg": 0, "styring": 1, "marked": 0}
    path = workbook.save(
        workbook.with_section(workbook.new_project(), "verdier", record, "Logikker i praksis"),
        tmp_path / "mitt-prosjekt.json",
    )
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["seksjoner"]["verdier"]["innhold"]["felt"]["Refleksjon"].endswith("Æøå.")


def test_too_long_reflection_is_a_norwegian_message():
    with pytest.raises(InputError, match="refleksjonen er 2\u00a0001 tegn lang") as error:
        carelogics.feedback(STATEMENTS, refleksjon="å" * 2001, u01="omsorg")
    assert "ikke slettet" in str(error.value)


def test_course_reading_and_logics_tables():
    reading = carelogics.course_reading(STATEMENTS)
    assert reading.loc[14, "Kursets lesning"] == "Styrings- og produksjonslogikk"
    assert reading.loc[14, "Også mulig"] == "Omsorgslogikk" and reading.loc[1, "Også mulig"] == "–"
    assert list(carelogics.logics_table().index) == [logic.label for logic in carelogics.LOGICS.values()]


# -- the widgets only wire up ------------------------------------------------------------------------


def test_controls_drive_the_live_form():
    controls = editors.care_logic_controls(STATEMENTS)
    assert list(controls)[:2] == ["u01", "u02"] and "refleksjon" in controls
    first = controls["u01"]
    dropdown = first.children[1]
    assert dropdown.tooltip.startswith("1. Hun spiste") and "Hun spiste" in first.children[0].value
    assert first.value == "" and dropdown.label == carelogics.UNSORTED
    form = ui.live_form(controls, lambda **values: carelogics.feedback(STATEMENTS, **values), note="Sorter.")
    dropdown.value = "omsorg"
    assert first.value == "omsorg"
    result = form.children[-1]
    assert "Du har sortert 1 av 14 utsagn" in result.outputs[0]["data"]["text/html"]

"""Team surveys: reverse scoring, scale scores, Cronbach's alpha, anonymity and bad input.

Cronbach's alpha is checked three ways: against a small example worked by hand, against
two algebraically independent forms (the covariance matrix, and the mean inter-item
covariance), and against Rulon's split-half formula, which equals alpha for two items.
"""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from helseinnovasjon import resume, surveys, workbook
from helseinnovasjon.errors import InputError

HEADER = "p1;p2;p3;p4;p5;p6;p7"


def _alpha_from_covariance(frame: pd.DataFrame) -> float:
    """Independent form: k/(k-1) * (1 - trace(C) / sum(C)), C the item covariance matrix."""
    c = np.cov(frame.dropna().to_numpy(dtype=float), rowvar=False)
    k = c.shape[0]
    return k / (k - 1) * (1 - np.trace(c) / c.sum())


def _alpha_from_mean_covariance(frame: pd.DataFrame) -> float:
    """Independent form: k * mean covariance / (mean variance + (k-1) * mean covariance)."""
    c = np.cov(frame.dropna().to_numpy(dtype=float), rowvar=False)
    k = c.shape[0]
    mean_var = np.trace(c) / k
    mean_cov = (c.sum() - np.trace(c)) / (k * (k - 1))
    return k * mean_cov / (mean_var + (k - 1) * mean_cov)


def _random_team(seed: int, people: int = 15, items: int = 7) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = []
    for _ in range(people):
        level = rng.gauss(4, 1.2)
        rows.append([max(1, min(7, round(level + rng.gauss(0, 1)))) for _ in range(items)])
    return pd.DataFrame(rows, columns=[f"p{i}" for i in range(1, items + 1)], dtype="float64")


# -- reverse scoring and scale scores -------------------------------------------------------


def test_reverse_scoring_is_eight_minus_x_on_the_seven_point_scale():
    assert list(surveys.reverse_score(pd.Series(range(1, 8)), 1, 7)) == [7, 6, 5, 4, 3, 2, 1]
    assert surveys.reverse_score(3, 1, 7) == 5 and surveys.reverse_score(2, 1, 5) == 4
    twice = surveys.reverse_score(surveys.reverse_score(pd.Series([1.0, 4.0, np.nan]), 1, 7), 1, 7)
    assert twice.iloc[:2].tolist() == [1.0, 4.0] and np.isnan(twice.iloc[2])


def test_the_statements_reverse_exactly_items_1_3_and_5():
    items = surveys.SAFETY.items()
    assert list(items["nr"]) == list(range(1, 8))
    assert surveys.SAFETY.reversed_columns(items) == ["p1", "p3", "p5"]


def test_the_learning_statements_are_answered_in_columns_u01_to_u11_and_none_is_reversed():
    items = surveys.LEARNING.items()
    assert surveys.LEARNING.columns(items) == [f"u{i:02d}" for i in range(1, 12)]
    assert surveys.LEARNING.reversed_columns(items) == []
    assert surveys.LEARNING.labels(items)[0] == "1. Trygt å si fra"


def test_scale_score_of_one_person_worked_by_hand():
    answers = pd.DataFrame([[2, 6, 1, 6, 2, 6, 6]], columns=[f"p{i}" for i in range(1, 8)])
    scored = surveys.score(answers, ["p1", "p3", "p5"], 1, 7)
    assert scored.iloc[0].tolist() == [6, 6, 7, 6, 6, 6, 6]  # 8-2, 6, 8-1, 6, 8-2, 6, 6
    assert surveys.respondent_scores(scored).iloc[0] == pytest.approx(43 / 7)


def test_a_person_who_answered_fewer_than_half_gets_no_scale_score():
    nan = np.nan
    scored = pd.DataFrame([[5, 5, 5, 5, nan, nan, nan], [5, 5, 5, nan, nan, nan, nan]], dtype="float64")
    people = surveys.respondent_scores(scored)  # 7 items: at least 4 answers needed
    assert people.iloc[0] == 5 and np.isnan(people.iloc[1])


# -- Cronbach's alpha -----------------------------------------------------------------------


def test_alpha_on_a_small_example_worked_by_hand():
    # Items (sample variances): 1,2,3,4 -> 5/3; 2,3,3,4 -> 2/3; 2,3,4,5 -> 5/3; sum 4.
    # Person sums 5, 8, 10, 13 -> variance 34/3. alpha = 3/2 * (1 - 4 / (34/3)) = 33/34.
    table = pd.DataFrame({"a": [1, 2, 3, 4], "b": [2, 3, 3, 4], "c": [2, 3, 4, 5]}, dtype="float64")
    assert surveys.cronbach_alpha(table) == pytest.approx(33 / 34)


@pytest.mark.parametrize("seed", range(5))
def test_alpha_agrees_with_two_independent_forms(seed):
    team = _random_team(seed)
    alpha = surveys.cronbach_alpha(team)
    assert alpha == pytest.approx(_alpha_from_covariance(team), abs=1e-12)
    assert alpha == pytest.approx(_alpha_from_mean_covariance(team), abs=1e-12)


def test_alpha_for_two_items_equals_rulons_split_half():
    team = _random_team(7, items=2)
    a, b = team["p1"], team["p2"]
    rulon = 1 - (a - b).var(ddof=1) / (a + b).var(ddof=1)
    assert surveys.cronbach_alpha(team) == pytest.approx(rulon)


def test_alpha_uses_only_complete_answers():
    team = _random_team(3)
    with_gap = team.copy()
    with_gap.iloc[0, 2] = np.nan
    assert surveys.cronbach_alpha(with_gap) == pytest.approx(surveys.cronbach_alpha(team.iloc[1:]))


def test_alpha_cannot_be_computed_when_everyone_answers_alike():
    with pytest.raises(InputError, match="samme sum"):
        surveys.cronbach_alpha(pd.DataFrame({"a": [4, 4, 4], "b": [5, 5, 5]}, dtype="float64"))


# -- a team summary --------------------------------------------------------------------------


def test_the_illustrative_team_is_summarised_with_a_note_on_the_missing_answer():
    example = surveys.SAFETY.example()
    summary = surveys.summarise(example, ["p1", "p3", "p5"], 1, 7)
    scored = surveys.score(example, ["p1", "p3", "p5"], 1, 7)
    assert (summary.respondents, summary.complete) == (12, 11)
    assert summary.alpha == pytest.approx(_alpha_from_covariance(scored))
    assert summary.item_means["p4"] == pytest.approx(example["p4"].mean())  # 11 answers, not 12
    assert summary.item_answers["p4"] == 11
    assert summary.scale_mean == pytest.approx(scored.mean(axis=1).mean())
    assert "regnet ut fra de 11" in summary.alpha_note and "1 person med manglende svar" in summary.alpha_note


def test_no_alpha_when_fewer_than_five_answered_everything():
    team = _random_team(1, people=6)
    team.iloc[0, 0] = team.iloc[1, 1] = np.nan
    summary = surveys.summarise(team, [], 1, 7)
    assert summary.alpha is None and "bare 4 har svart på alle" in summary.alpha_note


@pytest.mark.parametrize(
    ("people", "expected"), [(0, "ingen svar"), (1, "Bare 1 person har"), (4, "Bare 4 personer har svart.*minst 5")]
)
def test_anonymity_threshold(people, expected):
    with pytest.raises(InputError, match=expected):
        surveys.SAFETY.answer(surveys.SAFETY.example().head(people), "Lite team")


def test_five_answers_are_enough():
    answer = surveys.SAFETY.answer(surveys.SAFETY.example().head(5), "Fem")
    assert answer.numbers["antall_svar"] == 5


def test_the_saved_record_holds_only_aggregates():
    answer = surveys.SAFETY.answer(surveys.SAFETY.example(), "Team Nord", illustrative=True)
    record = answer.record()
    assert set(record["tall"]) == {
        "team",
        "antall_svar",
        "snitt_skala",
        "paastander",
        "cronbachs_alfa",
        "merknad",
        "illustrerende",
    }
    assert record["tall"]["antall_svar"] == 12 and record["tall"]["illustrerende"] is True
    assert record["tall"]["paastander"][3] == {"paastand": "4. Trygt å ta en sjanse", "snitt": 4.45, "antall_svar": 11}
    assert answer.text.startswith("Team Nord: 12 svar. Gjennomsnittet er")
    assert "illustrerende" in answer.figure.caption and "8 − svaret" in answer.figure.caption
    assert "ikke et validert norsk" in answer.figure.caption


# -- reading answers: Norwegian Excel and bad input -----------------------------------------


def _rows(*rows: str) -> str:
    return HEADER + "\n" + "\n".join(rows) + "\n"


GOOD = ["4;5;3;4;4;6;5", "2;6;2;5;3;6;5", "4;5;4;5;4;5;2", "1;5;2;4;4;5;6", "3;5;1;4;3;6;6"]


def test_norwegian_excel_file_with_extra_columns_and_blank_lines():
    text = "Tidspunkt;Påstand 1;Påstand 2;Påstand 3;Påstand 4;Påstand 5;Påstand 6;Påstand 7;Kommentar\r\n"
    text += "".join(f"12.03.2026;{row};Bra møte på Ås\r\n" for row in GOOD) + ";;;;;;;;\r\n"
    table = surveys.parse_responses(text.encode("cp1252"), [f"p{i}" for i in range(1, 8)], 1, 7)
    assert table.shape == (5, 7) and table.iloc[0].tolist() == [4, 5, 3, 4, 4, 6, 5]
    answer = surveys.SAFETY.from_csv(text.encode("cp1252"), "Hjemmetjenesten Øst")
    assert answer.text.startswith("Hjemmetjenesten Øst: 5 svar")


def test_empty_cells_are_missing_answers_and_empty_rows_are_dropped():
    table = surveys.parse_responses(_rows(*GOOD, "4;;3;4;4;6;5", ";;;;;;"), [f"p{i}" for i in range(1, 8)], 1, 7)
    assert len(table) == 6 and np.isnan(table.iloc[5, 1])


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        ("9", "verdien 9 er for stor.*hele tall fra 1 til 7"),
        ("0", "verdien 0 er for liten"),
        ("tre", "«tre» er ikke et helt tall.*hele tall fra 1 til 7"),
        ("4,5", "«4,5» er ikke et helt tall"),
    ],
)
def test_answers_outside_the_scale_or_not_numbers(bad, expected):
    with pytest.raises(InputError, match=expected) as error:
        surveys.SAFETY.from_csv(_rows(*GOOD, f"4;5;{bad};4;4;6;5"))
    assert error.value.column == "p3" and error.value.row == 7


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", "filen er tom"),
        (HEADER + "\n", "ingen svar"),
        ("p1;p2;p3;p4;p5;p6\n" + "\n".join(r[:-2] for r in GOOD), "mangler kolonnen «p7»"),
        (_rows(*GOOD[:3]), "Bare 3 personer har svart"),
    ],
)
def test_tables_that_cannot_be_used(raw, expected):
    with pytest.raises(InputError, match=expected):
        surveys.SAFETY.from_csv(raw)


# -- the learning-organisation self-assessment ------------------------------------------------


def test_the_course_statements_cover_the_building_blocks_and_sub_areas():
    items = surveys.LEARNING.items()
    assert list(dict.fromkeys(items["byggestein"])) == [
        "Støttende læringsmiljø",
        "Konkrete læringsprosesser",
        "Ledelse som forsterker læring",
    ]
    areas = set(items["delomrade"])
    assert {
        "Psykologisk trygghet",
        "Verdsetting av ulikheter",
        "Åpenhet for nye ideer",
        "Tid til refleksjon",
        "Eksperimentering",
        "Innsamling av informasjon",
        "Analyse",
        "Opplæring",
    } <= areas


def test_block_scores_worked_by_hand():
    items = surveys.LEARNING.items()
    answers = dict(zip(items["id"], [5, 4, 4, 3, 2, 2, 3, 1, 4, 4, 5]))
    answer = surveys.self_assessment(**answers)
    # Blocks: (5+4+4+3)/4 = 4.0; (2+2+3+1)/4 = 2.0; (4+4+5)/3 = 4.33
    assert answer.numbers["byggesteiner"] == [
        {"byggestein": "Støttende læringsmiljø", "snitt": 4.0},
        {"byggestein": "Konkrete læringsprosesser", "snitt": 2.0},
        {"byggestein": "Ledelse som forsterker læring", "snitt": 4.33},
    ]
    assert answer.numbers["paastander"][0] == {"id": "u01", "paastand": "1. Trygt å si fra", "svar": 5.0}
    assert "Svakest: konkrete læringsprosesser" in answer.text
    assert "ikke forfatternes spørreskjema" in answer.figure.caption


@pytest.mark.parametrize(("change", "expected"), [({"u03": 6}, "utenfor skalaen"), ({"u03": None}, "mangler svar")])
def test_self_assessment_bad_values(change, expected):
    answers = {**surveys.example_self_assessment(), **change}
    with pytest.raises(InputError, match=expected):
        surveys.self_assessment(**answers)


def test_the_illustrative_learning_team():
    example = surveys.LEARNING.example()
    answer = surveys.LEARNING.answer(example, "Eksempelteamet", illustrative=True)
    blocks = {row["byggestein"]: row["snitt"] for row in answer.numbers["byggesteiner"]}
    assert blocks["Støttende læringsmiljø"] == pytest.approx(
        example[["u01", "u02", "u03", "u04"]].mean(axis=1).mean(), abs=0.005
    )
    assert answer.numbers["antall_svar"] == 8 and "illustrerende" in answer.figure.caption
    lowest = surveys.subarea_table(example).index[0]
    assert lowest == "Setter av tid og ressurser"


def test_learning_team_from_pasted_text_and_too_few():
    raw = surveys.example_csv(surveys.LEARNING_EXAMPLE)
    assert surveys.LEARNING.from_csv(raw, "Avdeling B").text.startswith("Avdeling B: 8 svar")
    with pytest.raises(InputError, match="Bare 2 personer"):
        surveys.LEARNING.from_csv("\n".join(raw.splitlines()[:3]))
    with pytest.raises(InputError, match="hele tall fra 1 til 5"):
        surveys.LEARNING.from_csv(raw.replace("\n3,", "\n7,", 1))


def test_the_form_shows_bad_answers_as_a_norwegian_message_and_keeps_the_input():
    from helseinnovasjon import ui

    form = ui.csv_form(
        surveys.SAFETY.from_csv,
        example=surveys.example_csv(surveys.SAFETY_EXAMPLE),
        fields={"team": ("Teamets navn:", "Team Øst")},
        note="Prøv.",
    )
    _note, _upload, paste, _team, button, message, result = form.children
    assert "Team Øst: 12 svar" in result.outputs[0]["data"]["text/html"]
    paste.value = _rows(*GOOD[:4], "4;5;8;4;4;6;5")
    button.click()
    shown = message.outputs[0]["data"]["text/html"]
    assert "verdien 8 er for stor" in shown and "Traceback" not in shown
    assert paste.value.endswith("4;5;8;4;4;6;5\n")  # nothing typed is lost
    assert "Team Øst: 12 svar" in result.outputs[0]["data"]["text/html"]  # the last good result stays


def test_self_assessment_sliders_start_from_your_saved_answers(tmp_path):
    path = tmp_path / "mitt-prosjekt.json"
    values, line = resume.self_assessment(path)
    assert values == surveys.example_self_assessment() and "tenkt person" in line
    mine = {item: 1 + i % 5 for i, item in enumerate(surveys.slider_labels())}
    answer = surveys.self_assessment(**mine)
    workbook.save(
        workbook.with_section(
            workbook.new_project(), "laeringskultur", answer.record(), "Lærende organisasjon – egenvurdering"
        ),
        path,
    )
    values, line = resume.self_assessment(path)
    assert values == mine and line.startswith("Glidebryterne starter med din forrige vurdering.")
    # a hand-edited file with an answer missing: back to the example
    project = workbook.load(path)
    del project["seksjoner"]["laeringskultur"]["innhold"]["tall"]["paastander"][0]
    workbook.save(project, path)
    assert resume.self_assessment(path).values == surveys.example_self_assessment()


def test_statement_table_refuses_a_survey_it_does_not_know():
    assert list(surveys.statement_table("laering").columns) == ["Nr.", "Byggestein", "Delområde", "Påstand"]
    with pytest.raises(ValueError, match="unknown survey 'tryghet'"):
        surveys.statement_table("tryghet")

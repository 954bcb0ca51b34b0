"""The comparison with the country and with the municipalities of the same centrality class: pure
functions checked against numbers worked out by hand on a small constructed table."""

from __future__ import annotations

import pandas as pd
import pytest

from helseinnovasjon import comparison, plotting, projection, sections
from helseinnovasjon.errors import InputError

# A made-up population in the book's age groups (persons), small enough to work out by hand.
GROUPS = ["0-17", "18-49", "50-66", "67-79", "80-89", "90+"]
SMALL = {
    2022: [100, 200, 100, 60, 30, 10],  # 67+ 100, 80+ 40, all 500
    2026: [100, 200, 100, 64, 32, 14],  # 80+ 46, all 510
    2030: [100, 200, 100, 70, 40, 15],  # 67+ 125, 80+ 55
    2035: [100, 200, 100, 75, 45, 20],  # 67+ 140, 80+ 65
    2040: [100, 200, 100, 80, 50, 30],  # 67+ 160, 80+ 80, all 560
}


def tidy(by_year: dict[int, list[float]]) -> pd.DataFrame:
    return pd.DataFrame(
        [(group, year, persons) for year, row in by_year.items() for group, persons in zip(GROUPS, row)],
        columns=["alder", "aar", "personer"],
    )


def test_figures_by_hand():
    got = comparison.figures(tidy(SMALL))
    assert got["vekst_80_pluss_prosent"] == {"2030": 37.5, "2035": 62.5, "2040": 100.0}  # 55/40, 65/40, 80/40
    assert got["vekst_67_pluss_prosent"] == {"2030": 25.0, "2035": 40.0, "2040": 60.0}  # 125/100, 140/100, 160/100
    assert got["andel_80_pluss_prosent"] == {"2026": 9.0, "2040": 14.3}  # 46/510 = 9.02 %, 80/560 = 14.29 %


def test_the_need_grows_as_the_population_when_every_age_grows_alike():
    """The model's need is hours per person × persons: if every group grows by 10 %, so does the need."""
    base = SMALL[2022]
    grown = dict.fromkeys(SMALL, base) | {2040: [round(p * 1.1) for p in base]}  # 110, 220, 110, 66, 33, 11
    assert comparison.figures(tidy(grown))["vekst_i_behov_prosent"] == 10.0


def test_the_need_uses_the_models_own_projection():
    groups = tidy(SMALL).pivot(index="aar", columns="alder", values="personer")[GROUPS]
    need = projection.project(groups)["behov"]
    expected = round(float(100 * (need[2040] / need[2022] - 1)), 1)
    assert comparison.figures(tidy(SMALL))["vekst_i_behov_prosent"] == expected


def test_a_table_without_the_comparison_years_is_refused_in_norwegian():
    with pytest.raises(InputError, match="(?i)mangler tall for 2026, 2030 og 2035"):
        comparison.figures(tidy({2022: SMALL[2022], 2040: SMALL[2040]}))


def test_the_group_is_the_other_municipalities_in_the_same_class():
    group = comparison.group_for("3201")  # Bærum: class 1 with Oslo, Lillestrøm, Lørenskog and Rælingen
    assert group.centrality_class == 1 and group.members == ("0301", "3205", "3222", "3224")
    assert group.label == "de 4 andre kommunene i sentralitetsklasse 1"
    assert "0301" not in comparison.group_for("0301").members and "3201" in comparison.group_for("0301").members
    table = comparison.centrality()
    assert len(table) == 357 and table["kommunenummer"].is_unique
    assert set(table["sentralitetsklasse"]) == {1, 2, 3, 4, 5, 6}


def test_the_centrality_file_has_every_current_municipality_and_indices_inside_their_class():
    from helseinnovasjon import ssb

    table = comparison.centrality()
    assert set(table["kommunenummer"]) == set(ssb.municipalities()["kommunenummer"])
    bounds = {1: (925, 1000), 2: (870, 924), 3: (775, 869), 4: (670, 774), 5: (565, 669), 6: (0, 564)}
    for klass, index in zip(table["sentralitetsklasse"], table["sentralitetsindeks"]):
        assert bounds[klass][0] <= index <= bounds[klass][1]


def test_a_municipality_with_no_class_gets_a_norwegian_message(tmp_path):
    with pytest.raises(InputError, match="(?i)ingen sentralitetsklasse.*Sammenligningen med landet vises likevel"):
        comparison.group_for("9999")


def test_compare_answer_and_table():
    group = comparison.Group(1, ("0301", "3205"), tidy(SMALL))
    doubled = tidy({year: [2 * p for p in row] for year, row in SMALL.items()})
    compared = comparison.compare(("3201 Bærum", tidy(SMALL)), doubled, group)
    assert set(compared) == {"kommune", "landet", "gruppe"}
    assert compared["landet"]["vekst_80_pluss_prosent"] == compared["kommune"]["vekst_80_pluss_prosent"]
    assert compared["gruppe"]["kommuner"] == ["0301", "3205"] and compared["gruppe"]["sentralitetsklasse"] == 1
    answer = comparison.answer(compared, "Kilde: SSB, konstruert.", group)
    assert isinstance(answer, plotting.Answer)
    assert answer.text.startswith("Antallet personer 80 år og eldre i Bærum vokser med 100,0")
    assert "i landet" in answer.text and "de 2 andre kommunene i sentralitetsklasse 1" in answer.text
    assert "Klasse 1 er kommunene med sentralitetsindeks 925–1000 av 1000" in answer.text
    assert answer.figure.caption.endswith("Kilde: SSB, konstruert.") and "Bærum" in answer.figure.alt
    sections.check(sections.UBALANSE, answer.record())  # ASCII snake_case keys at every depth
    frame = comparison.table(compared)
    assert list(frame.columns) == ["3201 Bærum", "Hele landet", "Samme sentralitet (2 kommuner)"]
    assert frame.loc["Vekst 80 år og eldre 2022–2030 (%)", "3201 Bærum"] == 37.5
    assert frame.loc["Andel 80 år og eldre 2040 (%)", "Hele landet"] == 14.3


def test_compare_without_country_or_group_compares_nothing_else():
    compared = comparison.compare(("3201 Bærum", tidy(SMALL)))
    assert set(compared) == {"kommune"}
    assert comparison.answer(compared, "Kilde: x.").text.endswith("fra 2022 til 2040.")


def test_from_saved_reads_back_what_the_form_saves_and_ignores_other_shapes():
    compared = comparison.compare(("3201 Bærum", tidy(SMALL)))
    content = {"tekst": "x", "tall": {"kommune": "3201 Bærum", "sammenligning": compared}, "kilde": "y"}
    assert comparison.from_saved(content) == ("3201 Bærum", compared)
    assert comparison.from_saved({"tall": {"behov_2040": 1}}) is None  # saved by the scenario explorer
    assert comparison.from_saved({"tall": {"sammenligning": "tekst"}}) is None  # edited by hand
    assert comparison.from_saved({}) is None

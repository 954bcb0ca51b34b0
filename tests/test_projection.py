"""The projection model: reproduces the published population figures, behaves sensibly,
and refuses bad input with Norwegian messages."""

from __future__ import annotations

import pandas as pd
import pytest

from helseinnovasjon import projection
from helseinnovasjon.errors import InputError


@pytest.fixture(scope="module")
def population():
    return projection.load_population()


# -- check against the sources (shared/facts A1) -----------------------------------------


def test_reproduces_published_growth_2022_to_2040(population):
    growth = 100 * (population.loc[2040] / population.loc[2022] - 1)
    assert round(growth["80-89"], 1) == 97.7
    assert round(growth["90+"], 1) == 133.7
    assert round(growth["67-79"], 1) == 28.9
    assert round(growth["0-17"], 1) == -2.9
    eighty_plus = population[["80-89", "90+"]].sum(axis=1)
    assert eighty_plus[2022] == 240_293 and eighty_plus[2040] == 491_876
    assert round(eighty_plus[2040] / eighty_plus[2022], 2) == 2.05


def test_hours_per_person_follow_ssb_11643(population):
    per_person = projection.national_hours_per_person()
    assert list(per_person.index) == ["0-49", "50-66", "67-79", "80-89", "90+"]
    assert per_person.is_monotonic_increasing
    # 7 % of the hours go to 46 558 people aged 90+: about 8 times the average person
    assert 8.0 < per_person["90+"] < 8.3
    people = population.loc[2022].groupby(projection.MODEL_GROUP).sum()
    assert (per_person * people).sum() == pytest.approx(people.sum())  # average is 1


# -- the model ---------------------------------------------------------------------------


def test_base_year_is_the_published_workforce_and_share(population):
    result = projection.project(population)
    start = result.loc[2022]
    assert start["behov"] == pytest.approx(400_000) and start["tilgjengelig"] == pytest.approx(400_000)
    assert start["andel_behov"] == pytest.approx(15.0)
    assert list(result.index) == list(range(2022, 2041))


def test_without_measures_need_grows_with_ageing(population):
    result = projection.project(population)
    assert result["behov"].is_monotonic_increasing
    assert 85_000 < result.loc[2040, "mangel"] < 95_000
    assert round(result.loc[2040, "andel_behov"], 1) == 18.4


def test_interpolation_hits_the_data_years(population):
    yearly = projection.population_by_year(population)
    assert yearly.loc[2025, "90+"] == population.loc[2025, "90+"]
    assert yearly.loc[2030, "90+"] == pytest.approx(47_882 + (108_786 - 47_882) * 5 / 15)


@pytest.mark.parametrize("measure", ["productivity", "task_shifting", "welfare_technology", "prevention"])
def test_every_measure_lowers_need_in_2040_but_not_in_2022(population, measure):
    base = projection.project(population)
    changed = projection.project(population, projection.Scenario(**{measure: 2.0}))
    assert changed.loc[2040, "behov"] < base.loc[2040, "behov"]
    assert changed.loc[2022, "behov"] == pytest.approx(base.loc[2022, "behov"])


def test_prevention_only_touches_the_older_groups(population):
    young_only = population.copy()
    young_only[projection.OLDER] = 0
    base = projection.project(young_only, per_person=projection.national_hours_per_person())
    prevented = projection.project(
        young_only, projection.Scenario(prevention=40), per_person=projection.national_hours_per_person()
    )
    pd.testing.assert_series_equal(base["behov"], prevented["behov"])


def test_productivity_compounds_yearly(population):
    base = projection.project(population)
    one_percent = projection.project(population, projection.Scenario(productivity=1))
    assert one_percent.loc[2040, "behov"] == pytest.approx(base.loc[2040, "behov"] / 1.01**18)


def test_recruitment_share_moves_supply_only(population):
    base = projection.project(population)
    more = projection.project(population, projection.Scenario(recruitment_share=18))
    assert more.loc[2040, "tilgjengelig"] == pytest.approx(base.loc[2040, "tilgjengelig"] * 18 / 15)
    pd.testing.assert_series_equal(base["behov"], more["behov"])


def test_describe_in_one_plain_sentence(population):
    text = projection.describe(projection.project(population))
    assert text.startswith("Med disse forutsetningene mangler det om lag 91\u00a0000 personer")
    assert "18,4\u00a0%" in text
    surplus = projection.describe(projection.project(population, projection.Scenario(productivity=2)))
    assert "flere tilgjengelige enn det trengs" in surplus


def test_chart_alt_and_caption_carry_the_result(population):
    result = projection.project(population)
    chart = projection.chart(result, projection.Scenario())
    assert "91\u00a0000" in chart.alt and "Kilde:" in chart.caption


def test_carer_ratio_falls(population):
    ratio = projection.carer_ratio(population, ["50-66"], ["80-89", "90+"])
    assert round(ratio[2022], 2) == 4.81 and round(ratio[2040], 2) == 2.42


# -- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"productivity": "tre"}, "«tre» er ikke et tall"),
        ({"prevention": 80}, "utenfor det modellen tillater"),
        ({"task_shifting": -5}, "mellom 0 og 50"),
        ({"recruitment_share": float("nan")}, "utenfor"),
        ({"welfare_technology": None}, "ikke et tall"),
    ],
)
def test_scenario_refuses_bad_values(kwargs, expected):
    with pytest.raises(InputError, match=expected):
        projection.Scenario(**kwargs)


def test_scenario_accepts_numbers_as_text():
    assert projection.Scenario(productivity="1.5").productivity == 1.5


def test_population_with_negative_missing_or_absent_groups(population):
    negative = population.copy()
    negative.loc[2040, "90+"] = -1
    with pytest.raises(InputError, match="negativt"):
        projection.project(negative)
    missing = population.copy().astype(float)
    missing.loc[2025, "0-17"] = float("nan")
    with pytest.raises(InputError, match="mangler"):
        projection.project(missing)
    with pytest.raises(InputError, match="90\\+"):
        projection.project(population.drop(columns=["90+"]))


def test_years_out_of_range(population):
    with pytest.raises(InputError, match="utenfor dataene"):
        projection.population_by_year(population, 2022, 2050)


# -- your own municipality -----------------------------------------------------------------


def _single_year_file(encoding="cp1252") -> bytes:
    """Like SSB's Statistikkbanken export: single years, semicolons, Windows-1252, CRLF."""
    lines = ["Region;Alder;År;Personer"]
    for age in range(106):
        label = f"{age} år" if age < 105 else "105 år eller eldre"
        for year, count in ((2022, 100), (2030, 100), (2040, 100 if age < 85 else 150)):
            lines.append(f"3401 Kongsvinger;{label};{year};{count}")
    return "\r\n".join(lines).encode(encoding)


def test_example_municipality_reads_and_projects():
    groups, single = projection.municipality_population(projection.example_municipality_csv())
    assert list(groups.columns) == projection.POPULATION_GROUPS and list(groups.index) == [2022, 2025, 2040]
    assert single.empty
    text = projection.explore_municipality(projection.example_municipality_csv(), "800")._repr_html_()
    assert "vokser behovet for arbeidskraft i helse og omsorg med 23,7\u00a0%" in text
    assert "mangler det om lag 180 personer" in text
    assert "50–66 år per person 80 år eller eldre" in text


def test_single_year_ssb_file_gives_the_exact_carer_ratio():
    groups, _single = projection.municipality_population(_single_year_file())
    assert groups.loc[2022, "90+"] == 16 * 100 and groups.loc[2022, "0-17"] == 18 * 100
    text = projection.explore_municipality(_single_year_file(), "1 200")._repr_html_()
    # 17 ages 50-66 x 100 per 21 ages 85+ x 100 (2022), and x 150 (2040)
    assert "50–66 år per person 85 år eller eldre) går fra 0,8 til 0,5" in text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "filen er tom"),
        (b"alder;aar;personer\n", "ingen rader"),
        (b"alder;aar\n0-17;2022\n", "mangler kolonnen «personer»"),
        (b"alder;aar;personer\n0-19;2022;100\n", "«0-19» passer ikke"),
        (b"alder;aar;personer\nbarn;2022;100\n", "«barn» kan ikke leses"),
        (b"alder;aar;personer\n0-17;2022;-5\n", "for liten"),
        (b"alder;aar;personer\n0-17;2022;mange\n", "«mange» er ikke et helt tall"),
        (b"alder;aar;personer\n0-17;2022;10\n0-17;2040;10\n", "mangler for aldersgruppene 18-49"),
        (b"alder;aar;personer\n0-17;1850;10\n", "for liten"),
    ],
)
def test_municipality_file_errors(raw, expected):
    with pytest.raises(InputError, match=expected):
        projection.municipality_population(raw)


def test_municipality_file_without_2040():
    rows = "\n".join(f"{g};2022;100\n{g};2030;100" for g in projection.POPULATION_GROUPS)
    with pytest.raises(InputError, match="ikke tall for 2040"):
        projection.municipality_population("alder;aar;personer\n" + rows)


@pytest.mark.parametrize(("workforce", "expected"), [("", "tomt"), ("tusen", "ikke et tall"), ("-4", "minst 1")])
def test_workforce_field_errors(workforce, expected):
    with pytest.raises(InputError, match=expected):
        projection.explore_municipality(projection.example_municipality_csv(), workforce)


def test_answers_carry_what_the_project_file_saves(population):
    answer = projection.explore(population, productivity=0.5)
    record = answer.record()
    assert record["tekst"] == answer.text and record["tekst"].startswith("Med disse forutsetningene")
    assert record["tall"]["forutsetninger"]["productivity"] == 0.5
    assert record["tall"]["mangel_2040"] == round(
        projection.project(population, projection.Scenario(productivity=0.5)).loc[2040, "mangel"]
    )
    municipal = projection.explore_municipality(projection.example_municipality_csv(), "800").record()
    assert municipal["tall"]["ansatte_2022"] == 800 and municipal["tall"]["vekst_i_behov_prosent"] == 23.7
    import json

    json.dumps(record)
    json.dumps(municipal)  # plain JSON, as the project file needs

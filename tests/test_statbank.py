"""«Din kommune» from files as SSB's Statistikkbank delivers them: CSV (title lines, wide or long,
symbols, decimal commas, Latin-1) and XLSX, read without hand edits.

Which fixtures are real and which are constructed is in tests/fixtures/ssb/README.md."""

from __future__ import annotations

import pandas as pd
import pytest

from helseinnovasjon import projection, ssb, statbank
from helseinnovasjon.errors import InputError

from .test_ssb import fixture


def test_new_statistikkbank_csv_wide_latin1_with_title_line():
    raw = fixture("14746_3201_bred_statistikkbank_constructed.csv")
    assert raw.startswith(b'"Framskrevet') and b"\r\n" in raw and "år".encode("latin-1") in raw
    file = statbank.read_statbank(raw, label="14746.csv")
    assert file.title.startswith("Framskrevet folkemengde") and file.table == "14746"
    region, table, country = statbank.population_from_file(file)
    assert region == "3201 Bærum" and country is None
    assert sorted(table["aar"].unique())[0] == 2026 and table.groupby("aar").size().eq(106).all()
    assert "105 år eller eldre" in set(table["alder"])


def test_old_statistikkbank_csv_long_with_blank_line_bom_and_both_sexes():
    file = statbank.read_statbank(fixture("07459_3201_lang_gammel_constructed.csv"), label="07459.csv")
    assert file.table == "07459" and "kjønn" in file.frame
    _region, table, _ = statbank.population_from_file(file)
    men_and_women = file.frame[(file.frame["alder"] == "85 år") & (file.frame["år"] == "2022")]["verdi"].sum()
    assert table.query("alder == '85 år' and aar == 2022")["personer"].iloc[0] == men_and_women


def test_statistikkbank_xlsx_with_title_two_header_rows_filled_down_stub_and_notes():
    file = statbank.read_statbank(fixture("14746_3201_statistikkbank_constructed.xlsx"), label="14746.xlsx")
    assert file.table == "14746" and file.notes[0].startswith("Kilde")
    assert set(file.frame["statistikkvariabel"]) == {"Hovedalternativet (MMMM)"}
    region, table, _ = statbank.population_from_file(file)
    assert region == "3201 Bærum" and len(table) == 106 * 25


def test_the_real_react_globe_download_comma_separated_wide():
    """A real comma-separated Statistikkbank download of table 14288 (counties, no ages)."""
    file = statbank.read_statbank(fixture("14288_fylker_react-globe.csv"), label="NorwayPopulation.csv")
    assert list(file.frame.columns) == ["region", "år", "statistikkvariabel", "verdi"]
    assert file.table == "14288"  # the 2024 round, named from the first projected year
    oslo = file.frame[(file.frame["region"] == "03 Oslo") & (file.frame["år"] == "2024")]
    assert oslo["verdi"].iloc[0] == 717710
    with pytest.raises(InputError, match="(?i)mangler kolonnen med alder"):
        statbank.population_from_file(file)


def test_two_files_registered_and_projected_give_the_model_its_years():
    population = statbank.population_from_files(
        [
            ("14746.xlsx", fixture("14746_3201_statistikkbank_constructed.xlsx")),
            ("07459.csv", fixture("07459_3201_lang_gammel_constructed.csv")),
        ]
    )
    assert population.municipality == "3201 Bærum" and population.origin == "fil"
    assert set(population.tables) == {"07459", "14746"} and population.projection_round == 2026
    assert {2022, 2026, 2040} <= set(population.table["aar"])
    assert population.table.duplicated(["alder", "aar"]).sum() == 0
    answer = ssb.summary(population, "5000")
    assert "fra fil lastet ned fra Statistikkbanken" in answer.figure.caption


def test_a_projection_file_alone_says_to_add_the_base_year_from_07459():
    with pytest.raises(InputError, match="(?i)ikke tall for 2022.*tabell 07459.*begge filene"):
        statbank.population_from_files([("14746.csv", fixture("14746_3201_bred_statistikkbank_constructed.csv"))])


def test_symbols_semicolons_decimal_commas_and_cp1252():
    text = (
        '"Befolkning"\r\n"region";"alder";"år";"Personer"\r\n'
        '"0 Hele landet";"0 år";"2022";"51 480,0"\r\n"3201 Bærum";"0 år";"2022";"1 234,0"\r\n'
        '"3201 Bærum";"1 år";"2022";"-"\r\n"3201 Bærum";"2 år";"2022";".."\r\n'
    )
    file = statbank.read_statbank(text.encode("cp1252"), label="x.csv")
    values = dict(zip(file.frame["alder"] + file.frame["region"], file.frame["verdi"]))
    assert values["0 år3201 Bærum"] == 1234.0 and values["1 år3201 Bærum"] == 0.0  # «-» is nil
    assert pd.isna(values["2 år3201 Bærum"])
    with pytest.raises(InputError, match="(?i)tallet for 2 år i 2022 mangler"):
        statbank.population_from_file(file)


def test_a_file_with_the_country_gives_the_comparison():
    text = (
        '"region";"alder";"Personer 2022";"Personer 2040"\n'
        '"0 Hele landet";"0-17";"1000";"900"\n"3201 Bærum";"0-17";"100";"90"\n'
    )
    region, _table, country = statbank.population_from_file(statbank.read_statbank(text, label="x.csv"))
    assert region == "3201 Bærum" and int(country.query("aar == 2040")["personer"].iloc[0]) == 900


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "ingen tabell"),
        ('"tittel"\n"region";"alder";"Personer 2022"\n', "ingen rader med tall"),
        ('"region";"alder";"Personer 2022"\n"3201 Bærum";"0 år";"mange"\n', "«mange» er ikke et tall"),
        ('"region";"alder";"Personer 2022"\n"3201 Bærum";"0 år";"1"\n"4601 Bergen";"0 år";"1"\n', "flere kommuner"),
        ('"region";"alder";"LLML 2026";"HHMH 2026"\n"3201 Bærum";"0 år";"1";"2"\n', "flere statistikkvariabler"),
        ('"region";"alder";"personer"\n"3201 Bærum";"0 år";"1"\n', "ingen kolonne med år"),
    ],
)
def test_bad_files_get_one_norwegian_message(text, expected):
    with pytest.raises(InputError, match="(?i)" + expected):
        statbank.population_from_file(statbank.read_statbank(text.encode("utf-8"), label="x.csv"))


def test_a_broken_excel_file_is_refused_kindly():
    with pytest.raises(InputError, match="Excel-fil.*kan ikke åpnes"):
        statbank.read_statbank(b"PK\x03\x04 not really a zip", label="x.xlsx")


def test_the_books_own_format_still_reads():
    population = ssb.example_population()
    answer = ssb.summary(population, "800")
    assert "eksempelkommune" in answer.figure.caption
    file = statbank.read_statbank(projection.example_municipality_csv().encode("utf-8"), label="eksempel.csv")
    _region, table, _ = statbank.population_from_file(file)
    assert len(table) == len(population.table)


def test_files_without_the_country_show_the_projection_and_say_why_the_comparison_is_missing():
    from helseinnovasjon import editors

    population = statbank.population_from_files(
        [
            ("14746.xlsx", fixture("14746_3201_statistikkbank_constructed.xlsx")),
            ("07459.csv", fixture("07459_3201_lang_gammel_constructed.csv")),
        ]
    )
    result = ssb.results(population, "5000")
    assert result.comparison is None and result.missing == ssb.NO_COMPARISON
    shown = editors.MunicipalityView(result)._repr_html_()
    assert "Trykk «Hent fra SSB» for å få den" in shown
    assert ssb.results(ssb.example_population(), "5000").missing == ""  # the book's own example: no note

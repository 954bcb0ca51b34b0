"""Every data file is documented and valid; the loader reads what Norwegian Excel writes
and explains, in Norwegian, anything it cannot read."""

from __future__ import annotations

import json

import pytest
from frictionless import Package

from helseinnovasjon import data
from helseinnovasjon.errors import InputError

from .conftest import ROOT

DATA = ROOT / "helseinnovasjon" / "datasets"
PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
SCHEMA = {
    "fields": [
        {"name": "kommune", "type": "string", "constraints": {"required": True}},
        {"name": "alder", "type": "string", "constraints": {"required": True}},
        {"name": "personer", "type": "integer", "constraints": {"required": True, "minimum": 0}},
        {"name": "andel", "type": "number"},
    ],
    "primaryKey": ["kommune", "alder"],
}


# -- the data package -------------------------------------------------------------------


def test_datapackage_validates_with_frictionless():
    report = Package(str(DATA / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_every_data_file_is_documented():
    documented = {res["path"] for res in PACKAGE["resources"]}
    present = {p.name for p in DATA.iterdir() if p.is_file() and p.name != "datapackage.json"}
    assert present - documented == set(), "undocumented files in data/"
    assert documented - present == set(), "datapackage.json names files that do not exist"


@pytest.mark.parametrize("res", PACKAGE["resources"], ids=lambda r: r["name"])
def test_every_resource_has_provenance(res):
    assert res.get("title") and res.get("description")
    assert res.get("data_kind") in {"reell", "illustrativ"}
    assert isinstance(res.get("year"), int)
    assert res.get("sources") and all(s.get("title") for s in res["sources"])
    assert res.get("licenses") or PACKAGE.get("licenses")
    assert all(f.get("description") for f in res["schema"]["fields"]), "every column needs a description"


@pytest.mark.parametrize("res", PACKAGE["resources"], ids=lambda r: r["name"])
def test_package_loader_reads_every_resource(res):
    table = data.load_table(res["name"])
    assert list(table.columns) == [f["name"] for f in res["schema"]["fields"]]
    assert len(table) > 0


# -- the loader on good input ------------------------------------------------------------


def test_reads_norwegian_excel_semicolons_decimal_comma_and_cp1252(tmp_path):
    path = tmp_path / "tromsø.csv"
    text = "Kommune;Alder;Personer;Andel\r\nTromsø;0-17;15 234;19,5\r\nBodø;90+;1 102;1,2\r\n;;;\r\n"
    path.write_bytes(text.encode("cp1252"))
    table = data.read_csv(path, SCHEMA)
    assert table["kommune"].tolist() == ["Tromsø", "Bodø"]
    assert table["personer"].tolist() == [15234, 1102]
    assert table["andel"].tolist() == [19.5, 1.2]


def test_reads_utf8_with_bom_and_utf16(tmp_path):
    text = "kommune,alder,personer,andel\nÅsnes,67-79,1200,3.5\n"
    bom = tmp_path / "bom.csv"
    bom.write_bytes(text.encode("utf-8-sig"))
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes(text.encode("utf-16"))
    for path in (bom, utf16):
        table = data.read_csv(path, SCHEMA)
        assert table.loc[0, "kommune"] == "Åsnes"
        assert table.loc[0, "personer"] == 1200


def test_reads_uploaded_bytes_and_matches_headers_case_insensitively():
    table = data.read_csv(b"  KOMMUNE ;Alder;PERSONER;andel\nVoss;50-66;3 400;\n", SCHEMA)
    assert table.loc[0, "personer"] == 3400
    assert table["andel"].isna().all()


def test_ssb_symbols_become_missing_or_zero():
    table = data.read_csv(b"kommune;alder;personer;andel\nA;1;-;..\nB;2;0;:\n", SCHEMA)
    assert table["personer"].tolist() == [0, 0]
    assert table["andel"].isna().all()


# -- the loader on bad input: one clear Norwegian message each ---------------------------


def message(excinfo) -> str:
    return str(excinfo.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as excinfo:
        data.read_csv(tmp_path / "finnes-ikke.csv", SCHEMA)
    assert "finnes-ikke.csv" in message(excinfo) and "finnes ikke" in message(excinfo)


def test_empty_file(tmp_path):
    (tmp_path / "tom.csv").write_text("  \n")
    with pytest.raises(InputError, match="tom"):
        data.read_csv(tmp_path / "tom.csv", SCHEMA)


def test_missing_column_names_file_and_column(tmp_path):
    (tmp_path / "x.csv").write_text("kommune;alder\nA;1\n")
    with pytest.raises(InputError) as excinfo:
        data.read_csv(tmp_path / "x.csv", SCHEMA)
    text = message(excinfo)
    assert "«x.csv»" in text and "«personer»" in text and "«andel»" in text
    assert excinfo.value.source == "x.csv"


def test_extra_column_is_reported_unless_allowed():
    raw = b"kommune;alder;personer;andel;merknad\nA;1;2;3;hei\n"
    with pytest.raises(InputError, match="«merknad»"):
        data.read_csv(raw, SCHEMA)
    assert "merknad" not in data.read_csv(raw, SCHEMA, allow_extra_columns=True).columns


def test_text_in_number_field_names_line_column_and_value():
    with pytest.raises(InputError) as excinfo:
        data.read_csv(b"kommune;alder;personer;andel\nA;1;12;3\nB;2;tolv;4\n", SCHEMA)
    err = excinfo.value
    assert (err.row, err.column) == (3, "personer")
    assert "«tolv»" in str(err) and "helt tall" in str(err) and "linje 3" in str(err)


def test_decimal_in_integer_field():
    with pytest.raises(InputError, match="helt tall"):
        data.read_csv(b"kommune;alder;personer;andel\nA;1;12,5;3\n", SCHEMA)


def test_negative_number_breaks_minimum():
    with pytest.raises(InputError) as excinfo:
        data.read_csv(b"kommune;alder;personer;andel\nA;1;-4;3\n", SCHEMA)
    assert "for liten" in str(excinfo.value) and "\u22124" in str(excinfo.value)


def test_required_cell_empty():
    with pytest.raises(InputError, match="tom"):
        data.read_csv(b"kommune;alder;personer;andel\n;1;4;3\n", SCHEMA)


def test_duplicate_key_row():
    with pytest.raises(InputError, match="to ganger"):
        data.read_csv(b"kommune;alder;personer;andel\nA;1;4;3\nA;1;5;3\n", SCHEMA)


def test_ragged_rows():
    with pytest.raises(InputError, match="6 felt"):
        data.read_csv(b"kommune;alder;personer;andel\nA;1;4;3;9;9\n", SCHEMA)


def test_enum_violation_in_course_schema(tmp_path):
    res = data.resource("timefordeling-alder-tjeneste-2023")
    path = tmp_path / "t.csv"
    path.write_text("tjeneste,tjeneste_bokmal,aldersgruppe,andel_timer_prosent\nA,A,0-17,40\n", encoding="utf-8")
    with pytest.raises(InputError, match="«0-17» er ikke gyldig"):
        data.read_csv(path, res["schema"])


def test_unknown_resource_lists_known_names():
    with pytest.raises(InputError, match="timefordeling-alder-tjeneste-2023"):
        data.resource("finnes-ikke")


def test_key_figures_cite_sources_in_the_bibliography():
    import re

    keys = set(re.findall(r"@\w+\{([^,]+),", (ROOT / "references.bib").read_text(encoding="utf-8")))
    figures = data.load_table("nokkeltall")
    assert set(figures["kilde"]) <= keys, set(figures["kilde"]) - keys


def test_join_words_makes_a_norwegian_list():
    from helseinnovasjon.errors import join_words

    assert [join_words(items) for items in ([], ["a"], ["a", "b"], ["æ", "ø", "å"])] == ["", "a", "a og b", "æ, ø og å"]
    assert join_words(iter([1, 2])) == "1 og 2"

"""«Din kommune» with SSB's numbers: PxWebApi v2 replayed from fixtures (never the network), the cache,
and one Norwegian message for every failure.

Files downloaded from the Statistikkbank are tested in test_statbank.py. Which fixtures are real
recordings and which are constructed is in tests/fixtures/ssb/README.md."""

from __future__ import annotations

import datetime as dt
import json
import urllib.parse

import pandas as pd
import pytest

from helseinnovasjon import comparison, editors, plotting, projection, sections, ssb, workbook
from helseinnovasjon.errors import InputError

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "ssb"
INDEX = json.loads((FIXTURES / "requests.json").read_text(encoding="utf-8"))
TODAY = dt.date(2026, 11, 25)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


class Replay:
    """A transport that answers from the recorded fixtures and notes every URL it was asked for."""

    def __init__(self, answers: dict[str, tuple[int, bytes]] | None = None) -> None:
        self.answers = (
            answers
            if answers is not None
            else {_normalise(entry["url"]): (200, fixture(entry["file"])) for entry in INDEX.values()}
        )
        self.calls: list[str] = []

    def __call__(self, url: str, timeout: float) -> tuple[int, bytes]:
        self.calls.append(url)
        assert url.startswith(ssb.API_BASE), "only SSB's API may be asked"
        return self.answers[_normalise(url)]


def _normalise(url: str) -> tuple:
    """Parameter order and bracket encoding differ between clients: compare the parsed query."""
    parts = urllib.parse.urlsplit(url)
    return parts.path, tuple(sorted(urllib.parse.parse_qsl(parts.query)))


def raising(kind: str):
    def transport(url: str, timeout: float):
        raise ssb.TransportError(kind)

    return transport


# -- the request shape and the recorded responses ---------------------------------------------------


def test_requests_use_the_current_round_and_the_verified_codes():
    requests = ssb.requests_for("3201")
    projected, registered = requests["kommune_framskrevet"], requests["kommune_registrert"]
    assert projected.table == "14746" and ssb.PROJECTION_ROUNDS["14746"] == ssb.PROJECTION_ROUND == 2026
    assert projected.value_codes() == {"Region": ["3201"], "Alder": ["*"], "ContentsCode": ["Personer"], "Tid": ["*"]}
    assert projected.codelists() == {"Region": "vs_KommunFram2024Agg", "Alder": "vs_AlleAldre00B"}
    assert registered.table == "07459"
    assert registered.value_codes()["Region"] == ["K-3201"]  # today's borders, also back in time
    assert registered.codelists()["Region"] == "agg_KommSummer"
    assert registered.value_codes()["Tid"] == [f"from({projection.BASE_YEAR})"]
    assert requests["landet_framskrevet"].codelists()["Region"] == "vs_Landet"
    for request in requests.values():
        assert "Kjonn" not in request.value_codes(), "both sexes: Kjonn is left out so SSB sums it"
        assert request.url.startswith("https://data.ssb.no/api/pxwebapi/v2/tables/")
        assert "12881" not in request.url


@pytest.mark.parametrize("key", list(INDEX))
def test_fixture_and_request_have_not_drifted_apart(key):
    """If the request changes (a code, a codelist, a table), the recorded response no longer fits: record again."""
    request = ssb.requests_for("3201", comparison.group_for("3201"))[key]
    assert _normalise(INDEX[key]["url"]) == _normalise(request.url), "requests.json: record the fixture again"
    response = json.loads(fixture(INDEX[key]["file"]))
    assert ssb._drift(request, response) is None
    ssb.check_response(request, response)


def test_a_response_with_other_codes_is_refused_as_a_changed_table():
    request = ssb.requests_for("3201")["kommune_framskrevet"]
    response = json.loads(fixture(INDEX["kommune_framskrevet"]["file"]))
    response["dimension"]["ContentsCode"]["category"]["index"] = {"Personer9": 0}
    with pytest.raises(InputError, match="SSB har endret tabell 14746.*last opp"):
        ssb.check_response(request, response)
    del response["dimension"]["Alder"]
    response["id"].remove("Alder")
    assert "Alder" in ssb._drift(request, response)


def test_the_real_07459_response_is_flattened_in_jsonstat_order():
    real = json.loads(fixture("07459_omsorgsradar_real.json"))
    frame = ssb.jsonstat_frame(real)
    assert len(frame) == 3 * 2 * 25 * 2
    first = frame.iloc[0]
    assert (first["Region"], first["Kjonn_tekst"], first["Alder_tekst"], first["Tid"], first["verdi"]) == (
        "0301",
        "Kvinner",
        "80 år",
        "2017",
        1195.0,
    )
    assert frame.iloc[1]["Tid"] == "2024" and frame.iloc[1]["verdi"] == 1672.0  # the last id varies fastest
    # This real request asked for three regions and both sexes: it is not the shape «Din kommune» asks for.
    assert "Kjonn" in ssb._drift(ssb.requests_for("0301")["kommune_registrert"], real) or "Region" in ssb._drift(
        ssb.requests_for("0301")["kommune_registrert"], real
    )


def test_population_from_the_real_response_sums_the_sexes_for_one_region():
    real = json.loads(fixture("07459_omsorgsradar_real.json"))
    with pytest.raises(InputError, match="(?i)flere verdier for Region"):
        ssb.population_from_jsonstat(real)
    keep = dict(real)
    values = real["value"]
    keep["value"] = values[:100]  # Oslo: the first region block
    keep["size"] = [1, 2, 25, 1, 2]
    keep["dimension"] = {
        **real["dimension"],
        "Region": {"label": "region", "category": {"index": {"0301": 0}, "label": {"0301": "Oslo - Oslove"}}},
    }
    tidy = ssb.population_from_jsonstat(keep)
    assert list(tidy.columns) == ["alder", "aar", "personer"]
    row = tidy[(tidy["alder"] == "80 år") & (tidy["aar"] == 2017)]
    assert int(row["personer"].iloc[0]) == 1195 + 855  # women + men


def test_jsonstat_status_symbols_are_reported_not_counted():
    response = json.loads(fixture(INDEX["kommune_framskrevet"]["file"]))
    response["value"][5] = None
    response["status"] = {"5": ".."}
    frame = ssb.jsonstat_frame(response)
    assert frame.loc[5, "status"] == ".." and pd.isna(frame.loc[5, "verdi"])
    with pytest.raises(InputError, match="(?i)mangler tall for 0 år.*«\\.\\.»"):
        ssb.population_from_jsonstat(response)


def test_a_broken_response_gets_a_norwegian_message():
    with pytest.raises(InputError, match="JSON-stat2.*last opp"):
        ssb.jsonstat_frame({"id": ["Alder"], "size": [3], "dimension": {}, "value": [1]})


# -- fetching ------------------------------------------------------------------------------------


def test_fetch_combines_registered_and_projected_years_for_municipality_and_country():
    replay = Replay()
    population = ssb.fetch("Bærum", ssb.Client(replay), today=TODAY)
    assert len(replay.calls) == 6
    assert population.municipality == "3201 Bærum"
    years = sorted(population.table["aar"].unique())
    assert years[0] == 2022 and years[-1] == 2050 and len(years) == 29
    assert population.table.groupby("aar").size().eq(106).all()  # every age, 0 to 105+
    assert population.country is not None
    assert (
        population.table.query("aar == 2026")["personer"].sum()
        == ssb.population_from_jsonstat(json.loads(fixture("07459_K-3201_constructed.json")))
        .query("aar == 2026")["personer"]
        .sum()
    )
    source = population.source()
    assert "14746" in source and "07459" in source and "2026-11-25" in source and "12881" not in source


def test_summary_compares_with_the_country_and_shows_the_source_under_the_chart():
    population = ssb.fetch("3201", ssb.Client(Replay()), today=TODAY)
    answer = ssb.summary(population, "5 000")
    assert isinstance(answer, plotting.Answer)
    assert answer.text.startswith("I Bærum vokser behovet")
    assert "landet som helhet" in answer.text
    assert answer.figure.caption.endswith(population.source())
    assert "12881" not in answer.figure.caption
    record = answer.record()
    assert record["tall"]["kommune"] == "3201 Bærum" and record["tall"]["framskrivingsrunde"] == 2026
    assert record["tall"]["vekst_i_behov_landet_prosent"] == pytest.approx(
        record["tall"]["vekst_i_behov_prosent"], abs=2
    )
    with pytest.raises(InputError, match="(?i)ansatte i helse og omsorg"):
        ssb.summary(population, "mange")


@pytest.mark.parametrize(
    "transport, expected",
    [
        (raising("network"), "fikk ikke kontakt med SSB.*last ned tabell 07459.*last opp"),
        (raising("timeout"), "svarte ikke innen 30 sekunder.*last ned"),
        (
            lambda url, t: (400, b'{"type":"Parameter error","title":"Non-existent value","status":400}'),
            "SSB kjenner ikke kommunenummeret 3201.*slått sammen",
        ),
        (
            lambda url, t: (400, b'{"type":"Parameter error","title":"Non-existent codelist","status":400}'),
            "nye koder.*last opp",
        ),
        (lambda url, t: (404, b""), "fant ikke tabell 07459"),
        (lambda url, t: (429, b""), "for mange spørsmål.*Vent et minutt"),
        (lambda url, t: (500, b""), "HTTP 500.*Prøv igjen senere"),
        (lambda url, t: (200, b"<html>vedlikehold</html>"), "kunne ikke leses"),
    ],
)
def test_every_fetch_failure_is_one_norwegian_message_that_says_what_to_do(transport, expected):
    with pytest.raises(InputError, match="(?i)" + expected) as caught:
        ssb.fetch("3201", ssb.Client(transport))
    assert "Traceback" not in str(caught.value)


def test_urllib_transport_turns_no_network_into_a_transport_error(monkeypatch):
    import urllib.error
    import urllib.request

    def offline(*args, **kwargs):
        raise urllib.error.URLError(OSError("Name or service not known"))

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    with pytest.raises(ssb.TransportError) as caught:
        ssb.urllib_transport("https://data.ssb.no/api/pxwebapi/v2/tables/14746/data", 1)
    assert caught.value.kind == "network"

    def slow(*args, **kwargs):
        raise TimeoutError("timed out")

    monkeypatch.setattr(urllib.request, "urlopen", slow)
    with pytest.raises(ssb.TransportError) as caught:
        ssb.urllib_transport("https://data.ssb.no/api/pxwebapi/v2/tables/14746/data", 1)
    assert caught.value.kind == "timeout"


# -- municipalities ------------------------------------------------------------------------------


def test_the_municipality_list_is_klass_2026():
    table = ssb.municipalities()
    assert len(table) == 357 and table["kommunenummer"].is_unique
    assert "9999" not in set(table["kommunenummer"])
    options = ssb.municipality_options()
    assert "3201 Bærum" in options and "0301 Oslo - Oslove" in options


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("3201", ("3201", "Bærum")),
        ("bærum", ("3201", "Bærum")),
        ("3201 Bærum", ("3201", "Bærum")),
        ("Trondheim", ("5001", "Trondheim - Tråante")),
        ("301", ("0301", "Oslo - Oslove")),
        (" K-4601 ", ("4601", "Bergen")),
    ],
)
def test_find_municipality_by_name_or_number(typed, expected):
    assert ssb.find_municipality(typed) == expected


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("", "ikke valgt kommune"),
        ("3024", "3024 finnes ikke.*nytt nummer"),  # Bærum's number 2020–2023
        ("Herøy", "flere kommuner passer"),
        ("Atlantis", "fant ingen kommune"),
    ],
)
def test_unknown_merged_or_ambiguous_municipalities_get_a_message(typed, expected):
    with pytest.raises(InputError, match="(?i)" + expected):
        ssb.find_municipality(typed)


# -- the cache -----------------------------------------------------------------------------------


def test_a_fetched_table_is_cached_and_used_offline_afterwards(tmp_path):
    replay = Replay()
    first = ssb.fetch_or_cached("Bærum", tmp_path, ssb.Client(replay), today=TODAY)
    assert len(replay.calls) == 6
    saved = json.loads((tmp_path / "befolkning-3201.json").read_text(encoding="utf-8"))
    assert saved["tabeller"] == ["14746", "07459"] and saved["framskrivingsrunde"] == 2026
    assert saved["hentet"] == "2026-11-25"
    offline = ssb.fetch_or_cached("3201", tmp_path, ssb.Client(raising("network")))
    assert offline.origin == "cache" and offline.fetched == "2026-11-25"
    pd.testing.assert_frame_equal(offline.table, first.table, check_dtype=False)
    assert "hentet fra SSBs API 2026-11-25" in offline.source()
    with pytest.raises(InputError, match="(?i)fikk ikke kontakt"):
        ssb.fetch_or_cached("3201", tmp_path, ssb.Client(raising("network")), refresh=True)


def test_a_damaged_or_old_cache_is_ignored(tmp_path):
    (tmp_path / "befolkning-3201.json").write_text("{ikke json", encoding="utf-8")
    assert ssb.load_cache("3201", tmp_path) is None
    (tmp_path / "befolkning-3201.json").write_text(json.dumps({"versjon": 1, "framskrivingsrunde": 2024}))
    assert ssb.load_cache("3201", tmp_path) is None


def test_the_cache_folder_is_next_to_the_project_file(tmp_path):
    assert editors.ssb_cache_folder(tmp_path / "mitt-prosjekt.json") == tmp_path / "ssb-tall"


# -- the form ------------------------------------------------------------------------------------


def test_form_fetches_only_on_the_button_and_keeps_the_last_good_result(tmp_path):
    replay = Replay()
    box = editors.municipality_form(folder=tmp_path, client=ssb.Client(replay), save=("ubalanse", "Din kommune"))
    assert replay.calls == [], "nothing may be fetched before the button is pressed"
    widgets = _walk(box)
    combo = next(w for w in widgets if type(w).__name__ == "Combobox")
    button = next(w for w in widgets if type(w).__name__ == "Button" and w.description == "Hent fra SSB")
    outputs = [w for w in widgets if type(w).__name__ == "Output"]
    message, result = outputs[0], outputs[1]
    assert "eksempelkommune" in str(result.outputs) and message.outputs == ()
    combo.value = "Atlantis"
    button.click()
    assert replay.calls == [] and "fant ingen kommune" in str(message.outputs)
    before = result.outputs
    assert before
    combo.value = "3201 Bærum"
    button.click()
    assert len(replay.calls) == 6 and "Bærum" in str(result.outputs) and message.outputs == ()
    text = next(w for w in widgets if type(w).__name__ == "Text")
    shown = result.outputs
    text.value = "ingen"
    assert result.outputs == shown and "ansatte i helse og omsorg" in str(message.outputs)


def test_the_form_shows_the_comparison_and_saves_it_to_the_project_file(tmp_path, monkeypatch):
    monkeypatch.setenv(workbook.ENV_PATH, str(tmp_path / "mitt-prosjekt.json"))
    box = editors.municipality_form(
        folder=tmp_path, client=ssb.Client(Replay()), save=(sections.UBALANSE, "Din kommune")
    )
    widgets = _walk(box)
    next(w for w in widgets if type(w).__name__ == "Combobox").value = "Bærum"
    next(w for w in widgets if type(w).__name__ == "Button" and w.description == "Hent fra SSB").click()
    result = [w for w in widgets if type(w).__name__ == "Output"][1]
    shown = str(result.outputs)
    assert "Sammenlignet med landet" in shown and "sentralitetsklasse 1" in shown and "hi-tabell" in shown
    box.children[-1].children[0].children[0].click()  # «Lagre i prosjektet mitt»
    saved = workbook.load(tmp_path / "mitt-prosjekt.json")["seksjoner"]["ubalanse"]["innhold"]["tall"]
    compared = saved["sammenligning"]
    assert set(compared) == {"kommune", "landet", "gruppe"}
    assert compared["gruppe"]["kommuner"] == ["0301", "3205", "3222", "3224"]
    assert set(compared["kommune"]["vekst_80_pluss_prosent"]) == {"2030", "2035", "2040"}
    assert saved["kommune"] == "3201 Bærum"


def test_a_failing_comparison_fetch_keeps_the_municipalitys_result_and_says_why(tmp_path):
    answers = Replay().answers
    group_url = _normalise(INDEX["gruppe_framskrevet"]["url"])
    answers[group_url] = (429, b"")
    population = ssb.fetch("3201", ssb.Client(Replay(answers)), today=TODAY)
    assert population.group is None and population.country is not None
    assert population.table.groupby("aar").size().eq(106).all()
    assert "Sammenligningen med de 4 andre kommunene i sentralitetsklasse 1 kunne ikke hentes" in str(
        population.comparison_error
    )
    assert "for mange spørsmål" in str(population.comparison_error)
    shown = ssb.results(population, "5000")
    assert shown.comparison is not None and "landet" in shown.comparison.numbers["sammenligning"]
    assert "gruppe" not in shown.comparison.numbers["sammenligning"]
    # the same in the form: the result shows, and the message says what is missing
    box = editors.municipality_form(folder=tmp_path, client=ssb.Client(Replay(answers)))
    widgets = _walk(box)
    next(w for w in widgets if type(w).__name__ == "Combobox").value = "3201"
    next(w for w in widgets if type(w).__name__ == "Button" and w.description == "Hent fra SSB").click()
    message, result = [w for w in widgets if type(w).__name__ == "Output"][:2]
    assert "I Bærum vokser behovet" in str(result.outputs)
    assert "kunne ikke hentes" in str(message.outputs) and "vises likevel" in str(message.outputs)


def test_a_municipality_with_no_class_is_fetched_without_the_group(monkeypatch):
    def no_class(number, data_dir=None):
        raise comparison.InputError(f"kommunenummeret {number} har ingen sentralitetsklasse", "Landet vises likevel.")

    monkeypatch.setattr(comparison, "group_for", no_class)
    replay = Replay()
    population = ssb.fetch("3201", ssb.Client(replay), today=TODAY)
    assert len(replay.calls) == 4 and population.group is None
    assert "ingen sentralitetsklasse" in str(population.comparison_error)


def test_the_comparison_is_cached_with_the_rest(tmp_path):
    ssb.fetch_or_cached("3201", tmp_path, ssb.Client(Replay()), today=TODAY)
    offline = ssb.fetch_or_cached("3201", tmp_path, ssb.Client(raising("network")))
    assert offline.origin == "cache" and offline.group is not None
    assert offline.group.members == ("0301", "3205", "3222", "3224")
    assert sorted(offline.group.table["aar"].unique()) == [2022, 2026, 2030, 2035, 2040]
    answer = ssb.compare(offline)
    assert answer is not None and "KLASS 128" in answer.figure.caption and "14746" in answer.figure.caption


@pytest.mark.parametrize("klass", [1, 2, 3, 4, 5, 6])
def test_every_comparison_request_stays_small(klass):
    """SSB answers at most 800 000 cells, and a GET URL over about 2 100 characters gives 404."""
    table = comparison.centrality()
    number = table[table["sentralitetsklasse"] == klass]["kommunenummer"].iloc[0]
    group = comparison.group_for(number)
    for key, request in ssb.requests_for(number, group).items():
        assert request.cells() < ssb.MAX_CELLS, key
        assert len(request.url) < ssb.MAX_URL, (key, len(request.url))
    sizes = {key: r.cells() for key, r in ssb.group_requests(group).items()}
    assert sizes == {
        "gruppe_registrert": len(group.members) * ssb.AGES * 2,
        "gruppe_framskrevet": len(group.members) * ssb.AGES * 3,
    }


def test_a_saved_comparison_resumes_with_the_cached_numbers_and_no_request(tmp_path, monkeypatch):
    from helseinnovasjon import resume

    monkeypatch.setenv(workbook.ENV_PATH, str(tmp_path / "mitt-prosjekt.json"))
    assert tuple(resume.municipality()) == ("", "Velg kommunen din og trykk «Hent fra SSB».")
    folder = tmp_path / "ssb-tall"
    box = editors.municipality_form(folder=folder, client=ssb.Client(Replay()), save=(sections.UBALANSE, "Din kommune"))
    widgets = _walk(box)
    next(w for w in widgets if type(w).__name__ == "Combobox").value = "Bærum"
    next(w for w in widgets if type(w).__name__ == "Button" and w.description == "Hent fra SSB").click()
    box.children[-1].children[0].children[0].click()  # «Lagre i prosjektet mitt»
    kommune, line = resume.municipality()
    assert kommune == "3201 Bærum" and "Hentet 3201 Bærum fra prosjektfilen" in line
    offline = ssb.Client(raising("network"))
    again = _walk(editors.municipality_form(folder=folder, client=offline, municipality=kommune))
    assert next(w for w in again if type(w).__name__ == "Combobox").value == "3201 Bærum"
    result = [w for w in again if type(w).__name__ == "Output"][1]
    assert "I Bærum vokser behovet" in str(result.outputs) and "sentralitetsklasse 1" in str(result.outputs)


def _walk(widget):
    found = [widget]
    for child in getattr(widget, "children", ()):
        found.extend(_walk(child))
    return found

"""The seven factors, their mapping to NASSS, TICD and CFIR, the assessment and the strategies."""

from __future__ import annotations

import json

import pytest

from helseinnovasjon import barriers, resume, workbook
from helseinnovasjon.errors import InputError

# The domains exactly as published: Greenhalgh et al. 2017 (NASSS), Flottorp et al. 2013
# (TICD, 57 determinants in 7 domains), Damschroder et al. 2022 (CFIR 2.0, 5 domains).
NASSS = [
    "Condition",
    "Technology",
    "Value proposition",
    "Adopter system",
    "Organisation(s)",
    "Wider system",
    "Embedding and adaptation over time",
]
TICD = [
    "Guideline factors",
    "Individual health professional factors",
    "Patient factors",
    "Professional interactions",
    "Incentives and resources",
    "Capacity for organisational change",
    "Social, political and legal factors",
]
CFIR = ["Innovation", "Outer Setting", "Inner Setting", "Individuals", "Implementation Process"]

# The 73 discrete strategies of the ERIC compilation (Powell et al. 2015, Table 3).
ERIC = {
    "Access new funding",
    "Alter incentive/allowance structures",
    "Alter patient/consumer fees",
    "Assess for readiness and identify barriers and facilitators",
    "Audit and provide feedback",
    "Build a coalition",
    "Capture and share local knowledge",
    "Centralize technical assistance",
    "Change accreditation or membership requirements",
    "Change liability laws",
    "Change physical structure and equipment",
    "Change record systems",
    "Change service sites",
    "Conduct cyclical small tests of change",
    "Conduct educational meetings",
    "Conduct educational outreach visits",
    "Conduct local consensus discussions",
    "Conduct local needs assessment",
    "Conduct ongoing training",
    "Create a learning collaborative",
    "Create new clinical teams",
    "Create or change credentialing and/or licensure standards",
    "Develop a formal implementation blueprint",
    "Develop academic partnerships",
    "Develop an implementation glossary",
    "Develop and implement tools for quality monitoring",
    "Develop and organize quality monitoring systems",
    "Develop disincentives",
    "Develop educational materials",
    "Develop resource sharing agreements",
    "Distribute educational materials",
    "Facilitate relay of clinical data to providers",
    "Facilitation",
    "Fund and contract for the clinical innovation",
    "Identify and prepare champions",
    "Identify early adopters",
    "Increase demand",
    "Inform local opinion leaders",
    "Intervene with patients/consumers to enhance uptake and adherence",
    "Involve executive boards",
    "Involve patients/consumers and family members",
    "Make billing easier",
    "Make training dynamic",
    "Mandate change",
    "Model and simulate change",
    "Obtain and use patients/consumers and family feedback",
    "Obtain formal commitments",
    "Organize clinician implementation team meetings",
    "Place innovation on fee for service lists/formularies",
    "Prepare patients/consumers to be active participants",
    "Promote adaptability",
    "Promote network weaving",
    "Provide clinical supervision",
    "Provide local technical assistance",
    "Provide ongoing consultation",
    "Purposely reexamine the implementation",
    "Recruit, designate, and train for leadership",
    "Remind clinicians",
    "Revise professional roles",
    "Shadow other experts",
    "Stage implementation scale up",
    "Start a dissemination organization",
    "Tailor strategies",
    "Use advisory boards and workgroups",
    "Use an implementation advisor",
    "Use capitated payments",
    "Use data experts",
    "Use data warehousing techniques",
    "Use mass media",
    "Use other payment schemes",
    "Use train-the-trainer strategies",
    "Visit other sites",
    "Work with educational institutions",
}
SEVEN = [
    "Teknologiske faktorer",
    "Pasienten eller målgruppen",
    "Ansatte i tjenestene",
    "Team og samarbeid",
    "Økonomiske forhold",
    "Styring og ledelse",
    "Regulatoriske og juridiske forhold",
]


def test_eric_reference_list_has_73_strategies():
    assert len(ERIC) == 73


def test_framework_domains_are_exactly_as_published():
    domains = barriers.load_domains()
    assert [d.name for d in domains["NASSS"]] == NASSS
    assert [d.name for d in domains["TICD"]] == TICD
    assert [d.name for d in domains["CFIR"]] == CFIR
    for name, ds in domains.items():
        assert [d.number for d in ds] == list(range(1, len(ds) + 1)), name
        assert all(d.name_no for d in ds)


def test_the_seven_factors_in_helseinnovasjonssenterets_order():
    assert [f.name for f in barriers.load_factors()] == SEVEN
    assert all(len(f.questions) >= 3 and f.description for f in barriers.load_factors())


@pytest.mark.parametrize("framework", barriers.FRAMEWORKS)
def test_every_factor_maps_to_at_least_one_valid_domain(framework):
    valid = {d.number for d in barriers.load_domains()[framework]}
    for factor in barriers.load_factors():
        numbers = factor.domains(framework)
        assert numbers, f"{factor.name} has no {framework} domain"
        assert set(numbers) <= valid, f"{factor.name}: {numbers} not in {framework}"


def test_mapping_follows_the_frameworks_where_they_name_the_factor():
    by_id = {f.id: f for f in barriers.load_factors()}
    # NASSS: technology is domain 2, regulatory/legal sits in the wider system (6B)
    assert 2 in by_id["teknologi"].nasss and 6 in by_id["regulering"].nasss
    # TICD: patient factors (3), individual professionals (2), professional interactions (4),
    # incentives and resources (5), organisational change (6), social/political/legal (7)
    assert [by_id[i].ticd for i in ("malgruppe", "ansatte", "team", "okonomi", "styring", "regulering")] == [
        (3,),
        (2,),
        (4,),
        (5,),
        (6,),
        (7,),
    ]
    # CFIR: the innovation itself, individuals, and policies and laws in the outer setting
    assert 1 in by_id["teknologi"].cfir and 4 in by_id["ansatte"].cfir and 2 in by_id["regulering"].cfir
    table = barriers.mapping_table(english=True)
    assert table.loc["Regulatoriske og juridiske forhold", "TICD"] == "7 Social, political and legal factors"


def test_every_strategy_is_a_named_eric_strategy_and_every_factor_has_some():
    strategies = barriers.load_strategies()
    assert set(strategies) == {f.id for f in barriers.load_factors()}
    for factor_id, items in strategies.items():
        assert len(items) >= 3, factor_id
        for s in items:
            assert s.eric in ERIC, f"«{s.eric}» is not an ERIC strategy name"
            assert s.action and s.explanation.endswith(".")


# -- the assessment ---------------------------------------------------------------------------


def test_worked_example_ranks_the_barriers():
    example = barriers.load_example()
    assert [r.factor.id for r in example.top_barriers] == ["ansatte", "teknologi", "team"]
    assert [r.factor.id for r in example.promoters] == ["styring", "malgruppe", "okonomi"]
    assert not example.high_risk
    summary = example.summary()
    assert summary.startswith("De viktigste hindringene er 1) ansatte i tjenestene (−2, kompleks)")
    assert "styring og ledelse (+2)" in summary


def test_ties_are_broken_by_complexity_then_list_order():
    result = barriers.assess(
        {
            "teknologi": (-1, "enkel", ""),
            "team": (-1, "kompleks", ""),
            "okonomi": (-1, "kompleks", ""),
            "ansatte": (-2, "enkel", ""),
        }
    )
    assert [r.factor.id for r in result.barriers] == ["ansatte", "team", "okonomi", "teknologi"]
    assert [r.factor.id for r in result.top_barriers] == ["ansatte", "team", "okonomi"]


def test_several_complex_factors_flag_high_risk():
    entries = dict.fromkeys(("teknologi", "ansatte", "team"), (0, "kompleks", ""))
    result = barriers.assess(entries)
    assert result.high_risk and "Høy risiko: 3 av faktorene" in result.summary()
    assert {d.number for d in result.complex_nasss_domains()} == {2, 3, 4, 5, 6}
    assert not barriers.assess({**entries, "team": (0, "komplisert", "")}).high_risk


def test_all_neutral_is_a_sensible_result_not_an_error():
    result = barriers.assess({f.id: (0, "enkel", "") for f in barriers.load_factors()})
    assert result.top_barriers == [] and "nøytral" in result.summary()
    assert result.ranking().empty and result.explanation_html() == ""
    assert result._repr_html_()


def test_unrated_factors_are_named_not_lost():
    result = barriers.assess({"ansatte": ("−1", "", "")})
    assert len(result.unrated) == 6
    assert "Ikke vurdert ennå: teknologiske faktorer" in result.summary()
    assert result.record()["tall"]["vurderinger"]["teknologi"] is None


def test_nothing_rated_gives_a_norwegian_message():
    with pytest.raises(InputError, match="Ingen av faktorene er vurdert ennå"):
        barriers.assess({})


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3, "utenfor skalaen"),
        ("-5", "utenfor skalaen"),
        ("1,5", "utenfor skalaen"),
        ("mye", "ikke en vurdering"),
    ],
)
def test_ratings_outside_the_scale(value, expected):
    with pytest.raises(InputError, match=expected) as error:
        barriers.assess({"okonomi": (value, "enkel", "")})
    assert "Økonomiske forhold" in str(error.value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("−2", -2),
        ("+1", 1),
        ("-1 hemmer litt", -1),
        ("2,0", 2),
        ("", None),
        ("Ikke vurdert", None),
        (None, None),
        (0, 0),
    ],
)
def test_ratings_are_read_the_way_people_write_them(text, value):
    assert barriers.parse_rating(text, "x") == value


def test_complexity_words():
    assert barriers.parse_complexity(" Kompleks ", "x") == "kompleks"
    assert barriers.parse_complexity("complicated", "x") == "komplisert"
    with pytest.raises(InputError, match="enkel, komplisert eller kompleks"):
        barriers.parse_complexity("vanskelig", "x")


def test_long_notes_and_unknown_factors():
    with pytest.raises(InputError, match="for langt"):
        barriers.assess({"team": (-1, "enkel", "å" * 1001)})
    with pytest.raises(InputError, match="«været» finnes ikke"):
        barriers.assess({"været": (1, "enkel", "")})


def test_form_values_give_a_ranked_explained_list_with_strategies_and_save():
    values = {f"vurdering_{k}": v[0] for k, v in barriers.EXAMPLE_PROJECT.items()}
    values |= {f"kompleksitet_{k}": v[1] for k, v in barriers.EXAMPLE_PROJECT.items()}
    values |= {f"notat_{k}": v[2] for k, v in barriers.EXAMPLE_PROJECT.items()}
    values["notat_ansatte"] = "  Redde   for at brukerne blir alene, særlig på Ørland.  "
    result = barriers.assess_form(tittel="Digitalt tilsyn om natten", **values)
    assert result.high_risk  # three complex factors in the example project
    ranking = result.ranking()
    assert list(ranking["Faktor"]) == [
        "Ansatte i tjenestene",
        "Team og samarbeid",
        "Regulatoriske og juridiske forhold",
    ]
    assert ranking.iloc[0]["Hvorfor (ditt notat)"] == "Redde for at brukerne blir alene, særlig på Ørland."
    assert "ERIC: Identify and prepare champions" in ranking.iloc[0]["Forslag til tiltak"]
    explained = result.explanation_html()
    assert "TICD: den enkelte fagpersonen" in explained and "Ørland" in explained
    record = result.record()
    assert record["tekst"].startswith("Digitalt tilsyn om natten: De viktigste hindringene er")
    assert record["tall"]["hoy_risiko"] is True
    assert record["tall"]["tiltak"]["ansatte"][0] == "Finn og støtt ildsjeler (ERIC: Identify and prepare champions)"
    project = workbook.with_section(workbook.new_project(), "hindringer", record, "Vurder ditt prosjekt")
    assert json.loads(json.dumps(project, ensure_ascii=False)) == project


def test_charts_carry_alt_text_captions_and_the_illustrative_label():
    example = barriers.load_example()
    diverging, strip = barriers.diverging_chart(example), barriers.complexity_strip(example)
    assert "Ansatte i tjenestene: −2 (hemmer sterkt)" in diverging.alt
    assert "illustrerende" in diverging.caption and "illustrerende" in strip.caption
    assert "1 av 7 faktorer er vurdert som komplekse" in strip.caption
    partly = barriers.assess({"team": ("-2", "", "")})
    assert "Teknologiske faktorer: ikke vurdert" in barriers.diverging_chart(partly).alt
    assert diverging.png()[:4] == b"\x89PNG" and strip.png()[:4] == b"\x89PNG"


# -- the rating form (ui.row_form + ui.rating_rows) -------------------------------------------


def _form():
    from helseinnovasjon import ui

    rows = {
        "Prosjektet": {"tittel": ui.text("Prosjektets navn:", "Nattilsyn")},
        **ui.rating_rows(
            barriers.factor_names(), barriers.RATING_CHOICES, barriers.COMPLEXITY_CHOICES, barriers.EXAMPLE_PROJECT
        ),
    }
    return rows, ui.row_form(rows, barriers.assess_form, note="Prøv.", save=("hindringer", "Vurder ditt prosjekt"))


def test_rating_form_has_seven_rows_and_recomputes():
    rows, form = _form()
    note, *lines, _message, result, _saving = form.children
    assert "Kjør interaktivt" in note.value and len(lines) == 8
    assert "Ansatte i tjenestene" in lines[3].children[0].value and len(lines[3].children) == 4
    assert (
        "Nattilsyn:</strong> De viktigste hindringene er 1) ansatte i tjenestene"
        in result.outputs[0]["data"]["text/html"]
    )
    rows["Ansatte i tjenestene"]["vurdering_ansatte"].value = "2"
    assert "1) team og samarbeid" in result.outputs[0]["data"]["text/html"]


def test_rating_form_keeps_input_and_last_result_when_nothing_is_rated():
    rows, form = _form()
    *_lines, message, result, _saving = form.children
    for _label, controls in rows.items():
        for name, control in controls.items():
            if name.startswith("vurdering_"):
                control.value = ""
    assert "Ingen av faktorene er vurdert ennå" in message.outputs[0]["data"]["text/html"]
    # the last good result (only the last factor still rated) stays on screen
    assert "Den viktigste hindringen er 1) regulatoriske" in result.outputs[0]["data"]["text/html"]
    assert rows["Team og samarbeid"]["notat_team"].value == barriers.EXAMPLE_PROJECT["team"][2]


def test_rating_form_starts_from_what_is_saved_else_the_example(tmp_path):
    path = tmp_path / "mitt-prosjekt.json"
    (title, defaults), line = resume.barrier_ratings(path)
    assert title == barriers.EXAMPLE_TITLE and defaults == barriers.EXAMPLE_PROJECT and "eksempel" in line

    mine = barriers.assess(
        {"ansatte": ("-2", "kompleks", "Redde for å miste kontakten med brukerne"), "okonomi": ("1", "", "")},
        title="Nattlys på Åsen",
    )
    workbook.save(
        workbook.with_section(workbook.new_project(), "hindringer", mine.record(), "Vurder ditt prosjekt"), path
    )
    (title, defaults), line = resume.barrier_ratings(path)
    assert title == "Nattlys på Åsen" and "Hentet vurderingen din" in line
    assert defaults["ansatte"] == ("-2", "kompleks", "Redde for å miste kontakten med brukerne")
    assert defaults["okonomi"] == ("1", "", "") and defaults["teknologi"] == ("", "", "")
    # what start() returns is what the form offers, so the reopened form computes the same ranking
    values = {
        f"{kind}_{k}": v[i]
        for k, v in defaults.items()
        for i, kind in enumerate(("vurdering", "kompleksitet", "notat"))
    }
    again = barriers.assess_form(tittel=title, **values)
    assert [r.factor.id for r in again.top_barriers] == [r.factor.id for r in mine.top_barriers]


def test_rating_form_leaves_an_unreadable_project_file_alone(tmp_path):
    path = tmp_path / "mitt-prosjekt.json"
    path.write_text("{ikke json", encoding="utf-8")
    (_title, defaults), line = resume.barrier_ratings(path)
    assert defaults == barriers.EXAMPLE_PROJECT and "eksempel" in line
    assert path.read_text(encoding="utf-8") == "{ikke json"

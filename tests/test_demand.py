"""Demand data: who gets the hours in the municipal services (SSB table 11643)."""

from __future__ import annotations

import pytest

from helseinnovasjon import demand
from helseinnovasjon.errors import InputError


@pytest.fixture(scope="module")
def wide():
    return demand.hours_share_wide(demand.load_hours_by_age())


def test_table_has_all_services_and_age_groups_in_source_order(wide):
    assert list(wide.columns) == ["0–49 år", "50–66 år", "67–79 år", "80–89 år", "90 år og eldre"]
    assert wide.index[0] == "Alle tjenester"
    assert len(wide) == 12


def test_values_are_exactly_the_seed_figures(wide):
    assert wide.loc["Alle tjenester"].tolist() == [51, 19, 12, 11, 7]
    assert wide.loc["Helsetjenester i hjemmet"].tolist() == [31, 18, 18, 19, 13]
    assert wide.loc["Dagopphold i institusjon"].tolist() == [2, 4, 27, 46, 22]


def test_every_service_sums_to_100_within_rounding(wide):
    assert wide.sum(axis=1).between(99, 101).all()


def test_share_under_67(wide):
    young = demand.share_under_67(wide)
    assert young["Alle tjenester"] == 70
    assert young["Brukerstyrt personlig assistanse (BPA)"] == 93


def test_ranking_excludes_total_and_is_sorted(wide):
    ranked = demand.services_by_young_share(wide)
    assert "Alle tjenester" not in ranked.index
    assert ranked["Under 67 år (%)"].is_monotonic_decreasing
    assert ranked.index[-1] == "Dagopphold i institusjon"
    assert (ranked.sum(axis=1) == 100).all()


def test_age_labels():
    assert demand.age_label("0-49") == "0–49 år"
    assert demand.age_label("90+") == "90 år og eldre"


def test_describe_service_is_a_plain_sentence(wide):
    text = demand.describe_service(wide, "Dagopphold i institusjon")
    assert text == (
        "Av timene i «Dagopphold i institusjon» går 6\u00a0% til personer under 67 år. "
        "Størst andel får 80–89-åringene: 46\u00a0%."
    )
    assert "de som er 90 år og eldre" not in text


def test_unknown_service_gives_norwegian_error(wide):
    with pytest.raises(InputError, match="«Tannhelse» finnes ikke"):
        demand.service_chart(wide, "Tannhelse")


def test_charts_carry_data_in_alt_text_and_source_in_caption(wide):
    overview = demand.overview_chart(wide)
    assert "70\u00a0%" in overview.alt and "Dagopphold i institusjon" in overview.alt
    assert "Helseinnovasjonssenteret" in overview.caption and "SSB tabell 11643" in overview.caption
    assert "ikke kontrollert" in overview.caption  # the table number is the seed document's, not verified
    single = demand.service_chart(wide, "Helsetjenester i hjemmet")
    assert "31\u00a0%" in single.alt and "alle tjenester samlet" in single.alt
    assert single.caption.startswith("Av timene i «Helsetjenester i hjemmet»")
    total = demand.service_chart(wide, "Alle tjenester")
    assert "Til sammenligning" not in total.alt  # no comparison with itself

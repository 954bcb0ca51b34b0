"""Costs and benefits: net present value, payback and one-way sensitivity, checked against
oracles computed another way (a hand calculation, the annuity formula, Horner's rule)."""

from __future__ import annotations

import ast
import json
import math
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from helseinnovasjon import benefits, plotting
from helseinnovasjon.errors import InputError

SIMPLE = benefits.Flows(
    start_year=2026,
    one_off=(1000.0, 0.0, 0.0),
    running=(0.0, 100.0, 100.0),
    cash=(0.0, 300.0, 400.0),
    time_value=(0.0, 200.0, 200.0),
)


def _horner_npv(net: list[float], rate: float) -> float:
    """NPV written differently: a polynomial in x = 1/(1+r), evaluated by numpy (Horner's rule)."""
    return float(np.polyval(list(reversed(net)), 1 / (1 + rate / 100)))


# -- compute ----------------------------------------------------------------------------------


def test_npv_matches_a_hand_calculation():
    # year 0: -1000; year 1: 300 + 200 - 100 = 400; year 2: 400 + 200 - 100 = 500; r = 10 %
    expected = -1000 + 400 / 1.1 + 500 / 1.1**2
    assert benefits.npv(SIMPLE, 10) == pytest.approx(expected)
    assert benefits.npv(SIMPLE, 10, include_time=False) == pytest.approx(-1000 + 200 / 1.1 + 300 / 1.21)


def test_npv_at_zero_rate_is_the_plain_sum():
    assert benefits.npv(SIMPLE, 0) == pytest.approx(sum(SIMPLE.net()))


@pytest.mark.parametrize(
    ("investment", "yearly", "years", "rate"), [(600_000, 200_000, 5, 4.0), (1_000, 300, 10, 7.5), (50_000, 0, 3, 2.0)]
)
def test_npv_of_a_level_stream_equals_the_annuity_formula(investment, yearly, years, rate):
    a = benefits.Assumptions(
        investment=investment,
        running_cost=0,
        cash_benefit=yearly,
        hours_saved=0,
        hourly_cost=0,
        ramp_up=1,
        years=years,
        rate=rate,
    )
    r = rate / 100
    annuity = yearly * (1 - (1 + r) ** -years) / r
    assert benefits.analyse(a).npv == pytest.approx(annuity - investment)


def test_npv_agrees_with_horners_rule_on_random_flows():
    rng = random.Random(20)
    for _ in range(200):
        n = rng.randint(1, 15)
        f = benefits.Flows(
            start_year=2030,
            one_off=tuple(rng.uniform(0, 1e6) for _ in range(n)),
            running=tuple(rng.uniform(0, 2e5) for _ in range(n)),
            cash=tuple(rng.uniform(0, 3e5) for _ in range(n)),
            time_value=tuple(rng.uniform(0, 3e5) for _ in range(n)),
        )
        rate = rng.choice([0.0, 2.0, 4.0, 6.5, 15.0])
        assert benefits.npv(f, rate) == pytest.approx(_horner_npv(list(f.net()), rate), rel=1e-9, abs=1e-6)
        totals = benefits.cumulative(f, rate)
        assert len(totals) == n and totals[-1] == pytest.approx(benefits.npv(f, rate))


def test_discounting_follows_the_formula():
    assert benefits.discount_factor(4, 0) == 1
    assert benefits.discount_factor(4, 10) == pytest.approx(1 / 1.04**10)


def test_flows_from_assumptions_put_the_investment_in_year_zero_and_ramp_up_the_benefits():
    f = benefits.flows(benefits.EXAMPLE)
    assert f.years == list(range(2026, 2032))
    assert f.one_off == (600_000, 0, 0, 0, 0, 0)
    assert f.running == (0, 150_000, 150_000, 150_000, 150_000, 150_000)
    assert f.cash == (0, 50_000, 100_000, 100_000, 100_000, 100_000)
    assert f.time_value[1] == pytest.approx(0.5 * 1_500 * 550) and f.time_value[5] == pytest.approx(1_500 * 550)


def test_payback_is_the_first_year_the_accumulated_value_turns_non_negative():
    # accumulated at 0 %: -1000, -600, -100 -> never; with a bigger year 2 it turns in 2028
    assert benefits.payback_year(SIMPLE, 0) is None
    bigger = replace(SIMPLE, cash=(0.0, 300.0, 900.0))
    assert benefits.payback_year(bigger, 0) == 2028
    assert benefits.payback_year(replace(SIMPLE, one_off=(0.0, 0.0, 0.0)), 4) == 2026


def test_the_illustrative_example_pays_only_when_freed_time_counts():
    result = benefits.analyse(benefits.EXAMPLE)
    assert result.npv > 0 > result.npv_cash
    assert result.payback == 2028 and result.payback_cash is None


# -- sensitivity ------------------------------------------------------------------------------


def test_ranges_are_the_base_value_plus_and_minus_the_spread():
    r = benefits.ranges(benefits.EXAMPLE, 20)
    assert r["investment"] == pytest.approx((480_000, 720_000))
    assert r["rate"] == (2.0, 6.0) and r["ramp_up"] == (1, 3)
    low_rate = benefits.ranges(replace(benefits.EXAMPLE, rate=1.0))["rate"]
    assert low_rate == (0.0, 3.0)


def test_sensitivity_moves_one_input_at_a_time_and_sorts_by_effect():
    a = benefits.EXAMPLE
    swings = benefits.sensitivity(a, 25)
    assert {s.field for s in swings} == set(benefits.UNCERTAIN)
    assert [s.width for s in swings] == sorted((s.width for s in swings), reverse=True)
    base = benefits.analyse(a).npv
    by_field = {s.field: s for s in swings}
    assert by_field["investment"].npv_high < base < by_field["investment"].npv_low  # a cost
    assert by_field["cash_benefit"].npv_low < base < by_field["cash_benefit"].npv_high  # a benefit
    assert by_field["rate"].npv_high < base < by_field["rate"].npv_low  # later benefits count less


def test_the_hourly_cost_swing_matches_a_hand_calculation():
    # Worked by hand, not with the module's own ramp: 1 500 hours × 550 kr, reached half in year 1 and
    # fully from year 2, over 3 years at 4 %. The value of the hours is 825 000 × (0,5/1,04 + 1/1,04² +
    # 1/1,04³) = 825 000 × 2,2943 ≈ 1 892 815 kr; ±10 % on the hourly cost moves the NPV by 2 × 10 % of it.
    a = replace(benefits.EXAMPLE, years=3)
    swing = {s.field: s for s in benefits.sensitivity(a, 10)}["hourly_cost"]
    assert swing.width == pytest.approx(0.2 * 825_000 * (0.5 / 1.04 + 1 / 1.04**2 + 1 / 1.04**3))
    assert swing.width == pytest.approx(378_563, abs=1)


@pytest.mark.parametrize("spread", [0, -5, 95, float("nan")])
def test_spread_out_of_range(spread):
    with pytest.raises(InputError, match="Usikkerhet"):
        benefits.sensitivity(benefits.EXAMPLE, spread)


# -- words --------------------------------------------------------------------------------------


def test_verdict_states_both_values_the_payback_and_the_biggest_uncertainty():
    a = benefits.EXAMPLE
    result, swings = benefits.analyse(a), benefits.sensitivity(a)
    text = benefits.verdict(a, result, swings)
    assert "2\u00a0405\u00a0000\u00a0kr" in text and "\u2212871\u00a0000\u00a0kr" in text
    assert "tilbakebetalt i 2028" in text and "budsjettet går ikke i pluss" in text
    assert "Mest usikkert er timer frigjort per år" in text


def test_verdict_for_a_project_that_does_not_pay_says_so_and_names_what_could_turn_it():
    a = replace(benefits.EXAMPLE, hours_saved=200)
    result, swings = benefits.analyse(a), benefits.sensitivity(a, 50)
    text = benefits.verdict(a, result, swings)
    assert result.npv < 0 and "lønner prosjektet seg ikke" in text


def test_amounts_are_rounded_to_thousands_in_norwegian_format():
    assert benefits.kroner(-870_668) == "\u2212871\u00a0000\u00a0kr"
    assert benefits.range_text("rate", 2.0, 6.0) == "2–6\u00a0%"
    assert benefits.range_text("investment", 450_000, 750_000) == "450\u00a0000–750\u00a0000\u00a0kr"


# -- chart and answer ------------------------------------------------------------------------


def test_example_answer_has_chart_alt_text_caption_and_json_numbers():
    answer = benefits.example()
    assert isinstance(answer, plotting.Answer)
    assert answer.figure.alt.startswith("To figurer") and "illustrerende" in answer.figure.caption
    assert "R-109/2021" in answer.figure.caption
    assert len(answer.figure.fig.axes) == 2
    record = answer.record()
    json.dumps(record)  # plain JSON
    assert all(key.isascii() for key in record["tall"])
    assert record["tall"]["netto_naaverdi"] == pytest.approx(benefits.analyse(benefits.EXAMPLE).npv, abs=0.01)
    colours = {patch.get_facecolor()[:3] for ax in answer.figure.fig.axes for patch in ax.patches}
    okabe_ito = {tuple(round(c, 4) for c in __import__("matplotlib").colors.to_rgb(h)) for h in plotting.CATEGORICAL}
    assert {tuple(round(c, 4) for c in colour) for colour in colours} <= okabe_ito


def test_form_reads_norwegian_numbers_and_units():
    answer = benefits.explore(
        "600 000 kr",
        "150\u00a0000",
        "100000",
        "1 500 timer",
        "550,0",
        2.0,
        5.0,
        "4,5 %",
        25.0,
        2027,
        name="  Nattilsyn  ",
    )
    numbers = answer.record()["tall"]
    assert numbers["engangskostnad"] == 600_000 and numbers["kalkulasjonsrente_prosent"] == 4.5
    assert numbers["driftsaar"] == 5 and numbers["aar"][0] == 2027
    assert answer.text.startswith("Nattilsyn: ")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"investment": "tre"}, "Engangskostnad.*ikke et tall"),
        ({"running_cost": ""}, "Driftskostnad per år.*tomt"),
        ({"cash_benefit": "-5"}, "Kontantgevinst per år.*negativt"),
        ({"hours_saved": float("nan")}, "Timer frigjort per år"),
        ({"years": 0}, "Antall driftsår"),
        ({"years": -3}, "Antall driftsår"),
        ({"years": 2.5}, "helt tall"),
        ({"ramp_up": 6}, "År til full effekt"),
        ({"rate": 20}, "Kalkulasjonsrente.*urimelig høy"),
        ({"rate": -1}, "Kalkulasjonsrente.*negativt"),
        ({"start_year": 1900}, "Startår"),
    ],
)
def test_bad_input_gives_one_clear_norwegian_message(changes, expected):
    values = {
        "investment": "600 000",
        "running_cost": "150 000",
        "cash_benefit": "100 000",
        "hours_saved": "1 500",
        "hourly_cost": "550",
        "ramp_up": 2,
        "years": 5,
        "rate": 4.0,
    }
    values.update(changes)
    with pytest.raises(InputError, match=expected) as caught:
        benefits.explore(**values)
    assert str(caught.value).endswith(".") and "Traceback" not in str(caught.value)


def test_flows_must_have_equal_lengths_and_no_negative_amounts():
    with pytest.raises(InputError, match="like mange år"):
        benefits.Flows(2026, (1.0,), (0.0, 0.0), (0.0,), (0.0,))
    with pytest.raises(InputError, match="negative"):
        benefits.Flows(2026, (-1.0,), (0.0,), (0.0,), (0.0,))
    with pytest.raises(InputError, match="ingen år"):
        benefits.Flows(2026, (), (), (), ())


def test_rate_outside_the_range_is_refused_by_the_compute_functions_too():
    with pytest.raises(InputError, match="renten"):
        benefits.npv(SIMPLE, 40)


def test_example_plan_has_the_template_columns():
    plan = benefits.example_plan()
    assert plan and all(tuple(row) == benefits.PLAN_COLUMNS for row in plan)


def test_module_is_pure_no_widgets_no_file_io():
    source = Path(benefits.__file__).read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            imported.update(alias.name for alias in node.names)
            imported.add(node.module or "")
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    assert not imported & {"ui", "workbook", "ipywidgets", "IPython", "pyplot"}
    assert "open(" not in source and "load_table" not in source and ".savefig" not in source
    assert math.isclose(benefits.STATE_RATE, 4.0)


def test_an_empty_form_asks_for_numbers_instead_of_judging_zeros():
    answer = benefits.explore("0", "0", "0", "0", "0", 1, 1, 0.0, 25, 2026)
    assert "ingen kostnader eller gevinster" in answer.text


def test_long_horizons_show_at_most_about_eight_year_labels():
    a = replace(benefits.EXAMPLE, years=15)
    result, swings = benefits.analyse(a), benefits.sensitivity(a)
    top = benefits.chart(a, result, swings, title="Lang tidshorisont").fig.axes[0]
    assert len(top.get_xticks()) <= 8

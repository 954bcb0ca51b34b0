"""Run charts: the Anhøj rules as in Anhøj & Olesen (2014) and qicharts2."""

from __future__ import annotations

import json
import math

import pytest

from helseinnovasjon import resume, runchart, workbook
from helseinnovasjon.errors import InputError


def _binomial_cdf(k: int, n: int) -> float:
    return sum(math.comb(n, i) for i in range(k + 1)) / 2**n


@pytest.mark.parametrize("n", range(10, 61))
def test_limits_follow_the_published_formulas(n):
    assert runchart.longest_run_limit(n) == round(math.log2(n)) + 3
    k = runchart.min_crossings(n)  # qbinom(0.05, n - 1, 0.5): the smallest k with P(X <= k) >= 0.05
    assert _binomial_cdf(k, n - 1) >= 0.05 and (k == 0 or _binomial_cdf(k - 1, n - 1) < 0.05)


@pytest.mark.parametrize(("n", "run", "crossings"), [(10, 6, 2), (12, 7, 3), (20, 7, 6), (24, 8, 8), (30, 8, 10)])
def test_limits_at_familiar_sizes(n, run, crossings):
    assert (runchart.longest_run_limit(n), runchart.min_crossings(n)) == (run, crossings)


def test_alternating_series_is_noise():
    result = runchart.analyse([1, 3] * 10)
    assert (result.longest_run, result.crossings, result.signal) == (1, 19, False)
    assert runchart.verdict(result).startswith("Ingen tegn på reell endring")


def test_a_shift_is_a_signal():
    result = runchart.analyse([10, 11, 9, 12, 10, 11, 10, 12, 11, 10, 5, 4, 6, 5, 4, 6, 5, 4])
    assert result.long_run and result.signal
    assert runchart.verdict(result).startswith("Tegn på reell endring")


def test_points_on_the_median_neither_count_nor_break_a_run():
    values = [1, 1, 1, 2, 3, 3, 3, 2, 1, 3, 1, 3, 2, 1, 3]  # median 2; three 2s are skipped
    result = runchart.analyse(values)
    assert result.useful == 12 and result.longest_run == 3


def test_the_illustrative_example_shows_the_change():
    result = runchart.analyse(runchart.load_example())
    assert result.signal and result.useful == 24


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([1, 2, 3], "bare 3 målinger"),
        ([5] * 12, "på medianen"),
        ([1.0, float("nan")] + [2.0] * 10, "mangler"),
    ],
)
def test_too_little_to_judge(values, expected):
    with pytest.raises(InputError, match=expected):
        runchart.analyse(values)


def test_pasted_measurements_from_norwegian_excel():
    raw = "Uke;Måling\n" + "\n".join(
        f"{w};{v}".replace(".", ",") for w, v in zip(range(1, 21), [12.5, 13.1, 12.0, 14.2] * 5)
    )
    answer = runchart.explore(raw.encode("cp1252"), "Fall per måned")
    assert answer.text.startswith("Fall per måned: Ingen tegn på reell endring")
    assert "Ingen tegn på reell endring" in answer.figure.caption
    record = answer.record()
    assert record["tall"]["verdier"][:2] == [12.5, 13.1] and record["tall"]["tegn_paa_endring"] is False
    with pytest.raises(InputError, match="«mange» er ikke et tall"):
        runchart.explore("periode;verdi\n1;mange\n", "x")


# -- XmR control chart -------------------------------------------------------------------


def test_xmr_constant_is_three_over_d2():
    assert pytest.approx(3 / 1.128, abs=0.001) == runchart.XMR_CONSTANT  # d2 for n = 2


def test_xmr_limits_worked_by_hand():
    values = [10, 12, 11, 13, 9, 10, 12, 11, 13, 9]
    # mean 11; moving ranges 2,1,2,4,1,2,1,2,4 -> mean 19/9; limits 11 ± 2.66 * 19/9
    limits = runchart.xmr(values)
    assert limits.mean == pytest.approx(11)
    assert limits.mean_moving_range == pytest.approx(19 / 9)
    assert limits.upper == pytest.approx(11 + 2.66 * 19 / 9)
    assert limits.lower == pytest.approx(11 - 2.66 * 19 / 9)
    assert limits.outside == () and not limits.signal


def test_xmr_flags_a_point_outside_the_limits():
    values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 25]
    limits = runchart.xmr(values)
    # mean 119/10 = 11.9; moving ranges 1 (x8) and 15 -> mean 23/9; upper limit about 18.7
    assert limits.upper == pytest.approx(11.9 + 2.66 * 23 / 9)
    assert limits.outside == (9,) and limits.signal


@pytest.mark.parametrize(
    ("values", "expected"), [([1, 2, 3], "bare 3 målinger"), ([1.0, float("nan")] + [2.0] * 10, "mangler")]
)
def test_xmr_needs_enough_measurements(values, expected):
    with pytest.raises(InputError, match=expected):
        runchart.xmr(values)


def test_xmr_limits_from_a_baseline_judge_every_point():
    values = [10, 12, 11, 13, 9, 10, 12, 11, 13, 9, 4, 5]
    limits = runchart.xmr(values, baseline=10)  # the first ten: the worked example above
    assert limits.mean == pytest.approx(11) and limits.mean_moving_range == pytest.approx(19 / 9)
    assert limits.outside == (10, 11)  # 4 and 5 are below 11 - 2.66 * 19/9 = 5.38
    with pytest.raises(InputError, match="Grunnlaget er 9 målinger"):
        runchart.xmr(values, baseline=9)
    with pytest.raises(InputError, match="høyst 12"):
        runchart.xmr(values, baseline=13)


def test_xmr_verdict_and_chart_name_the_points_outside():
    example = runchart.load_example()
    limits = runchart.xmr(example, baseline=12)
    labels = [str(i) for i in example.index]
    text = runchart.xmr_verdict(limits, labels, baseline=12)
    assert text.startswith("Gjennomsnittet for de 12 første målingene er 18, og grensene er 11,5 og 24,5.")
    assert "Utenfor grensene ligger 6 målinger (13, 16, 17, 20, 23 og 24)" in text
    quiet = runchart.xmr([10, 12, 11, 13, 9, 10, 12, 11, 13, 9])
    assert runchart.xmr_verdict(quiet, [str(i) for i in range(1, 11)]).endswith("ingen tegn på en særskilt årsak.")
    chart = runchart.xmr_chart(example, limits, title="T", ylabel="%", baseline=12, illustrative=True)
    assert "Kontrollkort (XmR) med 24 målinger" in chart.alt and "Mohammed mfl. 2008" in chart.caption
    assert "illustrerende" in chart.caption


def test_own_measurements_come_back_from_the_project_file_ready_for_a_new_week(tmp_path):
    path = tmp_path / "mitt-prosjekt.json"
    (text, name), line = resume.measurements(path)
    assert text == runchart.EXAMPLE_PASTE and name == "Mine målinger" and "eksempel" in line
    values = [12, 14.5, -2, 1234.5, 12, 16, 13, 12, 14, 15, 11, 16]
    pasted = "periode;verdi\n" + "\n".join(f"uke {i};{str(v).replace('.', ',')}" for i, v in enumerate(values, 1))
    answer = runchart.explore(pasted, "Fall per måned")
    workbook.save(workbook.with_section(workbook.new_project(), "laering", answer.record(), "Kjøreark"), path)
    (text, name), line = resume.measurements(path)
    assert name == "Fall per måned" and line.startswith("Hentet 12 målinger fra prosjektfilen.")
    again = runchart.explore(text + "\nuke 13;9", name)  # next week's measurement added at the bottom
    assert again.numbers["verdier"] == [float(v) for v in values] + [9.0]
    assert again.numbers["perioder"][-1] == "uke 13"


def test_an_unreadable_project_file_gives_the_example_and_is_left_alone(tmp_path):
    path = tmp_path / "mitt-prosjekt.json"
    path.write_text("[", encoding="utf-8")
    (text, _), line = resume.measurements(path)
    assert text == runchart.EXAMPLE_PASTE and "kan ikke leses" in line and path.read_text(encoding="utf-8") == "["


def test_a_hand_edited_measurement_section_gives_the_example(tmp_path):
    path = tmp_path / "mitt-prosjekt.json"
    project = workbook.with_section(workbook.new_project(), "laering", {"tekst": "x"}, "Kjøreark")
    project["seksjoner"]["laering"]["innhold"]["tall"] = [1, 2]  # as a hand edit might leave it
    path.write_text(json.dumps(project), encoding="utf-8")
    assert resume.measurements(path).values[0] == runchart.EXAMPLE_PASTE


def test_verdict_counts_crossings_in_words():
    few = runchart.Analysis(10.0, 12, 7, 7, 1, 3)
    assert "krysser medianen bare én gang (minst 3 er vanlig)" in runchart.verdict(few)
    none = runchart.Analysis(10.0, 12, 12, 7, 0, 3)
    assert "linjen krysser ikke medianen" in runchart.verdict(none) and "0 ganger" not in runchart.verdict(none)

"""Diffusion: the Bass model against its own differential equation, and Rogers' categories."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helseinnovasjon import diffusion
from helseinnovasjon.errors import InputError

PARAMETERS = [(0.03, 0.38), (0.01, 0.15), (0.016, 0.304), (0.2, 0.1), (0.05, 0.0)]


def _rk4(p: float, q: float, horizon: float, step: float = 0.01) -> tuple[np.ndarray, np.ndarray]:
    """Integrate dF/dt = (p + qF)(1 − F), F(0) = 0, with the classical Runge–Kutta method."""

    def slope(f):
        return (p + q * f) * (1 - f)

    times = np.arange(0, horizon + step / 2, step)
    values = np.zeros_like(times)
    for i in range(1, len(times)):
        f = values[i - 1]
        k1 = slope(f)
        k2 = slope(f + step * k1 / 2)
        k3 = slope(f + step * k2 / 2)
        k4 = slope(f + step * k3)
        values[i] = f + step * (k1 + 2 * k2 + 2 * k3 + k4) / 6
    return times, values


@pytest.mark.parametrize(("p", "q"), PARAMETERS)
def test_closed_form_solves_the_differential_equation(p, q):
    times, numeric = _rk4(p, q, horizon=40)
    assert np.max(np.abs(diffusion.bass_share(times, p, q) - numeric)) < 1e-8


@pytest.mark.parametrize(("p", "q"), PARAMETERS)
def test_rate_is_the_derivative_of_the_share(p, q):
    t = np.linspace(0, 30, 301)
    share = diffusion.bass_share(t, p, q)
    assert np.allclose(diffusion.bass_rate(t, p, q), (p + q * share) * (1 - share), atol=1e-12)
    h = 1e-5
    numeric = (diffusion.bass_share(t + h, p, q) - diffusion.bass_share(np.maximum(t - h, 0), p, q)) / (
        t + h - np.maximum(t - h, 0)
    )
    assert np.allclose(diffusion.bass_rate(t[1:], p, q), numeric[1:], atol=1e-7)


@pytest.mark.parametrize(("p", "q"), [(0.03, 0.38), (0.01, 0.15), (0.016, 0.304)])
def test_peak_time_is_where_new_adoptions_peak(p, q):
    peak = diffusion.peak_time(p, q)
    assert peak == pytest.approx(math.log(q / p) / (p + q))
    t = np.linspace(0, 60, 600_001)
    assert t[np.argmax(diffusion.bass_rate(t, p, q))] == pytest.approx(peak, abs=1e-4)
    # at the peak the share is (q − p) / 2q
    assert float(diffusion.bass_share(peak, p, q)) == pytest.approx((q - p) / (2 * q))


def test_familiar_values():
    # p = 0.03, q = 0.38: the peak comes after ln(38/3)/0.41 ≈ 6.19 years
    assert diffusion.peak_time(0.03, 0.38) == pytest.approx(6.1926, abs=1e-4)
    # with q = 0 the model is pure outside influence: F = 1 − e^(−pt)
    assert float(diffusion.bass_share(10, 0.05, 0.0)) == pytest.approx(1 - math.exp(-0.5))
    assert diffusion.peak_time(0.2, 0.1) == 0.0  # q ≤ p: most adopt right at the start


def test_discrete_form_is_bass_1969_and_converges_to_the_closed_form():
    p, q, m = 0.03, 0.38, 1000.0
    n = diffusion.bass_discrete(p, q, 3, m=m)
    assert n[1] == pytest.approx(p * m)  # n(1) = p·m
    assert n[2] - n[1] == pytest.approx((p + q / m * n[1]) * (m - n[1]))
    errors = []
    for step in (0.5, 0.05, 0.005):
        values = diffusion.bass_discrete(p, q, round(20 / step), step=step)
        errors.append(abs(values[-1] - float(diffusion.bass_share(20, p, q))))
    assert errors[0] > errors[1] > errors[2] and errors[2] < 1e-3
    assert errors[0] / errors[1] == pytest.approx(10, rel=0.3)  # first order: error ∝ step


@pytest.mark.parametrize(
    ("p", "q", "expected"),
    [
        (0, 0.3, "p må være større enn 0"),
        (-0.01, 0.3, "p må være større enn 0"),
        (0.03, -0.1, "q kan ikke være negativ"),
        (1.5, 0.3, "kan ikke være større enn 1"),
        ("tre", 0.3, "«tre» er ikke et tall"),
        (float("nan"), 0.3, "ikke endelig"),
    ],
)
def test_bad_parameters_give_norwegian_messages(p, q, expected):
    with pytest.raises(InputError, match=expected):
        diffusion.bass_share(5, p, q)


def test_discrete_form_rejects_steps_that_overshoot():
    with pytest.raises(InputError, match="(?i)tidssteget"):
        diffusion.bass_discrete(0.5, 0.9, 10, step=1)
    with pytest.raises(InputError, match="(?i)markedspotensialet"):
        diffusion.bass_discrete(0.03, 0.38, 10, m=0)


def test_rogers_categories_are_slices_of_the_normal_curve():
    table = diffusion.adopter_categories()
    assert table["andel_rogers"].tolist() == [2.5, 13.5, 34.0, 34.0, 16.0]
    assert table["andel_rogers"].sum() == 100
    # Rogers' rounded shares match the normal curve cut at −2, −1, 0 and +1 standard deviations
    assert np.allclose(table["andel_normalkurve"], table["andel_rogers"], atol=0.25)
    assert table["andel_normalkurve"].sum() == pytest.approx(100)
    assert table["til_prosent"].iloc[1] == pytest.approx(15.8655, abs=1e-4)


@pytest.mark.parametrize(
    ("share", "category"),
    [
        (1, "Innovatører"),
        (2.5, "Innovatører"),
        (8, "Tidlige ibruktakere"),
        (24, "Tidlig flertall"),
        (50, "Tidlig flertall"),
        (70, "Sent flertall"),
        (99, "Etternølere"),
    ],
)
def test_category_at(share, category):
    assert diffusion.category_at(share) == category


def test_category_at_rejects_impossible_shares():
    with pytest.raises(InputError, match="mellom 0 og 100"):
        diffusion.category_at(120)


def test_the_observed_spread_is_the_published_one():
    spread = diffusion.load_spread()
    assert spread.to_dict() == {2003: 8.0, 2013: 24.0}


def test_explore_compares_in_words_and_does_not_claim_a_fit():
    answer = diffusion.explore(0.8, 7, 1995)
    assert "8 % i 2003 (målt: 8 %)" in answer.text and "24 % i 2013 (målt: 24 %)" in answer.text
    assert "for lite" in answer.figure.caption and answer.figure.alt
    record = answer.record()
    assert record["tall"]["maalt"] == {"2003": 8.0, "2013": 24.0}
    # two very different curves pass almost as close to the two points: underdetermined
    other = diffusion.explore(1.6, 2, 1998)
    assert abs(other.numbers["modell"]["2003"] - 8) < 1 and abs(other.numbers["modell"]["2013"] - 24) < 1
    assert other.numbers["topp_aar"] < 2010 < answer.numbers["topp_aar"]


def test_explore_explains_a_curve_that_barely_moves():
    answer = diffusion.explore(0.1, 0, 2012, end_year=2040)
    assert "sprer løsningen seg nesten ikke" in answer.text
    with pytest.raises(InputError, match="p må være større enn 0"):
        diffusion.explore(0, 10, 1995)
    with pytest.raises(InputError, match="startåret"):
        diffusion.explore(1, 10, 2020)

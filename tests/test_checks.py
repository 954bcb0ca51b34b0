"""Self-checks answer in Norwegian and never raise."""

from __future__ import annotations

import pytest

from helseinnovasjon import checks


@pytest.mark.parametrize("answer", [133.7, "133,7", " 133.7 ", 134, "134"])
def test_right_answers_in_any_notation(answer):
    box = checks.number(answer, 133.7, tolerance=0.5, unit="%").data
    assert "Riktig!" in box and "133,7 %" in box


@pytest.mark.parametrize(("answer", "expected"), [(90, "for lavt"), ("200", "for høyt")])
def test_wrong_answers_get_direction_and_hint(answer, expected):
    box = checks.number(answer, 133.7, tolerance=0.5, hint="Se tabellen over.").data
    assert "Ikke helt." in box and expected in box and "Se tabellen over." in box


@pytest.mark.parametrize("answer", [None, "", "..."])
def test_no_answer_yet(answer):
    assert "Ikke svart ennå." in checks.number(answer, 1).data


def test_text_is_explained_not_raised():
    box = checks.number("mye", 1).data
    assert "«mye» er ikke et tall" in box and "Ikke helt." in box

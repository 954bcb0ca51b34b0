"""The two shipped course plans (datasets/kursplan.csv and datasets/kursplan_videreutdanning.csv).

Checks what issue 19 asks of a plan: the project notebooks are in it, measuring starts early
enough for a run chart before the first test, insight work comes before the barrier
assessment, and the workload is estimated per meeting.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from bookbuild import sphinxext
from helseinnovasjon import data

ROOT = Path(__file__).resolve().parent.parent
PLANS = ["kursplan", "kursplan-videreutdanning"]
MIN_RUN_CHART_POINTS = 10  # the «Kjøreark» notebook needs at least 10 measurements


def _meetings(plan: pd.DataFrame) -> list[int]:
    return plan["uke"].drop_duplicates().tolist()


def _weeks_between(meetings: list[int], first: int, second: int) -> int:
    """Calendar weeks from meeting ``first`` to meeting ``second`` (indexes), across the new year."""
    return sum((meetings[i + 1] - meetings[i]) % 52 for i in range(first, second))


def _first_meeting(plan: pd.DataFrame, kind: str, refs: set[str]) -> int:
    meetings = _meetings(plan)
    rows = plan[(plan["type"] == kind) & plan["ref"].isin(refs)]
    assert not rows.empty, f"no {kind} row for {sorted(refs)}"
    return meetings.index(rows["uke"].iloc[0])


def test_both_plans_are_found_by_the_extension():
    assert sphinxext.plan_tables() == PLANS


@pytest.mark.parametrize("name", PLANS)
def test_plan_has_the_project_notebooks(name):
    plan = data.load_table(name)
    runs = set(plan.loc[plan["type"] == "kjør", "ref"])
    assert {"notebooks/behov-og-plan", "notebooks/prosjektrapport"} <= runs
    # the need is described at the first meeting, the report is made at the last
    assert _first_meeting(plan, "kjør", {"notebooks/behov-og-plan"}) == 0
    assert _first_meeting(plan, "kjør", {"notebooks/prosjektrapport"}) == len(_meetings(plan)) - 1


@pytest.mark.parametrize("name", PLANS)
def test_measuring_starts_in_time_for_a_run_chart_before_the_first_test(name):
    plan = data.load_table(name)
    start = _first_meeting(plan, "kjør", {"notebooks/kjoreark"})
    first_test = _first_meeting(plan, "oppgave", {"oppg-pdsa-liten-test"})
    assert start < first_test
    assert _weeks_between(_meetings(plan), start, first_test) >= MIN_RUN_CHART_POINTS


@pytest.mark.parametrize("name", PLANS)
def test_insight_work_comes_before_the_barrier_assessment(name):
    plan = data.load_table(name)
    insight = _first_meeting(plan, "kjør", {"notebooks/interessentkart", "notebooks/brukermedvirkning"})
    barriers = _first_meeting(plan, "kjør", {"notebooks/vurder-ditt-prosjekt"})
    assert insight < barriers


@pytest.mark.parametrize("name", PLANS)
def test_every_meeting_has_an_honest_workload_estimate(name):
    entries = sphinxext.plan_weeks(data.load_table(name))
    hours = [entry["timer"] for entry in entries]
    assert all(0 < h <= 10 for h in hours), hours
    assert 30 <= sum(hours) <= 60
    # a theme chapter is estimated at two hours of reading, not the old «about one hour»
    plan = data.load_table(name)
    chapters = plan[
        (plan["type"] == "les")
        & plan["ref"].isin(
            [
                "book/verdier-og-omsorgslogikker",
                "book/innovasjon-og-endringsledelse",
                "book/laerende-organisasjoner",
                "book/samskaping",
                "book/teamarbeid-og-prosesser",
            ]
        )
    ]
    assert (chapters["timer"] >= 2).all()


@pytest.mark.parametrize("name", PLANS)
def test_every_reference_exists_in_the_repository(name):
    """A quick check without Sphinx; the build checks the same against the built book."""
    plan = data.load_table(name)
    labels = {
        m.lower()
        for path in (ROOT / "book").glob("*.md")
        for m in re.findall(r"^:label:\s*(\S+)", path.read_text(encoding="utf-8"), flags=re.M)
    }
    for row in plan.itertuples(index=False):
        if row.type == "oppgave":
            assert row.ref.lower() in labels, row.ref
        else:
            suffix = ".ipynb" if row.ref.startswith("notebooks/") else ".md"
            assert (ROOT / f"{row.ref}{suffix}").exists(), row.ref


def test_plan_weeks_groups_rows_by_meeting_and_sums_hours():
    plan = pd.DataFrame(
        {
            "uke": [36, 36, 39, 4],
            "tema": ["A", "A", "B", "C"],
            "type": ["les", "kjør", "oppgave", "kjør"],
            "ref": ["book/x", "notebooks/y", "oppg-z", "notebooks/y"],
            "timer": [1.0, 0.5, 0.5, float("nan")],
        }
    )
    entries = sphinxext.plan_weeks(plan)
    assert [(e["uke"], e["tema"], e["timer"]) for e in entries] == [(36, "A", 1.5), (39, "B", 0.5), (4, "C", 0.0)]
    assert entries[0]["refs"] == {"les": ["book/x"], "kjør": ["notebooks/y"], "oppgave": []}
    assert sphinxext.plan_weeks(plan.drop(columns="timer"))[0]["timer"] is None
    assert sphinxext.format_hours(6.5) == "6,5" and sphinxext.format_hours(7.0) == "7"


def test_plan_problems_name_the_plan_file():
    plan = pd.DataFrame({"uke": [3], "tema": ["A"], "type": ["kjør"], "ref": ["notebooks/finnes-ikke"]})
    problems = sphinxext.plan_problems(plan, docs=set(), labels=set(), source="datasets/kursplan_videreutdanning.csv")
    assert problems == [
        "datasets/kursplan_videreutdanning.csv, linje 2 (uke 3): «notebooks/finnes-ikke» finnes ikke "
        "i boka. Sjekk stavemåten (uten .md eller .ipynb) og at siden står i _toc.yml."
    ]

"""Yearly costs against the budget and the corridor (docs/planning.md, rule 3 and the corridor)."""

from __future__ import annotations

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import DONE
from roadmap.planning.budget import ABOVE, BELOW, WITHIN, corridor_check, quarterly_costs, yearly_costs
from roadmap.planning.planner import plan


def test_running_costs_start_the_month_after_go_live() -> None:
    measure = Measure("A", "CRM", running_cost=1200, duration=3)
    roadmap = plan([measure], Profile(revenue=1_000_000))

    (year,) = yearly_costs(roadmap)

    assert roadmap.placements["A"].end == Month(2026, 3)
    assert year.running == pytest.approx(900.0)


def test_funding_reduces_only_eligible_one_time_costs() -> None:
    measures = [
        Measure("A", "a", one_time_cost=10_000, funding_eligible=True),
        Measure("B", "b", one_time_cost=10_000),
    ]
    roadmap = plan(measures, Profile(revenue=1_000_000, funding_rate=50))

    (year,) = yearly_costs(roadmap)

    assert year.one_time == pytest.approx(15_000)


def test_budget_and_baseline_are_pro_rata_for_a_partial_year() -> None:
    profile = Profile(
        revenue=1_200_000,
        budget_share=3,
        baseline_it=12_000,
        horizon_start=Month(2026, 7),
        horizon_end=Month(2027, 6),
    )

    years = yearly_costs(plan([], profile))

    assert [(y.year, y.months, y.budget, y.baseline) for y in years] == [
        (2026, 6, pytest.approx(18_000), pytest.approx(6_000)),
        (2027, 6, pytest.approx(18_000), pytest.approx(6_000)),
    ]


def test_a_finished_measure_costs_only_its_running_costs_from_the_horizon_start() -> None:
    roadmap = plan([Measure("A", "a", status=DONE, one_time_cost=50_000, running_cost=2_400)], Profile(revenue=10**6))

    (year,) = yearly_costs(roadmap)

    assert (year.one_time, year.running) == (0, pytest.approx(2_400))


@pytest.mark.parametrize(("baseline", "level"), [(5_000, BELOW), (30_000, WITHIN), (80_000, ABOVE)])
def test_running_it_costs_are_checked_against_the_corridor(baseline: float, level: str) -> None:
    notes = corridor_check(plan([], Profile(revenue=1_000_000, baseline_it=baseline)))

    assert [n.level for n in notes] == [level]


def test_a_budget_share_outside_one_to_five_percent_is_warned_about_not_refused() -> None:
    notes = corridor_check(plan([], Profile(revenue=1_000_000, budget_share=8, baseline_it=20_000)))

    assert notes[0].year is None and notes[0].level == ABOVE


def test_quarterly_costs_are_split_by_field() -> None:
    measures = [
        Measure("A", "a", one_time_cost=1000),
        Measure("B", "b", field="Kunden & Omnichannel", one_time_cost=500),
    ]

    quarters = quarterly_costs(plan(measures, Profile(revenue=10**6)))

    assert {(q.label, q.field, q.one_time) for q in quarters} == {
        ("Q1/2026", "Prozessautomatisierung", 1000),
        ("Q1/2026", "Kunden & Omnichannel", 500),
    }


def test_corridor_notes_write_decimals_the_german_way_in_german_and_the_english_way_in_english() -> None:
    roadmap = plan([], Profile(revenue=1_000_000, baseline_it=18_000))

    (note,) = corridor_check(roadmap)

    assert "laufende IT-Kosten 1,8 % des Umsatzes" in note.message("de")
    assert "running IT costs 1.8 % of revenue" in note.message("en")


def test_a_budget_share_outside_the_corridor_is_named_in_the_language_s_number_format() -> None:
    roadmap = plan([], Profile(revenue=1_000_000, budget_share=7.5, baseline_it=20_000))

    share_note = corridor_check(roadmap)[0]

    assert "Budgetanteil von 7,5 %" in share_note.message("de")
    assert "budget share of 7.5 %" in share_note.message("en")


@pytest.mark.parametrize("share", [1.0, 3.0, 5.0])
def test_a_budget_share_inside_the_corridor_gets_no_note(share: float) -> None:
    from roadmap.planning.budget import corridor_note

    assert corridor_note(share) is None


@pytest.mark.parametrize(("share", "level"), [(0.5, BELOW), (5.5, ABOVE)])
def test_a_budget_share_outside_the_corridor_is_allowed_but_named_with_advice(share: float, level: str) -> None:
    from roadmap.planning.budget import corridor_note

    note = corridor_note(share)

    assert note is not None and note.year is None and note.level == level
    assert "möglich, aber bitte bewusst entscheiden" in note.message("de")
    assert "allowed, but please decide on purpose" in note.message("en")


def test_the_budget_share_verdict_of_a_plan_is_the_corridor_note_of_its_share() -> None:
    from roadmap.planning.budget import corridor_note

    roadmap = plan([], Profile(revenue=1_000_000, budget_share=8, baseline_it=20_000))

    assert corridor_check(roadmap)[0] == corridor_note(8)


def test_the_corridor_of_a_revenue_is_one_to_five_percent_of_it() -> None:
    from roadmap.planning.budget import corridor_bounds

    assert corridor_bounds(1_200_000) == (12_000, 60_000)


def test_a_year_period_is_its_yearly_cost_and_its_quarters_share_it_by_months() -> None:
    from roadmap.planning.budget import period_costs

    profile = Profile(revenue=1_200_000, budget_share=3, baseline_it=12_000, horizon_start=Month(2026, 8))
    roadmap = plan([Measure("A", "a", one_time_cost=4_000, running_cost=1_200)], profile)

    (year,) = yearly_costs(roadmap)
    (whole,) = period_costs(roadmap)
    quarters = period_costs(roadmap, quarterly=True)

    assert (whole.months, whole.budget, whole.baseline, whole.revenue) == (5, year.budget, year.baseline, year.revenue)
    assert whole.total == pytest.approx(year.total) and whole.over_budget == year.over_budget
    assert [(q.quarter, q.months) for q in quarters] == [(3, 2), (4, 3)]
    assert [q.budget for q in quarters] == [pytest.approx(year.budget * 2 / 5), pytest.approx(year.budget * 3 / 5)]
    assert sum(q.total for q in quarters) == pytest.approx(year.total)


def test_the_yearly_costs_of_one_plan_stay_the_same_however_often_and_however_a_caller_changes_its_list() -> None:
    roadmap = plan([Measure("A", "CRM", one_time_cost=10_000, running_cost=1200, duration=3)], Profile(revenue=1e6))
    first = yearly_costs(roadmap)

    first.clear()

    assert yearly_costs(roadmap) == yearly_costs(roadmap) != []
    assert yearly_costs(roadmap)[0].one_time == pytest.approx(10_000)

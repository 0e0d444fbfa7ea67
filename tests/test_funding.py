"""The effect of funding: one-time costs per year before and after the funding rate."""

from __future__ import annotations

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import RUNNING
from roadmap.planning.budget import yearly_costs
from roadmap.planning.funding import funding_effect
from roadmap.planning.planner import plan


def test_funding_lowers_only_the_one_time_costs_of_eligible_measures() -> None:
    measures = [
        Measure("A", "a", one_time_cost=10_000, funding_eligible=True),
        Measure("B", "b", one_time_cost=4_000),
    ]

    (year,) = funding_effect(plan(measures, Profile(revenue=10**6, funding_rate=40)))

    assert (year.before, year.after, year.saved, year.eligible) == (14_000, 10_000, 4_000, 1)


def test_after_funding_equals_the_one_time_costs_the_budget_counts() -> None:
    profile = Profile(revenue=10**6, funding_rate=25, horizon_end=Month(2027, 12))
    measures = [
        Measure("A", "a", one_time_cost=8_000, funding_eligible=True, duration=2),
        Measure("B", "b", one_time_cost=6_000, funding_eligible=True, earliest_start=Month(2027, 3)),
    ]
    roadmap = plan(measures, profile)

    effect = funding_effect(roadmap)

    assert [(y.year, y.after) for y in effect] == [(y.year, pytest.approx(y.one_time)) for y in yearly_costs(roadmap)]
    assert [y.saved for y in effect] == [2_000, 1_500]


def test_without_a_funding_rate_nothing_is_saved() -> None:
    (year,) = funding_effect(
        plan([Measure("A", "a", one_time_cost=5_000, funding_eligible=True)], Profile(revenue=10**6))
    )

    assert year.before == year.after == 5_000 and year.saved == 0


def test_a_measure_begun_before_the_horizon_brings_no_one_time_cost_into_it() -> None:
    running = Measure(
        "A",
        "a",
        one_time_cost=9_000,
        funding_eligible=True,
        status=RUNNING,
        earliest_start=Month(2025, 10),
        duration=6,
    )

    roadmap = plan([running], Profile(revenue=10**6, funding_rate=50))

    (year,) = funding_effect(roadmap)

    assert roadmap.placements["A"].start == Month(2025, 10)
    assert (year.before, year.after) == (0, 0)

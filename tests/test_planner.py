"""Planner rules on hand-made cases (docs/planning.md); random cases are in test_planner_properties."""

from __future__ import annotations

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.messages import RoadmapError
from roadmap.domain.month import Month
from roadmap.domain.profile import MONEY_TOLERANCE, Profile
from roadmap.domain.vocabulary import Status
from roadmap.planning.budget import yearly_costs
from roadmap.planning.phases import milestones, phases
from roadmap.planning.plan import Reason
from roadmap.planning.planner import plan

PROFILE = Profile(revenue=1_000_000)  # budget 30,000 € in 2026


def test_a_measure_starts_the_month_after_its_prerequisite_ends() -> None:
    roadmap = plan([Measure("A", "a", duration=3), Measure("B", "b", depends_on=("A",))], PROFILE)

    assert roadmap.placements["B"].start == Month(2026, 4)


@pytest.mark.parametrize(
    ("measures", "measure_id", "code"),
    [
        ([Measure("A", "a", one_time_cost=40_000)], "A", Reason.BUDGET),
        ([Measure("A", "a", duration=13)], "A", Reason.WINDOW),
        ([Measure("A", "a", duration=3, deadline=Month(2026, 2))], "A", Reason.WINDOW),
        ([Measure("A", "a", excluded=True)], "A", Reason.EXCLUDED),
        ([Measure("A", "a", excluded=True), Measure("B", "b", depends_on=("A",))], "B", Reason.DEPENDENCY_EXCLUDED),
        (
            [Measure("A", "a", one_time_cost=40_000), Measure("B", "b", depends_on=("A",))],
            "B",
            Reason.DEPENDENCY_NOT_PLANNED,
        ),
        ([Measure("A", "a", depends_on=("X9",))], "A", Reason.DEPENDENCY_UNKNOWN),
        ([Measure("A", "a", depends_on=("B",)), Measure("B", "b", depends_on=("A",))], "A", Reason.CYCLE),
        ([Measure("A", "a", pinned=Month(2026, 12), duration=2)], "A", Reason.PIN),
    ],
)
def test_what_cannot_be_placed_gets_one_reason(measures: list[Measure], measure_id: str, code: str) -> None:
    roadmap = plan(measures, PROFILE)

    assert roadmap.not_planned[measure_id].code == code


def test_a_cycle_is_named_and_the_rest_is_still_planned() -> None:
    measures = [Measure("A", "a", depends_on=("B",)), Measure("B", "b", depends_on=("A",)), Measure("C", "c")]

    roadmap = plan(measures, PROFILE)

    assert "A → B → A" in roadmap.not_planned["A"].message("de")
    assert "C" in roadmap.placements


def test_capacity_pushes_a_measure_later() -> None:
    measures = [Measure("A", "a", person_days=20, value=5), Measure("B", "b", person_days=20)]

    roadmap = plan(measures, Profile(revenue=10**6, capacity=25))

    assert (roadmap.placements["A"].start, roadmap.placements["B"].start) == (Month(2026, 1), Month(2026, 2))


def test_a_measure_too_big_for_capacity_is_explained() -> None:
    roadmap = plan([Measure("A", "a", person_days=100)], Profile(revenue=10**6, capacity=25))

    assert roadmap.not_planned["A"].code == Reason.CAPACITY


def test_a_pinned_measure_starts_exactly_in_its_month() -> None:
    roadmap = plan([Measure("A", "a", pinned=Month(2026, 7))], PROFILE)

    assert roadmap.placements["A"].start == Month(2026, 7)


def test_commitments_keep_their_dates_and_are_booked_first() -> None:
    running = Measure("A", "a", status=Status.RUNNING, earliest_start=Month(2025, 11), duration=4, running_cost=12_000)
    follower = Measure("B", "b", depends_on=("A",))

    roadmap = plan([running, follower], PROFILE)

    assert roadmap.placements["A"].start == Month(2025, 11) and roadmap.placements["A"].committed
    assert roadmap.placements["B"].start == Month(2026, 3)


def test_a_finished_prerequisite_counts_as_met() -> None:
    roadmap = plan([Measure("A", "a", status=Status.DONE), Measure("B", "b", depends_on=("A",))], PROFILE)

    assert roadmap.placements["B"].start == Month(2026, 1)


def test_must_haves_get_the_budget_first() -> None:
    measures = [
        Measure("A", "a", one_time_cost=20_000, value=5, effort=1),
        Measure("B", "b", one_time_cost=20_000, value=1, effort=5, must_have=True),
    ]

    roadmap = plan(measures, PROFILE)

    assert "B" in roadmap.placements and roadmap.not_planned["A"].code == Reason.BUDGET


def test_optimal_beats_greedy_where_greedy_spends_the_budget_badly() -> None:
    measures = [
        Measure("A", "a", one_time_cost=30_000, value=5, effort=2),
        Measure("B", "b", one_time_cost=15_000, value=4, effort=2),
        Measure("C", "c", one_time_cost=15_000, value=4, effort=2),
    ]

    greedy, optimal = plan(measures, PROFILE), plan(measures, PROFILE, mode="optimal")

    assert set(greedy.placements) == {"A"}
    assert set(optimal.placements) == {"B", "C"} and optimal.proven_optimal


def test_duplicate_ids_are_refused_in_words() -> None:
    with pytest.raises(RoadmapError, match="doppelt"):
        plan([Measure("A", "a"), Measure("A", "b")], PROFILE)


def test_one_phase_per_quarter_with_a_milestone_listing_what_finished() -> None:
    roadmap = plan(
        [Measure("A", "a", duration=2), Measure("B", "b", depends_on=("A",), duration=3)],
        PROFILE.with_changes(phase_names=("Phase 1 – Quick Wins & Grundlagen",)),
    )

    names = [p.name for p in phases(roadmap.profile)]
    stones = milestones(roadmap)

    assert names == ["Phase 1 – Quick Wins & Grundlagen", "Q2/2026", "Q3/2026", "Q4/2026"]
    assert [s.finished for s in stones[:2]] == [("A",), ("B",)]


@pytest.mark.parametrize(
    ("cost", "fits"), [(30_000 + MONEY_TOLERANCE * 0.8, True), (30_000 + MONEY_TOLERANCE * 1.2, False)]
)
def test_less_than_half_a_cent_over_the_budget_still_fits_and_the_budget_agrees(cost: float, fits: bool) -> None:
    roadmap = plan([Measure("A", "a", one_time_cost=cost)], PROFILE)

    (year,) = yearly_costs(roadmap)

    assert ("A" in roadmap.placements) is fits
    assert not year.over_budget  # planned within the tolerance, or not planned at all


def test_a_commitment_running_past_the_calendars_last_month_ends_there_instead_of_failing_the_plan() -> None:
    profile = Profile(revenue=1_000_000, horizon_start=Month(2026, 1), horizon_end=Month(2026, 12))
    running = Measure("M1", "Langläufer", status=Status.RUNNING, pinned=Month(2199, 7), duration=19)

    roadmap = plan([running], profile)

    assert roadmap.placements["M1"].end == Month(2200, 12)

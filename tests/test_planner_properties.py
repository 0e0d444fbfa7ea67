"""The planner's rules hold on random portfolios (docs/planning.md), checked independently."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import Status
from roadmap.planning.plan import NotPlanned, Placement, Plan, Reason
from roadmap.planning.planner import plan
from roadmap.planning.rules import violations
from tests.portfolios import portfolios

SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _moved(roadmap: Plan, measure: Measure, start_ordinal: int) -> Plan:
    """The same plan with one measure placed at another start (planned if it was not)."""
    profile = roadmap.profile
    start = profile.horizon_start + (start_ordinal - profile.horizon_start.ordinal)
    placements = dict(roadmap.placements)
    placements[measure.id] = Placement(measure.id, start, start + (measure.duration - 1))
    not_planned = {k: v for k, v in roadmap.not_planned.items() if k != measure.id}
    return Plan(profile, roadmap.measures, roadmap.ranking, placements, not_planned, roadmap.mode)


@SLOW
@given(portfolios(max_size=150, max_months=36))
def test_no_plan_ever_breaks_a_rule_and_nothing_is_dropped(portfolio: tuple[list[Measure], Profile]) -> None:
    measures, profile = portfolio

    roadmap = plan(measures, profile)

    assert violations(roadmap) == []
    assert set(roadmap.placements) | set(roadmap.not_planned) == {m.id for m in measures}
    assert all(item.message("de") and item.message("en") for item in roadmap.not_planned.values())


@SLOW
@given(portfolios(max_size=60, max_months=30))
def test_nothing_not_under_way_starts_before_the_planning_month(portfolio: tuple[list[Measure], Profile]) -> None:
    measures, profile = portfolio

    roadmap = plan(measures, profile)

    for placement in roadmap.placements.values():
        if not placement.committed:
            assert placement.start >= profile.horizon_start
            assert profile.as_of is None or placement.start >= profile.as_of, placement


@SLOW
@given(portfolios(max_size=60, max_months=30))
def test_done_and_under_way_measures_keep_their_actual_dates(portfolio: tuple[list[Measure], Profile]) -> None:
    measures, profile = portfolio

    roadmap = plan(measures, profile)

    for measure in measures:
        placed = roadmap.placements.get(measure.id)
        if measure.excluded or measure.status not in (Status.RUNNING, Status.DONE):
            assert placed is None or not placed.committed
            continue
        ended = measure.actual_end or (measure.actual_start or profile.horizon_start) + (measure.duration - 1)
        if measure.status == Status.DONE and (measure.actual_start is None or ended < profile.horizon_start):
            assert roadmap.not_planned[measure.id].code == Reason.DONE  # before the horizon: only runs
            continue
        assert placed is not None and placed.committed
        if measure.actual_start is not None:
            assert placed.start == measure.actual_start
        if measure.status == Status.DONE and measure.actual_end is not None:
            assert placed.end == measure.actual_end
        if measure.status == Status.RUNNING:
            assert placed.end >= placed.start + (measure.duration - 1)
            assert profile.as_of is None or placed.end >= profile.as_of


@SLOW
@given(portfolios(max_size=25, max_months=18))
def test_in_a_greedy_plan_no_planned_measure_could_start_earlier(
    portfolio: tuple[list[Measure], Profile],
) -> None:
    measures, profile = portfolio

    roadmap = plan(measures, profile)

    for placement in roadmap.placements.values():
        if placement.committed:
            continue
        measure = roadmap.measure(placement.measure_id)
        for earlier in range(profile.horizon_start.ordinal, placement.start.ordinal):
            assert violations(_moved(roadmap, measure, earlier)), f"{measure.id} could start earlier"


@SLOW
@given(portfolios(max_size=25, max_months=18))
def test_a_not_planned_measure_with_planned_prerequisites_fits_nowhere(
    portfolio: tuple[list[Measure], Profile],
) -> None:
    measures, profile = portfolio

    roadmap = plan(measures, profile)

    for item in roadmap.not_planned.values():
        if item.code not in (Reason.BUDGET, Reason.CAPACITY, Reason.WINDOW, Reason.PIN):
            continue
        measure = roadmap.measure(item.measure_id)
        for start in range(profile.horizon_start.ordinal, profile.horizon_end.ordinal + 1):
            assert violations(_moved(roadmap, measure, start)), f"{measure.id} would fit at {start}"


def _worth(roadmap: Plan) -> tuple[int, float]:
    must = sum(1 for m in roadmap.measures if m.must_have and m.id in roadmap.placements)
    return must, round(roadmap.summed_score, 6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portfolios(max_size=30, max_months=12))
def test_optimal_never_scores_below_greedy_and_keeps_every_rule(
    portfolio: tuple[list[Measure], Profile],
) -> None:
    measures, profile = portfolio

    greedy = plan(measures, profile, mode="greedy")
    optimal = plan(measures, profile, mode="optimal")

    assert violations(optimal) == []
    assert _worth(optimal) >= _worth(greedy)


def _left_out(roadmap: Plan, measure_id: str) -> NotPlanned:
    """A measure the candidate leaves out; a finished one keeps its reason, whose running costs still count."""
    item = roadmap.not_planned.get(measure_id)
    if item is not None and item.code == Reason.DONE:
        return item
    return NotPlanned(measure_id, "x", item.message if item is not None else None)  # type: ignore[arg-type]


def _brute_force_worth(roadmap: Plan) -> tuple[int, float]:
    """The best worth over every choice of start (or none) for each open measure."""
    profile = roadmap.profile
    fixed = {k: p for k, p in roadmap.placements.items() if p.committed}
    open_measures = [m for m in roadmap.measures if m.id not in fixed and not m.excluded and m.status != Status.DONE]
    options = [None, *range(profile.horizon_start.ordinal, profile.horizon_end.ordinal + 1)]
    score = {r.measure.id: r.score for r in roadmap.ranking}
    best = (0, 0.0)
    for choice in itertools.product(options, repeat=len(open_measures)):
        placements = dict(fixed)
        for measure, start in zip(open_measures, choice, strict=True):
            if start is not None:
                first = profile.horizon_start + (start - profile.horizon_start.ordinal)
                placements[measure.id] = Placement(measure.id, first, first + (measure.duration - 1))
        not_planned = {m.id: _left_out(roadmap, m.id) for m in roadmap.measures if m.id not in placements}
        candidate = Plan(profile, roadmap.measures, roadmap.ranking, placements, not_planned, "brute")
        if violations(candidate):
            continue
        must = sum(1 for m in roadmap.measures if m.must_have and m.id in placements)
        worth = (
            must,
            round(
                sum(score[i] for i in placements if not placements[i].committed) + sum(score[i] for i in fixed),
                6,
            ),
        )
        best = max(best, worth)
    return best


# Found by hypothesis: a finished measure's running costs take part of a short horizon's budget.
_FINISHED_RUNS = (
    [
        Measure("M0", "Maßnahme M0", running_cost=1200, duration=1, must_have=True, status=Status.DONE),
        Measure("M1", "Maßnahme M1", one_time_cost=5000, duration=1, must_have=True),
    ],
    Profile(revenue=1_000_000, budget_share=3, horizon_start=Month(2025, 10), horizon_end=Month(2025, 11)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portfolios(max_size=4, max_months=4))
@example(_FINISHED_RUNS)
def test_optimal_equals_a_brute_force_optimum_on_small_portfolios(
    portfolio: tuple[list[Measure], Profile],
) -> None:
    measures, profile = portfolio

    optimal = plan(measures, profile, mode="optimal")

    assert _worth(optimal) == _brute_force_worth(optimal)


@given(st.data())
@settings(max_examples=20, deadline=None)
def test_planning_does_not_depend_on_the_input_order(data: st.DataObject) -> None:
    measures, profile = data.draw(portfolios(max_size=30))
    shuffled = data.draw(st.permutations(measures))

    first = plan(measures, profile)
    second = plan(shuffled, profile)

    assert first.placements == second.placements
    assert {k: v.code for k, v in first.not_planned.items()} == {k: v.code for k, v in second.not_planned.items()}

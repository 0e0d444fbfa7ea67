"""The follow-up (docs/planning.md, the follow-up): states, slip against the baseline, KPIs, re-planning.
Fixed dates only."""

from __future__ import annotations

from datetime import date

import pytest

from roadmap.domain.measure import Kpi, Measure, booked_one_time_cost
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import DONE, IDEA, PLANNED, RUNNING
from roadmap.domain.workshop import Workshop
from roadmap.planning.followup import (
    State,
    baseline_plan,
    kpi_number,
    kpi_reached,
    moves,
    replan,
    slip,
    spent,
    status,
    summary,
    with_status,
)
from roadmap.planning.plan import Plan
from roadmap.planning.planner import plan
from roadmap.planning.rules import violations
from roadmap.workbook.writer import workbook_bytes
from roadmap.workshop.demo import demo_at_workshop, demo_workshop, workshop_day

PROFILE = Profile(revenue=3_000_000, horizon_start=Month(2026, 12), horizon_end=Month(2027, 12))
A = Measure("A", "Server", one_time_cost=10_000, duration=2)
B = Measure("B", "CRM", one_time_cost=20_000, duration=3, depends_on=("A",))
C = Measure("C", "Schulung", one_time_cost=2_000, duration=1)


def _baseline() -> Plan:
    # December's budget share (7,500 €) is too small for A: C in December, A January–February, B March–May.
    return plan((A, B, C), PROFILE.with_changes(as_of=Month(2026, 12)))


def _today(today: Month, *changed: Measure) -> Plan:
    """Today's plan of A, B and C, with the measures given in place of theirs."""
    given = {m.id: m for m in changed}
    return plan(tuple(given.get(m.id, m) for m in (A, B, C)), PROFILE.with_changes(as_of=today))


# The baseline has A in January–February and B in March–May.
STATUS_CASES = [
    # ahead: began in December, a month before the baseline, and ends in January
    ("ahead", A.with_changes(status=RUNNING, actual_start=Month(2026, 12)), Month(2027, 1), State.RUNNING, -1),
    # ahead of the baseline, though past its own two months: not late (the demo's "verspätet" next to −2)
    ("ahead, past its own duration", A.with_changes(status=RUNNING, actual_start=Month(2026, 10)), Month(2027, 1),
     State.RUNNING, -1),
    ("on time", A.with_changes(status=RUNNING, actual_start=Month(2027, 1)), Month(2027, 2), State.RUNNING, 0),
    ("late: still under way after its baseline end", A.with_changes(status=RUNNING, actual_start=Month(2027, 1)),
     Month(2027, 3), State.LATE, 1),
    ("started late", B.with_changes(status=RUNNING, actual_start=Month(2027, 4)), Month(2027, 4), State.LATE, 1),
    ("done early", A.with_changes(status=DONE, actual_start=Month(2026, 12), actual_end=Month(2027, 1)),
     Month(2027, 3), State.DONE, -1),
    ("done late", A.with_changes(status=DONE, actual_start=Month(2027, 1), actual_end=Month(2027, 4)),
     Month(2027, 5), State.DONE, 2),
    ("not started, as planned", A.with_changes(status=PLANNED), Month(2027, 1), State.PLANNED, 0),
    ("not started, planned later than the baseline", A.with_changes(status=IDEA), Month(2027, 2), State.LATE, 1),
    ("not started, its deadline passed", A.with_changes(deadline=Month(2027, 1)), Month(2027, 2),
     State.NOT_PLANNED, None),
    ("excluded", A.with_changes(excluded=True), Month(2027, 1), State.NOT_PLANNED, None),
]  # fmt: skip


@pytest.mark.parametrize(("case", "measure", "today", "expected", "months"), STATUS_CASES)
def test_a_measure_is_late_exactly_when_it_slips_against_the_baseline(
    case: str, measure: Measure, today: Month, expected: State, months: int | None
) -> None:
    current = _today(today, measure)

    found, moved = status(measure, current, _baseline(), today), slip(measure, current, _baseline(), today)

    assert (found, moved) == (expected, months), case
    assert (found == State.LATE) == (measure.status != DONE and moved is not None and moved > 0)


@pytest.mark.parametrize(
    ("measure", "today", "expected", "months"),
    [
        (A.with_changes(status=RUNNING, actual_start=Month(2026, 12)), Month(2027, 1), State.RUNNING, 0),
        (A.with_changes(status=RUNNING, actual_start=Month(2026, 12)), Month(2027, 3), State.LATE, 2),
        (A.with_changes(status=DONE, actual_start=Month(2026, 12), actual_end=Month(2027, 2)), Month(2027, 3),
         State.DONE, 1),
        (A, Month(2030, 1), State.NOT_PLANNED, None),  # the horizon has passed: nothing new is planned
        (A, Month(2027, 1), State.PLANNED, None),  # never started, no baseline: nothing was due
    ],
)  # fmt: skip
def test_without_a_baseline_a_started_measure_is_due_after_its_own_duration(
    measure: Measure, today: Month, expected: State, months: int | None
) -> None:
    current = _today(today, measure)

    assert (status(measure, current, None, today), slip(measure, current, None, today)) == (expected, months)


def test_a_measure_waits_behind_a_late_prerequisite_and_slips_with_it() -> None:
    late = A.with_changes(status=RUNNING, actual_start=Month(2027, 1))
    current = _today(Month(2027, 3), late)

    assert slip(B, current, _baseline(), Month(2027, 3)) == 1  # after A: April–June, not March–May
    assert status(B, current, _baseline(), Month(2027, 3)) == State.LATE


@pytest.mark.parametrize(
    ("measure", "spent_so_far"),
    [
        (A, 0.0),
        (A.with_changes(status=RUNNING, actual_start=Month(2027, 1)), 0.0),
        (A.with_changes(status=RUNNING, actual_start=Month(2027, 1), actual_cost=4_000), 4_000.0),
        (A.with_changes(status=DONE, actual_start=Month(2027, 1)), 10_000.0),  # nothing recorded: as planned
        (A.with_changes(status=DONE, actual_start=Month(2027, 1), actual_cost=12_500), 12_500.0),
        (A.with_changes(status=DONE, actual_start=Month(2027, 1), actual_cost=0), 0.0),
    ],
)
def test_a_done_measure_without_a_recorded_cost_counts_its_planned_one_time_cost_as_spent(
    measure: Measure, spent_so_far: float
) -> None:
    assert (
        spent(measure)
        == spent_so_far
        == booked_one_time_cost(measure) * (measure.status == DONE)
        + ((measure.actual_cost or 0.0) * (measure.status != DONE))
    )


def test_marking_a_measure_done_changes_the_money_spent() -> None:
    current = _today(Month(2027, 2))
    before = summary(Workshop(PROFILE, (A, B, C)), current)

    done = with_status(A, DONE, Month(2027, 2), current)
    after = summary(Workshop(PROFILE, (done, B, C)), current)

    assert done.actual_cost == 10_000
    assert after.spent - before.spent == 10_000


def test_moves_are_the_measures_planned_in_both_plans_in_other_months_with_their_months() -> None:
    late = A.with_changes(status=RUNNING, actual_start=Month(2027, 1))
    current = _today(Month(2027, 3), late)

    found = {move.measure_id: move.months for move in moves(_baseline(), current)}

    assert found == {"A": 1, "B": 1, "C": 3}  # C, not begun, is planned again from March: not December
    assert found == {m.id: slip(m, current, _baseline(), Month(2027, 3)) for m in (late, B, C)}


@pytest.mark.parametrize(
    ("text", "number"),
    [("61 %", 61), ("12.000 €", 12_000), ("1,5 Tage", 1.5), ("3.5", 3.5), ("1.234,5", 1234.5), ("0,125", 0.125),
     ("€12,000", 12_000), ("-3", -3), ("Tage", None), ("", None)],
)  # fmt: skip
def test_a_kpi_value_is_read_as_people_write_it(text: str, number: float | None) -> None:
    assert kpi_number(text) == number


@pytest.mark.parametrize(
    ("kpi", "reached"),
    [
        (Kpi("OEE", "61 %", "70 %", "72 %"), True),
        (Kpi("OEE", "61 %", "70 %", "65 %"), False),
        (Kpi("Durchlaufzeit (Tage)", "12", "7", "7"), True),  # lower is better: reached from above
        (Kpi("Durchlaufzeit (Tage)", "12", "7", "9"), False),
        (Kpi("Konten mit 2FA", "10 %", "100 %", ""), None),
        (Kpi("Zufriedenheit", "", "gut", "sehr gut"), None),
    ],
)
def test_a_kpi_reaches_its_target_in_the_direction_from_its_baseline(kpi: Kpi, reached: bool | None) -> None:
    assert kpi_reached(kpi) is reached


def test_marking_a_measure_done_fills_in_its_dates_and_progress() -> None:
    current = plan((A, B, C), PROFILE.with_changes(as_of=Month(2027, 2)))

    done = with_status(A, DONE, Month(2027, 2), current)
    running = with_status(B, RUNNING, Month(2027, 2), current)

    assert (done.actual_start, done.actual_end, done.percent_done) == (Month(2027, 2), Month(2027, 2), 100)
    assert running.actual_start == Month(2027, 2) and running.actual_end is None
    kept = with_status(A.with_changes(actual_start=Month(2026, 12)), DONE, Month(2027, 2), current)
    assert kept.actual_start == Month(2026, 12)


@pytest.mark.parametrize("today", [date(2026, 12, 1), date(2027, 3, 15), date(2028, 12, 31)])
def test_re_planning_keeps_the_facts_and_plans_the_rest_from_the_planning_month(today: date) -> None:
    workshop = demo_workshop(today)
    as_of = Month.of(today)
    later = as_of + 3
    current = plan(workshop.measures, workshop.profile.planned_as_of(later))
    marked = tuple(with_status(m, DONE, later, current) if m.id in ("M04", "M17") else m for m in workshop.measures)

    changed, replanned = replan(workshop.with_changes(measures=marked), current, later)

    assert violations(replanned) == []
    assert changed.profile.as_of is None
    for placement in replanned.placements.values():
        measure = replanned.measure(placement.measure_id)
        if measure.status in (DONE, RUNNING):
            assert placement.start == measure.actual_start
        else:
            assert placement.start >= later
    assert replanned.placements["M02"].end >= later  # under way since two months before: it stretches


def test_the_summary_counts_states_spend_and_kpis() -> None:
    baseline = _baseline()
    measures = (
        A.with_changes(status=DONE, actual_start=Month(2026, 12), actual_end=Month(2027, 1), actual_cost=12_500),
        B.with_changes(status=RUNNING, actual_start=Month(2027, 2), actual_cost=4_000, kpi=Kpi("x", "1", "5", "6")),
        C.with_changes(kpi=Kpi("y", "10", "2", "4")),
    )
    current = plan(measures, PROFILE.with_changes(as_of=Month(2027, 3)))

    found = summary(Workshop(PROFILE, measures), current, baseline)

    # B runs February–April, a month before its baseline (March–May); C, due in December, is planned for March.
    assert found.counts == {State.PLANNED: 0, State.RUNNING: 1, State.LATE: 1, State.DONE: 1, State.NOT_PLANNED: 0}
    assert found.spent == 16_500
    assert found.planned_by_now == 32_000  # A, B and C should all have started by March
    assert (found.kpis, found.kpis_reached) == (2, 1)
    assert found.year_budget == pytest.approx(90_000)


def test_the_baseline_is_planned_as_of_the_month_its_snapshot_was_taken() -> None:
    snapshot = Workshop(PROFILE, (A, B, C))

    baseline = baseline_plan(snapshot, Month(2027, 2))

    assert baseline.profile.as_of == Month(2027, 2)
    assert min(p.start for p in baseline.placements.values()) == Month(2027, 2)


@pytest.mark.parametrize(
    ("today", "held"),
    [
        (date(2026, 12, 1), date(2026, 11, 15)),
        (date(2027, 1, 31), date(2026, 12, 15)),
        (date(2027, 3, 15), date(2027, 2, 15)),
        (date(2028, 12, 31), date(2028, 11, 15)),
    ],
)
def test_the_demos_workshop_was_held_on_the_15th_of_last_month(today: date, held: date) -> None:
    assert workshop_day(today) == held


def test_the_demos_baseline_plans_from_its_workshop_month_so_unbegun_measures_show_a_slip() -> None:
    today = date(2026, 12, 1)
    baseline = baseline_plan(demo_at_workshop(today), Month.of(workshop_day(today)))
    demo = demo_workshop(today)
    current = plan(demo.measures, demo.profile.planned_as_of(Month(2026, 12)))

    slips = {m.id: slip(m, current, baseline, Month(2026, 12)) for m in demo.measures}
    assert slips["M02"] == 0  # under way since October: its dates stand
    assert slips["M04"] == 1  # the backup, planned for November at the workshop, now in December


def test_a_measure_started_near_the_calendars_end_ends_in_its_last_month_and_the_workbook_is_written() -> None:
    # Found by the round-trip property: started 2199-11 with 15 months, its own end would be 2201-01, a month
    # the calendar refuses, and the progress sheet failed to write.
    late = Measure("M1", "Spät", duration=15, status=RUNNING, actual_start=Month(2199, 11))
    profile = Profile(horizon_start=Month(2026, 1), horizon_end=Month(2026, 12))
    roadmap = plan((late,), profile)

    assert status(late, roadmap, None, Month(2026, 6)) is not None
    assert workbook_bytes(roadmap, "de")[:2] == b"PK"

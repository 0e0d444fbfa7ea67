"""The follow-up (docs/planning.md, the follow-up): states, slip against the baseline, KPIs, re-planning.
Fixed dates only."""

from __future__ import annotations

from datetime import date

import pytest

from roadmap.domain.measure import Kpi, Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import DONE, IDEA, PLANNED, RUNNING
from roadmap.domain.workshop import Workshop
from roadmap.planning.followup import (
    State,
    baseline_plan,
    kpi_number,
    kpi_reached,
    replan,
    slip,
    state,
    summary,
    with_status,
)
from roadmap.planning.planner import plan
from roadmap.planning.rules import violations
from roadmap.workshop.demo import demo_at_workshop, demo_workshop, workshop_day

PROFILE = Profile(revenue=3_000_000, horizon_start=Month(2026, 12), horizon_end=Month(2027, 12))
A = Measure("A", "Server", one_time_cost=10_000, duration=2)
B = Measure("B", "CRM", one_time_cost=20_000, duration=3, depends_on=("A",))
C = Measure("C", "Schulung", one_time_cost=2_000, duration=1)


def _baseline() -> object:
    # December's budget share (7,500 €) is too small for A: C in December, A January–February, B March–May.
    return plan((A, B, C), PROFILE.with_changes(as_of=Month(2026, 12)))


@pytest.mark.parametrize(
    ("measure", "as_of", "expected"),
    [
        (A.with_changes(status=DONE), Month(2027, 3), State.DONE),
        (A.with_changes(status=RUNNING, actual_start=Month(2026, 12)), Month(2027, 1), State.ON_TRACK),
        (A.with_changes(status=RUNNING, actual_start=Month(2026, 12)), Month(2027, 2), State.LATE),  # ran its 2
        (A.with_changes(status=RUNNING, actual_start=Month(2026, 12)), Month(2027, 3), State.LATE),
        (A.with_changes(status=IDEA), Month(2027, 1), State.NOT_STARTED),
        (A.with_changes(status=PLANNED), Month(2027, 3), State.LATE),  # its baseline end (February) has passed
        (B.with_changes(status=PLANNED), Month(2027, 4), State.NOT_STARTED),
        (B.with_changes(status=RUNNING, actual_start=Month(2027, 3)), Month(2027, 5), State.ON_TRACK),
        (B.with_changes(status=RUNNING, actual_start=Month(2027, 3)), Month(2027, 6), State.LATE),
    ],
)
def test_a_measure_is_done_on_track_late_or_not_started_at_the_planning_month(
    measure: Measure, as_of: Month, expected: State
) -> None:
    assert state(measure, as_of, _baseline()) == expected  # type: ignore[arg-type]


def test_without_a_baseline_a_measure_under_way_is_late_once_its_duration_has_passed() -> None:
    running = A.with_changes(status=RUNNING, actual_start=Month(2026, 12))
    assert state(running, Month(2027, 1)) == State.ON_TRACK
    assert state(running, Month(2027, 2)) == State.LATE
    assert state(A, Month(2030, 1)) == State.NOT_STARTED  # never started, no baseline: nothing was due


def test_slip_is_the_months_an_end_lies_after_the_baselines_end() -> None:
    baseline = _baseline()
    late = A.with_changes(status=RUNNING, actual_start=Month(2026, 12))
    current = plan((late, B, C), PROFILE.with_changes(as_of=Month(2027, 3)))

    assert slip(late, current, baseline) == 1  # type: ignore[arg-type]  # runs to March, not February
    assert slip(B, current, baseline) == 1  # type: ignore[arg-type]  # after A: April–June, not March–May
    done = C.with_changes(status=DONE, actual_start=Month(2026, 12), actual_end=Month(2026, 12))
    assert slip(done, current, baseline) == 0  # type: ignore[arg-type]
    assert slip(A, current, None) is None


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

    found = summary(Workshop(PROFILE, measures), current, baseline)  # type: ignore[arg-type]

    assert found.counts == {State.DONE: 1, State.ON_TRACK: 1, State.LATE: 1, State.NOT_STARTED: 0}
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

    slips = {m.id: slip(m, current, baseline) for m in demo.measures}
    assert slips["M02"] == 0  # under way since October: its dates stand
    assert slips["M04"] == 1  # the backup, planned for November at the workshop, now in December

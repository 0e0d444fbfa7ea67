"""The planning month (docs/planning.md, the planning month): nothing new is planned in the past,
the default horizon looks ahead, and a passed horizon or deadline is said in words. Fixed dates only."""

from __future__ import annotations

from datetime import date

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.month import Month, default_horizon
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import DONE, IDEA, PLANNED, RUNNING
from roadmap.domain.workshop import Workshop
from roadmap.planning.budget import yearly_costs
from roadmap.planning.plan import Reason
from roadmap.planning.planner import plan
from roadmap.planning.reasons import horizon_note
from roadmap.planning.rules import violations

DAYS = (date(2026, 12, 1), date(2027, 3, 15), date(2028, 12, 31))


@pytest.mark.parametrize(
    ("today", "first", "last"),
    [
        (date(2026, 12, 1), Month(2026, 12), Month(2027, 12)),
        (date(2027, 3, 15), Month(2027, 3), Month(2028, 12)),
        (date(2028, 12, 31), Month(2028, 12), Month(2029, 12)),
        (date(2027, 1, 1), Month(2027, 1), Month(2028, 12)),
    ],
)
def test_the_default_horizon_runs_from_the_planning_month_to_december_of_the_next_year(
    today: date, first: Month, last: Month
) -> None:
    assert default_horizon(Month.of(today)) == (first, last)
    profile = Workshop.starting(Month.of(today)).profile
    assert (profile.horizon_start, profile.horizon_end) == (first, last)


def _one(today: date, horizon: tuple[Month, Month] | None, **fields: object) -> tuple[Measure, Profile]:
    as_of = Month.of(today)
    first, last = horizon or default_horizon(as_of)
    profile = Profile(revenue=5_000_000, horizon_start=first, horizon_end=last, as_of=as_of)
    return Measure("M1", "Maßnahme", one_time_cost=4_000, duration=3, **fields), profile  # type: ignore[arg-type]


PAST = (Month(2026, 1), Month(2026, 12))  # a horizon wholly before 2027-03 and 2028-12
EARLY = (Month(2026, 1), Month(2029, 12))  # a horizon that starts before every planning month here

# planning day × horizon × status (and what else the measure has) → its first and last month, or the reason
CASES = [
    (date(2026, 12, 1), None, {"status": IDEA}, (Month(2026, 12), Month(2027, 2))),
    (date(2027, 3, 15), None, {"status": PLANNED}, (Month(2027, 3), Month(2027, 5))),
    (date(2028, 12, 31), None, {"status": IDEA}, (Month(2028, 12), Month(2029, 2))),
    (date(2027, 3, 15), EARLY, {"status": IDEA}, (Month(2027, 3), Month(2027, 5))),
    (
        date(2028, 12, 31),
        EARLY,
        {"status": PLANNED, "earliest_start": Month(2026, 2)},
        (Month(2028, 12), Month(2029, 2)),
    ),
    (date(2027, 3, 15), PAST, {"status": IDEA}, Reason.HORIZON_PASSED),
    (date(2028, 12, 31), PAST, {"status": PLANNED, "deadline": Month(2026, 9)}, Reason.HORIZON_PASSED),
    (date(2026, 12, 1), EARLY, {"status": IDEA, "deadline": Month(2026, 11)}, Reason.DEADLINE_PASSED),
    (date(2027, 3, 15), None, {"status": PLANNED, "deadline": Month(2027, 2)}, Reason.DEADLINE_PASSED),
    (date(2027, 3, 15), None, {"status": IDEA, "deadline": Month(2027, 4)}, Reason.WINDOW),
    (date(2026, 12, 1), EARLY, {"status": IDEA, "pinned": Month(2026, 8)}, Reason.PIN),
    (date(2026, 12, 1), EARLY, {"status": IDEA, "pinned": Month(2027, 8)}, (Month(2027, 8), Month(2027, 10))),
    # under way: keeps its actual start, runs at least to the planning month (a late one stretches)
    (date(2027, 3, 15), PAST, {"status": RUNNING, "actual_start": Month(2026, 5)}, (Month(2026, 5), Month(2027, 3))),
    (date(2026, 12, 1), None, {"status": RUNNING, "actual_start": Month(2026, 10)}, (Month(2026, 10), Month(2026, 12))),
    (
        date(2028, 12, 31),
        EARLY,
        {"status": RUNNING, "actual_start": Month(2028, 11)},
        (Month(2028, 11), Month(2029, 1)),
    ),
    (date(2026, 12, 1), None, {"status": RUNNING}, (Month(2026, 12), Month(2027, 2))),
    # done: keeps its actual dates, whatever its duration said
    (
        date(2027, 3, 15),
        PAST,
        {"status": DONE, "actual_start": Month(2026, 2), "actual_end": Month(2026, 7)},
        (Month(2026, 2), Month(2026, 7)),
    ),
    (date(2028, 12, 31), EARLY, {"status": DONE, "actual_start": Month(2028, 6)}, (Month(2028, 6), Month(2028, 8))),
    (date(2026, 12, 1), None, {"status": DONE}, Reason.DONE),
    (date(2026, 12, 1), None, {"status": DONE, "actual_start": Month(2026, 8)}, Reason.DONE),  # ended before
]


@pytest.mark.parametrize(("today", "horizon", "fields", "expected"), CASES)
def test_a_measure_is_placed_by_the_planning_month_its_horizon_and_its_status(
    today: date, horizon: tuple[Month, Month] | None, fields: dict[str, object], expected: object
) -> None:
    measure, profile = _one(today, horizon, **fields)

    roadmap = plan([measure], profile)

    assert violations(roadmap) == []
    if isinstance(expected, Reason):
        assert roadmap.not_planned["M1"].code == expected
    else:
        placed = roadmap.placements["M1"]
        assert (placed.start, placed.end) == expected


@pytest.mark.parametrize("today", DAYS)
def test_a_passed_deadline_is_said_in_words(today: date) -> None:
    as_of = Month.of(today)
    measure, profile = _one(today, EARLY, status=IDEA, deadline=as_of + -1)

    reason = plan([measure], profile).not_planned["M1"].message

    assert reason("de").startswith("Frist verstrichen")
    assert reason("en").startswith("Deadline passed")


def test_a_horizon_wholly_before_the_planning_month_is_told_not_planned_silently() -> None:
    measure, profile = _one(date(2027, 3, 15), PAST, status=IDEA)

    note = horizon_note(profile)
    reason = plan([measure], profile).not_planned["M1"].message

    assert note is not None and "liegt ganz vor dem Planungsstand März 2027" in note("de")
    assert "wholly before the planning month March 2027" in note("en")
    assert "Planungszeitraum verlängern" in reason("de")


def test_a_horizon_from_the_planning_month_needs_no_note() -> None:
    _, profile = _one(date(2026, 12, 1), None)
    assert horizon_note(profile) is None
    assert horizon_note(profile.with_changes(as_of=None)) is None
    early = horizon_note(profile.with_changes(horizon_start=Month(2026, 1)))
    assert early is not None and "vergangenen Monate" in early("de")


def test_the_budget_of_a_year_counts_what_a_finished_measure_really_cost() -> None:
    measure, profile = _one(
        date(2027, 3, 15), EARLY, status=DONE, actual_start=Month(2027, 1), actual_end=Month(2027, 2), actual_cost=9_000
    )
    spent = {year.year: year.one_time for year in yearly_costs(plan([measure], profile))}
    assert spent[2027] == 9_000
    running = measure.with_changes(status=RUNNING, actual_cost=1_000)
    assert {y.year: y.one_time for y in yearly_costs(plan([running], profile))}[2027] == 4_000  # at least the plan


def test_a_profile_without_its_own_planning_month_takes_the_one_given() -> None:
    profile = Profile()
    assert profile.planned_as_of(Month(2026, 12)).as_of == Month(2026, 12)
    fixed = profile.with_changes(as_of=Month(2027, 1))
    assert fixed.planned_as_of(Month(2026, 12)).as_of == Month(2027, 1)

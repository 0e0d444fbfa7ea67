"""Plans from other tools and from the past plan from today (roadmap/importing/old_plan.py, tool_files.py).

tests/fixtures/old_plan_2003.xml is an MS Project XML (MSPDI) plan written for these tests in the shape MS
Project 2003 saves: a project summary task, two summary tasks with tasks below, a milestone, a link to a
summary task and one to the milestone, a Deadline element.
"""

from __future__ import annotations

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.month import Month, default_horizon
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import Status
from roadmap.importing.importer import import_file
from roadmap.importing.old_plan import replanned
from roadmap.planning.planner import plan
from tests.workbooks import FIXTURES

AS_OF = Month(2026, 12)


def _plan_2003() -> tuple[Measure, ...]:
    return import_file(FIXTURES / "old_plan_2003.xml", as_of=AS_OF).measures


def test_summary_tasks_and_milestones_become_phases_not_measures() -> None:
    measures = _plan_2003()

    assert [m.title for m in measures] == [
        "Anforderungen sammeln", "Angebote einholen", "Server aufsetzen", "Daten migrieren",
    ]  # fmt: skip
    assert [m.notes for m in measures] == ["Phase: Planung"] * 2 + ["Phase: Umsetzung"] * 2


def test_a_link_to_a_summary_task_or_a_milestone_waits_for_the_work_below_or_before_it() -> None:
    by_id = {m.id: m for m in _plan_2003()}

    assert set(by_id["2.1"].depends_on) == {"1.1", "1.2"}  # 'Umsetzung' waits for the summary 'Planung'
    assert set(by_id["2.2"].depends_on) == {"2.1", "1.2", "1.1"}  # … and on the milestone 'Planung fertig'


def test_a_plan_from_2003_is_replanned_from_the_planning_month_with_its_deadline_moved_alike() -> None:
    by_id = {m.id: m for m in _plan_2003()}

    assert by_id["1.1"].earliest_start == AS_OF
    assert (by_id["1.2"].earliest_start, by_id["1.2"].duration, by_id["1.2"].deadline) == (
        Month(2027, 1),
        2,
        Month(2027, 3),
    )  # Feb–Mar 2003, due April 2003: 287 months on


def test_a_plan_from_2003_plans_every_task_from_today_in_its_order() -> None:
    measures = _plan_2003()
    start, end = default_horizon(AS_OF)

    roadmap = plan(measures, Profile(revenue=5_000_000, horizon_start=start, horizon_end=end, as_of=AS_OF))

    assert not roadmap.not_planned
    assert roadmap.placements["1.1"].start == AS_OF
    assert roadmap.placements["2.2"].start > roadmap.placements["2.1"].end


def test_the_replanning_is_said_in_one_line() -> None:
    result = import_file(FIXTURES / "old_plan_2003.xml", as_of=AS_OF)

    (line,) = [a("de") for a in result.assumptions if "Alter Plan" in a("de")]
    assert line.startswith("Alter Plan (Beginn Januar 2003): 4 offene Maßnahmen ab dem Planungsstand Dezember 2026")
    assert "um 287 Monate verschoben" in line


def _measure(ident: str, start: Month | None, **changes: object) -> Measure:
    return Measure(id=ident, title=ident, earliest_start=start, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("measures", "moved"),
    [
        ([_measure("A", Month(2025, 1)), _measure("B", Month(2025, 4))], True),
        ([_measure("A", Month(2025, 1)), _measure("B", Month(2027, 4))], False),  # not all in the past
        ([_measure("A", Month(2025, 1)), _measure("B", None), _measure("C", None)], False),  # hardly a plan
        ([_measure("A", None)], False),
    ],
)
def test_only_a_list_whose_open_measures_all_start_in_the_past_is_an_old_plan(
    measures: list[Measure], moved: bool
) -> None:
    _, said = replanned(measures, AS_OF)

    assert (said is not None) == moved


def test_running_and_done_measures_keep_their_dates_and_the_rest_keeps_its_spacing() -> None:
    measures = [
        _measure("A", Month(2025, 1), deadline=Month(2025, 6)),
        _measure("B", Month(2025, 4)),
        _measure("C", Month(2024, 1), status=Status.RUNNING),
    ]

    moved, _ = replanned(measures, AS_OF)

    assert [m.earliest_start for m in moved] == [AS_OF, AS_OF + 3, Month(2024, 1)]
    assert moved[0].deadline == AS_OF + 5

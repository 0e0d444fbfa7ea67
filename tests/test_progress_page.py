"""The Umsetzung page's words and choices (roadmap/views/progress_page.py), without Streamlit."""

from __future__ import annotations

from datetime import datetime

from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import DONE, RUNNING, Status
from roadmap.domain.workshop import Workshop
from roadmap.planning.followup import State, Summary
from roadmap.planning.planner import plan
from roadmap.store.records import SnapshotInfo
from roadmap.views import progress_page

PROFILE = Profile(revenue=3_000_000, horizon_start=Month(2026, 12), horizon_end=Month(2027, 12), as_of=Month(2026, 12))
A = Measure("A", "Server", one_time_cost=10_000, duration=2)
B = Measure("B", "CRM", one_time_cost=20_000, duration=3, excluded=True)
COUNTS = {State.PLANNED: 17, State.RUNNING: 1, State.LATE: 0, State.DONE: 1, State.NOT_PLANNED: 1}


def _summary(year_cost: float = 1_000, year_budget: float = 1_000) -> Summary:
    return Summary(Month(2026, 12), COUNTS, 0, 0, year_budget, year_cost, 0, 0)


def test_the_state_metrics_are_capitalised_and_in_state_order() -> None:
    metrics = progress_page.state_metrics(_summary(), "de")

    assert metrics == [("Geplant", 17), ("Läuft", 1), ("Verspätet", 0), ("Fertig", 1), ("Nicht eingeplant", 1)]


def test_the_state_line_bolds_each_count() -> None:
    line = progress_page.state_line(_summary(), "en")

    assert line == "planned: **17** · running: **1** · late: **0** · done: **1** · not planned: **1**"


def test_a_year_is_over_budget_only_beyond_rounding() -> None:
    assert not progress_page.over_budget(_summary(year_cost=1_000.4))
    assert progress_page.over_budget(_summary(year_cost=1_000.6))


def test_the_baseline_choices_name_each_snapshot_with_its_day_and_end_with_none() -> None:
    listed = [SnapshotInfo("s1", "w", "Workshop", datetime(2026, 11, 3, 10, 0), 20)]

    choices = progress_page.baseline_choices(listed, "en")

    assert choices == {"s1": "Workshop (03.11.2026)", progress_page.NO_BASELINE: "no baseline"}


def test_slips_list_the_most_late_measure_first_and_leave_out_those_on_time() -> None:
    workshop = Workshop(profile=PROFILE, measures=(A, Measure("C", "Schulung", one_time_cost=2_000, duration=1)))
    baseline = plan(workshop.measures, workshop.profile)
    later = workshop.with_changes(measures=(A.with_changes(pinned=Month(2027, 6)), workshop.measures[1]))
    current = plan(later.measures, later.profile)

    found = progress_page.slips(later, current, baseline)

    assert [title for _, title in found] == ["Server"] and found[0][0] > 0
    assert progress_page.slip_months(2, "de") == "+2 Monat(e)"


def test_the_quick_entry_offers_measures_in_the_plan_every_status_and_two_years_back() -> None:
    workshop = Workshop(profile=PROFILE, measures=(A, B))

    assert progress_page.quick_titles(workshop) == {"A": "Server (A)"}
    assert list(progress_page.quick_statuses("de")) == list(Status)
    months = progress_page.quick_months(Month(2026, 12))
    assert months[:2] == [progress_page.AS_PLANNED, Month(2026, 12)] and months[-1] == Month(2024, 12)
    assert progress_page.quick_month_name(progress_page.AS_PLANNED, "en") == "as planned"


def test_a_quick_entry_sets_the_status_and_a_chosen_start_and_says_so() -> None:
    workshop = Workshop(profile=PROFILE, measures=(A, B))
    current = plan(workshop.measures, workshop.profile)

    changed, notice = progress_page.quick_change(workshop, "A", RUNNING, Month(2026, 10), Month(2026, 12), current)

    measure = changed.by_id()["A"]
    assert (measure.status, measure.actual_start) == (RUNNING, Month(2026, 10))
    assert changed.by_id()["B"] is B
    assert "Server" in notice("de")


def test_a_quick_entry_as_planned_keeps_the_start_it_had() -> None:
    workshop = Workshop(profile=PROFILE, measures=(A,))
    current = plan(workshop.measures, workshop.profile)

    changed, _ = progress_page.quick_change(workshop, "A", DONE, progress_page.AS_PLANNED, Month(2026, 12), current)

    assert changed.by_id()["A"].status == DONE

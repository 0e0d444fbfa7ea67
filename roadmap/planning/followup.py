"""The follow-up after the workshop: each measure's state, its slip against the baseline, KPIs reached,
spend to date, and re-planning from the planning month (docs/planning.md, the follow-up)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from roadmap.domain.measure import Kpi, Measure
from roadmap.domain.messages import Message
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import Status
from roadmap.domain.workshop import Workshop
from roadmap.planning.plan import Plan
from roadmap.planning.planner import plan as make_plan


class State(StrEnum):
    """Where a measure stands at the planning month."""

    DONE = "done"
    ON_TRACK = "on_track"
    LATE = "late"
    NOT_STARTED = "not_started"


STATE_WORDS: dict[State, Message] = {
    State.DONE: Message("abgeschlossen", "done"),
    State.ON_TRACK: Message("im Plan", "on track"),
    State.LATE: Message("verspätet", "late"),
    State.NOT_STARTED: Message("nicht begonnen", "not started"),
}


def due_end(measure: Measure, baseline: Plan | None) -> Month | None:
    """When the measure should end: one under way after its duration from its actual start; any other
    as the baseline planned it; None when neither is known."""
    if measure.status == Status.RUNNING and measure.actual_start is not None:
        return measure.actual_start + (measure.duration - 1)
    if baseline is not None and measure.id in baseline.placements:
        return baseline.placements[measure.id].end
    return None


def state(measure: Measure, as_of: Month, baseline: Plan | None = None) -> State:
    """Done; late (its due end lies before the planning month, not done); on track (under way); not started."""
    if measure.status == Status.DONE:
        return State.DONE
    end = due_end(measure, baseline)
    if end is not None and end < as_of and not measure.excluded:
        return State.LATE
    return State.ON_TRACK if measure.status == Status.RUNNING else State.NOT_STARTED


def slip(measure: Measure, current: Plan, baseline: Plan | None) -> int | None:
    """Months its end lies after its end in the baseline (actual end when done); None without both ends."""
    if baseline is None or measure.id not in baseline.placements:
        return None
    placed = current.placements.get(measure.id)
    end = measure.actual_end if measure.status == Status.DONE and measure.actual_end else None
    end = end or (placed.end if placed is not None else None)
    return None if end is None else end - baseline.placements[measure.id].end


_NUMBER = re.compile(r"[-+]?\d[\d.,]*")


def kpi_number(text: str) -> float | None:
    """The first number in a KPI text ('61 %', '12.000 €', '1,5 Tage', '3.5'); None if there is none.

    With both '.' and ',' the last one is the decimal mark. A single kind of mark groups thousands
    when it occurs more than once or is followed by exactly three digits (not after a lone 0).
    """
    found = _NUMBER.search(text or "")
    if found is None:
        return None
    digits = found.group().rstrip(".,")
    marks = [c for c in digits if c in ".,"]
    if not marks:
        return float(digits)
    if len(set(marks)) == 2:
        decimal = marks[-1]
    else:
        head, _, tail = digits.rpartition(marks[0])
        grouped = len(marks) > 1 or (len(tail) == 3 and head.lstrip("+-") != "0")
        decimal = "" if grouped else marks[0]
    whole, _, fraction = digits.rpartition(decimal) if decimal else (digits, "", "")
    return float(re.sub(r"[.,]", "", whole) + ("." + fraction if decimal else ""))


def kpi_reached(kpi: Kpi) -> bool | None:
    """Whether the current value reached the target, in the direction from the baseline; None if unknown."""
    baseline, target, current = kpi_number(kpi.baseline), kpi_number(kpi.target), kpi_number(kpi.current)
    if target is None or current is None:
        return None
    if baseline is not None and target < baseline:
        return current <= target
    return current >= target


@dataclass(frozen=True)
class Summary:
    """The follow-up at a glance: states, money spent against the plan and the budget, KPIs reached."""

    as_of: Month
    counts: dict[State, int]
    spent: float  # one-time costs really spent so far (before funding)
    planned_by_now: float  # one-time costs the plan expected by the planning month (before funding)
    year_budget: float  # the budget of the planning month's year (0 if outside the horizon)
    year_cost: float  # what that year costs in today's plan (baseline IT included)
    kpis: int  # measures with a KPI target and a current value
    kpis_reached: int


def summary(workshop: Workshop, current: Plan, baseline: Plan | None = None) -> Summary:
    """Done / on track / late / not started, spend to date against plan and budget, and KPIs reached."""
    from roadmap.planning.budget import yearly_costs

    as_of = current.profile.first_open_month if current.profile.as_of is None else current.profile.as_of
    counted = [m for m in workshop.measures if not m.excluded]
    counts = dict.fromkeys(State, 0)
    for measure in counted:
        counts[state(measure, as_of, baseline)] += 1
    reference = baseline or current
    planned = sum(
        m.one_time_cost
        for m in counted
        if (placed := reference.placements.get(m.id)) is not None and placed.start <= as_of
    )
    year = next((y for y in yearly_costs(current) if y.year == as_of.year), None)
    judged = [kpi_reached(m.kpi) for m in counted if m.kpi.target and m.kpi.current]
    return Summary(
        as_of=as_of,
        counts=counts,
        spent=sum(m.actual_cost or 0.0 for m in counted),
        planned_by_now=planned,
        year_budget=year.budget if year else 0.0,
        year_cost=year.total if year else 0.0,
        kpis=len([j for j in judged if j is not None]),
        kpis_reached=sum(1 for j in judged if j),
    )


def with_status(measure: Measure, status: Status, as_of: Month, current: Plan) -> Measure:
    """The measure with a new status, its facts filled in where they are missing: under way since its
    planned start (or the planning month); done in the planning month, 100 %."""
    changes: dict[str, object] = {"status": status}
    placed = current.placements.get(measure.id)
    started = placed.start if placed is not None and placed.start <= as_of else as_of
    if status in (Status.RUNNING, Status.DONE) and measure.actual_start is None:
        changes["actual_start"] = started
    if status == Status.DONE:
        changes["percent_done"] = 100
        if measure.actual_end is None:
            changes["actual_end"] = max(as_of, measure.actual_start or started)
    return measure.with_changes(**changes)


def replan(workshop: Workshop, current: Plan, as_of: Month) -> tuple[Workshop, Plan]:
    """Re-plan from the planning month `as_of`: record the facts the plan relied on (actual starts of
    measures under way or done, actual ends of done ones), plan again from `as_of` and return both.

    The workshop's own planning month is cleared, so that it follows the current month from now on.
    """
    measures = tuple(
        with_status(m, m.status, as_of, current) if m.status in (Status.RUNNING, Status.DONE) else m
        for m in workshop.measures
    )
    profile: Profile = workshop.profile.with_changes(as_of=None)
    changed = workshop.with_changes(measures=measures, profile=profile)
    return changed, make_plan(measures, profile.with_changes(as_of=as_of))


def baseline_plan(snapshot: Workshop, taken: Month) -> Plan:
    """The baseline: the snapshot's plan as it was made in the month the snapshot was taken."""
    return make_plan(snapshot.measures, snapshot.profile.planned_as_of(taken))

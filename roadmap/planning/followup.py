"""The follow-up after the workshop: each measure's state, its slip against the baseline, KPIs reached,
spend to date, and re-planning from the planning month (docs/planning.md, the follow-up)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from roadmap.domain.measure import Kpi, Measure, booked_one_time_cost
from roadmap.domain.messages import Message
from roadmap.domain.month import Month, ending
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import Status
from roadmap.domain.workshop import Workshop
from roadmap.planning.plan import Placement, Plan
from roadmap.planning.planner import plan as make_plan


class State(StrEnum):
    """Where a measure stands at a month (docs/planning.md, status and slip): the Gantt's colours, the
    Umsetzung page's counts and the workbook's `Stand` column."""

    PLANNED = "planned"
    RUNNING = "running"
    LATE = "late"
    DONE = "done"
    NOT_PLANNED = "not_planned"


STATE_WORDS: dict[State, Message] = {
    State.PLANNED: Message("geplant", "planned"),
    State.RUNNING: Message("läuft", "running"),
    State.LATE: Message("verspätet", "late"),
    State.DONE: Message("fertig", "done"),
    State.NOT_PLANNED: Message("nicht eingeplant", "not planned"),
}


def plan_month(plan: Plan) -> Month:
    """The month a plan speaks from: its planning month, else the first month it may place anything in."""
    return plan.profile.first_open_month if plan.profile.as_of is None else plan.profile.as_of


def _own_end(measure: Measure) -> Month | None:
    """The end a started measure set itself: its actual start plus its duration."""
    return None if measure.actual_start is None else ending(measure.actual_start, measure.duration)


def due_end(measure: Measure, baseline: Plan | None) -> Month | None:
    """When the measure is due to end: as the baseline planned it; without it in a baseline, once started,
    its actual start plus its duration; else None (nothing was promised)."""
    if baseline is not None and measure.id in baseline.placements:
        return baseline.placements[measure.id].end
    if measure.status in (Status.RUNNING, Status.DONE):
        return _own_end(measure)
    return None


def expected_end(measure: Measure, current: Plan, today: Month) -> Month | None:
    """When the measure ends as things stand in `today`: a done one at its actual end; one under way where
    today's plan has it, and not before `today`; one not begun where today's plan puts it, and not before
    it could end if begun `today`; None when it is neither done nor in today's plan (or excluded)."""
    placed = current.placements.get(measure.id)
    if measure.status == Status.DONE:
        return measure.actual_end or (placed.end if placed is not None else _own_end(measure))
    if measure.excluded or placed is None:
        return None
    if measure.status == Status.RUNNING:
        return max(placed.end, today)
    return max(placed.end, ending(today, measure.duration))


def slip(measure: Measure, current: Plan, baseline: Plan | None, today: Month) -> int | None:
    """Months the measure ends after it was due (docs/planning.md, status and slip): its expected end
    minus its due end; negative when it is ahead, None when either is unknown."""
    due, end = due_end(measure, baseline), expected_end(measure, current, today)
    return None if due is None or end is None else end - due


def status(measure: Measure, current: Plan, baseline: Plan | None, today: Month) -> State:
    """Fertig (done); verspätet (late: not done, and its slip is positive); läuft (under way); geplant
    (in today's plan); else nicht eingeplant. Late and slip come from one definition: `slip`."""
    if measure.status == Status.DONE:
        return State.DONE
    moved = slip(measure, current, baseline, today)
    if moved is not None and moved > 0:
        return State.LATE
    if measure.status == Status.RUNNING:
        return State.RUNNING
    return State.PLANNED if measure.id in current.placements and not measure.excluded else State.NOT_PLANNED


def spent(measure: Measure) -> float:
    """The one-time money spent on the measure so far, before funding (docs/planning.md, spent money): a
    done one's actual cost, or its planned one-time cost where none was recorded (what the budget books,
    `booked_one_time_cost`); any other's actual cost so far, 0 where none was recorded."""
    if measure.status == Status.DONE:
        return booked_one_time_cost(measure)
    return measure.actual_cost or 0.0


def cost_so_far(measure: Measure) -> float | None:
    """The cost a progress table shows for the measure: `spent`, left empty where nothing was spent that is
    known (neither done nor a cost recorded)."""
    return spent(measure) if measure.status == Status.DONE or measure.actual_cost is not None else None


@dataclass(frozen=True)
class Move:
    """A measure planned in both plans, in other months now; `months` is how much later it ends."""

    measure_id: str
    before: Placement
    after: Placement

    @property
    def months(self) -> int:
        """After's end minus before's end: positive when it ends later."""
        return self.after.end - self.before.end


def moves(before: Plan, after: Plan) -> tuple[Move, ...]:
    """The measures planned in both plans that start or end in another month (docs/planning.md, moved
    measures), in `after`'s order. Re-planning counts them against the plan shown before it."""
    return tuple(
        Move(key, was, now)
        for key, now in after.placements.items()
        if (was := before.placements.get(key)) is not None and (was.start, was.end) != (now.start, now.end)
    )


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
    spent: float  # one-time costs spent so far (before funding), measure by measure as `spent` says
    planned_by_now: float  # one-time costs the plan expected by the planning month (before funding)
    year_budget: float  # the budget of the planning month's year (0 if outside the horizon)
    year_cost: float  # what that year costs in today's plan (baseline IT included)
    kpis: int  # measures with a KPI target and a current value
    kpis_reached: int


def summary(workshop: Workshop, current: Plan, baseline: Plan | None = None) -> Summary:
    """Planned / running / late / done / not planned, spend to date against plan and budget, KPIs reached."""
    from roadmap.planning.budget import yearly_costs

    as_of = plan_month(current)
    counted = [m for m in workshop.measures if not m.excluded]
    counts = dict.fromkeys(State, 0)
    for measure in counted:
        counts[status(measure, current, baseline, as_of)] += 1
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
        spent=sum(spent(m) for m in counted),
        planned_by_now=planned,
        year_budget=year.budget if year else 0.0,
        year_cost=year.total if year else 0.0,
        kpis=len([j for j in judged if j is not None]),
        kpis_reached=sum(1 for j in judged if j),
    )


def with_status(measure: Measure, status: Status, as_of: Month, current: Plan) -> Measure:
    """The measure with a new status, its facts filled in where they are missing: under way since its
    planned start (or the planning month); done in the planning month, 100 %, at its planned one-time cost."""
    changes: dict[str, object] = {"status": status}
    placed = current.placements.get(measure.id)
    started = placed.start if placed is not None and placed.start <= as_of else as_of
    if status in (Status.RUNNING, Status.DONE) and measure.actual_start is None:
        changes["actual_start"] = started
    if status == Status.DONE:
        changes["percent_done"] = 100
        if measure.actual_cost is None:  # done as planned unless a cost was recorded (spent money)
            changes["actual_cost"] = measure.one_time_cost
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

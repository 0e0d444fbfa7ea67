"""An independent check that a plan keeps every hard rule of docs/planning.md."""

from __future__ import annotations

from roadmap.domain.measure import awaits_assessment
from roadmap.domain.profile import MONEY_TOLERANCE
from roadmap.domain.vocabulary import Status
from roadmap.planning.budget import yearly_costs
from roadmap.planning.ledger import DAYS_SLACK
from roadmap.planning.plan import Plan


def violations(plan: Plan) -> list[str]:
    """Every broken rule of the plan, as short English sentences for tests and guards (empty = fine)."""
    problems: list[str] = []
    profile = plan.profile
    by_id = {m.id: m for m in plan.measures}
    for measure_id in set(by_id) - set(plan.placements) - set(plan.not_planned):
        problems.append(f"{measure_id}: neither planned nor explained")
    for measure_id in set(plan.placements) & set(plan.not_planned):
        problems.append(f"{measure_id}: both planned and not planned")
    for measure_id, placement in plan.placements.items():
        measure = by_id[measure_id]
        if placement.committed:
            if measure.status not in (Status.RUNNING, Status.DONE):
                problems.append(f"{measure_id}: committed but neither under way nor done")
            if measure.actual_start is not None and placement.start != measure.actual_start:
                problems.append(f"{measure_id}: does not keep its actual start")
            if measure.status == Status.RUNNING and profile.as_of is not None and placement.end < profile.as_of:
                problems.append(f"{measure_id}: under way, yet ends before the planning month")
            continue
        if placement.end - placement.start + 1 != measure.duration:
            problems.append(f"{measure_id}: lasts {placement.end - placement.start + 1} months, not {measure.duration}")
        if placement.start < profile.first_open_month:
            problems.append(f"{measure_id}: starts before the planning month")
        if measure.excluded or measure.status == Status.DONE:
            problems.append(f"{measure_id}: excluded or done, yet planned")
        if awaits_assessment(measure):
            problems.append(f"{measure_id}: not yet assessed, yet planned")
        if placement.start < profile.horizon_start or placement.end > profile.horizon_end:
            problems.append(f"{measure_id}: outside the horizon")
        if measure.earliest_start is not None and placement.start < measure.earliest_start:
            problems.append(f"{measure_id}: starts before its earliest start")
        if measure.deadline is not None and placement.end > measure.deadline:
            problems.append(f"{measure_id}: ends after its deadline")
        if measure.pinned is not None and placement.start != measure.pinned:
            problems.append(f"{measure_id}: not in its pinned month")
        for dep in measure.depends_on:
            if dep in plan.placements:
                if plan.placements[dep].end >= placement.start:
                    problems.append(f"{measure_id}: starts before {dep} has ended")
            elif dep not in by_id or by_id[dep].status != Status.DONE:
                problems.append(f"{measure_id}: depends on {dep}, which is not planned")
    committed_only = _committed_part(plan)
    for year, cost in zip(yearly_costs(plan), yearly_costs(committed_only), strict=True):
        if year.over_budget and not cost.over_budget:
            problems.append(f"{year.year}: {year.total:.2f} € over the budget of {year.budget:.2f} €")
        elif year.over_budget and year.total > cost.total + MONEY_TOLERANCE:
            problems.append(f"{year.year}: over budget from commitments, yet more was added")
    if profile.capacity:
        for month, load, committed in _monthly_load(plan):
            if load > profile.capacity + DAYS_SLACK and load > committed + DAYS_SLACK:
                problems.append(f"{month}: {load:.2f} person-days over the capacity of {profile.capacity}")
    return problems


def _committed_part(plan: Plan) -> Plan:
    """The same plan with only the commitments placed (what may legitimately exceed a budget)."""
    placements = {k: p for k, p in plan.placements.items() if p.committed}
    return Plan(plan.profile, plan.measures, plan.ranking, placements, plan.not_planned, plan.mode)


def _monthly_load(plan: Plan) -> list[tuple[str, float, float]]:
    """Person-days per horizon month: all placements, and commitments alone."""
    profile = plan.profile
    by_id = {m.id: m for m in plan.measures}
    total = {m: 0.0 for m in profile.months}
    committed = {m: 0.0 for m in profile.months}
    for placement in plan.placements.values():
        measure = by_id[placement.measure_id]
        per_month = measure.person_days / (placement.end - placement.start + 1)  # spread as the ledger does
        for ordinal in range(placement.start.ordinal, placement.end.ordinal + 1):
            month = profile.horizon_start + (ordinal - profile.horizon_start.ordinal)
            if month in total:
                total[month] += per_month
                if placement.committed:
                    committed[month] += per_month
    return [(str(m), total[m], committed[m]) for m in profile.months]

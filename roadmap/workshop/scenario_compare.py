"""Scenarios side by side: what each plans, delivers and costs, and how they differ (docs/planning.md, scenarios).

Pure: it takes the plans already made (the app keeps one per stored version and scenario) and
returns the figures that the Szenarien page, the workbook's Scenarios sheet and the handout show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from roadmap.domain.messages import Message
from roadmap.domain.model import Month, Workshop
from roadmap.planning.budget import ABOVE, BELOW, CORRIDOR_HIGH, CORRIDOR_LOW, WITHIN, YearCost, yearly_costs
from roadmap.planning.funding import funding_effect
from roadmap.planning.plan import Plan
from roadmap.planning.planner import plan as make_plan
from roadmap.workshop.scenarios import find, scenario_workshop


@dataclass(frozen=True)
class ScenarioYear:
    """One calendar year of a scenario: cost, budget and the share of revenue against the corridor."""

    year: int
    total: float
    budget: float
    share: float  # total as percent of the year's revenue
    level: str  # BELOW, WITHIN or ABOVE the 1–5 % corridor
    over_budget: bool


@dataclass(frozen=True)
class Moved:
    """A measure planned in this scenario and the first one, starting `months` later (negative: earlier)."""

    title: str
    months: int


@dataclass(frozen=True)
class ScenarioResult:
    """One column of the side-by-side view."""

    name: str
    plan: Plan
    planned: int
    score: float  # the summed score of the planned measures: the value delivered
    must_haves: int
    must_haves_missing: int  # must-haves this scenario cannot plan
    must_haves_done: Month | None  # the month the last planned must-have ends
    years: tuple[ScenarioYear, ...]
    cost: float  # all years together
    funding: float  # what the funding pays over the horizon
    only_here: tuple[str, ...]  # titles this scenario plans and no other compared one does
    moved: tuple[Moved, ...]  # shared measures that start in another month than in the first scenario


def share_level(share: float) -> str:
    """Where a share of revenue (percent) lies against the 1–5 % corridor: BELOW, WITHIN or ABOVE."""
    if share < CORRIDOR_LOW - 1e-9:
        return BELOW
    return ABOVE if share > CORRIDOR_HIGH + 1e-9 else WITHIN


LEVEL_TEXT: dict[str, Message] = {
    BELOW: Message("unter dem Korridor", "below the corridor"),
    WITHIN: Message("im Korridor", "within the corridor"),
    ABOVE: Message("über dem Korridor", "above the corridor"),
}


def scenario_plan(workshop: Workshop, name: str) -> Plan:
    """The plan of one scenario (or of the Basis): exactly the plan of a workshop with its settings.

    Raises:
        RoadmapError: if there is no such scenario or its settings break a rule.
    """
    variant = scenario_workshop(workshop, find(workshop, name))
    return make_plan(variant.measures, variant.profile)


def _year(cost: YearCost) -> ScenarioYear:
    return ScenarioYear(cost.year, cost.total, cost.budget, cost.share, share_level(cost.share), cost.over_budget)


def _must_haves(plan: Plan) -> tuple[int, int, Month | None]:
    wanted = [m.id for m in plan.measures if m.must_have and not m.excluded]
    ends = [plan.placements[i].end for i in wanted if i in plan.placements]
    return len(wanted), len(wanted) - len(ends), max(ends) if ends else None


def _moved(plan: Plan, reference: Plan) -> tuple[Moved, ...]:
    shifts = []
    for measure_id, placement in plan.placements.items():
        before = reference.placements.get(measure_id)
        if before is not None and placement.start != before.start:
            shifts.append(Moved(plan.measure(measure_id).title, placement.start - before.start))
    return tuple(sorted(shifts, key=lambda m: (-abs(m.months), m.title)))


def compare(plans: Mapping[str, Plan] | Sequence[tuple[str, Plan]]) -> list[ScenarioResult]:
    """The scenarios side by side, in the given order; moves are counted against the first one."""
    items = list(plans.items()) if isinstance(plans, Mapping) else list(plans)
    if not items:
        return []
    reference = items[0][1]
    results = []
    for name, plan in items:
        others = [set(other.placements) for other_name, other in items if other_name != name]
        only = [i for i in plan.placements if not any(i in other for other in others)] if others else []
        rank_of = {r.measure.id: r.rank for r in plan.ranking}
        count, missing, done = _must_haves(plan)
        years = tuple(_year(cost) for cost in yearly_costs(plan))
        results.append(
            ScenarioResult(
                name=name,
                plan=plan,
                planned=len(plan.placements),
                score=plan.summed_score,
                must_haves=count,
                must_haves_missing=missing,
                must_haves_done=done,
                years=years,
                cost=sum(y.total for y in years),
                funding=sum(y.saved for y in funding_effect(plan)),
                only_here=tuple(plan.measure(i).title for i in sorted(only, key=lambda i: rank_of.get(i, 0))),
                moved=() if plan is reference else _moved(plan, reference),
            )
        )
    return results

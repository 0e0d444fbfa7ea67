"""The effect of funding on a plan: one-time costs per year before and after the funding rate (rule 3)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from roadmap.planning.plan import Plan


@dataclass(frozen=True)
class FundingYear:
    """One calendar year of the horizon: the one-time costs booked in it, before and after funding."""

    year: int
    before: float
    after: float
    eligible: int

    @property
    def saved(self) -> float:
        """What funding pays in this year."""
        return self.before - self.after


def funding_effect(plan: Plan) -> list[FundingYear]:
    """One-time costs of the planned measures per year of the horizon, before and after funding.

    A one-time cost is booked in the start month (only if it lies inside the horizon), as in
    roadmap.budget; `after` therefore equals the year's `one_time` in `yearly_costs`.
    """
    profile = plan.profile
    first, last = profile.horizon_start, profile.horizon_end
    before: dict[int, float] = defaultdict(float)
    after: dict[int, float] = defaultdict(float)
    eligible: dict[int, int] = defaultdict(int)
    for placement in plan.placements.values():
        measure = plan.measure(placement.measure_id)
        if not first <= placement.start <= last or not measure.one_time_cost:
            continue
        year = placement.start.year
        before[year] += measure.one_time_cost
        after[year] += profile.net_one_time_cost(measure)
        eligible[year] += int(measure.funding_eligible)
    years = sorted({m.year for m in profile.months})
    return [FundingYear(year, before[year], after[year], eligible[year]) for year in years]

"""Costs of a plan per month and year against the budget and the 1–5 % corridor (docs/planning.md, rule 3)."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from roadmap.domain.formats import number
from roadmap.domain.measure import Measure, booked_one_time_cost
from roadmap.domain.messages import Message
from roadmap.domain.month import Month
from roadmap.domain.profile import MONEY_TOLERANCE, Profile
from roadmap.planning.plan import Plan, Reason

T = TypeVar("T")

CORRIDOR_LOW = 1.0
CORRIDOR_HIGH = 5.0


@dataclass(frozen=True)
class MonthCost:
    """New costs of one measure in one month of the horizon."""

    month: Month
    measure_id: str
    field: str
    one_time: float
    running: float


@dataclass(frozen=True)
class YearCost:
    """One calendar year of the horizon: costs, budget and the revenue of its months."""

    year: int
    months: int
    one_time: float
    running: float
    baseline: float
    budget: float
    revenue: float

    @property
    def total(self) -> float:
        """Everything spent on IT in this year's months of the horizon."""
        return self.one_time + self.running + self.baseline

    @property
    def share(self) -> float:
        """Total as percent of the revenue of the same months."""
        return self.total / self.revenue * 100 if self.revenue else 0.0

    @property
    def running_share(self) -> float:
        """Running IT costs (baseline + new) as percent of revenue: the corridor figure."""
        return (self.running + self.baseline) / self.revenue * 100 if self.revenue else 0.0

    @property
    def over_budget(self) -> bool:
        """True if the year's total exceeds its budget."""
        return self.total > self.budget + MONEY_TOLERANCE


def year_fraction(profile: Profile, year: int) -> float:
    """Months of this year inside the horizon, divided by 12."""
    return sum(1 for m in profile.months if m.year == year) / 12


def year_budget(profile: Profile, year: int) -> float:
    """Budget share × the year's revenue, pro rata for the year's months inside the horizon."""
    return profile.budget_share / 100 * profile.revenue_in(year) * year_fraction(profile, year)


def measure_month_costs(measure: Measure, profile: Profile, start: Month, end: Month) -> list[MonthCost]:
    """One-time cost (net of funding) in the start month, running cost 1/12 a month after the end."""
    first, last = profile.horizon_start, profile.horizon_end
    costs = []
    if first <= start <= last and booked_one_time_cost(measure):
        costs.append(MonthCost(start, measure.id, measure.field, profile.net_one_time_cost(measure), 0.0))
    if measure.running_cost:
        monthly = measure.running_cost / 12
        for ordinal in range(max(end.ordinal + 1, first.ordinal), last.ordinal + 1):
            costs.append(MonthCost(Month.from_ordinal(ordinal), measure.id, measure.field, 0.0, monthly))
    return costs


class _Recent(Generic[T]):
    """What a pure function made of the last few plans, by identity (holding each plan, so its id is
    never reused): a page asks for yearly, quarterly, per-field and corridor figures of the same plan
    in one rerun, and the next rerun gets the same plan object from the server's cache (ui/plans.py)."""

    def __init__(self, make: Callable[[Plan], list[T]], size: int = 8) -> None:
        self._make = make
        self._size = size
        self._kept: list[tuple[Plan, tuple[T, ...]]] = []
        self._lock = threading.Lock()

    def __call__(self, plan: Plan) -> list[T]:
        with self._lock:
            for known, made in self._kept:
                if known is plan:
                    return list(made)
        computed = self._make(plan)
        with self._lock:
            self._kept.insert(0, (plan, tuple(computed)))
            del self._kept[self._size :]
        return computed


def month_costs(plan: Plan) -> list[MonthCost]:
    """New costs of every planned measure and every finished one, month by month."""
    return _month_costs_of(plan)


def _month_costs(plan: Plan) -> list[MonthCost]:
    profile = plan.profile
    costs: list[MonthCost] = []
    for placement in plan.placements.values():
        measure = plan.measure(placement.measure_id)
        costs.extend(measure_month_costs(measure, profile, placement.start, placement.end))
    before_horizon = profile.horizon_start + -1
    for item in plan.not_planned.values():
        if item.code == Reason.DONE:
            measure = plan.measure(item.measure_id)
            # A finished measure only runs: its running costs count from the horizon start.
            costs.extend(
                measure_month_costs(measure.with_changes(one_time_cost=0.0), profile, before_horizon, before_horizon)
            )
    return costs


_month_costs_of = _Recent(_month_costs)


def yearly_costs(plan: Plan) -> list[YearCost]:
    """Cost per calendar year of the horizon, baseline included, funding deducted."""
    return _yearly_costs_of(plan)


def _yearly_costs(plan: Plan) -> list[YearCost]:
    profile = plan.profile
    one_time: dict[int, float] = defaultdict(float)
    running: dict[int, float] = defaultdict(float)
    for cost in month_costs(plan):
        one_time[cost.month.year] += cost.one_time
        running[cost.month.year] += cost.running
    years = sorted({m.year for m in profile.months})
    result = []
    for year in years:
        fraction = year_fraction(profile, year)
        result.append(
            YearCost(
                year=year,
                months=round(fraction * 12),
                one_time=one_time[year],
                running=running[year],
                baseline=profile.baseline_it * fraction,
                budget=year_budget(profile, year),
                revenue=profile.revenue_in(year) * fraction,
            )
        )
    return result


_yearly_costs_of = _Recent(_yearly_costs)


@dataclass(frozen=True)
class QuarterCost:
    """New costs of one field of action in one quarter, plus that quarter's baseline."""

    year: int
    quarter: int
    field: str
    one_time: float
    running: float

    @property
    def label(self) -> str:
        """'Q1/2026'."""
        return f"Q{self.quarter}/{self.year}"


def quarterly_costs(plan: Plan) -> list[QuarterCost]:
    """New one-time and running costs per quarter and field of action, in time order."""
    sums: dict[tuple[int, int, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for cost in month_costs(plan):
        key = (cost.month.year, cost.month.quarter, cost.field)
        sums[key][0] += cost.one_time
        sums[key][1] += cost.running
    return [QuarterCost(y, q, f, one, run) for (y, q, f), (one, run) in sorted(sums.items())]


@dataclass(frozen=True)
class CorridorNote:
    """The corridor verdict of one year (or of the budget share itself)."""

    year: int | None
    level: str
    message: Message


BELOW, WITHIN, ABOVE = "below", "within", "above"


def _percent(value: float, lang: str) -> str:
    """A percent figure as typed: '3' for a whole number, '2,5' / '2.5' otherwise."""
    return number(value, lang, 0 if float(value).is_integer() else 1)


def corridor_note(share: float) -> CorridorNote | None:
    """The warning for a budget share (percent of revenue) outside the 1–5 % corridor, None inside it.

    A share outside the corridor is allowed (warned about, never refused).
    """
    if CORRIDOR_LOW <= share <= CORRIDOR_HIGH:
        return None
    return CorridorNote(
        None,
        BELOW if share < CORRIDOR_LOW else ABOVE,
        Message(
            f"Der Budgetanteil von {_percent(share, 'de')} % liegt außerhalb des üblichen Korridors "
            "von 1–5 % des Umsatzes – möglich, aber bitte bewusst entscheiden.",
            f"The budget share of {_percent(share, 'en')} % lies outside the usual corridor "
            "of 1–5 % of revenue – allowed, but please decide on purpose.",
        ),
    )


def corridor_check(plan: Plan) -> list[CorridorNote]:
    """Running IT costs per year against the 1–5 % corridor, and the budget share itself (`corridor_note`)."""
    share_note = corridor_note(plan.profile.budget_share)
    notes = [share_note] if share_note else []
    for year in yearly_costs(plan):
        if not year.revenue:
            continue
        value = year.running_share
        if value < CORRIDOR_LOW - 1e-9:
            level = BELOW
            message = Message(
                f"{year.year}: laufende IT-Kosten {number(value, 'de')} % des Umsatzes – unter 1 %, "
                "das deutet auf zu geringe Investitionen hin.",
                f"{year.year}: running IT costs {number(value, 'en')} % of revenue – below 1 %, "
                "which suggests under-investment.",
            )
        elif value > CORRIDOR_HIGH + 1e-9:
            level = ABOVE
            message = Message(
                f"{year.year}: laufende IT-Kosten {number(value, 'de')} % des Umsatzes – "
                "über dem üblichen Bereich von 5 %.",
                f"{year.year}: running IT costs {number(value, 'en')} % of revenue – above the usual range of 5 %.",
            )
        else:
            level = WITHIN
            message = Message(
                f"{year.year}: laufende IT-Kosten {number(value, 'de')} % des Umsatzes – im Korridor von 1–5 %.",
                f"{year.year}: running IT costs {number(value, 'en')} % of revenue – within the 1–5 % corridor.",
            )
        notes.append(CorridorNote(year.year, level, message))
    return notes


def corridor_bounds(revenue: float) -> tuple[float, float]:
    """The usual range of IT costs for a revenue: CORRIDOR_LOW % and CORRIDOR_HIGH % of it (1 % and 5 %)."""
    return revenue * CORRIDOR_LOW / 100, revenue * CORRIDOR_HIGH / 100


@dataclass(frozen=True)
class PeriodCost:
    """A calendar year (quarter 0) or a quarter of the horizon: new costs per field against budget and corridor.

    A year's baseline, budget and revenue are those of its `YearCost`; a quarter gets its months'
    share of them, so a quarter's budget is a share of the year's budget (a guide, not a limit).
    """

    year: int
    quarter: int
    months: int
    one_time: dict[str, float]  # per field of action, net of funding
    running: dict[str, float]  # per field of action
    baseline: float
    budget: float
    revenue: float

    @property
    def total(self) -> float:
        """Everything spent on IT in the period's months of the horizon: new costs and the baseline."""
        return sum(self.one_time.values()) + sum(self.running.values()) + self.baseline

    @property
    def corridor(self) -> tuple[float, float]:
        """The usual range of the period's IT costs: 1 % and 5 % of its revenue."""
        return corridor_bounds(self.revenue)

    @property
    def over_budget(self) -> bool:
        """True if the period's total exceeds its budget."""
        return self.total > self.budget + MONEY_TOLERANCE


def period_costs(plan: Plan, *, quarterly: bool = False) -> list[PeriodCost]:
    """Every calendar year (or every quarter) of the horizon in time order, also those without new costs."""
    years = {year.year: year for year in yearly_costs(plan)}
    months: dict[tuple[int, int], int] = defaultdict(int)
    for month in plan.profile.months:
        months[(month.year, month.quarter if quarterly else 0)] += 1
    one_time: dict[tuple[int, int], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    running: dict[tuple[int, int], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for cost in month_costs(plan):
        key = (cost.month.year, cost.month.quarter if quarterly else 0)
        one_time[key][cost.field] += cost.one_time
        running[key][cost.field] += cost.running
    periods = []
    for (year, quarter), count in sorted(months.items()):
        whole = years[year]
        share = count / whole.months
        periods.append(
            PeriodCost(
                year=year,
                quarter=quarter,
                months=count,
                one_time=dict(one_time[(year, quarter)]),
                running=dict(running[(year, quarter)]),
                baseline=whole.baseline * share,
                budget=whole.budget * share,
                revenue=whole.revenue * share,
            )
        )
    return periods

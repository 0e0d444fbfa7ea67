"""Budget and capacity left per year and month while a plan is built (docs/planning.md, rules 3 and 4)."""

from __future__ import annotations

from dataclasses import dataclass

from roadmap.domain.measure import Measure
from roadmap.domain.profile import MONEY_TOLERANCE, Profile

# A millionth of a person-day of slack, so float sums never flip a verdict (money: MONEY_TOLERANCE).
DAYS_SLACK = 1e-6


@dataclass(frozen=True)
class Usage:
    """What one measure at one start adds: euros per year index, person-days per month index."""

    money: tuple[tuple[int, float], ...]
    days: tuple[tuple[int, float], ...]


class Ledger:
    """Remaining budget per calendar year and load per month of the horizon.

    Months are horizon indices (0 = horizon start); a committed measure may lie partly outside,
    and only its months inside count.
    """

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        months = profile.months
        self.length = len(months)
        self.years = sorted({m.year for m in months})
        year_index = {year: i for i, year in enumerate(self.years)}
        self.year_of = [year_index[m.year] for m in months]
        # tail[k][y]: months of year y at horizon index >= k (running costs start after the end).
        self.tail = [[0] * len(self.years) for _ in range(self.length + 1)]
        for k in range(self.length - 1, -1, -1):
            self.tail[k] = list(self.tail[k + 1])
            self.tail[k][self.year_of[k]] += 1
        self.budget_left = []
        for year in self.years:
            fraction = self.tail[0][year_index[year]] / 12
            limit = profile.budget_share / 100 * profile.revenue_in(year) * fraction
            self.budget_left.append(limit - profile.baseline_it * fraction)
        self.capacity = profile.capacity
        self.load = [0.0] * self.length

    def usage(self, measure: Measure, start: int, end: int) -> Usage:
        """Money and person-days a measure needs when it runs from start to end (indices)."""
        money: dict[int, float] = {}
        net = self.profile.net_one_time_cost(measure)
        if net and 0 <= start < self.length:
            money[self.year_of[start]] = net
        if measure.running_cost:
            first_running = max(end + 1, 0)
            if first_running < self.length:
                monthly = measure.running_cost / 12
                for y, count in enumerate(self.tail[first_running]):
                    if count:
                        money[y] = money.get(y, 0.0) + monthly * count
        days: tuple[tuple[int, float], ...] = ()
        if measure.person_days:
            per_month = measure.person_days / (end - start + 1)
            days = tuple((t, per_month) for t in range(max(start, 0), min(end, self.length - 1) + 1))
        return Usage(tuple(money.items()), days)

    def budget_gap(self, usage: Usage) -> tuple[int, float]:
        """The year index and amount by which the usage overshoots the budget left (0.0 if it fits)."""
        worst_year, worst_gap = -1, 0.0
        for y, amount in usage.money:
            gap = amount - self.budget_left[y]
            if gap > MONEY_TOLERANCE and gap > worst_gap:
                worst_year, worst_gap = y, gap
        return worst_year, worst_gap

    def fits_budget(self, usage: Usage) -> bool:
        """True if every year keeps within its budget."""
        return all(amount - self.budget_left[y] <= MONEY_TOLERANCE for y, amount in usage.money)

    def fits_capacity(self, usage: Usage) -> bool:
        """True if no month exceeds the capacity (0 = unlimited)."""
        if not self.capacity:
            return True
        limit = self.capacity + DAYS_SLACK
        return all(self.load[t] + days <= limit for t, days in usage.days)

    def book(self, usage: Usage) -> None:
        """Take the usage from what is left."""
        for y, amount in usage.money:
            self.budget_left[y] -= amount
        for t, days in usage.days:
            self.load[t] += days

    def release(self, usage: Usage) -> None:
        """Give the usage back (used to test a measure at another start)."""
        for y, amount in usage.money:
            self.budget_left[y] += amount
        for t, days in usage.days:
            self.load[t] -= days

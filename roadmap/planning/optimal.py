"""Optimal mode: a mixed-integer programme that maximises the summed score (docs/planning.md)."""

from __future__ import annotations

import copy

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array, csr_array

from roadmap.domain.profile import MONEY_TOLERANCE, PlanMode
from roadmap.planning.ledger import DAYS_SLACK
from roadmap.planning.placement import Setup, finish, place_greedily, window_of
from roadmap.planning.plan import Placement, Plan, Reason
from roadmap.planning.rules import violations

TIME_LIMIT_SECONDS = 10.0


def plan_optimal(setup: Setup, time_limit: float = TIME_LIMIT_SECONDS) -> Plan:
    """Choose and place measures to maximise the summed score; greedy if that is not better.

    Must-haves weigh more than all other measures together, so they are required wherever they
    can fit at all. After the solver, a greedy pass places anything that still fits and gives
    every measure left out its reason, exactly as greedy mode would.
    """
    greedy_setup = copy.deepcopy(setup)
    place_greedily(greedy_setup, greedy_setup.open_ids)
    greedy_plan = finish(greedy_setup, PlanMode.GREEDY)
    chosen, proven = _solve(setup, time_limit)
    if chosen is None:
        return finish(greedy_setup, PlanMode.GREEDY, proven_optimal=False)
    for measure_id, placement in chosen.items():
        setup.placements[measure_id] = placement
        measure = setup.measures[measure_id]
        first = placement.start - setup.profile.horizon_start
        setup.ledger.book(setup.ledger.usage(measure, first, first + measure.duration - 1))
    place_greedily(setup, [i for i in setup.open_ids if i not in chosen])
    optimal_plan = finish(setup, PlanMode.OPTIMAL, proven_optimal=proven)
    if violations(optimal_plan) or _worth(greedy_plan) > _worth(optimal_plan):
        return finish(greedy_setup, PlanMode.GREEDY, proven_optimal=False)
    return optimal_plan


def _worth(plan: Plan) -> tuple[int, float]:
    """What optimal mode maximises: must-haves planned first, then the summed score."""
    must = sum(1 for m in plan.measures if m.must_have and m.id in plan.placements)
    return must, round(plan.summed_score, 6)


Column = tuple[str, int]  # a measure and a start (horizon index): one binary variable of the programme


def _solve(setup: Setup, time_limit: float) -> tuple[dict[str, Placement] | None, bool]:
    """The solver's choice of placements, and whether it is proven optimal."""
    starts = _fitting_starts(setup)
    columns: list[Column] = [(i, s) for i, options in starts.items() for s in options]
    if not columns:
        return {}, True
    rows = _Rows({key: c for c, key in enumerate(columns)})
    rows.one_start_each(starts)
    rows.prerequisites_first(setup, starts)
    rows.budget_and_capacity(setup, columns)
    result = milp(
        _objective(setup, columns, starts),
        constraints=LinearConstraint(rows.matrix(len(columns)), -np.inf, np.array(rows.upper)),
        integrality=np.ones(len(columns)),
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit, "mip_rel_gap": 1e-9},
    )
    if result.x is None:
        return None, False
    chosen: dict[str, Placement] = {}
    for (measure_id, start), flag in zip(columns, result.x, strict=True):
        if flag > 0.5:
            month = setup.profile.horizon_start + start
            chosen[measure_id] = Placement(measure_id, month, month + (setup.measures[measure_id].duration - 1))
    return chosen, result.status == 0


def _fitting_starts(setup: Setup) -> dict[str, list[int]]:
    """Per plannable measure, the starts (horizon indices) in its window where it fits budget and capacity alone."""
    ledger = setup.ledger
    starts: dict[str, list[int]] = {}
    for measure_id in _plannable(setup):
        measure = setup.measures[measure_id]
        earliest, latest, _ = window_of(setup, measure)
        options = list(range(earliest, latest + 1))
        if measure.pinned is not None:
            pinned = measure.pinned - setup.profile.horizon_start
            options = [pinned] if earliest <= pinned <= latest else []
        usages = {start: ledger.usage(measure, start, start + measure.duration - 1) for start in options}
        starts[measure_id] = [s for s, u in usages.items() if ledger.fits_budget(u) and ledger.fits_capacity(u)]
    return starts


class _Rows:
    """The constraint rows of the programme, each a sum over columns kept at or below a bound."""

    def __init__(self, column_of: dict[Column, int]) -> None:
        self.column_of = column_of
        self.rows: list[int] = []
        self.cols: list[int] = []
        self.vals: list[float] = []
        self.upper: list[float] = []

    def add(self, entries: list[tuple[int, float]], bound: float) -> None:
        """One row: the entries (column, coefficient) sum to at most `bound`."""
        row = len(self.upper)
        for col, val in entries:
            self.rows.append(row)
            self.cols.append(col)
            self.vals.append(val)
        self.upper.append(bound)

    def one_start_each(self, starts: dict[str, list[int]]) -> None:
        """A measure starts at most once."""
        for measure_id, options in starts.items():
            if options:
                self.add([(self.column_of[(measure_id, s)], 1.0) for s in options], 1.0)

    def prerequisites_first(self, setup: Setup, starts: dict[str, list[int]]) -> None:
        """Started by t implies every prerequisite ended by t - 1."""
        for measure_id, options in starts.items():
            for dep in set(setup.measures[measure_id].depends_on) & set(starts):
                dep_length = setup.measures[dep].duration
                for t in options:
                    mine = [(self.column_of[(measure_id, s)], 1.0) for s in options if s <= t]
                    theirs = [(self.column_of[(dep, s)], -1.0) for s in starts[dep] if s + dep_length - 1 <= t - 1]
                    self.add(mine + theirs, 0.0)

    def budget_and_capacity(self, setup: Setup, columns: list[Column]) -> None:
        """Each year's money within the budget left, each month's person-days within the capacity left."""
        ledger = setup.ledger
        money: dict[int, list[tuple[int, float]]] = {}
        days: dict[int, list[tuple[int, float]]] = {}
        for col, (measure_id, start) in enumerate(columns):
            measure = setup.measures[measure_id]
            usage = ledger.usage(measure, start, start + measure.duration - 1)
            for year, amount in usage.money:
                money.setdefault(year, []).append((col, amount))
            if ledger.capacity:
                for month, load in usage.days:
                    days.setdefault(month, []).append((col, load))
        for year, entries in money.items():
            self.add(entries, max(ledger.budget_left[year], 0.0) + MONEY_TOLERANCE)
        for month, entries in days.items():
            self.add(entries, max(ledger.capacity - ledger.load[month], 0.0) + DAYS_SLACK)

    def matrix(self, width: int) -> csr_array:
        """The rows as a sparse matrix of `width` columns."""
        return coo_array((self.vals, (self.rows, self.cols)), shape=(len(self.upper), width)).tocsr()


def _objective(setup: Setup, columns: list[Column], starts: dict[str, list[int]]) -> np.ndarray:
    """Minimised: minus the summed score, must-haves above all others together, a vanishing nudge to start early."""
    score = {r.measure.id: r.score for r in setup.ranking}
    bonus = 1.0 + sum(score.values())
    # A vanishing preference for early starts picks the earliest of equally good plans.
    nudge = 1e-7 / (len(columns) * (setup.ledger.length + 1))
    return np.array(
        [-(score[i] + (bonus if setup.measures[i].must_have else 0.0)) + nudge * (s - starts[i][0]) for i, s in columns]
    )


def _plannable(setup: Setup) -> list[str]:
    """Open measures none of whose prerequisites is already ruled out, in dependency order."""
    result: list[str] = []
    status: dict[str, bool] = {}
    for measure_id in setup.open_ids:
        _visit(setup, measure_id, status, result)
    return result


def _visit(setup: Setup, measure_id: str, status: dict[str, bool], result: list[str]) -> bool:
    if measure_id in status:
        return status[measure_id]
    status[measure_id] = False
    ok = True
    for dep in setup.measures[measure_id].depends_on:
        if dep in setup.placements:
            continue
        reason = setup.not_planned.get(dep)
        if reason is not None:
            ok &= reason.code == Reason.DONE
        elif dep in setup.measures:
            ok &= _visit(setup, dep, status, result)
        else:
            ok = False
    status[measure_id] = ok
    if ok:
        result.append(measure_id)
    return ok

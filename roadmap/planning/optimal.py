"""Optimal mode: a mixed-integer programme that maximises the summed score (docs/planning.md)."""

from __future__ import annotations

import copy

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

from roadmap.domain.model import MONEY_TOLERANCE, PlanMode
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


def _solve(setup: Setup, time_limit: float) -> tuple[dict[str, Placement] | None, bool]:
    """The solver's choice of placements, and whether it is proven optimal."""
    ledger = setup.ledger
    score = {r.measure.id: r.score for r in setup.ranking}
    bonus = 1.0 + sum(score.values())
    starts: dict[str, list[int]] = {}
    for measure_id in _plannable(setup):
        measure = setup.measures[measure_id]
        earliest, latest, _ = window_of(setup, measure)
        options = range(earliest, latest + 1)
        if measure.pinned is not None:
            pinned = measure.pinned - setup.profile.horizon_start
            options = range(pinned, pinned + 1) if earliest <= pinned <= latest else range(0)
        fitting = []
        for start in options:
            usage = ledger.usage(measure, start, start + measure.duration - 1)
            if ledger.fits_budget(usage) and ledger.fits_capacity(usage):
                fitting.append(start)
        starts[measure_id] = fitting
    columns: list[tuple[str, int]] = [(i, s) for i, options in starts.items() for s in options]
    if not columns:
        return {}, True
    column_of = {key: c for c, key in enumerate(columns)}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    upper: list[float] = []

    def add_row(entries: list[tuple[int, float]], bound: float) -> None:
        row = len(upper)
        for col, val in entries:
            rows.append(row)
            cols.append(col)
            vals.append(val)
        upper.append(bound)

    for measure_id, options in starts.items():
        if options:
            add_row([(column_of[(measure_id, s)], 1.0) for s in options], 1.0)
    for measure_id, options in starts.items():
        measure = setup.measures[measure_id]
        for dep in set(measure.depends_on) & set(starts):
            dep_length = setup.measures[dep].duration
            for t in options:
                # Started by t implies the prerequisite ended by t - 1.
                mine = [(column_of[(measure_id, s)], 1.0) for s in options if s <= t]
                theirs = [(column_of[(dep, s)], -1.0) for s in starts[dep] if s + dep_length - 1 <= t - 1]
                add_row(mine + theirs, 0.0)
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
        add_row(entries, max(ledger.budget_left[year], 0.0) + MONEY_TOLERANCE)
    for month, entries in days.items():
        add_row(entries, max(ledger.capacity - ledger.load[month], 0.0) + DAYS_SLACK)
    # A vanishing preference for early starts picks the earliest of equally good plans.
    nudge = 1e-7 / (len(columns) * (ledger.length + 1))
    objective = np.array(
        [-(score[i] + (bonus if setup.measures[i].must_have else 0.0)) + nudge * (s - starts[i][0]) for i, s in columns]
    )
    matrix = coo_array((vals, (rows, cols)), shape=(len(upper), len(columns))).tocsr()
    result = milp(
        objective,
        constraints=LinearConstraint(matrix, -np.inf, np.array(upper)),
        integrality=np.ones(len(columns)),
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit, "mip_rel_gap": 1e-9},
    )
    if result.x is None:
        return None, False
    chosen: dict[str, Placement] = {}
    for col, flag in enumerate(result.x):
        if flag > 0.5:
            measure_id, start = columns[col]
            month = setup.profile.horizon_start + start
            chosen[measure_id] = Placement(measure_id, month, month + (setup.measures[measure_id].duration - 1))
    return chosen, result.status == 0


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

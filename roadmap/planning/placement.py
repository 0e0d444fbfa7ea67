"""Greedy placement on the monthly grid, shared by both modes: commitments first, then each measure in
its earliest feasible month, or one reason why not (docs/planning.md)."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from roadmap.domain.measure import Measure, awaits_assessment
from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.month import Month, ending
from roadmap.domain.profile import PlanMode, Profile
from roadmap.domain.vocabulary import Status
from roadmap.planning import reasons
from roadmap.planning.graph import cycles, prerequisites
from roadmap.planning.ledger import Ledger
from roadmap.planning.plan import NotPlanned, Placement, Plan, Reason
from roadmap.planning.ranking import Ranked, rank


@dataclass
class Setup:
    """Everything decided before any placement: commitments, reasons, the order of the rest."""

    profile: Profile
    measures: dict[str, Measure]
    ranking: list[Ranked]
    ledger: Ledger
    placements: dict[str, Placement]
    not_planned: dict[str, NotPlanned]
    open_ids: list[str]
    order_key: dict[str, tuple[int, int]]

    def index(self, month: Month) -> int:
        """Horizon index of a month (negative before the horizon)."""
        return month - self.profile.horizon_start

    def month(self, index: int) -> Month:
        """The month at a horizon index."""
        return self.profile.horizon_start + index


def prepare(measures: tuple[Measure, ...], profile: Profile) -> Setup:
    """Rank, book commitments and finished measures, and decide what can never be planned."""
    by_id: dict[str, Measure] = {}
    for measure in measures:
        if measure.id in by_id:
            raise RoadmapError(
                Message(
                    f"Die ID {measure.id} ist doppelt vergeben – jede Maßnahme braucht eine eigene ID.",
                    f"The ID {measure.id} is used twice – every measure needs an ID of its own.",
                )
            )
        by_id[measure.id] = measure
    ranking = rank(measures, profile)
    setup = Setup(profile, by_id, ranking, Ledger(profile), {}, {}, [], {})
    for measure in measures:
        if measure.excluded:
            setup.not_planned[measure.id] = reasons.excluded(measure.id)
        elif measure.status == Status.DONE and _done_within(measure, profile):
            _book_commitment(setup, measure)
        elif measure.status == Status.DONE:
            setup.not_planned[measure.id] = reasons.done(measure.id)
            # A finished measure only runs: its running costs count from the horizon start.
            setup.ledger.book(setup.ledger.usage(measure.with_changes(one_time_cost=0.0), -1, -1))
        elif measure.status == Status.RUNNING:
            _book_commitment(setup, measure)
        elif awaits_assessment(measure):
            setup.not_planned[measure.id] = reasons.unassessed(measure.id, measure.to_assess)
    open_graph = {
        m.id: list(dict.fromkeys(m.depends_on))
        for m in measures
        if m.id not in setup.not_planned and m.id not in setup.placements
    }
    for measure_id, deps in open_graph.items():
        missing = [d for d in deps if d not in by_id]
        if missing:
            setup.not_planned[measure_id] = reasons.unknown_dependency(measure_id, missing)
    for members, loop in cycles(open_graph):
        for member in members:
            setup.not_planned.setdefault(member, reasons.cycle(member, loop))
    _passed(setup, [by_id[i] for i in open_graph])
    setup.open_ids = [r.measure.id for r in ranking if r.measure.id in open_graph]
    setup.open_ids = [i for i in setup.open_ids if i not in setup.not_planned]
    first_tier = {m.id for m in measures if m.must_have}
    first_tier |= prerequisites(first_tier, open_graph)
    setup.order_key = {r.measure.id: (0 if r.measure.id in first_tier else 1, r.rank) for r in ranking}
    return setup


def _passed(setup: Setup, measures: list[Measure]) -> None:
    """Measures not under way whose time is over at the planning month: the horizon or their deadline."""
    as_of = setup.profile.as_of
    if as_of is None:
        return
    for measure in measures:
        if measure.id in setup.not_planned:
            continue
        if setup.profile.horizon_end < as_of:
            setup.not_planned[measure.id] = reasons.horizon_passed(measure.id, setup.profile.horizon_end, as_of)
        elif measure.deadline is not None and measure.deadline < as_of:
            setup.not_planned[measure.id] = reasons.deadline_passed(measure.id, measure.deadline, as_of)


def commitment_dates(measure: Measure, profile: Profile) -> tuple[Month, Month]:
    """First and last month of a measure under way or finished (docs/planning.md, the follow-up).

    It keeps its actual start (else its pinned month, earliest start or the horizon start). A
    finished one ends at its actual end; one under way lasts its duration and, while not done,
    runs at least to the planning month: a late measure visibly stretches.
    """
    start = measure.actual_start or measure.pinned or measure.earliest_start or profile.horizon_start
    end = ending(start, measure.duration)  # at the latest the calendar's last month, never a failed plan
    if measure.status == Status.DONE:
        return start, max(start, measure.actual_end or end)
    if profile.as_of is not None:
        end = max(end, profile.as_of)
    return start, end


def _done_within(measure: Measure, profile: Profile) -> bool:
    """A finished measure with known dates that reaches into the horizon is drawn there with them."""
    return measure.actual_start is not None and commitment_dates(measure, profile)[1] >= profile.horizon_start


def _book_commitment(setup: Setup, measure: Measure) -> None:
    """A measure under way (or finished) keeps its dates; its costs are booked before anything else."""
    start, end = commitment_dates(measure, setup.profile)
    setup.placements[measure.id] = Placement(measure.id, start, end, committed=True)
    first, last = setup.index(start), setup.index(end)
    setup.ledger.book(setup.ledger.usage(measure, first, last))


def window_of(setup: Setup, measure: Measure) -> tuple[int, int, int]:
    """Earliest start index, latest start index and latest end index allowed by rules 1 and 2."""
    earliest = max(0, setup.index(setup.profile.first_open_month))
    if measure.earliest_start is not None:
        earliest = max(earliest, setup.index(measure.earliest_start))
    for dep in measure.depends_on:
        placed = setup.placements.get(dep)
        if placed is not None:
            earliest = max(earliest, setup.index(placed.end) + 1)
    last_end = setup.ledger.length - 1
    if measure.deadline is not None:
        last_end = min(last_end, setup.index(measure.deadline))
    return earliest, last_end - measure.duration + 1, last_end


def blocking_dependency(setup: Setup, measure: Measure) -> NotPlanned | None:
    """The reason if a dependency is decided but not planned (done ones count as met)."""
    for dep in measure.depends_on:
        if dep in setup.placements:
            continue
        reason = setup.not_planned.get(dep)
        if reason is not None and reason.code != Reason.DONE:
            dep_measure = setup.measures[dep]
            return reasons.dependency_not_planned(measure.id, dep, dep_measure.title, dep_measure.excluded)
    return None


def try_place(setup: Setup, measure: Measure) -> Placement | NotPlanned:
    """Place at the earliest feasible month and book it, or return why it fits nowhere."""
    blocked = blocking_dependency(setup, measure)
    if blocked is not None:
        return blocked
    earliest, latest, last_end = window_of(setup, measure)
    ledger = setup.ledger
    if measure.pinned is not None:
        at = setup.index(measure.pinned)
        if measure.pinned < setup.profile.first_open_month:
            return reasons.pin(measure.id, measure.pinned, reasons.PIN_PASSED)
        if at < earliest:
            return reasons.pin(measure.id, measure.pinned, reasons.PIN_BEFORE_EARLIEST)
        if at > latest:
            return reasons.pin(measure.id, measure.pinned, reasons.PIN_AFTER_LATEST)
        usage = ledger.usage(measure, at, at + measure.duration - 1)
        if not ledger.fits_budget(usage):
            return reasons.pin(measure.id, measure.pinned, reasons.PIN_BUDGET)
        if not ledger.fits_capacity(usage):
            return reasons.pin(measure.id, measure.pinned, reasons.PIN_CAPACITY)
        ledger.book(usage)
        return Placement(measure.id, measure.pinned, measure.pinned + (measure.duration - 1))
    if earliest > latest:
        return reasons.window(
            measure.id,
            setup.month(earliest),
            setup.month(last_end),
            measure.duration,
            by_deadline=measure.deadline is not None and setup.index(measure.deadline) < ledger.length - 1,
        )
    money_ok = days_ok = False
    best_gap: tuple[float, int] | None = None
    for start in range(earliest, latest + 1):
        usage = ledger.usage(measure, start, start + measure.duration - 1)
        year, gap = ledger.budget_gap(usage)
        fits_days = ledger.fits_capacity(usage)
        if gap == 0.0 and fits_days:
            ledger.book(usage)
            return Placement(measure.id, setup.month(start), setup.month(start + measure.duration - 1))
        money_ok |= gap == 0.0
        days_ok |= fits_days
        if gap and (best_gap is None or gap < best_gap[0]):
            best_gap = (gap, year)
    if not money_ok and best_gap is not None:
        return reasons.budget(measure.id, ledger.years[best_gap[1]], best_gap[0])
    if not days_ok:
        return reasons.capacity(measure.id)
    return reasons.budget_and_capacity(measure.id)


def place_greedily(setup: Setup, ids: list[str]) -> None:
    """Repeatedly take the highest-ranked measure whose dependencies are all decided, and place it.

    Must-haves and their prerequisites come first; among the rest the ranking decides.
    """
    todo = set(ids)
    waiting_on: dict[str, int] = {}
    dependents: dict[str, list[str]] = {i: [] for i in ids}
    for measure_id in ids:
        open_deps = {d for d in setup.measures[measure_id].depends_on if d in todo}
        waiting_on[measure_id] = len(open_deps)
        for dep in open_deps:
            dependents[dep].append(measure_id)
    ready = [(setup.order_key[i], i) for i in ids if waiting_on[i] == 0]
    heapq.heapify(ready)
    while ready:
        _, measure_id = heapq.heappop(ready)
        outcome = try_place(setup, setup.measures[measure_id])
        if isinstance(outcome, Placement):
            setup.placements[measure_id] = outcome
        else:
            setup.not_planned[measure_id] = outcome
        for follower in dependents[measure_id]:
            waiting_on[follower] -= 1
            if waiting_on[follower] == 0:
                heapq.heappush(ready, (setup.order_key[follower], follower))


def finish(setup: Setup, mode: PlanMode, proven_optimal: bool | None = None) -> Plan:
    """The plan: placements by start month then rank, not-planned measures in rank order."""
    rank_of = {r.measure.id: r.rank for r in setup.ranking}
    placements = dict(sorted(setup.placements.items(), key=lambda kv: (kv[1].start, rank_of[kv[0]])))
    not_planned = dict(sorted(setup.not_planned.items(), key=lambda kv: rank_of[kv[0]]))
    missing = set(setup.measures) - set(placements) - set(not_planned)
    if missing:  # pragma: no cover - a guard: nothing is ever dropped silently
        raise AssertionError(f"measures neither planned nor explained: {sorted(missing)}")
    ordered = tuple(setup.measures.values())
    return Plan(setup.profile, ordered, tuple(setup.ranking), placements, not_planned, mode, proven_optimal)

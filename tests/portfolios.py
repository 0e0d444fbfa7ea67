"""Random portfolios for the planner's property tests (hypothesis strategies)."""

from __future__ import annotations

from hypothesis import strategies as st

from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import DONE, FIELDS, IDEA, PLANNED, RUNNING

MONTHS = [Month(2025, 10) + i for i in range(30)]


@st.composite
def profiles(draw: st.DrawFn, max_months: int = 24) -> Profile:
    """A company profile with a random horizon, budget, funding and capacity."""
    start = draw(st.sampled_from(MONTHS[:12]))
    length = draw(st.integers(1, max_months))
    return Profile(
        revenue=draw(st.sampled_from([200_000, 1_000_000, 3_000_000, 10_000_000])),
        budget_share=draw(st.sampled_from([0.5, 1, 2, 3, 5])),
        baseline_it=draw(st.sampled_from([0, 5_000, 30_000, 200_000])),
        funding_rate=draw(st.sampled_from([0, 30, 50, 100])),
        capacity=draw(st.sampled_from([0, 0, 5, 20, 60])),
        horizon_start=start,
        horizon_end=start + (length - 1),
        as_of=draw(st.one_of(st.none(), st.sampled_from(MONTHS))),
    )


@st.composite
def portfolios(draw: st.DrawFn, max_size: int = 40, max_months: int = 24) -> tuple[list[Measure], Profile]:
    """Measures with random costs, windows, pins, flags and dependency graphs (cycles included)."""
    profile = draw(profiles(max_months=max_months))
    size = draw(st.integers(0, max_size))
    ids = [f"M{i}" for i in range(size)]
    measures = []
    for measure_id in ids:
        deps = draw(st.lists(st.sampled_from([*ids, "GHOST"]), max_size=3, unique=True)) if ids else []
        if draw(st.integers(0, 3)):  # mostly acyclic: depend on earlier ids only
            deps = [d for d in deps if d != "GHOST" and ids.index(d) < ids.index(measure_id)]
        optional_month = st.one_of(st.none(), st.sampled_from(MONTHS))
        status = draw(st.sampled_from([IDEA] * 8 + [PLANNED, RUNNING, DONE]))
        actual_start = draw(optional_month) if status in (RUNNING, DONE) else None
        actual_end = None
        if status == DONE and actual_start is not None and draw(st.booleans()):
            actual_end = actual_start + draw(st.integers(0, 5))
        measures.append(
            Measure(
                id=measure_id,
                title=f"Maßnahme {measure_id}",
                field=draw(st.sampled_from(FIELDS)),
                value=draw(st.integers(1, 5)),
                effort=draw(st.integers(1, 5)),
                one_time_cost=draw(st.sampled_from([0, 500, 5_000, 20_000, 80_000])),
                running_cost=draw(st.sampled_from([0, 0, 1_200, 12_000])),
                funding_eligible=draw(st.booleans()),
                person_days=draw(st.sampled_from([0, 0, 3, 10, 40])),
                duration=draw(st.integers(1, 6)),
                depends_on=tuple(deps),
                earliest_start=draw(optional_month) if draw(st.integers(0, 3)) == 0 else None,
                deadline=draw(optional_month) if draw(st.integers(0, 3)) == 0 else None,
                pinned=draw(optional_month) if draw(st.integers(0, 6)) == 0 else None,
                must_have=draw(st.integers(0, 6)) == 0,
                excluded=draw(st.integers(0, 8)) == 0,
                status=status,
                votes=draw(st.integers(0, 3)),
                actual_start=actual_start,
                actual_end=actual_end,
                actual_cost=draw(st.sampled_from([None, 0.0, 3_000.0])) if status in (RUNNING, DONE) else None,
            )
        )
    return measures, profile

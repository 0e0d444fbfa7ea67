"""Greedy planning time for 1,000–10,000 measures over 36 months, and optimal vs greedy on 60 measures.

Run: python bench/bench_planner.py   (targets: greedy 10,000 < 1 s; optimal 60 × 12 proven within 10 s)
"""

from __future__ import annotations

import random
import time

from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import FIELDS
from roadmap.planning.planner import plan


def portfolio(size: int, seed: int = 1) -> list[Measure]:
    """A realistic random portfolio: mixed costs, durations, person-days and a sparse dependency graph."""
    rng = random.Random(seed)
    measures = []
    for i in range(size):
        deps = tuple(f"M{j}" for j in rng.sample(range(i), min(i, rng.choice([0, 0, 1, 2]))))
        measures.append(
            Measure(
                f"M{i}",
                f"Maßnahme {i}",
                field=rng.choice(FIELDS),
                value=rng.randint(1, 5),
                effort=rng.randint(1, 5),
                one_time_cost=rng.choice([0, 2_000, 8_000, 25_000, 60_000]),
                running_cost=rng.choice([0, 1_200, 6_000]),
                duration=rng.randint(1, 4),
                person_days=rng.choice([0, 5, 15, 30]),
                depends_on=deps,
            )
        )
    return measures


def main() -> None:
    """Print the figures quoted in the README."""
    long_horizon = dict(horizon_start=Month(2026, 1), horizon_end=Month(2028, 12))
    for size in (1_000, 2_500, 5_000, 10_000):
        measures = portfolio(size)
        profile = Profile(revenue=size * 40_000, capacity=size * 0.6, **long_horizon)
        started = time.perf_counter()
        roadmap = plan(measures, profile)
        print(
            f"greedy {size:>6} measures × 36 months: {time.perf_counter() - started:.3f} s, "
            f"{len(roadmap.placements)} planned"
        )
    for seed in (1, 2, 3, 4):
        measures = portfolio(60, seed)
        profile = Profile(revenue=6_000_000, capacity=60)
        greedy = plan(measures, profile)
        started = time.perf_counter()
        optimal = plan(measures, profile, mode="optimal")
        took = time.perf_counter() - started
        gain = (optimal.summed_score - greedy.summed_score) / greedy.summed_score * 100
        print(
            f"optimal 60 × 12, portfolio {seed}: {took:.2f} s, proven={optimal.proven_optimal}, "
            f"score {greedy.summed_score:.2f} → {optimal.summed_score:.2f} (+{gain:.1f} %)"
        )


if __name__ == "__main__":
    main()

"""Four scenarios of 500 measures side by side in fast (greedy) mode: plan each and compare them.

Run: PYTHONPATH=. python bench/bench_scenarios.py   (target: < 1 s for all four, plans and comparison)

The app keeps each scenario's plan per stored version (ui/session.scenario_plans), so this is the
cost of the first look after a change; later reruns reuse the plans.
"""

from __future__ import annotations

import statistics
import time

from bench.bench_planner import portfolio
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.planning.scenario_compare import compare
from roadmap.workshop.scenarios import add_scenario, names, scenario_plan

REPEATS = 5


def workshop() -> Workshop:
    """500 measures over 24 months, the Basis at 3 % plus three scenarios (2 %, 4 % without funding, capacity 30)."""
    profile = Profile(
        name="Bench GmbH",
        revenue=50_000_000,
        budget_share=3.0,
        funding_rate=40.0,
        horizon_start=Month(2026, 1),
        horizon_end=Month(2027, 12),
    )
    result = Workshop(profile=profile, measures=tuple(portfolio(500)))
    result = add_scenario(result, "Sparsam", {"budget_share": 2})
    result = add_scenario(result, "Ohne Förderung", {"budget_share": 4}, funding=False)
    return add_scenario(result, "Wenig IT", {"capacity": 30})


def main() -> None:
    """Print the median time of planning and comparing all four scenarios."""
    subject = workshop()
    times = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        results = compare({name: scenario_plan(subject, name) for name in names(subject)})
        times.append(time.perf_counter() - began)
    planned = ", ".join(f"{r.name}: {r.planned}" for r in results)
    print(f"4 scenarios × 500 measures, greedy: median {statistics.median(times):.3f} s ({planned})")


if __name__ == "__main__":
    main()

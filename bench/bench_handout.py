"""The handout PDF of a 500-measure workshop with four scenarios compared: time and size.

Run: PYTHONPATH=. python bench/bench_handout.py   (targets: < 3 s, < 1 MB)
"""

from __future__ import annotations

import statistics
import time
from datetime import date

from bench.bench_scenarios import workshop
from roadmap.handout.pdf import handout_pdf
from roadmap.planning.scenario_compare import compare
from roadmap.workshop.scenarios import names, scenario_plan

REPEATS = 5


def main() -> None:
    """Print the median time of making the handout (plans made before) and its size."""
    subject = workshop()
    results = compare({name: scenario_plan(subject, name) for name in names(subject)})
    times, size = [], 0
    for _ in range(REPEATS):
        began = time.perf_counter()
        size = len(handout_pdf(results[0].plan, "de", date(2026, 12, 1), results))
        times.append(time.perf_counter() - began)
    print(f"handout, 500 measures, 4 scenarios: median {statistics.median(times):.3f} s, {size / 1024:.0f} KB")


if __name__ == "__main__":
    main()

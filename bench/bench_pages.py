"""Rerun time of every page (AppTest) with the demo and a 500-measure workshop, against an empty script.

Run: PYTHONPATH=. python bench/bench_pages.py   (target: slowest page ≤ 8 × the empty one-line script)

Each page is opened once (warm-up), then rerun `REPEATS` times; the median rerun is reported, in wall
time and in this process's CPU time (AppTest runs the script in this process, so the CPU ratio holds
while other jobs load the machine), and so is the median rerun of `import streamlit as st;
st.write("x")` measured in the same run. As in the app's server, each script is compiled once
(bench/bench_participation.py `compile_once`): AppTest would compile app.py and the page afresh on
every run, with Streamlit's "magic" rewriting – over half of a page's rerun, which a server pays only
on its first run.
"""

from __future__ import annotations

import os
import statistics
import time

from streamlit.testing.v1 import AppTest

from bench.bench_participation import compile_once
from roadmap.domain.workshop import Workshop
from tests.pages import PAGES, WORKSHOPS, open_page

REPEATS = 15


def median_rerun(app: AppTest) -> tuple[float, float]:
    """Median wall and CPU seconds of `REPEATS` reruns of the app's current page."""
    wall, cpu = [], []
    for _ in range(REPEATS):
        began, began_cpu = time.perf_counter(), time.process_time()
        app.run()
        wall.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    return statistics.median(wall), statistics.median(cpu)


def empty_script() -> tuple[float, float]:
    """Median rerun of an empty one-line script, the yardstick (wall, CPU)."""
    app = AppTest.from_string('import streamlit as st\nst.write("x")')
    app.run()
    return median_rerun(app)


def main() -> None:
    os.environ.pop("ROADMAP_STRICT", None)
    compile_once()
    wall0, cpu0 = empty_script()
    print(f"empty one-line script: {wall0 * 1000:.1f} ms per rerun, {cpu0 * 1000:.1f} ms CPU")
    worst = worst_cpu = 0.0
    for name in ("demo", "large"):
        workshop: Workshop = WORKSHOPS[name]()
        for page in PAGES:
            app = open_page(page, workshop)
            assert not app.exception, (page, app.exception)
            wall, cpu = median_rerun(app)
            worst, worst_cpu = max(worst, wall / wall0), max(worst_cpu, cpu / cpu0)
            print(f"{name:5} {page:30} {wall * 1000:8.1f} ms {wall / wall0:5.1f} ×   CPU {cpu / cpu0:5.1f} ×")
    print(f"slowest page: {worst:.1f} × the empty script, CPU {worst_cpu:.1f} × (target ≤ 8 ×)")


if __name__ == "__main__":
    main()

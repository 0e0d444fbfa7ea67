"""Rerun time of every page (AppTest) with the demo and a 500-measure workshop, against an empty script.

Run: PYTHONPATH=. python bench/bench_pages.py   (target: slowest page ≤ 20 × the empty one-line script)

Each page is opened once (warm-up), then rerun `REPEATS` times; the median rerun is reported,
and so is the median rerun of `import streamlit as st; st.write("x")` measured in the same run.
"""

from __future__ import annotations

import os
import statistics
import time

from streamlit.testing.v1 import AppTest

from roadmap.domain.workshop import Workshop
from tests.pages import PAGES, WORKSHOPS, open_page

REPEATS = 7


def median_rerun(app: AppTest) -> float:
    """Median seconds of `REPEATS` reruns of the app's current page."""
    times = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def empty_script() -> float:
    """Median rerun of an empty one-line script, the yardstick."""
    app = AppTest.from_string('import streamlit as st\nst.write("x")')
    app.run()
    return median_rerun(app)


def main() -> None:
    os.environ.pop("ROADMAP_STRICT", None)
    yardstick = empty_script()
    print(f"empty one-line script: {yardstick * 1000:.1f} ms per rerun")
    worst = 0.0
    for name in ("demo", "large"):
        workshop: Workshop = WORKSHOPS[name]()
        for page in PAGES:
            app = open_page(page, workshop)
            assert not app.exception, (page, app.exception)
            seconds = median_rerun(app)
            worst = max(worst, seconds / yardstick)
            print(f"{name:5} {page:30} {seconds * 1000:8.1f} ms  {seconds / yardstick:5.1f} ×")
    print(f"slowest page: {worst:.1f} × the empty script (target ≤ 20 ×)")


if __name__ == "__main__":
    main()

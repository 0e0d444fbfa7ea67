"""Rerun time of every page (AppTest) with the demo and a 500-measure workshop, against an empty script.

Run: PYTHONPATH=. python bench/bench_pages.py   (target: slowest page ≤ 8 × the empty one-line script)

Each page is opened once (warm-up), then rerun `REPEATS` times right after as many reruns of the
yardstick, `import streamlit as st; st.write("x")`, in `BLOCKS` blocks; the median reruns of both in
the block with the median ratio are reported, in wall time and in this
process's CPU time (AppTest runs the script in this process), with their ratio. As in the app's
server, each script is compiled once (bench/bench_participation.py `compile_once`): AppTest would
compile app.py and the page afresh on every run, with Streamlit's "magic" rewriting – over half of a
page's rerun, which a server pays only on its first run. The workshops live in a fresh SQLite file
of their own, never in the app's data/roadmap.sqlite: the Workshops page lists every stored
workshop, so a database that grows with each run of the bench would slow that page from run to run.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from bench.bench_participation import compile_once
from roadmap.domain.workshop import Workshop
from tests.pages import PAGES, WORKSHOPS, open_page

REPEATS = 15  # reruns of the empty script, then of the page, in one block
BLOCKS = 3  # blocks per page; the block with the median ratio is reported


def timed(app: AppTest) -> tuple[float, float]:
    """One rerun of the app's current page: wall and CPU seconds."""
    began, began_cpu = time.perf_counter(), time.process_time()
    app.run()
    return time.perf_counter() - began, time.process_time() - began_cpu


def side_by_side(app: AppTest, empty: AppTest) -> tuple[float, float, float, float]:
    """Median wall and CPU seconds of the page and of the empty script: (page wall, page CPU, empty
    wall, empty CPU) of the middle one of `BLOCKS` blocks, ranked by their wall ratio.

    A block is `REPEATS` reruns of the empty script and, right after them, of the page: each page is
    measured against a yardstick taken just before it, so that a shared virtual machine that speeds
    up or slows down moves both alike. Not in turns: after a page's rerun the empty script runs
    slower (a fifth, with the processor's caches full of the page), which would flatter the ratio.
    Several blocks: a few seconds in which the machine is taken by someone else spoil one block,
    not the figure."""
    blocks = []
    for _ in range(BLOCKS):
        yardstick = [timed(empty) for _ in range(REPEATS)]
        page = [timed(app) for _ in range(REPEATS)]
        blocks.append(
            (
                statistics.median(w for w, _ in page),
                statistics.median(c for _, c in page),
                statistics.median(w for w, _ in yardstick),
                statistics.median(c for _, c in yardstick),
            )
        )
    blocks.sort(key=lambda block: block[0] / block[2])
    return blocks[len(blocks) // 2]


def empty_script() -> AppTest:
    """The yardstick: an empty one-line script, run once."""
    return AppTest.from_string('import streamlit as st\nst.write("x")').run()


def main() -> None:
    os.environ.pop("ROADMAP_STRICT", None)
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-pages-')) / 'bench.sqlite'}"
    compile_once()
    empty = empty_script()
    worst = worst_cpu = 0.0
    for name in ("demo", "large"):
        workshop: Workshop = WORKSHOPS[name]()
        for page in PAGES:
            app = open_page(page, workshop)
            assert not app.exception, (page, app.exception)
            wall, cpu, wall0, cpu0 = side_by_side(app, empty)
            worst, worst_cpu = max(worst, wall / wall0), max(worst_cpu, cpu / cpu0)
            print(
                f"{name:5} {page:30} {wall * 1000:6.1f} ms (empty {wall0 * 1000:4.1f} ms) {wall / wall0:5.1f} ×"
                f"   CPU {cpu / cpu0:5.1f} ×"
            )
    print(f"slowest page: {worst:.1f} × the empty script, CPU {worst_cpu:.1f} × (target ≤ 8 ×)")


if __name__ == "__main__":
    main()

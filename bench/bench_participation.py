"""Participation from phones under load: 30 phones voting within ten seconds, and the moderator's page.

Run: PYTHONPATH=. python bench/bench_participation.py

1. Thirty phones send their ballots at random moments within ten seconds, each from its own thread
   through the store as the app's server does (SQLite file, the default). A "shared screen" polls the
   room's version every second, as the moderator's watcher does, and reads the vote count when it
   changed. Reported: votes lost (target 0) and the lag from a ballot being stored to the screen
   showing a count that includes it (p95, target ≤ 2 s).
2. The moderator's page (Priorisierung, section "Mitmachen per Handy", a vote round with 30 ballots)
   rerun with a 500-measure workshop against the empty one-line script (target ≤ 10 ×), AppTest
   medians as in bench/bench_pages.py, in wall time and in this process's CPU time: AppTest runs the
   script in this process, so the CPU ratio holds while other jobs load the machine, where the wall
   time of a 5 ms script swings by a factor of eight. As in the app's server, each script is compiled
   once: AppTest compiles app.py and the page afresh on every run (some 35 ms for this page, Streamlit's
   "magic" rewriting included), which a running server does only on its first run.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path

PHONES = 30
WINDOW = 10.0
SCREEN_EVERY = 1.0


def vote_load(url: str) -> tuple[int, int, float, float]:
    """(ballots stored, ballots sent, p95 lag s, max lag s) of 30 phones voting within ten seconds."""
    from roadmap.domain.measure import Measure
    from roadmap.domain.profile import Profile
    from roadmap.domain.workshop import Workshop
    from roadmap.store.participation import Participation
    from roadmap.store.workshops import Store
    from roadmap.workshop.rounds import RoundKind

    store = Store.open(url)
    workshop = Workshop(Profile(dots_per_person=3), tuple(Measure(f"M{i:02d}", f"Maßnahme {i}") for i in range(1, 21)))
    ident = store.create(workshop, "Last")
    rooms = Participation(store)
    room, token = rooms.open_room(ident, time.time())
    room = rooms.start_round(room.id, RoundKind.VOTE)
    stored_at: list[float] = []
    lock = threading.Lock()
    rng = random.Random(11)
    began = time.monotonic()

    def phone(n: int, delay: float) -> None:
        time.sleep(delay)
        ballot = {f"M{rng.randint(1, 20):02d}": 1 for _ in range(3)}
        rooms.send_ballot(token, f"phone-{n}", "", ballot, time.time())
        with lock:
            stored_at.append(time.monotonic())

    threads = [threading.Thread(target=phone, args=(n, rng.uniform(0, WINDOW))) for n in range(PHONES)]
    for thread in threads:
        thread.start()
    seen: list[tuple[float, int]] = []  # (when the screen showed it, voters shown)
    version = 0
    while time.monotonic() - began < WINDOW + 5:
        now_version = rooms.version(room.id)
        if now_version != version:
            version = now_version
            seen.append((time.monotonic(), rooms.voters(room)))
        time.sleep(SCREEN_EVERY)
    for thread in threads:
        thread.join()
    order = sorted(stored_at)
    lags = []
    for rank, stored in enumerate(order, start=1):
        shown = next(when for when, count in seen if count >= rank and when >= stored)
        lags.append(shown - stored)
    lags.sort()
    p95 = lags[int(0.95 * (len(lags) - 1))]
    total = rooms.voters(room)
    store.close()
    return total, PHONES, p95, lags[-1]


def compile_once() -> None:
    """Let every AppTest run share one script cache, as all sessions of a running server do."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = lambda: shared  # type: ignore[assignment,misc]
    local_script_runner.ScriptCache = lambda: shared  # type: ignore[assignment,misc]


def cpu_rerun(app: object) -> float:
    """Median CPU seconds of this process for `REPEATS` reruns of the app's current page."""
    from bench.bench_pages import REPEATS

    times = []
    for _ in range(REPEATS):
        began = time.process_time()
        app.run()  # type: ignore[attr-defined]
        times.append(time.process_time() - began)
    return statistics.median(times)


def moderator_page(url: str) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    """(wall, CPU) median reruns (s) of the moderator's page with 500 measures and 30 ballots, of the
    same page on its ranking section (the page as it was before), and of the empty script."""
    os.environ["DATABASE_URL"] = url
    from streamlit.testing.v1 import AppTest

    from bench.bench_pages import empty_script, median_rerun
    from roadmap.store.participation import Participation
    from roadmap.workshop.rounds import RoundKind
    from tests.pages import large_workshop, open_page
    from ui.session import store

    ident = store().create(large_workshop(500), "Groß")
    rooms = Participation(store())
    room, token = rooms.open_room(ident, time.time())
    rooms.start_round(room.id, RoundKind.VOTE)
    for n in range(PHONES):
        rooms.send_ballot(token, f"p{n}", "", {"L0001": 1, "L0002": 2}, time.time())
    os.environ.pop("ROADMAP_STRICT", None)
    compile_once()
    empty = AppTest.from_string('import streamlit as st\nst.write("x")')
    empty.run()
    yardstick = (empty_script(), cpu_rerun(empty))
    app = open_page("app_pages/4_priorisierung.py", ident=ident)
    ranking = (median_rerun(app), cpu_rerun(app))
    app.segmented_control(key="priorisierung_section").set_value("phones").run()
    assert not app.exception, app.exception
    return (median_rerun(app), cpu_rerun(app)), ranking, yardstick


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        stored, sent, p95, worst = vote_load(url)
        print(f"{sent} phones voting within {WINDOW:.0f} s: {stored} ballots stored ({sent - stored} lost)")
        print(f"lag to the shared screen (polling every {SCREEN_EVERY:.0f} s): p95 {p95:.2f} s, max {worst:.2f} s")
        page, ranking, yardstick = moderator_page(f"sqlite:///{Path(folder) / 'page.sqlite'}")
        for clock, n in (("wall", 0), ("CPU", 1)):
            print(
                f"moderator's page, 500 measures, vote round ({clock}): {page[n] * 1000:.1f} ms per rerun against "
                f"{yardstick[n] * 1000:.1f} ms for the empty script = {page[n] / yardstick[n]:.1f} × (target ≤ 10 ×); "
                f"on its ranking section {ranking[n] * 1000:.1f} ms = {ranking[n] / yardstick[n]:.1f} ×"
            )
        print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

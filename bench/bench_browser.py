"""First page and page-switch times in headless Chromium at 1920×1080, demo workshop.

Run: PYTHONPATH=. python bench/bench_browser.py   (targets: first page ≤ 2.5 s, every switch ≤ 1.5 s)

Starts `streamlit run app.py`, opens a fresh tab `ROUNDS` times, and clicks through all seven
pages in each; reports the median per step. A page counts as drawn when its title is on the
screen and Streamlit's script run has finished.
"""

from __future__ import annotations

import statistics

from tests.browser import browser_tab, served_app

ROUNDS = 5
TITLES = ("Bestandsaufnahme", "Maßnahmen", "Priorisierung", "Roadmap", "Budget", "Import / Export", "Unternehmen")


def main() -> None:
    first: list[float] = []
    switches: dict[str, list[float]] = {title: [] for title in TITLES}
    with served_app() as url:
        with browser_tab(url) as warmup:  # the server imports pandas, altair & co. once
            warmup.start()
        for _ in range(ROUNDS):
            with browser_tab(url) as tab:
                first.append(tab.start())
                for title in TITLES:
                    switches[title].append(tab.open(title))
    print(f"first page (Unternehmen): {statistics.median(first):.2f} s (target ≤ 2.5 s)")
    for title, seconds in switches.items():
        print(f"switch to {title:18} {statistics.median(seconds):.2f} s (target ≤ 1.5 s)")
    print(f"slowest switch: {max(statistics.median(s) for s in switches.values()):.2f} s")


if __name__ == "__main__":
    main()

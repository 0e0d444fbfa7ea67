"""First page and page-switch times in headless Chromium at 1920×1080, demo and 500 measures.

Run: PYTHONPATH=. python bench/bench_browser.py   (targets: first page ≤ 2.5 s, every switch ≤ 1.5 s)

Starts `streamlit run app.py` on a fresh database holding the demo and a 500-measure workshop,
opens a fresh tab `ROUNDS` times on each, and clicks through all pages in each; reports the
median per step. A page counts as drawn when its title is on the
screen and Streamlit's script run has finished.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from roadmap.store.workshops import Store
from tests.browser import browser_tab, served_app
from tests.pages import large_workshop

ROUNDS = 5
TITLES = (
    "Bestandsaufnahme",
    "Maßnahmen",
    "Priorisierung",
    "Roadmap",
    "Budget",
    "Import / Export",
    "Workshops & Stände",
    "Unternehmen",
)


def measure(url: str, path: str) -> tuple[list[float], dict[str, list[float]]]:
    """First-page and switch times over `ROUNDS` fresh tabs on the workshop at `path`."""
    first: list[float] = []
    switches: dict[str, list[float]] = {title: [] for title in TITLES}
    for _ in range(ROUNDS):
        with browser_tab(url) as tab:
            first.append(tab.start(path))
            for title in TITLES:
                switches[title].append(tab.open(title))
    return first, switches


def main() -> None:
    database = Path(tempfile.mkdtemp(prefix="bench-browser-")) / "bench.sqlite"
    url_of_db = f"sqlite:///{database}"
    large = Store.open(url_of_db).create(large_workshop(), "500 Maßnahmen")
    with served_app({"DATABASE_URL": url_of_db}) as url:
        with browser_tab(url) as warmup:  # the server imports pandas, altair & co. once
            warmup.start()
        for name, path in (("demo", ""), ("500 measures", f"?w={large}")):
            first, switches = measure(url, path)
            print(f"[{name}] first page (Unternehmen): {statistics.median(first):.2f} s (target ≤ 2.5 s)")
            for title, seconds in switches.items():
                print(f"[{name}] switch to {title:18} {statistics.median(seconds):.2f} s (target ≤ 1.5 s)")
            print(f"[{name}] slowest switch: {max(statistics.median(s) for s in switches.values()):.2f} s")


if __name__ == "__main__":
    main()

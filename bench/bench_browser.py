"""First page and page-switch times in headless Chromium at 1920×1080, demo and 500 measures.

Run: PYTHONPATH=. python bench/bench_browser.py [first | kinds]   (targets: first page ≤ 1.3 × an empty Streamlit
app's, every switch ≤ 1.5 s)

Starts `streamlit run app.py` on a fresh database holding the demo and a 500-measure workshop,
and beside it an empty one-line app (`st.title`) served the same way (same command, folder and
.streamlit/config.toml). Both servers are warmed up, then fresh tabs (each its own browser context,
so nothing cached) open the two by turns, `ROUNDS` each: the medians and their ratio are the first
page's figure. Then it opens a fresh tab `ROUNDS` times on each workshop and clicks through all
pages; reports the median per step. A page counts as drawn when its title is on the screen and
Streamlit's script run has finished.

`kinds`: what one kind of element costs a first page, by itself: the empty app against the same app
with one element of each kind the first page and its sidebar draw (the browser loads a kind's code
when its first element arrives, and draws it for the first time), new tabs with the scripts cached.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from roadmap.store.workshops import Store
from tests.browser import AppServer, Workshop, browser_tab, chrome, served_app
from tests.pages import large_workshop

ROUNDS = 5
EMPTY_APP = 'import streamlit as st; st.title("Leer")\n'  # the yardstick: Streamlit's own first render
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


def first_pages(app_url: str, empty_url: str, *, cached: bool = False) -> tuple[list[float], list[float]]:
    """First page of a new tab on each warm server, by turns (empty, app, empty, …), `ROUNDS` each.

    A new tab is a new session. Not `cached`: each tab in a browser context of its own, so the
    browser fetches Streamlit's scripts afresh (a person's first visit). `cached`: every tab of a
    server in one context that opened it once before, so the scripts come from the browser's cache
    (a second tab, a reload, the next day on the same laptop).
    """
    app: list[float] = []
    empty: list[float] = []
    with chrome() as browser:
        warm = {url: browser.tab(url) for url in (empty_url, app_url)}
        for tab in warm.values():  # each server imports its modules once; a cached context sees it once
            tab.start()
        for _ in range(ROUNDS):
            for url, times in ((empty_url, empty), (app_url, app)):
                tab = Workshop(warm[url].page.context.new_page(), url) if cached else browser.tab(url, own_context=True)
                times.append(tab.start())
                (tab.page.close if cached else tab.page.context.close)()
    return app, empty


# One element of each kind the first page (Unternehmen) and the sidebar draw, beside the empty app's title.
KINDS = {
    "st.html (the screen's CSS)": 'st.html("<style>.stMainBlockContainer { padding-top: 2.5rem; }</style>")',
    "text_input": 'st.text_input("Name", key="k")',
    "number_input": 'st.number_input("Zahl", key="k")',
    "selectbox": 'st.selectbox("Wahl", ["a", "b"], key="k")',
    "metric": 'st.metric("Budget", "12.000 €")',
    "page_link": 'st.page_link("https://example.com", label="Weiter")',
    "segmented_control": 'st.sidebar.segmented_control("Sprache", ["DE", "EN"], key="k")',
    "toggle": 'st.sidebar.toggle("Präsentation", key="k")',
    "button": 'st.sidebar.button("Rückgängig", key="k")',
    "link_button": 'st.sidebar.link_button("Raumbildschirm", "https://example.com")',
    "expander": 'st.expander("Mehr").write("Text")',
}


def kinds(folder: Path, empty_url: str) -> None:
    """The first page's cost per kind of element (cached scripts): each kind's app against the empty one."""
    added: dict[str, float] = {}
    for kind, line in KINDS.items():
        script = folder / f"kind_{len(added)}.py"
        script.write_text(EMPTY_APP + line + "\n")
        server = AppServer(script=str(script)).start()
        try:
            app, yardstick = first_pages(server.url, empty_url, cached=True)
        finally:
            server.stop()
        added[kind] = statistics.median(app) - statistics.median(yardstick)
        ratio = statistics.median(app) / statistics.median(yardstick)
        print(f"{kind:28} +{added[kind] * 1000:4.0f} ms  {ratio:.2f} × the empty app")
    print(f"all {len(added)} kinds together: +{sum(added.values()) * 1000:.0f} ms")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-browser-"))
    database = folder / "bench.sqlite"
    url_of_db = f"sqlite:///{database}"
    large = Store.open(url_of_db).create(large_workshop(), "500 Maßnahmen")
    (folder / "empty.py").write_text(EMPTY_APP)
    empty = AppServer(script=str(folder / "empty.py")).start()
    if "kinds" in sys.argv[1:]:
        try:
            kinds(folder, empty.url)
        finally:
            empty.stop()
        return
    try:
        with served_app({"DATABASE_URL": url_of_db}) as url:
            for what, cached in (("new browser context", False), ("new tab, scripts cached", True)):
                app, yardstick = first_pages(url, empty.url, cached=cached)
                ratio = statistics.median(app) / statistics.median(yardstick)
                print(
                    f"first page on a warm server, {what}: app {statistics.median(app):.2f} s, empty app "
                    f"{statistics.median(yardstick):.2f} s: {ratio:.2f} × (target ≤ 1.3 ×)"
                )
                print(f"  app   {' '.join(f'{s:.2f}' for s in app)}")
                print(f"  empty {' '.join(f'{s:.2f}' for s in yardstick)}")
    finally:
        empty.stop()
    if "first" in sys.argv[1:]:  # `bench_browser.py first`: the first page only
        return
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

"""The Roadmap's Gantt chart on a projector, end to end in headless Chromium: at 1920×1080 it lies whole on
the first screen (its last row in view, normal and presenter mode), at 1024×768 it may scroll; no text of it is
cut, and in presenter mode none is smaller than the page's 21 px. Demo workshop and 25 planned measures.
Screenshots go to test-output/screenshots/gantt-*.png.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from roadmap.charts.gantt_rows import gantt_rows
from roadmap.planning.planner import plan
from roadmap.store.workshops import Store
from tests.browser import Chrome, charts_settled, chrome, chromium_or_skip, served_app
from tests.pages import large_workshop
from ui.presenter import PRESENTER_FONT_PX
from ui.session import demo_workshop

pytestmark = pytest.mark.browser

SIZES = ((1920, 1080), (1024, 768))
TWENTY_FIVE = 29  # measures of tests.pages.large_workshop of which the planner plans 25

# The chart's box, and every text it draws: its words, box and type size.
CHART = """() => {
  const chart = document.querySelector('[data-testid="stVegaLiteChart"]');
  const svg = chart.querySelector('svg.marks');
  const box = chart.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => {
    const b = t.getBoundingClientRect();
    return { text: t.textContent.trim(), bottom: b.bottom, size: parseFloat(getComputedStyle(t).fontSize) };
  });
  return { top: box.top, bottom: box.bottom, texts };
}"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """One server for the module, on a store of its own with the demo workshop and one of 25 planned measures."""
    chromium_or_skip()
    database = f"sqlite:///{tmp_path_factory.mktemp('gantt') / 'gantt.sqlite'}"
    store = Store.open(database)
    workshops = {
        "demo": store.create(demo_workshop(), "Demo"),
        "25": store.create(large_workshop(TWENTY_FIVE), "25"),
    }
    store.close()
    with served_app({"DATABASE_URL": database}) as url:
        yield url, workshops


@pytest.fixture(scope="module")
def browser(served: tuple[str, dict[str, str]]) -> Iterator[Chrome]:
    with chrome() as running:
        yield running


MODES = ("normal", "presenter")


@pytest.fixture(scope="module")
def charts(browser: Chrome, served: tuple[str, dict[str, str]]) -> Callable[[str, tuple[int, int]], dict[str, Any]]:
    """The Gantt chart of a workshop ("demo" or "25") at a size, in each mode: its box and texts, measured once
    for the module in one tab (normal first, then presenter mode switched on, as a moderator does)."""
    url, workshops = served
    seen: dict[tuple[str, tuple[int, int]], dict[str, Any]] = {}

    def measured(name: str, size: tuple[int, int]) -> dict[str, Any]:
        if (name, size) not in seen:
            seen[name, size] = _both_modes(browser, url, workshops[name], size, name)
        return seen[name, size]

    return measured


def _both_modes(browser: Chrome, url: str, ident: str, size: tuple[int, int], name: str) -> dict[str, Any]:
    """The Roadmap page of workshop `ident` at `size`, normal and in presenter mode, each after a screenshot."""
    tab = browser.tab(url)
    tab.page.set_viewport_size({"width": size[0], "height": size[1]})
    tab.start(f"roadmap?w={ident}")
    found = {}
    for mode in MODES:
        if mode == "presenter":
            tab.page.locator('[data-testid="stSidebar"]').get_by_text("Präsentationsmodus").click()
            tab.wait_idle()
            tab.page.locator(".st-key-presenter_bar").wait_for()
        tab.page.locator('[data-testid="stVegaLiteChart"] svg.marks text').first.wait_for()
        charts_settled(tab, fitted=True)  # Vega fits the chart to the page's width a frame or two later
        tab.shot(f"gantt-{name}-{size[0]}x{size[1]}-{mode}")
        found[mode] = tab.page.evaluate(CHART)
        assert tab.exceptions() == []
    tab.close()
    return found


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", ["demo", "25"])
def test_at_1920x1080_the_whole_gantt_with_its_last_row_is_on_the_first_screen(
    charts: Callable[[str, tuple[int, int]], dict[str, Any]], name: str, mode: str
) -> None:
    chart = charts(name, SIZES[0])[mode]

    print(f"{name} 1920x1080 {mode}: chart from {chart['top']} to {chart['bottom']}")
    assert chart["top"] > 0 and chart["bottom"] <= SIZES[0][1]
    assert max(text["bottom"] for text in chart["texts"]) <= SIZES[0][1]  # the last row's label too


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("mode", MODES)
def test_no_text_of_the_gantt_is_cut_and_presenter_mode_keeps_it_at_the_page_s_size(
    charts: Callable[[str, tuple[int, int]], dict[str, Any]], size: tuple[int, int], mode: str
) -> None:
    workshop = large_workshop(TWENTY_FIVE)
    labels = [row["label"] for row in gantt_rows(plan(workshop.measures, workshop.profile), "de")]

    chart = charts("25", size)[mode]

    texts = [html.unescape(text["text"]) for text in chart["texts"]]
    assert [text for text in texts if text.endswith("…")] == []
    assert set(labels) <= set(texts)  # every measure's whole title
    if mode == "presenter":
        assert min(text["size"] for text in chart["texts"]) >= PRESENTER_FONT_PX

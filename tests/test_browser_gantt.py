"""The Roadmap's Gantt chart on a projector, end to end in headless Chromium: at 1920×1080 it lies whole on
the first screen (its last row in view, normal and presenter mode), at 1024×768 it may scroll; no text of it is
cut, and in presenter mode none is smaller than the page's 21 px. Demo workshop and 25 planned measures.
Screenshots go to test-output/screenshots/gantt-*.png.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
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


def _chart(browser: Chrome, url: str, ident: str, size: tuple[int, int], presenter: bool, name: str) -> Any:
    """The Roadmap page of workshop `ident` at `size`: the chart's box and texts, after a screenshot."""
    tab = browser.tab(url)
    tab.page.set_viewport_size({"width": size[0], "height": size[1]})
    tab.start(f"roadmap?w={ident}")
    if presenter:
        tab.page.locator('[data-testid="stSidebar"]').get_by_text("Präsentationsmodus").click()
        tab.wait_idle()
    tab.page.locator('[data-testid="stVegaLiteChart"] svg.marks text').first.wait_for()
    charts_settled(tab, fitted=True)  # Vega fits the chart to the page's width a frame or two later
    shot: Path = tab.shot(f"gantt-{name}-{size[0]}x{size[1]}-{'presenter' if presenter else 'normal'}")
    found = tab.page.evaluate(CHART)
    assert tab.exceptions() == [] and shot.exists()
    tab.close()
    return found


@pytest.mark.parametrize("presenter", [False, True], ids=["normal", "presenter"])
@pytest.mark.parametrize("name", ["demo", "25"])
def test_at_1920x1080_the_whole_gantt_with_its_last_row_is_on_the_first_screen(
    browser: Chrome, served: tuple[str, dict[str, str]], name: str, presenter: bool
) -> None:
    url, workshops = served

    chart = _chart(browser, url, workshops[name], SIZES[0], presenter, name)

    print(f"{name} 1920x1080 {'presenter' if presenter else 'normal'}: chart from {chart['top']} to {chart['bottom']}")
    assert chart["top"] > 0 and chart["bottom"] <= SIZES[0][1]
    assert max(text["bottom"] for text in chart["texts"]) <= SIZES[0][1]  # the last row's label too


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("presenter", [False, True], ids=["normal", "presenter"])
def test_no_text_of_the_gantt_is_cut_and_presenter_mode_keeps_it_at_the_page_s_size(
    browser: Chrome, served: tuple[str, dict[str, str]], size: tuple[int, int], presenter: bool
) -> None:
    url, workshops = served
    workshop = large_workshop(TWENTY_FIVE)
    labels = [row["label"] for row in gantt_rows(plan(workshop.measures, workshop.profile), "de")]

    chart = _chart(browser, url, workshops["25"], size, presenter, "25-text")

    texts = [html.unescape(text["text"]) for text in chart["texts"]]
    assert [text for text in texts if text.endswith("…")] == []
    assert set(labels) <= set(texts)  # every measure's whole title
    if presenter:
        assert min(text["size"] for text in chart["texts"]) >= PRESENTER_FONT_PX

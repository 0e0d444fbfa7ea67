"""Every page on the screens a workshop meets: 1024×768 and 1280×800 projectors and 1920×1080, also in presenter mode.

Each page of the demo workshop is drawn at each size and checked for what a room would see as broken
(tests/screen_checks.py): a page wider than the screen, text cut off with "…" or clipped by its box, a
legend entry cut, chart text printed over other chart text or beyond the chart's edge, a table column
beyond the right edge (the Maßnahmen and Umsetzung tables in each view of their columns), one of
Streamlit's fixed English texts in the German app (also while a field is typed in and a list of choices
filtered), button text under 4.5:1 against its background, a page without the way back and on at its
bottom, an error on the page. One walk per size checks everything, so each page is drawn once per size.

Presenter mode is walked with its "Weiter" link at the smallest size, where its large type is tightest;
the Maßnahmen, Priorisierung and Umsetzung pages in presenter mode at 1920×1080 show every column with
body text of at least 22 px. One server and one browser for the module.

Screenshots of whole pages (the window made as tall as the page, at the same width) go to
test-output/screenshots/screen-*.png, of each further view of a table to screen-<width>-<page>-<view>.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import Chrome, Workshop, chrome, chromium_or_skip, served_app
from tests.screen_checks import (
    CUT,
    PAGES,
    PRESENTER_TEXT_PX,
    TEXT_SIZES,
    VIEWS,
    choices_show_no_english,
    drawn,
    problems,
    steps_below,
    typing_shows_no_english,
    whole_page,
)

pytestmark = pytest.mark.browser

SIZES = ((1024, 768), (1280, 800), (1920, 1080))


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """The app served by `streamlit run` for the tests of this module, on a store of its own (the demo)."""
    chromium_or_skip()
    with served_app() as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Chrome]:
    """One headless Chromium for the module; each test opens its own tab."""
    with chrome() as opened:
        yield opened


def _cut(tab: Workshop, title: str, name: str, size: tuple[int, int]) -> list[str]:
    """Cut and overprinted text on the drawn page, then a screenshot of the whole page."""
    found: list[Any] = tab.page.evaluate(CUT)
    whole_page(tab, name, size)
    return [f"{title}: {finding}" for finding in found]


def _views(tab: Workshop, title: str, width: int, number: int) -> list[str]:
    """Each further view of the page's table columns, checked as the page is."""
    found: list[str] = []
    for place, view in enumerate(VIEWS.get(title, ())[1:], start=1):
        tab.page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"] button', has_text=view).first.click()
        drawn(tab, title)
        found += problems(tab, f"{title} ({view})")
        tab.shot(f"screen-{width}-{number}-{place}")
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_page_fits_the_screen_in_german_with_readable_buttons_and_nothing_cut(
    app_url: str, browser: Chrome, size: tuple[int, int]
) -> None:
    width, height = size
    tab = browser.tab(app_url)
    tab.page.set_viewport_size({"width": width, "height": height})
    tab.start("unternehmen")  # the start page's own path, as after a login there
    assert tab.page.get_by_text("Page not found").count() == 0
    found: list[str] = []
    for number, title in enumerate(PAGES, start=1):
        if number > 1:
            tab.open(title)
        drawn(tab, title)
        found += problems(tab, title) + steps_below(tab, number)
        if title == "Unternehmen" and width == SIZES[0][0]:
            found += typing_shows_no_english(tab)
        if title == "Szenarien" and width == SIZES[0][0]:
            found += choices_show_no_english(tab)
        found += _cut(tab, title, f"screen-{width}-{number}", size)
        found += _views(tab, title, width, number)
    tab.close()
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("size", SIZES[:1], ids=lambda size: f"{size[0]}x{size[1]}")
def test_presenter_mode_walks_every_page_with_next_and_fits_the_screen(
    app_url: str, browser: Chrome, size: tuple[int, int]
) -> None:
    width, height = size
    found: list[str] = []
    tab = browser.tab(app_url)
    tab.page.set_viewport_size({"width": width, "height": height})
    tab.start()
    tab.page.locator('[data-testid="stSidebar"]').get_by_text("Präsentationsmodus").click()
    tab.wait_idle()
    for number, title in enumerate(PAGES, start=1):
        if number > 1:
            tab.page.locator('[data-testid="stPageLink"] a', has_text="Weiter").first.click()
        drawn(tab, title)
        found += [f"{title}: {error}" for error in tab.exceptions()]
        found += _cut(tab, title, f"screen-presenter-{width}-{number}", size)
        assert tab.page.locator('[data-testid="stSidebar"]').is_hidden()
    assert tab.page.locator('[data-testid="stPageLink"] a', has_text="Weiter").count() == 0  # the last page
    tab.page.locator('[data-testid="stPageLink"] a', has_text="Zurück").first.click()
    drawn(tab, PAGES[-2])
    tab.close()
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(
    "path, title", [("massnahmen", "Maßnahmen"), ("priorisierung", "Priorisierung"), ("umsetzung", "Umsetzung")]
)
def test_presenter_mode_at_1920_shows_every_column_in_large_readable_type(
    app_url: str, browser: Chrome, path: str, title: str
) -> None:
    tab = browser.tab(app_url)
    tab.start(path)
    tab.page.locator('[data-testid="stSidebar"]').get_by_text("Präsentationsmodus").click()
    drawn(tab, title)
    tab.page.locator(".st-key-presenter_bar").wait_for()
    tab.wait_idle()

    found = problems(tab, f"{title}, presenter")
    sizes: list[dict[str, Any]] = tab.page.evaluate(TEXT_SIZES)
    tab.shot(f"screen-presenter-1920-{path}")
    tab.close()

    small = [f'{s["px"]} px: "{s["text"]}"' for s in sizes if s["px"] < PRESENTER_TEXT_PX - 0.01]
    assert found == [] and small == [], "\n".join(found + small)
    assert sizes, "no body text measured"

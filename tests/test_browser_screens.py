"""Every page on the screens a workshop meets: 1024×768 and 1280×800 projectors and 1920×1080, also in presenter mode.

Each page of the demo workshop is drawn at each size (presenter mode at the smallest, where its
large type is tightest, to keep the run short) and checked for what a room would see as broken:
a page wider than the screen, text cut off with "…" or clipped by its box, a legend entry cut,
chart text printed over other chart text or beyond the chart's edge. Screenshots of whole pages
(the window made as tall as the page, at the same width) go to test-output/screenshots/screen-*.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import PAGE_TITLES, SCREENSHOTS, Workshop, charts_settled, chrome, chromium_or_skip, served_app

pytestmark = pytest.mark.browser

SIZES = ((1024, 768), (1280, 800), (1920, 1080))
PAGES = PAGE_TITLES

# What a person would call broken, found in the page's DOM (charts are drawn as SVG).
FINDINGS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const found = [];
  if (main.scrollWidth > main.clientWidth + 2) {
    found.push(`page wider than the screen: ${main.scrollWidth} > ${main.clientWidth}`);
  }
  const skip = '[data-testid="stDataFrame"], [data-testid="stVegaLiteChart"], [data-testid="stCode"], input, textarea';
  for (const el of main.querySelectorAll('p, span, div, label, h1, h2, h3, button')) {
    if (el.closest(skip) || !el.offsetParent) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const style = getComputedStyle(el);
    const clips = style.textOverflow === 'ellipsis' || ['hidden', 'clip'].includes(style.overflowX);
    if (clips && el.scrollWidth > el.clientWidth + 1) found.push(`text cut: "${el.textContent.trim().slice(0, 60)}"`);
  }
  for (const chart of main.querySelectorAll('[data-testid="stVegaLiteChart"] svg.marks')) {
    const edge = chart.getBoundingClientRect();
    const texts = [...chart.querySelectorAll('text')]
      .filter((t) => t.textContent.trim() && getComputedStyle(t).opacity !== '0')
      .map((t) => ({ text: t.textContent.trim(), box: t.getBoundingClientRect() }))
      .filter((t) => t.box.width > 0 && t.box.height > 0);
    for (const t of chart.querySelectorAll('.role-legend-label text, .role-legend-title text')) {
      if (t.textContent.trim().endsWith('…')) found.push(`legend cut: "${t.textContent.trim()}"`);
    }
    for (const t of texts) {
      // 6 px: the box of a rotated axis title reaches a little beyond its ink
      if (t.box.left < edge.left - 6 || t.box.right > edge.right + 6) {
        found.push(`chart text beyond the chart: "${t.text}"`);
      }
    }
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i].box, b = texts[j].box;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        const smaller = Math.min(a.width * a.height, b.width * b.height);
        if (w > 0 && h > 0 && w * h > 0.3 * smaller) {
          found.push(`chart texts overprint: "${texts[i].text}" / "${texts[j].text}"`);
        }
      }
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """The app served by `streamlit run` for the tests of this module."""
    chromium_or_skip()
    with served_app() as url:
        yield url


def _whole_page(tab: Workshop, name: str, size: tuple[int, int]) -> None:
    """A screenshot of the whole page: the window as tall as the page, at the same width."""
    width, height = size
    tall = tab.page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    tab.page.set_viewport_size({"width": width, "height": max(height, min(int(tall), 8000))})
    charts_settled(tab)  # the charts follow the new height (Vega resizes a frame or two later)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    tab.page.set_viewport_size({"width": width, "height": height})


def _drawn(tab: Workshop, title: str) -> None:
    """Wait until the page titled `title` and its charts are drawn."""
    tab.page.locator("h1", has_text=title).first.wait_for()
    tab.wait_idle()
    for chart in tab.page.locator('[data-testid="stVegaLiteChart"] svg.marks').all():
        chart.wait_for()


def _check(tab: Workshop, title: str, name: str, size: tuple[int, int]) -> list[str]:
    _drawn(tab, title)
    findings: list[Any] = tab.page.evaluate(FINDINGS)
    _whole_page(tab, name, size)
    return [f"{title}: {finding}" for finding in [*tab.exceptions(), *findings]]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_page_fits_the_screen_with_no_cut_or_overprinted_text(app_url: str, size: tuple[int, int]) -> None:
    width, height = size
    problems: list[str] = []
    with chrome() as browser:
        tab = browser.tab(app_url)
        tab.page.set_viewport_size({"width": width, "height": height})
        tab.start("unternehmen")  # the start page's own path, as after a login there
        assert tab.page.get_by_text("Page not found").count() == 0
        for number, title in enumerate(PAGES, start=1):
            if number > 1:
                tab.open(title)
            problems += _check(tab, title, f"screen-{width}-{number}", size)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("size", SIZES[:1], ids=lambda size: f"{size[0]}x{size[1]}")
def test_presenter_mode_walks_every_page_with_next_and_fits_the_screen(app_url: str, size: tuple[int, int]) -> None:
    width, height = size
    problems: list[str] = []
    with chrome() as browser:
        tab = browser.tab(app_url)
        tab.page.set_viewport_size({"width": width, "height": height})
        tab.start()
        tab.page.locator('[data-testid="stSidebar"]').get_by_text("Präsentationsmodus").click()
        tab.wait_idle()
        for number, title in enumerate(PAGES, start=1):
            if number > 1:
                tab.page.locator('[data-testid="stPageLink"] a', has_text="Weiter").first.click()
            problems += _check(tab, title, f"screen-presenter-{width}-{number}", size)
            assert tab.page.locator('[data-testid="stSidebar"]').is_hidden()
        assert tab.page.locator('[data-testid="stPageLink"] a', has_text="Weiter").count() == 0  # the last page
        tab.page.locator('[data-testid="stPageLink"] a', has_text="Zurück").first.click()
        _drawn(tab, PAGES[-2])
    assert problems == [], "\n".join(problems)

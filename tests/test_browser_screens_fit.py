"""Tables, type and contrast laid out for the screen they are on, and German everywhere (issue 23).

Every workshop page of the demo workshop at 1280×800 and 1024×768, and the Maßnahmen, Priorisierung
and Umsetzung pages in presenter mode at 1920×1080, checked in the page's DOM for what the back of the
room would see as broken: a table column beyond the right edge (the table scrolls sideways, or ends
beyond the window; the Maßnahmen and Umsetzung tables in each view of their columns), an element of
the main area wider than it, one of Streamlit's fixed English texts in the German app, button text under 4.5:1
against its background (WCAG AA, from getComputedStyle), body text in presenter mode under 22 px,
a page without the way back and on at its bottom.
One server and one browser for the module; one tab per screen size. Screenshots of the visible
screen: test-output/screenshots/fit-*.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import PAGE_TITLES, Chrome, Workshop, chrome, chromium_or_skip, served_app

pytestmark = pytest.mark.browser

PAGES = PAGE_TITLES
# The views of a table's columns, the first shown on opening the page (roadmap/views/measure_columns.py and
# progress_columns.py): each is checked on its own.
VIEWS = {
    "Maßnahmen": ("Bewertung", "Kosten und Dauer", "Termine", "Priorität", "Umsetzung", "KPI"),
    "Umsetzung": ("Stand und Kosten", "Termine", "Basisplan", "KPI"),
}
ENGLISH = ("Drag and drop", "Browse files", "Limit 100MB", "view more", "Press Enter", "Select all", "matches")
MIN_CONTRAST = 4.5
PRESENTER_TEXT_PX = 22
# Every finding as a sentence; `english` is the list of Streamlit's texts no German page may show.
FINDINGS = """(english) => {
  const found = [];
  const main = document.querySelector('[data-testid="stMain"]');
  const block = main.querySelector('.stMainBlockContainer').getBoundingClientRect();
  const right = Math.min(window.innerWidth, main.getBoundingClientRect().right);
  if (main.scrollWidth > main.clientWidth + 1) {
    found.push(`main area scrolls sideways: ${main.scrollWidth} > ${main.clientWidth}`);
  }
  for (const grid of main.querySelectorAll('[data-testid="stDataFrame"]')) {
    const box = grid.getBoundingClientRect(), scroller = grid.querySelector('.dvn-scroller');
    const heads = [...grid.querySelectorAll('th')].map((th) => th.textContent.trim()).join(', ');
    if (scroller && scroller.scrollWidth > scroller.clientWidth + 1) {
      const widths = `${scroller.scrollWidth} > ${scroller.clientWidth} px`;
      found.push(`table columns beyond its right edge (${widths}): ${heads}`);
    }
    if (box.right > right + 1) found.push(`table ends beyond the window at ${Math.round(box.right)} px: ${heads}`);
  }
  const visible = (el) => {
    const style = getComputedStyle(el), box = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && parseFloat(style.fontSize) > 0 && box.width > 0 && box.height > 0;
  };
  for (const el of main.querySelectorAll('*')) {
    if (el.closest('[data-testid="stDataFrame"], [data-testid="stVegaLiteChart"], [data-testid="stCode"]')) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && box.right > block.right + 2 && box.right > right + 1) {
      const name = `${el.tagName.toLowerCase()} ${el.getAttribute('data-testid') || el.className}`;
      found.push(`wider than the main area: <${name}> ends at ${Math.round(box.right)} px`);
    }
  }
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(' ');
    const hit = english.find((words) => own.includes(words));
    if ((hit || own.trim() === 'Upload') && visible(el)) found.push(`English on screen: "${own.trim().slice(0, 60)}"`);
  }
  return found;
}"""

# The contrast of every button's and page link's text against what lies behind it, alpha included.
CONTRASTS = """() => {
  const parse = (c) => {
    const p = c.match(/[\\d.]+/g).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const mix = (top, alpha, bottom) => top * alpha + bottom * (1 - alpha);
  const over = (c, base) => ({ r: mix(c.r, c.a, base.r), g: mix(c.g, c.a, base.g), b: mix(c.b, c.a, base.b) });
  const behind = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    return layers.reverse().reduce((base, c) => over(c, base), { r: 255, g: 255, b: 255 });
  };
  const linear = (v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  const lum = ({ r, g, b }) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  const out = [];
  const controls = document.querySelectorAll(
    '[data-testid="stMain"] :is(button:not(:disabled), [data-testid="stPageLink"] a)');
  for (const control of controls) {
    if (!control.offsetParent) continue;
    for (const el of [control, ...control.querySelectorAll('*')]) {
      if (el.closest('[data-testid="stIconMaterial"]') || !el.offsetParent) continue;
      const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
      if (!text || parseFloat(getComputedStyle(el).fontSize) === 0) continue;
      const back = behind(el), ink = over(parse(getComputedStyle(el).color), back);
      const [light, dark] = [lum(ink), lum(back)].sort((x, y) => y - x);
      out.push({ text: text.slice(0, 50), ratio: (light + 0.05) / (dark + 0.05) });
    }
  }
  return out;
}"""

# Presenter mode: the size of body text, captions and list items on the page.
TEXT_SIZES = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] :is([data-testid="stMarkdownContainer"] :is(p, li), [data-testid="stCaptionContainer"])')]
  .filter((el) => el.offsetParent && el.textContent.trim() && !el.closest('[data-testid="stMetricValue"], button'))
  .map((el) => ({ text: el.textContent.trim().slice(0, 40), px: parseFloat(getComputedStyle(el).fontSize) }))"""


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """The app served by `streamlit run` for the tests of this module."""
    chromium_or_skip()
    with served_app() as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Chrome]:
    """One headless Chromium for the module; each test opens its own tab."""
    with chrome() as opened:
        yield opened


def _problems(tab: Workshop, where: str) -> list[str]:
    """Everything wrong on the screen now: layout, English texts and button contrast."""
    tab.wait_idle()
    found: list[str] = tab.page.evaluate(FINDINGS, list(ENGLISH))
    contrasts: list[dict[str, Any]] = tab.page.evaluate(CONTRASTS)
    found += [f'contrast {c["ratio"]:.2f}:1 of "{c["text"]}"' for c in contrasts if c["ratio"] < MIN_CONTRAST]
    return [f"{where}: {finding}" for finding in [*tab.exceptions(), *found]]


def _drawn(tab: Workshop, title: str) -> None:
    tab.page.locator("h1", has_text=title).first.wait_for()
    tab.wait_idle()
    for chart in tab.page.locator('[data-testid="stVegaLiteChart"] svg.marks').all():
        chart.wait_for()
    for grid in tab.page.locator('[data-testid="stDataFrame"] .dvn-scroller').all():
        grid.wait_for()


def _steps_below(tab: Workshop, number: int) -> list[str]:
    """The way back and on at the page's bottom: "Zurück: <previous>" and "Weiter: <next>" where there are such."""
    links = tab.page.locator('.st-key-page_steps [data-testid="stPageLink"]').all_inner_texts()
    wanted = ([f"Zurück: {PAGES[number - 2]}"] if number > 1 else []) + (
        [f"Weiter: {PAGES[number]}"] if number < len(PAGES) else []
    )
    return [f'{PAGES[number - 1]}: no link "{w}" at the bottom' for w in wanted if not any(w in x for x in links)]


def _typing_shows_no_english(tab: Workshop) -> list[str]:
    """A field being typed in (Streamlit: "Press Enter to apply") and a list of choices filtered by typing
    ("Select 2 matches"): the typing is taken back before anything is applied."""
    field = tab.page.locator('[data-testid="stMain"] [data-testid="stTextInput"] input').first
    field.click()
    field.press("End")
    field.press_sequentially("x")
    problems = _problems(tab, "Unternehmen, typing")
    field.press("Backspace")
    tab.page.keyboard.press("Escape")
    return problems


def _choices_show_no_english(tab: Workshop) -> list[str]:
    choice = tab.page.locator('[data-testid="stMain"] [data-testid="stMultiSelect"] input').first
    if choice.count() == 0:
        return []
    choice.click()
    choice.press_sequentially("a")
    tab.page.locator('[role="listbox"], [role="option"]').first.wait_for()  # the list of choices is open
    problems = _problems(tab, "Szenarien, choosing")
    choice.press("Backspace")
    tab.page.keyboard.press("Escape")
    return problems


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)], ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_table_column_is_in_view_no_english_and_buttons_readable(
    app_url: str, browser: Chrome, size: tuple[int, int]
) -> None:
    width, height = size
    tab = browser.tab(app_url)
    tab.page.set_viewport_size({"width": width, "height": height})
    tab.start("unternehmen")
    problems: list[str] = []
    for number, title in enumerate(PAGES, start=1):
        if number > 1:
            tab.open(title)
        _drawn(tab, title)
        problems += _problems(tab, title) + _steps_below(tab, number)
        tab.shot(f"fit-{width}-{number}")
        if title == "Unternehmen" and width == 1024:
            problems += _typing_shows_no_english(tab)
        if title == "Szenarien" and width == 1024:
            problems += _choices_show_no_english(tab)
        for place, view in enumerate(VIEWS.get(title, ())[1:], start=1):  # each further view of the table's columns
            tab.page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"] button', has_text=view).first.click()
            _drawn(tab, title)
            problems += _problems(tab, f"{title} ({view})")
            tab.shot(f"fit-{width}-{number}-{place}")
    tab.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    "path, title", [("massnahmen", "Maßnahmen"), ("priorisierung", "Priorisierung"), ("umsetzung", "Umsetzung")]
)
def test_presenter_mode_at_1920_shows_every_column_in_large_readable_type(
    app_url: str, browser: Chrome, path: str, title: str
) -> None:
    tab = browser.tab(app_url)
    tab.start(path)
    tab.page.locator('[data-testid="stSidebar"]').get_by_text("Präsentationsmodus").click()
    _drawn(tab, title)
    tab.page.locator(".st-key-presenter_bar").wait_for()
    tab.wait_idle()

    problems = _problems(tab, f"{title}, presenter")
    sizes: list[dict[str, Any]] = tab.page.evaluate(TEXT_SIZES)
    tab.shot(f"fit-presenter-1920-{path}")
    tab.close()

    small = [f'{s["px"]} px: "{s["text"]}"' for s in sizes if s["px"] < PRESENTER_TEXT_PX - 0.01]
    assert problems == [] and small == [], "\n".join(problems + small)
    assert sizes, "no body text measured"

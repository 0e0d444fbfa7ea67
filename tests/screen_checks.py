"""What the back of a room would see as broken on a screen, found in the page's DOM (tests/test_browser_screens.py).

- `CUT`: a page wider than the screen, text cut off with "…" or clipped by its box, a legend entry cut,
  chart text printed over other chart text or beyond the chart's edge (charts are drawn as SVG).
- `problems(tab, where)`: a table column beyond the right edge (the table scrolls sideways, or ends
  beyond the window), an element of the main area wider than it, one of Streamlit's fixed English
  texts in the German app, button text under 4.5:1 against its background (WCAG AA, from
  getComputedStyle), and the exceptions on the page.
- `steps_below(tab, number)`: the way back and on at the page's bottom.
- `typing_shows_no_english`, `choices_show_no_english`: Streamlit's hints while a field is typed in or
  a list of choices is filtered.
- `TEXT_SIZES`: the size of body text, captions and list items (presenter mode: at least 22 px).
- `whole_page(tab, name, size)`: a screenshot of the whole page (the window as tall as the page).
"""

from __future__ import annotations

from typing import Any

from tests.browser import PAGE_TITLES, SCREENSHOTS, Workshop, charts_settled, screenshots_wanted

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
# A page wider than the screen, text cut or clipped, chart text overprinted or beyond its chart.
CUT = """() => {
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


def problems(tab: Workshop, where: str) -> list[str]:
    """Everything wrong on the screen now: layout, English texts and button contrast."""
    tab.wait_idle()
    found: list[str] = tab.page.evaluate(FINDINGS, list(ENGLISH))
    contrasts: list[dict[str, Any]] = tab.page.evaluate(CONTRASTS)
    found += [f'contrast {c["ratio"]:.2f}:1 of "{c["text"]}"' for c in contrasts if c["ratio"] < MIN_CONTRAST]
    return [f"{where}: {finding}" for finding in [*tab.exceptions(), *found]]


def drawn(tab: Workshop, title: str) -> None:
    """Wait until the page titled `title`, its charts and its tables are drawn."""
    tab.page.locator("h1", has_text=title).first.wait_for()
    tab.wait_idle()
    for chart in tab.page.locator('[data-testid="stVegaLiteChart"] svg.marks').all():
        chart.wait_for()
    for grid in tab.page.locator('[data-testid="stDataFrame"] .dvn-scroller').all():
        grid.wait_for()


def steps_below(tab: Workshop, number: int) -> list[str]:
    """The way back and on at the page's bottom: "Zurück: <previous>" and "Weiter: <next>" where there are such."""
    links = tab.page.locator('.st-key-page_steps [data-testid="stPageLink"]').all_inner_texts()
    wanted = ([f"Zurück: {PAGES[number - 2]}"] if number > 1 else []) + (
        [f"Weiter: {PAGES[number]}"] if number < len(PAGES) else []
    )
    return [f'{PAGES[number - 1]}: no link "{w}" at the bottom' for w in wanted if not any(w in x for x in links)]


def typing_shows_no_english(tab: Workshop) -> list[str]:
    """A field being typed in (Streamlit: "Press Enter to apply") and a list of choices filtered by typing
    ("Select 2 matches"): the typing is taken back before anything is applied."""
    field = tab.page.locator('[data-testid="stMain"] [data-testid="stTextInput"] input').first
    field.click()
    field.press("End")
    field.press_sequentially("x")
    found = problems(tab, "Unternehmen, typing")
    field.press("Backspace")
    tab.page.keyboard.press("Escape")
    return found


def choices_show_no_english(tab: Workshop) -> list[str]:
    """The first list of choices of the page filtered by typing ("Select 2 matches"), the typing taken back."""
    choice = tab.page.locator('[data-testid="stMain"] [data-testid="stMultiSelect"] input').first
    if choice.count() == 0:
        return []
    choice.click()
    choice.press_sequentially("a")
    tab.page.locator('[role="listbox"], [role="option"]').first.wait_for()  # the list of choices is open
    found = problems(tab, "Szenarien, choosing")
    choice.press("Backspace")
    tab.page.keyboard.press("Escape")
    return found


def whole_page(tab: Workshop, name: str, size: tuple[int, int]) -> None:
    """A screenshot of the whole page: the window as tall as the page, at the same width (when screenshots are
    wanted: ROADMAP_SCREENSHOTS)."""
    if not screenshots_wanted():
        return
    width, height = size
    tall = tab.page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    tab.page.set_viewport_size({"width": width, "height": max(height, min(int(tall), 8000))})
    charts_settled(tab)  # the charts follow the new height (Vega resizes a frame or two later)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    tab.page.set_viewport_size({"width": width, "height": height})

"""A rerun sent while the page's widgets are still skeletons must not wipe the stored workshop.

Streamlit loads a widget's code on first use and shows a skeleton until then; a rerun asked for in
that moment (here: the language switch, clicked right after the page opened) carries none of those
widgets' values. The widgets then mount later, and the next edit on the page sends all of their
values: an untouched field must still send the stored value, never its empty default
(ui/widgets.py: `bind` gives a widget the browser did not report its value again).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetStates

from roadmap.store.workshops import Store
from roadmap.workshop.demo import demo_workshop as demo_on
from tests.browser import AppServer, chrome, chromium_or_skip
from tests.pages import held, open_page, own

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = "app_pages/01_unternehmen.py"
TODAY = date.today()  # the server's day, read once: its demo is made on it

# The code of the page's inputs, which the test holds back until the language switch has run, so the
# switch always comes while they are skeletons (on a fast machine they may load before the click).
INPUT_CODE = re.compile(r"/static/js/(TextInput|NumberInput|Selectbox)\.[^/]*\.js$")
# The run the tab asked for last has finished (tests/browser.py RUN_WATCH), skeletons or not.
RUN_DONE = "() => !!window.__roadmapRuns && window.__roadmapRuns.finished > window.__roadmapRuns.asked"


def test_switching_the_language_before_the_widgets_load_keeps_the_profile(tmp_path: Path) -> None:
    chromium_or_skip()
    url = f"sqlite:///{tmp_path / 'early.sqlite'}"
    server = AppServer({"DATABASE_URL": url}, today=TODAY).start()
    try:
        with chrome() as browser:
            tab = browser.tab(server.url)
            held: list[Any] = []
            tab.page.route(INPUT_CODE, lambda route: held.append(route))
            tab.page.goto(server.url)
            tab.page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
            tab.page.locator("h1", has_text="Company").wait_for()
            tab.page.wait_for_function(RUN_DONE)
            assert tab.page.locator('[data-testid="stSkeleton"]').count() > 0  # the inputs are still skeletons
            for route in held:
                route.continue_()
            tab.page.unroute(INPUT_CODE)
            tab.wait_idle()
            revenue = tab.page.get_by_role("spinbutton", name="Annual revenue (€)")
            revenue.fill("7000000")
            revenue.press("Enter")
            tab.page.get_by_text("= €7,000,000").wait_for()
            tab.wait_idle()

            assert tab.exceptions() == []
    finally:
        server.stop()

    store = Store.open(url)
    [info] = store.workshops()
    profile = store.load(info.id)[0].profile
    demo = demo_on(TODAY).profile  # the server's demo, made on the day it was given
    assert profile.revenue == 7_000_000
    assert (profile.name, profile.employees, profile.budget_share) == (demo.name, demo.employees, demo.budget_share)
    assert (profile.industry, profile.funding_rate, profile.capacity, profile.baseline_it) == (
        demo.industry,
        demo.funding_rate,
        demo.capacity,
        demo.baseline_it,
    )
    assert profile.phase_names == demo.phase_names
    assert (profile.horizon_start, profile.horizon_end) == (demo.horizon_start, demo.horizon_end)


def _as_the_browser_mounts_it(widget: Any) -> None:
    """The value a widget drawn only now starts with in the browser: the one sent with it if the
    server asked for it (`set_value`), else its element's default (0, "")."""
    proto = widget.proto
    if not proto.set_value:
        widget.set_value(int(proto.default) if isinstance(widget.value, int) else proto.default)


def test_a_rerun_without_the_pages_widget_states_gives_them_their_values_again() -> None:
    app = open_page(PAGE)
    before = held(app).workshop.profile

    app._run(WidgetStates())  # the browser's rerun while every input of the page is a skeleton
    for widget in [*own(app.text_input), *own(app.number_input)]:
        _as_the_browser_mounts_it(widget)
    app.number_input(key="unternehmen_revenue").set_value(7_000_000).run()

    assert not app.exception
    profile = held(app).workshop.profile
    assert profile.revenue == 7_000_000
    assert profile == before.with_changes(revenue=7_000_000)

"""End to end in headless Chromium at 1920×1080: the workshop as a user walks it.

Every German page of the demo workshop is walked at three screen sizes in tests/test_browser_screens.py;
here the workshop is run as a user runs it, from an Excel list to the workbook, in German and in English
(switched to on the first page; the English walk then opens every page it has not been to).

Screenshots of every step are kept in test-output/screenshots/ with ROADMAP_SCREENSHOTS=1 (tests/browser.py). Every step
waits for what it needs: the run it started (`wait_idle`) and the new state it expects (`expect`),
never a fixed time, and never a text that was on the screen before the step already.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.browser import Workshop, browser_tab, chromium_or_skip, expect, served_app
from tests.helpers import REPO

pytestmark = pytest.mark.browser

# The pages the English walk has not yet been to when the workbook is downloaded.
REST_EN = ("Maturity check", "Scenarios", "Progress", "Workshops & snapshots")
# The day of this module's server, read once: the demo's horizon runs from its month to December of
# the next year, and that year is a whole one.
TODAY = date.today()
NEXT_YEAR = TODAY.year + 1


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """The app served by `streamlit run` for the tests of this module."""
    chromium_or_skip()
    with served_app(today=TODAY) as url:
        yield url


def test_presenter_mode_hides_the_sidebar_and_the_inputs_until_it_is_left(app_url: str) -> None:
    with browser_tab(app_url) as tab:
        tab.start()
        tab.open("Roadmap")

        tab.page.locator('[data-testid="stSidebar"]').get_by_text("Präsentationsmodus").click()
        tab.wait_idle()
        tab.shot("presenter-roadmap")

        expect(tab.page.locator('[data-testid="stSidebar"]')).to_be_hidden()
        expect(
            tab.page.locator('[data-testid="stNumberInput"], [data-testid="stDataFrameGlideDataEditor"]')
        ).to_have_count(0)
        tab.page.get_by_role("button", name="Präsentationsmodus beenden").click()
        tab.wait_idle()
        expect(tab.page.locator('[data-testid="stSidebar"]')).to_be_visible()


def _metric(tab: Workshop, label: str) -> Any:
    """The value of the metric labelled exactly `label` (a locator: `expect` waits for its new value)."""
    labelled = tab.page.locator('[data-testid="stMetricLabel"]').get_by_text(label, exact=True)
    box = tab.page.locator('[data-testid="stMetric"]').filter(has=labelled).first
    return box.locator('[data-testid="stMetricValue"]')


WALK = {
    "de": {
        "revenue": "Jahresumsatz (€)",
        "import": "Import / Export",
        "how": "Wie übernehmen?",
        "replace": "Ersetzen (die bisherige Liste fällt weg)",
        "take": "Übernehmen",
        "measures": "Maßnahmen",
        "catalogue": "Aus dem Katalog hinzufügen",
        "add": "Hinzufügen",
        "ranking": "Priorisierung",
        "voting": "Punkte vergeben",
        "dot": "Punkt dazu",
        "planned": "Eingeplant",
        "of": "von 13",
        "given": "Vergeben",
        "per_year": "Budget pro Jahr",
        "budget": f"Budget {NEXT_YEAR}",
        "euros": "225.000\u00a0€",
        "download": "Roadmap-Arbeitsmappe herunterladen (Excel)",
        "sheets": ["Roadmap", "Gantt", "Budget", "Priorisierung", "Profil", "Maßnahmen", "Fortschritt"],
    },
    "en": {
        "revenue": "Annual revenue (€)",
        "import": "Import / export",
        "how": "How to take it over?",
        "replace": "Replace (the current list goes)",
        "take": "Take over",
        "measures": "Measures",
        "catalogue": "Add from the catalogue",
        "add": "Add",
        "ranking": "Prioritisation",
        "voting": "Dot voting",
        "dot": "Add dot",
        "planned": "Planned",
        "of": "of 13",
        "given": "Given",
        "per_year": "Budget per year",
        "budget": f"Budget {NEXT_YEAR}",
        "euros": "€225,000",
        "download": "Download the roadmap workbook (Excel)",
        "sheets": ["Roadmap", "Gantt", "Budget", "Prioritisation", "Profile", "Measures", "Progress"],
    },
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_whole_workshop_from_an_excel_list_to_the_workbook(tmp_path: Path, lang: str) -> None:
    words = WALK[lang]
    chromium_or_skip()
    store = {"DATABASE_URL": f"sqlite:///{tmp_path / 'walk.sqlite'}"}
    with served_app(store, today=TODAY) as url, browser_tab(url) as tab:
        tab.start()
        if lang == "en":
            tab.page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
            tab.wait_idle()
            expect(tab.page.locator("h1", has_text="Company")).to_be_visible()
        tab.enter(words["revenue"], "7500000")
        expect(_metric(tab, words["per_year"])).to_have_text(words["euros"])  # the demo's 6.8 million made less
        tab.shot(f"walk-{lang}-1-company")

        tab.open(words["import"])
        tab.page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
            str(REPO / "data" / "beispiel_massnahmen.xlsx")
        )
        expect(tab.page.get_by_text(words["how"])).to_be_visible()  # the upload's run comes after the file
        tab.wait_idle()
        tab.page.get_by_text(words["replace"]).click()
        tab.wait_idle()
        expect(tab.page.get_by_role("radio", name=words["replace"])).to_be_checked()
        tab.shot(f"walk-{lang}-2-import-preview")
        tab.page.get_by_role("button", name=words["take"], exact=True).click()
        tab.wait_idle()
        assert tab.exceptions() == []

        tab.open(words["measures"])
        expect(_metric(tab, words["measures"])).to_have_text("12")
        tab.page.get_by_text(words["catalogue"]).click()
        tab.wait_idle()
        tab.page.get_by_role("button", name=words["add"], exact=True).first.click()
        tab.wait_idle()
        expect(_metric(tab, words["measures"])).to_have_text("13")
        tab.shot(f"walk-{lang}-3-measures")

        tab.open(words["ranking"])
        tab.page.get_by_text(words["voting"], exact=True).click()
        tab.wait_idle()
        given = _metric(tab, words["given"])
        before = given.inner_text()
        tab.page.get_by_role("button", name=words["dot"]).first.click()
        tab.wait_idle()
        expect(given).not_to_have_text(before)
        tab.shot(f"walk-{lang}-4-prioritisation")
        assert tab.exceptions() == []

        tab.open("Roadmap")
        planned = _metric(tab, words["planned"])
        expect(planned).to_have_text(re.compile(rf"^\d+ {words['of']}$"))
        tab.shot(f"walk-{lang}-5-roadmap")
        assert int(planned.inner_text().split()[0]) >= 6

        tab.open("Budget")
        expect(_metric(tab, words["budget"])).to_have_text(words["euros"])  # 3 % of 7.5 million
        tab.shot(f"walk-{lang}-6-budget")

        tab.open(words["import"])
        with tab.page.expect_download() as download:
            tab.page.get_by_role("button", name=words["download"]).click()
        target = tmp_path / download.value.suggested_filename
        download.value.save_as(target)
        tab.shot(f"walk-{lang}-7-export")
        if lang == "en":  # the language switch holds on every page (German on every page: test_browser_screens.py)
            for number, title in enumerate(REST_EN, start=8):
                tab.open(title)
                tab.shot(f"walk-en-{number}-{title.split()[0].lower()}")
                assert tab.exceptions() == [], title

    workbook = openpyxl.load_workbook(target)
    assert target.suffix == ".xlsx"
    assert workbook.sheetnames == words["sheets"]
    assert workbook["Roadmap"].max_row == 14

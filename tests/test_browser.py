"""End to end in headless Chromium at 1920×1080: the workshop as a user walks it.

Screenshots of every step are kept in test-output/screenshots/ (see tests/browser.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from tests.browser import Workshop, browser_tab, chromium_or_skip, served_app
from tests.conftest import REPO

pytestmark = pytest.mark.browser

PAGES_DE = ("Unternehmen", "Bestandsaufnahme", "Maßnahmen", "Priorisierung", "Roadmap", "Budget", "Import / Export")
PAGES_EN = ("Company", "Maturity check", "Measures", "Prioritisation", "Roadmap", "Budget", "Import / export")


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """The app served by `streamlit run` for the tests of this module."""
    chromium_or_skip()
    with served_app() as url:
        yield url


def test_every_page_of_the_demo_workshop_draws_without_an_error_in_german(app_url: str) -> None:
    with browser_tab(app_url) as tab:
        tab.start()
        for number, title in enumerate(PAGES_DE, start=1):
            tab.open(title)
            tab.shot(f"de-{number}-{title.split()[0].lower()}")

            assert tab.exceptions() == [], title
            assert tab.page.locator("h1", has_text=title).count() >= 1


def test_the_language_switch_turns_every_page_english(app_url: str) -> None:
    with browser_tab(app_url, locale="en-GB") as tab:
        tab.start()
        tab.page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
        tab.page.locator("h1", has_text="Company").wait_for()
        for number, title in enumerate(PAGES_EN, start=1):
            tab.open(title)
            tab.shot(f"en-{number}-{title.split()[0].lower()}")

            assert tab.exceptions() == [], title


def test_presenter_mode_hides_the_sidebar_and_the_inputs_until_it_is_left(app_url: str) -> None:
    with browser_tab(app_url) as tab:
        tab.start()
        tab.open("Roadmap")

        tab.page.locator('[data-testid="stSidebar"]').get_by_text("Präsentationsmodus").click()
        tab.wait_idle()
        tab.shot("presenter-roadmap")

        assert not tab.page.locator('[data-testid="stSidebar"]').is_visible()
        assert (
            tab.page.locator('[data-testid="stNumberInput"], [data-testid="stDataFrameGlideDataEditor"]').count() == 0
        )
        tab.page.get_by_role("button", name="Präsentationsmodus beenden").click()
        tab.wait_idle()
        assert tab.page.locator('[data-testid="stSidebar"]').is_visible()


def _metric(tab: Workshop, label: str) -> str:
    box = tab.page.locator('[data-testid="stMetric"]', has_text=label).first
    return box.locator('[data-testid="stMetricValue"]').inner_text()


def test_the_whole_workshop_from_an_excel_list_to_the_workbook(tmp_path: Path) -> None:
    chromium_or_skip()
    with served_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'walk.sqlite'}"}) as url, browser_tab(url) as tab:
        tab.start()
        revenue = tab.page.get_by_label("Jahresumsatz (€)", exact=True)
        revenue.fill("7500000")
        revenue.press("Enter")
        tab.wait_idle()
        tab.shot("walk-1-unternehmen")

        tab.open("Import / Export")
        tab.page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
            str(REPO / "data" / "beispiel_massnahmen.xlsx")
        )
        tab.page.get_by_text("Wie übernehmen?").wait_for()
        tab.wait_idle()
        tab.page.get_by_text("Ersetzen (die bisherige Liste fällt weg)").click()
        tab.wait_idle()
        tab.shot("walk-2-import-preview")
        tab.page.get_by_role("button", name="Übernehmen").click()
        tab.wait_idle()
        assert tab.exceptions() == []

        tab.open("Maßnahmen")
        tab.shot("walk-3-massnahmen")
        assert _metric(tab, "Maßnahmen") == "12"

        tab.open("Priorisierung")
        tab.page.get_by_text("Punkte vergeben", exact=True).click()
        tab.wait_idle()
        tab.page.get_by_role("button", name="Punkt dazu").first.click()
        tab.wait_idle()
        tab.shot("walk-4-priorisierung")
        assert tab.exceptions() == []

        tab.open("Roadmap")
        tab.shot("walk-5-roadmap")
        planned = _metric(tab, "Eingeplant")
        assert planned.endswith("von 12") and int(planned.split()[0]) >= 6

        tab.open("Budget")
        tab.shot("walk-6-budget")
        assert _metric(tab, "Budget 2026") == "225.000\u00a0€"  # 3 % of 7.5 million

        tab.open("Import / Export")
        with tab.page.expect_download() as download:
            tab.page.get_by_role("button", name="Roadmap-Arbeitsmappe herunterladen (Excel)").click()
        target = tmp_path / download.value.suggested_filename
        download.value.save_as(target)
        tab.shot("walk-7-export")

    workbook = openpyxl.load_workbook(target)
    assert target.suffix == ".xlsx"
    assert workbook.sheetnames == ["Roadmap", "Gantt", "Budget", "Priorisierung", "Profil", "Maßnahmen"]
    assert workbook["Roadmap"].max_row == 13

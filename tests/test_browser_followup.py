"""End to end in headless Chromium, on the day the module read: a follow-up meeting after the workshop.

Keep the plan as the baseline, mark two measures done and one late, see the Gantt chart's ghost bars
and the slip list, re-plan from today, download the workbook and read its Fortschritt sheet.
Screenshots go to test-output/screenshots/ (tests/browser.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from roadmap.domain import formats
from roadmap.domain.month import Month
from tests.browser import Workshop, browser_tab, chromium_or_skip, expect, served_app

pytestmark = pytest.mark.browser

DONE = ("Datensicherung nach 3-2-1-Regel (M04)", "Digitale Champions benennen (M17)")
LATE = "Prozessinventur Auftragsabwicklung (M08)"
TODAY = date.today()  # read once: the server runs on it and the expected months follow from it
# Two animation frames: a scroll asked for in this one has sent its scroll event by then.
SCROLLED = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a store of its own, so its first start opens the demo workshop dated today."""
    chromium_or_skip()
    store = tmp_path_factory.mktemp("followup") / "app.sqlite"
    with served_app({"DATABASE_URL": f"sqlite:///{store}"}, today=TODAY) as url:
        yield url


def _metric(tab: Workshop, label: str) -> object:
    labelled = tab.page.locator('[data-testid="stMetricLabel"]').get_by_text(label, exact=True)
    return (
        tab.page.locator('[data-testid="stMetric"]').filter(has=labelled).first.locator('[data-testid="stMetricValue"]')
    )


def _choose(tab: Workshop, label: str, option: str) -> None:
    """Pick an option of the selectbox labelled `label` inside the quick-entry form, opening its list once
    and typing the option, as a person does in a long list. A click on an option the list had to scroll to
    first was sometimes taken as a hover: the list stayed open and hid the form's button from Playwright.

    The box is scrolled into view before the click, as a user scrolls before clicking: Playwright
    scrolls and presses in one go, and the page's scroll event, arriving just after the press, closes
    the list that has just opened (no rerun is involved: none is asked for or sent).
    """
    form = tab.page.locator('[data-testid="stForm"]')
    field = form.locator('[data-testid="stSelectbox"]').filter(has_text=label).first.locator("input")
    tab.wait_idle()
    field.scroll_into_view_if_needed()
    tab.page.evaluate(SCROLLED)
    field.click()
    field.fill(option)  # typed, the list holds only this option: no scrolling inside the list before the click
    tab.page.get_by_role("option", name=option, exact=True).click()
    expect(tab.page.get_by_role("listbox")).to_have_count(0)  # the list closed on the choice
    expect(field).to_have_value(option)


def _quick(tab: Workshop, measure: str, status: str, started: str | None = None) -> None:
    _choose(tab, "Maßnahme", measure)
    _choose(tab, "Status", status)
    if started is not None:
        _choose(tab, "Begonnen im", started)
    tab.wait_idle()
    apply = tab.page.locator('[data-testid="stForm"]').get_by_role("button", name="Übernehmen")
    try:
        apply.click()
    except Exception as error:  # seen twice in full runs, never alone: keep what the page showed
        tab.failure_shot("followup-quick-apply-missing")
        shown = tab.page.locator('[data-testid="stMain"]').inner_text()[:2000]
        raise AssertionError(f"no quick-entry button after choosing {measure} / {status}; the page: {shown}") from error
    tab.wait_idle()


def test_a_follow_up_meeting_records_progress_sees_the_slip_re_plans_and_exports_it(
    app_url: str, tmp_path: Path
) -> None:
    now = Month.of(TODAY)
    with browser_tab(app_url) as tab:
        tab.start()
        tab.open("Umsetzung")
        tab.page.get_by_role("button", name="Jetzt als Basisplan festhalten").click()
        tab.wait_idle()
        expect(tab.page.get_by_text("Alles wie im Basisplan.")).to_be_visible()
        expect(_metric(tab, "Fertig")).to_have_text("1")  # the demo's strategy, done four months ago

        for title in DONE:
            _quick(tab, title, "Abgeschlossen")
        _quick(tab, LATE, "In Umsetzung", formats.month(now + -6))  # two months' work begun half a year ago

        expect(_metric(tab, "Fertig")).to_have_text("3")
        # Late means ending after the baseline (docs/planning.md): stretched to this month, it ends a month early.
        expect(_metric(tab, "Verspätet")).to_have_text("0")
        expect(_metric(tab, "Läuft")).not_to_have_text("0")
        expect(tab.page.get_by_text("Verzug gegenüber dem Basisplan")).to_be_visible()
        slip = tab.page.get_by_text("Prozessinventur Auftragsabwicklung: -1 Monat(e)")
        expect(slip).to_be_visible()  # stretched to this month, one month before the baseline's end
        tab.shot("followup-1-progress")
        assert tab.exceptions() == []

        tab.open("Roadmap")
        expect(tab.page.get_by_text("Basisplan zeigen")).to_be_visible()
        chart = tab.page.locator('[data-testid="stVegaLiteChart"]').first
        expect(chart.locator("canvas, svg").first).to_be_visible()
        tab.shot("followup-2-ghost-bars")
        assert tab.exceptions() == []

        tab.open("Umsetzung")
        tab.page.get_by_role("button", name=f"Neu planen ab {formats.month(now)}").click()
        tab.wait_idle()
        expect(tab.page.get_by_text(f"Neu geplant ab {formats.month(now)}")).to_be_visible()
        tab.shot("followup-3-replanned")

        tab.open("Import / Export")
        with tab.page.expect_download() as download:
            tab.page.get_by_role("button", name="Roadmap-Arbeitsmappe herunterladen (Excel)").click()
        target = tmp_path / download.value.suggested_filename
        download.value.save_as(target)

    sheet = openpyxl.load_workbook(target)["Fortschritt"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    header, by_id = rows[0], {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert header[:4] == ["ID", "Maßnahme", "Status", "Stand"]
    assert by_id["M04"]["Stand"] == "fertig" and by_id["M17"]["Stand"] == "fertig"
    assert by_id["M08"]["Stand"] == "läuft" and by_id["M08"]["Verzug (Monate)"] == -1
    assert by_id["M08"]["Tatsächlicher Beginn"].date() == (now + -6).first_day
    assert by_id["M04"]["Ende im Basisplan"] is not None and by_id["M04"]["Fortschritt (%)"] == 100

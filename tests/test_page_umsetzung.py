"""The Umsetzung page: progress per measure saved at once, the summary, the baseline and slip, re-planning.
The app's today is the tests' fixed day, 1 December 2026 (tests/conftest.py)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.vocabulary import DONE
from tests.pages import WORKSHOPS, edit_table, held, open_page, own
from ui.session import demo_workshop, store

PAGE = "app_pages/09_umsetzung.py"


def _metrics(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def _measure(app: AppTest, measure_id: str) -> Measure:
    return held(app).workshop.by_id()[measure_id]


def _row(app: AppTest, measure_id: str) -> int:
    shown = [m.id for m in held(app).workshop.measures if not m.excluded]
    return shown.index(measure_id)


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", list(WORKSHOPS))
def test_the_page_draws_for_every_workshop(name: str, lang: str) -> None:
    app = open_page(PAGE, WORKSHOPS[name](), lang)

    assert not app.exception
    if name == "empty":
        assert app.info and not app.metric
        return
    assert app.data_editor


def test_the_summary_counts_each_status_and_the_money_spent() -> None:
    app = open_page(PAGE)

    shown = _metrics(app)

    counts = tuple(shown[label] for label in ("Geplant", "Läuft", "Verspätet", "Fertig", "Nicht eingeplant"))
    assert counts == ("17", "1", "0", "1", "1")  # the server migration does not fit its pinned August
    assert shown["Ausgegeben bisher"] == "12.400\xa0€"  # 5,400 € for the strategy, 7,000 € for Microsoft 365
    assert shown["KPIs am Ziel"] == "0 / 1"
    words = "geplant: **17** · läuft: **1** · verspätet: **0** · fertig: **1** · nicht eingeplant: **1**"
    assert words in [m.value for m in app.markdown]


def test_marking_a_measure_done_without_a_cost_counts_its_planned_cost_as_spent() -> None:
    app = open_page(PAGE)

    edit_table(app, {_row(app, "M04"): {"status": "Abgeschlossen"}})

    assert _measure(app, "M04").actual_cost == 4_500
    assert _metrics(app)["Ausgegeben bisher"] == "16.900\xa0€"  # 12,400 € and the backup's planned 4,500 €


def test_marking_a_measure_done_saves_its_dates_at_once_and_counts_it() -> None:
    app = open_page(PAGE)

    edit_table(app, {_row(app, "M04"): {"status": "Abgeschlossen", "actual_cost": 5_000}})

    measure = _measure(app, "M04")
    assert (measure.status, measure.actual_start, measure.actual_end) == (DONE, Month(2026, 12), Month(2026, 12))
    assert (measure.percent_done, measure.actual_cost) == (100, 5_000)
    assert _metrics(app)["Fertig"] == "2"
    stored, _ = store().load(held(app).ident)
    assert stored.by_id()["M04"].status == DONE


def test_a_kpi_value_and_its_day_are_saved_and_a_reached_target_counted() -> None:
    app = open_page(PAGE)

    edit_table(app, {_row(app, "M02"): {"kpi_current": "45", "kpi_measured_on": "2026-11-30"}})

    kpi = _measure(app, "M02").kpi
    assert (kpi.current, str(kpi.measured_on)) == ("45", "2026-11-30")
    assert _metrics(app)["KPIs am Ziel"] == "1 / 1"


def test_a_value_that_cannot_be_taken_is_named_and_nothing_else_is_lost() -> None:
    app = open_page(PAGE)

    edit_table(app, {_row(app, "M04"): {"percent_done": 130}, _row(app, "M05"): {"percent_done": 50}})

    assert _measure(app, "M04").percent_done == 0 and _measure(app, "M05").percent_done == 50
    assert "Datensicherung" in app.warning[0].value and "130" in app.warning[0].value


def test_a_problem_naming_a_title_with_markdown_characters_shows_the_title_as_typed() -> None:
    demo = demo_workshop()
    titled = tuple(m.with_changes(title="Backup *neu*") if m.id == "M04" else m for m in demo.measures)
    app = open_page(PAGE, demo.with_changes(measures=titled))

    edit_table(app, {_row(app, "M04"): {"percent_done": 130}})

    assert "„Backup \\*neu\\*“" in app.warning[0].value  # escaped once: shown as typed, no backslashes


def test_a_late_measure_is_counted_and_slip_is_listed_against_a_baseline_kept_with_one_click() -> None:
    app = open_page(PAGE)
    edit_table(app, {_row(app, "M08"): {"status": "In Umsetzung", "actual_start": "2026-08-01"}})

    assert _metrics(app)["Verspätet"] == "1"  # two months from August: due in September

    app.button(key=next(b.key for b in app.button if b.key.startswith("umsetzung_take_baseline"))).click().run()

    assert held(app).workshop.baseline  # the new snapshot is the baseline
    assert "Alles wie im Basisplan." in [s.value for s in app.success]

    edit_table(app, {_row(app, "M02"): {"actual_start": "2026-11-01"}})  # a month later than recorded

    texts = [line for m in app.markdown for line in m.value.splitlines()]
    assert "- Microsoft 365 für alle Arbeitsplätze: **+1 Monat(e)**" in texts
    assert "- Zwei-Faktor-Authentifizierung: **+1 Monat(e)**" in texts  # it waits for Microsoft 365


def test_re_planning_keeps_the_facts_and_says_how_much_moved() -> None:
    app = open_page(PAGE)
    edit_table(app, {_row(app, "M04"): {"status": "Abgeschlossen"}})

    app.button(key=next(b.key for b in app.button if b.key.startswith("umsetzung_replan"))).click().run()

    assert not app.exception
    assert any("Neu geplant ab Dezember 2026" in toast.value for toast in app.toast)
    assert _measure(app, "M02").actual_start == Month(2026, 10)
    assert held(app).workshop.profile.as_of is None


def test_presenter_mode_shows_the_figures_and_no_editing_widgets() -> None:
    app = open_page(PAGE, presenter=True)

    assert not app.exception
    assert app.metric and not app.data_editor and not own(app.button) and not app.selectbox


def test_the_quick_entry_marks_a_measure_under_way_since_a_month_and_it_counts_as_late() -> None:
    app = open_page(PAGE)
    form = next(s for s in app.selectbox if s.label == "Maßnahme")
    form.set_value("M08")
    next(s for s in app.selectbox if s.label == "Status").set_value("In Umsetzung")
    next(s for s in app.selectbox if s.label == "Begonnen im").set_value(Month(2026, 6))
    next(b for b in app.button if b.label == "Übernehmen").click().run()

    measure = _measure(app, "M08")
    assert (measure.status, measure.actual_start) == ("In Umsetzung", Month(2026, 6))
    assert _metrics(app)["Verspätet"] == "1"


def test_re_planning_counts_as_moved_exactly_the_measures_listed_with_a_slip_against_the_baseline() -> None:
    app = open_page(PAGE)
    app.button(key=next(b.key for b in app.button if b.key.startswith("umsetzung_take_baseline"))).click().run()
    edit_table(app, {_row(app, "M02"): {"actual_start": "2026-11-01"}})  # a month later than recorded
    lines = [line for m in app.markdown for line in m.value.splitlines()]
    listed = [line for line in lines if line.startswith("- ") and "Monat(e)" in line]

    app.button(key=next(b.key for b in app.button if b.key.startswith("umsetzung_replan"))).click().run()

    assert len(listed) >= 2
    expected = f"Neu geplant ab Dezember 2026: {len(listed)} Maßnahme(n) gegenüber dem Basisplan verschoben"
    assert any(expected in toast.value for toast in app.toast)


def test_a_snapshot_kept_in_another_window_is_offered_as_baseline_at_the_next_click() -> None:
    app = open_page(PAGE)
    choices = next(s for s in app.selectbox if s.key.startswith("umsetzung_baseline"))
    before = list(choices.options)

    store().take_snapshot(held(app).ident, "Stand aus dem anderen Fenster")
    app.run()

    after = list(next(s for s in app.selectbox if s.key.startswith("umsetzung_baseline")).options)
    assert "Stand aus dem anderen Fenster" not in " ".join(before)
    assert any("Stand aus dem anderen Fenster" in option for option in after)

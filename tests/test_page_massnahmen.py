"""The Maßnahmen page: the measure table edited and saved at once, the catalogue, presenter mode."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from roadmap.domain.measure import Measure
from roadmap.domain.workshop import Workshop
from roadmap.views import measure_columns
from tests.pages import WORKSHOPS, edit_table, held, open_page, own

PAGE = "app_pages/03_massnahmen.py"


def _measures(app: AppTest) -> tuple[Measure, ...]:
    return held(app).workshop.measures


def _view(app: AppTest, view: str) -> AppTest:
    """Switch the table to one view of its columns, as a click on the control above it does."""
    app.button_group(key="massnahmen_view").set_value(view).run()
    return app


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", list(WORKSHOPS))
def test_the_page_shows_the_measures_and_what_they_cost_for_every_workshop(name: str, lang: str) -> None:
    workshop = WORKSHOPS[name]()

    app = open_page(PAGE, workshop, lang)

    assert not app.exception
    assert app.title[0].value == ("Maßnahmen" if lang == "de" else "Measures")
    expected = {
        "demo": (("21", "191.600\xa0€", "59.400\xa0€"), ("21", "€191,600", "€59,400")),
        "large": (("500", "4.455.000\xa0€", "996.600\xa0€"), ("500", "€4,455,000", "€996,600")),
    }
    if name == "empty":
        assert not app.metric
        assert "noch keine Maßnahmen" in app.info[0].value or "no measures yet" in app.info[0].value
        assert app.text_input(key="massnahmen_catalogue_search")  # the catalogue is shown at once
        assert len(app.data_editor) == 1 and app.data_editor[0].value.empty
    else:
        assert tuple(m.value for m in app.metric) == expected[name][0 if lang == "de" else 1]
        assert len(app.data_editor[0].value) == len(workshop.measures)


def test_the_table_shows_fields_and_dependencies_by_name_in_english() -> None:
    app = open_page(PAGE, lang="en")

    table = app.data_editor[0].value

    assert table.loc[0, "field"] == "Strategy & culture"
    assert list(table.loc[2, "depends_on"]) == ["Microsoft 365 für alle Arbeitsplätze"]


def test_an_edited_cost_is_saved_at_once_and_the_total_follows() -> None:
    app = open_page(PAGE)
    before = held(app).revision

    edit_table(app, edited={2: {"one_time_cost": 2000}})

    assert _measures(app)[2].one_time_cost == 2000
    assert app.metric[1].value == "192.400\xa0€"
    assert held(app).revision == before + 1


def test_an_invalid_value_is_listed_below_the_table_and_the_old_value_stays() -> None:
    app = open_page(PAGE)

    edit_table(app, edited={2: {"value": 9, "owner": "Herr Kaya"}})

    assert (_measures(app)[2].value, _measures(app)[2].owner) == (5, "Herr Kaya")
    assert "„Zwei-Faktor-Authentifizierung“, Spalte Nutzen (1–5)" in app.warning[0].value
    assert app.data_editor[0].value.loc[2, "value"] == 5  # the table shows the saved state again


def test_a_rejected_change_alone_changes_nothing_but_is_still_explained() -> None:
    app = open_page(PAGE, lang="en")
    before = held(app).revision

    edit_table(app, edited={0: {"title": ""}})

    assert held(app).revision == before
    assert "the title must not be empty" in app.warning[0].value


def test_a_new_row_becomes_a_measure_with_a_fresh_id() -> None:
    app = open_page(PAGE)

    edit_table(app, added=[{"title": "Intranet", "field": "Strategie & Kultur", "depends_on": ["CRM-System Vertrieb"]}])

    intranet = _measures(app)[-1]
    assert (intranet.id, intranet.field, intranet.depends_on) == ("M22", "Strategie & Kultur", ("M15",))
    assert app.metric[0].value == "22"


def test_deleting_a_row_removes_the_measure_and_says_which_dependencies_went() -> None:
    app = open_page(PAGE)

    edit_table(app, deleted=[1])

    assert "M02" not in {m.id for m in _measures(app)}
    assert all("M02" not in m.depends_on for m in _measures(app))
    notes = " ".join(i.value for i in app.info)
    assert "Gelöscht: „Microsoft 365 für alle Arbeitsplätze“" in notes
    assert "„Zwei-Faktor-Authentifizierung“ hing von „Microsoft 365 für alle Arbeitsplätze“ ab" in notes


def test_a_catalogue_measure_is_added_with_one_click_and_then_marked_as_present() -> None:
    app = open_page(PAGE, Workshop())

    app.button(key="massnahmen_add_K-STRAT").click().run()
    app.session_state["massnahmen_catalogue_open"] = True  # with measures, the catalogue sits in an expander
    app.run()
    app.button(key="massnahmen_add_K-PILOT").click().run()

    assert [(m.id, m.depends_on) for m in _measures(app)] == [("K-STRAT", ()), ("K-PILOT", ("K-STRAT",))]
    keys = {b.key for b in own(app.button)}
    assert "massnahmen_add_K-STRAT" not in keys and "massnahmen_add_K-CRM" in keys
    assert any("in der Liste" in m.value for m in app.markdown)


def test_the_catalogue_of_a_full_workshop_is_drawn_only_when_opened() -> None:
    app = open_page(PAGE)
    assert not any((b.key or "").startswith("massnahmen_add_") for b in own(app.button))

    app.session_state["massnahmen_catalogue_open"] = True
    app.run()

    assert app.button(key="massnahmen_add_K-MA")
    # 'CRM-System' is not offered: the demo has 'CRM-System Vertrieb'.
    assert "massnahmen_add_K-CRM" not in {b.key for b in own(app.button)}


def test_a_missing_prerequisite_of_a_catalogue_measure_is_explained() -> None:
    app = open_page(PAGE, Workshop(), lang="en")

    app.button(key="massnahmen_add_K-CRM").click().run()

    assert _measures(app)[0].depends_on == ()
    assert "usually needs “Collaboration platform" in app.info[-1].value


def test_the_catalogue_search_narrows_the_list_and_offers_to_add_all_found() -> None:
    app = open_page(PAGE, Workshop())

    app.text_input(key="massnahmen_catalogue_search").input("Schulung").run()
    app.button(key="massnahmen_add_found").click().run()

    titles = {m.title for m in _measures(app)}
    assert "Security-Awareness-Schulung" in titles and "Schulungsprogramm digitale Kompetenzen" in titles
    assert "CRM-System" not in titles


def test_presenter_mode_shows_a_read_only_table_and_no_editing_controls() -> None:
    app = open_page(PAGE, presenter=True)

    assert not app.exception
    assert not app.data_editor and not own(app.button) and not app.text_input
    assert len(app.dataframe) == 1 and len(app.dataframe[0].value) == 21
    assert app.metric[0].value == "21"


def test_presenter_mode_switches_between_the_same_views_of_the_columns() -> None:
    app = open_page(PAGE, presenter=True)
    assert list(app.dataframe[0].proto.column_order) == list(measure_columns.view_columns("assessment"))

    _view(app, "cost")

    assert list(app.dataframe[0].proto.column_order) == list(measure_columns.view_columns("cost"))
    assert not app.data_editor


# --- the views of the table's columns -----------------------------------------------------------


@pytest.mark.parametrize("view", list(measure_columns.VIEWS))
def test_each_view_shows_its_columns_of_every_measure_and_starts_with_id_and_title(view: str) -> None:
    app = open_page(PAGE)

    _view(app, view)

    editor = app.data_editor[0]
    assert list(editor.proto.column_order) == list(measure_columns.view_columns(view))
    assert list(editor.proto.column_order)[:2] == ["id", "title"]
    assert len(editor.value) == 21


def test_the_table_opens_on_the_assessment_with_the_assessed_tick() -> None:
    app = open_page(PAGE)

    assert app.button_group(key="massnahmen_view").value == "assessment"
    assert "assessed" in app.data_editor[0].proto.column_order


@pytest.mark.parametrize(
    ("view", "cells", "expected"),
    [
        ("cost", {"running_cost": 600, "duration": 3}, {"running_cost": 600, "duration": 3}),
        ("priority", {"must_have": True, "votes": 4}, {"must_have": True, "votes": 4}),
        (
            "implementation",
            {"owner": "Herr Kaya", "status": "In Umsetzung"},
            {"owner": "Herr Kaya", "status": "In Umsetzung"},
        ),
    ],
)
def test_an_edit_in_any_view_changes_that_measure_and_column_only(
    view: str, cells: dict[str, object], expected: dict[str, object]
) -> None:
    app = open_page(PAGE)
    before = _measures(app)
    _view(app, view)

    edit_table(app, edited={2: cells})

    after = _measures(app)
    assert {key: getattr(after[2], key) for key in expected} == expected
    assert after[:2] == before[:2] and after[3:] == before[3:]
    assert after[2].title == before[2].title and after[2].value == before[2].value
    assert list(app.data_editor[0].proto.column_order) == list(measure_columns.view_columns(view))  # view kept


def test_a_new_row_in_the_kpi_view_becomes_a_measure_with_its_kpi() -> None:
    app = open_page(PAGE)
    _view(app, "kpi")

    edit_table(app, added=[{"title": "Intranet", "kpi_name": "Zugriffe pro Woche", "kpi_target": "200"}])

    intranet = _measures(app)[-1]
    assert (intranet.id, intranet.title, intranet.kpi.name, intranet.kpi.target) == (
        "M22",
        "Intranet",
        "Zugriffe pro Woche",
        "200",
    )
    assert app.metric[0].value == "22"


def test_deleting_a_row_in_the_dates_view_removes_that_measure() -> None:
    app = open_page(PAGE)
    _view(app, "dates")

    edit_table(app, deleted=[20])

    assert len(_measures(app)) == 20 and "M21" not in {m.id for m in _measures(app)}
    assert "Gelöscht:" in " ".join(i.value for i in app.info)

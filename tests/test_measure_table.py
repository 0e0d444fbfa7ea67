"""The measure table: measures shown one per row, what each column shows (roadmap/views/measure_table.py), and
which columns the editor shows together (roadmap/views/measure_columns.py)."""

from __future__ import annotations

from datetime import date

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.vocabulary import FIELDS, FIELDS_EN
from roadmap.domain.workshop import Workshop
from roadmap.views import measure_columns
from roadmap.views.measure_table import (
    COLUMNS,
    ORDER,
    column_specs,
    dependency_labels,
    dependency_options,
    headline,
    measure_frame,
    money_format,
    month_format,
)
from ui.session import demo_workshop


def _workshop(*measures: Measure) -> Workshop:
    return Workshop(measures=measures)


def _three() -> Workshop:
    return _workshop(
        Measure("M01", "Backup", field="Cloud & IT-Sicherheit", value=4, effort=2, one_time_cost=1000),
        Measure("M02", "CRM", field="Kunden & Omnichannel", depends_on=("M01",), earliest_start=Month(2026, 3)),
        Measure("M03", "Schulung", field="Mitarbeitende & Kompetenzen", depends_on=("M01", "M02")),
    )


# --- measures -> table --------------------------------------------------------------------------


def test_the_table_has_one_row_per_measure_in_the_workshops_order_with_every_column() -> None:
    workshop = demo_workshop()

    frame = measure_frame(workshop.measures)

    assert list(frame.columns) == list(COLUMNS)
    assert list(frame["id"]) == [m.id for m in workshop.measures]
    assert list(frame["title"]) == [m.title for m in workshop.measures]


def test_fields_and_statuses_show_in_the_session_language() -> None:
    measures = (Measure("A", "Strategie", field="Strategie & Kultur", status="Abgeschlossen"),)

    german, english = measure_frame(measures, "de"), measure_frame(measures, "en")

    assert (german.loc[0, "field"], german.loc[0, "status"]) == ("Strategie & Kultur", "Abgeschlossen")
    assert (english.loc[0, "field"], english.loc[0, "status"]) == ("Strategy & culture", "Completed")


def test_dependencies_show_as_titles_and_a_repeated_title_carries_its_id() -> None:
    workshop = _workshop(Measure("A", "Pilot"), Measure("B", "Pilot"), Measure("C", "CRM", depends_on=("A", "X9")))

    frame = measure_frame(workshop.measures)

    assert frame.loc[2, "depends_on"] == ["Pilot (A)", "X9"]
    assert dependency_labels(workshop.measures) == {"A": "Pilot (A)", "B": "Pilot (B)", "C": "CRM"}
    assert dependency_options(workshop.measures) == ["Pilot (A)", "Pilot (B)", "CRM", "X9"]


def test_months_show_as_the_first_day_of_the_month_or_none() -> None:
    frame = measure_frame(_three().measures)

    assert frame.loc[1, "earliest_start"] == date(2026, 3, 1)
    assert frame.loc[0, "earliest_start"] is None
    assert frame.loc[0, "deadline"] is None


def test_an_empty_workshop_gives_an_empty_table_with_every_column_typed() -> None:
    frame = measure_frame(())

    assert frame.empty
    assert list(frame.columns) == list(COLUMNS)
    assert str(frame["value"].dtype) == "float64" and str(frame["must_have"].dtype) == "bool"


# --- what the columns show ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_column_the_editor_shows_has_a_spec_with_its_label_in_the_language(lang: str) -> None:
    specs = column_specs(_three().measures, lang, editable=True)

    assert tuple(specs) == ORDER and set(ORDER) == set(COLUMNS)
    assert {key: spec.label for key, spec in specs.items()} == {key: COLUMNS[key](lang) for key in ORDER}


def test_in_presenter_mode_no_column_is_editable_and_in_the_editor_only_the_id_is_fixed() -> None:
    read_only = column_specs(_three().measures, "de", editable=False)
    editable = column_specs(_three().measures, "de", editable=True)

    assert all(spec.options["disabled"] for spec in read_only.values())
    assert [key for key, spec in editable.items() if spec.options["disabled"]] == ["id"]


def test_field_and_status_are_chosen_from_their_names_in_the_language() -> None:
    specs = column_specs((), "en", editable=True)

    assert specs["field"].kind == specs["status"].kind == "select"
    assert specs["field"].options["options"] == [FIELDS_EN[field] for field in FIELDS]
    assert specs["field"].options["default"] == FIELDS_EN[FIELDS[0]]
    assert "Completed" in specs["status"].options["options"]


def test_value_and_effort_range_from_1_to_5_and_say_which_end_is_high() -> None:
    specs = column_specs((), "de", editable=True)

    for key in ("value", "effort"):
        options = specs[key].options
        assert (options["min_value"], options["max_value"], options["default"]) == (1, 5, 3)
        assert options["help"] == "1 = gering, 5 = hoch"


def test_dependencies_are_offered_by_title_and_unknown_ids_are_kept() -> None:
    measures = (Measure("A", "Pilot"), Measure("B", "CRM", depends_on=("X9",)))

    spec = column_specs(measures, "de", editable=True)["depends_on"]

    assert spec.kind == "multiselect"
    assert spec.options["options"] == ["Pilot", "CRM", "X9"]


@pytest.mark.parametrize(("lang", "money", "month"), [("de", "%'.,d €", "MM.YYYY"), ("en", "€%,d", "MMM YYYY")])
def test_costs_and_months_are_formatted_as_in_the_language(lang: str, money: str, month: str) -> None:
    specs = column_specs((), lang, editable=True)

    assert (money_format(lang), month_format(lang)) == (money, month)
    assert specs["one_time_cost"].options["format"] == specs["running_cost"].options["format"] == money
    assert {specs[key].options["format"] for key in ("earliest_start", "deadline", "pinned")} == {month}


HEADLINES = {
    "de": [("Maßnahmen", 2), ("Einmalkosten gesamt", "13.500\xa0€"), ("Laufende Kosten gesamt (pro Jahr)", "600\xa0€")],
    "en": [("Measures", 2), ("One-time costs in total", "€13,500"), ("Running costs in total (per year)", "€600")],
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_headline_counts_the_measures_and_adds_up_their_costs(lang: str) -> None:
    measures = (Measure("A", "Pilot", one_time_cost=1000), Measure("B", "CRM", one_time_cost=12500, running_cost=600))

    assert headline(measures, lang) == HEADLINES[lang]


def test_the_measure_titles_are_not_pinned_so_they_read_in_full_ink_like_every_editable_cell() -> None:
    # Streamlit draws pinned columns in a light grey, as if read-only; only the id is read-only.
    specs = column_specs((), "de", editable=True)
    assert specs["id"].options.get("pinned") is True
    assert not specs["title"].options.get("pinned")


# --- which columns the editor shows together ----------------------------------------------------

MAIN_AREA_AT_1024 = 730  # pixels beside the sidebar of a 1024 px screen (ui/screen.py)
ROW_MARKERS = 34  # the editor's column of row markers, ticked to delete a row


@pytest.mark.parametrize("view", list(measure_columns.VIEWS))
def test_each_view_of_the_editor_fits_a_1024_px_screen_and_starts_with_id_and_title(view: str) -> None:
    shown = measure_columns.view_columns(view)

    assert shown[:2] == ("id", "title")
    assert sum(measure_columns.WIDTHS[key] for key in shown) <= measure_columns.EDITOR_ROOM
    assert measure_columns.EDITOR_ROOM + ROW_MARKERS <= MAIN_AREA_AT_1024


def test_the_views_together_show_every_column_once_besides_id_and_title() -> None:
    rest = [key for view in measure_columns.VIEWS for key in measure_columns.view_columns(view)[2:]]

    assert sorted(rest) == sorted(key for key in ORDER if key not in ("id", "title"))
    first = measure_columns.view_columns(measure_columns.FIRST)
    assert measure_columns.view_columns(None) == measure_columns.view_columns("unknown") == first


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_column_gets_its_width_and_keeps_its_choices_and_editing(lang: str) -> None:
    specs = column_specs(_three().measures, lang, editable=True)

    fitted = measure_columns.fitted(specs, lang)

    assert {key: spec.options["width"] for key, spec in fitted.items()} == measure_columns.WIDTHS
    assert [key for key, spec in fitted.items() if spec.options["disabled"]] == ["id"]
    assert fitted["field"].options["options"] == specs["field"].options["options"]
    assert fitted["depends_on"].options["options"] == ["Backup", "CRM", "Schulung"]
    assert fitted["title"].label == COLUMNS["title"](lang) and fitted["id"].options["pinned"] is True


@pytest.mark.parametrize("view", list(measure_columns.VIEWS))
def test_a_view_without_the_dependency_column_sends_no_list_of_every_measure_but_keeps_each_column_and_default(
    view: str,
) -> None:
    specs = measure_columns.fitted(column_specs(_three().measures, "de", editable=True), "de")
    shown = measure_columns.view_columns(view)

    sent = measure_columns.for_view(specs, shown)

    assert list(sent) == list(specs)
    assert all((sent[key].kind, sent[key].label) == (specs[key].kind, specs[key].label) for key in specs)
    assert all(sent[key].options.get("default") == specs[key].options.get("default") for key in specs)
    assert all(sent[key] == specs[key] for key in shown)
    assert ("options" in sent["depends_on"].options) == ("depends_on" in shown)


@pytest.mark.parametrize(
    ("lang", "key", "heading", "tooltip"),
    [
        ("de", "value", "Nutzen", "Nutzen (1–5): 1 = gering, 5 = hoch"),
        ("en", "effort", "Effort", "Effort (1–5): 1 = low, 5 = high"),
        ("de", "running_cost", "Laufend (€/Jahr)", "Laufende Kosten (€/Jahr)"),
        ("en", "kpi_target", "Target", "KPI target"),
    ],
)
def test_a_shortened_heading_keeps_the_full_label_at_the_head_of_its_tooltip(
    lang: str, key: str, heading: str, tooltip: str
) -> None:
    specs = column_specs((), lang, editable=True)

    fitted = measure_columns.fitted(specs, lang)

    assert (fitted[key].label, fitted[key].options["help"]) == (heading, tooltip)
    kept = {name: value for name, value in specs[key].options.items() if name != "help"}
    assert kept.items() <= fitted[key].options.items()

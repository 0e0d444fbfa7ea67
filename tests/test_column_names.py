"""Header names in German and English and their usual variants map onto the measure's fields."""

from __future__ import annotations

import pytest

from roadmap.importing.column_names import header_unit, is_grid_header, is_measure_header, map_columns, normalise
from roadmap.importing.values import DAYS, HOURS, WORKING_DAYS
from roadmap.workbook.names import FOLLOW_UP_COLUMNS, MEASURE_COLUMNS


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("ID", "id"),
        ("Nr.", "id"),
        ("Nummer", "id"),
        ("Key", "id"),
        ("#", "id"),
        ("WBS", "id"),
        ("Maßnahme", "title"),
        ("Massnahme", "title"),
        ("Maßnahme ", "title"),
        ("MASSNAHME", "title"),
        ("Projekt", "title"),
        ("Vorhaben", "title"),
        ("Aufgabe", "title"),
        ("Vorgang", "title"),
        ("Titel", "title"),
        ("Task", "title"),
        ("Task Name", "title"),
        ("Name", "title"),
        ("Tätigkeiten", "title"),
        ("Aktivität", "title"),
        ("Kosten", "one_time_cost"),
        ("Einmalkosten", "one_time_cost"),
        ("Budget", "one_time_cost"),
        ("Investition", "one_time_cost"),
        ("Cost", "one_time_cost"),
        ("Kosten (€)", "one_time_cost"),
        ("Laufende Kosten", "running_cost"),
        ("lfd. Kosten", "running_cost"),
        ("Betriebskosten", "running_cost"),
        ("Kosten p.a.", "running_cost"),
        ("Running cost", "running_cost"),
        ("Annual cost", "running_cost"),
        ("Start", "earliest_start"),
        ("Beginn", "earliest_start"),
        ("Startdatum", "earliest_start"),
        ("Start Date", "earliest_start"),
        ("Ende", "planned_end"),
        ("Enddatum", "planned_end"),
        ("Fertig bis", "deadline"),
        ("Due", "deadline"),
        ("End Date", "planned_end"),
        ("Dauer", "duration"),
        ("Duration (Days)", "duration"),
        ("Dauer AT", "duration"),
        ("Priorität", "priority"),
        ("Priority", "priority"),
        ("Prio", "priority"),
        ("Nutzen", "value"),
        ("Value", "value"),
        ("Aufwand", "effort"),
        ("Effort", "effort"),
        ("Aufwand (h)", "person_days"),
        ("Personentage", "person_days"),
        ("Verantwortlich", "owner"),
        ("Zuständig", "owner"),
        ("Owner", "owner"),
        ("Abhängigkeiten", "depends_on"),
        ("Vorgänger", "depends_on"),
        ("Predecessors", "depends_on"),
        ("Depends on", "depends_on"),
        ("Handlungsfeld", "field"),
        ("Kategorie", "field"),
        ("Status", "status"),
        ("Förderfähig", "funding_eligible"),
        ("Beschreibung", "title"),
    ],
)
def test_a_header_maps_to_its_field(header: str, field: str) -> None:
    mapping = map_columns([header])

    assert mapping == {field: 0}


@pytest.mark.parametrize("key", [key for key in MEASURE_COLUMNS if key not in FOLLOW_UP_COLUMNS])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_column_of_the_own_workbook_maps_back_to_its_field(key: str, lang: str) -> None:
    headers = [name(lang) for name in MEASURE_COLUMNS.values()]

    mapping = map_columns(headers)

    assert mapping.get(key) == list(MEASURE_COLUMNS).index(key)


def test_start_date_beats_a_helper_column_that_mentions_it() -> None:
    mapping = map_columns(["Task Name", "Start Date", "Start Date in Number Form"])

    assert mapping["earliest_start"] == 1


def test_the_planned_figure_beats_the_actual_one() -> None:
    mapping = map_columns(["Aufgabe", "Workload tatsächlich (Std.)", "Workload geplant (Std.)"])

    assert mapping["person_days"] == 2


def test_two_description_columns_without_a_title_make_the_first_the_title() -> None:
    mapping = map_columns(["Beschreibung", "Start", "Ende", "Dauer (Tage)", "Beschreibung"])

    assert (mapping["title"], mapping["description"]) == (0, 4)


def test_sub_task_columns_become_title_levels_in_their_order() -> None:
    mapping = map_columns(["Datum", "Aktivität", "1.Unteraktiviät", "2.Unteraktivität"])

    assert (mapping["title"], mapping["title_2"], mapping["title_3"]) == (1, 2, 3)


def test_a_header_of_two_rows_maps_by_its_most_telling_part() -> None:
    mapping = map_columns(["Maßnahme", "Kosten\neinmalig", "Kosten\nlaufend (€/Jahr)", "Zeitraum\nStart"])

    assert mapping == {"title": 0, "one_time_cost": 1, "running_cost": 2, "earliest_start": 3}


def test_the_users_mapping_wins_and_a_negative_column_unmaps_a_field() -> None:
    mapping = map_columns(["Maßnahme", "Kosten", "Notiz"], {"one_time_cost": 2, "title": -1})

    assert mapping == {"one_time_cost": 2}


@pytest.mark.parametrize(
    ("header", "unit"),
    [("Dauer (Tage)", DAYS), ("Dauer AT", WORKING_DAYS), ("Duration (Days)", DAYS), ("Aufwand (h)", HOURS)],
)
def test_a_header_names_the_unit_of_its_numbers(header: str, unit: str) -> None:
    assert header_unit(header) == unit


@pytest.mark.parametrize(("header", "grid"), [("KW 46", True), ("M", True), ("12.11.2018", True), ("Status", False)])
def test_gantt_calendar_columns_are_recognised(header: str, grid: bool) -> None:
    assert is_grid_header(header) is grid


@pytest.mark.parametrize(
    ("headers", "measure_list"),
    [
        (["label", "value"], False),
        (["Columns", "Column A", "Column B"], False),
        (["Maßnahme"], True),
        (["Nr.", "", "Plan (h)", "Priorität", "Start"], True),
    ],
)
def test_a_measure_list_needs_a_title_or_several_telling_columns(headers: list[str], measure_list: bool) -> None:
    assert is_measure_header(map_columns(headers)) is measure_list


def test_names_are_compared_without_case_umlauts_and_punctuation() -> None:
    assert normalise("  Maßnahmen-Nr.: ") == "massnahmen nr"
    assert normalise("Förderfähig?") == "foerderfaehig"

"""The measure table's edits: the editor's change sets turned into a new workshop (roadmap/views/measure_edits.py)."""

from __future__ import annotations

from datetime import date

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.messages import Message
from roadmap.domain.month import Month
from roadmap.domain.workshop import Workshop
from roadmap.views.measure_edits import apply_edits, not_taken_text
from roadmap.views.measure_table import dependency_labels
from ui.session import demo_workshop


def _workshop(*measures: Measure) -> Workshop:
    return Workshop(measures=measures)


def _three() -> Workshop:
    return _workshop(
        Measure("M01", "Backup", field="Cloud & IT-Sicherheit", value=4, effort=2, one_time_cost=1000),
        Measure("M02", "CRM", field="Kunden & Omnichannel", depends_on=("M01",), earliest_start=Month(2026, 3)),
        Measure("M03", "Schulung", field="Mitarbeitende & Kompetenzen", depends_on=("M01", "M02")),
    )


def _text(messages: list) -> str:
    return " | ".join(m("de") for m in messages)


# --- edits --------------------------------------------------------------------------------------


def test_a_valid_edit_is_kept() -> None:
    result = apply_edits(_three(), {0: {"one_time_cost": 2500, "owner": "Fr. Öztürk"}}, [], [], "de")

    measure = result.workshop.measures[0]
    assert (measure.one_time_cost, measure.owner) == (2500, "Fr. Öztürk")
    assert result.problems == []


def test_an_invalid_value_keeps_the_old_one_and_the_problem_names_row_and_column() -> None:
    result = apply_edits(_three(), {0: {"value": 9}}, [], [], "de")

    assert result.workshop.measures[0].value == 4
    assert len(result.problems) == 1
    assert "„Backup“" in result.problems[0]("de") and "Nutzen (1–5)" in result.problems[0]("de")
    assert "“Backup”" in result.problems[0]("en") and "Value (1–5)" in result.problems[0]("en")


def test_the_valid_cells_of_a_row_survive_an_invalid_cell_in_the_same_row() -> None:
    result = apply_edits(_three(), {0: {"effort": 0, "running_cost": 1200, "title": "Backup 3-2-1"}}, [], [], "de")

    measure = result.workshop.measures[0]
    assert (measure.effort, measure.running_cost, measure.title) == (2, 1200, "Backup 3-2-1")
    assert "Aufwand" in _text(result.problems)


@pytest.mark.parametrize("shown", ["Process automation", "Prozessautomatisierung", "process AUTOMATION"])
def test_a_field_is_read_from_its_display_name_in_either_language(shown: str) -> None:
    result = apply_edits(_three(), {1: {"field": shown, "status": "In progress"}}, [], [], "en")

    assert result.workshop.measures[1].field == "Prozessautomatisierung"
    assert result.workshop.measures[1].status == "In Umsetzung"


def test_an_unknown_field_is_refused() -> None:
    result = apply_edits(_three(), {1: {"field": "Marketing"}}, [], [], "de")

    assert result.workshop.measures[1].field == "Kunden & Omnichannel"
    assert "unbekanntes Handlungsfeld 'Marketing'" in _text(result.problems)


def test_dependencies_are_picked_by_title() -> None:
    result = apply_edits(_three(), {0: {"depends_on": []}, 2: {"depends_on": ["CRM"]}}, [], [], "de")

    assert result.workshop.measures[0].depends_on == ()
    assert result.workshop.measures[2].depends_on == ("M02",)


def test_a_dependency_on_a_title_that_is_no_measure_is_refused() -> None:
    result = apply_edits(_three(), {2: {"depends_on": ["CRM", "ERP"]}}, [], [], "de")

    assert result.workshop.measures[2].depends_on == ("M01", "M02")
    assert "keine Maßnahme heißt 'ERP'" in _text(result.problems)


def test_a_measure_cannot_depend_on_itself() -> None:
    result = apply_edits(_three(), {1: {"depends_on": ["CRM"]}}, [], [], "de")

    assert result.workshop.measures[1].depends_on == ("M01",)
    assert "von sich selbst" in _text(result.problems)


def test_an_emptied_title_is_refused() -> None:
    result = apply_edits(_three(), {1: {"title": "  "}}, [], [], "de")

    assert result.workshop.measures[1].title == "CRM"
    assert "Titel darf nicht leer" in _text(result.problems)


@pytest.mark.parametrize("sent", ["2026-05-14", "2026-05-14T00:00:00.000Z", date(2026, 5, 31)])
def test_a_day_anywhere_in_a_month_stores_that_month(sent: object) -> None:
    result = apply_edits(_three(), {0: {"deadline": sent}}, [], [], "de")

    assert result.workshop.measures[0].deadline == Month(2026, 5)


def test_a_cleared_month_is_no_month_and_a_wrong_date_is_refused() -> None:
    result = apply_edits(_three(), {1: {"earliest_start": None}, 2: {"pinned": "+060514-02-02"}}, [], [], "de")

    assert result.workshop.measures[1].earliest_start is None
    assert result.workshop.measures[2].pinned is None
    assert "ist kein Datum" in _text(result.problems)


def test_ticking_must_have_clears_excluded_and_says_so() -> None:
    workshop = _workshop(Measure("A", "Pilot", excluded=True))

    result = apply_edits(workshop, {0: {"must_have": True}}, [], [], "de")

    assert (result.workshop.measures[0].must_have, result.workshop.measures[0].excluded) == (True, False)
    assert "schließen einander aus" in _text(result.notes)


def test_nothing_changed_gives_back_the_same_workshop() -> None:
    workshop = _three()

    result = apply_edits(workshop, {0: {"title": "Backup"}}, [], [], "de")

    assert result.workshop is workshop


# --- new and deleted rows -----------------------------------------------------------------------


def test_new_rows_get_fresh_ids_after_the_highest_in_use() -> None:
    workshop = demo_workshop()

    result = apply_edits(workshop, {}, [{"title": "Intranet"}, {"title": "Wiki", "value": 5}], [], "de")

    added = result.workshop.measures[-2:]
    assert [m.id for m in added] == ["M22", "M23"]
    assert [(m.title, m.value) for m in added] == [("Intranet", 3), ("Wiki", 5)]


def test_a_new_row_takes_display_names_dependencies_and_months() -> None:
    row = {"title": "Portal", "field": "Customers & omnichannel", "depends_on": ["CRM"], "pinned": "2026-07-01"}

    result = apply_edits(_three(), {}, [row], [], "en")

    portal = result.workshop.measures[-1]
    assert (portal.field, portal.depends_on, portal.pinned) == ("Kunden & Omnichannel", ("M02",), Month(2026, 7))


def test_a_new_row_without_a_title_is_not_created_and_said_so() -> None:
    result = apply_edits(_three(), {}, [{"value": 4}], [], "de")

    assert len(result.workshop.measures) == 3
    assert "ohne Titel" in _text(result.problems)


def test_an_invalid_value_in_a_new_row_falls_back_to_the_default_and_is_named() -> None:
    result = apply_edits(_three(), {}, [{"title": "Wiki", "effort": 7, "one_time_cost": 500}], [], "de")

    wiki = result.workshop.measures[-1]
    assert (wiki.effort, wiki.one_time_cost) == (3, 500)
    assert "„Wiki“, Spalte Aufwand (1–5)" in _text(result.problems)


def test_deleting_a_measure_removes_the_dependencies_on_it_and_says_so() -> None:
    result = apply_edits(_three(), {}, [], [0], "de")

    assert [m.id for m in result.workshop.measures] == ["M02", "M03"]
    assert [m.depends_on for m in result.workshop.measures] == [(), ("M02",)]
    notes = _text(result.notes)
    assert "Gelöscht: „Backup“" in notes
    assert "„CRM“ hing von „Backup“ ab" in notes and "„Schulung“ hing von „Backup“ ab" in notes


def test_edits_and_deletions_in_one_change_set_refer_to_the_rows_as_shown() -> None:
    result = apply_edits(_three(), {2: {"owner": "HR"}}, [{"title": "Neu"}], [1], "de")

    assert [(m.id, m.owner) for m in result.workshop.measures] == [("M01", ""), ("M03", "HR"), ("M04", "")]


def test_a_repeated_title_is_kept_with_a_hint_and_then_picked_with_its_id() -> None:
    result = apply_edits(_three(), {2: {"title": "CRM"}}, [], [], "de")

    assert [m.title for m in result.workshop.measures] == ["Backup", "CRM", "CRM"]
    assert "kommt 2-mal vor" in _text(result.notes)
    assert dependency_labels(result.workshop.measures)["M03"] == "CRM (M03)"


# --- in words -----------------------------------------------------------------------------------


def test_the_rejected_cells_are_listed_one_per_line_under_a_heading_in_the_language() -> None:
    problems = [Message("erstens", "first"), Message("zweitens", "second")]

    assert not_taken_text(problems, "de") == "Nicht übernommen:\n- erstens\n- zweitens"
    assert not_taken_text(problems, "en") == "Not taken over:\n- first\n- second"

"""Importing the rows of people's lists: phase, total and template rows, figures and dates written as text,
ids, fields of action and notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmap.importer import ImportResult, import_file
from roadmap.model import DONE, FIELDS, IDEA, PLANNED, RUNNING, Month
from tests import workbooks
from tests.workbooks import FIXTURES


def _by_id(result: ImportResult) -> dict[str, object]:
    return {m.id: m for m in result.measures}


@pytest.fixture
def quirky(tmp_path: Path) -> ImportResult:
    """The quirky list of tests/workbooks.py, imported."""
    return import_file(workbooks.quirky_list(tmp_path / "ideen.xlsx"))


def test_phase_rows_with_only_a_number_and_a_name_become_the_notes_of_their_measures(
    quirky: ImportResult,
) -> None:
    measures = _by_id(quirky)

    assert list(measures) == ["18", "22", "27", "30", "31", "32"]
    assert measures["18"].notes == "Phase: Grundlagen schaffen"
    assert measures["32"].notes == "Phase: Ausbau"
    assert any("6, 10" in p.text("de") and "Phase" in p.text("de") for p in quirky.problems)


def test_template_rows_with_only_a_number_and_the_totals_row_are_skipped(quirky: ImportResult) -> None:
    titles = [m.title for m in quirky.measures]

    assert "Summe" not in titles
    assert not any(m.id in ("33", "34") for m in quirky.measures)


def test_trailing_spaces_are_stripped(quirky: ImportResult) -> None:
    assert _by_id(quirky)["18"].title == "Backup-Konzept 3-2-1"
    assert quirky.headers[2] == "Maßnahme"


@pytest.mark.parametrize(("measure", "euros"), [("18", 1200.0), ("22", 12500.0), ("27", 12500.0), ("32", 3000.0)])
def test_money_as_text_in_german_and_english_notation(quirky: ImportResult, measure: str, euros: float) -> None:
    assert _by_id(quirky)[measure].one_time_cost == euros


@pytest.mark.parametrize(("measure", "months"), [("18", 1), ("22", 1), ("27", 2), ("30", 2), ("31", 3), ("32", 2)])
def test_durations_as_text_become_whole_months(quirky: ImportResult, measure: str, months: int) -> None:
    assert _by_id(quirky)[measure].duration == months


@pytest.mark.parametrize(
    ("measure", "depends_on"),
    [("18", ()), ("22", ("18",)), ("27", ("18", "22")), ("30", ("18", "22", "27")), ("32", ("30",))],
)
def test_predecessor_lists_point_at_the_nr_column_stored_as_text_or_numbers(
    quirky: ImportResult, measure: str, depends_on: tuple[str, ...]
) -> None:
    assert _by_id(quirky)[measure].depends_on == depends_on


def test_a_dependency_on_no_measure_of_the_import_is_kept_and_reported_at_its_cell(
    quirky: ImportResult,
) -> None:
    (problem,) = [p for p in quirky.problems if "1, 5" in p.text("de")]

    assert _by_id(quirky)["31"].depends_on == ("1", "5")
    assert (problem.where.sheet, problem.where.row, problem.where.column) == ("Ideen", 12, "H")


@pytest.mark.parametrize(("measure", "status"), [("18", DONE), ("22", RUNNING), ("27", IDEA), ("30", PLANNED)])
def test_status_words_map_onto_the_four_statuses(quirky: ImportResult, measure: str, status: str) -> None:
    assert _by_id(quirky)[measure].status == status


@pytest.mark.parametrize(
    ("measure", "field"), [("18", FIELDS[2]), ("22", FIELDS[2]), ("27", FIELDS[3]), ("31", FIELDS[1])]
)
def test_fuzzy_field_words_map_onto_the_fields_of_action(quirky: ImportResult, measure: str, field: str) -> None:
    assert _by_id(quirky)[measure].field == field


def test_missing_value_and_effort_get_three_and_a_warning_that_names_the_rows(quirky: ImportResult) -> None:
    warnings = [p for p in quirky.problems if "Standardwert 3" in p.text("de")]

    assert all(m.value == 3 and m.effort == 3 for m in quirky.measures)
    assert len(warnings) == 2
    assert all("7–9, 11–13" in p.text("de") and p.where.row == 7 and p.where.column for p in warnings)


def test_every_problem_names_sheet_row_and_column(quirky: ImportResult) -> None:
    assert quirky.problems
    assert all(p.where.sheet and p.where.row and p.where.column for p in quirky.problems)


@pytest.mark.parametrize(("name", "sheet"), [("quirky_list.xls", "Ideen"), ("quirky_list.ods", "Ideen")])
def test_legacy_xls_and_ods_import_like_xlsx(name: str, sheet: str) -> None:
    result = import_file(FIXTURES / name)

    assert result.sheet == sheet
    assert [m.id for m in result.measures] == ["18", "22", "27", "30", "31", "32"]
    assert _by_id(result)["27"].one_time_cost == 12500.0
    assert _by_id(result)["30"].depends_on == ("18", "22", "27")


def test_start_and_end_give_earliest_start_deadline_and_the_months_between(tmp_path: Path) -> None:
    result = import_file(workbooks.simple_list(tmp_path / "l.xlsx"))

    m1, m2, m3 = result.measures
    assert (m1.earliest_start, m1.deadline, m1.duration) == (Month(2026, 1), Month(2026, 3), 3)
    assert (m2.duration, m3.duration) == (1, 4)
    assert (m1.value, m1.effort, m2.value, m2.effort) == (5.0, 3.0, 4.0, 2.0)


def test_a_running_measure_keeps_its_dates_even_with_a_duration_column(tmp_path: Path) -> None:
    rows = [
        ["Maßnahme", "Start", "Ende", "Dauer", "Status"],
        ["ERP-Einführung", "01.02.2026", "30.09.2026", "2 Monate", "läuft"],
        ["CRM", "01.02.2026", "30.09.2026", "2 Monate", "Idee"],
    ]

    running, idea = import_file(workbooks.book(tmp_path / "l.xlsx", rows)).measures

    assert (running.status, running.earliest_start, running.duration) == (RUNNING, Month(2026, 2), 8)
    assert (idea.status, idea.duration, idea.deadline) == (IDEA, 2, Month(2026, 9))


def test_named_phase_rows_and_section_rows_ending_in_a_colon_head_the_rows_below(tmp_path: Path) -> None:
    rows = [
        ["Maßnahme", "Kosten"],
        ["Phase 1: Quick Wins", None],
        ["Backups", 500],
        ["Release 2 ausrollen", 800],
        ["Umsetzung:", None],
        ["CRM", 5000],
    ]

    result = import_file(workbooks.book(tmp_path / "l.xlsx", rows))

    assert [(m.title, m.notes) for m in result.measures] == [
        ("Backups", "Phase: Phase 1: Quick Wins"),
        ("Release 2 ausrollen", "Phase: Phase 1: Quick Wins"),
        ("CRM", "Phase: Umsetzung"),
    ]


def test_ids_are_generated_in_row_order_when_there_is_no_id_column(tmp_path: Path) -> None:
    rows = [["Maßnahme", "Kosten"], ["A", 1], ["B", 2], ["C", 3]]

    result = import_file(workbooks.book(tmp_path / "l.xlsx", rows))

    assert [m.id for m in result.measures] == ["M001", "M002", "M003"]


def test_a_duplicate_id_is_renamed_with_a_warning(tmp_path: Path) -> None:
    rows = [["ID", "Maßnahme"], ["M1", "A"], ["M1", "B"]]

    result = import_file(workbooks.book(tmp_path / "l.xlsx", rows))

    assert [m.id for m in result.measures] == ["M1", "M1-2"]
    assert [(p.where.row, p.where.column) for p in result.problems if "doppelt" in p.text("de")] == [(3, "A")]


def test_category_given_only_on_the_first_row_of_a_group_is_filled_down(tmp_path: Path) -> None:
    rows = [
        ["Handlungsfeld", "Maßnahme"],
        ["IT-Sicherheit", "Backups"],
        [None, "2FA"],
        ["Kunden", "CRM"],
        [None, "Newsletter"],
    ]

    result = import_file(workbooks.book(tmp_path / "l.xlsx", rows))

    assert [m.field for m in result.measures] == [FIELDS[2], FIELDS[2], FIELDS[3], FIELDS[3]]


def test_an_unknown_field_word_keeps_the_default_and_is_reported(tmp_path: Path) -> None:
    rows = [
        ["Handlungsfeld", "Maßnahme"],
        ["IT-Sicherheit", "Backups"],
        ["Kunden", "CRM"],
        ["Sonstiges", "X"],
    ]

    result = import_file(workbooks.book(tmp_path / "l.xlsx", rows))

    assert result.measures[2].field == FIELDS[0]
    assert "Handlungsfeld: Sonstiges" in result.measures[2].notes
    assert any("'Sonstiges'" in p.text("de") and p.where.row == 4 for p in result.problems)


def test_an_unreadable_value_is_kept_in_the_notes_and_reported(tmp_path: Path) -> None:
    rows = [["Maßnahme", "Start"], ["CRM", "nach der Messe"], ["ERP", "01.03.2026"]]

    result = import_file(workbooks.book(tmp_path / "l.xlsx", rows))

    assert result.measures[0].earliest_start is None
    assert result.measures[0].notes == "Start: nach der Messe"
    assert any(p.where.row == 2 and p.where.column == "B" and "nach der Messe" in p.text() for p in result.problems)

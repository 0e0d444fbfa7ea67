"""Importing the rows of people's lists: phase, total and template rows, figures and dates written as text,
ids, fields of action and notes; titles that are too long, look like markup or formulas, or are a formula's value."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from roadmap.domain.measure import TITLE_LIMIT
from roadmap.domain.messages import WARNING, Problem
from roadmap.domain.month import Month
from roadmap.domain.vocabulary import DONE, FIELDS, IDEA, PLANNED, RUNNING
from roadmap.importing.importer import ImportResult, import_file
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
    (problem,) = [p for p in quirky.problems if "'1', '5'" in p.text("de")]

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


def test_without_value_and_effort_columns_all_get_three_and_one_sentence_asks_to_rate_them(
    quirky: ImportResult,
) -> None:
    warnings = [p for p in quirky.problems if "3 gesetzt" in p.text("de")]

    assert all(m.value == 3 and m.effort == 3 for m in quirky.measures)
    assert [p.message("de") for p in warnings] == [
        "Nutzen/Aufwand fehlen: alle auf 3 gesetzt – bitte im Workshop bewerten."
    ]
    assert warnings[0].message("en") == "Value/effort are missing: all set to 3 – please rate them in the workshop."
    assert warnings[0].where.row == 7 and warnings[0].where.column == "C"


def test_empty_value_cells_get_three_and_a_warning_that_names_the_rows(tmp_path: Path) -> None:
    rows = [["Maßnahme", "Nutzen", "Aufwand"], ["Backup", 4, 2], ["CRM", None, 3], ["Shop", None, 1]]

    result = import_file(workbooks.book(tmp_path / "l.xlsx", rows))

    said = [p for p in result.problems if "Standardwert 3" in p.text("de")]
    assert [m.value for m in result.measures] == [4, 3, 3]
    assert len(said) == 1 and "Zeilen 3–4" in said[0].text("de") and said[0].where.column == "B"


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


def test_start_and_a_planned_end_give_earliest_start_and_the_months_between(tmp_path: Path) -> None:
    result = import_file(workbooks.simple_list(tmp_path / "l.xlsx"))

    m1, m2, m3 = result.measures
    assert (m1.earliest_start, m1.deadline, m1.duration) == (Month(2026, 1), None, 3)
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
    assert (idea.status, idea.duration, idea.deadline) == (IDEA, 2, None)


@pytest.mark.parametrize(
    ("headers", "cells", "expected"),
    [
        (("Start", "Fällig am"), ("01.02.2026", "30.09.2026"), (Month(2026, 2), Month(2026, 9), 1)),
        (("Start", "Ende", "Frist"), ("01.02.2026", "30.04.2026", "31.12.2026"), (Month(2026, 2), Month(2026, 12), 3)),
        (("Ende",), ("30.09.2026",), (None, Month(2026, 9), 1)),
        (("Start", "Due"), ("01.02.2026", "30.09.2026"), (Month(2026, 2), Month(2026, 9), 1)),
    ],
)
def test_a_planned_end_gives_the_duration_and_a_due_date_the_deadline(
    tmp_path: Path, headers: tuple[str, ...], cells: tuple[str, ...], expected: tuple[object, ...]
) -> None:
    rows = [["Maßnahme", *headers], ["ERP-Einführung", *cells]]

    (measure,) = import_file(workbooks.book(tmp_path / "l.xlsx", rows)).measures

    assert (measure.earliest_start, measure.deadline, measure.duration) == expected


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


def test_a_row_without_an_id_gets_a_new_one_after_the_highest_in_the_list(tmp_path: Path) -> None:
    rows = [["ID", "Maßnahme"], ["M05", "A"], [None, "B"], ["M02", "C"]]

    result = import_file(workbooks.book(tmp_path / "l.xlsx", rows))

    assert [m.id for m in result.measures] == ["M05", "M006", "M02"]


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


# ---- titles that must never cost a row (issue 13) -------------------------------------------------

SCRIPT, LONG = "<script>alert(1)</script>", "x" * 10_000
HOSTILE_TITLES = [
    "![x](http://example.invalid/p.png)",
    "[a](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "**x**",
    "=1+1",
    "@SUM(A1)",
    "+1",
    "-1",
]


def _eight_rows(path: Path) -> Path:
    """Eight rows with ids and costs: row 3 is titled with a script tag, row 5 with 10,000 x's and the
    title of row 7 is the formula =1+1 with its cached value 2 (as Excel saves it)."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Ideen")
    sheet.write_row(0, 0, ["ID", "Maßnahme", "Kosten", "Nutzen", "Aufwand"])
    titles = ["CRM einführen", SCRIPT, "Backup 3-2-1", LONG, "ERP", None, "Schulung", "Cloud-Telefonie"]
    for row, title in enumerate(titles, start=1):
        sheet.write_string(row, 0, f"M{row}")
        if title is None:
            sheet.write_formula(row, 1, "=1+1", None, 2)
        else:
            sheet.write_string(row, 1, title)
        sheet.write_row(row, 2, [1000 * row, 3, 3])
    book.close()
    return path


def _xlsx_with_title(path: Path, title: str) -> Path:
    """One row above and one with the title, written as text (never as a formula) with an id and a cost."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Ideen")
    sheet.write_row(0, 0, ["ID", "Maßnahme", "Kosten"])
    sheet.write_row(1, 0, ["M1", "CRM einführen", 1000])
    sheet.write_string(2, 0, "M2")
    sheet.write_string(2, 1, title)
    sheet.write_number(2, 2, 2000)
    book.close()
    return path


def _csv_with_title(title: str) -> bytes:
    quoted = '"' + title.replace('"', '""') + '"'
    return f"ID;Maßnahme;Kosten\nM1;CRM einführen;1000\nM2;{quoted};2000\n".encode()


def _at(result: ImportResult, row: int, words: str) -> list[Problem]:
    """The problems at a row of the title column whose German text holds the words."""
    return [p for p in result.problems if (p.where.row, p.where.column) == (row, "B") and words in p.message("de")]


@pytest.fixture
def eight(tmp_path: Path) -> ImportResult:
    """The eight-row list, imported."""
    return import_file(_eight_rows(tmp_path / "acht.xlsx"))


def test_a_list_of_eight_titled_rows_with_data_gives_eight_measures(eight: ImportResult) -> None:
    assert [m.id for m in eight.measures] == [f"M{n}" for n in range(1, 9)]
    assert [m.one_time_cost for m in eight.measures] == [1000.0 * n for n in range(1, 9)]


def test_a_title_over_the_limit_is_shortened_and_said(eight: ImportResult) -> None:
    measure = _by_id(eight)["M4"]
    (problem,) = _at(eight, 5, "gekürzt")

    assert measure.title == "x" * TITLE_LIMIT
    assert f"Titel (vollständig): {LONG}" in measure.notes
    assert problem.severity == WARNING
    assert f"longer than {TITLE_LIMIT} characters" in problem.message("en")
    assert LONG not in problem.text("de")


def test_a_title_that_looks_like_markup_is_kept_as_plain_text_and_said(eight: ImportResult) -> None:
    (problem,) = _at(eight, 3, "Markup")

    assert _by_id(eight)["M2"].title == SCRIPT
    assert "kept as plain text" in problem.message("en")


def test_a_formula_cells_value_becomes_the_title_and_is_said(eight: ImportResult) -> None:
    (problem,) = _at(eight, 7, "Ergebnis einer Formel")

    assert _by_id(eight)["M6"].title == "2"
    assert "'2'" in problem.message("en") and "formula" in problem.message("en")


def test_the_other_rows_of_the_eight_are_read_without_a_word(eight: ImportResult) -> None:
    about_titles = [p for p in eight.problems if "Kein Handlungsfeld angegeben" not in p.message("de")]

    assert sorted(p.where.row for p in about_titles) == [3, 5, 7]


def test_a_csv_title_with_a_script_tag_is_kept_as_text_and_said() -> None:
    result = import_file(_csv_with_title(SCRIPT), filename="liste.csv")

    assert [m.title for m in result.measures] == ["CRM einführen", SCRIPT]
    assert _at(result, 3, "Markup")


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_a_title_that_looks_like_markup_or_a_formula_stays_a_measure_with_its_text_unchanged(
    tmp_path: Path, kind: str, title: str
) -> None:
    source = _csv_with_title(title) if kind == "csv" else _xlsx_with_title(tmp_path / "l.xlsx", title)

    result = import_file(source, filename=f"liste.{kind}")

    assert [(m.id, m.title, m.one_time_cost) for m in result.measures][1] == ("M2", title, 2000.0)
    assert [p.where.row for p in result.problems if "Text übernommen" in p.message("de")] == [3]


@pytest.mark.parametrize("title", ["<Tätigkeit hier eintragen>", "tbd", "xxx", "...", "0"])
def test_a_template_placeholder_row_is_still_skipped_even_with_an_id_and_a_cost(title: str) -> None:
    result = import_file(_csv_with_title(title), filename="liste.csv")

    assert [m.title for m in result.measures] == ["CRM einführen"]


def test_a_bare_running_number_without_data_is_still_skipped() -> None:
    result = import_file(b"Nr.;Ma\xc3\x9fnahme;Kosten\n1;CRM;100\n2;2;\n", filename="liste.csv")

    assert [m.title for m in result.measures] == ["CRM"]


def test_a_long_title_ending_in_gesamt_is_a_measure_not_a_totals_row() -> None:
    title = "Digitalisierung " * 20 + "gesamt"

    result = import_file(f"Maßnahme;Kosten\nCRM;100\n{title};500\n".encode(), filename="liste.csv")

    assert [len(m.title) for m in result.measures] == [3, TITLE_LIMIT]
    assert result.measures[1].one_time_cost == 500.0

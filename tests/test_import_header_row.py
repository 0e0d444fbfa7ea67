"""Importing from a header row the user chose instead of the detected one, alone and with their own mapping."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from roadmap.importing.importer import import_file
from roadmap.importing.raw_sheets import ImportFailed
from tests import workbooks


@pytest.mark.parametrize(
    ("build", "header_row", "used", "titles"),
    [
        (workbooks.two_lists, None, 3, ["CRM einführen", "Backup 3-2-1", "Budget"]),
        (workbooks.two_lists, 3, 3, ["CRM einführen", "Backup 3-2-1", "Budget"]),
        (workbooks.two_lists, 8, 8, ["KI-Pilot", "Schulungen"]),
        (workbooks.merged_header, None, 4, ["Cloud-Telefonie", "Dokumentenmanagement"]),
        (workbooks.merged_header, 3, 3, ["Cloud-Telefonie", "Dokumentenmanagement"]),
    ],
    ids=["detected", "detected-row-chosen", "lower-list-chosen", "merged-detected", "merged-top-row-chosen"],
)
def test_a_chosen_header_row_replaces_the_detected_one_and_the_rows_above_it_are_ignored(
    tmp_path: Path, build: Callable[[Path], Path], header_row: int | None, used: int, titles: list[str]
) -> None:
    result = import_file(build(tmp_path / "l.xlsx"), header_row=header_row)

    assert result.header_row == used
    assert [m.title for m in result.measures] == titles
    assert all(p.where.row is None or p.where.row > used for p in result.problems)


@pytest.mark.parametrize("build", [workbooks.two_lists, workbooks.quirky_list, workbooks.merged_header])
def test_choosing_the_detected_header_row_reads_exactly_as_detected(
    tmp_path: Path, build: Callable[[Path], Path]
) -> None:
    path = build(tmp_path / "l.xlsx")
    detected = import_file(path)

    chosen = import_file(path, header_row=detected.header_row)

    assert chosen == detected


def test_a_chosen_header_row_reads_the_cells_of_that_row_as_headings(tmp_path: Path) -> None:
    result = import_file(workbooks.merged_header(tmp_path / "plan.xlsx"), header_row=3)

    assert result.headers[:4] == ("Nr.", "Maßnahme", "Kosten", "Kosten")
    assert (result.mapping["id"], result.mapping["title"], result.mapping["one_time_cost"]) == (0, 1, 2)
    assert result.measures[0].notes.startswith("Kosten: 600; Zeitraum: 01.02.2026")


@pytest.mark.parametrize(
    ("build", "header_row", "mapping", "row"),
    [
        (workbooks.two_lists, 11, None, None),
        (workbooks.two_lists, 0, None, None),
        (workbooks.two_lists, 1, None, 1),
        (workbooks.two_lists, 4, None, 4),
        (workbooks.two_lists, 8, {"title": -1}, 8),
        (workbooks.unnamed_columns, 2, None, 2),
    ],
    ids=["beyond-the-sheet", "row-zero", "title-line", "data-row", "title-mapped-away", "no-known-heading"],
)
def test_a_chosen_header_row_outside_the_sheet_or_without_a_title_column_is_refused_naming_sheet_and_row(
    tmp_path: Path,
    build: Callable[[Path], Path],
    header_row: int,
    mapping: dict[str, int] | None,
    row: int | None,
) -> None:
    path = build(tmp_path / "l.xlsx")

    with pytest.raises(ImportFailed) as refused:
        import_file(path, header_row=header_row, mapping=mapping)

    sheet = "Liste" if build is workbooks.two_lists else "Notizen"
    assert refused.value.where is not None and (refused.value.where.sheet, refused.value.where.row) == (sheet, row)
    german, english = refused.value.text("de"), refused.value.text("en")
    assert f"Blatt '{sheet}'" in german and f"Zeile {header_row}" in german
    assert f"sheet '{sheet}'" in english and f"row {header_row}" in english
    expected = "There is no row" if row is None else "This row cannot be the header"
    assert expected in english


@pytest.mark.parametrize(
    ("build", "header_row", "mapping", "titles", "costs", "notes"),
    [
        (workbooks.two_lists, 8, {"notes": 1}, ["KI-Pilot", "Schulungen"], [0.0, 0.0], ["20000", "3000"]),
        (
            workbooks.two_lists,
            7,
            {"title": 0},
            ["Aufgabe", "KI-Pilot", "Schulungen"],
            [0.0, 0.0, 0.0],
            ["Spalte B: Budget", "Spalte B: 20000", "Spalte B: 3000"],
        ),
        (
            workbooks.two_lists,
            3,
            {"one_time_cost": -1},
            ["CRM einführen", "Backup 3-2-1", "Budget"],
            [0.0, 0.0, 0.0],
            ["Kosten: 12000", "Kosten: 1200", ""],
        ),
        (workbooks.unnamed_columns, 2, {"title": 0, "one_time_cost": 1}, ["CRM", "ERP"], [100.0, 900.0], ["", ""]),
    ],
    ids=["lower-list-cost-as-notes", "row-without-title-heading", "detected-row-cost-dropped", "unnamed-columns"],
)
def test_a_chosen_header_row_with_the_users_mapping_reads_the_rows_below_it_as_mapped(
    tmp_path: Path,
    build: Callable[[Path], Path],
    header_row: int,
    mapping: dict[str, int],
    titles: list[str],
    costs: list[float],
    notes: list[str],
) -> None:
    result = import_file(build(tmp_path / "l.xlsx"), header_row=header_row, mapping=mapping)

    assert result.header_row == header_row
    assert all(result.mapping.get(field) == column for field, column in mapping.items() if column >= 0)
    assert [m.title for m in result.measures] == titles
    assert [m.one_time_cost for m in result.measures] == costs
    assert [m.notes for m in result.measures] == notes

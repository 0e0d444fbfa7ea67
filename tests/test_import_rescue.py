"""Rescuing a list whose header the importer cannot find (roadmap/views/import_rescue.py), and reading a list without a
header row (header row 0) by the user's mapping."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from roadmap.importing.importer import import_file
from roadmap.importing.raw_sheets import ImportFailed
from roadmap.views import import_rescue
from roadmap.views.import_preview import NOT_MAPPED, field_labels
from roadmap.views.import_rescue import (
    HIGHLIGHT,
    KEPT_ROWS,
    SheetStart,
    examples,
    headings,
    rescue_columns,
    rescue_fields,
    rescue_table,
    sample,
    sample_caption,
    sample_view,
    sheet_starts,
    shown,
    suggested_header_row,
)
from tests import workbooks

HEADERLESS = "1;CRM einführen;12.000;Müller\n2;Backup 3-2-1;1.200;Becker\n3;Website neu;8.000;\n".encode()


def _book(*sheets: tuple[str, list[list[object]]], hidden: str = "") -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        if name == hidden:
            ws.sheet_state = "hidden"
    data = io.BytesIO()
    wb.save(data)
    return data.getvalue()


def _start(tmp_path: Path, build: Callable[[Path], Path] = workbooks.two_lists) -> SheetStart:
    path = build(tmp_path / "l.xlsx")
    return sheet_starts(path.read_bytes(), path.name)[0]


NONSENSE = [["Liste vom Workshop"], [], ["A1", "Spalte X", "Spalte Y"], [1, "CRM", 100], [2, "ERP", 900]]


def test_only_visible_worksheets_with_data_are_offered_with_their_first_rows_and_full_height() -> None:
    long = [["x", n] for n in range(KEPT_ROWS + 40)]
    data = _book(("Alt", [["alt"]]), ("Leer", []), ("Lang", long), ("Daten", NONSENSE), hidden="Alt")

    starts = sheet_starts(data, "liste.xlsx")

    assert [s.name for s in starts] == ["Lang", "Daten"]
    assert (len(starts[0].sheet.rows), starts[0].height) == (KEPT_ROWS, KEPT_ROWS + 40)
    assert shown(starts, "Daten").name == "Daten" and shown(starts, None).name == "Lang"


def test_a_file_that_is_no_spreadsheet_has_no_rows_to_show() -> None:
    with pytest.raises(ImportFailed):
        sheet_starts(b"Das ist keine Tabelle.", "liste.xlsx")


@pytest.mark.parametrize(
    ("sheets", "row"),
    [([("Daten", NONSENSE)], 3), ([("Leer oben", [[], [], ["a", "b"], ["c", "d"]])], 3), ([("Eins", [["x"]])], 1)],
    ids=["title-line-skipped", "blank-rows-skipped", "single-cell"],
)
def test_the_suggested_header_row_is_the_first_filled_about_as_wide_as_the_list(
    sheets: list[tuple[str, list[list[object]]]], row: int
) -> None:
    assert suggested_header_row(sheet_starts(_book(*sheets), "l.xlsx")[0]) == row


def test_a_list_without_header_suggests_its_first_row() -> None:
    assert suggested_header_row(sheet_starts(HEADERLESS, "liste.csv")[0]) == 1


def test_the_sample_numbers_rows_as_excel_does_and_names_columns_by_letter(tmp_path: Path) -> None:
    frame = sample(_start(tmp_path), 3)

    assert list(frame.columns) == ["row", "A", "B", "C", "D"]
    assert list(frame["row"]) == list(range(1, 11))
    assert list(frame.loc[2, ["A", "B"]]) == ["Nr.", "Maßnahme"]
    assert list(frame.loc[3, ["A", "C"]]) == ["1", "12000"] and frame.loc[1, "A"] == ""


def test_the_sample_moves_down_to_a_lower_header_row(tmp_path: Path) -> None:
    start = _start(tmp_path)

    assert list(sample(start, 8, count=4)["row"]) == [7, 8, 9, 10]
    assert list(sample(start, 0, count=4)["row"]) == [1, 2, 3, 4]
    assert sample(start, 50, count=4).empty


def test_the_sample_view_marks_only_the_header_row(tmp_path: Path) -> None:
    html = sample_view(_start(tmp_path), 3).to_html()

    marked = html.split("}")[0]  # the one rule that carries the highlight lists the cells it applies to
    assert HIGHLIGHT.split(";")[0] in html
    assert "_row2_col0" in marked and "_row2_col4" in marked and "_row3_col0" not in marked


def test_the_caption_names_the_sheet_and_its_rows_in_the_sessions_format() -> None:
    start = sheet_starts(_book(("Daten", [["x", n] for n in range(1200)])), "l.xlsx")[0]

    assert (
        sample_caption(start, "de") == "Die ersten Zeilen von Blatt **Daten** (1.200 Zeilen), nummeriert wie in Excel:"
    )
    assert sample_caption(start, "en").startswith("The first rows of sheet **Daten** (1,200 rows)")


def test_headings_are_the_chosen_rows_cells_with_merged_ones_filled_and_none_for_row_zero(tmp_path: Path) -> None:
    start = _start(tmp_path, workbooks.merged_header)

    assert headings(start, 3)[:4] == ("Nr.", "Maßnahme", "Kosten", "Kosten")
    assert headings(start, 0) == () and headings(start, 99) == ()


def test_the_columns_to_map_are_headed_or_filled_below_the_header_row(tmp_path: Path) -> None:
    start = _start(tmp_path)

    assert rescue_columns(start, 8) == [0, 1]
    assert rescue_columns(start, 4) == [0, 1, 2, 3]  # two number headings ('1', '3') are no calendar
    assert rescue_columns(start, 0) == [0, 1, 2, 3]


def test_the_calendar_columns_of_a_gantt_grid_are_not_offered() -> None:
    rows = [["Sache", "Preis", "KW 1", "KW 2", "KW 3"], ["CRM", 100, "x", "", "x"]]

    assert rescue_columns(sheet_starts(_book(("Plan", rows)), "l.xlsx")[0], 1) == [0, 1]


def test_the_fields_are_the_users_choices_first_then_what_the_headings_name(tmp_path: Path) -> None:
    start = _start(tmp_path)

    assert rescue_fields(start, 8, [0, 1], None) == ["title", "one_time_cost"]
    assert rescue_fields(start, 8, [0, 1], {"notes": 0, "title": 1}) == ["notes", "title"]
    assert rescue_fields(start, 4, [0, 1, 2, 3], None) == [None, None, None, None]
    assert rescue_fields(start, 0, [0, 1, 2, 3], {"title": 1, "id": 0}) == ["id", "title", None, None]


def test_each_column_shows_its_first_value_below_the_header_row(tmp_path: Path) -> None:
    start = _start(tmp_path)

    assert examples(start, 3, [0, 1, 2, 3]) == ["1", "CRM einführen", "12000", "3"]
    assert examples(start, 8, [0, 1, 5]) == ["KI-Pilot", "20000", ""]


def test_the_rescue_table_lists_letter_heading_first_value_and_field(tmp_path: Path) -> None:
    table, columns, fields = rescue_table(_start(tmp_path), 4, {"title": 1}, field_labels("de"))

    assert (columns, fields) == ([0, 1, 2, 3], [None, "title", None, None])
    assert list(table.columns) == ["column", "header", "example", "field"]
    assert table.values.tolist()[:2] == [
        ["A", "1", "2", NOT_MAPPED],
        ["B", "CRM einführen", "Backup 3-2-1", "Maßnahme (Titel)"],
    ]


# --- the importer with header row 0 ----------------------------------------------------------------


def test_header_row_zero_reads_every_row_as_a_measure_by_the_users_mapping() -> None:
    result = import_file(HEADERLESS, filename="liste.csv", header_row=0, mapping={"title": 1, "one_time_cost": 2})

    assert result.header_row == 0 and result.headers == ("", "", "", "")
    assert [m.title for m in result.measures] == ["CRM einführen", "Backup 3-2-1", "Website neu"]
    assert [m.one_time_cost for m in result.measures] == [12000.0, 1200.0, 8000.0]
    assert [m.notes for m in result.measures] == [
        "Spalte A: 1; Spalte D: Müller",
        "Spalte A: 2; Spalte D: Becker",
        "Spalte A: 3",
    ]
    assert all(p.where.row is not None and p.where.row >= 1 for p in result.problems)


@pytest.mark.parametrize("mapping", [None, {"one_time_cost": 2}, {"title": -1}])
def test_header_row_zero_without_a_title_column_is_refused_saying_to_map_it(mapping: dict[str, int] | None) -> None:
    with pytest.raises(ImportFailed) as refused:
        import_file(HEADERLESS, filename="liste.csv", header_row=0, mapping=mapping)

    assert "Without a header row (0), map the title column." in refused.value.text("en")
    assert "Ohne Kopfzeile (0) ordnen Sie die Titelspalte zu." in refused.value.text("de")


def test_only_row_zero_mentions_the_missing_header_row(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as refused:
        import_file(workbooks.two_lists(tmp_path / "l.xlsx"), header_row=11)

    assert "(0)" not in refused.value.text("en")


def test_the_sample_numbers_its_rows_as_excel_does_pinned_on_the_left() -> None:
    spec = import_rescue.sample_column_specs("en")["row"]
    assert (spec.kind, spec.label, spec.options["pinned"]) == ("number", "Row", True)

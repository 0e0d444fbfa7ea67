"""Importing a measure list: the sheet, the header, the columns and every quirk of people's lists."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from roadmap.importer import ImportResult, import_file
from roadmap.messages import ERROR
from roadmap.model import DONE, FIELDS, IDEA, PLANNED, RUNNING, Month
from roadmap.sheets import ImportFailed, Limits
from tests import workbooks
from tests.workbooks import FIXTURES


def _book(path: Path, rows: list[list[object]], title: str = "Maßnahmen") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _by_id(result: ImportResult) -> dict[str, object]:
    return {m.id: m for m in result.measures}


@pytest.fixture
def quirky(tmp_path: Path) -> ImportResult:
    """The quirky list of tests/workbooks.py, imported."""
    return import_file(workbooks.quirky_list(tmp_path / "ideen.xlsx"))


def test_the_header_is_found_below_a_title_and_a_date_line_starting_in_column_b(quirky: ImportResult) -> None:
    assert quirky.header_row == 5
    assert quirky.mapping["id"] == 1
    assert quirky.mapping["title"] == 2
    assert quirky.headers[1:3] == ("Nr.", "Maßnahme")


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


@pytest.mark.parametrize("levels", [2, 3])
def test_headers_merged_over_two_or_three_rows(tmp_path: Path, levels: int) -> None:
    result = import_file(workbooks.merged_header(tmp_path / "plan.xlsx", levels))

    first, second = result.measures
    assert result.header_row == 3 + levels - 1
    assert result.headers[2].startswith("Kosten einmalig")
    assert (first.one_time_cost, first.running_cost) == (2000.0, 600.0)
    assert (first.earliest_start, first.deadline) == (Month(2026, 2), Month(2026, 3))
    assert (second.value, second.effort, second.duration) == (3.0, 5.0, 6)
    assert not [p for p in result.problems if p.severity == ERROR]


def test_a_hidden_first_sheet_is_skipped_unless_asked_for_by_name(tmp_path: Path) -> None:
    path = workbooks.hidden_first(tmp_path / "h.xlsx")

    chosen = import_file(path)
    asked = import_file(path, sheet="Alt")

    assert (chosen.sheet, chosen.sheets) == ("Maßnahmen", ("Maßnahmen",))
    assert [m.title for m in asked.measures] == ["Veraltete Idee"]


def test_a_chart_sheet_first_is_skipped_and_refused_when_asked_for(tmp_path: Path) -> None:
    path = workbooks.chart_first(tmp_path / "c.xlsx")

    result = import_file(path)

    assert (result.sheet, result.sheets, len(result.measures)) == ("Liste", ("Liste",), 3)
    with pytest.raises(ImportFailed, match="Diagrammblatt"):
        import_file(path, sheet="Diagramm")


def test_the_mac_1904_date_system(tmp_path: Path) -> None:
    result = import_file(workbooks.mac_1904(tmp_path / "mac.xlsx"))

    assert [m.earliest_start for m in result.measures] == [Month(2026, 1), Month(2026, 4), Month(2026, 5)]


def test_a_raw_serial_number_counts_from_1904_in_a_mac_workbook(tmp_path: Path) -> None:
    wb = Workbook()
    wb.epoch = workbooks.CALENDAR_MAC_1904
    wb.active.append(["Maßnahme", "Start"])
    wb.active.append(["CRM", 44620])
    wb.save(tmp_path / "mac.xlsx")

    (measure,) = import_file(tmp_path / "mac.xlsx").measures

    assert measure.earliest_start == Month(2026, 3)


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

    running, idea = import_file(_book(tmp_path / "l.xlsx", rows)).measures

    assert (running.status, running.earliest_start, running.duration) == (RUNNING, Month(2026, 2), 8)
    assert (idea.status, idea.duration, idea.deadline) == (IDEA, 2, Month(2026, 9))


@pytest.mark.parametrize(("name", "sheet"), [("quirky_list.xls", "Ideen"), ("quirky_list.ods", "Ideen")])
def test_legacy_xls_and_ods_import_like_xlsx(name: str, sheet: str) -> None:
    result = import_file(FIXTURES / name)

    assert result.sheet == sheet
    assert [m.id for m in result.measures] == ["18", "22", "27", "30", "31", "32"]
    assert _by_id(result)["27"].one_time_cost == 12500.0
    assert _by_id(result)["30"].depends_on == ("18", "22", "27")


def test_a_merged_header_in_an_ods_file() -> None:
    result = import_file(FIXTURES / "merged_header.ods")

    assert [m.title for m in result.measures] == ["Cloud-Telefonie", "Dokumentenmanagement"]
    assert result.measures[0].running_cost == 600.0


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (
            "Nr.;Maßnahme;Kosten;Verantwortlich\r\n1;Schulung für Mitarbeiter;1.200,50 €;Müller\r\n".encode("cp1252"),
            "a.csv",
        ),
        ('\ufeffNo.,Measure,Cost,Owner\n1,Schulung für Mitarbeiter,"€1,200.50",Müller\n'.encode(), "b.csv"),
    ],
)
def test_csv_with_semicolons_in_windows_1252_or_commas_in_utf8_bom(data: bytes, name: str) -> None:
    (measure,) = import_file(data, filename=name).measures

    assert (measure.id, measure.title, measure.owner) == ("1", "Schulung für Mitarbeiter", "Müller")
    assert measure.one_time_cost == 1200.5


def test_named_phase_rows_and_section_rows_ending_in_a_colon_head_the_rows_below(tmp_path: Path) -> None:
    rows = [
        ["Maßnahme", "Kosten"],
        ["Phase 1: Quick Wins", None],
        ["Backups", 500],
        ["Release 2 ausrollen", 800],
        ["Umsetzung:", None],
        ["CRM", 5000],
    ]

    result = import_file(_book(tmp_path / "l.xlsx", rows))

    assert [(m.title, m.notes) for m in result.measures] == [
        ("Backups", "Phase: Phase 1: Quick Wins"),
        ("Release 2 ausrollen", "Phase: Phase 1: Quick Wins"),
        ("CRM", "Phase: Umsetzung"),
    ]


def test_ids_are_generated_in_row_order_when_there_is_no_id_column(tmp_path: Path) -> None:
    rows = [["Maßnahme", "Kosten"], ["A", 1], ["B", 2], ["C", 3]]

    result = import_file(_book(tmp_path / "l.xlsx", rows))

    assert [m.id for m in result.measures] == ["M001", "M002", "M003"]


def test_a_duplicate_id_is_renamed_with_a_warning(tmp_path: Path) -> None:
    rows = [["ID", "Maßnahme"], ["M1", "A"], ["M1", "B"]]

    result = import_file(_book(tmp_path / "l.xlsx", rows))

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

    result = import_file(_book(tmp_path / "l.xlsx", rows))

    assert [m.field for m in result.measures] == [FIELDS[2], FIELDS[2], FIELDS[3], FIELDS[3]]


def test_an_unknown_field_word_keeps_the_default_and_is_reported(tmp_path: Path) -> None:
    rows = [
        ["Handlungsfeld", "Maßnahme"],
        ["IT-Sicherheit", "Backups"],
        ["Kunden", "CRM"],
        ["Sonstiges", "X"],
    ]

    result = import_file(_book(tmp_path / "l.xlsx", rows))

    assert result.measures[2].field == FIELDS[0]
    assert "Handlungsfeld: Sonstiges" in result.measures[2].notes
    assert any("'Sonstiges'" in p.text("de") and p.where.row == 4 for p in result.problems)


def test_columns_that_cannot_be_mapped_are_kept_in_the_notes(tmp_path: Path) -> None:
    rows = [["Maßnahme", "Quelle", "Idee von"], ["CRM", "Workshop 1", "Frau Keller"]]

    result = import_file(_book(tmp_path / "l.xlsx", rows))

    assert result.measures[0].notes == "Quelle: Workshop 1; Idee von: Frau Keller"
    assert result.unmapped == ("Quelle", "Idee von")


def test_an_unreadable_value_is_kept_in_the_notes_and_reported(tmp_path: Path) -> None:
    rows = [["Maßnahme", "Start"], ["CRM", "nach der Messe"], ["ERP", "01.03.2026"]]

    result = import_file(_book(tmp_path / "l.xlsx", rows))

    assert result.measures[0].earliest_start is None
    assert result.measures[0].notes == "Start: nach der Messe"
    assert any(p.where.row == 2 and p.where.column == "B" and "nach der Messe" in p.text() for p in result.problems)


def test_a_priority_column_stands_in_for_value(tmp_path: Path) -> None:
    rows = [["Maßnahme", "Priorität"], ["A", 1], ["B", 2], ["C", 3], ["D", "hoch"]]

    result = import_file(_book(tmp_path / "l.xlsx", rows))

    assert [m.value for m in result.measures] == [5.0, 3.0, 1.0, 5.0]


def test_the_users_mapping_overrides_the_detected_one(tmp_path: Path) -> None:
    rows = [["Maßnahme", "Kosten", "Bemerkung"], ["CRM", 100, 5000]]

    result = import_file(_book(tmp_path / "l.xlsx", rows), mapping={"one_time_cost": 2, "notes": 1})

    assert result.measures[0].one_time_cost == 5000.0
    assert result.mapping["one_time_cost"] == 2


def _two_lists(path: Path) -> Path:
    """A title line, a list headed in row 3, and below it a second short list headed in row 8."""
    rows = [
        ["Digitalisierung Müller GmbH"],
        [],
        ["Nr.", "Maßnahme", "Kosten", "Dauer"],
        [1, "CRM einführen", 12000, 3],
        [2, "Backup 3-2-1", 1200, 1],
        [],
        ["Ideen für 2027"],
        ["Aufgabe", "Budget"],
        ["KI-Pilot", 20000],
        ["Schulungen", 3000],
    ]
    return _book(path, rows, title="Liste")


def _unnamed_columns(path: Path) -> Path:
    """A list whose header names no column the importer knows."""
    return _book(path, [["Notizen vom Workshop"], ["Sache", "Preis"], ["CRM", 100], ["ERP", 900]], title="Notizen")


@pytest.mark.parametrize(
    ("build", "header_row", "used", "titles"),
    [
        (_two_lists, None, 3, ["CRM einführen", "Backup 3-2-1", "Budget"]),
        (_two_lists, 3, 3, ["CRM einführen", "Backup 3-2-1", "Budget"]),
        (_two_lists, 8, 8, ["KI-Pilot", "Schulungen"]),
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


@pytest.mark.parametrize("build", [_two_lists, workbooks.quirky_list, workbooks.merged_header])
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
        (_two_lists, 11, None, None),
        (_two_lists, 0, None, None),
        (_two_lists, 1, None, 1),
        (_two_lists, 4, None, 4),
        (_two_lists, 8, {"title": -1}, 8),
        (_unnamed_columns, 2, None, 2),
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

    sheet = "Liste" if build is _two_lists else "Notizen"
    assert refused.value.where is not None and (refused.value.where.sheet, refused.value.where.row) == (sheet, row)
    german, english = refused.value.text("de"), refused.value.text("en")
    assert f"Blatt '{sheet}'" in german and f"Zeile {header_row}" in german
    assert f"sheet '{sheet}'" in english and f"row {header_row}" in english
    expected = "There is no row" if row is None else "This row cannot be the header"
    assert expected in english


@pytest.mark.parametrize(
    ("build", "header_row", "mapping", "titles", "costs", "notes"),
    [
        (_two_lists, 8, {"notes": 1}, ["KI-Pilot", "Schulungen"], [0.0, 0.0], ["20000", "3000"]),
        (
            _two_lists,
            7,
            {"title": 0},
            ["Aufgabe", "KI-Pilot", "Schulungen"],
            [0.0, 0.0, 0.0],
            ["Spalte B: Budget", "Spalte B: 20000", "Spalte B: 3000"],
        ),
        (
            _two_lists,
            3,
            {"one_time_cost": -1},
            ["CRM einführen", "Backup 3-2-1", "Budget"],
            [0.0, 0.0, 0.0],
            ["Kosten: 12000", "Kosten: 1200", ""],
        ),
        (_unnamed_columns, 2, {"title": 0, "one_time_cost": 1}, ["CRM", "ERP"], [100.0, 900.0], ["", ""]),
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


def test_the_sheet_with_the_best_header_is_chosen(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "Notizen"
    wb.active.append(["Ein paar Gedanken zum Workshop"])
    ws = wb.create_sheet("Liste")
    for row in workbooks.simple_rows():
        ws.append(row)
    wb.save(tmp_path / "l.xlsx")

    result = import_file(tmp_path / "l.xlsx")

    assert (result.sheet, result.sheets) == ("Liste", ("Notizen", "Liste"))


def test_a_sheet_asked_for_that_does_not_exist_is_named(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as refused:
        import_file(workbooks.simple_list(tmp_path / "l.xlsx"), sheet="Gibtsnicht")

    assert "'Gibtsnicht'" in refused.value.text("de") and "'Maßnahmen'" in refused.value.text("de")


def test_a_table_without_measures_is_refused_naming_the_columns_looked_for(tmp_path: Path) -> None:
    rows = [["Ort", "Temperatur"], ["Berlin", 21.5], ["Hamburg", 18.0]]

    with pytest.raises(ImportFailed) as refused:
        import_file(_book(tmp_path / "t.xlsx", rows))

    assert "No measure list found" in refused.value.text("en")
    assert "Maßnahme, Titel, Aufgabe" in refused.value.text("de")


def test_a_header_without_rows_is_refused_at_the_header_row(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as refused:
        import_file(workbooks.header_only(tmp_path / "h.xlsx"))

    assert refused.value.where is not None and refused.value.where.row == 1
    assert "no rows of measures" in refused.value.text("en")


def test_the_row_limit_applies(tmp_path: Path) -> None:
    path = workbooks.many_rows(tmp_path / "m.xlsx", 40)

    with pytest.raises(ImportFailed, match="zu viele Zeilen"):
        import_file(path, limits=Limits(max_rows=30))


def test_three_thousand_rows_import_in_well_under_two_seconds(tmp_path: Path) -> None:
    import time

    path = workbooks.many_rows(tmp_path / "m.xlsx", 3000)
    started = time.perf_counter()

    result = import_file(path)

    assert len(result.measures) == 3000
    assert result.measures[-1].depends_on == ("2999",)
    assert time.perf_counter() - started < 2


def test_the_programs_own_workbook_is_handed_to_its_own_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own_format = pytest.importorskip("roadmap.own_format")
    from roadmap.model import Measure, Profile

    seen: list[list[str]] = []

    def reader(sheets: list[object], filename: str) -> tuple[Profile, tuple[Measure, ...], tuple[()]]:
        seen.append([sheet.name for sheet in sheets])  # type: ignore[attr-defined]
        return Profile(name="Müller GmbH"), (Measure("M1", "CRM einführen"),), ()

    monkeypatch.setattr(own_format, "read_own_workbook", reader)
    wb = Workbook()
    wb.active.title = "Profil"
    wb.active.append(["Einstellung", "Wert"])
    wb.create_sheet("Maßnahmen").append(["ID", "Maßnahme"])
    wb.save(tmp_path / "roadmap.xlsx")

    result = import_file(tmp_path / "roadmap.xlsx")

    assert seen == [["Profil", "Maßnahmen"]]
    assert result.profile is not None and result.profile.name == "Müller GmbH"
    assert (result.sheet, [m.title for m in result.measures]) == ("Maßnahmen", ["CRM einführen"])

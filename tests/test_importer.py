"""Importing a measure list: finding the sheet, its header and its columns in every file format, and what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from roadmap.domain.messages import ERROR
from roadmap.domain.month import Month
from roadmap.importing.importer import import_file
from roadmap.importing.raw_sheets import ImportFailed, Limits
from tests import workbooks
from tests.workbooks import FIXTURES


def test_the_header_is_found_below_a_title_and_a_date_line_starting_in_column_b(tmp_path: Path) -> None:
    quirky = import_file(workbooks.quirky_list(tmp_path / "ideen.xlsx"))

    assert quirky.header_row == 5
    assert quirky.mapping["id"] == 1
    assert quirky.mapping["title"] == 2
    assert quirky.headers[1:3] == ("Nr.", "Maßnahme")


@pytest.mark.parametrize("levels", [2, 3])
def test_headers_merged_over_two_or_three_rows(tmp_path: Path, levels: int) -> None:
    result = import_file(workbooks.merged_header(tmp_path / "plan.xlsx", levels))

    first, second = result.measures
    assert result.header_row == 3 + levels - 1
    assert result.headers[2].startswith("Kosten einmalig")
    assert (first.one_time_cost, first.running_cost) == (2000.0, 600.0)
    assert (first.earliest_start, first.duration, first.deadline) == (Month(2026, 2), 2, None)  # Ende: planned
    assert (second.value, second.effort, second.duration) == (3.0, 5.0, 6)
    assert not [p for p in result.problems if p.severity == ERROR]


def test_a_merged_header_in_an_ods_file() -> None:
    result = import_file(FIXTURES / "merged_header.ods")

    assert [m.title for m in result.measures] == ["Cloud-Telefonie", "Dokumentenmanagement"]
    assert result.measures[0].running_cost == 600.0


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


def test_a_sheet_asked_for_that_does_not_exist_is_named(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as refused:
        import_file(workbooks.simple_list(tmp_path / "l.xlsx"), sheet="Gibtsnicht")

    assert "'Gibtsnicht'" in refused.value.text("de") and "'Maßnahmen'" in refused.value.text("de")


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


def test_the_users_mapping_overrides_the_detected_one(tmp_path: Path) -> None:
    rows = [["Maßnahme", "Kosten", "Bemerkung"], ["CRM", 100, 5000]]

    result = import_file(workbooks.book(tmp_path / "l.xlsx", rows), mapping={"one_time_cost": 2, "notes": 1})

    assert result.measures[0].one_time_cost == 5000.0
    assert result.mapping["one_time_cost"] == 2


def test_columns_that_cannot_be_mapped_are_kept_in_the_notes(tmp_path: Path) -> None:
    rows = [["Maßnahme", "Quelle", "Idee von"], ["CRM", "Workshop 1", "Frau Keller"]]

    result = import_file(workbooks.book(tmp_path / "l.xlsx", rows))

    assert result.measures[0].notes == "Quelle: Workshop 1; Idee von: Frau Keller"
    assert result.unmapped == ("Quelle", "Idee von")


def test_a_priority_column_stands_in_for_value(tmp_path: Path) -> None:
    rows = [["Maßnahme", "Priorität"], ["A", 1], ["B", 2], ["C", 3], ["D", "hoch"]]

    result = import_file(workbooks.book(tmp_path / "l.xlsx", rows))

    assert [m.value for m in result.measures] == [5.0, 3.0, 1.0, 5.0]


def test_a_table_without_measures_is_refused_naming_the_columns_looked_for(tmp_path: Path) -> None:
    rows = [["Ort", "Temperatur"], ["Berlin", 21.5], ["Hamburg", 18.0]]

    with pytest.raises(ImportFailed) as refused:
        import_file(workbooks.book(tmp_path / "t.xlsx", rows))

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


def test_three_thousand_rows_import_whole_with_their_dependencies(tmp_path: Path) -> None:
    # How fast: bench/bench_roundtrip.py (timing belongs in a benchmark, not in a test that must not flake).
    path = workbooks.many_rows(tmp_path / "m.xlsx", 3000)

    result = import_file(path)

    assert len(result.measures) == 3000
    assert result.measures[-1].depends_on == ("2999",)


def test_the_programs_own_workbook_is_handed_to_its_own_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from roadmap.domain.measure import Measure
    from roadmap.domain.profile import Profile
    from roadmap.importing import importer

    seen: list[list[str]] = []

    def reader(sheets: list[object], filename: str) -> tuple[Profile, tuple[Measure, ...], tuple[()]]:
        seen.append([sheet.name for sheet in sheets])  # type: ignore[attr-defined]
        return Profile(name="Müller GmbH"), (Measure("M1", "CRM einführen"),), ()

    monkeypatch.setattr(importer, "read_own_workbook", reader)
    wb = Workbook()
    wb.active.title = "Profil"
    wb.active.append(["Einstellung", "Wert"])
    wb.create_sheet("Maßnahmen").append(["ID", "Maßnahme"])
    wb.save(tmp_path / "roadmap.xlsx")

    result = import_file(tmp_path / "roadmap.xlsx")

    assert seen == [["Profil", "Maßnahmen"]]
    assert result.profile is not None and result.profile.name == "Müller GmbH"
    assert (result.sheet, [m.title for m in result.measures]) == ("Maßnahmen", ["CRM einführen"])


def test_a_three_row_merged_header_in_an_ods_file_reads_like_the_xlsx() -> None:
    result = import_file(FIXTURES / "merged_header3.ods")

    assert result.header_row == 5
    assert result.headers[3].startswith("Kosten laufend")
    assert [(m.title, m.running_cost) for m in result.measures] == [
        ("Cloud-Telefonie", 600.0),
        ("Dokumentenmanagement", 2400.0),
    ]


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_hidden_rows_are_not_imported_and_said(tmp_path: Path, kind: str) -> None:
    path = workbooks.hidden_rows(tmp_path / "liste.xlsx") if kind == "xlsx" else FIXTURES / "hidden_rows.ods"

    result = import_file(path)

    assert [m.title for m in result.measures] == ["Backup einrichten", "CRM einführen", "Shop relaunchen"]
    said = [p for p in result.problems if "Ausgeblendete Zeilen" in p.text("de")]
    assert len(said) == 1 and "4, 6" in said[0].text("de") and "Hidden rows not imported: 4, 6" in said[0].text("en")


def test_without_a_title_column_the_message_says_so_and_lists_the_headings_found() -> None:
    data = b"Nr.;Kosten;Start;Ende\n1;100;01.01.2026;01.02.2026\n2;200;01.01.2026;01.03.2026\n"

    with pytest.raises(ImportFailed) as refused:
        import_file(data, filename="liste.csv")

    assert "Die Spalte mit den Titeln der Maßnahmen fehlt" in refused.value.text("de")
    assert "Headings found: A 'Nr.', B 'Kosten', C 'Start', D 'Ende'" in refused.value.text("en")


def test_a_missing_file_is_named_like_in_every_other_message(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as refused:
        import_file(tmp_path / "liste.xlsx")

    assert refused.value.text("de") == (
        f"Datei liste.xlsx: Die Datei wurde nicht gefunden (gesucht in {tmp_path}) – bitte Namen und Ordner prüfen."
    )

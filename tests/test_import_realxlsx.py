"""Spreadsheets written by other people (the `realxlsx` fixture: a folder beside the repository, see
tests/helpers.py and the folder's SOURCES.md) import sensibly or are refused with a clear message –
never with another exception. Without the folder these tests skip and say why."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmap.domain.month import Month
from roadmap.domain.vocabulary import DONE, PLANNED, RUNNING
from roadmap.importing.files import read_sheets
from roadmap.importing.importer import ImportResult, import_file
from roadmap.importing.raw_sheets import ImportFailed

SPREADSHEETS = (".xlsx", ".xls", ".ods")
ALL_FILES = [
    f"{folder}/{name}"
    for folder, names in {
        "projects": [
            "de_andrin_zeitplanung.xlsx",
            "de_chulio_projektplan.xlsx",
            "de_davidjov_projektplan.xlsx",
            "de_mzodel_projektplan.xls",
            "de_nahku_zeitplan.xlsx",
            "de_stocyr_zeitplan.xlsx",
            "en_skyler_gantt.xlsx",
        ],
        "edge": [
            "any_sheets.xls",
            "any_sheets.xlsx",
            "date.ods",
            "date_1904.xlsx",
            "empty_sheet.xlsx",
            "header-row.xlsx",
            "merge_cells.xls",
            "merged_cells.ods",
            "merged_range.xlsx",
            "temperature-in-middle.xlsx",
        ],
    }.items()
    for name in names
]


def _imported(realxlsx: Path, name: str) -> ImportResult:
    return import_file(realxlsx / "projects" / name)


def _titles(result: ImportResult) -> list[str]:
    return [m.title for m in result.measures]


def _by_title(result: ImportResult) -> dict[str, object]:
    return {m.title: m for m in result.measures}


def test_every_stored_spreadsheet_is_covered_here(realxlsx: Path) -> None:
    stored = sorted(f"{path.parent.name}/{path.name}" for path in realxlsx.glob("*/*") if path.suffix in SPREADSHEETS)

    assert stored == sorted(ALL_FILES)


@pytest.mark.parametrize("name", ALL_FILES)
def test_every_file_and_every_sheet_imports_or_is_refused_clearly(realxlsx: Path, name: str) -> None:
    path = realxlsx / name
    try:
        names = [sheet.name for sheet in read_sheets(path, path.name)]
    except ImportFailed as refused:
        names = []
        assert refused.text("de") and refused.text("en")
    for sheet in [None, *names]:
        try:
            result = import_file(path, sheet=sheet)
        except ImportFailed as refused:
            assert refused.where is not None and refused.where.file == path.name
            assert len(refused.text("en")) > 30
        else:
            assert result.measures
            assert all(p.where.sheet == result.sheet and p.where.row for p in result.problems)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("any_sheets.xls", "No measure list found"),
        ("any_sheets.xlsx", "No measure list found"),
        ("date.ods", "No measure list found"),
        ("date_1904.xlsx", "No measure list found"),
        ("empty_sheet.xlsx", "empty"),
        ("header-row.xlsx", "No measure list found"),
        ("merge_cells.xls", "No measure list found"),
        ("merged_cells.ods", "No measure list found"),
        ("merged_range.xlsx", "No measure list found"),
        ("temperature-in-middle.xlsx", "No measure list found"),
    ],
)
def test_edge_files_without_a_measure_list_are_refused_with_the_reason(realxlsx: Path, name: str, words: str) -> None:
    with pytest.raises(ImportFailed) as refused:
        import_file(realxlsx / "edge" / name)

    assert words in refused.value.text("en")


def test_nahku_twelve_tasks_with_dates_from_2019_and_2020(realxlsx: Path) -> None:
    result = _imported(realxlsx, "de_nahku_zeitplan.xlsx")
    tasks = _by_title(result)

    assert result.header_row == 13
    assert len(result.measures) == 12
    assert (_titles(result)[0], _titles(result)[-1]) == ("Projekt-Kick-Off", "Projektabgabe")
    assert {m.earliest_start.year for m in result.measures} == {2019, 2020}
    assert result.measures[0].earliest_start == Month(2019, 10)
    assert (result.measures[-1].earliest_start, result.measures[-1].deadline) == (Month(2020, 6), None)  # Ende: planned
    assert tasks["Einführung"].description == "Einlesen, Tokengenerierung, erste Struktur der Arbeit"
    assert tasks["Extraktion einer reduzierten Grammatik aus der ursprünglichen TPTP Syntax"].duration == 2


def test_mzodel_real_tasks_are_read_and_the_223_template_rows_skipped(realxlsx: Path) -> None:
    result = _imported(realxlsx, "de_mzodel_projektplan.xls")
    measures = {m.id: m for m in result.measures}
    phase_rows = [p for p in result.problems if "Phasen" in p.text("de")]

    assert result.header_row == 12
    # 18 task rows: the WBS level-1 rows 1, 2 and 3 head their sub-tasks, 15 tasks remain.
    assert list(measures) == [
        "1.1", "1.2", "1.2.1", "1.2.2", "2.1", "2.1.1", "2.1.2", "2.1.3", "2.2", "2.3",
        "3.1", "3.2", "3.3", "3.4", "4",
    ]  # fmt: skip
    assert "13, 18, 25" in phase_rows[0].text("de")
    assert not any("<" in title or title == "NN" for title in _titles(result))
    assert measures["1.1"].notes.startswith("Phase: Aufbau des SIEM-Systems")
    assert measures["4"].notes == "Einteilung: 4"
    assert (measures["1.2"].status, measures["1.2"].earliest_start, measures["1.2"].duration) == (
        RUNNING,
        Month(2018, 11),
        3,
    )
    assert measures["1.1"].status == PLANNED
    assert measures["1.2.2"].duration == 2
    assert "CalcDone" not in measures["1.1"].notes


def test_davidjov_leaf_activities_with_their_phase_and_the_totals_row_skipped(realxlsx: Path) -> None:
    result = _imported(realxlsx, "de_davidjov_projektplan.xlsx")
    tasks = _by_title(result)

    assert len(result.measures) == 72
    assert not any("gesamt" in title.lower() or title.startswith("Meilenstein") for title in _titles(result))
    assert tasks["Brainstorming"].person_days == pytest.approx(3 / 8)
    assert tasks["Brainstorming"].notes.startswith("Phase: Exposé / Idee finden")
    assert tasks["Server"].person_days == pytest.approx(15.0)
    assert any("80, 94, 101, 104" in p.text("de") for p in result.problems)


def test_skyler_tasks_are_read_and_the_repeated_summary_rows_recognised(realxlsx: Path) -> None:
    result = _imported(realxlsx, "en_skyler_gantt.xlsx")
    tasks = _by_title(result)

    assert (result.sheet, result.header_row) == ("Gantt Chart", 4)
    assert len(result.measures) == 23
    assert "Capstone Project" not in tasks and "Phase I" not in tasks
    assert tasks["Project Propsal"].notes == "Phase: Phase I"
    assert tasks["Project Propsal"].earliest_start == Month(2018, 1)
    assert tasks["Toolset & Material Familiarization"].notes == ""
    assert any("5, 22, 33" in p.text("en") for p in result.problems)


def test_chulio_categories_are_filled_down_and_sub_items_named(realxlsx: Path) -> None:
    result = _imported(realxlsx, "de_chulio_projektplan.xlsx")
    tasks = _by_title(result)

    assert (result.header_row, len(result.measures)) == (5, 19)
    assert "Kategorie: Recherche" in tasks["Clustering"].notes
    assert "Teil von: Recherche Data-Mining Methoden" in tasks["Clustering"].notes
    assert "Kategorie: Abschlussarbeit" in tasks["Anfertigung der Abschlussarbeit"].notes


def test_stocyr_section_rows_ending_in_a_colon_are_phases(realxlsx: Path) -> None:
    result = _imported(realxlsx, "de_stocyr_zeitplan.xlsx")
    tasks = _by_title(result)

    assert len(result.measures) == 14
    assert not any(title.endswith(":") for title in tasks)
    assert tasks["Temperaturregelung"].notes == "Phase: Server-Software"


def test_andrin_numbered_phases_priorities_and_nameless_tasks(realxlsx: Path) -> None:
    result = _imported(realxlsx, "de_andrin_zeitplanung.xlsx")
    measures = {m.id: m for m in result.measures}

    assert (result.sheet, result.header_row) == ("Zeitplanung", 8)
    assert len(result.measures) == 23
    assert "Total" not in _titles(result) and "A001" in _titles(result)
    assert measures["101"].value == 5.0
    assert measures["101"].person_days == pytest.approx(3.5 / 8)
    assert measures["311"].notes.startswith("Phase: Implementation")
    assert "203" not in measures


def test_status_words_of_a_real_plan(realxlsx: Path) -> None:
    statuses = {m.status for m in _imported(realxlsx, "de_mzodel_projektplan.xls").measures}

    assert statuses <= {PLANNED, RUNNING, DONE}
    assert RUNNING in statuses

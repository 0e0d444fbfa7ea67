"""Reading spreadsheet files into rows, and refusing what is no readable spreadsheet."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from roadmap.importing.files import read_sheets
from roadmap.importing.raw_sheets import CHARTSHEET, WORKSHEET, ImportFailed, Limits
from tests import workbooks
from tests.workbooks import FIXTURES

REPO = Path(__file__).resolve().parent.parent


def test_an_xlsx_is_read_row_by_row_with_empty_cells_as_none(tmp_path: Path) -> None:
    path = workbooks.simple_list(tmp_path / "liste.xlsx")

    (sheet,) = read_sheets(path, path.name)

    assert sheet.name == "Maßnahmen"
    assert sheet.rows[0][:2] == ["ID", "Maßnahme"]
    assert sheet.rows[1][5] == date(2026, 1, 1)
    assert len(sheet.rows) == 4


def test_an_xlsm_is_read_like_an_xlsx(tmp_path: Path) -> None:
    path = workbooks.simple_list(tmp_path / "liste.xlsx").rename(tmp_path / "liste.xlsm")

    (sheet,) = read_sheets(path, path.name)

    assert sheet.rows[1][1] == "Microsoft 365 einführen"


@pytest.mark.parametrize("name", ["quirky_list.xls", "quirky_list.ods"])
def test_the_content_decides_over_a_wrong_extension(tmp_path: Path, name: str) -> None:
    path = tmp_path / "falsch.xlsx"
    path.write_bytes((FIXTURES / name).read_bytes())

    (sheet,) = read_sheets(path, path.name)

    assert sheet.rows[4][1] == "Nr."


def test_bytes_are_read_like_a_file(tmp_path: Path) -> None:
    data = workbooks.simple_list(tmp_path / "liste.xlsx").read_bytes()

    (sheet,) = read_sheets(data, "liste.xlsx")

    assert sheet.rows[3][1] == "KPI-Dashboard"


def test_columns_keep_their_place_when_the_used_range_starts_in_column_b(tmp_path: Path) -> None:
    path = workbooks.quirky_list(tmp_path / "ideen.xlsx")

    (sheet,) = read_sheets(path, path.name)

    assert sheet.rows[4][1:3] == ["Nr.", "Maßnahme "]


def test_hidden_and_chart_sheets_are_flagged(tmp_path: Path) -> None:
    hidden = read_sheets(workbooks.hidden_first(tmp_path / "h.xlsx"), "h.xlsx")
    chart = read_sheets(workbooks.chart_first(tmp_path / "c.xlsx"), "c.xlsx")

    assert [(s.name, s.hidden, s.kind) for s in hidden] == [
        ("Alt", True, WORKSHEET),
        ("Maßnahmen", False, WORKSHEET),
    ]
    assert [(s.name, s.kind) for s in chart] == [("Diagramm", CHARTSHEET), ("Liste", WORKSHEET)]


def test_merged_ranges_are_given_zero_based_and_inclusive(tmp_path: Path) -> None:
    path = workbooks.merged_header(tmp_path / "m.xlsx")

    (sheet,) = read_sheets(path, path.name)

    assert (2, 0, 3, 0) in sheet.merged
    assert (2, 2, 2, 3) in sheet.merged


def test_the_mac_1904_date_system_gives_the_same_dates(tmp_path: Path) -> None:
    path = workbooks.mac_1904(tmp_path / "mac.xlsx")

    (sheet,) = read_sheets(path, path.name)

    assert sheet.date1904
    assert sheet.rows[1][5] == date(2026, 1, 1)


def test_hidden_columns_are_known(realxlsx: Path) -> None:
    gantt = read_sheets(realxlsx / "projects" / "en_skyler_gantt.xlsx", "en_skyler_gantt.xlsx")[0]
    legacy = read_sheets(realxlsx / "projects" / "de_mzodel_projektplan.xls", "de_mzodel_projektplan.xls")[0]

    assert gantt.hidden_columns == {5, 6}
    assert legacy.hidden_columns == {7, 8}


@pytest.mark.parametrize("name", ["quirky_list.xls", "quirky_list.ods"])
def test_legacy_xls_and_opendocument_files_are_read(name: str) -> None:
    (sheet,) = read_sheets(FIXTURES / name, name)

    assert sheet.rows[4][1:4] == ["Nr.", "Maßnahme ", "Handlungsfeld"]
    assert sheet.rows[6][2] == "Backup-Konzept 3-2-1   "


@pytest.mark.parametrize(
    ("data", "rows"),
    [
        (
            "Nr.;Maßnahme;Kosten;Verantwortlich\r\n1;Schulung für Mitarbeiter;1.200,50 €;Müller\r\n".encode("cp1252"),
            [
                ["Nr.", "Maßnahme", "Kosten", "Verantwortlich"],
                ["1", "Schulung für Mitarbeiter", "1.200,50 €", "Müller"],
            ],
        ),
        (
            '\ufeffID,Measure,Cost,Start\nM1,"CRM, phase 1","€12,500.00",2026-03-01\n'.encode(),
            [["ID", "Measure", "Cost", "Start"], ["M1", "CRM, phase 1", "€12,500.00", "2026-03-01"]],
        ),
        (
            "Maßnahme;Kosten\nKI-Pilot;5,5\n\n".encode(),
            [["Maßnahme", "Kosten"], ["KI-Pilot", "5,5"]],
        ),
    ],
)
def test_csv_with_semicolon_or_comma_in_utf8_or_windows_1252(data: bytes, rows: list[list[str]]) -> None:
    (sheet,) = read_sheets(data, "liste.csv")

    assert sheet.rows == rows


def _truncated(tmp_path: Path) -> Path:
    data = workbooks.simple_list(tmp_path / "ok.xlsx").read_bytes()
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _png(tmp_path: Path) -> Path:
    path = tmp_path / "foto.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return path


def _word(tmp_path: Path) -> Path:
    path = tmp_path / "brief.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def _text_document(tmp_path: Path) -> Path:
    path = tmp_path / "protokoll.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


def _unknown_extension(tmp_path: Path) -> Path:
    path = tmp_path / "liste.pages"
    path.write_bytes(b"whatever")
    return path


def _random_xls(tmp_path: Path) -> Path:
    path = tmp_path / "kaputt.xls"
    path.write_bytes(b"\x01\x02\x03\x04" * 500)
    return path


def _blank_csv(tmp_path: Path) -> Path:
    path = tmp_path / "leer.csv"
    path.write_bytes(b"\r\n ; ; \r\n")
    return path


@pytest.mark.parametrize(
    ("build", "words"),
    [
        (_png, "PNG"),
        (_truncated, "damaged"),
        (lambda tmp: workbooks.encrypted_ole2(tmp / "geheim.xlsx"), "encrypted/password protected"),
        (lambda tmp: workbooks.empty_workbook(tmp / "leer.xlsx"), "empty"),
        (_blank_csv, "empty"),
        (lambda tmp: workbooks.xml_bomb(tmp / "bomb.xlsx"), "XML bomb"),
        (lambda tmp: workbooks.xml_bomb(tmp / "bomb.xlsx", "xl/sharedStrings.xml"), "XML bomb"),
        (lambda tmp: workbooks.zip_bomb(tmp / "zip.xlsx", 30), "too large when unpacked"),
        (_word, "no spreadsheet"),
        (_text_document, "no spreadsheet"),
        (_unknown_extension, "not supported"),
        (_random_xls, "not a readable spreadsheet"),
    ],
)
def test_a_file_that_is_no_readable_spreadsheet_is_refused_with_its_reason(
    tmp_path: Path, build: object, words: str
) -> None:
    path = build(tmp_path)  # type: ignore[operator]

    with pytest.raises(ImportFailed) as refused:
        read_sheets(path, path.name, Limits(max_bytes=1_000_000))

    assert words in refused.value.text("en")
    assert refused.value.where is not None and refused.value.where.file == path.name


def test_a_file_over_the_byte_limit_is_refused(tmp_path: Path) -> None:
    path = workbooks.simple_list(tmp_path / "liste.xlsx")

    with pytest.raises(ImportFailed) as refused:
        read_sheets(path, path.name, Limits(max_bytes=1000))

    assert "too large" in refused.value.text("en")
    assert "zu groß" in refused.value.text("de")


@pytest.mark.parametrize("name", ["lang.xlsx", "lang.csv"])
def test_a_sheet_over_the_row_limit_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".csv"):
        path.write_text("Maßnahme\n" + "".join(f"M{i}\n" for i in range(30)), encoding="utf-8")
    else:
        workbooks.many_rows(path, 30)

    with pytest.raises(ImportFailed) as refused:
        read_sheets(path, path.name, Limits(max_rows=20))

    assert "too many rows" in refused.value.text("en")


def test_no_library_complains_at_interpreter_shutdown(tmp_path: Path) -> None:
    files = [
        workbooks.simple_list(tmp_path / "ok.xlsx"),
        _truncated(tmp_path),
        _png(tmp_path),
        workbooks.encrypted_ole2(tmp_path / "geheim.xlsx"),
        workbooks.xml_bomb(tmp_path / "bomb.xlsx"),
        FIXTURES / "quirky_list.xls",
        FIXTURES / "quirky_list.ods",
    ]
    script = (
        "import sys\nfrom pathlib import Path\nfrom roadmap.importing.importer import import_file, ImportFailed\n"
        "for name in sys.argv[1:]:\n"
        "    try:\n        import_file(Path(name))\n    except ImportFailed:\n        pass\n"
    )

    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, files)], cwd=REPO, capture_output=True, text=True, timeout=60
    )

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout == ""


@pytest.mark.slow
def test_fifty_thousand_rows_are_imported_under_500_mb(tmp_path: Path) -> None:
    path = workbooks.many_rows(tmp_path / "gross.xlsx", 50_000)
    # How long it takes is measured in bench/bench_roundtrip.py, never asserted here.
    # VmHWM, not ru_maxrss: a child started from a large pytest process inherits its ru_maxrss.
    script = (
        "import re, sys\nfrom pathlib import Path\nfrom roadmap.importing.importer import import_file\n"
        "result = import_file(Path(sys.argv[1]))\n"
        "peak = re.search(r'VmHWM:\\s+(\\d+) kB', Path('/proc/self/status').read_text()).group(1)\n"
        "print(len(result.measures), peak)\n"
    )

    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    count, peak_kb = done.stdout.split()

    assert int(count) == 50_000
    assert int(peak_kb) < 500 * 1024

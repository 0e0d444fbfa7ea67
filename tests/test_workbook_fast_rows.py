"""The faster cell writer (roadmap/workbook/fast_rows.py) writes exactly the XML XlsxWriter writes."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
import xlsxwriter.workbook
from xlsxwriter.workbook import Workbook

from roadmap.domain.messages import Lang
from roadmap.domain.vocabulary import Status
from roadmap.domain.workshop import Workshop
from roadmap.planning.planner import plan
from roadmap.planning.scenario_compare import compare
from roadmap.workbook import writer
from roadmap.workbook.fast_rows import FastWorkbook
from roadmap.workbook.styles import put_row
from roadmap.workshop.scenarios import add_scenario, names, scenario_plan
from tests.pages import large_workshop
from ui.session import demo_workshop


def _parts(data: bytes) -> dict[str, bytes]:
    """Every part of an XLSX file but the document properties (they hold the time of writing)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name != "docProps/core.xml"}


def _both(write: Callable[[type[Workbook]], bytes]) -> tuple[dict[str, bytes], dict[str, bytes]]:
    return _parts(write(FastWorkbook)), _parts(write(Workbook))


def _roadmap_workbook(workshop: Workshop, lang: Lang, scenarios: bool) -> Callable[[type[Workbook]], bytes]:
    results = []
    if scenarios:
        workshop = add_scenario(workshop, "Vier Prozent", {"budget_share": 4})
        results = compare([(name, scenario_plan(workshop, name)) for name in names(workshop)])
    roadmap = plan(workshop.measures, workshop.profile)

    def write(book_class: type[Workbook]) -> bytes:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(writer, "FastWorkbook", book_class)
            return writer.workbook_bytes(roadmap, lang, scenarios=results)

    return write


@pytest.mark.parametrize(
    ("workshop", "lang", "scenarios"),
    [
        (demo_workshop, "de", False),
        (demo_workshop, "en", True),
        (lambda: large_workshop(600), "de", True),
    ],
    ids=["demo-de", "demo-en-scenarios", "600-measures"],
)
def test_the_roadmap_workbook_is_byte_for_byte_what_xlsxwriter_writes(
    workshop: Callable[[], Workshop], lang: Lang, scenarios: bool
) -> None:
    fast, plain = _both(_roadmap_workbook(workshop(), lang, scenarios))
    assert fast.keys() == plain.keys()
    for name in plain:
        assert fast[name] == plain[name], name


def _every_kind_of_cell(book_class: type[Workbook]) -> bytes:
    """Cells of every kind, row and column formats, row heights, gaps, a comment on a second sheet."""
    buffer = io.BytesIO()
    book = book_class(buffer, {"in_memory": True, "nan_inf_to_errors": True})
    bold, money = book.add_format({"bold": True}), book.add_format({"num_format": "#,##0"})
    sheet = book.add_worksheet("Zellen")
    sheet.set_column(3, 3, 12, money)
    sheet.set_row(2, 30, bold)
    sheet.set_row(40, 24)  # a row with a height and no cells
    sheet.write_string(0, 0, 'Text & <Zeichen> "zitiert"')
    sheet.write_number(0, 1, 1 / 3)
    sheet.write_number(0, 3, 12_500)  # the column's format
    sheet.write_number(2, 1, 7)  # the row's format
    sheet.write_datetime(1, 0, date(2026, 3, 1), money)
    sheet.write_blank(1, 1, None, bold)
    sheet.write_boolean(1, 2, True)
    sheet.write_formula(1, 3, "=B1*2", money, 0.6667)
    sheet.write_formula(1, 4, '=IF(B1>0,"ja","nein")', None, "ja")
    sheet.write_rich_string(3, 0, "fett ", bold, "und", " normal")
    sheet.write_url(4, 0, "https://example.org/", string="Link")
    sheet.write_number(5, 200, float("nan"))  # far to the right: a column name of three letters
    sheet.write_string(17, 5, "  Leerzeichen  ")  # a second block of 16 rows
    noted = book.add_worksheet("Notiz")
    noted.write_string(0, 0, "mit Notiz")
    noted.write_comment(0, 0, "Kommentar")
    book.close()
    return buffer.getvalue()


def test_every_kind_of_cell_is_written_as_xlsxwriter_writes_it() -> None:
    fast, plain = _both(_every_kind_of_cell)
    assert fast.keys() == plain.keys()
    for name in plain:
        assert fast[name] == plain[name], name


def _rows_of_every_value(book_class: type[Workbook]) -> bytes:
    """put_row with every kind of value a sheet may hold, in rows written out of order."""
    buffer = io.BytesIO()
    book = book_class(buffer, {"in_memory": True, "nan_inf_to_errors": True})
    money = book.add_format({"num_format": "#,##0"})
    sheet = book.add_worksheet("Werte")
    values = [
        None, "", "Text", Status.IDEA, True, 3, 2.5, float("nan"), float("inf"), date(2026, 1, 31),
        datetime(2026, 2, 1, 12, 30), time(8, 15), timedelta(days=2), "x" * 20_000, "Text",
    ]  # fmt: skip
    put_row(sheet, 3, values, [money] * len(values))
    put_row(sheet, 1, values)
    put_row(sheet, 2, [None, None, "erst ab C"])
    put_row(sheet, 4, [None] * 3)
    book.close()
    return buffer.getvalue()


def test_put_row_writes_every_value_as_xlsxwriter_writes_it() -> None:
    fast, plain = _both(_rows_of_every_value)
    for name in plain:
        assert fast[name] == plain[name], name


def test_the_workbook_is_zipped_quickly_and_other_workbooks_as_xlsxwriter_zips_them() -> None:
    data = writer.workbook_bytes(plan(demo_workshop().measures, demo_workshop().profile))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        sheet = archive.read("xl/worksheets/sheet1.xml")
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    assert info.compress_type == zipfile.ZIP_DEFLATED
    midway = (len(zlib.compress(sheet, 1)) + len(zlib.compress(sheet, 6))) / 2
    assert info.compress_size > midway  # zlib level 1, not its default 6
    assert xlsxwriter.workbook.ZipInfo is zipfile.ZipInfo  # put back after the export

"""Cell formats of the roadmap workbook and the one safe way to write a cell (XlsxWriter).

Every value goes through `put`, which writes text with write_string: a title such as '=1+1' or
'+49 170 …' stays text in every spreadsheet program and can never run as a formula (docs/workbook.md).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from roadmap.domain.messages import Lang
from roadmap.domain.vocabulary import FIELD_COLORS
from roadmap.workbook.fast_rows import DIGITS, FastRowsSheet

# A spreadsheet cell's value, as this workbook writes it and the importer reads any file.
Cell = None | str | int | float | bool | datetime | date | time | timedelta

GREY = "#D9D9D9"
# Share of white mixed into a field's colour for filled text cells: light enough for black text.
TINT = 0.6


def tint(color: str, share: float = TINT) -> str:
    """A lighter shade of a '#RRGGBB' colour (share of white mixed in)."""
    channels = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * share):02X}" for c in channels)


class Styles:
    """The formats used across the sheets, created once per workbook in its language."""

    def __init__(self, book: Workbook, lang: Lang) -> None:
        english = lang == "en"
        self.book, self.lang = book, lang
        self.title = book.add_format({"bold": True, "font_size": 13})
        self.header = book.add_format({"bold": True, "bg_color": GREY, "bottom": 1, "text_wrap": True, "valign": "top"})
        self.date = book.add_format({"num_format": "yyyy-mm-dd" if english else "dd.mm.yyyy"})
        self.month = book.add_format({"num_format": "yyyy-mm" if english else "mm.yyyy", "align": "left"})
        self.money = book.add_format({"num_format": '"€"#,##0' if english else '#,##0 "€"'})
        self.money_bold = book.add_format({"num_format": '"€"#,##0' if english else '#,##0 "€"', "bold": True})
        self.share = book.add_format({"num_format": "0.0"})
        self.score = book.add_format({"num_format": "0.00"})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.bold = book.add_format({"bold": True})
        self.left = book.add_format({"align": "left"})
        self.field = {
            name: book.add_format({"bg_color": tint(color), "pattern": 1}) for name, color in FIELD_COLORS.items()
        }
        # Bars: formats of conditional formatting rules (Gantt), grey for a field typed wrongly.
        self.bar = {name: book.add_format({"bg_color": color}) for name, color in FIELD_COLORS.items()}
        self.bar[""] = book.add_format({"bg_color": "#A0A0A0"})
        self.grid = book.add_format({"border": 1, "border_color": "#D0D0D0"})
        self.grid_phase = book.add_format({"border": 1, "border_color": "#D0D0D0", "left_color": "#707070"})
        self.bar_cell = {
            name: book.add_format({"bg_color": color, "pattern": 1}) for name, color in FIELD_COLORS.items()
        }


def put(sheet: Worksheet, row: int, column: int, value: Cell, style: Format | None = None) -> None:
    """Write one cell by its type; text always as text (write_string), never as a formula; a number with at
    most DIGITS decimals, so that no sheet shows a raw float's error."""
    # The underscored writers are what XlsxWriter's public ones call after an A1-notation check;
    # skipping that check saves a fifth of the export time of a 3,000-measure workbook.
    if value is None or value == "":
        if style is not None:
            sheet._write_blank(row, column, None, style)
    elif isinstance(value, bool):
        sheet._write_boolean(row, column, value, style)
    elif isinstance(value, str):
        sheet._write_string(row, column, value, style)
    elif isinstance(value, float):
        sheet._write_number(row, column, round(value, DIGITS) if math.isfinite(value) else value, style)
    elif isinstance(value, int):
        sheet._write_number(row, column, value, style)
    elif isinstance(value, (date, datetime)):
        sheet._write_datetime(row, column, value, style)
    else:
        sheet._write_string(row, column, str(value), style)


def put_row(sheet: Worksheet, row: int, values: Sequence[Cell], styles: Sequence[Format | None] | None = None) -> None:
    """Write a row of cells from column A, each with its format (as `put` writes it).

    An empty value is written as a blank cell only for a format its column does not carry already
    (header_row's `formats`): a 3,000-measure workbook is spared tens of thousands of empty cells.
    """
    if isinstance(sheet, FastRowsSheet):
        sheet.put_cells(row, values, styles, put)
        return
    # The writer of each plain type looked up once per row: the rows of a 3,000-measure workbook
    # hold ~150,000 cells. Anything else (a StrEnum, a time, None) goes through `put`.
    writers = {
        str: sheet._write_string,
        int: sheet._write_number,
        date: sheet._write_datetime,
        datetime: sheet._write_datetime,
    }
    for column, value in enumerate(values):
        style = styles[column] if styles is not None else None
        write = writers.get(value.__class__)
        if (value is None or value == "") and style is not None and style is column_format(sheet, column):
            continue
        if write is None or value == "":
            put(sheet, row, column, value, style)  # a float too: rounded to DIGITS decimals
        else:
            write(row, column, value, style)


def column_format(sheet: Worksheet, column: int) -> Format | None:
    """The format a column carries for all its cells (set by header_row), or None."""
    info = sheet.col_info.get(column)
    return info.column_format if info is not None else None


def header_row(
    sheet: Worksheet,
    names: Sequence[str],
    styles: Styles,
    widths: Sequence[float],
    formats: Sequence[Format | None] | None = None,
) -> None:
    """Bold header in row 1, frozen, with an autofilter-ready width for every column.

    `formats` gives the columns whose cells all share one format (dates, money): the column carries
    it, so its empty cells need not be written and a value typed in later takes the format too.
    """
    for column, (name, width) in enumerate(zip(names, widths, strict=True)):
        sheet.write_string(0, column, name, styles.header)
        sheet.set_column(column, column, width, formats[column] if formats is not None else None)
    # Room for two lines: not every program fits the row height to wrapped text by itself.
    lines = max((len(name) + 1) // max(int(width), 1) + 1 for name, width in zip(names, widths, strict=True))
    sheet.set_row(0, 15 * min(lines, 3))
    sheet.freeze_panes(1, 0)


def print_landscape(sheet: Worksheet, repeat_rows: int = 1) -> None:
    """A4 landscape, as wide as one page, header rows repeated on every page."""
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0, repeat_rows - 1)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_footer("&L&A&R&P / &N")

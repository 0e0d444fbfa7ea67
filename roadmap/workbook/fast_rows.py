"""A worksheet that writes its cells' XML faster than XlsxWriter's own loop, byte for byte the same.

XlsxWriter turns every cell into XML at `close()` through several calls per cell (cell reference,
attribute list, escaping, a type dispatch by class name); for the ~140,000 cells of a 3,000-measure
workbook that is the largest single cost of an export. `FastRowsSheet` writes the common cells
(numbers, dates, shared strings, formatted blanks) of a row with one string join and hands every
other kind of cell (formulas, booleans, rich strings …) to XlsxWriter's own `_write_cell`, so the
XML is identical to what XlsxWriter writes (tests/test_workbook_fast_rows.py compares the two).
Its `put_cells` stores a row's text, numbers and dates the way XlsxWriter's writers store them,
with one check of the sheet's bounds per row; `styles.put_row` uses it on these sheets.

`FastWorkbook` zips the parts at zlib level 1 instead of the default 6: a third of the time for a
file about a third larger (0.85 instead of 0.64 MB for 3,000 measures); the parts are the same.
"""

from __future__ import annotations

import itertools
import math
import threading
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

import xlsxwriter.workbook
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import CellBlankTuple, CellDatetimeTuple, CellNumberTuple, CellStringTuple, Worksheet

DIGITS = 6  # a number is written with at most this many decimals: 19.999999999 (a sum's float error) as 20

# Text up to this length fits a cell whatever its characters (Excel's limit: 32,767 UTF-16 units).
_SHORT_TEXT = 16_383


class FastRowsSheet(Worksheet):  # type: ignore[misc]  # XlsxWriter is untyped here
    """XlsxWriter's worksheet with a faster `_write_rows` (used when cells are kept in memory)."""

    def __init__(self) -> None:
        super().__init__()
        self._dates: dict[tuple[type, date], float] = {}  # a date's Excel serial number, computed once

    def put_cells(
        self,
        row: int,
        values: Sequence[Any],
        formats: Sequence[Any] | None,
        put: Callable[[Worksheet, int, int, Any, Any], None],
    ) -> None:
        """A row of cells from column A as `put` writes them: text, numbers and dates stored directly.

        What XlsxWriter's `_write_string`, `_write_number` and `_write_datetime` store, with the
        sheet's dimensions checked once per row; any other value (None, a bool, long text, NaN)
        goes through `put`, in column order, so shared strings are numbered as before. An empty
        value is written as a blank cell only when it has a format its column does not carry.
        """
        cells: dict[int, Any] = {}
        columns = self.col_info
        strings = self.str_table
        known: dict[str, int] = strings.string_table  # text → its shared string's index
        repeated = 0  # texts already in the table: XlsxWriter counts every use
        dates = self._dates
        pairs = zip(values, formats if formats is not None else _NO_FORMATS, strict=False)  # a format per value
        for column, (value, style) in enumerate(pairs):
            kind = value.__class__
            if kind is str and 0 < len(value) <= _SHORT_TEXT:  # the commonest cell first
                index = known.get(value)
                if index is None:
                    index = strings._get_shared_string_index(value)
                else:
                    repeated += 1
                cells[column] = _new(CellStringTuple, (index, style))
            elif kind is int:
                cells[column] = _new(CellNumberTuple, (value, style))
            elif kind is float and math.isfinite(value):
                cells[column] = _new(CellNumberTuple, (round(value, DIGITS), style))  # no 19.999999999
            elif value is None or value == "":
                info = columns.get(column)
                if style is not None and (info is None or info.column_format is not style):
                    cells[column] = _new(CellBlankTuple, (style,))  # an empty cell is written only for its format
            elif kind is date or kind is datetime:
                number = dates.get((kind, value))
                if number is None:
                    number = dates[kind, value] = self._convert_date_time(value)
                cells[column] = _new(CellDatetimeTuple, (number, style or self.default_date_format))
            elif isinstance(value, str) and len(value) <= _SHORT_TEXT:  # a StrEnum
                cells[column] = _new(CellStringTuple, (strings._get_shared_string_index(value), style))
            else:
                self._store(row, cells)
                cells = {}
                put(self, row, column, value, style)
        strings.count += repeated
        self._store(row, cells)

    def _store(self, row: int, cells: dict[int, Any]) -> None:
        """Cells of one row into the sheet, its used range grown as each write would grow it."""
        if cells and not self._check_dimensions(row, min(cells)) and not self._check_dimensions(row, max(cells)):
            self.table[row].update(cells)

    def _calculate_spans(self) -> None:
        # The same "spans" as XlsxWriter's: the first and last used column of each block of 16 rows.
        if self.comments:
            super()._calculate_spans()
            return
        blocks: dict[int, tuple[int, int]] = {}
        table: dict[int, dict[int, Any]] = self.table
        for row_num in sorted(table):
            cells = table[row_num]
            if not cells or not self.dim_rowmin <= row_num <= self.dim_rowmax:
                continue
            low, high = min(cells), max(cells)
            first, last = blocks.get(row_num // 16, (low, high))
            blocks[row_num // 16] = (min(first, low), max(last, high))
        self.row_spans = {index: f"{low + 1}:{high + 1}" for index, (low, high) in blocks.items()}

    def _write_rows(self) -> None:
        if self.constant_memory or self.comments:
            super()._write_rows()
            return
        self._calculate_spans()
        # (column, format) → the pieces of a cell's XML around its row number and value, made once.
        self._heads: dict[tuple[int, Any], tuple[str, str, str, str]] = {}
        table: dict[int, dict[int, Any]] = self.table
        row_info, spans, write = self.row_info, self.row_spans, self.fh.write
        # A row without settings of its own is `<row r="…" spans="…">` (XlsxWriter's _write_row).
        plain_rows = self.default_row_height == self.original_row_height and self.excel_version != 2010
        for row_num in range(self.dim_rowmin, self.dim_rowmax + 1):
            cells = table.get(row_num)
            info = row_info.get(row_num)
            if not cells:
                if info is not None:
                    self._write_empty_row(row_num, spans.get(row_num // 16), info)
                continue
            span = spans.get(row_num // 16)
            if info is None and plain_rows:
                write(f'<row r="{row_num + 1}" spans="{span}">' if span else f'<row r="{row_num + 1}">')
            else:
                self._write_row(row_num, span, info)
            self._write_cells(row_num, cells, write, info)
            write("</row>")

    def _write_cells(self, row_num: int, cells: dict[int, Any], write: Any, info: Any) -> None:
        """One row's cells in column order; kinds other than numbers, strings and blanks go to XlsxWriter."""
        number = str(row_num + 1)
        parts: list[str] = []
        # A cell without a format takes its row's or its column's: cached by column unless the row has one.
        heads = self._heads if info is None or not info.row_format else {}
        for col_num in sorted(cells):
            cell = cells[col_num]
            kind = cell.__class__
            if kind not in _FAST:
                write("".join(parts))
                parts.clear()
                self._write_cell(row_num, col_num, cell)
                continue
            key = (col_num, cell[-1])  # the format is the last field of each of these cells
            head = heads.get(key)
            if head is None:
                head = heads[key] = self._head(row_num, col_num, cell[-1])
            if kind is CellStringTuple:
                parts.append(f"{head[0]}{number}{head[1]}{cell[0]}</v></c>")
            elif kind is CellBlankTuple:
                parts.append(f"{head[0]}{number}{head[3]}")
            else:
                parts.append(f"{head[0]}{number}{head[2]}{cell[0]:.16G}</v></c>")
        write("".join(parts))

    def _head(self, row_num: int, col_num: int, cell_format: Any) -> tuple[str, str, str, str]:
        """`<c r="A` and what follows the row number in a string, a number and a blank cell of this style."""
        style = self._style(row_num, col_num, cell_format)
        return f'<c r="{_column(col_num)}', f'"{style} t="s"><v>', f'"{style}><v>', f'"{style}/>'

    def _style(self, row_num: int, col_num: int, cell_format: Any) -> str:
        """The ` s="…"` attribute: the cell's format, else its row's, else its column's (as XlsxWriter)."""
        if cell_format:
            return f' s="{cell_format._get_xf_index()}"'
        info = self.row_info.get(row_num)
        if info is not None and info.row_format:
            return f' s="{info.row_format._get_xf_index()}"'
        column = self.col_info.get(col_num)
        if column is not None and column.column_format is not None:
            return f' s="{column.column_format._get_xf_index()}"'
        return ""


class FastWorkbook(Workbook):  # type: ignore[misc]  # XlsxWriter's Workbook is untyped
    """An XlsxWriter workbook whose worksheets are `FastRowsSheet`s, zipped at ZIP_LEVEL."""

    worksheet_class = FastRowsSheet

    def _store_workbook(self) -> None:
        # XlsxWriter makes each part's ZipInfo itself, at zlib's default level; while this workbook is
        # stored its module makes them at ZIP_LEVEL (the lock keeps two exports from crossing).
        with _ZIP_LOCK:
            xlsxwriter.workbook.ZipInfo = _QuickZipInfo
            try:
                super()._store_workbook()
            finally:
                xlsxwriter.workbook.ZipInfo = zipfile.ZipInfo


ZIP_LEVEL = 1
_ZIP_LOCK = threading.Lock()


class _QuickZipInfo(zipfile.ZipInfo):
    """A part of the file compressed at ZIP_LEVEL."""

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._compresslevel = ZIP_LEVEL  # type: ignore[misc]  # zipfile's name before 3.13, an alias since


_NO_FORMATS = itertools.repeat(None)
# A cell tuple made without the Python-level __new__ of XlsxWriter's namedtuples.
_new = tuple.__new__
_FAST = frozenset({CellNumberTuple, CellDatetimeTuple, CellStringTuple, CellBlankTuple})
_COLUMNS: dict[int, str] = {}


def _column(col_num: int) -> str:
    name = _COLUMNS.get(col_num)
    if name is None:
        name = _COLUMNS[col_num] = xl_col_to_name(col_num)
    return name

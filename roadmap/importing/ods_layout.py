"""What python-calamine does not tell about an OpenDocument spreadsheet: merged cells, hidden rows and columns.

Read from content.xml in one streaming pass (the archive was checked for entity declarations before,
roadmap/importing/files.py). Any failure gives nothing merged and nothing hidden, never an error.
"""

from __future__ import annotations

import io
import typing
import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError, iterparse

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_SHEET, _ROW, _COLUMN = f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row", f"{{{_TABLE}}}table-column"
_CELLS = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
_NAME, _VISIBILITY = f"{{{_TABLE}}}name", f"{{{_TABLE}}}visibility"
_ROWS_REPEATED, _COLUMNS_REPEATED = f"{{{_TABLE}}}number-rows-repeated", f"{{{_TABLE}}}number-columns-repeated"
_ROWS_SPANNED, _COLUMNS_SPANNED = f"{{{_TABLE}}}number-rows-spanned", f"{{{_TABLE}}}number-columns-spanned"
_FAR = 1_048_576  # LibreOffice repeats the last empty row or column up to the sheet's end


@dataclass
class OdsLayout:
    """One sheet's merged ranges (0-based, inclusive: first_row, first_col, last_row, last_col) and hidden parts."""

    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)


def ods_layout(data: bytes) -> dict[str, OdsLayout]:
    """Merged ranges and hidden rows and columns per sheet name of an .ods file."""
    found: dict[str, OdsLayout] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as stream:
            _read(stream, found)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, ParseError):
        return found
    return found


def _read(stream: typing.IO[bytes], found: dict[str, OdsLayout]) -> None:
    layout, depth, row, column, width = OdsLayout(), 0, 0, 0, 0
    for event, element in iterparse(stream, events=("start", "end")):
        tag = element.tag
        if tag == _SHEET:
            depth += 1 if event == "start" else -1
            if event == "start" and depth == 1:
                layout, row, width = OdsLayout(), 0, 0
                found[element.get(_NAME, "")] = layout
        elif depth != 1:
            continue  # a table inside a cell is no part of the sheet's grid
        elif tag == _COLUMN and event == "start":
            repeat = _count(element.get(_COLUMNS_REPEATED))
            if element.get(_VISIBILITY, "visible") != "visible" and width < _FAR:
                layout.hidden_columns.update(range(width, width + min(repeat, 16_384)))
            width += repeat
        elif tag == _ROW:
            if event == "start":
                column = 0
            else:
                repeat = _count(element.get(_ROWS_REPEATED))
                if element.get(_VISIBILITY, "visible") != "visible" and row < _FAR and repeat < _FAR:
                    layout.hidden_rows.update(range(row, row + repeat))
                row += repeat
                element.clear()
        elif tag in _CELLS and event == "start":
            rows, columns = _count(element.get(_ROWS_SPANNED)), _count(element.get(_COLUMNS_SPANNED))
            if rows > 1 or columns > 1:
                layout.merged.append((row, column, row + rows - 1, column + columns - 1))
            column += _count(element.get(_COLUMNS_REPEATED))


def _count(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1

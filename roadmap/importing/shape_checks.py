"""Cheap checks of a spreadsheet's shape before any reader lays out its cells
(docs/security.md, files from outside).

A reader lays a sheet out as the rectangle from its first to its last filled cell, so one cell at XFD1048576
makes sixteen billion cells of a list of ten, and a row repeated a million times in an .ods is a million rows.
These checks walk the XML once in small pieces, as bytes (.xlsx) or as a stream of elements (.ods), count
where the filled cells lie and how long a text runs, and refuse with a sentence before anything large is
allocated. They answer the common cases fast; the reading child of roadmap/importing/sandbox.py catches what
they miss. The command line runs them too.

What they do not trust: an .xlsx sheet's declared <dimension> (python-calamine ignores it, and real files
often declare it wrong), and a cell without a value (calamine leaves it out).
"""

from __future__ import annotations

import re
import typing
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError, iterparse

from roadmap.domain.formats import number
from roadmap.domain.messages import Location, Message, column_letter
from roadmap.importing.hidden_columns import sheet_parts
from roadmap.importing.raw_sheets import ImportFailed, Limits, RawSheet, too_many_rows

_CHUNK = 1024 * 1024
# A filled cell of an .xlsx sheet: <c ...>value</c>; <c .../> holds nothing and is left out by the reader.
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/?)>")
_REFERENCE = re.compile(rb'\sr\s*=\s*["\']([A-Z]{1,3})(\d{1,7})["\']')
# A text between two tags: in UTF-8 with entities a character takes at most 8 bytes (&#x10FFFF; is 10, but
# such a text is no list anyone typed), so a run this long holds more than a cell's 32,767 characters.
_BYTES_PER_CHARACTER = 8

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_SHEET, _ROW = f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row"
_CELLS = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
_NAME, _VALUE_TYPE = f"{{{_TABLE}}}name", f"{{{_OFFICE}}}value-type"
_ROWS_REPEATED, _COLUMNS_REPEATED = f"{{{_TABLE}}}number-rows-repeated", f"{{{_TABLE}}}number-columns-repeated"


@dataclass
class Extent:
    """How far a sheet's filled cells reach: rows and columns counted from A1 (the reader's rectangle)."""

    rows: int = 0
    columns: int = 0

    def reach(self, row: int, column: int) -> None:
        """Widen the rectangle to hold a filled cell at this row and column (1-based)."""
        self.rows, self.columns = max(self.rows, row), max(self.columns, column)

    @property
    def cells(self) -> int:
        """How many cells a reader lays out for the sheet."""
        return self.rows * self.columns


def check_xlsx_shape(archive: zipfile.ZipFile, limits: Limits, where: Location) -> None:
    """Refuse an .xlsx whose sheets reach too far or hold a text longer than a cell can; else return."""
    for sheet, part in sheet_parts(archive).items():
        with archive.open(part) as stream:
            extent = _xlsx_extent(stream, limits, Location(where.file, sheet))
        check_extent(extent, limits, Location(where.file, sheet))
    if "xl/sharedStrings.xml" in archive.namelist():
        with archive.open("xl/sharedStrings.xml") as stream:
            _check_texts(stream, limits, where)


def _xlsx_extent(stream: typing.IO[bytes], limits: Limits, where: Location) -> Extent:
    """Where the filled cells of one worksheet's XML reach, read in chunks (a tag may straddle two)."""
    extent, run, tail = Extent(), 0, b""
    while chunk := stream.read(_CHUNK):
        run = _longest_text(chunk, run, limits, where)
        text = tail + chunk
        cut = text.rfind(b"<")
        text, tail = (text[:cut], text[cut:]) if cut >= 0 and b">" not in text[cut:] else (text, b"")
        for attributes, empty in _CELL.findall(text):
            found = _REFERENCE.search(attributes)
            if found and not empty:
                extent.reach(int(found.group(2)), _column_number(found.group(1)))
    return extent


def _check_texts(stream: typing.IO[bytes], limits: Limits, where: Location) -> None:
    run = 0
    while chunk := stream.read(_CHUNK):
        run = _longest_text(chunk, run, limits, where)


def _longest_text(chunk: bytes, run: int, limits: Limits, where: Location) -> int:
    """The length of the text still running at the chunk's end, given the run it began with; ImportFailed if
    any text between two tags is too long for a cell."""
    most = limits.max_cell_characters * _BYTES_PER_CHARACTER
    first = chunk.find(b"<")
    if first < 0:
        run += len(chunk)
    elif run + first > most or re.search(rb"<[^<]{%d}" % (most + 1), chunk):
        raise too_long_cell(limits, where)
    else:
        run = len(chunk) - chunk.rfind(b"<") - 1
    if run > most:
        raise too_long_cell(limits, where)
    return run


def _column_number(letters: bytes) -> int:
    """Excel's column letters as a number: A → 1, XFD → 16,384."""
    value = 0
    for letter in letters:
        value = value * 26 + letter - 64
    return value


def check_ods_shape(archive: zipfile.ZipFile, limits: Limits, where: Location) -> None:
    """Refuse an .ods whose sheets reach too far (repeated rows and columns counted) or hold too long a text."""
    with archive.open("content.xml") as stream:
        _check_texts(stream, limits, where)
    try:
        with archive.open("content.xml") as stream:
            for sheet, extent in _ods_extents(stream):
                check_extent(extent, limits, Location(where.file, sheet))
    except ParseError:
        return  # a damaged content.xml is the reader's to refuse, in its own words


def _ods_extents(stream: typing.IO[bytes]) -> typing.Iterator[tuple[str, Extent]]:
    """Each sheet's name and where its filled cells reach, repeats counted, in one streaming pass."""
    depth, row, column, filled, name, extent = 0, 0, 0, False, "", Extent()
    for event, element in iterparse(stream, events=("start", "end")):
        tag = element.tag
        if tag == _SHEET:
            depth += 1 if event == "start" else -1
            if event == "start" and depth == 1:
                name, row, extent = element.get(_NAME, ""), 0, Extent()
            elif event == "end" and depth == 0:
                yield name, extent
                element.clear()
        elif depth != 1 or event != "end":
            continue  # a table inside a cell is no part of the sheet's grid; a cell is counted at its end
        elif tag in _CELLS:
            repeat = _count(element.get(_COLUMNS_REPEATED))
            if element.get(_VALUE_TYPE) is not None or len(element):
                column, filled = column + repeat, True
                extent.columns = max(extent.columns, column)
            else:
                column += repeat
        elif tag == _ROW:
            row += _count(element.get(_ROWS_REPEATED))
            if filled:
                extent.rows = row
            column, filled = 0, False
            element.clear()


def _count(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def check_extent(extent: Extent, limits: Limits, where: Location) -> None:
    """Refuse a sheet with more rows, or more cells in its rectangle, than the limits allow."""
    if extent.cells > limits.max_cells:
        raise too_many_cells(extent, limits, where)
    if extent.rows > limits.max_rows + 1:  # one header row on top of the rows
        raise too_many_rows(extent.rows, limits, where)


def too_many_cells(extent: Extent, limits: Limits, where: Location) -> ImportFailed:
    """The sentence for a sheet whose filled cells span too large a rectangle."""
    de = f"{number(extent.columns, 'de', 0)} × {number(extent.rows, 'de', 0)}"
    en = f"{number(extent.columns, 'en', 0)} × {number(extent.rows, 'en', 0)}"
    return ImportFailed(
        Message(
            f"Die Datei konnte nicht gelesen werden: sie beschreibt ein Blatt von {de} Zellen (Spalten × Zeilen); "
            f"gelesen werden höchstens {number(limits.max_cells, 'de', 0)} Zellen je Blatt.",
            f"The file could not be read: it describes a sheet of {en} cells (columns × rows); "
            f"at most {number(limits.max_cells, 'en', 0)} cells per sheet are read.",
        ),
        where,
    )


def check_cell_lengths(sheets: list[RawSheet], limits: Limits, where: Location) -> None:
    """Refuse sheets with a text longer than a spreadsheet cell may hold, naming the first such cell."""
    most = limits.max_cell_characters
    for sheet in sheets:
        for row_index, row in enumerate(sheet.rows):
            for column, cell in enumerate(row):
                if isinstance(cell, str) and len(cell) > most:
                    spot = Location(where.file, sheet.name, row_index + 1, column_letter(column))
                    raise too_long_cell(limits, spot, len(cell))


def too_long_cell(limits: Limits, where: Location, characters: int = 0) -> ImportFailed:
    """The sentence for a text longer than a spreadsheet cell can hold."""
    most_de, most_en = number(limits.max_cell_characters, "de", 0), number(limits.max_cell_characters, "en", 0)
    has_de = f"{number(characters, 'de', 0)} Zeichen" if characters else f"mehr als {most_de} Zeichen"
    has_en = f"{number(characters, 'en', 0)} characters" if characters else f"more than {most_en} characters"
    return ImportFailed(
        Message(
            f"Die Datei konnte nicht gelesen werden: eine Zelle enthält {has_de}; eine Tabellenzelle fasst "
            f"höchstens {most_de}. Bitte den Text kürzen und die Datei noch einmal hochladen.",
            f"The file could not be read: a cell holds {has_en}; a spreadsheet cell holds at most {most_en}. "
            "Please shorten the text and upload the file again.",
        ),
        where,
    )

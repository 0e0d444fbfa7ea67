"""A sheet as read from a file, before any cell is interpreted, and the failures shared by every file format
(docs/import.md): roadmap/importing/files.py reads spreadsheets, roadmap/importing/text_files.py CSV text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from roadmap.domain.formats import number
from roadmap.domain.messages import Location, Message, RoadmapError
from roadmap.workbook.styles import Cell

WORKSHEET, CHARTSHEET = "worksheet", "chartsheet"


# Signatures of files people rename by mistake, so the message can say what the file really is.
OTHER_FORMATS = (
    (b"\x89PNG\r\n\x1a\n", "PNG-Bild", "PNG image"),
    (b"\xff\xd8\xff", "JPEG-Bild", "JPEG image"),
    (b"GIF8", "GIF-Bild", "GIF image"),
    (b"%PDF", "PDF-Dokument", "PDF document"),
)


@dataclass(frozen=True)
class Limits:
    """How large a file may be before it is refused (docs/import.md: 20 MB, 50,000 rows, 2,000,000 cells a sheet,
    a spreadsheet cell's 32,767 characters)."""

    max_bytes: int = 20 * 1024 * 1024
    max_rows: int = 50_000
    # The rectangle a reader lays out, from A1 to the last filled cell: 50,000 rows of 40 columns.
    max_cells: int = 2_000_000
    # Excel's own limit for one cell; a longer text comes from no spreadsheet program.
    max_cell_characters: int = 32_767


@dataclass
class RawSheet:
    """One sheet as read: its cells row by row (None for empty), nothing interpreted yet."""

    name: str
    rows: list[list[Cell]]
    hidden: bool = False
    kind: str = WORKSHEET
    # Merged ranges as (first_row, first_col, last_row, last_col), 0-based and inclusive.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    # Only raw serial numbers depend on it; cells formatted as dates are already dates.
    date1904: bool = False
    # Columns hidden in Excel (0-based): helper columns a person never sees.
    hidden_columns: frozenset[int] = frozenset()
    # Rows hidden by hand or by a filter (0-based): not imported, and said.
    hidden_rows: frozenset[int] = frozenset()
    # The planning tool whose export this is ('Trello', 'MS Project'), recognised by the file's content.
    tool: str = ""


DEFAULT_LIMITS = Limits()


class ImportFailed(RoadmapError):
    """The file cannot be imported at all; nothing in the workshop changes."""


def trimmed(row: Sequence[Cell]) -> list[Cell]:
    """Empty strings become None and empty cells at the row's end are dropped."""
    cells: list[Cell] = [None if value == "" else value for value in row]
    while cells and cells[-1] is None:
        cells.pop()
    return cells


def not_a_spreadsheet(data: bytes, where: Location) -> ImportFailed:
    for magic, de, en in OTHER_FORMATS:
        if data.startswith(magic):
            return ImportFailed(
                Message(
                    f"Die Datei ist keine Tabelle, sondern ein {de}.",
                    f"The file is not a spreadsheet but a {en}.",
                ),
                where,
            )
    return ImportFailed(
        Message(
            "Die Datei ist keine lesbare Tabelle (erwartet: .xlsx, .xlsm, .xls, .ods oder .csv – oder ein "
            "Trello-Board als JSON, ein MS-Project-Plan als XML).",
            "The file is not a readable spreadsheet (expected: .xlsx, .xlsm, .xls, .ods or .csv – or a Trello "
            "board as JSON, an MS Project plan as XML).",
        ),
        where,
    )


def too_many_rows(rows: int, limits: Limits, where: Location) -> ImportFailed:
    return ImportFailed(
        Message(
            f"Das Blatt hat zu viele Zeilen ({number(rows, 'de', 0)}); "
            f"erlaubt sind höchstens {number(limits.max_rows, 'de', 0)}.",
            f"The sheet has too many rows ({number(rows, 'en', 0)}); "
            f"at most {number(limits.max_rows, 'en', 0)} are allowed.",
        ),
        where,
    )

"""A list whose header the importer cannot find: its first rows as Excel numbers them, so that the user can name the
header row (0: there is none) and the columns, and the importer reads it with that header row and mapping.

Pure functions behind the rescue on app_pages/08_import_export.py (no streamlit here): the page draws what they return.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from roadmap.domain import formats
from roadmap.domain.messages import Lang, Message, column_letter
from roadmap.importing.column_names import is_grid_header, map_columns
from roadmap.importing.files import read_sheets
from roadmap.importing.header import header_at
from roadmap.importing.raw_sheets import DEFAULT_LIMITS, WORKSHEET, Limits, RawSheet
from roadmap.importing.values import is_empty, text_of
from roadmap.views import escape
from roadmap.views.column_specs import ColumnSpec
from roadmap.views.column_specs import column as col
from roadmap.views.import_preview import heading_table

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

KEPT_ROWS = 60  # the importer never looks for a header further down
KEPT_COLUMNS = 60  # a list has far fewer columns; a Gantt grid's calendar is no measure data
SAMPLE_ROWS = 12
SAMPLE_COLUMNS = 26  # A–Z
HIGHLIGHT = "font-weight: bold; background-color: rgba(255, 189, 69, 0.35)"

RESCUE_HINT = Message(
    "**So lässt sich die Liste trotzdem lesen:** Wählen Sie die Zeile mit den Spaltenüberschriften (0, wenn die "
    "Liste keine hat) und ordnen Sie unten mindestens die Spalte mit dem Maßnahmentitel zu. Danach sehen Sie die "
    "Vorschau; übernommen wird erst, wenn Sie bestätigen.",
    "**How to read the list anyway:** choose the row holding the column headings (0 if the list has none) and "
    "below, map at least the column holding the measure's title. You then see the preview; nothing is taken over "
    "before you confirm.",
)


@dataclass(frozen=True)
class SheetStart:
    """The first rows of one worksheet (merged ranges and hidden columns kept) and how many rows it has."""

    sheet: RawSheet
    height: int

    @property
    def name(self) -> str:
        """The sheet's name."""
        return self.sheet.name


def sheet_starts(source: bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> tuple[SheetStart, ...]:
    """The first rows of every visible worksheet with data, as the importer sees them (ImportFailed if unreadable)."""
    return starts_of(read_sheets(source, filename, limits))


def starts_of(sheets: Sequence[RawSheet]) -> tuple[SheetStart, ...]:
    """The first rows of every visible worksheet with data among the sheets of a file already read."""
    starts = []
    for sheet in sheets:
        if sheet.kind != WORKSHEET or sheet.hidden or not any(not is_empty(c) for row in sheet.rows for c in row):
            continue
        rows = [row[:KEPT_COLUMNS] for row in sheet.rows[:KEPT_ROWS]]
        kept = RawSheet(sheet.name, rows, merged=sheet.merged, hidden_columns=sheet.hidden_columns)
        starts.append(SheetStart(kept, len(sheet.rows)))
    return tuple(starts)


def shown(starts: Sequence[SheetStart], sheet: str | None) -> SheetStart:
    """The sheet the user chose, else the first one (the one the importer reads with a chosen header row)."""
    return next((s for s in starts if s.name == sheet), starts[0])


def suggested_header_row(start: SheetStart) -> int:
    """Excel's number of the first row filled about as wide as the list (a title line above it is skipped)."""
    counts = [sum(not is_empty(c) for c in row) for row in start.sheet.rows]
    wide = max(counts, default=0)
    return next((r + 1 for r, count in enumerate(counts) if count and count * 2 >= wide), 1)


def sample(start: SheetStart, header_row: int, count: int = SAMPLE_ROWS) -> pd.DataFrame:
    """The first rows (lower down if the header row is): Excel's row number, then a column per letter."""
    rows = start.sheet.rows
    top = next((r + 1 for r, row in enumerate(rows) if any(not is_empty(c) for c in row)), 1)
    if header_row >= top + count - 1:
        top = header_row - 1
    rows = start.sheet.rows[top - 1 : top - 1 + count]
    width = min(SAMPLE_COLUMNS, max((len(row) for row in rows), default=0))
    table: dict[str, list[object]] = {"row": list(range(top, top + len(rows)))}
    for column in range(width):
        table[column_letter(column)] = [text_of(row[column]) if column < len(row) else "" for row in rows]
    return pd.DataFrame(table)


def sample_view(start: SheetStart, header_row: int) -> Styler:
    """The sample with the chosen header row marked, as in a spreadsheet's selection."""
    frame = sample(start, header_row)
    return frame.style.apply(lambda line: [HIGHLIGHT if line["row"] == header_row else ""] * len(line), axis=1)


def sample_caption(start: SheetStart, language: Lang) -> str:
    """What the sample shows: the first rows of which sheet, numbered as in Excel."""
    rows = formats.number(start.height, language, 0)
    sheet = escape.markdown(start.name)  # Markdown: the sheet's name is the file author's text
    return Message(
        f"Die ersten Zeilen von Blatt **{sheet}** ({rows} Zeilen), nummeriert wie in Excel:",
        f"The first rows of sheet **{sheet}** ({rows} rows), numbered as in Excel:",
    )(language)


def headings(start: SheetStart, header_row: int) -> tuple[str, ...]:
    """The texts of the chosen header row (merged cells filled in); none for row 0 or a row not kept."""
    if not 1 <= header_row <= len(start.sheet.rows):
        return ()
    return tuple(text.replace("\n", " ") for text in header_at(start.sheet, header_row - 1).texts)


def rescue_columns(start: SheetStart, header_row: int) -> list[int]:
    """The columns to map: headed or filled below the header row, but no Gantt calendar (3+ columns, as imported)."""
    texts = headings(start, header_row)
    below = start.sheet.rows[max(header_row, 0) :]
    filled = {c for row in below for c, cell in enumerate(row) if not is_empty(cell)}
    headed = {c for c, text in enumerate(texts) if text.strip()}
    grid = {c for c in headed if is_grid_header(texts[c])}
    return sorted((filled | headed) - (grid if len(grid) >= 3 else set()))


def rescue_fields(
    start: SheetStart, header_row: int, columns: Sequence[int], override: Mapping[str, int] | None
) -> list[str | None]:
    """The field each column would feed, as the importer maps that row: the user's choices first, then the headings."""
    chosen = dict(override or {})
    if 1 <= header_row <= len(start.sheet.rows):
        mapping = header_at(start.sheet, header_row - 1, chosen).mapping
    else:
        mapping = map_columns([""] * (max(columns, default=-1) + 1), chosen)
    field_of = {column: field for field, column in mapping.items()}
    return [field_of.get(c) for c in columns]


def examples(start: SheetStart, header_row: int, columns: Sequence[int]) -> list[str]:
    """Each column's first value below the header row, so a column without a heading can be told apart."""
    below = start.sheet.rows[max(header_row, 0) :]
    first = {}
    for row in below:
        for column, cell in enumerate(row):
            if column not in first and not is_empty(cell):
                first[column] = text_of(cell)
    return [first.get(c, "") for c in columns]


def rescue_table(
    start: SheetStart, header_row: int, override: Mapping[str, int] | None, labels: Mapping[str, str]
) -> tuple[pd.DataFrame, list[int], list[str | None]]:
    """The rescue's mapping editor for this header row: its table, the columns it lists and the field of each."""
    columns = rescue_columns(start, header_row)
    fields = rescue_fields(start, header_row, columns, override)
    table = heading_table(headings(start, header_row), columns, fields, labels, examples(start, header_row, columns))
    return table, columns, fields


def sample_column_specs(language: Lang) -> dict[str, ColumnSpec]:
    """The sample's row numbers as Excel counts them, pinned on the left."""
    return {"row": col("number", Message("Zeile", "Row")(language), format="%d", width=60, pinned=True)}

"""Find the header of a measure list: the row (or two or three merged rows) that best names its columns.

Title rows, blank rows and merged cells above it are common (docs/import.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from roadmap.importing.column_names import header_score, is_measure_header, map_columns
from roadmap.importing.raw_sheets import RawSheet
from roadmap.importing.values import is_empty, text_of
from roadmap.workbook.styles import Cell

_SCAN_ROWS = 60  # a header lower than this is no header a person would write
_SCAN_COLUMNS = 1000  # a day-by-day Gantt grid of a year fits; a row filled to column XFD is cut


@dataclass(frozen=True)
class Header:
    """A detected header: its rows (0-based, inclusive), the column texts and their mapping."""

    top: int
    bottom: int
    texts: tuple[str, ...]
    mapping: dict[str, int]
    score: float


def find_header(sheet: RawSheet, override: dict[str, int] | None = None) -> Header | None:
    """The header row (or two or three merged header rows) that best names a measure list's columns."""
    rows = sheet.rows
    scan = min(len(rows), _SCAN_ROWS)
    filled = _merge_fill(sheet, scan)
    cell, width = _reader(sheet, filled)

    def textual(r: int) -> bool:
        cells = [cell(r, c) for c in range(width(r))]
        return any(isinstance(v, str) and v.strip() for v in cells)

    best: Header | None = None
    best_key: tuple[float, int, int] | None = None
    for bottom in range(scan):
        if not textual(bottom):
            continue
        below = sum(any(not is_empty(v) for v in row) for row in rows[bottom + 1 : bottom + 21])
        numbers = sum(1 for c in range(width(bottom)) if isinstance(cell(bottom, c), (int, float)))
        for top in range(bottom, max(-1, bottom - 3), -1):
            if top < bottom and not _header_like([cell(top, c) for c in range(width(top))]):
                break
            texts = _combined(cell, top, bottom, max(width(r) for r in range(top, bottom + 1)))
            # Hidden helper columns are never mapped by themselves (the user may still choose them).
            visible = [t if c not in sheet.hidden_columns else "" for c, t in enumerate(texts)]
            score, found = header_score(visible)
            if not is_measure_header(found):
                continue
            # A longer list below breaks ties between sheets and rows; numbers mark a data row;
            # upper rows with several bands ('Kosten' | 'Zeitraum') belong to the header, a title does not.
            bands = sum(1 for r in range(top, bottom) if sum(not is_empty(v) for v in rows[r]) >= 2)
            score += below / 40 - 0.5 * numbers + 0.01 * bands
            key = (score, top - bottom, -bottom)
            if best_key is None or key > best_key:
                best_key = key
                best = Header(top, bottom, texts, map_columns(visible, override), score)
    if best is None:
        return None
    # Cells merged down from the header (A3:A5) make the rows they cover part of the header.
    bottom = best.bottom
    while bottom + 1 < min(scan, best.top + 4) and _merged_into(sheet, best.top, bottom):
        below_cells = [v for v in rows[bottom + 1] if not is_empty(v)]
        if not all(isinstance(v, str) for v in below_cells):
            break
        bottom += 1
    if bottom == best.bottom:
        return best
    texts = _combined(cell, best.top, bottom, max(width(r) for r in range(best.top, bottom + 1)))
    visible = [t if c not in sheet.hidden_columns else "" for c, t in enumerate(texts)]
    return Header(best.top, bottom, texts, map_columns(visible, override), best.score)


def header_at(sheet: RawSheet, index: int, override: dict[str, int] | None = None) -> Header:
    """The header the user chose: row `index` (0-based) alone, merged cells filled in, mapped as detected ones are."""
    cell, width = _reader(sheet, _merge_fill(sheet, index + 1))
    texts = _combined(cell, index, index, width(index))
    visible = [t if c not in sheet.hidden_columns else "" for c, t in enumerate(texts)]
    return Header(index, index, texts, map_columns(visible, override), 0.0)


def no_header(sheet: RawSheet, override: dict[str, int] | None = None) -> Header:
    """A list without a header row (header row 0): every row is data, its columns read as the user mapped them."""
    texts = ("",) * min(_SCAN_COLUMNS, max((len(row) for row in sheet.rows), default=0))
    return Header(-1, -1, texts, map_columns(list(texts), override), 0.0)


def _reader(
    sheet: RawSheet, filled: dict[tuple[int, int], Cell]
) -> tuple[Callable[[int, int], Cell], Callable[[int], int]]:
    """A header cell (a merged range's value in each of its cells) and a header row's width."""
    rows = sheet.rows

    def cell(r: int, c: int) -> Cell:
        if (r, c) in filled:
            return filled[(r, c)]
        return rows[r][c] if c < len(rows[r]) else None

    def width(r: int) -> int:
        return min(_SCAN_COLUMNS, max([len(rows[r]), *(c + 1 for (rr, c) in filled if rr == r)]))

    return cell, width


def _merged_into(sheet: RawSheet, top: int, bottom: int) -> bool:
    """True if a range merged in the header rows reaches down into the row below them."""
    return any(first <= bottom < last and first >= top for first, _, last, _ in sheet.merged)


def _merge_fill(sheet: RawSheet, scan: int) -> dict[tuple[int, int], Cell]:
    """For header rows: every cell of a merged range shows the range's value."""
    filled: dict[tuple[int, int], Cell] = {}
    for first_row, first_col, last_row, last_col in sheet.merged:
        if first_row >= scan or first_row >= len(sheet.rows):
            continue
        row = sheet.rows[first_row]
        value = row[first_col] if first_col < len(row) else None
        if is_empty(value):
            continue
        for r in range(first_row, min(last_row, scan - 1) + 1):
            for c in range(first_col, min(last_col, first_col + 400) + 1):
                filled[(r, c)] = value
    return filled


def _header_like(cells: list[Cell]) -> bool:
    """An upper header row holds text only (a title or a band such as 'Kosten' over two columns)."""
    present = [v for v in cells if not is_empty(v)]
    return bool(present) and all(isinstance(v, str) for v in present)


def _combined(cell: Callable[[int, int], Cell], top: int, bottom: int, width: int) -> tuple[str, ...]:
    texts = []
    for column in range(width):
        parts: list[str] = []
        for row in range(top, bottom + 1):
            text = text_of(cell(row, column))
            if text and text not in parts:
                parts.append(text)
        # Parts of a header of several rows stay apart for the mapping (see columns.scores).
        texts.append("\n".join(parts))
    return tuple(texts)


def first_row_header(sheet: RawSheet, override: dict[str, int] | None) -> Header | None:
    """With the user's own mapping, a sheet without a recognisable header uses its first row."""
    if not override:
        return None
    for index, row in enumerate(sheet.rows):
        if any(not is_empty(v) for v in row):
            texts = tuple(text_of(v) for v in row)
            return Header(index, index, texts, map_columns(list(texts), override), 0.0)
    return None

"""The table's columns as a whole: headers, the mapping to measure fields, and the reading conventions
decided once from all rows (number format, priority scale, whether the field column names fields).
"""

from __future__ import annotations

from dataclasses import dataclass

from roadmap.domain.messages import column_letter
from roadmap.importing.rows import MEASURE, Layout, Line
from roadmap.importing.values import is_empty, number_convention, parse_number
from roadmap.importing.words import parse_field
from roadmap.workbook.styles import Cell


@dataclass
class Columns:
    """The table's headers and mapping, and per-column reading conventions."""

    headers: tuple[str, ...]
    layout: Layout
    conventions: dict[int, str]
    priority_scale: int
    field_is_category: bool

    def header(self, column: int) -> str:
        """The column's header text, or 'Spalte C' if it has none."""
        text = self.headers[column] if column < len(self.headers) else ""
        return text or f"Spalte {column_letter(column)}"


def columns_of(headers: tuple[str, ...], layout: Layout, lines: list[Line]) -> Columns:
    """Decide each column's number convention, the priority scale and whether 'field' names fields."""
    mapping = layout.mapping
    conventions = {
        column: number_convention(line.cells[column] for line in lines if column < len(line.cells))
        for key, column in mapping.items()
        if key in ("one_time_cost", "running_cost", "person_days", "value", "effort", "votes")
    }
    scale = 3
    if "priority" in mapping:
        numbers = [_number(cell_at(line, mapping["priority"])) for line in lines]
        scale = 5 if max((n for n in numbers if n is not None), default=0) > 3 else 3
    category = False
    if "field" in mapping:
        values = [cell_at(line, mapping["field"]) for line in lines if line.kind == MEASURE]
        values = [v for v in values if not is_empty(v)]
        readable = sum(_is_field(v) for v in values)
        category = bool(values) and readable < len(values) / 2
    return Columns(headers, layout, conventions, scale, category)


def cell_at(line: Line, column: int | None) -> Cell:
    return line.cells[column] if column is not None and column < len(line.cells) else None


def _number(value: Cell) -> float | None:
    try:
        return parse_number(value)
    except ValueError:
        return None


def _is_field(value: Cell) -> bool:
    try:
        return parse_field(value) is not None
    except ValueError:
        return False

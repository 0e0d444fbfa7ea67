"""Cell parsers for reading the program's own workbook back (roadmap/importing/own_reader.py).

Each parser takes one non-empty cell as read and returns the model's value, or raises ValueError;
SheetReader turns that into a Problem with sheet, row and column and lets the default apply.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Final, Literal, TypeVar

from roadmap.domain.measure import DURATION_LIMIT
from roadmap.domain.messages import LANGS, Location, Message, Problem, Severity, column_letter
from roadmap.domain.month import Month, duration_months
from roadmap.domain.profile import PlanMode
from roadmap.domain.vocabulary import FIELDS, FIELDS_EN, STATUSES_EN, Status
from roadmap.importing.raw_sheets import RawSheet
from roadmap.importing.values import parse_date, parse_month, parse_number
from roadmap.importing.words import parse_bool, parse_field, parse_status
from roadmap.workbook.names import NO, PHASE_SEPARATOR, YES, Name
from roadmap.workbook.styles import Cell

_Code = TypeVar("_Code", bound=str)

_T = TypeVar("_T")


class Unreadable(Enum):
    """The mark of a cell that could not be read (a warning names it); the field keeps its default."""

    UNREADABLE = "unreadable"


UNREADABLE: Final = Unreadable.UNREADABLE


def key_of(text: object) -> str:
    """A name as compared: spaces collapsed, case folded."""
    return " ".join(str(text).split()).casefold()


class SheetReader:
    """A sheet being read, collecting the problems of its cells."""

    def __init__(self, raw: RawSheet, filename: str, problems: list[Problem]) -> None:
        self.raw, self.filename, self.problems = raw, filename, problems

    def warn(self, message: Message, row: int | None, column: int | None = None) -> None:
        """Note a warning at a cell (column None: the whole row)."""
        letter = column_letter(column) if column is not None else ""
        self.problems.append(Problem(message, Location(self.filename, self.raw.name, row, letter), Severity.WARNING))

    def read(
        self, cell: Cell, parser: Callable[[Cell], _T], row: int, column: int, label: str
    ) -> _T | Literal[Unreadable.UNREADABLE]:
        """The parsed cell, or UNREADABLE after a warning naming the cell."""
        try:
            return parser(cell)
        except (ValueError, TypeError, OverflowError):
            shown = text(cell).replace("\n", " ")
            self.warn(
                Message(
                    f"'{label}': '{shown}' kann nicht gelesen werden – der Standardwert gilt.",
                    f"'{label}': '{shown}' cannot be read – the default applies.",
                ),
                row,
                column,
            )
            return UNREADABLE


# ---- cell parsers: each takes a non-empty cell and returns the model's value or raises ValueError ----


def text(cell: Cell) -> str:
    """A cell as text, exactly as typed (whole numbers without '.0', dates in ISO form)."""
    if isinstance(cell, bool):
        return YES("de") if cell else NO("de")
    if isinstance(cell, float) and math.isfinite(cell) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, (date, datetime)):
        return cell.isoformat()
    return "" if cell is None else str(cell)


def number(cell: Cell) -> float:
    """A finite number from a number cell or German/English number text."""
    if isinstance(cell, (bool, date, datetime)) or not isinstance(cell, (int, float, str)):
        raise ValueError(cell)
    found = parse_number(cell) if isinstance(cell, str) else float(cell)
    if found is None or not math.isfinite(found):
        raise ValueError(cell)
    return found


def amount(cell: Cell) -> float:
    """A number that is not negative (money, person-days, percentages)."""
    found = number(cell)
    if found < 0:
        raise ValueError(cell)
    return found


def percent(cell: Cell) -> int:
    """A whole percentage from 0 to 100 (a measure's progress)."""
    found = amount(cell)
    if not found.is_integer() or found > 100:
        raise ValueError(cell)
    return int(found)


def day(date1904: bool) -> Callable[[Cell], date]:
    """A parser for a day from a date cell, an Excel serial or text such as '2026-11-30' or '30.11.2026'."""

    def parse(cell: Cell) -> date:
        found = parse_date(cell, date1904=date1904)
        if found is None:
            raise ValueError(cell)
        return found

    return parse


def score(cell: Cell) -> float:
    """A value or effort on the 1–5 scale."""
    found = number(cell)
    if not 1 <= found <= 5:
        raise ValueError(cell)
    return found


def count(cell: Cell) -> int:
    """A whole number that is not negative (votes, employees, dots)."""
    found = amount(cell)
    if not found.is_integer():
        raise ValueError(cell)
    return int(found)


def duration(cell: Cell) -> int:
    """Whole months, fractions rounded up (docs/planning.md)."""
    found = number(cell)
    if not 0 < found <= DURATION_LIMIT:
        raise ValueError(cell)
    return duration_months(found)


def flag(cell: Cell) -> bool:
    """Yes or no from ja/nein, yes/no, x, true/false, 1/0."""
    found = parse_bool(cell)
    if found is None:
        raise ValueError(cell)
    return found


def month(end: bool, date1904: bool) -> Callable[[Cell], Month]:
    """A parser for a month from a date, an Excel serial or text such as '2026-03'."""

    def parse(cell: Cell) -> Month:
        found = parse_month(cell, end=end, date1904=date1904)
        if found is None:
            raise ValueError(cell)
        return found

    return parse


_FIELD_OF = {key_of(f): f for f in FIELDS} | {key_of(en): de for de, en in FIELDS_EN.items()}
_STATUS_OF = {key_of(s): s for s in Status} | {key_of(en): de for de, en in STATUSES_EN.items()}


def field_of_action(cell: Cell) -> str:
    """A field of action by its German or English name (or a telling word, as on import)."""
    found = _FIELD_OF.get(key_of(cell)) or parse_field(cell)
    if found is None:
        raise ValueError(cell)
    return found


def status(cell: Cell) -> Status:
    """A status by its German or English name (or a usual word for it)."""
    found = _STATUS_OF.get(key_of(cell)) or parse_status(cell)
    if found is None:
        raise ValueError(cell)
    return found


def ids(cell: Cell) -> tuple[str, ...]:
    """Ids separated by commas, in their order (schema.LIST_SEPARATOR)."""
    return tuple(part.strip() for part in text(cell).split(",") if part.strip())


def words(table: Mapping[_Code, Name]) -> Callable[[Cell], _Code]:
    """A parser for one of a few codes, given by code or by its German or English word."""
    codes = {key_of(code): code for code in table}
    codes |= {key_of(word(lang)): code for code, word in table.items() for lang in LANGS}

    def parse(cell: Cell) -> _Code:
        if key_of(cell) not in codes:
            raise ValueError(cell)
        return codes[key_of(cell)]

    return parse


def phases(cell: Cell) -> tuple[str, ...]:
    """Phase names separated by '|' (schema.PHASE_SEPARATOR); names are trimmed, as phases() does."""
    names = [part.strip() for part in text(cell).split(PHASE_SEPARATOR.strip())]
    while names and not names[-1]:
        names.pop()
    return tuple(names)


def mode(cell: Cell) -> PlanMode:
    """'greedy' or 'optimal'."""
    if key_of(cell) not in tuple(PlanMode):
        raise ValueError(cell)
    return PlanMode(key_of(cell))

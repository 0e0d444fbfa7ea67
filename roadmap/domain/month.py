"""The month grid: Month, the planner's unit of time, and the spans and horizons built of months
(docs/planning.md, the planning month)."""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date

from roadmap.domain.messages import Message, RoadmapError


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, the planner's unit of time."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 1900 <= self.year <= 2200:
            raise RoadmapError(
                Message(
                    f"Ungültiger Monat {self.year}-{self.month:02d}.",
                    f"Invalid month {self.year}-{self.month:02d}.",
                )
            )

    @property
    def ordinal(self) -> int:
        """Months since year 0, so that months can be subtracted."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_ordinal(cls, ordinal: int) -> Month:
        """The month with the given ordinal (inverse of `ordinal`)."""
        return cls(ordinal // 12, ordinal % 12 + 1)

    @classmethod
    def of(cls, day: date) -> Month:
        """The month a date lies in."""
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str) -> Month:
        """Read 'YYYY-MM' (as on the command line and in the workbook).

        Raises:
            RoadmapError: if the text is not a month.
        """
        found = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
        if not found or not 1 <= int(found.group(2)) <= 12:
            raise RoadmapError(
                Message(
                    f"'{text}' ist kein Monat im Format JJJJ-MM (z. B. 2026-03).",
                    f"'{text}' is not a month in the form YYYY-MM (e.g. 2026-03).",
                )
            )
        return cls(int(found.group(1)), int(found.group(2)))

    def __add__(self, months: int) -> Month:
        return Month.from_ordinal(self.ordinal + months)

    def __sub__(self, other: Month) -> int:
        return self.ordinal - other.ordinal

    @property
    def first_day(self) -> date:
        """The first day of the month."""
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        """The last day of the month."""
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def quarter(self) -> int:
        """The calendar quarter, 1–4."""
        return (self.month - 1) // 3 + 1

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}"


# The last month the calendar knows (Month refuses years after 2200).
LAST_MONTH = Month(2200, 12)


def ending(start: Month, months: int) -> Month:
    """The last month of `months` months from `start`; a span running past the last month the calendar knows
    ends there, far beyond any horizon, instead of failing whatever was planning or writing it."""
    return Month.from_ordinal(min(start.ordinal + months - 1, LAST_MONTH.ordinal))


def months_between(first: Month, last: Month) -> list[Month]:
    """All months from first to last, both inclusive."""
    return [Month.from_ordinal(o) for o in range(first.ordinal, last.ordinal + 1)]


def default_horizon(as_of: Month) -> tuple[Month, Month]:
    """The horizon a new plan looks ahead: from the planning month to December of the following year
    (docs/planning.md, the planning month): 2026-12 gives 2026-12…2027-12, 2027-03 gives 2027-03…2028-12."""
    return as_of, Month(min(as_of.year + 1, LAST_MONTH.year), 12)


def duration_months(months: float) -> int:
    """Whole months from a possibly fractional duration: fractions round up, at least 1."""
    return max(1, math.ceil(round(months, 9)))

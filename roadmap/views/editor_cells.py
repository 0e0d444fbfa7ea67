"""What a table editor sends back for one cell, made plain for the views that apply edits.

The browser sends a date column's value as milliseconds since 1970, an emptied cell as None or NaN;
a value that cannot be used raises `CellError`, whose message the page shows beside the table.
"""

from __future__ import annotations

import math
from datetime import datetime

from roadmap.domain.messages import Message


class CellError(ValueError):
    """A cell's new value cannot be used; the message says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.de)
        self.message = message


def blank(value: object) -> bool:
    """An emptied cell: None, '' or NaN."""
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def from_browser(value: object) -> object:
    """A date cell's milliseconds since 1970 as a datetime; any other value as it is."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not math.isnan(value):
        return datetime.fromtimestamp(float(value) / 1000)
    return value

"""An old plan replanned from the planning month (docs/import.md, values).

A list whose open measures all start before the planning month – an MS Project plan from 2003, last
year's roadmap – is not a list of deadlines missed: it is moved as a whole so that its first open
measure may start in the planning month, its deadlines (and pins) by the same offset, its order and
dependencies kept. Measures that are running or done keep their dates as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmap.domain.formats import month
from roadmap.domain.measure import Measure
from roadmap.domain.messages import Message
from roadmap.domain.month import Month
from roadmap.domain.vocabulary import Status

_KEPT = (Status.RUNNING, Status.DONE)


def replanned(measures: Sequence[Measure], as_of: Month) -> tuple[tuple[Measure, ...], Message | None]:
    """The measures moved by the old plan's offset to `as_of`, and the line that says so (None: not an old plan).

    An old plan: at least half of its open measures (not running, done or excluded) name a start, and every
    start named lies before the planning month.
    """
    open_measures = [m for m in measures if m.status not in _KEPT and not m.excluded]
    starts = [m.earliest_start for m in open_measures if m.earliest_start is not None]
    if not starts or len(starts) * 2 < len(open_measures) or max(starts) >= as_of:
        return tuple(measures), None
    first = min(starts)
    offset = as_of - first
    moved = tuple(measure if measure.status in _KEPT else _moved(measure, offset) for measure in measures)
    return moved, _said(first, as_of, offset, len(open_measures))


def _moved(measure: Measure, offset: int) -> Measure:
    changes = {
        key: value + offset
        for key in ("earliest_start", "deadline", "pinned")
        if (value := getattr(measure, key)) is not None
    }
    return measure.with_changes(**changes) if changes else measure


def _said(first: Month, as_of: Month, offset: int, count: int) -> Message:
    return Message(
        f"Alter Plan (Beginn {month(first)}): {count} offene Maßnahmen ab dem Planungsstand {month(as_of)} neu "
        f"geplant – Starts und Fristen um {offset} Monate verschoben, Reihenfolge und Abhängigkeiten bleiben.",
        f"An old plan (begun {month(first, 'en')}): {count} open measures replanned from the planning month "
        f"{month(as_of, 'en')} – starts and deadlines moved by {offset} months, order and dependencies kept.",
    )

"""One measure (Maßnahme) of the workshop: its fields, its key figure, the limits it must keep
(docs/planning.md, the measure) and the one-time cost the budget books for it once work is under
way (docs/planning.md, the follow-up)."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from datetime import date

from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.month import Month
from roadmap.domain.vocabulary import FIELDS, STATUSES, Status

# The longest measure title, in characters: an import shortens a longer one and says so (the full
# text goes into the notes). Like a workshop's name (store_records.NAME_LIMIT), 200 characters.
TITLE_LIMIT = 200
# The longest a measure may last, in months (50 years): a longer figure is a typing error, not a plan.
DURATION_LIMIT = 600
# The figures the room sets before a measure can be planned (docs/planning.md, not yet assessed): an idea
# accepted from a phone arrives with none of them, and stays out of the plan until each has been set.
ASSESSED_FIGURES = ("value", "effort", "one_time_cost")


@dataclass(frozen=True)
class Kpi:
    """A key figure that shows a measure's success: where it started, where it should get, where it is."""

    name: str = ""
    baseline: str = ""
    target: str = ""
    current: str = ""
    measured_on: date | None = None


@dataclass(frozen=True)
class Measure:
    """One candidate measure (Maßnahme) of the workshop."""

    id: str
    title: str
    field: str = FIELDS[0]
    description: str = ""
    value: float = 3.0
    effort: float = 3.0
    one_time_cost: float = 0.0
    running_cost: float = 0.0
    funding_eligible: bool = False
    person_days: float = 0.0
    duration: int = 1
    depends_on: tuple[str, ...] = ()
    earliest_start: Month | None = None
    deadline: Month | None = None
    pinned: Month | None = None
    must_have: bool = False
    excluded: bool = False
    owner: str = ""
    status: Status = Status.IDEA
    kpi: Kpi = Kpi()
    notes: str = ""
    votes: int = 0
    criteria: dict[str, float] = dataclass_field(default_factory=dict)
    # The follow-up (docs/planning.md, the follow-up): what really happened after the workshop.
    actual_start: Month | None = None
    actual_end: Month | None = None
    percent_done: int = 0
    actual_cost: float | None = None
    # The figures of ASSESSED_FIGURES the room has still to set ("noch nicht bewertet"); empty once assessed.
    to_assess: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        problem = _measure_problem(self) or _progress_problem(self) or _assessment_problem(self)
        if problem is not None:
            raise RoadmapError(problem)
        object.__setattr__(self, "status", Status(self.status))  # a stored word becomes its Status
        object.__setattr__(self, "to_assess", tuple(self.to_assess))  # a stored list becomes a tuple

    def with_changes(self, **changes: object) -> Measure:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def with_id(self, id: str, notes: str) -> Measure:
        """A copy under another id and with other notes; only the id is checked again, the rest was
        checked when this measure was made (an import gives thousands of measures their ids)."""
        copy = object.__new__(Measure)
        copy.__dict__.update(self.__dict__, id=id, notes=notes)
        if not str(id).strip():
            raise RoadmapError(_no_id(copy))
        return copy


def _no_id(m: Measure) -> Message:
    name = f"'{m.title or m.id}'"
    return Message(f"Maßnahme {name} hat keine ID.", f"Measure {name} has no ID.")


def _measure_problem(m: Measure) -> Message | None:
    name = f"'{m.title or m.id}'"
    if not str(m.id).strip():
        return _no_id(m)
    if not str(m.title).strip():
        return Message(f"Maßnahme {m.id} hat keinen Titel.", f"Measure {m.id} has no title.")
    if m.field not in FIELDS:
        return Message(
            f"Maßnahme {name}: unbekanntes Handlungsfeld '{m.field}'.",
            f"Measure {name}: unknown field of action '{m.field}'.",
        )
    if m.status not in STATUSES:
        return Message(
            f"Maßnahme {name}: unbekannter Status '{m.status}'.",
            f"Measure {name}: unknown status '{m.status}'.",
        )
    for label_de, label_en, number in (("Nutzen", "value", m.value), ("Aufwand", "effort", m.effort)):
        if not (isinstance(number, (int, float)) and 1 <= number <= 5):
            return Message(
                f"Maßnahme {name}: {label_de} muss zwischen 1 und 5 liegen, nicht {number}.",
                f"Measure {name}: {label_en} must lie between 1 and 5, not {number}.",
            )
    amounts = (
        ("Einmalkosten", "one-time cost", m.one_time_cost),
        ("laufende Kosten", "running cost", m.running_cost),
        ("Personentage", "person-days", m.person_days),
    )
    for label_de, label_en, amount in amounts:
        if not (isinstance(amount, (int, float)) and math.isfinite(amount) and amount >= 0):
            return Message(
                f"Maßnahme {name}: {label_de} dürfen nicht negativ sein ({amount}).",
                f"Measure {name}: {label_en} must not be negative ({amount}).",
            )
    if not isinstance(m.duration, int) or m.duration < 1:
        return Message(
            f"Maßnahme {name}: Dauer muss mindestens 1 Monat sein, nicht {m.duration}.",
            f"Measure {name}: duration must be at least 1 month, not {m.duration}.",
        )
    if m.duration > DURATION_LIMIT:
        return Message(
            f"Maßnahme {name}: Dauer darf höchstens {DURATION_LIMIT} Monate sein, nicht {m.duration}.",
            f"Measure {name}: duration must be at most {DURATION_LIMIT} months, not {m.duration}.",
        )
    if m.votes < 0:
        return Message(
            f"Maßnahme {name}: Stimmen dürfen nicht negativ sein.",
            f"Measure {name}: votes must not be negative.",
        )
    return None


def _progress_problem(m: Measure) -> Message | None:
    name = f"'{m.title or m.id}'"
    if not isinstance(m.percent_done, int) or not 0 <= m.percent_done <= 100:
        return Message(
            f"Maßnahme {name}: Fortschritt muss zwischen 0 und 100 % liegen, nicht {m.percent_done}.",
            f"Measure {name}: progress must lie between 0 and 100 %, not {m.percent_done}.",
        )
    if m.actual_cost is not None and not (math.isfinite(m.actual_cost) and m.actual_cost >= 0):
        return Message(
            f"Maßnahme {name}: tatsächliche Kosten dürfen nicht negativ sein ({m.actual_cost}).",
            f"Measure {name}: actual cost must not be negative ({m.actual_cost}).",
        )
    if m.actual_start is not None and m.actual_end is not None and m.actual_end < m.actual_start:
        return Message(
            f"Maßnahme {name}: tatsächliches Ende ({m.actual_end}) liegt vor dem Beginn ({m.actual_start}).",
            f"Measure {name}: actual end ({m.actual_end}) lies before the actual start ({m.actual_start}).",
        )
    return None


def _assessment_problem(m: Measure) -> Message | None:
    unknown = [name for name in m.to_assess if name not in ASSESSED_FIGURES]
    if unknown:
        return Message(
            f"Maßnahme '{m.title or m.id}': unbekannte Kennzahl zum Bewerten '{unknown[0]}'.",
            f"Measure '{m.title or m.id}': unknown figure to assess '{unknown[0]}'.",
        )
    return None


def awaits_assessment(measure: Measure) -> bool:
    """Noch nicht bewertet (docs/planning.md, not yet assessed): some of value, effort and one-time cost are
    still to be set by the room. Such a measure is not planned; one under way or done is a fact and counts."""
    return bool(measure.to_assess) and measure.status not in (Status.RUNNING, Status.DONE)


def unassessed(measure: Measure) -> Measure:
    """The measure as it arrives unassessed (an idea from a phone): value, effort and one-time cost to set."""
    return measure.with_changes(to_assess=ASSESSED_FIGURES)


def with_figures(measure: Measure, changes: dict[str, object]) -> Measure:
    """The measure with `changes` applied; each of value, effort and one-time cost among them counts as set
    by the room, so it is taken off the figures still to assess."""
    if not changes or "to_assess" in changes:
        return measure.with_changes(**changes) if changes else measure
    left = tuple(name for name in measure.to_assess if name not in changes)
    return measure.with_changes(**changes, to_assess=left)


def booked_one_time_cost(measure: Measure) -> float:
    """The one-time cost (before funding) the budget counts: a finished measure's actual cost where
    it is known; a measure under way at least what it was planned to cost, more if more was spent."""
    if measure.actual_cost is None or measure.status not in (Status.DONE, Status.RUNNING):
        return measure.one_time_cost
    if measure.status == Status.DONE:
        return measure.actual_cost
    return max(measure.actual_cost, measure.one_time_cost)

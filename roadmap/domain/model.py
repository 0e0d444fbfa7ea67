"""Measures, the company profile and the month grid (docs/planning.md, the measure)."""

from __future__ import annotations

import calendar
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from datetime import date
from enum import StrEnum

from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.scenario import Scenario, scenario_problem

FIELDS: tuple[str, ...] = (
    "Prozessautomatisierung",
    "Daten & Entscheidungen",
    "Cloud & IT-Sicherheit",
    "Kunden & Omnichannel",
    "Mitarbeitende & Kompetenzen",
    "Strategie & Kultur",
)
FIELDS_EN: dict[str, str] = {
    "Prozessautomatisierung": "Process automation",
    "Daten & Entscheidungen": "Data & decisions",
    "Cloud & IT-Sicherheit": "Cloud & IT security",
    "Kunden & Omnichannel": "Customers & omnichannel",
    "Mitarbeitende & Kompetenzen": "People & skills",
    "Strategie & Kultur": "Strategy & culture",
}
# One colour per field, the same on every chart and in the workbook (colour-blind friendly).
FIELD_COLORS: dict[str, str] = {
    "Prozessautomatisierung": "#4C78A8",
    "Daten & Entscheidungen": "#F58518",
    "Cloud & IT-Sicherheit": "#54A24B",
    "Kunden & Omnichannel": "#E45756",
    "Mitarbeitende & Kompetenzen": "#B279A2",
    "Strategie & Kultur": "#9D755D",
}


class Status(StrEnum):
    """Where a measure stands. The values are the German words stored in workshops, JSON and workbooks."""

    IDEA = "Idee"
    PLANNED = "Geplant"
    RUNNING = "In Umsetzung"
    DONE = "Abgeschlossen"


IDEA, PLANNED, RUNNING, DONE = Status.IDEA, Status.PLANNED, Status.RUNNING, Status.DONE
STATUSES: tuple[Status, ...] = tuple(Status)
STATUSES_EN: dict[Status, str] = {
    Status.IDEA: "Idea",
    Status.PLANNED: "Planned",
    Status.RUNNING: "In progress",
    Status.DONE: "Completed",
}


class Side(StrEnum):
    """The side of the ranking a weighted criterion counts on."""

    VALUE = "value"
    EFFORT = "effort"


# The longest measure title, in characters: an import shortens a longer one and says so (the full
# text goes into the notes). Like a workshop's name (store_records.NAME_LIMIT), 200 characters.
TITLE_LIMIT = 200
# The longest a measure may last, in months (50 years): a longer figure is a typing error, not a plan.
DURATION_LIMIT = 600


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


def months_between(first: Month, last: Month) -> list[Month]:
    """All months from first to last, both inclusive."""
    return [Month.from_ordinal(o) for o in range(first.ordinal, last.ordinal + 1)]


def default_horizon(as_of: Month) -> tuple[Month, Month]:
    """The horizon a new plan looks ahead: from the planning month to December of the following year
    (docs/planning.md, the planning month): 2026-12 gives 2026-12…2027-12, 2027-03 gives 2027-03…2028-12."""
    return as_of, Month(min(as_of.year + 1, LAST_MONTH.year), 12)


@dataclass(frozen=True)
class Kpi:
    """A key figure that shows a measure's success: where it started, where it should get, where it is."""

    name: str = ""
    baseline: str = ""
    target: str = ""
    current: str = ""
    measured_on: date | None = None


@dataclass(frozen=True)
class Criterion:
    """A weighted ranking criterion on the value side or the effort side."""

    name: str
    side: Side = Side.VALUE
    weight: float = 1.0

    def __post_init__(self) -> None:
        if self.side not in tuple(Side):
            raise RoadmapError(
                Message(
                    f"Kriterium „{self.name}“ muss zu Nutzen oder Aufwand zählen.",
                    f"Criterion “{self.name}” must count towards value or effort.",
                )
            )
        object.__setattr__(self, "side", Side(self.side))


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

    def __post_init__(self) -> None:
        problem = _measure_problem(self) or _progress_problem(self)
        if problem is not None:
            raise RoadmapError(problem)
        object.__setattr__(self, "status", Status(self.status))  # a stored word becomes its Status

    def with_changes(self, **changes: object) -> Measure:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)  # type: ignore[arg-type]


def _measure_problem(m: Measure) -> Message | None:
    name = f"'{m.title or m.id}'"
    if not str(m.id).strip():
        return Message(f"Maßnahme {name} hat keine ID.", f"Measure {name} has no ID.")
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


def duration_months(months: float) -> int:
    """Whole months from a possibly fractional duration: fractions round up, at least 1."""
    return max(1, math.ceil(round(months, 9)))


class VoteMode(StrEnum):
    """What the dots of the dot voting do: raise a measure's value, or only break ties of the score."""

    RAISES_VALUE = "value"
    BREAKS_TIES = "tiebreak"


# The usual share of revenue spent on IT per year, in percent (docs/planning.md, the corridor).
CORRIDOR: tuple[float, float] = (1.0, 5.0)
# Half a cent: sums of money are compared with this tolerance, so that float rounding never flips a
# verdict (fits the budget, over budget). The one spelling of it, for the planner and the budget.
MONEY_TOLERANCE = 0.005


class PlanMode(StrEnum):
    """How the planner places: greedy (fast, explainable, in rank order) or optimal (mixed-integer programme)."""

    GREEDY = "greedy"
    OPTIMAL = "optimal"


GREEDY, OPTIMAL = PlanMode.GREEDY, PlanMode.OPTIMAL


@dataclass(frozen=True)
class Profile:
    """The company profile and the planning settings (docs/planning.md, defaults included)."""

    name: str = ""
    industry: str = ""
    employees: int = 0
    revenue: float = 0.0
    baseline_it: float = 0.0
    budget_share: float = 3.0
    funding_rate: float = 0.0
    capacity: float = 0.0
    horizon_start: Month = Month(2026, 1)
    horizon_end: Month = Month(2026, 12)
    phase_names: tuple[str, ...] = ()
    midpoint: float = 3.0
    vote_mode: VoteMode = VoteMode.BREAKS_TIES
    vote_weight: float = 0.5
    dots_per_person: int = 3
    criteria: tuple[Criterion, ...] = ()
    mode: PlanMode = PlanMode.GREEDY
    # The planning month (Planungsstand): nothing not under way starts before it. None: not fixed –
    # the app and the command line then pass the current month (docs/planning.md, the planning month).
    as_of: Month | None = None
    # Revenue of single calendar years where it differs from `revenue` (growth); other years use `revenue`.
    revenue_by_year: dict[int, float] = dataclass_field(default_factory=dict)

    def __post_init__(self) -> None:
        problem = _profile_problem(self)
        if problem is not None:
            raise RoadmapError(problem)
        object.__setattr__(self, "vote_mode", VoteMode(self.vote_mode))  # stored words become their enums
        object.__setattr__(self, "mode", PlanMode(self.mode))

    @property
    def months(self) -> list[Month]:
        """Every month of the planning horizon."""
        return months_between(self.horizon_start, self.horizon_end)

    @property
    def yearly_budget(self) -> float:
        """The budget of a full year: budget share × annual revenue."""
        return self.revenue * self.budget_share / 100

    def revenue_in(self, year: int) -> float:
        """The annual revenue of a calendar year: its own figure if given, else `revenue`."""
        return self.revenue_by_year.get(year, self.revenue)

    def planned_as_of(self, current: Month) -> Profile:
        """This profile with its planning month fixed: its own if set, else `current` (the month the caller
        passes in, today's month in the app and on the command line)."""
        return self if self.as_of is not None else replace(self, as_of=current)

    @property
    def first_open_month(self) -> Month:
        """The first month a measure not yet under way may start: the later of horizon start and planning month."""
        return max(self.horizon_start, self.as_of) if self.as_of is not None else self.horizon_start

    @property
    def corridor(self) -> tuple[float, float]:
        """The usual yearly IT spending for this revenue: 1 % to 5 % of it (the article's corridor)."""
        return self.revenue * CORRIDOR[0] / 100, self.revenue * CORRIDOR[1] / 100

    def net_one_time_cost(self, measure: Measure) -> float:
        """A measure's one-time cost after funding (rule 3); what was really spent counts where it is known."""
        cost = booked_one_time_cost(measure)
        if measure.funding_eligible:
            return cost * (1 - self.funding_rate / 100)
        return cost

    def with_changes(self, **changes: object) -> Profile:
        """A copy with some settings changed (validated again)."""
        return replace(self, **changes)  # type: ignore[arg-type]


def booked_one_time_cost(measure: Measure) -> float:
    """The one-time cost (before funding) the budget counts: a finished measure's actual cost where
    it is known; a measure under way at least what it was planned to cost, more if more was spent."""
    if measure.actual_cost is None or measure.status not in (Status.DONE, Status.RUNNING):
        return measure.one_time_cost
    if measure.status == Status.DONE:
        return measure.actual_cost
    return max(measure.actual_cost, measure.one_time_cost)


def _profile_problem(p: Profile) -> Message | None:
    if any(not (math.isfinite(v) and v >= 0) for v in p.revenue_by_year.values()):
        return Message("Der Umsatz eines Jahres darf nicht negativ sein.", "A year's revenue must not be negative.")
    checks = (
        (p.revenue >= 0, "Der Umsatz darf nicht negativ sein.", "Revenue must not be negative."),
        (
            p.baseline_it >= 0,
            "Die bestehenden IT-Kosten dürfen nicht negativ sein.",
            "Baseline IT costs must not be negative.",
        ),
        (
            0 <= p.budget_share <= 100,
            "Der Budgetanteil muss zwischen 0 und 100 % liegen.",
            "The budget share must lie between 0 and 100 %.",
        ),
        (
            0 <= p.funding_rate <= 100,
            "Die Förderquote muss zwischen 0 und 100 % liegen.",
            "The funding rate must lie between 0 and 100 %.",
        ),
        (
            p.capacity >= 0,
            "Die Kapazität darf nicht negativ sein (0 = unbegrenzt).",
            "Capacity must not be negative (0 = unlimited).",
        ),
        (
            p.horizon_start <= p.horizon_end,
            f"Der Planungszeitraum endet ({p.horizon_end}) vor seinem Beginn ({p.horizon_start}).",
            f"The horizon ends ({p.horizon_end}) before it starts ({p.horizon_start}).",
        ),
        (
            p.horizon_end - p.horizon_start < 120,
            "Der Planungszeitraum darf höchstens 10 Jahre lang sein.",
            "The horizon may be at most 10 years long.",
        ),
        (
            1 <= p.midpoint <= 5,
            "Die Mitte der Skala muss zwischen 1 und 5 liegen.",
            "The midpoint must lie between 1 and 5.",
        ),
        (
            p.vote_mode in tuple(VoteMode),
            f"Unbekannte Stimmwertung '{p.vote_mode}'.",
            f"Unknown vote mode '{p.vote_mode}'.",
        ),
        (
            p.mode in tuple(PlanMode),
            f"Unbekannter Planungsmodus '{p.mode}'.",
            f"Unknown planning mode '{p.mode}'.",
        ),
        (
            p.vote_weight >= 0,
            "Der Wert einer Stimme darf nicht negativ sein.",
            "A vote's weight must not be negative.",
        ),
    )
    for ok, de, en in checks:
        if not ok:
            return Message(de, en)
    return None


@dataclass(frozen=True)
class Workshop:
    """Everything a workshop holds: the profile and the measures, in the user's order."""

    profile: Profile = Profile()
    measures: tuple[Measure, ...] = ()
    # Answers of the maturity check (Bestandsaufnahme): question id -> 0..4.
    maturity: dict[str, int] = dataclass_field(default_factory=dict)
    # People in the room, for the dot-voting budget (dots per person x participants).
    participants: int = 0
    # Named variants of the settings (docs/planning.md, scenarios) and the one the pages show ("" = Basis).
    scenarios: tuple[Scenario, ...] = ()
    active_scenario: str = ""
    # The snapshot whose plan is the baseline (docs/planning.md, the follow-up): None = the first
    # snapshot, "" = no baseline, else a snapshot's id.
    baseline: str | None = None

    def __post_init__(self) -> None:
        problem = scenario_problem(self.scenarios, self.active_scenario)
        if problem is not None:
            raise RoadmapError(problem)
        if self.participants < 0:
            raise RoadmapError(
                Message("Die Zahl der Teilnehmenden darf nicht negativ sein.", "Participants must not be negative.")
            )
        counts = Counter(m.id for m in self.measures)
        if len(counts) != len(self.measures):
            twice = sorted(i for i, n in counts.items() if n > 1)
            raise RoadmapError(
                Message(f"Doppelte Maßnahmen-ID: {', '.join(twice)}.", f"Duplicate measure ID: {', '.join(twice)}.")
            )

    def with_changes(self, **changes: object) -> Workshop:
        """A copy with some parts changed (validated again)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def starting(cls, as_of: Month) -> Workshop:
        """A new empty workshop whose horizon looks ahead from the planning month (`default_horizon`)."""
        start, end = default_horizon(as_of)
        return cls(profile=Profile(horizon_start=start, horizon_end=end))

    def by_id(self) -> dict[str, Measure]:
        """The measures keyed by id."""
        return {m.id: m for m in self.measures}

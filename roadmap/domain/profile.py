"""The company profile and the planning settings: revenue and budget, the horizon, the ranking
criteria, voting and the planning mode (docs/planning.md, defaults included)."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from enum import StrEnum

from roadmap.domain.measure import Measure, booked_one_time_cost
from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.month import Month, months_between


class Side(StrEnum):
    """The side of the ranking a weighted criterion counts on."""

    VALUE = "value"
    EFFORT = "effort"


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

"""What the planner returns: placements, reasons for what was not planned (docs/planning.md)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from roadmap.domain.measure import Measure
from roadmap.domain.messages import Message
from roadmap.domain.month import Month
from roadmap.domain.profile import PlanMode, Profile
from roadmap.planning.ranking import Ranked


class Reason(StrEnum):
    """Why a measure is not planned; each code comes with a sentence a person understands (planning/reasons.py)."""

    BUDGET = "budget"
    CAPACITY = "capacity"
    WINDOW = "window"
    DEPENDENCY_NOT_PLANNED = "dependency_not_planned"
    DEPENDENCY_EXCLUDED = "dependency_excluded"
    DEPENDENCY_UNKNOWN = "dependency_unknown"
    CYCLE = "cycle"
    EXCLUDED = "excluded"
    DONE = "done"
    PIN = "pin"
    DEADLINE_PASSED = "deadline_passed"
    HORIZON_PASSED = "horizon_passed"
    UNASSESSED = "unassessed"


@dataclass(frozen=True)
class Placement:
    """A planned measure: first and last month (both inclusive)."""

    measure_id: str
    start: Month
    end: Month
    committed: bool = False


@dataclass(frozen=True)
class NotPlanned:
    """A measure that is not in the plan, and why."""

    measure_id: str
    code: Reason
    message: Message


@dataclass(frozen=True)
class Plan:
    """A roadmap: every measure of the workshop is either placed or not planned with a reason."""

    profile: Profile
    measures: tuple[Measure, ...]
    ranking: tuple[Ranked, ...]
    placements: dict[str, Placement]
    not_planned: dict[str, NotPlanned]
    mode: PlanMode
    proven_optimal: bool | None = None

    def measure(self, measure_id: str) -> Measure:
        """The measure with this id."""
        return self._measures_by_id[measure_id]

    def ranked(self, measure_id: str) -> Ranked:
        """The ranking entry of this measure."""
        return self._ranked_by_id[measure_id]

    @cached_property
    def _ranked_by_id(self) -> dict[str, Ranked]:
        return {r.measure.id: r for r in self.ranking}

    @cached_property
    def _measures_by_id(self) -> dict[str, Measure]:
        return {m.id: m for m in self.measures}

    @property
    def planned_in_order(self) -> list[Placement]:
        """Placements by start month, then rank."""
        rank_of = {r.measure.id: r.rank for r in self.ranking}
        return sorted(self.placements.values(), key=lambda p: (p.start, rank_of.get(p.measure_id, 0)))

    @property
    def summed_score(self) -> float:
        """The summed score of all planned measures (what optimal mode maximises)."""
        return sum(r.score for r in self.ranking if r.measure.id in self.placements)

"""Phases (one per quarter of the horizon by default) and their milestones (docs/planning.md, phases)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.planning.plan import Plan


@dataclass(frozen=True)
class Phase:
    """A stretch of the horizon; a measure belongs to the phase in which it starts."""

    index: int
    name: str
    first: Month
    last: Month

    @property
    def default_name(self) -> str:
        """'Q1/2026'."""
        return f"Q{self.first.quarter}/{self.first.year}"

    def contains(self, month: Month) -> bool:
        """True if the month lies in this phase."""
        return self.first <= month <= self.last


@dataclass(frozen=True)
class Milestone:
    """The end of a phase, with the measures finished in it and the count finished by then."""

    phase: Phase
    day: date
    finished: tuple[str, ...]
    finished_by_then: int


def phases(profile: Profile) -> list[Phase]:
    """One phase per calendar quarter touched by the horizon, named from the profile where given."""
    result: list[Phase] = []
    for month in profile.months:
        if result and result[-1].first.quarter == month.quarter and result[-1].first.year == month.year:
            previous = result[-1]
            result[-1] = Phase(previous.index, previous.name, previous.first, month)
            continue
        index = len(result)
        default = f"Q{month.quarter}/{month.year}"
        given = profile.phase_names[index].strip() if index < len(profile.phase_names) else ""
        result.append(Phase(index, given or default, month, month))
    return result


def phase_of(month: Month, all_phases: list[Phase]) -> Phase | None:
    """The phase containing the month, or None outside the horizon; a measure belongs to the phase it starts in."""
    for phase in all_phases:
        if phase.contains(month):
            return phase
    return None


def milestones(plan: Plan) -> list[Milestone]:
    """A milestone at each phase end listing the measures that finish within that phase."""
    rank_of = {r.measure.id: r.rank for r in plan.ranking}
    result = []
    done_so_far = 0
    for phase in phases(plan.profile):
        finished = sorted(
            (p.measure_id for p in plan.placements.values() if phase.contains(p.end)),
            key=lambda measure_id: (plan.placements[measure_id].end, rank_of.get(measure_id, 0)),
        )
        done_so_far += len(finished)
        result.append(Milestone(phase, phase.last.last_day, tuple(finished), done_so_far))
    return result

"""The workshop: everything it holds – the profile, the measures in the user's order, the maturity
answers, the participants, the scenarios and the baseline."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field

from roadmap.domain.measure import Measure
from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.month import Month, default_horizon
from roadmap.domain.profile import Profile
from roadmap.domain.scenario import Scenario, scenario_problem


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

"""The planner: rank, then place every measure on the monthly grid or say why not (docs/planning.md).

Greedy mode places in rank order (roadmap/planning/placement.py); optimal mode solves a
mixed-integer programme (roadmap/planning/optimal.py) that starts from the greedy plan.
"""

from __future__ import annotations

from collections.abc import Iterable

from roadmap.domain.measure import Measure
from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.profile import PlanMode, Profile
from roadmap.planning.placement import finish, place_greedily, prepare
from roadmap.planning.plan import Plan


def plan(measures: Iterable[Measure], profile: Profile, mode: PlanMode | None = None) -> Plan:
    """Plan every measure: placed on the month grid, or not planned with one reason.

    Args:
        measures: the workshop's measures (ids unique).
        profile: company profile and settings; `profile.mode` unless `mode` is given.
        mode: greedy (fast, explainable) or optimal (mixed-integer programme).

    Raises:
        RoadmapError: if two measures share an id or the mode is unknown.
    """
    chosen = mode or profile.mode
    if chosen not in tuple(PlanMode):
        raise RoadmapError(Message(f"Unbekannter Planungsmodus '{chosen}'.", f"Unknown planning mode '{chosen}'."))
    setup = prepare(tuple(measures), profile)
    if chosen == PlanMode.OPTIMAL:
        # scipy takes a good part of a command-line run to load: only the optimal plan needs it.
        from roadmap.planning.optimal import plan_optimal

        return plan_optimal(setup)
    place_greedily(setup, setup.open_ids)
    return finish(setup, PlanMode.GREEDY)

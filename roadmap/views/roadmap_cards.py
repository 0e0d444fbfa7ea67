"""What the Roadmap page lists beside the Gantt chart: milestone cards and the not-planned measures."""

from __future__ import annotations

from dataclasses import dataclass

from roadmap.domain import formats
from roadmap.domain.messages import Lang
from roadmap.domain.vocabulary import Status
from roadmap.planning.phases import milestones
from roadmap.planning.plan import Plan

LIST_UP_TO = 12  # longer lists of titles are cut, longer lists of reasons become a table


@dataclass(frozen=True)
class MilestoneCard:
    """One phase's milestone as the page shows it."""

    phase: str
    day: str
    finished_here: int
    finished_by_then: int
    titles: tuple[str, ...]
    more: int


@dataclass(frozen=True)
class NotPlannedRow:
    """A measure outside the plan and why, in the page's language."""

    title: str
    reason: str
    done: bool


def milestone_cards(plan: Plan, lang: Lang) -> list[MilestoneCard]:
    """Per phase: name, end date, how many measures are finished in it and by then, their first titles."""
    cards = []
    for milestone in milestones(plan):
        titles = [plan.measure(i).title for i in milestone.finished]
        cards.append(
            MilestoneCard(
                phase=milestone.phase.name,
                day=formats.day(milestone.day, lang),
                finished_here=len(titles),
                finished_by_then=milestone.finished_by_then,
                titles=tuple(titles[:LIST_UP_TO]),
                more=max(0, len(titles) - LIST_UP_TO),
            )
        )
    return cards


def not_planned_rows(plan: Plan, lang: Lang) -> list[NotPlannedRow]:
    """Every measure outside the plan in rank order, with its reason in plain words."""
    rank_of = {r.measure.id: r.rank for r in plan.ranking}
    items = sorted(plan.not_planned.values(), key=lambda item: rank_of.get(item.measure_id, 0))
    measures = [plan.measure(i.measure_id) for i in items]
    return [
        NotPlannedRow(m.title, i.message(lang), m.status == Status.DONE) for m, i in zip(measures, items, strict=True)
    ]

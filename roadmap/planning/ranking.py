"""Ranking of measures by value and effort, with criteria, votes and quadrants (docs/planning.md, ranking)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from roadmap.domain.measure import Measure
from roadmap.domain.profile import Profile, Side, VoteMode


class Quadrant(StrEnum):
    """The four quadrants of the value/effort matrix; the values are the German names the workbook shows."""

    QUICK_WINS = "Quick Wins"
    STRATEGIC = "Strategische Projekte"
    FILLERS = "Lückenfüller"
    TIME_SINKS = "Zeitfresser"


QUICK_WINS, STRATEGIC, FILLERS, TIME_SINKS = tuple(Quadrant)
QUADRANTS: tuple[Quadrant, ...] = tuple(Quadrant)
# Keyed by Quadrant; typed by str, as the matrix chart looks names up by their German words.
QUADRANTS_EN: dict[str, str] = {
    Quadrant.QUICK_WINS: "Quick wins",
    Quadrant.STRATEGIC: "Strategic projects",
    Quadrant.FILLERS: "Fill-ins",
    Quadrant.TIME_SINKS: "Time sinks",
}


@dataclass(frozen=True)
class Ranked:
    """A measure with its effective value and effort, score, rank and quadrant."""

    measure: Measure
    value: float
    effort: float
    score: float
    rank: int
    quadrant: Quadrant


def weighted_value_effort(measure: Measure, profile: Profile) -> tuple[float, float]:
    """Value and effort as weighted means of the measure's criteria scores.

    A side without criteria (or without scores for this measure) keeps the measure's own figure.
    """
    sides = {Side.VALUE: measure.value, Side.EFFORT: measure.effort}
    result = dict(sides)
    for side in sides:
        pairs = [
            (criterion.weight, measure.criteria[criterion.name])
            for criterion in profile.criteria
            if criterion.side == side and criterion.name in measure.criteria and criterion.weight > 0
        ]
        total_weight = sum(weight for weight, _ in pairs)
        if total_weight > 0:
            result[side] = sum(weight * score for weight, score in pairs) / total_weight
    return result[Side.VALUE], result[Side.EFFORT]


def effective_value_effort(measure: Measure, profile: Profile) -> tuple[float, float]:
    """Value (votes included where they raise it, capped at 5) and effort used for ranking."""
    value, effort = weighted_value_effort(measure, profile)
    if profile.vote_mode == VoteMode.RAISES_VALUE:
        value = min(5.0, value + measure.votes * profile.vote_weight)
    return value, effort


def quadrant(value: float, effort: float, midpoint: float = 3.0) -> Quadrant:
    """The quadrant of a value/effort pair; a figure exactly at the midpoint counts as high."""
    high_value = value >= midpoint
    high_effort = effort >= midpoint
    if high_value:
        return Quadrant.STRATEGIC if high_effort else Quadrant.QUICK_WINS
    return Quadrant.TIME_SINKS if high_effort else Quadrant.FILLERS


def score(value: float, effort: float) -> float:
    """The default score: value ÷ effort, rounded so that equal ratios compare equal."""
    return round(value / effort, 9)


def rank(measures: Iterable[Measure], profile: Profile) -> list[Ranked]:
    """All measures in rank order: must-haves first, excluded last, then by score.

    Ties are broken by value, then votes, then id, so the order never depends on input order.
    """
    rows = []
    for measure in measures:
        value, effort = effective_value_effort(measure, profile)
        rows.append((measure, value, effort, score(value, effort)))
    rows.sort(
        key=lambda row: (
            not row[0].must_have or row[0].excluded,
            row[0].excluded,
            -row[3],
            -round(row[1], 9),
            -row[0].votes,
            row[0].id,
        )
    )
    return [
        Ranked(measure, value, effort, the_score, position, quadrant(value, effort, profile.midpoint))
        for position, (measure, value, effort, the_score) in enumerate(rows, start=1)
    ]

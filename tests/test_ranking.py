"""Ranking rules (docs/planning.md, ranking)."""

from __future__ import annotations

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.profile import Criterion, Profile
from roadmap.planning.ranking import FILLERS, QUICK_WINS, STRATEGIC, TIME_SINKS, quadrant, rank


@pytest.mark.parametrize(
    ("value", "effort", "expected"),
    [
        (5, 1, QUICK_WINS),
        (5, 5, STRATEGIC),
        (1, 1, FILLERS),
        (1, 5, TIME_SINKS),
        (3, 2, QUICK_WINS),
        (2, 3, TIME_SINKS),
        (3, 3, STRATEGIC),
    ],
)
def test_quadrants_split_at_the_midpoint_which_counts_as_high(value: int, effort: int, expected: str) -> None:
    assert quadrant(value, effort, 3) == expected


def test_score_is_value_over_effort_and_ties_go_by_value_then_votes_then_id() -> None:
    measures = [
        Measure("B", "b", value=2, effort=2),
        Measure("A", "a", value=2, effort=2),
        Measure("C", "c", value=4, effort=4),
        Measure("D", "d", value=2, effort=2, votes=2),
        Measure("E", "e", value=5, effort=1),
    ]

    order = [r.measure.id for r in rank(measures, Profile())]

    assert order == ["E", "C", "D", "A", "B"]


def test_must_haves_rank_first_and_excluded_last() -> None:
    measures = [
        Measure("A", "a", value=5, effort=1, excluded=True),
        Measure("B", "b", value=1, effort=5, must_have=True),
        Measure("C", "c", value=3, effort=3),
    ]

    assert [r.measure.id for r in rank(measures, Profile())] == ["B", "C", "A"]


def test_votes_raise_value_when_chosen_and_only_up_to_five() -> None:
    profile = Profile(vote_mode="value", vote_weight=0.5)

    ranked = {
        r.measure.id: r
        for r in rank([Measure("A", "a", value=3, votes=2), Measure("B", "b", value=4, votes=9)], profile)
    }

    assert ranked["A"].value == 4.0
    assert ranked["B"].value == 5.0


def test_weighted_criteria_replace_value_and_effort() -> None:
    profile = Profile(
        criteria=(
            Criterion("Kundennutzen", "value", 3),
            Criterion("Effizienz", "value", 1),
            Criterion("Kosten", "effort", 1),
        )
    )
    measure = Measure("A", "a", criteria={"Kundennutzen": 5, "Effizienz": 1, "Kosten": 2})

    (ranked,) = rank([measure], profile)

    assert ranked.value == pytest.approx(4.0)
    assert ranked.effort == 2
    assert ranked.score == pytest.approx(2.0)

"""Not yet assessed (docs/planning.md, not yet assessed): an idea from a phone stays out of the plan, with its
reason, until the room has set its value, effort and one-time cost. Fixed dates only."""

from __future__ import annotations

import json

import pytest

from roadmap.domain.measure import ASSESSED_FIGURES, Measure, awaits_assessment, unassessed, with_figures
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import DONE, RUNNING
from roadmap.domain.workshop import Workshop
from roadmap.planning.plan import Reason
from roadmap.planning.planner import plan
from roadmap.planning.rules import violations
from roadmap.views.measure_edits import apply_edits
from roadmap.views.measure_table import measure_frame, unassessed_notice
from roadmap.workshop.serialize import workshop_from_dict, workshop_to_dict

PROFILE = Profile(revenue=3_000_000, horizon_start=Month(2027, 1), horizon_end=Month(2027, 12), as_of=Month(2027, 1))
IDEA = unassessed(Measure("M09", "E-Rechnung"))
LATER = Measure("M10", "Rechnungsarchiv", depends_on=("M09",))


def test_an_idea_not_yet_assessed_is_not_planned_and_says_which_figures_are_missing() -> None:
    roadmap = plan((IDEA, LATER), PROFILE)

    reason = roadmap.not_planned["M09"]
    assert reason.code == Reason.UNASSESSED
    assert (
        reason.message.de
        == "Noch nicht bewertet – erst Nutzen, Aufwand, Einmalkosten festlegen, dann wird sie eingeplant."
    )
    assert roadmap.not_planned["M10"].code == Reason.DEPENDENCY_NOT_PLANNED
    assert violations(roadmap) == []


@pytest.mark.parametrize(
    ("changes", "left"),
    [
        ({"value": 4.0}, ("effort", "one_time_cost")),
        ({"value": 4.0, "effort": 2.0}, ("one_time_cost",)),
        ({"value": 4.0, "effort": 2.0, "one_time_cost": 0.0}, ()),  # 0 € set by the room is an assessment
        ({"title": "E-Rechnung (XRechnung)"}, ASSESSED_FIGURES),
        ({"to_assess": ()}, ()),  # ticked "Bewertet": the figures as they stand
    ],
)
def test_each_figure_the_room_sets_is_taken_off_the_figures_to_assess(
    changes: dict[str, object], left: tuple[str, ...]
) -> None:
    assert with_figures(IDEA, changes).to_assess == left


def test_once_value_effort_and_cost_are_set_the_idea_is_planned() -> None:
    assessed = with_figures(IDEA, {"value": 4.0, "effort": 2.0, "one_time_cost": 3_500.0})

    roadmap = plan((assessed, LATER), PROFILE)

    assert not awaits_assessment(assessed)
    assert set(roadmap.placements) == {"M09", "M10"}


@pytest.mark.parametrize("status", [RUNNING, DONE])
def test_a_measure_under_way_or_done_is_a_fact_and_counts_assessed_or_not(status: str) -> None:
    begun = IDEA.with_changes(status=status, actual_start=Month(2027, 1))

    assert not awaits_assessment(begun)
    assert "M09" in plan((begun,), PROFILE).placements  # kept at its actual dates


def test_the_measure_table_shows_it_unticked_and_names_it_above_the_table() -> None:
    workshop = Workshop(PROFILE, (IDEA, LATER))

    frame = measure_frame(workshop.measures)
    notice = unassessed_notice(workshop.measures)

    assert list(frame["assessed"]) == [False, True]
    assert notice is not None and "„E-Rechnung“" in notice.de and "(1)" in notice.de


def test_cells_typed_in_the_table_assess_the_idea_and_the_box_takes_it_as_it_stands() -> None:
    workshop = Workshop(PROFILE, (IDEA, LATER))

    typed = apply_edits(workshop, {0: {"value": 4, "effort": 2, "one_time_cost": 3_500}}, None, None).workshop
    ticked = apply_edits(workshop, {0: {"assessed": True}}, None, None).workshop
    cleared = apply_edits(workshop, {1: {"assessed": False}}, None, None).workshop

    assert typed.measures[0].to_assess == () and ticked.measures[0].to_assess == ()
    assert cleared.measures[1].to_assess == ASSESSED_FIGURES


def test_what_is_still_to_assess_is_saved_with_the_workshop() -> None:
    workshop = Workshop(PROFILE, (with_figures(IDEA, {"value": 4.0}), LATER))

    again = workshop_from_dict(json.loads(json.dumps(workshop_to_dict(workshop))))

    assert again == workshop
    assert again.measures[0].to_assess == ("effort", "one_time_cost")

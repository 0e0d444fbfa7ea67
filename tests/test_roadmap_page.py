"""The Roadmap page's rules: headline figures, milestone texts, the not-planned table, pins and the chart's room."""

from __future__ import annotations

from roadmap.domain import formats
from roadmap.domain.profile import GREEDY, OPTIMAL
from roadmap.domain.vocabulary import DONE
from roadmap.planning.planner import plan
from roadmap.views.escape import markdown
from roadmap.views.roadmap_cards import MilestoneCard, NotPlannedRow
from roadmap.views.roadmap_page import (
    SCREEN_HEIGHT,
    card_text,
    chart_height,
    headline_figures,
    not_planned_frame,
    not_planned_line,
    pin_candidates,
    pin_months,
    pin_outcome,
    pinned_caption,
    with_mode,
)
from roadmap.workshop.voting import pin
from ui.session import demo_workshop


def test_the_headline_counts_planned_of_all_and_names_the_method() -> None:
    demo = demo_workshop()
    roadmap = plan(demo.measures, demo.profile)

    figures = headline_figures(roadmap, "en")

    assert figures[0].value == f"{len(roadmap.placements)} of {len(roadmap.measures)}"
    assert [f.label for f in figures] == ["Planned", "Phases", "Summed score", "Method"]
    assert figures[-1].value == "Fast"


def test_an_optimal_plan_says_whether_it_is_proven() -> None:
    demo = with_mode(demo_workshop(), OPTIMAL)
    roadmap = plan(demo.measures, demo.profile)

    figures = headline_figures(roadmap, "de")

    assert figures[-1].label == "Optimaler Plan"
    assert figures[-1].value in {"bewiesen optimal", "nicht bewiesen"}


def test_only_the_two_planning_methods_can_be_chosen() -> None:
    demo = demo_workshop()

    assert with_mode(demo, OPTIMAL).profile.mode == OPTIMAL
    assert with_mode(demo, GREEDY).profile.mode == GREEDY
    assert with_mode(demo, "anything") is demo


def test_a_milestone_card_shows_titles_as_typed_and_counts_the_rest() -> None:
    card = MilestoneCard(phase="**Q1**", day="31.03.2027", finished_here=3, finished_by_then=5, titles=("*a*",), more=2)

    text = card_text(card, "en")

    assert text.heading == r"**\*\*Q1\*\***"
    assert text.day == "Milestone on 31.03.2027"
    assert text.caption == "3 finished in this phase, 5 in total"
    assert text.body == "- \\*a\\*\n- … and 2 more"


def test_a_not_planned_measure_reads_as_title_and_reason() -> None:
    row = NotPlannedRow(title="ERP", reason="Budget reicht nicht", done=False)

    assert not_planned_line(row) == ":material/info: **ERP** – Budget reicht nicht"
    assert not_planned_line(NotPlannedRow("ERP", "fertig", done=True)).startswith(":material/check_circle:")
    assert list(not_planned_frame([row], "en").columns) == ["Measure", "Reason"]


def test_only_open_measures_can_be_pinned_and_a_pin_outside_the_horizon_stays_choosable() -> None:
    demo = demo_workshop()
    titles = pin_candidates(demo)
    assert titles
    assert all(not m.excluded and m.status != DONE for m in demo.measures if m.id in titles)
    assert all(m.excluded or m.status == DONE for m in demo.measures if m.id not in titles)

    measure = demo.by_id()[next(iter(titles))]
    months = list(demo.profile.months)
    outside = months[-1] + 3
    assert pin_months(months, measure.with_changes(pinned=outside)) == [*months, outside]
    assert pin_months(months, measure.with_changes(pinned=months[0])) == months


def test_a_pinned_measure_says_where_it_now_runs_and_the_caption_lists_the_pins() -> None:
    demo = demo_workshop()
    measure_id = next(iter(pin_candidates(demo)))
    pinned = pin(demo, measure_id, demo.profile.months[2])
    roadmap = plan(pinned.measures, pinned.profile)
    measure = pinned.by_id()[measure_id]

    outcome = pin_outcome(roadmap, measure, "en")

    placement = roadmap.placements.get(measure_id)
    if placement is not None:
        assert outcome.endswith(
            f"runs from {formats.month(placement.start, 'en')} to {formats.month(placement.end, 'en')}."
        )
    else:
        assert outcome == f"**{markdown(measure.title)}**: {markdown(roadmap.not_planned[measure_id].message('en'))}"
    assert f"({formats.month(demo.profile.months[2], 'en')})" in pinned_caption(pinned, "en")
    assert pinned_caption(pinned, "en").startswith("Pinned: ")


def test_the_gantt_chart_gets_less_room_below_the_presenter_bar() -> None:
    assert chart_height(False) == SCREEN_HEIGHT - 180
    assert chart_height(True) < chart_height(False)

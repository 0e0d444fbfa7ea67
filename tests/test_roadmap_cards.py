"""The Roadmap page's lists: milestone cards per phase and the not-planned measures with their reasons."""

from __future__ import annotations

from roadmap.planning.planner import plan
from roadmap.views.roadmap_cards import LIST_UP_TO, milestone_cards, not_planned_rows
from tests.pages import large_workshop
from ui.session import demo_workshop


def test_every_phase_gets_a_card_with_its_end_date_in_the_language() -> None:
    demo = demo_workshop()  # as on the tests' day, 1 December 2026: a horizon of 2026-12 to 2027-12

    cards = milestone_cards(plan(demo.measures, demo.profile), "de")

    assert [c.phase for c in cards] == [*demo.profile.phase_names, "Q4/2027"]
    assert [c.day for c in cards] == ["31.12.2026", "31.03.2027", "30.06.2027", "30.09.2027", "31.12.2027"]
    assert cards[-1].finished_by_then == sum(c.finished_here for c in cards)


def test_a_long_list_of_finished_titles_is_cut_and_the_rest_counted() -> None:
    big = large_workshop()

    cards = milestone_cards(plan(big.measures, big.profile), "en")

    crowded = max(cards, key=lambda c: c.finished_here)
    assert len(crowded.titles) == min(LIST_UP_TO, crowded.finished_here)
    assert crowded.more == crowded.finished_here - len(crowded.titles)


def test_not_planned_measures_come_in_rank_order_with_a_reason_in_words() -> None:
    demo = demo_workshop()
    roadmap = plan(demo.measures, demo.profile)

    rows = not_planned_rows(roadmap, "de")

    ranks = {r.measure.title: r.rank for r in roadmap.ranking}
    assert [ranks[row.title] for row in rows] == sorted(ranks[row.title] for row in rows)
    assert {row.title for row in rows if row.done} == {"Digitalstrategie und Roadmap"}
    assert any(row.reason.startswith("Ausgeschlossen") for row in rows)
    assert len(rows) == len(roadmap.not_planned)

"""Comparing two states of a workshop names what was added, removed, changed and moved, and the cost difference."""

from __future__ import annotations

from datetime import date

from roadmap.domain.measure import Measure
from roadmap.domain.messages import Message
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.planning.budget import yearly_costs
from roadmap.planning.planner import plan
from roadmap.workshop.compare import MEASURE_LABELS, PROFILE_LABELS, compare
from roadmap.workshop.demo import demo_workshop

DEMO = demo_workshop(date(2026, 12, 1))
PROFILE = Profile(revenue=4_000_000, baseline_it=40_000, horizon_start=Month(2026, 1), horizon_end=Month(2027, 12))
BASE = Workshop(
    PROFILE,
    (
        Measure("A", "ERP", one_time_cost=30_000, duration=3),
        Measure("B", "Schulung", depends_on=("A",), earliest_start=Month(2026, 5), running_cost=1_200),
        Measure("C", "Cloud-Backup", one_time_cost=5_000),
    ),
)


def test_identical_states_have_no_differences() -> None:
    result = compare(DEMO, DEMO)

    assert result.same
    assert result.summary() == [Message("Keine Unterschiede.", "No differences.")]


def test_added_removed_and_changed_measures_are_named_with_the_changed_fields() -> None:
    a, b, _ = BASE.measures
    after = BASE.with_changes(
        measures=(a.with_changes(title="ERP neu", one_time_cost=35_000), b, Measure("D", "Webshop", value=5))
    )

    result = compare(BASE, after)

    assert [m.id for m in result.added] == ["D"]
    assert [m.id for m in result.removed] == ["C"]
    assert [(c.measure.id, c.fields) for c in result.changed] == [("A", ("title", "one_time_cost"))]
    sentences = [s("de") for s in result.summary()]
    assert "Hinzugekommen (1): Webshop." in sentences
    assert "Entfernt (1): Cloud-Backup." in sentences
    assert "Geändert (1): ERP neu (Titel, Einmalkosten (€))." in sentences


def test_a_measure_in_other_months_is_listed_as_moved_with_its_end_and_the_months() -> None:
    a, b, c = BASE.measures
    after = BASE.with_changes(measures=(a, b.with_changes(earliest_start=Month(2026, 8)), c))

    result = compare(BASE, after)

    assert [(m.measure.id, m.before, m.after, m.months) for m in result.moved] == [
        ("B", Month(2026, 5), Month(2026, 8), 3)
    ]
    assert [(c.measure.id, c.fields) for c in result.changed] == [("B", ("earliest_start",))]
    assert "Verschoben (1): Schulung bis August 2026 statt Mai 2026 (+3 Monat(e))." in [
        s("de") for s in result.summary()
    ]
    assert "Moved (1): Schulung until August 2026 instead of May 2026 (+3 month(s))." in [
        s("en") for s in result.summary()
    ]


def test_measures_entering_or_leaving_the_plan_are_listed_apart_from_moves() -> None:
    a, b, c = BASE.measures
    after = BASE.with_changes(measures=(a.with_changes(excluded=True), b, c))

    result = compare(BASE, after)

    assert [m.id for m in result.no_longer_planned] == ["A", "B"]
    assert result.moved == () and result.newly_planned == ()
    assert [m.id for m in compare(after, BASE).newly_planned] == ["A", "B"]


def test_the_yearly_cost_difference_is_that_of_the_two_plans() -> None:
    after = BASE.with_changes(measures=(*BASE.measures, Measure("D", "Webshop", one_time_cost=12_500)))

    result = compare(BASE, after)

    totals_before = {y.year: y.total for y in yearly_costs(plan(BASE.measures, BASE.profile))}
    totals_after = {y.year: y.total for y in yearly_costs(plan(after.measures, after.profile))}
    assert [(y.year, y.before, y.after) for y in result.years] == [
        (year, totals_before[year], totals_after[year]) for year in (2026, 2027)
    ]
    assert result.years[0].difference == 12_500 and result.years[1].difference == 0
    sentences = result.summary()
    assert f"2026: Kosten 12.500\u00a0€ höher ({_euro(totals_after[2026])} statt {_euro(totals_before[2026])})." in [
        s("de") for s in sentences
    ]
    assert not any(s("de").startswith("2027") for s in sentences)


def _euro(amount: float) -> str:
    return f"{round(amount):,}".replace(",", ".") + "\u00a0€"


def test_lower_costs_and_changed_settings_are_said_plainly() -> None:
    after = BASE.with_changes(profile=BASE.profile.with_changes(budget_share=4.0), measures=BASE.measures[:2])

    result = compare(BASE, after)

    assert result.profile_fields == ("budget_share",)
    german = [s("de") for s in result.summary()]
    assert "Geänderte Einstellungen (1): Budgetanteil." in german
    assert any(s.startswith("2026: Kosten 5.000\u00a0€ niedriger") for s in german)


def test_given_plans_are_used_instead_of_planning_again() -> None:
    before_plan = plan(BASE.measures, BASE.profile)
    after_plan = plan(BASE.measures, BASE.profile.with_changes(horizon_start=Month(2026, 3)))

    result = compare(BASE, BASE, before_plan=before_plan, after_plan=after_plan)

    assert [(m.measure.id, m.before, m.after) for m in result.moved] == [
        ("A", Month(2026, 3), Month(2026, 5)),
        ("C", Month(2026, 1), Month(2026, 3)),
        ("B", Month(2026, 5), Month(2026, 6)),
    ]  # end months, in the order of the plan after


def test_long_lists_are_cut_after_five_names() -> None:
    after = BASE.with_changes(measures=(*BASE.measures, *(Measure(f"N{i}", f"Neu {i}") for i in range(8))))

    sentence = compare(BASE, after).summary()[0]

    assert sentence("de") == "Hinzugekommen (8): Neu 0, Neu 1, Neu 2, Neu 3, Neu 4 und 3 weitere."
    assert sentence("en") == "Added (8): Neu 0, Neu 1, Neu 2, Neu 3, Neu 4 and 3 more."


def test_every_measure_and_profile_field_has_a_label() -> None:
    from dataclasses import fields

    assert {f.name for f in fields(Measure)} - {"id"} <= set(MEASURE_LABELS)
    assert {f.name for f in fields(Profile)} <= set(PROFILE_LABELS)

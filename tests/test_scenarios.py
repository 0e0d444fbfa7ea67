"""Scenarios: each plans exactly like a workshop with its settings; the comparison tells the differences right."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap.domain.measure import Measure
from roadmap.domain.messages import RoadmapError
from roadmap.domain.month import Month
from roadmap.domain.profile import PlanMode, Profile
from roadmap.domain.workshop import Workshop
from roadmap.planning.budget import ABOVE, BELOW, WITHIN
from roadmap.planning.planner import plan
from roadmap.planning.scenario_compare import Kind, compare, figure_rows, format_figure, share_level
from roadmap.workshop.scenarios import (
    activate,
    active_workshop,
    add_scenario,
    change_scenario,
    delete_scenario,
    names,
    rename_scenario,
    scenario_plan,
    scenario_workshop,
)
from roadmap.workshop.serialize import workshop_from_json, workshop_to_json
from tests.portfolios import portfolios

SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PROFILE = Profile(name="Muster GmbH", revenue=1_000_000, budget_share=3.0, funding_rate=50.0)


def _workshop() -> Workshop:
    measures = (
        Measure("A", "ERP", value=5, effort=2, one_time_cost=20_000, funding_eligible=True, must_have=True, duration=3),
        Measure("B", "CRM", value=4, effort=2, one_time_cost=10_000, funding_eligible=True, duration=2),
        Measure("C", "Shop", value=3, effort=3, one_time_cost=15_000, duration=2),
        Measure("D", "Schulung", value=2, effort=1, one_time_cost=5_000, duration=1),
    )
    return Workshop(profile=PROFILE.with_changes(budget_share=2.0), measures=measures)


@SLOW
@given(
    portfolios(max_size=40, max_months=24),
    st.floats(0, 8),
    st.floats(0, 100),
    st.booleans(),
    st.sampled_from([0.0, 10.0, 30.0]),
)
def test_a_scenario_plans_exactly_like_a_workshop_with_its_settings(
    portfolio: tuple[list[Measure], Profile], share: float, rate: float, funding: bool, capacity: float
) -> None:
    measures, profile = portfolio
    workshop = Workshop(profile=profile, measures=tuple(measures))
    changed = add_scenario(
        workshop, "Variante", {"budget_share": share, "funding_rate": rate, "capacity": capacity}, funding=funding
    )
    by_hand = profile.with_changes(budget_share=share, funding_rate=rate if funding else 0.0, capacity=capacity)

    expected = plan(measures, by_hand)
    got = scenario_plan(changed, "Variante")

    assert got.placements == expected.placements
    assert got.not_planned == expected.not_planned
    assert got.profile == by_hand
    assert scenario_plan(changed, "Basis").placements == plan(measures, profile).placements


def test_forced_measures_plan_as_must_haves_and_exclusions_of_that_scenario_only() -> None:
    workshop = change_scenario(add_scenario(_workshop(), "Fokus"), "Fokus", forced_in=("D",), forced_out=("A",))

    variant = scenario_workshop(workshop, workshop.scenarios[0])
    by_id = variant.by_id()

    assert by_id["D"].must_have and not by_id["D"].excluded
    assert by_id["A"].excluded and not by_id["A"].must_have
    assert "A" not in scenario_plan(workshop, "Fokus").placements
    assert "A" in scenario_plan(workshop, "Basis").placements
    assert workshop.by_id()["A"].must_have  # the workshop's own measures stay as they were


def test_forcing_a_measure_in_takes_it_out_of_the_left_out_ones() -> None:
    workshop = change_scenario(add_scenario(_workshop(), "X"), "X", forced_out=("B", "C"))

    changed = change_scenario(workshop, "X", forced_in=("B",))

    assert changed.scenarios[0].forced_in == ("B",)
    assert changed.scenarios[0].forced_out == ("C",)


def test_a_setting_the_scenario_does_not_name_keeps_the_workshops_value() -> None:
    workshop = add_scenario(_workshop(), "Mehr Budget", {"budget_share": 4})
    later = workshop.with_changes(profile=workshop.profile.with_changes(revenue=2_000_000, baseline_it=10_000))

    profile = scenario_workshop(later, later.scenarios[0]).profile

    assert (profile.budget_share, profile.revenue, profile.baseline_it) == (4.0, 2_000_000, 10_000)


def test_a_scenarios_revenue_holds_for_every_year_and_without_one_the_workshops_growth_stays() -> None:
    growing = _workshop()
    growing = growing.with_changes(profile=growing.profile.with_changes(revenue_by_year={2027: 9_000_000}))
    workshop = add_scenario(
        add_scenario(growing, "Umsatz 5 Mio.", {"revenue": 5_000_000}), "Mehr Budget", {"budget_share": 4}
    )

    revenue, share = (scenario_workshop(workshop, s).profile for s in workshop.scenarios)

    assert (revenue.revenue_in(2026), revenue.revenue_in(2027)) == (5_000_000, 5_000_000)
    assert share.revenue_in(2027) == 9_000_000


def test_a_setting_back_to_none_follows_the_workshop_again() -> None:
    workshop = add_scenario(_workshop(), "X", {"budget_share": 4, "capacity": 30})

    changed = change_scenario(workshop, "X", {"budget_share": None})

    assert changed.scenarios[0].settings == {"capacity": 30.0}


@pytest.mark.parametrize(
    ("name", "settings", "words"),
    [
        ("", {}, "Namen"),
        ("Basis", {}, "vorbehalten"),
        ("base", {}, "vorbehalten"),
        ("x" * 41, {}, "40 Zeichen"),
        ("Kurz", {"horizon_end": Month(2025, 1)}, "Szenario „Kurz“: Der Planungszeitraum endet"),
        ("Negativ", {"budget_share": -1}, "Budgetanteil"),
        ("Fremd", {"employees": 3}, "unbekannte Einstellung employees"),
    ],
)
def test_a_bad_scenario_is_refused_in_words(name: str, settings: dict[str, object], words: str) -> None:
    with pytest.raises(RoadmapError, match=words):
        add_scenario(_workshop(), name, settings)


def test_two_scenarios_may_not_share_a_name_in_any_case() -> None:
    with pytest.raises(RoadmapError, match="schon ein Szenario"):
        add_scenario(add_scenario(_workshop(), "Vier"), "vier")


def test_renaming_the_active_scenario_keeps_it_active_and_deleting_it_returns_to_the_basis() -> None:
    workshop = activate(add_scenario(_workshop(), "Alt", {"budget_share": 4}), "alt")

    renamed = rename_scenario(workshop, "Alt", "Neu")
    deleted = delete_scenario(renamed, "Neu")

    assert renamed.active_scenario == "Neu"
    assert names(renamed) == ["Basis", "Neu"]
    assert active_workshop(renamed).profile.budget_share == 4.0
    assert deleted.active_scenario == "" and deleted.scenarios == ()
    assert active_workshop(deleted) == deleted


def test_the_basis_cannot_be_renamed_or_deleted() -> None:
    with pytest.raises(RoadmapError, match="Basis"):
        delete_scenario(_workshop(), "Basis")


def test_scenarios_and_the_active_one_survive_the_trip_to_json() -> None:
    workshop = change_scenario(
        activate(
            add_scenario(_workshop(), "Schnell", {"mode": PlanMode.OPTIMAL, "horizon_end": Month(2027, 6)}), "Schnell"
        ),
        "Schnell",
        funding=False,
        forced_in=("C",),
    )

    again = workshop_from_json(workshop_to_json(workshop))

    assert again == workshop
    assert active_workshop(again).profile.mode == PlanMode.OPTIMAL
    assert active_workshop(again).profile.funding_rate == 0.0


def test_a_workshop_without_scenarios_is_written_as_before() -> None:
    assert "scenarios" not in workshop_to_json(_workshop())


# --- the comparison, on hand-made cases ----------------------------------------------------------


def _pair() -> list:  # type: ignore[type-arg]
    workshop = add_scenario(_workshop(), "Vier Prozent", {"budget_share": 4})
    workshop = add_scenario(workshop, "Ohne Förderung", funding=False)
    return compare({name: scenario_plan(workshop, name) for name in names(workshop)})


def test_more_budget_plans_more_and_the_comparison_names_what_only_it_plans() -> None:
    basis, four, without = _pair()

    # 2 % of 1 M€ = 20,000 €: ERP 10,000 € and CRM 5,000 € after funding and the training 5,000 € fit, the shop
    # (15,000 €) only at 4 %; without funding the must-have ERP (20,000 €) takes the whole budget.
    assert [basis.planned, four.planned, without.planned] == [3, 4, 1]
    assert four.only_here == ("Shop",)
    assert basis.only_here == () and without.only_here == ()
    assert four.score > basis.score > without.score


def test_funding_received_is_the_funded_share_of_eligible_one_time_costs() -> None:
    basis, _, without = _pair()

    assert basis.funding == pytest.approx(15_000)  # 50 % of ERP 20,000 + CRM 10,000
    assert without.funding == 0
    assert without.years[0].total == pytest.approx(20_000 + 0)  # the ERP alone, unfunded


def test_the_comparison_says_when_the_must_haves_are_done_and_how_far_shared_measures_move() -> None:
    workshop = _workshop()
    workshop = add_scenario(workshop, "Kapazität", {"capacity": 1})
    workshop = workshop.with_changes(
        measures=tuple(m.with_changes(person_days=1.0) for m in workshop.measures),
    )
    basis, slow = compare({name: scenario_plan(workshop, name) for name in names(workshop)})

    assert basis.must_haves == 1 and basis.must_haves_missing == 0
    assert basis.must_haves_done == Month(2026, 3)
    moved = {m.title: m.months for m in slow.moved}
    assert moved and all(months > 0 for months in moved.values())
    assert basis.moved == ()


def test_each_years_cost_is_judged_against_the_corridor() -> None:
    basis, _, _ = _pair()

    assert basis.years[0].share == pytest.approx(basis.years[0].total / 1_000_000 * 100)
    assert [share_level(0.5), share_level(1.0), share_level(5.0), share_level(5.01)] == [BELOW, WITHIN, WITHIN, ABOVE]
    assert basis.cost == pytest.approx(sum(y.total for y in basis.years))


def test_the_comparison_rows_carry_one_figure_per_scenario_in_the_sessions_language() -> None:
    results = _pair()

    de = {row.key: row for row in figure_rows(results, "de")}
    en = {row.key: row for row in figure_rows(results, "en")}

    assert de["planned"].values == (3, 4, 1)
    assert de["only_here"].values == (None, "Shop", None)
    assert de["corridor_2026"].values == ("im Korridor", "im Korridor", "im Korridor")
    assert en["corridor_2026"].label == "Corridor 1–5 % 2026"
    assert de["must"].values[0] == "2026-03"
    assert format_figure(de["cost_2026"].values[2], Kind.MONEY, "de") == "20.000\xa0€"
    assert format_figure(de["share_2026"].values[2], Kind.PERCENT, "en") == "2.0 %"
    assert format_figure(None, Kind.MONEY) == "–"


def test_a_long_list_of_titles_is_cut_and_counted() -> None:
    measures = tuple(Measure(f"M{i}", f"Titel {i}", one_time_cost=1_000) for i in range(30))
    workshop = add_scenario(
        Workshop(profile=PROFILE.with_changes(budget_share=0.1), measures=measures), "Viel", {"budget_share": 10}
    )

    rows = {row.key: row for row in figure_rows(compare({n: scenario_plan(workshop, n) for n in names(workshop)}))}

    assert rows["only_here"].values[1].endswith("… (+17 weitere)")

"""The Szenarien page's rules (roadmap/views/scenarios.py): headline figures, the table, the texts, the fields."""

from __future__ import annotations

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.profile import PlanMode, Profile
from roadmap.domain.scenario import BASIS
from roadmap.domain.workshop import Workshop
from roadmap.planning.scenario_compare import ScenarioResult, compare
from roadmap.views import scenarios as view
from roadmap.workshop.scenarios import add_scenario, find, names, scenario_plan

PROFILE = Profile(name="Muster GmbH", revenue=1_000_000, budget_share=2.0, funding_rate=50.0, capacity=20.0)


def _workshop() -> Workshop:
    measures = (
        Measure("A", "ERP", value=5, effort=2, one_time_cost=20_000, funding_eligible=True, must_have=True, duration=3),
        Measure("B", "CRM", value=4, effort=2, one_time_cost=10_000, funding_eligible=True, duration=2),
        Measure("C", "Shop *neu*", value=3, effort=3, one_time_cost=15_000, duration=2),
    )
    workshop = Workshop(profile=PROFILE, measures=measures)
    workshop = add_scenario(workshop, "Vier Prozent", {"budget_share": 4})
    return add_scenario(workshop, "Ohne Förderung", funding=False)


def _results(workshop: Workshop) -> list[ScenarioResult]:
    return compare([(name, scenario_plan(workshop, name)) for name in names(workshop)])


def test_each_headline_shows_planned_value_and_cost_per_year_in_the_language() -> None:
    results = _results(_workshop())

    german, english = view.headlines(results, "", "de"), view.headlines(results, "", "en")

    shown = [f.label for f in german[0].figures]
    assert shown == ["Geplante Maßnahmen", "Nutzen (Summe der Scores)", "Kosten je Jahr (Ø)"]
    assert [f.label for f in english[0].figures] == ["Measures planned", "Value (summed score)", "Cost per year (avg.)"]
    assert [h.figures[0].value for h in german] == [str(r.planned) for r in results]
    assert german[0].figures[2].value.endswith("€") and english[0].figures[2].value.startswith("€")


@pytest.mark.parametrize(("active", "marked"), [("", BASIS), ("vier prozent", "Vier Prozent")])
def test_only_the_active_scenario_is_ticked_the_basis_when_none_is(active: str, marked: str) -> None:
    heads = view.headlines(_results(_workshop()), active, "de")

    assert [h.name for h in heads if h.active] == [marked]
    assert [h.title for h in heads if h.title.endswith(" ✓")] == [f"{marked} ✓"]


def test_a_scenarios_name_is_shown_as_typed_in_its_headline() -> None:
    workshop = add_scenario(_workshop(), "**fett** :red[rot]")

    heads = view.headlines(_results(workshop), "", "de")

    assert heads[-1].name == "**fett** :red[rot]"
    assert heads[-1].title.startswith("\\*\\*fett\\*\\*")


def test_the_figures_table_has_a_label_column_then_one_column_per_scenario() -> None:
    results = _results(_workshop())

    shown = view.figures_columns(results, "en")

    labels, columns = view.table(results, "en")
    assert list(shown) == ["Figure", BASIS, "Vier Prozent", "Ohne Förderung"]
    assert shown["Figure"] == labels
    assert shown["Vier Prozent"] == columns["Vier Prozent"]


def test_the_rows_of_names_show_titles_as_typed_and_a_dash_where_there_are_none() -> None:
    results = _results(_workshop())

    rows = view.name_lists(results, "de")

    assert [row.label for row in rows] == [row.label for row in view.listed(results, "de")]
    only_here = rows[0].values
    assert len(only_here) == len(results) and "–" in only_here
    assert any("Shop \\*neu\\*" in value for value in only_here)


def test_the_chart_caption_and_the_page_note_are_in_both_languages() -> None:
    for message in (view.CHART_CAPTION, view.PAGE_NOTE, view.ACTIVE_NOTE):
        assert message("de") != message("en")
    assert "1–5 %" in view.CHART_CAPTION("de") and "1–5 %" in view.CHART_CAPTION("en")


def test_every_planning_mode_has_a_name_in_both_languages() -> None:
    assert set(view.MODES) == set(PlanMode)
    assert [view.MODES[PlanMode.GREEDY](lang) for lang in ("de", "en")] == ["Schnell", "Fast"]


def test_a_choice_of_scenarios_drops_the_deleted_ones_and_falls_back_to_the_default() -> None:
    every = [BASIS, "Vier Prozent"]

    assert view.still_picked(["Vier Prozent", "Weg"], every, [BASIS]) == ["Vier Prozent"]
    assert view.still_picked(["Weg"], every, [BASIS]) == [BASIS]


def test_each_field_shows_the_value_the_scenario_plans_with() -> None:
    workshop = _workshop()
    without = find(workshop, "Ohne Förderung")
    assert without is not None
    later = without.with_changes(settings={"horizon_end": str(PROFILE.horizon_end + 12)})

    shown = view.shown_settings(workshop.profile, without)

    assert shown["budget_share"] == 2.0 and shown["capacity"] == 20.0 and shown["mode"] == PlanMode.GREEDY
    assert shown["funding_rate"] == 50.0  # the rate it would have, though the funding does not come through
    assert view.shown_settings(workshop.profile, later)["horizon_end"] == PROFILE.horizon_end + 12
    assert PROFILE.horizon_end + 12 in view.horizon_ends(workshop.profile)


def test_a_new_scenario_names_only_the_settings_that_differ_from_the_basis() -> None:
    assert view.new_settings(PROFILE, 2.0, 20.0) == {}
    assert view.new_settings(PROFILE, 4.0, 20.0) == {"budget_share": 4.0}
    assert view.new_settings(PROFILE, 4.0, 0.0) == {"budget_share": 4.0, "capacity": 0.0}


def test_each_setting_field_changes_only_its_own_scenario() -> None:
    workshop = _workshop()

    changed = view.setting_change("Vier Prozent", "capacity")(workshop, 5.0)
    changed = view.funding_change("Vier Prozent")(changed, False)

    four, without = find(changed, "Vier Prozent"), find(changed, "Ohne Förderung")
    assert four is not None and without is not None
    assert four.settings == {"budget_share": 4, "capacity": 5.0} and not four.funding
    assert without.settings == {}


def test_a_measure_forced_in_leaves_the_left_out_ones() -> None:
    workshop = view.forced_change("Vier Prozent", "forced_out")(_workshop(), ["A", "B"])

    changed = view.forced_change("Vier Prozent", "forced_in")(workshop, ["B"])

    four = find(changed, "Vier Prozent")
    assert four is not None and (four.forced_in, four.forced_out) == (("B",), ("A",))


def test_back_to_the_basis_forgets_every_own_setting_and_forced_measure() -> None:
    workshop = view.forced_change("Ohne Förderung", "forced_out")(_workshop(), ["C"])

    back = find(view.back_to_basis(workshop, "Ohne Förderung"), "Ohne Förderung")

    assert back is not None and (back.settings, back.funding, back.forced_in, back.forced_out) == ({}, True, (), ())
    assert view.against_basis(workshop.profile, back, "en") == "Against the Basis: as the Basis"


def test_the_line_above_the_fields_says_what_the_scenario_changes() -> None:
    workshop = _workshop()
    four = view.chosen_scenario(workshop, "Vier Prozent")

    assert view.against_basis(workshop.profile, four, "de") == "Gegenüber der Basis: Budget 4,0 %"
    assert view.chosen_scenario(workshop, "Weg").name == "Vier Prozent"

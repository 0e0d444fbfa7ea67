"""The Szenarien page: scenarios side by side, created, changed, activated and deleted in the app."""

from __future__ import annotations

import json

import pytest

from roadmap.domain.month import Month
from roadmap.domain.profile import PlanMode
from roadmap.domain.workshop import Workshop
from roadmap.planning.scenario_compare import compare
from roadmap.views.scenarios import table
from roadmap.workshop.scenarios import add_scenario, names, scenario_plan
from tests.pages import WORKSHOPS, open_page, own
from ui.session import demo_workshop, store

PAGE = "app_pages/07_szenarien.py"


def _with_scenarios(base: Workshop) -> Workshop:
    workshop = add_scenario(base, "Vier Prozent", {"budget_share": 4})
    return add_scenario(workshop, "Ohne Förderung", funding=False)


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", list(WORKSHOPS))
def test_the_page_opens_for_every_workshop_without_an_error(name: str, lang: str) -> None:
    app = open_page(PAGE, WORKSHOPS[name](), lang)

    assert not app.exception
    assert app.title[0].value == ("Szenarien" if lang == "de" else "Scenarios")
    if name == "empty":
        assert "keine Maßnahmen" in app.info[0].value or "no measures" in app.info[0].value
    else:
        assert any("Basis" in info.value for info in app.info)  # only the Basis so far: how to begin


@pytest.mark.parametrize("name", ["demo", "large"])
def test_scenarios_stand_side_by_side_with_the_figures_of_the_comparison(name: str) -> None:
    workshop = _with_scenarios(WORKSHOPS[name]())

    app = open_page(PAGE, workshop)

    shown = app.dataframe[0].value
    labels, columns = table(compare({n: scenario_plan(workshop, n) for n in names(workshop)}), "de")
    assert list(shown.columns) == ["Kennzahl", "Basis", "Vier Prozent", "Ohne Förderung"]
    assert list(shown["Kennzahl"]) == labels
    for scenario, values in columns.items():
        assert list(shown[scenario]) == values
    planned = [m.value for m in app.metric if m.label == "Geplante Maßnahmen"]
    assert planned == [columns[n][0] for n in ("Basis", "Vier Prozent", "Ohne Förderung")]
    (chart,) = app.get("vega_lite_chart")
    assert [layer["mark"]["type"] for layer in json.loads(chart.proto.spec)["layer"]].count("point") == 1
    assert "scenarios" in [dataset.name for dataset in chart.proto.datasets]


def test_a_new_scenario_is_created_saved_and_can_be_undone() -> None:
    app = open_page(PAGE, demo_workshop())
    ident = app.query_params["w"][0] if isinstance(app.query_params["w"], list) else app.query_params["w"]

    app.text_input(key="scenario_new_name").input("Sparsam")
    app.number_input(key="scenario_new_share").set_value(2.0)
    app.toggle(key="scenario_new_funding").set_value(False)
    app.button(key="scenario_new_go").click().run()

    saved, _ = store().load(ident)
    assert [s.name for s in saved.scenarios] == ["Sparsam"]
    assert saved.scenarios[0].settings == {"budget_share": 2.0}
    assert saved.scenarios[0].funding is False
    assert not app.exception
    assert list(app.dataframe[0].value.columns) == ["Kennzahl", "Basis", "Sparsam"]
    assert store().undo_state(ident).undo >= 1


def test_a_bad_name_is_refused_in_words_and_nothing_is_saved() -> None:
    app = open_page(PAGE, demo_workshop())

    app.text_input(key="scenario_new_name").input("Basis")
    app.button(key="scenario_new_go").click().run()

    assert any("vorbehalten" in error.value for error in app.error)
    assert not app.exception


def test_activating_a_scenario_makes_every_page_plan_with_it() -> None:
    workshop = _with_scenarios(demo_workshop())
    app = open_page(PAGE, workshop)
    ident = app.query_params["w"][0] if isinstance(app.query_params["w"], list) else app.query_params["w"]

    next(b for b in own(app.button) if (b.key or "").startswith("scenario_activate_Vier Prozent")).click().run()

    saved, _ = store().load(ident)
    assert saved.active_scenario == "Vier Prozent"
    budget = open_page("app_pages/06_budget.py", ident=ident)
    assert any("Vier Prozent" in caption.value for caption in [*budget.caption, *budget.info])


def test_changing_a_setting_of_a_scenario_saves_it_at_once() -> None:
    app = open_page(PAGE, _with_scenarios(demo_workshop()))
    ident = app.query_params["w"][0] if isinstance(app.query_params["w"], list) else app.query_params["w"]

    app.number_input(key="scenario_capacity_Vier Prozent").set_value(30.0).run()

    saved, _ = store().load(ident)
    assert saved.scenarios[0].settings == {"budget_share": 4.0, "capacity": 30.0}
    assert not app.exception


def test_deleting_the_active_scenario_returns_to_the_basis() -> None:
    workshop = _with_scenarios(demo_workshop()).with_changes(active_scenario="Vier Prozent")
    app = open_page(PAGE, workshop)
    ident = app.query_params["w"][0] if isinstance(app.query_params["w"], list) else app.query_params["w"]

    app.selectbox(key="scenario_edit").set_value("Vier Prozent").run()
    next(b for b in own(app.button) if (b.key or "").startswith("scenario_delete_Vier Prozent")).click().run()

    saved, _ = store().load(ident)
    assert [s.name for s in saved.scenarios] == ["Ohne Förderung"]
    assert saved.active_scenario == ""


def test_mode_horizon_end_and_forced_measures_of_a_scenario_are_saved_from_their_fields() -> None:
    workshop = _with_scenarios(demo_workshop())
    app = open_page(PAGE, workshop)
    ident = app.query_params["w"][0] if isinstance(app.query_params["w"], list) else app.query_params["w"]
    first = workshop.measures[0].id

    app.selectbox(key="scenario_mode_Vier Prozent").set_value(PlanMode.OPTIMAL).run()
    app.selectbox(key="scenario_horizon_end_Vier Prozent").set_value(Month(2027, 6)).run()
    app.multiselect(key="scenario_forced_out_Vier Prozent").set_value([first]).run()

    saved, _ = store().load(ident)
    scenario = saved.scenarios[0]
    assert scenario.settings == {"budget_share": 4.0, "mode": "optimal", "horizon_end": "2027-06"}
    assert scenario.forced_out == (first,)
    assert not app.exception
    assert "2027-06" in app.caption[0].value or any("Ende 2027-06" in c.value for c in app.caption)


def test_presenter_mode_shows_the_comparison_without_any_control() -> None:
    app = open_page(PAGE, _with_scenarios(demo_workshop()), presenter=True)

    assert not app.exception
    assert list(app.dataframe[0].value.columns) == ["Kennzahl", "Basis", "Vier Prozent", "Ohne Förderung"]
    assert not own(app.button) and not app.text_input and not app.number_input and not app.multiselect


def test_a_scenario_is_renamed_and_stays_chosen_under_its_new_name() -> None:
    app = open_page(PAGE, _with_scenarios(demo_workshop()))
    ident = app.query_params["w"][0] if isinstance(app.query_params["w"], list) else app.query_params["w"]
    assert app.selectbox(key="scenario_edit").value == "Vier Prozent"

    app.text_input(key="scenario_name_Vier Prozent").input("Vier Prozent Budget")
    app.button(key="scenario_rename_go_Vier Prozent").click().run()

    assert not app.exception
    saved, _ = store().load(ident)
    assert [s.name for s in saved.scenarios] == ["Vier Prozent Budget", "Ohne Förderung"]
    assert app.selectbox(key="scenario_edit").value == "Vier Prozent Budget"
    assert app.text_input(key="scenario_name_Vier Prozent Budget").value == "Vier Prozent Budget"


def test_a_rename_to_a_taken_name_is_refused_in_words_and_nothing_changes() -> None:
    app = open_page(PAGE, _with_scenarios(demo_workshop()))
    ident = app.query_params["w"][0] if isinstance(app.query_params["w"], list) else app.query_params["w"]

    app.text_input(key="scenario_name_Vier Prozent").input("Ohne Förderung")
    app.button(key="scenario_rename_go_Vier Prozent").click().run()

    assert not app.exception
    assert any("Ohne Förderung" in error.value for error in app.error)
    saved, _ = store().load(ident)
    assert [s.name for s in saved.scenarios] == ["Vier Prozent", "Ohne Förderung"]
    assert app.selectbox(key="scenario_edit").value == "Vier Prozent"
